"""Shared fixtures: sites in temporary folders, the built seed site, a static
server on 127.0.0.1, and Playwright driving Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time (no flaky discoveries there); local runs keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

REPO = Path(__file__).resolve().parent.parent
SEED_DUMP = REPO / "content" / "dumps" / "000_60cb932911076600.txt"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")

# Playwright already adds --no-sandbox (as root), --disable-background-networking, --headless ...
# Resolve nothing but loopback, so no page (or Chromium itself) can reach another host.
CHROMIUM_ARGS = [
    "--disable-gpu",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: .ci/run must apt-get install chromium")
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve_dir() -> Iterator[Callable[[Path], str]]:
    """serve_dir(path) -> "http://127.0.0.1:PORT": a static server for a folder."""
    servers = []

    def start(path: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(path))
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}"

    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


def new_site(root: Path, *, title: str = "测试时间线", language: str = "zh-CN", extra: str = "") -> Path:
    """An empty site folder using the repository's themes."""
    (root / "content").mkdir(parents=True, exist_ok=True)
    (root / "content" / "site.toml").write_text(
        f'title = "{title}"\nlanguage = "{language}"\ntimezone = "Asia/Shanghai"\n{extra}', encoding="utf-8"
    )
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    def make(name: str = "site", **kw: str) -> Path:
        return new_site(tmp_path / name, **kw)

    return make


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the repository's default site (content/ as committed)."""
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture(scope="session")
def seed_public(seed_site: Path) -> Path:
    """The default site, built once per test session."""
    from sitegen.builder import build
    from sitegen.config import load_config

    result = build(load_config(seed_site))
    return result.out


@pytest.fixture(scope="session")
def seed_url(seed_public: Path, serve_dir: Callable[[Path], str]) -> str:
    return serve_dir(seed_public)
