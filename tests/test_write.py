"""Crash safety of generate: a failure or a kill in the middle of writing several files
leaves out/ entirely as before or entirely new, never a mix, and the next run recovers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen import write as write_module
from conftest import CASES, ROOT, Run

CATALOG = CASES / "features" / "catalogs"


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codegen: Callable[..., Run]) -> Path:
    """A generated project whose catalogue has just changed: the next generate rewrites
    several files in every language."""
    shutil.copytree(CATALOG, tmp_path / "catalogs")
    monkeypatch.chdir(tmp_path)
    assert codegen("generate", "--no-cache").status == 0
    (tmp_path / "out" / "NOTES.md").write_text("kept by hand\n")
    catalog = tmp_path / "catalogs" / "features.yaml"
    catalog.write_text(catalog.read_text().replace("Feature removed", "Feature withdrawn"))
    return tmp_path


def test_a_failure_midway_leaves_out_as_it_was(
    project: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(project / "out")
    synced = 0
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        nonlocal synced
        synced += 1
        if synced == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(write_module.os, "fsync", failing_fsync)
    result = codegen("generate", "--no-cache")
    assert synced == 3  # two files were written before the failure
    assert result.status == 2
    assert result.stderr == "codegen: cannot write out: No space left on device; it is unchanged\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "out") == before
    assert sorted(p.name for p in project.iterdir()) == ["catalogs", "out"]


KILLER = """
import os, signal, sys
from codegen import write
from codegen.cli import main

calls = 0
def kill_on(name, real):
    def wrapper(*args, **kwargs):
        global calls
        calls += 1
        if calls == int(sys.argv[2]):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapper

if sys.argv[1] == "fsync":
    write.os.fsync = kill_on("fsync", os.fsync)
else:  # no atomic exchange: die between the two renames
    write._exchange = lambda a, b: False
    write.os.rename = kill_on("rename", os.rename)
main(["generate", "--no-cache"])
"""


@pytest.mark.parametrize(("where", "call"), [("fsync", 3), ("rename", 2)])
def test_a_kill_midway_leaves_out_whole_and_the_next_run_recovers(
    project: Path, codegen: Callable[..., Run], where: str, call: int
) -> None:
    before = snapshot(project / "out")
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, where, str(call)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
    )
    assert killed.returncode == -9
    leftovers = sorted(p.name for p in project.iterdir() if p.name.startswith("."))
    if where == "fsync":
        assert snapshot(project / "out") == before  # still entirely the old tree
        assert leftovers == [".out.codegen-next"]
    else:
        assert not (project / "out").exists()  # between the renames: the old tree waits aside
        assert leftovers == [".out.codegen-next", ".out.codegen-previous"]
    result = codegen("generate", "--no-cache")
    assert result.status == 0
    after = snapshot(project / "out")
    assert after["NOTES.md"] == before["NOTES.md"]
    assert b"Feature withdrawn" in after["python/errcodes/features.py"][0]
    assert sorted(p.name for p in project.iterdir()) == ["catalogs", "out"]


def test_unchanged_files_keep_their_mtimes_across_a_swap(
    project: Path, codegen: Callable[..., Run]
) -> None:
    before = snapshot(project / "out")
    assert codegen("generate", "--no-cache").status == 0
    after = snapshot(project / "out")
    changed = {path for path in before if before[path] != after[path]}
    assert "python/errcodes/features.py" in changed
    assert "python/errcodes/__init__.py" not in changed  # same bytes, same mtime
    assert "NOTES.md" not in changed


def test_out_behind_a_symlink_stays_a_symlink(project: Path, codegen: Callable[..., Run]) -> None:
    (project / "out").rename(project / "real_out")
    (project / "out").symlink_to(project / "real_out")
    assert codegen("generate", "--no-cache").status == 0
    assert (project / "out").is_symlink()
    assert b"Feature withdrawn" in (project / "real_out/python/errcodes/features.py").read_bytes()
