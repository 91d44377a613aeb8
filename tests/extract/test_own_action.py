"""Two happenings of one day told in the same articles: a ruling and the appeal against it that
night (`identity.own_apart`, sitegen/data/actions.toml ``own_clause``)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from sitegen.core.sitedata import PACKAGE_DATA
from sitegen.extract import actions as actions_module
from sitegen.extract import identity
from sitegen.extract.actions import actions, parse
from sitegen.extract.identity import own_apart

from .test_extract_units import source
from .test_identity import run


def test_an_appeal_is_an_action_of_its_own() -> None:
    table = actions()
    assert table.of("当晚，速达发布声明称不服判决，将向省高级人民法院提起上诉") == {"appeal"}
    assert table.of("Dashwell said late on Wednesday it would appeal against a court ruling") == {"appeal"}
    assert table.of("A court ruled on Wednesday that the platform must pay 1.26 million yuan") == {"sentence"}
    assert own_apart(frozenset({"appeal"}), {"sentence", "compensate"})
    assert own_apart(frozenset({"appeal", "sentence"}), {"sentence"})  # the ruling named as what it appeals
    assert not own_apart(frozenset({"appeal"}), {"appeal", "sentence"})  # both tell the appeal
    assert not own_apart(frozenset({"sue"}), {"investigate"})  # neither tells a happening of its own
    assert not own_apart(frozenset(), {"sentence"})


def test_the_ruling_named_as_a_noun_is_the_sentence() -> None:
    """A column recalling "the ruling last Wednesday" tells the ruling, not the appeal that
    followed it the same night; "against a court ruling" stays only the appeal's object."""
    table = actions()
    assert table.of("The ruling last Wednesday that the platform employed the rider could reach far") == {
        "sentence"
    }
    assert own_apart(table.of("The ruling last Wednesday was a landmark"), {"appeal"})


def test_a_death_is_an_action_and_delivery_alone_is_none() -> None:
    table = actions()
    assert table.of("骑手在送餐途中突然倒地，经抢救无效死亡") == {"die"}  # 无效 there voids nothing
    assert table.of("A delivery rider for the platform died on a street on Nov. 7") == {"die"}
    assert table.of("the delivery time its algorithm allows") == frozenset()
    assert table.of("The developer delivered the first flats on Tuesday") == {"deliver"}


RULING = [
    "今日，临江市中级人民法院对刘某家属诉速达案作出一审判决，判令速达赔偿各项损失共计126万元。",
    "昨日，临江中院一审判决速达向刘某家属赔偿126万元。当晚，速达发布声明称不服判决，将向省高级人民法院提起上诉。",
    "昨日，临江中院判决速达赔偿刘某家属126万元。速达当晚表示，将就一审判决提起上诉。",
]


def dump() -> list:
    return [source(1, RULING[0], day=8), source(2, RULING[1], day=9), source(3, RULING[2], day=9)]


def test_the_ruling_and_the_appeal_that_night_are_two_entries(tmp_path: Path) -> None:
    out = run(tmp_path, dump())
    assert len(out.events) == 2
    appeal = next(e for e in out.events if any("上诉" in c.quote for c in e.sources))
    assert {c.source for c in appeal.sources} == {"s2", "s3"}
    assert not any("判决速达" in c.quote for c in appeal.sources)


def test_without_own_clause_the_appeal_goes_on_telling_the_ruling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = tomllib.loads((PACKAGE_DATA / "actions.toml").read_text(encoding="utf-8"))
    doc["appeal"].pop("own_clause")
    table = parse(doc)
    monkeypatch.setattr(identity, "actions", lambda: table)
    monkeypatch.setattr(actions_module, "actions", lambda: table)
    assert len(run(tmp_path, dump()).events) == 1
