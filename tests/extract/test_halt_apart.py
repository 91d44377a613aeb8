"""A halt announced the day of an apology is a happening of its own (`identity.apart_in_language`,
sitegen/data/actions.toml ``apart_from``); a lone sentence naming no act and no one beside its
article's sentence in an event describes that event's scene (`identity.scene_of`); an action
word before 时间 names the act's time, not the act (`actions.ATTRIBUTIVE`)."""

from __future__ import annotations

from sitegen.extract.actions import actions
from sitegen.extract.identity import ActionCounts, apart_in_language, scene_of


def test_a_time_of_resuming_is_no_resumption() -> None:
    table = actions()
    assert table.of("多名员工称已接到放假通知,复工时间未定") == frozenset()
    assert table.of("停业日期另行通知") == frozenset()
    assert table.of("工厂今日已复工") == {"reopen"}


def _counts(quotes: list[tuple[str, frozenset[str]]]) -> tuple[ActionCounts, list[str], list[frozenset[str]]]:
    return ActionCounts(), [lang for lang, _ in quotes], [acts for _, acts in quotes]


APOLOGY = [
    ("zh", frozenset({"apologise", "compensate"})),
    ("zh", frozenset({"apologise"})),
    ("en", frozenset({"apologise", "compensate", "halt"})),
]


def test_a_halt_is_apart_from_an_apology_in_its_language() -> None:
    counts, langs, acts = _counts(APOLOGY)
    assert apart_in_language(frozenset({"halt"}), "zh", counts, langs, acts)
    # naming the event's action too: the halt told with the apology, not apart
    assert not apart_in_language(frozenset({"halt", "apologise"}), "zh", counts, langs, acts)
    # no pair the table marks apart_from: left to the words
    assert not apart_in_language(frozenset({"investigate"}), "zh", counts, langs, acts)
    assert not apart_in_language(frozenset(), "zh", counts, langs, acts)


def test_across_languages_a_halt_is_not_judged_apart() -> None:
    """The table may lack one language's word for the halt (暂停冲刺班): an English "suspended"
    beside Chinese quotes naming only the apology is no sign of another happening."""
    counts, langs, acts = _counts([("zh", frozenset({"apologise"})), ("zh", frozenset({"apologise"}))])
    assert not apart_in_language(frozenset({"halt"}), "en", counts, langs, acts)
    assert apart_in_language(frozenset({"halt"}), "zh", counts, langs, acts)


def test_the_main_actions_of_one_language() -> None:
    counts, langs, acts = _counts(APOLOGY)
    assert counts.main_in(langs, acts, "zh") == {"apologise", "compensate"}  # half of them name it
    assert counts.main_in(langs, acts, "en") == {"apologise", "compensate", "halt"}
    assert counts.main_in(langs, acts, "fr") == set()


def test_a_lone_sentence_naming_no_act_is_a_scene() -> None:
    assert scene_of(frozenset(), (), {"halt"}, 1)
    assert not scene_of(frozenset({"fall-ill"}), (), {"seal"}, 1)  # an act of its own
    assert not scene_of(frozenset(), ("市场监管局",), {"halt"}, 1)  # its own actor
    assert not scene_of(frozenset(), (), {"halt"}, 2)  # an event of several quotes
    assert not scene_of(frozenset(), (), set(), 1)  # the event names no act either
