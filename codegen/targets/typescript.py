"""TypeScript target: an npm package of ES modules that run as they are (``.js``) with their
declarations (``.d.ts``) beside them, written directly rather than compiled from ``.ts``.

Per platform, ``<platform>.js`` holds the catalogue's data and ``<platform>.d.ts`` its types:
an ``as const``-like object of codes, their union type, a read-only info record keyed by
code, lookups, ``format`` with a parameter type per code, ``<Platform>Error``, and
``classify``/``classifyText``/``toError`` over the rules ``codegen.classify.rules`` compiles
(shapes, generic codes, normalised patterns, statuses: data only).
``common.js`` holds what every platform shares (formatting, the base error class, the
matching of responses), once;
``index.js`` re-exports each platform as a namespace; ``package.json`` maps one subpath to
each module, so that importing one platform loads only it and ``common.js``.

Every module exports the same short names, and the few lines that hold the platform's name
(its error class) are measured: output is laid out exactly as prettier prints it, and the
tests require ``prettier --check`` to pass without generation running node.

A pattern is written as its head (the text before the first wildcard) and a list of parts
(a wildcard's name and the text after it), each an object on lines of its own: prettier
never moves a string after a key that short, nor joins an object written over several
lines, so the layout does not depend on the width prettier measures for the text (CJK,
emoji), and the tokens depend on the number of wildcards alone, never on the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..classify import Rules, rules
from ..model import PLACEHOLDER, Catalog, Code, Entry
from ..naming import pascal
from ..render import (
    Files,
    Options,
    aggregate_header,
    aggregate_header_line,
    doc_base,
    header,
    template,
)
from .base import Naming, Target
from .charset import Memo, comment_text, preferred_quote, quoted

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

COMMON = "common"
"""The module every platform's module imports: a platform must not take its name."""


def ts_module(platform: str) -> str:
    return platform


def ts_error(platform: str) -> str:
    """``okx_dex_ws`` -> ``OkxDexWsError``: the class of a platform's errors. It ends in
    "Error", so it never clashes with another name its module declares or imports."""
    return pascal(platform) + "Error"


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
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # nothing to escape, and double quotes: the common case
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


def ts_names(key: str, names: Sequence[str], indent: int) -> str:
    """``key: ["a", "b"]``, a property ``indent`` columns in: on one line when it fits,
    else one name a line, as prettier prints an array of strings. Names are ASCII."""
    items = [ts_str(name) for name in names]
    line = f"{key}: [{', '.join(items)}]"
    if indent + len(line) + 1 <= PRINT_WIDTH:
        return line
    inner = " " * (indent + 2)
    return f"{key}: [\n" + "".join(f"{inner}{item},\n" for item in items) + " " * indent + "]"


def ts_ascii(value: object) -> str:
    """A literal for a string or a number, every string written in ASCII (escapes for the
    rest), so that its width is its length, the width prettier measures."""
    if isinstance(value, str):
        return "".join(c if c.isascii() else _escape_char(c) for c in ts_str(value))
    return ts_value(value)


Nested = str | int | Sequence["Nested"]


def _flat(value: Nested) -> str:
    if isinstance(value, (str, int)):
        return ts_ascii(value)
    return "[" + ", ".join(_flat(item) for item in value) + "]"


def _numbers(items: Sequence[Nested]) -> bool:
    """Whether prettier prints the array concisely, filling each line with numbers."""
    return len(items) > 1 and all(isinstance(i, int) and not isinstance(i, bool) for i in items)


def _array(items: Sequence[Nested], column: int, head: str, indent: int, tail: int) -> str:
    """``items`` as an array whose text starts at ``column`` after ``head`` (on the same
    line), ``indent`` columns in, ``tail`` more columns after it on its line: laid out as
    prettier lays out an array of literals and arrays."""
    flat = _flat(items)
    nested = len(items) > 1 and all(
        not isinstance(i, (str, int)) and len(i) > 1 for i in items
    )  # an array of two or more arrays of two or more items: always one a line
    if not nested and column + len(head) + len(flat) + tail <= PRINT_WIDTH:
        return head + flat
    inner = indent + 2
    pad = " " * inner
    if _numbers(items):
        lines: list[str] = []
        line = ""
        for i, item in enumerate(items):
            text = ts_ascii(item) + ("," if i < len(items) - 1 else "")
            if line and inner + len(line) + 1 + len(text) <= PRINT_WIDTH:
                line += " " + text
            else:
                if line:
                    lines.append(line)
                line = text
        lines.append(line + ",")
        body = "".join(f"{pad}{line}\n" for line in lines)
    else:
        body = "".join(
            pad
            + (
                ts_ascii(item)
                if isinstance(item, (str, int))
                else _array(item, inner, "", inner, 1)
            )
            + ",\n"
            for item in items
        )
    return f"{head}[\n{body}{' ' * indent}]"


def ts_array(key: str, items: Sequence[Nested] | None, indent: int) -> str:
    """``key: [...]`` (or ``key: null``), a property ``indent`` columns in, followed by a
    comma: literals in ASCII, laid out as prettier lays them out."""
    if items is None:
        return f"{key}: null"
    return _array(items, indent, f"{key}: ", indent, 1)


def ts_doc(text: str) -> str:
    """``text`` as one line of a ``/** */`` comment: it can never close the comment."""
    return comment_text(text, _escape_char, forbidden=("*/",))


def ts_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return ts_str(value)
    return str(value)


def parameters(entry: Entry) -> list[str]:
    """The placeholders of every text of ``entry``, message then solution, each once."""
    # No placeholder spans a line break: the texts are searched as one.
    texts = "\n".join((*entry.message.values(), *entry.solution.values()))
    return list(dict.fromkeys(PLACEHOLDER.findall(texts))) if "{" in texts else []


def _fits(line: str, indent: int = 0) -> bool:
    return indent + len(line) <= PRINT_WIDTH


def error_layout(platform: str, code_type: str) -> dict[str, str]:
    """The lines that hold the name of the platform's error class (ASCII), each laid out
    as prettier lays it out for that name's width."""
    name = ts_error(platform)
    guard = f"is{name}"
    define = f'const catalogue = common.define({ts_str(platform)}, "{code_type}", entries, docs);'
    if not _fits(define):
        define = (
            f"const catalogue = common.define(\n  {ts_str(platform)},\n"
            f'  "{code_type}",\n  entries,\n  docs,\n);'
        )
    interface = f"export interface {name} extends common.PlatformError {{"
    if not _fits(interface):
        interface = f"export interface {name}\n  extends common.PlatformError {{"
    construct = f"new <C extends Code>(code: C, ...args: common.ErrorArgs<ParamsOf<C>>): {name};"
    if not _fits(construct, 2):
        construct = (
            "new <C extends Code>(\n    code: C,\n"
            f"    ...args: common.ErrorArgs<ParamsOf<C>>\n  ): {name};"
        )
    declared_guard = f"export declare function {guard}(value: unknown): value is {name};"
    if not _fits(declared_guard):
        declared_guard = f"export declare function {guard}(\n  value: unknown,\n): value is {name};"
    class_head = f"export class {name} extends common.PlatformError {{"
    if not _fits(class_head):
        class_head = f"export class {name}\n  extends common.PlatformError\n{{"
    guard_head = f"export function {guard}(value) {{"
    if not _fits(guard_head):
        guard_head = f"export function {guard}(\n  value,\n) {{"
    classifier = f"const classifier = common.classifier(catalogue, {name}, rules);"
    if not _fits(classifier):
        classifier = f"const classifier = common.classifier(\n  catalogue,\n  {name},\n  rules,\n);"
    declared_to_error = f"): {name} | undefined;"
    if not _fits(declared_to_error):
        declared_to_error = f"):\n  | {name}\n  | undefined;"
    guard_body = f"return value instanceof {name};"
    if not _fits(guard_body, 2):
        guard_body = f"return (\n    value instanceof {name}\n  );"
    return {
        "name": name,
        "guard": guard,
        "define": define,
        "interface": interface,
        "construct": construct,
        "declared_guard": declared_guard,
        "class_head": class_head,
        "guard_head": guard_head,
        "guard_body": guard_body,
        "classifier": classifier,
        "declared_to_error": declared_to_error,
    }


def ts_const(name: str, value: str | None) -> str:
    """``const name = value;`` (``null`` for None) at the top level, laid out as prettier
    lays it out: a string too long for the line moves to the next one, indented (even when
    it does not fit there). The string in ASCII: its width is its length."""
    literal = "null" if value is None else ts_ascii(value)
    if _fits(f"const {name} = {literal};"):
        return f"const {name} = {literal};"
    return f"const {name} =\n  {literal};"


def ts_pointer(tokens: Sequence[str] | None) -> str:
    """A JSON Pointer as one string literal (``null`` for none): a string property never
    moves in prettier's layout, whatever its length; common.js splits it once."""
    if tokens is None:
        return "null"
    return ts_str("".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens))


FILTERS: dict[str, Callable[..., object]] = {
    "ts_pointer": ts_pointer,
    "ts_str": ts_str,
    "ts_key": ts_key,
    "ts_doc": ts_doc,
    "ts_value": ts_value,
    "ts_property": ts_property,
    "ts_names": ts_names,
    "ts_array": ts_array,
}


def package_json(catalogs: Sequence[Catalog], options: Options) -> str:
    """The npm package: one subpath per module, each with its declarations (``types``)
    before its code (``default``), as TypeScript and Node resolve them.

    Its first line carries the generated-code marker, as in out/vectors, like the first line
    of every file generate owns (JSON has no comments): ``{"generated": ...,``. npm ignores
    a field it does not know.
    """

    def entry(module: str) -> dict[str, str]:
        return {"types": f"./{module}.d.ts", "default": f"./{module}.js"}

    modules = [ts_module(c.platform) for c in catalogs]
    body: dict[str, Any] = {
        "name": options.typescript_package,
        "version": options.version,
        "description": "Error codes, messages and typed errors of "
        + ", ".join(c.platform for c in catalogs),
        "type": "module",
        "sideEffects": False,
        "main": "./index.js",
        "types": "./index.d.ts",
        "exports": {
            ".": entry("index"),
            f"./{COMMON}": entry(COMMON),
            **{f"./{module}": entry(module) for module in modules},
            "./package.json": "./package.json",
        },
        "engines": {"node": ">=18"},
    }
    generated = json.dumps(aggregate_header_line(catalogs), ensure_ascii=False)
    text = json.dumps(body, ensure_ascii=False, indent=2).removeprefix("{\n")
    return f'{{"generated": {generated},\n{text}\n'


Declared = tuple[str, str, str, tuple[str, ...], str | None, str | None]
"""A code as module.d.ts declares it: its doc comment (the message), name, value, former
names, and its deprecation's doc comment and replacement (None: not deprecated)."""
Defined = tuple[
    str,
    str,
    str | None,
    list[str],
    list[str],
    str | None,
    str | None,
    int | None,
    str | None,
    str | None,
    str | None,
]
"""An entry as module.js defines it, each property laid out: the code, the name, the
aliases, each message and each solution, the placeholders, the category, the HTTP status,
retryable, and the deprecation's reason and replacement (None: the property is absent)."""


def declared(catalog: Catalog) -> list[Declared]:
    """What module.d.ts writes of each code, escaped once here."""
    rows: list[Declared] = []
    for entry in catalog.errors:
        deprecated = entry.deprecated
        rows.append(
            (
                ts_doc(entry.default_message),
                entry.name,
                ts_value(entry.code),
                entry.aliases,
                None if deprecated is None else ts_doc(deprecated.reason),
                None if deprecated is None else deprecated.replaced_by,
            )
        )
    return rows


def defined(catalog: Catalog, placeholders: dict[Code, list[str]]) -> list[Defined]:
    """What module.js writes of each entry, each property laid out once here."""
    rows: list[Defined] = []
    key = Memo(ts_key)  # language tags and categories repeat
    category_property = Memo(lambda category: ts_property("category", category, 4))
    for entry in catalog.errors:
        names = placeholders[entry.code]
        deprecated, category, retryable = entry.deprecated, entry.category, entry.retryable
        rows.append(
            (
                ts_value(entry.code),
                ts_str(entry.name),
                ts_names("aliases", entry.aliases, 4) if entry.aliases else None,
                [_text_property(key[k], text, 6) for k, text in entry.message.items()],
                [_text_property(key[k], text, 6) for k, text in entry.solution.items()],
                ts_names("placeholders", names, 4) if names else None,
                None if category is None else category_property[category],
                entry.http_status,
                None if retryable is None else ts_value(retryable),
                None if deprecated is None else ts_property("reason", deprecated.reason, 6),
                (
                    None
                    if deprecated is None or deprecated.replaced_by is None
                    else ts_property("replacedBy", deprecated.replaced_by, 6)
                ),
            )
        )
    return rows


def _text_property(name: str, text: str, indent: int) -> str:
    """:func:`ts_property` for a key already made an object key (``name``)."""
    literal = ts_str(text)
    if len(name) < SHORT_KEY:
        return f"{name}: {literal}"
    if not literal.isascii():
        return f"{name}: {ts_template(text)}"
    if indent + len(name) + len(literal) + 3 > PRINT_WIDTH:
        return f"{name}:\n{' ' * (indent + 2)}{literal}"
    return f"{name}: {literal}"


def pattern_rows(compiled: Rules) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """What module.js writes of each pattern: its code, its ``head`` property, and for each
    wildcard its name and its ``text`` property."""
    head = Memo(lambda text: ts_property("head", text, 6))
    text = Memo(lambda literal: ts_property("text", literal, 10))
    name = Memo(ts_str)
    return [
        (
            ts_value(p.code),
            head[p.segments[0]],
            [(name[n], text[literal]) for n, literal in zip(p.names, p.segments[1:])],
        )
        for p in compiled.patterns
    ]


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    files: Files = {}
    catalog_rules: dict[str, Rules] = {c.platform: rules(c) for c in catalogs}
    catalog_parameters = {
        c.platform: {entry.code: parameters(entry) for entry in c.errors} for c in catalogs
    }
    for suffix in (".js", ".d.ts"):
        module = template("typescript", f"module{suffix}.j2", FILTERS)
        for catalog in catalogs:
            code_type = "number" if catalog.code_type == "integer" else "string"
            path = PurePosixPath("typescript", ts_module(catalog.platform) + suffix)
            by_code = catalog_parameters[catalog.platform]
            compiled = catalog_rules[catalog.platform]
            if suffix == ".js":
                rows: dict[str, Any] = {
                    "entries": defined(catalog, by_code),
                    "patterns": pattern_rows(compiled),
                }
            else:
                params = [
                    (ts_key(entry.code), by_code[entry.code])
                    for entry in catalog.errors
                    if by_code[entry.code]
                ]
                rows = {"codes": declared(catalog), "params": params}
            files[path] = module.render(
                header=header("//", catalog),
                catalog=catalog,
                code_type=code_type,
                parameters=by_code,
                error=error_layout(catalog.platform, code_type),
                rules=compiled,
                docs=ts_const("docs", doc_base(options, catalog.platform)),
                **rows,
            )
        aggregate = aggregate_header("//", catalogs)
        for name in ("index", COMMON):
            files[PurePosixPath("typescript", name + suffix)] = template(
                "typescript", f"{name}{suffix}.j2", FILTERS
            ).render(header=aggregate, modules=[ts_module(c.platform) for c in catalogs])
    files[PurePosixPath("typescript", "package.json")] = package_json(catalogs, options)
    return files


def vectors(catalog: Catalog, options: Options) -> dict[str, Any]:
    return {
        "module": ts_module(catalog.platform),
        "package": options.typescript_package,
        "error": ts_error(catalog.platform),
    }


TARGET = Target(
    name="typescript",
    summary="an npm package of ES modules with their declarations (out/typescript/)",
    render=render,
    cost=2,
    naming=Naming(
        member=lambda name: name,
        member_reserved=TS_RESERVED | frozenset({"__proto__"}),
        # The module is re-exported as a namespace (`export * as weex`) from index.js, so it
        # must be a binding name a strict-mode ES module accepts; common.js is the modules'
        # shared support.
        platform=ts_module,
        platform_reserved=ES_STRICT_RESERVED | frozenset({"index", COMMON}),
        aggregates=(("module", ts_module),),
    ),
    vectors=vectors,
)
