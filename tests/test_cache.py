"""The result cache: per user, data only, never a way into the machine nor a way to lose a file."""

from __future__ import annotations

import json
import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen import cache as cache_module
from conftest import CASES, Run


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(CASES / "features" / "catalogs", tmp_path / "catalogs")
    (tmp_path / "pyproject.toml").write_text("[tool.codegen]\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    return tmp_path


def entries(directory: Path) -> list[Path]:
    return sorted(directory.glob("codegen-*.json"))


def test_a_cached_run_matches_and_a_damaged_entry_is_ignored(
    codegen: Callable[..., Run], project: Path
) -> None:
    first = codegen("validate")
    (entry,) = entries(project / "user-cache")
    assert json.loads(entry.read_text())["format"] == cache_module.FORMAT
    assert codegen("validate") == first
    for damage in (b"", b"not json", b"[]", b'{"format": 1}', entry.read_bytes()[:100]):
        entry.write_bytes(damage)
        assert codegen("validate") == first
    assert codegen("validate", "--no-cache") == first


def test_the_cache_lives_outside_the_repository(
    codegen: Callable[..., Run], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CODEGEN_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(project / "xdg"))
    assert codegen("generate").status == 0
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
    (entry,) = entries(project / "user-cache")
    entry.write_bytes(pickle.dumps(Boom()))
    # And where the old cache lived, under every name a key could take.
    planted = project / ".codegen_cache"
    planted.mkdir()
    (planted / entry.name.removeprefix("codegen-").removesuffix(".json")).write_bytes(
        pickle.dumps(Boom())
    )
    assert codegen("validate") == first
    assert not (project / "pwned").exists()


def test_a_forged_entry_of_the_right_shape_under_another_key_is_ignored(
    codegen: Callable[..., Run], project: Path
) -> None:
    first = codegen("validate")
    (entry,) = entries(project / "user-cache")
    data = json.loads(entry.read_text())
    data["key"] = "0" * 64
    entry.write_text(json.dumps(data))
    assert codegen("validate") == first


def test_pruning_removes_only_the_caches_own_files(tmp_path: Path) -> None:
    kept = ["notes.txt", "codegen-x.json", "catalog.yaml", ".gitattributes", "codegen-1.pickle"]
    for name in kept:
        (tmp_path / name).write_text("mine")
    store = cache_module.Cache(tmp_path)
    keys = [f"{i:064x}" for i in range(cache_module.KEEP + 5)]
    for i, name in enumerate(keys):
        store.put(name, {"n": i})
        os.utime(tmp_path / f"codegen-{name}.json", (i, i))
    assert all((tmp_path / name).read_text() == "mine" for name in kept)
    left = sorted(p.name for p in entries(tmp_path) if p.name not in kept)
    assert left == sorted(f"codegen-{k}.json" for k in keys[-cache_module.KEEP :])
    assert store.get(keys[-1]) == {"n": len(keys) - 1}
    assert store.get(keys[0]) is None


def test_only_hexadecimal_keys_name_files(tmp_path: Path) -> None:
    store = cache_module.Cache(tmp_path / "cache")
    store.put("../escape", 1)
    assert store.get("../escape") is None
    assert not (tmp_path / "escape").exists()
    assert not (tmp_path / "cache").exists()
