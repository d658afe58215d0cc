"""A cache of whole runs, so that regenerating unchanged catalogues costs only their hashes.

The key covers everything the result depends on: the bytes and names of the catalogues,
the targets and options, and a fingerprint of codegen itself (its code, templates and
schema, and the versions of the libraries it renders with).

Safety, as for black's and pre-commit's caches: the cache lives in a per-user directory
(``CODEGEN_CACHE_DIR``, else the platform's user cache directory), never in the repository,
where a pull request could plant an entry whose key anyone can compute. Entries are JSON,
data that cannot run; one that is damaged, foreign or of another shape is ignored and the
run is done in full. Only files the cache itself created, recognisable by their names, are
ever removed.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from . import __version__

KEEP = 16
"""Entries kept; older ones are removed when a new one is stored."""

FORMAT = 1
"""The layout of an entry; an entry of another format is ignored."""

ENVIRONMENT = "CODEGEN_CACHE_DIR"

_ENTRY = re.compile(r"codegen-[0-9a-f]{64}\.json")
_TEMPORARY = re.compile(r"codegen-[0-9a-f]{64}\.json\.[A-Za-z0-9_]+\.tmp")
_STALE_TEMPORARY = 3600
"""Seconds after which a temporary file is taken as left by a killed run."""


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


@functools.cache
def fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for package in ("codegen", "codegen.targets", "codegen.templates", "codegen.schema"):
        root = resources.files(package)
        for entry in sorted(Path(str(root)).rglob("*")):
            if entry.is_file() and entry.suffix in (".py", ".j2", ".json", ".yaml"):
                digest.update(entry.name.encode() + b"\0" + entry.read_bytes())
    for dependency in ("PyYAML", "Jinja2", "jsonschema", "fastjsonschema"):
        try:
            digest.update(f"{dependency}={metadata.version(dependency)}".encode())
        except metadata.PackageNotFoundError:  # pragma: no cover
            pass
    return digest.hexdigest()


def key(*parts: object) -> str:
    digest = hashlib.sha256(fingerprint().encode())
    for part in parts:
        digest.update(repr(part).encode() + b"\0")
    return digest.hexdigest()


class Cache:
    """Values that JSON can hold, by key. ``None`` as the directory turns the cache off."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def _path(self, name: str) -> Path | None:
        if self.directory is None or not re.fullmatch("[0-9a-f]{64}", name):
            return None
        return self.directory / f"codegen-{name}.json"

    def get(self, name: str) -> Any:
        path = self._path(name)
        if path is None:
            return None
        try:
            with path.open("rb") as handle:
                entry = json.load(handle)
        except (OSError, ValueError):  # missing, truncated, not JSON: recompute
            return None
        if not isinstance(entry, dict) or entry.get("format") != FORMAT or entry.get("key") != name:
            return None
        return entry.get("value")

    def put(self, name: str, value: Any) -> None:
        path = self._path(name)
        if path is None or self.directory is None:
            return
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.directory, prefix=path.name + ".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump({"format": FORMAT, "key": name, "value": value}, handle)
                os.replace(temp, path)
            except BaseException:
                os.unlink(temp)
                raise
            self._prune()
        except OSError:
            return  # a cache that cannot be written only costs time

    def _prune(self) -> None:
        """Keep the KEEP newest entries; remove nothing but the cache's own files."""
        assert self.directory is not None
        entries, now = [], time.time()
        with os.scandir(self.directory) as scan:
            for item in scan:
                if not item.is_file(follow_symlinks=False):
                    continue
                if _ENTRY.fullmatch(item.name):
                    entries.append((item.stat(follow_symlinks=False).st_mtime, item.path))
                elif _TEMPORARY.fullmatch(item.name):
                    if now - item.stat(follow_symlinks=False).st_mtime > _STALE_TEMPORARY:
                        Path(item.path).unlink(missing_ok=True)
        for _, stale in sorted(entries, reverse=True)[KEEP:]:
            Path(stale).unlink(missing_ok=True)
