"""Stage 3, check: consistency rules over a valid catalogue, in a registry of stable IDs.

Each check is a function from a catalogue to findings, registered with an ID and a default
severity. IDs are a contract: configuration and suppressions name them, so never rename one.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from .diagnostics import Diagnostic, Location, Severity
from .classify import (
    ABSENT,
    Classifier,
    decode,
    fold,
    match,
    normalise,
    pointer,
    resolve,
    unmatchable,
)
from .model import Catalog, Entry, Example, placeholders
from .targets import languages

T = TypeVar("T")


@dataclass(frozen=True)
class Finding:
    location: Location
    message: str
    related: Location | None = None
    subject: Entry | Catalog | None = None
    """What the finding is about: an entry, or a catalogue as a whole. Its ``suppress``
    field can silence the finding."""


@dataclass(frozen=True)
class Context:
    """What checks know besides the catalogue itself."""

    categories: Mapping[str, str] = field(default_factory=dict)
    """The category taxonomy: name to description."""


CatalogCheck = Callable[[Catalog, Context], Iterator[Finding]]
ProjectCheck = Callable[[Sequence[Catalog], Context], Iterator[Finding]]


@dataclass(frozen=True)
class Check:
    id: str
    severity: Severity | None
    """The default severity; None: off unless configuration turns it on."""
    summary: str
    run: ProjectCheck | None
    """None for the suppression checks, which ``run_checks`` reports itself."""
    each: CatalogCheck | None = None
    """For a check of one catalogue at a time, that check: its findings about a catalogue
    never depend on the others, so that they can be kept with the catalogue."""


CHECKS: dict[str, Check] = {}


def check(
    check_id: str, severity: Severity | None, summary: str
) -> Callable[[CatalogCheck], CatalogCheck]:
    """Register a check of one catalogue at a time under a stable ID."""

    def register(function: CatalogCheck) -> CatalogCheck:
        def each(catalogs: Sequence[Catalog], context: Context) -> Iterator[Finding]:
            for catalog in catalogs:
                yield from function(catalog, context)

        CHECKS[check_id] = Check(check_id, severity, summary, each, function)
        return function

    return register


def project_check(
    check_id: str, severity: Severity | None, summary: str
) -> Callable[[ProjectCheck], ProjectCheck]:
    """Register a check of all catalogues together under a stable ID."""

    def register(function: ProjectCheck) -> ProjectCheck:
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
    "LIMIT": "a catalogue over a configured limit (max_entries, max_text_length)",
}

UNUSED_SUPPRESSION = "UNUSED_SUPPRESSION"
UNKNOWN_SUPPRESSION = "UNKNOWN_SUPPRESSION"
CHECKS[UNUSED_SUPPRESSION] = Check(
    UNUSED_SUPPRESSION, Severity.WARNING, "a suppression that silences nothing", None
)
CHECKS[UNKNOWN_SUPPRESSION] = Check(
    UNKNOWN_SUPPRESSION,
    Severity.ERROR,
    "a suppression naming an unknown check, or one that cannot be suppressed",
    None,
)


Severities = Mapping[str, Severity | None]
"""Per check ID, the severity configured for it; None turns the check off."""

Used = set[tuple[int, str]]
"""Suppressions that silenced a finding in one catalogue: (subject, check ID), the subject 0
for the catalogue itself and n for its n-th entry (from 1)."""


def run_checks(
    catalogs: Sequence[Catalog],
    context: Context | None = None,
    severities: Severities | None = None,
) -> list[Diagnostic]:
    """Every enabled check over ``catalogs``, less the findings their subjects suppress,
    plus a finding for each suppression that is unknown or silenced nothing.

    The same as, in turn, :func:`catalog_checks` of each catalogue, :func:`project_checks`
    of them all and :func:`suppression_checks` of each: the pipeline keeps the first with
    each catalogue, and runs only the others over catalogues that did not change."""
    found: list[Diagnostic] = []
    used: list[Used] = []
    for catalog in catalogs:
        diagnostics, own = catalog_checks(catalog, context, severities)
        found += diagnostics
        used.append(own)
    diagnostics, across = project_checks(catalogs, context, severities)
    found += diagnostics
    for catalog, own, other in zip(catalogs, used, across):
        found += suppression_checks(catalog, own | other, severities)
    return found


def _severity(check_id: str, severities: Severities | None) -> Severity | None:
    return (severities or {}).get(check_id, CHECKS[check_id].severity)


def _subjects(catalog: Catalog) -> dict[int, int]:
    """Each subject of ``catalog`` (by identity) as the number :data:`Used` names it by."""
    return {id(subject): n for n, subject in enumerate((catalog, *catalog.errors))}


def catalog_checks(
    catalog: Catalog, context: Context | None = None, severities: Severities | None = None
) -> tuple[list[Diagnostic], Used]:
    """The enabled checks of one catalogue at a time over ``catalog``, less what it
    suppresses, and the suppressions that silenced something."""
    context = context or Context()
    found, used = [], set()
    subjects: dict[int, int] | None = None
    for check_id, check in CHECKS.items():
        severity = _severity(check_id, severities)
        if severity is None or check.each is None:
            continue
        for finding in check.each(catalog, context):
            subject = finding.subject
            if subject is not None and check_id in subject.suppress:
                subjects = subjects or _subjects(catalog)
                used.add((subjects[id(subject)], check_id))
                continue
            found.append(
                Diagnostic(check_id, severity, finding.location, finding.message, finding.related)
            )
    return found, used


def project_checks(
    catalogs: Sequence[Catalog],
    context: Context | None = None,
    severities: Severities | None = None,
) -> tuple[list[Diagnostic], list[Used]]:
    """The enabled checks of all catalogues together, less what their subjects suppress,
    and for each catalogue the suppressions that silenced something."""
    context = context or Context()
    found = []
    used: list[Used] = [set() for _ in catalogs]
    owners: dict[int, tuple[int, int]] = {}
    for position, catalog in enumerate(catalogs):
        for identity, n in _subjects(catalog).items():
            owners[identity] = (position, n)
    for check_id, check in CHECKS.items():
        severity = _severity(check_id, severities)
        if severity is None or check.run is None or check.each is not None:
            continue
        for finding in check.run(catalogs, context):
            subject = finding.subject
            if subject is not None and check_id in subject.suppress:
                position, n = owners[id(subject)]
                used[position].add((n, check_id))
                continue
            found.append(
                Diagnostic(check_id, severity, finding.location, finding.message, finding.related)
            )
    return found, used


def suppression_checks(
    catalog: Catalog, used: Used, severities: Severities | None = None
) -> list[Diagnostic]:
    """A finding for each suppression of ``catalog`` that is unknown, of a check that cannot
    be suppressed, or that silenced nothing (``used``: those that silenced something)."""
    enabled = {
        check_id
        for check_id, check in CHECKS.items()
        if check.run is not None and _severity(check_id, severities) is not None
    }
    found = []
    for finding, check_id in _suppression_findings(catalog, used, enabled):
        severity = _severity(check_id, severities)
        if severity is not None:
            found.append(Diagnostic(check_id, severity, finding.location, finding.message))
    return found


def _suppression_findings(
    catalog: Catalog, used: Used, enabled: set[str]
) -> Iterator[tuple[Finding, str]]:
    unsuppressible = {UNUSED_SUPPRESSION, UNKNOWN_SUPPRESSION, *BUILTIN}
    subjects: list[Entry | Catalog] = [catalog, *catalog.errors]
    for n, subject in enumerate(subjects):
        for check_id in subject.suppress:
            where = subject.where(f"suppress.{check_id}")
            if check_id in unsuppressible:
                yield Finding(where, f"{check_id} cannot be suppressed"), UNKNOWN_SUPPRESSION
            elif check_id not in CHECKS:
                yield Finding(
                    where,
                    f"suppression of unknown check {check_id} (`codegen checks` lists them)",
                ), UNKNOWN_SUPPRESSION
            elif check_id in enabled and (n, check_id) not in used:
                what = subject.name if isinstance(subject, Entry) else "the catalogue"
                yield Finding(
                    where,
                    f"suppression of {check_id} silences nothing in {what}: remove it",
                ), UNUSED_SUPPRESSION


def _first_seen(items: Sequence[T], key: Callable[[T], object]) -> Iterator[tuple[T, T]]:
    """Pairs (earlier, later) of items with the same key, each later item once."""
    seen: dict[object, T] = {}
    for item in items:
        k = key(item)
        if k in seen:
            yield seen[k], item
        else:
            seen[k] = item


@check("DUPLICATE_CODE", Severity.ERROR, "a code defined twice")
def duplicate_code(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for first, again in _first_seen(catalog.errors, lambda e: e.code):
        yield Finding(
            again.where("code"),
            f"code {again.code!r} ({again.name}) already defined at {first.where('code')} ({first.name})",
            first.where("code"),
            again,
        )


@dataclass(frozen=True)
class _Name:
    """A name an entry answers to: its own, or one of its aliases (``key`` 'aliases.0')."""

    text: str
    entry: Entry
    key: str

    @property
    def where(self) -> Location:
        return self.entry.where(self.key)

    def role(self) -> str:
        """What this name is to its entry: 'the name of code 1', 'an alias of A (code 1)'."""
        if self.key == "name":
            return f"the name of code {self.entry.code!r}"
        return f"an alias of {self.entry.name} (code {self.entry.code!r})"

    def describe(self) -> str:
        if self.key == "name":
            return f"name {self.text} (code {self.entry.code!r})"
        return f"alias {self.text} of {self.entry.name} (code {self.entry.code!r})"


def _names(catalog: Catalog) -> list[_Name]:
    return [
        name
        for entry in catalog.errors
        for name in (
            _Name(entry.name, entry, "name"),
            *(_Name(alias, entry, f"aliases.{i}") for i, alias in enumerate(entry.aliases)),
        )
    ]


@check("DUPLICATE_NAME", Severity.ERROR, "a name or alias used twice")
def duplicate_name(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for first, again in _first_seen(_names(catalog), lambda n: n.text):
        yield Finding(
            again.where,
            f"{again.describe()} is already {first.role()} at {first.where}",
            first.where,
            again.entry,
        )


@check(
    "IDENTIFIER_COLLISION", Severity.ERROR, "two names that become the same identifier in a target"
)
def identifier_collision(catalog: Catalog, context: Context) -> Iterator[Finding]:
    names = _names(catalog)
    distinct = {n.text: n for n in reversed(names)}  # duplicates: DUPLICATE_NAME
    for target in languages():
        assert target.naming is not None
        by_identifier: dict[str, _Name] = {}
        for name in names:
            if distinct[name.text] is not name:
                continue
            identifier = target.naming.member(name.text)
            first = by_identifier.setdefault(identifier, name)
            if first is not name:
                yield Finding(
                    name.where,
                    f"{name.describe()} becomes {target.name} identifier {identifier}, as does"
                    f" {first.describe()} at {first.where}",
                    first.where,
                    name.entry,
                )


@check("RESERVED_NAME", Severity.ERROR, "a name or platform that is a reserved word in a target")
def reserved_name(catalog: Catalog, context: Context) -> Iterator[Finding]:
    names = _names(catalog)
    for target in languages():
        rules = target.naming
        assert rules is not None
        module = rules.platform(catalog.platform)
        if module in rules.platform_reserved:
            yield Finding(
                catalog.where("platform"),
                f"platform {catalog.platform} becomes {target.name} {rules.platform_kind}"
                f" {module!r}, a reserved word",
                subject=catalog,
            )
        for what, name_of in rules.aggregates:
            if name_of(catalog.platform) in rules.aggregate_reserved:
                yield Finding(
                    catalog.where("platform"),
                    f"platform {catalog.platform} becomes {target.name} {what}"
                    f" {name_of(catalog.platform)}, which the generated package defines itself",
                    subject=catalog,
                )
        for name in names:
            identifier = rules.member(name.text)
            if identifier in rules.member_reserved:
                yield Finding(
                    name.where,
                    f"{name.describe()} becomes {target.name} identifier {identifier}, which is"
                    " reserved there",
                    subject=name.entry,
                )


@check("REMOVED_CODE_REUSED", Severity.ERROR, "a removed (reserved) code or name defined again")
def removed_code_reused(catalog: Catalog, context: Context) -> Iterator[Finding]:
    if not catalog.reserved:
        return
    codes = {t.code: t for t in catalog.reserved}
    names = {t.name: t for t in catalog.reserved if t.name is not None}
    for entry in catalog.errors:
        if entry.code in codes:
            tombstone = codes[entry.code]
            yield Finding(
                entry.where("code"),
                f"code {entry.code!r} ({entry.name}) was removed and is reserved at"
                f" {tombstone.location} ({tombstone.reason}): a removed code must not come back"
                " with another meaning; choose a new code",
                tombstone.location,
                entry,
            )
    for name in _names(catalog):
        if name.text in names and names[name.text].code != name.entry.code:
            tombstone = names[name.text]
            yield Finding(
                name.where,
                f"{name.describe()} was the name of removed code {tombstone.code!r}, reserved at"
                f" {tombstone.location}: choose another name",
                tombstone.location,
                name.entry,
            )


def normalise_text(text: str) -> str:
    """Text compared for sameness. NFKC folds full- and half-width forms (``Ａ``, ``，``) and
    compatibility characters; case is folded; every run of punctuation and whitespace becomes
    one space, and leading and trailing ones go. So "Invalid  grant_type." equals
    "invalid grant type" and "参数错误。" equals "参数错误"."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().translate(_SEPARATORS).split())


class _Separators(dict[int, str]):
    """A ``str.translate`` table, filled as characters are met: punctuation (Unicode
    categories P*) becomes a space, any other character stays itself."""

    def __missing__(self, codepoint: int) -> str:
        char = chr(codepoint)
        self[codepoint] = " " if unicodedata.category(char).startswith("P") else char
        return self[codepoint]


_SEPARATORS = _Separators()


def same_meaning(a: Entry, b: Entry) -> bool:
    """Whether two entries mean the same: in some language both have, their messages are equal
    once normalised. Without a language in common nothing shows they agree, so they differ."""
    return any(
        normalise_text(a.message[language]) == normalise_text(b.message[language])
        for language in a.message.keys() & b.message.keys()
    )


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
                    entry,
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
                    subject=entry,
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
                entry.where("deprecated.replaced_by"),
                f"{entry.name} is replaced by itself",
                subject=entry,
            )
        elif replacement not in names:
            yield Finding(
                entry.where("deprecated.replaced_by"),
                f"{entry.name} is replaced by {replacement}, which is not an entry of {catalog.path}",
                subject=entry,
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
                subject=entry,
            )


@check("CATEGORY_REQUIRED", None, "an entry without a category (off unless configured)")
def category_required(catalog: Catalog, context: Context) -> Iterator[Finding]:
    for entry in catalog.errors:
        if entry.category is None:
            yield Finding(
                entry.where(""),
                f"{entry.name} (code {entry.code!r}) has no category",
                subject=entry,
            )


# --- Classification of responses ----------------------------------------------------------


@check("PATTERN_UNMATCHABLE", Severity.ERROR, "a message pattern that cannot match as intended")
def pattern_unmatchable(catalog: Catalog, context: Context) -> Iterator[Finding]:
    reads_messages = catalog.response is not None and any(
        shape.message is not None for shape in catalog.response.shapes
    )
    for entry in catalog.errors:
        for index, text in enumerate(entry.match.messages):
            why = unmatchable(text)
            if why is None and not reads_messages:
                why = "no response shape has a message pointer to match it against"
            if why is not None:
                yield Finding(
                    entry.where(f"match.messages.{index}"),
                    f"{entry.name}: pattern {text!r} can never classify a response: {why}",
                    subject=entry,
                )


def _examples(catalog: Catalog) -> Iterator[tuple[Entry, int, Example]]:
    for entry in catalog.errors:
        for index, example in enumerate(entry.examples):
            yield entry, index, example


@check("EXAMPLE_MISCLASSIFIED", Severity.ERROR, "an example that classifies elsewhere or nowhere")
def example_misclassified(catalog: Catalog, context: Context) -> Iterator[Finding]:
    if not any(entry.examples for entry in catalog.errors):
        return
    classifier = Classifier(catalog)
    by_code = {entry.code: entry for entry in catalog.errors}
    for entry, index, example in _examples(catalog):
        if example.text is not None:
            result = classifier.classify_text(example.status, example.text)
        else:
            result = classifier.classify(example.status, example.body)
        where = entry.where(f"examples.{index}")
        if result is None:
            yield Finding(
                where, f"{entry.name}: example {index + 1} classifies to no entry", None, entry
            )
        elif result.code != entry.code:
            other = by_code[result.code]
            yield Finding(
                where,
                f"{entry.name}: example {index + 1} classifies to {other.name}"
                f" ({result.code!r}) by {result.how}",
                other.where(""),
                entry,
            )
        elif example.params is not None and dict(result.params) != dict(example.params):
            yield Finding(
                entry.where(f"examples.{index}.params"),
                f"{entry.name}: example {index + 1} yields parameters {dict(result.params)},"
                f" not {dict(example.params)}",
                subject=entry,
            )


@check("PATTERN_AMBIGUOUS", Severity.WARNING, "patterns of two entries match the same example")
def pattern_ambiguous(catalog: Catalog, context: Context) -> Iterator[Finding]:
    if not any(entry.examples for entry in catalog.errors):
        return
    classifier = Classifier(catalog)
    for entry, index, example in _examples(catalog):
        body = decode(example.text) if example.text is not None else example.body
        _, message = classifier.read(body)
        if message is None:
            continue
        normal = normalise(message)
        folded = fold(normal)
        matched = {
            pattern.code: pattern
            for pattern in classifier.rules.patterns
            if match(pattern, normal, folded) is not None
        }
        for code, pattern in matched.items():
            if code == entry.code or len(matched) < 2:
                continue
            other = next(e for e in catalog.errors if e.code == code)
            yield Finding(
                entry.where(f"examples.{index}"),
                f"{entry.name}: the message of example {index + 1} is matched by patterns of"
                f" {len(matched)} entries: also by {other.name}'s {pattern.source!r}",
                other.where(""),
                entry,
            )


@check("RESPONSE_POINTER_UNUSED", Severity.WARNING, "a response pointer that no example has")
def response_pointer_unused(catalog: Catalog, context: Context) -> Iterator[Finding]:
    response = catalog.response
    bodies = [
        decode(example.text) if example.text is not None else example.body
        for _, _, example in _examples(catalog)
    ]
    bodies = [body for body in bodies if body is not None]
    if response is None or not bodies:
        return
    for index, shape in enumerate(response.shapes):
        for kind in ("code", "message"):
            written = getattr(shape, kind)
            tokens = pointer(written)
            if tokens is None or any(resolve(body, tokens) is not ABSENT for body in bodies):
                continue
            yield Finding(
                catalog.where(f"response.shapes.{index}.{kind}"),
                f"response shape {shape.name}: no example has a {kind} at {written!r}",
                subject=catalog,
            )


# --- Across catalogues ---------------------------------------------------------------------


def _describe(catalog: Catalog, entry: Entry) -> str:
    return f"{entry.name} at {entry.where('code')} (platform {catalog.platform}: {entry.default_message!r})"


Definition = tuple[Catalog, Entry]


@dataclass(frozen=True)
class _Shared:
    """A definition of a code that an earlier catalogue (in path order) also defines."""

    catalog: Catalog
    entry: Entry
    first: Definition
    """The earlier definition it is compared with: the first with the same meaning, if any."""
    same: bool


def _shared_codes(catalogs: Sequence[Catalog], same_space: bool) -> Iterator[_Shared]:
    """Each later definition of a shared code, compared with the earlier ones of its own code
    space when ``same_space``, else with those of independent catalogues (when no catalogue
    of its own space came first)."""
    if len(catalogs) < 2:
        return
    by_code: dict[object, list[Definition]] = {}
    for catalog in sorted(catalogs, key=lambda c: c.path):
        for entry in catalog.errors:
            by_code.setdefault(entry.code, []).append((catalog, entry))
    for definitions in by_code.values():
        for i, (catalog, entry) in enumerate(definitions):
            earlier = [(c, e) for c, e in definitions[:i] if c is not catalog]
            space = catalog.code_space
            in_space = [(c, e) for c, e in earlier if space is not None and c.code_space == space]
            compared = in_space if same_space else ([] if in_space else earlier)
            if compared:
                same = next(((c, e) for c, e in compared if same_meaning(entry, e)), None)
                yield _Shared(catalog, entry, same or compared[0], same is not None)


@project_check(
    "CODE_CONFLICT", Severity.ERROR, "one code with two meanings in catalogues of one code space"
)
def code_conflict(catalogs: Sequence[Catalog], context: Context) -> Iterator[Finding]:
    for shared in _shared_codes(catalogs, same_space=True):
        if not shared.same:
            entry, (first_catalog, first) = shared.entry, shared.first
            yield Finding(
                entry.where("code"),
                f"code {entry.code!r} ({entry.name}: {entry.default_message!r}) means something"
                f" else in code space {shared.catalog.code_space}:"
                f" {_describe(first_catalog, first)}{_no_common_language(entry, first)}",
                first.where("code"),
                entry,
            )


@project_check(
    "CODE_DUPLICATE",
    Severity.WARNING,
    "one code defined with the same meaning in two catalogues of one code space",
)
def code_duplicate(catalogs: Sequence[Catalog], context: Context) -> Iterator[Finding]:
    owners = {c.platform: c for c in catalogs}
    for shared in _shared_codes(catalogs, same_space=True):
        if not shared.same:
            continue
        entry, (first_catalog, first) = shared.entry, shared.first
        space = shared.catalog.code_space
        owner = owners.get(space or "")
        if owner is not None and owner.code_space == space and owner is not shared.catalog:
            advice = f"define it once, in {owner.path}, the catalogue of code space {space}"
        else:
            advice = f"keep the definition in {first_catalog.path} and remove this one"
        yield Finding(
            entry.where("code"),
            f"code {entry.code!r} ({entry.name}) is already defined with the same meaning in code"
            f" space {space}: {_describe(first_catalog, first)}; {advice}",
            first.where("code"),
            entry,
        )


@project_check(
    "SHARED_CODE_CONFLICT",
    Severity.INFO,
    "one code with two meanings on independent platforms (no common code space)",
)
def shared_code_conflict(catalogs: Sequence[Catalog], context: Context) -> Iterator[Finding]:
    for shared in _shared_codes(catalogs, same_space=False):
        if not shared.same:
            entry, (first_catalog, first) = shared.entry, shared.first
            yield Finding(
                entry.where("code"),
                f"code {entry.code!r} ({entry.name}) of platform {shared.catalog.platform} means"
                f" something else on platform {first_catalog.platform}:"
                f" {_describe(first_catalog, first)}{_no_common_language(entry, first)}",
                first.where("code"),
                entry,
            )


@project_check(
    "SHARED_CODE_DUPLICATE",
    Severity.INFO,
    "one code with the same meaning on independent platforms (no common code space)",
)
def shared_code_duplicate(catalogs: Sequence[Catalog], context: Context) -> Iterator[Finding]:
    for shared in _shared_codes(catalogs, same_space=False):
        if shared.same:
            entry, (first_catalog, first) = shared.entry, shared.first
            yield Finding(
                entry.where("code"),
                f"code {entry.code!r} ({entry.name}) of platform {shared.catalog.platform} means"
                f" the same on platform {first_catalog.platform}: {_describe(first_catalog, first)}",
                first.where("code"),
                entry,
            )


def _no_common_language(a: Entry, b: Entry) -> str:
    if a.message.keys() & b.message.keys():
        return ""
    return (
        f" (no message language in common: {', '.join(sorted(a.message))} here,"
        f" {', '.join(sorted(b.message))} there, so they cannot be compared)"
    )


@project_check("DUPLICATE_PLATFORM", Severity.ERROR, "two catalogues claiming one platform name")
def duplicate_platform(catalogs: Sequence[Catalog], context: Context) -> Iterator[Finding]:
    for first, again in _first_seen(sorted(catalogs, key=lambda c: c.path), lambda c: c.platform):
        yield Finding(
            again.where("platform"),
            f"platform {again.platform} is already claimed by {first.path}",
            first.where("platform"),
            again,
        )


@project_check(
    "PLATFORM_COLLISION",
    Severity.ERROR,
    "two platforms that become the same module, package or exported name in a target",
)
def platform_collision(catalogs: Sequence[Catalog], context: Context) -> Iterator[Finding]:
    distinct = {c.platform: c for c in sorted(catalogs, key=lambda c: c.path, reverse=True)}
    aggregates = [
        (target.name, what, name_of)
        for target in languages()
        if target.naming is not None
        for what, name_of in target.naming.aggregates
    ]
    reported: set[tuple[str, str, str]] = set()
    for target, what, name_of in aggregates:
        claimed: dict[str, Catalog] = {}
        for catalog in sorted(distinct.values(), key=lambda c: c.path):
            identifier = name_of(catalog.platform)
            first = claimed.setdefault(identifier, catalog)
            # Once per language and pair: an enum class that collides takes its module's
            # name with it.
            pair = (target, first.platform, catalog.platform)
            if first is not catalog and pair not in reported:
                reported.add(pair)
                yield Finding(
                    catalog.where("platform"),
                    f"platform {catalog.platform} becomes {target} {what} {identifier}, as does"
                    f" platform {first.platform} ({first.path})",
                    first.where("platform"),
                    catalog,
                )
