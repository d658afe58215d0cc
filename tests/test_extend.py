"""A project's own templates and targets: the data model they receive."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from codegen import datamodel
from codegen.pipeline import process, read
from codegen.render import MARKER, Options
from codegen.source import catalog_files
from conftest import CASES, ROOT

SCHEMA = ROOT / "schema"


# --- The data model -------------------------------------------------------------------------


def schema(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads((SCHEMA / name).read_text("utf-8"))
    return loaded


def catalogs_of(directory: Path) -> list[Any]:
    inputs, problems = read(catalog_files(directory), None, directory.parent)
    result = process(inputs)
    assert not problems and not result.errors
    return result.catalogs


MODELLED = [ROOT / "catalogs", CASES / "features" / "catalogs", CASES / "string_codes" / "catalogs"]


def test_datamodel_schema_is_this_version() -> None:
    document = schema("datamodel.schema.json")
    jsonschema.Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["properties"]["version"]["const"] == datamodel.VERSION


@pytest.mark.parametrize("directory", MODELLED, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_datamodel_validates(directory: Path) -> None:
    """The model of this repository's catalogues and of the golden cases follows the schema;
    catalogues come sorted by platform, entries in catalogue order."""
    catalogs = catalogs_of(directory)
    model = datamodel.model(catalogs, Options())
    jsonschema.Draft202012Validator(schema("datamodel.schema.json")).validate(model)
    platforms = [c["platform"] for c in model["catalogs"]]
    assert platforms == sorted(c.platform for c in catalogs)
    for shown in model["catalogs"]:
        catalog = next(c for c in catalogs if c.platform == shown["platform"])
        assert [e["code"] for e in shown["errors"]] == [e.code for e in catalog.errors]


def test_datamodel_entry() -> None:
    """Every field of an entry, as documented."""
    (catalog,) = catalogs_of(CASES / "features" / "catalogs")
    model = datamodel.model([catalog], Options(python_package="acme"))
    assert model["version"] == 1
    assert model["generator"]["name"] == "codegen"
    assert model["options"] == {
        "python_package": "acme",
        "go_module": "example.com/errcodes",
        "rust_crate": "errcodes",
    }
    (shown,) = model["catalogs"]
    assert shown["path"] == "catalogs/features.yaml"
    assert shown["digest"] == catalog.digest and shown["code_space"] is None
    assert (
        shown["generated"].startswith(f"{MARKER} ")
        and "catalogs/features.yaml" in shown["generated"]
    )
    assert MARKER in model["generated"] and "1 catalogues" in model["generated"]
    entry = next(e for e in shown["errors"] if e["name"] == "TOO_MANY_REQUESTS")
    assert entry == {
        "code": 429,
        "name": "TOO_MANY_REQUESTS",
        "aliases": ["RATE_LIMITED", "HTTP_429"],
        "message": {
            "en": "Too many requests; current limit is {limit} requests per minute.",
            "zh": "请求过多;当前限制为每分钟 {limit} 次",
        },
        "default_message": "Too many requests; current limit is {limit} requests per minute.",
        "solution": {},
        "default_solution": None,
        "placeholders": ["limit"],
        "category": "rate_limit",
        "http_status": 429,
        "retryable": True,
        "deprecated": None,
    }
    old = next(e for e in shown["errors"] if e["name"] == "OLD_LIMIT_EXCEEDED")
    assert old["deprecated"] == {
        "reason": "Split into two codes.",
        "replaced_by": "TOO_MANY_REQUESTS",
    }
    assert shown["reserved"] == [
        {
            "code": 6,
            "name": "FORMER_FEATURE",
            "reason": "Removed in 2.0; its code must not be reused.",
        }
    ]


def test_datamodel_schema_documents_every_option_and_field() -> None:
    document = schema("datamodel.schema.json")
    options = document["properties"]["options"]["properties"]
    assert set(options) == {f.name for f in dataclasses.fields(Options)}

    def walk(node: Any, where: str) -> Iterator[str]:
        if isinstance(node, dict):
            for name, value in node.get("properties", {}).items():
                described = "description" in value or "$ref" in value
                if not described:
                    yield f"{where}.{name}"
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                yield from walk(value, f"{where}[{i}]")

    assert list(walk(document, "$")) == []


def test_export_is_the_model_as_json() -> None:
    catalogs = catalogs_of(CASES / "features" / "catalogs")
    text = datamodel.export(catalogs, Options())
    assert text.endswith("}\n")
    assert json.loads(text) == datamodel.model(catalogs, Options())
    assert "请求成功" in text  # texts as themselves, not \u escapes
