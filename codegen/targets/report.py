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
from collections import defaultdict
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
    """Codes defined by two or more catalogues, in code order, with each platform's entry."""
    by_code: dict[tuple[str, Code], list[tuple[Catalog, Entry]]] = defaultdict(list)
    for catalog in catalogs:
        for entry in catalog.errors:
            by_code[(catalog.code_type, entry.code)].append((catalog, entry))
    shared = []
    for (_, code), found in sorted(by_code.items(), key=lambda item: (item[0][0], item[0][1])):
        if len(found) < 2:
            continue
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


def markdown(catalogs: Sequence[Catalog]) -> str:
    shared = shared_codes(catalogs)
    filters: dict[str, Callable[..., object]] = {
        "md_cell": md_cell,
        "default_text": default_text,
        "letter": lambda n: string.ascii_uppercase[n % 26],
    }
    return template("report", "shared_codes.md.j2", filters).render(
        header=corpus_header("<!--", catalogs) + " -->",
        catalogs=catalogs,
        shared=shared,
        pairs=pair_counts(catalogs, shared),
    )


def json_report(catalogs: Sequence[Catalog]) -> str:
    # The header sits on the first line, as in every generated file, so that generate
    # and check know the file is theirs.
    header = corpus_header("", catalogs).strip()
    body = json.dumps(shared_codes(catalogs), ensure_ascii=False, indent=2)
    return f'{{"generated": {json.dumps(header)},\n "shared_codes": {body}}}\n'


def render(catalogs: Sequence[Catalog], options: Options) -> Files:
    return {MARKDOWN: markdown(catalogs), JSON: json_report(catalogs)}


TARGET = Target(
    name="report",
    summary="codes that several platforms share, as Markdown and JSON (out/report/)",
    render=render,
)
