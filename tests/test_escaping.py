"""Text from outside (a catalogue's path and texts, a file name) stays text wherever it lands:
in the header of every generated file, past the schema's patterns, in the report's Markdown
and in the lines printed for people. Each test holds what was once found to get through."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tokenize
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.diagnostics import Diagnostic, Location, Severity, printable
from codegen.formats import render
from codegen.load import YamlMap, load_bytes
from codegen.model import Catalog, Entry
from codegen.targets.vectors import unknown_codes, unknown_languages
from codegen.validate import _fast_validator, _validator, end_of_string, passes
from conftest import CASES, Run, toolchain

GO_ENV = {"GOWORK": "off", "GOTOOLCHAIN": "local", "GOFLAGS": "-mod=mod"}


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


# The smallest catalogue that uses every field a pattern guards.
VALID = """\
platform: p
title: t
source: s
code_type: string
code_space: space
errors:
  - code: "A1"
    name: FIRST
    aliases: [OLD_FIRST]
    message: {en: first}
    solution: {en: solve}
    category: parameter
    deprecated: {reason: r, replaced_by: SECOND}
    suppress: {DUPLICATE_MESSAGE: why}
  - code: "A2"
    name: SECOND
    message: {en: second}
    category: quota
reserved:
  - {code: "A3", name: GONE, reason: r}
suppress: {RESERVED_NAME: why}
"""


# --- diagnostics for people ---------------------------------------------------------------

FORGED = "catalogs/p\n::error file=ci.yml,line=1::forged\r\x1b[2K\u2028\u202e.yaml"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain, 中文 and 😀", "plain, 中文 and 😀"),
        ("a\nb\rc\td", "a\\nb\\rc\\td"),
        ("\x00\x1b[31m\x7f\x85\xa0", "\\x00\\x1b[31m\\x7f\\x85\\xa0"),
        ("\u2028\u2029\u202e\ufeff\U000e0001", "\\u2028\\u2029\\u202e\\ufeff\\U000e0001"),
        ("C:\\catalogs\\p.yaml", "C:\\catalogs\\p.yaml"),
    ],
)
def test_printable_escapes_what_is_not_visible(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_a_diagnostic_is_always_one_line() -> None:
    diagnostic = Diagnostic(
        "SCHEMA", Severity.ERROR, Location(FORGED, 3, 4), "name: 'A\n' and \u2028 then \x1b[0m"
    )
    line = diagnostic.render()
    assert line.isprintable()
    assert line == (
        "catalogs/p\\n::error file=ci.yml,line=1::forged\\r\\x1b[2K\\u2028\\u202e.yaml:3:4:"
        " error[SCHEMA]: name: 'A\\n' and \\u2028 then \\x1b[0m"
    )
    assert render([diagnostic, diagnostic], "text", {}, "1") == f"{line}\n{line}\n"


def test_a_file_name_cannot_forge_a_workflow_command(
    codegen: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The platform differs from the file name: the diagnostic prints that name."""
    catalogs = tmp_path / "catalogs"
    catalogs.mkdir()
    name = "p\n::error file=ci.yml::forged\u2028.yaml"
    (catalogs / name).write_text(VALID)
    monkeypatch.chdir(tmp_path)
    result = codegen("validate", "--no-cache")
    assert result.status == 1
    lines = result.stdout.splitlines()
    assert lines and all(
        line.startswith("catalogs/p\\n::error file=ci.yml::forged") for line in lines
    )
    assert all(line.isprintable() for line in lines)


# --- headers ------------------------------------------------------------------------------

# Every character a directory name may hold that once left the header's comment: line
# breaks, a separator, closers of block and HTML comments ("*" + "/" of the path is "*/"),
# Python's encoding cookie (coding:utf_7 made "+AAo-" in any comment a line break), a
# bidirectional override and an escape sequence.
HOSTILE_DIRECTORY = (
    'x\nimport os; os.system("echo pwned")\r# \u2028 --> --!> coding:utf_7 \u202e\x1b[31m *'
)
ESCAPED_DIRECTORY = (
    'x\\nimport os; os.system("echo pwned")\\r# \\u2028 -\\-> -\\-!> c\\oding:utf_7'
    " \\u202e\\x1b[31m *\\/catalogs"
)


@pytest.fixture
def hostile_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The features case and a string-coded case, in a directory named HOSTILE_DIRECTORY."""
    catalogs = tmp_path / HOSTILE_DIRECTORY / "catalogs"
    catalogs.mkdir(parents=True)
    for case in ("features", "string_codes"):
        for path in (CASES / case / "catalogs").glob("*.yaml"):
            shutil.copy(path, catalogs)
    (tmp_path / "pyproject.toml").write_text("[tool.codegen]\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def generate(codegen: Callable[..., Run], *argv: str) -> Run:
    result = codegen("generate", "--no-cache", "--catalogs", f"{HOSTILE_DIRECTORY}/catalogs", *argv)
    assert result.status == 0, result.stdout + result.stderr
    return result


def first_line_body(path: Path) -> str:
    """The header's text without its comment markers (JSON: the "generated" string)."""
    text = path.read_text(encoding="utf-8")
    line = text.split("\n", 1)[0]
    leaders = {
        ".py": "# ",
        ".ts": "// ",
        ".js": "// ",
        ".go": "// ",
        ".mod": "// ",
        ".rs": "// ",
        ".toml": "# ",
        ".typed": "# ",
        ".md": "<!-- ",
        ".html": "<!-- ",
        ".css": "/* ",
    }
    if path.suffix == ".json":
        assert line.startswith('{"generated": ') and line.endswith(","), line
        generated: str = json.loads(line.removesuffix(",") + "}")["generated"]
        return generated
    assert line.startswith(leaders[path.suffix]), line
    body = line.removeprefix(leaders[path.suffix])
    if path.suffix in (".md", ".html"):
        assert body.endswith(" -->"), line
        body = body.removesuffix(" -->")
    if path.suffix == ".css":
        assert body.endswith(" */"), line
        body = body.removesuffix(" */")
    return body


def test_every_header_is_one_line_that_shows_the_path_escaped(
    codegen: Callable[..., Run], hostile_project: Path
) -> None:
    generate(codegen)
    files = sorted(p for p in (hostile_project / "out").rglob("*") if p.is_file())
    assert len(files) > 10
    # Files that gather every catalogue name none of them.
    aggregates = ("go.mod", "__init__.py", "Cargo.toml", "lib.rs", "package.json")
    aggregates += ("index.js", "index.d.ts", "common.js", "common.d.ts")
    aggregates += ("_support.py", "py.typed", "pyproject.toml", "support.rs")
    aggregates += ("index.html", "site.css", "search.js", "search-index.js", "README.md")
    for path in files:
        body = first_line_body(path)
        assert body.startswith("Code generated by codegen ") and body.endswith("DO NOT EDIT.")
        assert body.isprintable(), path
        assert not any(closer in body for closer in ("*/", "-->", "--!>", "coding:")), body
        if path.name not in aggregates and path.parent.name != "report":
            assert ESCAPED_DIRECTORY in body, body


def test_python_reads_the_header_as_one_comment(
    codegen: Callable[..., Run], hostile_project: Path
) -> None:
    generate(codegen)
    modules = sorted((hostile_project / "out" / "python").rglob("*.py"))
    for path in modules:
        source = path.read_bytes()
        compile(source, str(path), "exec")
        with path.open("rb") as handle:
            tokens = list(tokenize.tokenize(handle.readline))[:4]
        # UTF-8, then the comment and its line end alone on line 1: the next token is on 2.
        assert [t.type for t in tokens[:3]] == [tokenize.ENCODING, tokenize.COMMENT, tokenize.NL]
        assert tokens[0].string == "utf-8" and tokens[3].start[0] == 2


def test_markdown_header_is_the_only_comment(
    codegen: Callable[..., Run], hostile_project: Path
) -> None:
    generate(codegen, "--target", "report", "--target", "docs")
    out = hostile_project / "out"
    docs = sorted(p for p in (out / "docs").rglob("*") if p.suffix in (".md", ".html"))
    pages = [out / "report" / "shared_codes.md", *docs]
    assert len(pages) == 7  # the report; two platforms and an index, as HTML and Markdown
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert text.count("<!--") == text.count("-->") == 1, page
        assert text.index("-->") < text.index("\n")


def test_typescript_and_go_compile_under_a_hostile_path(
    codegen: Callable[..., Run], hostile_project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    generate(codegen)
    out = hostile_project / "out"
    work = tmp_path_factory.mktemp("tsc")
    (work / "package.json").write_text('{"type": "module"}\n')
    flags = ["--strict", "--skipDefaultLibCheck", "--noEmit", "--module", "nodenext"]
    declarations = sorted((out / "typescript").glob("*.d.ts"))
    run([toolchain("tsc"), *flags, *declarations])
    index = (out / "typescript" / "index.js").as_uri()
    run([toolchain("node"), "--input-type=module", "-e", f"await import({json.dumps(index)})"])
    run([toolchain("go"), "vet", "./..."], cwd=out / "go", env=GO_ENV)


# --- schema patterns ----------------------------------------------------------------------

# Each field a pattern guards, as (what to replace in VALID, its replacement): a trailing
# newline in a quoted string once passed every pattern (Python's "$" matches before it).
TRAILING_NEWLINE = {
    "platform": ("platform: p", 'platform: "p\\n"'),
    "code_space": ("code_space: space", 'code_space: "space\\n"'),
    "code": ('code: "A1"', 'code: "A1\\n"'),
    "name": ("name: FIRST", 'name: "FIRST\\n"'),
    "alias": ("[OLD_FIRST]", '["OLD_FIRST\\n"]'),
    "replaced_by": ("replaced_by: SECOND", 'replaced_by: "SECOND\\n"'),
    "category": ("category: parameter", 'category: "parameter\\n"'),
    "message language": ("{en: first}", '{"en\\n": first}'),
    "solution language": ("{en: solve}", '{"en\\n": solve}'),
    "suppress check ID": ("{DUPLICATE_MESSAGE: why}", '{"DUPLICATE_MESSAGE\\n": why}'),
    "catalogue suppress": ("{RESERVED_NAME: why}", '{"RESERVED_NAME\\n": why}'),
    "reserved code": ('code: "A3"', 'code: "A3\\n"'),
    "reserved name": ("name: GONE", 'name: "GONE\\n"'),
}


def test_the_valid_catalogue_is_valid(codegen: Callable[..., Run], tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(VALID)
    result = codegen("validate", "--no-cache", tmp_path / "p.yaml")
    assert result.status == 0 and "error" not in result.stdout, result.stdout


@pytest.mark.parametrize("field", TRAILING_NEWLINE)
def test_a_trailing_newline_breaks_every_pattern(
    codegen: Callable[..., Run], tmp_path: Path, field: str
) -> None:
    old, new = TRAILING_NEWLINE[field]
    assert VALID.count(old) == 1
    text = VALID.replace(old, new)
    line, column = next(
        (number, row.index(new) + new.index('"') + 1)
        for number, row in enumerate(text.splitlines(), 1)
        if new in row
    )
    (tmp_path / "p.yaml").write_text(text)
    result = codegen("validate", "--no-cache", tmp_path / "p.yaml")
    assert result.status == 1
    errors = [row for row in result.stdout.splitlines() if "error[" in row]
    assert len(errors) == 1 and f"p.yaml:{line}:{column}: error[SCHEMA]: " in errors[0], errors
    # The two validators agree; messages name the pattern as the schema writes it.
    root = load_bytes(text.encode(), "p.yaml").root
    assert isinstance(root, YamlMap)
    assert not passes(_fast_validator(), root) and list(_validator().iter_errors(root))
    assert "\\Z" not in errors[0]


def test_a_pattern_message_shows_the_pattern_as_written(
    codegen: Callable[..., Run], tmp_path: Path
) -> None:
    (tmp_path / "p.yaml").write_text(VALID.replace("name: FIRST", 'name: "FIRST\\n"'))
    result = codegen("validate", "--no-cache", tmp_path / "p.yaml")
    assert "'FIRST\\n' does not match ^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$" in result.stdout


@pytest.mark.parametrize(
    ("pattern", "python"),
    [
        ("^[a-z]+$", "^[a-z]+\\Z"),
        ("^a$|^b$", "^a\\Z|^b\\Z"),
        ("^a\\$$", "^a\\$\\Z"),
        ("^a\\\\$", "^a\\\\\\Z"),
        ("^[$]x[^\\]$]$", "^[$]x[^\\]$]\\Z"),
        ("\\S", "\\S"),
    ],
)
def test_end_anchors_become_end_of_string(pattern: str, python: str) -> None:
    assert end_of_string(pattern) == python


# --- lookups by key -----------------------------------------------------------------------


def test_vectors_ask_every_language_for_the_keys_of_object_prototype() -> None:
    """Looking these up must find nothing in any language: the conformance tests ask the
    TypeScript, where a record lookup that forgets own properties finds Object.prototype."""
    entry = Entry(code="constructor", name="A", message={"xx": "m", "en": "m"})
    catalog = Catalog("p.yaml", "p", "t", "s", "string", (entry,), "0" * 64)
    assert unknown_codes(catalog) == ["__proto__", "toString", "hasOwnProperty", "valueOf"]
    keys = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"]
    assert unknown_languages(catalog) == ["xxx", *keys]
    numbers = Catalog("p.yaml", "p", "t", "s", "integer", (Entry(0, "A", {"en": "m"}),), "0")
    assert unknown_codes(numbers) == [1]
