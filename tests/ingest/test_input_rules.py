"""The input readers' rules on their own: format detection, dates, and when two records are one
article (docs/input-formats.md); the imports end to end are in test_input_formats.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.ingest.readers import detect_format
from sitegen.ingest.readers.fields import parse_when

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_format_is_told_by_extension_and_content(tmp_path):
    cases = {
        "a.csv": "x",
        "b.txt": "Workflow\n火灾\nicon\nSearch documents\n",
        "c.txt": "标题\t媒体\t日期\n甲\t乙\t2024-05-17\n",
        "d.dat": '<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>',
        "e": "<!DOCTYPE html><html><body>x</body></html>",
        "f.txt": '{"title": "a"}\n{"title": "b"}\n',
        "g.txt": '[{"title": "a"}]',
        "h.tsv": "甲市化工厂发生火灾\nXin Hua She· 2025-03-02 08:15\n正文\n",
    }
    got = {}
    for name, text in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        got[name] = detect_format(tmp_path / name)
    assert got == {
        "a.csv": "csv",
        "b.txt": "dump",
        "c.txt": "tsv",
        "d.dat": "feed",
        "e": "html",
        "f.txt": "jsonl",
        "g.txt": "json",
        "h.tsv": "dump",
    }


DATE_CASES = [
    ("2024-05-17", (datetime(2024, 5, 17, tzinfo=SHANGHAI), "day")),
    ("2024-05-17 20:15", (datetime(2024, 5, 17, 20, 15, tzinfo=SHANGHAI), "minute")),
    ("2024-05-17T20:15:07", (datetime(2024, 5, 17, 20, 15, 7, tzinfo=SHANGHAI), "second")),
    ("2024-05-17T12:15:00Z", (datetime(2024, 5, 17, 12, 15, tzinfo=UTC), "minute")),
    (
        "2024-05-17T20:15:00-04:00",
        (datetime(2024, 5, 17, 20, 15, tzinfo=timezone(timedelta(hours=-4))), "minute"),
    ),
    ("2024年5月17日", (datetime(2024, 5, 17, tzinfo=SHANGHAI), "day")),
    ("2024年5月17日 20时15分", (datetime(2024, 5, 17, 20, 15, tzinfo=SHANGHAI), "minute")),
    ("2024/5/17 8:05", (datetime(2024, 5, 17, 8, 5, tzinfo=SHANGHAI), "minute")),
    (
        "Fri, 17 May 2024 20:15:00 +0800",
        (datetime(2024, 5, 17, 20, 15, tzinfo=timezone(timedelta(hours=8))), "minute"),
    ),
    ("May 17, 2024", (datetime(2024, 5, 17, tzinfo=SHANGHAI), "day")),
    ("17 May 2024 8:15 PM", (datetime(2024, 5, 17, 20, 15, tzinfo=SHANGHAI), "minute")),
    ("17/05/2024", (datetime(2024, 5, 17, tzinfo=SHANGHAI), "day")),
    ("5/17/2024", (datetime(2024, 5, 17, tzinfo=SHANGHAI), "day")),
    ("45429", (datetime(2024, 5, 17, tzinfo=SHANGHAI), "day")),  # 1899-12-30 + 45429 days
    ("45429.84375", (datetime(2024, 5, 17, 20, 15, tzinfo=SHANGHAI), "minute")),  # .84375 = 20:15
    ("1715948100", (datetime(2024, 5, 17, 12, 15, tzinfo=UTC), "minute")),  # date -d @1715948100
    ("1715948100000", (datetime(2024, 5, 17, 12, 15, tzinfo=UTC), "minute")),
]


@pytest.mark.parametrize(("text", "expected"), DATE_CASES)
def test_dates_keep_their_precision_and_zone(text, expected):
    got = parse_when(text, SHANGHAI)
    assert got == expected
    assert got[0].utcoffset() == expected[0].utcoffset()


def test_every_date_form_is_read_by_a_case_above():
    from sitegen.ingest.readers.fields import DATE_READERS

    used = set()
    for text, _ in DATE_CASES:
        used.add(next(r.__name__ for r in DATE_READERS if r(text, SHANGHAI) is not None))
    assert used == {r.__name__ for r in DATE_READERS}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("03/04/2024", "ambiguous date"),
        ("2024-02-30", "impossible date"),
        ("next Tuesday", "unreadable date"),
        ("", "no publication date"),
    ],
)
def test_dates_that_cannot_be_read_say_what_was_expected(text, message):
    got = parse_when(text, SHANGHAI)
    assert isinstance(got, str) and got.startswith(message)


def _record(title: str, outlet: str, when: str, body: str, url: str | None = None, line: int = 1):
    from sitegen.ingest.dump import Record

    published = datetime.fromisoformat(when)
    return Record(title, outlet, published, "minute", body, None, Path("x.csv"), line, url=url)


def test_headline_outlet_and_day_match_only_when_the_texts_agree():
    from sitegen.ingest.readers.same import unique_articles

    records = [
        _record(
            "河滨大桥封闭", "Xin Hua She", "2024-05-17T08:15+08:00", "5月16日晚,河滨大桥封闭。交通部门……"
        ),
        # the feed's excerpt of the same article, an hour later in UTC: one source, the full text kept
        _record("河滨大桥封闭!", "新华社", "2024-05-17T01:15+00:00", "5月16日晚,河滨大桥封闭。", line=2),
        # the same headline and outlet that day, another text: another report, kept
        _record(
            "河滨大桥封闭", "Xin Hua She", "2024-05-17T20:40+08:00", "大桥封闭首日,地铁客流增加三成。", line=3
        ),
        # the same text from another outlet: syndication, kept
        _record(
            "河滨大桥封闭", "Peng Pai Xin Wen", "2024-05-17T08:15+08:00", "5月16日晚,河滨大桥封闭。", line=4
        ),
        # the same headline and outlet the next day: kept
        _record("河滨大桥封闭", "Xin Hua She", "2024-05-18T08:15+08:00", "5月16日晚,河滨大桥封闭。", line=5),
    ]
    names = {"Xin Hua She": "新华社"}
    kept = unique_articles(records, SHANGHAI, lambda o: names.get(o, o))
    assert [r.line for r in kept] == [1, 3, 4, 5]
    assert kept[0].body == records[0].body


def test_headlines_or_texts_of_no_letters_never_match_everything():
    """An emoji headline folds to nothing and an empty text is the start of every text: neither may
    make two different articles one (a hostile dump lost two records that way)."""
    from sitegen.ingest.readers.same import unique_articles

    records = [
        _record("😍", "X", "2024-05-17T08:15+08:00", "甲。"),
        _record("👩🏽", "X", "2024-05-17T08:16+08:00", "甲。", line=2),
        _record("大桥封闭", "X", "2024-05-17T09:00+08:00", "", line=3),
        _record("大桥封闭", "X", "2024-05-17T10:00+08:00", "大桥今晨封闭。", line=4),
        _record("😍", "X", "2024-05-17T11:00+08:00", "甲。", line=5),  # the first one again
    ]
    assert [r.line for r in unique_articles(records, SHANGHAI, lambda o: o)] == [1, 2, 3, 4]


def test_url_decides_before_the_headline():
    from sitegen.ingest.readers.same import unique_articles

    records = [
        _record("Bridge closed", "Cai Xin", "2024-05-17T08:15+08:00", "A.", "https://caixin.example/a"),
        _record("Bridge closed", "Cai Xin", "2024-05-17T08:15+08:00", "B.", "https://caixin.example/b", 2),
        _record("Bridge shut (updated)", "Cai Xin", "2024-05-17T09:00+08:00", "A. More.", None, 3),
        _record(
            "Bridge shut",
            "Other",
            "2024-05-18T09:00+08:00",
            "A. More text.",
            "http://www.CAIXIN.example/a/?utm_source=x#top",
            4,
        ),
    ]
    kept = unique_articles(records, SHANGHAI, lambda o: o)
    assert [r.line for r in kept] == [1, 2, 3]  # line 4 is line 1's URL; two URLs make two articles
    assert kept[0].body == "A. More text."  # the longer text of the copy


def test_a_thousand_reports_under_one_headline_cost_linear_time():
    from sitegen.ingest.readers.same import MAX_COMPARED, Articles

    def compared(n: int) -> int:
        articles = Articles(SHANGHAI, lambda o: o)
        for i in range(n):
            minute = datetime(2024, 5, 17, 8, tzinfo=SHANGHAI) + timedelta(seconds=7 * i)
            articles.add(
                _record("快讯", "Xin Hua She", minute.isoformat(), f"第{i}条快讯的正文。", line=i + 1)
            )
        assert len(articles.records) == n  # every text different: every report kept
        return articles.compared

    small, large = compared(1000), compared(2000)
    assert large <= MAX_COMPARED * 2000
    assert large <= 2.2 * small
