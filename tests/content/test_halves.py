"""Pages read in two halves, every other one by a child process: the same list, the same site."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sitegen.builder import build
from sitegen.config import load_config
from sitegen.content import halves
from sitegen.util.cache import Cache

from ..conftest import REPO

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system")


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_every_other_item_is_worked_on_by_a_child_and_the_order_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(halves, "can_fork", lambda: True)  # the test session runs threads
    items = list(range(halves.AT_LEAST + 11))
    done = halves.in_halves(items, lambda part: [(x, os.getpid()) for x in part], "numbers")
    assert [x for x, _ in done] == items
    assert {pid for _, pid in done[0::2]} == {os.getpid()}
    assert os.getpid() not in {pid for _, pid in done[1::2]}


def test_a_short_list_stays_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(halves, "can_fork", lambda: True)
    done = halves.in_halves(list(range(10)), lambda part: [os.getpid() for _ in part], "numbers")
    assert set(done) == {os.getpid()}


def test_an_error_in_the_child_is_raised_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(halves, "can_fork", lambda: True)

    def work(part: list[int]) -> list[int]:
        if part[0] % 2:
            raise ValueError("the child's half")
        return part

    with pytest.raises(ValueError, match="the child's half"):
        halves.in_halves(list(range(halves.AT_LEAST)), work, "numbers")


@pytest.mark.parametrize("cache", ["on", "off"])
def test_a_site_read_in_halves_builds_as_one_read_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cache: str
) -> None:
    root = tmp_path / "site"
    shutil.copytree(REPO / "content", root / "content")
    config = load_config(root)

    def built(out: str) -> dict[str, bytes]:
        store = Cache.for_site(root) if cache == "on" else Cache(None)
        try:
            return tree(build(config, out=tmp_path / out, cache=store, incremental=False).out)
        finally:
            store.close()

    monkeypatch.setattr(halves, "can_fork", lambda: False)
    whole = built("whole")
    shutil.rmtree(root / ".sitegen-cache", ignore_errors=True)
    monkeypatch.setattr(halves, "can_fork", lambda: True)
    monkeypatch.setattr(halves, "AT_LEAST", 2)
    assert built("halves") == whole
