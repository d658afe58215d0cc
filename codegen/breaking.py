"""Breaking changes: the catalogues at a git revision (or in a directory) against the working
tree, judged by what the code that uses the generated enums would suffer.

``if err == weex.InvalidAccessKey`` breaks when a code is removed, renumbered or renamed, when
its platform goes, or when the placeholders its caller fills change; it keeps working when a
code is added or its text reworded. Each rule has a stable ID and a default severity that
``[tool.codegen.severity]`` may change, as for the checks.

What breaks nothing is still a change: codes and platforms added, codes deprecated, renamed
with their old name kept. Those are rules of severity info, so that one comparison serves both
``breaking`` and the release notes of ``changelog``, and each change carries its facts
(platform, entry, what changed, before and after) besides the message for reviewers.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .source import CATALOG_SUFFIXES, InputError, catalog_files, display, read_input
from .diagnostics import Diagnostic, Location, Severity
from .model import Catalog, Code, Entry, Shape, placeholders
from .targets import languages


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity | None
    summary: str


RULES = {
    rule.id: rule
    for rule in (
        Rule("PLATFORM_REMOVED", Severity.ERROR, "a platform (catalogue) removed"),
        Rule("PLATFORM_RENAMED", Severity.ERROR, "a platform renamed: every module name changes"),
        Rule("CODE_TYPE_CHANGED", Severity.ERROR, "code_type changed between integer and string"),
        Rule(
            "CODE_REMOVED",
            Severity.ERROR,
            "a code removed that was not deprecated in the base, nor kept under reserved",
        ),
        Rule("CODE_RENUMBERED", Severity.ERROR, "a name that now stands for another code"),
        Rule(
            "NAME_CHANGED",
            Severity.ERROR,
            "a code renamed without keeping the old name in aliases",
        ),
        Rule("PLACEHOLDERS_CHANGED", Severity.ERROR, "the placeholders of a text changed"),
        Rule("LANGUAGE_REMOVED", Severity.ERROR, "a language dropped from a message or solution"),
        Rule("HTTP_STATUS_CHANGED", Severity.WARNING, "http_status changed"),
        Rule("RETRYABLE_CHANGED", Severity.WARNING, "retryable changed"),
        Rule("CATEGORY_CHANGED", Severity.WARNING, "category changed"),
        Rule(
            "RESPONSE_SHAPE_CHANGED",
            Severity.WARNING,
            "a response shape removed, or where it reads the code or message changed",
        ),
        Rule(
            "MATCH_PATTERN_REMOVED",
            Severity.WARNING,
            "a message pattern removed: responses it classified go elsewhere or nowhere",
        ),
        Rule(
            "MATCH_STATUS_REMOVED",
            Severity.WARNING,
            "an HTTP status removed from match.statuses: such responses go unclassified",
        ),
        Rule("ALIAS_REMOVED", Severity.INFO, "an alias (deprecated name) removed"),
        Rule("TEXT_CHANGED", Severity.INFO, "a message or solution reworded"),
        Rule("PLATFORM_ADDED", Severity.INFO, "a platform (catalogue) added"),
        Rule("CODE_ADDED", Severity.INFO, "a code added"),
        Rule("CODE_DEPRECATED", Severity.INFO, "a code deprecated"),
        Rule("CODE_UNDEPRECATED", Severity.INFO, "a code no longer deprecated"),
        Rule("CODE_RENAMED", Severity.INFO, "a code renamed, its old name kept in aliases"),
        Rule(
            "CODE_RETIRED",
            Severity.INFO,
            "a code removed that was deprecated in the base, or kept under reserved",
        ),
        Rule("TEXT_ADDED", Severity.INFO, "a message or solution added in a language"),
        Rule("MATCH_PATTERN_ADDED", Severity.INFO, "a message pattern added"),
        Rule("MATCH_STATUS_ADDED", Severity.INFO, "an HTTP status added to match.statuses"),
        Rule("RESPONSE_SHAPE_ADDED", Severity.INFO, "a response shape added"),
    )
}


class BaseError(Exception):
    """The base revision or directory cannot be read; the CLI exits with status 2."""


def base_inputs(
    against: str, catalogs: Path, root: Path, max_bytes: int | None = None
) -> list[tuple[str, bytes]]:
    """The catalogue files of the base: ``against`` is a directory of catalogues or a git
    revision, read from the same directory of the repository as ``catalogs``. Files are named
    ``REV:path`` (path from the repository's top) or by their path from ``root``. Having
    nothing to compare with is an error, never "no breaking change"."""
    if not against.strip():
        raise BaseError("--against needs a git revision or a directory of catalogues")
    directory = Path(against)
    if directory.is_dir():
        inputs = []
        for path in catalog_files(directory):
            try:
                inputs.append((display(path, root), read_input(path, max_bytes)))
            except InputError as exc:
                raise BaseError(f"{display(path, root)}: {exc}") from None
        if not inputs:
            raise BaseError(
                f"{against} holds no catalogues (*.yaml, *.yml): nothing to compare with"
            )
        return inputs
    top = _git(catalogs, "rev-parse", "--show-toplevel").strip()
    if not top:
        raise BaseError(
            f"{against} is not a directory, and the catalogues are not in a git repository"
        )
    if against.startswith("-") or not _git(
        catalogs, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{against}^{{commit}}"
    ):
        raise BaseError(f"{against} is neither a directory nor a git revision")
    prefix = catalogs.resolve().relative_to(Path(top).resolve()).as_posix()
    listed = _git(Path(top), "ls-tree", "-z", "-l", against, "--", f"{prefix}/")
    inputs = []
    for line in sorted(filter(None, listed.split("\0"))):
        info, _, name = line.partition("\t")
        mode, kind, obj, size = info.split()
        if not name.endswith(CATALOG_SUFFIXES):
            continue
        shown = f"{against}:{name}"
        # As in the working tree: regular files only (no link, no submodule), bounded.
        if kind != "blob" or mode not in ("100644", "100755"):
            raise BaseError(f"{shown} is not a regular file")
        if max_bytes is not None and int(size) > max_bytes:
            raise BaseError(f"{shown} is over the limit of {max_bytes:,} bytes (max_file_bytes)")
        import subprocess

        data = subprocess.run(
            ["git", "-C", top, "cat-file", "blob", obj], capture_output=True, check=True
        ).stdout
        inputs.append((shown, data))
    if not inputs:
        raise BaseError(
            f"{against} has no catalogues in {prefix}/: nothing to compare with"
            " (is it the right revision?)"
        )
    return inputs


def _git(where: Path, *args: str) -> str:
    import subprocess

    result = subprocess.run(
        ["git", "-C", str(where), *args], capture_output=True, text=True, errors="surrogateescape"
    )
    return result.stdout if result.returncode == 0 else ""


Value = str | int | bool | None
"""A value before or after a change, as the catalogue has it (None: unset, absent)."""


@dataclass(frozen=True)
class Change:
    """One change: the rule that names it, where it is, a message for reviewers, and the
    facts release notes are written from."""

    rule: str
    location: Location
    message: str
    platform: str = ""
    """The platform it is in: the head's name, the base's for a platform removed."""
    entry: Entry | None = field(default=None, compare=False, repr=False)
    """The entry it is about: the head's, the base's when the code is gone; None for a
    change to the platform."""
    subject: str = ""
    """What changed: a field (``message.en``, ``http_status``), ``response.<shape>``..."""
    before: Value = None
    after: Value = None


def compare(base: Sequence[Catalog], head: Sequence[Catalog]) -> list[Change]:
    """Every change from ``base`` to ``head`` that a rule names, in a stable order: the base's
    platforms in its order, then those added in the head's."""
    changes: list[Change] = []
    old = {c.platform: c for c in base}
    new = {c.platform: c for c in head}
    renamed = set()
    for platform, catalog in old.items():
        if platform in new:
            found = _compare_catalogs(catalog, new[platform])
            changes += [replace(change, platform=platform) for change in found]
        else:
            gone = _platform_gone(catalog, [c for p, c in new.items() if p not in old])
            renamed.add(gone.platform)
            changes.append(gone)
    for platform, catalog in new.items():
        if platform not in old and platform not in renamed:
            changes.append(
                Change(
                    "PLATFORM_ADDED",
                    catalog.where("platform"),
                    f"platform {platform} was added with {len(catalog.errors)} codes",
                    platform,
                    after=len(catalog.errors),
                )
            )
    return changes


def _platform_gone(catalog: Catalog, added: list[Catalog]) -> Change:
    codes = {e.code for e in catalog.errors}
    for candidate in added:
        if len(codes & {e.code for e in candidate.errors}) * 2 >= len(codes):
            return Change(
                "PLATFORM_RENAMED",
                candidate.where("platform"),
                f"platform {catalog.platform} is now {candidate.platform}: every import changes"
                f" ({_platform_names(catalog.platform)}); keep {catalog.platform}.yaml as it was",
                candidate.platform,
                subject="platform",
                before=catalog.platform,
                after=candidate.platform,
            )
    return Change(
        "PLATFORM_REMOVED",
        catalog.where("platform"),
        f"platform {catalog.platform} was removed with its {len(catalog.errors)} codes",
        catalog.platform,
        before=len(catalog.errors),
    )


def _platform_names(platform: str) -> str:
    """What a platform is called where all platforms meet, in every language."""
    return ", ".join(
        f"{target.name} {kind} {name_of(platform)}"
        for target in languages()
        if target.naming is not None
        for kind, name_of in target.naming.aggregates
    )


def _compare_catalogs(old: Catalog, new: Catalog) -> Iterator[Change]:
    if old.code_type != new.code_type:
        yield Change(
            "CODE_TYPE_CHANGED",
            new.where("code_type"),
            f"code_type changed from {old.code_type} to {new.code_type}: every code changes type",
            subject="code_type",
            before=old.code_type,
            after=new.code_type,
        )
        return
    yield from _compare_shapes(old, new)
    by_code = {e.code: e for e in new.errors}
    by_name = {name: e for e in new.errors for name in (e.name, *e.aliases)}
    reserved = {t.code: t for t in new.reserved}
    renumbered: set[Code] = set()
    for before in old.errors:
        after = by_code.get(before.code)
        if after is not None:
            yield from _compare_entries(before, after)
            continue
        moved = by_name.get(before.name)
        tombstone = reserved.get(before.code)
        if moved is not None:
            renumbered.add(moved.code)
            yield Change(
                "CODE_RENUMBERED",
                moved.where("code"),
                f"{before.name} was code {before.code!r} and is now {moved.code!r}: code that"
                f" compares with {before.name} no longer matches {before.code!r}; keep"
                f" {before.code!r} and give the new code a new name",
                entry=moved,
                subject="code",
                before=before.code,
                after=moved.code,
            )
        elif before.deprecated is None and tombstone is None:
            yield Change(
                "CODE_REMOVED",
                before.where("code"),
                f"code {before.code!r} ({before.name}) was removed: deprecate it for a release"
                f" first, or keep it under reserved: with the reason",
                entry=before,
                subject="code",
                before=before.code,
            )
        elif tombstone is not None:
            yield Change(
                "CODE_RETIRED",
                tombstone.location,
                f"code {before.code!r} ({before.name}) was removed and is reserved:"
                f" {tombstone.reason!r}",
                entry=before,
                subject="reserved",
                before=before.code,
                after=tombstone.reason,
            )
        else:
            yield Change(
                "CODE_RETIRED",
                before.where("code"),
                f"code {before.code!r} ({before.name}) was removed after its deprecation",
                entry=before,
                subject="deprecated",
                before=before.code,
            )
    known = {e.code for e in old.errors} | renumbered
    for after in new.errors:
        if after.code not in known:
            yield Change(
                "CODE_ADDED",
                after.where("code"),
                f"code {after.code!r} ({after.name}) was added",
                entry=after,
                subject="code",
                after=after.code,
            )


def _compare_shapes(old: Catalog, new: Catalog) -> Iterator[Change]:
    """Callers of the generated classify() get nothing from a shape that is gone."""
    shapes = {} if new.response is None else {s.name: s for s in new.response.shapes}
    before = {} if old.response is None else {s.name: s for s in old.response.shapes}
    for shape in before.values():
        now = shapes.get(shape.name)
        subject = f"response.{shape.name}"
        if now is None:
            yield Change(
                "RESPONSE_SHAPE_CHANGED",
                new.where("response"),
                f"response shape {shape.name} was removed: responses of that shape go unclassified",
                subject=subject,
                before=_shape(shape),
            )
        elif now != shape:
            yield Change(
                "RESPONSE_SHAPE_CHANGED",
                new.where("response"),
                f"response shape {shape.name} changed from code {shape.code!r} ({shape.code_format}),"
                f" message {shape.message!r} to code {now.code!r} ({now.code_format}),"
                f" message {now.message!r}",
                subject=subject,
                before=_shape(shape),
                after=_shape(now),
            )
    for shape in shapes.values():
        if shape.name not in before:
            yield Change(
                "RESPONSE_SHAPE_ADDED",
                new.where("response"),
                f"response shape {shape.name} was added: code {shape.code!r}"
                f" ({shape.code_format}), message {shape.message!r}",
                subject=f"response.{shape.name}",
                after=_shape(shape),
            )


def _shape(shape: Shape) -> str:
    """Where a shape reads the code and the message, in words."""
    code = "none" if shape.code is None else f"{shape.code or '(the body)'} ({shape.code_format})"
    message = "none" if shape.message is None else shape.message or "(the body)"
    return f"code {code}, message {message}"


def _compare_entries(before: Entry, after: Entry) -> Iterator[Change]:
    code = f"code {after.code!r}"
    if before.name != after.name and before.name not in after.aliases:
        identifiers = ", ".join(
            f"{target.name} {target.naming.member(before.name)}"
            for target in languages()
            if target.naming is not None
        )
        yield Change(
            "NAME_CHANGED",
            after.where("name"),
            f"{code} was {before.name} and is now {after.name}: {identifiers} no longer exist;"
            f" keep the old name with aliases: [{before.name}]",
            entry=after,
            subject="name",
            before=before.name,
            after=after.name,
        )
    elif before.name != after.name:
        yield Change(
            "CODE_RENAMED",
            after.where("name"),
            f"{code} was {before.name} and is now {after.name}; {before.name} stays, deprecated",
            entry=after,
            subject="name",
            before=before.name,
            after=after.name,
        )
    kept = {after.name, *after.aliases}
    for alias in before.aliases:
        if alias not in kept:
            yield Change(
                "ALIAS_REMOVED",
                after.where("name"),
                f"{code} ({after.name}) no longer answers to its deprecated alias {alias}",
                entry=after,
                subject="aliases",
                before=alias,
            )
    if before.deprecated is None and after.deprecated is not None:
        yield Change(
            "CODE_DEPRECATED",
            after.where("deprecated"),
            f"{code} ({after.name}) is deprecated: {after.deprecated.reason!r}",
            entry=after,
            subject="deprecated",
            after=after.deprecated.reason,
        )
    elif before.deprecated is not None and after.deprecated is None:
        yield Change(
            "CODE_UNDEPRECATED",
            after.where("code"),
            f"{code} ({after.name}) is no longer deprecated",
            entry=after,
            subject="deprecated",
            before=before.deprecated.reason,
        )
    for field_name in ("message", "solution"):
        old_texts, new_texts = getattr(before, field_name), getattr(after, field_name)
        for language in sorted(old_texts.keys() - new_texts.keys()):
            yield Change(
                "LANGUAGE_REMOVED",
                after.where(field_name) if new_texts else after.where(""),
                f"{code} ({after.name}) lost its {field_name} in {language}",
                entry=after,
                subject=f"{field_name}.{language}",
                before=old_texts[language],
            )
        for language in sorted(new_texts.keys() - old_texts.keys()):
            yield Change(
                "TEXT_ADDED",
                after.where(f"{field_name}.{language}"),
                f"{code} ({after.name}) has a {field_name} in {language}:"
                f" {new_texts[language]!r}",
                entry=after,
                subject=f"{field_name}.{language}",
                after=new_texts[language],
            )
        old_marks = frozenset().union(*map(placeholders, old_texts.values()))
        new_marks = frozenset().union(*map(placeholders, new_texts.values()))
        if old_marks != new_marks:
            yield Change(
                "PLACEHOLDERS_CHANGED",
                after.where(field_name),
                f"{code} ({after.name}) {field_name} placeholders changed from"
                f" {_braces(old_marks)} to {_braces(new_marks)}: callers fill them in",
                entry=after,
                subject=field_name,
                before=_braces(old_marks),
                after=_braces(new_marks),
            )
        for language in sorted(old_texts.keys() & new_texts.keys()):
            if old_texts[language] != new_texts[language]:
                yield Change(
                    "TEXT_CHANGED",
                    after.where(f"{field_name}.{language}"),
                    f"{code} ({after.name}) {field_name}.{language} reworded:"
                    f" {old_texts[language]!r} -> {new_texts[language]!r}",
                    entry=after,
                    subject=f"{field_name}.{language}",
                    before=old_texts[language],
                    after=new_texts[language],
                )
    for pattern in before.match.messages:
        if pattern not in after.match.messages:
            yield Change(
                "MATCH_PATTERN_REMOVED",
                after.where("match"),
                f"{code} ({after.name}) no longer matches messages like {pattern!r}",
                entry=after,
                subject="match.messages",
                before=pattern,
            )
    for pattern in after.match.messages:
        if pattern not in before.match.messages:
            yield Change(
                "MATCH_PATTERN_ADDED",
                after.where("match"),
                f"{code} ({after.name}) now matches messages like {pattern!r}",
                entry=after,
                subject="match.messages",
                after=pattern,
            )
    for status in before.match.statuses:
        if status not in after.match.statuses:
            yield Change(
                "MATCH_STATUS_REMOVED",
                after.where("match"),
                f"{code} ({after.name}) no longer claims HTTP {status} responses",
                entry=after,
                subject="match.statuses",
                before=status,
            )
    for status in after.match.statuses:
        if status not in before.match.statuses:
            yield Change(
                "MATCH_STATUS_ADDED",
                after.where("match"),
                f"{code} ({after.name}) now claims HTTP {status} responses",
                entry=after,
                subject="match.statuses",
                after=status,
            )
    for field_name, rule in (
        ("http_status", "HTTP_STATUS_CHANGED"),
        ("retryable", "RETRYABLE_CHANGED"),
        ("category", "CATEGORY_CHANGED"),
    ):
        was, now = getattr(before, field_name), getattr(after, field_name)
        if was != now:
            yield Change(
                rule,
                after.where(field_name),
                f"{code} ({after.name}) {field_name} changed from {_show(was)} to {_show(now)}",
                entry=after,
                subject=field_name,
                before=was,
                after=now,
            )


def _braces(names: frozenset[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names)) or "none"


def _show(value: object) -> str:
    return "unset" if value is None else repr(value)


def severity(
    change: Change, severities: Mapping[str, Severity | None] | None = None
) -> Severity | None:
    """How serious ``change`` is: as configured, else its rule's default (None: off)."""
    return (severities or {}).get(change.rule, RULES[change.rule].severity)


def diagnostics(
    changes: Sequence[Change], severities: Mapping[str, Severity | None] | None = None
) -> list[Diagnostic]:
    """Changes as diagnostics at their configured severities (rules set to off are dropped)."""
    found = []
    for change in changes:
        level = severity(change, severities)
        if level is not None:
            found.append(Diagnostic(change.rule, level, change.location, change.message))
    return sorted(found, key=Diagnostic.sort_key)
