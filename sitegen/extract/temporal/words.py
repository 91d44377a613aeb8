"""Word tables for the temporal extractor: one source for both regexes and meanings.

The rule regexes are built from these keys (`alt`), and the resolvers read the
values, so a word added here is both found and understood.  English keys are
lower case; resolvers look them up with `key`.

Bases: ``"pub"`` counts from the publication time, ``"anchor"`` from the most
recent date resolved earlier in the same passage.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alt(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that 大前天 wins over 前天."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ordered)


def alt_capitalised(words: Iterable[str]) -> str:
    """`alt` for names: each must start with its capital ("National Day", not "a national day of
    mourning"); the rest is in any case ("Mid-autumn Festival", "NATIONAL DAY")."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w[0].upper()) + "(?i:" + alt([w[1:]]) + ")" for w in ordered)


def key(word: str | None) -> str:
    """The table key of a matched word: lower case, one space, a typographic apostrophe
    (New Year’s Eve, as most copy sets it) read as the plain one the tables hold; Taiwan's
    昨（4）日 / 今(5)日 is 昨日 / 今日 with its day of the month in brackets (`DAY_IN_BRACKETS`)."""
    word = re.sub(DAY_IN_BRACKETS, "", word or "")
    return re.sub(r"\s+", " ", word.strip().lower()).replace("’", "'")


DAY_IN_BRACKETS = r"[（(][0-9０-９]{1,2}[）)](?=日)"
"""The day of the month Taiwan's copy gives in brackets inside 昨日 / 今日 / 前日: 昨（4）日."""


# day words -> (base, days)
DAY_WORDS: dict[str, tuple[str, int]] = {
    "今天": ("pub", 0), "今日": ("pub", 0), "昨天": ("pub", -1), "昨日": ("pub", -1),
    "前天": ("pub", -2), "前日": ("pub", -2), "大前天": ("pub", -3), "明天": ("pub", 1),
    "明日": ("pub", 1), "后天": ("pub", 2), "大后天": ("pub", 3), "寻日": ("pub", -1), "琴日": ("pub", -1),
    "听日": ("pub", 1),
    "当天": ("anchor", 0), "当日": ("anchor", 0), "同日": ("anchor", 0), "同一天": ("anchor", 0),
    "次日": ("anchor", 1), "翌日": ("anchor", 1), "第二天": ("anchor", 1), "隔天": ("anchor", 1),
    "隔日": ("anchor", 1),
    "前一天": ("anchor", -1), "前一日": ("anchor", -1),
    "today": ("pub", 0), "yesterday": ("pub", -1), "the day before yesterday": ("pub", -2),
    "tomorrow": ("pub", 1), "day before yesterday": ("pub", -2), "that day": ("anchor", 0),
    "the same day": ("anchor", 0),
    "the next day": ("anchor", 1), "the following day": ("anchor", 1),
    "the previous day": ("anchor", -1), "the day before": ("anchor", -1),
    "the day after": ("anchor", 1), "the day after tomorrow": ("pub", 2),
}  # fmt: skip
ZH_DAY_WORDS = [w for w in DAY_WORDS if not w.isascii()]
EN_DAY_WORDS = [w for w in DAY_WORDS if w.isascii()]

# one word that is a day and a part of it -> (base, days, part)
FUSED: dict[str, tuple[str, int, str]] = {
    "今晚": ("pub", 0, "evening"), "今夜": ("pub", 0, "evening"), "昨晚": ("pub", -1, "evening"),
    "昨夜": ("pub", -1, "evening"), "前晚": ("pub", -2, "evening"), "今早": ("pub", 0, "morning"),
    "今晨": ("pub", 0, "morning"), "昨晨": ("pub", -1, "morning"), "昨早": ("pub", -1, "morning"),
    "当晚": ("anchor", 0, "evening"), "当夜": ("anchor", 0, "evening"),
    "次晚": ("anchor", 1, "evening"), "翌晚": ("anchor", 1, "evening"),
    "前一晚": ("anchor", -1, "evening"),
    "tonight": ("pub", 0, "evening"), "last night": ("pub", -1, "evening"),
    "late last night": ("pub", -1, "night"), "early this morning": ("pub", 0, "dawn"),
    "this morning": ("pub", 0, "morning"), "this afternoon": ("pub", 0, "afternoon"),
    "this evening": ("pub", 0, "evening"), "that night": ("anchor", 0, "evening"),
    "that evening": ("anchor", 0, "evening"), "that morning": ("anchor", 0, "morning"),
    "that afternoon": ("anchor", 0, "afternoon"),
    "the same evening": ("anchor", 0, "evening"), "the same night": ("anchor", 0, "evening"),
    "the same morning": ("anchor", 0, "morning"), "the same afternoon": ("anchor", 0, "afternoon"),
    "the previous evening": ("anchor", -1, "evening"), "the previous night": ("anchor", -1, "evening"),
    "the previous morning": ("anchor", -1, "morning"),
    "the previous afternoon": ("anchor", -1, "afternoon"),
    "the following morning": ("anchor", 1, "morning"), "the next morning": ("anchor", 1, "morning"),
    "the following evening": ("anchor", 1, "evening"), "the next evening": ("anchor", 1, "evening"),
    "overnight": ("night-before", 0, "night"),
}  # fmt: skip
"""Base ``night-before``: the night just before publication, read only where the passage names
no day before it ("held overnight" after "On March 3" may be that night or the one before)."""
ZH_FUSED = [w for w in FUSED if not w.isascii()]
EN_FUSED = [w for w in FUSED if w.isascii()]

# part-of-day words -> (part, how a following hour reads: am | pm | noon | evening | night)
PARTS: dict[str, tuple[str, str]] = {
    "凌晨": ("dawn", "dawn"), "黎明": ("dawn", "dawn"), "清晨": ("morning", "am"), "早晨": ("morning", "am"),
    "早上": ("morning", "am"), "早间": ("morning", "am"), "上午": ("morning", "am"),
    "早": ("morning", "am"), "晨": ("morning", "am"),
    "中午": ("noon", "noon"), "午间": ("noon", "noon"), "正午": ("noon", "noon"),
    "午后": ("afternoon", "pm"), "下午": ("afternoon", "pm"),
    "傍晚": ("evening", "pm"), "黄昏": ("evening", "pm"), "晚间": ("evening", "evening"),
    "晚上": ("evening", "evening"), "夜晚": ("evening", "evening"), "晚": ("evening", "evening"),
    "夜间": ("evening", "night"), "夜里": ("evening", "night"), "夜": ("evening", "night"),
    "深夜": ("night", "night"), "半夜": ("night", "night"), "午夜": ("night", "night"),
    "子夜": ("night", "night"),
    "early morning": ("dawn", "am"), "early hours": ("dawn", "am"), "early morning hours": ("dawn", "am"),
    "small hours": ("dawn", "am"), "wee hours": ("dawn", "am"), "morning": ("morning", "am"),
    "afternoon": ("afternoon", "pm"), "evening": ("evening", "pm"), "night": ("evening", "night"),
    "late night": ("night", "night"), "before dawn": ("dawn", "dawn"), "dawn": ("dawn", "dawn"),
    "daybreak": ("dawn", "dawn"), "before daybreak": ("dawn", "dawn"), "predawn hours": ("dawn", "dawn"),
    "pre-dawn hours": ("dawn", "dawn"), "predawn": ("dawn", "dawn"), "pre-dawn": ("dawn", "dawn"),
}  # fmt: skip
ZH_PARTS = [w for w in PARTS if not w.isascii()]
ZH_PARTS_STANDALONE = [w for w in ZH_PARTS if len(w) > 1]
EN_PARTS = [w for w in PARTS if w.isascii()]

# year words -> (base, years)
YEAR_WORDS: dict[str, tuple[str, int]] = {
    "今年": ("pub", 0), "本年": ("pub", 0), "去年": ("pub", -1), "前年": ("pub", -2),
    "大前年": ("pub", -3), "明年": ("pub", 1), "后年": ("pub", 2),
    "当年": ("anchor", 0), "同年": ("anchor", 0), "次年": ("anchor", 1), "翌年": ("anchor", 1),
    "this year": ("pub", 0), "last year": ("pub", -1), "next year": ("pub", 1),
    "last": ("pub", -1),  # last December: the previous calendar year's
    "that year": ("anchor", 0), "the same year": ("anchor", 0), "the year": ("pub", 0),
    "the following year": ("anchor", 1), "the next year": ("anchor", 1),
    "the previous year": ("anchor", -1), "the year before": ("anchor", -1),
}  # fmt: skip
ZH_YEAR_WORDS = [w for w in YEAR_WORDS if not w.isascii()]

# month words -> (base, months)
MONTH_WORDS: dict[str, tuple[str, int]] = {
    "本月": ("pub", 0), "这个月": ("pub", 0), "上月": ("pub", -1), "上个月": ("pub", -1),
    "上上个月": ("pub", -2), "上上月": ("pub", -2),
    "下月": ("pub", 1), "下个月": ("pub", 1), "当月": ("anchor", 0), "同月": ("anchor", 0),
    "该月": ("anchor", 0), "次月": ("anchor", 1),
    "this month": ("pub", 0), "last month": ("pub", -1), "next month": ("pub", 1),
    "that month": ("anchor", 0),
}  # fmt: skip
ZH_MONTH_WORDS = [w for w in MONTH_WORDS if not w.isascii()]

# week prefixes (before 周/星期/礼拜, or English before "week") -> weeks from the publication week
WEEK_PREFIXES: dict[str, int] = {
    "上上": -2, "上个": -1, "上": -1, "本": 0, "这个": 0, "这": 0, "下个": 1, "下": 1,
    "下下": 2, "下下个": 2,
    "刚刚过去的": -1, "刚过去的": -1,  # 刚刚过去的周末: the weekend just gone
    "last": -1, "this": 0, "next": 1, "before last": -2, "after next": 2,
}  # fmt: skip

WEEKDAYS: dict[str, int] = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
WEEKDAY_ZH = "一二三四五六日"

EN_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip


def en_month(word: str | None) -> int | None:
    return EN_MONTHS.get(key(word).rstrip(".")[:3])


# parts of a month -> (first day, last day (31 = month end), approximate)
MONTH_PARTS: dict[str, tuple[int, int, bool]] = {
    "初": (1, 10, True), "上旬": (1, 10, False), "中": (11, 20, True), "中旬": (11, 20, False),
    "下旬": (21, 31, False), "底": (21, 31, True), "末": (21, 31, True),
    "上中旬": (1, 20, False), "中下旬": (11, 31, False), "上半月": (1, 15, False), "下半月": (16, 31, False),
    "early": (1, 10, True), "mid": (11, 20, True), "mid-": (11, 20, True), "late": (21, 31, True),
    "the beginning of": (1, 10, True), "the start of": (1, 10, True),
    "the middle of": (11, 20, True), "the end of": (21, 31, True),
}  # fmt: skip
# words for "earlier in this period, up to publication"
SO_FAR = ("早些时候", "稍早", "earlier", "earlier this", "earlier in the")

# parts of a year -> (precision, first, last, approximate); day parts count days of January
YEAR_PARTS: dict[str, tuple[str, int, int, bool]] = {
    "初": ("month", 1, 2, True), "中": ("month", 6, 7, True), "底": ("month", 11, 12, True),
    "末": ("month", 11, 12, True), "开年": ("day", 1, 31, True),
    "上半年": ("month", 1, 6, False), "下半年": ("month", 7, 12, False),
    "前三季度": ("month", 1, 9, False),
    "early": ("month", 1, 4, True), "mid": ("month", 5, 8, True), "mid-": ("month", 5, 8, True),
    "late": ("month", 9, 12, True), "the end of": ("month", 11, 12, True),
    "the beginning of": ("month", 1, 2, True), "the start of": ("month", 1, 2, True),
    "the middle of": ("month", 5, 8, True),
    "the first half of": ("month", 1, 6, False), "the second half of": ("month", 7, 12, False),
    "the first six months of": ("month", 1, 6, False), "the last six months of": ("month", 7, 12, False),
    "the final six months of": ("month", 7, 12, False),
    "h1": ("month", 1, 6, False), "h2": ("month", 7, 12, False),
}  # fmt: skip

QUARTERS: dict[str, int] = {
    "一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
    "final": 4,
}  # fmt: skip

# recency words that count ("a few", 几, 两) -> (first, last) days before publication: the count
# bounds the stretch, an approximate range
RECENT: dict[str, tuple[int, int]] = {
    "近几天": (4, 0), "近几日": (4, 0), "最近几天": (4, 0),
    "最近几日": (4, 0), "这几天": (4, 0), "这两天": (2, 0),
    "近几天来": (4, 0), "近几日来": (4, 0), "这几天来": (4, 0), "最近几天来": (4, 0),
    "前几天": (7, 1), "前两天": (7, 1),
    "over the past few days": (4, 0), "近几周": (21, 0), "最近几周": (21, 0),
}  # fmt: skip
LATELY = (
    "近日", "日前", "连日来", "连日", "前些天", "前些日子",
    "in recent days", "in recent weeks", "the other day",
)  # fmt: skip
"""Recency words that count nothing: they say *lately*, not when (日前 in news reaches back weeks,
and 近日 also says "in the coming days").  A vague mention with no date: the sentence may join
an event another report dates, never date or start one.  "recently", "lately", 最近, 近期 are
not matched at all (最近 is also "nearest", 近期 "soon"): they date nothing either."""

# seasons -> (first month, last month); winter runs from December into the next year.
# Northern-hemisphere seasons, approximate: a season names no exact days.
SEASONS: dict[str, tuple[int, int]] = {
    "春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 14),
    "暑假": (7, 8), "寒假": (1, 2),
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14),
}  # fmt: skip
ZH_SEASON_WORDS = ["春天", "春季", "夏天", "夏季", "秋天", "秋季", "冬天", "冬季", "暑假", "寒假"]

# fixed-date holidays -> (month, day, days it lasts, approximate); lunar holidays are not here
HOLIDAYS: dict[str, tuple[int, int, int, bool]] = {
    "元旦": (1, 1, 1, False), "元旦假期": (1, 1, 3, True), "劳动节": (5, 1, 1, False),
    "五一劳动节": (5, 1, 1, False), "五一假期": (5, 1, 5, True), "五一期间": (5, 1, 5, True),
    "五一小长假": (5, 1, 5, True), "儿童节": (6, 1, 1, False), "六一儿童节": (6, 1, 1, False),
    "国庆节": (10, 1, 1, False), "国庆假期": (10, 1, 7, True), "国庆期间": (10, 1, 7, True),
    "国庆长假": (10, 1, 7, True), "国庆黄金周": (10, 1, 7, True), "双十一": (11, 11, 1, False),
    "双11": (11, 11, 1, False), "平安夜": (12, 24, 1, False), "圣诞节": (12, 25, 1, False),
    "情人节": (2, 14, 1, False), "跨年夜": (12, 31, 1, False),
    "妇女节": (3, 8, 1, False), "三八妇女节": (3, 8, 1, False), "三八节": (3, 8, 1, False),
    "植树节": (3, 12, 1, False), "青年节": (5, 4, 1, False), "五四青年节": (5, 4, 1, False),
    "建党节": (7, 1, 1, False), "建军节": (8, 1, 1, False), "八一建军节": (8, 1, 1, False),
    "教师节": (9, 10, 1, False), "万圣节": (10, 31, 1, False), "光棍节": (11, 11, 1, False),
    "双十二": (12, 12, 1, False), "双12": (12, 12, 1, False),
    "十一黄金周": (10, 1, 7, True), "十一假期": (10, 1, 7, True), "十一长假": (10, 1, 7, True),
    "十一期间": (10, 1, 7, True), "3·15晚会": (3, 15, 1, False), "315晚会": (3, 15, 1, False),
    "十一国庆": (10, 1, 1, False), "十一国庆假期": (10, 1, 7, True), "十一国庆期间": (10, 1, 7, True),
    "十一国庆长假": (10, 1, 7, True), "十一国庆黄金周": (10, 1, 7, True), "愚人节": (4, 1, 1, False),
    "618": (6, 18, 1, False), "6·18": (6, 18, 1, False), "高考": (6, 7, 2, True),
    "new year's day": (1, 1, 1, False), "new year's eve": (12, 31, 1, False),
    "valentine's day": (2, 14, 1, False), "christmas eve": (12, 24, 1, False),
    "christmas day": (12, 25, 1, False), "christmas": (12, 25, 1, False),
    "halloween": (10, 31, 1, False), "boxing day": (12, 26, 1, False),
    "veterans day": (11, 11, 1, False), "veterans' day": (11, 11, 1, False),
    "remembrance day": (11, 11, 1, False), "armistice day": (11, 11, 1, False),
    "st david's day": (3, 1, 1, False), "st. david's day": (3, 1, 1, False),
    "st patrick's day": (3, 17, 1, False), "st. patrick's day": (3, 17, 1, False),
    "st george's day": (4, 23, 1, False), "st. george's day": (4, 23, 1, False),
    "st andrew's day": (11, 30, 1, False), "st. andrew's day": (11, 30, 1, False),
    "bonfire night": (11, 5, 1, False), "guy fawkes night": (11, 5, 1, False),
    "april fools' day": (4, 1, 1, False), "april fool's day": (4, 1, 1, False),
    "fourth of july": (7, 4, 1, False), "juneteenth": (6, 19, 1, False),
}  # fmt: skip
ZH_HOLIDAYS = [w for w in HOLIDAYS if not w.isascii() or w.isdigit()]  # 618: digits, named in Chinese
NAMED_SHOWS = frozenset(
    {"3·15晚会", "315晚会", "双十一", "双11", "双十二", "双12", "光棍节", "618", "6·18", "高考"}
)
"""Yearly shows and shopping festivals named by their date: with its year (今年3·15晚会, 去年双11)
or a word of its day after it (双11当天, 双十一期间, 双12前夕) one dates a day; without them
(曾被3·15晚会点名, 双11已成为全球最大的网络购物节) it names the show or the festival, which
comes every year, not a day."""
CLAUSE_SHOWS = frozenset({"高考"})
"""Yearly days that also name a field (高考 the exam on 7-8 June since 2003, and 高考志愿, 高考生):
with their year they date the days only where the clause ends at them (今年高考，…), as with a
word of their day after them (高考期间)."""
SHOW_DAY_WORDS = ("当天", "当日", "这天", "那天", "当晚", "期间", "零点", "凌晨", "前后", "前夕")
"""Words after a show's or festival's name that make it that year's day (`NAMED_SHOWS`)."""

# China's holidays as English copy names them -> (the Chinese word for the day, for its break): they
# read as those words do, the same day and the same official break ("the Lunar New Year holiday"
# is 春节假期); "holiday", "break", "holidays" after the name ask for the break (`EN_BREAK_WORDS`)
EN_CN_HOLIDAYS: dict[str, tuple[str, str]] = {
    "national day": ("国庆节", "国庆假期"), "golden week": ("国庆黄金周", "国庆黄金周"),
    "national day golden week": ("国庆黄金周", "国庆黄金周"), "may day": ("劳动节", "五一假期"),
    "spring festival": ("春节", "春节假期"), "lunar new year": ("春节", "春节假期"),
    "chinese new year": ("春节", "春节假期"), "lunar new year's eve": ("除夕", "除夕"),
    "chinese new year's eve": ("除夕", "除夕"), "lantern festival": ("元宵节", "元宵节"),
    "qingming festival": ("清明节", "清明节假期"), "tomb-sweeping day": ("清明节", "清明节假期"),
    "tomb sweeping day": ("清明节", "清明节假期"), "dragon boat festival": ("端午节", "端午节假期"),
    "qixi festival": ("七夕节", "七夕节"), "mid-autumn festival": ("中秋节", "中秋节假期"),
    "mid autumn festival": ("中秋节", "中秋节假期"), "double ninth festival": ("重阳节", "重阳节"),
}  # fmt: skip
EN_BREAK_WORDS = ("holidays", "holiday", "break", "long holiday")
NIGHT_NOUNS = "markets?|clubs?|shifts?|life|sky|skies|views?|scenes?|owls?|lights?"
"""Nouns after "night" that make it part of a thing ("Mid-Autumn Festival night market"), not a
holiday's night ("Mid-Autumn Festival night": its evening)."""

# holidays with an official break (放假安排) -> the break's name in `chinese_calendar`
OFFICIAL_BREAKS: dict[str, str] = {
    "元旦": "New Year's Day", "春节": "Spring Festival", "农历新年": "Spring Festival",
    "清明": "Tomb-sweeping Day", "五一": "Labour Day", "劳动节": "Labour Day",
    "端午": "Dragon Boat Festival", "中秋": "Mid-autumn Festival", "国庆": "National Day",
    "十一": "National Day",
}  # fmt: skip

# holidays kept by weekday -> (month, index of that weekday in the month (-1 last), weekday Monday 0);
# US observances, as wire copy names them.  Easter is computed (temporal_holidays).
FLOATING: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 3, 3), "thanksgiving day": (11, 3, 3), "labor day": (9, 0, 0),
    "memorial day": (5, -1, 0), "mother's day": (5, 1, 6), "father's day": (6, 2, 6),
    "martin luther king jr. day": (1, 2, 0), "mlk day": (1, 2, 0), "presidents' day": (2, 2, 0),
    "presidents day": (2, 2, 0), "columbus day": (10, 1, 0),
    "母亲节": (5, 1, 6), "父亲节": (6, 2, 6), "感恩节": (11, 3, 3),
}  # fmt: skip
DAY_AFTER: dict[str, tuple[str, int]] = {
    "black friday": ("thanksgiving", 1), "cyber monday": ("thanksgiving", 4),
    "黑色星期五": ("thanksgiving", 1),
}  # fmt: skip
"""Days counted from a floating holiday: (that holiday, days after it)."""
EASTER: dict[str, int] = {
    "easter sunday": 0, "easter": 0, "good friday": -2, "复活节": 0, "easter monday": 1,
    "holy saturday": -1, "maundy thursday": -3, "palm sunday": -7, "ash wednesday": -46,
    "shrove tuesday": -47, "pancake day": -47, "mothering sunday": -21,  # the UK's Mother's Day
}  # fmt: skip
"""Days counted from Easter Sunday (`dateutil.easter`)."""
EN_SOLAR_TERMS: dict[str, str] = {
    "winter solstice": "冬至", "december solstice": "冬至", "summer solstice": "夏至",
    "june solstice": "夏至", "spring equinox": "春分", "vernal equinox": "春分", "march equinox": "春分",
    "autumn equinox": "秋分", "autumnal equinox": "秋分", "fall equinox": "秋分",
    "september equinox": "秋分",
}  # fmt: skip
"""Solstices and equinoxes -> the solar term (节气) at the same instant: computed, as 冬至 is, and
dated on the day that instant falls on in the site's zone."""
EN_FLOATING = [w for w in (*FLOATING, *DAY_AFTER, *EASTER, *EN_SOLAR_TERMS) if w.isascii()]
ZH_FLOATING = [w for w in (*FLOATING, *DAY_AFTER, *EASTER) if not w.isascii()]
EN_HOLIDAYS = [w for w in HOLIDAYS if w.isascii() and not w.isdigit()]

# names that hold a day's or a month's word but date nothing: papers, shows, events of other years
# (matched as written, capitals and all; the Chinese ones as they are translated)
NAMES = (
    "Sunday Times", "Sunday Telegraph", "Sunday Post", "Sunday Herald", "Sunday Mirror",
    "Sunday Express", "Sunday Mail", "Sunday Morning Post", "Mail on Sunday", "Independent on Sunday",
    "Monday Night Football", "Thursday Night Football", "Sunday Night Football",
    "Saturday Night Live", "Bloody Sunday", "Black Monday", "Black Tuesday", "Black Wednesday",
    "Black Thursday", "Good Friday Agreement", "March Madness", "September 11 attacks",
    "Sept. 11 attacks", "Sept 11 attacks",
    "星期日泰晤士报", "周日泰晤士报", "星期日电讯报", "星期日邮报", "南华早报星期日版", "黑色星期一",
)  # fmt: skip

# unit words -> unit
UNITS: dict[str, str] = {
    "分钟": "minute", "分": "minute", "小时": "hour", "钟头": "hour", "个小时": "hour",
    "个钟头": "hour", "天": "day", "日": "day", "周": "week", "星期": "week", "个星期": "week",
    "礼拜": "week", "个礼拜": "week", "月": "month", "个月": "month", "年": "year",
    "minute": "minute", "hour": "hour", "day": "day", "week": "week", "month": "month",
    "year": "year", "decade": "decade", "fortnight": "fortnight",
}  # fmt: skip
MULTIPLES: dict[str, tuple[str, int]] = {"decade": ("year", 10), "fortnight": ("week", 2)}
"""Units said as a number of another: "a fortnight ago" counts two weeks back."""


def unit(word: str | None) -> str | None:
    w = key(word).lstrip("个")
    if w.endswith("s") and w[:-1] in UNITS:
        w = w[:-1]
    return UNITS.get(w)


# named time zones a text may write its clock times in -> IANA zone (None: unknown)
ZONES: dict[str, str | None] = {
    "北京时间": "Asia/Shanghai", "美国东部时间": "America/New_York", "美东时间": "America/New_York",
    "美国西部时间": "America/Los_Angeles", "美西时间": "America/Los_Angeles",
    "格林尼治时间": "UTC", "日本时间": "Asia/Tokyo", "东京时间": "Asia/Tokyo",
    "伦敦时间": "Europe/London", "当地时间": None,
    "beijing time": "Asia/Shanghai", "et": "America/New_York", "est": "America/New_York",
    "edt": "America/New_York", "pt": "America/Los_Angeles", "pst": "America/Los_Angeles",
    "pdt": "America/Los_Angeles", "gmt": "UTC", "utc": "UTC", "bst": "Europe/London",
    "cet": "Europe/Paris", "cest": "Europe/Paris", "local time": None,
}  # fmt: skip
ZH_ZONES = [w for w in ZONES if not w.isascii()]


# clock words -> (hour, days after the day named): midnight ends the day it is "on" (the next
# day's hour 0); "just before midnight" is the day's last hour
CLOCK_WORDS: dict[str, tuple[int, int]] = {
    "noon": (12, 0), "midday": (12, 0), "midnight": (0, 1), "just before midnight": (23, 0),
    "shortly before midnight": (23, 0), "right before midnight": (23, 0),
    "minutes before midnight": (23, 0), "just before noon": (11, 0), "shortly before noon": (11, 0),
    "just after noon": (12, 0), "shortly after noon": (12, 0), "just after midnight": (0, 0),
    "shortly after midnight": (0, 0), "soon after midnight": (0, 0), "the stroke of midnight": (0, 1),
}  # fmt: skip

LOOSE_HOURS = 24
"""A count of at least this many hours is said for days (``才过去72小时``, "48 hours
after"): people round it, so what it counts to is dated at the day, approximately,
never at the hour the count started from (72 hours before 8 pm is "three days before",
not 8 pm exactly)."""


CENTURY_HUNDREDS = 1800
"""``the 1800s`` and earlier hundreds name a century; later ones (``the 1900s``, ``the 2000s``)
are read as decades, their usual sense in news."""
