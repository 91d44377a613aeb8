"""jieba, loaded once, quietly, with the site's own dictionary words.

Every module that segments Chinese text gets jieba from here, so the
dictionary is loaded once per process and every stage (cleaning, extraction,
the search index) segments the same way.

`cut_many` segments a whole corpus: what the site's cache (`sitegen.util.cache`)
already holds is reused, and a run of Chinese that recurs (syndicated copies,
boilerplate) is segmented once: jieba cuts a text block by block (runs of
Chinese, letters and digits between punctuation and spaces) and a block's
words never depend on what surrounds it.  On request (``workers``) what is
left is spread over the CPU cores.  Worker processes are forked after jieba
has loaded its dictionary, so they do not pay the ~0.7 s load again.  It is
off by default: on the 2-core machines measured it paid at 3,000 texts and
lost at 10,000 (docs/performance.md, `bench/parallel_cut.py`).

Words added one by one (`add_word`, the site's names) change how jieba
segments, so they are part of `dictionary_version`, the cache's key.

Cost is linear in the text whatever its characters.  jieba's HMM (the
Viterbi of ``jieba.finalseg`` and ``jieba.posseg``) copies its best path at
every character, so it is quadratic in a run of characters its dictionary
makes no word of: 100,000 such characters took 46 s, 400,000 would take
twelve minutes.  Every text goes to jieba through `pieces`, which cuts a
*run* (what jieba segments as one block: Han characters, Latin letters,
digits and ``+#&._%-``) longer than `MAX_RUN` every `MAX_RUN` characters.
Punctuation and spaces already end a run, so ordinary text (a sentence
has tens of characters between commas) is segmented exactly as before;
only a run of hundreds of characters without a break is cut, perhaps
inside a word.
"""

from __future__ import annotations

import logging
import multiprocessing
import re
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

from .forked import cores

if TYPE_CHECKING:
    from .cache import Cache

T = TypeVar("T")
R = TypeVar("R")

# Below this many characters of work a pool costs more than it saves (docs/performance.md).
PARALLEL_MIN_CHARS = 4_000_000
_SEP = "\x00"

MEMO_BLOCKS = 200_000
"""At most this many distinct blocks are remembered by one `cut_many` call (bounded memory)."""

MAX_RUN = 256
"""The longest run of characters handed to jieba in one piece (see the module's docstring)."""

_RUN_CHARS = "\u4e00-\u9fd5a-zA-Z0-9+#&._%\\-"  # jieba's re_han_default; posseg's is a subset
# a run longer than MAX_RUN, matched from its first character only (linear: no retry inside a run)
_LONG_RUN = re.compile(f"(?<![{_RUN_CHARS}])[{_RUN_CHARS}]{{{MAX_RUN + 1},}}")

# jieba's dictionary is global to the process; so is the record of what was added to it
_loaded_dicts: set[Path] = set()
_changes: list[tuple[str, ...]] = []
"""("dict", path) and ("word", word, freq, tag), in the order they were made"""


@lru_cache(maxsize=1)
def jieba() -> ModuleType:
    import jieba as _jieba

    _jieba.setLogLevel(logging.WARNING)
    _jieba.initialize()
    return _jieba


def add_user_dict(path: Path) -> None:
    """Load a jieba user dictionary (``word [freq] [pos]`` per line) once."""
    path = Path(path).resolve()
    if path in _loaded_dicts or not path.exists():
        return
    jieba().load_userdict(str(path))
    _loaded_dicts.add(path)
    _changes.append(("dict", str(path)))


def add_word(word: str, freq: int | None = None, tag: str | None = None) -> None:
    """Teach jieba one word (``freq=None``: as frequent as needed to keep it whole)."""
    jieba().add_word(word, freq=freq, tag=tag)
    _changes.append(("word", word, "" if freq is None else str(freq), tag or ""))


def changes() -> int:
    """How many changes were made to jieba's dictionary so far: what was read off it before the
    last change (a word's part of speech) may differ now."""
    return len(_changes)


def pieces(text: str) -> list[str]:
    """``text`` in pieces that join up to it, none holding a run longer than `MAX_RUN`.

    A long run is cut every `MAX_RUN` characters from its start, so the same
    run is cut the same way wherever it stands (the memo of `_cut_by_block`
    and the cache see equal pieces).
    """
    if len(text) <= MAX_RUN:
        return [text]
    out: list[str] = []
    last = 0
    for m in _LONG_RUN.finditer(text):
        for at in range(m.start() + MAX_RUN, m.end(), MAX_RUN):
            out.append(text[last:at])
            last = at
    out.append(text[last:])
    return out


def cut(text: str, hmm: bool = True) -> list[str]:
    """jieba's words of ``text``, in bounded pieces (linear time)."""
    j = jieba()
    return [w for piece in pieces(text) for w in j.lcut(piece, HMM=hmm)]


def cut_for_search(text: str, hmm: bool = True, memo: dict[str, list[str]] | None = None) -> list[str]:
    """jieba's search-mode words (words and the dictionary words inside them), in bounded pieces.

    With ``memo`` (kept by the caller for one build), each distinct block is cut once: search
    mode adds the dictionary words inside each word jieba's `cut` gives, and `cut` segments each
    block of ``re_han_default`` on its own (as `_cut_by_block` relies on), so cutting the blocks
    and joining their words gives the same list.  Titles, outlets and tags share most blocks.
    """
    j = jieba()
    if memo is None:
        return [w for piece in pieces(text) for w in j.cut_for_search(piece, HMM=hmm)]
    out: list[str] = []
    for piece in pieces(text):
        for block in j.re_han_default.split(piece):
            if not block:
                continue
            found = memo.get(block)
            if found is None:
                found = list(j.cut_for_search(block, HMM=hmm))
                if len(memo) < MEMO_BLOCKS:
                    memo[block] = found
            out.extend(found)
    return out


def posseg(text: str, hmm: bool = True) -> list[tuple[str, str]]:
    """(word, part of speech) of ``text``, in bounded pieces."""
    jieba()
    import jieba.posseg as pseg

    return [(w.word, w.flag) for piece in pieces(text) for w in pseg.lcut(piece, HMM=hmm)]


def dictionary_version() -> str:
    """jieba's version, the user dictionaries loaded and the words added, in order:
    segmentation depends on all of them."""
    import jieba as _jieba  # the module only: its dictionary loads lazily

    from .cache import digest

    parts: list[str | bytes] = [getattr(_jieba, "__version__", "")]
    for change in _changes:
        parts.extend(change)
        if change[0] == "dict":
            try:
                parts.append(Path(change[1]).read_bytes())
            except OSError:
                parts.append("missing")
    return digest(*parts)


def _cut_joined(args: tuple[str, bool]) -> str:
    text, hmm = args
    return _SEP.join(cut(text, hmm))


def _cut_by_block(texts: list[str], hmm: bool) -> list[list[str]]:
    """``[jieba.lcut(t) for t in texts]``, each distinct block segmented once.

    jieba splits a text with ``re_han_default`` and segments each piece on its
    own, so segmenting the pieces and joining the words gives the same list.
    A block longer than `MAX_RUN` is cut by `pieces`, as `cut` does.
    """
    j = jieba()
    memo: dict[str, list[str]] = {}
    out = []
    for text in texts:
        words: list[str] = []
        for block in j.re_han_default.split(text):
            if not block:
                continue
            found = memo.get(block)
            if found is None:
                found = cut(block, hmm)
                if len(memo) < MEMO_BLOCKS:
                    memo[block] = found
            words.extend(found)
        out.append(words)
    return out


def cut_many(
    texts: Sequence[str],
    *,
    hmm: bool = True,
    cache: Cache | None = None,
    workers: int | None = 1,
) -> list[list[str]]:
    """``[cut(t) for t in texts]``, reusing cached results; the rest in ``workers`` processes.

    ``workers=None`` means one per core.  With one worker, less than
    `PARALLEL_MIN_CHARS` characters left to segment, or one core, everything
    runs in this process.
    """

    def compute(todo: list[str]) -> list[list[str]]:
        if not _parallel(workers, len(todo), sum(map(len, todo))):
            return _cut_by_block(todo, hmm)
        joined = map_over_cores(_cut_joined, [(t, hmm) for t in todo], sum(map(len, todo)), workers)
        return [j.split(_SEP) if j else [] for j in joined]

    if cache is None or not cache.enabled:
        return compute(list(texts))
    from .cache import code_version, digest

    table = cache.table("cut", digest(code_version("sitegen.util.segment"), dictionary_version()))
    words: dict[str, str] = {}  # one string per distinct word, not one per occurrence read back

    def decode(value: list[str]) -> list[str]:
        return [words.setdefault(w, w) for w in value]

    return table.map(compute, texts, key=lambda t: f"{int(hmm)}|{t}", batch=True, decode=decode)


def _parallel(workers: int | None, items: int, work: int) -> bool:
    """Will `map_over_cores` fork workers for this much work?"""
    n = min(workers or cores(), items)
    return n >= 2 and work >= PARALLEL_MIN_CHARS and "fork" in multiprocessing.get_all_start_methods()


def map_over_cores(
    fn: Callable[[T], R], items: list[T], work: int, workers: int | None = None, *, chunks_per_worker: int = 4
) -> list[R]:
    """``[fn(x) for x in items]``, in forked worker processes when ``work`` (characters) is large.

    jieba is loaded before the fork so the workers share its dictionary.
    ``fn`` must be a module-level function; results come back in order.
    """
    if not _parallel(workers, len(items), work):
        return [fn(x) for x in items]
    n = min(workers or cores(), len(items))
    jieba()
    chunk = max(1, len(items) // (n * chunks_per_worker))
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(fn, items, chunksize=chunk))
