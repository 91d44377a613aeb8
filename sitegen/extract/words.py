"""The words of each source, segmented once, and the content words compared.

jieba segments a text once (`Words.of`); every later step (relevance,
candidate vectors, entities, tags) reads token slices by character offsets.
Parts of speech come from jieba's dictionary table (``word_tag_tab``), not
from ``jieba.posseg`` over whole texts, which is about ten times slower; only
a word jieba's dictionary does not know is tagged by ``posseg`` on the word
alone (cached).

English words are compared lower-cased; names written in Latin letters
(``Wang Lixin``) are linked to Chinese names by their pinyin (see `Lexicon`).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

from ..util.segment import changes, cut, cut_many, jieba
from .passages import Span
from .temporal.fold import fold_hant

if TYPE_CHECKING:
    from ..util.cache import Cache

CJK_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
LATIN_WORD = re.compile(r"^[A-Za-z][A-Za-z0-9'+.-]*$|^[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$")
NUMBER = re.compile(r"^[\d.,%]+$")

FUNCTION_TAGS = ("r", "p", "c", "u", "d", "m", "q", "t", "f", "y", "e", "o", "x", "w", "z", "b", "k", "h")
"""jieba tag prefixes of words that carry no subject: pronouns, prepositions,
conjunctions, particles, adverbs, numerals, classifiers, time words, …"""

NAME_TAGS = ("nr", "nrfg", "nrt")
ORG_TAGS = ("nt",)
SUBJECT_TAGS = ("n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "vn", "eng", "j", "l", "i")
"""Tags of words that can name what a story is about."""


@lru_cache(maxsize=1)
def _tag_table(generation: int) -> dict[str, str]:
    """posseg's table of tags, with the words taught since (`add_word`'s tags reach it only when
    posseg next cuts) — read again after each change to the dictionary (``generation``)."""
    jieba()
    import jieba.posseg as pseg

    pseg.dt.makesure_userdict_loaded()
    return pseg.dt.word_tag_tab


def tag_of(word: str) -> str:
    """jieba's part of speech for one word: the dictionary's, else posseg on the word alone; as
    the dictionary stands now (a word taught after an earlier call reads its new tag)."""
    return _tag_of(word, changes())


@lru_cache(maxsize=20000)
def _tag_of(word: str, generation: int) -> str:
    tag = _tag_table(generation).get(word)
    if tag:
        return tag
    if CJK_WORD.match(word):
        import jieba.posseg as pseg

        pairs = pseg.lcut(word)
        return pairs[0].flag if len(pairs) == 1 else "x"
    if LATIN_WORD.match(word):
        return "eng"
    return "x"


def in_dictionary(word: str) -> bool:
    return word in _tag_table(changes())


@lru_cache(maxsize=1)
def general_idf() -> tuple[dict[str, float], float]:
    """jieba's inverse document frequencies from its general corpus, and their median."""
    jieba()
    from jieba import analyse

    tfidf = analyse.default_tfidf
    return tfidf.idf_freq, tfidf.median_idf


@dataclass
class Words:
    """One text segmented once: tokens and their start offsets."""

    text: str
    tokens: list[str]
    starts: Sequence[int]
    """offsets as 4-byte integers (`array`): a dump has millions of tokens"""

    @classmethod
    def of(cls, text: str) -> Words:
        return cls.from_tokens(text, cut(fold_hant(text)))

    @classmethod
    def from_tokens(cls, text: str, tokens: list[str]) -> Words:
        """``text`` as segmented into ``tokens`` (which join up to it, or to its Simplified fold)."""
        starts = array("I", accumulate(map(len, tokens), initial=0))
        starts.pop()  # where the text ends
        return cls(text, tokens, starts)

    @classmethod
    def of_many(cls, texts: list[str], cache: Cache | None = None) -> list[Words]:
        """`of` for a whole dump: recurring passages segmented once, earlier runs reused from ``cache``.

        Words are read in Simplified characters (`fold_hant`, one character for one, so every
        offset is the same in both): 陳大文 of a Hong Kong paper and 陈大文 of a mainland one
        are one word to every later step, jieba cuts Traditional text by its Simplified
        dictionary, and tags and names show in one script.  ``text`` stays the source's own,
        so a quote cut from it at any offsets is verbatim."""
        folded = [fold_hant(t) for t in texts]
        return [
            cls.from_tokens(t, tokens) for t, tokens in zip(texts, cut_many(folded, cache=cache), strict=True)
        ]

    def within(self, span: Span) -> list[tuple[str, int]]:
        """(token, offset) pairs that start inside ``span``."""
        i = bisect.bisect_left(self.starts, span.start)
        j = bisect.bisect_left(self.starts, span.end)
        return list(zip(self.tokens[i:j], self.starts[i:j], strict=True))


@dataclass
class Lexicon:
    """How words are compared: stopwords, aliases to canonical names, Latin names to Chinese."""

    stopwords: set[str] = field(default_factory=set)
    aliases: dict[str, str] = field(default_factory=dict)
    """lower-cased alias (Chinese or Latin) -> canonical name"""
    latin_names: dict[str, str] = field(default_factory=dict)
    """pinyin key (``leijun``) -> Chinese word seen in the dump"""
    ignored: set[str] = field(default_factory=set)
    """words that never count (the dump's search keyword)"""
    names: set[str] = field(default_factory=set)
    """canonical names from the gazetteer"""
    ignored_pinyin: set[str] = field(default_factory=set)
    """the Chinese keyword in pinyin (``lvyuanruye``): English reports write its parts so"""
    place_stems: dict[str, str] = field(default_factory=dict)
    """a Chinese place with its administrative suffix -> its stem, where English names the stem
    and the stem is a word of the dump too (西安市 -> 西安: "Xi'an" is linked to 西安)"""
    _terms_of: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    """token -> its terms, filled as texts are read (the same words recur across a dump)"""
    _content: dict[str, bool] = field(default_factory=dict, repr=False)
    _keyword: dict[str, bool] = field(default_factory=dict, repr=False)
    """memos of `is_content` and `is_keyword` (they depend on the word and the fixed word lists)"""

    def add_place_stem(self, place: str, stem: str) -> None:
        """``place`` (西安市) counts as ``stem`` (西安) too, a sub-word, as jieba's 消防 of 消防车."""
        self.place_stems[place] = stem
        self._terms_of.clear()  # the memo read the place before its stem was known

    def learn_name(self, word: str) -> None:
        """``word`` is a name of the dump's story a tagger found (one jieba leaves untagged): a name,
        and a content word wherever it is read from now on."""
        self.names.add(word)
        self._content.pop(word, None)
        self._terms_of.clear()  # the memo read the word before it was known

    def canonical(self, word: str) -> str:
        return self.aliases.get(word.lower(), word)

    def is_content(self, word: str) -> bool:
        """A word worth comparing: not a function word, number, stopword or the search keyword."""
        found = self._content.get(word)
        if found is None:
            found = self._content[word] = self._is_content(word)
        return found

    def _is_content(self, word: str) -> bool:
        w = word.strip()
        if len(w) < 2 or NUMBER.match(w) or w.lower() in self.stopwords:
            return False
        if CJK_WORD.match(w):
            return w in self.names or not tag_of(w).startswith(FUNCTION_TAGS)
        return bool(LATIN_WORD.match(w))

    def is_name(self, term: str) -> bool:
        """A name the gazetteer lists or jieba tags as a person's: never split into sub-words."""
        return term in self.names or tag_of(term).startswith("nr")

    def is_keyword(self, term: str) -> bool:
        """The dump's search keyword, a word containing it (消防车 for 消防), or a Chinese word
        of two characters or more that is part of it (绿原 and 乳业 of 绿原乳业: jieba cuts the
        keyword so in the texts, and every record matched it)."""
        found = self._keyword.get(term)
        if found is None:
            low = term.lower()
            found = self._keyword[term] = (
                low in self.ignored
                or any(
                    k in low or (len(low) > 1 and CJK_WORD.match(low) is not None and low in k)
                    for k in self.ignored
                    if len(k) > 1
                )
                or any(
                    len(w) >= 4 and any(w in p for p in self.ignored_pinyin)
                    for w in re.split(r"[\s-]+", low)
                    if w.isascii() and w.isalpha()
                )
            )
        return found

    def terms(self, tokens: Iterable[str], skip: Iterable[str] = ()) -> list[str]:
        """The content words of a token list, canonical and lower-cased, with their sub-words."""
        out: list[str] = []
        skipped = set(skip)
        cache = self._terms_of
        for tok in tokens:
            if tok in skipped:
                continue
            found = cache.get(tok)
            if found is None:
                found = cache[tok] = self._terms_of_token(tok)
            out.extend(found)
        return out

    def _terms_of_token(self, tok: str) -> tuple[str, ...]:
        if not self.is_content(tok):
            return ()
        term = self.canonical(tok)
        if not CJK_WORD.match(term):
            term = term.lower()
        if term in self.place_stems:
            return (term, self.place_stems[term])
        if len(term) >= 3 and CJK_WORD.match(term) and not self.is_name(term):
            return (term, *(w for w in subwords(term) if self.is_content(w)))
        return (term,)

    def latin_matches(self, text: str) -> list[tuple[str, list[str]]]:
        """Names in Latin letters in ``text``: (the Chinese word they stand for, the Latin words used)."""
        out = []
        for m in _CAPITALISED_RUN.finditer(text):
            run = m.group(0)
            hit = self.aliases.get(run.lower()) or self.latin_names.get(re.sub(r"[^a-z]", "", run.lower()))
            if hit:
                out.append((hit, _RUN_WORDS.split(run.lower())))
                continue
            for part in run.split():
                key = re.sub(r"[^a-z]", "", part.lower())  # Xi'an -> xian
                hit = self.aliases.get(part.lower()) or self.latin_names.get(key)
                if hit:
                    out.append((hit, _RUN_WORDS.split(part.lower())))
        return out

    def latin_terms(self, text: str) -> list[str]:
        """Names written in Latin letters in ``text``, as the Chinese words they stand for."""
        return [name for name, _ in self.latin_matches(text)]

    def span_terms(self, tokens: Iterable[str], text: str, skip: Iterable[str] = ()) -> list[str]:
        """Content words of a piece of text; Latin-letter names count once, as their Chinese word."""
        matches = self.latin_matches(text)
        used = {w for _, ws in matches for w in ws}
        kept = [t for t in tokens if t.lower() not in used] if used else tokens  # most text names none
        return self.terms(kept, skip) + [n for n, _ in matches]

    def span_terms_once(
        self, memo: dict, tokens: tuple[str, ...], text: str, skip: tuple[str, ...] = ()
    ) -> list[str]:
        """`span_terms`, read once per distinct (text, tokens, skip) kept in ``memo`` (sentences recur
        across copies and outlets).  Only for a pass during which the lexicon does not change
        (`span_terms` depends on nothing else)."""
        key = (text, tokens, skip)
        found = memo.get(key)
        if found is None:
            found = memo[key] = tuple(self.span_terms(tokens, text, skip))
        return list(found)


def subwords(word: str) -> list[str]:
    """Dictionary words inside a longer word (消防车 -> 消防), as jieba's search mode finds them."""
    table = _tag_table(changes())
    out = []
    for n in (2, 3):
        if len(word) > n:
            out.extend(word[i : i + n] for i in range(len(word) - n + 1) if word[i : i + n] in table)
    return out


PINYIN_SYLLABLE_MARK = r"(?:['’][aeo][a-z]*)?"
"""An apostrophe before a syllable starting with a, e or o belongs to a pinyin name (Xi'an,
Tai'an, Ji'an: 西安, 泰安, 吉安), not to a possessive ('s) or a contraction ('t)."""
_CAPITALISED_RUN = re.compile(
    rf"\b[A-Z][a-z]+{PINYIN_SYLLABLE_MARK}(?:[ -][A-Z][a-z]+{PINYIN_SYLLABLE_MARK}){{0,2}}\b"
)
_RUN_WORDS = re.compile(r"[\s'’-]+")


def pinyin_key(word: str) -> str:
    """``王立新`` -> ``wanglixin``: how the name is written in Latin letters, without spaces."""
    from ..core.slug import to_ascii_words

    return "".join(to_ascii_words(word))
