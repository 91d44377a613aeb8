"""More ways a headline drops words, and more fragments it must not stand as (issue 24).

* an English apposition between a name and its verb goes ("Chen Li, a former inspector at X,
  told…" → "Chen Li told…"; "A former inspector at X, Chen Li, said…" → "Chen Li said…");
* a Chinese pointer 这 with the classifier of a thing goes before a name ("这件青瓷瓶系…" →
  "青瓷瓶系…"), as "该" does before one in `headline.headline_variants`;
* `en_cut_problems` names English titles whose end lost what their verb wants: an order
  without what was ordered ("The regulator ordered Acme", "was ordered by a panel"), a
  participle phrase cut after a word or two (", adding", ", adding to pressure"), a gerund
  whose object was cut ("the cost of producing").

The word lists are data (``sitegen/data/headline.toml``: ``causative``, ``thing_classifiers``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import lru_cache

_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
_APPOSITION_AFTER = re.compile(rf"^({_NAME}),\s+(?:a|an|the|its|his|her|their)\s+[^,]{{3,60}},\s+(?=[a-z])")
_APPOSITION_BEFORE = re.compile(rf"^(?:A|An|The)\s+[^,]{{3,60}},\s+({_NAME}),\s+(?=[a-z])")


def en_apposition_dropped(text: str) -> list[str]:
    """``text`` without an apposition beside the name that opens it (who the person is, which a
    headline leaves to the summary): empty when there is none."""
    for pattern in (_APPOSITION_AFTER, _APPOSITION_BEFORE):
        m = pattern.match(text)
        if m:
            return [m.group(1) + " " + text[m.end() :]]
    return []


def zh_pointer_dropped(text: str, classifiers: Sequence[str]) -> list[str]:
    """``text`` without an opening 这 and the classifier of a thing, when a name of four
    characters or more follows ("这件南宋青瓷瓶系…捐赠" → "南宋青瓷瓶系…捐赠"): empty otherwise."""
    m = re.match(rf"^这(?:{'|'.join(map(re.escape, classifiers))})(?=[\u4e00-\u9fffA-Za-z0-9]{{4}})", text)
    return [text[m.end() :]] if m else []


@lru_cache(maxsize=4)
def _order_patterns(causative: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = "|".join(sorted(causative))
    # "ordered Acme Corp", "urged them": a name or a pronoun, then the end ("ordered a recall"
    # says what was ordered)
    active = re.compile(rf"\b(?:{verbs})\s+(?:(?:[A-Z][\w'’.-]*\s*){{1,4}}|(?:him|her|them|it|us))$")
    passive = re.compile(rf"\b(?:was|were|is|are|been|being|be)\s+(?:{verbs})(?:\s+by\s+[^,]+)?$")
    return active, passive


def en_cut_problems(title: str, en: Mapping[str, frozenset[str]]) -> list[str]:
    """Why an English ``title`` ends where what its verb wants was cut off (empty when it does
    not): the reasons `headline_checks.headline_problems` adds for English titles."""
    problems = []
    active, passive = _order_patterns(tuple(en["causative"]))
    if active.search(title) or passive.search(title):
        problems.append("an order without what was ordered")
    if re.search(r",\s+[a-z]{3,}ing(?:\s+[\w'’-]+){0,2}$", title):
        problems.append("ends on a participle phrase cut short")
    if re.search(r"\b(?:of|for|by|from|about|without|in)\s+[a-z]{3,}ing$", title):
        problems.append("ends on a gerund whose object was cut")
    units = "|".join(sorted(en["time_units"]))
    if re.search(rf",\s+(?:\w+\s+)?(?:{units})$", title):
        problems.append("ends on a measure of time cut from its clause")  # "…, hours [after X]"
    return problems


def order_before(text: str, en: Mapping[str, frozenset[str]]) -> bool:
    """Does ``text`` end on a verb of ordering and up to five words after it ("ordered the
    studio", "was ordered by a panel in 2022")?  A cut there, before "to …", loses what was ordered."""
    verbs = "|".join(sorted(en["causative"]))
    m = re.search(rf"\b(?:{verbs})((?:\s+[\w'’.,-]+){{0,5}})$", text)
    # "accused the studio of forcing staff": the verb has what it wants (of …) already
    return m is not None and not re.search(r"\b(?:to|of|into|from)\b", m.group(1))


_YEAR_OPENER = re.compile(r"^In\s+(?:[A-Z][a-z]+\s+)?\d{4}\s+(?=(?:a|an|the|[A-Z][\w'’.-]*)\s)")


def en_year_opener_dropped(text: str) -> list[str]:
    """``text`` without an opening "In 2022" that no comma sets off ("In 2022 a panel ordered…" →
    "A panel ordered…"): the entry's date says the year.  Empty when it has none."""
    m = _YEAR_OPENER.match(text)
    rest = text[m.end() :] if m else ""
    return [rest[0].upper() + rest[1:]] if rest else []
