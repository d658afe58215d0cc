"""Diagnostic output formats: text, JSON, GitHub workflow commands and SARIF 2.1.0, alone
and through the command line."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import jsonschema
import pytest

from codegen.diagnostics import Diagnostic, Location, Severity
from codegen.formats import DRIFT, FORMATS, drift_diagnostic, render
from codegen.write import Drift
from conftest import CASES, ROOT, Run

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())
RULES = {"DUPLICATE_CODE": "a code defined twice", "SCHEMA": "a schema violation"}

AT_LINE = Diagnostic(
    "DUPLICATE_CODE",
    Severity.ERROR,
    Location("catalogs/weex.yaml", 11, 11),
    "code 1 (FIRST) already defined at catalogs/weex.yaml:6:11 (FIRST)",
    related=Location("catalogs/weex.yaml", 6, 11),
)
NO_LINE = Diagnostic("UNREADABLE", Severity.ERROR, Location("catalogs/gone.yaml"), "not found")
WARNING = Diagnostic("SCHEMA", Severity.WARNING, Location("catalogs/a.yaml", 2, 3), "title: 中文")
INFO = Diagnostic("BREAKING_REMOVED", Severity.INFO, Location("catalogs/a.yaml", 4, 1), "gone")
AWKWARD = Diagnostic(
    "SCHEMA",
    Severity.ERROR,
    Location("cata,logs/100%:a b.yaml", 3, 5),
    "50% done\r\nnext: a, b",
)
ALL = [AT_LINE, NO_LINE, WARNING, INFO, AWKWARD]


def sarif(diagnostics: list[Diagnostic], rules: dict[str, str] = RULES) -> dict[str, Any]:
    log: dict[str, Any] = json.loads(render(diagnostics, "sarif", rules, "1.2.3"))
    return log


def assert_valid_sarif(log: dict[str, Any]) -> None:
    """Valid against the official schema, and every URI a URI reference (jsonschema checks
    the "uri-reference" format only with optional packages installed, so it is checked here)."""
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    for uri in _artifact_uris(log):
        assert _is_uri_reference(uri), uri
    run = log["runs"][0]
    for result in run["results"]:
        assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def _artifact_uris(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if "artifactLocation" in node:
            yield node["artifactLocation"]["uri"]
        for value in node.values():
            yield from _artifact_uris(value)
    elif isinstance(node, list):
        for value in node:
            yield from _artifact_uris(value)


_URI_CHARACTERS = re.compile(r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9A-F]{2})*")


def _is_uri_reference(text: str) -> bool:
    """RFC 3986: only URI characters, and a relative reference's first segment has no ':'."""
    if not _URI_CHARACTERS.fullmatch(text):
        return False
    return bool(re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", text)) or ":" not in text.split("/")[0]


# text


def test_text_is_one_rendered_line_each() -> None:
    text = render(ALL, "text", RULES, "1.2.3")
    assert text == "".join(f"{d.render()}\n" for d in ALL)
    # AWKWARD's message holds CR LF: shown as escapes, it stays on its line.
    assert len(text.splitlines()) == len(ALL) and "50% done\\r\\nnext: a, b" in text
    assert render([], "text", RULES, "1.2.3") == ""


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'"):
        render(ALL, "xml", RULES, "1.2.3")


# json


def test_json_document() -> None:
    document = json.loads(render([AT_LINE, NO_LINE, WARNING], "json", RULES, "1.2.3"))
    assert document == {
        "version": 1,
        "tool": {"name": "codegen", "version": "1.2.3"},
        "summary": {"error": 2, "warning": 1, "info": 0},
        "diagnostics": [
            {
                "check": "DUPLICATE_CODE",
                "severity": "error",
                "path": "catalogs/weex.yaml",
                "line": 11,
                "column": 11,
                "message": "code 1 (FIRST) already defined at catalogs/weex.yaml:6:11 (FIRST)",
                "related": {"path": "catalogs/weex.yaml", "line": 6, "column": 11},
            },
            {
                "check": "UNREADABLE",
                "severity": "error",
                "path": "catalogs/gone.yaml",
                "line": None,
                "column": None,
                "message": "not found",
                "related": None,
            },
            {
                "check": "SCHEMA",
                "severity": "warning",
                "path": "catalogs/a.yaml",
                "line": 2,
                "column": 3,
                "message": "title: 中文",
                "related": None,
            },
        ],
    }


def test_json_round_trips_every_field_and_keeps_text_readable() -> None:
    text = render(ALL, "json", RULES, "1.2.3")
    assert text.endswith("}\n") and "中文" in text and '\n  "diagnostics": [' in text
    back = [
        Diagnostic(
            d["check"],
            Severity[d["severity"].upper()],
            Location(d["path"], d["line"] or 0, d["column"] or 0),
            d["message"],
            None if d["related"] is None else Location(*d["related"].values()),
        )
        for d in json.loads(text)["diagnostics"]
    ]
    assert back == ALL


def test_json_without_diagnostics_is_still_a_document() -> None:
    document = json.loads(render([], "json", RULES, "1.2.3"))
    assert document["diagnostics"] == []
    assert document["summary"] == {"error": 0, "warning": 0, "info": 0}


# github


def test_github_commands() -> None:
    assert render([AT_LINE, NO_LINE, WARNING, INFO], "github", RULES, "1.2.3").splitlines() == [
        "::error file=catalogs/weex.yaml,line=11,col=11,title=codegen DUPLICATE_CODE::"
        "code 1 (FIRST) already defined at catalogs/weex.yaml:6:11 (FIRST)",
        "::error file=catalogs/gone.yaml,title=codegen UNREADABLE::not found",
        "::warning file=catalogs/a.yaml,line=2,col=3,title=codegen SCHEMA::title: 中文",
        "::notice file=catalogs/a.yaml,line=4,col=1,title=codegen BREAKING_REMOVED::gone",
    ]


def test_github_escapes_as_the_actions_toolkit_does() -> None:
    # Properties escape % CR LF : and , (their separators); the message only % CR LF.
    assert render([AWKWARD], "github", RULES, "1.2.3") == (
        "::error file=cata%2Clogs/100%25%3Aa b.yaml,line=3,col=5,title=codegen SCHEMA::"
        "50%25 done%0D%0Anext: a, b\n"
    )


def test_github_escapes_percent_first() -> None:
    """An escape sequence already in the text stays literal: %0A is not a newline."""
    literal = Diagnostic("SCHEMA", Severity.ERROR, Location("%0A.yaml"), "%0A")
    assert render([literal], "github", RULES, "1.2.3") == (
        "::error file=%250A.yaml,title=codegen SCHEMA::%250A\n"
    )


# sarif


def test_sarif_is_valid_against_the_official_schema() -> None:
    log = sarif(ALL)
    assert_valid_sarif(log)
    assert log["$schema"] == SARIF_SCHEMA["id"]
    assert log["version"] == "2.1.0"


def test_the_vendored_schema_is_the_published_text() -> None:
    schemas = ROOT / "tests" / "schemas"
    digest = hashlib.sha256((schemas / "sarif-schema-2.1.0.json").read_bytes()).hexdigest()
    assert f"`{digest}`" in (schemas / "README.md").read_text()


def test_the_schema_is_strict_enough_to_fail() -> None:
    log = sarif([AT_LINE])
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)


def test_sarif_results_and_locations() -> None:
    results = sarif([AT_LINE, NO_LINE, INFO])["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["DUPLICATE_CODE", "UNREADABLE", "BREAKING_REMOVED"]
    assert [r["level"] for r in results] == ["error", "error", "note"]
    assert results[0]["message"] == {"text": AT_LINE.message}
    assert results[0]["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "catalogs/weex.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 11, "startColumn": 11},
            }
        }
    ]
    assert results[0]["relatedLocations"] == [
        {
            "id": 1,
            "physicalLocation": {
                "artifactLocation": {"uri": "catalogs/weex.yaml", "uriBaseId": "%SRCROOT%"},
                "region": {"startLine": 6, "startColumn": 11},
            },
            "message": {"text": "the other place this finding names"},
        }
    ]
    assert results[1]["locations"] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "catalogs/gone.yaml", "uriBaseId": "%SRCROOT%"}
            }
        }
    ]
    assert "relatedLocations" not in results[1]


def test_sarif_rules_cover_every_id_sorted_and_indexed() -> None:
    log = sarif([INFO, AT_LINE, INFO])
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("codegen", "1.2.3")
    assert driver["rules"] == [
        {"id": "BREAKING_REMOVED", "shortDescription": {"text": "BREAKING_REMOVED"}},
        {"id": "DUPLICATE_CODE", "shortDescription": {"text": "a code defined twice"}},
        {"id": "SCHEMA", "shortDescription": {"text": "a schema violation"}},
    ]
    assert [r["ruleIndex"] for r in log["runs"][0]["results"]] == [0, 1, 0]
    assert_valid_sarif(log)


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        ("catalogs/weex.yaml", "catalogs/weex.yaml"),
        ("cata,logs/100%:a b.yaml", "cata%2Clogs/100%25%3Aa%20b.yaml"),
        ("a:b/c.yaml", "a%3Ab/c.yaml"),
        ("目录/码.yaml", "%E7%9B%AE%E5%BD%95/%E7%A0%81.yaml"),
        ("../shared/x.yaml", "../shared/x.yaml"),
    ],
)
def test_sarif_uris_are_percent_encoded_relative_references(path: str, uri: str) -> None:
    log = sarif([Diagnostic("SCHEMA", Severity.ERROR, Location(path, 1, 1), "m")])
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": uri, "uriBaseId": "%SRCROOT%"}
    assert_valid_sarif(log)


def test_sarif_absolute_paths_are_file_uris() -> None:
    log = sarif([Diagnostic("SCHEMA", Severity.ERROR, Location("/srv/a b/x.yaml"), "m")])
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": "file:///srv/a%20b/x.yaml"}
    assert_valid_sarif(log)


def test_drift_is_an_error_at_the_file() -> None:
    item = Drift(PurePosixPath("go/a/a.go"), "stale", "generated from another version")
    assert drift_diagnostic("out/go/a/a.go", item) == Diagnostic(
        DRIFT, Severity.ERROR, Location("out/go/a/a.go"), "stale: generated from another version"
    )


# the command line

INVALID = CASES / "invalid"
GOOD = CASES / "features" / "catalogs"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of a good catalogue directory, as the working directory."""
    shutil.copytree(GOOD, tmp_path / "catalogs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_validate_json_on_a_broken_catalogue(
    codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(INVALID)
    text = codegen("validate", "--no-cache")
    result = codegen("validate", "--no-cache", "--format", "json")
    assert result.status == text.status == 1
    document = json.loads(result.stdout)
    lines = [
        Diagnostic(
            d["check"],
            Severity[d["severity"].upper()],
            Location(d["path"], d["line"] or 0, d["column"] or 0),
            d["message"],
        ).render()
        for d in document["diagnostics"]
    ]
    assert lines == text.stdout.splitlines()
    assert document["summary"]["error"] == sum("error[" in line for line in lines)
    assert result.stderr == text.stderr


def test_validate_sarif_on_a_broken_catalogue(
    codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(INVALID)
    result = codegen("validate", "--no-cache", "--format", "sarif")
    assert result.status == 1
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    results = log["runs"][0]["results"]
    assert len(results) == len(codegen("validate", "--no-cache").stdout.splitlines())
    rule_ids = {rule["id"] for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert {"YAML", "SCHEMA", "DUPLICATE_CODE", "CATEGORY_REQUIRED", DRIFT} <= rule_ids
    assert "catalogue(s)" in result.stderr


def test_validate_github_on_a_broken_catalogue(
    codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(INVALID)
    result = codegen("validate", "--no-cache", "--format", "github")
    assert result.status == 1
    lines = result.stdout.splitlines()
    assert len(lines) == len(codegen("validate", "--no-cache").stdout.splitlines())
    assert all(re.match(r"::(error|warning) file=catalogs/\w+\.yaml,", line) for line in lines)


def test_unreadable_input_is_still_one_document(codegen: Callable[..., Run], project: Path) -> None:
    (project / "catalogs" / "latin1.yaml").write_bytes(b"platform: caf\xe9\n")
    result = codegen("validate", "--no-cache", "--format", "sarif")
    assert result.status == 2
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == ["UNREADABLE"]


def test_generate_json_keeps_stdout_one_document(
    codegen: Callable[..., Run], project: Path
) -> None:
    result = codegen("generate", "--no-cache", "--format", "json")
    assert result.status == 0
    assert json.loads(result.stdout)["diagnostics"] == []
    assert "wrote out/" in result.stderr and " written, 0 removed" in result.stderr

    catalog = project / "catalogs" / "features.yaml"
    catalog.write_text(catalog.read_text().replace("name: OK", "name: ok"))
    broken = codegen("generate", "--no-cache", "--format", "sarif")
    assert broken.status == 1
    assert_valid_sarif(json.loads(broken.stdout))
    assert "nothing written" in broken.stderr


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_is_accepted_by_every_diagnostic_command(
    codegen: Callable[..., Run], project: Path, fmt: str
) -> None:
    for command in ("validate", "generate", "check"):
        assert codegen(command, "--no-cache", "--format", fmt).status == 0


def test_check_reports_drift_as_diagnostics(codegen: Callable[..., Run], project: Path) -> None:
    codegen("generate", "--no-cache")
    clean = codegen("check", "--no-cache", "--format", "sarif")
    assert clean.status == 0
    assert json.loads(clean.stdout)["runs"][0]["results"] == []
    assert "is up to date" in clean.stderr

    (project / "out" / "typescript" / "features.js").unlink()
    python = project / "out" / "python" / "errcodes" / "features.py"
    python.write_text(python.read_text().replace('"ok"', '"OK!"'))

    result = codegen("check", "--no-cache", "--format", "sarif")
    assert result.status == 1
    log = json.loads(result.stdout)
    assert_valid_sarif(log)
    assert [
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["physicalLocation"],
            r["message"]["text"].split(":")[0],
        )
        for r in log["runs"][0]["results"]
    ] == [
        (
            DRIFT,
            "error",
            {
                "artifactLocation": {
                    "uri": "out/python/errcodes/features.py",
                    "uriBaseId": "%SRCROOT%",
                }
            },
            "hand-edited",
        ),
        (
            DRIFT,
            "error",
            {"artifactLocation": {"uri": "out/typescript/features.js", "uriBaseId": "%SRCROOT%"}},
            "missing",
        ),
    ]
    assert "2 file(s)" in result.stderr and "OK!" not in result.stdout + result.stderr

    github = codegen("check", "--no-cache", "--format", "github")
    assert github.status == 1
    assert github.stdout.splitlines()[-2:] == [
        "::error file=out/typescript/features.js,title=codegen DRIFT::missing: not generated yet",
        "codegen: 2 file(s) in out differ from the catalogues; run `codegen generate`",
    ]


def test_report_keeps_its_own_format(codegen: Callable[..., Run], project: Path) -> None:
    assert codegen("report", "--no-cache", "--format", "json").status == 0
    assert codegen("report", "--no-cache", "--format", "sarif").status == 2
