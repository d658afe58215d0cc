"""Report target: every code that more than one catalogue defines, with its meaning on each
platform, as Markdown for people and JSON for tools (out/report/shared_codes.{md,json}).

The same numbers mean different things on different platforms (40001 is a missing header at
WEEX and an invalid credential at WeChat); a program that talks to several vendors has to
know which. ``codegen report`` prints the same text.
"""

from __future__ import annotations

import itertools
import string
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from typing import Any

from ..checks import same_meaning
from ..diagnostics import printable
from ..model import Catalog, Code, Entry, default_text
from ..render import Files, Options, corpus_header, template
from .base import Target

MARKDOWN = PurePosixPath("report", "shared_codes.md")
JSON = PurePosixPath("report", "shared_codes.json")


def _meanings(entries: list[Entry]) -> list[int]:
    """A meaning number per entry: entries with the same meaning share it, numbered from 0
    in order of first appearance."""
    numbers: list[int] = []
    for i, entry in enumerate(entries):
        same = next((numbers[j] for j in range(i) if same_meaning(entries[j], entry)), None)
        numbers.append(same if same is not None else max(numbers, default=-1) + 1)
    return numbers


def shared_codes(catalogs: Sequence[Catalog]) -> list[dict[str, Any]]:
    """Codes defined by two or more catalogues, in code order, with each platform's entry.
    Counting the codes is the only work done for every entry: the rest is done for the
    codes that are shared, which are few (none when there is one catalogue)."""
    by_type: dict[str, list[Catalog]] = defaultdict(list)
    for catalog in catalogs:
        by_type[catalog.code_type].append(catalog)
    shared = []
    for code_type in sorted(by_type):
        members = by_type[code_type]
        counts = Counter(
            itertools.chain.from_iterable([entry.code for entry in c.errors] for c in members)
        )
        repeated = {code for code, count in counts.items() if count > 1}
        if not repeated:
            continue
        by_code: dict[Code, list[tuple[Catalog, Entry]]] = {code: [] for code in sorted(repeated)}
        for catalog in members:
            for entry in catalog.errors:
                if entry.code in repeated:
                    by_code[entry.code].append((catalog, entry))
        for code, found in by_code.items():
            meanings = _meanings([entry for _, entry in found])
            shared.append(
                {
                    "code": code,
                    "meanings": max(meanings) + 1,
                    "platforms": [
                        {
                            "platform": catalog.platform,
                            "meaning": meaning,
                            "name": entry.name,
                            "category": entry.category,
                            "message": dict(entry.message),
                        }
                        for (catalog, entry), meaning in zip(found, meanings)
                    ],
                }
            )
    return shared


def pair_counts(
    catalogs: Sequence[Catalog], shared: list[dict[str, Any]]
) -> list[tuple[str, str, int]]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for item in shared:
        platforms = sorted(p["platform"] for p in item["platforms"])
        for pair in itertools.combinations(platforms, 2):
            counts[pair] += 1
    return [(a, b, n) for (a, b), n in sorted(counts.items())]


_MARKDOWN_ESCAPES = {
    "\\": "\\\\",
    "|": "\\|",
    "`": "\\`",
    "[": "\\[",
    "]": "\\]",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
}
"""What would make catalogue text into Markdown rather than text: HTML (``<script>``, ``<img
onerror>``) and entities, the cell's end, code spans (in which entities show undecoded),
links and images; the backslash that escapes the rest."""


def md_cell(value: str | int | None) -> str:
    """A catalogue value as plain text in one Markdown table cell: blanks made one space,
    invisible characters shown as escapes (diagnostics.printable), markup escaped; None is
    an empty cell. Every catalogue value the Markdown prints goes through it."""
    if value is None:
        return ""
    shown = printable(" ".join(str(value).split()))
    return "".join(_MARKDOWN_ESCAPES.get(char, char) for char in shown)


def letter(number: int) -> str:
    """A meaning's number as the report's letter: ``0`` -> ``A``."""
    return string.ascii_uppercase[number % 26]


FILTERS: dict[str, Callable[..., object]] = {
    "md_cell": md_cell,
    "default_text": default_text,
    "letter": letter,
}
"""The report's filters, one dict for every render: the template environment is made once
for them (a new function each render made a new environment, and compiled the template
again, each time)."""


def markdown(catalogs: Sequence[Catalog], shared: list[dict[str, Any]] | None = None) -> str:
    """The report as Markdown; ``shared``: the catalogues' shared_codes, if known already."""
    if shared is None:
        shared = shared_codes(catalogs)
    return template("report", "shared_codes.md.j2", FILTERS).render(
        header=corpus_header("<!--", catalogs) + " -->",
        catalogs=catalogs,
        shared=shared,
        pairs=pair_counts(catalogs, shared),
    )


def json_report(catalogs: Sequence[Catalog], shared: list[dict[str, Any]] | None = None) -> str:
    """The report as JSON; ``shared``: the catalogues' shared_codes, if known already."""
    # The header sits on the first line, as in every generated file, so that generate
    # and check know the file is theirs.
    header = corpus_header("", catalogs).strip()
    body = json.dumps(
        shared_codes(catalogs) if shared is None else shared, ensure_ascii=False, indent=2
    )
    return f'{{"generated": {json.dumps(header)},\n "shared_codes": {body}}}\n'


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    shared = shared_codes(catalogs)
    return {MARKDOWN: markdown(catalogs, shared), JSON: json_report(catalogs, shared)}


TARGET = Target(
    name="report",
    summary="codes that several platforms share, as Markdown and JSON (out/report/)",
    render=render,
)
