"""Python target: an installable, stdlib-only package with a module per platform (an
IntEnum/StrEnum of its codes and an exception class), imported lazily by the package.

Output is written directly in the layout black produces (exploded literals with magic
trailing commas, black's choice of quotes), so generation never runs black: the tests
check that black leaves every generated file unchanged.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from ..classify import Rules, rules
from ..config import pep440
from ..model import Catalog
from ..naming import pascal
from ..render import Files, Options, aggregate_header, doc_base, header, template
from .base import Naming, Target
from .charset import Memo, comment_text, must_escape, preferred_quote, quoted

PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)

SUPPORT = "_support"
"""The module of the package that every platform module shares (errors, formatting)."""
BASE_ERROR = "PlatformError"
"""The exception class every platform's error class derives from, in SUPPORT and the package."""
LINE_LENGTH = 88
"""black's default line length."""


def python_module(platform: str) -> str:
    return platform


def python_class(platform: str) -> str:
    """``weex`` -> ``WeexCode``: the enum of a platform's codes."""
    return pascal(platform) + "Code"


def python_error(platform: str) -> str:
    """``weex`` -> ``WeexError``: the exception class of a platform's errors."""
    return pascal(platform) + "Error"


def _escape_char(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def py_str(text: str) -> str:
    """A Python string literal for ``text``, quoted the way black would quote it."""
    if text.isprintable() and '"' not in text and "\\" not in text:
        return f'"{text}"'  # nothing to escape, and black's double quotes: the common case
    return quoted(text, preferred_quote(text), _escape_char)


def py_comment(text: str) -> str:
    """``text`` as the body of a one-line ``#`` comment."""
    return comment_text(text, _escape_char)


def py_value(value: object) -> str:
    """A literal for a code, status or flag."""
    if isinstance(value, str):
        return py_str(value)
    return repr(value)


def docstring_safe(text: str) -> bool:
    """Whether ``text`` can sit in a docstring verbatim (black rewrites some docstrings)."""
    return not any(c in '"\\' or must_escape(c) for c in text) and text == text.strip()


FILTERS: dict[str, Callable[..., object]] = {
    "py_str": py_str,
    "py_comment": py_comment,
    "py_value": py_value,
}


def module_path(options: Options, platform: str) -> PurePosixPath:
    return PurePosixPath("python", options.python_package, python_module(platform) + ".py")


def bracketed(opening: str, items: Sequence[str], closing: str, indent: int = 0) -> str:
    """``opening`` + items + ``closing`` as black lays it out: on one line when it fits, else
    (a function's parameters) the items on one indented line, else one item a line with a
    magic trailing comma, as black always does for a list or an import."""
    pad, inner = " " * indent, " " * (indent + 4)
    line = f"{pad}{opening}{', '.join(items)}{closing}"
    if len(line) <= LINE_LENGTH:
        return line
    joined = f"{inner}{', '.join(items)}"
    if opening.startswith("def ") and len(joined) <= LINE_LENGTH:
        return f"{pad}{opening}\n{joined}\n{pad}{closing}"
    return "\n".join([f"{pad}{opening}", *(f"{inner}{item}," for item in items), pad + closing])


@dataclass(frozen=True)
class Bracketed:
    """Items between brackets, for :func:`layout`."""

    opening: str
    """What comes before the items, up to and with the opening bracket: ``name=(``."""
    items: tuple[str | Bracketed, ...]
    closing: str = ")"
    exploded: bool = False
    """One item a line, with a magic trailing comma, even when they would fit on one: the
    layout of items that hold catalogue text does not depend on the text."""
    one_tuple: bool = False
    """A tuple: on one line, one item takes a trailing comma."""

    def flat(self) -> str:
        comma = "," if self.one_tuple and len(self.items) == 1 else ""
        items = ", ".join(item if isinstance(item, str) else item.flat() for item in self.items)
        return f"{self.opening}{items}{comma}{self.closing}"

    def kept_exploded(self) -> bool:
        """Whether black keeps the items one a line: they or an item's are exploded."""
        return bool(self.items) and (
            self.exploded or any(isinstance(i, Bracketed) and i.kept_exploded() for i in self.items)
        )


def tupled(items: Sequence[str | Bracketed], key: str = "", exploded: bool = False) -> Bracketed:
    """A tuple literal of ``items`` (a keyword argument when ``key`` is given)."""
    opening = f"{key}=(" if key else "("
    return Bracketed(opening, tuple(items), exploded=exploded, one_tuple=True)


def layout(item: str | Bracketed, indent: int = 0, suffix: str = "") -> list[str]:
    """The lines of ``item`` as black lays it out: on one line when it fits and nothing in
    it is exploded, else its items one a line, each with a trailing comma.

    Only the length of lines that fit decides, so that every string whose line may be
    joined must be ASCII (see :func:`ascii_str`): black measures lines in display width."""
    pad = " " * indent
    if isinstance(item, str):
        return [f"{pad}{item}{suffix}"]
    if not item.items or not item.kept_exploded():  # the one line, made only when it may do
        line = f"{pad}{item.flat()}{suffix}"
        if len(line) <= LINE_LENGTH or not item.items:
            return [line]
    inner = [line for i in item.items for line in layout(i, indent + 4, ",")]
    return [f"{pad}{item.opening}", *inner, f"{pad}{item.closing}{suffix}"]


def ascii_str(text: str) -> str:
    """:func:`py_str` with every character beyond ASCII escaped too."""
    return "".join(c if c.isascii() else _escape_char(c) for c in py_str(text))


def ascii_value(value: object) -> str:
    return ascii_str(value) if isinstance(value, str) else repr(value)


def rules_lines(class_name: str, error_name: str, compiled: Rules) -> list[str]:
    """``_RULES: Final = _Rules(...)``: the classification rules of a catalogue (see
    codegen.classify), laid out as black does."""

    def pointer(key: str, tokens: tuple[str, ...] | None) -> str | Bracketed:
        if tokens is None:
            return f"{key}=None"
        # A list, one token a line whatever its length: black keeps a magic trailing comma
        # in a list of one (not in a tuple of one), so the layout never depends on the text.
        items = tuple(ascii_str(token) for token in tokens)
        return Bracketed(f"{key}=[", items, "]", exploded=bool(tokens))

    shapes = [
        Bracketed(
            "_Shape(",
            (
                f"name={ascii_str(shape.name)}",
                pointer("code", shape.code),
                pointer("message", shape.message),
                f"code_format={ascii_str(shape.code_format)}",
            ),
            exploded=True,
        )
        for shape in compiled.shapes
    ]
    patterns = []
    for pattern in compiled.patterns:
        parts = [pattern.segments[0]]
        for name, segment in zip(pattern.names, pattern.segments[1:]):
            parts += [name, segment]
        patterns.append(
            tupled([py_value(pattern.code), *(py_str(p) for p in parts)], exploded=True)
        )
    pairs = [tupled([str(status), ascii_value(code)]) for status, code in compiled.statuses]
    call = Bracketed(
        "_RULES: Final = _Rules(",
        (
            class_name,
            error_name,
            tupled(shapes, "shapes"),
            tupled([ascii_value(code) for code in compiled.generic_codes], "generic_codes"),
            tupled(patterns, "patterns"),
            tupled(pairs, "statuses"),
        ),
        exploded=True,
    )
    return layout(call)


def assignment(target: str, value: str) -> str:
    """``target = value`` at the top level, laid out as black does: a value too long for the
    line goes between parentheses, on a line of its own (even when it does not fit there).
    ASCII only: the width of each part is its length."""
    line = f"{target} = {value}"
    if len(line) <= LINE_LENGTH:
        return line
    return f"{target} = (\n    {value}\n)"


def import_line(module: str, names: Sequence[str]) -> str:
    """``from .module import names`` inside ``if TYPE_CHECKING:``, laid out as black does."""
    line = f"    from .{module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    return bracketed(f"from .{module} import (", names, ")", indent=4)


Member = tuple[str, str, str, tuple[str, ...], str | None, str | None]
"""A member of the enum, for the module template: its comment (the message), name, value,
former names, and its deprecation's comment and replacement (None: not deprecated)."""
InfoRow = tuple[
    str,
    list[tuple[str, str]],
    list[tuple[str, str]],
    str | None,
    int | None,
    bool | None,
    str | None,
    str | None,
]
"""An entry of ``_INFO``, for the module template, every text a literal: the code, the
(language, message) and (language, solution) pairs, the category, the HTTP status,
retryable, and the deprecation's reason and replacement (None: not given)."""


def entry_rows(catalog: Catalog) -> tuple[list[Member], list[InfoRow]]:
    """What the module template writes of each entry, escaped once here: the loops over
    ten thousands of entries then only lay text out."""
    members: list[Member] = []
    info: list[InfoRow] = []
    literal = Memo(py_str)  # language tags and categories repeat
    for entry in catalog.errors:
        value = py_value(entry.code)
        deprecated = entry.deprecated
        members.append(
            (
                py_comment(entry.default_message),
                entry.name,
                value,
                entry.aliases,
                None if deprecated is None else py_comment(deprecated.reason),
                None if deprecated is None else deprecated.replaced_by,
            )
        )
        category = entry.category
        info.append(
            (
                value,
                [(literal[language], py_str(text)) for language, text in entry.message.items()],
                [(literal[language], py_str(text)) for language, text in entry.solution.items()],
                None if category is None else literal[category],
                entry.http_status,
                entry.retryable,
                None if deprecated is None else py_str(deprecated.reason),
                (
                    None
                    if deprecated is None or deprecated.replaced_by is None
                    else py_str(deprecated.replaced_by)
                ),
            )
        )
    return members, info


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    files: Files = {}
    package = PurePosixPath("python", options.python_package)
    module = template("python", "module.py.j2", FILTERS)
    for catalog in catalogs:
        class_name, error_name = python_class(catalog.platform), python_error(catalog.platform)
        names = [
            py_str(name)
            for name in (class_name, error_name, "Classification", "Deprecation")
            + ("classify", "classify_text")
        ]
        compiled = rules(catalog)
        returns = f") -> Classification[{class_name}, {error_name}] | None:"
        members, info = entry_rows(catalog)
        files[module_path(options, catalog.platform)] = module.render(
            header=header("#", catalog),
            catalog=catalog,
            members=members,
            info=info,
            class_name=class_name,
            error_name=error_name,
            all_line=bracketed("__all__ = [", names, "]"),
            init_line=bracketed(
                "def __init__(",
                ["self", f"code: {class_name}", "/", "**params: str | int"],
                ") -> None:",
                indent=4,
            ),
            classify_line=bracketed(
                "def classify(", ["status: int | None", "body: object"], returns
            ),
            classify_text_line=bracketed(
                "def classify_text(", ["status: int | None", "text: str"], returns
            ),
            rules_lines=rules_lines(class_name, error_name, compiled),
            docs_line=assignment(
                "_DOCS: Final[str | None]", ascii_value(doc_base(options, catalog.platform))
            ),
            shapes=bool(compiled.shapes),
            base="IntEnum" if catalog.code_type == "integer" else "StrEnum",
            code_type="int" if catalog.code_type == "integer" else "str",
            title_doc=catalog.title if docstring_safe(catalog.title) else catalog.platform,
        )
    aggregate = aggregate_header("#", catalogs)
    exports = [
        (python_module(c.platform), [python_class(c.platform), python_error(c.platform)])
        for c in catalogs
    ]
    files[package / "__init__.py"] = template("python", "__init__.py.j2", FILTERS).render(
        header=aggregate,
        modules=[(python_module(c.platform), python_class(c.platform)) for c in catalogs],
        exports=exports,
        imports=[import_line(name, classes) for name, classes in exports],
    )
    files[package / f"{SUPPORT}.py"] = template("python", f"{SUPPORT}.py.j2", FILTERS).render(
        header=aggregate
    )
    files[package / "py.typed"] = aggregate + "\n"
    files[PurePosixPath("python", "pyproject.toml")] = template(
        "python", "pyproject.toml.j2", FILTERS
    ).render(
        header=aggregate,
        name=options.python_package,
        version=pep440(options.version),
    )
    return files


def vectors(catalog: Catalog, options: Options) -> dict[str, Any]:
    return {
        "module": f"{options.python_package}.{python_module(catalog.platform)}",
        "class": python_class(catalog.platform),
        "error": python_error(catalog.platform),
    }


TARGET = Target(
    name="python",
    summary="a Python package, an IntEnum or StrEnum module per platform (out/python/)",
    render=render,
    naming=Naming(
        member=lambda name: name,
        member_reserved=PYTHON_RESERVED,
        platform=python_module,
        # SUPPORT is the package's own module.
        platform_reserved=PYTHON_RESERVED | frozenset({"__init__", "__main__", SUPPORT}),
        aggregates=(
            ("module", python_module),
            ("enum class", python_class),
            ("exception class", python_error),
        ),
        aggregate_reserved=frozenset({BASE_ERROR}),
    ),
    vectors=vectors,
)
