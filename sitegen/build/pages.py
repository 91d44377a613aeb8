"""HTML pages: the timeline, one page per event, one per source, the source list, 404.

Every link between pages is relative (``../sources/x.html``), so the site works
from any sub-path and when opened from disk (``file://``); absolute URLs are
used only where a standard needs them (canonical links, feeds, sitemap) and
only when a base URL is known.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

import jinja2
from markupsafe import Markup

from ..content import Event, Source
from ..dates import PRECISIONS, When
from ..markdown import plain_text, quote_form, render, tokens
from . import BuildContext, Output


# -- template helpers ------------------------------------------------------------
def install_helpers(ctx: BuildContext) -> None:
    env = ctx.env
    strings = ctx.strings

    def t(key: str, **kw: object) -> str:
        text = strings.get(key, key)
        return text.format(**kw) if kw else text

    @jinja2.pass_context
    def url(jctx: jinja2.runtime.Context, path: str = "") -> str:
        return jctx["root"] + path

    @jinja2.pass_context
    def asset(jctx: jinja2.runtime.Context, name: str) -> str:
        return jctx["root"] + ctx.assets.url(name)

    def when_label(when: When, lang: str | None = None) -> str:
        return when.label(lang or ctx.lang)

    def published_label(src: Source) -> str:
        return published_text(src, ctx.lang)

    env.globals.update(
        t=t,
        url=url,
        asset=asset,
        site=ctx.config,
        lang=ctx.lang,
        base_url=ctx.base_url,
    )
    env.filters["when"] = when_label
    env.filters["published"] = published_label
    env.filters["markdown"] = lambda text: Markup(render(text or ""))
    env.filters["iso"] = lambda dt: dt.isoformat()


def published_text(src: Source, lang: str) -> str:
    p = src.published
    if src.published_precision == "day":
        return When(p, "day").label(lang)
    if lang == "en":
        return f"{p.day} {p:%b} {p.year}, {p:%H:%M}"
    return f"{p.year}年{p.month}月{p.day}日 {p:%H:%M}"


def render_page(
    ctx: BuildContext, template: str, rel: str, *, root: str | None = None, **values: object
) -> Output:
    """Render ``template`` as the page at ``rel``; links are relative to it unless ``root`` is given."""
    if root is None:
        root = "../" * rel.count("/")
    from .seo import canonical_url

    canonical = canonical_url(ctx, rel)
    html = ctx.env.get_template(template).render(
        root=root,
        page_path=rel,
        canonical=canonical,
        extra_head=Markup(ctx.extra_head),
        **values,
    )
    return rel, html.encode("utf-8")


# -- view models -------------------------------------------------------------------
@dataclass
class Group:
    """Events that share a heading on the timeline (a day, or a coarser date)."""

    key: str
    label: str
    iso: str
    events: list[Event]


def group_events(events: list[Event], lang: str) -> list[Group]:
    groups: list[Group] = []
    day = PRECISIONS.index("day")
    for e in events:
        w = e.when
        if PRECISIONS.index(w.precision) >= day and not w.is_range:
            head = When(w.start.replace(hour=0, minute=0), "day", approximate=w.approximate)
        else:
            head = w
        key = (
            head.iso()
            + ("~" + (head.until_iso() or "") if head.is_range else "")
            + ("?" if head.approximate else "")
        )
        if groups and groups[-1].key == key:
            groups[-1].events.append(e)
        else:
            groups.append(Group(key, head.label(lang), head.iso(), [e]))
    return groups


def time_of_day(when: When, lang: str) -> str:
    """The part of the label finer than the day (``晚8点``), empty if none."""
    if when.precision not in ("part-of-day", "hour", "minute") or when.is_range:
        return ""
    full = when.label(lang)
    day = When(when.start.replace(hour=0, minute=0), "day").label(lang)
    rest = full.replace("约", "").replace("c. ", "").removeprefix(day)
    return rest.strip(" ,")


def paragraph_anchor(src: Source, quote: str, cache: dict) -> str:
    """``p-3``: the paragraph of the source page that holds ``quote`` (empty if none)."""
    blocks = cache.get(src.id)
    if blocks is None:
        blocks = [quote_form(b) for b in plain_text(src.body).split("\n\n")]
        cache[src.id] = blocks
    q = quote_form(quote)
    for i, block in enumerate(blocks, 1):
        if q and q in block:
            return f"p-{i}"
    return ""


def body_with_anchors(text: str) -> Markup:
    """Render a source body giving each block an id ``p-N`` (quotes link to it)."""
    from ..markdown import _parser

    md = _parser()
    toks = tokens(text)
    n = 0
    for i, tok in enumerate(toks):
        if tok.type != "inline":
            continue
        n += 1
        j = i - 1
        target = toks[j]
        if target.hidden:  # a paragraph inside a tight list item: tag the item
            while j > 0 and toks[j].type != "list_item_open":
                j -= 1
            target = toks[j]
        target.attrSet("id", f"p-{n}")
    return Markup(md.renderer.render(toks, md.options, {}))


def quote_id(event_id: str, source_id: str) -> str:
    return "q-" + hashlib.sha1(f"{event_id}|{source_id}".encode()).hexdigest()[:8]


# -- pages --------------------------------------------------------------------------
def index_page(ctx: BuildContext) -> Iterator[Output]:
    site = ctx.site
    timeline = site.timeline()
    yield render_page(
        ctx,
        "index.html",
        "index.html",
        groups=group_events(timeline, ctx.lang),
        events=timeline,
        sources=site.sources,
        time_of_day=lambda w: time_of_day(w, ctx.lang),
        page_title="",
    )


def event_pages(ctx: BuildContext) -> Iterator[Output]:
    for event in ctx.site.events.values():
        yield event_page(ctx, event)


def event_page(ctx: BuildContext, event: Event) -> Output:
    cache = ctx.caches.setdefault("anchors", {})
    cited = []
    for c in event.sources:
        src = ctx.site.sources[c.source]
        cited.append({"source": src, "quote": c.quote, "anchor": paragraph_anchor(src, c.quote, cache)})
    return render_page(
        ctx,
        "event.html",
        f"events/{event.id}.html",
        event=event,
        cited=cited,
        page_title=event.title,
    )


def source_pages(ctx: BuildContext) -> Iterator[Output]:
    for src in ctx.site.sources.values():
        yield source_page(ctx, src)


def source_page(ctx: BuildContext, src: Source) -> Output:
    return render_page(
        ctx,
        "source.html",
        f"sources/{src.id}.html",
        source=src,
        body=body_with_anchors(src.body),
        citing=_citations(ctx).get(src.id, []),
        page_title=src.title,
    )


def _citations(ctx: BuildContext) -> dict[str, list[Event]]:
    """Computed once per build (a per-source scan would make the build quadratic)."""
    if "citations" not in ctx.caches:
        ctx.caches["citations"] = ctx.site.citations()
    return ctx.caches["citations"]


def sources_index(ctx: BuildContext) -> Iterator[Output]:
    ordered = sorted(ctx.site.sources.values(), key=lambda s: (s.published, s.id))
    yield render_page(
        ctx,
        "sources.html",
        "sources/index.html",
        on_topic=[s for s in ordered if s.on_topic],
        off_topic=[s for s in ordered if not s.on_topic],
        page_title=ctx.strings.get("all_sources", "Sources"),
    )


def not_found_page(ctx: BuildContext) -> Iterator[Output]:
    """404 is served at any depth, so its links start from the site's root path."""
    from urllib.parse import urlsplit

    root = urlsplit(ctx.base_url).path or "/"
    yield render_page(ctx, "404.html", "404.html", root=root, page_title=ctx.strings.get("not_found", "404"))


def static_files(ctx: BuildContext) -> Iterator[Output]:
    yield from sorted(ctx.assets.files.items())
