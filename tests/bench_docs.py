"""Benchmark: the documentation site (the docs target) of a synthetic catalogue of 100,000 codes
(``make bench``): how long the target takes to render it, how large it is, how long Chromium
takes to open it, and how long search takes to answer each keystroke, typing queries of each
kind (a code, a name, English words, Chinese). Also the size of the seed catalogues' site.

The synthetic catalogue is tests/bench.py's. Figures are printed, never asserted; the search is
timed in the page, from the input event to the results changing (and to the next frame drawn).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Any

from bench import synthetic
from browser.driver import drive, missing

SIZE = 100_000


def queries(size: int) -> dict[str, str]:
    """What is typed, by kind, one character at a time; each keystroke is a search. The words
    every entry holds ("range", "超出范围") are the most work: all entries match, the results
    are capped."""
    code = 100000 + size * 54 // 100
    number = size * 42 // 100 // 3 * 3  # every third entry has a solution: this one does
    return {
        "code": str(code),
        "code prefix": str(code)[:4],
        "name": f"SYNTHETIC_ERROR_NUMBER_{number}",
        "English word": "range",
        "English words": f"parameter {number} retry",
        "Chinese": f"合成错误 {number}",
        "Chinese word": "超出范围",
    }


def site(catalog_text: str, out: Path) -> tuple[Path, float]:
    """The docs target of one catalogue, written to ``out``; and how long rendering took."""
    from codegen.config import load_config
    from codegen.load import load_bytes
    from codegen.render import render
    from codegen.validate import Limits, validate
    from codegen.write import write

    unlimited = Limits(file_bytes=2**40, entries=2**40)
    catalog, problems = validate(load_bytes(catalog_text.encode(), "bench.yaml"), unlimited)
    assert catalog is not None and not problems, problems[:3]
    start = time.perf_counter()
    rendered = render([catalog], ["docs"], load_config().options)
    seconds = time.perf_counter() - start
    assert rendered.files is not None, rendered.diagnostics
    write(out, rendered.files, ["docs"])
    return out / "docs", seconds


def seed_site(out: Path) -> Path:
    """The docs target of the repository's own catalogues."""
    from codegen.config import load_config
    from codegen.pipeline import process, read
    from codegen.render import render
    from codegen.source import catalog_files
    from codegen.write import write

    config = load_config()
    inputs, _ = read(catalog_files(config.catalogs), config.limits.file_bytes, config.root)
    catalogs = process(inputs, limits=config.limits).catalogs
    rendered = render(catalogs, ["docs"], config.options)
    assert rendered.files is not None, rendered.diagnostics
    write(out, rendered.files, ["docs"])
    return out / "docs"


def sizes(directory: Path) -> dict[str, int]:
    return {
        str(p.relative_to(directory)): p.stat().st_size
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def print_sizes(title: str, directory: Path) -> None:
    found = sizes(directory)
    html = [n for n in found if n.endswith(".html")]
    markdown = [n for n in found if n.startswith("markdown")]
    total = sum(found.values())
    print(f"{title}: {len(found)} files, {total / 1e6:.2f} MB")
    for name in sorted(found, key=lambda n: -found[n])[:4]:
        print(f"  {name:<32} {found[name] / 1e6:>9.2f} MB")
    print(f"  {'every HTML page':<32} {sum(found[n] for n in html) / 1e6:>9.2f} MB")
    print(f"  {'the Markdown pages':<32} {sum(found[n] for n in markdown) / 1e6:>9.2f} MB")


def padded(text: str, width: int) -> str:
    """``text`` padded to ``width`` columns, Chinese characters taking two."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - columns)


def answered(keystroke: dict[str, Any]) -> float:
    """Milliseconds from the input event until the results changed (or, unchanged, until the
    page had handled the event)."""
    changed = keystroke["changed_ms"]
    return float(keystroke["handled_ms"] if changed is None else changed)


def measure(size: int, work: Path) -> dict[str, Any]:
    """The figures for a synthetic catalogue of ``size`` codes."""
    docs, render_seconds = site(synthetic(size), work / "out")
    index, page = docs / "index.html", docs / "bench.html"
    tasks = [
        {
            "id": "timing",
            "kind": "timing",
            "url": index.as_uri(),
            "queries": list(queries(size).values()),
            "timeout_ms": 600_000,
        },
        {"id": "platform page", "kind": "visit", "url": page.as_uri(), "timeout_ms": 600_000},
    ]
    report = drive(tasks, work)
    for record in report["tasks"].values():
        assert "failure" not in record, record["failure"]
        assert not record["errors"], record["errors"]
    timing = report["tasks"]["timing"]["result"]
    return {
        "browser": report["browser"],
        "docs": docs,
        "render_s": render_seconds,
        "index_load_ms": timing["load_ms"],
        "page_load_ms": report["tasks"]["platform page"]["ms"],
        "entries_on_page": report["tasks"]["platform page"]["result"]["entries"],
        "queries": timing["queries"],
    }


def print_figures(size: int, figures: dict[str, Any]) -> None:
    print(f"\n{size:,} codes, {figures['browser']}")
    print(f"render (docs target):          {figures['render_s'] * 1000:>8.0f} ms")
    print(f"open index.html (+ the index): {figures['index_load_ms']:>8.0f} ms")
    print(
        f"open the platform page:        {figures['page_load_ms']:>8.0f} ms"
        f" ({figures['entries_on_page']:,} entries)"
    )
    print_sizes("site", figures["docs"])
    print(
        f"\n{'query':<16}{'typed':<32}{'keys':>5}{'median':>9}{'slowest':>9}{'last':>8}"
        f"{'drawn':>8}  shown"
    )
    finals, every = [], []
    for kind, query in zip(queries(size), figures["queries"]):
        times = [answered(k) for k in query["keystrokes"]]
        last = query["keystrokes"][-1]
        finals.append(answered(last))
        every += times
        shown = sum(len(g["items"]) for g in query["results"]["groups"])
        print(
            f"{kind:<16}{padded(query['query'], 32)}{len(times):>5}{statistics.median(times):>7.1f}ms"
            f"{max(times):>7.1f}ms{answered(last):>6.1f}ms{last['painted_ms']:>6.1f}ms  {shown}"
        )
    print(
        f"search answers: median {statistics.median(finals):.1f} ms over the {len(finals)}"
        f" queries, median {statistics.median(every):.1f} ms and slowest {max(every):.1f} ms"
        f" over all {len(every)} keystrokes"
    )


def main(size: int = SIZE) -> dict[str, Any]:
    if missing():
        sys.exit(f"not installed: {', '.join(missing())}: run `make bench`, which installs them")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        print_sizes("seed catalogues' site", seed_site(work / "seed"))
        figures = measure(size, work)
        print_figures(size, figures)
        return {k: v for k, v in figures.items() if k != "docs"}


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else SIZE)
