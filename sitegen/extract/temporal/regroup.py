"""Resolvers that read a match as words another resolver already understands.

A rule in `temporal_rules_more` may find words the calendar resolver has no group for ("the
July-September quarter", 三季度末, “五一”假期, "the Monday before last"); these turn its groups
into the ones that resolver reads (a quarter, a month, a holiday's table key, a count of
weekdays back) and hand the match on, so the arithmetic stays in one place.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, timedelta

from sitegen.core.dates import When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import holidays as H
from sitegen.extract.temporal import spans as S
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.cn_numerals import en_amount, parse_int
from sitegen.extract.temporal.context import Ctx, Hit, NotEvent, Resolved, Skip, finish, guarded
from sitegen.extract.temporal.resolve import resolve_calendar

HOLIDAY_SUFFIXES = ("假期", "期间", "小长假", "长假", "黄金周")
"""Words after a holiday's name that make it the holiday's break (“五一”假期 is 五一假期)."""
QUOTABLE_HOLIDAYS = sorted(
    {w for w in W.ZH_HOLIDAYS}
    | {w[: -len(s)] for w in W.ZH_HOLIDAYS for s in HOLIDAY_SUFFIXES if w.endswith(s) and len(w) > len(s)}
)
"""Holiday names as copy sets them in quotation marks: the table's words and their stems."""


def _regrouped(hit: Hit, drop: tuple[str, ...], **groups: str) -> Hit:
    g = {k: v for k, v in hit.g.items() if k not in drop}
    return dataclasses.replace(hit, g={**g, **groups})


@guarded
def resolve_quarter_months(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "the July-September quarter" (its months), "the September quarter" (the month it ends
    with): a calendar quarter, else (a fiscal one, "the November quarter") not read."""
    first, last = W.en_month(hit.g.get("mon")), W.en_month(hit.g.get("mon2"))
    if first is None:
        raise Skip(hit.text)
    if last is None:
        first, last = first - 2, first
    if first % 3 != 1 or last != first + 2:
        raise Skip(f"not a calendar quarter: {hit.text}")
    return resolve_calendar(_regrouped(hit, ("mon", "mon2"), q=str(last // 3)), ctx)


@guarded
def resolve_period_end(hit: Hit, ctx: Ctx) -> Resolved | None:
    """三季度末, 上半年末: the last month of the quarter or the half year."""
    if hit.g.get("he"):
        month = 6 if hit.g["he"] == "上" else 12
    else:
        q = parse_int(hit.g.get("qe") or "")
        if q is None or not 1 <= q <= 4:
            raise Skip(hit.text)
        month = 3 * q
    return resolve_calendar(_regrouped(hit, ("qe", "he"), m=str(month)), ctx)


@guarded
def resolve_quoted_holiday(hit: Hit, ctx: Ctx) -> Resolved | None:
    """“五一”假期, “十一”期间, 「元旦」: the holiday's words with the quotation marks left out."""
    name = hit.g.get("hname") or ""
    word = name + (hit.g.get("hsuf") or "")
    if word not in W.HOLIDAYS:
        raise Skip(f"no such holiday: {word}")
    return resolve_calendar(_regrouped(hit, ("hname", "hsuf"), holiday=word), ctx)


@guarded
def resolve_weekday_before_last(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "the Monday before last": the one before the latest, as "two Mondays ago"."""
    return S.resolve_weekdays_ago(_regrouped(hit, (), n="two"), ctx)


ZH_NTH: dict[str, str] = {
    "第一": "first", "头一": "first", "第二": "second", "第三": "third", "第四": "fourth", "最后一": "last",
}  # fmt: skip
ZH_WEEK_UNITS: dict[str, str] = {"周末": "weekend", "周": "week", "星期": "week", "礼拜": "week"}


@guarded
def resolve_zh_nth_week(hit: Hit, ctx: Ctx) -> Resolved | None:
    """11月最后一周, 3月第一个周末: read as "the last week of November", "the first weekend of
    March" are (`spans.resolve_nth_weekday`: the last week is the month's last seven days)."""
    m = parse_int(hit.g.get("m") or "")
    if m is None or not 1 <= m <= 12:
        raise Skip(hit.text)
    groups = {"nth": ZH_NTH[hit.g.get("nthz") or ""], "wd": ZH_WEEK_UNITS[hit.g.get("wdz") or ""],
              "mon": next(k for k, v in W.EN_MONTHS.items() if v == m)}  # fmt: skip
    return S.resolve_nth_weekday(_regrouped(hit, ("m", "nthz", "wdz"), **groups), ctx)


@guarded
def resolve_coming_weekday(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "this coming Friday": the first such weekday after publication (a day still to come)."""
    wd = W.WEEKDAYS[W.key(hit.g.get("wd"))]
    day = ctx.pub_date + timedelta(days=(wd - ctx.pub_date.weekday() - 1) % 7 + 1)
    notes = ["the first such weekday after publication"]
    return finish(hit, C.day_span(day, None, ctx.tz), hit.rule.kind, notes)


@guarded
def resolve_holiday_weekend(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "Thanksgiving weekend", "the Easter weekend", "Labor Day weekend": the long weekend the
    holiday makes, from it to Sunday (a Thursday or Friday one) or from Saturday to it (a Monday
    one), the Saturday and Sunday for one on a weekend; a midweek one makes none."""
    day = H.resolve_floating(hit, ctx) if hit.g.get("fh") else resolve_calendar(hit, ctx)
    if day is None or day.when is None:
        return day
    d = day.when.start.date()
    after, before = {3: (3, 0), 4: (2, 0), 5: (1, 0), 6: (0, 1), 0: (0, 2)}.get(d.weekday(), (None, None))
    if after is None or before is None:
        raise Skip(f"no long weekend next to a midweek day: {hit.text}")
    first_last = (d - timedelta(days=before), d + timedelta(days=after))
    when = C.day_span(*first_last, ctx.tz)
    return finish(hit, when, hit.rule.kind, [f"the long weekend of {d.isoformat()}"])


@guarded
def resolve_month_edge_day(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "the last day of March", "the first day of June 2025": the month as the calendar reads it,
    then its first or last day."""
    month = resolve_calendar(_regrouped(hit, ("edge",)), ctx)
    if month is None or month.when is None or month.when.precision != "month":
        return month
    first = month.when.start.date()
    last = (month.when.period_end() - timedelta(days=1)).date()
    day = first if W.key(hit.g.get("edge")) == "first" else last
    return finish(
        hit, C.day_span(day, None, ctx.tz), hit.rule.kind, [f"the {hit.g.get('edge')} day of the month"]
    )


_COMPARED = re.compile(r"\b(?:from|than|versus|vs\.?|compared\s+(?:with|to)|over)\s+$", re.I)


@guarded
def resolve_this_time_last_year(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "this time last year": about the same day a year before publication (approximate); after
    "than", "from", "compared with" a comparison base (as "the same time last year")."""
    if _COMPARED.search(ctx.text[max(0, hit.start - 20) : hit.start]):
        raise NotEvent(f"comparison period, not a time: {hit.text}")
    pub = ctx.pub_date
    day = (
        pub.replace(year=pub.year - 1, day=28)
        if (pub.month, pub.day) == (2, 29)
        else pub.replace(year=pub.year - 1)
    )
    when = C.day_span(day, None, ctx.tz, approximate=True)
    return finish(hit, when, hit.rule.kind, ["about the same day a year before publication"])


@guarded
def resolve_next_quarter(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "next quarter", 下季度: the calendar quarter after publication's (a time still to come)."""
    pub = ctx.pub_date
    y, m = C.add_months(pub.year, pub.month - (pub.month - 1) % 3, 3)
    last = C.add_months(y, m, 2)
    return finish(hit, C.month_span(y, m, ctx.tz, last), hit.rule.kind, ["the quarter after publication's"])


@guarded
def resolve_week_of(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "the week of Nov. 17": the Monday-to-Sunday week that holds the day."""
    day = resolve_calendar(hit, ctx)
    if day is None or day.when is None or day.when.precision != "day" or day.when.end is not None:
        return day
    monday = C.week_monday(day.when.start.date())
    when = C.day_span(monday, monday + timedelta(days=6), ctx.tz)
    return finish(hit, when, hit.rule.kind, [f"the week (Monday to Sunday) of {day.when.iso()}"])


@guarded
def resolve_weeks_ago_weekday(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "a week ago Tuesday", "two weeks ago Sunday": the latest such weekday by publication, then
    that many weeks back."""
    amt = en_amount(hit.g.get("n") or "")
    if amt is None or amt.approximate or not 1 <= amt.hi <= 52:
        raise Skip(hit.text)
    n = int(amt.hi)
    latest = C.weekday_on_or_before(ctx.pub_date, W.WEEKDAYS[W.key(hit.g.get("wd"))])
    day = latest - timedelta(weeks=n)
    notes = [f"{n} week(s) before the latest such weekday"]
    return finish(hit, C.day_span(day, None, ctx.tz), hit.rule.kind, notes)


@guarded
def resolve_weekends_ago(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "two weekends ago": counted back as "two Saturdays ago", with its Sunday."""
    sat = S.resolve_weekdays_ago(_regrouped(hit, (), wd="saturday"), ctx)
    if sat is None or sat.when is None:
        return sat
    d = sat.when.start.date()
    when = C.day_span(d, d + timedelta(days=1), ctx.tz)
    return finish(hit, when, hit.rule.kind, ["counted back in weekends"])


@guarded
def resolve_holiday_offset(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "the day before Thanksgiving", "the day after Christmas", "the week before Easter": the
    holiday as its own rule reads it, then a day on either side, or the Monday-to-Sunday week
    before or after the holiday's."""
    day = H.resolve_floating(hit, ctx) if hit.g.get("fh") else resolve_calendar(hit, ctx)
    if day is None or day.when is None or day.when.end is not None or day.when.precision != "day":
        return day
    sign = -1 if W.key(hit.g.get("side")) == "before" else 1
    week = W.key(hit.g.get("span")) == "week"

    def beside(d: date) -> When:
        if week:  # the Monday-to-Sunday week before or after the holiday's
            monday = C.week_monday(d) + timedelta(weeks=sign)
            return C.day_span(monday, monday + timedelta(days=6), ctx.tz)
        return C.day_span(d + timedelta(days=sign), None, ctx.tz)

    d = day.when.start.date()
    coming = beside(day.coming.start.date()) if day.coming is not None else None
    done = finish(hit, beside(d), hit.rule.kind, [f"counted from {d.isoformat()}"])
    return dataclasses.replace(done, coming=coming)


@guarded
def resolve_weekday_schedule(hit: Hit, ctx: Ctx) -> Resolved | None:
    """ "open Monday through Friday": a span of weekdays in a sentence that tells nothing done is
    a schedule; told of something done ("talks ran from Monday to Wednesday") the days are read
    as a range by the other rules."""
    if ctx.tells_past(hit.start):
        raise Skip(f"{hit.text}: a range of days in a sentence that tells something done")
    raise NotEvent(f"span of weekdays (a schedule, not a time): {hit.text}")
