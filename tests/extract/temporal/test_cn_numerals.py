"""Tests for sitegen.extract.temporal.cn_numerals."""

from __future__ import annotations

import pytest

from sitegen.extract.temporal.cn_numerals import Amount, amount, en_amount, parse_int


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7", 7), ("０７", 7), ("十", 10), ("十二", 12), ("二十", 20), ("三十一", 31), ("廿一", 21),
        ("两", 2), ("一百零五", 105), ("两千零一十三", 2013), ("一万二", 12000), ("三百五", 350),
        ("3万", 30000),
    ],
)  # fmt: skip
def test_parse_int(text: str, value: int) -> None:
    assert parse_int(text) == value


@pytest.mark.parametrize("text", ["", "一二", "十十", "二十二十", "万", "x", "三点"])
def test_parse_int_rejects(text: str) -> None:
    assert parse_int(text) is None


def test_digitwise_years_only_when_asked() -> None:
    assert parse_int("二〇一三", digitwise=True) == 2013
    assert parse_int("二零一三", digitwise=True) == 2013
    assert parse_int("二〇一三") is None


@pytest.mark.parametrize(
    ("num", "fuzz", "half", "want"),
    [
        ("三", None, False, Amount(3, 3)),
        ("十", "多", False, Amount(11, 19, True)),
        ("10", "多", False, Amount(11, 19, True)),
        ("一百", "多", False, Amount(101, 199, True)),
        ("一", "多", False, Amount(1, 2, True)),
        ("十几", None, False, Amount(11, 19, True)),
        ("几十", None, False, Amount(20, 90, True)),
        ("两三", None, False, Amount(2, 3, True)),
        ("八、九", None, False, Amount(8, 9, True)),
        ("几", None, False, Amount(2, 9, True)),
        ("十", "来", False, Amount(10, 10, True)),
        ("半", None, False, Amount(0.5, 0.5)),
        ("半", "多", False, Amount(0.5, 1.5, True)),
        ("一", None, True, Amount(1.5, 1.5)),
    ],
)
def test_amount(num: str, fuzz: str | None, half: bool, want: Amount) -> None:
    assert amount(num, fuzz, half=half) == want


def test_en_amount() -> None:
    assert en_amount("twenty-two") == Amount(22, 22)
    assert en_amount("a few") == Amount(2, 4, True)
    assert en_amount("a", "more than", scale=10) == Amount(11, 19, True)
    assert en_amount("three", "about") == Amount(3, 3, True)
    assert en_amount("half an") == Amount(0.5, 0.5)
    assert en_amount("umpteen") is None
