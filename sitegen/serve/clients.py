"""Browsers listening for changes: Server-Sent Events sockets held by one thread.

An SSE request is answered by a page worker, which writes the headers and hands
the socket over to `Clients`; the worker is then free for the next page.  One
thread watches all handed-over sockets (for browsers that went away) and sends
a keep-alive comment now and then.  Messages are written without blocking: a
browser that stops reading is dropped, never waited for.
"""

from __future__ import annotations

import contextlib
import json
import selectors
import socket
import threading
from dataclasses import dataclass

KEEPALIVE_SECONDS = 15.0


@dataclass(eq=False)
class Client:
    """One open page: the site file it shows and the generation of the bytes it got."""

    sock: socket.socket
    file: str
    generation: int


def event(name: str, data: object = "") -> bytes:
    """One SSE message; ``data`` other than a string is sent as JSON."""
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    lines = "".join(f"data: {line}\n" for line in (text.split("\n") or [""]))
    return f"event: {name}\n{lines}\n".encode()


class Clients:
    """The open event streams."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: list[Client] = []
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ)
        self._added: list[Client] = []
        self._closed = False
        self._thread = threading.Thread(target=self._watch, name="sitegen-sse", daemon=True)
        self._thread.start()

    def add(self, client: Client, greeting: bytes = b"") -> None:
        """Take over an answered SSE request's socket; ``greeting`` is sent first."""
        client.sock.setblocking(False)
        with self._lock:
            if self._closed:
                client.sock.close()
                return
            self._clients.append(client)
            self._added.append(client)
        if greeting:
            self._send(client, greeting)
        self._wake()

    def __len__(self) -> int:
        with self._lock:
            return len(self._clients)

    def snapshot(self) -> list[Client]:
        with self._lock:
            return list(self._clients)

    def send(self, client: Client, message: bytes) -> None:
        self._send(client, message)

    def broadcast(self, message: bytes) -> None:
        for client in self.snapshot():
            self._send(client, message)

    def close(self) -> None:
        with self._lock:
            self._closed = True
            clients, self._clients = self._clients, []
        for c in clients:
            with contextlib.suppress(OSError):
                c.sock.close()
        self._wake()

    # -- internals ---------------------------------------------------------------------
    def _send(self, client: Client, message: bytes) -> None:
        try:
            sent = client.sock.send(message)
        except OSError:  # gone, or not reading (buffer full)
            sent = -1
        if sent != len(message):
            self._drop(client)

    def _drop(self, client: Client) -> None:
        """Forget a client; the watching thread closes its socket."""
        with self._lock:
            if client in self._clients:
                self._clients.remove(client)
        self._wake()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):
            self._wake_w.send(b"x")

    def _watch(self) -> None:
        watched: set[Client] = set()
        while True:
            ready = self._selector.select(timeout=KEEPALIVE_SECONDS)
            with self._lock:
                if self._closed:
                    break
                added, self._added = self._added, []
                alive = set(self._clients)
            for client in watched - alive:  # dropped: unregister before an fd number is reused
                with contextlib.suppress(KeyError, ValueError, OSError):
                    self._selector.unregister(client.sock)
                client.sock.close()
                watched.discard(client)
            for client in added:
                if client in alive:
                    self._selector.register(client.sock, selectors.EVENT_READ, client)
                    watched.add(client)
                else:
                    client.sock.close()
            if not ready:
                self.broadcast(b": keep-alive\n\n")
            for key, _ in ready:
                if key.data is None:
                    with contextlib.suppress(OSError):
                        self._wake_r.recv(4096)
                    continue
                try:
                    data = key.data.sock.recv(1024)
                except BlockingIOError:
                    continue
                except OSError:
                    data = b""
                if not data:  # the browser closed the page
                    self._drop(key.data)  # closed on the next turn of the loop
        self._selector.close()
        self._wake_r.close()
        self._wake_w.close()
