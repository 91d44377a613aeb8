"""Run the temporal rule table fast: skip rules that cannot match, and fail fast where they cannot start.

Most of a passage cannot hold a date, yet every rule's regex used to be tried
at every character of every passage (most of the temporal extractor's time).
Two facts about each regex, derived from the regex itself so that they can
never drift from the rule table, let most of that work be skipped:

* **What a match must contain.**  ``月`` for ``zh-date``, a month name's first
  letter for ``en-mdy``: a list of character sets such that every match holds
  at least one character of each.  A passage that lacks one of them cannot
  match, and the rule is not run on it (`Scanner.may_match`).
* **What a match can start with.**  The rule's regex is run with a lookahead
  for those characters in front (``(?=[…])(?:…)``): the same matches, groups
  and spans, but positions that cannot start a match are rejected by one
  character test instead of a walk through the whole pattern.

* **What words a match must contain.**  ``ago`` for ``en-ago``, one of the
  holidays' names for ``zh-holiday``: runs of literal characters every match
  spells out, one of a set where the regex branches (`Scanner.may_hold`, a
  substring test per word).  A passage without a digit or a time word skips
  most rules this way, where a character it happens to hold (an ``a``, a
  ``g``) would not.

All three are conservative: when the analysis meets something it does not model
(a back-reference, ``\\w``, a pattern that can match the empty string) it
claims nothing, and the rule runs as before.  Case-insensitive parts are
compared on a case-folded copy of the passage (``text.upper().lower()``), which
maps every character Python's ``re.IGNORECASE`` equates with an ASCII letter
to that letter (tested over all of Unicode in ``tests/test_temporal_scan.py``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

try:  # the regex parser of the standard library; without it, no prefilter (still correct)
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parse = None  # type: ignore[assignment]

MAX_SET = 4000
"""Character sets larger than this are not worth a test (a whole script, say): claim nothing."""


@dataclass(frozen=True)
class Needs:
    """One character set every match holds a character of; ``folded`` sets compare case-folded."""

    chars: frozenset[str]
    folded: bool


@dataclass(frozen=True)
class Words:
    """Strings (two characters or more) of which every match holds one; ``folded`` ones are
    compared with the case-folded passage (`fold_text`)."""

    strings: tuple[str, ...]
    folded: bool
    pattern: re.Pattern[str] | None = None
    """The strings as one alternation, for words beyond ASCII: one regex pass over a Chinese
    passage beats a substring search per word (ASCII ones are searched with memchr: faster)."""


@dataclass(frozen=True)
class Scanner:
    """How to run one rule's regex: its fast twin, and what a passage needs for it to match."""

    pattern: re.Pattern[str]
    """The rule's regex, with a first-character lookahead when one could be derived."""
    needs: tuple[Needs, ...]
    wants_folded: bool = False
    """Some need compares case-folded characters."""
    words: tuple[Words, ...] = ()
    words_folded: bool = False
    """Some of `words` compare with the case-folded passage."""

    def may_match(self, chars: set[str], folded: set[str] | None = None) -> bool:
        """Can the rule match a passage with these characters?

        ``folded`` are those of its case-folded copy (`fold`); needed when `wants_folded`.
        """
        for need in self.needs:
            if need.chars.isdisjoint(chars) and (not need.folded or need.chars.isdisjoint(folded or ())):
                return False
        return True

    def may_hold(self, text: str, folded: str | None = None) -> bool:
        """Can the rule match ``text``, by the words every match spells out?

        ``folded`` is `fold_text` of it; needed when `words_folded`."""
        for need in self.words:
            where = (folded or "") if need.folded else text
            if need.pattern is not None:
                if need.pattern.search(where) is None:
                    return False
            elif not any(w in where for w in need.strings):
                return False
        return True


def fold_text(text: str) -> str:
    """``text`` as the case-insensitive needs compare it: every character that
    ``re.IGNORECASE`` equates with an ASCII letter becomes that letter (tested)."""
    return text.upper().lower()


def fold(text: str) -> set[str]:
    """The characters of ``text`` as the case-insensitive needs compare them."""
    return set(fold_text(text))


# -- the analysis ------------------------------------------------------------------
# Characters are tracked as (char, ignorecase) pairs until the end, where they are
# turned into what a passage is compared with.
_Chars = set[tuple[str, bool]]


def scanner(pattern: re.Pattern[str]) -> Scanner:
    """The fast twin of ``pattern`` and what a passage must contain for it to match."""
    if _sre_parse is None:
        return Scanner(pattern, ())
    try:
        tree = _sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unexpected pattern: no shortcut, same results
        return Scanner(pattern, ())
    icase = bool(pattern.flags & re.IGNORECASE)
    needs = tuple(n for n in (_needs_of(c) for c in _required(tree, icase)) if n is not None)
    words = tuple(dict.fromkeys(_words_of(w) for w in _required_words(tree, icase) if _worth(w)))
    return Scanner(
        _with_lookahead(pattern, _first(tree, icase)),
        needs,
        any(n.folded for n in needs),
        words,
        any(w.folded for w in words),
    )


def _needs_of(chars: _Chars) -> Needs | None:
    out: set[str] = set()
    folded = False
    for ch, icase in chars:
        if icase and ch.isascii() and ch.isalpha():
            out.add(ch.lower())
            folded = True
        elif icase and (ch.lower() != ch or ch.upper() != ch):
            return None  # a cased letter beyond ASCII: its case variants are not modelled
        else:
            out.add(ch)
    return Needs(frozenset(out), folded) if 0 < len(out) <= MAX_SET else None


def _flags(icase: bool, add: int, remove: int) -> bool:
    if add & re.IGNORECASE:
        return True
    if remove & re.IGNORECASE:
        return False
    return icase


def _charset(items: list, icase: bool) -> _Chars | None:
    """The characters of a ``[...]`` set, or None (negated, a category, or too large)."""
    out: _Chars = set()
    for op, av in items:
        if op is _sre.LITERAL:
            out.add((chr(av), icase))
        elif op is _sre.RANGE:
            lo, hi = av
            if hi - lo > MAX_SET:
                return None
            out.update((chr(c), icase) for c in range(lo, hi + 1))
        else:
            return None
    return out


_REPEATS = tuple(
    getattr(_sre, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_sre, name)
)
_ZERO_WIDTH = tuple(getattr(_sre, name) for name in ("AT", "ASSERT", "ASSERT_NOT") if hasattr(_sre, name))


def _required(seq: Iterable, icase: bool) -> list[_Chars]:
    """Character sets every match of the sequence holds a character of (all of them)."""
    out: list[_Chars] = []
    for op, av in seq:
        out.extend(_required_item(op, av, icase))
    return out


def _required_item(op: object, av: object, icase: bool) -> list[_Chars]:
    if op is _sre.LITERAL:
        return [{(chr(av), icase)}]  # type: ignore[arg-type]
    if op is _sre.IN:
        chars = _charset(av, icase)  # type: ignore[arg-type]
        return [chars] if chars else []
    if op is _sre.SUBPATTERN:
        _group, add, remove, inner = av  # type: ignore[misc]
        return _required(inner, _flags(icase, add, remove))
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _required(av, icase)  # type: ignore[arg-type]
    if op in _REPEATS:
        lo, _hi, inner = av  # type: ignore[misc]
        return _required(inner, icase) if lo >= 1 else []
    if op is _sre.BRANCH:
        union: _Chars = set()
        for alternative in av[1]:  # type: ignore[index]
            sets = _required(alternative, icase)
            if not sets:
                return []  # this alternative needs nothing
            union |= min(sets, key=len)
        return [union]
    return []  # zero-width assertions, any character, back-references: claim nothing


# -- words: runs of literal characters ------------------------------------------------
_Word = tuple[str, bool]  # (the string as compared, compared case-folded?)
MAX_WORDS = 200
"""A branch of more alternatives than this is not worth a test per alternative: claim nothing."""


def _literal(ch: str, icase: bool) -> tuple[str, bool | None] | None:
    """How a literal character is compared: (as what, folded?); folded None when it compares
    the same either way (no case); None when its case variants are not modelled."""
    if ch.upper() == ch == ch.lower():
        return ch, None
    if not icase:
        return ch, False
    if ch.isascii():
        return ch.lower(), True
    return None


def _required_words(seq: Iterable, icase: bool) -> list[frozenset[_Word]]:
    """Sets of strings every match of the sequence holds one of (each set: one requirement)."""
    out: list[frozenset[_Word]] = []
    run: list[str] = []
    mode: list[bool | None] = [None]  # the run's comparison, once a cased character decides it

    def flush() -> None:
        if len(run) >= 2:
            out.append(frozenset({("".join(run), bool(mode[0]))}))
        run.clear()
        mode[0] = None

    for op, av in seq:
        if op is _sre.LITERAL:
            lit = _literal(chr(av), icase)  # type: ignore[arg-type]
            if lit is None:
                flush()
                continue
            ch, folded = lit
            if folded is not None and mode[0] is not None and folded != mode[0]:
                flush()
            if folded is not None:
                mode[0] = folded
            run.append(ch)
            continue
        flush()
        out.extend(_required_words_item(op, av, icase))
    flush()
    return out


def _required_words_item(op: object, av: object, icase: bool) -> list[frozenset[_Word]]:
    if op is _sre.SUBPATTERN:
        _group, add, remove, inner = av  # type: ignore[misc]
        return _required_words(inner, _flags(icase, add, remove))
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _required_words(av, icase)  # type: ignore[arg-type]
    if op in _REPEATS:
        lo, _hi, inner = av  # type: ignore[misc]
        return _required_words(inner, icase) if lo >= 1 else []
    if op is _sre.BRANCH:
        union: set[_Word] = set()
        for alternative in av[1]:  # type: ignore[index]
            sets = _required_words(alternative, icase)
            if not sets:
                return []  # this alternative spells out no word
            union |= max(sets, key=lambda words: min(len(w) for w, _ in words))
            if len(union) > MAX_WORDS:
                return []
        return [frozenset(union)]
    return []  # a character set, zero-width assertions, any character: no word


def _worth(words: frozenset[_Word]) -> bool:
    """A requirement worth testing: every alternative two characters or more, compared one way."""
    return bool(words) and len({f for _, f in words}) == 1 and min(len(w) for w, _ in words) >= 2


def _words_of(words: frozenset[_Word]) -> Words:
    strings = sorted({w for w, _ in words}, key=lambda w: (len(w), w))
    kept = [w for i, w in enumerate(strings) if not any(s in w for s in strings[:i])]  # "ago" covers "agone"
    pattern = None if all(w.isascii() for w in kept) else re.compile("|".join(map(re.escape, kept)))
    return Words(tuple(kept), next(iter(words))[1], pattern)


def _first(seq: Iterable, icase: bool) -> _Chars | None:
    """The characters a non-empty match can start with; None if unknown or it can match empty."""
    result = _first_seq(seq, icase)
    if result is None or result[1]:
        return None
    return result[0]


def _first_seq(seq: Iterable, icase: bool) -> tuple[_Chars, bool] | None:
    """(characters the sequence can start with, can it match the empty string)."""
    out: _Chars = set()
    for op, av in seq:
        item = _first_item(op, av, icase)
        if item is None:
            return None
        chars, empty = item
        out |= chars
        if not empty:
            return out, False
    return out, True


def _first_item(op: object, av: object, icase: bool) -> tuple[_Chars, bool] | None:
    if op is _sre.LITERAL:
        return {(chr(av), icase)}, False  # type: ignore[arg-type]
    if op is _sre.IN:
        chars = _charset(av, icase)  # type: ignore[arg-type]
        return (chars, False) if chars is not None else None
    if op is _sre.SUBPATTERN:
        _group, add, remove, inner = av  # type: ignore[misc]
        return _first_seq(inner, _flags(icase, add, remove))
    if op is getattr(_sre, "ATOMIC_GROUP", None):
        return _first_seq(av, icase)  # type: ignore[arg-type]
    if op in _REPEATS:
        lo, _hi, inner = av  # type: ignore[misc]
        found = _first_seq(inner, icase)
        return None if found is None else (found[0], found[1] or lo == 0)
    if op is _sre.BRANCH:
        out: _Chars = set()
        empty = False
        for alternative in av[1]:  # type: ignore[index]
            found = _first_seq(alternative, icase)
            if found is None:
                return None
            out |= found[0]
            empty = empty or found[1]
        return out, empty
    if op in _ZERO_WIDTH:
        return set(), True  # consumes nothing; ignoring what it asserts only widens the set
    return None


def _class(chars: Iterable[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


def _with_lookahead(pattern: re.Pattern[str], first: _Chars | None) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for its first characters (same matches, groups and spans)."""
    if not first or len(first) > MAX_SET:
        return pattern
    exact = {c for c, icase in first if not icase}
    caseless = {c for c, icase in first if icase}
    if pattern.flags & re.IGNORECASE or not caseless:
        ahead = f"[{_class(exact | caseless)}]"  # the pattern's own flags apply: a superset at worst
    else:
        ahead = "|".join(([f"[{_class(exact)}]"] if exact else []) + [f"(?i:[{_class(caseless)}])"])
    try:
        return re.compile(f"(?={ahead})(?:{pattern.pattern})", pattern.flags)
    except re.error:  # pragma: no cover - e.g. global inline flags inside the pattern
        return pattern
