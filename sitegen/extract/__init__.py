"""From articles to events: what happened, when, and who reported it.

`extract` is the one entry point the importer calls.  It receives the cleaned
sources (in a stable order) and returns the events, which sources are off
topic, and for ``--explain`` the reasons behind every event.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


def extract(sources: list[Source], config: SiteConfig, data: SiteData) -> Extraction:
    from .simple import one_event_per_source

    return one_event_per_source(sources, config, data)
