"""A clause whose subject is a personal pronoun, dated by a count from its paragraph's earlier date.

"昨日下午，沈维清在…参观时发现，…。当晚，他在微博发文质疑展品被调包" — the second sentence's 他 is the
person the first names, and its 当晚 is counted from the first's 昨日下午: it goes on telling that
person's day, not a happening of its own.  A pronoun refers to someone already named, so such a
clause founds no entry: it joins the happening of the sentence it counts from (as
`candidates._goes_on` lets a restated time of day do: `Candidate.continues_at`), or stays
background.  Only the same calendar day: "次日，他被刑事拘留" is another day's happening, and a clause
whose subject is a name, or 该公司 / "the company" (which may be another actor than the earlier
sentence's), is judged as any other.  The pronouns are data (`sitegen/data/referring.toml`).
"""

from __future__ import annotations

import functools
import re
import tomllib
from typing import Any

from ..core.sitedata import PACKAGE_DATA

_OPEN = re.compile(r"[\s,，、:：]*")
"""what may stand between the date and the clause's subject (当晚，他…)"""
_CLAUSE = re.compile(r"[。；;！!？?，,]")
"""what ends the clause before a date"""
_HEAD_END = re.compile(r"[。；;！!？?，,]|\.\s")
"""what ends the clause before a date, an English full stop included"""
_QUOTES = " \t\"'“”‘’「」"


@functools.cache
def _links() -> dict[str, frozenset[str]]:
    data = tomllib.loads((PACKAGE_DATA / "referring.toml").read_text(encoding="utf-8"))
    return {lang: frozenset(data[f"{lang}_clause_links"]) for lang in ("en", "zh")}


def _opens_clause(text: str, m: Any, lang: str) -> bool:
    """Does the date ``m`` open its clause (nothing before it in the clause but a linking word
    such as "and" / 随后)?  Only then is a pronoun right after it the subject of what follows;
    "Police said the same day they had …" names its subject before the date."""
    head = _HEAD_END.split(text[max(0, m.start - 60) : m.start])[-1].strip(_QUOTES)
    lang = "en" if lang == "en" else "zh"
    return not head or (head.lower() if lang == "en" else head) in _links()[lang]


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads((PACKAGE_DATA / "referring.toml").read_text(encoding="utf-8"))
    persons = "|".join(map(re.escape, sorted(data["zh_persons"], key=len, reverse=True)))
    not_after = "".join(map(re.escape, data["zh_not_person_after"]))
    zh = re.compile(rf"(?:{persons})(?![{not_after}])")
    en = re.compile(rf"(?i:{'|'.join(map(re.escape, data['en_persons']))})\b(?!')")
    return zh, en


def pronoun_subject(text: str, m: Any, lang: str) -> bool:
    """Is the subject of the clause the date ``m`` stands in a personal pronoun: right after the
    date ("当晚，他在微博发文", "That evening, he posted") or right before it, opening the clause
    ("他当晚在微博发文", "he posted that evening" is not read: the date ends it)?"""
    zh, en = _patterns()
    pattern = en if lang == "en" else zh
    after = _OPEN.match(text, m.end).end()
    if pattern.match(text, after):
        return _opens_clause(text, m, lang)
    if lang == "en":
        return False
    # 他当晚…: the pronoun alone opens the clause the date stands in
    head = _CLAUSE.split(text[max(0, m.start - 8) : m.start])[-1].strip()
    found = pattern.match(head)
    return found is not None and found.end() == len(head)


def pronoun_turn(text: str, m: Any, anchor: Any, lang: str) -> bool:
    """Does the clause dated by ``m`` — a count from ``anchor``, a date its paragraph states
    before, falling on the same day — have a personal pronoun for its subject?  Then it goes on
    telling the sentence ``anchor`` dates (the person that sentence names): it founds no entry."""
    if anchor is m or m.kind != "anchored" or m.when is None or anchor.when is None:
        return False
    if m.when.start.date() != anchor.when.start.date():
        return False
    return pronoun_subject(text, m, lang)
