"""A surname alone is the full name the dump writes (`whole_names`); a title and the first
sentence of a lead stay apart (`leads.lead_text`); an event's title is not the clause after its
quote in the sentence (`event_title._beside`); a lone "since" clause says what happened
(`headline.toml` concessive); a name alone between commas is the next clause's subject
(`recall_rules.name_joined`); blaming is a finding (`actions.toml`).  Invented sentences, none
of any dump's."""

from __future__ import annotations

import pytest

from sitegen.core.sitedata import SiteData
from sitegen.extract.actions import actions
from sitegen.extract.entities import gazetteer, latin_names, make_lexicon
from sitegen.extract.event_title import _beside
from sitegen.extract.headline import headline_variants
from sitegen.extract.leads import lead_text
from sitegen.extract.passages import Span, clauses
from sitegen.extract.recall_rules import name_joined, says_who_is
from sitegen.extract.whole_names import last_words, whole_names


@pytest.fixture(scope="module")
def lexicon():
    data = SiteData()
    return make_lexicon(data, gazetteer(data), None)


def test_a_surname_alone_counts_as_the_full_name_written_elsewhere() -> None:
    runs = {"a": ["tessa quill", "brightwater"], "b": ["quill", "brightwater"], "c": ["quill"]}
    assert whole_names(runs) == {
        "a": ["tessa quill", "brightwater"],
        "b": ["tessa quill", "brightwater"],
        "c": ["tessa quill"],
    }


def test_a_word_ending_two_names_stays_as_it_is() -> None:
    runs = {"a": ["alma reyes", "owen reyes"], "b": ["reyes"]}
    assert whole_names(runs)["b"] == ["reyes"]
    assert "reyes" not in last_words(["alma reyes", "owen reyes"])
    assert last_words(["north harbour port authority board"]) == {}  # four words or more: no person's


def test_a_title_ending_on_a_name_does_not_run_into_the_first_sentence(lexicon) -> None:
    lead = lead_text("Brightwater blames its cleaner Quayside", "Brightwater's audit found a fault in May.")
    assert lead.startswith("Brightwater blames its cleaner Quayside. Brightwater's")
    assert "quayside brightwater" not in latin_names(lead, lexicon)
    assert "quayside" in latin_names(lead, lexicon)
    # a title ending on punctuation, or a sentence opening in Chinese, is left as it was
    assert lead_text("Brightwater fined!", "Brightwater paid.") == "Brightwater fined! Brightwater paid."
    assert lead_text("明湖公司被约谈", "明湖公司今日回应。") == "明湖公司被约谈 明湖公司今日回应。"


def test_a_title_is_not_the_clause_after_the_quote_in_its_sentence() -> None:
    text = (
        "Since Tessa Quill found the open server on May 4, and Brightwater shut it that evening, it has paid."
    )
    quote = Span(0, text.index(","))
    after = text.index("Brightwater shut")
    assert _beside(text, Span(after, after + 30), "Brightwater shut it that evening", quote)
    assert not _beside(text, Span(0, quote.end), "Tessa Quill found the open server", quote)
    # a run before the quote may be the subject the quote's clause lost
    text = "Tessa Quill, a former engineer, told the Courier on Monday that she had warned them."
    quote = Span(text.index("told"), len(text) - 1)
    assert not _beside(text, Span(0, 30), "Tessa Quill, a former engineer", quote)
    # a recap's earlier clause, other words between it and the quote, is another happening's
    text = "Since Tessa Quill found the server on May 4, Brightwater was fined (May 6) and sued (May 9)."
    quote = Span(text.index("sued"), len(text) - 1)
    assert _beside(text, Span(6, 42), "Tessa Quill found the server", quote)


def test_a_lone_since_clause_gives_its_clause_as_a_headline() -> None:
    variants = headline_variants("Since Tessa Quill found the open server on May 4", 80)
    assert any(v.startswith("Tessa Quill found the open server") for v in variants), variants
    # a since-phrase without a verb of its own is no clause to keep
    assert not any(v.startswith("The storm") for v in headline_variants("Since the storm last week", 80))


def test_a_name_alone_between_commas_is_the_subject_of_the_clause_after_it() -> None:
    text = "Brightwater shut a server on Tuesday after a researcher, Tessa Quill, found that it leaked data."
    parts = name_joined(text, clauses(text, Span(0, len(text))))
    assert [p.of(text) for p in parts] == [
        "Brightwater shut a server on Tuesday after a researcher",
        "Tessa Quill, found that it leaked data.",
    ]
    assert says_who_is("Tessa Quill") and says_who_is(", Tessa Quill,")  # quoted alone for nothing
    text = "Tessa Quill, head of the Brightwater Data Office, was suspended on Friday."
    parts = name_joined(text, clauses(text, Span(0, len(text))))
    assert parts[0].of(text) == "Tessa Quill"  # not joined to who she is
    assert not says_who_is("Tessa Quill found that it leaked data")
    assert not says_who_is("police detained two")


def test_blaming_a_party_or_a_cause_is_an_inquiry_s_findings() -> None:
    table = actions()
    assert "findings" in table.of("Brightwater on Tuesday blamed its cleaning contractor for the leak")
    assert "findings" in table.of("明湖公司将泄露归咎于外包商")
    assert "findings" in table.of("明湖公司本周二甩锅外包商")
    assert "findings" not in table.of("Brightwater apologised on Tuesday")
