"""A report opening on a name other reports write mid-sentence names it (`opening_names`); a last
clause that only says who told it, and when, quotes what it told (`attribution_tail`); a teller's
"that NAME," runs through the name's apposition to its verb (`recall_rules.name_joined`).
Invented sentences (a cleaning firm "Brightwater", its contractor "Quayside"), none from a gold
dump."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sitegen.core.model import Source
from sitegen.core.sitedata import SiteData
from sitegen.extract.attribution_tail import attribution_tail
from sitegen.extract.candidates import find_candidates
from sitegen.extract.entities import gazetteer, latin_names, make_lexicon
from sitegen.extract.opening_names import opening_names
from sitegen.extract.passages import Span, clauses
from sitegen.extract.recall_rules import name_joined
from sitegen.extract.rules import Rules
from sitegen.extract.temporal.find import find_times
from sitegen.extract.words import Words

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture(scope="module")
def lexicon():
    data = SiteData()
    return make_lexicon(data, gazetteer(data), None)


def test_an_opening_word_counts_as_a_name_only_when_other_reports_write_it_so(lexicon) -> None:
    texts = {
        "a": "Regulators fined Brightwater on Monday.",
        "b": "Inspectors said Brightwater had ignored the warnings.",
        "c": "Brightwater points finger at Quayside. Brightwater's audit found a fault.",
        "d": "Shares fell. Officials said on Monday that Brightwater would pay.",
    }
    found = {sid: latin_names(t, lexicon) for sid, t in texts.items()}
    assert "brightwater" not in found["c"]  # an opening capital alone is no evidence
    openers = opening_names(found, 2)
    assert "brightwater" in openers["c"]  # a, b and d write it mid-sentence
    assert "brightwater" in latin_names(texts["c"], lexicon, openers["c"])
    assert "shares" not in latin_names(texts["d"], lexicon, openers["d"])  # no one writes it so
    # a report cannot vouch for itself: two others are needed
    assert "quayside" not in opening_names({**found, "e": ["quayside"]}, 2)["c"]


def test_a_speakers_closing_clause_is_no_telling_of_its_own() -> None:
    assert attribution_tail("Chief Operating Officer Jane Roe told reporters on Friday.", "Friday")
    assert attribution_tail("Brightwater said on Friday", "Friday")
    assert not attribution_tail("Police detained two workers on Friday", "Friday")
    assert not attribution_tail("Jane Roe said on Friday that the plant closed", "Friday")


def test_the_closing_tellers_quote_holds_what_was_told_and_founds_on_its_own_day(lexicon) -> None:
    src = Source(
        id="s1",
        title="t",
        outlet="o",
        outlet_name="o",
        published=datetime(2026, 3, 20, 9, 0, tzinfo=TZ),
        lang="en",
        keyword="kw",
        body="",
    )
    body = (
        "Brightwater's audit found that Quayside misconfigured the boiler in January, "
        "Chief Operating Officer Jane Roe told reporters on Tuesday."
    )
    found = find_candidates(src, Words.of(body), lexicon, Rules(), find_times).candidates
    tuesday = next(c for c in found if c.mention.text == "Tuesday")
    january = next(c for c in found if c.mention.text == "January")
    assert tuesday.quote.startswith("Brightwater's audit found")  # what was told, on the day told
    assert tuesday.founding
    assert not january.founding  # told only through the speaker: it may join, never start


def test_a_tellers_that_runs_through_the_names_apposition_to_its_verb() -> None:
    text = (
        "Brightwater said on Tuesday that Quayside, a contractor that ran its boilers, "
        "had left a valve open in January."
    )
    parts = name_joined(text, clauses(text, Span(0, len(text))))
    assert [p.of(text) for p in parts] == [text]
    text = "Brightwater said on Tuesday that it would pay, and Quayside said nothing."
    assert len(name_joined(text, clauses(text, Span(0, len(text))))) == 2
