"""The corpus of broken catalogues: each refused with exactly its expected diagnostic.

A case is ``tests/corpus/<name>.yaml`` (the bytes as committed), or a file built here at
test time (too big or too odd to commit), with ``tests/corpus/<name>.expected``: the line
``exit N``, then every line codegen prints on stdout. Each runs in a project whose ``out/``
was generated from a good catalogue; when the broken one is added, ``generate`` must fail
without touching a byte or an mtime of ``out/``. See tests/corpus/README.md.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, Run

CORPUS = ROOT / "tests" / "corpus"

GOOD = """\
platform: good
title: "A good catalogue"
source: "tests/test_corpus.py"
code_type: integer
errors:
  - code: 900
    name: GOOD
    message:
      en: "Good"
"""


def _catalog(platform: str, message: str = '"First"') -> str:
    return (
        f'platform: {platform}\ntitle: "Corpus case"\nsource: "tests/corpus"\n'
        f"code_type: integer\nerrors:\n  - code: 1\n    name: FIRST\n    message:\n"
        f"      en: {message}\n"
    )


def _oversize(path: Path) -> None:
    """50 MiB, over the default max_file_bytes (20 MiB); valid but for its size."""
    line = ("#" * 99 + "\n").encode()
    with path.open("wb") as handle:
        handle.write(_catalog("oversize").encode())
        size = 50 * 1024 * 1024 - handle.tell()
        handle.write(line * (size // len(line)) + b"#" * (size % len(line)))


def _deep_nesting(path: Path) -> None:
    """A message that is a list nested 10,000 deep."""
    depth = 10_000
    path.write_text(_catalog("deep_nesting", "[" * depth + "]" * depth), "utf-8")


def _directory(path: Path) -> None:
    path.mkdir()


def _dangling_symlink(path: Path) -> None:
    path.symlink_to(path.parent / "gone.yaml")


def _fifo(path: Path) -> None:
    """Opening a FIFO for reading waits for a writer: a run must not hang on one."""
    os.mkfifo(path)


def _dev_zero(path: Path) -> None:
    """stat says 0 bytes, reading never ends: the size limit must hold all the same."""
    path.symlink_to("/dev/zero")


def _outside_link(path: Path) -> None:
    """A link a pull request adds to a file elsewhere on the machine: its text would reach
    diagnostics and generated code."""
    secret = path.parent.parent.parent / f"{path.parent.parent.name}-outside.yaml"
    secret.write_text(_catalog("outside_link", '"secret"'), "utf-8")
    path.symlink_to(secret)


BUILT: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo,
    "dev_zero": _dev_zero,
    "outside_link": _outside_link,
    "oversize": _oversize,
    "deep_nesting": _deep_nesting,
    "directory": _directory,
    "directory_validated": _directory,
    "dangling_symlink": _dangling_symlink,
    "missing_file": lambda path: None,
}
"""Cases made at test time, by name: each writes catalogs/<name>.yaml (or does not)."""

VALIDATED = {"directory_validated", "missing_file", "dev_zero"}
"""Cases that name their file to ``codegen validate``: generate only reads what is there."""

XFAIL: dict[str, str] = {}
"""Cases the tool does not yet handle as expected, with the reason (none today)."""


def _case(name: str) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=XFAIL[name])] if name in XFAIL else []
    return pytest.param(name, marks=marks, id=name)


CASES = sorted(p.stem for p in CORPUS.glob("*.expected"))


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def expected(name: str) -> tuple[int, list[str]]:
    status, *lines = (CORPUS / f"{name}.expected").read_text("utf-8").splitlines()
    assert status.startswith("exit "), f"{name}.expected must start with 'exit N'"
    return int(status.removeprefix("exit ")), lines


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with one good catalogue, as the working directory (paths print relative)."""
    (tmp_path / "pyproject.toml").write_text("[tool.codegen]\n", "utf-8")
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "good.yaml").write_text(GOOD, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_every_case_is_complete() -> None:
    """Each .expected has its catalogue, each catalogue its .expected, each its README row."""
    committed = {p.stem for p in CORPUS.glob("*.yaml")}
    assert committed.isdisjoint(BUILT)
    assert committed | set(BUILT) == set(CASES)
    readme = (CORPUS / "README.md").read_text("utf-8")
    assert [name for name in CASES if f"| `{name}` |" not in readme] == []
    assert set(XFAIL) <= set(CASES)


@pytest.mark.parametrize("name", [_case(name) for name in CASES])
def test_case(name: str, project: Path, codegen: Callable[..., Run]) -> None:
    status, lines = expected(name)
    first = codegen("generate", "--no-cache")
    assert first.status == 0, first.stdout + first.stderr
    before = snapshot(project / "out")

    catalog = project / "catalogs" / f"{name}.yaml"
    if name in BUILT:
        BUILT[name](catalog)
    else:
        shutil.copyfile(CORPUS / f"{name}.yaml", catalog)
    if name in VALIDATED:
        result = codegen("validate", "--no-cache", catalog.relative_to(project))
    else:
        result = codegen("generate", "--no-cache")

    assert "Traceback" not in result.stdout + result.stderr
    if status == 0:  # a case the tool must accept: no diagnostic, and its code generated
        written = ("wrote ", "removed ", "codegen: ")
        diagnostics = [x for x in result.stdout.splitlines() if not x.startswith(written)]
        assert (result.status, diagnostics) == (0, lines)
        assert (project / "out" / "python" / "errcodes" / f"{name}.py").is_file()
        return
    assert (result.status, result.stdout.splitlines()) == (status, lines)
    if name not in VALIDATED:
        assert result.stderr.endswith("codegen: nothing written: fix the errors above first\n")
    assert snapshot(project / "out") == before


def test_line_ends_are_as_committed() -> None:
    """Git must not convert line ends (tests/corpus/.gitattributes): CRLF cases stay CRLF."""
    assert (CORPUS / "crlf.yaml").read_bytes().count(b"\r\n") == 10
    assert b"\r" not in (CORPUS / "bom.yaml").read_bytes()
