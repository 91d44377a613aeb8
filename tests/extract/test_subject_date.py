"""Sparse held-out fixes: a possessive date that opens its sentence dates the subject it names
(`subject_date`), and no English cut ends on a verb that wants what it dropped."""

from __future__ import annotations

from types import SimpleNamespace

from sitegen.extract.headline import headline_variants
from sitegen.extract.headline_checks import headline_problems
from sitegen.extract.passages import Span, clauses
from sitegen.extract.subject_date import opens_as_subject

from .test_background import candidates

LIST = (
    "Last Sunday's reopening ends a hard winter for the park operator: a manager gone since "
    "late December, a fine from the regulator, half of its staff furloughed in January."
)


def test_an_opening_possessive_date_dates_its_subject_beside_dated_clauses() -> None:
    found = candidates(LIST, "en")
    dates = [d for d, _, _ in found]
    assert "Last Sunday" in dates  # the reopening, not only January's furloughs
    subject = next(q for d, q, _ in found if d == "Last Sunday")
    assert subject.startswith("Last Sunday's reopening") and "January" not in subject
    assert not next(f for d, _, f in found if d == "Last Sunday")  # it names: it joins, founds nothing


def test_a_possessive_date_in_the_verbs_clause_still_gives_way() -> None:
    en = "The exam authority declared Saturday's mathematics paper void on Sunday after answers leaked online."
    assert [d for d, _, _ in candidates(en, "en")] == ["Sunday"]
    # the possessive not at the sentence's opening, or in the clause of the other date: no subject
    late = "Regulators on Monday praised Sunday's reopening of the park, after a fine in January."
    assert _opens(late, "Sunday's") is False
    assert _opens("Sunday's reopening was praised in January by the regulator.", "Sunday's") is False
    assert _opens("Sunday's reopening ends a hard winter: a fine in January.", "Sunday's") is True


def _opens(sentence: str, date: str) -> bool:
    start = sentence.index(date)
    m = SimpleNamespace(start=start, end=start + len(date) - 2, text=date[:-2])
    other = sentence.index("January")
    v = SimpleNamespace(start=other, end=other + 7, text="January")
    span = Span(0, len(sentence))
    return opens_as_subject(sentence, span, m, clauses(sentence, span) or [span], [v])


def test_no_cut_ends_on_a_verb_that_wants_its_object() -> None:
    s = (
        "The 320 million yuan claim that a weather firm brought against the launch company last "
        "Wednesday is the first time a satellite operator has taken a launch provider to court."
    )
    variants = headline_variants(s, 80)
    assert variants and not any(v.endswith(" brought") for v in variants)
    assert all("ends on a verb that wants what was cut" not in headline_problems(v) for v in variants)
