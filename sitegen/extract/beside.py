"""Told beside one happening, in two languages: one background happening, not two.

A report of a happening often tells, in the same sentence, something older it rests on: "the
regulator said on Friday that the inspection was never performed, though paperwork signed in
March recorded it as complete"; 今日，监管部门公布调查结果：维修方未按规定于3月实施检查，但记录显示
已完成.  Each clause founds an event of its own date (March), and merging keeps the two apart: the
clauses share no word (one is Chinese), no name (the English clause names no one), and their
sentence vectors are far apart (0.25: one tells the inspection not done, the other the paperwork
saying it was).  What joins them is what a reader sees: both sentences tell the *same* other
happening (the finding), each as the rest of a sentence that happening's event quotes, and both
date what they add alike at their precision (March).

So after merging, two events told only in different languages (no script in common), whose dates
agree at their precision (one day, or one month or year as stated, `periods.same_period_clusters`)
and meet, and each of which quotes the rest of a sentence (in its own source) whose other clause a
third event quotes — the *host* — are compared again with ``beside`` as a vote for
(`Rules.beside_bonus`), the other votes as merging casts them (names, actions, vectors, clashes).
Every dating quote of the smaller must join the larger.  One host is not enough alone: a clash of
names or an action of its own still keeps them apart (a report of the crash may tell both the
founding in March and the listing in March).

Cost: each event's quotes are looked up in the events of their own sources (an article's events
are few); pairs are formed only among the events beside one host.
"""

from __future__ import annotations

from collections import defaultdict

from .candidates import Candidate
from .identity import Signals, combine
from .merge import Cluster, Clustering, vector
from .neardays import _dating
from .passages import Span, paragraph_at, sentences
from .periods import same_period_clusters


def join_beside(clustering: Clustering) -> list[str]:
    """Merge the one-language halves of a happening told beside one host; notes for --explain."""
    if clustering.rules.beside_bonus <= 0:
        return []
    notes = []
    beside = _beside_hosts(clustering)
    pairs: list[tuple[Cluster, Cluster]] = []
    for events in beside.values():
        for i, a in enumerate(events):
            pairs.extend((a, b) for b in events[i + 1 :] if _may_pair(a, b))
    for a, b in pairs:
        if a.dead or b.dead:
            continue
        few, many = (a, b) if len(a.quotes) <= len(b.quotes) else (b, a)
        why = _joins(clustering, few, many)
        if why is None:
            continue
        many.absorb(few)
        clustering.days.drop(few)
        clustering.index.add(many, many.words)
        who = ", ".join(sorted(few.source_ids))
        notes.append(
            f"{who}: told beside the same happening as its other-language reports, joined them ({why})"
        )
    clustering.clusters = [cl for cl in clustering.clusters if not cl.dead]
    return notes


def _beside_hosts(clustering: Clustering) -> dict[int, list[Cluster]]:
    """For each host event (by id), the events quoting the rest of a sentence it quotes."""
    alive = [cl for cl in clustering.clusters if not cl.dead]
    by_source: dict[str, list[Cluster]] = defaultdict(list)  # merging's own index keeps the dead
    for cl in alive:
        for sid in cl.spans:
            by_source[sid].append(cl)
    out: dict[int, list[Cluster]] = defaultdict(list)
    for cl in alive:
        for m in cl.members:
            for host in _hosts(by_source[m.source.id], m, cl):
                if cl not in out[id(host)]:
                    out[id(host)].append(cl)
    return out


def _hosts(events: list[Cluster], c: Candidate, cl: Cluster) -> list[Cluster]:
    """The other events (of ``c``'s source) quoting another clause of ``c``'s sentence, or the
    whole sentence when ``c`` quotes a clause of it."""
    sentence = _sentence(c)
    if sentence is None:
        return []
    q = c.quote_span
    found = []
    for other in events:
        if other is cl:
            continue
        for sp, _ in other.spans.get(c.source.id, ()):
            inside = sentence.start <= sp.start and sp.end <= sentence.end
            if inside and sp != q:  # another clause, or the whole sentence (`announced`)
                found.append(other)
                break
    return found


def _sentence(c: Candidate) -> Span | None:
    para = paragraph_at(c.text, c.quote_span.start)
    if para is None:
        return None
    return next((s for s in sentences(c.text, para) if c.quote_span.start in s), None)


def _may_pair(a: Cluster, b: Cluster) -> bool:
    """Told in no script in common, dated alike at their precision, the periods meeting."""
    if a.dead or b.dead or set(a.langs) & set(b.langs):
        return False
    if a.lo is None or a.hi is None or b.lo is None or b.hi is None:
        return False
    return a.lo < b.hi and b.lo < a.hi and same_period_clusters(a, b)


def _joins(clustering: Clustering, few: Cluster, many: Cluster) -> str | None:
    """Does every dating quote of ``few`` join ``many`` with ``beside`` voting?  Why, if so."""
    dating = _dating(few)
    if not dating:
        return None
    votes = []
    for c in dating:
        s = _vote(clustering, c, many)
        if not s.joined:
            return None
        votes.append((c, many, s))
    clustering.decisions.extend(votes)  # for --explain: every merge, with its signals
    return "; ".join(s.describe() for _, _, s in votes)


def _vote(clustering: Clustering, c: Candidate, cl: Cluster) -> Signals:
    vec = vector(c.terms, clustering.idf)
    s = clustering.signals(c, vec, clustering.names_of(c), cl, clustering.end(c.when))
    clustering.add_vectors(c, s, cl)
    s.beside = True
    combine(s, clustering.rules)
    return s
