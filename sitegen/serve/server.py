"""The connections of ``sitegen serve``: one asyncio event loop, in one thread, holds them all.

What no client can do to it, and why:

* **Hold a worker.** There are no per-connection workers: an idle or half-sent
  request costs one coroutine, not a thread.  A request for a file that is being
  re-rendered waits in a small thread pool (`LOOKUP_WORKERS`), never in the loop.
* **Stay for ever.** A request head must arrive whole within `HEAD_SECONDS` of the
  connection (or of the previous answer, on a kept-alive connection), however
  slowly it trickles in; an answer must be taken within `SEND_SECONDS`.
* **Crowd others out.** Beyond `MAX_WAITING` connections waiting for a request
  head, each new one closes those that have waited longest (the slowest senders,
  if they waited more than `GRACE_SECONDS`), so a browser arriving now is read.
* **Block a wake-up.** Live-reload messages reach the loop through
  `sitegen.serve.clients`, which never blocks on a browser.
* **Stop the stop.** `shutdown` (from another thread) and Ctrl-C (in the loop's own
  thread: asyncio turns SIGINT into a cancellation) end the loop whatever the
  connections do; each is aborted on the way out.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import socket
import sys
import threading
from collections.abc import Awaitable
from concurrent.futures import ThreadPoolExecutor
from email.utils import formatdate
from http import HTTPStatus
from typing import TYPE_CHECKING, TypeVar
from urllib.parse import parse_qs, urlsplit

from .clients import KEEPALIVE_SECONDS, Client
from .web import (
    PREFIX,
    Request,
    content_type,
    host_is_loopback,
    is_loopback,
    live_file,
    parse_head,
    site_path,
    stamped,
    url_path,
)

if TYPE_CHECKING:
    from .session import Session

T = TypeVar("T")

HEAD_SECONDS = 10.0  # to send a whole request head
SEND_SECONDS = 30.0  # to take an answer
MAX_WAITING = 128  # connections waiting for a request head at once
GRACE_SECONDS = 1.0  # ... beyond which those waiting longer than this are closed, oldest first
MAX_HEAD = 64 * 1024  # bytes of request line and header fields
LOOKUP_WORKERS = 16  # requests waiting at once for a file being re-rendered


class SiteServer:
    """Listens as soon as it is made (a busy port fails before the build); `serve_forever` runs the loop."""

    def __init__(self, host: str, port: int, session: Session) -> None:
        self.session = session
        self.loopback_only = is_loopback(host)
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socket = socket.create_server((host.strip("[]"), port), family=family, backlog=128)
        self.server_address = self.socket.getsockname()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stopping = False
        self._done = threading.Event()
        self._connections: set[asyncio.StreamWriter] = set()
        self._tasks: set[asyncio.Task] = set()
        self._waiting: dict[asyncio.StreamWriter, float] = {}  # since when, oldest first
        self._pool = ThreadPoolExecutor(LOOKUP_WORKERS, thread_name_prefix="sitegen-lookup")

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host}]" if ":" in str(host) else host
        return f"http://{shown}:{port}/"

    def serve_forever(self) -> None:
        """Answer until `shutdown` (or, in the main thread, Ctrl-C: KeyboardInterrupt is raised)."""
        try:
            asyncio.run(self._main())
        finally:
            self._done.set()

    def shutdown(self, timeout: float = 10.0) -> None:
        """Stop `serve_forever` running in another thread, and wait for it."""
        self._stopping = True
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop already ended
                loop.call_soon_threadsafe(stop.set)
        self._done.wait(timeout)

    def server_close(self) -> None:
        self.socket.close()
        self._pool.shutdown(wait=False, cancel_futures=True)

    # -- the loop ----------------------------------------------------------------------------
    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        if self._stopping:
            self._stop.set()
        self.session.clients.attach(self._loop)
        with contextlib.suppress(ValueError, RuntimeError, NotImplementedError):  # main thread, POSIX only
            # SIGTERM ends the loop as a stop does (SIGINT is asyncio's own: it cancels this task)
            self._loop.add_signal_handler(signal.SIGTERM, self._stop.set)
        server = await asyncio.start_server(self._spawn, sock=self.socket, limit=MAX_HEAD)
        keepalive = asyncio.create_task(self._keepalive())
        try:
            await self._stop.wait()
        finally:
            keepalive.cancel()
            server.close()
            self.session.clients.close()
            for writer in list(self._connections):
                writer.transport.abort()
            if self._tasks:  # each ends at once now that its connection is gone
                await asyncio.wait(list(self._tasks), timeout=1.0)

    def _spawn(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """A task per connection, ours to hold (a plain callback: asyncio 3.11 would log a traceback
        for each connection task cancelled when Ctrl-C ends the loop)."""
        task = asyncio.get_running_loop().create_task(self._connection(reader, writer))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _keepalive(self) -> None:
        """A comment now and then: proxies keep the streams open, and dead peers show up."""
        while True:
            await asyncio.sleep(KEEPALIVE_SECONDS)
            self.session.clients.broadcast(b": keep-alive\n\n")

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._connections.add(writer)
        try:
            while (request := await self._read(reader, writer)) is not None:
                if not await self._answer(request, reader, writer):
                    break
        except ConnectionError:
            pass  # a browser that hung up or stopped reading is not worth a traceback
        except Exception as exc:  # keep serving whatever one request does
            print(f"sitegen serve: error answering a request: {exc!r}", file=sys.stderr)
        finally:
            self._connections.discard(writer)
            writer.close()

    async def _read(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Request | None:
        """The next request head, or None when the connection is to be closed."""
        now = asyncio.get_running_loop().time()
        self._waiting[writer] = now
        while len(self._waiting) > MAX_WAITING:  # those that waited longest make room
            oldest, since = next(iter(self._waiting.items()))
            if now - since < GRACE_SECONDS:  # a burst of new connections: their requests are on the way
                break
            del self._waiting[oldest]
            oldest.transport.abort()
        try:
            head = await _within(HEAD_SECONDS, reader.readuntil(b"\r\n\r\n"), writer)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            return None  # closed by the browser, or by us when the time was up
        finally:
            self._waiting.pop(writer, None)
        request = parse_head(head)
        if request is None:
            await self._send(writer, 400, b"Bad request\n", "x.txt", keep=False)
        return request

    async def _answer(
        self, request: Request, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> bool:
        """Answer one request; whether the connection may carry another."""
        keep = request.keep_alive() and not (
            {"content-length", "transfer-encoding"} & request.headers.keys()
        )  # a body is never read: close rather than take it for the next request
        body = request.method != "HEAD"
        if request.method not in ("GET", "HEAD"):
            await self._send(
                writer, 405, b"Only GET and HEAD\n", "x.txt", keep=False, extra={"Allow": "GET, HEAD"}
            )
            return False
        if self.loopback_only and not host_is_loopback(request.headers.get("host", "")):
            text = b"Forbidden: this preview answers only to localhost.\n"
            await self._send(writer, 403, text, "x.txt", keep=keep, body=body)
            return keep
        url = request.target
        if url.startswith(PREFIX):
            tool = urlsplit(url[len(PREFIX) :])
            if tool.path == "events":
                await self._events(parse_qs(tool.query), reader, writer)
                return False
            if tool.path in ("live.js", "live.css"):
                await self._send(writer, 200, live_file(tool.path), tool.path, keep=keep, body=body)
                return keep
        rel = site_path(url) if not url.startswith(PREFIX) else None
        found = await self._lookup(rel) if rel is not None else None
        if (
            found is None
            and rel is not None
            and not rel.endswith(".html")
            and await self._lookup(rel + "/index.html") is not None
        ):
            location = "/" + url_path(url).lstrip("/") + "/"
            await self._send(writer, 301, b"", "x.txt", keep=keep, body=body, extra={"Location": location})
            return keep
        if found is None or rel is None:
            rel, found = "404.html", await self._lookup("404.html")
            if found is None:
                await self._send(writer, 404, b"Not found\n", "x.txt", keep=keep, body=body)
                return keep
            status = 404
        else:
            status = 200
        data = stamped(found[0], rel, found[1], self.session.instance)
        await self._send(writer, status, data, rel, keep=keep, body=body)
        return keep

    async def _lookup(self, rel: str) -> tuple[bytes, int] | None:
        """A site file; a file being re-rendered is waited for in a worker thread, not in the loop."""
        found = self.session.lookup(rel, wait=False)
        if found is self.session.RENDERING:
            loop = asyncio.get_running_loop()
            found = await loop.run_in_executor(self._pool, self.session.lookup, rel)
        return found  # type: ignore[return-value]

    async def _events(
        self, query: dict[str, list[str]], reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        """A page's live script: headers now, then messages until the browser hangs up."""
        try:
            generation = int(query.get("g", ["0"])[0])
        except ValueError:
            generation = 0
        head = (
            "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n"
            "Cache-Control: no-store\r\nX-Accel-Buffering: no\r\nConnection: close\r\n\r\n"
        )
        writer.write(head.encode())
        await _drained(writer)
        client = Client(writer, "", generation)
        self.session.connect(client, query.get("path", ["/"])[0], query.get("s", [""])[0])
        try:
            while await reader.read(4096):  # nothing is expected; the end is the page closing
                pass
        finally:
            self.session.clients.discard(client)
            writer.transport.abort()

    async def _send(
        self,
        writer: asyncio.StreamWriter,
        status: int,
        data: bytes,
        name: str,
        *,
        keep: bool,
        body: bool = True,
        extra: dict[str, str] | None = None,
    ) -> None:
        lines = [
            f"HTTP/1.1 {status} {HTTPStatus(status).phrase}",
            "Server: sitegen-serve",
            f"Date: {formatdate(usegmt=True)}",
            f"Content-Type: {content_type(name)}",
            f"Content-Length: {len(data)}",
            "Cache-Control: no-store",
            "X-Content-Type-Options: nosniff",
        ]
        if name.endswith(".html"):
            lines.append("Content-Security-Policy: default-src 'self'")
        lines += [f"{k}: {v}" for k, v in (extra or {}).items()]
        lines.append("Connection: keep-alive" if keep else "Connection: close")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (data if body else b""))
        await _drained(writer)


async def _within(seconds: float, step: Awaitable[T], writer: asyncio.StreamWriter) -> T:
    """``step``, or the connection aborted after ``seconds`` (the step then fails as a lost connection).
    A timer, not `asyncio.wait_for`: no task per request, and no exception cycles for the collector."""
    timer = asyncio.get_running_loop().call_later(seconds, writer.transport.abort)
    try:
        return await step
    finally:
        timer.cancel()


async def _drained(writer: asyncio.StreamWriter) -> None:
    """Wait until the answer is taken (at most `SEND_SECONDS`); at once when it already went out."""
    if writer.transport.get_write_buffer_size():
        await _within(SEND_SECONDS, writer.drain(), writer)
