"""`recall_rules.announces`: the speech the second citing pass keeps — a decision naming an action."""

from __future__ import annotations

import pytest

from sitegen.extract.recall_rules import announces, denies_ties, names_teller_by_past, turns


@pytest.mark.parametrize(
    ("quote", "kept"),
    [
        ('"我们的公关部确实做得不好,所以公司决定对他们进行批评和处罚。"', True),
        ('"We have decided to recall every affected car," the company said.', True),
        ('"我们决定继续努力,把产品做好。"', False),  # a decision, but no action
        ('"处罚太轻了,根本不够。"', False),  # an action, but nobody decides it
        ('"The fine was far too small," he said.', False),
    ],
)
def test_a_quote_is_kept_only_when_it_announces_a_decision_with_an_action(quote: str, kept: bool) -> None:
    assert announces(quote) is kept


def test_a_sentence_turning_to_another_matter_is_told_by_its_opening() -> None:
    assert turns("另据临江警方通报，两名技术员已被刑拘。")
    assert turns("与此同时，市场监管局对该批次产品予以封存。")
    assert turns("Separately, police said two technicians had been detained.")
    assert turns("“Meanwhile, the regulator sealed the batch.")
    assert not turns("据临江警方通报，两名技术员已被刑拘。")  # 据 alone: whose account, not another matter
    assert not turns("首个复飞航班于下午从临江飞往昆明。")
    assert not turns("Police said the technicians had been detained separately.")  # not at the start


@pytest.mark.parametrize(
    ("clause", "denies"),
    [
        ("某置业为本地房企，与某股份并无股权关系", True),
        ("该公司专注于冷链运输，与外卖平台并无关联", True),
        ("Skylark Drones, which is not related to the airline", True),
        ("The bakery has no ties to the studio", True),
        ("与此同时，公司宣布停产", False),  # 与 opens a phrase, no relation denied
        ("公司与家属达成和解", False),
        ("与去年相比无明显变化", False),
        ("The airline said it was not to blame", False),
    ],
)
def test_a_clause_denying_ties_to_another_is_told_apart(clause: str, denies: bool) -> None:
    """A namesake set apart from the story ("与X并无股权关系") tells no happening of it: the second
    citing pass cites it for none."""
    assert denies_ties(clause) is denies


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("曾发布公开信的陈默对记者表示，这是“迟到的公道”，但她仍担心团队被解散", True),
        ("曾参与救援的队员王力称，现场一度十分危险", True),
        # the act is the sentence's own, or the teller is named by no past act
        ("陈默昨日发布公开信，称团队每周工作近100小时", False),
        ("公司曾于2022年被劳动仲裁，律师对记者表示，此次罚款并不意外", False),
        ("陈默对记者表示，这是迟到的公道", False),
    ],
)
def test_a_teller_named_by_a_past_act_reports_no_happening(sentence: str, names: bool) -> None:
    assert names_teller_by_past(sentence) is names
