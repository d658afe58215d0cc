"""The generated code, compiled, formatted and run by each language's real toolchain.

Every tree of generated code (the committed out/ and each golden case) must be left
unchanged by its formatter (black, prettier, gofmt), pass its type checker (mypy --strict,
tsc --strict, go vet) and, when run, say exactly what the catalogue says about every code:
each language prints what it knows as JSON and the test compares that with the model.
When CI=true a missing toolchain fails the test instead of skipping it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import black
import pytest

from codegen import naming
from codegen.config import load_config
from codegen.model import Catalog, default_text
from codegen.pipeline import catalog_files, process, read
from conftest import CASES, ROOT, toolchain

RUNNERS = ROOT / "tests" / "runners"
TREES = {
    "catalogs": (ROOT / "catalogs", ROOT / "out"),
    **{
        case.name: (case / "catalogs", case / "out")
        for case in sorted(CASES.iterdir())
        if (case / "out").is_dir()
    },
}
OPTIONS = load_config(ROOT).options


def catalogs_of(tree: str) -> list[Catalog]:
    result = process(read(catalog_files(TREES[tree][0]), None)[0])
    assert not result.errors
    return sorted(result.catalogs, key=lambda c: c.platform)


def unknown_code(catalog: Catalog) -> int | str:
    if catalog.code_type == "integer":
        return max(int(e.code) for e in catalog.errors) + 1
    return "NO_SUCH_CODE_" + "X" * max(len(str(e.code)) for e in catalog.errors)


def expected(catalogs: list[Catalog]) -> dict[str, Any]:
    """What every language must report, straight from the model."""
    return {
        c.platform: {
            "entries": [
                {
                    "code": e.code,
                    "name": e.name,
                    "message": e.default_message,
                    "messages": dict(e.message),
                    "message_in": {lang: e.message.get(lang) for lang in ("en", "zh", "xx")},
                    "solution": default_text(e.solution),
                    "solutions": {lang: e.solution.get(lang) for lang in ("en", "zh")},
                    "category": e.category,
                    "http_status": e.http_status,
                    "retryable": e.retryable,
                    "deprecated": (
                        None
                        if e.deprecated is None
                        else {
                            "reason": e.deprecated.reason,
                            "replaced_by": e.deprecated.replaced_by,
                        }
                    ),
                }
                for e in c.errors
            ],
            "unknown": None,
        }
        for c in catalogs
    }


def run(argv: list[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    process_ = subprocess.run(
        argv, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )
    assert (
        process_.returncode == 0
    ), f"{' '.join(argv)} failed:\n{process_.stdout}\n{process_.stderr}"
    return process_.stdout


def files(directory: Path, suffix: str) -> list[Path]:
    return sorted(directory.rglob(f"*{suffix}"))


# --- Python ------------------------------------------------------------------------------


@pytest.mark.parametrize("tree", TREES)
def test_python_is_black_formatted(tree: str) -> None:
    for path in files(TREES[tree][1] / "python", ".py"):
        source = path.read_text(encoding="utf-8")
        assert black.format_str(source, mode=black.Mode()) == source, f"black would change {path}"


@pytest.mark.parametrize("tree", TREES)
def test_python_passes_mypy_strict(tree: str) -> None:
    mypy = toolchain("mypy")
    out = TREES[tree][1] / "python"
    run(
        [mypy, "--strict", "--no-incremental", "--cache-dir", os.devnull, OPTIONS.python_package],
        cwd=out,
    )


@pytest.mark.parametrize("tree", TREES)
def test_python_runs_and_agrees(tree: str) -> None:
    catalogs = catalogs_of(tree)
    spec = {
        c.platform: {"class": naming.python_class(c.platform), "unknown": unknown_code(c)}
        for c in catalogs
    }
    output = run(
        [
            "python3",
            str(RUNNERS / "dump_python.py"),
            str(TREES[tree][1] / "python"),
            OPTIONS.python_package,
            json.dumps(spec),
        ]
    )
    assert json.loads(output) == expected(catalogs)


# --- TypeScript --------------------------------------------------------------------------


@pytest.mark.parametrize("tree", TREES)
def test_typescript_is_prettier_formatted(tree: str) -> None:
    prettier = toolchain("prettier")
    run([prettier, "--check", "--no-config", str(TREES[tree][1] / "typescript")])


@pytest.mark.parametrize("tree", TREES)
def test_typescript_compiles_strict_and_runs(tree: str, tmp_path: Path) -> None:
    tsc, node = toolchain("tsc"), toolchain("node")
    source = TREES[tree][1] / "typescript"
    run(
        [
            tsc,
            "--strict",
            "--noEmit",
            "--target",
            "es2022",
            "--module",
            "nodenext",
            "--moduleResolution",
            "nodenext",
            *map(str, files(source, ".ts")),
        ]
    )
    # Compile a copy as ES modules (a package.json with "type": "module") and run it.
    project = tmp_path / "ts"
    shutil.copytree(source, project / "src")
    (project / "package.json").write_text('{"type": "module"}\n')
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
            str(project / "dist"),
            *map(str, files(project / "src", ".ts")),
        ]
    )
    catalogs = catalogs_of(tree)
    spec = {c.platform: {"unknown": unknown_code(c)} for c in catalogs}
    output = run(
        [node, str(RUNNERS / "dump_typescript.mjs"), str(project / "dist"), json.dumps(spec)]
    )
    assert json.loads(output) == expected(catalogs)


# --- Go ----------------------------------------------------------------------------------


@pytest.mark.parametrize("tree", TREES)
def test_go_is_gofmt_formatted(tree: str) -> None:
    gofmt = toolchain("gofmt")
    assert run([gofmt, "-l", str(TREES[tree][1] / "go")]) == ""


@pytest.mark.parametrize("tree", TREES)
def test_go_vets_builds_and_agrees(tree: str, tmp_path: Path) -> None:
    go = toolchain("go")
    module = TREES[tree][1] / "go"
    env = {"GOFLAGS": "-mod=mod", "GOWORK": "off", "GOTOOLCHAIN": "local"}
    run([go, "vet", "./..."], cwd=module, env=env)
    run([go, "build", "./..."], cwd=module, env=env)
    catalogs = catalogs_of(tree)
    dumper = tmp_path / "dumper"
    dumper.mkdir()
    (dumper / "go.mod").write_text(
        f"module dumper\n\ngo 1.22\n\nrequire {OPTIONS.go_module} v0.0.0\n\n"
        f"replace {OPTIONS.go_module} => {module}\n"
    )
    (dumper / "main.go").write_text(go_dumper(catalogs))
    output = run([go, "run", "."], cwd=dumper, env=env)
    assert json.loads(output) == expected(catalogs)


def go_dumper(catalogs: list[Catalog]) -> str:
    """A Go program that prints what each generated package says, as the other dumpers do."""
    imports = "\n".join(
        f'\tp{i} "{OPTIONS.go_module}/{naming.go_package(c.platform)}"'
        for i, c in enumerate(catalogs)
    )
    blocks = []
    for i, c in enumerate(catalogs):
        unknown = json.dumps(unknown_code(c))
        code_value = "int64(c)" if c.code_type == "integer" else "string(c)"
        blocks.append(f"""
	{{
		var entries []entry
		for _, c := range p{i}.Codes() {{
			info, ok := p{i}.Lookup(c)
			if !ok || c.String() != info.Name || c.Message() != info.Message() {{
				panic("inconsistent " + info.Name)
			}}
			e := entry{{Code: {code_value}, Name: info.Name, Message: info.Message(),
				Messages: info.Messages, Category: optional(info.Category),
				Retryable: info.Retryable, MessageIn: map[string]*string{{}}, Solutions: map[string]*string{{}}}}
			for _, lang := range []string{{"en", "zh", "xx"}} {{
				text, ok := info.MessageIn(lang)
				e.MessageIn[lang] = present(text, ok)
			}}
			for _, lang := range []string{{"en", "zh"}} {{
				text, ok := info.SolutionIn(lang)
				e.Solutions[lang] = present(text, ok)
			}}
			e.Solution = optional(info.Solution())
			if info.HTTPStatus != 0 {{
				status := info.HTTPStatus
				e.HTTPStatus = &status
			}}
			if info.Deprecated != nil {{
				e.Deprecated = &deprecation{{Reason: info.Deprecated.Reason, ReplacedBy: optional(info.Deprecated.ReplacedBy)}}
			}}
			entries = append(entries, e)
		}}
		if _, ok := p{i}.Lookup({unknown}); ok {{
			panic("an unknown code was found")
		}}
		out["{c.platform}"] = platform{{Entries: entries}}
	}}""")
    return f"""package main

import (
	"encoding/json"
	"os"

{imports}
)

type deprecation struct {{
	Reason     string  `json:"reason"`
	ReplacedBy *string `json:"replaced_by"`
}}

type entry struct {{
	Code       any                `json:"code"`
	Name       string             `json:"name"`
	Message    string             `json:"message"`
	Messages   map[string]string  `json:"messages"`
	MessageIn  map[string]*string `json:"message_in"`
	Solution   *string            `json:"solution"`
	Solutions  map[string]*string `json:"solutions"`
	Category   *string            `json:"category"`
	HTTPStatus *int               `json:"http_status"`
	Retryable  *bool              `json:"retryable"`
	Deprecated *deprecation       `json:"deprecated"`
}}

type platform struct {{
	Entries []entry `json:"entries"`
	Unknown any     `json:"unknown"`
}}

func optional(text string) *string {{
	if text == "" {{
		return nil
	}}
	return &text
}}

func present(text string, ok bool) *string {{
	if !ok {{
		return nil
	}}
	return &text
}}

func main() {{
	out := map[string]platform{{}}
{"".join(blocks)}
	encoder := json.NewEncoder(os.Stdout)
	encoder.SetEscapeHTML(false)
	if err := encoder.Encode(out); err != nil {{
		panic(err)
	}}
}}
"""
