"""Which part of import and build grows faster than its input on a dense story (issue 24).

    python bench/stage_costs.py --records 1000,2000 [--top 40] [--no-build]

Each size's `gen_dense` dump is imported into a fresh site and the site built, in this process,
under `cProfile` timed by CPU seconds (`time.process_time`: the machine is shared, wall seconds
move with the others' load).  For every function whose cumulative CPU at the largest size is
a noticeable share of the whole, it prints cost(2N)/cost(N): a stage linear in its input reads
about 2; anything above ~2.3 is worth a look.  Whole-run CPU seconds include the children the
import waits for (`resource.getrusage`), which the profile cannot see.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import itertools
import os
import pstats
import resource
import shutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import gen_dump  # noqa: E402

from sitegen.cli import main as cli  # noqa: E402


def _cpu() -> float:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_size(n: int, work: Path, seed: int, build: bool) -> tuple[dict[str, float], dict[str, float]]:
    """(CPU seconds per command incl. children, cumulative CPU seconds per profiled function);
    the profile is kept in ``work/N/profile`` (read it with `pstats`: call counts tell a
    function called more often than the input grows from one slower per call)."""
    work = work / str(n)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    dump = gen_dump.write_dump(work / "dump.txt", n, seed, dense=True)
    site = work / "site"
    (site / "content").mkdir(parents=True)
    prof = cProfile.Profile(time.process_time)
    totals: dict[str, float] = {}
    commands = [["import", "-q", str(dump)]] + ([["build"]] if build else [])
    for args in commands:
        started = _cpu()
        with (
            open(os.devnull, "w") as quiet,
            contextlib.redirect_stdout(quiet),
            contextlib.redirect_stderr(quiet),
            contextlib.suppress(SystemExit),
        ):
            prof.runcall(cli, ["--site", str(site), *args])
        totals[args[0]] = _cpu() - started
    prof.dump_stats(work / "profile")
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    cum: dict[str, float] = {}
    for (path, line, name), (_cc, _nc, _tt, ct, _callers) in stats.items():
        if "sitegen" in path or name.startswith("<built-in"):
            key = f"{Path(path).parent.name}/{Path(path).name}:{line}:{name}"
            cum[key] = cum.get(key, 0.0) + ct
    return totals, cum


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", default="1000,2000", help="comma-separated sizes (each twice the last)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--top", type=int, default=40, help="how many functions to show")
    ap.add_argument("--share", type=float, default=0.01, help="smallest share of the whole to show")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--work", type=Path, default=HERE / "out" / "stage-costs")
    args = ap.parse_args()
    sizes = [int(s) for s in args.records.split(",")]
    runs = {n: run_size(n, args.work, args.seed, not args.no_build) for n in sizes}
    for n in sizes:
        totals = ", ".join(f"{k} {v:.1f} s" for k, v in runs[n][0].items())
        print(f"{n} records: {totals} CPU (incl. children)")
    for small, big in itertools.pairwise(sizes):
        (t1, c1), (t2, c2) = runs[small], runs[big]
        print(f"\ncost({big})/cost({small}):")
        for k in t1:
            print(f"  {k}: {t2[k] / t1[k]:.2f}")
        whole = sum(t2.values())
        shown = sorted((k for k in c2 if c2[k] >= args.share * whole and c1.get(k)), key=lambda k: -c2[k])
        for k in shown[: args.top]:
            print(f"  {c2[k] / c1[k]:5.2f}  {c1[k]:7.2f} s -> {c2[k]:7.2f} s  {k}")


if __name__ == "__main__":
    main()
