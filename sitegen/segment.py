"""jieba, loaded once, quietly, with the site's own dictionary words.

Every module that segments Chinese text gets jieba from here, so the
dictionary is loaded once per process and every stage (cleaning, extraction,
the search index) segments the same way.

`cut_many` segments a whole corpus: what the site's cache (`sitegen.cache`)
already holds is reused, and on request (``workers``) what is left is spread
over the CPU cores.  Worker processes are forked after jieba has loaded its
dictionary, so they do not pay the ~0.7 s load again.  It is off by default:
on the 2-core machines measured it paid at 3,000 texts and lost at 10,000
(docs/performance.md, `bench/parallel_cut.py`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .cache import Cache

T = TypeVar("T")
R = TypeVar("R")

# Below this many characters of work a pool costs more than it saves (docs/performance.md).
PARALLEL_MIN_CHARS = 4_000_000
_SEP = "\x00"

_loaded_dicts: set[Path] = set()


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


def cut(text: str, hmm: bool = True) -> list[str]:
    return jieba().lcut(text, HMM=hmm)


def posseg(text: str, hmm: bool = True) -> list[tuple[str, str]]:
    jieba()
    import jieba.posseg as pseg

    return [(w.word, w.flag) for w in pseg.lcut(text, HMM=hmm)]


def dictionary_version() -> str:
    """jieba's version and the user dictionaries loaded into it: segmentation depends on both."""
    import jieba as _jieba  # the module only: its dictionary loads lazily

    from .cache import digest

    parts: list[str | bytes] = [getattr(_jieba, "__version__", "")]
    for path in sorted(_loaded_dicts):
        parts.append(str(path))
        try:
            parts.append(path.read_bytes())
        except OSError:
            parts.append("missing")
    return digest(*parts)


def _cut_joined(args: tuple[str, bool]) -> str:
    text, hmm = args
    return _SEP.join(jieba().lcut(text, HMM=hmm))


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
        joined = map_over_cores(_cut_joined, [(t, hmm) for t in todo], sum(map(len, todo)), workers)
        return [j.split(_SEP) if j else [] for j in joined]

    if cache is None or not cache.enabled:
        return compute(list(texts))
    from .cache import code_version, digest

    table = cache.table("cut", digest(code_version("sitegen.segment"), dictionary_version()))
    return table.map(compute, texts, key=lambda t: f"{int(hmm)}|{t}", batch=True)


def map_over_cores(
    fn: Callable[[T], R], items: list[T], work: int, workers: int | None = None, *, chunks_per_worker: int = 4
) -> list[R]:
    """``[fn(x) for x in items]``, in forked worker processes when ``work`` (characters) is large.

    jieba is loaded before the fork so the workers share its dictionary.
    ``fn`` must be a module-level function; results come back in order.
    """
    n = min(workers or os.cpu_count() or 1, len(items))
    if n < 2 or work < PARALLEL_MIN_CHARS or "fork" not in multiprocessing.get_all_start_methods():
        return [fn(x) for x in items]
    jieba()
    chunk = max(1, len(items) // (n * chunks_per_worker))
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
        return list(pool.map(fn, items, chunksize=chunk))
