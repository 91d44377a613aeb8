"""Does an entry's title read as a headline?  The title checks of `tests/gold_score.py`.

A headline is a clause that says who did what.  A title fails when it is a fragment of a
sentence instead: each rule in `RULES` names one way of being a fragment, and
`title_problems` returns the names of the rules a title breaks.  They judge the form only
(the start, the end, what lies outside quotes, the length), never the story, so they hold for
any story in Chinese or English.  Each rule has an example in ``tests/test_gold_events.py``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CJK = r"[\u4e00-\u9fff]"
# particles, and connectives that need a clause before them (not 和/都/就: 和田, 都江堰, 就业)
ZH_CONNECTIVE = r"^(的|了|着|吗|呢|吧|啊|但|而且|而是|但是|并且|所以|然而|因此|因为|此外|对此|据悉|据了解|距离|其中|同时|随后)"
ZH_BACK_REFERENCE = r"^(这是|这一|这些|该|此次|其|他们|他|她|是(?!否))"
ZH_REPORTER = r"^(记者|本报讯|据.{1,8}(报道|消息))"
ZH_TAIL = "的和与在对把被将及或是为"  # one character each
ZH_REPORTING = r"(表示|称|指出|透露|强调|坦言|介绍|回应称|说|认为|直言|通报|获悉)"
EN_CONNECTIVE = (
    r"(and|but|or|which|who|whom|whose|that|as|while|because|so|then|although|though|whereas|also"
    r"|however|meanwhile|according|after|before|when|since)"
)
EN_TAIL = r"(the|a|an|of|to|and|or|for|with|at|that|from|is|was|were|are|its|their|his|her)"  # not in/on/by: "steps in"
EN_REPORTING = r"(said|says|told|added|noted|stated|reported|explained|argued|wrote|showed|shows)"
OPENERS = "\"'“‘「『《(（[【"


def _words(t: str) -> list[str]:
    return re.findall(r"[A-Za-z']+", t)


def _english_start(t: str) -> str | None:
    """The first word, lower-cased, when the title starts with a Latin letter."""
    words = _words(t)
    return words[0].lower() if words and re.match(r"[A-Za-z]", t) else None


def _outside_quotes(t: str) -> str:
    return re.sub(r"[\"“「『][^\"”」』]*[\"”」』]", "", t)


RULES: list[tuple[str, Callable[[str], object]]] = [
    ("starts with punctuation", lambda t: not t[0].isalnum() and t[0] not in OPENERS),
    ("starts with the tail of another clause", lambda t: re.match(CJK + r"{1,2}[,，、;；]", t)),
    ("starts with a particle or connective", lambda t: re.match(ZH_CONNECTIVE, t)),
    ("refers back to a sentence before it", lambda t: re.match(ZH_BACK_REFERENCE, t)),
    ("starts with the reporter, not the news", lambda t: re.match(ZH_REPORTER, t)),
    ("starts without a subject", lambda t: re.match(CJK + r"{2}了", t)),
    ("starts in lower case", lambda t: _english_start(t) and t[0].islower()),
    ("starts with a connective or relative pronoun", lambda t: re.fullmatch(EN_CONNECTIVE, _english_start(t) or "")),
    ("ends mid-clause", lambda t: re.search(r"[,，、:：;；\-—(（]$", t) or t.endswith(("...", "…"))),
    ("ends on a function word", lambda t: re.search(r"\b" + EN_TAIL + r"$", t.lower())),
    ("ends on a particle", lambda t: len(t) > 1 and t[-1] in ZH_TAIL and not (t[-1] == "的" and "是" in t)),
    ("ends on a reporting verb", lambda t: re.search(CJK + ZH_REPORTING + r"$", t)),
    ("only a quote", lambda t: re.fullmatch(r"\W*(\w?" + ZH_REPORTING + r")?\W*", _outside_quotes(t))),
    ("reporting-verb lead", lambda t: re.match(r"^(The |A |An )?([\w'-]+ ){0,3}" + EN_REPORTING + r"\b", t)
     or re.match(CJK + r"{1,8}" + ZH_REPORTING + r"[,，:：]", t)),
    ("too long for a headline", lambda t: len(re.findall(CJK, t)) > 40 or len(_words(t)) > 20),
]  # fmt: skip


def title_problems(title: str) -> list[str]:
    """The names of the `RULES` that ``title`` breaks (empty when it reads as a headline)."""
    t = title.strip()
    if not t:
        return ["empty"]
    return [name for name, broken in RULES if broken(t)]
