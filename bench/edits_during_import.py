"""Edits lost while an import runs, and two imports at once: the newsroom trials of issue 21.

``edits``: a copy of the seed site whose event pages an older import wrote (their title changed
and the ledger told so: the next import updates every one) is imported again by
``python -m sitegen import`` in a child process, while this process - the colleague - saves each
event page once, at a random moment within the import's run (``spread``) or all of them as soon
as the import starts writing pages (``writing``: the first page it replaces).  An edit is lost
when the page does not end as the colleague saved it.

``twice``: two ``sitegen import`` processes started together on one fresh site, each with its
own half of the seed dump; then a third import must report 0 created, 0 updated, 0 removed,
0 kept, and ``sitegen check`` must pass.

    python bench/edits_during_import.py edits --trials 3
    python bench/edits_during_import.py twice --trials 3
    SITEGEN=/path/to/other/tree python bench/edits_during_import.py edits   # another version
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TREE = Path(os.environ.get("SITEGEN", REPO))
ENV = {**os.environ, "PYTHONPATH": str(TREE)}
sys.path.insert(0, str(TREE))

from sitegen.core import frontmatter  # noqa: E402
from sitegen.util.fsutil import sha256  # noqa: E402


def sitegen(site: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "sitegen", "--site", str(site), *args],
        env=ENV,
        cwd=tempfile.gettempdir(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def aged_seed(root: Path) -> list[Path]:
    """The seed site as an older import left it: every event page differs from what import writes now."""
    shutil.copytree(REPO / "content", root / "content")
    ledger_path = root / "content" / ".sitegen" / "ledger.json"
    ledger = json.loads(ledger_path.read_text(encoding="utf-8"))
    pages = sorted((root / "content" / "events").glob("*.md"))
    for path in pages:
        page = frontmatter.read(path)
        page.data["title"] += "(旧)"
        path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")
        ledger["files"][f"events/{path.name}"]["hashes"] = [sha256(path.read_bytes())]
    ledger_path.write_text(json.dumps(ledger, ensure_ascii=False), encoding="utf-8")
    return pages


def edits_trial(mode: str, seed: int, took: float) -> tuple[int, int]:
    rnd = random.Random(seed)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        pages = aged_seed(root)
        olds = {p: p.read_bytes() for p in pages}
        moments = sorted(rnd.uniform(0, took) for _ in pages) if mode == "spread" else []
        child = sitegen(root, "import", "-q")
        started = time.monotonic()
        mine: dict[Path, bytes] = {}
        order = list(pages)
        rnd.shuffle(order)
        while len(mine) < len(pages):
            if mode == "spread":
                wait = moments[len(mine)] - (time.monotonic() - started)
                if wait > 0:
                    time.sleep(wait)
            elif not any(p.read_bytes() != olds[p] for p in pages) and child.poll() is None:
                time.sleep(0.001)  # not writing yet
                continue
            path = order[len(mine)]
            path.write_text(path.read_text(encoding="utf-8") + "\n同事在导入时加的一句。\n", encoding="utf-8")
            mine[path] = path.read_bytes()
        child.communicate(timeout=600)
        lost = sum(1 for p, data in mine.items() if not p.exists() or p.read_bytes() != data)
        return lost, len(mine)


def twice_trial(seed: int) -> tuple[bool, str]:
    dump = next((REPO / "content" / "dumps").glob("*.txt")).read_text(encoding="utf-8")
    lines = dump.splitlines(keepends=True)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        (root / "content").mkdir(parents=True)
        (root / "content" / "site.toml").write_text(
            (REPO / "content" / "site.toml").read_text(encoding="utf-8"), encoding="utf-8"
        )
        starts = [i for i, line in enumerate(lines) if "· " in line and i > 0]  # outlet lines
        cut = random.Random(seed).choice(starts[len(starts) // 4 : 3 * len(starts) // 4 + 1])
        a, b = Path(tmp) / "a.txt", Path(tmp) / "b.txt"
        a.write_text("".join(lines[: cut - 1]), encoding="utf-8")
        b.write_text("".join(lines[cut - 1 :]), encoding="utf-8")
        one, two = sitegen(root, "import", "-q", str(a)), sitegen(root, "import", "-q", str(b))
        one.communicate(timeout=600)
        two.communicate(timeout=600)
        third = sitegen(root, "import", "-q")
        out, _ = third.communicate(timeout=600)
        summary = out.strip().splitlines()[-1]
        check = sitegen(root, "check")
        cout, _ = check.communicate(timeout=600)
        good = (
            " 0 created, 0 updated, 0 removed" in summary and " 0 kept;" in summary and check.returncode == 0
        )
        return good, summary + " | check: " + cout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("case", choices=["edits", "twice"])
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--seed", type=int, default=21)
    args = parser.parse_args()
    print(f"sitegen from {TREE}")
    if args.case == "twice":
        good = 0
        for i in range(args.trials):
            ok, what = twice_trial(args.seed + i)
            good += ok
            print(f"trial {i + 1}: {'good' if ok else 'BAD'}: {what}")
        print(f"{good} of {args.trials} trials leave a site a further import finds unchanged")
        return
    with tempfile.TemporaryDirectory() as tmp:  # how long one import of the aged seed takes
        aged_seed(Path(tmp))
        started = time.monotonic()
        sitegen(Path(tmp), "import", "-q").communicate(timeout=600)
        took = time.monotonic() - started
    print(f"one import: {took:.1f} s")
    for mode in ("spread", "writing"):
        lost = total = 0
        for i in range(args.trials):
            n, m = edits_trial(mode, args.seed + i, took)
            lost, total = lost + n, total + m
        print(f"{mode}: {lost} of {total} edits lost ({args.trials} trials)")


if __name__ == "__main__":
    main()
