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
