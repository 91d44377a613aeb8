"""Names by kind on the built site: person pages for people only, organisation, place and
unknown-kind pages of their own, chips that say the kind in either language, and events.json
and the search index carrying the kinds.  Pages written before events had ``organisations``
(every name under ``people``) keep every name."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.builder.render.topics import topic_path

from ...support.publish import build, write_page
from ...support.theme import parse

SOURCE = {
    "id": "2026-01-06-tong-bao",
    "title": "通报处罚结果",
    "outlet": "sohu",
    "outlet_name": "搜狐",
    "published": "2026-01-06T20:00+08:00",
}
BODY = "1月6日晚，某集团通报处罚结果，江州市监管局介入，王某某与某集团在江州发布会上回应。\n"


def site(root: Path, names: dict[str, list[str]], *, language: str = "zh-CN", people_toml: str = "") -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    (content / "site.toml").write_text(
        f'title = "时间线"\nlanguage = "{language}"\ntimezone = "Asia/Shanghai"\n', encoding="utf-8"
    )
    if people_toml:
        (content / "data").mkdir()
        (content / "data" / "people.toml").write_text(people_toml, encoding="utf-8")
    write_page(content / "sources" / f"{SOURCE['id']}.md", SOURCE, BODY)
    event = {"id": "e-tong-bao", "title": "某集团通报处罚结果", "date": "2026-01-06", **names}
    event["tags"] = ["通报"]
    event["sources"] = [{"id": SOURCE["id"], "quote": "某集团通报处罚结果"}]
    write_page(content / "events" / "e-tong-bao.md", event)
    return root


KINDS = {
    "people": ["王某某"],
    "organisations": ["某集团", "江州市监管局"],
    "places": ["江州"],
    "names": ["雷霆"],
}


def chips(out: Path) -> list[tuple[str, str, str, str]]:
    """(kind class, kind label, name, link) of each name chip on the event page."""
    page = parse(out / "events" / "e-tong-bao.html")
    found = []
    for li in page.find_all("li", "chip"):
        kind = next(c for c in li.attrs["class"].split() if c != "chip")
        if kind == "tag":
            continue
        a = li.find("a")
        label = li.find("span", "chip-kind").text()
        found.append((kind, label, a.text().removeprefix(label).strip(), a.attrs["href"].removeprefix("../")))
    return found


def test_each_kind_has_its_own_pages_chips_and_lists(tmp_path: Path) -> None:
    out = build(site(tmp_path / "zh", KINDS))
    assert chips(out) == [
        ("person", "人物", "王某某", topic_path("person", "王某某")),
        ("organisation", "机构", "某集团", topic_path("organisation", "某集团")),
        ("organisation", "机构", "江州市监管局", topic_path("organisation", "江州市监管局")),
        ("place", "地点", "江州", topic_path("place", "江州")),
        ("name", "名称", "雷霆", topic_path("name", "雷霆")),
    ]
    assert sorted(p.name for p in (out / "people").iterdir()) == [Path(topic_path("person", "王某某")).name]
    assert topic_path("organisation", "某集团").startswith("organisations/")
    assert topic_path("place", "江州").startswith("places/") and topic_path("name", "雷霆").startswith("names/")
    for _, label, name, link in chips(out):
        page = parse(out / link)
        assert page.find("p", "topic-kind").text() == label and page.find("h1").text() == name
    # "show them on the timeline": the search filter of the kind (a name of unknown kind: its words)
    filters = {"person": "person", "organisation": "org", "place": "place", "name": "q"}
    for kind, _, _, link in chips(out):
        meta = parse(out / link).find("p", "meta").find("a")
        assert meta.attrs["href"].split("?")[1].split("=")[0] == filters[kind]

    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    event = data["events"][0]
    assert {k: event[k] for k in KINDS} == KINDS

    english = build(site(tmp_path / "en", KINDS, language="en"))
    assert [(k, label) for k, label, _, _ in chips(english)] == [
        ("person", "Person"),
        ("organisation", "Organisation"),
        ("organisation", "Organisation"),
        ("place", "Place"),
        ("name", "Name"),
    ]


def test_the_search_index_has_a_filter_per_kind(tmp_path: Path) -> None:
    out = build(site(tmp_path / "zh", KINDS))
    facets = None
    for path in (out / "search").rglob("*.json"):  # the facets file is named for its bytes
        value = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(value, dict) and "people" in value:
            facets = value
    assert facets is not None
    assert facets["people"] == [["王某某", 1]]
    assert facets["organisations"] == sorted([["江州市监管局", 1], ["某集团", 1]])  # by count, then code point
    assert facets["places"] == [["江州", 1]]
    index = parse(out / "index.html")
    selects = {s.attrs["name"] for s in index.find("form").find_all("select")}
    assert {"person", "org", "place", "tag", "outlet"} <= selects


def test_a_page_with_only_people_keeps_every_name(tmp_path: Path) -> None:
    """Written before events had organisations: every name under people.  Without a gazetteer each
    stays a person (nothing lost); with people.toml listing one as an organisation it is one."""
    legacy = {"people": ["王某某", "某集团"]}
    out = build(site(tmp_path / "plain", legacy))
    assert [(k, n) for k, _, n, _ in chips(out)] == [("person", "王某某"), ("person", "某集团")]
    event = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"][0]
    assert event["people"] == ["王某某", "某集团"] and event["organisations"] == []

    listed = '[organisations]\n"某集团" = ["Mou Group"]\n[places]\n"江州" = []\n'
    out = build(site(tmp_path / "listed", {**legacy, "names": ["江州"]}, people_toml=listed))
    assert [(k, n) for k, _, n, _ in chips(out)] == [
        ("person", "王某某"),
        ("organisation", "某集团"),
        ("place", "江州"),
    ]
    event = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"][0]
    assert (event["people"], event["organisations"], event["places"]) == (["王某某"], ["某集团"], ["江州"])
    assert not (out / topic_path("person", "某集团")).exists()
    assert (out / topic_path("organisation", "某集团")).exists()
