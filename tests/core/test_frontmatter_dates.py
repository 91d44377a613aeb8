"""Dates in front matter are read by sitegen's rules, not PyYAML's (issue 21 item 5, issue 16 item 2).

Unquoted ``date: 2026-02-30`` used to reach PyYAML's timestamp constructor and end `check` and
`build` in a traceback; years at the ends of the calendar crashed the build and drew one bar per
month across the millennia. Real files, the real command line.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from sitegen.builder.render.coverage import MAX_BINS, coverage
from sitegen.cli import main
from sitegen.core import frontmatter
from sitegen.core.dates import When
from sitegen.core.model import Citation, Event, Source

from ..content.test_check import EVENT, SOURCE

TZ = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def site(make_site) -> Path:
    root = make_site()
    (root / "content" / "sources").mkdir()
    (root / "content" / "events").mkdir()
    return root


def write(site: Path, event: str = EVENT, source: str = SOURCE) -> None:
    (site / "content" / "sources" / "s1.md").write_text(source, encoding="utf-8")
    (site / "content" / "events" / "e1.md").write_text(event, encoding="utf-8")


def run(site: Path, command: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--site", str(site), command])
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), (
        result.output
    )
    return result.exit_code, result.output


def event_dated(value: str) -> str:
    return EVENT.replace(
        "date: '2025-03-01'\nprecision: part-of-day\npart_of_day: evening\n", f"date: {value}\n"
    )


def source_published(value: str) -> str:
    return SOURCE.replace("published: '2025-03-02T08:15+08:00'", f"published: {value}")


IMPOSSIBLE = [
    ("event", "2026-02-30", 4, "that month has no such day"),
    ("event", "2026-13-01", 4, "the month must be from 01 to 12"),
    ("event", "2026-01-05T10:00+99:00", 4, "UTC offset +99:00"),
    ("event", "2026-01-05T24:00", 4, "the hour must be from 00 to 23"),
    ("event", "0000-05-01", 4, "the year must be from 0001 to 9999"),
    ("source", "2026-02-30", 5, "that month has no such day"),
    ("source", "9999-12-31T23:59+14:00", 5, "out of range"),
    ("source", "0001-01-01T00:30+00:00", 5, "out of range"),
]


@pytest.mark.parametrize("kind,value,line,message", IMPOSSIBLE, ids=[f"{k}-{v}" for k, v, *_ in IMPOSSIBLE])
def test_impossible_dates_are_file_line_errors_in_check_and_build(site, kind, value, line, message):
    if kind == "event":
        write(site, event=event_dated(value))
        where = f"content/events/e1.md:{line}: error: "
    else:
        write(site, source=source_published(value))
        where = f"content/sources/s1.md:{line}: error: "
    for command in ("check", "build"):
        code, out = run(site, command)
        assert code == 1, out
        assert where in out and message in out, out
        assert "Traceback" not in out


def test_unquoted_dates_stay_text_for_sitegen_to_read():
    page = frontmatter.parse(
        "---\ndate: 2026-02-30\npublished: 2024-05-17T06:13:00+08:00\n---\n", Path("x.md")
    )
    assert page.data == {"date": "2026-02-30", "published": "2024-05-17T06:13:00+08:00"}


def test_unquoted_valid_dates_read_as_before(site):
    write(site, event=event_dated("2025-03-01"), source=source_published("2025-03-02T08:15+08:00"))
    assert run(site, "check")[0] == 0


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31"])
def test_extreme_valid_years_check_and_build(site, value):
    write(site, event=event_dated(value), source=source_published(value))
    code, out = run(site, "check")
    assert code == 0, out
    assert f"content/sources/s1.md:5: warning: published {value[:4]}" in out
    code, out = run(site, "build")
    assert code == 0, out
    html = (site / "public" / "index.html").read_text(encoding="utf-8")
    assert html.count('<rect class="bar-articles"') == 1 and html.count('<rect class="bar-events"') == 1


def test_extreme_years_side_by_side_keep_the_chart_small(site):
    write(site, event=event_dated("0001-01-01"), source=source_published("9999-12-31"))
    code, out = run(site, "build")
    assert code == 0, out
    html = (site / "public" / "index.html").read_text(encoding="utf-8")
    bars = len(re.findall(r'<text class="tick"', html)) + len(re.findall(r"<tr data-date=", html))
    assert bars <= 2 * MAX_BINS
    assert html.count('<rect class="bar-') == 2


def test_publication_years_far_from_news_are_warned_about(site):
    later = datetime.now(TZ).year + 2
    for value, warned in [("1799-12-31", True), ("1800-01-01", False), (f"{later}-01-01", True)]:
        write(site, source=source_published(value), event=EVENT.replace("'2025-03-01'", f"'{value}'"))
        code, out = run(site, "check")
        assert code == 0, out
        assert ("content/sources/s1.md:5: warning: published" in out) is warned, out


def _source(day: datetime) -> Source:
    return Source("s", "t", "o", "o", day)


def _event(day: datetime) -> Event:
    return Event("e", "t", When(day, "day"), [Citation("s", "")])


@pytest.mark.parametrize(
    "first,last,unit",
    [
        ((2026, 1, 1), (2026, 4, 30), "day"),
        ((2026, 1, 1), (2026, 5, 1), "month"),
        ((2016, 1, 1), (2025, 12, 31), "month"),
        ((2016, 1, 1), (2026, 1, 1), "year"),
        ((1800, 1, 1), (2026, 1, 1), "decade"),
        ((1, 1, 1), (9999, 12, 31), "century"),
    ],
)
def test_coverage_picks_the_finest_unit_that_fits(first, last, unit):
    a, b = datetime(*first, tzinfo=TZ), datetime(*last, tzinfo=TZ)
    chart = coverage([_event(a)], [_source(b)], TZ, "zh")
    assert chart.unit == unit
    assert len(chart.bins) <= MAX_BINS
    assert chart.bins[0].start <= a.date() and chart.bins[-1].start <= b.date()
    assert sum(x.articles for x in chart.bins) == 1 and sum(x.events for x in chart.bins) == 1
