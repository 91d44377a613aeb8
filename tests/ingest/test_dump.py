"""The dump parser on every variant a real user hits, and on bad input."""

from __future__ import annotations

import codecs
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.ingest.dump import MAX_LINE_CHARS, parse_meta, read_dump

from ..conftest import SEED_DUMP

TZ = ZoneInfo("Asia/Shanghai")

HEADER = "Workflow\n测试关键词\nicon\nSearch documents\n"
REC_A = "甲市化工厂发生火灾\nXin Hua She· 2025-03-02 08:15\n3月1日晚，甲市化工厂起火。 ...\n"
REC_B = "Factory fire: three hurt\nCai Xin· 2025-03-02 09:00\nA fire broke out on Saturday night.\n"
REC_C = "火灾调查启动\nPeng Pai Xin Wen· 2025-03-03 10:20\n调查组已进驻。\n"


def write(tmp_path: Path, text: str | bytes, name: str = "d.txt") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return p


def titles(dump) -> list[str]:
    return [r.title for r in dump.records]


def test_seed_dump_has_ten_records_with_keyword_and_offsets():
    d = read_dump(SEED_DUMP, TZ)
    assert d.problems == []
    assert d.keyword == "营销"
    assert len(d.records) == 10
    first = d.records[0]
    assert first.line == 5
    assert first.published == datetime(2026, 1, 11, 11, 51, tzinfo=TZ)
    assert first.published.utcoffset().total_seconds() == 8 * 3600
    assert {r.outlet for r in d.records} == {"Sou Hu Cai Jing", "3 6 Ke", "Guan Cha Zhe Wang"}


def test_plain_dump(tmp_path):
    d = read_dump(write(tmp_path, HEADER + REC_A + REC_B + REC_C), TZ)
    assert d.problems == []
    assert titles(d) == ["甲市化工厂发生火灾", "Factory fire: three hurt", "火灾调查启动"]
    assert d.records[1].body == "A fire broke out on Saturday night."
    assert d.records[0].keyword == "测试关键词"
    assert [r.line for r in d.records] == [5, 8, 11]


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), id="utf8-bom"),
        pytest.param(lambda t: t.encode("gb18030"), id="gb18030"),
        pytest.param(lambda t: t.encode("gbk"), id="gbk"),
        pytest.param(lambda t: t.replace("\n", "\n\n\n").encode("utf-8"), id="blank-lines"),
        pytest.param(lambda t: t.replace("\n", "  \t\n").encode("utf-8"), id="trailing-whitespace"),
        pytest.param(lambda t: t.replace("·", "・").encode("utf-8"), id="katakana-middle-dot"),
        pytest.param(lambda t: t.replace("·", " |").encode("utf-8"), id="pipe"),
        pytest.param(lambda t: t.replace("\r", "").encode("utf-8"), id="lf"),
    ],
)
def test_format_variants_give_the_same_records(tmp_path, variant):
    text = HEADER + REC_A + REC_B + REC_C
    d = read_dump(write(tmp_path, variant(text)), TZ)
    assert [p for p in d.problems if p.level == "error"] == []
    assert titles(d) == ["甲市化工厂发生火灾", "Factory fire: three hurt", "火灾调查启动"]
    assert d.records[0].outlet == "Xin Hua She"
    assert d.records[0].published == datetime(2025, 3, 2, 8, 15, tzinfo=TZ)
    assert d.records[0].body.startswith("3月1日晚，甲市化工厂起火。")


def test_times_with_seconds_and_without_time(tmp_path):
    text = (
        HEADER + "A\nX· 2025-03-02 08:15:42\nbody a\nB\nY· 2025-03-02\nbody b\nC\nZ· 2025/3/4 9:05\nbody c\n"
    )
    d = read_dump(write(tmp_path, text), TZ)
    assert d.problems == []
    a, b, c = d.records
    assert (a.published.second, a.precision) == (42, "second")
    assert (b.published.hour, b.precision) == (0, "day")
    assert (c.published, c.precision) == (datetime(2025, 3, 4, 9, 5, tzinfo=TZ), "minute")


def test_dump_without_header(tmp_path):
    d = read_dump(write(tmp_path, REC_A + REC_B), TZ)
    assert d.keyword is None
    assert len(d.records) == 2


def test_two_headers_in_one_file(tmp_path):
    text = HEADER + REC_A + HEADER.replace("测试关键词", "第二个") + REC_B
    d = read_dump(write(tmp_path, text), TZ)
    assert [r.keyword for r in d.records] == ["测试关键词", "第二个"]


def test_timezone_is_configurable(tmp_path):
    d = read_dump(write(tmp_path, REC_A), ZoneInfo("Europe/Berlin"))
    assert d.records[0].published.isoformat() == "2025-03-02T08:15:00+01:00"


# -- bad input ---------------------------------------------------------------------
def test_record_missing_date_line_is_reported_and_the_rest_imported(tmp_path):
    broken = "没有日期的标题\n这一行本该是日期行。\n"
    d = read_dump(write(tmp_path, HEADER + REC_A + broken + REC_B + REC_C), TZ)
    assert titles(d) == ["甲市化工厂发生火灾", "Factory fire: three hurt", "火灾调查启动"]
    errors = [p for p in d.problems if p.level == "error"]
    assert len(errors) == 1
    assert errors[0].line == 8
    assert "expected a date line" in errors[0].message
    assert str(errors[0]).startswith(f"{tmp_path / 'd.txt'}:8: error:")


def test_unparsable_date_names_the_date_line(tmp_path):
    bad = "坏日期\nXin Hua She· 2025-13-45 08:15\n正文\n"
    d = read_dump(write(tmp_path, HEADER + REC_A + bad + REC_C), TZ)
    assert titles(d) == ["甲市化工厂发生火灾", "火灾调查启动"]
    (err,) = d.problems
    assert err.line == 9
    assert "unparsable date" in err.message and "2025-13-45 08:15" in err.message


def test_truncated_after_headline(tmp_path):
    d = read_dump(write(tmp_path, HEADER + REC_A + "最后一个标题\n"), TZ)
    assert titles(d) == ["甲市化工厂发生火灾"]
    (err,) = d.problems
    assert err.line == 8 and "truncated" in err.message


def test_truncated_after_date_line(tmp_path):
    d = read_dump(write(tmp_path, HEADER + REC_A + "最后一个标题\nCai Xin· 2025-03-02 09:00\n"), TZ)
    assert titles(d) == ["甲市化工厂发生火灾"]
    (err,) = d.problems
    assert err.line == 9 and "body line is missing" in err.message


def test_record_without_body_is_kept_with_a_warning(tmp_path):
    d = read_dump(write(tmp_path, HEADER + "只有标题\nCai Xin· 2025-03-02 09:00\n" + REC_C), TZ)
    assert titles(d) == ["只有标题", "火灾调查启动"]
    assert d.records[0].body == ""
    (warn,) = d.problems
    assert warn.level == "warning" and warn.line == 6


def test_date_line_without_headline(tmp_path):
    d = read_dump(write(tmp_path, HEADER + "Cai Xin· 2025-03-02 09:00\n正文\n" + REC_C), TZ)
    assert titles(d) == ["火灾调查启动"]
    assert d.problems and d.problems[0].line == 5


@pytest.mark.parametrize(
    "content,expect",
    [
        (b"", "empty"),
        (b"\n\n  \n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        (bytes(range(128, 256)) * 40, "binary"),
    ],
    ids=["empty", "blank", "png", "high-bytes"],
)
def test_files_that_are_not_dumps(tmp_path, content, expect):
    d = read_dump(write(tmp_path, content), TZ)
    assert d.records == []
    (err,) = d.problems
    assert err.level == "error" and err.line == 1
    assert expect in err.message


def test_header_only(tmp_path):
    d = read_dump(write(tmp_path, HEADER), TZ)
    assert d.records == [] and d.problems == []
    assert d.keyword == "测试关键词"


def test_one_bad_line_in_a_utf8_file(tmp_path):
    data = (HEADER + REC_A).encode("utf-8") + b"\xff\xfe broken\n" + REC_B.encode("utf-8")
    d = read_dump(write(tmp_path, data), TZ)
    assert titles(d) == ["甲市化工厂发生火灾", "Factory fire: three hurt"]
    assert any(p.line == 8 and "not valid" in p.message for p in d.problems)


def test_very_long_single_line(tmp_path):
    """A line over the limit is cut there, with a warning; the rest of it is read past, never held."""
    body = "长" * 1_000_000  # 3 MB
    d = read_dump(
        write(tmp_path, f"标题\nX· 2025-01-01 10:00\n{body}\r\n标题二\nX· 2025-01-01 11:00\n正文\n"), TZ
    )
    assert [len(r.body) for r in d.records] == [MAX_LINE_CHARS, 2]
    (p,) = d.problems
    assert (p.line, p.level) == (3, "warning")
    assert p.message.startswith(
        "this line is longer than 500,000 characters (3,000,000 bytes); only its first 500,000 characters were read"
    )


@pytest.mark.parametrize("extra,warned", [(0, False), (1, True), (100_000, True)])
def test_a_line_at_the_limit_is_read_whole_one_over_is_cut(tmp_path, extra, warned):
    body = "x" * (MAX_LINE_CHARS + extra)
    d = read_dump(write(tmp_path, f"标题\nX· 2025-01-01 10:00\n{body}\n", name=f"d{extra}.txt"), TZ)
    assert len(d.records[0].body) == MAX_LINE_CHARS
    assert [(p.line, f"({MAX_LINE_CHARS + extra:,} bytes)" in p.message) for p in d.problems] == (
        [(3, True)] if warned else []
    )


def test_a_long_utf16_line_is_cut_too(tmp_path):
    body = "长" * (MAX_LINE_CHARS + 10)
    text = f"标题\nX· 2025-01-01 10:00\n{body}\n标题二\nX· 2025-01-01 11:00\n正文\n"
    d = read_dump(write(tmp_path, codecs.BOM_UTF16_LE + text.encode("utf-16-le")), TZ)
    assert [len(r.body) for r in d.records] == [MAX_LINE_CHARS, 2]
    (p,) = d.problems
    assert p.line == 3 and "this line is longer than 500,000 characters" in p.message


def ten_records(bad: str = "", line: int = 0) -> str:
    """Ten records after the header; ``bad`` inserted into the second record's ``line`` (0-2)."""
    recs = []
    for i in range(10):
        lines = [f"工厂火灾{i}", f"Xin Hua She· 2025-03-02 08:{10 + i}", f"第{i}起火灾，消防部门赶到。"]
        if i == 1:
            lines[line] = lines[line][:3] + bad + lines[line][3:]
        recs.append("\n".join(lines) + "\n")
    return HEADER + "".join(recs)


@pytest.mark.parametrize("line", [0, 1, 2], ids=["headline", "date line", "body"])
@pytest.mark.parametrize("bad", ["\x00", "\x00\x01\x00\x02"])
def test_a_nul_in_the_second_record_costs_that_record_only(tmp_path, line, bad):
    """One NUL in the first 64 KiB used to refuse the whole file; now it costs its record."""
    d = read_dump(write(tmp_path, ten_records(bad, line)), TZ)
    assert titles(d) == [f"工厂火灾{i}" for i in range(10) if i != 1]
    assert [r.body for r in d.records] == [f"第{i}起火灾，消防部门赶到。" for i in range(10) if i != 1]
    (p,) = d.problems
    assert p.line == 8 + line and p.level == "error"
    assert "binary data (NUL characters)" in p.message and "lines 8-10" in p.message


@pytest.mark.parametrize("bad", ["\x01", "\x1b[0m", "\x7f", "\x0b\x0c"])
def test_other_control_characters_cost_nothing(tmp_path, bad):
    """They are text to the parser (the build leaves out those HTML and XML forbid)."""
    d = read_dump(write(tmp_path, ten_records(bad, 2)), TZ)
    assert len(d.records) == 10 and d.problems == []
    assert bad in d.records[1].body


def test_a_line_of_nuls_alone_costs_that_line(tmp_path):
    text = ten_records().replace("工厂火灾3\n", "\x00\x00\x00\n工厂火灾3\n")
    d = read_dump(write(tmp_path, text), TZ)
    assert len(d.records) == 10
    (p,) = d.problems
    assert p.line == 14 and "binary data in this line; it was skipped" in p.message


def test_a_nul_in_the_header_is_named_and_left_out(tmp_path):
    d = read_dump(write(tmp_path, ten_records().replace("Workflow", "Work\x00flow")), TZ)
    assert len(d.records) == 10 and d.keyword == "测试关键词"
    (p,) = d.problems
    assert (p.line, p.level) == (1, "warning") and "in the header (lines 1-4)" in p.message


def test_a_file_of_mostly_control_bytes_is_refused(tmp_path):
    data = ten_records().encode() + bytes(range(32)) * 100
    d = read_dump(write(tmp_path, data), TZ)
    assert d.records == []
    assert [(p.line, p.message) for p in d.problems] == [
        (1, "not a text dump: the file holds binary data (expected UTF-8, GB18030 or UTF-16 text)")
    ]


def test_missing_file(tmp_path):
    d = read_dump(tmp_path / "nope.txt", TZ)
    assert d.records == [] and "cannot read" in d.problems[0].message


@pytest.mark.parametrize(
    "line,outlet",
    [
        ("Sou Hu Cai Jing· 2026-01-11 11:51", "Sou Hu Cai Jing"),
        ("3 6 Ke· 2026-01-08 23:32", "3 6 Ke"),
        ("Reuters | 2026-01-08 23:32", "Reuters"),
        ("新华社・2026-01-08 23:32:10", "新华社"),
        ("BBC News • 2026-01-08", "BBC News"),
        ("Cai Xin· 2026年1月8日 23:32", "Cai Xin"),
    ],
)
def test_meta_line_forms(line, outlet):
    result = parse_meta(line, TZ)
    assert isinstance(result, tuple) and result[0] == outlet


@pytest.mark.parametrize(
    "line",
    ["雷军表示 | 这是正文", "A · B", "2026-01-08 23:32", "今天天气很好。"],
)
def test_lines_that_are_not_date_lines(line):
    assert parse_meta(line, TZ) is None
