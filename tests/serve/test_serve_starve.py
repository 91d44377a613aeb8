"""``sitegen serve`` cannot be starved (issue 21, items 3, 4 and 10): real sockets, loopback only.

Before the asyncio server: after 1,000 live-reload streams closed at once no reload was ever
sent again and Ctrl-C did not stop the process; 64 idle or half-sent connections stopped every
page. `bench/serve_starve.py` measures the same scenarios.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from sitegen.core import frontmatter
from sitegen.serve import server as serve_server
from sitegen.serve.web import host_is_loopback

from ..conftest import REPO
from ..support.serve import (  # noqa: F401 (fixture)
    WAIT,
    EventStream,
    Running,
    close_wait,
    copy_seed,
    page_stamp,
    raw_get,
    running_fixture,
)

EVENT = "2026-01-05-xiao-mi-ji-tuan-gong-guan-bu-zong"


def event_page(root: Path) -> str:
    return f"/events/{frontmatter.read(root / 'content' / 'events' / f'{EVENT}.md').data['id']}.html"


def retitle(root: Path, title: str) -> None:
    path = root / "content" / "events" / f"{EVENT}.md"
    page = frontmatter.read(path)
    page.data["title"] = title
    path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")


def open_stream(base: str, page: str, stamp: tuple[str, str]) -> socket.socket:
    parts = urlsplit(base)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=WAIT)
    query = urlencode({"path": page, "g": stamp[0], "s": stamp[1]})
    sock.sendall(f"GET /__sitegen__/events?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    return sock


def start_serve(root: Path) -> tuple[subprocess.Popen, str]:
    """``sitegen serve`` on a free port in its own process, and the address it printed."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "sitegen", "--site", str(root), "serve", "--port", "0"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if m := re.search(r"http://127\.0\.0\.1:\d+/", line):
            return proc, m.group(0)
    proc.kill()
    raise AssertionError(f"sitegen serve did not start: {proc.communicate()[1]}")


def test_a_thousand_streams_closed_at_once_then_a_page_a_reload_and_ctrl_c(tmp_path: Path) -> None:
    root = copy_seed(tmp_path / "site")
    proc, base = start_serve(root)
    try:
        page = event_page(root)
        stamp = page_stamp(raw_get(base, page)[2])
        streams = [open_stream(base, page, stamp) for _ in range(1000)]
        for s in streams:
            assert s.recv(4096).split(b" ", 2)[1] == b"200"
        for s in streams:
            s.close()
        assert raw_get(base, "/")[0] == 200
        port = int(base.rstrip("/").rsplit(":", 1)[1])
        deadline = time.monotonic() + WAIT
        while close_wait(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert close_wait(port) == 0  # every closed stream was closed on the server's side too
        stream = EventStream(base, page)
        retitle(root, "一千个标签页同时关闭之后")
        assert stream.wait_for("reload") == page.lstrip("/")
        stream.close()
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=WAIT)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "Stopped." in out and "Traceback" not in err


def test_sigterm_with_streams_and_pages_open_stops_cleanly(tmp_path: Path) -> None:
    root = copy_seed(tmp_path / "site")
    proc, base = start_serve(root)
    try:
        streams = [EventStream(base, "/") for _ in range(5)]
        parts = urlsplit(base)
        idle = socket.create_connection((parts.hostname, parts.port), timeout=WAIT)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=WAIT)
        for s in streams:
            s.close()
        idle.close()
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "Stopped." in out and "Traceback" not in err


def test_idle_and_half_sent_connections_do_not_hold_up_pages(running: Running) -> None:
    parts = urlsplit(running.url)
    held = []
    for n in range(128):  # 64 that send nothing, 64 that stop inside their header
        s = socket.create_connection((parts.hostname, parts.port), timeout=WAIT)
        if n % 2:
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Ag")
        held.append(s)
    try:
        results: list[int] = []
        threads = [threading.Thread(target=lambda: results.append(running.get("/")[0])) for _ in range(10)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(WAIT)
        assert results == [200] * 10
    finally:
        for s in held:
            s.close()


def test_a_request_head_sent_too_slowly_is_cut_off(running: Running, monkeypatch) -> None:
    monkeypatch.setattr(serve_server, "HEAD_SECONDS", 0.5)
    parts = urlsplit(running.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=WAIT) as quiet:
        with socket.create_connection((parts.hostname, parts.port), timeout=WAIT) as drip:
            started = time.monotonic()
            closed = False
            for ch in b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"a" * 200:
                try:
                    drip.sendall(bytes([ch]))
                except OSError:
                    closed = True
                    break
                time.sleep(0.05)  # one byte at a time keeps a per-read timeout from firing
                if time.monotonic() - started > WAIT:
                    break
            assert closed or drip.recv(1024) == b""
        assert quiet.recv(1024) == b""  # said nothing: closed too


def test_the_longest_waiting_connection_makes_room(running: Running, monkeypatch) -> None:
    monkeypatch.setattr(serve_server, "MAX_WAITING", 8)
    monkeypatch.setattr(serve_server, "GRACE_SECONDS", 0.2)
    parts = urlsplit(running.url)
    held = [socket.create_connection((parts.hostname, parts.port), timeout=WAIT) for _ in range(8)]
    try:
        time.sleep(0.5)  # all eight have waited for a request head longer than the grace
        assert running.get("/")[0] == 200  # the ninth gets in
        assert held[0].recv(1024) == b""  # and the first one waiting was closed for it
    finally:
        for s in held:
            s.close()


def test_keep_alive_answers_several_requests_on_one_connection(running: Running) -> None:
    parts = urlsplit(running.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=WAIT) as s:
        s.sendall(
            b"GET /sources/ HTTP/1.1\r\nHost: localhost\r\n\r\nHEAD / HTTP/1.1\r\nHost: localhost\r\n\r\n"
        )
        data = b""
        while data.count(b"HTTP/1.1 200") < 2:
            data += s.recv(65536)
        assert b"Connection: keep-alive" in data


def test_host_header_is_parsed_whole() -> None:
    for good in (
        "localhost",
        "localhost:8000",
        "127.0.0.1",
        "127.0.0.1:1",
        "[::1]",
        "[::1]:8000",
        "app.localhost",
    ):
        assert host_is_loopback(good), good
    for bad in (
        "[::1].evil.example",
        "localhost:evil",
        "localhost:80:80",
        "localhost:99999",
        "127.0.0.1.evil.example",
        "localhost.evil.example",
        "[127.0.0.1]",
        "::1",
        "evil.example#@localhost",
        "localhost/",
        "",
    ):
        assert not host_is_loopback(bad), bad


def test_look_alike_host_names_are_refused(running: Running) -> None:
    for bad in ("[::1].evil.example", "localhost:evil"):
        assert raw_get(running.url, "/", {"Host": bad})[0] == 403, bad
    assert raw_get(running.url, "/", {"Host": "[::1]:8000"})[0] == 200


def test_a_browser_that_stops_reading_is_dropped_and_blocks_nobody() -> None:
    """Real sockets on loopback: one stream never reads, another does; messages sent from another
    thread (as the rebuild sends them) all return, the reader gets every one, the other is dropped."""
    import asyncio

    from sitegen.serve.clients import MAX_BUFFER, Client, Clients

    clients = Clients()
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    address: list[int] = []

    async def accept(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)  # fills soon
        clients.add(Client(writer, "index.html", 0))
        await reader.read()  # until the peer closes

    finish = asyncio.Event()

    async def main() -> None:
        server = await asyncio.start_server(accept, "127.0.0.1", 0)
        address.append(server.sockets[0].getsockname()[1])
        clients.attach(loop)
        ready.set()
        await finish.wait()
        server.close()

    runner = threading.Thread(target=loop.run_until_complete, args=(main(),), daemon=True)
    runner.start()
    assert ready.wait(WAIT)
    stuck = socket.socket()
    stuck.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # and never read
    stuck.connect(("127.0.0.1", address[0]))
    reader = socket.create_connection(("127.0.0.1", address[0]), timeout=WAIT)
    received = bytearray()
    done = threading.Event()

    def read() -> None:
        while chunk := reader.recv(1 << 16):
            received.extend(chunk)
        done.set()

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + WAIT
    while len(clients) < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    message = b"event: problems\ndata: " + b"x" * (1 << 14) + b"\n\n"
    count = 4 * MAX_BUFFER // len(message)  # far more than the stuck one's buffers hold
    for n in range(1, count + 1):
        clients.broadcast(message)  # returns at once: never waits for a browser
        while len(received) < n * len(message) and time.monotonic() < deadline:
            time.sleep(0.001)  # the reading browser keeps up
    assert len(received) == count * len(message)  # the reading one got every message
    assert len(clients) == 1  # the stuck browser was dropped
    clients.close()
    assert done.wait(WAIT)  # and close ends its stream
    stuck.close()
    loop.call_soon_threadsafe(finish.set)
    runner.join(WAIT)
    loop.close()


def test_a_flood_of_problems_reaches_the_overlay_in_one_bounded_message(running: Running) -> None:
    stream = running.events("/")
    template = (running.root / "content" / "events" / f"{EVENT}.md").read_text("utf-8")
    for n in range(150):
        text = template.replace(f"id: {EVENT}", f"id: broken-{n}", 1)
        text = re.sub(r"^date: .*$", "date: 2026-02-30", text, count=1, flags=re.M)
        (running.root / "content" / "events" / f"broken-{n}.md").write_text(text, "utf-8")
    problems = json.loads(stream.wait_for("problems"))
    while len(problems) < 101:  # the burst may arrive over two rebuilds
        problems = json.loads(stream.wait_for("problems"))
    assert len(problems) == 101 and problems[-1]["message"] == "50 more: see the terminal"
    assert all("no such day" in p["message"] for p in problems[:100])
