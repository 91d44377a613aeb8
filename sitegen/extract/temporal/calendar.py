"""Calendar arithmetic for the temporal extractor: `When` values at a precision.

Everything here is pure: given numbers and a timezone, build the period the
text names, never finer than its precision.  Shifts by an amount ("72小时",
"十多年") widen to a range when the amount is fuzzy and coarsen to the coarser
of the anchor's precision and the amount's unit: three days after an hour is a
day, not an hour.
"""

from __future__ import annotations

import calendar
import dataclasses
import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta

from sitegen.core.dates import PARTS_OF_DAY, PRECISIONS, When, calendar_end
from sitegen.extract.temporal import words as W

UNIT_PRECISION = {
    "minute": "minute", "hour": "hour", "day": "day", "week": "day",
    "month": "month", "year": "year", "decade": "year",
}  # fmt: skip


def midnight(d: date, tz: tzinfo) -> datetime:
    return datetime(d.year, d.month, d.day, tzinfo=tz)


def month_days(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def coarser(a: str, b: str) -> str:
    return a if PRECISIONS.index(a) <= PRECISIONS.index(b) else b


def truncate(dt: datetime, precision: str, part: str | None = None) -> datetime:
    """The first instant of the unit of ``precision`` that contains ``dt``."""
    if precision == "year":
        return dt.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision == "month":
        return dt.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision == "day":
        return dt.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision == "part-of-day":
        first_hour = PARTS_OF_DAY[part or "evening"][0]
        return dt.replace(hour=first_hour, minute=0, second=0, microsecond=0)
    if precision == "hour":
        return dt.replace(minute=0, second=0, microsecond=0)
    return dt.replace(second=0, microsecond=0)


def add_unit(dt: datetime, precision: str, n: int = 1, part: str | None = None) -> datetime:
    """``dt`` plus ``n`` units; past the calendar's last day, its last instant (`calendar_end`)."""
    try:
        return _plus(dt, precision, n, part)
    except (OverflowError, ValueError):
        if n <= 0:
            raise
        return calendar_end(dt.tzinfo)


def next_day(d: date) -> date:
    """The day after ``d``; 9999-12-31 has none, and is its own latest day."""
    return d + timedelta(days=1) if d < date.max else d


def _plus(dt: datetime, precision: str, n: int, part: str | None) -> datetime:
    if precision == "year":
        return dt + relativedelta(years=n)
    if precision == "month":
        return dt + relativedelta(months=n)
    if precision == "day":
        return dt + relativedelta(days=n)
    if precision == "part-of-day":
        first, end, _, _ = PARTS_OF_DAY[part or "evening"]
        return dt + timedelta(days=n - 1, hours=end - first)
    if precision == "hour":
        return dt + timedelta(hours=n)
    return dt + timedelta(minutes=n)


def ceil_unit(dt: datetime, precision: str) -> datetime:
    """The first unit boundary at or after ``dt``."""
    t = truncate(dt, precision if precision != "part-of-day" else "day")
    if t == dt:
        return t
    return add_unit(t, precision if precision != "part-of-day" else "day")


def span(
    start: datetime,
    end: datetime | None,
    precision: str,
    *,
    approximate: bool = False,
    part: str | None = None,
) -> When:
    """A `When` from ``start`` to the exclusive ``end``; a single unit drops the end."""
    if end is not None and end <= add_unit(start, precision, part=part):
        end = None
    return When(start, precision, end, part, approximate)


def year_span(first: int, last: int, tz: tzinfo, *, approximate: bool = False) -> When:
    start = datetime(first, 1, 1, tzinfo=tz)
    end = datetime(last + 1, 1, 1, tzinfo=tz) if last < 9999 else calendar_end(tz)
    return span(start, end, "year", approximate=approximate)


def month_span(
    y: int, m: int, tz: tzinfo, last: tuple[int, int] | None = None, *, approximate: bool = False
) -> When:
    start = datetime(y, m, 1, tzinfo=tz)
    ly, lm = last or (y, m)
    ey, em = add_months(ly, lm, 1)
    end = datetime(ey, em, 1, tzinfo=tz) if ey <= 9999 else calendar_end(tz)
    return span(start, end, "month", approximate=approximate)


def day_span(first: date, last: date | None, tz: tzinfo, *, approximate: bool = False) -> When:
    last = last or first
    end = midnight(last + timedelta(days=1), tz) if last < date.max else calendar_end(tz)
    return span(midnight(first, tz), end, "day", approximate=approximate)


def part_of_day(d: date, part: str, tz: tzinfo, *, approximate: bool = False) -> When:
    start = midnight(d, tz).replace(hour=PARTS_OF_DAY[part][0])
    return When(start, "part-of-day", None, part, approximate)


def clock(d: date, hour: int, minute: int | None, tz: tzinfo, *, approximate: bool = False) -> When:
    """An hour (``minute`` None) or a minute on day ``d``; hour 24 is the next midnight."""
    start = midnight(d, tz) + timedelta(hours=hour, minutes=minute or 0)
    return When(start, "minute" if minute is not None else "hour", None, None, approximate)


def offset(dt: datetime, unit: str, amount: float, sign: int) -> datetime:
    """``dt`` moved by ``amount`` ``unit``s; halves of months and years become days and months."""
    whole = int(amount)
    frac = amount - whole
    if unit == "minute":
        return dt + sign * timedelta(minutes=amount)
    if unit == "hour":
        return dt + sign * timedelta(hours=amount)
    if unit == "day":
        return dt + sign * timedelta(days=amount)
    if unit == "week":
        return dt + sign * timedelta(weeks=amount)
    if unit == "month":
        return dt + sign * relativedelta(months=whole, days=round(frac * 30))
    if unit == "decade":
        return dt + sign * relativedelta(years=round(amount * 10))
    return dt + sign * relativedelta(years=whole, months=round(frac * 12))


def shift(base: When, unit: str, lo: float, hi: float, sign: int, *, approximate: bool) -> When:
    """The period ``lo``..``hi`` ``unit``s before (sign -1) or after (+1) ``base``."""
    if sign < 0:
        start = offset(base.start, unit, hi, -1)
        end = offset(base.period_end(), unit, lo, -1)
    else:
        start = offset(base.start, unit, lo, +1)
        end = offset(base.period_end(), unit, hi, +1)
    precision = coarser(base.precision, UNIT_PRECISION[unit])
    part = None
    if precision == "part-of-day":
        if unit in ("day", "week") and lo == hi and lo == int(lo):
            part = base.part_of_day  # 前一晚: the evening before an evening
        else:
            precision = "day"
    first = truncate(start, precision, part)
    if part is not None:
        return When(first, precision, None, part, approximate)
    last_end = ceil_unit(end, precision)
    return span(first, last_end, precision, approximate=approximate)


def clip_to(when: When, limit: datetime) -> When:
    """Cut a range so it ends by ``limit`` (rounded up to its precision)."""
    if when.end is None:
        return when
    bound = ceil_unit(limit, when.precision)
    if when.end <= bound or bound <= when.start:
        return when
    return span(when.start, bound, when.precision, approximate=when.approximate, part=when.part_of_day)


def weekday_on_or_before(d: date, weekday: int) -> date:
    """The most recent ``weekday`` (Monday 0) on or before ``d``."""
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def week_monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


# -- zones ---------------------------------------------------------------------------
def apply_zone(when: When, zone: str | None, notes: list[str]) -> When:
    if not zone:
        return when
    zone_info = _zone(zone)
    if zone_info is None:
        notes.append(f"{zone}: the place's local time, zone not given")
        return dataclasses.replace(when, approximate=True)
    if when.precision not in ("hour", "minute"):
        notes.append(f"date as written in {zone}")
        return when
    local = when.start.replace(tzinfo=zone_info)
    start = local.astimezone(when.start.tzinfo)
    if start != when.start:
        notes.append(f"{zone} converted to the publication's zone")
    return dataclasses.replace(when, start=start)


_OFFSET = re.compile(r"(?:gmt|utc)\s?([+-])\s?([0-9]{1,2})(?::?00)?")


def _zone(zone: str) -> tzinfo | None:
    """A named zone (`words.ZONES`), or a fixed offset written "GMT+8" / "UTC-5"."""
    fixed = _OFFSET.fullmatch(W.key(zone))
    if fixed:
        hours = int(fixed.group(2)) * (1 if fixed.group(1) == "+" else -1)
        return timezone(timedelta(hours=hours))
    name = W.ZONES.get(W.key(zone))
    return ZoneInfo(name) if name else None
