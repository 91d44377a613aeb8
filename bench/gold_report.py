"""Every figure of the gold scorer for every gold dump, as one table (for closing notes).

    python bench/gold_report.py                  # all of tests/extract/gold/*.toml
    python bench/gold_report.py --details        # and, per dump, each entry and what it matched
    python bench/gold_report.py tests/extract/gold/seed.toml --markdown

Each dump is imported into a temporary site with sitegen's real importer and scored by
`tests/gold_score.py` (whose docstring says how entries are matched to happenings).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.extract.gold_score import Score, gold_files, run  # noqa: E402

COLUMNS: list[tuple[str, str]] = [
    ("entries", "entries"),
    ("happ.", "happenings"),
    ("P", "precision"),
    ("R", "recall"),
    ("F1", "f1"),
    ("Date-F1", "date_f1"),
    ("date set F1", "date_set_f1"),
    ("src recall", "source_recall"),
    ("src min", "source_recall_min"),
    ("cite P", "citation_precision"),
    ("wrong cites", "wrong_citations"),
    ("entries/happ.", "entries_per_happening"),
    ("off-topic P", "offtopic_precision"),
    ("off-topic R", "offtopic_recall"),
    ("entries from off-topic", "offtopic_entries"),
    ("same day apart", "same_day"),
    ("zh+en merged", "bilingual"),
    ("titles ok", "titles"),
]


def cell(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, tuple):
        return f"{value[0]}/{value[1]}"
    return str(value)


def table(scores: list[Score], markdown: bool) -> str:
    head = ["dump", *(c for c, _ in COLUMNS)]
    rows = [[s.name, *(cell(getattr(s, attr)) for _, attr in COLUMNS)] for s in scores]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(r) + " |" for r in rows]
        return "\n".join(lines)
    widths = [max(len(x) for x in col) for col in zip(head, *rows, strict=True)]
    fmt = "  ".join(f"{{:<{w}}}" if i == 0 else f"{{:>{w}}}" for i, w in enumerate(widths))
    return "\n".join(fmt.format(*r) for r in [head, *rows])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: tests/extract/gold/*.toml)")
    ap.add_argument("--details", action="store_true", help="each entry, its match, and failed titles")
    ap.add_argument("--markdown", action="store_true", help="a Markdown table")
    args = ap.parse_args()
    scores = []
    for path in args.gold or gold_files():
        t0 = time.perf_counter()
        _, _, s = run(path)
        scores.append(s)
        if args.details:
            print(f"== {s.name} ({time.perf_counter() - t0:.1f} s)")
            for line in s.lines:
                print("   ", line)
            for title, why in s.title_failures:
                print(f"    title {title[:60]!r}: {', '.join(why)}")
    print(table(scores, args.markdown))
    return 0


if __name__ == "__main__":
    sys.exit(main())
