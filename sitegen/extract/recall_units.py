"""The units the citing pass (`recall`) reads: each sentence of a source, with its clauses.

A unit is a sentence, or one clause of a sentence that has several, with its terms
and the periods of its dates.  Reading them is most of the citing pass's work, and
most of it repeats: the same sentence stands in many articles (syndicated copies,
outlets' boilerplate, a company's statement quoted word for word).  A sentence that
states no date of its own is therefore read once per distinct sentence and tokens
(`SentenceMemo`): what it yields depends on its text and tokens alone, besides the
dates a sentence ending on a semicolon hands on to it (filled in, not remembered)
and where it stands (its offsets, moved to its place).  A sentence with a date of
its own is read each time: whether a date only gives context (`background_rule`)
looks at the text around the sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate
from typing import TYPE_CHECKING, Any

from .background import CLOSING, background_rule
from .headline import headline_words
from .passages import Span, clauses, paragraphs, sentences
from .recall_dates import subordinate
from .recall_rules import (
    announces,
    denies_ties,
    name_joined,
    names_teller_by_past,
    says_who_is,
    short_telling,
)
from .subject_date import opens_as_subject
from .words import Lexicon, Words

if TYPE_CHECKING:
    from .merge import Clustering

QUESTION_END = ("?", "？")
SEMICOLON = (";", "；")
"""A sentence ending on one goes on in the next: an undated sentence after it takes its dates
("April 6: pupils fall ill; the regulator seals the batch.", a listing's day of two happenings)."""
SPEECH = re.compile(r"“[^”]*”?|「[^」]*」?|\"[^\"]*\"?")
"""Words in quotation marks (an unclosed one runs to the sentence's end)."""

Periods = list[tuple[datetime, datetime]]


@dataclass
class Unit:
    """A sentence, or one clause of it, that may report an event."""

    span: Span
    sentence: Span
    quote: str
    terms: list[str]
    periods: Periods
    """the periods of the dates it states itself (empty: it states none)"""
    clause: bool
    timed: Periods = field(default_factory=list)
    """those of its dates that time what it tells (not "since last Monday", "2021年上市以来")"""
    free: bool = False
    """its sentence's dates are all in later clauses that tell something else (`recall_dates.SUBORDINATE`): it
    may tell what they date, or something undated"""
    before: Span | None = None
    """the sentence before its own in its paragraph (None: it opens the paragraph)"""


def speech(quote: str) -> bool:
    """Does the sentence open with someone's words, or are most of it in quotation marks ("“…不能只停留
    在口头道歉上，”X说")?  Someone's view, not what happened — unless it announces (`announces`)."""
    if quote and "“" not in quote and "「" not in quote and '"' not in quote:
        return False  # no quotation mark opens in it: nothing is in quotes (most sentences)
    inside = sum(len(m.group(0)) for m in SPEECH.finditer(quote))
    return (quote.startswith(("“", "「", '"')) or inside * 2 >= len(quote)) and not announces(quote)


def says_who(clause: str) -> bool:
    """Does the clause end on a reporting verb ("考试院表示", "记者从市公安局获悉", "the hospital
    said")?  It tells who spoke, not what happened (`headline.toml`'s reporting verbs)."""
    words = headline_words()
    bare = clause.rstrip(' ,.;:，。；：、!?！？"”’」』)）')
    if words.zh["reporting"] and bare.endswith(words.zh["reporting"]):
        return True
    last = bare.rsplit(None, 1)[-1].lower() if bare else ""
    return last in words.en["reporting"]


_Kept = tuple[tuple[int, int, bool, tuple[str, ...]], ...] | None
"""An undated sentence's units as offsets into it: (start, end, is a clause, terms); None: it
yields none and hands no dates on (a question, someone's words)."""


class SentenceMemo:
    """What an undated sentence yields, by its text and tokens, for one citing pass (during which
    the lexicon and the rules do not change); and each distinct span's terms (`Lexicon.span_terms_once`)."""

    def __init__(self) -> None:
        self.terms: dict = {}
        self.undated: dict[tuple[str, tuple[str, ...], int], _Kept] = {}


def units(
    words: Words, lexicon: Lexicon, mentions: list[Any], clustering: Clustering, memo: SentenceMemo
) -> Iterator[list[Unit]]:
    """Each sentence with its clauses (when it has several), as units with their terms and dates."""
    text = words.text
    dated = sorted(
        (m for m in mentions if m.when is not None and m.kind != "not-event"), key=lambda m: m.start
    )
    starts = [m.start for m in dated]
    few_below = clustering.rules.min_content_words

    def terms_of(span: Span, own: list[Any]) -> list[str]:  # of the tokens that start inside ``span``
        i, j = bisect_left(words.starts, span.start), bisect_left(words.starts, span.end)
        part = tuple(words.tokens[i:j])
        offs = words.starts[i:j] if own else ()
        skip = tuple(t for t, o in zip(part, offs, strict=False) if any(m.start <= o < m.end for m in own))
        return lexicon.span_terms_once(memo.terms, part, span.of(text), skip)

    for para in paragraphs(text):
        carried: Periods = []  # the dates of a sentence that ended on a semicolon
        before: Span | None = None
        for sentence in sentences(text, para):
            before, previous = sentence, before
            inherited, carried = carried, []
            lo, hi = bisect_left(starts, sentence.start), bisect_left(starts, sentence.end)
            if lo == hi:  # no date of its own: read once per distinct sentence
                out, carried = _undated(words, lexicon, sentence, inherited, previous, memo, few_below)
                if out:
                    yield out
                continue
            quote = sentence.of(text).strip()
            if quote.rstrip('"”’」』)）] ').endswith(QUESTION_END) or speech(quote):
                continue
            parts = name_joined(text, clauses(text, sentence))
            in_sentence = dated[lo:hi]
            background: dict[int, bool] = {}  # each date's background_rule, read once per sentence
            pieces = []  # (span, is a clause, its terms, the dates inside it)
            for p in parts if len(parts) > 1 else []:
                own = [m for m in in_sentence if p.start <= m.start < p.end]
                pieces.append((p, True, terms_of(p, own), own))
            whole = [t for piece in pieces for t in piece[2]] if pieces else terms_of(sentence, in_sentence)
            out = []
            aside = [p for p, _, _, own in pieces if own]
            for span, is_clause, terms, own in [(sentence, False, whole, in_sentence), *pieces]:
                # dated only in a later clause that tells something else ("…, where a tank leaked on Oct. 14")
                free = is_clause and not own and bool(aside)
                free = free and all(subordinate(text, p, span) for p in aside)
                dated_itself = bool(own)
                if not own:  # a clause without a date of its own may tell what any date of its sentence dates
                    own = in_sentence
                periods = [(m.when.start, clustering.end(m.when)) for m in own] or inherited
                for m in own:
                    if id(m) not in background:
                        # a teller's closing date ("…, authorities said on Wednesday") times what it told
                        others = [x for x in in_sentence if x is not m]  # "Last Thursday's X ends …"
                        subject = opens_as_subject(text, sentence, m, parts, others)
                        background[id(m)] = subject or background_rule(text, m, quote) in (None, *CLOSING)
                told = [m for m in own if background[id(m)]]
                timed = [(m.when.start, clustering.end(m.when)) for m in told] if own else inherited
                if not is_clause and quote.endswith(SEMICOLON):
                    carried = timed
                quoted = span.of(text).strip()
                few = len(set(terms)) < few_below
                if few and not (dated_itself and told and short_telling(quoted, terms)):
                    continue
                who = is_clause and (says_who(quoted) or says_who_is(quoted))  # who spoke, who one is
                if who or denies_ties(quoted) or names_teller_by_past(quoted):
                    continue
                out.append(Unit(span, sentence, quoted, terms, periods, is_clause, timed, free, previous))
            if out:
                yield out


def _undated(
    words: Words,
    lexicon: Lexicon,
    sentence: Span,
    inherited: Periods,
    previous: Span | None,
    memo: SentenceMemo,
    few_below: int,
) -> tuple[list[Unit], Periods]:
    """The units of a sentence that states no date, and the dates it hands on (its inherited ones,
    when it ends on a semicolon).  The same as reading it with no dates (`units`), remembered."""
    text = words.text
    at = sentence.start
    i, j = bisect_left(words.starts, at), bisect_left(words.starts, sentence.end)
    chunk = sentence.of(text)
    # tokens join up to the text (`Words.from_tokens`): the first one's offset places them all
    key = (chunk, tuple(words.tokens[i:j]), words.starts[i] - at if i < j else 0)
    kept = memo.undated.get(key, False)
    if kept is False:
        offs = tuple(accumulate(map(len, key[1]), initial=key[2]))[:-1]
        kept = memo.undated[key] = _read_undated(chunk, key[1], offs, lexicon, memo, few_below)
    if kept is None:
        return [], []
    carried = inherited if chunk.strip().endswith(SEMICOLON) else []
    out = [
        Unit(
            Span(at + a, at + b),
            sentence,
            chunk[a:b].strip(),
            list(terms),
            inherited,
            is_clause,
            inherited,
            False,
            previous,
        )
        for a, b, is_clause, terms in kept
    ]
    return out, carried


def _read_undated(
    chunk: str,
    tokens: tuple[str, ...],
    offs: tuple[int, ...],
    lexicon: Lexicon,
    memo: SentenceMemo,
    few_below: int,
) -> _Kept:
    """`units` of one undated sentence standing alone at offset 0 (``chunk`` its text)."""
    quote = chunk.strip()
    if quote.rstrip('"”’」』)）] ').endswith(QUESTION_END) or speech(quote):
        return None

    def terms_of(a: int, b: int) -> list[str]:
        i, j = bisect_left(offs, a), bisect_left(offs, b)
        return lexicon.span_terms_once(memo.terms, tokens[i:j], chunk[a:b], ())

    whole = Span(0, len(chunk))
    parts = clauses(chunk, whole)
    pieces = [(p.start, p.end, True, terms_of(p.start, p.end)) for p in parts] if len(parts) > 1 else []
    terms = [t for piece in pieces for t in piece[3]] if pieces else terms_of(0, len(chunk))
    out = []
    for a, b, is_clause, its in [(0, len(chunk), False, terms), *pieces]:
        quoted = chunk[a:b].strip()
        if len(set(its)) < few_below:
            continue
        who = is_clause and (says_who(quoted) or says_who_is(quoted))  # who spoke, who one is
        if who or denies_ties(quoted) or names_teller_by_past(quoted):
            continue
        out.append((a, b, is_clause, tuple(its)))
    return tuple(out)
