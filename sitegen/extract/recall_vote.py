"""The second citing pass's vote (`recall`): `identity`'s signals plus the actions both name.

A unit (a sentence or clause) is compared with what an event says as a whole, not with one of
its quotes.  The actions' vote is read from the event's distinct quotes once per pass; a unit
whose dates only give context names the action of what it refers back to, so it casts none.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .actions import actions
from .identity import Signals, combine, name_votes, needs_vectors
from .merge import Cluster, Clustering, cosine
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

    def describe(self) -> str:
        said = "" if self.actions is None else f"actions {self.actions:.2f}; "
        return said + super().describe()


def action_part(s: Signals, rules: Rules) -> float:
    acts = getattr(s, "actions", None)
    if acts is None:
        return 0.0
    return rules.actions_weight * acts if acts else -rules.actions_clash_penalty


def recombine(s: Signals, rules: Rules) -> float:
    s.score = combine(s, rules) + action_part(s, rules)
    return s.score


def may_need_vectors(s: Signals, rules: Rules) -> bool:
    part = action_part(s, rules)
    verdict = needs_vectors(replace(s, bar=s.bar - part), rules)
    recombine(s, rules)
    return verdict


def vote_actions(
    s: Voted, u: Unit, acts: frozenset[str], known: dict[int, frozenset[str]], cl: Cluster, rules: Rules
) -> None:
    """The actions' vote (`Voted.actions`), the event's actions read once from its distinct quotes.
    A unit whose dates only give context ("这是继上周火灾之后…的最新回应") names the action of what it
    refers back to: no vote."""
    if id(cl) not in known:
        table = actions()
        known[id(cl)] = frozenset(a for q in cl.quote_order for a in table.of(q))
    theirs = known[id(cl)]
    if acts and theirs and (u.timed or not u.periods):
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


def names_apart(s: Signals, clustering: Clustering, c: Candidate, cl: Cluster, held: set[str]) -> None:
    """The names vote of unit ``c`` against ``cl``'s quotes other than ``held`` (a passage of the
    unit's own article that holds it: "十二月三日,补考时间公布,考试院副院长陈志远被查。" quoted
    whole by the re-sit's event names the official it does not tell of)."""
    theirs: Counter[str] = Counter()
    same: Counter[str] = Counter()
    for quote, names, lang in zip(cl.quote_order, cl.quote_names, cl.langs, strict=False):
        if quote not in held:
            theirs.update(names)
            if lang == c.source.lang:
                same.update(names)
    r = clustering.rules
    name_votes(s, clustering.names_of(c), theirs, same, clustering.idf, r.name_min_weight)


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
