"""The build's shared state: its context and its errors.

Every stage of the build receives the `BuildContext`; nothing here renders a
page, so every module of the build may import this one (it imports none of
them but the theme loader).

The build never writes into the live output folder: a full build writes
into a staging folder beside it and swaps it in at the end
(`sitegen.builder.rebuild`), so a failed or killed build leaves the last good
site in place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

import jinja2

from ..config import SiteConfig
from ..core.model import Event, Site
from ..errors import Problem
from ..util.cache import Cache, Table, code_version
from .render.theme import Assets


class BuildError(Exception):
    """The content has errors; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))

    def __reduce__(self) -> tuple:  # rebuilt from its problems (a child process sends it whole)
        return (BuildError, (self.problems,))


@dataclass
class BuildMemo:
    """What one build works out once and several outputs read: one field per memo, each filled on
    first use and dropped with the build (a build never sees another's, so none goes stale)."""

    tables: dict[str, Table] = field(default_factory=dict)  # the on-disk cache's tables, opened once
    pieces: dict[str, Table] = field(default_factory=dict)  # tables of rendered pieces (`fragments`)
    bodies: dict = field(default_factory=dict)  # source id -> (body HTML with quotes marked, mark ids)
    anchors: dict[str, list[str]] = field(default_factory=dict)  # source id -> paragraphs (quote form)
    anchor_of: dict[tuple[str, str], str] = field(default_factory=dict)  # (source id, quote) -> "p-N"
    quotes_from: dict[str, list[tuple[str, str]]] | None = None  # source id -> (event id, quote)
    citing: dict[str, list[Event]] | None = None  # source id -> events citing it, timeline order
    order: tuple[list[Event], dict[str, int]] | None = None  # the timeline, and each event's place
    spans_years: bool | None = None  # does the timeline span more than one year (TimelineJS)
    feed_list: list | None = None  # the feeds the site has (`feeds`)
    feed_events: list | None = None  # events the events feed shows
    feed_sources: list | None = None  # sources the sources feed shows
    topic_paths: dict[str, list[Event]] | None = None  # topic page path -> its events (`topics`)
    name_kinds: dict[str, str] | None = None  # name -> kind, for the names people.toml lists
    last_updated: datetime | None = None  # latest report or correction (`about`)


@dataclass
class KeptMemo:
    """What ``sitegen serve`` keeps from one build to the next (a full build starts empty):
    rendered pieces by output (`fragments`) and the search index's state (`search_update`)."""

    fragments: dict[str, dict] = field(default_factory=dict)
    search: object | None = None  # `search_update.IndexState`


@dataclass
class BuildContext:
    site: Site
    config: SiteConfig
    env: jinja2.Environment
    assets: Assets
    strings: dict[str, str]
    base_url: str = ""
    extra_head: str = ""  # e.g. the dev server's reload script; never set by `sitegen build`
    caches: BuildMemo = field(default_factory=BuildMemo)  # memos for this build only
    memo: KeptMemo = field(default_factory=KeptMemo)  # kept between serve's updates
    pieces_version: str = ""  # what pieces depend on besides pages; set: keep them on disk too
    cache: Cache | None = None  # the site's on-disk cache (`sitegen.util.cache`), kept between builds

    @property
    def lang(self) -> str:
        return self.config.lang_short


Output = tuple[str, bytes]


def normalise_base_url(url: str | None) -> str:
    """``https://x.org/tl`` -> ``https://x.org/tl/``; empty stays empty."""
    if not url:
        return ""
    return url if url.endswith("/") else url + "/"


def cache_table(ctx: BuildContext, name: str, *modules: str) -> Table:
    """A table of the on-disk cache, opened once per build (its values computed by ``modules``)."""
    assert ctx.cache is not None
    tables = ctx.caches.tables
    if name not in tables:
        tables[name] = ctx.cache.table(name, code_version(*modules))
    return tables[name]


def _guard(produce: Callable[[BuildContext], Iterator[Output]], ctx: BuildContext) -> Iterator[Output]:
    try:
        yield from produce(ctx)
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(
            [Problem(exc.filename or exc.name or "template", exc.lineno, exc.message or "")]
        ) from None
    except jinja2.TemplateError as exc:
        raise BuildError([Problem(_template_where(exc), _template_line(exc), str(exc))]) from None


def _template_where(exc: Exception) -> str:
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".json", ".txt", ".svg")):
            return frame.filename
    return "template"


def _template_line(exc: Exception) -> int | None:
    import traceback

    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if frame.filename.endswith((".html", ".xml", ".json", ".txt", ".svg")):
            return frame.lineno
    return None
