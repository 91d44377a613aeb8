"""OpenCC's character tables, read one way for each stage that folds Traditional Chinese.

The temporal rules (`sitegen.extract.temporal.fold`) and the search index
(`sitegen.builder.search.text`) both map Traditional and variant characters to
Simplified ones, each composing the tables as it needs; both read them here.  Only
entries of one character to one other character are kept (each entry's first choice),
so folding never changes a text's length or offsets.
"""

from __future__ import annotations

from pathlib import Path


def dictionary() -> Path:
    """The folder of OpenCC's data files."""
    import opencc

    return Path(opencc.__file__).resolve().parent / "dictionary"


def one_to_one(name: str) -> dict[str, str]:
    """Character -> its first choice in OpenCC's table ``name`` (e.g. ``TSCharacters.txt``),
    for entries of one character to another one character."""
    pairs: dict[str, str] = {}
    for line in (dictionary() / name).read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1 and source != target:
            pairs[source] = target
    return pairs
