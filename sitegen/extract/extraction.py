"""What the extraction gives the importer: events, off-topic sources, explanations, problems."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.model import Event
from ..errors import Problem


@dataclass
class Extraction:
    events: list[Event] = field(default_factory=list)
    off_topic: set[str] = field(default_factory=set)
    explain: dict[str, list[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Explanations not tied to an event: sentences dropped and why, off-topic reasons."""
