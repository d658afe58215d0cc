"""Reading input files: what a repository holds is read as data, never trusted to be sane.

A pull request can add a catalogue that is a FIFO (opening it would wait forever), a
symbolic link to ``/dev/zero`` (``stat`` says 0 bytes, reading never ends) or a link to a
secret elsewhere on the machine (its text would reach diagnostics and generated files).
Every input therefore goes through :func:`read_input`: regular files only, at most
``max_bytes`` whatever ``stat`` says, and, for files found by listing a directory of the
project, only where the link, if any, stays inside the project.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

CATALOG_SUFFIXES = (".yaml", ".yml")
"""Both are catalogues: the pre-commit hooks fire on both, so neither may be ignored."""

_CHUNK = 1 << 20

UNREADABLE = "UNREADABLE"
"""The check ID of a file that cannot be read or is not UTF-8."""


@dataclass(frozen=True)
class Limits:
    """How big an input may be: a pull request from anyone must not exhaust the machine
    or produce source no compiler accepts. Set in ``[tool.codegen]``."""

    file_bytes: int = 20 * 1024 * 1024
    entries: int = 100_000
    text_length: int = 10_000
    """Characters in any one text: a message, solution, title, source or reason."""


class InputError(Exception):
    """An input that cannot be read; the message says why, for a diagnostic at the file."""


def read_input(path: Path, max_bytes: int | None, inside: Path | None = None) -> bytes:
    """The bytes of ``path``: a regular file (after links), within ``inside`` if given,
    of at most ``max_bytes``. Raises InputError otherwise."""
    if inside is not None and path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(inside.resolve()):
            raise InputError(
                "cannot read: a symbolic link to a file outside the project (codegen reads"
                " only files inside it)"
            )
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer that never comes.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    try:
        status = os.fstat(fd)
        if not stat.S_ISREG(status.st_mode):
            raise InputError(f"cannot read: {_kind(status.st_mode)}, not a regular file")
        if max_bytes is not None and status.st_size > max_bytes:
            raise InputError(_over(max_bytes, status.st_size))
        chunks, size = [], 0
        while chunk := os.read(fd, _CHUNK):
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise InputError(_over(max_bytes))
            chunks.append(chunk)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}") from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _over(max_bytes: int, size: int | None = None) -> str:
    # A regular file can grow while it is read (or live on a file system whose sizes lie):
    # the limit holds for what is read, not for what stat said.
    what = "file is" if size is None else f"file is {size:,} bytes,"
    return f"{what} over the limit of {max_bytes:,} bytes (max_file_bytes)"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def catalog_files(directory: Path) -> list[Path]:
    """Every ``*.yaml`` and ``*.yml`` entry of ``directory``, sorted: one that is not a
    readable file (a directory, a dangling link, a FIFO) is listed too and reported as
    unreadable, never skipped, lest its generated code be removed."""
    return sorted(p for p in directory.iterdir() if p.suffix in CATALOG_SUFFIXES)


def platform_stem(name: str) -> str:
    """``catalogs/weex.yaml`` -> ``weex``."""
    base = PurePosixPath(name).name
    for suffix in CATALOG_SUFFIXES:
        if base.endswith(suffix):
            return base[: -len(suffix)]
    return base


def display(path: Path, root: Path) -> str:
    """How a file is named in headers and messages: relative to the project ``root``,
    whatever the working directory, never absolute. A file outside the project is named
    from its directory (``other/weex.yaml``)."""
    absolute = Path(os.path.abspath(path))
    base = Path(os.path.abspath(root))
    if absolute.is_relative_to(base):
        return absolute.relative_to(base).as_posix() or "."
    return PurePosixPath(absolute.parent.name, absolute.name).as_posix()
