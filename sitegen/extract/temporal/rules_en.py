"""The English rules of the temporal extractor.

Each rule is found by name in `temporal_rules.ORDER`, which says which wins a tie;
its examples and near-misses are in ``tests/extract/temporal/fixtures/temporal_en*.tsv``.
"""

from __future__ import annotations

import re

from sitegen.extract.temporal import holidays as H
from sitegen.extract.temporal import offsets as O
from sitegen.extract.temporal import spans as S
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.cn_numerals import EN_NUMBER_RE
from sitegen.extract.temporal.rules_common import (
    CAL,
    EN_CLOCK,
    EN_DAY,
    EN_EP,
    EN_HEDGE,
    EN_MON,
    EN_MON_STRICT,
    EN_NUM,
    EN_TAIL,
    EN_TZ,
    EN_UNIT,
    EN_WD,
    EN_WD_NAMES,
    EN_YEAR,
    NE,
    Rule,
    and_needs_between,
    c,
    en_month,
    needs_something,
    overnight_ok,
    range_words_ok,
)

FUTURE_EN = re.compile(
    r"\b(?:will|would|shall|won't|going\s+to|(?:is|are)\s+(?:due|set|expected|scheduled)\s+to)\b|['’]ll\b",
    re.I,
)
"""Words of a thing still to come, before "in three days" (without them, "built in three days"
is how long it took)."""


def en_span_ok(g: dict[str, str | None], text: str, start: int, end: int) -> bool:
    """ "last week" alone is the week before this one (`en-period`), and "the previous month"
    the month before a date named earlier: a span up to publication needs "the past/last" or a count."""
    if g.get("n"):
        return True
    return bool(g.get("the")) and (g.get("spre") or "").lower() != "previous"


EN_RULES: tuple[Rule, ...] = (
    Rule(
        "en-span",
        "en",
        "relative",
        c(
            r"\b(?:(?:over|in|during|for|within|throughout)\s+)?(?P<the>the\s+)?(?P<spre>past|last|previous)\s+"
            rf"(?:(?P<n>{EN_NUMBER_RE}|few|several|couple\s+of)\s+)?"
            r"(?P<unit>minutes?|hours?|days?|weeks?|months?|quarters?|years?|decades?)\b(?!\s+of\b)",
            re.I,
        ),
        S.resolve_span,
        check=en_span_ok,
    ),
    Rule(
        "en-weekday-of-week",
        "en",
        "relative",
        c(
            rf"\b(?:(?P<wd>{EN_WD_NAMES})\s+(?:(?:of|from)\s+)?(?P<wkrel>last|this|next|the\s+previous)\s+week"
            rf"(?!['’])|(?P<wkrel2>last|this|next)\s+week's\s+(?P<wd2>{EN_WD_NAMES}))\b",
            re.I,
        ),
        S.resolve_weekday_of_week,
    ),
    Rule(
        "en-weekdays-ago",
        "en",
        "relative",
        c(rf"\b(?P<n>{EN_NUMBER_RE})\s+(?P<wd>{EN_WD_NAMES})s\s+(?:ago|back)\b", re.I),
        S.resolve_weekdays_ago,
    ),
    Rule(
        "en-quarter-rel",
        "en",
        "relative",
        c(
            r"\b(?:(?P<early>earlier)\s+)?(?:(?P<spre>this|the\s+current)|(?P<whole>last|previous))"
            r"\s+(?P<unit>quarter)\b",
            re.I,
        ),
        S.resolve_span,
    ),
    Rule(
        "en-nth-weekday",
        "en",
        "absolute",
        c(
            r"\b(?:the\s+)?(?P<nth>first|second|third|fourth|last|1st|2nd|3rd|4th)\s+"
            rf"(?P<wd>{EN_WD_NAMES}|weekend|week)\s+(?:of|in)\s+(?:{EN_MON}(?:,?\s+{EN_YEAR})?"
            r"|(?P<mrel>last month|this month|the previous month|the month))",
            re.I,
        ),
        S.resolve_nth_weekday,
    ),
    Rule(
        "en-weekend",
        "en",
        "relative",
        c(r"\b(?:(?:over|during)\s+the|this\s+past)\s+weekend\b", re.I),
        S.resolve_weekend,
    ),
    Rule(
        "en-numeric-date",
        "en",
        "absolute",
        c(r"(?<![0-9/.\-])(?P<a>[0-3]?[0-9])/(?P<b>[0-3]?[0-9])/(?P<y>(?:1[6-9]|20)[0-9]{2})(?![0-9/])"),
        S.resolve_numeric,
    ),
    Rule(
        "en-numeric-month",
        "en",
        "absolute",
        c(r"(?<![0-9/.\-])(?P<a>[01]?[0-9])/(?P<y>(?:19|20)[0-9]{2})(?![0-9/])"),
        S.resolve_numeric,
    ),
    Rule(
        "en-day-range",
        "en",
        "absolute",
        c(
            rf"\b{EN_MON}\s+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\s*(?P<sep>-|–|—|to|through|or|and)\s*"
            rf"(?:{en_month('mon2', loose=True)}\s+)?(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?"
            rf"(?![0-9:]|\s*(?:%|percent|per\s+cent))(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        O.resolve_range,
        check=and_needs_between,
    ),
    Rule(
        "en-dmy-day-range",  # 5-7 March, 5 to 7 March 2025 (British and wire copy)
        "en",
        "absolute",
        c(
            r"(?<![0-9.,/:$£€-])\b(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?\s*(?P<sep>-|–|—|to|through|and)\s*"
            rf"(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{EN_MON}(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        O.resolve_range,
        check=and_needs_between,
    ),
    Rule(
        "en-year-range",
        "en",
        "vague",
        c(
            r"\b(?:between\s+|from\s+)?(?P<core>(?:(?P<ap>around|about|circa)\s+)?"
            r"(?P<y>(?:1[6-9]|20)[0-9]{2})\s*(?P<sep>or|to|and|-|–|—)\s*(?P<y2>(?:1[6-9]|20)[0-9]{2}))"
            r"(?![0-9])",
            re.I,
        ),
        O.resolve_range,
    ),
    Rule(
        "en-season",
        "en",
        "absolute",
        c(
            r"\b(?:(?P<srel>last|this|next|early|late|earlier this|the)\s+)?(?P<season>spring|summer"
            rf"|autumn|fall|winter)(?!\s+(?:solstice|equinox))(?:\s+(?:of\s+)?(?:{EN_YEAR}|(?P<yy>['’][0-9]{{2}})))?\b",
            re.I,
        ),
        CAL,
        check=needs_something("srel", "y", "yy"),
    ),
    Rule(
        "en-holiday",
        "en",
        "absolute",
        c(rf"\b(?P<holiday>{W.alt(W.EN_HOLIDAYS)})(?:\s+(?:of\s+)?{EN_YEAR})?\b", re.I),
        CAL,
    ),
    Rule(
        "en-china-holiday",  # National Day, the Lunar New Year holiday: capitalised, as names are
        "en",
        "absolute",
        c(
            rf"\b(?P<enh>{W.alt_capitalised(W.EN_CN_HOLIDAYS)})(?:(?i:\s+(?P<brk>{W.alt(W.EN_BREAK_WORDS)}))"
            rf"|(?i:\s+(?P<pod>night|evening)(?!\s+(?:{W.NIGHT_NOUNS})\b)))?"
            rf"(?:(?i:\s+(?:of\s+)?){EN_YEAR})?(?![\w'’-])"
        ),
        H.resolve_china_in_english,
        check=H.china_in_english_ok,
    ),
    Rule(
        "en-floating-holiday",
        "en",
        "absolute",
        c(
            rf"\b(?P<fh>{W.alt(W.EN_FLOATING)})(?:\s+(?:of\s+)?(?:{EN_YEAR}|(?P<yrel>last year|this year)))?"
            r"(?![\w'])",
            re.I,
        ),
        H.resolve_floating,
        check=H.floating_ok,
    ),
    Rule(
        "en-date-range",
        "en",
        "absolute",
        c(
            rf"\b(?:between\s+|from\s+)?(?P<core>{EN_MON}\s+(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?"
            rf"(?:,?\s+(?P<y>(?:1[6-9]|20)[0-9]{{2}}))?\s*(?P<sep>and|to|through|until|-|–|—)\s*"
            rf"{en_month('mon2', loose=True)}\s+(?P<d2>[0-3]?[0-9])(?:st|nd|rd|th)?"
            rf"(?:,?\s+(?P<y2d>(?:1[6-9]|20)[0-9]{{2}}))?)"
            r"(?![0-9])",
            re.I,
        ),
        O.resolve_range,
        check=range_words_ok,
    ),
    Rule(
        "en-clock-date",
        "en",
        "absolute",
        c(
            rf"(?<![\w:])(?:(?P<ap>around|about|approximately|roughly)\s+)?{EN_CLOCK}{EN_TZ}\s+(?:on\s+)?(?:{EN_WD},?\s+)?{EN_MON}\s+{EN_DAY}"
            rf"(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-mdy",
        "en",
        "absolute",
        c(
            rf"\b(?:{EN_WD},?\s+)?{EN_MON}\s+(?:the\s+(?=[0-9]+(?:st|nd|rd|th)))?{EN_DAY}"  # December the 3rd
            rf"(?:,?\s+{EN_YEAR}|\s+(?P<yrel>last\s+year|this\s+year))?{EN_TAIL}",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-dmy",
        "en",
        "absolute",
        c(
            rf"(?<![\w.,:])(?:{EN_WD},?\s+)?(?:the\s+)?{EN_DAY}\s+(?:of\s+)?{EN_MON}(?:,?\s+(?:{EN_YEAR}"
            r"|(?P<yy>['’]?[0-9]{2})(?=\s*(?:$|[,.;:)\]])))(?![0-9]))?"
            rf"{EN_TAIL}",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-month-year",
        "en",
        "absolute",
        c(
            rf"\b(?:{EN_EP}[\s-]*)?{EN_MON},?\s+(?:of\s+)?(?:{EN_YEAR}|(?P<yrel>last\s+year|this\s+year)\b)",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-month",
        "en",
        "absolute",
        c(
            r"(?:\b(?P<prep>in|since|during|until|till|by|before|after|from|throughout)\s+"
            r"(?:(?:at\s+least|as\s+early\s+as|as\s+far\s+back\s+as)\s+)?)?"
            rf"(?P<core>(?:(?<!\bat\s)(?P<yrel>last)\s+)?(?:{EN_EP}[\s-]*)?{EN_MON_STRICT})(?![\s,.]*(?:[0-9]|of\s+[0-9]))",
            re.I,
        ),
        CAL,
        check=needs_something("prep", "ep", "yrel"),
    ),
    Rule(
        "en-year",
        "en",
        "absolute",
        c(
            r"(?:\b(?P<prep>in|for|since|during|throughout|from|until|till|by|before|after)\s+(?:the\s+year\s+)?)?"
            r"(?P<core>(?:(?P<ap>around|about|circa|c\.|approximately|roughly)\s+)?"
            r"(?:(?P<ep>early|mid-?|late|the end of|the beginning of|the start of|the first half of"
            r"|the second half of)[\s-]*)?(?:(?P<y>(?:1[6-9]|20|21)[0-9]{2})|(?P<yy>['’][0-9]{2})))"
            r"(?![0-9]|,[0-9])",
            re.I,
        ),
        CAL,
        check=needs_something("prep", "ap", "ep"),
    ),
    Rule(
        "en-quarter",
        "en",
        "absolute",
        c(
            rf"\b(?:the\s+)?(?P<qn>{W.alt(q for q in W.QUARTERS if not q.isdigit() and q.isascii())})"
            r"\s+quarter"
            rf"(?:(?:\s+of)?\s+{EN_YEAR}|\s+of\s+(?P<yrel>last\s+year|this\s+year))?",
            re.I,
        ),
        CAL,
    ),
    Rule("en-q", "en", "absolute", c(rf"\b(?-i:Q(?P<q>[1-4]))(?:\s*{EN_YEAR})?\b", re.I), CAL),
    # H1 2025 (the year's halves); H1 alone is also a visa, a flu strain, a heading
    Rule("en-half", "en", "absolute", c(rf"\b(?-i:(?P<ep>H[12]))\s*{EN_YEAR}\b", re.I), CAL),
    Rule(
        "en-decade",
        "en",
        "vague",
        c(
            r"\b(?:the\s+)?(?:(?P<dp>early|mid-?|late)[\s-]+)?(?:(?P<dec>(?:1[6-9]|20)[0-9]0)'?s\b"
            r"|(?P<dec2>['’][0-9]0)s\b)",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-century",
        "en",
        "vague",
        c(
            r"\bthe\s+(?:(?P<cp>early|mid-?|late)[\s-]+)?(?P<century>(?:1[0-9]|2[01]|[1-9])(?:st|nd|rd|th))"
            r"\s+century\b",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-clock-rel",
        "en",
        "relative",
        c(
            rf"(?<![\w:]){EN_CLOCK}{EN_TZ}\s+(?:(?P<drel>yesterday|today)|(?:on\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-fused",
        "en",
        "relative",
        c(rf"\b(?P<dpod>{W.alt(W.EN_FUSED)})\b(?:\s+at\s+{EN_CLOCK})?", re.I),
        CAL,
        check=overnight_ok,
    ),
    Rule(
        "en-day-rel",
        "en",
        "relative",
        c(
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
        c(
            r"\b(?:(?P<wrel>last|this past|this|next|early|late|the following|the next|the previous"
            r"|the preceding)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
            rf"(?:\s+at\s+{EN_CLOCK})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-period",
        "en",
        "relative",
        c(
            r"(?:\b(?P<epart>the\s+(?:end|beginning|start|middle)\s+of)\s+)?"
            r"(?<!the )\b(?P<erel>earlier this|later this|early this|late this|late last|early last"
            r"|early next|late next|last|this|next|earlier in the)\s+(?P<eunit>week|weekend|month|year|yr)\b"
            r"|\bthe\s+(?P<eunit2>week|weekend|month|year)\s+(?P<erel2>before\s+last|after\s+next)\b",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-ago",
        "en",
        "relative",
        c(rf"\b{EN_HEDGE}{EN_NUM}\s+{EN_UNIT}\s+ago\b", re.I),
        O.resolve_offset,
        {"mode": "ago"},
    ),
    Rule(
        "en-in",  # "will be announced in three days": counted on from publication, a date to come
        "en",
        "relative",
        c(rf"\bin\s+{EN_HEDGE}{EN_NUM}\s+{EN_UNIT}(?:['’]s?\s+time)?\b", re.I),
        O.resolve_offset,
        {"mode": "ahead"},
        needs_before=FUTURE_EN,
    ),
    Rule(
        "en-later",
        "en",
        "anchored",
        c(rf"\b{EN_HEDGE}{EN_NUM}\s+{EN_UNIT}\s+(?:later|afterwards)\b", re.I),
        O.resolve_offset,
        {"mode": "after"},
    ),
    Rule(
        "en-earlier",
        "en",
        "anchored",
        c(
            rf"\b{EN_HEDGE}{EN_NUM}\s+{EN_UNIT}\s+(?:earlier\b(?!\s+(?:the|a|an|his|her|its|their)\b)"
            r"|before\b(?!\s+[A-Za-z]))",  # "two days before X begins" counts back from X
            re.I,
        ),
        O.resolve_offset,
        {"mode": "gap"},
    ),
    Rule(
        "en-many",
        "en",
        "not-event",
        c(
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
        c(rf"\b(?P<recent>{W.alt(w for w in (*W.RECENT, *W.LATELY) if w.isascii())})\b", re.I),
        O.resolve_recent,
    ),
    Rule(
        "en-clock",
        "en",
        "anchored",
        c(rf"\bat\s+(?P<core>(?:(?P<ap>around|about|approximately|roughly)\s+)?{EN_CLOCK}{EN_TZ})", re.I),
        CAL,
    ),
    Rule(
        "en-habitual",
        "en",
        "not-event",
        c(
            r"\b(?:(?:every|each)\s+(?:single\s+|other\s+|second\s+|alternate\s+)?(?:day|morning|afternoon|evening|night|week|weekend"
            r"|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
            r"(?:\s+(?:morning|afternoon|evening|night)s?)?"  # every Saturday morning
            r"|(?:usually|often|always|typically|normally|generally|sometimes|regularly)\s+(?:(?:in|on|at)"
            r"\s+(?:the\s+)?)?(?:mornings?|evenings?|afternoons?|nights?|weekends?))\b",
            re.I,
        ),
        NE,
        {"why": "habitual"},
    ),
    Rule(
        "en-bare-day",  # "filed on the 5th": a day of the month last named, else of publication's
        "en",
        "absolute",
        c(
            r"\b(?P<prep>on|by)\s+the\s+(?P<core>(?P<d>3[01]|[12][0-9]|[1-9])(?:st|nd|rd|th))\b"
            r"(?!\s+(?:of\b|time|round|edition|season|term|attempt|anniversary|game|match|straight|consecutive"
            r"|day|year|week|month|floor|place|century|percentile|minute|hour|lap|inning|hole|stage)\b)",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-ordinal",
        "en",
        "not-event",
        c(
            r"\b(?:the\s+)?(?:[0-9]+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth"
            r"|ninth|tenth)\s+(?:time|round|edition|season|term|attempt|anniversary|game|match|straight"
            r"|consecutive|day|year|week|month)\b",
            re.I,
        ),
        NE,
        {"why": "ordinal count"},
    ),
    Rule(
        "en-age",
        "en",
        "not-event",
        c(
            rf"\b(?:{EN_NUMBER_RE})[\s-]+years?[\s-]+old\b|\baged?\s+[0-9]{{1,3}}\b"
            r"|\bat\s+(?:the\s+)?age\s+(?:of\s+)?[0-9]{1,3}\b",
            re.I,
        ),
        NE,
        {"why": "age"},
    ),
    Rule(
        "en-same-period",  # "up 5% from the same period last year": a comparison base
        "en",
        "not-event",
        c(
            r"\b(?:the\s+)?same\s+(?:period|time|quarter|month|week|day)\s+(?:of\s+|in\s+)?(?:last|the\s+previous"
            r"|the\s+prior|a|one)\s+year(?:\s+(?:earlier|before|ago))?\b"
            r"|\b(?:the\s+)?(?:year[-\s]earlier|year[-\s]ago|prior[-\s]year)\s+(?:period|quarter|month|level)s?\b"
            # "fell from a year earlier", "higher than a year ago" ("more than a year ago" counts back)
            r"|\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)than|versus|vs\.?|compared\s+(?:with|to))\s+"
            r"(?:a|one|the\s+previous|the\s+prior)\s+year\s+(?:earlier|ago|before)\b"
            r"|\byear[-\s](?:on|over)[-\s]year\b",
            re.I,
        ),
        NE,
        {"why": "comparison period, not a time"},
    ),
    Rule(
        "en-duration",
        "en",
        "not-event",
        c(
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
