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
    if re.search(rf",\s+(?:\w+\s+)?(?:{units})$", title) or _bare_span(title, en) is not None:
        problems.append("ends on a measure of time cut from its clause")  # "…, hours [after X]"
    if en_that_cut(title, en):
        problems.append("ends on a that-clause cut before its verb")
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


_DETERMINERS = frozenset(
    {"a", "an", "the", "its", "his", "her", "their", "this", "that", "these", "those", "our"}
)


def _verb_at(words: Sequence[str], i: int, en: Mapping[str, frozenset[str]]) -> bool:
    """Is ``words[i]`` a finite verb, roughly: an auxiliary or irregular past, or a word ending in
    -ed (or -s after a noun) that follows neither a determiner nor an adverb in -ly ("a poorly
    welded tank" has none)?"""
    low = words[i].lower().strip(",.;:")
    if low in en["auxiliaries"] or low in en["irregular"]:
        return True
    before = words[i - 1].lower() if i > 0 else ""
    if before in _DETERMINERS or before.endswith("ly") or "-" in low:
        return False
    return len(low) > 4 and low.endswith("ed")


def en_that_cut(title: str, en: Mapping[str, frozenset[str]]) -> bool:
    """Does ``title`` end on a that-clause cut before its verb ("Investigators concluded that a
    poorly welded oxygen tank" lost "was to blame")?  Only "that" after a verb in -ed or of
    speech (concluded, found, said that), with no finite verb after it."""
    m = re.search(r"\b([a-z]+)\s+that\s+((?:\S+\s+){1,}\S+)$", title)
    if m is None or not (m.group(1).endswith("ed") or m.group(1) in en["reporting"]):
        return False
    words = m.group(2).split()
    return not any(_verb_at(words, i, en) for i in range(len(words)))


_REDUCED = re.compile(r"^((?:[A-Z][\w'’.-]*)(?:\s+[A-Za-z][\w'’.-]*){0,2}?)\s+([a-z]{3,}ing)\s+(?=\S)")
_RELATIVE_ASIDE = re.compile(rf"^({_NAME}),\s+(?:which|who)\s+[^,]{{3,120}},\s+(?=[a-z])")


def en_aside_dropped(text: str, en: Mapping[str, frozenset[str]]) -> list[str]:
    """``text`` without what stands between its subject and verb: a relative clause set off by
    commas ("Cirrus Weather, which lost eight satellites …, filed a lawsuit" → "Cirrus Weather
    filed a lawsuit"), or a participle phrase ("Investigators looking into the loss of a rocket
    concluded…" → "Investigators concluded…"); empty when there is none."""
    m = _RELATIVE_ASIDE.match(text)
    if m:
        return [m.group(1) + " " + text[m.end() :]]
    m = _REDUCED.match(text)
    if m is None:
        return []
    rest = text[m.end() :].split()
    for i in range(2, min(len(rest), 16)):
        if "," in rest[i - 1]:
            return []  # a comma first: no participle phrase between subject and verb
        if _verb_at(rest, i, en):
            return [m.group(1) + " " + " ".join(rest[i:])]
    return []


def en_bare_span_dropped(text: str, en: Mapping[str, frozenset[str]]) -> list[str]:
    """``text`` without a time span ending it after its verb, the clause that span measured cut
    ("…exploded about 90 seconds [after lifting off]" → "…exploded"); empty when there is none.
    A span after a word that takes one (lasted, after, for …: `span_takers`) is what was said."""
    m = _bare_span(text, en)
    return [text[: m.start()].rstrip(" ,")] if m is not None else []


def _bare_span(text: str, en: Mapping[str, frozenset[str]]) -> re.Match[str] | None:
    units = "|".join(sorted(en["time_units"]))
    approx = "|".join(sorted(en["span_approximators"]))
    m = re.search(rf"\s+(?:(?:{approx})\s+)?[\w.-]+\s+(?:{units})$", text)
    if m is None:
        return None
    before = text[: m.start()].split()
    last = before[-1].lower().strip(",") if before else ""
    if (
        not last
        or last in en["span_takers"]
        or not (last.endswith("ed") or m.group(0).split()[0] in en["span_approximators"])
    ):
        return None
    return m
