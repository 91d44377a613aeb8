"""``timeline.json``: the timeline in Knight Lab TimelineJS3's JSON format.

Newsrooms embed it with TimelineJS (snippet in docs/publish.md).  One slide per
event, in timeline order, after a title slide:

* ``start_date`` carries exactly the fields the event's precision gives: a year;
  a year and month; a day; an hour; an hour and minute.  A part of the day
  ("晚") stays a day.  Ranges add ``end_date`` (the last possible unit).
* ``display_date`` is the site's own label (``约2009年``, ``2009年或2010年``,
  ``2024年5月17日晚``), so TimelineJS never shows a date more precise or more
  certain than the sources: it always wins over TimelineJS's own formatting.
* The slide text credits every source: outlet, time, quote, and a link to our
  copy of the report.  Links are absolute when the base URL is; otherwise they
  are relative to the site root (right for an embed page in the site's folder).
* ``unique_id`` is the event id; ``group`` is the year when the timeline spans
  more than one year (TimelineJS draws a row per group).
"""

from __future__ import annotations

from collections.abc import Iterator

from markupsafe import escape

from ...core.dates import PRECISIONS, When, parse_iso
from ...core.model import Event
from ..context import BuildContext, Output
from ..incremental.depends import reads
from ..render.fragments import TEXT, encode, json_with_lists, pieces
from ..render.links import link
from ..render.theme import drop_forbidden
from .syndication import event_html

FIELDS_BY_PRECISION = {
    "year": ("year",),
    "month": ("year", "month"),
    "day": ("year", "month", "day"),
    "part-of-day": ("year", "month", "day"),
    "hour": ("year", "month", "day", "hour"),
    "minute": ("year", "month", "day", "hour", "minute"),
}
assert set(FIELDS_BY_PRECISION) == set(PRECISIONS)


def date_fields(when: When, last: bool = False) -> dict[str, str]:
    """A TimelineJS date object at the value's precision (``last``: the range's last unit)."""
    text = when.until_iso() if last else when.iso()
    assert text is not None
    dt, _ = parse_iso(text, when.start.tzinfo)
    values = {"year": dt.year, "month": dt.month, "day": dt.day, "hour": dt.hour, "minute": dt.minute}
    return {k: str(values[k]) for k in FIELDS_BY_PRECISION[when.precision]}


def event_slide(ctx: BuildContext, event: Event, grouped: bool) -> dict:
    slide: dict = {"start_date": date_fields(event.when)}
    if event.when.is_range:
        slide["end_date"] = date_fields(event.when, last=True)
    slide["display_date"] = drop_forbidden(event.when.label(ctx.lang))
    slide["text"] = {
        "headline": str(escape(drop_forbidden(event.title))),
        "text": event_html(
            ctx, event, lambda rel: link(ctx, rel, from_file="timeline.json"), with_date=False
        ),
    }
    slide["unique_id"] = event.id
    if grouped:
        slide["group"] = str(event.when.start.year)
    return slide


def spans_years(ctx: BuildContext, events: list[Event]) -> bool:
    """Does the timeline span more than one year (slides are then grouped by year)? Once per build."""
    if ctx.caches.spans_years is None:
        years = {e.when.start.year for e in events} | {
            int((e.when.until_iso() or "")[:4]) for e in events if e.when.is_range
        }
        ctx.caches.spans_years = len(years) > 1
    return ctx.caches.spans_years


def timeline_document(ctx: BuildContext, slides: list | None = None) -> dict:
    """The whole document; ``slides``: the events' slides, when made already."""
    cfg = ctx.config
    events = ctx.site.timeline()
    grouped = spans_years(ctx, events)
    intro = f"<p>{escape(cfg.description)}</p>" if cfg.description else ""
    home = link(ctx, "index.html", from_file="timeline.json")
    intro += f'<p><a href="{escape(home)}">{escape(cfg.title)}</a></p>'
    return {
        "title": {
            "text": {"headline": str(escape(drop_forbidden(cfg.title))), "text": drop_forbidden(intro)},
        },
        "events": slides if slides is not None else [event_slide(ctx, e, grouped) for e in events],
        "scale": "human",
    }


@reads("event", "source")
def timeline_json(ctx: BuildContext) -> Iterator[Output]:
    """Each event's slide is encoded once and kept while the event and its sources are (`fragments`)."""
    events = ctx.site.timeline()
    grouped = spans_years(ctx, events)
    table = pieces(ctx, "timeline-slide", TEXT)
    sources = ctx.site.sources
    slides = table.many(
        [
            (
                (e, *(sources.get(c.source) for c in e.sources)),
                grouped,
                lambda e=e: encode(event_slide(ctx, e, grouped)),
            )
            for e in events
        ]
    )
    text = json_with_lists(timeline_document(ctx, []), {"events": slides})
    yield "timeline.json", (text + "\n").encode("utf-8")
