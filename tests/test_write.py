"""Crash safety of generate: a failure or a kill in the middle of writing several files
leaves out/ entirely as before or entirely new, never a mix, and the next run recovers."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

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

    monkeypatch.setattr(os, "fsync", failing_fsync)
    result = codegen("generate", "--no-cache")
    assert synced == 3  # two files were written before the failure
    assert result.status == 2
    assert result.stderr == "codegen: cannot write out: No space left on device; it is unchanged\n"
    assert "Traceback" not in result.stdout + result.stderr
    assert snapshot(project / "out") == before
    assert sorted(p.name for p in project.iterdir()) == ["catalogs", "out"]


KILLER = """
import os, signal, sys
from pathlib import Path
from codegen import write
from codegen.cli import main

where, call = sys.argv[1], int(sys.argv[2])
calls = 0
def kill_on(real, when=lambda *args: True):
    def wrapper(*args, **kwargs):
        global calls
        if when(*args):
            calls += 1
            if calls == call:
                os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapper

real_swap = write._swap
def swap_after_a_hand_edit(staging, out):
    # Someone writes a file into out/ after the new tree was built, before the swap.
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "late.md").write_text("written during the run\\n")
    return real_swap(staging, out)
write._swap = swap_after_a_hand_edit

if where == "fsync":
    write.os.fsync = kill_on(os.fsync)
elif where == "rename":  # no atomic exchange: die between the two renames
    write._exchange = lambda a, b: False
    write.os.rename = kill_on(os.rename)
elif where == "discard":  # swapped, the old tree not cleared yet
    write._discard = kill_on(write._discard)
elif where == "unlink":  # clearing the old tree
    write.os.unlink = kill_on(os.unlink)
else:  # moving the hand-written file back: linked into out/, not yet unlinked from the old tree
    write.os.unlink = kill_on(os.unlink, lambda path, *rest: Path(path).name == "late.md")
main(["generate", "--no-cache"])
"""

LEFTOVER = re.compile(r"\.out\.codegen-(next|previous)-[0-9a-f]+")


@pytest.mark.parametrize(
    ("where", "call"),
    [("fsync", 3), ("rename", 2), ("discard", 1), ("unlink", 2), ("unlink", 8), ("move", 1)],
)
def test_a_kill_midway_leaves_out_whole_and_the_next_run_recovers(
    project: Path, codegen: Callable[..., Run], where: str, call: int
) -> None:
    before = snapshot(project / "out")
    killed = subprocess.run(
        [sys.executable, "-c", KILLER, where, str(call)],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
    )
    assert killed.returncode == -9, killed.stderr
    leftovers = sorted(p.name for p in project.iterdir() if p.name.startswith("."))
    assert all(LEFTOVER.fullmatch(name) for name in leftovers)
    if where == "fsync":
        assert snapshot(project / "out") == before  # still entirely the old tree
        assert [name.split("-")[1] for name in leftovers] == ["next"]
    elif where == "rename":
        assert not (project / "out").exists()  # between the renames: the old tree waits aside
        assert sorted(name.split("-")[1] for name in leftovers) == ["next", "previous"]
    else:  # swapped: out/ is entirely new
        now = snapshot(project / "out")
        assert b"Feature withdrawn" in now["python/errcodes/features.py"][0]
        assert now["NOTES.md"] == before["NOTES.md"]
    result = codegen("generate", "--no-cache")
    assert result.status == 0
    after = snapshot(project / "out")
    assert after["NOTES.md"] == before["NOTES.md"]
    assert b"Feature withdrawn" in after["python/errcodes/features.py"][0]
    if where != "fsync":  # the hand-written file of the killed run is in out/, whole
        assert after["docs/late.md"][0] == b"written during the run\n"
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
