"""Spans the text names by counting units: recent spans, first/last N units, quarters, weekends.

``近30天``, ``过去一周``, ``over the past two weeks`` run up to publication:
the interval from that many units before publication to the publication day
(never a bare duration thrown away, never a single day).  ``上两周``,
``上季度``, ``last quarter`` are the whole units before the current one.
``今年前五个月``, ``2023年前两个季度`` are the first units of a year; with no
year (``前三季度``) the latest year in which they are over by publication.
``the first Monday of March`` and ``the last weekend of October 2025`` count
weekdays within a month.  Ranges that run past publication are cut there by
the judge, as every range is.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from sitegen.core.dates import When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.cn_numerals import amount, en_amount
from sitegen.extract.temporal.context import Ctx, Hit, NotEvent, Resolved, Skip, finish, guarded, num
from sitegen.extract.temporal.resolve import infer_year, year_of

# span prefixes -> how the span is counted
TRAILING = {"近": "trailing", "最近": "trailing", "过去": "trailing", "过去的": "trailing",
            "前": "trailing", "最近的": "trailing", "past": "trailing", "last": "trailing",
            "previous": "trailing", "上": "whole", "这": "current", "本": "current",
            "this": "current", "the current": "current"}  # fmt: skip
SPAN_UNITS = {"小时": "hour", "钟头": "hour", "分钟": "minute",
              "天": "day", "日": "day", "周": "week", "星期": "week", "礼拜": "week", "月": "month",
              "年": "year", "季度": "quarter", "quarter": "quarter"}  # fmt: skip


def _unit(word: str | None) -> str:
    w = W.key(word).lstrip("个")
    if w in SPAN_UNITS:
        return SPAN_UNITS[w]
    u = W.unit(w)
    if u is None:
        raise Skip(w)
    return u


def _count(g: dict[str, str | None], lang: str) -> tuple[int, bool]:
    """(N, vague): 30, 两, ``two``; ``几``/``few`` are vague upper bounds."""
    raw = g.get("n")
    if not raw:
        return 1, False
    amt = en_amount(raw) if lang == "en" else amount(raw)
    if amt is None or amt.hi < 1 or amt.hi > 1000:
        raise Skip(raw)
    return int(amt.hi), not amt.exact


def _back(d: date, unit: str, n: int) -> date:
    if unit == "quarter":
        unit, n = "month", 3 * n
    delta = {"day": relativedelta(days=n), "week": relativedelta(weeks=n),
             "month": relativedelta(months=n), "year": relativedelta(years=n),
             "decade": relativedelta(years=10 * n)}[unit]  # fmt: skip
    return d - delta


def _current_start(pub: date, unit: str) -> date:
    if unit == "week":
        return C.week_monday(pub)
    if unit == "month":
        return pub.replace(day=1)
    if unit == "quarter":
        return date(pub.year, 3 * ((pub.month - 1) // 3) + 1, 1)
    if unit == "year":
        return date(pub.year, 1, 1)
    return pub


@guarded
def resolve_span(hit: Hit, ctx: Ctx) -> Resolved | None:
    g = hit.g
    unit = _unit(g.get("unit"))
    if g.get("n") == "半":  # 过去半年: six months, 近半个月: fifteen days
        unit, n, vague = ("month", 6, False) if unit == "year" else ("day", 15, False)
    else:
        n, vague = _count(g, hit.rule.lang)
    pub, tz = ctx.pub_date, ctx.tz
    if (
        g.get("first") or g.get("last") or (W.key(g.get("spre")) == "前" and unit == "quarter")
    ):  # 今年前五个月, 2023年前两个季度, 前三季度: the first units of a year
        return _first_of_year(hit, ctx, unit, n)
    how = TRAILING.get(W.key(g.get("spre")), "trailing")
    if W.key(g.get("spre")) == "前" and unit == "year" and g.get("n") in ("两", "几"):
        # 前两年/前几年 in news: "a few years back", like 前两天 for days (temporal_words.RECENT)
        y = ctx.pub_date.year
        notes = ["a few years back: 1-5 years before publication"]
        return finish(hit, C.year_span(y - 5, y - 1, tz, approximate=True), "vague", notes)
    if unit in ("hour", "minute"):  # 近两小时, 上两分钟: up to the publication time itself
        if how == "current":
            raise NotEvent(f"duration: {hit.text}")
        step = timedelta(hours=n) if unit == "hour" else timedelta(minutes=n)
        start = C.truncate(ctx.published - step, "minute")
        when = When(start, "minute", C.truncate(ctx.published, "minute") + timedelta(minutes=1), None, vague)
        return finish(hit, when, "relative", [f"{n} {unit}(s) up to publication"])
    if how == "current":  # 本季度, this quarter; 这两周: this week and the one before
        when = C.day_span(_back(_current_start(pub, unit), unit, n - 1), pub, tz)
        note = f"this {unit} up to publication"
    elif how == "whole" or W.key(g.get("whole")):  # 上两周, 上季度, 上一年, last quarter
        end = _current_start(pub, unit)
        first = _back(end, unit, n)
        if unit in ("month", "quarter", "year"):
            last = C.add_months(end.year, end.month, -1)
            when = C.month_span(first.year, first.month, tz, last)
            if unit == "year":
                when = C.year_span(first.year, end.year - 1, tz)
        else:
            when = C.day_span(first, end - timedelta(days=1), tz)
        note = f"the {n} whole {unit}(s) before the current one"
    else:
        when = C.day_span(_back(pub, unit, n), pub, tz, approximate=vague)
        note = f"{n} {unit}(s) up to publication"
    if W.key(g.get("early")):
        when = When(when.start, "day", C.midnight(pub, tz) + timedelta(days=1), None, True)
        note += "; earlier in it (approximate)"
    return finish(hit, when, "relative" if not vague else "vague", [note])


def _first_of_year(hit: Hit, ctx: Ctx, unit: str, n: int) -> Resolved:
    g, tz = hit.g, ctx.tz
    notes: list[str] = []
    months = {"month": n, "quarter": 3 * n, "week": 0, "day": 0}.get(unit)
    if months is None or (months == 0 and unit not in ("week", "day")):
        raise Skip(unit)
    y = year_of(g, ctx, notes, set())
    if y is None:  # 前三季度: the latest year in which they are over
        y = ctx.pub_date.year
        while date(y, 1, 1) + (relativedelta(months=months) if months else _days(unit, n)) > ctx.pub_date:
            y -= 1
        notes.append(f"{y}: the latest year in which they are over by publication")
    start = date(y, 1, 1)
    if months and g.get("last"):  # 二零二一年后三个月: the year's last months
        return finish(hit, C.month_span(y, 13 - months, tz, (y, 12)), hit.rule.kind, notes)
    if months:
        return finish(hit, C.month_span(y, 1, tz, (y, months)), hit.rule.kind, notes)
    last = start + _days(unit, n) - timedelta(days=1)
    return finish(hit, C.day_span(start, last, tz), hit.rule.kind, notes)


@guarded
def resolve_month_count(hit: Hit, ctx: Ctx) -> Resolved | None:
    """3月第三周, 上月第一周, 这个月前两天, 上月最后五天: counted days or weeks of a month."""
    g, tz = hit.g, ctx.tz
    notes: list[str] = []
    if g.get("mrel"):
        base, delta = W.MONTH_WORDS[W.key(g["mrel"])]
        if base != "pub":
            raise NotEvent(f"too vague to date: {g['mrel']} with no month before it")
        y, m = C.add_months(ctx.pub_date.year, ctx.pub_date.month, delta)
    else:
        m = num(g.get("m"), 1, 12)
        y = year_of(g, ctx, notes, set())
        if y is None:
            y = infer_year(m, 1, ctx, notes)
    last_day = C.month_days(y, m)
    if g.get("wk"):
        # Monday weeks, counted two ways: from the first with four of its days in the month, or
        # from the first Monday; the span holds both readings and says it is approximate
        first_day = date(y, m, 1)
        weeks = timedelta(weeks=num(g["wk"], 1, 5) - 1)
        first_monday = first_day + timedelta(days=(7 - first_day.weekday()) % 7)
        four_days = C.week_monday(first_day) if first_day.weekday() <= 3 else first_monday
        notes.append("Monday weeks, counted from the first with four days in the month or the first Monday")
        span = C.day_span(four_days + weeks, first_monday + weeks + timedelta(days=6), tz, approximate=True)
        return finish(hit, span, hit.rule.kind, notes)
    count = amount(g.get("n") or g.get("n2"))
    if count is None or not 1 <= count.hi <= last_day:
        raise Skip("days")
    n = int(count.hi)
    first, last = (
        (date(y, m, 1), date(y, m, n))
        if g.get("first")
        else (date(y, m, last_day - n + 1), date(y, m, last_day))
    )
    return finish(hit, C.day_span(first, last, tz, approximate=not count.exact), hit.rule.kind, notes)


def _days(unit: str, n: int) -> timedelta:
    return timedelta(days=n if unit == "day" else 7 * n)


@guarded
def resolve_nth_weekday(hit: Hit, ctx: Ctx) -> Resolved | None:
    """the first Monday of March, the last weekend of October 2025, the first week of October
    (days 1-7; the last week: the month's last seven days)."""
    g = hit.g
    notes: list[str] = []
    if g.get("mrel"):  # the first Monday of last month
        shift = 0 if W.key(g["mrel"]) in ("this month", "the month") else -1
        y, m = C.add_months(ctx.pub_date.year, ctx.pub_date.month, shift)
        return finish(hit, _weekday_span(_nth(y, m, g), g, ctx), hit.rule.kind, notes)
    m = W.en_month(g.get("mon"))
    if m is None:
        raise Skip("month")
    y = year_of(g, ctx, notes, set())
    if y is None:  # the latest year in which that day has come by publication
        y = ctx.pub_date.year
        while _nth(y, m, g) > ctx.pub_date:
            y -= 1
        notes.append(f"year {y}: the latest in which it has come by publication")
    return finish(hit, _weekday_span(_nth(y, m, g), g, ctx), hit.rule.kind, notes)


def _weekday_span(first: date, g: dict[str, str | None], ctx: Ctx) -> When:
    length = {"weekend": 1, "week": 6}.get(W.key(g.get("wd")), 0)
    return C.day_span(first, first + timedelta(days=length) if length else None, ctx.tz)


def _nth(y: int, m: int, g: dict[str, str | None]) -> date:
    nth = W.key(g.get("nth"))
    if W.key(g.get("wd")) == "week":
        starts = [date(y, m, d) for d in (1, 8, 15, 22)] + [date(y, m, C.month_days(y, m) - 6)]
        order = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3}
        return starts[order.get(nth, -1)]
    weekend = W.key(g.get("wd")) == "weekend"
    wd = 5 if weekend else W.WEEKDAYS[W.key(g.get("wd"))]
    days = [date(y, m, d) for d in range(1, C.month_days(y, m) + 1) if date(y, m, d).weekday() == wd]
    index = {"first": 0, "1st": 0, "second": 1, "2nd": 1, "third": 2, "3rd": 2, "fourth": 3, "4th": 3,
             "last": -1}.get(nth)  # fmt: skip
    if index is None or index >= len(days):
        raise Skip(nth)
    return days[index]


@guarded
def resolve_weekday_of_week(hit: Hit, ctx: Ctx) -> Resolved | None:
    """sunday from last week, last week's sunday, monday of this week: weeks start on Monday."""
    g = hit.g
    rel = W.key(g.get("wkrel") or g.get("wkrel2"))
    shift = {"last": -1, "the previous": -1, "this": 0, "next": 1}[rel]
    wd = W.WEEKDAYS[W.key(g.get("wd") or g.get("wd2"))]
    day = C.week_monday(ctx.pub_date) + timedelta(weeks=shift, days=wd)
    return finish(hit, C.day_span(day, None, ctx.tz), hit.rule.kind, ["weeks start on Monday"])


@guarded
def resolve_weekdays_ago(hit: Hit, ctx: Ctx) -> Resolved | None:
    """2 thursdays ago: the latest Thursday before publication, and then weeks back."""
    n, vague = _count(hit.g, "en")
    if vague:
        raise NotEvent(f"too vague to date: {hit.text}")
    latest = C.weekday_on_or_before(ctx.pub_date - timedelta(days=1), W.WEEKDAYS[W.key(hit.g.get("wd"))])
    day = latest - timedelta(weeks=n - 1)
    return finish(hit, C.day_span(day, None, ctx.tz), hit.rule.kind, [f"the {n}th such weekday back"])


@guarded
def resolve_weekend(hit: Hit, ctx: Ctx) -> Resolved | None:
    """over the weekend, 周末 alone: the latest Saturday-Sunday begun by publication."""
    saturday = C.weekday_on_or_before(ctx.pub_date, 5)
    when = C.day_span(saturday, saturday + timedelta(days=1), ctx.tz)
    return finish(hit, when, hit.rule.kind, ["the latest weekend begun by publication"])


@guarded
def resolve_numeric(hit: Hit, ctx: Ctx) -> Resolved | None:
    """3/2/2026, 2/2026: the day/month order is a setting (`Ctx.numeric_order`), never a guess."""
    g = hit.g
    y = num(g.get("y"), 1000, 2999)
    if not g.get("b"):  # 2/2026: month/year
        m = num(g.get("a"), 1, 12)
        return finish(hit, C.month_span(y, m, ctx.tz), hit.rule.kind, [])
    a, b = num(g.get("a"), 1, 31), num(g.get("b"), 1, 31)
    order = ctx.numeric_order
    if order is None:
        if a > 12 >= b:
            order = "dmy"
        elif b > 12 >= a or a == b:
            order = "mdy"
        else:
            raise NotEvent(
                f"ambiguous numeric date: {hit.text} is month {a} day {b} or day {a} month {b}; "
                "the site's numeric date order setting decides"
            )
        note = "the only order that makes a date"
    else:
        note = f"numeric date order {order}"
    m, d = (a, b) if order == "mdy" else (b, a)
    try:
        day = date(y, m, d)
    except ValueError:
        raise NotEvent(f"no such date: {hit.text} ({order})") from None
    return finish(hit, C.day_span(day, None, ctx.tz), hit.rule.kind, [note])


_LASTED = re.compile(r"(?:了|持续|历时|长达|耗时|用时|花费|花|达|约|将|需要?|超过|不到|仅|只)[ \t]?$")
_RATE = re.compile(r"每[^\s，。；、,;:：]{0,3}(?:天|日|晚|周|星期|礼拜|月|年)[\u4e00-\u9fff]{0,3}$")
"""每周工作近100小时: after a habit (每周, 每天) and its verb, 近N小时 is an amount per week, not the
last N hours."""


def span_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """近/过去/前 need a count (近日 is a recent word); 前N天 and 前一周 read as "N days ago" or
    "the week before" as often as a span, and are left to those rules; after 持续了/长达/历时
    ``近两个小时`` is "nearly two hours", a duration, as it is after a habit (``每周工作近100小时``)."""
    if _LASTED.search(text, max(0, start - 3), start) or _RATE.search(text, max(0, start - 8), start):
        return False
    pre = g.get("spre") or ""
    if pre in ("上", "这", "本") and not g.get("n"):
        # 上季度, 上年, 本季度, 这周; never 这天/这年 (that day, that year: an anchor) or 上天 (heaven)
        allowed = ("季度", "年") if pre == "上" else ("季度", "周", "星期", "礼拜")
        return g.get("unit") in allowed
    if pre in ("上", "这", "本"):
        return True
    if not g.get("n"):
        return False
    return not (pre == "前" and (g.get("unit") in ("天", "日", "小时", "钟头", "分钟") or g.get("n") == "一"))
