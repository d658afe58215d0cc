"""Shared test fixtures: golden files, toolchains, and running the CLI in-process."""

from __future__ import annotations

import io
import os
import shutil
import sys
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


PYTHON_TOOLS = frozenset({"mypy", "black", "pytest", "pip-compile", "codegen"})
"""Installed by make into the venv from the lock: found beside the interpreter running the
tests (``.venv/bin``), whatever PATH holds."""
NODE_TOOLS = frozenset({"tsc", "prettier", "esbuild"})
"""Installed by make (npm ci) from package-lock.json into node_modules/.bin."""
SYSTEM_TOOLS = frozenset({"go", "gofmt", "node", "cargo", "cargo-clippy", "rustfmt", "gcc"})
"""Not installed by the project: the machine's, from PATH."""


def toolchain(name: str) -> str:
    """The path of a tool the tests need, where make installed it, so that the tests check the
    generated code with exactly the locked versions; never a tool the project installs that
    happens to be on PATH. Missing: a skip locally, a failure when CI=true."""
    if name in SYSTEM_TOOLS:
        found = shutil.which(name)
    else:
        if name in PYTHON_TOOLS:  # sys.executable unresolved: .venv/bin/python, not its target
            local = Path(sys.executable).parent / name
        elif name in NODE_TOOLS:
            local = ROOT / "node_modules" / ".bin" / name
        else:
            raise ValueError(f"toolchain({name!r}): say where the project installs it")
        found = str(local) if local.is_file() and os.access(local, os.X_OK) else None
    if found is None:
        message = f"{name} is not installed (make test installs the toolchains)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return found


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The tool caches in a per-user directory (CODEGEN_CACHE_DIR overrides it): the tests get
    a fresh one for the whole test run, never a real user's, and so do the processes they run."""
    directory = tmp_path_factory.mktemp("codegen-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CODEGEN_CACHE_DIR", str(directory))
        yield directory


@pytest.fixture
def write_catalog(tmp_path: Path) -> Iterator[Callable[[str, str], Path]]:
    directory = tmp_path / "catalogs"
    directory.mkdir()

    def write(name: str, text: str) -> Path:
        path = directory / f"{name}.yaml"
        path.write_text(text, encoding="utf-8")
        return path

    yield write
