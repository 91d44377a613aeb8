"""`sitegen build`: a fixture site rendered, and its HTML read back like a crawler."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.builder import BuildError, build
from sitegen.cli import main
from sitegen.config import load_config
from sitegen.core import frontmatter

from ..importer.test_import import DUMP
from ..support.sitecheck import check_links, read_site, resolve


@pytest.fixture
def fire_site(make_site, tmp_path) -> Path:
    root = make_site()
    dump = tmp_path / "fire.txt"
    dump.write_text(DUMP, encoding="utf-8")
    result = CliRunner().invoke(main, ["--site", str(root), "import", str(dump)])
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture
def fire_public(fire_site) -> Path:
    return build(load_config(fire_site)).out


def test_every_event_links_to_existing_source_pages(fire_public):
    pages = read_site(fire_public)
    events = json.loads((fire_public / "events.json").read_text(encoding="utf-8"))["events"]
    timeline = pages["index.html"]
    assert set(timeline.event_links) == {e["id"] for e in events}
    for event_id, links in timeline.event_links.items():
        sources = [t for link in links if (t := resolve("index.html", link)) and t[0].startswith("sources/")]
        assert sources, f"event {event_id} links to no source"
        for path, _ in sources:
            assert (fire_public / path).is_file()
    for e in events:
        page = pages[e["url"]]
        cited = {resolve(e["url"], link)[0] for link in page.links if "sources/" in link}
        assert {f"sources/{s['id']}.html" for s in e["sources"]} <= cited


def test_every_internal_link_and_anchor_resolves(fire_public, seed_public):
    assert check_links(fire_public)[0] == []
    assert check_links(seed_public)[0] == []


def test_quotes_link_to_the_paragraph_that_holds_them(seed_public):
    pages = read_site(seed_public)
    anchored = 0
    for rel, info in pages.items():
        if not rel.startswith("events/"):
            continue
        for link in info.links:
            target = resolve(rel, link)
            if target and target[0].startswith("sources/") and target[1]:
                anchored += 1
                assert target[1] in pages[target[0]].ids
    assert anchored > 0


def test_links_are_relative_so_sub_paths_and_file_urls_work(fire_public):
    for rel, info in read_site(fire_public).items():
        for link in info.links:
            if rel == "404.html":
                continue
            assert not link.startswith("/"), f"{rel}: root-relative link {link}"


def test_no_request_to_another_host(seed_public):
    for rel, info in read_site(seed_public).items():
        for link in info.links:
            assert not re.match(r"^(https?:)?//", link), f"{rel}: {link}"
    for css in seed_public.glob("assets/*.css"):
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css.read_text(encoding="utf-8"))


def test_events_json_schema(fire_public):
    doc = json.loads((fire_public / "events.json").read_text(encoding="utf-8"))
    source_ids = {s["id"] for s in doc["sources"]}
    for e in doc["events"]:
        assert {"id", "title", "date", "precision", "sources", "people", "tags", "url"} <= set(e)
        assert e["precision"] in ("year", "month", "day", "part-of-day", "hour", "minute")
        assert (fire_public / e["url"]).is_file()
        for s in e["sources"]:
            assert set(s) == {"id", "quote"} and s["id"] in source_ids
    for s in doc["sources"]:
        assert {"id", "title", "outlet", "outlet_name", "published", "lang", "on_topic", "url"} <= set(s)
        assert re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?[+-]\d{2}:\d{2}$", s["published"])
        assert (fire_public / s["url"]).is_file()


def test_dates_are_shown_at_their_precision(make_site):
    root = make_site()
    content = root / "content"
    (content / "sources").mkdir(parents=True)
    (content / "events").mkdir()
    (content / "sources" / "s1.md").write_text(
        frontmatter.dump(
            {"id": "s1", "title": "来源", "outlet": "X", "published": "2026-01-08T10:00+08:00"},
            "2013年或2014年,节目播出。1月7日晚8点,直播开始。",
        ),
        encoding="utf-8",
    )
    events = {
        "vague": ({"date": "2013", "until": "2014"}, "2013年或2014年"),
        "approx": ({"date": "2013", "approximate": True}, "约2013年"),
        "hour": ({"date": "2026-01-07T20:00+08:00", "precision": "hour"}, "晚8点"),
        "month": ({"date": "2026-01"}, "2026年1月"),
    }
    for eid, (fields, _) in events.items():
        data = {"id": eid, "title": f"事件{eid}", **fields, "sources": [{"id": "s1", "quote": "直播开始"}]}
        (content / "events" / f"{eid}.md").write_text(frontmatter.dump(data, ""), encoding="utf-8")
    out = build(load_config(root)).out
    index = (out / "index.html").read_text(encoding="utf-8")
    for eid, (_, label) in events.items():
        assert label in index
        assert label in (out / "events" / f"{eid}.html").read_text(encoding="utf-8")
    # never more precise than given: the year-only events show no month or day
    year_page = (out / "events" / "vague.html").read_text(encoding="utf-8")
    assert "2013年1月" not in year_page and "1月1日" not in year_page


def test_imported_markup_is_shown_as_text(make_site, tmp_path):
    root = make_site()
    dump = tmp_path / "x.txt"
    dump.write_text(
        '<script>alert("t")</script>标题\nX· 2025-01-01 10:00\n<img src=x onerror=alert(1)> [a](javascript:alert(1)) 正文。\n',
        encoding="utf-8",
    )
    CliRunner().invoke(main, ["--site", str(root), "import", str(dump)])
    out = build(load_config(root)).out
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html


def test_build_refuses_broken_content_and_keeps_the_last_site(fire_site):
    out = build(load_config(fire_site)).out
    before = (out / "index.html").read_bytes()
    event = next((fire_site / "content" / "events").glob("*.md"))
    event.write_text(event.read_text(encoding="utf-8").replace("sources:", "sources: [", 1), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        build(load_config(fire_site))
    assert f"content/events/{event.name}:" in str(err.value)
    assert (out / "index.html").read_bytes() == before
    assert not list(out.parent.glob(".public.*"))


def test_build_cli_out_and_base_url(fire_site, tmp_path):
    out = tmp_path / "elsewhere"
    result = CliRunner().invoke(
        main, ["--site", str(fire_site), "build", "--out", str(out), "--base-url", "https://example.org/tl"]
    )
    assert result.exit_code == 0, result.output
    assert "Built" in result.output
    html = (out / "index.html").read_text(encoding="utf-8")
    assert '<link rel="canonical" href="https://example.org/tl/">' in html
    doc = json.loads((out / "events.json").read_text(encoding="utf-8"))
    assert doc["site"]["base_url"] == "https://example.org/tl/"


def test_english_interface(make_site, tmp_path):
    root = make_site(language="en", title="Fire timeline")
    dump = tmp_path / "fire.txt"
    dump.write_text(DUMP, encoding="utf-8")
    CliRunner().invoke(main, ["--site", str(root), "import", str(dump)])
    html = (build(load_config(root)).out / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html
    assert "Timeline" in html and "时间线" not in html
