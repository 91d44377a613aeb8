"""One ``sitegen serve`` run: the live build, what is served, the browsers, the rebuild loop.

Changes arrive path by path from the watcher; a burst (an editor's atomic save,
a ``git checkout``) is gathered until the folders are quiet for `QUIET` seconds,
then rebuilt at once.  A dump dropped into ``content/dumps/`` is imported first
(`sitegen.importer.run.run_import`); the pages it writes are part of the same
rebuild, and their watcher echoes change nothing.

Every published stage gets a *generation* number.  A page is served stamped with
the current generation; a browser is told to reload only when the file it shows
changed after its generation - so nobody reloads for an edit that does not touch
their page, and a browser that connects late still hears about it.
"""

from __future__ import annotations

import gc
import queue
import secrets
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..builder import BuildError
from ..builder.incremental.jobs import Batch, LiveBuild
from ..errors import ContentError, Problem
from ..util.sitelock import wait_until_free
from .clients import Client, Clients, event
from .web import LIVE_HEAD, site_path

QUIET = 0.05  # seconds without a change that end a burst
LONGEST_BURST = 1.0  # rebuild at the latest this long after the first change of a burst
WAIT_FOR_RENDER = 60.0  # a request for a file being re-rendered waits at most this long
SHOWN_PROBLEMS = 100  # problems listed in the browser's overlay
COLLECT_EVERY = 50  # updates between two full passes of the garbage collector


class Session:
    def __init__(self, root: Path, *, log: Callable[[str], None] = print) -> None:
        self.root = Path(root).resolve()
        self.log = log
        self.live = LiveBuild(self.root, extra_head=LIVE_HEAD)
        self.clients = Clients()
        self.instance = secrets.token_hex(4)
        self.changes: queue.Queue[Path | None] = queue.Queue()
        self._cond = threading.Condition()
        self.generation = 0
        self.changed_at: dict[str, int] = {}
        self.pending: set[str] = set()
        self.busy = False
        self.ready = False  # a good build (or its first part) is published
        self.problems: list[Problem] = []
        self._css_sent = False
        self._thread: threading.Thread | None = None
        self._updates = 0
        self._stopped = False

    # -- the rebuild loop -------------------------------------------------------------
    def first_build(self) -> None:
        """The first build; whatever goes wrong in it is shown in the browser, the server still starts."""
        try:
            self.rebuild(set(), what="first build")
        except Exception as exc:
            self._failed([Problem("sitegen", None, f"internal error: {exc!r}")], "first build", 0.0)
        # The first build's objects live as long as the server: keep the garbage collector from
        # walking them again on every rebuild (a full pass over a 10,000-event site takes ~0.3 s).
        gc.collect()
        gc.freeze()

    def _settle(self) -> None:
        """After an update, as after the first build: what it left alive is frozen, so the collector's
        full passes during the next update do not walk it (at 10,000 events they took ~0.9 s of a
        2.5 s update). A young-generation pass first frees the update's own cyclic garbage; every
        `COLLECT_EVERY` updates a full pass frees what died since it was frozen."""
        self._updates += 1
        if self._updates % COLLECT_EVERY == 0:
            gc.unfreeze()
            gc.collect()
        else:
            gc.collect(1)
        gc.freeze()

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="sitegen-rebuild", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self.changes.put(None)
        self.clients.close()
        with self._cond:
            self._stopped = True  # requests waiting for a file return now
            self._cond.notify_all()

    def notify(self, path: Path) -> None:
        self.changes.put(path)

    def _loop(self) -> None:
        while True:
            paths = self._burst()
            if paths is None:
                return
            try:
                self.rebuild(paths)
            except Exception as exc:  # keep serving whatever happens in a rebuild
                self._failed([Problem("sitegen", None, f"internal error: {exc!r}")], "rebuild", 0.0)

    def _burst(self) -> set[Path] | None:
        first = self.changes.get()
        if first is None:
            return None
        paths = {first}
        deadline = time.monotonic() + LONGEST_BURST
        while (left := min(QUIET, deadline - time.monotonic())) > 0:
            try:
                path = self.changes.get(timeout=left)
            except queue.Empty:
                break
            if path is None:
                self.changes.put(None)
                break
            paths.add(path)
        return paths

    def rebuild(self, paths: set[Path], what: str | None = None) -> None:
        started = time.perf_counter()
        what = what or self._describe(paths)
        failing = bool(self.problems)
        dumps = self.root / "content" / "dumps"
        if any(p.is_relative_to(dumps) for p in paths):
            paths = {p for p in paths if not p.is_relative_to(dumps)}
            imported = self._import()
            if imported is None:
                return
            paths |= imported
            if not paths:
                return
        if wait_until_free(self.root / "content", self.log):  # an import elsewhere: read it whole, once
            while not self.changes.empty():
                if (p := self.changes.get()) is None:
                    self.changes.put(None)
                    break
                paths.add(p)
        with self._cond:
            self.busy = True
        changed = removed = 0
        deferred = ""
        stages = self.live.update(paths, viewed=self._viewed)
        try:
            for batch in stages:
                changed += len(batch.changed)
                removed += len(batch.removed)
                self._publish(batch)
                if not batch.final and not self.changes.empty() and what != "first build":
                    # a newer save waits: what is left is rendered with it (open pages are done)
                    stages.close()
                    deferred = " (the rest follows the next change)"
                    break
        except BuildError as exc:
            self._failed(exc.problems, what, time.perf_counter() - started)
            return
        finally:
            with self._cond:
                self.busy = False
                self.pending = set()
                self._css_sent = False
                self._cond.notify_all()
        if what != "first build":
            self._settle()
        if changed or removed or what == "first build":
            ms = (time.perf_counter() - started) * 1000
            gone = f", {removed} removed" if removed else ""
            self.log(
                f"{time.strftime('%H:%M:%S')} {what}: {changed} files updated{gone} in {ms:.0f} ms{deferred}"
            )
        if failing and not self.problems:
            now = time.strftime("%H:%M:%S")
            self.log(f"{now} {what}: recovered: the problems are fixed, the site builds again")

    def _import(self) -> set[Path] | None:
        """Import the dumps in content/dumps/; the page paths it wrote, or None on failure."""
        from ..config import load_config
        from ..importer.run import run_import

        started = time.perf_counter()
        try:
            report = run_import(load_config(self.root), [])
        except ContentError as exc:
            self._failed([exc.problem], "import", time.perf_counter() - started)
            return None
        written = [c for c in report.changes if c.action in ("create", "update", "remove")]
        self.log(
            f"{time.strftime('%H:%M:%S')} imported content/dumps/: {report.records} records, "
            f"{report.count('create')} pages created, {report.count('update')} updated, "
            f"{report.count('remove')} removed ({time.perf_counter() - started:.1f} s)"
        )
        for p in report.problems:
            self.log(f"  {p}")
        return {self.root / "content" / c.rel for c in written}

    # -- publishing -------------------------------------------------------------------------
    def _publish(self, batch: Batch) -> None:
        with self._cond:
            self.generation += 1
            g = self.generation
            for rel in (*batch.changed, *batch.removed):
                self.changed_at[rel] = g
            self.pending = set(batch.pending)
            self.ready = True  # files not rendered yet are waited for (busy, pending)
            if batch.final and self.problems:
                self.problems = []
                self.clients.broadcast(event("ok"))
            for client in self.clients.snapshot():
                if batch.css:  # a stylesheet changed, nothing else: swap it in place
                    if not self._css_sent:
                        self.clients.send(client, event("css", batch.css))
                    client.generation = g
                elif self._version(client.file) > client.generation:
                    self.clients.send(client, event("reload", client.file))
                    client.generation = g
            self._css_sent = self._css_sent or bool(batch.css)
            self._cond.notify_all()

    def _failed(self, problems: list[Problem], what: str, seconds: float) -> None:
        shown = [p for p in problems if p.level == "error"] or problems
        with self._cond:
            self.problems = shown
            self.clients.broadcast(event("problems", self._payload()))
        self.log(
            f"{time.strftime('%H:%M:%S')} {what}: build failed ({len(shown)} problem"
            f"{'s' if len(shown) != 1 else ''}, {seconds * 1000:.0f} ms); still serving the last good build"
        )
        for p in shown:
            self.log(f"  {self._relative(p)}")

    def _payload(self) -> list[dict]:
        """The overlay's list: the first `SHOWN_PROBLEMS` (the terminal has them all)."""
        shown = [
            {"file": str(self._relative(p).path), "line": p.line, "message": p.message}
            for p in self.problems[:SHOWN_PROBLEMS]
        ]
        if len(self.problems) > SHOWN_PROBLEMS:
            more = len(self.problems) - SHOWN_PROBLEMS
            shown.append({"file": "…", "line": None, "message": f"{more} more: see the terminal"})
        return shown

    def _relative(self, p: Problem) -> Problem:
        path = Path(p.path)
        if path.is_absolute() and path.is_relative_to(self.root):
            return Problem(path.relative_to(self.root), p.line, p.message, p.level)
        return p

    def _version(self, rel: str) -> int:
        """The generation in which what a browser sees at ``rel`` last changed."""
        seen = self.changed_at.get(rel, 0)
        if rel not in self.live.files:
            seen = max(seen, self.changed_at.get("404.html", 0))
        return seen

    def _viewed(self) -> set[str]:
        return {c.file for c in self.clients.snapshot()}

    def _describe(self, paths: set[Path]) -> str:
        root = self.root
        names = sorted(str(p.relative_to(root)) if p.is_relative_to(root) else str(p) for p in paths)
        return ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")

    # -- what the web side asks ------------------------------------------------------------------
    RENDERING = object()
    """What `lookup` answers, without waiting, for a file that is being re-rendered."""

    def lookup(self, rel: str, wait: bool = True) -> tuple[bytes, int] | object | None:
        """The bytes of a site file and their generation; waits while the file is being re-rendered
        (or, with ``wait=False``, answers `RENDERING` at once). `stop` ends every wait."""
        deadline = time.monotonic() + WAIT_FOR_RENDER
        with self._cond:
            while (rel in self.pending or (self.busy and rel not in self.live.files)) and not self._stopped:
                if not wait:
                    return self.RENDERING
                if (left := deadline - time.monotonic()) <= 0:
                    break
                self._cond.wait(left)
            if not self.ready:
                return (self.error_page(), 0) if rel.endswith(".html") else None
            data = self.live.files.get(rel)
            return None if data is None else (data, self.generation)

    def connect(self, client: Client, page: str, instance: str) -> None:
        """A page's live script opened its event stream (``client.generation``: the page's stamp)."""
        rel = client.file = site_path(page) or "404.html"
        generation = client.generation
        greeting = b"retry: 1000\n\n"
        with self._cond:
            if self.ready and (instance != self.instance or self._version(rel) > generation):
                greeting += event("reload", rel)  # changed between page load and now, or a new server
                client.generation = self.generation
            elif self.problems:
                greeting += event("problems", self._payload())
            self.clients.add(client, greeting)

    def error_page(self) -> bytes:
        return (
            '<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
            f"<title>sitegen serve</title>\n{LIVE_HEAD}</head>\n<body>\n<main>\n"
            "<h1>站点尚未建成 · The site is not built yet</h1>\n"
            "<p>修正下列问题并保存，本页会自动刷新。 Fix the problems shown and save: "
            "this page reloads by itself.</p>\n</main>\n</body>\n</html>\n"
        ).encode()
