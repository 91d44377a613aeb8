"""Permanent event addresses: an event's id is chosen once and kept while its happening lasts.

Extraction names each event from its date and title (``2024-05-17-…``), and
would name it again on every import - so a better title, a new source or a merged
neighbour would change the id, and with it the page's address that readers shared.
Import therefore keeps ids (`keep_ids`), knowing only what extraction returns (the
sources each event cites and its date), never how it found them:

1. The events import wrote before are in the ledger, each with the sources it cited
   and its date, as import wrote them (a person's re-dating does not change them).
2. Each new event is matched to the old one it continues: they share cited sources,
   at least half of the smaller set or on the same date.  Pairs are taken best first
   (share of sources in common, sources in common, quotes in common - two events of one
   day may cite one source for two sentences -, same date, the id extraction gives it
   now, a page that exists), each old and each new event at most once.  A matched event
   takes the old id: its page is updated in place, or stays as the person left it.
3. An unmatched new event keeps its extraction id - unless that id is the one another
   new event continues, or an address that moved: then it gets the id made unique
   against every id import ever used.  (Its extraction id naming a page already there, of
   the same date and title, is the same happening: the person's page there stays theirs.)
4. An old event matched by none whose page import removes was merged into another (or
   its sources now make other events): `successors` names, for each, the new event
   citing most of its sources (of those, the nearest in date), and import records ``old id = new id`` in
   ``content/data/moved.toml`` (`record_moved`); the build keeps the old address
   working (`sitegen.builder.publish.redirects`).

The work follows the pairs of old and new events that cite a common source (an index
from source to the old events citing it), not all old × new events.
"""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ..core import frontmatter
from ..core.model import Event
from ..core.slug import unique
from ..errors import ContentError
from ..util.fsutil import atomic_write, sha256
from .ledger import Ledger

MOVED = Path("data") / "moved.toml"
MOVED_HEADER = """\
# Event pages that moved: old id = id of the event that continues it.
# `sitegen import` adds a line when it merges an event into another; you may add your own
# (after renaming an event page, say). `sitegen build` keeps every old address working:
# a redirect for Netlify (_redirects) and a small page pointing to the new one for other hosts.
[events]
"""


@dataclass(frozen=True)
class Known:
    id: str
    sources: frozenset[str]
    date: str
    removed: bool  # absent by import's own doing


def known_events(ledger: Ledger) -> list[Known]:
    return [
        Known(e.id, frozenset(e.sources), e.date or "", e.removed)
        for e in ledger.files.values()
        if e.kind == "event"
    ]


def keep_ids(
    events: list[Event],
    explain: dict[str, list[str]],
    ledger: Ledger,
    used: set[str],
    quoted: dict[str, set[tuple[str, str]]] | None = None,
) -> None:
    """Give each of ``events`` the id of the old event it continues, or a new id no page ever had.

    ``used``: ids no new event may keep (moved addresses).  ``quoted``:
    the (source, quote) pairs of the old events whose pages are as import wrote them
    (`quoted_by_own_pages`).  ``explain`` (keyed by event id) follows the renaming."""
    quoted = quoted or {}
    known = known_events(ledger)
    citing: dict[str, list[int]] = defaultdict(list)
    for k, old in enumerate(known):
        for sid in old.sources:
            citing[sid].append(k)
    pairs = []
    for n, event in enumerate(events):
        cites = {c.source for c in event.sources}
        shared: dict[int, int] = defaultdict(int)
        for sid in cites:
            for k in citing.get(sid, ()):
                shared[k] += 1
        date = event.when.iso()
        pairs_cited = {(c.source, c.quote) for c in event.sources}
        for k, common in shared.items():
            old = known[k]
            same_day = old.date == date
            if common * 2 < min(len(cites), len(old.sources)) and not same_day:
                continue
            union = len(cites) + len(old.sources) - common
            same_quotes = len(pairs_cited & quoted.get(old.id, set()))
            score = (common / union, common, same_quotes, same_day, old.id == event.id, not old.removed)
            pairs.append((*score, -n, old.id, n, k))
    pairs.sort(reverse=True)
    matched: dict[int, str] = {}
    taken_old: set[int] = set()
    for *_, n, k in pairs:
        if n in matched or k in taken_old:
            continue
        matched[n] = known[k].id
        taken_old.add(k)
    barred = used | set(matched.values())
    taken = barred | {k.id for k in known}
    before = dict(explain)
    explain.clear()
    for n, event in enumerate(events):
        lines = before.get(event.id, [])
        if n in matched:
            event.id = matched[n]
        elif event.id in barred:
            salt = ",".join(sorted(c.source for c in event.sources)) + event.title
            event.id = unique(event.id, taken, salt)
        barred.add(event.id)
        taken.add(event.id)
        explain[event.id] = lines


def quoted_by_own_pages(content_dir: Path, ledger: Ledger) -> dict[str, set[tuple[str, str]]]:
    """Old event id -> the (source, quote) pairs its page cites, for pages as import wrote them."""
    out: dict[str, set[tuple[str, str]]] = {}
    for rel, entry in ledger.files.items():
        if entry.kind != "event" or entry.removed:
            continue
        path = Path(content_dir) / rel
        try:
            data = path.read_bytes()
            if not ledger.is_own(rel, sha256(data)):
                continue
            cited = frontmatter.parse(data.decode("utf-8"), path).data.get("sources") or []
        except (OSError, UnicodeDecodeError, ContentError):
            continue
        out[entry.id] = {(str(c.get("id")), str(c.get("quote"))) for c in cited if isinstance(c, dict)}
    return out


def successors(ledger: Ledger, events: list[Event]) -> dict[str, str]:
    """For each old event whose id no new event has: the new event citing most of its sources."""
    now = {e.id for e in events}
    by_source: dict[str, list[str]] = defaultdict(list)
    dates = {e.id: _day_of(e.when.iso()) for e in events}
    for e in events:
        for sid in {c.source for c in e.sources}:
            by_source[sid].append(e.id)
    out = {}
    for old in known_events(ledger):
        if old.id in now:
            continue
        votes: dict[str, int] = defaultdict(int)
        for sid in old.sources:
            for eid in by_source.get(sid, ()):
                votes[eid] += 1
        if votes:
            day = _day_of(old.date)
            # most sources in common; among those, the event whose date is nearest the old one's
            # (a merged-away report of one evening goes to that evening's happening, not to a
            # background event years before that cites the same article)
            out[old.id] = min(sorted(votes), key=lambda eid: (-votes[eid], _distance(day, dates[eid])))
    return out


_DAY = re.compile(r"^(-?\d{1,4})(?:-(\d\d))?(?:-(\d\d))?")


def _day_of(iso: str) -> int | None:
    """The ordinal of the first day an ISO date (``2024-05-17T20:00+08:00``, ``2024-05``,
    ``2009``) names, or None when it names none."""
    m = _DAY.match(iso or "")
    if not m or int(m.group(1)) < 1:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)).toordinal()
    except ValueError:
        return None


def _distance(a: int | None, b: int | None) -> float:
    return abs(a - b) if a is not None and b is not None else float("inf")


def read_moved(content_dir: Path, *, strict: bool = False) -> dict[str, str]:
    """``content/data/moved.toml``'s ``[events]`` table: old id -> new id (empty if there is none).

    ``strict``: a file that is not such a table raises `ContentError` (``file:line``); else
    it counts as empty (import adds to it only what it can read; the build reports it)."""
    path = Path(content_dir) / MOVED
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        if strict:
            raise ContentError(path, None, f"cannot read the moved event addresses: {exc}") from None
        return {}
    try:
        table = tomllib.loads(text).get("events", {})
    except tomllib.TOMLDecodeError as exc:
        if strict:
            m = re.search(r"line (\d+)", str(exc))
            raise ContentError(path, int(m.group(1)) if m else None, f"not valid TOML: {exc}") from None
        return {}
    bad = [k for k, v in table.items() if not isinstance(v, str)] if isinstance(table, dict) else ["[events]"]
    if bad and strict:
        raise ContentError(path, None, f'[events] must map old ids to new ids ("old" = "new"): {bad[0]}')
    return {str(k): v for k, v in table.items() if isinstance(v, str)} if isinstance(table, dict) else {}


def record_moved(content_dir: Path, moved: dict[str, str]) -> None:
    """Add ``old = new`` lines to ``content/data/moved.toml``, keeping what is there (a person's
    lines and comments too); an old id already listed is pointed at its new place."""
    path = Path(content_dir) / MOVED
    have = read_moved(content_dir)
    fresh = {k: v for k, v in moved.items() if have.get(k) != v}
    if not fresh:
        return
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = text.splitlines()
    headers = [i for i, line in enumerate(lines) if line.strip().startswith("[")]
    last_is_events = bool(headers) and lines[headers[-1]].strip() == "[events]"
    if any(k in have for k in fresh) or (headers and not last_is_events):
        # an entry changes, or [events] is not the last table: the table is written again
        merged = {**have, **fresh}
        atomic_write(path, MOVED_HEADER + "".join(f"{_key(k)} = {_key(v)}\n" for k, v in merged.items()))
        return
    if not text.strip():
        text = MOVED_HEADER
    elif not headers:
        text = text.rstrip("\n") + "\n[events]\n"
    elif not text.endswith("\n"):
        text += "\n"
    atomic_write(path, text + "".join(f"{_key(k)} = {_key(v)}\n" for k, v in fresh.items()))


def _key(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
