"""Pieces of whole-site outputs kept between the dev server's updates.

The timeline, ``timeline.json`` and ``events.json`` list every event; after an
edit of one, only its piece is made again and the rest are reused.  A piece is
kept for the *objects* it was made from (an event and the sources it cites,
compared by identity): ``sitegen serve`` keeps unchanged items as the same
objects from one update to the next, so an edited item is a new object and
misses.  Whatever else a piece depends on - settings, templates, strings, the
base URL - is the same for the life of the memo: `BuildContext.memo` starts
empty whenever one of those changes (a full re-render) and for every
``sitegen build``.

Each output's pieces live in a table of their own; a table keeps only the pieces
used by the output's last render, so edits do not make the memo grow.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from . import BuildContext

T = TypeVar("T")


class Pieces:
    """The pieces of one output: those made in this render, and those of the last one."""

    def __init__(self, before: dict, now: dict) -> None:
        self.before = before
        self.now = now

    def get(self, objects: tuple[Any, ...], extra: Hashable, make: Callable[[], T]) -> T:
        """``make()``, or what it gave last time for the very same ``objects`` and equal ``extra``."""
        key = (tuple(map(id, objects)), extra)
        found = self.now.get(key) or self.before.get(key)
        if found is not None and len(found[0]) == len(objects) and all(map(_same, found[0], objects)):
            self.now[key] = found
            return found[1]
        value = make()
        self.now[key] = (objects, value)  # holding the objects keeps their ids from being reused
        return value


def _same(a: object, b: object) -> bool:
    return a is b


def pieces(ctx: BuildContext, name: str) -> Pieces:
    """The table ``name`` for this render (the first call in a build starts it afresh)."""
    tables = ctx.caches.setdefault("pieces", {})
    if name not in tables:
        before = ctx.memo.get(name, {})
        now: dict = {}
        ctx.memo[name] = now
        tables[name] = Pieces(before, now)
    return tables[name]


def json_list(items: list[str], depth: int) -> str:
    """A JSON array of already-encoded items, as ``json.dumps(..., indent=1)`` writes it at ``depth``.

    Each item is ``json.dumps(value, ensure_ascii=False, indent=1)`` of one value at depth 0.
    """
    if not items:
        return "[]"
    pad = " " * (depth + 1)
    inner = (",\n").join(pad + item.replace("\n", "\n" + pad) for item in items)
    return "[\n" + inner + "\n" + " " * depth + "]"


def json_with_lists(doc: dict, lists: dict[str, list[str]]) -> str:
    """``json.dumps(doc | lists, ensure_ascii=False, indent=1)`` where ``lists`` (top-level keys of
    ``doc``, in place) hold items already encoded by `json_list`'s rule: only the rest is encoded."""
    import json

    marks = {key: json.dumps(f"\x00{n}\x00") for n, key in enumerate(lists)}
    text = json.dumps(
        {k: json.loads(marks[k]) if k in marks else v for k, v in doc.items()}, ensure_ascii=False, indent=1
    )
    if any(text.count(mark) != 1 for mark in marks.values()):  # the rest holds such a string too
        whole = {k: [json.loads(i) for i in lists[k]] if k in lists else v for k, v in doc.items()}
        return json.dumps(whole, ensure_ascii=False, indent=1)
    for key, mark in marks.items():
        text = text.replace(mark, json_list(lists[key], 1))
    return text


def encode(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, indent=1)
