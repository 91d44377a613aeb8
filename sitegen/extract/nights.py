"""One night told as two groups: the late evening of one day and the small hours of the next.

Merging compares a report only with events whose dates meet its own, and `neardays` lets a
telling a day off join the majority's event only when one article dates it.  A happening of
one night across midnight is often told both ways by several outlets — "11月28日深夜…开始流传多张
试卷照片", "late on Friday night" (the 28th) and "11月29日凌晨…网上出现…照片", "今日凌晨1时许", "the
early hours of Nov. 29" — so two groups of outlets found two entries a day apart: one
happening, two entries.

So after `neardays`, an event all of whose dating tellings are in the late evening of a day
(starting at `Rules.late_night_from` or later) is compared with the events that more outlets
tell and that hold a telling of the small hours of the next day (ending by
`Rules.small_hours_until`), within `Rules.near_day_night_hours` of its time: the same night.
Each of its distinct dating quotes must agree with that event at `Rules.near_day_similarity`
(the merging vote, compared as if dated at that small-hours time, `neardays._vote`).  Then the
majority's event takes it over; the evening's dates are noted as dissents (`dating.settle`),
as `neardays` does.  An article with a small-hours telling in the taker and an evening one here
tells two happenings of that night in its own words (it dated them apart): no join.
"""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta

from ..core.dates import When
from .candidates import Candidate
from .identity import Signals, another_action, combine, time_of_day
from .merge import Cluster, Clustering, vector
from .neardays import _dating, _outlets


def join_one_night(clustering: Clustering) -> list[str]:
    """Let an evening's event join the next small hours' event more outlets tell; notes."""
    rules = clustering.rules
    if rules.near_day_night_hours <= 0:
        return []
    notes = []
    for few in sorted(clustering.clusters, key=lambda cl: len(_outlets(cl))):
        evening = _late(few, rules.late_night_from)
        if few.dead or evening is None:
            continue
        found = _taker(clustering, few, evening)
        if found is None:
            continue
        taker, why = found
        for m in few.members:
            m.dissent = m.when is not None
        few.lo, few.hi = taker.lo, taker.hi
        taker.absorb(few)
        clustering.days.drop(few)
        clustering.index.add(taker, taker.words)
        who = ", ".join(sorted({m.source.id for m in few.members}))
        notes.append(
            f"{who}: its telling of the evening before joined the event of the same night's small "
            f"hours that more outlets tell ({why}); its date is noted as a dissent"
        )
    clustering.clusters = [cl for cl in clustering.clusters if not cl.dead]
    return notes


def _late(cl: Cluster, start_hour: int) -> datetime | None:
    """The latest end of its dating tellings' times, when every one of them is a time of the
    late evening of one day (from ``start_hour``); else None."""
    dating = _dating(cl)
    times = [time_of_day(c.when) for c in dating]
    if not times or any(t is None for t in times):
        return None
    days = {t[0].date() for t in times if t is not None}
    if len(days) != 1 or any(t[0].hour < start_hour for t in times if t is not None):
        return None
    return max(t[1] for t in times if t is not None)


def _small_hours(c: Candidate, evening_end: datetime, hours: int, until: int) -> bool:
    """Is ``c`` a founding telling of the small hours after ``evening_end`` (within ``hours``)?"""
    t = time_of_day(c.when) if c.founding else None
    if t is None or t[0].date() != (evening_end - timedelta(seconds=1)).date() + timedelta(days=1):
        return False
    midnight = datetime.combine(t[0].date(), datetime.min.time(), t[0].tzinfo)
    return t[1] <= midnight + timedelta(hours=until) and t[0] - evening_end <= timedelta(hours=hours)


def _taker(clustering: Clustering, few: Cluster, evening_end: datetime) -> tuple[Cluster, str] | None:
    rules = clustering.rules
    dating = _dating(few)
    terms: list[str] = []
    for c in dating:
        terms += clustering._lookup_terms(vector(c.terms, clustering.idf), clustering.names_of(c))
    reach = timedelta(hours=rules.near_day_night_hours)
    mine = _outlets(few)
    found: list[tuple[float, Cluster, str]] = []
    for cl in clustering.index.near(list(dict.fromkeys(terms)), evening_end, evening_end + reach):
        if cl is few or cl.dead or len(_outlets(cl)) <= len(mine):
            continue
        night = [
            m
            for m in cl.members
            if _small_hours(m, evening_end, rules.near_day_night_hours, rules.small_hours_until)
        ]
        if not night or {m.source.id for m in night} & few.source_ids:
            continue  # none of that night; or an article dating both apart: two happenings
        at = night[0].when
        assert at is not None
        scores, why = [], []
        for c in dating:
            assert c.when is not None
            s = _vote_at(clustering, c, at, cl)
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


def _vote_at(clustering: Clustering, c: Candidate, at: When, cl: Cluster) -> Signals:
    """The merging vote on ``c`` as if dated ``at`` (the taker's small hours), against the
    near-days bar (as `neardays._vote`: its article is not in the event, any other action
    counts against)."""
    moved = dataclasses.replace(c, when=at)
    s = clustering.signals(
        moved, vector(c.terms, clustering.idf), clustering.names_of(c), cl, clustering.end(at)
    )
    s.sibling = False
    s.another_action = another_action(c.acts(), cl.acts)
    clustering.add_vectors(moved, s, cl)
    s.bar = clustering.rules.near_day_similarity
    combine(s, clustering.rules)
    return s
