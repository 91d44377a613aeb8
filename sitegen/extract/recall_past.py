"""A past happening a report names by its month or year, for the second citing pass (`recall`).

A story's background happenings are dated coarsely and stand alone in their period: a data
centre's earlier outage "in July 2023" (2023年7月), an inspector's email "in October" (去年10月), a
tower's delivery in 2016.  A unit (sentence or clause) one of whose own dates is exactly such an
event's month or year, ended before the article was published, when no other event is dated
within that period, names that happening as plainly as a day names one of the story's days —
a date giving context too ("the same site that lost grid power … in July 2023", beside the
fire "early Monday" the sentence is dated by) refers back to it: it is held to the same-day bar
(`Rules.recall_same_day_similarity`), with the vote a period holding one event gives
(`Rules.sole_event_bonus`) and `PAST_BONUS`.  Words, names, actions and vectors still vote, and
must agree a little: the date alone joins nothing (a unit scoring 0 on all of them stays out).

On drug_recall an English interview's "she had flagged high NDMA readings … in an internal email
in October" (told "on Monday", so cited first by the interview's own entry) is cited by the
email's entry of the Chinese reports (去年10月): vectors 0.47, no shared name; zh+en 13/14 → 14/14.
On cloud_outage the Bloomberg piece on the site's July 2023 outage joins the Chinese report's
entry: zh+en 11/12 → 12/12, the worst happening's source recall 0.33 → 0.67.  The other gold
dumps are unchanged, citation precision too.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from datetime import datetime, timedelta

from .identity import Signals
from .merge import Cluster
from .rules import Rules

DAY = timedelta(days=1)
PAST_BONUS = 0.1
"""Added to the score of a unit naming an event's past month or year it stands alone in.  With the
sole event's bonus it is 0.05 short of the same-day bar: the other votes must make up that much
(a vectors' cosine of 0.47, what the encoder gives one telling in two languages, is 0.056)."""


class PastPeriods:
    """The events' periods, sorted once per pass, to ask which stand alone in a month or year."""

    def __init__(self, clusters: Iterable[Cluster]) -> None:
        self.spans = sorted((cl.lo, cl.hi) for cl in clusters if cl.lo is not None and cl.hi is not None)
        self.starts = [lo for lo, _ in self.spans]
        self._alone: dict[tuple[datetime, datetime], bool] = {}

    def alone(self, lo: datetime, hi: datetime) -> bool:
        """Does exactly one event lie within [lo, hi)?  (Asked once per period.)"""
        found = self._alone.get((lo, hi))
        if found is None:
            i, inside = bisect_left(self.starts, lo), 0
            while i < len(self.spans) and self.spans[i][0] < hi and inside < 2:
                inside += self.spans[i][1] <= hi
                i += 1
            found = self._alone[(lo, hi)] = inside == 1
        return found

    def names(self, periods: list[tuple[datetime, datetime]], cl: Cluster, published: datetime) -> bool:
        """Does one of a unit's own dates name ``cl``'s month or year, a past one it stands alone in?"""
        if cl.lo is None or cl.hi is None or cl.hi - cl.lo <= DAY or cl.hi > published:
            return False
        return any((lo, hi) == (cl.lo, cl.hi) for lo, hi in periods) and self.alone(cl.lo, cl.hi)


def vote(s: Signals, rules: Rules) -> None:
    """The past period's vote on a unit's signals (`recall_vote.Voted`): the same-day bar, the sole
    event's bonus and `PAST_BONUS`, counted by `recall_vote.recombine` (which the caller asks, and
    every later scoring of the signals)."""
    s.same_period = s.sole = True
    s.bar = min(s.bar, rules.recall_same_day_similarity)
    s.past = True  # type: ignore[attr-defined]
