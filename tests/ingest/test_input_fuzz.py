"""Hostile input for the CSV, JSON, feed and page readers: never an uncaught exception, every
rejection a problem naming where (a line within the file, or an item), every record whole."""

from __future__ import annotations

import csv
import io
import json
import re
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.ingest.dump import Dump
from sitegen.ingest.readers import read_records

TZ = ZoneInfo("Asia/Shanghai")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
name = st.one_of(
    st.text(alphabet=st.characters(whitelist_categories=("L", "N")), min_size=1, max_size=20), text
)
date = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(["2025-13-01", "2025-02-30", "03/04/2025", "45429.5", "99999", "昨天", "", "1715948100"]),
)
url = st.sampled_from(
    ["https://a.example/x", "http://b.example", "javascript:alert(1)", "", "ftp://x", "//x"]
)
header = st.sampled_from(
    [
        ["title", "outlet", "date", "text", "url"],
        ["标题", "媒体", "发布时间", "正文", "链接"],
        ["Title", "Source", "Date"],
        ["a", "b"],
        [],
    ]
)
row = st.tuples(name, name, date, text, url).map(list)
encoding = st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"])


def check(dump: Dump, records: list, n_lines: int) -> None:
    for p in dump.problems:
        assert p.message
        assert p.line is None or 1 <= p.line <= n_lines, p
    for r in records:
        assert r.title.strip() and r.outlet.strip() and r.published.tzinfo is not None
        assert r.url is None or r.url.startswith(("http://", "https://"))
        assert r.unit == "item" or 1 <= r.line <= n_lines


@FUZZ
@given(head=header, rows=st.lists(st.one_of(row, row, st.lists(text, max_size=7)), min_size=1, max_size=8), enc=encoding,
       delimiter=st.sampled_from([",", ";", "\t"]))  # fmt: skip
def test_csv_reader(tmp_path, head, rows, enc, delimiter):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for r in [head, *rows]:
        writer.writerow(r)
    path = tmp_path / "fuzz.csv"
    path.write_bytes(buffer.getvalue().encode(enc, errors="replace"))
    dump = Dump(path)
    records = list(read_records(dump, TZ))
    decoded = path.read_bytes().decode(enc, errors="replace")
    check(dump, records, len(re.findall(r"\r\n|\r|\n", decoded)) + 1)  # a lone CR ends a line too


json_value = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), text, date, url),
    lambda children: st.one_of(st.lists(children, max_size=3), st.dictionaries(text, children, max_size=3)),
    max_leaves=8,
)
article = st.fixed_dictionaries(
    {"title": name, "source": st.one_of(name, st.fixed_dictionaries({"name": name})), "publishedAt": date},
    optional={"content": json_value, "url": url, "extra": json_value},
)


@FUZZ
@given(items=st.lists(st.one_of(article, json_value), max_size=6), broken=st.booleans())
def test_json_and_json_lines_readers(tmp_path, items, broken):
    lines = [json.dumps(i, ensure_ascii=False) for i in items]
    if broken and lines:
        lines[0] = lines[0][: len(lines[0]) // 2]
    for name, content in (("fuzz.jsonl", "\n".join(lines)), ("fuzz.json", json.dumps({"articles": items}))):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        dump = Dump(path)
        records = list(read_records(dump, TZ))
        check(dump, records, content.count("\n") + 1)


markup = st.lists(
    st.one_of(
        text,
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<b>",
                "&amp;",
                "&lt;",
                "&#x4e2d;",
                "&nbsp;",
                "<![CDATA[",
                "]]>",
                "<script>",
                "<br/>",
            ]
        ),
    ),
    max_size=10,
).map("".join)


@FUZZ
@given(title=st.one_of(name, markup), body=markup, when=date, link=url, atom=st.booleans())
def test_feed_reader(tmp_path, title, body, when, link, atom):
    from xml.sax.saxutils import escape

    if atom:
        doc = (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
            f'<entry><title type="html">{escape(title)}</title><link href="{escape(link)}"/>'
            f'<updated>{escape(when)}</updated><content type="html">{escape(body)}</content></entry></feed>'
        )
    else:
        doc = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f"<pubDate>{escape(when)}</pubDate><description>{escape(body)}</description></item></channel></rss>"
        )
    path = tmp_path / "fuzz.xml"
    path.write_text(doc, encoding="utf-8")
    dump = Dump(path)
    check(dump, list(read_records(dump, TZ)), doc.count("\n") + 1)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.one_of(name, markup), body=st.lists(markup, max_size=5), when=date, link=url)
def test_page_reader(tmp_path, title, body, when, link):
    from html import escape

    paragraphs = "".join(f"<p>{b}</p>" for b in body)
    doc = (
        f'<!DOCTYPE html><html><head><title>{title}</title><meta property="og:site_name" content="S">'
        f'<link rel="canonical" href="{escape(link)}">'
        f'<meta property="article:published_time" content="{escape(when)}"></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )
    path = tmp_path / "fuzz.html"
    path.write_text(doc, encoding="utf-8")
    dump = Dump(path)
    check(dump, list(read_records(dump, TZ)), doc.count("\n") + 1)
