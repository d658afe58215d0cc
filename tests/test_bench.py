"""The benchmark's code runs (``make bench`` is not part of CI): every stage on a small
synthetic catalogue, the no-op regeneration writing nothing; codegen and protoc side by side
on small catalogues and the seed ones, the interactive figures and the goals, each once.
No time is asserted."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import bench
import bench_classify
from codegen.targets import registry


def test_the_benchmark_runs_every_stage() -> None:
    times = bench.one(200)
    stages = {"load", "validate", "check", "write", "no-op regenerate", "peak MB"}
    assert stages | {f"render {target}" for target in registry()} <= set(times)


def test_protoc_compiles_the_same_codes_as_the_synthetic_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like for like: protoc's enum holds each code of the catalogue, by the same name, and
    the zero value proto3 requires."""
    workload = bench.synthetic_workload(tmp_path, 50)
    out = tmp_path / "out"
    out.mkdir()
    subprocess.run(
        [sys.executable, "-m", "grpc_tools.protoc", f"--proto_path={tmp_path}"]
        + [f"--python_out={out}", f"--pyi_out={out}", str(workload.proto)],
        check=True,
    )
    monkeypatch.syspath_prepend(str(out))
    enum = importlib.import_module("synthetic_pb2").BenchCode
    expected = {f"BENCH_{name}": code for code, name in bench.entries(50)}
    assert dict(enum.items()) == {"BENCH_UNSPECIFIED": 0, **expected}


def test_the_comparison_with_protoc_and_the_interactive_figures_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    results = bench.quick()
    assert set(results.compared) == {"100", "200", "seed"}
    for rows in results.compared.values():
        assert set(rows) == {bench.CODEGEN_ALL, bench.CODEGEN_PYTHON, bench.PROTOC}
        assert all(len(row.samples) == 1 and row.samples[0].peak_mb > 0 for row in rows.values())
    assert set(results.stages) == {"100 codes", "200 codes", "seed"}
    assert results.interactive is not None and set(bench.THRESHOLDS) <= set(results.interactive)
    assert {goal.verdict() for goal in results.goals} <= {"PASS", "MISS"}
    printed = capsys.readouterr().out
    assert "not on protoc's side: open_platform_gateway.yaml" in printed
    assert "== Goals" in printed


def test_the_classification_benchmark_runs_in_every_language() -> None:
    """A few responses through each language's classify (Rust unoptimised): the drivers
    build and run against out/."""
    seconds = bench_classify.main(200, release=False)
    assert set(seconds) == {"python", "typescript", "go", "rust"}
