"""bench/gen_dump.py writes dumps that sitegen reads cleanly, the same bytes for the same seed."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.dump import read_dump
from sitegen.sitedata import outlet_key

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
