"""Chinese and English number words, as the temporal extractor meets them.

Small and table-driven, no dependency (cn2an would parse more, but it is a
heavy package for the handful of shapes dates use, and it knows nothing of the
fuzzy amounts news prose is full of: ``十多``, ``两三``, ``八、九``, ``几``).

* `parse_int` reads one exact number: Arabic digits (ASCII or full width),
  positional Chinese (``十二``, ``三十一``, ``两千零一十三``, ``廿一``) or, with
  ``digitwise=True``, a digit-by-digit year (``二〇一三``, ``二零一三``).
* `amount` reads a possibly fuzzy amount and returns an `Amount`: the smallest
  and largest value it allows, and whether the text hedges (``左右``, ``来``).
* `en_amount` does the same for English (``three``, ``twenty-two``, ``a few``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CN_DIGITS: dict[str, int] = {
    "零": 0, "〇": 0, "○": 0, "Ｏ": 0,
    "一": 1, "壹": 1, "二": 2, "贰": 2, "两": 2, "俩": 2,
    "三": 3, "叁": 3, "四": 4, "肆": 4, "五": 5, "伍": 5,
    "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9,
}  # fmt: skip
CN_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
CN_SHORTHAND: dict[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}

_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_ASCII_INT = re.compile(r"[0-9]{1,12}")


@dataclass(frozen=True)
class Amount:
    """A count as the text gives it: ``lo``..``hi`` inclusive (equal when exact)."""

    lo: float
    hi: float
    approximate: bool = False

    @property
    def exact(self) -> bool:
        return self.lo == self.hi and not self.approximate


def parse_int(text: str, *, digitwise: bool = False) -> int | None:
    """One exact non-negative integer, or None when ``text`` is not one.

    ``digitwise`` accepts digit-by-digit Chinese (``二〇一三`` = 2013), which
    is how years are written; positional forms are always accepted.
    """
    s = text.strip().translate(_FULLWIDTH)
    if not s:
        return None
    if _ASCII_INT.fullmatch(s):
        return int(s)
    for short, long in CN_SHORTHAND.items():
        s = s.replace(short, long)
    if all(ch in CN_DIGITS for ch in s):
        if len(s) == 1:
            return CN_DIGITS[s]
        if not digitwise:
            return None
        return int("".join(str(CN_DIGITS[ch]) for ch in s))
    return _positional(s)


def _positional(s: str) -> int | None:
    """``三十一``, ``两千零一十三``, ``一万二`` (colloquial: 12000), ``3万``."""
    total = section = 0
    number: int | None = None
    last_unit = 0
    i = 0
    while i < len(s):
        ch = s[i]
        if ch.isdigit():  # an Arabic run inside a Chinese number: 3万
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            if number is not None:
                return None
            number = int(s[i:j])
            i = j
            continue
        if ch in CN_DIGITS:
            if number is not None and number != 0 and CN_DIGITS[ch] != 0:
                return None  # two digits in a row: 一二 is not a positional number
            number = CN_DIGITS[ch] if CN_DIGITS[ch] or number is None else number
            if CN_DIGITS[ch] == 0:
                last_unit = 0  # 一百零五: the 五 is units, not tens
        elif ch in CN_UNITS:
            unit = CN_UNITS[ch]
            if last_unit and unit >= last_unit:
                return None  # 十百, 三十十
            section += (number if number is not None else 1) * unit
            number, last_unit = None, unit
        elif ch in CN_BIG:
            big = CN_BIG[ch]
            section += number or 0
            if section == 0:
                return None
            total += section * big
            section, number, last_unit = 0, None, big
        else:
            return None
        i += 1
    if number is not None:
        # colloquial tail: 一万二 = 12000, 三百五 = 350 (digit right after a unit >= 100)
        if last_unit >= 100 and s[-2] in {**CN_UNITS, **CN_BIG}:
            number *= last_unit // 10
        section += number
    return total + section


_FUZZY_PAIR = re.compile(r"^([一二两三四五六七八九])[、,，]?([一二两三四五六七八九])$")


def amount(num: str | None, fuzz: str | None = None, *, half: bool = False) -> Amount | None:
    """A Chinese amount with its hedges.

    ``num`` is the numeral text (``三``, ``10``, ``十几``, ``两三``, ``八、九``,
    ``几``, ``数``, ``半``); ``fuzz`` is a trailing ``多``/``余``/``来``/``左右``;
    ``half`` adds a half (``一个半``).
    """
    if not num:
        return None
    n = num.strip().translate(_FULLWIDTH)
    if n == "半":
        return _hedge(0.5, 0.5, fuzz, False, vague=False)  # 半个多月 = 0.5..1.5 months
    if n in ("几", "数", "若干"):
        lo, hi = 2.0, 9.0
        return _hedge(lo, hi, fuzz, half, vague=True)
    pair = _FUZZY_PAIR.match(n)
    if pair:
        a, b = CN_DIGITS[pair.group(1)], CN_DIGITS[pair.group(2)]
        if b <= a or b - a > 2:
            return None
        return _hedge(float(a), float(b), fuzz, half, vague=True)
    if "几" in n or "数" in n:
        # 十几 = 11..19, 几十 = 20..90, 二十几 = 21..29, 数十 = 20..90
        n = n.replace("数", "几")
        if n.count("几") != 1:
            return None
        lead = n.index("几") == 0 and len(n) > 1
        lo = parse_int(n.replace("几", "二" if lead else "一"))
        hi = parse_int(n.replace("几", "九"))
        if lo is None or hi is None:
            return None
        return _hedge(float(lo), float(hi), fuzz, half, vague=True)
    value = parse_int(n)
    if value is None:
        return None
    return _hedge(float(value), float(value), fuzz, half, vague=False)


def _hedge(lo: float, hi: float, fuzz: str | None, half: bool, *, vague: bool) -> Amount:
    if half:
        lo, hi = lo + 0.5, hi + 0.5
    if fuzz in ("多", "余", "more"):
        if lo == hi and lo >= 10 and lo % 10 == 0:
            step = 10 ** (len(str(int(lo))) - 1)  # 十多 = 11..19, 一百多 = 101..199
            return Amount(lo + 1, lo + step - 1, True)
        return Amount(lo, hi + 1, True)  # 一年多 = 1..2 years, 3个多小时 = 3..4 hours
    if fuzz in ("来", "左右", "上下", "前后", "about"):
        return Amount(lo, hi, True)
    return Amount(lo, hi, vague)


# -- English ----------------------------------------------------------------
EN_NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
    "a dozen": 12, "a hundred": 100, "a couple of": 2, "a couple": 2, "couple of": 2,
}  # fmt: skip
EN_VAGUE: dict[str, tuple[float, float]] = {
    "a few": (2, 4), "few": (2, 4), "several": (3, 7), "some": (2, 9), "dozens of": (24, 99),
}  # fmt: skip

EN_NUMBER_RE = (
    r"(?:\d{1,3}(?:\.\d)?|a\s+couple\s+of|a\s+few|a\s+dozen|several|half\s+an?|an?|"
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|one|two|three|four|five|six|seven|eight|nine|ten)"
)


def en_amount(word: str, hedge: str | None = None, *, scale: int = 1) -> Amount | None:
    """An English amount: ``three``, ``twenty-two``, ``12``, ``a few``, ``half an``.

    ``hedge`` is a preceding ``about``/``nearly``/``more than``… word; ``scale``
    multiplies before hedging (a decade is 10 years, so "more than a decade" is 11–19).
    """
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w.startswith("half"):
        value: tuple[float, float] | None = (0.5, 0.5)
    elif w in EN_VAGUE:
        lo, hi = EN_VAGUE[w]
        return Amount(lo * scale, hi * scale, True)
    elif w in EN_NUMBERS:
        value = (EN_NUMBERS[w], EN_NUMBERS[w])
    elif "-" in w:
        tens, _, ones = w.partition("-")
        if tens not in EN_NUMBERS or ones not in EN_NUMBERS:
            return None
        v = EN_NUMBERS[tens] + EN_NUMBERS[ones]
        value = (v, v)
    else:
        try:
            v = float(w)
        except ValueError:
            return None
        value = (v, v)
    lo, hi = value[0] * scale, value[1] * scale
    h = (hedge or "").strip().lower()
    if h in ("more than", "over", "just over", "upwards of"):
        return _hedge(lo, hi, "多", False, vague=False)
    if h:
        return Amount(lo, hi, True)
    return Amount(lo, hi)
