"""The citing pass reads an undated sentence once per distinct text (`recall_units.SentenceMemo`):
what it yields must not depend on whether, or where, the same sentence was read before."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.core.sitedata import SiteData
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.merge import Clustering
from sitegen.extract.recall_units import SentenceMemo, units
from sitegen.extract.rules import Rules
from sitegen.extract.temporal.find import find_times
from sitegen.extract.words import Words

PUBLISHED = datetime(2026, 4, 27, 15, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
LISTING = "4月24日下午，东陵区警方对星驰汽车一名副总裁立案调查；"
RECALL = "星驰汽车宣布召回全部批次电池包，市场监管部门已经介入调查核实。"
OTHER = "多位专家提醒，此次事件需要更加及时透明的信息公开。"
QUESTION = "星驰汽车的电池包为何屡次起火？"


def read(text: str, memo: SentenceMemo) -> list[tuple[str, int, int, tuple, list, list, bool]]:
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), None)
    clustering = Clustering({}, Rules())
    words = Words.of(text)
    mentions = find_times(text, PUBLISHED, lang="zh")
    return [
        (u.quote, u.span.start, u.span.end, tuple(u.terms), u.periods, u.timed, u.clause)
        for group in units(words, lexicon, mentions, clustering, memo)
        for u in group
    ]


def test_a_remembered_sentence_reads_as_a_fresh_one_at_its_own_place() -> None:
    first = OTHER + RECALL + QUESTION
    second = LISTING + RECALL + OTHER + QUESTION + RECALL
    shared = SentenceMemo()
    read(first, shared)
    warm = read(second, shared)
    assert warm == read(second, SentenceMemo())
    assert len(shared.undated) == 3  # RECALL, OTHER, QUESTION: each read once for both texts
    for quote, start, end, *_ in warm:
        assert second[start:end].strip() == quote  # quotes are verbatim at their own offsets
    recalls = [u for u in warm if u[0] == RECALL]
    assert [u[1] for u in recalls] == [len(LISTING), len(second) - len(RECALL)]
    # after a sentence ending on a semicolon the same text takes its dates; elsewhere it has none
    assert recalls[0][4] and recalls[0][4] == recalls[0][5]
    assert recalls[1][4] == [] and recalls[1][5] == []
    assert not any(u[0] == QUESTION for u in warm)  # a question yields no unit, remembered or not
