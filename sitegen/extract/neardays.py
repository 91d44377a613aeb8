"""A lone telling a day off joins the event other reports tell: one happening, its date disputed.

Merging compares a report only with events whose dates meet its own, so a report that dates a
happening a day off the others ("11月11日晚" where four outlets say 昨晚 / "Wednesday night" /
週三深夜 of the 12th) founds an event of its own: one happening, two entries a day apart.  The
outlets disagree; a careful editor writes one entry, dated as the others agree, and says that
one source gives another day.

So after merging, an event that is one telling (one sentence of one report and its copies, dated
to one day) is compared with the events of the days next to it (``Rules.near_days``) that at
least two other outlets tell, none of them quoting another sentence of its article (an article
that dates two sentences a day apart tells two happenings).  When it agrees with one of them
at ``Rules.near_day_similarity`` — the merging vote (words, names, sentence vectors, actions
across languages), held to a bar well above merging's, with the times of day left out (they
fall on different days by definition) — that event takes it over and keeps its own period; the
lone telling's date becomes a *dissent* (`candidates.Candidate.dissent`) that `dating.settle`
notes on the page instead of widening the event's date over both days.

Cost: each lone event looks up its own rarest terms on three days (`TermIndex`), never every
event: linear in the events.
"""

from __future__ import annotations

from datetime import timedelta

from .identity import Signals, combine, same_action, time_of_day, times_differ
from .merge import Cluster, Clustering, vector
from .periods import one_day


def join_near_days(clustering: Clustering) -> list[str]:
    """Let lone tellings a day off join the event other outlets tell; notes for --explain."""
    rules = clustering.rules
    if rules.near_days <= 0:
        return []
    notes = []
    for lone in list(clustering.clusters):
        if lone.dead or not _lone(lone):
            continue
        best = _best_taker(clustering, lone)
        if best is None:
            continue
        taker, s = best
        lone.lo, lone.hi = taker.lo, taker.hi  # the taker keeps its period: the others' date
        for m in lone.members:
            m.dissent = True
        taker.absorb(lone)
        clustering.days.drop(lone)
        clustering.index.add(taker, taker.words)
        who = ", ".join(sorted({m.source.id for m in lone.members}))
        notes.append(
            f"{who}: its lone telling, dated a day off, joined the event other outlets tell "
            f"({s.describe()}); its date is noted as a dissent"
        )
    clustering.clusters = [cl for cl in clustering.clusters if not cl.dead]
    return notes


def _lone(cl: Cluster) -> bool:
    """One distinct sentence (and its copies), dated to one day."""
    return (
        len(cl.quotes) == 1
        and cl.lo is not None
        and cl.hi is not None
        and one_day(cl.lo, cl.hi)
        and all(m.when is not None for m in cl.members)
    )


def _best_taker(clustering: Clustering, lone: Cluster) -> tuple[Cluster, Signals] | None:
    rules = clustering.rules
    assert lone.lo is not None and lone.hi is not None
    day = lone.lo.date()
    c = lone.members[0]
    vec = vector(c.terms, clustering.idf)
    names = clustering.names_of(c)
    own = {m.source.id for m in lone.members}
    slack = timedelta(days=rules.near_days)
    found: list[tuple[Cluster, Signals]] = []
    for cl in clustering.index.near(clustering._lookup_terms(vec, names), lone.lo - slack, lone.hi + slack):
        if cl is lone or cl.dead or cl.lo is None or cl.hi is None or not one_day(cl.lo, cl.hi):
            continue
        gap = abs((cl.lo.date() - day).days)
        if gap == 0 or gap > rules.near_days or own & cl.source_ids:
            continue  # its own day is merging's; an article telling both tells two happenings
        if len({m.source.outlet_name for m in cl.members} - {m.source.outlet_name for m in lone.members}) < 2:
            continue
        s = clustering.signals(c, vec, names, cl, None)
        if c.founding and not s.same_period:  # the day off is the question: compare as in one period
            s.crossing = cl.crossing(vec, c.source.lang, clustering.bridge)
            s.action_shared = same_action(c.acts(), cl.langs, cl.acts, c.source.lang, cl.act_counts)
        # its time of day, moved to the event's day: "11日晚" and "12日深夜" name one time of day
        at = time_of_day(c.when)
        shift = cl.lo.date() - day
        moved = (at[0] + shift, at[1] + shift) if at is not None else None
        s.times_differ = times_differ(moved, cl.times)
        s.times_agree = moved is not None and bool(cl.times) and not s.times_differ
        clustering.add_vectors(c, s, cl)  # few comparisons: the vectors vote in one language too
        s.bar = rules.near_day_similarity
        combine(s, rules)
        if s.joined:
            found.append((cl, s))
    if not found:
        return None
    return max(found, key=lambda p: p[1].score)
