"""Naming and escaping: the pure functions every target's templates rely on."""

from __future__ import annotations

import ast
import re

import pytest

from codegen import naming
from codegen.targets import target
from codegen.targets.golang import go_identifier, go_package, go_str
from codegen.targets.python import py_str, python_class
from codegen.targets.rust import rust_doc, rust_identifier, rust_mod, rust_str
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
    ("name", "rust"),
    [
        # Rust's API guidelines: an initialism is one word (Uuid, not UUID).
        ("INVALID_API_KEY", "InvalidApiKey"),
        ("ACCESS_TOKEN_EXPIRED", "AccessTokenExpired"),
        ("HTTP_2", "Http2"),
        ("HTTP2", "Http2"),
        ("ID", "Id"),
        ("OK", "Ok"),
        ("A", "A"),
        ("A_B_C", "ABC"),
        ("A_1B", "A1b"),
        ("TOO_MANY_REQUESTS_429", "TooManyRequests429"),
    ],
)
def test_rust_identifier(name: str, rust: str) -> None:
    assert rust_identifier(name) == rust


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
        ("rust", "SELF", True),  # Self, the one keyword an UpperCamelCase name can be
        ("rust", "CODE", True),
        ("rust", "DEPRECATION", True),
        ("rust", "UNKNOWN_CODE", True),
        ("rust", "A_L_L", True),  # ALL, beside Code::ALL
        ("rust", "ALL", False),  # All
        ("rust", "MATCH", False),
        ("rust", "OK", False),  # Code::Ok is no clash with Result's Ok
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
        ("rust", "match", True),
        ("rust", "gen", True),  # reserved since edition 2024
        ("rust", "std", True),
        ("rust", "core", True),
        ("rust", "crate", True),
        ("rust", "lib", True),  # src/lib.rs is the crate root
        ("rust", "main", True),  # src/main.rs would make a binary
        ("rust", "weex", False),
        ("rust", "okx_dex_ws", False),
        ("rust", "union", True),
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


_RUST_ESCAPE = re.compile(r"\\(x[0-9a-f]{2}|u\{[0-9a-f]{1,6}\}|[nrt0\\\"'])")


def rust_unquote(literal: str) -> str:
    """The text of a Rust string literal, read as rustc reads one (the escapes it has)."""
    assert literal[0] == literal[-1] == '"' and len(literal) >= 2
    body = literal[1:-1]
    assert re.fullmatch(r'(?:[^"\\]|\\.)*', body, re.S), literal  # no unescaped quote

    def decode(match: re.Match[str]) -> str:
        escape = match[1]
        if escape[0] == "x":
            assert int(escape[1:], 16) < 0x80  # \x is ASCII only in Rust
            return chr(int(escape[1:], 16))
        if escape[0] == "u":
            return chr(int(escape[2:-1], 16))
        return {"n": "\n", "r": "\r", "t": "\t", "0": "\0"}.get(escape, escape)

    return _RUST_ESCAPE.sub(decode, body)


@pytest.mark.parametrize("text", HOSTILE)
def test_rust_literal_round_trips(text: str) -> None:
    literal = rust_str(text)
    assert rust_unquote(literal) == text
    assert literal.isprintable() and "\u202e" not in literal


@pytest.mark.parametrize(
    ("text", "literal"),
    [
        ('say "hi"', '"say \\"hi\\""'),
        ("it's", '"it\'s"'),
        ("\x00\x7f", '"\\x00\\x7f"'),
        ("\xa0", '"\\u{a0}"'),
        ("\u202e", '"\\u{202e}"'),
        ("\U000e0001", '"\\u{e0001}"'),
        ("line\n", '"line\\n"'),
        ("中文 😀 é", '"中文 😀 é"'),
    ],
)
def test_rust_literal(text: str, literal: str) -> None:
    assert rust_str(text) == literal


@pytest.mark.parametrize(
    ("text", "doc"),
    [
        ("plain text, one dash - and a period.", "plain text, one dash - and a period."),
        ("*a* _b_ `c` [d](e) <f> &g; ~h~", r"\*a\* \_b\_ \`c\` \[d\](e) \<f\> \&g; \~h\~"),
        ("ACCESS_KEY, snake_case_2 and 中_文", "ACCESS_KEY, snake_case_2 and 中_文"),
        ("a__b _c d_ e_, _", r"a\_\_b \_c d\_ e\_, \_"),
        ('"quoted" and it\'s', r"\"quoted\" and it\'s"),
        ("a -- b ... c .. d", r"a \-\- b \.\.\. c .. d"),
        ("see https://example.com", r"see https\://example.com"),
        ("back\\slash", r"back\\slash"),
        ("line\nbreak \u202e", r"line\x0abreak \u{202e}"),
        ("  surrounding blanks  ", "surrounding blanks"),
    ],
)
def test_rust_doc_escapes_markdown(text: str, doc: str) -> None:
    """rustdoc reads doc comments as Markdown: every character it would read as markup is
    escaped (test_toolchains.py shows rustdoc rendering each exactly)."""
    assert rust_doc(text) == doc


def test_rust_module_with_a_double_underscore_allows_its_name() -> None:
    assert rust_mod("weex") == "pub mod weex;"
    assert rust_mod("a__b").endswith("\npub mod a__b;")
    assert "allow(non_snake_case)" in rust_mod("a__b")
