"""When two reports' dates may be one happening's: the periods merging compares.

`reach` widens a date whose edges are loose (a time of day, an approximate hour or day) by
the settings in `Rules`; `same_period` says whether a report and an event fall in one calendar
day (or one stated year or month) as the sources give them, which lowers the merging bar.

Dates of one happening differ in precision ("in September" and 9月26日).  A month (or year)
holding just one event the sources date to a day (`DayEvents.sole`) agrees with that event as
far as a month can: the two are compared as of one period.  So do days of one month stated as
such (1月中旬, "mid-January") holding just one.  A period holding several such events says
nothing about which one it is, and is compared as any overlapping date is.  Two reports
stating the same part of one month (2月下旬 and "late last month": `same_stretch`) fall in one
period as two of one day do.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..core.dates import When
from .rules import Rules

if TYPE_CHECKING:
    from .merge import Cluster


def reach(when: When, end: datetime, rules: Rules | None) -> tuple[datetime, datetime]:
    """The period a date may meet an event in: its own, widened where its edges are loose.

    A time of day (晚, "Wednesday morning"), or an hour the source gives as approximate
    (11时许), reaches ``part_of_day_slack_hours`` beyond its edges, never past its own day (so
    "same day" stays what the sources say); a day the sources give as approximate (a count of
    hours or days from another date) reaches ``approximate_slack_days`` either side.  Exact
    dates reach only their period."""
    if rules is None:
        return when.start, end
    loose_time = when.precision == "part-of-day" or (
        when.approximate and when.precision in ("hour", "minute")
    )
    if loose_time and rules.part_of_day_slack_hours:
        hours = timedelta(hours=rules.part_of_day_slack_hours)
        day = when.start.replace(hour=0, minute=0, second=0, microsecond=0)
        return max(day, when.start - hours), min(day + timedelta(days=1), end + hours)
    if when.approximate and when.precision == "day" and rules.approximate_slack_days:
        days = timedelta(days=rules.approximate_slack_days)
        return when.start - days, end + days
    return when.start, end


def one_day(lo: datetime, hi: datetime) -> bool:
    return lo.date() == (hi - timedelta(microseconds=1)).date()


def same_period(when: When | None, end: datetime | None, cl: Cluster) -> bool:
    """Both within one calendar day, or both stated as (overlapping) years, or as months."""
    if when is None or end is None or cl.lo is None or cl.hi is None:
        return False
    if one_day(when.start, end):
        return one_day(cl.lo, cl.hi) and cl.lo.date() == when.start.date()
    if same_stretch(when.start, end, cl.lo, cl.hi):
        return True
    return when.precision in ("year", "month") and when.precision == cl.precision


def same_stretch(lo: datetime, hi: datetime, lo2: datetime, hi2: datetime) -> bool:
    """One part of one month, stated alike however worded (2月下旬, "late last month", "in late
    February"; an approximate one too): as one day is, one period of the sources' own."""
    return part_of_month(lo, hi) and (lo, hi) == (lo2, hi2)


def same_period_clusters(a: Cluster, b: Cluster) -> bool:
    assert a.lo and a.hi and b.lo and b.hi
    if one_day(a.lo, a.hi) and one_day(b.lo, b.hi):
        return a.lo.date() == b.lo.date()
    if same_stretch(a.lo, a.hi, b.lo, b.hi):
        return True
    return a.precision == b.precision and a.precision in ("year", "month")


def part_of_month(lo: datetime, hi: datetime) -> bool:
    """Several days of one month (1月中旬, "mid-January", 10月5日至8日), not one day."""
    last = hi - timedelta(microseconds=1)
    return not one_day(lo, hi) and (lo.year, lo.month) == (last.year, last.month)


COARSE = ("year", "month")
"""precisions of a date that may hold several days' happenings"""


def _keys(day: datetime) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return (day.year,), (day.year, day.month)


def _key(start: datetime, precision: str) -> tuple[int, ...]:
    return (start.year,) if precision == "year" else (start.year, start.month)


class DayEvents:
    """The living events dated to one day, by the year and the month they fall in: each question
    is two lookups, whatever the number of events (merging drops an event it merges, `drop`)."""

    def __init__(self) -> None:
        self.by: dict[tuple[int, ...], dict[int, Cluster]] = defaultdict(dict)

    def add(self, cl: Cluster) -> None:
        if cl.lo is not None and cl.hi is not None and one_day(cl.lo, cl.hi):
            for key in _keys(cl.lo):
                self.by[key][id(cl)] = cl

    def drop(self, cl: Cluster) -> None:
        """An event merged into another is no longer one of its month's."""
        if cl.lo is not None:
            for key in _keys(cl.lo):
                self.by.get(key, {}).pop(id(cl), None)

    def only(self, start: datetime, precision: str) -> Cluster | None:
        """The one living event dated to a day within that year or month, if just one."""
        events = self.by.get(_key(start, precision), {})
        return next(iter(events.values())) if len(events) == 1 else None

    def within(self, lo: datetime, hi: datetime) -> Cluster | None:
        """The one living event dated to a day within ``lo``..``hi``, a part of one month (1月中旬,
        "mid-January"), if just one: a look at that month's day events."""
        inside = [cl for cl in self.by.get((lo.year, lo.month), {}).values() if cl.lo and lo <= cl.lo < hi]
        return inside[0] if len(inside) == 1 else None

    def sole(self, when: When | None, end: datetime | None, cl: Cluster) -> bool:
        """Is ``when`` a month (or year), or days of one month, stated as such, holding only one
        event dated to a day, ``cl``?"""
        if when is None or end is None or when.approximate:
            return False
        if part_of_month(when.start, end) and when.precision == "day":
            return self.within(when.start, end) is cl
        if when.precision not in COARSE:
            return False
        return self.only(when.start, when.precision) is cl and cl.lo is not None and when.start <= cl.lo < end

    def sole_clusters(self, a: Cluster, b: Cluster) -> bool:
        """Is one a month (or year) event and the other the only event dated to a day within it?"""
        for coarse, fine in ((a, b), (b, a)):
            if coarse.precision == "day" and coarse.lo and coarse.hi and part_of_month(coarse.lo, coarse.hi):
                if self.within(coarse.lo, coarse.hi) is fine:
                    return True
            elif coarse.precision in COARSE and coarse.lo and coarse.hi and not one_day(coarse.lo, coarse.hi):
                found = self.only(coarse.lo, coarse.precision)  # type: ignore[arg-type]
                if found is fine and fine.lo is not None and coarse.lo <= fine.lo < coarse.hi:
                    return True
        return False
