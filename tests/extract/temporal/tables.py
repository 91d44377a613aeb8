"""The temporal tests' tables (``fixtures/*.tsv`` beside this module), read one way.

Each table is tab-separated with a header row; a line starting with ``#`` is a comment.
Columns: ``id``, ``published`` (Shanghai local time unless an offset is given), ``text``,
``match`` and, for an expression that dates something, ``date``, ``precision``,
``part_of_day``, ``until``, ``approximate``.
"""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.extract.temporal.find import TimeMention

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHANGHAI = ZoneInfo("Asia/Shanghai")


def load(name: str) -> list[dict[str, str]]:
    """The rows of ``fixtures/<name>.tsv``, comments left out."""
    with (FIXTURES / f"{name}.tsv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\"))


def published_at(text: str) -> datetime:
    """``2026-01-08 06:13`` is Shanghai local time; an explicit offset is kept."""
    dt = datetime.fromisoformat(text)
    return dt if dt.tzinfo else dt.replace(tzinfo=SHANGHAI)


def expected(row: dict[str, str]) -> dict[str, object]:
    """The fields (`When.to_fields`) a dated row's match must resolve to."""
    fields: dict[str, object] = {"date": row["date"], "precision": row["precision"]}
    if row["part_of_day"]:
        fields["part_of_day"] = row["part_of_day"]
    if row["until"]:
        fields["until"] = row["until"]
    if row["approximate"] == "true":
        fields["approximate"] = True
    return fields


def listing(mentions: list[TimeMention]) -> str:
    """What was found, one mention a line (for an assertion's message)."""
    return "\n".join(
        f"  {m.text!r} {m.kind} {m.rule} {m.when and m.when.to_fields()} :: {m.explanation}" for m in mentions
    )
