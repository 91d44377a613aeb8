"""Characters HTML calls parse errors (C0 and C1 controls, DEL, noncharacters) never reach the output.

A dump may carry them (the reader keeps them: they are text to the parser); the pages, feeds
are written without them, whatever field they arrive in.  JSON data (the events.json export,
the search index's data) gives the content as it is: JSON carries any character (escaping the
C0 controls), and the search page puts it into the page as text, never through the parser.
"""

from __future__ import annotations

import json
from pathlib import Path

from ...support.publish import build, varied_site, write_page

BAD = ["\x01", "\x1b", "\x7f", "\x80", "\x85", "\x9f", "\ufdd0", "\ufdef", "\ufffe"]


def test_no_output_file_holds_a_forbidden_character(tmp_path: Path) -> None:
    root = varied_site(tmp_path / "site")
    content = root / "content"
    text = "控制字符" + "".join(f"甲{c}乙" for c in BAD)
    sid = "2026-01-09-controls"
    source = {"id": sid, "title": text, "outlet": f"Out{BAD[2]}let", "published": "2026-01-09T10:00+08:00"}
    write_page(content / "sources" / f"{sid}.md", {**source, "lang": "zh"}, f"正文{text}。\n")
    event = {"id": "controls", "title": text, "date": "2026-01-09", "tags": [f"标{BAD[2]}签"]}
    write_page(content / "events" / "controls.md", {**event, "sources": [{"id": sid, "quote": text}]}, text)
    out = build(root)
    seen: dict[str, list[str]] = {}
    checked = 0
    for path in out.rglob("*"):
        if path.suffix not in {".html", ".xml", ".txt", ".ics"}:
            continue
        checked += 1
        body = path.read_text(encoding="utf-8", errors="replace")
        found = [repr(c) for c in BAD if c in body]
        if found:
            seen[str(path.relative_to(out))] = found
    assert checked > 10
    assert seen == {}
    page = next(p for p in out.rglob("*.html") if "甲乙" in p.read_text(encoding="utf-8"))
    assert "控制字符甲乙" in page.read_text(encoding="utf-8")  # the text around them is kept
    data = json.loads((out / "events.json").read_text(encoding="utf-8"))
    (exported,) = [e for e in data["events"] if e["id"] == "controls"]
    assert "\x7f" in exported["title"] and "\x85" in exported["title"]  # the export is faithful


def test_every_kind_of_printed_text_is_cleaned_and_keeps_its_kind() -> None:
    """`_finalize` (plain text tested first): text and markup lose the forbidden characters and stay
    what they were; `Clean` pieces (cleaned when made) and values that are not text pass as they are."""
    from markupsafe import Markup

    from sitegen.builder.render.theme import Clean, _finalize

    class Named(str):
        pass

    for value in ("甲\x01乙\ufffe", Named("甲\x01乙\ufffe")):
        out = _finalize(value)
        assert out == "甲乙" and type(out) is str
    out = _finalize(Markup("<b>甲\x7f</b>"))
    assert out == "<b>甲</b>" and type(out) is Markup
    clean = Clean("<i>甲</i>")
    assert _finalize(clean) is clean
    plain = "甲乙"
    assert _finalize(plain) is plain
    assert _finalize(3) == 3 and _finalize(None) is None
