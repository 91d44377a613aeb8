"""A capitalised word opening a sentence that other reports of the dump write as a name.

`entities.latin_names` skips one capitalised word opening a sentence: "Shares", "The",
"Police" open sentences without naming anyone.  But a report whose headline and lead both open
on the company ("Brightwater points finger at …", "Brightwater's review found …") would then
never name it, and look off topic.  Such a word counts as a name when at least ``min_sources``
other reports of the dump write it alone as a name mid-sentence ("after Brightwater said"): the
dump itself, not the word's capital, says it is one.  Only one-word runs count (a longer run is
a name wherever it stands), and only other reports' (a report cannot vouch for itself).
"""

from __future__ import annotations

from collections import Counter

from .entities import latin_names
from .words import Lexicon


def opening_names(runs: dict[str, list[str]], min_sources: int) -> dict[str, set[str]]:
    """Each source's openers (`entities.latin_names`): the one-word runs at least
    ``min_sources`` other sources write mid-sentence.  ``runs``: each source's `latin_names`."""
    single = {sid: {r for r in found if " " not in r} for sid, found in runs.items()}
    count = Counter(w for found in single.values() for w in found)
    return {
        sid: {w for w, n in count.items() if n - (w in mine) >= min_sources} for sid, mine in single.items()
    }


def named_runs(texts: dict[str, str], lexicon: Lexicon, min_sources: int) -> dict[str, list[str]]:
    """Each text's `entities.latin_names`, counting its openers (`opening_names`) as names."""
    found = {sid: latin_names(t, lexicon) for sid, t in texts.items()}
    openers = opening_names(found, min_sources)
    return {
        sid: latin_names(t, lexicon, openers[sid]) if openers[sid] else found[sid] for sid, t in texts.items()
    }
