"""The long fuzz run: generated dumps through the whole pipeline, import -> build.

Each iteration writes one to three dumps from the generator in ``tests/harden_helpers.py``
(real headlines and sentences, mutated: date words, naughty strings, random characters,
spaces inside words, bad dates, missing and extra lines, headers mid-file, UTF-8/BOM/GB18030/
UTF-16, CRLF, truncation, binary bytes), imports them into a fresh site, builds it, and checks
what `tests/test_harden_fuzz.py` checks: no exception, no dump line lost unannounced, no page
that `sitegen check` rejects, re-import changes nothing, only http(s) and own links.

Every failure is saved (dumps + traceback or broken promise) under ``--out`` to replay.
Usage::

    python bench/fuzz_long.py --count 10000 --seconds 7200 --seed 1 --out /tmp/fuzz-long
    python bench/fuzz_long.py --replay /tmp/fuzz-long/failure-0042   # one saved case again

Prints progress every 500 dumps and a summary (counts of dumps, records, problems, pages,
failures by kind) at the end; exit code 1 if anything failed.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.config import load_config  # noqa: E402
from tests.support.harden import load_corpus, pipeline_problems, random_dump  # noqa: E402


def one_case(workdir: Path, dumps: list[bytes]) -> tuple[list[str], dict[str, int]]:
    if workdir.exists():
        shutil.rmtree(workdir)
    (workdir / "site" / "content").mkdir(parents=True)
    (workdir / "site" / "content" / "site.toml").write_text('timezone = "Asia/Shanghai"\n', encoding="utf-8")
    paths = []
    for i, data in enumerate(dumps):
        path = workdir / f"dump-{i}.txt"
        path.write_bytes(data)
        paths.append(path)
    try:
        return pipeline_problems(load_config(workdir / "site"), paths)
    except Exception:  # an uncaught exception is what we are looking for
        return [f"exception: {traceback.format_exc()}"], {}


def save(out: Path, n: int, dumps: list[bytes], problems: list[str]) -> Path:
    case = out / f"failure-{n:04d}"
    case.mkdir(parents=True, exist_ok=True)
    for i, data in enumerate(dumps):
        (case / f"dump-{i}.txt").write_bytes(data)
    (case / "problems.txt").write_text("\n".join(problems) + "\n", encoding="utf-8")
    return case


def kind(problem: str) -> str:
    return problem.split(":")[0] if problem.startswith("exception") else problem.split(":")[0][:60]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=4 * 3600, help="stop after this long")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "sitegen-fuzz-long")
    parser.add_argument("--replay", type=Path, help="a saved failure folder: run its dumps again")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="fuzz-long-"))
    if args.replay:
        dumps = [p.read_bytes() for p in sorted(args.replay.glob("dump-*.txt"))]
        problems, stats = one_case(work / "case", dumps)
        print("\n".join(problems) or "no problem", stats)
        return 1 if problems else 0

    corpus = load_corpus()
    rng = random.Random(args.seed)
    totals: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    started = time.monotonic()
    done = 0
    for n in range(args.count):
        if time.monotonic() - started > args.seconds:
            break
        dumps = [random_dump(rng, corpus) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
        problems, stats = one_case(work / "case", dumps)
        totals.update(stats)
        done += 1
        if problems:
            for p in problems:
                failures[kind(p)] += 1
            case = save(args.out, n, dumps, problems)
            print(f"[{n}] FAILED ({case}): {problems[0][:300]}", flush=True)
        if done % 500 == 0:
            rate = done / (time.monotonic() - started)
            print(f"{done} iterations, {totals['dumps']} dumps, {sum(failures.values())} failures, "
                  f"{rate:.1f}/s", flush=True)  # fmt: skip
    shutil.rmtree(work, ignore_errors=True)
    elapsed = time.monotonic() - started
    print(f"\nseed {args.seed}: {done} iterations in {elapsed / 60:.1f} min")
    for key in ("dumps", "records", "skipped", "problems", "sources", "events", "pages", "links"):
        print(f"  {key:>9}: {totals[key]}")
    print(f"  failures: {sum(failures.values())}")
    for what, count in failures.most_common():
        print(f"    {count:6d}  {what}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
