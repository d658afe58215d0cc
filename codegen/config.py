"""Project configuration: ``[tool.codegen]`` in the nearest pyproject.toml, overridden by flags."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .diagnostics import Severity
from .render import Options
from .validate import Limits

DEFAULT_TARGETS = ("python", "typescript", "go", "report", "vectors")


class ConfigError(Exception):
    """Configuration that cannot be used; the CLI reports it and exits with status 2."""


@dataclass(frozen=True)
class Config:
    catalogs: Path = Path("catalogs")
    out: Path = Path("out")
    targets: tuple[str, ...] = DEFAULT_TARGETS
    options: Options = field(default_factory=Options)
    limits: Limits = field(default_factory=Limits)
    cache_dir: Path | None = Path(".codegen_cache")
    """Where whole-run results are cached; None turns the cache off."""
    categories: Path | None = None
    """The category taxonomy; None: the one shipped with codegen (schema/categories.yaml)."""
    severity: dict[str, Severity | None] = field(default_factory=dict)
    """Per check ID, a severity other than the default; None turns the check off."""
    source: Path | None = None
    """The pyproject.toml the settings came from, if any."""


def find_pyproject(start: Path) -> Path | None:
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path | None = None) -> Config:
    """Read ``[tool.codegen]``; paths in it are relative to the pyproject.toml that holds it."""
    pyproject = find_pyproject((start or Path.cwd()).absolute())
    if pyproject is None:
        return Config()
    try:
        data = tomllib.loads(pyproject.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{pyproject}: cannot read: {exc}") from None
    table: dict[str, Any] = data.get("tool", {}).get("codegen", {})
    if not table:
        return Config()
    where = pyproject.parent
    known = {
        "catalogs",
        "out",
        "targets",
        "python_package",
        "go_module",
        "max_file_bytes",
        "max_entries",
        "max_text_length",
        "cache_dir",
        "categories",
        "severity",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise ConfigError(
            f"{pyproject}: [tool.codegen] has unknown setting {', '.join(unknown)}"
            f" (known: {', '.join(sorted(known))})"
        )

    def text(key: str, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{pyproject}: [tool.codegen] {key} must be a non-empty string")
        return value

    targets = table.get("targets", list(DEFAULT_TARGETS))
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise ConfigError(f"{pyproject}: [tool.codegen] targets must be a list of target names")

    def positive(key: str, default: int) -> int:
        value = table.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{pyproject}: [tool.codegen] {key} must be a positive integer")
        return value

    defaults = Limits()
    return Config(
        catalogs=_relative(where / text("catalogs", "catalogs")),
        out=_relative(where / text("out", "out")),
        targets=tuple(targets),
        options=Options(
            python_package=text("python_package", Options.python_package),
            go_module=text("go_module", Options.go_module),
        ),
        limits=Limits(
            file_bytes=positive("max_file_bytes", defaults.file_bytes),
            entries=positive("max_entries", defaults.entries),
            text_length=positive("max_text_length", defaults.text_length),
        ),
        cache_dir=_relative(where / text("cache_dir", ".codegen_cache")),
        categories=_relative(where / table["categories"]) if "categories" in table else None,
        severity=_severities(pyproject, table.get("severity", {})),
        source=pyproject,
    )


def _relative(path: Path) -> Path:
    """A path relative to the working directory when it is inside it (for stable messages)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


_SEVERITIES = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "off": None,
}


def _severities(pyproject: Path, table: object) -> dict[str, Severity | None]:
    """``[tool.codegen.severity]``: check ID to error, warning, info or off."""
    from .breaking import RULES
    from .checks import BUILTIN, CHECKS

    known = {*CHECKS, *RULES}

    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.codegen.severity] must be a table of check IDs")
    result = {}
    for check_id, value in table.items():
        if check_id in BUILTIN:
            raise ConfigError(f"{pyproject}: [tool.codegen.severity] {check_id} is always an error")
        if check_id not in known:
            raise ConfigError(
                f"{pyproject}: [tool.codegen.severity] names unknown check {check_id}"
                f" (known: {', '.join(sorted(known))})"
            )
        if value not in _SEVERITIES:
            raise ConfigError(
                f"{pyproject}: [tool.codegen.severity] {check_id} must be one of"
                f" {', '.join(_SEVERITIES)}, not {value!r}"
            )
        result[check_id] = _SEVERITIES[value]
    return result
