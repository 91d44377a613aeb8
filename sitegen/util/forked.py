"""Work handed to a forked child process while this one goes on: a result back through a pipe.

Used where two halves of a job are independent and slow: the search index
beside the pages of a build (`sitegen.builder.parallel`), and half of the dated
sentences of an import (`sitegen.extract.events`).  The child inherits this
process's memory (nothing is copied to start it), computes, sends its result
pickled through a pipe and leaves with ``os._exit``: it runs no cleanup of
the parent's, and touches no file of the site unless the work itself does.

If the parent stops waiting (a failure elsewhere), the child is killed; if the
parent is killed, so is the child on Linux (``PR_SET_PDEATHSIG``), and
elsewhere it finds its pipe closed when it tries to hand over its result.

No fork where it is unsafe or useless: on a system without ``os.fork``, with
one core, or when other threads are running (the dev server's).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork") and cores() > 1 and threading.active_count() == 1


@dataclass
class Child:
    """A forked process computing one result."""

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
            raise RuntimeError(f"the process working on {self.what} ended without a result (status {status})")
        kind, value = pickle.loads(data)
        if kind == "raised":
            raise value
        return value

    def stop(self) -> None:
        """Kill the child (if it is still running) and reap it."""
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
    """Linux: have the kernel kill this child when its parent dies (a killed command)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # it died before that
        os._exit(1)


def start(work: Callable[[], Any], what: str) -> Child:
    """Run ``work()`` in a forked child; its result (picklable) comes from `Child.result`."""
    read, write = os.pipe()
    parent = os.getpid()
    pid = os.fork()
    if pid:
        os.close(write)
        return Child(pid, read, what)
    code = 1  # the child from here on: never returns
    try:
        os.close(read)
        _die_with(parent)
        try:
            payload: tuple[str, Any] = ("done", work())
        except BaseException as exc:
            payload = ("raised", exc)
        try:
            data = pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:
            data = pickle.dumps(("raised", RuntimeError(f"{what}: {type(exc).__name__}: {exc}")))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        code = 0
    finally:
        os._exit(code)
