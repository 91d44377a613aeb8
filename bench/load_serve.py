"""`sitegen serve` under load: 200 clients fetch pages without pause during 50 rebuilds.

Loopback only.  The server runs in its own process on a copy of the default site (or
``--site``); one event page is switched between two versions 50 times.  Prints requests, status
counts, connection errors, answers that were neither a complete old nor a complete new file,
rebuilds, throughput and the server's resident memory before and after.  Exit code 1 if any
answer was wrong.  Usage::

    python bench/load_serve.py [--clients 200] [--rebuilds 50] [--site PATH]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.support.load import run_load  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--rebuilds", type=int, default=50)
    parser.add_argument("--site", type=Path, default=ROOT, help="a site folder to copy (default: this one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="load-serve-") as tmp:
        site = Path(tmp) / "site"
        shutil.copytree(args.site / "content", site / "content")
        for extra in ("templates", "static", "themes"):
            if (args.site / extra).is_dir() and args.site != ROOT:
                shutil.copytree(args.site / extra, site / extra)
        event_page = sorted((site / "content" / "events").glob("*.md"))[0]
        r = run_load(site, event_page, clients=args.clients, rebuilds=args.rebuilds)
    print(f"{args.clients} clients, {r.rebuilds} rebuilds shown ({r.rebuild_lines} logged), {r.files} files")
    print(f"  {r.requests} requests in {r.seconds:.1f} s ({r.requests / max(r.seconds, 1e-9):.0f}/s)")
    print(f"  status: {dict(sorted(r.status.items()))}; connection errors: {dict(r.errors) or 0}")
    print(f"  answers neither old nor new: {len(r.mismatched)} {r.mismatched[:5]}")
    print(f"  server RSS: {r.rss_before_kb / 1024:.1f} MB before, {r.rss_after_kb / 1024:.1f} MB after")
    return 1 if (r.mismatched or r.server_errors or r.errors) else 0


if __name__ == "__main__":
    sys.exit(main())
