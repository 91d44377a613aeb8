"""An organisation's English name written short ("Harbor Freight" for "Harbor Freight Group") is
that organisation's name, in relevance and everywhere the lexicon reads Latin names."""

from __future__ import annotations

from sitegen.core.sitedata import SiteData
from sitegen.extract import short_forms
from sitegen.extract.entities import gazetteer, latin_names, make_lexicon
from sitegen.extract.relevance import judge
from sitegen.extract.rules import Rules
from sitegen.extract.words import Words


def test_a_name_loses_generic_endings_down_to_two_words() -> None:
    ends = short_forms.endings()
    assert short_forms.shorter("kestrel harbour holdings group", ends) == [
        "kestrel harbour holdings",
        "kestrel harbour",
    ]
    assert short_forms.shorter("china railway", ends) == []  # a country is no company's short name
    assert short_forms.shorter("maple leaf", ends) == []  # no generic ending


def test_a_short_form_maps_to_the_full_name_most_sources_write() -> None:
    runs = {
        "a": ["kestrel harbour group"],
        "b": ["kestrel harbour group", "li ming"],
        "c": ["kestrel harbour holdings"],
        "d": ["kestrel harbour"],
    }
    assert short_forms.full_forms(runs) == {"kestrel harbour": "kestrel harbour group"}


def test_a_short_form_most_sources_write_is_the_name_itself() -> None:
    """Most reports write "Kestrel Harbour"; two market reports its listed "… Group": the short
    form is what the story calls it, and is not read as the holding company."""
    runs = {
        "a": ["kestrel harbour"],
        "b": ["kestrel harbour"],
        "c": ["kestrel harbour"],
        "d": ["kestrel harbour group"],
    }
    assert short_forms.full_forms(runs) == {}


def test_the_lexicon_reads_the_short_form_as_the_full_name() -> None:
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "ferry")
    runs = {"a": ["kestrel harbour group"], "b": ["kestrel harbour"]}
    assert short_forms.teach(runs, lexicon)["b"] == ["kestrel harbour group"]
    text = "A later notice said Kestrel Harbour would pay the families."
    assert "kestrel harbour group" in lexicon.latin_terms(text)
    assert "kestrel harbour" not in latin_names(text, lexicon)


FERRY = [
    "A ferry run by Kestrel Harbour Group capsized off Dongshan island on Monday, killing four.",
    "Kestrel Harbour Group suspended its Dongshan ferry route after the capsizing on Monday.",
    "Divers found two more bodies near Dongshan island, Kestrel Harbour Group said.",
    "Kestrel Harbour Group apologised to the families of the Dongshan ferry victims.",
    "Regulators summoned Kestrel Harbour Group over the Dongshan capsizing.",
]
SHORT = "Families of the victims met Kestrel Harbour on Friday to discuss payments for the funerals."
OTHER = "Pinecrest Bakery opened a new ferry terminal cafe in Portsmouth on Friday."


def test_a_report_naming_the_company_only_short_shares_its_name() -> None:
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*FERRY, SHORT, OTHER])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "ferry")
    result = judge(docs, lexicon, Rules())
    assert "kestrel harbour group" in result.shared["s5"]
    assert "s6" in result.off_topic
