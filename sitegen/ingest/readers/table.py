"""Spreadsheets and API exports: CSV, TSV, JSON and JSON Lines, one article per row or object.

CSV as spreadsheet programs write it is read as they write it: a byte order mark, a first line
``sep=;`` (Excel's hint), ``;`` or tab instead of ``,`` (sniffed on the header row), quoted cells
spanning lines, ``="0123"`` cells, CRLF endings, UTF-16 "Unicode text", GB18030 from Chinese
Excel.  A row is reported at the line it *starts* on, so ``file:line`` points where an editor
shows it; a bad row is skipped and the others are read.

JSON is an array of objects, or an object holding one (``{"articles": […]}`` as news APIs
answer); its items are reported as ``file: item N``.  JSON Lines is one object per line,
reported as ``file:line``.  Field names are matched as CSV column names are (`fields`).
"""

from __future__ import annotations

import csv
import itertools
import json
from collections.abc import Iterable, Iterator
from datetime import tzinfo

from ...errors import Problem
from ..dump import Dump, Record, text_encoding
from .fields import Columns, fold_name, make_record, missing_columns_message

DELIMITERS = (",", ";", "\t", "|")
FIELD_LIMIT = 1 << 24
"""Characters a cell may hold (the csv module's default, 128 Ki, is shorter than a long article)."""
LIST_KEYS = ("articles", "items", "results", "data", "entries", "news", "docs", "records")
"""Where a JSON object keeps its list of articles, tried in this order (then any list of objects)."""


def _text_lines(dump: Dump, encoding: str) -> Iterator[str]:
    """The file's lines, decoded; a byte that does not decode becomes U+FFFD and its row is reported."""
    with open(dump.path, encoding=encoding, errors="replace", newline="") as fh:
        yield from fh


def iter_csv(
    dump: Dump, tz: tzinfo, mapping: dict[str, str], delimiter: str | None = None
) -> Iterator[Record]:
    """Records of a CSV or TSV file with a header row (``delimiter`` None: sniffed)."""
    encoding = text_encoding(dump, "a table of articles with a header row")
    if encoding is None:
        return
    lines = _text_lines(dump, encoding)
    first = next(lines, "").lstrip("\ufeff")
    offset = 0
    if first.strip().lower().startswith("sep=") and len(first.strip()) == 5:
        delimiter, offset = first.strip()[4], 1
        first = next(lines, "")
    if delimiter is None:
        delimiter = max(DELIMITERS, key=lambda d: (first.count(d), d == ","))
    csv.field_size_limit(max(csv.field_size_limit(), FIELD_LIMIT))
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter)
    yield from _rows(dump, tz, mapping, reader, offset)


def _rows(dump: Dump, tz: tzinfo, mapping: dict[str, str], reader, offset: int) -> Iterator[Record]:
    problems = dump.problems
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as exc:
        problems.append(Problem(dump.path, 1 + offset, f"cannot read the header row: {exc}"))
        return
    names = [h.strip() for h in header]
    columns = Columns.match(names, mapping)
    folded = {fold_name(n) for n in names}
    for field_name, column in mapping.items():
        if fold_name(column) not in folded:
            problems.append(
                Problem(
                    dump.path,
                    1 + offset,
                    f"--map {field_name}={column}: the header has no column {column!r} "
                    f"(it has {', '.join(repr(n) for n in names)})",
                    "warning",
                )
            )
    if columns.missing():
        problems.append(Problem(dump.path, 1 + offset, missing_columns_message(columns, names)))
        return
    index = {f: names.index(c) for f, c in columns.found.items()}
    width = len(names)
    done = reader.line_num
    while True:
        start = done + 1 + offset
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems.append(
                Problem(dump.path, start, f"cannot read this row: {exc}; the rest of the file is skipped")
            )
            return
        done = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if any("\ufffd" in cell for cell in row):
            problems.append(
                Problem(dump.path, start, f"this row is not valid {dump.encoding} text; it was skipped")
            )
            continue
        extra = [c for c in row[width:] if c.strip()]
        if extra:
            problems.append(
                Problem(
                    dump.path,
                    start,
                    f"{len(row)} cells where the header has {width}: a cell with the delimiter "
                    f"{reader.dialect.delimiter!r} in it must be quoted; row skipped",
                )
            )
            continue
        values = {f: row[i] if i < len(row) else "" for f, i in index.items()}
        got = make_record(values, dump, tz, start)
        if isinstance(got, str):
            problems.append(Problem(dump.path, start, got + "; row skipped"))
            continue
        yield got


def iter_jsonl(dump: Dump, tz: tzinfo, mapping: dict[str, str]) -> Iterator[Record]:
    """Records of a JSON Lines file: one object per line; blank lines are allowed."""
    encoding = text_encoding(dump, "JSON Lines: one article object per line")
    if encoding is None:
        return
    for n, line in enumerate(_text_lines(dump, encoding), 1):
        text = line.strip().lstrip("\ufeff")
        if not text:
            continue
        if "\ufffd" in text:
            dump.problems.append(Problem(dump.path, n, f"this line is not valid {encoding} text; skipped"))
            continue
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            dump.problems.append(
                Problem(
                    dump.path,
                    n,
                    f"not valid JSON ({exc.msg}, column {exc.colno}): expected one "
                    'object per line, like {"title": …, "outlet": …, "published": …}; line skipped',
                )
            )
            continue
        got = _from_object(item, dump, tz, mapping, n, "line")
        if isinstance(got, str):
            dump.problems.append(Problem(dump.path, n, got + "; line skipped"))
        else:
            yield got


def iter_json(dump: Dump, tz: tzinfo, mapping: dict[str, str]) -> Iterator[Record]:
    """Records of a JSON document: an array of objects, or an object holding one."""
    encoding = text_encoding(dump, "JSON: an array of article objects")
    if encoding is None:
        return
    text = "".join(_text_lines(dump, encoding)).lstrip("\ufeff")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):  # JSON Lines named .json
            yield from iter_jsonl(dump, tz, mapping)
            return
        dump.problems.append(
            Problem(
                dump.path, exc.lineno, f"not valid JSON ({exc.msg}, column {exc.colno}); nothing was read"
            )
        )
        return
    items = _article_list(doc)
    if items is None:
        dump.problems.append(
            Problem(
                dump.path,
                1,
                "expected an array of article objects, or an object with one under "
                f"{', '.join(repr(k) for k in LIST_KEYS[:3])} …",
            )
        )
        return
    for n, item in enumerate(items, 1):
        got = _from_object(item, dump, tz, mapping, n, "item")
        if isinstance(got, str):
            dump.problems.append(Problem(dump.path, None, f"item {n}: {got}; item skipped"))
        else:
            yield got


def _article_list(doc: object) -> list | None:
    if isinstance(doc, list):
        return doc
    if not isinstance(doc, dict):
        return None
    for key in (*LIST_KEYS, *doc):
        value = doc.get(key)
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            return value
    return [doc]  # one article


def _from_object(
    item: object, dump: Dump, tz: tzinfo, mapping: dict[str, str], n: int, unit: str
) -> Record | str:
    if not isinstance(item, dict):
        return f"expected an object with title, outlet and published, found {type(item).__name__}"
    names = [str(k) for k in item]
    columns = Columns.match(names, mapping)
    if columns.missing():
        return missing_columns_message(columns, names)
    return make_record({f: item[c] for f, c in columns.found.items()}, dump, tz, n, unit)


def header_fields(first_line: str, delimiters: Iterable[str] = DELIMITERS) -> int:
    """How many of the known fields a would-be header row names (for telling a table from a dump)."""
    best = 0
    for d in delimiters:
        names = [c.strip().strip('"') for c in first_line.lstrip("\ufeff").split(d)]
        if len(names) > 1:
            best = max(best, len(Columns.match(names, {}).found))
    return best
