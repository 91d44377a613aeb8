"""The default theme in real Chromium: axe-core (light and dark), 320 px, print, keyboard focus,
the highlighted quote target, sticky date headings, the CSP and zero requests to other hosts."""

from __future__ import annotations

import functools
import http.server
import itertools
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from ...support.theme import AXE, AXE_TAGS, build_site, precision_site

pytestmark = pytest.mark.browser

CSP = "default-src 'self'"


class _CSPHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files with the Content-Security-Policy the published site ships with."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        super().end_headers()

    def log_message(self, *args: object) -> None:
        pass


def _serve(folder: Path) -> Iterator[str]:
    srv = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_CSPHandler, directory=str(folder))
    )
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}/"
    srv.shutdown()
    srv.server_close()


@pytest.fixture(scope="module")
def seed(seed_public: Path) -> Iterator[str]:
    yield from _serve(seed_public)


@pytest.fixture(scope="module")
def vague(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(build_site(precision_site(tmp_path_factory.mktemp("prec") / "site")))


def _data(public_url: str, page) -> dict:
    page.goto(public_url + "events.json")
    return json.loads(page.locator("body").inner_text())


def _pages(base: str, page) -> dict[str, str]:
    """index, the first event's page, and the page of the source it quotes first."""
    data = _data(base, page)
    event = data["events"][0]
    return {
        "index": "index.html",
        "event": event["url"],
        "source": f"sources/{event['sources'][0]['id']}.html",
        "sources": "sources/index.html",
    }


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("site", ["seed", "vague"])
def test_axe_finds_nothing(browser, site: str, scheme: str, request: pytest.FixtureRequest) -> None:
    base = request.getfixturevalue(site)
    ctx = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = ctx.new_page()
    for name, rel in _pages(base, page).items():
        page.goto(base + rel)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert found == [], f"{site} {name} ({scheme}): {found}"
        # the details table too
        if page.locator("details.coverage-data").count():
            page.locator("details.coverage-data summary").click()
            result = page.evaluate(
                "async (tags) => await axe.run('details.coverage-data',"
                " {runOnly: {type: 'tag', values: tags}})",
                AXE_TAGS,
            )
            assert result["violations"] == [], f"{site} {name} table ({scheme})"
    ctx.close()


@pytest.mark.parametrize("site", ["seed", "vague"])
def test_no_horizontal_scroll_at_320px(browser, site: str, request: pytest.FixtureRequest) -> None:
    base = request.getfixturevalue(site)
    page = browser.new_page(viewport={"width": 320, "height": 640})
    for name, rel in _pages(base, page).items():
        page.goto(base + rel)
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert width[0] <= width[1], f"{name}: content is {width[0]} px wide in a {width[1]} px window"
    page.close()


@pytest.mark.parametrize("width", [320, 375])
def test_coverage_chart_fits_its_box_on_a_phone(browser, seed: str, width: int) -> None:
    """The chart is scaled into its box (no bar cut off at the edge, nothing to scroll to) and
    the labels it keeps do not run into each other and stay legible (at least 10 px)."""
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(seed + "index.html")
    chart, svg, bars = page.evaluate(
        "() => { const c = document.querySelector('.coverage .chart'); const r = e => e.getBoundingClientRect();"
        " return [[r(c).left, r(c).right, c.scrollWidth, c.clientWidth], [r(c.querySelector('svg')).left,"
        " r(c.querySelector('svg')).right], [...c.querySelectorAll('rect')].map(b => r(b).right)]; }"
    )
    assert chart[2] <= chart[3], f"the chart scrolls: {chart[2]} px of content in {chart[3]} px"
    assert chart[0] <= svg[0] and svg[1] <= chart[1] + 0.5, (chart, svg)
    assert bars and max(bars) <= chart[1] + 0.5, "the last bar is inside the box"
    ticks = page.evaluate(
        "() => [...document.querySelectorAll('.chart .tick')].filter(t => getComputedStyle(t).display !== 'none')"
        ".map(t => { const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right, r.height]; })"
    )
    assert len(ticks) >= 2, ticks
    assert chart[0] - 0.5 <= ticks[0][1] and ticks[-1][2] <= chart[1] + 0.5, f"a label is cut off: {ticks}"
    for (a, _, a_right, _), (b, b_left, _, _) in itertools.pairwise(ticks):
        assert a_right <= b_left, f"{a!r} runs into {b!r}"
    assert min(h for *_, h in ticks) >= 10, f"labels too small to read: {ticks}"
    page.close()


def test_wide_screen_keeps_a_readable_measure(browser, seed: str) -> None:
    page = browser.new_page(viewport={"width": 1920, "height": 1000})
    page.goto(seed + "index.html")
    widths = page.evaluate(
        "[...document.querySelectorAll('.event-title, .lede')].map(e => e.getBoundingClientRect().width"
        " / parseFloat(getComputedStyle(e).fontSize))"
    )
    assert widths and max(widths) <= 41, "lines stay around 35-40 CJK characters"
    line_height = page.evaluate(
        "(() => { const p = document.querySelector('.lede'); const s = getComputedStyle(p);"
        " return parseFloat(s.lineHeight) / parseFloat(s.fontSize); })()"
    )
    assert 1.65 <= line_height <= 1.85
    page.close()


def test_print_hides_navigation_and_shows_sources(browser, seed: str) -> None:
    page = browser.new_page()
    page.goto(seed + "index.html")
    page.emulate_media(media="print")
    assert page.locator(".site-header nav").evaluate("e => getComputedStyle(e).display") == "none"
    title = page.locator(".chip-title").first
    assert title.evaluate("e => getComputedStyle(e).position") == "static"
    assert title.evaluate("e => e.getBoundingClientRect().width") > 20, "the source's title is printed"
    after = page.locator("a.source-chip").first.evaluate("e => getComputedStyle(e, '::after').content")
    assert "sources/" in after, "the printed chip says where the source page is"
    assert page.locator(".sec-head").first.evaluate("e => getComputedStyle(e).position") == "static"
    page.emulate_media(media="screen")
    assert page.locator(".site-header nav").evaluate("e => getComputedStyle(e).display") != "none"
    assert page.locator(".chip-title").first.evaluate("e => e.getBoundingClientRect().width") <= 1
    page.close()


def _focus_ring(page) -> dict:
    return page.evaluate(
        "(() => { const e = document.activeElement; const s = getComputedStyle(e);"
        " const r = e.getBoundingClientRect();"
        " return {tag: e.tagName, cls: e.className, style: s.outlineStyle, width: parseFloat(s.outlineWidth),"
        " top: r.top, bottom: r.bottom, vh: innerHeight}; })()"
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_keyboard_focus_is_visible(browser, seed: str, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(seed + "index.html")
    page.keyboard.press("Tab")
    ring = _focus_ring(page)
    assert ring["cls"] == "skip" and ring["style"] != "none" and ring["width"] >= 2
    assert 0 <= ring["top"] < ring["vh"], "the skip link shows when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    seen_chip = False
    for _ in range(40):
        page.keyboard.press("Tab")
        ring = _focus_ring(page)
        assert ring["style"] != "none" and ring["width"] >= 2, ring
        if "source-chip" in ring["cls"]:
            seen_chip = True
            # focus scrolls the chip into view (smoothly, so wait for the scroll to settle)
            page.wait_for_function(
                "() => { const r = document.activeElement.getBoundingClientRect();"
                " return r.top >= 0 && r.bottom <= innerHeight; }",
                timeout=3000,
            )
            break
    assert seen_chip, "source chips are reachable by keyboard"
    page.close()


def test_quote_link_scrolls_to_a_highlighted_quote(browser, seed: str) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 700})
    data = _data(seed, page)
    # the event whose quote sits furthest down its source page, so scrolling is needed
    page.goto(seed + data["events"][0]["url"])
    page.locator("a.to-source").first.click()
    page.wait_for_load_state()
    target = page.locator("mark:target")
    assert target.count() == 1
    page.wait_for_timeout(1500)  # let the reduced-motion-free flash animation finish
    box = target.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 700
    colours = page.evaluate(
        "(() => { const m = document.querySelector('mark:target'); const p = m.closest('[id^=p-]');"
        " const other = [...document.querySelectorAll('.body p')].find(x => !x.contains(m));"
        " return [getComputedStyle(m).backgroundColor, getComputedStyle(p).backgroundColor,"
        " other ? getComputedStyle(other).backgroundColor : 'rgba(0, 0, 0, 0)']; })()"
    )
    mark_bg, para_bg, other_bg = colours
    assert para_bg != other_bg, "the paragraph holding the quote is highlighted"
    assert mark_bg not in (para_bg, "rgba(0, 0, 0, 0)"), "the quote itself stands out in its paragraph"
    page.close()


def test_sticky_year_month_day_headings(browser, vague: str) -> None:
    page = browser.new_page(
        viewport={"width": 1280, "height": 600}, reduced_motion="reduce"
    )  # no smooth scroll racing
    page.goto(vague + "index.html#hour-jan-7")
    page.evaluate(
        "document.getElementById('hour-jan-7').scrollIntoView({block: 'start', behavior: 'instant'})"
    )
    stuck = page.evaluate(
        "[...document.querySelectorAll('.sec-head')].filter(h => { const r = h.getBoundingClientRect();"
        " return r.top >= 0 && r.top < 200 && getComputedStyle(h).position === 'sticky'; })"
        ".sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)"
        ".map(h => [h.textContent.trim(), Math.round(h.getBoundingClientRect().top)])"
    )
    labels = [label for label, _ in stuck]
    assert labels[:3] == ["2026年", "2026年1月", "1月7日 周三"], stuck
    tops = [top for _, top in stuck[:3]]
    assert tops[0] == 0 and tops[0] < tops[1] < tops[2]
    page.close()


@pytest.mark.parametrize("site", ["seed", "vague"])
def test_csp_holds_and_no_other_hosts(browser, site: str, request: pytest.FixtureRequest) -> None:
    base = request.getfixturevalue(site)
    page = browser.new_page()
    foreign: list[str] = []
    page.on("request", lambda r: foreign.append(r.url) if not r.url.startswith(base) else None)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for rel in _pages(base, page).values():
        page.goto(base + rel)
        page.wait_for_load_state("load")
    assert foreign == [] and errors == []
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_scheme_follows_the_reader(browser, seed: str, scheme: str) -> None:
    page = browser.new_page(color_scheme=scheme)
    page.goto(seed + "index.html")
    rgb = page.evaluate(
        "getComputedStyle(document.documentElement).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number)"
    )
    brightness = sum(rgb) / 3 / 255
    assert (brightness > 0.8) if scheme == "light" else (brightness < 0.2)
    page.close()


def _months_dump(path: Path) -> Path:
    """Forty progress reports of one works over nine months: the chart counts per month."""
    lines = ["Workflow", "大坝", "icon", "Search documents"]
    for i in range(40):
        m, d = 1 + i % 9, 1 + (i * 7) % 27
        lines += [
            f"青岚水库大坝加固工程第{i + 1}次进展通报",
            f"Qing Lan Ri Bao· 2025-{m:02d}-{d:02d} 10:00",
            f"{m}月{d}日,青岚水库大坝加固工程指挥部通报,工程完成第{i + 1}阶段,青岚水库管理局局长林海峰到现场检查。",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("language", ["zh-CN", "en"])
def test_chart_tick_labels_do_not_run_into_each_other(
    browser, language: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """Month labels (2025年3月, Mar 2025) are wider than day labels: each keeps its own room."""
    from sitegen.config import load_config
    from sitegen.importer.run import run_import

    from ...conftest import new_site

    root = tmp_path_factory.mktemp("months") / "site"
    new_site(root, language=language)
    run_import(load_config(root), [_months_dump(root / "months.txt")])
    base = next(_serve(build_site(root)))
    page = browser.new_page()
    page.goto(base + "index.html")
    boxes = page.evaluate(
        "() => [...document.querySelectorAll('.chart .tick')].map(t => {"
        " const r = t.getBoundingClientRect(); return [t.textContent, r.left, r.right]; })"
    )
    assert len(boxes) >= 5 and all("月" in t or "2025" in t for t, _, _ in boxes), boxes
    for (a, _, a_right), (b, b_left, _) in itertools.pairwise(boxes):
        assert a_right <= b_left, f"{a!r} runs into {b!r}"
    page.close()
