"""An event's names by kind in front matter: ``people``, ``organisations``, ``places`` and
``names`` (of a kind import could not tell) written, read back, checked; pages that have only
``people`` load with every name; a person's edits survive a re-import."""

from __future__ import annotations

from pathlib import Path
from zoneinfo import ZoneInfo

from click.testing import CliRunner

from sitegen.cli import main
from sitegen.config import load_config
from sitegen.content.load import event_from_page, load_site
from sitegen.core import frontmatter
from sitegen.core.dates import When
from sitegen.core.model import Citation, Event

from ..conftest import SEED_DUMP

TZ = ZoneInfo("Asia/Shanghai")


def read_back(text: str) -> tuple[Event | None, list]:
    return event_from_page(frontmatter.parse(text, Path("events/e.md")), TZ)


def event(**names: list[str]) -> Event:
    when = When.from_fields({"date": "2026-01-06"}, TZ)
    return Event("e", "通报", when, [Citation("s", "某集团通报处罚结果")], **names)


def test_every_list_round_trips_through_front_matter() -> None:
    written = event(people=["王某某"], organisations=["某集团", "江州市监管局"], places=["江州"], names=["雷霆"])
    text = frontmatter.dump(*written.to_page())
    assert "organisations:\n- 某集团\n- 江州市监管局\n" in text
    back, problems = read_back(text)
    assert problems == [] and back is not None
    for key in ("people", "organisations", "places", "names", "tags"):
        assert getattr(back, key) == getattr(written, key), key
    assert frontmatter.dump(*back.to_page()) == text  # read and written again: the same bytes
    assert back.named() == [
        ("person", "王某某"),
        ("organisation", "某集团"),
        ("organisation", "江州市监管局"),
        ("place", "江州"),
        ("name", "雷霆"),
    ]


def test_an_event_without_organisations_is_written_as_before() -> None:
    text = frontmatter.dump(*event(people=["王某某"]).to_page())
    assert "people:\n- 王某某\n" in text
    assert not any(k in text for k in ("organisations:", "places:", "names:"))


def test_a_page_with_only_people_loads_with_every_name() -> None:
    text = (
        "---\nid: e\ntitle: 通报\ndate: 2026-01-06\npeople:\n- 王某某\n- 某集团\n"
        "sources:\n- id: s\n  quote: 某集团通报处罚结果\n---\n"
    )
    back, problems = read_back(text)
    assert problems == [] and back is not None
    assert back.people == ["王某某", "某集团"] and back.organisations == back.places == back.names == []
    assert back.named() == [("person", "王某某"), ("person", "某集团")]


def test_a_name_in_two_lists_is_shown_once_under_the_first() -> None:
    assert event(people=["某集团"], organisations=["某集团"]).named() == [("person", "某集团")]


def test_a_list_of_anything_but_names_is_an_error_on_its_line() -> None:
    text = (
        "---\nid: e\ntitle: 通报\ndate: 2026-01-06\norganisations:\n  某集团: 江州\n"
        "sources:\n- id: s\n  quote: 某集团通报处罚结果\n---\n"
    )
    back, problems = read_back(text)
    assert back is not None and back.organisations == []
    assert [(p.line, p.message) for p in problems] == [(5, "organisations must be a list of names or words")]
    places, _ = read_back(text.replace("organisations:\n  某集团: 江州\n", "places: 江州\n"))
    assert places is not None and places.places == ["江州"]  # one name alone is a list of one


def test_reimport_keeps_a_persons_reordering_of_names(tmp_path: Path) -> None:
    """A person moves an organisation back under people and adds a place: import keeps the page as
    they left it, and the site reads every name."""
    root = tmp_path / "site"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    assert runner.invoke(main, ["--site", str(root), "import", "-q", str(SEED_DUMP)]).exit_code == 0
    pages = sorted((root / "content" / "events").glob("*.md"))
    path = next(p for p in pages if "organisations:" in p.read_text(encoding="utf-8"))
    text = path.read_text(encoding="utf-8")
    page = frontmatter.parse(text, path)
    orgs = list(page.data["organisations"])
    data = {k: v for k, v in page.data.items() if k != "organisations"}
    data["people"] = [*data["people"], *orgs]
    data["places"] = ["江苏"]
    edited = frontmatter.dump(data, page.body)
    path.write_text(edited, encoding="utf-8")

    again = runner.invoke(main, ["--site", str(root), "import", str(SEED_DUMP)])
    assert again.exit_code == 0, again.output
    assert path.read_text(encoding="utf-8") == edited
    assert "1 kept" in again.output
    loaded = load_site(load_config(root)).events[str(page.data["id"])]
    assert loaded.people[-len(orgs) :] == orgs and loaded.places == ["江苏"] and loaded.organisations == []
