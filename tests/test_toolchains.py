"""The generated code, formatted, type-checked and tested by each language's own toolchain.

Every tree of generated code (the committed out/ and each golden case) must be left
unchanged by its formatter (black, prettier, gofmt) and pass its type checker (mypy --strict,
tsc --strict, go vet). Then each language's own test runner (pytest, node --test, go test)
checks it against the tree's test vectors, out/vectors/, with the harnesses in
tests/conformance/: once per tree and language. When CI=true a missing toolchain fails the
test instead of skipping it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import black
import pytest

from codegen.config import load_config
from conftest import CASES, ROOT, toolchain

CONFORMANCE = ROOT / "tests" / "conformance"
TREES = {
    "catalogs": ROOT / "out",
    **{case.name: case / "out" for case in sorted(CASES.iterdir()) if (case / "out").is_dir()},
}
OPTIONS = load_config(ROOT).options
GO_ENV = {"GOFLAGS": "-mod=mod", "GOWORK": "off", "GOTOOLCHAIN": "local"}
LANGUAGES = ("python", "typescript", "go")

Process = subprocess.CompletedProcess[str]
Conformance = Callable[[str, str, Path], Process]
"""Runs one language's conformance tests on a tree's generated code against a directory of
vectors: ``conformance("go", "features", vectors)``."""


def run(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Process:
    return subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def succeeds(process: Process) -> str:
    argv = " ".join(map(str, process.args))
    assert process.returncode == 0, f"{argv} failed:\n{process.stdout}\n{process.stderr}"
    return process.stdout


def files(directory: Path, suffix: str) -> list[Path]:
    return sorted(directory.rglob(f"*{suffix}"))


def load_vectors(directory: Path) -> list[dict[str, Any]]:
    paths = files(directory, ".json")
    assert paths, f"no vectors in {directory}"
    return [json.loads(path.read_text(encoding="utf-8")) for path in paths]


# --- Formatters and type checkers --------------------------------------------------------


@pytest.mark.parametrize("tree", TREES)
def test_python_is_black_formatted(tree: str) -> None:
    for path in files(TREES[tree] / "python", ".py"):
        source = path.read_text(encoding="utf-8")
        assert black.format_str(source, mode=black.Mode()) == source, f"black would change {path}"


@pytest.mark.parametrize("tree", TREES)
def test_python_passes_mypy_strict(tree: str) -> None:
    mypy = toolchain("mypy")
    succeeds(
        run(
            [
                mypy,
                "--strict",
                "--no-incremental",
                "--cache-dir",
                os.devnull,
                OPTIONS.python_package,
            ],
            cwd=TREES[tree] / "python",
        )
    )


@pytest.mark.parametrize("tree", TREES)
def test_typescript_is_prettier_formatted(tree: str) -> None:
    prettier = toolchain("prettier")
    succeeds(run([prettier, "--check", "--no-config", str(TREES[tree] / "typescript")]))


@pytest.mark.parametrize("tree", TREES)
def test_go_is_gofmt_formatted(tree: str) -> None:
    gofmt = toolchain("gofmt")
    assert succeeds(run([gofmt, "-l", str(TREES[tree] / "go")])) == ""


@pytest.mark.parametrize("tree", TREES)
def test_go_passes_vet(tree: str) -> None:
    go = toolchain("go")
    succeeds(run([go, "vet", "./..."], cwd=TREES[tree] / "go", env=GO_ENV))


# --- Conformance to the vectors ----------------------------------------------------------


def build_typescript(out: Path, directory: Path) -> Path:
    """Compile the TypeScript with --strict as ES modules; returns where the .js files are."""
    tsc = toolchain("tsc")
    shutil.copytree(out / "typescript", directory / "src")
    (directory / "package.json").write_text('{"type": "module"}\n')
    succeeds(
        run(
            [
                tsc,
                "--strict",
                "--target",
                "es2022",
                "--module",
                "nodenext",
                "--moduleResolution",
                "nodenext",
                "--outDir",
                str(directory / "dist"),
                *map(str, files(directory / "src", ".ts")),
            ]
        )
    )
    return directory / "dist"


def build_go(out: Path, directory: Path) -> Path:
    """A module that requires the generated one and holds the Go harness and its adapter."""
    (directory / "go.mod").write_text(
        f"module conformance\n\ngo 1.22\n\nrequire {OPTIONS.go_module} v0.0.0\n\n"
        f"replace {OPTIONS.go_module} => {out / 'go'}\n"
    )
    shutil.copy(CONFORMANCE / "conformance_test.go", directory)
    (directory / "packages_test.go").write_text(go_adapter(load_vectors(out / "vectors")))
    return directory


def go_adapter(vectors: list[dict[str, Any]]) -> str:
    """The Go harness's list of generated packages: each constant by its Go identifier, so
    that a missing or misnamed one does not compile."""
    imports = "".join(f'\tp{i} "{v["go"]["import_path"]}"\n' for i, v in enumerate(vectors))
    checkers = []
    for i, v in enumerate(vectors):
        names = [
            identifiers["go"]
            for c in v["codes"]
            for identifiers in (c["identifiers"], *(a["identifiers"] for a in c["aliases"]))
        ]
        constants = "".join(f'\t\t"{name}": p{i}.{name},\n' for name in names)
        checkers.append(
            f'\t"{v["platform"]}": adapt(map[string]p{i}.Code{{\n{constants}'
            f"\t}}, p{i}.Codes, p{i}.Lookup),\n"
        )
    return (
        f"package conformance\n\nimport (\n{imports})\n\n"
        f"var packages = map[string]checker{{\n{''.join(checkers)}}}\n"
    )


@pytest.fixture(scope="module")
def conformance(tmp_path_factory: pytest.TempPathFactory) -> Conformance:
    built: dict[tuple[str, str], Path] = {}

    def build(language: str, tree: str, builder: Callable[[Path, Path], Path]) -> Path:
        if (language, tree) not in built:
            directory = tmp_path_factory.mktemp(f"{language}-{tree}")
            built[language, tree] = builder(TREES[tree], directory)
        return built[language, tree]

    def conform(language: str, tree: str, vectors: Path) -> Process:
        load_vectors(vectors)  # fails when there are none: no runner may pass on nothing
        env = {"CONFORMANCE_VECTORS": str(vectors)}
        if language == "python":
            env["CONFORMANCE_CODE"] = str(TREES[tree] / "python")
            # -B: no __pycache__ in out/; --confcutdir: without this suite's conftest.py.
            pytest_ = [sys.executable, "-B", "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            harness = ["--confcutdir", str(CONFORMANCE), str(CONFORMANCE / "conformance.py")]
            return run(pytest_ + harness, env=env)
        if language == "typescript":
            env["CONFORMANCE_CODE"] = str(build(language, tree, build_typescript))
            harness = [str(CONFORMANCE / "conformance.test.mjs")]
            return run([toolchain("node"), "--test", "--test-reporter=spec", *harness], env=env)
        module = build(language, tree, build_go)
        return run([toolchain("go"), "test", "-count=1", "."], cwd=module, env=env | GO_ENV)

    return conform


@pytest.mark.parametrize("tree", TREES)
def test_python_conforms(tree: str, conformance: Conformance) -> None:
    succeeds(conformance("python", tree, TREES[tree] / "vectors"))


@pytest.mark.parametrize("tree", TREES)
def test_typescript_compiles_strict_and_conforms(tree: str, conformance: Conformance) -> None:
    succeeds(conformance("typescript", tree, TREES[tree] / "vectors"))


@pytest.mark.parametrize("tree", TREES)
def test_go_conforms(tree: str, conformance: Conformance) -> None:
    succeeds(conformance("go", tree, TREES[tree] / "vectors"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_conformance_fails_on_a_wrong_vector(
    language: str, conformance: Conformance, tmp_path: Path
) -> None:
    """Each runner notices one altered message byte and one flipped retryable flag, and names
    the platform, the code and the field."""
    (vectors,) = load_vectors(TREES["features"] / "vectors")
    altered = next(c for c in vectors["codes"] if "zh" in c["message"])
    text = altered["message"]["zh"]
    altered["message"]["zh"] = text[:-1] + chr(ord(text[-1]) ^ 1)
    flipped = next(c for c in vectors["codes"] if c["retryable"] is not None)
    flipped["retryable"] = not flipped["retryable"]
    (tmp_path / "features.json").write_text(json.dumps(vectors, ensure_ascii=False), "utf-8")

    process = conformance(language, "features", tmp_path)
    output = process.stdout + process.stderr
    assert process.returncode != 0, output
    assert f"features {json.dumps(altered['code'])} message.zh: got " in output
    assert f"features {json.dumps(flipped['code'])} retryable: got " in output
