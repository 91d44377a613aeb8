"""A clause holding only its date opens the clause after it (`dated_clauses.join_openers`), and a
recap listing dated happenings with 、 tells each in passing (`dated_clauses.listed`)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.extract.dated_clauses import join_openers, listed
from sitegen.extract.passages import Span, clauses
from sitegen.extract.temporal.find import find_times

TZ = ZoneInfo("Asia/Shanghai")
PUBLISHED = datetime(2026, 9, 2, 9, tzinfo=TZ)


def _mentions(text: str, lang: str) -> list:
    return [m for m in find_times(text, PUBLISHED, lang=lang) if m.when is not None and m.kind != "not-event"]


def _joined(text: str, lang: str = "zh") -> list[str]:
    whole = Span(0, len(text))
    parts = join_openers(text, clauses(text, whole) or [whole], _mentions(text, lang))
    return [p.of(text).strip() for p in parts]


def test_a_date_alone_opens_a_clause_whose_date_is_a_period_holding_it() -> None:
    # the quarter names what ended; 本周二 times it: one clause, one telling
    assert _joined("本周二，第三季度的促销季结束。") == ["本周二，第三季度的促销季结束。"]


def test_an_opener_before_a_date_of_other_days_keeps_its_own_clause() -> None:
    # 2024 does not hold yesterday: a season of another year, told apart
    assert len(_joined("昨天，2024年暑运的客流数据公布。")) == 2
    assert len(_joined("On Monday, the firm said it had recalled the bikes on Friday.", "en")) == 2
    # an opening clause telling something of its own is not an opener
    assert len(_joined("今天上午公司发布公告，第三季度的促销季结束。")) == 2


def _listed(text: str) -> set[str]:
    dated = _mentions(text, "zh")
    ids = listed(text, Span(0, len(text)), dated)
    return {m.text for m in dated if id(m) in ids}


def test_dated_items_of_one_enumeration_are_told_in_passing() -> None:
    text = "从去年的停产，到7月下旬的召回决定、8月上旬三名主管被停职、月底前工厂复产，公司用了两个月。"
    assert _listed(text) == {"7月下旬", "8月上旬"}


def test_one_dated_item_or_bare_dates_are_not_a_recap() -> None:
    # one item holds a date: an enumeration of what one happening did
    assert _listed("公司8月上旬召回了电池、充电器、支架等配件。") == set()
    # dates listed bare: the days of one telling
    assert _listed("公司于8月1日、8月5日两次发布公告。") == set()
    # dates in two clauses, not one enumeration
    assert _listed("7月下旬公司宣布召回，8月上旬三名主管被停职。") == set()


def test_a_year_in_the_next_clause_leaves_the_opener_alone() -> None:
    # a year holds nearly every day of a story: it names an edition, not a span the opener falls in
    assert len(_joined("今天，2026年度职业资格考试的报名通道关闭。")) == 2
