"""Naming: every identifier a target derives from a catalogue, in one pure module.

Catalogue names are UPPER_SNAKE (``INVALID_API_KEY``). Python enum members and TypeScript
object keys keep them as they are; Go uses MixedCaps with Go's initialisms
(``InvalidAPIKey``). Platform names (``okx_dex_ws``) become module and package names and
the prefix of exported type names.
"""

from __future__ import annotations

import functools
import keyword
from collections.abc import Callable

# Go's common initialisms (as in golint and staticcheck): written all in capitals.
GO_INITIALISMS = frozenset(
    """ACL API ASCII CPU CSS CSV DB DNS EOF GUID HTML HTTP HTTPS ID IP JSON JWT LHS OK QPS RAM
    RHS RPC SDK SLA SMS SMTP SQL SSH SSL TCP TLS TTL UDP UI UID URI URL UTF8 UUID VM XML XMPP
    XSRF XSS""".split()
)

GO_KEYWORDS = frozenset(
    """break case chan const continue default defer else fallthrough for func go goto if import
    interface map package range return select struct switch type var""".split()
)
GO_PREDECLARED = frozenset(
    """any bool byte comparable complex64 complex128 error float32 float64 int int8 int16 int32
    int64 rune string uint uint8 uint16 uint32 uint64 uintptr true false iota nil append cap
    clear close complex copy delete imag len make max min new panic print println real recover
    """.split()
)
GO_PACKAGE_API = frozenset({"Code", "Info", "Deprecation", "Lookup", "Codes"})
"""Exported identifiers every generated Go package defines besides the code constants."""

TS_RESERVED = frozenset(
    """break case catch class const continue debugger default delete do else enum export extends
    false finally for function if import in instanceof new null return super switch this throw
    true try typeof var void while with as implements interface let package private protected
    public static yield any boolean constructor declare get module require number set string
    symbol type from of await async""".split()
)

ES_STRICT_RESERVED = frozenset(
    """await break case catch class const continue debugger default delete do else enum export
    extends false finally for function if import in instanceof new null return super switch
    this throw true try typeof var void while with yield let static implements interface
    package private protected public eval arguments""".split()
)
"""Names a binding cannot take in an ES module (strict mode), TypeScript's or JavaScript's."""

PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)


def words(name: str) -> list[str]:
    """``INVALID_API_KEY`` -> ``['INVALID', 'API', 'KEY']``; also splits snake_case platforms."""
    return [w for w in name.split("_") if w]


def pascal(name: str) -> str:
    """``okx_dex_ws`` -> ``OkxDexWs``: plain capitalisation, for type-name prefixes."""
    return "".join(w[:1].upper() + w[1:].lower() for w in words(name))


@functools.lru_cache(maxsize=65536)
def go_identifier(name: str) -> str:
    """``INVALID_API_KEY`` -> ``InvalidAPIKey``; ``HTTP_2`` -> ``HTTP2``."""
    parts = []
    for word in words(name):
        upper = word.upper()
        parts.append(upper if upper in GO_INITIALISMS else upper[:1] + upper[1:].lower())
    return "".join(parts)


def go_package(platform: str) -> str:
    """``okx_dex_ws`` -> ``okxdexws``: Go package names are short, lower case, no underscores."""
    return platform.replace("_", "")


def python_module(platform: str) -> str:
    return platform


def python_class(platform: str) -> str:
    """``weex`` -> ``WeexCode``: the enum of a platform's codes."""
    return pascal(platform) + "Code"


def ts_module(platform: str) -> str:
    return platform


def member_identifier(target: str, name: str) -> str:
    """The identifier ``name`` becomes in ``target``'s generated code."""
    return go_identifier(name) if target == "go" else name


def member_reserved(target: str) -> frozenset[str]:
    """Identifiers a code's name must not turn into in ``target``."""
    if target == "go":
        return GO_PACKAGE_API | GO_KEYWORDS | GO_PREDECLARED
    if target == "python":
        return PYTHON_RESERVED
    return TS_RESERVED | frozenset({"__proto__"})


def platform_identifier(target: str, platform: str) -> str:
    """The module or package name ``platform`` becomes in ``target``."""
    return go_package(platform) if target == "go" else platform


def platform_reserved(target: str) -> frozenset[str]:
    if target == "go":
        return GO_KEYWORDS | GO_PREDECLARED | frozenset({"main", "internal", "testdata"})
    if target == "python":
        return PYTHON_RESERVED | frozenset({"__init__", "__main__"})
    # The module is re-exported as a namespace (`export * as weex`) from index.ts, so it
    # must be a binding name a strict-mode ES module accepts.
    return ES_STRICT_RESERVED | frozenset({"index"})


AGGREGATE_NAMES: tuple[tuple[str, str, Callable[[str], str]], ...] = (
    ("python", "module", python_module),
    ("python", "enum class", python_class),
    ("typescript", "module", ts_module),
    ("go", "package", go_package),
)
"""(target, kind, naming function): the names each platform takes in what gathers every
platform (the Python package and its ``__init__``, the TypeScript index, the Go module).
Two platforms must never share one (``okx_dex`` and ``okxdex`` are both Go's ``okxdex``)."""
