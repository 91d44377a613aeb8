"""Content pages read back into the model (`sitegen.core.model`) and checked.

``content/sources/<id>.md`` - one per article in a dump (what was reported).
``content/events/<id>.md``  - one per happening (what happened, and when),
citing every source that reports it with a verbatim quote.

Schema (see docs/content-model.md, which the tests check against these lists).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from ..config import SiteConfig
from ..core import frontmatter
from ..core.dates import DateError, When, parse_iso
from ..core.markdown import quote_form
from ..core.model import (
    EVENT_FIELDS,
    EVENT_REQUIRED,
    ID_RE,
    SOURCE_FIELDS,
    SOURCE_REQUIRED,
    Citation,
    Event,
    Site,
    Source,
)
from ..errors import ContentError, Problem
from ..util.fsutil import file_digest
from .halves import in_halves

if TYPE_CHECKING:
    from ..util.cache import Cache


# -- reading ------------------------------------------------------------------
def source_from_page(page: frontmatter.Page, tz: tzinfo) -> tuple[Source | None, list[Problem]]:
    d, problems = page.data, []
    for key in SOURCE_REQUIRED:
        if d.get(key) in (None, ""):
            problems.append(Problem(page.path, page.line(key), f"missing required field '{key}'"))
    _check_unknown(page, SOURCE_FIELDS, problems)
    _check_id(page, problems)
    _check_text(
        page, ("id", "title", "outlet", "outlet_name", "lang", "keyword", "dump", *WEB_FIELDS), problems
    )
    if any(p.level == "error" for p in problems):  # warnings (an unknown field) keep the page
        return None, problems
    try:
        published, implied = parse_iso(d["published"], tz)
    except DateError as exc:
        return None, [Problem(page.path, page.line("published"), str(exc))]
    problems += _published_plausible(page, published)
    bylines = d.get("bylines") or []
    if not isinstance(bylines, list) or not all(isinstance(b, dict) and "name" in b for b in bylines):
        problems.append(
            Problem(page.path, page.line("bylines"), "bylines must be a list of {role, name, time?}")
        )
        bylines = []
    for key in ("excerpt", "on_topic"):
        if key in d and not isinstance(d[key], bool):
            problems.append(Problem(page.path, page.line(key), f"{key} must be true or false"))
    src = Source(
        id=str(d["id"]),
        title=str(d["title"]),
        outlet=str(d["outlet"]),
        outlet_name=str(d.get("outlet_name") or d["outlet"]),
        published=published,
        published_precision="day" if implied == "day" else "minute",
        lang=str(d.get("lang") or "zh"),
        keyword=d.get("keyword"),
        bylines=[{str(k): str(v) for k, v in b.items()} for b in bylines],
        excerpt=d.get("excerpt") is True,
        on_topic=d.get("on_topic") is not False,
        dump=d.get("dump"),
        body=page.body,
        page=page,
        **_web_addresses(page, problems),
    )
    return src, problems


WEB_FIELDS = ("url", "archive_url")


def _web_addresses(page: frontmatter.Page, problems: list[Problem]) -> dict[str, str | None]:
    """``url`` and ``archive_url`` when they are http(s) addresses; an error names any other
    (a ``javascript:`` or ``file:`` link must never reach a reader), and the page is kept without it."""
    out: dict[str, str | None] = {}
    for key in WEB_FIELDS:
        value = page.data.get(key)
        if value in (None, ""):
            continue
        text = str(value).strip()
        parts = urlsplit(text)
        if parts.scheme.lower() in ("http", "https") and parts.netloc and not any(c.isspace() for c in text):
            out[key] = text
        else:
            problems.append(
                Problem(
                    page.path,
                    page.line(key),
                    f"{key} {text[:60]!r}: expected a web address starting with http:// or https://",
                )
            )
    return out


def event_from_page(page: frontmatter.Page, tz: tzinfo) -> tuple[Event | None, list[Problem]]:
    d, problems = page.data, []
    for key in EVENT_REQUIRED:
        if d.get(key) in (None, "", []):
            problems.append(Problem(page.path, page.line(key), f"missing required field '{key}'"))
    _check_unknown(page, EVENT_FIELDS, problems)
    _check_id(page, problems)
    _check_text(page, ("id", "title", "note"), problems)
    if any(p.level == "error" for p in problems):  # warnings (an unknown field) keep the page
        return None, problems
    try:
        when = When.from_fields(d, tz)
    except DateError as exc:
        key = "until" if "until" in str(exc) else "precision" if "precision" in str(exc) else "date"
        return None, [Problem(page.path, page.line(key), str(exc))]
    citations: list[Citation] = []
    raw = d.get("sources")
    if not isinstance(raw, list):
        return None, [Problem(page.path, page.line("sources"), "sources must be a list of {id, quote}")]
    for i, item in enumerate(raw):
        if isinstance(item, str):
            item = {"id": item}
        if not isinstance(item, dict) or not item.get("id"):
            problems.append(
                Problem(page.path, page.line("sources", i), "each source needs an 'id' (and a 'quote')")
            )
            continue
        citations.append(Citation(str(item["id"]), str(item.get("quote") or "")))
    lists = {}
    for key in ("people", "organisations", "places", "names", "tags"):
        value = d.get(key) or []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or any(isinstance(v, (list, dict)) for v in value):
            problems.append(Problem(page.path, page.line(key), f"{key} must be a list of names or words"))
            value = []
        lists[key] = [str(v) for v in value]
    updated = None
    if d.get("updated") not in (None, ""):
        try:
            updated = parse_iso(d["updated"], tz)[0]
        except DateError as exc:
            problems.append(Problem(page.path, page.line("updated"), f"updated: {exc}"))
    event = Event(
        id=str(d["id"]),
        title=str(d["title"]),
        when=when,
        sources=citations,
        people=lists["people"],
        organisations=lists["organisations"],
        places=lists["places"],
        names=lists["names"],
        tags=lists["tags"],
        summary=page.body,
        note=str(d["note"]) if d.get("note") else None,
        page=page,
        updated=updated,
    )
    return event, problems


def _check_unknown(page: frontmatter.Page, known: dict, problems: list[Problem]) -> None:
    for key in page.data:
        if key not in known:
            problems.append(
                Problem(
                    page.path,
                    page.line(str(key)),
                    f"unknown field '{key}' (known: {', '.join(known)}); it is ignored",
                    level="warning",
                )
            )


def _check_text(page: frontmatter.Page, keys: tuple[str, ...], problems: list[Problem]) -> None:
    """Fields that hold one piece of text may not hold a list or a mapping."""
    for key in keys:
        if isinstance(page.data.get(key), (list, dict)):
            problems.append(Problem(page.path, page.line(key), f"{key} must be text, not a list or mapping"))


def _check_id(page: frontmatter.Page, problems: list[Problem]) -> None:
    value = str(page.data.get("id", ""))
    if value and not ID_RE.match(value):
        problems.append(
            Problem(
                page.path,
                page.line("id"),
                f"id {value!r} must be lower-case letters, digits and hyphens (it becomes a URL)",
            )
        )


EARLIEST_NEWS = 1800  # publication years before this are warned about (readable all the same)


def _published_plausible(page: frontmatter.Page, published: datetime) -> list[Problem]:
    """A publication date far outside what news can have is most likely a typo (``1026`` for
    ``2026``): said, not refused - a page about an old print may mean it."""
    latest = datetime.now(published.tzinfo).year + 1
    if EARLIEST_NEWS <= published.year <= latest:
        return []
    return [
        Problem(
            page.path,
            page.line("published"),
            f"published {published.year:04d}: news is dated from {EARLIEST_NEWS} to {latest}; check the year",
            level="warning",
        )
    ]


CONTENT_KINDS = (("source", "sources"), ("event", "events"))  # kind, folder under content/

Item = Source | Event


def content_files(config: SiteConfig) -> list[tuple[str, Path]]:
    """Every page under content/ as (kind, path), sources first, in a stable order.

    Hidden files are editors' leftovers (``.#x.md`` locks, ``.x.md.swp``), never pages.
    """
    found = []
    for kind, folder in CONTENT_KINDS:
        directory = config.content_dir / folder
        if directory.is_dir():  # by name (sorting 10,000 paths as Path objects takes a tenth of a second)
            names = sorted(n for n in os.listdir(directory) if n.endswith(".md") and not n.startswith("."))
            found += [(kind, directory / n) for n in names]
    return found


def read_item(config: SiteConfig, kind: str, path: Path) -> tuple[Item | None, list[Problem]]:
    """One page, read and checked on its own (references between pages are checked by `assemble`)."""
    rel = path.relative_to(config.root)
    try:
        page = frontmatter.read(path)
    except ContentError as exc:
        return None, [Problem(rel, exc.line, exc.message)]
    except OSError as exc:
        return None, [Problem(rel, None, f"cannot read the file: {exc.strerror or exc}")]
    return item_from_page(config, kind, page, rel)


def item_from_page(
    config: SiteConfig, kind: str, page: frontmatter.Page, rel: Path
) -> tuple[Item | None, list[Problem]]:
    page.path = rel
    reader = source_from_page if kind == "source" else event_from_page
    return reader(page, config.tz)


def _extract_settings(config: SiteConfig) -> list[Problem]:
    """The problems of ``[extract]`` in site.toml, checked as import would.  Without the table
    there are none, and the extraction package (about half a second of imports) is not loaded."""
    if not isinstance(config.extra, dict) or "extract" not in config.extra:
        return []
    from ..extract.rules import rules_problems

    return rules_problems(config.extra, config.config_path)[1]


def assemble(
    config: SiteConfig,
    items: Iterable[tuple[str, Path, Item | None, list[Problem]]],
    quote_memo: dict | None = None,
    quote_cache: Cache | None = None,
    checked: set[str] | None = None,
) -> Site:
    """A site from pages read by `read_item`: duplicate ids and references checked.

    ``quote_memo`` may be kept between calls (``sitegen serve`` does): it remembers
    whether a quote was found in a source, for as long as that source object is unchanged.
    """
    site = Site(config)
    rel = config.config_path.relative_to(config.root)
    site.problems.extend(Problem(rel, p.line, p.message) for p in _extract_settings(config))
    stores: dict[str, dict] = {"source": site.sources, "event": site.events}
    for kind, path, item, problems in items:
        site.problems.extend(problems)
        if item is None:
            continue
        store = stores[kind]
        if item.id in store:
            other = store[item.id].page
            where = other.path if other else "another file"
            line = item.page.line("id") if item.page else None
            rel = path.relative_to(config.root)
            site.problems.append(Problem(rel, line, f"duplicate {kind} id {item.id!r}: also used by {where}"))
            continue
        store[item.id] = item
    memo = {} if quote_memo is None else quote_memo
    if checked:  # pages whose quotes were all found by the last build, and are unchanged since
        for e in site.events.values():
            if e.digest in checked:
                for c in e.sources:
                    src = site.sources.get(c.source)
                    if c.quote and src is not None and src.digest in checked:
                        memo[(c.source, c.quote)] = (src, True)
    if quote_cache is not None and quote_cache.enabled:
        _cached_quote_checks(site, memo, quote_cache)
    _check_references(site, memo)
    from .off_topic import leave_out_off_topic

    leave_out_off_topic(site)
    return site


def _cached_quote_checks(site: Site, memo: dict, cache: Cache) -> None:
    """Fill ``memo`` with the quote checks the cache holds; check and store the others."""
    from ..util.cache import code_version, digest

    table = cache.table("quote-found", code_version("sitegen.core.markdown"))
    asked = {
        (c.source, c.quote): site.sources[c.source]
        for e in site.events.values()
        for c in e.sources
        if c.quote and c.source in site.sources and (c.source, c.quote) not in memo
    }
    keys = {k: digest(src.body_key(), src.title, k[1]) for k, src in asked.items()}
    found = table.get_many(keys.values())
    new = {}
    forms: dict[str, tuple[str, str]] = {}
    for k, src in asked.items():
        key = keys[k]
        if key not in found:
            found[key] = new[key] = _quote_found(src, k[1], forms)
        memo[k] = (src, found[key])
    table.put_many(new)


def load_site(
    config: SiteConfig,
    cache: Cache | None = None,
    digests: dict[str, str] | None = None,
    checked: set[str] | None = None,
) -> Site:
    """Read every page under content/ and check references; problems are collected, not raised.

    ``cache`` (`sitegen.util.cache`) keeps what a page parses to and whether a quote is found in a
    source, by the bytes' hash; ``digests`` (page ``events/x.md`` -> hash of its bytes, as the
    build manifest has them) lets pages read before come from it without being read again.
    ``checked``: hashes of pages that passed the quote checks together (the last good build's);
    a quote from such a source in such an event is not looked for again.
    """
    files = content_files(config)
    if cache is None or not cache.enabled:
        read = in_halves(files, lambda part: [(k, p, *read_item(config, k, p)) for k, p in part], "pages")
        return assemble(config, read)
    from ..util.cache import code_version

    table = cache.table("page", code_version("sitegen.core.frontmatter", "sitegen.content.load"))
    known = {p: (digests or {}).get(f"{p.parent.name}/{p.name}") for _, p in files}
    found = table.get_many(d for d in known.values() if d)

    def read(part: Sequence[tuple[str, Path]]) -> list[tuple[_Read, tuple[str, dict] | None]]:
        return [_read_page(config, kind, path, known[path], found) for kind, path in part]

    done = in_halves(files, read, "pages")  # most of a load: on two cores where there are many
    table.put_many(dict(entry for _, entry in done if entry is not None))
    return assemble(config, [item for item, _ in done], quote_cache=cache, checked=checked)


_Read = tuple[str, Path, "Item | None", list[Problem]]


def _read_page(
    config: SiteConfig, kind: str, path: Path, digest: str | None, found: dict[str, dict]
) -> tuple[_Read, tuple[str, dict] | None]:
    """One page, from the cache's parse (``found``, by the ``digest`` the manifest has) or read and
    parsed; and what to keep in the cache for it (None: nothing new)."""
    rel = path.relative_to(config.root)
    stored = found.get(digest or "")
    if stored is not None:
        page = frontmatter.Page(rel, **stored)
        return (kind, path, *_with_digest(item_from_page(config, kind, page, rel), digest or "")), None
    try:
        raw = path.read_bytes()
        page = frontmatter.parse(_utf8(raw, path), path)
    except ContentError as exc:
        return (kind, path, None, [Problem(rel, exc.line, exc.message)]), None
    except OSError as exc:
        return (kind, path, None, [Problem(rel, None, f"cannot read the file: {exc.strerror or exc}")]), None
    digest = file_digest(raw)
    entry = None
    if _plain_data(page.data):
        entry = (
            digest,
            {
                "data": page.data,
                "body": page.body,
                "lines": page.lines,
                "item_lines": page.item_lines,
                "body_line": page.body_line,
            },
        )
    return (kind, path, *_with_digest(item_from_page(config, kind, page, rel), digest)), entry


def _with_digest(read: tuple[Item | None, list[Problem]], digest: str) -> tuple[Item | None, list[Problem]]:
    if read[0] is not None:
        read[0].digest = digest
    return read


def _utf8(raw: bytes, path: Path) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ContentError(path, None, f"not UTF-8 text (byte {exc.start}); save the file as UTF-8") from None


def _plain_data(value: object) -> bool:
    """Does JSON keep ``value`` as it is (no dates, no keys other than strings)?"""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_data(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain_data(v) for v in value)
    return value is None or isinstance(value, str | bool | int | float)


def _quote_found(src: Source, quote: str, forms: dict[str, tuple[str, str]]) -> bool:
    """`contains_quote` of the source's text or title; ``forms`` keeps their compared forms per source."""
    q = quote_form(quote)
    if not q:
        return False
    if src.id not in forms:
        forms[src.id] = (quote_form(src.text), quote_form(src.title))
    text, title = forms[src.id]
    return q in text or q in title


def _check_references(site: Site, quote_memo: dict) -> None:
    forms: dict[str, tuple[str, str]] = {}
    for event in site.events.values():
        page = event.page
        assert page is not None
        for i, c in enumerate(event.sources):
            line = page.line("sources", i)
            src = site.sources.get(c.source)
            if src is None:
                hint = _closest(c.source, site.sources)
                site.problems.append(
                    Problem(
                        page.path,
                        line,
                        f"unknown source id {c.source!r}" + (f"; did you mean {hint!r}?" if hint else ""),
                    )
                )
                continue
            if not c.quote:
                site.problems.append(
                    Problem(page.path, line, f"no quote from source {c.source!r}", level="warning")
                )
                continue
            seen = quote_memo.get((c.source, c.quote))
            if seen is not None and seen[0] is src:
                found = seen[1]
            else:
                found = _quote_found(src, c.quote, forms)
                quote_memo[(c.source, c.quote)] = (src, found)
            if not found:
                site.problems.append(
                    Problem(
                        page.path,
                        line,
                        f"quote not found in source {c.source!r}: quotes must be copied character for "
                        "character from the source text",
                    )
                )


def _closest(name: str, candidates: dict) -> str | None:
    import difflib

    found = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return found[0] if found else None
