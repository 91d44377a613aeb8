"""Where one `sitegen import` spends its time, stage by stage, against jieba alone.

    python bench/import_speed.py --records 10000            # a fresh site, empty cache
    python bench/import_speed.py --records 10000 --again    # then the re-import (warm cache)
    python bench/import_speed.py --records 10000 --no-repeats
    python bench/import_speed.py --dense --records 2000,4000  # breaking story; 2N/N

``--dense`` imports `gen_dense`'s breaking story (a few dozen happenings within three
weeks, told by many outlets in zh and en: every dated sentence has many rivals of
its period).  Several sizes (``--records 2000,4000``) run one after the other in
this process's run, each on a fresh site, and print cost(2N)/cost(N) for every size
that is twice another, besides each size's ratio to jieba alone on the same dump.

Runs the import in this process (so the stages can be timed: CPU seconds per
progress stage, from `sitegen.util.progress`, this process only), then jieba alone
on the same bodies in a child process.  The import's CPU seconds include the child
it forks (half the dated sentences); on a shared machine they are the steadier
figure, wall seconds move with the other processes' load.  ``--no-repeats`` turns off the shortcuts that only pay when
text recurs: each distinct jieba block is cut once (off), each distinct headline
turned into pinyin once (every headline made unique).  The generated dumps are
built from templates, so nearly every clause recurs (99% of their Chinese
characters; the seed dump: 29%), which flatters those shortcuts.
``--cache off`` is ``SITEGEN_CACHE=off``.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import gen_dump  # noqa: E402
from run import JIEBA_ALONE  # noqa: E402

from sitegen.cli import main as cli  # noqa: E402
from sitegen.util import progress, segment  # noqa: E402


def timed_stages() -> dict[str, float]:
    """CPU seconds per progress stage of the imports run after this call."""
    spent: dict[str, float] = {}
    real = progress.Progress.stage

    @contextlib.contextmanager
    def stage(self, label, total=None):
        started = time.process_time()
        with real(self, label, total) as advance:
            yield advance
        spent[label] = spent.get(label, 0.0) + time.process_time() - started

    progress.Progress.stage = stage
    return spent


def _cpu() -> float:
    """CPU seconds of this process and of the children it has waited for (the import forks one
    to find half the dated sentences: its CPU counts too)."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def no_repeats(dump: Path) -> None:
    """Defeat the shortcuts for recurring text: no block memo, and every headline made unique."""
    segment.MEMO_BLOCKS = 0
    lines = dump.read_text(encoding="utf-8").split("\n")
    for n, i in enumerate(range(4, len(lines) - 2, 3)):  # headline, outlet and time, body
        lines[i] += f"（{n}）"
    dump.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", "-n", default="1000", help="dump size, or comma-separated sizes")
    ap.add_argument("--dense", action="store_true", help="the breaking-story dump (bench/gen_dense.py)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=HERE / "out" / "import-speed")
    ap.add_argument("--again", action="store_true", help="also time a re-import with nothing changed")
    ap.add_argument("--no-repeats", action="store_true", help="turn off the shortcuts for recurring text")
    ap.add_argument("--cache", choices=("on", "off"), default="on")
    args = ap.parse_args()
    os.environ["SITEGEN_CACHE"] = args.cache
    sizes = [int(n) for n in args.records.split(",")]
    spent = timed_stages()
    costs = {n: bench_size(n, args, spent) for n in sizes}
    for n in sizes:
        if 2 * n in costs:
            (cpu, wall), (cpu2, wall2) = costs[n], costs[2 * n]
            print(f"cost({2 * n})/cost({n}): {cpu2 / cpu:.2f} CPU, {wall2 / wall:.2f} wall")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS {peak:.0f} MB")


def bench_size(n: int, args: argparse.Namespace, spent: dict[str, float]) -> tuple[float, float]:
    """Import (and re-import) a fresh ``n``-record dump, then jieba alone on it; the import's CPU
    and wall seconds (on a shared machine CPU seconds are the steadier figure)."""
    work = args.work / str(n)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    dump = gen_dump.write_dump(work / "dump.txt", n, args.seed, dense=args.dense)
    if args.no_repeats:
        no_repeats(dump)
    site = work / "site"
    (site / "content").mkdir(parents=True)
    runs = ["import"] + (["re-import"] if args.again else [])
    walls: dict[str, tuple[float, float]] = {}
    for name in runs:
        spent.clear()
        cpu, wall = _cpu(), time.perf_counter()
        with (
            open(os.devnull, "w") as quiet,
            contextlib.redirect_stdout(quiet),
            contextlib.redirect_stderr(quiet),
            contextlib.suppress(SystemExit),
        ):
            cli(["--site", str(site), "import", "-q", *([str(dump)] if name == "import" else [])])
        cpu, wall = _cpu() - cpu, time.perf_counter() - wall
        walls[name] = cpu, wall
        stages = ", ".join(f"{label} {s:.1f}" for label, s in spent.items())
        load = " ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"{n} {name}: {cpu:.1f} s CPU, {wall:.1f} s wall ({stages}); load {load}", flush=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", JIEBA_ALONE, str(dump)], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    jieba_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    jieba_wall = time.perf_counter() - started
    print(
        f"{n} jieba alone: {jieba_cpu:.1f} s CPU, {jieba_wall:.1f} s wall;"
        f" import/jieba alone {walls['import'][0] / jieba_cpu:.2f} CPU, {walls['import'][1] / jieba_wall:.2f} wall",
        flush=True,
    )
    return walls["import"]


if __name__ == "__main__":
    main()
