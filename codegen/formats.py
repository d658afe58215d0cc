"""Diagnostic output formats: text for people, JSON for scripts, GitHub workflow commands for
pull-request annotations, SARIF 2.1.0 for code scanning. Pure functions: the CLI prints."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .diagnostics import Diagnostic, Location, Severity

if TYPE_CHECKING:
    from .write import Drift

FORMATS = ("text", "json", "github", "sarif")
MACHINE = ("json", "sarif")
"""The formats whose whole output is one JSON document: nothing else may share their stream."""

DRIFT = "DRIFT"
DRIFT_SUMMARY = "a file in the output directory differs from what generate would write"

SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)

_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def render(
    diagnostics: Sequence[Diagnostic], fmt: str, rules: Mapping[str, str], version: str
) -> str:
    """The diagnostics in format ``fmt``, each line ending in a newline; "" for text and github
    when there is nothing to say. ``rules`` maps check IDs to one-line summaries. Text is
    exactly one line per diagnostic (diagnostics.printable); json and sarif keep every text
    exact, as JSON escapes it; github escapes line breaks as workflow commands do."""
    if fmt == "text":
        return "".join(f"{d.render()}\n" for d in diagnostics)
    if fmt == "github":
        return "".join(f"{_github(d)}\n" for d in diagnostics)
    if fmt == "json":
        return _dump(_json(diagnostics, version))
    if fmt == "sarif":
        return _dump(_sarif(diagnostics, rules, version))
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")


def drift_diagnostic(path: str, item: Drift) -> Diagnostic:
    """A file of out/ that differs from the catalogues, as a finding at ``path`` (the file)."""
    return Diagnostic(DRIFT, Severity.ERROR, Location(path), f"{item.kind}: {item.reason}")


def _dump(document: Mapping[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _known(value: int) -> int | None:
    """Lines and columns are 1-based: 0 means the location has none."""
    return value or None


# JSON


def _json(diagnostics: Sequence[Diagnostic], version: str) -> dict[str, Any]:
    return {
        "version": 1,
        "tool": {"name": "codegen", "version": version},
        "summary": {
            str(s): sum(d.severity is s for d in diagnostics)
            for s in sorted(Severity, reverse=True)
        },
        "diagnostics": [
            {
                "check": d.check_id,
                "severity": str(d.severity),
                **_json_location(d.location),
                "message": d.message,
                "related": None if d.related is None else _json_location(d.related),
            }
            for d in diagnostics
        ],
    }


def _json_location(location: Location) -> dict[str, Any]:
    return {
        "path": location.path,
        "line": _known(location.line),
        "column": _known(location.col) if location.line else None,
    }


# GitHub workflow commands, escaped as @actions/core does (escapeData, escapeProperty).


def _github(d: Diagnostic) -> str:
    loc = d.location
    properties = [f"file={_escape_property(loc.path)}"]
    if loc.line:
        properties.append(f"line={loc.line}")
        if loc.col:
            properties.append(f"col={loc.col}")
    properties.append(f"title={_escape_property(f'codegen {d.check_id}')}")
    return f"::{_GITHUB_COMMAND[d.severity]} {','.join(properties)}::{_escape_data(d.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


# SARIF 2.1.0


def _sarif(
    diagnostics: Sequence[Diagnostic], rules: Mapping[str, str], version: str
) -> dict[str, Any]:
    # Every ID gets a rule, known or not, so that every result's ruleIndex is valid.
    ids = sorted({*rules, *(d.check_id for d in diagnostics)})
    index = {rule_id: i for i, rule_id in enumerate(ids)}
    driver = {
        "name": "codegen",
        "version": version,
        "rules": [
            {"id": rule_id, "shortDescription": {"text": rules.get(rule_id, rule_id)}}
            for rule_id in ids
        ],
    }
    results = [
        {
            "ruleId": d.check_id,
            "ruleIndex": index[d.check_id],
            "level": _SARIF_LEVEL[d.severity],
            "message": {"text": d.message},
            "locations": [{"physicalLocation": _physical(d.location)}],
            **_related(d.related),
        }
        for d in diagnostics
    ]
    # No originalUriBaseIds: %SRCROOT% is the consumer's to bind (GitHub binds it to the
    # checkout), and binding it here would write this machine's absolute path into the log.
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
        ],
    }


def _related(related: Location | None) -> dict[str, Any]:
    if related is None:
        return {}
    return {
        "relatedLocations": [
            {
                "id": 1,
                "physicalLocation": _physical(related),
                "message": {"text": "the other place this finding names"},
            }
        ]
    }


def _physical(location: Location) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": _artifact(location.path)}
    if location.line:
        region = {"startLine": location.line}
        if location.col:
            region["startColumn"] = location.col
        physical["region"] = region
    return physical


def _artifact(path: str) -> dict[str, str]:
    """A path as a URI reference: relative ones against %SRCROOT%, absolute ones as file URIs.
    Percent-encoding keeps a ':' in the first segment from reading as a URI scheme."""
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": "%SRCROOT%"}
