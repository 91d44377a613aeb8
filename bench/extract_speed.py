"""How long extraction takes on a large dump, against jieba segmenting the same text once.

Builds N sources by repeating the seed dump and the invented test dumps with
shifted publication days (so dates and blocks vary), runs `sitegen.extract.extract`
and prints the time next to the time of one ``jieba.lcut`` over all bodies.
Usage: python bench/extract_speed.py [N]   (default 2000)
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.config import load_config  # noqa: E402
from sitegen.core.sitedata import load_site_data  # noqa: E402
from sitegen.extract import extract  # noqa: E402
from sitegen.importer.ledger import Ledger  # noqa: E402
from sitegen.importer.run import make_sources  # noqa: E402
from sitegen.ingest.dump import Dump, iter_records  # noqa: E402
from sitegen.util.segment import jieba  # noqa: E402


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    config = load_config(ROOT)
    data = load_site_data(config)
    dumps = [ROOT / "content" / "dumps" / "000_60cb932911076600.txt"]
    dumps += sorted((ROOT / "tests" / "support" / "dumps").glob("*.txt"))
    records = [r for p in dumps for r in iter_records(Dump(p), config.tz)]
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger.load(Path(tmp))
        base = make_sources(records, data, config, ledger)
    sources = []
    for i in range(n):
        s = base[i % len(base)]
        shift = timedelta(days=7 * (i // len(base)))
        sources.append(replace(s, id=f"{s.id}-{i}", published=s.published + shift))
    chars = sum(len(s.text) for s in sources)
    jieba()
    t = time.perf_counter()
    for s in sources:
        jieba().lcut(s.text)
    seg = time.perf_counter() - t
    profile = cProfile.Profile() if "--profile" in sys.argv else None
    t = time.perf_counter()
    if profile:
        profile.enable()
    out = extract(sources, config, data)
    if profile:
        profile.disable()
    took = time.perf_counter() - t
    print(
        f"{n} sources, {chars / 1e6:.2f} M chars: jieba lcut {seg:.1f}s ({chars / seg / 1e3:.0f} k chars/s);"
    )
    print(f"extract {took:.1f}s ({took / seg:.1f}x segmentation), {len(out.events)} events")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
