"""The about page (text from content/about.md, facts from the content), the last-updated line, and a
page per person, organisation and tag that the chips link to."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner

from sitegen.builder import build
from sitegen.builder.render.topics import topic_path
from sitegen.cli import main
from sitegen.config import load_config

from ...conftest import SEED_DUMP
from ...support.theme import parse


def init_and_import(root: Path, *args: str) -> Path:
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root), *args]).exit_code == 0
    done = runner.invoke(main, ["--site", str(root), "import", "-q", str(SEED_DUMP)])
    assert done.exit_code == 0, done.output
    return root


def test_init_writes_an_about_text_in_the_sites_language(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "zh")]).exit_code == 0
    assert runner.invoke(main, ["init", str(tmp_path / "en"), "--language", "en"]).exit_code == 0
    zh = (tmp_path / "zh" / "content" / "about.md").read_text(encoding="utf-8")
    en = (tmp_path / "en" / "content" / "about.md").read_text(encoding="utf-8")
    assert "逐字" in zh and "更正" in zh and "精度" in zh  # verbatim quotes, corrections, dates
    assert "word for word" in en and "Corrections" in en and "precise" in en
    assert load_config(tmp_path / "en").language == "en"


def test_the_about_page_shows_the_editable_text_and_what_the_site_is_made_from(tmp_path: Path) -> None:
    site = init_and_import(tmp_path / "site")
    about = site / "content" / "about.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n联系编辑：desk@example.org\n", encoding="utf-8")
    out = build(load_config(site)).out
    page = parse(out / "about.html")
    text = page.find("main").text()
    assert "desk@example.org" in text and "逐字" in text
    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    on_topic = [s for s in data["sources"] if s["on_topic"]]
    facts = page.find("section", "about-facts").text()
    assert f"{len(on_topic)} 篇报道" in facts
    assert "营销" in facts  # the dump's search keyword
    assert SEED_DUMP.name in facts
    latest = max(datetime.fromisoformat(s["published"]) for s in on_topic)
    stamps = {
        datetime.fromisoformat(t.attrs["datetime"]) for t in page.find("p", "last-updated").find_all("time")
    }
    assert stamps == {latest}
    index = parse(out / "index.html")
    shown = index.find("span", "last-updated").find_all("time")
    assert {datetime.fromisoformat(t.attrs["datetime"]) for t in shown} == {latest}
    assert any(a.attrs.get("href") == "about.html" for a in index.find("header").find_all("a"))

    about.write_text("## 我们是谁\n\n本地新闻编辑部。\n", encoding="utf-8")  # an edit is a new build's input
    result = build(load_config(site))
    assert result.mode != "unchanged"
    assert "本地新闻编辑部" in (out / "about.html").read_text(encoding="utf-8")


def test_a_site_without_about_md_gets_the_default_in_its_language(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "site.toml").write_text('language = "en"\n', encoding="utf-8")
    out = build(load_config(site)).out
    text = parse(out / "about.html").find("main").text()
    assert "word for word" in text and "How dates are read" in text
    assert parse(out / "index.html").find_all("span", "last-updated") == []  # no content, no date


def test_every_person_organisation_and_tag_has_a_page_the_chips_link_to(tmp_path: Path) -> None:
    site = init_and_import(tmp_path / "site")
    people = site / "content" / "data" / "people.toml"
    out = build(load_config(site)).out
    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    lists = {"person": "people", "organisation": "organisations", "place": "places", "name": "names"}
    named = {(kind, n) for e in data["events"] for kind, key in lists.items() for n in e[key]}
    tags = {t for e in data["events"] for t in e["tags"]}
    assert {k for k, _ in named} >= {"person", "organisation"} and tags  # the seed names both kinds
    for kind, value in [*named, *(("tag", t) for t in tags)]:
        page = parse(out / topic_path(kind, value))
        listed = [a.attrs["href"].removeprefix("../") for a in page.find("ol", "topic-events").find_all("a")]
        key = lists.get(kind, "tags")
        assert listed == [e["url"] for e in data["events"] if value in e[key]]
    index = parse(out / "index.html")
    linked = {a.attrs["href"] for chip in index.find_all("li", "chip") for a in chip.find_all("a")}
    assert linked == {topic_path(k, n) for k, n in named} | {topic_path("tag", t) for t in tags}
    assert not people.exists()  # the seed import writes no gazetteer: kinds come from the tagger
    labels = {"person": "人物", "organisation": "机构", "place": "地点", "name": "名称"}
    for kind, n in named:
        assert parse(out / topic_path(kind, n)).find("p", "topic-kind").text() == labels[kind]

    person = sorted(n for k, n in named if k == "person")[0]
    people.write_text(f'[organisations]\n"{person}" = []\n', encoding="utf-8")  # people.toml says which
    out = build(load_config(site)).out
    assert parse(out / topic_path("organisation", person)).find("p", "topic-kind").text() == "机构"
    assert not (out / topic_path("person", person)).exists()  # person pages are for people only


def test_a_page_address_depends_on_the_name_alone() -> None:
    assert topic_path("person", "雷军") != topic_path("person", "雷君")  # the same pinyin
    assert topic_path("person", "雷军").startswith("people/lei-jun-")
    assert topic_path("tag", "Model Y").startswith("tags/model-y-")
