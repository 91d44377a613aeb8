"""A hand correction shows: ``updated:`` in an event page moves its feed entry's ``updated`` and is
carried into events.json with the summary text; a wrong value is a file:line error."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from sitegen.builder import build
from sitegen.config import load_config
from sitegen.content.load import load_site

from ...conftest import new_site

ATOM = "{http://www.w3.org/2005/Atom}"

SOURCE = """---
id: report
title: 大桥合龙
outlet: Xin Wen
published: 2026-01-05T09:00:00+08:00
---
大桥于1月4日合龙。全长两公里。
"""

EVENT = """---
id: bridge
title: 大桥合龙
date: 2026-01-04
sources:
- id: report
  quote: 大桥于1月4日合龙。
{extra}---
大桥在1月4日 **合龙**，全长两公里。
"""


def make(root: Path, extra: str = "") -> Path:
    site = new_site(root)
    for folder, name, text in (
        ("sources", "report", SOURCE),
        ("events", "bridge", EVENT.format(extra=extra)),
    ):
        (site / "content" / folder).mkdir(exist_ok=True)
        (site / "content" / folder / f"{name}.md").write_text(text, encoding="utf-8")
    return site


def entry_updated(out: Path) -> str:
    feed = ET.parse(out / "feeds" / "events.xml").getroot()
    return feed.find(f"{ATOM}entry/{ATOM}updated").text


def test_events_json_carries_the_summary_text(tmp_path: Path) -> None:
    out = build(load_config(make(tmp_path / "site"))).out
    event = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"][0]
    assert event["summary"] == "大桥在1月4日 合龙，全长两公里。"  # what a reader sees, Markdown marks gone
    assert "updated" not in event


def test_a_correction_dated_in_the_page_updates_the_feed_entry(tmp_path: Path) -> None:
    plain = build(load_config(make(tmp_path / "plain"))).out
    assert entry_updated(plain) == "2026-01-05T09:00:00+08:00"  # the report's publication

    site = make(tmp_path / "fixed", extra="updated: 2026-01-12T18:30+08:00\n")
    out = build(load_config(site)).out
    assert entry_updated(out) == "2026-01-12T18:30:00+08:00"
    feed = ET.parse(out / "feeds" / "events.xml").getroot()
    assert feed.find(f"{ATOM}updated").text == "2026-01-12T18:30:00+08:00"
    event = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"][0]
    assert event["updated"] == "2026-01-12T18:30:00+08:00"
    page = (out / "events" / "bridge.html").read_text(encoding="utf-8")
    assert 'datetime="2026-01-12T18:30:00+08:00"' in page


def test_a_date_only_correction_reads_in_the_site_timezone_and_a_bad_one_is_an_error(tmp_path: Path) -> None:
    out = build(load_config(make(tmp_path / "day", extra="updated: 2026-01-12\n"))).out
    assert entry_updated(out) == "2026-01-12T00:00:00+08:00"
    site = load_site(load_config(make(tmp_path / "bad", extra="updated: next week\n")))
    assert len(site.errors) == 1
    problem = site.errors[0]
    assert (str(problem.path), problem.line) == ("content/events/bridge.md", 8)
    assert problem.message.startswith("updated: ")
