"""Names jieba cuts into pieces: a name its dictionary does not know, opened by a single character.

jieba knows neither 砺峰 (of the company 砺峰航天) nor 邵远航 (a founder): it cuts them 砺 + 峰 and
邵 + 远航, pieces no subject test counts (a single character is no content word, 远航 a verb), so
a Chinese report naming only the company, its rocket and its founder shares no name with the
story, however many reports name them.  `tagged_names` takes back the names jieba found as one
unknown word whose lead the tagger reads as opening a name (恒岳 of 恒岳地产); this takes back
those it cut: a run of two or three tokens, the first a single character, two to four characters
long and no word of jieba's dictionary, which at least ``need`` sources write, and which a real
tagger (LAC, `ner`) reads as a whole person's or organisation's name (not a place's: the pieces
of a village's name) in the lead of a source having it, the leads naming it earliest read first;
and so too an unknown word the tagger reads as a whole name only where it opens a headline (a
rocket's name, read elsewhere as part of the company's "砺峰航天X一号运载火箭").  Of two such runs,
one holding the other (砺峰航天, 砺峰), the shorter is taken: it is the name every form holds.  At
most ``limit`` runs, the most widely shared, and a few leads each are read: the
cost does not grow with the dump.
"""

from __future__ import annotations

import math
from collections import Counter

from .ner import Tagger
from .story_names import unknown_word
from .words import CJK_WORD, Lexicon, Words, general_idf, in_dictionary

SAMPLE = 5
"""Leads read by the tagger for each run (not a rule: a cost bound, as `tagged_names`'s)."""


def _runs(tokens: list[str], lexicon: Lexicon, kinds: dict[str, tuple[bool, bool]] | None = None) -> set[str]:
    """The runs of two or three Chinese tokens opened by a single character, 2–4 characters long,
    and the words jieba found but does not know (`unknown_word`: 赤鸢 of 赤鸢一号).

    ``kinds`` remembers, for each distinct token, whether it is Chinese and whether it is such
    an unknown word: a dump writes the same words over and over (pass one dict per ``lexicon``
    state; the answers hold as long as the lexicon and jieba's dictionary do not change)."""
    if kinds is None:
        kinds = {}
    for tok in tokens:
        if tok not in kinds:
            kinds[tok] = (bool(CJK_WORD.match(tok)), unknown_word(tok, lexicon) is not None)
    known = [kinds[tok] for tok in tokens]
    flags = [chinese for chinese, _ in known]
    out = {tok for tok, (_, unknown) in zip(tokens, known, strict=True) if unknown}
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if len(tok) != 1 or not flags[i]:
            continue
        run = tok
        for j in range(i + 1, min(i + 3, n)):
            nxt = tokens[j]
            if not flags[j] or len(run) + len(nxt) > 4:
                break
            run += nxt
            out.add(run)
    return out


def cut_names(
    docs: dict[str, Words], lexicon: Lexicon, need: int, limit: int, by: tuple[dict[str, str], Tagger]
) -> dict[str, Counter[str]]:
    """Source id -> the cut names (see the module docstring) it writes, with how often."""
    leads, tagger = by
    spread: Counter[str] = Counter()
    kinds: dict[str, tuple[bool, bool]] = {}
    for words in docs.values():
        spread.update(_runs(words.tokens, lexicon, kinds))
    asked = [
        w
        for w, n in spread.most_common()
        if n >= need
        and not in_dictionary(w)
        and not lexicon.is_keyword(w)
        and w.lower() not in lexicon.stopwords
    ][:limit]
    found = set()
    for word in asked:
        # the leads naming it earliest first: a headline opening on a name is where it is read best
        having = sorted(
            (sid for sid in docs if word in leads.get(sid, "")), key=lambda sid: leads[sid].find(word)
        )
        for sid in having[:SAMPLE]:
            if any(name == word and kind != "place" for name, kind, _ in tagger.names(leads[sid])):
                found.add(word)
                break
    names = {w for w in found if not any(o != w and o in w for o in found)}
    out: dict[str, Counter[str]] = {}
    for sid, words in docs.items():
        have = Counter({w: words.text.count(w) for w in names if w in words.text})
        if have:
            out[sid] = have
    return out


def add_cut_names(
    salience: dict[str, Counter[str]],
    docs: dict[str, Words],
    lexicon: Lexicon,
    need: int,
    limit: int,
    by: tuple[dict[str, str], Tagger],
) -> None:
    """Count the cut names (`cut_names`) in each source's subject salience, weighted as the names
    `tagged_names` takes back are (a word the idf table lacks: its median), and teach ``lexicon``
    them as names, so they are terms of the quotes that write them from now on."""
    _, median = general_idf()
    found = cut_names(docs, lexicon, need, limit, by)
    for sid, have in found.items():
        for w, n in have.items():
            salience[sid].setdefault(w, (1 + math.log(n)) * median)
    for w in sorted({w for have in found.values() for w in have}):
        lexicon.learn_name(w)
