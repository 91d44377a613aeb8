"""Composition over mentions already found: ``A 至 B`` is one range, both ends kept.

The rules find ``5月16日凌晨1时`` and ``17日凌晨5时`` on their own; read alone,
the second is "the 17th" of the publication month or the one before, which
put an announcement for 16-17 May on 17 April.  Here two neighbouring
mentions joined by a range word (``至``, ``到``, ``起至``, ``—``, ``-``,
``until``…) are resolved together:

* **B is read with A as its anchor**, even when A lies after publication and
  so will not be dated: ``17日`` takes A's month, ``中午12点`` A's day.
* **The end never precedes the start**: a month-day whose year was inferred
  and fell before A (``明天起至1月2日`` in a 29 December article) is moved a
  year forward, to the first such day after A.
* **The range is judged as one mention**: plan wording before A, or a start
  after publication, makes the whole range a not-event, so no fragment of a
  future range leaks a past date.  Its precision is the coarser of the two
  ends (``2019.05.29 15:20-2020.01.12`` is a range of days).

A weekday written just before a date (``周日，二月十号``) is composed the same
way: it checks the date, as a weekday after a date does, and never moves it.

Which compositions exist is data (`COMPOSITIONS`); the corpus exercises each.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from sitegen.core.dates import When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import resolve as R
from sitegen.extract.temporal.context import ROLLED_BACK, Anchor, Ctx, Hit, Resolved, describe
from sitegen.extract.temporal.rules_common import Rule

_ZH_JOIN = r"(?:时|起|开始)?[ \t]?(?:至|到|直至|直到|一直到|—{1,2}|–|－|-|~|～)"
_EN_JOIN = r"-|–|—|to|until|till|through|thru"
_JOIN = re.compile(rf"[ \t\u00a0\u3000]*(?:{_ZH_JOIN}|{_EN_JOIN})[ \t\u00a0\u3000]*", re.I)
_EN_WORD_JOIN = re.compile(r"to|until|till|through|thru", re.I)
_OPENER = re.compile(r"\b(?:from|between)\s+$", re.I)
_AND = re.compile(r"\s+and\s+", re.I)
_BETWEEN = re.compile(r"\bbetween\s+$", re.I)

RANGE = Rule("compose-range", "any", "absolute", re.compile(r"(?!)"), lambda hit, ctx: None)
"""The rule a composed range reports (for ``sitegen import --explain``); it matches nothing itself."""

WEEKDAY_DATE = Rule("compose-weekday", "any", "absolute", re.compile(r"(?!)"), lambda hit, ctx: None)
"""The rule a weekday-then-date mention reports."""

COMPOSITIONS: tuple[Rule, ...] = (RANGE, WEEKDAY_DATE)
_WEEKDAY_GAP = re.compile(r"[ \t\u00a0\u3000]?[,，、]?[ \t\u00a0\u3000]?")


def weekday_before(text: str, a: Hit, b: Hit) -> bool:
    """``周日，二月十号``: a bare weekday right before a date of its own day."""
    return (
        a.rule.name == "zh-weekday"
        and not a.g.get("wrel")
        and not (a.g.get("pod") or a.g.get("h"))
        and bool(b.g.get("d"))
        and not b.g.get("pwd")
        and b.rule.kind != "not-event"
        and _WEEKDAY_GAP.fullmatch(text, a.end, b.start) is not None
    )


def weekday_date(a: Hit, b: Hit, ctx: Ctx) -> Resolved | None:
    """The date ``b`` checked by the weekday ``a``."""
    checked = dataclasses.replace(b, g={**b.g, "pwd": a.g.get("wd")})
    return b.rule.resolve(checked, ctx)


def resolve_range_end(hit: Hit, ctx: Ctx) -> Resolved | None:
    """A rule that only makes sense as the end of a range (``到11点``): read only when composed."""
    if not ctx.composing:
        return None
    return R.resolve_calendar(hit, ctx)


_KIND_ORDER = ("anchored", "relative", "vague", "absolute")


def joins(text: str, a: Hit, b: Hit) -> bool:
    """Are mentions ``a`` and ``b`` (in this order) the two ends of one range?"""
    if a.rule.kind == "not-event" or b.rule.kind == "not-event":
        return False
    m = _JOIN.fullmatch(text, a.end, b.start)
    if m is None:  # "between Monday and Wednesday": "and" joins the ends only after "between"
        between = _BETWEEN.search(text, max(0, a.start - 12), a.start)
        return bool(between and _AND.fullmatch(text, a.end, b.start))
    if _EN_WORD_JOIN.search(m.group(0)) and m.group(0).strip().lower() != "through":
        # "moved from X to Y" is a range only when "from"/"between" opens it
        return bool(_OPENER.search(text, max(0, a.start - 12), a.start))
    return True


def compose(a: Hit, b: Hit, ctx: Ctx) -> Resolved | None:
    """The range from ``a`` to ``b``, or None when they do not make one (then each is read alone)."""
    a = _in_week_of(a, b)
    ra = a.rule.resolve(a, ctx)
    if ra is None or ra.when is None:
        return None
    ctx.anchors.append(Anchor(ra.when, a.text, a.start, ra.names_year))
    ctx.composing = True
    try:
        rb = b.rule.resolve(b, ctx)
    finally:
        ctx.anchors.pop()
        ctx.composing = False
    if rb is None or rb.when is None:
        return None
    first, last = ra.when, rb.when
    notes = [ra.explanation, rb.explanation]
    if last.period_end() <= first.start and _year_inferred(b):
        while last.period_end() <= first.start:
            last = dataclasses.replace(last, start=last.start + relativedelta(years=1))
        notes.append(f"the end {b.text} is the first such day after the start")
    if last.period_end() <= first.start and b.g.get("h") and not b.g.get("pod"):
        later = dataclasses.replace(last, start=last.start + timedelta(hours=12))
        if later.period_end() > first.start:  # 晚上8点到10点: the end keeps the start's half of the day
            last = later
    if last.period_end() <= first.start:
        return None
    when = _span(first, last)
    kinds = {ra.kind} if rb.kind == "anchored" else {ra.kind, rb.kind}  # B is anchored on A
    kind = next(k for k in _KIND_ORDER if k in kinds)
    text = f"{a.text} … {b.text}"
    explanation = f"{text} → {describe(when)}: one range, both ends kept ({'; '.join(notes)})"
    if ROLLED_BACK in ra.explanation:
        explanation += f"; {ROLLED_BACK}"  # the judge then checks for an announced effective date
    return Resolved(when, kind, explanation)


def _in_week_of(a: Hit, b: Hit) -> Hit:
    """ "between Monday and Wednesday last week": a bare weekday opening a range is in the week
    its end names (Monday of last week), as 上周一至周三's end is in its start's week."""
    week = b.g.get("wkrel") if b.rule.name == "en-weekday-of-week" else None
    bare = a.rule.name == "en-weekday" and not any(a.g.get(k) for k in ("wrel", "pod", "h", "hh", "noon"))
    return dataclasses.replace(a, rule=b.rule, g={**a.g, "wkrel": week}) if week and bare else a


def _year_inferred(hit: Hit) -> bool:
    """A month-day or month whose year the text did not give (``1月2日``, ``Jan 2``)."""
    g = hit.g
    named = g.get("y") or g.get("yy") or g.get("yrel") or g.get("y2d") or g.get("mrel")
    return bool(g.get("m") or g.get("mon")) and not named


def _span(first: When, last: When) -> When:
    precision = C.coarser(first.precision, last.precision)
    if precision == "part-of-day":
        precision = "day" if first.start.date() != last.start.date() else "hour"
    start = C.truncate(first.start, precision)
    end = C.ceil_unit(last.period_end(), precision)
    return C.span(start, end, precision, approximate=first.approximate or last.approximate)
