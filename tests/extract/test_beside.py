"""Told beside one happening in two languages: one older happening, one entry (`beside`), and what
an announcement made public after its colon is its quote's (`announced`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from sitegen.core.dates import When
from sitegen.extract.announced import runs_through

from .test_extract_units import source
from .test_identity import run

TZ = ZoneInfo("Asia/Shanghai")

# the regulator's finding (June 9), each report telling beside it what was signed off in May
FOUND_ZH = (
    "6月9日，临江市质监局公布电梯事故调查结果：维保公司未按规定于5月实施年度检修，但维保记录显示已完成。"
)
FOUND_EN = (
    "The Linjiang market regulator said on June 9 that the annual overhaul of the elevator was never carried "
    "out by its maintenance contractor, though a logbook signed in May recorded it as done."
)
MORE_ZH = "6月9日，临江市质监局通报，电梯坠落事故系维保公司未实施年度检修所致。"
MORE_EN = "Linjiang regulators on June 9 blamed the elevator accident on a skipped annual overhaul."
# told beside the same finding, but another happening of May: the tower changed hands
OTHER_EN = (
    "The Linjiang market regulator said on June 9 that the annual overhaul of the elevator was never carried "
    "out by its maintenance contractor, though Harbor Estates bought the tower from Crestline Holdings in May."
)


def dump(english: str) -> list:
    return [
        source(1, FOUND_ZH, day=10),
        source(2, english, day=10, lang="en"),
        source(3, MORE_ZH, day=10),
        source(4, MORE_EN, day=10, lang="en"),
    ]


def may(out: object) -> list:
    return [e for e in out.events if e.when.precision == "month" and e.when.start.month == 5]  # type: ignore[attr-defined]


def test_the_older_happening_told_beside_one_finding_is_one_entry_in_both_languages(tmp_path: Path) -> None:
    out = run(tmp_path, dump(FOUND_EN))
    (signed,) = may(out)
    assert {c.source for c in signed.sources} == {"s1", "s2"}
    lines = "\n".join(line for e in out.events for line in out.explain.get(e.id, []))
    assert "told beside the same other happening" in lines


def test_without_the_vote_each_language_keeps_an_entry_of_its_own(tmp_path: Path) -> None:
    out = run(tmp_path, dump(FOUND_EN), "beside_bonus = 0\n")
    assert sorted(sorted(c.source for c in e.sources) for e in may(out)) == [["s1"], ["s2"]]


def test_another_happening_of_that_month_told_beside_the_finding_stays_apart(tmp_path: Path) -> None:
    """Beside one host is one vote, not a verdict: the sale names owners the Chinese clause does not."""
    out = run(tmp_path, dump(OTHER_EN))
    assert sorted(sorted(c.source for c in e.sources) for e in may(out)) == [["s1"], ["s2"]]


def test_the_announcement_quotes_what_it_made_public(tmp_path: Path) -> None:
    out = run(tmp_path, dump(FOUND_EN))
    (found,) = [e for e in out.events if e.when.start.month == 6 and e.when.start.day == 9]
    quote = next(c.quote for c in found.sources if c.source == "s1")
    assert "公布电梯事故调查结果" in quote and "未按规定于5月实施年度检修" in quote


def when(month: int, day: int | None = None) -> When:
    if day is None:
        return When(datetime(2025, month, 1, tzinfo=TZ), "month")
    return When(datetime(2025, month, day, tzinfo=TZ), "day")


def test_only_an_older_date_after_a_colon_is_what_was_made_public() -> None:
    text = "今日，某局公布调查结果：维保公司于5月签字。"
    end = text.index("：")
    told, older, later = (SimpleNamespace(when=w, start=0) for w in (when(6, 9), when(5), when(7)))
    assert runs_through(text, end, told, older)
    assert not runs_through(text, end, told, later)  # a plan it announced, or a happening of its own
    comma = "今日，某局公布调查结果，维保公司于5月签字。"
    assert not runs_through(comma, comma.index("，", 3), told, older)
    heading = "6月9日回顾：5月，维保公司签字确认检修完成。"  # a recap's heading makes nothing public
    assert not runs_through(heading, heading.index("："), told, older)
    english = "The regulator said on June 9: the lift was last serviced in May."
    assert runs_through(english, english.index(":"), told, older)
