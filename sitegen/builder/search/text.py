"""Text to search terms: the rules the index (here) and the query side (search.js) share.

Both sides cut text the same way, so a query finds what the index holds:

1. **Normalise**: NFKC (full-width ``ＧＰＴ４`` -> ``GPT4``), lower case, and
   Traditional folded to Simplified with a character map taken from OpenCC's
   data (``軍隊`` -> ``军队``).
2. **Units**: every CJK character is a unit; a run of other letters and digits
   (Unicode categories L and N) is one unit: a Latin word, ``2026``, ``gpt4``.
   Whitespace separates units but keeps them adjacent; anything else
   (punctuation, symbols, marks) is a gap.  A *run* is a list of units without a gap.
3. **Terms** of a run: each unit (unigram), each pair of adjacent units
   (bigram: ``新闻``, ``ai芯``, ``press conference``), and jieba's search-mode
   words of three or more characters (``新闻发布会``).

Bigrams make matching exact where segmentation is not: a query run matches a
document when every adjacent pair of its units is there, whatever jieba made
of either text.  jieba's words are the vocabulary the query side segments
with, by longest match with single units as the fallback; they rank.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

from ...util.opencc_tables import one_to_one

# Letters that are one unit each (Han, kana, Hangul). search.js has the same list.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x3005, 0x3007),
    (0x3021, 0x3029),
    (0x3038, 0x303B),
    (0x3041, 0x3096),
    (0x309D, 0x309F),
    (0x30A1, 0x30FA),
    (0x30FC, 0x30FF),
    (0x3131, 0x318E),
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFAFF),
    (0x20000, 0x323AF),
)
SPACES = " \t\n\r\x0b\x0c\x85\u1680\u2028\u2029\u200b\u200c\u200d\u2060\ufeff"
QUOTES = frozenset('"“”„「」『』')

_CJK = "".join(f"\\U{lo:08x}-\\U{hi:08x}" for lo, hi in CJK_RANGES)
# a unit: one CJK character, or a run of letters and digits (Unicode L and N) that are not CJK
_UNIT = re.compile(f"([{_CJK}])|([^\\W_{_CJK}]+)")
# a gap: neither a letter, a digit nor a space
_GAP = re.compile(f"(?:[^\\w{SPACES}]|_)+")
_CJK_WORD = re.compile(f"^[{_CJK}]{{2,}}$")
_CJK_RUN = re.compile(f"[{_CJK}]+")
_ANY_CJK = re.compile(f"[{_CJK}]")
_LETTER = re.compile("[^\\W_]")  # Unicode categories L and N, exactly

CJK, WORD, SPACE, GAP = "c", "w", "s", "g"


def char_class(ch: str) -> str:
    """One normalised character: CJK unit, word character, space or gap."""
    if ch in SPACES:
        return SPACE
    if not _LETTER.match(ch):
        return GAP
    return CJK if is_cjk(ch) else WORD


# -- Traditional -> Simplified --------------------------------------------------
@lru_cache(maxsize=1)
def fold_map() -> dict[str, str]:
    """Character -> Simplified character, from OpenCC's t2s tables (and its TW/HK variant tables)."""
    to_simple = one_to_one("TSCharacters.txt")
    variants = {**one_to_one("HKVariantsRev.txt"), **one_to_one("TWVariantsRev.txt")}
    out: dict[str, str] = {}
    for ch in set(to_simple) | set(variants):
        target = ch
        for _ in range(4):  # follow variant -> traditional -> simplified to a fixed point
            nxt = to_simple.get(variants.get(target, target), variants.get(target, target))
            if nxt == target:
                break
            target = nxt
        if target != ch:
            out[ch] = target
    return out


@lru_cache(maxsize=1)
def _fold_table() -> dict[int, str]:
    return {ord(k): v for k, v in fold_map().items()}


@lru_cache(maxsize=1)
def _fold_keys() -> frozenset[str]:
    return frozenset(fold_map())


# Full-width punctuation Chinese prose is full of, with what NFKC makes of each: one character each.
_WIDE = tuple(
    (chr(c), unicodedata.normalize("NFKC", chr(c))) for c in (0xFF0C, 0xFF1A, 0xFF1B, 0xFF08, 0xFF09)
)


def normalise(text: str) -> str:
    """The text as both sides compare it: NFKC, lower case, Traditional folded to Simplified.

    Most text is in NFKC already, which `unicodedata.is_normalized` finds out several times
    faster than `unicodedata.normalize` makes the same text again.  Chinese prose is not, for
    its full-width commas and colons alone: those are replaced first by what NFKC maps each of
    them to (NFKC decomposes character by character before composing, and these compose with
    nothing, so the result is NFKC's either way), which leaves most of it already normal.  Most
    text has no Traditional character: a set test finds that faster than the fold translates."""
    if text.isascii():
        return text.lower()
    for wide, narrow in _WIDE:
        if wide in text:
            text = text.replace(wide, narrow)
    if not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = text.lower()
    return text if _fold_keys().isdisjoint(text) else text.translate(_fold_table())


# -- units and runs -------------------------------------------------------------
def runs(text: str) -> list[list[str]]:
    """Normalised units, grouped into runs that no gap interrupts."""
    return [[c or w for c, w in units] for units in _runs(normalise(text))]


def _runs(normalised: str) -> list[list[tuple[str, str]]]:
    """Runs of ``(cjk, word)`` pairs, one of the two empty: the kind of each unit comes along."""
    return [units for part in _GAP.split(normalised) if (units := _UNIT.findall(part))]


def text_terms(normalised: str, cjk_unigrams: bool = True) -> tuple[list[str], int]:
    """Unigrams and bigrams of every run of normalised text (repeats kept: they count), and the units.

    ``cjk_unigrams=False`` leaves out single CJK characters (Latin words stay).
    """
    terms: list[str] = []
    count = 0
    for part in _GAP.split(normalised):
        if _CJK_RUN.fullmatch(part):  # most runs of Chinese text: CJK characters only, taken by slices
            n = len(part)
            count += n
            if cjk_unigrams:
                terms.extend(part)
            terms.extend([part[i : i + 2] for i in range(n - 1)])
            continue
        units = _UNIT.findall(part)
        count += len(units)
        if cjk_unigrams:
            terms.extend(c or w for c, w in units)
        else:
            terms.extend(w for _, w in units if w)
        terms.extend(
            c1 + c2 if c1 and c2 else f"{w1} {w2}" if w1 and w2 else (c1 or w1) + (c2 or w2)
            for (c1, w1), (c2, w2) in pairwise(units)
        )
    return terms, count


def is_cjk(unit: str) -> bool:
    return len(unit) == 1 and _CJK_WORD.match(unit + unit) is not None


def is_cjk_word(text: str) -> bool:
    """Two or more CJK units and nothing else."""
    return _CJK_WORD.match(text) is not None


def has_cjk(text: str) -> bool:
    return _ANY_CJK.search(text) is not None


def is_dictionary_word(text: str) -> bool:
    """A word of jieba's dictionary (with the site's user dictionary) of CJK characters only."""
    from ...util.segment import jieba

    return is_cjk_word(text) and (jieba().get_FREQ(text) or 0) > 0


def jieba_words(text: str, hmm: bool = True, memo: dict[str, list[str]] | None = None) -> list[str]:
    """jieba's search-mode words of two or more CJK characters in normalised ``text`` (``memo``:
    see `cut_for_search`)."""
    from ...util.segment import cut_for_search

    return [w for w in cut_for_search(text, hmm, memo) if _CJK_WORD.match(w)]


# -- the query side, in Python (search.js is the one that runs; tests compare the two) --
@dataclass(frozen=True)
class Phrase:
    """Units that must stand together in a document; ``prefix``: the last unit is still being typed."""

    units: tuple[str, ...]
    prefix: bool = False


def parse_query(query: str) -> list[Phrase]:
    """Phrases a document must all contain: spaces separate them outside quotes, gaps everywhere.

    While a Latin word is being typed (the query ends in it) it matches as a prefix once it has
    three characters, standing apart from the units before it in its phrase (unless that would
    leave one CJK character alone); shorter, it waits.
    """
    query = normalise(query)
    phrases: list[Phrase] = []
    quoted = False
    part: list[str] = []
    parts: list[tuple[str, bool]] = []
    for ch in query:
        if ch in QUOTES:
            parts.append(("".join(part), quoted))
            part, quoted = [], not quoted
        else:
            part.append(ch)
    parts.append(("".join(part), quoted))
    for text, in_quotes in parts:
        chunks = [text] if in_quotes else _SPACE_RUN.split(text)
        for chunk in chunks:
            phrases.extend(Phrase(tuple(r)) for r in runs(chunk))
    typing = bool(query) and char_class(query[-1]) == WORD
    if typing and phrases:
        last = phrases.pop()
        word, rest = last.units[-1], last.units[:-1]
        if len(rest) == 1 and is_cjk(rest[0]):
            phrases.append(last)  # one character alone matches too little: keep the pair
        else:
            if rest:
                phrases.append(Phrase(rest))
            if not rest or len(word) >= 3:
                phrases.append(Phrase((word,), prefix=len(word) >= 3))
    return phrases


_SPACE_RUN = re.compile(f"[{SPACES}]+")


def longest_match(units: tuple[str, ...] | list[str], words: set[str]) -> list[str]:
    """Tokens of a phrase: the longest vocabulary word at each point, else a single unit."""
    tokens: list[str] = []
    i = 0
    while i < len(units):
        best = 1
        if is_cjk(units[i]):
            j = i + 1
            while j < len(units) and is_cjk(units[j]):
                j += 1
            for end in range(j, i + 1, -1):
                if "".join(units[i:end]) in words:
                    best = end - i
                    break
        tokens.append("".join(units[i : i + best]))
        i += best
    return tokens
