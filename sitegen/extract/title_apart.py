"""Two entries of one site never read under near-identical titles.

Each entry's title is chosen alone (`event_title.choose_title`), so two entries whose quotes
share a sentence's words may end up under one headline but for a word or two: on one day an
agent's arrest and the actress's retirement, both told in the same articles, came out as
"Chinese actress Lin Shuyao would retire" and "Lin Shuyao would retire".  A reader takes them
for one happening told twice (`same_title_joined` joins entries of one date whose
titles are *the same*: one happening; near-identical titles of two entries are a title
problem, not a merge).

So once every entry has its title, each pair of near-identical titles (`near_identical`) is
told apart: the entry citing fewer sources (the later, on a tie) takes its best title that is
near-identical to no other entry's — its own distinct clause, from its own quotes — unless that
is a fragment and the other entry has a whole clause of its own to take (an inspector's email of
October and her interview of March, both titled "Liang Wen had flagged high NDMA readings": the
interview takes "Managers had ignored her warnings").  When neither entry's quotes offer one, the
titles stay and the pair is flagged (a note for --explain and on both entries' explain lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import combinations

from ..core.markdown import normalise_ws
from ..core.model import Event
from .headline_checks import headline_problems

_LATIN_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")
_CJK = re.compile(r"[\u3400-\u9fff]")

NEAR = 0.75
"""Dice overlap of their words (Latin) or character pairs (Chinese) at which two titles read as one"""


def _units(title: str) -> set[str]:
    """A title's Latin words and Chinese character pairs (and digits runs), case folded."""
    low = title.casefold()
    words = set(_LATIN_WORD.findall(low))
    han = "".join(ch if _CJK.match(ch) else " " for ch in low).split()
    pairs = {run[i : i + 2] for run in han for i in range(max(1, len(run) - 1))}
    return words | pairs


def near_identical(a: str, b: str) -> bool:
    """Do two titles read as one: the same words but for a few (their overlap at least `NEAR`),
    or one's words all within the other's (three or more: "Lin Shuyao would retire" in
    "Chinese actress Lin Shuyao would retire")?"""
    ua, ub = _units(a), _units(b)
    if not ua or not ub:
        return a.strip() == b.strip()
    shared = len(ua & ub)
    if shared == min(len(ua), len(ub)) and shared >= 3:
        return True
    return 2 * shared / (len(ua) + len(ub)) >= NEAR


Retitle = Callable[[Callable[[str], bool]], str]
"""Choose an entry's title again, passing over the titles the predicate accepts"""


def tell_apart(built: list[tuple[Event, list[str]]], retitle: dict[int, Retitle]) -> list[str]:
    """Give one of each pair of entries with near-identical titles a title of its own (or flag
    the pair); notes for --explain.  The entry citing fewer sources is titled again first; when
    its quotes offer only a fragment (`headline_problems`) and the other's a whole clause, the
    other is titled again instead."""
    notes = []
    for (a, a_lines), (b, b_lines) in combinations(built, 2):
        if not near_identical(a.title, b.title):
            continue
        order = sorted(((a, a_lines), (b, b_lines)), key=lambda e: (-len(e[0].sources), -built.index(e)))
        tries = []
        for (keep, _), (change, lines) in (order, order[::-1]):
            new = _again(change, [e.title for e, _ in built if e is not change], retitle)
            if new is not None:
                tries.append((bool(headline_problems(new)), keep, change, lines, new))
        if tries:
            _, keep, change, lines, new = min(tries, key=lambda t: t[0])  # the first without a problem
            lines.append(f"titled {new!r}, not {change.title!r}: near-identical to {keep.title!r}")
            notes.append(f"{new!r}: retitled, as {change.title!r} read as another entry's {keep.title!r}")
            change.title = new
            continue
        flag = f"title near-identical to another entry's ({a.title!r}, {b.title!r}): no quote tells it apart"
        a_lines.append(flag)
        b_lines.append(flag)
        notes.append(flag)
    return notes


def _again(event: Event, others: list[str], retitle: dict[int, Retitle]) -> str | None:
    """The event's best title near-identical to none of ``others``, or None."""
    choose = retitle.get(id(event))
    new = choose(lambda t: any(near_identical(t, o) for o in others)) if choose else None
    return new if new and not any(near_identical(new, o) for o in others) else None


def same_title_joined(built: list[tuple[Event, list[str]]]) -> list[tuple[Event, list[str]]]:
    """Entries of one date that chose the same sentence as their title are one entry.

    Each entry's title is the sentence that best tells what its sources share; two entries of
    the same date whose best sentence is the same one tell the same happening (two happenings of
    one day reported in the same articles are told by different sentences, so keep different
    titles).  The later entry's citations of sources the first does not cite join the first;
    a reader never sees one happening twice under one headline.  Linear: one dict lookup each."""
    kept: dict[tuple[str, str], tuple[Event, list[str]]] = {}
    out = []
    for event, lines in built:
        key = (event.when.iso(), normalise_ws(event.title))
        first = kept.get(key)
        if first is None:
            kept[key] = (event, lines)
            out.append((event, lines))
            continue
        have = {c.source for c in first[0].sources}
        first[0].sources.extend(c for c in event.sources if c.source not in have)
        first[1].append(f"joined an entry of the same date and title citing {len(event.sources)} source(s)")
    return out
