"""Stage 1, load: bytes on disk to a YAML tree whose every node knows its line and column.

The tree is plain ``dict``/``list``/scalars (so that jsonschema can validate it as is), built
from PyYAML's event stream rather than its constructor: that is where anchors, tags and
duplicate keys are still visible. Plain scalars are resolved by a strict YAML 1.2 core
schema; anything YAML 1.1 would silently turn into something else (``NO``, ``0123``,
``1_000``, ``12:30``, dates) is rejected with a hint to quote it.
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Union

from .diagnostics import CatalogError, Diagnostic, Location, Severity
from .source import UNREADABLE as UNREADABLE

if TYPE_CHECKING:  # PyYAML is imported by the first file loaded: a cached run needs none
    import yaml


@functools.cache
def _loader() -> Any:
    """libyaml's parser, several times faster; pure Python without it."""
    import yaml

    try:
        return yaml.CSafeLoader
    except AttributeError:  # pragma: no cover - depends on how PyYAML was built
        return yaml.SafeLoader


LOAD_ERROR = "YAML"

MAX_DEPTH = 100
"""How deeply collections may nest. A catalogue needs a handful of levels; far deeper trees
only serve to exhaust the recursion of whatever walks them next (the schema validator)."""

Mark = tuple[int, int]
"""A 1-based (line, column)."""


class YamlMap(dict[str, Any]):
    """A mapping that remembers where it, its keys and its values are."""

    __slots__ = ("mark", "key_marks", "value_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.key_marks: dict[str, Mark] = {}
        self.value_marks: dict[str, Mark] = {}


class YamlSeq(list[Any]):
    """A sequence that remembers where it and each item are."""

    __slots__ = ("mark", "item_marks")

    def __init__(self, mark: Mark) -> None:
        super().__init__()
        self.mark = mark
        self.item_marks: list[Mark] = []


Node = Union[YamlMap, YamlSeq, str, int, float, bool, None]


@dataclass
class Document:
    """A loaded file: its tree and the problems found while loading it."""

    path: str
    root: Node
    diagnostics: list[Diagnostic] = field(default_factory=list)
    mark: Mark = (1, 1)
    """Where the root starts (a scalar root has no mark of its own)."""
    digest: str = ""
    """sha256 of the text as YAML reads it (UTF-8, no byte-order mark, every line ending
    in LF): a CRLF or BOM copy of a catalogue is the same catalogue, with the same hash."""


def _walk(tree: Node, path: tuple[str | int, ...]) -> tuple[Node, Mark, bool]:
    """Follow ``path`` as far as it goes: the last node reached, its position, and whether
    the whole path exists."""
    node: Node = tree
    mark: Mark = node.mark if isinstance(node, (YamlMap, YamlSeq)) else (1, 1)
    for part in path:
        if isinstance(node, YamlMap) and isinstance(part, str) and part in node:
            mark, node = node.value_marks[part], node[part]
        elif isinstance(node, YamlSeq) and isinstance(part, int) and 0 <= part < len(node):
            mark, node = node.item_marks[part], node[part]
        else:
            return node, mark, False
    return node, mark, True


def mark_of(tree: Node, path: tuple[str | int, ...]) -> Mark:
    """The position of the node at ``path``, or of its nearest existing ancestor."""
    return _walk(tree, path)[1]


def key_mark_of(tree: Node, path: tuple[str | int, ...]) -> Mark:
    """The position of the last key of ``path`` (falls back to the node's position)."""
    if path and isinstance(path[-1], str):
        parent, _, found = _walk(tree, path[:-1])
        if found and isinstance(parent, YamlMap) and path[-1] in parent.key_marks:
            return parent.key_marks[path[-1]]
    return mark_of(tree, path)


# --- scalar resolution -------------------------------------------------------------------

_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
# What YAML 1.1 (PyYAML's default) reads differently from YAML 1.2, with why.
_AMBIGUOUS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[-+]?0[0-9_]+$"), "has a leading zero: YAML 1.1 reads it as an octal number"),
    (re.compile(r"^[-+]?0[xXoObB][0-9a-fA-F_]*$"), "is a hexadecimal, octal or binary literal"),
    (
        re.compile(r"^[-+]?[0-9][0-9_]*_[0-9_]*(?:\.[0-9_]*)?$"),
        "has '_' digit separators (YAML 1.1 only)",
    ),
    (
        re.compile(r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"),
        "is a base-60 number in YAML 1.1",
    ),
    (re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$"), "is a date in YAML 1.1"),
]

_STR_TAG = "tag:yaml.org,2002:str"

# Line breaks to YAML 1.1 (and libyaml, which counts lines by them) but not to YAML 1.2.
_YAML11_BREAK = re.compile("[\x85\u2028\u2029]")


_WORDS: dict[str, tuple[Node, str | None]] = {
    **{w: (None, None) for w in ("~", "null", "Null", "NULL", "")},
    **{w: (v, None) for w, v in _BOOL.items()},
    **{
        w: (w, "is a boolean in YAML 1.1 but text in YAML 1.2")
        for w in "y Y yes Yes YES n N no No NO on On ON off Off OFF".split()
    },
    "=": ("=", "is YAML 1.1's value key"),
}


def _resolve_plain(text: str) -> tuple[Node, str | None]:
    """Resolve an untagged plain scalar; the second item explains a rejection."""
    known = _WORDS.get(text)
    if known is not None:
        return known
    if text[0].isalpha() and text[0] not in ".-+":  # the common case: a word, never a number
        return text, None
    if _INT.match(text):
        return int(text), None
    for pattern, why in _AMBIGUOUS:
        if pattern.match(text):
            return text, why
    if _FLOAT.match(text):
        lowered = text.lower()
        return float(lowered.replace(".inf", "inf").replace(".nan", "nan")), None
    return text, None


# --- loading -----------------------------------------------------------------------------


def load_bytes(data: bytes, name: str) -> Document:
    """Parse catalogue bytes. Raises CatalogError for input that is not a YAML document."""
    text = _decode(data, name)
    document = _Builder(name).build(text)
    document.digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return document


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise CatalogError(
            Diagnostic(
                UNREADABLE,
                Severity.ERROR,
                Location(name, 1, 1),
                "not UTF-8: the file starts with a UTF-16 byte-order mark; save it as UTF-8",
            )
        )
    data = data.removeprefix(b"\xef\xbb\xbf")  # a UTF-8 byte-order mark is no column
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        raise CatalogError(
            Diagnostic(
                UNREADABLE,
                Severity.ERROR,
                Location(name, line, col),
                f"not UTF-8: byte 0x{data[exc.start]:02x} cannot start or continue a character",
            )
        ) from None
    if "\r" in text:  # CRLF and lone CR are line breaks to YAML: one form, for every stage
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


class _Builder:
    """Folds PyYAML events into a tree, collecting every problem it meets on the way."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.diagnostics: list[Diagnostic] = []
        self.last_styled: Any = None
        """The last quoted or block scalar event: a syntax error right after a quoted string
        that spans lines is most likely an unclosed quote."""

    def _error(self, mark: Mark, message: str) -> None:
        self.diagnostics.append(
            Diagnostic(LOAD_ERROR, Severity.ERROR, Location(self.name, *mark), message)
        )

    def _fatal(self, mark: Mark, message: str) -> CatalogError:
        return CatalogError(
            Diagnostic(LOAD_ERROR, Severity.ERROR, Location(self.name, *mark), message)
        )

    def build(self, text: str) -> Document:
        odd_break = _YAML11_BREAK.search(text)
        if odd_break is not None:  # before parsing: every line number after it would be off
            char = odd_break.group()
            raise self._fatal(
                _text_mark(text, odd_break.start()),
                f"raw U+{ord(char):04X} is a line break to YAML 1.1 (the text would lose it and"
                f' later line numbers would be off); write it as the escape "\\u{ord(char):04X}"'
                " in a double-quoted string",
            )
        import yaml

        try:
            root, mark = self._fold(yaml.parse(text, Loader=_loader()))
        except yaml.MarkedYAMLError as exc:
            if "nesting depth" in f"{exc.context} {exc.problem}":
                # libyaml's own limit (1,000 levels in recent builds), which its scanner can
                # reach looking ahead along one long line before we see a single event: say
                # what our limit says, where our limit is met.
                problem = exc.problem_mark
                where = _too_deep(text) or (
                    (problem.line + 1, problem.column + 1) if problem is not None else (1, 1)
                )
                raise self._fatal(where, TOO_DEEP) from None
            raise self._fatal(*self._explain(exc, text)) from None
        except yaml.reader.ReaderError as exc:  # a control character, outside any token
            char = chr(exc.character)
            raise self._fatal(
                # The reader stops at the first unacceptable character, so that is this one.
                _text_mark(text, max(text.find(char), 0)),
                f"{exc.reason}: U+{ord(char):04X}; in a double-quoted string write it as the"
                f' escape "\\u{ord(char):04X}"',
            ) from None
        except yaml.YAMLError as exc:  # pragma: no cover - no other error is known to occur
            raise self._fatal((1, 1), str(exc)) from None
        return Document(self.name, root, self.diagnostics, mark)

    def _explain(self, exc: yaml.MarkedYAMLError, text: str) -> tuple[Mark, str]:
        """Where a syntax error is and what it means, in the words of someone fixing it."""
        start, mark = exc.context_mark, exc.problem_mark or exc.context_mark
        where = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        if exc.context == "while scanning a quoted scalar" and start is not None:
            # An unclosed quote that reaches the end of the file: the opening quote is the place.
            return (start.line + 1, start.column + 1), (
                "this quoted string runs to the end of the file: is its closing quote missing?"
            )
        quoted = self.last_styled
        if (
            quoted is not None
            and quoted.style in ('"', "'")
            and quoted.start_mark.line < quoted.end_mark.line == where[0] - 1
        ):
            # An unclosed quote that swallowed the lines after it, up to the next quote.
            opening = quoted.start_mark
            return (opening.line + 1, opening.column + 1), (
                f"this quoted string runs on to line {where[0]}, where YAML fails"
                f" ({exc.problem}): is its closing quote missing?"
            )
        if mark is not None and text[mark.index : mark.index + 1] == "\t":
            line_start = text.rfind("\n", 0, mark.index) + 1
            if not text[line_start : mark.index].strip():
                return where, "a tab in indentation: YAML indents with spaces only"
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.context}: {exc.problem}"
        return where, problem

    def _fold(self, events: Any) -> tuple[Node, Mark]:
        """The tree of the (first) document, and where its root starts."""
        # An explicit stack rather than recursion: a 10,000-deep document must not crash us.
        # Dispatch on the exact event class, scalars first, and the commonest scalar (plain or
        # quoted text, a key or a value of a mapping) handled inline: this loop is the
        # loader's hot path; everything else goes through _scalar and _attach.
        import yaml

        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
        mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
        document_start = yaml.DocumentStartEvent
        words = _WORDS
        stack: list[tuple[YamlMap | YamlSeq, list[Any]]] = []  # (container, pending key)
        root: Node = None
        root_mark: Mark = (1, 1)
        documents = 0
        value: Node
        for event in events:
            cls = type(event)
            if cls is scalar_event:
                start = event.start_mark
                mark = (start.line + 1, start.column + 1)
                text = event.value
                if event.anchor is None and event.tag is None and stack:
                    if event.style:  # quoted or block: always text
                        self.last_styled = event
                        value = text
                    elif text[:1].isalpha() and text not in words:
                        value = text
                    else:
                        value = self._scalar(event, mark)
                    container, pending = stack[-1]
                    if type(container) is YamlMap:
                        if pending:  # the value of a key
                            key, key_mark = pending.pop()
                            if key not in container.key_marks:
                                container[key] = value
                                container.key_marks[key] = key_mark
                                container.value_marks[key] = mark
                            continue
                        if type(value) is str and value != "<<":  # a key
                            if value not in container.key_marks:
                                pending.append((value, mark))
                                continue
                    self._attach(stack[-1], value, mark)
                    continue
                if event.anchor:
                    self._error(mark, f"anchors (&{event.anchor}) are not allowed in a catalogue")
                value = self._scalar(event, mark)
            elif cls is mapping_start or cls is sequence_start:
                start = event.start_mark
                mark = (start.line + 1, start.column + 1)
                if event.anchor:
                    self._error(mark, f"anchors (&{event.anchor}) are not allowed in a catalogue")
                if event.tag is not None and not (event.implicit and event.tag == "!"):
                    self._error(mark, f"tag {event.tag} is not allowed in a catalogue")
                if len(stack) >= MAX_DEPTH:
                    # Fatal, and no further event read: going on would feed the parser deeper
                    # still, into whatever limit (and message) the library has of its own.
                    raise self._fatal(mark, TOO_DEEP)
                stack.append((YamlMap(mark) if cls is mapping_start else YamlSeq(mark), []))
                continue
            elif cls is mapping_end or cls is sequence_end:
                done, _ = stack.pop()
                if stack:
                    self._attach(stack[-1], done, done.mark)
                elif documents == 1:
                    root, root_mark = done, done.mark
                continue
            elif cls is alias_event:
                start = event.start_mark
                mark = (start.line + 1, start.column + 1)
                self._error(mark, f"aliases (*{event.anchor}) are not allowed in a catalogue")
                value = None
            elif cls is document_start:
                documents += 1
                if documents > 1:
                    start = event.start_mark
                    self._error(
                        (start.line + 1, start.column + 1),
                        "a catalogue is a single YAML document; found a second one",
                    )
                continue
            else:  # stream start and end, document end
                continue
            if stack:
                self._attach(stack[-1], value, mark)
            elif documents == 1:
                root, root_mark = value, mark
        return root, root_mark

    def _scalar(self, event: Any, mark: Mark) -> Node:
        tag = event.tag
        if tag is None and not event.style:  # plain, untagged: the common case
            text = event.value
            if text[:1].isalpha() and text not in _WORDS:
                return str(text)
        if tag is not None and not event.implicit[0] and not event.implicit[1]:
            if tag == _STR_TAG:
                return str(event.value)
            self._error(mark, f"tag {tag} is not allowed in a catalogue")
            return str(event.value)
        if event.style:  # quoted or block scalar: always text (plain is None, or '' from libyaml)
            self.last_styled = event
            return str(event.value)
        value, why = _resolve_plain(event.value)
        if why is not None:
            self._error(mark, f"plain value {event.value!r} {why}; {_fix(event.value)}")
        return value

    def _attach(self, top: tuple[YamlMap | YamlSeq, list[Any]], value: Node, mark: Mark) -> None:
        container, pending = top
        if isinstance(container, YamlSeq):
            container.append(value)
            container.item_marks.append(mark)
            return
        if not pending:  # this is a key
            if isinstance(value, (YamlMap, YamlSeq)):
                self._error(mark, "a mapping key must be a plain value, not a collection")
                key = f"<collection at {mark[0]}:{mark[1]}>"
            elif value is None:
                key = "null"
                self._error(mark, "a mapping key must not be empty or null")
            else:
                key = value if isinstance(value, str) else _key_text(value)
            if key == "<<":
                self._error(mark, "merge keys (<<) are not allowed in a catalogue")
            if key in container.key_marks:
                first = container.key_marks[key]
                self._error(
                    mark,
                    f"duplicate key {key!r}, first defined at {self.name}:{first[0]}:{first[1]}"
                    " (YAML would silently keep only the last)",
                )
            pending.append((key, mark))
            return
        key, key_mark = pending.pop()
        if key in container.key_marks:
            return  # a duplicate key: reported above; the first definition stands
        container[key] = value
        container.key_marks[key] = key_mark
        container.value_marks[key] = mark


TOO_DEEP = f"collections nested more than {MAX_DEPTH} levels deep"


def _too_deep(text: str) -> Mark | None:
    """Where the first collection deeper than MAX_DEPTH starts, found by PyYAML's pure-Python
    parser, which has no nesting limit of its own; None if it finds none."""
    import yaml

    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            cls = type(event)
            if cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                depth += 1
                start = event.start_mark
                if depth > MAX_DEPTH and start is not None:
                    return start.line + 1, start.column + 1
            elif cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                depth -= 1
    except yaml.YAMLError:
        pass
    return None


def _fix(text: str) -> str:
    """What to write instead of an ambiguous plain value."""
    if text.lower() in ("y", "yes", "on", "n", "no", "off"):
        value = "true" if text.lower() in ("y", "yes", "on") else "false"
        return f"write {value} for a yes/no field, or quote it for text"
    return "quote it to say what you mean"


def _text_mark(text: str, index: int) -> Mark:
    """The (line, column) of a character of ``text``, as an editor counts them."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _key_text(value: Node) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
