"""Stage 3, check: consistency rules over a valid catalogue, in a registry of stable IDs.

Each check is a function from a catalogue to findings, registered with an ID and a default
severity. IDs are a contract: configuration and suppressions name them, so never rename one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from . import naming
from .diagnostics import Diagnostic, Location, Severity
from .model import Catalog, Entry, placeholders

TARGET_NAMES = ("python", "typescript", "go")


@dataclass(frozen=True)
class Finding:
    location: Location
    message: str
    related: Location | None = None


@dataclass(frozen=True)
class Context:
    """What checks know besides the catalogue itself."""

    categories: Mapping[str, str] = field(default_factory=dict)
    """The category taxonomy: name to description."""


CheckFunction = Callable[[Catalog, Context], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    severity: Severity | None
    """The default severity; None: off unless configuration turns it on."""
    summary: str
    run: CheckFunction


CHECKS: dict[str, Check] = {}


def check(
    check_id: str, severity: Severity | None, summary: str
) -> Callable[[CheckFunction], CheckFunction]:
    """Register a check under a stable ID."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[check_id] = Check(check_id, severity, summary, function)
        return function

    return register


# Stage-level IDs, reported by load and validate rather than by a registered function.
BUILTIN = {
    "YAML": "the file is not a valid, plain YAML document (syntax, duplicate keys, anchors, tags, YAML 1.1 ambiguities)",
    "UNREADABLE": "the file cannot be read or is not UTF-8",
    "SCHEMA": "the catalogue does not follow schema/catalog.schema.json",
    "PLATFORM_NAME": "platform differs from the file name",
    "TEXT": "text that a target cannot carry exactly",
}


Severities = Mapping[str, Severity | None]
"""Per check ID, the severity configured for it; None turns the check off."""


def run_checks(
    catalog: Catalog, context: Context | None = None, severities: Severities | None = None
) -> list[Diagnostic]:
    context = context or Context()
    found = []
    for check_id, check in CHECKS.items():
        severity = (severities or {}).get(check_id, check.severity)
        if severity is None:
            continue
        for finding in check.run(catalog, context):
            found.append(
                Diagnostic(check_id, severity, finding.location, finding.message, finding.related)
            )
    return found


def _first_seen(
    entries: Sequence[Entry], key: Callable[[Entry], object]
) -> Iterator[tuple[Entry, Entry]]:
    """Pairs (earlier, later) of entries with the same key, each later entry once."""
    seen: dict[object, Entry] = {}
    for entry in entries:
        k = key(entry)
        if k in seen:
            yield seen[k], entry
        else:
            seen[k] = entry


@check("DUPLICATE_CODE", Severity.ERROR, "a code defined twice")
def duplicate_code(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for first, again in _first_seen(catalog.errors, lambda e: e.code):
        yield Finding(
            again.where("code"),
            f"code {again.code!r} ({again.name}) already defined at {first.where('code')} ({first.name})",
            first.where("code"),
        )


@check("DUPLICATE_NAME", Severity.ERROR, "a name used twice")
def duplicate_name(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for first, again in _first_seen(catalog.errors, lambda e: e.name):
        yield Finding(
            again.where("name"),
            f"name {again.name} (code {again.code!r}) already used at {first.where('name')} (code {first.code!r})",
            first.where("name"),
        )


@check(
    "IDENTIFIER_COLLISION", Severity.ERROR, "two names that become the same identifier in a target"
)
def identifier_collision(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for target in TARGET_NAMES:
        distinct = {e.name: e for e in reversed(catalog.errors)}  # duplicates: DUPLICATE_NAME
        by_identifier: dict[str, Entry] = {}
        for entry in catalog.errors:
            if distinct[entry.name] is not entry:
                continue
            identifier = naming.member_identifier(target, entry.name)
            first = by_identifier.setdefault(identifier, entry)
            if first is not entry:
                yield Finding(
                    entry.where("name"),
                    f"name {entry.name} becomes {target} identifier {identifier}, as does"
                    f" {first.name} at {first.where('name')}",
                    first.where("name"),
                )


@check("RESERVED_NAME", Severity.ERROR, "a name or platform that is a reserved word in a target")
def reserved_name(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for target in TARGET_NAMES:
        module = naming.platform_identifier(target, catalog.platform)
        if module in naming.platform_reserved(target):
            yield Finding(
                catalog.where("platform"),
                f"platform {catalog.platform} becomes {target} module {module!r}, a reserved word",
            )
        reserved = naming.member_reserved(target)
        for entry in catalog.errors:
            identifier = naming.member_identifier(target, entry.name)
            if identifier in reserved:
                yield Finding(
                    entry.where("name"),
                    f"name {entry.name} becomes {target} identifier {identifier}, which is reserved there",
                )


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """Text compared for sameness: NFKC (full- and half-width), case and spacing folded."""
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()


@check("DUPLICATE_MESSAGE", Severity.WARNING, "two codes with the same message text")
def duplicate_message(catalog: Catalog, context: Context) -> Iterator[Finding]:
    seen: dict[tuple[str, str], Entry] = {}
    for entry in catalog.errors:
        for language, text in entry.message.items():
            first = seen.setdefault((language, normalise_text(text)), entry)
            if first is not entry:
                yield Finding(
                    entry.where(f"message.{language}"),
                    f"code {entry.code!r} has the same {language} message as code {first.code!r}"
                    f" at {first.where(f'message.{language}')}: {text!r}",
                    first.where(f"message.{language}"),
                )


@check(
    "PLACEHOLDER_MISMATCH", Severity.ERROR, "placeholders differ between the languages of a text"
)
def placeholder_mismatch(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for entry in catalog.errors:
        for field_name in ("message", "solution"):
            texts = getattr(entry, field_name)
            sets = {language: placeholders(text) for language, text in texts.items()}
            if len(set(sets.values())) > 1:
                shown = "; ".join(
                    f"{lang}: {', '.join('{' + p + '}' for p in sorted(s)) or 'none'}"
                    for lang, s in sets.items()
                )
                yield Finding(
                    entry.where(field_name),
                    f"code {entry.code!r}: {field_name} placeholders differ between languages ({shown})",
                )


@check(
    "UNKNOWN_REPLACEMENT", Severity.ERROR, "deprecated.replaced_by names no entry of the catalogue"
)
def unknown_replacement(catalog: Catalog, context: Context) -> Iterator[Finding]:
    names = {e.name for e in catalog.errors}
    for entry in catalog.errors:
        if entry.deprecated is None or entry.deprecated.replaced_by is None:
            continue
        replacement = entry.deprecated.replaced_by
        if replacement == entry.name:
            yield Finding(
                entry.where("deprecated.replaced_by"), f"{entry.name} is replaced by itself"
            )
        elif replacement not in names:
            yield Finding(
                entry.where("deprecated.replaced_by"),
                f"{entry.name} is replaced by {replacement}, which is not an entry of {catalog.path}",
            )


@check("UNKNOWN_CATEGORY", Severity.ERROR, "a category that is not in the taxonomy")
def unknown_category(catalog: Catalog, context: Context) -> Iterator[Finding]:
    if not context.categories:
        return
    for entry in catalog.errors:
        if entry.category is not None and entry.category not in context.categories:
            known = ", ".join(sorted(context.categories))
            yield Finding(
                entry.where("category"),
                f"category {entry.category!r} of {entry.name} is not in the taxonomy ({known})",
            )


@check("CATEGORY_REQUIRED", None, "an entry without a category (off unless configured)")
def category_required(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for entry in catalog.errors:
        if entry.category is None:
            yield Finding(entry.where(""), f"{entry.name} (code {entry.code!r}) has no category")
