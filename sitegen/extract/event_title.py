"""An event's title, chosen among the quotes of the sources that report it.

Each quote, and the whole sentence around a quote that is only a fragment of it, is cut into
clause runs (`titles.title_choices`); each run is scored by how central its words are to the
event, whether it holds the date the event settled on, whether it has a verb, and the penalties
of `Rules` (a noun phrase dated by 的, an excerpt cut off mid-sentence, words beyond the quote).
Titles are the sources' own words: runs are cut from quotes, never written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from ..core.dates import When
from ..core.markdown import normalise_ws
from .actions import actions
from .candidates import Candidate
from .headline_checks import headline_problems
from .merge import Cluster, cosine, vector
from .passages import Span, clauses
from .rules import Rules
from .temporal.fold import fold_hant
from .titles import COMPLETE, sentence_span, shorten, title_choices, title_score
from .words import Lexicon, Words, tag_of

LATIN_TEXT = re.compile(r"[A-Za-z]{3,} [A-Za-z]{2,}")
EN_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does|said|says|fell|rose|won|lost|took|"
    r"made|began|told|found|left|held|paid|became|came|went|gave|hit|cut|set|shut|put|sold|bought|"
    r"[a-z]{3,}(?:ed|es))\b"
)
"""A finite verb in English text, roughly: a title without one is a noun phrase ("A penalty of…").
English clauses cannot be checked for a verb by jieba."""


def choose_title(
    ranked: list[Candidate],
    when: When,
    lang: str,
    idf: dict[str, float],
    cl: Cluster,
    words: dict[str, Words],
    lexicon: Lexicon,
    rules: Rules,
    avoid: Callable[[str], bool] | None = None,
) -> str:
    """The best clause run among the quotes in the site's language (else any).

    The quotes that found the event come first; when none is in the site's language, the
    others cited in it (each cited source reports the happening).  A quote may be a fragment
    of its sentence (a dated clause, an attribution): the rest of the sentence is tried too,
    at a cost, so that a whole clause with its subject beats a fragment.  When no founding
    quote offers a clause free of `headline_problems` ("引发全网热议的"X"" names a thing, it
    does not say who did it), the cited quotes that give the very date the event settled on
    are tried too, though they could not found it (a background clause): they report the
    happening, and one of them may say who did it; they cost ``title_not_founding_penalty``.
    A run ``avoid`` accepts is passed over (another entry's title: `title_apart`), and then every
    quote cited in the site's language is tried, dated or not."""
    dated = [m for m in ranked if m.founding] or ranked
    in_lang = [m for m in ranked if m.source.lang == lang]
    pool = [m for m in dated if m.source.lang == lang] or in_lang or dated
    copies = Counter(normalise_ws(m.quote) for m in ranked)
    seen: set[str] = set()
    told = _most_told(ranked)
    best, best_score = _best_run(pool, when, idf, cl, words, lexicon, rules, copies, seen, 0.0, told, avoid)
    if headline_problems(best) or avoid is not None:
        # told apart from another entry: any quote cited in the site's language may say it
        dated_alike = [m for m in in_lang if not m.founding and (m.when == when or avoid is not None)]
        extra = [m for m in dated_alike if all(m is not p for p in pool)]
        cost = rules.title_not_founding_penalty
        text, score = _best_run(extra, when, idf, cl, words, lexicon, rules, copies, seen, cost, told, avoid)
        if score > best_score:
            best = text
    return shorten(best or _fallback_title(ranked[0]), rules)


def _best_run(
    pool: list[Candidate],
    when: When,
    idf: dict[str, float],
    cl: Cluster,
    words: dict[str, Words],
    lexicon: Lexicon,
    rules: Rules,
    copies: Counter[str],
    seen: set[str],
    cost: float,
    told: frozenset[str] = frozenset(),
    avoid: Callable[[str], bool] | None = None,
) -> tuple[str, float]:
    """The best title among ``pool``'s quotes and their whole sentences, and its score, less
    ``cost``; quotes in ``seen`` are skipped (and those read are added).  A title naming only
    actions none of ``told`` (`_most_told`) costs ``title_other_action_penalty``."""
    best, best_score = "", float("-inf")
    # the whole sentence of each quote, and the quote's first clause
    wholes = [
        (w, clauses(q.text, q.quote_span)[:1], q.quote_span)
        for q in pool
        if (w := _whole_sentence(q)) is not None
    ]
    first = {id(w): head[0] for w, head, _ in wholes if head}
    inner = {id(w): span for w, _, span in wholes}  # the quote inside each whole sentence
    for m in [*pool, *(w for w, _, _ in wholes)]:
        quote = normalise_ws(m.quote)
        if quote in seen:
            continue
        seen.add(quote)
        if len(seen) > 2 * rules.title_quotes:
            break
        # the most precise report of the date, and text several outlets carry, make better titles
        bonus = (rules.title_exact_date if m.when == when else 0.0) + rules.title_per_copy * min(
            3, copies[quote] - 1
        )
        bonus -= cost
        if _dates_a_noun(m, words[m.source.id]):
            bonus -= rules.title_noun_phrase_penalty
        if _cut_off(m):
            bonus -= rules.title_cut_off_penalty
        if m.order < 0:
            bonus -= rules.title_beyond_quote_penalty
        own = inner.get(id(m))
        for span, text, holds_date in title_choices(m, rules.title_max_chars):
            if avoid is not None and avoid(shorten(text, rules)):
                continue
            if own is not None and _beside(m.text, span, text, own):
                continue  # another clause of the quote's sentence: it tells what another quote does
            tokens = [t for t, _ in words[m.source.id].within(span)]
            vec = vector(lexicon.span_terms(tokens, text), idf)
            latin = LATIN_TEXT.search(text) is not None and text.isascii()
            verb = (
                EN_VERB.search(text) is not None if latin else any(tag_of(t).startswith("v") for t in tokens)
            )
            centre = cosine(vec, cl.words, cl.norm())
            head = first.get(id(m))
            if head is not None and normalise_ws(head.of(m.text)) in text:
                # it holds the quote's first clause whole: as central as the quote
                centre = max(centre, cosine(vector(m.terms, idf), cl.words, cl.norm()))
            score = bonus + title_score(text, centre, holds_date, verb, rules)
            if tells_another(text, told):  # "X apologized" in the event of the order it came after
                score -= rules.title_other_action_penalty
            if latin:  # an English headline is a sentence from its subject, not a trailing phrase
                score -= 0.0 if span.start <= m.quote_span.start + 1 else rules.title_en_fragment_penalty
                whole = span.end >= m.quote_span.end - 1 and len(text.split()) <= rules.title_max_words
                score += rules.title_en_whole_bonus if whole else 0.0
            if score > best_score:
                best, best_score = text, score
    return best, best_score


def _beside(text: str, span: Span, title: str, quote: Span) -> bool:
    """Does ``title``, a run of a quote's whole sentence, lie outside the quote: after it (the
    clause after "Since X discovered it on June 3, and Y took it offline that afternoon"), or
    before it with other words between (a recap's earlier clause)?  A run just before the quote
    may be the subject its clause lost ("Tan Yi, a former clerk," of "told the Courier that …")."""
    at = text.find(title, span.start)
    start, end = (at, at + len(title)) if at >= 0 else (span.start, span.end)
    return start >= quote.end or (end <= quote.start and bool(text[end : quote.start].strip(" ,，;；")))


def _most_told(ranked: list[Candidate]) -> frozenset[str]:
    """The actions (`actions`) that most of the event's quotes name, when two quotes or more
    name them: what the event is (empty when no action is named twice)."""
    counts = Counter(a for m in ranked for a in actions().of(normalise_ws(m.quote)))
    top = max(counts.values(), default=0)
    return frozenset(a for a, n in counts.items() if n == top) if top >= 2 else frozenset()


def tells_another(text: str, told: frozenset[str]) -> bool:
    """Does ``text`` name actions, none of them among ``told`` (the event's, `_most_told`)?"""
    named = actions().of(text) if told else frozenset()
    return bool(named) and not named & told


TRADITIONAL_SITES = ("zh-tw", "zh-hk", "zh-mo", "zh-hant")
"""Site languages written in Traditional characters; any other Chinese site is Simplified."""


def in_site_script(ranked: list[Candidate], language: str) -> list[Candidate]:
    """``ranked`` without the Chinese quotes written in the other script than the site's, when
    a Chinese quote in the site's script is among them (a zh-CN site titles and sums up an
    event in Simplified characters when a Simplified source reports it; a Hong Kong paper's
    Traditional quote stays cited, it is only not the one the title is cut from)."""
    hant_site = language.lower().startswith(TRADITIONAL_SITES)

    def other_script(m: Candidate) -> bool:
        return m.source.lang == "zh" and is_traditional(m.quote) != hant_site

    kept = [m for m in ranked if not other_script(m)]
    return kept if any(m.source.lang == "zh" for m in kept) else ranked


def is_traditional(text: str) -> bool:
    """Written in Traditional characters: two or more characters that fold to other
    Simplified ones (a Simplified text has at most the odd 著 or 乾 that the fold also lists)."""
    return sum(a != b for a, b in zip(text, fold_hant(text), strict=True)) >= 2


def _whole_sentence(m: Candidate) -> Candidate | None:
    """The candidate with its whole sentence as the quote (``order`` -1 marks it), or ``None``
    when the quote is the sentence."""
    span = sentence_span(m)
    if span is None or (span.start >= m.quote_span.start and span.end <= m.quote_span.end):
        return None
    return replace(m, quote_span=span, quote=span.of(m.text), order=-1)


def _cut_off(m: Candidate) -> bool:
    """A quote that runs to where the excerpt stops mid-sentence ("…之后答")."""
    text = m.text
    rest = text[m.quote_span.end :]
    return not rest.split("\n", 1)[0].strip() and not COMPLETE.search(text[: m.quote_span.end])


def _dates_a_noun(m: Candidate, words: Words) -> bool:
    """A date in a clause that ends in the noun its 的 describes ("上周五凌晨发生爆炸的恒丰化工厂区，…")
    dates a detail, not what the sentence reports."""
    if m.mention is None:
        return False
    for part in clauses(words.text, m.quote_span):
        if part.start <= m.mention.start < part.end:
            tokens = [t for t, _ in words.within(part) if t.strip() and not re.match(r"^\W+$", t)]
            return len(tokens) > 1 and "的" in tokens[:-1] and tag_of(tokens[-1]).startswith("n")
    return False


def _fallback_title(m: Candidate) -> str:
    return m.quote.strip()[:40]
