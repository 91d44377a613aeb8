"""`heap.frozen`: what a build loaded is kept out of the collector's passes, and given back after."""

from __future__ import annotations

import gc

import pytest

from sitegen.builder import build, rebuild
from sitegen.config import load_config
from sitegen.util import heap


@pytest.fixture
def unfrozen():
    """Each test starts and ends with nothing frozen (a test runner may have frozen nothing either)."""
    gc.unfreeze()
    yield
    gc.unfreeze()


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def test_frozen_keeps_what_is_alive_out_of_collections_and_gives_it_back(unfrozen):
    kept = Node()
    assert gc.get_freeze_count() == 0
    with heap.frozen() as did:
        assert did
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects(2))  # not walked by a full pass
        made = Node()  # made during the block: the collector's, as always
        assert any(o is made for o in gc.get_objects(0))
    assert gc.get_freeze_count() == 0
    assert any(o is kept for o in gc.get_objects())


def test_frozen_leaves_a_freeze_it_did_not_make(unfrozen):
    gc.freeze()  # as the dev server does between its updates
    count = gc.get_freeze_count()
    with heap.frozen() as did:
        assert not did
    # still frozen: frozen() did not unfreeze what it had not frozen (the count itself may drop a
    # little meanwhile, as frozen objects freed by reference counting leave it: seen in CI, -8 of
    # 536,783, with the other tests' threads running)
    assert gc.get_freeze_count() > count // 2


def test_frozen_does_nothing_with_the_collector_off(unfrozen):
    gc.disable()
    try:
        with heap.frozen() as did:
            assert not did
            assert gc.get_freeze_count() == 0
    finally:
        gc.enable()


def test_a_build_renders_with_the_site_frozen_and_unfreezes_after(make_site, tmp_path, unfrozen, monkeypatch):
    seen: list[int] = []
    full = rebuild._full

    def spy(*args, **kwargs):
        seen.append(gc.get_freeze_count())
        return full(*args, **kwargs)

    monkeypatch.setattr(rebuild, "_full", spy)
    build(load_config(make_site()), tmp_path / "out")
    assert seen and seen[0] > 0
    assert gc.get_freeze_count() == 0


def test_freeze_new_freezes_only_inside_a_block_that_froze_and_the_block_gives_all_back(unfrozen):
    assert not heap.freeze_new()  # outside a block: nothing
    with heap.frozen():
        made = Node()
        assert any(o is made for o in gc.get_objects(0))
        assert heap.freeze_new()
        assert not any(o is made for o in gc.get_objects())  # frozen with the rest
    assert any(o is made for o in gc.get_objects())
    gc.freeze()  # a freeze it did not make (the dev server's): frozen() does nothing, nor freeze_new
    with heap.frozen() as did:
        assert not did and not heap.freeze_new()


def test_frozen_young_collects_the_youngest_generation_less_often_for_the_block_only(unfrozen):
    before = gc.get_threshold()
    with heap.frozen(young=before[0] * 10):
        assert gc.get_threshold() == (before[0] * 10, *before[1:])
    assert gc.get_threshold() == before


def test_an_import_runs_frozen_with_fewer_young_collections(make_site, unfrozen, monkeypatch):
    from sitegen.importer import run as importer

    seen: list[tuple[int, int]] = []
    extract = importer.extract

    def spy(*args, **kwargs):
        seen.append((gc.get_freeze_count(), gc.get_threshold()[0]))
        return extract(*args, **kwargs)

    monkeypatch.setattr(importer, "extract", spy)
    before = gc.get_threshold()
    importer.run_import(load_config(make_site()), [])
    assert seen and seen[0][0] > 0 and seen[0][1] == importer.YOUNG
    assert gc.get_freeze_count() == 0 and gc.get_threshold() == before


def test_few_full_passes_holds_full_passes_back_and_restores_the_thresholds():
    before = gc.get_threshold()
    with heap.few_full_passes():
        now = gc.get_threshold()
        assert now[:2] == before[:2]  # the young generations are collected as always
        assert now[2] >= heap.FULL_PASS_EVERY
    assert gc.get_threshold() == before
    with pytest.raises(RuntimeError), heap.few_full_passes():
        raise RuntimeError("a failed build")
    assert gc.get_threshold() == before


def test_a_build_holds_full_passes_back_and_restores_them(make_site, tmp_path, monkeypatch):
    seen: list[tuple[int, ...]] = []
    full = rebuild._full

    def spy(*args, **kwargs):
        seen.append(gc.get_threshold())
        return full(*args, **kwargs)

    before = gc.get_threshold()
    monkeypatch.setattr(rebuild, "_full", spy)
    build(load_config(make_site()), tmp_path / "out")
    assert seen and seen[0][2] >= heap.FULL_PASS_EVERY
    assert gc.get_threshold() == before
