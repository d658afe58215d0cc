"""Diagnostics: what every stage reports, and how it is printed."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``max()`` gives the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()


@dataclass(frozen=True, order=True)
class Location:
    """A 1-based place in a file. ``line``/``col`` are 0 when the file has no place."""

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
        return f"{self.location}: {self.severity}[{self.check_id}]: {self.message}"

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
