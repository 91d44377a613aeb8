"""Candidates that report the same happening become one event.

Two candidates may be the same happening when their dates overlap
(`When.overlaps`) and their content words are alike: cosine similarity of
idf-weighted words, where idf is counted over the dump's sources, so words the
whole story shares (its protagonists) weigh less than what sets one happening
apart from another on the same day.

Clustering is greedy and blocked by date, never all pairs: each candidate is
compared only with the events whose dates it overlaps (found through a day
index), and joins the most similar one above the threshold or starts a new
one.  The finest dates go first so coarse ones ("3月", "2019年或2020年")
choose among specific events.  Candidates with a vague date go last and only
join.  Copies of one sentence in several outlets (syndication) always join
each other, dated by the earliest publication when their relative dates
disagree.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..dates import When
from ..markdown import normalise_ws
from .candidates import Candidate
from .rules import Rules

WIDE_DAYS = 62
"""Events spanning more days than this are indexed by year instead of by day."""
MAX_COMPARED = 12
"""A candidate is compared with at most this many of an event's distinct quotes (the latest)."""
VAGUE_DAYS = 366
"""A sentence dated only by 最近/前不久 is compared with events this many days before its article."""


def idf_weights(term_sets: Iterable[set[str]]) -> dict[str, float]:
    """Inverse document frequency over sources; a word in every source still weighs a little."""
    df: Counter[str] = Counter()
    n = 0
    for terms in term_sets:
        df.update(terms)
        n += 1
    return {t: math.log((n + 1) / (c + 0.5)) + 0.3 for t, c in df.items()}


def vector(terms: Iterable[str], idf: dict[str, float]) -> dict[str, float]:
    """Each distinct term with its weight; a term the dump never had weighs as the rarest."""
    out: dict[str, float] = {}
    rarest: float | None = None  # looked up only when needed: it scans the whole vocabulary
    for t in dict.fromkeys(terms):
        weight = idf.get(t)
        if weight is None:
            if rarest is None:
                rarest = max(idf.values(), default=1.0)
            weight = rarest
        out[t] = weight
    return out


def cosine(a: dict[str, float], b: dict[str, float], norm_b: float | None = None) -> float:
    if len(a) > len(b):
        a, b = b, a
    dot = sum(w * b[t] for t, w in a.items() if t in b)
    if not dot:
        return 0.0
    na = math.sqrt(sum(w * w for w in a.values()))
    nb = norm_b if norm_b is not None else math.sqrt(sum(w * w for w in b.values()))
    return dot / (na * nb)


@dataclass
class Bridge:
    """How quotes in different languages are compared: only through words both languages use."""

    words: set[str] = field(default_factory=set)
    """names linked across languages (by the gazetteer or pinyin) and Latin-letter words that
    Chinese sources use too (PM2.5, 5G)"""

    def crosses(self, term: str) -> bool:
        return term in self.words

    def share(self, a: dict[str, float], b: dict[str, float]) -> float:
        """Weight of the crossing words both quotes have, over the mean weight of each one's."""
        wa = {t: w for t, w in a.items() if self.crosses(t)}
        wb = {t: w for t, w in b.items() if self.crosses(t)}
        shared = [t for t in wa if t in wb]
        if not shared:
            return 0.0
        return sum(min(wa[t], wb[t]) for t in shared) / ((sum(wa.values()) + sum(wb.values())) / 2)


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
    quote_order: list[str] = field(default_factory=list)
    dead: bool = False
    """merged into another event"""
    precision: str | None = None
    """precision of the first (finest) date stated"""
    _norm: float | None = None

    def add(self, c: Candidate, vec: dict[str, float], score: float) -> None:
        self.members.append(c)
        self.scores.append(score)
        quote = normalise_ws(c.quote)
        if quote not in self.quotes:  # syndicated copies do not outweigh independent reports
            self.quotes.add(quote)
            self.quote_order.append(quote)
            self.words.update(vec)
            self.vectors.append(vec)
            self.langs.append(c.source.lang)
            self._norm = None
        if c.when is not None:
            self.precision = self.precision or c.when.precision
            lo, hi = c.when.start, c.when.period_end()
            self.lo = lo if self.lo is None else max(self.lo, lo)
            self.hi = hi if self.hi is None else min(self.hi, hi)

    def accepts_time(self, c: Candidate) -> bool:
        if self.lo is None or self.hi is None:
            return True
        if c.when is None:
            return self.lo <= c.published
        return c.when.start < self.hi and self.lo < c.when.period_end()

    def absorb(self, other: Cluster) -> None:
        """Take over another event's candidates; the other is marked dead."""
        for (
            m,
            score,
        ) in zip(other.members, other.scores, strict=True):
            self.members.append(m)
            self.scores.append(score)
        for quote, vec, lang in zip(other.quote_order, other.vectors, other.langs, strict=True):
            if quote not in self.quotes:
                self.quotes.add(quote)
                self.quote_order.append(quote)
                self.vectors.append(vec)
                self.langs.append(lang)
                self.words.update(vec)
        assert self.lo and self.hi and other.lo and other.hi
        self.lo, self.hi = max(self.lo, other.lo), min(self.hi, other.hi)
        self._norm = None
        other.dead = True

    def similarity(self, vec: dict[str, float], lang: str = "zh", bridge: Bridge | None = None) -> float:
        """Cosine with the event's words, or with its closest distinct quote if higher."""
        score = cosine(vec, self.words, self.norm())
        for other, other_lang in zip(self.vectors[-MAX_COMPARED:], self.langs[-MAX_COMPARED:], strict=True):
            if other_lang == lang or bridge is None:
                score = max(score, cosine(vec, other))
        return score

    def crossing(self, vec: dict[str, float], lang: str, bridge: Bridge | None) -> float:
        """Best share with a quote in another language, through the words both languages use
        (names linked by pinyin or the gazetteer, terms such as "5G")."""
        if bridge is None:
            return 0.0
        pairs = zip(self.vectors[-MAX_COMPARED:], self.langs[-MAX_COMPARED:], strict=True)
        return max((bridge.share(vec, v) for v, other in pairs if other != lang), default=0.0)

    def score(
        self, vec: dict[str, float], lang: str, bridge: Bridge | None, bar: float, cross_bar: float
    ) -> float:
        """How far above its bar the quote is (negative: below), by words or across languages."""
        return max(self.similarity(vec, lang, bridge) - bar, self.crossing(vec, lang, bridge) - cross_bar)

    def norm(self) -> float:
        if self._norm is None:
            self._norm = math.sqrt(sum(w * w for w in self.words.values()))
        return self._norm

    @property
    def source_ids(self) -> set[str]:
        return {m.source.id for m in self.members}


class _DayIndex:
    """Clusters by the days their period covers; wide ones by year."""

    def __init__(self) -> None:
        self.by_day: dict[int, list[Cluster]] = defaultdict(list)
        self.days: list[int] = []
        self.by_year: dict[int, list[Cluster]] = defaultdict(list)

    def add(self, cl: Cluster) -> None:
        assert cl.lo is not None and cl.hi is not None
        first, last = cl.lo.toordinal(), (cl.hi - timedelta(microseconds=1)).toordinal()
        if last - first > WIDE_DAYS:
            for y in range(cl.lo.year, cl.hi.year + 1):
                self.by_year[y].append(cl)
            return
        for d in range(first, last + 1):
            if d not in self.by_day:
                bisect.insort(self.days, d)
            self.by_day[d].append(cl)

    def near(self, start: datetime, end: datetime) -> Iterator[Cluster]:
        seen: set[int] = set()
        a, b = start.toordinal(), (end - timedelta(microseconds=1)).toordinal()
        i, j = bisect.bisect_left(self.days, a), bisect.bisect_right(self.days, b)
        for d in self.days[i:j]:
            for cl in self.by_day[d]:
                if id(cl) not in seen:
                    seen.add(id(cl))
                    yield cl
        for y in range(start.year, end.year + 1):
            for cl in self.by_year.get(y, []):
                if id(cl) not in seen:
                    seen.add(id(cl))
                    yield cl


def align_syndicated(candidates: list[Candidate]) -> list[str]:
    """Copies of one sentence dated differently (relative dates, reposts) take the earliest copy's date."""
    notes = []
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        groups[normalise_ws(c.quote)].append(c)
    for _quote, group in groups.items():
        dated = [c for c in group if c.when is not None]
        if len({(c.when.start, c.when.period_end()) for c in dated}) < 2:  # type: ignore[union-attr]
            continue
        first = min(dated, key=lambda c: (c.published, c.order))
        for c in dated:
            if c is not first and c.when != first.when:
                notes.append(
                    f"{c.source.id}: same sentence as {first.source.id} (published earlier); "
                    f"its date {c.when.label()} is taken as {first.when.label()}"  # type: ignore[union-attr]
                )
                c.when = first.when
                c.founding = first.founding
    return notes


def _one_day(lo: datetime, hi: datetime) -> bool:
    return lo.date() == (hi - timedelta(microseconds=1)).date()


def same_period(when: When | None, cl: Cluster) -> bool:
    """Both within one calendar day, or both stated as (overlapping) years, or as months."""
    if when is None or cl.lo is None or cl.hi is None:
        return False
    if _one_day(when.start, when.period_end()):
        return _one_day(cl.lo, cl.hi) and cl.lo.date() == when.start.date()
    return when.precision in ("year", "month") and when.precision == cl.precision


def _same_period_clusters(a: Cluster, b: Cluster) -> bool:
    assert a.lo and a.hi and b.lo and b.hi
    if _one_day(a.lo, a.hi) and _one_day(b.lo, b.hi):
        return a.lo.date() == b.lo.date()
    return a.precision == b.precision and a.precision in ("year", "month")


class Clustering:
    """Greedy, date-blocked clustering of candidates into happenings."""

    def __init__(self, idf: dict[str, float], rules: Rules, bridge: Bridge | None = None) -> None:
        self.idf = idf
        self.bridge = bridge
        self.rules = rules
        self.index = _DayIndex()
        self.clusters: list[Cluster] = []
        self.by_quote: dict[str, list[Cluster]] = defaultdict(list)

    def add_all(self, candidates: Iterable[Candidate]) -> None:
        """Finest and narrowest dates first, then coarse ones, then those that may only join."""
        order = sorted(
            candidates,
            key=lambda c: (
                not c.founding,
                -c.precision_rank(),
                (c.when.period_end() - c.when.start) if c.when else timedelta.max,
                c.order,
            ),
        )
        for c in order:
            self.add(c)
        self.consolidate()

    def best_match(self, c: Candidate, vec: dict[str, float]) -> tuple[Cluster | None, float]:
        for cl in self.by_quote.get(normalise_ws(c.quote), []):
            if cl.accepts_time(c):
                return cl, 1.0
        if c.when is not None:
            pool = self.index.near(c.when.start, c.when.period_end())
        else:
            pool = self.index.near(c.published - timedelta(days=VAGUE_DAYS), c.published)
        best, best_margin = None, -1.0
        r = self.rules
        for cl in pool:
            if not cl.accepts_time(c):
                continue
            close = same_period(c.when, cl)
            if not c.founding:
                bar, cross_bar = r.attach_similarity, 1.01  # too little to go on across languages
            elif close:
                bar, cross_bar = r.same_period_similarity, r.cross_language_share
            else:
                bar, cross_bar = r.merge_similarity, 1.01  # across languages only within one period
            margin = cl.score(vec, c.source.lang, self.bridge, bar, cross_bar)
            if margin >= 0 and margin > best_margin:
                best, best_margin = cl, margin
        return best, (best_margin if best else 0.0)

    def consolidate(self) -> None:
        """Merge events the greedy pass left apart (it depends on the order candidates came in)."""
        changed = True
        while changed:
            changed = False
            for cl in self.clusters:
                if cl.dead:
                    continue
                assert cl.lo is not None and cl.hi is not None
                for other in list(self.index.near(cl.lo, cl.hi)):
                    if other is cl or other.dead or not (cl.lo < other.hi and other.lo < cl.hi):  # type: ignore[operator]
                        continue
                    close = _same_period_clusters(cl, other)
                    bar = self.rules.same_period_similarity if close else self.rules.merge_similarity
                    cross_bar = self.rules.cross_language_share if close else 1.01
                    margin = max(
                        (
                            other.score(v, lang, self.bridge, bar, cross_bar)
                            for v, lang in zip(
                                cl.vectors[-MAX_COMPARED:], cl.langs[-MAX_COMPARED:], strict=True
                            )
                        ),
                        default=-1.0,
                    )
                    if margin >= 0:
                        cl.absorb(other)
                        changed = True
        self.clusters = [cl for cl in self.clusters if not cl.dead]

    def add(self, c: Candidate) -> Cluster | None:
        """Join the best event, start one (if the candidate may), or return None."""
        vec = vector(c.terms, self.idf)
        best, score = self.best_match(c, vec)
        if best is None:
            if not c.founding:
                return None
            best = Cluster()
            self.clusters.append(best)
            best.add(c, vec, 1.0)
            self.index.add(best)
        else:
            best.add(c, vec, score)
        self.by_quote[normalise_ws(c.quote)].append(best)
        return best
