"""Permanent event addresses (`sitegen.importer.event_ids`, `sitegen.builder.publish.redirects`), through the CLI on
real files: new reports of a happening keep its id; an unrelated dump renames nothing; a merged
event's old address answers (a page with a canonical link over real HTTP, and a Netlify redirect);
events a person deleted, edited or re-dated stay as the person left them when new reports come."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest

from sitegen.builder.publish.redirects import final_targets
from sitegen.core import frontmatter
from sitegen.importer.event_ids import read_moved, record_moved
from sitegen.util.fsutil import sha256

from .test_harden_crash import MORE
from .test_import import DUMP, run

# New outlet, new wording, same happenings as DUMP + MORE (the fire, the investigators, the restart)
REPORTS = """甲市化工厂夜间失火 三名工人受伤
Zhong Guo Xin Wen Wang· 2025-03-02 11:00
据报道,3月1日晚,甲市化工厂突发大火,三名工人受伤,消防部门连夜扑救。
甲市化工厂火灾调查组已进驻
Zhong Guo Xin Wen Wang· 2025-03-03 15:00
3月2日,事故调查组进驻甲市化工厂,初步结论将在一周内公布。
甲市化工厂复产
Zhong Guo Xin Wen Wang· 2025-04-01 18:00
4月1日,停产一个月的甲市化工厂恢复生产,工人陆续返岗。
"""

UNRELATED = """乙县暴雨致河堤决口
Xin Hua She· 2025-07-10 08:00
7月9日夜,乙县遭遇特大暴雨,城南河堤决口,两千余人连夜转移。
乙县启动防汛一级响应
Peng Pai Xin Wen· 2025-07-10 12:00
7月10日上午,乙县启动防汛一级应急响应,抢险队伍赶赴决口处。
"""


@pytest.fixture
def fire_site(make_site, tmp_path) -> Path:
    root = make_site()
    dump = tmp_path / "fire.txt"
    dump.write_text(DUMP + MORE, encoding="utf-8")
    code, out = run(root, "import", str(dump))
    assert code == 0, out
    return root


def incoming(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def events(site: Path) -> dict[str, bytes]:
    return {p.stem: p.read_bytes() for p in sorted((site / "content" / "events").glob("*.md"))}


def test_new_reports_of_existing_happenings_keep_every_event_address(fire_site, tmp_path, serve_dir):
    before = events(fire_site)
    assert len(before) == 4
    code, out = run(fire_site, "build")
    assert code == 0, out
    code, out = run(fire_site, "import", str(incoming(tmp_path, "reports.txt", REPORTS)))
    assert code == 0, out
    assert "3 created" in out  # the three new sources
    after = events(fire_site)
    assert set(after) == set(before)  # no event renamed, none added
    changed = [eid for eid in before if after[eid] != before[eid]]
    assert len(changed) == 3  # each cites its new report now, besides what it cited before
    for eid in changed:
        was = frontmatter.parse(before[eid].decode("utf-8"), Path(f"{eid}.md")).data["sources"]
        now = frontmatter.read(fire_site / "content" / "events" / f"{eid}.md").data["sources"]
        assert len(now) == len(was) + 1 and [c["id"] for c in was] == [c["id"] for c in now][: len(was)]
    code, out = run(fire_site, "build")
    assert code == 0, out
    base = serve_dir(fire_site / "public")
    for eid in before:
        with urllib.request.urlopen(f"{base}/events/{eid}.html") as answer:
            assert answer.status == 200


def test_an_unrelated_dump_renames_no_page(fire_site, tmp_path):
    before = events(fire_site)
    code, out = run(fire_site, "import", str(incoming(tmp_path, "flood.txt", UNRELATED)))
    assert code == 0, out
    after = events(fire_site)
    assert {k: v for k, v in after.items() if k in before} == before  # every old page as it was
    assert len(after) > len(before)  # the flood is there too


def split_fire(fire_site: Path, tmp_path: Path) -> tuple[Path, str]:
    """The site as if an older import had written the fire as two events, one citing each report
    (now extraction makes one event citing both); built.  The fire's page and the twin's id."""
    run(fire_site, "import", str(incoming(tmp_path, "reports.txt", REPORTS)))
    content = fire_site / "content"
    fire = next(p for p in (content / "events").glob("2025-03-01-*.md"))
    page = frontmatter.read(fire)
    assert len(page.data["sources"]) >= 2
    twin_id = f"{fire.stem}-twin"
    twin = content / "events" / f"{twin_id}.md"
    data = {**page.data, "id": twin_id, "sources": page.data["sources"][1:]}
    twin.write_text(frontmatter.dump(data, page.body), encoding="utf-8")
    ledger_path = content / ".sitegen" / "ledger.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    entry = dict(ledger["files"][f"events/{fire.name}"])
    entry.update(id=twin_id, hashes=[sha256(twin.read_bytes())], sources=[c["id"] for c in data["sources"]])
    ledger["files"][f"events/{twin.name}"] = entry
    ledger_path.write_text(json.dumps(ledger, ensure_ascii=False), encoding="utf-8")
    run(fire_site, "build")
    return fire, twin_id


def test_a_merged_event_keeps_its_old_address(fire_site, tmp_path, serve_dir):
    """The twin's page goes, and its address leads to the fire's."""
    fire, twin_id = split_fire(fire_site, tmp_path)
    content = fire_site / "content"
    twin = content / "events" / f"{twin_id}.md"
    code, out = run(fire_site, "import")
    assert code == 0, out
    assert f"removed content/events/{twin.name}" in out
    assert f"moved events/{twin_id} into events/{fire.stem}" in out
    assert fire.exists() and not twin.exists()
    moved = (content / "data" / "moved.toml").read_text(encoding="utf-8")
    assert f'"{twin_id}" = "{fire.stem}"' in moved
    code, out = run(fire_site, "import")  # nothing more to move
    assert (
        "moved events" not in out and (content / "data" / "moved.toml").read_text(encoding="utf-8") == moved
    )
    code, out = run(fire_site, "build")
    assert code == 0, out
    public = fire_site / "public"
    assert f"/events/{twin_id}.html /events/{fire.stem}.html 301!" in (public / "_redirects").read_text()
    base = serve_dir(public)
    with urllib.request.urlopen(f"{base}/events/{twin_id}.html") as answer:
        html = answer.read().decode()
    assert f'<meta http-equiv="refresh" content="0; url={fire.stem}.html">' in html
    assert f'<link rel="canonical" href="{fire.stem}.html">' in html
    assert f'<a href="{fire.stem}.html">' in html


def test_deleted_edited_and_redated_events_stay_as_left_when_new_reports_arrive(fire_site, tmp_path):
    content = fire_site / "content" / "events"
    fire, team, restart = (
        next(content.glob(f"{d}-*.md")) for d in ("2025-03-01", "2025-03-02", "2025-04-01")
    )
    fire.unlink()  # deleted
    page = frontmatter.read(team)
    page.data["title"] = "调查组进驻(编辑改写)"  # edited
    team.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    page = frontmatter.read(restart)
    page.data["date"] = "2025-04-02"  # re-dated
    restart.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    before = events(fire_site)

    code, out = run(fire_site, "import", str(incoming(tmp_path, "reports.txt", REPORTS)))
    assert code == 0, out
    assert events(fire_site) == before  # nothing came back, nothing new, the edits untouched
    assert f"content/events/{fire.name}: kept: you deleted this page" in out
    assert f"content/events/{team.name}: kept: you edited this page" in out
    assert f"content/events/{restart.name}: kept: you edited this page" in out
    code, out = run(fire_site, "check")
    assert code == 0, out


def test_moves_are_followed_to_an_existing_event_and_a_cycle_leads_nowhere():
    events = {"c": object(), "back": object()}
    moved = {"a": "b", "b": "c", "x": "y", "y": "x", "back": "c", "lost": "nowhere"}
    assert final_targets(moved, events) == {"a": "c", "b": "c"}  # "back" has a page again


def test_import_adds_to_moved_toml_and_keeps_a_persons_lines(tmp_path):
    content = tmp_path / "content"
    (content / "data").mkdir(parents=True)
    path = content / "data" / "moved.toml"
    path.write_text('# my notes\n[events]\n"renamed-by-me" = "2025-03-01-x"  # after a rename\n', "utf-8")
    record_moved(content, {"2025-03-02-old": "2025-03-01-x"})
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# my notes\n[events]\n"renamed-by-me" = "2025-03-01-x"  # after a rename\n')
    assert read_moved(content) == {"renamed-by-me": "2025-03-01-x", "2025-03-02-old": "2025-03-01-x"}
    record_moved(content, {"2025-03-02-old": "2025-03-01-x"})  # already there: nothing written
    assert path.read_text(encoding="utf-8") == text


def test_a_broken_moved_toml_is_a_build_error_with_its_line(fire_site):
    path = fire_site / "content" / "data" / "moved.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[events]\n"a" = \n', encoding="utf-8")
    code, out = run(fire_site, "build")
    assert code == 1
    assert "content/data/moved.toml:2: error: not valid TOML" in out


@pytest.mark.browser
def test_a_browser_sent_to_a_moved_address_lands_on_the_event(fire_site, tmp_path, serve_dir, page):
    fire, twin_id = split_fire(fire_site, tmp_path)
    run(fire_site, "import")
    code, out = run(fire_site, "build")
    assert code == 0, out
    base = serve_dir(fire_site / "public")
    page.goto(f"{base}/events/{twin_id}.html")
    page.wait_for_url(f"{base}/events/{fire.stem}.html")
    title = frontmatter.read(fire).data["title"]
    assert page.locator("h1").first.inner_text().strip() == title


def test_a_merged_away_event_moves_to_the_nearest_dated_of_equally_sharing_events(tmp_path):
    """Two new events cite one of the old event's sources each: the one nearest its date wins
    (the 1月3日 report goes to the 1月3日 happening, not to the 2013 background event), whatever
    the ids' alphabetical order."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from sitegen.core.dates import When
    from sitegen.core.model import Citation, Event
    from sitegen.importer.event_ids import successors
    from sitegen.importer.ledger import Entry, Ledger

    tz = ZoneInfo("Asia/Shanghai")
    ledger = Ledger(tmp_path / "ledger.json")
    ledger.files["events/old.md"] = Entry("event", "old", [], ["a", "b"], "2026-01-04T20:00+08:00")
    ledger.files["events/far.md"] = Entry("event", "zzz-far", [], ["c"], "2026-05-01")

    def event(eid: str, when: When, sources: list[str]) -> Event:
        return Event(id=eid, title=eid, when=when, sources=[Citation(s, "q") for s in sources])

    year = When(datetime(2013, 1, 1, tzinfo=tz), "year")
    day = When(datetime(2026, 1, 3, tzinfo=tz), "day")
    for names in (("a-2013", "z-jan3"), ("z-2013", "a-jan3")):
        events = [event(names[0], year, ["a"]), event(names[1], day, ["b", "c"])]
        moved = successors(ledger, events)
        assert moved["old"] == names[1]
        assert moved["zzz-far"] == names[1]  # the only event citing its source
    # more sources in common still come first
    events = [event("a-2013", year, ["a", "b"]), event("z-jan3", day, ["b"])]
    assert successors(ledger, events)["old"] == "a-2013"
