"""Seasons, decades and centuries: ``去年夏天``, ``90年代末``, ``十九世纪七十年代``, ``the late '80s``.

A season (``去年夏天``, ``暑假``, ``last summer``) is an approximate northern-hemisphere
month range.  A decade or century names a span of years, never a finer date; its parts
(``初``/``末``/``early``/``late``…) are approximate spans within it.  A
two-digit decade with no century (``80年代``, ``the '80s``) is the latest such
decade that has begun by publication (``20年代`` in 2026 is the 2020s); one
that is still running is cut at publication by the judge, as every range is.
"""

from __future__ import annotations

from datetime import date

from sitegen.core.dates import When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.cn_numerals import parse_int
from sitegen.extract.temporal.context import Ctx, Skip

# part of a decade -> (first, last) year within it; of a century -> within its hundred years
DECADE_PARTS: dict[str, tuple[int, int]] = {
    "初": (0, 3), "前期": (0, 3), "early": (0, 3), "中期": (3, 6), "mid": (3, 6), "mid-": (3, 6),
    "末": (7, 9), "末期": (7, 9), "后期": (7, 9), "late": (7, 9),
}  # fmt: skip
CENTURY_PARTS: dict[str, tuple[int, int]] = {
    "初": (0, 19), "初期": (0, 19), "末期": (80, 99), "早期": (0, 29), "上半叶": (0, 49), "中叶": (40, 69),
    "中期": (40, 69), "下半叶": (50, 99), "末": (80, 99), "后期": (70, 99),
    "early": (0, 29), "mid": (40, 69), "mid-": (40, 69), "late": (70, 99),
}  # fmt: skip


def _century_base(g: dict[str, str | None], ctx: Ctx, notes: list[str]) -> int | None:
    """The hundreds of the century the text names (1900 for 20世纪/上世纪), or None: as news
    writes them, the 18th century is the 1700s (``18世纪`` = 1700-1799)."""
    word = W.key(g.get("century"))
    if not word:
        return None
    if word.startswith("上"):  # 上世纪, 上个世纪: the one before the publication's
        notes.append("上世纪: the century before publication's")
        return ctx.pub_date.year // 100 * 100 - 100
    if word.startswith("本"):
        return ctx.pub_date.year // 100 * 100
    raw = word.removesuffix("世纪").removesuffix("century").strip()
    raw = raw.removeprefix("the ").rstrip("stndrh").strip()
    number = parse_int(raw)
    if number is None or not 1 <= number <= 99:
        raise Skip(word)
    return (number - 1) * 100


def era(g: dict[str, str | None], ctx: Ctx, notes: list[str]) -> When:
    base = _century_base(g, ctx, notes)
    raw = g.get("dec") or g.get("dec2")
    if not raw:  # a century alone: 19世纪, 20世纪末, the 19th century
        if base is None:
            raise Skip("century")
        first, last = CENTURY_PARTS.get(W.key(g.get("cp")), (0, 99))
        return C.year_span(max(1, base + first), base + last, ctx.tz, approximate=bool(g.get("cp")))
    value = parse_int(raw.lstrip("'’‘"), digitwise=True)
    if value is None:
        raise Skip(raw)
    if value < 100:
        if value % 10 or (value < 30 and base is None and not g.get("dec2")):
            raise Skip(raw)  # 20年代: the 1920s or the 2020s
        if base is not None:
            value += base
        else:
            century = ctx.pub_date.year // 100 * 100
            value += century if century + value <= ctx.pub_date.year else century - 100
            notes.append(f"the latest {raw} decade begun by publication")
    if value % 10 or not 1000 <= value <= 2990:
        raise Skip(raw)
    if value % 100 == 0 and value <= W.CENTURY_HUNDREDS and not g.get("dec2"):
        # the 1800s: the century (the 1900s and the 2000s are read as decades, their usual sense)
        return C.year_span(value, value + 99, ctx.tz, approximate=bool(g.get("dp")))
    first, last = DECADE_PARTS.get(W.key(g.get("dp")), (0, 9))
    return C.year_span(value + first, value + last, ctx.tz, approximate=bool(g.get("dp")))


def season(g: dict[str, str | None], y: int | None, ctx: Ctx, notes: list[str], srcs: set[str]) -> When:
    """去年夏天, 2023年秋季, last summer, the winter of 2023: an approximate month range
    (``y``: the year the text gives, if any)."""
    word = W.key(g["season"])
    first, last = W.SEASONS.get(word) or W.SEASONS[word[0]]
    rel = W.key(g.get("srel"))
    if y is None:
        srcs.add("pub")
        y = ctx.pub_date.year
        if rel == "last":  # the latest such season already over at publication
            while C.midnight(date(*C.add_months(y, first, last - first + 1), 1), ctx.tz) > (ctx.published):
                y -= 1
        elif rel == "next":
            y += 1
        else:  # this / early / late / the: the latest that has begun
            while C.midnight(date(y, first, 1), ctx.tz) > ctx.published:
                y -= 1
    ey, em = C.add_months(y, first, last - first)
    when = C.month_span(y, first, ctx.tz, (ey, em), approximate=True)
    if rel in ("early", "late"):
        mid = C.add_months(y, first, 1)
        when = (
            C.month_span(y, first, ctx.tz, mid, approximate=True)
            if rel == "early"
            else C.month_span(*mid, ctx.tz, (ey, em), approximate=True)
        )
    notes.append("seasons are read as northern-hemisphere months")
    return when
