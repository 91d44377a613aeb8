"""Tests for sitegen.extract.temporal.find: the fixture table, passages, and a fuzz test."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta, timezone
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.extract.temporal import find as temporal
from sitegen.extract.temporal.calendar import ceil_unit
from sitegen.extract.temporal.find import TimeMention, find_times
from sitegen.extract.temporal.rules import RULES

from .tables import SHANGHAI, expected, listing, load, published_at


@pytest.fixture(autouse=True)
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    """Resolver errors fail the test instead of being logged and skipped."""
    monkeypatch.setattr(temporal, "STRICT", True)


ROWS = load("temporal")


def expected_fields(row: dict[str, str]) -> dict[str, object] | None:
    return None if row["kind"] == "not-event" or not row["date"] else expected(row)


def test_fixture_is_big_enough() -> None:
    assert len(ROWS) >= 120
    assert len({row["id"] for row in ROWS}) == len(ROWS)


@pytest.mark.parametrize("row", ROWS, ids=[row["id"] for row in ROWS])
def test_fixture_row(row: dict[str, str]) -> None:
    text = row["text"]
    mentions = find_times(text, published_at(row["published"]))
    found = [m for m in mentions if m.text == row["match"]]
    assert found, f"{row['match']!r} not found in {text!r}; got:\n{listing(mentions)}"
    m = found[0]
    assert m.kind == row["kind"], listing(mentions)
    want = expected_fields(row)
    if want is None:
        assert m.when is None, listing(mentions)
    else:
        assert m.when is not None, listing(mentions)
        assert m.when.to_fields() == want, listing(mentions)
    if row["explains"]:
        assert row["explains"] in m.explanation, listing(mentions)
    assert text[m.start : m.end] == m.text


# -- passages -------------------------------------------------------------------
PUB = datetime(2026, 1, 8, 6, 13, tzinfo=SHANGHAI)


def by_text(mentions: list[TimeMention]) -> dict[str, TimeMention]:
    return {m.text: m for m in mentions}


def test_anchor_chain_follows_the_latest_date() -> None:
    text = (
        "1月5日，公司宣布停产。三天后，工厂复工。当晚，工人返岗。"
        "2013年，他第一次参加节目。12年后，他在直播中回应。"
    )
    got = by_text(find_times(text, PUB))
    assert got["三天后"].when.to_fields() == {"date": "2026-01-08", "precision": "day"}
    # 当晚 is the evening of the latest dated mention, 三天后 (1月8日), not of 1月5日
    assert got["当晚"].when.to_fields() == {
        "date": "2026-01-08", "precision": "part-of-day", "part_of_day": "evening"
    }  # fmt: skip
    assert "三天后" in got["当晚"].explanation
    assert got["12年后"].when.to_fields() == {
        "date": "2025", "precision": "year", "approximate": True
    }  # fmt: skip


def test_gap_before_anchor_and_duration_in_one_passage() -> None:
    text = (
        "1月7日晚8点，他再次出现在直播间。距离上一次直播才过去72小时，这一次他用将近3个小时的时间回应质疑。"
    )
    mentions = find_times(text, PUB)
    assert [(m.text, m.kind) for m in mentions] == [
        ("1月7日晚8点", "absolute"),
        ("才过去72小时", "anchored"),
        ("将近3个小时", "not-event"),
    ]
    # 72 hours is said for three days: the day it counts back to, never 20:00 of it
    assert mentions[1].when.iso() == "2026-01-04" and mentions[1].when.approximate


def test_bare_hours_are_a_duration_without_a_since_clause() -> None:
    (m,) = find_times("直播持续了72小时。", PUB)
    assert m.text == "72小时" and m.kind == "not-event"


def test_hours_after_a_habit_are_an_amount_per_week_not_the_last_hours() -> None:
    mentions = find_times("团队连续数月每周工作近100小时，本月初还有同事晕倒。", PUB)
    assert [(m.text, m.kind) for m in mentions] == [
        ("每周", "not-event"),
        ("近100小时", "not-event"),
        ("本月初", "relative"),
    ]
    # without the habit, 近N小时 is still the hours up to publication
    (m,) = find_times("近3小时内，股价下跌。", PUB)
    assert m.kind == "relative"


def test_a_clock_time_in_a_sentence_that_tells_nothing_done_dates_nothing() -> None:
    text = (
        "The pledge on Friday to cap overtime is welcome. Without enforcement, a cap on paper changes "
        "little for the people at their desks at midnight."
    )
    friday, midnight = find_times(text, PUB, lang="en")
    assert friday.kind == "relative" and midnight.kind == "not-event"
    # told as done, the same clock time takes the day before it
    done = find_times("The fire broke out on Friday. Firefighters arrived at midnight.", PUB, lang="en")
    assert done[1].kind == "anchored"


def test_no_anchor_falls_back_to_publication_and_says_so() -> None:
    (m,) = find_times("当晚，他发布了道歉声明。", PUB)
    assert m.when.to_fields() == {
        "date": "2026-01-08", "precision": "part-of-day", "part_of_day": "evening"
    }  # fmt: skip
    assert "publication" in m.explanation


def test_longest_match_wins() -> None:
    mentions = find_times("大约2013年或2014年时，1月7日晚8点半，上周五下午3时。", PUB)
    assert [m.text for m in mentions] == ["大约2013年或2014年", "1月7日晚8点半", "上周五下午3时"]
    assert mentions[2].when.iso() == "2026-01-02T15:00+08:00"


def test_mentions_are_sorted_and_never_overlap() -> None:
    text = (
        "On January 5, a blogger posted the chat [2][4]. "
        "1月5日晚，公司致歉；1月6日晚，公司通报处罚。"
        "过去半年，股价下跌0.6%。十多年前的一句话，10多年后被重提。2026-01-08 06:13 作者：某某"
    )
    mentions = find_times(text, PUB)
    assert len(mentions) >= 8
    for a, b in itertools.pairwise(mentions):
        assert a.end <= b.start
    for m in mentions:
        assert text[m.start : m.end] == m.text


def test_impossible_dates_are_dropped() -> None:
    assert [m.when for m in find_times("2月30日，公司成立。", PUB) if m.when] == []


def test_media_names_are_not_dates() -> None:
    assert find_times("据今日俄罗斯报道，今日头条上也有转载。", PUB) == []


def test_lang_filter() -> None:
    text = "1月7日晚 / on January 7"
    assert [m.text for m in find_times(text, PUB, lang="en")] == ["January 7"]
    assert [m.text for m in find_times(text, PUB, lang="zh-CN")] == ["1月7日晚"]
    assert len(find_times(text, PUB)) == 2


def test_naive_publication_time_is_shanghai() -> None:
    (m,) = find_times("昨天下午3点", datetime(2026, 1, 8, 6, 13))
    assert m.when.iso() == "2026-01-07T15:00+08:00"


def test_publication_must_be_a_datetime() -> None:
    with pytest.raises(TypeError, match="published"):
        find_times("昨天", None)  # type: ignore[arg-type]


def test_when_is_in_the_publication_zone() -> None:
    pub = datetime(2024, 11, 6, 20, 0, tzinfo=timezone(timedelta(hours=-5)))
    (m,) = find_times("Polls closed at 8 pm on November 5.", pub)
    assert m.when.start.utcoffset() == timedelta(hours=-5)


def test_kinds_cover_the_vocabulary() -> None:
    kinds = {row["kind"] for row in ROWS}
    assert kinds == {"absolute", "relative", "anchored", "vague", "not-event"}


def test_rule_names_are_unique() -> None:
    names = [r.name for r in RULES]
    assert len(names) == len(set(names))


JUNK = [
    "", "年月日", "前后", "第", "[]", "\x00\n\t", "9" * 500, "月" * 300, "年" * 200 + "2013",
    "0\n%", "January\n5", "1月\n7日", "2026-01-07T12:00+99:99", "五千年前", "九千九百年前",
    "9999年", "三千年后", "999 decades ago", "9990年代", "0000年代",
]  # fmt: skip


@pytest.mark.parametrize("junk", JUNK)
def test_junk(junk: str) -> None:
    for m in find_times(junk, PUB):
        assert junk[m.start : m.end] == m.text
        assert "\n" not in m.explanation


# -- fuzz -------------------------------------------------------------------------
PIECES = [
    "年", "月", "日", "号", "时", "点", "分", "半", "前", "后", "晚", "早", "凌晨", "上午",
    "下午", "中午", "深夜", "傍晚", "今天", "昨晚", "前天", "上周", "周", "星期", "本月",
    "上月", "初", "底", "中", "旬", "季度", "上半年", "开年", "年初", "多", "几", "余", "来",
    "个", "小时", "天", "周年", "一", "二", "两", "三", "十", "百", "千", "万", "〇", "零",
    "廿", "卅", "二〇一三", "十二", "三十一", "0", "1", "2", "9", "12", "31", "29", "2013",
    "2026", "9999", "0000", "-", "/", ":", ".", "，", "。", "（", "）", "[", "]", "%", "万元",
    "岁", "第", "距离", "才过去", "时隔", "当晚", "次日", "或", "至", "约", "左右", "前后",
    "以来", "将于", "目标", "农历", "北京时间", "当地时间", "今年", "去年", "明年", "当年",
    "该月", "当天", "January", "Jan.", "May", "Monday", "last", "night", "ago", "later",
    "earlier", "years", "hours", "a", "decade", "pm", "am", "at", "on", "in", "since", "by",
    "Q3", "the", "of", "evening", "early", "mid-", "T", "Z", "+08:00", "+99:99", "五千", "九千",
    " ", "more than", "\n",
    "週", "禮拜", "號", "點", "時", "個", "兩", "後", "這", "鐘", "刻", "正月", "腊月", "初八", "廿", "农历",
    "春节", "除夕", "期间", "世纪", "年代", "至", "到", "起", "—", "~", "近", "过去", "上", "前", "季度",
    "weekend", "quarter", "past", "Thanksgiving", "Easter", "'98", "3/2/2026", "2/2026", "of", "first",
]  # fmt: skip
texts = st.one_of(
    st.text(max_size=60),
    st.lists(st.sampled_from(PIECES), max_size=25).map("".join),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=20).map("".join),
)
publications = st.builds(
    lambda dt, tz: dt.replace(tzinfo=tz),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 12, 31)),
    st.sampled_from([SHANGHAI, UTC, timezone(timedelta(hours=-5)), ZoneInfo("America/New_York")]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, published=publications)
def test_fuzz_never_raises_and_never_dates_the_future(text: str, published: datetime) -> None:
    with mock.patch.object(temporal, "STRICT", True):
        mentions = find_times(text, published)
    day_end = published.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    last_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= last_end
        last_end = m.end
        assert m.kind in ("absolute", "relative", "anchored", "vague", "not-event")
        # no date: a non-event, or a recency word that says lately, not when (近日, 日前)
        assert m.when is not None or m.kind in ("not-event", "vague")
        assert m.kind != "not-event" or m.when is None
        assert m.explanation and "\n" not in m.explanation
        if m.when is not None:
            assert m.when.start < day_end, (m, published)
            if m.when.end is not None:
                assert m.when.end <= ceil_unit(day_end, m.when.precision), (m, published)
            assert m.when.start.tzinfo == published.tzinfo


def test_last_weekday_said_the_day_after_is_the_week_before() -> None:
    """A Thursday's "last Wednesday" is not yesterday (that would be "yesterday" or "on
    Wednesday"): it is the Wednesday of the week before; "this past" and two days back stay."""
    thursday = datetime(2026, 4, 16, 7, 0, tzinfo=SHANGHAI)  # 2026-04-16 is a Thursday
    cases = {
        "The ruling last Wednesday could reach far.": "2026-04-08",
        "The store closed this past Wednesday.": "2026-04-15",
        "The union voted last Tuesday.": "2026-04-14",
    }
    for text, day in cases.items():
        (m,) = [m for m in find_times(text, thursday, lang="en") if m.rule == "en-weekday"]
        assert m.when.start.date().isoformat() == day, text
