"""Running drive.mjs, beside this file, from Python: the browser tests and the docs benchmark
write a plan of tasks, and get back what Chromium saw."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
CHROMIUM = Path("/usr/bin/chromium")
"""Debian's package, which `make test` (and `make bench`) installs when it is missing."""
DRIVER = Path(__file__).resolve().parent / "drive.mjs"
NODE_PACKAGES = ("playwright-core", "axe-core")
"""Installed by make (npm ci) from package-lock.json into node_modules."""


def missing() -> list[str]:
    """What the browser needs and is not installed: `make test` installs all of it."""
    found = []
    if not os.access(CHROMIUM, os.X_OK):
        found.append(f"{CHROMIUM} (Debian's chromium package)")
    for package in NODE_PACKAGES:
        if not (ROOT / "node_modules" / package / "package.json").is_file():
            found.append(f"node_modules/{package}")
    if shutil.which("node") is None:
        found.append("node")
    return found


def drive(tasks: list[dict[str, Any]], work: Path, origin: str | None = None) -> dict[str, Any]:
    """One run of the driver over ``tasks`` (in ``work``, where Chromium's fresh profile goes
    too); ``origin`` is the one http://host:port the pages may also load from. The report:
    ``browser`` (its version) and one record per task, by id."""
    node = shutil.which("node")
    assert node is not None and not missing(), f"not installed: {missing()}: run `make test`"
    plan_path, report_path = work / "plan.json", work / "report.json"
    plan = {"chromium": str(CHROMIUM), "origin": origin, "tasks": tasks}
    plan_path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    run = subprocess.run(
        [node, str(DRIVER), str(plan_path), str(report_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(work)},
        timeout=1800,
    )
    assert run.returncode == 0, f"the browser driver failed:\n{run.stdout}\n{run.stderr}"
    found = json.loads(report_path.read_text(encoding="utf-8"))
    return {"browser": found["browser"], "tasks": {t["id"]: t for t in found["tasks"]}}
