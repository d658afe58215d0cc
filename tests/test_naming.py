"""Naming and escaping: the pure functions every target's templates rely on."""

from __future__ import annotations

import ast

import pytest

from codegen import naming
from codegen.targets import target
from codegen.targets.golang import go_identifier, go_package, go_str
from codegen.targets.python import py_str, python_class
from codegen.targets.typescript import ts_doc, ts_key, ts_str


@pytest.mark.parametrize(
    ("name", "go"),
    [
        ("INVALID_API_KEY", "InvalidAPIKey"),
        ("ACCESS_TOKEN_EXPIRED", "AccessTokenExpired"),
        ("INVALID_URL", "InvalidURL"),
        ("HTTP_2", "HTTP2"),
        ("HTTP2", "Http2"),
        ("INVALID_OPENID", "InvalidOpenid"),
        ("ID", "ID"),
        ("A", "A"),
        ("TOO_MANY_REQUESTS_429", "TooManyRequests429"),
    ],
)
def test_go_identifier(name: str, go: str) -> None:
    assert go_identifier(name) == go


@pytest.mark.parametrize(
    ("platform", "package", "pascal"),
    [("weex", "weex", "Weex"), ("okx_dex_ws", "okxdexws", "OkxDexWs"), ("a1_b2", "a1b2", "A1B2")],
)
def test_platform_names(platform: str, package: str, pascal: str) -> None:
    assert go_package(platform) == package
    assert naming.pascal(platform) == pascal
    assert python_class(platform) == pascal + "Code"


@pytest.mark.parametrize(
    ("language", "name", "reserved"),
    [
        ("go", "LOOKUP", True),
        ("go", "CODES", True),
        ("go", "INFO", True),
        ("go", "LOOKUP_FAILED", False),
        ("python", "NONE", False),
        ("typescript", "DELETE", False),
    ],
)
def test_member_reserved(language: str, name: str, reserved: bool) -> None:
    rules = target(language).naming
    assert rules is not None
    assert (rules.member(name) in rules.member_reserved) is reserved


@pytest.mark.parametrize(
    ("language", "platform", "reserved"),
    [
        ("go", "func", True),
        ("go", "string", True),
        ("go", "main", True),
        ("python", "class", True),
        ("python", "match", True),
        ("typescript", "index", True),
        ("go", "weex", False),
        ("python", "weex", False),
    ],
)
def test_platform_reserved(language: str, platform: str, reserved: bool) -> None:
    rules = target(language).naming
    assert rules is not None
    assert (rules.platform(platform) in rules.platform_reserved) is reserved


HOSTILE = [
    "plain",
    'say "hi"',
    "it's",
    'both \' and ""',
    "back\\slash",
    "line\nbreak\r\n",
    "tab\tand\x00nul",
    "\u2028\u2029",
    "\u202eevil\u202c",
    "emoji 😀 and 中文 and e\u0301",
    '"); os.system("rm -rf /") #',
    "*/ alert(1) /*",
    "${injection} `tick` {{ jinja }} %s",
    "\xa0nbsp\u3000ideographic",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_python_literal_round_trips(text: str) -> None:
    literal = py_str(text)
    assert ast.literal_eval(literal) == text
    assert "\n" not in literal and "\u2028" not in literal and "\u202e" not in literal


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("plain", '"plain"'),
        ('say "hi"', "'say \"hi\"'"),
        ("it's", '"it\'s"'),
        ("a\u202eb", '"a\\u202eb"'),
        ("\x00", '"\\x00"'),
        ("😀", '"😀"'),
    ],
)
def test_python_literal_is_black_style(text: str, literal: str) -> None:
    assert py_str(text) == literal


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ("plain", '"plain"'),
        ('say "hi"', "'say \"hi\"'"),
        ("a\u2028b", '"a\\u2028b"'),
        ("${x}`", '"${x}`"'),
        ("\x00", '"\\x00"'),
    ],
)
def test_typescript_literal(text: str, literal: str) -> None:
    assert ts_str(text) == literal


def test_typescript_doc_never_closes_the_comment() -> None:
    assert "*/" not in ts_doc("a */ b\n c")
    assert "\n" not in ts_doc("a */ b\n c")


@pytest.mark.parametrize(
    ("key", "literal"),
    [
        (40001, "40001"),
        (-1021, '"-1021"'),
        ("en", "en"),
        ("zh-Hant", '"zh-Hant"'),
        ("22P02", '"22P02"'),
    ],
)
def test_typescript_key(key: str | int, literal: str) -> None:
    assert ts_key(key) == literal


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ('say "hi"', '"say \\"hi\\""'),
        ("\x00\xe9", '"\\x00é"'),
        ("\xa0", '"\\u00a0"'),
        ("\U000e0001", '"\\U000e0001"'),
        ("line\n", '"line\\n"'),
    ],
)
def test_go_literal(text: str, literal: str) -> None:
    assert go_str(text) == literal
