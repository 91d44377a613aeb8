"""Generated dumps through every stage: parser, cleaner, temporal normaliser, extractor, import,
build.  Nothing raises, no line of a dump vanishes unannounced, import never writes a page that
`sitegen check` rejects, every quote is verbatim, re-import changes nothing, and the built site
links only to http(s) and its own pages.

A bounded run (hypothesis, derandomised in CI); `bench/fuzz_long.py` runs the same generator
over 10,000+ dumps.
"""

from __future__ import annotations

import functools
import random
import tempfile
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.config import load_config
from sitegen.core.dates import PRECISIONS
from sitegen.extract.temporal.find import find_times
from sitegen.ingest.dump import read_dump

from .support.harden import Corpus, load_corpus, pipeline_problems, random_dump, unaccounted_lines
from .support.harden import _mutate as mutate

TZ = ZoneInfo("Asia/Shanghai")
SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large]


@functools.lru_cache(maxsize=1)
def _corpus() -> Corpus:
    """Read once: hypothesis tests cannot take module-scoped fixtures."""
    return load_corpus()


@settings(max_examples=300, deadline=None, suppress_health_check=SLOW)
@given(rng=st.randoms(use_true_random=False))
def test_the_parser_accounts_for_every_line(rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "d.txt"
        path.write_bytes(random_dump(rng, _corpus()))
        dump = read_dump(path, TZ)
        lines = path.read_bytes().count(b"\n") + 1
        for p in dump.problems:
            assert p.message and (p.line is None or 1 <= p.line <= lines), p
        assert unaccounted_lines(dump) == []


@settings(max_examples=300, deadline=None, suppress_health_check=SLOW)
@given(rng=st.randoms(use_true_random=False), day=st.integers(0, 20_000))
def test_the_temporal_normaliser_reads_mutated_news_sentences(rng: random.Random, day: int) -> None:
    corpus = _corpus()
    text = " ".join(mutate(rng, rng.choice(corpus.sentences), corpus) for _ in range(rng.randrange(1, 4)))
    published = datetime.fromordinal(730_000 + day).replace(hour=rng.randrange(24), tzinfo=TZ)
    last_end = 0
    for m in find_times(text, published, lang=rng.choice(["zh", "en", None])):
        assert text[m.start : m.end] == m.text and m.start >= last_end
        last_end = m.end
        if m.when is not None:
            assert m.when.precision in PRECISIONS


@settings(max_examples=25, deadline=None, suppress_health_check=SLOW)
@given(rng=st.randoms(use_true_random=False))
def test_generated_dumps_through_import_and_build(rng: random.Random) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        (root / "content").mkdir(parents=True)
        (root / "content" / "site.toml").write_text('timezone = "Asia/Shanghai"\n', encoding="utf-8")
        dumps = []
        for i in range(rng.randrange(1, 3)):
            path = Path(tmp) / f"dump-{i}.txt"
            path.write_bytes(random_dump(rng, _corpus()))
            dumps.append(path)
        problems, _stats = pipeline_problems(load_config(root), dumps)
        assert problems == []
