"""Can anything a browser (or a stuck client) does starve ``sitegen serve``? (issue 21, items 3 and 4)

Starts ``sitegen serve`` as its own process on a copy of the default site and tries, in turn:

* ``streams``: N live-reload streams (Server-Sent Events) open, then all closed at once; then a
  page must be answered, an edit must still reach a fresh stream as ``reload``, and SIGINT
  (Ctrl-C) must stop the process.
* ``idle``: N connections that send nothing, held open; pages must be answered meanwhile.
* ``half``: N connections that send half a request header, held open; pages must be answered.

Prints one line per scenario with what happened and how long it took. Not a test (no timing is
asserted); ``tests/test_serve_starve.py`` runs the same scenarios, smaller, as pass/fail checks.

    python bench/serve_starve.py                 # 1,000 streams; 64 idle; 64 half-sent
    python bench/serve_starve.py --streams 200 --held 128
"""

from __future__ import annotations

import argparse
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.support.load import Server as HardenServer  # noqa: E402
from tests.support.serve import close_wait  # noqa: E402

EVENT = "2026-01-05-xiao-mi-ji-tuan-gong-guan-bu-zong.md"  # a page of the default site


class Server(HardenServer):
    """``sitegen serve`` in a child process on a free port (`tests.support.load.Server`), and ways to talk to it."""

    def connect(self, timeout: float = 10.0) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout)

    def get(self, path: str = "/", timeout: float = 10.0) -> tuple[int | None, float]:
        """(status or None if no answer within ``timeout``, seconds taken)."""
        status, seconds, _ = self.fetch(path, timeout)
        return status, seconds

    def fetch(self, path: str = "/", timeout: float = 10.0) -> tuple[int | None, float, bytes]:
        started = time.perf_counter()
        try:
            with self.connect(timeout) as sock:
                sock.sendall(
                    f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\nConnection: close\r\n\r\n".encode()
                )
                data = b""
                while chunk := sock.recv(65536):
                    data += chunk
        except OSError:
            return None, time.perf_counter() - started, b""
        first = data.split(b"\r\n", 1)[0].split()
        return (int(first[1]) if len(first) > 1 else None), time.perf_counter() - started, data

    def stream(self, page: str = "/", timeout: float = 10.0) -> socket.socket:
        """An open event stream for ``page`` (headers read), as a page's live script opens it."""
        html = self.fetch(page, timeout)[2]
        m = re.search(rb"live\.js\?g=(\d+)&amp;s=(\w+)", html)
        g, s = (m.group(1).decode(), m.group(2).decode()) if m else ("0", "")
        sock = self.connect(timeout)
        query = urlencode({"path": page, "g": g, "s": s})
        sock.sendall(
            f"GET /__sitegen__/events?{query} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode()
        )
        return sock

    def stop(self, timeout: float = 10.0) -> float | None:
        """Send SIGINT (Ctrl-C); seconds until the process ended, None if it did not."""
        started = time.perf_counter()
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout)
            return time.perf_counter() - started
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None


def wait_for(sock: socket.socket, name: bytes, timeout: float) -> float | None:
    """Seconds until an ``event: name`` arrives on ``sock``; None if it did not in ``timeout``."""
    started = time.perf_counter()
    sock.settimeout(0.5)
    data = b""
    while time.perf_counter() - started < timeout:
        try:
            chunk = sock.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            return None
        if not chunk:
            return None
        data += chunk
        if b"event: " + name in data:
            return time.perf_counter() - started
    return None


def edit(site: Path, n: int) -> None:
    path = site / "content" / "events" / EVENT
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: starve check {n}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")


def after_streams_close(site: Path, count: int) -> dict:
    server = Server(site)
    try:
        socks = []
        for _ in range(count):
            socks.append(server.stream(f"/events/{EVENT[:-3]}.html"))
        for s in socks:  # every header answered: all are open
            s.settimeout(30)
            head = s.recv(4096)
            assert head.split(b" ", 2)[1:2] == [b"200"], f"stream refused: {head[:80]!r}"
        for s in socks:
            s.close()
        status, seconds = server.get("/", timeout=10)
        time.sleep(1.0)
        left = close_wait(server.port)
        fresh = server.stream(f"/events/{EVENT[:-3]}.html")
        time.sleep(0.3)
        edit(site, 1)
        reload = wait_for(fresh, b"reload", 15)
        fresh.close()
        return {
            "page": status,
            "page_s": round(seconds, 3),
            "close_wait_after_1s": left,
            "reload_s": reload,
            "stop_s": server.stop(),
        }
    finally:
        if server.proc.poll() is None:
            server.proc.kill()


def while_held(site: Path, count: int, half: bool) -> dict:
    server = Server(site)
    try:
        held = []
        for _ in range(count):
            s = server.connect()
            if half:
                s.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nUser-Ag".encode())
            held.append(s)
        time.sleep(0.5)
        results = [server.get("/", timeout=10) for _ in range(3)]
        for s in held:
            s.close()
        answered = sum(1 for status, _ in results if status == 200)
        worst = max(seconds for _, seconds in results)
        return {"answered": f"{answered}/3", "slowest_s": round(worst, 3), "stop_s": server.stop()}
    finally:
        if server.proc.poll() is None:
            server.proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--streams", type=int, default=1000)
    parser.add_argument("--held", type=int, default=64)
    parser.add_argument("--only", choices=("streams", "idle", "half"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(REPO / "content", site / "content")
        if args.only in (None, "streams"):
            print(
                f"{args.streams} streams closed at once:", after_streams_close(site, args.streams), flush=True
            )
        if args.only in (None, "idle"):
            print(f"{args.held} idle connections held:", while_held(site, args.held, half=False), flush=True)
        if args.only in (None, "half"):
            print(f"{args.held} half-sent requests held:", while_held(site, args.held, half=True), flush=True)


if __name__ == "__main__":
    main()
