"""The rule table of the temporal extractor: which rules run, and in which order.

The rules themselves live by language: `temporal_rules_zh` (Chinese; Traditional
text is folded to Simplified characters before matching, see `temporal_fold`),
`temporal_rules_en` (English), `temporal_rules_more` (more of either, beside two files near their
size cap) and `temporal_rules_common` (rules for any
language, and the regex fragments the others are built from).

Order is data: when two rules match spans of the same length, the one earlier
in `ORDER` wins (the longest span always wins first).  Every rule is named in
`ORDER` exactly once (`tests/test_temporal.py` checks it, and that every rule
is exercised by the corpus).
"""

from __future__ import annotations

from sitegen.extract.temporal.rules_common import ANY_RULES, Rule
from sitegen.extract.temporal.rules_en import EN_RULES
from sitegen.extract.temporal.rules_more import MORE_RULES
from sitegen.extract.temporal.rules_zh import ZH_RULES

__all__ = ["ORDER", "PRIORITY", "RULES", "Rule"]

ORDER: tuple[str, ...] = (
    "iso-datetime",
    "zh-year-range",
    "zh-day-range",
    "zh-month-range",
    "zh-bare-day-range",
    "en-day-range",
    "en-dmy-day-range",
    "en-year-range",
    "zh-generic-today",
    "zh-date",
    "zh-year",
    "zh-decade",
    "zh-century",
    "zh-month-rel",
    "zh-weekday",
    "zh-week",
    "zh-fused",
    "zh-day-rel",
    "zh-day-rel-bracket",
    "zh-bare-day",
    "zh-season",
    "zh-holiday",
    "zh-quoted-holiday",
    "zh-floating-holiday",
    "en-season",
    "en-holiday-night",
    "en-pod-of-holiday",
    "en-holiday",
    "en-china-holiday",
    "en-floating-holiday",
    "en-holiday-weekend",
    "en-holiday-offset",
    "en-date-range",
    "en-clock-date",
    "en-clock-dmy",
    "en-clock-holiday",
    "en-pod-of",
    "en-month-edge-day",
    "en-mdy",
    "en-dmy",
    "en-dmy-hyphen",
    "en-week-of",
    "en-month-year",
    "en-month",
    "en-year",
    "en-year-half",
    "en-quarter",
    "en-q",
    "en-quarter-months",
    "en-half",
    "en-decade",
    "en-century",
    "en-clock-rel",
    "en-fused",
    "en-day-rel",
    "en-weekday-the-day",
    "en-coming-weekday",
    "en-weekday",
    "en-period",
    "en-weekday-of-week",
    "en-weekdays-ago",
    "en-weeks-ago-weekday",
    "en-weekends-ago",
    "en-weekday-before-last",
    "en-nth-weekday",
    "zh-nth-week",
    "en-numeric-date",
    "en-numeric-month",
    "en-bare-day",
    "zh-gap",
    "zh-interval",
    "zh-later",
    "zh-ago",
    "zh-recent",
    "zh-span",
    "zh-first-units",
    "zh-month-count",
    "en-ago",
    "en-in",
    "en-later",
    "en-earlier",
    "en-many",
    "en-recent",
    "en-span",
    "en-quarter-rel",
    "quarter-next",
    "en-weekend",
    "zh-year-part",
    "zh-quarter",
    "zh-period-end",
    "zh-quarter-tw",
    "zh-month-part",
    "zh-pod-clock",
    "zh-pod",
    "zh-clock",
    "zh-clock-end",
    "en-clock",
    "en-clock-word",
    "zh-lunar",
    "zh-lunar-holiday",
    "zh-habitual",
    "zh-habitual-holiday",
    "zh-habitual-clock",
    "en-habitual",
    "zh-weekday-span",
    "en-weekday-schedule",
    "zh-anniversary",
    "zh-same-period",
    "en-same-period",
    "en-this-time-last-year",
    "zh-many",
    "zh-ordinal",
    "en-ordinal",
    "zh-age",
    "en-age",
    "name",
    "citation",
    "version",
    "phone",
    "model-name",
    "percent",
    "money",
    "height",
    "count-wan",
    "zh-duration",
    "zh-duration-since",
    "zh-month-figure",
    "en-duration",
)
"""Rule names, earlier wins a tie between matches of the same length."""


def _table() -> tuple[Rule, ...]:
    by_name = {rule.name: rule for rule in (*ANY_RULES, *ZH_RULES, *EN_RULES, *MORE_RULES)}
    missing = sorted(set(by_name) - set(ORDER))
    unknown = sorted(set(ORDER) - set(by_name))
    if missing or unknown or len(set(ORDER)) != len(ORDER):
        raise RuntimeError(f"temporal_rules.ORDER: not in ORDER {missing}, no such rule {unknown}")
    return tuple(by_name[name] for name in ORDER)


RULES: tuple[Rule, ...] = _table()

PRIORITY: dict[str, int] = {rule.name: i for i, rule in enumerate(RULES)}
