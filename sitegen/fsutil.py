"""Writing files so that a crash never leaves half of one behind.

Every file sitegen writes goes through `atomic_write`: the bytes go to a
temporary file in the same folder, are flushed to disk, and the temporary
file is renamed over the target (an atomic step on POSIX and Windows).
A whole output folder is built in a staging folder beside it and swapped in
by `swap_in`.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def atomic_write(path: Path, data: bytes | str, *, fsync: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step; the old file stays whole until then."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_many(
    files: Iterable[tuple[Path, bytes | str]], advance: Callable[[int], None] | None = None
) -> None:
    """`atomic_write` for many files, flushed to disk once for all of them instead of once each.

    Every file's bytes go to a temporary file beside it; when all are written, one
    sync makes them durable, and only then is each renamed over its target, so a
    crash leaves every target whole: as it was or as it is meant to be.  Where one
    sync is no barrier (only Linux waits for it) each temporary file is flushed on
    its own.  A killed process may leave temporary files: `remove_temporary`.
    """
    staged: list[tuple[str, Path]] = []
    renamed = 0
    each = not sys.platform.startswith("linux")
    try:
        for path, data in files:
            path = Path(path)
            if isinstance(data, str):
                data = data.encode("utf-8")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            staged.append((tmp, path))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                if each:
                    fh.flush()
                    os.fsync(fh.fileno())
            if advance is not None:
                advance(1)
        if staged and not each:
            os.sync()
        for tmp, path in staged:
            os.replace(tmp, path)
            renamed += 1
    except BaseException:
        for tmp, _ in staged[renamed:]:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
"""The name `atomic_write` gives a temporary file (``.page.md.k2j4h1x9.tmp``)."""


def remove_temporary(folder: Path) -> int:
    """Remove the temporary files a killed writer left in ``folder``; returns how many."""
    removed = 0
    if Path(folder).is_dir():
        for p in Path(folder).iterdir():
            if _TEMPORARY.match(p.name) and p.is_file():
                with contextlib.suppress(OSError):
                    p.unlink()
                    removed += 1
    return removed


def staging_dir(target: Path) -> Path:
    """A fresh empty folder beside ``target`` to build into."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-", dir=target.parent))


def swap_in(staged: Path, target: Path) -> None:
    """Put ``staged`` in place of ``target``; the old tree is removed afterwards.

    Where the system can exchange two names in one step (Linux), ``target`` is
    always there, old or new.  Elsewhere, between two renames the target name
    briefly does not exist; it is never half-written, and the next build puts
    the old tree back if a crash came in between (`clean_stale`).
    """
    staged, target = Path(staged), Path(target)
    if target.exists() and _exchange(staged, target):
        shutil.rmtree(staged, ignore_errors=True)  # holds the old tree now
        return
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        old.rmdir()
        os.replace(target, old)
    os.replace(staged, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def clean_stale(target: Path) -> None:
    """Remove staging and old folders that a killed build left beside ``target``."""
    target = Path(target)
    if not target.parent.exists():
        return
    # an interrupted swap may have left the target missing while an old tree exists: put it back
    olds = sorted(target.parent.glob(f".{target.name}.old-*"), key=lambda p: p.stat().st_mtime_ns)
    if not target.exists() and olds and olds[-1].is_dir():
        os.replace(olds[-1], target)
    for p in target.parent.glob(f".{target.name}.*-*"):
        if p.is_dir() and (".staging-" in p.name or ".old-" in p.name):
            shutil.rmtree(p, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names ``a`` and ``b`` in one step (Linux ``renameat2`` with ``RENAME_EXCHANGE``).

    False where the system or file system cannot; nothing has changed then."""
    import ctypes
    import errno
    import sys

    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM):
        return False
    raise OSError(code, os.strerror(code), str(b))
