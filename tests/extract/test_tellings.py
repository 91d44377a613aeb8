"""A sentence telling two happenings in its clauses gives two tellings (`tellings`)."""

from __future__ import annotations

from sitegen.extract.actions import actions, parse
from sitegen.extract.passages import Span
from sitegen.extract.tellings import split_pairs, tellings


def runs(text: str) -> list[str]:
    return [s.of(text) for s in tellings(text, Span(0, len(text)))]


def test_a_default_and_a_market_fall_in_one_sentence_are_two_tellings() -> None:
    text = "昨日，某信托宣布12款产品延期兑付，母公司某控股股价应声跌停。"
    assert runs(text) == ["昨日，某信托宣布12款产品延期兑付", "母公司某控股股价应声跌停。"]
    en = "Acme Holdings shares fell by the limit on Monday after its unit, Acme Trust, said it had missed payments"
    assert runs(en) == [
        "Acme Holdings shares fell by the limit on Monday after its unit, Acme Trust",
        "said it had missed payments",
    ]


def test_clauses_of_one_happening_or_of_actions_not_told_apart_stay_whole() -> None:
    # one action over several clauses; two actions neither of which tells its own clause
    for text in (
        "今日，某公司公开致歉，董事长再次鞠躬道歉。",
        "今日，某局对某公司作出行政处罚，罚款480万元，并吊销其许可证。",
    ):
        assert runs(text) == [text]


def test_only_the_telling_holding_the_date_may_start_an_event() -> None:
    text = "昨日，某信托宣布延期兑付，母公司股价应声跌停。"

    class Mention:
        start = 0

    pairs = split_pairs(text, [(Mention, Span(0, len(text)))])
    assert [(s.of(text), holds) for _, s, holds in pairs] == [
        ("昨日，某信托宣布延期兑付", True),
        ("母公司股价应声跌停。", False),
    ]


def test_defaulting_is_an_action_and_own_clause_is_read_from_the_table() -> None:
    table = actions()
    assert table.of("宣布12款产品延期兑付") == {"default"} == table.of("said it could not repay investors")
    assert table.of("it missed payments on 12 products") == {"default"}
    assert "shares-fall" in table.own_clause and "apologise" not in table.own_clause
    assert parse({"a": {"zh": ["甲"], "own_clause": True}, "b": {"zh": ["乙"]}}).own_clause == {"a"}


def test_a_repayment_plan_is_one_action_in_both_languages() -> None:
    table = actions()
    plan = table.of("工作组今日公布兑付方案，本金三年分期兑付")
    assert plan == {"repayment-plan"} == table.of("A plan unveiled on Friday to repay the trust's investors")
    assert table.of("Investors will be repaid over three years") == plan
    assert table.of("it could not repay investors") == {"default"}  # not a plan: the default


def test_a_halt_joined_to_an_apology_by_and_is_a_telling_of_its_own() -> None:
    # 并 / "and" joining the verb of a halt (apart_from the apology) to the apology's
    assert runs("昨日，某公司CEO向员工致歉，并停职制作人某某。") == [
        "昨日，某公司CEO向员工致歉",
        "并停职制作人某某。",
    ]
    assert runs("4月12日,董事长道歉并宣布工厂停产整顿") == ["4月12日,董事长道歉", "并宣布工厂停产整顿"]
    en = "The chief executive apologised to staff on Tuesday and suspended the producer, a day later"
    assert runs(en) == [
        "The chief executive apologised to staff on Tuesday",
        "and suspended the producer, a day later",
    ]


def test_pairs_not_told_apart_and_halts_not_joined_by_and_stay_whole() -> None:
    for text in (
        "今日，某公司公开致歉，并宣布补偿用户。",  # an apology and its compensation: one statement
        "The regulator sealed the batch on Monday afternoon and halted its sale",  # one measure
        "The company has suspended production at the plant, its chairman said on Sunday, as he apologised",
        "今日，某公司道歉，但并未停产。",  # 并未: "not", no joining word
    ):
        assert runs(text) == [text]


def test_apart_from_is_read_from_the_table_as_pairs() -> None:
    table = actions()
    assert frozenset(("halt", "apologise")) in table.apart
    doc = {"a": {"zh": ["甲"], "apart_from": ["b"]}, "b": {"zh": ["乙"]}}
    parsed = parse(doc)
    assert parsed.told_apart(frozenset({"b"}), frozenset({"a"}), joined=True)
    assert not parsed.told_apart(frozenset({"b"}), frozenset({"a"}), joined=False)
    assert parsed.first("某某乙") == 2 and parsed.first("某某") is None


def test_a_deal_ended_is_one_action_in_both_languages() -> None:
    table = actions()
    assert table.of("it was ending its distribution agreement for the game") == {"end-ties"}
    assert (
        table.of("ended its contract with the firm") == {"end-ties"} == table.of("终止与某公司的独家发行协议")
    )


def test_a_resignation_and_a_trading_halt_in_one_sentence_are_two_tellings() -> None:
    text = "某股份昨日公告，董事长辞去董事长职务，公司股票同日起停牌。"
    assert runs(text) == ["某股份昨日公告，董事长辞去董事长职务", "公司股票同日起停牌。"]


def test_a_halt_announced_after_a_regulators_summons_is_a_telling_of_its_own() -> None:
    # the summons is the regulator's act, the halt the company's: two happenings of one day
    en = (
        "The city's transport bureau summoned managers of Northwind Ferries on Tuesday over the "
        "collision, and the operator said hours later it would suspend all night crossings."
    )
    assert runs(en) == [
        "The city's transport bureau summoned managers of Northwind Ferries on Tuesday over the collision",
        "and the operator said hours later it would suspend all night crossings.",
    ]
    assert frozenset(("halt", "summon")) in actions().apart


def test_a_death_toll_and_an_officials_visit_in_one_sentence_are_two_tellings() -> None:
    # the toll's revision and the visit, told in one sentence, are two happenings of one day
    en = (
        "The number killed in the mine flood rose to nine, the county said on Thursday, "
        "as the provincial governor visited the pit and ordered checks at every colliery."
    )
    assert runs(en) == [
        "The number killed in the mine flood rose to nine, the county said on Thursday",
        "as the provincial governor visited the pit and ordered checks at every colliery.",
    ]
    zh = "周四，省长赶赴矿井察看救援，县政府同日通报遇难人数升至9人。"
    assert runs(zh) == ["周四，省长赶赴矿井察看救援", "县政府同日通报遇难人数升至9人。"]
    assert "visit" in actions().own_clause


def test_a_death_toll_names_deaths_and_a_visit_is_an_action() -> None:
    table = actions()
    assert table.of("The death toll from the flood climbed overnight") == {"die"}
    assert table.of("Officials said the toll rose to 31 by Friday") == {"die"}
    assert table.of("The premier visited the flooded county") == {"visit"}
    assert table.of("副省长连夜到矿井视察搜救工作") == {"visit"}
    assert table.of("消防部门调派12辆消防车赶赴现场") == frozenset()  # rushing there is no visit
