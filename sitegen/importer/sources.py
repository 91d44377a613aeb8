"""Records become sources: headlines and bodies cleaned (once per text, kept in the site's
cache), each article given the id it had before (the ledger) or a new one from its date and
the pinyin of its headline.

Each record is cleaned on its own, so with many records to clean the later ones are cleaned
by a forked child process (`sitegen.util.forked`) while this one cleans the first: the same
texts, in the same order, on two cores.  jieba (which cleaning consults at stray spaces) is
loaded before the fork, so the child shares its dictionary instead of loading it again.  Meanwhile
this process may also load what extraction will need (the sentence model, when the records are
in two languages: ~0.8 s that would otherwise run with the second core idle), and then cleans
fewer records than the child.
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import SiteConfig
from ..core.model import Source
from ..core.sitedata import SiteData
from ..core.slug import slugify, unique
from ..extract.embed import load_model
from ..extract.rules import Rules
from ..ingest.clean import Byline, CleanBody, clean_body, clean_title, detect_lang
from ..ingest.dump import Record
from ..util.cache import Cache, code_version
from ..util.forked import can_fork, start
from ..util.progress import Progress, unwatched
from .dumps_folder import record_key
from .ledger import Ledger

SPLIT_AT = 400
"""Records to clean from which the work is split over two processes (below, a fork costs more
than it saves; not a rule: each record is cleaned alone, so the split changes how fast, never
what comes out)."""
MEANWHILE_CHARS = 2_000_000
"""What the work done `meanwhile` costs, in characters cleaned (loading the sentence model ~0.8 s
CPU, cleaning ~2.5-3 M characters a second on a dense dump): the child cleans that much more."""


# -- records to sources -----------------------------------------------------------
def in_two_languages(records: list[Record], head: int = 300) -> bool:
    """Are some records Chinese and some English (by the first ``head`` characters of their
    bodies)?  Then the sentence model will be needed (it votes across languages) and is worth
    loading `meanwhile`; a story in one language may never ask for it (only to rescue a source
    judged off topic)."""
    seen: set[str] = set()
    for r in records:
        seen.add(detect_lang(r.body[:head]))
        if len(seen) > 1:
            return True
    return False


def model_meanwhile(records: list[Record], rules: Rules) -> Callable[[], object] | None:
    """`load_model`, to call while a child cleans (`clean_all`), when there are records enough for
    a child and the model will be needed; else None (it loads when extraction first asks)."""
    if len(records) < SPLIT_AT or not rules.sentence_vectors:
        return None
    return load_model if rules.vectors_same_language or in_two_languages(records) else None


def clean_all(
    records: list[Record],
    config: SiteConfig,
    advance: Callable[[int], None] = unwatched,
    meanwhile: Callable[[], object] | None = None,
) -> list[tuple[str, CleanBody]]:
    """Each record's cleaned title and body, in order; on two cores when there are many, and
    then ``meanwhile()`` is called here while the child cleans (else it is not called)."""

    def clean(part: list[Record], tell: Callable[[int], None]) -> list[tuple[str, CleanBody]]:
        out = []
        for r in part:
            out.append((clean_title(r.title), clean_body(r.body, config.tz)))
            tell(1)
        return out

    if len(records) < SPLIT_AT or not can_fork():
        return clean(records, advance)
    from ..util.segment import jieba, posseg

    jieba()
    posseg("")  # its tags load on first use: before the fork, once for both processes
    sizes = [len(r.title) + len(r.body) for r in records]
    mine = (sum(sizes) - (MEANWHILE_CHARS if meanwhile else 0)) / 2  # characters this process cleans
    half, done = 0, 0
    while half < len(records) and done + sizes[half] <= mine:
        done += sizes[half]
        half += 1
    child = start(lambda: clean(records[half:], unwatched), "cleaning records")
    try:
        if meanwhile is not None:
            meanwhile()
        first = clean(records[:half], advance)
        rest = child.result()
    finally:
        child.stop()
    advance(len(rest))
    return first + rest


def clean_records(
    records: list[Record],
    config: SiteConfig,
    cache: Cache | None = None,
    advance: Callable[[int], None] = unwatched,
    meanwhile: Callable[[], object] | None = None,
) -> tuple[list[str], list[CleanBody]]:
    """Cleaned titles and bodies of ``records``, from the site's cache when it holds them
    (``meanwhile``: see `clean_all`)."""
    if cache is None or not cache.enabled:
        cleaned = clean_all(records, config, advance, meanwhile)
        return [t for t, _ in cleaned], [b for _, b in cleaned]
    from ..util.segment import dictionary_version

    version = code_version("sitegen.ingest.clean", "sitegen.core.markdown") + dictionary_version()
    table = cache.table("clean", version)

    def many(part: list[Record]) -> list[tuple[str, CleanBody]]:
        return clean_all(part, config, advance, meanwhile)

    def encode(result: tuple[str, CleanBody]) -> list:
        title, b = result
        return [title, b.text, [[x.role, x.name, x.time] for x in b.bylines], b.excerpt, b.lang]

    def decode(v: list) -> tuple[str, CleanBody]:
        return v[0], CleanBody(v[1], [Byline(*x) for x in v[2]], v[3], v[4])

    tz = config.timezone
    results = table.map(
        many, records, key=lambda r: f"{tz}|{r.title}|{r.body}", batch=True, encode=encode, decode=decode
    )
    advance(table.hits)
    return [t for t, _ in results], [b for _, b in results]


def make_sources(
    records: list[Record],
    data: SiteData,
    config: SiteConfig,
    ledger: Ledger,
    cache: Cache | None = None,
    progress: Progress | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Source]:
    """A source for each distinct record (``meanwhile``: see `clean_all`)."""
    taken = set(ledger.source_ids.values())
    sources: list[Source] = []
    seen: set[str] = set()
    unique_records = []
    for r in records:
        key = record_key(r)
        if key not in seen:
            seen.add(key)
            unique_records.append(r)
    with (progress or Progress(enabled=False)).stage("Cleaning", len(unique_records)) as advance:
        titles, bodies = clean_records(unique_records, config, cache, advance, meanwhile)
    slugs: dict[str, str] = {}  # syndicated copies share a headline; pinyin is slow
    for r, title, body in zip(unique_records, titles, bodies, strict=True):
        key = record_key(r)
        sid = ledger.source_ids.get(key)
        if sid is None:
            slug = slugs.get(title)
            if slug is None:
                slug = slugs[title] = slugify(title)
            base = f"{r.published:%Y-%m-%d}-{slug}"
            sid = unique(base, taken, key)
            taken.add(sid)
            ledger.source_ids[key] = sid
        sources.append(
            Source(
                id=sid,
                title=title,
                outlet=r.outlet,
                outlet_name=data.outlet_name(r.outlet),
                published=r.published,
                published_precision="day"
                if r.precision == "day"
                else ("second" if r.precision == "second" else "minute"),
                lang=body.lang,
                keyword=r.keyword,
                bylines=[b.to_fields() for b in body.bylines],
                excerpt=body.excerpt,
                dump=r.place,
                url=r.url,
                archive_url=r.archive_url,
                body=body.text,
            )
        )
    return sources
