"""A record kept on weak evidence that no other record agrees with starts no entry (`agreement`)."""

from __future__ import annotations

from pathlib import Path

from .test_extract_units import BRIEF, FIRE, run, source

OPEN_DAY = "6月2日,临江市滨河化工厂举行开放日活动,邀请市民参观仓库和消防设施。"


def test_a_one_outlet_report_naming_the_story_keeps_its_entry(tmp_path: Path) -> None:
    """Only a record kept on weak evidence (marginal, or by closeness alone) that no other record
    agrees with starts no entry.  One that names the story's company and city, as a one-outlet
    report of another day of the story does (the plant's open day), keeps its entry and stays on
    topic: sitegen cannot tell it from a scoop."""
    other = "6月8日上午,滨河化工厂仓库起火,现场浓烟滚滚,消防车陆续赶到。"
    again = "6月8日上午9时许,临江市滨河化工厂仓库起火,2人受伤。"
    sources = [source(1, FIRE), source(2, other), source(3, BRIEF), source(4, again), source(5, OPEN_DAY)]
    out = run(tmp_path, sources)
    assert out.events, "the fire told by several records is an entry"
    [open_day] = [e for e in out.events if e.when.start.day == 2]
    assert [c.source for c in open_day.sources] == ["s5"]
    assert "s5" not in out.off_topic


def test_a_small_dump_is_not_judged(tmp_path: Path) -> None:
    out = run(tmp_path, [source(1, FIRE), source(2, OPEN_DAY)])
    assert [e for e in out.events if e.when.start.day == 2]
