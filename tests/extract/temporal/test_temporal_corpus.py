"""The per-language corpora of the temporal rules: examples with their interval, and near-misses.

``fixtures/temporal_zh.tsv`` (Simplified), ``temporal_zh_hant.tsv`` (Traditional) and
``temporal_en.tsv`` hold expressions with the interval worked out by hand from the calendar;
the ``*_neg.tsv`` files hold near-misses no mention of which may be dated.  Property tests
generate expressions in each script and language and check the resolved interval against the
true one.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import opencc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.extract.temporal import find as temporal
from sitegen.extract.temporal.compose import COMPOSITIONS
from sitegen.extract.temporal.find import TimeMention, find_times
from sitegen.extract.temporal.rules import ORDER, RULES
from sitegen.extract.temporal.rules_common import ANY_RULES
from sitegen.extract.temporal.rules_en import EN_RULES
from sitegen.extract.temporal.rules_more import MORE_RULES
from sitegen.extract.temporal.rules_zh import ZH_RULES
from tests.extract.temporal.test_temporal import PIECES, ROWS  # the older table exercises the not-event rules

from .tables import SHANGHAI, expected, listing, load, published_at

CORPORA = ("temporal_zh", "temporal_zh_hant", "temporal_en")


@pytest.fixture(autouse=True)
def strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(temporal, "STRICT", True)


POSITIVE = [(name, row) for name in CORPORA for row in load(name)]
NEGATIVE = [(name, row) for name in CORPORA for row in load(f"{name}_neg")]


def test_corpora_are_big_enough_and_ids_unique() -> None:
    rows = [row for _, row in POSITIVE + NEGATIVE]
    assert len(rows) >= 300
    assert len({row["id"] for row in rows}) == len(rows)
    for name in CORPORA:  # every language has examples and near-misses
        assert len(load(name)) >= 50 and len(load(f"{name}_neg")) >= 20


@pytest.mark.parametrize(("name", "row"), POSITIVE, ids=[row["id"] for _, row in POSITIVE])
def test_example(name: str, row: dict[str, str]) -> None:
    text = row["text"]
    mentions = find_times(text, published_at(row["published"]))
    if row["kind"] == "not-event":  # a future expression: no fragment of it may be dated either
        assert all(m.when is None for m in mentions), listing(mentions)
        assert any(m.text == row["match"] for m in mentions), listing(mentions)
        return
    found = [m for m in mentions if m.text == row["match"]]
    assert found, f"{row['match']!r} not found in {text!r}; got:\n{listing(mentions)}"
    assert found[0].when is not None, listing(mentions)
    assert found[0].when.to_fields() == expected(row), listing(mentions)
    if row["kind"]:
        assert found[0].kind == row["kind"], listing(mentions)


@pytest.mark.parametrize(("name", "row"), NEGATIVE, ids=[row["id"] for _, row in NEGATIVE])
def test_near_miss_is_not_dated(name: str, row: dict[str, str]) -> None:
    mentions = find_times(row["text"], published_at(row["published"]))
    assert all(m.when is None for m in mentions), listing(mentions)


def test_rule_order_names_every_rule_once() -> None:
    every = [r.name for r in (*ANY_RULES, *ZH_RULES, *EN_RULES, *MORE_RULES)]
    assert sorted(every) == sorted(ORDER)
    assert [r.name for r in RULES] == list(ORDER)


def test_every_rule_and_composition_is_exercised_by_the_corpora() -> None:
    used: set[str] = set()
    for _, row in POSITIVE + NEGATIVE:
        mentions = find_times(row["text"], published_at(row["published"]))
        used.update(part for m in mentions for part in re.split("[:+]", m.rule))  # compose-range:a+b
    for row in ROWS:
        text, pub = row["text"], datetime.fromisoformat(row["published"])
        mentions = find_times(text, pub if pub.tzinfo else pub.replace(tzinfo=SHANGHAI))
        used.update(part for m in mentions for part in re.split("[:+]", m.rule))
    assert {r.name for r in (*RULES, *COMPOSITIONS)} - used == set()


def test_numeric_dates_follow_the_setting() -> None:
    pub = datetime(2026, 3, 18, 10, tzinfo=SHANGHAI)
    (us,) = find_times("signed 3/2/2026", pub, numeric_order="mdy")
    (uk,) = find_times("signed 3/2/2026", pub, numeric_order="dmy")
    (unset,) = find_times("signed 3/2/2026", pub)
    assert us.when.to_fields() == {"date": "2026-03-02", "precision": "day"}
    assert uk.when.to_fields() == {"date": "2026-02-03", "precision": "day"}
    assert unset.when is None and "ambiguous" in unset.explanation
    finder = temporal.TimeFinder(numeric_order="dmy")
    assert finder("signed 3/2/2026", pub, lang="en")[0].when.iso() == "2026-02-03"


@pytest.mark.parametrize("published", [datetime(9999, 12, 31, 23, 59), datetime(1, 1, 1, 0, 0)])
def test_extreme_publication_dates_never_crash(published: datetime) -> None:
    for _, row in POSITIVE + NEGATIVE:
        for m in find_times(row["text"], published):
            assert row["text"][m.start : m.end] == m.text


def test_traditional_mentions_keep_the_original_text() -> None:
    pub = datetime(2026, 3, 18, 10, tzinfo=SHANGHAI)
    text = "他說：「上週五晚上9點，我們還在開會。」"
    (m,) = find_times(text, pub)
    assert m.text == "上週五晚上9點" and text[m.start : m.end] == m.text
    assert m.when.iso() == "2026-03-13T21:00+08:00"


# -- property tests ----------------------------------------------------------------------
PUB = datetime(2026, 3, 18, 10, tzinfo=SHANGHAI)
WD_ZH = "一二三四五六日"
WD_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip
TO_HANT = opencc.OpenCC("s2t")
past_days = st.dates(min_value=date(1990, 1, 1), max_value=date(2026, 3, 17))


def one_dated(text: str, published: datetime = PUB) -> TimeMention:
    dated = [m for m in find_times(text, published) if m.when is not None]
    assert len(dated) == 1, listing(find_times(text, published))
    return dated[0]


def zh_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def en_date(d: date) -> str:
    return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=past_days, shift=st.integers(0, 6), script=st.sampled_from(["zh", "hant", "en"]))
def test_a_weekday_never_contradicts_or_moves_its_date(d: date, shift: int, script: str) -> None:
    wd = (d.weekday() + shift) % 7
    if script == "en":
        text = f"The vote was held {WD_EN[wd]}, {en_date(d)}."
    else:
        text = f"{zh_date(d)}{'週' if script == 'hant' else '周'}{WD_ZH[wd]}，双方签约。"
    m = one_dated(text)
    assert m.when.start.date() == d  # the weekday never re-dates the date
    assert m.when.approximate == (shift != 0)  # a contradiction is said, on the page
    if shift:
        assert "contradicts" in m.explanation


def expressions(d: date, script: str) -> list[tuple[str, date, date]]:
    """(text, first day, last day) of the true interval, for a past day ``d``."""
    ago = (PUB.date() - d).days
    month_end = (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    if script == "en":
        out = [(en_date(d), d, d), (f"in {MONTHS_EN[d.month - 1]} {d.year}", d.replace(day=1), month_end),
               (f"in {d.year}", date(d.year, 1, 1), date(d.year, 12, 31))]  # fmt: skip
        if 1 < ago < 60:
            out.append((f"{ago} days ago", d, d))
        return out
    day_word = "號" if script == "hant" else "日"
    out = [(f"{d.year}年{d.month}月{d.day}{day_word}", d, d), (f"{d.year}年{d.month}月", d.replace(day=1), month_end),
           (f"{d.year}年", date(d.year, 1, 1), date(d.year, 12, 31))]  # fmt: skip
    if 1 < ago < 60:
        out.append((f"{ago}天前", d, d))
    if d.year >= 2000 and d.year < 2026:
        out.append((f"{d.year % 100:02d}年{d.month}月{d.day}{day_word}", d, d))
    return out


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(d=past_days, script=st.sampled_from(["zh", "hant", "en"]))
def test_the_resolved_interval_contains_the_true_one(d: date, script: str) -> None:
    for text, first, last in expressions(d, script):
        sentence = f"{text}，公司宣布了这一消息。" if script != "en" else f"The firm said so {text}."
        m = one_dated(sentence)
        assert m.when.start.date() <= first, (text, m.explanation)
        assert m.when.period_end().date() > last, (text, m.explanation)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(row=st.sampled_from([row for name, row in POSITIVE + NEGATIVE if name == "temporal_zh"]))
def test_simplified_and_traditional_resolve_alike(row: dict[str, str]) -> None:
    pub = published_at(row["published"])
    simple = find_times(row["text"], pub)
    hant_text = TO_HANT.convert(row["text"])
    hant = find_times(hant_text, pub)
    assert [(m.start, m.end, m.when and m.when.to_fields()) for m in simple] == [
        (m.start, m.end, m.when and m.when.to_fields()) for m in hant
    ], (row["text"], hant_text)


EXTREME = st.builds(
    lambda dt, tz: dt.replace(tzinfo=tz),
    st.one_of(
        st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1, 3, 1)),
        st.datetimes(min_value=datetime(9999, 10, 1), max_value=datetime(9999, 12, 31, 23, 59)),
    ),
    st.sampled_from([SHANGHAI, ZoneInfo("UTC")]),
)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.sampled_from(PIECES), max_size=20).map("".join), published=EXTREME)
def test_the_calendar_edges_never_crash(text: str, published: datetime) -> None:
    """A record published on 0001-01-01 or 9999-12-31 is read; arithmetic past the calendar is a
    not-event that says so, never an OverflowError."""
    for m in find_times(text, published):
        assert text[m.start : m.end] == m.text
        if m.when is not None:
            assert m.when.period_end() >= m.when.start
