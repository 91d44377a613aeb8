"""Sparse held-out fixes: a possessive date that opens its sentence dates the subject it names
(`subject_date`), and no English cut ends on a verb that wants what it dropped."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from sitegen.extract.actions import actions
from sitegen.extract.headline import headline_variants
from sitegen.extract.headline_checks import headline_problems
from sitegen.extract.passages import Span, clauses
from sitegen.extract.subject_date import opens_as_subject

from .test_background import candidates
from .test_extract_units import run, source

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


def test_paying_for_damage_is_compensating() -> None:
    acts = actions().of("The company has already paid for damage under a settlement with villagers")
    assert "compensate" in acts
    assert "compensate" in actions().of("It will pay for the damage to the roofs")
    assert "compensate" not in actions().of("The company paid a fine for the damage to its reputation")


def test_a_vague_span_naming_the_events_action_joins_it(tmp_path: Path) -> None:
    """ "paid for damage under a settlement earlier this month" is the compensation signed on a
    day of that month: the action votes across the vague span as within one day."""
    body = "今日，华丰化工与河湾村30户受损农户签订赔偿协议，赔偿总额500万元，伤者医疗费用由公司承担。"
    sources = [
        source(1, body, day=5),
        source(2, "6月5日，华丰化工与河湾村30户农户签订了500万元的赔偿协议，村民表示满意。", day=8),
        source(
            3,
            "Huafeng Chemical said it signed an agreement on Thursday to compensate villagers "
            "in Hewan for damage from the leak.",
            day=6,
            lang="en",
        ),
        source(
            4,
            "Investigators said on Monday that a faulty valve caused the leak at the Huafeng plant. "
            "The company has already paid for damage under a settlement with villagers earlier this month.",
            day=18,
            lang="en",
        ),
    ]
    out = run(tmp_path, sources)
    alone = [e for e in out.events if [c.source for c in e.sources] == ["s4"]]
    assert not [e for e in alone if "settlement" in e.sources[0].quote], [e.title for e in out.events]
    deal = next(e for e in out.events if "s1" in {c.source for c in e.sources})
    assert "s4" in {c.source for c in deal.sources}
    why = [line for line in out.explain.get(deal.id, []) if line.strip().startswith("merged: s4")]
    assert why and "the same action" in why[0]  # the vote the vague span now has


def test_a_possessive_date_stays_in_the_title() -> None:
    """ "caused last month's explosion": dropping the date would leave "caused's explosion"."""
    s = "A cracked weld in the fuel tank caused last month's rocket explosion, investigators said on Tuesday."
    variants = headline_variants(s, 40)
    assert variants[0] == "A cracked weld in the fuel tank caused last month's rocket explosion"
    assert not any("caused's" in v or " 's" in v for v in variants)
    assert headline_variants("The regulator voided Saturday's exam on Sunday.", 40)[0] == (
        "The regulator voided Saturday's exam"
    )
