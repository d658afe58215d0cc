"""Conformance of the generated Python to the test vectors (out/vectors/<platform>.json).

    CONFORMANCE_VECTORS=out/vectors CONFORMANCE_CODE=out/python \\
        python -m pytest --confcutdir tests/conformance tests/conformance/conformance.py

One test per platform; it lists every disagreement as ``<platform> <code> <field>: got ...,
want ...`` (``<platform> classify[<index>] <field>: ...`` for the classify cases). The file is not named test_*.py: the main test run does not collect it but runs
it once per tree of generated code, in a process of its own, since every tree defines the
same package.
"""

from __future__ import annotations

import importlib
import json
import os
import pickle
import sys
from collections.abc import Callable
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
    names = vectors["python"]
    module = importlib.import_module(names["module"])
    enum, error = getattr(module, names["class"]), getattr(module, names["error"])
    package = importlib.import_module(names["module"].rpartition(".")[0])
    problems = []
    for name in (names["class"], names["error"]):
        if getattr(package, name, None) is not getattr(module, name):
            problems.append(f"{platform}: package {package.__name__} does not export {name}")
        if name not in package.__all__ or name not in dir(package):
            problems.append(f"{platform}: {name} is missing from the package's __all__ or dir()")
    if not issubclass(error, package.PlatformError):
        problems.append(f"{platform}: {names['error']} does not derive from PlatformError")

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
        expect(code, "from_name", enum.from_name(vector["name"]), member)
        for alias in vector["aliases"]:
            expect(code, f"from_name {alias['name']}", enum.from_name(alias["name"]), member)
        expect(code, "placeholders", list(member.parameters), vector["placeholders"])
        placeholders_problems(member, vector["placeholders"], expect)
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
        expect(code, "doc_url", member.doc_url, vector["doc_url"])

    defined = {vector["code"] for vector in vectors["codes"]}
    for member in enum.__members__.values():
        if member.value not in defined:
            problems.append(f"{platform} {show(member.value)}: not in the vectors")
    for unknown in vectors["unknown"]["codes"]:
        expect(unknown, "lookup", enum.lookup(unknown), None)
    for name in vectors["unknown"]["names"]:
        expect(name, "from_name", enum.from_name(name), None)
    expect(None, "iteration", [m.value for m in enum], [v["code"] for v in vectors["codes"]])
    for case in vectors["format"]:
        format_case(enum.lookup(case["code"]), error, case, expect)
    immutable(enum, error, expect)
    classify_cases(module, enum, error, package.Classification, vectors, problems.append)
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def deprecation(deprecated: Any) -> dict[str, Any] | None:
    if deprecated is None:
        return None
    return {"reason": deprecated.reason, "replaced_by": deprecated.replaced_by}


Expect = Callable[[object, str, object, object], None]
"""Records a disagreement: ``expect(code, field, got, want)``."""


def outcome(call: Callable[[], object]) -> object:
    """What ``call`` returns, or the TypeError it raises as ``{"TypeError": message}``."""
    try:
        return call()
    except TypeError as error:
        return {"TypeError": str(error)}


def format_case(member: Any, error: type[Any], case: dict[str, Any], expect: Expect) -> None:
    """One case of the vectors' "format": the code's texts formatted with the parameters in
    the language, and the error built from the code and the parameters."""
    code, language, params = case["code"], case["language"], case["params"]
    where = f"format {show(params)} in {show(language)}"
    if language is None:
        calls = {
            "message": lambda: member.format(**params),
            "solution": lambda: member.format_solution(**params),
        }
    else:
        calls = {
            "message": lambda: member.format_in(language, **params),
            "solution": lambda: member.format_solution_in(language, **params),
        }
    calls["error_text"] = lambda: str(error(member, **params))
    problem = case["problem"]
    for field, call in calls.items():
        got = outcome(call)
        if problem is None:
            expect(code, f"{where} {field}", got, case[field])
            continue
        # Raised, naming the kind of problem, the parameter and the code.
        wanted = f"{problem['kind']} parameter {problem['param']!r}"
        message = got.get("TypeError", "") if isinstance(got, dict) else ""
        if wanted not in message or str(code) not in message:
            expect(code, f"{where} {field}", got, {"TypeError": f"... {code}: {wanted}"})
    if problem is not None:
        return
    raised = error(member, **params)
    default = case["error_text"].partition(": ")[2]
    expect(code, f"{where} error.code", raised.code, member)
    expect(code, f"{where} error.params", dict(raised.params), params)
    expect(code, f"{where} error.message", raised.message, default)
    expect(code, f"{where} error.solution", raised.solution, member.format_solution(**params))
    if language is not None:
        expect(code, f"{where} error.message_in", raised.message_in(language), case["message"])
        expect(code, f"{where} error.solution_in", raised.solution_in(language), case["solution"])
    for field in ("category", "http_status", "retryable", "doc_url"):
        expect(code, f"{where} error.{field}", getattr(raised, field), getattr(member, field))
    copied = pickle.loads(pickle.dumps(raised))  # as multiprocessing sends it
    expect(code, f"{where} pickled error", (type(copied), str(copied)), (error, str(raised)))


def placeholders_problems(member: Any, names: list[str], expect: Expect) -> None:
    """Formatting needs every placeholder: leaving out any one of them fails, naming it."""
    given = dict.fromkeys(names, "v")
    got = outcome(lambda: member.format(**given))
    expect(member.value, "format with every placeholder", type(got), str)
    for name in names:
        got = outcome(lambda: member.format(**{k: v for k, v in given.items() if k != name}))
        if not (isinstance(got, dict) and f"missing parameter {name!r}" in got["TypeError"]):
            expect(member.value, f"format without {name}", got, f"TypeError naming {name}")


def immutable(enum: Any, error: type[Any], expect: Expect) -> None:
    """What a lookup returns cannot change what the next lookup sees."""
    member = next(iter(enum))
    params = dict.fromkeys(member.parameters, 1)
    raised = error(member, **params)
    attempts: dict[str, Callable[[], object]] = {
        "messages": lambda: member.messages.__setitem__("en", "changed"),
        "members": lambda: enum.__members__.__setitem__("CHANGED", member),
        "error.params": lambda: raised.params.__setitem__("changed", 1),
    }
    if member.deprecated is not None:
        attempts["deprecated"] = lambda: setattr(member.deprecated, "reason", "changed")
    before = (dict(member.messages), member.message, dict(raised.params), str(raised))
    for what, attempt in attempts.items():
        try:
            attempt()
        except (TypeError, AttributeError):
            continue
        expect(member.value, f"{what} is read-only", "changed", "unchanged")
    after = (dict(member.messages), member.message, dict(raised.params), str(raised))
    expect(member.value, "after changes were attempted", after, before)


def classify_cases(
    module: Any,
    enum: Any,
    error: type[Any],
    classification: type[Any],
    vectors: dict[str, Any],
    problem: Callable[[str], None],
) -> None:
    """The vectors' "classify" cases: ``classify`` for a body, ``classify_text`` for a text
    (a body also as its JSON text, which must give the same), each result read-only, and
    its ``error()`` the error that the error API builds from the code and parameters."""
    platform = vectors["platform"]
    for index, case in enumerate(vectors["classify"]):

        def expect(field: str, got: object, want: object) -> None:
            if not same(got, want):
                problem(f"{platform} classify[{index}] {field}: got {show(got)}, want {show(want)}")

        status, want = case["status"], case["want"]
        calls: dict[str, Callable[[], object]] = {}
        if "text" in case:
            calls["classify_text"] = lambda: module.classify_text(status, case["text"])
        else:
            calls["classify"] = lambda: module.classify(status, case["body"])
            text = json.dumps(case["body"])
            calls["classify_text(JSON of the body)"] = lambda: module.classify_text(status, text)
        for call, run in calls.items():
            where = "" if call in ("classify", "classify_text") else f" {call}"
            try:
                got = run()
            except Exception as raised:  # never raises, on any input
                expect(f"{call} raised", repr(raised), None)
                continue
            if got is None or want is None:
                expect(f"result{where}", None if got is None else "a classification", want)
                continue
            if not isinstance(got, classification) or not isinstance(got.code, enum):
                expect(f"type{where}", repr(got), f"Classification of a {enum.__name__}")
                continue
            expect(f"code{where}", got.code.value, want["code"])
            expect(f"how{where}", got.how, want["how"])
            expect(f"params{where}", dict(got.params), want["params"])
            classification_problems(got, error, expect)


def classification_problems(got: Any, error: type[Any], expect: Callable[..., None]) -> None:
    """A classification is read-only and survives pickling, and its error() is the error
    API's for its code: with the parameters when they are exactly the code's, else from the
    code alone when the code has no parameters, else None."""
    attempts: dict[str, Callable[[], object]] = {
        "params": lambda: got.params.__setitem__("changed", "x"),
        "code": lambda: setattr(got, "code", None),
    }
    for what, attempt in attempts.items():
        try:
            attempt()
        except (TypeError, AttributeError):
            continue
        expect(f"{what} is read-only", "changed", "unchanged")
    copied = pickle.loads(pickle.dumps(got))
    expect("pickled", (copied == got, hash(copied) == hash(got)), (True, True))
    names, params = got.code.parameters, dict(got.params)
    if sorted(params) == sorted(names):
        wanted: object = error(got.code, **params)
    elif not names:
        wanted = error(got.code)
    else:
        wanted = None
    try:
        built = got.error()
    except Exception as raised:  # never raises
        expect("error() raised", repr(raised), None)
        return
    described = [
        None if e is None else (type(e).__name__, str(e), dict(e.params)) for e in (built, wanted)
    ]
    expect("error()", *described)
