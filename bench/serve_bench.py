"""Benchmark ``sitegen serve``: file write -> reload message, and memory over many edits.

Runs ``python -m sitegen serve`` as a separate process (as an editor would) and
listens like a browser would (the page's event stream, read over a socket):

* latency: an event's title is rewritten; the time from the write to the
  ``reload`` message, for a browser on the timeline and one on that event's page,
  and to the moment the new title can be fetched;
* sites: the seed site, and a synthetic site of 10,000 events (5,000 sources)
  made by ``bench/serve_synthetic.py``;
* memory: the server's RSS after the first build, and after 1,000 edits.

Usage:  python bench/serve_bench.py [--edits 30] [--big-edits 20] [--memory-edits 1000] [--skip-big]
Results are printed and written to bench/out/serve.json.  Not a test: numbers
depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import argparse
import json
import queue
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "bench")]

from serve_synthetic import make_site  # noqa: E402

from sitegen.core import frontmatter  # noqa: E402
from tests.support.serve import EventStream  # noqa: E402

# ``sitegen serve``; ``kill -USR1 PID`` prints every thread's stack (to look into a stall)
SERVE = (
    "import faulthandler, signal, sys; faulthandler.register(signal.SIGUSR1, all_threads=True); "
    "sys.argv[0] = 'sitegen'; from sitegen.cli import main; main()"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Server:
    def __init__(self, root: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        started = time.perf_counter()
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVE, "--site", str(root), "serve", "--port", str(self.port)],
            cwd=REPO,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if "Serving" in line:
                break
        self.startup = time.perf_counter() - started
        self.log: list[str] = []  # keep reading: a full pipe would block the server's log lines
        threading.Thread(target=lambda: self.log.extend(self.proc.stdout), daemon=True).start()

    def wait_idle(self, since: int) -> None:
        """Until the server printed (after log line ``since``) the line that ends a rebuild."""
        while not any("files updated" in line for line in self.log[since:]):
            time.sleep(0.02)
        time.sleep(0.1)  # the watcher's echo of the write (close-after-write) settles

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(timeout=30)


class Listener:
    """A browser's event stream, read in a thread that notes when each reload arrives."""

    def __init__(self, url: str, page: str) -> None:
        self.stream = EventStream(url, page)
        self.arrivals: queue.Queue[float] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        try:
            while True:
                if self.stream.next()[0] == "reload":
                    self.arrivals.put(time.perf_counter())
        except OSError:
            pass

    def next_reload(self) -> float:
        return self.arrivals.get(timeout=120)

    def close(self) -> None:
        self.stream.close()


def edit_title(path: Path, title: str) -> None:
    page = frontmatter.read(path)
    page.data["title"] = title
    path.write_text(frontmatter.dump(page.data, page.body), encoding="utf-8")


def measure(root: Path, edits: int, memory_edits: int = 0) -> dict:
    events = sorted((root / "content" / "events").glob("*.md"))
    event = events[len(events) // 2]
    event_id = frontmatter.read(event).data["id"]
    server = Server(root)
    try:
        rss_start = rss_kib(server.proc.pid)
        timeline = Listener(server.url, "/")
        on_page = Listener(server.url, f"/events/{event_id}.html")
        to_timeline, to_page, to_fetch = [], [], []
        for i in range(edits):
            title = f"基准测试标题 {i}"
            mark = len(server.log)
            t0 = time.perf_counter()
            edit_title(event, title)
            to_page.append(on_page.next_reload() - t0)
            to_timeline.append(timeline.next_reload() - t0)
            with urllib.request.urlopen(server.url + "/", timeout=60) as r:
                assert title.encode() in r.read()
            to_fetch.append(time.perf_counter() - t0)
            server.wait_idle(mark)  # each edit starts from an idle server (an editor's pause)
        result = {
            "events": len(list((root / "content" / "events").glob("*.md"))),
            "startup_s": round(server.startup, 2),
            "rss_after_first_build_mib": round(rss_start / 1024, 1),
            "edits": edits,
            "write_to_reload_event_page_ms": summary(to_page),
            "write_to_reload_timeline_ms": summary(to_timeline),
            "write_to_new_timeline_fetched_ms": summary(to_fetch),
        }
        if memory_edits:
            before = rss_kib(server.proc.pid)
            for i in range(memory_edits):
                edit_title(event, f"内存测试 {i}")
                on_page.next_reload()
                timeline.next_reload()
            time.sleep(1)
            after = rss_kib(server.proc.pid)
            result["memory"] = {
                "edits": memory_edits,
                "rss_before_mib": round(before / 1024, 1),
                "rss_after_mib": round(after / 1024, 1),
            }
        timeline.close()
        on_page.close()
        return result
    finally:
        server.stop()


def output_costs(root: Path, edits: int = 3) -> dict[str, float]:
    """Seconds each output takes to re-render after an event edit (median), in this process."""
    from sitegen.builder.incremental.jobs import LiveBuild

    live = LiveBuild(root)
    live.build_all()
    event = sorted((root / "content" / "events").glob("*.md"))[0]
    event_id = frontmatter.read(event).data["id"]
    costs: dict[str, list[float]] = {}
    run = live._run

    def timed(job, ctx, batch) -> None:  # type: ignore[no-untyped-def]
        started = time.perf_counter()
        run(job, ctx, batch)
        costs.setdefault(job.produce.__name__, []).append(time.perf_counter() - started)

    live._run = timed  # type: ignore[method-assign]
    for i in range(edits):
        edit_title(event, f"输出耗时 {i}")
        for _ in live.update([event], viewed=lambda: {f"events/{event_id}.html"}):
            pass
    return {name: round(statistics.median(t), 3) for name, t in costs.items()}


def summary(seconds: list[float]) -> dict:
    ms = sorted(s * 1000 for s in seconds)
    return {
        "median": round(statistics.median(ms), 1),
        "p90": round(ms[int(len(ms) * 0.9) - 1 if len(ms) >= 10 else -1], 1),
        "max": round(ms[-1], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--big-edits", type=int, default=20)
    parser.add_argument("--memory-edits", type=int, default=1000)
    parser.add_argument("--big-events", type=int, default=10_000)
    parser.add_argument("--skip-big", action="store_true")
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()
    results: dict = {}
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as tmp:
        seed = Path(tmp) / "seed"
        shutil.copytree(REPO / "content", seed / "content")
        if not args.skip_seed:
            results["seed"] = measure(seed, args.edits, args.memory_edits)
            print(json.dumps({"seed": results["seed"]}, ensure_ascii=False, indent=1), flush=True)
        if not args.skip_big:
            big = make_site(Path(tmp) / "big", args.big_events)
            results["big"] = measure(big, args.big_edits)
            print(json.dumps({"big": results["big"]}, ensure_ascii=False, indent=1), flush=True)
            results["big_output_seconds"] = output_costs(big)
            print(json.dumps({"big_output_seconds": results["big_output_seconds"]}, indent=1), flush=True)
    out = REPO / "bench" / "out"
    out.mkdir(exist_ok=True)
    (out / "serve.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", "utf-8")


if __name__ == "__main__":
    main()
