"""One date for a merged event: as precise as the sources support, and honest about doubt.

* Dates that nest (3月14日 ⊃ 3月14日凌晨 ⊃ 3月14日凌晨2时) are one claim told at
  different precision: the finest wins.
* A source that hedges ("2019年或2020年") while another is sure ("2019年")
  is a disagreement: the event shows the range covering every stated value and
  the note says who said what.  Overlapping but not nested dates likewise.
* A coarse date holding finer ones (上周 around 4月6日中午 and 4月6日下午) does not
  widen the range the finer ones disagree over; a week (上周, "last week") holding a day others
  state is coarseness, not doubt: the day wins.
* Approximate dates (二十多年前, "about 20 hours later") support an event but
  do not set its date when a stated one exists.
* A date worked out from another (``kind="anchored"``: 距离上次发布会才过去48小时,
  两天后) that falls outside every date a source writes out (在3月5日的发布会上)
  does not set the event's date either: the written date wins, as a count from
  an anchor the extractor chose is the likelier mistake.  Any claim set aside
  this way, or an approximate one outside the result, is named in the note
  ("另有来源据…推算为…"), so the page shows the sources disagree.
* A date one outlet alone gives a day off the date other outlets agree on (``kind="dissent"``:
  its report joined their event as told a day off, `neardays`) does not set the event's date
  either; the note names it ("新浪新闻称2025年11月11日晚…，与其他来源不一致").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..core.dates import PRECISIONS, When

NOTES = {
    "zh": {
        "differ": "各来源对日期说法不一：{claims}。此处标注涵盖各说法的范围。",
        "anchored": "日期由原文“{text}”推算得出。",
        "anchored~": "日期由原文“{text}”推算得出，为约数。",
        "computed": "另有来源据“{text}”推算为{label}（{who}），与原文写明的日期不一致。",
        "dissent": "{who}称{label}（原文“{text}”），与其他来源不一致。",
        "sep": "；",
        "by": "{label}（{who}）",
        "join": "、",
    },
    "en": {
        "differ": "Sources differ on the date: {claims}. Shown here as the range covering them.",
        "anchored": "Date worked out from “{text}” in the source.",
        "anchored~": "Date worked out from “{text}” in the source; approximate.",
        "computed": "{who} works out {label} from “{text}”, unlike the date the sources write.",
        "dissent": "{who} gives {label} (“{text}”), unlike the other sources.",
        "sep": "; ",
        "by": "{label} ({who})",
        "join": ", ",
    },
}


@dataclass
class Claim:
    when: When
    who: str
    """the outlet (or source) that states it"""
    kind: str = "absolute"
    text: str = ""


@dataclass
class Settled:
    when: When
    note: str | None
    reason: str


def _floor(dt: datetime, precision: str) -> datetime:
    dt = dt.replace(hour=0, minute=0, second=0, microsecond=0)
    if precision in ("year", "month"):
        dt = dt.replace(day=1)
    if precision == "year":
        dt = dt.replace(month=1)
    return dt


def _width(w: When) -> float:
    return (w.period_end() - w.start).total_seconds()


def _contains(outer: When, inner: When) -> bool:
    return outer.start <= inner.start and inner.period_end() <= outer.period_end()


def _whole_week(w: When) -> bool:
    """Monday to Sunday ("last week", 上周): a unit of the calendar, coarse as a month is, never a
    hedge between days ("12月3日或4日") even where it is written as a range of days."""
    start = w.start
    return (
        w.precision == "day"
        and start.weekday() == 0
        and (start.hour, start.minute) == (0, 0)
        and w.period_end() - start == timedelta(days=7)
    )


def settle(claims: Sequence[Claim], lang: str = "zh") -> Settled:
    """The event's date from the dates its sources state."""
    words = NOTES["en" if lang.startswith("en") else "zh"]
    unique: dict[tuple, Claim] = {}
    for c in claims:  # syndicated copies state the same date many times over
        unique.setdefault((c.when, c.who, c.kind), c)
    claims = list(unique.values())
    stated = [c for c in claims if not c.when.approximate] or list(claims)
    stated = [c for c in stated if c.kind != "dissent"] or stated  # one outlet a day off the others
    written = [c for c in stated if c.kind != "anchored"]
    if written:  # a count from an anchor outside every written date does not set the date
        stated = [c for c in stated if c.kind != "anchored" or any(c.when.overlaps(w.when) for w in written)]
    settled = _settle(claims, stated, words, lang)
    # a vague word (近日, recently) or a publication date outside it is looseness, not disagreement
    aside = [c for c in claims if c.kind not in ("published", "vague") and not c.when.overlaps(settled.when)]
    if not aside:
        return settled
    gap = " " if lang.startswith("en") else ""  # the notes are whole sentences
    extra = gap.join(
        words["dissent" if c.kind == "dissent" else "computed"].format(
            text=c.text or c.when.label(lang), label=c.when.label(lang), who=c.who
        )
        for c in sorted(aside, key=lambda c: c.when.sort_key())
    )
    note = gap.join(n for n in (settled.note, extra) if n)
    return Settled(settled.when, note, settled.reason + f"; {len(aside)} claim(s) outside it noted")


def _settle(claims: list[Claim], stated: list[Claim], words: dict[str, str], lang: str) -> Settled:
    """The date from the claims that may set it (``stated``), the rest only narrowing within it."""
    # an approximate value inside every stated one ("2时许" within "凌晨") is finer, not doubtful
    # judged once per distinct date: a big event has thousands of claims but few distinct dates
    bounds = list(dict.fromkeys(s.when for s in stated))
    within = {w for w in dict.fromkeys(c.when for c in claims) if all(_contains(s, w) for s in bounds)}
    inside = [c for c in claims if c.when in within]
    finest = min(inside or stated, key=lambda c: (-PRECISIONS.index(c.when.precision), _width(c.when)))
    nested = all(_contains(c.when, finest.when) for c in stated)
    hedged = [
        c
        for c in stated
        if c.when.is_range
        and not _whole_week(c.when)
        and c.when.precision == finest.when.precision
        and _contains(c.when, finest.when)
        and c.when != finest.when
    ]
    if nested and not hedged:
        note = None
        if finest.kind == "anchored":
            note = words["anchored~" if finest.when.approximate else "anchored"].format(text=finest.text)
        why = f"finest of {len(stated)} stated date(s): {finest.when.label('en')} ({finest.who})"
        return Settled(finest.when, note, why)
    # a coarse claim holding a finer one ("last week" around "Monday noon") widens nothing:
    # the disagreement is among the finest claims.  A hedge ("2019年或2020年" around "2019年")
    # is at the same precision and stays: it is doubt, not coarseness.
    coarse = {
        w
        for w in bounds
        if any(
            o != w and _contains(w, o) and PRECISIONS.index(o.precision) > PRECISIONS.index(w.precision)
            for o in bounds
        )
    }
    stated = [c for c in stated if c.when not in coarse] or stated
    precision = min((c.when.precision for c in stated), key=PRECISIONS.index)
    if PRECISIONS.index(precision) > PRECISIONS.index("day"):
        precision = "day"  # a range of hours reads better as the day(s) it falls on
    lo = _floor(min(c.when.start for c in stated), precision)
    last = _floor(max(c.when.period_end() for c in stated) - timedelta(microseconds=1), precision)
    hi = When(last, precision).unit_end()
    cover = When(lo, precision, hi if hi > When(lo, precision).unit_end() else None)
    groups: dict[str, list[str]] = {}
    for c in sorted(stated, key=lambda c: c.when.sort_key()):
        who = groups.setdefault(c.when.label(lang), [])
        if c.who not in who:
            who.append(c.who)
    claims_text = words["sep"].join(
        words["by"].format(label=label, who=words["join"].join(who)) for label, who in groups.items()
    )
    return Settled(
        cover,
        words["differ"].format(claims=claims_text),
        f"sources differ; covering range {cover.label('en')}",
    )

