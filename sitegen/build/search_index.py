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

import json
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from .search_text import has_cjk, is_cjk_word, is_dictionary_word, jieba_words, normalise, text_terms

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
    body: str = ""  # weight 1, not segmented by jieba (see doc_terms)


@dataclass
class Postings:
    """``terms``: term -> ``doc << TF_BITS | 2 * weighted frequency``, by doc number; ``norms``: per
    doc, BM25's length factor; ``words``: the vocabulary of longest match - the words jieba found
    in short fields, and the two-character terms jieba's dictionary holds."""

    terms: dict[str, array]
    norms: list[float]
    words: set[str]
    spoken: Counter  # jieba's words in short fields -> how many documents have them

    def encoded(self, term: str) -> list[int]:
        """A term's postings as written: ``(doc - previous doc) * 16 + weight``, where the weight
        1..LEVELS is BM25's term-frequency part, quantised."""
        out, prev, norms = [], 0, self.norms
        for v in self.terms[term]:
            doc, f = v >> TF_BITS, (v & TF_MASK) * 0.5
            w = round(f * (K1 + 1) / (f + norms[doc]) * SCALE)
            out.append((doc - prev) * (LEVELS + 1) + (1 if w < 1 else LEVELS if w > LEVELS else w))
            prev = doc
        return out


TF_BITS = 11
TF_MASK = (1 << TF_BITS) - 1
SCALE = LEVELS / (K1 + 1)


def fnv1a(text: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes (search.js computes the same)."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def shard_key(term: str) -> str:
    return term[:2] if len(term) >= 3 and is_cjk_word(term) else term


FieldTerms = tuple[list[str], int, list[str]]  # terms (repeats kept), units, jieba's words


def field_terms(text: str) -> FieldTerms:
    """A short field's unigrams, bigrams and jieba's words of three or more characters, its
    length in units, and jieba's words (for the vocabulary)."""
    text = normalise(text)
    found, units = text_terms(text)
    cut = jieba_words(text)
    found.extend(w for w in cut if len(w) >= 3)
    return found, units, cut


def doc_terms(
    doc: Doc, words: Counter, seen: dict[str, FieldTerms] | None = None
) -> tuple[dict[str, float], float]:
    """Weighted term frequencies of a document and its weighted length in units.

    The body gives bigrams and Latin words only: jieba is the slowest step of a build by far,
    bigrams already match every string of two or more characters a body holds, and single
    characters of every body would add a third to the index.  Short fields give all three:
    unigrams, bigrams and jieba's words (``words`` counts the documents each word is in).
    ``seen`` keeps each distinct field's terms: outlets, names, tags and syndicated titles
    repeat across thousands of documents, so jieba sees each text once.
    """
    found, length = text_terms(normalise(doc.body), cjk_unigrams=False)
    tf: dict[str, float] = Counter(found)
    segmented: set[str] = set()
    seen = {} if seen is None else seen
    for weight, text in doc.fields:
        if not text:
            continue
        terms = seen.get(text)
        if terms is None:
            terms = seen[text] = field_terms(text)
        found, units, cut = terms
        segmented.update(cut)
        length += weight * units
        for term in found:
            tf[term] = tf.get(term, 0) + weight
    words.update(segmented)
    return tf, length


def build_postings(groups: list[list[Doc]]) -> Postings:
    """Postings of every document; doc numbers run through the groups in order.

    Length normalisation is relative to the average of a document's own group (a
    short event is not compared with a long article).
    """
    terms: dict[str, array] = defaultdict(lambda: array("i"))  # 4 bytes: up to a million documents
    spoken: Counter = Counter()
    norms: list[float] = []
    number = 0
    seen: dict[str, FieldTerms] = {}
    for docs in groups:
        lengths = []
        for doc in docs:
            tf, length = doc_terms(doc, spoken, seen)
            lengths.append(length)
            base = number << TF_BITS
            for term, f in tf.items():
                twice = int(f + f)  # weights are multiples of 1/2
                terms[term].append(base + (twice if twice < TF_MASK else TF_MASK - 1))
            for facet in dict.fromkeys(doc.facets):
                terms[facet].append(base + TF_MASK)
            number += 1
        avg = (sum(lengths) / len(lengths) or 1.0) if lengths else 1.0
        norms.extend(K1 * (1 - B + B * n / avg) for n in lengths)
    words = set(spoken) | {t for t in terms if len(t) == 2 and is_dictionary_word(t)}
    return Postings(dict(terms), norms, words, spoken)


def front_coded(keys: list[str]) -> str:
    """Sorted keys, one a line, each starting with how many characters it shares with the one before.

    The count is one character of `_COUNTS`; keys are compared by code point.
    """
    lines, prev = [], ""
    for key in keys:
        n = 0
        limit = min(len(prev), len(key), len(_COUNTS) - 1)
        while n < limit and prev[n] == key[n]:
            n += 1
        lines.append(_COUNTS[n] + key[n:])
        prev = key
    return "\n".join(lines)


_COUNTS = "0123456789abcdefghijklmnopqrstuvwxyz"


def shard_count(postings: Postings) -> int:
    """How many shards: one for a small site, else a power of two near SHARD_TARGET each."""
    size = sum(len(t) * 3 + 3 * len(v) for t, v in postings.terms.items())
    count = 1
    while size > ONE_SHARD and size / count > SHARD_TARGET:
        count *= 2
    return count


def completion_prefix(term: str) -> str | None:
    """The first letters a Latin word is completed from (None for other terms)."""
    if len(term) < PREFIX or ":" in term or " " in term or has_cjk(term):
        return None
    return term[:PREFIX]


def shards(postings: Postings, aliases: dict[str, list[str]]) -> Iterator[dict]:
    """The shard files' content.

    ``k``: the shard's terms, front-coded; ``p``: their postings in the same order (a list
    starting with 0 marks a two-character word); ``l``: Latin words kept in other shards that
    complete a prefix kept here, with their posting counts; ``a``: pinyin aliases.
    """
    count = shard_count(postings)

    def home(key: str) -> int:
        return fnv1a(key) % count

    terms: list[list[str]] = [[] for _ in range(count)]
    listed: list[dict[str, int]] = [{} for _ in range(count)]
    spelled: list[dict[str, list[str]]] = [{} for _ in range(count)]
    for term in postings.terms:
        at = home(shard_key(term))
        terms[at].append(term)
        prefix = completion_prefix(term)
        if prefix is not None and home(prefix) != at:
            listed[home(prefix)][term] = len(postings.terms[term])
    for alias in sorted(aliases):
        spelled[home(alias[:PREFIX])][alias] = aliases[alias]
    for keys, more, alias in zip(terms, listed, spelled, strict=True):
        keys.sort()
        shard: dict = {
            "k": front_coded(keys),
            "p": [([0] if len(t) == 2 and t in postings.words else []) + postings.encoded(t) for t in keys],
        }
        if more:
            shard["l"] = dict(sorted(more.items()))
        if alias:
            shard["a"] = alias
        yield shard  # one at a time: the postings of all shards at once would take a lot of memory


def to_json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False).encode("utf-8")
