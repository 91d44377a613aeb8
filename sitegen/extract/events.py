"""Assemble events: run the stages, then give each happening its page.

For every merged happening: one citation per source (its best quote), the
date settled from what the sources state, a title and summary from the most
representative quote, people and tags, a stable id, and the lines
``sitegen import --explain`` prints.

A source that no dated sentence ties to any event is tried sentence by
sentence against the events (a higher similarity bar); if it still matches
none, its lead sentence becomes an event dated by the day it was published,
and the page says so.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from ..config import SiteConfig
from ..content import Citation, Event, Source
from ..dates import When
from ..errors import Problem
from ..sitedata import SiteData
from ..slug import slugify, unique
from . import Extraction
from .candidates import Candidate, Mention, find_candidates
from .dating import Claim, published_note, settle
from .entities import Gazetteer, gazetteer, make_lexicon, people, tags
from .merge import Cluster, Clustering, align_syndicated, cosine, idf_weights, vector
from .passages import paragraphs, sentences
from .relevance import judge
from .rules import Rules, rules_from
from .titles import summary, title_from
from .words import Lexicon, Words


def extract_events(sources: list[Source], config: SiteConfig, data: SiteData) -> Extraction:
    from .temporal import find_times

    out = Extraction()
    if not sources:
        return out
    rules = rules_from(config.extra)
    gaz = gazetteer(data)
    keywords = Counter(s.keyword for s in sources if s.keyword).most_common(1)
    lexicon = make_lexicon(data, gaz, keywords[0][0] if keywords else None)
    words = {s.id: Words.of(s.text) for s in sources}

    relevance = judge(words, lexicon, rules)
    out.off_topic = set(relevance.off_topic)
    for sid in sorted(relevance.off_topic):
        own = ", ".join(relevance.subjects[sid][:6]) or "nothing"
        out.problems.append(
            Problem(
                f"content/sources/{sid}.md",
                None,
                f"marked off topic: shares no subject with the other sources (its subject: {own})",
                level="warning",
            )
        )
    on_topic = [s for s in sources if s.id not in relevance.off_topic]

    candidates: list[Candidate] = []
    for s in on_topic:
        found = find_candidates(s, words[s.id], lexicon, rules, find_times, len(candidates))
        candidates.extend(found.candidates)
        out.notes.extend(found.dropped)
        out.problems.extend(found.problems)
    idf = idf_weights(
        set(lexicon.terms(words[s.id].tokens)) | set(lexicon.latin_terms(s.text)) for s in on_topic
    )
    out.notes.extend(align_syndicated(candidates))
    clustering = Clustering(idf, rules)
    clustering.add_all(candidates)
    _cite_undated(clustering, on_topic, words, lexicon, len(candidates), out)

    latest = max(s.published for s in sources)
    spread: Counter[str] = Counter()
    for cl in clustering.clusters:
        spread.update({t for m in cl.members for t in m.terms})
    built = []
    for cl in clustering.clusters:
        event = _event(cl, clustering.idf, config, rules, lexicon, gaz, spread, words, latest, out)
        if event is not None:
            built.append(event)
    taken: set[str] = set()
    for event, lines in sorted(built, key=lambda e: (e[0].when.sort_key(), e[0].title)):
        base = f"{event.when.start:%Y-%m-%d}-{slugify(event.title)}"
        event.id = unique(base, taken, ",".join(sorted(c.source for c in event.sources)) + event.title)
        taken.add(event.id)
        out.events.append(event)
        out.explain[event.id] = lines
    return out


def _cite_undated(
    clustering: Clustering,
    on_topic: list[Source],
    words: dict[str, Words],
    lexicon: Lexicon,
    order: int,
    out: Extraction,
) -> None:
    """Sources no event cites: their sentences may join an event; else their lead is dated by publication."""
    cited = {m.source.id for cl in clustering.clusters for m in cl.members}
    for s in on_topic:
        if s.id in cited:
            continue
        text = words[s.id].text
        spans = [sent for para in paragraphs(text) for sent in sentences(text, para)]
        joined = False
        for span in spans:
            tokens = [t for t, _ in words[s.id].within(span)]
            terms = lexicon.terms(tokens) + lexicon.latin_terms(span.of(text))
            c = Candidate(s, order, span, span.of(text), None, None, terms, False)
            order += 1
            if len(set(terms)) >= 2 and clustering.add(c) is not None:
                joined = True
                break
        if joined or not spans:
            continue
        span = spans[0]
        day = s.published.replace(hour=0, minute=0, second=0, microsecond=0)
        mention = Mention("", span.start, span.start, When(day, "day"), "published", "publication", "")
        tokens = [t for t, _ in words[s.id].within(span)]
        terms = lexicon.terms(tokens) + lexicon.latin_terms(span.of(text))
        if len(set(terms)) < 2:
            continue
        clustering.add(Candidate(s, order, span, span.of(text), mention.when, mention, terms, True))
        order += 1
        out.notes.append(f"{s.id}: no dated sentence; its lead is dated by publication")


def _event(
    cl: Cluster,
    idf: dict[str, float],
    config: SiteConfig,
    rules: Rules,
    lexicon: Lexicon,
    gaz: Gazetteer,
    spread: Counter[str],
    words: dict[str, Words],
    latest: datetime,
    out: Extraction,
) -> tuple[Event, list[str]] | None:
    lang = config.lang_short
    centre = {id(m): cosine(vector(m.terms, idf), cl.words, cl.norm()) for m in cl.members}
    best: dict[str, Candidate] = {}
    for m in cl.members:
        cur = best.get(m.source.id)
        if cur is None or _rank(m, centre) > _rank(cur, centre):
            best[m.source.id] = m
    cited = sorted(best.values(), key=lambda m: (m.published, m.order))
    dated = [m for m in cl.members if m.when is not None and m.founding] or [
        m for m in cl.members if m.when is not None
    ]
    claims = [
        Claim(
            m.when,
            m.source.outlet_name,
            m.mention.kind if m.mention else "",
            m.mention.text if m.mention else "",
        )
        for m in dated
        if m.when is not None
    ]
    settled = settle(claims, lang)
    note = settled.note
    if claims and all(c.kind == "published" for c in claims):
        note = published_note(lang)
    if settled.when.start > latest:
        out.notes.append(f"dropped an event dated {settled.when.label('en')}, after the latest publication")
        return None
    ranked = sorted(
        cited,
        key=lambda m: (m.source.lang == lang, m.founding, round(centre[id(m)], 2), -m.order),
        reverse=True,
    )
    rep = ranked[0]
    title = title_from(rep, rules.title_max_chars)
    quotes = [([t for t, _ in words[m.source.id].within(m.quote_span)], m.quote) for m in cited]
    names = people(quotes, lexicon, gaz, rules.max_people)
    all_tokens = [t for toks, _ in quotes for t in toks]
    event = Event(
        id="",
        title=title,
        when=settled.when,
        sources=[Citation(m.source.id, m.quote) for m in cited],
        people=names,
        tags=tags(all_tokens, lexicon, set(names) | set(gaz.kinds), spread, rules.max_tags),
        summary=summary(ranked, rules.summary_max_chars, rules.summary_sentences),
        note=note,
        lang=rep.source.lang,
    )
    return event, _explain(settled.reason, cited, centre)


def _rank(m: Candidate, centre: dict[int, float]) -> tuple:
    return (m.founding, m.when is not None, m.precision_rank(), centre[id(m)], -m.order)


def _explain(reason: str, cited: list[Candidate], centre: dict[int, float]) -> list[str]:
    lines = [f"date: {reason}"]
    for m in cited:
        lines.append(f"{m.source.id} ({m.source.outlet_name}): “{m.quote}”")
        for t in m.sentence_mentions or ([m.mention] if m.mention else []):
            resolved = t.when.label("en") if t.when is not None else "no date"
            used = " <- dates this quote" if t is m.mention else ""
            why = f": {t.explanation}" if t.explanation else ""
            lines.append(f"    “{t.text}” {t.kind} [{t.rule}] -> {resolved}{why}{used}")
        if m.mention is None:
            lines.append("    no date of its own; cited for its similar content")
        lines.append(f"    similarity to the event: {centre[id(m)]:.2f}")
    return lines
