"""``search/``: the timeline's static search index (format and measurements in docs/search.md).

Documents are numbered events first, in timeline order (the order of the
``[data-event-id]`` elements of index.html), then sources by publication time,
so a date range is a range of document numbers.  ``search/meta.json`` is the
one file with a fixed name; every other file is named for a hash of its bytes
(listed in meta.json), so it can be cached forever and an edit rewrites only
the files it changes (the index itself is updated in place: `search_update`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, timedelta

from ..content import Event, Source
from ..markdown import plain_text
from ..segment import add_user_dict
from . import BuildContext, Output
from .pages import published_text
from .parallel import on_second_core
from .search_index import LEVELS, PREFIX, Doc, fnv1a, to_json
from .search_text import fold_map, is_cjk, normalise
from .search_update import keep, load, shard_name, state_key, updated, whole

FORMAT = 2
FOLDER = "data"  # every file but meta.json, each named for its bytes
CHUNK = 10  # sources per listing file
MAX_ALIASES = 8
FIELD_WEIGHTS = {"title": 3.0, "people": 2.0, "tags": 2.0, "summary": 1.5, "quote": 1.0, "outlet": 1.0}


def _day(dt: datetime, ctx: BuildContext) -> int:
    return (dt.astimezone(ctx.config.tz).date() - date(1970, 1, 1)).days


def event_doc(ctx: BuildContext, event: Event) -> Doc:
    outlets = list(dict.fromkeys(ctx.site.sources[c.source].outlet_name for c in event.sources))
    w = FIELD_WEIGHTS
    fields = [(w["title"], event.title), (w["summary"], plain_text(event.summary))]
    fields += [(w["quote"], c.quote) for c in event.sources]
    fields += [(w["people"], p) for p in event.people] + [(w["tags"], t) for t in event.tags]
    fields += [(w["outlet"], o) for o in outlets]
    facets = [f"p:{p}" for p in event.people] + [f"t:{t}" for t in event.tags] + [f"o:{o}" for o in outlets]
    return Doc(fields, facets)


def source_doc(src: Source, citing: list[Event]) -> Doc:
    w = FIELD_WEIGHTS
    fields = [(w["title"], src.title), (w["outlet"], src.outlet_name)]
    fields += [(1.0, b["name"]) for b in src.bylines]
    facets = [f"o:{src.outlet_name}"]
    for e in citing:
        facets += [f"p:{p}" for p in e.people] + [f"t:{t}" for t in e.tags]
    body_key = f"page {src.digest}" if src.digest else hashlib.blake2b(src.body.encode()).hexdigest()
    return Doc(fields, facets, body=lambda: src.text, body_key=body_key)


def pinyin_aliases(names: Counter, spelled: dict[str, str] | None = None) -> dict[str, list[str]]:
    """``abcxyz`` -> the Chinese names it spells, most used first (``names``: name -> uses).

    ``spelled``: name -> its pinyin, from earlier calls (pypinyin takes a while to load); new
    names are added to it."""
    spelled = {} if spelled is None else spelled
    found: dict[str, list[tuple[int, str]]] = {}
    for name, uses in names.items():
        text = normalise(name)
        if len(text) < 2 or not all(is_cjk(c) for c in text):
            continue
        alias = spelled.get(text)
        if alias is None:
            from pypinyin import Style, lazy_pinyin

            alias = spelled[text] = "".join(lazy_pinyin(text, style=Style.NORMAL))
        if alias.isascii() and alias.isalpha() and len(alias) > PREFIX:
            found.setdefault(alias, []).append((-uses, text))
    return {a: [t for _, t in sorted(set(v))[:MAX_ALIASES]] for a, v in found.items()}


def _runs_of_days(days: list[int]) -> list[list[int]]:
    out: list[list[int]] = []
    for d in days:
        if out and out[-1][0] == d:
            out[-1][1] += 1
        else:
            out.append([d, 1])
    return out


@on_second_core
def search_index(ctx: BuildContext) -> Iterator[Output]:
    site = ctx.site
    user_dict = ctx.config.content_dir / "data" / "userdict.txt"
    add_user_dict(user_dict)
    events = site.timeline()
    sources = sorted(site.sources.values(), key=lambda s: (s.published, s.id))
    citing: dict[str, list[Event]] = {}
    for e in events:
        for c in e.sources:
            citing.setdefault(c.source, []).append(e)

    groups = [[event_doc(ctx, e) for e in events], [source_doc(s, citing.get(s.id, [])) for s in sources]]
    named = Counter()
    for e in events:
        named.update(e.people + e.tags)
    for s in sources:
        named[s.outlet_name] += 1

    key = state_key(user_dict.read_bytes() if user_dict.is_file() else b"")
    old = load(ctx, key)
    spelled = dict(old.spelled) if old is not None else {}

    def aliases_of(spoken: Counter) -> dict[str, list[str]]:
        names = spoken + named
        aliases = pinyin_aliases(names, spelled)
        for name in [n for n in spelled if n not in names]:  # kept for the names the site has
            del spelled[name]
        return aliases

    state = (updated(old, groups, aliases_of) if old is not None else None) or whole(key, groups, aliases_of)
    if state is not old:
        state.spelled = spelled
    keep(ctx, state, old)

    files: list[tuple[str, bytes]] = [(f"{n}", shard) for n, shard in enumerate(state.shards)]
    for n, i in enumerate(range(0, len(sources), CHUNK)):
        listed = [[s.id, s.title, s.outlet_name, published_text(s, ctx.lang)] for s in sources[i : i + CHUNK]]
        files.append((f"c{n}", to_json(listed)))
    ids = [e.id for e in events]
    facets = {
        "people": Counter(p for e in events for p in dict.fromkeys(e.people)),
        "tags": Counter(t for e in events for t in dict.fromkeys(e.tags)),
        "outlets": Counter(s.outlet_name for s in sources),
    }
    files.append(("ids", to_json(ids)))
    ranked = {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for k, v in facets.items()}
    files.append(("facets", to_json(ranked)))
    hashes = [shard_name(data) for _, data in files]
    event_starts = [_day(e.when.start, ctx) for e in events]
    event_ends = [
        [n, end]
        for n, e in enumerate(events)
        if (end := _day(e.when.period_end() - timedelta(microseconds=1), ctx)) != event_starts[n]
    ]
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
    for (name, data), h in zip(files, hashes, strict=True):
        yield f"search/{FOLDER}/{name}.{h}.json", data
    yield "search/meta.json", to_json(meta)
