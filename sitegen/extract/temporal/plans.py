"""What a plan's words name, and words that make a date no happening at all.

`find._judge` turns a dated mention into a plan when plan or target wording surrounds it
("will be held on Thursday", "must apply by Friday", "will reopen on New Year's Day"); the
date a plan names is still to come, so a weekday or a yearly day given without its year is
the next one, not the latest by publication (`coming`).  A counterfactual ("Had the storm hit
on Tuesday, …", "If the vote had been held in May") dates nothing that happened
(`counterfactual`).
"""

from __future__ import annotations

import re
from datetime import timedelta

from sitegen.core.dates import When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.context import Ctx, Hit

_BARE_WEEKDAY = ("", "on")
"""Weekday prefixes that leave which week open ("on Thursday", "Friday"): a plan's is the next."""


def coming(hit: Hit, when: When, ctx: Ctx) -> When | None:
    """The date a plan's words name when they give a weekday or a yearly day without its year
    and the calendar read the latest one by publication: the first on or after publication."""
    g = hit.g
    if when.end is not None or when.precision != "day" or when.start >= ctx.day_end:
        return None
    day = when.start.date()
    if g.get("wd") and W.key(g.get("wrel")) in _BARE_WEEKDAY and not (g.get("d") or g.get("mon")):
        nxt = ctx.pub_date + timedelta(days=(day.weekday() - ctx.pub_date.weekday()) % 7)
        return C.day_span(nxt, None, ctx.tz)
    if g.get("holiday") and not (g.get("y") or g.get("yrel")) and day < ctx.pub_date:
        try:
            return C.day_span(day.replace(year=day.year + 1), None, ctx.tz)
        except ValueError:
            return None
    return None


RUNS_UNTIL = re.compile(
    r"(?:(?:持续|延续|延长|推迟|延期|顺延|有效期)(?:至|到)|截止(?:到|至|日期为|时间为)?)[ \t]?$"
    r"|\b(?:until|till|through)\s+$",  # "valid until Dec. 31" in a December article: this year's
    re.I,
)
"""The end of something still running (检查持续至7月中旬, 报名截止到12月20日, "valid until Dec. 31"):
a month-day after publication that the calendar moved to last year is this year's, to come."""


def borrowed_day(explanation: str) -> bool:
    """Did a clock time with no day of its own take one (a date earlier in the passage, or, with
    none, the publication day)?  In a sentence that tells nothing done it is a habit or a state."""
    return "day of '" in explanation or "no date in the passage" in explanation


_LOOK_BACK = 240
"""characters before a date where its condition ("Had the storm hit", "If the vote had") is read"""
_HAD_FIRST = re.compile(r"^\W*had\s+(?:the|a|an|it|he|she|they|we|i|you|this|that|[a-z]+s?)\b", re.I)
_IF_HAD = re.compile(r"\b(?:if|unless)\b[^,;:.!?]{0,60}\bhad\b[^,;:.!?]*$", re.I)


def counterfactual(ctx: Ctx, hit: Hit) -> str | None:
    """ "Had the storm hit on Tuesday, …", "If the vote had been held on May 3, …": a date in a
    condition contrary to fact (English only: the inversion and "if … had")."""
    if hit.rule.lang != "en":
        return None
    # a condition stands within a few clauses of its date: the look back is bounded, so a
    # paragraph with no sentence end costs linear time, not a rescan per date
    opens = ctx.sentence_start(hit.start)
    start = max(opens, hit.start - _LOOK_BACK)
    before = ctx.text[start : hit.start]
    comma_after = "," in ctx.text[hit.end : hit.end + 80]
    if start == opens and _HAD_FIRST.match(before) and comma_after and "," not in before:
        return before.strip()[:3]
    m = _IF_HAD.search(before)
    if m and re.search(r"\bwould\s+(?:have|not\s+have|never\s+have)\b|\bwould(?:n['’]t)?\s+have\b",
                       ctx.text[hit.end : hit.end + 120], re.I):
        return "if … had"
    return None
