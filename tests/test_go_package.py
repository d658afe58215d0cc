"""The generated Go as a consumer uses it, outside this repository: a module of its own that
another module requires (require + replace, or a go.work workspace), and packages generated
into the consumer's own module (go_import_path, no go.mod in out/go). Each builds and runs a
small program that formats a message, returns an error, inspects it with errors.Is,
errors.As and Retryable(), and classifies a response body. The generated code uses the
standard library only: nothing is downloaded (GOPROXY=off).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, toolchain

MODULE = "example.com/errcodes"
"""The module path of out/go in this repository (go_module)."""

OFFLINE = {"GOTOOLCHAIN": "local", "GOPROXY": "off", "GOSUMDB": "off"}
MODULE_ENV = {**OFFLINE, "GOFLAGS": "-mod=mod", "GOWORK": "off"}
"""A module that requires another: -mod=mod lets go write go.sum and resolve the replace;
GOWORK=off, whatever go.work lies above the temporary directory."""

PROGRAM = """package main

import (
	"errors"
	"fmt"

	"{import_path}/binance"
)

func order() error {{
	return fmt.Errorf("place order: %w", binance.NewTooManyRequests(1200))
}}

func main() {{
	text, err := binance.TooManyRequests.Format(map[string]any{{"limit": 1200}})
	if err != nil {{
		panic(err)
	}}
	fmt.Println(text)

	err = order()
	var e *binance.Error
	if errors.Is(err, binance.TooManyRequests) && errors.As(err, &e) {{
		if retryable := e.Retryable(); retryable != nil && *retryable {{
			fmt.Println("retry:", e.Code().String(), e.HTTPStatus(), e.Params()["limit"])
		}}
	}}
	fmt.Println(err)

	body := []byte(`{{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action, request ip: 203.0.113.7"}}`)
	if c, ok := binance.ClassifyText(401, body); ok {{
		fmt.Println(c.How, c.Code.String(), c.Params["ip"])
		fmt.Println(c.Err())
	}}
}}
"""
"""The consumer's main.go: {import_path} is where the generated packages are."""

MESSAGE = (
    "Too many requests; current limit is 1200 requests per minute. Please use the websocket"
    " for live updates to avoid polling the API."
)
OUTPUT = (
    f"{MESSAGE}\nretry: TOO_MANY_REQUESTS 429 1200\nplace order: binance -1003: {MESSAGE}\n"
    "code INVALID_API_KEY_IP_OR_PERMISSIONS 203.0.113.7\n"
    "binance -2015: Invalid API-key, IP, or permissions for action.\n"
)

REQUIRE = f"""module example.com/app

go 1.22

require {MODULE} v0.0.0

replace {MODULE} => ../errcodes
"""
"""The consumer's go.mod beside a copy of out/go in ../errcodes."""

IN_MODULE = """[tool.codegen]
targets = ["go"]
go_import_path = "example.com/app/out/go"
"""
"""The consumer's pyproject.toml when the packages are part of its own module."""


def run(argv: list[str | Path], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], cwd=cwd, capture_output=True, text=True, env={**os.environ, **env}
    )


def succeeds(process: subprocess.CompletedProcess[str]) -> str:
    argv = " ".join(map(str, process.args))
    assert process.returncode == 0, f"{argv} failed:\n{process.stdout}\n{process.stderr}"
    return process.stdout


def copy_module(directory: Path) -> Path:
    """A copy of out/go, where a consumer would keep it (vendored, or a checkout)."""
    return Path(shutil.copytree(ROOT / "out" / "go", directory / "errcodes"))


def consumer(directory: Path, go_mod: str, program: str) -> Path:
    app = directory / "app"
    app.mkdir()
    (app / "go.mod").write_text(go_mod)
    (app / "main.go").write_text(program)
    return app


def test_a_module_requires_it_with_replace(tmp_path: Path) -> None:
    go = toolchain("go")
    copy_module(tmp_path)
    app = consumer(tmp_path, REQUIRE, PROGRAM.format(import_path=MODULE))
    succeeds(run([go, "vet", "./..."], app, MODULE_ENV))
    assert succeeds(run([go, "run", "."], app, MODULE_ENV)) == OUTPUT


def test_a_workspace_uses_it(tmp_path: Path) -> None:
    """go work init and go work use: no require, no replace. A workspace refuses
    -mod=mod, so GOFLAGS is emptied; GOWORK names the workspace file."""
    go = toolchain("go")
    copy_module(tmp_path)
    app = consumer(tmp_path, "module example.com/app\n\ngo 1.22\n", "")
    (app / "main.go").write_text(PROGRAM.format(import_path=MODULE))
    env = {**OFFLINE, "GOFLAGS": "", "GOWORK": str(tmp_path / "go.work")}
    succeeds(run([go, "work", "init", "./app"], tmp_path, env))
    succeeds(run([go, "work", "use", "./errcodes"], tmp_path, env))
    succeeds(run([go, "vet", "./..."], app, env))
    assert succeeds(run([go, "run", "."], app, env)) == OUTPUT


def in_module_project(directory: Path, pyproject: str) -> Path:
    """An empty repository made a Go module (go mod init example.com/app), with a
    catalogue and codegen's configuration."""
    go = toolchain("go")
    directory.mkdir()
    succeeds(run(["git", "init", "-q"], directory, {}))
    succeeds(run([go, "mod", "init", "example.com/app"], directory, MODULE_ENV))
    (directory / "catalogs").mkdir()
    shutil.copy(ROOT / "catalogs" / "binance.yaml", directory / "catalogs")
    (directory / "pyproject.toml").write_text(pyproject)
    return directory


def test_packages_generated_into_the_consumers_module(tmp_path: Path) -> None:
    go, codegen = toolchain("go"), toolchain("codegen")
    app = in_module_project(tmp_path / "app", IN_MODULE)
    succeeds(run([codegen, "generate"], app, {}))
    assert sorted(p.relative_to(app).as_posix() for p in (app / "out").rglob("*")) == [
        "out/go",
        "out/go/binance",
        "out/go/binance/binance.go",
    ]
    (app / "main.go").write_text(PROGRAM.format(import_path="example.com/app/out/go"))
    succeeds(run([go, "vet", "./..."], app, MODULE_ENV))
    assert succeeds(run([go, "run", "."], app, MODULE_ENV)) == OUTPUT
    succeeds(run([codegen, "check"], app, {}))


@pytest.mark.parametrize(
    ("setting", "go_mod", "said"),
    [
        (
            'go_import_path = "example.com/elsewhere/out/go"',
            True,
            "go_import_path is 'example.com/elsewhere/out/go', but go.mod makes out/go"
            " 'example.com/app/out/go'",
        ),
        ('go_import_path = "example.com/app/out/go"', False, "no go.mod"),
    ],
    ids=["wrong path", "no module"],
)
def test_a_wrong_import_path_is_a_configuration_error(
    tmp_path: Path, setting: str, go_mod: bool, said: str
) -> None:
    codegen = toolchain("codegen")
    app = in_module_project(tmp_path / "app", f'[tool.codegen]\ntargets = ["go"]\n{setting}\n')
    if not go_mod:
        (app / "go.mod").unlink()
    process = run([codegen, "generate"], app, {})
    assert process.returncode == 2, process.stdout + process.stderr
    assert said in process.stderr
    assert not (app / "out").exists()


def test_switching_to_go_import_path_removes_the_generated_go_mod(tmp_path: Path) -> None:
    go, codegen = toolchain("go"), toolchain("codegen")
    app = in_module_project(tmp_path / "app", '[tool.codegen]\ntargets = ["go"]\n')
    succeeds(run([codegen, "generate"], app, {}))
    assert (app / "out" / "go" / "go.mod").is_file()  # out/go is a module of its own
    (app / "pyproject.toml").write_text(IN_MODULE)
    succeeds(run([codegen, "generate"], app, {}))
    assert not (app / "out" / "go" / "go.mod").exists()
    (app / "main.go").write_text(PROGRAM.format(import_path="example.com/app/out/go"))
    assert succeeds(run([go, "run", "."], app, MODULE_ENV)) == OUTPUT


@pytest.mark.parametrize(
    ("arguments", "said"), [("", "not enough arguments"), ("1, 2", "too many arguments")]
)
def test_a_typed_constructor_takes_exactly_its_placeholders(
    tmp_path: Path, arguments: str, said: str
) -> None:
    go = toolchain("go")
    copy_module(tmp_path)
    program = (
        f'package main\n\nimport "{MODULE}/binance"\n\n'
        f"func main() {{\n\t_ = binance.NewTooManyRequests({arguments})\n}}\n"
    )
    app = consumer(tmp_path, REQUIRE, program)
    process = run([go, "build", "./..."], app, MODULE_ENV)
    assert process.returncode != 0
    assert f"{said} in call to binance.NewTooManyRequests" in process.stderr


CLASH = """platform: clash
title: t
source: s
code_type: integer
errors:
  - code: 1
    name: INVALID_OP
    message: {en: "Invalid op: {op}"}
  - code: 2
    name: NEW_INVALID_OP
    message: {en: "m"}
"""


def test_a_constructor_named_like_a_constant_is_refused(tmp_path: Path) -> None:
    """NEW_INVALID_OP is Go's NewInvalidOp, the constructor of INVALID_OP: generate fails,
    naming both, and writes nothing."""
    codegen = toolchain("codegen")
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "clash.yaml").write_text(CLASH)
    (tmp_path / "pyproject.toml").write_text('[tool.codegen]\ntargets = ["go"]\n')
    process = run([codegen, "generate", "--no-cache"], tmp_path, {})
    assert process.returncode != 0, process.stdout + process.stderr
    assert (
        "catalogs/clash.yaml:10:11: error[IDENTIFIER_COLLISION]: name NEW_INVALID_OP becomes"
        " Go identifier NewInvalidOp, which is also the Go constructor of INVALID_OP"
    ) in process.stdout
    assert not (tmp_path / "out").exists()
