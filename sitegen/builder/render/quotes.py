"""Quotes inside source pages: where each quote sits, and source bodies with their quotes marked.

An event page links each quote to the place in the source page that holds it:
the quote itself (``<mark id="q-…">``) when it lies inside one run of text,
else its paragraph (``p-N``). Both are pure functions of the source's body and
the quote, so they are computed once per build and kept in the site's on-disk
cache (`prerender_bodies`, `prefetch_anchors`); a build after an edit parses no
unchanged body.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_right
from collections.abc import Iterable
from itertools import accumulate

from markdown_it.token import Token
from markupsafe import Markup

from ...core.markdown import quote_form, simple_paragraphs, tokens
from ...core.model import Event, Source
from ..context import BuildContext, cache_table


def paragraph_anchor(src: Source, quote: str, cache: dict) -> str:
    """``p-3``: the paragraph of the source page that holds ``quote`` (empty if none)."""
    blocks = cache.get(src.id)
    if blocks is None:
        blocks = [quote_form(b) for b in src.text.split("\n\n")]
        cache[src.id] = blocks
    q = quote_form(quote)
    for i, block in enumerate(blocks, 1):
        if q and q in block:
            return f"p-{i}"
    return ""


def event_anchors(ctx: BuildContext, event: Event) -> None:
    """Look up the quote anchors of one event at once in the on-disk cache (a build after an edit)."""
    if ctx.cache is not None and ctx.cache.enabled:
        prefetch_anchors(ctx, [event])


def quote_anchor(ctx: BuildContext, src: Source, quote: str) -> str:
    """`paragraph_anchor` of a quote, once per build (`prefetch_anchors` fills it at once)."""
    known = ctx.caches.anchor_of
    key = (src.id, quote)
    if key not in known:
        known[key] = paragraph_anchor(src, quote, ctx.caches.anchors)
    return known[key]


def body_with_anchors(text: str, quotes: dict[str, str] | None = None) -> tuple[Markup, set[str]]:
    """Render a source body giving each block an id ``p-N`` (quotes link to it).

    ``quotes`` maps a mark id to a quoted passage: each passage found inside
    one run of text is wrapped in ``<mark id=…>`` so a link can point at the
    quote itself.  Returns the HTML and the ids of the marks placed.
    """
    from ...core.markdown import _parser

    md = _parser()
    toks = _paragraph_tokens(text)
    if toks is None:
        toks = tokens(text)
    placed: set[str] = set()
    n = 0
    for i, tok in enumerate(toks):
        if tok.type != "inline":
            continue
        n += 1
        j = i - 1
        target = toks[j]
        if target.hidden:  # a paragraph inside a tight list item: tag the item
            while j > 0 and toks[j].type != "list_item_open":
                j -= 1
            target = toks[j]
        target.attrSet("id", f"p-{n}")
        if quotes and tok.children:
            tok.children = _mark_quotes(tok.children, quotes, placed)
    return Markup(md.renderer.render(toks, md.options, {})), placed


def _paragraph_tokens(text: str) -> list[Token] | None:
    """The tokens markdown-it makes of a text of plain paragraphs (`simple_paragraphs`), without
    parsing it; None for any other text."""
    blocks = simple_paragraphs(text)
    if blocks is None:
        return None
    toks: list[Token] = []
    for block in blocks:
        children = []
        for n, line in enumerate(block.split("\n")):
            if n:
                children.append(Token("softbreak", "br", 0))
            children.append(Token("text", "", 0, content=line))
        toks += [
            Token("paragraph_open", "p", 1, block=True),
            Token("inline", "", 0, content=block, children=children),
            Token("paragraph_close", "p", -1, block=True),
        ]
    return toks


def _mark_quotes(children: list[Token], quotes: dict[str, str], placed: set[str]) -> list[Token]:
    children = _join_text(children)
    for qid, quote in quotes.items():
        if qid in placed or not quote_form(quote):
            continue
        for k, child in enumerate(children):
            span = find_quote(child.content, quote) if child.type == "text" else None
            if span is None:
                continue
            text, (start, end) = child.content, span
            children[k : k + 1] = [
                Token("text", "", 0, content=text[:start]),
                Token("mark_open", "mark", 1, attrs={"id": qid}),
                Token("text", "", 0, content=text[start:end]),
                Token("mark_close", "mark", -1),
                Token("text", "", 0, content=text[end:]),
            ]
            placed.add(qid)
            break
    return children


def _join_text(children: list[Token]) -> list[Token]:
    """Runs of text and soft line breaks as one text token (renders the same), so a quote that
    spans a line break in the Markdown can be marked."""
    out: list[Token] = []
    joining = False
    for child in children:
        if child.type not in ("text", "softbreak"):
            out.append(child)
            joining = False
            continue
        content = "\n" if child.type == "softbreak" else child.content
        if joining:
            out[-1].content += content
        else:
            out.append(Token("text", "", 0, content=content))
            joining = True
    return out


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where ``quote`` is in ``text`` (the first place), found the way quotes are checked
    (`quote_form`): whitespace may differ, and spaces beside Chinese characters may be there or not.

    That is: the quote's characters other than whitespace, in a row in the text with only
    whitespace between them, and some whitespace where the quote (in its compared form) has a
    space.  The span runs from the first character to the last.
    """
    form = quote_form(quote)
    wanted = form.replace(" ", "")
    if not wanted:
        return None
    packed = _WHITESPACE.sub("", text)
    at = packed.find(wanted)
    if at < 0:
        return None
    spaced: list[int] = []  # indexes (in `wanted`) of characters that need whitespace before them
    n = 0
    for ch in form:
        if ch == " ":
            spaced.append(n)
        else:
            n += 1
    runs = [m.span() for m in _NON_SPACE.finditer(text)]  # runs of characters other than whitespace
    offsets = list(accumulate((end - start for start, end in runs), initial=0))[:-1]

    def place(k: int) -> int:  # index in `text` of the k-th character other than whitespace
        r = bisect_right(offsets, k) - 1
        return runs[r][0] + k - offsets[r]

    while at >= 0:
        if all(place(at + i) - place(at + i - 1) > 1 for i in spaced):
            return place(at), place(at + len(wanted) - 1) + 1
        at = packed.find(wanted, at + 1)
    return None


_WHITESPACE = re.compile(r"\s+")


_NON_SPACE = re.compile(r"\S+")


def quote_id(event_id: str, source_id: str) -> str:
    return "q-" + hashlib.sha1(f"{event_id}|{source_id}".encode()).hexdigest()[:8]


def source_body(ctx: BuildContext, src: Source) -> tuple[Markup, set[str]]:
    """The source page's body with every quote that an event takes from it marked (cached)."""
    cache = ctx.caches.bodies
    if src.id not in cache and ctx.cache is not None and ctx.cache.enabled:
        prerender_bodies(ctx, [src])
    if src.id not in cache:
        cache[src.id] = body_with_anchors(src.body, source_quotes(ctx, src))
    return cache[src.id]


def source_quotes(ctx: BuildContext, src: Source) -> dict[str, str]:
    """Mark id -> passage, for every quote that an event takes from ``src``."""
    index = ctx.caches.quotes_from
    if index is None:  # source id -> (event id, quote), in timeline order: one pass per build
        index = ctx.caches.quotes_from = {}
        for e in ctx.site.timeline():
            for c in e.sources:
                if c.quote:
                    index.setdefault(c.source, []).append((e.id, c.quote))
    return {quote_id(event_id, src.id): quote for event_id, quote in index.get(src.id, ())}


def quote_target(ctx: BuildContext, event: Event, src: Source, quote: str) -> str:
    """Where a quote's link points in the source page: the marked quote, else its paragraph."""
    _, placed = source_body(ctx, src)
    qid = quote_id(event.id, src.id)
    if qid in placed:
        return qid
    return quote_anchor(ctx, src, quote)


def prerender_bodies(ctx: BuildContext, sources: Iterable[Source] | None = None) -> None:
    """Render every source body (with its quotes marked) at once, reusing the on-disk cache.

    Fills the per-build memo that `pages.source_body` reads; the result is a
    pure function of the body's Markdown and the quotes taken from it.
    ``sources``: only these (default: all).
    """
    table = cache_table(ctx, "body-html", "sitegen.core.markdown", "sitegen.builder.render.quotes")
    chosen = ctx.site.sources.values() if sources is None else sources
    work = [(src, source_quotes(ctx, src)) for src in chosen]

    def render(item: tuple[Source, dict[str, str]]) -> list:
        html, placed = body_with_anchors(item[0].body, item[1])
        return [str(html), sorted(placed)]

    def key(item: tuple[Source, dict[str, str]]) -> str:
        return json.dumps([item[0].body_key(), item[1]], ensure_ascii=False, sort_keys=True)

    rendered = table.map(render, work, key=key)
    memo = ctx.caches.bodies
    for (src, _), (html, placed) in zip(work, rendered, strict=True):
        memo[src.id] = (Markup(html), set(placed))


def prefetch_anchors(ctx: BuildContext, events: Iterable[Event] | None = None) -> None:
    """Find the paragraph of every quote of ``events`` (default: all) in its source at once,
    reusing the on-disk cache.

    Fills the per-build memo that `pages.quote_anchor` reads (a pure function of the
    source's body and the quote), so that a build after an edit parses no unchanged body.
    """
    table = cache_table(ctx, "quote-anchor", "sitegen.core.markdown", "sitegen.builder.render.quotes")
    sources = ctx.site.sources
    known = ctx.caches.anchor_of
    chosen = ctx.site.events.values() if events is None else events
    asked = list(dict.fromkeys((c.source, c.quote) for e in chosen for c in e.sources if c.quote))
    asked = [(sid, quote) for sid, quote in asked if sid in sources and (sid, quote) not in known]
    if not asked:
        return
    blocks = ctx.caches.anchors
    found = table.map(
        lambda k: paragraph_anchor(sources[k[0]], k[1], blocks),
        asked,
        key=lambda k: json.dumps([sources[k[0]].body_key(), k[1]], ensure_ascii=False),
    )
    ctx.caches.anchor_of.update(zip(asked, found, strict=True))
