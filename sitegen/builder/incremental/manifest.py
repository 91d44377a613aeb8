"""The build manifest: what the last ``sitegen build`` read and wrote, so the next one can skip work.

Kept beside the output folder (``<site>/.sitegen-build-public.json`` for ``public/``), never
inside it, so it is not published.  It records:

* **inputs** - every file the build reads (``content/site.toml`` and ``content/data/``,
  the pages under ``content/events`` and ``content/sources``, every file of the
  templates, static and i18n folders), each as ``[size, mtime_ns, digest]``;
* **what the output depends on besides files** - sitegen's code (a hash of its
  source), the base URL, the output folder;
* **outputs** - every file written, ``[size, mtime_ns, digest]``, and which output
  (and for per-item outputs, which item) wrote it;
* **an outline of the site** - page path -> item, the timeline order and which
  sources each event cites: what the output declarations' ``also`` answers need
  to know of the site *before* an edit (`Outline`).

A file is taken as unchanged when its size and mtime are those recorded; otherwise
its bytes are hashed and compared.  A file whose recorded mtime is within
`RACY_SECONDS` of the moment it was recorded is always hashed (it may have been
written again within the clock's resolution).

The manifest is written last, atomically, and removed before an incremental
build writes its first file: a manifest on disk always describes a complete
output tree (see docs/performance.md, "Incremental builds").
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ... import __version__
from ...content.load import CONTENT_KINDS
from ...core.model import Citation, Site
from ...errors import Problem
from ...util.fsutil import file_digest

FORMAT = 1
RACY_SECONDS = 2.0
Signature = list  # [size, mtime_ns, digest]


def manifest_path(out: Path) -> Path:
    return out.parent / f".sitegen-build-{out.name}.json"


def code_digest() -> str:
    """sitegen's version and a hash of its Python source: any code change means a full build."""
    package = Path(__file__).resolve().parent.parent.parent
    h = hashlib.blake2b(__version__.encode(), digest_size=16)
    for path in sorted(package.rglob("*.py")):
        h.update(path.relative_to(package).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


@dataclass
class Scan:
    """Input files found now, and which of them differ from the manifest."""

    files: dict[str, Signature] = field(default_factory=dict)  # path -> signature
    changed: set[str] = field(default_factory=set)  # added, edited or removed paths


def scan(paths: dict[str, Path], recorded: dict[str, Signature], recorded_at: float) -> Scan:
    """Signatures of ``paths`` (key -> file), hashing only files whose size or mtime moved."""
    racy = int((recorded_at - RACY_SECONDS) * 1e9)
    found = Scan()
    for key, path in paths.items():
        try:
            st = os.stat(path)
        except OSError:
            continue
        old = recorded.get(key)
        if old is not None and old[0] == st.st_size and old[1] == st.st_mtime_ns and old[1] < racy:
            found.files[key] = old
            continue
        try:
            digest = file_digest(Path(path).read_bytes())
        except OSError:
            continue
        found.files[key] = [st.st_size, st.st_mtime_ns, digest]
        if old is None or old[2] != digest:
            found.changed.add(key)
    found.changed |= recorded.keys() - found.files.keys()
    return found


def page_files(content_dir: Path) -> dict[str, Path]:
    """The pages a build reads, keyed ``events/x.md``, as `sitegen.content.load.content_files` lists them."""
    files: dict[str, Path] = {}
    for _, folder in CONTENT_KINDS:
        directory = content_dir / folder
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(".md") and not entry.name.startswith("."):
                files[f"{folder}/{entry.name}"] = Path(entry.path)
    return files


def tree_files(folders: list[Path]) -> dict[str, Path]:
    """Every file under ``folders`` (templates, static, i18n), keyed by absolute path."""
    files: dict[str, Path] = {}
    for folder in folders:
        for base, _, names in os.walk(folder):
            for name in names:
                path = Path(base) / name
                files[str(path)] = path
    return files


def output_tree(out: Path) -> dict[str, list[int]]:
    """``rel -> [size, mtime_ns]`` of every file under ``out``."""
    found: dict[str, list[int]] = {}
    stack = [(out, "")]
    while stack:
        folder, prefix = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            rel = prefix + entry.name
            if entry.is_dir(follow_symlinks=False):
                stack.append((Path(entry.path), rel + "/"))
            else:
                st = entry.stat(follow_symlinks=False)
                found[rel] = [st.st_size, st.st_mtime_ns]
    return found


class Outline:
    """The parts of a site that the declarations' ``also`` answers read
    (`sitegen.builder.incremental.depends`).

    Stands in for the `Site` of the last build: ``events`` (id -> an object with ``id`` and
    ``sources``), ``sources`` (ids), ``timeline()`` and ``citing(source_id)``.
    """

    def __init__(self, order: list[str], cites: dict[str, list[str]], sources: list[str]) -> None:
        self.events = {i: _OutlineEvent(i, [Citation(s, "") for s in cites.get(i, [])]) for i in order}
        self.sources = dict.fromkeys(sources)
        self._order = order

    @classmethod
    def of(cls, site: Site) -> dict[str, Any]:
        """The outline of ``site`` as JSON data."""
        timeline = site.timeline()
        return {
            "order": [e.id for e in timeline],
            "cites": {e.id: [c.source for c in e.sources] for e in timeline},
            "sources": list(site.sources),
        }

    def timeline(self) -> list[_OutlineEvent]:
        return [self.events[i] for i in self._order]

    def citing(self, source_id: str) -> list[_OutlineEvent]:
        return [e for e in self.timeline() if any(c.source == source_id for c in e.sources)]


@dataclass
class _OutlineEvent:
    id: str
    sources: list[Citation]


@dataclass
class Manifest:
    """What one build read and wrote (see the module docstring)."""

    code: str
    base_url: str
    out: str
    recorded_at: float = 0.0
    settings: dict[str, Signature] = field(default_factory=dict)
    theme: dict[str, Signature] = field(default_factory=dict)
    pages: dict[str, Signature] = field(default_factory=dict)
    items: dict[str, list[str]] = field(default_factory=dict)  # page key -> [kind, id]
    outputs: list[str] = field(default_factory=list)  # names of the outputs, in order
    files: dict[str, Signature] = field(default_factory=dict)  # output path -> signature
    made_by: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # output -> item ("" whole)
    outline: dict[str, Any] = field(default_factory=dict)
    warnings: list[list] = field(default_factory=list)  # [path, line, message]

    @classmethod
    def load(cls, path: Path) -> Manifest | None:
        """The manifest at ``path``, or None (missing, unreadable, another format)."""
        try:
            data = json.loads(path.read_bytes())
            if data.pop("format", None) != FORMAT:
                return None
            return cls(**data)
        except (OSError, ValueError, TypeError):
            return None

    def save(self, path: Path) -> None:
        from ...util.fsutil import atomic_write

        data = {"format": FORMAT, **self.__dict__}
        atomic_write(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")), fsync=False)

    def outline_site(self) -> Outline:
        o = self.outline
        return Outline(o.get("order", []), o.get("cites", {}), o.get("sources", []))

    def problems(self) -> list[Problem]:
        return [Problem(p, line, message, level="warning") for p, line, message in self.warnings]

    def output_matches(self, out: Path) -> bool:
        """Is the output folder exactly what this manifest recorded (no file added, removed, touched)?"""
        found = output_tree(out)
        if found.keys() != self.files.keys():
            return False
        return all(sig[:2] == self.files[rel][:2] for rel, sig in found.items())


def remove(path: Path) -> None:
    """Forget the manifest: the output folder is about to change."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def now() -> float:
    return time.time()
