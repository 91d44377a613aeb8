"""Where one `sitegen import` spends its time, stage by stage, against jieba alone.

    python bench/import_speed.py --records 10000            # a fresh site, empty cache
    python bench/import_speed.py --records 10000 --again    # then the re-import (warm cache)
    python bench/import_speed.py --records 10000 --no-repeats

Runs the import in this process (so the stages can be timed: CPU seconds per
progress stage, from `sitegen.util.progress`), then jieba alone on the same bodies
in a child process.  ``--no-repeats`` turns off the shortcuts that only pay when
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


def no_repeats(dump: Path) -> None:
    """Defeat the shortcuts for recurring text: no block memo, and every headline made unique."""
    segment.MEMO_BLOCKS = 0
    lines = dump.read_text(encoding="utf-8").split("\n")
    for n, i in enumerate(range(4, len(lines) - 2, 3)):  # headline, outlet and time, body
        lines[i] += f"（{n}）"
    dump.write_text("\n".join(lines), encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", "-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", type=Path, default=HERE / "out" / "import-speed")
    ap.add_argument("--again", action="store_true", help="also time a re-import with nothing changed")
    ap.add_argument("--no-repeats", action="store_true", help="turn off the shortcuts for recurring text")
    ap.add_argument("--cache", choices=("on", "off"), default="on")
    args = ap.parse_args()
    os.environ["SITEGEN_CACHE"] = args.cache
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    dump = gen_dump.write_dump(args.work / "dump.txt", args.records, args.seed)
    if args.no_repeats:
        no_repeats(dump)
    site = args.work / "site"
    (site / "content").mkdir(parents=True)
    spent = timed_stages()
    runs = ["import"] + (["re-import"] if args.again else [])
    for name in runs:
        spent.clear()
        cpu, wall = time.process_time(), time.perf_counter()
        with (
            open(os.devnull, "w") as quiet,
            contextlib.redirect_stdout(quiet),
            contextlib.redirect_stderr(quiet),
            contextlib.suppress(SystemExit),
        ):
            cli(["--site", str(site), "import", "-q", *([str(dump)] if name == "import" else [])])
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
        stages = ", ".join(f"{label} {s:.1f}" for label, s in spent.items())
        print(f"{name}: {cpu:.1f} s CPU, {wall:.1f} s wall ({stages})", flush=True)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", JIEBA_ALONE, str(dump)], check=True, stdout=subprocess.DEVNULL)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    jieba_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(
        f"jieba alone: {jieba_cpu:.1f} s CPU, {time.perf_counter() - started:.1f} s wall; peak RSS {peak:.0f} MB"
    )


if __name__ == "__main__":
    main()
