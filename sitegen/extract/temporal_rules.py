"""The rule table of the temporal extractor: name, language, kind, regex, resolver.

Order is data: when two rules match spans of the same length, the earlier rule
wins (the longest span always wins first).  Regexes are built from small
fragments and from the word tables in `temporal_words`, and name their groups
for the resolvers in `temporal_resolve`:

``y`` year · ``yrel`` 今年/去年… · ``m``/``mon`` month · ``mrel`` 本月/上月… ·
``d`` day · ``drel`` 昨天… · ``dpod`` 昨晚… · ``wd`` weekday · ``wrel`` week prefix ·
``mp``/``ep``/``yp``/``q`` parts of a month or year · ``pod`` part of day ·
``h``/``mi``/``half``/``qk``/``ampm``/``noon``/``hh``/``mm`` clock ·
``ap``/``apost``/``xu`` hedges · ``open`` open-ended (以前/以来/after) ·
``n``/``unit``/``fuzz`` amounts · ``core`` the part of the match that is the mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sitegen.extract import temporal_offsets as O
from sitegen.extract import temporal_resolve as R
from sitegen.extract import temporal_words as W
from sitegen.extract.cn_numerals import EN_NUMBER_RE
from sitegen.extract.temporal_context import Resolver


@dataclass(frozen=True)
class Rule:
    name: str
    lang: str  # "zh", "en" or "any"
    kind: str  # what it finds by default: absolute | relative | anchored | vague | not-event
    pattern: re.Pattern[str]
    resolve: Resolver
    params: Mapping[str, str] = field(default_factory=dict)
    check: Callable[[dict[str, str | None], str, int, int], bool] | None = None
    """Context-free validity of a match: (groups, text, start, end) -> keep?"""
    needs_before: re.Pattern[str] | None = None
    """Must be found in the same sentence before the match."""


# -- fragments ----------------------------------------------------------------
AD = "0-9０-９"
CN = "零〇○一二两三四五六七八九十廿卅"
SP = r"[ \t\u00a0\u3000]?"
N2 = rf"(?:(?<![{AD}.．:：/\-])[{AD}]{{1,2}}(?![{AD}])|(?<![{CN}百千万])[{CN}]{{1,3}})"
N2R = rf"(?:[{AD}]{{1,2}}(?![{AD}])|[{CN}]{{1,3}})"  # after a range separator
YEAR = (
    rf"(?:(?<![{AD}.．:：/\-])[{AD}]{{4}}(?![{AD}])"
    rf"|(?<![{CN}百千万])[零〇○一二三四五六七八九]{{4}}(?![{CN}]))"
)
YEAR_R = rf"(?:[{AD}]{{4}}(?![{AD}])|[零〇○一二三四五六七八九]{{4}})"
MIN = rf"(?:[{AD}]{{1,2}}|[{CN}]{{1,4}})"
AMT = (
    rf"(?:(?<![{AD}.．])[{AD}]{{1,3}}(?:\.[{AD}])?(?![{AD}])"
    rf"|(?<![{CN}百千万几数])[{CN}百千几数]{{1,5}}(?:、[一二三四五六七八九])?)"
)
STOP_AFTER_DAY = "游语文线楼店院位机坑门口码房车厂馆台舰箱子均"

AP = r"(?:(?P<ap>大约|大概|约莫|(?<![签预制公合节条婚契])约|差不多|大致)" + SP + ")?"
TZP = rf"(?:(?P<tzp>{W.alt(W.ZH_ZONES)}){SP})?"
PODS = W.alt(W.ZH_PARTS)
CLOCK = (
    rf"(?P<h>{N2}){SP}(?:(?:点|时)(?:{SP}(?:(?P<half>半)|(?P<qk>[一二三])刻|"
    rf"(?P<mi>{MIN})(?:{SP}分(?!钟))?(?![{AD}{CN}%％万亿个多余])|整|钟))?"
    rf"|[:：](?P<mm>[0-5][0-9])(?:[:：][0-5][0-9])?(?![{AD}]))"
)
CLOCK_STRICT = (
    rf"(?P<h>{N2}){SP}(?:(?:点|时){SP}(?P<mi>{MIN}){SP}分(?!钟)"
    rf"|[:：](?P<mm>[0-5][0-9])(?:[:：][0-5][0-9])?(?![{AD}]))"
)
TAIL = rf"(?:{SP}(?P<pod>{PODS}))?(?:{SP}{CLOCK})?"
AFTER = (
    r"(?:(?P<apost>前后|左右|上下|前夕)|(?P<xu>许)|(?P<open>以前|之前|以后|之后|以来|至今"
    r"|前(?![往来进去夕后一天日晚])|后(?![来续期面半])))?"
)
PWD = r"(?:" + SP + r"[（(](?:周|星期|礼拜)(?P<pwd>[一二三四五六日天])[)）])?"
YREL = W.alt(W.ZH_YEAR_WORDS)
MP = (
    r"(?P<mp>上中旬|中下旬|上旬|中旬|下旬|初(?![步次期衷级心始中])|底|末(?![班期])"
    r"|中(?=[，,。；、的时前左以])|早些时候|稍早)"
)
YP = (
    r"(?:年?(?P<yp>初(?![步次期衷级心始中])|底|末(?![班期])|中(?=[，,。；、的时前左以]))"
    r"|(?P<yp2>上半年|下半年|前三季度|早些时候|稍早)"
    rf"|(?:第{SP})?(?P<q>[一二三四1-4]){SP}季度|[QＱ](?P<q2>[1-4]))"
)
UNIT_ZH = r"(?P<unit>小时|钟头|分钟|天|日|周|星期|礼拜|月|年)"
AMOUNT_ZH = (
    rf"(?:(?P<n>{AMT})(?P<ge>个)?(?P<fuzz>多|余|来)?(?P<half>半)?|(?P<hn>半)(?P<ge2>个)?(?P<fuzz3>多)?)"
    rf"{SP}{UNIT_ZH}(?P<fuzz2>多|左右)?"
)


def en_month(name: str = "mon") -> str:
    """An English month name, capitalised (``may`` is a verb), as group ``name``."""
    return (
        rf"(?-i:(?P<{name}>January|February|March|April|May|June|July|August|September|October"
        r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?))(?![a-z])"
    )


EN_MON = en_month()
EN_WD = (
    r"(?-i:(?P<pwd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?))(?![a-z])"
)
EN_DAY = r"(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9:])"
EN_YEAR = r"(?P<y>(?:1[6-9]|20|21)[0-9]{2})(?![0-9])"
EN_CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[0-9])(?:[:.](?P<mi>[0-5][0-9]))?\s?(?P<ampm>[ap]\.m\.|[ap]m\b|[ap]\.m\b)"
    r"|(?P<noon>noon|midday|midnight)|(?P<hh>[01]?[0-9]|2[0-3]):(?P<mm>[0-5][0-9])(?![0-9]))"
)
EN_TZ = r"(?:\s?(?P<tze>ET|EST|EDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|Beijing time|local time)\b)?"
EN_TAIL = rf"(?:,?\s+(?:at\s+)?{EN_CLOCK}{EN_TZ}|\s+(?P<pod>morning|afternoon|evening|night))?"
EN_EP = r"(?P<ep>early|mid-?|late|the end of|the beginning of|the start of|the middle of)"
EN_UNIT = r"(?P<unit>minutes?|hours?|days?|weeks?|months?|years?|decades?)"
EN_HEDGE = (
    r"(?:(?P<ap>about|around|roughly|nearly|almost|some|approximately|more than|over|less than"
    r"|just over|just under|only|barely)\s+)?"
)
EN_NUM = rf"(?P<n>{EN_NUMBER_RE})"
SEP = r"(?P<sep>或者?|至|到|—|–|－|-|~|～)"


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# -- checks ---------------------------------------------------------------------
def _bare_day_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """三十一日 / 7日 alone: Arabic digits, or a time attached, or a clause break after."""
    if g.get("open") == "前":
        return False  # 3日前: 3 days ago, or before the 3rd? the offset rule calls it ambiguous
    attached = g.get("pod") or g.get("h") or g.get("pwd")
    nxt = text[end : end + 1]
    if g.get("dsuf") == "号" or not (g.get("d") or "")[:1].isdigit():
        return bool(attached) or nxt in ("，", ",", "、", " ", "")
    return True


def _needs_something(*names: str) -> Callable[[dict[str, str | None], str, int, int], bool]:
    def check(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
        return any(g.get(n) for n in names)

    return check


def _range_words_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """ "March 1 and May 31" is two dates unless "between" opens it; "from … to" is a range."""
    sep = (g.get("sep") or "").lower()
    opener = text[max(0, start - 8) : start].lower()
    if sep == "and":
        return "between" in opener
    if sep in ("to", "until", "through"):
        return "from" in opener or "between" in opener or sep == "through"
    return True


def _month_unit_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """一个月 is a duration, 一月 is January: a month count needs 个 (or 半)."""
    if g.get("unit") == "月":
        return bool(g.get("ge") or g.get("ge2") or g.get("hn") or g.get("half"))
    return True


def _gap_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    return bool(g.get("pre") or g.get("verb")) and _month_unit_ok(g, text, start, end)


# -- the table ----------------------------------------------------------------
ISO = (
    rf"(?<![{AD}.:/\-])(?P<y>(?:1[6-9]|2[01])[0-9]{{2}})(?P<s>[-/.])(?P<m>[01]?[0-9])(?P=s)"
    r"(?P<d>[0-3]?[0-9])(?:(?:T|\s{1,2})(?P<hh>[0-2]?[0-9]):(?P<mm>[0-5][0-9])"
    r"(?::[0-5][0-9](?:\.[0-9]+)?)?(?P<tzo>Z|[+-][0-9]{2}:?[0-9]{2})?)?(?![0-9])"
)

NE = O.resolve_not_event
CAL = R.resolve_calendar

RULES: tuple[Rule, ...] = (
    Rule("iso-datetime", "any", "absolute", _c(ISO), CAL),
    # ranges --------------------------------------------------------------
    Rule(
        "zh-year-range",
        "zh",
        "vague",
        _c(
            rf"{AP}(?P<y>{YEAR}){SP}年?{SP}(?P<sep>或者?|至|到|—|–|－|-|~|～|、|和|与){SP}"
            rf"(?P<y2>{YEAR_R}){SP}年(?!代)(?:{SP}(?P<apost>前后|左右)|间|期间|之间)?"
        ),
        O.resolve_range,
    ),
    Rule(
        "zh-day-range",
        "zh",
        "absolute",
        _c(
            rf"{AP}(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<m>{N2}){SP}月{SP}(?P<d>{N2}){SP}"
            rf"[日号]?{SP}{SEP}{SP}(?:(?P<y2d>{YEAR_R}){SP}年{SP}(?=[{AD}{CN}]{{1,3}}{SP}月))?"
            rf"(?:(?P<m2>{N2R}){SP}月{SP})?(?P<d2>{N2R}){SP}[日号]"
            rf"(?:{SP}(?P<apost>前后|左右))?"
        ),
        O.resolve_range,
    ),
    Rule(
        "zh-month-range",
        "zh",
        "absolute",
        _c(
            rf"{AP}(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<m>{N2}){SP}月?{SP}{SEP}{SP}"
            rf"(?P<m2>{N2R}){SP}月(?!{SP}{N2R}{SP}[日号])(?:{SP}(?P<apost>前后|左右))?"
        ),
        O.resolve_range,
    ),
    Rule(
        "zh-bare-day-range",
        "zh",
        "absolute",
        _c(rf"(?P<d>{N2}){SP}[日号]{SP}(?P<sep>至|到|—|–|－|-|~|～){SP}(?P<d2>{N2R}){SP}[日号]"),
        O.resolve_range,
    ),
    Rule(
        "en-day-range",
        "en",
        "absolute",
        _c(
            rf"\b{EN_MON}\s+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\s*(?P<sep>-|–|—|to|through|or)\s*"
            rf"(?:{en_month('mon2')}\s+)?(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?"
            rf"(?![0-9:])(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        O.resolve_range,
    ),
    Rule(
        "en-year-range",
        "en",
        "vague",
        _c(
            r"\b(?:between\s+|from\s+)?(?P<core>(?:(?P<ap>around|about|circa)\s+)?"
            r"(?P<y>(?:1[6-9]|20)[0-9]{2})\s*(?P<sep>or|to|and|-|–|—)\s*(?P<y2>(?:1[6-9]|20)[0-9]{2}))"
            r"(?![0-9])",
            re.I,
        ),
        O.resolve_range,
    ),
    # Chinese calendar ------------------------------------------------------
    Rule(
        "zh-generic-today",
        "zh",
        "not-event",
        _c(
            r"今天(?=整个|这个时代|这样的|的时代|的社会|的中国|的世界|的市场)"
            r"|(?<=[跟和与同比])今天(?![凌上中下晚早])"
        ),
        NE,
        {"why": "generic 'today' (nowadays), not a date"},
    ),
    Rule(
        "zh-date",
        "zh",
        "absolute",
        _c(
            rf"{AP}{TZP}(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<m>{N2}){SP}月(?:份)?"
            rf"(?:{SP}(?:(?P<d>{N2}){SP}(?:日|号)(?![{STOP_AFTER_DAY}])|{MP}))?{PWD}{TAIL}{AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-year",
        "zh",
        "absolute",
        _c(rf"{AP}(?:(?P<y>{YEAR}){SP}年(?!代)|(?P<yrel>{YREL}))(?:{SP}{YP})?{AFTER}"),
        CAL,
    ),
    Rule(
        "zh-decade",
        "zh",
        "vague",
        _c(
            rf"(?P<century>上世纪|二十世纪|20世纪)?(?P<dec>(?<![{AD}])[{AD}]{{2}}|[{AD}]{{4}}"
            r"|[五六七八九][十〇零])年代(?P<dp>初|中期|末|后期|前期)?"
        ),
        CAL,
    ),
    Rule(
        "zh-month-rel",
        "zh",
        "relative",
        _c(
            rf"(?P<mrel>{W.alt(W.ZH_MONTH_WORDS)})(?:{SP}(?:(?P<d>{N2}){SP}(?:日|号)"
            rf"(?![{STOP_AFTER_DAY}])|{MP}))?{PWD}{TAIL}{AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-weekday",
        "zh",
        "relative",
        _c(
            r"(?<![" + CN + r"几数每])(?P<wrel>上上|上个?|本|这个?|下个?)?(?:周|星期|礼拜)"
            rf"(?P<wd>[一二三四五六日天1-7])(?![{AD}年刊报])(?:{TAIL}){AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-week",
        "zh",
        "relative",
        _c(
            r"(?<![每])(?P<wrel>上上|上个?|本|这个?|下个?)(?:周|星期|礼拜)"
            r"(?![期年岁刊报一二三四五六日天1-7])(?P<wknd>末)?(?P<wearly>早些时候|稍早)?" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-fused", "zh", "relative", _c(rf"(?P<dpod>{W.alt(W.ZH_FUSED)})(?!报)(?:{SP}{CLOCK})?{AFTER}"), CAL
    ),
    Rule(
        "zh-day-rel",
        "zh",
        "relative",
        _c(
            rf"(?P<drel>{W.alt(W.ZH_DAY_WORDS)})(?!头条|之星|报|俄罗斯|美国|说法|关注|中国)(?:早些时候|稍早)?{PWD}{TAIL}{AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-bare-day",
        "zh",
        "absolute",
        _c(rf"(?P<d>{N2}){SP}(?P<dsuf>日|号)(?![{STOP_AFTER_DAY}]){PWD}{TAIL}{AFTER}"),
        CAL,
        check=_bare_day_ok,
    ),
    Rule(
        "zh-season",
        "zh",
        "absolute",
        _c(
            rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})(?P<season>{W.alt(W.ZH_SEASON_WORDS)}"
            r"|[春夏秋冬](?![节装季天风雨雪假]))" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-holiday",
        "zh",
        "absolute",
        _c(rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<holiday>{W.alt(W.ZH_HOLIDAYS)})" + AFTER),
        CAL,
    ),
    # English calendar ------------------------------------------------------
    Rule(
        "en-season",
        "en",
        "absolute",
        _c(
            r"\b(?:(?P<srel>last|this|next|early|late|earlier this|the)\s+)?(?P<season>spring|summer"
            rf"|autumn|fall|winter)(?:\s+(?:of\s+)?{EN_YEAR})?\b",
            re.I,
        ),
        CAL,
        check=_needs_something("srel", "y"),
    ),
    Rule(
        "en-holiday",
        "en",
        "absolute",
        _c(rf"\b(?P<holiday>{W.alt(W.EN_HOLIDAYS)})(?:\s+(?:of\s+)?{EN_YEAR})?\b", re.I),
        CAL,
    ),
    Rule(
        "en-date-range",
        "en",
        "absolute",
        _c(
            rf"\b(?:between\s+|from\s+)?(?P<core>{EN_MON}\s+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?"
            rf"(?:,?\s+(?P<y>(?:1[6-9]|20)[0-9]{{2}}))?\s*(?P<sep>and|to|through|until|-|–|—)\s*"
            rf"{en_month('mon2')}\s+(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?(?:,?\s+(?P<y2d>(?:1[6-9]|20)[0-9]{{2}}))?)"
            r"(?![0-9])",
            re.I,
        ),
        O.resolve_range,
        check=_range_words_ok,
    ),
    Rule(
        "en-clock-date",
        "en",
        "absolute",
        _c(
            rf"(?<![\w:])(?:(?P<ap>around|about|approximately|roughly)\s+)?{EN_CLOCK}{EN_TZ}\s+(?:on\s+)?(?:{EN_WD},?\s+)?{EN_MON}\s+{EN_DAY}"
            rf"(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-pod-of",
        "en",
        "absolute",
        _c(
            r"\b(?:the\s+)?(?P<pod>early morning|early hours|morning|afternoon|evening|night)\s+of\s+"
            rf"(?:{EN_WD},?\s+)?{EN_MON}\s+{EN_DAY}(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-mdy",
        "en",
        "absolute",
        _c(rf"\b(?:{EN_WD},?\s+)?{EN_MON}\s+{EN_DAY}(?:,?\s+{EN_YEAR})?{EN_TAIL}", re.I),
        CAL,
    ),
    Rule(
        "en-dmy",
        "en",
        "absolute",
        _c(
            rf"(?<![\w.,:])(?:{EN_WD},?\s+)?(?:the\s+)?{EN_DAY}\s+(?:of\s+)?{EN_MON}(?:,?\s+{EN_YEAR})?"
            rf"{EN_TAIL}",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-month-year",
        "en",
        "absolute",
        _c(rf"\b(?:{EN_EP}[\s-]*)?{EN_MON},?\s+(?:of\s+)?{EN_YEAR}", re.I),
        CAL,
    ),
    Rule(
        "en-month",
        "en",
        "absolute",
        _c(
            r"(?:\b(?P<prep>in|since|during|until|till|by|before|after|from|throughout)\s+)?"
            rf"(?P<core>(?:{EN_EP}[\s-]*)?{EN_MON})(?![\s,.]*(?:[0-9]|of\s+[0-9]))",
            re.I,
        ),
        CAL,
        check=_needs_something("prep", "ep"),
    ),
    Rule(
        "en-year",
        "en",
        "absolute",
        _c(
            r"(?:\b(?P<prep>in|for|since|during|throughout|from|until|till|by|before|after)\s+)?"
            r"(?P<core>(?:(?P<ap>around|about|circa|c\.|approximately|roughly)\s+)?"
            r"(?:(?P<ep>early|mid-?|late|the end of|the beginning of|the start of|the first half of"
            r"|the second half of)[\s-]*)?(?P<y>(?:1[6-9]|20|21)[0-9]{2}))(?![0-9]|,[0-9])",
            re.I,
        ),
        CAL,
        check=_needs_something("prep", "ap", "ep"),
    ),
    Rule(
        "en-quarter",
        "en",
        "absolute",
        _c(
            r"\b(?:the\s+)?(?P<qn>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter"
            rf"(?:\s+of)?(?:\s+{EN_YEAR})?",
            re.I,
        ),
        CAL,
    ),
    Rule("en-q", "en", "absolute", _c(rf"\b(?-i:Q(?P<q>[1-4]))(?:\s*{EN_YEAR})?\b", re.I), CAL),
    Rule(
        "en-decade",
        "en",
        "vague",
        _c(r"\b(?:the\s+)?(?:(?P<dp>early|mid-?|late)[\s-]+)?(?P<dec>(?:1[6-9]|20)[0-9]0)'?s\b", re.I),
        CAL,
    ),
    Rule(
        "en-clock-rel",
        "en",
        "relative",
        _c(
            rf"(?<![\w:]){EN_CLOCK}{EN_TZ}\s+(?:(?P<drel>yesterday|today)|(?:on\s+)?(?-i:(?P<wd>Monday|Tuesday"
            r"|Wednesday|Thursday|Friday|Saturday|Sunday)))\b",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-fused",
        "en",
        "relative",
        _c(rf"\b(?P<dpod>{W.alt(W.EN_FUSED)})\b(?:\s+at\s+{EN_CLOCK})?", re.I),
        CAL,
    ),
    Rule(
        "en-day-rel",
        "en",
        "relative",
        _c(
            rf"\b(?P<drel>{W.alt(W.EN_DAY_WORDS)})\b(?!'s)(?:\s+(?P<pod>morning|afternoon|evening|night))?"
            rf"(?:\s+at\s+{EN_CLOCK}{EN_TZ})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-weekday",
        "en",
        "relative",
        _c(
            r"\b(?:(?P<wrel>last|this past|this|next|early|late)\s+)?"
            r"(?-i:(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))(?:\s+(?P<pod>morning|afternoon|evening|night))?"
            rf"(?:\s+at\s+{EN_CLOCK})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-period",
        "en",
        "relative",
        _c(
            r"(?<!the )\b(?P<erel>earlier this|later this|early this|late last|early last|last|this"
            r"|next|earlier in the)\s+(?P<eunit>week|weekend|month|year)\b",
            re.I,
        ),
        CAL,
    ),
    # counted offsets ---------------------------------------------------------------
    Rule(
        "zh-gap",
        "zh",
        "anchored",
        _c(
            rf"(?P<pre>才|已经?|刚刚?|仅仅?|只)?(?P<verb>过去了?|过了|相隔了?|隔了|间隔了?|相距)?了?{SP}"
            rf"{AMOUNT_ZH}"
        ),
        O.resolve_offset,
        {"mode": "gap"},
        check=_gap_ok,
        needs_before=re.compile(r"距离?|(?<![脱分隔远])离(?=上|前|此|那)"),
    ),
    Rule(
        "zh-interval",
        "zh",
        "anchored",
        _c(rf"时隔了?{SP}{AMOUNT_ZH}(?:之后|以后|后)?"),
        O.resolve_offset,
        {"mode": "interval"},
        check=_month_unit_ok,
    ),
    Rule(
        "zh-later",
        "zh",
        "anchored",
        _c(rf"{AP}{AMOUNT_ZH}(?:之后|以后|过后|后)(?![来续期面半])"),
        O.resolve_offset,
        {"mode": "after"},
        check=_month_unit_ok,
    ),
    Rule(
        "zh-ago",
        "zh",
        "relative",
        _c(rf"{AP}{AMOUNT_ZH}(?:以前|之前|前)(?![往来进去夕后])"),
        O.resolve_offset,
        {"mode": "ago"},
        check=_month_unit_ok,
    ),
    Rule(
        "zh-recent",
        "zh",
        "relative",
        _c(rf"(?<![节生假纪念期忌])(?P<recent>{W.alt(w for w in W.RECENT if not w.isascii())})"),
        O.resolve_recent,
    ),
    Rule(
        "en-ago",
        "en",
        "relative",
        _c(rf"\b{EN_HEDGE}{EN_NUM}\s+{EN_UNIT}\s+ago\b", re.I),
        O.resolve_offset,
        {"mode": "ago"},
    ),
    Rule(
        "en-later",
        "en",
        "anchored",
        _c(rf"\b{EN_HEDGE}{EN_NUM}\s+{EN_UNIT}\s+(?:later|afterwards)\b", re.I),
        O.resolve_offset,
        {"mode": "after"},
    ),
    Rule(
        "en-earlier",
        "en",
        "anchored",
        _c(
            rf"\b{EN_HEDGE}{EN_NUM}\s+{EN_UNIT}\s+(?:earlier|before)\b(?!\s+(?:the|a|an|his|her|its|their)\b)",
            re.I,
        ),
        O.resolve_offset,
        {"mode": "gap"},
    ),
    Rule(
        "en-many",
        "en",
        "not-event",
        _c(
            r"\b(?:(?:many|countless)\s+)?(?<!several )(?<!few )(?<!some )(?:years|decades)\s+"
            r"(?:ago|earlier|later)\b",
            re.I,
        ),
        NE,
        {"why": "too vague to date"},
    ),
    Rule(
        "en-recent",
        "en",
        "relative",
        _c(rf"\b(?P<recent>{W.alt(w for w in W.RECENT if w.isascii())})\b", re.I),
        O.resolve_recent,
    ),
    # bare parts of a year/month, parts of day, clock times --------------------------
    Rule(
        "zh-year-part",
        "zh",
        "relative",
        _c(
            rf"(?<![{AD}{CN}今去前明后本当同次翌每])(?P<ypb>年初(?![步次期衷级心始中])"
            r"|年中(?=[，,。；、的时前左以])|年底|年末(?![班期])|开年(?![会度货终])|上半年|下半年)" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-quarter",
        "zh",
        "relative",
        _c(
            rf"(?<![{AD}{CN}年])(?:第{SP})?(?P<q>[一二三四1-4]){SP}季度|(?<![A-Za-z])[QＱ](?P<q2>[1-4])"
            r"(?![0-9A-Za-z])"
        ),
        CAL,
    ),
    Rule(
        "zh-month-part",
        "zh",
        "relative",
        _c(
            r"(?<![岁年个每])(?P<mpb>月初(?![步次期衷级心始中])|月中旬|月中(?=[，,。；、的时前左以])|月底"
            r"|月末(?![班期])|上旬|中旬|下旬)" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-pod-clock",
        "zh",
        "anchored",
        _c(rf"(?<![每天日])(?<!往往是)(?<!通常是)(?<!一般是){TZP}(?P<pod>{PODS}){SP}{CLOCK}{AFTER}"),
        CAL,
    ),
    Rule(
        "zh-pod",
        "zh",
        "anchored",
        _c(
            rf"(?<![每天日当今昨明])(?P<pod>{W.alt(W.ZH_PARTS_STANDALONE)})"
            r"(?![饭餐点心报班市场好茶模食档节新])" + AFTER
        ),
        CAL,
    ),
    Rule("zh-clock", "zh", "anchored", _c(rf"{TZP}{CLOCK_STRICT}{AFTER}"), CAL),
    Rule(
        "en-clock",
        "en",
        "anchored",
        _c(rf"\bat\s+(?P<core>(?:(?P<ap>around|about|approximately|roughly)\s+)?{EN_CLOCK}{EN_TZ})", re.I),
        CAL,
    ),
    # not events --------------------------------------------------------------------
    Rule(
        "zh-lunar",
        "zh",
        "not-event",
        _c(
            rf"(?:农历|阴历|旧历)(?:{YEAR}{SP}年|{YREL})?{SP}(?:[正一二三四五六七八九十冬腊]{{1,2}}月)?"
            rf"(?:初[一二三四五六七八九十]|[{CN}]{{1,3}}[日号]?)?|(?:正|腊|冬)月(?:初[一二三四五六七八九十]"
            rf"|[{CN}]{{1,3}})?|大年(?:三十|初[一二三四五六七八九十])"
            r"|(?:春节|除夕|元宵节?|端午节?|中秋节?|七夕节?|重阳节?)(?:假期|期间|前后|前夕|当天)?"
        ),
        NE,
        {"why": "lunar calendar date (not converted)"},
    ),
    Rule(
        "zh-habitual",
        "zh",
        "not-event",
        _c(
            rf"(?:每[{AD}{CN}]{{1,3}}个?(?:天|日|周|星期|礼拜|月|年|小时|分钟)"
            r"|每(?:天|日|晚|早|周|个?星期|个?礼拜|个?月|年|逢|当|到)(?:[一二三四五六日天初底末])?"
            rf"(?:{SP}(?:{PODS}))?"
            rf"|(?:往往|通常|经常|总是|一般|常常|时常|平时|平常|习惯|有时|偶尔)(?:是|会|在|于|都)?{SP}"
            rf"(?:{W.alt(W.ZH_PARTS_STANDALONE)})"
            rf"|(?<![天日晚今昨当明])(?:{W.alt(W.ZH_PARTS_STANDALONE)})(?:起来|起床|醒来|睡前|睡觉)"
            rf"|(?<![天日当今昨明])(?:{W.alt(W.ZH_PARTS_STANDALONE)})[\u4e00-\u9fff]{{0,3}}?"
            r"(?:经常|通常|总是|一般都?|往往|常常|都会|都要|总会|照例))"
        ),
        NE,
        {"why": "habitual"},
    ),
    Rule(
        "en-habitual",
        "en",
        "not-event",
        _c(
            r"\b(?:(?:every|each)\s+(?:single\s+)?(?:day|morning|afternoon|evening|night|week|weekend"
            r"|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
            r"|(?:usually|often|always|typically|normally|generally|sometimes|regularly)\s+(?:(?:in|on|at)"
            r"\s+(?:the\s+)?)?(?:mornings?|evenings?|afternoons?|nights?|weekends?))\b",
            re.I,
        ),
        NE,
        {"why": "habitual"},
    ),
    Rule(
        "zh-weekday-span",
        "zh",
        "not-event",
        _c(
            r"(?:周|星期|礼拜)[一二三四五六日天](?:至|到|—|–|-|~|～)(?:周|星期|礼拜)?"
            r"[一二三四五六日天]"
        ),
        NE,
        {"why": "span of weekdays (a schedule, not a time)"},
    ),
    Rule(
        "zh-anniversary",
        "zh",
        "not-event",
        _c(rf"(?:[{AD}]{{1,3}}|[{CN}百]{{1,4}})(?:多)?周年"),
        NE,
        {"why": "anniversary count"},
    ),
    Rule(
        "zh-same-period",
        "zh",
        "not-event",
        _c(r"(?:去年|上年|上月|前年)同期"),
        NE,
        {"why": "comparison period, not a time"},
    ),
    Rule(
        "zh-many",
        "zh",
        "not-event",
        _c(
            rf"(?<![{AD}{CN}])(?:许多|很多|好多|多)(?:个)?(?:年|天|日|月|周)(?:以前|之前|前|以后|之后|后"
            r"|以来|来)(?![往来进去夕后续期])"
        ),
        NE,
        {"why": "too vague to date"},
    ),
    Rule(
        "zh-ordinal",
        "zh",
        "not-event",
        _c(
            rf"第{SP}(?:[{AD}]+|[{CN}百千几]+){SP}(?:次|届|个|名|位|季(?!度)|集|期|轮|场|代|年|天|日|周|把|局"
            r"|款|部|条|项|批|号|回|波|份|枪|球|代|版)"
        ),
        NE,
        {"why": "ordinal count"},
    ),
    Rule(
        "en-ordinal",
        "en",
        "not-event",
        _c(
            r"\b(?:the\s+)?(?:[0-9]+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
            r"|ninth|tenth)\s+(?:time|round|edition|season|term|attempt|anniversary|game|match|straight"
            r"|consecutive|day|year|week|month)\b",
            re.I,
        ),
        NE,
        {"why": "ordinal count"},
    ),
    Rule(
        "zh-age",
        "zh",
        "not-event",
        _c(
            rf"(?:今年{SP})?(?<![{AD}{CN}])(?:[{AD}]{{1,3}}|[{CN}]{{1,4}})(?:多|来)?(?:周)?岁(?:时|那年|生日)?"
        ),
        NE,
        {"why": "age"},
    ),
    Rule(
        "en-age",
        "en",
        "not-event",
        _c(
            rf"\b(?:{EN_NUMBER_RE})[\s-]+years?[\s-]+old\b|\baged?\s+[0-9]{{1,3}}\b"
            r"|\bat\s+(?:the\s+)?age\s+(?:of\s+)?[0-9]{1,3}\b",
            re.I,
        ),
        NE,
        {"why": "age"},
    ),
    Rule("citation", "any", "not-event", _c(r"(?:\[[0-9]{1,3}\])+"), NE, {"why": "citation marker"}),
    Rule(
        "version",
        "any",
        "not-event",
        _c(
            r"(?<![A-Za-z0-9.])[vV][0-9]+(?:\.[0-9]+)+|(?<![A-Za-z0-9.])[0-9]+(?:\.[0-9]+)+\s?(?:版本?|version)"
            r"|(?:版本|[Vv]ersion)\s?[0-9]+(?:\.[0-9]+)*"
        ),
        NE,
        {"why": "version number"},
    ),
    Rule(
        "phone",
        "any",
        "not-event",
        _c(
            rf"(?<![{AD}])(?:\+?86[- ]?)?1[3-9][0-9]{{9}}(?![{AD}])"
            rf"|(?<![{AD}])0[0-9]{{2,3}}-[0-9]{{7,8}}(?![0-9])"
            r"|(?<![0-9])[48]00-?[0-9]{3}-?[0-9]{4}(?![0-9])"
            r"|(?<![0-9])\(?[0-9]{3}\)?[-. ][0-9]{3}[-.][0-9]{4}(?![0-9])"
        ),
        NE,
        {"why": "phone number"},
    ),
    Rule(
        "model-name",
        "any",
        "not-event",
        _c(r"(?<![A-Za-z0-9])[A-Za-z]{1,6}-?[0-9]{1,4}[A-Za-z]{0,3}(?![A-Za-z0-9])"),
        NE,
        {"why": "model or code name"},
    ),
    Rule(
        "percent",
        "any",
        "not-event",
        _c(
            rf"(?<![{AD}.])[{AD}]+(?:\.[{AD}]+)?\s?(?:%|％|percent\b|per cent\b)"
            rf"|百分之[{CN}百点]+"
        ),
        NE,
        {"why": "percentage"},
    ),
    Rule(
        "money",
        "any",
        "not-event",
        _c(
            rf"(?:[$€£¥￥]\s?[{AD}][{AD},.]*(?:\s?(?:万|亿|million|billion|bn|m\b|k\b))?)"
            rf"|(?<![{AD}.])[{AD}]+(?:[.,][{AD}]+)*{SP}(?:多|余)?(?:万|亿|千|百)?{SP}(?:元|美元|港元|欧元"
            r"|英镑|日元|块钱?|dollars|yuan|euros|USD|RMB|CNY)"
            rf"|(?<![{CN}百千])[{CN}百千]+(?:多|余)?(?:万|亿)?(?:元|美元|块钱?)"
        ),
        NE,
        {"why": "quantity (money)"},
    ),
    Rule(
        "height",
        "zh",
        "not-event",
        _c(
            rf"[一二两]米[一二三四五六七八九零〇]{{1,2}}(?![{CN}])|(?<![{AD}.])[12](?:\.[0-9]{{1,2}})?米"
            r"(?![0-9])|(?<![0-9])[0-9]{2,3}(?:厘米|公分|cm)"
        ),
        NE,
        {"why": "quantity (height)"},
    ),
    Rule(
        "count-wan",
        "zh",
        "not-event",
        _c(rf"(?<![{AD}.])[{AD}]+(?:\.[{AD}]+)?(?:多|余)?(?:万|亿)(?:多|余)?(?![元年])"),
        NE,
        {"why": "quantity (count)"},
    ),
    Rule(
        "zh-duration",
        "zh",
        "not-event",
        _c(
            r"(?:将近|接近|(?<![最将接])近|约莫?|大约|大概|长达|整整|足足|仅仅?|只有|过去的?|最近的?|这|前|头"
            rf"|差不多|不到|不足|超过|逾|多达|短短|一连|连续)?{SP}{AMOUNT_ZH}"
            r"(?:多|半|左右|之久|以来|来|内|之内|里|间|时间)?"
        ),
        NE,
        {"why": "duration"},
        check=_month_unit_ok,
    ),
    Rule("zh-duration-since", "zh", "not-event", _c(r"(?:近|这些|多|近些)年来"), NE, {"why": "duration"}),
    Rule(
        "en-duration",
        "en",
        "not-event",
        _c(
            r"\b(?:(?:for|over|during|within|in|lasting|spanning)\s+)?(?:(?:the\s+)?(?:past|last|next"
            r"|previous|first|following)\s+)?(?:(?:nearly|almost|about|around|roughly|more than|over"
            rf"|some|at least|less than|just over|just under|up to)\s+)?{EN_NUMBER_RE}[\s-]+{EN_UNIT}"
            r"(?:[\s-]+long)?\b|\b(?:(?:over|in|during|for)\s+)?the\s+(?:past|last|previous)\s+(?:week"
            r"|month|year|decade|few\s+(?:days|weeks|months|years))\b",
            re.I,
        ),
        NE,
        {"why": "duration"},
    ),
)

PRIORITY: dict[str, int] = {rule.name: i for i, rule in enumerate(RULES)}
