"""Background a report tells in passing: a vague earlier time no other report tells.

A report of the day often recalls what came before, loosely dated: "本月初该厂还曾发生一次泄漏" inside
a report of today's fire, "The dispute began late last month" opening a feature on Monday's
strike.  Such a sentence dates itself, so it may start an event of its own; but when
no other report tells it (one telling: copies of one text are one, `agreement`), its date is
loose — a span of days, part of a month ("early this month", "late last month"), not a month or
a year, which the story's background is often dated by (a listing "in 2021", paperwork "in March") —
and the same report tells a happening of a day after it, it is that report's background, not a
happening of the story: it makes no entry (a note says which).  Told by two reports, the same
background is a happening the story's reports agree on (an arbitration "in 2022" told by
four), and it stays.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import timedelta

from .agreement import tellings_of
from .merge import Cluster

LOOSE_DAYS = 2
"""a date spanning more days than this is loose ("本月初": ten days; "late last month")"""


def _loose(cl: Cluster) -> bool:
    """Is every date of ``cl`` a span of days within a month (early this month, late last month)?"""
    whens = [m.when for m in cl.members if m.when is not None]
    if not whens:
        return False
    for w in whens:
        if w.precision != "day" or w.period_end() - w.start <= timedelta(days=LOOSE_DAYS):
            return False
    return True


def back_references(clusters: list[Cluster]) -> dict[int, str]:
    """Events (by ``id``) that are one report's background (see the module's docstring), with a note."""
    by_source: dict[str, list[Cluster]] = defaultdict(list)
    for cl in clusters:
        for sid in {m.source.id for m in cl.members}:
            by_source[sid].append(cl)
    out: dict[int, str] = {}
    for cl in clusters:
        if cl.hi is None or tellings_of(cl) != 1 or not _loose(cl):
            continue
        sources = sorted({m.source.id for m in cl.members})
        later = [
            other
            for sid in sources
            for other in by_source[sid]
            if other is not cl and other.lo is not None and other.lo >= cl.hi and not _loose(other)
        ]
        if later:
            out[id(cl)] = f"no entry from background one report tells in passing: {', '.join(sources)}"
    return out
