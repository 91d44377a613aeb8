"""Is this report the same happening as that event?  Several signals, each one vote.

No single signal decides identity.  Measured on invented bilingual stories with
an editor's gold, sentence vectors alone link only about half the true pairs at
a 11–18 % false-link rate, and shared words alone never link a Chinese report to
an English one.  So a report is compared with an event *as a whole* (all its
distinct quotes, their words pooled, the centre of their vectors) on:

* ``words``   — idf-weighted cosine of content words (the same language only);
* ``crossing``— share of the words both languages write alike (names linked by
  pinyin or the gazetteer, "5G") found in the event's quotes in the other language;
* ``vectors`` — cosine of multilingual sentence vectors (`embed`), asked for only
  when the words leave the question open;
* ``names``   — share of the report's names (people, organisations, places, in
  either script) the event names too; a report whose names are all *different*
  from the event's (``clash``) is another happening of the same day, however
  alike the wording ("X was summoned", "Y was summoned").

The votes add up to one ``score`` compared with a bar (`Rules`): lower when both
dates fall in one day, or one year, as the sources state them.  `Signals` keeps
every value so ``--explain`` can print why two reports were merged or kept apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import Rules


@dataclass
class Signals:
    words: float = 0.0
    crossing: float = 0.0
    vectors: float | None = None
    """None when not computed (the words decided) or the model is absent"""
    names: float = 0.0
    clash: bool = False
    same_period: bool = False
    score: float = 0.0
    bar: float = 0.0

    @property
    def joined(self) -> bool:
        return self.score >= self.bar

    @property
    def margin(self) -> float:
        return self.score - self.bar

    def describe(self) -> str:
        vec = "—" if self.vectors is None else f"{self.vectors:.2f}"
        return (
            f"words {self.words:.2f}, across languages {self.crossing:.2f}, vectors {vec}, "
            f"names {self.names:.2f}{' (different names)' if self.clash else ''}, "
            f"{'same day' if self.same_period else 'overlapping dates'}: "
            f"score {self.score:.2f} vs bar {self.bar:.2f}"
        )


def bar(rules: Rules, same_period: bool, founding: bool) -> float:
    if not founding:
        return rules.attach_similarity
    return rules.same_period_similarity if same_period else rules.merge_similarity


def lexical(s: Signals, rules: Rules) -> float:
    """The words' vote: same-language cosine, or the crossing share scaled to it."""
    return max(s.words, rules.crossing_weight * s.crossing)


def combine(s: Signals, rules: Rules) -> float:
    """All votes as one score (see the module's docstring); sets ``s.score``."""
    score = lexical(s, rules) + rules.names_weight * s.names
    if s.vectors is not None:
        score += rules.vectors_weight * (s.vectors - rules.vectors_neutral)
    if s.clash:
        score -= rules.clash_penalty
    s.score = score
    return score


def needs_vectors(s: Signals, rules: Rules) -> bool:
    """Would the vectors' vote change the verdict?  (Most comparisons are clear from words.)"""
    without = combine(s, rules)
    reach = rules.vectors_weight * (1.0 - rules.vectors_neutral)
    low = rules.vectors_weight * rules.vectors_neutral
    return without - low < s.bar <= without + reach
