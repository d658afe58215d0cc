"""The benchmark's code runs (``make bench`` is not part of CI): every stage on a small
synthetic catalogue, the no-op regeneration writing nothing. No time is asserted."""

from __future__ import annotations

import bench
import bench_classify
from codegen.targets import registry


def test_the_benchmark_runs_every_stage() -> None:
    times = bench.one(200)
    stages = {"load", "validate", "check", "write", "no-op regenerate", "peak MB"}
    assert stages | {f"render {target}" for target in registry()} <= set(times)


def test_the_classification_benchmark_runs_in_every_language() -> None:
    """A few responses through each language's classify (Rust unoptimised): the drivers
    build and run against out/."""
    seconds = bench_classify.main(200, release=False)
    assert set(seconds) == {"python", "typescript", "go", "rust"}
