"""``sitegen serve`` in real Chromium: an edit reloads the page, CSS swaps in place, errors overlay."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from sitegen.builder.render.theme import CHECKOUT_THEMES
from sitegen.core import frontmatter
from sitegen.serve import Preview

from ..support.serve import copy_seed

WAIT_MS = 30_000


@pytest.mark.browser
def test_live_reload_css_swap_and_error_overlay(page: Page, tmp_path: Path) -> None:
    root = copy_seed(tmp_path / "site")
    (root / "static").mkdir()
    css = root / "static" / "style.css"  # the site's own copy, so the edit stays in the temp folder
    shutil.copy(CHECKOUT_THEMES / "default" / "static" / "style.css", css)
    ev = sorted((root / "content" / "events").glob("*.md"))[0]
    event_id = frontmatter.read(ev).data["id"]
    preview = Preview(root, "127.0.0.1", 0, log=lambda line: None)
    url = preview.start()
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    live = page.locator("html[data-sitegen-live=open]")
    try:
        page.goto(url)
        expect(live).to_have_count(1, timeout=WAIT_MS)
        title = page.locator(f'[data-event-id="{event_id}"] .event-title')

        # 1. an edit to the event's Markdown: the page reloads by itself and shows the new title
        page.evaluate("window.__marker = 'before the edit'")
        page_data = frontmatter.read(ev)
        page_data.data["title"] = "浏览器自己刷新后的新标题"
        ev.write_text(frontmatter.dump(page_data.data, page_data.body), "utf-8")
        expect(title).to_have_text("浏览器自己刷新后的新标题", timeout=WAIT_MS)
        assert page.evaluate("window.__marker") is None  # a fresh document: it reloaded
        expect(live).to_have_count(1, timeout=WAIT_MS)

        # 2. a stylesheet edit applies without a reload
        page.evaluate("window.__marker = 'kept'")
        site_title = page.locator(".site-title")
        assert site_title.evaluate("e => getComputedStyle(e).color") != "rgb(1, 2, 3)"
        css.write_text(
            css.read_text("utf-8") + "\n.site-title { color: rgb(1, 2, 3) !important; }\n", "utf-8"
        )
        expect(site_title).to_have_css("color", "rgb(1, 2, 3)", timeout=WAIT_MS)
        assert page.evaluate("window.__marker") == "kept"
        assert page.locator('link[rel="stylesheet"][href*="assets/style."]').count() == 1

        # 3. broken front matter: an overlay with file and line; the page underneath stays
        original = ev.read_text("utf-8")
        ev.write_text(original.replace("title:", "title: a: b", 1), "utf-8")
        overlay = page.locator("#sitegen-overlay")
        expect(overlay).to_be_visible(timeout=WAIT_MS)
        expect(overlay.locator(".sitegen-where")).to_have_text(f"content/events/{ev.name}:3")
        expect(overlay).to_contain_text("YAML")
        expect(title).to_have_text("浏览器自己刷新后的新标题")
        page.screenshot(path=str(tmp_path / "overlay.png"))

        # 4. fixing it clears the overlay and shows the fix
        ev.write_text(original.replace("title: ", "title: 修好了 ", 1), "utf-8")
        expect(overlay).to_have_count(0, timeout=WAIT_MS)
        expect(title).to_contain_text("修好了", timeout=WAIT_MS)
        assert errors == []  # nothing broke the page's Content-Security-Policy
    finally:
        preview.stop()
