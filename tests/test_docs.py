"""The reference site (out/docs/): a page per platform with an anchor per code, ids of the
page's own that no code can take, links that all resolve, a search index that reads back as
the catalogues, and catalogue text that stays text in HTML, attributes, URLs, the index and
the Markdown."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen.diagnostics import Severity, printable
from codegen.model import Catalog
from codegen.pipeline import process, read
from codegen.render import Options, render
from codegen.source import catalog_files
from codegen.targets import languages
from codegen.targets.docs import IDS, OWN_ID_PREFIX, RESULTS_PER_PLATFORM, md_text, safe_url
from codegen.targets.report import md_cell
from conftest import CASES, ROOT, toolchain

# --- a small DOM ----------------------------------------------------------------------------

VOID = {"meta", "link", "input", "br", "img", "hr", "source", "wbr", "area", "base", "col"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def walk(self) -> Iterator[Node]:
        yield self
        for child in self.children:
            if isinstance(child, Node):
                yield from child.walk()

    def find(self, tag: str = "", cls: str = "", **attrs: str) -> list[Node]:
        return [
            n
            for n in self.walk()
            if (not tag or n.tag == tag)
            and (not cls or cls in n.classes())
            and all(n.attrs.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class Tree(HTMLParser):
    """The page as html.parser reads it: elements, their attributes (every one, repeated
    ones too, so that none can hide), text, comments and declarations."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack = [self.root]
        self.attributes: list[tuple[str, str, str | None]] = []
        self.comments: list[str] = []
        self.declarations: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes += [(tag, name, value) for name, value in attrs]
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, tag
        assert self.stack[-1].tag == tag, f"</{tag}> closes <{self.stack[-1].tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_decl(self, decl: str) -> None:
        self.declarations.append(decl)

    def unknown_decl(self, data: str) -> None:
        raise AssertionError(f"unknown declaration {data!r}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"processing instruction {data!r}")


def parse(text: str) -> Tree:
    tree = Tree()
    tree.feed(text)
    tree.close()
    assert [n.tag for n in tree.stack] == ["#document"], "an element is left open"
    return tree


# --- projects -------------------------------------------------------------------------------


def catalogues(directory: Path) -> list[Catalog]:
    result = process(read(catalog_files(directory), None)[0])
    errors = [d.render() for d in result.diagnostics if d.severity is Severity.ERROR]
    assert result.catalogs and not errors, errors
    return sorted(result.catalogs, key=lambda c: c.platform)


def site(catalogs: list[Catalog]) -> dict[str, str]:
    """The docs target's files by path under out/docs/."""
    rendered = render(catalogs, ["docs"], Options())
    assert rendered.files is not None, rendered.diagnostics
    return {p.relative_to("docs").as_posix(): text for p, text in rendered.files.items()}


@pytest.fixture(scope="module")
def seed() -> tuple[list[Catalog], dict[str, str]]:
    """The repository's catalogues, with the golden cases' (integer and string codes)."""
    found = catalogues(ROOT / "catalogs")
    found += catalogues(CASES / "features" / "catalogs")
    found += catalogues(CASES / "string_codes" / "catalogs")
    found.sort(key=lambda c: c.platform)
    return found, site(found)


def pages(files: dict[str, str]) -> dict[str, Tree]:
    return {path: parse(text) for path, text in files.items() if path.endswith(".html")}


# --- anchors and ids ------------------------------------------------------------------------


def test_every_file_of_the_site(seed: tuple[list[Catalog], dict[str, str]]) -> None:
    catalogs, files = seed
    platforms = [c.platform for c in catalogs]
    assert sorted(files) == sorted(
        ["index.html", "site.css", "search.js", "search-index.js", "markdown/README.md"]
        + [f"{p}.html" for p in platforms]
        + [f"markdown/{p}.md" for p in platforms]
    )


def test_each_code_is_an_entry_at_its_own_anchor(
    seed: tuple[list[Catalog], dict[str, str]],
) -> None:
    catalogs, files = seed
    for catalog in catalogs:
        tree = parse(files[f"{catalog.platform}.html"])
        entries = tree.root.find("article", "entry")
        assert [(e.attrs["id"], e.attrs["data-code"], e.attrs["data-name"]) for e in entries] == [
            (str(e.code), str(e.code), e.name) for e in catalog.errors
        ]
    weex = parse(files["weex.html"]).root
    assert (
        weex.find("article", id="40001")[0].find("h3")[0].text()
        == "40001 ACCESS_KEY_HEADER_MISSING"
    )
    assert parse(files["binance.html"]).root.find("article", id="-1003")
    assert parse(files["open_platform_gateway.html"]).root.find("article", id="API_SYS_REQMETHOD")
    assert parse(files["sqlstate.html"]).root.find("article", id="00000")


def test_the_runtimes_documentation_urls_lead_to_each_codes_entry() -> None:
    """What the generated error types give as a code's doc_url (the vectors say it for
    every runtime) is a page of the site and the id of that code's entry there."""
    out = CASES / "features" / "out"
    base = "https://errors.example.com/docs/"  # the case's docs_url
    for vectors in sorted((out / "vectors").glob("*.json")):
        codes = json.loads(vectors.read_text())["codes"]
        for code in codes:
            assert code["doc_url"].startswith(base)
            page, _, fragment = code["doc_url"][len(base) :].partition("#")
            entry = parse((out / "docs" / page).read_text()).root.find("article", id=fragment)
            assert [e.attrs["data-code"] for e in entry] == [str(code["code"])]


def test_the_pages_own_ids_never_collide_with_a_code(
    seed: tuple[list[Catalog], dict[str, str]],
) -> None:
    """A code never starts with "_" (nor does a number): every other id does."""
    catalogs, files = seed
    assert OWN_ID_PREFIX == "_" and all(i.startswith("_") for i in IDS.values())
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", "_x") is None  # the schema's pattern
    codes = {c.platform: {str(e.code) for e in c.errors} for c in catalogs}
    for path, tree in pages(files).items():
        ids = [n.attrs["id"] for n in tree.root.walk() if "id" in n.attrs]
        assert len(ids) == len(set(ids)), path
        own = {i for i in ids if i.startswith("_")}
        assert own <= set(IDS.values())
        assert set(ids) - own == codes.get(path.removesuffix(".html"), set()), path
        for name in ("skip", "main", "q", "category", "retryable", "results"):
            assert IDS[name] in own, (path, name)


def test_every_page_has_the_search_ui(seed: tuple[list[Catalog], dict[str, str]]) -> None:
    catalogs, files = seed
    categories = sorted({e.category for c in catalogs for e in c.errors if e.category})
    for path, tree in pages(files).items():
        root = tree.root
        [query] = root.find("input", id="_q")
        assert query.attrs["type"] == "search"
        assert root.find("label", for_="_q") and root.find("label", for_="_category")
        [category] = root.find("select", id="_category")
        assert [o.attrs["value"] for o in category.find("option")] == ["", *categories]
        [retryable] = root.find("select", id="_retryable")
        assert [o.attrs["value"] for o in retryable.find("option")] == [
            "",
            "yes",
            "no",
            "unknown",
        ]
        [results] = root.find("div", id="_results")
        assert results.attrs["aria-live"] == "polite" and results.children == []
        assert root.find("main", id="_main") and root.find("a", href="#_main")
        [html] = root.find("html")
        assert html.attrs["lang"] == "en"
        assert tree.declarations == ["doctype html"], path


# --- links ----------------------------------------------------------------------------------


def test_every_link_is_relative_and_resolves(seed: tuple[list[Catalog], dict[str, str]]) -> None:
    """href="x.html#y": x.html exists and has the id y; nothing is loaded from elsewhere."""
    _, files = seed
    trees = pages(files)
    ids = {
        path: {n.attrs["id"] for n in t.root.walk() if "id" in n.attrs} for path, t in trees.items()
    }
    for path, tree in trees.items():
        for node in tree.root.walk():
            for attribute in ("href", "src"):
                if attribute not in node.attrs:
                    continue
                target = node.attrs[attribute]
                if target.startswith(("http://", "https://")):
                    assert node.tag == "a" and "external" in node.attrs["rel"], (path, target)
                    continue
                assert ":" not in target.split("#")[0] and not target.startswith("/"), target
                name, _, anchor = target.partition("#")
                name = name or path
                resolved = PurePosixPath(path).parent / name
                assert resolved.as_posix() in files, (path, target)
                if anchor:
                    assert anchor in ids[resolved.as_posix()], (path, target)
    for tree in trees.values():
        for node in tree.root.find("script"):
            assert node.attrs["src"] in ("search-index.js", "search.js") and not node.children
        for node in tree.root.find("link"):
            assert node.attrs == {"rel": "stylesheet", "href": "site.css"}


def test_markdown_links_resolve(seed: tuple[list[Catalog], dict[str, str]]) -> None:
    _, files = seed
    anchors = {
        path: set(re.findall(r'^<a id="([^"]+)"></a>$', text, re.M))
        for path, text in files.items()
        if path.endswith(".md")
    }
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        for target in re.findall(r"\]\(([^)]+)\)", text):
            name, _, anchor = target.partition("#")
            resolved = (PurePosixPath(path).parent / (name or PurePosixPath(path).name)).as_posix()
            resolved = re.sub(r"[^/]+/\.\./", "", resolved)
            assert resolved in files, (path, target)
            if anchor and resolved.endswith(".md"):
                assert anchor in anchors[resolved], (path, target)


def test_shared_codes_link_each_other_with_their_meaning(
    seed: tuple[list[Catalog], dict[str, str]],
) -> None:
    _, files = seed

    def shared(page: str, code: str) -> dict[str, str]:
        [entry] = parse(files[page]).root.find("article", id=code)
        [listed] = entry.find("ul", "shared")
        return {
            item.find("a")[0].attrs["href"]: item.find("span", "meaning")[0].text()
            for item in listed.find("li")
        }

    # 40001 is a missing header at WEEX and an invalid credential elsewhere.
    assert shared("weex.html", "40001") == {
        "open_platform.html#40001": "different meaning",
        "wechat.html#40001": "different meaning",
    }
    # 40002 "invalid grant_type" means the same in 001 and WeChat, not at WEEX.
    assert shared("open_platform.html", "40002") == {
        "wechat.html#40002": "same meaning",
        "weex.html#40002": "different meaning",
    }
    # An integer code and a string code are not the same code.
    assert (
        not parse(files["sqlstate.html"]).root.find("article", id="40001")[0].find("ul", "shared")
    )


# --- what an entry shows --------------------------------------------------------------------


def test_an_entry_shows_its_names_replacement_and_placeholders(
    seed: tuple[list[Catalog], dict[str, str]],
) -> None:
    catalogs, files = seed
    root = parse(files["features.html"]).root
    [old] = root.find("article", id="4")
    [replacement] = old.find("a", "replacement")
    assert (replacement.attrs["href"], replacement.text()) == ("#429", "TOO_MANY_REQUESTS")
    [entry] = root.find("article", id="429")
    [aliases] = entry.find("ul", "aliases")
    assert [li.find("code")[0].text() for li in aliases.find("li")] == ["RATE_LIMITED", "HTTP_429"]
    identifiers = [c.text() for c in entry.find("ul", "identifiers")[0].find("code")]
    assert identifiers == [
        "FeaturesCode.TOO_MANY_REQUESTS",
        "features.Code.TOO_MANY_REQUESTS",
        "features.TooManyRequests",
        "features::Code::TooManyRequests",
    ]
    english = entry.find("p", lang="en")[0]
    assert [c.text() for c in english.find("code", "placeholder")] == ["{limit}"]
    assert english.text() == "Too many requests; current limit is {limit} requests per minute."
    assert entry.find("p", lang="zh")
    badges = [b.text() for b in entry.find("li", "badge")]
    assert badges == ["Category: rate_limit", "HTTP 429", "retryable"]
    patterns = [p.text() for p in entry.find("span", "pattern")]
    assert patterns == ["Slow down, {who}!", "Way too many requests; IP banned until {time}."]
    assert "<html><h1>I'm a teapot</h1></html>" in [p.text() for p in entry.find("pre")]
    [rejected] = root.find("article", id="7")
    english = rejected.find("p", lang="en")[0]
    assert "({not a placeholder})" in english.text()
    assert [c.text() for c in english.find("code", "placeholder")] == [
        "{type}",
        "{self}",
        "{language}",
        "{limit}",
    ]
    # Every language's identifier is its target's naming of the entry's name.
    for catalog in catalogs:
        tree = parse(files[f"{catalog.platform}.html"]).root
        for article, entry_ in zip(tree.find("article", "entry"), catalog.errors):
            shown = [c.text() for c in article.find("ul", "identifiers")[0].find("code")]
            assert [
                s.endswith(t.naming.member(entry_.name))
                for s, t in zip(shown, languages())
                if t.naming is not None
            ] == [True] * len(languages())


def test_the_index_lists_every_platform(seed: tuple[list[Catalog], dict[str, str]]) -> None:
    catalogs, files = seed
    root = parse(files["index.html"]).root
    cards = root.find("li", "platform-card")
    assert [c.attrs["data-platform"] for c in cards] == [c.platform for c in catalogs]
    for card, catalog in zip(cards, catalogs):
        assert card.find("h3")[0].find("a")[0].attrs["href"] == f"{catalog.platform}.html"
        assert f"{len(catalog.errors):,} code" in card.text()


def test_only_http_sources_become_links() -> None:
    assert safe_url("https://www.postgresql.org/docs/") == "https://www.postgresql.org/docs/"
    for url in ("javascript:alert(1)", "data:text/html,x", "//evil.example", "http://", "ftp://x"):
        assert safe_url(url) is None, url
    assert safe_url('https://x.example/"><script>') is None
    assert safe_url("https://x.example/a b") is None
    assert safe_url("https://x.example/\u202e") is None


# --- hostile text ---------------------------------------------------------------------------

HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "' onmouseover='alert(1)' x='",
    "</pre></code></textarea><!-- --> --!> <![CDATA[ x ]]>",
    "&lt;b&gt; &amp; & &#x3c;done",
    "javascript:alert(1)",
    "{{ x }} {% if x %} ${x} `tick` */ /*",
    "</script><script>alert(2)</script> \u2028 \u2029",
    "a | b \\ c [l](javascript:x) ![i](http://x) <http://y>",
    "#40001 <a href=x>link</a> <style>*{}</style>",
]
"""Text that would be markup, an attribute, a link, a script or a comment if it were not
escaped where it lands."""

SOURCE = "https://example.com/a?b=1&c='2'#x"
"""A source that is a link: its quote and ampersand must survive inside href."""


def q(text: str) -> str:
    return json.dumps(text)


def hostile_catalogue(platform: str) -> str:
    texts = HOSTILE
    lines = [
        f"platform: {platform}",
        f"title: {q(' '.join(texts[:3]))}",
        f"source: {q(SOURCE if platform == 'a' else texts[5] + ' ' + texts[1])}",
        "code_type: integer",
        "response:",
        "  shapes:",
        f"    - {{name: rest, code: /code, message: {q('/' + texts[0])}}}",
        "errors:",
    ]
    for i, text in enumerate(texts, 1):
        lines += [
            f"  - code: {i}",
            f"    name: E{i}",
            f"    message: {{en: {q(text + f' {i}')}, zh: {q('中文 ' + text + f' {i}')}}}",
            f"    solution: {{en: {q(text)}}}",
        ]
        if i == 1:
            body = {"code": 1, "<script>": texts[3]}
            lines += [
                f"    match: {{messages: [{q('<b>{who}</b> ' + texts[6])}]}}",
                f"    examples: [{{body: {json.dumps(body)}}}, {{text: {q(json.dumps(body))}}}]",
            ]
        if i == 2:
            lines += [f"    deprecated: {{reason: {q(texts[7])}, replaced_by: E1}}"]
    lines += ["reserved:", f"  - {{code: 99, name: GONE, reason: {q(texts[8])}}}"]
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Catalog], dict[str, str]]:
    directory = tmp_path_factory.mktemp("hostile") / "catalogs"
    directory.mkdir()
    for platform in ("a", "b"):
        (directory / f"{platform}.yaml").write_text(hostile_catalogue(platform), encoding="utf-8")
    found = catalogues(directory)
    return found, site(found)


ATTRIBUTES = {
    "a": {"href", "class", "rel", "id", "aria-current"},
    "article": {"class", "id", "data-code", "data-name"},
    "caption": {"class"},
    "code": {"class"},
    "div": {"class", "id", "aria-live"},
    "form": {"class", "id", "role", "action", "method"},
    "h1": {"id"},
    "h2": {"id", "class"},
    "h3": {"class"},
    "header": {"class"},
    "footer": {"class"},
    "dd": {"class"},
    "dl": {"class"},
    "pre": set(),
    "html": {"lang"},
    "input": {"type", "id", "name", "placeholder", "autocomplete", "spellcheck"}
    | {"enterkeyhint", "aria-controls", "aria-keyshortcuts"},
    "kbd": {"class", "aria-hidden"},
    "label": {"for"},
    "li": {"class", "data-platform"},
    "link": {"rel", "href"},
    "main": {"id", "tabindex"},
    "meta": {"charset", "name", "content"},
    "nav": {"class", "aria-label"},
    "option": {"value"},
    "p": {"class", "lang"},
    "script": {"src", "defer"},
    "section": {"class", "aria-labelledby"},
    "select": {"id", "name"},
    "span": {"class", "aria-hidden", "aria-current"},
    "th": {"scope"},
    "ul": {"class", "aria-label"},
}
"""Every attribute the templates write, by element: text can add none."""


def test_hostile_text_stays_text_in_html(hostile: tuple[list[Catalog], dict[str, str]]) -> None:
    catalogs, files = hostile
    for path, tree in pages(files).items():
        for tag, name, _ in tree.attributes:
            assert name in ATTRIBUTES.get(tag, set()), (path, tag, name)
        assert len(tree.root.find("script")) == 2 and not tree.root.find("img")
        assert not tree.root.find("style") and not tree.root.find("textarea")
        assert len(tree.comments) == 1 and tree.comments[0].startswith(" Code generated by ")
        assert tree.declarations == ["doctype html"]
        text = tree.root.text()
        if path == "index.html":
            for catalog in catalogs:
                assert " ".join(catalog.title.split()) in text
            continue
        for piece in HOSTILE:
            shown = printable(" ".join(piece.split()))
            assert shown in text, (path, piece)
        # Attribute values hold only what the pages compute: names, codes, languages.
        for node in tree.root.walk():
            for name, value in node.attrs.items():
                if name not in ("href", "content", "placeholder"):
                    assert re.fullmatch(r"[\w .:/#,_-]*", value), (path, name, value)


def test_only_an_http_source_is_a_link(hostile: tuple[list[Catalog], dict[str, str]]) -> None:
    _, files = hostile
    linked = parse(files["a.html"]).root.find("p", "source")[0].find("a")
    assert [a.attrs for a in linked] == [{"href": SOURCE, "rel": "external noreferrer"}]
    assert not parse(files["b.html"]).root.find("p", "source")[0].find("a")
    hrefs = [n.attrs["href"] for t in pages(files).values() for n in t.root.find("a")]
    assert not [h for h in hrefs if "javascript" in h.lower()]


def test_the_search_index_reads_back_as_the_catalogues(
    seed: tuple[list[Catalog], dict[str, str]],
    hostile: tuple[list[Catalog], dict[str, str]],
) -> None:
    for catalogs, files in (seed, hostile):
        text = files["search-index.js"]
        assert "<" not in text.split("\n", 1)[1]
        assert "\u2028" not in text and "\u2029" not in text
        data = search_index(text)
        assert data["platforms"] == [
            {
                "platform": c.platform,
                "title": printable(" ".join(c.title.split())),
                "page": f"{c.platform}.html",
            }
            for c in catalogs
        ]
        rows = [(i, e) for i, c in enumerate(catalogs) for e in c.errors]
        assert len(data["entries"]) == len(rows)
        for row, (number, entry) in zip(data["entries"], rows):
            assert row[:6] == [
                number,
                str(entry.code),
                entry.name,
                list(entry.aliases),
                entry.category,
                entry.retryable,
            ]
            assert row[6] == printable(" ".join(entry.default_message.split()))
            for language_text in (*entry.message.values(), *entry.solution.values()):
                assert unicodedata.normalize("NFKC", language_text).lower() in row[7]


def search_index(text: str) -> Any:
    """The data of search-index.js: JSON in a single-quoted string, one code a line."""
    header, body = text.split("\n", 1)
    assert header.startswith("// Code generated by codegen ")
    prefix, suffix = "window.ERRCODES_INDEX = JSON.parse('", "');\n"
    assert body.startswith(prefix) and body.endswith(suffix)
    literal = body.removeprefix(prefix).removesuffix(suffix)
    assert re.fullmatch(r"(?:[^\\'\n]|\\[\\'\n])*", literal)
    return json.loads(re.sub(r"\\([\\'\n])", lambda m: "" if m[1] == "\n" else m[1], literal))


def node_run(script: str, *files: str) -> Any:
    done = subprocess.run(
        [toolchain("node"), "-e", script, *files], capture_output=True, encoding="utf-8"
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_javascript_reads_the_index_as_python_does(
    hostile: tuple[list[Catalog], dict[str, str]], tmp_path: Path
) -> None:
    _, files = hostile
    (tmp_path / "index.js").write_text(files["search-index.js"], encoding="utf-8")
    read_back = node_run(
        "const vm = require('vm'); const fs = require('fs'); const window = {};"
        " vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), {window});"
        " console.log(JSON.stringify(window.ERRCODES_INDEX));",
        str(tmp_path / "index.js"),
    )
    assert read_back == search_index(files["search-index.js"])


# A page without a browser: just enough of the DOM for search.js to start, so that its
# search can be asked what it finds (window.errcodesSearch).
SEARCH = """
const vm = require('vm'); const fs = require('fs');
const stub = () => ({value: '', name: '', options: [], addEventListener() {}, append() {},
  querySelector() { return null; }, textContent: ''});
const nodes = {};
const document = {getElementById: (id) => (nodes[id] = nodes[id] || stub()),
  addEventListener() {}, createElement: stub, createDocumentFragment: stub};
const window = {location: {search: ''}, addEventListener() {}};
const context = {window, document, HTMLElement: class {}, URLSearchParams};
vm.runInNewContext(fs.readFileSync(process.argv[1], 'utf8'), context);
vm.runInNewContext(fs.readFileSync(process.argv[2], 'utf8'), context);
const asked = JSON.parse(process.argv[3]);
console.log(JSON.stringify(asked.map(([q, c, r]) => window.errcodesSearch(q, c, r).map(
  (g) => [g.platform.platform, g.total, g.entries.map((e) => e.code)]))));
"""


def search(files: dict[str, str], tmp_path: Path, *asked: tuple[str, str, str]) -> Any:
    for name in ("search-index.js", "search.js"):
        (tmp_path / name).write_text(files[name], encoding="utf-8")
    index, script = tmp_path / "search-index.js", tmp_path / "search.js"
    return node_run(SEARCH, str(index), str(script), json.dumps(asked))


def test_the_search_finds_codes_names_and_texts(
    seed: tuple[list[Catalog], dict[str, str]], tmp_path: Path
) -> None:
    _, files = seed
    by_code, prefix, name, chinese, words, filtered, nothing, capped = search(
        files,
        tmp_path,
        ("40001", "", ""),
        ("4000", "", "yes"),
        ("access_key_header", "", ""),
        ("签名", "", ""),
        ("INVALID   token", "", ""),
        ("", "rate_limit", "yes"),
        ("no such text anywhere", "", ""),
        ("e", "", ""),
    )
    # Every catalogue that defines 40001, the exact code first in each.
    assert {platform: codes[0] for platform, _, codes in by_code} == {
        "open_platform": "40001",
        "sqlstate": "40001",
        "wechat": "40001",
        "weex": "40001",
    }
    assert all(not codes or codes[0].startswith("4000") for _, _, codes in prefix)
    assert ["weex", 1, ["40001"]] in name
    assert "open_platform_gateway" in [platform for platform, _, _ in chinese]
    assert all(total == len(codes) for _, total, codes in words if total <= RESULTS_PER_PLATFORM)
    assert filtered and all(total > 0 for _, total, _ in filtered)
    assert nothing == []
    assert max(len(codes) for _, _, codes in capped) == RESULTS_PER_PLATFORM
    assert max(total for _, total, _ in capped) > RESULTS_PER_PLATFORM


# --- Markdown -------------------------------------------------------------------------------


def test_markdown_keeps_hostile_text_as_text(hostile: tuple[list[Catalog], dict[str, str]]) -> None:
    _, files = hostile
    for path, text in files.items():
        if not path.endswith(".md"):
            continue
        header, body = text.split("\n", 1)
        assert header.startswith("<!-- Code generated by codegen ") and header.endswith(" -->")
        columns = 0
        for line in body.splitlines():
            # The only HTML is the anchor before each code's heading, a code of the catalogue.
            if re.fullmatch(r'<a id="-?[0-9]+"></a>', line):
                continue
            assert "<" not in line and ">" not in line, (path, line)
            unescaped = re.sub(r"\\.", "", line)
            # Code spans hold names and identifiers only.
            spans = re.findall(r"`([^`]*)`", unescaped)
            assert all(re.fullmatch(r"[\w.:]+", span) for span in spans), (path, line)
            assert "`" not in re.sub(r"`[^`]*`", "", unescaped), (path, line)
            if line.startswith("|"):
                columns = columns or unescaped.count("|")  # a table's first row sets it
                assert unescaped.count("|") == columns, (path, line)
            else:
                columns = 0
        if path != "markdown/README.md":
            assert "| message (en) | &lt;script&gt;alert(1)&lt;/script&gt; 1 |" in body
            assert (
                "a \\| b \\\\ c \\[l\\](javascript:x) !\\[i\\](http://x) &lt;http://y&gt;" in body
            )


@settings(max_examples=300, database=None, deadline=None)
@given(st.one_of(st.sampled_from(HOSTILE), st.text(), st.text(alphabet="ab |<>&[]`\\\n\t\u2028")))
def test_markdown_text_is_md_cell(text: str) -> None:
    """The docs target's shortcut gives md_cell's text, character for character."""
    assert md_text(text) == md_cell(text)
