"""The slowest whole-site output rendered on a second core while the rest renders here.

`sitegen build` renders its outputs one after another in one process; the
search index alone takes about as long as all the pages together at 10,000
sources.  An output marked ``@on_second_core`` is handed to a forked child
process (`sitegen.util.forked`) as the build starts; the parent renders everything
else meanwhile and takes the child's files (pickled through a pipe) when it
reaches that output in the usual order, so the result is the same bytes as a
build in one process.

The child writes no file of the site and reaches the site's cache through a
connection of its own (`Cache.reopened`: SQLite connections must not cross a
fork).  If the build fails or is interrupted, the child is killed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

from ..util.forked import Child, can_fork, start

Job = TypeVar("Job")
Render = Callable[[Any, Any], Any]  # render(job, ctx) -> its result (picklable)


def on_second_core(produce: Callable) -> Callable:
    """Mark an output as slow and self-contained: `sitegen build` may render it in a child process."""
    produce.on_second_core = True  # type: ignore[attr-defined]
    return produce


def _start(job: Any, ctx: Any, render: Render, what: str) -> Child:
    def work() -> Any:
        reopened = getattr(ctx.cache, "reopened", None)
        cache = reopened() if reopened is not None else None
        try:
            return render(job, replace(ctx, cache=cache))
        finally:
            if cache is not None:
                cache.close()

    return start(work, what)


def in_turn(jobs: list[Job], ctx: Any, render: Render) -> Iterator[tuple[Job, Any]]:
    """``(job, render(job, ctx))`` for every job in order; jobs whose output (``job.produce``) is
    marked `on_second_core` are rendered in a child process started before the first job."""
    children: dict[int, Child] = {}
    if can_fork():
        for n, job in enumerate(jobs):
            produce = job.produce  # type: ignore[attr-defined]
            if getattr(produce, "on_second_core", False):
                children[n] = _start(job, ctx, render, getattr(produce, "__name__", "an output"))
    try:
        for n, job in enumerate(jobs):
            child = children.get(n)
            yield job, (child.result() if child is not None else render(job, ctx))
    finally:
        for child in children.values():
            child.stop()
