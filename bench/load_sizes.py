"""Odd sizes through `sitegen import` (and `build`): time and peak memory of the whole command.

* ``big``: a dump of ``--megabytes`` (default 100) made of ``--unique`` distinct articles
  (default 2,000: real headlines and sentences with shifted dates), repeated in order until the
  file is that large, as merged search results repeat articles.  The parser streams and import
  keeps one copy of each article, so peak memory follows the articles, not the file.
* ``line``: one record whose body is a single line of ``--line-megabytes`` (default 1) of dated
  Chinese sentences, and one of English; this found three quadratic steps (paragraph split,
  candidate search, year lookup).
* ``shapes``: bodies of 100,000 and 400,000 characters of one hostile shape each (a run of
  characters jieba's dictionary makes no word of, dates without a break, an English paragraph
  without full stops, ellipses), and a 2 MB line: import time and the ratio of the two sizes
  (issue 19: at most 4.5x, and the 2 MB line imported or reported within seconds).

Each case runs ``python -m sitegen import`` and ``build`` in a child process; peak RSS is the
child's ``ru_maxrss``.  Usage::

    python bench/load_sizes.py                 # both cases, 100 MB and 1 MB
    python bench/load_sizes.py big --megabytes 20 --unique 10000
    python bench/load_sizes.py line
    python bench/load_sizes.py shapes
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.harden import load_corpus  # noqa: E402

HEADER = "Workflow\n火灾\nicon\nSearch documents\n"


PEAK = (
    "import atexit, resource, runpy, sys\n"
    "atexit.register(lambda: print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr))\n"
    "sys.argv = ['sitegen', *sys.argv[1:]]\n"
    "runpy.run_module('sitegen', run_name='__main__')\n"
)


def run(site: Path, *args: str) -> tuple[float, int, str]:
    """Seconds, peak RSS in MB, and the last line of output of one sitegen command."""
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", PEAK, "--site", str(site), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        raise SystemExit(f"sitegen {args[0]} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    peak = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("PEAK_KB"))
    last = (proc.stdout.strip().splitlines() or [""])[-1]
    return seconds, peak // 1024, last


def new_site(tmp: Path, name: str) -> Path:
    site = tmp / name
    (site / "content").mkdir(parents=True)
    (site / "content" / "site.toml").write_text('timezone = "Asia/Shanghai"\n', encoding="utf-8")
    return site


def big_dump(path: Path, megabytes: int, unique: int, seed: int) -> int:
    corpus = load_corpus()
    rng = random.Random(seed)
    start = datetime(2025, 1, 1, 8, 0)
    articles = []
    for i in range(unique):
        when = start + timedelta(minutes=rng.randrange(60 * 24 * 365))
        title = f"{rng.choice(corpus.headlines)}（{i}）"
        body = " ".join(rng.choice(corpus.sentences) for _ in range(rng.randrange(1, 5)))
        articles.append(f"{title}\n{rng.choice(corpus.outlets)}· {when:%Y-%m-%d %H:%M}\n{body}\n")
    size = megabytes * 1024 * 1024
    encoded = [a.encode("utf-8") for a in articles]
    with open(path, "wb") as fh:
        written = fh.write(HEADER.encode("utf-8"))
        while written < size:
            for data in encoded:
                written += fh.write(data)
                if written >= size:
                    break
    return path.stat().st_size


def case_big(tmp: Path, args: argparse.Namespace) -> None:
    path = tmp / "big.txt"
    size = big_dump(path, args.megabytes, args.unique, args.seed)
    site = new_site(tmp, "big")
    print(f"big dump: {size / 1e6:.0f} MB, {args.unique} distinct articles repeated")
    for command in ("import", "build"):
        extra = [str(path), "-q"] if command == "import" else ["-q"]
        seconds, peak, last = run(site, command, *extra)
        print(f"  {command:6}: {seconds:7.1f} s  peak RSS {peak:5d} MB  {last[:160]}")


def case_line(tmp: Path, args: argparse.Namespace) -> None:
    chars = int(args.line_megabytes * 1024 * 1024 / 3)
    bodies = {
        "zh": ("甲市化工厂3月1日晚起火，消防部门连夜扑救。" * (chars // 21 + 1))[:chars],
        "en": ("The plant fire was put out by midnight, officials said on Saturday. " * (chars // 20))[
            : chars * 3
        ],
    }
    for lang, body in bodies.items():
        path = tmp / f"line-{lang}.txt"
        path.write_text(
            f"{HEADER}一行很长的正文 {lang}\nXin Hua She· 2025-03-02 08:15\n{body}\n", encoding="utf-8"
        )
        site = new_site(tmp, f"line-{lang}")
        print(f"one body line of {path.stat().st_size / 1e6:.1f} MB ({lang})")
        for command in ("import", "build"):
            extra = [str(path), "-q"] if command == "import" else ["-q"]
            seconds, peak, last = run(site, command, *extra)
            print(f"  {command:6}: {seconds:7.1f} s  peak RSS {peak:5d} MB  {last[:160]}")


def unknown_run(n: int) -> str:
    """Characters of jieba's Han range that its dictionary makes no word of (its HMM was quadratic)."""
    rng = random.Random(1)
    return "".join(chr(rng.randint(0x9FA6, 0x9FD5)) for _ in range(n))


SHAPES = {
    "one run unknown to jieba": unknown_run,
    "dates without a break": lambda n: ("2025年3月1日" * (n // 10 + 1))[:n],
    "English without full stops": lambda n: ("the plant fire on March 1 burned all night and " * (n // 40))[
        :n
    ],
    "ellipses": lambda n: "火灾" + "…" * n,
}


def case_shapes(tmp: Path, args: argparse.Namespace) -> None:
    for name, body_of in SHAPES.items():
        seconds = []
        for n in (100_000, 400_000):
            path = tmp / f"shape-{n}.txt"
            path.write_text(
                f"{HEADER}一行很长的正文\nXin Hua She· 2025-03-02 08:15\n{body_of(n)}\n", encoding="utf-8"
            )
            took, _peak, _last = run(
                new_site(tmp, f"shape-{len(seconds)}-{name[:3]}"), "import", str(path), "-q"
            )
            seconds.append(took)
        print(
            f"{name:28} 100,000: {seconds[0]:5.1f} s  400,000: {seconds[1]:5.1f} s  ratio {seconds[1] / seconds[0]:.2f}"
        )
    path = tmp / "two-mb.txt"
    path.write_text(
        f"{HEADER}一行很长的正文\nXin Hua She· 2025-03-02 08:15\n{unknown_run(700_000)}\n", encoding="utf-8"
    )
    took, peak, last = run(new_site(tmp, "two-mb"), "import", str(path))
    print(f"a {path.stat().st_size / 1e6:.1f} MB line: {took:.1f} s, peak RSS {peak} MB  {last[:100]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("case", nargs="?", choices=("big", "line", "shapes", "all"), default="all")
    parser.add_argument("--megabytes", type=int, default=100)
    parser.add_argument("--unique", type=int, default=2000)
    parser.add_argument("--line-megabytes", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="load-sizes-") as tmp:
        if args.case in ("line", "all"):
            case_line(Path(tmp), args)
        if args.case in ("shapes", "all"):
            case_shapes(Path(tmp), args)
        if args.case in ("big", "all"):
            case_big(Path(tmp), args)


if __name__ == "__main__":
    main()
