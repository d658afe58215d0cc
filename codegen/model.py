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
    locations: Mapping[str, Location] = field(default_factory=dict, compare=False, repr=False)

    def where(self, key: str) -> Location:
        return self.locations.get(key, self.locations[""])
