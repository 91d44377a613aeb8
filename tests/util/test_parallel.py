"""Rendering on two cores: the search index in a child process, per-item parts shared; same bytes,
errors raised, children never left behind."""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

import pytest

from sitegen.builder import BuildError, build, parallel
from sitegen.builder.search.output import search_index
from sitegen.config import load_config
from sitegen.core import frontmatter
from sitegen.errors import Problem
from sitegen.util.cache import Cache

from ..conftest import REPO

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork even where other threads run (the test session's HTTP servers) or on one core."""
    monkeypatch.setattr(parallel, "can_fork", lambda: True)


@pytest.fixture
def serial(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "can_fork", lambda: False)


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def seed_copy(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    return root


def job(render_with: object) -> SimpleNamespace:
    produce = parallel.on_second_core(lambda ctx: None)
    return SimpleNamespace(produce=produce, render_with=render_with)


@dataclass
class Ctx:
    cache: object
    note: Path  # where a child writes its process id


@pytest.fixture
def ctx(tmp_path: Path) -> Ctx:
    return Ctx(cache=object(), note=tmp_path / "child.pid")


def render(j: SimpleNamespace, c: Ctx) -> object:
    if getattr(j.produce, "on_second_core", False):
        c.note.write_text(str(os.getpid()), encoding="utf-8")
    return j.render_with(c)


def reaped(c: Ctx) -> bool:
    """Is the child that rendered gone, and waited for (no zombie)?"""
    try:
        os.waitpid(int(c.note.read_text(encoding="utf-8")), os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_the_search_index_is_the_output_marked_for_a_second_core() -> None:
    assert getattr(search_index, "on_second_core", False)


def test_marked_jobs_render_in_another_process_and_in_order(forking: None, ctx: Ctx, tmp_path: Path) -> None:
    parents = Cache(tmp_path / "cache")
    ctx.cache = parents
    jobs = [
        job(lambda c: ("child", os.getpid(), (c.cache is not parents, c.cache.enabled, c.cache.folder))),
        SimpleNamespace(produce=len, render_with=lambda c: "here"),
    ]
    results = list(parallel.in_turn(jobs, ctx, render))
    (first_job, (where, pid, cache)), (second_job, here) = results
    assert (first_job, second_job) == (jobs[0], jobs[1])
    assert where == "child" and pid != os.getpid()
    assert cache == (True, True, parents.folder)  # the site's cache, through a connection of its own
    assert here == "here"
    assert reaped(ctx)


def test_a_build_error_in_the_child_is_raised_here_with_its_problems(forking: None, ctx: Ctx) -> None:
    problem = Problem("content/events/x.md", 3, "expected a date")

    def fail(c: object) -> None:
        raise BuildError([problem])

    with pytest.raises(BuildError) as raised:
        list(parallel.in_turn([job(fail)], ctx, render))
    assert raised.value.problems == [problem]
    assert reaped(ctx)


def test_a_child_that_dies_is_an_error_not_an_empty_output(forking: None, ctx: Ctx) -> None:
    with pytest.raises(RuntimeError, match="ended without a result"):
        list(parallel.in_turn([job(lambda c: os._exit(3))], ctx, render))
    assert reaped(ctx)


def test_a_build_that_stops_early_kills_its_child(forking: None, ctx: Ctx) -> None:
    slow = job(lambda c: __import__("time").sleep(60))
    quick = SimpleNamespace(produce=len, render_with=lambda c: "first")
    turns = parallel.in_turn([quick, slow], ctx, render)
    assert next(turns)[1] == "first"
    for _ in range(200):  # the child has started rendering
        if ctx.note.exists() and ctx.note.read_text(encoding="utf-8"):
            break
        __import__("time").sleep(0.05)
    turns.close()  # as when another output fails: the 60 s child is killed and reaped
    assert reaped(ctx)


def test_claims_from_both_ends_leave_no_part_to_neither() -> None:
    for count in range(6):
        claims = parallel._Claims(count)
        front, back = claims.from_front(), claims.from_back()
        taken: list[int] = []
        for turn in range(count + 2):  # the two ends take turns until they meet
            taken += [n for n in [next(front if turn % 2 else back, None)] if n is not None]
        assert sorted(taken) == list(range(count))


def test_parts_are_shared_by_both_processes_and_joined_in_order(forking: None, ctx: Ctx) -> None:
    """The child renders its whole jobs, then parts from the back; this process its own whole jobs
    (here one that lasts until the child has rendered a part), then parts from the front."""
    import time

    helped = ctx.note.with_name("helped")

    def wait_for_the_child(c: Ctx) -> str:
        for _ in range(600):
            if helped.exists():
                break
            time.sleep(0.05)
        return "whole"

    def render_part(job: SimpleNamespace, c: Ctx, part: int) -> tuple[int, int]:
        if os.getpid() != parent:
            helped.write_text("yes", encoding="utf-8")
        time.sleep(0.05)
        return part, os.getpid()

    parent = os.getpid()
    shared = SimpleNamespace(produce=len, parts=list(range(40)))
    jobs = [
        SimpleNamespace(produce=len, render_with=lambda c: "first"),
        shared,
        job(lambda c: "searched"),
        SimpleNamespace(produce=len, render_with=wait_for_the_child),
    ]
    shares = parallel.Shares(
        parts=lambda j, c: getattr(j, "parts", None),
        render=render_part,
        join=lambda j, c, results: results,
    )
    results = list(parallel.in_turn(jobs, ctx, render, shares=shares))
    assert [j for j, _ in results] == jobs
    assert [r for _, r in results if not isinstance(r, list)] == ["first", "searched", "whole"]
    parts = results[1][1]
    assert [part for part, _ in parts] == list(range(40))  # each part once, in order
    assert {pid for _, pid in parts} == {parent, int(ctx.note.read_text(encoding="utf-8"))}
    assert reaped(ctx)


def test_without_a_child_every_job_renders_whole_here(serial: None, ctx: Ctx) -> None:
    shares = parallel.Shares(
        parts=lambda j, c: [1, 2], render=lambda j, c, p: 1 / 0, join=lambda j, c, r: 1 / 0
    )
    jobs = [job(lambda c: "searched"), SimpleNamespace(produce=len, render_with=lambda c: "whole")]
    assert [r for _, r in parallel.in_turn(jobs, ctx, render, shares=shares)] == ["searched", "whole"]


def test_no_fork_with_other_threads_running() -> None:
    import threading

    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not parallel.can_fork()
    finally:
        stop.set()
        t.join()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork-safe rendering checked on Linux")
def test_a_build_with_a_child_process_equals_one_without(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = seed_copy(tmp_path)
    config = load_config(root)
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    alone = tree(build(config, out=tmp_path / "alone", incremental=False).out)
    monkeypatch.setattr(parallel, "can_fork", lambda: True)
    forked = tree(build(config, out=tmp_path / "forked", incremental=False).out)
    assert any(k.startswith("search/") for k in forked)
    assert forked == alone

    # an incremental build after an edit, with the child, equals a full build without it
    page = sorted((root / "content" / "events").glob("*.md"))[0]
    old = frontmatter.read(page)
    page.write_text(
        frontmatter.dump({**old.data, "title": old.data["title"] + "（更正）"}, old.body), encoding="utf-8"
    )
    result = build(config, out=tmp_path / "forked")
    assert result.mode == "incremental"
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    assert tree(result.out) == tree(build(config, out=tmp_path / "again", incremental=False).out)


KILLED_PARENT = """
import os, sys, time
from dataclasses import dataclass
from types import SimpleNamespace
from sitegen.builder import parallel
parallel.can_fork = lambda: True
@dataclass
class Ctx:
    cache: object = None
def slow(job, ctx):
    with open(sys.argv[1], "w") as f:
        f.write(str(os.getpid()))
    time.sleep(60)
job = SimpleNamespace(produce=parallel.on_second_core(lambda ctx: None))
list(parallel.in_turn([job], Ctx(), slow))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_killed_build_takes_its_child_with_it(tmp_path: Path) -> None:
    import signal
    import subprocess
    import time

    note = tmp_path / "child.pid"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_PARENT, str(note)])
    for _ in range(200):
        if note.exists() and note.read_text():
            break
        time.sleep(0.05)
    child = int(note.read_text())
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for _ in range(100):
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the search child outlived its killed build")
