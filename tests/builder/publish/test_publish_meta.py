"""Page metadata: canonical links, Open Graph, Twitter cards, schema.org JSON-LD, languages.

Expectations come from events.json (what the site says about each event and source)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ...support.publish import build, html_files, meta_content, read_page, varied_site
from ...support.theme import parse

BASE = "https://news.example.org/timeline/"


def page_of(public: Path, rel: str):
    return read_page((public / rel).read_text(encoding="utf-8"))


def jsonld(page) -> dict:
    assert len(page.jsonld) == 1, "one JSON-LD block per page"
    return json.loads(page.jsonld[0])


def resolves(public: Path, page_rel: str, url: str, base: str) -> bool:
    if base and url.startswith(base):
        rel = url[len(base) :]
        path = public / rel
    else:
        assert "://" not in url, url
        path = (public / page_rel).parent / url
    return (path / "index.html").is_file() if path.is_dir() else path.is_file()


@pytest.fixture(scope="module", params=["", BASE], ids=["no-base-url", "base-url"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, dict]:
    root = varied_site(tmp_path_factory.mktemp("meta"))
    public = build(root, base_url=request.param)
    data = json.loads((public / "events.json").read_text(encoding="utf-8"))
    return public, request.param, data


def test_every_page_has_social_metadata_and_parseable_json_ld(site) -> None:
    public, _, _ = site
    for path in html_files(public):
        rel = path.relative_to(public).as_posix()
        page = read_page(path.read_text(encoding="utf-8"))
        for key in ("og:title", "og:type", "og:site_name", "og:locale", "twitter:card"):
            assert meta_content(page, key), f"{rel}: no {key}"
        if rel == "404.html":
            assert meta_content(page, "robots") == "noindex"
            assert page.jsonld == []
        else:
            assert meta_content(page, "robots") is None
            assert jsonld(page)["@context"] == "https://schema.org"


def test_canonical_and_og_url_name_the_page_at_the_base_url(site) -> None:
    public, base, _ = site
    for path in html_files(public):
        rel = path.relative_to(public).as_posix()
        page = read_page(path.read_text(encoding="utf-8"))
        canonical = [x["href"] for x in page.head_links if x.get("rel") == "canonical"]
        if not base or rel == "404.html":
            assert canonical == [] and meta_content(page, "og:url") is None
            continue
        expected = base + rel.removesuffix("index.html")
        assert canonical == [expected]
        assert meta_content(page, "og:url") == expected


def test_event_pages_describe_an_event_at_the_precision_of_its_sources(site) -> None:
    public, base, data = site
    sources = {s["id"]: s for s in data["sources"]}
    for event in data["events"]:
        page = page_of(public, event["url"])
        ld = jsonld(page)
        assert ld["@type"] == "Event"
        assert ld["name"] == event["title"]
        assert resolves(public, event["url"], ld["url"], base)
        if event.get("approximate"):
            assert "startDate" not in ld and "endDate" not in ld
        else:
            assert ld["startDate"] == event["date"]
            assert ld.get("endDate") == event.get("until")
        assert event["label"] in ld["description"]
        location = ld.get("location", [])
        assert [p["name"] for p in location] == event["places"] and all(p["@type"] == "Place" for p in location)
        assert meta_content(page, "og:type") == "article"
        assert meta_content(page, "og:description") == ld["description"]
        outlets = [a["publisher"]["name"] for a in ld["subjectOf"]]
        assert outlets == [sources[s["id"]]["outlet_name"] for s in event["sources"]]
        for article in ld["subjectOf"]:
            assert article["@type"] == "NewsArticle"
            assert resolves(public, event["url"], article["url"], base)


def test_source_pages_describe_a_news_article(site) -> None:
    public, base, data = site
    for src in data["sources"]:
        page = page_of(public, src["url"])
        ld = jsonld(page)
        assert ld["@type"] == "NewsArticle"
        assert ld["datePublished"] == src["published"]
        assert ld["inLanguage"] == src["lang"]
        assert ld["publisher"]["name"] == src["outlet_name"]
        assert src["title"].startswith(ld["headline"].rstrip("…"))
        assert meta_content(page, "article:published_time") == src["published"]
        assert resolves(public, src["url"], ld["url"], base)


def test_the_timeline_is_an_item_list_in_timeline_order(site) -> None:
    public, base, data = site
    ld = jsonld(page_of(public, "index.html"))
    assert ld["@type"] == "ItemList"
    assert ld["numberOfItems"] == len(data["events"])
    items = ld["itemListElement"]
    assert [i["position"] for i in items] == list(range(1, len(data["events"]) + 1))
    assert [i["name"] for i in items] == [e["title"] for e in data["events"]]
    for item, event in zip(items, data["events"], strict=True):
        url = item["url"]
        assert url == (base + event["url"] if base else event["url"])
        assert resolves(public, "index.html", url, base)
    sources_ld = jsonld(page_of(public, "sources/index.html"))
    assert sources_ld["numberOfItems"] == len(data["sources"])


def test_source_pages_mark_the_language_of_their_text(site) -> None:
    public, _, data = site
    for src in data["sources"]:
        doc = parse(public / src["url"])
        assert doc.find("html").attrs["lang"] == data["site"]["language"]
        body_lang = doc.find(cls="body").lang().split("-")[0]
        assert body_lang == src["lang"], f"{src['url']}: body reads as {body_lang}, not {src['lang']}"
        has_han = any("\u4e00" <= ch <= "\u9fff" for ch in src["title"])
        assert doc.find("h1").lang().split("-")[0] == ("zh" if has_han else "en")


def test_an_english_site_says_so(tmp_path: Path) -> None:
    public = build(varied_site(tmp_path / "site", language="en"), tmp_path / "out")
    for path in html_files(public):
        page = read_page(path.read_text(encoding="utf-8"))
        assert page.lang == "en"
        assert meta_content(page, "og:locale") == "en_US"


def test_seed_site_metadata_follows_events_json(seed_public: Path) -> None:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    ld = jsonld(page_of(seed_public, "index.html"))
    assert [i["url"] for i in ld["itemListElement"]] == [e["url"] for e in data["events"]]
    for event in data["events"]:
        assert jsonld(page_of(seed_public, event["url"]))["name"] == event["title"]
