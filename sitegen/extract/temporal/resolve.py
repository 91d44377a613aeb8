"""The calendar resolver: dates from calendar words and numbers, with parts of day and clocks.

One resolver, `resolve_calendar`, serves every calendar rule in
`temporal_rules`; it reads whichever named groups the rule's regex has
(``y``, ``m``, ``d``, ``drel``, ``wd``, ``pod``, ``h``…).  The helpers that
infer a missing year or month (`infer_year`, `month_of_bare_day`) are shared
with `temporal_offsets`.  Publication-time checks (plans, future, clipping) are
not done here: `temporal.find_times` applies them to every result.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date, datetime, timedelta

from sitegen.core.dates import When
from sitegen.extract.temporal import breaks as B
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import eras as E
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.context import (
    INHERITED,
    ROLLED_BACK,
    STARTS,
    Ctx,
    Hit,
    NotEvent,
    Resolved,
    Skip,
    describe,
    finish,
    guarded,
    num,
)


# -- years, months, days ---------------------------------------------------
def _day_from(base: str, days: int, ctx: Ctx, notes: list[str], srcs: set[str], word: str) -> date:
    if base == "pub":
        srcs.add("pub")
        return ctx.pub_date + timedelta(days=days)
    a = ctx.anchor("day", point=True, acted=True)
    if base == "night-before" and a is not None:  # overnight after a named day: that night or the one before?
        raise Skip(f"{word} after '{a.text}': that night or the night before it")
    if base == "night-before":
        srcs.add("pub")
        return ctx.pub_date - timedelta(days=1)  # overnight: the night before publication
    if a is None:
        srcs.add("pub")
        notes.append(f"no day earlier in the passage: {word} counted from publication")
        return ctx.pub_date + timedelta(days=days)
    srcs.add("anchor")
    notes.append(f"{word} relative to '{a.text}'")
    if a.when.approximate and a.when.precision in ("day", "part-of-day"):
        notes.append(INHERITED)  # 1月5日前后…次日; not 3时许…次日 (only the hour is vague)
    return a.when.start.date() + timedelta(days=days)


def infer_year(month: int, day: int, ctx: Ctx, notes: list[str]) -> int:
    """The year of a month(-day) given without one (rules: the module docstring of temporal).

    An earlier mention naming a year lends it when the date follows it (forward narration)
    and is not the news peg (the week up to publication); from another sentence only when
    the date then lies nearer that mention than the publication-year reading lies to the
    publication: ``2023年5月12日…。5月15日`` continues the old story, while ``launched in
    March 2024. The fire on December 27`` in a January 2026 article is last month's fire."""
    own = _publication_year(month, day, ctx)
    a = ctx.year_anchor()
    if a is not None:
        y = a.when.start.year
        try:
            start = C.midnight(date(y, month, day), ctx.tz)
        except ValueError:
            start = None
        try:
            peg = date(ctx.pub_date.year, month, day)
            is_peg = timedelta(0) <= ctx.pub_date - peg <= timedelta(days=7)
        except ValueError:
            is_peg = False
        forward = start is not None and C.truncate(a.when.start, "day") <= start < ctx.day_end
        if forward and not is_peg and start is not None:
            near = ctx.sentence(a.start) == ctx.sentence(ctx.at)
            if not near:
                own_gap = (ctx.pub_date - own[0]).days if own[0] is not None else None
                near = own_gap is None or (start - C.truncate(a.when.start, "day")).days <= own_gap
            if near:
                notes.append(f"year {y} from '{a.text}' earlier in the passage")
                return y
    if own[0] is None:
        raise NotEvent(own[1])
    notes.append(own[1])
    return own[0].year


def _publication_year(month: int, day: int, ctx: Ctx) -> tuple[date | None, str]:
    """The month-day in the publication year, or the latest year before it that puts it no
    more than a day after publication; with the note saying which (or why none)."""
    y = ctx.pub_date.year
    latest = C.next_day(ctx.pub_date)
    why = ""
    for _ in range(9):
        if y < 1:
            break
        try:
            candidate = date(y, month, day)
        except ValueError:  # 2月29日 in a common year
            why = why or f"{month}-{day} does not exist in {y}"
            y -= 1
            continue
        if candidate <= latest:
            if y == ctx.pub_date.year:
                return candidate, f"year from publication {y}"
            why = why or f"in {ctx.pub_date.year} {ROLLED_BACK}"
            return candidate, f"year {y}: {why}"
        why = why or f"in {y} {ROLLED_BACK}"
        y -= 1
    if y < 1:
        return None, f"beyond the calendar the site can show: {month}-{day} before year 1"
    return None, f"no such date: month {month} has no day {day}"


def year_of(g: dict[str, str | None], ctx: Ctx, notes: list[str], srcs: set[str]) -> int | None:
    if g.get("y"):
        srcs.add("text")
        return num(g["y"], 1000, 2999, digitwise=True)
    if g.get("yy"):
        srcs.add("text")
        return two_digit_year(g["yy"], ctx, notes)
    word = g.get("yrel")
    if word:
        base, delta = W.YEAR_WORDS[W.key(word)]
        if base == "pub":
            srcs.add(base)
            return ctx.pub_date.year + delta
        a = ctx.anchor("year")
        if a is None:
            raise NotEvent(f"too vague to date: {word} with no year earlier in the passage")
        srcs.add(base)
        notes.append(f"{word} relative to '{a.text}'")
        return a.when.start.year + delta
    return None


def two_digit_year(text: str, ctx: Ctx, notes: list[str]) -> int:
    """``19年``, ``九八年``, ``'98``: the latest such year not after the publication year."""
    yy = num(text.lstrip("'’‘"), 0, 99, digitwise=True)
    century = ctx.pub_date.year // 100 * 100
    year = century + yy if century + yy <= ctx.pub_date.year else century - 100 + yy
    notes.append(f"two-digit year {text}: {year}, the latest not after publication")
    return year


def _month_rel(word: str, ctx: Ctx, notes: list[str], srcs: set[str]) -> tuple[int, int]:
    base, delta = W.MONTH_WORDS[W.key(word)]
    srcs.add(base)
    if base == "pub":
        return C.add_months(ctx.pub_date.year, ctx.pub_date.month, delta)
    a = ctx.anchor("month", point=True)
    if a is None:
        raise NotEvent(f"too vague to date: {word} with no month earlier in the passage")
    notes.append(f"{word} relative to '{a.text}'")
    return C.add_months(a.when.start.year, a.when.start.month, delta)


def month_of_bare_day(day: int, ctx: Ctx, notes: list[str], srcs: set[str]) -> tuple[int, int]:
    a = ctx.anchor("month", point=True)
    if a is not None:
        y, m = a.when.start.year, a.when.start.month
        if day <= C.month_days(y, m):
            srcs.add("anchor")
            notes.append(f"month from '{a.text}'")
            return y, m
    srcs.add("pub")
    y, m = ctx.pub_date.year, ctx.pub_date.month
    if day > ctx.pub_date.day + 1:
        y, m = C.add_months(y, m, -1)
    while day > C.month_days(y, m):
        y, m = C.add_months(y, m, -1)
    notes.append(f"month from publication: {y}-{m:02d}")
    return y, m


def _month_part(y: int, m: int, part: str, ctx: Ctx) -> When:
    if part in W.SO_FAR:
        if (y, m) == (ctx.pub_date.year, ctx.pub_date.month):
            return C.day_span(date(y, m, 1), ctx.pub_date, ctx.tz, approximate=True)
        return C.day_span(date(y, m, 1), date(y, m, 15), ctx.tz, approximate=True)
    first, last, approx = W.MONTH_PARTS[part]
    last = min(last, C.month_days(y, m))
    return C.day_span(date(y, m, first), date(y, m, last), ctx.tz, approximate=approx)


def _year_part(y: int, part: str, ctx: Ctx) -> When:
    if part in W.SO_FAR:
        if y == ctx.pub_date.year:
            return C.day_span(date(y, 1, 1), ctx.pub_date, ctx.tz, approximate=True)
        return C.month_span(y, 1, ctx.tz, (y, 6), approximate=True)
    precision, first, last, approx = W.YEAR_PARTS[part]
    if precision == "day":
        return C.day_span(date(y, 1, first), date(y, 1, last), ctx.tz, approximate=approx)
    return C.month_span(y, first, ctx.tz, (y, last), approximate=approx)


def _quarter(g: dict[str, str | None]) -> int | None:
    q = g.get("q") or g.get("q2") or g.get("qn")
    return W.QUARTERS.get(W.key(q)) if q else None


def _norm_part(word: str | None) -> str:
    w = W.key(word)
    return {"年初": "初", "年中": "中", "年底": "底", "年末": "末", "月初": "初", "月中": "中",
            "月中旬": "中旬", "月底": "底", "月末": "末", "稍早": "早些时候"}.get(w, w)  # fmt: skip


# -- the calendar resolver --------------------------------------------------
@guarded
def resolve_calendar(hit: Hit, ctx: Ctx) -> Resolved | None:
    """Dates from calendar words and numbers, with an optional part of day and clock time."""
    g = hit.g
    prep = W.key(g.get("prep"))
    starts = prep in ("since", "from") and g.get("mon") is not None and _began(prep, hit, ctx)
    if g.get("open") or (prep in ("since", "before", "after", "until", "till", "from") and not starts):
        raise NotEvent(f"open-ended period, not a time: {hit.text}")
    notes: list[str] = []
    srcs: set[str] = set()
    when, names_year = _calendar_base(hit, ctx, notes, srcs)
    when = _refine_time(when, g, ctx, notes)
    when = C.apply_zone(when, g.get("tzp") or g.get("tze"), notes)
    when = _apply_offset(when, g.get("tzo"), notes)
    by = re.match(r"\W*by\s+", hit.text, re.I)
    if prep == "by" and not ctx.done_by(hit.start + (by.end() if by else 0)):
        raise NotEvent(f"deadline or target ('by'), not a happening: {hit.text} → {describe(when)}")
    when = _check_weekday(when, g.get("pwd"), notes)
    if g.get("qi"):
        when = _from_on(hit, when, ctx, notes)
    if starts:  # accessible since (at least) November: the state began then
        notes.append(STARTS)
    kind = "anchored" if "anchor" in srcs else "relative" if "pub" in srcs else hit.rule.kind
    return finish(hit, when, kind, notes, names_year)


_STATE_BEFORE_SINCE = re.compile(r"\b(?:been|remained|stayed|existed|lasted)\b[^.;:!?]{0,60}$", re.I)


def _began(prep: str, hit: Hit, ctx: Ctx) -> bool:
    """ "from November" starts something; "since November" does after a state ("had been
    open since November"), not after a tally ("shares have fallen 20% since November")."""
    if prep == "from":
        return True
    before = ctx.text[max(ctx.sentence_start(hit.start), hit.start - 80) : hit.start]
    return _STATE_BEFORE_SINCE.search(before) is not None


def _calendar_base(hit: Hit, ctx: Ctx, notes: list[str], srcs: set[str]) -> tuple[When, bool]:
    g, tz = hit.g, ctx.tz
    if g.get("dpod"):
        base, days, part = W.FUSED[W.key(g["dpod"])]
        return C.part_of_day(_day_from(base, days, ctx, notes, srcs, g["dpod"]), part, tz), False
    if g.get("drel"):
        base, days = W.DAY_WORDS[W.key(g["drel"])]
        return C.day_span(_day_from(base, days, ctx, notes, srcs, g["drel"]), None, tz), False
    if g.get("wd"):
        srcs.add("pub")
        return C.day_span(_weekday(g, ctx, notes), None, tz), False
    if g.get("wrel") or g.get("eunit") or g.get("eunit2"):
        srcs.add("pub")
        return _period(g, ctx), False
    if g.get("dec") or g.get("dec2") or g.get("century"):
        return E.era(g, ctx, notes), False
    if g.get("season"):
        return E.season(g, year_of(g, ctx, notes, srcs), ctx, notes, srcs), False
    if g.get("holiday"):
        return _holiday(g, ctx, notes, srcs), False
    y = year_of(g, ctx, notes, srcs)
    m: int | None = None
    if g.get("m"):
        m = num(g["m"], 1, 12)
        srcs.add("text")
    elif g.get("mon"):
        m = W.en_month(g["mon"])
        srcs.add("text")
    elif g.get("mrel"):
        y, m = _month_rel(g["mrel"], ctx, notes, srcs)
    day = num(g["d"], 1, 31) if g.get("d") else None
    mp = _norm_part(g.get("mp") or g.get("ep")) if (g.get("mp") or g.get("ep")) else None
    if day is not None:
        if m is None:
            y, m = month_of_bare_day(day, ctx, notes, srcs)
        if y is None:
            y = infer_year(m, day, ctx, notes)
        try:
            d = date(y, m, day)
        except ValueError:
            raise NotEvent(f"no such date: {hit.text} ({y}-{m:02d}-{day:02d})") from None
        return C.day_span(d, None, tz), "text" in srcs and bool(g.get("y") or g.get("yy") or g.get("yrel"))
    if m is not None:
        first = W.MONTH_PARTS[mp][0] if mp in W.MONTH_PARTS else 1
        if y is None:
            y = infer_year(m, first, ctx, notes)
        named = bool(g.get("y") or g.get("yy") or g.get("yrel"))
        if mp:
            return _month_part(y, m, mp, ctx), named
        return C.month_span(y, m, tz), named
    yp = _norm_part(g.get("yp") or g.get("yp2") or g.get("ypb") or g.get("ep"))
    q = _quarter(g)
    if y is None and (yp or q or g.get("mpb")):
        srcs.add("pub")
        if g.get("mpb"):
            return _bare_month_part(_norm_part(g["mpb"]), ctx, notes), False
        y = ctx.pub_date.year
        when = _year_part(y, yp, ctx) if yp else C.month_span(y, 3 * q - 2, tz, (y, 3 * q))
        if when.start >= ctx.day_end:
            y -= 1
            notes.append(f"{y}: in {y + 1} it would be after publication")
            when = _year_part(y, yp, ctx) if yp else C.month_span(y, 3 * q - 2, tz, (y, 3 * q))
        return when, False
    if y is not None:
        if yp:
            return _year_part(y, yp, ctx), False
        if q:
            return C.month_span(y, 3 * q - 2, tz, (y, 3 * q)), False
        return C.year_span(y, y, tz), False
    return _anchor_day(hit, ctx, notes, srcs), False


_STARTS_RULE = re.compile(r"(?:开始)?(?:正式)?(?:实施|施行|执行|生效|启用|上线|开通)")


def _from_on(hit: Hit, when: When, ctx: Ctx, notes: list[str]) -> When:
    """``5月8日起``/``至少自去年11月起``: a state that began then, dated at its start, the
    happening (as ``1月5日起施行``, a rule taking effect); ``2001年起至今`` says it runs up to
    now: from that date up to publication, both ends kept."""
    up_to_now = len(hit.g.get("qi") or "") > 1  # 起至今, 起到现在
    if not up_to_now or _STARTS_RULE.match(ctx.text, hit.end) or when.start >= ctx.day_end:
        notes.append(STARTS)
        return when
    precision = "day" if when.precision == "part-of-day" else when.precision
    notes.append("from then up to publication")
    end = C.ceil_unit(ctx.day_end, precision)
    return C.span(C.truncate(when.start, precision), end, precision, approximate=when.approximate)


def _bare_month_part(part: str, ctx: Ctx, notes: list[str]) -> When:
    y, m = ctx.pub_date.year, ctx.pub_date.month
    when = _month_part(y, m, part, ctx)
    if when.start >= ctx.day_end:
        y, m = C.add_months(y, m, -1)
        notes.append(f"month {y}-{m:02d}: this month's would be after publication")
        return _month_part(y, m, part, ctx)
    notes.append("month from publication")
    return when


def _anchor_day(hit: Hit, ctx: Ctx, notes: list[str], srcs: set[str]) -> When:
    """A part of day or clock time with no date: the day of the latest dated mention."""
    a = ctx.anchor("day", point=True)
    if a is not None:
        srcs.add("anchor")
        notes.append(f"day of '{a.text}'")
        if a.when.approximate and a.when.precision in ("day", "part-of-day"):
            notes.append(INHERITED)
        return C.day_span(a.when.start.date(), None, ctx.tz)
    srcs.add("pub")
    probe = _refine_time(C.day_span(ctx.pub_date, None, ctx.tz), hit.g, ctx, [])
    if probe.start > ctx.published:
        notes.append("no date in the passage: the most recent such time before publication")
        return C.day_span(ctx.pub_date - timedelta(days=1), None, ctx.tz)
    notes.append("no date in the passage: day of publication")
    return C.day_span(ctx.pub_date, None, ctx.tz)


def _weekday(g: dict[str, str | None], ctx: Ctx, notes: list[str]) -> date:
    wd = W.WEEKDAYS[W.key(g["wd"]).rstrip(".")]
    rel = W.key(g.get("wrel"))
    pub = ctx.pub_date
    start = ctx.anchor("day", point=True) if ctx.composing and rel in ("", "on") else None
    if start is not None:  # 上周一至周三: a range's end is the first such weekday from its start
        day = start.when.start.date()
        d = day + timedelta(days=(wd - day.weekday()) % 7)
        notes.append(f"the first such weekday from '{start.text}'")
    elif rel in ("", "on", "early", "late"):
        d = C.weekday_on_or_before(pub, wd)
        notes.append("the most recent such weekday on or before publication")
    elif rel in ("last", "this past", "past"):  # a "last" one is not yesterday: that is "yesterday"
        d = C.weekday_on_or_before(pub - timedelta(days=2 if rel == "last" else 1), wd)
        notes.append("the latest such weekday before " + ("yesterday" if rel == "last" else "publication"))
    elif rel.startswith("the "):  # the following Monday, the previous Friday: from the day last named
        a = ctx.anchor("day", point=True)
        if a is None:
            raise NotEvent(f"too vague to date: {rel} {g['wd']} with no day earlier in the passage")
        day = a.when.start.date()
        if rel in ("the following", "the next"):
            d = day + timedelta(days=(wd - day.weekday() - 1) % 7 + 1)
        else:
            d = C.weekday_on_or_before(day - timedelta(days=1), wd)
        notes.append(f"{rel} {g['wd']} from '{a.text}'")
    else:
        d = C.week_monday(pub) + timedelta(weeks=W.WEEK_PREFIXES[rel], days=wd)
        notes.append("weeks start on Monday")
    return d


def _period(g: dict[str, str | None], ctx: Ctx) -> When:
    """上周 / 本周末 / last week / earlier this month / late last year."""
    pub, tz = ctx.pub_date, ctx.tz
    rel = W.key(g.get("wrel") or g.get("erel") or g.get("erel2"))
    unit = W.key(g.get("eunit") or g.get("eunit2")) or ("weekend" if g.get("wknd") else "week")
    early = bool(g.get("wearly")) or rel.startswith("earlier")
    shift = W.WEEK_PREFIXES.get(rel)  # early next, late last: the unit's word says which
    if shift is None:
        shift = -1 if "last" in rel.split() else 1 if "next" in rel.split() else 0
    if unit in ("week", "weekend"):
        monday = C.week_monday(pub) + timedelta(weeks=shift)
        if unit == "weekend":
            return C.day_span(monday + timedelta(days=5), monday + timedelta(days=6), tz)
        if early and shift == 0:
            return C.day_span(monday, pub, tz, approximate=True)
        return C.day_span(monday, monday + timedelta(days=6), tz)
    if unit == "month":
        y, m = C.add_months(pub.year, pub.month, shift)
        part = W.key(g.get("epart")) or _early_late(rel, early)
        return _month_part(y, m, part, ctx) if part else C.month_span(y, m, tz)
    y = pub.year + shift
    part = W.key(g.get("epart")) or _early_late(rel, early)
    return _year_part(y, part, ctx) if part else C.year_span(y, y, tz)


def _holiday(g: dict[str, str | None], ctx: Ctx, notes: list[str], srcs: set[str]) -> When:
    """元旦, 国庆期间, Christmas: fixed-date holidays (lunar ones: `temporal_holidays`)."""
    month, day, days, approx = W.HOLIDAYS[W.key(g["holiday"])]
    if W.key(g["holiday"]) in W.NAMED_SHOWS and not (g.get("y") or g.get("yrel") or g.get("hday")):
        raise NotEvent(f"names a yearly show or festival, not a day (no year, no day word): {g['holiday']}")
    y = year_of(g, ctx, notes, srcs)
    if y is None:
        y = infer_year(month, day, ctx, notes)
    first = date(y, month, day)
    official = B.official_break(W.key(g["holiday"]), first) if approx and days > 1 else None
    if official is not None:  # 国庆期间 2025: the eight days of that year's break
        notes.append("the official break that year")
        return C.day_span(*official, ctx.tz)
    if W.key(g.get("apost")) == "前夕":  # 元旦前夕: the eve, the day before (approximate), as lunar ones
        notes.append("the eve: the day before it")
        return C.day_span(first - timedelta(days=1), None, ctx.tz, approximate=True)
    return C.day_span(first, first + timedelta(days=days - 1), ctx.tz, approximate=approx)


def _early_late(rel: str, early: bool) -> str | None:
    """The part of a period: "earlier this" (so far), "early"/"late" (first/last part)."""
    if early:
        return "earlier"
    first = rel.split()[0] if rel else ""
    return first if first in ("early", "late") else None


def _check_weekday(when: When, pwd: str | None, notes: list[str]) -> When:
    """A weekday written with a date checks it, never moves it: a contradiction is flagged on the
    page (approximate) and in the explanation."""
    if not pwd or when.precision not in ("day", "part-of-day", "hour", "minute"):
        return when
    wd = W.WEEKDAYS.get(W.key(pwd).rstrip("."))
    if wd is not None and wd != when.start.weekday():
        said = W.WEEKDAY_ZH[wd]
        actual = W.WEEKDAY_ZH[when.start.weekday()]
        notes.append(f"note: the text says weekday {said} but {when.iso()} is weekday {actual}: "
                     "the date is kept, the weekday contradicts it")  # fmt: skip
        return dataclasses.replace(when, approximate=True)
    return when


# -- time of day -------------------------------------------------------------
def _refine_time(when: When, g: dict[str, str | None], ctx: Ctx, notes: list[str]) -> When:
    pod = W.key(g.get("pod"))
    early_late = W.key(g.get("wrel")) if W.key(g.get("wrel")) in ("early", "late") else ""
    has_clock = bool(g.get("h") or g.get("hh") or g.get("noon"))
    if not (pod or has_clock or early_late):
        return when
    if when.precision not in ("day", "part-of-day") or when.end is not None:
        notes.append("time of day ignored: the date is coarser than a day")
        return when
    d = when.start.date()
    if pod:
        part, reading = W.PARTS[pod]
    elif when.part_of_day:
        part = when.part_of_day
        readings = {"dawn": "dawn", "morning": "am", "noon": "noon", "afternoon": "pm"}
        reading = readings.get(part, "evening")
    else:
        part, reading = ({"early": "dawn", "late": "night"}.get(early_late), "")
    if not has_clock:
        return C.part_of_day(d, part, ctx.tz) if part else when
    hour, minute, days = _clock(g, reading)
    return C.clock(d + timedelta(days=days), hour, minute, ctx.tz)


def _clock(g: dict[str, str | None], reading: str) -> tuple[int, int | None, int]:
    """(hour 0-23, minute or None, days to add) from the clock groups and how the part reads."""
    noon = W.key(g.get("noon"))
    if noon:  # noon, midnight, just before midnight (`words.CLOCK_WORDS`)
        return W.CLOCK_WORDS[noon][0], None, W.CLOCK_WORDS[noon][1]
    hour = num(g.get("h") or g.get("hh"), 0, 24)
    minute: int | None = None
    if g.get("half"):
        minute = 30
    elif g.get("qk"):
        minute = 15 * num(g["qk"], 1, 3)
    elif g.get("mi") or g.get("mm"):
        raw = g.get("mi") or g.get("mm") or ""
        if raw[:1] in "零〇○" and raw[1:].isdigit():
            raw = raw[1:]  # 8点零5分
        minute = num(raw, 0, 59, digitwise=raw[:1] in "零〇○")  # 九点零九: minute 9
    ampm = W.key(g.get("ampm")).replace(".", "")
    days = 0
    if ampm:
        if not 1 <= hour <= 12:
            raise Skip("12-hour clock")
        hour = (hour % 12) + (12 if ampm.startswith("p") else 0)
    elif (reading == "pm" and hour < 12) or (reading == "noon" and hour < 6):
        hour += 12
    elif reading == "dawn" and hour == 12:
        hour = 0  # 凌晨12点: the midnight that starts the day
    elif reading == "evening" and 1 <= hour < 12:
        hour += 12  # 晚8点, 晚上5点: 晚/晚上 make 1-11 o'clock pm
    elif reading in ("evening", "night"):
        if 6 <= hour < 12:
            hour += 12  # 夜里8点
        elif hour < 6:
            days = 1  # 深夜1点, 晚上0点: after midnight
        elif hour == 12:
            hour = 24  # 晚上12点: midnight
    if hour == 24:
        hour, days = 0, days + 1
    if hour > 23:
        raise Skip("hour")
    return hour, minute, days


def _apply_offset(when: When, tzo: str | None, notes: list[str]) -> When:
    """An ISO timestamp's own offset (``Z``, ``+0800``): the instant, in the publication's zone."""
    if not tzo:
        return when
    text = "+00:00" if tzo == "Z" else tzo if ":" in tzo else tzo[:3] + ":" + tzo[3:]
    wall = when.start.replace(tzinfo=None).isoformat()
    try:
        start = datetime.fromisoformat(wall + text).astimezone(when.start.tzinfo)
    except ValueError:
        raise NotEvent(f"not a valid UTC offset: {tzo}") from None
    if start != when.start:
        notes.append(f"offset {tzo} converted to the publication's zone")
    return dataclasses.replace(when, start=start)
