"""Dates that only give context: where a date stands says whether it times the sentence's happening.

A date in a *naming* position qualifies a noun: it names a thing by when it happened
("12月27日晚的火灾", "Saturday's paper", "the money the company promised last month",
"已于本月辞职的总经理", "the refund announced last week").  A date that marks where a span
begins ("2021年上市以来", "since March 2", "继上周火灾之后") times the span's start.  A date inside
a clause counted from another happening ("a month after it was fined on March 2",
"在3月2日收到罚单之后一个月") times that other happening.  None of them says when the
sentence's own happening occurred: such a date may let the sentence join the happening it
points at, never start one (``founding=False``), and when the sentence has a date in a
verbal position too, that one dates it (`candidates.find_candidates`).

The rules are data, tried in order: ``(name, where, pattern)`` where ``where`` is
``"after"`` (matched right after the date), ``"before"`` (searched in the date's clause up
to the date; ``"counted"`` too, for a date counted back from another: "two days earlier"),
``"reported"`` (matched right after the date, in a sentence a teller's 称 / 说 opens),
``"closing"`` (a date that closes its sentence, searched in the sentence up to
it: "X have detained Y, they said on Sunday." dates the saying, after what it tells; a
telling that goes on with what the teller did, ", as he offered an apology", is a happening
itself) or ``"sentence"`` (searched in the quote: a copula of rank, "was one of", "是…之一",
describes a state).  A statement named by its date ("3月5日发布的公告称", "a statement issued
on Monday said") reports its issuing: ``_STATEMENTS`` keeps it founding.
Each rule is exercised by a test (tests/extract/test_background.py), beside sentences that
must stay founding ("The regulator fined the company on Monday").
"""

from __future__ import annotations

import re
from typing import Any

_COUNTED_BACK = re.compile(r"\b(?:earlier|before|previously)\s*$", re.IGNORECASE)
"""a date counted back from another ("two days earlier")"""
_TELLER = re.compile(r"(?:称|说|表示|介绍|透露|回忆)\s*[，,：:]")
"""a teller's verb closing its clause (家属称，…): what follows is what the teller says"""
_CLAUSE_END = re.compile(r"[，,。；;：:！!？?\n]")
_CLAUSE_CHARS = 80
"""how far back a "before" rule looks for the start of the date's clause"""

_EN_VERB_ED = (
    r"(?:[a-z]+ed|paid|made|sold|held|given|taken|set|won|brought|built|begun|shown|told|said"
    r"|struck|sent|put|cut|lost|spent|bought|hit)"
)
_EN_DURATION = (
    r"(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+|a few|few|several|some)"
    r"\s+(?:full\s+)?(?:hours?|days?|weeks?|months?|years?)"
    r"|(?:hours|days|weeks|months|years)"  # uncounted: "hours before candidates sat it on Saturday"
)
_ZH_DURATION = r"[一二两三四五六七八九十半几数\d]+\s*(?:个)?\s*(?:多)?\s*(?:天|日|周|星期|月|年)"
_PREP = r"(?:of|over|for|about|on|to|from|with|after|before|despite|against|into|by|under|than|at|in)"
_DET = r"(?:the|its|their|his|her|our|this|these|those)"
_NOUN = r"(?!(?:the|its|their|his|her|our|this|these|those|an?)\b)[a-z-]+"
_MODIFIER = (
    r"(?!(?:said|says|told|that|of|for|to|from|with|and|or|by|in|on|at|as|is|was|were|are"
    r"|it|they|he|she|we|who|which|since|until|when|while|because|after|before|than|but|if|over"
    r"|about|into|under|against|despite|amid)\b)"
    r"(?![a-z]+ed\b)[a-z0-9][\w.-]*"
)
"""a word that may stand before a noun (compensation, 30, million): no verb of saying, no participle"""

_SUPERLATIVE = (
    r"\b(?:the|its|their|his|her|our|a|an)\s+(?:very\s+|single\s+|(?:second|third)[- ])?"
    r"(?!(?:protest|interest|request|arrest|contest|test|rest|harvest|forest|guest|quest|chest|honest|modest)\b)"
    r"(?:[a-z]+est|most|least|worst|best|first|only)\b"
)
"""a superlative after its determiner ("their steepest", "the first", "its worst")"""

RULES: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    # -- a span's start --------------------------------------------------------------
    ("zh-since", "after", re.compile(r"[^，,。；;：:]{0,6}?(?:以来|至今)")),
    ("en-since", "before", re.compile(r"\b(?:since|since at least|between)\s+$", re.IGNORECASE)),
    # "since the data centre fire earlier this week", "since Chen Li's complaint in May": the span
    # starts at the thing the date times
    (
        "en-since-thing",
        "before",
        re.compile(
            rf"\bsince\s+(?:{_DET}|(?-i:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}})['’]s)\s+"
            rf"(?:{_MODIFIER}\s+){{0,3}}{_NOUN}\s+$",
            re.IGNORECASE,
        ),
    ),
    # "their steepest drop since the company listed in 2023", "the first time since the plant
    # was shut in May": a reference point a superlative (or "first … since") measures against,
    # not a happening the sentence tells
    (
        "en-superlative-since",
        "before",
        re.compile(rf"{_SUPERLATIVE}\s+(?:[^\s,;:]+\s+){{0,6}}?since\s+(?:[\w'’-]+\s+){{1,8}}$"),
    ),
    # (a since-clause with no superlative stays: "Since Dawnguard published its report on March 2,
    # the company has lost its biggest client" retells the report, a happening of the story)
    # 创2023年公司在港上市以来最大跌幅, 自2019年该公司推出首款游戏以来首次, 为去年公司发布预警以来最低:
    # a long since-clause a superlative (最, 首次, 新高, 新低) measures against
    (
        "zh-superlative-since",
        "after",
        re.compile(r"[^，,。；;：:]{0,24}?以来(?:的)?(?:最|首次|首度|新高|新低)"),
    ),
    # 他2019年起任该职, 周德明自2008年起执掌该公司: a tenure's start, not a happening of the story
    ("zh-tenure", "after", re.compile(r"(?<=起)\s*(?:任|担任|出任|执掌|掌舵|主政|掌管|主持|分管)")),
    # 她2016年加入该公司, 2009年入职: a career's start told in passing (a bare year: 3月5日加入调查组 stays)
    ("zh-joined", "after", re.compile(r"(?<=\d年)\s*(?:加入|入职|加盟)")),
    ("en-span-end", "before", re.compile(r"\bbetween\s+[^,;:]{1,40}?\s+and\s+$", re.IGNORECASE)),
    ("zh-following", "before", re.compile(r"(?:继|自从?)\s*$")),
    # a date a state is observed at times the looking, not a happening: "as of Friday, 20 had
    # been detained", "截至午间收盘,跌停板上仍有…"
    ("en-as-of", "before", re.compile(r"\bas of\s+$", re.IGNORECASE)),
    ("zh-as-of", "before", re.compile(r"(?:截至|截止)\s*$")),
    # the period a thing covers: "ledgers for 2022 had been shredded", "its results for March"
    # (a noun, not a verb: "was fined for" is left alone)
    ("en-covering", "before", re.compile(r"\b(?![a-z]+(?:ed|ing)\b)[a-z]{3,}\s+for\s+$")),
    # a wire's dateline (新华社石家庄12月16日电 记者…获悉，12月15日22时…): the day the report was
    # filed gives the month to what follows, and times no happening
    ("zh-dateline", "after", re.compile(r"电(?=[\s（(])")),
    # -- a date naming a thing ---------------------------------------------------------
    ("zh-attributive", "after", re.compile(r"(?:晚|早|晚间|上午|下午|中午|凌晨)?的")),
    ("en-possessive", "after", re.compile(r"['’]s\b")),
    # "the Nov. 18 loss of a rocket", "its March 3 recall": a date a determiner opens names a thing
    ("en-attributive", "before", re.compile(r"\b(?:the|its|their)\s+$")),
    # 昨日庭审中，代理律师称…: the date names the hearing (its 的 left out) during which it was said
    (
        "zh-during",
        "after",
        re.compile(r"(?!晚上|早上|晚间|夜间|当天|当日)[\u4e00-\u9fff]{2,3}(?:中|上|期间)[，,]"),
    ),
    # 已于本月辞职的总经理, 上月承诺的赔偿, 上月被困的86名游客: a date, a verb phrase (no figures, no
    # other date), 的, a noun (or a counted one: 86名, 3家)
    (
        "zh-attributive-clause",
        "after",
        re.compile(r"[^，,。；;：:“”\"的\d起至是]{1,12}?的(?=[\u4e00-\u9fff]|[\d.]+\s*[名位个家人辆架条户])"),
    ),
    # "the money the company promised last month", "the fine it paid in March", "the
    # compensation pool Riverstone announced last October", "the 30 million yuan fund it set up in May"
    (
        "en-relative-bare",
        "before",
        re.compile(
            rf"\b{_DET}\s+(?:{_MODIFIER}\s+){{0,3}}?(?!{_DET}\b){_MODIFIER}\s+(?:{_DET}\s+{_NOUN}|[A-Z][\w-]+|it|they|he|she|we)\s+"
            rf"{_EN_VERB_ED}"
            rf"(?:\s+[a-z-]+)?(?:\s+{_PREP})?\s+$"
        ),
    ),
    # ", who quit this month", "a fine which it paid on March 2"
    (
        "en-relative",
        "before",
        re.compile(r"\b(?:which|who|whom|whose)\s+(?:[\w'’-]+\s+){1,8}$", re.IGNORECASE),
    ),
    # "the gondola that stalled in December remains shut": a relative clause naming a thing
    (
        "en-that-relative",
        "before",
        re.compile(
            rf"\b{_DET}\s+(?:{_MODIFIER}\s+){{0,3}}?{_NOUN}\s+that\s+(?:had\s+|has\s+|have\s+|was\s+|were\s+)?(?:been\s+)?"
            rf"{_EN_VERB_ED}(?:\s+[a-z-]+)?(?:\s+{_PREP})?\s+$",
            re.IGNORECASE,
        ),
    ),
    # "over the refund announced last week": a participle after a noun that a preposition governs
    (
        "en-participle",
        "before",
        re.compile(
            rf"\b{_PREP}\s+(?:{_DET}|an?)\s+(?:(?!{_DET}\b){_MODIFIER}\s+){{1,3}}?{_EN_VERB_ED}(?:\s+{_PREP})?\s+$"
        ),
    ),
    # -- a date inside a clause counted from another happening --------------------------
    # "a month after it was fined on March 2", "two days before the hearing on Monday"
    (
        "en-duration-after",
        "before",
        re.compile(rf"\b{_EN_DURATION}\s+(?:after|before)\s+(?:[\w'’-]+\s+){{0,10}}$", re.IGNORECASE),
    ),
    # "after a charging fire last month", "following the fine on March 2"
    (
        "en-after-noun",
        "before",
        re.compile(
            r"\b(?:after|following|before|amid|despite)\s+(?:an?|the|its|their|this)\s+(?:[\w'’-]+\s+){0,6}$"
        ),
    ),
    # 在3月2日收到罚单之后一个月, 3月2日被罚后两周
    (
        "zh-duration-after",
        "after",
        re.compile(rf"[^，,。；;：:]{{0,16}}?(?:之后|以后|后|之前|以前|前)\s*{_ZH_DURATION}"),
    ),
    # -- a telling that follows what it tells -------------------------------------------
    # "Police have detained a retired keeper …, they said on Sunday": the present perfect says
    # the happening came before the telling; the date is when it was said, not when it happened
    (
        "en-told-after-perfect",
        "closing",
        re.compile(
            rf"\b(?:has|have)\s+(?:now\s+|already\s+)?(?:been\s+)?{_EN_VERB_ED}\b[^;:!?]*,\s+"
            r"(?:[\w'’-]+\s+){0,4}?(?:said|says|told\s+[\w'’-]+|announced|confirmed)\s+(?:on\s+)?$",
            re.IGNORECASE,
        ),
    ),
    # -- a happening a teller puts before the day told ------------------------------------
    # "The family's lawyer said the platform had submitted new evidence two days earlier": a
    # past perfect a teller reports, counted back from the day the report tells: background the
    # telling brings in, not a happening of its own (``counted``: the date counts back)
    (
        "en-reported-pluperfect",
        "counted",
        re.compile(
            r"\b(?:said|says|told\s+[\w'’-]+|added|noted|claimed|argued)\s+(?:that\s+)?(?:[\w'’-]+\s+){1,4}?"
            rf"had\s+(?:already\s+)?(?:been\s+)?{_EN_VERB_ED}\b[^,;:]*$",
            re.IGNORECASE,
        ),
    ),
    # "家属称，他本月初刚从老家返回临江": what a teller says had just happened (刚, not 刚刚
    # "just now") before the story's moment: the back-story of the telling (``reported``: a
    # teller's 称 / 说 / 表示 earlier in the sentence)
    ("zh-reported-just", "reported", re.compile(r"\s*刚(?!刚)")),
    # -- a time that was due, not a happening ---------------------------------------------
    # "她购买的产品本应在本月初到期", 原定于周五开庭, "the bonds were due to mature in early
    # September": the date says when something should have happened (most often it did not)
    ("zh-due", "before", re.compile(r"(?:本应|本该|原定|原本应?|原计划)\s*(?:在|于)?\s*$")),
    (
        "en-due",
        "before",
        re.compile(
            r"\b(?:was|were|had been|is|are)\s+(?:due|supposed|meant)\s+to\s+[a-z]+(?:\s+[a-z]+)?"
            r"(?:\s+(?:on|in|by|at))?\s+$",
            re.IGNORECASE,
        ),
    ),
    # -- a state, not a happening ------------------------------------------------------
    # "Two workers were still missing on Tuesday night": what still held at a time
    (
        "en-still",
        "before",
        re.compile(
            r"\b(?:was|were|is|are|remained|remains)\s+still\s+[a-z-]+\s+(?:on|at|by)?\s*$", re.IGNORECASE
        ),
    ),
    # 夜里仍会被那声巨响惊醒: what keeps happening (仍会, 总会), not a happening of a day
    ("zh-habitual", "after", re.compile(r"\s*(?:仍会|总会|常会|还会|都会|常常|总是|经常)")),
    # "The resort has 18 runs this winter": a count of what something has, at a time
    (
        "en-has-count",
        "before",
        re.compile(
            r"\b(?:has|have|had)\s+(?:about\s+|some\s+|nearly\s+|more than\s+|over\s+)?\d[\d,.]*\s+"
            r"(?:[a-z-]+\s+){1,3}$",
            re.IGNORECASE,
        ),
    ),
    # "the letter had been shared more than 2 million times by Monday night": a count a perfect
    # had reached by a time, what held then, not a happening of that time ("had been discharged
    # from hospital by Wednesday", no count, is the discharge's day)
    (
        "en-perfect-by",
        "before",
        re.compile(
            rf"\b(?:had|has|have)\s+(?:been\s+)?{_EN_VERB_ED}\s+(?:[a-z]+\s+){{0,2}}\d[\d,.]*"
            r"(?:\s+(?:million|billion|thousand))?\s+(?:times|[a-z]+)\s+by\s+$",
            re.IGNORECASE,
        ),
    ),
    # "Ten days later she is still at her desk": what still holds at a time, not a happening
    ("en-still", "sentence", re.compile(r"\b(?:is|are|remains?)\s+still\b", re.IGNORECASE)),
    (
        "state",
        "sentence",
        re.compile(
            r"\b(?:was|is|were|are|has been|had been|have been)\s+(?:one of|among)\b|是[^，,。；;]{1,24}之一",
            re.IGNORECASE,
        ),
    ),
)

_STATEMENTS = re.compile(
    r"(?:公告|声明|通报|通告|通知|公开信|回应|说明|文件|报告|致歉信|视频|微博|发言|讲话)"
    r"|\b(?:statement|announcement|notice|filing|letter|report|video|post|release|remarks)s?\b",
    re.IGNORECASE,
)
"""a statement named by the date it was issued: issuing it is the happening"""
_ANNOUNCED_OBJECT = re.compile(r"\s*(?:宣布|决定|下令|责令)[^的]{4,}的$")
"""交通运输局当晚宣布暂停该公司的施工许可: the date times an announcement whose object (暂停 X的许可)
holds a 的 of its own; not a clause naming a thing (上月宣布的赔偿, 上月宣布暂停的项目: the verb right
before 的)"""
_CLAUSES_NAMING = ("en-participle", "en-relative-bare", "en-that-relative")
"""rules of a clause naming a thing that a statement named in the clause overrides ("the
statement that it issued on Monday" reports the issuing)"""
_INFINITIVE = re.compile(
    rf"\s+to\s+(?!(?:{_DET[3:-1]}|an?|every|each|all|some|any|more|most|him|them|us|me)\b)"
    r"[a-z]*(?:ss|[a-rt-z])\b"
)
"""after the date, an infinitive its verb governs ("its insurer Anchorline agreed the same day to
pay"): the verb is the clause's own (its subject named before it), not a relative naming a thing
("the compensation the company promised last month to every customer", "… to customers")"""


def _clause_before(text: str, start: int) -> str:
    lo = max(0, start - _CLAUSE_CHARS)
    head = text[lo:start]
    ends = list(_CLAUSE_END.finditer(head))
    return head[ends[-1].end() :] if ends else head


_SENTENCE_END = re.compile(r"[。！!？?\n]|\.\s")
_SENTENCE_CHARS = 300
"""how far back a "closing" rule looks for the start of the date's sentence"""
_CLOSES = re.compile(r"\s*(?:[.。!！]|$)")


def _sentence_before(text: str, start: int) -> str:
    lo = max(0, start - _SENTENCE_CHARS)
    head = text[lo:start]
    ends = list(_SENTENCE_END.finditer(head))
    return head[ends[-1].end() :] if ends else head


def background_rule(text: str, m: Any, quote: str = "") -> str | None:
    """The name of the first rule that finds the date ``m`` (offsets into ``text``) only gives context."""
    before = None
    for name, where, pattern in RULES:
        if where == "after":
            hit = pattern.match(text, m.end)
            if hit and name == "zh-attributive-clause" and _STATEMENTS.match(text, hit.end()):
                continue
            if hit and name == "zh-attributive-clause" and _ANNOUNCED_OBJECT.match(hit.group(0)):
                continue
            if hit:
                return name
        elif where == "closing":
            if _CLOSES.match(text, m.end) and pattern.search(_sentence_before(text, m.start)):
                return name
        elif where == "reported":
            if pattern.match(text, m.end) and _TELLER.search(_sentence_before(text, m.start)):
                return name
        elif where == "counted":
            if _COUNTED_BACK.search(m.text) and pattern.search(_clause_before(text, m.start)):
                return name
        elif where == "before":
            if before is None:
                before = _clause_before(text, m.start)
            if pattern.search(before):
                if name in _CLAUSES_NAMING and _STATEMENTS.search(before):
                    continue
                if name in _CLAUSES_NAMING and _INFINITIVE.match(text, m.end):
                    continue
                if name == "en-after-noun" and _clause_on_calendar(before, m):
                    continue
                if name == "en-since" and _WHEN_AFTER.match(text, m.end):
                    continue
                return name
        elif quote and pattern.search(quote):
            return name
    return None


_WHEN_AFTER = re.compile(r"\s*,\s*when\b")
"""after a span's start, a when-clause telling what happened then ("since Monday, when the
regulator opened an inquiry"): the date times that happening"""
_AFTER_CLAUSE = re.compile(
    rf"\b(?:after|following|before)\s+(?:an?|the|its|their|this)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:was|were|had been)\s+(?:\w+ly\s+)?{_EN_VERB_ED}\s+(?:{_PREP}\s+)?$"
)
_CALENDAR = re.compile(r"\d")


def _clause_on_calendar(before: str, m: Any) -> bool:
    """"…, its second crash after a prototype was destroyed in 2024": the noun after "after" is the
    subject of a clause of its own (a passive verb), and that clause is dated on the calendar (a
    year or a day written out, ``absolute``): a happening told in passing, with its own date, not
    the context of another.  A relative date stays context ("after its plant was halted last
    week": the week is counted from the article, most often to say why what follows happened)."""
    return m.kind == "absolute" and bool(_CALENDAR.search(m.text)) and bool(_AFTER_CLAUSE.search(before))


NAMING_AFTER = ("zh-attributive", "en-possessive")
"""rules whose date names the noun right after it (12月27日晚的火灾, "Saturday's paper")"""


def named_from(text: str, m: Any) -> int | None:
    """Where the noun that the date ``m`` names begins ("3月5日的|发布会", "Saturday's |paper"), if
    the date stands right before it; else None."""
    for name, where, pattern in RULES:
        if name in NAMING_AFTER and where == "after":
            hit = pattern.match(text, m.end)
            if hit:
                return hit.end()
    return None


OVER_STARTS = frozenset({"zh-tenure"})
"""rules that hold even where the resolver read the date as a state's start (自2021年起担任…):
holding a post is told in passing, its start is no happening of the story"""
CLOSING = frozenset(name for name, where, _ in RULES if where == "closing")
"""rules whose date times a telling that closes its sentence ("…, authorities said on Wednesday")"""


def is_naming(text: str, m: Any) -> bool:
    """Does the date stand where it only names or bounds something (every rule but a state's)?"""
    return background_rule(text, m) is not None


REPORTING_AFTER = re.compile(
    r"\s*(?:从[^，,。；;：:]{1,16}?|[^，,。；;：:]{0,4}?)"
    r"(?:通报|通报称|表示|称|介绍|透露|披露|说|发文称|发布消息称|消息|通知|获悉|了解到|得知)\s*[,，:：]"
)
"""after a date: the telling ("公安局今日通报,", "警方昨天表示:", "今日发布通知,"), or a
reporter's learning of it ("记者今日从市公安局获悉,")"""


def reporting_date(text: str, m: Any) -> bool:
    """Does the date ``m`` time someone's telling (a statement, a briefing) rather than what is told?

    Only asked of a sentence with a later date too: "公安局今日通报,12月1日凌晨,警方抓获…"
    happened on 12月1日凌晨; a sentence whose only date is the telling's is dated by it.  English
    ("investigators said on Monday that the battery started the fire … over the weekend") is left
    alone: there the telling is most often the news, and the later date a back-reference."""
    return REPORTING_AFTER.match(text, m.end) is not None
