"""The result cache: per user, data only, never a way into the machine nor a way to lose a file;
kept a catalogue at a time, and whatever it holds, the output is that of a run without it."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import pickle
import shutil
import time
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

import pytest

from codegen import cache as cache_module
from codegen import stored
from codegen.cli import main
from codegen.config import load_config
from codegen.model import Catalog, Entry
from codegen import parallel, pipeline
from codegen.pipeline import process, read
from codegen.render import (
    Options,
    Rendered,
    Rendering,
    header_line,
    render,
    render_target,
    rendering_of,
)
from codegen.source import catalog_files
from codegen.targets import registry, splits
from codegen.targets.base import Target
from codegen.write import Seen
from conftest import CASES, ROOT, Run

SEED = ROOT / "catalogs"
SMALL_SEEDS = ("binance", "okx_dex_ws", "open_platform", "open_platform_gateway", "weex")
"""The seed catalogues but the largest: shared codes (weex and open_platform), integer and
string codes (open_platform_gateway), at a fraction of the time."""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASES / "features" / "catalogs", tmp_path / "catalogs")
    (tmp_path / "pyproject.toml").write_text("[tool.codegen]\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    return tmp_path


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("codegen-*.json"))


def damage_all(directory: Path, damage: bytes | Callable[[bytes], bytes]) -> None:
    for entry in entries(directory):
        data = entry.read_bytes()
        entry.write_bytes(damage(data) if callable(damage) else damage)


def test_a_cached_run_matches_and_a_damaged_entry_is_ignored(
    codegen: Callable[..., Run], project: Path
) -> None:
    first = codegen("validate")
    found = entries(project / "user-cache")
    assert found
    assert all(json.loads(p.read_text())["format"] == cache_module.FORMAT for p in found)
    assert codegen("validate") == first
    for damage in (b"", b"not json", b"[]", b'{"format": 2}', lambda data: data[:100]):
        damage_all(project / "user-cache", damage)
        assert codegen("validate") == first
    assert codegen("validate", "--no-cache") == first


def test_damaged_entries_of_rendered_files_are_rendered_again(
    codegen: Callable[..., Run], project: Path
) -> None:
    assert codegen("generate").status == 0
    wanted = {p: p.read_bytes() for p in sorted((project / "out").rglob("*")) if p.is_file()}
    up_to_date = codegen("check")
    assert up_to_date.status == 0
    cache = project / "user-cache"
    for entry in entries(cache):
        data = entry.read_bytes()
        value = json.loads(data)["value"]
        if isinstance(value, dict) and "files" in value and value["files"]:
            # Of the right shape, but not the text it was: the run entry's sha256 tells.
            files = value["files"]
            for path in files:
                files[path] = files[path] if isinstance(files[path], list) else "forged\n"
            entry.write_text(
                json.dumps({"format": cache_module.FORMAT, "key": entry.stem[8:], "value": value})
            )
    edited = project / "out" / "python" / "errcodes" / "features.py"
    edited.write_text(edited.read_text("utf-8") + "# edited\n", "utf-8")
    checked = codegen("check")
    assert checked.status == 1
    assert "out/python/errcodes/features.py: hand-edited" in checked.stdout
    assert codegen("generate").status == 0
    assert {p: p.read_bytes() for p in wanted} == wanted
    damage_all(cache, b"{")
    assert codegen("check") == up_to_date


def test_the_cache_lives_outside_the_repository(
    codegen: Callable[..., Run], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CODEGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / "xdg"))
    assert codegen("generate").status == 0
    assert codegen("check").status == 0
    assert entries(project / "xdg" / "codegen")
    assert sorted(p.name for p in project.iterdir()) == ["catalogs", "out", "pyproject.toml", "xdg"]


def test_cache_dir_is_not_a_repository_setting(codegen: Callable[..., Run], project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.codegen]\ncache_dir = "catalogs"\n')
    result = codegen("validate")
    assert result.status == 2
    assert "cache_dir is not a setting any more" in result.stderr
    assert "CODEGEN_CACHE_DIR" in result.stderr


class Boom:
    """Unpickling this runs code: the planted entry of an attacker."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch pwned",))


def test_a_planted_entry_never_runs(codegen: Callable[..., Run], project: Path) -> None:
    first = codegen("validate")
    found = entries(project / "user-cache")
    damage_all(project / "user-cache", pickle.dumps(Boom()))
    # And where the old cache lived, under every name a key could take.
    planted = project / ".codegen_cache"
    planted.mkdir()
    for entry in found:
        name = entry.name.removeprefix("codegen-").removesuffix(".json")
        (planted / name).write_bytes(pickle.dumps(Boom()))
    assert codegen("validate") == first
    assert not (project / "pwned").exists()


def test_a_forged_entry_of_the_right_shape_under_another_key_is_ignored(
    codegen: Callable[..., Run], project: Path
) -> None:
    first = codegen("validate")
    for entry in entries(project / "user-cache"):
        data = json.loads(entry.read_text())
        data["key"] = "0" * 64
        entry.write_text(json.dumps(data))
    assert codegen("validate") == first


def test_pruning_removes_only_the_caches_own_files_least_recently_used_first(
    tmp_path: Path,
) -> None:
    kept = ["notes.txt", "codegen-x.json", "catalog.yaml", ".gitattributes", "codegen-1.pickle"]
    for name in kept:
        (tmp_path / name).write_text("mine")
    store = cache_module.Cache(tmp_path)
    keys = [f"{i:064x}" for i in range(cache_module.KEEP + 5)]
    for i, name in enumerate(keys):
        store.put(name, {"n": i})
        os.utime(tmp_path / f"codegen-{name}.json", (i, i))
    os.utime(tmp_path / f"codegen-{keys[0]}.json")  # used now: the most recent
    store.prune()
    assert all((tmp_path / name).read_text() == "mine" for name in kept)
    left = sorted(p.name for p in entries(tmp_path) if p.name not in kept)
    assert left == sorted(f"codegen-{k}.json" for k in [keys[0], *keys[6:]])
    assert store.get(keys[-1]) == {"n": len(keys) - 1}
    assert store.get(keys[1]) is None


def test_pruning_keeps_the_byte_budget_but_for_this_runs_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "BUDGET", 10_000)
    earlier = cache_module.Cache(tmp_path)
    for i in range(5):
        earlier.put(f"{i:064x}", "x" * 3000)
        os.utime(tmp_path / f"codegen-{i:064x}.json", (i, i))
    store = cache_module.Cache(tmp_path)
    store.put("e" * 64, "y")
    store.prune()
    kept = ["e" * 64, f"{2:064x}", f"{3:064x}", f"{4:064x}"]  # the newest, within the budget
    assert [p.name for p in entries(tmp_path)] == sorted(f"codegen-{k}.json" for k in kept)
    latest = cache_module.Cache(tmp_path)
    latest.put("f" * 64, "z" * 20_000)  # over the budget alone, and this run's: kept
    latest.prune()
    assert [p.name for p in entries(tmp_path)] == [f"codegen-{'f' * 64}.json"]


def test_only_hexadecimal_keys_name_files(tmp_path: Path) -> None:
    store = cache_module.Cache(tmp_path / "cache")
    store.put("../escape", 1)
    assert store.get("../escape") is None
    assert not (tmp_path / "escape").exists()
    assert not (tmp_path / "cache").exists()


def test_text_of_any_kind_is_kept_as_it_is(tmp_path: Path) -> None:
    store = cache_module.Cache(tmp_path)
    value = {"text": "中文 \u2028 \ud800 \x00 \U0001f600", "n": [1, 2.5, None, True]}
    store.put("a" * 64, value)
    assert store.get("a" * 64) == value


# --- What the cache keeps, and how it is read back -------------------------------------------


def seed_catalogs(*directories: Path) -> list[Catalog]:
    paths = [p for d in directories for p in catalog_files(d)]
    inputs, problems = read(paths, None, ROOT)
    result = process(inputs)
    assert not problems and not result.errors
    return result.catalogs


def test_a_catalogue_kept_is_the_catalogue_read() -> None:
    """Every field of every entry, and where each is, survives the cache as it was."""
    catalogs = seed_catalogs(
        SEED, CASES / "features" / "catalogs", CASES / "string_codes" / "catalogs"
    )
    for catalog in catalogs:
        data = json.loads(json.dumps(stored.catalog(catalog), ensure_ascii=False))
        again = stored.to_catalog(data)
        assert again == catalog
        assert repr(again) == repr(catalog)
        assert again.locations == catalog.locations
        assert [e.locations for e in again.errors] == [e.locations for e in catalog.errors]
        assert [(t.location, t.reason_location) for t in again.reserved] == [
            (t.location, t.reason_location) for t in catalog.reserved
        ]


def test_the_catalogue_codec_knows_every_field_of_the_model() -> None:
    """A field added to the model must be added to stored.py too, else it would be lost."""
    assert [f.name for f in dataclasses.fields(Catalog)] == [
        "path", "platform", "title", "source", "code_type", "errors", "digest", "code_space",
        "reserved", "suppress", "response", "locations",
    ]  # fmt: skip
    assert [f.name for f in dataclasses.fields(Entry)] == [
        "code", "name", "message", "aliases", "solution", "category", "http_status",
        "retryable", "deprecated", "match", "examples", "suppress", "locations",
    ]  # fmt: skip


def own(files: dict[PurePosixPath, str], catalog: Catalog) -> dict[PurePosixPath, str]:
    line = header_line(catalog)
    return {p: t for p, t in files.items() if line in t.partition("\n")[0]}


@pytest.mark.parametrize("name", sorted(splits()))
def test_each_catalogue_renders_alone_what_all_render(name: str) -> None:
    """targets.base.Split, held against renders of every catalogue at once: a catalogue's
    own files rendered with its companions alone, and the other files from the summary."""
    catalogs = sorted(
        seed_catalogs(SEED, CASES / "features" / "catalogs", CASES / "string_codes" / "catalogs"),
        key=lambda c: c.platform,
    )
    options = load_config(ROOT).options
    split, target = splits()[name], registry()[name]
    everything = render(catalogs, [name], options).files
    assert everything is not None
    with rendering_of() as current:
        for catalog in catalogs:
            alone = render_target(current, target, split.companions(catalogs, catalog), options)
            assert alone.files is not None
            assert own(alone.files, catalog) == own(everything, catalog), catalog.platform
    mine = {p for c in catalogs for p in own(everything, c)}
    others = {p: t for p, t in everything.items() if p not in mine}
    # The same summary from other catalogues: the same other files.
    fewer = [c for c in catalogs if c.platform != "features"]
    renamed = [dataclasses.replace(c, errors=c.errors[:1]) for c in catalogs]
    for variant in (fewer, renamed):
        if split.aggregate(variant) == split.aggregate(catalogs):
            files = render(variant, [name], options).files
            assert files is not None
            assert {p: t for p, t in files.items() if p in others} == others


# --- Incremental runs are cold runs ------------------------------------------------------------


def tree(directory: Path) -> dict[str, bytes]:
    return {
        p.relative_to(directory).as_posix(): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def codegen_in(directory: Path, *argv: str) -> Run:
    out, err = io.StringIO(), io.StringIO()
    here = os.getcwd()
    try:
        os.chdir(directory)
        status = main(list(argv), out, err)
    finally:
        os.chdir(here)
    return Run(status, out.getvalue(), err.getvalue())


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), "utf-8")


ENTRY = """errors:
  - code: 40002
    name: GRANT_TYPE_REFUSED
    message:
      en: "invalid grant_type"
"""

Edit = Callable[[Path], None]


def replace_nth(path: Path, old: str, new: str, nth: int) -> None:
    text = path.read_text("utf-8")
    start = -1
    for _ in range(nth):
        start = text.index(old, start + 1)
    path.write_text(text[:start] + new + text[start + len(old) :], "utf-8")


def no_string_codes(root: Path) -> None:
    (root / "catalogs/open_platform_gateway.yaml").unlink()
    (root / "catalogs/sqlstate.yaml").unlink()


def string_codes_again_and_a_new_catalogue(root: Path) -> None:
    shutil.copy(SEED / "open_platform_gateway.yaml", root / "catalogs")
    shutil.copy(CASES / "string_codes/catalogs/sqlstate.yaml", root / "catalogs")
    text = (SEED / "binance.yaml").read_text("utf-8")
    copy = text.replace("platform: binance", "platform: binance_copy")
    (root / "catalogs/binance_copy.yaml").write_text(copy, "utf-8")


def renamed(root: Path) -> None:
    old = root / "catalogs/okx_dex_ws.yaml"
    text = old.read_text("utf-8").replace("platform: okx_dex_ws", "platform: okx")
    (root / "catalogs/okx.yaml").write_text(text, "utf-8")
    old.unlink()


def options(root: Path) -> None:
    (root / "pyproject.toml").write_text(
        '[tool.codegen]\nversion = "1.2.3"\ndocs_url = "https://errors.example.com/"\n'
    )


EDITS: list[tuple[str, Edit]] = [
    ("nothing", lambda root: None),
    (
        "a message of one catalogue",
        lambda root: replace(root / "catalogs/okx_dex_ws.yaml", 'en: "', 'en: "Edited: '),
    ),
    (
        "the meaning of a shared code (the report, and the pages of the platforms sharing it)",
        lambda root: replace(
            root / "catalogs/open_platform.yaml", '"invalid credential"', '"credential expired"'
        ),
    ),
    (
        "a new shared code (another platform's page links it)",
        lambda root: replace(root / "catalogs/binance.yaml", "errors:\n", ENTRY),
    ),
    (
        "a placeholder (the Rust crate's support and every module say whether there are any)",
        lambda root: replace(
            root / "catalogs/weex.yaml", 'header \\"ACCESS_KEY\\"', 'header \\"{header}\\"'
        ),
    ),
    ("no catalogue of string codes (every Rust module says if there are)", no_string_codes),
    ("string codes again, and a new catalogue", string_codes_again_and_a_new_catalogue),
    (
        "an error: nothing may be written",
        lambda root: replace(root / "catalogs/weex.yaml", "code: 40003\n", "code: 40001\n"),
    ),
    (
        "its fix: back to an earlier state",
        lambda root: replace_nth(root / "catalogs/weex.yaml", "code: 40001\n", "code: 40003\n", 2),
    ),
    ("the options", options),
    ("a catalogue renamed, and its platform", renamed),
]


def seeded(root: Path) -> Path:
    (root / "catalogs").mkdir(parents=True)
    (root / ".git").mkdir()  # the search for configuration stops here
    for name in SMALL_SEEDS:
        shutil.copy(SEED / f"{name}.yaml", root / "catalogs")
    shutil.copy(CASES / "features/catalogs/features.yaml", root / "catalogs")
    shutil.copy(CASES / "string_codes/catalogs/sqlstate.yaml", root / "catalogs")
    (root / "pyproject.toml").write_text("[tool.codegen]\n")
    return root


def test_a_run_through_the_cache_writes_what_a_cold_run_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After each of a series of edits, across catalogues, shared codes and options,
    generate through the cache (which renders again only what the edit touched) and
    generate --no-cache print and write the same bytes, and check agrees."""
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    cached, cold = seeded(tmp_path / "cached"), seeded(tmp_path / "cold")
    for what, edit in EDITS:
        edit(cached)
        edit(cold)
        warm = codegen_in(cached, "generate")
        fresh = codegen_in(cold, "generate", "--no-cache")
        assert warm == fresh, what
        assert tree(cached / "out") == tree(cold / "out"), what
        assert codegen_in(cached, "check") == codegen_in(cold, "check", "--no-cache"), what
        assert codegen_in(cached, "validate") == codegen_in(cold, "validate", "--no-cache"), what
        if warm.status == 0:
            assert codegen_in(cached, "check").status == 0, what


def test_an_edit_renders_only_what_depends_on_its_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message edited in one catalogue: its own files rendered again, and the targets that
    gather every catalogue's text; nothing of the other catalogues is loaded or rendered."""
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    root = seeded(tmp_path / "project")
    assert codegen_in(root, "generate").status == 0
    rendered: list[tuple[str, tuple[str, ...]]] = []
    loaded: list[str] = []
    real_render, real_load = render_target, pipeline._check_one

    def counting_render(
        current: Rendering, target: Target, catalogs: Sequence[Catalog], options: Options
    ) -> Rendered:
        rendered.append((target.name, tuple(c.platform for c in catalogs)))
        return real_render(current, target, catalogs, options)

    def counting_load(name: str, data: bytes, *rest: Any) -> Any:
        loaded.append(name)
        return real_load(name, data, *rest)

    monkeypatch.setattr(pipeline, "render_target", counting_render)
    monkeypatch.setattr(pipeline, "_check_one", counting_load)
    monkeypatch.setattr(parallel, "cores", lambda: 1)  # every render counted in this process
    replace(root / "catalogs/weex.yaml", 'en: "', 'en: "Edited: ')
    assert codegen_in(root, "generate").status == 0
    assert loaded == ["catalogs/weex.yaml"]
    assert sorted(rendered) == sorted(
        [(name, ("weex",)) for name in ("python", "typescript", "go", "vectors")]
        + [("rust", ("open_platform_gateway", "weex"))]
        + [
            (name, tuple(sorted(p.stem for p in (root / "catalogs").iterdir())))
            for name in ("report", "docs")
        ]
    )
    rendered.clear()
    loaded.clear()
    assert codegen_in(root, "check").status == 0
    assert "codegen: 0 written, 0 removed," in codegen_in(root, "generate").stdout
    assert not rendered and not loaded


def test_a_cached_check_of_an_unchanged_tree_reads_no_rendered_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    root = seeded(tmp_path / "project")
    assert codegen_in(root, "generate").status == 0
    assert codegen_in(root, "check").status == 0
    read_back: list[object] = []
    real_get = cache_module.Cache.get

    def get(self: cache_module.Cache, name: str) -> object:
        value = real_get(self, name)
        read_back.append(value)
        return value

    monkeypatch.setattr(cache_module.Cache, "get", get)
    assert codegen_in(root, "check").status == 0
    assert read_back and not [v for v in read_back if isinstance(v, dict) and "catalog" in v]
    assert not [
        v
        for v in read_back
        if isinstance(v, dict)
        and isinstance(v.get("files"), dict)
        and any(isinstance(t, str) for t in v["files"].values())
    ]


# --- What out/ held when last read -------------------------------------------------------------


def test_a_file_edited_by_hand_is_found_whatever_its_size_and_time(
    codegen: Callable[..., Run], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """check reads again a file whose status changed, and only the system sets a change
    time: an edit that keeps the size and the modification time is found all the same."""
    monkeypatch.setattr(Seen, "MARGIN", 0.0)
    assert codegen("generate").status == 0
    assert codegen("check").status == 0
    assert codegen("check").status == 0  # the second from what the first saw
    target = project / "out" / "go" / "features" / "features.go"
    before = target.stat()
    data = target.read_bytes()
    target.write_bytes(data.replace(b"package features", b"package feature_"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert target.stat().st_size == before.st_size
    result = codegen("check")
    assert result.status == 1
    assert "out/go/features/features.go: hand-edited" in result.stdout


def test_what_was_seen_is_trusted_only_after_the_timestamps_moved_on(tmp_path: Path) -> None:
    path = tmp_path / "file"
    path.write_bytes(b"one")
    seen = Seen()
    digest = seen.note(PurePosixPath("file"), path.stat(), b"one")
    assert seen.digest(PurePosixPath("file"), path.stat()) is None  # changed just now
    record = seen.records["file"]
    record[-2] = time.time() + 2 * Seen.MARGIN
    assert seen.digest(PurePosixPath("file"), path.stat()) == digest
    path.write_bytes(b"three")
    assert seen.digest(PurePosixPath("file"), path.stat()) is None
    for damaged in (None, [], "x", {"a": 1}, [1, 2], ["a"] * 7):
        assert Seen({"file": damaged}).digest(PurePosixPath("file"), path.stat()) is None
