"""From articles to events: what happened, when, and who reported it.

`extract` is the one entry point the importer calls.  It receives the cleaned
sources (in a stable order) and returns the events, which sources are off
topic, and for ``--explain`` the reasons behind every event.

The stages, one module each:

1. `words`      - segment every source once (jieba), content words, POS;
2. `relevance`  - sources that share no subject with the rest are off topic;
3. `candidates` - sentences reporting something at a resolved time
                  (dates from `temporal`, one paragraph at a time);
4. `merge`      - candidates reporting the same happening become one event,
                  blocked by date; `dating` settles the event's date;
5. `titles`, `entities` - title, summary, people and tags, from the quotes;
6. `events`     - assemble `Event` pages with ids, notes and explanations.

`reuse` keeps the whole result in the site's cache: a re-import whose
sources, settings, data files and code are unchanged does not extract again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..cache import Cache
from ..config import SiteConfig
from ..content import Event, Source
from ..errors import Problem
from ..sitedata import SiteData


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    off_topic: set[str] = field(default_factory=set)
    explain: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Explanations not tied to an event: sentences dropped and why, off-topic reasons."""


def extract(
    sources: list[Source], config: SiteConfig, data: SiteData, cache: Cache | None = None
) -> Extraction:
    """``cache`` (`sitegen.cache`) keeps each text's segmentation and, for an import where
    nothing changed, the whole extraction (`reuse`)."""
    from . import reuse
    from .events import extract_events

    if cache is None or not cache.enabled:
        return extract_events(sources, config, data, cache)
    try:
        key = reuse.key(sources, config, data)
    except (TypeError, reuse.Unkept):  # an input it cannot write down: no reuse
        return extract_events(sources, config, data, cache)
    table = cache.table("extraction", reuse.code_version())
    found, value = table.get(key)
    if found:
        try:
            kept = reuse.decode(value)
        except (KeyError, TypeError, ValueError, IndexError):
            kept = None  # unreadable: computed again below
        if kept is not None:
            from .entities import gazetteer

            gazetteer(data)  # jieba learns the site's names, as running the extraction would teach it
            return kept
    out = extract_events(sources, config, data, cache)
    try:
        value = json.loads(json.dumps(reuse.encode(out), ensure_ascii=False))
        if reuse.same(reuse.decode(value), out):
            table.put(key, value)
    except reuse.Unkept:
        pass
    return out
