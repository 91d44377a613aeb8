"""The on-disk cache: hits and misses, invalidation, damaged entries and killed writers."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from sitegen.util.cache import CACHE_DIR, Cache, code_version, digest
from sitegen.util.segment import cut, cut_many

REPO = Path(__file__).resolve().parent.parent.parent


def counting(fn):
    calls: list = []

    def wrapped(x):
        calls.append(x)
        return fn(x)

    return wrapped, calls


def test_map_computes_only_misses_and_keeps_order(tmp_path: Path) -> None:
    fn, calls = counting(str.upper)
    with Cache(tmp_path / CACHE_DIR) as cache:
        t = cache.table("upper", "v1")
        assert t.map(fn, ["a", "b", "a"], key=lambda x: x) == ["A", "B", "A"]
        assert calls == ["a", "b"]  # equal keys computed once
        assert (t.hits, t.misses) == (0, 2)
    with Cache(tmp_path / CACHE_DIR) as cache:  # a later process
        t = cache.table("upper", "v1")
        assert t.map(fn, ["b", "c", "a"], key=lambda x: x) == ["B", "C", "A"]
        assert calls == ["a", "b", "c"]
        assert (t.hits, t.misses) == (2, 1)


def test_values_round_trip_as_json(tmp_path: Path) -> None:
    value = {"text": "雷 军", "tokens": ["雷", "军"], "n": 3, "ok": True, "none": None}
    with Cache(tmp_path) as cache:
        cache.table("t", "1").put("k", value)
    with Cache(tmp_path) as cache:
        assert cache.table("t", "1").get("k") == (True, value)
        assert cache.table("t", "1").get("other") == (False, None)


def test_a_new_version_invalidates_and_drops_old_entries(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache.table("t", "1").put("k", "old")
        cache.table("other", "1").put("k", "kept")
        assert cache.count() == 2
    with Cache(tmp_path) as cache:
        assert cache.table("t", "2").get("k") == (False, None)
        assert cache.count() == 1  # version 1 of "t" is gone
        assert cache.table("other", "1").get("k") == (True, "kept")


def test_changed_content_is_a_miss(tmp_path: Path) -> None:
    fn, calls = counting(len)
    with Cache(tmp_path) as cache:
        t = cache.table("len", "1")
        t.map(fn, ["雷军"], key=lambda x: x)
        t.map(fn, ["雷军在"], key=lambda x: x)
    assert calls == ["雷军", "雷军在"]


def test_code_version_follows_the_source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mod = tmp_path / "cached_thing.py"
    mod.write_text("X = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    first = code_version("cached_thing")
    assert first == code_version("cached_thing")
    mod.write_text("X = 2\n")
    assert code_version("cached_thing") != first
    monkeypatch.setattr("sitegen.util.cache.__version__", "999.0")
    mod.write_text("X = 1\n")
    assert code_version("cached_thing") != first  # a sitegen upgrade invalidates too


def test_a_damaged_entry_is_a_miss_not_a_crash(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        cache.table("t", "1").put_many({"a": "A", "b": "B", "c": "C"})
    db = sqlite3.connect(tmp_path / "cache-v1.sqlite")
    db.execute("UPDATE entries SET value = ? WHERE key = 'a'", (b"garbage",))
    good = db.execute("SELECT value FROM entries WHERE key = 'b'").fetchone()[0]
    db.execute("UPDATE entries SET value = ? WHERE key = 'b'", (good[:8] + b'"X"',))  # checksum mismatch
    db.execute("UPDATE entries SET value = ? WHERE key = 'c'", ("text, not bytes",))
    db.commit()
    db.close()
    fn, calls = counting(str.upper)
    with Cache(tmp_path) as cache:
        t = cache.table("t", "1")
        assert t.get_many(["a", "b", "c"]) == {}
        assert t.map(fn, ["a"], key=lambda x: x) == ["A"]
        assert calls == ["a"]  # recomputed, and stored again


def test_a_damaged_database_file_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "cache-v1.sqlite").write_bytes(b"this is not a database" * 200)
    with Cache(tmp_path) as cache:
        assert cache.enabled
        t = cache.table("t", "1")
        t.put("k", 1)
        assert t.get("k") == (True, 1)
    assert (tmp_path / "cache-v1.sqlite.damaged").exists()


def test_a_busy_cache_is_skipped_not_set_aside(tmp_path: Path) -> None:
    """Another process writing for too long: this one runs without the cache; nothing is lost."""
    with Cache(tmp_path) as cache:
        cache.table("t", "1").put("k", "kept")
    other = sqlite3.connect(tmp_path / "cache-v1.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        fn, _ = counting(str.upper)
        with Cache(tmp_path, timeout=0.05) as cache:
            t = cache.table("t", "1")
            assert t.map(fn, ["a"], key=lambda x: x) == ["A"]
            assert not cache.enabled  # the write timed out: off for this run
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(tmp_path.glob("*.damaged"))
    with Cache(tmp_path) as cache:
        assert cache.table("t", "1").get("k") == (True, "kept")


def test_a_killed_writer_leaves_no_partial_entry(tmp_path: Path) -> None:
    """A writer killed inside its transaction: none of its entries are read back, the cache works on."""
    with Cache(tmp_path) as cache:
        cache.table("t", "1").put("before", "kept")
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {str(REPO)!r})
        from sitegen.util.cache import Cache, _pack
        cache = Cache({str(tmp_path)!r})
        db = cache._db
        db.execute("BEGIN IMMEDIATE")
        for i in range(1000):
            db.execute("INSERT INTO entries VALUES ('t', '1', ?, ?, 0)", (f"k{{i}}", _pack(i)))
        print("written", flush=True)
        time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "written"
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    with Cache(tmp_path) as cache:
        t = cache.table("t", "1")
        assert t.get_many([f"k{i}" for i in range(1000)]) == {}
        assert t.get("before") == (True, "kept")
        t.put("after", "ok")  # the dead writer's lock is gone
        assert t.get("after") == (True, "ok")


def test_prune_removes_least_recently_used(tmp_path: Path) -> None:
    with Cache(tmp_path) as cache:
        t = cache.table("t", "1")
        t.put_many({f"k{i}": "x" * 1000 for i in range(50)})
        db = cache._db
        assert db is not None
        db.execute("UPDATE entries SET used = CAST(substr(key, 2) AS INTEGER)")  # k0 oldest
        removed = cache.prune(max_bytes=20_000)
        assert removed > 0
        assert cache.size() <= 20_000
        left = t.get_many([f"k{i}" for i in range(50)])
        assert "k49" in left and "k0" not in left


def test_off_by_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITEGEN_CACHE", "off")
    cache = Cache.for_site(tmp_path)
    assert not cache.enabled
    fn, calls = counting(str.upper)
    cache.table("t", "1").map(fn, ["a"], key=lambda x: x)
    cache.table("t", "1").map(fn, ["a"], key=lambda x: x)
    assert calls == ["a", "a"]
    assert not (tmp_path / CACHE_DIR).exists()


def test_cache_folder_ignores_itself_in_git(tmp_path: Path) -> None:
    Cache.for_site(tmp_path).close()
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text().strip().endswith("*")


def test_digest_separates_parts() -> None:
    assert digest("ab", "c") != digest("a", "bc")
    assert digest("雷军") == digest("雷军".encode())


def test_cut_many_matches_cut_and_hits_the_cache(tmp_path: Path) -> None:
    texts = ["小米公司今天发布了新手机", "雷军在直播中回应质疑", "小米公司今天发布了新手机"]
    with Cache(tmp_path) as cache:
        assert cut_many(texts, cache=cache) == [cut(t) for t in texts]
    with Cache(tmp_path) as cache:
        got = cut_many(texts, cache=cache)
        assert got == [cut(t) for t in texts]
        assert cache.count() == 2


def test_cut_many_in_worker_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sitegen.util.segment.PARALLEL_MIN_CHARS", 0)
    texts = [f"第{i}次会议讨论了城市交通问题" for i in range(40)] + [""]
    assert cut_many(texts, workers=2) == [cut(t) if t else [] for t in texts]


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_cached_import_and_build_write_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages and sites made from cache hits are byte-identical to those made without a cache."""
    from sitegen.builder import build
    from sitegen.config import load_config
    from sitegen.importer.run import run_import

    sites = {}
    for name in ("off", "cold", "warm"):
        root = tmp_path / name
        (root / "content" / "dumps").mkdir(parents=True)
        for dump in (REPO / "content" / "dumps").iterdir():
            (root / "content" / "dumps" / dump.name).write_bytes(dump.read_bytes())
        sites[name] = root
    monkeypatch.setenv("SITEGEN_CACHE", "off")
    run_import(load_config(sites["off"]), [])
    build(load_config(sites["off"]))
    monkeypatch.setenv("SITEGEN_CACHE", "on")
    run_import(load_config(sites["cold"]), [])
    build(load_config(sites["cold"]))
    # the warm site reuses the cold site's cache: every cleaned body and rendered body is a hit
    (sites["warm"] / CACHE_DIR).mkdir()
    for f in (sites["cold"] / CACHE_DIR).iterdir():
        (sites["warm"] / CACHE_DIR / f.name).write_bytes(f.read_bytes())

    def must_not_run(*args: object) -> None:
        raise AssertionError("computed although the cache holds it")

    with monkeypatch.context() as m:
        m.setattr("sitegen.importer.sources.clean_body", must_not_run)
        m.setattr("sitegen.builder.render.quotes.body_with_anchors", must_not_run)
        run_import(load_config(sites["warm"]), [])
        result = build(load_config(sites["warm"]))
    with Cache(sites["warm"] / CACHE_DIR) as cache:
        assert cache.count() > 0
    expected_content, expected_public = _tree(sites["off"] / "content"), _tree(sites["off"] / "public")
    assert len(expected_public) == len(result.files)
    for name in ("cold", "warm"):
        assert _tree(sites[name] / "content") == expected_content, name
        assert _tree(sites[name] / "public") == expected_public, name
