"""Project configuration: ``[tool.codegen]`` in the project's pyproject.toml, overridden by flags.

The configuration comes from the repository, and so, on a pull request, from whoever wrote
it: every value that becomes a path, an identifier or file content is checked here, and
refused with the setting's name (exit 2) before anything is read or written.
"""

from __future__ import annotations

import keyword
import os
import re
import tomllib
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any, NamedTuple

from .diagnostics import Severity
from .render import Extensions, Options, available, marked
from .source import Limits, display
from .targets import NAMES

if TYPE_CHECKING:  # imported when the project declares targets of its own
    from .targets.base import Target
    from .targets.custom import OutputFile

_NUMBER = r"(?:0|[1-9][0-9]*)"
_VERSION = re.compile(rf"{_NUMBER}\.{_NUMBER}\.{_NUMBER}(?:-(?:alpha|beta|rc)(?:\.{_NUMBER})?)?")
_PEP440_LABELS = {"alpha": "a", "beta": "b", "rc": "rc"}
_NPM_NAME = re.compile(r"(@[a-z0-9][a-z0-9._-]*/)?[a-z0-9][a-z0-9._-]*")
_GO_MODULE_ELEMENT = re.compile(r"[A-Za-z0-9_~-]+(?:\.[A-Za-z0-9_~-]+)*")
"""One element of a Go module path (golang.org/x/mod/module's rules): letters, digits and
``-._~``, no leading, trailing or doubled dot."""


class ConfigError(Exception):
    """Configuration that cannot be used; the CLI reports it and exits with status 2."""


@dataclass(frozen=True)
class Config:
    root: Path = field(default_factory=Path.cwd)
    """The project: the directory of the pyproject.toml that configures codegen (else of the
    nearest one, else the working directory). Files are named relative to it."""
    catalogs: Path = Path("catalogs")
    out: Path = Path("out")
    targets: tuple[str, ...] = NAMES
    """Every built-in target unless the configuration chooses."""
    options: Options = field(default_factory=Options)
    limits: Limits = field(default_factory=Limits)
    categories: Path | None = None
    """The category taxonomy; None: the one shipped with codegen (schema/categories.yaml)."""
    severity: dict[str, Severity | None] = field(default_factory=dict)
    """Per check ID, a severity other than the default; None turns the check off."""
    source: Path | None = None
    """The pyproject.toml the settings came from, if any."""
    templates: Path | None = None
    """The project's templates: ``<templates>/<target>/<name>`` replaces the built-in
    ``templates/<target>/<name>``. None: only the built-in ones."""
    custom_targets: dict[str, Target] = field(default_factory=dict)
    """Targets the project declares (``[tool.codegen.target.<name>]``): template-only ones
    and plugins, in the order declared."""
    allow_plugins: bool = False
    """Whether the project's plugins may run: never set from the configuration, which is
    the repository's (a plugin is its code), only by the person running codegen."""

    @property
    def available(self) -> dict[str, Target]:
        """Every target a run may choose: the built-in ones, then the project's."""
        return available(self.extensions)

    @property
    def extensions(self) -> Extensions:
        """What render() needs of the project's templates and targets."""
        return Extensions(
            root=self.root,
            templates=None if self.templates is None else display(self.templates, self.root),
            targets=self.custom_targets,
            allow_plugins=self.allow_plugins,
            declared_in=(
                "pyproject.toml" if self.source is None else display(self.source, self.root)
            ),
        )


def find_pyproject(start: Path) -> tuple[Path | None, dict[str, Any]]:
    """The pyproject.toml whose ``[tool.codegen]`` applies to ``start`` and that table:
    the nearest one that has the table, looking no further up than the repository's top
    (a directory holding ``.git``); else the nearest pyproject.toml and an empty table."""
    nearest: Path | None = None
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            nearest = nearest or candidate
            table = _codegen_table(candidate)
            if table is not None:
                return candidate, table
        if (directory / ".git").exists():
            break
    return nearest, {}


def _codegen_table(pyproject: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(pyproject.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{os.path.relpath(pyproject)}: cannot read: {exc}") from None
    tool = data.get("tool")
    table = tool.get("codegen") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.codegen] must be a table")
    return table


KNOWN = (
    "catalogs",
    "out",
    "targets",
    "version",
    "python_package",
    "typescript_package",
    "go_module",
    "go_import_path",
    "rust_crate",
    "docs_url",
    "max_file_bytes",
    "max_entries",
    "max_text_length",
    "categories",
    "severity",
    "templates",
    "target",
)


def load_config(start: Path | None = None, ids: Callable[[], CheckIDs] | None = None) -> Config:
    """Read ``[tool.codegen]``; paths in it are relative to the pyproject.toml that holds it
    and must stay inside the project. ``ids`` gives the check IDs (by default check_ids(),
    which imports every check; the command line has them from its cache)."""
    here = (start or Path.cwd()).absolute()
    pyproject, table = find_pyproject(here)
    root = pyproject.parent if pyproject is not None else here
    where = f"{os.path.relpath(pyproject) if pyproject else 'pyproject.toml'}: [tool.codegen]"
    if "cache_dir" in table:
        raise ConfigError(
            f"{where} cache_dir is not a setting any more: the cache lives outside the"
            " repository, where a pull request cannot plant entries; set the environment"
            " variable CODEGEN_CACHE_DIR to move it"
        )
    unknown = sorted(set(table) - set(KNOWN))
    if unknown:
        raise ConfigError(
            f"{where} has unknown setting {', '.join(unknown)} (known: {', '.join(sorted(KNOWN))})"
        )

    def text(key: str, default: str) -> str:
        value = table.get(key, default)
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{where} {key} must be a non-empty string")
        if not value.isprintable():
            raise ConfigError(f"{where} {key} must not hold control or invisible characters")
        return value

    def inside(key: str, default: str) -> Path:
        return project_path(root, text(key, default), f"{where} {key}")

    def positive(key: str, default: int) -> int:
        value = table.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ConfigError(f"{where} {key} must be a positive integer")
        return value

    def directory(key: str, value: object, setting: str) -> Path:
        if not isinstance(value, str) or not value or not value.isprintable():
            raise ConfigError(f"{setting} {key} must be a non-empty string of visible characters")
        path = project_path(root, value, f"{setting} {key}")
        if not path.is_dir():
            raise ConfigError(f"{setting} {key} {value!r} is not a directory of the project")
        return path

    custom = _custom_targets(where, table.get("target", {}), root, directory)
    defaults = Limits()
    if "go_module" in table and "go_import_path" in table:
        raise ConfigError(
            f"{where} go_module and go_import_path are two ways to place the Go packages:"
            " set one (go_module: out/go is a module of its own; go_import_path: the"
            " packages are part of the module around them, with no go.mod of their own)"
        )
    go_mod = "go_import_path" not in table
    go_path = text("go_module", Options.go_module) if go_mod else text("go_import_path", "")
    config = Config(
        root=root,
        catalogs=inside("catalogs", "catalogs"),
        out=inside("out", "out"),
        targets=_targets(where, table.get("targets", [*NAMES, *custom]), custom),
        options=Options(
            version=_version(where, text("version", Options.version)),
            python_package=_python_package(where, text("python_package", Options.python_package)),
            typescript_package=_npm_package(
                where, text("typescript_package", Options.typescript_package)
            ),
            go_module=_go_module(where, "go_module", go_path),
            go_mod=go_mod,
            rust_crate=_rust_crate(where, text("rust_crate", Options.rust_crate)),
            docs_url=_docs_url(where, text("docs_url", "")) if "docs_url" in table else None,
        ),
        limits=Limits(
            file_bytes=positive("max_file_bytes", defaults.file_bytes),
            entries=positive("max_entries", defaults.entries),
            text_length=positive("max_text_length", defaults.text_length),
        ),
        categories=inside("categories", "") if "categories" in table else None,
        severity=_severities(where, table.get("severity", {}), ids or check_ids),
        source=pyproject,
        templates=(
            directory("templates", table["templates"], where) if "templates" in table else None
        ),
        custom_targets=custom,
    )
    check_out(config.out, config, f"{where} out", text("out", "out"))
    if not go_mod:
        _check_go_import_path(where, config)
    return config


def project_path(root: Path, value: str, setting: str) -> Path:
    """``value``, a path the repository's configuration gives, made absolute: it must be
    relative and stay inside the project, even after following links."""
    if PurePosixPath(value).is_absolute() or PureWindowsPath(value).anchor:
        raise ConfigError(f"{setting} must be a path relative to the project, not {value!r}")
    path = Path(os.path.normpath(root / value))
    if not path.resolve().is_relative_to(root.resolve()):
        raise ConfigError(f"{setting} {value!r} leads outside the project")
    return path


def check_out(out: Path, config: Config, setting: str, given: str) -> None:
    """The output directory is rebuilt as a whole: it must not hold the project, its
    catalogues or its configuration."""
    target = Path(os.path.abspath(out)).resolve()
    for what, path in (("the project", config.root), ("the catalogues", config.catalogs)):
        if Path(os.path.abspath(path)).resolve().is_relative_to(target):
            raise ConfigError(
                f"{setting} {given!r} would hold {what}: choose a directory of its own"
            )


def _targets(where: str, value: object, custom: dict[str, Target]) -> tuple[str, ...]:
    known = [*NAMES, *custom]
    if not isinstance(value, list) or not value or not all(isinstance(t, str) for t in value):
        raise ConfigError(f"{where} targets must be a non-empty list of target names")
    unknown = [t for t in value if t not in known]
    if unknown:
        raise ConfigError(
            f"{where} targets names unknown target {', '.join(map(repr, unknown))}"
            f" (known: {', '.join(known)})"
        )
    return tuple(dict.fromkeys(value))


_TARGET_NAME = re.compile(r"[a-z][a-z0-9_]*")
_TEMPLATE_KEYS = frozenset({"summary", "templates", "files"})
_PLUGIN_KEYS = frozenset({"summary", "command", "timeout"})
MAX_TIMEOUT = 3600
"""Seconds: the longest a plugin may be given."""


def _custom_targets(
    where: str, table: object, root: Path, directory: Callable[[str, object, str], Path]
) -> dict[str, Target]:
    """``[tool.codegen.target.<name>]``: each a template-only target (``templates`` and
    ``files``) or a plugin (``command``), named like a platform and unlike a built-in one."""
    where = where.replace("[tool.codegen]", "[tool.codegen.target]")
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of targets")
    found: dict[str, Target] = {}
    if not table:
        return found
    from .targets.base import Target
    from .targets.custom import TemplateRenderer
    from .targets.plugin import PluginRenderer

    for name, spec in table.items():
        if not _TARGET_NAME.fullmatch(name):
            raise ConfigError(
                f"{where} {name!r} is not a target name (lower-case letters, digits and '_',"
                " starting with a letter)"
            )
        if name in NAMES:
            raise ConfigError(f"{where} {name} is a built-in target: choose another name")
        setting = where.replace("[tool.codegen.target]", f"[tool.codegen.target.{name}]")
        if not isinstance(spec, dict):
            raise ConfigError(f"{setting} must be a table")
        kind = _TEMPLATE_KEYS if "templates" in spec else _PLUGIN_KEYS
        if ("templates" in spec) == ("command" in spec):
            raise ConfigError(
                f"{setting} needs either templates and files (a template-only target) or"
                " command (a plugin)"
            )
        unknown = sorted(set(spec) - kind)
        if unknown:
            raise ConfigError(
                f"{setting} has unknown setting {', '.join(map(repr, unknown))}"
                f" (known: {', '.join(sorted(kind))})"
            )
        summary = spec.get("summary", f"{name} (declared in the project)")
        if not isinstance(summary, str) or not summary.isprintable():
            raise ConfigError(f"{setting} summary must be a string of visible characters")
        if "templates" in spec:
            templates = directory("templates", spec["templates"], setting)
            shown = display(templates, root)
            renderer: TemplateRenderer | PluginRenderer = TemplateRenderer(
                name, shown, _files(setting, spec.get("files"), templates, shown)
            )
        else:
            renderer = PluginRenderer(
                name, _command(setting, spec["command"]), _timeout(setting, spec)
            )
        found[name] = Target(
            name=name,
            summary=summary,
            render=renderer,
            cacheable=isinstance(renderer, TemplateRenderer),
        )
    return found


def _files(setting: str, value: object, templates: Path, shown: str) -> tuple[OutputFile, ...]:
    """A template-only target's ``files``: each ``{template = ..., path = ...}``, the
    template a ``*.j2`` file of its directory (``shown``), the path a safe relative one whose
    only placeholder is ``{platform}``."""
    from .targets.custom import PLATFORM, OutputFile, unsafe_path

    if not isinstance(value, list) or not value or not all(isinstance(f, dict) for f in value):
        raise ConfigError(
            f"{setting} files must be a non-empty list of {{template = ..., path = ...}}"
        )
    found: list[OutputFile] = []
    for item in value:
        if set(item) != {"template", "path"} or not all(isinstance(v, str) for v in item.values()):
            raise ConfigError(
                f'{setting} files: each must be {{template = "name.j2", path = "..."}},'
                f" not {item!r}"
            )
        template, path = item["template"], item["path"]
        reason = unsafe_path(template)
        if reason is not None:
            raise ConfigError(f"{setting} files: template {template!r} {reason}")
        if not template.endswith(".j2"):
            raise ConfigError(
                f"{setting} files: template {template!r} must end in .j2 (only *.j2 files are"
                " read as templates)"
            )
        if not (templates / template).is_file():
            raise ConfigError(f"{setting} files: template {template!r} is not a file of {shown}/")
        reason = unsafe_path(path.replace(PLATFORM, "platform"))
        if reason is None and (
            "{" in path.replace(PLATFORM, "") or "}" in path.replace(PLATFORM, "")
        ):
            reason = f"has a placeholder other than {PLATFORM}"
        if reason is not None:
            raise ConfigError(f"{setting} files: path {path!r} {reason}")
        if any(f.path == path for f in found):
            raise ConfigError(f"{setting} files: path {path!r} is listed twice")
        found.append(OutputFile(template, path))
    return tuple(found)


def _command(setting: str, value: object) -> tuple[str, ...]:
    """A plugin's argv: a list, never a string a shell would split and expand."""
    if (
        not isinstance(value, list)
        or not value
        or not all(isinstance(a, str) and a and a.isprintable() for a in value)
    ):
        raise ConfigError(
            f"{setting} command must be a non-empty list of arguments such as"
            ' ["node", "plugins/docs.mjs"] (no shell string, no control characters)'
        )
    return tuple(value)


def _timeout(setting: str, spec: dict[str, Any]) -> float:
    from .targets.plugin import TIMEOUT

    value = spec.get("timeout", TIMEOUT)
    if (
        not isinstance(value, (int, float))
        or isinstance(value, bool)
        or not 0 < value <= MAX_TIMEOUT
    ):
        raise ConfigError(f"{setting} timeout must be a number of seconds up to {MAX_TIMEOUT}")
    return float(value)


def _python_package(where: str, value: str) -> str:
    """A Python package name: one identifier, as it is a directory name and an import."""
    if not value.isidentifier() or not value.isascii() or keyword.iskeyword(value):
        raise ConfigError(
            f"{where} python_package must be a Python identifier such as errcodes, not {value!r}"
        )
    return value


def _version(where: str, value: str) -> str:
    """A version every package manager takes as written: semantic versioning's
    MAJOR.MINOR.PATCH with an optional pre-release (npm, Cargo and, for these, PEP 440)."""
    if not _VERSION.fullmatch(value):
        raise ConfigError(
            f"{where} version must be MAJOR.MINOR.PATCH, optionally with a pre-release such as"
            f" 1.2.0-rc.1 (it versions the generated packages), not {value!r}"
        )
    return value


def pep440(version: str) -> str:
    """The Python spelling of a configured version: 1.2.0-rc.1 -> 1.2.0rc1."""
    release, _, pre = version.partition("-")
    if not pre:
        return release
    label, _, number = pre.partition(".")
    return f"{release}{_PEP440_LABELS[label]}{number or 0}"


def _npm_package(where: str, value: str) -> str:
    """An npm package name, scoped (@acme/errcodes) or not: lower case, URL-safe."""
    if len(value) > 214 or not _NPM_NAME.fullmatch(value):
        raise ConfigError(
            f"{where} typescript_package must be an npm package name such as errcodes or"
            f" @acme/errcodes (lower-case letters, digits, '-', '.', '_'), not {value!r}"
        )
    return value


def _go_module(where: str, key: str, value: str) -> str:
    """A Go module or import path: it is written into go.mod and every import."""
    elements = value.split("/")
    if not all(_GO_MODULE_ELEMENT.fullmatch(e) for e in elements) or value.endswith("/"):
        raise ConfigError(
            f"{where} {key} must be a Go module path such as example.com/errcodes"
            f" (letters, digits, '-', '.', '_', '~' between slashes), not {value!r}"
        )
    return value


def _check_go_import_path(where: str, config: Config) -> None:
    """With go_import_path the packages join the Go module around out/go: its go.mod, the
    nearest one above out/go inside the project, must give out/go that import path."""
    go_dir = config.out / "go"
    for directory in (go_dir, *go_dir.parents):
        go_mod = directory / "go.mod"
        if go_mod.is_file() and not _generated(go_mod):
            break
        if directory == config.root:
            raise ConfigError(
                f"{where} go_import_path places the Go packages in the module around"
                f" {display(go_dir, config.root)}, but no go.mod is there or above it in the"
                " project: run `go mod init` first, or set go_module to make out/go a module"
            )
    else:  # pragma: no cover - the project root is always among the parents
        return
    module = _module_path(go_mod)
    shown = display(go_mod, config.root)
    if module is None:
        raise ConfigError(f"{shown}: has no module line, so go_import_path cannot be checked")
    relative = go_dir.relative_to(directory).as_posix()
    expected = module if relative == "." else f"{module}/{relative}"
    if config.options.go_module != expected:
        raise ConfigError(
            f"{where} go_import_path is {config.options.go_module!r}, but {shown} makes"
            f" {display(go_dir, config.root)} {expected!r}: set go_import_path = {expected!r}"
        )


def _generated(path: Path) -> bool:
    """Whether ``path`` is a file generate wrote (its first line carries the marker): the
    go.mod of out/go from when it was a module of its own, which generate now removes."""
    try:
        with path.open("rb") as stream:
            first = stream.read(4096)
    except OSError:
        return False
    return marked(first.decode("utf-8", "replace"))


def _module_path(go_mod: Path) -> str | None:
    """The module path a go.mod declares (its ``module`` line), read as text only."""
    try:
        with go_mod.open("rb") as stream:
            text = stream.read(1 << 20).decode("utf-8", "replace")
    except OSError:
        return None
    match = re.search(r'^\s*module\s+"?([^\s"/]+(?:/[^\s"]+)*)"?\s*(?://.*)?$', text, re.M)
    return match.group(1) if match else None


def _rust_crate(where: str, value: str) -> str:
    """A crate name that is also its library's name: it is written into Cargo.toml and
    every ``use``."""
    if value == Options.rust_crate:
        return value  # the default, a valid name: the Rust target need not be imported
    from .targets.rust import RUST_KEYWORDS, RUST_PLATFORM_RESERVED

    if not re.fullmatch(r"[a-z][a-z0-9_]*", value) or value in (
        RUST_KEYWORDS | RUST_PLATFORM_RESERVED
    ):
        raise ConfigError(
            f"{where} rust_crate must be a crate name such as errcodes (lower-case letters,"
            f" digits and '_', not a Rust keyword or std, core, alloc...), not {value!r}"
        )
    return value


_URL = re.compile(r"(?:[A-Za-z0-9._~:/@!$&'()*+,;=\[\]-]|%[0-9A-Fa-f]{2})+")
"""What a URL may hold without a query or fragment (RFC 3986's characters but ``?`` and
``#``): ASCII, no spaces, quotes or backslashes, ``%`` only before two hexadecimal digits."""


def _docs_url(where: str, value: str) -> str:
    """The address of the documentation site, which every runtime writes into the code's
    documentation URL (the platform's page and the code follow): an absolute http or https
    URL with a host, no query or fragment (the code's anchor is the fragment), in the
    characters a URL holds as they are; its scheme is written in lower case, and a "/" is
    added at its end if it has none."""
    try:
        parts = urllib.parse.urlsplit(value)
        _ = parts.port  # ValueError unless a number up to 65535
        valid = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # such a port, or a broken IPv6 host
        valid = False
    if not valid or not _URL.fullmatch(value):
        raise ConfigError(
            f"{where} docs_url must be an absolute http or https URL with a host and no query"
            " or fragment, any character but ASCII letters, digits and -._~:/@!$&'()*+,;=[]"
            f" percent-encoded, such as https://errors.example.com/docs/, not {value!r}"
        )
    value = parts.scheme + value[len(parts.scheme) :]  # urlsplit gives it in lower case
    return value if value.endswith("/") else value + "/"


_SEVERITIES = {
    "error": Severity.ERROR,
    "warning": Severity.WARNING,
    "info": Severity.INFO,
    "off": None,
}


class CheckIDs(NamedTuple):
    """The IDs a severity may be set for (the checks' and breaking's rules), and those
    that are always errors."""

    known: frozenset[str]
    builtin: frozenset[str]


def check_ids() -> CheckIDs:
    """The check IDs, from the checks and breaking's rules themselves."""
    from .breaking import RULES
    from .checks import BUILTIN, CHECKS

    return CheckIDs(frozenset({*CHECKS, *RULES}), frozenset(BUILTIN))


def _severities(
    where: str, table: object, ids: Callable[[], CheckIDs]
) -> dict[str, Severity | None]:
    """``[tool.codegen.severity]``: check ID to error, warning, info or off."""
    where = where.replace("[tool.codegen]", "[tool.codegen.severity]")
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table of check IDs")
    if not table:
        return {}
    known, builtin = ids()
    result = {}
    for check_id, value in table.items():
        if check_id in builtin:
            raise ConfigError(f"{where} {check_id} is always an error")
        if check_id not in known:
            raise ConfigError(
                f"{where} names unknown check {check_id} (known: {', '.join(sorted(known))})"
            )
        if value not in _SEVERITIES:
            raise ConfigError(
                f"{where} {check_id} must be one of {', '.join(_SEVERITIES)}, not {value!r}"
            )
        result[check_id] = _SEVERITIES[value]
    return result
