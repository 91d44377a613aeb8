"""Helpers for the ``sitegen serve`` tests: a running preview, an event-stream reader, waits."""

from __future__ import annotations

import re
import shutil
import socket
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest

from sitegen.serve import Preview

from ..conftest import REPO

WAIT = 60.0  # generous: the machine is shared; these are waits, never timing assertions


@dataclass
class Running:
    root: Path
    url: str
    preview: Preview
    logs: list[str] = field(default_factory=list)

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """(status, headers, body) of a GET, the path sent exactly as given."""
        return raw_get(self.url, path)

    def events(self, page: str = "/") -> EventStream:
        return EventStream(self.url, page)

    def until(self, predicate: Callable[[], bool]) -> None:
        """Wait until ``predicate()`` holds (a change may take more than one rebuild to land)."""
        deadline = time.monotonic() + WAIT
        while not predicate():
            if time.monotonic() > deadline:
                raise AssertionError(f"the expected state never came; the server said {self.logs}")
            time.sleep(0.05)

    def wait_for_log(self, predicate: Callable[[str], bool], after: int = 0) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            for line in self.logs[after:]:
                if predicate(line):
                    return line
            time.sleep(0.02)
        raise AssertionError(f"no such log line; got {self.logs[after:]}")


def copy_seed(root: Path) -> Path:
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture(name="running")
def running_fixture(tmp_path: Path) -> Iterator[Running]:
    """The seed site in a temporary folder, served by ``sitegen serve`` on a free port."""
    root = copy_seed(tmp_path / "site")
    logs: list[str] = []
    preview = Preview(root, "127.0.0.1", 0, log=logs.append)
    url = preview.start()
    yield Running(root, url, preview, logs)
    preview.stop()


def raw_get(base: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """A GET over a plain socket, so that ``..`` and odd encodings reach the server unchanged."""
    parts = urlsplit(base)
    with socket.create_connection((parts.hostname, parts.port), timeout=WAIT) as sock:
        head = {"Host": f"{parts.hostname}:{parts.port}", "Connection": "close", **(headers or {})}
        lines = "".join(f"{k}: {v}\r\n" for k, v in head.items())
        sock.sendall(f"GET {path} HTTP/1.1\r\n{lines}\r\n".encode("latin-1"))
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
    head_bytes, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head_bytes.decode("latin-1").split("\r\n")
    got = {k.lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines)}
    return int(status_line.split()[1]), got, body


def page_stamp(html: bytes) -> tuple[str, str]:
    """The generation and server id a served page was stamped with (its live script's query)."""
    m = re.search(rb"live\.js\?g=(\d+)&amp;s=(\w+)|live\.js\?g=(\d+)&s=(\w+)", html)
    assert m, "the served page has no live script"
    g, s = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
    return g.decode(), s.decode()


class EventStream:
    """The event stream a page's live script opens, read over a socket."""

    def __init__(self, base: str, page: str = "/", stamp: tuple[str, str] | None = None) -> None:
        if stamp is None:
            with urllib.request.urlopen(base.rstrip("/") + page, timeout=WAIT) as r:
                stamp = page_stamp(r.read())
        parts = urlsplit(base)
        self.sock = socket.create_connection((parts.hostname, parts.port), timeout=WAIT)
        query = urlencode({"path": page, "g": stamp[0], "s": stamp[1]})
        self.sock.sendall(
            f"GET /__sitegen__/events?{query} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\n\r\n".encode()
        )
        self.buffer = b""
        head = self._read_until(b"\r\n\r\n")
        self.status = int(head.split()[1])

    def _read_until(self, mark: bytes) -> bytes:
        deadline = time.monotonic() + WAIT
        while mark not in self.buffer:
            if time.monotonic() > deadline:
                raise TimeoutError(f"nothing but keep-alives for {WAIT} s")
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("the event stream closed")
            self.buffer += chunk
        found, _, self.buffer = self.buffer.partition(mark)
        return found

    def next(self) -> tuple[str, str]:
        """The next named event (comments and retry hints skipped)."""
        while True:
            block = self._read_until(b"\n\n").decode()
            name, data = "", []
            for line in block.split("\n"):
                if line.startswith("event: "):
                    name = line[7:]
                elif line.startswith("data: "):
                    data.append(line[6:])
            if name:
                return name, "\n".join(data)

    def wait_for(self, name: str) -> str:
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            got, data = self.next()
            if got == name:
                return data
        raise TimeoutError(f"no {name!r} event in {WAIT} s")

    def close(self) -> None:
        self.sock.close()


def close_wait(port: int) -> int:
    """Connections to ``port`` that the peer closed and the server has not (CLOSE-WAIT, Linux)."""
    count = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        for line in path.read_text().splitlines()[1:] if path.exists() else []:
            fields = line.split()
            count += fields[3] == "08" and int(fields[1].rsplit(":", 1)[1], 16) == port
    return count
