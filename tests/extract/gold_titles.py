"""Does an entry's title read as a headline?  The title checks of `tests/gold_score.py`.

A headline is a clause that says who did what.  A title fails when it is a fragment of a
sentence instead: each rule in `RULES` names one way of being a fragment, and
`title_problems` returns the names of the rules a title breaks.  They judge the form only
(the start, the end, what lies outside quotes, the length), never the story, so they hold for
any story in Chinese or English.  Each rule has an example in ``tests/test_gold_events.py``.
`language_problems` reads the entry beside its title: a title or summary must be in the site's
language when the entry cites a source written in it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

CJK = r"[\u4e00-\u9fff]"
# particles, and connectives that need a clause before them (not 和/都/就: 和田, 都江堰, 就业)
ZH_CONNECTIVE = r"^(的|了|着|吗|呢|吧|啊|但|而且|而是|但是|并且|所以|然而|因此|因为|此外|对此|据悉|据了解|距离|其中|同时|随后)"
ZH_BACK_REFERENCE = r"^(这是|这一|这些|这位|这名|这家|这个|这件|这座|这栋|这幢|这款|这批|这起|这项|该|此次|其|他们|她们|它们|他|她|它|是(?!否))"
ZH_REPORTER = r"^(记者|本报讯|据.{1,8}(报道|消息))"
ZH_TAIL = "的和与在对把被将及或是为"  # one character each
ZH_REPORTING = r"(表示|称|指出|透露|强调|坦言|介绍|回应称|说|认为|直言|通报|获悉|(?<!被)发现)"
EN_CONNECTIVE = (
    r"(and|but|or|which|who|whom|whose|that|as|while|because|so|then|although|though|whereas|also"
    r"|however|meanwhile|according|after|before|when|since)"
)
EN_TAIL = r"(the|a|an|of|to|and|or|for|with|at|that|from|is|was|were|are|its|their|his|her)"  # not in/on/by: "steps in"
EN_REPORTING = r"(said|says|told|added|noted|stated|reported|explained|argued|wrote|showed|shows)"
OPENERS = "\"'“‘「『《(（[【"
# words that say when relative to the report ("今日", "yesterday"): the entry's date says it
ZH_RELATIVE_DAY = r"(今日|昨日|昨天|今天|前日|前天|当日|当天|今晨|昨晚|昨夜|明日|明天|同日|同一天|次日|翌日)"
# characters only Traditional script uses (never valid in Simplified text), common in news
HANT_ONLY = set(
    "國們說這個時對來會與為體經過後點處還應發樂實區現聲機關間開門際車東風電話語讀書長頭馬魚雞專業運動"
    "報導級據證議讓質費貨買賣樣場殺歲戰劇團傳統師學習歡觀衛從當線總網賽隊員罰禁審權漲萬億價貸銀險"
)
EN_RELATIVE_DAY = r"\b(today|yesterday|tomorrow|tonight)\b"
# a Chinese clause that opens on an adverb or a verb has its subject in another sentence
ZH_NO_SUBJECT = (
    r"^(已于|已经|已|将于|正在|仍|均|并|还|再|又|被|即日起|自即日起|从即日起|共(?![青同产和享])"
    r"|恢复|暂停|取消|宣布|发布|召回|开展|启动|完成|停止|达成|提起|免去|撤销|吊销|批准|要求|确认|进场|开通"
    r"|表示|指出|强调|透露|坦言|声称|宣称)"
)
# a thing a clause before its 的 describes, and nothing said of it: "引发全网热议的"拆车直播""
ZH_NOUN_PHRASE = r"^(引发|引起|造成|导致|备受|饱受|广受|受到|遭到|曾经|一度)[^，,。；;是]{0,25}的[^，,。；;了被将已]{1,12}$"
ZH_ADVERBIAL = r"^在[^，,]{1,20}?(下|中|后|之后|以后|期间|之际|时|前|之前|以前)"
ZH_BACK_POINTER = r"(?<![尤极与])其(?![中他它余实次间后])"
ZH_FRAME = r"(发布|发出|下发|发表)了?[\u4e00-\u9fff]{0,4}(通知|公告|声明|通报|消息)(称|表示)?[,，:：]"
ZH_DANGLING = r"[,，](因|由于|因为|为了|随着|根据|按照|经)[^,，]*$"
EN_TIME_OPENER = (
    r"^((on|later|earlier|by)\s+)?(the|that|this)\s+(same\s+|next\s+|following\s+|previous\s+)?"
    r"(day|morning|afternoon|evening|night|week|month|year)\b|^(on|in|at|during|following|amid|despite"
    r"|earlier|later|late|upon|within|by)\b"
)
EN_PARTICIPLE = r"^[A-Z][a-z]{2,}ing\s+(it|its|the|a|an|that|this|they|he|she|his|her|their|them)\b"
EN_PRONOUN_SUBJECT = r"^(It|They|He|She|We|This|These|Those|Its|Their)\b"
# words a headline does not end on: they open a phrase the title lost ("…from service late")
EN_DANGLING = (
    r"(late|early|earlier|shortly|just|nearly|almost|around|about|than|until|including|such|not|also"
    r"|only|into|after|before|since|during|amid|over|under|between|against|without|within|via|per"
    r"|because|while|which|who|whose|when|where|it|through)"
)
# verbs that want what the title cut off ("A320neo returned [to …]", "agreed [to pay …]")
EN_NEEDS_OBJECT = (
    r"(unable|able|likely|returned|agreed|decided|planned|began|started|tried|sought|failed|refused|asked|urged|ordered"
    r"|told|made|put|took|gave|sent|pulled|brought|allowed|forced|expected|wanted|needed|issued|moved"
    r"|turned|recorded|called|filed|signed|set|kept|showed|found)"
)
EN_NOTHING_SAID = (
    r"\b(said|says|told|announced|reported|stated|added|confirmed|noted)"
    r"(\s+(in|on|at|during|by|late|early|earlier)\b((?!\bthat\b)[^,])*)?$"
)


# verbs of ordering that want what was ordered: "ordered Acme", "was ordered by a panel" end too soon
EN_CAUSATIVE = (
    r"(ordered|urged|asked|forced|required|pressed|instructed|directed|told|accused|persuaded|allowed)"
)
EN_ORDER_CUT = (
    r"\b" + EN_CAUSATIVE + r"\s+((?:[A-Z][\w'’.-]*\s*){1,4}|(?:him|her|them|it|us))$"
    r"|\b(was|were|is|are|been|being|be)\s+" + EN_CAUSATIVE + r"(\s+by\s+[^,]+)?$"
)
# a company's filing as the verb that reports ("X公告，…"): where the news came from, not the news
ZH_FILING_LEAD = r"^[\u4e00-\u9fff]{1,12}公告称?[,，:：]"


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
    ("reporting-verb lead", lambda t: re.match(r"^(The |A |An )?([\w'-]+ ){0,3}" + EN_REPORTING + r"\b(?! that( \S+){3})", t)
     or re.match(EN_REPORTING + r"\b", t, re.I)
     or re.match(CJK + r"{1,8}" + ZH_REPORTING + r"[,，:：]", t)),
    ("keeps a relative day the entry's date replaces", lambda t: re.search(ZH_RELATIVE_DAY, t)
     or re.search(EN_RELATIVE_DAY, t, re.I)),
    ("opens on an adverb or verb, no subject", lambda t: re.match(ZH_NO_SUBJECT, t)),
    ("a noun phrase (引发…的X), no clause", lambda t: re.match(ZH_NOUN_PHRASE, t)),
    ("opens on an adverbial (在…下/中/后)", lambda t: re.match(ZH_ADVERBIAL, t)),
    ("points back with 其", lambda t: re.search(ZH_BACK_POINTER, t)),
    ("keeps the reporting frame (X发布公告，…)", lambda t: re.search(ZH_FRAME, t)),
    ("ends on a clause of cause or means", lambda t: re.search(ZH_DANGLING, t)),
    ("ends on a bare number", lambda t: re.search(r"(?:^|\s|" + CJK + r")\d{1,3}(?:[.,]\d+)?$", t)
     and not re.search(r"\d{4}$", t)),
    ("ends on a clause of time, no main clause", lambda t: re.search(r"在[^，,]{1,25}(后|之后|以后|时|之前|前)$", t)),
    ("opens on an infinitive", lambda t: re.match(r"^To [a-z]+\b", t)),
    ("opens on a time adverbial", lambda t: re.match(EN_TIME_OPENER, t, re.I)),
    ("opens on a participle", lambda t: re.match(EN_PARTICIPLE, t)),
    ("a pronoun for its subject", lambda t: re.match(EN_PRONOUN_SUBJECT, t)),
    ("ends on a word that opens a lost phrase", lambda t: _english_start(t)
     and re.search(r"\b" + EN_DANGLING + r"$", t)),
    ("ends on a verb that wants what was cut", lambda t: _english_start(t)
     and re.search(r"\b" + EN_NEEDS_OBJECT + r"$", t)),
    ("a reporting verb with nothing reported", lambda t: re.search(EN_NOTHING_SAID, t)),
    ("an order without what was ordered", lambda t: re.search(EN_ORDER_CUT, t)),
    ("ends on a participle phrase cut short", lambda t: re.search(r",\s+[a-z]{3,}ing(\s+[\w'’-]+){0,2}$", t)),
    ("ends on a gerund whose object was cut", lambda t: re.search(r"\b(of|for|by|from|about|without|in)\s+[a-z]{3,}ing$", t)),
    ("keeps a filing as its reporting verb (X公告，…)", lambda t: re.match(ZH_FILING_LEAD, t)),
    ("too long for a headline", lambda t: len(re.findall(CJK, t)) > 40 or len(_words(t)) > 20),
]  # fmt: skip


def title_problems(title: str) -> list[str]:
    """The names of the `RULES` that ``title`` breaks (empty when it reads as a headline)."""
    t = title.strip()
    if not t:
        return ["empty"]
    return [name for name, broken in RULES if broken(t)]


def text_lang(text: str) -> str:
    """ "zh" or "en": the script most of ``text`` is written in (as gold_score's `record_lang`)."""
    cjk = len(re.findall(CJK, text))
    return "zh" if cjk * 3 >= len(re.findall(r"[A-Za-z]", text)) else "en"


LANGUAGE_RULES: list[tuple[str, str]] = [
    # (the name of the rule, the part of the entry it reads)
    ("title not in the site's language, though a source in it is cited", "title"),
    ("summary not in the site's language, though a source in it is cited", "summary"),
    ("title in Traditional characters, though a Simplified source is cited", "script"),
]


def is_traditional(text: str) -> bool:
    """Written in Traditional characters: two or more characters Simplified text never has."""
    return sum(ch in HANT_ONLY for ch in text) >= 2


def language_problems(title: str, summary: str, site_lang: str, cited_langs: set[str]) -> list[str]:
    """The `LANGUAGE_RULES` an entry breaks: a title or summary in the other language than the
    site's (``site_lang`` "zh" or "en") when the entry cites a source in the site's language, and
    on a Chinese site a title in Traditional characters when a cited source ("zh-hans" among
    ``cited_langs``) is written in Simplified ones."""
    if site_lang not in cited_langs:
        return []
    parts = {"title": title, "summary": summary}
    broken = [
        name
        for name, part in LANGUAGE_RULES
        if part in parts and parts[part].strip() and text_lang(parts[part]) != site_lang
    ]
    if site_lang == "zh" and "zh-hans" in cited_langs and is_traditional(title):
        broken += [name for name, part in LANGUAGE_RULES if part == "script"]
    return broken
