"""The benchmark's code runs (``make bench`` is not part of CI): every stage on a small
synthetic catalogue, the no-op regeneration writing nothing. No time is asserted."""

from __future__ import annotations

import bench
from codegen.targets import registry


def test_the_benchmark_runs_every_stage() -> None:
    times = bench.one(200)
    stages = {"load", "validate", "check", "write", "no-op regenerate", "peak MB"}
    assert stages | {f"render {target}" for target in registry()} <= set(times)
