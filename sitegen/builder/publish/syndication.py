"""Rules shared by everything the site tells other programs: feeds, the sitemap,
page metadata and the TimelineJS export.

* **Absolute URLs only from an absolute base URL.**  ``https://host/timeline/``
  gives ``https://host/timeline/events/x.html``.  With no base URL, or a
  path-only one (``/timeline/``), there is no host to name: links are written
  relative to the file that holds them, and the outputs that *need* absolute
  URLs (sitemap, canonical link, ``og:url``) are left out.
* **Dates come from content, never from the clock.**  A page changes when a
  report it shows appears, so its "updated" time is the latest publication time
  among its sources.  The same content always gives the same bytes.
* **An event reads the same everywhere.**  `event_html` is the fragment a feed
  reader or a TimelineJS slide shows: summary, date note, and every source with
  its quote, a link to our copy of the report and, when known, to the original.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from markupsafe import Markup, escape

from ...core.markdown import plain_text, render
from ...core.model import Event, Source
from ..context import BuildContext
from ..render.pages import published_text
from ..render.quotes import event_anchors, quote_anchor
from ..render.theme import drop_forbidden


def rfc3339(dt: datetime) -> str:
    """``2024-05-17T06:13:00+08:00``: the date-time form Atom and sitemaps require."""
    return dt.isoformat(timespec="seconds")


def cited_sources(ctx: BuildContext, event: Event) -> list[Source]:
    return [ctx.site.sources[c.source] for c in event.sources if c.source in ctx.site.sources]


def event_updated(ctx: BuildContext, event: Event) -> datetime | None:
    """When the event's page last changed in a way that matters: its latest source's publication
    time, or the time of a correction (``updated:`` in its page) when that is later."""
    times = [s.published for s in cited_sources(ctx, event)]
    if times and event.updated is not None:
        times.append(event.updated)
    return max(times) if times else None


def event_first_reported(ctx: BuildContext, event: Event) -> datetime | None:
    times = [s.published for s in cited_sources(ctx, event)]
    return min(times) if times else None


def shorten(text: str, limit: int = 160) -> str:
    """Plain text cut at ``limit`` characters, with an ellipsis when cut."""
    text = fold_spaces(text)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def fold_spaces(text: str) -> str:
    r"""Whitespace runs to one space, none at the ends: ``re.sub(r"\s+", " ", text).strip()``, in
    one pass (`str.split` splits where ``\s`` matches: at every character ``str.isspace`` is true
    for; tests/builder/publish check the two agree on every character)."""
    return " ".join(text.split())


def shortened(head: str, src: Source, limit: int = 160) -> str:
    """``shorten(head + source_opening(src), limit)``, reading no more of a long plain body than
    the shortened text can show.  The folded start of a text is the start of the folded text, so
    once the start alone is cut at ``limit`` the whole would be cut the same way."""
    if src.body.count("\n\n") < OPENING:  # the opening is the whole plain text
        start = fold_spaces(head + src.text[: 2 * limit])
        if len(start) > limit:
            return start[: limit - 1].rstrip() + "…"
    return shorten(head + source_opening(src), limit)


def summary_text(markdown: str) -> str:
    """The characters a reader sees of a Markdown text, on one line."""
    return fold_spaces(plain_text(markdown or ""))


def opening_text(markdown: str, blocks: int = 3) -> str:
    """The first few blocks of a long Markdown text as one line (for descriptions and summaries)."""
    return summary_text("\n\n".join((markdown or "").split("\n\n")[:blocks]))


OPENING = 3  # blocks of a source's body its opening shows


def source_opening(src: Source, blocks: int = OPENING) -> str:
    """`opening_text` of a source's body, from its parsed text when the body is that short."""
    if src.body.count("\n\n") < blocks:
        return fold_spaces(src.text)
    return opening_text(src.body, blocks)


def event_html(ctx: BuildContext, event: Event, href: Callable[[str], str], *, with_date: bool) -> str:
    """The event as an HTML fragment: date, summary, note, and each source with its quote.

    ``href`` turns an output path (``sources/x.html#p-3``) into the link to write.
    """
    t = ctx.strings.get
    parts: list[str] = []
    if with_date:
        parts.append(f"<p><strong>{escape(event.when.label(ctx.lang))}</strong></p>")
    if event.summary:
        parts.append(render(event.summary))
    if event.note:
        parts.append(f"<p><em>{escape(t('date_note', 'Note'))}:</em> {escape(event.note)}</p>")
    items: list[str] = []
    event_anchors(ctx, event)
    for c in event.sources:
        src = ctx.site.sources.get(c.source)
        if src is None:
            continue
        anchor = quote_anchor(ctx, src, c.quote) if c.quote else ""
        target = f"sources/{src.id}.html" + (f"#{anchor}" if anchor else "")
        quote = (
            f'<blockquote lang="{escape(src.lang)}"><p>{escape(c.quote)}</p></blockquote>' if c.quote else ""
        )
        original = (
            f' (<a href="{escape(src.url)}">{escape(t("original_article", "Original article"))}</a>)'
            if src.url
            else ""
        )
        items.append(
            f'<li>{quote}<p>— <a href="{escape(href(target))}">{escape(src.outlet_name)}</a>, '
            f"{escape(published_text(src, ctx.lang))}: {escape(src.title)}{original}</p></li>"
        )
    if items:
        parts.append(f"<p>{escape(t('reported_by', 'Reported by'))}:</p><ul>{''.join(items)}</ul>")
    return drop_forbidden(str(Markup("\n".join(parts))))
