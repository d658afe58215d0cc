"""Classifying responses: the reference classifier (what every generated runtime must do, as
the vectors record), `codegen classify` and `codegen observe`."""

from __future__ import annotations

import io
import json
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.classify import (
    MAX_DEPTH,
    Classifier,
    best,
    compile_pattern,
    fold,
    match,
    normalise,
)
from codegen.load import load_bytes
from codegen.model import Catalog
from codegen.validate import Limits, validate
from conftest import ROOT, Run

CATALOG = """\
platform: demo
title: Demo
source: tests
code_type: integer
response:
  shapes:
    - {name: rest, code: /code, message: /msg}
    - {name: socket, code: /data/0/c, message: /data/0/m, code_format: string}
  generic_codes: [-1]
errors:
  - code: -1
    name: SYSTEM_BUSY
    message: {en: "system busy"}
  - code: 10
    name: INVALID_OP
    message: {en: "Invalid op: {op}"}
  - code: 11
    name: INVALID_ARGUMENT
    message: {en: "Invalid {what}"}
  - code: 429
    name: TOO_MANY_REQUESTS
    message: {en: "Too many requests"}
    match:
      statuses: [429, 418]
      messages: ["IP banned until {time}."]
"""


def catalog_of(text: str) -> Catalog:
    catalog, diagnostics = validate(load_bytes(text.encode(), "demo.yaml"), Limits())
    assert catalog is not None, diagnostics
    return catalog


DEMO = Classifier(catalog_of(CATALOG))


@pytest.mark.parametrize(
    ("pattern", "message", "values"),
    [
        ("Invalid op: {op}", "Invalid op: subscribe", {"op": "subscribe"}),
        # Case and runs of whitespace do not count; values keep their case.
        ("Invalid op: {op}", "  INVALID\t\top:   SubScribe ", {"op": "SubScribe"}),
        # A wildcard at the end takes one word; the rest (a request id) is left over.
        ("Invalid op: {op}", "Invalid op: subscribe rid: 12", {"op": "subscribe"}),
        # The match ends on a word boundary.
        ("Invalid op", "Invalid options", None),
        ("Invalid op", "Invalid op.", {}),
        ("无效的参数", "无效的参数值", {}),
        # A wildcard takes at least one character, up to the first occurrence of what follows.
        ("banned until {time}.", "banned until .", None),
        ("banned until {time}.", "banned until 16.5.", {"time": "16"}),
        ("{a} and {b} end", "x and y and z end", {"a": "x", "b": "y and z"}),
        # Only the start of a message: a pattern is not a keyword search.
        ("op", "Invalid op", None),
        # Braces that are not placeholders are text.
        ("{名称 A} 已存在", "{名称 a} 已存在", {}),
    ],
)
def test_a_pattern_matches_the_start_of_a_message(
    pattern: str, message: str, values: dict[str, str] | None
) -> None:
    normal = normalise(message)
    assert match(compile_pattern(1, pattern), normal, fold(normal)) == values


@pytest.mark.parametrize(
    ("status", "body", "want"),
    [
        # A code the catalogue defines wins, with the parameters of its own pattern.
        (None, {"code": 10, "msg": "Invalid op: ping"}, (10, "code", {"op": "ping"})),
        (None, {"code": 10, "msg": "something else"}, (10, "code", {})),
        # The generic code: the message decides when it can.
        (None, {"code": -1, "msg": "Invalid op: ping"}, (10, "message", {"op": "ping"})),
        (None, {"code": -1, "msg": "system busy"}, (-1, "message", {})),
        (None, {"code": -1, "msg": "nothing known"}, (-1, "code", {})),
        # The most literal text wins: "Invalid op: " is longer than "Invalid ".
        (None, {"msg": "Invalid op: x"}, (10, "message", {"op": "x"})),
        (None, {"msg": "Invalid key"}, (11, "message", {"what": "key"})),
        # An unknown code falls through to the message, then the status.
        (
            418,
            {"code": 99, "msg": "IP banned until 1659146202000."},
            (429, "message", {"time": "1659146202000"}),
        ),
        (418, {"code": 99}, (429, "status", {})),
        (503, {"code": 99}, None),
        # The second shape: a string holding the code, in an array.
        (None, {"data": [{"c": "10", "m": "Invalid op: a"}]}, (10, "code", {"op": "a"})),
        (None, {"data": [{"c": 10}]}, None),
        (None, {"data": {"0": {"c": "10"}}}, (10, "code", {})),
        # Numbers: integral values only, within 2^53 - 1; never a boolean.
        (None, {"code": 10.0}, (10, "code", {})),
        (None, {"code": 10.5}, None),
        (None, {"code": True}, None),
        (None, {"code": "10"}, None),
        (None, [1, 2], None),
        (None, "Invalid op: x", None),
    ],
)
def test_precedence(status: int | None, body: object, want: tuple[object, ...] | None) -> None:
    result = DEMO.classify(status, body)
    assert (None if result is None else (result.code, result.how, dict(result.params))) == want


@pytest.mark.parametrize(
    "text",
    [
        "",
        "{",
        '{"code": 1e400}',
        '{"code": NaN}',
        "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1),
        '{"code": 10, "code": 11}',
        "\ufeff{}",
        '"\\ud800"',
        '{"msg": "' + "x" * 1_000_000 + '"}',
    ],
)
def test_classify_text_never_raises(text: str) -> None:
    result = DEMO.classify_text(418, text)
    assert result is not None and result.how in ("code", "status")


@pytest.mark.parametrize("name", ["binance", "okx_dex_ws", "wechat", "weex"])
def test_the_patterns_looked_up_by_their_start_are_all_that_can_match(name: str) -> None:
    """Every message of a seed catalogue, as written and changed as vendors change them
    (case, spacing, a tail, a head): the patterns Classifier looks up by their leading text
    give the pattern and values that trying every pattern in turn gives."""
    path = ROOT / "catalogs" / f"{name}.yaml"
    catalog, _ = validate(load_bytes(path.read_bytes(), path.name), Limits())
    assert catalog is not None
    classifier = Classifier(catalog)
    assert classifier.rules.patterns
    texts = {
        t for entry in catalog.errors for t in (*entry.message.values(), *entry.match.messages)
    }
    for text in sorted(texts):
        for message in (
            text,
            text.upper(),
            f"  {text}  tail 42",
            f"x {text}",
            text[: len(text) // 2],
        ):
            folded = fold(normalise(message))
            assert best(classifier.candidates(folded), message) == best(
                classifier.rules.patterns, message
            ), message


def test_the_last_of_repeated_keys_counts() -> None:
    result = DEMO.classify_text(None, '{"code": 99, "code": 11, "msg": "Invalid key"}')
    assert result is not None and (result.code, result.how) == (11, "code")


# --- codegen classify -----------------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "catalogs").mkdir()
    for name in ("binance.yaml", "wechat.yaml", "okx_dex_ws.yaml"):
        shutil.copy(ROOT / "catalogs" / name, tmp_path / "catalogs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def classify(
    codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch, body: bytes, *argv: str
) -> Run:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(body)))
    return codegen("classify", *argv)


def test_classify_prints_the_entry(
    project: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    body = (
        b'{"code":-1021,"msg":"Timestamp for this request was 1000ms ahead of the server\'s time."}'
    )
    result = classify(codegen, monkeypatch, body, "binance", "--status", "400")
    assert result.status == 0, result.stderr
    assert result.stdout == (
        "binance -1021 INVALID_TIMESTAMP (by code, ms=1000):"
        " Timestamp for this request is outside of the recvWindow.\n"
    )
    as_json = classify(codegen, monkeypatch, b"", "binance", "--status", "418", "--format", "json")
    assert json.loads(as_json.stdout)["match"] == {
        "code": -1003,
        "name": "TOO_MANY_REQUESTS",
        "how": "status",
        "params": {},
        "message": "Too many requests; current limit is {limit} requests per minute."
        " Please use the websocket for live updates to avoid polling the API.",
        "category": "rate_limit",
        "http_status": 429,
        "retryable": True,
    }


def test_classify_without_a_match_or_with_bad_input(
    project: Path, codegen: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    nothing = classify(codegen, monkeypatch, b'{"code": 7}', "binance")
    assert (nothing.status, nothing.stdout) == (1, "binance: no entry matches\n")
    unknown = classify(codegen, monkeypatch, b"{}", "nasdaq")
    assert unknown.status == 2 and "no catalogue for platform 'nasdaq'" in unknown.stderr
    binary = classify(codegen, monkeypatch, b"\xff\xfe", "binance")
    assert binary.status == 2 and "not UTF-8 text" in binary.stderr
    missing = codegen("classify", "binance", project / "nowhere.json")
    assert missing.status == 2 and "nowhere.json" in missing.stderr
    status = codegen("classify", "binance", "--status", "99")
    assert status.status == 2 and "not an HTTP status" in status.stderr


# --- codegen observe ------------------------------------------------------------------------

LOG = [
    {
        "platform": "binance",
        "status": 400,
        "body": {"code": -1099, "msg": "Not found, unauthenticated, or unauthorized"},
    },
    {
        "platform": "binance",
        "status": 400,
        "body": {"code": -1099, "msg": "Not found, unauthenticated, or unauthorized"},
    },
    {
        "platform": "binance",
        "status": 429,
        "body": {
            "code": -1003,
            "msg": "Too many requests; current limit is 1200 requests per minute. Please use the websocket for live updates to avoid polling the API.",
        },
    },
    {
        "platform": "wechat",
        "status": 200,
        "body": {"errcode": 40001, "errmsg": "invalid credential rid: 1"},
    },
    {
        "platform": "wechat",
        "status": 200,
        "body": {"errmsg": "api minute-quota reach limit mustslower retry next minute rid: 5"},
    },
    {"platform": "okx_dex_ws", "status": 503, "text": "<html>Service Unavailable</html>"},
]


def write_log(project: Path, records: list[object]) -> Path:
    path = project / "responses.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "\n")
    return path


def test_observe_groups_what_no_entry_knows(project: Path, codegen: Callable[..., Run]) -> None:
    log = write_log(project, [*LOG, "not a response", {"platform": "nasdaq", "status": 1}])
    result = codegen("observe", log)
    assert result.status == 1
    lines = result.stdout.splitlines()
    assert lines[0].endswith("error[LOG_INVALID]: not a JSON object")
    assert "error[LOG_INVALID]: platform 'nasdaq' has no catalogue" in lines[1]
    assert lines[2] == (
        f"{log}:1:1: warning[UNKNOWN_CODE]: binance: code -1099 is not in"
        " catalogs/binance.yaml; seen 2 time(s) (HTTP 400 x2)"
    )
    assert "warning[UNKNOWN_MESSAGE]: wechat: message 'api minute-quota" in result.stdout
    assert "warning[UNKNOWN_RESPONSE]: okx_dex_ws:" in result.stdout
    assert result.stderr == (
        "codegen: 6 response(s): 2 known, 4 unknown in 3 group(s), 2 line(s) not a response\n"
    )
    for fmt in ("json", "sarif", "github"):
        shown = codegen("observe", log, "--format", fmt)
        assert shown.status == 1 and "UNKNOWN_CODE" in shown.stdout
    document = json.loads(codegen("observe", log, "--format", "json").stdout)
    assert [d["check"] for d in document["diagnostics"]].count("UNKNOWN_CODE") == 1


def test_the_suggested_entry_makes_the_response_known(
    project: Path, codegen: Callable[..., Run]
) -> None:
    """Paste what observe suggests into the catalogue: the response is known, classified by
    its code, and the catalogue still validates."""
    log = write_log(project, LOG[:1])
    document = json.loads(codegen("observe", log, "--format", "json").stdout)
    (finding,) = document["diagnostics"]
    suggested = finding["message"].split("\n", 2)[2]
    catalogue = project / "catalogs" / "binance.yaml"
    catalogue.write_text(catalogue.read_text() + suggested + "\n")
    assert codegen("validate").status == 0
    result = codegen("observe", log)
    assert (result.status, result.stdout) == (0, "")
    assert "1 known, 0 unknown" in result.stderr
