"""Benchmark: classify(status, body) a million times in each language (``make bench``).

The responses are the classify cases of out/vectors (binance, wechat, okx_dex_ws: codes,
message patterns, statuses, hostile bodies), decoded once, then classified in turn by the
generated code of out/ in Python, TypeScript (Node), Go and Rust (a release build), each
timing its own loop. Prints responses per second; asserts nothing about time.
"""

from __future__ import annotations

import importlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out"
PLATFORMS = ("binance", "wechat", "okx_dex_ws")
RESPONSES = 1_000_000


def workload() -> list[dict[str, object]]:
    """(platform, status, body) of every body case of the vectors."""
    cases = []
    for platform in PLATFORMS:
        vectors = json.loads((OUT / "vectors" / f"{platform}.json").read_text("utf-8"))
        for case in vectors["classify"]:
            if "body" in case:
                cases.append({"platform": platform, "status": case["status"], "body": case["body"]})
    return cases


def python(cases: list[dict[str, object]], n: int) -> float:
    sys.path.insert(0, str(OUT / "python"))
    modules = {p: importlib.import_module(f"errcodes.{p}") for p in PLATFORMS}
    calls = [(modules[str(c["platform"])].classify, c["status"], c["body"]) for c in cases]
    start = time.perf_counter()
    for i in range(n):
        classify, status, body = calls[i % len(calls)]
        classify(status, body)
    return time.perf_counter() - start


NODE = """\
import { readFileSync } from "node:fs";
const [cases, n] = [JSON.parse(readFileSync(process.argv[2], "utf8")), Number(process.argv[3])];
const modules = {};
for (const p of PLATFORMS) modules[p] = await import(new URL(`${p}.js`, process.argv[4]));
const calls = cases.map((c) => [modules[c.platform].classify, c.status, c.body]);
const start = process.hrtime.bigint();
for (let i = 0; i < n; i++) {
  const [classify, status, body] = calls[i % calls.length];
  classify(status, body);
}
console.log(Number(process.hrtime.bigint() - start) / 1e9);
"""

GO = """\
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

IMPORTS)

type response struct {
	Platform string
	Status   *int
	Body     any
}

func main() {
	data, _ := os.ReadFile(os.Args[1])
	n, _ := strconv.Atoi(os.Args[2])
	var cases []response
	if err := json.Unmarshal(data, &cases); err != nil {
		panic(err)
	}
	classifiers := map[string]func(int, any) bool{
CLASSIFIERS	}
	type call struct {
		classify func(int, any) bool
		status   int
		body     any
	}
	calls := make([]call, len(cases))
	for i, c := range cases {
		status := 0
		if c.Status != nil {
			status = *c.Status
		}
		calls[i] = call{classifiers[c.Platform], status, c.Body}
	}
	start := time.Now()
	for i := 0; i < n; i++ {
		c := calls[i%len(calls)]
		c.classify(c.status, c.body)
	}
	fmt.Println(time.Since(start).Seconds())
}
"""

RUST = """\
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let text = std::fs::read_to_string(&args[1]).unwrap();
    let n: usize = args[2].parse().unwrap();
    let mut calls: Vec<(&str, Option<u16>, errcodes::Json)> = Vec::new();
    for line in text.lines() {
        let (platform, rest) = line.split_once('\\t').unwrap();
        let (status, body) = rest.split_once('\\t').unwrap();
        calls.push((platform, status.parse().ok(), body.parse().unwrap()));
    }
    let start = Instant::now();
    for i in 0..n {
        let (platform, status, body) = &calls[i % calls.len()];
        let found = match *platform {
ARMS            _ => unreachable!(),
        };
        std::hint::black_box(found);
    }
    println!("{}", start.elapsed().as_secs_f64());
}
"""


def node(cases: list[dict[str, object]], n: int, work: Path) -> float:
    (work / "cases.json").write_text(json.dumps(cases))
    script = work / "bench.mjs"
    script.write_text(NODE.replace("PLATFORMS", json.dumps(PLATFORMS)))
    base = (OUT / "typescript").as_uri() + "/"
    return float(_run(["node", script, work / "cases.json", str(n), base], work))


def go(cases: list[dict[str, object]], n: int, work: Path) -> float:
    module = work / "gobench"
    module.mkdir()
    vectors = {p: json.loads((OUT / "vectors" / f"{p}.json").read_text("utf-8")) for p in PLATFORMS}
    imports = "".join(
        f'\tp{i} "{vectors[p]["go"]["import_path"]}"\n' for i, p in enumerate(PLATFORMS)
    )
    classifiers = "".join(
        f'\t\t"{p}": func(s int, b any) bool {{ _, ok := p{i}.Classify(s, b); return ok }},\n'
        for i, p in enumerate(PLATFORMS)
    )
    go_module = vectors[PLATFORMS[0]]["go"]["import_path"].rsplit("/", 1)[0]
    (module / "go.mod").write_text(
        f"module gobench\n\ngo 1.22\n\nrequire {go_module} v0.0.0\n\n"
        f"replace {go_module} => {OUT / 'go'}\n"
    )
    (module / "main.go").write_text(
        GO.replace("IMPORTS", imports).replace("CLASSIFIERS", classifiers)
    )
    (work / "cases.json").write_text(json.dumps(cases))
    env = {"GOFLAGS": "-mod=mod", "GOWORK": "off", "GOTOOLCHAIN": "local", "GOPROXY": "off"}
    return float(_run(["go", "run", ".", work / "cases.json", str(n)], module, env))


def rust(cases: list[dict[str, object]], n: int, work: Path, release: bool = True) -> float:
    crate = Path(shutil.copytree(OUT / "rust", work / "crate"))
    vectors = json.loads((OUT / "vectors" / f"{PLATFORMS[0]}.json").read_text("utf-8"))
    name = vectors["rust"]["crate"]
    runner = work / "runner"
    (runner / "src").mkdir(parents=True)
    (runner / "Cargo.toml").write_text(
        f'[package]\nname = "bench"\nversion = "0.0.0"\nedition = "2021"\n\n'
        f'[dependencies]\nerrcodes = {{ package = "{name}", path = "{crate}" }}\n'
    )
    arms = "".join(
        f'            "{p}" => errcodes::{p}::classify(*status, body).is_some(),\n'
        for p in PLATFORMS
    )
    (runner / "src" / "main.rs").write_text(RUST.replace("ARMS", arms))
    lines = [
        f"{c['platform']}\t{'' if c['status'] is None else c['status']}\t{json.dumps(c['body'])}"
        for c in cases
    ]
    (work / "cases.tsv").write_text("\n".join(lines) + "\n")
    env = {"CARGO_NET_OFFLINE": "true", "CARGO_TARGET_DIR": str(work / "target")}
    profile = ["--release"] if release else []
    argv = ["cargo", "run", "-q", *profile, "--", work / "cases.tsv", str(n)]
    return float(_run(argv, runner, env))


def _run(argv: list[str | Path], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout.strip().splitlines()[-1]


def main(n: int = RESPONSES, release: bool = True) -> dict[str, float]:
    cases = workload()
    seconds = {}
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        seconds["python"] = python(cases, n)
        for language in ("typescript", "go", "rust"):
            directory = work / language
            directory.mkdir()
            if language == "typescript":
                seconds[language] = node(cases, n, directory)
            elif language == "go":
                seconds[language] = go(cases, n, directory)
            else:
                seconds[language] = rust(cases, n, directory, release)
    print(f"classify(status, body), {n:,} responses ({len(cases)} distinct, 3 platforms)")
    for language, spent in seconds.items():
        print(f"  {language:12} {spent:8.3f} s  {n / spent:14,.0f} responses/s")
    return seconds


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else RESPONSES)
