"""Atom feeds (RFC 4287): ``feeds/events.xml`` and ``feeds/sources.xml``.

Events feed: one entry per event, newest report first; the entry's content is
the event with its date, summary and quoted sources (`syndication.event_html`).
Sources feed: one entry per on-topic report, newest first, linking to our copy
(``rel="alternate"``) and, when its URL is known, to the original (``rel="related"``).

Identity and links (see docs/publish.md, "Without a base URL"):

* With an absolute base URL, ids are the pages' permanent URLs and every link is
  absolute.
* Without one, ids are ``urn:uuid:`` values derived from the site title and the
  event or source id (RFC 4287 requires ids to be absolute IRIs; these are, and
  they stay the same build after build), and links are relative references,
  which RFC 4287 allows: a reader resolves them against the feed's own URL.

``updated`` is the latest publication time of the reports an entry shows, never
the build time.  A feed with no entries is not written (and not linked).
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from ... import __version__
from ..context import BuildContext, Output
from ..incremental.depends import reads
from ..render.fragments import TEXT, pieces
from ..render.links import link, page_url
from ..render.theme import drop_forbidden
from .syndication import event_first_reported, event_html, event_updated, rfc3339, shortened

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_LIMIT = 100
"""Entries per feed: the most recently updated ones. The full data is in events.json."""

BYLINE_AUTHORS = ("author", "reporter")


@dataclass
class Feed:
    path: str
    kind: str  # "events" or "sources"
    title: str


@dataclass
class Entry:
    key: str  # event or source id
    title: str
    page: str  # output path of the entry's page
    updated: datetime
    published: datetime
    authors: list[str]
    content_html: str = ""
    summary: str = ""
    lang: str | None = None
    categories: tuple[str, ...] = ()
    original: str | None = None  # the article's own URL: a rel="related" link


def site_feeds(ctx: BuildContext) -> list[Feed]:
    """The feeds this build writes (a feed without entries is left out); worked out once per build,
    without rendering any entry (every page links the feeds)."""
    cached = ctx.caches.feed_list
    if cached is not None:
        return cached
    t = ctx.strings.get
    site = ctx.site
    feeds = []
    if any(c.source in site.sources for e in site.events.values() for c in e.sources):  # an entry's date
        feeds.append(Feed("feeds/events.xml", "events", f"{ctx.config.title} · {t('events', 'Events')}"))
    if any(s.on_topic for s in site.sources.values()):
        feeds.append(Feed("feeds/sources.xml", "sources", f"{ctx.config.title} · {t('sources', 'Sources')}"))
    ctx.caches.feed_list = feeds
    return feeds


@reads("event", "source")
def atom_feeds(ctx: BuildContext) -> Iterator[Output]:
    for feed in site_feeds(ctx):
        entries = _event_entries(ctx) if feed.kind == "events" else _source_entries(ctx)
        yield feed.path, render_feed(ctx, feed, entries)


# -- entries -------------------------------------------------------------------------
def _newest_first(entries: list[Entry]) -> list[Entry]:
    entries.sort(key=lambda e: e.key)
    entries.sort(key=lambda e: e.updated, reverse=True)
    return entries[:FEED_LIMIT]


def _event_entries(ctx: BuildContext) -> list[Entry]:
    cached = ctx.caches.feed_events
    if cached is not None:
        return cached
    entries = []
    dates = pieces(ctx, "feed-dates")
    sources = ctx.site.sources
    for event in ctx.site.events.values():
        updated, first = dates.get(
            (event, *(sources.get(c.source) for c in event.sources)),
            None,
            lambda event=event: (event_updated(ctx, event), event_first_reported(ctx, event)),
        )
        if updated is None or first is None:
            continue
        entries.append(
            Entry(
                key=event.id,
                title=event.title,
                page=f"events/{event.id}.html",
                updated=updated,
                published=first,
                authors=[],
                categories=tuple(event.tags),
            )
        )
    kept = _newest_first(entries)
    path = "feeds/events.xml"
    table = pieces(ctx, "feed-entry", TEXT)
    sources = ctx.site.sources
    requests = []
    for entry in kept:  # only the kept entries are rendered: a large site has thousands of events
        event = ctx.site.events[entry.key]
        requests.append(
            (
                (event, *(sources.get(c.source) for c in event.sources)),
                None,
                lambda event=event: event_html(
                    ctx, event, lambda rel: link(ctx, rel, from_file=path), with_date=True
                ),
            )
        )
    for entry, html in zip(kept, table.many(requests), strict=True):
        entry.content_html = html
    ctx.caches.feed_events = kept
    return kept


def _source_entries(ctx: BuildContext) -> list[Entry]:
    cached = ctx.caches.feed_sources
    if cached is not None:
        return cached
    entries = []
    for src in ctx.site.sources.values():
        if not src.on_topic:
            continue
        people = [b["name"] for b in src.bylines if b.get("role") in BYLINE_AUTHORS and b.get("name")]
        entries.append(
            Entry(
                key=src.id,
                title=src.title,
                page=f"sources/{src.id}.html",
                updated=src.published,
                published=src.published,
                authors=[*people, src.outlet_name] if people else [src.outlet_name],
                lang=src.lang,
                original=src.url,
            )
        )
    kept = _newest_first(entries)
    for entry in kept:
        entry.summary = shortened("", ctx.site.sources[entry.key], 280)
    ctx.caches.feed_sources = kept
    return kept


# -- XML ---------------------------------------------------------------------------
def entry_id(ctx: BuildContext, kind: str, key: str, page: str) -> str:
    """The page's URL when it has one, else a name-based UUID that never changes."""
    return page_url(ctx, page) or "urn:uuid:" + str(
        uuid.uuid5(uuid.NAMESPACE_URL, f"sitegen:{ctx.config.title}:{kind}:{key}")
    )


def _text(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, tag, attrs)
    el.text = drop_forbidden(text)
    return el


def render_feed(ctx: BuildContext, feed: Feed, entries: list[Entry]) -> bytes:
    cfg = ctx.config
    root = ET.Element("feed", {"xmlns": ATOM, XML_LANG: cfg.language})
    _text(root, "id", entry_id(ctx, "feed", feed.kind, feed.path))
    _text(root, "title", feed.title)
    if cfg.description:
        _text(root, "subtitle", cfg.description)
    _text(root, "updated", rfc3339(max(e.updated for e in entries)))
    author = ET.SubElement(root, "author")
    _text(author, "name", cfg.author or cfg.title)
    home = "index.html" if feed.kind == "events" else "sources/index.html"
    ET.SubElement(
        root, "link", {"rel": "alternate", "type": "text/html", "href": link(ctx, home, from_file=feed.path)}
    )
    ET.SubElement(
        root,
        "link",
        {"rel": "self", "type": "application/atom+xml", "href": link(ctx, feed.path, from_file=feed.path)},
    )
    _text(root, "generator", "sitegen", version=__version__)
    _text(root, "icon", link(ctx, ctx.assets.url("favicon.svg"), from_file=feed.path))
    for e in entries:
        item = ET.SubElement(root, "entry")
        _text(item, "id", entry_id(ctx, feed.kind, e.key, e.page))
        _text(item, "title", e.title)
        _text(item, "updated", rfc3339(e.updated))
        _text(item, "published", rfc3339(e.published))
        for name in e.authors:
            _text(ET.SubElement(item, "author"), "name", name)
        ET.SubElement(
            item,
            "link",
            {"rel": "alternate", "type": "text/html", "href": link(ctx, e.page, from_file=feed.path)},
        )
        if e.original:
            ET.SubElement(item, "link", {"rel": "related", "type": "text/html", "href": e.original})
        for term in e.categories:
            ET.SubElement(item, "category", {"term": drop_forbidden(term)})
        lang = {XML_LANG: e.lang} if e.lang else {}
        if e.summary:
            _text(item, "summary", e.summary, **lang)
        if e.content_html:
            _text(item, "content", e.content_html, type="html", **lang)
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="utf-8"?>\n' + body + "\n").encode("utf-8")
