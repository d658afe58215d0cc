"""Python target: one stdlib-only module per platform with an IntEnum/StrEnum of its codes.

Output is written directly in the layout black produces (exploded literals with magic
trailing commas, black's choice of quotes), so generation never runs black: the tests
check that black leaves every generated file unchanged.
"""

from __future__ import annotations

import keyword
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..model import Catalog
from ..naming import pascal
from ..render import Files, Options, aggregate_header, header, template
from .base import Naming, Target
from .charset import comment_text, must_escape, preferred_quote, quoted

PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist)


def python_module(platform: str) -> str:
    return platform


def python_class(platform: str) -> str:
    """``weex`` -> ``WeexCode``: the enum of a platform's codes."""
    return pascal(platform) + "Code"


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


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    files: Files = {}
    module = template("python", "module.py.j2", FILTERS)
    for catalog in catalogs:
        files[module_path(options, catalog.platform)] = module.render(
            header=header("#", catalog),
            catalog=catalog,
            class_name=python_class(catalog.platform),
            base="IntEnum" if catalog.code_type == "integer" else "StrEnum",
            code_type="int" if catalog.code_type == "integer" else "str",
            title_doc=catalog.title if docstring_safe(catalog.title) else catalog.platform,
        )
    package = template("python", "__init__.py.j2", FILTERS)
    files[PurePosixPath("python", options.python_package, "__init__.py")] = package.render(
        header=aggregate_header("#", catalogs),
        modules=[(python_module(c.platform), python_class(c.platform)) for c in catalogs],
    )
    return files


def vectors(catalog: Catalog, options: Options) -> dict[str, Any]:
    return {
        "module": f"{options.python_package}.{python_module(catalog.platform)}",
        "class": python_class(catalog.platform),
    }


TARGET = Target(
    name="python",
    summary="a Python package, an IntEnum or StrEnum module per platform (out/python/)",
    render=render,
    naming=Naming(
        member=lambda name: name,
        member_reserved=PYTHON_RESERVED,
        platform=python_module,
        platform_reserved=PYTHON_RESERVED | frozenset({"__init__", "__main__"}),
        aggregates=(("module", python_module), ("enum class", python_class)),
    ),
    vectors=vectors,
)
