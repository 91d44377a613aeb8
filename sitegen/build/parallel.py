"""The slowest whole-site output rendered on a second core while the rest renders here.

`sitegen build` renders its outputs one after another in one process; the
search index alone takes about as long as all the pages together at 10,000
sources.  An output marked ``@on_second_core`` is handed to a forked child
process as the build starts; the parent renders everything else meanwhile and
takes the child's files (pickled through a pipe) when it reaches that output
in the usual order, so the result is the same bytes as a build in one process.

The child only computes: it writes no file of the site, reaches the site's
cache through a connection of its own (`Cache.reopened`: SQLite connections
must not cross a fork) and leaves with ``os._exit``.  If the build fails or is
interrupted, the child is killed; if the parent is killed, so is the child on
Linux (``PR_SET_PDEATHSIG``), and elsewhere it finds its pipe closed when it
tries to hand over its files, and exits.

No fork where it is unsafe or useless: on a system without ``os.fork``, with
one core, or when other threads are running (the dev server renders in one
process).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar

Job = TypeVar("Job")
Render = Callable[[Any, Any], Any]  # render(job, ctx) -> its result (picklable)


def on_second_core(produce: Callable) -> Callable:
    """Mark an output as slow and self-contained: `sitegen build` may render it in a child process."""
    produce.on_second_core = True  # type: ignore[attr-defined]
    return produce


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork") and cores() > 1 and threading.active_count() == 1


@dataclass
class _Child:
    pid: int
    fd: int
    what: str
    done: bool = False

    def result(self) -> Any:
        """The child's result, or its exception raised here."""
        with os.fdopen(self.fd, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        self.done = True
        if not data:
            raise RuntimeError(f"the process rendering {self.what} ended without a result (status {status})")
        kind, value = pickle.loads(data)
        if kind == "raised":
            raise value
        return value

    def stop(self) -> None:
        if self.done:
            return
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            os.close(self.fd)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        self.done = True


_PR_SET_PDEATHSIG = 1  # prctl(2)


def _die_with(parent: int) -> None:
    """Linux: have the kernel kill this child when its parent dies (a killed build)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that
        os._exit(1)


def _start(job: Any, ctx: Any, render: Render, what: str) -> _Child:
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(write)
        return _Child(pid, read, what)
    code = 1  # the child from here on: never returns
    try:
        os.close(read)
        _die_with(parent)
        reopened = getattr(ctx.cache, "reopened", None)
        cache = reopened() if reopened is not None else None
        try:
            payload: tuple[str, Any] = ("done", render(job, replace(ctx, cache=cache)))
        except BaseException as exc:
            payload = ("raised", exc)
        if cache is not None:
            cache.close()
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            data = pickle.dumps(("raised", RuntimeError(f"{what}: {type(exc).__name__}: {exc}")))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)


def in_turn(jobs: list[Job], ctx: Any, render: Render) -> Iterator[tuple[Job, Any]]:
    """``(job, render(job, ctx))`` for every job in order; jobs whose output (``job.produce``) is
    marked `on_second_core` are rendered in a child process started before the first job."""
    children: dict[int, _Child] = {}
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
