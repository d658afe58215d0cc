"""Stage 5, write: bring out/ to exactly the rendered files, or report how it differs.

Only this module touches out/. A file is ours when its first line carries the generated
marker; files without it are never deleted. Unchanged files are not rewritten (their mtime
stays), changed ones are replaced atomically, and every new file is staged before the
first rename so that a failure while preparing leaves out/ as it was.
"""

from __future__ import annotations

import difflib
import os
import tempfile
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
    """Make out/<root>/ hold exactly ``files``; leave untouched what is already right."""
    changed = {}
    for relative, text in sorted(files.items()):
        data = text.encode("utf-8")
        if _read(out / relative) != data:
            changed[relative] = data
    orphans = sorted(set(_existing(out, roots)) - set(files))

    staged: list[tuple[str, Path]] = []
    try:
        for relative, data in changed.items():
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            staged.append((temp, target))
    except BaseException:
        for temp, _ in staged:
            Path(temp).unlink(missing_ok=True)
        raise
    for temp, target in staged:
        os.replace(temp, target)
    for relative in orphans:
        (out / relative).unlink()
        _prune(out, (out / relative).parent)
    return Summary(tuple(changed), tuple(orphans), len(files) - len(changed))


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
