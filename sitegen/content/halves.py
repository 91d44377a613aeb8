"""A list of independent steps done in two halves, the second in a forked child process.

Reading and parsing pages is most of loading a large site, and each page is read on
its own: `load.load_site` reads the second half of the pages in a child process
(`sitegen.util.forked`) while this one reads the first, and takes the child's
results (pickled through a pipe) when its own are done.  The result is the list
one process would make, in the same order: ``work`` must depend on nothing but its
items (it reads files and returns what it made of them).

Small lists stay in one process: below `AT_LEAST` items the fork and the pickling
cost more than half the work.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from ..util.forked import can_fork, start

T = TypeVar("T")
R = TypeVar("R")

AT_LEAST = 400


def in_halves(items: Sequence[T], work: Callable[[Sequence[T]], list[R]], what: str) -> list[R]:
    """``work(items)``, the second half of ``items`` worked on by a child process where that helps."""
    if len(items) < AT_LEAST or not can_fork():
        return work(items)
    half = len(items) // 2
    child = start(lambda: work(items[half:]), what)
    try:
        first = work(items[:half])
        return first + child.result()
    finally:
        child.stop()
