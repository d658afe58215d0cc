"""The generated crate as a consumer uses it: a crate of its own, outside the repository,
depends on a copy of out/rust by path (and by git, from a local repository holding it),
builds and runs a program written against the documented API; and a typed constructor
called without its argument does not compile. Cargo builds only copies: out/ never gets a
target/ or a Cargo.lock."""

from __future__ import annotations

import json
import shutil
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from codegen.targets.rust import EDITION, RUST_PLATFORM_RESERVED, rust_constructor, rust_params
from conftest import ROOT, toolchain
from test_toolchains import OPTIONS, assert_untouched, cargo_env, copy_crate, run, succeeds

OUT = ROOT / "out"

DEPENDENCY = 'errcodes = { path = "../errcodes" }'
"""The consumer's dependency on a copy of out/rust in ../errcodes (Cargo.toml)."""

PROGRAM = """use errcodes::binance::{self, Code, Error};
use errcodes::Json;

/// One retry policy for the errors of every platform.
fn worth_retrying<C: errcodes::PlatformCode>(e: &errcodes::Error<C>) -> bool {
    e.retryable() == Some(true)
}

fn order() -> Result<(), Box<dyn std::error::Error>> {
    Err(Error::too_many_requests(1200).into())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = Code::TooManyRequests.format(&[("limit", &1200)], None)?;
    println!("{text}");

    let err = order().unwrap_err();
    if let Some(e) = err.downcast_ref::<Error>() {
        if e.code() == Code::TooManyRequests && worth_retrying(e) {
            let limit = e.params().find(|(name, _)| *name == "limit");
            println!("retry: {:?} {:?} {limit:?}", e.code(), e.http_status());
        }
    }
    println!("{err}");

    let unknown = Error::new(Code::TooManyRequests, &[("limit", &1), ("window", &"1m")]);
    println!("{}", unknown.unwrap_err());
    println!("{}", Code::InvalidApiKeyIpOrPermissions.error());
    let first = Code::ALL[0];
    println!("{:?} {first:?}", Code::from_name("TOO_MANY_REQUESTS"));

    // Which error a response means: by its code, else its message, else its HTTP status.
    let text = r#"{"msg": "Timestamp for this request was 1000ms ahead of the server's time."}"#;
    let found = binance::classify_text(Some(400), text).ok_or("not a Binance error")?;
    let params: Vec<_> = found.params().collect();
    println!("{:?} {} {params:?}", found.code(), found.how());
    if let Some(e) = found.error() {
        println!("{e}");
    }
    let body = Json::Object(vec![("code".into(), Json::Number(-2019.0))]);
    let margin = binance::classify(None, &body).map(|c| c.code());
    let banned = binance::classify_text(Some(418), "<html>418 I'm a teapot</html>");
    println!("{margin:?} {:?}", banned.map(|c| (c.code(), c.how())));
    Ok(())
}
"""
"""The consumer's src/main.rs."""

MESSAGE = (
    "Too many requests; current limit is 1200 requests per minute. Please use the websocket"
    " for live updates to avoid polling the API."
)
OUTPUT = (
    f"{MESSAGE}\n"
    'retry: TooManyRequests Some(429) Some(("limit", "1200"))\n'
    f"binance -1003: {MESSAGE}\n"
    'binance -1003: unknown parameter "window"\n'
    "binance -2015: Invalid API-key, IP, or permissions for action.\n"
    "Some(TooManyRequests) InvalidApiKeyIpOrPermissions\n"
    'InvalidTimestamp message [("ms", "1000")]\n'
    "binance -1021: Timestamp for this request is outside of the recvWindow.\n"
    "Some(MarginNotSufficient) Some((TooManyRequests, Status))\n"
)

MISSING_ARGUMENT = """fn main() {
    let error = errcodes::binance::Error::too_many_requests();
    println!("{error}");
}
"""


def consumer(directory: Path, dependency: str, program: str) -> Path:
    """A crate of its own in ``directory``, whose one dependency is the generated crate."""
    (directory / "src").mkdir(parents=True)
    (directory / "Cargo.toml").write_text(
        f'[package]\nname = "app"\nversion = "0.1.0"\nedition = "{EDITION}"\n'
        f"publish = false\n\n[dependencies]\n{dependency}\n"
    )
    (directory / "src" / "main.rs").write_text(program)
    return directory


def test_a_crate_depending_on_the_generated_one_by_path_runs(tmp_path: Path) -> None:
    cargo = toolchain("cargo")
    copy_crate(OUT, tmp_path).rename(tmp_path / "errcodes")
    app = consumer(tmp_path / "app", DEPENDENCY, PROGRAM)
    output = succeeds(run([cargo, "run", "--offline", "-q"], cwd=app, env=cargo_env(tmp_path)))
    assert output == OUTPUT
    assert_untouched(OUT)


def test_a_crate_depending_on_the_generated_one_by_git_runs(tmp_path: Path) -> None:
    """From a local git repository holding the crate (as a vendored directory would be
    committed), fetched by cargo into a private CARGO_HOME: no network, no user cache."""
    cargo, git = toolchain("cargo"), shutil.which("git")
    if git is None:
        pytest.skip("git is not installed")
    repository = copy_crate(OUT, tmp_path)
    author = ["-c", "user.name=consumer", "-c", "user.email=consumer@example.com"]
    for argv in (["init", "-q"], ["add", "."], [*author, "commit", "-q", "-m", "errcodes"]):
        succeeds(run([git, *argv], cwd=repository))
    dependency = f'{OPTIONS.rust_crate} = {{ git = "{repository.as_uri()}" }}'
    app = consumer(tmp_path / "app", dependency, PROGRAM)
    # Fetching from a file:// repository reads the disk only, but cargo's offline mode
    # refuses every fetch: the git dependency is resolved online, from the private home.
    env = {
        **cargo_env(tmp_path),
        "CARGO_NET_OFFLINE": "false",
        "CARGO_HOME": str(tmp_path / "home"),
    }
    output = succeeds(run([cargo, "run", "-q"], cwd=app, env=env))
    assert output == OUTPUT
    assert_untouched(OUT)


def test_a_typed_constructor_without_its_argument_does_not_compile(tmp_path: Path) -> None:
    cargo = toolchain("cargo")
    copy_crate(OUT, tmp_path)
    app = consumer(
        tmp_path / "app", f'{OPTIONS.rust_crate} = {{ path = "../crate" }}', MISSING_ARGUMENT
    )
    process = run([cargo, "build", "--offline", "-q"], cwd=app, env=cargo_env(tmp_path))
    assert process.returncode != 0, process.stdout
    assert "error[E0061]" in process.stderr, process.stderr
    assert "too_many_requests" in process.stderr, process.stderr
    assert "limit: impl fmt::Display" in process.stderr, process.stderr
    assert_untouched(OUT)


def test_the_crate_carries_the_configured_name_and_version(
    tmp_path: Path, codegen: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Cargo reads the configured crate name and version (a pre-release too) from the
    generated manifest; the crate is never to be published from there, and has no
    dependencies."""
    cargo = toolchain("cargo")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.codegen]\ntargets = ["rust"]\nversion = "1.2.0-rc.1"\nrust_crate = "acme_errors"\n'
    )
    (tmp_path / "catalogs").mkdir()
    shutil.copy(ROOT / "catalogs" / "weex.yaml", tmp_path / "catalogs")
    monkeypatch.chdir(tmp_path)
    result = codegen("generate", "--no-cache")
    assert result.status == 0, result.stdout + result.stderr
    manifest = tomllib.loads((tmp_path / "out" / "rust" / "Cargo.toml").read_text("utf-8"))
    assert manifest["package"]["name"] == "acme_errors"
    assert manifest["package"]["version"] == "1.2.0-rc.1"
    assert manifest["package"]["publish"] is False
    assert manifest["package"]["edition"] == EDITION
    assert manifest["dependencies"] == {}
    crate = copy_crate(tmp_path / "out", tmp_path / "copy")
    metadata = [cargo, "metadata", "--offline", "--no-deps", "--format-version", "1"]
    said = json.loads(succeeds(run(metadata, cwd=crate, env=cargo_env(tmp_path))))
    (package,) = said["packages"]
    assert (package["name"], package["version"]) == ("acme_errors", "1.2.0-rc.1")
    assert package["publish"] == []


@pytest.mark.parametrize(
    ("name", "constructor"),
    [
        ("INVALID_OP", "invalid_op"),
        ("HTTP_2", "http_2"),
        ("NEW", "new_"),  # Error::new, the checked constructor
        ("MESSAGE", "message_"),  # a method of Error
        ("TYPE", "type_"),  # a keyword
        ("SELF", "self_"),
        ("FROM_STR", "from_str_"),  # clippy's should_implement_trait
        ("DOC_URL", "doc_url_"),  # a method of Error
        ("NEW_ERROR", "new_error"),
    ],
)
def test_typed_constructor_names_clash_with_nothing(name: str, constructor: str) -> None:
    assert rust_constructor(name) == constructor


@pytest.mark.parametrize(
    ("placeholders", "params"),
    [
        (["limit"], ["limit"]),
        (["orderId", "HTTPStatus", "x1"], ["order_id", "http_status", "x1"]),
        (["type", "self", "fn"], ["type_", "self_", "fn_"]),  # keywords
        (["_", "__proto__", "a__b"], ["value", "proto", "a_b"]),  # rustc's non_snake_case
        (["limit", "Limit", "LIMIT"], ["limit", "limit_2", "limit_3"]),  # each distinct
        (["_1"], ["value_1"]),
    ],
)
def test_typed_constructor_parameters_are_snake_case_identifiers(
    placeholders: list[str], params: list[str]
) -> None:
    assert rust_params(placeholders) == params


def test_the_support_module_is_no_platform_name() -> None:
    assert "support" in RUST_PLATFORM_RESERVED
