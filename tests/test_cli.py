"""The command line: exit statuses, what generate writes and leaves alone, what check reports."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CASES, ROOT, Run

GOOD = CASES / "features" / "catalogs"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of a good catalogue directory to break at will, as the working directory."""
    shutil.copytree(GOOD, tmp_path / "catalogs")
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def in_case(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the golden case's directory, under its own (default) configuration."""
    monkeypatch.chdir(GOOD.parent)


def snapshot(directory: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(directory).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def test_validate_clean_exits_0(codegen: Callable[..., Run], in_case: None) -> None:
    result = codegen("validate", "--catalogs", GOOD)
    assert (result.status, result.stdout) == (0, "")
    assert "1 catalogue(s), 9 code(s): 0 error(s)" in result.stderr


def test_validate_named_files(codegen: Callable[..., Run], in_case: None) -> None:
    assert codegen("validate", GOOD / "features.yaml").status == 0
    assert codegen("validate", CASES / "invalid" / "catalogs" / "broken.yaml").status == 1


@pytest.mark.parametrize(
    "argv",
    [
        ("validate", "--catalogs", "no/such/dir"),
        ("validate", "no/such/file.yaml"),
        ("generate", "--target", "cobol", "--catalogs", str(GOOD)),
        ("frobnicate",),
        (),
    ],
)
def test_usage_and_unreadable_input_exit_2(
    codegen: Callable[..., Run], argv: tuple[str, ...]
) -> None:
    result = codegen(*argv)
    assert result.status == 2
    assert "Traceback" not in result.stdout + result.stderr


def test_not_utf8_exits_2(codegen: Callable[..., Run], project: Path) -> None:
    (project / "catalogs" / "latin1.yaml").write_bytes(b"platform: caf\xe9\n")
    result = codegen("validate", "--catalogs", project / "catalogs")
    assert result.status == 2
    assert "latin1.yaml:1:14: error[UNREADABLE]: not UTF-8" in result.stdout


def test_generate_is_idempotent_and_leaves_mtimes(
    codegen: Callable[..., Run], project: Path
) -> None:
    out = project / "out"
    assert codegen("generate", "--catalogs", project / "catalogs", "--out", out).status == 0
    before = snapshot(out)
    result = codegen("generate", "--catalogs", project / "catalogs", "--out", out)
    assert result.status == 0
    files = sum(1 for p in out.rglob("*") if p.is_file())
    assert f"0 written, 0 removed, {files} unchanged" in result.stdout
    assert snapshot(out) == before


def test_generate_writes_nothing_on_error(codegen: Callable[..., Run], project: Path) -> None:
    out = project / "out"
    assert codegen("generate", "--catalogs", project / "catalogs", "--out", out).status == 0
    before = snapshot(out)
    catalog = project / "catalogs" / "features.yaml"
    catalog.write_text(catalog.read_text().replace("name: OK", "name: ok"))
    (project / "catalogs" / "second.yaml").write_text(
        "platform: second\ntitle: t\nsource: s\ncode_type: integer\nerrors:\n"
        "  - code: 1\n    name: A\n    message:\n      en: a\n"
    )
    result = codegen("generate", "--catalogs", project / "catalogs", "--out", out)
    assert result.status == 1
    assert "features.yaml:20:11: error[SCHEMA]" in result.stdout
    assert snapshot(out) == before


def test_generate_removes_only_its_own_orphans(codegen: Callable[..., Run], project: Path) -> None:
    out = project / "out"
    extra = project / "catalogs" / "extra.yaml"
    extra.write_text(
        "platform: extra\ntitle: t\nsource: s\ncode_type: integer\nerrors:\n"
        "  - code: 1\n    name: A\n    message:\n      en: a\n"
    )
    codegen("generate", "--catalogs", project / "catalogs", "--out", out)
    assert (out / "go" / "extra" / "extra.go").exists()
    handwritten = out / "go" / "extra" / "helpers.go"
    handwritten.write_text("package extra\n")
    extra.unlink()
    result = codegen("generate", "--catalogs", project / "catalogs", "--out", out)
    assert result.status == 0
    assert not (out / "go" / "extra" / "extra.go").exists()
    assert not (out / "python" / "errcodes" / "extra.py").exists()
    assert not (out / "typescript" / "extra.js").exists()
    assert handwritten.read_text() == "package extra\n"


def test_target_selection(codegen: Callable[..., Run], project: Path) -> None:
    out = project / "out"
    assert (
        codegen(
            "generate", "--catalogs", project / "catalogs", "--out", out, "--target", "go"
        ).status
        == 0
    )
    assert sorted(p.name for p in out.iterdir()) == ["go"]


def test_check_names_every_kind_of_drift(codegen: Callable[..., Run], project: Path) -> None:
    out = project / "out"
    catalogs = project / "catalogs"
    assert codegen("check", "--catalogs", catalogs, "--out", out).status == 1
    codegen("generate", "--catalogs", catalogs, "--out", out)
    clean = codegen("check", "--catalogs", catalogs, "--out", out)
    assert clean.status == 0, clean.stdout

    python = out / "python" / "errcodes" / "features.py"
    python.write_text(python.read_text().replace('"ok"', '"OK!"'))
    (out / "typescript" / "features.js").unlink()
    orphan = out / "go" / "gone" / "gone.go"
    orphan.parent.mkdir()
    orphan.write_text("// Code generated by codegen 0.1.0 from x. DO NOT EDIT.\npackage gone\n")
    catalog = catalogs / "features.yaml"
    catalog.write_text(catalog.read_text().replace("Feature removed", "Feature retired"))

    result = codegen("check", "--catalogs", catalogs, "--out", out)
    assert result.status == 1
    # Named relative to the project, however --out was given.
    lines = [line for line in result.stdout.splitlines() if line.startswith("out/")]
    assert lines == [
        "out/docs/features.html: stale: generated from another version of its catalogue or of codegen",
        "out/docs/index.html: stale: generated from another version of its catalogue or of codegen",
        "out/docs/markdown/README.md: stale: generated from another version of its catalogue or of codegen",
        "out/docs/markdown/features.md: stale: generated from another version of its catalogue or of codegen",
        "out/docs/search-index.js: stale: generated from another version of its catalogue or of codegen",
        "out/go/features/features.go: stale: generated from another version of its catalogue or of codegen",
        "out/python/errcodes/features.py: stale: generated from another version of its catalogue or of codegen",
        "out/report/shared_codes.json: stale: generated from another version of its catalogue or of codegen",
        "out/report/shared_codes.md: stale: generated from another version of its catalogue or of codegen",
        "out/rust/src/features.rs: stale: generated from another version of its catalogue or of codegen",
        "out/typescript/features.d.ts: stale: generated from another version of its catalogue or of codegen",
        "out/typescript/features.js: missing: not generated yet",
        "out/vectors/features.json: stale: generated from another version of its catalogue or of codegen",
        "out/go/gone/gone.go: orphaned: generated for a catalogue or target that no longer exists",
    ]
    assert '-            "en": "OK!",' in result.stdout
    assert '+            "en": "ok",' in result.stdout


def test_check_tells_hand_edits_from_staleness(codegen: Callable[..., Run], project: Path) -> None:
    out = project / "out"
    codegen("generate", "--catalogs", project / "catalogs", "--out", out)
    go = out / "go" / "features" / "features.go"
    go.write_text(go.read_text().replace("Code(", "Kode("))
    result = codegen("check", "--catalogs", project / "catalogs", "--out", out)
    assert result.status == 1
    assert (
        "out/go/features/features.go: hand-edited: edited after generation: its header"
        " matches, its body does not" in result.stdout
    )


def test_config_from_pyproject(
    codegen: Callable[..., Run], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.codegen]\ncatalogs = "catalogs"\nout = "generated"\ntargets = ["python"]\n'
        'python_package = "vendor_errors"\n'
    )
    monkeypatch.chdir(project)
    assert codegen("generate").status == 0
    assert (project / "generated" / "python" / "vendor_errors" / "features.py").exists()
    assert not (project / "generated" / "go").exists()


def test_bad_config_is_a_usage_error(
    codegen: Callable[..., Run], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text('[tool.codegen]\ncatalog = "catalogs"\n')
    monkeypatch.chdir(project)
    result = codegen("validate")
    assert result.status == 2
    assert "unknown setting catalog" in result.stderr


def test_console_script_and_module_agree() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    module = subprocess.run(
        [
            sys.executable,
            "-m",
            "codegen",
            "validate",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=CASES / "invalid",
    )
    assert module.returncode == 1
    assert module.stdout == (CASES / "invalid" / "validate.txt").read_text()
    assert "Traceback" not in module.stderr


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[tool.codegen.severity]\nNO_SUCH_CHECK = "error"\n', "names unknown check NO_SUCH_CHECK"),
        (
            '[tool.codegen.severity]\nDUPLICATE_CODE = "fatal"\n',
            "must be one of error, warning, info, off",
        ),
        ('[tool.codegen.severity]\nSCHEMA = "off"\n', "SCHEMA is always an error"),
    ],
)
def test_bad_severity_configuration(
    codegen: Callable[..., Run], project: Path, table: str, message: str
) -> None:
    (project / "pyproject.toml").write_text(table)
    result = codegen("validate")
    assert result.status == 2
    assert message in result.stderr


def test_severity_configuration_changes_and_silences(
    codegen: Callable[..., Run], project: Path
) -> None:
    catalog = project / "catalogs" / "features.yaml"
    catalog.write_text(
        catalog.read_text().replace('en: "Feature removed"', 'en: "Old limit exceeded"')
    )
    assert "warning[DUPLICATE_MESSAGE]" in codegen("validate").stdout
    (project / "pyproject.toml").write_text(
        '[tool.codegen.severity]\nDUPLICATE_MESSAGE = "error"\n'
    )
    assert codegen("validate").status == 1
    (project / "pyproject.toml").write_text('[tool.codegen.severity]\nDUPLICATE_MESSAGE = "off"\n')
    assert codegen("validate").stdout == ""


def test_broken_taxonomy_is_reported_at_its_line(
    codegen: Callable[..., Run], project: Path
) -> None:
    (project / "categories.yaml").write_text(
        "rate_limit: too many\nBad-Name: x\nempty: ''\n\"trailing\\n\": a newline\n"
    )
    (project / "pyproject.toml").write_text('[tool.codegen]\ncategories = "categories.yaml"\n')
    result = codegen("validate")
    assert result.status == 1
    assert result.stdout.splitlines() == [
        "categories.yaml:2:1: error[SCHEMA]: categories: 'Bad-Name' does not match '^[a-z][a-z0-9_]*$'",
        "categories.yaml:3:8: error[SCHEMA]: categories: '' should be non-empty",
        "categories.yaml:4:1: error[SCHEMA]: categories: 'trailing\\n' does not match"
        " '^[a-z][a-z0-9_]*$'",
    ]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [
        ("max_entries = 2", ":19:3: error[LIMIT]: 9 entries, over the limit of 2 (max_entries)"),
        (
            "max_text_length = 20",
            ":5:9: error[LIMIT]: source is 34 characters long, over the limit of 20"
            " (max_text_length)",
        ),
    ],
)
def test_limits_are_configurable_and_reported(
    codegen: Callable[..., Run], project: Path, setting: str, expected: str
) -> None:
    (project / "pyproject.toml").write_text(f"[tool.codegen]\n{setting}\n")
    result = codegen("generate", "--no-cache")
    assert result.status == 1
    assert f"catalogs/features.yaml{expected}" in result.stdout.splitlines()[0]
    assert not (project / "out").exists()


def test_file_size_limit(codegen: Callable[..., Run], project: Path) -> None:
    (project / "pyproject.toml").write_text("[tool.codegen]\nmax_file_bytes = 100\n")
    result = codegen("validate", "--no-cache")
    assert result.status == 2
    assert "over the limit of 100 bytes (max_file_bytes)" in result.stdout


@pytest.mark.parametrize("setting", ["max_entries = 0", 'max_text_length = "big"'])
def test_bad_limit_is_a_usage_error(
    codegen: Callable[..., Run], project: Path, setting: str
) -> None:
    (project / "pyproject.toml").write_text(f"[tool.codegen]\n{setting}\n")
    result = codegen("validate")
    assert result.status == 2
    assert "must be a positive integer" in result.stderr


def test_checks_lists_information_rules_as_info(codegen: Callable[..., Run]) -> None:
    listing = codegen("checks").stdout
    assert "SHARED_CODE_CONFLICT   info " in listing
    assert "TEXT_CHANGED           info " in listing
    assert "CATEGORY_REQUIRED      error" in listing  # this repository turns it on


def test_output_whose_reader_went_away_is_no_bug() -> None:
    """`codegen checks | head -1`: the pipe closes under codegen, which stops without a word,
    with the status a shell gives a program SIGPIPE ended."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    program = "import codegen.cli as c; c.entry_point()"
    process = subprocess.Popen(
        [sys.executable, "-c", program, "checks"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # before a line is written
    assert (process.wait(), process.stderr.read()) == (141, b"")
    process.stderr.close()


def test_a_bug_is_one_line_and_exit_3_not_a_traceback(tmp_path: Path) -> None:
    program = "import codegen.cli as c; c.main = lambda: 1 / 0; c.entry_point()"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("CODEGEN_TRACEBACK", None)
    result = subprocess.run(
        [sys.executable, "-c", program], env=env, capture_output=True, text=True
    )
    assert (result.returncode, result.stdout) == (3, "")
    assert result.stderr == (
        "codegen: internal error: ZeroDivisionError: division by zero; please report it"
        " (CODEGEN_TRACEBACK=1 shows where)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", program],
        env={**env, "CODEGEN_TRACEBACK": "1"},
        capture_output=True,
        text=True,
    )
    assert "Traceback" in shown.stderr


def test_check_shows_what_is_on_disk_as_visible_lines(
    codegen: Callable[..., Run], project: Path
) -> None:
    assert codegen("generate").status == 0
    python = project / "out" / "python" / "errcodes" / "features.py"
    python.write_text(python.read_text() + "# \x1b[2J\r::error file=x::forged\n")
    result = codegen("check")
    assert result.status == 1
    assert "-# \\x1b[2J" in result.stdout
    assert "\x1b" not in result.stdout and "\r" not in result.stdout
    assert "--- out/python/errcodes/features.py (on disk)" in result.stdout
    assert str(project) not in result.stdout
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


def test_a_refusal_to_write_is_exit_2_and_one_line(
    codegen: Callable[..., Run], project: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    assert codegen("generate").status == 0
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    package = project / "out" / "python" / "errcodes"
    shutil.rmtree(package)
    package.symlink_to(elsewhere)
    catalog = project / "catalogs" / "features.yaml"
    catalog.write_text(catalog.read_text().replace("Feature removed", "Feature retired"))
    for command in ("generate", "check"):
        result = codegen(command)
        assert (result.status, result.stderr) == (
            2,
            "codegen: out/python/errcodes is a symbolic link; codegen does not write through"
            " links: remove it\n",
        ), command
    assert list(elsewhere.iterdir()) == []


def test_help_is_written_for_users(
    codegen: Callable[..., Run], capsys: pytest.CaptureFixture[str]
) -> None:
    assert codegen("--help").status == 0
    text = capsys.readouterr().out
    assert "Compile error-code catalogues" in text
    for command in ("validate", "generate", "check", "breaking", "report", "export", "checks"):
        assert f"    {command}" in text
    assert "exit status: 0 clean" in text
    assert codegen("generate", "--help").status == 0
    text = capsys.readouterr().out
    assert "--out DIR" in text and "--target NAME" in text and "--no-cache" in text


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(
    codegen: Callable[..., Run], flag: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert codegen(flag).status == 0
    assert capsys.readouterr().out.startswith("codegen ")


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [("genrate", "generate"), ("chek", "check"), ("valdate", "validate"), ("brekaing", "breaking")],
)
def test_a_mistyped_command_gets_a_suggestion(
    codegen: Callable[..., Run], typed: str, suggestion: str
) -> None:
    result = codegen(typed)
    assert result.status == 2
    assert result.stderr.startswith(
        f"codegen: unknown command {typed!r}; did you mean {suggestion}? (commands: validate,"
    )


def test_an_unknown_command_without_a_likeness_lists_the_commands(
    codegen: Callable[..., Run],
) -> None:
    result = codegen("deploy")
    assert (result.status, result.stderr) == (
        2,
        "codegen: unknown command 'deploy' (commands: validate, generate, check, breaking,"
        " changelog, report, export, classify, observe, checks)\n",
    )


def test_export_prints_the_data_model(codegen: Callable[..., Run], project: Path) -> None:
    import json

    import jsonschema

    result = codegen("export")
    assert result.status == 0, result.stderr
    model = json.loads(result.stdout)
    schema = json.loads((ROOT / "schema" / "datamodel.schema.json").read_text())
    jsonschema.Draft202012Validator(schema).validate(model)
    assert [c["platform"] for c in model["catalogs"]] == ["features"]
    catalog = project / "catalogs" / "features.yaml"
    catalog.write_text(catalog.read_text().replace("code_type: integer", "code_type: number"))
    broken = codegen("export")
    assert (broken.status, broken.stdout) == (1, "")
    assert broken.stderr.endswith("codegen: nothing exported: fix the errors above first\n")


def test_the_version_is_the_installed_distributions() -> None:
    """codegen.__version__ is written out (reading the installed metadata costs more than
    the rest of --version): it is pyproject.toml's, and the installed distribution's."""
    import tomllib
    from importlib import metadata

    import codegen

    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert codegen.__version__ == project["version"] == metadata.version("errcodes-codegen")
    shown = subprocess.run(
        [sys.executable, "-m", "codegen", "--version"], capture_output=True, text=True
    )
    assert shown.stdout == f"codegen {metadata.version('errcodes-codegen')}\n"


HEAVY = ("yaml", "jinja2", "jsonschema", "fastjsonschema", "importlib.metadata", "email")

IMPORTED = f"""\
import json, sys
from codegen.cli import main
status = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.startswith({HEAVY!r}))
ours = sorted(m for m in sys.modules if m.startswith("codegen"))
print("imported: " + json.dumps([status, heavy, ours]), file=sys.stderr)
"""


def imported(cwd: Path, *argv: str) -> tuple[int, list[str], list[str]]:
    """The exit status of ``codegen argv`` run in a process of its own, and the modules it
    imported: the libraries of HEAVY, and codegen's."""
    result = subprocess.run(
        [sys.executable, "-c", IMPORTED, *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
    )
    line = result.stderr.strip().splitlines()[-1]
    assert line.startswith("imported: "), result.stderr
    status, heavy, ours = json.loads(line.removeprefix("imported: "))
    return status, heavy, ours


def test_commands_import_only_what_they_need(project: Path) -> None:
    """--version imports the command line alone; a check or a generate the cache answers
    whole parses no YAML, renders no template, validates no schema and reads no package
    metadata: their libraries are not even imported."""
    assert imported(project, "--version") == (0, [], ["codegen", "codegen.cli"])
    for command in ("generate", "validate"):
        assert imported(project, command)[0] == 0  # into the cache
    for command in ("check", "generate", "validate"):
        status, heavy, ours = imported(project, command)
        assert (status, heavy) == (0, []), command
        assert not [
            m for m in ours if m.startswith("codegen.targets.") and "charset" not in m
        ], command
        assert not {
            "codegen.load",
            "codegen.validate",
            "codegen.checks",
            "codegen.render.jinja2",
        } & set(ours)
