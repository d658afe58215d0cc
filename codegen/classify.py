"""Classifying a vendor's response: from an HTTP status and a body to a catalogue entry.

This is the reference implementation: the checks and ``codegen classify``/``observe`` run
it, the vectors record its answers, and the code generated for every language must give the
same ones. Everything here is chosen to behave identically in Python, TypeScript, Go and
Rust and to run in linear time: no regular expressions at run time, ASCII-only case folding,
one left-to-right pass per pattern.

- A response shape names, by JSON Pointer (RFC 6901), where the code and the message are.
  The first shape that yields a valid code or a string message gives both.
- A pattern is a text with ``{name}`` wildcards, compared after collapsing runs of ASCII
  whitespace and ignoring ASCII case. It matches the start of a message, ending on a word
  boundary (so ``invalid credential`` matches WeChat's ``invalid credential rid: 6571...``).
  Each wildcard takes at least one character, up to the first occurrence of the text that
  follows it; a wildcard at the end takes one word (up to the next space).
- Precedence: a code the catalogue defines (unless it is one of the catalogue's generic
  codes); else the message pattern with the most literal characters (ties: catalogue
  order); else a generic code; else an entry that lists the HTTP status.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .model import PLACEHOLDER, Catalog, Code

WHITESPACE = " \t\n\v\f\r"
"""The whitespace that patterns and messages collapse: ASCII only, the same everywhere."""

MAX_SAFE_INTEGER = 2**53 - 1
"""The largest integer code: every integer up to it is exact as a double (JavaScript)."""

MAX_DEPTH = 512
"""classify_text refuses deeper nesting: no language's decoder may run out of stack."""

_RUNS = re.compile(f"[{re.escape(WHITESPACE)}]+")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_DECIMAL = re.compile(r"0|-?[1-9][0-9]*")
_INDEX = re.compile(r"0|[1-9][0-9]*")
ABSENT = object()


@dataclass(frozen=True)
class Shape:
    name: str
    code: tuple[str, ...] | None
    """The code's JSON Pointer as reference tokens, unescaped; None: the shape has none."""
    message: tuple[str, ...] | None
    code_format: str
    """"number" or "string"."""


@dataclass(frozen=True)
class Pattern:
    code: Code
    """The code of the entry the pattern recognises."""
    segments: tuple[str, ...]
    """The literal text before, between and after the wildcards, normalised and folded."""
    names: tuple[str, ...]
    """The wildcards, in order: ``len(segments) == len(names) + 1``."""
    literal_length: int
    """How many characters (code points) of literal text: the more, the more specific."""
    source: str = field(default="", compare=False)
    """The pattern as the catalogue writes it."""


@dataclass(frozen=True)
class Rules:
    """What a catalogue says about recognising its responses, compiled for the runtimes."""

    shapes: tuple[Shape, ...]
    generic_codes: tuple[Code, ...]
    patterns: tuple[Pattern, ...]
    """Entry by entry in catalogue order; each entry's match.messages, then its messages."""
    statuses: tuple[tuple[int, Code], ...]


@dataclass(frozen=True)
class Result:
    code: Code
    how: str
    """"code", "message" or "status": what identified the entry."""
    params: Mapping[str, str]


def normalise(text: str) -> str:
    """``text`` with every run of ASCII whitespace one space, and none at either end."""
    return _RUNS.sub(" ", text).strip(" ")


def fold(text: str) -> str:
    """ASCII letters lower-cased, nothing else: the same in every language, and every index
    into the result is an index into ``text`` (in code points, UTF-16 units or bytes)."""
    return text.translate(_LOWER)


def pointer(text: str | None) -> tuple[str, ...] | None:
    """A JSON Pointer's reference tokens: ``/a~1b/0`` -> ("a/b", "0"); "" is the whole body."""
    if text is None:
        return None
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in text.split("/")[1:])


def compile_pattern(code: Code, text: str) -> Pattern:
    parts = PLACEHOLDER.split(normalise(text))
    segments = tuple(fold(part) for part in parts[0::2])
    return Pattern(code, segments, tuple(parts[1::2]), sum(map(len, segments)), text)


def unmatchable(text: str) -> str | None:
    """Why ``text`` cannot serve as a pattern, or None when it can."""
    return _unmatchable(compile_pattern(0, text))


def _unmatchable(pattern: Pattern) -> str | None:
    if not pattern.literal_length:
        return "it has no text besides its wildcards, so it would match any message"
    if any(not literal for literal in pattern.segments[1:-1]):
        return "two wildcards touch, so no message can tell where one ends"
    return None


def patterns(catalog: Catalog) -> tuple[Pattern, ...]:
    """Every pattern of the catalogue: entry by entry, its match.messages, then each of its
    messages that can serve as one, each text once per entry."""
    found: list[Pattern] = []
    for entry in catalog.errors:
        code = entry.code
        seen = set(entry.match.messages)
        found.extend(compile_pattern(code, text) for text in dict.fromkeys(entry.match.messages))
        for text in entry.message.values():
            if text not in seen:
                seen.add(text)
                pattern = compile_pattern(code, text)
                if _unmatchable(pattern) is None:
                    found.append(pattern)
    return tuple(found)


_COMPUTED: dict[int, tuple[Catalog, Rules]] = {}
"""rules() by catalogue object: every target of a run asks for the same catalogue's rules."""
_COMPUTED_MAX = 64


def rules(catalog: Catalog) -> Rules:
    """The catalogue's rules, computed once per catalogue object."""
    known = _COMPUTED.get(id(catalog))
    if known is not None and known[0] is catalog:
        return known[1]
    response = catalog.response
    shapes = (
        ()
        if response is None
        else tuple(
            Shape(s.name, pointer(s.code), pointer(s.message), s.code_format)
            for s in response.shapes
        )
    )
    # Only a shape that reads messages needs patterns: compiling every message costs more than
    # the rest of the rules together.
    reads_messages = any(shape.message is not None for shape in shapes)
    computed = Rules(
        shapes=shapes,
        generic_codes=() if response is None else response.generic_codes,
        patterns=patterns(catalog) if reads_messages else (),
        statuses=tuple((s, e.code) for e in catalog.errors for s in e.match.statuses),
    )
    if len(_COMPUTED) >= _COMPUTED_MAX:  # a long-lived process (the tests) keeps no more
        _COMPUTED.clear()
    _COMPUTED[id(catalog)] = (catalog, computed)
    return computed


def match(pattern: Pattern, message: str, folded: str) -> dict[str, str] | None:
    """The wildcards' values when ``pattern`` matches the normalised ``message`` (whose
    folded copy is ``folded``), else None."""
    segments = pattern.segments
    if not folded.startswith(segments[0]):
        return None
    pos = len(segments[0])
    values: dict[str, str] = {}
    for name, literal in zip(pattern.names, segments[1:]):
        if literal:
            found = folded.find(literal, pos + 1)
            if found < 0:
                return None
            values[name] = message[pos:found]
            pos = found + len(literal)
        else:
            end = message.find(" ", pos)
            end = len(message) if end < 0 else end
            if end == pos:
                return None
            values[name] = message[pos:end]
            pos = end
    if 0 < pos < len(message) and _word(message[pos - 1]) and _word(message[pos]):
        return None
    return values


def _word(char: str) -> bool:
    return char.isascii() and (char.isalnum() or char == "_")


def best(patterns: Sequence[Pattern], message: str) -> tuple[Pattern, dict[str, str]] | None:
    """The matching pattern with the most literal text; the first of those that tie."""
    normal = normalise(message)
    return _best(patterns, normal, fold(normal))


def _best(
    patterns: Sequence[Pattern], normal: str, folded: str
) -> tuple[Pattern, dict[str, str]] | None:
    found: tuple[Pattern, dict[str, str]] | None = None
    for pattern in patterns:
        if found is not None and pattern.literal_length <= found[0].literal_length:
            continue
        values = match(pattern, normal, folded)
        if values is not None:
            found = (pattern, values)
    return found


def resolve(body: object, tokens: tuple[str, ...]) -> object:
    """The value at ``tokens`` in ``body``, or ABSENT."""
    for token in tokens:
        if isinstance(body, dict):
            if token not in body:
                return ABSENT
            body = body[token]
        elif isinstance(body, list):
            if not _INDEX.fullmatch(token) or int(token) >= len(body):
                return ABSENT
            body = body[int(token)]
        else:
            return ABSENT
    return body


def code_of(value: object, code_format: str, code_type: str) -> Code | None:
    """A code as a response carries it, or None when ``value`` cannot be one."""
    if code_type != "integer":
        return value if isinstance(value, str) else None
    number: int | None = None
    if code_format == "string":
        if isinstance(value, str) and _DECIMAL.fullmatch(value) and len(value) <= 20:
            number = int(value)
    elif isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        number = int(value)
    return number if number is not None and abs(number) <= MAX_SAFE_INTEGER else None


class Classifier:
    """classify() for one catalogue, with its rules compiled once."""

    def __init__(self, catalog: Catalog) -> None:
        self.rules = rules(catalog)
        self.code_type = catalog.code_type
        self.defined = {entry.code for entry in catalog.errors}
        self.generic = set(self.rules.generic_codes)
        self.by_code: dict[Code, list[Pattern]] = {}
        self.by_start: dict[str, list[tuple[int, Pattern]]] = {}
        """The patterns by the literal text they start with, each with its place."""
        for position, pattern in enumerate(self.rules.patterns):
            self.by_code.setdefault(pattern.code, []).append(pattern)
            self.by_start.setdefault(pattern.segments[0], []).append((position, pattern))

    def candidates(self, folded: str) -> list[Pattern]:
        """The patterns that may match a message (normalised and ``folded``), in catalogue
        order: those whose leading literal text starts it (one look-up per prefix rather than
        a try of every pattern)."""
        found = [
            item
            for length in range(len(folded) + 1)
            for item in self.by_start.get(folded[:length], ())
        ]
        found.sort(key=lambda item: item[0])
        return [pattern for _, pattern in found]

    def read(self, body: object) -> tuple[Code | None, str | None]:
        """The code and the message of the first shape that yields either."""
        if body is None:
            return None, None
        for shape in self.rules.shapes:
            code = None
            if shape.code is not None:
                code = code_of(resolve(body, shape.code), shape.code_format, self.code_type)
            message = None if shape.message is None else resolve(body, shape.message)
            text = message if isinstance(message, str) else None
            if code is not None or text is not None:
                return code, text
        return None, None

    def classify(self, status: object, body: object) -> Result | None:
        code, message = self.read(body)
        if code not in self.defined:
            code = None
        if code is not None and code not in self.generic:
            return Result(code, "code", self._own(code, message))
        if message is not None:
            normal = normalise(message)
            folded = fold(normal)
            found = _best(self.candidates(folded), normal, folded)
            if found is not None:
                return Result(found[0].code, "message", found[1])
        if code is not None:
            return Result(code, "code", self._own(code, message))
        if isinstance(status, int) and not isinstance(status, bool):
            for listed, entry in self.rules.statuses:
                if listed == status:
                    return Result(entry, "status", {})
        return None

    def classify_text(self, status: object, text: str) -> Result | None:
        return self.classify(status, decode(text))

    def _own(self, code: Code, message: str | None) -> dict[str, str]:
        """The parameters the entry's own patterns find in the message, if any match."""
        if message is None:
            return {}
        found = best(self.by_code.get(code, ()), message)
        return {} if found is None else found[1]


class _Undecodable(Exception):
    pass


def _refuse(_: str) -> object:
    raise _Undecodable


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Undecodable
    return value


def _integer(text: str) -> int:
    """An integer, if a double can hold its magnitude (JSON.parse gives Infinity beyond)."""
    _finite(text)
    return int(text)


def decode(text: str) -> object:
    """``text`` as JSON, or None when it is not JSON, holds a number beyond a double or nests
    deeper than MAX_DEPTH."""
    if too_deep(text):
        return None
    try:
        return json.loads(text, parse_constant=_refuse, parse_float=_finite, parse_int=_integer)
    except (_Undecodable, ValueError, RecursionError):
        return None


def too_deep(text: str) -> bool:
    """Whether arrays and objects nest more than MAX_DEPTH levels (brackets in strings
    do not count)."""
    depth = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return True
        elif char in "]}":
            depth -= 1
    return False
