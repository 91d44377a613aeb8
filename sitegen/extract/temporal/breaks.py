"""China's official holiday breaks (放假安排): what ``国庆期间``, ``春节假期``, ``五一小长假`` name.

The State Council announces each year's breaks in the autumn before; they are not computable
from the calendar (2025's 国庆 and 中秋 made one break of eight days, 1-8 October).  The
`chinese_calendar` package keeps them; a year it does not know (too early, too late) gives None,
and the callers keep their approximate span around the day.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from sitegen.extract.temporal import words as W

PERIOD_WORDS = frozenset({"期间", "假期", "长假", "黄金周", "小长假", "假日"})
"""Words after a holiday's name that mean its break (前后, 前夕, 当天, 档期 do not)."""

_NEAR = (0, 1, -1, 2, -2, 3, -3)
"""Days from the holiday's own day to look for its break (端午 2024 fell on the break's last day)."""


def official_break(word: str, day: date) -> tuple[date, date] | None:
    """The first and last day of the break named by ``word`` (``国庆``, ``端午节``) around its
    ``day`` that year, or None when the word names no break or the year is not known."""
    name = next((W.OFFICIAL_BREAKS[k] for k in _prefixes(word) if k in W.OFFICIAL_BREAKS), None)
    return _break(name, day) if name else None


def _prefixes(word: str) -> list[str]:
    return [word[:n] for n in range(len(word), 0, -1)]


@lru_cache(maxsize=512)
def _break(name: str, day: date) -> tuple[date, date] | None:
    from chinese_calendar import get_holiday_detail

    def named(d: date) -> str | None:
        off, what = get_holiday_detail(d)
        return what if off else None

    def off(d: date) -> bool:
        return bool(get_holiday_detail(d)[0])

    try:
        found = next((day + timedelta(days=n) for n in _NEAR if named(day + timedelta(days=n)) == name), None)
        if found is None:
            return None
        first = last = found
        # one break may hold two festivals (国庆 and 中秋), and the weekend it runs into (端午
        # 2024: Saturday 8 to Monday 10 June, the package naming only the Monday)
        while off(first - timedelta(days=1)):
            first -= timedelta(days=1)
        while off(last + timedelta(days=1)):
            last += timedelta(days=1)
    except NotImplementedError:  # a year the package does not know yet
        return None
    return first, last
