"""Odd files through `sitegen import`: each gives one clear outcome (message with file:line, exit
code), keeps nothing it cannot use, and loses no line without saying so."""

from __future__ import annotations

import codecs
import io
import re
import resource
import subprocess
import sys
import zipfile
from zoneinfo import ZoneInfo

import pytest

from sitegen.ingest.dump import read_dump

from ..conftest import REPO
from ..importer.test_import import DUMP, run
from ..support.harden import unaccounted_lines

TZ = ZoneInfo("Asia/Shanghai")
HEADER = "Workflow\n火灾\nicon\nSearch documents\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("dump.txt", DUMP)
    return buf.getvalue()


# (file name, bytes, exit code, what stderr says, records imported)
CASES = [
    ("empty.txt", b"", 1, "error: the file is empty", 0),
    ("header.txt", HEADER.encode(), 0, "warning: no news records in this dump", 0),
    ("picture.png", PNG, 1, "error: not a text dump: the file holds binary data", 0),
    ("archive.zip", zip_bytes(), 1, "error: not a text dump: the file holds binary data", 0),
    ("utf16-bom.txt", codecs.BOM_UTF16_LE + DUMP.encode("utf-16-le"), 0, "3 records", 3),
    ("utf16-be.txt", codecs.BOM_UTF16_BE + DUMP.encode("utf-16-be"), 0, "3 records", 3),
    ("utf16-nobom.txt", DUMP.encode("utf-16-le"), 1, "UTF-16 text without a byte order mark", 0),
    ("gb18030.txt", DUMP.encode("gb18030"), 0, "3 records", 3),
    ("one-line.txt", ("火灾" * 500_000).encode(), 1, "error: the file ends after a headline", 0),
]


@pytest.mark.parametrize("name,data,code,says,records", CASES, ids=[c[0] for c in CASES])
def test_odd_files_give_one_clear_outcome(make_site, tmp_path, name, data, code, says, records):
    root = make_site()
    path = tmp_path / name
    path.write_bytes(data)
    exit_code, out = run(root, "import", str(path))
    assert exit_code == code, out
    assert says in out
    assert f"{records} records from" in out
    kept = sorted(p.name for p in (root / "content" / "dumps").glob("*")) if records else []
    if not records:  # a file that gave nothing is not kept in content/dumps/ ...
        assert not (root / "content" / "dumps").exists() or not list((root / "content" / "dumps").iterdir())
        assert f"{path}:1: " in out and "it was not copied into content/dumps/" in out
        # ... so the next import of a good dump is clean
        good = tmp_path / "good.txt"
        good.write_text(DUMP, encoding="utf-8")
        exit_code, out = run(root, "import", str(good))
        assert exit_code == 0 and name not in out
    else:
        assert len(kept) == 1


def test_a_long_body_line_imports_and_builds(make_site, tmp_path):
    """A body of 200 KB on one line, every sentence dated (bench/load_sizes.py runs 1 MB: it
    found a paragraph split, a candidate search and a year lookup that were quadratic)."""
    body = "甲市化工厂3月1日晚起火，消防部门连夜扑救。" * 9_000
    path = tmp_path / "long.txt"
    path.write_text(f"{HEADER}化工厂火灾\nXin Hua She· 2025-03-02 08:15\n{body}\n", encoding="utf-8")
    root = make_site()
    code, out = run(root, "import", str(path))
    assert code == 0, out
    assert "1 records from 1 dump(s)" in out
    code, out = run(root, "build")
    assert code == 0, out


def test_a_line_cut_by_the_sniff_window_inside_a_character_is_still_text(tmp_path):
    """The encoding is judged on the first 64 KiB; a long line cut there mid-character is text."""
    path = tmp_path / "d.txt"
    path.write_bytes(("长" * 40_000 + "\n").encode() + b"X\xc2\xb7 2025-01-01 10:00\nbody\n")
    dump = read_dump(path, TZ)
    assert len(dump.records) == 1 and dump.problems == []


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff", "\u200e\u200f", "\u2060", " \t\u3000"])
def test_a_line_of_invisible_characters_is_a_blank_line(tmp_path, invisible):
    path = tmp_path / "d.txt"
    path.write_text(
        f"{HEADER}标题\n{invisible}\nXin Hua She· 2025-03-02 08:15\n{invisible}\n正文\n", encoding="utf-8"
    )
    dump = read_dump(path, TZ)
    assert [(r.title, r.body) for r in dump.records] == [("标题", "正文")]
    assert dump.problems == []


def test_an_outlet_of_invisible_characters_is_no_outlet(tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(f"{HEADER}标题\n\u200b· 2025-03-02 08:15\n正文\n", encoding="utf-8")
    dump = read_dump(path, TZ)
    assert dump.records == []
    (p,) = dump.problems
    assert p.line == 6 and "names no outlet" in p.message


def test_lines_skipped_to_find_the_next_record_are_named(tmp_path):
    text = f"{HEADER}标题\nXin Hua She· 2025-13-02 08:15\n正文\n孤立的一行\n又一行\n标题二\nCai Xin· 2025-03-02 09:00\n正文二\n"
    path = tmp_path / "d.txt"
    path.write_text(text, encoding="utf-8")
    dump = read_dump(path, TZ)
    assert [r.title for r in dump.records] == ["标题二"]
    (p,) = dump.problems
    assert p.line == 6 and "lines 7-9 skipped too" in p.message
    assert unaccounted_lines(dump) == []


def test_a_utf16_file_with_a_broken_pair_reports_where_reading_stopped(tmp_path):
    data = (
        codecs.BOM_UTF16_LE
        + DUMP.encode("utf-16-le")
        + "\ud800".encode("utf-16-le", "surrogatepass")
        + b"A\x00"
    )
    path = tmp_path / "d.txt"
    path.write_bytes(data)
    dump = read_dump(path, TZ)
    assert len(dump.records) == 3
    assert any("not valid UTF-16" in p.message and p.line for p in dump.problems)


BIG = """
import resource, sys
from sitegen.config import load_config
from sitegen.importer.run import run_import
report = run_import(load_config(sys.argv[1]), [sys.argv[2]])
print(report.records, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_a_large_dump_imports_in_memory_that_does_not_grow_with_the_file(tmp_path):
    """Import streams the dumps and keeps one copy of each article: two dumps of the same 500
    articles, one repeating them to 2 MB and one to 8 MB, take about the same memory (the
    difference stays under the 6 MB the files differ by)."""

    def peak(megabytes: int) -> tuple[int, int]:
        root = tmp_path / f"s{megabytes}"
        (root / "content").mkdir(parents=True)
        path = tmp_path / f"d{megabytes}.txt"
        rec = "工厂发生火灾{n}\nXin Hua She· 2025-03-02 08:15\n" + "火势已得到控制。" * 8 + "\n"
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(HEADER)
            n = 0
            while fh.tell() < megabytes * 1024 * 1024:
                fh.write(rec.format(n=n % 500))  # 500 distinct articles, repeated
                n += 1
        proc = subprocess.run(
            [sys.executable, "-c", BIG, str(root), str(path)],
            capture_output=True,
            text=True,
            env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
            timeout=600,
        )
        assert proc.returncode == 0, proc.stderr
        records, rss_kb = map(int, proc.stdout.split())
        return records, rss_kb

    small_records, small = peak(2)
    big_records, big = peak(8)
    assert big_records > 3 * small_records
    print(f"peak RSS {small} KB (2 MB) -> {big} KB (8 MB)")
    assert (big - small) * 1024 < 6 * 1024 * 1024, f"{small} KB -> {big} KB"
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 0


def test_a_record_from_before_1901_imports_to_a_page_check_accepts(make_site, tmp_path):
    """Found by the fuzzer: before 1901 Asia/Shanghai is local mean time, +08:05:43; the page said
    so and the date reader refused offsets with seconds, so one odd year stopped every build."""
    path = tmp_path / "old.txt"
    path.write_text(f"{HEADER}旧闻\nXin Hua She· 1890-03-02 08:15\n正文。\n", encoding="utf-8")
    root = make_site()
    code, out = run(root, "import", str(path))
    assert code == 0, out
    code, out = run(root, "build")
    assert code == 0, out


# -- hand-written front matter: hostile YAML ---------------------------------------------------------
LAUGHS = "people: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"l{i}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(6)
)
YAML_CASES = {
    # case: (front matter lines after the id, what `check` must say)
    "python-tag": ("title: !!python/object/apply:os.system ['echo pwned']\n", r":4: error: front matter is not valid YAML"),
    "billion-laughs": ("title: t\n" + LAUGHS.replace("l5:", "tags:"), ":11: error: tags must be a list of names"),
    "duplicate-key": ("title: t\ntitle: u\n", r":5: error: 'title' is given twice \(also on line 4\)"),
    "deep-nesting": ("title: " + "[" * 3000 + "]" * 3000 + "\n", r":\d: error: front matter .*nest"),
    "mapping-title": ("title: {a: b}\n", ":4: error: title must be text"),
    "raw-nul": ("title: a\x00b\n", ":1: error: front matter is not valid YAML"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(YAML_CASES))
def test_hostile_front_matter_is_a_file_line_error(make_site, case):
    """A person's file can be wrong in ways YAML allows: never a traceback, never code run, never
    an exponential string, always the file and line."""
    root = make_site()
    head, says = YAML_CASES[case]
    for folder, text in (
        ("sources", "---\nid: s\ntitle: t\noutlet: o\npublished: 2025-01-01T10:00+08:00\n---\n\nbody\n"),
        ("events", f"---\nid: e1\n# {case}\n{head}date: 2025-01-01\nsources: [s]\n---\n"),
    ):
        (root / "content" / folder).mkdir(parents=True, exist_ok=True)
        (root / "content" / folder / f"{'s' if folder == 'sources' else 'e1'}.md").write_text(
            text, encoding="utf-8"
        )
    code, out = run(root, "check")
    assert code == 1
    assert re.search(re.escape("content/events/e1.md") + says, out), out
    assert not (root / "pwned").exists()


def test_a_page_with_a_field_sitegen_does_not_know_is_still_built(make_site):
    """The warning says the field is ignored: the page must not be (it was dropped from the site)."""
    root = make_site()
    (root / "content" / "sources").mkdir(parents=True)
    (root / "content" / "events").mkdir(parents=True)
    (root / "content" / "sources" / "s.md").write_text(
        "---\nid: s\ntitle: t\noutlet: o\npublished: 2025-01-01T10:00+08:00\nchecked_by: li\n---\n\nbody text\n",
        encoding="utf-8",
    )
    (root / "content" / "events" / "e1.md").write_text(
        "---\nid: e1\ntitle: t\ndate: 2025-01-01\nsources: [{id: s, quote: body text}]\nreviewed_by: anna\n---\n",
        encoding="utf-8",
    )
    code, out = run(root, "build")
    assert code == 0
    assert "content/events/e1.md:6: warning: unknown field 'reviewed_by'" in out
    assert (root / "public" / "events" / "e1.html").is_file()
    assert (root / "public" / "sources" / "s.html").is_file()
