"""``sitegen build`` after a build: nothing changed -> nothing written; an edit -> only what it affects,
and always the same bytes as a full build; anything else -> a full build; a killed build -> a whole site."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from sitegen.builder import build
from sitegen.builder.incremental.jobs import LiveBuild
from sitegen.builder.incremental.manifest import Manifest, manifest_path
from sitegen.builder.render.theme import CHECKOUT_THEMES
from sitegen.cli import main
from sitegen.config import load_config
from sitegen.core import frontmatter
from sitegen.util.cache import Cache

from ...conftest import REPO
from ...support.sitecheck import check_links


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("dumps", ".sitegen"))
    return root


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def stamps(out: Path) -> dict[str, int]:
    return {p.relative_to(out).as_posix(): p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}


def full_tree(root: Path, tmp: Path, base_url: str | None = None) -> dict[str, bytes]:
    """What a clean full build of ``root`` writes (into a folder of its own, with no cache)."""
    out = tmp / f"full-{time.monotonic_ns()}"
    build(load_config(root), out, base_url, incremental=False, cache=Cache(None))
    return tree(out)


def edit_page(path: Path, body: str | None = None, **changes: object) -> None:
    page = frontmatter.read(path)
    page.data.update(changes)
    path.write_text(frontmatter.dump(page.data, page.body if body is None else body), encoding="utf-8")


def first(folder: Path, n: int = 0) -> Path:
    return sorted(folder.glob("*.md"))[n]


def test_nothing_changed_writes_nothing_and_says_so(site: Path) -> None:
    out = build(load_config(site)).out
    before, times = tree(out), stamps(out)
    result = build(load_config(site))
    assert (result.mode, result.files, result.removed, result.site) == ("unchanged", {}, [], None)
    assert result.pages == sum(1 for p in before if p.endswith(".html"))
    assert tree(out) == before and stamps(out) == times
    cli = CliRunner().invoke(main, ["--site", str(site), "build"])
    assert cli.exit_code == 0, cli.output
    assert "Nothing changed" in cli.output and "no file written" in cli.output
    assert stamps(out) == times
    # files rewritten with the same bytes (a checkout, a copy) are not changes either
    for page in (site / "content" / "events").glob("*.md"):
        page.write_bytes(page.read_bytes())
    assert build(load_config(site)).mode == "unchanged"


def test_one_edit_writes_exactly_the_affected_files_and_equals_a_full_build(
    site: Path, tmp_path: Path
) -> None:
    out = build(load_config(site)).out
    before, times = tree(out), stamps(out)
    event = first(site / "content" / "events", 2)
    event_id = frontmatter.read(event).data["id"]
    edit_page(event, title="改过的标题 edited")
    result = build(load_config(site))
    assert result.mode == "incremental"
    after = tree(out)
    assert after == full_tree(site, tmp_path)
    differing = {p for p in after if before.get(p) != after[p]}
    assert set(result.files) == differing  # written = exactly the files whose bytes changed
    assert f"events/{event_id}.html" in differing and "index.html" in differing
    now = stamps(out)
    assert all(now[p] == times[p] for p in after if p not in differing)  # the rest left alone
    assert build(load_config(site)).mode == "unchanged"


def test_series_of_edits_each_equals_a_full_build(site: Path, tmp_path: Path) -> None:
    config = load_config(site)
    build(config)
    out = site / "public"
    events, sources = site / "content" / "events", site / "content" / "sources"

    def check(expect_removed: set[str] = frozenset()) -> None:
        result = build(load_config(site))
        assert result.mode == "incremental"
        assert set(expect_removed) <= set(result.removed)  # (and whatever else changed its name)
        assert tree(out) == full_tree(site, tmp_path)

    edit_page(first(events, 1), date="2025-12-31", precision="day")  # moves to the end of the timeline
    check()
    new = events / "zz-new-event.md"  # a new event citing an existing source
    page = frontmatter.read(first(events, 2))
    page.data.update(id="zz-new-event", title="新事件")
    new.write_text(frontmatter.dump(page.data, "新的摘要。"), encoding="utf-8")
    check()
    assert (out / "events" / "zz-new-event.html").exists()
    renamed = events / "aa-renamed.md"  # same id, other file
    new.rename(renamed)
    check()
    edit_page(renamed, id="zz-other-id")  # a new id: the old page goes
    check({"events/zz-new-event.html"})
    renamed.unlink()
    check({"events/zz-other-id.html"})
    src = first(sources)
    edit_page(src, title="来源新标题", outlet_name="新媒体")  # shown on citing events and the lists
    check()
    edit_page(src, body=frontmatter.read(src).body + "\n\n多一段。")  # its body: its page, feeds
    check()
    # a citation dropped (from an event citing two or more): the source list's counts change
    several = next(p for p in sorted(events.glob("*.md")) if len(frontmatter.read(p).data["sources"]) > 1)
    edit_page(several, sources=frontmatter.read(several).data["sources"][:1])
    check()
    extra = sources / "zz-extra-source.md"
    page = frontmatter.read(src)
    page.data.update(id="zz-extra-source")
    extra.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    check()
    extra.unlink()
    check({"sources/zz-extra-source.html"})


def test_what_is_not_a_page_edit_means_a_full_build(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = build(load_config(site)).out

    def rebuilt(base_url: str | None = None) -> None:
        result = build(load_config(site), base_url=base_url)
        assert result.mode == "full"
        assert tree(out) == full_tree(site, tmp_path, base_url)
        assert build(load_config(site), base_url=base_url).mode == "unchanged"

    templates = site / "templates"  # a template overridden by the site
    templates.mkdir()
    page = (CHECKOUT_THEMES / "default" / "templates" / "404.html").read_text("utf-8")
    (templates / "404.html").write_text(page.replace("<h1", '<h1 class="x"'), "utf-8")
    rebuilt()
    assert b'<h1 class="x"' in (out / "404.html").read_bytes()

    settings = site / "content" / "site.toml"  # the settings
    settings.write_text(settings.read_text("utf-8").replace("title =", 'title = "新标题"\n#'), "utf-8")
    rebuilt()
    assert "新标题".encode() in (out / "index.html").read_bytes()

    rebuilt("https://example.org/tl/")  # another base URL
    rebuilt()  # and back

    (out / "events.json").unlink()  # a file deleted from the output by hand
    rebuilt()
    (out / "stray.html").write_text("x", "utf-8")  # one added by hand
    rebuilt()
    assert not (out / "stray.html").exists()
    (out / "index.html").write_text("x", "utf-8")  # one changed by hand
    rebuilt()

    monkeypatch.setattr("sitegen.builder.rebuild.code_digest", lambda: "another sitegen")  # an upgrade
    rebuilt()

    manifest_path(out).write_text("{not json", "utf-8")  # a damaged manifest
    rebuilt()
    manifest_path(out).unlink()  # none
    rebuilt()


def test_full_flag_and_errors_leave_the_manifest_true(site: Path, tmp_path: Path) -> None:
    out = build(load_config(site)).out
    assert build(load_config(site), incremental=False).mode == "full"
    cli = CliRunner().invoke(main, ["--site", str(site), "build", "--full"])
    assert cli.exit_code == 0 and "Built" in cli.output
    event = first(site / "content" / "events")
    good = event.read_text("utf-8")
    event.write_text(good.replace("title:", "title: a: b", 1), "utf-8")
    cli = CliRunner().invoke(main, ["--site", str(site), "build"])
    assert cli.exit_code != 0
    assert Manifest.load(manifest_path(out)) is not None  # nothing was written: still true
    event.write_text(good, "utf-8")
    assert build(load_config(site)).mode == "unchanged"
    assert tree(out) == full_tree(site, tmp_path)


def test_build_takes_the_pieces_of_unchanged_events_from_the_cache(
    site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new process has no pieces in memory: those of unchanged events come from the on-disk cache."""
    build(load_config(site))
    made: list[str] = []
    from sitegen.builder.publish import timelinejs

    slide = timelinejs.event_slide
    monkeypatch.setattr(timelinejs, "event_slide", lambda c, e, g: made.append(e.id) or slide(c, e, g))
    event = first(site / "content" / "events", 2)
    edit_page(event, title="只改这一个")
    assert build(load_config(site)).mode == "incremental"
    assert made == [frontmatter.read(event).data["id"]]
    assert tree(site / "public") == full_tree(site, tmp_path)
    made.clear()
    build(load_config(site), incremental=False)  # a full build too
    assert made == []
    assert tree(site / "public") == full_tree(site, tmp_path)


def test_serve_keeps_the_pieces_of_unchanged_events(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After an edit the whole-site outputs make again only the edited event's pieces."""
    live = LiveBuild(site)
    live.build_all()
    made: list[tuple[str, str]] = []
    from sitegen.builder.publish import export, timelinejs

    slide, record = timelinejs.event_slide, export.event_record
    monkeypatch.setattr(
        timelinejs, "event_slide", lambda c, e, g: made.append(("slide", e.id)) or slide(c, e, g)
    )
    monkeypatch.setattr(export, "event_record", lambda c, e: made.append(("record", e.id)) or record(c, e))
    event = first(site / "content" / "events", 2)
    event_id = frontmatter.read(event).data["id"]
    edit_page(event, title="只改这一个")
    for _ in live.update([event]):
        pass
    assert sorted(made) == [("record", event_id), ("slide", event_id)]
    assert (
        "只改这一个".encode() in live.files["timeline.json"]
        and "只改这一个".encode() in live.files["events.json"]
    )


# -- killed builds ----------------------------------------------------------------------------------
# The child runs `sitegen build` with every file replacement (incremental path) and every staged file
# write (full path) slowed down, so that a kill at a random moment lands in the middle of the writing.
SLOWED = """
import os, pathlib, sys, time
pause = float(os.environ["PAUSE"])
replace, write_bytes = os.replace, pathlib.Path.write_bytes
os.replace = lambda *a, **k: (time.sleep(pause), replace(*a, **k))[1]
pathlib.Path.write_bytes = lambda self, data: (time.sleep(pause), write_bytes(self, data))[1]
sys.argv[0] = "sitegen"
from sitegen.cli import main
main()
"""


def killed_build(site: Path, after: float, *args: str) -> bool:
    """Start ``sitegen build``, SIGKILL it ``after`` seconds in; True if it was still running."""
    env = {**os.environ, "PAUSE": "0.02"}
    proc = subprocess.Popen(
        [sys.executable, "-c", SLOWED, "--site", str(site), "build", "-q", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(after)
    running = proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    return running


def test_sigkill_during_a_build_leaves_a_whole_site(site: Path, tmp_path: Path) -> None:
    rng = random.Random(8)
    out = build(load_config(site)).out
    events = site / "content" / "events"
    killed = 0
    for trial in range(10):
        old = tree(out)
        full = trial % 3 == 2  # every third: a template edit, so a full build (staging and swap)
        if full:
            templates = site / "templates"
            templates.mkdir(exist_ok=True)
            page = (CHECKOUT_THEMES / "default" / "templates" / "404.html").read_text("utf-8")
            (templates / "404.html").write_text(page.replace("<h1", f'<h1 data-trial="{trial}"'), "utf-8")
        else:
            edit_page(first(events, trial % 4), title=f"第{trial}次修改")
        new = full_tree(site, tmp_path)
        killed += killed_build(site, rng.uniform(0.3, 1.5))
        now = tree(out)
        if full:
            assert now in (old, new), trial  # all old or all new: the folder is swapped in one step
        else:
            assert set(now) <= set(old) | set(new), trial
            assert all(now[p] in (old.get(p), new.get(p)) for p in now), trial  # every file whole
            assert [b for b in check_links(out)[0] if ": no id " not in b] == [], trial  # no link to nothing
        assert not list(out.rglob("*.tmp")) and not [p for p in out.rglob(".*")], trial
        result = build(load_config(site))  # the next build finishes the job
        assert tree(out) == new, trial
        assert build(load_config(site)).mode == "unchanged"
        assert result.mode in ("full", "incremental", "unchanged")
    assert killed >= 3  # most kills landed while the build was running
