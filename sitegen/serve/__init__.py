"""``sitegen serve``: a live preview while you edit content/, templates and styles.

* The site is built once into memory and served from there (``public/`` is not
  touched).  Pages carry a small same-origin script (``/__sitegen__/live.js``,
  added through `BuildContext.extra_head`; ``sitegen build`` never adds it).
* Folders are watched (`watch`); after each burst of saves only what the change
  affects is rendered again (`sitegen.builder.incremental.jobs`), and each open page
  that changed reloads itself.  A stylesheet edit is swapped in without a reload.
* A content or template error shows as an overlay in the browser (file, line,
  message) while the last good build stays served; fixing it clears it.
* Loopback only unless asked; requests never touch the file system (`web`).
* One asyncio loop holds the connections (`server`): no client, however slow or
  however many, can starve the others, hold up a reload or stop Ctrl-C.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import webbrowser
from collections.abc import Callable
from pathlib import Path

from .server import SiteServer
from .session import Session
from .watch import Watcher
from .web import is_loopback


class Preview:
    """Build, serve and watch one site; `start` returns at once, `stop` undoes everything."""

    def __init__(
        self, root: Path, host: str = "127.0.0.1", port: int = 8000, *, log: Callable[[str], None] = print
    ) -> None:
        self.session = Session(root, log=log)
        self.host, self.port = host, port
        self.server: SiteServer | None = None
        self.watcher: Watcher | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        assert self.server is not None
        return self.server.url

    def start(self, *, in_thread: bool = True) -> str:
        """Build, listen, watch; with ``in_thread`` the server runs in a background thread."""
        self.server = SiteServer(self.host, self.port, self.session)  # a busy port fails before the build
        self.watcher = Watcher(self.session.root, self.session.live.watched_dirs(), self.session.notify)
        self.watcher.start()  # edits made during the first build are picked up after it
        self.session.first_build()
        self.session.start()
        if in_thread:
            self._thread = threading.Thread(
                target=self.server.serve_forever, name="sitegen-serve", daemon=True
            )
            self._thread.start()
        return self.url

    def stop(self) -> None:
        if self.watcher is not None:
            self.watcher.stop()
        self.session.stop()
        if self.server is not None:
            if self._thread is not None:
                self.server.shutdown()
            self.server.server_close()


def serve(
    root: Path,
    host: str,
    port: int,
    *,
    open_browser: bool = False,
    log: Callable[[str], None] = print,
    warn: Callable[[str], None] = print,
) -> None:
    """Run until Ctrl-C (or SIGTERM); returns quietly."""
    previous = signal.signal(signal.SIGTERM, _interrupt)
    _more_files()
    preview = Preview(root, host, port, log=log)
    try:
        preview.start(in_thread=False)
        assert preview.server is not None
        if not is_loopback(host):
            warn(
                f"Warning: listening on {host}: anyone who can reach this machine can read your drafts. "
                "Use --host 127.0.0.1 to keep them to yourself."
            )
        log(f"Serving {preview.session.root} at {preview.url} - press Ctrl-C to stop")
        if open_browser:
            webbrowser.open(preview.url)
        preview.server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        preview.stop()
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _more_files() -> None:
    """Each open page holds a connection: allow as many open files as the system lets this process
    have (often 1,024 by default, out of a much higher hard limit)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    wanted = hard if hard != resource.RLIM_INFINITY else 65536
    if soft != resource.RLIM_INFINITY and soft < wanted:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
