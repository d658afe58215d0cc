"""A run's targets shared between two processes: whatever the child does (succeeds, fails,
dies), the result is what one process makes, and no child outlives the call."""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from codegen import cache as cache_module
from codegen import parallel, pipeline
from codegen.render import render_target
from codegen.targets import registry
from test_cache import EDITS, codegen_in, seed_catalogs, seeded, tree

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="codegen forks only on Linux"
)


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> list[tuple[object, object]]:
    """Forking on, whatever the cores of the machine and however few codes; the results of
    every call of both(), as it returned them."""
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(parallel, "WORTH_A_FORK", 0)
    calls: list[tuple[object, object]] = []
    real = parallel.both

    def recorded(here: Callable[[], object], there: Callable[[], object]) -> tuple[object, object]:
        result = real(here, there)
        calls.append(result)
        return result

    monkeypatch.setattr(parallel, "both", recorded)
    return calls


def no_children_left() -> bool:
    try:
        os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_each_side_runs_in_its_own_process(forking: object) -> None:
    parent = os.getpid()
    mine, (theirs, big) = parallel.both(os.getpid, lambda: (os.getpid(), "x" * 3_000_000))
    assert mine == parent and theirs != parent and big == "x" * 3_000_000
    assert no_children_left()


def test_without_a_second_core_both_run_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "cores", lambda: 1)
    parent = os.getpid()
    assert parallel.both(os.getpid, os.getpid) == (parent, parent)


def test_a_child_that_fails_or_dies_leaves_its_share_to_the_parent(forking: object) -> None:
    parent = os.getpid()

    def fails_in_a_child() -> int:
        if os.getpid() != parent:
            raise RuntimeError("only in the child")
        return os.getpid()

    def dies_in_a_child() -> int:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return os.getpid()

    assert parallel.both(lambda: 1, fails_in_a_child) == (1, parent)
    assert parallel.both(lambda: 1, dies_in_a_child) == (1, parent)
    assert no_children_left()


def test_an_error_of_the_childs_share_surfaces_in_the_parent(forking: object) -> None:
    def broken() -> None:
        raise ValueError("the same error in either process")

    with pytest.raises(ValueError, match="the same error"):
        parallel.both(lambda: 1, broken)
    assert no_children_left()


def test_a_failure_here_stops_the_child_at_once(forking: object, tmp_path: Path) -> None:
    started = tmp_path / "started"

    def waits() -> None:
        started.touch()
        signal.pause()  # until killed

    def fails() -> None:
        for _ in range(10_000):  # until the child runs (ten seconds at most)
            if started.exists():
                break
            time.sleep(0.001)
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        parallel.both(fails, waits)
    assert no_children_left()


def test_a_run_shared_between_two_processes_writes_what_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forking: list[tuple[object, object]]
) -> None:
    """The cache test's series of edits, generated through the cache with targets shared
    between two processes and without the cache in one process: the same output, the same
    report; and what the child stored is used by the next run."""
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path / "user-cache"))
    shared, alone = seeded(tmp_path / "shared"), seeded(tmp_path / "alone")
    for what, edit in EDITS:
        edit(shared)
        edit(alone)
        monkeypatch.setattr(parallel, "cores", lambda: 2)
        forking.clear()
        two = codegen_in(shared, "generate")
        monkeypatch.setattr(parallel, "cores", lambda: 1)
        one = codegen_in(alone, "generate", "--no-cache")
        assert two == one, what
        assert tree(shared / "out") == tree(alone / "out"), what
        if two.status == 0:
            assert forking, f"{what}: the run did not fork"
            # Another run (every target but the report), of the files as both processes
            # kept them: one process renders nothing.
            rendered: list[str] = []
            monkeypatch.setattr(pipeline, "render_target", lambda _, t, *a: rendered.append(t))
            others = (f"--target={name}" for name in registry() if name != "report")
            again = codegen_in(shared, "generate", *others)
            monkeypatch.setattr(pipeline, "render_target", render_target)
            assert "0 written" in again.stdout and not rendered, what


def test_the_cache_counts_what_the_child_stored_as_this_runs(tmp_path: Path) -> None:
    parent, child = cache_module.Cache(tmp_path), cache_module.Cache(tmp_path)
    child.put("a" * 64, 1)
    parent.adopt(child.record())
    assert parent.record() == (True, frozenset({f"codegen-{'a' * 64}.json"}))


def test_targets_are_shared_by_cost_and_every_built_in_one_has_a_cost(forking: object) -> None:
    from codegen.pipeline import _Run
    from codegen.render import Options
    from codegen.validate import Limits

    names = tuple(registry())
    assert all(target.cost >= 1 for target in registry().values())
    run = _Run([], names, Options(), Limits(), cache_module.Cache(None), None, None)
    here, there = run._shares(registry(), seed_catalogs())
    assert sorted(here + there) == sorted(names) and here and there
    cost = {name: registry()[name].cost for name in names}
    heaviest = max(cost.values())
    assert abs(sum(cost[n] for n in here) - sum(cost[n] for n in there)) <= heaviest
