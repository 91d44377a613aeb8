"""Copies of one sentence (syndicated reports, reposts) dated alike before merging."""

from __future__ import annotations

from collections import defaultdict

from ..core.markdown import normalise_ws
from .candidates import Candidate


def align_syndicated(candidates: list[Candidate]) -> list[str]:
    """Copies of one sentence dated differently (relative dates, reposts) take the earliest copy's date."""
    notes = []
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in candidates:
        groups[normalise_ws(c.quote)].append(c)
    for _quote, group in groups.items():
        dated = [c for c in group if c.when is not None]
        if len({(c.when.start, c.when.period_end()) for c in dated}) < 2:  # type: ignore[union-attr]
            continue
        first = min(dated, key=lambda c: (c.published, c.order))
        for c in dated:
            if c is not first and c.when != first.when:
                notes.append(
                    f"{c.source.id}: same sentence as {first.source.id} (published earlier); "
                    f"its date {c.when.label()} is taken as {first.when.label()}"  # type: ignore[union-attr]
                )
                c.when = first.when
                c.founding = first.founding
    return notes
