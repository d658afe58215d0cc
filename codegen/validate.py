"""Stage 2, validate: the YAML tree against ``schema/catalog.schema.json``, then into the model.

A valid catalogue is checked by fastjsonschema, which compiles the schema to Python and is
about twenty times faster than jsonschema on a large catalogue. Only when it finds a fault
does jsonschema run, to list every error with its instance path; each is then mapped to the
line and column of the offending node and phrased for a person editing YAML.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema is imported only to explain a catalogue that is not valid
    import jsonschema

from .diagnostics import Diagnostic, Location, Severity
from .source import Limits as Limits  # where the configuration finds it too
from .load import Document, Mark, Node, YamlMap, YamlSeq, key_mark_of, mark_of
from .model import Catalog, Deprecation, Entry, Example, Match, Response, Shape, Tombstone

SCHEMA = "SCHEMA"
PLATFORM_NAME = "PLATFORM_NAME"
TEXT = "TEXT"
LIMIT = "LIMIT"


@functools.cache
def catalog_schema() -> dict[str, Any]:
    """The schema as written: portable ECMA-262 patterns, for editors and other tools."""
    from importlib import resources

    text = resources.files("codegen.schema").joinpath("catalog.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def end_of_string(pattern: str) -> str:
    r"""``pattern`` with each end anchor ``$`` (unescaped, outside a character class) as ``\Z``.

    In ECMA-262, which JSON Schema patterns follow, ``$`` matches only at the end of the
    string; in Python it also matches before a final newline, so "NAME\n" would pass
    ``^[A-Z]+$`` and reach the generated code."""
    out: list[str] = []
    escaped = in_class = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append(r"\Z")
            continue
        out.append(char)
    return "".join(out)


def python_schema(schema: Any, originals: dict[str, str]) -> Any:
    """A copy of ``schema`` whose patterns (``pattern``, and the keys of
    ``patternProperties``) mean in Python what they mean in ECMA-262 (see end_of_string);
    ``originals`` gets each rewritten pattern's text as written, for messages."""
    if isinstance(schema, list):
        return [python_schema(item, originals) for item in schema]
    if not isinstance(schema, dict):
        return schema
    copy: dict[str, Any] = {}
    for key, value in schema.items():
        if key == "pattern" and isinstance(value, str):
            copy[key] = end_of_string(value)
            originals[copy[key]] = value
        elif key == "patternProperties" and isinstance(value, dict):
            copy[key] = {}
            for pattern, sub in value.items():
                originals[end_of_string(pattern)] = pattern
                copy[key][end_of_string(pattern)] = python_schema(sub, originals)
        else:
            copy[key] = python_schema(value, originals)
    return copy


@functools.cache
def _checked_schema() -> tuple[dict[str, Any], dict[str, str]]:
    """What both validators compile, the schema with Python's patterns (python_schema), and
    each pattern as written."""
    originals: dict[str, str] = {}
    schema: dict[str, Any] = python_schema(catalog_schema(), originals)
    return schema, originals


def schema_digest(schema: dict[str, Any]) -> str:
    """The sha256 of ``schema`` as canonical JSON (keys sorted, no spaces, UTF-8): how
    codegen.precompiled knows the schema its validator was compiled from."""
    text = json.dumps(schema, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def _fast_validator() -> Callable[[Any], Any]:
    """fastjsonschema's validator of the schema: the one compiled ahead of time into
    codegen.precompiled when that was compiled from this very schema by this version of
    fastjsonschema, else compiled now (tens of milliseconds)."""
    import fastjsonschema

    schema = _checked_schema()[0]
    found = _precompiled_validator(schema, fastjsonschema.VERSION)
    # fastjsonschema rewrites the $refs of what it compiles, in place: a copy of its own.
    return found if found is not None else fastjsonschema.compile(copy.deepcopy(schema))


def _precompiled_validator(schema: dict[str, Any], version: str) -> Callable[[Any], Any] | None:
    """The validator of codegen.precompiled, if fastjsonschema ``version`` compiled it from
    ``schema``; it raises the same exceptions, imported from fastjsonschema."""
    import importlib

    from .precompiled import index

    if index.FASTJSONSCHEMA != version or index.SCHEMA != schema_digest(schema):
        return None
    module = importlib.import_module(f"{index.__package__}.{index.VALIDATOR_MODULE}")
    found: Callable[[Any], Any] = getattr(module, index.VALIDATOR)
    return found


def passes(validator: Callable[[Any], Any], value: object) -> bool:
    """Whether a fastjsonschema ``validator`` accepts ``value``: the fast yes or no, before
    jsonschema is asked where and why (for catalogues here, for the taxonomy)."""
    import fastjsonschema

    try:
        validator(value)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@functools.cache
def _validator() -> jsonschema.protocols.Validator:
    import jsonschema

    schema = _checked_schema()[0]
    return jsonschema.validators.validator_for(schema)(schema)


def validate(
    document: Document, limits: Limits | None = None
) -> tuple[Catalog | None, list[Diagnostic]]:
    """Check a loaded document; return its model when it is valid, and what was wrong."""
    diagnostics = list(document.diagnostics)
    # A value the loader already refused (``0123``) also breaks the schema: say it once.
    refused = {d.location for d in diagnostics}
    diagnostics += [d for d in _schema_errors(document) if d.location not in refused]
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    catalog = _build(document, document.digest)
    diagnostics += _text_errors(catalog)
    diagnostics += _limit_errors(catalog, limits or Limits())
    stem = PurePosixPath(document.path).name.removesuffix(".yaml").removesuffix(".yml")
    if catalog.platform != stem:
        diagnostics.append(
            Diagnostic(
                PLATFORM_NAME,
                Severity.ERROR,
                catalog.where("platform"),
                f"platform {catalog.platform!r} must equal the file name {stem!r}",
            )
        )
    return catalog, diagnostics


def _schema_errors(document: Document) -> Iterator[Diagnostic]:
    root = document.root
    if not isinstance(root, YamlMap):
        kind = "an empty file" if root is None else f"a {_kind(root)}"
        where = root.mark if isinstance(root, YamlSeq) else document.mark
        yield Diagnostic(
            SCHEMA,
            Severity.ERROR,
            Location(document.path, *where),
            f"a catalogue is a mapping with platform, title, source, code_type and errors; found {kind}",
        )
        return
    found = [] if passes(_fast_validator(), root) else _validator().iter_errors(root)
    for mark, message in [*_explain_all(root, found), *_floats(root)]:
        yield Diagnostic(SCHEMA, Severity.ERROR, Location(document.path, *mark), message)


def _explain_all(root: YamlMap, errors: Iterable[Any]) -> Iterator[tuple[Mark, str]]:
    """Every schema error, explained once: jsonschema reports each missing field of a
    mapping separately, and a misspelt field as both missing and unknown."""
    missing: dict[tuple[Any, ...], list[str]] = {}
    unknown: dict[tuple[Any, ...], list[str]] = {}
    others = []
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        path = tuple(error.absolute_path)
        if error.validator == "required" and isinstance(error.instance, dict):
            names = missing.setdefault(path, [])
            names += [
                k for k in error.validator_value if k not in error.instance and k not in names
            ]
        elif error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = set(error.schema.get("properties", {}))
            unknown[path] = [k for k in error.instance if k not in allowed]
            others.append((path, error))
        else:
            others.append((path, error))
    guesses: dict[tuple[Any, ...], dict[str, str]] = {}
    for path, keys in unknown.items():
        for key in keys:
            import difflib

            close = difflib.get_close_matches(key, missing.get(path, []), n=1, cutoff=0.75)
            if close:
                guesses.setdefault(path, {})[key] = close[0]
                missing[path].remove(close[0])
    for path, names in missing.items():
        if names:
            where = f"{_dotted(path)}: " if path else ""
            plural = "s" if len(names) > 1 else ""
            quoted = ", ".join(repr(n) for n in names)
            yield mark_of(root, path), f"{where}missing required field{plural} {quoted}"
    for path, error in others:
        yield from _explain(root, path, error, guesses.get(path, {}))


def _floats(root: YamlMap) -> Iterator[tuple[Mark, str]]:
    """Whole-number floats (``1.0``) where an integer belongs: JSON Schema counts them as
    integers, but they would reach the targets as floats."""
    for list_key, fields in (("errors", ("code", "http_status")), ("reserved", ("code",))):
        items = root.get(list_key)
        if not isinstance(items, YamlSeq):
            continue
        for index, item in enumerate(items):
            if not isinstance(item, YamlMap):
                continue
            for key in fields:
                value = item.get(key)
                if isinstance(value, float) and value.is_integer():
                    yield mark_of(root, (list_key, index, key)), (
                        f"{list_key}[{index}].{key}: expected an integer, found number {value!r}"
                    )
    # JSON has no infinity and no NaN: an example's body holds neither.
    for index, item in enumerate(items if isinstance(items := root.get("errors"), YamlSeq) else ()):
        examples = item.get("examples") if isinstance(item, YamlMap) else None
        for number, example in enumerate(examples if isinstance(examples, YamlSeq) else ()):
            if isinstance(example, YamlMap) and "body" in example:
                path = ("errors", index, "examples", number, "body")
                for where, value in _leaves(example["body"], path):
                    if isinstance(value, float) and not math.isfinite(value):
                        yield mark_of(root, where), (
                            f"{_dotted(where)}: {value!r} is not a JSON number"
                        )


def _leaves(node: Node, path: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], Node]]:
    """Every scalar under ``node``, with its path (iteratively: a body may nest deeply)."""
    stack: list[tuple[tuple[Any, ...], Node]] = [(path, node)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, YamlMap):
            stack.extend(((*where, key), child) for key, child in value.items())
        elif isinstance(value, YamlSeq):
            stack.extend(((*where, i), child) for i, child in enumerate(value))
        else:
            yield where, value


def _explain(
    root: YamlMap, path: tuple[Any, ...], error: Any, guesses: dict[str, str]
) -> Iterator[tuple[Mark, str]]:
    """Turn one jsonschema error into (position, message) pairs a YAML author understands."""
    at = _dotted(path)
    where = f"{at}: " if at else ""
    validator, expected, instance = error.validator, error.validator_value, error.instance
    if validator == "additionalProperties" and isinstance(instance, dict):
        allowed = set(error.schema.get("properties", {}))
        for key in instance:
            if key in guesses:
                hint = f"did you mean {guesses[key]!r}?"
            elif key not in allowed:
                hint = f"expected one of: {', '.join(sorted(allowed))}"
            else:
                continue
            yield key_mark_of(root, (*path, key)), f"{where}unknown field {key!r} ({hint})"
        return
    if "propertyNames" in error.relative_schema_path and isinstance(instance, str):
        expected_key = (
            "a check ID such as DUPLICATE_MESSAGE (see `codegen checks`)"
            if path and path[-1] == "suppress"
            else "a language tag such as en, zh or zh-Hant"
        )
        yield key_mark_of(root, (*path, instance)), f"{where}{instance!r} is not {expected_key}"
        return
    mark = mark_of(root, path)
    advice = _advice(root, path, instance, expected if validator == "type" else None)
    if advice is not None:
        message = f"{where}{advice}"
    elif validator == "type":
        message = f"{where}expected {_article(expected)}, found {_kind(instance)} {_show(instance)}".rstrip()
    elif validator == "pattern" and expected == r"\S":
        message = f"{where}must not be blank: write the reason"
    elif validator == "pattern":
        shown = _checked_schema()[1].get(expected, expected)
        message = f"{where}{_show(instance)} does not match {shown}"
    elif validator in ("enum", "const"):
        options = expected if validator == "enum" else [expected]
        message = f"{where}{_show(instance)} is not one of {', '.join(map(repr, options))}"
    elif validator in ("minimum", "maximum"):
        bound = "at least" if validator == "minimum" else "at most"
        message = f"{where}{instance} is out of range: must be {bound} {expected}"
    elif validator in ("minItems", "minProperties", "minLength"):
        message = f"{where}must not be empty"
    else:
        message = f"{where}{error.message}"
    yield mark, message


_YES_NO = {"yes": True, "y": True, "on": True, "true": True}
_YES_NO.update({"no": False, "n": False, "off": False, "false": False})


def _advice(root: YamlMap, path: tuple[Any, ...], instance: Any, expected: Any) -> str | None:
    """A message that leads to the fix, for the mistakes people make most: a yes/no or a
    number in quotes, a replaced_by that gives the code rather than the name."""
    if path[-2:] == ("deprecated", "replaced_by") and not (
        isinstance(instance, str) and instance.isupper()
    ):
        by_code = {
            e.get("code"): e.get("name")
            for e in root.get("errors", [])
            if isinstance(e, dict) and isinstance(e.get("name"), str)
        }
        named = by_code.get(instance) or by_code.get(_as_int(instance))
        if named is not None:
            return (
                f"names the entry that replaces this one by its name, not its code:"
                f" {instance!r} is {named}, so write replaced_by: {named}"
            )
        return (
            f"replaced_by names the entry that replaces this one by its name (UPPER_SNAKE, such"
            f" as INVALID_TOKEN), not {_show(instance)}"
        )
    if expected == "boolean" and isinstance(instance, str) and instance.lower() in _YES_NO:
        value = "true" if _YES_NO[instance.lower()] else "false"
        return f"expected true or false, found string {instance!r}: write {value}, unquoted"
    if expected == "integer" and isinstance(instance, str) and _as_int(instance) is not None:
        return f"expected an integer, found string {instance!r}: write {instance.strip()}, unquoted"
    return None


def _as_int(value: Any) -> int | None:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit() and value.isascii():
        return int(value)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _dotted(path: tuple[Any, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, list):
        return "list"
    return "null"


def _article(expected: Any) -> str:
    names: dict[str, str] = {
        "object": "a mapping",
        "array": "a list",
        "string": "a string",
        "integer": "an integer",
        "boolean": "true or false",
        "number": "a number",
        "null": "null",
    }
    if isinstance(expected, list):
        return " or ".join(names.get(str(t), str(t)) for t in expected)
    return names.get(str(expected), str(expected))


def _show(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return ""
    text = "null" if value is None else repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _location(path: str, mark: Mark) -> Location:
    return Location(path, mark[0], mark[1])


def _build(document: Document, digest: str) -> Catalog:
    root = document.root
    assert isinstance(root, YamlMap)  # guaranteed by the schema
    path = document.path
    entries = []
    errors = root["errors"]
    for index, node in enumerate(errors):
        locations = {"": _location(path, errors.item_marks[index])}
        for key, mark in node.value_marks.items():
            locations[key] = Location(path, mark[0], mark[1])
            value = node[key]
            if isinstance(value, (YamlMap, YamlSeq)):
                # Three levels down: examples.0.status, match.messages.1; not into a body.
                for where, sub_mark in _marks(value, key, 3):
                    locations[where] = Location(path, sub_mark[0], sub_mark[1])
        deprecated = node.get("deprecated")
        match = node.get("match", {})
        entries.append(
            Entry(
                code=node["code"],
                name=node["name"],
                message=dict(node["message"]),
                aliases=tuple(node.get("aliases", ())),
                solution=dict(node.get("solution", {})),
                category=node.get("category"),
                http_status=node.get("http_status"),
                retryable=node.get("retryable"),
                deprecated=(
                    None
                    if deprecated is None
                    else Deprecation(deprecated["reason"], deprecated.get("replaced_by"))
                ),
                match=Match(tuple(match.get("statuses", ())), tuple(match.get("messages", ()))),
                examples=tuple(
                    Example(
                        status=example.get("status"),
                        body=plain(example.get("body")),
                        text=example.get("text"),
                        params=dict(example["params"]) if "params" in example else None,
                    )
                    for example in node.get("examples", ())
                ),
                suppress=dict(node.get("suppress", {})),
                locations=locations,
            )
        )
    locations = {"": Location(path, *root.mark)}
    locations.update({k: _location(path, m) for k, m in root.value_marks.items()})
    for key in ("suppress", "response"):
        for where, mark in _marks(root.get(key), key, 4):
            locations[where] = _location(path, mark)
    return Catalog(
        path=path,
        platform=root["platform"],
        title=root["title"],
        source=root["source"],
        code_type=root["code_type"],
        errors=tuple(entries),
        digest=digest,
        code_space=root.get("code_space"),
        reserved=tuple(
            Tombstone(
                item["code"],
                item["reason"],
                item.get("name"),
                _location(path, root["reserved"].item_marks[i]),
                _location(path, item.value_marks["reason"]),
            )
            for i, item in enumerate(root.get("reserved", ()))
        ),
        suppress=dict(root.get("suppress", {})),
        response=_response(root.get("response"), root["code_type"]),
        locations=locations,
    )


def _response(node: YamlMap | None, code_type: str) -> Response | None:
    if node is None:
        return None
    default_format = "number" if code_type == "integer" else "string"
    return Response(
        shapes=tuple(
            Shape(
                name=shape["name"],
                code=shape.get("code"),
                message=shape.get("message"),
                code_format=shape.get("code_format", default_format),
            )
            for shape in node["shapes"]
        ),
        generic_codes=tuple(node.get("generic_codes", ())),
    )


def _marks(node: Node, key: str, depth: int) -> Iterator[tuple[str, Mark]]:
    """The dotted key and mark of everything under ``node``, ``depth`` levels down."""
    if depth == 0:
        return
    if isinstance(node, YamlMap):
        children: Iterable[tuple[object, Mark, Node]] = (
            (sub, mark, node[sub]) for sub, mark in node.value_marks.items()
        )
    elif isinstance(node, YamlSeq):
        children = ((i, mark, node[i]) for i, mark in enumerate(node.item_marks))
    else:
        return
    for sub, mark, child in children:
        where = f"{key}.{sub}"
        yield where, mark
        yield from _marks(child, where, depth - 1)


def plain(node: Node) -> object:
    """A YAML value as the JSON value it stands for (dicts and lists, no marks)."""
    if isinstance(node, YamlMap):
        return {key: plain(value) for key, value in node.items()}
    if isinstance(node, YamlSeq):
        return [plain(value) for value in node]
    return node


def _texts(catalog: Catalog) -> Iterator[tuple[Location, str, str]]:
    """Every free text of a catalogue with its place and field: (location, key, text)."""
    for key in ("title", "source"):
        yield catalog.where(key), key, getattr(catalog, key)
    for check_id, reason in catalog.suppress.items():
        yield catalog.where(f"suppress.{check_id}"), f"suppress.{check_id}", reason
    for tombstone in catalog.reserved:
        yield tombstone.reason_location, "reserved.reason", tombstone.reason
    for entry in catalog.errors:
        for field_name in ("message", "solution"):
            for language, text in getattr(entry, field_name).items():
                key = f"{field_name}.{language}"
                yield entry.where(key), key, text
        if entry.deprecated is not None:
            yield entry.where("deprecated.reason"), "deprecated.reason", entry.deprecated.reason
        for check_id, reason in entry.suppress.items():
            yield entry.where(f"suppress.{check_id}"), f"suppress.{check_id}", reason


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text_errors(catalog: Catalog) -> Iterator[Diagnostic]:
    """Text every target can carry exactly: no lone surrogates (they have no UTF-8 form)."""
    for location, key, text in _texts(catalog):
        found = _SURROGATE.search(text)
        if found is not None:
            bad = found.group()
            yield Diagnostic(
                TEXT,
                Severity.ERROR,
                location,
                f"{key} holds a lone surrogate U+{ord(bad):04X}, which no target can encode;"
                " write the character itself",
            )


def _limit_errors(catalog: Catalog, limits: Limits) -> Iterator[Diagnostic]:
    if len(catalog.errors) > limits.entries:
        yield Diagnostic(
            LIMIT,
            Severity.ERROR,
            catalog.where("errors"),
            f"{len(catalog.errors):,} entries, over the limit of {limits.entries:,} (max_entries)",
        )
    for location, key, text in _texts(catalog):
        if len(text) > limits.text_length:
            yield Diagnostic(
                LIMIT,
                Severity.ERROR,
                location,
                f"{key} is {len(text):,} characters long, over the limit of"
                f" {limits.text_length:,} (max_text_length)",
            )
