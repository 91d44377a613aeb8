"""Which sources are about the story, and which only matched the search keyword.

Each source's *subject* is its most salient words: nouns, names and terms,
weighted by how rare they are in general Chinese (jieba's idf table), plus
names and acronyms in Latin letters.  A word is *shared* when enough other
sources have it among their subject words too.  A source with too few shared
subject words shares no subject with the rest of the dump: it is off topic,
kept among the sources, and produces no events.  The search keyword (and any
word containing it) never counts: every record matched it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from .rules import Rules
from .words import CJK_WORD, SUBJECT_TAGS, Lexicon, Words, general_idf, in_dictionary, pinyin_key, tag_of

_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9]{1,7}|[A-Z]+[0-9][A-Z0-9]*|[0-9]+[A-Z][A-Z0-9]*)$")


@dataclass
class Relevance:
    off_topic: set[str] = field(default_factory=set)
    subjects: dict[str, list[str]] = field(default_factory=dict)
    """source id -> its subject words, most salient first"""
    shared: dict[str, list[str]] = field(default_factory=dict)
    """source id -> those of its subject words other sources share"""


_LATIN_CAPITAL = re.compile(r"\b[A-Z][a-z]+\b")
NAME_LIKE_TAGS = ("nr", "ns", "nt", "nz")


def _name_like(word: str) -> bool:
    """A proper name by jieba's tag, or a word its dictionary does not know (often a name)."""
    return tag_of(word).startswith(NAME_LIKE_TAGS) or not in_dictionary(word)


def _subject_word(tok: str, lexicon: Lexicon, idf: dict[str, float]) -> str | None:
    """The word a Chinese token counts as in a source's subject (None: it does not count)."""
    if not CJK_WORD.match(tok) or not lexicon.is_content(tok):
        return None
    if not tag_of(tok).startswith(SUBJECT_TAGS) and tok in idf:
        return None
    return lexicon.canonical(tok)


def _acronym(tok: str, lexicon: Lexicon) -> str | None:
    if _ACRONYM.match(tok) and tok.lower() not in lexicon.stopwords:
        return lexicon.canonical(tok)
    return None


def _count(
    tokens: Counter[str],
    word_of: Callable[[str], str | None],
    memo: dict[str, str | None],
    counts: Counter[str],
) -> None:
    """Add to ``counts`` the words the tokens count as (each distinct token judged once per dump)."""
    for tok, n in tokens.items():  # in order of first occurrence, as counting token by token would
        if tok in memo:
            word = memo[tok]
        else:
            word = memo[tok] = word_of(tok)
        if word is not None:
            counts[word] += n


def _chinese_salience(tokens: Counter[str], lexicon: Lexicon, memo: dict[str, str | None]) -> Counter[str]:
    idf, median = general_idf()
    counts: Counter[str] = Counter()
    _count(tokens, lambda tok: _subject_word(tok, lexicon, idf), memo, counts)
    return Counter(
        {w: (1 + math.log(n)) * idf.get(w, median) for w, n in counts.items() if not lexicon.is_keyword(w)}
    )


def _latin_salience(words: Words, acronyms: Counter[str], lexicon: Lexicon) -> Counter[str]:
    _, median = general_idf()
    counts: Counter[str] = Counter(lexicon.latin_terms(words.text))
    for word, n in acronyms.items():
        counts[word] += n
    return Counter({w: (1 + math.log(n)) * median for w, n in counts.items() if not lexicon.is_keyword(w)})


def judge(docs: dict[str, Words], lexicon: Lexicon, rules: Rules) -> Relevance:
    """Mark sources off topic; also teaches ``lexicon`` the Latin spelling of shared Chinese names."""
    out = Relevance()
    chinese: dict[str, Counter[str]] = {}
    acronyms: dict[str, Counter[str]] = {}
    subject_words: dict[str, str | None] = {}
    acronym_words: dict[str, str | None] = {}
    for sid, words in docs.items():
        tokens = Counter(words.tokens)
        chinese[sid] = _chinese_salience(tokens, lexicon, subject_words)
        acronyms[sid] = Counter()
        _count(tokens, lambda tok: _acronym(tok, lexicon), acronym_words, acronyms[sid])
    need = max(rules.shared_min_sources, math.ceil(rules.shared_min_share * len(docs)))

    # names and shared words may be written in pinyin elsewhere (王立新 ~ Wang Lixin)
    if any(_LATIN_CAPITAL.search(w.text) for w in docs.values()):
        spread: Counter[str] = Counter()
        for sal in chinese.values():
            spread.update(w for w, _ in sal.most_common(rules.subject_words * 2))
        names = {w for w, n in spread.items() if n >= need and len(w) >= 2}
        name_like: dict[str, bool] = {}
        for sal in chinese.values():
            for w in sal:
                if 2 <= len(w) <= 4 and w not in names:
                    if w not in name_like:
                        name_like[w] = _name_like(w)
                    if name_like[w]:
                        names.add(w)
        for word in sorted(names):
            lexicon.latin_names.setdefault(pinyin_key(word), word)

    counts: Counter[str] = Counter()
    for sid, words in docs.items():
        sal = chinese[sid] + _latin_salience(words, acronyms[sid], lexicon)
        top = [w for w, _ in sal.most_common(rules.subject_words)]
        out.subjects[sid] = top
        counts.update(top)
    for sid, top in out.subjects.items():
        shared = [w for w in top if counts[w] >= need]
        out.shared[sid] = shared
        if len(docs) >= rules.relevance_min_sources and len(shared) < rules.on_topic_shared_words:
            out.off_topic.add(sid)
    return out
