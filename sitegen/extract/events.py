"""Assemble events: run the stages, then give each happening its page.

For every merged happening: one citation per source (its best quote), the
date settled from what the sources state, a title and summary from the most
representative quote, people and tags, a stable id, and the lines
``sitegen import --explain`` prints.

After clustering, every on-topic source is read again (`recall`): each event
that does not cite it yet may take its sentence or clause that reports the
event without dating it there.  A source still cited by no event is tried
sentence by sentence (a higher similarity bar); if it still matches none, its
lead, dated by the day it was published, may join an event of that day but
never starts one: a date no source states is no date to put on the timeline
(comment, analysis and background records would each become an entry).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime

from ..config import SiteConfig
from ..core.dates import When
from ..core.markdown import normalise_ws
from ..core.model import Citation, Event, Source
from ..core.sitedata import SiteData
from ..core.slug import slugify, unique
from ..errors import Problem
from ..util.cache import Cache
from ..util.forked import can_fork, start
from ..util.heap import freeze_new
from . import agreement
from .actions import actions
from .apart import set_apart
from .backrefs import back_references
from .beside import join_beside
from .candidates import Candidate, Found, Mention, find_candidates
from .dating import Claim, Settled, settle
from .embed import Embedder
from .entities import Gazetteer, NameSpotter, by_kind, full_place_names, gazetteer, make_lexicon, named, tags
from .event_title import choose_title, in_site_script
from .extraction import Extraction
from .leads import lead_text
from .merge import Bridge, Cluster, Clustering, cosine, idf_weights, vector
from .neardays import join_near_days
from .ner import Tagger
from .nights import join_one_night
from .passages import Span, paragraphs, sentences
from .recall import cite_reporting
from .recall_units import says_who
from .relevance import judge
from .relevance import link_place_stems as _link_place_stems
from .rules import Rules, rules_from
from .syndicated import align_syndicated
from .title_apart import Retitle, same_title_joined, tell_apart
from .titles import summary
from .words import CJK_WORD, Lexicon, Words

QUESTION = re.compile(r"[?？][”’」』\"')）)]*$")
SPLIT_AT = 200
"""On-topic sources from which finding dated sentences is split over two processes (not a rule:
each source is read alone, so the split changes how fast, never what is found)."""


def extract_events(
    sources: list[Source], config: SiteConfig, data: SiteData, cache: Cache | None = None
) -> Extraction:
    out = Extraction()
    if not sources:
        return out
    rules = rules_from(config.extra)
    gaz = gazetteer(data)
    keywords = Counter(s.keyword for s in sources if s.keyword).most_common(1)
    lexicon = make_lexicon(data, gaz, keywords[0][0] if keywords else None)
    texts = [s.text for s in sources]
    words = dict(zip((s.id for s in sources), Words.of_many(texts, cache), strict=True))
    freeze_new()  # every source's words live to the end (`sitegen.util.heap`)

    embedder = Embedder(cache, enabled=bool(rules.sentence_vectors))
    leads = {s.id: _lead(s, words[s.id].text, rules.lead_chars) for s in sources}
    tagger = Tagger()  # loaded only if a lead or an event's quotes are asked about
    relevance = judge(
        words,
        lexicon,
        rules,
        lambda kept, judged: _closeness(embedder, leads, kept, judged, rules.centre_sample),
        leads,
        tagger,
    )
    out.off_topic = set(relevance.off_topic)
    _link_place_stems(lexicon)
    for sid in sorted(relevance.off_topic):
        own = ", ".join(relevance.subjects[sid][:6]) or "nothing"
        near = relevance.closeness.get(sid)
        close = f"; its lead's similarity to the story: {near:.2f}" if near is not None else ""
        if relevance.others.get(sid):
            close += f", but it names only others: {', '.join(relevance.others[sid][:4])}"
        out.problems.append(
            Problem(
                f"content/sources/{sid}.md",
                None,
                f"marked off topic: shares no subject with the other sources (its subject: {own}){close}",
                level="warning",
            )
        )
    on_topic = [s for s in sources if s.id not in relevance.off_topic]

    candidates: list[Candidate] = []
    unquoted: list[Candidate] = []  # for their sentences' dates only (`Found.unquoted`)
    for found in _find_all(on_topic, words, lexicon, rules):
        candidates.extend(found.candidates)
        unquoted.extend(found.unquoted)
        out.notes.extend(found.dropped)
        out.problems.extend(found.problems)
    freeze_new()  # and the candidates
    by_lang: dict[str, set[str]] = {}  # every word of the on-topic sources, by language

    def source_terms() -> Iterator[set[str]]:
        for s in on_topic:
            terms = set(lexicon.span_terms(words[s.id].tokens, words[s.id].text))
            by_lang.setdefault(s.lang, set()).update(terms)
            yield terms

    idf = idf_weights(source_terms())
    out.notes.extend(align_syndicated(candidates))
    spotter = NameSpotter(lexicon, gaz)
    embedder.prefetch([normalise_ws(c.quote) for c in candidates])
    if rules.vectors_same_language or len({s.lang for s in on_topic}) > 1:
        embedder.encode_queued()  # vectors vote across languages: most quotes will be asked for
    clustering = Clustering(
        idf,
        rules,
        _bridge(by_lang, rules.crossing_floor * min(idf.values(), default=0.0)),
        lambda c: spotter(c.terms, c.quote, c.source.lang != "zh"),
        embedder,
    )
    clustering.add_all(candidates)
    out.notes.extend(set_apart(clustering))
    out.notes.extend(join_near_days(clustering))
    out.notes.extend(join_one_night(clustering))
    out.notes.extend(join_beside(clustering))
    out.notes.extend(
        cite_reporting(clustering, on_topic, words, lexicon, candidates + unquoted, len(candidates))
    )
    _cite_undated(
        clustering, on_topic, words, lexicon, len(candidates), {c.source.id for c in candidates}, out
    )
    embedder.save()
    compared = _decisions(clustering)

    latest = max(s.published for s in sources)
    spread: Counter[str] = Counter()
    for cl in clustering.clusters:
        spread.update({t for m in cl.members for t in m.terms})
    built, retitle = [], {}
    judged = len(on_topic) >= rules.relevance_min_sources
    _, strays = agreement.strays(clustering.clusters, relevance, judged, leads, (lexicon, tagger))
    for sid, why in sorted(strays.items()):
        out.off_topic.add(sid)
        page = f"content/sources/{sid}.md"
        out.problems.append(Problem(page, None, agreement.message(why), level="warning"))
    background = back_references(clustering.clusters)
    for cl in clustering.clusters:
        if strays:  # a stray's quotes are cited by no entry (a stray telling one of the story's)
            cl.members[:] = [m for m in cl.members if m.source.id not in strays] or cl.members
        why = agreement.unfounded(cl, set(strays), relevance.marginal) or background.get(id(cl))
        if why:
            out.notes.append(why)
            continue
        event = _event(
            cl,
            clustering.idf,
            config,
            rules,
            lexicon,
            (gaz, tagger),
            spread,
            words,
            latest,
            out,
            embedder,
            retitle,
        )
        if event is not None:
            event[1].extend(compared.get(id(cl), []))
            built.append(event)
    full_place_names([e for e, _ in built])
    taken: set[str] = set()
    joined = same_title_joined(sorted(built, key=lambda e: (e[0].when.sort_key(), e[0].title)))
    out.notes.extend(tell_apart(joined, retitle))  # no two near-identical titles
    for event, lines in joined:
        base = f"{event.when.iso()[:10]}-{slugify(event.title)}"  # 2009-…, 2024-05-…, 2024-05-17-…
        event.id = unique(base, taken, ",".join(sorted(c.source for c in event.sources)) + event.title)
        taken.add(event.id)
        out.events.append(event)
        out.explain[event.id] = lines
    return out


def _lead(source: Source, text: str, max_chars: int) -> str:
    """Title and first sentence: what a source is about, for its closeness to the story."""
    paras = paragraphs(text)
    first = sentences(text, paras[0])[:1] if paras else []
    return normalise_ws(lead_text(source.title, *(s.of(text) for s in first)))[:max_chars]


def _closeness(
    embedder: Embedder, leads: dict[str, str], kept: list[str], judged: list[str], sample: int
) -> dict[str, float]:
    """Cosine of each judged source's lead with the mean of (about ``sample`` of) the kept
    sources' leads."""
    if not embedder.available:
        return {}
    step = max(1, len(kept) // sample)
    centre_of = kept[::step]  # evenly spread over the dump, the same every run
    embedder.prefetch([leads[s] for s in centre_of + judged])
    total = sum(embedder.vector(leads[s]) for s in centre_of)
    out = {}
    for sid in judged:
        vec = embedder.vector(leads[sid])
        centre = total - vec if sid in centre_of else total
        norm = float((centre @ centre) ** 0.5) or 1.0
        out[sid] = float(vec @ centre) / norm
    return out


def _decisions(clustering: Clustering) -> dict[int, list[str]]:
    """For each event, the comparisons near the bar that joined a report to it or kept one apart."""
    home = {id(m): cl for cl in clustering.clusters for m in cl.members}
    out: dict[int, list[str]] = {}
    for c, cl, s in clustering.decisions:
        mine = home.get(id(c))
        verdict = "merged" if s.joined else "kept apart"
        quote = c.quote[:40]
        size = len(cl.members)
        line = f"{verdict}: {c.source.id} “{quote}” with an event of {size} quote(s): {s.describe()}"
        for target in {id(cl), id(mine) if mine is not None else 0} - {0}:
            out.setdefault(target, []).append(line)
    return {k: list(dict.fromkeys(lines)) for k, lines in out.items()}  # consolidation repeats some


def _find_all(sources: list[Source], words: dict[str, Words], lexicon: Lexicon, rules: Rules) -> list[Found]:
    """`find_candidates` for every source, the candidates numbered in order.

    Each source is read on its own, so with many sources the second half is read by a forked
    child process (`sitegen.util.forked`) while this one reads the first: a third of an import's time.
    """
    from .temporal.find import TimeFinder

    def find(part: list[Source]) -> list[Found]:
        find_times = TimeFinder()  # syndicated passages are matched once
        return [find_candidates(s, words[s.id], lexicon, rules, find_times) for s in part]

    if len(sources) < SPLIT_AT or not can_fork():
        found = find(sources)
    else:
        half = len(sources) // 2
        child = start(lambda: [_detached(f) for f in find(sources[half:])], "dated sentences")
        try:
            found = find(sources[:half])
            theirs = child.result()
        finally:
            child.stop()
        found += [_attached(f, s, words[s.id].text) for f, s in zip(theirs, sources[half:], strict=True)]
    order = 0
    for f in found:
        for c in f.candidates:
            c.order = order
            order += 1
    return found


def _detached(found: Found) -> Found:
    """Candidates without their source and its text, to be sent back cheaply (see `_attached`)."""
    for c in (*found.candidates, *found.unquoted):
        c.source, c.text = None, ""  # type: ignore[assignment]
    return found


def _attached(found: Found, source: Source, text: str) -> Found:
    for c in (*found.candidates, *found.unquoted):
        c.source, c.text = source, text
    return found


def _bridge(by_lang: dict[str, set[str]], floor: float) -> Bridge:
    """The words that link quotes in Chinese and in English (``by_lang``: the sources' words)."""
    zh, en = by_lang.get("zh", set()), by_lang.get("en", set())
    # Chinese words English sources carry (names found through pinyin or the gazetteer, or
    # written in Chinese), and Latin-letter words Chinese sources use too
    return Bridge({t for t in en if CJK_WORD.match(t)} | {t for t in zh & en if not CJK_WORD.match(t)}, floor)


def _cite_undated(
    clustering: Clustering,
    on_topic: list[Source],
    words: dict[str, Words],
    lexicon: Lexicon,
    order: int,
    with_candidates: set[str],
    out: Extraction,
) -> None:
    """Sources no event cites: their sentences may join an event; else their lead, dated by
    publication, may join one of that day (it starts none)."""
    cited = {m.source.id for cl in clustering.clusters for m in cl.members}
    for s in on_topic:
        if s.id in cited:
            continue
        if s.id in with_candidates:
            out.notes.append(f"{s.id}: its dated sentences match no event and start none")
            continue
        text = words[s.id].text
        spans = [sent for para in paragraphs(text) for sent in sentences(text, para)]
        joined = False
        for span in spans:
            tokens = [t for t, _ in words[s.id].within(span)]
            terms = lexicon.span_terms(tokens, span.of(text))
            c = Candidate(s, order, span, span.of(text), None, None, terms, False, text=text)
            order += 1
            if len(set(terms)) >= 2 and clustering.add(c) is not None:
                joined = True
                break
        leads = [sp for sp in spans if not QUESTION.search(sp.of(text))]
        if joined or not leads:
            continue
        span = leads[0]
        day = s.published.replace(hour=0, minute=0, second=0, microsecond=0)
        mention = Mention("", span.start, span.start, When(day, "day"), "published", "publication", "")
        tokens = [t for t, _ in words[s.id].within(span)]
        terms = lexicon.span_terms(tokens, span.of(text))
        if len(set(terms)) < 2:
            continue
        lead = Candidate(s, order, span, span.of(text), mention.when, mention, terms, False, text=text)
        order += 1
        if clustering.add(lead) is None:
            out.notes.append(f"{s.id}: no dated sentence, and its lead joins no event of its day")


def _event(
    cl: Cluster,
    idf: dict[str, float],
    config: SiteConfig,
    rules: Rules,
    lexicon: Lexicon,
    names_by: tuple[Gazetteer, Tagger],
    spread: Counter[str],
    words: dict[str, Words],
    latest: datetime,
    out: Extraction,
    embedder: Embedder | None = None,
    retitle: dict[int, Retitle] | None = None,
) -> tuple[Event, list[str]] | None:
    gaz, tagger = names_by
    lang = config.lang_short
    centre = {id(m): cosine(vector(m.terms, idf), cl.words, cl.norm()) for m in cl.members}
    members = list(cl.members)
    cited, settled = _cited_and_date(members, centre, lang)
    if settled is not None:
        before = {m.source.id for m in cited if _published_before(m, settled.when)}
        if before:  # a report cannot precede what it reports: those told a plan or something else
            members = [m for m in members if m.source.id not in before]
            out.notes.append(
                f"{settled.when.label('en')}: not cited, published before the event's day: "
                + ", ".join(sorted(before))
            )
            cited, settled = _cited_and_date(members, centre, lang)
    if settled is None or not cited:
        return None
    note = settled.note
    if settled.when.start > latest:
        out.notes.append(f"dropped an event dated {settled.when.label('en')}, after the latest publication")
        return None
    ranked = sorted(
        cited,
        key=lambda m: (m.founding, m.source.lang == lang, round(centre[id(m)], 2), -m.order),
        reverse=True,
    )
    rep = ranked[0]
    in_script = in_site_script(ranked, config.language)
    title = choose_title(in_script, settled.when, lang, idf, cl, words, lexicon, rules)
    quotes = [
        ([t for t, off in words[m.source.id].within(m.quote_span) if not _in_date(m, off)], m.quote)
        for m in cited
    ]
    kinds = named(quotes, lexicon, gaz, rules.max_people, tagger, rules.people_quotes, rules.max_places)
    names = [name for name, _ in kinds]
    vec = None
    if embedder is not None and embedder.available:
        vec = functools.partial(embedder.vector, queued=False)  # a summary's few sentences alone
    all_tokens = [t for toks, _ in quotes for t in toks]
    event = Event(
        id="",
        title=title,
        when=settled.when,
        sources=[Citation(m.source.id, m.quote) for m in cited],
        **by_kind(kinds),
        tags=tags(all_tokens, lexicon, set(names) | set(gaz.kinds), spread, rules.max_tags, names),
        summary=summary(in_script, rules, lang, title, vec) or summary(ranked, rules, lang, title, vec),
        note=note,
        lang=rep.source.lang,
    )
    if retitle is not None:  # its title chosen again, passing over another entry's (`title_apart`)
        retitle[id(event)] = functools.partial(
            choose_title, in_script, settled.when, lang, idf, cl, words, lexicon, rules
        )
    return event, _explain(settled.reason, cited, centre)


def _cited_and_date(
    members: list[Candidate], centre: dict[int, float], lang: str
) -> tuple[list[Candidate], Settled | None]:
    """Each source's best member in publication order, and the date their stated dates settle on
    (``None`` when no member is dated).  A quote that only says who spoke is cited with what
    they said (`_telling`); a source's quote names the event's action when one of its members
    does (`_telling_action`)."""
    best: dict[str, Candidate] = {}
    for m in members:
        cur = best.get(m.source.id)
        if cur is None or _rank(m, centre) > _rank(cur, centre):
            best[m.source.id] = m
    _telling_action(members, best, centre)
    cited = sorted((_telling(m, centre) for m in best.values()), key=lambda m: (m.published, m.order))
    # a date naming the thing the event tells of ("3月2日的发布会") states the event's date too
    dated = [m for m in members if m.when is not None and (m.founding or m.dates_event)] or [
        m for m in members if m.when is not None
    ]
    claims = [
        Claim(
            m.when,
            m.source.outlet_name,
            "dissent" if m.dissent else m.mention.kind if m.mention else "",
            m.mention.text if m.mention else "",
        )
        for m in dated
        if m.when is not None
    ]
    return cited, (settle(claims, lang) if claims else None)


def _telling_action(members: list[Candidate], best: dict[str, Candidate], centre: dict[int, float]) -> None:
    """Let each source in ``best`` be quoted by a member naming the event's action, when it has one.

    An article telling two happenings of one day (police detain two technicians; five jets
    fly again) may have its sentence dating the other in this event, and its sentence telling
    this one cited too, undated (`recall`).  The event's action is the one
    (`sitegen/data/actions.toml`, either language) most of its sources name (more than half); a
    source whose best member names it not, but another member does, is quoted by that member
    (the closest to the event's words of those).  The date is settled from every member alike."""
    table = actions()
    acts = {id(m): table.of(m.quote) for m in members}
    of_source: dict[str, list[Candidate]] = {}  # each source's members in order (one pass, not one a source)
    for m in members:
        of_source.setdefault(m.source.id, []).append(m)
    told: Counter[str] = Counter()
    for sid in best:
        told.update(set().union(*(acts[id(m)] for m in of_source.get(sid, ()))))
    top = told.most_common(2)
    if not top or top[0][1] * 2 <= len(best) or (len(top) > 1 and top[0][1] == top[1][1]):
        return  # no action most of its sources name: perhaps two happenings merged, leave them be
    action = top[0][0]
    for sid, m in best.items():
        if action in acts[id(m)]:
            continue
        naming = [o for o in of_source.get(sid, ()) if action in acts[id(o)]]
        if naming:
            best[sid] = max(naming, key=lambda o: _rank(o, centre)[1:])


def _telling(m: Candidate, centre: dict[int, float]) -> Candidate:
    """``m``, or when its quote is a clause that only says who spoke ("同日，鹏程航空宣布", "the
    bureau said") and its sentence goes on, ``m`` quoting up to the sentence's end.

    Merging quotes the clauses from a date up to the next break, so a date before "X宣布，"
    yields a quote that names the speaker and not what was announced: the happening is the
    rest of the sentence.  The quote stays a verbatim span of the source; the date is still
    the member's own (``centre`` learns the new quote's closeness, the member's)."""
    text, span = m.text, m.quote_span
    if not text or not says_who(m.quote):
        return m
    for para in paragraphs(text):
        if not (para.start <= span.start < para.end):
            continue
        for sentence in sentences(text, para):
            if sentence.start <= span.start < sentence.end:
                end = sentence.start + len(sentence.of(text).rstrip())
                if end <= span.end:
                    return m
                out = replace(m, quote_span=Span(span.start, end), quote=text[span.start : end].strip())
                centre[id(out)] = centre[id(m)]
                return out
    return m


def _published_before(m: Candidate, when: When) -> bool:
    """True when the source came out on a day before the event's first day: it cannot report it.

    Days, not instants: a same-day report of "this evening" may come out at noon and a date's
    precision is often coarser than the publication's, so only a whole day earlier is certain."""
    start = when.start
    return m.published.astimezone(start.tzinfo).date() < start.date()


def _in_date(m: Candidate, offset: int) -> bool:
    return any(t.start <= offset < t.end for t in m.sentence_mentions)


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
