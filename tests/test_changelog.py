"""``codegen changelog --against REF``: release notes from a git revision or a directory to the
working tree, checked as exact Markdown; hostile catalogue text stays text; refusals are one
line and exit 2; ``--output`` writes whole files only."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.breaking import RULES
from codegen.changelog import SECTION
from conftest import ROOT, Run

BASE = """\
platform: demo
title: Demo API
source: https://example.com/errors
code_type: integer
errors:
  - code: 1
    name: BAD_TOKEN
    message:
      en: "Bad token {token}"
      zh: "令牌错误 {token}"
    category: credentials
    http_status: 401
    retryable: false
  - code: 2
    name: OLD_THING
    message: {en: "Old thing"}
    deprecated: {reason: "Use BAD_TOKEN."}
  - code: 3
    name: RATE_LIMITED
    message: {en: "Slow down"}
    category: rate_limit
    retryable: true
  - code: 4
    name: GOING_AWAY
    message: {en: "Going away"}
  - code: 5
    name: LEGACY
    message: {en: "Legacy"}
"""

ADDED = """\
  - code: 6
    name: NEW_THING
    message: {en: "New thing"}
    category: server
    http_status: 503
    retryable: true
"""

OTHER = """\
platform: other
title: Other API
source: https://example.com/other
code_type: string
errors:
  - code: "E1"
    name: BROKEN
    message: {en: "Broken"}
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose commit tagged ``v1`` holds catalogs/demo.yaml = BASE."""
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "config", "user.email", "ci@example.com")
    git(tmp_path, "config", "user.name", "CI")
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "demo.yaml").write_text(BASE, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "v1")
    git(tmp_path, "tag", "v1")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(repo: Path, change: Callable[[str], str], name: str = "demo.yaml") -> None:
    path = repo / "catalogs" / name
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")


def release(text: str) -> str:
    """The edits of a release: every kind of change the notes have a section for."""
    text = text.replace("Bad token {token}", "Invalid token {token}")
    text = text.replace("retryable: false", "retryable: true")
    text = text.replace(
        '  - code: 2\n    name: OLD_THING\n    message: {en: "Old thing"}\n'
        '    deprecated: {reason: "Use BAD_TOKEN."}\n',
        "",
    )
    text = text.replace(
        "name: RATE_LIMITED", "name: TOO_MANY_REQUESTS\n    aliases: [RATE_LIMITED]"
    )
    text = text.replace(
        'message: {en: "Going away"}',
        'message: {en: "Going away"}\n'
        '    deprecated: {reason: "Not sent since 2024.", replaced_by: BAD_TOKEN}',
    )
    text = text.replace('  - code: 5\n    name: LEGACY\n    message: {en: "Legacy"}\n', "")
    return text + ADDED


NOTES = """\
# Changes since v1

## Breaking changes

- Demo API: removed **5** LEGACY: “Legacy” (it was not deprecated first)

## Demo API (demo)

### Added

- **6** NEW_THING: “New thing” (server, HTTP 503, retryable)

### Deprecated

- **4** GOING_AWAY: “Not sent since 2024.” Use BAD_TOKEN instead.

### Removed

- **2** OLD_THING: “Old thing” (deprecated before)
- **5** LEGACY: “Legacy” (it was not deprecated first)

### Renamed

- **3** RATE_LIMITED → TOO_MANY_REQUESTS (the old name stays, deprecated)

### Changed

- **1** BAD_TOKEN: message (en) “Bad token {token}” → “Invalid token {token}”
- **1** BAD_TOKEN: retryable no → yes

## Other API (other)

New platform with 1 code.
"""


def test_release_notes(codegen: Callable[..., Run], repo: Path) -> None:
    """Exit 0 although a code was removed: release notes are not a gate."""
    edit(repo, release)
    (repo / "catalogs" / "other.yaml").write_text(OTHER, encoding="utf-8")
    result = codegen("changelog", "--against", "v1", "--no-cache")
    assert (result.status, result.stdout, result.stderr) == (0, NOTES, "")
    assert codegen("breaking", "--against", "v1", "--no-cache").status == 1


def test_every_rule_has_a_section() -> None:
    assert SECTION.keys() == RULES.keys()


def test_no_changes(codegen: Callable[..., Run], repo: Path) -> None:
    result = codegen("changelog", "--against", "v1", "--no-cache")
    assert (result.status, result.stdout) == (0, "# Changes since v1\n\nNo changes.\n")


def test_fields_placeholders_and_match_rules(codegen: Callable[..., Run], repo: Path) -> None:
    edit(
        repo,
        lambda t: t.replace("{token}", "{value}")
        .replace("http_status: 401", "http_status: 403")
        .replace("category: rate_limit", "category: server\n    match: {statuses: [429]}")
        .replace('      zh: "令牌错误 {value}"\n', "")
        .replace('{en: "Legacy"}', '{en: "Legacy", zh: "旧"}\n    solution: {en: "Upgrade."}'),
    )
    result = codegen("changelog", "--against", "v1", "--no-cache")
    assert result.status == 0
    assert result.stdout == (
        "# Changes since v1\n"
        "\n"
        "## Breaking changes\n"
        "\n"
        "- Demo API: changed **1** BAD_TOKEN: message (zh) removed (it was “令牌错误 {token}”)\n"
        "- Demo API: changed **1** BAD_TOKEN: placeholders of the message {token} → {value}\n"
        "\n"
        "## Demo API (demo)\n"
        "\n"
        "### Changed\n"
        "\n"
        "- **1** BAD_TOKEN: message (zh) removed (it was “令牌错误 {token}”)\n"
        "- **1** BAD_TOKEN: placeholders of the message {token} → {value}\n"
        "- **1** BAD_TOKEN: message (en) “Bad token {token}” → “Bad token {value}”\n"
        "- **1** BAD_TOKEN: HTTP status 401 → 403\n"
        "- **3** RATE_LIMITED: now claims HTTP 429 responses\n"
        "- **3** RATE_LIMITED: category rate_limit → server\n"
        "- **5** LEGACY: message (zh) added: “旧”\n"
        "- **5** LEGACY: solution (en) added: “Upgrade.”\n"
    )


RESPONSE = """\
response:
  shapes:
    - {name: rest, code: /code, message: /msg}
"""

MORE = {
    "renumbered": (
        lambda t: t.replace("code: 3", "code: 30"),
        "### Renamed\n\n- RATE_LIMITED: code **3** → **30**\n",
    ),
    "deprecation withdrawn": (
        lambda t: t.replace('    deprecated: {reason: "Use BAD_TOKEN."}\n', ""),
        "### Changed\n\n- **2** OLD_THING: no longer deprecated (it was: “Use BAD_TOKEN.”)\n",
    ),
    "response shape added": (
        lambda t: t.replace("errors:", RESPONSE + "errors:"),
        "### Changed\n\n- response shape rest added: code /code (number), message /msg\n",
    ),
    "message pattern added": (
        lambda t: t.replace("errors:", RESPONSE + "errors:").replace(
            "retryable: true", 'retryable: true\n    match: {messages: ["Slow"]}'
        ),
        "- **3** RATE_LIMITED: now matches messages like “Slow”\n",
    ),
    "code_type changed": (
        lambda t: t.replace("code_type: integer", "code_type: string")
        .replace("code: 1", 'code: "1"')
        .replace("code: 2", 'code: "2"')
        .replace("code: 3", 'code: "3"')
        .replace("code: 4", 'code: "4"')
        .replace("code: 5", 'code: "5"'),
        "## Breaking changes\n\n- Demo API: changed code_type integer → string: every code"
        " changes type\n",
    ),
}


@pytest.mark.parametrize("case", MORE)
def test_more_changes(codegen: Callable[..., Run], repo: Path, case: str) -> None:
    change, expected = MORE[case]
    edit(repo, change)
    result = codegen("changelog", "--against", "v1", "--no-cache")
    assert result.status == 0, result.stderr
    assert expected in result.stdout


def test_changes_since_a_release_with_aliases_and_shapes(
    codegen: Callable[..., Run], repo: Path
) -> None:
    edit(repo, lambda t: release(t).replace("errors:", RESPONSE + "errors:"))
    git(repo, "commit", "--quiet", "-am", "v2")
    edit(
        repo,
        lambda t: t.replace("    aliases: [RATE_LIMITED]\n", "").replace(
            "{name: rest, code: /code, message: /msg}",
            "{name: rest, code: /error/code, message: /msg}",
        ),
    )
    result = codegen("changelog", "--against", "HEAD", "--no-cache")
    assert (result.status, result.stdout) == (
        0,
        "# Changes since HEAD\n"
        "\n"
        "## Demo API (demo)\n"
        "\n"
        "### Removed\n"
        "\n"
        "- **3** TOO_MANY_REQUESTS: its former name RATE_LIMITED is gone\n"
        "\n"
        "### Changed\n"
        "\n"
        "- response shape rest: code /code (number), message /msg → code /error/code (number),"
        " message /msg\n",
    )


def test_severities_decide_what_is_breaking(codegen: Callable[..., Run], repo: Path) -> None:
    """As configured for ``breaking``; a rule turned off is still a change worth noting."""
    (repo / "pyproject.toml").write_text(
        '[tool.codegen.severity]\nHTTP_STATUS_CHANGED = "error"\nTEXT_CHANGED = "off"\n'
    )
    edit(repo, lambda t: t.replace("401", "403").replace("Slow down", "Slower"))
    result = codegen("changelog", "--against", "v1", "--no-cache")
    assert result.status == 0
    assert result.stdout.startswith(
        "# Changes since v1\n\n## Breaking changes\n\n"
        "- Demo API: changed **1** BAD_TOKEN: HTTP status 401 → 403\n\n"
    )
    assert "- **3** RATE_LIMITED: message (en) “Slow down” → “Slower”\n" in result.stdout


def test_platform_removed_and_renamed(codegen: Callable[..., Run], repo: Path) -> None:
    (repo / "catalogs" / "other.yaml").write_text(OTHER, encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "two platforms")
    (repo / "catalogs" / "other.yaml").unlink()
    git(repo, "mv", "catalogs/demo.yaml", "catalogs/demo_v2.yaml")
    edit(repo, lambda t: t.replace("platform: demo", "platform: demo_v2"), "demo_v2.yaml")
    result = codegen("changelog", "--against", "HEAD", "--no-cache")
    assert (result.status, result.stdout) == (
        0,
        "# Changes since HEAD\n"
        "\n"
        "## Breaking changes\n"
        "\n"
        "- Demo API: platform renamed from demo: every import changes\n"
        "- Other API: platform removed with its 1 code\n"
        "\n"
        "## Demo API (demo_v2)\n"
        "\n"
        "Platform renamed from demo: every import changes.\n"
        "\n"
        "## Other API (other)\n"
        "\n"
        "Platform removed with its 1 code.\n",
    )


HOSTILE = (
    "<script>alert(1)</script> | `x` [x](javascript:alert(1)) &amp; <img src=x onerror=alert(1)>"
)


def test_catalogue_text_never_becomes_markup(codegen: Callable[..., Run], repo: Path) -> None:
    quoted = HOSTILE.replace('"', '\\"')  # in a YAML double-quoted string
    edit(
        repo,
        lambda t: t.replace("title: Demo API", f'title: "Demo {quoted}\\n# heading"')
        .replace("Slow down", f"{quoted}\\n- [y](https://evil.example)\\n\\n# heading")
        .replace(
            '{en: "Going away"}', f'{{en: "Going away"}}\n    deprecated: {{reason: "{quoted}"}}'
        )
        .replace('  - code: 5\n    name: LEGACY\n    message: {en: "Legacy"}\n', "")
        + ADDED.replace("New thing", quoted)
        + f'reserved:\n  - {{code: 5, reason: "{quoted}"}}\n',
    )
    result = codegen("changelog", "--against", "v1", "--no-cache")
    assert result.status == 0, result.stderr
    shown = (
        "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\`x\\` \\[x\\](javascript:alert(1))"
        " &amp;amp; &lt;img src=x onerror=alert(1)&gt;"
    )
    assert result.stdout == (
        "# Changes since v1\n"
        "\n"
        f"## Demo {shown} # heading (demo)\n"
        "\n"
        "### Added\n"
        "\n"
        f"- **6** NEW_THING: “{shown}” (server, HTTP 503, retryable)\n"
        "\n"
        "### Deprecated\n"
        "\n"
        f"- **4** GOING_AWAY: “{shown}”\n"
        "\n"
        "### Removed\n"
        "\n"
        f"- **5** LEGACY: “Legacy” (reserved: “{shown}”)\n"
        "\n"
        "### Changed\n"
        "\n"
        f"- **3** RATE_LIMITED: message (en) “Slow down” → “{shown} - \\[y\\](https://evil.example)"
        " # heading”\n"
    )
    for markup in ("<script", "<img", "`x`", "&amp; "):
        assert markup not in result.stdout
    assert re.search(r"(?<!\\)[][]", result.stdout) is None  # every bracket escaped


def test_against_a_directory(codegen: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    shutil.copytree(repo / "catalogs", tmp_path / "released")
    edit(repo, lambda t: t.replace("retryable: true", "retryable: false"))
    result = codegen("changelog", "--against", str(tmp_path / "released"), "--no-cache")
    assert (result.status, result.stdout) == (
        0,
        f"# Changes since {tmp_path / 'released'}\n"
        "\n"
        "## Demo API (demo)\n"
        "\n"
        "### Changed\n"
        "\n"
        "- **3** RATE_LIMITED: retryable yes → no\n",
    )


@pytest.mark.parametrize(
    ("against", "message"),
    [
        ("no-such-ref", "no-such-ref is neither a directory nor a git revision"),
        ("", "--against needs a git revision or a directory of catalogues"),
        ("--output=x", "--output=x is neither a directory nor a git revision"),
        ("empty", "empty holds no catalogues (*.yaml, *.yml): nothing to compare with"),
    ],
)
def test_an_unreadable_base_is_a_usage_error(
    codegen: Callable[..., Run], repo: Path, against: str, message: str
) -> None:
    (repo / "empty").mkdir()
    result = codegen("changelog", f"--against={against}", "--no-cache")
    assert (result.status, result.stdout, result.stderr) == (2, "", f"codegen: {message}\n")


def test_against_is_required(codegen: Callable[..., Run], repo: Path) -> None:
    result = codegen("changelog")
    assert result.status == 2
    assert result.stderr.endswith("the following arguments are required: --against\n")


def test_invalid_catalogues_are_not_compared(codegen: Callable[..., Run], repo: Path) -> None:
    edit(repo, lambda t: t.replace("code: 3", "code: [3]"))
    result = codegen("changelog", "--against", "v1", "--no-cache")
    assert (result.status, result.stdout) == (1, "")
    assert "error[SCHEMA]" in result.stderr
    assert result.stderr.endswith("codegen: no changelog against v1: fix the errors above first\n")


def test_output_file(codegen: Callable[..., Run], repo: Path) -> None:
    edit(repo, release)
    (repo / "catalogs" / "other.yaml").write_text(OTHER, encoding="utf-8")
    (repo / "notes").mkdir()
    (repo / "notes" / "CHANGES.md").write_text("old notes\n")
    result = codegen("changelog", "--against", "v1", "--no-cache", "--output", "notes/CHANGES.md")
    assert (result.status, result.stdout) == (0, "")
    assert result.stderr == "codegen: wrote notes/CHANGES.md\n"
    assert (repo / "notes" / "CHANGES.md").read_text(encoding="utf-8") == NOTES
    assert os.listdir(repo / "notes") == ["CHANGES.md"]  # no temporary file left


def test_output_replaces_a_link_rather_than_writing_through_it(
    codegen: Callable[..., Run], repo: Path
) -> None:
    (repo / "elsewhere.md").write_text("keep me\n")
    (repo / "CHANGES.md").symlink_to(repo / "elsewhere.md")
    assert codegen("changelog", "--against", "v1", "--output", "CHANGES.md").status == 0
    assert not (repo / "CHANGES.md").is_symlink()
    assert (repo / "CHANGES.md").read_text() == "# Changes since v1\n\nNo changes.\n"
    assert (repo / "elsewhere.md").read_text() == "keep me\n"


@pytest.mark.parametrize(
    ("output", "message"),
    [
        ("catalogs", "--output catalogs is a directory: name a file"),
        ("missing/CHANGES.md", "cannot write missing/CHANGES.md: No such file or directory"),
    ],
)
def test_output_refusals(
    codegen: Callable[..., Run], repo: Path, output: str, message: str
) -> None:
    result = codegen("changelog", "--against", "v1", "--no-cache", "--output", output)
    assert (result.status, result.stdout, result.stderr) == (2, "", f"codegen: {message}\n")
    assert sorted(os.listdir(repo / "catalogs")) == ["demo.yaml"]


def test_help(codegen: Callable[..., Run], capsys: pytest.CaptureFixture[str]) -> None:
    assert codegen("changelog", "--help").status == 0
    text = capsys.readouterr().out
    assert "--against REF" in text and "--output FILE" in text and "--catalogs DIR" in text
    assert "release notes are not a gate" in text
    assert codegen("--help").status == 0
    assert "    changelog" in capsys.readouterr().out
    result = codegen("chnagelog")
    assert result.status == 2
    assert result.stderr.startswith("codegen: unknown command 'chnagelog'; did you mean changelog?")


def test_checks_lists_the_facts_as_information(codegen: Callable[..., Run]) -> None:
    listing = codegen("checks").stdout
    for rule in ("PLATFORM_ADDED", "CODE_ADDED", "CODE_DEPRECATED", "CODE_RENAMED"):
        assert f"{rule:22} info " in listing


@pytest.fixture
def seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The seed catalogues twice, as released (``released/``) and as edited (``catalogs/``),
    under this repository's settings."""
    shutil.copytree(ROOT / "catalogs", tmp_path / "catalogs")
    shutil.copytree(ROOT / "catalogs", tmp_path / "released")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_seed_catalogues(codegen: Callable[..., Run], seed: Path) -> None:
    assert codegen("changelog", "--against", "released").stdout == (
        "# Changes since released\n\nNo changes.\n"
    )
    edit(
        seed,
        lambda t: t.replace(
            "    name: ACCESS_SIGN_HEADER_MISSING\n",
            "    name: SIGNATURE_HEADER_MISSING\n    aliases: [ACCESS_SIGN_HEADER_MISSING]\n",
        ).replace('"Invalid ACCESS_KEY"', '"Invalid ACCESS_KEY <b>"'),
        "weex.yaml",
    )
    result = codegen("changelog", "--against", "released")
    assert (result.status, result.stderr) == (0, "")
    assert result.stdout == (
        "# Changes since released\n"
        "\n"
        "## WEEX exchange API (weex)\n"
        "\n"
        "### Renamed\n"
        "\n"
        "- **40002** ACCESS_SIGN_HEADER_MISSING → SIGNATURE_HEADER_MISSING (the old name stays,"
        " deprecated)\n"
        "\n"
        "### Changed\n"
        "\n"
        "- **40006** INVALID_ACCESS_KEY: message (en) “Invalid ACCESS_KEY” →"
        " “Invalid ACCESS_KEY &lt;b&gt;”\n"
    )
