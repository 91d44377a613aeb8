"""Hostile input for the dump parser and the text cleaner: never an uncaught exception, every
rejection a file:line problem. A bounded run here; `bench/fuzz_long.py` runs ≥ 10,000 dumps."""

from __future__ import annotations

import re
import tracemalloc
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.core.markdown import plain_text
from sitegen.ingest.clean import clean_body, join_stray_spaces
from sitegen.ingest.dump import read_dump

TZ = ZoneInfo("Asia/Shanghai")
SPACE = re.compile(r"[\s\u200b]")

headline = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)
outlet = st.sampled_from(["Sou Hu Cai Jing", "Xin Hua She", "Reuters", "新华社", "", "A|B", "·"])
date = st.one_of(
    st.datetimes().map(lambda d: d.strftime("%Y-%m-%d %H:%M")),
    st.sampled_from(["2025-13-01 10:00", "2025-02-30", "0000-00-00 00:00", "2025-01-01 25:61", "昨天"]),
)
sep = st.sampled_from(["· ", "・", " | ", "•", "", " "])
body = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
record = st.tuples(headline, outlet, sep, date, body).map(lambda t: f"{t[0]}\n{t[1]}{t[2]}{t[3]}\n{t[4]}\n")
noise = st.sampled_from(["", "\n", "\r\n", "\ufeff", "Workflow\nk\nicon\nSearch documents\n", "\x00", "..."])
dump_text = st.lists(st.one_of(record, noise, body), max_size=12).map("".join)
encoding = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=dump_text, enc=encoding)
def test_parser_never_raises_and_names_lines(tmp_path, text, enc):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(text.encode(enc, errors="replace"))
    dump = read_dump(path, TZ)
    n_lines = max(1, path.read_bytes().count(b"\n") + 1)
    for p in dump.problems:
        assert p.line is None or 1 <= p.line <= n_lines, p
        assert p.message
    for r in dump.records:
        assert r.title and r.outlet and r.published.tzinfo is not None
        assert 1 <= r.line <= n_lines


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_cleaner_never_raises_and_keeps_characters(raw):
    body = clean_body(raw, TZ)
    assert isinstance(body.text, str)
    plain_text(body.text)  # renders
    joined = join_stray_spaces(raw)
    assert SPACE.sub("", joined) == SPACE.sub("", raw)


def test_a_large_dump_streams_in_bounded_memory(tmp_path):
    """Parsing a 20 MB dump keeps far less than the file in memory (records are yielded one by one)."""
    from sitegen.ingest.dump import Dump, iter_records

    path = tmp_path / "big.txt"
    rec = "工厂发生火灾\nXin Hua She· 2025-03-02 08:15\n" + "火势已得到控制。" * 80 + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("Workflow\n火灾\nicon\nSearch documents\n")
        for _ in range(20 * 1024 * 1024 // len(rec.encode())):
            fh.write(rec)
    tracemalloc.start()
    count = sum(1 for _ in iter_records(Dump(path), TZ))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count > 8000
    assert peak < 2 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB while streaming"
