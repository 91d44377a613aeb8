"""Numbered model names: "Falconet-1" and "Falconet-2" are two craft, 天枢一号 and 天枢二号 too.

A name tagger (`entities.latin_names`) reads "Falconet-2" as "falconet", the family's name, so a
sentence about one model of a family shares that name with an event about another: a CEO's "the
satellites lost on the Falconet-2" agreed by its words with the entry of "a Falconet-1 was lost
in 2023".  A sentence naming a numbered model of a family whose other numbers alone the event's
quotes name (and this one never) tells of another model: it does not join that event by its
content (`recall`'s second citing pass).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_EN = re.compile(r"\b([A-Z][A-Za-z]+)-(\d{1,3})\b")
_ZH = re.compile(r"([\u4e00-\u9fff]{2})([一二三四五六七八九十]{1,2}|\d{1,3})号")
_ZH_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九十")}


def _number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if len(text) == 1:
        return _ZH_DIGITS[text]
    # 十一 .. 十九, 二十
    if text[0] == "十":
        return 10 + _ZH_DIGITS[text[1]]
    return _ZH_DIGITS[text[0]] * 10 + (0 if text[1] == "十" else _ZH_DIGITS[text[1]])


def numbered(text: str) -> set[tuple[str, int]]:
    """The numbered models ``text`` names, as (family, number): "Falconet-2" → ("falconet", 2)."""
    out = {(m.group(1).lower(), int(m.group(2))) for m in _EN.finditer(text)}
    out |= {(m.group(1), _number(m.group(2))) for m in _ZH.finditer(text)}
    return out


def other_model(quote: str, event_quotes: Iterable[str]) -> bool:
    """Does ``quote`` name a numbered model whose family the event's quotes name only by other
    numbers (never by this one)?"""
    mine = numbered(quote)
    if not mine:
        return False
    theirs: set[tuple[str, int]] = set()
    for q in event_quotes:
        theirs |= numbered(q)
    families = {f for f, _ in theirs}
    return any(f in families and (f, n) not in theirs for f, n in mine) and not mine & theirs
