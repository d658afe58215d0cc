"""The data model: the documented, versioned description of the catalogues that every
project template and plugin receives, and that ``codegen export`` prints.

``schema/datamodel.schema.json`` is its contract, tested against this module: templates and
plugins written outside codegen rely on it, so a change that could break one (a field
removed, renamed or retyped) raises VERSION; adding a field does not.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import Any

from . import __version__
from .model import PLACEHOLDER, Catalog, Entry
from .render import GENERATOR, Options, aggregate_header_line, header_line

VERSION = 1


def model(catalogs: Sequence[Catalog], options: Options) -> dict[str, Any]:
    """Every catalogue, sorted by platform, its entries in catalogue order, as JSON data."""
    ordered = sorted(catalogs, key=lambda c: c.platform)
    return {
        "version": VERSION,
        "generator": {"name": GENERATOR, "version": __version__},
        "generated": aggregate_header_line(ordered),
        "options": {f.name: getattr(options, f.name) for f in dataclasses.fields(options)},
        "catalogs": [_catalog(c) for c in ordered],
    }


def export(catalogs: Sequence[Catalog], options: Options) -> str:
    """The data model as JSON text, for ``codegen export``: texts as themselves (UTF-8), keys
    in the model's order, one trailing line break."""
    return json.dumps(model(catalogs, options), ensure_ascii=False, indent=2) + "\n"


def _catalog(catalog: Catalog) -> dict[str, Any]:
    return {
        "path": catalog.path,
        "platform": catalog.platform,
        "title": catalog.title,
        "source": catalog.source,
        "code_type": catalog.code_type,
        "code_space": catalog.code_space,
        "digest": catalog.digest,
        "generated": header_line(catalog),
        "errors": [_entry(e) for e in catalog.errors],
        "reserved": [
            {"code": t.code, "name": t.name, "reason": t.reason} for t in catalog.reserved
        ],
    }


def _entry(entry: Entry) -> dict[str, Any]:
    deprecated = entry.deprecated
    return {
        "code": entry.code,
        "name": entry.name,
        "aliases": list(entry.aliases),
        "message": dict(entry.message),
        "default_message": entry.default_message,
        "solution": dict(entry.solution),
        "default_solution": entry.default_solution,
        # Those of the default text, in its order: every language has the same set unless
        # PLACEHOLDER_MISMATCH is turned off.
        "placeholders": list(dict.fromkeys(PLACEHOLDER.findall(entry.default_message))),
        "category": entry.category,
        "http_status": entry.http_status,
        "retryable": entry.retryable,
        "deprecated": (
            None
            if deprecated is None
            else {"reason": deprecated.reason, "replaced_by": deprecated.replaced_by}
        ),
    }
