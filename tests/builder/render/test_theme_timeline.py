"""Grouping and labels of the timeline at every date precision, in Chinese and English."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.builder.render.timeline import Section, sections, time_of_day
from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core.dates import When
from sitegen.core.model import Event

from ...support.theme import FIXTURE

TZ = ZoneInfo("Asia/Shanghai")


def _placement(secs: list[Section], path: tuple[str, ...] = ()) -> dict[str, tuple[str, ...]]:
    """event id -> the labels of the headings above it, outermost first."""
    out: dict[str, tuple[str, ...]] = {}
    for sec in secs:
        here = (*path, sec.label)
        for e in sec.events:
            out[e.id] = here
        out.update(_placement(sec.children, here))
    return out


def _fixture_timeline() -> list[Event]:
    site = load_site(load_config(FIXTURE))
    assert not site.errors, site.errors
    return site.timeline()


EXPECTED = {
    # event id: (headings in zh, headings in en, time of day zh, time of day en)
    "range-2013-2014": (("2013年", "2013年或2014年"), ("2013", "2013 or 2014"), "", ""),
    "about-2015": (("2015年", "约2015年"), ("2015", "c. 2015"), "", ""),
    "year-2020": (("2020年",), ("2020",), "", ""),
    "month-2026-01": (("2026年", "2026年1月"), ("2026", "January 2026"), "", ""),
    "early-jan": (
        ("2026年", "2026年1月", "2026年1月上旬"),
        ("2026", "January 2026", "early January 2026"),
        "",
        "",
    ),
    "day-jan-3": (
        ("2026年", "2026年1月", "1月3日 周六"),
        ("2026", "January 2026", "Saturday 3 January"),
        "",
        "",
    ),
    "evening-jan-7": (
        ("2026年", "2026年1月", "1月7日 周三"),
        ("2026", "January 2026", "Wednesday 7 January"),
        "晚",
        "evening",
    ),
    "hour-jan-7": (
        ("2026年", "2026年1月", "1月7日 周三"),
        ("2026", "January 2026", "Wednesday 7 January"),
        "晚8点",
        "8 pm",
    ),
    "minute-jan-8": (
        ("2026年", "2026年1月", "1月8日 周四"),
        ("2026", "January 2026", "Thursday 8 January"),
        "凌晨3点13分",
        "3:13 am",
    ),
    "en-feb-5": (
        ("2026年", "2026年2月", "2月5日 周四"),
        ("2026", "February 2026", "Thursday 5 February"),
        "",
        "",
    ),
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_precision_sits_under_its_own_heading(lang: str) -> None:
    events = _fixture_timeline()
    placed = _placement(sections(events, lang))
    assert set(placed) == set(EXPECTED), "every event appears exactly once"
    for event_id, (zh, en, _, _) in EXPECTED.items():
        assert placed[event_id] == (zh if lang == "zh" else en), event_id


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_time_of_day_is_only_what_is_finer_than_the_day(lang: str) -> None:
    for e in _fixture_timeline():
        _, _, zh, en = EXPECTED[e.id]
        assert time_of_day(e.when, lang) == (zh if lang == "zh" else en), e.id


def test_vague_groups_keep_the_whole_vague_label_from_dates() -> None:
    """The heading of a vague group is exactly When.label(): never trimmed to something more precise."""
    events = {e.id: e for e in _fixture_timeline()}
    for lang in ("zh", "en"):
        secs = sections(list(events.values()), lang)
        vague = [s for top in secs for s in _walk(top) if s.vague]
        assert {s.events[0].id for s in vague} == {"range-2013-2014", "about-2015", "early-jan"}
        for s in vague:
            assert s.label == s.events[0].when.label(lang)


def test_heading_depths_follow_nesting() -> None:
    secs = sections(_fixture_timeline(), "zh")
    for top in secs:
        assert top.kind == "year" and top.depth == 0
        for s in _walk(top):
            for c in s.children:
                assert c.depth == s.depth + 1


def _walk(sec: Section):
    yield sec
    for c in sec.children:
        yield from _walk(c)


def _event(eid: str, when: When) -> Event:
    return Event(id=eid, title=eid, when=when, sources=[])


def test_one_month_timeline_shows_day_headings_only_with_the_year_in_them() -> None:
    d = datetime(2026, 1, 7, 20, tzinfo=TZ)
    events = [
        _event("m", When(d.replace(day=1, hour=0), "month")),
        _event("a", When(d.replace(hour=0), "day")),
        _event("b", When(d, "hour")),
        _event("c", When(d.replace(day=9, hour=0), "day")),
    ]
    secs = sections(events, "zh")
    assert [(s.kind, s.label, [e.id for e in s.events]) for s in secs] == [
        ("month", "2026年1月", ["m"]),  # a month-only event keeps a heading that says so
        ("day", "2026年1月7日 周三", ["a", "b"]),
        ("day", "2026年1月9日 周五", ["c"]),
    ]
    assert all(s.depth == 0 and not s.children for s in secs)


def test_one_year_many_months_shows_month_headings_but_no_year() -> None:
    d = datetime(2026, 1, 7, tzinfo=TZ)
    events = [
        _event("y", When(d.replace(month=1, day=1), "year")),
        _event("a", When(d, "day")),
        _event("b", When(d.replace(month=3), "day", approximate=True)),
    ]
    secs = sections(events, "en")
    assert [(s.kind, s.label) for s in secs] == [
        ("year", "2026"),
        ("month", "January 2026"),
        ("month", "March 2026"),
    ]
    assert [(c.kind, c.label) for c in secs[1].children] == [("day", "Wednesday 7 January")]
    assert [(c.kind, c.label) for c in secs[2].children] == [("vague", "c. 7 March 2026")]


def test_range_across_months_sits_in_the_year() -> None:
    start = datetime(2026, 1, 20, tzinfo=TZ)
    end = datetime(2026, 2, 10, tzinfo=TZ)
    events = [
        _event("r", When(start, "day", end=end)),
        _event("x", When(datetime(2026, 3, 1, tzinfo=TZ), "day")),
        _event("z", When(datetime(2025, 3, 1, tzinfo=TZ), "day")),
    ]
    secs = sections(sorted(events, key=lambda e: e.when.sort_key()), "zh")
    y2026 = next(s for s in secs if s.label == "2026年")
    assert y2026.children[0].kind == "vague"
    assert y2026.children[0].label == When(start, "day", end=end).label("zh")


def test_fixture_site_is_valid(tmp_path: Path) -> None:
    site = load_site(load_config(FIXTURE))
    assert site.problems == []
