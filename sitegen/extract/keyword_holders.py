"""Chinese sources naming a namesake: the search keyword written inside another name.

Every record matched the keyword, so the keyword never counts as a subject; a report on a
namesake (the keyword as a property developer's name, 某某置业, beside the story's 某某化工)
may then share with the story only its city and a generic noun, the latter often a piece
of the story's own second name written to tell the two apart (与某某股份并无股权关系).  jieba
cuts such names into the keyword and the noun after it, so the noun tells them apart: the
nouns a good share of the sources write right after the keyword (``need`` sources, as a
shared subject word needs) are the story's names for it; any other is a namesake's.  A source
that writes the keyword with such other nouns more often than alone or with the story's
nouns (公司 and the like count as alone: `extends_name`) names a namesake; the
names test (`relevance.judge`) flags it when it shares no name of anyone but places.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from .words import CJK_WORD, Lexicon, Words, tag_of


def keyword_holders(
    docs: dict[str, Words], lexicon: Lexicon, need: int, extends: Callable[[str], bool]
) -> set[str]:
    """Sources that write the Chinese search keyword mostly inside a namesake's name.

    ``extends`` says whether a token after the keyword makes a longer name (区, 化工, 置业)
    rather than a word of the sentence."""
    keywords = {k for k in lexicon.ignored if CJK_WORD.match(k)}
    if not keywords:
        return set()
    after: dict[str, Counter[str]] = {}
    for sid, words in docs.items():
        toks = words.tokens
        found: Counter[str] = Counter()
        for i, tok in enumerate(toks):
            if tok in keywords:
                nxt = toks[i + 1] if i + 1 < len(toks) else ""
                found[nxt if extends(nxt) else ""] += 1
        if found:
            after[sid] = found
    spread = Counter(x for found in after.values() for x in found if x)
    story = {x for x, n in spread.items() if n >= need}
    if not story:
        return set()  # the story has no name around its keyword to tell a namesake's from
    # jieba glues the name's next character to what follows (云翔 + 航空港 of 云翔航空 + 港股):
    # a noun opening on a story noun's first character is the story's name, cut differently
    heads = {x[:1] for x in story}
    out = set()
    for sid, found in after.items():
        other = sum(n for x, n in found.items() if x and x[:1] not in heads)
        if other > sum(n for x, n in found.items() if not x or x[:1] in heads):
            out.add(sid)
    return out


_SAME_ENTITY = frozenset({"公司", "方面", "官方", "一方", "旗下"})
_NOT_NAME_TAGS = ("u", "p", "c", "v", "d", "r", "m", "q", "y", "e", "o", "x", "w", "f", "t")


def extends_name(token: str) -> bool:
    """Would ``token`` after a name make a longer name (区, 化工, 合作社), not a word of the sentence?"""
    return (
        CJK_WORD.match(token) is not None
        and token not in _SAME_ENTITY
        and not tag_of(token).startswith(_NOT_NAME_TAGS)
    )
