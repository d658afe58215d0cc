"""The cross-platform report: shared codes and whether they mean the same."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, Run

from codegen.pipeline import process, read
from codegen.source import catalog_files
from codegen.targets.report import shared_codes


def test_shared_codes_of_the_real_catalogues() -> None:
    result = process(read(catalog_files(ROOT / "catalogs"), None)[0])
    shared = {item["code"]: item for item in shared_codes(result.catalogs)}
    # 40001 is a missing header at WEEX and an invalid credential elsewhere.
    assert shared[40001]["meanings"] == 3
    # 40002 "invalid grant_type" means the same in 001 and WeChat, not at WEEX.
    meaning = {p["platform"]: p["meaning"] for p in shared[40002]["platforms"]}
    assert meaning["open_platform"] == meaning["wechat"] != meaning["weex"]
    assert {p["platform"] for p in shared[40001]["platforms"]} == {
        "open_platform",
        "wechat",
        "weex",
    }
    # OKX's 60005 and 60006 are also WeChat codes.
    assert {p["platform"] for p in shared[60005]["platforms"]} == {"okx_dex_ws", "wechat"}
    pairs: dict[tuple[str, ...], int] = {}
    for item in shared.values():
        platforms = sorted(p["platform"] for p in item["platforms"])
        for i, a in enumerate(platforms):
            for b in platforms[i + 1 :]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    assert pairs == {
        ("wechat", "weex"): 28,
        ("open_platform", "wechat"): 47,
        ("open_platform", "weex"): 15,
        ("okx_dex_ws", "wechat"): 2,
    }


def test_report_command_prints_the_committed_files(codegen: Callable[..., Run]) -> None:
    markdown = codegen("report")
    assert markdown.status == 0
    assert markdown.stdout == (ROOT / "out" / "report" / "shared_codes.md").read_text()
    as_json = codegen("report", "--format", "json")
    assert json.loads(as_json.stdout) == json.loads(
        (ROOT / "out" / "report" / "shared_codes.json").read_text()
    )


def catalogue(platform: str, message: str, code: int = 40001) -> str:
    """A catalogue of one code whose message is the YAML flow mapping ``message``."""
    return (
        f"platform: {platform}\ntitle: {platform}\nsource: s\ncode_type: integer\nerrors:\n"
        f"  - code: {code}\n    name: SHARED\n    message: {message}\n"
    )


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "pyproject.toml").write_text("[tool.codegen]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.mark.parametrize(
    "messages",
    [
        {"a": "{ja: 日本語のみ}", "b": "{zh: 只有中文}"},
        {"a": "{ja: 日本語のみ}", "b": "{ja: 日本語だけ}"},
        {"a": "{fr: français, ja: 日本語}", "b": "{en: English, ja: 日本語}"},
    ],
    ids=["ja and zh", "ja and ja", "fr and ja, en and ja"],
)
def test_shared_codes_without_english_are_reported(
    codegen: Callable[..., Run], project: Path, messages: dict[str, str]
) -> None:
    """The default text is the model's (English, else Chinese, else the first tag): once,
    a code shared without English in both crashed the Markdown template."""
    for platform, message in messages.items():
        (project / "catalogs" / f"{platform}.yaml").write_text(catalogue(platform, message))
    texts = {"{ja: 日本語のみ}": "日本語のみ", "{zh: 只有中文}": "只有中文"}
    texts |= {"{ja: 日本語だけ}": "日本語だけ", "{fr: français, ja: 日本語}": "français"}
    texts |= {"{en: English, ja: 日本語}": "English"}
    report = codegen("report", "--no-cache")
    assert report.status == 0, report.stderr
    for platform, message in messages.items():
        assert f"| {platform} | SHARED |  | {texts[message]} |" in report.stdout
    generated = codegen("generate", "--no-cache", "--target", "report")
    assert generated.status == 0, generated.stderr
    assert (project / "out" / "report" / "shared_codes.md").read_text() == report.stdout


HOSTILE = {
    "<script>alert(1)</script>": "&lt;script&gt;alert(1)&lt;/script&gt;",
    "<img src=x onerror=alert(1)>": "&lt;img src=x onerror=alert(1)&gt;",
    "&lt;b&gt; & done": "&amp;lt;b&amp;gt; &amp; done",
    "a | b \\ c": "a \\| b \\\\ c",
    "`<code>` [link](javascript:alert(1)) ![i](http://x)": (
        "\\`&lt;code&gt;\\` \\[link\\](javascript:alert(1)) !\\[i\\](http://x)"
    ),
    # Line breaks are blanks; an invisible character is shown as its escape, whose
    # backslash Markdown would eat: escaped too, it renders as \u202e.
    "<!-- hidden -->line\nbreak\u2028and\u202eback": (
        "&lt;!-- hidden --&gt;line break and\\\\u202eback"
    ),
}


def test_hostile_texts_render_as_text(codegen: Callable[..., Run], project: Path) -> None:
    entries = "".join(
        f"  - code: {i}\n    name: E{i}\n    message: {{en: {json.dumps(text)}}}\n"
        for i, text in enumerate(HOSTILE)
    )
    for platform in ("a", "b"):
        head = catalogue(platform, "{en: x}").split("errors:")[0]
        (project / "catalogs" / f"{platform}.yaml").write_text(f"{head}errors:\n{entries}")
    report = codegen("report", "--no-cache")
    assert report.status == 0, report.stdout + report.stderr
    header, body = report.stdout.split("\n", 1)
    for i, escaped in enumerate(HOSTILE.values()):
        for platform in ("a", "b"):
            assert f"| {platform} | E{i} |  | {escaped} |" in body, escaped
    # No "<" or ">" from a catalogue reaches the file (the header is the report's own).
    assert header.startswith("<!-- ") and header.endswith(" -->")
    assert "<" not in body and ">" not in body
