"""Titles and summaries made of the sources' own words.

Nothing is written here that a source did not write.  The title is a clause
(or a few) of the event's most representative quote, with the date that
opened it taken off ("1月7日晚8点，小米创始人…出现在直播间。" becomes
"小米创始人…出现在直播间") and trimmed at clause boundaries.  The summary is
one or two whole source sentences, escaped for Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..markdown import escape_text, normalise_ws
from .candidates import Candidate
from .passages import Span, clauses, paragraphs, sentences

LEADING = re.compile(
    r"^(?:[\s\"“”'‘’「」『』（）()【】\[\]—–\-…,，、:：;；.。]|但是|但|而且|而|并且|并|同时|随后|此后|其后|"
    r"之后|此前|当天|当日|当晚|据悉|据了解|另外|此外|(?:on|at|in|by|and|but|then)\b)+",
    re.I,
)
TRAILING = re.compile(r"[\s,，、:：;；。.!！?？…—\-]+$|\s*\[\d+\](?:\[\d+\])*[\s.。]*$")
REFERENCE = re.compile(r"\s*\[\d+\](?:\[\d+\])*")


def _tidy(text: str) -> str:
    text = LEADING.sub("", text)
    for _ in range(3):
        text = TRAILING.sub("", text)
    return text.strip()


def title_from(c: Candidate, max_chars: int) -> str:
    """A short line from the candidate's quote: the clauses after its date, cut at a clause end."""
    text = c.source.text
    parts = clauses(text, c.quote_span) or [c.quote_span]
    mention = c.mention
    usable: list[Span] = []
    for part in parts:
        start = part.start
        if mention is not None and part.start <= mention.start < part.end:
            before = _tidy(text[part.start : mention.start])
            if before and len(before) > 3:
                usable.append(part)  # the date sits inside the clause: keep the clause whole
                continue
            start = mention.end
        span = Span(start, part.end)
        if _tidy(span.of(text)):
            usable.append(span)
    if not usable:
        return _tidy(c.quote)[:max_chars]
    first = usable[0]
    end = first.end
    for span in usable[1:]:
        if len(_tidy(text[first.start : end])) >= max_chars // 3:
            break
        if span.end - first.start > max_chars:
            break
        end = span.end
    title = _tidy(REFERENCE.sub("", text[first.start : end]))
    if len(title) > max_chars * 2:
        cut = title[: max_chars * 2]
        title = (cut.rsplit(" ", 1)[0] if " " in cut else cut) + "…"
    if title[:1].islower():
        title = title[0].upper() + title[1:]
    return title or _tidy(c.quote)[:max_chars]


def sentence_of(c: Candidate) -> str:
    """The whole sentence the candidate's quote was cut from."""
    text = c.source.text
    for para in paragraphs(text):
        if c.quote_span.start in para:
            for s in sentences(text, para):
                if c.quote_span.start in s:
                    return s.of(text)
    return c.quote


def summary(ranked: Sequence[Candidate], max_chars: int, max_sentences: int) -> str:
    """One or two sentences from the sources, most representative first, no repeats."""
    chosen: list[str] = []
    seen_terms: set[str] = set()
    total = 0
    for c in ranked:
        sentence = normalise_ws(sentence_of(c))
        if any(sentence in s or s in sentence for s in chosen):
            continue
        new = set(c.terms) - seen_terms
        if chosen and (len(new) < 2 or total + len(sentence) > max_chars):
            continue
        chosen.append(sentence)
        seen_terms.update(c.terms)
        total += len(sentence)
        if len(chosen) >= max_sentences or total >= max_chars:
            break
    joiner = " " if all(s.isascii() for s in chosen) else ""
    return joiner.join(escape_text(REFERENCE.sub("", s)) for s in chosen)
