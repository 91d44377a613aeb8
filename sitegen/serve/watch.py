"""Watching the site's folders (watchdog), without the noise editors make.

Editors save through temporary, swap and backup files (``.x.md.swp``, ``x.md~``,
``.#x.md``, vim's ``4913`` probe, ``*.tmp``, JetBrains' ``___jb_tmp___``);
those never reach the rebuild.  The rest is passed on path by path; bursts are
gathered by `sitegen.serve.session` (debounce).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirModifiedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

NOISE_SUFFIXES = (
    "~",
    ".swp",
    ".swo",
    ".swx",
    ".tmp",
    ".temp",
    ".bak",
    ".orig",
    ".part",
    ".crdownload",
    ".pyc",
    "___jb_tmp___",
    "___jb_old___",
)
NOISE_NAMES = {"4913", "Thumbs.db", "__pycache__", "desktop.ini"}
SITE_FOLDERS = ("content", "templates", "static", "themes")  # top level of a site


def is_noise(name: str) -> bool:
    """A file an editor or the system makes on the side, never part of the site."""
    return (
        name.startswith(".")
        or name in NOISE_NAMES
        or name.endswith(NOISE_SUFFIXES)
        or (name.startswith("#") and name.endswith("#"))
    )


class _Handler(FileSystemEventHandler):
    def __init__(self, base: Path, notify: Callable[[Path], None], on_new_folder: Callable | None) -> None:
        self.base = base
        self.notify = notify
        self.on_new_folder = on_new_folder

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type not in ("created", "modified", "deleted", "moved", "closed"):
            return
        if isinstance(event, DirModifiedEvent):
            return
        paths = [event.src_path] + ([event.dest_path] if event.event_type == "moved" else [])
        for raw in paths:
            path = Path(raw if isinstance(raw, str) else raw.decode())
            try:
                parts = path.relative_to(self.base).parts
            except ValueError:
                continue
            if not parts or any(is_noise(p) for p in parts):
                continue
            if self.on_new_folder is not None:  # the site root: only its folders matter
                if parts[0] in SITE_FOLDERS and len(parts) == 1:
                    if isinstance(event, DirCreatedEvent):
                        self.on_new_folder(path)
                    self.notify(path)
                continue
            self.notify(path)


class Watcher:
    """Calls ``notify(path)`` for every change under ``dirs`` (and new site folders under ``root``)."""

    def __init__(self, root: Path, dirs: Iterable[Path], notify: Callable[[Path], None]) -> None:
        self.root = root
        self.notify = notify
        self.observer = Observer()
        self.watched: set[Path] = set()
        self.observer.schedule(_Handler(root, notify, self._add), str(root), recursive=False)
        for d in dirs:
            self._add(d)

    def _add(self, folder: Path) -> None:
        folder = folder.resolve()
        if folder in self.watched or not folder.is_dir():
            return
        if any(folder.is_relative_to(w) for w in self.watched):
            return
        self.watched.add(folder)
        self.observer.schedule(_Handler(folder, self.notify, None), str(folder), recursive=True)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        with contextlib.suppress(RuntimeError):
            self.observer.join(timeout=2)
