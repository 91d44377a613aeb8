"""One writer at a time: the site lock (``content/.sitegen/lock``).

`sitegen import` (and any command that writes ``content/``) holds the lock
*exclusively* from before it reads the ledger until its last page is written;
`sitegen build` and a dry run hold it *shared* while they read ``content/``.  So
two imports never interleave (the second reads the ledger the first wrote), and a
build never renders a site an import has half written: it waits for the import to
end and then reads all of it.  ``sitegen serve`` calls `wait_until_free` before
each rebuild, and so rebuilds once, after the import.

The lock is the kernel's (``flock``): it belongs to the open file, and the kernel
drops it when the process holding it ends, however it ends, so a killed import
leaves no lock behind.  The file exists only while the lock is held (the last
holder removes it; a waiter that finds its file gone starts over), and while an
import holds it, it names the import (process id, command, since when) so that a
waiting command can say what it waits for.  A note left by a killed process names
a process that no longer runs, and is ignored.  Where ``flock`` does not exist
(Windows) the lock does nothing.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import ContentError
from .fsutil import running

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

LOCK = Path(".sitegen") / "lock"


class SiteBusy(Exception):
    """The site is locked and the caller chose not to wait (``--no-wait``)."""

    def __init__(self, holder: str) -> None:
        super().__init__(holder)
        self.holder = holder


def lock_path(content_dir: Path) -> Path:
    return Path(content_dir) / LOCK


def holder(content_dir: Path) -> str:
    """Who holds the lock, in words, from its note ("process 4711 (sitegen import x.txt) since …")."""
    try:
        note = lock_path(content_dir).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        note = ""
    pid, _, rest = note.partition(" ")
    if pid.isdigit() and running(int(pid)):
        command, _, since = rest.partition("\t")
        return f"process {pid} ({command}) since {since}"
    return "another sitegen command that is reading the site (a build or a dry run)"


def _open(content_dir: Path) -> int:
    path = lock_path(content_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666)


def _acquire(content_dir: Path, mode: int, wait: bool, on_wait: Callable[[str], None] | None) -> int:
    """An open, locked descriptor of the lock file that is still at its path.

    The file exists only while someone holds it: the last holder removes it (`_release`).
    A command that waited on a file removed meanwhile holds a lock nobody else can see,
    so it opens the path again and starts over."""
    told = False
    while True:
        fd = _open(content_dir)
        try:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
            except BlockingIOError:
                who = holder(content_dir)
                if not wait:
                    raise SiteBusy(who) from None
                if on_wait is not None and not told:
                    on_wait(f"{lock_path(content_dir)}: waiting for {who} to finish")
                    told = True
                fcntl.flock(fd, mode)
            mine = os.fstat(fd)
            try:
                there = os.stat(lock_path(content_dir))
            except FileNotFoundError:
                there = None
        except BaseException:
            os.close(fd)
            raise
        if there is not None and (there.st_ino, there.st_dev) == (mine.st_ino, mine.st_dev):
            return fd
        os.close(fd)


def _release(fd: int, content_dir: Path) -> None:
    """Unlock; the last holder (the one that can hold it alone) removes the file first."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        pass  # others hold it too: the last of them removes it
    else:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(lock_path(content_dir))
    finally:
        os.close(fd)


def command_line() -> str:
    """This process's command, short: ``sitegen import dump.txt``."""
    args = [Path(sys.argv[0]).name if sys.argv else "python", *sys.argv[1:]]
    if args[0] in ("__main__.py", "-m", "-c"):
        args[0] = "sitegen"
    return " ".join(args)[:200]


@contextlib.contextmanager
def exclusive(
    content_dir: Path,
    *,
    command: str | None = None,
    wait: bool = True,
    on_wait: Callable[[str], None] | None = None,
) -> Iterator[None]:
    """Hold the site for writing; waits for other holders (``on_wait`` hears why) or, with
    ``wait=False``, raises `SiteBusy` naming the holder."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    try:
        fd = _acquire(content_dir, fcntl.LOCK_EX, wait, on_wait)
    except PermissionError as exc:  # a site this user may not write: say so, not a traceback
        raise ContentError(lock_path(content_dir), None, f"cannot lock the site: {exc.strerror}") from None
    try:
        since = time.strftime("%Y-%m-%d %H:%M:%S %Z")
        os.pwrite(fd, f"{os.getpid()} {command or command_line()}\t{since}\n".encode(), 0)
        yield
    finally:
        _release(fd, content_dir)


@contextlib.contextmanager
def shared(
    content_dir: Path, *, wait: bool = True, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the site for reading: no import writes while this is held (others may read)."""
    if fcntl is None or not Path(content_dir).is_dir():  # pragma: no cover
        yield
        return
    try:
        fd = _acquire(content_dir, fcntl.LOCK_SH, wait, on_wait)
    except OSError:  # a site this user may only read (no lock file can be made): read it as it is
        yield
        return
    try:
        yield
    finally:
        _release(fd, content_dir)


def wait_until_free(content_dir: Path, on_wait: Callable[[str], None] | None = None) -> bool:
    """Wait until no import holds the site; True if there was one to wait for.

    For ``sitegen serve``: called before a rebuild, it makes the rebuild read the
    site after the import, not halfway through it."""
    if fcntl is None or not lock_path(content_dir).exists():  # pragma: no cover
        return False
    waited: list[str] = []

    def heard(text: str) -> None:
        waited.append(text)
        if on_wait is not None:
            on_wait(text)

    with shared(content_dir, on_wait=heard):
        pass
    return bool(waited)
