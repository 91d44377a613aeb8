"""The search index made whole, or updated from the last one where only a few documents changed.

Making the index reads every document: about ten seconds at 10,000 sources,
most of a rebuild after an edit.  So a build keeps an `IndexState` - what each
document was made from, its length, the index's vocabulary and every shard's
bytes - and the next build compares the documents with it:

* the same documents in the same places, a few of them changed, each changed
  one with the same body as before: only those documents' terms are worked
  out, old and new, and only the shards holding a term whose postings changed
  (its quantised weight in a changed document, or whether it is there at all),
  listing such a term for completion, marking a word whose mark changed or
  spelling an alias that changed are read back (`search_shards.decode`),
  changed and encoded again;
* anything else (documents added, removed or moved, which renumbers the rest;
  a group's average length or the shard count moved; no state): the whole index.

Both give the same bytes (tested on random edits): a document's weights
depend on its own terms and length and its group's average length, which is
rounded so that one edit seldom moves it (`search_index.average`); when it
does move, the update gives up and the index is made whole.

The state lives in `BuildContext.memo` for ``sitegen serve`` and in the site's
on-disk cache for ``sitegen build`` (a head entry, and each shard under the
hash of its bytes), keyed by what else the index depends on: the code, jieba's
and pypinyin's versions and the site's user dictionary.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cached_property
from typing import TYPE_CHECKING

from ...util.cache import code_version
from .index import (
    Doc,
    FieldTerms,
    average,
    build_postings,
    doc_postings,
    index_size,
    is_word,
    norm,
    shard_count,
    term_size,
    weight,
)
from .shards import Shard, alias_home, completion_home, decode, deltas, encode, layout, pairs_of, term_home
from .text import is_cjk

if TYPE_CHECKING:
    from ...util.cache import Table
    from ..context import BuildContext

MOST_CHANGED = 1 / 50  # more changed documents than this share: make the index whole
Aliases = Callable[[Counter], dict[str, list[str]]]  # jieba's words in short fields -> pinyin aliases


@dataclass
class IndexState:
    """What an index was made from, and its shards."""

    key: str  # what else it depends on (see `state_key`)
    docs: list[list]  # per document: [fields, facets, body key], as JSON has them
    groups: list[int]  # documents per group (events, sources)
    lengths: list[float]  # per document: weighted length
    spoken: dict[str, int]  # jieba's words in short fields -> documents having them
    chars: dict[str, int]  # CJK character -> one- and two-unit terms holding it
    aliases: dict[str, list[str]]
    size: int  # the index's estimated size (`search_index.index_size`)
    shards: list[bytes]
    spelled: dict[str, str] = field(default_factory=dict)  # name -> its pinyin (`search.pinyin_aliases`)
    names: dict[str, int] = field(default_factory=dict)  # name -> uses, that ``aliases`` were made of

    @property
    def count(self) -> int:
        return len(self.shards)

    @cached_property
    def hashes(self) -> list[str]:
        """Each shard's `content_hash`: its file's name and its key in the cache."""
        return [content_hash(s) for s in self.shards]


def identity(doc: Doc) -> list:
    """What a document is made of, as JSON gives it back (its body by hash); worked out once per
    document object (`sitegen serve` keeps the documents of unchanged items)."""
    if doc.identity is None:
        doc.identity = [[[w, text] for w, text in doc.fields], list(doc.facets), doc.body_key]
    return doc.identity


def whole(key: str, groups: list[list[Doc]], aliases_of: Aliases) -> IndexState:
    """The whole index."""
    postings = build_postings(groups)
    aliases = aliases_of(postings.spoken)
    size = index_size(postings)
    spoken = dict(postings.spoken)
    shards = [
        encode(shard, lambda t: is_word(t, spoken)) for shard in layout(postings, aliases, shard_count(size))
    ]
    chars = Counter(c for t in postings.terms if len(t) <= 2 for c in t if is_cjk(c))
    return IndexState(
        key,
        [identity(d) for docs in groups for d in docs],
        [len(docs) for docs in groups],
        postings.lengths,
        spoken,
        dict(chars),
        aliases,
        size,
        shards,
    )


def updated(old: IndexState, groups: list[list[Doc]], aliases_of: Aliases) -> IndexState | None:
    """``old`` brought up to date with ``groups``, or None where the whole index must be made."""
    docs = [d for g in groups for d in g]
    if [len(g) for g in groups] != old.groups or len(docs) != len(old.docs):
        return None
    now = [identity(d) for d in docs]
    changed = [k for k, (a, b) in enumerate(zip(now, old.docs, strict=True)) if a != b]
    if not changed:
        return old
    if len(changed) > max(8, len(docs) * MOST_CHANGED) or any(now[k][2] != old.docs[k][2] for k in changed):
        return None

    seen: dict[str, FieldTerms] = {}
    spoken = Counter(old.spoken)
    lengths = list(old.lengths)
    before: dict[int, dict[str, int]] = {}
    after: dict[int, dict[str, int]] = {}
    for k in changed:
        was_fields, was_facets, _ = old.docs[k]
        was: Counter = Counter()
        was_doc = Doc([(w, text) for w, text in was_fields], was_facets, docs[k].body)
        before[k], _ = doc_postings(was_doc, was, seen)
        spoken.subtract(was)
        words: Counter = Counter()
        after[k], lengths[k] = doc_postings(docs[k], words, seen)
        spoken.update(words)
    spoken = +spoken  # words no document has any more go
    starts = [sum(old.groups[:g]) for g in range(len(old.groups))]
    norms: dict[int, float] = {}
    was_norms: dict[int, float] = {}
    for start, size in zip(starts, old.groups, strict=True):
        avg = average(lengths[start : start + size])
        if avg != average(old.lengths[start : start + size]):
            return None
        mine = [k for k in changed if start <= k < start + size]
        norms.update({k: norm(lengths[k], avg) for k in mine})
        was_norms.update({k: norm(old.lengths[k], avg) for k in mine})

    count = old.count
    touched = set()  # the terms whose postings change: a changed document's, if its weight changed
    for k in changed:
        then, later = before[k], after[k]
        touched.update(then.keys() ^ later.keys())
        both = then.keys() & later.keys()
        touched.update(t for t in both if weight(then[t], was_norms[k]) != weight(later[t], norms[k]))
    aliases = aliases_of(spoken)
    homes = {t: term_home(t, count) for t in touched}
    wanted = set(homes.values())
    wanted.update(h for t, at in homes.items() if (h := completion_home(t, at, count)) is not None)
    # a two-character word jieba now finds, or no longer finds, in any short field: its mark
    wanted.update(term_home(w, count) for w in spoken.keys() ^ old.spoken.keys() if len(w) == 2)
    respelled = {a for a in aliases.keys() | old.aliases.keys() if aliases.get(a) != old.aliases.get(a)}
    wanted.update(alias_home(a, count) for a in respelled)
    shards: dict[int, Shard] = {n: decode(old.shards[n]) for n in sorted(wanted)}

    size, chars, gone = old.size, Counter(old.chars), set(changed)
    for t, at in homes.items():
        held = shards[at].terms
        was_list = pairs_of(held.get(t, []))
        now_list = [p for p in was_list if p[0] not in gone]
        now_list += [(k, weight(after[k][t], norms[k])) for k in changed if t in after[k]]
        now_list.sort()
        size += term_size(t, len(now_list)) if now_list else 0
        size -= term_size(t, len(was_list)) if was_list else 0
        if len(t) <= 2 and bool(was_list) != bool(now_list):
            for c in t:
                if is_cjk(c):
                    chars[c] += 1 if now_list else -1
        if now_list:
            held[t] = deltas(now_list)
        else:
            held.pop(t, None)
        listed = completion_home(t, at, count)
        if listed is not None:
            more = shards[listed].more
            if now_list:
                more[t] = len(now_list)
            else:
                more.pop(t, None)
    if shard_count(size) != count:
        return None
    for alias in respelled:
        spelling = shards[alias_home(alias, count)].aliases
        if alias in aliases:
            spelling[alias] = aliases[alias]
        else:
            spelling.pop(alias, None)
    words = dict(spoken)
    new_shards = list(old.shards)
    for n, shard in shards.items():
        new_shards[n] = encode(shard, lambda t: is_word(t, words))
    return IndexState(old.key, now, old.groups, lengths, words, dict(+chars), aliases, size, new_shards)


# -- kept between builds ------------------------------------------------------------
def state_key(user_dict: bytes) -> str:
    """What the index depends on besides its documents and sitegen's code: jieba, pypinyin and the
    site's user dictionary."""
    from importlib.metadata import version

    versions = f"jieba {version('jieba')} pypinyin {version('pypinyin')}".encode()
    return hashlib.blake2b(versions + b"\0" + user_dict, digest_size=16).hexdigest()


def _tables(ctx: BuildContext) -> tuple[Table, Table] | None:
    if ctx.cache is None or not ctx.cache.enabled:
        return None
    version = code_version(
        "sitegen.builder.search.output",
        "sitegen.builder.search.index",
        "sitegen.builder.search.shards",
        "sitegen.builder.search.update",
        "sitegen.builder.search.text",
        "sitegen.util.segment",
    )
    return ctx.cache.table("search-state", version), ctx.cache.table("search-shard", version)


def content_hash(data: bytes) -> str:
    """A hash of a file's bytes, part of its name (and a shard's key in the cache)."""
    return hashlib.blake2b(data, digest_size=4).hexdigest()


def load(ctx: BuildContext, key: str) -> IndexState | None:
    """The state the last build kept (None if there is none, or it was made for other settings)."""
    state = ctx.memo.search
    if state is None:
        tables = _tables(ctx)
        if tables is None:
            return None
        heads, stored = tables
        found, head = heads.get("head")
        if not found or not isinstance(head, dict):
            return None
        names = head.pop("shards", [])
        got = stored.get_many(names)
        if len(got) != len(set(names)):
            return None
        try:
            state = IndexState(**head, shards=[got[n].encode("utf-8") for n in names])
        except (TypeError, AttributeError):
            return None
        state.hashes = names  # as stored: the cache checked each entry's bytes
    return state if state.key == key else None


def keep(ctx: BuildContext, state: IndexState, old: IndexState | None) -> None:
    """Keep ``state`` for the next build (only the shards ``old`` does not have are written)."""
    ctx.memo.search = state
    tables = _tables(ctx)
    if tables is None or state is old:
        return
    heads, stored = tables
    had = set(old.hashes) if old is not None else set()
    new = {n: s.decode("utf-8") for n, s in zip(state.hashes, state.shards, strict=True) if n not in had}
    stored.put_many(new)
    head = {f.name: getattr(state, f.name) for f in fields(state) if f.name != "shards"}
    heads.put("head", {**head, "shards": state.hashes})
