"""Two words jieba cuts out of one name: 苍穹 + 星际 of the company 苍穹星际.

jieba cuts a brand it does not know into dictionary words (苍穹 "the sky", 星际 "interstellar"),
and when the tagger (LAC, `ner`) does not find the whole as an organisation either, neither half
counts as a name in `relevance`: a Chinese report naming the story's company and nothing else
of the story's (its partner's filing abroad, where 美国 and 纳斯达克 are the only other names)
shares no name with the others.  Written text says otherwise: across the dump the two words are
*bonded*, the first (nearly) always followed by the second and the second preceded by the
first, in many sources.  Generic words are not bonded so: each appears beside other words too (发射
of 发射失利, 发射中心, 发射合同).  Only words rare in general text (`entities.NAME_MIN_IDF`) are
asked about, as a name's are.  One pass over the tokens: linear in the dump.
"""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

from .entities import NAME_MIN_IDF
from .words import CJK_WORD, Words, general_idf

BONDED_SHARE = 0.8
"""the share of each word's occurrences the pair must hold: a namesake may write one half alone
(a drama called 《苍穹》)"""


def bonded_names(docs: dict[str, Words], shared: set[str], need: int) -> set[str]:
    """The ``shared`` Chinese words that are half of a bonded pair (the pair holding `BONDED_SHARE`
    of each word's occurrences) found in at least ``need`` sources."""
    idf, _ = general_idf()
    asked = {w for w in shared if CJK_WORD.match(w) and idf.get(w, NAME_MIN_IDF) >= NAME_MIN_IDF}
    if len(asked) < 2:
        return set()
    seen: Counter[str] = Counter()  # occurrences of each asked word
    pairs: Counter[tuple[str, str]] = Counter()  # occurrences of each adjacent asked pair
    sources: Counter[tuple[str, str]] = Counter()  # sources holding each pair
    for words in docs.values():
        tokens = words.tokens
        seen.update(t for t in tokens if t in asked)
        mine = Counter((a, b) for a, b in pairwise(tokens) if a in asked and b in asked and a != b)
        pairs.update(mine)
        sources.update(mine.keys())
    out: set[str] = set()
    for (a, b), n in pairs.items():
        if sources[(a, b)] >= need and n >= BONDED_SHARE * max(seen[a], seen[b]):
            out |= {a, b}
    return out
