"""What the catalogues miss: logged vendor responses classified, and the ones no entry
knows grouped, counted and turned into entries to paste.

A log is JSON Lines, one response per line: ``{"platform": "binance", "status": 400,
"body": {...}}`` (or ``"text": "<raw body>"`` for a body as received). A response is known
when its code is in the platform's catalogue, a message pattern matches it, or only a status
came and an entry claims that status. The rest is grouped by platform and by what could
identify it: an unknown code, else the message, else the status alone.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .classify import Classifier, decode, fold, normalise
from .diagnostics import Diagnostic, Location, Severity
from .model import Catalog, Code

UNKNOWN_CODE = "UNKNOWN_CODE"
UNKNOWN_MESSAGE = "UNKNOWN_MESSAGE"
UNKNOWN_RESPONSE = "UNKNOWN_RESPONSE"
LOG_INVALID = "LOG_INVALID"

RULES = {
    UNKNOWN_CODE: "a logged response carries a code its catalogue does not define",
    UNKNOWN_MESSAGE: "a logged response's message matches no entry, and it has no known code",
    UNKNOWN_RESPONSE: "a logged response has neither code nor message, and no entry claims its status",
    LOG_INVALID: "a line of a log that is not a response (JSON object with platform, status, body)",
}

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*|[0-9]+")


@dataclass
class Group:
    """Responses of one platform that no entry knows, alike in what could identify them."""

    platform: str
    kind: str
    """UNKNOWN_CODE, UNKNOWN_MESSAGE or UNKNOWN_RESPONSE."""
    code: Code | None
    message: str | None
    first: Location
    status: int | None
    example: object
    """The first response's body (decoded) or raw text."""
    raw: bool
    count: int = 0
    statuses: Counter[int | None] = field(default_factory=Counter)


@dataclass
class Observation:
    responses: int = 0
    known: int = 0
    groups: dict[tuple[object, ...], Group] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)


def observe(logs: Sequence[tuple[str, bytes]], catalogs: Sequence[Catalog]) -> Observation:
    """Classify every response of ``logs`` (name, bytes) against ``catalogs``."""
    classifiers = {catalog.platform: Classifier(catalog) for catalog in catalogs}
    seen = Observation()
    for name, data in logs:
        for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), 1):
            if not line.strip():
                continue
            where = Location(name, number, 1)
            response = _response(line)
            if isinstance(response, str):
                seen.problems.append(Diagnostic(LOG_INVALID, Severity.ERROR, where, response))
                continue
            platform, status, body, raw = response
            classifier = classifiers.get(platform)
            if classifier is None:
                known = ", ".join(sorted(classifiers)) or "none"
                seen.problems.append(
                    Diagnostic(
                        LOG_INVALID,
                        Severity.ERROR,
                        where,
                        f"platform {platform!r} has no catalogue (known: {known})",
                    )
                )
                continue
            seen.responses += 1
            decoded = decode(body) if raw and isinstance(body, str) else body
            result = classifier.classify(status, decoded)
            code, message = classifier.read(decoded)
            if result is not None and (result.how != "status" or (code, message) == (None, None)):
                seen.known += 1
                continue
            if code is not None:
                key: tuple[object, ...] = (platform, UNKNOWN_CODE, code)
            elif message is not None:
                key = (platform, UNKNOWN_MESSAGE, fold(normalise(message)))
            else:
                key = (platform, UNKNOWN_RESPONSE, status)
            group = seen.groups.get(key)
            if group is None:
                group = Group(platform, str(key[1]), code, message, where, status, body, raw)
                seen.groups[key] = group
            group.count += 1
            group.statuses[status] += 1
    return seen


def _response(line: str) -> tuple[str, int | None, object, bool] | str:
    """(platform, status, body, raw) of one log line, or why it is not a response."""
    try:
        record = json.loads(line)
    except (ValueError, RecursionError):
        return "not a JSON value"
    if not isinstance(record, dict):
        return "not a JSON object"
    platform, status = record.get("platform"), record.get("status")
    if not isinstance(platform, str):
        return 'no "platform" string'
    if status is not None and (not isinstance(status, int) or isinstance(status, bool)):
        return '"status" is not an integer'
    if "text" in record:
        return platform, status, record["text"], True
    return platform, status, record.get("body"), False


def diagnostics(seen: Observation, catalogs: Sequence[Catalog]) -> list[Diagnostic]:
    """One warning per group, most frequent first, each with the entry to paste."""
    by_platform = {catalog.platform: catalog for catalog in catalogs}
    found = []
    for group in sorted(seen.groups.values(), key=lambda g: (-g.count, g.first.path, g.first.line)):
        catalog = by_platform[group.platform]
        statuses = ", ".join(
            f"HTTP {status} x{count}" if status is not None else f"no status x{count}"
            for status, count in group.statuses.most_common()
        )
        if group.kind == UNKNOWN_CODE:
            what = f"code {group.code!r} is not in {catalog.path}"
        elif group.kind == UNKNOWN_MESSAGE:
            what = f"message {group.message!r} matches no entry of {catalog.path}"
        else:
            what = f"a response with neither code nor message, and no entry of {catalog.path} claims its status"
        headline = f"{group.platform}: {what}; seen {group.count} time(s) ({statuses})"
        found.append(
            Diagnostic(
                group.kind,
                Severity.WARNING,
                group.first,
                f"{headline}\n{suggestion(group, catalog)}",
            )
        )
    return found


def suggestion(group: Group, catalog: Catalog) -> str:
    """YAML to paste into the catalogue: a new entry for an unknown code, else a pattern or
    status to add to the entry the response belongs to."""
    example = _example(group)
    if group.kind == UNKNOWN_CODE:
        message = group.message or "TODO: what the error means"
        return "\n".join(
            [
                "# a new entry, under errors:",
                f"  - code: {json.dumps(group.code)}",
                f"    name: {_name(message, group.code)}",
                "    message:",
                f"      {_language(message)}: {json.dumps(message, ensure_ascii=False)}",
                "    examples:",
                *example,
            ]
        )
    if group.kind == UNKNOWN_MESSAGE:
        pattern = _pattern(group.message or "")
        lines = ["# a pattern, in the entry the message belongs to:", "    match:"]
        lines.append(f"      messages: [{json.dumps(pattern, ensure_ascii=False)}]")
        return "\n".join([*lines, "    examples:", *example])
    return "\n".join(
        [
            "# the status, in the entry such a response means:",
            "    match:",
            f"      statuses: [{group.status}]",
            "    examples:",
            *example,
        ]
    )


def _example(group: Group) -> list[str]:
    lines = []
    if group.status is not None:
        lines.append(f"      - status: {group.status}")
    key = "text" if group.raw else "body"
    value = json.dumps(group.example, ensure_ascii=False)
    lines.append(f"      {'  ' if lines else '- '}{key}: {value}")
    return lines


def _pattern(message: str) -> str:
    """The message as a pattern: each number a wildcard, so that other values match too
    (request ids and the like are the reader's to cut)."""
    count = 0

    def wildcard(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return "{value}" if count == 1 else f"{{value{count}}}"

    return re.sub(r"(?<![A-Za-z0-9_])-?[0-9]+(?![A-Za-z0-9_])", wildcard, normalise(message))


def _name(message: str, code: object) -> str:
    """An UPPER_SNAKE name from the message's first words, else from the code."""
    words = [w.upper() for w in _WORD.findall(message.replace("'", "")) if w.isascii()][:6]
    if words and words[0][0].isalpha():
        return "_".join(words)
    return f"CODE_{str(code).lstrip('-').upper() or 'UNKNOWN'}"


def _language(text: str) -> str:
    if text.isascii():
        return "en"
    if any("\u4e00" <= char <= "\u9fff" for char in text):
        return "zh"
    return "en"


def summary(seen: Observation) -> Mapping[str, int]:
    unknown = sum(group.count for group in seen.groups.values())
    return {
        "responses": seen.responses,
        "known": seen.known,
        "unknown": unknown,
        "groups": len(seen.groups),
        "invalid": len(seen.problems),
    }


def lines(diagnostic: Diagnostic) -> Iterator[str]:
    """A diagnostic's headline, then its suggestion, as lines of text."""
    headline, _, rest = diagnostic.message.partition("\n")
    yield Diagnostic(
        diagnostic.check_id, diagnostic.severity, diagnostic.location, headline
    ).render()
    for line in rest.splitlines():
        yield f"    {line}"
