"""An English action word a determiner makes a noun, with a relative clause saying which ("the
explosion that killed three people"), names a thing: the sentence tells what is done to it
(`sitegen.extract.actions`, ``RELATIVE_EN``), as 暴露的数据库 names a database."""

from __future__ import annotations

from sitegen.extract.actions import actions, parse

TABLE = parse(
    {
        "fire": {"en": ["explo", "fire"]},
        "die": {"en": ["killed"]},
        "investigate": {"en": ["investigat", "probe"]},
        "recall": {"en": ["recall"]},
        "apologise": {"en": ["apolog"]},
    }
)


def test_an_action_named_with_a_relative_clause_is_not_told() -> None:
    probe = (
        "The provincial government on Tuesday formed a team to investigate the explosion that killed "
        "three people at the plant early in the day."
    )
    assert TABLE.of(probe) == {"investigate"} == actions().of(probe)
    assert TABLE.of("The recall that the firm announced covers 86,000 bottles") == frozenset()
    # the relative clause ends at its comma: what follows is told again
    assert TABLE.of("the fire that broke out on Monday, he apologised") == {"apologise"}
    # a possessive makes a noun too
    assert TABLE.of("Its probe, the company's recall which began in May") == {"investigate"}


def test_an_action_told_or_named_without_a_relative_clause_still_counts() -> None:
    assert TABLE.of("An explosion that killed three people tore through the plant") == {"fire", "die"}
    assert TABLE.of("The explosion killed three people") == {"fire", "die"}
    assert TABLE.of("after the explosion, police opened a probe") == {"fire", "investigate"}
