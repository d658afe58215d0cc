"""Release notes: what changed between the catalogues at a revision (or in a directory) and the
working tree, as Markdown, written from the comparison ``breaking`` makes (breaking.compare).

The breaking changes come first, judged as ``breaking`` judges them (the project's severities:
what it would fail on); then, per platform, what was added, deprecated, removed, renamed and
changed. Release notes are not a gate: every change is listed, whatever its severity, "off"
included. Every catalogue text goes through report.md_cell, so none becomes markup.
"""

from __future__ import annotations

import errno
import os
import secrets
from collections.abc import Mapping, Sequence
from pathlib import Path

from .breaking import Change, Value, compare, severity
from .diagnostics import Severity
from .model import Catalog, Entry
from .targets.report import md_cell

SECTIONS = ("Added", "Deprecated", "Removed", "Renamed", "Changed")
"""The sections of a platform, in this order; empty ones are left out."""

PLATFORM = ""
"""The "section" of a change to a platform as a whole: a sentence under its heading."""

SECTION = {
    "PLATFORM_ADDED": PLATFORM,
    "PLATFORM_REMOVED": PLATFORM,
    "PLATFORM_RENAMED": PLATFORM,
    "CODE_ADDED": "Added",
    "CODE_DEPRECATED": "Deprecated",
    "CODE_REMOVED": "Removed",
    "CODE_RETIRED": "Removed",
    "ALIAS_REMOVED": "Removed",
    "NAME_CHANGED": "Renamed",
    "CODE_RENAMED": "Renamed",
    "CODE_RENUMBERED": "Renamed",
    "CODE_TYPE_CHANGED": "Changed",
    "CODE_UNDEPRECATED": "Changed",
    "TEXT_CHANGED": "Changed",
    "TEXT_ADDED": "Changed",
    "LANGUAGE_REMOVED": "Changed",
    "PLACEHOLDERS_CHANGED": "Changed",
    "HTTP_STATUS_CHANGED": "Changed",
    "RETRYABLE_CHANGED": "Changed",
    "CATEGORY_CHANGED": "Changed",
    "MATCH_PATTERN_REMOVED": "Changed",
    "MATCH_PATTERN_ADDED": "Changed",
    "MATCH_STATUS_REMOVED": "Changed",
    "MATCH_STATUS_ADDED": "Changed",
    "RESPONSE_SHAPE_CHANGED": "Changed",
    "RESPONSE_SHAPE_ADDED": "Changed",
}
"""Where each rule of breaking.RULES goes (a test holds them to the same keys)."""


def release_notes(
    base: Sequence[Catalog],
    head: Sequence[Catalog],
    against: str,
    severities: Mapping[str, Severity | None] | None = None,
) -> str:
    """The release notes from ``base`` (at ``against``) to ``head``, as Markdown."""
    return markdown(compare(base, head), [*base, *head], against, severities)


def markdown(
    changes: Sequence[Change],
    catalogs: Sequence[Catalog],
    against: str,
    severities: Mapping[str, Severity | None] | None = None,
) -> str:
    """``changes`` as release notes; ``catalogs`` give the platforms' titles (the last one
    of a platform wins: pass the base's, then the head's)."""
    titles = {catalog.platform: catalog.title for catalog in catalogs}
    lines = [f"# Changes since {md_cell(against)}", ""]
    if not changes:
        return "\n".join([*lines, "No changes.", ""])
    platforms = sorted({change.platform for change in changes})
    breaks = [c for c in changes if severity(c, severities) is Severity.ERROR]
    if breaks:
        lines += ["## Breaking changes", ""]
        for platform in platforms:
            title = md_cell(titles.get(platform, platform))
            for change in (c for c in breaks if c.platform == platform):
                lines.append(f"- {title}: {_sentence(change)}")
        lines.append("")
    for platform in platforms:
        mine = [change for change in changes if change.platform == platform]
        lines += [f"## {md_cell(titles.get(platform, platform))} ({md_cell(platform)})", ""]
        for change in mine:
            if SECTION[change.rule] == PLATFORM:
                line = _platform(change)
                lines += [f"{line[:1].upper()}{line[1:]}.", ""]
        for section in SECTIONS:
            items = [_item(change) for change in mine if SECTION[change.rule] == section]
            if items:
                lines += [f"### {section}", "", *(f"- {item}" for item in items), ""]
    return "\n".join(lines)


def _sentence(change: Change) -> str:
    """A change on a line of its own, saying what kind of change it is."""
    section = SECTION[change.rule]
    if section == PLATFORM:
        return _platform(change)
    return f"{section.lower()} {_item(change)}"


def _platform(change: Change) -> str:
    if change.rule == "PLATFORM_ADDED":
        return f"new platform with {_count(change.after)}"
    if change.rule == "PLATFORM_REMOVED":
        return f"platform removed with its {_count(change.before)}"
    return f"platform renamed from {md_cell(_text_of(change.before))}: every import changes"


def _count(codes: Value) -> str:
    return "1 code" if codes == 1 else f"{codes} codes"


def _item(change: Change) -> str:
    """A change as an item of its section: the entry, then what happened to it."""
    rule, before, after, entry = change.rule, change.before, change.after, change.entry
    if rule == "RESPONSE_SHAPE_CHANGED" or rule == "RESPONSE_SHAPE_ADDED":
        shape = md_cell(change.subject.removeprefix("response."))
        if after is None:
            return f"response shape {shape} removed (it read {_plain(before)})"
        if before is None:
            return f"response shape {shape} added: {_plain(after)}"
        return f"response shape {shape}: {_plain(before)} → {_plain(after)}"
    if rule == "CODE_TYPE_CHANGED":
        return f"code_type {_plain(before)} → {_plain(after)}: every code changes type"
    if rule == "CODE_RENUMBERED":
        return f"{_name(entry)}: code **{_plain(before)}** → **{_plain(after)}**"
    if rule in ("NAME_CHANGED", "CODE_RENAMED"):
        kept = (
            "the old name stays, deprecated" if rule == "CODE_RENAMED" else "the old name is gone"
        )
        return f"**{_code(entry)}** {_plain(before)} → {_plain(after)} ({kept})"
    return f"{_label(entry)}: {_detail(change)}"


def _detail(change: Change) -> str:
    """What happened to the entry."""
    rule, before, after, entry = change.rule, change.before, change.after, change.entry
    what = _field(change.subject)
    if rule == "CODE_ADDED":
        return _summary(entry)
    if rule == "CODE_DEPRECATED":
        replacement = None if entry is None or entry.deprecated is None else entry.deprecated
        instead = (
            ""
            if replacement is None or replacement.replaced_by is None
            else f" Use {md_cell(replacement.replaced_by)} instead."
        )
        return f"{_quoted(after)}{instead}"
    if rule == "CODE_UNDEPRECATED":
        return f"no longer deprecated (it was: {_quoted(before)})"
    if rule == "CODE_REMOVED":
        return f"{_message(entry)} (it was not deprecated first)"
    if rule == "CODE_RETIRED":
        if change.subject == "reserved":
            return f"{_message(entry)} (reserved: {_quoted(after)})"
        return f"{_message(entry)} (deprecated before)"
    if rule == "ALIAS_REMOVED":
        return f"its former name {_plain(before)} is gone"
    if rule == "TEXT_CHANGED":
        return f"{what} {_quoted(before)} → {_quoted(after)}"
    if rule == "TEXT_ADDED":
        return f"{what} added: {_quoted(after)}"
    if rule == "LANGUAGE_REMOVED":
        return f"{what} removed (it was {_quoted(before)})"
    if rule == "PLACEHOLDERS_CHANGED":
        return f"placeholders of the {what} {_plain(before)} → {_plain(after)}"
    if rule == "MATCH_PATTERN_ADDED":
        return f"now matches messages like {_quoted(after)}"
    if rule == "MATCH_PATTERN_REMOVED":
        return f"no longer matches messages like {_quoted(before)}"
    if rule == "MATCH_STATUS_ADDED":
        return f"now claims HTTP {_plain(after)} responses"
    if rule == "MATCH_STATUS_REMOVED":
        return f"no longer claims HTTP {_plain(before)} responses"
    return f"{what} {_plain(before)} → {_plain(after)}"


def _field(subject: str) -> str:
    """``message.zh`` as "message (zh)", ``http_status`` as "HTTP status"."""
    name, _, language = subject.partition(".")
    shown = {"http_status": "HTTP status"}.get(name, name)
    return f"{shown} ({md_cell(language)})" if language else shown


def _summary(entry: Entry | None) -> str:
    """An added entry: its message, and what a caller handles it by."""
    if entry is None:
        return ""
    facts = [md_cell(entry.category)] if entry.category is not None else []
    if entry.http_status is not None:
        facts.append(f"HTTP {entry.http_status}")
    if entry.retryable is not None:
        facts.append("retryable" if entry.retryable else "not retryable")
    return _message(entry) + (f" ({', '.join(facts)})" if facts else "")


def _label(entry: Entry | None) -> str:
    return f"**{_code(entry)}** {_name(entry)}"


def _code(entry: Entry | None) -> str:
    return "" if entry is None else md_cell(entry.code)


def _name(entry: Entry | None) -> str:
    return "" if entry is None else md_cell(entry.name)


def _message(entry: Entry | None) -> str:
    return _quoted(None if entry is None else entry.default_message)


def _quoted(value: Value) -> str:
    """Catalogue prose, quoted: it may hold any character, markup included."""
    return "unset" if value is None else f"“{md_cell(_text_of(value))}”"


def _plain(value: Value) -> str:
    """A value of a field: unset, yes or no, a number, a name."""
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return md_cell(value)


def _text_of(value: Value) -> str:
    return "" if value is None else str(value)


def write(path: Path, text: str) -> None:
    """``text`` in ``path``, whole or not at all: written beside it under another name,
    synced, then renamed over it (a reader never sees half a file, a failure leaves the old
    one). Refuses a directory; replaces a link rather than writing where it leads."""
    if path.is_dir():
        raise IsADirectoryError(errno.EISDIR, "it is a directory", os.fspath(path))
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
