"""The timeline as headings: years, months, days, and vague dates in their own groups.

Events arrive in chronological order (`Site.timeline`).  Each one is placed
under the heading that names its date at the precision it has, never finer:

* an exact day (or part of a day, hour, minute) goes under its day;
* an event dated only to a month sits directly under that month's heading,
  one dated only to a year directly under the year's heading;
* a vague date (a range such as ``1998年或1999年`` or ``上旬``, or an
  approximate one, ``约1998年``) gets a group of its own, labelled with the
  whole vague date, inside the narrowest year or month that holds all of it.

Year headings are shown only when the timeline spans more than one year, and
month headings only when it spans more than one month; a hidden level's own
events keep a heading of their own (``1999年``) so they are never mistaken
for something more precise.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ...core.dates import PRECISIONS, When
from ...core.model import Event

_DAY = PRECISIONS.index("day")

_WEEKDAYS = {
    "zh": ("周一", "周二", "周三", "周四", "周五", "周六", "周日"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


@dataclass
class Section:
    """A heading on the timeline and what sits under it."""

    kind: str  # "year", "month", "day" or "vague"
    anchor: str  # the heading's id: y-1999, m-1999-03, d-1999-03-05, v-…
    when: When  # the period the heading names
    label: str = ""
    events: list[Event] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    depth: int = 0  # 0 = outermost heading shown; sets the heading level and sticky offset

    @property
    def vague(self) -> bool:
        return self.kind == "vague"

    @property
    def precision(self) -> str:
        """What the heading's date is precise to, for the textual hint under vague groups."""
        return self.when.precision

    def count(self) -> int:
        return len(self.events) + sum(c.count() for c in self.children)


def is_vague(when: When) -> bool:
    return when.is_range or when.approximate


def sections(events: list[Event], lang: str) -> list[Section]:
    """Headings for ``events`` (already in chronological order)."""
    years: dict[int, Section] = {}
    index: dict[str, Section] = {}

    def get(container: list[Section], anchor: str, make: Callable[[], Section]) -> Section:
        sec = index.get(anchor)
        if sec is None:
            sec = make()
            index[anchor] = sec
            container.append(sec)
        return sec

    top: list[Section] = []
    for e in events:
        w = e.when
        s = w.start
        year = get(top, f"y-{s.year:04d}", lambda s=s: Section("year", f"y-{s.year:04d}", _at(s, "year")))
        years[s.year] = year

        def month(s: datetime = s, year: Section = year) -> Section:
            a = f"m-{s.year:04d}-{s.month:02d}"
            return get(year.children, a, lambda: Section("month", a, _at(s, "month")))

        if is_vague(w):
            last = w.period_end() - timedelta(microseconds=1)
            fine = PRECISIONS.index(w.precision) >= _DAY
            container = month() if fine and (last.year, last.month) == (s.year, s.month) else year
            a = "v-" + hashlib.sha1(_key(w).encode()).hexdigest()[:8]
            get(container.children, a, lambda w=w, a=a: Section("vague", a, w)).events.append(e)
        elif w.precision == "year":
            year.events.append(e)
        elif w.precision == "month":
            month().events.append(e)
        else:
            m = month()
            a = f"d-{s.year:04d}-{s.month:02d}-{s.day:02d}"
            get(m.children, a, lambda s=s, a=a: Section("day", a, _at(s, "day"))).events.append(e)

    show_years = len(years) > 1
    show_months = sum(1 for y in top for c in y.children if c.kind == "month") > 1
    shown = _flatten(top, show_years, show_months)
    _finish(shown, 0, lang, show_years or show_months)
    return shown


def _flatten(top: list[Section], show_years: bool, show_months: bool) -> list[Section]:
    """Drop the year and/or month levels; a dropped level's own events keep a heading."""
    out: list[Section] = []
    for year in top:
        inner: list[Section] = []
        for child in year.children:
            if child.kind == "month" and not show_months:
                if child.events:
                    inner.append(Section("month", child.anchor, child.when, events=child.events))
                inner.extend(child.children)
            else:
                inner.append(child)
        if show_years:
            year.children = inner
            out.append(year)
        else:
            if year.events:
                out.append(Section("year", year.anchor, year.when, events=year.events))
            out.extend(inner)
    return out


def _finish(secs: list[Section], depth: int, lang: str, context_shown: bool) -> None:
    for sec in secs:
        sec.depth = depth
        if sec.kind == "day":
            sec.label = day_label(sec.when.start, lang, with_year=not context_shown)
        else:
            sec.label = sec.when.label(lang)
        _finish(sec.children, depth + 1, lang, True)


def day_label(d: datetime, lang: str, *, with_year: bool) -> str:
    """``3月5日 周五`` under a month heading, ``1999年3月5日 周五`` standing alone."""
    weekday = _WEEKDAYS["en" if lang == "en" else "zh"][d.weekday()]
    if with_year:
        day = When(d.replace(hour=0, minute=0), "day").label(lang)
    else:
        day = f"{d.day} {d:%B}" if lang == "en" else f"{d.month}月{d.day}日"
    return f"{weekday} {day}" if lang == "en" else f"{day} {weekday}"


def time_of_day(when: When, lang: str) -> str:
    """The part of an exact date finer than the day (``晚8点``, ``8 pm``); empty if none."""
    if PRECISIONS.index(when.precision) <= _DAY or is_vague(when):
        return ""
    full = when.label(lang)
    day = When(when.start.replace(hour=0, minute=0), "day").label(lang)
    return full.removeprefix(day).strip(" ,")


def _at(dt: datetime, precision: str) -> When:
    if precision == "year":
        dt = dt.replace(month=1, day=1)
    elif precision == "month":
        dt = dt.replace(day=1)
    return When(dt.replace(hour=0, minute=0, second=0, microsecond=0), precision)


def _key(w: When) -> str:
    return f"{w.iso()}~{w.until_iso() or ''}~{w.part_of_day or ''}~{'a' if w.approximate else ''}"
