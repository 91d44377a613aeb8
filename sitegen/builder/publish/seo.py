"""Discovery: page metadata (Open Graph, Twitter, schema.org JSON-LD), ``sitemap.xml``,
``robots.txt`` and the canonical link.

`page_meta` is what ``themes/default/templates/_meta.html`` shows in each page's
``<head>``.  It finds the page's subject from the page's path (``events/<id>.html``
is that event), so templates need not pass anything.

schema.org types: an event page is an ``Event`` (its reports as ``subjectOf``
``NewsArticle`` items), a source page a ``NewsArticle``, the timeline and the
source list an ``ItemList``.  An event's ``startDate`` is its date at the
precision the sources give (``2009``, ``2024-05``, ``2024-05-17``); ranges add
``endDate``; approximate dates ("约2013年") get no machine-readable date at all,
since schema.org cannot say "about".  An event's places are its ``location`` (``Place``
items); it has none when its sources name none.

Without an absolute base URL there is no sitemap (it requires absolute URLs),
no canonical link and no ``og:url``; ``robots.txt`` is written either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from ...core.model import Event, Source, _published_iso
from ..context import BuildContext, Output
from ..incremental.depends import reads, timeline_place
from ..names import listed_kinds
from ..render.links import NOT_FOUND, absolute_base, canonical_url, page_url
from ..render.pages import published_text
from ..render.theme import drop_forbidden
from ..render.topics import FOLDERS, shown_of_source, topic_path, topics
from .feeds import site_feeds
from .syndication import cited_sources, shorten, shortened, summary_text

SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"
OG_LOCALES = {"zh-CN": "zh_CN", "en": "en_US"}


def install_helpers(ctx: BuildContext) -> None:
    """Make ``page_meta()`` available to templates."""

    @jinja2.pass_context
    def meta(jctx: jinja2.runtime.Context) -> PageMeta:
        return page_meta(ctx, jctx.get("page_path") or "", jctx.get("root") or "", jctx.get("page_title"))

    ctx.env.globals["page_meta"] = meta


def html_pages(ctx: BuildContext) -> list[str]:
    """Every page a search engine should know, as output paths."""
    pages = ["index.html", "about.html", "sources/index.html", "sources/outlets.html"]
    pages += [f"events/{e.id}.html" for e in ctx.site.timeline()]
    pages += [f"sources/{s.id}.html" for s in sorted(ctx.site.sources.values(), key=lambda s: s.id)]
    pages += sorted(topic_path(kind, name) for kind, name in topics(ctx.site, listed_kinds(ctx)))
    return pages


def _place_and_names(site, event_id: str) -> object:
    """What the sitemap shows of an event: its place, and the names and tags that have pages."""
    event = site.events.get(event_id)
    names = (tuple(event.named()), tuple(event.tags)) if hasattr(event, "people") else object()
    return timeline_place(site, event_id), names


# -- page metadata ---------------------------------------------------------------------
@dataclass
class FeedLink:
    path: str
    title: str


@dataclass
class PageMeta:
    title: str
    description: str
    og_type: str = "website"
    url: str = ""
    locale: str = "zh_CN"
    published: str = ""
    noindex: bool = False
    feeds: list[FeedLink] = field(default_factory=list)
    jsonld: Markup | None = None


def page_meta(ctx: BuildContext, page_path: str, root: str, page_title: object = None) -> PageMeta:
    cfg = ctx.config

    base = absolute_base(ctx)

    def url_of(rel: str) -> str:  # `page_url`, else relative to the page
        return base + rel.removesuffix("index.html") if base else root + rel

    meta = PageMeta(
        title=str(page_title or cfg.title),
        description=cfg.description,
        url=canonical_url(ctx, page_path),
        locale=OG_LOCALES.get(cfg.language, cfg.language.replace("-", "_")),
        feeds=[FeedLink(f.path, f.title) for f in site_feeds(ctx)],
    )
    folder, _, name = page_path.rpartition("/")
    key = name.removesuffix(".html")
    if page_path == NOT_FOUND:
        meta.noindex = True
    elif page_path == "index.html":
        events = ctx.site.timeline()
        meta.jsonld = jsonld(item_list(cfg.title, cfg.description, url_of, events))
    elif page_path in ("sources/index.html", "sources/outlets.html"):
        ordered = sorted(ctx.site.sources.values(), key=lambda s: (s.published, s.id))
        meta.jsonld = jsonld(item_list(meta.title, "", url_of, ordered))
    elif page_path == "about.html":
        about = {"@context": "https://schema.org", "@type": "AboutPage", "name": meta.title}
        meta.jsonld = jsonld({**about, "url": url_of(page_path)})
    elif folder in FOLDERS.values():  # a person's, an organisation's, a place's, a name's or a tag's events
        from ..render.topics import topic_events

        events = topic_events(ctx, page_path)
        meta.jsonld = jsonld(item_list(meta.title, "", url_of, events))
    elif folder == "events" and key in ctx.site.events:
        event = ctx.site.events[key]
        meta.og_type = "article"
        meta.description = event_description(ctx, event)
        meta.jsonld = jsonld(event_jsonld(ctx, event, url_of, meta.description))
    elif folder == "sources" and key in ctx.site.sources:
        src = ctx.site.sources[key]
        meta.og_type = "article"
        meta.description = source_description(ctx, src)
        meta.published = _published(src)
        meta.jsonld = jsonld({"@context": "https://schema.org", **news_article(src, url_of)})
    return meta


def event_description(ctx: BuildContext, event: Event) -> str:
    label = event.when.label(ctx.lang)
    outlets = dict.fromkeys(s.outlet_name for s in cited_sources(ctx, event))
    text = summary_text(event.summary) or ("、" if ctx.lang == "zh" else ", ").join(outlets)
    return shorten(f"{label} · {text}" if text else label)


def source_description(ctx: BuildContext, src: Source) -> str:
    return shortened(f"{src.outlet_name} · {published_text(src, ctx.lang)} · ", src)


def _published(src: Source) -> str:
    return _published_iso(src.published, src.published_precision)


def news_article(src: Source, url_of: Callable[[str], str]) -> dict:
    authors = [
        {"@type": "Person", "name": b["name"]} for b in src.bylines if b.get("role") in ("author", "reporter")
    ]
    return {
        "@type": "NewsArticle",
        "headline": shorten(src.title, 110),
        "datePublished": _published(src),
        "inLanguage": src.lang,
        "publisher": {"@type": "Organization", "name": src.outlet_name},
        "author": authors or [{"@type": "Organization", "name": src.outlet_name}],
        "url": url_of(f"sources/{src.id}.html"),
    }


def event_jsonld(ctx: BuildContext, event: Event, url_of: Callable[[str], str], description: str) -> dict:
    data: dict = {"@context": "https://schema.org", "@type": "Event", "name": event.title}
    when = event.when
    if not when.approximate:
        data["startDate"] = when.iso()
        if when.is_range:
            data["endDate"] = when.until_iso()
    data["description"] = description
    data["url"] = url_of(f"events/{event.id}.html")
    if event.tags:
        data["keywords"] = ", ".join(event.tags)
    if event.places:
        data["location"] = [{"@type": "Place", "name": name} for name in event.places]
    data["subjectOf"] = [news_article(s, url_of) for s in cited_sources(ctx, event)]
    return data


def item_list(name: str, description: str, url_of: Callable[[str], str], items: list) -> dict:
    data: dict = {"@context": "https://schema.org", "@type": "ItemList", "name": name}
    if description:
        data["description"] = description
    data["itemListOrder"] = "https://schema.org/ItemListOrderAscending"
    data["numberOfItems"] = len(items)
    folder = "events" if items and isinstance(items[0], Event) else "sources"
    data["itemListElement"] = [
        {"@type": "ListItem", "position": i, "url": url_of(f"{folder}/{x.id}.html"), "name": x.title}
        for i, x in enumerate(items, 1)
    ]
    return data


def jsonld(data: dict) -> Markup:
    """JSON for a ``<script type="application/ld+json">`` block: ``<``, ``>``, ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(drop_forbidden(text))


# -- sitemap and robots ------------------------------------------------------------------
@reads("event", "source", shows={"event": _place_and_names, "source": shown_of_source})  # ids, in order
def sitemap(ctx: BuildContext) -> Iterator[Output]:
    """``sitemap.xml`` (sitemaps.org 0.9), only when the base URL is absolute.

    No ``lastmod``: the build knows when reports were published, not when a page
    last changed (a hand edit changes it too), and a wrong lastmod is worse than none.
    """
    if not absolute_base(ctx):
        return
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f'<urlset xmlns="{SITEMAPS}">']
    for rel in html_pages(ctx):
        url = quote(page_url(ctx, rel), safe=":/?#[]@!$&'()*+,;=%~")  # sitemaps want ASCII URLs
        lines.append(f"<url><loc>{_xml_escape(url)}</loc></url>")
    lines.append("</urlset>")
    yield "sitemap.xml", ("\n".join(lines) + "\n").encode("utf-8")


@reads()
def robots(ctx: BuildContext) -> Iterator[Output]:
    """``robots.txt``: everything may be crawled; names the sitemap when there is one."""
    lines = ["User-agent: *", "Allow: /"]
    if absolute_base(ctx):
        lines += ["", f"Sitemap: {page_url(ctx, 'sitemap.xml')}"]
    yield "robots.txt", ("\n".join(lines) + "\n").encode("utf-8")


def _xml_escape(text: str) -> str:
    from xml.sax.saxutils import escape

    return escape(text, {'"': "&quot;", "'": "&apos;"})
