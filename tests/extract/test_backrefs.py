"""Background one report tells in passing, loosely dated, makes no entry (`backrefs`)."""

from __future__ import annotations

from pathlib import Path

from .test_agreement import STORY
from .test_extract_units import run, source

RECALLED = "上月下旬,该仓库还曾发生一次小规模泄漏,工人被紧急疏散。"


def _early(out: object) -> list:
    return [e for e in out.events if e.when.start.month < 6 or e.when.start.day < 8]  # type: ignore[attr-defined]


def test_a_loose_earlier_time_one_report_recalls_makes_no_entry(tmp_path: Path) -> None:
    sources = [source(1, STORY[0] + RECALLED), *(source(i, body) for i, body in enumerate(STORY[1:], 2))]
    out = run(tmp_path, sources)
    assert not _early(out)
    assert any("background one report tells in passing: s1" in n for n in out.notes)
    [fire] = [e for e in out.events if e.when.start.day == 8]
    assert "s1" in {c.source for c in fire.sources}


def test_the_same_background_told_by_two_reports_is_an_entry(tmp_path: Path) -> None:
    also = "上月下旬,滨河化工厂仓库曾发生小规模泄漏,数十名工人紧急疏散,无人受伤。"
    sources = [
        source(1, STORY[0] + RECALLED),
        source(2, STORY[1] + also),
        *(source(i, body) for i, body in enumerate(STORY[2:], 3)),
    ]
    assert _early(run(tmp_path, sources))


def test_a_day_one_report_alone_tells_keeps_its_entry(tmp_path: Path) -> None:
    # dated to its day, not loosely: a one-outlet report of another day of the story
    day = "6月3日,该仓库曾发生一次小规模泄漏,工人被紧急疏散。"
    sources = [source(1, STORY[0] + day), *(source(i, body) for i, body in enumerate(STORY[1:], 2))]
    assert _early(run(tmp_path, sources))
