"""Checks: each one triggered and not triggered, asserting the exact ID and place."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.checks import CHECKS, Context
from codegen.diagnostics import Severity
from codegen.load import load_bytes
from codegen.pipeline import process, read
from codegen.validate import validate

HEAD = """\
platform: demo
title: Demo API
source: https://example.com/errors
code_type: integer
errors:
"""


def shown(path: Path) -> str:
    """How codegen names a catalogue outside the project: from its directory."""
    return f"{path.parent.name}/{path.name}"


def entry(code: object, name: str, en: str = "some error", extra: str = "") -> str:
    return f"  - code: {code}\n    name: {name}\n    message:\n      en: {en!r}\n{extra}"


def findings(write: Callable[[str, str], Path], body: str, head: str = HEAD) -> list[str]:
    path = write("demo", head + body)
    return [
        f"{d.location.line}:{d.location.col} {d.check_id}"
        for d in process(read([path], None)[0]).diagnostics
    ]


def test_a_clean_catalogue_has_no_findings(write_catalog: Callable[[str, str], Path]) -> None:
    body = entry(1, "FIRST", "first") + entry(2, "SECOND", "second")
    assert findings(write_catalog, body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # DUPLICATE_CODE at the second definition (line 10), naming the first.
        (entry(1, "A", "a") + entry(1, "B", "b"), ["10:11 DUPLICATE_CODE"]),
        (entry(1, "A", "a") + entry(2, "A", "b"), ["11:11 DUPLICATE_NAME"]),
        # ID_2 and ID2 stay apart in Go (ID2, Id2) but are both Rust's Id2; LIMIT_2_X and
        # LIMIT2_X meet in Go and in Rust: one finding per language.
        (entry(1, "ID_2", "a") + entry(2, "ID2", "b"), ["11:11 IDENTIFIER_COLLISION"]),
        (
            entry(1, "LIMIT_2_X", "a") + entry(2, "LIMIT2_X", "b"),
            ["11:11 IDENTIFIER_COLLISION"] * 2,
        ),
        (entry(1, "LOOKUP", "a"), ["7:11 RESERVED_NAME"]),
        (entry(1, "CODE", "a"), ["7:11 RESERVED_NAME"] * 2),  # Go's and Rust's type Code
        (
            entry(1, "SAME", "Too  many requests") + entry(2, "OTHER", "too many requests"),
            ["13:11 DUPLICATE_MESSAGE"],
        ),
        (
            entry(1, "A", "limit {limit} reached", "      zh: '超过限制 {max}'\n"),
            ["9:7 PLACEHOLDER_MISMATCH"],
        ),
        (entry(1, "A", "limit {limit} reached", "      zh: '超过限制 {limit}'\n"), []),
        (
            entry(
                1, "OLD", "a", "    deprecated:\n      reason: gone\n      replaced_by: CURRENT\n"
            ),
            ["12:20 UNKNOWN_REPLACEMENT"],
        ),
        (
            entry(
                1, "OLD", "a", "    deprecated:\n      reason: gone\n      replaced_by: CURRENT\n"
            )
            + entry(2, "CURRENT", "b"),
            [],
        ),
        # Aliases are names too: unique, distinct identifiers, not reserved words.
        (entry(1, "A", "a", "    aliases: [B]\n") + entry(2, "B", "b"), ["12:11 DUPLICATE_NAME"]),
        (entry(1, "A", "a", "    aliases: [A]\n"), ["10:15 DUPLICATE_NAME"]),
        (
            entry(1, "A", "a", "    aliases: [LIMIT_2_X]\n") + entry(2, "LIMIT2_X", "b"),
            ["12:11 IDENTIFIER_COLLISION"] * 2,
        ),
        (entry(1, "A", "a", "    aliases: [LOOKUP]\n"), ["10:15 RESERVED_NAME"]),
        (entry(1, "A", "a", "    aliases: [OLD_A, OLDER_A]\n"), []),
        # A removed code, or its name, must not come back.
        (
            entry(1, "A", "a") + "reserved:\n  - {code: 1, reason: gone}\n",
            ["6:11 REMOVED_CODE_REUSED"],
        ),
        (
            entry(2, "A", "a") + "reserved:\n  - {code: 1, name: A, reason: gone}\n",
            ["7:11 REMOVED_CODE_REUSED"],
        ),
        (entry(2, "B", "b") + "reserved:\n  - {code: 1, name: A, reason: gone}\n", []),
    ],
)
def test_check(write_catalog: Callable[[str, str], Path], body: str, expected: list[str]) -> None:
    assert findings(write_catalog, body) == expected


def test_reserved_platform_name(write_catalog: Callable[[str, str], Path]) -> None:
    path = write_catalog("func", HEAD.replace("demo", "func") + entry(1, "A"))
    found = [(d.location.line, d.check_id) for d in process(read([path], None)[0]).diagnostics]
    assert found == [(1, "RESERVED_NAME")]


@pytest.mark.parametrize("platform", ["platform", "platform_"])
def test_platform_named_like_the_shared_error_class(
    write_catalog: Callable[[str, str], Path], platform: str
) -> None:
    """Python's package defines PlatformError for every platform: no platform's exception
    class may take that name."""
    path = write_catalog(platform, HEAD.replace("demo", platform) + entry(1, "A"))
    (finding,) = process(read([path], None)[0]).diagnostics
    assert finding.check_id == "RESERVED_NAME"
    assert "python exception class PlatformError" in finding.message


def test_duplicate_names_both_places(write_catalog: Callable[[str, str], Path]) -> None:
    path = write_catalog("demo", HEAD + entry(1, "A", "a") + entry(1, "B", "b"))
    [diagnostic] = process(read([path], None)[0]).diagnostics
    assert diagnostic.render() == (
        f"{shown(path)}:10:11: error[DUPLICATE_CODE]: code 1 (B) already defined at {shown(path)}:6:11 (A)"
    )
    assert diagnostic.related is not None and diagnostic.related.line == 6


@pytest.mark.parametrize(
    ("body", "head", "expected"),
    [
        (entry(1, "bad_name"), HEAD, ["7:11 SCHEMA"]),
        (entry('"1"', "A"), HEAD, ["6:11 SCHEMA"]),
        (entry(2**53, "A"), HEAD, ["6:11 SCHEMA"]),
        (entry(-(2**53 - 1), "A"), HEAD, []),
        (entry(1, "A"), HEAD.replace("integer", "string"), ["6:11 SCHEMA"]),
        (entry('"00000"', "A"), HEAD.replace("integer", "string"), []),
        (entry(1, "A", extra="    http_status: 600\n"), HEAD, ["10:18 SCHEMA"]),
        (entry(1, "A", extra="    colour: red\n"), HEAD, ["10:5 SCHEMA"]),
        (entry(1, "A", extra="    retryable: 'yes'\n"), HEAD, ["10:16 SCHEMA"]),
        ("  - code: 1\n    name: A\n    message: {}\n", HEAD, ["8:14 SCHEMA"]),
        ("  - code: 1\n    name: A\n    message:\n      EN: x\n", HEAD, ["9:7 SCHEMA"]),
        ("  - code: 1\n    message:\n      en: x\n", HEAD, ["6:5 SCHEMA"]),
        ("", HEAD.replace("errors:\n", "errors: []\n"), ["5:9 SCHEMA"]),
        (entry(1, "A"), HEAD.replace("platform: demo", "platform: other"), ["1:11 PLATFORM_NAME"]),
        (entry(1, "A", en="\\ud800"), HEAD.replace("'", ""), []),
    ],
)
def test_schema_errors_point_at_the_node(
    write_catalog: Callable[[str, str], Path], body: str, head: str, expected: list[str]
) -> None:
    assert findings(write_catalog, body, head) == expected


def test_lone_surrogate_is_rejected(write_catalog: Callable[[str, str], Path]) -> None:
    body = '  - code: 1\n    name: A\n    message:\n      en: "bad \\ud800 text"\n'
    assert findings(write_catalog, body) == ["9:18 YAML"]  # libyaml refuses the escape
    # Without libyaml, PyYAML's pure-Python parser lets it through: validation stops it.
    data = (HEAD + entry(1, "A", "placeholder")).encode()
    document = load_bytes(data, "demo.yaml")
    assert isinstance(document.root, dict)
    document.root["errors"][0]["message"]["en"] = "bad \ud800 text"
    _, diagnostics = validate(document)
    assert [(d.location.line, d.check_id) for d in diagnostics] == [(9, "TEXT")]


def test_not_a_mapping(write_catalog: Callable[[str, str], Path]) -> None:
    assert findings(write_catalog, "", head="- 1\n- 2\n") == ["1:1 SCHEMA"]
    assert findings(write_catalog, "", head="") == ["1:1 SCHEMA"]


def test_every_registered_check_is_exercised() -> None:
    exercised = {
        "DUPLICATE_CODE",
        "DUPLICATE_NAME",
        "IDENTIFIER_COLLISION",
        "RESERVED_NAME",
        "DUPLICATE_MESSAGE",
        "PLACEHOLDER_MISMATCH",
        "UNKNOWN_REPLACEMENT",
        "UNKNOWN_CATEGORY",
        "CATEGORY_REQUIRED",
        "REMOVED_CODE_REUSED",
        "PATTERN_UNMATCHABLE",
        "EXAMPLE_MISCLASSIFIED",
        "PATTERN_AMBIGUOUS",
        "RESPONSE_POINTER_UNUSED",
    }
    # The checks across catalogues and of suppressions: tests/test_consistency.py.
    exercised |= {
        "CODE_CONFLICT",
        "CODE_DUPLICATE",
        "SHARED_CODE_CONFLICT",
        "SHARED_CODE_DUPLICATE",
        "DUPLICATE_PLATFORM",
        "PLATFORM_COLLISION",
        "UNUSED_SUPPRESSION",
        "UNKNOWN_SUPPRESSION",
    }
    assert set(CHECKS) == exercised


SCHEMA_CASES = [
    HEAD + entry(1, "A"),
    HEAD + entry(1, "bad_name"),
    HEAD + entry('"1"', "A"),
    HEAD + entry(2**53, "A"),
    HEAD.replace("integer", "string") + entry(1, "A"),
    HEAD.replace("integer", "string") + entry('"00000"', "A"),
    HEAD.replace("integer", "string") + entry('"-x"', "A"),
    HEAD + entry(1, "A", extra="    http_status: 600\n"),
    HEAD + entry(1, "A", extra="    colour: red\n"),
    HEAD + entry(1, "A", extra="    deprecated:\n      replaced_by: B\n"),
    HEAD + "  - code: 1\n    name: A\n    message:\n      EN: x\n",
    HEAD + "  - code: 1\n    name: A\n    message:\n      en: ''\n",
    HEAD.replace("errors:\n", "errors: []\n"),
    HEAD.replace("code_type: integer\n", "") + entry(1, "A"),
    HEAD.replace("title: Demo API\n", "title: 7\n") + entry(1, "A"),
]


@pytest.mark.parametrize("text", SCHEMA_CASES)
def test_fast_schema_check_agrees_with_jsonschema(text: str) -> None:
    """fastjsonschema decides validity alone when it passes: it must never pass what
    jsonschema (the reference) fails, nor fail what it passes."""
    from codegen.validate import _fast_validator, _validator, passes

    root = load_bytes(text.encode(), "demo.yaml").root
    assert isinstance(root, dict)
    assert passes(_fast_validator(), root) == (not list(_validator().iter_errors(root)))


@pytest.mark.parametrize(
    ("category", "severities", "expected"),
    [
        ("rate_limit", {}, []),
        ("ratelimit", {}, ["10:15 UNKNOWN_CATEGORY"]),
        (None, {}, []),  # CATEGORY_REQUIRED is off by default
        (None, {"CATEGORY_REQUIRED": Severity.ERROR}, ["6:5 CATEGORY_REQUIRED"]),
        ("ratelimit", {"UNKNOWN_CATEGORY": None}, []),
    ],
)
def test_categories(
    write_catalog: Callable[[str, str], Path],
    category: str | None,
    severities: dict[str, Severity | None],
    expected: list[str],
) -> None:
    extra = f"    category: {category}\n" if category else ""
    path = write_catalog("demo", HEAD + entry(1, "A", extra=extra))
    context = Context(categories={"rate_limit": "too many requests"})
    result = process(read([path], None)[0], context, severities)
    assert [
        f"{d.location.line}:{d.location.col} {d.check_id}" for d in result.diagnostics
    ] == expected


UNUSED = ["7:42 RESPONSE_POINTER_UNUSED", "8:24 RESPONSE_POINTER_UNUSED"]
"""RESPONSE's /msg and /c, when no example has them."""
RESPONSE = HEAD.replace(
    "errors:\n",
    "response:\n  shapes:\n    - {name: rest, code: /code, message: /msg}\n"
    "    - {name: ws, code: /c, code_format: string}\nerrors:\n",
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # Each example classifies to its entry, with the parameters it states.
        (
            entry(1, "A", "Invalid op: {op}", "    examples:\n      - body: {code: 1}\n")
            + entry(2, "B", "b", "    examples:\n      - body: {msg: 'Invalid op: x'}\n"),
            ["21:9 EXAMPLE_MISCLASSIFIED", "8:24 RESPONSE_POINTER_UNUSED"],
        ),
        (
            entry(1, "A", "a", "    examples:\n      - {body: {code: 3}, status: 404}\n"),
            ["15:9 EXAMPLE_MISCLASSIFIED", *UNUSED],
        ),
        (
            entry(1, "A", "Invalid op: {op}", "    examples:\n")
            + "      - body: {msg: 'invalid  OP: subscribe'}\n        params: {op: other}\n",
            [
                "16:17 EXAMPLE_MISCLASSIFIED",
                "7:26 RESPONSE_POINTER_UNUSED",
                "8:24 RESPONSE_POINTER_UNUSED",
            ],
        ),
        # A pattern without text, or whose wildcards touch; the message of an entry may
        # (it is then no pattern), a match.messages item may not.
        (
            entry(1, "A", "{a}{b}", "    match:\n      messages: ['{x}', 'x {a}{b}', 'x {a} y']\n"),
            ["15:18 PATTERN_UNMATCHABLE", "15:25 PATTERN_UNMATCHABLE"],
        ),
        # Two entries' patterns match one example; the longer pattern wins, with a warning.
        (
            entry(1, "A", "Invalid {what}", "    examples:\n      - body: {msg: 'Invalid op: x'}\n")
            + entry(2, "B", "Invalid op: {op}"),
            [
                "15:9 EXAMPLE_MISCLASSIFIED",
                "15:9 PATTERN_AMBIGUOUS",
                "7:26 RESPONSE_POINTER_UNUSED",
                "8:24 RESPONSE_POINTER_UNUSED",
            ],
        ),
        # No example has a message at /msg, nor a code at /c (the examples above neither).
        (
            entry(1, "A", "a", "    examples:\n      - body: {code: 1}\n"),
            UNUSED,
        ),
        (
            entry(1, "A", "a", "    examples:\n      - body: {code: 1, msg: x}\n")
            + entry(2, "B", "b", "    examples:\n      - body: {c: '2'}\n"),
            [],
        ),
    ],
)
def test_classification_checks(
    write_catalog: Callable[[str, str], Path], body: str, expected: list[str]
) -> None:
    assert sorted(findings(write_catalog, body, RESPONSE)) == expected


def test_patterns_need_a_message_to_match(write_catalog: Callable[[str, str], Path]) -> None:
    body = entry(1, "A", "a", "    match:\n      messages: ['a b']\n      statuses: [429]\n")
    assert findings(write_catalog, body) == ["11:18 PATTERN_UNMATCHABLE"]
