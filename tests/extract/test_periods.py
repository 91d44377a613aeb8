"""`extract.periods.reach`: which dates' edges are loose when reports are compared, and by how much."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from sitegen.core.dates import When
from sitegen.extract.identity import Signals, combine
from sitegen.extract.merge import Cluster
from sitegen.extract.periods import DayEvents, reach, same_period, same_period_clusters
from sitegen.extract.rules import Rules

TZ = ZoneInfo("Asia/Shanghai")
DAY = datetime(2025, 10, 15, tzinfo=TZ)
RULES = Rules()


def span(when: When, rules: Rules | None = RULES) -> tuple[datetime, datetime]:
    return reach(when, when.period_end(), rules)


def test_an_exact_date_reaches_only_its_own_period() -> None:
    for when in (When(DAY, "day"), When(DAY.replace(hour=5), "hour"), When(DAY, "month")):
        assert span(when) == (when.start, when.period_end())


def test_a_time_of_day_reaches_an_hour_past_its_edges_but_stays_in_its_day() -> None:
    morning = When(DAY.replace(hour=6), "part-of-day", part_of_day="morning")
    lo, hi = span(morning)
    assert lo == morning.start - timedelta(hours=1) and hi == morning.period_end() + timedelta(hours=1)
    assert lo <= DAY.replace(hour=5) < hi  # 凌晨5时 and "Wednesday morning" may meet
    small_hours = When(DAY, "part-of-day", part_of_day="dawn")
    lo, hi = span(small_hours)
    assert lo == DAY  # never the day before
    night = When(DAY.replace(hour=21), "part-of-day", part_of_day="night")
    assert span(night)[1] <= DAY + timedelta(days=1)


def test_an_approximate_hour_reaches_an_hour_and_an_approximate_day_a_day() -> None:
    about_eleven = When(DAY.replace(hour=23), "hour", approximate=True)  # 11时许
    lo, hi = span(about_eleven)
    assert (lo, hi) == (DAY.replace(hour=22), DAY + timedelta(days=1))
    counted = When(DAY, "day", approximate=True)  # "72小时" before an evening
    assert span(counted) == (DAY - timedelta(days=1), DAY + timedelta(days=2))


def test_the_slack_is_a_setting_and_zero_turns_it_off() -> None:
    off = replace(Rules(), approximate_slack_days=0, part_of_day_slack_hours=0)
    morning = When(DAY.replace(hour=6), "part-of-day", part_of_day="morning")
    for when in (When(DAY, "day", approximate=True), morning):
        assert span(when, off) == (when.start, when.period_end())
    assert span(When(DAY, "day", approximate=True), None) == (DAY, DAY + timedelta(days=1))


def test_same_period_of_two_events_is_one_calendar_day_or_one_stated_year() -> None:
    class Ev:
        def __init__(self, lo: datetime, hi: datetime, precision: str) -> None:
            self.lo, self.hi, self.precision = lo, hi, precision

    a = Ev(DAY.replace(hour=6), DAY.replace(hour=11), "part-of-day")
    b = Ev(DAY.replace(hour=20), DAY.replace(hour=21), "hour")
    c = Ev(DAY + timedelta(days=1), DAY + timedelta(days=2), "day")
    assert same_period_clusters(a, b) and not same_period_clusters(a, c)  # type: ignore[arg-type]


def test_one_part_of_a_month_stated_alike_is_one_period_however_worded() -> None:
    late = datetime(2026, 2, 21, tzinfo=TZ), datetime(2026, 3, 1, tzinfo=TZ)  # 2月下旬
    said = When(late[0], "day", approximate=True)  # "late last month": approximate, the same days
    event = _event(*late, "day")
    assert same_period(said, late[1], event)
    assert same_period_clusters(event, _event(*late, "day"))
    mid = _event(datetime(2026, 2, 11, tzinfo=TZ), datetime(2026, 2, 21, tzinfo=TZ), "day")
    assert not same_period(said, late[1], mid) and not same_period_clusters(event, mid)
    # a stretch across two months is no part of one
    across = datetime(2026, 2, 25, tzinfo=TZ), datetime(2026, 3, 5, tzinfo=TZ)
    assert not same_period(When(across[0], "day"), across[1], _event(*across, "day"))


def _event(lo: datetime, hi: datetime, precision: str) -> Cluster:
    return Cluster(lo=lo, hi=hi, precision=precision)


def test_a_month_holding_one_event_of_a_day_agrees_with_it_and_one_holding_two_with_neither() -> None:
    days = DayEvents()
    sept = When(datetime(2025, 9, 1, tzinfo=TZ), "month")
    sept_end = sept.period_end()
    check = _event(datetime(2025, 9, 26, tzinfo=TZ), datetime(2025, 9, 27, tzinfo=TZ), "day")
    days.add(check)
    days.add(check)  # registered once, however often it grows
    assert days.sole(sept, sept_end, check)
    october = When(datetime(2025, 10, 1, tzinfo=TZ), "month")
    assert not days.sole(october, october.period_end(), check)  # not within it
    assert not days.sole(replace(sept, approximate=True), sept_end, check)  # "about September"
    whole = _event(datetime(2025, 9, 1, tzinfo=TZ), sept_end, "month")
    assert days.sole_clusters(whole, check) and days.sole_clusters(check, whole)
    # a second happening dated to a day of September: the month says nothing about which
    other = _event(datetime(2025, 9, 3, tzinfo=TZ), datetime(2025, 9, 4, tzinfo=TZ), "day")
    days.add(other)
    assert not days.sole(sept, sept_end, check) and not days.sole_clusters(whole, check)
    days.drop(other)  # merged into another: it no longer counts
    assert days.sole(sept, sept_end, check)
    # a day is never "sole" against a day: same_period judges those
    assert not days.sole(When(datetime(2025, 9, 26, tzinfo=TZ), "day"), check.hi, check)


def test_days_of_a_month_holding_one_event_of_a_day_agree_with_it() -> None:
    """1月中旬 (11th to 20th) and the withdrawal "yesterday" on the 14th: one event within them."""
    days = DayEvents()
    lo, hi = datetime(2026, 1, 11, tzinfo=TZ), datetime(2026, 1, 21, tzinfo=TZ)
    mid = When(lo, "day", end=hi)
    pulled = _event(datetime(2026, 1, 14, tzinfo=TZ), datetime(2026, 1, 15, tzinfo=TZ), "day")
    days.add(pulled)
    assert days.sole(mid, hi, pulled)
    ranged = _event(lo, hi, "day")
    assert days.sole_clusters(ranged, pulled) and days.sole_clusters(pulled, ranged)
    assert not days.sole(replace(mid, approximate=True), hi, pulled)  # "around mid-January"
    # the 3rd holds another: outside the days, it changes nothing; within them, neither is it
    days.add(_event(datetime(2026, 1, 3, tzinfo=TZ), datetime(2026, 1, 4, tzinfo=TZ), "day"))
    assert days.sole(mid, hi, pulled)
    days.add(_event(datetime(2026, 1, 18, tzinfo=TZ), datetime(2026, 1, 19, tzinfo=TZ), "day"))
    assert not days.sole(mid, hi, pulled) and not days.sole_clusters(ranged, pulled)
    # days across two months are not a part of one
    across = When(datetime(2026, 1, 28, tzinfo=TZ), "day", end=datetime(2026, 2, 4, tzinfo=TZ))
    assert not days.sole(across, across.period_end(), pulled)


def test_the_only_event_of_the_month_is_a_small_vote_and_says_so() -> None:
    rules = Rules()
    plain = Signals(vectors=0.51, bar=rules.same_period_similarity)
    sole = Signals(vectors=0.51, bar=rules.same_period_similarity, sole=True)
    assert combine(sole, rules) - combine(plain, rules) == pytest.approx(rules.sole_event_bonus)
    assert sole.joined and not plain.joined
    assert "only event dated within its month" in sole.describe()
