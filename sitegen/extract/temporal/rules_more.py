"""More rules of the temporal extractor, in either language (`temporal_rules_zh` and
`temporal_rules_en` are near their size cap).

Each rule is found by name in `temporal_rules.ORDER`, which says which wins a tie;
its examples and near-misses are in ``tests/extract/temporal/fixtures/temporal_*.tsv``.
"""

from __future__ import annotations

import re

from sitegen.extract.temporal import holidays as H
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.rules_common import (
    AFTER,
    CAL,
    EN_CLOCK,
    EN_DAY,
    EN_MON,
    EN_TZ,
    EN_WD,
    EN_YEAR,
    NE,
    PWD,
    SP,
    TAIL,
    Rule,
    c,
)

MORE_RULES: tuple[Rule, ...] = (
    Rule(
        "zh-day-rel-bracket",  # Taiwan: 昨（4）日, 今(5)日凌晨: the day word with its date in brackets
        "zh",
        "relative",
        c(rf"(?P<drel>[昨今前明]{W.DAY_IN_BRACKETS}日){PWD}{TAIL}{AFTER}"),
        CAL,
    ),
    Rule(
        "zh-habitual-holiday",  # 每年春节, 每逢中秋, 每到国庆假期: a festival every year, not one year's
        "zh",
        "not-event",
        c(
            rf"每(?:年|逢|当|到|至)(?:{SP}的)?{SP}"
            rf"(?:{W.alt([*W.ZH_HOLIDAYS, *H.ZH_MOVING_HOLIDAYS, *W.ZH_FLOATING])})"
            r"(?:假期|期间|前后|前夕|当天|当日|长假|黄金周)?"  # 每年春节期间: the whole habit, not 春节期间
        ),
        NE,
        {"why": "habitual"},
    ),
    Rule(
        "en-clock-dmy",  # British order: "11.30pm on Wednesday 31 December", "at 9am on the 3rd of May"
        "en",
        "absolute",
        c(
            rf"(?<![\w:]){EN_CLOCK}{EN_TZ}\s+(?:on\s+)?(?:{EN_WD},?\s+)?(?:the\s+)?{EN_DAY}\s+(?:of\s+)?{EN_MON}"
            rf"(?:,?\s+{EN_YEAR})?",
            re.I,
        ),
        CAL,
    ),
    Rule(
        "en-holiday-night",  # "Halloween night", "Christmas Eve evening": the holiday's evening
        "en",
        "absolute",
        c(
            rf"\b(?P<holiday>{W.alt(W.EN_HOLIDAYS)})\s+(?P<pod>night|evening)(?!\s+(?:{W.NIGHT_NOUNS})\b)"
            rf"(?:\s+(?:of\s+)?{EN_YEAR})?\b",
            re.I,
        ),
        CAL,
    ),
)
