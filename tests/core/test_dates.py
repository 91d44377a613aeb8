"""Tests for fixes made to sitegen.core.dates (the shared date model)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.core.dates import When, calendar_end

SHANGHAI = ZoneInfo("Asia/Shanghai")


def day_range(first: tuple[int, int, int], end: tuple[int, int, int]) -> When:
    return When(datetime(*first, tzinfo=SHANGHAI), "day", datetime(*end, tzinfo=SHANGHAI))


def test_zh_day_range_across_a_year_names_both_years() -> None:
    w = day_range((2025, 12, 30), (2026, 1, 3))
    assert w.label("zh") == "2025年12月30日至2026年1月2日"
    assert w.label("en") == "30 December 2025 – 2 January 2026"


def test_zh_day_range_within_a_year_stays_short() -> None:
    assert day_range((2026, 1, 5), (2026, 1, 8)).label("zh") == "2026年1月5日至7日"
    assert day_range((2026, 1, 30), (2026, 2, 3)).label("zh") == "2026年1月30日至2月2日"


def test_the_last_day_of_the_calendar_has_an_end() -> None:
    """9999-12-31 has no next day: its period ends at the calendar's last instant, not an OverflowError."""
    last_day = When(datetime(9999, 12, 31, tzinfo=SHANGHAI), "day")
    assert last_day.period_end() == calendar_end(SHANGHAI)
    assert last_day.to_fields() == {"date": "9999-12-31", "precision": "day"}
    year = When(datetime(9999, 1, 1, tzinfo=SHANGHAI), "year")
    assert year.overlaps(last_day) and year.label("en")
    span = When(datetime(9999, 12, 1, tzinfo=SHANGHAI), "day", calendar_end(SHANGHAI))
    assert span.until_iso() == "9999-12-31"


def test_the_first_day_of_the_calendar() -> None:
    first = When(datetime(1, 1, 1, tzinfo=SHANGHAI), "day")
    assert first.to_fields() == {"date": "0001-01-01", "precision": "day"}
    assert first.period_end() == datetime(1, 1, 2, tzinfo=SHANGHAI)
