"""Search at scale: index sizes, what a first query transfers, and keystroke latency in Chromium.

    python bench/search_bench.py [--sources 10000] [--out bench/out/search]

1. Builds the default site and a synthetic one of N sources and N events
   (bench/search_synth.py) with ``sitegen build``.
2. Sizes: every file under ``public/search/``, raw and gzipped (level 9, what a
   static host's compression gets close to).
3. First query: for each query, a fresh browser context (empty cache) opens the
   timeline and types the query; the bench's own server logs every path asked
   for under ``search/`` from then on (meta.json included: search.js loads it
   only when the reader comes to the box), and the gzipped sizes of those files
   are summed.  search.js itself (loaded with the page) is reported apart.
4. Keystrokes: the same queries typed key by key (twice, so the second pass reads
   shards already fetched); search.js records with performance.now() how long its
   own work took per input (``sitegen-search-query``: the answer;
   ``sitegen-search-update``: the answer and the list updated), how long from the
   key press until the list was updated (``sitegen-search-latency``, which includes
   waiting for the main thread) and until the frame after it was rendered
   (``sitegen-search-paint``: Chromium's style, layout and paint of the page).

This is a measurement, not a test: numbers go to stdout and ``<out>/search-bench.json``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from search_synth import generate  # noqa: E402

from sitegen.builder import build  # noqa: E402
from sitegen.config import load_config  # noqa: E402

QUERIES = ["公关部", "营销大师", "雷军", "KOL事件", "小米SU7", "marketing", "leijun", "雷軍回應"]
CHROMIUM_ARGS = ["--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def sizes(public: Path) -> dict:
    files = [p for p in (public / "search").rglob("*") if p.is_file()]
    shards = [p for p in files if p.stem.isdigit()]
    kinds = {
        "all": files,
        "meta": [public / "search" / "meta.json"],
        "shards": shards,
        "source lists": [p for p in files if p.stem.startswith("c")],
    }
    out: dict = {"files": len(files)}
    for kind, group in kinds.items():
        packed = [gz(p.read_bytes()) for p in group]
        out[kind] = {
            "raw": sum(p.stat().st_size for p in group),
            "gz": sum(packed),
            "gz_max": max(packed, default=0),
            "gz_median": int(statistics.median(packed)) if packed else 0,
        }
    return out


class _Logged(http.server.SimpleHTTPRequestHandler):
    """Serves the site and remembers every path asked for."""

    asked: ClassVar[list[str]] = []

    def log_message(self, *args: object) -> None:
        self.asked.append(unquote(urlsplit(self.path).path))


def serve(path: Path) -> tuple[str, http.server.ThreadingHTTPServer, list[str]]:
    asked: list[str] = []
    handler = type("Handler", (_Logged,), {"asked": asked})
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(path)))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{srv.server_address[1]}", srv, asked


def first_queries(browser, url: str, public: Path, asked: list[str]) -> list[dict]:
    out = []
    for query in QUERIES:
        context = browser.new_context()
        page = context.new_page()
        page.goto(url + "/index.html")
        page.wait_for_function("!document.querySelector('#search').hidden")
        page.wait_for_load_state("networkidle")
        asked.clear()
        page.locator("input[type=search]").fill(query)
        page.wait_for_function(
            "(q) => JSON.parse(document.querySelector('#search').dataset.shown || '{}').q === q", arg=query
        )
        page.wait_for_load_state("networkidle")
        index = sorted({f for f in asked if f.startswith("/search/")})
        out.append(
            {
                "query": query,
                "files": len(index),
                "gz": sum(gz((public / f.lstrip("/")).read_bytes()) for f in index),
                "shown": page.locator(".search-count").text_content(),
            }
        )
        context.close()
    return out


def keystrokes(browser, url: str) -> dict:
    page = browser.new_page()
    page.goto(url + "/index.html")
    page.wait_for_function("!document.querySelector('#search').hidden")
    box = page.locator("input[type=search]")
    runs: dict[str, dict[str, list[float]]] = {}
    for attempt in ("first", "warm"):
        page.evaluate("performance.clearMeasures()")
        for query in QUERIES:
            box.fill("")
            page.wait_for_timeout(100)
            box.press_sequentially(query, delay=120)
            page.wait_for_timeout(400)
        got = page.evaluate(
            """() => Object.fromEntries(['query', 'update', 'latency', 'paint'].map((k) =>
                [k, performance.getEntriesByName('sitegen-search-' + k).map((e) => e.duration)]))"""
        )
        runs[attempt] = got
    page.close()
    summary = {}
    for attempt, got in runs.items():
        for kind, values in got.items():
            if values:
                summary[f"{attempt} {kind}"] = {
                    "n": len(values),
                    "median_ms": round(statistics.median(values), 2),
                    "p90_ms": round(sorted(values)[int(0.9 * (len(values) - 1))], 2),
                    "max_ms": round(max(values), 2),
                }
    return summary


def measure(root: Path) -> dict:
    started = time.perf_counter()
    result = build(load_config(root))
    seconds = time.perf_counter() - started
    public = result.out
    from playwright.sync_api import sync_playwright

    url, srv, asked = serve(public)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            report = {
                "events": len(result.site.events),
                "sources": len(result.site.sources),
                "build_seconds": round(seconds, 1),
                "sizes": sizes(public),
                "first_query": first_queries(browser, url, public, asked),
                "search_js_gz": sum(gz(p.read_bytes()) for p in public.glob("assets/search.*.js")),
                "keystrokes": keystrokes(browser, url),
            }
            browser.close()
    finally:
        srv.shutdown()
    return report


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sources", type=int, default=10000)
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "out" / "search")
    ap.add_argument("--reuse", action="store_true", help="keep an existing synthetic site of that size")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    import shutil

    seed = args.out / "seed"
    shutil.rmtree(seed, ignore_errors=True)
    shutil.copytree(REPO / "content", seed / "content")
    synth = args.out / f"synth-{args.sources}"
    if not (args.reuse and (synth / "content").is_dir()):
        generate(synth, args.sources)
    report = {"seed": measure(seed), f"synthetic {args.sources}": measure(synth)}
    (args.out / "search-bench.json").write_text(json.dumps(report, indent=1, ensure_ascii=False), "utf-8")
    print(json.dumps(report, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    main()
