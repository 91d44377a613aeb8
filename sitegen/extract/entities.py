"""People, organisations and tags of an event, from its quotes.

People and organisations come from two places:

* the site's gazetteer, ``content/data/people.toml`` (canonical name = list
  of aliases, English romanisations included), whose names are also taught to
  jieba so they segment as one word and English sources link to Chinese names;
* jieba's parts of speech: person names (``nr``) that start with a common
  surname (``sitegen/data/surnames.txt``; jieba's dictionary tags many ordinary
  words ``nr``), and organisations (``nt``).

Tags are the event's most telling nouns and terms: weighted by jieba's general
idf, never a stopword (``stopwords.txt``), a name, or a time word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..segment import add_word
from ..sitedata import PACKAGE_DATA, SiteData
from .words import CJK_WORD, ORG_TAGS, Lexicon, general_idf, in_dictionary, tag_of

TAG_TAGS = ("n", "nz", "vn", "ns", "nt", "l", "j", "eng")
"""Parts of speech a tag may have."""

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}$|^[A-Z]+[0-9][A-Z0-9]*$")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    path = Path(PACKAGE_DATA) / "surnames.txt"
    chars = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        chars.update(line.split("#", 1)[0].split())
    return frozenset(chars)


@dataclass
class Gazetteer:
    kinds: dict[str, str] = field(default_factory=dict)
    """canonical name -> "person" | "organisation" | "place\""""
    aliases: dict[str, str] = field(default_factory=dict)
    """lower-cased alias or name -> canonical name"""
    not_names: set[str] = field(default_factory=set)
    """words jieba takes for names that are not (people.toml ``not_names``)"""


def gazetteer(data: SiteData) -> Gazetteer:
    """The site's names; Chinese ones are added to jieba's dictionary so they segment whole."""
    gaz = Gazetteer(not_names=set(data.not_names))
    for kind, table in (
        ("person", data.people),
        ("organisation", data.organisations),
        ("place", data.places),
    ):
        for name, aliases in table.items():
            gaz.kinds[name] = kind
            for alias in [name, *aliases]:
                gaz.aliases[alias.lower()] = name
                if CJK_WORD.match(alias) and not in_dictionary(alias):
                    add_word(alias, tag={"person": "nr", "organisation": "nt"}.get(kind, "ns"))
    return gaz


def make_lexicon(data: SiteData, gaz: Gazetteer, keyword: str | None) -> Lexicon:
    ignored: set[str] = set()
    if keyword:
        ignored.update(k.strip().lower() for k in re.split(r"[\s,，、]+", keyword) if k.strip())
    return Lexicon(
        stopwords={w.lower() for w in data.stopwords},
        aliases=dict(gaz.aliases),
        ignored=ignored,
        names=set(gaz.kinds),
    )


NAME_MIN_IDF = 9.0
"""jieba's dictionary tags common words nr too (文明); real names are rare words (idf ≥ about 9.5)."""


def is_person_name(word: str) -> bool:
    """A Chinese person name by jieba's tag, with the checks its dictionary needs."""
    if not CJK_WORD.match(word) or not 2 <= len(word) <= 4:
        return False
    tag = tag_of(word)
    if tag in ("nrfg", "nrt"):
        return True
    if tag != "nr" or len(word) > 3 or word[0] not in surnames():
        return False
    idf, _ = general_idf()
    return idf.get(word, NAME_MIN_IDF) >= NAME_MIN_IDF


def is_organisation(word: str) -> bool:
    if CJK_WORD.match(word) is None or not tag_of(word).startswith(ORG_TAGS) or len(word) < 3:
        return False
    idf, _ = general_idf()
    return idf.get(word, NAME_MIN_IDF) >= NAME_MIN_IDF


def people(
    quotes: Sequence[tuple[list[str], str]], lexicon: Lexicon, gaz: Gazetteer, limit: int
) -> list[str]:
    """Names in the quotes (tokens and text of each), most mentioned first."""
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    pos = 0
    for tokens, text in quotes:
        found = []
        for tok in tokens:
            name = gaz.aliases.get(tok.lower())
            if name is not None and gaz.kinds.get(name) == "place":
                continue
            if (
                name is None
                and tok.lower() not in lexicon.stopwords
                and tok not in gaz.not_names
                and (is_person_name(tok) or is_organisation(tok))
            ):
                name = tok
            if name:
                found.append(name)
        for name in lexicon.latin_terms(text):
            if gaz.kinds.get(name) in ("person", "organisation") or is_person_name(name):
                found.append(name)
        for name in dict.fromkeys(found):  # in order of appearance: output must not depend on hashing
            counts[name] += 1
            first.setdefault(name, pos)
            pos += 1
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    return ranked[:limit]


def tags(
    tokens: Sequence[str], lexicon: Lexicon, exclude: set[str], spread: Counter[str], limit: int
) -> list[str]:
    """The event's telling words; words other events share (``spread``) are preferred."""
    idf, median = general_idf()
    counts: Counter[str] = Counter()
    for tok in tokens:
        word = lexicon.canonical(tok)
        if word in exclude or word.lower() in lexicon.stopwords or not lexicon.is_content(word):
            continue
        if lexicon.is_keyword(word) and word.lower() not in lexicon.ignored:
            continue
        if CJK_WORD.match(word):
            if not tag_of(word).startswith(TAG_TAGS) or is_person_name(word):
                continue
        elif not _ACRONYM.match(word):
            continue
        counts[word] += 1
    scored = {
        w: (1 + math.log(n)) * idf.get(w, median) * (1.5 if spread.get(w, 0) > 1 else 1.0)
        for w, n in counts.items()
    }
    return sorted(scored, key=lambda w: -scored[w])[:limit]
