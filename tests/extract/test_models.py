"""Numbered models of one family are two things (`sitegen.extract.models`): a sentence about one
does not join an event about another by its content (`recall`)."""

from __future__ import annotations

from sitegen.extract.models import numbered, other_model


def test_numbered_models_in_either_script() -> None:
    assert numbered("The Falconet-3 drone crashed; a Falconet-2 flew on.") == {("falconet", 3), ("falconet", 2)}
    assert numbered("天枢二号卫星与天枢十一号卫星") == {("天枢", 2), ("天枢", 11)}
    assert numbered("The plant resumed work on Monday.") == set()


def test_another_model_of_the_family_is_another_thing() -> None:
    event = ["an earlier Falconet-1 drone was lost in 2023", "天枢一号卫星发射失利"]
    assert other_model("the Falconet-2 that crashed on Monday was worth $3 million", event)
    assert other_model("天枢二号卫星价值约1亿元", event)
    # the event's own model, or a family it never names, or no model at all: left to the vote
    assert not other_model("the Falconet-1 loss was the first", event)
    assert not other_model("the Falconet-2 and the Falconet-1 share a motor", event)
    assert not other_model("a Heron-4 flew instead", event)
    assert not other_model("the drone maker's shares fell", event)
