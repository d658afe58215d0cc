"""Stage 5, write: bring out/ to exactly the rendered files, or report how it differs.

Only this module touches out/, and it runs on pull requests from strangers, so it is
careful in four ways:

- Runs on one out/ exclude each other: generate holds an exclusive lock, check a shared one.
- out/ changes as a whole: the new tree is built beside it and swapped in with one atomic
  rename, so that a failure or a kill leaves it entirely old or entirely new. Where out/ is
  a mount point it cannot be swapped, and is updated file by file instead.
- Nothing is lost: a file is ours when its first line carries the generated marker, and only
  ours are replaced or deleted. A leftover tree is removed file by file, and only the files
  that are ours or copies of what out/ holds; anything else goes back into out/.
- Nothing outside out/ is touched: a symbolic link on the way to a generated file is refused,
  and links elsewhere are kept as links, never followed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, NoReturn

from .render import MARKER, Output

Files = Mapping[PurePosixPath, str]
"""What generate writes and check compares: text by path, or a cached run's Output, whose
files are compared by their sha256 and read only where they differ."""

_MARKER_BYTES = MARKER.encode()
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)

LOCK_TIMEOUT = 60.0
"""Seconds a run waits for another run on the same out/ before giving up."""


class WriteError(Exception):
    """codegen refuses to touch out/; the message names the path and says what to do."""


@dataclass(frozen=True)
class Drift:
    """How one file in out/ differs from what generate would write."""

    path: PurePosixPath
    kind: str  # missing | stale | hand-edited | orphaned
    reason: str
    diff: str = ""


@dataclass(frozen=True)
class Summary:
    written: tuple[PurePosixPath, ...]
    removed: tuple[PurePosixPath, ...]
    unchanged: int
    kept: tuple[Path, ...] = ()
    """Files left in a leftover tree beside out/: neither ours nor copies, and their place in
    out/ is taken. The next run tries again; until then they wait there for their owner."""


def _marked(head: bytes) -> bool:
    return _MARKER_BYTES in head[:4096].partition(b"\n")[0]


def _owned(path: Path) -> bool:
    """Whether ``path`` is a regular file that codegen generated (never a link)."""
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        return stat.S_ISREG(os.fstat(fd).st_mode) and _marked(os.read(fd, 4096))
    finally:
        os.close(fd)


# --- Locking -------------------------------------------------------------------------------
#
# The lock is flock(2) on out/'s parent directory, opened read-only: it needs no lock file to
# litter the repository, and it outlives the swap (out/ itself is replaced by a new
# directory). Where directories cannot be locked (NFS emulates flock with POSIX locks, which
# want a file open for writing), a lock file beside out/ takes its place and stays there:
# deleting a lock file races with the next run opening it. Windows has no flock: there, a
# lock file locked with msvcrt, exclusive for check too.


@contextmanager
def _locked(
    out: Path,
    shown: Path,
    exclusive: bool,
    timeout: float,
    on_wait: Callable[[str], None] | None,
) -> Iterator[None]:
    """Hold the lock of ``out`` for the block, waiting up to ``timeout`` seconds for it."""
    fd, taken = _open_lock(out, exclusive)
    try:
        deadline = time.monotonic() + timeout
        told = False
        while not taken:
            if not told and on_wait is not None:
                pid = _holder(fd)
                by = f" (pid {pid})" if pid else ""
                on_wait(f"waiting for another codegen run on {shown}{by}")
                told = True
            if time.monotonic() >= deadline:
                raise WriteError(f"another codegen run holds {shown}; try again when it ends")
            time.sleep(0.05)
            taken = _try_lock(fd, exclusive)
        yield
    finally:
        _unlock(fd)


def _lock_file(out: Path) -> Path:
    return out.parent / f".{out.name}.codegen-lock"


if sys.platform == "win32":
    import msvcrt

    def _open_lock(out: Path, exclusive: bool) -> tuple[int, bool]:
        fd = os.open(_lock_file(out), os.O_RDWR | os.O_CREAT, 0o666)
        return fd, _try_lock(fd, exclusive)

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        os.close(fd)

    def _holder(fd: int) -> int | None:
        return None

else:
    import fcntl

    def _open_lock(out: Path, exclusive: bool) -> tuple[int, bool]:
        """A descriptor to lock, and whether the lock is already taken."""
        try:
            fd = os.open(out.parent, os.O_RDONLY)
        except OSError:
            pass
        else:
            try:
                return fd, _try_lock(fd, exclusive)
            except OSError:  # not lockable here: use a lock file
                os.close(fd)
        fd = os.open(_lock_file(out), os.O_RDWR | os.O_CREAT, 0o666)
        return fd, _try_lock(fd, exclusive)

    def _try_lock(fd: int, exclusive: bool) -> bool:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.close(fd)  # closing the last descriptor releases the lock

    def _holder(fd: int) -> int | None:
        """Who holds the lock, from /proc/locks where there is one (Linux)."""
        st = os.fstat(fd)
        device = f"{os.major(st.st_dev):02x}:{os.minor(st.st_dev):02x}:{st.st_ino}"
        try:
            with open("/proc/locks", encoding="ascii", errors="replace") as locks:
                for line in locks:
                    fields = line.split()
                    if len(fields) > 5 and fields[1] == "FLOCK" and fields[5] == device:
                        return int(fields[4]) if fields[4].isdigit() else None
        except OSError:
            pass
        return None


# --- Reading out/ without following links ----------------------------------------------------


def _status(
    out: Path, shown: Path, relative: PurePosixPath, real: set[Path]
) -> os.stat_result | None:
    """The status of the regular file at ``out/relative``, None when there is none yet.

    Refuses (WriteError) a symbolic link at or above the file, up to out/ itself, and
    anything but a directory on the way or a regular file at the end. ``real`` remembers
    the directories already found to be real.
    """
    parts = relative.parts
    for depth in range(len(parts)):
        directory = out.joinpath(*parts[:depth])
        if directory in real:
            continue
        kind = _kind(directory)
        if kind is None:
            return None
        if kind != stat.S_IFDIR:
            raise WriteError(_refusal(shown.joinpath(*parts[:depth]), kind, shown / relative))
        real.add(directory)
    path = out / relative
    try:
        status = os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(status.st_mode):
        raise WriteError(_refusal(shown / relative, stat.S_IFMT(status.st_mode), shown / relative))
    return status


def _read(path: Path) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file (never through a link), and its status before reading."""
    fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
    with os.fdopen(fd, "rb") as handle:
        status = os.fstat(fd)
        return handle.read(), status


class Seen:
    """The sha256 of each file of out/ when it was last read, with the status it had then
    (device, inode, size, modification and change times): a file whose status has not
    changed since, by more than a file system's timestamp resolution, is not read again.

    It lives in the per-user cache, never in the repository, where a pull request could
    plant one to pass off hand-edited files: a checkout or an edit gives a file a new change
    time, which no one but the system sets."""

    MARGIN = 3.0
    """Seconds between a file's last change and its reading for its status to stand for its
    content: a change within the same timestamp tick as the reading would not show."""

    def __init__(self, records: Mapping[str, Any] | None = None) -> None:
        self.records: dict[str, Any] = dict(records or {})
        self.changed = False

    def digest(self, relative: PurePosixPath, status: os.stat_result) -> str | None:
        """The sha256 of the file at ``relative``, if its status says it is as last read."""
        record = self.records.get(str(relative))
        try:
            *identity, when, digest = record  # type: ignore[misc]
            if identity != _identity(status) or not isinstance(digest, str):
                return None
            if float(when) - max(status.st_mtime_ns, status.st_ctime_ns) / 1e9 < self.MARGIN:
                return None
        except (TypeError, ValueError):  # no record, or not one of this shape
            return None
        return digest

    def note(self, relative: PurePosixPath, status: os.stat_result, data: bytes) -> str:
        """Remember the file at ``relative`` as read now; its sha256."""
        digest = hashlib.sha256(data).hexdigest()
        self.records[str(relative)] = [*_identity(status), time.time(), digest]
        self.changed = True
        return digest


def _identity(status: os.stat_result) -> list[int]:
    return [status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns]


def _on_disk(
    out: Path,
    shown: Path,
    files: Files,
    relative: PurePosixPath,
    real: set[Path],
    seen: Seen | None,
) -> tuple[bool, bytes | None]:
    """Whether ``out/relative`` holds the file ``files`` has there, and its bytes (None when
    it is missing, or when ``seen`` tells that it is unchanged without reading it)."""
    status = _status(out, shown, relative, real)
    if status is None:
        return False, None
    cached = isinstance(files, Output) and not files.loaded
    if seen is not None and cached:
        assert isinstance(files, Output)
        if seen.digest(relative, status) == files.digest(relative):
            return True, None
    data, status = _read(out / relative)
    if seen is not None and cached:
        assert isinstance(files, Output)
        return seen.note(relative, status, data) == files.digest(relative), data
    return _same(files, relative, data), data


def _kind(path: Path) -> int | None:
    """The file type of ``path`` itself (a link is a link), None when nothing is there."""
    try:
        return stat.S_IFMT(os.lstat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return None


def _refusal(named: Path, kind: int, target: Path) -> str:
    if kind == stat.S_IFLNK:
        return f"{named} is a symbolic link; codegen does not write through links: remove it"
    if named == target:
        return f"{named} is not a regular file; codegen generates a file there: move it away"
    return f"{named} is not a directory; codegen generates {target} inside it: move it away"


def _existing(
    out: Path, roots: Iterable[str], known: Container[PurePosixPath] = ()
) -> dict[PurePosixPath, Path]:
    """Generated files now under the targets' folders of out/, but those in ``known`` (the
    files to generate: whose they are does not matter). Links are never followed and never
    ours."""
    found = {}
    for root in roots:
        base = out / root
        if _kind(base) != stat.S_IFDIR:
            continue
        for directory, _, names in os.walk(base):
            for name in names:
                path = Path(directory, name)
                relative = PurePosixPath(path.relative_to(out).as_posix())
                if relative not in known and _owned(path):
                    found[relative] = path
    return dict(sorted(found.items()))


# --- generate ------------------------------------------------------------------------------


def write(
    out: Path,
    files: Files,
    roots: Sequence[str],
    *,
    on_wait: Callable[[str], None] | None = None,
    timeout: float = LOCK_TIMEOUT,
    name: str | None = None,
    seen: Seen | None = None,
) -> Summary:
    """Make out/<root>/ hold exactly ``files``; leave untouched what is already right.

    All or nothing: the new tree is built beside out/ (unchanged files hard-linked, so their
    mtimes stay) and swapped in by one atomic rename. A run that fails or is killed leaves
    out/ as it was, or wholly new; the next run clears what it left behind. Where out/ cannot
    be swapped (a mount point), each file is replaced atomically, one by one.

    Raises WriteError, before changing anything, when a link or a non-directory stands on
    the way to a generated file, when a file to replace has no generated header, or when
    another run holds out/ longer than ``timeout`` seconds (``on_wait`` is told once).
    ``seen`` is as for :func:`drift`.
    """
    shown = Path(name) if name is not None else out  # how messages and diffs name out/
    out = out.resolve() if out.is_symlink() else out
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out, shown, True, timeout, on_wait):
        kept = _recover(out)
        changed = _changes(out, shown, files, seen)
        orphans = list(_existing(out, roots, files))
        if changed or orphans:
            if _swappable(out):
                try:
                    kept += _replace(out, changed, orphans)
                except _CannotSwap:
                    _update_in_place(out, changed, orphans)
            else:
                _update_in_place(out, changed, orphans)
    return Summary(tuple(changed), tuple(orphans), len(files) - len(changed), tuple(kept))


def _changes(
    out: Path, shown: Path, files: Files, seen: Seen | None = None
) -> dict[PurePosixPath, bytes]:
    """The files whose bytes must change. Only files codegen generated (or empty ones) are
    replaced: one without the header was written by hand, and is refused before anything
    changes."""
    changed = {}
    real: set[Path] = set()
    for relative in sorted(files):
        same, on_disk = _on_disk(out, shown, files, relative, real, seen)
        if same:
            continue
        data = files[relative].encode("utf-8")
        if on_disk and not _marked(on_disk):
            raise WriteError(
                f"{shown / relative} has no generated-code header, and codegen replaces only"
                " files it generated: move it away (or delete it) and run again"
            )
        changed[relative] = data
    return changed


class _CannotSwap(Exception):
    """The new tree could not be renamed into place (out/ is a mount point, or busy)."""


def _swappable(out: Path) -> bool:
    """Whether out/ can be replaced by a rename: not a mount point, and on the device of the
    directory that holds the new tree."""
    if not os.path.lexists(out):
        return True
    return not os.path.ismount(out) and _device(out) == _device(out.parent)


def _device(path: Path) -> int:
    return os.lstat(path).st_dev


def _replace(
    out: Path, changed: dict[PurePosixPath, bytes], orphans: Sequence[PurePosixPath]
) -> list[Path]:
    """Build the new tree beside out/, swap it in, and clear the old one."""
    staging = out.parent / f".{out.name}.codegen-next-{os.urandom(6).hex()}"
    try:
        _stage(out, staging, changed, orphans)
        old = _swap(staging, out)
    except BaseException as exc:
        _discard(staging, out)
        if isinstance(exc, OSError) and exc.errno in (errno.EXDEV, errno.EBUSY):
            raise _CannotSwap from exc
        raise
    return _discard(old, out) if old is not None else []


def _stage(
    out: Path, staging: Path, changed: dict[PurePosixPath, bytes], orphans: Sequence[PurePosixPath]
) -> None:
    """Build the new out/ in ``staging``: every file of out/ that stays (ours or not) linked,
    every changed file written and synced, orphans left out."""
    import shutil

    skip = {*map(str, changed), *map(str, orphans)}
    staging.mkdir()
    if out.is_dir():
        shutil.copystat(out, staging)
        for directory, subdirectories, names in os.walk(out, onerror=_raise):
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
        _write_new(target, data)
    for relative in orphans:
        _prune(staging, (staging / relative).parent)


def _raise(error: OSError) -> NoReturn:
    raise error


def _write_new(path: Path, data: bytes) -> None:
    """Create ``path`` (never through a link, never over a file) holding ``data``, synced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW, 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink()  # created just now: ours, and incomplete
        raise


def _link(source: Path, target: Path) -> None:
    if source.is_symlink():
        os.symlink(os.readlink(source), target)
        return
    try:
        os.link(source, target, follow_symlinks=False)
    except OSError:  # a file system without hard links
        import shutil

        shutil.copy2(source, target, follow_symlinks=False)


def _swap(staging: Path, out: Path) -> Path | None:
    """Put ``staging`` in the place of ``out`` atomically; return where the old tree is now."""
    old: Path | None
    if not os.path.lexists(out):
        os.rename(staging, out)
        old = None
    elif _exchange(staging, out):
        old = staging
    else:
        # Without an atomic exchange: two renames, and _recover puts the old tree back if a
        # run dies between them.
        old = staging.with_name(staging.name.replace("-next-", "-previous-"))
        os.rename(out, old)
        try:
            os.rename(staging, out)
        except BaseException:
            os.rename(old, out)
            raise
    _sync_directory(out.parent)
    return old


_LEFTOVER = re.compile(r"\.(?P<name>.+)\.codegen-(?P<role>next|previous)(?:-(?P<token>[0-9a-f]+))?")


def _recover(out: Path) -> list[Path]:
    """Clear what interrupted runs left beside out/: an old tree whose replacement never
    arrived is put back; then every leftover tree is discarded. Returns the files kept."""
    leftovers: dict[tuple[str, str], Path] = {}
    for entry in os.scandir(out.parent):
        found = _LEFTOVER.fullmatch(entry.name)
        if found and found["name"] == out.name and entry.is_dir(follow_symlinks=False):
            leftovers[found["role"], found["token"] or ""] = Path(entry.path)
    if not os.path.lexists(out):
        for (role, token), path in sorted(leftovers.items()):
            if role == "previous" and ("next", token) in leftovers:
                os.rename(path, out)
                del leftovers[role, token]
                break
    kept = []
    for path in leftovers.values():
        kept += _discard(path, out)
    return kept


def _discard(tree: Path, out: Path) -> list[Path]:
    """Remove ``tree``, a leftover of a run, losing nothing: a file goes only when it is ours
    (the marker), a copy of the file at its place in out/ (the same inode or the same
    bytes), or empty; any other file moves back to its place in out/ when that is free, or
    else stays (and is returned). Directories go only when empty. Links are never followed."""
    kept: list[Path] = []
    if _kind(tree) == stat.S_IFDIR:
        _clear(tree, out, kept)
    return kept


def _clear(directory: Path, twin: Path | None, kept: list[Path]) -> None:
    """``twin``: the same directory in out/, or None when a link or a file stands there."""
    with os.scandir(directory) as listing:
        entries = list(listing)
    for entry in entries:
        path = Path(entry.path)
        there = twin / entry.name if twin is not None else None
        if entry.is_dir(follow_symlinks=False):
            usable = there is not None and _kind(there) in (None, stat.S_IFDIR)
            _clear(path, there if usable else None, kept)
        elif _expendable(path, there):
            path.unlink()
        elif not (there is not None and _move(path, there)):
            if (
                entry.is_file(follow_symlinks=False)
                and entry.stat(follow_symlinks=False).st_size == 0
            ):
                path.unlink()  # nothing in it to lose
            else:
                kept.append(path)
    try:
        directory.rmdir()
    except OSError:
        pass


def _expendable(path: Path, twin: Path | None) -> bool:
    """Whether removing ``path`` loses nothing: it is ours, or out/ holds the same at ``twin``."""
    mine = os.lstat(path)
    try:
        theirs = os.lstat(twin) if twin is not None else None
    except (FileNotFoundError, NotADirectoryError):
        theirs = None
    if theirs is not None and (mine.st_dev, mine.st_ino) == (theirs.st_dev, theirs.st_ino):
        return True
    if stat.S_ISREG(mine.st_mode) and _owned(path):
        return True
    if twin is None or theirs is None or stat.S_IFMT(mine.st_mode) != stat.S_IFMT(theirs.st_mode):
        return False
    if stat.S_ISLNK(mine.st_mode):
        return os.readlink(path) == os.readlink(twin)
    return stat.S_ISREG(mine.st_mode) and mine.st_size == theirs.st_size and _same_bytes(path, twin)


def _same_bytes(a: Path, b: Path) -> bool:
    with open(os.open(a, os.O_RDONLY | _NOFOLLOW), "rb") as left:
        with open(os.open(b, os.O_RDONLY | _NOFOLLOW), "rb") as right:
            while True:
                chunk = left.read(1 << 20)
                if chunk != right.read(1 << 20):
                    return False
                if not chunk:
                    return True


def _move(path: Path, target: Path) -> bool:
    """Move ``path`` to ``target`` in out/ unless something is there already."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(path, target, follow_symlinks=False)  # fails rather than replace
    except FileExistsError:
        return False
    except OSError:  # no hard links here: a rename, which would replace, after a look
        if os.path.lexists(target):
            return False
        try:
            os.rename(path, target)
        except OSError:
            return False
        return True
    path.unlink()
    return True


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 RENAME_EXCHANGE); False where the
    system or file system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def _update_in_place(
    out: Path, changed: dict[PurePosixPath, bytes], orphans: Sequence[PurePosixPath]
) -> None:
    """Where out/ cannot be swapped: each changed file is written beside its target, synced
    and renamed over it, then orphans are removed. Each file changes atomically; the tree
    does not (a kill midway leaves some files new and some old, until the next run)."""
    touched = set()
    for relative, data in changed.items():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.codegen-tmp-{os.urandom(6).hex()}")
        _write_new(temporary, data)
        try:
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink()  # written just now: ours
            raise
        touched.add(target.parent)
    for relative in orphans:
        (out / relative).unlink()
        _prune(out, (out / relative).parent)
        touched.add((out / relative).parent)
    for directory in sorted(touched):
        _sync_directory(directory)


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


# --- check ---------------------------------------------------------------------------------


def drift(
    out: Path,
    files: Files,
    roots: Sequence[str],
    *,
    on_wait: Callable[[str], None] | None = None,
    timeout: float = LOCK_TIMEOUT,
    name: str | None = None,
    seen: Seen | None = None,
) -> list[Drift]:
    """Every way out/ differs from ``files``: missing, stale, hand-edited or orphaned files.

    Reads under a shared lock, so that it never sees a generate run midway. Raises
    WriteError when a link stands on the way to a generated file (it is not followed) or
    another run holds out/ longer than ``timeout`` seconds. With ``seen``, a file of a
    cached run (an Output whose text is in the cache) is read only when its status changed.
    """
    shown = Path(name) if name is not None else out  # how messages and diffs name out/
    out = out.resolve() if out.is_symlink() else out
    if not out.parent.is_dir():
        return [Drift(relative, "missing", "not generated yet") for relative in sorted(files)]
    with _locked(out, shown, False, timeout, on_wait):
        return _drift(out, shown, files, roots, seen)


def _drift(
    out: Path, shown: Path, files: Files, roots: Sequence[str], seen: Seen | None
) -> list[Drift]:
    found: list[Drift] = []
    real: set[Path] = set()
    for relative in sorted(files):
        same, on_disk = _on_disk(out, shown, files, relative, real, seen)
        if same:
            continue
        if on_disk is None:
            found.append(Drift(relative, "missing", "not generated yet"))
            continue
        text = files[relative]
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
        found.append(Drift(relative, kind, reason, _diff(shown / relative, actual, text)))
    for relative in _existing(out, roots, files):
        found.append(
            Drift(relative, "orphaned", "generated for a catalogue or target that no longer exists")
        )
    return found


def _same(files: Files, relative: PurePosixPath, on_disk: bytes) -> bool:
    """Whether ``on_disk`` holds exactly the file ``files`` has at ``relative``."""
    if isinstance(files, Output):
        return files.matches(relative, on_disk)
    return on_disk == files[relative].encode("utf-8")


DIFF_WINDOW = 400
"""Lines from the first difference on that difflib compares: its cost grows with the square
of what it is given, and the 60 lines shown never need more."""

_HUNK = re.compile(r"@@ -(\d+)(,\d+)? \+(\d+)(,\d+)? @@")


def _diff(path: Path, actual: str, expected: str, limit: int = 60) -> str:
    """A unified diff cut to ``limit`` lines, its cost bounded whatever the files: the equal
    head and tail are skipped in one pass, and difflib sees at most DIFF_WINDOW lines of
    each side from the first difference on."""
    import difflib

    a, b = actual.splitlines(keepends=True), expected.splitlines(keepends=True)
    start = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    end_a, end_b = len(a), len(b)
    while end_a > start and end_b > start and a[end_a - 1] == b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    context = 2
    cut = max(end_a, end_b) - start > DIFF_WINDOW
    low = max(0, start - context)
    high_a = min(len(a), start + DIFF_WINDOW if cut else end_a + context)
    high_b = min(len(b), start + DIFF_WINDOW if cut else end_b + context)
    lines = [
        _HUNK.sub(lambda m: _shifted(m, low), line, count=1) if line.startswith("@@") else line
        for line in difflib.unified_diff(
            a[low:high_a],
            b[low:high_b],
            f"{path.as_posix()} (on disk)",
            f"{path.as_posix()} (generated)",
            n=context,
        )
    ]
    if len(lines) > limit:
        more = "more differences follow" if cut else f"{len(lines) - limit} more diff lines"
        lines = lines[:limit] + [f"... {more}\n"]
    elif cut:
        lines.append("... more differences follow\n")
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _shifted(hunk: re.Match[str], offset: int) -> str:
    """A hunk header of a window's diff, numbered as in the whole file."""
    old, old_length, new, new_length = hunk.groups()
    return f"@@ -{int(old) + offset}{old_length or ''} +{int(new) + offset}{new_length or ''} @@"
