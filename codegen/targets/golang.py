"""Go target: one package per platform, in a module of its own (out/go/go.mod, when
``go_module`` is set) or in the consumer's module (``go_import_path``: no go.mod). Each
package holds a typed Code (an error value) and its constants, a map from code to Info,
Lookup, ByName and Codes, the error type: Error, New, X.Err() and a typed constructor
for each code whose texts have placeholders (NewX), and Classify and ClassifyText, which
tell which code a response means, from the shapes, patterns and statuses that
:func:`codegen.classify.rules` compiles at generation time.

Output is laid out the way gofmt prints it (tabs, aligned keyed fields), so generation does
not need a Go toolchain; the tests check that gofmt leaves every file unchanged.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..classify import rules
from ..diagnostics import Diagnostic, Severity
from ..model import Catalog, Code, Entry
from ..naming import words
from ..render import (
    Files,
    Options,
    RenderFailure,
    aggregate_header,
    doc_base,
    header,
    template,
)
from .base import Naming, Target
from .charset import Memo, comment_text, quoted
from .vectors import parameters

GO_VERSION = "1.22"

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
GO_PACKAGE_API = frozenset(
    {"Code", "Info", "Deprecation", "Lookup", "ByName", "Codes", "Error", "New"}
    | {"Classification", "Classify", "ClassifyText", "How", "ByCode", "ByMessage", "ByStatus"}
)
"""Exported identifiers every generated Go package defines besides the code constants and
the constructors (NewX, see :func:`go_constructor`)."""


@functools.lru_cache(maxsize=65536)
def go_identifier(name: str) -> str:
    """``INVALID_API_KEY`` -> ``InvalidAPIKey``; ``HTTP_2`` -> ``HTTP2``."""
    parts = []
    for word in words(name):
        upper = word.upper()
        parts.append(upper if upper in GO_INITIALISMS else upper[:1] + upper[1:].lower())
    return "".join(parts)


def go_constructor(identifier: str) -> str:
    """``InvalidOp`` -> ``NewInvalidOp``: the constructor of a code whose texts have
    placeholders. It may be the identifier of another name of the catalogue
    (``NEW_INVALID_OP``): :func:`render` refuses that catalogue."""
    return "New" + identifier


CONSTRUCTOR_BODY = frozenset({"newError", "_"})
"""What a constructor's parameters must not be named besides Go's keywords, its predeclared
identifiers and the code's constant: the names its body uses, and the blank identifier."""


_PARAMETER_RESERVED = GO_KEYWORDS | GO_PREDECLARED | CONSTRUCTOR_BODY


def go_params(entry: Entry) -> list[tuple[str, str]]:
    """(placeholder, Go parameter name) for each parameter of ``entry``, in the order of the
    vectors' ``placeholders``: the placeholder's own name unless the body of the constructor
    needs it (``type``, ``string``, ``_``...), then with ``_`` appended until it is free."""
    return _go_params(parameters(entry), go_identifier(entry.name))


def _go_params(names: Sequence[str], identifier: str) -> list[tuple[str, str]]:
    """:func:`go_params` of an entry's placeholders ``names`` and its ``identifier``."""
    taken = {identifier}
    result = []
    for name in names:
        go_name = name
        while go_name in _PARAMETER_RESERVED or go_name in taken:
            go_name += "_"
        taken.add(go_name)
        result.append((name, go_name))
    return result


def go_signature(entry: Entry) -> str:
    """The parameter names of a constructor, ``op, limit`` (their type follows)."""
    return ", ".join(go_name for _, go_name in go_params(entry))


def go_arguments(entry: Entry) -> str:
    """The parameters of a constructor as the elements of a map literal, by placeholder."""
    return ", ".join(f"{go_str(name)}: {go_name}" for name, go_name in go_params(entry))


def go_package(platform: str) -> str:
    """``okx_dex_ws`` -> ``okxdexws``: Go package names are short, lower case, no underscores."""
    return platform.replace("_", "")


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"  # in Go, \x is a byte: only ASCII is the same code point
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def go_str(text: str) -> str:
    """A Go interpreted string literal for ``text``."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # nothing to escape: the common case, kept fast
    return quoted(text, '"', _escape_char)


def go_comment(text: str) -> str:
    """``text`` as the body of one ``//`` doc comment line, which gofmt leaves as it is."""
    return comment_text(text, _escape_char, forbidden=("``", "''"))


def go_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return go_str(value)
    return str(value)


def go_map(texts: dict[str, str]) -> str:
    """A ``map[string]string`` literal on one line, keys in catalogue order."""
    items = ", ".join(f"{go_str(k)}: {go_str(v)}" for k, v in texts.items())
    return f"map[string]string{{{items}}}"


def go_strings(texts: Sequence[str]) -> str:
    """A ``[]string`` literal on one line."""
    return f"[]string{{{', '.join(map(go_str, texts))}}}"


def go_fields(entry: Entry) -> list[str]:
    """The keyed fields of an entry's Info literal, aligned as gofmt aligns them."""
    return _fields(entry, go_identifier(entry.name), parameters(entry), go_str)


def _fields(
    entry: Entry, identifier: str, names: Sequence[str], literal: Callable[[str], str]
) -> list[str]:
    """:func:`go_fields` of an entry whose identifier and placeholders are known, its language
    tags and category written by ``literal`` (go_str, remembered)."""
    fields: list[tuple[str, str]] = [("Code", identifier), ("Name", go_str(entry.name))]
    if entry.aliases:
        fields.append(("Aliases", go_strings(entry.aliases)))
    messages = ", ".join(f"{literal(k)}: {go_str(v)}" for k, v in entry.message.items())
    fields.append(("Messages", f"map[string]string{{{messages}}}"))
    if entry.solution:
        solutions = ", ".join(f"{literal(k)}: {go_str(v)}" for k, v in entry.solution.items())
        fields.append(("Solutions", f"map[string]string{{{solutions}}}"))
    if names:
        fields.append(("Placeholders", go_strings(names)))
    if entry.category is not None:
        fields.append(("Category", literal(entry.category)))
    if entry.http_status is not None:
        fields.append(("HTTPStatus", str(entry.http_status)))
    if entry.retryable is not None:
        fields.append(("Retryable", f"ptr({go_value(entry.retryable)})"))
    if entry.deprecated is not None:
        parts = [f"Reason: {go_str(entry.deprecated.reason)}"]
        if entry.deprecated.replaced_by is not None:
            parts.append(f"ReplacedBy: {go_str(entry.deprecated.replaced_by)}")
        fields.append(("Deprecated", f"&Deprecation{{{', '.join(parts)}}}"))
    width = max(len(key) for key, _ in fields) + 1
    return [f"{key + ':':<{width}} {value}," for key, value in fields]


def go_pointer(tokens: Sequence[str] | None) -> str:
    """A JSON Pointer's reference tokens as a ``[]string`` literal; ``nil`` for none."""
    return "nil" if tokens is None else go_strings(tokens)


def go_rules(catalog: Catalog, identifiers: Sequence[str] | None = None) -> dict[str, Any]:
    """What classifying a response takes, as the lines of Go literals: the shapes (each
    after a comment naming it), the generic codes, the patterns and the statuses.
    ``identifiers``: each entry's, when they are known already."""
    compiled = rules(catalog)
    if identifiers is None:
        identifiers = [go_identifier(entry.name) for entry in catalog.errors]
    constant = {entry.code: identifier for entry, identifier in zip(catalog.errors, identifiers)}
    shapes = []
    for shape in compiled.shapes:
        fields = [f"code: {go_pointer(shape.code)}", f"message: {go_pointer(shape.message)}"]
        if shape.code_format == "string":
            fields.append("text: true")
        shapes += [f"// {go_comment(shape.name)}", f"{{{', '.join(fields)}}},"]
    return {
        "shapes": shapes,
        "generic": ", ".join(go_value(code) for code in compiled.generic_codes),
        "patterns": [
            f"{{{constant[p.code]}, {go_strings(p.segments)},"
            f" {go_strings(p.names) if p.names else 'nil'}}},"
            for p in compiled.patterns
        ],
        "statuses": [f"{{{status}, {constant[code]}}}," for status, code in compiled.statuses],
    }


FILTERS: dict[str, Callable[..., object]] = {
    "go_str": go_str,
    "go_comment": go_comment,
    "go_value": go_value,
    "go_identifier": go_identifier,
    "go_fields": go_fields,
    "go_constructor": go_constructor,
    "go_params": go_params,
    "go_signature": go_signature,
    "go_arguments": go_arguments,
}


def constructor_clashes(catalog: Catalog, rows: dict[str, Any] | None = None) -> list[Diagnostic]:
    """A constructor that would have the identifier of a name of the catalogue: the entry
    ``INVALID_OP`` with placeholders beside the name ``NEW_INVALID_OP``. ``rows``: the
    catalogue's :func:`entry_rows`, when they are made already."""
    if rows is None:
        rows = entry_rows(catalog)
    constructors = {row[0]: entry for row, entry in zip(rows["constructors"], rows["constructed"])}
    found: list[Diagnostic] = []
    if not constructors:
        return found
    for entry, constant in zip(catalog.errors, rows["constants"]):
        identifiers = (constant[0], *constant[6])
        for key, name, identifier in zip(
            ("name", *("aliases" for _ in entry.aliases)), (entry.name, *entry.aliases), identifiers
        ):
            owner = constructors.get(identifier)
            if owner is not None:
                found.append(
                    Diagnostic(
                        "IDENTIFIER_COLLISION",
                        Severity.ERROR,
                        entry.where(key),
                        f"name {name} becomes Go identifier {identifier}, which is"
                        f" also the Go constructor of {owner.name} (its texts have"
                        " placeholders): rename one of them",
                        owner.where("name"),
                    )
                )
    return found


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    """One package per platform; go.mod only when out/go is a module of its own
    (``options.go_mod``), not when it is a directory of the consumer's module."""
    rows = [entry_rows(catalog) for catalog in catalogs]
    clashes = [d for c, r in zip(catalogs, rows) for d in constructor_clashes(c, r)]
    if clashes:
        raise RenderFailure(clashes)
    files: Files = {}
    if options.go_mod:
        files[PurePosixPath("go", "go.mod")] = template("go", "go.mod.j2", FILTERS).render(
            header=aggregate_header("//", catalogs), module=options.go_module, go_version=GO_VERSION
        )
    package = template("go", "package.go.j2", FILTERS)
    for catalog, catalog_rows in zip(catalogs, rows):
        name = go_package(catalog.platform)
        files[PurePosixPath("go", name, name + ".go")] = package.render(
            header=header("//", catalog),
            catalog=catalog,
            package=name,
            go_type="int64" if catalog.code_type == "integer" else "string",
            rules=go_rules(catalog, catalog_rows["identifiers"]),
            docs=doc_base(options, catalog.platform) or "",
            **catalog_rows,
        )
    return files


Constant = tuple[str, Code, str, str, str | None, str | None, list[str]]
"""A code's constant: its identifier, the code, its comment (the message), its value, its
deprecation's comment and replacement's identifier (None: not deprecated), and the
identifiers of its former names."""
Constructor = tuple[str, str, Code, str, str | None, str | None, str, str]
"""A code's constructor: its name, the code's identifier, the code, the comment, the
deprecation's comment and replacement (None: not deprecated), its parameters and the map
literal's elements."""


def entry_rows(catalog: Catalog) -> dict[str, Any]:
    """What package.go.j2 writes of each entry, worked out once here: ``constants``
    (:data:`Constant`), ``constructed`` (the entries with placeholders) and their
    ``constructors`` (:data:`Constructor`), ``identifiers`` (each entry's, in order) and ``infos`` (each entry's
    identifier and the lines of its Info literal)."""
    constants: list[Constant] = []
    constructors: list[Constructor] = []
    constructed: list[Entry] = []
    identifiers: list[str] = []
    infos: list[tuple[str, list[str]]] = []
    literal = Memo(go_str)  # language tags and categories repeat
    for entry in catalog.errors:
        identifier = go_identifier(entry.name)
        comment = go_comment(entry.default_message)
        deprecated = entry.deprecated
        reason = replaced = None
        if deprecated is not None:
            reason = go_comment(deprecated.reason)
            if deprecated.replaced_by is not None:
                replaced = go_identifier(deprecated.replaced_by)
        constants.append(
            (
                identifier,
                entry.code,
                comment,
                go_value(entry.code),
                reason,
                replaced,
                [go_identifier(alias) for alias in entry.aliases],
            )
        )
        names = parameters(entry)
        if names:
            constructed.append(entry)
            params = _go_params(names, identifier)
            constructors.append(
                (
                    go_constructor(identifier),
                    identifier,
                    entry.code,
                    comment,
                    reason,
                    replaced,
                    ", ".join(go_name for _, go_name in params),
                    ", ".join(f"{literal[name]}: {go_name}" for name, go_name in params),
                )
            )
        identifiers.append(identifier)
        infos.append((identifier, _fields(entry, identifier, names, literal.__getitem__)))
    return {
        "constants": constants,
        "constructed": constructed,
        "constructors": constructors,
        "identifiers": identifiers,
        "infos": infos,
    }


def vectors(catalog: Catalog, options: Options) -> dict[str, Any]:
    package = go_package(catalog.platform)
    return {"import_path": f"{options.go_module}/{package}", "package": package}


TARGET = Target(
    name="go",
    summary="a Go module, one package per platform (out/go/)",
    render=render,
    cost=3,
    naming=Naming(
        member=go_identifier,
        member_reserved=GO_PACKAGE_API | GO_KEYWORDS | GO_PREDECLARED,
        platform=go_package,
        platform_reserved=GO_KEYWORDS
        | GO_PREDECLARED
        | frozenset({"main", "internal", "testdata"}),
        aggregates=(("package", go_package),),
        platform_kind="package",
    ),
    vectors=vectors,
)
