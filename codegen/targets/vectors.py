"""Vectors target: per platform, out/vectors/<platform>.json states what the generated code
must say about every code, in the order of the catalogue.

The conformance tests check the Python, TypeScript and Go output against these files, each
in its own test runner; a binding in any other language can be checked against them too.
Everything a runner needs is here: the module, class and member identifiers of each
language (an alias is a second identifier of the same code), every text verbatim, the
defaults, and codes and languages the catalogue does not define (looking them up must find
nothing), among them "constructor" and "__proto__".
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from ..model import Catalog, Code, Entry
from ..render import Files, Options, header
from .base import Target

PROTOTYPE_KEYS = ("__proto__", "constructor", "toString", "hasOwnProperty", "valueOf")
"""Keys every JavaScript object seems to hold, members of Object.prototype: a lookup that
forgets to ask for own properties finds them. None is a language tag, "__proto__" is never a
code (codes start with a letter or digit), and the others are unknown unless defined."""


def unknown_codes(catalog: Catalog) -> list[Code]:
    """Codes of the catalogue's type that it does not define: an integer, or the keys of
    Object.prototype that it does not define (string codes such as "constructor" are valid)."""
    defined = {entry.code for entry in catalog.errors}
    if catalog.code_type != "integer":
        return [key for key in PROTOTYPE_KEYS if key not in defined]
    return [next(code for code in itertools.count() if code not in defined)]


def unknown_languages(catalog: Catalog) -> list[str]:
    """Language tags that no text of the catalogue uses: a valid tag ("xxxx" is not one, so
    one of the three is free) and the keys of Object.prototype."""
    used = {tag for e in catalog.errors for tag in (*e.message, *e.solution)}
    free = next(tag for tag in ("xx", "xxx", "xxxx") if tag not in used)
    return [free, *PROTOTYPE_KEYS]


def _vector(entry: Entry, languages: Sequence[Target]) -> dict[str, Any]:
    def identifiers(name: str) -> dict[str, str]:
        return {t.name: t.naming.member(name) for t in languages if t.naming is not None}

    deprecated = entry.deprecated
    return {
        "code": entry.code,
        "name": entry.name,
        "identifiers": identifiers(entry.name),
        "aliases": [{"name": alias, "identifiers": identifiers(alias)} for alias in entry.aliases],
        "message": dict(entry.message),
        "default_message": entry.default_message,
        "solution": dict(entry.solution),
        "default_solution": entry.default_solution,
        "category": entry.category,
        "http_status": entry.http_status,
        "retryable": entry.retryable,
        "deprecated": (
            None
            if deprecated is None
            else {"reason": deprecated.reason, "replaced_by": deprecated.replaced_by}
        ),
    }


def vectors_json(catalog: Catalog, options: Options) -> str:
    from . import languages  # the registry lists this module too

    targets = languages()
    body: dict[str, Any] = {"platform": catalog.platform, "code_type": catalog.code_type}
    for language in targets:
        if language.vectors is not None:
            body[language.name] = language.vectors(catalog, options)
    body["unknown"] = {"codes": unknown_codes(catalog), "languages": unknown_languages(catalog)}
    body["codes"] = [_vector(entry, targets) for entry in catalog.errors]
    # The header sits on the first line, as in every generated file, so that generate and
    # check know the file is theirs.
    generated = json.dumps(header("", catalog).strip(), ensure_ascii=False)
    text = json.dumps(body, ensure_ascii=False, indent=2).removeprefix("{\n")
    return f'{{"generated": {generated},\n{text}\n'


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    return {
        PurePosixPath("vectors", catalog.platform + ".json"): vectors_json(catalog, options)
        for catalog in catalogs
    }


TARGET = Target(
    name="vectors",
    summary="what the code of every language must say about each code, as JSON (out/vectors/)",
    render=render,
)
