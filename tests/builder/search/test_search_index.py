"""The search index as built: text rules, the files and their format, facets, dates, names."""

from __future__ import annotations

import gzip
import hashlib
import json
from collections import Counter
from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.builder import build
from sitegen.builder.search.index import (
    LEVELS,
    ONE_SHARD,
    SHARD_TARGET,
    Postings,
    fnv1a,
    index_size,
    shard_count,
    shard_key,
)
from sitegen.builder.search.text import (
    fold_map,
    is_cjk,
    normalise,
    parse_query,
    runs,
    text_terms,
)
from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core import frontmatter
from sitegen.util.opencc_tables import one_to_one

COUNTS = "0123456789abcdefghijklmnopqrstuvwxyz"


# -- reading the index back, as search.js does ---------------------------------------
def index_file(public: Path, meta: dict, kind: str, n: int = 0) -> Path:
    """A file of the index as docs/search.md names it: ``data/<n>.<hash>.json`` for shard n,
    ``data/c.<hash>/<n>.json`` for listing n, ``data/ids.<hash>.json``, ``data/facets.<hash>.json``;
    the hashes 8 hex digits each in ``meta["files"]``: each shard's, the listings', ids', facets'."""
    shards, files = meta["shards"], meta["files"]

    def hash_at(i: int) -> str:
        return files[8 * i : 8 * i + 8]

    data = public / "search" / "data"
    if kind == "":
        return data / f"{n}.{hash_at(n)}.json"
    if kind == "c":
        return data / f"c.{hash_at(shards)}" / f"{n}.json"
    return data / f"{kind}.{hash_at(shards + 1 if kind == 'ids' else shards + 2)}.json"


def read_index(public: Path) -> tuple[dict, dict[str, list[tuple[int, int]]], dict, set[str]]:
    """meta, term -> [(doc, weight)], aliases, two-character words."""
    meta = json.loads((public / "search" / "meta.json").read_text("utf-8"))
    terms: dict[str, list[tuple[int, int]]] = {}
    aliases: dict = {}
    words: set[str] = set()
    for n in range(meta["shards"]):
        shard = json.loads(index_file(public, meta, "", n).read_text("utf-8"))
        prev = ""
        keys = []
        for line in shard["k"].split("\n") if shard["k"] else []:
            prev = prev[: COUNTS.index(line[0])] + line[1:]
            keys.append(prev)
        for key, raw in zip(keys, shard["p"], strict=True):
            assert fnv1a(shard_key(key)) % meta["shards"] == n, key
            if raw and raw[0] == 0:
                words.add(key)
                raw = raw[1:]
            doc, out = 0, []
            for v in raw:
                doc += v // (LEVELS + 1)
                out.append((doc, v % (LEVELS + 1)))
            terms[key] = out
        aliases.update(shard.get("a", {}))
    return meta, terms, aliases, words


def docs_of(terms: dict, term: str) -> set[int]:
    return {d for d, _ in terms.get(term, [])}


# -- text ---------------------------------------------------------------------------
def test_normalising_widens_lowers_and_folds():
    assert normalise("ＧＰＴ４ Ａｂｃ") == "gpt4 abc"
    assert normalise("軍隊後來發現") == "军队后来发现"
    assert normalise("「新聞」") == "「新闻」"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("軍隊後來發現新闻ＡＢ１２abc ，。!?「」𠀀ΣΑΣ")), max_size=30))
def test_normalising_twice_changes_nothing(text):
    assert normalise(normalise(text)) == normalise(text)


def test_the_fold_map_is_opencc_s_and_settles_in_one_step():
    fold = fold_map()
    table = one_to_one("TSCharacters.txt")
    assert len(fold) > 2500
    agree = sum(1 for t, s in table.items() if fold.get(t) == s)
    assert agree / len(table) > 0.97  # the rest go through a variant first (裏 -> 裡 -> 里)
    assert all(fold.get(s, s) == s for s in fold.values())


def test_runs_split_at_punctuation_and_keep_spaced_units_together():
    assert runs("新闻, AI 芯片！Press conference") == [
        ["新", "闻"],
        ["ai", "芯", "片"],
        ["press", "conference"],
    ]
    assert runs("a_b x-y") == [["a"], ["b", "x"], ["y"]]
    assert runs("…") == []


def test_terms_are_units_and_adjacent_pairs():
    terms, units = text_terms(normalise("AI芯片 press conference"))
    assert units == 5
    assert {"ai", "芯", "片", "ai芯", "芯片", "press", "conference", "片press", "press conference"} == set(
        terms
    )
    terms, _ = text_terms(normalise("新闻 news"), cjk_unigrams=False)
    assert set(terms) == {"新闻", "闻news", "news"}


def test_queries_split_on_spaces_except_in_quotes_and_a_word_being_typed_is_a_prefix():
    assert [p.units for p in parse_query("新闻 发布")] == [("新", "闻"), ("发", "布")]
    assert [p.units for p in parse_query("“新闻 发布”")] == [("新", "闻", "发", "布")]
    assert parse_query("press conf")[-1].prefix
    assert not parse_query("press conf ")[-1].prefix
    assert [p.units for p in parse_query("新闻ab")] == [("新", "闻")]  # a 2-letter word still being typed
    assert parse_query("") == [] and parse_query(" ，。 ") == []


# -- a small site with people, tags, outlets and a spread of dates -------------------------
def small_site(root: Path) -> Path:
    content = root / "content"
    (content / "sources").mkdir(parents=True)
    (content / "events").mkdir()
    (content / "data").mkdir()
    (content / "data" / "userdict.txt").write_text("甲乙丙丁戊 10 n\n", encoding="utf-8")
    (content / "site.toml").write_text(
        'title = "测"\nlanguage = "zh-CN"\ntimezone = "Asia/Shanghai"\n', "utf-8"
    )
    sources = [
        (
            "s1",
            "河边化工厂发生火灾",
            "Xin Hua She",
            "2025-03-02T08:15+08:00",
            "消防部门连夜扑救,火势得到控制。甲乙丙丁戊",
        ),
        ("s2", "调查组进驻化工厂", "Peng Pai", "2025-03-03T10:20+08:00", "调查组将在一周内公布初步结论。"),
        ("s3", "Factory fire", "Cai Xin", "2025-03-02T09:00+08:00", "A fire broke out at a chemical plant."),
    ]
    for sid, title, outlet, published, body in sources:
        data = {"id": sid, "title": title, "outlet": outlet, "published": published}
        (content / "sources" / f"{sid}.md").write_text(frontmatter.dump(data, body), encoding="utf-8")
    events = [
        (
            "e1",
            "化工厂起火",
            "2025-03-01",
            ["张三丰"],
            ["火灾"],
            ["s1", "s3"],
            ["火势得到控制", "A fire broke out"],
        ),
        ("e2", "调查组进驻", "2025-03", ["李四"], [], ["s2"], ["调查组将在一周内公布初步结论"]),
    ]
    for eid, title, date, people, tags, cited, quotes in events:
        data = {
            "id": eid,
            "title": title,
            "date": date,
            "people": people,
            "tags": tags,
            "sources": [{"id": s, "quote": q} for s, q in zip(cited, quotes, strict=True)],
        }
        (content / "events" / f"{eid}.md").write_text(frontmatter.dump(data, "消防部门连夜扑救。"), "utf-8")
    return root


def test_every_file_is_listed_by_meta_and_named_for_its_content(tmp_path):
    public = build(load_config(small_site(tmp_path / "a"))).out
    meta = json.loads((public / "search" / "meta.json").read_text("utf-8"))
    listings = -(-meta["sources"] // meta["chunkSize"])
    assert len(meta["files"]) == 8 * (meta["shards"] + 3)
    expected = [index_file(public, meta, "", n) for n in range(meta["shards"])]
    expected += [index_file(public, meta, "c", n) for n in range(listings)]
    expected += [index_file(public, meta, "ids"), index_file(public, meta, "facets")]
    assert sorted(expected) == sorted(p for p in (public / "search" / "data").rglob("*") if p.is_file())
    for path in expected[: meta["shards"]] + expected[-2:]:  # each named for its bytes
        assert path.name.split(".")[1] == hashlib.blake2b(path.read_bytes(), digest_size=4).hexdigest()
    assert {p.name for p in (public / "search").iterdir()} == {"meta.json", "data"}
    again = build(load_config(tmp_path / "a"), out=tmp_path / "again").out
    assert {p.relative_to(again).as_posix(): p.read_bytes() for p in (again / "search").rglob("*.json")} == {
        p.relative_to(public).as_posix(): p.read_bytes() for p in (public / "search").rglob("*.json")
    }
    page = tmp_path / "a" / "content" / "sources" / "s2.md"
    page.write_text(page.read_text("utf-8").replace("进驻化工厂", "进驻工厂"), "utf-8")
    changed = build(load_config(tmp_path / "a"), out=tmp_path / "changed").out
    names = {p.relative_to(public).as_posix() for p in (public / "search" / "data").rglob("*.json")}
    now = {p.relative_to(changed).as_posix() for p in (changed / "search" / "data").rglob("*.json")}
    assert names - now and names & now  # the changed files have new names, the others keep theirs


def test_documents_are_events_in_timeline_order_then_sources_by_time(tmp_path):
    root = small_site(tmp_path / "a")
    public = build(load_config(root)).out
    site = load_site(load_config(root))
    meta, terms, _, _ = read_index(public)
    ids = json.loads(index_file(public, meta, "ids").read_text("utf-8"))
    timeline = json.loads((public / "events.json").read_text("utf-8"))["events"]
    assert ids == [e["id"] for e in timeline]
    assert meta["idsHash"] == f"{fnv1a(chr(10).join(ids)):08x}"
    sources = sorted(site.sources.values(), key=lambda s: (s.published, s.id))
    listed = [row for n in range(-(-len(sources) // meta["chunkSize"])) for row in _chunk(public, meta, n)]
    assert [row[0] for row in listed] == [s.id for s in sources]
    # the event titled 调查组进驻 is doc 1; the source that holds 一周内 is doc E + its place by time
    assert docs_of(terms, "进驻") >= {ids.index("e2")}
    assert docs_of(terms, "一周") == {ids.index("e2"), len(ids) + [s.id for s in sources].index("s2")}


def _chunk(public: Path, meta: dict, n: int) -> list:
    return json.loads(index_file(public, meta, "c", n).read_text("utf-8"))


def test_dates_facets_names_and_the_user_dictionary(tmp_path):
    root = small_site(tmp_path / "a")
    public = build(load_config(root)).out
    meta, terms, aliases, words = read_index(public)
    ids = json.loads(index_file(public, meta, "ids").read_text("utf-8"))
    e1, e2 = ids.index("e1"), ids.index("e2")
    # a month-precise event spans its month; days are counted from 1970-01-01 in the site's timezone
    starts = [d for d, n in meta["eventDays"] for _ in range(n)]
    assert starts[e1] == 20148 and starts[e2] == 20148  # 2025-03-01
    assert [e2, 20178] in meta["eventEnds"] and all(doc != e1 for doc, _ in meta["eventEnds"])
    assert sum(n for _, n in meta["sourceDays"]) == 3
    # facets: the events that have them, and the sources those events cite
    facets = json.loads(index_file(public, meta, "facets").read_text("utf-8"))
    assert facets["people"] == [["张三丰", 1], ["李四", 1]]  # by count, then by code point
    assert facets["tags"] == [["火灾", 1]]
    assert sorted(o for o, _ in facets["outlets"]) == ["Cai Xin", "Peng Pai", "Xin Hua She"]
    assert len(docs_of(terms, "p:张三丰")) == 3  # e1 and the two sources it cites
    assert docs_of(terms, "o:Peng Pai") == {e2, len(ids) + 2}
    # pinyin of people, tags and the words of short fields
    assert aliases["zhangsanfeng"] == ["张三丰"]
    assert "huagongchang" in aliases
    # the user dictionary's word is a word (short fields only: here it is in a body, so it is not)
    assert "甲乙丙丁戊" not in terms and "甲乙" in terms
    assert "进驻" in words and "化工" in words


def test_the_seed_index_is_small(seed_public):
    files = [p for p in (seed_public / "search").rglob("*.json")]
    packed = sum(len(gzip.compress(p.read_bytes(), 9)) for p in files)
    assert packed <= 30_000, packed


def test_every_event_is_found_by_the_pairs_of_its_title(seed_public):
    _, terms, _, _ = read_index(seed_public)
    events = json.loads((seed_public / "events.json").read_text("utf-8"))["events"]
    for doc, event in enumerate(events):
        for run in runs(event["title"]):
            for a, b in pairwise(run):
                pair = a + b if is_cjk(a) or is_cjk(b) else f"{a} {b}"
                assert doc in docs_of(terms, pair), (event["id"], pair)


def test_one_shard_for_a_small_site_and_about_target_size_for_a_large_one():
    from array import array
    from collections import Counter

    small = Postings({"ab": array("q", range(100))}, [1.0], Counter())
    assert shard_count(index_size(small)) == 1
    size = ONE_SHARD * 20
    large = Postings({f"t{i}": array("q", range(size // 3000)) for i in range(1000)}, [1.0], Counter())
    count = shard_count(index_size(large))
    assert count & (count - 1) == 0 and SHARD_TARGET / 2 < size / count <= SHARD_TARGET * 1.1


def _terms_by_units(normalised: str, cjk_unigrams: bool) -> tuple[list[str], int]:
    """text_terms as docs/search.md states it, unit by unit: each unit (single CJK characters only
    with ``cjk_unigrams``), then each adjacent pair of a run (two words joined by a space)."""
    terms: list[str] = []
    count = 0
    for run in runs(normalised):
        count += len(run)
        terms += [u for u in run if cjk_unigrams or not is_cjk(u)]
        terms += [a + b if is_cjk(a) or is_cjk(b) else f"{a} {b}" for a, b in pairwise(run)]
    return terms, count


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="新闻发布会营销𠀀𪚥ＧＰＴ４gpt 2026，。,!?-_\u3000\n", max_size=40), st.booleans())
def test_text_terms_are_the_units_and_pairs_of_each_run(text, cjk_unigrams):
    normalised = normalise(text)
    assert text_terms(normalised, cjk_unigrams) == _terms_by_units(normalised, cjk_unigrams)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(st.tuples(st.sampled_from("abcdefgh"), st.integers(1, 40)), max_size=12),
        min_size=1,
        max_size=30,
    ),
    st.lists(st.floats(0.05, 40.0), min_size=30, max_size=30),
    st.data(),
)
def test_the_postings_worked_out_at_once_are_those_of_one_term_at_a_time(docs, lengths, data):
    """`all_deltas` (numpy, every posting at once) writes what `deltas(weighted(term))` writes:
    frequencies from one half to the cap, facets, documents of any length, a rounding tie."""
    from array import array

    from sitegen.builder.search.index import TF_BITS, TF_MASK
    from sitegen.builder.search.shards import all_deltas, deltas

    terms: dict[str, array] = {}
    for number, doc in enumerate(docs):
        for term, twice in dict(doc).items():
            value = TF_MASK if twice == 40 else data.draw(st.sampled_from([twice, TF_MASK - 1, 1]))
            terms.setdefault(term, array("i")).append((number << TF_BITS) + value)
    terms.setdefault("tie", array("i")).insert(0, 7)  # document 0, frequency 3.5
    norms = [1.2 * (0.25 + 0.75 * n / 7.3) for n in lengths[: len(docs)]]
    norms[0] = 1.5  # 3.5 * 2.2 / (3.5 + 1.5) * 15 / 2.2 = 10.5: a tie, rounded to even (10)
    postings = Postings(terms, norms, Counter())
    written = all_deltas(postings)
    assert {t: written(t) for t in terms} == {t: deltas(postings.weighted(t)) for t in terms}
