"""``on_topic: false`` set by hand on a source is one switch: no page, chip, feed or export cites it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from sitegen.builder import build
from sitegen.cli import main
from sitegen.config import load_config

from ..conftest import new_site

SOURCE = """---
id: {id}
title: {title}
outlet: Xin Wen
outlet_name: 新闻社
published: 2026-01-0{day}T09:00:00+08:00
lang: zh
on_topic: {on_topic}
---
{body}
"""

EVENT = """---
id: {id}
title: {title}
date: 2026-01-0{day}
sources:
{cites}
---
{title}。
"""


def write_site(root: Path, off_topic: bool) -> Path:
    site = new_site(root)
    (site / "content" / "sources").mkdir()
    (site / "content" / "events").mkdir()
    sources = {
        "kept-report": ("水库开闸泄洪", 1, "true", "水库于周一开闸泄洪。下游村庄已经疏散。"),
        "stray-report": (
            "泄洪演练",
            2,
            "false" if off_topic else "true",
            "某地举行泄洪演练。下游村庄已经疏散。",
        ),
    }
    for sid, (title, day, on, body) in sources.items():
        text = SOURCE.format(id=sid, title=title, day=day, on_topic=on, body=body)
        (site / "content" / "sources" / f"{sid}.md").write_text(text, encoding="utf-8")
    events = {
        "both-cited": ("下游村庄疏散", 3, ["kept-report", "stray-report"]),
        "only-stray": ("泄洪演练举行", 4, ["stray-report"]),
    }
    for eid, (title, day, cites) in events.items():
        lines = "\n".join(f"- id: {c}\n  quote: 下游村庄已经疏散。" for c in cites)
        text = EVENT.format(id=eid, title=title, day=day, cites=lines)
        (site / "content" / "events" / f"{eid}.md").write_text(text, encoding="utf-8")
    return site


def everything(out: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*"))
        if p.suffix in (".html", ".json", ".xml")
    )


def test_an_off_topic_source_is_cited_nowhere(tmp_path: Path) -> None:
    on = build(load_config(write_site(tmp_path / "on", off_topic=False))).out
    assert "sources/stray-report.html" in (on / "index.html").read_text(encoding="utf-8")  # a chip
    assert (on / "events" / "only-stray.html").exists()

    site = write_site(tmp_path / "off", off_topic=True)
    result = build(load_config(site))
    out = result.out
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "stray-report" not in index  # no chip on the timeline
    assert "kept-report" in index and "both-cited" in index
    assert not (out / "events" / "only-stray.html").exists()  # its one source is off topic: hidden
    assert "only-stray" not in everything(out)
    both = (out / "events" / "both-cited.html").read_text(encoding="utf-8")
    assert "stray-report" not in both and "kept-report" in both
    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    cited = {c["id"] for e in data["events"] for c in e["sources"]}
    assert cited == {"kept-report"}
    assert [e["id"] for e in data["events"]] == ["both-cited"]
    assert "stray-report.html" not in (out / "feeds" / "events.xml").read_text(encoding="utf-8")
    timeline = (out / "timeline.json").read_text(encoding="utf-8")
    assert "stray-report" not in timeline and "only-stray" not in timeline
    stray = (out / "sources" / "stray-report.html").read_text(encoding="utf-8")
    assert "both-cited" not in stray  # its own page lists no event citing it
    assert sum("on_topic: false" in p.message for p in result.warnings) == 3


def test_check_warns_about_every_citation_of_an_off_topic_source(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", off_topic=True)
    done = CliRunner().invoke(main, ["check", "--site", str(site)])
    assert done.exit_code == 0, done.output
    lines = [line for line in done.output.splitlines() if ": warning: " in line]
    assert any(
        line.startswith(
            "content/events/both-cited.md:8: warning: source 'stray-report' is marked on_topic: false"
        )
        for line in lines
    ), lines
    assert any(
        line.startswith("content/events/only-stray.md:5:") and "the event is not shown" in line
        for line in lines
    ), lines
    assert "1 events, 2 sources: 0 errors, 3 warnings" in done.output
