"""The same bytes and the same verdict wherever codegen runs: from any directory of the
project, on a Windows checkout (CRLF, byte-order marks), with .yml catalogues; and a
configuration from a pull request is checked before anything is read or written."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.config import load_config
from conftest import ROOT, Run

PYPROJECT = """\
[tool.codegen]
catalogs = "catalogs"
out = "out"
python_package = "errcodes"
go_module = "example.com/errcodes"
categories = "schema/categories.yaml"
"""


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def contents(directory: Path) -> dict[str, bytes]:
    return {path: data for path, (data, _) in snapshot(directory).items()}


def make_project(directory: Path, convert: Callable[[bytes], bytes] = lambda b: b) -> Path:
    """A copy of this repository's catalogues and configuration, each catalogue's bytes
    passed through ``convert``."""
    (directory / "catalogs").mkdir(parents=True)
    for catalog in sorted((ROOT / "catalogs").glob("*.yaml")):
        (directory / "catalogs" / catalog.name).write_bytes(convert(catalog.read_bytes()))
    (directory / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "categories.yaml", directory / "schema")
    (directory / "pyproject.toml").write_text(PYPROJECT)
    return directory


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codegen: Callable[..., Run]) -> Path:
    make_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path / "project")
    assert codegen("generate", "--no-cache").status == 0
    return tmp_path / "project"


@pytest.mark.parametrize("where", ["catalogs", "out/go", "out/python/errcodes", "schema"])
def test_any_directory_gives_the_same_bytes_and_verdict(
    project: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    at_root = {command: codegen(command, "--no-cache") for command in ("check", "validate")}
    before = snapshot(project / "out")
    monkeypatch.chdir(project / where)
    generate = codegen("generate", "--no-cache")
    assert generate.status == 0
    files = sum(1 for p in (project / "out").rglob("*") if p.is_file())
    assert generate.stdout.endswith(f"codegen: 0 written, 0 removed, {files} unchanged in out\n")
    assert snapshot(project / "out") == before  # not one byte, not one mtime
    for command, expected in at_root.items():
        assert codegen(command, "--no-cache") == expected


def test_messages_name_files_from_the_project_whatever_the_directory(
    project: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    weex = project / "catalogs" / "weex.yaml"
    weex.write_text(weex.read_text().replace("code_type: integer", "code_type: integr"))
    monkeypatch.chdir(project / "out" / "go")
    result = codegen("validate", "--no-cache")
    assert result.status == 1
    assert result.stdout.startswith("catalogs/weex.yaml:")
    assert str(project) not in result.stdout + result.stderr


def crlf_and_bom(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")


def test_crlf_and_bom_catalogues_generate_the_same_bytes(
    project: Path, tmp_path: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    windows = make_project(tmp_path / "windows", crlf_and_bom)
    assert b"\r\n" in (windows / "catalogs" / "weex.yaml").read_bytes()
    monkeypatch.chdir(windows)
    assert codegen("generate", "--no-cache").status == 0
    assert contents(windows / "out") == contents(project / "out")
    # And a CRLF copy is checked against LF output as current.
    shutil.rmtree(windows / "out")
    shutil.copytree(project / "out", windows / "out")
    assert codegen("check", "--no-cache").status == 0


def git(*args: str | Path, cwd: Path) -> str:
    environment = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(cwd)}
    return subprocess.run(
        ["git", *map(str, args)],
        cwd=cwd,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def test_a_windows_checkout_passes_check(
    project: Path, tmp_path: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With this repository's .gitattributes, core.autocrlf=true converts nothing that
    codegen compares; without it, the same checkout would fail."""
    shutil.copy(ROOT / ".gitattributes", project)
    git("init", "-q", "-b", "main", cwd=project)
    git("add", ".", cwd=project)
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x", cwd=project)
    clone = tmp_path / "clone"
    git("clone", "-q", "-c", "core.autocrlf=true", project, clone, cwd=tmp_path)
    assert git("config", "core.autocrlf", cwd=clone).strip() == "true"
    monkeypatch.chdir(clone)
    assert codegen("check", "--no-cache").status == 0

    (clone / ".git" / "info" / "attributes").write_text("out/** text\n")  # overrides it
    shutil.rmtree(clone / "out")
    git("checkout", "--", "out", cwd=clone)
    assert b"\r\n" in (clone / "out" / "go" / "go.mod").read_bytes()  # converted now
    assert codegen("check", "--no-cache").status == 1


def test_yml_catalogues_are_read(project: Path, codegen: Callable[..., Run]) -> None:
    (project / "catalogs" / "binance.yaml").rename(project / "catalogs" / "binance.yml")
    assert codegen("generate", "--no-cache").status == 0
    header = (project / "out" / "python" / "errcodes" / "binance.py").read_text().partition("\n")[0]
    assert " from catalogs/binance.yml (sha256 " in header
    shutil.copy(project / "catalogs" / "binance.yml", project / "catalogs" / "binance.yaml")
    result = codegen("validate", "--no-cache")
    assert result.status == 1
    assert "error[DUPLICATE_PLATFORM]: platform binance is already claimed by" in result.stdout


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ('python_package = "../../x"', "python_package must be a Python identifier"),
        ('python_package = "/abs/path"', "python_package must be a Python identifier"),
        ('python_package = "class"', "python_package must be a Python identifier"),
        ('go_module = "example.com/x\\nreplace a => ../b"', "go_module must not hold control"),
        ('go_module = "example.com/x toolchain"', "go_module must be a Go module path"),
        ("go_module = 'example.com/\"x'", "go_module must be a Go module path"),
        ('go_module = "example.com/../x"', "go_module must be a Go module path"),
        ('out = ".."', "out '..' leads outside the project"),
        ('out = "/tmp/out"', "out must be a path relative to the project"),
        ('out = "."', "out '.' would hold the project"),
        ('out = "catalogs/.."', "out 'catalogs/..' would hold the project"),
        ('catalogs = "../../etc"', "catalogs '../../etc' leads outside the project"),
        ('categories = "/etc/passwd"', "categories must be a path relative to the project"),
        ('out = "link"', "out 'link' leads outside the project"),
        ('targets = ["python", "cobol"]', "targets names unknown target 'cobol'"),
        ('rust_crate = "err-codes"', "rust_crate must be a crate name"),
        ('rust_crate = "std"', "rust_crate must be a crate name"),
        ('rust_crate = "match"', "rust_crate must be a crate name"),
        ('rust_crate = "x\\"\\n[dependencies]"', "rust_crate must not hold control"),
        ('targets = "python"', "targets must be a non-empty list"),
        ('version = "1.0"', "version must be MAJOR.MINOR.PATCH"),
        ('version = "1.0.0+build"', "version must be MAJOR.MINOR.PATCH"),
        ('typescript_package = "ErrCodes"', "typescript_package must be an npm package name"),
        ('typescript_package = "../x"', "typescript_package must be an npm package name"),
        ('go_import_path = "example.com/x/out/go"', "go_module and go_import_path are two ways"),
        ('catalogs = "a\\u2028b"', "catalogs must not hold control or invisible characters"),
        ('docs_url = "ftp://x.org/docs/"', "docs_url must be an absolute http or https URL"),
        ('docs_url = "not a url"', "docs_url must be an absolute http or https URL"),
        ('docs_url = "errors.example.com/docs/"', "docs_url must be an absolute http or https"),
        ('docs_url = "https://x.org/docs?lang=en"', "docs_url must be an absolute http or https"),
        ('docs_url = "https://x.org/docs#top"', "docs_url must be an absolute http or https"),
        ('docs_url = "https:///docs/"', "docs_url must be an absolute http or https URL"),
        ('docs_url = "https://:8080/docs/"', "docs_url must be an absolute http or https URL"),
        ('docs_url = "https://x.org:99999/"', "docs_url must be an absolute http or https URL"),
        ('docs_url = "https://x.org/a b/"', "docs_url must be an absolute http or https URL"),
        ("docs_url = 'https://x.org/\"+alert(1)+\"'", "docs_url must be an absolute http"),
        ('docs_url = "https://x.org\\\\@y.org/"', "docs_url must be an absolute http or https"),
        ('docs_url = "https://x.org/d\\u00e9j\\u00e0/"', "docs_url must be an absolute http"),
        ('docs_url = "https://x.org/%zz/"', "docs_url must be an absolute http or https URL"),
        ('docs_url = "https://x.org/\\n"', "docs_url must not hold control"),
        ('docs_url = ""', "docs_url must be a non-empty string"),
        ("docs_url = 1", "docs_url must be a non-empty string"),
    ],
)
def test_hostile_configuration_is_refused_with_the_settings_name(
    codegen: Callable[..., Run],
    setting: str,
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    (project / "link").symlink_to(tmp_path)
    key = setting.partition(" = ")[0]
    lines = [line for line in PYPROJECT.splitlines() if not line.startswith(key + " ")]
    (project / "pyproject.toml").write_text("\n".join([*lines, setting]) + "\n")
    before = snapshot(project)
    for command in ("generate", "check", "validate"):
        result = codegen(command, "--no-cache")
        assert result.status == 2, (command, result)
        assert result.stderr.startswith(f"codegen: pyproject.toml: [tool.codegen] {message}")
        assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project) == before
    assert sorted(os.listdir(tmp_path)) == ["project"]


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("https://errors.example.com/docs/", "https://errors.example.com/docs/"),
        ("https://errors.example.com/docs", "https://errors.example.com/docs/"),
        ("HTTP://errors.example.com", "http://errors.example.com/"),
        ("https://[2001:db8::1]:8443/d%C3%A9j%C3%A0", "https://[2001:db8::1]:8443/d%C3%A9j%C3%A0/"),
        (None, None),
    ],
)
def test_docs_url_is_read_as_the_base_of_every_documentation_url(
    tmp_path: Path, given: str | None, used: str | None
) -> None:
    """A "/" ends it, so that the platform's page follows; no setting, no URLs."""
    setting = "" if given is None else f'docs_url = "{given}"\n'
    (tmp_path / "pyproject.toml").write_text(f"[tool.codegen]\n{setting}")
    assert load_config(tmp_path).options.docs_url == used


PYTHON_DOC_URLS = """\
from errcodes.binance import BinanceCode, BinanceError
from errcodes.open_platform_gateway import OpenPlatformGatewayCode

print(BinanceCode.TOO_MANY_REQUESTS.doc_url)
print(BinanceError(BinanceCode.TOO_MANY_REQUESTS, limit=1200).doc_url)
print(OpenPlatformGatewayCode("API_SYS_REQMETHOD").doc_url)
"""


def test_python_doc_urls_are_none_unless_docs_url_is_set(
    project: Path, codegen: Callable[..., Run]
) -> None:
    """Without docs_url a code's and an error's doc_url is None; with it, the platform's
    page with the code as its anchor, an integer in decimal, a string as it is."""

    def doc_urls() -> list[str]:
        code = str(project / "out" / "python")
        script = f"import sys\nsys.path.insert(0, {code!r})\n{PYTHON_DOC_URLS}"
        ran = subprocess.run(
            [sys.executable, "-B", "-I", "-c", script], capture_output=True, text=True
        )
        assert ran.returncode == 0, ran.stderr
        return ran.stdout.splitlines()

    assert doc_urls() == ["None", "None", "None"]
    configured = PYPROJECT + 'docs_url = "https://errors.example.com/docs"\n'
    (project / "pyproject.toml").write_text(configured)
    assert codegen("generate", "--no-cache").status == 0
    assert doc_urls() == [
        "https://errors.example.com/docs/binance.html#-1003",
        "https://errors.example.com/docs/binance.html#-1003",
        "https://errors.example.com/docs/open_platform_gateway.html#API_SYS_REQMETHOD",
    ]


@pytest.mark.parametrize("out", ["..", ".", "catalogs", "../.."])
def test_out_flag_never_holds_the_project(
    project: Path, codegen: Callable[..., Run], out: str
) -> None:
    result = codegen("generate", "--no-cache", "--out", out)
    assert result.status == 2
    assert "would hold" in result.stderr
    assert not (project / "python").exists() and not (project.parent / "python").exists()


def test_go_import_path_must_be_where_the_module_puts_out_go(
    codegen: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With go_import_path the packages join the module around out/go, without a go.mod of
    their own; the path must be the one that module's go.mod gives out/go."""
    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    configured = PYPROJECT.replace('go_module = "example.com/errcodes"', "{}")
    (project / "pyproject.toml").write_text(configured.format('go_import_path = "x.org/a/out/go"'))
    missing = codegen("generate", "--no-cache")
    assert missing.status == 2 and "no go.mod is there or above it" in missing.stderr
    (project / "go.mod").write_text(
        "// The service.\nmodule example.com/app // comment\n\ngo 1.22\n"
    )
    wrong = codegen("generate", "--no-cache")
    assert wrong.status == 2
    assert "go.mod makes out/go 'example.com/app/out/go'" in wrong.stderr
    assert not (project / "out").exists()
    right = 'go_import_path = "example.com/app/out/go"'
    (project / "pyproject.toml").write_text(configured.format(right))
    assert codegen("generate", "--no-cache").status == 0
    assert not (project / "out" / "go" / "go.mod").exists()
    vectors = (project / "out" / "vectors" / "weex.json").read_text()
    assert '"import_path": "example.com/app/out/go/weex"' in vectors
