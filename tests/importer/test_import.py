"""`sitegen import`: pages from dumps, idempotence, and hand edits that survive re-import."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core import frontmatter
from sitegen.core.markdown import contains_quote
from sitegen.importer.run import run_import

from ..conftest import REPO, SEED_DUMP

DUMP = """Workflow
火灾
icon
Search documents
甲市化工厂发生火灾 三人受伤
Xin Hua She· 2025-03-02 08:15
3月1日晚,甲市化工厂起火。消防部门连夜扑救,火势已得到控制。 ...
化工厂火灾:调查组进驻
Peng Pai Xin Wen· 2025-03-03 10:20
来源:澎湃新闻 调查组3月2日进驻甲市化工厂,将在一周内公布初步结论。
Factory fire in Jia City
Cai Xin· 2025-03-02 09:00
A fire broke out at a chemical plant in Jia City on Saturday night, injuring three workers.
"""


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def run(site: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--site", str(site), *args], catch_exceptions=False)
    return result.exit_code, result.output


@pytest.fixture
def dump_file(tmp_path: Path) -> Path:
    p = tmp_path / "fire-dump.txt"
    p.write_text(DUMP, encoding="utf-8")
    return p


@pytest.fixture
def site(make_site, dump_file) -> Path:
    root = make_site()
    code, out = run(root, "import", str(dump_file))
    assert code == 0, out
    return root


def event_files(site: Path) -> list[Path]:
    return sorted((site / "content" / "events").glob("*.md"))


def source_files(site: Path) -> list[Path]:
    return sorted((site / "content" / "sources").glob("*.md"))


# -- what import writes ---------------------------------------------------------------
def test_import_writes_sources_and_events_that_check_clean(site):
    assert (site / "content" / "dumps" / "fire-dump.txt").read_text(encoding="utf-8") == DUMP
    assert len(source_files(site)) == 3
    assert event_files(site)
    loaded = load_site(load_config(site))
    assert loaded.errors == []
    by_title = {s.title: s for s in loaded.sources.values()}
    first = by_title["甲市化工厂发生火灾 三人受伤"]
    assert first.outlet == "Xin Hua She"
    assert first.outlet_name == "新华社"  # from sitegen's outlet table
    assert first.published.isoformat() == "2025-03-02T08:15:00+08:00"
    assert first.excerpt is True
    assert first.keyword == "火灾"
    second = by_title["化工厂火灾:调查组进驻"]
    assert second.bylines == [{"role": "source", "name": "澎湃新闻"}]
    assert "来源" not in second.text
    assert by_title["Factory fire in Jia City"].lang == "en"
    for event in loaded.events.values():
        assert event.sources
        for c in event.sources:
            assert contains_quote(loaded.sources[c.source].text, c.quote)


def test_source_front_matter_is_readable(site):
    page = frontmatter.read(source_files(site)[0])
    assert list(page.data)[:6] == ["id", "title", "outlet", "outlet_name", "published", "lang"]
    assert page.data["id"] == source_files(site)[0].stem
    assert page.data["id"].startswith("2025-03-0")
    assert page.data["dump"].startswith("fire-dump.txt:")


def test_site_outlet_names_override_the_shipped_table(make_site, dump_file):
    root = make_site()
    (root / "content" / "data").mkdir(parents=True)
    (root / "content" / "data" / "outlets.toml").write_text(
        '[outlets]\n"Xin Hua She" = "新华通讯社"\n"Cai Xin" = "财新传媒"\n', encoding="utf-8"
    )
    run(root, "import", str(dump_file))
    names = {s.outlet: s.outlet_name for s in load_site(load_config(root)).sources.values()}
    assert names == {"Xin Hua She": "新华通讯社", "Cai Xin": "财新传媒", "Peng Pai Xin Wen": "澎湃新闻"}


def test_unknown_outlet_is_kept_as_written(make_site, tmp_path):
    root = make_site()
    p = tmp_path / "d.txt"
    p.write_text("标题\nZzz Unknown Daily· 2025-01-01 10:00\n正文。\n", encoding="utf-8")
    run(root, "import", str(p))
    (src,) = load_site(load_config(root)).sources.values()
    assert src.outlet_name == "Zzz Unknown Daily"


# -- idempotence ----------------------------------------------------------------------------
def test_import_twice_changes_nothing(site, dump_file):
    before = tree(site / "content")
    mtimes = {p: p.stat().st_mtime_ns for p in (site / "content").rglob("*") if p.is_file()}
    code, out = run(site, "import", str(dump_file))
    assert code == 0
    assert tree(site / "content") == before
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes
    assert "0 created, 0 updated, 0 removed" in out


def test_reimport_of_the_seed_leaves_the_repository_content_unchanged(tmp_path):
    """The committed content/ is exactly what `sitegen import` produces from the committed dumps."""
    shutil.copytree(REPO / "content", tmp_path / "content")
    before = tree(tmp_path / "content")
    report = run_import(load_config(tmp_path), [SEED_DUMP])
    assert report.copied == []
    assert [c.rel for c in report.changes if c.action != "unchanged"] == []
    assert tree(tmp_path / "content") == before


def test_same_dump_under_another_name_is_not_copied_twice(site, dump_file, tmp_path):
    other = tmp_path / "renamed.txt"
    other.write_bytes(dump_file.read_bytes())
    run(site, "import", str(other))
    assert sorted(p.name for p in (site / "content" / "dumps").iterdir()) == ["fire-dump.txt"]


def test_two_dumps_for_one_site(site, tmp_path):
    more = tmp_path / "more.txt"
    more.write_text(
        "化工厂恢复生产\nXin Hua She· 2025-04-01 09:00\n4月1日,工厂恢复生产。\n", encoding="utf-8"
    )
    code, _ = run(site, "import", str(more))
    assert code == 0
    assert len(source_files(site)) == 4
    assert len(list((site / "content" / "dumps").iterdir())) == 2


# -- hand edits are sacred ---------------------------------------------------------------------
def test_hand_edit_survives_reimport_and_is_reported(site, dump_file):
    path = event_files(site)[0]
    page = frontmatter.read(path)
    page.data["title"] = "编辑改写的标题"
    edited = frontmatter.dump(page.data, "编辑写的摘要。")
    path.write_text(edited, encoding="utf-8")
    code, out = run(site, "import", str(dump_file))
    assert code == 0
    assert path.read_text(encoding="utf-8") == edited
    assert f"content/events/{path.name}: kept: you edited this page" in out
    assert "title" in out and "body" in out


def test_force_overwrites_a_hand_edit(site, dump_file):
    path = event_files(site)[0]
    original = path.read_text(encoding="utf-8")
    path.write_text(original.replace("title:", "title: 改了", 1), encoding="utf-8")
    run(site, "import", "--force", str(dump_file))
    assert path.read_text(encoding="utf-8") == original


def test_deleted_page_is_not_resurrected_unless_asked(site, dump_file):
    path = event_files(site)[0]
    original = path.read_text(encoding="utf-8")
    path.unlink()
    code, out = run(site, "import", str(dump_file))
    assert code == 0 and not path.exists()
    assert "you deleted this page" in out
    run(site, "import", "--restore", str(dump_file))
    assert path.read_text(encoding="utf-8") == original


def test_hand_merge_survives_reimport(site, dump_file):
    """Merging two events by hand: one keeps both citations, the other is deleted."""
    loaded = load_site(load_config(site))
    events = sorted(loaded.events.values(), key=lambda e: e.id)
    assert len(events) >= 2, "the fixture dump must give at least two events"
    keep, gone = events[0], events[1]
    keep_path = site / "content" / "events" / f"{keep.id}.md"
    page = frontmatter.read(keep_path)
    page.data["sources"] = page.data["sources"] + [{"id": c.source, "quote": c.quote} for c in gone.sources]
    merged = frontmatter.dump(page.data, page.body)
    keep_path.write_text(merged, encoding="utf-8")
    (site / "content" / "events" / f"{gone.id}.md").unlink()
    before = tree(site / "content")
    code, _ = run(site, "import", str(dump_file))
    assert code == 0
    assert tree(site / "content") == before
    assert load_site(load_config(site)).errors == []


def test_hand_merge_is_recognised_even_if_extraction_renames_the_event(site, dump_file):
    """A generated event whose sources a person already merged elsewhere is not produced again."""
    content = site / "content"
    ledger = (content / ".sitegen" / "ledger.json").read_text(encoding="utf-8")
    events = event_files(site)
    victim = events[-1]
    cites = [s["id"] for s in frontmatter.read(victim).data["sources"]]
    # a person writes their own event citing the same sources, and deletes the generated one
    mine = content / "events" / "my-own-event.md"
    data = dict(frontmatter.read(victim).data, id="my-own-event", title="我自己写的事件")
    mine.write_text(frontmatter.dump(data, ""), encoding="utf-8")
    victim.unlink()
    # simulate a later extractor that names the same event differently: forget the ledger entry
    ledger_path = content / ".sitegen" / "ledger.json"
    ledger_path.write_text(
        ledger.replace(f'"events/{victim.name}"', '"events/old-name.md"'), encoding="utf-8"
    )
    code, out = run(site, "import", str(dump_file))
    assert code == 0
    assert not victim.exists()
    assert "already covered by events/my-own-event.md" in out
    assert [s["id"] for s in frontmatter.read(mine).data["sources"]] == cites


def test_user_created_page_is_left_alone(site, dump_file):
    mine = site / "content" / "events" / "2025-03-05-bu-chong.md"
    text = frontmatter.dump(
        {"id": "2025-03-05-bu-chong", "title": "补充事件", "date": "2025-03-05", "sources": []}, "x"
    )
    mine.write_text(text, encoding="utf-8")
    run(site, "import", str(dump_file))
    assert mine.read_text(encoding="utf-8") == text


def test_dry_run_writes_nothing(make_site, dump_file):
    root = make_site()
    before = tree(root)
    code, out = run(root, "import", "--dry-run", str(dump_file))
    assert code == 0
    assert tree(root) == before
    assert "would create content/sources/" in out and "Dry run:" in out


def test_stale_generated_page_is_removed_but_an_edited_one_kept(site, dump_file):
    dumps = site / "content" / "dumps"
    text = DUMP.split("化工厂火灾:调查组进驻")[0]  # drop the last two records
    (dumps / "fire-dump.txt").write_text(text, encoding="utf-8")
    stale = [p for p in source_files(site) if "diao-cha" in p.name or "factory" in p.name]
    assert len(stale) == 2
    stale[0].write_text(stale[0].read_text(encoding="utf-8") + "\n编辑加的一段。\n", encoding="utf-8")
    code, out = run(site, "import")
    assert code == 0
    assert stale[0].exists() and not stale[1].exists()
    assert "import no longer produces this page, but you edited it" in out


# -- bad input -----------------------------------------------------------------------------------
def test_malformed_record_reports_file_line_and_imports_the_rest(make_site, tmp_path):
    root = make_site()
    bad = DUMP.replace("Peng Pai Xin Wen· 2025-03-03 10:20\n", "")
    p = tmp_path / "bad.txt"
    p.write_text(bad, encoding="utf-8")
    code, out = run(root, "import", str(p))
    assert code == 1
    assert "content/dumps/bad.txt:8: error: expected a date line" in out
    titles = {s.title for s in load_site(load_config(root)).sources.values()}
    assert titles == {"甲市化工厂发生火灾 三人受伤", "Factory fire in Jia City"}


def test_binary_dump_fails_cleanly(make_site, tmp_path):
    root = make_site()
    p = tmp_path / "image.txt"
    p.write_bytes(b"\x89PNG\x00\x00" * 100)
    code, out = run(root, "import", str(p))
    assert code == 1
    assert "not a text dump" in out
    assert not (root / "content" / "sources").exists() or not source_files(root)


def test_import_killed_midway_leaves_no_half_written_page(site, dump_file):
    """SIGKILL at random points of an import: every page is either old or new, never partial."""
    script = (
        "import sys; from sitegen.config import load_config; from sitegen.importer.run import run_import, Options;"
        "run_import(load_config(sys.argv[1]), [], Options(force=True))"
    )
    for p in event_files(site) + source_files(site):
        p.write_text(p.read_text(encoding="utf-8").replace("title:", "title: X", 1), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    for delay in (0.3, 0.6, 0.9, 1.2):
        proc = subprocess.Popen([sys.executable, "-c", script, str(site)], env=env)
        try:
            proc.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        for p in event_files(site) + source_files(site):
            frontmatter.read(p)  # parses: whole old or whole new
        assert not list((site / "content").rglob("*.tmp"))
    code, _ = run(site, "import", "--force")
    assert code == 0
    assert load_site(load_config(site)).errors == []


# -- the CLI contract --------------------------------------------------------------------------------
def test_init_creates_an_empty_site(tmp_path):
    code, out = run(tmp_path, "init", str(tmp_path / "new"))
    assert code == 0
    for sub in ("dumps", "sources", "events", "data"):
        assert (tmp_path / "new" / "content" / sub).is_dir()
    config = load_config(tmp_path / "new")
    assert config.timezone == "Asia/Shanghai" and config.language == "zh-CN"
    code, out = run(tmp_path, "init", str(tmp_path / "new"))
    assert code == 1 and "already exists" in out


@pytest.mark.parametrize("command", [[], ["init"], ["import"], ["build"], ["check"]])
def test_every_command_and_option_has_help(command):
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    cmd = main if not command else main.commands[command[0]]
    assert (cmd.help or "").strip()
    for param in cmd.params:
        if isinstance(param, __import__("click").Option):
            assert (param.help or "").strip(), f"{command} {param.name} has no help"


def test_usage_errors_exit_2(tmp_path):
    assert CliRunner().invoke(main, ["import", str(tmp_path / "missing.txt")]).exit_code == 2
    assert CliRunner().invoke(main, ["build", "--nope"]).exit_code == 2


def test_bad_site_toml_names_file_and_line(make_site):
    root = make_site()
    (root / "content" / "site.toml").write_text('title = "x"\nlanguage = "fr"\n', encoding="utf-8")
    code, out = run(root, "build")
    assert code == 1
    assert "content/site.toml:2: error: language must be one of zh-CN, en" in out


def test_a_mistake_in_extract_names_file_line_and_the_nearest_setting(make_site, dump_file):
    """[extract] is checked as the other settings are: import stops before it writes anything,
    and `check` (hence build) reports every mistake with its line."""
    root = make_site()
    toml = root / "content" / "site.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8") + '\n[extract]\nmerge_similarity = "x"\nmax_tgas = 3\n', encoding="utf-8"
    )
    lines = toml.read_text(encoding="utf-8").splitlines()
    similarity, tags = lines.index('merge_similarity = "x"') + 1, lines.index("max_tgas = 3") + 1
    before = tree(root)
    code, out = run(root, "import", str(dump_file))
    assert code == 1 and tree(root) == before
    assert f'content/site.toml:{similarity}: error: [extract] merge_similarity: expected a number, got "x"' in out
    code, out = run(root, "check")
    assert code == 1
    assert f'content/site.toml:{similarity}: error: [extract] merge_similarity: expected a number, got "x"' in out
    assert f"content/site.toml:{tags}: error: [extract] max_tgas: no such setting; did you mean max_tags?" in out


def test_explain_shows_expressions_sentences_and_resolution_and_changes_nothing(make_site, dump_file):
    root = make_site()
    before = tree(root)
    code, out = run(root, "import", "--explain", str(dump_file))
    assert code == 0
    assert tree(root) == before  # an explanation writes nothing (issue 16.6)
    assert "--explain changed nothing" in out
    run(root, "import", str(dump_file))
    events = load_site(load_config(root)).events
    assert events
    for event in events.values():
        assert f"\n{event.id}  [" in out
    # the relative date of the first record is shown with the rule that resolved it
    assert "“3月1日晚”" in out and "2025-03-01" in out


@pytest.mark.parametrize(
    ("module", "work"),
    [
        ("sitegen.extract.events", "dated sentences"),  # the seed's 10 sources: 5 read here, 5 in the child
        ("sitegen.importer.sources", "cleaning records"),  # its 10 records: 5 cleaned here, 5 in the child
    ],
)
def test_an_import_split_over_two_processes_writes_what_one_process_writes(make_site, monkeypatch, module, work):
    split = importlib.import_module(module)
    monkeypatch.setattr(split, "SPLIT_AT", 2)
    monkeypatch.setattr(split, "can_fork", lambda: False)
    one = make_site("one")
    assert run(one, "import", str(SEED_DUMP))[0] == 0
    forks = []
    real = split.start
    monkeypatch.setattr(split, "start", lambda *a: forks.append(a[1]) or real(*a))
    monkeypatch.setattr(split, "can_fork", lambda: True)  # the test session runs threads
    two = make_site("two")
    assert run(two, "import", str(SEED_DUMP))[0] == 0
    assert forks == [work]
    assert tree(one / "content") == tree(two / "content")
    assert len(list((two / "content" / "events").glob("*.md"))) >= 5
    assert len(list((two / "content" / "sources").glob("*.md"))) == 10


def test_an_edited_page_the_build_cannot_read_is_named_at_its_line_by_import(site, dump_file):
    """Import keeps a person's page as they left it, and says now what the build would stop on."""
    page = event_files(site)[0]
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    n = next(i for i, line in enumerate(lines) if line.startswith("date:"))
    lines[n] = "date: 2026-13-45\n"
    page.write_text("".join(lines), encoding="utf-8")
    code, out = run(site, "import", str(dump_file))
    assert code == 0, out
    rel = page.relative_to(site).as_posix()
    assert f"{rel}: kept: you edited this page" in out
    assert f"{rel}:{n + 1}: error: cannot read date '2026-13-45'" in out
    assert ", 1 error (" in out.splitlines()[-1]
    assert "date: 2026-13-45\n" in page.read_text(encoding="utf-8")  # still as the person left it
