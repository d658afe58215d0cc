"""TypeScript target: per platform an ES module exporting an ``as const`` object of codes,
their union type, a read-only info record keyed by code, a type guard and lookup functions;
index.ts re-exports each module as a namespace (``weex.Code``, ``weex.lookup``).

Every module exports the same short names, so no line's length depends on the platform's
name: output is laid out exactly as prettier prints it, and the tests require
``prettier --check`` to pass without generation running node.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath

from typing import Any

from ..model import Catalog
from ..render import Files, Options, aggregate_header, header, template
from .base import Naming, Target
from .charset import comment_text, preferred_quote, quoted

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


def ts_module(platform: str) -> str:
    return platform


_IDENTIFIER = re.compile(r"^[A-Za-z_$][A-Za-z0-9_$]*$")
_SIMPLE_NUMBER = re.compile(r"^(?:0|[1-9][0-9]*)$")


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\u{{{code:x}}}"


def ts_str(text: str) -> str:
    """A string literal for ``text``, quoted as prettier quotes: double unless that needs more escapes."""
    return quoted(text, preferred_quote(text), _escape_char)


def ts_key(key: str | int) -> str:
    """An object key: bare when it is an identifier or a plain non-negative integer."""
    text = str(key)
    if _IDENTIFIER.match(text) or _SIMPLE_NUMBER.match(text) and len(text) < 16:
        return text
    return ts_str(text)


def ts_template(text: str) -> str:
    """A template literal for ``text``, with no substitution in it."""
    return quoted(text, "`", _escape_char).replace("${", "\\${")


PRINT_WIDTH = 80
SHORT_KEY = 5
"""Prettier never moves a value that follows a key narrower than this (its tabWidth + 3)."""


def ts_property(key: str, text: str, indent: int) -> str:
    """``key: text`` for a property ``indent`` columns in, laid out as prettier lays it out.

    After a key of five or more columns, prettier moves a string to the next line when the
    line would pass 80 columns. For ASCII that width is the length; for other text it is
    what prettier's own Unicode tables say, so such text is written as a template literal,
    which prettier never moves.
    """
    name, literal = ts_key(key), ts_str(text)
    if len(name) < SHORT_KEY:
        return f"{name}: {literal}"
    if not literal.isascii():
        return f"{name}: {ts_template(text)}"
    if indent + len(f"{name}: {literal},") > PRINT_WIDTH:
        return f"{name}:\n{' ' * (indent + 2)}{literal}"
    return f"{name}: {literal}"


def ts_doc(text: str) -> str:
    """``text`` as one line of a ``/** */`` comment: it can never close the comment."""
    return comment_text(text, _escape_char, forbidden=("*/",))


def ts_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return ts_str(value)
    return str(value)


FILTERS: dict[str, Callable[..., object]] = {
    "ts_str": ts_str,
    "ts_key": ts_key,
    "ts_doc": ts_doc,
    "ts_value": ts_value,
    "ts_property": ts_property,
}


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    files: Files = {}
    module = template("typescript", "module.ts.j2", FILTERS)
    for catalog in catalogs:
        files[PurePosixPath("typescript", ts_module(catalog.platform) + ".ts")] = module.render(
            header=header("//", catalog),
            catalog=catalog,
            code_type="number" if catalog.code_type == "integer" else "string",
        )
    files[PurePosixPath("typescript", "index.ts")] = template(
        "typescript", "index.ts.j2", FILTERS
    ).render(
        header=aggregate_header("//", catalogs),
        modules=[ts_module(c.platform) for c in catalogs],
    )
    return files


def vectors(catalog: Catalog, options: Options) -> dict[str, Any]:
    return {"module": ts_module(catalog.platform)}


TARGET = Target(
    name="typescript",
    summary="TypeScript ES modules, one per platform, and an index (out/typescript/)",
    render=render,
    naming=Naming(
        member=lambda name: name,
        member_reserved=TS_RESERVED | frozenset({"__proto__"}),
        # The module is re-exported as a namespace (`export * as weex`) from index.ts, so it
        # must be a binding name a strict-mode ES module accepts.
        platform=ts_module,
        platform_reserved=ES_STRICT_RESERVED | frozenset({"index"}),
        aggregates=(("module", ts_module),),
    ),
    vectors=vectors,
)
