"""timeline.json in TimelineJS3's format: dates at the event's precision, the site's own
date labels, sources credited; and the real TimelineJS 3.9.11 rendering it offline."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ...support.publish import TIMELINEJS, build, read_page, varied_site

BASE = "https://news.example.org/timeline/"
KEYS = ("year", "month", "day", "hour", "minute")
KEYS_BY_PRECISION = {"year": 1, "month": 2, "day": 3, "part-of-day": 3, "hour": 4, "minute": 5}
ISO = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d)(?:T(\d\d):(\d\d))?)?)?")


def expected_date(iso: str, precision: str) -> dict[str, str]:
    """What TimelineJS should get for a date written at a precision (read from events.json)."""
    m = ISO.match(iso)
    assert m, iso
    values = [str(int(v)) for v in m.groups() if v is not None]
    return dict(zip(KEYS, values[: KEYS_BY_PRECISION[precision]], strict=False))


def check_export(public: Path, base: str) -> None:
    data = json.loads((public / "events.json").read_text(encoding="utf-8"))
    doc = json.loads((public / "timeline.json").read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"]
    events = data["events"]
    slides = doc["events"]
    assert [s["unique_id"] for s in slides] == [e["id"] for e in events]
    years = {e["date"][:4] for e in events} | {e["until"][:4] for e in events if e.get("until")}
    for event, slide in zip(events, slides, strict=True):
        assert slide["start_date"] == expected_date(event["date"], event["precision"]), event["id"]
        if event.get("until"):
            assert slide["end_date"] == expected_date(event["until"], event["precision"])
        else:
            assert "end_date" not in slide
        assert slide["display_date"] == event["label"]
        assert ("group" in slide) == (len(years) > 1)
        if "group" in slide:
            assert slide["group"] == event["date"][:4]
        text = read_page(slide["text"]["text"])
        for cited in event["sources"]:
            assert cited["quote"] in text.text
            links = [u for _, u in text.links if f"sources/{cited['id']}.html" in u]
            assert links, f"{event['id']} does not link to source {cited['id']}"
            for url in links:
                rel = url[len(base) :] if base else url
                assert not base or url.startswith(base)
                assert (public / rel.partition("#")[0]).is_file(), url


def test_slides_follow_events_json_for_every_kind_of_date(tmp_path: Path) -> None:
    root = varied_site(tmp_path / "site")
    check_export(build(root, tmp_path / "plain"), "")
    check_export(build(root, tmp_path / "based", base_url=BASE), BASE)
    doc = json.loads((tmp_path / "plain" / "timeline.json").read_text(encoding="utf-8"))
    precisions = {len(s["start_date"]) for s in doc["events"]}
    assert precisions == {1, 2, 3, 4, 5}  # the site really covers every precision


def test_seed_export_follows_events_json(seed_public: Path) -> None:
    check_export(seed_public, "")


def embed_page(site: Path, language: str) -> None:
    """The docs' embed snippet, with TimelineJS served from the same folder."""
    shutil.copytree(TIMELINEJS, site / "vendor" / "timelinejs")
    (site / "embed.html").write_text(
        f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8"><title>embed</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="vendor/timelinejs/css/timeline.css">
<style>#timeline-embed {{ width: 100%; height: 640px; }}</style>
</head><body>
<div id="timeline-embed"></div>
<script src="vendor/timelinejs/js/timeline.js"></script>
<script>
window.timeline = new TL.Timeline("timeline-embed", "timeline.json", {{
  script_path: new URL("vendor/timelinejs/js/", location.href).href,
  font: null,
  language: "{language}"
}});
</script>
</body></html>
""",
        encoding="utf-8",
    )


@pytest.mark.browser
@pytest.mark.parametrize("which", ["seed", "varied"])
def test_real_timelinejs_shows_every_event_offline(
    which: str, page, seed_public: Path, serve_dir, tmp_path: Path
) -> None:
    if not (TIMELINEJS / "js" / "timeline.js").is_file():
        pytest.skip("node_modules/@knight-lab/timelinejs missing: npm ci")
    site = tmp_path / "site"
    if which == "seed":
        shutil.copytree(seed_public, site)
    else:
        build(varied_site(tmp_path / "src"), site)
    embed_page(site, "zh-cn")
    data = json.loads((site / "events.json").read_text(encoding="utf-8"))
    url = serve_dir(site)
    errors: list[str] = []
    external: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: not r.url.startswith((url, "data:")) and external.append(r.url))
    page.goto(f"{url}/embed.html")
    slides = page.locator(".tl-slide")
    slides.first.wait_for(state="attached")
    page.wait_for_function(
        "n => document.querySelectorAll('.tl-slide').length === n", arg=len(data["events"]) + 1
    )
    assert slides.count() == len(data["events"]) + 1
    assert page.locator(".tl-slide-titleslide").count() == 1
    title = page.locator(".tl-slide-titleslide .tl-headline").first.inner_text()
    assert title.strip() == data["site"]["title"]
    # every slide shows the site's own date label, never TimelineJS's reformatting
    shown = page.locator(".tl-slide:not(.tl-slide-titleslide) .tl-headline-date").all_text_contents()
    assert sorted(s.strip() for s in shown) == sorted(e["label"] for e in data["events"])
    assert page.locator(".tl-timemarker").count() == len(data["events"])
    # the links in the slides reach our source pages
    hrefs = page.eval_on_selector_all(".tl-slide a[href*='sources/']", "els => els.map(e => e.href)")
    assert len(hrefs) >= len(data["events"])
    for href in set(hrefs):
        assert page.request.get(href).status == 200, href
    page.wait_for_load_state("networkidle")
    page.screenshot(path=str(tmp_path / f"timelinejs-{which}.png"))
    assert errors == [], errors
    assert external == [], external
