"""Loading: what the YAML layer accepts, and every way it refuses, at the right place."""

from __future__ import annotations

import pytest

from codegen.diagnostics import CatalogError
from codegen.load import YamlMap, YamlSeq, key_mark_of, load_bytes, mark_of


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


def test_deep_nesting_is_no_crash() -> None:
    depth = 10_000
    document = load_bytes(("a: " + "[" * depth + "]" * depth + "\n").encode(), "c.yaml")
    assert isinstance(document.root, dict)


def test_byte_order_mark_is_ignored() -> None:
    assert load_bytes("\ufeffa: 1\n".encode(), "c.yaml").root == {"a": 1}
