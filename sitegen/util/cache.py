"""A content-hash keyed cache on disk for expensive pure functions.

Segmenting, cleaning and rendering the same text gives the same result every
time, so results are kept in ``<site>/.sitegen-cache/`` keyed by a hash of
their input and reused by the next import or build.  The cache is only ever
an accelerator: deleting the folder (or a damaged entry) costs time, never
correctness.

* **One SQLite file** (``cache-v1.sqlite``), stdlib only.  Writes are
  transactions, so a process killed mid-write leaves nothing half-written
  that a reader could see, and several processes may share the cache
  (readers and one writer at a time, WAL journal).
* **Versioned.**  Each table is opened with a version string — by default
  the sitegen version plus a hash of the source of the modules that compute
  its values (`code_version`) — so an upgrade or a code change invalidates
  its entries; old versions are dropped when the table is opened.
* **Checked.**  Every value is stored with a digest of its bytes; an entry
  that fails the check or does not decode is treated as a miss, and a
  damaged database file is set aside and started afresh.
* **Bounded.**  When the file grows past ``max_bytes`` the least recently
  used entries are removed (`Cache.prune`).
* **Safe to load.**  Values are JSON, never pickle: a cache folder that came
  with a downloaded site cannot run code.

Typical use::

    with Cache.for_site(config.root) as cache:
        table = cache.table("clean", code_version("sitegen.ingest.clean"))
        bodies = table.map(clean, texts, key=lambda t: t)

``SITEGEN_CACHE=off`` in the environment (or ``Cache(None)``) turns the cache
off: every lookup misses and nothing is written.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from .. import __version__

CACHE_DIR = ".sitegen-cache"
FORMAT = 1  # the layout of the database; a change here starts a new file
DB_NAME = f"cache-v{FORMAT}.sqlite"
MAX_BYTES = 512 * 1024 * 1024
_TOUCH_AFTER = 3600  # seconds: hits older than this are marked used again
_CHUNK = 500  # keys per SELECT (SQLite's limit on parameters is 999 on old builds)

T = TypeVar("T")
R = TypeVar("R")


def digest(*parts: str | bytes) -> str:
    """A short, stable hash of the parts (the cache key of an input)."""
    h = hashlib.blake2b(digest_size=16)
    for p in parts:
        b = p.encode("utf-8") if isinstance(p, str) else p
        h.update(len(b).to_bytes(8, "little"))
        h.update(b)
    return h.hexdigest()


def code_version(*modules: str) -> str:
    """sitegen's version plus a hash of the named modules' source files.

    A table whose values are computed by those modules is invalidated when
    any of them changes, without anyone having to remember to bump a number.
    """
    parts: list[str | bytes] = [__version__]
    for name in modules:
        mod = importlib.import_module(name)
        path = getattr(mod, "__file__", None)
        if path:
            with contextlib.suppress(OSError):
                parts.append(Path(path).read_bytes())
        parts.append(getattr(mod, "__version__", ""))
    return digest(*parts)


def _enabled_by_env() -> bool:
    return os.environ.get("SITEGEN_CACHE", "").lower() not in ("off", "0", "no", "false")


def _pack(value: Any) -> bytes:
    payload = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return hashlib.blake2b(payload, digest_size=8).digest() + payload


def _unpack(blob: bytes) -> tuple[bool, Any]:
    if not isinstance(blob, bytes) or len(blob) < 8:
        return False, None
    check, payload = blob[:8], blob[8:]
    if hashlib.blake2b(payload, digest_size=8).digest() != check:
        return False, None
    try:
        return True, json.loads(payload)
    except ValueError:
        return False, None


class Cache:
    """The cache of one site; ``folder=None`` makes a cache that never hits."""

    def __init__(self, folder: Path | None, *, max_bytes: int = MAX_BYTES, timeout: float = 30) -> None:
        self.folder = Path(folder) if folder is not None else None
        self.max_bytes = max_bytes
        self.timeout = timeout  # seconds to wait for another process's write
        self._db: sqlite3.Connection | None = None
        self._wrote = False
        if self.folder is not None:
            self._db = self._open()

    @classmethod
    def for_site(cls, root: Path, *, enabled: bool = True) -> Cache:
        """The cache in ``<root>/.sitegen-cache/`` (off when disabled or ``SITEGEN_CACHE=off``)."""
        if not enabled or not _enabled_by_env():
            return cls(None)
        return cls(Path(root) / CACHE_DIR)

    @property
    def enabled(self) -> bool:
        return self._db is not None

    def reopened(self) -> Cache:
        """The same cache through a connection of its own (for a forked process, which must not
        use its parent's)."""
        return Cache(self.folder if self.enabled else None, max_bytes=self.max_bytes, timeout=self.timeout)

    @property
    def path(self) -> Path | None:
        return self.folder / DB_NAME if self.folder is not None else None

    # -- the database ------------------------------------------------------------
    def _open(self) -> sqlite3.Connection | None:
        assert self.folder is not None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                from .fsutil import atomic_write

                atomic_write(ignore, "# sitegen's cache: safe to delete, never commit\n*\n", fsync=False)
        except OSError:
            return None
        for attempt in range(2):
            try:
                return self._connect()
            except sqlite3.OperationalError:
                return None  # locked for too long, read-only, ...: no cache this time
            except sqlite3.Error:  # not a database, malformed: start afresh
                if attempt == 0:
                    self._set_aside()
        return None

    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        db = sqlite3.connect(self.path, timeout=self.timeout, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (table_name TEXT NOT NULL, version TEXT NOT NULL,"
                " key TEXT NOT NULL, value BLOB NOT NULL, used INTEGER NOT NULL,"
                " PRIMARY KEY (table_name, key))"
            )
            db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
            # opening a table drops its other versions: without this, that reads every row of it
            db.execute("CREATE INDEX IF NOT EXISTS entries_version ON entries (table_name, version)")
            db.execute("SELECT count(*) FROM entries WHERE rowid < 0").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _set_aside(self) -> None:
        """Move a damaged database out of the way (kept for a bug report, replaced next time)."""
        assert self.path is not None
        for suffix in ("", "-wal", "-shm"):
            p = Path(str(self.path) + suffix)
            with contextlib.suppress(OSError):
                os.replace(p, Path(str(p) + ".damaged"))

    def _run(self, fn: Callable[[sqlite3.Connection], R], default: R) -> R:
        """Run a query; a database error turns the cache off for this process instead of failing.

        A damaged file is also set aside, so the next process starts a fresh one.
        """
        if self._db is None:
            return default
        try:
            return fn(self._db)
        except sqlite3.Error as exc:
            db, self._db = self._db, None
            with contextlib.suppress(sqlite3.Error):
                db.close()
            if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.OperationalError):
                self._set_aside()
            return default

    def table(self, name: str, version: str) -> Table:
        """The entries computed by one function; entries of other versions are dropped."""

        def drop_old(db: sqlite3.Connection) -> None:
            db.execute("DELETE FROM entries WHERE table_name = ? AND version != ?", (name, version))

        self._run(drop_old, None)
        return Table(self, name, version)

    # -- upkeep ------------------------------------------------------------------
    def size(self) -> int:
        """Bytes held in values (roughly the size of the file)."""
        return self._run(lambda db: db.execute("SELECT total(length(value)) FROM entries").fetchone()[0], 0)

    def count(self) -> int:
        return self._run(lambda db: db.execute("SELECT count(*) FROM entries").fetchone()[0], 0)

    def prune(self, max_bytes: int | None = None) -> int:
        """Remove least recently used entries until at most ``max_bytes`` remain; returns how many."""
        limit = self.max_bytes if max_bytes is None else max_bytes

        def run(db: sqlite3.Connection) -> int:
            total = db.execute("SELECT total(length(value)) FROM entries").fetchone()[0]
            if total <= limit:
                return 0
            target = limit * 3 // 4  # leave room so the next run does not prune again at once
            removed = 0
            rows = db.execute("SELECT rowid, length(value) FROM entries ORDER BY used, rowid").fetchall()
            doomed = []
            for rowid, size in rows:
                if total <= target:
                    break
                doomed.append((rowid,))
                total -= size
            with _transaction(db):
                db.executemany("DELETE FROM entries WHERE rowid = ?", doomed)
                removed = len(doomed)
            return removed

        return self._run(run, 0)

    def clear(self) -> None:
        self._run(lambda db: db.execute("DELETE FROM entries"), None)

    def close(self) -> None:
        if self._db is not None and self._wrote:
            self.prune()  # turns the cache off by itself on a database error
        db, self._db = self._db, None
        if db is not None:
            with contextlib.suppress(sqlite3.Error):
                db.close()

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


@contextlib.contextmanager
def _transaction(db: sqlite3.Connection):
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


class Table:
    """The cached results of one function, by input key."""

    def __init__(self, cache: Cache, name: str, version: str) -> None:
        self.cache = cache
        self.name = name
        self.version = version
        self.hits = 0
        self.misses = 0

    def get_many(self, keys: Iterable[str]) -> dict[str, Any]:
        """The values found for ``keys``; damaged entries are left out (misses)."""
        keys = list(dict.fromkeys(keys))
        found: dict[str, Any] = {}
        stale: list[tuple[int, str, str]] = []
        now = int(time.time())

        def run(db: sqlite3.Connection) -> None:
            for i in range(0, len(keys), _CHUNK):
                chunk = keys[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = db.execute(
                    f"SELECT key, value, used FROM entries WHERE table_name = ? AND version = ?"
                    f" AND key IN ({marks})",
                    (self.name, self.version, *chunk),
                )
                for key, blob, used in rows:
                    ok, value = _unpack(blob)
                    if ok:
                        found[key] = value
                        if used < now - _TOUCH_AFTER:
                            stale.append((now, self.name, key))
            if stale:
                with _transaction(db):
                    db.executemany("UPDATE entries SET used = ? WHERE table_name = ? AND key = ?", stale)

        self.cache._run(run, None)
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, items: dict[str, Any]) -> None:
        """Store values (JSON-serialisable) in one transaction: all of them or none."""
        if not items:
            return
        now = int(time.time())
        rows = [(self.name, self.version, k, _pack(v), now) for k, v in items.items()]

        def run(db: sqlite3.Connection) -> None:
            with _transaction(db):
                db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?, ?)", rows)
            self.cache._wrote = True

        self.cache._run(run, None)

    def get(self, key: str) -> tuple[bool, Any]:
        found = self.get_many([key])
        return (True, found[key]) if key in found else (False, None)

    def put(self, key: str, value: Any) -> None:
        self.put_many({key: value})

    def map(
        self,
        fn: Callable[[list[T]], list[R]] | Callable[[T], R],
        inputs: Sequence[T],
        key: Callable[[T], str],
        *,
        batch: bool = False,
        encode: Callable[[R], Any] = lambda r: r,
        decode: Callable[[Any], R] = lambda v: v,
    ) -> list[R]:
        """``[fn(x) for x in inputs]``, computing only what the cache does not hold.

        ``key(x)`` names an input (it is hashed with `digest`); equal keys are
        computed once.  With ``batch=True`` ``fn`` takes the list of missing
        inputs and returns their results in order (so it can spread them over
        processes).  ``encode``/``decode`` turn results into JSON values and back.
        """
        keys = [digest(key(x)) for x in inputs]
        cached = {k: decode(v) for k, v in self.get_many(keys).items()}
        todo: dict[str, T] = {}
        for k, x in zip(keys, inputs, strict=True):
            if k not in cached and k not in todo:
                todo[k] = x
        if todo:
            pending = list(todo.values())
            results = fn(pending) if batch else [fn(x) for x in pending]  # type: ignore[call-arg, arg-type]
            new = dict(zip(todo, results, strict=True))
            self.put_many({k: encode(v) for k, v in new.items()})
            cached.update(new)
        return [cached[k] for k in keys]
