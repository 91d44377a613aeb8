"""Atom feeds (RFC 4287), sitemap.xml (sitemaps.org 0.9) and robots.txt, read back as
a feed reader and a crawler would: expectations come from events.json, not from the code."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from sitegen.builder.publish.feeds import FEED_LIMIT

from ...support.publish import A, atom_problems, build, html_files, read_page, rfc3339, varied_site

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
BASE = "https://news.example.org/timeline/"


def resolve(feed_path: str, href: str, public: Path, base: str = "") -> Path:
    """The built file an Atom link points at (relative links resolve against the feed's URL)."""
    if base and href.startswith(base):
        rel = href[len(base) :]
    else:
        assert not urlsplit(href).scheme, f"absolute link {href} without that base URL"
        rel = posixpath.normpath(posixpath.join(posixpath.dirname(feed_path), href))
    rel = rel.partition("#")[0]
    path = public / rel
    return path / "index.html" if rel.endswith("/") or rel == "" else path


@pytest.fixture(scope="module")
def varied_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = varied_site(tmp_path_factory.mktemp("varied"))
    return build(root, base_url=BASE)


def test_seed_feeds_are_valid_atom_with_every_entry_linking_to_a_page(seed_public: Path) -> None:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    expected = {
        "feeds/events.xml": {e["url"] for e in data["events"]},
        "feeds/sources.xml": {s["url"] for s in data["sources"] if s["on_topic"]},
    }
    for feed_path, pages in expected.items():
        raw = (seed_public / feed_path).read_bytes()
        assert atom_problems(raw) == []
        root = ET.fromstring(raw)
        entries = root.findall(A + "entry")
        assert len(entries) == min(len(pages), FEED_LIMIT)
        linked = set()
        for entry in entries:
            href = entry.find(A + "link").get("href")
            target = resolve(feed_path, href, seed_public)
            assert target.is_file(), f"{feed_path}: {href} -> {target}"
            linked.add(target.relative_to(seed_public).as_posix())
        assert linked <= pages
        self_link = next(x for x in root.findall(A + "link") if x.get("rel") == "self")
        assert resolve(feed_path, self_link.get("href"), seed_public) == seed_public / feed_path


def test_seed_entry_dates_come_from_the_sources_not_the_clock(seed_public: Path) -> None:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    published = {s["id"]: datetime.fromisoformat(s["published"]) for s in data["sources"]}
    by_page = {e["url"]: e for e in data["events"]}
    root = ET.fromstring((seed_public / "feeds/events.xml").read_bytes())
    for entry in root.findall(A + "entry"):
        href = entry.find(A + "link").get("href")
        event = by_page[resolve("feeds/events.xml", href, seed_public).relative_to(seed_public).as_posix()]
        times = [published[s["id"]] for s in event["sources"]]
        assert rfc3339(entry.findtext(A + "updated")) == max(times)
        assert rfc3339(entry.findtext(A + "published")) == min(times)
    newest = max(published.values())
    assert rfc3339(root.findtext(A + "updated")) == newest


def test_entry_content_quotes_every_source_and_links_to_the_quoted_paragraph(varied_public: Path) -> None:
    data = json.loads((varied_public / "events.json").read_text(encoding="utf-8"))
    root = ET.fromstring((varied_public / "feeds/events.xml").read_bytes())
    contents = {e.findtext(A + "id"): e.findtext(A + "content") for e in root.findall(A + "entry")}
    for event in data["events"]:
        html = contents[BASE + event["url"]]
        page = read_page(html)
        for cited in event["sources"]:
            assert cited["quote"] in page.text
            links = [u for _, u in page.links if f"sources/{cited['id']}.html" in u]
            assert links, f"{event['id']}: no link to source {cited['id']}"
            target, _, anchor = links[0].partition("#")
            assert target.startswith(BASE)
            if anchor:
                source_page = read_page((varied_public / target[len(BASE) :]).read_text(encoding="utf-8"))
                assert anchor in source_page.ids
        assert event["label"] in page.text


def test_feeds_with_an_absolute_base_url_use_page_urls_as_ids(varied_public: Path) -> None:
    for feed_path in ("feeds/events.xml", "feeds/sources.xml"):
        raw = (varied_public / feed_path).read_bytes()
        assert atom_problems(raw) == []
        root = ET.fromstring(raw)
        assert root.findtext(A + "id") == BASE + feed_path
        for entry in root.findall(A + "entry"):
            href = entry.find(A + "link").get("href")
            assert entry.findtext(A + "id") == href
            assert resolve(feed_path, href, varied_public, BASE).is_file()
    sources = ET.fromstring((varied_public / "feeds/sources.xml").read_bytes())
    english = next(e for e in sources.findall(A + "entry") if "founding" in (e.findtext(A + "title") or ""))
    assert [a.findtext(A + "name") for a in english.findall(A + "author")] == ["Jane Roe", "Example Wire"]
    assert english.find(A + "summary").get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_feeds_without_a_base_url_have_stable_urn_ids(tmp_path: Path) -> None:
    root = varied_site(tmp_path / "site")
    first = build(root, tmp_path / "one")
    second = build(root, tmp_path / "two")
    ids = [
        e.findtext(A + "id")
        for e in ET.fromstring((first / "feeds/events.xml").read_bytes()).iter(A + "entry")
    ]
    assert ids and all(i.startswith("urn:uuid:") for i in ids)
    assert (first / "feeds/events.xml").read_bytes() == (second / "feeds/events.xml").read_bytes()


def test_pages_announce_the_feeds_in_their_head(seed_public: Path) -> None:
    for path in html_files(seed_public):
        rel = path.relative_to(seed_public).as_posix()
        page = read_page(path.read_text(encoding="utf-8"))
        feeds = [x for x in page.head_links if x.get("type") == "application/atom+xml"]
        assert {x.get("rel") for x in feeds} == {"alternate"}
        for link in feeds:
            href = link["href"]
            target = (
                seed_public / href.lstrip("/") if href.startswith("/") else (path.parent / href).resolve()
            )
            assert target.is_file(), f"{rel}: {href}"
            assert atom_problems(target.read_bytes()) == []


def test_sitemap_lists_every_page_but_the_404_with_absolute_urls(varied_public: Path) -> None:
    root = ET.fromstring((varied_public / "sitemap.xml").read_bytes())
    assert root.tag == SM + "urlset"
    urls = root.findall(SM + "url")
    assert 0 < len(urls) <= 50_000
    locs = []
    for url in urls:
        assert [c.tag for c in url] == [SM + "loc"]
        locs.append(url.findtext(SM + "loc"))
    assert all(loc.startswith(BASE) and len(loc) < 2048 and loc.isascii() for loc in locs)
    assert len(set(locs)) == len(locs)
    expected = set()
    for path in html_files(varied_public):
        rel = path.relative_to(varied_public).as_posix()
        if rel != "404.html":
            expected.add(BASE + rel.removesuffix("index.html"))
    assert set(locs) == expected
    robots = (varied_public / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert f"Sitemap: {BASE}sitemap.xml" in robots
    assert robots[0] == "User-agent: *"


@pytest.mark.parametrize("base", ["", "/timeline/"])
def test_without_an_absolute_base_url_there_is_no_sitemap_or_canonical(tmp_path: Path, base: str) -> None:
    public = build(varied_site(tmp_path / "site"), tmp_path / "out", base_url=base)
    assert not (public / "sitemap.xml").exists()
    robots = (public / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap" not in robots and "User-agent: *" in robots
    for path in html_files(public):
        page = read_page(path.read_text(encoding="utf-8"))
        assert not [x for x in page.head_links if x.get("rel") == "canonical"], path
        assert not [m for m in page.metas if m.get("property") == "og:url"], path
    for feed in ("feeds/events.xml", "feeds/sources.xml"):
        assert atom_problems((public / feed).read_bytes()) == []


def test_an_empty_site_writes_no_feeds_and_links_none(tmp_path: Path, make_site) -> None:
    public = build(make_site(), tmp_path / "out")
    assert not (public / "feeds").exists()
    for path in html_files(public):
        page = read_page(path.read_text(encoding="utf-8"))
        assert not [x for x in page.head_links if x.get("type") == "application/atom+xml"]
    assert (public / "robots.txt").is_file()
    assert json.loads((public / "timeline.json").read_text(encoding="utf-8"))["events"] == []
