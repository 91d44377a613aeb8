"""A lone telling a day off joins the event other outlets tell (`sitegen.extract.neardays`), and
the event's date stays the one they agree on, the dissent noted (`dating.settle`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.core.dates import When
from sitegen.extract.dating import Claim, settle

from .test_extract_units import source
from .test_identity import run

TZ = ZoneInfo("Asia/Shanghai")

AGREED = [
    "6月8日晚,临江市明湖花园5号楼多根承重柱出现明显裂缝,伴有墙皮脱落和异响,物业紧急疏散住户200余户。",
    "6月8日深夜,临江明湖花园5号楼承重柱出现裂缝,200多户居民连夜紧急撤离。",
    "6月8日晚,明湖花园5号楼多根承重柱开裂,街道连夜疏散住户两百余户。",
]
DAY_OFF = "6月7日晚,明湖花园5号楼住户陆续听到墙体发出异响,随后发现承重柱出现裂缝,住户连夜疏散。"
OTHER = "6月7日晚,明湖花园5号楼业主委员会召开会议,投票通过了物业费调整方案。"


def dump(lone: str) -> list:
    return [*(source(n, text, day=9) for n, text in enumerate(AGREED, 1)), source(4, lone, day=9)]


def test_a_lone_telling_a_day_off_joins_the_event_three_outlets_tell(tmp_path: Path) -> None:
    out = run(tmp_path, dump(DAY_OFF))
    (event,) = out.events
    assert {c.source for c in event.sources} == {"s1", "s2", "s3", "s4"}
    assert event.when.start.date() == datetime(2025, 6, 8).date()  # the date three outlets agree on
    assert event.note and "Out Let4" in event.note and "6月7日晚" in event.note  # the dissent shown
    assert any("dated a day off" in n for n in out.notes)


def test_without_the_rule_the_day_off_is_an_entry_of_its_own(tmp_path: Path) -> None:
    out = run(tmp_path, dump(DAY_OFF), "near_days = 0\n")
    assert len(out.events) == 2


def test_another_happening_of_the_day_before_stays_apart(tmp_path: Path) -> None:
    out = run(tmp_path, dump(OTHER))
    assert len(out.events) == 2


def test_a_dissent_does_not_set_the_date_and_is_noted() -> None:
    evening = {
        d: When(datetime(2025, 6, d, 18, tzinfo=TZ), "part-of-day", part_of_day="evening") for d in (7, 8)
    }
    claims = [
        Claim(evening[8], "甲报"),
        Claim(evening[8], "乙报"),
        Claim(evening[7], "丙报", "dissent", "6月7日晚"),
    ]
    done = settle(claims)
    assert done.when == evening[8]
    assert done.note and "丙报" in done.note and "6月7日晚" in done.note and "推算" not in done.note
    # the same claim not marked a dissent: the sources differ, the range covers both days
    plain = settle([*claims[:2], Claim(evening[7], "丙报", "absolute", "6月7日晚")])
    assert plain.when.start.day == 7 and plain.when.period_end().day == 9
    # a dissent alone is still a date
    assert settle([claims[2]]).when == evening[7]


def test_one_action_in_two_words_of_one_language_joins_within_a_year(tmp_path: Path) -> None:
    """交付使用 and 交屋 (sitegen/data/actions.toml: deliver), dated by the year only, share no word:
    the action is the vote; on one day it is not asked within a language (two happenings of one
    day of one company name the same actions)."""
    built = [
        source(1, "该楼共28层，于2016年交付使用，目前住户两百余户。", day=9),
        source(2, "該樓2016年才交屋，住戶質疑建商偷工減料。", day=9),
    ]
    assert len(run(tmp_path / "a", built).events) == 1
    assert len(run(tmp_path / "b", built, "same_action_weight = 0\n").events) == 2


DAY_OFF_TOO = "6月7日晚,明湖花园5号楼承重柱开裂,上百户住户听到异响后连夜疏散。"


def test_two_articles_dating_the_day_off_alike_stay_apart(tmp_path: Path) -> None:
    """Two outlets agreeing on the day before are no lone dissent: most often another happening
    (a report, and the confirmation the day after); one article of the two joins (above)."""
    built = [*dump(DAY_OFF), source(5, DAY_OFF_TOO, day=9)]
    out = run(tmp_path, built)
    assert len(out.events) == 2
    assert not any("dated a day off" in n for n in out.notes)


DEATH = [
    "6月7日晚9时许,外卖骑手王某在临江市滨江路送餐途中突然倒地,经抢救无效死亡。",
    "6月7日晚9时许,临江一名外卖骑手王某送餐途中倒地,抢救无效身亡。",
    "6月7日晚,骑手王某在临江滨江路送餐时倒地,送医后不治身亡。",
]
NIGHT = "前天晚上9时许,骑手王某倒在送餐路上,被送往医院后于次日凌晨宣告死亡。"


def test_a_night_that_straddles_midnight_is_one_happening(tmp_path: Path) -> None:
    """晚9时许 … 次日凌晨 in one sentence: its dawn clause is a day off the others' evening, and
    its article is in their event already (the evening clause); one night, one entry, the dawn a
    dissent."""
    built = [*(source(n, text, day=9) for n, text in enumerate(DEATH, 1)), source(4, NIGHT, day=9)]
    out = run(tmp_path / "a", built)
    (event,) = out.events
    assert event.when.start.date() == datetime(2025, 6, 7).date()
    assert event.note and "次日凌晨" in event.note
    # a night of no more than an hour: the dawn clause is another happening of its article
    assert len(run(tmp_path / "b", built, "near_day_night_hours = 0\n").events) == 2


BLAST = [
    "今日凌晨2时许,临江化工园区一企业车间发生爆炸,已造成3人死亡。",
    "今天凌晨,临江化工园区一化工厂车间突然爆炸,附近村民连夜疏散。",
    "凌晨2时10分,临江化工园区一化工车间爆炸起火,3名工人遇难。",
]
BLAST_DAY_OFF = "An explosion tore through a chemical workshop in Linjiang's industrial park late on Monday, killing three workers."


def test_a_lone_english_telling_a_day_off_joins_the_chinese_event_by_language_and_action(tmp_path: Path) -> None:
    """"late on Monday" where three Chinese outlets say 今日凌晨 of Tuesday: the day off is what is
    asked, so the comparison reads across languages and actions as merging does within one period."""
    english = source(4, BLAST_DAY_OFF, day=10, lang="en")
    english.published = datetime(2025, 6, 10, 9, 0, tzinfo=TZ)  # a Tuesday
    out = run(tmp_path, [*(source(n, text, day=10) for n, text in enumerate(BLAST, 1)), english])
    (event,) = out.events
    assert {c.source for c in event.sources} == {"s1", "s2", "s3", "s4"}
    assert event.when.start.date() == datetime(2025, 6, 10).date()


MEETING = "6月7日上午,明湖花园业主委员会召开会议,投票通过了物业费调整方案。"
CONFIRMED = MEETING + "当晚,明湖花园5号楼住户陆续听到墙体发出异响,随后发现承重柱出现裂缝,住户连夜疏散。"
MEETING_TOLD = [
    "6月7日上午,明湖花园业主委员会开会,表决通过物业费调整方案。",
    "6月7日上午,明湖花园业委会召开会议,物业费调整方案获投票通过。",
]


def _confirmed_dump() -> list:
    lone = source(4, CONFIRMED, day=9)
    told = [source(n, text, day=9) for n, text in enumerate(MEETING_TOLD, 5)]
    return [*(source(n, text, day=9) for n, text in enumerate(AGREED, 1)), lone, *told]


def test_a_day_other_outlets_confirm_in_the_same_article_is_no_day_off(tmp_path: Path, monkeypatch) -> None:
    """The lone article dates its meeting on 6月7日 as two other outlets do, and its cracks 当晚
    (counted from the meeting): its day is confirmed, so its evening is another happening of
    that day, not a day-off telling of the 8th's (`neardays._day_confirmed`)."""
    out = run(tmp_path / "a", _confirmed_dump())
    eighth = [e for e in out.events if e.when.start.day == 8]
    assert len(eighth) == 1 and "s4" not in {c.source for c in eighth[0].sources}
    assert not any("dated a day off" in n for n in out.notes)
    from sitegen.extract import neardays

    monkeypatch.setattr(neardays, "_day_confirmed", lambda clustering, few: False)
    again = run(tmp_path / "b", _confirmed_dump())
    assert any("dated a day off" in n for n in again.notes)  # without the rule it joins the 8th's
