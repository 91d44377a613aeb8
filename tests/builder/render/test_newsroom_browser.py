"""What a reader meets on a phone and in search, in real Chromium: pinyin names typed as words, results
brought into view, the sources list at 375 px, and the person, tag and about pages (axe, light and dark).

Expectations come from the content (the built site's events.json and people.toml), not fixed ids.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitegen.builder.render.topics import topic_path
from sitegen.core.slug import to_ascii_words

from ...support.theme import AXE, AXE_TAGS
from ..search.test_search_browser import search, shown, timeline, visible  # noqa: F401  (timeline: a fixture)

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}


def romanised(seed_site: Path) -> dict[str, list[str]]:
    """Each person of people.toml with an English spelling of two or more words: name -> spellings."""
    people = tomllib.loads((seed_site / "content" / "data" / "people.toml").read_text(encoding="utf-8"))
    found = {}
    for name, aliases in people["people"].items():
        words = [a for a in aliases if a.isascii() and len(a.split()) == 2]
        if words:
            found[name] = words
    return found


def test_pinyin_as_separate_words_in_either_order_finds_what_the_joined_spelling_finds(
    timeline: Page,  # noqa: F811  (the fixture imported above)
    seed_site: Path,
) -> None:
    names = romanised(seed_site)
    assert len(names) >= 2  # 雷军 (Lei Jun), 刘强东 (Liu Qiangdong): no name is special-cased
    for name, spellings in names.items():
        given, family = spellings[0].split()
        search(timeline, (given + family).lower())
        joined = visible(timeline)
        if not joined:
            continue  # a name of people.toml no event mentions
        syllables = to_ascii_words(name)  # 刘强东: liu qiang dong; in English order: Qiang Dong Liu
        english = " ".join(w.capitalize() for w in syllables[1:] + syllables[:1])
        for query in (f"{given} {family}", f"{given.lower()} {family.lower()}", f"{family} {given}", english):
            search(timeline, query)
            assert visible(timeline) == joined, query
    search(timeline, "leijun")
    joined = visible(timeline)
    search(timeline, "Lei Jun")
    assert joined and visible(timeline) == joined  # the case: 0 events before, all of them now
    expect(timeline.locator("[data-event-id] mark.search-hit", has_text="雷军").first).to_be_visible()


def test_enter_brings_the_results_into_view_on_a_phone(browser, seed_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{seed_url}/index.html")
    box = page.locator("input[type=search]")
    box.fill("营销")
    shown(page, q="营销")
    box.press("Enter")
    page.wait_for_function("() => document.activeElement.type !== 'search'")  # the keyboard closes
    page.wait_for_timeout(600)  # smooth scrolling, where the reader allows motion
    first = page.locator("[data-event-id].search-match").first
    top = first.evaluate("el => el.getBoundingClientRect().top")
    assert 0 <= top < PHONE["height"] - 100, f"the first result starts at {top} px"
    count = page.locator(".search-match[data-event-id]").count()
    assert count >= 1
    page.close()


def lines(page: Page, selector: str) -> list[int]:
    """How many lines the text of each element matching ``selector`` takes."""
    return page.eval_on_selector_all(
        selector,
        """els => els.map(el => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
            return tops.size;
        })""",
    )


@pytest.mark.parametrize("order", ["index", "outlets"])
def test_the_sources_list_on_a_phone_keeps_dates_and_outlets_whole(
    browser, seed_url: str, order: str
) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{seed_url}/sources/{order}.html")
    times, outlets = lines(page, ".sources-table td.time"), lines(page, ".sources-table td.outlet")
    assert times and len(times) == len(outlets)
    assert max(times) <= 2, times
    assert max(outlets) == 1, outlets
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]
    page.close()


def test_person_and_tag_chips_lead_to_a_page_listing_their_events(
    timeline: Page,  # noqa: F811  (the fixture imported above)
    seed_public: Path,
    seed_url: str,
) -> None:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    names = sorted({p for e in data["events"] for p in e["people"]})
    name = max(names, key=lambda p: sum(p in e["people"] for e in data["events"]))
    naming = [e["title"] for e in data["events"] if name in e["people"]]
    timeline.locator(".chip.person a", has_text=name).first.click()
    expect(timeline).to_have_url(re.compile(re.escape(topic_path("person", name)) + "$"))
    expect(timeline.locator("h1")).to_have_text(name)
    titles = timeline.locator(".topic-events .topic-title").all_text_contents()
    assert [t.strip() for t in titles] == naming  # in timeline order, each once
    timeline.locator(".topic-page .meta a").click()  # "show them on the timeline": the search filter
    shown(timeline, person=name)
    assert len(visible(timeline)) == len(naming)
    tag = data["events"][0]["tags"][0]
    timeline.goto(f"{seed_url}/{data['events'][0]['url']}")
    timeline.locator(".chip.tag a", has_text=tag).first.click()
    expect(timeline.locator("h1")).to_have_text("#" + tag)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_about_person_and_sources_pages_pass_axe_at_375_px(
    browser, seed_url: str, seed_public: Path, scheme: str
) -> None:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    person = next(p for e in data["events"] for p in e["people"])
    ctx = browser.new_context(viewport=PHONE, color_scheme=scheme, bypass_csp=True)
    page = ctx.new_page()
    for rel in ("about.html", topic_path("person", person), "sources/index.html"):
        page.goto(f"{seed_url}/{rel}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], f"{rel} ({scheme}): {found}"
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], rel
    page.goto(f"{seed_url}/about.html")
    expect(page.locator(".site-header nav a[aria-current=page]")).to_have_attribute("href", "about.html")
    ctx.close()
