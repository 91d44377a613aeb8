"""Two entries of one site never read under near-identical titles (`sitegen.extract.title_apart`):
the entry citing fewer sources takes a distinct clause of its own, or the pair is flagged."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.core.dates import When
from sitegen.core.model import Citation, Event
from sitegen.extract.title_apart import near_identical, tell_apart

DAY = When(datetime(2026, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")), "day")


def entry(title: str, *sources: str) -> tuple[Event, list[str]]:
    cites = [Citation(s, f"quote of {s}") for s in sources]
    return Event("", title, DAY, cites, [], [], title, None, "en"), []


def test_near_identical_titles() -> None:
    assert near_identical("Chinese actress Lin Shuyao would retire", "Lin Shuyao would retire")
    assert near_identical("Lin Shuyao would retire", "Lin Shuyao will retire")  # all but one word
    assert near_identical("林书瑶宣布退出演艺圈", "演员林书瑶宣布退出演艺圈")
    assert not near_identical("Lin Shuyao would retire", "Prosecutors approved the arrest of Song Nan")
    assert not near_identical("江州海鸥队总经理赵国栋被刑事拘留", "中国足协暂停江州海鸥队参赛资格")
    # the story's name in both is no sameness: the rest differs
    assert not near_identical(
        "Halcyon Pharma was fined 48 million yuan", "Halcyon Pharma extended its recall"
    )


def test_the_entry_with_fewer_sources_takes_a_clause_of_its_own() -> None:
    retire = entry("Lin Shuyao would retire", "a", "b", "c")
    arrest = entry("Chinese actress Lin Shuyao would retire", "a", "d")
    asked: list[bool] = []

    def again(avoid):  # the arrest's quotes, best first: the retirement clause, then its own
        asked.append(True)
        return next(t for t in ("Lin Shuyao would retire", "Prosecutors approved the arrest") if not avoid(t))

    notes = tell_apart([retire, arrest], {id(arrest[0]): again})
    assert asked and arrest[0].title == "Prosecutors approved the arrest"
    assert retire[0].title == "Lin Shuyao would retire"
    assert notes and arrest[1] and "near-identical" in arrest[1][0]


def test_a_pair_no_quote_tells_apart_is_flagged() -> None:
    one, two = entry("Lin Shuyao would retire", "a", "b"), entry("Lin Shuyao would retire soon", "c")
    notes = tell_apart([one, two], {id(two[0]): lambda avoid: "Lin Shuyao would retire soon"})
    assert two[0].title == "Lin Shuyao would retire soon"  # kept: no clause of its own
    assert notes and "near-identical" in notes[0] and one[1] and two[1]
    # titles far apart: nothing asked, nothing flagged
    three = entry("Prosecutors approved the arrest", "d")
    assert tell_apart([one, three], {}) == []
