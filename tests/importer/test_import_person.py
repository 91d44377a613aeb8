"""What a person did stays the truth across imports, through the CLI on real files:

* a source page a person trimmed is quoted only for what it still says (issue 21.8), and
  after the import ``check`` and ``build`` pass;
* a corrected dump with the same file name replaces the broken copy (issue 16.7);
* "kept: you edited this page" is said once per page per change, then counted; ``-q`` keeps
  quiet; a field the person added is named, not called formatting (issue 16.8).
"""

from __future__ import annotations

from pathlib import Path

from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core import frontmatter

from . import test_event_ids as ids
from .test_event_ids import REPORTS, incoming
from .test_import import DUMP, run, tree

fire_site = ids.fire_site  # the fixture: a site imported from the fire dumps


def ok(site: Path, *args: str) -> str:
    code, out = run(site, *args)
    assert code == 0, out
    return out


def cut(path: Path, sentence: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert sentence in text
    path.write_text(text.replace(sentence, ""), encoding="utf-8")


def test_a_trimmed_source_is_quoted_only_for_what_it_still_says(fire_site, tmp_path):
    content = fire_site / "content"
    fire = next((content / "events").glob("2025-03-01-*.md"))
    first = frontmatter.read(fire).data["sources"][0]
    source = content / "sources" / f"{first['id']}.md"
    # the fire gets a second source first, so it survives losing the first
    run(fire_site, "import", str(incoming(tmp_path, "reports.txt", REPORTS)))
    page = frontmatter.read(source)
    page.body = page.body.replace(first["quote"], "")
    assert first["quote"] not in page.body
    source.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    mine = source.read_bytes()

    code, out = run(fire_site, "import")
    assert code == 0, out
    assert source.read_bytes() == mine
    assert f"content/sources/{source.name}: kept: you edited this page" in out
    assert f"{source.name}: warning: you edited this source page and it no longer holds the sentence" in out
    cites = [s["id"] for s in frontmatter.read(fire).data["sources"]]
    assert first["id"] not in cites and cites  # the other report still backs the fire
    assert first["quote"] not in frontmatter.read(fire).body  # nor does its summary repeat the cut sentence
    code, out = run(fire_site, "check")
    assert code == 0, out
    code, out = run(fire_site, "build")
    assert code == 0, out
    code, out = run(fire_site, "import")  # and it stays so
    assert " 0 created, 0 updated, 0 removed" in out


def test_an_event_whose_only_source_was_trimmed_is_not_written(fire_site):
    content = fire_site / "content"
    team = next((content / "events").glob("2025-03-02-*.md"))
    (only,) = frontmatter.read(team).data["sources"]
    cut(content / "sources" / f"{only['id']}.md", only["quote"])
    code, out = run(fire_site, "import")
    assert code == 0, out
    assert "no source still holds what this event quoted: it is not written" in out
    assert not team.exists()  # import's own page, its only quote gone
    code, out = run(fire_site, "check")
    assert code == 0, out


def test_a_person_page_that_is_wrong_is_the_one_check_names(fire_site):
    """After any import, check fails only on a page the person edited, and names it."""
    content = fire_site / "content"
    fire = next((content / "events").glob("2025-03-01-*.md"))
    page = frontmatter.read(fire)
    page.data["sources"][0]["quote"] = "编辑写错的引文。"
    fire.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    code, out = run(fire_site, "import")
    assert code == 0
    code, out = run(fire_site, "check")
    assert code == 1
    errors = [line for line in out.splitlines() if ": error:" in line]
    assert errors and all(line.startswith(f"content/events/{fire.name}:") for line in errors), out


def test_a_corrected_dump_of_the_same_name_replaces_the_broken_copy(make_site, tmp_path):
    root = make_site()
    dump = tmp_path / "search.txt"
    broken = DUMP.replace("Peng Pai Xin Wen· 2025-03-03 10:20", "Peng Pai Xin Wen· 2025-13-03 10:20")
    dump.write_text(broken, encoding="utf-8")
    code, out = run(root, "import", str(dump))
    assert code == 1 and "error" in out
    dump.write_text(DUMP, encoding="utf-8")  # the journalist fixes the file and imports it again
    code, out = run(root, "import", str(dump))
    assert code == 0, out
    assert "replaced content/dumps/search.txt with the corrected copy" in out
    dumps = root / "content" / "dumps"
    assert sorted(p.name for p in dumps.iterdir()) == ["search.txt"]
    assert (dumps / "search.txt").read_text(encoding="utf-8") == DUMP
    code, out = run(root, "import")
    assert code == 0 and ": error:" not in out  # the old error is gone for good
    assert len(load_site(load_config(root)).sources) == 3


def test_a_different_dump_that_shares_a_name_is_kept_beside_it(make_site, tmp_path):
    root = make_site()
    first, other = tmp_path / "a" / "search.txt", tmp_path / "b" / "search.txt"
    for path, text in ((first, DUMP), (other, REPORTS)):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    run(root, "import", str(first))
    code, out = run(root, "import", str(other))
    assert code == 0, out
    assert sorted(p.name for p in (root / "content" / "dumps").iterdir()) == ["search-2.txt", "search.txt"]


def test_kept_pages_are_reported_once_per_change_then_counted(fire_site, tmp_path):
    content = fire_site / "content"
    fire = next((content / "events").glob("2025-03-01-*.md"))
    page = frontmatter.read(fire)
    page.data["note"] = "编辑加的说明。"  # a field added, nothing else
    fire.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    line = f"content/events/{fire.name}: kept:"

    out = ok(fire_site, "import")
    assert out.count(line) == 1
    assert "drop the field note you added" in out and "formatting" not in out and "re-space" not in out
    out = ok(fire_site, "import")  # the same change again: counted, not repeated
    assert line not in out
    assert "1 more page(s) kept as you left them, as reported before" in out
    assert " 1 kept;" in out
    out = ok(fire_site, "import", "--dry-run")  # a dry run lists everything
    assert out.count(line) == 1
    out = ok(fire_site, "import", str(incoming(tmp_path, "reports.txt", REPORTS)))  # a new change
    assert out.count(line) == 1 and "sources" in out.split(line)[1].splitlines()[0]
    before = tree(content)
    out = ok(fire_site, "import", "-q")
    assert "kept:" not in out and "reported before" not in out and " 1 kept;" in out
    assert tree(content) == before
