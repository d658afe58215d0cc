"""Diagnostics: what every stage reports, and how it is printed."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

from .targets.charset import must_escape

_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_char(char: str) -> str:
    """One character as a Python-style backslash escape: ``\\n``, ``\\x1b``, ``\\u2028``."""
    if char in _NAMED_ESCAPES:
        return _NAMED_ESCAPES[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` as one line of visible characters, for a terminal or a CI log: every character
    that charset.must_escape names (line breaks, controls, bidirectional overrides...) as its
    backslash escape. A file name holding "\\n::error ..." can then neither start a line of
    its own (a forged workflow command) nor hide or reorder what a person reads."""
    if text.isprintable():
        return text  # the common case, answered in C
    return "".join(escape_char(c) if must_escape(c) else c for c in text)


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``max()`` gives the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


class Location(NamedTuple):
    """A 1-based place in a file. ``line``/``col`` are 0 when the file has no place.

    A named tuple rather than a frozen dataclass: a catalogue keeps one per field of every
    entry, and a tuple is made several times faster."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line == 0:
            return self.path
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True)
class Diagnostic:
    """One finding of a check, at one place. ``related`` is the other place of a pair
    (a duplicate's first definition): the message names it for people, the field for tools."""

    check_id: str
    severity: Severity
    location: Location
    message: str
    related: Location | None = None

    def render(self) -> str:
        """The diagnostic as exactly one line of text, whatever its path and message hold."""
        return printable(f"{self.location}: {self.severity}[{self.check_id}]: {self.message}")

    def sort_key(self) -> tuple[str, int, int, str, str]:
        loc = self.location
        return (loc.path, loc.line, loc.col, self.check_id, self.message)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity is Severity.ERROR for d in diagnostics)


class CatalogError(Exception):
    """A problem that stops processing of one input file (unreadable, not YAML...)."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic
