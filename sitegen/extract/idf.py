"""Inverse document frequencies, with their least and greatest weight read once.

Every comparison of merging and of the citing pass weighs names by how rare they are beyond
the commonest word (the least weight, `floor`), and a term the dump never had weighs as the
rarest (`rarest`).  Both were taken with ``min``/``max`` over the whole vocabulary at each
comparison: work per comparison that grows with the dump.  `Idf` keeps them, computed on
first use; the weights are never changed once made (`merge.idf_weights`), and a plain dict
(tests, callers of their own) is read as before.
"""

from __future__ import annotations


class Idf(dict):
    """term -> weight, with `floor` and `rarest` computed once (never change it after)."""

    _floor: float | None = None
    _rarest: float | None = None

    @property
    def floor(self) -> float:
        if self._floor is None:
            self._floor = min(self.values(), default=0.0)
        return self._floor

    @property
    def rarest(self) -> float:
        if self._rarest is None:
            self._rarest = max(self.values(), default=1.0)
        return self._rarest


def floor(idf: dict[str, float]) -> float:
    """The least weight (0.0 for none)."""
    return idf.floor if isinstance(idf, Idf) else min(idf.values(), default=0.0)


def rarest(idf: dict[str, float]) -> float:
    """The greatest weight (1.0 for none)."""
    return idf.rarest if isinstance(idf, Idf) else max(idf.values(), default=1.0)
