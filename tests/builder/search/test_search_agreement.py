"""The index side (Python) and the query side (the real search.js, run by node) cut text alike,
so a query finds what the index holds."""

from __future__ import annotations

import random
import unicodedata

import pytest

from sitegen.builder import prepare
from sitegen.builder.search.index import build_postings, fnv1a, shard_key
from sitegen.builder.search.output import event_doc, source_doc
from sitegen.builder.search.text import (
    char_class,
    fold_map,
    is_cjk,
    longest_match,
    normalise,
    parse_query,
    runs,
)
from sitegen.config import load_config
from sitegen.content.load import load_site

from ...support.search_node import node

pytestmark = pytest.mark.slow  # asks the site's search code in Node.js

QUERIES = [
    # Chinese without spaces
    "公关部",
    "营销大师",
    "小字营销",
    "雷军回应营销大师标签",
    "为何对营销如此敏感",
    "徐洁云现身直播间再道歉",
    "疲惫不堪",
    "直播间",
    "营",
    "的",
    # mixed
    "KOL事件",
    "小米SU7",
    "SU7以外",
    "雷军回应KOL事件",
    "2026年1月",
    "1月7日晚",
    "0.6%",
    "20多万",
    "CMO许斐",
    "AI正在淘汰那些无库企业",
    # English
    "marketing",
    "NPS",
    "marketing strategies",
    '"marketing strategies"',
    "Core Viewpoint",
    "Xiaomi's fans",
    "mark",
    "ma",
    "leijun",
    "Lei Jun",
    # Traditional and variants
    "雷軍",
    "後來發現",
    "營銷大師",
    "公關部",
    "直播間",
    "偽造",
    "裡面",
    # punctuation, quotes, width, spaces
    "营销 大师",
    "“营销”",
    "「营销大师」",
    "『公关部』",
    "营销，大师",
    "雷军:营销",
    "雷军——营销",
    "ＳＵ７",
    "ＫＯＬ事件",
    "  营销   ",
    "营销\u3000大师",
    "营销\u00a0大师",
    "a_b",
    "GPT-4o",
    "e-mail",
    "C++",
    "#雷军回应KOL事件",
    "<img src=x onerror=alert(1)>",
    "'; DROP TABLE events; --",
    '"unterminated quote',
    "“营销大",
    # other scripts and symbols
    "Café naïve",
    "CAFÉ",
    "ΣΑΣ",
    "İstanbul",
    "東京タワー",
    "ｶﾞｲﾄﾞ",
    "한국어 검색",
    "😀营销😀",
    "①②③",
    "Ⅻ",
    "ﬁnance",
    "x\u0301y",
    "",
    "   ",
]


def test_there_are_fifty_queries_of_many_kinds():
    assert len(QUERIES) >= 50
    assert any(q.isascii() and q.strip() for q in QUERIES)
    assert any(normalise(q) != q.lower() for q in QUERIES)  # some fold or widen


def test_normalising_cutting_and_parsing_agree():
    answers = node({"cmd": "text", "texts": QUERIES, "fold": fold_map()})
    for query, js in zip(QUERIES, answers, strict=True):
        assert js["normalise"] == normalise(query), query
        assert js["runs"] == runs(query), query
        assert js["phrases"] == [[list(p.units), p.prefix] for p in parse_query(query)], query


def test_every_character_is_classed_alike():
    js = node({"cmd": "classes"})
    differ = []
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) in ("Cn", "Cs"):
            continue  # unassigned in Python's Unicode (node's may be newer) or a surrogate
        if js[cp] != char_class(ch):
            differ.append(f"U+{cp:04X} python={char_class(ch)} js={js[cp]}")
    assert differ == []


def test_normalising_every_assigned_character_agrees():
    chars = [
        chr(cp)
        for cp in range(0x20, 0x30000)
        if unicodedata.category(chr(cp)) not in ("Cn", "Cs", "Co") and not 0xD800 <= cp <= 0xDFFF
    ]
    chunks = ["".join(chars[i : i + 4000]) for i in range(0, len(chars), 4000)]
    answers = node({"cmd": "text", "texts": chunks, "fold": fold_map()})
    for chunk, js in zip(chunks, answers, strict=True):
        if js["normalise"] != normalise(chunk):
            mine, theirs = normalise(chunk), js["normalise"]
            at = next(i for i, (a, b) in enumerate(zip(mine, theirs, strict=False)) if a != b)
            pytest.fail(
                f"normalise differs near {mine[max(0, at - 3) : at + 3]!r} / {theirs[at - 3 : at + 3]!r}"
            )


@pytest.fixture(scope="module")
def seed_vocabulary(seed_site) -> set[str]:
    ctx = prepare(load_config(seed_site))
    site = ctx.site
    citing: dict = {}
    for e in site.timeline():
        for c in e.sources:
            citing.setdefault(c.source, []).append(e)
    groups = [
        [event_doc(ctx, e) for e in site.timeline()],
        [source_doc(s, citing.get(s.id, [])) for s in site.sources.values()],
    ]
    postings = build_postings(groups)
    return set(postings.words) | {t for t in postings.terms if len(t) >= 3 and shard_key(t) != t}


def test_longest_match_agrees_with_the_index_vocabulary(seed_vocabulary):
    phrases = [list(p.units) for q in QUERIES for p in parse_query(q)]
    js = node({"cmd": "longest", "phrases": phrases, "words": sorted(seed_vocabulary)})
    assert js == [longest_match(p, seed_vocabulary) for p in phrases]
    joined = ["".join(t) for t in js]
    assert any(len(t) < len(p) for t, p in zip(js, phrases, strict=True))  # words were found
    assert joined == ["".join(p) for p in phrases]


def test_hashes_and_shard_keys_agree(seed_vocabulary):
    texts = sorted(seed_vocabulary)[:300] + QUERIES + ["kol事", "marketing strategy", "p:某人", "𠀀𠀁𠀂"]
    js = node({"cmd": "hash", "texts": texts})
    assert js == [[fnv1a(t), shard_key(t)] for t in texts]


def _windows(text: str, rng: random.Random, count: int, single_chars: bool = True) -> list[str]:
    """Queries a reader could type from ``text``: a few spans of whole units, as typed.

    ``single_chars=False``: no query of one CJK character (bodies do not index them).
    """
    out = []
    for run in runs(text):
        for _ in range(count):
            size = rng.choice((1, 2, 3, 4, 6, 9))
            if len(run) < size:
                continue
            start = rng.randrange(len(run) - size + 1)
            units = run[start : start + size]
            if size == 1 and is_cjk(units[0]) and not single_chars:
                continue
            query = ""
            for a, b in zip([None, *units], units, strict=False):
                query += (" " if a and not is_cjk(a) and not is_cjk(b) else "") + b
            out.append(query)
    return out


def test_a_query_taken_from_a_text_finds_it(seed_site, seed_public):
    """Every span of an event's title or quotes finds the event; of a source's text, the source
    (one CJK character only from its title: bodies index pairs of characters, not single ones)."""
    site = load_site(load_config(seed_site))
    rng = random.Random(7)
    queries, expected = [], []
    for e in site.timeline():
        for text in [e.title] + [c.quote for c in e.sources]:
            for q in _windows(text, rng, 4):
                queries.append({"query": q})
                expected.append(("events", e.id))
    for s in site.sources.values():
        for text, single in ((s.title, True), (s.text, False)):
            for q in _windows(text, rng, 3, single):
                queries.append({"query": q})
                expected.append(("sources", s.id))
    assert len(queries) > 200
    answers = node({"cmd": "search", "root": str(seed_public), "queries": queries})
    missed = [
        (q["query"], want)
        for q, (kind, want), got in zip(queries, expected, answers, strict=True)
        if want not in got[kind]
    ]
    assert missed == []


def test_traditional_and_full_width_queries_find_the_simplified_text(seed_public):
    pairs = [("雷軍", "雷军"), ("營銷大師", "营销大师"), ("公關部", "公关部"), ("ＫＯＬ事件", "KOL事件")]
    queries = [{"query": q} for pair in pairs for q in pair]
    answers = node({"cmd": "search", "root": str(seed_public), "queries": queries})
    for i in range(0, len(answers), 2):
        assert answers[i] == answers[i + 1]
        assert answers[i]["events"] or answers[i]["sources"]
