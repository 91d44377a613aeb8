"""Keeping the garbage collector off what a build loaded once and keeps to its end.

A build loads the whole site (tens of thousands of objects per thousand pages), then
renders for much longer.  CPython's full collections walk every tracked object each
time, and their number grows with the heap: at 10,000 dense records about a tenth of
a build's CPU went to walking the site again and again, none of it ever garbage.
`frozen` moves what is alive into the collector's permanent generation for the
duration (`gc.freeze`): collections made during it walk only what was made since.
A forked child (`sitegen.util.forked`) gains twice: its collections no longer touch,
and so copy, the pages of memory it shares with the parent.

An import grows its long-lived heap in stages (the records and the models, then every
source's words, then the candidates): `freeze_new`, inside a block that froze, freezes what
each stage left alive too, so later collections skip it as well.

Nothing frozen is lost: it returns to the collector when the block ends, and is
collected then if it died meanwhile.  Where something froze the heap already (the
dev server does, between its updates) or the collector is off, nothing is done.

`few_full_passes` goes further for the length of a build: loading the site comes before
the freeze, and what rendering keeps (the build's memos, the search index being made) is
not frozen, so full passes still came every few hundred thousand objects made - at 10,000
dense records about fifteen of them, a second of CPU, for a few megabytes of garbage.  The
young generations are still collected as always (they free nearly all of it); full passes
wait until the block ends, and the thresholds are given back then.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

_ours = [0]
"""How many `frozen` blocks that froze are open (`freeze_new` freezes more only inside one)."""


@contextlib.contextmanager
def frozen(young: int | None = None) -> Iterator[bool]:
    """Freeze what is alive now for the block; yields whether it did (see the module's docstring).

    ``young``: when it froze, the youngest generation is collected only after this many new
    objects for the block (CPython's default: 700).  Where little of what is made is cyclic
    garbage (an import: about 1,400 objects of a 2,000-record run are ever collected) each
    young collection walks survivors for nothing; fewer walks, the same garbage freed later."""
    if not gc.isenabled() or gc.get_freeze_count():
        yield False
        return
    gc.freeze()
    _ours[0] += 1
    before = gc.get_threshold()
    if young is not None:
        gc.set_threshold(max(young, before[0]), *before[1:])
    try:
        yield True
    finally:
        gc.set_threshold(*before)
        _ours[0] -= 1
        gc.unfreeze()


def freeze_new() -> bool:
    """Inside a `frozen` block that froze (and with the collector on): freeze what is alive now
    too, until the block ends; elsewhere nothing.  Whether it froze."""
    if not _ours[0] or not gc.isenabled():
        return False
    gc.freeze()
    return True


FULL_PASS_EVERY = 1_000_000
"""Young collections between two full passes during `few_full_passes` (CPython's default: 10;
a 10,000-record build makes about 300)."""


@contextlib.contextmanager
def few_full_passes() -> Iterator[None]:
    """Hold the collector's full passes back for the block (see the module's docstring); a forked
    child inherits the setting.  The thresholds are restored when the block ends."""
    before = gc.get_threshold()
    gc.set_threshold(before[0], before[1], max(before[2], FULL_PASS_EVERY))
    try:
        yield
    finally:
        gc.set_threshold(*before)
