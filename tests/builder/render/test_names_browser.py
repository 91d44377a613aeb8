"""An organisation's chip in real Chromium: it says its kind, leads to the organisation's page (not a
person's), whose link filters the timeline to its events with the organisation filter; the page
passes axe.  Expectations come from the built seed's events.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitegen.builder.render.topics import topic_path

from ...support.theme import AXE, AXE_TAGS
from ..search.test_search_browser import shown, timeline, visible  # noqa: F401  (timeline: a fixture)

pytestmark = pytest.mark.browser


def most_named_organisation(seed_public: Path) -> tuple[str, list[dict]]:
    data = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))
    names = sorted({n for e in data["events"] for n in e["organisations"]})
    assert names, "the seed names no organisation"
    name = max(names, key=lambda n: sum(n in e["organisations"] for e in data["events"]))
    return name, [e for e in data["events"] if name in e["organisations"]]


def test_an_organisation_chip_leads_to_its_page_and_filters_the_timeline(
    timeline: Page,  # noqa: F811  (the fixture imported above)
    seed_public: Path,
) -> None:
    name, naming = most_named_organisation(seed_public)
    chip = timeline.locator(".chip.organisation a", has_text=name).first
    expect(chip.locator(".chip-kind")).to_have_text("机构")
    assert timeline.locator(".chip.person a", has_text=name).count() == 0  # never a person's chip
    chip.click()
    expect(timeline).to_have_url(re.compile(re.escape(topic_path("organisation", name)) + "$"))
    expect(timeline.locator("h1")).to_have_text(name)
    expect(timeline.locator(".topic-kind")).to_have_text("机构")
    titles = timeline.locator(".topic-events .topic-title").all_text_contents()
    assert [t.strip() for t in titles] == [e["title"] for e in naming]
    timeline.locator(".topic-page .meta a").click()  # "show them on the timeline"
    shown(timeline, org=name)
    assert visible(timeline) == {e["id"] for e in naming}
    expect(timeline.locator("select[name=org]")).to_have_value(name)


def test_an_organisation_page_passes_axe(browser, seed_url: str, seed_public: Path) -> None:
    name, _ = most_named_organisation(seed_public)
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, bypass_csp=True)
    page = ctx.new_page()
    for rel in (topic_path("organisation", name), "index.html"):
        page.goto(f"{seed_url}/{rel}")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], f"{rel}: {found}"
    ctx.close()
