"""Custom targets a project declares in ``[tool.codegen.target.<name>]``: template-only ones
here, plugins in ``codegen.targets.plugin``. Both write under out/<name>/ only, every file
they produce is checked as codegen's own (its path, its first line), and both receive the
data model (``codegen.datamodel``), never codegen's internal objects.

A template-only target lists files, each rendered from a template of the project (in the
sandbox, see ``codegen.render``): a path naming ``{platform}`` is rendered once per
catalogue with ``catalog`` in the context, any other once with all of them (Weaver's
``application_mode: each`` and ``single``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from ..diagnostics import Diagnostic, Location, Severity, escape_char
from ..model import Catalog
from ..naming import pascal, words
from ..render import (
    HEADER_BREAKS,
    MARKER,
    TEMPLATE,
    Files,
    Options,
    RenderFailure,
    marked,
    rendering,
)
from .charset import comment_text, must_escape

PLATFORM = "{platform}"
"""The one placeholder of an output path: the file is rendered once per catalogue."""


# --- Filters: the few every template of a custom target may use --------------------------


def snake(name: str) -> str:
    """``INVALID_API_KEY`` -> ``invalid_api_key``."""
    return "_".join(w.lower() for w in words(name))


def camel(name: str) -> str:
    """``INVALID_API_KEY`` -> ``invalidApiKey``."""
    shown = pascal(name)
    return shown[:1].lower() + shown[1:]


def c_string(text: str) -> str:
    """A C (and C++) string literal of ``text``'s UTF-8 bytes, in ASCII only: ``\\"``,
    ``\\\\``, ``\\n``, ``\\t``, ``\\r``; every other byte outside printable ASCII as a
    three-digit octal escape (a hex escape would swallow the digits after it); ``??`` as
    ``?\\?`` so that no trigraph forms."""
    out = ['"']
    previous = ""
    for char in text:
        if char in '"\\':
            out.append("\\" + char)
        elif char in "\n\t\r":
            out.append({"\n": "\\n", "\t": "\\t", "\r": "\\r"}[char])
        elif " " <= char <= "~":
            out.append("\\?" if char == "?" and previous == "?" else char)
        else:
            encoded = char.encode("utf-8", "surrogatepass")
            out.extend(f"\\{byte:03o}" for byte in encoded)
        previous = char
    out.append('"')
    return "".join(out)


def json_string(text: str) -> str:
    """A JSON string literal of ``text``, also a JavaScript and TypeScript one: characters
    that are invisible or break lines (U+2028 among them) as ``\\u`` escapes."""
    out = json.dumps(text, ensure_ascii=False)
    if out.isprintable():
        return out
    escaped: list[str] = []
    for char in out:
        if must_escape(char):
            units = char.encode("utf-16-be", "surrogatepass")
            escaped.extend(
                f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2)
            )
        else:
            escaped.append(char)
    return "".join(escaped)


COMMENT_BREAKS = (*HEADER_BREAKS, "/*")
"""The headers' breaks, and ``/*``: it opens a nested comment in Rust, Swift or Kotlin (the
rest of the file would be commented out) and is a warning in C."""


def comment(text: str, *forbidden: str) -> str:
    """``text`` made safe to sit on one line of any comment: invisible characters and line
    breaks as escapes; what would end a block or HTML comment (``*/``, ``-->``) or open a
    nested one (``/*``) broken by a backslash, and each of ``forbidden`` too: sequences of
    two characters or more, the second no backslash (else breaking one makes another)."""
    for sequence in forbidden:
        if not isinstance(sequence, str) or len(sequence) < 2 or sequence[1] == "\\":
            raise ValueError(
                f"comment() breaks sequences of two characters or more whose second is not a"
                f" backslash, not {sequence!r}"
            )
    return comment_text(text, escape_char, COMMENT_BREAKS + forbidden)


FILTERS: dict[str, Callable[..., object]] = {
    "snake": snake,
    "camel": camel,
    "pascal": pascal,
    "c_string": c_string,
    "json_string": json_string,
    "comment": comment,
}
"""Filters of every project template, besides Jinja2's own (``upper``, ``lower``,
``replace``, ``join``...). A template that replaces a built-in one also has its target's."""


# --- Output paths and files: one rule for templates and plugins ----------------------------


def unsafe_path(path: str) -> str | None:
    """Why ``path`` cannot name a file under out/<target>/, or None: it must be relative,
    of plain names (no ``..``, ``.`` or empty one), with no backslash (a separator on
    Windows) and no control or invisible character."""
    if not path:
        return "is empty"
    if not path.isprintable():
        return "holds a control or invisible character"
    if "\\" in path:
        return "holds a backslash"
    if path.startswith("/") or PureWindowsPath(path).anchor:
        return "is absolute"
    parts = path.split("/")
    if ".." in parts:
        return "leads out of its directory (..)"
    if "" in parts or "." in parts:
        return "has an empty or '.' part"
    return None


@dataclass(frozen=True)
class Output:
    """A file a custom target produced, before it is checked."""

    path: str
    text: str
    origin: Location
    """Where a problem with it is reported: the template, or the declaration of the target."""


def checked(target: str, outputs: Iterable[Output], what: str) -> tuple[Files, list[Diagnostic]]:
    """``outputs`` as files under out/<target>/, and a diagnostic (check ``what``) for each
    one whose path is unsafe or taken, or whose first line lacks the marker: ``generate``
    replaces and deletes only files carrying it, and would refuse to touch them again."""
    files: Files = {}
    problems: list[Diagnostic] = []

    def refuse(output: Output, message: str) -> None:
        problems.append(Diagnostic(what, Severity.ERROR, output.origin, message))

    directories: set[PurePosixPath] = set()
    for output in outputs:
        reason = unsafe_path(output.path)
        if reason is not None:
            refuse(output, f"target {target}: output path {output.path!r} {reason}")
            continue
        path = PurePosixPath(target, output.path)
        if path in files or path in directories or any(p in files for p in path.parents):
            refuse(output, f"target {target}: output path {output.path!r} is produced twice")
            continue
        if not marked(output.text):
            refuse(
                output,
                f"target {target}: {output.path}: the first line must carry the generated-code"
                f" marker ({MARKER!r}), as in every file generate owns",
            )
            continue
        files[path] = output.text
        directories.update(path.parents)
    return files, problems


# --- Template-only targets -----------------------------------------------------------------


@dataclass(frozen=True)
class OutputFile:
    """One entry of a template-only target's ``files``."""

    template: str
    """A template's path in the target's template directory."""
    path: str
    """Where it goes under out/<target>/; ``{platform}`` makes it one file per catalogue."""

    @property
    def each(self) -> bool:
        return PLATFORM in self.path


def header_function(line: str) -> Callable[..., str]:
    """``header(leader, trailer="")`` for templates: the generated-code line behind the
    file's comment leader (``header("//")``, ``header("/*", "*/")``, ``header("#")``)."""

    def header(leader: str, trailer: str = "") -> str:
        return f"{leader} {line}" + (f" {trailer}" if trailer else "")

    return header


@dataclass(frozen=True)
class TemplateRenderer:
    """The renderer of a template-only target. Data only: its repr is its configuration,
    part of the cache key, as the templates' text is."""

    name: str
    templates: str
    """The project directory of its templates, from the project."""
    files: tuple[OutputFile, ...]

    def __call__(self, catalogs: Sequence[Catalog], options: Options) -> Files:
        current = rendering()
        data = current.model(catalogs, options)
        env = current.environment(self.templates, {})
        outputs: list[Output] = []
        problems: list[Diagnostic] = []
        for spec in self.files:
            origin = Location(PurePosixPath(self.templates, spec.template).as_posix(), 1, 1)
            contexts: list[tuple[str, dict[str, Any]]] = []
            if spec.each:
                for catalog in data["catalogs"]:
                    path = spec.path.replace(PLATFORM, catalog["platform"])
                    contexts.append((path, {**data, "catalog": catalog}))
            else:
                contexts.append((spec.path, dict(data)))
            try:
                template = current.get_template(env, spec.template)
                for path, context in contexts:
                    line = context["catalog"]["generated"] if spec.each else data["generated"]
                    text = template.render(context, header=header_function(line), target=self.name)
                    outputs.append(Output(path, text, origin))
            except RenderFailure as exc:
                problems += exc.diagnostics
        files, refused = checked(self.name, outputs, TEMPLATE)
        if problems or refused:
            raise RenderFailure([*problems, *refused])
        return files
