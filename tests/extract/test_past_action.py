"""A unit whose context date names an event's own past month or year refers back to that event:
the action it names votes for it ("创2021年上市以来最大单日跌幅" and the listing of 2021,
`recall_vote.vote_actions`); a name in English holds no action ("Sealink" no seal); a listing is an
action (`sitegen/data/actions.toml`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.extract.actions import actions
from sitegen.extract.merge import Cluster
from sitegen.extract.recall_vote import Voted, vote_actions
from sitegen.extract.rules import Rules

TZ = ZoneInfo("Asia/Shanghai")
YEAR = (datetime(2021, 1, 1, tzinfo=TZ), datetime(2022, 1, 1, tzinfo=TZ))


@dataclass
class Unit:
    periods: list = field(default_factory=lambda: [YEAR])
    timed: list = field(default_factory=list)  # 2021年上市以来: a span's start, context only


def listing() -> Cluster:
    cl = Cluster()
    cl.quote_order.append("their biggest one-day drop since the company listed in 2021")
    return cl


def test_a_listing_is_an_action_in_either_language_but_not_a_listed_company() -> None:
    table = actions()
    assert table.of("创2021年上市以来最大单日跌幅") == {"list"}
    assert "list" in table.of("since the company listed in 2021")
    assert "list" not in table.of("多家上市公司发布公告")
    assert "list" not in table.of("The company's Shenzhen-listed shares fell")


def test_a_capitalised_name_inside_a_sentence_names_no_action() -> None:
    table = actions()
    assert "seal" not in table.of("受数据暴露事件影响,瀚海智联(Sealink)今日在港股收跌14%")
    assert "seal" not in table.of("Shares of Sealink Technologies fell 14%")
    assert table.of("The city regulator seals the batch") == {"seal"}
    assert "recall" in table.of('He said: "Recall every bottle."')  # a sentence may open with one


def test_a_context_date_naming_the_events_past_year_lets_its_action_vote() -> None:
    rules = Rules()
    apart = Voted(bar=rules.recall_same_day_similarity)
    vote_actions(apart, Unit(), frozenset({"list"}), {}, listing(), rules)  # type: ignore[arg-type]
    assert apart.actions is None  # a context date: the action it names is what it refers back to
    refers = Voted(bar=rules.recall_same_day_similarity)
    vote_actions(refers, Unit(), frozenset({"list"}), {}, listing(), rules, refers=True)  # type: ignore[arg-type]
    assert refers.actions == 1.0 and refers.score > apart.score
