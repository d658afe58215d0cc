"""The cross-platform report: shared codes and whether they mean the same."""

from __future__ import annotations

import json
from collections.abc import Callable

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
