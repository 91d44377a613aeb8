"""Writing files so that a crash never leaves half of one behind.

Every file sitegen writes goes through `atomic_write`: the bytes go to a
temporary file in the same folder, are flushed to disk, and the temporary
file is renamed over the target (an atomic step on POSIX and Windows).
A whole output folder is built in a staging folder beside it and swapped in
by `swap_in`: on Linux the two folders trade places in one step, so the target
is at every moment either the old tree or the new one.

Temporary files and folders carry the id of the process that made them
(``.page.md.4711-x8a2.tmp``, ``.public.staging-4711-k2j9``): what a killed
process left behind is removed by the next run (`remove_orphans`,
`clean_stale`) without touching the work of another process still running.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import hashlib
import os
import re
import secrets
import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

_OWNER = re.compile(r"[.-](\d+)-[A-Za-z0-9_]+(?:\.tmp)?$")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def temp_file(folder: Path, prefix: str) -> tuple[int, str]:
    """A new file ``folder/<prefix><random>.tmp`` opened for writing: ``(fd, path)``.

    Unlike `tempfile.mkstemp` (always 0600) it is created with mode 0666 less the
    process's umask, as a plain ``open(path, "w")`` would: a site written under umask
    022 is readable by the web server (0644), and the rename keeps that mode.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        name = os.path.join(folder, f"{prefix}{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, flags, 0o666), name
        except FileExistsError:
            continue


def temp_dir(folder: Path, prefix: str) -> Path:
    """A new empty folder ``folder/<prefix><random>``, mode 0777 less the umask (as ``mkdir``
    makes it; `tempfile.mkdtemp` would make it 0700, and a staged site becomes the output folder)."""
    while True:
        path = Path(folder) / f"{prefix}{secrets.token_hex(4)}"
        try:
            path.mkdir(0o777)
            return path
        except FileExistsError:
            continue


def atomic_write(path: Path, data: bytes | str, *, fsync: bool = True) -> None:
    """Replace ``path`` with ``data`` in one step; the old file stays whole until then."""
    path = Path(path)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temp_file(path.parent, f".{path.name}.{os.getpid()}-")
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
    files: Iterable[tuple[Path, bytes | str]],
    advance: Callable[[int], None] | None = None,
    *,
    still: Callable[[Path], bool] | None = None,
) -> list[Path]:
    """`atomic_write` for many files, flushed to disk once for all of them instead of once each.

    Every file's bytes go to a temporary file beside it; when all are written, one
    sync makes them durable, and only then is each renamed over its target, so a
    crash leaves every target whole: as it was or as it is meant to be.  Where one
    sync is no barrier (only Linux waits for it) each temporary file is flushed on
    its own.  A killed process may leave temporary files: `remove_orphans`.

    ``still(path)``, asked just before each rename, may say that a target is no longer
    what the caller planned against (a person saved it meanwhile): it is then left alone.
    Returns the targets left alone.
    """
    staged: list[tuple[str, Path]] = []
    left: list[Path] = []
    renamed = 0
    each = not sys.platform.startswith("linux")
    try:
        for path, data in files:
            path = Path(path)
            if isinstance(data, str):
                data = data.encode("utf-8")
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = temp_file(path.parent, f".{path.name}.{os.getpid()}-")
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
            if still is None or still(path):
                os.replace(tmp, path)
            else:
                os.unlink(tmp)
                left.append(path)
            renamed += 1
    except BaseException:
        for tmp, _ in staged[renamed:]:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise
    return left


def staging_dir(target: Path) -> Path:
    """A fresh empty folder beside ``target`` to build into."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    clean_stale(target)
    return temp_dir(target.parent, f".{target.name}.staging-{os.getpid()}-")


def swap_in(staged: Path, target: Path) -> None:
    """Put ``staged`` in place of ``target``; the old tree is removed afterwards.

    Where the system can exchange two names in one step (Linux), ``target`` is
    never missing.  Elsewhere it is missing between two renames; if a crash
    falls there, the next `clean_stale` puts the old tree back.
    """
    staged, target = Path(staged), Path(target)
    if target.exists() and _exchange(staged, target):
        shutil.rmtree(staged, ignore_errors=True)  # it now holds the old tree
        return
    old = None
    if target.exists():
        old = temp_dir(target.parent, f".{target.name}.old-{os.getpid()}-")
        old.rmdir()
        os.replace(target, old)
    os.replace(staged, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap the names ``a`` and ``b`` atomically (Linux ``renameat2(RENAME_EXCHANGE)``).

    False when this system or file system cannot; the caller then renames twice.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EXDEV, errno.EPERM):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _orphaned(path: Path) -> bool:
    """Was ``path`` made by a process that is no longer running?"""
    m = _OWNER.search(path.name)
    if m is None:
        return False
    pid = int(m.group(1))
    return pid != os.getpid() and not running(pid)


def running(pid: int) -> bool:
    """Is process ``pid`` running?  (When the system will not say - another user's - yes.)"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def clean_stale(target: Path) -> None:
    """Remove the staging and old folders a killed build left beside ``target``; if the kill
    fell between the two renames of `swap_in`, put the old tree back first."""
    target = Path(target)
    if not target.parent.exists():
        return
    # newest first: if the target is missing, the last tree swapped out is the one to put back
    olds = target.parent.glob(f".{target.name}.old-*")
    for p in sorted(olds, key=lambda p: p.stat().st_mtime_ns, reverse=True):
        if p.is_dir() and _orphaned(p):
            if not target.exists():
                os.replace(p, target)
            else:
                shutil.rmtree(p, ignore_errors=True)
    for p in target.parent.glob(f".{target.name}.staging-*"):
        if p.is_dir() and _orphaned(p):
            shutil.rmtree(p, ignore_errors=True)


def remove_orphans(folder: Path, name: str | None = None) -> list[Path]:
    """Remove the temporary files killed processes left anywhere under ``folder``.

    With ``name``, only those of the file ``folder/name``, and only in ``folder`` itself
    (the build manifest beside a site's root, say, without walking the whole site).
    """
    removed = []
    found = Path(folder).glob(f".{name}.*.tmp") if name else Path(folder).rglob(".*.tmp")
    for p in found:
        if p.is_file() and _orphaned(p):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
            removed.append(p)
    return removed


def file_digest(data: bytes) -> str:
    """The hash a file's bytes are known by (the build manifest's and the page cache's)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()
