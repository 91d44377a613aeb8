"""Postings with BM25 weights, sharded into small files a browser fetches on demand.

A document is a list of weighted fields.  Its terms (see search_text) get a
BM25F term-frequency part, quantised to 1..15; the query side multiplies it by
the term's idf, which it computes from the posting count.  A term's postings
are one JSON array of integers, each ``(doc - previous doc) * 16 + weight``
(format in docs/search.md).

Terms are spread over ``P`` shard files by the FNV-1a hash of a *key*:

* a unit or a bigram is its own key;
* a CJK word of three or more characters is keyed by its first two
  characters, so it sits beside the bigram it starts with - the query side
  finds every word that can start at a point with the one file it already needs;
* a Latin word is its own key for its postings, and is also listed (with its
  posting count) under the key of its first three letters, for completion;
* a pinyin spelling of a name (``zhangsan`` for 张三) is listed under its
  first three letters too.
"""

from __future__ import annotations

import itertools
import json
import math
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .text import is_cjk_word, is_dictionary_word, jieba_words, normalise, text_terms

K1 = 1.2
B = 0.75
LEVELS = 15  # quantised weights 1..LEVELS
PREFIX = 3  # letters that key completions and aliases
SHARD_TARGET = 14_000  # estimated bytes per shard (about 8 KB gzipped)
ONE_SHARD = 100_000  # below this estimate the whole index is one shard (about 40 KB gzipped at most)


@dataclass
class Doc:
    """One searchable thing (an event or a source): weighted fields, a long body, facet terms."""

    fields: list[tuple[float, str]]
    facets: list[str] = field(default_factory=list)
    body: str | Callable[[], str] = ""  # weight 1, not segmented by jieba (see doc_terms); or what gives it
    body_key: str = ""  # what the body is known by (`Source.body_key`), kept between builds in its place
    identity: list | None = field(default=None, compare=False, repr=False)  # `search_update.identity`

    def text(self) -> str:
        """The body (worked out only when needed: an index update reads few bodies)."""
        return self.body() if callable(self.body) else self.body


@dataclass
class Postings:
    """``terms``: term -> ``doc << TF_BITS | 2 * weighted frequency``, by doc number; ``norms``: per
    doc, BM25's length factor; ``lengths``: per doc, its weighted length in units; ``spoken``:
    jieba's words in short fields -> how many documents have them."""

    terms: dict[str, Any]  # term -> its postings: an array("i"), or a slice of ``flat``
    norms: list[float]
    spoken: Counter
    lengths: list[float] = field(default_factory=list)
    flat: Any = None  # every term's postings, one after another in the order of ``terms`` (numpy)

    @property
    def words(self) -> set[str]:
        """The query side's vocabulary of longest match: jieba's words in short fields, and the
        two-character terms of jieba's dictionary the index holds."""
        return set(self.spoken) | {t for t in self.terms if is_word(t, self.spoken)}

    def weighted(self, term: str) -> list[tuple[int, int]]:
        """A term's postings as ``(doc, weight)``, the weight 1..LEVELS being BM25's term-frequency
        part, quantised."""
        norms = self.norms
        return [(v >> TF_BITS, weight(v & TF_MASK, norms[v >> TF_BITS])) for v in self.terms[term].tolist()]


TF_BITS = 11
TF_MASK = (1 << TF_BITS) - 1
SCALE = LEVELS / (K1 + 1)
AVERAGE_STEPS = 16  # an average length is rounded to a power of 2 ** (1 / AVERAGE_STEPS)


def weight(twice: int, norm: float) -> int:
    """BM25's term-frequency part for a frequency of ``twice / 2``, quantised to 1..LEVELS."""
    f = twice * 0.5
    w = round(f * (K1 + 1) / (f + norm) * SCALE)
    return 1 if w < 1 else LEVELS if w > LEVELS else w


def average(lengths: list[float]) -> float:
    """A group's average length, rounded to a step of about 4%: an edit seldom moves it, so it
    seldom changes the weights of documents nobody edited (`search_update` relies on that)."""
    avg = sum(lengths) / len(lengths) if lengths else 0.0
    if avg <= 0:
        return 1.0
    return 2.0 ** (round(math.log2(avg) * AVERAGE_STEPS) / AVERAGE_STEPS)


def norm(length: float, avg: float) -> float:
    """BM25's length factor of a document."""
    return K1 * (1 - B + B * length / avg)


def is_word(term: str, spoken: Counter | dict) -> bool:
    """Is ``term`` in the query side's vocabulary as a two-character word (marked in its shard)?"""
    return len(term) == 2 and (term in spoken or is_dictionary_word(term))


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (search.js computes the same)."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_key(term: str) -> str:
    return term[:2] if len(term) >= 3 and is_cjk_word(term) else term


FieldTerms = tuple[list[str], int, list[str]]  # terms (repeats kept), units, jieba's words


def field_terms(text: str, blocks: dict[str, list[str]] | None = None) -> FieldTerms:
    """A short field's unigrams, bigrams and jieba's words of three or more characters, its
    length in units, and jieba's words (for the vocabulary); ``blocks``: see `cut_for_search`."""
    text = normalise(text)
    found, units = text_terms(text)
    cut = jieba_words(text, memo=blocks)
    found.extend(w for w in cut if len(w) >= 3)
    return found, units, cut


def doc_terms(
    doc: Doc,
    words: Counter,
    seen: dict[str, FieldTerms] | None = None,
    blocks: dict[str, list[str]] | None = None,
    bodies: dict[str, tuple[dict[str, float], float] | None] | None = None,
) -> tuple[dict[str, float], float]:
    """Weighted term frequencies of a document and its weighted length in units.

    The body gives bigrams and Latin words only: jieba is the slowest step of a build by far,
    bigrams already match every string of two or more characters a body holds, and single
    characters of every body would add a third to the index.  Short fields give all three:
    unigrams, bigrams and jieba's words (``words`` counts the documents each word is in).
    ``seen`` keeps each distinct field's terms: outlets, names, tags and syndicated titles
    repeat across thousands of documents, so jieba sees each text once; ``blocks`` keeps each
    distinct block's words (`cut_for_search`): distinct titles still share most of their blocks.
    ``bodies``: the body texts more than one document has (syndicated copies), each with its
    terms once they are known (None until then): a body is cut once however often it is copied.
    """
    text = doc.text()
    known = bodies.get(text) if bodies else None
    if known is not None:
        tf: dict[str, float] = Counter(known[0])
        length: float = known[1]
    else:
        found, length = text_terms(normalise(text), cjk_unigrams=False)
        tf = Counter(found)
        if bodies and text in bodies:
            bodies[text] = (dict(tf), length)
    segmented: set[str] = set()
    seen = {} if seen is None else seen
    for weight, text in doc.fields:
        if not text:
            continue
        terms = seen.get(text)
        if terms is None:
            terms = seen[text] = field_terms(text, blocks)
        found, units, cut = terms
        segmented.update(cut)
        length += weight * units
        for term in found:
            tf[term] = tf.get(term, 0) + weight
    words.update(segmented)
    return tf, length


def doc_postings(
    doc: Doc,
    words: Counter,
    seen: dict[str, FieldTerms] | None = None,
    blocks: dict[str, list[str]] | None = None,
    bodies: dict[str, tuple[dict[str, float], float] | None] | None = None,
) -> tuple[dict[str, int], float]:
    """A document's terms with twice their weighted frequency (a facet: ``TF_MASK``), and its
    weighted length; ``words``, ``seen``, ``blocks`` and ``bodies`` as for `doc_terms`."""
    tf, length = doc_terms(doc, words, seen, blocks, bodies)
    found: dict[str, int] = {}
    for term, f in tf.items():
        twice = int(f + f)  # weights are multiples of 1/2
        found[term] = twice if twice < TF_MASK else TF_MASK - 1
    for facet in doc.facets:
        found[facet] = TF_MASK
    return found, length


def build_postings(groups: list[list[Doc]]) -> Postings:
    """Postings of every document; doc numbers run through the groups in order.

    Length normalisation is relative to the average of a document's own group (a
    short event is not compared with a long article).

    A document's terms are gathered as two flat arrays (term numbers, frequencies) and sorted
    into postings with numpy once at the end: millions of postings on a large site, and one
    Python step each (a dict and an array per posting) was a third of the index's time.  The
    postings are those of `doc_postings`, document by document (tests compare the two).
    """
    numbered: defaultdict[str, int] = defaultdict(itertools.count().__next__)  # term -> number
    term_of = numbered.__getitem__
    numbers = array("i")  # per posting, in document order: its term's number
    values = array("d")  # and the weighted frequency (FACET for a facet)
    per_doc = array("q")  # postings per document
    spoken: Counter = Counter()
    norms: list[float] = []
    all_lengths: list[float] = []
    seen: dict[str, FieldTerms] = {}
    blocks: dict[str, list[str]] = {}
    copies = Counter(doc.text() for docs in groups for doc in docs)
    bodies: dict[str, tuple[dict[str, float], float] | None] = {
        t: None for t, n in copies.items() if n > 1 and t
    }
    for docs in groups:
        lengths = []
        for doc in docs:
            tf, length = doc_terms(doc, spoken, seen, blocks, bodies)
            lengths.append(length)
            if doc.facets:  # as `doc_postings` has them: a facet in place of a term of that name
                tf = dict(tf)
                tf.update(dict.fromkeys(doc.facets, FACET))
            numbers.extend(map(term_of, tf))
            values.extend(tf.values())
            per_doc.append(len(tf))
        avg = average(lengths)
        norms.extend(norm(n, avg) for n in lengths)
        all_lengths.extend(lengths)
    terms, flat = _sorted_postings(list(numbered), numbers, values, per_doc)
    return Postings(terms, norms, spoken, all_lengths, flat)


FACET = -1.0  # a facet's frequency in `build_postings`' flat arrays (it is written as TF_MASK)


def _sorted_postings(
    terms: list[str], numbers: array, values: array, per_doc: array
) -> tuple[dict[str, Any], Any]:
    """term -> its postings (``doc << TF_BITS | twice the weighted frequency``, by doc) from the
    flat arrays of `build_postings`, each a slice of one numpy array; and that array."""
    import numpy as np

    if not terms:
        return {}, None
    f = np.frombuffer(values, dtype=np.float64)
    twice = np.minimum((f + f).astype(np.int64), TF_MASK - 1)  # weights are multiples of 1/2
    twice[f == FACET] = TF_MASK
    docs = np.repeat(np.arange(len(per_doc), dtype=np.int64), np.frombuffer(per_doc, dtype=np.int64))
    term = np.frombuffer(numbers, dtype=np.int32)
    order = np.argsort(term, kind="stable")  # by term, each term's postings in document order
    packed = ((docs << TF_BITS) + twice)[order].astype(np.int32)
    ends = np.cumsum(np.bincount(term, minlength=len(terms))).tolist()
    return {t: packed[a:b] for t, a, b in zip(terms, [0, *ends[:-1]], ends, strict=True)}, packed


def term_size(term: str, postings: int) -> int:
    """A term's share of the index's estimated size in bytes (what the shard count follows)."""
    return len(term) * 3 + 3 * postings


def index_size(postings: Postings) -> int:
    return sum(term_size(t, len(v)) for t, v in postings.terms.items())


def shard_count(size: int) -> int:
    """How many shards for an index of about ``size`` bytes: one for a small site, else a power of
    two near SHARD_TARGET each."""
    count = 1
    while size > ONE_SHARD and size / count > SHARD_TARGET:
        count *= 2
    return count


def to_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
