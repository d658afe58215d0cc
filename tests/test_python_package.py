"""out/python as a consumer gets it: a wheel built with the locked flit_core, installed with
no index into a virtual environment of its own, used by an application outside the
repository, and type-checked there by mypy --strict through the package's py.typed.

The package imports its platform modules lazily: ``import errcodes.weex`` loads weex and the
shared support module, nothing else. Nothing here reaches the network.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.config import load_config, pep440
from conftest import ROOT, toolchain

OUT = ROOT / "out" / "python"
OPTIONS = load_config(ROOT).options
PACKAGE = OPTIONS.python_package

APP = '''\
"""An application that uses the installed error codes."""

from __future__ import annotations

import errcodes
from errcodes import PlatformError, WeexCode, WeexError
from errcodes.binance import BinanceCode, BinanceError, classify, classify_text


def call_exchange(calls: int) -> None:
    if calls > 1200:
        raise BinanceError(BinanceCode.TOO_MANY_REQUESTS, limit=1200)
    raise WeexError(WeexCode.TOO_MANY_REQUESTS)


def describe(error: PlatformError) -> str:
    return f"{error} (retry: {error.retryable}, HTTP {error.http_status})"


def on_response(status: int, text: str) -> None:
    result = classify_text(status, text)  # classify(status, body) takes decoded JSON
    if result is None:
        print(status, "is no error of the catalogue")
        return
    error = result.error()  # a BinanceError, or None when the response lacks a parameter
    print(result.code.name, result.how, dict(result.params), error)


def main() -> None:
    limit = BinanceCode.TOO_MANY_REQUESTS.format(limit=1200)
    print(limit)
    print(BinanceCode.TOO_MANY_REQUESTS.format_in("zh", limit=1200) == limit)  # no zh: en
    try:
        BinanceCode.TOO_MANY_REQUESTS.format()
    except TypeError as problem:
        print(problem)
    for calls in (1, 5000):
        try:
            call_exchange(calls)
        except WeexError as e:
            code: WeexCode = e.code
            print(describe(e), code.name, e.message_in("zh"), dict(e.params))
        except PlatformError as e:
            print(describe(e), e.params["limit"], e.solution is not None)
    found = WeexCode.from_name("TOO_MANY_REQUESTS")
    print(found is WeexCode.TOO_MANY_REQUESTS, WeexCode.from_name("too_many_requests"))
    on_response(400, '{"code": -2010, "msg": "This action is disabled on this account."}')
    on_response(429, "<html>Too Many Requests</html>")
    on_response(200, '{"code": 200, "msg": "success"}')
    ahead = "Timestamp for this request was 1000ms ahead of the server's time."
    result = classify(400, {"code": -1021, "msg": ahead})
    if result is not None and result.code is BinanceCode.INVALID_TIMESTAMP:
        print(result.how, result.params["ms"], result.error())
    print(errcodes.__file__)


main()
'''

APP_OUTPUT = [
    "Too many requests; current limit is 1200 requests per minute. Please use the websocket"
    " for live updates to avoid polling the API.",
    "True",
    "BinanceCode.TOO_MANY_REQUESTS (-1003): missing parameter 'limit'",
    "weex 429: Requesting too frequently (retry: True, HTTP 429) TOO_MANY_REQUESTS"
    " 请求频率超出限制 {}",
    "binance -1003: Too many requests; current limit is 1200 requests per minute. Please use the"
    " websocket for live updates to avoid polling the API. (retry: True, HTTP 429) 1200 True",
    "True None",
    "INVALID_API_KEY_IP_OR_PERMISSIONS message {} binance -2015: Invalid API-key, IP, or"
    " permissions for action.",
    "TOO_MANY_REQUESTS status {} None",
    "200 is no error of the catalogue",
    "code 1000 binance -1021: Timestamp for this request is outside of the recvWindow.",
]

MISUSES = {
    "BinanceError(WeexCode.TOO_MANY_REQUESTS)": (
        'Argument 1 to "BinanceError" has incompatible type "WeexCode"; expected "BinanceCode"'
    ),
    "code: BinanceCode = WeexError(WeexCode.TOO_MANY_REQUESTS).code": (
        'Incompatible types in assignment (expression has type "WeexCode", variable has type'
        ' "BinanceCode")'
    ),
    "WeexCode.TOO_MANY_REQUESTS.format(limit=[50])": (
        'Argument "limit" to "format" of "WeexCode" has incompatible type "list[int]"'
    ),
    'WeexCode.TOO_MANY_REQUESTS.format_in(language="zh")': (
        'Too few arguments for "format_in" of "WeexCode"'
    ),
    "retry: bool = WeexCode.TOO_MANY_REQUESTS.retryable": (
        'Incompatible types in assignment (expression has type "bool | None", variable has type'
        ' "bool")'
    ),
    "from errcodes import NoSuchCode": 'Module "errcodes" has no attribute "NoSuchCode"',
    "WeexCode.from_name(429)": (
        'Argument 1 to "from_name" of "WeexCode" has incompatible type "int"; expected "str"'
    ),
    "found: Classification[WeexCode, WeexError] | None = classify(429, None)": (
        'Incompatible types in assignment (expression has type "Classification[BinanceCode,'
        ' BinanceError] | None", variable has type "Classification[WeexCode, WeexError] | None")'
    ),
    'classify_text(429, b"{}")': (
        'Argument 2 to "classify_text" has incompatible type "bytes"; expected "str"'
    ),
}
"""A line of code that type-checks only if mypy cannot see the package's types, and what
mypy --strict says about it when it can."""


def run(argv: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    """``argv`` in ``cwd`` with no Python or pip settings of the environment (a PYTHONPATH
    could reach the repository, a PIP_INDEX_URL the network)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PIP_"))}
    env["PIP_NO_INDEX"] = "1"
    return subprocess.run(
        [str(a) for a in argv], cwd=cwd, capture_output=True, encoding="utf-8", env=env
    )


def succeeds(process: subprocess.CompletedProcess[str]) -> str:
    argv = " ".join(map(str, process.args))
    assert process.returncode == 0, f"{argv} failed:\n{process.stdout}\n{process.stderr}"
    return process.stdout


def locked(module: str) -> None:
    """A package of the lock that building needs (pip, flit_core), in the interpreter running
    the tests: as for toolchain(), missing is a skip locally and a failure when CI=true."""
    if importlib.util.find_spec(module) is None:
        message = f"{module} is not installed (make test installs the locked tools)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


@dataclass(frozen=True)
class Installed:
    python: Path
    """The interpreter of a fresh virtual environment that holds the wheel and nothing else."""
    wheel: Path
    app: Path
    """A directory outside the repository for the application."""


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    locked("pip")
    locked("flit_core")
    work = tmp_path_factory.mktemp("consumer")
    # Straight from out/python, as `pip install ./out/python` does: the build backend writes
    # nothing there (no build/, no .egg-info in the vendored directory).
    before = sorted(path for path in OUT.rglob("*") if "__pycache__" not in path.parts)
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    succeeds(
        run(
            [*pip, "wheel", "--no-build-isolation", "--no-deps", "--wheel-dir", "dist", OUT],
            cwd=work,
        )
    )
    assert sorted(path for path in OUT.rglob("*") if "__pycache__" not in path.parts) == before
    (wheel,) = (work / "dist").glob("*.whl")
    succeeds(run([sys.executable, "-m", "venv", "--without-pip", "venv"], cwd=work))
    python = work / "venv" / "bin" / "python"
    succeeds(run([*pip, "--python", python, "install", "--no-index", "--no-deps", wheel], cwd=work))
    (work / "app").mkdir()
    return Installed(python, wheel, work / "app")


def test_wheel_holds_the_package_and_its_marker(installed: Installed) -> None:
    version = pep440(OPTIONS.version)
    assert installed.wheel.name == f"{PACKAGE}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(installed.wheel) as wheel:
        names = set(wheel.namelist())
        metadata = wheel.read(f"{PACKAGE}-{version}.dist-info/METADATA").decode()
    modules = {p.relative_to(OUT).as_posix() for p in (OUT / PACKAGE).iterdir()}
    assert modules <= names, modules - names
    assert f"{PACKAGE}/py.typed" in names
    assert "Requires-Python: >=3.11" in metadata
    assert "Requires-Dist" not in metadata


def test_application_runs_with_the_installed_package(installed: Installed) -> None:
    (installed.app / "app.py").write_text(APP, encoding="utf-8")
    # -I: neither the application's directory nor the environment's settings on sys.path.
    output = succeeds(run([installed.python, "-I", "app.py"], cwd=installed.app)).splitlines()
    assert output[:-1] == APP_OUTPUT
    site = installed.python.parent.parent / "lib"
    assert Path(output[-1]).is_relative_to(site), f"{PACKAGE} imported from {output[-1]}"


def test_mypy_sees_the_installed_types(installed: Installed) -> None:
    """mypy --strict finds the package in the environment (--python-executable) by its
    py.typed: the application passes, and each misuse is an error that names it."""
    mypy = toolchain("mypy")
    (installed.app / "app.py").write_text(APP, encoding="utf-8")
    misuses = "".join(f"{line}\n" for line in MISUSES)
    header = "from errcodes import WeexCode, WeexError\nfrom errcodes.binance import BinanceCode\n"
    imports = (
        "from errcodes import Classification\n"
        "from errcodes.binance import BinanceError, classify, classify_text\n"
    )
    (installed.app / "misuse.py").write_text(header + imports + misuses, encoding="utf-8")
    checked = run(
        [
            mypy,
            "--strict",
            "--no-incremental",
            "--cache-dir",
            os.devnull,
            "--python-executable",
            installed.python,
            "--no-error-summary",
            "app.py",
            "misuse.py",
        ],
        cwd=installed.app,
    )
    errors = [line for line in checked.stdout.splitlines() if ": error: " in line]
    assert not [e for e in errors if not e.startswith("misuse.py:")], checked.stdout
    first = header.count("\n") + imports.count("\n") + 1
    for number, (line, message) in enumerate(MISUSES.items(), start=first):
        found = [e for e in errors if e.startswith(f"misuse.py:{number}: ")]
        assert any(message in e for e in found), f"{line}: mypy says {found}"
    assert checked.returncode == 1, checked.stdout + checked.stderr


LAZY = """
import json, sys
import {package}.weex
first = sorted(m for m in sys.modules if m.startswith("{package}"))
from {package} import BinanceCode
second = sorted(m for m in sys.modules if m.startswith("{package}"))
import {package}
names = dir({package})
try:
    {package}.NoSuchCode
    missing = None
except AttributeError as error:
    missing = str(error)
from {package} import *
print(json.dumps([first, second, names, {package}.__all__, missing, BinanceCode.__module__]))
"""


def test_importing_one_platform_imports_no_other() -> None:
    code = f"import sys; sys.path.insert(0, {str(OUT)!r})\n" + LAZY.format(package=PACKAGE)
    # -B: no __pycache__ in out/.
    process = run([sys.executable, "-B", "-I", "-c", code], cwd=ROOT)
    first, second, names, exported, missing, module = json.loads(succeeds(process))
    assert first == [PACKAGE, f"{PACKAGE}._support", f"{PACKAGE}.weex"]
    assert second == sorted([*first, f"{PACKAGE}.binance"])
    platforms = sorted(p.stem for p in (OUT / PACKAGE).glob("[!_]*.py"))
    assert len(exported) == 2 * len(platforms) + 3
    assert set(exported) <= set(names)
    shared = {"Classification", "Deprecation", "PlatformError"}
    assert shared | {"WeexCode", "WeexError", "BinanceError"} <= set(names)
    assert missing == f"module {PACKAGE!r} has no attribute 'NoSuchCode'"
    assert module == f"{PACKAGE}.binance"
