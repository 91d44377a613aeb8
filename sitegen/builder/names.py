"""The names of an event by kind, as the build shows them: person, organisation, place, or a
name of a kind not known.

An event's front matter lists them (`Event.named`: ``people``, ``organisations``, ``places``,
``names``).  A name in ``people`` or ``names`` that ``content/data/people.toml`` lists as
another kind is that kind: pages written before events had ``organisations`` listed every
name under ``people``, and keep their meaning.  Chips, topic pages, ``events.json`` and the
search index all read the kinds here, so they never disagree.
"""

from __future__ import annotations

from ..core.model import Event
from ..errors import ContentError
from .context import BuildContext

LISTED = {"people": "person", "organisations": "organisation", "places": "place"}
"""``people.toml``'s tables -> the kind of the names they list."""


def event_names(event: Event, listed: dict[str, str]) -> list[tuple[str, str]]:
    """(kind, name) of the event's names (`Event.named`); a name in ``people`` or ``names`` has
    the kind ``listed`` (`listed_kinds`) gives it, when it gives one."""
    out = []
    for kind, name in event.named():
        if kind in ("person", "name"):
            kind = listed.get(name, kind)
        out.append((kind, name))
    return out


def names_of(ctx: BuildContext, event: Event) -> dict[str, list[str]]:
    """The event's names by kind, as lists named like the front matter's (all four, maybe empty)."""
    out: dict[str, list[str]] = {"people": [], "organisations": [], "places": [], "names": []}
    key = {"person": "people", "organisation": "organisations", "place": "places", "name": "names"}
    for kind, name in event_names(event, listed_kinds(ctx)):
        out[key[kind]].append(name)
    return out


def listed_kinds(ctx: BuildContext) -> dict[str, str]:
    """Name -> kind for the names the site's ``people.toml`` lists (read once per build; a change
    to the file is a change of the build's settings, so every output is made again)."""
    cached = ctx.caches.name_kinds
    if cached is None:
        from ..core.sitedata import load_site_data

        try:
            data = load_site_data(ctx.config)
        except ContentError:  # `sitegen import` reports a broken data file; a page label is no reason to fail
            cached = {}
        else:
            cached = {name: kind for table, kind in LISTED.items() for name in getattr(data, table)}
        ctx.caches.name_kinds = cached
    return cached
