"""The README works as written: its configuration, vendoring, installation and pre-commit
examples are taken from the README itself and run here, in empty repositories."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, Run, toolchain

README = (ROOT / "README.md").read_text("utf-8")


def block(language: str, containing: str) -> str:
    """The one fenced ``language`` block of the README that contains ``containing``."""
    found = [
        text
        for text in re.findall(rf"^```{language}\n(.*?)^```$", README, re.S | re.M)
        if containing in text
    ]
    assert len(found) == 1, f"{len(found)} {language} blocks hold {containing!r}"
    return found[0]


def copy_catalogs(directory: Path) -> None:
    directory.mkdir(parents=True)
    for catalog in (ROOT / "catalogs").glob("*.yaml"):
        shutil.copy(catalog, directory)


def git(*args: str | Path, cwd: Path) -> str:
    return subprocess.run(
        ["git", *map(str, args)], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def test_the_configuration_example_is_valid(
    tmp_path: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    example = block("toml", "max_text_length")
    (tmp_path / "pyproject.toml").write_text(example)
    copy_catalogs(tmp_path / "catalogs")
    (tmp_path / "schema").mkdir()
    shutil.copy(ROOT / "schema" / "categories.yaml", tmp_path / "schema")
    monkeypatch.chdir(tmp_path)
    assert codegen("validate", "--no-cache").status == 0
    assert codegen("generate", "--no-cache").status == 0
    # This repository's own configuration, with the defaults of the other settings.
    own = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["codegen"]
    assert own.items() <= tomllib.loads(example)["tool"]["codegen"].items()


def test_vendoring_in_an_empty_repository(
    tmp_path: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    import test_go_package as go_package

    consumer = tmp_path / "service"
    consumer.mkdir()
    go = toolchain("go")
    env = {**os.environ, **go_package.MODULE_ENV}

    def run(*argv: str) -> str:
        done = subprocess.run(argv, cwd=consumer, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
        return done.stdout

    git("init", "-q", cwd=consumer)
    module = re.search(r"`go mod init (\S+)`", README)
    assert module is not None
    run(go, "mod", "init", module.group(1))
    config = block("toml", "third_party/errcodes")
    (consumer / "pyproject.toml").write_text(config)
    (consumer / ".gitattributes").write_text(block("gitattributes", "third_party/errcodes"))
    copy_catalogs(consumer / "errors" / "catalogs")
    monkeypatch.chdir(consumer)
    generated = codegen("generate")
    assert generated.status == 0, generated.stdout + generated.stderr
    vendored = consumer / "third_party" / "errcodes"
    assert sorted(p.name for p in vendored.iterdir()) == ["go"]
    assert not (vendored / "go" / "go.mod").exists()
    assert codegen("check").status == 0
    import_path = tomllib.loads(config)["tool"]["codegen"]["go_import_path"]
    (consumer / "main.go").write_text(go_package.PROGRAM.format(import_path=import_path))
    run(go, "vet", "./...")
    assert run(go, "run", ".") == go_package.OUTPUT


def test_the_api_examples_are_the_ones_the_consumer_tests_run() -> None:
    """The TypeScript, Go and Rust examples of "The generated code" are, character for
    character, the programs the consumer tests compile and run; the Go module lines and the
    Rust dependency are theirs too."""
    import test_go_package as go_package
    import test_rust_package as rust_package
    import test_typescript_package as typescript_package

    assert block("rust", "Error::too_many_requests(1200)") == rust_package.PROGRAM
    assert block("toml", rust_package.DEPENDENCY) == f"[dependencies]\n{rust_package.DEPENDENCY}\n"
    assert block("ts", "new BinanceError(") == typescript_package.APP.replace(
        '"PACKAGE', '"errcodes'
    )
    assert block("go", "binance.NewTooManyRequests(1200)") == go_package.PROGRAM.format(
        import_path=go_package.MODULE
    )
    assert block("gomod", "replace ") == go_package.REQUIRE
    assert "`go work init ./app && go work use ./errcodes`" in README


@pytest.mark.parametrize("marker", ["errcodes.PlatformError", "classify_text(429"])
def test_the_python_examples_run(tmp_path: Path, marker: str) -> None:
    """The Python examples of "The generated code", as written, against out/python, in a
    process of their own (-B: no __pycache__ in out/)."""
    example = tmp_path / "example.py"
    example.write_text(block("python", marker))
    code = ROOT / "out" / "python"
    script = f"import runpy, sys; sys.path.insert(0, {str(code)!r}); runpy.run_path(sys.argv[1])"
    ran = subprocess.run(
        [sys.executable, "-B", "-I", "-c", script, example], capture_output=True, text=True
    )
    assert ran.returncode == 0, ran.stderr


def test_the_pre_commit_hooks_exist_and_run(
    tmp_path: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    config = yaml.safe_load(block("yaml", "rev: <commit>"))
    hooks = {
        hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    (repo,) = config["repos"]
    assert repo["rev"] == "<commit>"
    copy_catalogs(tmp_path / "catalogs")
    monkeypatch.chdir(tmp_path)
    for used in repo["hooks"]:
        hook = hooks[used["id"]]
        program, *argv = hook["entry"].split()
        assert program == "codegen" and hook["pass_filenames"] is False
        if argv == ["check"]:
            assert codegen("generate").status == 0
        assert codegen(*argv).status == 0, hook["id"]


def test_pip_install_from_git_at_a_commit(tmp_path: Path) -> None:
    """The install command as the README writes it, with this repository (at its last
    commit) for the GitHub address: a fresh environment gets a working codegen."""
    command = block("sh", "pip install").strip()
    commit = git("rev-parse", "HEAD", cwd=ROOT).strip()
    source = tmp_path / "source"
    git("clone", "-q", ROOT, source, cwd=tmp_path)
    command = command.replace(
        "https://github.com/<owner>/<this repository>", f"file://localhost{source}"
    ).replace("<commit>", commit)
    argv = shlex.split(command)
    assert argv[:2] == ["pip", "install"]
    subprocess.run([sys.executable, "-m", "venv", tmp_path / "venv"], check=True)
    pip = [
        tmp_path / "venv" / "bin" / "python",
        "-m",
        "pip",
        "--quiet",
        "--disable-pip-version-check",
    ]
    installed = subprocess.run([*pip, *argv[1:]], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stderr
    version = subprocess.run(
        [tmp_path / "venv" / "bin" / "codegen", "--version"], capture_output=True, text=True
    )
    assert version.stdout.startswith("codegen ")


def test_the_extension_examples_are_the_ones_the_tests_run() -> None:
    """Each example of "Extending codegen" is, character for character, what
    tests/test_extend.py runs (project, templates, plugin)."""
    import test_extend as run

    assert block("toml", 'templates = "codegen-templates"\n') == run.OVERRIDE_PYPROJECT
    assert block("jinja", "{{ title_doc }}: error codes.") == run.OVERRIDE_DOCSTRING
    assert block("toml", "[tool.codegen.target.c_header]") == run.C_HEADER_PYPROJECT
    assert block("jinja", "#ifndef ERRCODES_{{") == run.PLATFORM_H
    assert block("jinja", "#ifndef ERRCODES_H") == run.ALL_H
    assert block("toml", "[tool.codegen.target.codes]") == run.PLUGIN_PYPROJECT
    assert block("js", "codegen plugin") == (ROOT / "tests" / "plugins" / "codes.mjs").read_text()


def test_the_catalogue_example_validates(
    tmp_path: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The annotated catalogue of "Writing a catalogue" is valid, but for the name its
    replaced_by makes up and the suppression nothing needs; its example classifies to its
    entry."""
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "weex.yaml").write_text(block("yaml", "code_space: weex_gateway"))
    monkeypatch.chdir(tmp_path)
    result = codegen("validate", "--no-cache")
    assert [line.split(": ")[1] for line in result.stdout.splitlines()] == [
        "error[UNKNOWN_REPLACEMENT]",
        "warning[UNUSED_SUPPRESSION]",
    ]


def test_the_classification_sessions_run_as_shown(tmp_path: Path) -> None:
    """Each `$ command` of "Classifying responses" prints the lines under it, run by a shell
    in a project holding this repository's catalogues and the README's responses.jsonl."""
    copy_catalogs(tmp_path / "catalogs")
    (tmp_path / "responses.jsonl").write_text(block("jsonl", '"platform": "binance"'))
    codegen_dir = str(Path(toolchain("codegen")).parent)
    env = {**os.environ, "PATH": f"{codegen_dir}{os.pathsep}{os.environ['PATH']}"}
    sessions = [block("console", "codegen classify wechat"), block("console", "codegen observe")]
    commands = 0
    for session in sessions:
        for command, *output in (
            part.split("\n") for part in session.removeprefix("$ ").split("\n$ ")
        ):
            done = subprocess.run(
                ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True
            )
            assert done.stdout.splitlines() == [line for line in output if line], command
            assert "Traceback" not in done.stderr
            commands += 1
    assert commands == 4
