"""The catalogue model: what every later stage works on. Frozen, and every part knows its place."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from .diagnostics import Location

PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
"""A placeholder in message text: ``{name}``. Other braces are literal text."""

FALLBACK_LANGUAGES = ("en", "zh")
"""The default message is English, else Chinese, else the language whose tag sorts first
(an order every target can reproduce: Go maps have none of their own)."""

Code = int | str


@dataclass(frozen=True)
class Deprecation:
    reason: str
    replaced_by: str | None = None


@dataclass(frozen=True)
class Match:
    """How a response that carries no code, or a generic one, is recognised as an entry."""

    statuses: tuple[int, ...] = ()
    """HTTP statuses that mean the entry when neither a code nor a message does."""
    messages: tuple[str, ...] = ()
    """Message patterns besides the entry's own messages: text with {name} wildcards."""


@dataclass(frozen=True)
class Example:
    """A real response that must classify to its entry: the decoded ``body``, or the raw
    ``text`` of one (then ``body`` is None)."""

    status: int | None = None
    body: object = None
    text: str | None = None
    params: Mapping[str, str] | None = None
    """The parameters classifying it must yield; None: not stated."""


@dataclass(frozen=True)
class Entry:
    """One error code of a catalogue."""

    code: Code
    name: str
    message: Mapping[str, str]
    aliases: tuple[str, ...] = ()
    """Former names, still valid identifiers for the same code (deprecated)."""
    solution: Mapping[str, str] = field(default_factory=dict)
    category: str | None = None
    http_status: int | None = None
    retryable: bool | None = None
    deprecated: Deprecation | None = None
    match: Match = Match()
    examples: tuple[Example, ...] = ()
    suppress: Mapping[str, str] = field(default_factory=dict)
    """Check IDs silenced for this entry, each with the reason why."""
    locations: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def where(self, key: str) -> Location:
        """Where a field ('code', 'message.en', ...) is, else the entry itself."""
        while key:
            if key in self.locations:
                return self.locations[key]
            key = key.rpartition(".")[0]
        return self.locations[""]

    @property
    def default_message(self) -> str:
        return default_text(self.message) or ""

    @property
    def default_solution(self) -> str | None:
        return default_text(self.solution)


def default_text(texts: Mapping[str, str]) -> str | None:
    for language in FALLBACK_LANGUAGES:
        if language in texts:
            return texts[language]
    return texts[min(texts)] if texts else None


def placeholders(text: str) -> frozenset[str]:
    return frozenset(PLACEHOLDER.findall(text))


@dataclass(frozen=True)
class Tombstone:
    """A removed code, reserved so that it is never defined again."""

    code: Code
    reason: str
    name: str | None = None
    location: Location = field(default=Location(""), compare=False, repr=False)
    reason_location: Location = field(default=Location(""), compare=False, repr=False)


@dataclass(frozen=True)
class Shape:
    """Where one shape of error response carries the code and the message: JSON Pointers
    (RFC 6901) into the decoded body."""

    name: str
    code: str | None
    message: str | None
    code_format: str
    """How the code arrives: "number" (a JSON number) or "string" (a string holding it)."""


@dataclass(frozen=True)
class Response:
    """How the API answers with an error (a catalogue's ``response`` section)."""

    shapes: tuple[Shape, ...]
    generic_codes: tuple[Code, ...] = ()
    """Codes that do not identify an error on their own."""


@dataclass(frozen=True)
class Catalog:
    """One platform's catalogue, as loaded from ``path``."""

    path: str
    platform: str
    title: str
    source: str
    code_type: str
    errors: tuple[Entry, ...]
    digest: str
    """sha256 of the catalogue's text (load.Document.digest): generated files name it, so
    that drift can be explained."""
    code_space: str | None = None
    """The code space shared with other catalogues; None: an independent platform."""
    reserved: tuple[Tombstone, ...] = ()
    """Removed codes that may not be defined again."""
    suppress: Mapping[str, str] = field(default_factory=dict)
    """Check IDs silenced for findings about the catalogue itself, each with the reason why."""
    response: Response | None = None
    """Where error responses carry the code and message; None: not declared."""
    locations: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def where(self, key: str) -> Location:
        """Where a field ("platform", "response.shapes.0.code", ...) is, else the nearest
        enclosing field, else the catalogue itself."""
        while key:
            if key in self.locations:
                return self.locations[key]
            key = key.rpartition(".")[0]
        return self.locations[""]
