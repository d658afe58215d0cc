"""Shared test fixtures: golden files, toolchains, and running the CLI in-process."""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.cli import main

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected files of tests/cases/ from what the code produces now",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths in messages and headers are relative to the working directory: fix it."""
    monkeypatch.chdir(ROOT)


@dataclass
class Run:
    status: int
    stdout: str
    stderr: str


@pytest.fixture
def codegen() -> Callable[..., Run]:
    def run(*argv: str | Path) -> Run:
        out, err = io.StringIO(), io.StringIO()
        status = main([str(a) for a in argv], stdout=out, stderr=err)
        return Run(status, out.getvalue(), err.getvalue())

    return run


def toolchain(name: str) -> str:
    """The path of a tool the tests need. Missing: a skip locally, a failure when CI=true."""
    local = ROOT / "node_modules" / ".bin" / name
    found = str(local) if local.exists() else shutil.which(name)
    if found is None:
        message = f"{name} is not installed (make test installs the toolchains)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture
def write_catalog(tmp_path: Path) -> Iterator[Callable[[str, str], Path]]:
    directory = tmp_path / "catalogs"
    directory.mkdir()

    def write(name: str, text: str) -> Path:
        path = directory / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    yield write
