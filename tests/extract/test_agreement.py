"""A record no other record agrees with on any happening starts no entry (`agreement.alone`)."""

from __future__ import annotations

from pathlib import Path

from .test_extract_units import BRIEF, FIRE, run, source

OPEN_DAY = "6月2日,临江市滨河化工厂举行开放日活动,邀请市民参观仓库和消防设施。"


def test_a_record_telling_only_what_no_other_tells_starts_no_entry(tmp_path: Path) -> None:
    other = "6月8日上午,滨河化工厂仓库起火,现场浓烟滚滚,消防车陆续赶到。"
    again = "6月8日上午9时许,临江市滨河化工厂仓库起火,2人受伤。"
    sources = [source(1, FIRE), source(2, other), source(3, BRIEF), source(4, again), source(5, OPEN_DAY)]
    out = run(tmp_path, sources)
    assert out.events, "the fire told by several records is an entry"
    assert all(c.source != "s5" for e in out.events for c in e.sources)
    assert not [e for e in out.events if e.when.start.day == 2]
    assert any("no other source agrees with: s5" in n for n in out.notes)
    assert "s5" in out.off_topic  # and it dates nothing on the fire's day


def test_a_small_dump_is_not_judged(tmp_path: Path) -> None:
    out = run(tmp_path, [source(1, FIRE), source(2, OPEN_DAY)])
    assert [e for e in out.events if e.when.start.day == 2]
