"""What an announcement made public, after its colon, is what the announcement's quote tells.

"今日，监管部门公布事故初步调查结果：维修方未按规定于3月实施检查，但记录显示已完成。" dates two
clauses: the announcement (今日) and, after the colon, what it found, which happened earlier (3月).
`candidates` quotes one candidate per dated clause, so the announcement's quote was "今日，监管部门
公布事故初步调查结果" alone: it names the finding but not what was found, and the other reports of
the finding ("监管部门通报检查未实施", "the regulator said the engine had not been inspected")
shared no word with it.  The content is the announcement's as much as the older happening's: the
announcement's quote runs on through it to the sentence's end, and the older date still quotes its
own clause (both cite the source; `beside` then reads the two as told beside each other).

Only after a colon (what follows is what was made public) closing a clause that names a verb of
making public (`sitegen/data/made_public.toml`: 公布, 通报, "said"; a recap's heading "4月22日回顾："
names none), and only when the date after it is older than the announcement's (a later one is a
plan it announced, or a happening of its own).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from typing import Any

from ..core.sitedata import PACKAGE_DATA

COLONS = "：:"


@cache
def _verbs() -> re.Pattern[str]:
    doc = tomllib.loads((PACKAGE_DATA / "made_public.toml").read_text(encoding="utf-8"))
    zh = "|".join(re.escape(w) for w in doc["zh"])
    en = "|".join(re.escape(w.lower()) for w in doc["en"])
    return re.compile(rf"{zh}|(?<![a-z])(?:{en})")


def runs_through(text: str, end: int, announced: Any, content: Any) -> bool:
    """Does the clause of ``announced`` (its date to ``end``) end with a colon and name a verb of
    making public, and is ``content`` (the next clause's date) older than ``announced``?"""
    if not text[end : end + 1] or text[end] not in COLONS:
        return False
    if not _verbs().search(text[announced.start : end].lower()):
        return False
    a, c = announced.when, content.when
    if a is None or c is None:
        return False
    return c.period_end() <= a.start
