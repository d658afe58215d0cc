"""Independent re-readers for the raw vendor error-code documents.

Each ``parse_*`` function takes the full text of one seed document (as found in
``../shared/seeds/``) and returns one entry per error code, with every text
exactly as the document has it (only leading/trailing whitespace trimmed).  A
fidelity test can then assert that each code and each text of the document is
present in the corresponding catalogue.

Documents:

* ``000_a3f28acb2207f9f9.txt`` -> :func:`parse_weex` (``weex.yaml``)
* ``002_3b76489c4e903127.txt`` -> :func:`parse_okx_dex_ws` (``okx_dex_ws.yaml``)
* ``001_c104c6c75ec3ed17.txt`` -> :func:`parse_open_platform`
  (``open_platform_gateway.yaml`` + ``open_platform.yaml``)

Stdlib only; ``mypy --strict`` clean.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Final

__all__ = [
    "WeexEntry",
    "OkxDexWsEntry",
    "OpenPlatformStringEntry",
    "OpenPlatformIntegerEntry",
    "OpenPlatformEntries",
    "WEEX_ZH_ASCII_PREFIXES",
    "parse_weex",
    "parse_okx_dex_ws",
    "parse_open_platform",
]


class SourceFormatError(ValueError):
    """The document does not have the shape this parser was written for."""


_CJK: Final = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _lines(text: str) -> list[str]:
    # splitlines() would also split on U+2028 etc.; the seeds only use "\n".
    return text.replace("\r\n", "\n").split("\n")


# --------------------------------------------------------------------------- WEEX


@dataclass(frozen=True)
class WeexEntry:
    """One ``错误代码NNNNN:<English><Chinese>`` row.

    ``en`` is the English description, ``zh`` the Chinese column, which is
    either a translation or a remedy; the parser does not decide which.
    """

    line: int  # 1-based line number in the document
    code: int
    en: str
    zh: str


# The WEEX page glues the English description and the Chinese column together
# with no separator.  The Chinese column normally starts at the first non-ASCII
# character, but in these rows it starts with ASCII words; the value is the
# ASCII text that opens the Chinese column (it must sit immediately before the
# first non-ASCII character of the row).
WEEX_ZH_ASCII_PREFIXES: Final[dict[int, str]] = {
    40001: "Access Key ",  # ...cannot be empty | Access Key 不能为空
    40002: "Signature ",  # ...cannot be empty | Signature 不能为空
    40003: "Timestamp ",  # ...cannot be empty | Timestamp 不能为空
    40006: "access key = API key(",  # Invalid ACCESS_KEY | access key = API key(例如 ...
    40011: "passphrase",  # ...cannot be empty | passphrase不能为空
    40012: "api key ",  # Incorrect API key/passphrase | api key 或 passphrase 错误
    40305: "Client ID ",  # ...special characters | Client ID 不可包含...
    40707: "start time ",  # ...than end time | start time 必须早于 end time
}

_WEEX_ROW: Final = re.compile(r"^错误代码(\d+):(.*)$")


def parse_weex(text: str) -> list[WeexEntry]:
    """Parse the WEEX "常见错误代码及解决方案说明" page."""
    entries: list[WeexEntry] = []
    seen_prefix_codes: set[int] = set()
    for number, raw in enumerate(_lines(text), start=1):
        match = _WEEX_ROW.match(raw.strip())
        if match is None:
            continue
        code = int(match.group(1))
        rest = match.group(2).strip()
        first_non_ascii = next((i for i, ch in enumerate(rest) if ord(ch) > 0x7F), None)
        if first_non_ascii is None:
            raise SourceFormatError(f"line {number}: no Chinese column in {raw!r}")
        split = first_non_ascii
        prefix = WEEX_ZH_ASCII_PREFIXES.get(code)
        if prefix is not None:
            if not rest[:first_non_ascii].endswith(prefix):
                raise SourceFormatError(
                    f"line {number}: expected the Chinese column to start with {prefix!r}"
                )
            split -= len(prefix)
            seen_prefix_codes.add(code)
        en = rest[:split].strip()
        zh = rest[split:].strip()
        if not en or not zh:
            raise SourceFormatError(f"line {number}: empty column in {raw!r}")
        entries.append(WeexEntry(line=number, code=code, en=en, zh=zh))
    missing = set(WEEX_ZH_ASCII_PREFIXES) - seen_prefix_codes
    if missing:
        raise SourceFormatError(f"split-point codes not found in document: {sorted(missing)}")
    if not entries:
        raise SourceFormatError("no WEEX error rows found")
    return entries


# --------------------------------------------------------------------- OKX DEX WS


@dataclass(frozen=True)
class OkxDexWsEntry:
    """One row of the OKX DEX WebSocket error table.

    ``text`` is the message as the page shows it: the lost template arguments
    appear as a literal ``0`` (e.g. ``"Parameter 0 can not be empty."``); the
    page's line breaks are joined with single spaces, except before a fragment
    that starts with punctuation (``"...the limit" "0" "."`` -> ``"...the limit 0."``).
    When the document carries the raw HTML table, each text is checked against it.
    """

    line: int  # 1-based line number of the code
    code: int
    text: str


_OKX_CODE: Final = re.compile(r"^\d{5}$")
_OKX_HTML_ROW: Final = re.compile(r"<tr><td>(\d+)</td><td>(.*?)</td></tr>", re.DOTALL)
_HTML_COMMENT: Final = re.compile(r"<!--.*?-->", re.DOTALL)


def _join_fragments(fragments: list[str]) -> str:
    out = ""
    for fragment in fragments:
        if not out:
            out = fragment
        elif fragment[0] in ".,;:!?":
            out += fragment
        else:
            out += " " + fragment
    return out


def parse_okx_dex_ws(text: str) -> list[OkxDexWsEntry]:
    """Parse the OKX DEX API "Websocket > 错误码" page (markdown dump)."""
    lines = _lines(text)
    # The table body: after the "错误码" / "错误消息" header, up to the next "---".
    header = None
    for i in range(len(lines) - 1):
        if lines[i].strip() == "错误码" and lines[i + 1].strip() == "错误消息":
            header = i + 1
            break
    if header is None:
        raise SourceFormatError("OKX table header (错误码 / 错误消息) not found")
    entries: list[OkxDexWsEntry] = []
    code: int | None = None
    code_line = 0
    fragments: list[str] = []

    def flush() -> None:
        if code is None:
            return
        if not fragments:
            raise SourceFormatError(f"line {code_line}: code {code} has no message")
        entries.append(OkxDexWsEntry(line=code_line, code=code, text=_join_fragments(fragments)))

    for index in range(header + 1, len(lines)):
        stripped = lines[index].strip()
        if stripped == "---":
            break
        if not stripped:
            continue
        if _OKX_CODE.match(stripped):
            flush()
            code = int(stripped)
            code_line = index + 1
            fragments = []
        else:
            if code is None:
                raise SourceFormatError(f"line {index + 1}: message before any code")
            fragments.append(stripped)
    flush()
    if not entries:
        raise SourceFormatError("no OKX error rows found")

    html_rows = {
        int(c): html.unescape(_HTML_COMMENT.sub("", cell)).strip()
        for c, cell in _OKX_HTML_ROW.findall(text)
    }
    if html_rows:
        if set(html_rows) != {e.code for e in entries}:
            raise SourceFormatError("text table and HTML table list different codes")
        for entry in entries:
            if html_rows[entry.code] != entry.text:
                raise SourceFormatError(
                    f"code {entry.code}: text {entry.text!r} != HTML {html_rows[entry.code]!r}"
                )
    return entries


# ------------------------------------------------------------------ open platform


@dataclass(frozen=True)
class OpenPlatformStringEntry:
    """A ``公共错误码`` row: ``CODE 错误描述 解决方案`` (both columns Chinese)."""

    line: int
    section: str
    code: str
    description_zh: str
    solution_zh: str


@dataclass(frozen=True)
class OpenPlatformIntegerEntry:
    """A ``code English Chinese`` row of the integer-code tables."""

    line: int
    section: str  # 错误码及描述 | 微信 | 小程序 | 用户
    code: int
    en: str
    zh: str


@dataclass(frozen=True)
class OpenPlatformEntries:
    string_codes: list[OpenPlatformStringEntry]
    integer_codes: list[OpenPlatformIntegerEntry]


_OPEN_SECTIONS: Final = ("公共错误码", "错误码及描述", "微信", "小程序", "用户")
_OPEN_TABLE_HEADERS: Final = ("错误码 错误描述 解决方案", "错误码 英文描述 中文描述")
_OPEN_STRING_ROW: Final = re.compile(r"^([A-Z][A-Z0-9_]*) (.+)$")
# Between the two Chinese columns of a string-code row: a space with a CJK
# character on both sides (a column may itself hold spaces between ASCII words,
# e.g. "暂无用户Access Key信息 检查用户Access Key").
_OPEN_COLUMN_GAP: Final = re.compile(
    r"(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]) (?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])"
)
_OPEN_INT_ROW: Final = re.compile(r"^(-?\d+) (.+)$")


def _split_en_zh(rest: str, number: int) -> tuple[str, str]:
    """Split ``English Chinese``: the Chinese column is the space-separated
    token holding the first CJK character, plus everything after it (it may
    start with ASCII, e.g. ``AppID或者AppSecret错误``, ``access_token超时``)."""
    match = _CJK.search(rest)
    if match is None:
        raise SourceFormatError(f"line {number}: no Chinese column in {rest!r}")
    space = rest.rfind(" ", 0, match.start())
    if space <= 0:
        raise SourceFormatError(f"line {number}: no English column in {rest!r}")
    en, zh = rest[:space].strip(), rest[space + 1 :].strip()
    if _CJK.search(en):
        raise SourceFormatError(f"line {number}: CJK text in English column {en!r}")
    return en, zh


def parse_open_platform(text: str) -> OpenPlatformEntries:
    """Parse the unnamed open platform's error-code page (string + integer codes)."""
    section: str | None = None
    strings: list[OpenPlatformStringEntry] = []
    integers: list[OpenPlatformIntegerEntry] = []
    for number, raw in enumerate(_lines(text), start=1):
        line = raw.strip()
        if not line or line in _OPEN_TABLE_HEADERS:
            continue
        if line in _OPEN_SECTIONS:
            section = line
            continue
        if section is None:
            raise SourceFormatError(f"line {number}: row outside any section: {raw!r}")
        if section == "公共错误码":
            m = _OPEN_STRING_ROW.match(line)
            if m is None:
                raise SourceFormatError(f"line {number}: not a string-code row: {raw!r}")
            gaps = list(_OPEN_COLUMN_GAP.finditer(m.group(2)))
            if len(gaps) != 1:
                raise SourceFormatError(
                    f"line {number}: cannot split description/solution in {raw!r}"
                )
            cut = gaps[0].start()
            strings.append(
                OpenPlatformStringEntry(
                    line=number,
                    section=section,
                    code=m.group(1),
                    description_zh=m.group(2)[:cut].strip(),
                    solution_zh=m.group(2)[cut + 1 :].strip(),
                )
            )
        else:
            m = _OPEN_INT_ROW.match(line)
            if m is None:
                raise SourceFormatError(f"line {number}: not an integer-code row: {raw!r}")
            en, zh = _split_en_zh(m.group(2), number)
            integers.append(
                OpenPlatformIntegerEntry(
                    line=number, section=section, code=int(m.group(1)), en=en, zh=zh
                )
            )
    if not strings or not integers:
        raise SourceFormatError("open platform document: a table is missing")
    return OpenPlatformEntries(string_codes=strings, integer_codes=integers)
