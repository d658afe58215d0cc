"""A cache of whole runs, so that regenerating unchanged catalogues costs only their hashes.

The key covers everything the result depends on: the bytes and names of the catalogues,
the targets and options, and a fingerprint of codegen itself (its code, templates and
schema, and the versions of the libraries it renders with). A damaged or foreign entry is
ignored, never trusted: the run is then done in full.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
from importlib import metadata, resources
from pathlib import Path
from typing import Any

from . import __version__

KEEP = 16
"""Entries kept; older ones are removed when a new one is stored."""


@functools.cache
def fingerprint() -> str:
    digest = hashlib.sha256(__version__.encode())
    for package in ("codegen", "codegen.targets", "codegen.templates", "codegen.schema"):
        root = resources.files(package)
        for entry in sorted(Path(str(root)).rglob("*")):
            if entry.is_file() and entry.suffix in (".py", ".j2", ".json"):
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
    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def get(self, name: str) -> Any:
        if self.directory is None:
            return None
        try:
            with (self.directory / name).open("rb") as handle:
                return pickle.load(handle)
        except Exception:  # missing, truncated, from another Python: recompute
            return None

    def put(self, name: str, value: Any) -> None:
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, self.directory / name)
            entries = sorted(
                self.directory.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True
            )
            for stale in entries[KEEP:]:
                stale.unlink(missing_ok=True)
        except OSError:
            return  # a cache that cannot be written only costs time
