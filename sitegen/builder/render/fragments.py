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

``sitegen build`` starts a new process each time, so it also keeps pieces in the
site's on-disk cache (`sitegen.util.cache`), named by the hashes of the pages they are
made from (`Source.digest`, `Event.digest`; a piece made of other pieces by
theirs) and kept in a table whose version covers all the rest: sitegen's code,
the settings, every theme file and the base URL (`BuildContext.pieces_version`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from json.encoder import encode_basestring as _STRING  # a string as json.dumps writes it (C)
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from ...util.cache import Table
    from ..context import BuildContext

T = TypeVar("T")
Request = tuple[tuple[Any, ...], Hashable, Callable[[], Any]]  # objects, extra, make
Codec = tuple[Callable[[Any], Any], Callable[[Any], Any]]  # to JSON, from JSON


class Pieces:
    """The pieces of one output: those made in this render, and those of the last one."""

    def __init__(
        self, before: dict, now: dict, disk: Table | None = None, codec: Codec | None = None
    ) -> None:
        self.before = before
        self.now = now
        self.disk = disk
        self.codec = codec

    def get(self, objects: tuple[Any, ...], extra: Hashable, make: Callable[[], T]) -> T:
        """``make()``, or what it gave last time for the very same ``objects`` and equal ``extra``."""
        return self.many([(objects, extra, make)])[0]

    def many(self, requests: list[Request]) -> list:
        """`get` for many pieces at once (one look-up in the on-disk cache for all)."""
        results: list = [None] * len(requests)
        missing: list[int] = []
        for n, (objects, extra, _) in enumerate(requests):
            key = (tuple(map(id, objects)), extra)
            found = self.now.get(key) or self.before.get(key)
            if found is not None and len(found[0]) == len(objects) and all(map(_same, found[0], objects)):
                self.now[key] = found
                results[n] = found[1]
            else:
                missing.append(n)
        stored: dict[int, str] = {}
        if missing and self.disk is not None and self.codec is not None:
            named = {n: k for n in missing if (k := _disk_key(*requests[n][:2]))}
            got = self.disk.get_many(named.values())
            stored = {n: k for n, k in named.items() if k not in got}
            decode = self.codec[1]
            for n, k in named.items():
                if k in got:
                    results[n] = self._keep(requests[n], decode(got[k]))
            missing = [n for n in missing if n not in named or n in stored]
        made: dict[str, Any] = {}
        for n in missing:
            results[n] = self._keep(requests[n], requests[n][2]())
            if n in stored:
                made[stored[n]] = self.codec[0](results[n])  # type: ignore[index]
        if made and self.disk is not None:
            self.disk.put_many(made)
        return results

    def _keep(self, request: Request, value: object) -> object:
        objects, extra, _ = request
        self.now[(tuple(map(id, objects)), extra)] = (objects, value)  # the objects keep their ids unused
        return value


def _same(a: object, b: object) -> bool:
    return a is b


def _disk_key(objects: tuple[Any, ...], extra: Hashable) -> str | None:
    """A piece's name in the on-disk cache: the hashes of the pages (or pieces) it is made from."""
    h = hashlib.blake2b(repr(extra).encode(), digest_size=16)
    for obj in objects:
        if obj is None:
            part = "-"
        elif getattr(obj, "digest", ""):
            part = obj.digest
        elif isinstance(obj, str):
            part = hashlib.blake2b(obj.encode(), digest_size=16).hexdigest()
        else:
            return None  # an item read without its hash: kept in memory only
        h.update(part.encode() + b"\0")
    return h.hexdigest()


def pieces(ctx: BuildContext, name: str, codec: Codec | None = None) -> Pieces:
    """The table ``name`` for this render (the first call in a build starts it afresh).

    ``codec``: how a piece becomes JSON and back, to keep the pieces in the on-disk cache as
    well (``sitegen build`` sets `BuildContext.pieces_version`: what they depend on besides pages).
    """
    tables = ctx.caches.pieces
    if name not in tables:
        before = ctx.memo.fragments.get(name, {})
        now: dict = {}
        ctx.memo.fragments[name] = now
        disk = None
        if codec is not None and ctx.pieces_version and ctx.cache is not None and ctx.cache.enabled:
            disk = ctx.cache.table(f"piece-{name}", ctx.pieces_version)
        tables[name] = Pieces(before, now, disk, codec)
    return tables[name]


TEXT: Codec = (str, str)
LIST: Codec = (list, list)


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
    """``json.dumps(value, ensure_ascii=False, indent=1)``: a record of events.json or timeline.json.

    The standard library encodes in Python whenever ``indent`` is given, a step per value through
    generators; a record of dicts, lists and strings (nearly all of them) is written here in one
    pass with the same characters - the strings by the same C function the standard library
    calls.  Anything else (numbers, keys that are not strings, a subclass) goes to `json.dumps`."""
    try:
        return _indented(value, "\n")
    except _Other:
        import json

        return json.dumps(value, ensure_ascii=False, indent=1)


class _Other(Exception):
    """A value `_indented` leaves to `json.dumps`."""


def _indented(value: object, newline: str) -> str:
    """``value`` as `encode` writes it, its lines after the first starting with ``newline``."""
    kind = type(value)
    if kind is str:
        return _STRING(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = newline + " "
        parts = []
        for k, v in value.items():  # type: ignore[attr-defined]
            if type(k) is not str:
                raise _Other
            parts.append(inner + _STRING(k) + ": " + _indented(v, inner))
        return "{" + ",".join(parts) + newline + "}"
    if kind is list:
        if not value:
            return "[]"
        inner = newline + " "
        return "[" + ",".join(inner + _indented(v, inner) for v in value) + newline + "]"  # type: ignore[attr-defined]
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    raise _Other
