"""Load, validate and check a set of catalogue files: the front half every command shares."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .checks import run_checks
from .diagnostics import CatalogError, Diagnostic, Location, Severity
from .load import UNREADABLE, load_bytes
from .model import Catalog
from .validate import validate


@dataclass
class Result:
    catalogs: list[Catalog] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

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
    return sorted(p for p in directory.glob("*.yaml") if p.is_file())


def process(paths: Sequence[Path], max_bytes: int | None = None) -> Result:
    """Load, validate and check each file; a broken file never stops the others."""
    result = Result()
    for path in paths:
        name = display_path(path)
        try:
            size = path.stat().st_size
            if max_bytes is not None and size > max_bytes:
                result.diagnostics.append(
                    Diagnostic(
                        UNREADABLE,
                        Severity.ERROR,
                        Location(name),
                        f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes",
                    )
                )
                continue
            data = path.read_bytes()
        except OSError as exc:
            result.diagnostics.append(
                Diagnostic(
                    UNREADABLE, Severity.ERROR, Location(name), f"cannot read: {exc.strerror}"
                )
            )
            continue
        try:
            document = load_bytes(data, name)
        except CatalogError as exc:
            result.diagnostics.append(exc.diagnostic)
            continue
        catalog, diagnostics = validate(document, data)
        result.diagnostics += diagnostics
        if catalog is not None:
            result.diagnostics += run_checks(catalog)
            result.catalogs.append(catalog)
    result.diagnostics.sort(key=Diagnostic.sort_key)
    return result
