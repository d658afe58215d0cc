"""The target registry: every built-in target, once. Adding a language means its module
(``TARGET``), its template folder, its conformance harness and one line here."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # at run time the registry loads the targets when first asked
    from collections.abc import Sequence

    from ..model import Catalog
    from .base import Split, Target


class UnknownTarget(KeyError):
    """A target name that no target has: always an error, never a default."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"unknown target {self.name!r} (known: {', '.join(NAMES)})"


NAMES = ("python", "typescript", "go", "rust", "report", "docs", "vectors")
"""The built-in targets' names, in the order they are generated and listed: what a run that
renders nothing (configuration, the command line's help, a cached run) needs of them, without
importing their modules. registry() checks that they are the names of its targets."""


@functools.cache
def registry() -> dict[str, Target]:
    """Every built-in target by name, in the order they are generated and listed."""
    from . import docs, golang, python, report, rust, typescript, vectors

    found = {
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
    if tuple(found) != NAMES:  # pragma: no cover - a target added or renamed in one place
        raise RuntimeError(f"codegen.targets.NAMES {NAMES} are not the targets' {tuple(found)}")
    return found


def target(name: str) -> Target:
    try:
        return registry()[name]
    except KeyError:
        raise UnknownTarget(name) from None


def languages() -> tuple[Target, ...]:
    """The targets that are programming languages: their names are checked, their
    identifiers go into the vectors."""
    return tuple(t for t in registry().values() if t.naming is not None)


def _platforms(catalogs: Sequence[Catalog]) -> object:
    return [c.platform for c in catalogs]


def _strings(catalogs: Sequence[Catalog]) -> object:
    """Whether some catalogue has string codes: Rust's support and every module say so."""
    return any(c.code_type != "integer" for c in catalogs)


def _rust_aggregate(catalogs: Sequence[Catalog]) -> object:
    from .rust import placeholders

    typed = any(placeholders(entry) for c in catalogs for entry in c.errors)
    return [_platforms(catalogs), _strings(catalogs), typed]


def _with_strings(catalogs: Sequence[Catalog], catalog: Catalog) -> Sequence[Catalog]:
    """``catalog``, with a catalogue of string codes when there is one and it has none."""
    other = next((c for c in catalogs if c.code_type != "integer"), None)
    if catalog.code_type != "integer" or other is None:
        return [catalog]
    return sorted([catalog, other], key=lambda c: c.platform)


@functools.cache
def splits() -> dict[str, Split]:
    """How each built-in target's files divide by catalogue (base.Split), for the cache. The
    report and the reference site have none: every file of theirs depends on the text of
    every catalogue (render.corpus_header)."""
    from .base import Split

    return {
        "python": Split(aggregate=_platforms),
        "typescript": Split(aggregate=_platforms),
        "go": Split(aggregate=_platforms),
        "rust": Split(aggregate=_rust_aggregate, context=_strings, companions=_with_strings),
        "vectors": Split(aggregate=_nothing),
    }


def _nothing(catalogs: Sequence[Catalog]) -> object:
    return None
