"""Many clients read `sitegen serve` while it rebuilds: the harness of `tests/test_harden_load.py`
and `bench/load_serve.py`.

The server runs as its own process (``python -m sitegen serve --port 0``) on loopback.  One
event page is switched between two versions, A and B (its title differs, so the timeline, the
event's page, the pages of its sources and the exports change).  First the complete files of
both versions are read once (the reference); then ``clients`` threads fetch random files
without pause while the page is switched ``rebuilds`` times, each switch waiting until the
server shows it.  Every answer must be 200 and byte for byte a file of version A or of
version B (the live-reload stamp ``?g=…&s=…`` aside), or 404 for a file only one version has
(the search index is named by its content).  The server's resident memory is read before and
after.
"""

from __future__ import annotations

import http.client
import os
import random
import re
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
_STAMP = re.compile(rb"live\.js\?g=\d+&amp;s=[0-9a-f]+")


def normalise(body: bytes) -> bytes:
    return _STAMP.sub(b"live.js?g=G&amp;s=S", body)


@dataclass
class LoadResult:
    requests: int = 0
    status: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # connection failures, by kind
    mismatched: list[str] = field(default_factory=list)  # paths whose body was neither A nor B
    rebuilds: int = 0  # switches the server showed
    rebuild_lines: int = 0  # "N files updated" lines the server printed
    rss_before_kb: int = 0
    rss_after_kb: int = 0
    seconds: float = 0.0
    files: int = 0

    @property
    def server_errors(self) -> int:
        return sum(n for s, n in self.status.items() if s >= 500)


class Server:
    """``sitegen serve`` in a child process; the address it prints, its output, its memory."""

    def __init__(self, site: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "sitegen", "--site", str(site), "serve", "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        self.lines: list[str] = []
        self._ready = threading.Event()
        self.port = 0
        threading.Thread(target=self._read, daemon=True).start()
        if not self._ready.wait(300):
            self.stop()
            raise RuntimeError("sitegen serve did not start:\n" + "\n".join(self.lines))

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))
            m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            if m and not self.port:
                self.port = int(m.group(1))
                self._ready.set()
        self._ready.set()

    def rss_kb(self) -> int:
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", "/" + path)
        resp = conn.getresponse()
        return resp.status, resp.read()
    finally:
        conn.close()


def snapshot(port: int, files: list[str]) -> dict[str, bytes]:
    out = {}
    for rel in files:
        status, body = get(port, rel)
        assert status == 200, (rel, status)
        out[rel] = normalise(body)
    return out


def wait_for(port: int, rel: str, body: bytes, timeout: float = 120) -> None:
    """Until the server answers ``rel`` with ``body`` (a switch has been rebuilt and published)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, got = get(port, rel)
        if status == 200 and normalise(got) == body:
            return
        time.sleep(0.02)
    raise TimeoutError(f"the server never showed the new {rel}")


def run_load(site: Path, event_page: Path, *, clients: int, rebuilds: int, seed: int = 1) -> LoadResult:
    """The whole measurement; ``event_page`` (under ``site``) is switched between two versions."""
    version_a = event_page.read_text(encoding="utf-8")
    version_b = version_a.replace("\ntitle: ", "\ntitle: 更正：", 1)
    assert version_b != version_a, "the event page has no title line"
    event_rel = f"events/{event_page.stem}.html"
    server = Server(site)
    result = LoadResult()
    try:
        port = server.port
        files_a = _files(site)
        ref_a = snapshot(port, files_a)
        event_page.write_text(version_b, encoding="utf-8")
        files_b = _files(site)  # content-addressed files (the search index) are named anew
        wait_for(port, event_rel, _changed(port, event_rel, ref_a[event_rel]))
        time.sleep(0.5)  # the rest of the burst
        ref_b = snapshot(port, files_b)
        event_page.write_text(version_a, encoding="utf-8")
        wait_for(port, event_rel, ref_a[event_rel])
        time.sleep(0.5)
        assert snapshot(port, files_a) == ref_a, "the same content did not give the same files"
        files = sorted(set(files_a) | set(files_b))
        result.files = len(files)
        changed = [f for f in files if ref_a.get(f) != ref_b.get(f)]
        assert event_rel in changed and "index.html" in changed
        result.rss_before_kb = server.rss_kb()
        lines_before = len(server.lines)

        done = threading.Event()
        lock = threading.Lock()

        def client(n: int) -> None:
            rng = random.Random(seed * 1000 + n)
            while not done.is_set():
                rel = rng.choice(changed if rng.random() < 0.5 else files)  # half on the pages that change
                try:
                    status, body = get(port, rel)
                except OSError as exc:
                    with lock:
                        result.errors[type(exc).__name__] += 1
                    continue
                if status == 200:
                    ok = normalise(body) in (ref_a.get(rel), ref_b.get(rel))
                else:  # only a file one of the two builds does not have may be missing
                    ok = status == 404 and (rel not in ref_a or rel not in ref_b)
                with lock:
                    result.requests += 1
                    result.status[status] += 1
                    if not ok and len(result.mismatched) < 20:
                        result.mismatched.append(f"{rel}: HTTP {status}, {len(body)} bytes")

        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for i in range(rebuilds):
            text, ref = (version_b, ref_b) if i % 2 == 0 else (version_a, ref_a)
            event_page.write_text(text, encoding="utf-8")
            wait_for(port, event_rel, ref[event_rel])
            result.rebuilds += 1
        done.set()
        for t in threads:
            t.join(timeout=120)
        result.seconds = time.monotonic() - started
        event_page.write_text(version_a, encoding="utf-8")
        wait_for(port, event_rel, ref_a[event_rel])
        time.sleep(0.5)
        result.rss_after_kb = server.rss_kb()
        result.rebuild_lines = sum("files updated" in line for line in server.lines[lines_before:])
    finally:
        server.stop()
    return result


def _changed(port: int, rel: str, old: bytes, timeout: float = 120) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        status, body = get(port, rel)
        if status == 200 and normalise(body) != old:
            return normalise(body)
        time.sleep(0.02)
    raise TimeoutError(f"{rel} never changed")


def _files(site: Path) -> list[str]:
    """What the site serves: the files `sitegen build` writes, built once into a scratch folder by
    a fresh process like the server (not this one, whose jieba may hold other tests' words)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "public"
        subprocess.run(
            [sys.executable, "-m", "sitegen", "--site", str(site), "build", "-q", "--out", str(out)],
            check=True,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        return sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
