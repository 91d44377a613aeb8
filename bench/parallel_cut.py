"""Does segmenting over several processes pay on this machine?  (`sitegen.util.segment.cut_many`)

    python bench/parallel_cut.py --records 10000 --repeats 3

Segments every body of a generated dump with one process and with a forked
pool (jieba loaded before the fork), alternating, and prints wall and CPU
time of each.  Each measurement runs in a fresh child process so caches and the page cache
treat both the same.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import gen_dump  # noqa: E402

CHILD = """
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from zoneinfo import ZoneInfo
from sitegen.util import segment
from sitegen.ingest.dump import read_dump
bodies = [r.body for r in read_dump(sys.argv[2], ZoneInfo("Asia/Shanghai")).records]
workers = int(sys.argv[3])
segment.PARALLEL_MIN_CHARS = 0
segment.jieba()
t0, c0 = time.perf_counter(), os.times()
out = segment.cut_many(bodies, workers=workers)
t1, c1 = time.perf_counter(), os.times()
cpu = (c1.user - c0.user) + (c1.system - c0.system) + (c1.children_user - c0.children_user)
cpu += c1.children_system - c0.children_system
print(json.dumps({"wall": t1 - t0, "cpu": cpu, "chars": sum(map(len, bodies)), "texts": len(out)}))
"""


def run(dump: Path, workers: int) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(REPO), str(dump), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=10000)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=HERE / "out" / "work")
    args = ap.parse_args()
    dump = gen_dump.write_dump(args.work / f"parallel-{args.records}.txt", args.records, args.seed)
    results: dict[int, list[dict]] = {1: [], 2: []}
    for _ in range(args.repeats):
        for workers in (1, 2):
            r = run(dump, workers)
            results[workers].append(r)
            print(f"workers={workers}: wall {r['wall']:.2f}s, cpu {r['cpu']:.2f}s", flush=True)
    chars = results[1][0]["chars"]
    print(f"\n{args.records} bodies, {chars:,} characters; medians of {args.repeats}")
    print("| processes | wall s | CPU s | k chars/s (wall) |")
    print("|---|---|---|---|")
    for workers, rs in results.items():
        wall = statistics.median(r["wall"] for r in rs)
        cpu = statistics.median(r["cpu"] for r in rs)
        print(f"| {workers} | {wall:.2f} | {cpu:.2f} | {chars / wall / 1000:.0f} |")


if __name__ == "__main__":
    main()
