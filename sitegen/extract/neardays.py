"""Tellings a day off the majority join the event it tells: one happening, its date disputed.

Merging compares a report only with events whose dates meet its own, so a report that dates a
happening a day off the others ("11月11日晚" where four outlets say 昨晚 / "Wednesday night" /
週三深夜 of the 12th; "Nov. 7" where four Chinese outlets say 11月6日晚) founds an event of its
own: one happening, two entries a day apart.  The outlets disagree; a careful editor writes one
entry, dated as most agree, and says that a source gives another day.

So after merging, an event dated to one day is compared with the events of the days next to it
(``Rules.near_days``) that more outlets tell — at least two others, and more than its own: the
*majority*, when one article dates it (with its syndicated copies; reports joined without a date
of their own may be there too: "the rider who died in November").  Two articles dating it alike
are two outlets agreeing on a day: most often another happening of the next day (a report, and
the company's confirmation of it the day after).  Each sentence that dates it must agree with
the majority's event at
``Rules.near_day_similarity`` — the merging vote (words, names, sentence vectors, actions
across languages), compared as if dated on the majority's day (its time of day moved with it),
held to a bar well above merging's; a telling naming actions all other than the event's counts
against (`identity.another_action`), as for dates that only overlap.  Then the majority's event
takes it over and keeps its own period; the day-off dates become *dissents*
(`candidates.Candidate.dissent`) that `dating.settle` notes on the page instead of widening the
event's date over both days.

An article quoted in both is two happenings it tells (it dated them apart), with one exception:
a *night* that straddles midnight.  A time before dawn counted from an evening the same
sentence states ("前天晚上9时许…倒在送餐路上，被送往医院后于次日凌晨宣告死亡"), within
``Rules.near_day_night_hours`` of it, naming no one and no action of its own (`identity.own_apart`),
goes on telling that sentence's happening: the article itself links them, no vote needed.

Cost: each day-one event looks up its own rarest terms on three days (`TermIndex`), never every
event: linear in the events.
"""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from .actions import actions
from .candidates import Candidate
from .identity import Signals, another_action, combine, own_apart, time_of_day
from .merge import Cluster, Clustering, vector
from .periods import one_day


def join_near_days(clustering: Clustering) -> list[str]:
    """Let the tellings of a day off join the event more outlets tell; notes for --explain."""
    rules = clustering.rules
    if rules.near_days <= 0:
        return []
    notes = []
    for few in sorted(clustering.clusters, key=lambda cl: len(_outlets(cl))):
        dating = _dating(few)
        if few.dead or not _one_day(few) or len({c.source.id for c in dating}) != 1:
            continue  # one article dates it (two outlets agreeing on a day are another happening)
        if _day_confirmed(clustering, few):
            continue
        best = _best_taker(clustering, few)
        if best is None:
            continue
        taker, why = best
        assert taker.lo is not None and taker.hi is not None
        for m in few.members:  # a date that meets the taker's period is no dissent ("in November")
            meets = m.when is not None and m.when.start < taker.hi and taker.lo < m.when.period_end()
            m.dissent = m.when is not None and not meets
        few.lo, few.hi = taker.lo, taker.hi  # the taker keeps its period: the others' date
        taker.absorb(few)
        clustering.days.drop(few)
        clustering.index.add(taker, taker.words)
        who = ", ".join(sorted({m.source.id for m in few.members if m.dissent}))
        notes.append(
            f"{who}: its telling, dated a day off, joined the event more outlets tell ({why}); "
            "its date is noted as a dissent"
        )
    clustering.clusters = [cl for cl in clustering.clusters if not cl.dead]
    return notes


def _day_confirmed(clustering: Clustering, few: Cluster) -> bool:
    """Does the one article dating ``few`` date, on that same day, another happening that other
    outlets tell on that day too ("今日上午，监管部门约谈X。当天下午，X宣布暂停…": the summons, which
    three outlets date so)?  Then other outlets confirm the article's day: what it tells of that
    day is another happening of it, not a day-off telling of a happening of the next day."""
    assert few.lo is not None
    day = few.lo.date()
    sids = {c.source.id for c in _dating(few)}
    for cl in clustering.clusters:
        if cl is few or cl.dead or not _one_day(cl) or not sids & cl.source_ids:
            continue
        assert cl.lo is not None
        dated_there = any(m.source.id in sids and m.founding for m in cl.members)
        if cl.lo.date() == day and dated_there and len(_outlets(cl) - _outlets(few)) >= 2:
            return True
    return False


def _one_day(cl: Cluster) -> bool:
    return cl.lo is not None and cl.hi is not None and one_day(cl.lo, cl.hi)


def _dating(cl: Cluster) -> list[Candidate]:
    """Its members that date it (founding), one per distinct quote (copies are one telling)."""
    seen: dict[str, Candidate] = {}
    for m in cl.members:
        if m.founding and m.when is not None:
            seen.setdefault(" ".join(m.quote.split()), m)
    return list(seen.values())


def _outlets(cl: Cluster) -> set[str]:
    return {m.source.outlet_name for m in cl.members}


def _best_taker(clustering: Clustering, few: Cluster) -> tuple[Cluster, str] | None:
    rules = clustering.rules
    assert few.lo is not None and few.hi is not None
    day = few.lo.date()
    dating = _dating(few)
    slack = timedelta(days=rules.near_days)
    terms: list[str] = []
    for c in dating:
        terms += clustering._lookup_terms(vector(c.terms, clustering.idf), clustering.names_of(c))
    mine = _outlets(few)
    found: list[tuple[float, Cluster, str]] = []
    for cl in clustering.index.near(list(dict.fromkeys(terms)), few.lo - slack, few.hi + slack):
        if cl is few or cl.dead or not _one_day(cl):
            continue
        assert cl.lo is not None
        gap = abs((cl.lo.date() - day).days)
        others = _outlets(cl) - mine
        if gap == 0 or gap > rules.near_days or len(others) < 2 or len(_outlets(cl)) <= len(mine):
            continue  # its own day is merging's; the taker is the majority
        shared = few.source_ids & cl.source_ids
        if any(m.source.id in shared and not _one_night(clustering, m, cl) for m in few.members):
            continue  # an article telling both tells two happenings (but for one night)
        scores, why = [], []
        for c in dating:
            if c.source.id in shared:  # one night: the article links them
                scores.append(rules.near_day_similarity)
                why.append("one night, counted from a sentence of the event")
                continue
            s = _vote(clustering, c, cl)
            if not s.joined:
                break
            scores.append(s.score)
            why.append(s.describe())
        else:
            found.append((sum(scores) / len(scores), cl, "; ".join(why)))
    if not found:
        return None
    _, cl, why = max(found, key=lambda p: p[0])
    return cl, why


def _vote(clustering: Clustering, c: Candidate, cl: Cluster) -> Signals:
    """The merging vote on ``c`` as if dated on the event's day, against the near-days bar."""
    assert c.when is not None and cl.lo is not None
    shift = cl.lo.date() - c.when.start.date()
    moved_when = dataclasses.replace(
        c.when, start=c.when.start + shift, end=c.when.end + shift if c.when.end is not None else None
    )
    moved = dataclasses.replace(c, when=moved_when)
    vec = vector(c.terms, clustering.idf)
    names = clustering.names_of(c)
    s = clustering.signals(moved, vec, names, cl, clustering.end(moved_when))
    s.sibling = False  # its article is not in the event (`_best_taker`)
    s.another_action = another_action(c.acts(), cl.acts)  # days apart: any other action counts against
    clustering.add_vectors(moved, s, cl)  # few comparisons: the vectors vote in one language too
    s.bar = clustering.rules.near_day_similarity
    combine(s, clustering.rules)
    return s


def _one_night(clustering: Clustering, c: Candidate, cl: Cluster) -> bool:
    """Is ``c`` a time before dawn counted from an evening a quote of ``cl`` from its article
    states (晚9时许 … 次日凌晨), naming no one and no action of its own?"""
    if c.when is None or c.mention is None or clustering.names_of(c):
        return False
    said = c.mention.explanation
    anchor = next((a for a in c.sentence_mentions if a.when and f"relative to '{a.text}'" in said), None)
    evening = time_of_day(anchor.when) if anchor is not None else None
    if anchor is None or evening is None or c.when.start.date() != evening[0].date() + timedelta(days=1):
        return False
    night = timedelta(hours=clustering.rules.near_day_night_hours)
    if not timedelta(0) <= c.when.start - evening[1] <= night:
        return False
    spans = [(sp, q) for sp, q in cl.spans.get(c.source.id, ()) if sp.start <= anchor.start < sp.end]
    return bool(spans) and not any(own_apart(c.acts(), actions().of(q)) for _, q in spans)
