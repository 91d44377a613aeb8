"""Holidays and dates that move: the Chinese lunar calendar, and English holidays kept by weekday.

``正月初八``, ``腊月廿三``, ``大年初十``, ``农历十月``, ``春节``, ``中秋节``,
``清明节`` are converted with `lunar_python` (6tail's lunar calendar: leap
months, month lengths and solar terms from astronomical tables, maintained,
any year the site can show), not a hand-kept table.  ``Thanksgiving 2024``,
``Labor Day`` count weekdays in a month (`temporal_words.FLOATING`);
``Easter`` comes from `dateutil.easter`.

Years are inferred as for Gregorian dates: a year in the text is the lunar
year (``2024年腊月`` falls in January 2025); with none, the latest occurrence
no more than a day after publication.  Holiday periods (``春节期间``,
``中秋假期``) are the official break of that year where `temporal_breaks` knows it, else
approximate spans around the day; a date is never finer than the text gives.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from dateutil.easter import easter

from sitegen.core.dates import When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.breaks import PERIOD_WORDS, official_break
from sitegen.extract.temporal.cn_numerals import parse_int
from sitegen.extract.temporal.context import Ctx, Hit, NotEvent, Resolved, Skip, finish, guarded
from sitegen.extract.temporal.resolve import resolve_calendar, year_of

# lunar_python computes a whole lunar year (its new moons and solar terms) for each conversion,
# about 20 ms; the conversions below are pure, so each is computed once per process.

BEIJING = ZoneInfo("Asia/Shanghai")
LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}

# lunar holidays -> (lunar month, lunar day); 0 is the month's last day, "eve" the day before 正月初一
LUNAR_HOLIDAYS: dict[str, tuple[int, int]] = {
    "春节": (1, 1), "农历新年": (1, 1), "元宵": (1, 15), "元宵节": (1, 15), "龙抬头": (2, 2),
    "端午": (5, 5), "端午节": (5, 5), "七夕": (7, 7), "七夕节": (7, 7), "中元节": (7, 15),
    "中秋": (8, 15), "中秋节": (8, 15), "重阳": (9, 9), "重阳节": (9, 9), "腊八": (12, 8),
    "腊八节": (12, 8), "小年": (12, 23), "除夕": (12, 0),
}  # fmt: skip
TERM_NAMES = (
    "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至", "小暑", "大暑",
    "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至", "小寒", "大寒",
)  # fmt: skip
SOLAR_TERMS = {**{name: name for name in TERM_NAMES}, "清明节": "清明", "冬至节": "冬至"}
"""The 24 solar terms (节气): 2017年大寒 is the one in January 2017, as almanacs write it."""
WORD_TERMS = frozenset({"雨水", "小满", "白露", "霜降", "小雪", "大雪", "小寒", "大寒", "小暑", "大暑"})
"""Solar terms that are also everyday words (大雪 heavy snow, 雨水 rain, 霜降 frost falls): 大雪当天
may be the day of the snow, so only their year makes them the term.  The others (冬至, 立春, 清明)
name the term with a word of its day after them (冬至当天, 立春前后); alone (冬至吃饺子) they may
name the custom, every year's, and date nothing."""
TRAVEL_SEASONS: dict[str, tuple[int, int]] = {"春运": (15, 24)}
"""Seasons set around a lunar holiday -> (days before it they start, days after it they end):
春运, the Spring Festival travel season, runs 40 days from 15 days before 春节 (2026: 2 February to
13 March; 2025: 14 January to 22 February)."""
ZH_MOVING_HOLIDAYS = [*LUNAR_HOLIDAYS, *SOLAR_TERMS, *TRAVEL_SEASONS]

# holiday period words -> (days before, days after) the day, approximate; 春节 is longer.
# 前夕 is the eve: the day before (its evening, literally), approximate as the word is loose;
# 前 alone ("春节前拿到了钥匙") is the weeks before it, never the day itself
PERIODS: dict[str, tuple[int, int]] = {
    "期间": (1, 2), "假期": (1, 2), "前后": (3, 3), "前夕": (1, -1), "前": (30, -1), "当天": (0, 0),
    "当日": (0, 0), "这天": (0, 0), "那天": (0, 0),
    "长假": (1, 6), "黄金周": (1, 6), "档": (1, 6), "档期": (1, 6),
}  # fmt: skip
THE_DAY = frozenset(w for w, span in PERIODS.items() if span == (0, 0))
"""Period words that name the day itself (冬至当天, 春节那天): exact, never a span."""
SPRING_PERIOD = (1, 7)
SPRING_PERIODS: dict[str, tuple[int, int]] = {
    "前夕": PERIODS["前夕"], "前": PERIODS["前"], "前后": (7, 7), **{w: PERIODS[w] for w in THE_DAY},
}  # fmt: skip
"""春节's own spans where they differ from `SPRING_PERIOD`: 前后 reaches as far before as after."""


@lru_cache(maxsize=4096)
def _lunar(year: int, month: int, day: int) -> date:
    """The solar date of lunar ``year``-``month``-``day`` (day 0: the month's last day)."""
    from lunar_python import Lunar, LunarYear

    try:
        if day == 0:
            day = LunarYear.fromYear(year).getMonth(month).getDayCount()
        solar = Lunar.fromYmd(year, month, day).getSolar()
    except Exception as err:  # the library raises plain Exception for a day a month lacks
        raise NotEvent(f"no such lunar date: {year}-{month}-{day} ({err})") from None
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def _solar_term(year: int, name: str) -> date:
    """The day of solar term ``name`` in the Gregorian ``year``, as China's almanacs give it."""
    return _solar_term_moment(year, name).date()


@lru_cache(maxsize=1024)
def _solar_term_moment(year: int, name: str) -> datetime:
    """The instant of solar term ``name`` in the Gregorian ``year`` (by China's calendar day)."""
    from lunar_python import Lunar

    # the table of a lunar year runs from the previous 大雪 to the next 惊蛰; the terms of the
    # next year's start carry pinyin keys (DONG_ZHI), so look at every entry and keep the year's
    tables = (Lunar.fromYmd(year, 1, 1).getJieQiTable(), Lunar.fromYmd(year + 1, 1, 1).getJieQiTable())
    names = {name, TERM_PINYIN.get(name, "")}
    for table in tables:
        for key, s in table.items():
            if key in names and s.getYear() == year:  # the library's clock is Beijing time
                return datetime(year, s.getMonth(), s.getDay(), s.getHour(), s.getMinute(), tzinfo=BEIJING)
    raise NotEvent(f"no solar term {name} found in {year}")


TERM_PINYIN = {"冬至": "DONG_ZHI", "小寒": "XIAO_HAN", "大寒": "DA_HAN", "立春": "LI_CHUN",
               "雨水": "YU_SHUI", "惊蛰": "JING_ZHE", "大雪": "DA_XUE"}  # fmt: skip


def _latest(ctx: Ctx, notes: list[str], day_of: Callable[[int], date]) -> tuple[int, date]:
    """The latest occurrence no more than a day after publication (the lunar year counted back)."""
    limit = C.next_day(ctx.pub_date)
    for year in range(ctx.pub_date.year + 1, ctx.pub_date.year - 3, -1):
        try:
            d = day_of(year)
        except NotEvent:
            continue
        if d <= limit:
            notes.append(f"lunar year {year}: the latest such day by publication")
            return year, d
    raise NotEvent("no such day in the years before publication")


def _lunar_month(word: str) -> int:
    w = word.removeprefix("闰")
    if w in LUNAR_MONTHS:
        return LUNAR_MONTHS[w]
    m = parse_int(w)
    if m is None or not 1 <= m <= 12:
        raise Skip(word)
    return m


def _lunar_day(word: str | None) -> int | None:
    if not word:
        return None
    w = word.removeprefix("初").replace("廿", "二十").replace("卅", "三十")
    d = parse_int(w)
    if d is None or not 1 <= d <= 30:
        raise Skip(word)
    return d


@guarded
def resolve_lunar(hit: Hit, ctx: Ctx) -> Resolved | None:
    """农历十月, 正月初八, 腊月廿三, 大年初十, 大年三十."""
    g = hit.g
    notes = ["lunar calendar, converted with lunar_python"]
    if g.get("big"):  # 大年初X is the new year's month; 大年三十 its eve
        month, day = (12, 0) if g["big"] == "三十" else (1, _lunar_day(g["big"]))
    else:
        word = g.get("lm") or g.get("lm2") or g.get("lm3") or g.get("lm4") or ""
        month, day = _lunar_month(word), _lunar_day(g.get("ld"))
    leap = (g.get("lm") or g.get("lm2") or g.get("lm3") or "").startswith("闰")
    m = -month if leap else month
    y = year_of({**g, "y": g.get("y") or g.get("ly")}, ctx, notes, set())
    if day is None:  # a whole lunar month

        def month_of(year: int) -> tuple[date, date]:
            return _lunar(year, m, 1), _lunar(year, m, 0)

        if y is None:
            y = _latest(ctx, notes, lambda year: month_of(year)[0])[0]
        start, last = month_of(y)
        return finish(hit, C.day_span(start, last, ctx.tz), hit.rule.kind, notes)
    the_day = (
        _lunar(y, m, day) if y is not None else _latest(ctx, notes, lambda year: _lunar(year, m, day))[1]
    )
    return finish(hit, C.day_span(the_day, None, ctx.tz), hit.rule.kind, notes)


@guarded
def resolve_moving_holiday(hit: Hit, ctx: Ctx) -> Resolved | None:
    """春节, 2024年除夕, 中秋假期, 清明节: the lunar (or solar-term) day, or a span around it."""
    g = hit.g
    name = W.key(g.get("lh"))
    notes = ["lunar calendar, converted with lunar_python"]
    day_of = _holiday_day(name)
    y = year_of(g, ctx, notes, set())
    period = W.key(g.get("period"))
    coming = None
    if y is not None:
        the_day = day_of(y)
    elif period == "前":  # the weeks before a festival begun by publication: this year's (Feb 10, 春节前)
        ahead = PERIODS["前"][0]
        year, the_day = _latest(ctx, notes, lambda y: day_of(y) - timedelta(days=ahead))
        the_day, coming = the_day + timedelta(days=ahead), day_of(year + 1)
    else:
        year, the_day = _latest(ctx, notes, day_of)
        coming = day_of(year + 1)

    def around(d: date) -> When:
        if name in TRAVEL_SEASONS:  # 春运期间: the season's set days, day_of gave its first
            if period not in ("", "期间"):
                raise Skip(f"{name}{period}: the season's days, not a span around one")
            return C.day_span(d, d + timedelta(days=sum(TRAVEL_SEASONS[name])), ctx.tz)
        if g.get("night"):  # 除夕夜, 中秋之夜: the evening of the day
            return C.part_of_day(d, "evening", ctx.tz)
        if not period:
            return C.day_span(d, None, ctx.tz)
        official = official_break(name, d) if period in PERIOD_WORDS else None
        if official is not None:  # 端午假期: the break the State Council gave that year
            notes.append("the official break that year")
            return C.day_span(*official, ctx.tz)
        spring = name in ("春节", "农历新年")
        before, after = SPRING_PERIODS.get(period, SPRING_PERIOD) if spring else PERIODS[period]
        first, last = d - timedelta(days=before), d + timedelta(days=after)
        return C.day_span(first, last, ctx.tz, approximate=period not in THE_DAY)

    if g.get("night") and name == "小年":
        raise Skip("小年夜 is 小年's night in some places, the night before 除夕 in others")
    done = finish(hit, around(the_day), hit.rule.kind, notes)
    return done if coming is None else dataclasses.replace(done, coming=around(coming))


@guarded
def resolve_china_in_english(hit: Hit, ctx: Ctx) -> Resolved | None:
    """National Day, the Mid-Autumn Festival, the Lunar New Year holiday: China's holidays named
    in English are read as their Chinese words (`words.EN_CN_HOLIDAYS`): 国庆节's day, 春节假期's
    official break, at the precision the Chinese words give and never finer."""
    day_word, break_word = W.EN_CN_HOLIDAYS[W.key(hit.g.get("enh"))]
    word = break_word if hit.g.get("brk") else day_word
    if word in W.HOLIDAYS:  # 国庆节, 国庆假期: a fixed day ("National Day night": its evening)
        return resolve_calendar(dataclasses.replace(hit, g={**hit.g, "holiday": word}), ctx)
    name, period = (word.removesuffix("假期"), "假期") if word.endswith("假期") else (word, None)
    g = {**hit.g, "lh": name, "period": period, "night": hit.g.get("pod")}  # "Mid-Autumn Festival night"
    return resolve_moving_holiday(dataclasses.replace(hit, g=g), ctx)


def china_in_english_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """ "National Day", "Golden Week", "the Lunar New Year holiday" are China's unless the text
    gives them to another country ("Singapore's National Day", "Japanese Golden Week")."""
    before = text[max(0, start - 40) : start]
    other = re.search(r"\b([A-Z][A-Za-z]+)(['’]s)?\s+$", before)
    if other is None or other.group(1) in ("China", "Chinese", "Beijing"):
        return True
    return not (other.group(2) or other.group(1).endswith(("ese", "an", "ish")))


def _holiday_day(name: str) -> Callable[[int], date]:
    if name in TRAVEL_SEASONS:  # its first day: the season's year is the festival's
        return lambda year: _lunar(year, 1, 1) - timedelta(days=TRAVEL_SEASONS[name][0])
    if name in SOLAR_TERMS:
        return lambda year: _solar_term(year, SOLAR_TERMS[name])
    month, day = LUNAR_HOLIDAYS[name]
    if name == "除夕":  # the eve of year Y's new year: 2024年除夕 is 9 February 2024
        return lambda year: _lunar(year, 1, 1) - timedelta(days=1)
    return lambda year: _lunar(year, month, day)


@guarded
def resolve_floating(hit: Hit, ctx: Ctx) -> Resolved | None:
    """Thanksgiving 2024, Labor Day, Easter."""
    notes: list[str] = []
    name = W.key(hit.g.get("fh"))
    y = year_of(hit.g, ctx, notes, set())
    when = _floating(name, y, ctx, notes)
    done = finish(hit, when, hit.rule.kind, notes)
    if y is not None:
        return done
    return dataclasses.replace(done, coming=_floating(name, when.start.year + 1, ctx, []))


def _floating(name: str, y: int | None, ctx: Ctx, notes: list[str]) -> When:
    """The day in year ``y``, else the latest by publication."""

    def day_of(year: int) -> date:
        if name in W.EN_SOLAR_TERMS:  # an instant: its day where the site is
            return _solar_term_moment(year, W.EN_SOLAR_TERMS[name]).astimezone(ctx.tz).date()
        if name in W.EASTER:
            return easter(year) + timedelta(days=W.EASTER[name])
        if name in W.DAY_AFTER:
            base, days = W.DAY_AFTER[name]
            return _floating(base, year, ctx, []).start.date() + timedelta(days=days)
        month, nth, weekday = W.FLOATING[name]
        days = [d for d in (date(year, month, 1) + timedelta(days=i) for i in range(31))
                if d.month == month and d.weekday() == weekday]  # fmt: skip
        return days[nth]

    if y is None:
        y = ctx.pub_date.year
        while day_of(y) > C.next_day(ctx.pub_date):
            y -= 1
        notes.append(f"year {y}: the latest by publication")
    return C.day_span(day_of(y), None, ctx.tz)


def lunar_holiday_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """元宵, 端午, 中秋 alone are also foods and words: without 节 they need a year before them
    (零六年端午), 农历, or a period word after (中秋假期)."""
    name = g.get("lh") or ""
    if name.endswith("节") or name in ("春节", "除夕", "小年", "农历新年"):
        return True
    if any(g.get(k) for k in ("y", "yy", "yrel")):
        return True
    if name in TERM_NAMES:  # 冬至当天 the term's day; 大雪当天 may be the snow's (`WORD_TERMS`)
        return name not in WORD_TERMS and bool(g.get("period") or g.get("night"))
    return any(g.get(k) for k in ("period", "night", "nl", "y", "yy", "yrel"))


_ON_THE_DAY = re.compile(r"\b(?:on|at)\s+(?:the\s+|this\s+year['’]s\s+|last\s+year['’]s\s+)?$", re.I)


def floating_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """A solstice or an equinox dates a day with its year or after "on"/"at" ("on the winter
    solstice"); elsewhere ("the winter solstice is the shortest day") it names the yearly event."""
    if W.key(g.get("fh")) not in W.EN_SOLAR_TERMS or g.get("y") or g.get("yrel"):
        return True
    return _ON_THE_DAY.search(text[max(0, start - 20) : start]) is not None
