"""Re-import after a person worked on the pages: renames, conflicting edits, edits to pages whose
dump record is gone.  Whatever import does, the person's work stays and the site still builds.
(The basic scenarios - edit, delete, merge, force, restore - are in test_import.py.)"""

from __future__ import annotations

from pathlib import Path

from sitegen.builder import build as run_build
from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core import frontmatter

from . import test_import as basic
from .test_import import DUMP, event_files, run, source_files, tree

site, dump_file = basic.site, basic.dump_file  # the fixtures: a site imported from DUMP


def edit_title(path: Path, title: str) -> bytes:
    page = frontmatter.read(path)
    page.data["title"] = title
    path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    return path.read_bytes()


def builds(site: Path) -> None:
    assert load_site(load_config(site)).errors == []
    run_build(load_config(site))


def cited(path: Path) -> list[str]:
    return [s["id"] for s in frontmatter.read(path).data["sources"]]


# -- renames ------------------------------------------------------------------------------------
def test_a_renamed_event_page_is_kept_and_not_produced_again(site, dump_file):
    old = event_files(site)[0]
    new = old.with_name("my-name-for-it.md")
    old.rename(new)
    before = tree(site / "content")
    code, out = run(site, "import", str(dump_file))
    assert code == 0
    assert tree(site / "content") == before
    assert f"content/events/{old.name}: kept: you renamed this page to events/{new.name}" in out
    builds(site)


def test_a_renamed_and_edited_source_page_is_kept(site, dump_file):
    old = source_files(site)[0]
    new = old.with_name("renamed-source.md")
    old.rename(new)
    mine = edit_title(new, "我改过的标题")
    code, out = run(site, "import", str(dump_file))
    assert code == 0
    assert new.read_bytes() == mine and not old.exists()
    assert f"content/sources/{old.name}: kept: you renamed this page to sources/{new.name}" in out
    builds(site)


def test_a_renamed_dump_changes_only_the_provenance(site, dump_file):
    dumps = site / "content" / "dumps"
    edited = source_files(site)[0]
    mine = edit_title(edited, "我改过的标题")
    names = [p.name for p in source_files(site)]
    (dumps / "fire-dump.txt").rename(dumps / "fire-2025.txt")
    code, out = run(site, "import")
    assert code == 0
    assert [p.name for p in source_files(site)] == names
    assert edited.read_bytes() == mine
    others = [p for p in source_files(site) if p != edited]
    assert others and all(frontmatter.read(p).data["dump"].startswith("fire-2025.txt:") for p in others)
    assert "0 created" in out and "0 removed" in out
    builds(site)


# -- conflicting edits ---------------------------------------------------------------------------
def test_a_page_both_a_person_and_the_new_dump_change_keeps_the_person_s_version(site, dump_file):
    """The person rewrote an event; a new record in the dump would add a source to it."""
    code, _ = run(site, "import", str(dump_file))
    events = {frontmatter.read(p).data["title"]: p for p in event_files(site)}
    path = next(iter(events.values()))
    mine = edit_title(path, "编辑确认过的标题")
    dumps = site / "content" / "dumps" / "fire-dump.txt"
    dumps.write_text(DUMP.replace("火势已得到控制。", "火势已于凌晨得到控制,无人死亡。"), encoding="utf-8")
    code, out = run(site, "import")
    assert code == 0
    assert path.read_bytes() == mine
    assert f"content/events/{path.name}: kept: you edited this page" in out
    builds(site)


def test_a_hand_edit_made_while_the_page_was_stale_survives(site, dump_file):
    """Import stopped producing a page; the person edits it; the record comes back."""
    dumps = site / "content" / "dumps" / "fire-dump.txt"
    stale = next(p for p in source_files(site) if "factory" in p.name)
    dumps.write_text(DUMP.split("Factory fire in Jia City")[0], encoding="utf-8")
    run(site, "import")
    assert not stale.exists()  # unedited: removed
    stale_event_count = len(event_files(site))
    dumps.write_text(DUMP, encoding="utf-8")
    run(site, "import")
    assert stale.exists()  # produced again
    mine = edit_title(stale, "编辑加的标题")
    dumps.write_text(DUMP.split("Factory fire in Jia City")[0], encoding="utf-8")
    _, out = run(site, "import")
    assert stale.read_bytes() == mine
    assert "import no longer produces this page, but you edited it" in out
    assert len(event_files(site)) >= stale_event_count
    builds(site)


# -- the dump record behind an edited page is deleted ---------------------------------------------
def test_an_edited_event_keeps_the_sources_it_cites_when_their_records_are_deleted(site, dump_file):
    """A person edits an event, then deletes (from the dump) the record its source came from:
    the event stays, and so does the source page it cites, so the site still builds."""
    path = event_files(site)[0]
    sources = cited(path)
    mine = edit_title(path, "编辑确认过的标题")
    source_pages = {p.stem: p for p in source_files(site)}
    victim = source_pages[sources[0]]
    title = frontmatter.read(victim).data["title"]
    kept_text = "".join(block for block in _records(DUMP) if not block.startswith(title + "\n"))
    (site / "content" / "dumps" / "fire-dump.txt").write_text(kept_text, encoding="utf-8")
    code, out = run(site, "import")
    assert code == 0
    assert path.read_bytes() == mine
    assert victim.exists()
    assert f"content/sources/{victim.name}: kept: import no longer produces this page, but " in out
    assert f"events/{path.name}" in out
    builds(site)
    # once the person's event is gone, nothing cites the source: the next import removes it
    path.unlink()
    run(site, "import")
    assert not victim.exists()
    builds(site)


def test_a_person_s_own_event_keeps_its_sources_too(site, dump_file):
    source = source_files(site)[0]
    sid = source.stem
    title = frontmatter.read(source).data["title"]
    mine = site / "content" / "events" / "my-event.md"
    mine.write_text(
        frontmatter.dump({"id": "my-event", "title": "我的事件", "date": "2025-03-02", "sources": [sid]}, ""),
        encoding="utf-8",
    )
    kept_text = "".join(block for block in _records(DUMP) if not block.startswith(title + "\n"))
    (site / "content" / "dumps" / "fire-dump.txt").write_text(kept_text, encoding="utf-8")
    code, _ = run(site, "import")
    assert code == 0 and source.exists()
    builds(site)


def _records(text: str) -> list[str]:
    """The header and each three-line record of a dump, as text blocks."""
    lines = text.splitlines(keepends=True)
    return ["".join(lines[:4])] + ["".join(lines[i : i + 3]) for i in range(4, len(lines), 3)]
