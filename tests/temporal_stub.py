"""A tiny stand-in for ``sitegen.extract.temporal`` (written by the temporal helper).

Only used by the extraction tests while the real module is missing: it knows a
handful of Chinese and English expressions, enough for the invented dumps.
"""

from __future__ import annotations

import re
import sys
import types
from dataclasses import dataclass
from datetime import datetime, timedelta

from sitegen.dates import When

PARTS = {"凌晨": ("dawn", 0), "上午": ("morning", 0), "中午": ("noon", 0), "下午": ("afternoon", 12),
         "晚间": ("evening", 12), "晚上": ("evening", 12), "晚": ("evening", 12),
         "深夜": ("night", 12)}  # fmt: skip
PART_START = {"dawn": 0, "morning": 6, "noon": 11, "afternoon": 12, "evening": 18, "night": 21}
EN_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = "一二三四五六日"


@dataclass
class TimeMention:
    text: str
    start: int
    end: int
    when: When | None
    kind: str
    rule: str
    explanation: str


_ZH = re.compile(
    r"(?P<yr2>(?P<y1>\d{4})年或(?P<y2>\d{4})年)"
    r"|(?P<md>(?:(?P<y>\d{4})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})日"
    r"(?P<part>凌晨|上午|中午|下午|晚间|晚上|晚|深夜)?(?:(?P<h>\d{1,2})[点时](?:(?P<mi>\d{1,2})分)?)?)"
    r"|(?P<yr>(?P<y0>\d{4})年(?P<target>全年|目标)?)"
    r"|(?P<rel>昨晚|昨天|今天|前天|今晨|昨日)(?P<relpart>凌晨|上午|中午|下午|晚间|晚上|深夜)?"
    r"|(?P<week>上周(?P<wd>[一二三四五六日])(?P<weekpart>凌晨|上午|中午|下午|晚间|晚上|深夜)?)"
    r"|(?P<ago>(?:过去|之前)?(?P<n>\d+)(?P<dur>个)?小时(?P<dir>后|前)?)"
    r"|(?P<early>本月早些时候|本月初)"
    r"|(?P<decades>十几年前|十多年前)"
    r"|(?P<vague>最近|近日|前不久)"
)
_EN = re.compile(
    r"(?:[Oo]n )?(?P<mon>" + "|".join(EN_MONTHS) + r") (?P<day>\d{1,2})(?:, (?P<year>\d{4}))?"
    r"|(?P<yesterday>yesterday)|last (?P<wk>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)


def find_times(text: str, published: datetime, *, lang: str | None = None) -> list[TimeMention]:
    tz = published.tzinfo
    out: list[TimeMention] = []
    anchor: datetime | None = None
    for m in _ZH.finditer(text):
        g = m.groupdict()
        when, kind = None, "absolute"
        if g["yr2"]:
            when = When(
                datetime(int(g["y1"]), 1, 1, tzinfo=tz), "year", datetime(int(g["y2"]) + 1, 1, 1, tzinfo=tz)
            )
        elif g["md"]:
            y = int(g["y"] or published.year)
            day = datetime(y, int(g["m"]), int(g["d"]), tzinfo=tz)
            if g["h"]:
                h = int(g["h"]) + (PARTS[g["part"]][1] if g["part"] and int(g["h"]) < 12 else 0)
                prec = "minute" if g["mi"] else "hour"
                when = When(day.replace(hour=h, minute=int(g["mi"] or 0)), prec)
            elif g["part"]:
                part = PARTS[g["part"]][0]
                when = When(day.replace(hour=PART_START[part]), "part-of-day", None, part)
            else:
                when = When(day, "day")
            anchor = when.start
        elif g["yr"]:
            if g["target"]:
                kind = "not-event"
            else:
                when = When(datetime(int(g["y0"]), 1, 1, tzinfo=tz), "year")
        elif g["rel"]:
            kind = "relative"
            back = {"昨晚": 1, "昨天": 1, "昨日": 1, "今天": 0, "今晨": 0, "前天": 2}[g["rel"]]
            day = (published - timedelta(days=back)).replace(hour=0, minute=0, second=0, microsecond=0)
            if g["rel"] == "昨晚":
                when = When(day.replace(hour=18), "part-of-day", None, "evening")
            elif g["relpart"]:
                part = PARTS[g["relpart"]][0]
                when = When(day.replace(hour=PART_START[part]), "part-of-day", None, part)
            else:
                when = When(day, "day")
        elif g["week"]:
            kind = "relative"
            wd = WEEKDAYS.index(g["wd"])
            monday = published - timedelta(days=published.weekday() + 7)
            day = (monday + timedelta(days=wd)).replace(hour=0, minute=0, second=0, microsecond=0)
            when = When(day, "day")
            if g["weekpart"]:
                part = PARTS[g["weekpart"]][0]
                when = When(day.replace(hour=PART_START[part]), "part-of-day", None, part)
        elif g["ago"]:
            if g["dur"] or not (g["dir"] or m.group(0).startswith("过去")) or anchor is None:
                kind = "not-event"
            else:
                kind = "anchored"
                sign = 1 if g["dir"] == "后" else -1
                t = anchor + sign * timedelta(hours=int(g["n"]))
                when = When(t.replace(minute=0, second=0, microsecond=0), "hour", approximate=True)
        elif g["early"]:
            kind = "vague"
            first = published.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
            when = When(first, "day", first + timedelta(days=10), approximate=True)
        elif g["decades"]:
            kind = "vague"
            when = When(datetime(published.year - 16, 1, 1, tzinfo=tz), "year",
                        datetime(published.year - 9, 1, 1, tzinfo=tz), approximate=True)  # fmt: skip
        elif g["vague"]:
            kind = "vague"
        out.append(TimeMention(m.group(0), m.start(), m.end(), when, kind, "stub", "stub rule"))
    for m in _EN.finditer(text):
        when, kind = None, "absolute"
        if m.group("mon"):
            y = int(m.group("year") or published.year)
            when = When(
                datetime(y, EN_MONTHS.index(m.group("mon")) + 1, int(m.group("day")), tzinfo=tz), "day"
            )
        elif m.group("yesterday"):
            kind = "relative"
            when = When((published - timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0))
        else:
            kind = "relative"
            wd = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].index(
                m.group("wk")
            )
            monday = published - timedelta(days=published.weekday() + 7)
            when = When((monday + timedelta(days=wd)).replace(hour=0, minute=0, second=0, microsecond=0))
        out.append(TimeMention(m.group(0), m.start(), m.end(), when, kind, "stub", "stub rule"))
    return sorted(out, key=lambda t: t.start)


def install() -> None:
    """Make ``sitegen.extract.temporal`` importable when the real module is not there yet."""
    try:
        import sitegen.extract.temporal  # noqa: F401
    except ImportError:
        module = types.ModuleType("sitegen.extract.temporal")
        module.find_times = find_times  # type: ignore[attr-defined]
        module.TimeMention = TimeMention  # type: ignore[attr-defined]
        sys.modules["sitegen.extract.temporal"] = module
