"""HTML pages: the timeline, one page per event, one per source, the source list, 404.

Every link between pages is relative (``../sources/x.html``), so the site works
from any sub-path and when opened from disk (``file://``); absolute URLs are
used only where a standard needs them (canonical links, feeds, sitemap) and
only when a base URL is known.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import cache

import jinja2
from markupsafe import Markup, escape

from ...core.dates import When
from ...core.markdown import plain_text, render
from ...core.model import Event, Source
from ...ingest.clean import detect_lang
from ..context import BuildContext, Output
from ..incremental.depends import (
    also_any,
    cited_ids,
    each,
    events_citing,
    reads,
    sources_cited,
    timeline_neighbours,
)
from .coverage import coverage
from .fragments import pieces
from .links import canonical_url
from .quotes import event_anchors, quote_target, source_body
from .theme import Clean
from .timeline import Section, is_vague, sections, time_of_day


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

    def lang_attr(code: str | None) -> Markup:
        """`` lang="en"`` when ``code`` differs from the page's language, else nothing."""
        if not code or code.split("-")[0].lower() == ctx.lang:
            return Markup("")
        return Markup(' lang="{}"').format(escape(code))

    langs: dict[str, str] = {}
    env.globals.update(
        t=t,
        url=url,
        asset=asset,
        site=ctx.config,
        lang=ctx.lang,
        base_url=ctx.base_url,
        time_of_day=lambda w: time_of_day(w, ctx.lang),
        is_vague=is_vague,
        event_lang=lambda e: langs[e.id] if e.id in langs else langs.setdefault(e.id, event_lang(e)),
        text_lang=text_lang,
    )
    env.filters["lang_attr"] = lang_attr
    env.filters["when"] = when_label
    env.filters["published"] = published_label
    env.filters["markdown"] = lambda text: Markup(render(text or ""))
    env.filters["iso"] = lambda dt: dt.isoformat()


def published_text(src: Source, lang: str) -> str:
    """When a source was published, as its pages show it (a page shows it two or three times):
    made once per local time shown (the fields it reads, not the instant, which may be another
    offset's)."""
    p = src.published
    return _published_label(p.year, p.month, p.day, p.hour, p.minute, src.published_precision, lang)


@cache  # one entry per local minute sources were published in (a page shows one 2-3 times, the lists all)
def _published_label(
    year: int, month: int, day: int, hour: int, minute: int, precision: str, lang: str
) -> str:
    p = datetime(year, month, day, hour, minute, tzinfo=UTC)  # the label reads the fields only
    if precision == "day":
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


def text_lang(text: str, default: str = "zh") -> str:
    """``en`` for text that is mostly Latin letters, ``zh`` for text with Chinese in it
    (``default`` when it has neither). One rule for the whole pipeline: `clean.detect_lang`."""
    if not re.search(r"[^\W\d_]", text):
        return default
    return detect_lang(text)


def event_lang(event: Event) -> str:
    return text_lang(event.title + " " + plain_text(event.summary or ""), event.lang)


def citing(ctx: BuildContext, source_id: str) -> list[Event]:
    """Events that cite a source, in timeline order (one pass over the timeline per build)."""
    index = ctx.caches.citing
    if index is None:
        index = ctx.caches.citing = {}
        for e in ctx.site.timeline():
            for sid in dict.fromkeys(c.source for c in e.sources):
                index.setdefault(sid, []).append(e)
    return index.get(source_id, [])


def describe(text: str, limit: int = 150, *, plain: str | None = None) -> str:
    """A page description: the first ``limit`` characters of plain text, whitespace folded.

    ``plain``: the plain text of all of ``text`` when it is known (a source's: `Source.text`).
    """
    start = (text or "")[: limit * 4]  # the start is enough to read from
    text = plain if plain is not None and len(start) == len(text or "") else plain_text(start)
    text = " ".join(text.split())  # `normalise_ws`, in one pass (split where ``\s`` matches)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# -- pages --------------------------------------------------------------------------
@reads("event", "source")
def index_page(ctx: BuildContext) -> Iterator[Output]:
    site = ctx.site
    timeline = site.timeline()
    secs = sections(timeline, ctx.lang)
    chart = coverage(timeline, list(site.sources.values()), ctx.config.tz, ctx.lang)
    shown = _anchors(secs)
    for b in chart.bins:
        if b.anchor not in shown:
            b.anchor = ""
    yield render_page(
        ctx,
        "index.html",
        "index.html",
        sections=secs,
        timeline_html=timeline_html(ctx, secs),
        events=timeline,
        sources=site.sources,
        coverage=chart,
        page_title="",
        page_description=ctx.config.description,
    )


def timeline_html(ctx: BuildContext, secs: list[Section]) -> Markup:
    """The timeline's headings and events (``_timeline.html``), each piece made once and kept while what
    it shows is the same (`fragments`): an edit renders one entry and the headings above it again."""
    module = ctx.env.get_template("_timeline.html").make_module({"root": ""})  # the timeline is at the root
    codec = (str, Clean)
    entries_table = pieces(ctx, "timeline-entry", codec)
    sections_table = pieces(ctx, "timeline-section", codec)
    sources = ctx.site.sources
    levels: list[list[Section]] = []  # sections by depth

    def collect(secs: list[Section]) -> None:
        for sec in secs:
            while len(levels) <= sec.depth:
                levels.append([])
            levels[sec.depth].append(sec)
            collect(sec.children)

    collect(secs)
    requests = []
    for sec in (sec for level in levels for sec in level):
        level = 4 + sec.depth  # the entries' headings sit one below their section's
        for e in sec.events:
            cited = tuple(sources[c.source] for c in e.sources)
            requests.append(
                (
                    (e, *cited),
                    level,
                    lambda e=e, level=level, cited=cited: Clean(module.entry(e, level, cited)),
                )
            )
    entries = dict(zip((r[0][0].id for r in requests), entries_table.many(requests), strict=True))
    made: dict[str, Markup] = {}  # anchor -> the section's HTML, deepest first
    for level in reversed(levels):
        requests = []
        for sec in level:
            mine = {e.id: entries[e.id] for e in sec.events}
            inner = {child.anchor: made[child.anchor] for child in sec.children}
            shown = (sec.kind, sec.anchor, sec.depth, sec.label, sec.when, sec.when.iso(), tuple(inner))
            requests.append(
                (
                    (*mine.values(), *inner.values()),
                    shown,
                    lambda sec=sec, mine=mine, inner=inner: Clean(module.section(sec, mine, inner)),
                )
            )
        made.update(zip((sec.anchor for sec in level), sections_table.many(requests), strict=True))
    return Clean("".join(made[sec.anchor] for sec in secs))


def _anchors(secs: list[Section]) -> set[str]:
    out: set[str] = set()
    for sec in secs:
        out.add(sec.anchor)
        out |= _anchors(sec.children)
    return out


@each(
    "event",
    render=lambda ctx, event: event_page(ctx, event),
    also=also_any(events_citing, timeline_neighbours),  # cited sources; previous and next event
)
def event_pages(ctx: BuildContext) -> Iterator[Output]:
    for event in ctx.site.events.values():
        yield event_page(ctx, event)


def neighbours(ctx: BuildContext, event: Event) -> tuple[Event | None, Event | None]:
    """The events just before and after ``event`` on the timeline."""
    order = ctx.caches.order
    if order is None:
        timeline = ctx.site.timeline()
        order = ctx.caches.order = (timeline, {e.id: i for i, e in enumerate(timeline)})
    timeline, index = order
    i = index[event.id]
    return (timeline[i - 1] if i > 0 else None, timeline[i + 1] if i + 1 < len(timeline) else None)


def event_page(ctx: BuildContext, event: Event) -> Output:
    event_anchors(ctx, event)
    cited = []
    for c in event.sources:
        src = ctx.site.sources[c.source]
        anchor = quote_target(ctx, event, src, c.quote) if c.quote else ""
        cited.append({"source": src, "quote": c.quote, "anchor": anchor})
    return render_page(
        ctx,
        "event.html",
        f"events/{event.id}.html",
        event=event,
        cited=cited,
        previous=neighbours(ctx, event)[0],
        next=neighbours(ctx, event)[1],
        page_title=event.title,
        page_description=describe(event.summary) or f"{event.when.label(ctx.lang)}: {event.title}",
    )


@each("source", render=lambda ctx, src: source_page(ctx, src), also=sources_cited)
def source_pages(ctx: BuildContext) -> Iterator[Output]:
    for src in ctx.site.sources.values():
        yield source_page(ctx, src)


def source_page(ctx: BuildContext, src: Source) -> Output:
    body, _ = source_body(ctx, src)
    return render_page(
        ctx,
        "source.html",
        f"sources/{src.id}.html",
        source=src,
        body=body,
        citing=citing(ctx, src.id),
        page_title=src.title,
        page_description=describe(src.body, plain=src.text) or src.title,
    )


@reads("event", "source", shows={"event": cited_ids})  # of events: how many cite each source
def sources_index(ctx: BuildContext) -> Iterator[Output]:
    """The source list twice, server-rendered: by publication time and by outlet (no script needed)."""
    by_time = sorted(ctx.site.sources.values(), key=lambda s: (s.published, s.id))
    by_outlet = sorted(by_time, key=lambda s: (s.outlet_name.casefold(), s.published, s.id))
    cites = {s.id: len(citing(ctx, s.id)) for s in by_time}
    orders = (("sources/index.html", "time", by_time), ("sources/outlets.html", "outlet", by_outlet))
    for rel, order, ordered in orders:
        yield render_page(
            ctx,
            "sources.html",
            rel,
            order=order,
            on_topic=[s for s in ordered if s.on_topic],
            off_topic=[s for s in ordered if not s.on_topic],
            cites=cites,
            page_title=ctx.strings.get("all_sources", "Sources"),
            page_description=ctx.config.description,
        )


@reads()
def not_found_page(ctx: BuildContext) -> Iterator[Output]:
    """404 is served at any depth, so its links start from the site's root path."""
    from urllib.parse import urlsplit

    root = urlsplit(ctx.base_url).path or "/"
    yield render_page(
        ctx,
        "404.html",
        "404.html",
        root=root,
        page_title=ctx.strings.get("not_found", "404"),
        page_description="",
    )


@reads()
def static_files(ctx: BuildContext) -> Iterator[Output]:
    yield from sorted(ctx.assets.files.items())
