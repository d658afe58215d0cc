"""What a target is: one object, declared in its own module and listed once in the registry
(``codegen.targets.registry``). Checks, ``breaking``, the test vectors, configuration and the
command line learn every fact about a target from here, never from a list of their own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ..model import Catalog
from ..render import Files, Options

Renderer = Callable[[Sequence[Catalog], Options], Files]


@dataclass(frozen=True)
class Naming:
    """How a programming language names what a catalogue defines."""

    member: Callable[[str], str]
    """An entry's UPPER_SNAKE name (``INVALID_API_KEY``) as an identifier (Go ``InvalidAPIKey``)."""
    member_reserved: frozenset[str]
    """Identifiers a code's name must not become (keywords, the generated API's own names)."""
    platform: Callable[[str], str]
    """A platform (``okx_dex_ws``) as a module or package name (Go ``okxdexws``)."""
    platform_reserved: frozenset[str]
    """Module or package names a platform must not become."""
    aggregates: tuple[tuple[str, Callable[[str], str]], ...]
    """(kind, naming function): the names each platform takes where all platforms meet (a Go
    package, a Python enum class); two platforms must never share one."""
    platform_kind: str = "module"
    """What ``platform`` names, in messages: module, package, crate..."""
    aggregate_reserved: frozenset[str] = frozenset()
    """Names no aggregate may take: those the generated package defines once for every
    platform (Python's PlatformError)."""


@dataclass(frozen=True)
class Target:
    """One kind of output, written under ``out/<name>/`` and nowhere else."""

    name: str
    summary: str
    render: Renderer
    naming: Naming | None = None
    """None for targets that are not a programming language (report, vectors)."""
    vectors: Callable[[Catalog, Options], dict[str, Any]] | None = None
    """This language's part of out/vectors/<platform>.json: the names its conformance harness
    needs to find the platform's code (module, class, import path)."""
    cacheable: bool = True
    """False when the output depends on more than codegen can fingerprint (a plugin, a
    program of the project): a run with such a target is never answered from the cache."""
    cost: int = 1
    """How long the target takes to render, relative to the others (per code; python is 1):
    how a run shares its targets between two processes (codegen.parallel)."""


def _alone(catalogs: Sequence[Catalog], catalog: Catalog) -> Sequence[Catalog]:
    return [catalog]


def _nothing(catalogs: Sequence[Catalog]) -> object:
    return None


@dataclass(frozen=True)
class Split:
    """How a target's files divide by catalogue, so that the cache keeps each catalogue's
    with it and a change to one catalogue renders only its own files again.

    A catalogue's own files are those whose first line is its header (render.header): what
    they hold depends on that catalogue, the options and ``context`` alone. Every other file
    of the target depends on the options and ``aggregate`` alone. tests/test_cache.py holds
    each built-in target to this against renders of every catalogue at once."""

    aggregate: Callable[[Sequence[Catalog]], object]
    """What the target's other files depend on (the platforms, say): plain data, small."""
    context: Callable[[Sequence[Catalog]], object] = _nothing
    """What every catalogue's own files depend on besides it: plain data, small."""
    companions: Callable[[Sequence[Catalog], Catalog], Sequence[Catalog]] = _alone
    """The catalogues (in platform order) to render with one of them for its own files to be
    what a render of them all makes: by default, itself alone."""
