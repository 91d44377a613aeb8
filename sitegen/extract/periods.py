"""When two reports' dates may be one happening's: the periods merging compares.

`reach` widens a date whose edges are loose (a time of day, an approximate hour or day) by
the settings in `Rules`; `same_period` says whether a report and an event fall in one calendar
day (or one stated year or month) as the sources give them, which lowers the merging bar.
"""

from __future__ import annotations

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
    return when.precision in ("year", "month") and when.precision == cl.precision


def same_period_clusters(a: Cluster, b: Cluster) -> bool:
    assert a.lo and a.hi and b.lo and b.hi
    if one_day(a.lo, a.hi) and one_day(b.lo, b.hi):
        return a.lo.date() == b.lo.date()
    return a.precision == b.precision and a.precision in ("year", "month")
