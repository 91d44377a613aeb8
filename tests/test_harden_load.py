"""`sitegen serve` under load while it rebuilds (loopback only, bounded): 50 clients fetch pages
without pause during 10 rebuilds.  No 5xx, no failed connection, every answer a complete file of
the old or the new build, memory steady.  `bench/load_serve.py` runs 200 clients x 50 rebuilds."""

from __future__ import annotations

import shutil
from pathlib import Path

from .conftest import REPO
from .support.load import run_load


def test_fifty_clients_during_ten_rebuilds_get_only_whole_pages(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "content", site / "content")
    event_page = sorted((site / "content" / "events").glob("*.md"))[0]
    result = run_load(site, event_page, clients=50, rebuilds=10)
    assert result.rebuilds == 10 and result.rebuild_lines >= 10
    assert result.requests > 10 * 50
    assert result.server_errors == 0 and dict(result.errors) == {}
    assert result.mismatched == []
    assert set(result.status) <= {200, 404}  # 404: a search shard of the other version
    # memory steady: what the server holds after the load is what it held before, give or take
    assert result.rss_after_kb < result.rss_before_kb * 1.25 + 20_000, (
        result.rss_before_kb,
        result.rss_after_kb,
    )
