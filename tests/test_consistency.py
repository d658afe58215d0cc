"""Checks across catalogues (code spaces, shared codes, platform names) and suppressions:
each triggered and not, with exact IDs, places and messages, and the meaning rule on the
real catalogues."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from codegen.checks import normalise_text, same_meaning
from codegen.diagnostics import Severity
from codegen.model import Entry
from codegen.pipeline import process, read
from codegen.source import catalog_files
from conftest import ROOT

Write = Callable[[str, str], Path]


def shown(path: Path) -> str:
    """How codegen names a catalogue outside the project: from its directory."""
    return f"{path.parent.name}/{path.name}"


def catalogue(platform: str, *entries: str, space: str | None = None, extra: str = "") -> str:
    head = f"platform: {platform}\ntitle: {platform}\nsource: docs\ncode_type: integer\n"
    if space:
        head += f"code_space: {space}\n"
    return head + extra + "errors:\n" + "".join(entries)


def entry(
    code: int, name: str, en: str | None = None, zh: str | None = None, extra: str = ""
) -> str:
    texts = "".join(f"      {lang}: {text!r}\n" for lang, text in (("en", en), ("zh", zh)) if text)
    return f"  - code: {code}\n    name: {name}\n    message:\n{texts}{extra}"


def diagnostics(*paths: Path) -> list[str]:
    return [
        f"{Path(d.location.path).name}:{d.location.line}:{d.location.col} {d.severity}[{d.check_id}]"
        for d in process(read(list(paths), None)[0]).diagnostics
    ]


# --- The meaning rule ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Invalid  grant_type.", "invalid grant type", True),
        ("参数错误。", "参数错误", True),
        ("ＡＰＩ　Ｋｅｙ错误！", "API Key错误!", True),  # full-width forms and space
        ("Too many requests", "too many requests!!", True),
        ("invalid credential", "invalid credentials", False),
        ("limit 10", "limit 100", False),
    ],
)
def test_normalised_text(a: str, b: str, same: bool) -> None:
    assert (normalise_text(a) == normalise_text(b)) is same


def test_same_meaning_needs_a_language_in_common() -> None:
    english = Entry(1, "A", {"en": "Invalid token"})
    chinese = Entry(1, "A", {"zh": "无效的令牌"})
    both = Entry(1, "A", {"en": "invalid token.", "zh": "令牌无效"})
    assert same_meaning(english, both)  # equal English is enough, whatever the Chinese says
    assert same_meaning(both, english)
    assert not same_meaning(english, chinese)  # nothing to compare: not shown to agree


def real_entries() -> dict[str, dict[object, Entry]]:
    result = process(read(catalog_files(ROOT / "catalogs"), None)[0])
    return {c.platform: {e.code: e for e in c.errors} for c in result.catalogs}


def test_meaning_on_the_real_catalogues() -> None:
    real = real_entries()
    # 40001: a missing ACCESS_KEY header at WEEX, an invalid credential at WeChat.
    assert not same_meaning(real["weex"][40001], real["wechat"][40001])
    # 40002 "invalid grant_type": the same in the open platform's Chinese and WeChat's.
    assert same_meaning(real["open_platform"][40002], real["wechat"][40002])
    assert not same_meaning(real["weex"][40002], real["wechat"][40002])


def test_real_catalogues_share_codes_as_information() -> None:
    found = process(read(catalog_files(ROOT / "catalogs"), None)[0]).diagnostics
    shared = [d for d in found if d.check_id.startswith("SHARED_CODE_")]
    assert {d.severity for d in shared} == {Severity.INFO}
    [duplicate] = [d for d in shared if d.check_id == "SHARED_CODE_DUPLICATE"]
    assert duplicate.location.path == "catalogs/wechat.yaml"
    assert (
        "code 40002 (INVALID_GRANT_TYPE) of platform wechat means the same on platform open_platform"
        in duplicate.message
    )
    conflicts = {(d.location.path, d.message.split(" ")[1]) for d in shared}
    assert ("catalogs/weex.yaml", "40001") in conflicts
    assert not any(d.check_id.startswith("CODE_") for d in found)  # no code spaces declared


# --- Code spaces ---------------------------------------------------------------------------


def test_conflict_in_a_code_space_is_an_error(write_catalog: Write) -> None:
    a = write_catalog("alpha", catalogue("alpha", entry(100, "BAD_TOKEN", "Bad token"), space="gw"))
    b = write_catalog("beta", catalogue("beta", entry(100, "NO_USER", "No such user"), space="gw"))
    [diagnostic] = process(read([a, b], None)[0]).diagnostics
    assert diagnostic.render() == (
        f"{shown(b)}:7:11: error[CODE_CONFLICT]: code 100 (NO_USER: 'No such user') means something"
        f" else in code space gw: BAD_TOKEN at {shown(a)}:7:11 (platform alpha: 'Bad token')"
    )
    assert diagnostic.related is not None and diagnostic.related.path == shown(a)


def test_conflict_without_a_common_language_says_so(write_catalog: Write) -> None:
    a = write_catalog("alpha", catalogue("alpha", entry(100, "BAD", en="Bad token"), space="gw"))
    b = write_catalog("beta", catalogue("beta", entry(100, "BAD", zh="令牌错误"), space="gw"))
    [diagnostic] = process(read([a, b], None)[0]).diagnostics
    assert diagnostic.check_id == "CODE_CONFLICT"
    assert diagnostic.message.endswith(
        "(no message language in common: zh here, en there, so they cannot be compared)"
    )


def test_duplicate_in_a_code_space_says_where_to_keep_it(write_catalog: Write) -> None:
    a = write_catalog(
        "alpha", catalogue("alpha", entry(100, "BAD_TOKEN", "Bad token."), space="gw")
    )
    b = write_catalog("beta", catalogue("beta", entry(100, "TOKEN_BAD", "bad  TOKEN"), space="gw"))
    [diagnostic] = process(read([a, b], None)[0]).diagnostics
    assert diagnostic.render() == (
        f"{shown(b)}:7:11: warning[CODE_DUPLICATE]: code 100 (TOKEN_BAD) is already defined with the"
        f" same meaning in code space gw: BAD_TOKEN at {shown(a)}:7:11 (platform alpha: 'Bad token.');"
        f" keep the definition in {shown(a)} and remove this one"
    )


def test_duplicate_is_sent_to_the_catalogue_named_after_the_space(write_catalog: Write) -> None:
    gateway = write_catalog("gw", catalogue("gw", entry(1, "OK", "ok"), space="gw"))
    a = write_catalog("alpha", catalogue("alpha", entry(100, "BAD", "Bad token"), space="gw"))
    b = write_catalog("beta", catalogue("beta", entry(100, "BAD", "Bad token"), space="gw"))
    [diagnostic] = process(read([gateway, a, b], None)[0]).diagnostics
    assert diagnostic.check_id == "CODE_DUPLICATE"
    assert diagnostic.message.endswith(
        f"define it once, in {shown(gateway)}, the catalogue of code space gw"
    )


def test_independent_platforms_and_other_spaces_only_inform(write_catalog: Write) -> None:
    a = write_catalog("alpha", catalogue("alpha", entry(100, "BAD", "Bad token"), space="one"))
    b = write_catalog("beta", catalogue("beta", entry(100, "NO_USER", "No user"), space="two"))
    c = write_catalog("gamma", catalogue("gamma", entry(100, "BAD", "bad token")))
    assert diagnostics(a, b, c) == [
        "beta.yaml:7:11 info[SHARED_CODE_CONFLICT]",
        "gamma.yaml:6:11 info[SHARED_CODE_DUPLICATE]",  # same meaning as alpha's, not beta's
    ]


def test_codes_of_different_types_are_not_shared(write_catalog: Write) -> None:
    a = write_catalog("alpha", catalogue("alpha", entry(100, "BAD", "Bad"), space="gw"))
    text = catalogue(
        "beta", "  - code: '100'\n    name: OTHER\n    message: {en: Other}\n", space="gw"
    )
    b = write_catalog("beta", text.replace("integer", "string"))
    assert diagnostics(a, b) == []


def test_severity_of_a_cross_check_is_configurable(write_catalog: Write) -> None:
    a = write_catalog("alpha", catalogue("alpha", entry(100, "BAD", "Bad token")))
    b = write_catalog("beta", catalogue("beta", entry(100, "NO_USER", "No user")))
    found = process(read([a, b], None)[0], severities={"SHARED_CODE_CONFLICT": Severity.ERROR})
    assert [str(d.severity) for d in found.diagnostics] == ["error"]
    assert (
        process(read([a, b], None)[0], severities={"SHARED_CODE_CONFLICT": None}).diagnostics == []
    )


# --- Platforms -----------------------------------------------------------------------------


def test_two_catalogues_claiming_one_platform(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "weex.yaml").write_text(catalogue("weex", entry(1, "A", "a")))
    first, second = tmp_path / "a" / "weex.yaml", tmp_path / "b" / "weex.yaml"
    found = process(read([first, second], None)[0]).diagnostics
    claims = [d for d in found if d.check_id == "DUPLICATE_PLATFORM"]
    assert [d.render() for d in claims] == [
        f"{shown(second)}:1:11: error[DUPLICATE_PLATFORM]: platform weex is already claimed by {shown(first)}"
    ]


@pytest.mark.parametrize(
    ("first", "second", "collisions"),
    [
        ("okx_dex", "okxdex", ["go package okxdex"]),
        ("a_1b", "a1b", ["go package a1b", "python enum class A1bCode"]),
    ],
)
def test_platforms_colliding_in_an_aggregate(
    write_catalog: Write, first: str, second: str, collisions: list[str]
) -> None:
    a = write_catalog(first, catalogue(first, entry(1, "A", "a")))
    b = write_catalog(second, catalogue(second, entry(2, "B", "b")))
    found = process(read([a, b], None)[0]).diagnostics
    # Reported at the catalogue whose path sorts last, naming the other.
    (later, name), (earlier, other) = sorted([(b, second), (a, first)], reverse=True)
    assert [d.render() for d in found if d.check_id == "PLATFORM_COLLISION"] == [
        f"{shown(later)}:1:11: error[PLATFORM_COLLISION]: platform {name} becomes {collision},"
        f" as does platform {other} ({shown(earlier)})"
        for collision in collisions
    ]


def test_distinct_platforms_do_not_collide(write_catalog: Write) -> None:
    a = write_catalog("okx_dex", catalogue("okx_dex", entry(1, "A", "a")))
    b = write_catalog("okx_dex_ws", catalogue("okx_dex_ws", entry(2, "B", "b")))
    assert diagnostics(a, b) == []


# --- Suppressions --------------------------------------------------------------------------

REASON = "    suppress:\n      DUPLICATE_MESSAGE: 'The vendor uses one text for both codes.'\n"


def test_a_suppression_silences_its_check_on_its_entry(write_catalog: Write) -> None:
    text = catalogue("demo", entry(1, "A", "Same text"), entry(2, "B", "same text", extra=REASON))
    assert diagnostics(write_catalog("demo", text)) == []


def test_a_suppression_on_another_entry_silences_nothing(write_catalog: Write) -> None:
    text = catalogue("demo", entry(1, "A", "Same text", extra=REASON), entry(2, "B", "same text"))
    path = write_catalog("demo", text)
    assert diagnostics(path) == [
        "demo.yaml:11:26 warning[UNUSED_SUPPRESSION]",
        "demo.yaml:15:11 warning[DUPLICATE_MESSAGE]",
    ]
    found = process(read([path], None)[0]).diagnostics
    assert found[0].message == "suppression of DUPLICATE_MESSAGE silences nothing in A: remove it"


def test_a_suppression_of_an_unknown_check(write_catalog: Write) -> None:
    extra = "    suppress:\n      DUPLICATE_MESAGE: typo\n      SCHEMA: not allowed\n"
    path = write_catalog("demo", catalogue("demo", entry(1, "A", "a", extra=extra)))
    found = process(read([path], None)[0]).diagnostics
    assert [(d.location.line, d.check_id, d.message) for d in found] == [
        (
            11,
            "UNKNOWN_SUPPRESSION",
            "suppression of unknown check DUPLICATE_MESAGE (`codegen checks` lists them)",
        ),
        (12, "UNKNOWN_SUPPRESSION", "SCHEMA cannot be suppressed"),
    ]


def test_a_suppression_of_a_check_that_is_off_is_not_unused(write_catalog: Write) -> None:
    extra = "    suppress:\n      CATEGORY_REQUIRED: 'Not yet classified.'\n"
    path = write_catalog("demo", catalogue("demo", entry(1, "A", "a", extra=extra)))
    assert diagnostics(path) == []  # CATEGORY_REQUIRED is off by default
    on = process(read([path], None)[0], severities={"CATEGORY_REQUIRED": Severity.ERROR})
    assert on.diagnostics == () or list(on.diagnostics) == []  # on: it silences the finding


def test_catalogue_level_suppression(write_catalog: Write) -> None:
    extra = "suppress:\n  RESERVED_NAME: 'Kept for compatibility with the old SDK.'\n"
    path = write_catalog("func", catalogue("func", entry(1, "A", "a"), extra=extra))
    assert diagnostics(path) == []
    # It covers findings about the catalogue only, not about its entries.
    path = write_catalog("demo", catalogue("demo", entry(1, "LOOKUP", "a"), extra=extra))
    assert diagnostics(path) == [
        "demo.yaml:6:18 warning[UNUSED_SUPPRESSION]",
        "demo.yaml:9:11 error[RESERVED_NAME]",
    ]


def test_a_cross_catalogue_finding_is_suppressed_where_it_is_reported(write_catalog: Write) -> None:
    a = write_catalog("alpha", catalogue("alpha", entry(100, "BAD", "Bad token"), space="gw"))
    extra = "    suppress:\n      CODE_CONFLICT: 'beta answers 100 only on its own endpoint.'\n"
    b = write_catalog(
        "beta", catalogue("beta", entry(100, "NO_USER", "No user", extra=extra), space="gw")
    )
    assert diagnostics(a, b) == []


@pytest.mark.parametrize(
    ("suppress", "message"),
    [
        (
            "      DUPLICATE_MESSAGE: ''\n",
            "errors[0].suppress.DUPLICATE_MESSAGE: must not be blank: write the reason",
        ),
        (
            "      DUPLICATE_MESSAGE: '  '\n",
            "errors[0].suppress.DUPLICATE_MESSAGE: must not be blank: write the reason",
        ),
        (
            "      duplicate: x\n",
            "errors[0].suppress: 'duplicate' is not a check ID such as DUPLICATE_MESSAGE (see `codegen checks`)",
        ),
    ],
)
def test_a_suppression_needs_a_check_id_and_a_reason(
    write_catalog: Write, suppress: str, message: str
) -> None:
    path = write_catalog(
        "demo", catalogue("demo", entry(1, "A", "a", extra="    suppress:\n" + suppress))
    )
    [diagnostic] = process(read([path], None)[0]).diagnostics
    assert (diagnostic.check_id, diagnostic.message) == ("SCHEMA", message)
