"""A commentary's column label ("人民锐评：", "评论｜", "Opinion:"; `sitegen/data/commentary.toml`).

A headline opening with such a label is a commentary on the news of its days: it argues about the
story rather than reporting it, so it names the story's people seldom and dates little.  Relevance
(`relevance.judge`) reads its lead without the label (the column's name, 人民锐评, is no party of
the story a tagger should count as someone else) and keeps a doubtful commentary on topic, marginal,
even when nobody else tells what it dates, as it keeps a column naming the story's core.
"""

from __future__ import annotations

import functools
import re
import tomllib

from ..core.sitedata import PACKAGE_DATA

_LABEL = re.compile(r"^\s*(?P<label>[^:：|｜\n]{1,12}?)\s*[:：|｜]\s*")


@functools.cache
def _words() -> tuple[tuple[str, ...], frozenset[str]]:
    data = tomllib.loads((PACKAGE_DATA / "commentary.toml").read_text(encoding="utf-8"))
    return tuple(data["zh"]), frozenset(w.lower() for w in data["en"])


def label(lead: str) -> str | None:
    """The column label ``lead`` (a headline, perhaps with what follows) opens with, or None."""
    m = _LABEL.match(lead)
    if m is None:
        return None
    text = m.group("label")
    zh, en = _words()
    return text if text.endswith(zh) or text.lower() in en else None


def without_label(lead: str) -> str:
    """``lead`` with its column label taken off (unchanged when it has none)."""
    m = _LABEL.match(lead)
    return lead[m.end() :] if m is not None and label(lead) else lead
