"""The content model: sources, events, citations and the site, as plain dataclasses.

Every stage speaks it: extraction makes `Event`s from `Source`s, the importer
writes them as pages, the content loader reads pages back into them, the
builder renders them. Reading and checking pages is `sitegen.content`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ..config import SiteConfig
from ..errors import Problem
from . import frontmatter
from .dates import When
from .markdown import plain_text

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,120}$")


SOURCE_FIELDS = {
    "id": "stable id, also the file name and URL: date + pinyin of the title",
    "title": "the headline as published",
    "outlet": "the outlet as the dump wrote it (often pinyin)",
    "outlet_name": "the outlet's display name (from data/outlets.toml), or as written",
    "published": "publication time with UTC offset, e.g. 2024-05-17T06:13:00+08:00",
    "lang": "zh or en: the language of the body",
    "keyword": "the search keyword of the dump the record came from",
    "bylines": "attributions found in the body: list of {role, name, time?}",
    "excerpt": "true when the dump gives only the start of the article",
    "on_topic": "false when the record only matched the keyword and shares no subject with the rest",
    "dump": "provenance: dump file and line of the headline, e.g. seed.txt:5",
    "url": "the original article on the web (http or https), linked from the pages and exports",
    "archive_url": "an archived copy of the article (http or https), e.g. on web.archive.org",
}


SOURCE_REQUIRED = ("id", "title", "outlet", "published")


EVENT_FIELDS = {
    "id": "stable id, also the file name and URL",
    "title": "what happened, in a short line",
    "date": "when it happened, at the precision the sources give: "
    "2009, 2024-05, 2024-05-17, 2024-05-17T20:00+08:00",
    "precision": "year, month, day, part-of-day, hour or minute",
    "part_of_day": "with precision part-of-day: dawn, morning, noon, afternoon, evening or night",
    "until": "for a vague date, the last possible value at the same precision (2009 … until 2010)",
    "approximate": "true when the sources say 'about' (约, 前后, 十多年前)",
    "people": "people involved (persons only)",
    "organisations": "organisations involved: companies, regulators, courts, clubs, media",
    "places": "places the event happened in or concerns",
    "names": "names whose kind import could not tell (as many quotes say person as organisation); "
    "move each to people, organisations or places",
    "tags": "keywords",
    "sources": "list of {id: source id, quote: verbatim sentence from that source}",
    "note": "a caution shown on the page, e.g. when the date is uncertain",
    "updated": "when you last corrected the entry (2026-01-12 or 2026-01-12T18:00+08:00); feeds show it",
}


EVENT_REQUIRED = ("id", "title", "date", "sources")


NAME_LISTS = (("person", "people"), ("organisation", "organisations"), ("place", "places"), ("name", "names"))
"""An event's names by kind: (kind, its front-matter list)."""


@dataclass
class Source:
    id: str
    title: str
    outlet: str
    outlet_name: str
    published: datetime
    published_precision: str = "minute"
    lang: str = "zh"
    keyword: str | None = None
    bylines: list[dict] = field(default_factory=list)
    excerpt: bool = False
    on_topic: bool = True
    dump: str | None = None
    body: str = ""
    page: frontmatter.Page | None = None
    digest: str = field(default="", compare=False, repr=False)  # of the page's bytes, when known
    url: str | None = None
    archive_url: str | None = None
    _text: tuple[str, str] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def text(self) -> str:
        """What a reader sees of the body; quotes are checked against it.

        Parsed once per body: the quote check, paragraph anchors, descriptions and
        feed summaries all read it."""
        if self._text is None or self._text[0] is not self.body:
            self._text = (self.body, plain_text(self.body))
        return self._text[1]

    def body_key(self) -> str:
        """What the body is known by in caches: the hash of the page's bytes when known (which
        holds the body), else the body itself."""
        return f"page {self.digest}" if self.digest else f"text {self.body}"

    def to_page(self) -> tuple[dict, str]:
        data: dict = {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "outlet_name": self.outlet_name,
            "published": _published_iso(self.published, self.published_precision),
            "lang": self.lang,
        }
        if self.keyword:
            data["keyword"] = self.keyword
        if self.bylines:
            data["bylines"] = self.bylines
        data["excerpt"] = self.excerpt
        data["on_topic"] = self.on_topic
        if self.dump:
            data["dump"] = self.dump
        for key in ("url", "archive_url"):  # written only when known: pages without them stay as they were
            if getattr(self, key):
                data[key] = getattr(self, key)
        return data, self.body


@dataclass
class Citation:
    source: str
    quote: str


@dataclass
class Event:
    id: str
    title: str
    when: When
    sources: list[Citation]
    people: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    summary: str = ""
    note: str | None = None
    lang: str = "zh"
    page: frontmatter.Page | None = None
    digest: str = field(default="", compare=False, repr=False)  # of the page's bytes, when known
    updated: datetime | None = None  # a correction's time, set by hand (`updated:`)
    organisations: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # of a kind not known

    def named(self) -> list[tuple[str, str]]:
        """(kind, name) of every name on the event, people first: ``person``, ``organisation``,
        ``place`` or ``name`` (of a kind not known), each name once (the first list naming it)."""
        out: dict[str, str] = {}
        for kind, names in NAME_LISTS:
            for name in getattr(self, names):
                out.setdefault(name, kind)
        return [(kind, name) for name, kind in out.items()]

    def to_page(self) -> tuple[dict, str]:
        data: dict = {"id": self.id, "title": self.title}
        data.update(self.when.to_fields())
        data["people"] = list(self.people)
        for key in ("organisations", "places", "names"):  # written when known: other pages stay as they were
            if getattr(self, key):
                data[key] = list(getattr(self, key))
        data["tags"] = list(self.tags)
        data["sources"] = [{"id": c.source, "quote": c.quote} for c in self.sources]
        if self.note:
            data["note"] = self.note
        return data, self.summary


@dataclass
class Site:
    """Everything under content/, loaded and checked."""

    config: SiteConfig
    sources: dict[str, Source] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    _order: _Order | None = field(default=None, init=False, repr=False, compare=False)
    _keys_from: _Order | None = field(default=None, init=False, repr=False, compare=False)

    def timeline(self) -> list[Event]:
        """Events in the order they happened."""
        return list(self._ordered().timeline)

    def citing(self, source_id: str) -> list[Event]:
        """Events that cite ``source_id``, in timeline order (one source; see `citations`)."""
        return list(self._ordered().citing.get(source_id, ()))

    def citations(self) -> dict[str, list[Event]]:
        """Source id -> the events citing it, in timeline order, for all sources in one pass."""
        return {sid: list(events) for sid, events in self._ordered().citing.items()}

    def reuse_order_keys(self, other: Site) -> None:
        """Take the sort keys of events that are the very same objects in ``other`` (a reload)."""
        self._keys_from = other._order

    def _ordered(self) -> _Order:
        """Sorted once per set of event objects (the timeline is asked for by many outputs)."""
        ids = tuple(map(id, self.events.values()))  # the cache holds the objects, so ids stay unique
        if self._order is None or self._order.ids != ids:
            known = self._keys_from.keys if self._keys_from is not None else {}
            keys: dict[int, tuple[Event, tuple]] = {}
            for e in self.events.values():
                seen = known.get(id(e))
                keys[id(e)] = seen if seen is not None and seen[0] is e else (e, (e.when.sort_key(), e.id))
            ordered = sorted(self.events.values(), key=lambda e: keys[id(e)][1])
            citing: dict[str, list[Event]] = {}
            for e in ordered:
                for sid in dict.fromkeys(c.source for c in e.sources):
                    citing.setdefault(sid, []).append(e)
            self._order = _Order(ids, ordered, citing, keys)
            self._keys_from = None
        return self._order


@dataclass
class _Order:
    """A site's events in timeline order, computed once for one set of event objects."""

    ids: tuple[int, ...]
    timeline: list[Event]
    citing: dict[str, list[Event]]
    keys: dict[int, tuple[Event, tuple]]  # id(event) -> (event, sort key)


def _published_iso(dt: datetime, precision: str) -> str:
    if precision == "day":
        return dt.date().isoformat()
    return dt.isoformat(timespec="seconds" if precision == "second" else "minutes")
