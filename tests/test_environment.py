"""The development environment: locked, installed as locked, and tested at the lower bounds.

requirements/dev.txt pins every Python package the tests use, with hashes; make installs it
into .venv and the tests run the tools found there, never others that PATH may hold.
requirements/minimum.txt pins each runtime dependency at the lower bound pyproject.toml
promises users, for `make test-minimum`.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from browser.driver import NODE_PACKAGES, missing
from conftest import NODE_TOOLS, PYTHON_TOOLS, ROOT, SYSTEM_TOOLS, toolchain

LOCK = ROOT / "requirements" / "dev.txt"
MINIMUM = ROOT / "requirements" / "minimum.txt"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


@dataclass
class Pin:
    version: str
    hashes: int


def pins(path: Path) -> dict[str, Pin]:
    """A requirements file's ``name==version`` lines, by canonical name, with their hashes."""
    found: dict[str, Pin] = {}
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.split("#", 1)[0].strip().removesuffix("\\").strip()
        if not text:
            continue
        if text.startswith("--hash="):
            found[name].hashes += 1
            continue
        assert not text.startswith("-"), f"{path}: an option in a lock: {line!r}"
        requirement = Requirement(text)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{path}: not pinned: {line!r}"
        name = canonicalize_name(requirement.name)
        assert name not in found, f"{path}: {name} pinned twice"
        found[name] = Pin(specifier.version, 0)
    return found


def lower_bound(requirement: Requirement) -> str:
    (low,) = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
    return low


RUNTIME = [Requirement(line) for line in PROJECT["dependencies"]]
DEV = [Requirement(line) for line in PROJECT["optional-dependencies"]["dev"]]


def test_minimum_pins_each_runtime_dependency_at_its_lower_bound() -> None:
    """pyproject.toml promises users these versions: make test-minimum tests exactly them
    (make lock rewrites minimum.txt from pyproject.toml)."""
    bounds = {canonicalize_name(r.name): Version(lower_bound(r)) for r in RUNTIME}
    minimum = {name: Version(pin.version) for name, pin in pins(MINIMUM).items()}
    assert minimum == bounds, "requirements/minimum.txt is stale: run make lock"


@pytest.mark.parametrize("path", [LOCK, MINIMUM], ids=["dev", "minimum"])
def test_every_pin_has_hashes(path: Path) -> None:
    assert all(pin.hashes for pin in pins(path).values())


def test_the_lock_satisfies_pyproject() -> None:
    """Every dependency pyproject.toml names, the build backend too, is locked within its
    range: a change to pyproject.toml without make lock fails here."""
    locked = pins(LOCK)
    build = [
        Requirement(line)
        for line in tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
            "build-system"
        ]["requires"]
    ]
    for requirement in RUNTIME + DEV + build:
        pin = locked.get(canonicalize_name(requirement.name))
        assert pin is not None, f"{requirement} is not locked: run make lock"
        assert requirement.specifier.contains(
            pin.version, prereleases=True
        ), f"{requirement} is locked at {pin.version}: run make lock"


def test_the_lock_records_nothing_of_the_machine_that_wrote_it() -> None:
    text = LOCK.read_text(encoding="utf-8")
    for word in ("--find-links", "--index-url", "--extra-index-url", "file://", "/root/", "/tmp/"):
        assert word not in text


def test_the_tests_run_with_the_locked_packages() -> None:
    """What pytest imports is what make installed: every locked package at its locked version,
    or (in make test-minimum's venv) a runtime dependency at its minimum."""
    minimum = pins(MINIMUM)
    wrong = []
    for name, pin in pins(LOCK).items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "nothing"
        allowed = {pin.version} | ({minimum[name].version} if name in minimum else set())
        if installed not in allowed:
            wrong.append(f"{name} {installed} (locked: {pin.version})")
    assert not wrong, f"{sys.executable} is not the environment make installs: {wrong}"


def test_python_tools_come_from_the_running_venv() -> None:
    for name in ("mypy", "black", "pytest"):
        assert Path(toolchain(name)).parent == Path(sys.executable).parent


def test_typescript_tools_come_from_node_modules() -> None:
    for name in sorted(NODE_TOOLS):
        assert Path(toolchain(name)).parent == ROOT / "node_modules" / ".bin"


def test_a_project_tool_on_path_is_never_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With the venv and node_modules holding none, a mypy or tsc on PATH is not taken: the
    test skips (fails with CI=true), as a forgotten install step must."""
    for name in PYTHON_TOOLS | NODE_TOOLS:
        fake = tmp_path / "bin" / name
        fake.parent.mkdir(exist_ok=True)
        fake.write_text("#!/bin/sh\nexit 0\n")
        fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(sys, "executable", str(tmp_path / "venv" / "bin" / "python"))
    monkeypatch.setattr("conftest.ROOT", tmp_path)
    monkeypatch.delenv("CI", raising=False)
    for name in sorted(PYTHON_TOOLS | NODE_TOOLS):
        with pytest.raises(pytest.skip.Exception):
            toolchain(name)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        toolchain("mypy")


def test_only_tools_the_project_does_not_install_come_from_path() -> None:
    assert SYSTEM_TOOLS == {"go", "gofmt", "node", "cargo", "cargo-clippy", "rustfmt", "gcc"}
    assert not SYSTEM_TOOLS & (PYTHON_TOOLS | NODE_TOOLS)


def test_the_tool_cache_is_private_to_the_session(tmp_path_factory: pytest.TempPathFactory) -> None:
    cache = Path(os.environ["CODEGEN_CACHE_DIR"])
    assert cache.is_relative_to(tmp_path_factory.getbasetemp())


def test_node_packages_are_pinned_locked_and_installed_as_locked() -> None:
    """package.json names exact versions (npm install --save-exact), package-lock.json holds
    the same, and node_modules has them: Playwright's library and axe-core among them."""
    wanted = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    assert set(NODE_PACKAGES) <= set(wanted)
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))["packages"]
    assert lock[""]["devDependencies"] == wanted, "package-lock.json is stale: run npm install"
    for name, version in wanted.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} {version!r} is not exact"
        assert lock[f"node_modules/{name}"]["version"] == version
        manifest = ROOT / "node_modules" / name / "package.json"
        assert manifest.is_file(), f"{name} is not installed: run make test"
        installed = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        assert installed == version, f"{name} {installed} (locked: {version}): run make test"


def test_the_browser_tests_have_chromium_and_their_node_packages() -> None:
    """Debian's chromium and the node packages drive.mjs imports: make test installs them,
    and the browser tests fail, never skip, without them."""
    assert not missing(), f"not installed: {', '.join(missing())}: run make test"
