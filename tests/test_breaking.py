"""``codegen breaking --against REF``: temporary git repositories with a base commit and a
changed catalogue, every rule triggered and not, asserting IDs, places and exit status."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.breaking import RULES
from conftest import Run

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
    match:
      statuses: [429, 418]
      messages: ["Too many requests"]
"""

RESPONSE = """response:
  shapes:
    - {name: rest, code: /code, message: /msg}
"""

ADDED = """\
  - code: 4
    name: NEW_THING
    message: {en: "New thing"}
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose commit tagged ``base`` holds catalogs/demo.yaml = BASE."""
    git(tmp_path, "init", "--quiet", "--initial-branch=main")
    git(tmp_path, "config", "user.email", "ci@example.com")
    git(tmp_path, "config", "user.name", "CI")
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "demo.yaml").write_text(BASE + RESPONSE, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "--quiet", "-m", "base")
    git(tmp_path, "tag", "base")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def change(repo: Path, edit: Callable[[str], str]) -> None:
    path = repo / "catalogs" / "demo.yaml"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


def findings(result: Run) -> list[str]:
    """``line:col severity[ID]`` of each diagnostic, marked when it is in the base (``REV:path``)."""
    found = []
    for line in result.stdout.splitlines():
        where, severity_id = line.split(": ")[0:2]
        path, row, col = where.rsplit(":", 2)
        prefix = "" if path.startswith("catalogs/") else "base "
        found.append(f"{prefix}{row}:{col} {severity_id}")
    return found


CASES = {
    "unchanged": (lambda t: t, [], 0),
    "code added": (lambda t: t.replace(RESPONSE, ADDED + RESPONSE), ["25:11 info[CODE_ADDED]"], 0),
    "pattern and status removed": (
        lambda t: t.replace("[429, 418]", "[429]").replace('"Too many requests"', '"Slow down"'),
        [
            "23:7 info[MATCH_PATTERN_ADDED]",
            "23:7 warning[MATCH_PATTERN_REMOVED]",
            "23:7 warning[MATCH_STATUS_REMOVED]",
        ],
        0,
    ),
    "response shape changed": (
        lambda t: t.replace("message: /msg", "message: /message"),
        ["26:3 warning[RESPONSE_SHAPE_CHANGED]"],
        0,
    ),
    "response shape removed": (
        lambda t: t.replace("{name: rest,", "{name: websocket,"),
        ["26:3 info[RESPONSE_SHAPE_ADDED]", "26:3 warning[RESPONSE_SHAPE_CHANGED]"],
        0,
    ),
    "texts and match rules added": (
        lambda t: t.replace('{en: "Slow down"}', '{en: "Slow down", zh: "请慢一点"}')
        .replace("[429, 418]", "[429, 418, 503]")
        .replace('["Too many requests"]', '["Too many requests", "Rate limit {limit}"]'),
        [
            "20:36 info[TEXT_ADDED]",
            "23:7 info[MATCH_PATTERN_ADDED]",
            "23:7 info[MATCH_STATUS_ADDED]",
        ],
        0,
    ),
    "code deprecated": (
        lambda t: t.replace(
            "category: rate_limit", 'category: rate_limit\n    deprecated: {reason: "Soon gone."}'
        ),
        ["22:17 info[CODE_DEPRECATED]"],
        0,
    ),
    "deprecation withdrawn": (
        lambda t: t.replace('    deprecated: {reason: "Use BAD_TOKEN."}\n', ""),
        ["14:11 info[CODE_UNDEPRECATED]"],
        0,
    ),
    "text reworded": (
        lambda t: t.replace("Slow down", "Slow down, please"),
        ["20:19 info[TEXT_CHANGED]"],
        0,
    ),
    "code removed": (
        lambda t: t[: t.index("  - code: 3")] + RESPONSE,
        ["base 18:11 error[CODE_REMOVED]"],
        1,
    ),
    "deprecated code removed": (
        lambda t: t[: t.index("  - code: 2")] + t[t.index("  - code: 3") :],
        ["base 14:11 info[CODE_RETIRED]"],
        0,
    ),
    "code removed, kept as a tombstone": (
        lambda t: t[: t.index("  - code: 3")]
        + "reserved:\n  - {code: 3, name: RATE_LIMITED, reason: Merged into 1.}\n"
        + RESPONSE,
        ["19:5 info[CODE_RETIRED]"],
        0,
    ),
    "name changed": (
        lambda t: t.replace("RATE_LIMITED", "TOO_MANY_REQUESTS"),
        ["19:11 error[NAME_CHANGED]"],
        1,
    ),
    "name changed, old name kept as an alias": (
        lambda t: t.replace(
            "name: RATE_LIMITED", "name: TOO_MANY_REQUESTS\n    aliases: [RATE_LIMITED]"
        ),
        ["19:11 info[CODE_RENAMED]"],
        0,
    ),
    "code renumbered": (
        lambda t: t.replace("code: 3", "code: 30"),
        ["18:11 error[CODE_RENUMBERED]"],
        1,
    ),
    "placeholders changed": (
        lambda t: t.replace("{token}", "{value}"),
        [
            "9:7 error[PLACEHOLDERS_CHANGED]",
            "9:11 info[TEXT_CHANGED]",
            "10:11 info[TEXT_CHANGED]",
        ],
        1,
    ),
    "language dropped": (
        lambda t: t.replace('      zh: "令牌错误 {token}"\n', ""),
        ["9:7 error[LANGUAGE_REMOVED]"],
        1,
    ),
    "http_status changed": (
        lambda t: t.replace("401", "403"),
        ["12:18 warning[HTTP_STATUS_CHANGED]"],
        0,
    ),
    "retryable and category changed": (
        lambda t: t.replace("retryable: false", "retryable: true").replace(
            "category: credentials", "category: permission"
        ),
        ["11:15 warning[CATEGORY_CHANGED]", "13:16 warning[RETRYABLE_CHANGED]"],
        0,
    ),
    "code_type changed": (
        lambda t: t.replace("integer", "string")
        .replace("code: 1", "code: 'E1'")
        .replace("code: 2", "code: 'E2'")
        .replace("code: 3", "code: 'E3'"),
        ["4:12 error[CODE_TYPE_CHANGED]"],
        1,
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_rule(codegen: Callable[..., Run], repo: Path, case: str) -> None:
    edit, expected, status = CASES[case]
    change(repo, edit)
    result = codegen("breaking", "--against", "base", "--no-cache", "-v")
    assert findings(result) == expected, result.stdout + result.stderr
    assert result.status == status


def test_every_rule_is_exercised() -> None:
    exercised = {line.split("[")[1].rstrip("]") for _, found, _ in CASES.values() for line in found}
    exercised |= {"PLATFORM_REMOVED", "PLATFORM_RENAMED", "PLATFORM_ADDED", "ALIAS_REMOVED"}
    assert exercised == set(RULES)


def test_message_names_the_change(codegen: Callable[..., Run], repo: Path) -> None:
    change(repo, lambda t: t.replace("RATE_LIMITED", "TOO_MANY_REQUESTS"))
    result = codegen("breaking", "--against", "base", "--no-cache", "-v")
    assert result.stdout == (
        "catalogs/demo.yaml:19:11: error[NAME_CHANGED]: code 3 was RATE_LIMITED and is now"
        " TOO_MANY_REQUESTS: python RATE_LIMITED, typescript RATE_LIMITED, go RateLimited, rust RateLimited no"
        " longer exist; keep the old name with aliases: [RATE_LIMITED]\n"
    )
    assert "1 breaking change" in result.stderr


def test_removed_code_is_located_in_the_base(codegen: Callable[..., Run], repo: Path) -> None:
    change(repo, lambda t: t[: t.index("  - code: 3")])
    result = codegen("breaking", "--against", "base", "--no-cache", "-v")
    assert result.stdout.startswith("base:catalogs/demo.yaml:18:11: error[CODE_REMOVED]: code 3")


def test_alias_removed_after_a_release_is_information(
    codegen: Callable[..., Run], repo: Path
) -> None:
    change(
        repo, lambda t: t.replace("name: RATE_LIMITED", "name: SLOW\n    aliases: [RATE_LIMITED]")
    )
    git(repo, "commit", "--quiet", "-am", "rename with alias")
    git(repo, "tag", "release")
    change(repo, lambda t: t.replace("    aliases: [RATE_LIMITED]\n", ""))
    result = codegen("breaking", "--against", "release", "--no-cache", "-v")
    assert findings(result) == ["19:11 info[ALIAS_REMOVED]"]
    assert result.status == 0


def test_platform_removed_and_renamed(codegen: Callable[..., Run], repo: Path) -> None:
    (repo / "catalogs" / "other.yaml").write_text(
        BASE.replace("platform: demo", "platform: other").replace("code: ", "code: 10")
    )
    git(repo, "add", ".")
    git(repo, "commit", "--quiet", "-m", "two platforms")
    git(repo, "tag", "two")
    (repo / "catalogs" / "other.yaml").unlink()
    git(repo, "mv", "catalogs/demo.yaml", "catalogs/demo_v2.yaml")
    change_path = repo / "catalogs" / "demo_v2.yaml"
    change_path.write_text(change_path.read_text().replace("platform: demo", "platform: demo_v2"))
    result = codegen("breaking", "--against", "two", "--no-cache")
    assert findings(result) == [
        "1:11 error[PLATFORM_RENAMED]",
        "base 1:11 error[PLATFORM_REMOVED]",
    ]
    assert "platform demo is now demo_v2: every import changes" in result.stdout
    assert result.status == 1


def test_platform_added_is_information(codegen: Callable[..., Run], repo: Path) -> None:
    (repo / "catalogs" / "other.yaml").write_text(
        BASE.replace("platform: demo", "platform: other").replace("code: ", "code: 10") + RESPONSE,
        encoding="utf-8",
    )
    result = codegen("breaking", "--against", "base", "--no-cache", "-v")
    assert result.stdout.startswith(
        "catalogs/other.yaml:1:11: info[PLATFORM_ADDED]: platform other was added with 3 codes\n"
    )
    assert findings(result) == ["1:11 info[PLATFORM_ADDED]"]
    assert result.status == 0


def test_against_a_directory(codegen: Callable[..., Run], repo: Path, tmp_path: Path) -> None:
    shutil.copytree(repo / "catalogs", tmp_path / "released")
    change(repo, lambda t: t.replace("RATE_LIMITED", "TOO_MANY_REQUESTS"))
    result = codegen("breaking", "--against", str(tmp_path / "released"), "--no-cache")
    assert findings(result) == ["19:11 error[NAME_CHANGED]"]


def test_against_an_earlier_commit(codegen: Callable[..., Run], repo: Path) -> None:
    change(repo, lambda t: t.replace("code: 3", "code: 30"))
    git(repo, "commit", "--quiet", "-am", "renumber")
    assert codegen("breaking", "--against", "HEAD~1", "--no-cache").status == 1
    assert codegen("breaking", "--against", "HEAD", "--no-cache").status == 0


def test_severity_is_configurable(codegen: Callable[..., Run], repo: Path) -> None:
    (repo / "pyproject.toml").write_text(
        '[tool.codegen.severity]\nHTTP_STATUS_CHANGED = "error"\nTEXT_CHANGED = "off"\n'
    )
    change(repo, lambda t: t.replace("401", "403").replace("Slow down", "Slower"))
    result = codegen("breaking", "--against", "base", "--no-cache", "-v")
    assert findings(result) == ["12:18 error[HTTP_STATUS_CHANGED]"]
    assert result.status == 1


def test_json_format(codegen: Callable[..., Run], repo: Path) -> None:
    change(repo, lambda t: t.replace("code: 3", "code: 30"))
    result = codegen("breaking", "--against", "base", "--no-cache", "--format", "json")
    [diagnostic] = json.loads(result.stdout)["diagnostics"]
    assert (diagnostic["check"], diagnostic["line"]) == ("CODE_RENUMBERED", 18)


def test_unknown_revision_is_a_usage_error(codegen: Callable[..., Run], repo: Path) -> None:
    result = codegen("breaking", "--against", "no-such-ref", "--no-cache")
    assert result.status == 2
    assert "no-such-ref is neither a directory nor a git revision" in result.stderr


def test_broken_head_is_reported_first(codegen: Callable[..., Run], repo: Path) -> None:
    change(repo, lambda t: t.replace("code: 3", "code: [3]"))
    result = codegen("breaking", "--against", "base", "--no-cache", "-v")
    assert result.status == 1
    assert "error[SCHEMA]" in result.stdout
    assert "fix the errors above" in result.stderr


@pytest.mark.parametrize(
    ("against", "message"),
    [
        ("", "--against needs a git revision or a directory of catalogues"),
        ("  ", "--against needs a git revision or a directory of catalogues"),
        ("--output=x", "--output=x is neither a directory nor a git revision"),
        ("empty", "empty holds no catalogues (*.yaml, *.yml): nothing to compare with"),
        (
            "before",
            "before has no catalogues in catalogs/: nothing to compare with (is it the right revision?)",
        ),
    ],
)
def test_nothing_to_compare_with_is_an_error(
    codegen: Callable[..., Run], repo: Path, against: str, message: str
) -> None:
    """Never "0 breaking changes" against nothing: a typo or a missing directory would
    wave every change through."""
    (repo / "empty").mkdir()
    (repo / "empty" / "README.md").write_text("no catalogues here\n")
    git(repo, "checkout", "--quiet", "--orphan", "before")
    git(repo, "rm", "--quiet", "-r", "--cached", "catalogs")
    git(repo, "commit", "--quiet", "--allow-empty", "-m", "before the catalogues")
    result = codegen("breaking", f"--against={against}", "--no-cache")
    assert (result.status, result.stderr) == (2, f"codegen: {message}\n")


def test_base_entries_that_are_not_files_are_refused(
    codegen: Callable[..., Run], repo: Path
) -> None:
    (repo / "catalogs" / "link.yaml").symlink_to("/etc/passwd")
    git(repo, "add", "catalogs/link.yaml")
    git(repo, "commit", "--quiet", "-m", "a link")
    (repo / "catalogs" / "link.yaml").unlink()
    result = codegen("breaking", "--against", "HEAD", "--no-cache")
    assert (result.status, result.stderr) == (
        2,
        "codegen: HEAD:catalogs/link.yaml is not a regular file\n",
    )
