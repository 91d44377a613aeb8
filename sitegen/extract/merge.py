"""Candidates that report the same happening become one event.

Two candidates may be the same happening when their dates overlap; whether they
are is decided by several signals combined (`identity`): idf-weighted words in
one language, the names both languages write alike, multilingual sentence
vectors (`embed`) across languages, and the names each states — a report whose
telling names are all different from the event's is another happening of that
day.  idf is counted over the dump's sources, so what the whole story shares
(its protagonists) weighs less than what sets one happening apart.

Clustering is greedy, never all pairs: a candidate is compared only with the events that share one
of its rarest terms (or names) on one of its days, found through (term, day) postings with a cap per
posting (`TermIndex`), plus the latest few events of the day (a report in the other language may
share no word).  It joins the event whose score is furthest above the bar, or starts a new one, and
is compared with the event as a whole (pooled words, centre of vectors), so a report joins what the
cluster agrees on.  The finest dates go first so coarse ones ("3月", "2019年或2020年") choose among
specific events; vaguely dated candidates go last and only join.  Syndicated copies of one sentence
always join each other, dated by the earliest publication.  After the greedy pass, events it left
apart merge when they agree as wholes (most distinct quotes of each join the other), so one sentence
telling two happenings ("宣布召回,股价跌停") does not fuse them.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..core.dates import When
from ..core.markdown import normalise_ws
from . import idf as weights
from .candidates import Candidate
from .embed import Embedder
from .embed import cosine as embed_cosine
from .identity import (
    RAREST,
    ActionCounts,
    Bridge,
    Signals,
    Times,
    another_action,
    apart_in_language,
    bar,
    combine,
    continued_by,
    goes_on_telling,
    name_votes,
    names_the_event,
    needs_vectors,
    own_apart,
    same_action,
    scene_of,
    time_of_day,
    times_differ,
)
from .passages import Span
from .periods import DayEvents, reach, same_period, same_period_clusters
from .postings import ANY, TermIndex
from .referring import refers_back
from .rules import Rules


def idf_weights(term_sets: Iterable[set[str]]) -> dict[str, float]:
    """Inverse document frequency over sources; a word in every source still weighs a little."""
    df: Counter[str] = Counter()
    n = 0
    for terms in term_sets:
        df.update(terms)
        n += 1
    return weights.Idf({t: math.log((n + 1) / (c + 0.5)) + 0.3 for t, c in df.items()})


def vector(terms: Iterable[str], idf: dict[str, float]) -> dict[str, float]:
    """Each distinct term with its weight; a term the dump never had weighs as the rarest."""
    out: dict[str, float] = {}
    rarest: float | None = None  # looked up only when needed: it scans the whole vocabulary
    for t in dict.fromkeys(terms):
        weight = idf.get(t)
        if weight is None:
            if rarest is None:
                rarest = weights.rarest(idf)
            weight = rarest
        out[t] = weight
    return out


def cosine(a: dict[str, float], b: dict[str, float], norm_b: float | None = None) -> float:
    """Cosine of two term vectors, walking the shorter.  Known flaw, kept: with ``norm_b`` and a
    longer ``a`` it is dot/|b|²; `rules.Rules` thresholds were set on it, and the true cosine
    lowers F1 on seven of eleven gold dumps (river_spill 1.00 -> 0.90) until they are set again."""
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = norm_b if norm_b is not None else math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


@dataclass
class Cluster:
    """A happening being assembled: its candidates, the period all their dates share, its words."""

    members: list[Candidate] = field(default_factory=list)
    scores: list[float] = field(default_factory=list)
    lo: datetime | None = None
    hi: datetime | None = None
    words: Counter[str] = field(default_factory=Counter)
    quotes: set[str] = field(default_factory=set)
    vectors: list[dict[str, float]] = field(default_factory=list)
    """one word vector per distinct quote"""
    langs: list[str] = field(default_factory=list)
    """the language of each of those quotes"""
    acts: list[frozenset[str]] = field(default_factory=list)
    """the actions each of those quotes names (`actions`)"""
    quote_order: list[str] = field(default_factory=list)
    quote_names: list[set[str]] = field(default_factory=list)
    """the names each of those quotes states (a quote of one event judged against another
    speaks with its own names, not with those its event's other quotes bring)"""
    names: Counter[str] = field(default_factory=Counter)
    """names (people, organisations, places) its distinct quotes state, by how many"""
    names_by_lang: dict[str, Counter[str]] = field(default_factory=dict)
    """the same, per language of the quotes (a clash of names is judged within one script)"""
    dead: bool = False  # merged into another event
    precision: str | None = None
    """precision of the first (finest) date stated"""
    times: Times = field(default_factory=list)
    """the times of day its quotes state (中午, 20:00)"""
    spans: dict[str, list[tuple[Span, str]]] = field(default_factory=dict)
    """by source: the spans it quotes, with their text"""
    continuing: dict[str, list[int]] = field(default_factory=dict)
    """by source: where the dates stand that its quotes naming no one count from (`identity.continued_by`)"""
    compared: int = 12
    """how many of its latest distinct quotes a report is compared with (`Rules.max_compared`)"""
    act_counts: ActionCounts = field(default_factory=ActionCounts)  # (`identity.ActionCounts`)
    centre_quotes: int = 4
    """how many of its first distinct quotes make its vector centre (`Rules.centre_quotes`)"""
    _norm: float | None = None
    _centre: Any = None

    def add(
        self,
        c: Candidate,
        vec: dict[str, float],
        score: float,
        end: datetime | None,
        names: set[str],
        rules: Rules | None = None,
    ) -> None:
        self.members.append(c)
        self.scores.append(score)
        quote = normalise_ws(c.quote)
        self.spans.setdefault(c.source.id, []).append((c.quote_span, quote))
        if c.continues_at is not None and not names:
            self.continuing.setdefault(c.source.id, []).append(c.continues_at)
        t = time_of_day(c.when)
        if t is not None and t not in self.times:
            self.times.append(t)
        if quote not in self.quotes:  # syndicated copies do not outweigh independent reports
            self.quotes.add(quote)
            self.quote_order.append(quote)
            self.quote_names.append(set(names))
            self.words.update(vec)
            self.vectors.append(vec)
            self.langs.append(c.source.lang)
            self.acts.append(c.acts())
            self.names.update(names)
            self.names_by_lang.setdefault(c.source.lang, Counter()).update(names)
            self._norm = self._centre = None
        if c.when is not None and end is not None:
            self.precision = self.precision or c.when.precision
            lo, end = reach(c.when, end, rules)
            self.lo = lo if self.lo is None else max(self.lo, lo)
            self.hi = end if self.hi is None else min(self.hi, end)
            if self.lo >= self.hi:  # never empty: two reaches met at an edge
                self.lo, self.hi = min(self.lo, self.hi), max(self.lo, self.hi) + timedelta(microseconds=1)

    def accepts(
        self, when: When | None, end: datetime | None, published: datetime, rules: Rules | None = None
    ) -> bool:
        if self.lo is None or self.hi is None:
            return True
        if when is None or end is None:
            return self.lo <= published
        lo, end = reach(when, end, rules)
        return lo < self.hi and self.lo < end

    def absorb(self, other: Cluster) -> None:
        """Take over another event's candidates; the other is marked dead."""
        for m, score in zip(other.members, other.scores, strict=True):
            self.members.append(m)
            self.scores.append(score)
        for sid, spans in other.spans.items():
            self.spans.setdefault(sid, []).extend(spans)
        self.times.extend(t for t in other.times if t not in self.times)
        together = zip(
            other.quote_order, other.vectors, other.langs, other.quote_names, other.acts, strict=True
        )
        for quote, vec, lang, names, acts in together:
            if quote not in self.quotes:
                self.quotes.add(quote)
                self.quote_order.append(quote)
                self.quote_names.append(names)
                self.vectors.append(vec)
                self.langs.append(lang)
                self.acts.append(acts)
                self.words.update(vec)
        self.names.update(other.names)
        for lang, names in other.names_by_lang.items():
            self.names_by_lang.setdefault(lang, Counter()).update(names)
        assert self.lo and self.hi and other.lo and other.hi
        self.lo, self.hi = max(self.lo, other.lo), min(self.hi, other.hi)
        self._norm = self._centre = None
        other.dead = True

    def similarity(self, vec: dict[str, float], lang: str = "zh", bridge: Bridge | None = None) -> float:
        """Cosine with the event's words, or with its closest distinct quote if higher."""
        score = cosine(vec, self.words, self.norm())
        latest = zip(self.vectors[-self.compared :], self.langs[-self.compared :], strict=True)
        for other, other_lang in latest:
            if other_lang == lang or bridge is None:
                score = max(score, cosine(vec, other))
        return score

    def crossing(self, vec: dict[str, float], lang: str, bridge: Bridge | None) -> float:
        """Best share with a quote in another language, through the words both languages use
        (names linked by pinyin or the gazetteer, terms such as "5G")."""
        if bridge is None:
            return 0.0
        pairs = zip(self.vectors[-self.compared :], self.langs[-self.compared :], strict=True)
        return max((bridge.share(vec, v) for v, other in pairs if other != lang), default=0.0)

    def centre(self, embedder: Embedder) -> Any:
        """The mean of its distinct quotes' sentence vectors (the latest ones), normalised."""
        if self._centre is None:
            vecs = [embedder.vector(q) for q in self.quote_order[: self.centre_quotes]]
            total = sum(v for v in vecs if v is not None)
            if isinstance(total, int):
                return None
            import numpy as np

            self._centre = total / (np.linalg.norm(total) or 1.0)
        return self._centre

    def sibling(self, source: str, span: Span, quote: str) -> bool:
        """Does it quote another sentence or clause of that source (not the same words)?"""
        return any(
            q != quote and (sp.end <= span.start or span.end <= sp.start)
            for sp, q in self.spans.get(source, ())
        )

    def siblings(self, other: Cluster) -> bool:
        """Do the two quote different sentences of one source?"""
        return any(other.sibling(sid, sp, q) for sid, spans in self.spans.items() for sp, q in spans)

    def norm(self) -> float:
        if self._norm is None:
            self._norm = math.sqrt(sum(w * w for w in self.words.values()))
        return self._norm

    @property
    def source_ids(self) -> set[str]:
        return {m.source.id for m in self.members}


class Clustering:
    """Greedy clustering of candidates into happenings, candidates found through `TermIndex`."""

    def __init__(
        self,
        idf: dict[str, float],
        rules: Rules,
        bridge: Bridge | None = None,
        names: Callable[[Candidate], set[str]] | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.idf = idf
        self.bridge = bridge
        self.rules = rules
        self.names_of = names or (lambda c: set())
        self.embedder = embedder
        self.index = TermIndex(rules)
        self.days = DayEvents()
        self.clusters: list[Cluster] = []
        self.by_quote: dict[str, list[Cluster]] = defaultdict(list)
        self.by_source: dict[str, list[Cluster]] = defaultdict(list)
        """the events quoting each source (an article's events are few)"""
        self._ends: dict[When, datetime] = {}
        self.compared = 0
        """candidate-event comparisons made (for tests that compare the cost of two sizes)"""
        self.decisions: list[tuple[Candidate, Cluster, Signals]] = []
        """every comparison near the bar, for ``--explain``"""

    def end(self, when: When | None) -> datetime | None:
        """A date's period end, computed once per distinct date (it costs a relativedelta)."""
        if when is None:
            return None
        found = self._ends.get(when)
        if found is None:
            found = self._ends[when] = when.period_end()
        return found

    def add_all(self, candidates: Iterable[Candidate]) -> None:
        """Finest and narrowest dates first, then coarse ones, then those that may only join."""
        order = sorted(
            candidates,
            key=lambda c: (
                not c.founding,
                -c.precision_rank(),
                (self.end(c.when) - c.when.start) if c.when else timedelta.max,  # type: ignore[operator]
                c.order,
            ),
        )
        for c in order:
            self.add(c)
        self.consolidate()

    def _lookup_terms(self, terms: Iterable[str], names: set[str], times: int = 1) -> list[str]:
        """The terms to look a candidate (or event) up by: its names, then its rarest words."""
        ranked = sorted(terms, key=lambda t: (t not in names, -self.idf.get(t, RAREST), t))
        return [*ranked[: times * self.rules.lookup_terms], ANY]

    def signals(
        self, c: Candidate, vec: dict[str, float], names: set[str], cl: Cluster, end: datetime | None
    ) -> Signals:
        r = self.rules
        acts = c.acts()
        sole = self.days.sole(c.when, end, cl) and not another_action(acts, cl.acts, cl.act_counts, cl.langs)
        close = sole or same_period(c.when, end, cl)
        s = Signals(same_period=close, sole=sole)
        lang = c.source.lang
        s.sibling = cl.sibling(c.source.id, c.quote_span, normalise_ws(c.quote))
        if s.sibling and continued_by(cl, c, names):
            s.sibling, s.continues = False, True
        mine = time_of_day(c.when)
        # a sentence that goes on telling one of the event's states the later time of its course
        s.times_differ = not s.continues and times_differ(mine, cl.times)
        s.times_agree = mine is not None and bool(cl.times) and not s.times_differ
        main = cl.act_counts.main(cl.langs, cl.acts)  # one day: only an action of its own tells apart
        apart = own_apart(acts, main) or apart_in_language(acts, lang, cl.act_counts, cl.langs, cl.acts)
        s.another_action = apart if close else another_action(acts, cl.acts)
        s.words = cl.similarity(vec, lang, self.bridge)
        s.named = names_the_event(c, end, cl, r)
        # across languages only within one period (or a vague span holding it: "earlier this month")
        if (close or (c.when is not None and c.when.approximate)) and c.founding:
            s.crossing = cl.crossing(vec, lang, self.bridge)
            same = "" if c.when is not None and c.when.precision == "year" else lang  # 交付, 交屋 in a year
            s.action_shared = same_action(acts, cl.langs, cl.acts, same, cl.act_counts)
        name_votes(s, names, cl.names, cl.names_by_lang.get(lang), self.idf, r.name_min_weight)
        s.clash = s.clash and not refers_back(c.quote, lang)  # "The platform filed suit…"
        s.bar = bar(r, close, c.founding)
        combine(s, r)
        return s

    def add_vectors(self, c: Candidate, s: Signals, cl: Cluster) -> None:
        """The vectors' vote on one comparison (when the model is there)."""
        if self.embedder is None:
            return
        mine, theirs = self.embedder.vector(normalise_ws(c.quote)), cl.centre(self.embedder)
        if mine is not None and theirs is not None:
            s.vectors = embed_cosine(mine, theirs)
            combine(s, self.rules)

    def _vectors_help(self, cl: Cluster, lang: str) -> bool:
        """Sentence vectors are asked only where words cannot judge: the event has a quote in
        another language (with rules.vectors_same_language, also within one language)."""
        return bool(self.rules.vectors_same_language) or cl.act_counts.other_language(cl.langs, cl.acts, lang)

    def best_match(
        self, c: Candidate, vec: dict[str, float], names: set[str]
    ) -> tuple[Cluster | None, float]:
        end = self.end(c.when)
        for cl in self.by_quote.get(normalise_ws(c.quote), []):
            if not cl.dead and cl.accepts(c.when, end, c.published, self.rules):
                return cl, 1.0
        went_on = self._told_on(c, names)
        if went_on is not None:
            return went_on, 1.0
        if c.when is not None and end is not None:
            lo, hi = reach(c.when, end, self.rules)
        else:
            lo, hi = c.published - timedelta(days=self.rules.vague_days), c.published
        compared: list[tuple[Cluster, Signals]] = []
        for cl in self.index.near(self._lookup_terms(vec, names), lo, hi):
            if not cl.accepts(c.when, end, c.published, self.rules):
                continue
            self.compared += 1
            compared.append((cl, self.signals(c, vec, names, cl, end)))
        # vectors for the few closest events where they could change the verdict (encoding a
        # sentence costs more than all the rest of a comparison)
        open_ = [
            (cl, s)
            for cl, s in compared
            if self.embedder is not None
            and self._vectors_help(cl, c.source.lang)
            and needs_vectors(s, self.rules)
        ]
        for cl, s in sorted(open_, key=lambda p: -p[1].score)[: self.rules.vector_events]:
            self.add_vectors(c, s, cl)
        best, best_margin, chosen = None, -1.0, None
        for cl, s in compared:
            if not s.joined and -s.margin < EXPLAIN_NEAR:
                self.decisions.append((c, cl, s))  # kept apart, though not by much
            if s.joined and s.margin > best_margin:
                best, best_margin, chosen = cl, s.margin, s
        if best is not None and chosen is not None:
            self.decisions.append((c, best, chosen))  # every merge, with its signals
        return best, (best_margin if best else 0.0)

    def _told_on(self, c: Candidate, names: set[str]) -> Cluster | None:
        """The event that quotes the sentence this candidate goes on telling, naming no one
        (`identity.continued_by`), whatever its date: a later time of that sentence's course
        ("至晚10时10分被困游客全部安全转移" after "昨晚6时40分许…索道…停运") is when it ended,
        not another happening, and the two times need not meet."""
        if c.continues_at is None or names:
            return None
        for cl in self.by_source.get(c.source.id, ()):
            if not cl.dead and continued_by(cl, c, names):
                return cl
        return None

    def consolidate(self) -> None:
        """Merge events the greedy pass left apart (it depends on the order candidates came in)."""
        changed = True
        while changed:
            changed = False
            for cl in self.clusters:
                if cl.dead:
                    continue
                assert cl.lo is not None and cl.hi is not None
                rep = _representative(cl)
                vec = dict(cl.words)
                names = set(cl.names)
                for other in self.index.near(self._lookup_terms(vec, names, 2), cl.lo, cl.hi):
                    if other is cl or other.dead or not (cl.lo < other.hi and other.lo < cl.hi):  # type: ignore[operator]
                        continue
                    self.compared += 1
                    if self._same(cl, rep, other):
                        cl.absorb(other)
                        self.days.drop(other)
                        self.index.add(cl, other.words)
                        changed = True
        self.clusters = [cl for cl in self.clusters if not cl.dead]

    def _same(self, cl: Cluster, rep: Candidate, other: Cluster) -> bool:
        """Do the two agree as wholes: most distinct quotes of each join the other?  (One quote that
        tells both happenings — a timeline's "宣布召回,股价跌停" — does not make them one.)  With an
        event of one quote, one quote of either joining the other will do (as `add` would have)."""
        if len(cl.vectors) == 1 or len(other.vectors) == 1:
            return self._joins(cl, rep, other, any_one=True)
        return self._joins(cl, rep, other) and self._joins(other, _representative(other), cl)

    def _joins(self, cl: Cluster, rep: Candidate, other: Cluster, any_one: bool = False) -> bool:
        """Do at least half of ``cl``'s (latest) distinct quotes (or ``any_one``) join ``other``?"""
        sole = self.days.sole_clusters(cl, other)
        close = sole or same_period_clusters(cl, other)
        r = self.rules
        goes_on = goes_on_telling(cl, other)
        sibling = not goes_on and cl.siblings(other)
        differ = not goes_on and any(times_differ(t, other.times) for t in cl.times)
        latest = slice(-cl.compared, None)
        quotes = list(
            zip(cl.vectors[latest], cl.langs[latest], cl.quote_names[latest], cl.acts[latest], strict=True)
        )
        joined = 0
        for n, (v, lang, own_names, acts) in enumerate(quotes):
            main = other.act_counts.main(other.langs, other.acts)
            s = Signals(same_period=close, sole=sole, bar=bar(r, close, True))
            s.sibling = sibling and not scene_of(acts, own_names, main, len(cl.vectors))
            s.times_differ = differ
            counts = other.act_counts
            s.another_action = close and (
                own_apart(acts, main) or apart_in_language(acts, lang, counts, other.langs, other.acts)
            )
            s.continues = goes_on
            s.times_agree = bool(cl.times) and bool(other.times) and not differ
            s.words = other.similarity(v, lang, self.bridge)
            if close:
                s.crossing = other.crossing(v, lang, self.bridge)
                s.action_shared = same_action(acts, other.langs, other.acts, lang, other.act_counts)
            name_votes(
                s,
                own_names,
                other.names,
                other.names_by_lang.get(lang),
                self.idf,
                r.name_min_weight,
            )
            if self.embedder is not None and self._vectors_help(other, lang) and needs_vectors(s, r):
                a, b = cl.centre(self.embedder), other.centre(self.embedder)
                if a is not None and b is not None:
                    s.vectors = embed_cosine(a, b)
            combine(s, r)
            if s.joined or -s.margin < EXPLAIN_NEAR:
                self.decisions.append((rep, other, s))
            joined += s.joined
            if 2 * joined >= len(quotes) or (any_one and joined):
                return True
            if any_one:
                continue
            if 2 * (joined + len(quotes) - n - 1) < len(quotes):
                return False  # the rest cannot make half
        return False

    def add(self, c: Candidate) -> Cluster | None:
        """Join the best event, start one (if the candidate may), or return None."""
        vec = vector(c.terms, self.idf)
        names = self.names_of(c)
        best, score = self.best_match(c, vec, names)
        end = self.end(c.when)
        if best is None:
            if not c.founding:
                return None
            best = Cluster(compared=self.rules.max_compared, centre_quotes=self.rules.centre_quotes)
            self.clusters.append(best)
            best.add(c, vec, 1.0, end, names, self.rules)
        else:
            c.dates_event = names_the_event(c, end, best, self.rules)
            if self._told_on(c, names) is best:
                # a later time of its course: the event's period and date stay the happening's
                end, c.founding = None, False
            best.add(c, vec, score, end, names, self.rules)
        if best.lo is not None:
            self.index.add(best, vec)
            self.days.add(best)
        self.by_quote[normalise_ws(c.quote)].append(best)
        if best not in self.by_source[c.source.id]:
            self.by_source[c.source.id].append(best)
        return best


EXPLAIN_NEAR = 0.2
"""For ``--explain``: every merge, and the comparisons kept apart within this of the bar (not a
rule: it decides what the explanation shows, never what is merged)."""


def _representative(cl: Cluster) -> Candidate:
    return cl.members[0]
