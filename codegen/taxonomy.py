"""The category taxonomy: which names an entry's ``category`` may take, with what meaning.

It is a YAML file (by default ``schema/categories.yaml``, shipped in the package) read by
the same strict loader as the catalogues and validated by ``schema/categories.schema.json``.
"""

from __future__ import annotations

import copy
import functools
import json
from collections.abc import Callable, Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema is imported only to explain a taxonomy that is not valid
    import jsonschema

from .diagnostics import CatalogError, Diagnostic, Location, Severity
from .source import InputError, read_input
from .load import YamlMap, key_mark_of, load_bytes, mark_of
from .validate import SCHEMA, passes, python_schema

Taxonomy = dict[str, str]


def default_path() -> Path:
    return Path(str(resources.files("codegen.schema").joinpath("categories.yaml")))


@functools.cache
def _schema() -> dict[str, Any]:
    text = resources.files("codegen.schema").joinpath("categories.schema.json").read_text("utf-8")
    # Patterns anchored at the true end of the string, as for catalogues.
    schema: dict[str, Any] = python_schema(json.loads(text), _PATTERNS_AS_WRITTEN)
    return schema


@functools.cache
def _fast_validator() -> Callable[[Any], Any]:
    import fastjsonschema

    # fastjsonschema rewrites the $refs of what it compiles, in place: a copy of its own.
    return fastjsonschema.compile(copy.deepcopy(_schema()))


def _errors(root: YamlMap) -> Iterator[jsonschema.ValidationError]:
    import jsonschema

    return jsonschema.Draft202012Validator(_schema()).iter_errors(root)


_PATTERNS_AS_WRITTEN: dict[str, str] = {}
"""Each rewritten pattern's text as the schema writes it, for messages."""


def _message(text: str) -> str:
    for rewritten, written in _PATTERNS_AS_WRITTEN.items():
        text = text.replace(repr(rewritten), repr(written))
    return text


def load_taxonomy(
    path: Path, name: str, max_bytes: int | None = None
) -> tuple[Taxonomy, list[Diagnostic]]:
    """The categories in ``path`` (shown as ``name``), or the problems that make it unusable."""
    try:
        document = load_bytes(read_input(path, max_bytes), name)
    except InputError as exc:
        return {}, [Diagnostic("UNREADABLE", Severity.ERROR, Location(name), str(exc))]
    except CatalogError as exc:
        return {}, [exc.diagnostic]
    problems = list(document.diagnostics)
    root = document.root
    if not isinstance(root, YamlMap):
        root = YamlMap((1, 1))
    for error in () if passes(_fast_validator(), root) else _errors(root):
        path_ = tuple(error.absolute_path)
        mark = (
            key_mark_of(root, (str(error.instance),))
            if "propertyNames" in error.relative_schema_path
            else mark_of(root, path_)
        )
        problems.append(
            Diagnostic(
                SCHEMA,
                Severity.ERROR,
                Location(name, *mark),
                f"categories: {_message(error.message)}",
            )
        )
    if problems:
        return {}, sorted(problems, key=Diagnostic.sort_key)
    return dict(root), []
