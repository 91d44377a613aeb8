"""Article pages saved from a browser (``.html``), one record per page, read with ``trafilatura``.

trafilatura finds the article's main text among navigation, comments, related links and
footers, and its title and site name.  The publication time is taken, most precise first, from
the page's own metadata (``article:published_time``, ``datePublished``, ``<time datetime>``),
which keeps the minute and the zone; else trafilatura's date, which is a day.  A single-file
save (``.mhtml``) is read through its HTML part.  The URL is the
canonical link (or ``og:url``), else the ``saved from url=`` comment browsers write.  A page
without a title, an outlet or a date is reported and skipped: nothing is guessed from the
file's name or the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import tzinfo
from html.parser import HTMLParser
from urllib.parse import urlsplit

from ...errors import Problem
from ..dump import Dump, Record, is_visible, read_whole
from .fields import check_url, parse_when

DATE_KEYS = (
    "article:published_time",
    "datepublished",
    "og:published_time",
    "pubdate",
    "publishdate",
    "date",
    "dc.date",
    "dcterms.created",
    "time",
)
"""Metadata naming the publication time, most trusted first (``time``: the first ``<time datetime>``)."""


class _Meta(HTMLParser):
    """``<meta>`` values by lower-cased name/property/itemprop, the canonical link, the first time."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.values: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs) -> None:
        a = {k: (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key and a.get("content"):
                self.values.setdefault(key, a["content"].strip())
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split() and a.get("href"):
            self.values.setdefault("canonical", a["href"].strip())
        elif tag == "time" and a.get("datetime"):
            key = "datepublished" if a.get("itemprop", "").lower() == "datepublished" else "time"
            self.values.setdefault(key, a["datetime"].strip())


def _decode(data: bytes) -> str:
    head = data[:4096].decode("ascii", "replace").lower()
    m = re.search(r"charset=[\"']?([a-z0-9_\-]+)", head)
    for encoding in (m.group(1) if m else "utf-8", "utf-8", "gb18030"):
        try:
            return data.decode("utf-8-sig" if encoding in ("utf-8", "utf8") else encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", "replace")


def _from_mhtml(data: bytes) -> tuple[str, str | None] | None:
    """The page of a single-file save (``.mhtml``, Chrome's and Edge's default): its first
    ``text/html`` part, decoded, and the address it was saved from."""
    import email
    import email.policy

    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            try:
                text = payload.decode(charset) if charset else _decode(payload)
            except (LookupError, UnicodeDecodeError):
                text = _decode(payload)
            return text, part.get("Content-Location") or message.get("Snapshot-Content-Location")
    return None


def iter_page(dump: Dump, tz: tzinfo) -> Iterator[Record]:
    data = read_whole(dump)
    if data is None:
        return
    mime = _from_mhtml(data) if data[:2048].lower().find(b"multipart/related") >= 0 else None
    if mime is not None:
        html, location = mime
        if location and "saved from url" not in html[:4096]:  # the address the browser saved it from
            html = f"<!-- saved from url=({len(location):04d}){location} -->\n{html}"
    else:
        html = _decode(data)
    got = read_page(html, dump, tz)
    if isinstance(got, str):
        dump.problems.append(Problem(dump.path, None, got + "; page skipped"))
    else:
        yield got


def read_page(html: str, dump: Dump, tz: tzinfo) -> Record | str:
    import trafilatura

    meta = _Meta()
    meta.feed(html)
    meta.close()
    values = meta.values
    saved = re.search(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", html[:4096], re.I)
    url = values.get("canonical") or values.get("og:url") or (saved.group(1) if saved else None)
    if url is not None and check_url(url):
        url = saved.group(1) if saved and not check_url(saved.group(1)) else None
    found = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    if not found:
        return "no article text found in this page: expected a saved article page"
    doc = found if isinstance(found, dict) else found.as_dict()
    title = " ".join(str(doc.get("title") or values.get("og:title") or "").split())
    if not is_visible(title):
        return "no title: expected <title>, og:title or a headline in the page"
    outlet = " ".join(str(values.get("og:site_name") or doc.get("sitename") or "").split())
    if not outlet and url:
        outlet = urlsplit(url).hostname or ""
        outlet = outlet.removeprefix("www.")
    if not is_visible(outlet):
        return "no outlet: expected og:site_name or a canonical link naming the site"
    when: tuple | str | None = None
    for key in DATE_KEYS:
        if key in values:
            when = parse_when(values[key], tz)
            if not isinstance(when, str):
                break
    if (when is None or isinstance(when, str)) and doc.get("date"):
        when = parse_when(str(doc["date"]), tz)
    if when is None:
        return "no publication date: expected article:published_time, datePublished or <time datetime>"
    if isinstance(when, str):
        return when
    text = str(doc.get("text") or "")
    paragraphs = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if title in paragraphs[:3]:  # the headline (after a kicker or a dateline) is the title, not the text
        paragraphs.remove(title)
    body = "\n\n".join(paragraphs)
    return Record(
        title=title,
        outlet=outlet,
        published=when[0],
        precision=when[1],
        body=body,
        keyword=dump.keyword,
        path=dump.path,
        line=1,
        url=url,
    )
