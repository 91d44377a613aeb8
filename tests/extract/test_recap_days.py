"""Two happenings of one day told one after the other (a delay, the publisher's exit that evening),
and a recap clause telling two happenings on two days (`dated_clauses`, `identity.continued_by`)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.core.model import Source
from sitegen.core.sitedata import SiteData
from sitegen.extract.candidates import find_candidates
from sitegen.extract.dated_clauses import cut_days
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.passages import Span, clauses
from sitegen.extract.rules import Rules
from sitegen.extract.temporal.find import find_times
from sitegen.extract.words import Words

from .test_extract_units import source
from .test_identity import run

TZ = ZoneInfo("Asia/Shanghai")

# -- the delay and the exit that evening --------------------------------------------------------
DELAY_THEN_EXIT = (
    "昨日，青岚游戏宣布旗下新作《星河纪》无限期延期上线。当晚，其发行商发布公告，终止该作的独家发行协议。"
)
EXIT_THEN_DELAY = (
    "前晚，云帆互娱公告终止与青岚游戏的《星河纪》独家发行协议。同日，青岚游戏宣布该作无限期延期。"
)
EXIT = "Cloudsail Interactive ended its distribution deal for Qinglan Games' Star River on Thursday evening."


def test_the_evenings_exit_told_after_the_days_delay_is_its_own_entry(tmp_path: Path) -> None:
    """ "当晚" goes on from "昨日" in the same article, but names an action of its own (ending a deal,
    ``apart_alone``): the bonus for going on telling a sentence does not fuse the two."""
    sources = [
        source(1, DELAY_THEN_EXIT, day=13),
        source(2, EXIT_THEN_DELAY, day=14),
        source(3, EXIT, day=13, lang="en"),
    ]
    out = run(tmp_path, sources)
    assert len(out.events) == 2, [e.title for e in out.events]
    exit_ = next(e for e in out.events if any("终止" in c.quote for c in e.sources))
    delay = next(e for e in out.events if e is not exit_)
    assert not any("延期" in c.quote for c in exit_.sources if c.source == "s1")
    assert {c.source for c in delay.sources} == {"s1", "s2"}
    assert {c.source for c in exit_.sources} == {"s1", "s2", "s3"}


# -- a recap clause telling two days ------------------------------------------------------------
def _mentions(text: str, published: datetime, lang: str) -> list:
    return [m for m in find_times(text, published, lang=lang) if m.when is not None and m.kind != "not-event"]


def _cut(text: str, lang: str = "en") -> tuple[list[str], int]:
    published = datetime(2026, 10, 23, 9, tzinfo=TZ)
    dated = _mentions(text, published, lang)
    whole = [Span(0, len(text))]
    parts, passing = cut_days(text, clauses(text, whole[0]) or whole, dated)
    return [p.of(text) for p in parts], len(passing)


def test_a_clause_dating_two_days_is_cut_where_its_second_telling_begins() -> None:
    # the date after its verb: the first telling ends at its date
    parts, passing = _cut("The studio capped overtime on Oct. 16 and shelved the game on Oct. 19")
    assert parts == ["The studio capped overtime on Oct. 16", "shelved the game on Oct. 19"]
    assert passing == 2
    # the date opening its clause: the second telling begins where its date is brought in
    parts, _ = _cut("On Oct. 13 the chief apologised and suspended the producer and on Oct. 14 shares fell")
    assert parts == ["On Oct. 13 the chief apologised and suspended the producer", "on Oct. 14 shares fell"]
    parts, passing = _cut("公司10月16日宣布取消加班并于10月19日宣布新作延期", "zh")
    assert parts == ["公司10月16日宣布取消加班", "于10月19日宣布新作延期"]
    assert passing == 2


def test_dates_of_one_day_counts_and_bounds_are_left_whole() -> None:
    assert _cut("Workers walked out on Oct. 15 and left by Oct. 15 evening")[1] == 0  # one day
    assert _cut("Overtime ran from Oct. 1 to Oct. 19") == (
        ["Overtime ran from Oct. 1 to Oct. 19"],
        0,
    )  # no "and"
    # relative dates date a telling and what it tells, or count from one another: not a recap
    said = "Investigators said on Monday the battery overheated and started the fire over the weekend"
    assert _cut(said) == ([said], 0)


def _candidates(body: str, lang: str = "en", day: int = 23) -> list:
    src = Source(
        id="s1",
        title="t",
        outlet="o",
        outlet_name="o",
        published=datetime(2026, 10, day, 9, tzinfo=TZ),
        lang=lang,
        keyword="kw",
        body=body,
    )
    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    return find_candidates(src, Words.of(body), lexicon, Rules(), find_times).candidates


def test_a_recap_clause_gives_each_day_its_telling_and_starts_no_entry() -> None:
    """Each telling of a recap ("capped overtime on Oct. 16 and shelved the game on Oct. 19") may
    join its happening's entry, never start one: quoted whole and dated by its first day, it
    named the second action too, agreed with no event of that day and made an entry of its own."""
    found = _candidates("The studio capped overtime on Oct. 16 and shelved the game on Oct. 19.")
    assert [(c.quote, c.when.start.day) for c in found] == [
        ("The studio capped overtime on Oct. 16", 16),
        ("shelved the game on Oct. 19.", 19),
    ]
    assert not any(c.founding for c in found)
    (alone,) = _candidates("The studio capped overtime on Oct. 16 after a week of protests.")
    assert alone.founding  # one date: a telling like any other


# -- a day counted from a date that only names a thing ------------------------------------------
def test_a_day_counted_from_a_date_naming_a_thing_starts_no_entry() -> None:
    """ "故障当天" counts from "前日的服务中断", a date that only names the outage (another report
    dates it): the sentence tells that day's consequence in passing; it may join, never start an
    entry.  Counted from a date that times a happening ("前日，…起火。当天，…"), it still may."""
    naming = (
        "今日，快行出行创始人表示，公司将就前日的服务中断向云服务商索赔。他称，故障当天公司订单量下降约六成。"
    )
    that_day = next(c for c in _candidates(naming, "zh", 14) if "当天" in c.quote)
    assert that_day.when.start.day == 12 and not that_day.founding
    timing = "前日，云服务商机房起火，服务中断。当天，公司订单量下降约六成。"
    that_day = next(c for c in _candidates(timing, "zh", 14) if "当天" in c.quote)
    assert that_day.when.start.day == 12 and that_day.founding


# -- a strike and the inquiry opened that afternoon -----------------------------------------------
def test_a_strike_is_an_action_told_apart_from_an_inquiry() -> None:
    from sitegen.extract.actions import actions

    table = actions()
    assert table.of("今日上午，数百名员工在总部集体离岗抗议") == {"strike"}
    assert table.of("Hundreds of employees walked out of the studio's offices on Thursday") == {"strike"}
    assert table.of("About 300 workers left their desks in a rare walkout") == {"strike"}
    assert table.of("Several hundred employees stopped work on Thursday morning") == {"strike"}
    assert table.of("services that stopped working from about 3:40 a.m.") == frozenset()  # an outage
    assert table.pair_apart(frozenset({"strike"}), frozenset({"investigate"}))


STRIKE = "昨日上午，青岚游戏数百名员工在总部集体离岗抗议。当天下午，市人社局通报，已对该公司立案调查。"
STRIKE_EN = "Hundreds of Qinglan Games employees walked out of the studio's offices on Thursday morning."
PROBE_EN = "The city's labour bureau opened an investigation into Qinglan Games on Thursday afternoon."


def test_the_walkout_and_the_afternoons_inquiry_are_two_entries(tmp_path: Path) -> None:
    out = run(tmp_path, [source(1, STRIKE, day=13), source(2, STRIKE_EN, day=13, lang="en"),
                         source(3, PROBE_EN, day=13, lang="en")])  # fmt: skip
    assert len(out.events) == 2, [e.title for e in out.events]
    walkout = next(e for e in out.events if any("离岗" in c.quote for c in e.sources))
    assert {c.source for c in walkout.sources} == {"s1", "s2"}
