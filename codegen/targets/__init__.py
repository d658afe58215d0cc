"""The target registry: every built-in target, once. Adding a language means its module
(``TARGET``), its template folder, its conformance harness and one line here."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time the registry loads the targets when first asked
    from .base import Target


class UnknownTarget(KeyError):
    """A target name that no target has: always an error, never a default."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"unknown target {self.name!r} (known: {', '.join(registry())})"


@functools.cache
def registry() -> dict[str, Target]:
    """Every built-in target by name, in the order they are generated and listed."""
    from . import docs, golang, python, report, rust, typescript, vectors

    return {
        t.name: t
        for t in (
            python.TARGET,
            typescript.TARGET,
            golang.TARGET,
            rust.TARGET,
            report.TARGET,
            docs.TARGET,
            vectors.TARGET,
        )
    }


def target(name: str) -> Target:
    try:
        return registry()[name]
    except KeyError:
        raise UnknownTarget(name) from None


def languages() -> tuple[Target, ...]:
    """The targets that are programming languages: their names are checked, their
    identifiers go into the vectors."""
    return tuple(t for t in registry().values() if t.naming is not None)
