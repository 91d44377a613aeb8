"""bench/gen_dump.py writes dumps that sitegen reads cleanly, the same bytes for the same seed."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.core.sitedata import outlet_key
from sitegen.ingest.dump import read_dump

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def gen():
    spec = importlib.util.spec_from_file_location("gen_dump", REPO / "bench" / "gen_dump.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_dump"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop("gen_dump", None)


@pytest.fixture(scope="module")
def dump(gen, tmp_path_factory):
    path = gen.write_dump(tmp_path_factory.mktemp("gen") / "dump.txt", 600, seed=7)
    return path, read_dump(path, ZoneInfo("Asia/Shanghai"))


def test_parses_with_no_problems(dump) -> None:
    _, d = dump
    assert d.problems == []
    assert len(d.records) == 600
    assert d.keyword


def test_same_seed_same_bytes_other_seed_other_bytes(gen, tmp_path: Path) -> None:
    a = gen.write_dump(tmp_path / "a.txt", 200, seed=3).read_bytes()
    b = gen.write_dump(tmp_path / "b.txt", 200, seed=3).read_bytes()
    c = gen.write_dump(tmp_path / "c.txt", 200, seed=4).read_bytes()
    assert a == b
    assert a != c


def test_has_the_traits_of_real_dumps(dump) -> None:
    _, d = dump
    bodies = [r.body for r in d.records]
    english = [b for b in bodies if not re.search("[\u4e00-\u9fff]", b[:40])]
    assert 0.05 < len(english) / len(bodies) < 0.4
    lengths = sorted(len(b) for b in bodies)
    assert lengths[len(lengths) // 2] > 300 and lengths[-1] <= 1600
    assert sum(b.endswith("...") for b in bodies) > len(bodies) / 3  # excerpts
    syndicated = Counter(b for b in bodies)
    assert any(n >= 2 for n in syndicated.values())
    reprinted = [b for b, n in syndicated.items() if n >= 2]
    outlets_of = {b: {r.outlet for r in d.records if r.body == b} for b in reprinted}
    assert any(len(o) >= 2 for o in outlets_of.values())  # one passage, several outlets
    text = "\n".join(bodies)
    for word in ("昨", "天前", "月", "上周", "年或", "On "):
        assert word in text, word
    assert re.search("[\u4e00-\u9fff] [\u4e00-\u9fff]", text)  # stray spaces
    assert re.search("(作者|来源|文丨|责任编辑)", text)  # bylines
    outlets = {r.outlet for r in d.records}
    assert len(outlets) >= 20


def test_outlets_mix_known_and_unknown(gen) -> None:
    import tomllib

    table = tomllib.loads((REPO / "sitegen" / "data" / "outlets.toml").read_text(encoding="utf-8"))
    known = {outlet_key(k) for k in table["outlets"]}
    ours = {outlet_key(o) for o in gen.OUTLETS_KNOWN + gen.OUTLETS_UNKNOWN}
    assert ours & known and ours - known


# -- the dense mode (a breaking story: few dozen happenings, many outlets, three weeks) ----------
@pytest.fixture(scope="module")
def dense(gen, tmp_path_factory):
    folder = tmp_path_factory.mktemp("dense")
    path = gen.write_dump(folder / "dense.txt", 800, seed=5, dense=True, gold=folder / "dense.toml")
    yield path, read_dump(path, ZoneInfo("Asia/Shanghai")), folder / "dense.toml"
    sys.modules.pop("gen_dense", None)


def test_dense_parses_and_is_the_same_for_a_seed(gen, dense, tmp_path: Path) -> None:
    path, d, _ = dense
    assert d.problems == [] and len(d.records) == 800
    again = gen.write_dump(tmp_path / "again.txt", 800, seed=5, dense=True)
    assert again.read_bytes() == path.read_bytes()
    assert gen.write_dump(tmp_path / "other.txt", 800, seed=6, dense=True).read_bytes() != path.read_bytes()


def test_dense_tells_few_dozen_happenings_in_many_words_within_three_weeks(dense) -> None:
    from tests.extract.gold_score import load_gold, norm, record_lang

    _, d, gold_path = dense
    gold = load_gold(gold_path)
    hs = gold.happenings
    assert 20 <= len(hs) <= 60
    days = sorted(h.day for h in hs)
    assert days[-1] - days[0] <= timedelta(days=21)
    same_day = Counter((h.day, h.id.split("-")[0]) for h in hs)  # two happenings of one story on a day
    assert sum(k >= 2 for k in same_day.values()) >= 3 * 4
    recs = d.records
    for h in hs:
        texts = [(recs[r - 1].title + " " + recs[r - 1].body) for r in h.reports]
        assert all(any(t in norm(x) for t in h.terms) for x in texts), h.id
        if len(h.reports) >= 20:
            assert {record_lang(x) for x in texts} == {"zh", "en"}, h.id
            leads = {re.split("[。.]", x.split(" ", 1)[1])[0] for x in texts}
            assert len(leads) >= 8, h.id  # different words, not one sentence copied
    off = [recs[r - 1] for r in gold.off_topic]
    assert off and all(d.keyword in (r.title + r.body) for r in off)
    assert not any(r in h.cited_by for h in hs for r in gold.off_topic)
    bodies = Counter(r.body for r in recs)
    assert any(len({r.outlet for r in recs if r.body == b}) >= 2 for b, k in bodies.items() if k >= 2)
    assert "成立于" not in "".join(r.body for r in recs)  # no founding years the story does not hold


def test_every_dense_phrasing_says_one_of_its_words(gen) -> None:
    """The gold's ``terms`` of a generated happening are found in every way it can be told."""
    import itertools

    sys.path.insert(0, str(REPO / "bench"))
    try:
        import gen_dense
    finally:
        sys.path.remove(str(REPO / "bench"))
        sys.modules.pop("gen_dense", None)
    for headline, zh, en, terms in gen_dense.STEPS:
        for slots in (zh, en):
            for combo in itertools.product(*slots):
                text = "".join(combo).lower()
                assert any(t.lower() in text for t in terms), (headline, text)
