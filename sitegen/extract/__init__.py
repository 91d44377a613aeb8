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
"""

from __future__ import annotations

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
    """``cache`` (`sitegen.cache`) keeps each text's segmentation for the next import."""
    from .events import extract_events

    return extract_events(sources, config, data, cache)
