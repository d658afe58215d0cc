"""Text from outside (a catalogue's path and texts, a file name) stays text wherever it lands:
in the header of every generated file, past the schema's patterns, in the report's Markdown
and in the lines printed for people. Each test holds what was once found to get through."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.diagnostics import Diagnostic, Location, Severity, printable
from codegen.formats import render
from conftest import Run

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
