"""A name written whole once and by its last word after ("Tessa Quill … Quill said").

English reports name a person (or an organisation) in full at first and by the last word of
the name after that: "researcher Tessa Quill found …", and in another report of the same
story "the server Quill found on Tuesday …".  A capitalised run of one word that ends
exactly one longer run of the dump (two or three words) is that name: a report naming only
"Quill" is about the same person as the reports naming "Tessa Quill".  A word ending two
different longer runs ("Lee" of "Alice Lee" and "Bob Lee") stays as it is.
"""

from __future__ import annotations

from collections.abc import Iterable


def last_words(runs: Iterable[str]) -> dict[str, str]:
    """Each last word of the longer runs (two or three words) that ends only one of them: that run."""
    ending: dict[str, set[str]] = {}
    for run in runs:
        parts = run.split()
        if 2 <= len(parts) <= 3:
            ending.setdefault(parts[-1], set()).add(run)
    return {word: next(iter(whole)) for word, whole in ending.items() if len(whole) == 1}


def whole_names(runs: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each source's capitalised runs (lower-cased), a one-word run that ends only one longer run
    of the dump counted as that run."""
    whole = last_words(r for found in runs.values() for r in found)
    return {sid: [whole.get(r, r) if " " not in r else r for r in found] for sid, found in runs.items()}
