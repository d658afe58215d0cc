"""Conformance of the generated Python to the test vectors (out/vectors/<platform>.json).

    CONFORMANCE_VECTORS=out/vectors CONFORMANCE_CODE=out/python \\
        python -m pytest --confcutdir tests/conformance tests/conformance/conformance.py

One test per platform; it lists every disagreement as ``<platform> <code> <field>: got ...,
want ...``. The file is not named test_*.py: the main test run does not collect it but runs
it once per tree of generated code, in a process of its own, since every tree defines the
same package.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest


def setting(name: str) -> str:
    if not os.environ.get(name):
        pytest.exit(f"{name} is not set: see how to run {Path(__file__).name} at its top", 4)
    return os.environ[name]


VECTORS = Path(setting("CONFORMANCE_VECTORS"))
sys.path.insert(0, setting("CONFORMANCE_CODE"))


def show(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, default=repr)


def same(got: object, want: object) -> bool:
    """Equal, and of the same type: True is not 1, and 1.0 is not 1."""
    return type(got) is type(want) and got == want


@pytest.mark.parametrize("path", sorted(VECTORS.glob("*.json")), ids=lambda path: path.stem)
def test_platform(path: Path) -> None:
    vectors = json.loads(path.read_text(encoding="utf-8"))
    platform = vectors["platform"]
    module_name, class_name = vectors["python"]["module"], vectors["python"]["class"]
    enum = getattr(importlib.import_module(module_name), class_name)
    package = importlib.import_module(module_name.rpartition(".")[0])
    problems = []
    if getattr(package, class_name, None) is not enum:
        problems.append(f"{platform}: package {package.__name__} does not export {class_name}")

    def expect(code: object, field: str, got: object, want: object) -> None:
        if not same(got, want):
            problems.append(f"{platform} {show(code)} {field}: got {show(got)}, want {show(want)}")

    unknown_languages = vectors["unknown"]["languages"]
    for vector in vectors["codes"]:
        code = vector["code"]
        member = enum.lookup(code)
        if member is None:
            problems.append(f"{platform} {show(code)} lookup: finds nothing")
            continue
        identifier = vector["identifiers"]["python"]
        named = enum.__members__.get(identifier)
        expect(code, f"identifier {identifier}", None if named is None else named.value, code)
        for alias in vector["aliases"]:
            aliased = enum.__members__.get(alias["identifiers"]["python"])
            expect(code, f"alias {alias['name']}", aliased, member)
        expect(code, "code", member.value, code)
        expect(code, "name", member.name, vector["name"])
        for kind, texts_of in (("message", member.message_in), ("solution", member.solution_in)):
            for language, text in vector[kind].items():
                expect(code, f"{kind}.{language}", texts_of(language), text)
            for language in unknown_languages:
                expect(code, f"{kind}.{language}", texts_of(language), None)
        expect(code, "message languages", sorted(member.messages), sorted(vector["message"]))
        expect(code, "default_message", member.message, vector["default_message"])
        expect(code, "default_solution", member.solution, vector["default_solution"])
        expect(code, "category", member.category, vector["category"])
        expect(code, "http_status", member.http_status, vector["http_status"])
        expect(code, "retryable", member.retryable, vector["retryable"])
        expect(code, "deprecated", deprecation(member.deprecated), vector["deprecated"])

    defined = {vector["code"] for vector in vectors["codes"]}
    for member in enum.__members__.values():
        if member.value not in defined:
            problems.append(f"{platform} {show(member.value)}: not in the vectors")
    for unknown in vectors["unknown"]["codes"]:
        expect(unknown, "lookup", enum.lookup(unknown), None)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def deprecation(deprecated: Any) -> dict[str, Any] | None:
    if deprecated is None:
        return None
    return {"reason": deprecated.reason, "replaced_by": deprecated.replaced_by}
