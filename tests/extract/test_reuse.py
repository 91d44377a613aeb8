"""A re-import with nothing changed reuses the last extraction (`sitegen.extract.reuse`).

It must be the same extraction in every respect, and any change to what
extraction reads must make it run again.
"""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from sitegen.cli import main
from sitegen.config import load_config
from sitegen.core.dates import When
from sitegen.core.model import Citation, Event
from sitegen.core.sitedata import load_site_data
from sitegen.errors import Problem
from sitegen.extract import Extraction, reuse
from sitegen.extract.temporal import find as temporal
from sitegen.importer.ledger import Ledger
from sitegen.importer.run import run_import
from sitegen.importer.sources import make_sources
from sitegen.util import segment
from sitegen.util.cache import CACHE_DIR, Cache

from ..conftest import REPO

SEED_DUMPS = sorted((REPO / "content" / "dumps").glob("*.txt")) + sorted(
    (REPO / "tests" / "support" / "dumps").glob("*.txt")
)


def _cli(site: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--site", str(site), *args], catch_exceptions=False)
    return re.sub(r"\(\d+\.\d+s\)$", "", result.output.strip())  # the summary's run time


def _site(tmp_path: Path, name: str) -> Path:
    root = tmp_path / name
    (root / "content" / "dumps").mkdir(parents=True)
    for dump in SEED_DUMPS:
        shutil.copy(dump, root / "content" / "dumps" / dump.name)
    return root


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_a_reimport_reuses_the_extraction_and_reports_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain, fast = _site(tmp_path, "plain"), _site(tmp_path, "fast")
    monkeypatch.setenv("SITEGEN_CACHE", "off")
    _cli(plain, "import")
    expected = _cli(plain, "import")  # (`--explain` is a dry run, which keeps no cache)
    monkeypatch.setenv("SITEGEN_CACHE", "on")
    first = _cli(fast, "import")
    assert "unchanged" in expected and first != expected  # the first run created the pages

    def must_not_run(*args: object) -> None:
        raise AssertionError("extracted again although nothing changed")

    with monkeypatch.context() as m:
        m.setattr("sitegen.extract.run.extract_events", must_not_run)
        again = _cli(fast, "import")
    assert again == expected
    assert _tree(fast / "content") == _tree(plain / "content")


def _inputs(tmp_path: Path):
    root = _site(tmp_path, "site")
    config = load_config(root)
    data = load_site_data(config)
    from sitegen.ingest.dump import Dump, iter_records

    records = [r for p in SEED_DUMPS for r in iter_records(Dump(p), config.tz)]
    sources = make_sources(records, data, config, Ledger.load(root / "content"))
    return sources, config, data


def test_the_key_changes_with_anything_extraction_reads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources, config, data = _inputs(tmp_path)
    base = reuse.key(sources, config, data)
    assert reuse.key(sources, config, data) == base  # stable
    changed = [
        [dataclasses.replace(sources[0], body=sources[0].body + "。"), *sources[1:]],
        [
            dataclasses.replace(sources[0], published=sources[0].published + timedelta(minutes=1)),
            *sources[1:],
        ],
        [dataclasses.replace(sources[0], lang="en" if sources[0].lang == "zh" else "zh"), *sources[1:]],
        [dataclasses.replace(sources[0], keyword="别的"), *sources[1:]],
        [dataclasses.replace(sources[0], outlet_name="另一家"), *sources[1:]],
        sources[::-1],
        sources[1:],
    ]
    for other in changed:
        assert reuse.key(other, config, data) != base
    assert reuse.key(sources, dataclasses.replace(config, extra={"min_content_words": 9}), data) != base
    assert reuse.key(sources, dataclasses.replace(config, timezone="UTC"), data) != base
    assert reuse.key(sources, config, dataclasses.replace(data, people={"王立新": ["王总"]})) != base
    assert reuse.key(sources, config, dataclasses.replace(data, stopwords={"记者"})) != base
    with monkeypatch.context() as m:
        m.setattr(temporal, "STRICT", not temporal.STRICT)
        assert reuse.key(sources, config, data) != base
    with monkeypatch.context() as m:
        m.setattr(segment, "_changes", [*segment._changes, ("word", "铱铼锇钌", "", "nt")])
        assert reuse.key(sources, config, data) != base


def test_the_code_version_covers_every_file_of_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    version = reuse.code_version()
    reuse.code_version.cache_clear()
    real = Path.read_bytes

    def one_byte_more(path: Path) -> bytes:
        data = real(path)
        return data + b" " if path.name == "surnames.txt" else data  # package data, not code

    monkeypatch.setattr(Path, "read_bytes", one_byte_more)
    try:
        assert reuse.code_version() != version
    finally:
        reuse.code_version.cache_clear()
    monkeypatch.undo()
    assert reuse.code_version() == version


def _zoned_extraction() -> Extraction:
    ny = ZoneInfo("America/New_York")
    cases = [
        When(datetime(2024, 5, 17, tzinfo=ZoneInfo("Asia/Shanghai")), "day"),
        When(datetime(2024, 11, 3, 1, 30, fold=1, tzinfo=ny), "minute", approximate=True),
        When(
            datetime(2009, 1, 1, tzinfo=timezone(timedelta(hours=-5))),
            "year",
            datetime(2011, 1, 1, tzinfo=ny),
        ),
        When(datetime(2024, 5, 17, 20, tzinfo=UTC), "part-of-day", part_of_day="evening"),
    ]
    events = [
        Event(
            f"e{i}",
            f"标题{i}",
            w,
            [Citation("s1", "引语“一”"), Citation("s2", "quote\nline")],
            ["王立新"],
            ["火灾"],
        )
        for i, w in enumerate(cases)
    ]
    events[0].note = "注意"
    return Extraction(
        events=events,
        off_topic={"s3", "s4"},
        explain={"e0": ["date: …", "    s1 (X): “引语”"]},
        problems=[
            Problem("content/sources/s3.md", None, "marked off topic", "warning"),
            Problem(Path("x.md"), 3, "m"),
        ],
        notes=["s5: dropped"],
    )


def test_an_extraction_is_kept_exactly_time_zones_included() -> None:
    out = _zoned_extraction()
    value = json.loads(json.dumps(reuse.encode(out), ensure_ascii=False))
    back = reuse.decode(value)
    assert reuse.same(back, out)
    for a, b in zip(back.events, out.events, strict=True):
        assert a.when.start.tzinfo == b.when.start.tzinfo and a.when.start.fold == b.when.start.fold
        assert a.when.iso() == b.when.iso() and a.when.label("en") == b.when.label("en")
    shifted = reuse.decode(value)
    first = shifted.events[0]
    start = first.when.start.astimezone(UTC)
    shifted.events[0] = dataclasses.replace(first, when=dataclasses.replace(first.when, start=start))
    assert shifted == out and not reuse.same(shifted, out)  # the same instant, another zone: not kept


def test_a_value_it_cannot_write_down_is_not_kept(tmp_path: Path) -> None:
    out = _zoned_extraction()
    odd = dataclasses.replace(out.events[0].when, start=datetime(2024, 5, 17, tzinfo=_OddZone()))
    out.events[0] = dataclasses.replace(out.events[0], when=odd)
    with pytest.raises(reuse.Unkept):
        reuse.encode(out)


class _OddZone(timezone.__base__):  # a tzinfo that is neither a ZoneInfo nor a fixed offset
    def utcoffset(self, dt):
        return timedelta(hours=8)

    def dst(self, dt):
        return timedelta(0)

    def tzname(self, dt):
        return "odd"


def test_a_damaged_entry_is_extracted_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = _site(tmp_path, "site")
    monkeypatch.setenv("SITEGEN_CACHE", "on")
    run_import(load_config(root), [])
    expected = _tree(root / "content")
    with Cache(root / CACHE_DIR) as cache:
        table = cache.table("extraction", reuse.code_version())
        (key,) = [k for (k,) in cache._db.execute("SELECT key FROM entries WHERE table_name = 'extraction'")]
        table.put(key, {"events": [{"id": 1}]})  # readable JSON, not an extraction
    ran = []
    real = reuse.encode
    monkeypatch.setattr(reuse, "encode", lambda out: ran.append(1) or real(out))
    run_import(load_config(root), [])
    assert ran  # computed (and kept) again
    assert _tree(root / "content") == expected
