"""A night's work told to its end in one sentence: "昨晚…脱线后，消防、武警冒雪连夜搜救，今晨6时许
最后一名被困乘客被救出".

The morning's date dates no happening of its own: the sentence tells the evening's happening and
the work it started, carried on through the night (`data/overnight.toml`: 连夜, "overnight") until
that morning.  Quoted apart, the morning's clause founded an entry of its own (a rescue's last
passenger freed), though it is the evening's happening's aftermath.  So a date starting within
``reach_hours`` of the end of an evening's (or night's) date before it in the sentence, with a
night-work word between the two, is dropped from the sentence's dating dates: the evening's date
then dates the whole sentence.
"""

from __future__ import annotations

import re
import tomllib
from datetime import timedelta
from functools import cache
from typing import Any

from ..core.sitedata import PACKAGE_DATA


@cache
def _table() -> tuple[re.Pattern[str], timedelta]:
    doc = tomllib.loads((PACKAGE_DATA / "overnight.toml").read_text(encoding="utf-8"))
    zh = "|".join(re.escape(w) for w in doc["zh"])
    en = "|".join(re.escape(w) for w in doc["en"])
    return re.compile(rf"(?:{zh})|\b(?:{en})\b", re.IGNORECASE), timedelta(hours=doc["reach_hours"])


def _evening(m: Any) -> bool:
    w = m.when
    return w is not None and (
        w.part_of_day in ("evening", "night") or (w.precision in ("hour", "minute") and w.start.hour >= 18)
    )


def night_ends(text: str, dated: list[Any]) -> list[Any]:
    """The dates of ``dated`` (one sentence's) that end a night's work an earlier date's evening
    began (see the module)."""
    words, reach = _table()
    out = []
    ordered = sorted(dated, key=lambda m: m.start)
    for i, b in enumerate(ordered):
        if b.when is None:
            continue
        for a in ordered[:i]:
            if not _evening(a) or a.end > b.start:
                continue
            gap = b.when.start - a.when.period_end()
            if timedelta(0) <= gap <= reach and words.search(text, a.end, b.start):
                out.append(b)
                break
    return out
