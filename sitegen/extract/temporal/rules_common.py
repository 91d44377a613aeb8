"""What every temporal rule module shares: the `Rule` record, regex fragments, checks.

A rule is name, language, kind, regex and resolver; which rule wins a tie is
`temporal_rules.ORDER`.  The rules for any language (ISO dates, citations,
quantities) are here as `ANY_RULES`.  Regexes are built from small
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

from sitegen.extract.temporal import offsets as O
from sitegen.extract.temporal import resolve as R
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.cn_numerals import EN_NUMBER_RE
from sitegen.extract.temporal.context import Resolver


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
# a colon after a digit makes a clock time or a score (10:30, 3:1), after a word it is punctuation
# ("首次出事：2023年7月")
NOT_AFTER = rf"(?<![{AD}.．/\-])(?<![{AD}][:：])"
N2 = rf"(?:{NOT_AFTER}[{AD}]{{1,2}}(?![{AD}])|(?<![{CN}百千万])[{CN}]{{1,3}})"
N2R = rf"(?:[{AD}]{{1,2}}(?![{AD}])|[{CN}]{{1,3}})"  # after a range separator
YEAR = (
    rf"(?:{NOT_AFTER}[{AD}]{{4}}(?![{AD}])"
    rf"|(?<![{CN}百千万])[零〇○一二三四五六七八九]{{4}}(?![{CN}]))"
)
YEAR_R = rf"(?:[{AD}]{{4}}(?![{AD}])|[零〇○一二三四五六七八九]{{4}})"
MIN = rf"(?:零?[{AD}]{{1,2}}|[{CN}]{{1,4}})"
AMT = (
    rf"(?:(?<![{AD}.．])[{AD}]{{1,3}}(?:\.[{AD}])?(?![{AD}])"
    rf"|(?<![{CN}百千万几数])[{CN}百千几数]{{1,5}}(?:、[一二三四五六七八九])?)"
)
STOP_AFTER_DAY = "游语文线楼店院位机坑门口码房车厂馆台舰箱子均"

AP = r"(?:(?P<ap>大约|大概|约莫|(?<![签预制公合节条婚契])约|差不多|大致)" + SP + ")?"
TZP = rf"(?:(?P<tzp>{W.alt(W.ZH_ZONES)}){SP})?"
PODS = W.alt(W.ZH_PARTS)
CLOCK = (
    rf"(?P<h>{N2}){SP}(?:(?:点|时)(?:{SP}(?:(?P<half>半)|(?P<qk>[一二三1-3])刻|"
    rf"(?P<mi>{MIN})(?:{SP}分(?!钟))?(?![{AD}{CN}%％万亿个多余])|整|钟))?"
    rf"|[:：](?P<mm>[0-5][0-9])(?:[:：][0-5][0-9])?(?![{AD}]))"
)
CLOCK_STRICT = (
    rf"(?P<h>{N2}){SP}(?:(?:点|时){SP}(?:(?P<mi>{MIN}){SP}分(?!钟)|(?P<qk>[一二三1-3])刻)"
    rf"|[:：](?P<mm>[0-5][0-9])(?:[:：][0-5][0-9])?(?![{AD}]))"
)
TAIL = rf"(?:{SP}(?P<pod>{PODS})(?!些))?(?:{SP}{CLOCK})?"  # 昨天晚些时候 is later that day, not its evening
AFTER = (
    r"(?:(?P<apost>前后|左右|上下|前夕)|(?P<xu>许)|(?P<open>以前|之前|以后|之后|以来"
    r"|前(?![往来进去夕后一天日晚])|后(?![来续期面半]))"
    r"|(?P<qi>起(?:至今|到现在|到今天)?(?![来床身草飞诉步点码初始源因火跑义落伏价算重见色哄航爆降获底])"
    r"|至今|到现在))?"
)
# a weekday after a date belongs to it (3月10日周二上午, 1月7日（周三）): checked, never re-dating
PWD = r"(?:" + SP + r"[（(]?(?:周|星期|礼拜)(?P<pwd>[一二三四五六日天])(?![一二三四五六日天年])[)）]?)?"
YREL = W.alt(W.ZH_YEAR_WORDS)
# two-digit years: 19年底, 15年3月2日, 九八年, 零七年八月 (see two_digit_year_ok)
YY = (
    rf"(?<![{AD}.．:：/\-])[{AD}]{{2}}(?![{AD}])"
    rf"|(?<![{CN}百千万几数])[零〇○一二三四五六七八九]{{2}}(?![{CN}])"
)
MP = (
    r"(?P<mp>上中旬|中下旬|上半月|下半月|上旬|中旬|下旬|初(?![步次期衷级心始中])|底|末(?![班期])"
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
    rf"{SP}{UNIT_ZH}(?P<uhalf>半(?![夜天年月日价场数身截导径边]))?(?P<fuzz2>多|左右)?"
)


def en_month(name: str = "mon", *, loose: bool = False) -> str:
    """An English month name as group ``name``: capitalised (``may`` is a verb, ``march`` too)
    unless ``loose``, for rules where a day or year is attached (``JUNE 5``, ``dec. 29``:
    wire copy and headlines write any case); even then ``march``/``may``/``august`` (a verb,
    a verb, an adjective) and undotted abbreviations (``mar``, ``jan``) must be capitalised."""
    if loose:
        return (
            rf"(?P<{name}>january|february|(?-i:March|MARCH)|april|(?-i:May|MAY)|june|july"
            r"|(?-i:August|AUGUST)|september|october|november|december"
            r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\."
            r"|(?-i:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))(?![a-z])"
        )
    return (
        rf"(?-i:(?P<{name}>January|February|March|April|May|June|July|August|September|October"
        r"|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?))(?![a-z])"
    )


EN_MON = en_month(loose=True)
EN_MON_STRICT = en_month()
# full weekday names in any case (last thursday); abbreviations capitalised (sat, sun, wed are words)
EN_WD_NAMES = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
EN_WD = (
    rf"(?P<pwd>{EN_WD_NAMES}"
    r"|(?-i:(?:Mon|Tues|Tue|Wed|Thurs|Thur|Thu|Fri|Sat|Sun)\.?))(?![a-z])"
)
EN_DAY = r"(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?(?![0-9]|:[0-9])"  # "Oct. 14:" heads a listing; 14:30 is a clock
EN_YEAR = r"(?P<y>(?:1[6-9]|20|21)[0-9]{2})(?![0-9])"
EN_CLOCK = (
    r"(?:(?P<h>1[0-2]|0?[0-9])(?:[:.](?P<mi>[0-5][0-9]))?\s?(?P<ampm>[ap]\.m\.|[ap]m\b|[ap]\.m\b)"
    rf"|(?P<noon>{W.alt(W.CLOCK_WORDS)})|(?P<hh>[01]?[0-9]|2[0-3]):(?P<mm>[0-5][0-9])(?![0-9]))"
)
EN_TZ = (
    r"(?:\s?(?P<tze>(?:GMT|UTC)\s?[+-]\s?(?:1[0-4]|0?[0-9])(?::?00)?(?![0-9])"  # GMT+8: a fixed offset
    r"|ET|EST|EDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|Beijing time|local time)\b)?"
)
EN_TAIL = rf"(?:,?\s+(?:at\s+)?{EN_CLOCK}{EN_TZ}|\s+(?P<pod>morning|afternoon|evening|night))?"
EN_EP = r"(?P<ep>early|mid-?|late|the end of|the beginning of|the start of|the middle of)"
EN_UNIT = r"(?P<unit>minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?)"
EN_HEDGE = (
    r"(?:(?P<ap>about|around|roughly|nearly|almost|some|approximately|more than|over|less than"
    r"|just over|just under|only|barely)\s+)?"
)
EN_NUM = rf"(?P<n>{EN_NUMBER_RE})"
SEP = r"(?P<sep>或者?|至|到|——|—|–|－|-|~|～)"


def c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# -- checks ---------------------------------------------------------------------
def bare_day_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """三十一日 / 7日 alone: Arabic digits, or a time attached, or a clause break after."""
    if text[start - 1 : start] == "第":
        return False  # 第3日: an ordinal count
    if g.get("open") in ("前", "之前", "以前") or (g.get("d") or "")[:1] in "两俩":
        return False  # 3日前: 3 days ago, or before the 3rd? the offset rule calls it ambiguous
    attached = g.get("pod") or g.get("h") or g.get("pwd")
    nxt = text[end : end + 1]
    if g.get("dsuf") == "号" or not (g.get("d") or "")[:1].isdigit():
        return bool(attached) or nxt in ("，", ",", "、", " ", "")
    return True


_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def two_digit_year_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """``19年`` alone is a count of years: a two-digit year needs a part of the year after it
    (``19年底``); Chinese digits may stand alone (``九八年``) unless they read as a fuzzy count
    (``三四年``, ``七八年``: two digits in a row)."""
    yy = g.get("yy")
    if not yy:
        return True
    if g.get("yp") or g.get("yp2") or g.get("q") or g.get("q2"):
        return True
    if yy.isdigit() or yy[0] in "０１２３４５６７８９":
        # 98年，他来到深圳 / 08年，…: a clause opened by it is a year when no count reads so
        # (a leading zero, or 40 and up); 15年，… stays a count
        opens = start == 0 or text[start - 1] in "。，；！？\n,;!?：:"
        plausible = yy[0] in "0０" or int(yy.translate(_FULLWIDTH)) >= 40
        return opens and plausible and text[end : end + 1] in ("，", ",")

    digits = "零一二三四五六七八九"
    a, b = (digits.find(ch if ch not in "〇○" else "零") for ch in yy)
    return b != a + 1


_OVERNIGHT_BEFORE = re.compile(r"\b(?:an?|the|this|that|his|her|its|their|our|your)\s+$", re.I)
_OVERNIGHT_AFTER = re.compile(
    r"\s*(?:$|[^\w\s]|(?:in|at|near|across|and|but|as|after|before|when|while|with|amid|along"
    r"|around|outside|inside|throughout|following|local"
    # an adverb of the verb's ("broke apart overnight shortly after liftoff"), not a noun it qualifies
    r"|shortly|soon|just|only|again|also)\b)",
    re.I,
)


def show_clause_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """高考 (`words.CLAUSE_SHOWS`) names the exam's days only with a word of its day after it
    (高考期间) or at the end of its clause (今年高考，…); 高考志愿, 高考生 name other things."""
    if W.key(g.get("holiday")) not in W.CLAUSE_SHOWS or g.get("hday"):
        return True
    return text[end : end + 1] in ("，", ",", "。", "；", "、", "")


def dawn_or_of(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """ "the morning of Dec. 4", "before dawn on Thursday"; without "of"/"on" only the small hours
    ("at dawn Thursday", "the predawn hours Thursday"): "Tuesday evening Wednesday morning" is two."""
    return bool(g.get("podof")) or W.PARTS.get(W.key(g.get("pod")), ("",))[0] == "dawn"


def overnight_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """ "fell overnight", "Overnight, ..." say when; "an overnight stay", "overnight rates" and
    "overnight into Tuesday" (that day names the night) do not."""
    if W.key(g.get("dpod")) != "overnight":
        return True
    before = text[max(0, start - 8) : start]
    return not _OVERNIGHT_BEFORE.search(before) and bool(_OVERNIGHT_AFTER.match(text, end))


def needs_something(*names: str) -> Callable[[dict[str, str | None], str, int, int], bool]:
    def check(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
        return any(g.get(n) for n in names)

    return check


def and_needs_between(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """ "July 13 and 15" is two days unless "between" opens it (then one range, as "13 to 15")."""
    return W.key(g.get("sep")) != "and" or "between" in text[max(0, start - 8) : start].lower()


def range_words_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """ "March 1 and May 31" is two dates unless "between" opens it; "from … to" is a range."""
    sep = (g.get("sep") or "").lower()
    opener = text[max(0, start - 8) : start].lower()
    if sep == "and":
        return "between" in opener
    if sep in ("to", "until", "through"):
        return "from" in opener or "between" in opener or sep == "through"
    return True


def month_unit_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """一个月 is a duration, 一月 is January: a month count needs 个 (or 半)."""
    if g.get("unit") == "月":
        return bool(g.get("ge") or g.get("ge2") or g.get("hn") or g.get("half"))
    return True


def gap_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    return bool(g.get("pre") or g.get("verb")) and month_unit_ok(g, text, start, end)


# -- the table ----------------------------------------------------------------
ISO = (
    rf"(?<![{AD}.:/])(?P<y>(?:1[6-9]|2[01])[0-9]{{2}})(?P<s>[-/.])(?P<m>[01]?[0-9])(?P=s)"
    r"(?P<d>[0-3]?[0-9])(?:(?:T|\s{1,2})(?P<hh>[0-2]?[0-9]):(?P<mm>[0-5][0-9])"
    r"(?::[0-5][0-9](?:\.[0-9]+)?)?(?P<tzo>Z|[+-](?:0[0-9]|1[0-4]):?[0-5][0-9](?![0-9.]))?)?(?![0-9])"
)

NE = O.resolve_not_event
CAL = R.resolve_calendar


ANY_RULES: tuple[Rule, ...] = (
    Rule("iso-datetime", "any", "absolute", c(ISO), CAL),
    Rule(
        "name",
        "any",
        "not-event",
        c(rf"(?<![A-Za-z0-9])(?:{W.alt(W.NAMES)})(?![A-Za-z0-9])"),
        NE,
        {"why": "a name, not a time"},
    ),
    Rule("citation", "any", "not-event", c(r"(?:\[[0-9]{1,3}\])+"), NE, {"why": "citation marker"}),
    Rule(
        "version",
        "any",
        "not-event",
        c(
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
        c(
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
        c(r"(?<![A-Za-z0-9])[A-Za-z]{1,6}-?[0-9]{1,4}[A-Za-z]{0,3}(?![A-Za-z0-9])"),
        NE,
        {"why": "model or code name"},
    ),
    Rule(
        "percent",
        "any",
        "not-event",
        c(
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
        c(
            rf"(?:[$€£¥￥]\s?[{AD}][{AD},.]*(?:\s?(?:万|亿|million|billion|bn|m\b|k\b))?)"
            rf"|(?<![{AD}.])[{AD}]+(?:[.,][{AD}]+)*{SP}(?:多|余)?(?:万|亿|千|百)?{SP}(?:元|美元|港元|欧元"
            r"|英镑|日元|块钱?|dollars|yuan|euros|USD|RMB|CNY)"
            rf"|(?<![{CN}百千])[{CN}百千]+(?:多|余)?(?:万|亿)?(?:元|美元|块钱?)"
        ),
        NE,
        {"why": "quantity (money)"},
    ),
)
