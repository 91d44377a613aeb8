"""`sitegen import` of CSV, JSON Lines, RSS, Atom and saved pages (docs/input-formats.md).

The fixtures in tests/ingest/fixtures/formats/ were written by hand for these tests: a spreadsheet
export (BOM, CRLF, quoted line breaks, dates typed five ways, bad rows), a JSON Lines file
with a cut-off line, an RSS and an Atom feed with HTML and entities, and three saved pages
(one in Chinese, one with navigation and reader comments around the article).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core import frontmatter
from sitegen.ingest.dump import Dump
from sitegen.ingest.readers import read_records

from ..conftest import REPO

FORMATS = Path(__file__).parent / "fixtures" / "formats"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def run(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--site", str(site), *args], catch_exceptions=False)
    return result.exit_code, result.output


def source_pages(site: Path) -> list[frontmatter.Page]:
    return [frontmatter.read(p) for p in sorted((site / "content" / "sources").glob("*.md"))]


def sources_by_title(site: Path) -> dict[str, frontmatter.Page]:
    return {p.data["title"]: p for p in source_pages(site)}


@pytest.fixture(scope="module")
def imported(tmp_path_factory) -> tuple[Path, str]:
    from ..conftest import new_site

    site = new_site(tmp_path_factory.mktemp("formats") / "site")
    code, out = run(site, "import", str(FORMATS))
    assert code == 1, out  # rows were skipped, and said so
    return site, out


@pytest.fixture(scope="module")
def built(imported) -> Path:
    site, _ = imported
    code, out = run(site, "build", "-q")
    assert code == 0, out
    return site / "public"


# -- what was read -----------------------------------------------------------------
def test_every_file_is_kept_under_content_with_its_format(imported):
    site, _ = imported
    stored = sorted(p.name for p in (site / "content" / "dumps").iterdir())
    assert stored == [
        "bridge-engineers.html",
        "city-rss.xml",
        "hebin-daqiao.html",
        "reopening-plan.htm",
        "spreadsheet.csv",
        "wire-atom.xml",
        "wire.jsonl",
    ]
    for name in stored:
        assert (site / "content" / "dumps" / name).read_bytes() == next(FORMATS.rglob(name)).read_bytes()


def test_bad_rows_and_items_are_named_by_file_and_line_or_item(imported):
    _, out = imported
    expected = [
        "spreadsheet.csv:10: error: unreadable date '明天下午'",
        "spreadsheet.csv:11: error: ambiguous date '03/04/2026'",
        "spreadsheet.csv:15: error: url: 'javascript:alert(1)' is not a web address",
        "wire.jsonl:3: error: not valid JSON",
        "wire.jsonl:4: error: no column for published",
        "city-rss.xml: error: item 3: no date: expected <pubDate>",
        "wire-atom.xml: error: item 3: unreadable date 'sometime in March'",
    ]
    for line in expected:
        assert line in out, line
    assert "7 skipped" in out


def test_csv_cells_dates_and_urls(imported):
    site, _ = imported
    by_title = sources_by_title(site)
    first = by_title["河滨大桥因桥墩裂缝封闭"]  # in the file twice: one source
    assert first.data["published"] == "2026-03-02T08:15+08:00"
    assert first.data["url"] == "https://news.example.cn/2026/03/02/bridge.html"
    assert first.data["dump"] == "spreadsheet.csv:2"
    assert first.body.strip().split("\n\n") == [  # the quoted line break is a paragraph break
        "3月1日晚,河滨大桥桥墩发现裂缝。交通部门连夜封闭大桥,绕行车辆排起长队。",
        "检测人员表示,裂缝长约两米。",
    ]
    assert by_title["河滨大桥检测结果公布"].data["published"] == "2026-03-04T10:20+08:00"
    # 46087.5 days after 1899-12-30 (a spreadsheet's serial date) is noon on 2026-03-06
    assert by_title["河滨大桥绕行指南"].data["published"] == "2026-03-06T12:00+08:00"
    xinjing = [p for p in by_title.values() if p.data["outlet"] == "Xin Jing Bao"]
    assert [p.data["published"] for p in xinjing] == ["2026-03-06"]  # a day stays a day
    assert "url" not in xinjing[0].data  # the row gave none


def test_feed_items_lose_their_markup_and_keep_their_zone(imported):
    site, _ = imported
    by_title = sources_by_title(site)
    rss = by_title["河滨大桥封闭 & 公交改线"]
    assert rss.data["outlet"] == "Jiang Cheng Ri Bao & Wan Bao"
    assert rss.data["published"] == "2026-03-02T18:05+08:00"
    assert rss.data["dump"] == "city-rss.xml: item 1"
    assert "<" not in rss.body and "&ldquo;" not in rss.body
    assert "市民“早高峰多花了二十分钟”。" in rss.body
    gmt = by_title["Bridge closure: what we know"]
    assert gmt.data["published"] == "2026-03-03T09:00+08:00"
    assert "track()" not in gmt.body and "The bridge was closed on March 1 & will stay shut" in gmt.body
    atom = by_title["Riverside Bridge: <repairs> start & traffic eases"]  # a text title keeps its "<"
    assert atom.data["published"] == "2026-03-09T16:00+08:00"  # <updated> 08:00Z: no <published>
    assert "Repairs began on March 9 & traffic" in atom.body


def test_a_body_cut_short_by_an_api_is_an_excerpt(make_site, tmp_path):
    site = make_site()
    wire = tmp_path / "api.json"
    wire.write_text(
        json.dumps(
            {"status": "ok", "articles": [{"source": {"id": None, "name": "Cai Xin"}, "title": "Bridge closed",
             "publishedAt": "2024-05-17T01:00:00Z", "url": "https://caixin.example/a",
             "content": "Engineers closed the Riverside Bridge on Thursday night after a crack… [+2817 chars]"}]}
        ),
        encoding="utf-8",
    )  # fmt: skip
    code, out = run(site, "import", str(wire))
    assert code == 0, out
    (page,) = source_pages(site)
    assert page.data["excerpt"] is True
    assert "chars]" not in page.body and page.body.rstrip().endswith("after a crack")
    assert page.data["published"] == "2024-05-17T09:00+08:00"


def test_jsonl_objects_and_their_archive_links(imported):
    site, _ = imported
    by_title = sources_by_title(site)
    line1 = by_title["河滨大桥封闭首日 地铁客流增加"]
    assert line1.data["outlet"] == "Zhong Guo Xin Wen Wang"  # NewsAPI's {"name": …}
    assert line1.data["published"] == "2026-03-03T07:30+08:00"
    reopen = by_title["Riverside Bridge to reopen in June"]
    assert reopen.data["archive_url"].startswith("https://web.archive.org/")
    assert reopen.data["published"] == "2026-03-08T10:00+08:00"


def test_saved_pages_give_the_article_not_the_page_around_it(imported):
    site, _ = imported
    by_title = sources_by_title(site)
    en = by_title["Inside the pier: engineers explain the Riverside Bridge crack"]
    assert en.data["outlet"] == "Metro Tribune"
    assert en.data["published"] == "2026-03-06T05:45+08:00"  # 16:45 in New York
    assert en.data["url"] == "https://metro-tribune.example/news/bridge-pier"
    assert "scouring the riverbed around the foundation" in en.body
    for noise in ("bridgefan77", "Typical.", "Subscribe", "Trending", "All rights reserved"):
        assert noise not in en.body, noise
    zh = by_title["河滨大桥封闭一周:市民出行方式悄然改变"]
    assert zh.data["outlet"] == "江城晚报"
    assert zh.data["lang"] == "zh"
    assert zh.data["published"] == "2026-03-08T07:20+08:00"
    assert zh.data["url"] == "https://jcwb.example/news/2026/03/08/bridge-week.html"
    assert "运营公司从3月4日起加开了早晚高峰列车" in zh.body
    for noise in ("下载客户端", "江城春季花展", "广告服务"):
        assert noise not in zh.body, noise
    plan = by_title["City publishes Riverside Bridge reopening plan"]
    assert plan.data["published"] == "2026-03-10T11:05+08:00"  # <time itemprop=datePublished>
    assert plan.data["url"] == "https://rvpost.example/2026/03/10/reopening-plan/"


def test_one_article_arriving_twice_is_one_source_and_syndication_stays_apart(imported):
    site, _ = imported
    pages = source_pages(site)
    titles = [p.data["title"] for p in pages]
    # twice in the CSV; and the CSV's row again in the JSONL (its URL with www., a slash and utm_*)
    assert titles.count("河滨大桥因桥墩裂缝封闭") == 1
    assert titles.count("河滨大桥检测结果公布") == 1
    # in the RSS feed and the CSV, the feed's link carrying a tracking parameter
    caixin = [p for p in pages if p.data["title"] == "Riverside Bridge closed after crack found"]
    assert len(caixin) == 1
    assert "Traffic was diverted to the ring road." in caixin[0].body  # the CSV's longer text
    # the same headline from two outlets on one day: two sources
    repair = sorted(p.data["outlet"] for p in pages if p.data["title"] == "河滨大桥修复方案确定")
    assert repair == ["Hua Dong Tong Xun She", "Xin Jing Bao"]
    assert len(pages) == 14


# -- what the site shows -------------------------------------------------------------
def test_pages_and_exports_link_the_original_article(imported, built):
    site, _ = imported
    config = load_config(site)
    loaded = load_site(config)
    assert loaded.errors == []
    with_url = {s.id: s.url for s in loaded.sources.values() if s.url}
    assert len(with_url) == 13  # one CSV row gave no link
    for sid, url in with_url.items():
        page = (built / "sources" / f"{sid}.html").read_text(encoding="utf-8")
        assert f'href="{url.replace("&", "&amp;")}"' in page
    cited = [e for e in loaded.events.values() if any(loaded.sources[c.source].url for c in e.sources)]
    assert cited
    for event in cited:
        page = (built / "events" / f"{event.id}.html").read_text(encoding="utf-8")
        for c in event.sources:
            url = loaded.sources[c.source].url
            if url:
                assert f'class="to-original" href="{url}"' in page
    data = json.loads((built / "events.json").read_text(encoding="utf-8"))
    exported = {s["id"]: s.get("original_url") for s in data["sources"]}
    assert {k: v for k, v in exported.items() if v} == with_url
    archived = [s for s in data["sources"] if "archive_url" in s]
    assert [s["archive_url"][:24] for s in archived] == ["https://web.archive.org/"]
    timeline = (built / "timeline.json").read_text(encoding="utf-8")
    feed = (built / "feeds" / "events.xml").read_text(encoding="utf-8")
    for event in cited:
        for c in event.sources:
            url = loaded.sources[c.source].url
            if url:
                assert url in timeline and url in feed
    sources_feed = (built / "feeds" / "sources.xml").read_text(encoding="utf-8")
    on_topic_with_url = [s for s in loaded.sources.values() if s.on_topic and s.url]
    assert sources_feed.count('rel="related"') == len(on_topic_with_url) > 0


def test_check_accepts_only_web_addresses(imported, tmp_path):
    site, _ = imported
    copy = tmp_path / "site"
    shutil.copytree(site / "content", copy / "content")
    page = next((copy / "content" / "sources").glob("*.md"))
    text = page.read_text(encoding="utf-8").replace("---\n", "---\nurl: 'javascript:alert(1)'\n", 1)
    page.write_text(text.replace("\nurl: https", "\nold: https"), encoding="utf-8")
    code, out = run(copy, "check")
    assert code == 1
    assert f"content/sources/{page.name}:2: error: url 'javascript:alert(1)': expected a web address" in out


# -- formats told apart, columns mapped, files replaced ---------------------------------
def test_map_and_format_are_remembered_for_the_next_import(make_site, tmp_path):
    site = make_site()
    export = tmp_path / "export.txt"
    export.write_text(
        "Betreff;Zeitung;Datum;Inhalt\n河滨大桥封闭;Xin Hua She;2024-05-17 08:15;5月16日晚,河滨大桥封闭。\n",
        encoding="utf-8",
    )
    code, out = run(
        site, "import", str(export), "--format", "csv",
        "--map", "title=Betreff", "--map", "outlet=Zeitung", "--map", "published=Datum",
    )  # fmt: skip
    assert code == 0, out
    assert (site / "content" / "dumps" / "export.csv").is_file()
    assert 'title = "Betreff"' in (site / "content" / "dumps" / "columns.toml").read_text(encoding="utf-8")
    before = sorted(p.name for p in (site / "content" / "sources").iterdir())
    code, out = run(site, "import")
    assert code == 0, out
    assert "0 created, 0 updated, 0 removed" in out
    assert (
        sorted(p.name for p in (site / "content" / "sources").iterdir())
        == before
        == ["2024-05-17-he-bin-da-qiao-feng-bi.md"]
    )


def test_a_date_column_and_a_time_column_give_the_minute(tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "日期,时间,标题,媒体\n2024/5/17,8:15 PM,河滨大桥封闭,Xin Hua She\n2024-05-18,,河滨大桥检测,Xin Hua She\n"
        "2024-05-19,09:30:15,河滨大桥修复,Xin Hua She\n",
        encoding="utf-8",
    )
    dump = Dump(sheet)
    got = [(r.published.isoformat(), r.precision) for r in read_records(dump, SHANGHAI)]
    assert dump.problems == []
    assert got == [
        ("2024-05-17T20:15:00+08:00", "minute"),
        ("2024-05-18T00:00:00+08:00", "day"),  # no time given: the day only
        ("2024-05-19T09:30:15+08:00", "second"),
    ]


def test_a_cell_longer_than_the_csv_module_default_is_read(tmp_path):
    sheet = tmp_path / "long.csv"
    body = "河滨大桥检测报告全文。" * 20000  # 220,000 characters
    sheet.write_text(
        f'title,outlet,date,text\n河滨大桥检测报告,Xin Hua She,2024-05-17,"{body}"\n', encoding="utf-8"
    )
    dump = Dump(sheet)
    (record,) = read_records(dump, SHANGHAI)
    assert dump.problems == [] and record.body == body


def test_a_mapped_column_the_file_lacks_is_named(make_site, tmp_path):
    site = make_site()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Headline,Outlet,Date\n河滨大桥封闭,Xin Hua She,2024-05-17\n", encoding="utf-8")
    code, out = run(site, "import", str(sheet), "--map", "title=Betreff")
    assert code == 0, out
    assert "sheet.csv:1: warning: --map title=Betreff: the header has no column 'Betreff'" in out
    assert [p.data["title"] for p in source_pages(site)] == ["河滨大桥封闭"]  # the alias still serves


def test_unknown_map_field_is_a_usage_error(make_site, tmp_path):
    site = make_site()
    code, out = run(site, "import", str(FORMATS / "wire.jsonl"), "--map", "headline=Title")
    assert code == 2
    assert "unknown field 'headline'" in out


def test_a_corrected_file_replaces_its_old_self(make_site, tmp_path):
    site = make_site()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("title,outlet,date\n河滨大桥封闭,Xin Hua She,2024-05-32\n", encoding="utf-8")
    code, out = run(site, "import", str(sheet))
    assert code == 1 and "sheet.csv:2: error: impossible date 2024-05-32" in out
    sheet.write_text("title,outlet,date\n河滨大桥封闭,Xin Hua She,2024-05-17\n", encoding="utf-8")
    code, out = run(site, "import", str(sheet))
    assert code == 0, out
    assert sorted(p.name for p in (site / "content" / "dumps").iterdir()) == ["sheet.csv"]
    good = sheet.read_bytes()
    assert (site / "content" / "dumps" / "sheet.csv").read_bytes() == good
    sources = sorted(p.name for p in (site / "content" / "sources").iterdir())
    sheet.write_text("title,outlet,date\n河滨大桥封闭,Xin Hua She,yesterday\n", encoding="utf-8")
    code, out = run(site, "import", str(sheet))  # a broken file never replaces a good one
    assert code == 1 and "unreadable date 'yesterday'" in out
    assert sorted(p.name for p in (site / "content" / "dumps").iterdir()) == ["sheet.csv"]
    assert (site / "content" / "dumps" / "sheet.csv").read_bytes() == good
    assert sorted(p.name for p in (site / "content" / "sources").iterdir()) == sources


def test_excel_unicode_text_and_semicolons(tmp_path):
    unicode_text = tmp_path / "excel.txt"  # Excel's "Unicode Text": UTF-16 with a BOM, tabs
    unicode_text.write_bytes(
        "标题\t来源\t发布时间\r\n河滨大桥封闭\t新华社\t2024/5/17 8:15\r\n".encode("utf-16")
    )
    semicolons = tmp_path / "europe.csv"
    semicolons.write_bytes(b"sep=;\r\ntitle;outlet;date\r\nBridge closed;Cai Xin;17.05.2024\r\n")
    gb = tmp_path / "gb.csv"
    gb.write_bytes("标题,来源,日期\n河滨大桥封闭,新华社,2024年5月17日\n".encode("gb18030"))
    got = []
    for path in (unicode_text, semicolons, gb):
        dump = Dump(path)
        records = list(read_records(dump, SHANGHAI))
        assert dump.problems == []
        got.append([(r.title, r.outlet, r.published.isoformat(), r.precision, r.line) for r in records])
    assert got == [
        [("河滨大桥封闭", "新华社", "2024-05-17T08:15:00+08:00", "minute", 2)],
        [("Bridge closed", "Cai Xin", "2024-05-17T00:00:00+08:00", "day", 3)],
        [("河滨大桥封闭", "新华社", "2024-05-17T00:00:00+08:00", "day", 2)],
    ]


def test_the_docs_list_every_format_field_and_alias():
    import re

    from sitegen.ingest.readers import FORMATS as READ
    from sitegen.ingest.readers.fields import FIELD_ALIASES, fold_name

    text = (REPO / "docs" / "input-formats.md").read_text(encoding="utf-8")
    fields = text.split("## Fields", 1)[1].split("\n## ", 1)[0]
    rows = dict(re.findall(r"^\| `([a-z_]+)` \| (?:yes|no) \| (.*) \|$", fields, flags=re.M))
    assert set(rows) == set(FIELD_ALIASES)
    for name, aliases in FIELD_ALIASES.items():
        listed = [fold_name(a) for a in re.sub(r"\(.*?\)", "", rows[name]).split(",")]
        assert listed == list(aliases), name
    formats = text.split("| format | what |", 1)[1].split("\n\n", 1)[0]
    assert set(re.findall(r"^\| `([a-z]+)` \|", formats, flags=re.M)) == set(READ)


def test_a_single_file_save_is_read_through_its_page(make_site, tmp_path):
    saved = tmp_path / "Bridge reopening.mhtml"  # as Chromium's "Save page as… single file" writes it
    saved.write_bytes(
        b"From: <Saved by Blink>\r\n"
        b"Snapshot-Content-Location: https://rvpost.example/2026/03/11/lanes/\r\n"
        b"Subject: Two lanes of the Riverside Bridge to open early\r\n"
        b"MIME-Version: 1.0\r\n"
        b'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--x1"\r\n'
        b"\r\n"
        b"------MultipartBoundary--x1\r\n"
        b"Content-Type: text/html\r\n"
        b"Content-ID: <frame-1@mhtml.blink>\r\n"
        b"Content-Transfer-Encoding: quoted-printable\r\n"
        b"Content-Location: https://rvpost.example/2026/03/11/lanes/\r\n"
        b"\r\n"
        b'<!DOCTYPE html><html><head><meta http-equiv=3D"Content-Type" content=3D"text/html; charset=3DUTF-8=\r\n'
        b'"><title>Two lanes of the Riverside Bridge to open early</title>'
        b'<meta property=3D"og:site_name" content=3D"River Valley Post">'
        b'<meta property=3D"article:published_time" content=3D"2026-03-11T09:10:00+08:00"></head>'
        b'<body><nav><a href=3D"/">Home</a></nav><article><h1>Two lanes of the Riverside Bridge to open=\r\n'
        b" early</h1><p>The city said on Wednesday that two lanes of the Riverside Bridge would open in Apr=\r\n"
        b"il, a month earlier than planned, because the repairs to the third pier went faster than expe=\r\n"
        b"cted.</p><p>Buses will use the bridge first.</p></article></body></html>\r\n"
        b"------MultipartBoundary--x1\r\n"
        b"Content-Type: text/css\r\n"
        b"Content-Location: https://rvpost.example/site.css\r\n"
        b"\r\n"
        b"body { color: black; }\r\n"
        b"------MultipartBoundary--x1--\r\n"
    )
    site = make_site()
    code, out = run(site, "import", str(tmp_path))  # a folder
    assert code == 0, out
    (page,) = source_pages(site)
    assert page.data["title"] == "Two lanes of the Riverside Bridge to open early"
    assert page.data["outlet"] == "River Valley Post"
    assert page.data["published"] == "2026-03-11T09:10+08:00"
    assert page.data["url"] == "https://rvpost.example/2026/03/11/lanes/"
    assert "a month earlier than planned, because the repairs to the third pier went faster" in page.body
    assert "color: black" not in page.body and "Home" not in page.body
    assert [p.name for p in (site / "content" / "dumps").iterdir()] == ["Bridge-reopening.mhtml"]


def test_a_folder_gives_its_articles_not_a_saved_page_s_assets(tmp_path):
    from sitegen.ingest.readers.stored import expand_inputs

    (tmp_path / "a_files").mkdir()
    for name in ("a.html", "a_files/app.js", "a_files/inner.html", "notes.md", ".hidden.csv", "b.CSV"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in expand_inputs([tmp_path])] == ["a.html", "b.CSV"]


def test_a_url_added_by_hand_reaches_every_output_on_the_next_build(make_site, tmp_path):
    site = make_site()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "标题,来源,日期,正文\n河滨大桥封闭,Xin Hua She,2024-05-17 08:15,5月16日晚，河滨大桥封闭。交通部门连夜封闭大桥。\n",
        encoding="utf-8",
    )
    assert run(site, "import", str(sheet))[0] == 0
    assert run(site, "build", "-q")[0] == 0
    public = site / "public"
    assert "to-original" not in "".join(p.read_text(encoding="utf-8") for p in public.rglob("*.html"))
    (page_path,) = (site / "content" / "sources").glob("*.md")
    text = page_path.read_text(encoding="utf-8")
    page_path.write_text(
        text.replace("\n---\n", "\nurl: https://xinhua.example/a/1\n---\n", 1), encoding="utf-8"
    )
    code, out = run(site, "build", "-q")
    assert code == 0, out
    events = list((public / "events").glob("*.html"))
    assert events
    for path in [*events, public / "timeline.json", public / "events.json", public / "feeds" / "sources.xml"]:
        assert "https://xinhua.example/a/1" in path.read_text(encoding="utf-8"), path.name


def test_the_site_built_from_every_format_is_valid_html_and_atom(built):
    from ..support.publish import atom_problems, java_available, vnu_errors
    from ..support.sitecheck import check_links

    for feed in ("events.xml", "sources.xml"):
        assert atom_problems((built / "feeds" / feed).read_bytes()) == [], feed
    broken, checked = check_links(built)
    assert broken == [] and checked > 0
    if java_available():
        assert vnu_errors(built / "sources", built / "events") == []
