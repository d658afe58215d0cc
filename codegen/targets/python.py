"""Python target: an installable, stdlib-only package with a module per platform (an
IntEnum/StrEnum of its codes and an exception class), imported lazily by the package.

Output is written directly in the layout black produces (exploded literals with magic
trailing commas, black's choice of quotes), so generation never runs black: the tests
check that black leaves every generated file unchanged.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..config import pep440
from ..model import Catalog
from ..naming import pascal
from ..render import Files, Options, aggregate_header, header, template
from .base import Naming, Target
from .charset import comment_text, must_escape, preferred_quote, quoted

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


def import_line(module: str, names: Sequence[str]) -> str:
    """``from .module import names`` inside ``if TYPE_CHECKING:``, laid out as black does."""
    line = f"    from .{module} import {', '.join(names)}"
    if len(line) <= LINE_LENGTH:
        return line
    return bracketed(f"from .{module} import (", names, ")", indent=4)


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    files: Files = {}
    package = PurePosixPath("python", options.python_package)
    module = template("python", "module.py.j2", FILTERS)
    for catalog in catalogs:
        class_name, error_name = python_class(catalog.platform), python_error(catalog.platform)
        names = [py_str(class_name), py_str(error_name), py_str("Deprecation")]
        files[module_path(options, catalog.platform)] = module.render(
            header=header("#", catalog),
            catalog=catalog,
            class_name=class_name,
            error_name=error_name,
            all_line=bracketed("__all__ = [", names, "]"),
            init_line=bracketed(
                "def __init__(",
                ["self", f"code: {class_name}", "/", "**params: str | int"],
                ") -> None:",
                indent=4,
            ),
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
