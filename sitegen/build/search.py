"""``search/``: the timeline's static search index (format and measurements in docs/search.md).

Documents are numbered events first, in timeline order (the order of the
``[data-event-id]`` elements of index.html), then sources by publication time,
so a date range is a range of document numbers.  ``search/meta.json`` is the
one file with a fixed name; every other file is in a folder named for the hash
of all of them, so they can be cached forever.
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
from .search_index import LEVELS, PREFIX, Doc, build_postings, fnv1a, shards, to_json
from .search_text import fold_map, is_cjk, normalise

FORMAT = 1
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
    return Doc(fields, facets, body=src.text)


def pinyin_aliases(names: Counter) -> dict[str, list[str]]:
    """``abcxyz`` -> the Chinese names it spells, most used first (``names``: name -> uses)."""
    from pypinyin import Style, lazy_pinyin

    found: dict[str, list[tuple[int, str]]] = {}
    for name, uses in names.items():
        text = normalise(name)
        if len(text) < 2 or not all(is_cjk(c) for c in text):
            continue
        alias = "".join(lazy_pinyin(text, style=Style.NORMAL))
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
    add_user_dict(ctx.config.content_dir / "data" / "userdict.txt")
    events = site.timeline()
    sources = sorted(site.sources.values(), key=lambda s: (s.published, s.id))
    citing: dict[str, list[Event]] = {}
    for e in events:
        for c in e.sources:
            citing.setdefault(c.source, []).append(e)

    postings = build_postings(
        [[event_doc(ctx, e) for e in events], [source_doc(s, citing.get(s.id, [])) for s in sources]]
    )

    names = Counter(postings.spoken)
    for e in events:
        names.update(e.people + e.tags)
    for s in sources:
        names[s.outlet_name] += 1

    files: dict[str, bytes] = {}
    for n, shard in enumerate(shards(postings, pinyin_aliases(names))):
        files[f"{n}.json"] = to_json(shard)
    for n, i in enumerate(range(0, len(sources), CHUNK)):
        listed = [[s.id, s.title, s.outlet_name, published_text(s, ctx.lang)] for s in sources[i : i + CHUNK]]
        files[f"c{n}.json"] = to_json(listed)
    ids = [e.id for e in events]
    event_starts = [_day(e.when.start, ctx) for e in events]
    event_ends = [
        [n, end]
        for n, e in enumerate(events)
        if (end := _day(e.when.period_end() - timedelta(microseconds=1), ctx)) != event_starts[n]
    ]
    indexed_chars = {c for t in postings.terms if len(t) <= 2 for c in t if is_cjk(c)}
    facets = {
        "people": Counter(p for e in events for p in dict.fromkeys(e.people)),
        "tags": Counter(t for e in events for t in dict.fromkeys(e.tags)),
        "outlets": Counter(s.outlet_name for s in sources),
    }
    files["ids.json"] = to_json(ids)
    files["facets.json"] = to_json(
        {k: sorted(v.items(), key=lambda kv: (-kv[1], kv[0])) for k, v in facets.items()}
    )
    digest = hashlib.sha256()
    for name, data in sorted(files.items()):
        digest.update(name.encode() + b"\0" + data)
    folder = digest.hexdigest()[:12]
    meta = {
        "format": FORMAT,
        "dir": folder,
        "events": len(events),
        "sources": len(sources),
        "idsHash": f"{fnv1a(chr(10).join(ids)):08x}",
        "shards": sum(1 for name in files if name[0].isdigit()),
        "chunkSize": CHUNK,
        "fold": "".join(t + s for t, s in sorted(fold_map().items()) if s in indexed_chars),
        "eventDays": _runs_of_days(event_starts),
        "eventEnds": event_ends,
        "sourceDays": _runs_of_days([_day(s.published, ctx) for s in sources]),
        "levels": LEVELS,
        "prefix": PREFIX,
    }
    for name, data in sorted(files.items()):
        yield f"search/{folder}/{name}", data
    yield "search/meta.json", to_json(meta)
