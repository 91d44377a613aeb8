"""Paragraphs, sentences and clauses of a source text, as offsets into it.

Every piece is a `Span` of the text a reader sees (`Source.text`), so a quote
cut from it is found in the source character for character.  Paragraphs are
the passages the date resolver reads at once (an anchor such as "19小时后" looks
back to the last date named earlier in the paragraph); sentences are the unit
of a candidate event; clauses let one sentence that names two dates give two
quotes.

A sentence is at most `MAX_SENTENCE` characters: a longer run without a
sentence end (a pasted log, a page of dates, an English paragraph without
full stops) is cut at its last clause mark or space before the limit, else at
the limit.  Every later step works per sentence and may compare each date in
it with each word in it; the bound keeps that linear in the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

SENTENCE_END = "。！？!?；;…"
"""Characters after which a Chinese sentence ends (with any closing quotes)."""
CLOSERS = "”’」』）)】\"'"
CLAUSE_END = "，,：:"
"""Characters after which a clause ends inside a sentence."""
MAX_SENTENCE = 500
"""The longest sentence `sentences` gives (real ones are under 200 characters).  Not a rule
(`Rules`): a bound on the work one run of text without stops can cost, which no real sentence
reaches (docs/reliability.md)."""

_PARAGRAPH = re.compile(r"[^\n]+")
_EN_STOP = re.compile(r"(?<=[a-z0-9\])%][.!?])\s+(?=[A-Z\"“(])")
_CJK_STOP = re.compile(f"[{re.escape(SENTENCE_END)}]+[{re.escape(CLOSERS)}]*")
_CLAUSE = re.compile(f"(?<![0-9])[{re.escape(CLAUSE_END)}]|[{re.escape(CLAUSE_END)}](?![0-9])")
"""A clause mark, but not a comma or colon between two digits: "8,000 yuan" and "10:10" are one
number, and a clause cut there leaves a quote that starts "000 yuan…", dated by whatever else
it names."""


@dataclass(frozen=True)
class Span:
    """Characters ``start:end`` of a text."""

    start: int
    end: int

    def of(self, text: str) -> str:
        return text[self.start : self.end]

    def __contains__(self, offset: int) -> bool:
        return self.start <= offset < self.end


def paragraphs(text: str) -> list[Span]:
    """Lines of the text (plain text puts one block per line, blank lines between)."""
    return [_trim(text, m.start(), m.end()) for m in _PARAGRAPH.finditer(text) if m.group(0).strip()]


def paragraph_at(text: str, offset: int) -> Span | None:
    """The paragraph (as `paragraphs` gives it) that holds ``offset``, if any."""
    if not 0 <= offset < len(text) or text[offset] == "\n":
        return None
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    para = _trim(text, start, len(text) if end < 0 else end)
    return para if offset in para else None


def sentences(text: str, within: Span) -> list[Span]:
    """Sentences inside ``within``: after 。！？; (with closing quotes) and English full stops."""
    return list(_sentences(text, within))


@lru_cache(maxsize=65536)
def _sentences(text: str, within: Span) -> tuple[Span, ...]:
    """`sentences`, remembered: a paragraph is split again for each of its quotes (titles,
    summaries), and copies of an article repeat it.  A pure function of its arguments.  The
    stages read every source's paragraphs in turn, so a memo smaller than a dump's paragraphs
    keeps none of them (4,096 held a quarter of a 6,000-record dump's: 14,202 splits, not 5,900):
    room for a 20,000-record dump's, whose texts are held in memory by the import anyway."""
    chunk = within.of(text)
    cuts = {0, len(chunk)}
    last = 0
    for m in _CJK_STOP.finditer(chunk):
        end = m.end()
        # an ASCII quote after the stop closes the sentence only when the sentence opened one
        while (
            end > m.start()
            and chunk[end - 1] in "\"'"
            and chunk[last : end - 1].count(chunk[end - 1]) % 2 == 0
        ):
            end -= 1
        cuts.add(end)
        last = end
    for m in _EN_STOP.finditer(chunk):
        cuts.add(m.start())
    ordered = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(ordered):
        span = _trim(text, within.start + a, within.start + b)
        if span.end - span.start > MAX_SENTENCE:
            out.extend(_bounded(text, span))
        elif span.end > span.start:
            out.append(span)
    return tuple(out)


def _bounded(text: str, span: Span) -> list[Span]:
    """``span`` in pieces of at most `MAX_SENTENCE` characters, each ending after a clause mark
    or a space in its second half when there is one."""
    out = []
    start = span.start
    while span.end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        at = max(text.rfind(c, start + MAX_SENTENCE // 2, limit) for c in CLAUSE_END + " ")
        end = at + 1 if at >= 0 else limit
        out.append(_trim(text, start, end))
        start = end
    out.append(_trim(text, start, span.end))
    return [s for s in out if s.end > s.start]


def clauses(text: str, sentence: Span) -> list[Span]:
    """Clauses of a sentence, each keeping its trailing comma out of the span."""
    at = sentence.start
    return [Span(at + a, at + b) for a, b in _clauses(sentence.of(text))]


@lru_cache(maxsize=65536)
def _clauses(chunk: str) -> tuple[tuple[int, int], ...]:
    """`clauses` of a sentence's own text, as offsets into it: they depend on nothing else (the
    same sentence recurs across copies and outlets)."""
    out = []
    start = 0
    for m in _CLAUSE.finditer(chunk):
        if m.start() > start:
            out.append(_trim(chunk, start, m.start()))
        start = m.end()
    if start < len(chunk):
        out.append(_trim(chunk, start, len(chunk)))
    return tuple((c.start, c.end) for c in out if c.end > c.start)


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)
