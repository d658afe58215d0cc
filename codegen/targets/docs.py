"""Docs target: a reference site for the people who look codes up (out/docs/), and the same
reference as Markdown (out/docs/markdown/).

``index.html`` lists the platforms; ``<platform>.html`` shows every code of one, each at the
anchor that is the code itself (``weex.html#40001``): a code's documentation URL is its page
and its code. Every page searches all platforms as you type, in the browser, over
``search-index.js`` (a script rather than JSON: a page opened from disk may not fetch).
Nothing is loaded from elsewhere and every link is relative, so the site works from
``file://`` and from any static host under any path.

Every text of a catalogue comes from a stranger's pull request. The HTML templates escape
all they print (``{% autoescape true %}`` in the templates themselves, so that a project's
copy of one escapes as the built-in one does); this module's filters mark placeholders, show
invisible characters as escapes and make links of http(s) URLs only; the search index is
JSON, in a JavaScript string, that no text can end (``<``, U+2028 and U+2029 escaped);
Markdown goes through the report's ``md_cell``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ..diagnostics import printable
from ..model import PLACEHOLDER, Catalog, Code, Deprecation, Entry, Example, Tombstone
from ..render import Files, Options, aggregate_header, corpus_header, doc_page, template
from .base import Target
from .charset import Memo, must_escape
from .report import md_cell, shared_codes
from .vectors import compact, parameters

DIRECTORY = PurePosixPath("docs")
MARKDOWN = DIRECTORY / "markdown"
INDEX_PAGE = "index.html"
STYLESHEET = "site.css"
SCRIPT = "search.js"
SEARCH_INDEX = "search-index.js"
MARKDOWN_INDEX = "README.md"

OWN_ID_PREFIX = "_"
"""What every id of the pages' own elements starts with. A code starts with a letter or a
digit (or "-", a negative number), so no such id can ever be a code's anchor."""

OWN_IDS: tuple[str, ...] = ("skip", "main", "search", "q", "category", "retryable", "results")
OWN_IDS += ("title", "about", "platforms", "codes", "response", "reserved")


def own_id(name: str) -> str:
    """The id of one of the pages' own elements: ``q`` -> ``_q``."""
    return OWN_ID_PREFIX + name


IDS = {name: own_id(name) for name in OWN_IDS}
"""The id of each of the pages' own elements, by name, for the templates and the script."""

RESULTS_PER_PLATFORM = 50
"""The search shows at most this many hits per platform, then says how many more match."""

RETRYABLE = {True: "yes", False: "no", None: "unknown"}
"""An entry's ``retryable`` as the retryable filter's values name it."""

QUALIFIED: Mapping[str, tuple[str, str]] = {
    "python": ("Python", "{class}.{member}"),
    "typescript": ("TypeScript", "{module}.Code.{member}"),
    "go": ("Go", "{package}.{member}"),
    "rust": ("Rust", "{platform}::Code::{member}"),
}
"""How code using a language's output writes a platform's member: the language's name and
a format over the target's vectors() information, ``platform`` (its Naming.platform) and
``member`` (its Naming.member). A language not listed is shown as ``platform.member``."""


# --- Escaping and naming --------------------------------------------------------------------


def anchor(code: Code) -> str:
    """A code's id on its page and the fragment of its URL: the code as text. A code is an
    integer or ``[A-Za-z0-9][A-Za-z0-9_.-]*``, both valid as ids and fragments as they are."""
    return str(code)


_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")
"""What percent-encoding leaves as it is: every code as its pattern allows."""


def fragment(code: Code) -> str:
    """``#<code>``, percent-encoded should a code ever hold more than its pattern allows."""
    text = anchor(code)
    return "#" + (text if _UNRESERVED.fullmatch(text) else quote(text, safe=""))


def shown(text: str) -> str:
    """Catalogue text as one line of visible characters: blanks made one space, invisible
    characters (controls, bidirectional overrides) as escapes, as md_cell shows them."""
    return printable(" ".join(text.split()))


def shown_lines(text: str) -> str:
    """Catalogue text for a <pre>: its line breaks kept, every other invisible character
    shown as its escape."""
    return "\n".join(printable(line) for line in text.split("\n"))


def marked(text: str) -> Markup:
    """A message or pattern as HTML: its text as ``shown`` and escaped, each placeholder
    as ``<code class="placeholder">{name}</code>`` (a name is an identifier: nothing to
    escape)."""
    text = " ".join(text.split())
    if "{" not in text:
        return escape(printable(text))  # no placeholder: the text alone
    parts = PLACEHOLDER.split(text)
    out = [_html(printable(parts[0]))]
    for i in range(1, len(parts), 2):
        out += (f'<code class="placeholder">{{{parts[i]}}}</code>', _html(printable(parts[i + 1])))
    return Markup("".join(out))


_HTML_SPECIAL = frozenset("&<>'\"")


def _html(text: str) -> str:
    """``text`` escaped as markupsafe escapes it, answered at once when it has nothing to
    escape (the common case)."""
    return text if _HTML_SPECIAL.isdisjoint(text) else str(escape(text))


def safe_url(url: str) -> str | None:
    """``url`` when it may be a link: an absolute http(s) URL with a host and nothing that
    would need escaping or quoting; else None, and it is shown as text."""
    if any(must_escape(char) or char in ' "<>\\`' for char in url):
        return None
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and host else None


URL = re.compile(r"https?://[^\s\"<>\\`]+", re.IGNORECASE)
"""What may be a link in a source's text; safe_url has the last word."""


def linked(text: str) -> Markup:
    """A source as HTML: its text as ``shown``, each http(s) URL in it a link (punctuation
    that ends a sentence or closes a bracket is left out of the URL)."""
    out, end = [], 0
    text = " ".join(text.split())
    for match in URL.finditer(text):
        url = match.group().rstrip(".,;:!?)]}'")
        if safe_url(url) is None:
            continue
        out.append(escape(printable(text[end : match.start()])))
        out.append(Markup('<a href="{0}" rel="external noreferrer">{0}</a>').format(url))
        end = match.start() + len(url)
    out.append(escape(printable(text[end:])))
    return Markup("").join(out)


_MARKDOWN_MARKUP = frozenset(c for c in map(chr, range(128)) if md_cell(f"a{c}a") != f"a{c}a")
"""The characters md_cell changes (it escapes none beyond ASCII but invisible ones)."""


def md_text(value: str | int | None) -> str:
    """md_cell's result, answered at once for the common text that has nothing to escape
    or fold."""
    if (
        isinstance(value, str)
        and value.isprintable()
        and _MARKDOWN_MARKUP.isdisjoint(value)
        # Of the blanks, only " " is printable: no run of them, none at either end.
        and "  " not in value
        and value[:1] != " "
        and value[-1:] != " "
    ):
        return value
    return md_cell(value)


def md_code(value: str) -> str:
    """A name or identifier for Markdown: a code span when it needs no escape (a code span
    would show the escapes), else md_cell's text."""
    text = md_text(value)
    return f"`{text}`" if text == value and "`" not in value else text


def search_text(texts: Iterable[str]) -> str:
    """Texts as the search compares them, one per line: compatibility forms folded (full-width
    letters, ligatures) and lower case, as search.js folds the query."""
    return "\n".join(unicodedata.normalize("NFKC", text).lower() for text in texts)


def script_json(value: object) -> str:
    """JSON to sit in a script: no text can end the script or be read as markup ("<" is
    escaped), nor break a line of an older parser (U+2028, U+2029)."""
    return _script_safe(json.dumps(value, ensure_ascii=False, separators=(",", ":")))


def _script_safe(text: str) -> str:
    """JSON text with what script_json escapes escaped."""
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def counted(number: int, noun: str) -> str:
    """``1 code``, ``1,234 codes``."""
    return f"{number:,} {noun}{'' if number == 1 else 's'}"


# --- What the pages show --------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Shared:
    """Another platform that defines the same code."""

    platform: str
    title: str
    href: str
    markdown: str
    name: str
    same: bool
    """Whether it means the same, as the report says (checks.same_meaning)."""


@dataclass(frozen=True, slots=True)
class Shown:
    """An example response, as the pages show it."""

    status: int | None
    kind: str
    """"text" or "JSON body"."""
    params: tuple[tuple[str, str], ...]
    """The parameters classifying it yields, when the example states them."""
    text: str
    """For a <pre>: the body as indented JSON, or the text."""
    line: str
    """For a Markdown cell: the same on one line."""


@dataclass(frozen=True, slots=True)
class View:
    """One entry as its pages show it."""

    entry: Entry
    code: str
    anchor: str | None
    """Its id; None for a second entry of the same code (DUPLICATE_CODE turned off)."""
    identifiers: tuple[tuple[str, str], ...]
    """(language, the member as code using that language writes it)."""
    parameters: tuple[str, ...]
    replacement: str | None
    """The fragment of the entry that deprecated.replaced_by names, if there is one."""
    retryable: str
    examples: tuple[Shown, ...]
    shared: tuple[Shared, ...]


@dataclass(frozen=True, slots=True)
class Platform:
    """One catalogue as the site shows it."""

    catalog: Catalog
    page: str
    markdown: str
    views: tuple[View, ...]
    categories: tuple[tuple[str, int], ...]
    """Each category with its number of codes, the most used first."""
    uncategorised: int
    generic: tuple[tuple[str, str | None], ...]
    """Each generic code, with the fragment of its entry when the catalogue defines it."""
    reserved: tuple[Tombstone, ...]


Writer = tuple[str, str, str, Callable[[str], str]]
"""(language, before, after, Naming.member): a member is ``before + member(name) + after``."""


def writers(catalog: Catalog, options: Options) -> list[Writer]:
    """How each language target writes the catalogue's members, as QUALIFIED says."""
    from . import languages  # the registry lists this module too

    found = []
    for target in languages():
        naming = target.naming
        assert naming is not None
        info = {k: str(v) for k, v in (target.vectors or _no_vectors)(catalog, options).items()}
        info["platform"] = naming.platform(catalog.platform)
        label, form = QUALIFIED.get(target.name, (target.name, "{platform}.{member}"))
        before, _, after = form.format_map({**info, "member": "\0"}).partition("\0")
        found.append((label, before, after, naming.member))
    return found


def _no_vectors(catalog: Catalog, options: Options) -> dict[str, Any]:
    return {}


def shared_with(catalogs: Sequence[Catalog]) -> dict[tuple[str, Code], tuple[Shared, ...]]:
    """For each (platform, code) that another catalogue defines too, the others, from the
    report's shared codes."""
    titles = {c.platform: c.title for c in catalogs}
    found: dict[tuple[str, Code], tuple[Shared, ...]] = {}
    for item in shared_codes(catalogs):
        code, platforms = item["code"], item["platforms"]
        for mine in platforms:
            found[(mine["platform"], code)] = tuple(
                Shared(
                    platform=other["platform"],
                    title=titles[other["platform"]],
                    href=doc_page(other["platform"]) + fragment(code),
                    markdown=f"{other['platform']}.md{fragment(code)}",
                    name=other["name"],
                    same=other["meaning"] == mine["meaning"],
                )
                for other in platforms
                if other["platform"] != mine["platform"]
            )
    return found


def _example(example: Example) -> Shown:
    params = tuple((example.params or {}).items())
    if example.text is not None:
        return Shown(example.status, "text", params, shown_lines(example.text), shown(example.text))
    body = json.dumps(example.body, ensure_ascii=False)
    pretty = json.dumps(example.body, ensure_ascii=False, indent=2)
    return Shown(example.status, "JSON body", params, shown_lines(pretty), shown(body))


def platform_view(
    catalog: Catalog, options: Options, shared: Mapping[tuple[str, Code], tuple[Shared, ...]]
) -> Platform:
    languages = writers(catalog, options)
    codes: dict[str, Code] = {}
    for entry in catalog.errors:
        codes.setdefault(entry.name, entry.code)
    seen: set[str] = set()
    views = []
    for entry in catalog.errors:
        code = anchor(entry.code)
        replaced = entry.deprecated.replaced_by if entry.deprecated is not None else None
        views.append(
            View(
                entry=entry,
                code=code,
                anchor=None if code in seen else code,
                identifiers=tuple(
                    (label, before + member(entry.name) + after)
                    for label, before, after, member in languages
                ),
                parameters=tuple(parameters(entry)),
                replacement=(
                    fragment(codes[replaced])
                    if replaced is not None and replaced in codes
                    else None
                ),
                retryable=RETRYABLE[entry.retryable],
                examples=tuple(_example(e) for e in entry.examples),
                shared=shared.get((catalog.platform, entry.code), ()),
            )
        )
        seen.add(code)
    counts = Counter(e.category for e in catalog.errors if e.category is not None)
    response = catalog.response
    return Platform(
        catalog=catalog,
        page=doc_page(catalog.platform),
        markdown=f"{catalog.platform}.md",
        views=tuple(views),
        categories=tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))),
        uncategorised=len(catalog.errors) - sum(counts.values()),
        generic=tuple(
            (anchor(code), fragment(code) if anchor(code) in seen else None)
            for code in (response.generic_codes if response is not None else ())
        ),
        reserved=catalog.reserved,
    )


Article = tuple[
    View,
    Entry,
    str | None,
    str,
    str,
    str,
    str | None,
    int | None,
    str,
    Deprecation | None,
    tuple[tuple[str, Markup], ...],
    tuple[tuple[str, Markup], ...],
    tuple[str, ...],
    tuple[str, ...],
    tuple[tuple[str, str], ...],
    tuple[int, ...],
    tuple[str, ...],
    tuple[Shown, ...],
    tuple[Shared, ...],
]
"""An entry as its HTML page shows it, for the loop over thousands of them: its view and
entry, then the anchor, code, the code's fragment, name, category, HTTP status, retryable,
deprecation, messages and solutions (each language with its text as ``marked`` makes it),
aliases, parameters, identifiers, the statuses and message patterns that classify it, its
examples and the other platforms that share its code."""


def articles(platform: Platform) -> list[Article]:
    """Each entry of ``platform`` as its HTML page shows it (:data:`Article`)."""
    rows: list[Article] = []
    for view in platform.views:
        entry = view.entry
        rows.append(
            (
                view,
                entry,
                view.anchor,
                view.code,
                fragment(view.code),
                entry.name,
                entry.category,
                entry.http_status,
                view.retryable,
                entry.deprecated,
                tuple([(language, marked(text)) for language, text in entry.message.items()]),
                tuple([(language, marked(text)) for language, text in entry.solution.items()]),
                entry.aliases,
                view.parameters,
                view.identifiers,
                entry.match.statuses,
                entry.match.messages,
                view.examples,
                view.shared,
            )
        )
    return rows


Section = tuple[
    View,
    Entry,
    str | None,
    str,
    str,
    tuple[tuple[str, str], ...],
    tuple[tuple[str, str], ...],
    tuple[str, ...],
    str | None,
    int | None,
    str,
    Deprecation | None,
    tuple[str, ...],
    tuple[tuple[str, str], ...],
    tuple[int, ...],
    tuple[str, ...],
    tuple[Shown, ...],
    tuple[Shared, ...],
]
"""An entry as its Markdown page shows it, every text as a table cell (``md_cell``) or a
name as code (``md_code``): its view and entry, then the anchor, code, name, messages and
solutions (each language with its text), parameters, category, HTTP status, retryable,
deprecation, aliases, identifiers (each language with its member), the statuses and
message patterns that classify it, its examples and the other platforms that share its
code."""


def sections(platform: Platform) -> list[Section]:
    """Each entry of ``platform`` as its Markdown page shows it (:data:`Section`)."""
    cell = Memo(md_text)  # language tags and categories repeat
    rows: list[Section] = []
    for view in platform.views:
        entry = view.entry
        category = entry.category
        rows.append(
            (
                view,
                entry,
                view.anchor,
                md_text(view.code),
                md_text(entry.name),
                tuple([(cell[language], md_text(t)) for language, t in entry.message.items()]),
                tuple([(cell[language], md_text(t)) for language, t in entry.solution.items()]),
                tuple([md_code(name) for name in view.parameters]),
                None if category is None else cell[category],
                entry.http_status,
                view.retryable,
                entry.deprecated,
                entry.aliases,
                tuple([(language, md_code(member)) for language, member in view.identifiers]),
                entry.match.statuses,
                entry.match.messages,
                view.examples,
                view.shared,
            )
        )
    return rows


# --- The search index -----------------------------------------------------------------------


def index_entry(number: int, entry: Entry) -> list[Any]:
    """One code in the search index: [platform number, code, name, aliases, category,
    retryable, the message to show, the text to search besides code and names]."""
    texts = (*entry.message.values(), *entry.solution.values(), entry.category or "")
    return [
        number,
        anchor(entry.code),
        entry.name,
        list(entry.aliases),
        entry.category,
        entry.retryable,
        shown(entry.default_message),
        search_text(texts),
    ]


def js_string(text: str) -> str:
    """Text (JSON without line breaks) as the body of a single-quoted JavaScript string."""
    return text.replace("\\", "\\\\").replace("'", "\\'")


def search_index(catalogs: Sequence[Catalog]) -> str:
    """``window.ERRCODES_INDEX = JSON.parse('...');``: every code of every platform, one a
    line (a backslash before each line break continues the string). A string for JSON.parse
    rather than an object literal: Chromium takes ten times as long over a literal of 100,000
    codes (seconds) as over the same JSON in a string."""
    platforms = [
        {"platform": c.platform, "title": shown(c.title), "page": doc_page(c.platform)}
        for c in catalogs
    ]
    encode = compact(",", ":")
    # Each code's JSON on a line of its own; script_json and js_string change single
    # characters, none a line break (JSON has none), so they apply to all lines at once.
    rows = ",\n".join(
        encode(index_entry(number, entry))
        for number, catalog in enumerate(catalogs)
        for entry in catalog.errors
    )
    rows = js_string(_script_safe(rows)).replace("\n", "\\\n")
    return (
        corpus_header("//", catalogs)
        + "\nwindow.ERRCODES_INDEX = JSON.parse('{"
        + f'"platforms":{js_string(script_json(platforms))},"entries":[\\\n'
        + rows
        + "\\\n]}');\n"
    )


# --- Rendering ------------------------------------------------------------------------------

FILTERS: Mapping[str, Callable[..., object]] = {
    "shown": shown,
    "shown_lines": shown_lines,
    "marked": marked,
    "linked": linked,
    "fragment": fragment,
    "counted": counted,
    "md_cell": md_text,
    "md_code": md_code,
}


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    shared = shared_with(catalogs)
    platforms = [platform_view(catalog, options, shared) for catalog in catalogs]
    site = {
        "ids": IDS,
        "platforms": platforms,
        "categories": sorted({e.category for c in catalogs for e in c.errors if e.category}),
        "codes": sum(len(c.errors) for c in catalogs),
        "per_platform": RESULTS_PER_PLATFORM,
        "index_page": INDEX_PAGE,
        "stylesheet": STYLESHEET,
        "script": SCRIPT,
        "search_index": SEARCH_INDEX,
        "markdown_index": f"{MARKDOWN.relative_to(DIRECTORY)}/{MARKDOWN_INDEX}",
    }
    html = corpus_header("<!--", catalogs) + " -->"
    files: Files = {
        DIRECTORY
        / INDEX_PAGE: template("docs", "index.html.j2", FILTERS).render(header=html, **site),
        DIRECTORY
        / STYLESHEET: template("docs", "site.css.j2", FILTERS).render(
            header=aggregate_header("/*", catalogs) + " */"
        ),
        DIRECTORY
        / SCRIPT: template("docs", "search.js.j2", FILTERS).render(
            header=aggregate_header("//", catalogs), **site
        ),
        DIRECTORY / SEARCH_INDEX: search_index(catalogs),
        MARKDOWN
        / MARKDOWN_INDEX: template("docs", "README.md.j2", FILTERS).render(header=html, **site),
    }
    html_page = template("docs", "platform.html.j2", FILTERS)
    markdown_page = template("docs", "platform.md.j2", FILTERS)
    for platform in platforms:
        head = corpus_header("<!--", catalogs, platform.catalog) + " -->"
        files[DIRECTORY / platform.page] = html_page.render(
            header=head, platform=platform, articles=articles(platform), **site
        )
        files[MARKDOWN / platform.markdown] = markdown_page.render(
            header=head, platform=platform, sections=sections(platform), **site
        )
    return files


TARGET = Target(
    name="docs",
    summary="a searchable reference site and Markdown pages of every code (out/docs/)",
    render=render,
    cost=8,
)
