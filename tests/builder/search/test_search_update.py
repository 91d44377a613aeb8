"""The search index updated after an edit is the index made whole, byte for byte; builds use the update."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.builder import build, parallel
from sitegen.builder.search import index as search_index
from sitegen.builder.search import output as search
from sitegen.builder.search import update as search_update
from sitegen.builder.search.index import Doc
from sitegen.builder.search.output import aliases_since, pinyin_aliases
from sitegen.config import load_config
from sitegen.util.cache import Cache

from ...conftest import REPO

# Few characters and words, so that documents share terms and edits move postings around.
TEXTS = st.text(alphabet="火灾调查组化工厂张三李四 fireplant", min_size=0, max_size=12)
FIELD = st.tuples(st.sampled_from([1.0, 1.5, 2.0, 3.0]), TEXTS)
DOC = st.tuples(
    st.lists(FIELD, max_size=4), st.lists(st.sampled_from(["p:张三", "t:火灾", "o:新华社"]), max_size=2)
)
FILLER = [([(3.0, "化工厂火灾"), (1.0, "调查组 plant")], ["t:火灾"])] * 60
BODIES = ["化工厂发生火灾,调查组进驻。", "A fire broke out at the plant.", "张三说火势得到控制", ""]


def docs_of(specs: list, bodies: list[str]) -> list[Doc]:
    return [
        Doc(list(fields), list(facets), body=body, body_key=f"body {n}")
        for n, ((fields, facets), body) in enumerate(zip(specs, bodies, strict=True))
    ]


def aliases_of(spoken: Counter) -> dict[str, list[str]]:
    return pinyin_aliases(spoken + Counter({"张三": 1, "新华社": 2}))


def many_shards(target: int = 200):
    """Shards of a few hundred bytes: a handful of documents spread over many of them."""
    return mock.patch.multiple(search_index, ONE_SHARD=300, SHARD_TARGET=target)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    specs=st.lists(DOC, min_size=2, max_size=40),
    edits=st.lists(st.tuples(st.integers(0, 39), DOC), min_size=1, max_size=3),
    events=st.integers(0, 40),
)
def test_an_update_gives_the_bytes_of_the_whole_index(specs, edits, events):
    edited = list(specs)
    for at, spec in edits:
        edited[at % len(specs)] = spec
    specs, edited = FILLER + specs, FILLER + edited  # enough documents for averages that seldom move
    bodies = [BODIES[n % len(BODIES)] for n in range(len(specs))]
    split = min(events, len(specs))
    with many_shards():
        before = docs_of(specs, bodies)
        after = docs_of(edited, bodies)
        old = search_update.whole("k", [before[:split], before[split:]], aliases_of)
        new = search_update.updated(old, [after[:split], after[split:]], aliases_of)
        made = search_update.whole("k", [after[:split], after[split:]], aliases_of)
    if new is None:  # allowed: an average length or the shard count moved
        return
    assert new.shards == made.shards
    assert (new.docs, new.lengths, new.spoken, new.chars, new.aliases, new.size) == (
        made.docs,
        made.lengths,
        made.spoken,
        made.chars,
        made.aliases,
        made.size,
    )


def test_an_edit_of_one_document_is_an_update_touching_few_shards():
    specs = [([(3.0, f"化工厂{n}号火灾"), (1.0, "调查组")], ["t:火灾"]) for n in range(40)]
    bodies = ["化工厂发生火灾,调查组进驻。"] * 40
    edited = list(specs)
    edited[7] = ([(3.0, "化工厂七号起火 plant"), (1.0, "调查组")], ["t:火灾"])
    with many_shards(target=40):
        old = search_update.whole("k", [docs_of(specs, bodies)], aliases_of)
        new = search_update.updated(old, [docs_of(edited, bodies)], aliases_of)
        made = search_update.whole("k", [docs_of(edited, bodies)], aliases_of)
    assert new is not None and new.shards == made.shards
    changed = sum(a is not b for a, b in zip(old.shards, new.shards, strict=True))
    assert old.count >= 64 and 0 < changed < old.count / 2


def test_what_an_update_cannot_follow_makes_the_index_whole():
    specs = [([(3.0, f"化工厂{n}号")], []) for n in range(10)]
    bodies = ["化工厂发生火灾。"] * 10
    old = search_update.whole("k", [docs_of(specs, bodies)], aliases_of)
    assert search_update.updated(old, [docs_of(specs[:9], bodies[:9])], aliases_of) is None  # one fewer
    assert (
        search_update.updated(old, [docs_of(specs, bodies)[:5], docs_of(specs, bodies)[5:]], aliases_of)
        is None
    )
    moved = docs_of(specs, bodies)
    moved[3] = Doc(moved[3].fields, [], body="另一段正文", body_key="another body")
    assert (
        search_update.updated(old, [moved], aliases_of) is None
    )  # a body changed: its old terms are unknown
    assert search_update.updated(old, [docs_of(specs, bodies)], aliases_of) is old  # nothing changed


# -- in builds --------------------------------------------------------------------------
@pytest.fixture
def seed(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    return root


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def retitle(root: Path, suffix: str) -> None:
    page = sorted((root / "content" / "events").glob("*.md"))[0]
    lines = page.read_text(encoding="utf-8").split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("title:"))
    quoted = lines[at].endswith(("'", '"'))
    lines[at] = lines[at][:-1] + suffix + lines[at][-1] if quoted else lines[at] + suffix
    page.write_text("\n".join(lines), encoding="utf-8")


def test_a_rebuild_after_an_edit_updates_the_index_and_equals_a_full_build(seed, monkeypatch, tmp_path):
    monkeypatch.setattr(parallel, "can_fork", lambda: False)
    made = []
    whole = search_update.whole
    monkeypatch.setattr(search, "whole", lambda *a: made.append(1) or whole(*a))
    with many_shards():
        build(load_config(seed))
        assert made == [1]
        retitle(seed, "（更新）")
        result = build(load_config(seed))
        assert result.mode == "incremental" and made == [1]  # updated, not made again
        full = build(load_config(seed), out=tmp_path / "full", cache=Cache(None), incremental=False)
    assert tree(result.out) == tree(full.out)
    # only what changed: the shards of the edited title's terms (their weights depend on the
    # title's length), a small share of the index's shards, however the seed's titles read
    changed = sum(1 for p in result.files if p.startswith("search/data/"))
    shards = sum(1 for p in full.files if p.startswith("search/data/"))
    assert shards > 100 and 0 < changed < shards / 10


def test_the_second_core_keeps_the_index_state_in_the_cache(seed, monkeypatch, tmp_path):
    monkeypatch.setattr(parallel, "can_fork", lambda: True)  # the test session runs threads
    build(load_config(seed))
    with Cache.for_site(seed) as cache:
        table = search_update._tables(mock.Mock(cache=cache))[0]
        found, head = table.get("head")
    pages = [len(list((seed / "content" / kind).glob("*.md"))) for kind in ("events", "sources")]
    assert found and head["groups"] == pages  # a group of documents per event and per source
    retitle(seed, "（二）")
    result = build(load_config(seed))
    full = build(load_config(seed), out=tmp_path / "full", cache=Cache(None), incremental=False)
    assert tree(result.out) == tree(full.out)


NAMES = st.dictionaries(
    st.sampled_from(["张三", "章三", "张山", "李四", "里斯", "王五", "Peng Pai", "火灾", "新华社"]),
    st.integers(1, 5),
)


@settings(max_examples=100, deadline=None)
@given(before=NAMES, after=NAMES)
def test_aliases_worked_out_again_for_changed_names_only_are_all_of_them(before, after):
    spelled: dict[str, str] = {}
    old = pinyin_aliases(Counter(before), spelled)
    assert aliases_since(old, before, Counter(after), spelled) == pinyin_aliases(Counter(after))
