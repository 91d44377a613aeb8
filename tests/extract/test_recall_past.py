"""A past happening named by its month or year (`sitegen.extract.recall_past`): the second citing
pass holds a unit naming the past month or year an event stands alone in to the same-day bar."""

from __future__ import annotations

from datetime import datetime

from sitegen.extract.merge import Cluster
from sitegen.extract.recall_past import PAST_BONUS, PastPeriods, vote
from sitegen.extract.recall_vote import Voted, recombine
from sitegen.extract.rules import Rules

OCTOBER = (datetime(2025, 10, 1), datetime(2025, 11, 1))
YEAR_2016 = (datetime(2016, 1, 1), datetime(2017, 1, 1))
PUBLISHED = datetime(2026, 3, 9, 9)


def event(lo: datetime, hi: datetime) -> Cluster:
    cl = Cluster()
    cl.lo, cl.hi = lo, hi
    return cl


def story(*periods: tuple[datetime, datetime]) -> tuple[list[Cluster], PastPeriods]:
    clusters = [event(*p) for p in periods]
    return clusters, PastPeriods(clusters)


def test_a_unit_naming_the_month_an_event_stands_alone_in_names_it() -> None:
    march_9 = (datetime(2026, 3, 9), datetime(2026, 3, 10))
    (email, built, day), past = story(OCTOBER, YEAR_2016, march_9)
    assert past.names([march_9, OCTOBER], email, PUBLISHED)  # "told on Monday that … in October"
    assert past.names([YEAR_2016], built, PUBLISHED)
    assert not past.names([OCTOBER], built, PUBLISHED)  # another period
    assert not past.names([march_9], day, PUBLISHED)  # a day: `recall_dates.same_day` asks that


def test_not_when_another_event_is_dated_within_the_period_nor_when_it_is_not_past() -> None:
    (email, _), past = story(OCTOBER, (datetime(2025, 10, 20), datetime(2025, 10, 21)))
    assert not past.names([OCTOBER], email, PUBLISHED)  # which of the two would it be?
    (email,), past = story(OCTOBER)
    assert not past.names([OCTOBER], email, datetime(2025, 10, 20))  # the month is still running
    assert not past.names([], email, PUBLISHED)  # an undated unit


def test_the_vote_lowers_the_bar_and_is_kept_when_the_signals_are_scored_again() -> None:
    rules = Rules()
    s = Voted(bar=rules.recall_similarity, vectors=0.47)
    before = recombine(s, rules)
    assert before < s.bar  # the vectors alone: kept out
    vote(s, rules)
    assert s.bar == rules.recall_same_day_similarity
    assert recombine(s, rules) == before + rules.sole_event_bonus + PAST_BONUS
    assert s.joined
    assert recombine(s, rules) == s.score  # the vectors' vote added later keeps it
    assert "past month or year" in s.describe()
    nothing = Voted(bar=rules.recall_similarity)
    vote(nothing, rules)
    recombine(nothing, rules)
    assert not nothing.joined  # the date alone joins nothing
