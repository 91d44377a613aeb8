"""Import's shortcuts change nothing but the time: every one of them against the plain way.

* per-word memos in relevance (each distinct token judged once per dump);
"""

from __future__ import annotations

import math
from collections import Counter

from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.relevance import _chinese_salience, judge
from sitegen.extract.rules import Rules
from sitegen.extract.words import CJK_WORD, SUBJECT_TAGS, Words, general_idf, tag_of
from sitegen.sitedata import SiteData

TEXTS = [
    "临江市滨河化工厂仓库发生火灾，消防支队赶到。化工厂负责人王立新被警方带走。",
    "临江市滨河化工厂仓库发生火灾，消防支队赶到。另据报道，2024年5月17日晚8时许，现场浓烟滚滚。",
    "The plant in Linjiang caught fire on May 17; 3 workers were hurt.\r\nPM2.5 readings rose.",
    "  空格 与\t制表符\n\n换行、标点……“引号”（括号）100%、3.5亿元、C++、#话题#、a_b-c.d ",
    "",
    "😀表情和\u3000全角空格，以及ｆｕｌｌｗｉｄｔｈ字母",
]


# -- relevance: per-word memos --------------------------------------------------------
def _salience_token_by_token(words: Words, lexicon) -> Counter[str]:
    """The subject weights counted one token at a time (the way before the memo)."""
    idf, median = general_idf()
    counts: Counter[str] = Counter()
    for tok in words.tokens:
        if not CJK_WORD.match(tok) or not lexicon.is_content(tok):
            continue
        if not tag_of(tok).startswith(SUBJECT_TAGS) and tok in idf:
            continue
        counts[lexicon.canonical(tok)] += 1
    return Counter(
        {w: (1 + math.log(n)) * idf.get(w, median) for w, n in counts.items() if not lexicon.is_keyword(w)}
    )


def test_subject_weights_and_their_order_are_those_of_counting_token_by_token() -> None:
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "火灾")
    memo: dict[str, str | None] = {}
    for text in TEXTS * 2:  # the second round reads every word from the memo
        words = Words.of(text)
        expected = _salience_token_by_token(words, lexicon)
        got = _chinese_salience(Counter(words.tokens), lexicon, memo)
        assert list(got.items()) == list(expected.items())  # same order: ties break alike
        assert got.most_common() == expected.most_common()
    assert memo


def test_judging_twice_with_one_lexicon_gives_the_same_subjects() -> None:
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "火灾")
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(TEXTS)}
    first = judge(docs, lexicon, Rules())
    again = judge(docs, lexicon, Rules())  # memos filled by the first run
    assert first == again
    fresh = judge(docs, make_lexicon(SiteData(), gazetteer(SiteData()), "火灾"), Rules())
    assert fresh == first
