"""The front half every command shares: read, load, validate, check and render a set of
catalogue files, through the cache so that an unchanged set costs only its hashes."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import cache as cache_module
from .checks import Context, Severities, run_checks
from .diagnostics import CatalogError, Diagnostic, Location, Severity, has_errors
from .load import UNREADABLE, load_bytes
from .model import Catalog
from .render import Files, Options, render
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


def display_path(path: Path) -> str:
    """How a file is named in messages and headers: relative to the working directory when
    inside it, so that output does not depend on where the checkout lives."""
    absolute = path.absolute()
    if absolute.is_relative_to(Path.cwd()):
        return absolute.relative_to(Path.cwd()).as_posix()
    return path.as_posix()


def catalog_files(directory: Path) -> list[Path]:
    """Every ``*.yaml`` entry: one that is not a readable file (a directory, a dangling link)
    is reported as unreadable, never skipped, lest its generated code be removed."""
    return sorted(directory.glob("*.yaml"))


def read(
    paths: Sequence[Path], max_bytes: int | None
) -> tuple[list[tuple[str, bytes]], list[Diagnostic]]:
    """The bytes of each readable file, by display name, and a diagnostic for each other."""
    inputs, problems = [], []
    for path in paths:
        name = display_path(path)
        try:
            size = path.stat().st_size
            if max_bytes is not None and size > max_bytes:
                problems.append(
                    Diagnostic(
                        UNREADABLE,
                        Severity.ERROR,
                        Location(name),
                        f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes (max_file_bytes)",
                    )
                )
                continue
            inputs.append((name, path.read_bytes()))
        except OSError as exc:
            problems.append(
                Diagnostic(
                    UNREADABLE, Severity.ERROR, Location(name), f"cannot read: {exc.strerror}"
                )
            )
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
        catalog, diagnostics = validate(document, data, limits)
        result.diagnostics += diagnostics
        if catalog is not None:
            result.catalogs.append(catalog)
    # Checks see every valid catalogue at once: some compare catalogues with each other.
    result.diagnostics += run_checks(result.catalogs, context, severities)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result


def run(
    paths: Sequence[Path],
    targets: Sequence[str],
    options: Options,
    limits: Limits | None = None,
    cache: cache_module.Cache | None = None,
    context: Context | None = None,
    severities: Severities | None = None,
) -> Outcome:
    """Everything about ``paths`` that validate, generate and check print or write."""
    limits = limits or Limits()
    inputs, problems = read(paths, limits.file_bytes)
    store = cache or cache_module.Cache(None)
    key = cache_module.key(
        [(name, hashlib.sha256(data).hexdigest()) for name, data in inputs],
        tuple(targets),
        options,
        context,
        sorted((severities or {}).items()),
        limits,
    )
    outcome = store.get(key)
    if not isinstance(outcome, Outcome):
        result = process(inputs, context, severities, limits)
        files = None
        if targets and not result.errors:
            files = render(result.catalogs, targets, options)
        outcome = Outcome(
            tuple(result.diagnostics),
            len(result.catalogs),
            sum(len(c.errors) for c in result.catalogs),
            files,
        )
        store.put(key, outcome)
    if problems:
        diagnostics = sorted([*outcome.diagnostics, *problems], key=Diagnostic.sort_key)
        return Outcome(tuple(diagnostics), outcome.catalogs, outcome.codes, None)
    return outcome
