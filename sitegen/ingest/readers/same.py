"""One article, one source: records of the same article from several files (or twice in one) merged.

Two records are the same article when

1. their URLs are the same once normalised (scheme, ``www.``, letter case of the host, a trailing
   slash, the fragment and ``utm_*`` tracking parameters aside), or
2. neither URL tells them apart (one or both have none) and their headlines are the same once
   width, case, spaces and punctuation are set aside, from the same outlet (by its display name,
   so ``Xin Hua She`` and ``新华社`` are one), on the same day in the site's timezone; and their
   texts agree: published the same minute, or one text is empty or the start of the other (an
   excerpt of it).  Two different texts under one headline are two reports, both kept: merging
   them would lose the words of one, and with them the quotes events take from it.

Syndicated copies (the same headline from different outlets) stay separate sources: the outlet
is part of the match.  The first record (in file order) is kept, so a source keeps its id
however many copies arrive later; it takes the URLs it lacks, and the longer body, from the
copies (a feed's excerpt gives way to the saved page's full text).  One pass, one dictionary
lookup per record, then a look at the few reports kept under the same headline, outlet and day:
linear in the number of records.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import datetime, tzinfo
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..dump import Record


def normal_url(url: str) -> str:
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host += f":{parts.port}"
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not k.lower().startswith("utm_")
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, urlencode(sorted(query)), ""))


def fold_text(text: str) -> str:
    """Letters and digits only, width and case folded: the form two headlines are compared in."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return re.sub(r"[\W_]+", "", folded)


MAX_COMPARED = 8
"""Reports kept under one headline, outlet and day that a new record's text is compared with
(besides the one published the same minute, always found): a bound, so that a thousand reports
under one headline cost linear time.  Past it a copy may stay a second source; no text is lost."""


class Articles:
    """Records gathered one by one; `add` says whether a record was a new article."""

    def __init__(self, tz: tzinfo, outlet_name: Callable[[str], str]) -> None:
        self.tz = tz
        self.outlet_name = outlet_name
        self.records: list[Record] = []
        self.compared = 0  # texts compared, for the test that the cost stays linear
        self._folded: list[str | None] = []  # kept bodies as `fold_text` gives them, once asked for
        self._by_url: dict[str, int] = {}
        self._by_text: dict[str, list[int]] = {}  # one headline, outlet and day: the reports kept
        self._by_minute: dict[tuple[str, datetime], int] = {}

    def _text_key(self, r: Record) -> str:
        day = r.published.astimezone(self.tz).date().isoformat()
        # a headline of no letters or digits (an emoji alone) is compared as written, never as ""
        title = fold_text(r.title) or "=" + " ".join(r.title.split())
        return f"{title}|{fold_text(self.outlet_name(r.outlet))}|{day}"

    def add(self, r: Record) -> bool:
        url = normal_url(r.url) if r.url else None
        at = self._by_url.get(url) if url else None
        text_key = self._text_key(r)
        if at is None:
            at = self._same_article(r, url, text_key)
        if at is None:
            self.records.append(r)
            self._folded.append(None)
            at = len(self.records) - 1
            self._by_text.setdefault(text_key, []).append(at)
            self._by_minute.setdefault((text_key, r.published), at)
            if url:
                self._by_url[url] = at
            return True
        merged = self.records[at] = _merged(self.records[at], r)
        if merged.body is r.body:
            self._folded[at] = None
        if url:
            self._by_url.setdefault(url, at)
        return False

    def _same_article(self, r: Record, url: str | None, text_key: str) -> int | None:
        """The kept record ``r`` repeats by headline, outlet and day (see the module doc), if any.
        Bodies are folded only when compared: most records have no namesake."""
        same_minute = self._by_minute.get((text_key, r.published))
        group = self._by_text.get(text_key, [])
        folded = None
        for i in ([] if same_minute is None else [same_minute]) + group[:MAX_COMPARED]:
            kept = self.records[i]
            if url and kept.url and normal_url(kept.url) != url:
                continue
            if i == same_minute:
                return i
            self.compared += 1
            if folded is None:
                folded = fold_text(r.body)
            if self._folded[i] is None:
                self._folded[i] = fold_text(kept.body)
            short, long = sorted((self._folded[i], folded), key=len)
            if long.startswith(short) and (short or not long):  # an empty text is the start of none
                return i
        return None


def _merged(kept: Record, copy: Record) -> Record:
    changes: dict = {}
    if not kept.url and copy.url:
        changes["url"] = copy.url
    if not kept.archive_url and copy.archive_url:
        changes["archive_url"] = copy.archive_url
    if len(copy.body) > len(kept.body):
        changes["body"] = copy.body
    return dataclasses.replace(kept, **changes) if changes else kept


def unique_articles(records: Iterable[Record], tz: tzinfo, outlet_name: Callable[[str], str]) -> list[Record]:
    articles = Articles(tz, outlet_name)
    for r in records:
        articles.add(r)
    return articles.records
