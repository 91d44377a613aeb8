"""The dev server's incremental rebuild equals a full build, byte for byte, after every edit."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.builder import BuildContext, BuildError, prepare, render_all
from sitegen.builder.incremental.depends import each, reads
from sitegen.builder.incremental.jobs import LiveBuild
from sitegen.builder.outputs import OUTPUTS
from sitegen.builder.render.theme import CHECKOUT_THEMES
from sitegen.config import load_config
from sitegen.core import frontmatter

from ..conftest import REPO


@pytest.fixture
def site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("dumps", ".sitegen"))
    return root


def full_build(root: Path, outputs: tuple = OUTPUTS, extra_head: str = "") -> dict[str, bytes]:
    ctx = prepare(load_config(root))
    ctx.extra_head = extra_head
    return render_all(ctx, outputs)


def update(live: LiveBuild, *paths: Path, viewed: set[str] | None = None) -> list:
    return list(live.update(paths, viewed=lambda: viewed or set()))


def edit_page(path: Path, **changes: object) -> None:
    page = frontmatter.read(path)
    page.data.update(changes)
    path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")


def first(folder: Path, n: int = 0) -> Path:
    return sorted(folder.glob("*.md"))[n]


def assert_same(live: LiveBuild, root: Path, outputs: tuple = OUTPUTS) -> None:
    expected = full_build(root, outputs, live.extra_head)
    assert sorted(live.files) == sorted(expected)
    differing = [p for p in expected if live.files[p] != expected[p]]
    assert differing == []


def test_first_build_equals_sitegen_build(site: Path, tmp_path: Path) -> None:
    from sitegen.builder import build

    live = LiveBuild(site)
    live.build_all()
    out = build(load_config(site), tmp_path / "public").out
    on_disk = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert live.files == on_disk


def test_series_of_edits_equals_full_build(site: Path) -> None:
    live = LiveBuild(site)
    live.build_all()
    events, sources = site / "content" / "events", site / "content" / "sources"
    ev = first(events)
    viewed = {"index.html", f"events/{frontmatter.read(ev).data['id']}.html"}

    edit_page(ev, title="改过的标题 edited title")
    update(live, ev, viewed=viewed)
    assert_same(live, site)
    assert "改过的标题".encode() in live.files["index.html"]

    edit_page(first(events, 1), date="2025-12-31", precision="day")  # moves to the top of the timeline
    update(live, first(events, 1))
    assert_same(live, site)

    new = events / "zz-new-event.md"  # a new event citing an existing source
    page = frontmatter.read(first(events, 2))
    page.data.update(id="zz-new-event", title="新事件")
    new.write_text(frontmatter.dump(page.data, "新的摘要。"), encoding="utf-8")
    update(live, new)
    assert_same(live, site)
    assert "events/zz-new-event.html" in live.files

    renamed = events / "aa-renamed-file.md"  # same id, other file name
    new.rename(renamed)
    update(live, new, renamed)
    assert_same(live, site)

    edit_page(renamed, id="zz-other-id")  # a new id: the old page goes away
    update(live, renamed)
    assert_same(live, site)
    assert "events/zz-new-event.html" not in live.files

    renamed.unlink()
    update(live, renamed)
    assert_same(live, site)
    assert "events/zz-other-id.html" not in live.files

    src = first(sources)
    edit_page(src, title="来源新标题", outlet_name="新媒体")  # shown on citing events and the index
    update(live, src, viewed=viewed)
    assert_same(live, site)

    cited = frontmatter.read(first(events, 3))  # drop a citation: the source page's list changes
    cited.data["sources"] = cited.data["sources"][:1]
    first(events, 3).write_text(frontmatter.dump(cited.data, cited.body + "\n\n多一段。"), encoding="utf-8")
    update(live, first(events, 3))
    assert_same(live, site)

    extra = sources / "zz-extra-source.md"
    page = frontmatter.read(src)
    page.data.update(id="zz-extra-source")
    extra.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
    update(live, extra)
    assert_same(live, site)
    extra.unlink()
    update(live, extra)
    assert_same(live, site)
    assert "sources/zz-extra-source.html" not in live.files


def test_settings_templates_and_stylesheets(site: Path) -> None:
    live = LiveBuild(site)
    live.build_all()
    config = site / "content" / "site.toml"
    config.write_text(config.read_text(encoding="utf-8").replace("title =", 'title = "新标题"\n#'), "utf-8")
    update(live, config)
    assert_same(live, site)
    assert "新标题".encode() in live.files["events.json"]

    templates = site / "templates"
    templates.mkdir()
    not_found = templates / "404.html"
    not_found.write_text(
        (CHECKOUT_THEMES / "default" / "templates" / "404.html")
        .read_text("utf-8")
        .replace("<h1", '<h1 class="x"'),
        "utf-8",
    )
    update(live, not_found)
    assert_same(live, site)
    assert b'<h1 class="x"' in live.files["404.html"]

    static = site / "static"
    static.mkdir()
    css = static / "style.css"
    css.write_text((CHECKOUT_THEMES / "default" / "static" / "style.css").read_text("utf-8"), "utf-8")
    update(live, css)
    assert_same(live, site)
    css.write_text(css.read_text("utf-8") + "\nbody { color: red; }\n", "utf-8")
    batches = update(live, css, viewed={"index.html"})
    assert_same(live, site)
    swaps = batches[0].css
    assert len(swaps) == 1
    ((old, new),) = swaps.items()
    assert old.endswith(".css") and new in live.files and old not in live.files
    assert b"color: red" in live.files[new]
    assert new in batches[0].changed  # the stylesheet is published in the first stage


def test_errors_keep_the_last_good_site_and_fixing_them_catches_up(site: Path) -> None:
    live = LiveBuild(site)
    live.build_all()
    events = site / "content" / "events"
    ev, other = first(events), first(events, 1)
    original, other_original = ev.read_text("utf-8"), other.read_text("utf-8")
    edit_page(ev, title="先改标题")
    update(live, ev)
    good = dict(live.files)

    ev.write_text(original.replace("title:", "title: a: b", 1), "utf-8")  # broken YAML on line 3
    with pytest.raises(BuildError) as err:
        update(live, ev)
    assert (err.value.problems[0].path, err.value.problems[0].line) == (ev.relative_to(site), 3)
    assert live.files == good

    edit_page(other, sources=[{"id": "no-such-source", "quote": "x"}])
    with pytest.raises(BuildError) as err:
        update(live, other)
    assert any("unknown source id 'no-such-source'" in p.message for p in err.value.problems)
    assert live.files == good

    ev.write_text(original, "utf-8")  # both fixed: everything edited meanwhile shows
    other.write_text(other_original.replace("title: ", "title: 也改了", 1), "utf-8")
    update(live, ev, other)
    assert_same(live, site)
    assert (
        "也改了".encode() in live.files["index.html"] and "先改标题".encode() not in live.files["index.html"]
    )


# -- the generic mechanism -------------------------------------------------------------------
def test_only_affected_items_are_rendered_and_undeclared_outputs_always(site: Path) -> None:
    rendered: list[str] = []
    undeclared_runs: list[int] = []

    def marker_page(ctx: BuildContext, event) -> tuple[str, bytes]:
        rendered.append(event.id)
        return f"marks/{event.id}.txt", event.title.encode()

    @each("event", render=marker_page)
    def marker_pages(ctx: BuildContext) -> Iterator[tuple[str, bytes]]:
        for event in ctx.site.events.values():
            yield marker_page(ctx, event)

    def titles(ctx: BuildContext) -> Iterator[tuple[str, bytes]]:  # no declaration
        undeclared_runs.append(1)
        yield "titles.txt", "\n".join(e.title for e in ctx.site.timeline()).encode()

    @reads("source")
    def outlets(ctx: BuildContext) -> Iterator[tuple[str, bytes]]:
        yield "outlets.txt", "\n".join(sorted(s.outlet_name for s in ctx.site.sources.values())).encode()

    outputs = (*OUTPUTS, marker_pages, titles, outlets)
    live = LiveBuild(site, outputs=outputs)
    live.build_all()
    assert len(rendered) == len(list((site / "content" / "events").glob("*.md")))
    assert len(undeclared_runs) == 1
    rendered.clear()

    ev = first(site / "content" / "events", 4)
    edit_page(ev, title="只改这一个")
    batches = update(live, ev)
    assert rendered == [frontmatter.read(ev).data["id"]]
    assert len(undeclared_runs) == 2
    changed = set().union(*(b.changed for b in batches))
    assert "outlets.txt" not in changed and "titles.txt" in changed
    assert_same(live, site, outputs)

    src = first(site / "content" / "sources", 2)
    edit_page(src, outlet_name="另一家")
    rendered.clear()
    update(live, src)
    assert rendered == []  # marker pages do not show sources (no `also`)
    assert_same(live, site, outputs)
    assert "另一家".encode() in live.files["outlets.txt"]


def test_unknown_kinds_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown item kind"):
        reads("pages")


def test_an_update_stopped_half_way_is_caught_up(site: Path) -> None:
    """``serve`` stops an update between stages when a newer save waits; the next one catches up."""
    live = LiveBuild(site)
    live.build_all()
    events = site / "content" / "events"
    page = frontmatter.read(first(events, 3))
    page.data.update(id="zz-half-way", title="只渲染了一半")
    added = events / "zz-half-way.md"
    added.write_text(frontmatter.dump(page.data, ""), encoding="utf-8")
    stages = live.update([added])
    published = next(stages)  # the item pages go first (the new page, its neighbours) ...
    assert "events/zz-half-way.html" in published.changed and not published.final
    stages.close()  # ... then a newer save cut in
    moved = events / "zz-moved.md"
    added.rename(moved)
    edit_page(moved, id="zz-moved", date="2025-06-01", precision="day")
    update(live, added, moved)
    assert_same(live, site)
    assert "events/zz-half-way.html" not in live.files
