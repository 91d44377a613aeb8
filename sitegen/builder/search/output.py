"""``search/``: the timeline's static search index (format and measurements in docs/search.md).

Documents are numbered events first, in timeline order (the order of the
``[data-event-id]`` elements of index.html), then sources by publication time,
so a date range is a range of document numbers.  ``search/meta.json`` is the
one file with a fixed name; every other file is named for a hash of its bytes
(listed in meta.json), so it can be cached forever and an edit rewrites only
the files it changes (the index itself is updated in place: `search_update`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import partial

from ...core.markdown import plain_text
from ...core.model import Event, Source
from ...util.segment import add_user_dict
from ..context import BuildContext, Output
from ..names import event_names, listed_kinds
from ..parallel import on_second_core
from ..render.fragments import pieces
from ..render.pages import published_text
from .index import LEVELS, PREFIX, Doc, fnv1a, to_json
from .text import fold_map, is_cjk, normalise
from .update import IndexState, content_hash, keep, load, state_key, updated, whole

FORMAT = 2
FOLDER = "data"  # every file but meta.json, each named for its bytes
CHUNK = 10  # sources per listing file
MAX_ALIASES = 8
FIELD_WEIGHTS = {"title": 3.0, "people": 2.0, "tags": 2.0, "summary": 1.5, "quote": 1.0, "outlet": 1.0}
FACETS = {"person": "p", "organisation": "g", "place": "l"}
"""A name's kind -> its facet's prefix (a name of a kind not known has none: its words find it)."""
KIND_LISTS = {"person": "people", "organisation": "organisations", "place": "places"}


def _day(dt: datetime, ctx: BuildContext) -> int:
    return (dt.astimezone(ctx.config.tz).date() - date(1970, 1, 1)).days


def event_doc(ctx: BuildContext, event: Event) -> Doc:
    outlets = list(dict.fromkeys(ctx.site.sources[c.source].outlet_name for c in event.sources))
    w = FIELD_WEIGHTS
    fields = [(w["title"], event.title), (w["summary"], plain_text(event.summary))]
    fields += [(w["quote"], c.quote) for c in event.sources]
    names = event_names(event, listed_kinds(ctx))
    fields += [(w["people"], n) for _, n in names] + [(w["tags"], t) for t in event.tags]
    fields += [(w["outlet"], o) for o in outlets]
    facets = _name_facets(names) + [f"t:{t}" for t in event.tags] + [f"o:{o}" for o in outlets]
    return Doc(fields, facets)


def _name_facets(names: list[tuple[str, str]]) -> list[str]:
    return [f"{FACETS[kind]}:{name}" for kind, name in names if kind in FACETS]


def source_doc(src: Source, citing: list[Event], listed: dict[str, str] | None = None) -> Doc:
    w = FIELD_WEIGHTS
    fields = [(w["title"], src.title), (w["outlet"], src.outlet_name)]
    fields += [(1.0, b["name"]) for b in src.bylines]
    facets = [f"o:{src.outlet_name}"]
    for e in citing:
        facets += _name_facets(event_names(e, listed or {})) + [f"t:{t}" for t in e.tags]
    return Doc(fields, facets, body=lambda: src.text, body_key=src.body_key())


def pinyin_aliases(names: Counter, spelled: dict[str, str] | None = None) -> dict[str, list[str]]:
    """``abcxyz`` -> the Chinese names it spells, most used first (``names``: name -> uses).

    ``spelled``: name -> its pinyin ("" for a name that has none: not two or more CJK characters),
    from earlier calls - pypinyin takes a while to load, and a site has tens of thousands of
    names; new names are added to it."""
    spelled = {} if spelled is None else spelled
    found: dict[str, list[tuple[int, str]]] = {}
    for name, uses in names.items():
        if alias := _spelled(name, spelled):
            found.setdefault(alias, []).append((-uses, normalise(name)))
    return {a: _most_used(v) for a, v in found.items()}


def aliases_since(
    aliases: dict[str, list[str]], before: dict[str, int], names: Counter, spelled: dict[str, str]
) -> dict[str, list[str]]:
    """`pinyin_aliases` of ``names``, from ``aliases`` made of the names ``before``: only the
    aliases of names whose use count changed are worked out again."""
    changed = {
        a
        for n in names.keys() | before.keys()
        if names.get(n) != before.get(n)
        if (a := _spelled(n, spelled))
    }
    if not changed:
        return aliases
    found: dict[str, list[tuple[int, str]]] = {a: [] for a in changed}
    for name, uses in names.items():
        if (alias := spelled.get(name)) in found:
            found[alias].append((-uses, normalise(name)))
    now = dict(aliases)
    for alias, used in found.items():
        if used:
            now[alias] = _most_used(used)
        else:
            now.pop(alias, None)
    return now


def _most_used(used: list[tuple[int, str]]) -> list[str]:
    return [t for _, t in sorted(set(used))[:MAX_ALIASES]]


def _spelled(name: str, spelled: dict[str, str]) -> str:
    alias = spelled.get(name)
    if alias is None:
        alias = spelled[name] = _pinyin(normalise(name))
    return alias


def _pinyin(text: str) -> str:
    """The pinyin spelling of a normalised name, if it can be an alias (else "")."""
    if len(text) < 2 or not all(is_cjk(c) for c in text):
        return ""
    from pypinyin import Style, lazy_pinyin

    alias = "".join(lazy_pinyin(text, style=Style.NORMAL))
    return alias if alias.isascii() and alias.isalpha() and len(alias) > PREFIX else ""


def _listing(ctx: BuildContext, sources: tuple[Source, ...]) -> bytes:
    """A ``c<n>.json``: id, title, outlet and date label of each source."""
    return to_json([[s.id, s.title, s.outlet_name, published_text(s, ctx.lang)] for s in sources])


def _days(ctx: BuildContext, event: Event) -> tuple[int, int]:
    """The first and last day of an event, as day numbers."""
    return _day(event.when.start, ctx), _day(event.when.period_end() - timedelta(microseconds=1), ctx)


def _runs_of_days(days: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for d in days:
        if out and out[-1][0] == d:
            out[-1][1] += 1
        else:
            out.append([d, 1])
    return out


def _index_state(ctx: BuildContext, groups: list[list[Doc]], named: Counter, user_dict: bytes) -> IndexState:
    """The index of ``groups``: updated from the one the last build kept where it can be, else made
    whole; kept for the next build.  ``named``: people, tags and outlets with their uses, the names
    pinyin aliases are made of besides jieba's words."""
    key = state_key(user_dict)
    old = load(ctx, key)
    spelled = dict(old.spelled) if old is not None else {}
    latest: dict[str, int] = {}

    def aliases_of(spoken: Counter) -> dict[str, list[str]]:
        names = spoken + named
        if old is not None:
            aliases = aliases_since(old.aliases, old.names, names, spelled)
        else:
            aliases = pinyin_aliases(names, spelled)
        for name in [n for n in spelled if n not in names]:  # kept for the names the site has
            del spelled[name]
        latest.clear()
        latest.update(names)
        return aliases

    state = (updated(old, groups, aliases_of) if old is not None else None) or whole(key, groups, aliases_of)
    if state is not old:
        state.spelled, state.names = spelled, latest
    keep(ctx, state, old)
    return state


def _load_pinyin(ctx: BuildContext) -> None:
    """Before the fork: the pages spell people and tags in pinyin for their topic paths
    (`topics.topic_path`) and the index spells the names it holds, so pypinyin and its tables
    (about half a second) are loaded once, here, rather than in both processes."""
    if any(e.named() or e.tags for e in ctx.site.events.values()):
        import pypinyin  # noqa: F401


@on_second_core(before_fork=_load_pinyin)
def search_index(ctx: BuildContext) -> Iterator[Output]:
    site = ctx.site
    user_dict = ctx.config.content_dir / "data" / "userdict.txt"
    add_user_dict(user_dict)
    events = site.timeline()
    name_kinds = listed_kinds(ctx)
    sources = sorted(site.sources.values(), key=lambda s: (s.published, s.id))
    citing: dict[str, list[Event]] = {}
    for e in events:
        for c in e.sources:
            citing.setdefault(c.source, []).append(e)

    # made again only for items that changed since the last update (`sitegen serve` keeps the rest)
    docs = pieces(ctx, "search-docs")
    cited = {e.id: tuple(site.sources.get(c.source) for c in e.sources) for e in events}
    by_source = [
        ((s, *citing.get(s.id, [])), "source", partial(source_doc, s, citing.get(s.id, []), name_kinds))
        for s in sources
    ]
    groups = [
        docs.many([((e, *cited[e.id]), "event", partial(event_doc, ctx, e)) for e in events]),
        docs.many(by_source),
    ]
    named = Counter()
    for e in events:
        named.update([n for _, n in e.named()] + e.tags)
    for s in sources:
        named[s.outlet_name] += 1

    state = _index_state(ctx, groups, named, user_dict.read_bytes() if user_dict.is_file() else b"")

    chunks = [tuple(sources[i : i + CHUNK]) for i in range(0, len(sources), CHUNK)]
    listed = pieces(ctx, "search-listing")
    listings = listed.many([(chunk, ctx.lang, partial(_listing, ctx, chunk)) for chunk in chunks])
    ids = [e.id for e in events]
    facets = {
        **{
            key: Counter(n for e in events for k, n in event_names(e, name_kinds) if k == kind)
            for kind, key in KIND_LISTS.items()
        },
        "tags": Counter(t for e in events for t in dict.fromkeys(e.tags)),
        "outlets": Counter(s.outlet_name for s in sources),
    }
    ranked = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for k, v in facets.items()}
    # each shard named for its bytes (an edit rewrites a few); the listings, which change together
    # when sources come or go, in one folder named for all of them (one hash in meta.json, not ~1,000)
    listing = content_hash(b"".join(len(d).to_bytes(8, "little") + d for d in listings))
    ids_data, facets_data = to_json(ids), to_json(ranked)
    hashes = [*state.hashes, listing, content_hash(ids_data), content_hash(facets_data)]
    shards = zip(state.hashes, state.shards, strict=True)
    files = [(f"{n}.{h}.json", shard) for n, (h, shard) in enumerate(shards)]
    files += [(f"c.{listing}/{n}.json", data) for n, data in enumerate(listings)]
    files += [(f"ids.{hashes[-2]}.json", ids_data), (f"facets.{hashes[-1]}.json", facets_data)]
    timed = pieces(ctx, "search-days")
    days = timed.many([((e,), ctx.config.timezone, partial(_days, ctx, e)) for e in events])
    event_starts = [start for start, _ in days]
    event_ends = [[n, end] for n, (start, end) in enumerate(days) if end != start]
    meta = {
        "format": FORMAT,
        "files": "".join(hashes),
        "events": len(events),
        "sources": len(sources),
        "idsHash": f"{fnv1a(chr(10).join(ids)):08x}",
        "shards": state.count,
        "chunkSize": CHUNK,
        "fold": "".join(t + s for t, s in sorted(fold_map().items()) if s in state.chars),
        "eventDays": _runs_of_days(event_starts),
        "eventEnds": event_ends,
        "sourceDays": _runs_of_days([_day(s.published, ctx) for s in sources]),
        "levels": LEVELS,
        "prefix": PREFIX,
    }
    for name, data in files:
        yield f"search/{FOLDER}/{name}", data
    yield "search/meta.json", to_json(meta)
