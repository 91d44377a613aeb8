"""A page per person, organisation and tag, listing the events that name it.

``people/<slug>.html`` for every name in an event's ``people`` (a person or an
organisation: ``content/data/people.toml`` says which, when it lists the name),
``tags/<slug>.html`` for every tag.  The chips on the timeline and on event
pages link to them (``topic_path`` in templates).

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
from ...errors import ContentError
from ..context import BuildContext, Output
from ..incremental.depends import reads
from .pages import render_page

FOLDERS = {"person": "people", "tag": "tags"}
"""Topic kind -> output folder; an organisation is a ``person`` topic with another label."""


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


def topics(site: Site) -> dict[tuple[str, str], list[Event]]:
    """(kind, name) -> the events that name it, in timeline order; one pass over the timeline."""
    found: dict[tuple[str, str], list[Event]] = {}
    for e in site.timeline():
        for name in dict.fromkeys(e.people):
            found.setdefault(("person", name), []).append(e)
        for tag in dict.fromkeys(e.tags):
            found.setdefault(("tag", tag), []).append(e)
    return found


def topic_events(ctx: BuildContext, rel: str) -> list[Event]:
    """The events of the topic whose page is ``rel`` (none for an unknown page); one index per build."""
    by_path = ctx.caches.topic_paths
    if by_path is None:
        by_path = {topic_path(kind, name): events for (kind, name), events in topics(ctx.site).items()}
        ctx.caches.topic_paths = by_path
    return by_path.get(rel, [])


def organisations(ctx: BuildContext) -> frozenset[str]:
    """Names the site's ``people.toml`` lists as organisations (read once per build)."""
    cached = ctx.caches.organisations
    if cached is None:
        from ...core.sitedata import load_site_data

        try:
            cached = frozenset(load_site_data(ctx.config).organisations)
        except ContentError:  # `sitegen import` reports a broken data file; a page label is no reason to fail
            cached = frozenset()
        ctx.caches.organisations = cached
    return cached


def install_helpers(ctx: BuildContext) -> None:
    """``topic_path(kind, name)`` and ``topic_label(kind, name)`` for templates."""

    def label(kind: str, name: str) -> str:
        if kind == "tag":
            return ctx.strings.get("topic_tag", "Tag")
        if name in organisations(ctx):
            return ctx.strings.get("topic_organisation", "Organisation")
        return ctx.strings.get("topic_person", "Person")

    ctx.env.globals.update(topic_path=topic_path, topic_label=label)


def _shown_of_event(site: Site, event_id: str) -> object:
    """What topic pages show of an event: its place, title, date and names (None: not in the site)."""
    event = site.events.get(event_id)
    if event is None:
        return None
    if not hasattr(event, "people"):  # the last build's outline: not known, so render again
        return object()
    return (event.title, event.when, tuple(event.people), tuple(event.tags), event.lang)


def shown_of_source(site: Site, source_id: str) -> object:
    """Whether a source is there and on topic: an event citing only off-topic sources is not shown
    (None for the last build's outline, which does not know: render again)."""
    src = site.sources.get(source_id)
    return getattr(src, "on_topic", None) if source_id in site.sources else "absent"


@reads("event", "source", shows={"event": _shown_of_event, "source": shown_of_source})
def topic_pages(ctx: BuildContext) -> Iterator[Output]:
    t = ctx.strings.get
    for (kind, name), events in sorted(topics(ctx.site).items()):
        label = ctx.env.globals["topic_label"](kind, name)
        yield render_page(
            ctx,
            "topic.html",
            topic_path(kind, name),
            kind=kind,
            name=name,
            label=label,
            filter_name="tag" if kind == "tag" else "person",
            events=events,
            page_title=f"{name} · {label}",
            page_description=t("topic_desc", "{n}").format(n=len(events), name=name),
        )
