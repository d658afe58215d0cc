"""Parser for the WeChat global return-code page (seed 003_0c3e0c231f8bcd8e.txt).

The seed is a blog copy of the WeChat Official Accounts / Open Platform "global
return code" table.  The table's three columns (code, English description,
Chinese description) were pasted with no separator, so a row such as::

    40001invalid credential, access_token is invalid or not latest获取 access_token 时 ...

has to be split back into ``code=40001``, ``en="invalid credential, ..."`` and
``zh="获取 access_token 时 ..."``.  :func:`parse` does this deterministically with
the rules below; :func:`scan` additionally returns the lines it skipped.

Lines
    The text is split on ``"\\n"`` only (a trailing ``"\\r"`` is dropped), so
    line numbers are 1-based and agree with ``sed -n Np`` / ``awk NR``.  Each line
    is trimmed of surrounding whitespace before it is classified.

Skipped lines (rule 1)
    * blank lines;
    * header lines, recognised by exact content (:data:`HEADER_LINES`): the page
      title, the column header ``错误码英文描述中文描述`` (it appears twice) and the
      section title ``其他错误码``;
    * site chrome: the table ends at the first non-blank line that is neither a
      header nor starts with a code (``-?[0-9]+``).  In the seed that is line
      1841 (``• 5``, the like counter).  Everything from there to the end of the
      page (likes, favourites, an unrelated Node.js comment, the red-envelope and
      tipping dialogs) is chrome and is ignored, including the two lines
      ``1.余额是钱包充值...`` and ``2.余额无法直接购买下载...`` which would otherwise
      look like codes 1 and 2.

The "head" of a line (rule 2)
    The head is the line up to, not including, its first non-ASCII character
    (the whole line if it is pure ASCII).  The two exception tables below are
    keyed by the exact head, so an exception only ever applies to the one source
    line it was written for.  Every table entry must be used exactly once, or
    :func:`parse` raises ``ValueError`` (a stale table cannot go unnoticed).

Code digits (rule 3)
    The code is the maximal run ``-?[0-9]+`` at the start of the line (codes
    have 1 to 7 digits: ``-1``, ``0``, ``1003``, 5-digit ``4xxxx``-``9xxxx``,
    6-digit ``101000``-``931010`` and ``800059``, 7-digit ``6000100``-``9410003``).
    When the description itself starts with digits, the run is too long; those
    lines are listed in :data:`CODE_EXCEPTIONS` (head -> code digits) and the code
    is taken as the listed digits, the remaining digits starting the text:

    * ``401441)maybe share_card_list.num ...``: code 40144, text ``1)maybe ...``
      (an enumerated list "1)... 2)... 3)... 4)..."; 40143 and 40145 surround it).
    * nine lines ``9200298``/``9200299``/``9200300``/``9206000``-``9206003``/
      ``9206200``/``9206201`` followed by ``3rd resp ...``: the 8-digit run is a
      7-digit code plus the "3" of "3rd" (compare ``9206900connect 3rd error``).

    As a guard, a run of more than 7 digits that is not in the table raises
    ``ValueError``: no code in this document is that long, so such a line can
    only be an unlisted digit-leading text.

English / Chinese split (rule 4)
    The text after the code is split at its first non-ASCII character: the
    ASCII part is the English column, the rest (which always starts with a CJK
    ideograph in this seed) is the Chinese column.  Both are trimmed; an empty
    column becomes ``None``.  Text is otherwise verbatim (typos, NBSPs inside
    the text and odd punctuation are kept).

    The Chinese column sometimes begins with ASCII (an identifier, "api",
    "POST", "+"), which the default rule would glue onto the English column.
    Those lines are listed in :data:`ZH_ASCII_LEADS` (head -> the ASCII text that
    begins the Chinese column; it must be a suffix of the head).  Two kinds:

    * glued rows, English present: ``48001api unauthorizedapi 功能未授权...`` ->
      en ``api unauthorized``, zh ``api 功能未授权...``.  Recognisable because the
      English ends mid-word with a repeated identifier ("expiredaccess_token",
      "pathpages", "menuapi", "plaintextToken", "bindbizid").
    * Chinese-only rows whose Chinese text starts with an identifier, in
      sections that have no English column at all: ``1003POST参数非法`` -> zh
      ``POST参数非法``; ``80112code并发冲突``; ``9401005SKU已存在``; ...  The lead is
      then the whole ASCII part and the English column is ``None``.

    Rows whose text is pure ASCII are English-only, even inside an otherwise
    Chinese section (``9401022SPU NOT ALLOW``).  Rows that start with Chinese
    are Chinese-only, even when they contain an English gloss in parentheses
    (``61450系统错误 (system error)``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Final, Mapping

__all__ = [
    "CODE_EXCEPTIONS",
    "HEADER_LINES",
    "ZH_ASCII_LEADS",
    "ScanResult",
    "SkippedLine",
    "SourceEntry",
    "parse",
    "scan",
]


@dataclass(frozen=True)
class SourceEntry:
    """One code row of the source: 1-based line number, code and both columns."""

    line: int
    code: int
    en: str | None
    zh: str | None


@dataclass(frozen=True)
class SkippedLine:
    """A line that is not a code row; ``reason`` is "blank", "header" or "chrome"."""

    line: int
    reason: str
    text: str


@dataclass(frozen=True)
class ScanResult:
    """Result of :func:`scan`: code rows and skipped lines, each in document order."""

    entries: list[SourceEntry]
    skipped: list[SkippedLine]


#: Non-code lines inside the table, matched exactly (after trimming).
HEADER_LINES: Final[frozenset[str]] = frozenset(
    {
        "公众号api接口开发公共错误码 一览表",  # page title (line 1)
        "错误码英文描述中文描述",  # column header (lines 3 and 32)
        "其他错误码",  # section title (line 30)
    }
)

#: Rule 3 exceptions: head -> the code digits, for texts that start with digits.
CODE_EXCEPTIONS: Final[Mapping[str, str]] = {
    # Line 172: the description is an enumerated list "1)maybe ...; 2)maybe ...".
    (
        "401441)maybe share_card_list.num or consume_share_self_num too big; "
        "2)maybe card_id_list also has self-card_id;"
        "3)maybe card_id_list has many different card_id;"
        "4)maybe both consume_share_self_num and share_card_list.num bigger than 0"
    ): "40144",
    # Lines 1569-1571 and 1636-1641: "3rd resp ..." after a 7-digit code.
    "92002983rd resp decrypt error": "9200298",
    "92002993rd resp system error": "9200299",
    "92003003rd resp sign error": "9200300",
    "92060003rd resp pay_channel empty": "9206000",
    "92060013rd resp order_id empty": "9206001",
    "92060023rd resp bill_type_code empty": "9206002",
    "92060033rd resp bill_no empty": "9206003",
    "92062003rd resp empty": "9206200",
    "92062013rd resp not json": "9206201",
}

#: Rule 4 exceptions: head -> ASCII text that begins the Chinese column.
ZH_ASCII_LEADS: Final[Mapping[str, str]] = {
    # --- glued rows: English column, then a Chinese column starting with ASCII ---
    "48001api unauthorizedapi ": "api ",
    "42001access_token expiredaccess_token ": "access_token ",
    "48004api forbidden for irregularities, view detail on mp.weixin.qq.comapi ": "api ",
    "45011api minute-quota reach limit, must slower, retry next minuteAPI ": "API ",
    "40118invalid sub button media_id sizemedia_id ": "media_id ",
    "40119invalid use button typebutton ": "button ",
    "40163code been usedoauth_code": "oauth_code",
    "40210invalid check wxa pathpages ": "pages ",
    "40212invalid querypaegs ": "paegs ",  # sic: "paegs" is in the source
    "40219pages is emptypages": "pages",
    "41030invalid pagepage": "page",
    "42002refresh_token expiredrefresh_token ": "refresh_token ",
    "42003code expiredoauth_code ": "oauth_code ",
    "44002empty post dataPOST ": "POST ",
    "45067clientmsgid size out of limitclientmsgid ": "clientmsgid ",
    "45072invalid commandcommand": "command",
    "47102next_page_info errornext_page_info": "next_page_info",
    # Line 463: the Chinese column is just "activity_id" (its Chinese words are
    # missing in the source); split like 47501-47503 "activity_id error参数 ...".
    "47504activity_id expired timeactivity_id": "activity_id",
    "48005forbid to delete material used by auto-reply or menuapi ": "api ",
    "48006forbid to clear quota because of reaching the limitapi ": "api ",
    "65304match rule emptyMatchRule ": "MatchRule ",
    "85010missing required dataitem_list ": "item_list ",
    "85045some path in ext_json not existext_json ": "ext_json ",
    "85046pagepath missing in tabbar listtabBar ": "tabBar ",
    "85047pages are emptypages ": "pages ",
    "85048parse ext_json failext_json ": "ext_json ",
    "85051data too largeversion_desc": "version_desc",
    "85070prefix in black listURL": "URL",
    "85092invalid preview_info formatpreview_info": "preview_info",
    "85093invalid preview_info sizepreview_info ": "preview_info ",
    # Lines 1292-1294: the Chinese column repeats the English text before the
    # Chinese words ("account has bound open" + "account has bound open,该...").
    "89000account has bound openaccount has bound open,": "account has bound open,",
    "89001not same contractornot same contractor,Authorizer ": ("not same contractor,Authorizer "),
    "89002open not existsopen not exists,": "open not exists,",
    "89255enterprise code invalidcode": "code",
    "89256no component infotoken ": "token ",
    # Lines 1390, 1393: "+号规则" ("plus-sign rule") is Chinese; English ends "plus".
    "91014diff master plus+": "+",
    "91017other diff master plus+": "+",
    "9300503Specified delivery id is not registerreddelivery_id ": "delivery_id ",
    "9300504Specified delivery id has beed bannedservice_type ": "service_type ",
    (
        "9300507invalid token, can't decryption or decryption result is "
        "different from the plaintextToken "
    ): "Token ",
    "9300517invalid update_type, please use [bind] or [unbind]update_type ": ("update_type "),
    "9300525biz id not bindbizid": "bizid",
    "9300531invalid biz_id or passwordbizid": "bizid",
    "9300534invalid appid, not same bodyadd_source=2": "add_source=2",
    "9300535invalid shop argshop": "shop",
    "9300536invalid wxa_appidadd_source=2": "add_source=2",
    # --- Chinese-only rows whose Chinese text starts with ASCII (no English) ---
    "1003POST": "POST",
    "80112code": "code",
    "80201report_type": "report_type",
    "80202service_type": "service_type",
    "82204appid": "appid",
    "82205wx_park_code": "wx_park_code",
    "82206wx_park_code": "wx_park_code",
    "82303fileid": "fileid",
    "93020qualification_list": "qualification_list",
    "93021company_name": "company_name",
    "93022credential": "credential",
    "93023address": "address",
    "93024qualification_list": "qualification_list",
    "94012appid": "appid",
    "200016start ": "start ",
    "200017limit ": "limit ",
    "9001001POST ": "POST ",
    "9001003Ticket ": "Ticket ",
    "9300819mediaid ": "mediaid ",
    "9401005SKU": "SKU",
    "9401006SKU": "SKU",
}

_CODE_RE: Final = re.compile(r"-?[0-9]+")
_MAX_CODE_DIGITS: Final = 7


def _head(line: str) -> str:
    """The line up to (not including) its first non-ASCII character."""
    for i, ch in enumerate(line):
        if ord(ch) > 0x7F:
            return line[:i]
    return line


def _or_none(s: str) -> str | None:
    s = s.strip()
    return s if s else None


def _split_row(number: int, line: str, used: Counter[str]) -> SourceEntry:
    """Split one code row (already trimmed) into code, en and zh."""
    head = _head(line)

    run = _CODE_RE.match(line)
    assert run is not None  # the caller only passes lines that start with a code
    digits = run.group(0)
    if head in CODE_EXCEPTIONS:
        used["code:" + head] += 1
        listed = CODE_EXCEPTIONS[head]
        if not (digits.startswith(listed) and len(digits) > len(listed)):
            raise ValueError(f"line {number}: exception code {listed!r} does not fit {digits!r}")
        digits = listed
    elif len(digits.lstrip("-")) > _MAX_CODE_DIGITS:
        raise ValueError(
            f"line {number}: {digits!r} is longer than any code; list it in CODE_EXCEPTIONS"
        )

    code_len = len(digits)
    lead = ""
    if head in ZH_ASCII_LEADS:
        used["zh:" + head] += 1
        lead = ZH_ASCII_LEADS[head]
        if not (head.endswith(lead) and len(head) - len(lead) >= code_len):
            raise ValueError(f"line {number}: zh lead {lead!r} is not at the end of {head!r}")

    en_end = max(len(head) - len(lead), code_len)
    return SourceEntry(
        line=number,
        code=int(digits),
        en=_or_none(line[code_len:en_end]),
        zh=_or_none(line[en_end:]),
    )


def scan(text: str) -> ScanResult:
    """Parse the page; return the code rows and every skipped line, in document order."""
    entries: list[SourceEntry] = []
    skipped: list[SkippedLine] = []
    used: Counter[str] = Counter()
    in_chrome = False

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r").strip()
        if in_chrome:
            skipped.append(SkippedLine(number, "chrome", line))
        elif not line:
            skipped.append(SkippedLine(number, "blank", line))
        elif line in HEADER_LINES:
            skipped.append(SkippedLine(number, "header", line))
        elif _CODE_RE.match(line):
            entries.append(_split_row(number, line, used))
        else:
            in_chrome = True
            skipped.append(SkippedLine(number, "chrome", line))

    expected = {"code:" + k for k in CODE_EXCEPTIONS} | {"zh:" + k for k in ZH_ASCII_LEADS}
    wrong = sorted(k for k in expected if used[k] != 1)
    if wrong:
        raise ValueError(f"exception table entries not used exactly once: {wrong}")
    return ScanResult(entries=entries, skipped=skipped)


def parse(text: str) -> list[SourceEntry]:
    """Return every code row of the page, in document order (see module docstring)."""
    return scan(text).entries


if __name__ == "__main__":
    import json
    import sys
    from dataclasses import asdict

    with open(sys.argv[1], encoding="utf-8") as fh:
        rows = parse(fh.read())
    json.dump([asdict(r) for r in rows], sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
