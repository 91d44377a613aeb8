"""A night's work told to its end in one sentence: the morning's date dates no happening of its own
(`overnight.night_ends`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.extract.overnight import night_ends
from sitegen.extract.temporal.find import find_times

TZ = ZoneInfo("Asia/Shanghai")
PUBLISHED = datetime(2026, 3, 9, 10, tzinfo=TZ)


def _ends(text: str, lang: str = "zh") -> list[str]:
    dated = [
        m for m in find_times(text, PUBLISHED, lang=lang) if m.when is not None and m.kind != "not-event"
    ]
    return [m.text for m in night_ends(text, dated)]


def test_the_morning_that_ends_a_nights_work_is_no_date_of_its_own() -> None:
    assert _ends("昨晚矿井透水后，救援队彻夜抽水，今晨5时许最后一名矿工升井。") == ["今晨5时许"]
    assert _ends(
        "The dam burst on Sunday night and crews worked through the night, reaching the village at 6am on Monday.",
        "en",
    ) == ["6am on Monday"]


def test_without_night_work_or_a_day_apart_the_dates_stay() -> None:
    # no word of work carried through the night: two happenings
    assert _ends("昨晚矿井透水，今晨5时许矿主被警方控制。") == []
    # a morning two days on is no end of that night
    assert _ends("3月6日晚矿井透水后，救援队连夜抽水，3月8日上午最后一名矿工升井。") == []
