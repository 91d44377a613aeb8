"""The search index's shard files: which shard holds a term, a shard's JSON, and reading it back.

A shard is written from a `Shard` (format in docs/search.md); `decode` gives the
same `Shard` back from the bytes, so an incremental build (`search_update`) can
change the few shards an edit touches and leave the others as they were.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .index import K1, LEVELS, PREFIX, SCALE, TF_BITS, TF_MASK, Postings, fnv1a, shard_key, to_json
from .text import has_cjk

Pairs = list[tuple[int, int]]  # (doc, weight), by doc


@dataclass
class Shard:
    """One shard: ``terms``: term -> its postings as written (`deltas`); ``more``: Latin words held
    by other shards that complete a prefix kept here -> their posting counts; ``aliases``: pinyin
    spellings whose first letters are kept here -> the names they spell."""

    terms: dict[str, list[int]] = field(default_factory=dict)
    more: dict[str, int] = field(default_factory=dict)
    aliases: dict[str, list[str]] = field(default_factory=dict)


def home(key: str, count: int) -> int:
    return fnv1a(key) % count


def term_home(term: str, count: int) -> int:
    """The shard holding ``term``'s postings."""
    return home(shard_key(term), count)


def completion_home(term: str, at: int, count: int) -> int | None:
    """The shard listing ``term`` (held by shard ``at``) for completion, when that is another one."""
    prefix = completion_prefix(term)
    if prefix is None:
        return None
    listed = home(prefix, count)
    return listed if listed != at else None


def completion_prefix(term: str) -> str | None:
    """The first letters a Latin word is completed from (None for other terms)."""
    if len(term) < PREFIX or ":" in term or " " in term or has_cjk(term):
        return None
    return term[:PREFIX]


def alias_home(alias: str, count: int) -> int:
    return home(alias[:PREFIX], count)


def encode(shard: Shard, is_word: Callable[[str], bool]) -> bytes:
    """The shard file: ``k``: its terms, front-coded; ``p``: their postings in the same order, each
    ``(doc - previous doc) * 16 + weight``, a list starting with 0 marking a two-character word;
    ``l`` and ``a``: `Shard.more` and `Shard.aliases`, when not empty."""
    keys = sorted(shard.terms)
    postings = [[0, *shard.terms[t]] if is_word(t) else shard.terms[t] for t in keys]
    out: dict = {"k": front_coded(keys), "p": postings}
    if shard.more:
        out["l"] = dict(sorted(shard.more.items()))
    if shard.aliases:
        out["a"] = dict(sorted(shard.aliases.items()))
    return to_json(out)


def deltas(pairs: Pairs) -> list[int]:
    """Postings as written: ``(doc - previous doc) * 16 + weight`` each."""
    out, prev = [], 0
    for doc, w in pairs:
        out.append((doc - prev) * (LEVELS + 1) + w)
        prev = doc
    return out


def pairs_of(written: list[int]) -> Pairs:
    """`deltas` read back."""
    doc, pairs = 0, []
    for v in written:
        doc += v // (LEVELS + 1)
        pairs.append((doc, v % (LEVELS + 1)))
    return pairs


def decode(data: bytes) -> Shard:
    """`encode` read back (the word marks are left out: they are worked out again when encoding)."""
    raw = json.loads(data)
    terms = {
        key: values[1:] if values and values[0] == 0 else values
        for key, values in zip(unfront(raw["k"]), raw["p"], strict=True)
    }
    return Shard(terms, raw.get("l", {}), raw.get("a", {}))


def front_coded(keys: list[str]) -> str:
    """Sorted keys, one a line, each starting with how many characters it shares with the one before.

    The count is one character of `COUNTS`; keys are compared by code point.
    """
    lines, prev = [], ""
    for key in keys:
        n = 0
        limit = min(len(prev), len(key), len(COUNTS) - 1)
        while n < limit and prev[n] == key[n]:
            n += 1
        lines.append(COUNTS[n] + key[n:])
        prev = key
    return "\n".join(lines)


COUNTS = "0123456789abcdefghijklmnopqrstuvwxyz"


def unfront(text: str) -> list[str]:
    """The keys `front_coded` wrote."""
    keys, prev = [], ""
    for line in text.split("\n") if text else []:
        prev = prev[: _COUNT_OF[line[0]]] + line[1:]
        keys.append(prev)
    return keys


_COUNT_OF = {c: n for n, c in enumerate(COUNTS)}


def layout(postings: Postings, aliases: dict[str, list[str]], count: int) -> Iterator[Shard]:
    """Every shard of an index, in order, one at a time (all postings at once would take a lot of
    memory)."""
    placed: list[list[str]] = [[] for _ in range(count)]
    more: list[dict[str, int]] = [{} for _ in range(count)]
    spelled: list[dict[str, list[str]]] = [{} for _ in range(count)]
    for term, values in postings.terms.items():
        at = term_home(term, count)
        placed[at].append(term)
        listed = completion_home(term, at, count)
        if listed is not None:
            more[listed][term] = len(values)
    for alias, names in aliases.items():
        spelled[alias_home(alias, count)][alias] = names
    written = all_deltas(postings)
    for terms, listed, spelling in zip(placed, more, spelled, strict=True):
        yield Shard({t: written(t) for t in terms}, listed, spelling)


def all_deltas(postings: Postings) -> Callable[[str], list[int]]:
    """``term -> deltas(postings.weighted(term))`` for every term, worked out for all postings at once
    with numpy (millions of postings on a large site: one Python step each took most of the
    index's time); each term's list is made when asked for.

    The same numbers as `weight` and `deltas`: the same float operations in the same order on
    IEEE doubles, rounded half to even as Python's ``round``, clamped to 1..LEVELS
    (tests/builder/search compare the two)."""
    import numpy as np

    terms = postings.terms
    if not terms:
        return lambda term: []
    counts = np.fromiter((len(v) for v in terms.values()), dtype=np.int64, count=len(terms))
    ends = np.cumsum(counts)
    starts = ends - counts
    if postings.flat is not None:  # `build_postings`' own: the terms' postings already in one array
        values = np.asarray(postings.flat, dtype=np.int64)
    else:
        values = np.frombuffer(b"".join(v.tobytes() for v in terms.values()), dtype=np.int32).astype(np.int64)
    docs = values >> TF_BITS
    f = (values & TF_MASK) * 0.5
    w = np.rint(f * (K1 + 1) / (f + np.asarray(postings.norms, dtype=np.float64)[docs]) * SCALE)
    w = np.clip(w, 1, LEVELS).astype(np.int64)
    previous = np.zeros_like(docs)
    previous[1:] = docs[:-1]
    previous[starts[counts > 0]] = 0  # each term's first posting counts from document 0
    out = (docs - previous) * (LEVELS + 1) + w
    where = {term: (int(a), int(b)) for term, a, b in zip(terms, starts, ends, strict=True)}

    def of(term: str) -> list[int]:
        a, b = where[term]
        return out[a:b].tolist()

    return of
