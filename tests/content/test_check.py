"""`sitegen check`: every content problem named by file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import main

SOURCE = """---
id: s1
title: 工厂起火
outlet: Xin Hua She
published: '2025-03-02T08:15+08:00'
---

3月1日晚,甲市化工厂起火。消防部门连夜扑救。
"""

EVENT = """---
id: e1
title: 工厂起火
date: '2025-03-01'
precision: part-of-day
part_of_day: evening
sources:
- id: s1
  quote: 3月1日晚,甲市化工厂起火。
---
"""


@pytest.fixture
def site(make_site) -> Path:
    root = make_site()
    (root / "content" / "sources").mkdir()
    (root / "content" / "events").mkdir()
    (root / "content" / "sources" / "s1.md").write_text(SOURCE, encoding="utf-8")
    (root / "content" / "events" / "e1.md").write_text(EVENT, encoding="utf-8")
    return root


def check(site: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--site", str(site), "check"])
    return result.exit_code, result.output


def write_event(site: Path, text: str, name: str = "e1.md") -> None:
    (site / "content" / "events" / name).write_text(text, encoding="utf-8")


def test_clean_site_passes(site):
    code, out = check(site)
    assert code == 0, out
    assert "1 events, 1 sources: 0 errors" in out


@pytest.mark.parametrize(
    "edit,line,message",
    [
        (
            lambda t: t.replace("id: s1\n  quote", "id: s11\n  quote"),
            8,
            "unknown source id 's11'; did you mean 's1'?",
        ),
        (lambda t: t.replace("quote: 3月1日晚", "quote: 3月2日晚"), 8, "quote not found in source 's1'"),
        (lambda t: t.replace("date: '2025-03-01'", "date: '2025-02-30'"), 4, "cannot read date"),
        (
            lambda t: t.replace("precision: part-of-day\npart_of_day: evening\n", "precision: hour\n"),
            5,
            "written to the day, but precision says hour",
        ),
        (lambda t: t.replace("title: 工厂起火\n", ""), 1, "missing required field 'title'"),
        (lambda t: t.replace("sources:", "sources: [", 1), 8, "front matter is not valid YAML"),
        (lambda t: t.replace("id: e1", "id: E 1"), 2, "must be lower-case letters, digits and hyphens"),
        (lambda t: t.replace("---\n", "", 1), 1, "must start with a line '---'"),
        (lambda t: t.rstrip("-\n"), 1, "front matter is not closed"),
    ],
    ids=[
        "unknown-source",
        "quote-not-found",
        "bad-date",
        "too-precise",
        "missing-title",
        "yaml",
        "bad-id",
        "no-front-matter",
        "unclosed",
    ],
)
def test_problems_are_named_by_file_and_line(site, edit, line, message):
    write_event(site, edit(EVENT))
    code, out = check(site)
    assert code == 1
    assert f"content/events/e1.md:{line}: error: " in out
    assert message in out


def test_duplicate_ids(site):
    write_event(site, EVENT, "e1-copy.md")
    code, out = check(site)
    assert code == 1
    assert (
        "content/events/e1.md:2: error: duplicate event id 'e1': also used by content/events/e1-copy.md"
        in out
    )


def test_unknown_fields_are_warnings(site):
    write_event(site, EVENT.replace("title: 工厂起火", "title: 工厂起火\ntitel: 错字"))
    code, out = check(site)
    assert code == 0
    assert "content/events/e1.md:4: warning: unknown field 'titel'" in out


def test_quote_check_ignores_whitespace_but_nothing_else(site):
    write_event(site, EVENT.replace("quote: 3月1日晚,甲市化工厂起火。", "quote: 3月1日晚, 甲市化工厂 起火。"))
    assert check(site)[0] == 0
    write_event(site, EVENT.replace("quote: 3月1日晚,甲市化工厂起火。", "quote: 3月1日晚,甲市化工厂起火!"))
    assert check(site)[0] == 1
    write_event(
        site, EVENT.replace("quote: 3月1日晚,甲市化工厂起火。", "quote: '3月1日晚,甲市化工厂起火。 消防部门'")
    )
    assert check(site)[0] == 0


def test_non_utf8_page(site):
    (site / "content" / "events" / "e1.md").write_bytes(EVENT.encode("gb18030"))
    code, out = check(site)
    assert code == 1 and "not UTF-8" in out
