"""Shortcuts taken for speed give the very same values as the plain forms they replace.

An import must write the same pages however fast it runs, so these are checked for equality
(not closeness) against the plain expressions, written out here, on many random inputs.
"""

from __future__ import annotations

import random
import re
import sys
from collections import Counter

from sitegen.core.markdown import normalise_ws
from sitegen.extract.merge import cosine
from sitegen.extract.recall import best_cosine


def _vectors(rng: random.Random, n: int) -> list[dict[str, float]]:
    words = [f"w{i}" for i in range(30)]
    return [{w: rng.uniform(0.3, 9.0) for w in rng.sample(words, rng.randint(1, 20))} for _ in range(n)]


def test_best_cosine_is_the_largest_cosine_to_the_last_bit() -> None:
    rng = random.Random(7)
    norms: dict[int, float] = {}
    others = _vectors(rng, 40)  # kept alive and unchanged while ``norms`` is used
    for a in _vectors(rng, 300):
        some = rng.sample(others, rng.randint(1, len(others)))
        assert best_cosine(a, some, norms) == max(cosine(a, b) for b in some)
    assert best_cosine({"x": 1.0}, [{"y": 2.0}], {}) == 0.0  # nothing shared


def test_normalise_ws_folds_whitespace_as_the_regular_expression_does() -> None:
    space = [chr(c) for c in range(sys.maxunicode + 1) if re.match(r"\s", chr(c))]
    rng = random.Random(3)
    alphabet = [*space, "a", "中", ",", "。", "x"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert normalise_ws(text) == re.sub(r"\s+", " ", text).strip(), repr(text)


def test_idf_bounds_are_the_plain_min_and_max_and_votes_are_unchanged() -> None:
    from sitegen.extract import idf as weights
    from sitegen.extract.identity import Signals, name_votes
    from sitegen.extract.merge import idf_weights, vector

    rng = random.Random(11)
    words = [f"n{i}" for i in range(40)]
    for _ in range(200):
        made = idf_weights(
            {w for w in rng.sample(words, rng.randint(1, 12))} for _ in range(rng.randint(1, 30))
        )
        plain = dict(made)
        assert isinstance(made, weights.Idf)
        assert weights.floor(made) == min(plain.values()) == weights.floor(plain)
        assert weights.rarest(made) == max(plain.values()) == weights.rarest(plain)
        terms = rng.sample([*words, "unknown"], 6)
        assert vector(terms, made) == vector(terms, plain)
        mine, theirs = rng.sample(words, 4), Counter(rng.sample(words, 5))
        a, b = Signals(), Signals()
        name_votes(a, mine, theirs, theirs, made, 0.25)
        name_votes(b, mine, theirs, theirs, plain, 0.25)
        assert (a.names, a.clash) == (b.names, b.clash)
    assert weights.floor(weights.Idf()) == 0.0 and weights.rarest(weights.Idf()) == 1.0


def test_actions_remembered_are_the_actions_read() -> None:
    from sitegen.extract.actions import actions

    table = actions()
    rng = random.Random(5)
    pieces = [*list(table.zh)[:40], *list(table.en)[:40], "的", "，", "the ", "公司", "。", " "]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        first, again = table.of(text), table.of(text)
        assert first == again == table._read(text), repr(text)


def test_cjk_majority_counts_characters_as_one_by_one() -> None:
    from sitegen.extract.story_names import cjk_majority

    rng = random.Random(9)
    alphabet = ["中", "国", "a", "Z", "x", " ", "1", "。", "é", "\u9fff", "\u4e00", "\u3400"]
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
        assert cjk_majority(text) == (cjk * 3 >= len(re.findall(r"[A-Za-z]", text))), repr(text)
