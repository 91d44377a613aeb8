"""A lone telling rejoins the event the other reports tell (part of the second citing pass, `recall`).

Merging may keep a report's dated sentence apart from the event the others tell, just under its
bar: a translation that names the museum in pinyin and shares no word with the quotes founds an
event of its own, one telling.  In the second pass that sentence agrees best with its own event
(it is its quote), so the event the others tell never cites the report, and with nothing shared
`agreement` takes the report for a stray.  So in that pass a report's own lone event does not
compete for its sentences: when the sentence that founded it agrees — at the pass's bar, higher
than merging's, on its own dates — best with an event that other reports tell, that event takes
the lone one over, its date among the others'.  The report becomes one more witness, not an entry
of its own; a report that tells something no one else does keeps its lone event, as before.
"""

from __future__ import annotations

from ..core.markdown import normalise_ws
from .identity import Signals
from .merge import Cluster, Clustering
from .passages import Span


class Moves(dict[int, tuple[Cluster, Cluster, float]]):
    """Lone event id -> (the lone event, the event of others' reports to take it over, its score)."""


def lone_events(clusters: list[Cluster]) -> dict[int, Cluster]:
    """The events that are one telling: a single sentence of one report (and its copies)."""
    return {id(cl): cl for cl in clusters if len({normalise_ws(m.quote) for m in cl.members}) == 1}


def founded_by(cl: Cluster, sid: str, span: Span) -> bool:
    """Is ``span`` (a unit of source ``sid``) the passage ``cl`` quotes of it: each covers at least
    half of the other?  A sentence's other clause may tell another happening ("…, and police
    opened a criminal investigation"): it does not carry the lone event away with it."""
    for m in cl.members:
        q = m.quote_span
        common = min(q.end, span.end) - max(q.start, span.start)
        if m.source.id == sid and common * 2 >= q.end - q.start and common * 2 >= span.end - span.start:
            return True
    return False


def choose_taker(own: list[Cluster], others: list[tuple[Cluster, Signals]], moves: Moves) -> None:
    """Record, for each lone event in ``own``, the event of ``others`` (events other reports tell,
    none quoting another sentence of the article: that would be another happening it tells) that
    the lone event's founding unit passes with best, if any passes."""
    passed = [(cl, s) for cl, s in others if s.joined]
    if not passed:
        return
    taker, s = max(passed, key=lambda p: p[1].score)
    for cl in own:
        best = moves.get(id(cl))
        if best is None or best[2] < s.score:
            moves[id(cl)] = (cl, taker, s.score)


def rejoin(clustering: Clustering, moves: Moves) -> list[str]:
    """Let each chosen event take its lone one over (``moves``: lone event id -> (lone, taker, its
    score)); notes for --explain.  A taker that was itself taken over passes the move on."""
    notes = []
    for lone, taker, _ in moves.values():
        while taker.dead and id(taker) in moves:
            taker = moves[id(taker)][1]
        if lone.dead or taker.dead or taker is lone:
            continue
        if lone.lo and lone.hi and taker.lo and taker.hi and not (lone.lo < taker.hi and taker.lo < lone.hi):
            continue
        taker.absorb(lone)
        clustering.index.add(taker, taker.words)
        who = ", ".join(sorted({m.source.id for m in lone.members}))
        notes.append(f"{who}: its lone telling joined the event other reports tell")
    clustering.clusters = [cl for cl in clustering.clusters if not cl.dead]
    return notes
