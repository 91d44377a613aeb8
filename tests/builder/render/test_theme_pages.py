"""The default theme's pages, read as HTML: headings, languages, the coverage chart, quote links,
off-topic sources, the two source orderings, interface strings and the page-weight budget."""

from __future__ import annotations

import itertools
import json
import re
import tomllib
from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.core.markdown import normalise_ws

from ...support.theme import El, build_site, headings, page_weight, parse, precision_site

THEME = Path(__file__).resolve().parent.parent.parent.parent / "themes" / "default"
BUDGET = 60 * 1024  # bytes, gzip: the index page with its CSS and JS


@pytest.fixture(scope="module")
def zh_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(precision_site(tmp_path_factory.mktemp("zh") / "site"))


@pytest.fixture(scope="module")
def en_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(precision_site(tmp_path_factory.mktemp("en") / "site", language="en"))


def _pages(public: Path) -> list[Path]:
    return sorted(public.rglob("*.html"))


@pytest.mark.parametrize("which", ["zh_public", "en_public", "seed_public"])
def test_headings_in_order_and_one_h1(which: str, request: pytest.FixtureRequest) -> None:
    public: Path = request.getfixturevalue(which)
    for page in _pages(public):
        levels = [lvl for lvl, _ in headings(parse(page))]
        assert levels.count(1) == 1 and levels[0] == 1, page
        for prev, cur in itertools.pairwise(levels):
            assert cur <= prev + 1, f"{page.name}: h{prev} followed by h{cur}"


@pytest.mark.parametrize("which", ["zh_public", "en_public", "seed_public"])
def test_landmarks_and_no_inline_style_or_script(which: str, request: pytest.FixtureRequest) -> None:
    public: Path = request.getfixturevalue(which)
    for page in _pages(public):
        doc = parse(page)
        assert len(doc.find_all("main")) == 1 and doc.find_all("header") and doc.find_all("footer"), page
        assert doc.find_all("nav"), page
        for el in doc.iter():
            assert "style" not in el.attrs, f"{page.name}: style attribute on <{el.tag}>"
            assert not any(a.startswith("on") for a in el.attrs), f"{page.name}: event handler attribute"
        for script in doc.find_all("script"):
            assert script.attrs.get("src") or script.attrs.get("type") == "application/ld+json", page


def test_every_event_on_the_timeline_once(zh_public: Path) -> None:
    data = json.loads((zh_public / "events.json").read_text(encoding="utf-8"))
    doc = parse(zh_public / "index.html")
    ids = [li.attrs["data-event-id"] for li in doc.find_all("li", cls="event")]
    assert sorted(ids) == sorted(e["id"] for e in data["events"])
    assert ids == [e["id"] for e in data["events"]], "timeline order is the events.json order"


def _sections(doc: El) -> dict[str, El]:
    return {li.attrs["data-event-id"]: li for li in doc.find_all("li", cls="event")}


def test_vague_groups_are_marked_in_words_and_class(zh_public: Path, en_public: Path) -> None:
    for public, words in ((zh_public, ("时间范围", "约数")), (en_public, ("a range", "approximate"))):
        doc = parse(public / "index.html")
        for event_id, word in (
            ("range-2013-2014", words[0]),
            ("early-jan", words[0]),
            ("about-2015", words[1]),
        ):
            li = _sections(doc)[event_id]
            sec = next(a for a in li.ancestors() if a.tag == "section")
            assert "vague" in sec.classes()
            assert word in sec.find("p", cls="sec-hint").text()
            assert sec.find(cls="when").attrs["class"].split() == ["when", "vague"]
        # an exact day is not vague
        li = _sections(doc)["day-jan-3"]
        sec = next(a for a in li.ancestors() if a.tag == "section")
        assert "vague" not in sec.classes() and not sec.find_all("p", cls="sec-hint")


def test_a_range_has_no_machine_date_more_precise_than_known(zh_public: Path) -> None:
    doc = parse(zh_public / "index.html")
    sec = next(a for a in _sections(doc)["range-2013-2014"].ancestors() if a.tag == "section")
    head = sec.find(cls="sec-head")
    assert not head.find_all("time"), "a range has no single datetime"
    assert head.text() == "2013年或2014年"


def test_lang_attributes_zh_site(zh_public: Path) -> None:
    doc = parse(zh_public / "index.html")
    assert doc.find("html").attrs["lang"] == "zh-CN"
    events = _sections(doc)
    assert events["en-feb-5"].lang() == "en"
    assert events["day-jan-3"].lang() == "zh-CN"
    # the English source: its page, its quote on the event page, its title in chips
    src = parse(zh_public / "sources" / "2026-02-05-follow-up.html")
    assert src.find("article").attrs["lang"] == "en"
    ev = parse(zh_public / "events" / "en-feb-5.html")
    assert ev.find("article").attrs["lang"] == "en"
    assert ev.find("blockquote").lang() == "en"
    assert ev.find(cls="chip-title").lang() == "en"
    zh_src = parse(zh_public / "sources" / "2026-01-08-cai-fang.html")
    assert zh_src.find("article").lang() == "zh-CN"


def test_lang_attributes_en_site(en_public: Path) -> None:
    doc = parse(en_public / "index.html")
    assert doc.find("html").attrs["lang"] == "en"
    events = _sections(doc)
    assert events["en-feb-5"].lang() == "en"
    assert events["day-jan-3"].lang() == "zh"
    assert parse(en_public / "sources" / "2026-01-08-cai-fang.html").find("article").attrs["lang"] == "zh"


def test_interface_strings_follow_the_site_language(zh_public: Path, en_public: Path) -> None:
    zh = tomllib.loads((THEME / "i18n" / "zh-CN.toml").read_text(encoding="utf-8"))
    en = tomllib.loads((THEME / "i18n" / "en.toml").read_text(encoding="utf-8"))
    assert zh.keys() == en.keys(), "every interface string exists in both languages"
    for public, strings in ((zh_public, zh), (en_public, en)):
        nav = parse(public / "index.html").find("header").find("nav")
        assert [a.text() for a in nav.find_all("a")] == [
            strings["timeline"],
            strings["sources"],
            strings["about"],
        ]
    cjk = re.compile(r"[\u4e00-\u9fff]")
    doc = parse(en_public / "sources" / "index.html")
    chrome = [doc.find("h1"), *doc.find_all("th"), doc.find("nav", cls="sort"), doc.find("footer")]
    assert not any(cjk.search(el.text()) for el in chrome)


def _expected_coverage(public: Path) -> tuple[Counter, Counter]:
    data = json.loads((public / "events.json").read_text(encoding="utf-8"))
    tz = ZoneInfo(data["site"]["timezone"])
    articles = Counter(
        datetime.fromisoformat(s["published"]).astimezone(tz).date().isoformat()
        if "T" in s["published"]
        else s["published"]
        for s in data["sources"]
    )
    day_precise = ("day", "part-of-day", "hour", "minute")
    events = Counter(
        datetime.fromisoformat(e["date"]).astimezone(tz).date().isoformat() if "T" in e["date"] else e["date"]
        for e in data["events"]
        if e["precision"] in day_precise and not e.get("until") and not e.get("approximate")
    )
    return articles, events


@pytest.mark.parametrize("which", ["zh_public", "seed_public"])
def test_coverage_numbers_are_the_counts_per_day(which: str, request: pytest.FixtureRequest) -> None:
    public: Path = request.getfixturevalue(which)
    articles, events = _expected_coverage(public)
    doc = parse(public / "index.html")
    table = doc.find("section", cls="coverage").find("table")
    shown_a, shown_e = Counter(), Counter()
    for tr in table.find("tbody").find_all("tr"):
        a, e = (int(td.text()) for td in tr.find_all("td"))
        shown_a[tr.attrs["data-date"]] = a
        shown_e[tr.attrs["data-date"]] = e
    assert +shown_a == articles and +shown_e == events
    # the bars say the same: one bar per non-zero count, heights proportional to the counts
    svg = doc.find("section", cls="coverage").find("svg")
    assert svg.attrs["role"] == "img" and svg.find("title").text() and svg.find("desc").text()
    bars_a = [float(r.attrs["height"]) for r in svg.find_all("rect", cls="bar-articles")]
    bars_e = [float(r.attrs["height"]) for r in svg.find_all("rect", cls="bar-events")]
    assert len(bars_a) == len(articles) and len(bars_e) == len(events)
    peak = max(max(articles.values()), max(events.values()))
    tallest = max(bars_a + bars_e)
    assert sorted(round(h / tallest * peak) for h in bars_a) == sorted(articles.values())
    assert sorted(round(h / tallest * peak) for h in bars_e) == sorted(events.values())


def test_coverage_reports_events_without_a_day(zh_public: Path) -> None:
    data = json.loads((zh_public / "events.json").read_text(encoding="utf-8"))
    _, per_day = _expected_coverage(zh_public)
    vaguer = len(data["events"]) - sum(per_day.values())
    note = parse(zh_public / "index.html").find("section", cls="coverage").find("p", cls="note").text()
    assert str(vaguer) in note and vaguer == 5


@pytest.mark.parametrize("which", ["zh_public", "seed_public"])
def test_quotes_link_to_the_marked_passage(which: str, request: pytest.FixtureRequest) -> None:
    public: Path = request.getfixturevalue(which)
    data = json.loads((public / "events.json").read_text(encoding="utf-8"))
    checked = 0
    for event in data["events"]:
        doc = parse(public / event["url"])
        links = doc.find_all("a", cls="to-source")
        assert len(links) == len(event["sources"])
        for link, cited in zip(links, event["sources"], strict=True):
            page, _, frag = link.attrs["href"].partition("#")
            src = parse((public / event["url"]).parent / page)
            target = src.find(id=frag)
            assert target.tag == "mark", f"{event['id']}: quote not marked in {page}"
            assert normalise_ws(target.text()) == normalise_ws(cited["quote"])
            assert target.parent.attrs["id"].startswith("p-"), "the mark sits in an anchored paragraph"
            checked += 1
    assert checked >= len(data["events"])


def test_off_topic_sources_are_apart(zh_public: Path) -> None:
    data = json.loads((zh_public / "events.json").read_text(encoding="utf-8"))
    off = [s for s in data["sources"] if not s["on_topic"]]
    assert off
    for page in ("index.html", "outlets.html"):
        doc = parse(zh_public / "sources" / page)
        table_links = {Path(a.attrs["href"]).name for a in doc.find("table").find_all("a")}
        section = doc.find("section", cls="off-topic")
        off_links = {Path(a.attrs["href"]).name for a in section.find_all("a")}
        for s in off:
            href = Path(s["url"]).name
            assert href in off_links and href not in table_links
    page = parse(zh_public / off[0]["url"])
    assert "off-topic" in page.find("article").classes() and page.find(cls="badge").text()


def test_sources_index_in_two_orders(seed_public: Path) -> None:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in data["sources"]}
    orders = {}
    for page in ("index.html", "outlets.html"):
        doc = parse(seed_public / "sources" / page)
        rows = doc.find("table").find("tbody").find_all("tr")
        orders[page] = [by_id[Path(r.find("a").attrs["href"]).stem] for r in rows]
        current = [
            Path(a.attrs["href"]).name for a in doc.find("nav", cls="sort").find_all("a", aria_current="page")
        ]
        assert current == [page]
    times = [s["published"] for s in orders["index.html"]]
    assert times == sorted(times)
    outlets = [s["outlet_name"].casefold() for s in orders["outlets.html"]]
    assert outlets == sorted(outlets)
    assert sorted(s["id"] for s in orders["index.html"]) == sorted(s["id"] for s in orders["outlets.html"])


def test_source_chips_name_outlet_and_time(seed_public: Path) -> None:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    by_id = {s["id"]: s for s in data["sources"]}
    doc = parse(seed_public / "index.html")
    for li in doc.find_all("li", cls="event"):
        chips = li.find("ul", cls="sources").find_all("a", cls="source-chip")
        assert chips
        for chip in chips:
            src = by_id[Path(chip.attrs["href"]).stem]
            assert chip.find(cls="outlet").text() == src["outlet_name"]
            stamp = datetime.fromisoformat(chip.find("time").attrs["datetime"])
            assert stamp == datetime.fromisoformat(src["published"])


def test_print_stylesheet_is_there() -> None:
    css = (THEME / "static" / "style.css").read_text(encoding="utf-8")
    block = css[css.index("@media print") :]
    for selector in (".site-header nav", ".chip-title", ".sec-head"):
        assert selector in block
    assert "prefers-color-scheme: dark" in css and "prefers-reduced-motion" in css


def test_seed_index_within_budget(seed_public: Path) -> None:
    sizes = page_weight(seed_public, "index.html")
    assert any(k.endswith(".css") for k in sizes)
    assert sum(sizes.values()) <= BUDGET, sizes


def test_no_requests_to_other_hosts_in_markup(seed_public: Path) -> None:
    for page in _pages(seed_public):
        doc = parse(page)
        for el in doc.iter():
            for attr in ("src", "href"):
                value = el.attrs.get(attr, "")
                if el.tag in ("link", "script", "img", "iframe", "source"):
                    assert not value.startswith(("http:", "https:", "//")), f"{page.name}: {value}"


def test_event_pages_link_to_their_neighbours(zh_public: Path) -> None:
    data = json.loads((zh_public / "events.json").read_text(encoding="utf-8"))
    ids = [e["id"] for e in data["events"]]
    for i, event_id in enumerate(ids):
        pager = parse(zh_public / "events" / f"{event_id}.html").find("nav", cls="pager")
        prev = [Path(a.attrs["href"]).stem for a in pager.find_all("a", rel="prev")]
        nxt = [Path(a.attrs["href"]).stem for a in pager.find_all("a", rel="next")]
        assert prev == ids[i - 1 : i] if i else prev == []
        assert nxt == ids[i + 1 : i + 2]


def test_quote_marks_tolerate_spacing_like_the_quote_check() -> None:
    from sitegen.builder.render.quotes import body_with_anchors
    from sitegen.core.markdown import contains_quote

    body = "第一段。\n\n公司 CEO 在直播中 宣布了 新计划，\n引发讨论。\n\n第三段。"
    quote = "公司CEO在直播中宣布了新计划， 引发讨论。"
    assert contains_quote(body, quote)
    html, placed = body_with_anchors(body, {"q-1": quote, "q-2": "第三段。", "q-3": "not there"})
    assert placed == {"q-1", "q-2"}
    assert '<p id="p-2"><mark id="q-1">公司 CEO 在直播中 宣布了 新计划，' in html
    assert '<p id="p-3"><mark id="q-2">第三段。</mark></p>' in html
