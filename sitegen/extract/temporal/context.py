"""What the temporal resolvers share: the match, the passage context, the result.

`Ctx` is what a passage knows while it is read left to right: the publication
time, the sentence boundaries, and the dates already resolved (the anchors).
Resolvers signal with two exceptions, turned into results by `guarded`:
`Skip` (the match is not a time at all) and `NotEvent` (it is a time
expression, but dates no happening; the message says why).
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sitegen.core.dates import PRECISIONS, When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal.cn_numerals import parse_int

if TYPE_CHECKING:
    from sitegen.extract.temporal.rules import Rule


@dataclass(frozen=True)
class Resolved:
    when: When | None
    kind: str
    explanation: str
    names_year: bool = False
    """The text itself named the year and the month (later month-days may inherit the year)."""
    value: When | None = None
    """For a plan or a date still to come (``when`` None): the date the words name."""
    coming: When | None = None
    """For a yearly day without its year, read as the latest by publication: the next one,
    which the words name when they tell a plan (airlines expect record traffic on Thanksgiving)."""


@dataclass(frozen=True)
class Hit:
    """One regex match of one rule, with its named groups."""

    rule: Rule
    start: int
    end: int
    text: str
    g: dict[str, str | None]


@dataclass(frozen=True)
class Anchor:
    when: When
    text: str
    start: int
    names_year: bool
    names_thing: bool = False
    """A possessive or attributive date ("Saturday's defeat", "its Dec. 20 premiere":
    `naming_position`): it names a thing, not when the clause's action happened, so "the same
    day" after it looks further back for the day of an action."""


_DETERMINER_BEFORE = re.compile(r"\b(?:the|its|their|his|her|our|your|my|a)\s+$", re.I)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|in|on|at|and|or|to|for|from|with|by|after|before|since|until|when|while|as|than"
    r"|that|which|who|he|she|it|they|we|i|you|was|were|is|are|had|has|have|will|would|could|should"
    r"|did|does|do|night|morning|afternoon|evening|noon|midnight)\b)[a-z][a-z-]+\b"
)


def naming_position(text: str, start: int, end: int) -> bool:
    """Does the date at ``start``-``end`` only name a thing: a possessive ("Saturday's defeat"), or
    a modifier between a determiner and its noun ("its Dec. 20 premiere", "the March 2 fire",
    "her Monday concert")?  It says which premiere or fire, not when the sentence's action was."""
    if text[end : end + 2] in ("'s", "’s"):
        return True
    return bool(_DETERMINER_BEFORE.search(text, max(0, start - 8), start) and _NOUN_AFTER.match(text, end))


ROLLED_BACK = "it would be after publication"
"""Part of the note `infer_year` leaves when it moved a month-day to an earlier year."""

STARTS = "the start of a period that runs on"
"""Part of the note of a date where a state began (``5月8日起停业``, "had been open since
November"): the happening is its start; candidates read it as a time, not as background."""

INHERITED = "approximate, as its anchor is"
"""The note a resolver adds when its anchor is approximate; `finish` then marks the result so."""


class Skip(Exception):
    """The match is not a time after all; drop it."""


class NotEvent(Exception):
    """The match is a time expression but not a happening; the message says why."""


_DONE_BY = re.compile(
    r"\bhad\s+(?:already\s+|all\s+|now\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn)\b[^.;:!?]{0,80}\bby\s+$", re.I
)
_BY_THEN_HAD = re.compile(
    r"[^.;:!?,\n]{0,40},[^.;:!?\n]{0,60}?\bhad\s+(?:already\s+|all\s+|now\s+)?(?:been\s+)?[a-z]+(?:ed|en|wn)\b",
    re.I,
)
"""After "By late November": a past perfect in the clause it opens ("By late November, cases had
doubled") says it was done by then, as `_DONE_BY` does before it."""
_PAST_EN = re.compile(
    r"\b(?:[a-z]{2,}ed|was|were|had|has|have|did|said|told|took|went|came|made|left|began|fell|rose|"
    r"met|held|gave|got|sent|spent|paid|stood|sat|ran|saw|found|kept|lost|put|set|cut|hit|quit|led|"
    r"wrote|spoke|broke|chose|drove|flew|grew|knew|threw|woke|wore|rang|sang|struck|shot|fought|caught|"
    r"brought|bought|won|sank|shook|hid|fled|fed|heard|felt|stole|tore|drew|blew|burst|spread|lit|slept|"
    r"swept|built|sold|told|became|forgot|froze|rode|swore|sprang|stuck|hung|dug)\b",
    re.I,
)
"""a verb that tells something done (past or perfect): without one, an English sentence tells
what is (a habit, a state: "a cap changes little for the people at their desks at midnight")"""
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s)")


def sentence_ends(text: str) -> list[int]:
    """Offsets just after each sentence end in ``text``."""
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def sentence_start(ends: list[int], pos: int) -> int:
    """Where the sentence holding ``pos`` starts, given `sentence_ends`."""
    i = bisect.bisect_right(ends, pos)
    return ends[i - 1] if i else 0


class Ctx:
    """What a passage knows while it is read left to right."""

    def __init__(self, text: str, published: datetime, numeric_order: str | None = None) -> None:
        self.text = text
        self.numeric_order = numeric_order
        """How 3/2/2026 reads: "mdy", "dmy", or None (an ambiguous one is said to be so)."""
        self.published = published
        self.tz = published.tzinfo
        self.pub_date = published.date()
        if self.pub_date < date.max:
            self.day_end = C.midnight(self.pub_date + timedelta(days=1), self.tz)
        else:  # published on 9999-12-31: the day ends at the end of the calendar
            self.day_end = datetime.max.replace(tzinfo=self.tz)
        self.pub_when = When(C.truncate(published, "minute"), "minute")
        self.anchors: list[Anchor] = []
        self.composing = False
        self.at = 0
        """Where the mention being resolved starts (set before each resolver runs)."""
        """A range's end is being read with its start as anchor (`temporal_compose`)."""
        self._year_seen = 0
        self._year_anchor: Anchor | None = None
        self._ends = sentence_ends(text)

    def sentence(self, pos: int) -> int:
        return bisect.bisect_right(self._ends, pos)

    def sentence_start(self, pos: int) -> int:
        return sentence_start(self._ends, pos)

    def done_by(self, pos: int) -> bool:
        """Does "by" before ``pos`` close a past perfect ("all 14 pupils had been discharged by
        Wednesday", "had recovered by March")?  Then the date says when it was done (at the
        latest), not a deadline or target as in "must respond by Friday"."""
        before = self.text[max(self.sentence_start(pos), pos - 120) : pos]
        return bool(_DONE_BY.search(before) or _BY_THEN_HAD.match(self.text, pos))

    def tells_past(self, pos: int) -> bool:
        """Does the sentence around ``pos`` hold a verb of something done (`_PAST_EN`)?"""
        i = self.sentence(pos)
        end = self._ends[i] if i < len(self._ends) else len(self.text)
        return bool(_PAST_EN.search(self.text, self.sentence_start(pos), end))

    def anchor(self, finest: str = "year", *, point: bool = False, acted: bool = False) -> Anchor | None:
        """The most recent anchor at least as precise as ``finest`` (``point``: not a range;
        ``acted``: passing over possessive dates that only name a thing, when an earlier one dates
        an action)."""
        need = PRECISIONS.index(finest)
        thing = None
        for a in reversed(self.anchors):
            if PRECISIONS.index(a.when.precision) >= need and not (point and a.when.end):
                if not (acted and a.names_thing):
                    return a
                thing = thing or a
        return thing

    def year_anchor(self) -> Anchor | None:
        """The most recent anchor that names its year (anchors are only ever appended, so the
        search goes on from where the last call stopped: a long passage stays linear)."""
        while self._year_seen < len(self.anchors):
            a = self.anchors[self._year_seen]
            self._year_seen += 1
            if a.names_year:
                self._year_anchor = a
        return self._year_anchor


def describe(when: When) -> str:
    text = when.iso()
    if when.part_of_day:
        text += f" {when.part_of_day}"
    if when.end is not None:
        text += f" until {when.until_iso()}"
    if when.approximate:
        text += " (approximate)"
    return text


def num(text: str | None, lo: int, hi: int, *, digitwise: bool = False) -> int:
    if text and text[0] in "两俩" and hi in (12, 31):
        raise Skip(text)  # 两月, 两日: counts, never calendar numbers
    value = parse_int(text or "", digitwise=digitwise)
    if value is None or not lo <= value <= hi:
        raise Skip(text)
    return value


def is_approx(g: dict[str, str | None]) -> bool:
    return bool(g.get("ap") or g.get("apost") or g.get("xu"))


def finish(hit: Hit, when: When, kind: str, notes: list[str], names_year: bool = False) -> Resolved:
    g = hit.g
    inherited = INHERITED in notes
    if (is_approx(g) or inherited) and not when.approximate:
        when = dataclasses.replace(when, approximate=True)
    if is_approx(g) and kind != "anchored":
        kind = "vague"
    note = "; ".join(n for n in notes if n)
    explanation = f"{hit.text} → {describe(when)}" + (f"; {note}" if note else "")
    return Resolved(when, kind, explanation, names_year)


Resolver = Callable[["Hit", "Ctx"], "Resolved | None"]


def beyond_calendar(err: Exception) -> bool:
    """Did calendar arithmetic leave the years 1-9999 (a record dated 0001-01-01 or 9999-12-31)?"""
    return isinstance(err, OverflowError) or (isinstance(err, ValueError) and "out of range" in str(err))


def guarded(resolver: Resolver) -> Resolver:
    """Turn `Skip` into None, `NotEvent` into a not-event result, and arithmetic past the
    calendar's first or last day into a not-event that says so."""

    @functools.wraps(resolver)
    def run(hit: Hit, ctx: Ctx) -> Resolved | None:
        try:
            return resolver(hit, ctx)
        except Skip:
            return None
        except NotEvent as why:
            return Resolved(None, "not-event", str(why))
        except (OverflowError, ValueError) as err:
            if not beyond_calendar(err):
                raise
            return Resolved(None, "not-event", f"beyond the calendar the site can show: {hit.text}")

    return run
