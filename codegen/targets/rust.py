"""Rust target: one crate (out/rust/Cargo.toml) with a module per platform, so that a
consumer adds one dependency, as with the Python package and the Go module. Each module
holds a ``#[non_exhaustive]`` enum ``Code`` with its methods, ``TryFrom<i64>`` (integer
codes), ``FromStr``, ``Display`` and ``std::error::Error``, its ``Error`` (an alias of the
crate's generic ``Error<Code>``) and a typed constructor of it for each code with
placeholders. What the modules share (the error, formatting, the tables' types) is one
module, ``src/support.rs``, whose public items lib.rs re-exports; std only, no dependencies.

Output is laid out the way rustfmt prints it, so generation needs no Rust toolchain; the
tests run ``rustfmt --check``, ``cargo clippy -- -D warnings`` and ``cargo test``. rustfmt
measures text in display columns, which depend on Unicode tables of its own, so no
catalogue text sits where its width could change the layout: each text is the value of a
one-letter field of a struct literal that is always laid out vertically (rustfmt moves a
value too wide for its line to the next line only when that gains columns, and after a
one-letter field it gains none), or a ``#[deprecated = ...]`` attribute, which rustfmt never
breaks. Everything whose width does decide a layout (names, identifiers, codes, language
tags, categories) is ASCII, and laid out here exactly as rustfmt would.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..classify import Pattern, Rules, Shape, rules
from ..model import PLACEHOLDER, Catalog, Code, Entry
from ..naming import pascal
from ..render import Files, Options, aggregate_header, doc_base, header, template
from .base import Naming, Target
from .charset import Memo, comment_text, quoted

EDITION = "2021"
MAX_WIDTH = 100
"""rustfmt's max_width."""
INDENT = 4

RUST_KEYWORDS = frozenset(
    """as break const continue crate else enum extern false fn for if impl in let loop match
    mod move mut pub ref return self Self static struct super trait true type unsafe use where
    while async await dyn abstract become box do final macro override priv typeof unsized
    virtual yield try gen macro_rules union raw safe""".split()
)
"""Strict keywords, keywords reserved for the future (``gen`` since edition 2024) and weak
ones (``union``, ``macro_rules``, ``raw``, ``safe``), which are best not used as names."""

RUST_MODULE_API = frozenset({"Code", "Deprecation", "UnknownCode", "ALL"})
"""Names every generated module defines besides the codes. Variants and alias constants live
in ``Code``'s namespace beside ``Code::ALL`` (``A_L_L`` would be ``Code::ALL``)."""

RUST_SUPPORT = "support"
"""The crate's module of what every platform module shares (``src/support.rs``)."""

RUST_PLATFORM_RESERVED = frozenset(
    {"std", "core", "alloc", "proc_macro", "test", "crate", "self", "super", "lib", "main"}
    | {RUST_SUPPORT}
)
"""Module names that clash with the crates every crate sees (``std``, ``core``...), with path
keywords that cannot be module names, with the files cargo gives a meaning (``src/lib.rs``
is the crate root, ``src/main.rs`` would make a binary), or with the crate's own support
module."""

RUST_ERROR_API = frozenset(
    """new typed plain filled code params message message_in solution solution_in category
    http_status retryable clone clone_from eq ne fmt to_string source description cause
    provide type_id from into try_from try_into borrow borrow_mut to_owned clone_into hash
    hash_slice default deref deref_mut drop from_iter from_str into_iter next add sub mul div
    rem neg not shl shr bitand bitor bitxor index index_mut as_ref as_mut cmp partial_cmp
    doc_url""".split()
)
"""Names the typed constructors of ``Error`` must not take: its own associated functions
and methods, and the methods of the traits it implements or that clippy expects a method of
that name to implement (``should_implement_trait``)."""
_CONSTRUCTOR_RESERVED = RUST_KEYWORDS | RUST_ERROR_API


def rust_identifier(name: str) -> str:
    """``INVALID_API_KEY`` -> ``InvalidApiKey``: UpperCamelCase as Rust's API guidelines
    write it, an initialism being one word (``Uuid``, ``HttpStatus``); ``HTTP_2`` -> ``Http2``."""
    if name.isascii():  # what pascal does, in C: names are ASCII
        return "".join(map(str.capitalize, name.split("_")))
    return pascal(name)


def rust_constructor(name: str) -> str:
    """``INVALID_OP`` -> ``invalid_op``: the typed constructor of a code's ``Error``; a name
    that Rust or ``Error``'s API already takes gets a ``_`` at the end (``new_``), which no
    other code's constructor can have (catalogue names end in a letter or digit)."""
    snake = name.lower()
    return snake + "_" if snake in _CONSTRUCTOR_RESERVED else snake


_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def rust_params(names: Sequence[str]) -> list[str]:
    """The parameters of a typed constructor, one for each placeholder name in turn:
    snake_case, as rustc's ``non_snake_case`` lint wants (``orderId`` -> ``order_id``), a
    keyword with a ``_`` at the end (``type_``), a name that is nothing but ``_`` as
    ``value``, and each distinct (``limit_2``)."""
    return list(_params(tuple(names)))


@functools.lru_cache(maxsize=4096)
def _params(names: tuple[str, ...]) -> tuple[str, ...]:
    """:func:`rust_params`, remembered: most codes of a catalogue take the same few."""
    identifiers: list[str] = []
    for name in names:
        words = [w for w in _CAMEL.sub("_", name).lower().split("_") if w]
        base = "_".join(words) or "value"
        if base[0].isdigit():
            base = "value_" + base
        elif base in RUST_KEYWORDS:
            base += "_"
        identifier, n = base, 1
        while identifier in identifiers:
            n += 1
            identifier = f"{base.rstrip('_')}_{n}"
        identifiers.append(identifier)
    return tuple(identifiers)


def rust_module(platform: str) -> str:
    """``okx_dex_ws`` stays ``okx_dex_ws``: platforms are already snake_case module names."""
    return platform


def rust_mod(module: str) -> str:
    """``pub mod module;`` in lib.rs; rustc's non_snake_case lint wants no ``__`` in a
    name, which a platform (``a__b``) may have, so such a module says that it is meant."""
    if "__" in module.strip("_"):
        return f"#[allow(non_snake_case)] // the platform's name\npub mod {module};"
    return f"pub mod {module};"


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x80:
        return f"\\x{code:02x}"  # \x is ASCII only in Rust strings
    return f"\\u{{{code:x}}}"


def rust_str(text: str) -> str:
    """A Rust string literal for ``text``: invisible characters as ``\\u{...}`` escapes."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # nothing to escape: the common case, kept fast
    return quoted(text, '"', _escape_char)


def rust_ascii(text: str) -> str:
    """:func:`rust_str` with every character beyond ASCII escaped too, for a string whose
    width decides a layout."""
    return "".join(c if c.isascii() else _escape_char(c) for c in rust_str(text))


_MARKUP = re.compile(
    r"""[\\`*\[\]<>&~"']"""  # anywhere in a line
    r"|_(?![^\W_])|(?<![^\W_])_"  # _ unless between letters or digits (snake_case)
    r"|-(?=-)|(?<=-)-"  # runs of two or more -
    r"|\.(?=\.\.)|(?<=\.)\.(?=\.)|(?<=\.\.)\."  # runs of three or more .
    r"|:(?=//)"
)
"""ASCII characters that rustdoc's Markdown may read as markup anywhere in a line: escapes,
code spans, emphasis, strikethrough, links, footnotes and images, HTML and autolinks,
entities; the quotes, dashes (``--``) and ellipses (``...``) that smart punctuation turns
into others; and the ``:`` of ``://``, so that rustdoc does not warn of a bare URL. A ``_``
between two letters or digits can neither open nor close emphasis, so ``ACCESS_KEY`` stays
as it is. Every
doc line starts with the generator's text, so what Markdown reads only at the start of a
line (headings, lists, code blocks, tables) cannot happen."""


_MARKUP_ANYWHERE = frozenset("\\`*[]<>&~\"'")
"""The characters _MARKUP escapes wherever they are; the others ("_", "-", ".", ":") only
in certain places, which a text without them cannot have."""


def rust_doc(text: str) -> str:
    """``text`` as the rest of one doc comment line, read by rustdoc as Markdown: markup
    escaped, so it shows as written, and invisible characters as ``\\u{...}`` escapes."""
    if not (
        _MARKUP_ANYWHERE.isdisjoint(text)
        and "_" not in text
        and "--" not in text
        and "..." not in text
        and "://" not in text
    ):
        text = _MARKUP.sub(r"\\\g<0>", text)
    return comment_text(text, _escape_char)


def rust_comment(text: str) -> str:
    """``text`` as the rest of a plain ``//`` comment line: what rustdoc shows of
    ``rust_doc(text)``."""
    return comment_text(text, _escape_char)


def rust_doc_code(code: Code) -> str:
    """A code in a doc comment: a string code in a code span (its ``_`` are not emphasis)."""
    return f"`{code}`" if isinstance(code, str) else str(code)


# --- Layout: what rustfmt does with lines too long for max_width ---------------------------


def _assigned(
    lhs: str, separator: str, rhs: str, end: str, indent: int, counted: bool, inner: int = 0
) -> str:
    """``lhs<separator> rhs<end>`` on a line ``indent`` columns in, where rustfmt moves
    ``rhs`` to the next line, ``inner`` columns in (by default one indent further in), when
    the line is too long and ``rhs`` fits there (``end`` counted as part of it when
    ``counted``); when it fits nowhere rustfmt leaves the whole item as it is. ASCII only:
    the width of each part is its length."""
    line = f"{lhs}{separator} {rhs}{end}"
    inner = inner or indent + INDENT
    if indent + len(line) <= MAX_WIDTH or inner + len(rhs) + len(end) * counted > MAX_WIDTH:
        return line
    return f"{lhs}{separator}\n{' ' * inner}{rhs}{end}"


def rust_field(name: str, indent: int, value: str) -> str:
    """``name: value,`` in a vertical struct literal ``indent`` columns in."""
    return _assigned(name, ":", value, ",", indent, counted=False)


def rust_some_field(name: str, indent: int, value: str) -> str:
    """``name: Some(value),`` in a vertical struct literal ``indent`` columns in: when the line
    is too long, rustfmt breaks the call, ``value`` on a line of its own, if it fits there."""
    line = f"{name}: Some({value}),"
    inner = indent + INDENT
    if indent + len(line) <= MAX_WIDTH or inner + len(value) + 1 > MAX_WIDTH:
        return line
    return f"{name}: Some(\n{' ' * inner}{value},\n{' ' * indent}),"


def rust_variant(identifier: str, indent: int, code: Code) -> str:
    """``Identifier = code,`` in an enum ``indent`` columns in."""
    return _assigned(identifier, " =", str(code), ",", indent, counted=True)


def rust_const(identifier: str, indent: int, value: str) -> str:
    """``pub const identifier: Self = value;`` ``indent`` columns in; rustfmt moves the type
    to a line of its own, one indent further in, when even ``pub const identifier: Self =``
    is too long, and the value, if it must move too, under the type."""
    declaration = f"pub const {identifier}:"
    if indent + len(declaration) + len(" Self =") <= MAX_WIDTH:
        return _assigned(f"{declaration} Self", " =", value, ";", indent, counted=True)
    inner = indent + INDENT
    return f"{declaration}\n{' ' * inner}" + _assigned(
        "Self", " =", value, ";", inner, counted=True, inner=inner
    )


def rust_arm(pattern: str, indent: int, body: object) -> str:
    """``pattern => body,`` as a match arm ``indent`` columns in: a body too wide for the
    line goes into a block on the next lines, if it fits there. ASCII only."""
    line = f"{pattern} => {body},"
    if indent + len(line) <= MAX_WIDTH:
        return line
    inner = " " * (indent + INDENT)
    if indent + len(pattern) + 5 > MAX_WIDTH or len(inner) + len(str(body)) > MAX_WIDTH:
        return line  # fits nowhere: rustfmt leaves the match as it is
    return f"{pattern} => {{\n{inner}{body}\n{' ' * indent}}}"


def rust_info_arm(pattern: str, indent: int) -> dict[str, Any]:
    """The lines around a match arm ``pattern => &Info {...},`` ``indent`` columns in, and
    the indent of the fields between: when ``pattern => &Info {`` is too long, rustfmt puts
    the literal in a block on the next lines."""
    pad, inner = " " * indent, " " * (indent + INDENT)
    # One column is kept for the comma that a body on the same line may need.
    if indent + len(f"{pattern} => &Info {{") + 1 <= MAX_WIDTH:
        return {"open": f"{pattern} => &Info {{", "indent": indent + INDENT, "close": f"{pad}}},"}
    return {
        "open": f"{pattern} => {{\n{inner}&Info {{",
        "indent": indent + 2 * INDENT,
        "close": f"{inner}}}\n{pad}}}",
    }


ARRAY_WIDTH = 60
"""rustfmt's array_width: an array whose items take more columns goes on several lines."""
FN_CALL_WIDTH = 60
"""rustfmt's fn_call_width: a call whose arguments take more columns has one a line."""


def rust_all(items: Sequence[str]) -> str:
    """``pub const ALL: &'static [Self] = &[items];`` four columns in, laid out as rustfmt
    lays it out: on one line when the items take at most 59 columns (after ``= &[``), on
    the next line when they take 60 (array_width), else one item a line (paths of two
    segments, ``Self::X``, are never "simple" items that rustfmt puts several to a line)."""
    declaration = "pub const ALL: &'static [Self] ="
    one_line = ", ".join(items)
    inner = " " * (2 * INDENT)
    # rustfmt holds one item to no array_width.
    narrow = len(one_line) <= ARRAY_WIDTH or len(items) == 1
    if INDENT + len(f"{declaration} &[{one_line}];") <= MAX_WIDTH and narrow:
        return f"{declaration} &[{one_line}];"
    # On the next line one column stays free (rustfmt's budget for the item, seen at work).
    if narrow and len(inner) + len(f"&[{one_line}];") < MAX_WIDTH:
        return f"{declaration}\n{inner}&[{one_line}];"
    return f"{declaration} &[\n" + "".join(f"{inner}{item},\n" for item in items) + "    ];"


def rust_texts(texts: Mapping[str, str], field: str, indent: int) -> str:
    """The field ``field`` of an Info literal: ``&[Text {...}, ...]``, the texts in catalogue
    order. rustfmt lays out one ``Text`` inside the brackets (``&[Text {``), more than one
    each on lines of their own; either way every text ends up on a line of its own."""
    pad = " " * indent
    if len(texts) == 1:
        ((language, text),) = texts.items()
        inner = indent + INDENT
        return (
            f"{pad}{field}: &[Text {{\n"
            f"{_language_line(inner, language)}\n"
            f"{' ' * inner}t: {rust_str(text)},\n"
            f"{pad}}}],"
        )
    inner = indent + 2 * INDENT
    lines = [f"{pad}{field}: &["]
    for language, text in texts.items():
        lines += [
            f"{pad}    Text {{",
            _language_line(inner, language),
            f"{' ' * inner}t: {rust_str(text)},",
            f"{pad}    }},",
        ]
    lines.append(f"{pad}],")
    return "\n".join(lines)


@functools.lru_cache(maxsize=1024)
def _language_line(indent: int, language: str) -> str:
    """``language: "en",`` in a Text literal ``indent`` columns in: tags repeat."""
    return " " * indent + rust_field("language", indent, rust_str(language))


def rust_signature(constructor: str, params: Sequence[str]) -> str:
    """``pub fn constructor(param: impl fmt::Display, ...) -> Self {`` four columns in: the
    parameters each on a line of their own when the line is too long."""
    arguments = [f"{param}: impl fmt::Display" for param in params]
    line = f"    pub fn {constructor}({', '.join(arguments)}) -> Self {{"
    if len(line) <= MAX_WIDTH:
        return line
    lines = "".join(f"        {argument},\n" for argument in arguments)
    return f"    pub fn {constructor}(\n{lines}    ) -> Self {{"


def rust_typed_call(identifier: str, params: Sequence[str]) -> str:
    """``Self::typed(Code::Identifier, [param.to_string(), ...])`` eight columns in, laid out
    as rustfmt lays out a call of two arguments (on one line when they take at most 60
    columns, fn_call_width, else one a line) and the array (one line, or one item a line:
    no item is short enough for rustfmt to put several on a line)."""
    code = f"Code::{identifier}"
    items = [f"{param}.to_string()" for param in params]
    array = f"[{', '.join(items)}]"
    line = f"        Self::typed({code}, {array})"
    if len(line) <= MAX_WIDTH and len(f"{code}, {array}") <= FN_CALL_WIDTH:
        return line
    pad = " " * (3 * INDENT)
    # A lone item is held to two columns less than the line has (rustfmt's budget, seen at
    # work); more items than one are held to array_width long before.
    if 3 * INDENT + len(array) + 3 > MAX_WIDTH or (len(items) > 1 and len(array) - 2 > ARRAY_WIDTH):
        # An item too long for its line: rustfmt breaks the call chain before `.to_string()`.
        items = [
            (
                item
                if 4 * INDENT + len(item) + 1 <= MAX_WIDTH
                else f"{param}\n{pad}        .to_string()"
            )
            for param, item in zip(params, items)
        ]
        array = "[\n" + "".join(f"{pad}    {item},\n" for item in items) + f"{pad}]"
    return f"        Self::typed(\n{pad}{code},\n{pad}{array},\n        )"


def rust_list_field(name: str, indent: int, items: Sequence[str]) -> str:
    """``name: &[items],`` in a vertical struct literal ``indent`` columns in: on one line
    when it fits and the items take at most 60 columns (array_width; one item alone is held
    to none), else one item a line (paths such as ``Code::X`` are never "simple" items that
    rustfmt puts several to a line), unless an item fits on no line of its own: then rustfmt
    leaves the line as it is. ASCII only."""
    line = f"{name}: &[{', '.join(items)}],"
    inner = " " * (indent + INDENT)
    narrow = len(line) - len(name) - 5 <= ARRAY_WIDTH or len(items) == 1
    if indent + len(line) <= MAX_WIDTH and narrow:
        return line
    if any(len(inner) + len(item) + 1 > MAX_WIDTH for item in items):
        return line
    return f"{name}: &[\n" + "".join(f"{inner}{item},\n" for item in items) + f"{' ' * indent}],"


def rust_structs(name: str, indent: int, structs: Sequence[Callable[[int], list[str]]]) -> str:
    """``name: &[Struct {...}, ...],`` in a vertical struct literal ``indent`` columns in,
    each ``Struct {...}`` one that rustfmt always lays out vertically (its fields take more
    than struct_lit_width, 18 columns, in ASCII alone): one of them inside the brackets
    (``&[Struct {``), more each on lines of their own; each callable gives the lines of one,
    its first ``Struct {`` and its last ``}``, for the indent of its fields."""
    pad = " " * indent
    if not structs:
        return f"{pad}{name}: &[],"
    if len(structs) == 1:
        first, *fields, last = structs[0](indent + INDENT)
        return "\n".join([f"{pad}{name}: &[{first}", *fields, f"{pad}{last}],"])
    lines = [f"{pad}{name}: &["]
    for struct in structs:
        first, *fields, last = struct(indent + 2 * INDENT)
        lines += [f"{pad}    {first}", *fields, f"{pad}    {last},"]
    lines.append(f"{pad}],")
    return "\n".join(lines)


def rust_pointer(tokens: Sequence[str] | None) -> str | None:
    """A JSON Pointer (RFC 6901) as a Rust string literal, ASCII only (every other character
    as a ``\\u{...}`` escape, so that its width is its length): ``("a/b", "0")`` ->
    ``"/a~1b/0"``."""
    if tokens is None:
        return None
    pointer = "".join("/" + t.replace("~", "~0").replace("/", "~1") for t in tokens)
    return "".join(c if c.isascii() else _escape_char(c) for c in rust_str(pointer))


def rust_rules(catalog: Catalog, compiled: Rules, identified: Sequence[str] | None = None) -> str:
    """The module's ``static RULES: Rules<Code> = Rules {...};``, laid out as rustfmt lays
    it out: every catalogue text (a pattern's literals) is the value of a one-letter field
    ``t`` of a struct literal that is always vertical. ``identified``: each entry's
    identifier, when known already."""
    if identified is None:
        identified = [rust_identifier(entry.name) for entry in catalog.errors]
    identifiers = {
        entry.code: f"Code::{identifier}" for entry, identifier in zip(catalog.errors, identified)
    }

    def field(name: str, indent: int, value: str) -> str:
        return " " * indent + rust_field(name, indent, value)

    def shape(s: Shape) -> Callable[[int], list[str]]:
        def lines(indent: int) -> list[str]:
            pointers = []
            for name, tokens in (("code", s.code), ("message", s.message)):
                pointer = rust_pointer(tokens)
                some = (
                    f"{name}: None," if pointer is None else rust_some_field(name, indent, pointer)
                )
                pointers.append(" " * indent + some)
            return [
                "Shape {",
                field("name", indent, rust_str(s.name)),
                *pointers,
                f"{' ' * indent}number: {'true' if s.code_format == 'number' else 'false'},",
                "}",
            ]

        return lines

    def wildcard(placeholder: str, literal: str) -> Callable[[int], list[str]]:
        def lines(indent: int) -> list[str]:
            pad = " " * indent
            return [
                "Wildcard {",
                field("placeholder", indent, rust_str(placeholder)),
                f"{pad}t: {rust_str(literal)},",
                "}",
            ]

        return lines

    def pattern(p: Pattern) -> Callable[[int], list[str]]:
        def lines(indent: int) -> list[str]:
            pad = " " * indent
            wildcards = [wildcard(*pair) for pair in zip(p.names, p.segments[1:])]
            return [
                "Pattern {",
                field("code", indent, identifiers[p.code]),
                f"{pad}literal_length: {p.literal_length},",
                f"{pad}t: {rust_str(p.segments[0])},",
                rust_structs("wildcards", indent, wildcards),
                "}",
            ]

        return lines

    def status(listed: int, code: Code) -> Callable[[int], list[str]]:
        def lines(indent: int) -> list[str]:
            return [
                "Status {",
                f"{' ' * indent}status: {listed},",
                field("code", indent, identifiers[code]),
                "}",
            ]

        return lines

    generic = [identifiers[code] for code in compiled.generic_codes if code in identifiers]
    return "\n".join(
        [
            "static RULES: Rules<Code> = Rules {",
            f"    integer: {'true' if catalog.code_type == 'integer' else 'false'},",
            rust_structs("shapes", INDENT, [shape(s) for s in compiled.shapes]),
            "    " + rust_list_field("generic_codes", INDENT, generic),
            rust_structs("patterns", INDENT, [pattern(p) for p in compiled.patterns]),
            rust_structs("statuses", INDENT, [status(*pair) for pair in compiled.statuses]),
            "};",
        ]
    )


def rust_imports(compiled: Rules) -> str:
    """What a module takes from the support module: each type its RULES use, no other."""
    names = ["self", "Info", "Key", "Rules", "Sealed", "Text"]
    names += ["Shape"] * bool(compiled.shapes) + ["Pattern"] * bool(compiled.patterns)
    names += ["Status"] * bool(compiled.statuses)
    names += ["Wildcard"] * any(p.names for p in compiled.patterns)
    return ", ".join(["self", *sorted(names[1:])])


FILTERS: dict[str, Callable[..., object]] = {
    "rust_mod": rust_mod,
    "rust_texts": rust_texts,
    "rust_str": rust_str,
    "rust_doc": rust_doc,
    "rust_doc_code": rust_doc_code,
    "rust_identifier": rust_identifier,
    "rust_field": rust_field,
    "rust_arm": rust_arm,
    "rust_const": rust_const,
    "rust_variant": rust_variant,
    "rust_some_field": rust_some_field,
    "rust_info_arm": rust_info_arm,
}


def _deprecation_note(entry: Entry) -> str | None:
    """The note of an entry's ``#[deprecated]``: the compiler prints it as it is."""
    if entry.deprecated is None:
        return None
    note = entry.deprecated.reason
    if entry.deprecated.replaced_by is not None:
        note += f" Use {rust_identifier(entry.deprecated.replaced_by)} instead."
    return note


def placeholders(entry: Entry) -> list[str]:
    """The placeholders of every text of ``entry``, messages then solutions, each once, in
    the order in which they first appear: the order of its typed constructor's parameters,
    the order in which the crate's ``placeholders()`` finds them at run time."""
    # No placeholder spans a line break: the texts are searched as one.
    texts = "\n".join((*entry.message.values(), *entry.solution.values()))
    return list(dict.fromkeys(PLACEHOLDER.findall(texts))) if "{" in texts else []


Variant = tuple[str, str, str, str | None, str, str | None]
"""A variant of ``Code``: the entry's name, its code for a doc comment, its message for one,
its ``#[deprecated]`` note as a literal (None: not deprecated), its identifier and, for
integer codes, its ``Identifier = code,`` line."""
InfoArm = tuple[
    str,
    str,
    str,
    str | None,
    str,
    str,
    str | None,
    str | None,
    int | None,
    str | None,
    str | None,
    str | None,
    str | None,
]
"""The arm of ``info()`` for a code, each field laid out: the lines that open and close
the arm, the indent of its fields, then its fields: code (string codes), name, messages,
solutions, category, HTTP status, retryable, the deprecation's reason (a literal) and
``replaced_by`` field, and the constructor (None: the field is absent, and for the
deprecation's ``replaced_by`` that it is None)."""
Typed = tuple[str, str, str, str | None, str, str]
"""A typed constructor: the entry's name, code and message for its doc comment, its
``#[deprecated]`` note as a literal (None: not deprecated), its signature and body."""


def entry_rows(catalog: Catalog) -> dict[str, Any]:
    """What module.rs.j2 writes of each entry, worked out once here: ``variants``
    (:data:`Variant`), ``former`` (alias, its identifier, the entry's name and identifier),
    ``infos`` (:data:`InfoArm`), ``arms`` (the arms of ``try_from`` or ``from_str``), and
    ``typed`` (:data:`Typed`, for the codes with placeholders); and the context the template
    had before them: ``notes``, ``constructors``, ``constructor_calls``, ``identifiers``."""
    integer = catalog.code_type == "integer"
    variants: list[Variant] = []
    former: list[tuple[str, str, str, str]] = []
    infos: list[InfoArm] = []
    arms: list[str] = []
    typed: list[Typed] = []
    notes: dict[str, str | None] = {}
    constructors: list[dict[str, Any]] = []
    calls: dict[str, str | None] = {}
    identifiers: list[str] = []
    category_literal = Memo(rust_str)
    for entry in catalog.errors:
        name, code = entry.name, entry.code
        identifier = rust_identifier(name)
        identifiers.append(identifier)
        path = "Self::" + identifier
        note = _deprecation_note(entry)
        notes[name] = note
        note_literal = None if note is None else rust_str(note)
        doc_code, message = rust_doc_code(code), rust_doc(entry.default_message)
        variants.append(
            (
                name,
                doc_code,
                message,
                note_literal,
                identifier,
                rust_variant(identifier, INDENT, code) if integer else None,
            )
        )
        for alias in entry.aliases:
            former.append((alias, rust_identifier(alias), name, identifier))
        arms.append(rust_arm(rust_str(code) if isinstance(code, str) else str(code), 12, path))
        names = placeholders(entry)
        call = None
        if names:
            params = rust_params(names)
            signature = rust_signature(rust_constructor(name), params)
            body = rust_typed_call(identifier, params)
            constructors.append({"entry": entry, "signature": signature, "body": body})
            typed.append((name, doc_code, message, note_literal, signature, body))
            call = f"{rust_constructor(name)}({', '.join(params)})"
        calls[name] = call
        arm = rust_info_arm(path, 12)
        indent = arm["indent"]
        deprecated, category, retryable = entry.deprecated, entry.category, entry.retryable
        infos.append(
            (
                arm["open"],
                " " * indent,
                arm["close"],
                None if integer else rust_field("code", indent, rust_str(str(code))),
                rust_field("name", indent, rust_str(name)),
                rust_texts(entry.message, "messages", indent),
                rust_texts(entry.solution, "solutions", indent) if entry.solution else None,
                (
                    None
                    if category is None
                    else rust_some_field("category", indent, category_literal[category])
                ),
                entry.http_status,
                None if retryable is None else ("true" if retryable else "false"),
                None if deprecated is None else rust_str(deprecated.reason),
                (
                    None
                    if deprecated is None or deprecated.replaced_by is None
                    else rust_some_field(
                        "replaced_by",
                        indent + INDENT,
                        "Self::" + rust_identifier(deprecated.replaced_by),
                    )
                ),
                (None if call is None else rust_some_field("constructor", indent, rust_str(call))),
            )
        )
    return {
        "variants": variants,
        "former": former,
        "infos": infos,
        "arms": arms,
        "typed": typed,
        "notes": notes,
        "constructors": constructors,
        "constructor_calls": calls,
        "identifiers": identifiers,
    }


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    module = template("rust", "module.rs.j2", FILTERS)
    strings = any(catalog.code_type != "integer" for catalog in catalogs)
    rows = [entry_rows(catalog) for catalog in catalogs]
    files: Files = {
        PurePosixPath("rust", "Cargo.toml"): template("rust", "Cargo.toml.j2", FILTERS).render(
            header=aggregate_header("#", catalogs),
            package=options.rust_crate,
            version=options.version,
            edition=EDITION,
            platforms=", ".join(c.platform for c in catalogs),
        ),
        PurePosixPath("rust", "src", "lib.rs"): template("rust", "lib.rs.j2", FILTERS).render(
            header=aggregate_header("//", catalogs),
            support=RUST_SUPPORT,
            modules=[rust_module(c.platform) for c in catalogs],
        ),
        PurePosixPath("rust", "src", RUST_SUPPORT + ".rs"): template(
            "rust", "support.rs.j2", FILTERS
        ).render(
            header=aggregate_header("//", catalogs),
            strings=strings,
            typed=any(catalog_rows["typed"] for catalog_rows in rows),
        ),
    }
    for catalog, catalog_rows in zip(catalogs, rows):
        compiled = rules(catalog)
        identifiers = catalog_rows.pop("identifiers")
        files[PurePosixPath("rust", "src", rust_module(catalog.platform) + ".rs")] = module.render(
            header=header("//", catalog),
            catalog=catalog,
            integer=catalog.code_type == "integer",
            strings=strings,
            imports=rust_imports(compiled),
            rules=rust_rules(catalog, compiled, identifiers),
            aliases=any(entry.aliases for entry in catalog.errors),
            all_codes=rust_all([f"Self::{identifier}" for identifier in identifiers]),
            docs=_assigned(
                "const DOCS: &'static str",
                " =",
                rust_ascii(doc_base(options, catalog.platform) or ""),
                ";",
                INDENT,
                counted=True,
            ),
            **catalog_rows,
        )
    return files


def vectors(catalog: Catalog, options: Options) -> dict[str, Any]:
    """The crate a consumer's Cargo.toml names (its library has the same name), and the
    module's path in Rust code."""
    return {
        "crate": options.rust_crate,
        "module": f"{options.rust_crate}::{rust_module(catalog.platform)}",
    }


TARGET = Target(
    name="rust",
    summary="a Rust crate, one module per platform (out/rust/)",
    render=render,
    cost=3,
    naming=Naming(
        member=rust_identifier,
        member_reserved=RUST_KEYWORDS | RUST_MODULE_API,
        platform=rust_module,
        platform_reserved=RUST_KEYWORDS | RUST_PLATFORM_RESERVED,
        aggregates=(("module", rust_module),),
    ),
    vectors=vectors,
)
