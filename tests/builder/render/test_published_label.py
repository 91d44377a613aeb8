"""A source's publication time as pages show it: its own local time, whatever was shown before."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from types import SimpleNamespace

from sitegen.builder.render.pages import published_text


def source(when: datetime, precision: str = "minute") -> SimpleNamespace:
    return SimpleNamespace(published=when, published_precision=precision)


def test_the_same_instant_in_two_offsets_shows_two_local_times() -> None:
    beijing = datetime(2026, 1, 8, 20, 5, tzinfo=timezone(timedelta(hours=8)))
    london = beijing.astimezone(UTC)
    assert beijing == london  # one instant: a memo keyed by it would show one time for both
    assert published_text(source(beijing), "zh") == "2026年1月8日 20:05"
    assert published_text(source(london), "zh") == "2026年1月8日 12:05"
    assert published_text(source(london), "en") == "8 Jan 2026, 12:05"


def test_a_day_precise_time_shows_the_day_only() -> None:
    late = datetime(2026, 1, 8, 23, 59, tzinfo=timezone(timedelta(hours=-5)))
    assert published_text(source(late, "day"), "zh") == "2026年1月8日"
    assert published_text(source(late, "day"), "en") == "8 January 2026"
