"""When something happened, at the precision the sources give.

`When` is the one date model shared by extraction (which produces it), content
(which stores it in front matter) and build (which labels and sorts it).
A value is a *period*: ``start`` is its first instant, and the period lasts
one unit of ``precision`` (a year, a month, a day, a part of a day, an hour, a
minute) unless ``end`` widens it into a vague range ("2009年或2010年",
"本月初").  Nothing here ever makes a date more precise than it was given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from dateutil.relativedelta import relativedelta

PRECISIONS = ("year", "month", "day", "part-of-day", "hour", "minute")
"""Coarse to fine. ``part-of-day`` is a day plus one of `PARTS_OF_DAY`."""

PARTS_OF_DAY: dict[str, tuple[int, int, str, str]] = {
    # name: (first hour, end hour (exclusive), zh label, en label)
    "dawn": (0, 6, "凌晨", "before dawn"),
    "morning": (6, 12, "上午", "morning"),
    "noon": (11, 14, "中午", "midday"),
    "afternoon": (12, 18, "下午", "afternoon"),
    "evening": (18, 24, "晚", "evening"),
    "night": (21, 24, "深夜", "late night"),
}

_EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


class DateError(ValueError):
    """A date field that cannot be read; the message says what was expected."""


@dataclass(frozen=True)
class When:
    """A point in time at a stated precision, or a vague range of such points."""

    start: datetime
    precision: str = "day"
    end: datetime | None = None
    """Exclusive end of a vague range; ``None`` means one unit of ``precision``."""
    part_of_day: str | None = None
    approximate: bool = False

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise DateError(f"precision must be one of {', '.join(PRECISIONS)}, not {self.precision!r}")
        if self.start.tzinfo is None:
            raise DateError("start must carry a timezone")
        if self.precision == "part-of-day" and self.part_of_day not in PARTS_OF_DAY:
            raise DateError(
                f"part_of_day must be one of {', '.join(PARTS_OF_DAY)} when precision is part-of-day"
            )
        if self.end is not None and self.end <= self.start:
            raise DateError("a date range must end after it starts")

    # -- the period ---------------------------------------------------------
    def unit_end(self) -> datetime:
        """End (exclusive) of the single unit that starts at ``start``."""
        return _add_unit(self.start, self.precision, self.part_of_day)

    def period_end(self) -> datetime:
        """End (exclusive) of the whole period this value covers."""
        return self.end if self.end is not None else self.unit_end()

    @property
    def is_range(self) -> bool:
        return self.end is not None

    def overlaps(self, other: When) -> bool:
        """True when the two periods share an instant: they may be the same happening."""
        return self.start < other.period_end() and other.start < self.period_end()

    def sort_key(self) -> tuple[float, int, float]:
        """Chronological; at equal start the coarser value first (a year before its days)."""
        return (
            self.start.timestamp(),
            PRECISIONS.index(self.precision),
            self.period_end().timestamp(),
        )

    # -- text forms ---------------------------------------------------------
    def iso(self) -> str:
        """The start written at its precision: ``2009``, ``2024-05``, ``2024-05-17T20:00+08:00``."""
        return _iso_at(self.start, self.precision)

    def until_iso(self) -> str | None:
        """The last unit of a range, inclusive, written at the precision (``2010`` for 2009–2010)."""
        if self.end is None:
            return None
        last = _last_unit_start(self.end, self.precision, self.part_of_day)
        return _iso_at(last, self.precision)

    def to_fields(self) -> dict[str, object]:
        """Front-matter fields, in the order people read them."""
        fields: dict[str, object] = {"date": self.iso(), "precision": self.precision}
        if self.part_of_day:
            fields["part_of_day"] = self.part_of_day
        if self.end is not None:
            fields["until"] = self.until_iso()
        if self.approximate:
            fields["approximate"] = True
        return fields

    @classmethod
    def from_fields(cls, fields: dict, tz: tzinfo) -> When:
        """Read ``date``/``precision``/``until``/``part_of_day``/``approximate`` (front matter)."""
        raw = fields.get("date")
        if raw is None or raw == "":
            raise DateError("missing 'date' (e.g. 2024-05-17, 2024-05, 2009 or 2024-05-17T20:00+08:00)")
        start, implied = parse_iso(raw, tz)
        precision = str(fields.get("precision") or implied)
        if precision not in PRECISIONS:
            raise DateError(f"precision must be one of {', '.join(PRECISIONS)}, not {precision!r}")
        if PRECISIONS.index(precision) > PRECISIONS.index(implied) and not (
            precision == "part-of-day" and implied == "day"
        ):
            raise DateError(
                f"date {raw!s} is written to the {implied}, but precision says {precision}: "
                "write the date to that precision or lower the precision"
            )
        start = _truncate(start, precision)
        part = fields.get("part_of_day")
        if precision == "part-of-day":
            if part not in PARTS_OF_DAY:
                raise DateError(f"part_of_day must be one of {', '.join(PARTS_OF_DAY)}")
            start = start.replace(hour=PARTS_OF_DAY[part][0])
        elif part is not None:
            raise DateError("part_of_day is only allowed with precision: part-of-day")
        end = None
        if fields.get("until") not in (None, ""):
            last, _ = parse_iso(fields["until"], tz)
            last = _truncate(last, precision)
            if precision == "part-of-day":
                last = last.replace(hour=PARTS_OF_DAY[part][0])
            end = _add_unit(last, precision, part)
        approximate = fields.get("approximate", False)
        if not isinstance(approximate, bool):
            raise DateError("approximate must be true or false")
        return cls(start, precision, end, part, approximate)

    def label(self, lang: str = "zh") -> str:
        """How a reader sees the date, never more precise than the value."""
        zh = not lang.lower().startswith("en")
        text = _range_label(self, zh) if self.end is not None else _point_label(self, zh)
        if self.approximate:
            text = ("约" + text) if zh else ("c. " + text)
        return text


# -- parsing ---------------------------------------------------------------
_ISO = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2})(?::(?P<M>\d{2})(?::(?P<S>\d{2}))?)?(?P<tz>Z|[+-]\d{2}:?\d{2}(?::\d{2})?)?)?)?)?$"
)


def parse_iso(value: object, tz: tzinfo) -> tuple[datetime, str]:
    """Parse a front-matter date at any precision; returns (aware start, implied precision).

    Naive times are local time of ``tz``.  YAML may already have turned the
    value into a ``date`` or ``datetime``; both are accepted.
    """
    if isinstance(value, datetime):
        dt = value if value.tzinfo else value.replace(tzinfo=tz)
        return dt, "minute"
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=tz), "day"
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise DateError(f"expected a date such as 2024-05-17, got {value!r}")
    m = _ISO.match(value.strip())
    if not m:
        raise DateError(
            f"cannot read date {value!r}: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM(+08:00)"
        )
    parts = m.groupdict()
    try:
        dt = datetime(
            int(parts["y"]),
            int(parts["m"] or 1),
            int(parts["d"] or 1),
            int(parts["H"] or 0),
            int(parts["M"] or 0),
            int(parts["S"] or 0),
        )
    except ValueError as exc:  # year 0, month 13, 30 February, hour 24, minute 60
        raise DateError(f"cannot read date {value!r}: {_why(exc)}") from None
    if parts["tz"]:
        try:
            dt = datetime.fromisoformat(dt.isoformat() + _norm_offset(parts["tz"]))
        except ValueError:
            raise DateError(
                f"cannot read date {value!r}: the UTC offset {parts['tz']} is not one a clock uses "
                "(from -23:59 to +23:59, e.g. +08:00)"
            ) from None
    else:
        dt = dt.replace(tzinfo=tz)
    _in_range(dt, value, tz, parts["H"] is not None)
    if parts["M"] is not None:
        implied = "minute"
    elif parts["H"] is not None:
        implied = "hour"
    elif parts["d"] is not None:
        implied = "day"
    elif parts["m"] is not None:
        implied = "month"
    else:
        implied = "year"
    return dt, implied


def _why(exc: ValueError) -> str:
    """Python's reason for refusing a calendar value, said as what was expected."""
    text = str(exc)
    if "year" in text:
        return "the year must be from 0001 to 9999"
    if "month must be" in text:
        return "the month must be from 01 to 12"
    if "day is out of range" in text:
        return "that month has no such day"
    if "hour must be" in text:
        return "the hour must be from 00 to 23"
    if "minute must be" in text:
        return "the minute must be from 00 to 59"
    if "second must be" in text:
        return "the second must be from 00 to 59"
    return text


def _in_range(dt: datetime, value: object, tz: tzinfo, timed: bool) -> None:
    """Years 0001 to 9999 are all readable, as dates; the site's time zone must be able to hold the
    value, and a time of day must lie at least a day inside the calendar: in some time zone
    ``9999-12-31T23:59+14:00`` is already year 10000, and every later step (sorting, feeds,
    the coverage chart) may show it in another zone."""
    try:
        dt.astimezone(tz)
        if timed:
            dt + timedelta(days=1)
            dt - timedelta(days=1)
    except (OverflowError, ValueError):
        raise DateError(
            f"date {value!r} is out of range: a time of day must lie at least a day inside the years "
            "0001 to 9999 (in some time zone it falls outside them); give the day alone"
        ) from None


def _norm_offset(tz: str) -> str:
    if tz == "Z":
        return "+00:00"
    return tz if ":" in tz else tz[:3] + ":" + tz[3:]


# -- arithmetic ------------------------------------------------------------
def _truncate(dt: datetime, precision: str) -> datetime:
    if precision == "year":
        return dt.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision == "month":
        return dt.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    if precision in ("day", "part-of-day"):
        return dt.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision == "hour":
        return dt.replace(minute=0, second=0, microsecond=0)
    return dt.replace(second=0, microsecond=0)


def calendar_end(tz: tzinfo | None) -> datetime:
    """The last instant a datetime can hold: the exclusive end of anything on 9999-12-31."""
    return datetime.max.replace(tzinfo=tz)


def _add_unit(dt: datetime, precision: str, part: str | None = None) -> datetime:
    """The end of the unit starting at ``dt``; on the calendar's last day, `calendar_end`."""
    try:
        return _plus_unit(dt, precision, part)
    except (OverflowError, ValueError):  # 9999-12-31 + 1 day: the year 10000 does not exist
        return calendar_end(dt.tzinfo)


def _plus_unit(dt: datetime, precision: str, part: str | None) -> datetime:
    if precision == "year":
        return dt + relativedelta(years=1)
    if precision == "month":
        return dt + relativedelta(months=1)
    if precision == "day":
        return dt + relativedelta(days=1)
    if precision == "part-of-day":
        first, end, _, _ = PARTS_OF_DAY[part or "evening"]
        return dt + timedelta(hours=end - first)
    if precision == "hour":
        return dt + timedelta(hours=1)
    return dt + timedelta(minutes=1)


def _last_unit_start(end: datetime, precision: str, part: str | None) -> datetime:
    if end == calendar_end(end.tzinfo):
        return _truncate(end, precision)
    if precision == "year":
        return end - relativedelta(years=1)
    if precision == "month":
        return end - relativedelta(months=1)
    if precision == "day":
        return end - relativedelta(days=1)
    if precision == "part-of-day":
        first, stop, _, _ = PARTS_OF_DAY[part or "evening"]
        return end - timedelta(hours=stop - first)
    if precision == "hour":
        return end - timedelta(hours=1)
    return end - timedelta(minutes=1)


def _iso_at(dt: datetime, precision: str) -> str:
    if precision == "year":
        return f"{dt.year:04d}"
    if precision == "month":
        return f"{dt.year:04d}-{dt.month:02d}"
    if precision in ("day", "part-of-day"):
        return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}"
    return dt.isoformat(timespec="minutes")


# -- labels ----------------------------------------------------------------
def _hour_zh(h: int, m: int | None) -> str:
    if h < 6:
        prefix, shown = "凌晨", h
    elif h < 12:
        prefix, shown = "上午", h
    elif h < 13:
        prefix, shown = "中午", h
    elif h < 18:
        prefix, shown = "下午", h - 12
    else:
        prefix, shown = "晚", h - 12
    if m is None:
        return f"{prefix}{shown}点"
    return f"{prefix}{shown}点{m:02d}分" if m else f"{prefix}{shown}点"


def _hour_en(h: int, m: int | None) -> str:
    suffix = "am" if h < 12 else "pm"
    shown = h % 12 or 12
    if m:
        return f"{shown}:{m:02d} {suffix}"
    return f"{shown} {suffix}"


def _day_zh(dt: datetime) -> str:
    return f"{dt.year}年{dt.month}月{dt.day}日"


def _day_en(dt: datetime) -> str:
    return f"{dt.day} {_EN_MONTHS[dt.month - 1]} {dt.year}"


def _point_label(w: When, zh: bool) -> str:
    s = w.start
    if w.precision == "year":
        return f"{s.year}年" if zh else str(s.year)
    if w.precision == "month":
        return f"{s.year}年{s.month}月" if zh else f"{_EN_MONTHS[s.month - 1]} {s.year}"
    if w.precision == "day":
        return _day_zh(s) if zh else _day_en(s)
    if w.precision == "part-of-day":
        _, _, zh_part, en_part = PARTS_OF_DAY[w.part_of_day or "evening"]
        return f"{_day_zh(s)}{zh_part}" if zh else f"{_day_en(s)}, {en_part}"
    minute = s.minute if w.precision == "minute" else None
    if zh:
        return f"{_day_zh(s)} {_hour_zh(s.hour, minute)}"
    return f"{_day_en(s)}, {_hour_en(s.hour, minute)}"


_DEKADS_ZH = {1: "上旬", 11: "中旬", 21: "下旬"}
_DEKADS_EN = {1: "early", 11: "mid", 21: "late"}


def _range_label(w: When, zh: bool) -> str:
    assert w.end is not None
    s = w.start
    last = _last_unit_start(w.end, w.precision, w.part_of_day)
    if w.precision == "day" and s.day in _DEKADS_ZH and last.month == s.month and last.year == s.year:
        month_end = (s.replace(day=1) + relativedelta(months=1) - relativedelta(days=1)).day
        dekad_last = s.day + 9 if s.day < 21 else month_end
        if last.day == dekad_last:
            if zh:
                return f"{s.year}年{s.month}月{_DEKADS_ZH[s.day]}"
            return f"{_DEKADS_EN[s.day]} {_EN_MONTHS[s.month - 1]} {s.year}"
    if w.precision == "year":
        if zh:
            sep = "或" if last.year == s.year + 1 else "–"
            return f"{s.year}年{sep}{last.year}年" if sep == "或" else f"{s.year}–{last.year}年"
        sep = " or " if last.year == s.year + 1 else "–"
        return f"{s.year}{sep}{last.year}"
    if w.precision == "month":
        if zh:
            if s.year == last.year:
                return f"{s.year}年{s.month}月至{last.month}月"
            return f"{s.year}年{s.month}月至{last.year}年{last.month}月"
        return f"{_EN_MONTHS[s.month - 1]} {s.year} – {_EN_MONTHS[last.month - 1]} {last.year}"
    if w.precision == "day":
        if zh:
            if (s.year, s.month) == (last.year, last.month):
                return f"{_day_zh(s)}至{last.day}日"
            if s.year != last.year:  # 2025年12月30日至1月2日 could be read as 2025年1月2日
                return f"{_day_zh(s)}至{_day_zh(last)}"
            return f"{_day_zh(s)}至{last.month}月{last.day}日"
        if (s.year, s.month) == (last.year, last.month):
            return f"{s.day}–{last.day} {_EN_MONTHS[s.month - 1]} {s.year}"
        return f"{_day_en(s)} – {_day_en(last)}"
    # finer ranges: both ends in full
    first = _point_label(When(s, w.precision, None, w.part_of_day), zh)
    second = _point_label(When(last, w.precision, None, w.part_of_day), zh)
    return f"{first}至{second}" if zh else f"{first} – {second}"
