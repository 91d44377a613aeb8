"""What each output shows, so that ``sitegen serve`` re-renders only what an edit affects.

An output in `OUTPUTS` is a function ``produce(ctx)`` yielding ``(path, bytes)``.
``sitegen build`` simply calls it.  The dev server also reads an optional
declaration attached with one of the decorators below:

``@reads("event", "source")``
    The output's files show items of these kinds (and the site's settings,
    templates and static files).  It is re-rendered whole when an item of one of
    those kinds is added, removed or edited.  ``@reads()`` - settings, templates
    and static files only (the 404 page, the assets).

``@each("event", render=event_page, also=events_citing)``
    The output writes the files of each item of one kind on its own:
    ``render(ctx, item)`` returns the ``(path, bytes)`` of one item (or an iterable
    of them).  When an item changes, only its files are rendered again - plus
    those of the items ``also(site, kind, id)`` names: items whose files show
    the changed one (an event page shows the sources it cites).  ``also`` is
    asked about the site before and after the edit.

``@reads("event", "source", shows={"event": cited_ids})``
    The output shows only part of an item of a kind: ``shows[kind](site, id)``
    returns that part (None when the item is not in the site).  An edit of the
    item re-renders the output only when that part differs before and after
    (the source list shows how many events cite a source: an event's title
    edit leaves it alone).  The answer must be comparable with ``==``, and is
    also asked about the site before the edit, which may be a
    `sitegen.builder.incremental.manifest.Outline` (ids, timeline order, citations only).

An output without a declaration is re-rendered after every change: always correct,
only slower.  A change of settings, templates, theme strings or static files
re-renders every output.  ``tests/test_serve_incremental.py`` checks that the
declarations are right: after a series of edits, the incrementally updated site
equals a full build byte for byte.  If a page starts showing something new (the
previous and next event, say), update its declaration in the same commit.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ...core.model import Site

KINDS = ("event", "source")

# also(site, kind, id) -> ids of the items whose files show that item
Also = Callable[["Site", str, str], Iterable[str]]


@dataclass(frozen=True)
class Depends:
    """An output's declaration: the item kinds it shows; for per-item outputs, how to render one."""

    kinds: frozenset[str]
    each: str | None = None
    render: Callable[..., Any] | None = None
    also: Also | None = None
    shows: dict[str, Callable[[Site, str], object]] | None = None

    def affected(self, kind: str, item_id: str, before: Iterable[Site], after: Site) -> bool:
        """Does a change of the item ``(kind, item_id)`` between ``before`` and ``after`` show here?"""
        if kind not in self.kinds:
            return False
        view = (self.shows or {}).get(kind)
        if view is None:
            return True
        now = view(after, item_id)
        return any(view(site, item_id) != now for site in before) or not before


def declared(produce: Callable) -> Depends | None:
    """The declaration of an output, or None (re-render it on every change)."""
    found = getattr(produce, "depends", None)
    return found if isinstance(found, Depends) else None


def _check_kinds(kinds: Iterable[str]) -> frozenset[str]:
    unknown = set(kinds) - set(KINDS)
    if unknown:
        raise ValueError(f"unknown item kind(s) {sorted(unknown)}; known: {', '.join(KINDS)}")
    return frozenset(kinds)


def reads(
    *kinds: str, shows: dict[str, Callable[[Site, str], object]] | None = None
) -> Callable[[Callable], Callable]:
    """Declare the item kinds whose changes re-render this output (see the module docstring)."""
    if shows and not set(shows) <= set(kinds):
        raise ValueError(f"shows names kinds the output does not read: {sorted(set(shows) - set(kinds))}")
    dep = Depends(_check_kinds(kinds), shows=shows)

    def mark(produce: Callable) -> Callable:
        produce.depends = dep  # type: ignore[attr-defined]
        return produce

    return mark


def each(
    kind: str, *, render: Callable[..., Any], also: Also | None = None
) -> Callable[[Callable], Callable]:
    """Declare a per-item output: ``render(ctx, item)`` makes the files of one ``kind`` item."""
    kinds = _check_kinds([kind] if also is None else KINDS)  # `also` may name any kind's items
    dep = Depends(kinds, each=kind, render=render, also=also)

    def mark(produce: Callable) -> Callable:
        produce.depends = dep  # type: ignore[attr-defined]
        return produce

    return mark


# -- common `also` answers -------------------------------------------------------------
def events_citing(site: Site, kind: str, item_id: str) -> Iterable[str]:
    """For event pages: a source's changes show on the pages of the events that cite it."""
    return [e.id for e in site.citing(item_id)] if kind == "source" else ()


def sources_cited(site: Site, kind: str, item_id: str) -> Iterable[str]:
    """For source pages: an event's changes show on the pages of the sources it cites."""
    event = site.events.get(item_id) if kind == "event" else None
    return [c.source for c in event.sources] if event else ()


def timeline_neighbours(site: Site, kind: str, item_id: str) -> Iterable[str]:
    """For event pages that link the previous and next event: an event shows on its neighbours'."""
    if kind != "event" or item_id not in site.events:
        return ()
    timeline = site.timeline()
    i = next(n for n, e in enumerate(timeline) if e.id == item_id)
    return [e.id for e in timeline[max(i - 1, 0) : i + 2] if e.id != item_id]


def cited_ids(site: Site, event_id: str) -> list[str] | None:
    """What an output that counts citations shows of an event: the ids of the sources it cites."""
    event = site.events.get(event_id)
    return [c.source for c in event.sources] if event is not None else None


def timeline_place(site: Site, event_id: str) -> int | None:
    """What an output listing events in timeline order shows of an event: its place.

    When the edited event keeps its place, every other event keeps its place too."""
    for n, e in enumerate(site.timeline()):
        if e.id == event_id:
            return n
    return None


def present(site: Site, source_id: str) -> bool:
    """What an output listing source ids shows of a source: that it exists."""
    return source_id in site.sources


def also_any(*answers: Also) -> Also:
    """Several `also` answers in one: the items any of them names."""

    def either(site: Site, kind: str, item_id: str) -> Iterable[str]:
        return [i for answer in answers for i in answer(site, kind, item_id)]

    return either
