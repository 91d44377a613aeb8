"""Data exports other tools read: ``events.json`` (schema in docs/events-json.md)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from . import BuildContext, Output
from .depends import reads

SCHEMA_VERSION = 1


def event_record(ctx: BuildContext, event) -> dict:
    d: dict = {"id": event.id, "title": event.title}
    d.update(event.when.to_fields())
    d["label"] = event.when.label(ctx.lang)
    d["sources"] = [{"id": c.source, "quote": c.quote} for c in event.sources]
    d["people"] = list(event.people)
    d["tags"] = list(event.tags)
    if event.note:
        d["note"] = event.note
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
    }


@reads("event", "source")
def events_json(ctx: BuildContext) -> Iterator[Output]:
    site = ctx.site
    doc = {
        "version": SCHEMA_VERSION,
        "site": {
            "title": ctx.config.title,
            "language": ctx.config.language,
            "timezone": ctx.config.timezone,
            "base_url": ctx.base_url,
        },
        "events": [event_record(ctx, e) for e in site.timeline()],
        "sources": [
            source_record(s) for s in sorted(site.sources.values(), key=lambda s: (s.published, s.id))
        ],
    }
    text = json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=False)
    yield "events.json", (text + "\n").encode("utf-8")
