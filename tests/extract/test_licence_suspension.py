"""Two happenings of one day told in one sentence, and the pieces that keep them apart
(issue 24, rocket_failure): an announcement dated by 当晚 whose object holds a 的 of its own
(`background` zh-attributive-clause), a closing clause counted in hours from another happening
(`counted_clause`), 宣布暂停 as a halt (sitegen/data/actions.toml), "the same evening" as a date
counted from the sentence's other one (`temporal.words.FUSED`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.extract.actions import actions
from sitegen.extract.background import background_rule
from sitegen.extract.candidates import Mention
from sitegen.extract.counted_clause import without_counted_clause
from sitegen.extract.passages import Span
from sitegen.extract.temporal.find import find_times

from .test_background import candidates

TZ = ZoneInfo("Asia/Shanghai")


def _at(text: str, words: str) -> Mention:
    start = text.index(words)
    return Mention(words, start, start + len(words), None, "anchored", "", "")


def test_an_announcement_whose_object_holds_a_de_is_dated_by_its_date() -> None:
    said = "工厂起火后，市应急管理局当晚宣布关闭该公司的全部生产线。"
    assert background_rule(said, _at(said, "当晚"), said) is None
    # the verb right before 的: a clause naming a thing, as before
    named = "公司重启上月宣布暂停的项目。"
    assert background_rule(named, _at(named, "上月"), named) == "zh-attributive-clause"
    only = "家长要求公司兑现上月宣布的赔偿。"
    assert background_rule(only, _at(only, "上月"), only) == "zh-attributive-clause"


def test_the_evening_announcement_is_a_candidate_of_its_own() -> None:
    body = "大桥昨日上午发生垮塌后，交通运输局当晚宣布吊销施工单位的资质证书，直至调查结束。"
    found = candidates(body, "zh")
    dates = {when: quote for when, quote, founding in found if founding}
    assert "当晚" in dates and "吊销" in dates["当晚"] and "垮塌" not in dates["当晚"]


def test_a_closing_clause_counted_in_hours_is_left_out_of_the_quote() -> None:
    text = "The regulator revoked the airline's permit on Monday, hours after its jet skidded off a runway."
    m = _at(text, "Monday")
    cut = without_counted_clause(text, Span(0, len(text)), m)
    assert cut.of(text) == "The regulator revoked the airline's permit on Monday"
    # a count of days dates the other happening apart already: the clause says which one it follows
    days = "The chief engineer quit on Monday, four days after the firm blamed a pump."
    assert without_counted_clause(days, Span(0, len(days)), _at(days, "Monday")) == Span(0, len(days))
    # the date inside the clause: the clause is what the quote tells
    inside = "The airline said little, hours after its jet skidded off a runway on Monday."
    assert without_counted_clause(inside, Span(0, len(inside)), _at(inside, "Monday")) == Span(0, len(inside))


def test_the_real_pipeline_quotes_the_suspension_without_the_crash() -> None:
    body = "The regulator revoked the airline's permit on Monday, hours after its jet skidded off a runway."
    (found,) = [q for _, q, _ in candidates(body, "en")]
    assert "skidded" not in found and "revoked" in found


def test_an_announced_suspension_is_a_halt_but_a_past_one_in_passing_is_not_read_so() -> None:
    table = actions()
    assert table.of("交通运输局当晚宣布暂停该公司的施工许可") == {"halt"}
    assert table.of("The regulator suspended the company's licence") == {"halt"}
    assert table.of("此前已暂停该车型销售") == frozenset()  # no announcement: left to the words
    assert table.of("公司股票暂停交易") == {"trading-halt"}


def test_the_same_evening_is_counted_from_the_sentence_s_date() -> None:
    published = datetime(2025, 3, 5, 9, 0, tzinfo=TZ)  # a Wednesday
    text = "The crash on Tuesday, and the agency's revocation of its permit the same evening, shook investors."
    found = {m.text: m for m in find_times(text, published, lang="en")}
    evening = found["the same evening"]
    assert evening.kind == "anchored"
    assert evening.when.start == datetime(2025, 3, 4, 18, 0, tzinfo=TZ)
    assert evening.when.part_of_day == "evening"


def test_a_counted_clause_naming_its_action_stays_in_the_quote() -> None:
    text = "The utility agreed on Friday to refund customers, hours after the regulator fined it."
    assert without_counted_clause(text, Span(0, len(text)), _at(text, "Friday")) == Span(0, len(text))
