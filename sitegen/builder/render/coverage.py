"""The coverage chart: how many articles were published, and how many events happened, per day.

Drawn at build time as inline SVG (no script, no style attributes) with the
same numbers in a table beside it.  Articles count by publication date, events
by the day they happened; an event whose date is vaguer than a day (a month, a
range, an approximate date) has no day to count on and is reported apart.
Longer spans are counted per month, year, decade or century: the first unit that
needs at most `MAX_BINS` bars, so the chart stays small whatever the span (a page
dated 0001-01-01 beside one of 2026 gives 21 centuries, not 24,000 months), and
its cost follows the number of pages, never the years between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from ...core.dates import PRECISIONS, When
from ...core.model import Event, Source
from .timeline import is_vague

MAX_BINS = 120
UNITS = ("day", "month", "year", "decade", "century")  # fine to coarse
WIDE = 672  # the chart's width in CSS pixels when there are many bins (narrower boxes scale it down)
ROOMY_STEP = 56  # pixels per bin when few bins: every bin gets its own label
LABEL_ROOM = 56  # pixels a tick label needs at least
TICK_FONT_PX = 12  # the font size of tick labels (`.chart svg` in the theme's style.css)
PHONE_TICK_FONT_PX = 15  # …on a phone's width, where the chart is scaled down and every other label hidden
TICK_GAP = 8  # pixels kept free between two labels
TOP, BASE, HEIGHT = 16, 110, 130  # y of the peak line, of the baseline, and the SVG height


@dataclass
class Bin:
    start: date
    label: str  # full, for the table: 1999年3月5日
    anchor: str  # the timeline heading of that day, if the timeline shows one
    articles: int = 0
    events: int = 0

    tick: str = ""  # short label under the bar, when there is room: 1月8日
    alt: bool = False  # every other label: hidden where the chart is scaled down to a phone's width
    center: float = 0
    # bar geometry in SVG user units (= CSS pixels), filled in by `coverage`
    x: float = 0
    bar: float = 0
    articles_y: float = 0
    articles_h: float = 0
    events_y: float = 0
    events_h: float = 0


@dataclass
class Coverage:
    unit: str  # "day" or "month"
    bins: list[Bin] = field(default_factory=list)
    peak: int = 0
    articles: int = 0
    events: int = 0
    undated: int = 0  # events with no single day to count on
    width: float = 0
    height: int = HEIGHT
    top: int = TOP
    base: int = BASE


def _day(dt: datetime, tz: tzinfo) -> date:
    return dt.astimezone(tz).date()


def coverage(events: list[Event], sources: list[Source], tz: tzinfo, lang: str) -> Coverage:
    """Counts per day (or month) over the span of the sources and day-dated events."""
    article_days = [_day(s.published, tz) for s in sources]
    event_days: list[date] = []
    undated = 0
    for e in events:
        if PRECISIONS.index(e.when.precision) >= PRECISIONS.index("day") and not is_vague(e.when):
            event_days.append(_day(e.when.start, tz))
        else:
            undated += 1
    days = article_days + event_days
    if not days:
        return Coverage("day", undated=undated)
    first, last = min(days), max(days)
    unit = next(u for u in UNITS if _index(last, u) - _index(first, u) < MAX_BINS)
    bins: dict[int, Bin] = {}
    for i in range(_index(first, unit), _index(last, unit) + 1):
        bins[i] = _bin(_start(i, unit), unit, tz, lang)
    for a in article_days:
        bins[_index(a, unit)].articles += 1
    for ev in event_days:
        bins[_index(ev, unit)].events += 1
    out = Coverage(unit, list(bins.values()), articles=len(article_days), events=len(event_days))
    out.undated = undated
    out.peak = max(max(b.articles, b.events) for b in out.bins)
    n = len(out.bins)
    room = max([LABEL_ROOM] + [tick_width(b.tick) + TICK_GAP for b in out.bins])
    roomy = max(ROOMY_STEP, room)  # few bins: each gets its own label
    step = roomy if n * roomy <= WIDE else max((WIDE - room) / n, 4.0)
    every = max(1, -(-int(room) // int(step)))  # label every n-th bin so that labels do not collide
    # room for the halves of the first and last labels, as large as a phone draws them
    phone = max(tick_width(b.tick) * PHONE_TICK_FONT_PX / TICK_FONT_PX for b in out.bins) + TICK_GAP
    pad = max(0.0, (max(room, phone) - step) / 2)
    out.width = round(step * n + 2 * pad, 1)
    scale = (BASE - TOP) / out.peak if out.peak else 0
    for i, b in enumerate(out.bins):
        b.x = round(pad + i * step + step * 0.1, 1)
        b.bar = round(step * 0.4, 1)
        b.center = round(b.x + b.bar, 1)
        b.articles_h = round(b.articles * scale, 1)
        b.articles_y = round(BASE - b.articles_h, 1)
        b.events_h = round(b.events * scale, 1)
        b.events_y = round(BASE - b.events_h, 1)
        if i % every:
            b.tick = ""
        b.alt = bool((i // every) % 2)
    return out


def tick_width(text: str) -> float:
    """Pixels a tick label takes at the chart's font size, a little over: a CJK character is an
    em wide, a digit or Latin letter about 0.62 em (2026年3月 is 7 characters but 5.5 em)."""
    return sum(TICK_FONT_PX * (1.0 if ord(ch) > 0x2E80 else 0.62) for ch in text)


def _index(d: date, unit: str) -> int:
    """The number of the bin holding ``d``; consecutive bins have consecutive numbers."""
    if unit == "day":
        return d.toordinal()
    if unit == "month":
        return d.year * 12 + d.month - 1
    return d.year // {"year": 1, "decade": 10, "century": 100}[unit]


def _start(index: int, unit: str) -> date:
    """The first day of bin ``index`` (the years 0 of decade and century 0 do not exist: year 1)."""
    if unit == "day":
        return date.fromordinal(index)
    if unit == "month":
        return date(index // 12, index % 12 + 1, 1)
    return date(max(1, index * {"year": 1, "decade": 10, "century": 100}[unit]), 1, 1)


def _bin(d: date, unit: str, tz: tzinfo, lang: str) -> Bin:
    en = lang == "en"
    if unit in ("day", "month", "year"):
        label = When(datetime(d.year, d.month, d.day, tzinfo=tz), unit).label(lang)
        anchor = f"d-{d:%Y-%m-%d}" if unit == "day" else f"m-{d.year:04d}-{d.month:02d}"
        return Bin(d, label, anchor if unit != "year" else f"y-{d.year:04d}", tick=_tick(d, unit, lang))
    first = d.year - d.year % (10 if unit == "decade" else 100)
    if unit == "decade":
        label = f"{first}s" if en else f"{first}年代"
    else:
        label = f"{first}–{first + 99}" if en else f"{first}–{first + 99}年"
    return Bin(d, label, "", tick=label)


def _tick(d: date, unit: str, lang: str) -> str:
    en = lang == "en"
    if unit == "year":
        return str(d.year) if en else f"{d.year}年"
    if unit == "month":
        return d.strftime("%b %Y") if en else f"{d.year}年{d.month}月"
    return f"{d.day} {d:%b}" if en else f"{d.month}月{d.day}日"
