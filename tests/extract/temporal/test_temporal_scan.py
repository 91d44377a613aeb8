"""The temporal fast path (`sitegen.extract.temporal.scan`) finds exactly what the rule table finds.

Each rule's regex is run behind a first-character lookahead, and skipped on
passages that lack a character every match needs or a word every match spells
out (one of a set, where the regex branches).  All must be invisible:
the same matches (spans and groups) on every text, and never a skipped rule
that would have matched.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.extract.temporal import find as temporal
from sitegen.extract.temporal.find import TimeFinder, find_times
from sitegen.extract.temporal.rules import RULES
from sitegen.extract.temporal.scan import Scanner, fold, fold_text, scanner
from sitegen.ingest.dump import read_dump

from .tables import load

REPO = Path(__file__).resolve().parent.parent.parent.parent
SHANGHAI = ZoneInfo("Asia/Shanghai")
SCANNERS = [(rule, scanner(rule.pattern)) for rule in RULES]
BY_NAME = {rule.name: scan for rule, scan in SCANNERS}


def _corpus() -> list[str]:
    """Passages: the temporal fixture table and the bodies of every dump in the repository."""
    texts = []
    texts = [row["text"] for row in load("temporal")]
    dumps = [*sorted((REPO / "content" / "dumps").glob("*.txt"))]
    dumps += sorted((REPO / "tests" / "support" / "dumps").glob("*.txt"))
    for path in dumps:
        for record in read_dump(path, SHANGHAI).records:
            texts.append(record.title)
            texts.extend(p for p in record.body.split("\n") if p.strip())
    return texts


CORPUS = _corpus()


def _matches(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def _same_as_the_rules(text: str) -> None:
    chars, folded, lowered = set(text), fold(text), fold_text(text)
    for rule, scan in SCANNERS:
        plain = _matches(rule.pattern, text)
        assert _matches(scan.pattern, text) == plain, (rule.name, text)
        if plain:
            assert scan.may_match(chars, folded), (rule.name, text)
            assert scan.may_hold(text, lowered), (rule.name, text)


def test_every_rule_gets_a_shortcut() -> None:
    """A rule whose regex the analysis cannot read still works, but is slow: say which."""
    plain = [rule.name for rule, scan in SCANNERS if not scan.needs and scan.pattern is rule.pattern]
    assert plain == []


def test_needs_are_what_the_rule_names() -> None:
    """Spot checks that the analysis reads the table: 月 for a month-day, 年 for a year."""
    needs = {name: [set(n.chars) for n in scan.needs] for name, scan in BY_NAME.items()}
    assert any(n == {"月"} for n in needs["zh-date"]), needs["zh-date"]
    assert any("年" in n and len(n) < 20 for n in needs["zh-year"]), needs["zh-year"]
    # a bare month name is matched case-sensitively: the first letters, not their lower case
    assert any({"J", "F", "M", "A", "S", "O", "N", "D"} <= n for n in needs["en-month"]), needs["en-month"]
    # with a day attached most names are a date in any case (JUNE 5, dec. 29): compared case-folded;
    # March/May/August stay capitalised (verbs and an adjective)
    assert any({"j", "f", "a", "s", "o", "n", "d", "M"} <= n for n in needs["en-mdy"]), needs["en-mdy"]
    assert not any("m" in n for n in needs["en-mdy"]), needs["en-mdy"]


def test_words_are_what_the_rule_spells_out() -> None:
    """Spot checks of the words: "ago" for en-ago, a holiday's name for zh-holiday; and each
    set of words is tested one way (case-folded or not), so a mixed one is not kept."""
    words = {name: [(set(w.strings), w.folded) for w in scan.words] for name, scan in BY_NAME.items()}
    assert ({"ago"}, True) in words["en-ago"], words["en-ago"]
    assert any({"元旦", "国庆节"} <= w and not folded for w, folded in words["zh-holiday"]), words["zh-holiday"]
    # month names are case-sensitive there: "may" is a verb
    assert any("Jan" in w and not folded for w, folded in words["en-month"]), words["en-month"]
    assert sum(1 for scan in BY_NAME.values() if scan.words) > 30


def test_a_passage_without_a_word_a_rule_needs_skips_it() -> None:
    en_ago = BY_NAME["en-ago"]
    assert not en_ago.may_hold("Two weeks later the plant reopened", fold_text("Two weeks later the plant reopened"))
    assert en_ago.may_hold("Two WEEKS AGO the plant", fold_text("Two WEEKS AGO the plant"))
    holiday = BY_NAME["zh-holiday"]
    assert not holiday.may_hold("5月17日，工厂召开了会议。")
    assert holiday.may_hold("今年国庆期间，工厂召开了会议。")


def test_uncased_characters_of_words_match_only_themselves() -> None:
    """A word is searched as written when its characters have no case (digits, Chinese): under
    ``re.IGNORECASE`` no other character may match one of them."""
    everything = "".join(map(chr, range(0x110000)))
    uncased = {c for scan in BY_NAME.values() for w in scan.words for s in w.strings for c in s if not c.isalpha() or not c.isascii()}
    assert uncased
    for ch in uncased:
        if ch.upper() == ch == ch.lower():
            assert set(re.findall(f"(?i:{re.escape(ch)})", everything)) == {ch}, hex(ord(ch))


def test_the_corpus_is_matched_exactly_as_without_the_fast_path() -> None:
    assert len(CORPUS) > 300
    for text in CORPUS:
        _same_as_the_rules(text)


def test_a_passage_without_what_a_rule_needs_skips_it() -> None:
    zh_date = BY_NAME["zh-date"]
    assert not zh_date.may_match(set("今天上午，工厂召开了会议。"))
    assert zh_date.may_match(set("5月17日，工厂召开了会议。"))
    en_mdy = BY_NAME["en-mdy"]
    assert not en_mdy.may_match(set("the plant reopened"), fold("the plant reopened"))


def test_case_folding_covers_every_character_ignorecase_equates_with_a_letter() -> None:
    """``fold`` must map every character ``re.IGNORECASE`` matches to an ASCII letter onto it."""
    everything = "".join(map(chr, range(0x110000)))
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for ch in set(re.findall(f"(?i:{letter})", everything)):
            assert letter in fold(ch), (letter, ch, hex(ord(ch)))


def _rule_alphabet() -> list[str]:
    """Characters the rules' regexes spell out, plus case variants and neighbours."""
    chars = set()
    for rule in RULES:
        chars.update(c for c in rule.pattern.pattern if not c.isspace() and c not in "()[]?:*+{}|\\^$")
    chars.update("İıſ\u212a0123456789 \n\t\u3000.,，。")
    return sorted(chars)


ALPHABET = _rule_alphabet()
WORDS = sorted({w for text in CORPUS[:200] for w in re.findall(r"\w{1,6}", text)})
fuzz_texts = st.one_of(
    st.text(alphabet=st.sampled_from(ALPHABET), max_size=40),
    st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ALPHABET)), max_size=20).map("".join),
    st.text(max_size=30),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=fuzz_texts)
def test_fuzz_same_matches_as_the_rules(text: str) -> None:
    _same_as_the_rules(text)


def test_a_scanner_claims_nothing_where_it_cannot_read_the_pattern() -> None:
    backref = re.compile(r"(\d)\1年")
    empty = re.compile(r"年?")
    for pattern in (backref, empty):
        scan = scanner(pattern)
        assert _matches(scan.pattern, "11年 2年 年") == _matches(pattern, "11年 2年 年")
    assert scanner(empty) == Scanner(empty, ())  # can match nothing: needs nothing, no lookahead


@pytest.mark.parametrize("lang", ["zh", "en", None, "fr"])
def test_time_finder_equals_find_times_for_repeated_passages(lang: str | None) -> None:
    """The finder reuses a passage's matches; resolving still follows each publication time."""
    finder = TimeFinder()
    base = datetime(2024, 5, 17, 9, 30, tzinfo=SHANGHAI)
    for text in CORPUS[:150] * 2:
        for days in (0, 3, 400):
            published = base + timedelta(days=days)
            assert finder(text, published, lang=lang) == find_times(text, published, lang=lang)


def test_rules_for_a_language_keep_the_table_order() -> None:
    assert [r.name for r, _ in temporal._rules_for("")] == [r.name for r in RULES]
    zh = [r.name for r, _ in temporal._rules_for("zh")]
    assert zh == [r.name for r in RULES if r.lang in ("zh", "any")]
