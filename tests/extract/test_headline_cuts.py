"""English titles cut off mid-phrase, and what stands between a subject and its verb
(`sitegen.extract.headline_trims`): each check and each trim on the sentences that showed it."""

from __future__ import annotations

from sitegen.extract.headline import headline_variants, headline_words
from sitegen.extract.headline_checks import headline_problems
from sitegen.extract.headline_trims import en_aside_dropped, en_bare_span_dropped, en_that_cut

EN = headline_words().en
ROCKET = (
    "A Red Kite-1 rocket built by Beijing-based Obsidian Space exploded about 90 seconds after lifting off "
    "from the Lanwan launch site on Tuesday morning, scattering debris"
)
FINDING = (
    "Investigators looking into the Nov. 18 loss of an Obsidian Space rocket concluded earlier this week "
    "that a poorly welded oxygen tank from Keystone Alloys was to blame."
)
SUIT = (
    "Cirrus Weather, which lost eight satellites when an Obsidian Space rocket exploded in November, filed "
    "a lawsuit against the launch company in a Beijing court on Wednesday, seeking 320 million yuan"
)


def test_a_time_span_left_bare_by_a_cut_is_a_fragment_and_goes() -> None:
    cut = "A Red Kite-1 rocket built by Beijing-based Obsidian Space exploded about 90 seconds"
    assert "ends on a measure of time cut from its clause" in headline_problems(cut)
    assert en_bare_span_dropped(cut, EN) == [
        "A Red Kite-1 rocket built by Beijing-based Obsidian Space exploded"
    ]
    assert "A Red Kite-1 rocket built by Beijing-based Obsidian Space exploded" in headline_variants(
        ROCKET, 40
    )
    # a span a word takes is what was said
    for whole in ("Most services restored after 31 hours", "The strike at the Hangzhou plant lasted three days"):
        assert not en_bare_span_dropped(whole, EN) and not headline_problems(whole)


def test_a_that_clause_cut_before_its_verb_is_a_fragment() -> None:
    cut = "Investigators concluded that a poorly welded oxygen tank"
    assert en_that_cut(cut, EN) and "ends on a that-clause cut before its verb" in headline_problems(cut)
    assert not en_that_cut("Investigators concluded that a poorly welded oxygen tank was to blame", EN)
    assert not en_that_cut("Regulators said that the tank failed", EN)


def test_what_stands_between_subject_and_verb_goes() -> None:
    variants = headline_variants(FINDING, 40)
    assert (
        "Investigators concluded that a poorly welded oxygen tank from Keystone Alloys was to blame"
        in variants
    )
    assert not any("earlier that" in v for v in variants)  # "earlier this week" goes whole
    assert en_aside_dropped("Cirrus Weather, which lost eight satellites, filed a lawsuit", EN) == [
        "Cirrus Weather filed a lawsuit"
    ]
    assert any(
        v.startswith("Cirrus Weather filed a lawsuit against the launch company")
        for v in headline_variants(SUIT, 40)
    )
    # no participle phrase: nothing dropped ("Shares of X fell", a comma first)
    assert en_aside_dropped("Shares of Halcyon Pharma fell 10%", EN) == []
    assert en_aside_dropped("Workers, including nurses, went on strike", EN) == []
