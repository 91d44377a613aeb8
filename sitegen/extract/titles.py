"""Titles and summaries made of the sources' own words.

Nothing is written here that a source did not write: a title only ever drops
words (tests/test_titles.py checks every title offered for every sentence of
the bundled dumps is a subsequence of it).  The title is a run of one to three
clauses of one of the event's quotes, with the date that opened it taken off
("3月14日凌晨2时许，江州市…厂区发生爆炸。" becomes "江州市…厂区发生爆炸"), then
cut down to a headline, the clause that says who did what:

* a reporting verb goes ("公司表示，将…" → "公司将…"; "X said on Monday
  they had…" → "X had…"; ", the company said" and "据X报道，" go whole);
* a clause of elapsed time goes ("距离…才过去72小时，" / "72 hours after …,"),
  and when it is all there is and dates the quote, what it counts from stands;
* leading adverbials and connectives go ("然而，", "On Monday,", "In a letter…,"),
  and so does the tail of a sentence cut before the quote ("多，");
* time words that the date beside the title already says go ("on Wednesday");
* a pointer subject (该楼) is offered with the name the sentence before gives it
  (`title_antecedent`: words of the paragraph, in order, not of the sentence alone).

`headline_problems` names what keeps a text from reading as a headline (starts
mid-sentence, no subject or finite verb, only a quote, only who spoke…); each
costs a title choice more than any length or centrality can win back, so a
fragment stands only when no quote offers a whole clause.  The word lists are
data (``sitegen/data/headline.toml``).  The summary is one or two whole source
sentences in one language, none largely repeating another, escaped for Markdown.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from ..core.markdown import escape_text, normalise_ws
from .candidates import Candidate
from .embed import cosine
from .headline import (
    BACK_REFERENCE,
    COMPLETE,
    REFERENCE,
    RELATIVE_TIME,
    REPORTING_LEAD,
    headline_variants,
    headline_words,
    is_chinese,
    tidy,
)
from .headline_checks import has_actor, headline_problems
from .headline_trims import en_apposition_dropped, en_aside_dropped
from .passages import Span, clauses, paragraph_at, sentences
from .rules import Rules
from .title_antecedent import with_antecedent

APPROX_SUFFIX = re.compile(r"(?:许|左右|前后|时许|之际|时分)")
"""Words that round off a date ("2时许") and go with it when it is taken off a title."""
TOPIC_OPENER = re.compile(r"^(?:对于|关于|针对|至于|谈到|谈及|说到)")
SPEECH_ENDING = re.compile(
    r"(?:表示|称|说|说道|坦言|指出|透露|强调|回忆称|回应|解释道|直言|认为|通报|said|says|told)$"
)


def _strip_date(text: str, span: Span, mention: object | None) -> int:
    """Where a title may start: after a date that opens the clause ("3月14日凌晨2时许，…")."""
    m_start = getattr(mention, "start", None)
    if m_start is not None and span.start <= m_start < span.end and not tidy(text[span.start : m_start]):
        end = max(span.start, getattr(mention, "end", span.start))
        after = APPROX_SUFFIX.match(text, end)
        return after.end() if after else end
    return span.start


def title_choices(c: Candidate, max_chars: int) -> list[tuple[Span, str, bool]]:
    """(span, title text, holds the date) for each run of one to three clauses of the quote."""
    text = c.text
    parts = _whole_numbers(text, clauses(text, c.quote_span) or [c.quote_span])
    m_start = getattr(c.mention, "start", -1)
    dated = next((i for i, p in enumerate(parts) if p.start <= m_start < p.end), -1)
    if (
        dated >= 0
        and dated + 1 < len(parts)
        and not tidy(text[_strip_date(text, parts[dated], c.mention) : parts[dated].end])
    ):
        dated += 1  # the date is a clause of its own: what happened is the next one
    # an English clause loses more words on the way to a headline (said, on Monday, …)
    limit = max_chars * (2 if is_chinese(c.quote) else 4)
    no_subject = headline_words().zh["no_subject"]
    out = []
    for i in range(len(parts)):
        for j in range(i, min(i + 3, len(parts))):
            if (
                j > i
                and parts[j].end - parts[i].start > limit
                and not _apposed_fits(text, parts[i], parts[j], limit)
            ):
                break
            if j + 1 < len(parts) and parts[j + 1].of(text).startswith(no_subject):
                continue  # the subject's predicate is in the next clause ("X因涉嫌…，已被拘留")
            start = _strip_date(text, parts[i], c.mention)
            raw = tidy(REFERENCE.sub("", text[start : parts[j].end]))
            if start > parts[i].start and text[parts[i].start].isupper() and raw[:1].islower():
                raw = raw[0].upper() + raw[1:]  # "On Monday, the regulator…": the sentence starts anew
            elapsed_dates = c.mention is None or start <= m_start < parts[j].end
            for title in headline_variants(raw, max_chars, elapsed_dates):
                if len(title) >= 4:
                    out.append((Span(start, parts[j].end), title, i <= dated <= j))
    out += _past_relative(c, parts, dated, max_chars) + _attributed(c, max_chars)
    para, sentence = paragraph_at(text, c.quote_span.start), sentence_span(c)
    if para is not None and sentence is not None and is_chinese(c.quote):  # "该楼…": the name before
        out += with_antecedent(text, sentence, para.start, out)
    return out


_RELATIVE_OPENS = re.compile(r"(?:which|who|whose)\b")
_PREDICATE_OPENS = re.compile(r"[a-z]+(?:ed|s)?\b")


def _past_relative(
    c: Candidate, parts: list[Span], dated: int, max_chars: int
) -> list[tuple[Span, str, bool]]:
    """"Harbour Grain, which lost a cargo when …, filed a lawsuit …": a subject, a relative
    clause set off by commas that says who it is, and the predicate that says what it did.  The
    predicate alone has no subject ("Filed a lawsuit …") and the three clauses run too long, so the
    subject and its predicate are offered joined, the relative clause dropped (words dropped only)."""
    text = c.text
    out = []
    for i in range(len(parts) - 2):
        subject, relative, predicate = (p.of(text).strip() for p in parts[i : i + 3])
        if not (_RELATIVE_OPENS.match(relative) and _PREDICATE_OPENS.match(predicate)):
            continue
        if not subject[:1].isupper() or len(subject.split()) > 6 or "," in subject:
            continue
        raw = tidy(REFERENCE.sub("", f"{subject} {predicate}"))
        span = Span(parts[i].start, parts[i + 2].end)
        for title in headline_variants(raw, max_chars, True):
            if len(title) >= 4:
                out.append((span, title, i <= dated <= i + 2))
    return out


def _apposed_fits(text: str, first: Span, last: Span, limit: int) -> bool:
    """Is the run from ``first`` to ``last`` within ``limit`` without an apposition after the name
    that opens it ("Liang Wen, a former inspector at X, told…": who she is, a clause the headline
    drops, `headline_trims.en_apposition_dropped`), or a relative clause ("X, which lost…, filed")?"""
    run = text[first.start : last.end]
    bare = [*en_apposition_dropped(run), *en_aside_dropped(run, headline_words().en)]
    return any(len(b) <= limit for b in bare)


def _whole_numbers(text: str, parts: list[Span]) -> list[Span]:
    """Clauses joined again where a comma split a number ("8,000", "1,200.5"): a title never
    ends inside one."""
    out: list[Span] = []
    for p in parts:
        after_digit = text[out[-1].end - 1 : out[-1].end].isdigit() if out else False
        if after_digit and re.match(r"[,，]\d", text[out[-1].end :]):
            out[-1] = Span(out[-1].start, p.end)
        else:
            out.append(p)
    return out


ONLY_SAID = re.compile(
    r"^(?:[\w'’.-]+\s){0,5}(?:said|says|told reporters|reported|stated|announced)"
    r"(?:\s+(?:in|on|at|during|by|late|early|earlier)\b[^,]*)?[.。]?$",
    re.I,
)
"""A quote that only says who said it ("the regulator said on Friday in a preliminary finding")."""


def _attributed(c: Candidate, max_chars: int) -> list[tuple[Span, str, bool]]:
    """A quote that only says where the news came from ("according to a plan it filed on
    Friday", ", the regulator said on Friday") dates what the clauses before it in its sentence
    report: they may title it."""
    said = ONLY_SAID.match(c.quote.strip()) is not None
    if not said and not c.quote.lower().startswith(tuple(headline_words().en["attribution"])):
        return []
    sentence = sentence_span(c)
    if sentence is None or sentence.start >= c.quote_span.start:
        return []
    span = Span(sentence.start, c.quote_span.start)
    raw = tidy(REFERENCE.sub("", span.of(c.text)))
    return [(span, title, True) for title in headline_variants(raw, max_chars, False)]


def display_length(text: str) -> float:
    return sum(1.0 if ord(ch) > 0x2E80 else 0.5 for ch in text)


def title_score(title: str, centrality: float, holds_date: bool, has_verb: bool, rules: Rules) -> float:
    """How good a title a clause run makes: central words, the dated clause, a verb, short."""
    r = rules
    max_chars, problem = r.title_max_chars, r.title_headline_problem
    dated = r.title_dated_bonus if holds_date else 0.0
    score = centrality + dated + (0.0 if has_verb else -r.title_no_verb_penalty)
    length = display_length(title)
    score -= r.title_per_extra_char * max(0.0, length - r.title_ideal_chars)
    if length > max_chars:
        score -= r.title_too_long_penalty
    if _cut_by_shorten(title, r):
        score -= problem  # `shorten` would cut it mid-clause
    elif length < r.title_min_chars:
        score -= r.title_short_penalty
    if title.count('"') % 2 or title.count("“") != title.count("”"):
        score -= r.title_unbalanced_quote_penalty
    score -= problem * min(2, len(headline_problems(title)))
    if has_actor(title):
        score += r.title_actor_bonus
    if TOPIC_OPENER.search(title):
        score -= r.title_topic_opener_penalty
    if SPEECH_ENDING.search(title) or REPORTING_LEAD.search(title):
        score -= r.title_reporting_penalty
    if RELATIVE_TIME.search(title):
        score -= r.title_relative_time_penalty
    if BACK_REFERENCE.search(title):
        score -= r.title_back_reference_penalty
    return score


def _is_latin(title: str) -> bool:
    return sum(ch.isascii() for ch in title) > len(title) * 0.8


def _cut_by_shorten(title: str, rules: Rules) -> bool:
    """Would `shorten` cut it (a Latin title beyond ``title_max_words`` words, another beyond
    twice ``title_max_chars`` characters)?"""
    if _is_latin(title):
        return len(title.split()) > rules.title_max_words
    return len(title) > rules.title_max_chars * 2


def shorten(title: str, rules: Rules) -> str:
    """A title far over the length, cut at a clause boundary (else a word boundary, with an ellipsis)."""
    max_chars, max_words = rules.title_max_chars, rules.title_max_words
    title = _NAME_COMMA.sub(r"\1 ", title)
    words = title.split()
    latin = _is_latin(title)
    if not _cut_by_shorten(title, rules):
        return _capital(title)
    cut = " ".join(words[:max_words]) if latin else title[: max_chars * 2]
    clause = max((m.start() for m in re.finditer(r"(?<!\d),|,(?!\d)|[，;；]", cut)), default=-1)
    if clause > len(cut) // 2:
        return _capital(tidy(cut[:clause]))
    if latin:  # "… most of a HK$950 million claim brought by X": the claim, not who brought it
        starts = (m.start() for m in _REDUCED_RELATIVE.finditer(title))
        reduced = [at for at in starts if len(cut) // 2 < at < len(cut)]
        if reduced:
            return _capital(tidy(title[: max(reduced)]))
    cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
    return _capital(cut) + "…"


_NAME_COMMA = re.compile(r"^([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}),\s+(?=[a-z]+ed\b)")
"""a name left with the comma of the apposition it closed ("a former agent, Chen Li, complained …"
cut to "Chen Li, complained"): the name is the verb's subject"""

_REDUCED_RELATIVE = re.compile(
    r"(?<!\bwas)(?<!\bwere)(?<!\bbeen)(?<!\bbe)(?<!\bis)(?<!\bare)(?<!\bbeing)(?<!\bget)(?<!\bgot)"
    r"\s+(?:[a-z]+ed|brought|made|taken|held|given|sold|paid|won|set|shown|told|written|built|sent|bought|led)"
    r"\s+by\b"
)
"""a noun's reduced relative clause ("a claim brought by …", "the bonds issued by …"), not a passive
verb ("was fined by"): where a title too long for its words may end whole"""


def _capital(title: str) -> str:
    return title[0].upper() + title[1:] if title[:1].islower() else title


def sentence_span(c: Candidate) -> Span | None:
    para = paragraph_at(c.text, c.quote_span.start)
    if para is not None:
        for s in sentences(c.text, para):
            if c.quote_span.start in s:
                return s
    return None


def sentence_of(c: Candidate) -> str:
    """The whole sentence the candidate's quote was cut from."""
    span = sentence_span(c)
    return span.of(c.text) if span is not None else c.quote


def _pairs(sentence: str) -> set[str]:
    """Neighbouring pairs of its Chinese characters and Latin words (the wording, not the meaning)."""
    units = re.findall(r"[\u4e00-\u9fff]|[A-Za-z0-9]+", sentence.lower())
    return {a + " " + b for a, b in itertools.pairwise(units)}


_DATE_MARKS = r"[\d年月日号时分许:：,，。.、;；!！?？\s\-–—()（）]+"
"""Numerals, date characters and punctuation: what is left of a dated sentence once its words go."""


@functools.lru_cache(maxsize=1)
def _date_words() -> re.Pattern[str]:
    """Date words the headline rules take off a title (``headline.toml``: days and weeks
    counted from the report, parts of the day, weekdays, months), numerals and punctuation:
    one list for both, so that a summary sentence is never kept for a date word a title dropped."""
    hw = headline_words()
    zh = [*hw.zh["relative_periods"], *hw.zh["relative_days"], *hw.zh["day_parts"]]
    en = [*hw.en["relative_days"], *hw.en["weekdays"], *hw.en["months"], *hw.en["day_parts"]]
    en += hw.en["date_particles"]
    zh_alt = "|".join(re.escape(w) for w in sorted(zh, key=len, reverse=True))
    en_alt = "|".join(re.escape(w) for w in sorted(en, key=len, reverse=True))
    return re.compile(rf"{_DATE_MARKS}|\b(?:{en_alt})\b|(?:{zh_alt})", re.I)


def repeats_title(sentence: str, title: str) -> bool:
    """Does ``sentence`` only say the title again, with at most a date and punctuation besides?
    ("2019年：两名球员被禁赛一年。" beside the title "两名球员被禁赛一年")."""
    low, said = sentence.casefold(), title.casefold()  # a title's first word is capitalised
    if said and said in low:
        return len(_date_words().sub("", low.replace(said, "", 1))) <= 2
    # the date words may stand inside the title's words ("X同日终止赞助。" beside "X终止赞助")
    bare, bare_title = _date_words().sub("", low), _date_words().sub("", said)
    return len(bare_title) >= 4 and bare_title in bare and len(bare.replace(bare_title, "", 1)) <= 2


def _whole_first(ranked: Sequence[Candidate]) -> Iterator[tuple[Candidate, bool]]:
    """``ranked``'s whole sentences, then its cut-off ones, each in rank order: read lazily, as
    `summary` most often stops within the first few (an event may have thousands of quotes)."""
    for c in ranked:
        if COMPLETE.search(sentence_of(c)):
            yield c, True
    for c in ranked:
        if not COMPLETE.search(sentence_of(c)):
            yield c, False


def summary(
    ranked: Sequence[Candidate],
    rules: Rules,
    lang: str | None = None,
    title: str = "",
    vector: Callable[[str], Any] | None = None,
) -> str:
    """One or two sentences from the sources, most representative first, no repeats, none
    that only repeats the ``title`` (`repeats_title`; the summary may then be empty).

    A sentence whose terms, or whose wording (pairs of neighbouring characters or
    words), largely repeat those already chosen is skipped, and all
    come from sources in the language of the first: a translation of a chosen
    sentence shares no term with it, yet repeats it.  That language is the site's
    (``lang``) when a source in it is among ``ranked``.  With ``vector`` (`embed.Embedder.vector`),
    a sentence as close in meaning to a chosen one as two outlets' words for the same thing
    (``summary_repeat_cosine``) repeats it too, though it shares little wording: "昨晚X主场0比6惨败于Y"
    beside "今晚进行的比赛中，X主场0比6不敌Y".
    """
    if any(getattr(c.source, "lang", None) == lang for c in ranked):
        ranked = [c for c in ranked if getattr(c.source, "lang", None) == lang]
    max_chars, max_sentences = rules.summary_max_chars, rules.summary_sentences
    chosen: list[str] = []
    chosen_vectors: list[Any] = []
    lang = None
    seen_terms: set[str] = set()
    seen_pairs: set[str] = set()
    total = 0
    for c, is_whole in _whole_first(ranked):
        if chosen and not is_whole:  # a cut-off sentence only when no whole sentence says more
            break
        sentence = normalise_ws(sentence_of(c))
        if any(sentence in s or s in sentence for s in chosen) or repeats_title(sentence, title):
            continue
        if chosen and getattr(c.source, "lang", lang) != lang:
            continue
        terms = set(c.terms)
        new = terms - seen_terms
        pairs = _pairs(sentence)
        if chosen and (
            len(new) < max(2, len(terms) // 2)
            or len(pairs & seen_pairs) > rules.summary_repeat_share * len(pairs)
            or total + len(sentence) > max_chars
        ):
            continue
        vec = vector(sentence) if vector is not None else None
        if vec is not None and any(cosine(vec, v) >= rules.summary_repeat_cosine for v in chosen_vectors):
            continue
        chosen.append(sentence)
        chosen_vectors.extend([vec] if vec is not None else [])
        lang = getattr(c.source, "lang", None)
        seen_terms.update(c.terms)
        seen_pairs |= pairs
        total += len(sentence)
        if len(chosen) >= max_sentences or total >= max_chars:
            break
    joiner = " " if all(s.isascii() for s in chosen) else ""
    return joiner.join(escape_text(REFERENCE.sub("", s)) for s in chosen)
