"""A subject named by reference (`sitegen.extract.referring`): no clash of names in `merge`."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitegen.extract import referring
from sitegen.extract.referring import refers_back

from .test_extract_units import run, source

REFERS = [
    ("The studio filed suit on Monday, claiming the cost of Night Bloom.", "en"),
    ("It said it would appeal.", "en"),
    ("On Monday, they closed the pier.", "en"),
    ("This small group sued the city.", "en"),
    ("当晚，他在网上发文质疑门票被倒卖。", "zh"),
    ("该公司宣布召回全部产品。", "zh"),
    ("她们随后报警。", "zh"),
]
NAMES = [
    ("Harbor Media filed a lawsuit on Monday.", "en"),
    ("The Lakeview tax office fined the studio.", "en"),
    ("On Monday, Harbor Media sued the studio.", "en"),
    ("周明在网上发文质疑门票被倒卖。", "zh"),
]


@pytest.mark.parametrize(("quote", "lang"), REFERS)
def test_a_subject_by_reference_is_found(quote: str, lang: str) -> None:
    assert refers_back(quote, lang)


@pytest.mark.parametrize(("quote", "lang"), NAMES)
def test_a_named_subject_is_no_reference(quote: str, lang: str) -> None:
    assert not refers_back(quote, lang)


SUED = (
    "Harbor Media said on Monday it had filed a lawsuit against singer Mei Lan and Redwood Studio"
    " at the Lakeview Intermediate Court."
)
SUIT = (
    "The platform filed suit on Monday, claiming the cost of producing and marketing Night Bloom,"
    " a drama Zhou Ping directed in Qingshui."
)


def lawsuit_dump() -> list:
    return [
        source(1, SUED, lang="en"),
        source(2, "Harbor Media has sued Mei Lan and Redwood Studio, it said on Monday.", lang="en"),
        source(3, "Mei Lan has not commented. " + SUIT, lang="en", day=11),
    ]


def founding_comparisons(out: object) -> list[str]:
    """The near-bar comparisons of the platform's own dated sentence with the lawsuit event."""
    lines = [line for e in out.events for line in out.explain.get(e.id, [])]
    return [line for line in lines if "s3 “The platform filed suit on Monday, claim" in line]


def test_a_suit_told_by_reference_is_no_clash_of_names(tmp_path: Path) -> None:
    """The platform's sentence names only what the suit is about (Night Bloom, Zhou Ping): none of
    the lawsuit's names, yet its actor is named by reference, so the names do not count against."""
    out = run(tmp_path, lawsuit_dump())
    lines = founding_comparisons(out)
    assert lines and not any("different names" in line for line in lines)
    suits = [e for e in out.events if any(c.source == "s3" for c in e.sources)]
    assert len(suits) == 1 and {c.source for c in suits[0].sources} >= {"s1", "s3"}


def test_without_the_reference_the_names_clash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The contrast: read as naming its actor, the platform's sentence clashes (far below the bar)."""
    monkeypatch.setattr("sitegen.extract.merge.refers_back", lambda quote, lang: False)
    assert referring.refers_back(SUIT, "en")
    out = run(tmp_path, lawsuit_dump())
    assert all("different names" in line for line in founding_comparisons(out))


def test_a_time_word_is_no_subject() -> None:
    assert not refers_back("此前，星河乳业曾两次被罚。", "zh")
