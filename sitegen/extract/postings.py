"""Events by the terms they hold, per day: how a candidate finds the events worth comparing.

(term, day) postings, each read at most ``Rules.posting_cap`` long, so comparing a report costs the
same whether a day holds ten events or ten thousand.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .rules import Rules

if TYPE_CHECKING:
    from .merge import Cluster


class TermIndex:
    """Events by the words and names they hold, per day of their period (per year when wide).

    A candidate looks up only its own rarest terms on its own days, so the events it is compared
    with are those that share a telling word with it at the right time — never every event of a
    period, which in a dense story (hundreds of reports a day) made merging quadratic.  Each
    lookup takes at most ``Rules.posting_cap`` events (the latest): a term that many events share on one
    day tells them apart no better than the rarer terms do.
    """

    def __init__(self, rules: Rules) -> None:
        self.rules = rules
        self.postings: dict[tuple[str, int], list[Cluster]] = defaultdict(list)
        self.keys: dict[int, set[tuple[str, int]]] = defaultdict(set)
        self.lookups = 0
        """postings read (for tests that compare the cost of two sizes)"""

    def slots(self, lo: datetime, hi: datetime) -> list[int]:
        """Days (ordinals) a period covers, or years (negative) when wider than ``Rules.wide_days``."""
        first, last = lo.toordinal(), (hi - timedelta(microseconds=1)).toordinal()
        if last - first > self.rules.wide_days:
            return [-y for y in range(lo.year, hi.year + 1)]
        return list(range(first, last + 1))

    def add(self, cl: Cluster, terms: Iterable[str]) -> None:
        assert cl.lo is not None and cl.hi is not None
        terms = [ANY, *terms]
        slots = self.slots(cl.lo, cl.hi)
        years = {-y for y in range(cl.lo.year, cl.hi.year + 1)}
        keys = self.keys[id(cl)]
        for t in terms:
            for slot in (*slots, *years):
                key = (t, slot)
                if key not in keys:
                    keys.add(key)
                    self.postings[key].append(cl)

    def near(self, terms: list[str], lo: datetime, hi: datetime) -> list[Cluster]:
        """Live events sharing one of ``terms`` (rarest first) on one of the period's days."""
        out: dict[int, Cluster] = {}
        cap, any_cap = self.rules.posting_cap, self.rules.any_cap
        for t in terms:
            for slot in self.slots(lo, hi):
                self.lookups += 1
                for cl in self.postings.get((t, slot), [])[-(any_cap if t == ANY else cap) :]:
                    if not cl.dead:
                        out.setdefault(id(cl), cl)
        return list(out.values())


ANY = ""
"""The term every event is indexed under: the latest events of a day are always candidates (a
report in another language may share no word with them)."""
