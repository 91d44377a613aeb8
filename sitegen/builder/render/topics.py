"""A page per person, organisation, place and tag, listing the events that name it.

``people/<slug>.html`` for every name in an event's ``people``,
``organisations/<slug>.html`` for its ``organisations``, ``places/<slug>.html`` for its
``places``, ``names/<slug>.html`` for names of a kind import could not tell (``names``),
``tags/<slug>.html`` for every tag.  A name in ``people`` or ``names`` that
``content/data/people.toml`` lists as an organisation or a place is that (pages written
before events had ``organisations`` keep their meaning).  The chips on the timeline and
on event pages link to them (``topic_path`` and ``event_names`` in templates).

A page's address depends on its name alone, never on the other names of the
site: ``zhang-wei-1b2c3d`` is the pinyin of the name (for reading) and six hex
digits of its hash (so that two names spelled alike in pinyin, 张伟 and 张玮,
never share a page).  An event page that links a name therefore never needs
re-rendering because some other name appeared.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from functools import lru_cache

from ...core.model import Event, Site
from ..context import BuildContext, Output
from ..incremental.depends import reads
from ..names import event_names, listed_kinds
from .pages import render_page

FOLDERS = {
    "person": "people",
    "organisation": "organisations",
    "place": "places",
    "name": "names",  # a name of a kind not known
    "tag": "tags",
}
"""Topic kind -> output folder."""

FILTERS = {"person": "person", "organisation": "org", "place": "place", "name": "q", "tag": "tag"}
"""Topic kind -> the timeline's search filter that shows its events (a name of a kind not known:
its words, ``q``)."""


@lru_cache(maxsize=8192)
def topic_slug(name: str) -> str:
    """A pure function of the name (pypinyin's reading of it): made once per name and process,
    though every event page and timeline entry naming it links its page."""
    from ...core.slug import slugify

    digest = hashlib.sha1(name.encode("utf-8")).hexdigest()[:6]
    base = slugify(name, max_words=6)
    return f"{base}-{digest}" if base else digest


def topic_path(kind: str, name: str) -> str:
    """The output path of a topic's page (``people/zhang-wei-1b2c3d.html``)."""
    return f"{FOLDERS[kind]}/{topic_slug(name)}.html"


def topics(site: Site, listed: dict[str, str]) -> dict[tuple[str, str], list[Event]]:
    """(kind, name) -> the events that name it, in timeline order; one pass over the timeline."""
    found: dict[tuple[str, str], list[Event]] = {}
    for e in site.timeline():
        for key in event_names(e, listed):
            found.setdefault(key, []).append(e)
        for tag in dict.fromkeys(e.tags):
            found.setdefault(("tag", tag), []).append(e)
    return found


def topic_events(ctx: BuildContext, rel: str) -> list[Event]:
    """The events of the topic whose page is ``rel`` (none for an unknown page); one index per build."""
    by_path = ctx.caches.topic_paths
    if by_path is None:
        found = topics(ctx.site, listed_kinds(ctx))
        by_path = {topic_path(kind, name): events for (kind, name), events in found.items()}
        ctx.caches.topic_paths = by_path
    return by_path.get(rel, [])


def install_helpers(ctx: BuildContext) -> None:
    """``topic_path(kind, name)``, ``topic_label(kind, name)`` and ``event_names(event)`` for templates."""

    def label(kind: str, name: str = "") -> str:
        return ctx.strings.get(f"topic_{kind}", kind.capitalize())

    ctx.env.globals.update(
        topic_path=topic_path,
        topic_label=label,
        event_names=lambda event: event_names(event, listed_kinds(ctx)),
    )


def _shown_of_event(site: Site, event_id: str) -> object:
    """What topic pages show of an event: its place, title, date and names (None: not in the site)."""
    event = site.events.get(event_id)
    if event is None:
        return None
    if not hasattr(event, "people"):  # the last build's outline: not known, so render again
        return object()
    return (event.title, event.when, tuple(event.named()), tuple(event.tags), event.lang)


def shown_of_source(site: Site, source_id: str) -> object:
    """Whether a source is there and on topic: an event citing only off-topic sources is not shown
    (None for the last build's outline, which does not know: render again)."""
    src = site.sources.get(source_id)
    return getattr(src, "on_topic", None) if source_id in site.sources else "absent"


@reads("event", "source", shows={"event": _shown_of_event, "source": shown_of_source})
def topic_pages(ctx: BuildContext) -> Iterator[Output]:
    t = ctx.strings.get
    for (kind, name), events in sorted(topics(ctx.site, listed_kinds(ctx)).items()):
        label = ctx.env.globals["topic_label"](kind, name)
        yield render_page(
            ctx,
            "topic.html",
            topic_path(kind, name),
            kind=kind,
            name=name,
            label=label,
            filter_name=FILTERS.get(kind),
            events=events,
            page_title=f"{name} · {label}",
            page_description=t("topic_desc", "{n}").format(n=len(events), name=name),
        )
