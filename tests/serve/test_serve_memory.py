"""The dev server keeps the garbage collector off what updates leave alive, and still frees cycles."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

from sitegen.serve import session as serve_session


class Cycle:
    def __init__(self) -> None:
        self.me = self


def test_what_an_update_leaves_alive_is_frozen_and_cycles_that_die_later_are_freed(tmp_path: Path) -> None:
    s = serve_session.Session(tmp_path)
    try:
        kept = Cycle()  # alive when an update ends: frozen with the rest
        gone = weakref.ref(kept)
        s._settle()
        assert gc.get_freeze_count() > 0
        del kept  # dies later, in a cycle: only a full pass over unfrozen objects frees it
        for _ in range(serve_session.COLLECT_EVERY - 2):
            s._settle()
        assert gone() is not None  # still frozen: full passes between updates do not walk it
        s._settle()  # the COLLECT_EVERY-th update
        assert gone() is None
    finally:
        gc.unfreeze()
