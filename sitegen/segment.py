"""jieba, loaded once, quietly, with the site's own dictionary words.

Every module that segments Chinese text gets jieba from here, so the
dictionary is loaded once per process and every stage (cleaning, extraction,
the search index) segments the same way.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path
from types import ModuleType

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
