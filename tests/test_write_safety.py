"""Safety of generate and check wherever they run: concurrent runs exclude each other, no
hand-written file is ever lost, nothing is written or read through a link, out/ may be a
mount point or not exist yet, and a diff costs the same whatever the files."""

from __future__ import annotations

import difflib
import errno
import fcntl
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from codegen import write as write_module
from codegen.render import MARKER
from codegen.write import WriteError, drift, write
from conftest import CASES, ROOT, Run

CATALOG = CASES / "features" / "catalogs"
ROOTS = ["python", "go"]


def rendered(version: str = "1") -> dict[PurePosixPath, str]:
    """A small set of generated files, each with the header that makes it ours."""

    def text(comment: str, origin: str, body: str) -> str:
        return f"{comment} {MARKER} 0.1.0 from {origin}. DO NOT EDIT.\n{body}"

    return {
        PurePosixPath("python/errcodes/a.py"): text("#", f"a.yaml v{version}", f"A = {version}\n"),
        PurePosixPath("python/errcodes/__init__.py"): text("#", "1 catalogue", "from . import a\n"),
        PurePosixPath("go/a/a.go"): text(
            "//", f"a.yaml v{version}", f"package a\n\nconst A = {version}\n"
        ),
    }


def snapshot(directory: Path) -> dict[str, bytes]:
    """Every file under ``directory``, links not followed (a link is its target's name)."""
    found = {}
    for parent, _, names in os.walk(directory):
        for name in names:
            path = Path(parent, name)
            relative = path.relative_to(directory).as_posix()
            found[relative] = (
                b"-> " + os.fsencode(os.readlink(path)) if path.is_symlink() else path.read_bytes()
            )
    return found


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """out/ as generate leaves it, with a hand-written file beside the generated ones."""
    out = tmp_path / "out"
    write(out, rendered("1"), ROOTS)
    (out / "NOTES.md").write_text("kept by hand\n")
    return out


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, codegen: Callable[..., Run]) -> Path:
    shutil.copytree(CATALOG, tmp_path / "catalogs")
    monkeypatch.chdir(tmp_path)
    assert codegen("generate", "--no-cache").status == 0
    return tmp_path


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A directory outside the project holding what a link in out/ might point at."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "a.py").write_text(f"# {MARKER} 0.0.1 from elsewhere. DO NOT EDIT.\nSECRET = 1\n")
    (outside / "gone.py").write_text(f"# {MARKER} 0.0.1 from elsewhere. DO NOT EDIT.\n")
    (outside / "private.txt").write_text("not codegen's\n")
    return outside


def reword(project: Path, old: str, new: str) -> None:
    catalog = project / "catalogs" / "features.yaml"
    catalog.write_text(catalog.read_text().replace(old, new))


def beside(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir() if p.name != out.name)


# --- 1. Runs on one out/ exclude each other ---------------------------------------------------

GENERATE = "import sys; from codegen.cli import main; sys.exit(main(['generate', '--no-cache']))"


def test_concurrent_generates_lose_no_hand_written_file(project: Path) -> None:
    """Two runs at once (an editor's save hook and a terminal), the second started a little
    later each round, so that it meets the first at each of its stages."""
    notes = project / "out" / "notes"
    notes.mkdir()
    for i in range(3000):
        (notes / f"page{i}.md").write_text(f"page {i}\n")
    word = "removed"
    lost, failed = [0] * 6, []
    for round_, delay in enumerate([0.0, 0.05, 0.1, 0.15, 0.2, 0.3]):
        reword(project, f"Feature {word}", f"Feature round{round_}")
        word = f"round{round_}"
        runs = []
        for pause in (0.0, delay):
            time.sleep(pause)
            runs.append(
                subprocess.Popen(
                    [sys.executable, "-c", GENERATE],
                    env={**os.environ, "PYTHONPATH": str(ROOT)},
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            )
        errors = [run.communicate(timeout=120)[1].decode() for run in runs]
        pages = sorted(notes.iterdir()) if notes.is_dir() else []
        lost[round_] = 3000 - len(pages)
        assert all(p.read_text() == f"page {p.stem[4:]}\n" for p in pages)
        failed += [error for run, error in zip(runs, errors) if run.returncode != 0]
    assert lost == [0] * 6, "hand-written files lost in each round"
    assert failed == []
    features = project / "out" / "python" / "errcodes" / "features.py"
    assert f"Feature {word}" in features.read_text()
    assert beside(project / "out") == ["catalogs"]


@pytest.fixture
def held(out: Path) -> Iterator[Callable[[int], int]]:
    """Take out/'s lock as another run would: flock on its parent directory."""
    fds: list[int] = []

    def take(mode: int) -> int:
        fd = os.open(out.parent, os.O_RDONLY)
        fcntl.flock(fd, mode)
        fds.append(fd)
        return fd

    yield take
    for fd in fds:
        try:
            os.close(fd)
        except OSError:
            pass


def test_a_run_waits_for_the_lock_says_so_once_and_gives_up(
    out: Path, held: Callable[[int], int]
) -> None:
    before = snapshot(out)
    held(fcntl.LOCK_EX)
    told: list[str] = []
    with pytest.raises(WriteError) as refused:
        write(out, rendered("2"), ROOTS, on_wait=told.append, timeout=0.3)
    assert str(refused.value) == f"another codegen run holds {out}; try again when it ends"
    assert told == [f"waiting for another codegen run on {out} (pid {os.getpid()})"]
    assert snapshot(out) == before
    with pytest.raises(WriteError):
        drift(out, rendered("2"), ROOTS, timeout=0.1)


def test_a_waiting_run_goes_on_when_the_lock_is_released(
    out: Path, held: Callable[[int], int]
) -> None:
    fd = held(fcntl.LOCK_EX)
    threading.Timer(0.3, os.close, [fd]).start()
    told: list[str] = []
    summary = write(out, rendered("2"), ROOTS, on_wait=told.append, timeout=30)
    assert len(told) == 1
    assert len(summary.written) == 2


def test_checks_share_the_lock_and_exclude_generate(out: Path, held: Callable[[int], int]) -> None:
    held(fcntl.LOCK_SH)
    assert [d.path.name for d in drift(out, rendered("2"), ROOTS, timeout=0.1)] == ["a.go", "a.py"]
    with pytest.raises(WriteError):
        write(out, rendered("2"), ROOTS, timeout=0.1)


# --- 2. Only what is provably ours, or a copy, is ever deleted ---------------------------------


@pytest.mark.parametrize("exchange", [True, False])
def test_a_file_written_into_out_during_a_run_survives(
    out: Path, monkeypatch: pytest.MonkeyPatch, exchange: bool
) -> None:
    real_swap = write_module._swap

    def swap(staging: Path, target: Path) -> Path | None:
        (target / "late.md").write_text("written during the run\n")  # after staging
        return real_swap(staging, target)

    monkeypatch.setattr(write_module, "_swap", swap)
    if not exchange:
        monkeypatch.setattr(write_module, "_exchange", lambda a, b: False)
    summary = write(out, rendered("2"), ROOTS)
    assert (out / "late.md").read_text() == "written during the run\n"
    assert (out / "NOTES.md").read_text() == "kept by hand\n"
    assert summary.kept == ()
    assert beside(out) == []


@pytest.mark.parametrize("name", [".out.codegen-next-0123abcd", ".out.codegen-next"])
def test_leftovers_lose_nothing(out: Path, outside: Path, name: str) -> None:
    """A leftover tree (here as an older codegen would leave it, or a killed run) is cleared
    of what is ours or a copy; other files go back to out/, or stay where their place is taken."""
    leftover = out.parent / name
    (leftover / "python" / "errcodes").mkdir(parents=True)
    (leftover / "docs").mkdir()
    os.link(out / "NOTES.md", leftover / "NOTES.md")  # the same file
    (leftover / "python" / "errcodes" / "__init__.py").write_bytes(
        (out / "python" / "errcodes" / "__init__.py").read_bytes()  # a copy
    )
    (leftover / "python" / "errcodes" / "old.py").write_text(f"# {MARKER} 0.0.1\n")  # ours
    (leftover / "docs" / "guide.md").write_text("a guide\n")  # its place is free
    (out / "docs").mkdir()
    (out / "docs" / "taken.md").write_text("theirs\n")
    (leftover / "docs" / "taken.md").write_text("mine\n")  # its place is taken
    (leftover / "empty").mkdir()
    (leftover / "link").symlink_to("NOTES.md")  # a link out/ does not have
    (leftover / "docs" / "elsewhere").symlink_to(outside, target_is_directory=True)
    there = snapshot(outside)

    summary = write(out, rendered("1"), ROOTS)
    kept = leftover / "docs" / "taken.md"
    assert summary.kept == (kept,)
    assert kept.read_text() == "mine\n"
    assert (out / "docs" / "guide.md").read_text() == "a guide\n"
    assert os.readlink(out / "link") == "NOTES.md"
    assert os.readlink(out / "docs" / "elsewhere") == str(outside)  # moved, never followed
    assert snapshot(outside) == there
    assert snapshot(leftover) == {"docs/taken.md": b"mine\n"}
    # The next run tries again; once the place is free, the file goes back and the tree goes.
    (out / "docs" / "taken.md").rename(out.parent / "theirs.md")
    assert write(out, rendered("1"), ROOTS).kept == ()
    assert (out / "docs" / "taken.md").read_text() == "mine\n"
    assert beside(out) == ["outside", "theirs.md"]


def test_a_file_without_the_header_is_never_replaced(out: Path) -> None:
    target = out / "python" / "errcodes" / "a.py"
    target.write_text("A = 'written by hand'\n")
    before = snapshot(out)
    with pytest.raises(WriteError) as refused:
        write(out, rendered("2"), ROOTS)
    assert str(refused.value) == (
        f"{target} has no generated-code header, and codegen replaces only files it generated:"
        " move it away (or delete it) and run again"
    )
    assert snapshot(out) == before
    target.write_text("")  # an empty file holds nothing to lose
    assert PurePosixPath("python/errcodes/a.py") in write(out, rendered("2"), ROOTS).written


# --- 3. Nothing is written, read or deleted through a link ----------------------------------


def test_a_linked_directory_on_a_generated_path_is_refused(out: Path, outside: Path) -> None:
    shutil.rmtree(out / "python" / "errcodes")
    (out / "python" / "errcodes").symlink_to(outside, target_is_directory=True)
    before, there = snapshot(out), snapshot(outside)
    message = (
        f"{out}/python/errcodes is a symbolic link; codegen does not write through links: remove it"
    )
    with pytest.raises(WriteError, match=f"^{message}$"):
        write(out, rendered("2"), ROOTS)
    with pytest.raises(WriteError, match=f"^{message}$"):
        drift(out, rendered("2"), ROOTS)
    assert (snapshot(out), snapshot(outside)) == (before, there)


def test_a_linked_generated_file_is_refused(out: Path, outside: Path) -> None:
    target = out / "python" / "errcodes" / "a.py"
    target.unlink()
    target.symlink_to(outside / "a.py")
    before, there = snapshot(out), snapshot(outside)
    with pytest.raises(WriteError, match=f"^{target} is a symbolic link"):
        write(out, rendered("2"), ROOTS)
    assert (snapshot(out), snapshot(outside)) == (before, there)


def test_a_link_elsewhere_in_out_is_kept_and_never_followed(out: Path, outside: Path) -> None:
    (out / "python" / "vendored").symlink_to(outside, target_is_directory=True)
    (out / "go" / "gone.go").symlink_to(outside / "gone.py")
    there = snapshot(outside)
    assert drift(out, rendered("1"), ROOTS) == []  # no orphan behind a link
    summary = write(out, rendered("2"), ROOTS)
    assert summary.removed == ()
    assert os.readlink(out / "python" / "vendored") == str(outside)
    assert os.readlink(out / "go" / "gone.go") == str(outside / "gone.py")
    assert snapshot(outside) == there


# --- 4. out/ not there yet, or a mount point ------------------------------------------------


def test_missing_parents_are_created(project: Path, codegen: Callable[..., Run]) -> None:
    result = codegen("generate", "--no-cache", "--out", "third_party/errcodes")
    assert result.status == 0, result.stderr
    assert (project / "third_party" / "errcodes" / "python" / "errcodes" / "features.py").exists()
    assert codegen("check", "--no-cache", "--out", "third_party/errcodes").status == 0


def test_out_on_a_mount_point_is_updated_in_place(
    project: Path, codegen: Callable[..., Run]
) -> None:
    out = project / "out"
    shutil.rmtree(out)
    out.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "tmpfs", str(out)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        assert os.path.ismount(out)
        assert codegen("generate", "--no-cache").status == 0
        (out / "NOTES.md").write_text("kept by hand\n")
        orphan = out / "go" / "gone" / "gone.go"
        orphan.parent.mkdir()
        orphan.write_text(f"// {MARKER} 0.0.1 from catalogs/gone.yaml. DO NOT EDIT.\n")
        reword(project, "Feature removed", "Feature withdrawn")
        result = codegen("generate", "--no-cache")
        assert result.status == 0, result.stderr
        # One per language (TypeScript: its code and its declarations), and the vectors.
        assert "13 written, 1 removed" in result.stdout
        assert os.path.ismount(out)
        assert "Feature withdrawn" in (out / "python" / "errcodes" / "features.py").read_text()
        assert (out / "NOTES.md").read_text() == "kept by hand\n"
        assert not (out / "go" / "gone").exists()
        assert codegen("check", "--no-cache").status == 0
        assert beside(out) == ["catalogs"]
    finally:
        subprocess.run(["umount", str(out)], check=True)


@pytest.mark.parametrize("cause", ["device", "EXDEV", "EBUSY"])
def test_out_that_cannot_be_swapped_is_updated_in_place(
    out: Path, monkeypatch: pytest.MonkeyPatch, cause: str
) -> None:
    if cause == "device":  # staging beside out/ would be on another file system
        monkeypatch.setattr(write_module, "_device", lambda path: 1 if path == out else 2)
    else:  # the rename itself fails

        def exchange(a: Path, b: Path) -> bool:
            code = getattr(errno, cause)
            raise OSError(code, os.strerror(code), str(b))

        monkeypatch.setattr(write_module, "_exchange", exchange)
    directory, unchanged = out.stat().st_ino, (out / "python" / "errcodes" / "__init__.py")
    inode = unchanged.stat().st_ino
    summary = write(out, rendered("2"), ROOTS)
    assert len(summary.written) == 2
    assert out.stat().st_ino == directory  # the same directory, not a swapped-in one
    assert unchanged.stat().st_ino == inode
    assert (out / "python" / "errcodes" / "a.py").read_text().endswith("A = 2\n")
    assert (out / "NOTES.md").read_text() == "kept by hand\n"
    assert beside(out) == []
    assert drift(out, rendered("2"), ROOTS) == []


# --- 5. A diff costs the same whatever the files ---------------------------------------------


@pytest.fixture
def handed(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many lines each call of difflib is given."""
    sizes: list[int] = []
    real = difflib.unified_diff

    def counting(a: list[str], b: list[str], *args: Any, **kwargs: Any) -> Iterator[str]:
        sizes.append(len(a) + len(b))
        return real(a, b, *args, **kwargs)

    monkeypatch.setattr(difflib, "unified_diff", counting)
    return sizes


def lines(count: int, text: str) -> str:
    return "".join(f"    {text} {i},\n" for i in range(count))


def test_a_diff_of_every_line_changed_is_bounded(tmp_path: Path, handed: list[int]) -> None:
    diff = write_module._diff(tmp_path / "big.py", lines(20_000, "old"), lines(20_000, "new"))
    assert sum(handed) <= 1_000
    hunk = diff.splitlines()[2]
    assert hunk.startswith("@@ -1,") and " +1," in hunk
    assert diff.splitlines()[3] == "-    old 0,"
    assert len(diff.splitlines()) == 61
    assert diff.endswith("... more differences follow\n")


def test_a_diff_deep_in_a_file_is_numbered_as_in_the_file(
    tmp_path: Path, handed: list[int]
) -> None:
    same = lines(15_000, "same")
    diff = write_module._diff(
        tmp_path / "big.py", same + lines(5_000, "old"), same + lines(5_000, "new")
    )
    assert sum(handed) <= 1_000
    assert diff.splitlines()[2].startswith("@@ -14999,")
    assert diff.splitlines()[3:6] == ["     same 14998,", "     same 14999,", "-    old 0,"]


def test_a_small_change_in_a_big_file_gets_the_whole_diff(
    tmp_path: Path, handed: list[int]
) -> None:
    before = lines(20_000, "line").splitlines(keepends=True)
    after = list(before)
    after[10_000:10_003] = ["    changed\n", "    lines\n"]
    diff = write_module._diff(tmp_path / "big.py", "".join(before), "".join(after))
    whole = difflib.unified_diff(
        before,
        after,
        f"{(tmp_path / 'big.py').as_posix()} (on disk)",
        f"{(tmp_path / 'big.py').as_posix()} (generated)",
        n=2,
    )
    assert diff == "".join(whole)
    assert "@@ -9999,7 +9999,6 @@" in diff
    assert handed[0] <= 20
