"""Property-based tests: whatever text a catalogue holds, the generated code carries it exactly
and nothing else.

Catalogue text ends up inside Python, TypeScript, Go and Rust source that other teams compile
and run. Hypothesis writes whole projects (several catalogues of many entries) whose every
free-text field holds quotes, backslashes, line breaks, comment and template delimiters,
controls, bidirectional overrides, astral and combining characters, and whose names and
codes range over what the schema allows. Each project goes through the real command line;
then each language's formatter must leave the output as it is (black, prettier, gofmt,
rustfmt), its compiler must accept it (tsc --strict, go vet, cargo clippy -D warnings), the
compiled code must give back every text exactly, and each file must read, token for token, as
the same project with every text replaced by "x" reads: text may change what is inside string
literals and comments, never the code around them. One example is a whole project, so that each toolchain runs once per
example rather than once per entry.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tokenize
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import black
import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from codegen import load
from codegen.classify import normalise, unmatchable
from codegen.targets import languages
from codegen.targets.golang import go_identifier, go_package
from codegen.targets.python import python_class
from codegen.targets.rust import EDITION, rust_identifier
from codegen.cli import main
from codegen.model import PLACEHOLDER, placeholders
from codegen.targets.vectors import PROTOTYPE_KEYS
from codegen.taxonomy import default_path, load_taxonomy
from conftest import ROOT, toolchain

RUNNERS = ROOT / "tests" / "properties"
TARGETS = ("python", "typescript", "go", "rust")
PACKAGE = "errcodes"
GO_MODULE = "example.com/errcodes"
GO_ENV = {"GOWORK": "off", "GOTOOLCHAIN": "local"}
CARGO_ENV = {"CARGO_NET_OFFLINE": "true", "CARGO_TERM_COLOR": "never"}

# Reproducible in CI; no example database written into the checkout; toolchains take seconds.
PROFILE = settings(
    deadline=None,
    database=None,
    derandomize=os.environ.get("CI") == "true",
    print_blob=True,
    # The autouse fixture that fixes the working directory runs once per test, not per
    # example; every example makes its own temporary project.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# --- strategies ---------------------------------------------------------------------------

QUOTES = ['"', "'", "`", "\\", '"""', "'''", "\\n", "\\u0041", "\\x00", "\\\\"]
BREAKS = ["\n", "\r", "\r\n", "\t", "\x0b\x0c", "\x85", "\u2028", "\u2029", " ", "  ", "\u3000"]
DELIMITERS = ["*/", "/*", "/**/", "-->", "<!--", "${", "${x}", "`${`", "//", "# x", "''", "``"]
TEMPLATES = ["{{ x }}", "{{x}}", "{% if x %}", "{# c #}", "%s", "%d%%", "{name}", "{0}"]
CONTROLS = ["\x00", "\x1b[31m", "\x1c", "\x7f", "\x9b", "\xa0", "\ufeff", "\ufffe\uffff"]
BIDI = ["\u202a\u202b\u202c\u202d\u202e", "\u2066\u2067\u2068\u2069", "\u200b\u200c\u200d"]
ASTRAL = ["\U0001f600", "\U0001d11e", "\U000e0001\U000e0041", "\U0010ffff", "\U000f0000"]
SEQUENCES = ["\U0001f468\u200d\U0001f469", "\U0001f1fa\U0001f1f8", "\U0001f44d\U0001f3fd"]
COMBINING = ["\u2764\ufe0f", "1\ufe0f\u20e3", "e\u0301", "\u0301"]
SCRIPTS = ["\u4e2d\u6587", "\uff26\uff55\uff4c\uff4c", "\u0627\u0644\u0639\u0631\u0628\u064a"]
TRICKY = QUOTES + BREAKS + DELIMITERS + TEMPLATES + CONTROLS + BIDI + ASTRAL + SEQUENCES
TRICKY += COMBINING + SCRIPTS
"""Pieces of text that break code generators: quotes and escapes, line breaks and blanks,
comment and template delimiters, controls, bidirectional overrides, astral characters,
emoji sequences, combining marks, wide and right-to-left scripts."""

piece = st.one_of(st.sampled_from(TRICKY), st.text(min_size=1, max_size=12))
free_text = st.lists(piece, min_size=1, max_size=8).map("".join)
# Long lines are where formatters make choices: lengths around their 80 and 88 columns,
# in ASCII (whose width is its length) and in wide and astral characters.
long_text = st.one_of(
    st.text(st.sampled_from([*"abcdefghij ", '"', "'", "\\"]), min_size=50, max_size=100),
    st.text(
        st.sampled_from([*"abcdefghij ", "\u4e2d", "\u00e9", "\U0001f600", '"', "\\", "\n"]),
        min_size=40,
        max_size=120,
    ),
)
any_text = st.one_of(free_text, free_text, long_text)

LANGUAGES = ["en", "zh", "ja", "no", "fil", "zh-Hant", "pt-BR", "de-CH-1996", "sr-Latn-RS"]
language = st.one_of(
    st.sampled_from(LANGUAGES), st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}", fullmatch=True)
)
PLACEHOLDER_NAMES = ["name", "limit", "_", "x1", "Channel", "__proto__", "constructor"]

# Names that are keywords, JavaScript property names or Go initialisms somewhere (Go's
# reserved API names are left out: the tool rightly refuses them, Naming.member_reserved).
NAMES = ["A", "CLASS", "DEF", "NONE", "TRUE", "NULL", "IMPORT", "FUNC", "RANGE", "STRING"]
NAMES += ["CONSTRUCTOR", "PROTOTYPE", "TO_STRING", "HAS_OWN_PROPERTY", "NAME", "VALUE"]
NAMES += ["ID", "API_KEY", "HTTP_2", "URL_ID", "UTF8", "JSON_RPC_SDK", "IP", "X2"]
# Names are bounded: a name of more than about 60 characters pushes the enum member line
# past black's 88 columns and the `Code` property past prettier's 80, and both formatters
# then wrap it (README: generation writes the formatters' layout without running them).
name = st.one_of(
    st.sampled_from(NAMES),
    st.from_regex(r"[A-Z][A-Z0-9]{0,9}(_[A-Z0-9]{1,8}){0,4}", fullmatch=True),
).filter(
    lambda n: all(
        t.naming.member(n) not in t.naming.member_reserved
        for t in languages()
        if t.naming is not None
    )
)

MAX_SAFE = 2**53 - 1
integer_code = st.one_of(
    st.sampled_from([0, 1, -1, MAX_SAFE, -MAX_SAFE, 2**31, -(2**31), 2**32, 10**15]),
    st.integers(-MAX_SAFE, MAX_SAFE),
    st.integers(-99999, 99999),
)
# String codes are bounded for the same reason as names (see above).
string_code = st.one_of(
    st.sampled_from(["0", "00000", "22P02", "1e5", "1.0", "123", "constructor", "toString"]),
    st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,19}", fullmatch=True),
)

PLATFORMS = ["constructor", "prototype", "errcodes", "strconv", "vendor", "a_b", "x1", "c"]
platform = st.one_of(
    st.sampled_from(PLATFORMS), st.from_regex(r"[a-z][a-z0-9_]{0,11}", fullmatch=True)
).filter(
    lambda p: all(
        t.naming.platform(p) not in t.naming.platform_reserved
        for t in languages()
        if t.naming is not None
    )
)


CATEGORIES = sorted(load_taxonomy(default_path(), "categories.yaml")[0])

# The catalogues' directory: its path is in the header of every generated file. A name holds
# any character but "/" and NUL (and none that the file system cannot encode); the prefix
# keeps it apart from out/ and pyproject.toml.
directory_name = free_text.map(lambda t: "catalogs" + t).filter(
    lambda t: not any(c in "/\x00" or "\ud800" <= c <= "\udfff" for c in t)
    and len(t.encode()) <= 200
)
HOSTILE_DIRECTORY = "catalogs\nimport os\r\u2028 --> --!> coding:utf_7 \u202e\x1b[31m *"
"""Line breaks, comment closers (with the "/" after it, "*" ends a block comment), Python's
encoding cookie, a bidirectional override and a terminal escape."""


@st.composite
def texts(draw: st.DrawFn) -> dict[str, str]:
    """Text by language, with the same placeholders in every language (else the tool
    rightly reports PLACEHOLDER_MISMATCH: test_placeholders_must_agree_across_languages)."""
    languages = draw(st.lists(language, min_size=1, max_size=4, unique=True))
    names = draw(st.lists(st.sampled_from(PLACEHOLDER_NAMES), max_size=2, unique=True))
    by_language = {}
    for lang in languages:
        parts = [draw(any_text), *(f"{{{n}}}" for n in names)]
        by_language[lang] = "".join(draw(st.permutations(parts)))
    # Free text can spell a placeholder by chance ("{{x}}" holds "{x}"): give it to all.
    found = set().union(*(placeholders(t) for t in by_language.values()))
    return {
        lang: text + "".join(f" {{{p}}}" for p in sorted(found - placeholders(text)))
        for lang, text in by_language.items()
    }


@st.composite
def catalogue(draw: st.DrawFn, platform_name: str) -> dict[str, Any]:
    """A valid catalogue as plain data, in the shape of the YAML file."""
    code_type = draw(st.sampled_from(["integer", "string"]))
    size, spare = draw(st.integers(1, 12)), draw(st.integers(0, 4))
    codes = draw(
        st.lists(
            integer_code if code_type == "integer" else string_code,
            min_size=size + spare,
            max_size=size + spare,
            unique=True,
        )
    )
    # Names, aliases and removed names: all distinct, even as Go and Rust identifiers.
    names = draw(
        st.lists(
            name,
            min_size=size + spare,
            max_size=size + spare,
            unique_by=(go_identifier, rust_identifier),
        )
    )
    errors = []
    for code, entry_name in zip(codes[:size], names[:size]):
        entry: dict[str, Any] = {"code": code, "name": entry_name, "message": draw(texts())}
        if draw(st.booleans()):
            entry["solution"] = draw(texts())
        if draw(st.booleans()):
            entry["category"] = draw(st.sampled_from(CATEGORIES))
        if draw(st.booleans()):
            entry["http_status"] = draw(st.integers(100, 599))
        if draw(st.booleans()):
            entry["retryable"] = draw(st.booleans())
        if draw(st.integers(0, 3)) == 0:
            entry["deprecated"] = {"reason": draw(any_text)}
            others = [n for n in names[:size] if n != entry_name]
            if draw(st.booleans()) and others:
                entry["deprecated"]["replaced_by"] = draw(st.sampled_from(others))
        errors.append(entry)
    # The spare names become aliases of some entries or names of removed codes.
    reserved = []
    for code, spare_name in zip(codes[size:], names[size:]):
        if draw(st.booleans()):
            draw(st.sampled_from(errors)).setdefault("aliases", []).append(spare_name)
        else:
            reason = draw(any_text.filter(lambda t: re.search(r"\S", t)))  # the schema's rule
            reserved.append({"code": code, "name": spare_name, "reason": reason})
    catalogue = {
        "platform": platform_name,
        "title": draw(any_text),
        "source": draw(any_text),
        "code_type": code_type,
        "errors": errors,
    }
    if reserved:
        catalogue["reserved"] = reserved
    if draw(st.booleans()):
        # Hostile text reaches the classification data too: pointer keys and patterns.
        shape = {
            "name": "rest",
            "code": pointer(draw(any_text)),
            "message": pointer(draw(any_text)),
        }
        if code_type == "string" or draw(st.booleans()):
            shape["code_format"] = "string"
        catalogue["response"] = {"shapes": [shape]}
        for entry in errors:
            if draw(st.integers(0, 2)) == 0:
                entry["match"] = {
                    "messages": [draw(pattern_text)],
                    "statuses": [draw(st.integers(100, 599))],
                }
    return catalogue


def pointer(key: str) -> str:
    """A JSON Pointer to ``key`` in the body."""
    return "/" + key.replace("~", "~0").replace("/", "~1")


pattern_text = st.builds(
    lambda text, names: text + "".join(f"{{{n}}} {text}" for n in names),
    any_text,
    st.lists(st.sampled_from(PLACEHOLDER_NAMES), max_size=2),
).filter(lambda text: unmatchable(text) is None)
"""A match.messages pattern: hostile text around wildcards, never two touching."""


@st.composite
def projects(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Catalogues compiled together: platforms distinct as module, package and class."""
    platforms = draw(
        st.lists(
            platform,
            min_size=1,
            max_size=4,
            unique_by=(go_package, python_class),
        )
    )
    return [draw(catalogue(p)) for p in platforms]


# --- catalogue files ----------------------------------------------------------------------


def yaml_str(text: str, ascii_only: bool = False) -> str:
    """A double-quoted YAML scalar for ``text``: characters YAML cannot hold raw (controls,
    line breaks, surrogates; everything but ASCII when ``ascii_only``) as escapes."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif 0x20 <= code < 0x7F or (
            not ascii_only
            and (0xA0 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000)
            and char not in "\u2028\u2029"
        ):
            out.append(char)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def catalogue_yaml(catalogue: dict[str, Any], ascii_only: bool = False) -> str:
    def q(text: str) -> str:
        return yaml_str(text, ascii_only)

    def text_map(key: str, texts: dict[str, str]) -> list[str]:
        return [f"    {key}:", *(f"      {q(lang)}: {q(text)}" for lang, text in texts.items())]

    lines = [
        f"platform: {q(catalogue['platform'])}",  # y, no: YAML 1.1 booleans
        f"title: {q(catalogue['title'])}",
        f"source: {q(catalogue['source'])}",
        f"code_type: {catalogue['code_type']}",
        "errors:",
    ]

    def code(value: int | str) -> str:
        return str(value) if isinstance(value, int) else q(value)

    for entry in catalogue["errors"]:
        lines.append(f"  - code: {code(entry['code'])}")
        lines.append(f"    name: {q(entry['name'])}")  # TRUE, NULL: YAML would not read text
        if "aliases" in entry:
            lines.append(f"    aliases: [{', '.join(map(q, entry['aliases']))}]")
        lines += text_map("message", entry["message"])
        if "solution" in entry:
            lines += text_map("solution", entry["solution"])
        for key in ("category", "http_status"):
            if key in entry:
                lines.append(f"    {key}: {entry[key]}")
        if "retryable" in entry:
            lines.append(f"    retryable: {str(entry['retryable']).lower()}")
        if "deprecated" in entry:
            lines.append("    deprecated:")
            lines.append(f"      reason: {q(entry['deprecated']['reason'])}")
            if "replaced_by" in entry["deprecated"]:
                lines.append(f"      replaced_by: {q(entry['deprecated']['replaced_by'])}")
        if "match" in entry:
            lines.append("    match:")
            lines.append(f"      messages: [{', '.join(map(q, entry['match']['messages']))}]")
            lines.append(f"      statuses: {entry['match']['statuses']}")
    if "response" in catalogue:
        lines.append("response:")
        lines.append("  shapes:")
        for shape in catalogue["response"]["shapes"]:
            lines.append(f"    - name: {shape['name']}")
            for key in ("code", "message", "code_format"):
                if key in shape:
                    lines.append(f"      {key}: {q(shape[key])}")
    if "reserved" in catalogue:
        lines.append("reserved:")
        for tombstone in catalogue["reserved"]:
            lines.append(f"  - code: {code(tombstone['code'])}")
            if "name" in tombstone:
                lines.append(f"    name: {q(tombstone['name'])}")
            lines.append(f"    reason: {q(tombstone['reason'])}")
    return "\n".join(lines) + "\n"


@dataclass
class Generated:
    """A project on disk, generated by the command line."""

    root: Path
    catalogues: list[dict[str, Any]]

    @property
    def out(self) -> Path:
        return self.root / "out"


def codegen(root: Path, *argv: str) -> tuple[int, str]:
    """Run the command line in ``root`` (its own pyproject.toml: no repository settings)."""
    out = io.StringIO()
    with contextlib.chdir(root):
        status = main([*argv, "--no-cache"], stdout=out, stderr=out)
    return status, out.getvalue()


def write_project(
    root: Path, catalogues: list[dict[str, Any]], ascii_only: bool, directory: str = "catalogs"
) -> None:
    (root / directory).mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        f'[tool.codegen]\npython_package = "{PACKAGE}"\ngo_module = "{GO_MODULE}"\n'
    )
    for catalogue in catalogues:
        path = root / directory / f"{catalogue['platform']}.yaml"
        path.write_text(catalogue_yaml(catalogue, ascii_only), encoding="utf-8")


@contextlib.contextmanager
def generated(
    catalogues: list[dict[str, Any]],
    ascii_only: bool,
    directory: str = "catalogs",
    targets: tuple[str, ...] = TARGETS,
) -> Iterator[Generated]:
    """The project generated from catalogues in ``directory``, whose name every header shows."""
    with tempfile.TemporaryDirectory(prefix="codegen-properties-") as temporary:
        root = Path(temporary)
        write_project(root, catalogues, ascii_only, directory)
        targets = [arg for target in targets for arg in ("--target", target)]
        status, output = codegen(root, "generate", f"--catalogs={directory}", *targets)
        assert status == 0, f"a valid project was refused:\n{output}"
        yield Generated(root, catalogues)


# --- what every language must say ---------------------------------------------------------


def preferred(texts: dict[str, str]) -> str | None:
    """English, else Chinese, else the language whose tag sorts first (README)."""
    for lang in ("en", "zh"):
        if lang in texts:
            return texts[lang]
    return texts[min(texts)] if texts else None


# Keys of Object.prototype, asked for as languages: a lookup that forgets to ask for own
# properties finds a function. "__proto__" is left to the conformance tests: dump.mjs would
# take it, assigned as a key of its result, for that object's prototype.
OBJECT_KEYS = [key for key in PROTOTYPE_KEYS if key != "__proto__"]


def probe_languages(catalogue: dict[str, Any]) -> list[str]:
    """Every language tag the catalogue uses, and some it does not."""
    used = {
        lang
        for entry in catalogue["errors"]
        for key in ("message", "solution")
        for lang in entry.get(key, {})
    }
    return sorted(used) + ["xx-Unused", *OBJECT_KEYS]


def expected(catalogue: dict[str, Any]) -> list[dict[str, Any]]:
    languages = probe_languages(catalogue)
    entries = []
    for entry in catalogue["errors"]:
        solution = entry.get("solution", {})
        deprecated = entry.get("deprecated")
        entries.append(
            {
                "code": entry["code"],
                "name": entry["name"],
                "message": preferred(entry["message"]),
                "messages": entry["message"],
                "message_in": {lang: entry["message"].get(lang) for lang in languages},
                "solution": preferred(solution),
                "solution_in": {lang: solution.get(lang) for lang in languages},
                "category": entry.get("category"),
                "http_status": entry.get("http_status"),
                "retryable": entry.get("retryable"),
                "deprecated": deprecated and {"replaced_by": None, **deprecated},
            }
        )
    return entries


def assert_same(language: str, catalogue: dict[str, Any], said: dict[str, Any]) -> None:
    """Entry by entry, field by field, so that a failure names the text that changed."""
    wanted, actual = expected(catalogue), said["entries"]
    assert [e["name"] for e in actual] == [e["name"] for e in wanted], language
    aliases = {alias: e["name"] for e in catalogue["errors"] for alias in e.get("aliases", [])}
    assert said["aliases"] == aliases, language
    for got, want in zip(actual, wanted):
        for key in want:
            assert got[key] == want[key], (
                f"{language}, {catalogue['platform']}.{want['name']}.{key}:"
                f" generated code gives {got[key]!r}, the catalogue says {want[key]!r}"
            )


def run(argv: list[str | Path], cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [str(a) for a in argv],
        cwd=cwd,
        capture_output=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
    )
    assert done.returncode == 0, f"{argv[0]} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


# --- each language ------------------------------------------------------------------------


def check_python(project: Generated) -> None:
    spec = {
        c["platform"]: {
            "class": python_class(c["platform"]),
            "languages": probe_languages(c),
        }
        for c in project.catalogues
    }
    output = run(
        [sys.executable, RUNNERS / "dump.py", project.out / "python", PACKAGE, json.dumps(spec)]
    )
    said = json.loads(output)
    for catalogue in project.catalogues:
        platform_name = catalogue["platform"]
        assert_same("python", catalogue, said[platform_name])
        # The title goes into docstrings verbatim, or the platform instead: never changed.
        assert said[platform_name]["docs"] in (
            [
                f"Error codes of {t}, generated from the {platform_name} catalogue.",
                f"Error codes of {t}.",
            ]
            for t in (catalogue["title"], platform_name)
        )


def check_formatters(project: Generated) -> None:
    """Generation writes each formatter's layout itself: the formatters change nothing."""
    for path in sorted((project.out / "python").rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        assert black.format_str(source, mode=black.Mode()) == source, f"black changes {path.name}"
    changed = run([toolchain("gofmt"), "-l", project.out / "go"])
    assert changed == "", f"gofmt changes {changed}"
    package = project.out / "typescript"  # its code and declarations, not package.json
    code = [*package.glob("*.js"), *package.glob("*.ts")]
    run([toolchain("prettier"), "--check", "--no-config", *code])
    check_rustfmt(project)


def check_rustfmt(project: Generated) -> None:
    """rustfmt with its defaults (an empty rustfmt.toml beside the project), whatever the
    machine's configuration."""
    (project.root / "rustfmt.toml").write_text("")
    rustfmt = [toolchain("rustfmt"), "--check", "--edition", EDITION, "--config-path"]
    run([*rustfmt, project.root, project.out / "rust" / "src" / "lib.rs"])


def check_typescript(project: Generated, work: Path) -> None:
    tsc, node = toolchain("tsc"), toolchain("node")
    (work / "package.json").write_text('{"type": "module"}\n')
    shutil.copytree(project.out / "typescript", work / "src")
    # The package's declarations; its ES modules run as they are. --skipDefaultLibCheck:
    # TypeScript's own lib.d.ts need no checking, and it halves the time.
    flags = ["--strict", "--skipDefaultLibCheck", "--noEmit", "--module", "nodenext"]
    run([tsc, *flags, *sorted((work / "src").glob("*.d.ts"))])
    spec = {c["platform"]: {"languages": probe_languages(c)} for c in project.catalogues}
    said = json.loads(run([node, RUNNERS / "dump.mjs", work / "src", json.dumps(spec)]))
    for catalogue in project.catalogues:
        assert_same("typescript", catalogue, said[catalogue["platform"]])


def check_go(project: Generated, work: Path) -> None:
    go, module = toolchain("go"), project.out / "go"
    run([go, "vet", "./..."], cwd=module, env=GO_ENV)
    (work / "go.mod").write_text(
        f"module dump\n\ngo 1.22\n\nrequire {GO_MODULE} v0.0.0\n\nreplace {GO_MODULE} => {module}\n"
    )
    shutil.copy(RUNNERS / "dump.go", work)
    (work / "main.go").write_text(go_main(project.catalogues))
    said = json.loads(run([go, "run", "."], cwd=work, env=GO_ENV))
    for catalogue in project.catalogues:
        assert_same("go", catalogue, said[catalogue["platform"]])


def go_main(catalogues: list[dict[str, Any]]) -> str:
    """The main.go beside dump.go: import each generated package and print what it says."""
    imports = "".join(
        f'\tp{i} "{GO_MODULE}/{go_package(c["platform"])}"\n' for i, c in enumerate(catalogues)
    )
    calls = []
    for i, c in enumerate(catalogues):
        value = "int64(c)" if c["code_type"] == "integer" else "string(c)"
        languages = ", ".join(json.dumps(lang) for lang in probe_languages(c))
        # Each alias is a constant of its own: naming it here makes the compiler check it.
        aliases = "".join(
            f"{json.dumps(alias)}: p{i}.{go_identifier(alias)}.String(), "
            for entry in c["errors"]
            for alias in entry.get("aliases", [])
        )
        calls.append(
            f"\tout[{json.dumps(c['platform'])}] = platform{{dump(p{i}.Codes(), p{i}.Lookup,"
            f" func(c p{i}.Code) any {{ return {value} }}, []string{{{languages}}}),"
            f" map[string]string{{{aliases}}}}}\n"
        )
    return GO_MAIN.format(imports=imports, calls="".join(calls))


def check_rust(project: Generated, work: Path) -> None:
    """clippy finds nothing to say about a copy of the crate (cargo writes Cargo.lock beside
    it); then a program that depends on it prints what every module says."""
    cargo = toolchain("cargo")
    toolchain("cargo-clippy")
    env = {**CARGO_ENV, "CARGO_TARGET_DIR": str(work / "target")}
    crate = shutil.copytree(project.out / "rust", work / "crate")
    run([cargo, "clippy", "--offline", "--all-targets", "--", "-D", "warnings"], crate, env)
    (work / "dump" / "src").mkdir(parents=True)
    (work / "dump" / "Cargo.toml").write_text(
        f'[package]\nname = "dump"\nversion = "0.0.0"\nedition = "{EDITION}"\n\n'
        f'[dependencies]\n{PACKAGE} = {{ path = "../crate" }}\n'
    )
    (work / "dump" / "src" / "main.rs").write_text(RUST_DUMP + rust_main(project.catalogues))
    said = json.loads(run([cargo, "run", "--offline", "-q"], work / "dump", env))
    for catalogue in project.catalogues:
        assert_same("rust", catalogue, said[catalogue["platform"]])


def rust_main(catalogues: list[dict[str, Any]]) -> str:
    """The main function after RUST_DUMP: each generated module, the languages to ask it for
    and its alias constants, named by their identifiers so that the compiler checks them."""
    calls = []
    for c in catalogues:
        languages = ", ".join(json.dumps(lang) for lang in probe_languages(c))
        aliases = "".join(
            f"({json.dumps(alias)}, {rust_identifier(alias)}), "
            for entry in c["errors"]
            for alias in entry.get("aliases", [])
        )
        calls.append(
            f'        ("{c["platform"]}", dump!({PACKAGE}::{c["platform"]}, &[{languages}],'
            f" [{aliases}])),\n"
        )
    return (
        "fn main() {\n    let platforms = [\n" + "".join(calls) + "    ];\n"
        '    println!("{}", object(platforms.map(|(p, said)| (p.to_string(), said))));\n}\n'
    )


RUST_DUMP = r"""//! What the generated Rust modules say about every code, as JSON.
#![allow(deprecated)] // deprecated codes and aliases are asked about on purpose

/// A JSON string, ASCII only: the pipe's encoding cannot change a character.
fn string(text: &str) -> String {
    let mut out = String::from("\"");
    for unit in text.encode_utf16() {
        match unit {
            0x22 => out.push_str("\\\""),
            0x5c => out.push_str("\\\\"),
            0x20..=0x7e => out.push(char::from(unit as u8)),
            _ => out.push_str(&format!("\\u{unit:04x}")),
        }
    }
    out.push('"');
    out
}

fn optional(text: Option<&str>) -> String {
    text.map_or("null".to_string(), string)
}

fn object(pairs: impl IntoIterator<Item = (String, String)>) -> String {
    let pairs: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{}: {v}", string(&k))).collect();
    format!("{{{}}}", pairs.join(", "))
}

/// A code as JSON: a number or a string.
trait Json {
    fn json(&self) -> String;
}

impl Json for i64 {
    fn json(&self) -> String {
        self.to_string()
    }
}

impl Json for &str {
    fn json(&self) -> String {
        string(self)
    }
}

macro_rules! dump {
    ($($segment:ident)::+, $languages:expr, [$(($alias:literal, $identifier:ident)),* $(,)?]) => {{
        use $($segment)::+ as generated;
        let languages: &[&str] = $languages;
        let mut entries = Vec::new();
        for &c in generated::Code::ALL {
            let code = c.code();
            assert!(code.to_string().parse::<generated::Code>() == Ok(c), "lookup of {}", c.name());
            assert!(c.to_string() == c.message(), "to_string() of {}", c.name());
            let texts = |get: &dyn Fn(&str) -> Option<&'static str>| {
                object(languages.iter().map(|l| (l.to_string(), optional(get(l)))))
            };
            let deprecated = c.deprecation().map_or("null".to_string(), |d| {
                let replaced_by = d.replaced_by().map(generated::Code::name);
                object([
                    ("reason".to_string(), string(d.reason())),
                    ("replaced_by".to_string(), optional(replaced_by)),
                ])
            });
            entries.push(object([
                ("code".to_string(), code.json()),
                ("name".to_string(), string(c.name())),
                ("message".to_string(), string(c.message())),
                ("messages".to_string(), object(c.messages().map(|(l, t)| (l.to_string(), string(t))))),
                ("message_in".to_string(), texts(&|l| c.message_in(l))),
                ("solution".to_string(), optional(c.solution())),
                ("solution_in".to_string(), texts(&|l| c.solution_in(l))),
                ("category".to_string(), optional(c.category())),
                ("http_status".to_string(), c.http_status().map_or("null".to_string(), |s| s.to_string())),
                ("retryable".to_string(), c.retryable().map_or("null".to_string(), |r| r.to_string())),
                ("deprecated".to_string(), deprecated),
            ]));
        }
        let aliases = [$(($alias.to_string(), string(generated::Code::$identifier.name()))),*];
        object([
            ("entries".to_string(), format!("[{}]", entries.join(", "))),
            ("aliases".to_string(), object(aliases)),
        ])
    }};
}

"""


GO_MAIN = """package main

import (
	"encoding/json"
	"os"

{imports})

func main() {{
	out := map[string]platform{{}}
{calls}	if err := json.NewEncoder(os.Stdout).Encode(out); err != nil {{
		panic(err)
	}}
}}
"""


# --- no injection -------------------------------------------------------------------------


class Twin:
    """Neutral text of the same shape as a catalogue's text: its placeholders, in order,
    between literal runs as long (in code points, once normalised as patterns are) as the
    text's, each run one character repeated, the character telling texts apart. So a
    pattern compiles to as many parts of the same lengths, and texts that are equal (or
    differ) stay so: what depends on a text's shape is the same for both projects."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        if text not in self.texts:
            mark = chr(0x4E00 + len(self.texts))  # CJK: no case, no space, one code point
            parts = PLACEHOLDER.split(normalise(text))
            shaped = "".join(
                f"{{{part}}}" if i % 2 else mark * len(part) for i, part in enumerate(parts)
            )
            self.texts[text] = shaped or " "  # blank, as the text was
        return self.texts[text]


def neutral(catalogues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The same project with every free text replaced by a neutral one of the same shape
    (Twin): placeholders are a code's parameters, which the code declares, and the wildcards
    of its patterns."""
    twin = copy.deepcopy(catalogues)
    shaped = Twin()
    for catalogue in twin:
        catalogue["title"] = catalogue["source"] = "x"
        for entry in catalogue["errors"]:
            for key in ("message", "solution"):
                if key in entry:
                    entry[key] = {lang: shaped(t) for lang, t in entry[key].items()}
            if "deprecated" in entry:
                entry["deprecated"]["reason"] = "x"
            if "match" in entry:
                entry["match"]["messages"] = [shaped(t) for t in entry["match"]["messages"]]
        for tombstone in catalogue.get("reserved", []):
            tombstone["reason"] = "x"
        # Pointers stay: Rust lays a long one out otherwise; they are checked by compiling
        # and formatting, and each language's escaping of them by the classify vectors.
    return twin


def python_skeleton(directory: Path) -> dict[str, list[str]]:
    """Each file's tokens as Python reads them, string and comment contents left out."""
    skeletons = {}
    for path in sorted(directory.rglob("*.py")):
        with path.open("rb") as source:
            skeletons[path.relative_to(directory).as_posix()] = [
                {tokenize.STRING: "<text>", tokenize.COMMENT: "<comment>"}.get(t.type, t.string)
                for t in tokenize.tokenize(source.readline)
            ]
    return skeletons


def assert_same_skeletons(
    language: str, actual: dict[str, list[str]], neutral: dict[str, list[str]]
) -> None:
    """Catalogue text may change what is inside string literals and comments, nothing else."""
    assert sorted(actual) == sorted(neutral), language
    for name, tokens in actual.items():
        if tokens != neutral[name]:
            at = next(
                (i for i, pair in enumerate(zip(tokens, neutral[name])) if pair[0] != pair[1]),
                min(len(tokens), len(neutral[name])),
            )
            raise AssertionError(
                f"{language} {name}: catalogue text changed the code itself at token {at}:"
                f" {tokens[max(at - 5, 0) : at + 5]} where neutral text gives"
                f" {neutral[name][max(at - 5, 0) : at + 5]}"
            )


def check_skeletons(project: Generated, twin: Generated, work: Path) -> None:
    assert_same_skeletons(
        "python", python_skeleton(project.out / "python"), python_skeleton(twin.out / "python")
    )
    directories = [project.out / "typescript", twin.out / "typescript"]
    said = json.loads(run([toolchain("node"), RUNNERS / "skeleton.mjs", *directories]))
    assert_same_skeletons("typescript", *(said[str(d)] for d in directories))
    directories = [project.out / "go", twin.out / "go"]
    go = toolchain("go")
    said = json.loads(run([go, "run", RUNNERS / "skeleton.go", *directories], cwd=work, env=GO_ENV))
    assert_same_skeletons("go", *(said[str(d)] for d in directories))
    assert_same_skeletons(
        "rust", rust_skeleton(project.out / "rust"), rust_skeleton(twin.out / "rust")
    )
    # Long texts make rustfmt leave a whole function as it is, layout included: the twin,
    # whose texts are all "x", shows that the layout around them is rustfmt's own.
    check_rustfmt(twin)


RUST_TOKEN = re.compile(
    r"""(?P<comment>//[^\n]*)"""
    r"""|(?P<text>"(?:[^"\\]|\\.)*")"""
    r"""|(?P<lifetime>'[A-Za-z_][A-Za-z0-9_]*)"""
    r"""|(?P<word>[A-Za-z0-9_]+)"""
    r"""|(?P<space>\s+)"""
    r"""|(?P<other>.)""",
    re.S,
)
"""Rust's tokens, as far as the generated code uses them: line and doc comments, string
literals, lifetimes, words and numbers, and single punctuation characters."""


def rust_skeleton(directory: Path) -> dict[str, list[str]]:
    """Each file's tokens, string and comment contents left out."""
    skeletons = {}
    for path in sorted(directory.rglob("*.rs")):
        tokens = []
        for match in RUST_TOKEN.finditer(path.read_text(encoding="utf-8")):
            kind = match.lastgroup
            if kind != "space":
                tokens.append({"comment": "<comment>", "text": "<text>"}.get(kind or "", match[0]))
        skeletons[path.relative_to(directory).as_posix()] = tokens
    return skeletons


def regressions() -> list[dict[str, Any]]:
    """Text that once came out of generation unformatted: lines on either side of
    prettier's 80 columns behind keys it may break after (ASCII, wide and astral text),
    blank text on a comment line, and quote pairs that gofmt turns into curly quotes."""

    def entry(code: int, **fields: Any) -> dict[str, Any]:
        return {"code": code, "name": f"E{code}", "message": {"en": f"m{code}"}, **fields}

    long_name = "REPLACEMENT_" + "X" * 48
    errors = [
        *(entry(n, deprecated={"reason": "r" * n}) for n in range(60, 67)),
        *(entry(n, message={"en": "m", "zh-Hant": "z" * (n - 10)}) for n in range(67, 73)),
        entry(1, message={"en": " "}, deprecated={"reason": "\u3000"}),
        entry(2, message={"zh-Hant": "\u4e2d" * 40}, deprecated={"reason": "\U0001f600" * 35}),
        entry(3, message={"en": "a''' b```` c */ d ''"}, deprecated={"reason": "'''"}),
        entry(4, deprecated={"reason": "Use the other one.", "replaced_by": long_name}),
        {"code": 5, "name": long_name, "message": {"en": "m5"}},
    ]
    return [
        {
            "platform": "regressions",
            "title": "``quoted''",
            "source": "'''",
            "code_type": "integer",
            "errors": errors,
        }
    ]


# --- the properties -----------------------------------------------------------------------


# An example is a whole project, large by design: one toolchain run checks many texts.
@settings(
    PROFILE,
    max_examples=20,
    suppress_health_check=[*PROFILE.suppress_health_check, HealthCheck.data_too_large],
)
@given(projects(), st.booleans(), st.one_of(st.just("catalogs"), directory_name))
@example(catalogues=regressions(), ascii_only=False, directory=HOSTILE_DIRECTORY)
def test_every_language_gives_back_every_text_exactly(
    catalogues: list[dict[str, Any]], ascii_only: bool, directory: str
) -> None:
    with (
        generated(catalogues, ascii_only, directory) as project,
        generated(neutral(catalogues), ascii_only) as twin,
        tempfile.TemporaryDirectory() as directory,
    ):
        work = {name: Path(directory, name) for name in ("ts", "go", "rust", "skeleton")}
        for path in work.values():
            path.mkdir()
        # The quick checks first: while Hypothesis shrinks a failure, each attempt is cheap.
        check_formatters(project)
        check_python(project)
        check_skeletons(project, twin, work["skeleton"])
        # Compiling is slow and the compilers are independent: run them side by side.
        with ThreadPoolExecutor(3) as pool:
            checks = [
                pool.submit(check_typescript, project, work["ts"]),
                pool.submit(check_go, project, work["go"]),
                pool.submit(check_rust, project, work["rust"]),
            ]
            for check in checks:
                check.result()


# --- the reference site ---------------------------------------------------------------------


class HtmlSkeleton(HTMLParser):
    """A page as html.parser reads it, text left out: its elements with every attribute and
    value, its declarations, and how many comments it has."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events: list[tuple[object, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("<", tag, tuple(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.events.append(("</>", tag, tuple(attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("/", tag))

    def handle_comment(self, data: str) -> None:
        self.events.append(("<!-- -->",))

    def handle_decl(self, decl: str) -> None:
        self.events.append(("<!", decl))

    def unknown_decl(self, data: str) -> None:
        self.events.append(("<![", data))

    def handle_pi(self, data: str) -> None:
        self.events.append(("<?", data))


def html_skeleton(text: str) -> list[tuple[object, ...]]:
    parser = HtmlSkeleton()
    parser.feed(text)
    parser.close()
    return parser.events


MARKDOWN_ESCAPED = re.compile(r"\\.|&(?:amp|lt|gt);")


def markdown_skeleton(text: str) -> list[str]:
    """Each line's markup once md_cell's escapes are gone: table cells, HTML, links, code
    spans. What a catalogue text adds is escaped, so only the template's is left."""
    return [
        ("#" if line.startswith("#") else "")
        + "".join(c for c in MARKDOWN_ESCAPED.sub("", line) if c in "|<>[]`")
        for line in text.split("\n")[1:]  # the header names the directory
    ]


def docs_twin(catalogues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """neutral(), but a source that holds an http(s) URL is kept: that one part is a link."""
    twin = neutral(catalogues)
    for original, neutral_one in zip(catalogues, twin):
        if re.search(r"(?i)https?://", original["source"]):
            neutral_one["source"] = original["source"]
    return twin


def check_search_index(project: Generated) -> None:
    """search-index.js holds every code as the catalogue states it, and nothing that could
    end its script."""
    text = (project.out / "docs" / "search-index.js").read_text(encoding="utf-8")
    body = text.split("\n", 1)[1]
    assert "<" not in body and "\u2028" not in body and "\u2029" not in body
    prefix, suffix = "window.ERRCODES_INDEX = JSON.parse('", "');\n"
    assert body.startswith(prefix) and body.endswith(suffix)
    literal = body.removeprefix(prefix).removesuffix(suffix)
    assert re.fullmatch(r"(?:[^\\'\n]|\\[\\'\n])*", literal)
    data = json.loads(re.sub(r"\\([\\'\n])", lambda m: "" if m[1] == "\n" else m[1], literal))
    ordered = sorted(project.catalogues, key=lambda c: c["platform"])
    assert [p["platform"] for p in data["platforms"]] == [c["platform"] for c in ordered]
    assert [row[:6] for row in data["entries"]] == [
        [
            number,
            str(entry["code"]),
            entry["name"],
            entry.get("aliases", []),
            entry.get("category"),
            entry.get("retryable"),
        ]
        for number, catalogue in enumerate(ordered)
        for entry in catalogue["errors"]
    ]


@settings(
    PROFILE,
    max_examples=25,
    suppress_health_check=[*PROFILE.suppress_health_check, HealthCheck.data_too_large],
)
@given(projects(), st.one_of(st.just("catalogs"), directory_name))
@example(catalogues=regressions(), directory=HOSTILE_DIRECTORY)
def test_the_reference_site_carries_text_only_as_text(
    catalogues: list[dict[str, Any]], directory: str
) -> None:
    """Every HTML page reads, element for element and attribute for attribute, as the same
    project with neutral text reads: no text adds an element, an attribute or a link. The
    Markdown has the same markup line for line; the search index gives back every code."""
    with (
        generated(catalogues, False, directory, targets=("docs",)) as project,
        generated(docs_twin(catalogues), False, targets=("docs",)) as twin,
    ):
        files = sorted(p.relative_to(project.out) for p in project.out.rglob("*") if p.is_file())
        assert files == sorted(p.relative_to(twin.out) for p in twin.out.rglob("*") if p.is_file())
        for path in files:
            text, neutral_text = (
                (o / path).read_text(encoding="utf-8") for o in (project.out, twin.out)
            )
            if path.suffix == ".html":
                actual, expected = html_skeleton(text), html_skeleton(neutral_text)
            elif path.suffix == ".md":
                actual, expected = markdown_skeleton(text), markdown_skeleton(neutral_text)
            else:
                continue
            if actual != expected:
                at = next(
                    (i for i, pair in enumerate(zip(actual, expected)) if pair[0] != pair[1]),
                    min(len(actual), len(expected)),
                )
                raise AssertionError(
                    f"{path}: catalogue text changed the markup at {at}:"
                    f" {actual[max(at - 3, 0) : at + 3]} where neutral text gives"
                    f" {expected[max(at - 3, 0) : at + 3]}"
                )
        check_search_index(project)


def line_of(yaml_text: str, value: str) -> int:
    """The line of the YAML text that holds ``value``."""
    return next(i for i, line in enumerate(yaml_text.splitlines(), 1) if value in line)


TEXT_FIELDS: dict[str, Any] = {
    "title": lambda c, text: c.update(title=text),
    "source": lambda c, text: c.update(source=text),
    "message": lambda c, text: c["errors"][0]["message"].update(zh=text),
    "solution": lambda c, text: c["errors"][0].update(solution={"en": text}),
    "deprecated.reason": lambda c, text: c["errors"][0].update(deprecated={"reason": text}),
    "reserved.reason": lambda c, text: c.update(reserved=[{"code": 2, "reason": text}]),
}


def one_entry(platform_name: str = "p") -> dict[str, Any]:
    """The smallest valid catalogue."""
    return {
        "platform": platform_name,
        "title": "t",
        "source": "s",
        "code_type": "integer",
        "errors": [{"code": 1, "name": "A", "message": {"en": "m"}}],
    }


@pytest.mark.parametrize("field", TEXT_FIELDS)
@pytest.mark.parametrize("parser", ["libyaml", "pure Python"])
@pytest.mark.parametrize("surrogate", ["\ud800", "\udfff", "\ud83d"], ids=["D800", "DFFF", "D83D"])
def test_lone_surrogates_are_refused(
    parser: str, field: str, surrogate: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lone surrogate has no UTF-8 form, so no target can carry it: refused, at its line.

    libyaml already refuses a surrogate escape; PyYAML's own parser (the loader's fallback
    without libyaml) reads it, and validation must then refuse it with TEXT."""
    if parser == "pure Python":
        monkeypatch.setattr(load, "_loader", lambda: yaml.SafeLoader)
    catalogue = one_entry()
    TEXT_FIELDS[field](catalogue, "SENTINEL")
    line = line_of(catalogue_yaml(catalogue), "SENTINEL")
    TEXT_FIELDS[field](catalogue, f"half an emoji: {surrogate}!")
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        write_project(root, [catalogue], ascii_only=False)
        status, output = codegen(root, "generate", *(f"--target={t}" for t in TARGETS))
        checks = ["TEXT"] if parser == "pure Python" else ["YAML", "TEXT"]
        assert status == 1, output
        assert any(
            d.startswith(f"catalogs/p.yaml:{line}:") and f"error[{check}]" in d
            for d in output.splitlines()
            for check in checks
        ), output
        assert not (root / "out").exists()


PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
"""README: a placeholder is an identifier in braces; other braces are plain text."""


@settings(PROFILE, max_examples=200)
@given(
    st.dictionaries(
        language,
        st.tuples(free_text, st.sets(st.sampled_from(PLACEHOLDER_NAMES), max_size=2)),
        min_size=1,
        max_size=3,
    ),
    st.sampled_from(["message", "solution"]),
)
def test_placeholders_must_agree_across_languages(
    drafts: dict[str, tuple[str, set[str]]], field: str
) -> None:
    texts = {
        lang: text + "".join(f"{{{p}}}" for p in names) for lang, (text, names) in drafts.items()
    }
    catalogue = one_entry()
    catalogue["errors"][0][field] = texts
    differ = len({frozenset(PLACEHOLDER.findall(t)) for t in texts.values()}) > 1
    first = line_of(catalogue_yaml(catalogue), f"    {field}:")
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        write_project(root, [catalogue], ascii_only=False)
        status, output = codegen(root, "validate")
    found = [d for d in output.splitlines() if "error[PLACEHOLDER_MISMATCH]" in d]
    assert (status, len(found)) == ((1, 1) if differ else (0, 0)), output
    if differ:
        assert first <= int(found[0].split(":")[1]) <= first + len(texts), output


TSC_REFUSED = "await implements interface let package private protected public static yield"


@pytest.mark.parametrize("word", TSC_REFUSED.split())
def test_words_tsc_refuses_are_reserved_platforms(word: str) -> None:
    """index.ts re-exports each platform as `export * as <platform>`, which tsc refuses
    for these words: the tool must refuse them as platforms first."""
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        write_project(root, [one_entry(word)], ascii_only=False)
        status, output = codegen(root, "validate")
    assert status == 1 and "error[RESERVED_NAME]" in output, output
