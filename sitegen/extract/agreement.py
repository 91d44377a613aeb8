"""Which records the story's other records agree with, and entries none of them founds.

A story is what several reports tell. Relevance (`relevance`) judges a record by its words; this
judges it by its happenings once they are clustered: a record kept on topic on weak evidence
(places and generic nouns, or closeness alone) none of whose dated sentences joins another
record's starts no entry and is marked off topic (docs/extraction.md).
"""

from __future__ import annotations

from .merge import Cluster
from .relevance import Relevance

STRAY = (
    "marked off topic: no other source tells any happening it dates, and it was kept only by "
    "places or closeness"
)


def strays(clusters: list[Cluster], relevance: Relevance, judged: bool) -> tuple[set[str], set[str]]:
    """(the sources no other source agrees with, those of them kept on weak evidence only, which
    are marked off topic and start no entry)."""
    lone = alone(clusters, judged)
    return lone, lone & (relevance.marginal | set(relevance.closeness))


def unfounded(cl: Cluster, lone: set[str], marginal: set[str]) -> str | None:
    """Why ``cl`` makes no entry (a note), or None: all its sources stand alone, or all are
    marginal (`relevance.Relevance.marginal`)."""
    sources = {m.source.id for m in cl.members}
    if lone.issuperset(sources):
        who = ", ".join(sorted(sources))
        return f"no entry from a source kept on weak evidence that no other source agrees with: {who}"
    if marginal.issuperset(sources):
        return f"no entry from sources kept on weak evidence alone: {', '.join(sorted(sources))}"
    return None


def alone(clusters: list[Cluster], judged: bool) -> set[str]:
    """The sources none of whose dated sentences joins another source's.

    A story is what several reports tell. A record on topic by its words whose every happening
    no other record tells (a fine against another club of the same league, the same airline's
    route launch a month before, another resort's accident) is telling something else; a record
    that tells one happening alone and another with the others (the plant's halt beside the
    recall) still starts its entries. Only judged when the dump is large enough for relevance
    to be judged at all (``judged``): in a dump of a few records every report may stand alone.
    Only such a source kept on topic on weak evidence (`relevance.Relevance.marginal`, or by
    closeness) starts no entry and is marked off topic: one naming the story's company or
    people may be a one-outlet report of the story (a compensation only one paper reported),
    which sitegen cannot tell from a stray.  Never
    when most sources stand alone: strays are the minority of a story."""
    if not judged:
        return set()
    sources: dict[str, set[int]] = {}
    for i, cl in enumerate(clusters):
        for m in cl.members:
            sources.setdefault(m.source.id, set()).add(i)
    shared = {i for i, cl in enumerate(clusters) if len({m.source.id for m in cl.members}) > 1}
    lone = {sid for sid, found in sources.items() if not found & shared}
    if len(lone) * 2 > len(sources):
        # strays are the few: when most records tell what no other tells, the dump is a set of
        # single reports (a reader's clippings of separate happenings), not a story with strays
        return set()
    return lone
