"""The second citing pass's vote (`recall`): `identity`'s signals plus the actions both name.

A unit (a sentence or clause) is compared with what an event says as a whole, not with one of
its quotes.  The actions' vote is read from the event's distinct quotes once per pass; a unit
whose dates only give context names the action of what it refers back to, so it casts none.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from .actions import actions
from .identity import Signals, combine, name_votes, needs_vectors
from .merge import Cluster, Clustering, cosine
from .recall_past import PAST_BONUS
from .rules import Rules

if TYPE_CHECKING:
    from .candidates import Candidate
    from .recall import Unit


@dataclass
class Voted(Signals):
    """`identity`'s signals and one more vote: the actions both name (`actions`)."""

    actions: float | None = None
    """share of the unit's actions the event's quotes name too (0: it names only others); None:
    one of them names none the table knows"""
    past: bool = False
    """its own date names the past month or year an event stands alone in (`recall_past`)"""

    def describe(self) -> str:
        said = "" if self.actions is None else f"actions {self.actions:.2f}; "
        said += "its date names the event's past month or year; " if self.past else ""
        return said + super().describe()


def action_part(s: Signals, rules: Rules) -> float:
    acts = getattr(s, "actions", None)
    if acts is None:
        return 0.0
    return rules.actions_weight * acts if acts else -rules.actions_clash_penalty


def recombine(s: Signals, rules: Rules) -> float:
    s.score = combine(s, rules) + action_part(s, rules) + (PAST_BONUS if getattr(s, "past", False) else 0.0)
    return s.score


def may_need_vectors(s: Signals, rules: Rules) -> bool:
    part = action_part(s, rules)
    verdict = needs_vectors(replace(s, bar=s.bar - part), rules)
    recombine(s, rules)
    return verdict


def vote_actions(
    s: Voted,
    u: Unit,
    acts: frozenset[str],
    known: dict[int, frozenset[str]],
    cl: Cluster,
    rules: Rules,
    refers: bool = False,
) -> None:
    """The actions' vote (`Voted.actions`), the event's actions read once from its distinct quotes.
    A unit whose dates only give context ("这是继上周火灾之后…的最新回应") names the action of what it
    refers back to: no vote — unless ``refers``: that context date names ``cl``'s own past month or
    year (`recall_past`), so what it refers back to is ``cl`` ("创2021年上市以来最大单日跌幅" and the
    listing of 2021), and the action it names votes for it."""
    if id(cl) not in known:
        table = actions()
        known[id(cl)] = frozenset(a for q in cl.quote_order for a in table.of(q))
    theirs = known[id(cl)]
    if acts and theirs and (u.timed or not u.periods or refers):
        s.actions = len(acts & theirs) / len(acts)
        recombine(s, rules)


def unit_signals(
    clustering: Clustering,
    c: Candidate,
    vec: dict[str, float],
    names: set[str],
    cl: Cluster,
    dated: bool,
    same_day: bool = False,
) -> Signals:
    """The vote of `identity`, the words compared with what the event as a whole says (not one
    quote); shared names across languages count only for a unit dated in the event's period
    (undated, the story's names alone would link it to any event: the vectors judge)."""
    r = clustering.rules
    lang = c.source.lang
    s = Voted(same_period=same_day, bar=r.recall_same_day_similarity if same_day else r.recall_similarity)
    s.words = cosine(vec, cl.words, cl.norm())
    if dated:
        s.crossing = cl.crossing(vec, lang, clustering.bridge)
    name_votes(s, names, cl.names, cl.names_by_lang.get(lang), clustering.idf, r.name_min_weight)
    combine(s, r)
    return s


@dataclass
class Tally:
    """An event's names counted by its distinct quotes (in how many each stands), read once per
    pass: the names of all its quotes but a few are then its count less those few's, not a new
    count over every quote (thousands, on a dense story: issue 24)."""

    where: dict[str, int]
    """each distinct quote's place in the event's lists"""
    names: Counter[str]
    by_lang: dict[str, Counter[str]]


def tally(cl: Cluster) -> Tally:
    t = Tally({}, Counter(), {})
    for i, (quote, names, lang) in enumerate(zip(cl.quote_order, cl.quote_names, cl.langs, strict=False)):
        t.where[quote] = i
        t.names.update(names)
        t.by_lang.setdefault(lang, Counter()).update(names)
    return t


def names_apart(
    s: Signals, clustering: Clustering, c: Candidate, cl: Cluster, held: set[str], t: Tally | None = None
) -> None:
    """The names vote of unit ``c`` against ``cl``'s quotes other than ``held`` (a passage of the
    unit's own article that holds it: "十二月三日,补考时间公布,考试院副院长陈志远被查。" quoted
    whole by the re-sit's event names the official it does not tell of).  ``t``: the event's
    `tally` (read here when not given); the cost is then the held quotes' and the names', never
    the event's quotes'."""
    t = t or tally(cl)
    gone: Counter[str] = Counter()
    gone_same: Counter[str] = Counter()
    for quote in held:
        i = t.where.get(quote)
        if i is not None:
            gone.update(cl.quote_names[i])
            if cl.langs[i] == c.source.lang:
                gone_same.update(cl.quote_names[i])
    mine = clustering.names_of(c)
    theirs = Counter({n: 1 for n in mine if t.names[n] > gone[n]})
    same = Counter({n: 1 for n, k in t.by_lang.get(c.source.lang, Counter()).items() if k > gone_same[n]})
    r = clustering.rules
    name_votes(s, mine, theirs, same, clustering.idf, r.name_min_weight)


def sole_action(compared: list[tuple[Cluster, Signals]], rules: Rules) -> None:
    """The one event naming every action an undated unit names, when no other it was compared
    with names any of them, is held to a lower bar (halfway from ``recall_similarity`` to
    ``recall_same_day_similarity``) if the unit passes it on its words and names.

    A later article refers back to a happening by its action alone ("随后多位员工和高管被处罚一事",
    with no date and few of the event's words): among the events the unit may report (found by its
    words, action words included, before its article), the action tells which.  Sentence vectors,
    asked later, judge against the ordinary bar: "the FA's decision leaves the league with 15 teams
    while the investigation runs" is near every event of the story."""
    named = [(cl, s) for cl, s in compared if getattr(s, "actions", None)]
    if len(named) != 1 or named[0][1].actions != 1.0:
        return
    s = named[0][1]
    lower = (rules.recall_similarity + rules.recall_same_day_similarity) / 2
    if s.score >= lower:
        s.bar = min(s.bar, lower)


@dataclass
class Memo:
    """What the pass reads once per event (the events' quotes are left as they are until its end)."""

    norms: dict[int, float] = field(default_factory=dict)
    """each quote vector's norm, by id (`best_cosine`)"""
    tallies: dict[int, Tally] = field(default_factory=dict)
    """each event's names by its quotes, by id (`tally`)"""

    def tally(self, cl: Cluster) -> Tally:
        t = self.tallies.get(id(cl))
        if t is None:
            t = self.tallies[id(cl)] = tally(cl)
        return t


def latest_apart(cl: Cluster, held: set[str]) -> list[dict[str, float]]:
    """The word vectors of the event's latest distinct quotes not in ``held``, at most
    ``cl.compared``: read from the end, so the cost is that many plus the held ones."""
    out: list[dict[str, float]] = []
    for i in range(min(len(cl.quote_order), len(cl.vectors)) - 1, -1, -1):
        if len(out) >= cl.compared:
            break
        if cl.quote_order[i] not in held:
            out.append(cl.vectors[i])
    return out


def best_cosine(a: dict[str, float], others: Iterable[dict[str, float]], norms: dict[int, float]) -> float:
    """``max(merge.cosine(a, b) for b in others)`` (``others`` not empty), the same float, with each
    ``b``'s norm read from ``norms`` (by ``id(b)``: the caller keeps every ``b`` alive and
    unchanged while ``norms`` lives) instead of summed again for each ``a``.  Exact: `merge.cosine`
    sums the same squares in the same order, and ``na * nb == nb * na`` in floating point."""
    na = math.sqrt(sum(w * w for w in a.values()))
    best = None
    for b in others:
        nb = norms.get(id(b))
        if nb is None:
            nb = norms[id(b)] = math.sqrt(sum(w * w for w in b.values()))
        short, long_ = (b, a) if len(a) > len(b) else (a, b)
        dot = sum(w * long_[t] for t, w in short.items() if t in long_)
        score = dot / (na * nb) if dot else 0.0
        if best is None or score > best:
            best = score
    if best is None:
        raise ValueError("best_cosine() of no vectors")
    return best
