"""The second citing pass's vote (`recall`): `identity`'s signals plus the actions both name.

A unit (a sentence or clause) is compared with what an event says as a whole, not with one of
its quotes.  The actions' vote is read from the event's distinct quotes once per pass; a unit
whose dates only give context names the action of what it refers back to, so it casts none.
"""

from __future__ import annotations

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
