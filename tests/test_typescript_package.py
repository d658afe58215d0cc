"""out/typescript as the npm package that others install: packed with npm, installed into
fresh Node projects outside the repository, compiled there with the repository's tsc (one
project on "module": "nodenext", one on "moduleResolution": "bundler") and run with node;
imported by a plain .mjs with no compiler at all; and tree-shaken: importing one platform
loads (node) and bundles (esbuild) no other platform's module.

Nothing here uses the network: npm installs a local tarball that has no dependencies.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from codegen.config import load_config
from conftest import ROOT, toolchain

OUT = ROOT / "out" / "typescript"
OPTIONS = load_config(ROOT).options
PACKAGE = OPTIONS.typescript_package
PLATFORMS = sorted(
    json.loads(p.read_text("utf-8"))["platform"] for p in (ROOT / "out" / "vectors").glob("*.json")
)

Process = subprocess.CompletedProcess[str]


def npm() -> str:
    """npm, which comes with node: the machine's, beside the node the tests run."""
    node = Path(toolchain("node"))
    found = shutil.which("npm", path=str(node.parent)) or shutil.which("npm")
    assert found is not None, f"no npm beside {node}"
    return found


def run(argv: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> Process:
    return subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def succeeds(process: Process) -> str:
    argv = " ".join(map(str, process.args))
    assert process.returncode == 0, f"{argv} failed:\n{process.stdout}\n{process.stderr}"
    return process.stdout


def npm_env(directory: Path) -> dict[str, str]:
    """npm offline, with a cache of its own: it never reaches a registry, nor the user's cache."""
    return {
        "npm_config_cache": str(directory / "npm-cache"),
        "npm_config_offline": "true",
        "npm_config_audit": "false",
        "npm_config_fund": "false",
        "npm_config_update_notifier": "false",
        "npm_config_loglevel": "error",
    }


def vectors(platform: str) -> dict[str, Any]:
    path = ROOT / "out" / "vectors" / f"{platform}.json"
    result: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return result


def case(platform: str, name: str, params: dict[str, Any], language: str | None) -> dict[str, Any]:
    """The vectors' format case of the code ``name`` with these parameters and language."""
    v = vectors(platform)
    (code,) = [c["code"] for c in v["codes"] if c["name"] == name]
    found: list[dict[str, Any]] = [
        c
        for c in v["format"]
        if c["code"] == code and c["params"] == params and c["language"] == language
    ]
    assert len(found) == 1, f"{platform} {name}: {len(found)} cases with {params} in {language}"
    return found[0]


def classified(platform: str, status: int | None, kind: str, value: Any) -> dict[str, Any]:
    """What the vectors' classification case of this response wants: it must have one."""
    found = [
        c["want"]
        for c in vectors(platform)["classify"]
        if c["status"] == status and kind in c and c[kind] == value
    ]
    assert len(found) == 1 and found[0] is not None, f"{platform} {status} {value!r}: {found}"
    result: dict[str, Any] = found[0]
    return result


@pytest.fixture(scope="module")
def tarball(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``npm pack`` of a copy of out/typescript: npm writes nothing into out/."""
    work = tmp_path_factory.mktemp("pack")
    copy = Path(shutil.copytree(OUT, work / "package"))
    npm_ = npm()
    output = succeeds(
        run([npm_, "pack", "--json", "--pack-destination", work], copy, npm_env(work))
    )
    (packed,) = json.loads(output)
    return work / str(packed["filename"])


def project(directory: Path, tarball: Path, tsconfig: dict[str, Any] | None = None) -> Path:
    """A fresh Node project that installs the package from its tarball."""
    directory.mkdir()
    manifest = {"name": "consumer", "private": True, "type": "module"}
    (directory / "package.json").write_text(json.dumps(manifest) + "\n")
    if tsconfig is not None:
        (directory / "tsconfig.json").write_text(json.dumps(tsconfig, indent=2) + "\n")
    npm_ = npm()
    succeeds(run([npm_, "install", "--no-save", tarball], directory, npm_env(directory)))
    return directory


APP = """\
import { PlatformError, isPlatformError } from "PACKAGE";
import { Code, BinanceError, byName, codes, format } from "PACKAGE/binance";
import { classify, classifyText, toError } from "PACKAGE/binance";

console.log(format(Code.TOO_MANY_REQUESTS, { limit: 50 }));
console.log(format(Code.TOO_MANY_REQUESTS, { limit: 50 }, "zh"));
console.log(format(Code.INVALID_TIMESTAMP));

try {
  throw new BinanceError(Code.TOO_MANY_REQUESTS, { limit: 50 });
} catch (e) {
  if (e instanceof PlatformError && e.retryable) {
    console.log(`retry later: ${e}`);
  }
  if (isPlatformError(e)) {
    console.log(e.name, e.code, e.params.limit, e.httpStatus, e.category);
  }
}

console.log(byName("TOO_MANY_REQUESTS") === Code.TOO_MANY_REQUESTS, codes[0]);

// What a response means: its code, else its message, else its HTTP status.
const result = classify(400, {
  code: -1021,
  msg: "Timestamp for this request was 1000ms ahead of the server's time.",
});
if (result !== undefined) {
  console.log(result.code === Code.INVALID_TIMESTAMP, result.how, result.params.ms);
  console.log(`${toError(result)}`); // the BinanceError it means
}
const banned = classifyText(418, "<html><body>Too Many Requests</body></html>");
console.log(banned?.code, banned?.how, toError(banned)); // no message: no {limit}
"""

MISSPELLED = """\
import { Code, BinanceError, format } from "PACKAGE/binance";

format(Code.TOO_MANY_REQUESTS, { limt: 50 });
new BinanceError(Code.TOO_MANY_REQUESTS, {});
format(Code.INVALID_TIMESTAMP, { limit: 50 });
"""


def app_output() -> str:
    """What APP prints, from the vectors."""
    default = case("binance", "TOO_MANY_REQUESTS", {"limit": 50}, None)
    chinese = case("binance", "TOO_MANY_REQUESTS", {"limit": 50}, "zh")
    v = vectors("binance")
    (info,) = [c for c in v["codes"] if c["name"] == "TOO_MANY_REQUESTS"]
    (plain,) = [c["default_message"] for c in v["codes"] if c["name"] == "INVALID_TIMESTAMP"]
    assert info["retryable"] is True, "the app expects a retryable code"
    timestamp = classified(
        "binance",
        400,
        "body",
        {
            "code": -1021,
            "msg": "Timestamp for this request was 1000ms ahead of the server's time.",
        },
    )
    assert timestamp["how"] == "code" and timestamp["params"] == {"ms": "1000"}, timestamp
    # INVALID_TIMESTAMP has no parameters: its error, whatever the message gave.
    timestamp_error = f"binance {timestamp['code']}: {plain}"
    banned = classified("binance", 418, "text", "<html><body>Too Many Requests</body></html>")
    assert banned["code"] == info["code"] and info["placeholders"] == ["limit"], banned
    return (
        f"{default['message']}\n{chinese['message']}\n{plain}\n"
        f"retry later: {default['error_text']}\n"
        f"BinanceError {info['code']} 50 {info['http_status']} {info['category']}\n"
        f"true {v['codes'][0]['code']}\n"
        f"true {timestamp['how']} {timestamp['params']['ms']}\n"
        f"{timestamp_error}\n"
        f"{banned['code']} {banned['how']} undefined\n"
    )


CONFIGS = {
    "nodenext": {"module": "nodenext"},
    "bundler": {"module": "esnext", "moduleResolution": "bundler"},
}


def compiler_options(config: str) -> dict[str, Any]:
    return {
        "compilerOptions": {
            **CONFIGS[config],
            "target": "es2022",
            "strict": True,
            "outDir": "dist",
            "rootDir": "src",
            "types": [],
        },
        "include": ["src"],
    }


def test_the_package_json_maps_each_module_with_its_declarations() -> None:
    text = (OUT / "package.json").read_text("utf-8")
    assert text.startswith('{"generated": "Code generated by codegen ')
    manifest = json.loads(text)
    assert manifest["name"] == PACKAGE and manifest["version"] == OPTIONS.version
    assert manifest["type"] == "module" and manifest["sideEffects"] is False
    modules = ["index", "common", *PLATFORMS]
    subpaths = [".", "./common", *(f"./{p}" for p in PLATFORMS), "./package.json"]
    assert list(manifest["exports"]) == subpaths
    for subpath, module in zip(subpaths, modules):
        entry = manifest["exports"][subpath]
        # TypeScript takes the first condition that matches: "types" must come first.
        assert list(entry) == ["types", "default"], subpath
        assert entry == {"types": f"./{module}.d.ts", "default": f"./{module}.js"}
        assert (OUT / f"{module}.js").is_file() and (OUT / f"{module}.d.ts").is_file()
    assert manifest["types"] == "./index.d.ts" and manifest["main"] == "./index.js"


def test_the_tarball_holds_the_package(tarball: Path, tmp_path: Path) -> None:
    shutil.unpack_archive(tarball, tmp_path)
    packed = sorted(p.name for p in (tmp_path / "package").iterdir())
    assert packed == sorted(p.name for p in OUT.iterdir())


@pytest.mark.parametrize("config", CONFIGS)
def test_a_typescript_consumer_compiles_and_runs(
    config: str, tarball: Path, tmp_path: Path
) -> None:
    consumer = project(tmp_path / config, tarball, compiler_options(config))
    (consumer / "src").mkdir()
    (consumer / "src" / "app.ts").write_text(APP.replace("PACKAGE", PACKAGE))
    succeeds(run([toolchain("tsc"), "-p", "."], consumer))
    output = succeeds(run([toolchain("node"), "dist/app.js"], consumer))
    assert output == app_output()


@pytest.mark.parametrize("config", CONFIGS)
def test_a_misspelled_parameter_does_not_compile(
    config: str, tarball: Path, tmp_path: Path
) -> None:
    consumer = project(tmp_path / config, tarball, compiler_options(config))
    (consumer / "src").mkdir()
    (consumer / "src" / "bad.ts").write_text(MISSPELLED.replace("PACKAGE", PACKAGE))
    process = run([toolchain("tsc"), "-p", "."], consumer)
    assert process.returncode != 0, "a misspelled parameter compiled"
    errors = [line for line in process.stdout.splitlines() if ": error TS" in line]
    # One error on each wrong line, naming what is wrong.
    assert [line.split("(")[1].split(",")[0] for line in errors] == ["3", "4", "5"], errors
    assert "'limt' does not exist" in errors[0], errors
    assert "Property 'limit' is missing" in process.stdout, process.stdout
    assert "not assignable to type 'never'" in errors[2], errors


def test_plain_node_imports_the_package_without_compiling(tarball: Path, tmp_path: Path) -> None:
    consumer = project(tmp_path / "plain", tarball)
    (consumer / "app.mjs").write_text(APP.replace("PACKAGE", PACKAGE))
    assert succeeds(run([toolchain("node"), "app.mjs"], consumer)) == app_output()
    script = (
        f'import * as all from "{PACKAGE}";\n'
        f'import * as binance from "{PACKAGE}/binance";\n'
        "if (all.binance.format !== binance.format) throw new Error('two copies');\n"
        "try { binance.format(binance.Code.TOO_MANY_REQUESTS, { limt: 1 }); }\n"
        "catch (e) { console.log(e instanceof all.FormatError, e.kind, e.param); }\n"
    )
    (consumer / "check.mjs").write_text(script)
    assert succeeds(run([toolchain("node"), "check.mjs"], consumer)) == "true missing limit\n"


def trap_other_platforms(consumer: Path, kept: str) -> None:
    """Every platform module but ``kept`` throws when it is loaded."""
    installed = consumer / "node_modules" / PACKAGE
    for platform in PLATFORMS:
        if platform != kept:
            (installed / f"{platform}.js").write_text(f'throw new Error("loaded {platform}");\n')


def test_importing_one_platform_loads_no_other(tarball: Path, tmp_path: Path) -> None:
    consumer = project(tmp_path / "shaken", tarball)
    trap_other_platforms(consumer, "binance")
    (consumer / "one.mjs").write_text(
        f'import {{ Code, format }} from "{PACKAGE}/binance";\n'
        "console.log(format(Code.TOO_MANY_REQUESTS, { limit: 50 }));\n"
    )
    output = succeeds(run([toolchain("node"), "one.mjs"], consumer))
    assert output == case("binance", "TOO_MANY_REQUESTS", {"limit": 50}, None)["message"] + "\n"
    # The trap works: the index loads every platform.
    (consumer / "all.mjs").write_text(f'import "{PACKAGE}";\n')
    process = run([toolchain("node"), "all.mjs"], consumer)
    assert process.returncode != 0 and "Error: loaded " in process.stderr


@pytest.mark.parametrize(
    "source",
    [
        'import { binance } from "PACKAGE";\n'
        "console.log(binance.format(binance.Code.TOO_MANY_REQUESTS, { limit: 50 }));\n",
        'import { Code, format } from "PACKAGE/binance";\n'
        "console.log(format(Code.TOO_MANY_REQUESTS, { limit: 50 }));\n",
    ],
    ids=["index", "subpath"],
)
def test_a_bundle_holds_only_the_platform_used(source: str, tarball: Path, tmp_path: Path) -> None:
    """esbuild, told by "sideEffects": false that unused modules may go, leaves out every
    other platform, even when the app imports the index."""
    esbuild = toolchain("esbuild")
    consumer = project(tmp_path / "bundled", tarball)
    (consumer / "app.mjs").write_text(source.replace("PACKAGE", PACKAGE))
    bundle = [esbuild, "app.mjs", "--bundle", "--format=esm", "--platform=node"]
    succeeds(run([*bundle, "--outfile=out.mjs", "--metafile=meta.json"], consumer))
    meta = json.loads((consumer / "meta.json").read_text("utf-8"))
    inputs = meta["outputs"]["out.mjs"]["inputs"]  # each module esbuild read: what it kept
    bundled = sorted(
        Path(name).name
        for name, kept in inputs.items()
        if "node_modules" in name and kept["bytesInOutput"] > 0
    )
    assert "binance.js" in bundled and "common.js" in bundled, bundled
    assert not [f"{p}.js" for p in PLATFORMS if p != "binance" and f"{p}.js" in bundled], bundled
    trap_other_platforms(consumer, "binance")  # the bundle stands alone
    output = succeeds(run([toolchain("node"), "out.mjs"], consumer))
    assert output == case("binance", "TOO_MANY_REQUESTS", {"limit": 50}, None)["message"] + "\n"
