"""Traditional Chinese read by the Simplified rules: a character-for-character fold.

Hong Kong, Taiwan and overseas outlets write ``上個禮拜三``, ``兩週前``,
``晚上9點``.  Rather than a second copy of every Chinese rule, the passage is
matched in a folded copy where each Traditional character is replaced by its
Simplified one (OpenCC's character table, the library the project already
uses for search).  Invariants:

* **Same length, same offsets.**  Only one-character-to-one-character entries
  are kept, so a match at ``start:end`` in the folded copy is the same span in
  the original, and the mention's text is cut from the original: what a source
  says is never rewritten (quotes stay verbatim).
* **Simplified text is unchanged** except for the rare character OpenCC also
  lists as Traditional (``著``, ``乾``), which no time rule reads.
* ASCII passages are returned as they are (English pays nothing).
"""

from __future__ import annotations

from functools import lru_cache

from ...util.opencc_tables import one_to_one


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str]:
    """ord(Traditional or variant character) -> its Simplified character."""
    simple = one_to_one("TSCharacters.txt")
    for variants in ("TWVariantsRev.txt", "HKVariantsRev.txt"):
        for ch, standard in one_to_one(variants).items():
            simple.setdefault(ch, simple.get(standard, standard))
    return {ord(ch): to for ch, to in simple.items()}


def fold_hant(text: str) -> str:
    """``text`` with Traditional characters replaced by Simplified ones, same length."""
    if text.isascii():
        return text
    return text.translate(fold_table())
