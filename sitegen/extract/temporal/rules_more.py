"""More rules of the temporal extractor, in either language (`temporal_rules_zh` and
`temporal_rules_en` are near their size cap).

Each rule is found by name in `temporal_rules.ORDER`, which says which wins a tie;
its examples and near-misses are in ``tests/extract/temporal/fixtures/temporal_*.tsv``.
"""

from __future__ import annotations

import re

from sitegen.extract.temporal import holidays as H
from sitegen.extract.temporal import regroup as G
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.cn_numerals import EN_NUMBER_RE
from sitegen.extract.temporal.rules_common import (
    AFTER,
    CAL,
    CLOCK,
    EN_CLOCK,
    EN_DAY,
    EN_MON,
    EN_TZ,
    EN_WD,
    EN_WD_NAMES,
    EN_YEAR,
    N2,
    NE,
    PWD,
    SP,
    TAIL,
    YEAR,
    YREL,
    Rule,
    c,
    dawn_or_of,
    en_month,
)

ZH_YEAR_BEFORE = rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})"
EN_HOLIDAY = rf"(?P<holiday>{W.alt(W.EN_HOLIDAYS)})(?:\s+(?:of\s+)?{EN_YEAR})?\b"

MORE_RULES: tuple[Rule, ...] = (
    Rule(
        "en-pod-of",  # "the morning of Dec. 4", "before dawn on Thursday", "at dawn Thursday"
        "en",
        "absolute",
        c(
            rf"\b(?:the\s+)?(?P<pod>{W.alt(W.EN_PARTS)})\s+(?:(?P<podof>of|on)\s+)?"
            rf"(?:(?:{EN_WD},?\s+)?{EN_MON}\s+{EN_DAY}(?:,?\s+{EN_YEAR})?|(?P<wd>{EN_WD_NAMES})\b)",
            re.I,
        ),
        CAL,
        check=dawn_or_of,
    ),
    Rule(
        "zh-day-rel-bracket",  # Taiwan: 昨（4）日, 今(5)日凌晨: the day word with its date in brackets
        "zh",
        "relative",
        c(rf"(?P<drel>[昨今前明]{W.DAY_IN_BRACKETS}日){PWD}{TAIL}{AFTER}"),
        CAL,
    ),
    Rule(
        "zh-habitual-holiday",  # 每年春节, 每逢中秋, 每到国庆假期: a festival every year, not one year's
        "zh",
        "not-event",
        c(
            rf"每(?:年|逢|当|到|至)(?:{SP}的)?{SP}"
            rf"(?:{W.alt([*W.ZH_HOLIDAYS, *H.ZH_MOVING_HOLIDAYS, *W.ZH_FLOATING])})"
            r"(?:假期|期间|前后|前夕|当天|当日|长假|黄金周)?"  # 每年春节期间: the whole habit, not 春节期间
        ),
        NE,
        {"why": "habitual"},
    ),
    Rule(
        "en-clock-dmy",  # British order: "11.30pm on Wednesday 31 December", "at 9am on the 3rd of May"
        "en",
        "absolute",
        c(
            rf"(?<![\w:]){EN_CLOCK}{EN_TZ}\s+(?:on\s+)?(?:{EN_WD},?\s+)?(?:the\s+)?{EN_DAY}\s+(?:of\s+)?{EN_MON}"
            rf"(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-holiday-night",  # "Halloween night", "Christmas morning": the holiday's part of day
        "en",
        "absolute",
        c(
            rf"\b(?P<holiday>{W.alt(W.EN_HOLIDAYS)})\s+(?P<pod>night|evening|morning|afternoon)(?!\s+(?:{W.NIGHT_NOUNS})\b)"
            rf"(?:\s+(?:of\s+)?{EN_YEAR})?\b",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-quarter-months",  # "the July-September quarter", "the September quarter" (the month it ends)
        "en",
        "absolute",
        c(
            rf"\bthe\s+{EN_MON}(?:\s*(?:-|–|—|to)\s*{en_month('mon2', loose=True)})?\s+quarter"
            rf"(?:\s+(?:of\s+)?{EN_YEAR})?\b",
            re.I,
        ),
        G.resolve_quarter_months,
    ),
    Rule(
        "en-year-half",  # "the first half of the year", "the second half of last year"
        "en",
        "absolute",
        c(
            r"\b(?P<ep>the\s+(?:first|second)\s+half\s+of|the\s+(?:first|last|final)\s+six\s+months\s+of)\s+"
            rf"(?:{EN_YEAR}|(?P<yrel>last\s+year|this\s+year|the\s+year))\b",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-weekday-before-last",  # "the Monday before last": two Mondays ago
        "en",
        "relative",
        c(rf"\bthe\s+(?P<wd>{EN_WD_NAMES})\s+before\s+last\b", re.I),
        G.resolve_weekday_before_last,
    ),
    Rule(
        "en-weekday-the-day",  # "Tuesday the 2nd": a day of the month, its weekday checked
        "en",
        "absolute",
        c(rf"\b{EN_WD},?\s+the\s+(?P<d>3[01]|[12][0-9]|[1-9])(?:st|nd|rd|th)\b(?!\s+of\b)", re.I),
        CAL,
    ),
    Rule(
        "en-pod-of-holiday",  # "the early hours of Christmas Eve": the holiday's part of day
        "en",
        "absolute",
        c(rf"\b(?:the\s+)?(?P<pod>{W.alt(W.EN_PARTS)})\s+of\s+{EN_HOLIDAY}", re.I),
        CAL,
    ),
    Rule(
        "en-clock-holiday",  # "midnight on New Year's Eve", "at 9pm on Christmas Day"
        "en",
        "absolute",
        c(rf"(?<![\w:]){EN_CLOCK}{EN_TZ}\s+on\s+{EN_HOLIDAY}", re.I),
        CAL,
    ),
    Rule(
        "zh-quoted-holiday",  # “五一”假期, “十一”期间: the holiday's words in quotation marks
        "zh",
        "absolute",
        c(
            rf"{ZH_YEAR_BEFORE}?[“「\"‘『](?P<hname>{W.alt(G.QUOTABLE_HOLIDAYS)})[”」\"’』]"
            rf"(?P<hsuf>{W.alt(G.HOLIDAY_SUFFIXES)})?"
        ),
        G.resolve_quoted_holiday,
    ),
    Rule(
        "zh-period-end",  # 三季度末, 上半年末: the last month of the quarter or half year
        "zh",
        "relative",
        c(
            rf"{ZH_YEAR_BEFORE}?(?:(?:第{SP})?(?P<qe>[一二三四1-4]){SP}季度|(?P<he>[上下])半年){SP}末(?![班期])"
        ),
        G.resolve_period_end,
    ),
    Rule(
        "zh-quarter-tw",  # 今年第三季 (Taiwan, Hong Kong: a quarter without 度); alone 第三季 is a season
        "zh",
        "relative",
        c(rf"{ZH_YEAR_BEFORE}(?:第{SP})?(?P<q>[一二三四1-4]){SP}季(?![度末节赛])"),
        CAL,
    ),
    Rule(
        "zh-habitual-clock",  # 他习惯凌晨两点才睡觉, 通常晚上10点: a habit's hour, not a day's
        "zh",
        "not-event",
        c(
            r"(?:往往|通常|经常|总是|一般|常常|时常|平时|平常|习惯|有时|偶尔)(?:是|会|在|于|都)?"
            rf"{SP}(?:{W.alt(W.ZH_PARTS_STANDALONE)})?{SP}{CLOCK}"
        ),
        NE,
        {"why": "habitual"},
    ),
    Rule(
        "zh-nth-week",  # 11月最后一周, 3月第一个周末: a month's last week, or a weekend of it, counted
        "zh",
        "absolute",
        c(
            rf"{ZH_YEAR_BEFORE}?(?P<m>{N2}){SP}月{SP}(?:的{SP})?(?P<nthz>{W.alt(G.ZH_NTH)})个?"
            # 第二周: the month's second Monday-to-Sunday week (another rule); 最后一周: its last seven days
            r"(?P<wdz>周末|(?:(?<=最后一)|(?<=最后一个))(?:周|星期|礼拜))(?![一二三四五六日天1-7])"
        ),
        G.resolve_zh_nth_week,
    ),
    Rule(
        "en-coming-weekday",  # "this coming Friday": the next one, still to come
        "en",
        "relative",
        c(rf"\b(?:this\s+)?coming\s+(?P<wd>{EN_WD_NAMES})\b", re.I),
        G.resolve_coming_weekday,
    ),
    Rule(
        "en-holiday-weekend",  # "Thanksgiving weekend", "the Easter holiday weekend"
        "en",
        "absolute",
        c(
            rf"\b(?:(?P<fh>{W.alt(W.EN_FLOATING)})|(?P<holiday>{W.alt(W.EN_HOLIDAYS)}))"
            rf"(?:\s+(?:holiday|long|bank\s+holiday))?\s+weekend\b",
            re.I,
        ),
        G.resolve_holiday_weekend,
    ),
    Rule(
        "en-month-edge-day",  # "the last day of March", "the first day of June 2025"
        "en",
        "absolute",
        c(rf"\bthe\s+(?P<edge>first|last|final)\s+day\s+of\s+{EN_MON}(?:,?\s+{EN_YEAR})?", re.I),
        G.resolve_month_edge_day,
    ),
    Rule(
        "en-this-time-last-year",  # "This time last year, the river burst its banks"
        "en",
        "relative",
        c(r"\bthis\s+time\s+(?:last\s+year|a\s+year\s+ago)\b", re.I),
        G.resolve_this_time_last_year,
    ),
    Rule(
        "quarter-next",  # "next quarter", 下季度, 下一季度: still to come
        "any",
        "relative",
        c(r"\bnext\s+quarter\b|(?<![上])下(?:一|个)?季度", re.I),
        G.resolve_next_quarter,
    ),
    Rule(
        "en-dmy-hyphen",  # 3-Dec-2025, 03-DEC-25: day, month abbreviation and year joined by hyphens
        "en",
        "absolute",
        c(rf"(?<![\w-])(?P<d>[0-3]?[0-9])-{EN_MON}-(?:{EN_YEAR}|(?P<yy>[0-9]{{2}}))(?![\w-])", re.I),
        CAL,
    ),
    Rule(
        "en-week-of",  # "the week of Nov. 17": the Monday-to-Sunday week that holds the day
        "en",
        "absolute",
        c(rf"\bthe\s+week\s+of\s+(?:{EN_WD},?\s+)?{EN_MON}\s+{EN_DAY}(?:,?\s+{EN_YEAR})?", re.I),
        G.resolve_week_of,
    ),
    Rule(
        "en-weeks-ago-weekday",  # "a week ago Tuesday": the latest Tuesday, a week further back
        "en",
        "relative",
        c(
            rf"\b(?P<n>{EN_NUMBER_RE})\s+weeks?\s+ago\s+(?:(?:this\s+past|last)\s+)?(?P<wd>{EN_WD_NAMES})\b",
            re.I,
        ),
        G.resolve_weeks_ago_weekday,
    ),
    Rule(
        "en-weekends-ago",  # "two weekends ago": counted back as Saturdays are, with their Sundays
        "en",
        "relative",
        c(rf"\b(?P<n>{EN_NUMBER_RE})\s+weekends\s+(?:ago|back)\b", re.I),
        G.resolve_weekends_ago,
    ),
    Rule(
        "en-holiday-offset",  # "the day before Thanksgiving", "the week after Christmas"
        "en",
        "absolute",
        c(
            r"\bthe\s+(?P<span>day|week)\s+(?P<side>before|after)\s+"
            rf"(?:(?P<fh>{W.alt(W.EN_FLOATING)})|{EN_HOLIDAY})(?![\w'])",
            re.I,
        ),
        G.resolve_holiday_offset,
    ),
    Rule(
        "en-clock-word",  # "Just after midnight, ...": a clock phrase that needs no "at"
        "en",
        "anchored",
        c(rf"\b(?P<noon>{W.alt(w for w in W.CLOCK_WORDS if ' ' in w)})\b", re.I),
        CAL,
    ),
    Rule(
        "en-weekday-schedule",  # "open Monday through Friday": a schedule unless something was done
        "en",
        "not-event",
        c(rf"\b(?:{EN_WD_NAMES})s?\s+(?:through|thru|to|-|–)\s+(?:{EN_WD_NAMES})s?\b", re.I),
        G.resolve_weekday_schedule,
    ),
)
