"""The front half every command shares: read, load, validate, check and render a set of
catalogue files, through the cache so that an unchanged set costs only its hashes."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from . import cache as cache_module
from .checks import Context, Severities, run_checks
from .diagnostics import CatalogError, Diagnostic, Location, Severity, has_errors
from .load import UNREADABLE, load_bytes
from .model import Catalog
from .render import TEMPLATE, Extensions, Files, Options, available, render
from .source import InputError, display, read_input
from .validate import Limits, validate


@dataclass
class Result:
    catalogs: list[Catalog] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> bool:
        return has_errors(self.diagnostics)


@dataclass(frozen=True)
class Outcome:
    """What a command needs of a run: diagnostics, counts, and the rendered files
    (None when there were errors or no targets were asked for)."""

    diagnostics: tuple[Diagnostic, ...]
    catalogs: int
    codes: int
    files: Files | None

    @property
    def errors(self) -> bool:
        return has_errors(self.diagnostics)

    @property
    def unreadable(self) -> bool:
        return any(d.check_id == UNREADABLE for d in self.diagnostics)


def read(
    paths: Sequence[Path],
    max_bytes: int | None,
    root: Path | None = None,
    inside: Path | None = None,
) -> tuple[list[tuple[str, bytes]], list[Diagnostic]]:
    """The bytes of each readable file, named relative to the project ``root`` (by default
    the working directory), and a diagnostic for each other. Links found by listing a
    directory must stay ``inside`` it."""
    inputs, problems = [], []
    for path in paths:
        name = display(path, root or Path.cwd())
        try:
            inputs.append((name, read_input(path, max_bytes, inside)))
        except InputError as exc:
            problems.append(Diagnostic(UNREADABLE, Severity.ERROR, Location(name), str(exc)))
    return inputs, problems


def process(
    inputs: Sequence[tuple[str, bytes]],
    context: Context | None = None,
    severities: Severities | None = None,
    limits: Limits | None = None,
) -> Result:
    """Load, validate and check each file; a broken file never stops the others."""
    result = Result()
    for name, data in inputs:
        try:
            document = load_bytes(data, name)
        except CatalogError as exc:
            result.diagnostics.append(exc.diagnostic)
            continue
        catalog, diagnostics = validate(document, limits)
        result.diagnostics += diagnostics
        if catalog is not None:
            result.catalogs.append(catalog)
    # Checks see every valid catalogue at once: some compare catalogues with each other.
    result.diagnostics += run_checks(result.catalogs, context, severities)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


TEMPLATE_NAME = re.compile(r"[A-Za-z0-9_.-]+")
"""What each part of a template's path, from its directory, may hold: Jinja2 compiles the
name into Python, and before 3.1.5 a name such as ``{__import__(...)}.j2`` ran as code
(CVE-2024-56201), sandbox or not. A pull request chooses file names as freely as contents."""

MAX_TEMPLATES = 1000
"""Files a project's template directories may hold: a setting pointed at a large tree
(``templates = "."``) is refused rather than read."""


def read_templates(
    extensions: Extensions, targets: Sequence[str], max_bytes: int | None
) -> tuple[dict[str, str], list[Diagnostic]]:
    """The text of every ``*.j2`` file in the project's template directories that rendering
    ``targets`` may use, by path from the project, and a diagnostic for each file that cannot
    be read (as a catalogue: regular files inside the project, UTF-8, bounded)."""
    root = extensions.root
    templates: dict[str, str] = {}
    problems: list[Diagnostic] = []
    for directory in extensions.directories(targets):
        # Links to directories are not followed: what a template includes stays in the tree.
        for parent, dirnames, filenames in os.walk(root / directory):
            dirnames.sort()
            for path in sorted(Path(parent, f) for f in filenames if f.endswith(".j2")):
                if len(templates) + len(problems) == MAX_TEMPLATES:
                    too_many = f"more than {MAX_TEMPLATES} templates: choose a smaller directory"
                    problems.append(
                        Diagnostic(TEMPLATE, Severity.ERROR, Location(directory), too_many)
                    )
                    return templates, problems
                name = display(path, root)
                relative = path.relative_to(root / directory).parts
                if not all(TEMPLATE_NAME.fullmatch(part) for part in relative):
                    problems.append(Diagnostic(TEMPLATE, Severity.ERROR, Location(name), _NAMES))
                    continue
                try:
                    templates[name] = read_input(path, max_bytes, root).decode("utf-8")
                except (InputError, UnicodeDecodeError) as exc:
                    why = str(exc) if isinstance(exc, InputError) else "cannot read: not UTF-8"
                    problems.append(Diagnostic(UNREADABLE, Severity.ERROR, Location(name), why))
    return templates, problems


_NAMES = "a template's name and directories hold only letters, digits, '.', '_' and '-'"


def run(
    paths: Sequence[Path],
    targets: Sequence[str],
    options: Options,
    limits: Limits | None = None,
    cache: cache_module.Cache | None = None,
    context: Context | None = None,
    severities: Severities | None = None,
    root: Path | None = None,
    inside: Path | None = None,
    extensions: Extensions | None = None,
) -> Outcome:
    """Everything about ``paths`` that validate, generate and check print or write; files
    are named relative to ``root`` (by default the working directory). ``extensions`` are
    the project's templates and targets (``Config.extensions``)."""
    limits = limits or Limits()
    inputs, problems = read(paths, limits.file_bytes, root, inside)
    templates: dict[str, str] = {}
    unreadable: list[Diagnostic] = []
    if targets and extensions is not None:
        templates, unreadable = read_templates(extensions, targets, limits.file_bytes)
    known = available(extensions)
    # A plugin is a program codegen cannot fingerprint: a run with one is never cached.
    cacheable = not unreadable and all(
        name not in known or known[name].cacheable for name in targets
    )
    store = cache if cache is not None and cacheable else cache_module.Cache(None)
    key = cache_module.key(
        [(name, hashlib.sha256(data).hexdigest()) for name, data in inputs],
        tuple(targets),
        options,
        context,
        sorted((severities or {}).items()),
        limits,
        _extensions_key(extensions, targets, templates),
    )
    outcome = _decode(store.get(key))
    if outcome is None:
        result = process(inputs, context, severities, limits)
        files = None
        diagnostics = list(result.diagnostics)
        if targets and not result.errors and not unreadable:
            rendered = render(result.catalogs, targets, options, extensions, templates)
            files = rendered.files
            diagnostics = sorted([*diagnostics, *rendered.diagnostics], key=Diagnostic.sort_key)
        outcome = Outcome(
            tuple(diagnostics),
            len(result.catalogs),
            sum(len(c.errors) for c in result.catalogs),
            files,
        )
        store.put(key, _encode(outcome))
    if problems or unreadable:
        diagnostics = sorted(
            [*outcome.diagnostics, *problems, *unreadable], key=Diagnostic.sort_key
        )
        return Outcome(tuple(diagnostics), outcome.catalogs, outcome.codes, None)
    return outcome


def _extensions_key(
    extensions: Extensions | None, targets: Sequence[str], templates: dict[str, str]
) -> object:
    """What the output owes to the project's templates and targets: the templates' text and
    each chosen custom target's declaration (its renderer is data, and its repr says it all)."""
    if extensions is None:
        return None
    digest = hashlib.sha256()
    for name, text in sorted(templates.items()):
        digest.update(name.encode() + b"\0" + text.encode("utf-8", "surrogatepass") + b"\0")
    declared = [repr(extensions.targets[t].render) for t in targets if t in extensions.targets]
    return (extensions.templates, declared, digest.hexdigest())


def _encode(outcome: Outcome) -> dict[str, Any]:
    """An outcome as JSON data, for the cache."""
    return {
        "diagnostics": [
            [d.check_id, int(d.severity), _location(d.location), d.message, _location(d.related)]
            for d in outcome.diagnostics
        ],
        "catalogs": outcome.catalogs,
        "codes": outcome.codes,
        "files": None if outcome.files is None else {str(p): t for p, t in outcome.files.items()},
    }


def _location(location: Location | None) -> list[Any] | None:
    return None if location is None else [location.path, location.line, location.col]


def _decode(data: Any) -> Outcome | None:
    """The outcome a cache entry holds, or None when the entry is not of that shape."""
    try:
        files = data["files"]
        return Outcome(
            tuple(
                Diagnostic(
                    str(check_id),
                    Severity(severity),
                    Location(*location),
                    str(message),
                    None if related is None else Location(*related),
                )
                for check_id, severity, location, message, related in data["diagnostics"]
            ),
            int(data["catalogs"]),
            int(data["codes"]),
            None if files is None else {PurePosixPath(p): str(t) for p, t in files.items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
