"""Write requirements/minimum.txt: each runtime dependency of pyproject.toml at the lower bound
of its range, with the hashes of all its files, so that `make test-minimum` proves the bounds
users are promised. Run by `make lock`; tests/test_environment.py fails when the two disagree.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "requirements" / "minimum.txt"
HEADER = """\
# Each runtime dependency of pyproject.toml pinned at the lower bound of its range, for
# `make test-minimum` (installed with --no-deps over requirements/dev.txt).
# Written by `make lock` (requirements/minimum.py) from pyproject.toml: do not edit.
"""


def lower_bounds(pyproject: Path) -> dict[str, str]:
    """Each runtime dependency's name, as written, and the version its ``>=`` names."""
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    bounds = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        lows = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
        if len(lows) != 1:
            sys.exit(f"{pyproject}: {line!r} needs exactly one lower bound (>=)")
        bounds[requirement.name] = lows[0]
    return bounds


def hashed_pins(pins: list[str]) -> dict[str, str]:
    """pip-compile's entry (pin and hashes) for each of ``pins``, by canonical name; the
    dependencies it resolves besides are dropped (they come from the lock)."""
    pip_compile = Path(sys.executable).parent / "pip-compile"
    with tempfile.TemporaryDirectory() as scratch:
        source, output = Path(scratch) / "minimum.in", Path(scratch) / "minimum.txt"
        source.write_text("".join(f"{pin}\n" for pin in pins), encoding="utf-8")
        subprocess.run(
            [
                str(pip_compile),
                "--quiet",
                "--no-header",
                "--no-annotate",
                "--no-emit-find-links",
                "--no-emit-index-url",
                "--generate-hashes",
                "--allow-unsafe",
                "--strip-extras",
                "--output-file",
                str(output),
                str(source),
            ],
            check=True,
        )
        entries: dict[str, str] = {}
        name = ""
        for line in output.read_text(encoding="utf-8").splitlines(keepends=True):
            if line.strip() and not line[0].isspace() and not line.startswith("#"):
                name = canonicalize_name(line.split("==")[0])
                entries[name] = ""
            if name and not line.lstrip().startswith("#"):
                entries[name] += line
    return entries


def main() -> None:
    bounds = lower_bounds(ROOT / "pyproject.toml")
    entries = hashed_pins([f"{name}=={version}" for name, version in bounds.items()])
    body = "".join(entries[canonicalize_name(name)] for name in bounds)
    OUTPUT.write_text(HEADER + body, encoding="utf-8")


if __name__ == "__main__":
    main()
