"""What a sentence says happened — an apology, a recall, a summons — in either language.

Two reports of one happening in Chinese and English share few words (none but the names
the bridge links), and sentence vectors alone tell a company's apology from the same
company's penalty of the same evening poorly (0.51 against 0.47 measured on the seed).
What tells them apart is the *action*: ``公开道歉`` and "publicly apologized" name one,
``通报处罚`` another.  ``sitegen/data/actions.toml`` lists actions news reports tell, each
with its Chinese words and the starts of its English words; `Actions.of` finds those a
text names.  The table is data, general for any story, and small: an action it does not
list simply casts no vote.

Matching is one compiled alternation per language (longest words first), so finding the
actions of a text costs one pass over it.  A Chinese action word qualifying a noun
(``暴露的数据库``) names no action.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

from ..core.sitedata import PACKAGE_DATA

MEMO_TEXTS = 200_000
"""At most this many texts' actions remembered by one table (bounded memory)."""
ATTRIBUTIVE = ("的", "时间", "日期")
"""A Chinese action word before these qualifies a noun (召回的车辆, 暴露的数据库): it names a
thing by what was done to it, and says nothing of what the sentence reports happened; before
时间 or 日期 it names the act's time ("复工时间未定": when it will resume, not a resumption)."""
NAMED_EN = re.compile(r"(?:\bthe|\bits|\btheir|\bthis|['’]s)\s+$")
"""before an English action word: a determiner (or a possessive) that makes it a noun naming a thing"""
RELATIVE_EN = re.compile(r"[a-z-]*\s+(?:that|which)\s+[^,;:.!?]*")
"""after it: the relative clause that says which ("the explosion that killed three people"): the
action names the thing another action of the sentence is done to ("formed a team to investigate
the explosion that killed three"), and its clause's actions describe that thing"""

NONE = "none"
"""The table of words that start like an action's but name none ("test satellite": a craft, not a
lab test): the longest word wins where two start alike, and this one names nothing."""


@dataclass
class Actions:
    """Actions by the words that name them (``zh``: anywhere; ``en``: at a word's start)."""

    zh: dict[str, str] = field(default_factory=dict)
    en: dict[str, str] = field(default_factory=dict)
    own_clause: frozenset[str] = frozenset()
    """actions a clause tells as a happening of its own beside another action of its sentence
    (``own_clause = true``: a market's fall beside what caused it, `tellings`)"""
    apart: frozenset[frozenset[str]] = frozenset()
    """pairs of actions that, joined in one sentence, tell two happenings (``apart_from``: a
    halt beside an apology, `tellings`), though neither is ``own_clause``"""
    apart_alone: frozenset[str] = frozenset()
    """actions that a report naming none but other actions tells apart from, on one day too
    (``apart_alone = true``: a sponsor ending its deal, beside a drama shelved the same day;
    not beside an apology that also ends it, `identity.own_apart`)"""
    _zh: re.Pattern[str] | None = field(init=False, default=None)
    _en: re.Pattern[str] | None = field(init=False, default=None)
    _memo: dict[str, frozenset[str]] = field(init=False, default_factory=dict, repr=False, compare=False)
    """each distinct text's actions, read once (merging, tellings, the citing pass and the events
    ask about the same quotes again and again); at most `MEMO_TEXTS`"""

    def __post_init__(self) -> None:
        self._zh = _alternation(self.zh, "")
        self._en = _alternation(self.en, r"(?<![a-z])")

    def of(self, text: str) -> frozenset[str]:
        """The actions ``text`` names (Chinese words anywhere, English words at their start)."""
        known = self._memo.get(text)
        if known is not None:
            return known
        known = self._read(text)
        if len(self._memo) < MEMO_TEXTS:
            self._memo[text] = known
        return known

    def _read(self, text: str) -> frozenset[str]:
        found = set()
        for m in self._zh.finditer(text) if self._zh else ():
            if not text.startswith(ATTRIBUTIVE, m.end()):  # 暴露的数据库 names a database
                found.add(self.zh[m.group(0)])
        if self._en:
            lower, named_to = text.lower(), -1
            for m in self._en.finditer(lower):
                if m.start() < named_to or _in_name(text, m.start()):
                    continue  # inside the relative clause of a thing named, or a name ("Sealink")
                rel = RELATIVE_EN.match(lower, m.end()) if NAMED_EN.search(lower, 0, m.start()) else None
                if rel:
                    named_to = rel.end()
                    continue
                found.add(self.en[m.group(0)])
        found.discard(NONE)
        return frozenset(found)

    def first(self, text: str) -> int | None:
        """Where the first action word of ``text`` starts (None when it names none)."""
        found = [
            m.start()
            for m in (self._zh.finditer(text) if self._zh else ())
            if not text.startswith(ATTRIBUTIVE, m.end()) and self.zh[m.group(0)] != NONE
        ][:1]
        if self._en:
            found += [m.start() for m in self._en.finditer(text.lower()) if self.en[m.group(0)] != NONE][:1]
        return min(found) if found else None

    def told_apart(self, mine: frozenset[str], before: frozenset[str], joined: bool = False) -> bool:
        """Do actions ``mine``, told beside ``before`` in one sentence, tell a happening of their own?
        A pair ``apart_from`` names does only when ``joined`` to the verb before by "and" / 并
        (its own verb, the same subject): a clause that only mentions it ("…has suspended
        production, the chairman said, as he apologised") is not cut from the one it belongs to."""
        return bool((mine | before) & self.own_clause) or (
            joined and any(frozenset((a, b)) in self.apart for a in mine for b in before)
        )

    def pair_apart(self, mine: frozenset[str], theirs: frozenset[str]) -> bool:
        """Is an action of ``mine`` marked ``apart_from`` one of ``theirs`` (a halt, an apology)?"""
        return any(frozenset((a, b)) in self.apart for a in mine for b in theirs)


def _in_name(text: str, start: int) -> bool:
    """Does an English word starting at ``start`` open with a capital inside its sentence (a name:
    "Sealink" holds no seal), not after a sentence's end or a quote's opening?"""
    if not text[start : start + 1].isupper():
        return False
    before = text[:start].rstrip(" \t\"'“‘(")
    return bool(before) and before[-1] not in ".!?:;\n。！？：；"


def _alternation(words: dict[str, str], before: str) -> re.Pattern[str] | None:
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)  # the longest word where two start alike
    return re.compile(before + "(?:" + "|".join(re.escape(w) for w in ordered) + ")")


def parse(doc: dict) -> Actions:
    """Tables ``[action] zh = [...] en = [...]`` as `Actions` (a word in two tables keeps the first)."""
    zh: dict[str, str] = {}
    en: dict[str, str] = {}
    own = frozenset(action for action, table in doc.items() if table.get("own_clause"))
    apart = frozenset(
        frozenset((action, other)) for action, table in doc.items() for other in table.get("apart_from", [])
    )
    for action, table in doc.items():
        for word in table.get("zh", []):
            zh.setdefault(word, action)
        for word in table.get("en", []):
            en.setdefault(word.lower(), action)
    alone = frozenset(action for action, table in doc.items() if table.get("apart_alone"))
    return Actions(zh, en, own, apart, alone)


@cache
def actions() -> Actions:
    """The table of ``sitegen/data/actions.toml`` (read once)."""
    return parse(tomllib.loads((PACKAGE_DATA / "actions.toml").read_text(encoding="utf-8")))
