"""Every file format ``sitegen import`` reads, each a reader yielding `sitegen.ingest.dump.Record`.

The format of a file is decided, in this order, by ``--format``, by the extension when it names
one format (``.csv``, ``.jsonl``, ``.html``, …), and by the content: a feed or a page starts with
its markup, JSON with ``[`` or ``{``, a table with a header row that names at least two of the
known columns; anything else is a search dump (`sitegen.ingest.dump`), the format sitegen always read.
A ``.tsv`` or ``.txt`` file is looked at, since search dumps were saved under those names too.

Each reader reports its bad rows or items in ``Dump.problems`` and yields the good ones, so the
rest of import neither knows nor cares where a record came from.  Files are copied into
``content/dumps/`` under an extension that names their format, so a re-import reads them the same
way; column names given with ``--map`` are kept beside them (`columns`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import tzinfo
from pathlib import Path

from ..dump import Dump, Record, iter_records
from .table import header_fields

FORMATS = ("dump", "csv", "tsv", "json", "jsonl", "feed", "html")
SUFFIX = {
    "dump": ".txt",
    "csv": ".csv",
    "tsv": ".tsv",
    "json": ".json",
    "jsonl": ".jsonl",
    "feed": ".xml",
    "html": ".html",
}
"""The extension a file of each format is stored under in content/dumps/."""

BY_EXTENSION = {
    ".csv": "csv",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".mhtml": "html",
    ".mht": "html",
}
"""Extensions that settle the format; others (.txt, .tsv, none) are judged by the content."""


def detect_format(path: Path) -> str:
    """The format of ``path`` by its extension, else by its first bytes (see the module doc)."""
    known = BY_EXTENSION.get(path.suffix.lower())
    if known:
        return known
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 14)
    except OSError:
        return "dump"  # the dump reader reports why it cannot be read
    text = _head_text(head)
    start = text.lstrip()[:400].lower()
    if start.startswith("<?xml") or start.startswith(("<rss", "<feed", "<rdf")):
        return "html" if "<html" in start else "feed"
    if start.startswith(("<!doctype html", "<html", "<!-- saved from")):
        return "html"
    if start.startswith(("from:", "mime-version:")) and "multipart/related" in start:
        return "html"  # a single-file save (.mhtml) under another name
    if start.startswith(("{", "[")):
        first = start.split("\n", 1)[0].strip()
        return "jsonl" if first.startswith("{") and first.endswith("}") and "\n{" in text else "json"
    first_line = text.lstrip("\ufeff").split("\n", 1)[0].strip("\r")
    if first_line.lower().startswith("sep=") or header_fields(first_line) >= 2:
        return "tsv" if "\t" in first_line else "csv"
    return "dump"


def _head_text(head: bytes) -> str:
    for encoding in ("utf-8-sig", "utf-16", "gb18030"):
        if encoding == "utf-16" and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
            continue
        try:
            return head.decode(encoding)
        except UnicodeDecodeError:
            continue
    return head.decode("utf-8", "replace")


def read_records(
    dump: Dump, tz: tzinfo, fmt: str | None = None, mapping: dict[str, str] | None = None
) -> Iterator[Record]:
    """The good records of ``dump.path`` in format ``fmt`` (None: detected); problems into ``dump``.

    A time given in another zone (``…Z``, ``+0000``) is the same instant told in the site's
    timezone, so every source reads on one clock and falls on the site's day; a date alone stays
    the day it names."""
    fmt = fmt or detect_format(dump.path)
    if fmt == "dump":
        return iter_records(dump, tz)
    return (
        r if r.precision == "day" else dataclasses.replace(r, published=r.published.astimezone(tz))
        for r in _read(dump, tz, fmt, mapping or {})
    )


def _read(dump: Dump, tz: tzinfo, fmt: str, mapping: dict[str, str]) -> Iterator[Record]:
    if fmt in ("csv", "tsv"):
        from .table import iter_csv

        return iter_csv(dump, tz, mapping, "\t" if fmt == "tsv" else None)
    if fmt in ("json", "jsonl"):
        from .table import iter_json, iter_jsonl

        return (iter_json if fmt == "json" else iter_jsonl)(dump, tz, mapping)
    if fmt == "feed":
        from .feed import iter_feed

        return iter_feed(dump, tz)
    if fmt == "html":
        from .page import iter_page

        return iter_page(dump, tz)
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
