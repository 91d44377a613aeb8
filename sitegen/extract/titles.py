"""Titles and summaries made of the sources' own words.

Nothing is written here that a source did not write.  The title is a clause
(or a few) of the event's most representative quote, with the date that
opened it taken off ("3月14日凌晨2时许，江州市…厂区发生爆炸。" becomes
"江州市…厂区发生爆炸") and trimmed at clause boundaries.  The summary is
one or two whole source sentences, escaped for Markdown.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..markdown import escape_text, normalise_ws
from .candidates import Candidate
from .passages import Span, clauses, paragraph_at, sentences

LEADING = re.compile(
    r"^(?:[\s”’」』）)】\]—–\-…,，、:：;；.。]|但是|但|而且|而|并且|并|同时|随后|此后|其后|"
    r"之后|此前|当天|当日|当晚|据悉|据了解|据报道|另外|此外|然而|不过|因此|所以|因为|对此|与此同时|"
    r"(?:on|at|in|by|and|but|then|however|meanwhile)\b|"
    # a reporting clause before what is reported ("报告称，", "警方表示：", "记者昨日在工厂门口看到，")
    r"[\u4e00-\u9fff]{1,8}?(?:表示|称|指出|透露|强调|坦言|介绍|说|认为|直言|获悉|了解到)[,，:：]|"
    r"记者[^，,。]{0,16}?(?:看到|获悉|了解到|注意到|发现)[,，:：]?|"
    # a subjectless copula ("是X召回首日，…")
    r"是(?=[^，,。的]{6,}))+",
    re.I,
)
EN_TIME = re.compile(
    r",?\s+(?:(?:late|early)\s+)?(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b|,?\s+(?:yesterday|today|tonight|last night|this week)\b"
)
"""An English date phrase inside a title: the entry's date says it already ("… on Tuesday")."""
REPORTING_LEAD = re.compile(
    r"^(?:The |A |An )?(?:[\w'-]+ ){0,3}(?:said|says|told|added|noted|stated|reported)\b|"
    r"^[\u4e00-\u9fff]{1,8}(?:表示|称|指出|透露|强调|坦言|介绍|回应称|说|认为|直言)"
)
"""A title that opens with who said it rather than what happened."""
RELATIVE_TIME = re.compile(
    r"^(?:距离?|离)[^，,]{0,20}(?:过去|之前|以来)|"
    r"^(?:which|who|that|as|while|according to|since|after|before|when|although|because)\b",
    re.I,
)
"""A clause that counts time from something else, or a relative clause: no headline."""
BACK_REFERENCE = re.compile(r"^(?:这|该|此|其|它|他们|they\b|it\b|this\b|these\b)", re.I)
"""A title pointing back to a sentence the reader of the timeline never saw ("该公司…")."""
TRAILING = re.compile(r"[\s,，、:：;；。.!！?？…—\-]+$|\s*\[\d+\](?:\[\d+\])*[\s.。]*$")
COMPLETE = re.compile(r"[。！？!?.…][”’」』\"')）)\]\d\[]*$")
"""A sentence that ends as sentences do (excerpts often stop mid-sentence)."""
REFERENCE = re.compile(r"\s*\[\d+\](?:\[\d+\])*")


COUNTED_FROM = re.compile(r"^距离?(?:上一次|上次|此前)?(?P<what>.{4,}?)(?:才|已经|已|刚)?过去了?[^，,。]*$")
""""距离上一次X才过去72小时" dates X: the title is X."""


def _tidy(text: str) -> str:
    text = EN_TIME.sub("", LEADING.sub("", text))
    counted = COUNTED_FROM.match(text)
    if counted:
        text = counted.group("what")
    for _ in range(3):
        text = TRAILING.sub("", text)
    return text.strip()


APPROX_SUFFIX = re.compile(r"(?:许|左右|前后|时许|之际|时分)")
"""Words that round off a date ("2时许") and go with it when it is taken off a title."""
TOPIC_OPENER = re.compile(r"^(?:对于|关于|针对|至于|谈到|谈及|说到)")
SPEECH_ENDING = re.compile(
    r"(?:表示|称|说|说道|坦言|指出|透露|强调|回忆称|回应|解释道|直言|认为|通报|said|says|told)$"
)


def _strip_date(text: str, span: Span, mention: object | None) -> int:
    """Where a title may start: after a date that opens the clause ("3月14日凌晨2时许，…")."""
    m_start = getattr(mention, "start", None)
    if m_start is not None and span.start <= m_start < span.end and not _tidy(text[span.start : m_start]):
        end = max(span.start, getattr(mention, "end", span.start))
        after = APPROX_SUFFIX.match(text, end)
        return after.end() if after else end
    return span.start


def title_choices(c: Candidate, max_chars: int) -> list[tuple[Span, str, bool]]:
    """(span, title text, holds the date) for each run of one to three clauses of the quote."""
    text = c.text
    parts = clauses(text, c.quote_span) or [c.quote_span]
    m_start = getattr(c.mention, "start", -1)
    dated = next((i for i, p in enumerate(parts) if p.start <= m_start < p.end), -1)
    if (
        dated >= 0
        and dated + 1 < len(parts)
        and not _tidy(text[_strip_date(text, parts[dated], c.mention) : parts[dated].end])
    ):
        dated += 1  # the date is a clause of its own: what happened is the next one
    out = []
    for i in range(len(parts)):
        for j in range(i, min(i + 3, len(parts))):
            if j > i and parts[j].end - parts[i].start > max_chars * 2:
                break
            start = _strip_date(text, parts[i], c.mention)
            title = _tidy(REFERENCE.sub("", text[start : parts[j].end]))
            if len(title) >= 4:
                out.append((Span(start, parts[j].end), title, i <= dated <= j))
    return out


IDEAL_TITLE = 22
"""Titles longer than this (in Chinese characters; two Latin letters count as one) lose a little."""


def display_length(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in text)


def title_score(title: str, centrality: float, holds_date: bool, has_verb: bool, max_chars: int) -> float:
    """How good a title a clause run makes: central words, the dated clause, a verb, short."""
    score = centrality + (0.3 if holds_date else 0.0) + (0.0 if has_verb else -0.25)
    length = display_length(title)
    score -= 0.025 * max(0.0, length - IDEAL_TITLE)
    if length > max_chars:
        score -= 0.3
    elif length < 8:
        score -= 0.15
    if title.count('"') % 2 or title.count("“") != title.count("”"):
        score -= 0.5
    if TOPIC_OPENER.search(title):
        score -= 0.2
    if SPEECH_ENDING.search(title) or REPORTING_LEAD.search(title):
        score -= 0.3
    if RELATIVE_TIME.search(title):
        score -= 0.4
    if BACK_REFERENCE.search(title):
        score -= 0.25
    return score


EN_MAX_WORDS = 20
"""An English title keeps up to this many words (a headline's length; English runs longer than Chinese)."""


def shorten(title: str, max_chars: int) -> str:
    """A title far over the length, cut at a clause boundary (else a word boundary, with an ellipsis)."""
    words = title.split()
    latin = sum(ch.isascii() for ch in title) > len(title) * 0.8
    if latin and len(words) <= EN_MAX_WORDS:
        return _capital(title)
    if not latin and len(title) <= max_chars * 2:
        return _capital(title)
    cut = " ".join(words[:EN_MAX_WORDS]) if latin else title[: max_chars * 2]
    clause = max(cut.rfind(","), cut.rfind("，"), cut.rfind(";"), cut.rfind("；"))
    if clause > len(cut) // 2:
        return _capital(_tidy(cut[:clause]))
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return _capital(cut) + "…"


def _capital(title: str) -> str:
    return title[0].upper() + title[1:] if title[:1].islower() else title


def sentence_of(c: Candidate) -> str:
    """The whole sentence the candidate's quote was cut from."""
    text = c.text
    para = paragraph_at(text, c.quote_span.start)
    if para is not None:
        for s in sentences(text, para):
            if c.quote_span.start in s:
                return s.of(text)
    return c.quote


def summary(ranked: Sequence[Candidate], max_chars: int, max_sentences: int) -> str:
    """One or two sentences from the sources, most representative first, no repeats."""
    chosen: list[str] = []
    seen_terms: set[str] = set()
    total = 0
    whole = [c for c in ranked if COMPLETE.search(sentence_of(c))]
    for c in whole or ranked:
        sentence = normalise_ws(sentence_of(c))
        if any(sentence in s or s in sentence for s in chosen):
            continue
        terms = set(c.terms)
        new = terms - seen_terms
        if chosen and (len(new) < max(2, len(terms) // 2) or total + len(sentence) > max_chars):
            continue
        chosen.append(sentence)
        seen_terms.update(c.terms)
        total += len(sentence)
        if len(chosen) >= max_sentences or total >= max_chars:
            break
    joiner = " " if all(s.isascii() for s in chosen) else ""
    return joiner.join(escape_text(REFERENCE.sub("", s)) for s in chosen)
