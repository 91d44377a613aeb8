"""Which records the story's other records agree with, and entries none of them founds.

A story is what several reports tell. Relevance (`relevance`) judges a record by its words; this
judges it by its happenings once they are clustered.  A record none of whose dated sentences
joins another record's (`alone`) is telling something no one else tells: a scoop of the story,
or something else sharing the keyword.  Its own names and its day tell which (`strays`); a stray
starts no entry and is marked off topic (docs/extraction.md).
"""

from __future__ import annotations

from datetime import date, timedelta

from ..core.dates import PRECISIONS, When
from ..core.markdown import normalise_ws
from .leads import named
from .merge import Cluster
from .ner import Tagger
from .relevance import Relevance
from .words import Lexicon

STRAY = "marked off topic: no other source tells any happening it dates, and "
WHY = {
    "unshared": "it shares too few of the story's names",
    "weak": "it was kept only by places or closeness",
    "early": "it was published a day or more before the first report of a happening others tell",
    "others": "its lead names neither the keyword nor the story's core, but others or no one of the story's",
    "partly": "some of its happenings no other source tells, and its lead names neither the keyword nor "
    "the story's core, but others",
}
"""Why a record is a stray, the rules in the order they are asked (a test exercises each)."""


def message(why: str) -> str:
    """The warning a stray's page gets (``why``: a key of `WHY`)."""
    return ("marked off topic: " if why == "partly" else STRAY) + WHY[why]


def strays(
    clusters: list[Cluster],
    relevance: Relevance,
    judged: bool,
    leads: dict[str, str],
    by: tuple[Lexicon, Tagger],
) -> tuple[set[str], dict[str, str]]:
    """(the sources no other source agrees with, those of them that are strays -> why: a key of `WHY`).

    A doubtful record (`relevance.Relevance.doubtful`) is a stray unless some event another
    telling also tells cites it (``unshared``).  A lone record is a stray when

    * it was kept on topic on weak evidence only (`relevance.Relevance.marginal`, or closeness):
      gulls at a wetland of the club's name, a tunnel under the resort's mountain;
    * it was published a day or more before the first report of anything the story's records
      agree on: what was written before the story began, and no later report recalls, is not
      the story (the airline's route launch, eleven days before its engine fire);
    * its lead names neither the keyword as its own subject nor a name of the story's core
      (`relevance.Relevance.core`), and names someone or something the story does not share,
      or nothing the story shares: another resort's accident, the same association's fine on
      another club, a weekly market round-up.

    A record that is not lone but tells some happening no other record tells is a stray when
    its lead names only others, as under the third rule (``partly``).

    A lone record whose lead names the story's company or people, published once the story had
    begun, stays on topic and starts its entries: it may be a one-outlet report of the story (a
    compensation only one paper reported), which sitegen cannot tell from a stray."""
    lone = alone(clusters, judged)
    if not judged:
        return lone, {}
    out: dict[str, str] = {}
    for sid in sorted(relevance.doubtful - _told_by_others(clusters)):
        out[sid] = "unshared"
    lexicon, tagger = by
    tellings = [tellings_of(cl) for cl in clusters]
    told = [cl for cl, n in zip(clusters, tellings, strict=True) if n > 1]
    start = min((m.source.published for cl in told for m in cl.members), default=None)
    published = {m.source.id: m.source.published for cl in clusters for m in cl.members}
    days = _days(told)
    mine: dict[str, list[Cluster]] = {}
    for cl in clusters:
        for sid in {m.source.id for m in cl.members} & lone:
            mine.setdefault(sid, []).append(cl)
    for sid in sorted(lone - set(out)):
        if sid in relevance.marginal or sid in relevance.closeness:
            out[sid] = "weak"
        elif (
            start is not None
            and published[sid] + timedelta(days=1) <= start
            and not _named_days(mine[sid]) & days
        ):
            out[sid] = "early"
        elif relevance.story and _names_others(leads[sid], relevance, lexicon, tagger):
            out[sid] = "others"
    # a record some of whose happenings no one else tells and whose lead names only others
    # (another provider's outage, its compensation sentence joining the story's) is not the story
    # either: asked of those records only, and as of lone ones never when they are most records
    alone_in = [cl for cl, n in zip(clusters, tellings, strict=True) if n == 1]
    partly = {m.source.id for cl in alone_in for m in cl.members} - lone - relevance.off_topic
    if len(partly) * 2 > len(published):
        partly = set()
    for sid in sorted(partly):
        if relevance.story and _names_others(leads[sid], relevance, lexicon, tagger):
            out[sid] = "partly"
    return lone, out


def _told_by_others(clusters: list[Cluster]) -> set[str]:
    """The sources of the events two tellings or more tell (copies of one text are one)."""
    return {m.source.id for cl in clusters if tellings_of(cl) > 1 for m in cl.members}


def _days(clusters: list[Cluster]) -> set[date]:
    """The days the members of ``clusters`` are dated on, at a day's precision or finer."""
    return {
        m.when.start.date() for cl in clusters for m in cl.members if m.when is not None and _daily(m.when)
    }


def _named_days(clusters: list[Cluster]) -> set[date]:
    """Every day the sentences of ``clusters``' members name, at a day's precision or finer,
    happened or still to come (an announcement's 将于3月10日举行: `TimeMention.value`)."""
    out = set()
    for cl in clusters:
        for m in cl.members:
            for t in m.sentence_mentions:
                when = t.when or t.value
                if when is not None and _daily(when):
                    out.add(when.start.date())
    return out | _days(clusters)


def _daily(when: When) -> bool:
    return PRECISIONS.index(when.precision) >= PRECISIONS.index("day")


def _names_others(lead: str, relevance: Relevance, lexicon: Lexicon, tagger: Tagger) -> bool:
    """Does ``lead`` name neither the keyword nor the story's core, but others or nothing of the story's?

    A name of the story's counts when the tagger finds it in the lead or the lead writes it
    (the tagger misses names it never saw: 甲市 in 甲市公布化工厂火灾赔偿方案)."""
    low = lead.lower()
    if named(lead, relevance.core, lexicon, tagger).story or _writes(low, relevance.core):
        return False
    found = named(lead, relevance.story, lexicon, tagger)
    return not found.keyword and (bool(found.others) or not (found.story or _writes(low, relevance.story)))


def _writes(low: str, names: set[str]) -> bool:
    return any(len(w) >= 2 and w in low for w in names)


def unfounded(cl: Cluster, strays: set[str], marginal: set[str]) -> str | None:
    """Why ``cl`` makes no entry (a note), or None: all its sources are strays, or all but the
    strays are marginal (`relevance.Relevance.marginal`): a stray founds nothing, so a marginal
    record beside copies of a stray is alone on weak evidence."""
    sources = {m.source.id for m in cl.members}
    if strays.issuperset(sources):
        who = ", ".join(sorted(sources))
        return f"no entry from a source no other source agrees with, which is not about the story: {who}"
    if marginal.issuperset(sources - strays):
        return f"no entry from sources kept on weak evidence alone: {', '.join(sorted(sources - strays))}"
    return None


def tellings_of(cl: Cluster) -> int:
    """How many different tellings ``cl`` holds: its sources, copies of one text counted once.

    Two records whose quotes in the cluster are the same sentences are one text copied (a
    syndicated article, a template filled twice): a second copy is not a second witness."""
    quotes: dict[str, set[str]] = {}
    for m in cl.members:
        quotes.setdefault(m.source.id, set()).add(normalise_ws(m.quote))
    return len({frozenset(q) for q in quotes.values()})


def alone(clusters: list[Cluster], judged: bool) -> set[str]:
    """The sources none of whose dated sentences joins another source's (copies of one text are
    one source: `tellings_of`).

    A story is what several reports tell. A record on topic by its words whose every happening
    no other record tells (a fine against another club of the same league, the same airline's
    route launch a month before, another resort's accident) is telling something else; a record
    that tells one happening alone and another with the others (the plant's halt beside the
    recall) still starts its entries. Only judged when the dump is large enough for relevance
    to be judged at all (``judged``): in a dump of a few records every report may stand alone.
    Never when most sources stand alone: strays are the minority of a story."""
    if not judged:
        return set()
    sources: dict[str, set[int]] = {}
    for i, cl in enumerate(clusters):
        for m in cl.members:
            sources.setdefault(m.source.id, set()).add(i)
    shared = {i for i, cl in enumerate(clusters) if tellings_of(cl) > 1}
    lone = {sid for sid, found in sources.items() if not found & shared}
    if len(lone) * 2 > len(sources):
        # strays are the few: when most records tell what no other tells, the dump is a set of
        # single reports (a reader's clippings of separate happenings), not a story with strays
        return set()
    return lone
