"""``sitegen build``: content/ rendered into a static site.

The build never writes into the live output folder: everything is rendered
into a staging folder beside it and swapped in at the end, so a failed or
killed build leaves the last good site in place.

What is written is listed once, in `OUTPUTS` (order as data): each entry is a
function that yields ``(path, bytes)`` pairs for the site.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..cache import Cache, Table, code_version
from ..config import SiteConfig
from ..content import Event, Site, Source, load_site
from ..errors import ContentError, Problem
from ..fsutil import staging_dir, swap_in
from ..progress import Progress
from .theme import Assets, collect_assets, load_strings, make_env


class BuildError(Exception):
    """The content has errors; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self) -> tuple:  # rebuilt from its problems (a child process sends it whole)
        return (BuildError, (self.problems,))


@dataclass
class BuildContext:
    site: Site
    config: SiteConfig
    env: jinja2.Environment
    assets: Assets
    strings: dict[str, str]
    base_url: str = ""
    extra_head: str = ""  # e.g. the dev server's reload script; never set by `sitegen build`
    caches: dict = field(default_factory=dict)  # memos for this build only
    memo: dict = field(default_factory=dict)  # pieces kept between serve's updates (`fragments`)
    pieces_version: str = ""  # what pieces depend on besides pages; set: keep them on disk too
    cache: Cache | None = None  # the site's on-disk cache (`sitegen.cache`), kept between builds

    @property
    def lang(self) -> str:
        return self.config.lang_short


Output = tuple[str, bytes]


def normalise_base_url(url: str | None) -> str:
    """``https://x.org/tl`` -> ``https://x.org/tl/``; empty stays empty."""
    if not url:
        return ""
    return url if url.endswith("/") else url + "/"


def prepare(config: SiteConfig, base_url: str | None = None) -> BuildContext:
    """Load and check content, set up templates; raises BuildError on content errors."""
    return make_context(load_site(config), base_url)


def make_context(
    site: Site, base_url: str | None = None, *, extra_head: str = "", reuse: BuildContext | None = None
) -> BuildContext:
    """The context to render ``site`` with; raises BuildError if the site has errors.

    ``reuse``: a context whose templates, static files and strings are still current
    (``sitegen serve`` after a content-only change) - they are not read again.
    """
    if site.errors:
        raise BuildError(site.errors)
    config = site.config
    if reuse is not None:
        env, assets, strings = reuse.env, reuse.assets, reuse.strings
    else:
        try:
            env = make_env(config)
            assets = collect_assets(config)
            strings = load_strings(config)
        except ContentError as exc:
            raise BuildError([exc.problem]) from None
    ctx = BuildContext(
        site=site,
        config=config,
        env=env,
        assets=assets,
        strings=strings,
        base_url=normalise_base_url(base_url if base_url is not None else config.base_url),
        extra_head=extra_head,
        memo=reuse.memo if reuse is not None else {},
    )
    from . import about, seo, topics
    from .pages import install_helpers

    install_helpers(ctx)
    seo.install_helpers(ctx)
    about.install_helpers(ctx)
    topics.install_helpers(ctx)
    return ctx


def render_all(
    ctx: BuildContext, outputs: tuple[Callable, ...] | None = None, progress: Progress | None = None
) -> dict[str, bytes]:
    """Every output file of the site, in memory (``outputs``: default `OUTPUTS`)."""
    from .outputs import OUTPUTS

    if ctx.cache is not None and ctx.cache.enabled:
        prerender_bodies(ctx)
    files: dict[str, bytes] = {}
    chosen = OUTPUTS if outputs is None else outputs
    expected = len(ctx.site.events) + len(ctx.site.sources) + len(ctx.assets.files) + len(chosen)
    with (progress or Progress(enabled=False)).stage("Rendering", expected) as advance:
        for produce in chosen:
            for rel, data in _guard(produce, ctx):
                files[rel] = data
                advance(1)
    return files


def cache_table(ctx: BuildContext, name: str, *modules: str) -> Table:
    """A table of the on-disk cache, opened once per build (its values computed by ``modules``)."""
    assert ctx.cache is not None
    tables = ctx.caches.setdefault("tables", {})
    if name not in tables:
        tables[name] = ctx.cache.table(name, code_version(*modules))
    return tables[name]


def prerender_bodies(ctx: BuildContext, sources: Iterable[Source] | None = None) -> None:
    """Render every source body (with its quotes marked) at once, reusing the on-disk cache.

    Fills the per-build memo that `pages.source_body` reads; the result is a
    pure function of the body's Markdown and the quotes taken from it.
    ``sources``: only these (default: all).
    """
    from markupsafe import Markup

    from .pages import body_with_anchors, source_quotes

    table = cache_table(ctx, "body-html", "sitegen.markdown", "sitegen.build.pages")
    chosen = ctx.site.sources.values() if sources is None else sources
    work = [(src, source_quotes(ctx, src)) for src in chosen]

    def render(item: tuple[Source, dict[str, str]]) -> list:
        html, placed = body_with_anchors(item[0].body, item[1])
        return [str(html), sorted(placed)]

    def key(item: tuple[Source, dict[str, str]]) -> str:
        return json.dumps([item[0].body_key(), item[1]], ensure_ascii=False, sort_keys=True)

    rendered = table.map(render, work, key=key)
    memo = ctx.caches.setdefault("bodies", {})
    for (src, _), (html, placed) in zip(work, rendered, strict=True):
        memo[src.id] = (Markup(html), set(placed))


def prefetch_anchors(ctx: BuildContext, events: Iterable[Event] | None = None) -> None:
    """Find the paragraph of every quote of ``events`` (default: all) in its source at once,
    reusing the on-disk cache.

    Fills the per-build memo that `pages.quote_anchor` reads (a pure function of the
    source's body and the quote), so that a build after an edit parses no unchanged body.
    """
    from .pages import paragraph_anchor

    table = cache_table(ctx, "quote-anchor", "sitegen.markdown", "sitegen.build.pages")
    sources = ctx.site.sources
    known = ctx.caches.setdefault("anchor-of", {})
    chosen = ctx.site.events.values() if events is None else events
    asked = list(dict.fromkeys((c.source, c.quote) for e in chosen for c in e.sources if c.quote))
    asked = [(sid, quote) for sid, quote in asked if sid in sources and (sid, quote) not in known]
    if not asked:
        return
    blocks = ctx.caches.setdefault("anchors", {})
    found = table.map(
        lambda k: paragraph_anchor(sources[k[0]], k[1], blocks),
        asked,
        key=lambda k: json.dumps([sources[k[0]].body_key(), k[1]], ensure_ascii=False),
    )
    ctx.caches.setdefault("anchor-of", {}).update(zip(asked, found, strict=True))


def _guard(produce: Callable[[BuildContext], Iterator[Output]], ctx: BuildContext) -> Iterator[Output]:
    try:
        yield from produce(ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(
            [Problem(exc.filename or exc.name or "template", exc.lineno, exc.message or "")]
        ) from None
    except jinja2.TemplateError as exc:
        raise BuildError([Problem(_template_where(exc), _template_line(exc), str(exc))]) from None


def _template_where(exc: Exception) -> str:
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".json", ".txt", ".svg")):
            return frame.filename
    return "template"


def _template_line(exc: Exception) -> int | None:
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".json", ".txt", ".svg")):
            return frame.lineno
    return None


def write_tree(files: dict[str, bytes], out: Path) -> None:
    """Write ``files`` into a staging folder and swap it in place of ``out``."""
    staged = staging_dir(out)
    try:
        made: set[str] = set()
        for rel, data in sorted(files.items()):
            folder = rel.rpartition("/")[0]
            if folder and folder not in made:
                (staged / folder).mkdir(parents=True, exist_ok=True)
                made.add(folder)
            with open(os.path.join(staged, rel), "wb") as fh:
                fh.write(data)
        swap_in(staged, out)
    except BaseException:
        import shutil

        shutil.rmtree(staged, ignore_errors=True)
        raise


from .rebuild import BuildResult, build  # noqa: E402  (uses the names above)

__all__ = [
    "BuildContext",
    "BuildError",
    "BuildResult",
    "Output",
    "build",
    "make_context",
    "prepare",
    "render_all",
]
