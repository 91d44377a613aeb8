"""What import last wrote, so that it can tell a person's edit from its own.

``content/.sitegen/ledger.json`` records, for every page import wrote, the
SHA-256 of the bytes it wrote, the id, the sources it cites and its date.  A
page whose bytes differ from every recorded hash was edited by a person; a
recorded page that is gone was deleted by a person.  Import never overwrites
the one nor resurrects the other unless asked.

Writes are crash-safe: before import touches pages it records both the old
and the new hash of each page it is about to change, so a page interrupted
mid-import is still recognised as import's own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..util.fsutil import atomic_write

LEDGER = Path(".sitegen") / "ledger.json"
VERSION = 1


@dataclass
class Entry:
    kind: str  # "source" | "event"
    id: str
    hashes: list[str]
    sources: list[str] = field(default_factory=list)
    date: str | None = None
    removed: bool = False  # absent by import's own doing (removed, or not yet created), not a person's

    def to_json(self) -> dict:
        d: dict = {"kind": self.kind, "id": self.id, "hashes": self.hashes}
        if self.sources:
            d["sources"] = self.sources
        if self.date:
            d["date"] = self.date
        if self.removed:
            d["removed"] = True
        return d


@dataclass
class Ledger:
    path: Path
    source_ids: dict[str, str] = field(default_factory=dict)  # record key -> source id
    files: dict[str, Entry] = field(default_factory=dict)  # "events/x.md" -> Entry

    @classmethod
    def load(cls, content_dir: Path) -> Ledger:
        path = Path(content_dir) / LEDGER
        ledger = cls(path)
        if not path.exists():
            return ledger
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            from ..errors import ContentError

            raise ContentError(
                path,
                getattr(exc, "lineno", None),
                f"the import ledger is damaged ({exc}); "
                "restore it from version control, or delete it to treat every page as hand-edited",
            ) from None
        ledger.source_ids = dict(raw.get("source_ids", {}))
        for rel, e in raw.get("files", {}).items():
            ledger.files[rel] = Entry(
                kind=e["kind"],
                id=e["id"],
                hashes=list(e.get("hashes", [])),
                sources=list(e.get("sources", [])),
                date=e.get("date"),
                removed=bool(e.get("removed", False)),
            )
        return ledger

    def to_text(self) -> str:
        data = {
            "version": VERSION,
            "note": "Written by `sitegen import` to recognise hand edits. "
            "Do not edit; keep it in version control.",
            "source_ids": dict(sorted(self.source_ids.items())),
            "files": {k: self.files[k].to_json() for k in sorted(self.files)},
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def save(self) -> None:
        text = self.to_text()
        if self.path.exists() and self.path.read_text(encoding="utf-8") == text:
            return
        atomic_write(self.path, text)

    def is_own(self, rel: str, digest: str) -> bool:
        """Did import write exactly these bytes at ``rel``?"""
        e = self.files.get(rel)
        return e is not None and digest in e.hashes
