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

import functools
import itertools
import json
import json.encoder
from collections.abc import Callable, Mapping, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..classify import MAX_DEPTH, MAX_SAFE_INTEGER, Classifier
from ..model import PLACEHOLDER, Catalog, Code, Entry, default_text
from ..render import Files, Options, doc_base, header
from .base import Target
from .charset import Memo

encode_basestring: Callable[[str], str] = json.encoder.encode_basestring
"""A string as JSON, as json.dumps(ensure_ascii=False) writes it: the json module's, in C."""

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
    # No placeholder spans a line break: the texts are searched as one.
    texts = "\n".join((*entry.message.values(), *entry.solution.values()))
    return list(dict.fromkeys(PLACEHOLDER.findall(texts))) if "{" in texts else []


VALUES: tuple[int | str, ...] = (50, "subscribe", "値 {limit} $& $1 $$ \\ }{", -7)
"""The values the format cases give placeholders, in turn."""


def _params(names: Sequence[str], shift: int) -> dict[str, int | str]:
    return {name: VALUES[(i + shift) % len(VALUES)] for i, name in enumerate(names)}


def _split(text: str) -> list[str]:
    """``text`` split at its placeholders: literal text, then each placeholder's name and the
    literal text after it."""
    return PLACEHOLDER.split(text) if "{" in text else [text]


def _fill(parts: list[str], params: Mapping[str, int | str]) -> str:
    """The reference formatting of a text split by :func:`_split`: each placeholder
    replaced, in one pass, by its value."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 3:
        return f"{parts[0]}{params[parts[1]]}{parts[2]}"
    out = [parts[0]]
    for i in range(1, len(parts), 2):
        out += (str(params[parts[i]]), parts[i + 1])
    return "".join(out)


def format_cases(catalog: Catalog) -> list[str]:
    """Cases for the codes with placeholders or with braces that are text, and the first
    code: every language the code's texts have and one they lack, a missing parameter and
    an unknown one. Each case is an object of the vectors' "format" list, as JSON two levels
    deep (see :func:`_json`): its ``code``, ``language``, ``params``, and the ``message``,
    ``solution`` and ``error_text`` that formatting gives, or the ``problem`` (its kind,
    "missing" or "unknown", and the parameter) that formatting must fail with."""
    cases: list[str] = []
    free_language = unknown_languages(catalog)[0]
    language_literal = Memo(encode_basestring)
    # By placeholder names, for each shift: the parameters and their JSON.
    given: dict[tuple[str, ...], list[tuple[dict[str, int | str], str]]] = {}
    problems: dict[tuple[str, ...], list[str]] = {}
    prefix = f"{catalog.platform} "
    for index, entry in enumerate(catalog.errors):
        names = parameters(entry)
        message, solution = entry.message, entry.solution
        if (
            index > 0
            and not names
            and not any(
                "{" in text or "}" in text for text in (*message.values(), *solution.values())
            )
        ):
            continue
        key = tuple(names)
        if key not in given:
            given[key] = [
                (params, _flat(params, 3))
                for params in (_params(names, shift) for shift in range(len(VALUES)))
            ]
            problems[key] = _problems(names)
        runs = given[key] if names else given[key][:1]
        head = f'{{\n      "code": {_value(entry.code)},\n      "language": '
        default_message = entry.default_message
        default_solution = default_text(solution)
        message_parts = _split(default_message)
        solution_parts = None if default_solution is None else _split(default_solution)
        error = f"{prefix}{entry.code}: "
        # The default language with each value in turn, then every other language.
        first = ""
        for params, params_text in runs:
            filled = _fill(message_parts, params)
            rest = (
                f'{encode_basestring(filled)},\n      "solution": '
                + (
                    "null"
                    if solution_parts is None
                    else encode_basestring(_fill(solution_parts, params))
                )
                + f',\n      "error_text": {encode_basestring(error + filled)},\n'
                '      "problem": null\n    }'
            )
            first = first or rest
            cases.append(f'{head}null,\n      "params": {params_text},\n      "message": {rest}')
        params, params_text = runs[0]
        error_text = encode_basestring(error + _fill(message_parts, params))
        for language in (*sorted({*message, *solution}), free_language):
            text = message.get(language, default_message)
            wanted = solution.get(language, default_solution)
            if text == default_message and wanted == default_solution:
                rest = first  # as in the default language
            else:
                rest = (
                    f'{encode_basestring(_fill(_split(text), params))},\n      "solution": '
                    + (
                        "null"
                        if wanted is None
                        else encode_basestring(_fill(_split(wanted), params))
                    )
                    + f',\n      "error_text": {error_text},\n      "problem": null\n    }}'
                )
            cases.append(
                f"{head}{language_literal[language]},\n"
                f'      "params": {params_text},\n      "message": {rest}'
            )
        cases += (f'{head}null,\n      "params": {problem}' for problem in problems[key])
    return cases


def _problems(names: list[str]) -> list[str]:
    """The cases where formatting must fail, from ``"params"`` on: a missing parameter (when
    there are any) and an unknown one."""
    params = _params(names, 0)
    problems: list[tuple[dict[str, int | str], str, str]] = []
    if names:
        missing = names[-1]
        problems.append(({k: v for k, v in params.items() if k != missing}, "missing", missing))
    unknown = next(n for n in (f"unexpected{i or ''}" for i in itertools.count()) if n not in names)
    problems.append(({**params, unknown: 1}, "unknown", unknown))
    return [
        f"{_flat(given, 3)},\n"
        '      "message": null,\n      "solution": null,\n      "error_text": null,\n'
        f'      "problem": {_flat({"kind": kind, "param": name}, 3)}\n    }}'
        for given, kind, name in problems
    ]


def classify_cases(catalog: Catalog) -> list[dict[str, Any]]:
    """Responses and what classifying them gives: every example of the catalogue, then
    bodies made from its shapes to trip a careless runtime (codes of the wrong type or
    spelling, messages in other case and spacing, arrays, wrong pointers, undecodable and
    deeply nested text), and statuses alone."""
    classifier = Classifier(catalog)
    cases: list[dict[str, Any]] = []
    seen: set[object] = set()  # each case once: a catalogue may hold thousands of examples

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
        key = _frozen(case)
        try:
            hash(key)
        except TypeError:  # a value that JSON has not: compared one by one
            if case not in cases:
                cases.append(case)
            return
        if key not in seen:
            seen.add(key)
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


def _frozen(value: object) -> object:
    """``value`` (decoded JSON) as a hashable value equal to another's exactly when the two
    are equal, as Python compares them (``1 == 1.0 == True``), so that a set finds what
    ``in`` finds in a list, at once."""
    if isinstance(value, dict):
        return frozenset((key, _frozen(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


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


def code_vectors(catalog: Catalog, options: Options, languages: Sequence[Target]) -> list[str]:
    """What each language must say about each code, each an object of the vectors' "codes"
    list, as JSON two levels deep (see :func:`_json`): the code, its name, its member's
    identifier in each language, its aliases (each a name and identifiers), placeholders,
    texts and their defaults, category, HTTP status, retryable, deprecation and the address
    of its documentation."""
    members = [(t.name, t.naming.member) for t in languages if t.naming is not None]

    def identifiers(name: str, level: int) -> str:
        return _flat({language: member(name) for language, member in members}, level)

    base = doc_base(options, catalog.platform)
    vectors = []
    for entry in catalog.errors:
        deprecated = entry.deprecated
        aliases = "[]"
        if entry.aliases:
            aliases = (
                "[\n        "
                + ",\n        ".join(
                    f'{{\n          "name": {encode_basestring(alias)},\n'
                    f'          "identifiers": {identifiers(alias, 5)}\n        }}'
                    for alias in entry.aliases
                )
                + "\n      ]"
            )
        vectors.append(
            f'{{\n      "code": {_value(entry.code)},\n'
            f'      "name": {encode_basestring(entry.name)},\n'
            f'      "identifiers": {identifiers(entry.name, 3)},\n'
            f'      "aliases": {aliases},\n'
            f'      "placeholders": {_flat(parameters(entry), 3)},\n'
            f'      "message": {_flat(entry.message, 3)},\n'
            f'      "default_message": {encode_basestring(entry.default_message)},\n'
            f'      "solution": {_flat(entry.solution, 3)},\n'
            f'      "default_solution": {_value(entry.default_solution)},\n'
            f'      "category": {_value(entry.category)},\n'
            f'      "http_status": {_value(entry.http_status)},\n'
            f'      "retryable": {_value(entry.retryable)},\n'
            '      "deprecated": '
            + (
                "null"
                if deprecated is None
                else _flat({"reason": deprecated.reason, "replaced_by": deprecated.replaced_by}, 3)
            )
            + ',\n      "doc_url": '
            + ("null" if base is None else encode_basestring(f"{base}{entry.code}"))
            + "\n    }"
        )
    return vectors


# --- JSON as json.dumps(value, ensure_ascii=False, indent=2) writes it, made faster ---------


def _json(value: object, level: int) -> str:
    """``value`` as ``json.dumps(value, ensure_ascii=False, indent=2)`` writes it ``level``
    levels deep in a larger value: its lines after the first indented that much more (JSON
    holds no line break but those between its items)."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * level) if level and "\n" in text else text


def _value(value: object) -> str:
    """A value that is no list or object (a string, number, boolean or null) as JSON."""
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is int:
        return int.__repr__(value)
    return compact(",")(value)


def _flat(value: Mapping[str, object] | Sequence[object], level: int) -> str:
    """:func:`_json` of an object or list whose items are no lists or objects, encoded in
    one call of the json module's encoder: ``indent`` makes it encode item by item in
    Python, and the items separated by a line break and the indent are the same."""
    if not value:
        return "[]" if isinstance(value, (list, tuple)) else "{}"
    if type(value) is not dict and type(value) is not list:
        value = dict(value) if isinstance(value, Mapping) else list(value)
    text = _flat_encoder(level)(value)
    return f"{text[0]}\n{_PADS[level + 1]}{text[1:-1]}\n{_PADS[level]}{text[-1]}"


_PADS = ["  " * level for level in range(8)]


@functools.lru_cache(maxsize=None)
def _flat_encoder(level: int) -> Callable[[object], str]:
    """The encoder of :func:`_flat` for items ``level + 1`` levels deep."""
    return compact(",\n" + "  " * (level + 1))


@functools.lru_cache(maxsize=None)
def compact(separator: str, key_separator: str = ": ") -> Callable[[object], str]:
    """JSON on one line, as json.dumps(value, ensure_ascii=False, separators=(separator,
    key_separator)) writes it: with the json module's encoder in C, made once and called
    directly (json.dumps sets it up anew for each value)."""
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return json.JSONEncoder(ensure_ascii=False, separators=(separator, key_separator)).encode
    encoder = make(
        None,
        json.JSONEncoder().default,
        encode_basestring,
        None,
        key_separator,
        separator,
        False,
        False,
        True,
    )
    return lambda value: "".join(encoder(value, 0))


def _listed(parts: list[str], items: Sequence[str]) -> None:
    """Appends to ``parts`` a list, one level deep, of items written two levels deep."""
    if not items:
        parts.append("[]")
        return
    pieces = [",\n    "] * (2 * len(items) - 1)
    pieces[0::2] = items
    parts.append("[\n    ")
    parts += pieces
    parts.append("\n  ]")


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
    # The header sits on the first line, as in every generated file, so that generate and
    # check know the file is theirs. The file is written in pieces, joined once: it is the
    # largest that codegen writes.
    generated = json.dumps(header("", catalog).strip(), ensure_ascii=False)
    parts = [f'{{"generated": {generated},\n  ']
    parts += [f"{encode_basestring(key)}: {_json(value, 1)},\n  " for key, value in body.items()]
    parts.append('"codes": ')
    _listed(parts, code_vectors(catalog, options, targets))
    parts.append(',\n  "format": ')
    _listed(parts, format_cases(catalog))
    response = catalog.response
    parts.append(',\n  "response": ')
    parts.append(
        _json(
            (
                None
                if response is None
                else {
                    "shapes": [
                        {
                            "name": s.name,
                            "code": s.code,
                            "message": s.message,
                            "code_format": s.code_format,
                        }
                        for s in response.shapes
                    ],
                    "generic_codes": list(response.generic_codes),
                }
            ),
            1,
        )
    )
    parts.append(f',\n  "classify": {_json(classify_cases(catalog), 1)}\n}}\n')
    return "".join(parts)


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    return {
        PurePosixPath("vectors", catalog.platform + ".json"): vectors_json(catalog, options)
        for catalog in catalogs
    }


TARGET = Target(
    name="vectors",
    summary="what the code of every language must say about each code, as JSON (out/vectors/)",
    render=render,
    cost=5,
)
