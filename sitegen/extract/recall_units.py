"""The second citing pass's reading of each source into units, over two processes for a big dump.

`recall.cite_reporting` first cuts every on-topic source into the sentences and clauses that may
report an event (`recall._units`): most of the pass's time, in `Lexicon.span_terms`.  A source's
units depend only on that source (its text, its words, its dated mentions) and on what the
clustering offers read-only (its rules, the period end of a date), so with many sources the second
half is read by a forked child process (`sitegen.util.forked`) while this one reads the first.

The units come back in the sources' order, and they are the same whichever process read them: the
child starts from this process's memory as it is, changes nothing this one reads afterwards, and
what it caches on its way (period ends, the lexicon's memos) dies with it — a cache changes no
result.  Below `SPLIT_AT` sources (or without a second core) everything is read here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..core.model import Source
from ..util.forked import can_fork, start

SPLIT_AT = 200
"""Sources from which a child reads half of them (below, a fork costs more than it saves; not a
rule: it decides only how fast)."""


def units_by_source(sources: list[Source], read: Callable[[Source], list[Any]]) -> dict[str, list[Any]]:
    """``read(source)`` for every source, by source id, in the sources' order."""

    def read_all(part: list[Source]) -> list[list[Any]]:
        return [read(s) for s in part]

    if len(sources) < SPLIT_AT or not can_fork():
        found = read_all(sources)
    else:
        half = len(sources) // 2
        child = start(lambda: read_all(sources[half:]), "units to cite")
        try:
            found = read_all(sources[:half])
            found += child.result()
        finally:
            child.stop()
    return {s.id: units for s, units in zip(sources, found, strict=True)}
