"""Vectors target: per platform, out/vectors/<platform>.json states what the generated code
must say about every code, in the order of the catalogue.

The conformance tests check the Python, TypeScript and Go output against these files, each
in its own test runner; a binding in any other language can be checked against them too.
Everything a runner needs is here: the module, class and member identifiers of each
language (an alias is a second identifier of the same code), every text verbatim, the
defaults, each code's placeholders, and codes, names and languages the catalogue does not
define (looking them up must find nothing), among them "constructor" and "__proto__".

The "format" cases state what formatting a code's texts with parameters gives, and what the
error built from the code and parameters says (``"{platform} {code}: {message}"``); or,
when a parameter is missing or unknown, that both must fail, naming it. Their parameter
values are integers and strings, some of them made to trip a careless implementation
(braces that look like a placeholder, ``$&`` for JavaScript's replace, backslashes).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from ..model import PLACEHOLDER, Catalog, Code, Entry, default_text
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


def unknown_names(catalog: Catalog) -> list[str]:
    """Names that find nothing: one the catalogue might have had, a defined name in lower
    case (names are case-sensitive), the empty name and the keys of Object.prototype."""
    defined = {name for entry in catalog.errors for name in (entry.name, *entry.aliases)}
    first = catalog.errors[0].name if catalog.errors else "CODE"
    candidates = ["NOT_A_DEFINED_NAME", first.lower(), f" {first}", "", *PROTOTYPE_KEYS]
    return [name for name in dict.fromkeys(candidates) if name not in defined]


def parameters(entry: Entry) -> list[str]:
    """The placeholders of every text of ``entry``, message then solution, each once."""
    texts = (*entry.message.values(), *entry.solution.values())
    return list(dict.fromkeys(name for text in texts for name in PLACEHOLDER.findall(text)))


VALUES: tuple[int | str, ...] = (50, "subscribe", "値 {limit} $& $1 $$ \\ }{", -7)
"""The values the format cases give placeholders, in turn."""


def _params(names: list[str], shift: int) -> dict[str, int | str]:
    return {name: VALUES[(i + shift) % len(VALUES)] for i, name in enumerate(names)}


def _fill(text: str, params: dict[str, int | str]) -> str:
    """The reference formatting: each placeholder replaced, in one pass, by its value."""
    return PLACEHOLDER.sub(lambda match: str(params[match.group(1)]), text)


def _in(texts: dict[str, str], language: str | None) -> str | None:
    """The text in ``language`` when there is one, else the default text."""
    if language is not None and language in texts:
        return texts[language]
    return default_text(texts)


def format_cases(catalog: Catalog) -> list[dict[str, Any]]:
    """Cases for the codes with placeholders or with braces that are text, and the first
    code: every language the code's texts have and one they lack, a missing parameter and
    an unknown one."""
    cases: list[dict[str, Any]] = []
    free_language = unknown_languages(catalog)[0]
    for index, entry in enumerate(catalog.errors):
        names = parameters(entry)
        texts = (*entry.message.values(), *entry.solution.values())
        if index > 0 and not names and not any("{" in text or "}" in text for text in texts):
            continue
        message, solution = dict(entry.message), dict(entry.solution)
        # The default language with each value in turn, then every other language.
        shifts = range(len(VALUES) if names else 1)
        runs: list[tuple[str | None, int]] = [(None, shift) for shift in shifts]
        runs += [(language, 0) for language in (*sorted({*message, *solution}), free_language)]
        for language, shift in runs:
            params = _params(names, shift)
            wanted = _in(solution, language)
            cases.append(
                {
                    "code": entry.code,
                    "language": language,
                    "params": params,
                    "message": _fill(_in(message, language) or "", params),
                    "solution": None if wanted is None else _fill(wanted, params),
                    "error_text": f"{catalog.platform} {entry.code}: "
                    + _fill(entry.default_message, params),
                    "problem": None,
                }
            )
        params = _params(names, 0)
        problems: list[tuple[dict[str, int | str], str, str]] = []
        if names:
            missing = names[-1]
            problems.append(({k: v for k, v in params.items() if k != missing}, "missing", missing))
        unknown = next(
            n for n in (f"unexpected{i or ''}" for i in itertools.count()) if n not in names
        )
        problems.append(({**params, unknown: 1}, "unknown", unknown))
        for given, kind, name in problems:
            cases.append(
                {
                    "code": entry.code,
                    "language": None,
                    "params": given,
                    "message": None,
                    "solution": None,
                    "error_text": None,
                    "problem": {"kind": kind, "param": name},
                }
            )
    return cases


def _vector(entry: Entry, languages: Sequence[Target]) -> dict[str, Any]:
    def identifiers(name: str) -> dict[str, str]:
        return {t.name: t.naming.member(name) for t in languages if t.naming is not None}

    deprecated = entry.deprecated
    return {
        "code": entry.code,
        "name": entry.name,
        "identifiers": identifiers(entry.name),
        "aliases": [{"name": alias, "identifiers": identifiers(alias)} for alias in entry.aliases],
        "placeholders": parameters(entry),
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
    body["unknown"] = {
        "codes": unknown_codes(catalog),
        "languages": unknown_languages(catalog),
        "names": unknown_names(catalog),
    }
    body["codes"] = [_vector(entry, targets) for entry in catalog.errors]
    body["format"] = format_cases(catalog)
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
