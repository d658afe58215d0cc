"""The documentation site (the docs target) in a real browser: Debian's Chromium, driven by
Playwright's library from tests/browser/drive.mjs, with axe-core for accessibility.

The site is generated here, into a temporary directory, from the seed catalogues (the
repository's configuration) and from the features case (deprecated entries with replacements),
and opened from disk (file://) and from a static HTTP server on loopback under a sub-path. One
run of the driver does every task the plan below lists and reports what it saw; the tests judge
that report against what the catalogues say, computed here in Python.

Nothing is skipped: without Chromium or node_modules the tests fail, saying that `make test`
installs them. Screenshots are kept in tests/browser/artefacts/ (not committed).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from codegen.config import load_config
from codegen.model import PLACEHOLDER, Catalog, Entry
from codegen.pipeline import process, read
from codegen.source import catalog_files
import bench_docs
from browser.driver import drive, missing
from conftest import CASES, ROOT

ARTEFACTS = ROOT / "tests" / "browser" / "artefacts"
PREFIX = "/some/prefix/"
"""Where the HTTP server puts the site: every link must work below a sub-path."""
FEATURES = CASES / "features"
WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
SAMPLES = 4
"""Entries sampled per platform for the find-any-code test."""
AMBIGUOUS = 30
"""A sampled query that other entries of its platform may also match this often at most, so
that the results, capped per platform, must show the entry sought."""
SERIOUS = {"serious", "critical"}
CJK = re.compile(r"[\u3400-\u9fff]{4,}")

Report = dict[str, Any]


def required() -> None:
    """What `make test` installs for these tests: a missing one fails, never skips."""
    if missing():
        pytest.fail(f"not installed: {', '.join(missing())}: run `make test`, which installs them")


def listed(lines: list[str], most: int = 20) -> str:
    """A failure's lines, the first ``most`` of them."""
    more = f"\n... and {len(lines) - most} more" if len(lines) > most else ""
    return "\n".join(lines[:most]) + more


def catalogs(project: Path) -> list[Catalog]:
    config = load_config(project)
    inputs, problems = read(catalog_files(config.catalogs), None, project)
    result = process(inputs, limits=config.limits)
    assert not problems and len(result.catalogs) == len(inputs), result.diagnostics[:3]
    return list(result.catalogs)


def generate(project: Path, out: Path) -> Path:
    """The docs target of ``project``, generated into ``out`` as `codegen generate` does."""
    argv = [sys.executable, "-m", "codegen", "generate", "--out", str(out), "--target", "docs"]
    process_ = subprocess.run(argv, cwd=project, capture_output=True, text=True)
    assert process_.returncode == 0, f"{argv}:\n{process_.stdout}\n{process_.stderr}"
    site = out / "docs"
    assert (site / "index.html").is_file(), sorted(p.name for p in site.iterdir())
    return site


def haystack(entry: Entry) -> str:
    """Roughly what the search looks through for an entry, to tell a query that many entries
    match (whose entry the capped results may not show) from one that few do."""
    texts = [str(entry.code), entry.name, *entry.aliases, entry.category or ""]
    texts += [*entry.message.values(), *entry.solution.values()]
    return " ".join(texts).lower()


def matching(catalog: Catalog, query: str) -> int:
    words = query.lower().split()
    return sum(all(w in haystack(e) for w in words) for e in catalog.errors)


def words_of(text: str) -> str:
    """A message as a query: its words without the placeholders."""
    return " ".join(PLACEHOLDER.sub(" ", text).split())


@dataclass
class Sample:
    platform: str
    code: str
    kind: str
    query: str


@dataclass
class Expected:
    """What the catalogues say, for judging the report."""

    seed: list[Catalog]
    features: list[Catalog]
    samples: list[Sample] = field(default_factory=list)
    chinese: Sample | None = None
    alias: Sample | None = None
    replacements: dict[str, str] = field(default_factory=dict)
    """Deprecated code -> its replacement's code, in the features case."""
    replacement_names: dict[str, str] = field(default_factory=dict)

    def entry(self, platform: str, code: str) -> Entry:
        for catalog in self.seed:
            if catalog.platform == platform:
                for entry in catalog.errors:
                    if str(entry.code) == code:
                        return entry
        raise KeyError((platform, code))

    def defining(self, code: str) -> set[str]:
        return {c.platform for c in self.seed if any(str(e.code) == code for e in c.errors)}


def queries(entry: Entry) -> list[tuple[str, str]]:
    """How a person may look an entry up: its number, its name, its text in each language."""
    found = [("code", str(entry.code)), ("name", entry.name)]
    found += [
        (lang, words_of(entry.message[lang])) for lang in ("en", "zh") if lang in entry.message
    ]
    return [(kind, query) for kind, query in found if query]


def sample_queries(catalog: Catalog) -> list[Sample]:
    """SAMPLES entries spread over the catalogue (more where needed so that each of its
    languages is sought), each by every query; an entry that a query of its would find among
    too many others is passed over."""
    entries = catalog.errors

    def clear(entry: Entry) -> bool:
        return all(matching(catalog, q) <= AMBIGUOUS for k, q in queries(entry) if k != "code")

    step = max(1, len(entries) // SAMPLES)
    chosen: list[Entry] = []
    for entry in [*entries[::step], *entries]:
        if len(chosen) < SAMPLES and entry not in chosen and clear(entry):
            chosen.append(entry)
    for language in sorted({lang for e in entries for lang in e.message} & {"en", "zh"}):
        if not any(language in e.message for e in chosen):
            chosen.append(next(e for e in entries if language in e.message and clear(e)))
    return [Sample(catalog.platform, str(e.code), k, q) for e in chosen for k, q in queries(e)]


def expectations() -> Expected:
    seed, features = catalogs(ROOT), catalogs(FEATURES)
    expected = Expected(seed, features)
    for catalog in seed:
        expected.samples += sample_queries(catalog)
    (wechat,) = [c for c in seed if c.platform == "wechat"]
    for entry in wechat.errors:
        phrases = CJK.findall(entry.message.get("zh", ""))
        fitting = [p for p in phrases if matching(wechat, p) <= 5]
        if fitting and expected.chinese is None:
            expected.chinese = Sample("wechat", str(entry.code), "zh", max(fitting, key=len))
        fitting = [a for a in entry.aliases if matching(wechat, a) <= 5]
        if fitting and expected.alias is None:
            expected.alias = Sample("wechat", str(entry.code), "alias", fitting[0])
    for catalog in features:
        codes = {e.name: str(e.code) for e in catalog.errors}
        for entry in catalog.errors:
            if entry.deprecated is not None and entry.deprecated.replaced_by is not None:
                expected.replacements[str(entry.code)] = codes[entry.deprecated.replaced_by]
                expected.replacement_names[str(entry.code)] = entry.deprecated.replaced_by
    assert expected.chinese is not None and expected.alias is not None
    assert expected.replacements, "the features case has no deprecated entry with replaced_by"
    return expected


@dataclass
class Sites:
    seed: Path
    features: Path
    origin: str
    """The HTTP server's http://127.0.0.1:PORT; the seed site is below PREFIX there."""

    def url(self, page: str, site: str = "seed") -> str:
        if site == "http":
            return f"{self.origin}{PREFIX}{page}"
        return (self.seed if site == "seed" else self.features).joinpath(page).as_uri()


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sites]:
    required()
    work = tmp_path_factory.mktemp("docs-sites")
    seed = generate(ROOT, work / "seed")
    features = generate(FEATURES, work / "features")
    www = work / "www"
    shutil.copytree(seed, www / PREFIX.strip("/"))
    handler = functools.partial(QuietHandler, directory=str(www))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Sites(seed, features, f"http://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def expected() -> Expected:
    return expectations()


def tasks(sites: Sites, expected: Expected) -> list[dict[str, Any]]:
    """Everything the browser does, in one plan: each task gets a fresh browser context."""
    seed_platforms = [c.platform for c in expected.seed]
    assert expected.chinese is not None and expected.alias is not None
    index, http_index = sites.url("index.html"), sites.url("index.html", "http")
    plan: list[dict[str, Any]] = []
    # Every page of both sites, for errors and requests.
    for site, directory in (("seed", sites.seed), ("features", sites.features)):
        for page in sorted(p.name for p in directory.glob("*.html")):
            plan.append(
                {"id": f"visit {site} {page}", "kind": "visit", "url": sites.url(page, site)}
            )
    plan.append(
        {
            "id": "search 40001",
            "kind": "search",
            "url": index,
            "searches": [{"query": "40001", "typed": True}],
        }
    )
    plan.append(
        {
            "id": "search chinese",
            "kind": "search",
            "url": index,
            "searches": [{"query": expected.chinese.query, "typed": True}],
        }
    )
    plan.append(
        {
            "id": "search samples",
            "kind": "search",
            "url": index,
            "searches": [{"query": s.query} for s in expected.samples],
        }
    )
    plan.append(
        {"id": "filters", "kind": "search", "url": index, "searches": filter_searches(expected)}
    )
    plan.append(
        {
            "id": "follow alias",
            "kind": "follow",
            "url": index,
            "query": expected.alias.query,
            "platform": "wechat",
            "code": expected.alias.code,
        }
    )
    for code in expected.replacements:
        (platform,) = [c.platform for c in expected.features]
        plan.append(
            {
                "id": f"replacement {code}",
                "kind": "replacement",
                "url": sites.url(f"{platform}.html", "features"),
                "code": code,
            }
        )
    for page in ("index.html", "wechat.html"):
        plan.append(
            {
                "id": f"keyboard {page}",
                "kind": "keyboard",
                "url": sites.url(page),
                "tabs": 12,
                "query": "40001",
            }
        )
    modes = [
        ("light", WIDE),
        ("dark", WIDE),
        ("light", PHONE),
        ("dark", PHONE),
    ]
    axe_pages = [
        ("index", index, None),
        ("weex", sites.url("weex.html"), None),
        ("features", sites.url(f"{expected.features[0].platform}.html", "features"), None),
        ("search", index, "invalid"),
    ]
    for name, url, query in axe_pages:
        for scheme, viewport in modes:
            plan.append(
                {
                    "id": f"axe {name} {scheme} {viewport['width']}",
                    "kind": "axe",
                    "url": url,
                    "query": query,
                    "color_scheme": scheme,
                    "viewport": viewport,
                }
            )
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    for name, url, query in (
        ("platform", sites.url("weex.html"), None),
        ("search", index, "40001"),
    ):
        for scheme, viewport in modes:
            width = viewport["width"]
            plan.append(
                {
                    "id": f"screenshot {name} {scheme} {width}",
                    "kind": "screenshot",
                    "url": url,
                    "query": query,
                    "color_scheme": scheme,
                    "viewport": viewport,
                    "path": str(ARTEFACTS / f"{name}-{scheme}-{width}.png"),
                }
            )
    # Served over HTTP below a sub-path.
    plan.append(
        {
            "id": "http search 40001",
            "kind": "search",
            "url": http_index,
            "searches": [{"query": "40001", "typed": True}],
        }
    )
    plan.append(
        {
            "id": "http follow 40001",
            "kind": "follow",
            "url": http_index,
            "query": "40001",
            "platform": "wechat",
            "code": "40001",
        }
    )
    for page in ["index.html", *(f"{p}.html" for p in seed_platforms)]:
        plan.append({"id": f"http links {page}", "kind": "links", "url": sites.url(page, "http")})
    return plan


FILTER_QUERY = "invalid"


def filter_searches(expected: Expected) -> list[dict[str, Any]]:
    """A broad query, then each category and each retryable value chosen with it; and one
    entry's name with its own category and retryable value, and with others."""
    searches: list[dict[str, Any]] = [{"query": FILTER_QUERY}]
    matched = Counter(
        e.category
        for c in expected.seed
        for e in c.errors
        if e.category and FILTER_QUERY in haystack(e)
    )
    # The two commonest categories among the matches, and the rarest.
    common = [category for category, _ in matched.most_common()]
    for category in [*common[:2], common[-1]]:
        searches.append({"query": FILTER_QUERY, "category": category})
    for value in ("yes", "no", "unknown"):
        searches.append({"query": FILTER_QUERY, "retryable": value})
    searches.append({"query": FILTER_QUERY, "typed": True, "category": common[0]})
    entry = filter_entry(expected)
    other = next(c for c in common if c != entry.category)
    searches += [
        {"query": entry.name, "category": entry.category},
        {"query": entry.name, "category": other},
        {"query": entry.name, "retryable": retryable_value(entry.retryable)},
        {"query": entry.name, "retryable": "unknown"},
    ]
    return searches


def filter_entry(expected: Expected) -> Entry:
    """A WeChat entry with a category that is retryable, found by name alone."""
    (wechat,) = [c for c in expected.seed if c.platform == "wechat"]
    return next(
        e
        for e in wechat.errors
        if e.category and e.retryable is True and matching(wechat, e.name) <= 5
    )


def retryable_value(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "unknown"}[value]


@pytest.fixture(scope="module")
def report(sites: Sites, expected: Expected, tmp_path_factory: pytest.TempPathFactory) -> Report:
    """One run of the driver over the whole plan: its report, by task id."""
    required()
    found = drive(tasks(sites, expected), tmp_path_factory.mktemp("browser"), sites.origin)
    records: Report = found["tasks"]
    records["_browser"] = found["browser"]
    return records


def result(report: Report, task_id: str) -> Any:
    record = report[task_id]
    assert "failure" not in record, f"{task_id}: {record['failure']}"
    return record["result"]


def hits(results: dict[str, Any]) -> list[tuple[str, str]]:
    return [(item["platform"], item["code"]) for g in results["groups"] for item in g["items"]]


def answer(report: Report, task_id: str, index: int = 0) -> dict[str, Any]:
    found: dict[str, Any] = result(report, task_id)["answers"][index]
    return found


# --- Search ---------------------------------------------------------------------------------


def test_typing_40001_shows_it_for_every_catalogue_that_defines_it(
    report: Report, expected: Expected
) -> None:
    results = answer(report, "search 40001")["results"]
    assert not results["hidden"] and results["aria_live"] == "polite"
    defining = expected.defining("40001")
    assert len(defining) >= 2
    groups = {g["platform"]: g for g in results["groups"]}
    for platform in sorted(defining):
        assert platform in groups, f"no group for {platform}: {sorted(groups)}"
        first = groups[platform]["items"][0]
        assert first == {
            "href": f"{platform}.html#40001",
            "url": first["url"],
            "platform": platform,
            "code": "40001",
        }, "the exact code must come first in its group"
        title = next(c.title for c in expected.seed if c.platform == platform)
        assert title in groups[platform]["heading"]
    # Results of a platform that does not define 40001 are never the code 40001 itself.
    assert {p for p, code in hits(results) if code == "40001"} == defining


def test_a_chinese_phrase_from_a_wechat_message_finds_its_code(
    report: Report, expected: Expected
) -> None:
    assert expected.chinese is not None
    results = answer(report, "search chinese")["results"]
    assert ("wechat", expected.chinese.code) in hits(results), (expected.chinese, results["text"])


def test_any_seed_code_is_found_by_number_name_and_text_in_each_language(
    report: Report, expected: Expected
) -> None:
    kinds = {s.kind for s in expected.samples}
    assert {"code", "name", "en", "zh"} <= kinds
    assert {s.platform for s in expected.samples} == {c.platform for c in expected.seed}
    missed = []
    for i, sample in enumerate(expected.samples):
        results = answer(report, "search samples", i)["results"]
        if (sample.platform, sample.code) not in hits(results):
            missed.append(f"{sample.platform} {sample.code} by {sample.kind}: {sample.query!r}")
    assert not missed, listed(missed)


def test_a_code_is_ranked_before_text_that_mentions_it(report: Report, expected: Expected) -> None:
    for i, sample in enumerate(expected.samples):
        if sample.kind != "code":
            continue
        results = answer(report, "search samples", i)["results"]
        (group,) = [g for g in results["groups"] if g["platform"] == sample.platform]
        assert group["items"][0]["code"] == sample.code, (sample, group["items"][:3])


def test_the_category_and_retryable_filters_narrow_the_results(
    report: Report, expected: Expected
) -> None:
    searches = filter_searches(expected)
    answers = result(report, "filters")["answers"]
    unfiltered = hits(answers[0]["results"])
    categories_seen = {expected.entry(p, c).category for p, c in unfiltered}
    assert len(categories_seen) > 1, "the broad query should span several categories"
    for search, found in zip(searches[1:], answers[1:]):
        shown = hits(found["results"])
        entries = [expected.entry(p, c) for p, c in shown]
        if "category" in search:
            wrong = [
                (p, c) for (p, c), e in zip(shown, entries) if e.category != search["category"]
            ]
            assert not wrong, f"{search}: {wrong[:5]}"
        if "retryable" in search:
            wrong = [
                (p, c)
                for (p, c), e in zip(shown, entries)
                if retryable_value(e.retryable) != search["retryable"]
            ]
            assert not wrong, f"{search}: {wrong[:5]}"
        if search["query"] == FILTER_QUERY:
            matched = [
                e
                for c in expected.seed
                for e in c.errors
                if FILTER_QUERY in haystack(e)
                and e.category == search.get("category", e.category)
                and retryable_value(e.retryable)
                == search.get("retryable", retryable_value(e.retryable))
            ]
            assert bool(shown) == bool(
                matched
            ), f"{search}: {len(shown)} shown, {len(matched)} match"
    entry = filter_entry(expected)
    key = ("wechat", str(entry.code))
    own_category, other_category, own_retryable, unknown = answers[-4:]
    assert key in hits(own_category["results"])
    assert key not in hits(other_category["results"])
    assert key in hits(own_retryable["results"])
    assert key not in hits(unknown["results"])


def test_the_results_are_empty_for_an_empty_query(report: Report) -> None:
    escaped = result(report, "keyboard index.html")["escaped"]
    assert escaped["results"]["groups"] == []


# --- Navigation -----------------------------------------------------------------------------


def landed(target: dict[str, Any] | None, page: str, code: str) -> None:
    assert target is not None, "no element is :target"
    assert target["url"].endswith(f"/{page}#{code}"), target["url"]
    assert target["id"] == code and target["code"] == code, target
    assert target["tag"] == "article" and "entry" in target["classes"], target
    assert target["visible"] and target["in_viewport"], f"the entry is not in view: {target}"
    assert target["uncovered"], f"something covers the entry's heading: {target}"


def test_a_wechat_alias_leads_to_its_entry(report: Report, expected: Expected) -> None:
    assert expected.alias is not None
    found = result(report, "follow alias")
    assert ("wechat", expected.alias.code) in hits(found["results"]), expected.alias
    landed(found["target"], "wechat.html", expected.alias.code)


def test_a_deprecated_entry_links_to_its_replacement(report: Report, expected: Expected) -> None:
    (platform,) = [c.platform for c in expected.features]
    for code, replacement in expected.replacements.items():
        found = result(report, f"replacement {code}")
        assert found["links"] == 1, f"{code}: {found['links']} a.replacement"
        assert found["href"] == f"#{replacement}"
        assert found["text"] == expected.replacement_names[code]
        landed(found["target"], f"{platform}.html", replacement)


# --- Keyboard -------------------------------------------------------------------------------


@pytest.mark.parametrize("page", ["index.html", "wechat.html"])
def test_tab_reaches_skip_link_search_and_filters_in_order(report: Report, page: str) -> None:
    found = result(report, f"keyboard {page}")
    tabs = found["tabs"]
    first = tabs[0]
    assert first["tag"] == "a" and first["href"] == "#_main", f"first Tab: {first}"
    assert first["in_viewport"] and first["width"] > 1 and first["height"] > 1, first
    order = [t.get("id") for t in tabs]
    for wanted in ("_q", "_category", "_retryable"):
        assert wanted in order, f"Tab never reaches #{wanted}: {order}"
    assert order.index("_q") < order.index("_category") < order.index("_retryable")
    # An outline or box shadow, on the element or on the frame around it (:focus-within).
    unmarked = [t for t in tabs + found["to_result"] if t["tag"] != "body" and not t["indicator"]]
    assert not unmarked, f"focused without a visible indicator: {unmarked}"


@pytest.mark.parametrize("page", ["index.html", "wechat.html"])
def test_slash_focuses_search_and_enter_opens_a_result(report: Report, page: str) -> None:
    found = result(report, f"keyboard {page}")
    assert found["before_slash"]["href"] == "#_main"
    assert found["after_slash"]["id"] == "_q", found["after_slash"]
    assert found["value_after_slash"] == "", "the / was typed into the search box"
    last = found["to_result"][-1]
    assert "result" in last["classes"], f"Tab never reached a result: {found['to_result']}"
    entered = found["entered"]
    assert entered is not None
    assert entered["url"].endswith(last["href"]) and entered["id"] == last["code"], entered


def test_escape_clears_the_search_and_the_skip_link_moves_to_main(report: Report) -> None:
    found = result(report, "keyboard index.html")
    assert found["typed"]["groups"], "typing after / found nothing"
    assert found["escaped"]["value"] == ""
    assert found["skipped"]["hash"] == "#_main" and found["skipped"]["main"] == "main"


# --- What pages do --------------------------------------------------------------------------


def test_every_page_has_the_search_ui_and_english_as_its_language(
    report: Report, sites: Sites
) -> None:
    pages = sorted(p.name for p in sites.seed.glob("*.html"))
    assert "index.html" in pages and "wechat.html" in pages
    for task_id, record in report.items():
        if task_id.startswith("visit "):
            page = result(report, task_id)
            assert page["has_search"] and page["lang"] == "en", (task_id, page)
            assert page["title"], task_id


def records(report: Report) -> list[tuple[str, dict[str, Any]]]:
    return [(k, v) for k, v in report.items() if not k.startswith("_")]


def test_no_console_error_or_page_error_on_any_page(report: Report) -> None:
    found = []
    for task_id, record in records(report):
        found += [f"{task_id}: {e}" for e in record["errors"]]
        found += [f"{task_id}: {m['text']}" for m in record["console"] if m["type"] == "error"]
        if "failure" in record:
            found.append(f"{task_id}: {record['failure']}")
    assert not found, listed(found)


def test_no_request_leaves_the_site(report: Report, sites: Sites) -> None:
    """Every request of every page is a file of the site itself (from disk, or below the
    sub-path on the HTTP server): no CDN, font, image or anything else from elsewhere."""
    outside = []
    roots = {"seed": sites.seed.resolve(), "features": sites.features.resolve()}
    for task_id, record in records(report):
        for url in record["requests"]:
            parts = urlsplit(url)
            if parts.scheme == "file":
                path = Path(unquote(parts.path)).resolve()
                if not any(path.is_relative_to(r) for r in roots.values()) or not path.is_file():
                    outside.append(f"{task_id}: {url}")
            elif not url.startswith(sites.origin + PREFIX):
                outside.append(f"{task_id}: {url}")
        outside += [f"{task_id}: failed {f['url']} {f['error']}" for f in record["failed"]]
        outside += [
            f"{task_id}: {s['status']} {s['url']}" for s in record["statuses"] if s["status"] >= 400
        ]
    assert not outside, listed(outside)
    assert any(record["requests"] for _, record in records(report))


# --- Accessibility --------------------------------------------------------------------------


def test_axe_finds_no_serious_violation(report: Report) -> None:
    ran = [k for k in report if k.startswith("axe ")]
    assert len(ran) == 16
    found = []
    for task_id in ran:
        outcome = result(report, task_id)
        if task_id.startswith("axe search"):
            assert outcome["results"]["groups"], f"{task_id}: the search shows no results"
        for violation in outcome["violations"]:
            if violation["impact"] in SERIOUS:
                found.append(f"{task_id}: {json.dumps(violation, ensure_ascii=False)}")
    assert not found, listed(found)


# --- Served under a sub-path ----------------------------------------------------------------


def test_the_site_works_over_http_under_a_sub_path(report: Report, sites: Sites) -> None:
    results = answer(report, "http search 40001")["results"]
    base = sites.origin + PREFIX
    for item in (i for g in results["groups"] for i in g["items"]):
        assert item["url"].startswith(base), item
    found = result(report, "http follow 40001")
    landed(found["target"], "wechat.html", "40001")
    assert found["target"]["url"] == f"{base}wechat.html#40001"


def test_every_link_resolves_below_the_sub_path(report: Report, sites: Sites) -> None:
    """Every same-site link and resource of every page names a file of the site; links
    elsewhere are the catalogues' sources, which only open when clicked."""
    base = sites.origin + PREFIX
    broken = []
    pages = [k for k in report if k.startswith("http links ")]
    assert len(pages) == len(list(sites.seed.glob("*.html")))
    for task_id in pages:
        found = result(report, task_id)
        for link in found["links"] + found["resources"]:
            url = link["url"]
            parts = urlsplit(url)
            if parts.scheme in ("http", "https") and not url.startswith(sites.origin):
                if link in found["resources"]:
                    broken.append(f"{task_id}: loads {url}")
                continue
            if parts.scheme in ("mailto",):
                continue
            if not url.startswith(base):
                broken.append(f"{task_id}: {link['href']} -> {url}")
                continue
            relative = unquote(parts.path[len(PREFIX) :]) or "index.html"
            if not (sites.seed / relative).is_file():
                broken.append(f"{task_id}: {link['href']} -> no file {relative}")
    assert not broken, listed(broken)


# --- Screenshots ----------------------------------------------------------------------------


def test_screenshots_are_kept_as_artefacts(report: Report) -> None:
    shots = [k for k in report if k.startswith("screenshot ")]
    assert len(shots) == 8
    for task_id in shots:
        path = Path(result(report, task_id)["path"])
        data = path.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n"), path
        width = int.from_bytes(data[16:20], "big")
        assert width == int(task_id.rsplit(" ", 1)[1]), (path, width)
    print(f"\nscreenshots of {report['_browser']} in {ARTEFACTS.relative_to(ROOT)}/")


# --- The benchmark --------------------------------------------------------------------------


def test_the_docs_benchmark_runs(tmp_path: Path) -> None:
    """`make bench` times search on 100,000 codes; here its code runs on a few hundred (no
    time is asserted): every query typed, every keystroke answered, each finding its entry."""
    required()
    size = 300
    figures = bench_docs.measure(size, tmp_path)
    assert figures["entries_on_page"] == size
    typed = bench_docs.queries(size)
    assert [q["query"] for q in figures["queries"]] == list(typed.values())
    for kind, query in zip(typed, figures["queries"]):
        assert len(query["keystrokes"]) == len(query["query"])
        found = hits(query["results"])
        assert found, f"{kind}: {query['query']!r} found nothing"
        if kind in ("code", "name", "English words", "Chinese"):
            wanted = (
                typed["code"]
                if kind == "code"
                else str(100000 + int(typed["name"].removeprefix("SYNTHETIC_ERROR_NUMBER_")))
            )
            assert ("bench", wanted) in found, (kind, query["query"], found[:5])
