"""Vectors target: per platform, out/vectors/<platform>.json states what the generated code
must say about every code, in the order of the catalogue.

The conformance tests check the Python, TypeScript and Go output against these files, each
in its own test runner; a binding in any other language can be checked against them too.
Everything a runner needs is here: the module, class and member identifiers of each
language (an alias is a second identifier of the same code), every text verbatim, the
defaults, each code's placeholders, and codes, names and languages the catalogue does not
define (looking them up must find nothing), among them "constructor" and "__proto__".

Each code's "doc_url" is its documentation URL, null when the project configures none
([tool.codegen] docs_url).

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

from ..classify import MAX_DEPTH, MAX_SAFE_INTEGER, Classifier
from ..model import PLACEHOLDER, Catalog, Code, Entry, default_text
from ..render import Files, Options, doc_url, header
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


def classify_cases(catalog: Catalog) -> list[dict[str, Any]]:
    """Responses and what classifying them gives: every example of the catalogue, then
    bodies made from its shapes to trip a careless runtime (codes of the wrong type or
    spelling, messages in other case and spacing, arrays, wrong pointers, undecodable and
    deeply nested text), and statuses alone."""
    classifier = Classifier(catalog)
    cases: list[dict[str, Any]] = []

    def add(status: object, body: object = None, text: str | None = None) -> None:
        case: dict[str, Any] = {"status": status}
        if text is None:
            case["body"] = body
            result = classifier.classify(status, body)
        else:
            case["text"] = text
            result = classifier.classify_text(status, text)
        case["want"] = (
            None
            if result is None
            else {"code": result.code, "how": result.how, "params": dict(result.params)}
        )
        if case not in cases:
            cases.append(case)

    for entry in catalog.errors:
        for example in entry.examples:
            add(example.status, example.body, example.text)
    listed = [status for status, _ in classifier.rules.statuses]
    for status in (*listed[:2], 200, None):
        add(status, None)
        add(status, text="<html><body>Too Many Requests</body></html>")
    odd: tuple[object, ...] = ([], {}, "", 0, True, [[{}]], {"": {}})
    for body in odd:
        add(None, body)
    first = catalog.errors[0]
    unknown = unknown_codes(catalog)[0]
    # The pattern with the most wildcards, the first of those: the hardest to match.
    patterns = classifier.rules.patterns
    pattern = max(patterns, key=lambda p: len(p.names), default=None)
    message = "" if pattern is None else _sample(pattern.source)
    for shape in classifier.rules.shapes:

        def sent(value: Code) -> object:
            """A code as this shape carries it: a number, or a string holding it."""
            return str(value) if shape.code_format == "string" else value

        code = sent(first.code)
        codes: list[object] = [code, sent(unknown), None, True, [code], {"": code}]
        if pattern is not None and pattern.code != first.code:
            codes.insert(1, sent(pattern.code))  # its own pattern gives the parameters
        if isinstance(first.code, int):
            number = first.code
            codes += [number if code != number else str(number), float(number), number + 0.5]
            codes += [f"0{abs(number)}", f"+{abs(number)}", f" {number}", "-0", -0.0, 10**20]
            for limit in (MAX_SAFE_INTEGER, MAX_SAFE_INTEGER + 1, -MAX_SAFE_INTEGER - 1):
                codes += [limit, str(limit)]
        else:
            codes += [first.code.lower(), f" {first.code}", 0]
        messages: list[object] = [None, message, 5, [message]]
        if message:
            messages += [
                message.upper(),
                f"  {message.replace(' ', chr(9) + ' ')}\n",
                f"{message} rid: 6571a2f3-1b2c",
                f"{message}x",
                f"x{message}",
                message + "!" * 5000,
            ]
        for value in codes:
            # Every spelling of the message alone, where only the patterns can tell.
            for text in messages if value is None else messages[:2]:
                add(None, _body(shape.code, value, shape.message, text))
        # Texts: numbers a double cannot hold, broken JSON, a repeated key (the last
        # counts), and nesting at and just beyond the limit.
        marker = "\u0000value\u0000"
        quoted = json.dumps(marker)
        template = json.dumps(_body(shape.code, marker, shape.message, message))
        if shape.code is not None:
            for literal in ("1e400", "1" + "0" * 400, f"{first.code}.0", json.dumps(code)):
                add(None, text=template.replace(quoted, literal))
            twice = json.dumps(_body(shape.code, sent(unknown), shape.message, None))
            again = json.dumps(_body(shape.code, code, None, None))
            add(None, text=f"{twice[:-1]}, {again[1:]}")
            add(None, text=f"{again[:-1]}, {twice[1:]}")
        whole = json.dumps(_merge(_body(shape.code, code, shape.message, message), {"x": marker}))
        add(None, text=whole[: len(whole) // 2])
        add(listed[0] if listed else None, text=whole.replace(quoted, "NaN"))
        for depth in (MAX_DEPTH - 1, MAX_DEPTH):  # the object itself is one level
            add(None, text=whole.replace(quoted, "[" * depth + "]" * depth))
    return cases


def _sample(pattern: str) -> str:
    """A message the pattern matches: each wildcard filled with a word."""
    return PLACEHOLDER.sub(lambda match: f"v{len(match.group(1))}", pattern)


def _body(
    code_at: tuple[str, ...] | None, code: object, message_at: tuple[str, ...] | None, text: object
) -> object:
    """A body holding ``code`` and ``text`` at the shape's pointers (None: left out)."""
    body: object = {}
    for tokens, value in ((code_at, code), (message_at, text)):
        if tokens is not None and value is not None:
            body = _merge(body, _at(tokens, value))
    return body


def _at(tokens: tuple[str, ...], value: object) -> object:
    for token in reversed(tokens):
        if token.isdigit() and token.isascii() and (token == "0" or token[0] != "0"):
            value = [None] * int(token) + [value]
        else:
            value = {token: value}
    return value


def _merge(into: object, value: object) -> object:
    if isinstance(into, dict) and isinstance(value, dict):
        merged = dict(into)
        for key, item in value.items():
            merged[key] = _merge(merged[key], item) if key in merged else item
        return merged
    if isinstance(into, list) and isinstance(value, list):
        longer = [*into, *[None] * (len(value) - len(into))]
        return [
            _merge(a, b) if b is not None and a is not None else (a if b is None else b)
            for a, b in zip(longer, [*value, *[None] * (len(longer) - len(value))])
        ]
    return value


def _vector(
    entry: Entry, languages: Sequence[Target], options: Options, platform: str
) -> dict[str, Any]:
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
        "doc_url": doc_url(options, platform, entry.code),
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
    body["codes"] = [_vector(entry, targets, options, catalog.platform) for entry in catalog.errors]
    body["format"] = format_cases(catalog)
    response = catalog.response
    body["response"] = (
        None
        if response is None
        else {
            "shapes": [
                {"name": s.name, "code": s.code, "message": s.message, "code_format": s.code_format}
                for s in response.shapes
            ],
            "generic_codes": list(response.generic_codes),
        }
    )
    body["classify"] = classify_cases(catalog)
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
