"""Screenshots for the README, taken from the real site in a real browser.

Builds a site (default: the seed site in ``content/``) into a temporary folder,
serves it on 127.0.0.1, drives Debian's Chromium through Playwright and writes
PNGs into ``docs/img/``:

    timeline-light.png   the timeline, 1280 px wide, light scheme
    timeline-dark.png    the same in the dark scheme
    timeline-mobile.png  375 px wide (a phone), light scheme
    event.png            the first event's page
    source.png           the page of the source that event quotes first, scrolled to the quote

Run from the repository root:  python docs/make_screenshots.py [--site DIR] [--out DIR]
Each image is clipped to at most 1600 px tall so the committed files stay small.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARGS = ["--disable-gpu", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
MAX_HEIGHT = 1600


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, f"http://127.0.0.1:{srv.server_address[1]}/"


def build_site(site: Path, out: Path) -> Path:
    from sitegen.builder import build
    from sitegen.config import load_config

    return build(load_config(site), out=out).out


def shoot(page, path: Path, *, full: bool = True) -> None:
    height = page.evaluate("document.documentElement.scrollHeight")
    width = page.viewport_size["width"]
    if full:
        clip = {"x": 0, "y": 0, "width": width, "height": min(height, MAX_HEIGHT)}
        page.screenshot(path=str(path), clip=clip, full_page=True)
    else:
        page.screenshot(path=str(path))
    if shutil.which("pngquant"):  # optional: shrinks the PNGs to about a third
        subprocess.run(["pngquant", "--force", "--skip-if-larger", "--output", str(path), "--", str(path)])
    shown = path.relative_to(REPO) if path.is_relative_to(REPO) else path
    print(f"wrote {shown} ({path.stat().st_size} bytes)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=REPO, help="site folder with content/ (default: the seed)")
    ap.add_argument("--out", type=Path, default=REPO / "docs" / "img", help="where the PNGs go")
    opts = ap.parse_args(argv)
    from playwright.sync_api import sync_playwright

    tmp = Path(tempfile.mkdtemp(prefix="sitegen-shots-"))
    try:
        public = build_site(opts.site, tmp / "public")
        data = json.loads((public / "events.json").read_text(encoding="utf-8"))
        srv, base = serve(public)
        opts.out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            shots = [
                ("timeline-light.png", "index.html", {"width": 1280, "height": 900}, "light", True),
                ("timeline-dark.png", "index.html", {"width": 1280, "height": 900}, "dark", True),
                ("timeline-mobile.png", "index.html", {"width": 375, "height": 812}, "light", True),
            ]
            if data["events"]:
                event = data["events"][0]
                shots.append(("event.png", event["url"], {"width": 1280, "height": 900}, "light", True))
            for name, rel, viewport, scheme, full in shots:
                page = browser.new_page(viewport=viewport, color_scheme=scheme, device_scale_factor=1)
                page.goto(base + rel)
                shoot(page, opts.out / name, full=full)
                page.close()
            if data["events"]:
                # follow the first quote's link, as a reader would: the page scrolls to the marked quote
                page = browser.new_page(
                    viewport={"width": 1280, "height": 900}, color_scheme="light", reduced_motion="reduce"
                )
                page.goto(base + data["events"][0]["url"])
                link = page.locator("a.to-source").first
                page.goto(link.evaluate("a => a.href"))
                page.wait_for_timeout(400)
                shoot(page, opts.out / "source.png", full=False)
                page.close()
            browser.close()
        srv.shutdown()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
