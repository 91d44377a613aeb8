"""Rendering on two cores: the slowest whole-site outputs in a child process, per-item pages shared.

`sitegen build` renders its outputs one after another; the search index alone
takes about as long as all the pages together.  The outputs marked
``@on_second_core`` are handed, in their order, to one forked child process
(`sitegen.util.forked`) as rendering starts, while the parent renders the other
outputs.  The per-item outputs (a page per event, a page per source) are cut
into small parts (`Shares`) that either process may render: the parent takes
them from the front once its own outputs are done, the child from the back once
its are, so the two finish together whatever the site's shape.

Results come out in the jobs' order whatever process made them, so a build
gives the same bytes as one in a single process: each output (and each item's
files) is a pure function of the site, and what outputs share (the per-build
memos of `BuildContext.caches`) is worked out on first use in whichever process
needs it.

Claims need no lock: two counters in memory both processes map, ``front``
written only by the parent and ``back`` only by the child, each only moving
towards the other.  A process takes a part only while the other's counter has
not passed it, and says so after taking it; a value read late is an older one,
so both may take the part in the middle (rendered twice, the same bytes: one
is kept), and no part is left to neither.

The child writes no file of the site and reaches the site's cache through a
connection of its own (`Cache.reopened`: SQLite connections must not cross a
fork).  If the build fails or is interrupted, the child is killed.

``before_fork``: what both processes would otherwise load on their own (a
library's tables) can be loaded once by the parent before the fork; the child
inherits it.
"""

from __future__ import annotations

import ctypes
import mmap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from ..util.forked import Child, can_fork, start

Job = TypeVar("Job")
Render = Callable[[Any, Any], Any]  # render(job, ctx) -> its result (picklable)


def on_second_core(
    produce: Callable | None = None, *, before_fork: Callable[[Any], None] | None = None
) -> Callable:
    """Mark an output as slow and self-contained: `sitegen build` may render it in a child process.

    ``before_fork(ctx)``, if given, runs in the parent before the child starts (see the module's
    docstring).  Used bare (``@on_second_core``) or with arguments."""

    def mark(f: Callable) -> Callable:
        f.on_second_core = True  # type: ignore[attr-defined]
        f.before_fork = before_fork  # type: ignore[attr-defined]
        return f

    return mark(produce) if produce is not None else mark


@dataclass
class Shares:
    """How a job is cut into parts either process may render.

    ``parts(job, ctx)``: the job's parts in order (None: the job is not shared);
    ``render(job, ctx, part)``: one part's result (picklable); ``join(job, ctx, results)``:
    the job's result from its parts' results, in order - what ``render(job, ctx)`` gives."""

    parts: Callable[[Any, Any], list | None]
    render: Callable[[Any, Any, Any], Any]
    join: Callable[[Any, Any, list], Any]


class _Claims:
    """The two claim counters, in memory the child shares with the parent (see the docstring)."""

    def __init__(self, count: int) -> None:
        self._memory = mmap.mmap(-1, 16)
        self.front = ctypes.c_int64.from_buffer(self._memory, 0)
        self.back = ctypes.c_int64.from_buffer(self._memory, 8)
        self.back.value = count

    def from_front(self) -> Iterator[int]:
        while (n := self.front.value) < self.back.value:
            self.front.value = n + 1
            yield n

    def from_back(self) -> Iterator[int]:
        while (n := self.back.value - 1) >= self.front.value:
            self.back.value = n
            yield n


def _start(
    jobs: list[Any], ctx: Any, render: Render, tasks: list, shares: Shares | None, claims: _Claims
) -> Child:
    def work() -> tuple[list[Any], dict[int, Any]]:
        reopened = getattr(ctx.cache, "reopened", None)
        cache = reopened() if reopened is not None else None
        try:
            mine = replace(ctx, cache=cache)
            own = [render(job, mine) for job in jobs]
            helped = {}
            if shares is not None:
                for n in claims.from_back():
                    job, part = tasks[n]
                    helped[n] = shares.render(job, mine, part)
            return own, helped
        finally:
            if cache is not None:
                cache.close()

    names = ", ".join(getattr(j.produce, "__name__", "an output") for j in jobs)  # type: ignore[attr-defined]
    return start(work, names)


def in_turn(
    jobs: list[Job],
    ctx: Any,
    render: Render,
    meanwhile: Callable[[], None] | None = None,
    shares: Shares | None = None,
) -> Iterator[tuple[Job, Any]]:
    """``(job, render(job, ctx))`` for every job, in order.

    Where a fork helps (`can_fork`, and a job's output is marked `on_second_core`): those jobs are
    rendered, in order, by one child process started before anything else is rendered; the jobs
    ``shares`` cuts into parts are rendered by both processes (see the module's docstring), this
    one after its own whole jobs.  ``meanwhile()``: work for this process's own outputs, done
    after the fork.  A result is held back until every job before it has its result."""
    second = [n for n, job in enumerate(jobs) if getattr(job.produce, "on_second_core", False)]  # type: ignore[attr-defined]
    if not second or not can_fork():
        if meanwhile is not None:
            meanwhile()
        for job in jobs:
            yield job, render(job, ctx)
        return
    for n in second:
        warm = getattr(jobs[n].produce, "before_fork", None)  # type: ignore[attr-defined]
        if warm is not None:
            warm(ctx)
    cut: dict[int, int] = {}  # job -> its number of parts
    tasks: list[tuple[Any, Any]] = []
    for n, job in enumerate(jobs):
        parts = shares.parts(job, ctx) if shares is not None and n not in second else None
        if parts is not None:
            cut[n] = len(parts)
            tasks += [(job, part) for part in parts]
    claims = _Claims(len(tasks))
    child = _start([jobs[n] for n in second], ctx, render, tasks, shares, claims)
    try:
        if meanwhile is not None:
            meanwhile()
        results: dict[int, Any] = {}
        first_held = min([*second, *cut])
        for n, job in enumerate(jobs):
            if n in second or n in cut:
                continue
            if n < first_held:
                yield job, render(job, ctx)
            else:
                results[n] = render(job, ctx)
        done: dict[int, Any] = {}
        if shares is not None:
            for t in claims.from_front():
                job, part = tasks[t]
                done[t] = shares.render(job, ctx, part)
        own, helped = child.result()
        results.update(zip(second, own, strict=True))
        done = {**helped, **done}
        t = 0
        for n in sorted(cut):
            assert shares is not None
            results[n] = shares.join(jobs[n], ctx, [done[k] for k in range(t, t + cut[n])])
            t += cut[n]
        for n in sorted(results):
            yield jobs[n], results[n]
    finally:
        child.stop()
