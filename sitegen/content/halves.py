"""A list of independent steps done in two halves, the second in a forked child process.

Reading and parsing pages is most of loading a large site, and each page is read on
its own: `load.load_site` reads every other page in a child process
(`sitegen.util.forked`) while this one reads the rest, and takes the child's results
(pickled through a pipe) when its own are done.  Alternate items, not two runs of
them: pages of one kind sit together and kinds differ in size (an event page lists
dozens of quotes), so each process gets a like share.  The result is the list one
process would make, in the same order: ``work`` must return one result per item and
depend on nothing but its items (it reads files and returns what it made of them).

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
    """``work(items)``, every other item worked on by a child process where that helps."""
    if len(items) < AT_LEAST or not can_fork():
        return work(items)
    child = start(lambda: work(items[1::2]), what)
    try:
        mine = work(items[0::2])
        theirs = child.result()
    finally:
        child.stop()
    merged = [x for pair in zip(mine[: len(theirs)], theirs, strict=True) for x in pair]
    return merged + mine[len(theirs) :]
