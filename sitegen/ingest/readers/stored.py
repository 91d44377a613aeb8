"""How imported files are kept in ``content/dumps/`` so that a re-import reads them the same way.

* The stored name keeps the file's extension when it names the file's format, else takes the
  format's own (a CSV given as ``export.txt --format csv`` is kept as ``export.csv``).
* Column names given with ``--map`` are written to ``content/dumps/columns.toml``, one table per
  stored file, a plain file a person may edit; it is read back at every import.
"""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from ...errors import ContentError
from ...util.fsutil import atomic_write
from . import BY_EXTENSION, SUFFIX, detect_format

COLUMNS_FILE = "columns.toml"
DUMP_SUFFIXES = (".txt", ".text", ".dump", ".tsv")


def stored_name(name: str, fmt: str) -> str:
    """A safe file name for content/dumps/: letters, digits, ``-``, ``_``, ``.``; the format's extension."""
    suffix = Path(name).suffix.lower()
    stem = re.sub(r"[^\w.\-]+", "-", Path(name).stem).strip(".-") or fmt
    if fmt == "dump":
        keep = suffix in DUMP_SUFFIXES
    else:
        keep = BY_EXTENSION.get(suffix) == fmt or (fmt == "tsv" and suffix == ".tsv")
    return stem[:80] + (suffix if keep else SUFFIX[fmt])


def load_columns(folder: Path) -> dict[str, dict[str, str]]:
    """Stored file name -> {field: column}, from content/dumps/columns.toml (empty when absent)."""
    path = folder / COLUMNS_FILE
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        return {}
    except tomllib.TOMLDecodeError as exc:
        raise ContentError(path, None, f"not valid TOML: {exc}") from None
    return {
        str(name): {str(k): str(v) for k, v in table.items()}
        for name, table in data.items()
        if isinstance(table, dict)
    }


def save_columns(folder: Path, columns: dict[str, dict[str, str]]) -> None:
    lines = [
        "# Column names given with `sitegen import --map FIELD=COLUMN`, per file in this folder.",
        "# Read at every import; edit or delete freely (docs/input-formats.md).",
    ]
    for name in sorted(columns):
        if not columns[name]:
            continue
        lines.append("")
        lines.append(f"[{json.dumps(name, ensure_ascii=False)}]")
        for field_name, column in sorted(columns[name].items()):
            lines.append(f"{field_name} = {json.dumps(column, ensure_ascii=False)}")
    atomic_write(folder / COLUMNS_FILE, "\n".join(lines) + "\n")


def expand_inputs(paths: list[Path]) -> list[Path]:
    """Files as given; of a folder given, the files below it with an extension import reads
    (`BY_EXTENSION`, a dump's), sorted.  Hidden files and the ``*_files`` folders a browser saves
    beside a complete page (scripts, styles, images) are left out."""
    out: list[Path] = []
    readable = (*BY_EXTENSION, *DUMP_SUFFIXES)
    for path in map(Path, paths):
        if not path.is_dir():
            out.append(path)
            continue
        for p in sorted(path.rglob("*")):
            inner = p.parts[len(path.parts) :]
            skipped = any(x.startswith(".") for x in inner) or any(x.endswith("_files") for x in inner[:-1])
            if p.is_file() and not skipped and p.suffix.lower() in readable:
                out.append(p)
    return out


def files_to_read(
    folder: Path,
    stored: list[Path],
    copied: dict[str, Path],
    fmt: str | None,
    mapping: dict[str, str],
    dry_run: bool,
) -> list[tuple[Path, str, dict[str, str] | None]]:
    """Every file ``stored`` in content/dumps/ (``folder``) with its format and column names;
    ``--map`` (``mapping``) is recorded for the files just ``copied``.  A dry run reads the new
    files where they are, in the place of the stored files they would replace."""
    columns = load_columns(folder)
    if mapping:
        for name in copied:
            columns[name] = {**columns.get(name, {}), **mapping}
        if copied and not dry_run:
            save_columns(folder, columns)
    named = [(p.name, p, detect_format(p)) for p in stored]
    if dry_run:
        named = [x for x in named if x[0] not in copied]
        named += [(n, src, fmt or detect_format(src)) for n, src in copied.items()]
        named.sort(key=lambda x: x[0])
    return [(path, fmt, columns.get(name)) for name, path, fmt in named]
