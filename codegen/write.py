"""Stage 5, write: bring out/ to exactly the rendered files, or report how it differs.

Only this module touches out/. A file is ours when its first line carries the generated
marker; files without it are never deleted. Unchanged files are not rewritten (their mtime
stays), and out/ changes as a whole: the new tree is built beside it and swapped in with
one atomic rename, so that a failure or a kill leaves it entirely old or entirely new.
"""

from __future__ import annotations

import ctypes
import difflib
import errno
import os
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .render import MARKER, Files

_MARKER_BYTES = MARKER.encode()


@dataclass(frozen=True)
class Drift:
    """How one file in out/ differs from what generate would write."""

    path: PurePosixPath
    kind: str  # missing | stale | hand-edited | orphaned
    reason: str
    diff: str = ""


def _owned(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return _MARKER_BYTES in handle.readline(4096)
    except OSError:
        return False


def _existing(out: Path, roots: Iterable[str]) -> dict[PurePosixPath, Path]:
    """Generated files now under the targets' folders of out/."""
    found = {}
    for root in roots:
        base = out / root
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and _owned(path):
                found[PurePosixPath(path.relative_to(out).as_posix())] = path
    return found


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError):
        return None


@dataclass(frozen=True)
class Summary:
    written: tuple[PurePosixPath, ...]
    removed: tuple[PurePosixPath, ...]
    unchanged: int


def write(out: Path, files: Files, roots: Sequence[str]) -> Summary:
    """Make out/<root>/ hold exactly ``files``; leave untouched what is already right.

    All or nothing: the new tree is built beside out/ (unchanged files hard-linked, so their
    mtimes stay) and swapped in by one atomic rename. A run that fails or is killed leaves
    out/ as it was, or wholly new; the next run clears what it left behind.
    """
    out = out.resolve() if out.is_symlink() else out
    _recover(out)
    changed = {}
    for relative, text in sorted(files.items()):
        data = text.encode("utf-8")
        if _read(out / relative) != data:
            changed[relative] = data
    orphans = sorted(set(_existing(out, roots)) - set(files))
    if changed or orphans:
        staging = _sibling(out, "next")
        try:
            _stage(out, staging, changed, orphans)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _swap(staging, out)
    return Summary(tuple(changed), tuple(orphans), len(files) - len(changed))


def _sibling(out: Path, role: str) -> Path:
    """Where a new tree is built (``next``) or the old one waits (``previous``): beside out/,
    on the same file system, so that a rename can swap them."""
    return out.parent / f".{out.name}.codegen-{role}"


def _stage(
    out: Path, staging: Path, changed: dict[PurePosixPath, bytes], orphans: Sequence[PurePosixPath]
) -> None:
    """Build the new out/ in ``staging``: every file of out/ that stays (ours or not) linked,
    every changed file written and synced, orphans left out."""
    skip = {*map(str, changed), *map(str, orphans)}
    staging.mkdir()
    if out.is_dir():
        shutil.copystat(out, staging)
        for directory, subdirectories, names in os.walk(out):
            source = Path(directory)
            here = source.relative_to(out)
            for name in subdirectories:
                if (source / name).is_symlink():
                    os.symlink(os.readlink(source / name), staging / here / name)
                else:
                    (staging / here / name).mkdir()
                    shutil.copystat(source / name, staging / here / name)
            for name in names:
                if (here / name).as_posix() not in skip:
                    _link(source / name, staging / here / name)
    for relative, data in changed.items():
        target = staging / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    for relative in orphans:
        _prune(staging, (staging / relative).parent)


def _link(source: Path, target: Path) -> None:
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copy2(source, target)


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` in the place of ``out`` atomically, then delete the old tree."""
    if not out.exists():
        os.rename(staging, out)
    elif _exchange(staging, out):
        shutil.rmtree(staging)
    else:
        # Without an atomic exchange: two renames, and _recover finishes the job if a
        # run dies between them.
        previous = _sibling(out, "previous")
        os.rename(out, previous)
        os.rename(staging, out)
        shutil.rmtree(previous)
    _sync_directory(out.parent)


def _recover(out: Path) -> None:
    """Clear what an interrupted run left beside out/: a half-built tree is dropped; an old
    tree whose replacement never arrived is put back."""
    previous = _sibling(out, "previous")
    if previous.exists():
        if out.exists():
            shutil.rmtree(previous)
        else:
            os.rename(previous, out)
    shutil.rmtree(_sibling(out, "next"), ignore_errors=True)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def _sync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _prune(out: Path, directory: Path) -> None:
    """Remove directories a deleted file leaves empty, up to out/ itself."""
    while directory != out and directory.is_relative_to(out):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent


def drift(out: Path, files: Files, roots: Sequence[str]) -> list[Drift]:
    """Every way out/ differs from ``files``: missing, stale, hand-edited or orphaned files."""
    found: list[Drift] = []
    for relative, text in sorted(files.items()):
        on_disk = _read(out / relative)
        expected = text.encode("utf-8")
        if on_disk is None:
            found.append(Drift(relative, "missing", "not generated yet"))
            continue
        if on_disk == expected:
            continue
        actual = on_disk.decode("utf-8", "replace")
        first, expected_first = actual.partition("\n")[0], text.partition("\n")[0]
        if MARKER not in first:
            kind, reason = (
                "hand-edited",
                "has no generated-code header: written or replaced by hand",
            )
        elif first != expected_first:
            kind, reason = "stale", "generated from another version of its catalogue or of codegen"
        else:
            kind, reason = (
                "hand-edited",
                "edited after generation: its header matches, its body does not",
            )
        found.append(Drift(relative, kind, reason, _diff(out / relative, actual, text)))
    for relative in sorted(set(_existing(out, roots)) - set(files)):
        found.append(
            Drift(relative, "orphaned", "generated for a catalogue or target that no longer exists")
        )
    return found


def _diff(path: Path, actual: str, expected: str, limit: int = 60) -> str:
    lines = list(
        difflib.unified_diff(
            actual.splitlines(keepends=True),
            expected.splitlines(keepends=True),
            f"{path.as_posix()} (on disk)",
            f"{path.as_posix()} (generated)",
            n=2,
        )
    )
    if len(lines) > limit:
        lines = lines[:limit] + [f"... {len(lines) - limit} more diff lines\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)
