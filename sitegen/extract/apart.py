"""Two happenings of one day that merging fused are set apart by what each one *is*.

A breaking story's day often holds two or three happenings told in the same articles (the
police's detentions and the first jets flying again; the chairman's apology and the plant's
halt).  Merging compares a report with an event as a whole, and on one day the bar is low:
a weak link (the story's city written in both languages, the airline's name) can let one
report of the second happening into the first's event, and from then on that event agrees
with both.  Its entry then quotes one of them, and the other's reports are cited nowhere.

What tells the two apart is the action each names (`actions`: 刑拘 and "detained", 复飞 and
"resumed flying").  After the greedy pass:

* an event whose founding quote names an action gives up the reports in it that name only
  other actions, when at least ``APART_SOURCES`` different reports (copies count once) name
  one of them and an event of the same period was founded on a quote naming it: that event
  takes them.  A quote that names both, or none, stays: it does not say which it tells.  A
  quote naming none is judged by its sentence ("4月21日，…伪造维修记录，已于当日被依法刑事
  拘留": its date's clause names nothing, its sentence the detention).  Nothing moves without
  such an event to go to — one outlet may call a stall "a halt", another a breakdown, and a
  new event would split one happening — unless a report they come from tells the event's action
  in another quote of its own (one article telling both apart: the movers found the event), nor
  for one report alone;
* an event quoting only clauses of one sentence joins the event of the same period that
  quotes another clause of that sentence, when both founding sentences name the same action
  ("…5架完成发动机孔探检查，今日起恢复商业运营，首个复飞航班于下午…": the date of each clause
  made it a candidate, and the two clauses share no word).

Linear: each event's quotes are read once, and each moved report is added to its new event as
merging adds any report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from ..core.markdown import normalise_ws
from .actions import actions
from .candidates import Candidate
from .merge import Cluster, Clustering, vector
from .passages import Span, paragraph_at, sentences
from .postings import ANY

APART_SOURCES = 2
"""An event is split only when this many different reports (copies count once) in it name only
another action than its founding quote's."""


def set_apart(clustering: Clustering) -> list[str]:
    """Split the events that hold two happenings told with different actions; notes for --explain."""
    notes: list[str] = []
    told = _Told()
    for cl in list(clustering.clusters):
        if cl.dead or not cl.members:
            continue
        own = told(cl.members[0])
        if not own:
            continue
        apart = [m for m in cl.members if (a := told(m)) and not a & own]
        texts = {normalise_ws(m.quote): m for m in apart}
        counts = Counter(a for m in texts.values() for a in told(m))
        for main, count in sorted(counts.items(), key=lambda p: (-p[1], p[0])):
            movers = [m for m in apart if main in told(m)]
            if count < APART_SOURCES or not any(m.founding for m in movers):
                continue
            home = _home(clustering, cl, lambda o, main=main: main in told(o.members[0]))
            if home is None and _told_apart(cl, movers, told, own, main):
                rules = clustering.rules
                home = Cluster(compared=rules.max_compared, centre_quotes=rules.centre_quotes)
                clustering.clusters.append(home)
            if home is None:
                continue
            moving = {id(m) for m in movers}
            _rebuild(clustering, cl, [m for m in cl.members if id(m) not in moving])
            for m in sorted(movers, key=lambda m: not m.founding):
                _add(clustering, home, m)
            if home.lo is not None:
                clustering.days.add(home)
            who = ", ".join(sorted({m.source.id for m in movers}))
            notes.append(f"set apart from an event telling {'/'.join(sorted(own))}: {who} ({main})")
            break
    for cl in clustering.clusters:
        sentence = _one_sentence(cl, told)
        if cl.dead or sentence is None or not told(cl.members[0]):
            continue
        sid, own = cl.members[0].source.id, told(cl.members[0])

        def fits(o: Cluster, sid: str = sid, sentence: Span = sentence, own: frozenset[str] = own) -> bool:
            quotes_it = any(sentence.start <= sp.start < sentence.end for sp, _ in o.spans.get(sid, ()))
            return quotes_it and bool(own & told(o.members[0]))

        other = _home(clustering, cl, fits)
        if other is not None:
            other.absorb(cl)
            clustering.index.add(other, other.words)
            notes.append(f"{sid}: a clause joined the event quoting another clause of its sentence")
    clustering.clusters = [cl for cl in clustering.clusters if not cl.dead and cl.members]
    return notes


def _told_apart(
    cl: Cluster, movers: list[Candidate], told: _Told, own: frozenset[str], main: str
) -> bool:
    """Is one of the two actions one the table tells apart from any other (``own_clause``: a
    market's fall, a trading halt), does a report the movers come from tell the event's action in
    another of its quotes, naming only that one, and do reports in both languages name the movers'
    action?  Then one article tells the two happenings apart (two clauses or sentences:
    "董事长辞去职务，公司股票同日起停牌"), outlets of either language tell the movers' one, and
    the movers found an event of their own when
    no event of the period was founded on their action: one outlet calling a stall "a halt" and
    another a breakdown never tells both in one article."""
    if not (own | {main}) & told.table.own_clause:
        return False  # an action the table tells apart from any other (a market's fall, a halt)
    if len({m.source.lang[:2] for m in movers}) < 2:
        return False  # reports in both languages name the movers' action
    sources = {m.source.id for m in movers}
    return any(
        m.source.id in sources and (a := told(m)) and a & own and main not in a
        for m in cl.members
    )


class _Told:
    """The actions a quote names, or when it names none, those its sentence names (read once)."""

    def __init__(self) -> None:
        self.table = actions()
        self.known: dict[int, frozenset[str]] = {}

    def __call__(self, m: Candidate) -> frozenset[str]:
        if id(m) not in self.known:
            acts = self.table.of(normalise_ws(m.quote))
            sentence = sentence_of(m)
            if not acts and sentence is not None:
                acts = self.table.of(normalise_ws(sentence.of(m.text)))
            self.known[id(m)] = acts
        return self.known[id(m)]


def sentence_of(m: Candidate) -> Span | None:
    """The sentence of its source the candidate's quote starts in."""
    para = paragraph_at(m.text, m.quote_span.start) if m.text else None
    if para is None:
        return None
    return next((s for s in sentences(m.text, para) if s.start <= m.quote_span.start < s.end), None)


def _one_sentence(cl: Cluster, told: _Told) -> Span | None:
    """The sentence all of an event's quotes come from, if they are clauses of one sentence of
    one source."""
    if len({m.source.id for m in cl.members}) != 1:
        return None
    found = {(s.start, s.end) for m in cl.members if (s := sentence_of(m)) is not None}
    if len(found) != 1:
        return None
    ((start, end),) = found
    whole = any(m.quote_span.start <= start and end <= m.quote_span.end for m in cl.members)
    return None if whole else Span(start, end)


def _home(clustering: Clustering, cl: Cluster, fits: Callable[[Cluster], bool]) -> Cluster | None:
    """The first live event of an overlapping period (not ``cl``) that ``fits``."""
    if cl.lo is None or cl.hi is None:
        return None
    for other in clustering.index.near([ANY], cl.lo, cl.hi):
        if other is cl or other.dead or not other.members or other.lo is None or other.hi is None:
            continue
        if other.lo < cl.hi and cl.lo < other.hi and fits(other):
            return other
    return None


def _rebuild(clustering: Clustering, cl: Cluster, members: list[Candidate]) -> None:
    """``cl`` holding only ``members``: its words, quotes, names and period made anew (its
    postings stay: an index entry it no longer earns only makes it a candidate for a comparison)."""
    cl.__dict__.update(Cluster(compared=cl.compared, centre_quotes=cl.centre_quotes).__dict__)
    for m in members:
        _add(clustering, cl, m)


def _add(clustering: Clustering, cl: Cluster, c: Candidate) -> None:
    vec = vector(c.terms, clustering.idf)
    end = clustering.end(c.when) if c.founding else None
    cl.add(c, vec, 1.0, end, clustering.names_of(c), clustering.rules)
    if cl.lo is not None:
        clustering.index.add(cl, vec)
