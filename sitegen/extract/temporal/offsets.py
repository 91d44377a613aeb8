"""Resolvers for ranges, counted offsets, vague recency and non-events.

``2009年或2010年``/``3月5日至7日`` (ranges), ``三天前``/``12年后``/``才过去48小时``
(offsets from publication or from an anchor), ``近日`` (recency) and the
not-event rules (durations, habits, quantities), which only say why.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.cn_numerals import Amount, amount, en_amount
from sitegen.extract.temporal.context import Ctx, Hit, NotEvent, Resolved, Skip, finish, guarded, num
from sitegen.extract.temporal.resolve import infer_year, month_of_bare_day, year_of


@guarded
def resolve_range(hit: Hit, ctx: Ctx) -> Resolved | None:
    """2009年或2010年, 1-3月, 3月5日至7日, March 5-7, between 2009 and 2010."""
    g, tz = hit.g, ctx.tz
    notes: list[str] = []
    srcs: set[str] = set()
    alternative = W.key(g.get("sep")) in ("或", "或者", "or")
    if g.get("y2"):
        y1, y2 = num(g["y"], 1000, 2999, digitwise=True), num(g["y2"], 1000, 2999, digitwise=True)
        if not 0 < y2 - y1 <= 50:
            raise Skip("years")
        return finish(hit, C.year_span(y1, y2, tz), "vague", notes)
    y = year_of(g, ctx, notes, srcs)
    m1 = num(g["m"], 1, 12) if g.get("m") else W.en_month(g.get("mon"))
    d1 = num(g["d"], 1, 31) if g.get("d") else None
    if m1 is None:
        if d1 is None:
            raise Skip("range")
        y, m1 = month_of_bare_day(d1, ctx, notes, srcs)
    m2 = num(g["m2"], 1, 12) if g.get("m2") else W.en_month(g.get("mon2")) or m1
    y_last = num(g["y2d"], 1000, 2999, digitwise=True) if g.get("y2d") else None
    kind = "vague" if alternative else "absolute"
    if d1 is None:
        if m2 <= m1:
            raise Skip("months")
        y = y if y is not None else infer_year(m1, 1, ctx, notes)
        return finish(hit, C.month_span(y, m1, tz, (y, m2)), kind, notes, bool(g.get("y")))
    d2 = num(g["d2"], 1, 31)
    # 12月30日至1月2日: an end month before the start month is in the next year
    wraps = (m2, d2) < (m1, d1) and bool(g.get("m2") or g.get("mon2"))
    if y is None and y_last is not None:
        y = y_last - 1 if wraps else y_last
    if y is None:
        y = infer_year(m1, d1, ctx, notes)
    y2 = y_last if y_last is not None else y + 1 if wraps else y
    try:
        first, last = date(y, m1, d1), date(y2, m2, d2)
    except ValueError:
        raise Skip("days") from None
    if last <= first or ((last - first).days > 62 and y_last is None):
        raise Skip("days")
    if W.key(g.get("sep")) == "、" and (last - first).days != 1:
        raise Skip("a list of days, not a range")  # 3月16、18日: each day alone
    names_year = bool(g.get("y")) and first.year == last.year  # a span of years lends no year
    return finish(hit, C.day_span(first, last, tz), kind, notes, names_year)


@guarded
def resolve_offset(hit: Hit, ctx: Ctx) -> Resolved | None:
    """N units before publication (前/ago), after an anchor (后/later), or a gap back from it."""
    g = hit.g
    unit = W.unit(g.get("unit"))
    if unit is None:
        raise Skip("unit")
    if hit.rule.lang == "en":
        unit, scale = W.MULTIPLES.get(unit, (unit, 1))
        amt = en_amount(g.get("n") or "", g.get("ap"), scale=scale)
    else:
        fuzz = g.get("fuzz") or g.get("fuzz2") or g.get("fuzz3")
        amt = amount(g.get("n") or g.get("hn"), fuzz, half=bool(g.get("half") or g.get("uhalf")))
    if amt is None or amt.hi <= 0 or amt.hi > 5000:
        raise Skip("amount")
    if unit == "month" and amt.hi < 1:  # 半个月前: fifteen days, dated at the day
        unit, amt = "day", Amount(amt.lo * 30, amt.hi * 30, True)
    if unit == "year" and amt.hi < 1:  # 半年前: six months, dated at the month
        unit, amt = "month", Amount(amt.lo * 12, amt.hi * 12, True)
    mode = hit.rule.params.get("mode", "ago")
    if mode == "ago" and W.key(g.get("unit")) == "日" and (g.get("n") or "").isdigit():
        raise NotEvent(f"ambiguous: {hit.text} is {g['n']} days ago or before the {g['n']}th")
    approx = amt.approximate or bool(g.get("ap")) or unit in ("month", "year", "decade")
    notes: list[str] = []
    sign = -1 if mode in ("ago", "gap", "earlier") else 1
    if mode in ("ago", "ahead"):  # ahead: "in three days", from publication on
        base, label = ctx.pub_when, "publication"
    else:
        a = ctx.anchor("year")
        if a is None:
            base, label = ctx.pub_when, "publication"
            notes.append("no date earlier in the passage: counted from publication")
        else:
            base, label = a.when, f"'{a.text}'"
            # an anchor vague at the result's precision makes it vague:
            # 约2013年…12年后 is vague, 3时许…3天后 is not (only the hour was)
            result_precision = C.coarser(a.when.precision, C.UNIT_PRECISION[unit])
            approx = approx or (a.when.approximate and result_precision == a.when.precision)
            if mode == "interval":
                sign = 1 if ctx.sentence(a.start) < ctx.sentence(hit.start) else -1
    if mode == "interval" and label == "publication":
        sign = -1
    try:
        when = C.shift(base, unit, amt.lo, amt.hi, sign, approximate=approx)
        if mode == "interval" and sign > 0 and when.start >= ctx.day_end:
            # 2024年欧洲杯…时隔12年再次捧杯: the earlier date is the current event, count back
            sign = -1
            when = C.shift(base, unit, amt.lo, amt.hi, sign, approximate=approx)
            notes.append("counting forward would pass publication")
    except (ValueError, OverflowError):  # 五千年前: before year 1
        raise NotEvent(f"beyond the calendar the site can show: {hit.text}") from None
    notes.insert(0, f"{'before' if sign < 0 else 'after'} {label}")
    if _loose(unit, amt.lo) and C.PRECISIONS.index(when.precision) > C.PRECISIONS.index("day"):
        first, last = C.truncate(when.start, "day"), C.ceil_unit(when.period_end(), "day")
        when = C.span(first, last, "day", approximate=True)
        notes.append(f"{amt.lo:g} {unit}s is said for days: dated at the day")
    kind = "relative" if label == "publication" and mode in ("ago", "ahead") else "anchored"
    if amt.approximate and kind == "relative":
        kind = "vague"
    done = finish(hit, when, kind, notes)
    if mode == "ahead":  # counted on from publication: always still to come, never a happening
        return Resolved(None, "not-event", f"still to come: {done.explanation}", value=done.when)
    return done


def _loose(unit: str, count: float) -> bool:
    """A count of hours (or minutes) of a day or more (`words.LOOSE_HOURS`): rounded speech."""
    hours = count if unit == "hour" else count / 60 if unit == "minute" else 0
    return hours >= W.LOOSE_HOURS


_COMING = re.compile(r"(?:将|将会|将于|将在|会于|拟于|计划于|预计于?)[ \t]?$")


@guarded
def resolve_recent(hit: Hit, ctx: Ctx) -> Resolved | None:
    """近几天, 前几天, "over the past few days": an approximate range of days before publication;
    近日, 日前, "in recent days" (`words.LATELY`) say lately, not when: vague, no date."""
    word = W.key(hit.g.get("recent") or hit.text)
    if word in W.LATELY:
        if _COMING.search(ctx.text, max(0, hit.start - 4), hit.start):  # 将于近日公布: soon
            raise NotEvent(f"in the coming days, a plan: {hit.text}")
        return Resolved(None, "vague", f"{hit.text}: says lately, not when (no date)")
    first, last = W.RECENT[word]
    pub = ctx.pub_date
    first_day, last_day = pub - timedelta(days=first), pub - timedelta(days=last)
    when = C.day_span(first_day, last_day, ctx.tz, approximate=True)
    return finish(hit, when, hit.rule.kind, [f"{first}–{last} days before publication"])


@guarded
def resolve_not_event(hit: Hit, ctx: Ctx) -> Resolved | None:
    """Durations, habits, quantities, ages, counts: time-like text that dates nothing."""
    raise NotEvent(f"{hit.rule.params.get('why', 'not an event')}: {hit.text}")
