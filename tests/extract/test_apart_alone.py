"""A sponsor ending its deal is a happening of its own beside another action of that day
(`identity.own_apart`, sitegen/data/actions.toml ``apart_alone``): the drama shelved and the brand
dropping its star the same day are told apart; an apology that also ends a deal is not.  (Its
effect on a whole dump: tests/extract/gold/star_tax.toml, the brand's dropping an entry.)"""

from __future__ import annotations

import tomllib

import pytest

from sitegen.core.sitedata import PACKAGE_DATA
from sitegen.extract import identity
from sitegen.extract.actions import actions, parse
from sitegen.extract.identity import own_apart


def test_ending_ties_alone_is_apart_from_other_actions() -> None:
    assert own_apart(frozenset({"end-ties"}), {"delay"})
    assert own_apart(frozenset({"delay"}), {"end-ties"})
    assert not own_apart(frozenset({"end-ties", "apologise"}), {"apologise"})  # the apology ends it too
    assert not own_apart(frozenset({"end-ties"}), {"end-ties", "delay"})
    assert not own_apart(frozenset({"sue"}), {"delay"})  # neither marked
    assert not own_apart(frozenset(), {"end-ties"})


def test_a_series_pulled_from_its_schedule_is_a_delay() -> None:
    table = actions()
    assert table.of("The platform pulled the series from its schedule on Wednesday") == {"delay"}
    assert table.of("A sponsor ended its contract with the singer the same day") == {"end-ties"}


def test_without_apart_alone_ending_ties_is_no_happening_of_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tomllib.loads((PACKAGE_DATA / "actions.toml").read_text(encoding="utf-8"))
    doc["end-ties"].pop("apart_alone")
    table = parse(doc)
    monkeypatch.setattr(identity, "actions", lambda: table)
    assert not own_apart(frozenset({"end-ties"}), {"delay"})
