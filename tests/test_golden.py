"""Golden cases: tests/cases/<name>/catalogs in; out/ or validate.txt expected.

``pytest --update-golden`` rewrites the expected files; review the diff like code.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CASES, Run

GENERATING = sorted(p.name for p in CASES.iterdir() if p.is_dir() and p.name != "invalid")


def tree(directory: Path) -> dict[str, bytes]:
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("case", GENERATING)
def test_generated_output(
    case: str,
    tmp_path: Path,
    codegen: Callable[..., Run],
    update_golden: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = CASES / case
    monkeypatch.chdir(directory)
    result = codegen("generate", "--no-cache", "--out", tmp_path / "out")
    assert result.status == 0, result.stdout + result.stderr
    if update_golden:
        shutil.rmtree(directory / "out", ignore_errors=True)
        shutil.copytree(tmp_path / "out", directory / "out")
    assert tree(tmp_path / "out") == tree(directory / "out")


def test_diagnostics(
    codegen: Callable[..., Run], update_golden: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = CASES / "invalid"
    monkeypatch.chdir(directory)
    result = codegen("validate", "--no-cache")
    expected = directory / "validate.txt"
    if update_golden:
        expected.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == expected.read_text(encoding="utf-8")
    assert result.status == 1
