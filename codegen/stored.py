"""What the cache keeps, as JSON data and back: diagnostics and validated catalogues.

A cache entry is read back by these functions only, into the model's own classes: nothing in
an entry is ever called, imported or evaluated. A value of another shape raises one of
:data:`DAMAGED`, and the caller does the work again.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .diagnostics import Diagnostic, Location, Severity

if TYPE_CHECKING:  # the model is imported to decode a catalogue, not a run's diagnostics
    from .model import Catalog, Entry

DAMAGED = (KeyError, TypeError, ValueError, AttributeError, IndexError)
"""What decoding an entry of the wrong shape raises."""


def location(where: Location | None) -> list[Any] | None:
    return None if where is None else [where.path, where.line, where.col]


def to_location(data: Any) -> Location:
    path, line, col = data
    return Location(_str(path), _int(line), _int(col))


def diagnostics(found: Any) -> list[list[Any]]:
    return [
        [d.check_id, int(d.severity), location(d.location), d.message, location(d.related)]
        for d in found
    ]


def to_diagnostics(data: Any) -> list[Diagnostic]:
    return [
        Diagnostic(
            _str(check_id),
            Severity(severity),
            to_location(where),
            _str(message),
            None if related is None else to_location(related),
        )
        for check_id, severity, where, message, related in data
    ]


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a string")
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError("not an integer")
    return value


def _locations(locations: Mapping[str, Location]) -> dict[str, list[Any]]:
    return {k: [v.path, v.line, v.col] for k, v in locations.items()}


def _to_locations(data: Any) -> dict[str, Location]:
    return {_str(k): Location(_str(p), _int(line), _int(col)) for k, (p, line, col) in data.items()}


def catalog(found: Catalog) -> dict[str, Any]:
    """A catalogue as JSON data: every field, each entry as a list of its fields."""
    response = found.response
    return {
        "path": found.path,
        "platform": found.platform,
        "title": found.title,
        "source": found.source,
        "code_type": found.code_type,
        "errors": [_entry(e) for e in found.errors],
        "digest": found.digest,
        "code_space": found.code_space,
        "reserved": [
            [t.code, t.reason, t.name, location(t.location), location(t.reason_location)]
            for t in found.reserved
        ],
        "suppress": dict(found.suppress),
        "response": (
            None
            if response is None
            else {
                "shapes": [[s.name, s.code, s.message, s.code_format] for s in response.shapes],
                "generic_codes": list(response.generic_codes),
            }
        ),
        "locations": _locations(found.locations),
    }


def _entry(entry: Entry) -> list[Any]:
    deprecated = entry.deprecated
    return [
        entry.code,
        entry.name,
        dict(entry.message),
        list(entry.aliases),
        dict(entry.solution),
        entry.category,
        entry.http_status,
        entry.retryable,
        None if deprecated is None else [deprecated.reason, deprecated.replaced_by],
        [list(entry.match.statuses), list(entry.match.messages)],
        [
            [x.status, x.body, x.text, None if x.params is None else dict(x.params)]
            for x in entry.examples
        ],
        dict(entry.suppress),
        _locations(entry.locations),
    ]


def to_catalog(data: Any) -> Catalog:
    """The catalogue :func:`catalog` made ``data`` of."""
    from .model import Catalog, Response, Shape, Tombstone

    response = data["response"]
    return Catalog(
        path=_str(data["path"]),
        platform=_str(data["platform"]),
        title=_str(data["title"]),
        source=_str(data["source"]),
        code_type=_str(data["code_type"]),
        errors=tuple(_to_entry(e) for e in data["errors"]),
        digest=_str(data["digest"]),
        code_space=data["code_space"],
        reserved=tuple(
            Tombstone(code, reason, name, to_location(where), to_location(reason_where))
            for code, reason, name, where, reason_where in data["reserved"]
        ),
        suppress=dict(data["suppress"]),
        response=(
            None
            if response is None
            else Response(
                shapes=tuple(Shape(*shape) for shape in response["shapes"]),
                generic_codes=tuple(response["generic_codes"]),
            )
        ),
        locations=_to_locations(data["locations"]),
    )


def _to_entry(data: Any) -> Entry:
    from .model import Deprecation, Entry, Example, Match

    (
        code,
        name,
        message,
        aliases,
        solution,
        category,
        http_status,
        retryable,
        deprecated,
        (statuses, messages),
        examples,
        suppress,
        locations,
    ) = data
    return Entry(
        code=code,
        name=name,
        message=dict(message),
        aliases=tuple(aliases),
        solution=dict(solution),
        category=category,
        http_status=http_status,
        retryable=retryable,
        deprecated=None if deprecated is None else Deprecation(*deprecated),
        match=Match(tuple(statuses), tuple(messages)),
        examples=tuple(
            Example(status, body, text, None if params is None else dict(params))
            for status, body, text, params in examples
        ),
        suppress=dict(suppress),
        locations=_to_locations(locations),
    )
