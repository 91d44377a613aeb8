"""An organisation's English name written short: "X Rail" for "X Rail Group".

English reports name a company in full once ("X Rail Group, which runs the line") and
short after, or in a later report ("X Rail agreed on Friday to pay …"); a Chinese report
names it by its Chinese name, which no pinyin links to a brand.  Counted apart, the short form
is a name no other source shares and the full one loses the reports writing it short, so a
report naming the company only short looks as if it named no one of the story's.

A capitalised run is a short form of another run of the dump when that run is it followed by
generic endings of names (``sitegen/data/name_suffixes.toml``'s English side: group, holdings,
rail, airlines …) and the short form keeps at least two words: "China" is no short form of
"China Railway", a country being no company.  When several full names shorten to one form,
the one most sources write wins; and only when at least as many sources write it as write the
short form: a company most reports name short ("X Cloud", its listed "X Cloud Holdings" in a
few market reports) is known by that, and its holding company may be told apart.  `teach`
makes the lexicon read every short form as its full name (``Lexicon.aliases``), so every later
reader (relevance, leads, identity) sees one name.
"""

from __future__ import annotations

from collections import Counter

from .story_names import suffix_translations
from .words import Lexicon

MIN_WORDS = 2
"""A short form keeps at least this many words."""


def endings() -> set[tuple[str, ...]]:
    """The generic endings of names in English, each as a tuple of words."""
    return {tuple(e.split()) for en in suffix_translations().values() for e in en}


def shorter(run: str, ends: set[tuple[str, ...]]) -> list[str]:
    """The short forms of ``run``: it with one ending or more taken off its end, longest first."""
    words = tuple(run.split())
    out = []
    while True:
        cut = next((e for e in sorted(ends, key=len, reverse=True) if words[-len(e) :] == e), None)
        if cut is None or len(words) - len(cut) < MIN_WORDS:
            return out
        words = words[: -len(cut)]
        out.append(" ".join(words))


def full_forms(runs: dict[str, list[str]]) -> dict[str, str]:
    """Short form -> full name, over the capitalised runs (lower-cased) of every source."""
    ends = endings()
    writers = Counter(r for found in runs.values() for r in set(found))
    longer: dict[str, Counter[str]] = {}
    for run, n in writers.items():
        for short in shorter(run, ends):
            longer.setdefault(short, Counter())[run] += n
    out = {}
    for short, found in sorted(longer.items()):
        name, n = found.most_common(1)[0]
        if (
            n >= writers[short]
        ):  # a short form most sources write is the name ("X Cloud" beside "X Cloud Holdings")
            out[short] = name
    return out


def teach(runs: dict[str, list[str]], lexicon: Lexicon) -> dict[str, list[str]]:
    """Make ``lexicon`` read each short form as its full name; ``runs`` with short forms replaced."""
    full = full_forms(runs)
    for short, name in full.items():
        lexicon.aliases.setdefault(short, name)
    return {sid: [full.get(r, r) for r in found] for sid, found in runs.items()}
