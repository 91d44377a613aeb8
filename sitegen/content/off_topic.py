"""``on_topic: false`` on a source, one switch: no event cites it on the site (`leave_out_off_topic`).

Run by `sitegen.content.load.assemble` after the references are checked, so `check`, `build` and
`serve` all see the same site.
"""

from __future__ import annotations

import dataclasses

from ..core.model import Citation, Event, Site
from ..errors import Problem
from ..util.fsutil import file_digest


def _citing_only(event: Event, kept: list[Citation]) -> Event:
    """``event`` citing only ``kept``: the same object as long as ``event`` and ``kept`` are the same
    (`sitegen serve` takes a new object for an edited item), with a digest of its own (pieces cached by
    the page's hash hold every citation)."""
    key = tuple((c.source, c.quote) for c in kept)
    known = getattr(event, "_citing_only", None)
    if known is not None and known[0] == key:
        return known[1]
    mark = file_digest("\n".join(c.source for c in kept).encode("utf-8"))
    made = dataclasses.replace(event, sources=kept, digest=f"{event.digest}-{mark}" if event.digest else "")
    event._citing_only = (key, made)  # type: ignore[attr-defined]
    return made


def leave_out_off_topic(site: Site) -> None:
    """``on_topic: false`` on a source, one switch: no event cites it on the site.

    Each citation of such a source is dropped from its event (with a warning naming the
    line), and an event left citing nothing is not shown at all.  The pages on disk are
    not touched: setting ``on_topic: true`` again brings everything back.  Events are
    replaced, not changed, so an unchanged event object (`sitegen serve` keeps them) still
    holds every citation its page has.
    """
    off = {sid for sid, src in site.sources.items() if not src.on_topic}
    if not off:
        return
    for event in list(site.events.values()):
        if not any(c.source in off for c in event.sources):
            continue
        page = event.page
        path = page.path if page is not None else event.id
        kept = []
        for i, c in enumerate(event.sources):
            if c.source not in off:
                kept.append(c)
                continue
            line = page.line("sources", i) if page is not None else None
            site.problems.append(
                Problem(
                    path,
                    line,
                    f"source {c.source!r} is marked on_topic: false: this citation is left out of the "
                    "site (remove it, or set on_topic: true in the source)",
                    level="warning",
                )
            )
        if kept:
            site.events[event.id] = _citing_only(event, kept)
        else:
            del site.events[event.id]
            site.problems.append(
                Problem(
                    path,
                    page.line("sources") if page is not None else None,
                    "every source this event cites is marked on_topic: false: the event is not shown",
                    level="warning",
                )
            )
