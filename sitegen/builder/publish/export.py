"""Data exports other tools read: ``events.json`` (schema in docs/events-json.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ..context import BuildContext, Output
from ..incremental.depends import reads
from ..names import names_of
from ..render.fragments import LIST, TEXT, encode, json_with_lists, pieces
from .syndication import rfc3339, summary_text

SCHEMA_VERSION = 1


def event_record(ctx: BuildContext, event) -> dict:
    d: dict = {"id": event.id, "title": event.title}
    d.update(event.when.to_fields())
    d["label"] = event.when.label(ctx.lang)
    d["sources"] = [{"id": c.source, "quote": c.quote} for c in event.sources]
    d.update(names_of(ctx, event))  # people, organisations, places, names: by kind, always all four
    d["tags"] = list(event.tags)
    if event.note:
        d["note"] = event.note
    d["summary"] = summary_text(event.summary)
    if event.updated is not None:
        d["updated"] = rfc3339(event.updated)
    d["url"] = f"events/{event.id}.html"
    return d


def source_record(src) -> dict:
    data, _ = src.to_page()
    return {
        "id": src.id,
        "title": src.title,
        "outlet": src.outlet,
        "outlet_name": src.outlet_name,
        "published": data["published"],
        "lang": src.lang,
        "on_topic": src.on_topic,
        "excerpt": src.excerpt,
        "url": f"sources/{src.id}.html",
        **({"original_url": src.url} if src.url else {}),
        **({"archive_url": src.archive_url} if src.archive_url else {}),
    }


@reads("event", "source")
def events_json(ctx: BuildContext) -> Iterator[Output]:
    """Each record is encoded once and kept while its item is the same object, and each list while
    all its items are (`fragments`)."""
    site = ctx.site
    timeline = site.timeline()
    ordered = sorted(site.sources.values(), key=lambda s: (s.published, s.id))

    def records(kind: str, items: list, record: Callable[[Any], dict]) -> list[str]:
        each = pieces(ctx, f"events-json-{kind}", TEXT)  # asked for only when the whole list changed
        return each.many([((x,), None, lambda x=x: encode(record(x))) for x in items])

    lists = {
        "events": pieces(ctx, "events-json-events", LIST).get(
            tuple(timeline), None, lambda: records("event", timeline, lambda e: event_record(ctx, e))
        ),
        "sources": pieces(ctx, "events-json-sources", LIST).get(
            tuple(ordered), None, lambda: records("source", ordered, source_record)
        ),
    }
    doc = {
        "version": SCHEMA_VERSION,
        "site": {
            "title": ctx.config.title,
            "language": ctx.config.language,
            "timezone": ctx.config.timezone,
            "base_url": ctx.base_url,
        },
        "events": [],
        "sources": [],
    }
    text = json_with_lists(doc, lists)
    yield "events.json", (text + "\n").encode("utf-8")
