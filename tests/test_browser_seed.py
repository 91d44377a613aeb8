"""The default site in real Chromium: it opens from a server and from disk, and every entry leads
to its sources, with no error and no request to another host."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def watch(page: Page, allowed: str) -> tuple[list[str], list[str]]:
    errors: list[str] = []
    external: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request", lambda r: r.url.startswith(allowed) or r.url.startswith("data:") or external.append(r.url)
    )
    return errors, external


def test_timeline_leads_to_event_and_source_pages(page: Page, seed_url, seed_public):
    errors, external = watch(page, seed_url)
    events = json.loads((seed_public / "events.json").read_text(encoding="utf-8"))["events"]
    page.goto(f"{seed_url}/index.html")
    expect(page.locator("[data-event-id]")).to_have_count(len(events))
    first = events[0]
    entry = page.locator(f'[data-event-id="{first["id"]}"]')
    entry.locator("a.source-chip").first.click()
    expect(page).to_have_url(f"{seed_url}/sources/{first['sources'][0]['id']}.html")
    expect(page.locator("h1")).to_be_visible()
    page.goto(f"{seed_url}/{first['url']}")
    expect(page.locator("blockquote").first).to_contain_text(first["sources"][0]["quote"][:10])
    page.locator(".citation a").last.click()
    expect(page.locator("article")).to_be_visible()
    assert errors == [] and external == []


def test_site_works_from_file_urls(page: Page, seed_public):
    _, external = watch(page, "file://")
    page.goto((seed_public / "index.html").as_uri())
    expect(page.locator("[data-event-id]").first).to_be_visible()
    page.locator(".event-title a").first.click()
    assert page.url.startswith("file://") and "/events/" in page.url
    page.locator(".citation a").first.click()
    assert "/sources/" in page.url
    # the stylesheet loaded: the page is not unstyled
    page.wait_for_load_state("load")
    assert page.evaluate("getComputedStyle(document.body).margin") == "0px"
    assert external == []
