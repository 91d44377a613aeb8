"""The second pass: every article that reports a happening is cited by its event.

Clustering (`merge`) gathers the sentences that *date* a happening.  Many articles
report one without dating it in that sentence ("公司决定对他们进行批评和处罚", an
English summary's "X publicly apologized" bullet), or tell two in one dated
sentence of a timeline ("4月9日,疾控检出…,省市场监管局立案调查;"), so their
dated sentence went to only one of them.  After clustering, each on-topic source
is read once more, sentence by sentence, and each event that does not cite it
yet may take the source's best sentence or clause for it when that clearly
agrees:

* the events compared are found through the `TermIndex` by the sentence's
  rarest terms and names, on the sentence's own dates (or the year before the
  article was published when it states none), then the latest events of its own
  dates whatever their words (a report in the other language may share none), at
  most `RECALL_EVENTS` of them — never every event times every sentence, so the
  pass stays linear;
* a sentence's own date must overlap the event's period; an undated sentence
  may only report an event that began before the article was published.  A
  sentence after one that ended on a semicolon takes its dates (a listing's
  "April 6: pupils fall ill; the regulator seals the batch."); a clause may tell
  what any date of its sentence dates, and a main clause dated only by a later
  subordinate one ("…, where a tank leaked on Oct. 14") may tell something undated;
* agreement is the same vote as in merging (`identity`: words, words both
  languages write alike, names, and sentence vectors across languages), plus the
  actions both name in either language (`actions`: 公开道歉 and "publicly apologized", not
  the same man's penalty; a clause naming none, its sentence's), held to ``recall_similarity``, a
  higher bar than merging's — or ``recall_same_day_similarity`` when the
  sentence's own date (not a context date such as "since last Monday") names the
  one day the event happened on (`Rules`); an undated unit naming an action only one
  of its events names refers back to that one, and passes on its words a bar halfway
  between the two (`recall_vote.sole_action`: "随后多位员工和高管被处罚一事");
* the events are looked up by the unit's rarest terms and by its words naming an action
  (处罚 in a long sentence whose rarest words are 认真, 慎重);
* a clause that only says who spoke ("考试院表示", "the hospital said") is never
  quoted;
* a sentence reports the event it agrees with best; an event that quotes a
  longer passage around it is judged on its other quotes only (any part of a
  quote agrees with the quote, whatever happening it tells);
* one sentence may be cited by several events (a timeline sentence telling two
  happenings), but then each cites the clause that tells its own: a sentence
  that agrees with more than one event, or that another event already cites,
  is quoted by its best clause;
* an event that cites the article already may still take a sentence of it that it
  does not quote and that agrees with it best (its quote may be a sentence dating
  another happening of the same day; `events` then quotes the one naming its action);
* an undated sentence going on from its paragraph's opening reports, of the events it
  agrees with, one that quotes that opening (`_going_on`) — unless it opens by turning to
  another matter ("另据警方通报，…", "Separately, …": `recall_rules.turns`);
* the events compared include the latest of the days a sentence dates itself, whether they
  share a word with it or not (a report in another language may share none);
* a sentence that founded an event of its own report alone (one telling) is judged without
  that event: the event of other reports it agrees with best takes it over (`rejoin`).

Quotes stay verbatim spans of the source.  A citation added here carries no
date (it only adds a source), so an event's date is still settled by the
sentences that date it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from ..core.markdown import normalise_ws
from ..core.model import Source
from .actions import actions
from .candidates import Candidate
from .embed import cosine as embed_cosine
from .identity import RAREST, Signals
from .idf import floor as idf_floor
from .merge import Cluster, Clustering, vector
from .models import other_model
from .passages import Span
from .postings import ANY
from .recall_dates import date_agrees, on_its_dates, same_day
from .recall_past import PastPeriods
from .recall_past import vote as past_vote
from .recall_rules import turns
from .recall_units import SentenceMemo, Unit
from .recall_units import units as read_units
from .recall_vote import (
    Memo,
    best_cosine,
    latest_apart,
    may_need_vectors,
    names_apart,
    recombine,
    sole_action,
    unit_signals,
    vote_actions,
)
from .rejoin import Moves, choose_taker, founded_by, lone_events, rejoin
from .words import Lexicon, Words

RECALL_EVENTS = 16
"""A sentence is compared with at most this many events (those sharing most of its telling terms)."""
RECALL_TERMS = 6
"""…found through this many of its rarest terms (names first)."""
RECALL_VECTORS = 3
"""Sentence vectors are asked for at most this many events per sentence (the best by the words)."""
BOILERPLATE_SOURCES = 3
"""A sentence or clause found in this many articles that differ ("did not respond to a request
for comment", "posts about the case have been viewed…", "…不能只停留在口头道歉上") is
boilerplate: it reports nothing (copies of one article count once)."""


def cite_reporting(
    clustering: Clustering,
    sources: Iterable[Source],
    words: dict[str, Words],
    lexicon: Lexicon,
    candidates: list[Candidate],
    order: int,
) -> list[str]:
    """Add to each event the sources that report it without dating it there; notes for --explain.

    Three steps over the whole dump, so that the sentences that need a vector are encoded
    together (`Embedder.prefetch`): every unit scored by words and names against its few
    events, keeping only the pairs that pass or that vectors could make pass; their vectors;
    then for each source and event the unit to cite.
    """
    mentions: dict[str, dict[int, Any]] = {}
    cited_spans: dict[str, list[Span]] = {}
    for c in candidates:
        mentions.setdefault(c.source.id, {}).update((id(m), m) for m in c.sentence_mentions)
    citing: dict[str, set[int]] = {}
    for cl in clustering.clusters:
        for m in cl.members:
            cited_spans.setdefault(m.source.id, []).append(m.quote_span)
            citing.setdefault(m.source.id, set()).add(id(cl))
    once = SentenceMemo()  # each distinct undated sentence, and each span's terms, read once
    units = {
        s.id: list(read_units(words[s.id], lexicon, list(mentions.get(s.id, {}).values()), clustering, once))
        for s in sources
    }
    carried: dict[str, set[int]] = {}
    plain: dict[str, str] = {}  # each quote as compared (`normalise_ws`), read once: quotes recur

    def norm(quote: str) -> str:
        found = plain.get(quote)
        if found is None:
            found = plain[quote] = normalise_ws(quote)
        return found

    for s in sources:
        body = hash(words[s.id].text)
        for group in units[s.id]:
            for u in group:
                seen = carried.setdefault(norm(u.quote), set())
                if len(seen) < BOILERPLATE_SOURCES:
                    seen.add(body)
    rows: list[_Row] = []
    stock: dict[str, list[Span]] = {}
    acts: dict[int, frozenset[str]] = {}  # each event's actions, read once for the whole pass
    past = PastPeriods(clustering.clusters)
    for s in sources:
        boiler = [any(len(carried[norm(u.quote)]) >= BOILERPLATE_SOURCES for u in g) for g in units[s.id]]
        stock[s.id] = [g[0].sentence for g, b in zip(units[s.id], boiler, strict=True) if b]
        mine = [g for g, b in zip(units[s.id], boiler, strict=True) if not b]  # any boilerplate: sentence out
        rows.extend(_score_source(clustering, s, words[s.id].text, mine, acts, past))
    # an event told only in boilerplate ("“…不能只停留在口头道歉上，”X说") takes no more of it
    hollow = {id(cl) for cl in clustering.clusters if all(_within(m, stock) for m in cl.members)}
    _add_vectors(clustering, rows)
    notes: list[str] = []
    lone, moves = lone_events(clustering.clusters), Moves()
    by_source: dict[str, list[_Row]] = {}
    memo = Memo()  # the events' quotes are left as they are until the end
    for row in rows:
        by_source.setdefault(row.probe.source.id, []).append(row)
    for sid, mine in by_source.items():
        closed = (citing.get(sid, set()), hollow)
        added = _cite(clustering, mine, cited_spans.get(sid, []), closed, order, (lone, moves), memo)
        order += added
        if added:
            notes.append(f"{sid}: cited by {added} more event(s) for sentences that report them")
    notes.extend(rejoin(clustering, moves))
    return notes


@dataclass
class _Row:
    """One unit with the events it may report (those it passes, or could with vectors)."""

    unit: Unit
    probe: Candidate
    scored: list[tuple[Cluster, Signals]]


def _within(m: Candidate, stock: dict[str, list[Span]]) -> bool:
    return any(sp.start <= m.quote_span.start < sp.end for sp in stock.get(m.source.id, ()))


def _score_source(
    clustering: Clustering,
    source: Source,
    text: str,
    groups: list[list[Unit]],
    events_acts: dict[int, frozenset[str]],
    past: PastPeriods,
) -> list[_Row]:
    """Each unit of ``source`` scored against the events it may report (those that cite the
    source already too: a sentence reports the event it agrees with best)."""
    rows = []
    quotes: dict[int, list[str]] = {}

    def models_of(cl: Cluster) -> list[str]:
        got = quotes.get(id(cl))
        if got is None:
            got = quotes[id(cl)] = [m.quote for m in cl.members]
        return got

    for units in groups:
        near = _near(clustering, source, units)
        if not near:
            continue
        for u in units:
            probe = Candidate(source, -1, u.span, u.quote, None, None, u.terms, False, text=text)
            vec = vector(u.terms, clustering.idf)
            names = clustering.names_of(probe)
            acts = actions().of(u.quote) or (actions().of(u.sentence.of(text)) if u.clause else frozenset())
            compared = []
            for cl in near:
                if not date_agrees(u, cl, source.published) or other_model(u.quote, models_of(cl)):
                    continue
                clustering.compared += 1
                s = unit_signals(clustering, probe, vec, names, cl, on_its_dates(u, cl), same_day(u, cl))
                refers = past.names(u.periods, cl, source.published)
                if refers:
                    past_vote(s, clustering.rules)
                    recombine(s, clustering.rules)
                vote_actions(s, u, acts, events_acts, cl, clustering.rules, refers)
                compared.append((cl, s))
            if not u.periods:  # undated: it may refer back to a happening by its action alone
                sole_action(compared, clustering.rules)
            scored = [
                (cl, s)
                for cl, s in compared
                if s.joined or (_vectors_may_help(cl, source.lang) and may_need_vectors(s, clustering.rules))
            ]
            if scored:
                rows.append(_Row(u, probe, scored))
    return rows


def _cite(
    clustering: Clustering,
    rows: list[_Row],
    cited: list[Span],
    closed: tuple[set[int], set[int]],
    order: int,
    lone: tuple[dict[int, Cluster], Moves],
    memo: Memo,
) -> int:
    """Cite one source's best unit in each event it agrees with best and does not cite it yet;
    how many events it was added to.  ``closed``: the events that cite the source already, and
    those told only in boilerplate (they take nothing more).

    An event that cites the source already may still take a sentence it does not quote that
    agrees with it best: the event's own quote of the source may be a clause that dated another
    happening of the same article (a day's return to service beside its detentions), and the
    event then quotes whichever of them tells it best (`events._rank`).

    The unit that founded a lone event of the source (``lone``: those events, and the moves
    chosen so far) is judged without it: the event of others' reports it agrees with best takes
    the lone one over (`rejoin`)."""
    citing, hollow = closed
    lone_of, moves = lone
    sid = rows[0].probe.source.id if rows else ""
    passing: dict[int, list[tuple[float, Unit, Signals]]] = {}
    events: dict[int, Cluster] = {}
    sentence_events: dict[Span, set[int]] = {}
    for row in rows:
        # a unit reports the event it agrees with best (`_apart`)
        fair = [(cl, _apart(clustering, cl, row, s, memo)) for cl, s in row.scored]
        fair = [(cl, s) for cl, s in fair if s is not None]
        own = [cl for cl, _ in fair if id(cl) in lone_of and founded_by(cl, sid, row.unit.span)]
        if own:
            # an event quoting another sentence of the article is another happening it tells
            others = [(cl, s) for cl, s in fair if id(cl) not in lone_of and id(cl) not in citing]
            choose_taker(own, others, moves)
            continue
        if not fair:
            continue
        if not turns(row.unit.sentence.of(row.probe.text)):
            fair = _going_on(row.unit, row.probe.source.id, fair) or fair
        cl, s = max(fair, key=lambda p: p[1].score)
        if s.joined and id(cl) not in hollow and (id(cl) not in citing or _unquoted(cl, row)):
            passing.setdefault(id(cl), []).append((s.score, row.unit, s))
            events[id(cl)] = cl
        if s.joined and not row.unit.clause:
            sentence_events.setdefault(row.unit.sentence, set()).add(id(cl))
    added = 0
    for key, options in passing.items():
        cl = events[key]
        score, unit, s = _choose(options, sentence_events, cited)
        source, text = rows[0].probe.source, rows[0].probe.text
        c = Candidate(source, order + added, unit.span, unit.quote, None, None, unit.terms, False, text=text)
        cl.members.append(c)
        cl.scores.append(score)
        clustering.decisions.append((c, cl, s))
        added += 1
    return added


def _unquoted(cl: Cluster, row: _Row) -> bool:
    """Does ``cl`` quote nothing of the unit's sentence?"""
    lo, hi = row.unit.sentence.start, row.unit.sentence.end
    return not any(a.start < hi and lo < a.end for a, _ in cl.spans.get(row.probe.source.id, ()))


def _going_on(unit: Unit, sid: str, fair: list[tuple[Cluster, Signals]]) -> list[tuple[Cluster, Signals]]:
    """Of the events an undated sentence agrees with, those that quote the sentence before it in
    its paragraph (else none).

    A paragraph goes on telling what its dated opening told ("今日上午，管理局约谈…。管理局要求…
    立即开展发动机检查"): a sentence with no date of its own that agrees with that happening is
    its continuation, though its words may agree better with another (the day before's
    grounding "逐架进行发动机检查").  Only events it passes with are kept, so a continuation that
    tells something new, agreeing with none of them, is judged as before."""
    if unit.periods or unit.before is None:
        return []
    lo, hi = unit.before.start, unit.before.end
    quoted = {id(cl) for cl, _ in fair if any(a.start < hi and lo < a.end for a, _ in cl.spans.get(sid, ()))}
    return [(cl, s) for cl, s in fair if s.joined and id(cl) in quoted]


def _apart(clustering: Clustering, cl: Cluster, row: _Row, s: Signals, memo: Memo) -> Signals | None:
    """How a unit agrees with an event that quotes a longer passage around it: judged on the
    event's other quotes only (None when it has none but copies of that passage).  Any part of a
    quote agrees with the quote, whatever happening it tells — and merging quotes the clauses
    from a date up to the next one, which may tell another ("fell 14%, their biggest drop since
    it listed in 2021, after the regulator summoned its executives" is dated by 2021).

    The words are compared with the event's latest other quotes only, as many as merging compares
    (`Rules.max_compared`), and the names read from the event's `tally` less the held quotes':
    on a dense story an event holds thousands of quotes, and judging each sentence against all of
    them made this pass quadratic (issue 24).  ``memo``: the events' quote vectors' norms
    (`best_cosine`) and name tallies, for the whole pass."""
    span = row.unit.span
    held = {
        q
        for sp, q in cl.spans.get(row.probe.source.id, ())
        if sp.start <= span.start and span.end <= sp.end and (sp.start, sp.end) != (span.start, span.end)
    }
    if not held:
        return s
    rest = latest_apart(cl, held)
    if not rest:
        return None
    mine = vector(row.unit.terms, clustering.idf)
    apart = replace(s, words=best_cosine(mine, rest, memo.norms), names=0.0, clash=False)
    # and the names too: a name the passage states is no sign the rest of the event tells it
    names_apart(apart, clustering, row.probe, cl, held, memo.tally(cl))
    recombine(apart, clustering.rules)
    return apart


def _choose(
    options: list[tuple[float, Unit, Signals]], sentence_events: dict[Span, set[int]], cited: list[Span]
) -> tuple[float, Unit, Signals]:
    """The best unit for one event: the whole sentence, unless that sentence agrees with more than
    one event or is already cited elsewhere — then its clause that agrees best."""

    def shared(sentence: Span) -> bool:
        if len(sentence_events.get(sentence, ())) > 1:
            return True
        return any(sp.start < sentence.end and sentence.start < sp.end for sp in cited)

    def rank(option: tuple[float, Unit, Signals]) -> tuple[bool, float, int]:
        score, u, _ = option
        fits = u.clause == shared(u.sentence)
        return (fits, score, -(u.span.end - u.span.start))

    return max(options, key=rank)


def _near(clustering: Clustering, source: Source, units: list[Unit]) -> list[Cluster]:
    """The events a sentence may report: those sharing its rarest terms on its dates (or in the year
    before publication), most shared weight first, then the latest of its own dates' events, at
    most `RECALL_EVENTS`."""
    idf = clustering.idf
    terms: list[str] = list(dict.fromkeys(t for u in units for t in u.terms))
    probe = Candidate(source, -1, units[0].span, units[0].quote, None, None, terms, False)
    names = clustering.names_of(probe)
    ranked = sorted(terms, key=lambda t: (t not in names, -idf.get(t, RAREST), t))[:RECALL_TERMS]
    # and the words naming an action (处罚 among a long sentence's rarer 认真, 慎重): what it tells
    ranked += [t for t in terms if t not in ranked and actions().of(t)][:RECALL_TERMS]
    periods = [p for u in units for p in u.periods]
    if any(u.free or not u.periods for u in units):
        periods.append((source.published - timedelta(days=clustering.rules.vague_days), source.published))
    lo, hi = min(p[0] for p in periods), max(p[1] for p in periods)
    weight: Counter[int] = Counter()
    found: dict[int, Cluster] = {}
    floor = idf_floor(idf)
    for t in ranked:
        for cl in clustering.index.near([t], lo, hi):
            found[id(cl)] = cl
            weight[id(cl)] += idf.get(t, RAREST) - floor + (1.0 if t in names else 0.0)
    # and the latest events of its own dates, sharing no word with it (a report in the other
    # language: "police opened a criminal investigation" and 公安局已于当天立案侦查), ranked last
    for lo_, hi_ in dict.fromkeys(p for u in units for p in u.periods):
        for cl in clustering.index.near([ANY], lo_, hi_):
            found.setdefault(id(cl), cl)
            weight.setdefault(id(cl), 0.0)
    return [found[k] for k, _ in weight.most_common(RECALL_EVENTS)]


def _vectors_may_help(cl: Cluster, lang: str) -> bool:
    """Vectors vote where words cannot judge: the event has a quote in another language."""
    return cl.act_counts.other_language(cl.langs, cl.acts, lang)


def _add_vectors(clustering: Clustering, rows: list[_Row]) -> None:
    """Sentence vectors for the few events per unit where they could change the verdict."""
    emb = clustering.embedder
    if emb is None:
        return
    rules = clustering.rules
    asks = [
        (
            row,
            [
                (cl, s)
                for cl, s in row.scored
                if _vectors_may_help(cl, row.probe.source.lang) and may_need_vectors(s, rules)
            ],
        )
        for row in rows
    ]
    asks = [(row, open_) for row, open_ in asks if open_]
    emb.prefetch([normalise_ws(row.probe.quote) for row, _ in asks])
    if asks:  # every one is asked for below: half of them encoded by a child process when many
        emb.encode_queued()
    for row, open_ in asks:
        mine = emb.vector(normalise_ws(row.probe.quote))
        if mine is None:
            return
        for cl, s in sorted(open_, key=lambda p: -p[1].score)[:RECALL_VECTORS]:
            theirs = cl.centre(emb)
            if theirs is not None:
                s.vectors = embed_cosine(mine, theirs)
                recombine(s, rules)
