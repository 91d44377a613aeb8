"""Which records the story's other records agree with, and entries none of them founds.

A story is what several reports tell. Relevance (`relevance`) judges a record by its words; this
judges it by its happenings once they are clustered: a record none of whose dated sentences
joins another record's starts no entry, and one kept on topic on weak evidence, or dating
nothing on a day of the story's happenings, is marked off topic (docs/extraction.md).
"""

from __future__ import annotations

from .merge import Cluster
from .ner import Tagger
from .relevance import Relevance
from .words import CJK_WORD

STRAY = (
    "marked off topic: no other source tells any happening it dates, and it was kept only by "
    "places or closeness, or dates nothing on a day the story's happenings are on"
)


def strays(
    clusters: list[Cluster], relevance: Relevance, leads: dict[str, str], tagger: Tagger, judged: bool
) -> tuple[set[str], set[str]]:
    """(the sources no other source agrees with, those of them marked off topic)."""
    lone = alone(clusters, judged)
    elsewhen = lone - on_story_days(clusters, lone)
    elsewhen = {sid for sid in elsewhen if not names_a_person(leads[sid], relevance.shared[sid], tagger)}
    return lone, lone & (relevance.marginal | set(relevance.closeness) | elsewhen)


def unfounded(cl: Cluster, lone: set[str], marginal: set[str]) -> str | None:
    """Why ``cl`` makes no entry (a note), or None: all its sources stand alone, or all are
    marginal (`relevance.Relevance.marginal`)."""
    sources = {m.source.id for m in cl.members}
    if lone.issuperset(sources):
        return f"no entry from a source no other source agrees with: {', '.join(sorted(sources))}"
    if marginal.issuperset(sources):
        return f"no entry from sources kept on weak evidence alone: {', '.join(sorted(sources))}"
    return None


def alone(clusters: list[Cluster], judged: bool) -> set[str]:
    """The sources none of whose dated sentences joins another source's: their entries are not made.

    A story is what several reports tell. A record on topic by its words whose every happening
    no other record tells (a fine against another club of the same league, the same airline's
    route launch a month before, another resort's accident) is telling something else; a record
    that tells one happening alone and another with the others (the plant's halt beside the
    recall) still starts its entries. Only judged when the dump is large enough for relevance
    to be judged at all (``judged``): in a dump of a few records every report may stand alone.
    Such a source kept on topic on weak evidence only (`relevance.Relevance.marginal`, or by
    closeness) is marked off topic too, and so is one that dates nothing on a day the story's
    happenings are dated (`on_story_days`: the same airline's route launch a month before);
    one sharing the story's names and dating something on such a day stays on topic."""
    if not judged:
        return set()
    sources: dict[str, set[int]] = {}
    for i, cl in enumerate(clusters):
        for m in cl.members:
            sources.setdefault(m.source.id, set()).add(i)
    shared = {i for i, cl in enumerate(clusters) if len({m.source.id for m in cl.members}) > 1}
    return {sid for sid, found in sources.items() if not found & shared}


def on_story_days(clusters: list[Cluster], alone: set[str]) -> set[str]:
    """Those of the ``alone`` sources that date something on a day on which a happening several
    sources tell is dated: maybe a report whose happening failed to join its others' (a Chinese
    report of the day's cancellations beside the English ones), so not marked off topic."""
    days = set()
    for cl in clusters:
        if len({m.source.id for m in cl.members}) > 1:
            days.update(m.when.start.date() for m in cl.members if m.when is not None)
    return {
        m.source.id
        for cl in clusters
        for m in cl.members
        if m.source.id in alone and m.when is not None and m.when.start.date() in days
    }


def names_a_person(lead: str, shared: list[str], tagger: Tagger) -> bool:
    """Does ``lead`` name a person holding one of the words the source shares with the story
    (周建平 holding 建平)?  The story's people are named for the story, where its company does
    many other things (the same airline's route launch): a lead naming one is about the story
    (an announcement of the hearing the story is about, dated only by its own notice)."""
    words = [w for w in shared if len(w) >= 2 and CJK_WORD.match(w)]
    people = [name for name, kind, _ in tagger.names(lead) if kind == "person"]
    return any(w in name or name in w for name in people for w in words)
