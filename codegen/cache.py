"""A cache of results, so that regenerating unchanged catalogues costs only their hashes, and
a change to one catalogue redoes only what depends on it (codegen.pipeline makes the keys):

- a catalogue's load, validation and own checks, with the model they build, under its bytes
  and name, the limits, the taxonomy and the severities;
- the files a built-in target renders from one catalogue, under that catalogue, the options
  and what those files depend on of the others; the target's other files (index modules,
  manifests) under a summary of every catalogue (targets.base.Split);
- the files of a target that gathers every catalogue's text (the report, the reference
  site), or that the project declares, under every catalogue and the project's templates;
- a whole run: its diagnostics and each output file's sha256, so that ``check`` of an
  unchanged tree reads no text but the files on disk;
- what the files of out/ were when last read (write.Seen), the category taxonomy, and the
  check IDs a configuration may name.

Every key covers a fingerprint of codegen itself (its version, its code, templates and
schemas, and the versions of the libraries it parses and renders with).

Safety, as for black's and pre-commit's caches: the cache lives in a per-user directory
(``CODEGEN_CACHE_DIR``, else the platform's user cache directory), never in the repository,
where a pull request could plant an entry whose key anyone can compute. Entries are JSON,
data that cannot run, read back into codegen's own classes (codegen.stored); one that is
damaged, foreign or of another shape is ignored and its work done again. Only files the cache
itself created, recognisable by their names, are ever removed: the least recently used first,
beyond KEEP entries or BUDGET bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

from . import __version__

KEEP = 512
"""Entries kept at most; the least recently used ones go first. A project takes a few dozen
(one per catalogue, one per catalogue and target, a few per target, one per run)."""

BUDGET = 256 * 1024 * 1024
"""Bytes the entries may take together; the least recently used ones go first beyond it."""

FORMAT = 2
"""The layout of an entry; an entry of another format is ignored."""

ENVIRONMENT = "CODEGEN_CACHE_DIR"

_ENTRY = re.compile(r"codegen-[0-9a-f]{64}\.json")
_TEMPORARY = re.compile(r"codegen-[0-9a-f]{64}\.json\.[A-Za-z0-9_]+\.tmp")
_STALE_TEMPORARY = 3600
"""Seconds after which a temporary file is taken as left by a killed run."""

_KEY = re.compile("[0-9a-f]{64}")

DEPENDENCIES = ("pyyaml", "jinja2", "jsonschema", "fastjsonschema")
"""The libraries whose version the output may depend on (normalised project names)."""


def default_directory() -> Path | None:
    """``$CODEGEN_CACHE_DIR``, else the platform's per-user cache directory; None when
    there is no home to put one in."""
    configured = os.environ.get(ENVIRONMENT)
    if configured:
        return Path(configured)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
        return Path(base, "codegen", "Cache") if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "codegen"
    base = os.environ.get("XDG_CACHE_HOME")
    if base and os.path.isabs(base):
        return Path(base, "codegen")
    try:
        return Path.home() / ".cache" / "codegen"
    except RuntimeError:  # no home directory
        return None


_FINGERPRINT: str | None = None


def fingerprint() -> str:
    """sha256 of codegen's version, of every file of its packages that the output can depend
    on (code, templates, schemas) and of the versions of the libraries it uses."""
    global _FINGERPRINT
    if _FINGERPRINT is None:
        digest = hashlib.sha256(__version__.encode())
        for name, path in _package_files():
            with open(path, "rb") as handle:
                digest.update(name.encode() + b"\0" + handle.read() + b"\0")
        for dependency, version in sorted(_versions().items()):
            digest.update(f"{dependency}={version}\0".encode())
        _FINGERPRINT = digest.hexdigest()
    return _FINGERPRINT


_SUFFIXES = (".py", ".j2", ".json", ".yaml")


def _package_files() -> list[tuple[str, str]]:
    """(name from its package's directory, path) of each file the fingerprint covers, sorted:
    codegen (with codegen.targets), codegen.templates and codegen.schema, wherever the
    installation put them (a source checkout maps the last two to templates/ and schema/)."""
    import importlib.util

    roots = {os.path.dirname(os.path.abspath(__file__)): "codegen"}
    for package in ("codegen.templates", "codegen.schema"):
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            roots.setdefault(os.path.abspath(location), package)
    found = []
    for root, package in roots.items():
        for directory, subdirectories, names in os.walk(root):
            subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
            for name in names:
                if name.endswith(_SUFFIXES):
                    path = os.path.join(directory, name)
                    relative = os.path.relpath(path, root).replace(os.sep, "/")
                    found.append((f"{package}/{relative}", path))
    return sorted(found)


def _versions() -> dict[str, str]:
    """The installed version of each of DEPENDENCIES, as the first ``*.dist-info`` directory
    on ``sys.path`` names it (where import finds it too); importlib.metadata, which costs
    more to import than the rest of a cached run, only for one installed otherwise."""
    found: dict[str, str] = {}
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if not name.endswith(".dist-info"):
                continue
            project, _, version = name[: -len(".dist-info")].partition("-")
            normalised = re.sub(r"[-_.]+", "-", project).lower()
            if normalised in DEPENDENCIES and version:
                found.setdefault(normalised, version)
    for dependency in DEPENDENCIES:
        if dependency not in found:  # pragma: no cover - an egg or an unusual installation
            from importlib import metadata

            try:
                found[dependency] = metadata.version(dependency)
            except metadata.PackageNotFoundError:
                pass
    return found


def key(*parts: object) -> str:
    """A cache key: sha256 of the fingerprint and of each part's repr (plain data only)."""
    digest = hashlib.sha256(fingerprint().encode())
    for part in parts:
        digest.update(repr(part).encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


Record = tuple[bool, frozenset[str]]
"""What a run did with the cache: whether it stored entries, and those it used (Cache.record)."""


class Cache:
    """Values that JSON can hold, by key. ``None`` as the directory turns the cache off."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._written = False
        self._used: set[str] = set()
        """The entries this run read or wrote: within KEEP, never pruned for the budget."""

    @property
    def enabled(self) -> bool:
        return self.directory is not None

    def _path(self, name: str) -> Path | None:
        if self.directory is None or not _KEY.fullmatch(name):
            return None
        return self.directory / f"codegen-{name}.json"

    def get(self, name: str) -> Any:
        """The value stored under ``name``, or None when there is none of the right shape."""
        path = self._path(name)
        if path is None:
            return None
        try:
            with path.open("rb") as handle:
                data = handle.read()
            entry = json.loads(data.decode("utf-8", "surrogatepass"))
        except (OSError, ValueError):  # missing, truncated, not JSON: recompute
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != name:
            return None
        try:  # used now: the least recently used entries are the ones pruned
            os.utime(path)
        except OSError:
            pass
        self._used.add(path.name)
        return entry.get("value")

    def put(self, name: str, value: Any) -> None:
        """Store ``value``; a cache that cannot be written only costs time."""
        path = self._path(name)
        if path is None or self.directory is None:
            return
        document = {"format": FORMAT, "key": name, "value": value}
        # Text as UTF-8 (half the size of \u escapes), lone surrogates as they are.
        data = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
        encoded = data.encode("utf-8", "surrogatepass")
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            temporary = path.with_name(f"{path.name}.{os.urandom(8).hex()}.tmp")
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(encoded)
                os.replace(temporary, path)
            except BaseException:
                temporary.unlink(missing_ok=True)
                raise
        except OSError:
            return
        self._written = True
        self._used.add(path.name)

    def record(self) -> Record:
        """What this run has done with the cache, for a forked process to hand back
        (codegen.parallel): whether it stored anything, and the entries it used."""
        return self._written, frozenset(self._used)

    def adopt(self, record: Record) -> None:
        """Count what a forked process did with the cache (its record) as this run's."""
        written, used = record
        self._written = self._written or written
        self._used.update(used)

    def prune(self) -> None:
        """After a run that stored entries: keep the KEEP most recently used ones, within
        BUDGET bytes but for those of this run; remove nothing but the cache's own files."""
        if self.directory is None or not self._written:
            return
        self._written = False
        try:
            self._prune()
        except OSError:
            return

    def _prune(self) -> None:
        assert self.directory is not None
        entries, now = [], time.time()
        with os.scandir(self.directory) as scan:
            for item in scan:
                if not item.is_file(follow_symlinks=False):
                    continue
                if _ENTRY.fullmatch(item.name):
                    status = item.stat(follow_symlinks=False)
                    entries.append((status.st_mtime, status.st_size, item.path))
                elif _TEMPORARY.fullmatch(item.name):
                    if now - item.stat(follow_symlinks=False).st_mtime > _STALE_TEMPORARY:
                        Path(item.path).unlink(missing_ok=True)
        total = 0
        for count, (_, size, path) in enumerate(sorted(entries, reverse=True)):
            mine = os.path.basename(path) in self._used
            total += size
            if count >= KEEP or (total > BUDGET and not mine):
                Path(path).unlink(missing_ok=True)
