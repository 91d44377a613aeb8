"""Readable, stable ASCII slugs: the date and the pinyin of a title."""

from __future__ import annotations

import re
import unicodedata

_MAX_WORDS = 8
_MAX_LEN = 60


def to_ascii_words(text: str) -> list[str]:
    """Lower-case ASCII words: Chinese characters as pinyin, Latin words kept."""
    from pypinyin import Style, lazy_pinyin

    words: list[str] = []
    for chunk in lazy_pinyin(text, style=Style.NORMAL, errors="default"):
        chunk = unicodedata.normalize("NFKD", chunk).encode("ascii", "ignore").decode().lower()
        words.extend(w for w in re.split(r"[^a-z0-9]+", chunk) if w)
    return words


def slugify(text: str, *, max_words: int = _MAX_WORDS) -> str:
    """``工厂发生火灾, 三人受伤!`` -> ``gong-chang-fa-sheng-huo-zai-san-ren-shou-shang``."""
    words = to_ascii_words(text)
    out: list[str] = []
    for w in words:
        if len(out) >= max_words or len("-".join([*out, w])) > _MAX_LEN:
            break
        out.append(w)
    return "-".join(out) or "untitled"


def unique(base: str, taken: set[str], salt: str) -> str:
    """``base`` if free, else ``base-<hash of salt>``: the same record always gets the same id."""
    if base not in taken:
        return base
    import hashlib

    digest = hashlib.sha1(salt.encode("utf-8")).hexdigest()
    for n in range(6, 41, 2):
        candidate = f"{base}-{digest[:n]}"
        if candidate not in taken:
            return candidate
    raise ValueError(f"cannot find a free id for {base}")  # pragma: no cover
