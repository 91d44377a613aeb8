"""Browsers listening for changes: Server-Sent Events streams, written by the server's event loop.

A stream is an answered request whose connection stays open (`sitegen.serve.server`
reads it until the browser hangs up, then calls `Clients.discard`).  Messages come
from the rebuild thread; they are queued and handed to the event loop with one
``call_soon_threadsafe`` per batch, which never blocks: asyncio's wake-up pipe is
non-blocking, and a full pipe already means the loop will wake.  The loop writes
each message into the stream's transport buffer; a browser that stops reading is
dropped (its connection aborted) once `MAX_BUFFER` bytes wait for it, never waited
for.  So a thousand tabs closing at once, or a tab that hangs, cannot hold up a
rebuild, another tab's reload, or shutdown.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from dataclasses import dataclass

KEEPALIVE_SECONDS = 15.0
MAX_BUFFER = 256 * 1024  # bytes still waiting for one browser when the next message comes: dropped


@dataclass(eq=False)
class Client:
    """One open page: its stream's writer, the site file it shows and the generation of the bytes it got."""

    writer: asyncio.StreamWriter
    file: str
    generation: int


def event(name: str, data: object = "") -> bytes:
    """One SSE message; ``data`` other than a string is sent as JSON."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    lines = "".join(f"data: {line}\n" for line in (text.split("\n") or [""]))
    return f"event: {name}\n{lines}\n".encode()


class Clients:
    """The open event streams; `send` and `broadcast` may be called from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: dict[Client, None] = {}  # an ordered set
        self._loop: asyncio.AbstractEventLoop | None = None
        self._outbox: list[tuple[Client, bytes]] = []
        self._scheduled = False
        self._closed = False

    def attach(self, loop: asyncio.AbstractEventLoop) -> None:
        """The event loop that owns the streams' connections (the server's)."""
        with self._lock:
            self._loop = loop

    def add(self, client: Client, greeting: bytes = b"") -> None:
        """A stream whose headers were sent (called in the event loop); ``greeting`` is sent first."""
        with self._lock:
            if self._closed:
                client.writer.transport.abort()
                return
            self._clients[client] = None
        if greeting:
            self._write(client, greeting)

    def discard(self, client: Client) -> None:
        with self._lock:
            self._clients.pop(client, None)

    def __len__(self) -> int:
        with self._lock:
            return len(self._clients)

    def snapshot(self) -> list[Client]:
        with self._lock:
            return list(self._clients)

    def send(self, client: Client, message: bytes) -> None:
        self._post([(client, message)])

    def broadcast(self, message: bytes) -> None:
        self._post([(c, message) for c in self.snapshot()])

    def close(self) -> None:
        """Drop every stream; later ones are refused. Safe from any thread."""
        with self._lock:
            self._closed = True
            clients, self._clients = list(self._clients), {}
            self._outbox = []
            loop = self._loop
        if not clients or loop is None:
            return
        if _running_in(loop):
            _abort(clients)
        else:
            with contextlib.suppress(RuntimeError):  # the loop has ended: its connections with it
                loop.call_soon_threadsafe(_abort, clients)

    # -- internals ---------------------------------------------------------------------
    def _post(self, items: list[tuple[Client, bytes]]) -> None:
        with self._lock:
            if self._closed or self._loop is None or not items:
                return
            self._outbox.extend(items)
            if self._scheduled:  # a flush is on its way and takes these too
                return
            self._scheduled = True
            loop = self._loop
        try:
            loop.call_soon_threadsafe(self._flush)
        except RuntimeError:  # the loop has ended: nobody left to tell
            with self._lock:
                self._scheduled = False

    def _flush(self) -> None:
        with self._lock:
            items, self._outbox = self._outbox, []
            self._scheduled = False
        for client, message in items:
            self._write(client, message)

    def _write(self, client: Client, message: bytes) -> None:
        """In the event loop: buffer ``message`` for ``client``, or drop a client that stopped reading."""
        transport = client.writer.transport
        if transport.is_closing():
            self.discard(client)
        elif transport.get_write_buffer_size() > MAX_BUFFER:  # earlier messages still wait: not reading
            self.discard(client)
            transport.abort()
        else:
            transport.write(message)


def _running_in(loop: asyncio.AbstractEventLoop) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False


def _abort(clients: list[Client]) -> None:
    for c in clients:
        c.writer.transport.abort()
