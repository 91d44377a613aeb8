"""Names a report's headline writes in pinyin that its excerpt does not: its subject too.

A dump's record is a headline and an excerpt, often cut after a sentence or two.  An English
report's headline may name the story by a place or a line its excerpt never repeats ("Families
of <line> crash victims settle …" above an excerpt naming only the operator): counted from the
excerpt alone, the report shares one name with the story and looks like a stray.  So the names
of Chinese words a headline writes in Latin letters (pinyin of a name the story's Chinese
reports share, linked by `Lexicon.latin_names`) count among the report's subjects, once, as
the body's do.  Only names the lexicon links: a headline's other capitalised words (every word
of a title-cased headline) are no evidence.
"""

from __future__ import annotations

from collections import Counter

from .words import Lexicon


def headline_names(lead: str, body: str, lexicon: Lexicon, weight: float) -> Counter[str]:
    """The linked names ``lead`` (headline and first sentence) writes and ``body`` does not."""
    have = set(lexicon.latin_terms(body))
    return Counter({w: weight for w in lexicon.latin_terms(lead) if w not in have})
