"""HTML pages: the timeline, one page per event, one per source, the source list, 404.

Every link between pages is relative (``../sources/x.html``), so the site works
from any sub-path and when opened from disk (``file://``); absolute URLs are
used only where a standard needs them (canonical links, feeds, sitemap) and
only when a base URL is known.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

import jinja2
from markdown_it.token import Token
from markupsafe import Markup, escape

from ..clean import detect_lang
from ..content import Event, Source
from ..dates import When
from ..markdown import normalise_ws, plain_text, quote_form, render, tokens
from . import BuildContext, Output
from .coverage import coverage
from .depends import also_any, each, events_citing, reads, sources_cited, timeline_neighbours
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


def text_lang(text: str, default: str = "zh") -> str:
    """``en`` for text that is mostly Latin letters, ``zh`` for text with Chinese in it
    (``default`` when it has neither). One rule for the whole pipeline: `clean.detect_lang`."""
    if not re.search(r"[^\W\d_]", text):
        return default
    return detect_lang(text)


def event_lang(event: Event) -> str:
    return text_lang(event.title + " " + plain_text(event.summary or ""), event.lang)


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


def body_with_anchors(text: str, quotes: dict[str, str] | None = None) -> tuple[Markup, set[str]]:
    """Render a source body giving each block an id ``p-N`` (quotes link to it).

    ``quotes`` maps a mark id to a quoted passage: each passage found inside
    one run of text is wrapped in ``<mark id=…>`` so a link can point at the
    quote itself.  Returns the HTML and the ids of the marks placed.
    """
    from ..markdown import _parser

    md = _parser()
    toks = tokens(text)
    placed: set[str] = set()
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
        if quotes and tok.children:
            tok.children = _mark_quotes(tok.children, quotes, placed)
    return Markup(md.renderer.render(toks, md.options, {})), placed


def _mark_quotes(children: list[Token], quotes: dict[str, str], placed: set[str]) -> list[Token]:
    children = _join_text(children)
    for qid, quote in quotes.items():
        if qid in placed or not quote_form(quote):
            continue
        pattern = _quote_pattern(quote)
        for k, child in enumerate(children):
            m = pattern.search(child.content) if child.type == "text" else None
            if m is None:
                continue
            text = child.content
            children[k : k + 1] = [
                Token("text", "", 0, content=text[: m.start()]),
                Token("mark_open", "mark", 1, attrs={"id": qid}),
                Token("text", "", 0, content=m.group(0)),
                Token("mark_close", "mark", -1),
                Token("text", "", 0, content=text[m.end() :]),
            ]
            placed.add(qid)
            break
    return children


def _join_text(children: list[Token]) -> list[Token]:
    """Runs of text and soft line breaks as one text token (renders the same), so a quote that
    spans a line break in the Markdown can be marked."""
    out: list[Token] = []
    joining = False
    for child in children:
        if child.type not in ("text", "softbreak"):
            out.append(child)
            joining = False
            continue
        content = "\n" if child.type == "softbreak" else child.content
        if joining:
            out[-1].content += content
        else:
            out.append(Token("text", "", 0, content=content))
            joining = True
    return out


def _quote_pattern(quote: str) -> re.Pattern[str]:
    """Finds ``quote`` in text the way quotes are checked (`quote_form`): whitespace may differ,
    and spaces beside Chinese characters may be there or not."""
    parts: list[str] = []
    for ch in quote_form(quote):
        if ch == " ":
            parts.append(r"\s+")
        else:
            if parts and parts[-1] != r"\s+":
                parts.append(r"\s*")
            parts.append(re.escape(ch))
    return re.compile("".join(parts))


def quote_id(event_id: str, source_id: str) -> str:
    return "q-" + hashlib.sha1(f"{event_id}|{source_id}".encode()).hexdigest()[:8]


def citing(ctx: BuildContext, source_id: str) -> list[Event]:
    """Events that cite a source, in timeline order (one pass over the timeline per build)."""
    index = ctx.caches.get("citing")
    if index is None:
        index = ctx.caches["citing"] = {}
        for e in ctx.site.timeline():
            for sid in dict.fromkeys(c.source for c in e.sources):
                index.setdefault(sid, []).append(e)
    return index.get(source_id, [])


def source_body(ctx: BuildContext, src: Source) -> tuple[Markup, set[str]]:
    """The source page's body with every quote that an event takes from it marked (cached)."""
    cache = ctx.caches.setdefault("bodies", {})
    if src.id not in cache:
        cache[src.id] = body_with_anchors(src.body, source_quotes(ctx, src))
    return cache[src.id]


def source_quotes(ctx: BuildContext, src: Source) -> dict[str, str]:
    """Mark id -> passage, for every quote that an event takes from ``src``."""
    return {
        quote_id(e.id, src.id): c.quote
        for e in citing(ctx, src.id)
        for c in e.sources
        if c.source == src.id and c.quote
    }


def quote_target(ctx: BuildContext, event: Event, src: Source, quote: str) -> str:
    """Where a quote's link points in the source page: the marked quote, else its paragraph."""
    _, placed = source_body(ctx, src)
    qid = quote_id(event.id, src.id)
    if qid in placed:
        return qid
    return paragraph_anchor(src, quote, ctx.caches.setdefault("anchors", {}))


def describe(text: str, limit: int = 150) -> str:
    """A page description: the first ``limit`` characters of plain text, whitespace folded."""
    text = normalise_ws(plain_text((text or "")[: limit * 4]))  # the start is enough to read from
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
        events=timeline,
        sources=site.sources,
        coverage=chart,
        page_title="",
        page_description=ctx.config.description,
    )


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
    order = ctx.caches.get("order")
    if order is None:
        timeline = ctx.site.timeline()
        order = ctx.caches["order"] = (timeline, {e.id: i for i, e in enumerate(timeline)})
    timeline, index = order
    i = index[event.id]
    return (timeline[i - 1] if i > 0 else None, timeline[i + 1] if i + 1 < len(timeline) else None)


def event_page(ctx: BuildContext, event: Event) -> Output:
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
        page_description=describe(src.body) or src.title,
    )


@reads("event", "source")  # how many events cite each source
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
