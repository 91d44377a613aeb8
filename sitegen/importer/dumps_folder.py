"""The dumps folder, ``content/dumps/``: which dumps are copied in, replaced or refused.

Every dump given to ``sitegen import`` is copied here (provenance; the same bytes are
copied once whatever the name), and every import reads all of them.  A dump that gave no
record is not kept (its problem would repeat at every import); a corrected copy of a dump
replaces the broken one of the same name (`copy_dumps`).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..config import SiteConfig
from ..errors import ContentError, Problem
from ..ingest.dump import Dump, Record
from ..ingest.readers import detect_format, read_records
from ..ingest.readers.stored import COLUMNS_FILE, stored_name
from ..util.fsutil import atomic_write, sha256


def record_key(r: Record) -> str:
    """Identity of an article across dumps: outlet, minute of publication, headline."""
    return sha256(f"{r.outlet}|{r.published.isoformat()}|{r.title}".encode())[:16]


def copy_dumps(
    config: SiteConfig,
    paths: list[Path],
    *,
    dry_run: bool = False,
    replaced: list[str] | None = None,
    fmt: str | None = None,
    mapping: dict[str, str] | None = None,
) -> dict[str, Path]:
    """Copy dumps (and files of the other formats, named by their format: `readers.stored`) into
    content/dumps/; returns the names of those newly copied, with the file
    each was copied from.

    A dump whose name is already there with other bytes is a *corrected copy* when the one
    there had broken records or when the new one holds at least half of its records
    (`_corrects`): it replaces it (its name goes to ``replaced``), so the broken copy's
    problems stop with it.  Otherwise it is another dump that happens to share the name,
    and is stored beside it as ``name-2.txt``."""
    target_dir = config.content_dir / "dumps"
    existing = {}
    if target_dir.is_dir():
        for p in target_dir.iterdir():
            if p.is_file():
                existing[sha256(p.read_bytes())] = p.name
    copied: dict[str, Path] = {}
    for path in paths:
        path = Path(path)
        if not path.is_file():
            raise ContentError(path, None, "no such dump file")
        data = path.read_bytes()
        digest = sha256(data)
        if digest in existing:
            continue
        file_format = fmt or detect_format(path)
        name = stored_name(path.name, file_format)
        candidate = target_dir / name
        corrects = name != COLUMNS_FILE and candidate.is_file()
        if corrects and _corrects(path, candidate, file_format, mapping, config):
            if replaced is not None:
                replaced.append(name)
            existing = {d: n for d, n in existing.items() if n != name}
        else:
            n = 2
            while candidate.exists() or candidate.name in copied or candidate.name == COLUMNS_FILE:
                candidate = target_dir / f"{Path(name).stem}-{n}{Path(name).suffix}"
                n += 1
        if not dry_run:
            atomic_write(candidate, data)
        existing[digest] = candidate.name
        copied[candidate.name] = path
    return copied


def _corrects(new: Path, old: Path, fmt: str, mapping: dict[str, str] | None, config: SiteConfig) -> bool:
    """Is ``new`` a corrected copy of ``old`` (see `copy_dumps`)?  Both read as ``fmt``."""
    was = Dump(old)
    keys = {record_key(r) for r in read_records(was, config.tz, fmt, mapping)}
    if was.skipped or not keys:
        return True
    now = {record_key(r) for r in read_records(Dump(new), config.tz, fmt, mapping)}
    return len(keys & now) * 2 >= len(keys)


def refuse_empty_dumps(config: SiteConfig, empty: list[Dump], copied: dict[str, Path], dry_run: bool) -> None:
    """A dump that gave no record at all (not text, empty, only a header) is reported and, if it
    was new, not kept in content/dumps/: it would only repeat its problem at every import."""
    folder = config.content_dir / "dumps"
    for dump in empty:
        if not dump.problems:
            dump.problems.append(
                Problem(
                    dump.path,
                    1,
                    "no news records in this dump (a header only?): nothing to import",
                    "warning",
                )
            )
        original = copied.get(dump.path.name) if dump.path.parent == folder else None
        if original is None:
            continue
        if not dry_run:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(dump.path)
        del copied[dump.path.name]
        for p in dump.problems:
            p.path = original
        dump.problems[-1].message += f"; it was not copied into {folder.relative_to(config.root)}/"
        dump.path = original


def dump_paths(config: SiteConfig) -> list[Path]:
    folder = config.content_dir / "dumps"
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.name != COLUMNS_FILE
    )
