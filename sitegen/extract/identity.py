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

A date that only names a thing ("3月2日的发布会", "Saturday's paper") names a happening of
that date: when the event's quotes tell of that thing (新品发布会) and the dates meet,
``named`` is a vote for, whatever else the sentence says (价格标错).

A sentence that names no one and restates the time of day of a sentence before it in its
article ("…晚11时许…发生泄漏。泄漏已于当晚得到控制") goes on telling that happening:
``continues`` is a vote for, and the other sentence's being in the event is no ``sibling``.

Three disagreements count against, whatever the wording:

* ``sibling`` — the event already quotes another sentence (or clause) of the same
  article, not a copy of this one: an article that dates two sentences of one day
  separately most often tells two happenings ("4月6日中午…学生呕吐送医。当天下午…封存");
* ``another_action`` — dates that only overlap (a week, the days of a count) and a report
  naming actions, none of them the event's (`another_action`): its words may match a quote's
  back-reference ("took over …, two days after police detained its former chairman");
* ``times_differ`` — both state a time of day and neither contains the other
  (中午 and 下午, morning and afternoon; 晚 and 深夜 agree): overlapping periods are not
  one time.  Both stating one time of day (上午 and "Tuesday morning") is a small vote for.

The votes add up to one ``score`` compared with a bar (`Rules`): lower when both
dates fall in one day, or one year, as the sources state them, or when one is a month (or a
year) and the other the only event the sources date to a day within it (``sole``, a small vote
for too: "in September" and 9月26日 agree as far as the coarser date can tell).  `Signals` keeps
every value so ``--explain`` can print why two reports were merged or kept apart.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from ..core.dates import PRECISIONS, When
from .actions import actions
from .idf import floor as idf_floor
from .rules import Rules

if TYPE_CHECKING:
    from .candidates import Candidate
    from .merge import Cluster

Times = list[tuple[datetime, datetime]]
"""The times of day an event's quotes state, as periods"""
SUB_DAY = PRECISIONS[PRECISIONS.index("part-of-day") :]


def time_of_day(when: When | None) -> tuple[datetime, datetime] | None:
    """The period of a date finer than a day (中午, 20:00), else None.  A clock time's hour stops
    at midnight: 23时40分 lies within its day's late night (深夜, "late on Friday")."""
    if when is None or when.precision not in SUB_DAY or when.is_range:
        return None
    if when.precision == "part-of-day":
        return when.start, when.unit_end()
    midnight = when.start.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    return when.start, min(when.start + timedelta(hours=1), midnight)


def times_differ(mine: tuple[datetime, datetime] | None, theirs: Times) -> bool:
    """Both state a time of day and none of theirs contains mine or lies within it."""
    if mine is None or not theirs:
        return False
    a, b = mine
    return not any((lo <= a and b <= hi) or (a <= lo and hi <= b) for lo, hi in theirs)


@dataclass
class Signals:
    words: float = 0.0
    crossing: float = 0.0
    vectors: float | None = None
    """None when not computed (the words decided) or the model is absent"""
    names: float = 0.0
    clash: bool = False
    same_period: bool = False
    sole: bool = False
    """its date is a month (or year) holding no other event dated to a day (`periods.DayEvents`)"""
    sibling: bool = False
    times_differ: bool = False
    times_agree: bool = False
    named: bool = False
    continues: bool = False
    action_shared: float = 0.0
    """share of the report's actions the event's quotes in the other language name too, on
    the same day, or in any language for a report dated by a year only (`same_action`)"""
    another_action: bool = False
    """dates that only overlap, and the report names only actions the event's quotes do not
    (`another_action`)"""
    beside: bool = False
    """both tell, in the rest of a sentence, the same other happening (`beside`)"""
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
            f"{'another sentence of the same article, ' if self.sibling else ''}"
            f"{'different times of day, ' if self.times_differ else ''}"
            f"{'the same time of day, ' if self.times_agree else ''}"
            f"{'another action than the event tells, ' if self.another_action else ''}"
            f"{'its date names what the event tells, ' if self.named else ''}"
            f"{'goes on telling a sentence of the event, ' if self.continues else ''}"
            f"{'told beside the same other happening, ' if self.beside else ''}"
            f"{f'the same action {self.action_shared:.2f}, ' if self.action_shared else ''}"
            f"{'the only event dated within its month (or year), ' if self.sole else ''}"
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
    if s.sibling:
        score -= rules.sibling_penalty
    if s.times_differ:
        score -= rules.times_differ_penalty
    if s.another_action:
        score -= rules.another_action_penalty
    if s.times_agree:
        score += rules.times_agree_bonus
    if s.sole:
        score += rules.sole_event_bonus
    if s.named:
        score += rules.named_bonus
    if s.continues:
        score += rules.continues_bonus
    if s.beside:
        score += rules.beside_bonus
    score += rules.same_action_weight * s.action_shared
    s.score = score
    return score


def same_action(
    mine: frozenset[str],
    langs: list[str],
    acts: list[frozenset[str]],
    lang: str,
    counts: ActionCounts | None = None,
) -> float:
    """Share of a report's actions (an apology, a sentence, a takeover: `actions`) that the
    event's quotes in *another* language name as its action: named by at least half of those
    of them that name any (``lang`` "": the quotes of every language — merging asks so for a
    report dated by a year only, where one language's two words for one action, 交付使用 and
    交屋, are the evidence there is: a year holds few happenings of one action).

    Within one language the action's own word is among the words compared, so it votes there
    already; across languages only names link two reports, and many reports name none a rule
    can link (a nickname, a Cantonese spelling, a name cut wrong).  It is asked only for dates
    in one period as the sources state them (`periods.same_period`): several happenings of one
    day are different actions most often (the detention and the suspension, the fire and the
    shares' fall).  One quote that tells two ("shares plunged after the fire") does not make
    the event's action both: an action counts when most of its quotes name it."""
    if not mine:
        return 0.0
    if counts is not None:
        main = counts.main(langs, acts, but=lang)
    else:
        main = main_actions(a for other, a in zip(langs, acts, strict=True) if other != lang)
    return len(mine & main) / len(mine) if main else 0.0


@dataclass
class ActionCounts:
    """An event's `main_actions`, counted as its distinct quotes come (``langs`` and ``acts`` are
    only ever appended to): the same sets as counting them all again, but each comparison then
    costs the languages and actions, not the event's quotes — thousands on a dense story, where
    recounting them for every report compared made merging quadratic (issue 24)."""

    seen: int = 0
    counts: dict[str, Counter[str]] = field(default_factory=dict)
    """per language of the quotes: how many name each action"""
    naming: Counter[str] = field(default_factory=Counter)
    """per language: how many quotes name any"""

    languages: set[str] = field(default_factory=set)
    """the languages of the quotes"""

    def _catch_up(self, langs: list[str], acts: list[frozenset[str]]) -> None:
        for i in range(self.seen, len(acts)):
            self.languages.add(langs[i])
            if acts[i]:
                self.counts.setdefault(langs[i], Counter()).update(acts[i])
                self.naming[langs[i]] += 1
        self.seen = len(acts)

    def other_language(self, langs: list[str], acts: list[frozenset[str]], lang: str) -> bool:
        """Is any quote in another language than ``lang``?"""
        self._catch_up(langs, acts)
        return any(other != lang for other in self.languages)

    def main_in(self, langs: list[str], acts: list[frozenset[str]], lang: str) -> set[str]:
        """`main_actions` of the quotes in language ``lang``."""
        self._catch_up(langs, acts)
        counted, naming = self.counts.get(lang, Counter()), self.naming[lang]
        return {a for a, n in counted.items() if 2 * n >= naming}

    def main(self, langs: list[str], acts: list[frozenset[str]], but: str | None = None) -> set[str]:
        """`main_actions` of the quotes not in language ``but``."""
        self._catch_up(langs, acts)
        total: Counter[str] = Counter()
        naming = 0
        for lang, counted in self.counts.items():
            if lang != but:
                total.update(counted)
                naming += self.naming[lang]
        return {a for a, n in total.items() if 2 * n >= naming}


def main_actions(acts: Iterable[frozenset[str]]) -> set[str]:
    """The actions at least half of the quotes naming any name."""
    counts: Counter[str] = Counter()
    naming = 0
    for a in acts:
        if a:
            counts.update(a)
            naming += 1
    return {a for a, n in counts.items() if 2 * n >= naming}


def another_action(
    mine: frozenset[str],
    acts: list[frozenset[str]],
    counts: ActionCounts | None = None,
    langs: list[str] | None = None,
) -> bool:
    """Does the report name actions and the event's quotes (most of those naming any) only
    others?  A month holding one event dated to a day (`periods.DayEvents.sole`) says the month's
    report may be that event; a report of a dismissal is not the day's withdrawal of a lot for
    that, whatever the month holds."""
    if not mine:
        return False
    main = counts.main(langs, acts) if counts is not None and langs is not None else main_actions(acts)
    return bool(main) and not (mine & main)


def own_apart(mine: frozenset[str], theirs: Iterable[str]) -> bool:
    """Does one of two tellings, both naming actions, name an action the table marks
    ``own_clause`` that the other does not (an appeal beside the ruling it appeals: "将就一审判决
    提起上诉" names the ruling only as what it appeals; a market's fall beside its cause)?  Then
    they tell two happenings, on one day too: merging counts it against them (``another_action``)
    however alike their words and dates, and a sentence naming it goes on telling no other.
    An action marked ``apart_alone`` does so when the two share no action at all (a sponsor
    ending its deal beside a shelving: not beside an apology that ends the deal too)."""
    theirs = frozenset(theirs)
    if not (mine and theirs):
        return False
    table = actions()
    return bool((mine ^ theirs) & table.own_clause) or (
        not mine & theirs and bool((mine | theirs) & table.apart_alone)
    )


def apart_in_language(
    mine: frozenset[str], lang: str, counts: ActionCounts, langs: list[str], acts: list[frozenset[str]]
) -> bool:
    """Does a report name none of the actions the event's quotes *in its language* name (most of
    those naming any), and one the table marks ``apart_from`` one of theirs (a halt beside an
    apology)?  Then, on one day too, it tells another happening (``another_action``): "工厂自4月12日
    起停产整顿" is not the same day's "董事长公开道歉".  Only within one language: the table may
    miss one language's word for an action ("暂停冲刺班" for "suspended its classes"), and a
    report across languages would then seem to name another."""
    if not mine:
        return False
    theirs = counts.main_in(langs, acts, lang)
    return bool(theirs) and not mine & theirs and actions().pair_apart(mine, frozenset(theirs))


def scene_of(mine: frozenset[str], names: Iterable[str], main: Iterable[str], quotes: int) -> bool:
    """Is an event of one sentence that names no action and no one (``quotes`` 1) the scene of
    another event, whose quotes (most of those naming any) name an action?  Another sentence
    of its article in that event is then no sign of another happening (``sibling``): "记者昨日下午在
    工厂门口看到,大门紧闭" describes the act its article tells ("工厂自4月12日起停产整顿"); two
    sentences each telling an act ("学生呕吐送医", "封存") stay two happenings, and so do events
    of several quotes (measured on the gold dumps: with them, two days' happenings merged)."""
    return quotes == 1 and not mine and not set(names) and bool(set(main))


def needs_vectors(s: Signals, rules: Rules) -> bool:
    """Would the vectors' vote change the verdict?  (Most comparisons are clear from words.)"""
    without = combine(s, rules)
    reach = rules.vectors_weight * (1.0 - rules.vectors_neutral)
    low = rules.vectors_weight * rules.vectors_neutral
    return without - low < s.bar <= without + reach


RAREST = 99.0
"""idf rank of a term the dump never had (it is the rarest)"""


def name_votes(
    s: Signals,
    mine: Iterable[str],
    theirs: Counter[str],
    same_script: Counter[str] | None,
    idf: dict[str, float],
    min_weight: float = 0.25,
) -> None:
    """Share of the report's telling names the event states too; all different from those its
    quotes in the report's language state is a clash (across scripts a name may be written so
    differently — 乐途出行, Wayfare Mobility — that no rule links them).

    A name weighs by how rare it is in the dump beyond the commonest word (``idf`` minus its
    floor): the story's protagonist, named by every source, tells no two happenings apart;
    names weighing no more than ``min_weight`` (`Rules.name_min_weight`) do not vote.
    """
    floor = idf_floor(idf)
    weights = {n: idf.get(n, RAREST) - floor for n in mine}
    total = sum(w for w in weights.values() if w > min_weight)
    if not total:
        return
    shared = sum(w for n, w in weights.items() if w > min_weight and n in theirs)
    s.names = shared / total
    s.clash = not shared and any(idf.get(n, RAREST) - floor > min_weight for n in same_script or ())


def names_the_event(c: Candidate, end: datetime | None, cl: Cluster, rules: Rules) -> bool:
    """Does the thing the candidate's date names ("3月2日的发布会") stand in the event's quotes
    (新品发布会), the event being dated as precisely as that date (give or take the slack loose
    dates have: `Rules.approximate_slack_days` each side)?  An event of a week ("本月早些时候…在
    发布会上") that mentions the thing too is no more likely the one named."""
    if not c.named or c.when is None or end is None or cl.lo is None or cl.hi is None:
        return False
    slack = timedelta(days=2 * rules.approximate_slack_days)
    return cl.hi - cl.lo <= end - c.when.start + slack and any(t in cl.words for t in c.named)


def continued_by(cl: Cluster, c: Candidate, names: set[str]) -> bool:
    """Does the candidate go on telling a sentence of the event: its date counted from a date
    of that sentence and restating its time of day ("泄漏已于当晚得到控制" after "10月14日晚11
    时许…发生泄漏"; `candidates.Candidate.continues_at`), naming no one (its subject is that
    sentence's)?  Then it is no other happening of the article's.  A sentence that names its
    own actor, or dates itself by the day alone ("同日,省纪委监委通报…", "当天,市监管局封存…"),
    may well be one."""
    at = c.continues_at
    spans = cl.spans.get(c.source.id, ())
    if at is not None and not names and any(sp.start <= at < sp.end for sp, _ in spans):
        # unless it names an action of its own ("当晚…将提起上诉" after "昨日…判决"): another happening
        return not any(own_apart(c.acts(), actions().of(q)) for sp, q in spans if sp.start <= at < sp.end)
    # or one of its quotes goes on telling the candidate's sentence, naming no action apart from
    # it ("今日…宣布…延期" before "当晚，…终止…协议" in the event: the exit is that evening's own)
    if not any(c.quote_span.start <= a < c.quote_span.end for a in cl.continuing.get(c.source.id, ())):
        return False
    return not any(own_apart(c.acts(), actions().of(q)) for _, q in spans)


def goes_on_telling(one: Cluster, other: Cluster) -> bool:
    """Does a quote of one go on telling a sentence the other quotes (`continued_by`), the
    article's sentences in the one naming no action apart from that sentence's (`own_apart`:
    "当晚，…终止…协议" goes on from "今日…宣布…延期", and tells the evening's own happening)?"""
    table = actions()
    for a, b in ((one, other), (other, one)):
        for sid, offsets in a.continuing.items():
            mine = [table.of(q) for _, q in a.spans.get(sid, ())]
            for sp, q in b.spans.get(sid, ()):
                if any(sp.start <= at < sp.end for at in offsets) and not any(
                    own_apart(m, table.of(q)) for m in mine
                ):
                    return True
    return False


@dataclass
class Bridge:
    """How quotes in different languages are compared: only through words both languages use."""

    words: set[str] = field(default_factory=set)
    """names linked across languages (by the gazetteer or pinyin) and Latin-letter words that
    Chinese sources use too (PM2.5, 5G)"""
    floor: float = 0.0
    """the weight of a word every source has (see `share`)"""

    def crosses(self, term: str) -> bool:
        return term in self.words

    def share(self, a: dict[str, float], b: dict[str, float]) -> float:
        """Weight of the crossing words both quotes have, over the mean weight of each one's.

        Weights are idf above ``floor`` (the weight of a word in every source): the story's
        protagonist, named in every report, links no two happenings across languages.
        """
        wa = {t: w - self.floor for t, w in a.items() if self.crosses(t)}
        wb = {t: w - self.floor for t, w in b.items() if self.crosses(t)}
        shared = [t for t in wa if t in wb]
        if not shared:
            return 0.0
        total = (sum(wa.values()) + sum(wb.values())) / 2
        return sum(min(wa[t], wb[t]) for t in shared) / total if total > 0 else 0.0
