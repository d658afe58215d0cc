"""Loading: what the YAML layer accepts, and every way it refuses, at the right place."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from codegen.diagnostics import CatalogError
from codegen.load import YamlMap, YamlSeq, key_mark_of, load_bytes, mark_of
from conftest import Run


def problems(text: str | bytes) -> list[str]:
    data = text.encode() if isinstance(text, str) else text
    try:
        document = load_bytes(data, "c.yaml")
    except CatalogError as exc:
        return [exc.diagnostic.render()]
    return [d.render() for d in document.diagnostics]


def test_every_node_knows_its_line_and_column() -> None:
    document = load_bytes(b"platform: x\nerrors:\n  - code: 1\n    name: A\n", "c.yaml")
    root = document.root
    assert isinstance(root, YamlMap)
    assert mark_of(root, ("platform",)) == (1, 11)
    assert mark_of(root, ("errors", 0)) == (3, 5)
    assert mark_of(root, ("errors", 0, "name")) == (4, 11)
    assert key_mark_of(root, ("errors", 0, "name")) == (4, 5)
    assert isinstance(root["errors"], YamlSeq)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("v: 12", 12),
        ("v: -1021", -1021),
        ("v: '0123'", "0123"),
        ("v: true", True),
        ("v: ~", None),
        ("v: hello world", "hello world"),
        ('v: "NO"', "NO"),
        ("v: !!str 0123", "0123"),
        ("v: 1.5", 1.5),
    ],
)
def test_plain_values_follow_yaml_1_2(text: str, value: object) -> None:
    document = load_bytes(text.encode(), "c.yaml")
    assert document.diagnostics == []
    assert isinstance(document.root, dict) and document.root["v"] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 1\na: 2\n", "c.yaml:2:1: error[YAML]: duplicate key 'a', first defined at c.yaml:1:1"),
        ("a: &x 1\nb: *x\n", "c.yaml:1:4: error[YAML]: anchors (&x) are not allowed"),
        ("a: &x 1\nb: *x\n", "c.yaml:2:4: error[YAML]: aliases (*x) are not allowed"),
        (
            "a: {b: 1}\nc:\n  <<: {b: 2}\n",
            "c.yaml:3:3: error[YAML]: merge keys (<<) are not allowed",
        ),
        (
            "a: !!python/object:os.system x\n",
            "c.yaml:1:4: error[YAML]: tag tag:yaml.org,2002:python/object:os.system is not allowed",
        ),
        ("a: !custom {}\n", "c.yaml:1:4: error[YAML]: tag !custom is not allowed"),
        ("a: NO\n", "c.yaml:1:4: error[YAML]: plain value 'NO' is a boolean in YAML 1.1"),
        ("a: on\n", "c.yaml:1:4: error[YAML]: plain value 'on' is a boolean in YAML 1.1"),
        ("a: 0123\n", "c.yaml:1:4: error[YAML]: plain value '0123' has a leading zero"),
        (
            "a: 0x1F\n",
            "c.yaml:1:4: error[YAML]: plain value '0x1F' is a hexadecimal, octal or binary literal",
        ),
        ("a: 1_000\n", "c.yaml:1:4: error[YAML]: plain value '1_000' has '_' digit separators"),
        ("a: 12:30\n", "c.yaml:1:4: error[YAML]: plain value '12:30' is a base-60 number"),
        ("a: 2024-01-01\n", "c.yaml:1:4: error[YAML]: plain value '2024-01-01' is a date"),
        ("a: 1\n---\nb: 2\n", "c.yaml:2:1: error[YAML]: a catalogue is a single YAML document"),
        (
            "a: [1, 2\n",
            "c.yaml:2:1: error[YAML]: while parsing a flow sequence: did not find expected ',' or ']'",
        ),
        ("a: b: c\n", "c.yaml:1:5: error[YAML]: mapping values are not allowed in this context"),
        (b"a: \xff\n", "c.yaml:1:4: error[UNREADABLE]: not UTF-8: byte 0xff"),
        (b"a: ok\nb: \xe4\xb8\n", "c.yaml:2:4: error[UNREADABLE]: not UTF-8: byte 0xe4"),
    ],
)
def test_rejected_with_place_and_reason(text: str | bytes, expected: str) -> None:
    assert any(p.startswith(expected) for p in problems(text)), problems(text)


TOO_DEEP = "error[YAML]: collections nested more than 100 levels deep"


def _block_mappings(depth: int) -> str:
    """``depth + 1`` mappings, each the value of the one before, by indentation."""
    return "".join("  " * i + "a:\n" for i in range(depth)) + "  " * depth + "b: 1\n"


def _block_sequences(depth: int) -> str:
    return "".join("  " * i + "-\n" for i in range(depth)) + "  " * depth + "1\n"


def _flow(depth: int) -> str:
    """``depth`` flow sequences on one line under the root mapping (level 1)."""
    return "a: " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        # Level 101 is the 101st line, indented 2 x 100: whatever the parser's own limit.
        (_block_mappings(101), "101:201"),
        (_block_mappings(5_000), "101:201"),
        (_block_sequences(150), "101:201"),
        # The root mapping is level 1, so the 100th "[" (column 103) is level 101.
        (_flow(101), "1:103"),
        (_flow(999), "1:103"),
        # libyaml stops at its own limit (1,000 in PyYAML 6.0.4) while looking ahead along the
        # line, before the loader sees an event: the project's message and place all the same.
        (_flow(2_000), "1:103"),
        (_flow(10_000), "1:103"),
        ("a:\n" + "  [\n" * 2_000 + "  " + "]" * 2_000 + "\n", "101:3"),
    ],
    ids=[
        "block-101",
        "block-5000",
        "block-seq-150",
        "flow-101",
        "flow-999",
        "flow-2000",
        "flow-10000",
        "flow-lines-2000",
    ],
)
def test_deep_nesting_is_refused_at_level_101(text: str, where: str) -> None:
    assert problems(text) == [f"c.yaml:{where}: {TOO_DEEP}"]


@pytest.mark.parametrize("text", [_block_mappings(99), _flow(99)])
def test_nesting_100_levels_deep_is_accepted(text: str) -> None:
    assert load_bytes(text.encode(), "c.yaml").diagnostics == []


def test_a_nesting_limit_of_the_parser_gets_the_project_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever limit the library has, and wherever it hits it, the report is the loader's."""
    real = yaml.parse
    calls = []

    def parse(stream: str, Loader: Any) -> Iterator[yaml.Event]:
        calls.append(Loader)
        if len(calls) == 1:  # the loader's own parse: fails as libyaml's scanner does
            mark = yaml.Mark("<unicode string>", 1002, 0, 1002, None, 0)
            raise yaml.scanner.ScannerError(
                "while increasing flow level", mark, "exceeded maximum nesting depth", mark
            )
        yield from real(stream, Loader=Loader)

    monkeypatch.setattr(yaml, "parse", parse)
    assert problems(_flow(150)) == [f"c.yaml:1:103: {TOO_DEEP}"]
    calls.clear()
    assert problems(_flow(20)) == [f"c.yaml:1:1003: {TOO_DEEP}"]  # its place, our words


def test_deep_nesting_gives_no_traceback(
    codegen: Callable[..., Run], write_catalog: Callable[[str, str], Path]
) -> None:
    path = write_catalog("deep", "platform: deep\nerrors:\n" + _flow(2_000).replace("a:", "  -"))
    result = codegen("validate", "--no-cache", path)
    assert result.status == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert f"{path.name}:3:103: {TOO_DEEP}\n" in result.stdout


def test_byte_order_mark_is_ignored() -> None:
    assert load_bytes("\ufeffa: 1\n".encode(), "c.yaml").root == {"a": 1}
