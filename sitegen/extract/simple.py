"""The simplest extraction: one event per source, dated by publication.

A stand-in until event detection lands; it already fills the whole event
schema (precision, several sources, verbatim quotes).
"""

from __future__ import annotations

import re

from ..config import SiteConfig
from ..content import Citation, Event, Source
from ..dates import When
from ..markdown import plain_text
from ..sitedata import SiteData
from ..slug import slugify, unique
from . import Extraction

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


def first_sentence(text: str) -> str:
    for block in text.split("\n"):
        m = _SENTENCE.search(block.strip())
        if m and m.group(0).strip():
            return m.group(0).strip()
    return ""


def one_event_per_source(sources: list[Source], config: SiteConfig, data: SiteData) -> Extraction:
    out = Extraction()
    taken: set[str] = set()
    for src in sources:
        quote = first_sentence(plain_text(src.body)) or src.title
        when = When(src.published.replace(second=0, microsecond=0), "minute")
        base = f"{when.start:%Y-%m-%d}-{slugify(src.title)}"
        event_id = unique(base, taken, src.id)
        taken.add(event_id)
        out.events.append(
            Event(
                id=event_id,
                title=src.title,
                when=when,
                sources=[Citation(src.id, quote)],
                summary="",
                note="Dated by the article's publication time.",
            )
        )
        out.explain[event_id] = [f"one event for source {src.id}, dated by its publication time"]
    return out
