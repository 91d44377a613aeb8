"""The links to the original article in real Chromium: a site imported from every input format
(tests/ingest/fixtures/formats), its source and event pages at 320 px, light and dark, with axe-core."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from sitegen.cli import main

from ..conftest import new_site
from ..support.theme import AXE, AXE_TAGS
from .test_input_formats import FORMATS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def formats_url(tmp_path_factory: pytest.TempPathFactory, serve_dir) -> str:
    site = new_site(tmp_path_factory.mktemp("formats-browser") / "site")
    runner = CliRunner()
    runner.invoke(main, ["--site", str(site), "import", "-q", str(FORMATS)], catch_exceptions=False)
    result = runner.invoke(main, ["--site", str(site), "build", "-q"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return serve_dir(site / "public") + "/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_original_links_are_visible_accessible_and_fit_a_phone(browser, formats_url, scheme):
    ctx = browser.new_context(color_scheme=scheme, viewport={"width": 320, "height": 640})
    page = ctx.new_page()
    page.goto(formats_url + "events.json")
    public_links = page.evaluate(
        "() => JSON.parse(document.body.innerText).sources.filter(s => s.original_url).map(s => s.id)"
    )
    assert public_links
    for rel in (f"sources/{public_links[0]}.html",):
        page.goto(formats_url + rel)
        link = page.locator("dd.original a").first
        assert link.is_visible()
        href = link.get_attribute("href")
        assert href.startswith("https://") and link.inner_text().rstrip(" ↗") in href
        box = link.bounding_box()
        assert box is not None and box["x"] + box["width"] <= 320
    page.goto(formats_url + "index.html")
    events = page.evaluate("() => [...document.querySelectorAll('a[href*=\"events/\"]')].map(a => a.href)")
    found_event = False
    for href in dict.fromkeys(events):
        page.goto(href)
        if page.locator("a.to-original").count():
            found_event = True
            break
    assert found_event
    for url in (formats_url + f"sources/{public_links[0]}.html", page.url):
        page.goto(url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], f"{url} ({scheme}): {found}"
    ctx.close()
