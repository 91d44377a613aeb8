"""One night told as two groups of outlets — the late evening of one day, the small hours of the
next — is one happening (`sitegen.extract.nights`): the evening's event joins the event more
outlets tell, its dates noted as dissents."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from .test_extract_units import source
from .test_identity import run

SMALL_HOURS = [
    "6月8日凌晨,网上出现疑似临江市中考数学试卷照片,多个考生群转发。",
    "今日凌晨1时许,有网友在微博发布多张疑似临江市中考数学试卷的照片。",
    "6月8日凌晨,疑似临江中考数学试卷照片在网上流传,考生群纷纷转发。",
]
LATE = [
    "6月7日深夜,一个数百人的考生群里开始流传多张临江中考数学试卷照片。",
    "6月7日深夜,临江中考数学试卷照片开始在考生群里流传。",
]
OTHER_EVENING = "6月7日晚,临江市教育局召开会议,部署中考安全保卫工作,要求严防试卷泄露。"


def dump(evening: list[str]) -> list:
    early = [source(n, text, day=8) for n, text in enumerate(SMALL_HOURS, 1)]
    return [*early, *(source(n, text, day=8) for n, text in enumerate(evening, 4))]


def test_the_late_evening_and_the_small_hours_of_one_night_are_one_entry(tmp_path: Path) -> None:
    out = run(tmp_path, dump(LATE))
    (event,) = out.events
    assert {c.source for c in event.sources} == {f"s{n}" for n in range(1, 6)}
    assert event.when.start.date() == datetime(2025, 6, 8).date()  # the date more outlets give
    assert event.note and "6月7日深夜" in event.note  # the evening noted as a dissent
    assert any("evening before joined" in n for n in out.notes)


def test_without_the_rule_the_evening_is_an_entry_of_its_own(tmp_path: Path) -> None:
    assert len(run(tmp_path, dump(LATE), "late_night_from = 24\n").events) == 2
    assert len(run(tmp_path / "b", dump(LATE), "small_hours_until = 0\n").events) == 2


def test_another_happening_of_the_evening_stays_apart(tmp_path: Path) -> None:
    out = run(tmp_path, dump([OTHER_EVENING, OTHER_EVENING.replace("召开会议", "开会")]))
    assert len(out.events) == 2
    assert not any("evening before joined" in n for n in out.notes)
