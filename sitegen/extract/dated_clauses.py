"""One clause dating two days: a recap, cut where its second telling begins.

A recap tells several happenings in one clause, each with its calendar date: "The studio capped
overtime on Oct. 16 and shelved the game on Oct. 19"; "10月16日宣布取消加班并于10月19日宣布
延期".  `candidates` quotes one candidate per dated *clause*, so the second date had no quote of
its own and the first date's quote told both actions: dated on the first day, it agreed with no
event of that day (it names the second action too) and founded an entry of its own.

So a clause holding calendar dates of two different days (periods that do not meet) is cut at the
word joining two verbs between them (`coordinators.toml`: "and", 并): each side then tells one
happening at its own date.  Each is told in passing: it may join the entry of its happening,
never start one (a recap retells what the reports of each day told).  Which joining word, when
several lie between: a clause that opens with its date ("On Oct. 13 X apologised and suspended Y
and on Oct. 14 …") begins its second telling where the second date is brought in, so at the last
one before it; a clause whose date follows its verb ("capped overtime on Oct. 16 and shelved …
on Oct. 19") ends its first telling at that date, so at the first one after it.  Dates of one
day are left whole, and so is a clause with no joining word between its dates ("from Oct. 1 to
Oct. 19"), and relative dates ("said on Monday that … over the weekend": a telling and what it
tells).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from .passages import Span
from .tellings import _coordinators


def _days_apart(a: Any, b: Any) -> bool:
    """Do two dates written out on the calendar (``absolute``: "Oct. 16", 10月19日) name periods
    that do not meet (two different days, or more)?  Only calendar dates: a recap dates each
    happening so; "said on Monday that the battery overheated … and started the fire over the
    weekend" dates a telling and what it tells, and "apologised the previous day and … went viral
    two days earlier" counts both from another date."""
    wa, wb = a.when, b.when
    if wa is None or wb is None or a.kind != "absolute" or b.kind != "absolute":
        return False
    return wa.period_end() <= wb.start or wb.period_end() <= wa.start


def _opens(text: str, part: Span, m: Any) -> bool:
    """Does the date stand at the start of its clause (before any word but a preposition)?"""
    lead = text[part.start : m.start].strip()
    return not lead or lead.lower() in ("on", "in", "at", "by", "于", "在")


def _cuts(text: str, part: Span, dated: list[Any]) -> list[tuple[Any, Any, int, int]]:
    """Each cut of one clause: (the date before it, the date after it, where the first telling
    ends, where the second begins)."""
    pattern = _coordinators()[0]
    inside = sorted((m for m in dated if part.start <= m.start < part.end), key=lambda m: m.start)
    out = []
    start = part.start
    for a, b in pairwise(inside):
        if b.start < start or not _days_apart(a, b):
            continue
        joins = list(pattern.finditer(text, a.end, b.start))
        if not joins:
            continue
        j = joins[-1] if _opens(text, Span(start, part.end), a) else joins[0]
        end = j.start()
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",，、"):
            end -= 1
        resume = j.end()
        while resume < part.end and text[resume].isspace():
            resume += 1
        out.append((a, b, end, resume))
        start = resume
    return out


def cut_days(text: str, parts: list[Span], dated: list[Any]) -> tuple[list[Span], set[int]]:
    """``parts`` (a sentence's clauses) with each clause holding dates of two different days cut
    at the joining word where its second telling begins (see the module); and the dates (by
    ``id``) of the clauses cut: a clause telling two happenings on two days is a recap ("The studio
    capped overtime on Oct. 16 and shelved the game on Oct. 19"), each telling told in
    passing, which may join the entry of its happening, never start one."""
    out: list[Span] = []
    passing: set[int] = set()
    for part in parts:
        start = part.start
        for a, b, end, resume in _cuts(text, part, dated):
            out.append(Span(start, end))
            passing |= {id(a), id(b)}
            start = resume
        out.append(Span(start, part.end))
    return out, passing


def _date_only(text: str, part: Span, m: Any) -> bool:
    """Does the clause ``part`` hold nothing but its date ``m`` ("今天，", "On Monday,")?"""
    rest = (text[part.start : m.start] + text[m.end : part.end]).strip(" \t\n,，、:：")
    return not rest or rest.lower() in ("on", "in", "at", "by", "于", "在")


def _within(inner: Any, outer: Any) -> bool:
    a, b = inner.when, outer.when
    if a is None or b is None or (b.start, b.period_end()) == (a.start, a.period_end()):
        return False
    if b.precision == "year":  # a year holds most of a story's days: "2025年度考试" names an edition
        return False
    return b.start <= a.start and a.period_end() <= b.period_end()


def join_openers(text: str, parts: list[Span], dated: list[Any]) -> list[Span]:
    """``parts`` with a clause holding only its date ("今天，") joined to the clause it opens when
    that clause's date is a longer period holding it, shorter than a year ("今天，为期40天的春运落下
    帷幕": the season names what ended, the opening date times it); an opener followed by a date of other days
    ("On Monday, the firm said it had recalled the bikes on Friday") is left to its own clause."""
    out = list(parts)
    i = 0
    while i + 1 < len(out):
        here = [m for m in dated if out[i].start <= m.start < out[i].end]
        nxt = [m for m in dated if out[i + 1].start <= m.start < out[i + 1].end]
        if (
            len(here) == 1
            and nxt
            and _date_only(text, out[i], here[0])
            and all(_within(here[0], m) for m in nxt)
        ):
            out[i : i + 2] = [Span(out[i].start, out[i + 1].end)]
        else:
            i += 1
    return out


def listed(text: str, sentence: Span, dated: list[Any]) -> set[int]:
    """The dates (by ``id``) standing in items of one enumeration (、) of which another item holds
    a date too, each followed by what it dates: a recap listing happenings in passing
    ("到元旦前夕的初步结论、1月上旬两名高管被免职、春运前线路复通"); told in passing, they may join
    their entries, never start one.  Dates listed bare ("于3月1日、3月5日两次发布公告") are one
    telling's days, left alone."""
    out: set[int] = set()
    start = sentence.start
    for clause in _CLAUSE_END.split(sentence.of(text)):
        end = start + len(clause)
        items, at = [], start
        for piece in clause.split("、"):
            items.append(Span(at, at + len(piece)))
            at += len(piece) + 1
        if len(items) > 1:
            holding = []
            for item in items:
                here = [m for m in dated if item.start <= m.start < item.end and m.end <= item.end]
                if any(text[m.end : item.end].strip() for m in here):
                    holding.append(here)
            if len(holding) > 1:
                out |= {id(m) for here in holding for m in here}
        start = end + 1
    return out


_CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
