"""Fidelity: every code and text of each vendor document is in its catalogue, verbatim,
and the catalogue has nothing the document lacks (Binance, mapped to official codes, aside).

The documents are the copies in catalogs/sources/; the parsers in tests/fidelity/ say how
each one's glued columns are split.
"""

from __future__ import annotations


from codegen.model import PLACEHOLDER, Entry
from codegen.pipeline import process, read
from conftest import ROOT
from fidelity import sources, wechat_source

SOURCES = ROOT / "catalogs" / "sources"


def catalog(platform: str) -> dict[int | str, Entry]:
    result = process(read([ROOT / "catalogs" / f"{platform}.yaml"], None)[0])
    assert not result.errors
    [loaded] = result.catalogs
    return {e.code: e for e in loaded.errors}


def document(name: str) -> str:
    return (SOURCES / name).read_text(encoding="utf-8")


def texts(entry: Entry, language: str) -> set[str]:
    """Where a document's text in ``language`` may sit: the message or the solution."""
    return {t for t in (entry.message.get(language), entry.solution.get(language)) if t}


def test_weex() -> None:
    rows = sources.parse_weex(document("000_a3f28acb2207f9f9.txt"))
    entries = catalog("weex")
    assert len(rows) == 38
    assert [r.code for r in rows] == list(entries)
    for row in rows:
        entry = entries[row.code]
        assert entry.message["en"] == row.en
        assert row.zh in texts(entry, "zh")
        assert sum(len(t) for t in (*entry.message.values(), *entry.solution.values())) == len(
            row.en
        ) + len(row.zh)


def test_okx_dex_ws_with_restored_placeholders() -> None:
    rows = sources.parse_okx_dex_ws(document("002_3b76489c4e903127.txt"))
    entries = catalog("okx_dex_ws")
    assert len(rows) == 25
    assert [r.code for r in rows] == list(entries)
    for row in rows:
        entry = entries[row.code]
        assert set(entry.message) == {"en"}
        # The page printed each lost template argument as 0; 60019 kept its own {op}.
        shown = (
            entry.message["en"] if row.code == 60019 else PLACEHOLDER.sub("0", entry.message["en"])
        )
        assert shown == row.text


def test_open_platform_string_and_integer_codes() -> None:
    parsed = sources.parse_open_platform(document("001_c104c6c75ec3ed17.txt"))
    assert (len(parsed.string_codes), len(parsed.integer_codes)) == (11, 68)
    gateway = catalog("open_platform_gateway")
    assert [r.code for r in parsed.string_codes] == list(gateway)
    for row in parsed.string_codes:
        assert gateway[row.code].message == {"zh": row.description_zh}
        assert gateway[row.code].solution == {"zh": row.solution_zh}
    integers = catalog("open_platform")
    assert [r.code for r in parsed.integer_codes] == list(integers)
    for row in parsed.integer_codes:
        assert integers[row.code].message == {"en": row.en, "zh": row.zh}


def test_wechat() -> None:
    rows = wechat_source.parse(document("003_0c3e0c231f8bcd8e.txt"))
    entries = catalog("wechat")
    assert len(rows) == 1833
    assert [r.code for r in rows] == list(entries)
    for row in rows:
        entry = entries[row.code]
        found = {lang: texts(entry, lang) for lang in ("en", "zh")}
        assert (row.en is None) == (not found["en"]) and (row.en is None or row.en in found["en"])
        assert (row.zh is None) == (not found["zh"]) and (row.zh is None or row.zh in found["zh"])


def test_binance_official_codes() -> None:
    entries = catalog("binance")
    official = {
        -2015: "Invalid API-key, IP, or permissions for action.",
        -1021: "Timestamp for this request is outside of the recvWindow.",
        -2021: "Order would immediately trigger.",
        -2018: "Balance is insufficient.",
        -2019: "Margin is insufficient.",
    }
    for code, text in official.items():
        assert entries[code].message["en"] == text
    assert entries[-1003].http_status == 429 and entries[-1003].retryable is True
    page = document("004_56f0567bdc1ff64a.txt")
    for entry in entries.values():  # every solution line is the page's own words
        for line in entry.solution["zh"].splitlines():
            assert line.strip() in page, line
