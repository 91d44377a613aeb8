"""RSS 2.0 and Atom feeds, read with ``feedparser``, one record per item.

The outlet is the item's own source when it names one (an aggregator's feed), else the feed's
title.  Titles and descriptions marked as HTML are reduced to their text (`htmltext`), entities
decoded once.  The date is read from the item's own text (``published``, else ``updated``) so
its zone is kept (feedparser's parsed form is UTC); an item without a date that can be read is
reported as ``file: item N`` and skipped, never given the feed's or today's date.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import tzinfo

from ...errors import Problem
from ..dump import Dump, Record, is_visible, read_whole
from .fields import check_url, parse_when
from .htmltext import html_to_text


def iter_feed(dump: Dump, tz: tzinfo) -> Iterator[Record]:
    import feedparser

    data = read_whole(dump)
    if data is None:
        return
    parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    if not parsed.entries:
        why = f" ({parsed.get('bozo_exception')})" if parsed.get("bozo") else ""
        dump.problems.append(
            Problem(dump.path, 1, f"no items in this feed{why}: expected an RSS 2.0 or Atom feed with items")
        )
        return
    dump.encoding = parsed.get("encoding") or "utf-8"
    channel = _text(parsed.feed, "title")
    for n, entry in enumerate(parsed.entries, 1):
        got = _record(entry, channel, dump, tz, n)
        if isinstance(got, str):
            dump.problems.append(Problem(dump.path, None, f"item {n}: {got}; item skipped"))
        else:
            yield got


def _text(node, key: str) -> str:
    """A text construct as plain text: HTML reduced, entities decoded."""
    value = node.get(key) or ""
    detail = node.get(f"{key}_detail") or {}
    if "html" in str(detail.get("type", "")):
        return " ".join(html_to_text(value).split())
    return " ".join(value.split())


def _record(entry, channel: str, dump: Dump, tz: tzinfo, n: int) -> Record | str:
    title = _text(entry, "title")
    if not is_visible(title):
        return "no title: expected <title> in the item"
    source = entry.get("source") or {}
    outlet = (_text(source, "title") if source else "") or channel
    if not is_visible(outlet):
        return "no outlet: expected a <title> for the feed (or a <source> in the item)"
    raw_date = entry.get("published") or entry.get("updated") or ""
    if not raw_date:
        return "no date: expected <pubDate> (RSS) or <published>/<updated> (Atom)"
    when = parse_when(raw_date, tz)
    if isinstance(when, str):
        return when
    body = ""
    if entry.get("content"):
        part = entry["content"][0]
        value = part.get("value", "")
        body = html_to_text(value) if "html" in str(part.get("type", "")) else value.strip()
    if not body and entry.get("summary"):
        body = (
            html_to_text(entry["summary"])
            if "html" in str((entry.get("summary_detail") or {}).get("type", "html"))
            else entry["summary"].strip()
        )
    url = entry.get("link") or None
    if url is not None and check_url(url):
        return f"link: {check_url(url)}"
    return Record(
        title=title,
        outlet=outlet,
        published=when[0],
        precision=when[1],
        body=body,
        keyword=dump.keyword,
        path=dump.path,
        line=n,
        url=url,
        unit="item",
    )
