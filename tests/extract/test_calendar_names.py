"""Months and weekdays are never names (`entities.latin_names`); an apposition is no quote
(`recall_rules.says_who_is`); checking and verifying are an inquiry (`actions.toml`)."""

from __future__ import annotations

import pytest

from sitegen.core.sitedata import SiteData
from sitegen.extract.actions import actions
from sitegen.extract.entities import gazetteer, latin_names, make_lexicon
from sitegen.extract.recall_rules import says_who_is


@pytest.fixture(scope="module")
def lexicon():
    data = SiteData()
    return make_lexicon(data, gazetteer(data), None)


@pytest.mark.parametrize(
    "text",
    [
        "The ferry to Port Quillan was cancelled on Oct. 12, officials said.",
        "The ferry to Port Quillan was cancelled on Dec 3 after a storm.",
        "Talks resumed Nov. 4 and the ferry to Port Quillan sailed again.",
        "By Tues. the ferry to Port Quillan had sailed; on Sept. 9 it stopped.",
        "The ferry to Port Quillan, idle on Thursday, sails on Wed. again.",
        "Sat. 14: the ferry to Port Quillan sails; Thurs 19: Sun. 22 and Jan 3 it rests.",
    ],
)
def test_months_and_weekdays_full_or_abbreviated_are_not_names(lexicon, text: str) -> None:
    found = latin_names(text, lexicon)
    assert "port quillan" in found[0] and all("port quillan" in name for name in found), found
    words = {w for name in found for w in name.split()}
    assert not words & {"oct", "dec", "nov", "tues", "sept", "monday", "thursday", "wed"}, found


def test_an_abbreviation_that_may_be_a_syllable_stays_inside_a_name(lexicon) -> None:
    """"Sun", "Jun": a weekday's or month's abbreviation, but also a pinyin syllable of a name."""
    text = "The Sun Weiting Foundation paid on Sun. 4 June; Li Jun said so on Jun. 6."
    assert latin_names(text, lexicon) == ["sun weiting foundation", "li jun"]


@pytest.mark.parametrize(
    ("clause", "who"),
    [
        ("deputy director of the Harbour Licensing Office,", True),
        ("the chief engineer at Brackwater Rail,", True),
        ("spokeswoman for the Lowmead Water Board", True),
        ("who oversaw the printing of the forms", False),
        ("was suspended by the provincial commission on Friday", False),
        ("closure of the plant", False),  # not an organisation's name
    ],
)
def test_an_apposition_says_who_someone_is(clause: str, who: bool) -> None:
    assert says_who_is(clause) is who


def test_checking_and_verifying_is_an_inquiry() -> None:
    assert "investigate" in actions().of("Officials were checking posts online about the leak.")
    assert "investigate" in actions().of("The bureau sent staff to verify the claims.")
    assert "investigate" not in actions().of("Passengers checked in early.")


def _units_of(text: str, published):
    from sitegen.extract.merge import Clustering
    from sitegen.extract.recall_units import SentenceMemo, units
    from sitegen.extract.rules import Rules
    from sitegen.extract.temporal.find import find_times
    from sitegen.extract.words import Lexicon, Words

    mentions = find_times(text, published, lang="en")
    return list(units(Words.of(text), Lexicon(), mentions, Clustering({}, Rules()), SentenceMemo()))


def test_an_apposition_is_never_quoted_alone() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    text = (
        "Ren Haolin, deputy director of the Harbour Licensing Office, who signed the permits for the "
        "pier, was suspended by the provincial commission on Friday."
    )
    units = [u for group in _units_of(text, datetime(2026, 2, 2, tzinfo=ZoneInfo("UTC"))) for u in group]
    assert units and not any(u.clause and "deputy director" in u.quote for u in units)


def test_complaints_hearings_and_hong_kong_claims_are_actions() -> None:
    """投诉 / "complained", 聆讯 / "hearing", 入禀 / 索偿 (a claim filed in Hong Kong's courts)."""
    table = actions()
    assert "complain" in table.of("A former nurse complained to the health bureau in May.")
    assert "complain" in table.of("前护士今年5月向卫生局投诉。")
    assert "hearing" in table.of("At Monday's hearing, the tenants' lawyers asked for more time.")
    assert "hearing" in table.of("案件今日在区域法院开庭。") and "hearing" in table.of("案件今日首次聆讯。")
    assert "sue" in table.of("两百名租户上月入禀区域法院，向业主索偿3000万港元。")
    assert "hearing" not in table.of("The tenants sued the landlord.")
    assert "hearing" in table.of("The bank applied to strike out the tenants' claim.")
    assert "hearing" in table.of("The magistrate reserved judgment until March.")
