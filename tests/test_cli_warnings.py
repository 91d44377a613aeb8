"""A large import prints a bounded number of warnings and counts the rest; --all-warnings prints all."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from sitegen.cli import SHOWN_WARNINGS

from .conftest import REPO, new_site


def sitegen(site: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sitegen", "--site", str(site), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    )


def test_many_warnings_are_summed_up_and_all_warnings_lists_every_one(tmp_path: Path) -> None:
    dump = tmp_path / "dump.txt"
    gen = REPO / "bench" / "gen_dump.py"
    subprocess.run([sys.executable, str(gen), "-n", "1000", "-o", str(dump)], check=True)
    site = new_site(tmp_path / "site")

    short = sitegen(site, "import", "-q", str(dump))
    total = int(re.search(r"(\d+) warnings \(", short.stdout).group(1))
    # the generated dump has off-topic records: more warnings than are shown (26 at 1,000 records;
    # 400 records gave 31 until a record of the story opening on its company's English name was
    # no longer flagged, then 22)
    assert total > SHOWN_WARNINGS
    lines = short.stderr.splitlines()
    shown = [line for line in lines if ": warning: " in line]
    assert len(shown) == SHOWN_WARNINGS
    summary = re.fullmatch(
        r"\.\.\. and ([\d,]+) more warnings \((.+)\); --all-warnings lists them", lines[-1]
    )
    assert summary, lines[-1]
    assert int(summary.group(1).replace(",", "")) == total - SHOWN_WARNINGS
    counted = sum(int(n.replace(",", "")) for n in re.findall(r"([\d,]+) [^,]+", summary.group(2)))
    assert counted == total - SHOWN_WARNINGS

    full = sitegen(site, "import", "-q", "--all-warnings")
    every = [line for line in full.stderr.splitlines() if ": warning: " in line]
    assert len(every) == total
    assert every[:SHOWN_WARNINGS] == shown
    assert "more warnings" not in full.stderr
