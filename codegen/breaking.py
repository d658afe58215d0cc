"""Breaking changes: the catalogues at a git revision (or in a directory) against the working
tree, judged by what the code that uses the generated enums would suffer.

``if err == weex.InvalidAccessKey`` breaks when a code is removed, renumbered or renamed, when
its platform goes, or when the placeholders its caller fills change; it keeps working when a
code is added or its text reworded. Each rule has a stable ID and a default severity that
``[tool.codegen.severity]`` may change, as for the checks.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .source import CATALOG_SUFFIXES, InputError, catalog_files, display, read_input
from .diagnostics import Diagnostic, Location, Severity
from .model import Catalog, Entry, placeholders
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
    result = subprocess.run(
        ["git", "-C", str(where), *args], capture_output=True, text=True, errors="surrogateescape"
    )
    return result.stdout if result.returncode == 0 else ""


@dataclass(frozen=True)
class Change:
    rule: str
    location: Location
    message: str


def compare(base: Sequence[Catalog], head: Sequence[Catalog]) -> list[Change]:
    """Every change from ``base`` to ``head`` that a rule names, in a stable order."""
    changes: list[Change] = []
    old = {c.platform: c for c in base}
    new = {c.platform: c for c in head}
    for platform, catalog in old.items():
        if platform in new:
            changes += _compare_catalogs(catalog, new[platform])
        else:
            changes.append(_platform_gone(catalog, [c for p, c in new.items() if p not in old]))
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
            )
    return Change(
        "PLATFORM_REMOVED",
        catalog.where("platform"),
        f"platform {catalog.platform} was removed with its {len(catalog.errors)} codes",
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
        )
        return
    yield from _compare_shapes(old, new)
    by_code = {e.code: e for e in new.errors}
    by_name = {name: e for e in new.errors for name in (e.name, *e.aliases)}
    reserved = {t.code for t in new.reserved}
    for before in old.errors:
        after = by_code.get(before.code)
        if after is not None:
            yield from _compare_entries(before, after)
            continue
        moved = by_name.get(before.name)
        if moved is not None:
            yield Change(
                "CODE_RENUMBERED",
                moved.where("code"),
                f"{before.name} was code {before.code!r} and is now {moved.code!r}: code that"
                f" compares with {before.name} no longer matches {before.code!r}; keep"
                f" {before.code!r} and give the new code a new name",
            )
        elif before.deprecated is None and before.code not in reserved:
            yield Change(
                "CODE_REMOVED",
                before.where("code"),
                f"code {before.code!r} ({before.name}) was removed: deprecate it for a release"
                f" first, or keep it under reserved: with the reason",
            )


def _compare_shapes(old: Catalog, new: Catalog) -> Iterator[Change]:
    """Callers of the generated classify() get nothing from a shape that is gone."""
    shapes = {} if new.response is None else {s.name: s for s in new.response.shapes}
    for shape in () if old.response is None else old.response.shapes:
        now = shapes.get(shape.name)
        if now is None:
            yield Change(
                "RESPONSE_SHAPE_CHANGED",
                new.where("response"),
                f"response shape {shape.name} was removed: responses of that shape go unclassified",
            )
        elif now != shape:
            yield Change(
                "RESPONSE_SHAPE_CHANGED",
                new.where("response"),
                f"response shape {shape.name} changed from code {shape.code!r} ({shape.code_format}),"
                f" message {shape.message!r} to code {now.code!r} ({now.code_format}),"
                f" message {now.message!r}",
            )


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
        )
    kept = {after.name, *after.aliases}
    for alias in before.aliases:
        if alias not in kept:
            yield Change(
                "ALIAS_REMOVED",
                after.where("name"),
                f"{code} ({after.name}) no longer answers to its deprecated alias {alias}",
            )
    for field_name in ("message", "solution"):
        old_texts, new_texts = getattr(before, field_name), getattr(after, field_name)
        for language in sorted(old_texts.keys() - new_texts.keys()):
            yield Change(
                "LANGUAGE_REMOVED",
                after.where(field_name) if new_texts else after.where(""),
                f"{code} ({after.name}) lost its {field_name} in {language}",
            )
        old_marks = frozenset().union(*map(placeholders, old_texts.values()))
        new_marks = frozenset().union(*map(placeholders, new_texts.values()))
        if old_marks != new_marks:
            yield Change(
                "PLACEHOLDERS_CHANGED",
                after.where(field_name),
                f"{code} ({after.name}) {field_name} placeholders changed from"
                f" {_braces(old_marks)} to {_braces(new_marks)}: callers fill them in",
            )
        for language in sorted(old_texts.keys() & new_texts.keys()):
            if old_texts[language] != new_texts[language]:
                yield Change(
                    "TEXT_CHANGED",
                    after.where(f"{field_name}.{language}"),
                    f"{code} ({after.name}) {field_name}.{language} reworded:"
                    f" {old_texts[language]!r} -> {new_texts[language]!r}",
                )
    for pattern in before.match.messages:
        if pattern not in after.match.messages:
            yield Change(
                "MATCH_PATTERN_REMOVED",
                after.where("match"),
                f"{code} ({after.name}) no longer matches messages like {pattern!r}",
            )
    for status in before.match.statuses:
        if status not in after.match.statuses:
            yield Change(
                "MATCH_STATUS_REMOVED",
                after.where("match"),
                f"{code} ({after.name}) no longer claims HTTP {status} responses",
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
            )


def _braces(names: frozenset[str]) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names)) or "none"


def _show(value: object) -> str:
    return "unset" if value is None else repr(value)


def diagnostics(
    changes: Sequence[Change], severities: dict[str, Severity | None] | None = None
) -> list[Diagnostic]:
    """Changes as diagnostics at their configured severities (rules set to off are dropped)."""
    found = []
    for change in changes:
        severity = (severities or {}).get(change.rule, RULES[change.rule].severity)
        if severity is not None:
            found.append(Diagnostic(change.rule, severity, change.location, change.message))
    return sorted(found, key=Diagnostic.sort_key)
