"""A record kept on weak evidence that no other record agrees with starts no entry (`agreement`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.extract import agreement

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


STORY = (
    "6月8日上午9时,临江市滨河化工厂仓库发生火灾,厂长周海涛说消防部门调派12辆消防车赶赴现场。",
    "6月8日上午,滨河化工厂仓库起火,现场浓烟滚滚,厂长周海涛组织员工疏散。",
    "6月8日上午9时许,临江市滨河化工厂仓库起火,2人受伤,厂长周海涛已配合调查。",
    "6月8日上午,临江市滨河化工厂发生火灾,厂长周海涛称仓库受损严重。",
)
STRAYS = {
    # shares no name of the story's, names no one else, and tells what no one else tells
    "unshared": source(5, "6月9日,公司召开年度总结会,员工踊跃发言,气氛热烈。"),
    # kept on topic by a place alone (marginal), telling what no one else tells
    "weak": source(5, "6月9日,临江市一处仓库举办夏季运动会,市民踊跃参加,现场热闹。"),
    # the company's open day, written a week before the fire, which no later report recalls
    "early": source(5, "6月1日,临江市滨河化工厂举行开放日活动,厂长周海涛邀请市民参观仓库和消防设施。", day=2),
    # a market round-up: its lead names no one of the story's (the fire only later, in passing);
    # dated to its day (a week's round-up, "本周化工板块整体震荡", would start nothing at all:
    # candidates._week_round_up)
    "others": source(
        5,
        "6月9日,化工板块整体震荡,多只化工概念股成交活跃,分析人士提醒投资者注意风险。"
        "业内人士称,滨河化工厂厂长周海涛的处境引发同行关注。",
    ),
    # another company's fire the next day, whose report recalls the story's fire in passing:
    # one of its happenings joins the story's, the other no one tells, and its lead names others
    "partly": source(
        5,
        "6月9日,江北市恒达材料公司车间起火,无人受伤。前一日上午,临江市滨河化工厂仓库发生火灾,2人受伤。",
        day=9,
    ),
}


def test_every_rule_of_strays_is_exercised() -> None:
    assert set(STRAYS) == set(agreement.WHY)


@pytest.mark.parametrize("why", sorted(STRAYS))
def test_a_lone_record_is_a_stray_by_each_rule(why: str, tmp_path: Path) -> None:
    """Each rule of `agreement.strays` marks its lone record off topic, with its reason, and
    the record starts no entry; the story's fire, told by four records, is untouched."""
    sources = [*(source(i, body) for i, body in enumerate(STORY, 1)), STRAYS[why]]
    out = run(tmp_path, sources)
    assert "s5" in out.off_topic
    [problem] = [p for p in out.problems if p.path == "content/sources/s5.md"]
    assert problem.message == agreement.message(why)
    assert not [e for e in out.events if any(c.source == "s5" for c in e.sources)]
    [fire] = [e for e in out.events if e.when.start.day == 8]
    assert {c.source for c in fire.sources} == {"s1", "s2", "s3", "s4"}
