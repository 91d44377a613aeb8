"""``sitegen import``: dumps in, Markdown pages out, hand edits untouched.

1. New dumps are copied into ``content/dumps/`` (provenance; a dump already
   there with the same bytes is not copied again).
2. Every dump in ``content/dumps/`` is read, so pages always reflect all of them.
3. Records become sources (cleaned text, outlet names, bylines) and the
   extractor turns sources into events.
4. A *plan* compares each page import would write with what is on disk and
   with the ledger (what import wrote last time):

   ========================  ==================================================
   on disk                   import does
   ========================  ==================================================
   missing, never written    create it
   as import last wrote it   update it (if the new text differs)
   edited by a person        keep it; report what import would change
   deleted by a person       keep it deleted (``--restore`` brings it back)
   no longer produced        remove it if unedited, else keep and report
   ========================  ==================================================

   ``--force`` overwrites edited pages.  An event a person merged into
   another (or deleted) is recognised by the sources it cites and is not
   produced again under a new name.
   Before planning, events keep the ids of the events they continue
   (`sitegen.importer.event_ids`), and cite a source a person edited only for what its page
   still says (`sitegen.importer.hand_sources`).
5. Unless ``--dry-run``, the plan is applied with atomic writes, each page compared
   with what the plan read just before it is replaced or removed (`apply`).

The whole run holds the site lock (`sitegen.util.sitelock`): two imports never interleave.
"""

from __future__ import annotations

import contextlib
import copy
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SiteConfig
from ..content.load import read_item
from ..core import frontmatter
from ..core.model import Event, Source
from ..core.sitedata import load_site_data
from ..errors import ContentError, Problem
from ..extract import Extraction, extract
from ..extract.rules import rules_from
from ..ingest.dump import Dump
from ..ingest.readers import read_records
from ..ingest.readers.same import Articles
from ..ingest.readers.stored import expand_inputs, files_to_read
from ..util import sitelock
from ..util.cache import Cache
from ..util.fsutil import atomic_write, atomic_write_many, remove_orphans, sha256
from ..util.heap import freeze_new, frozen
from ..util.progress import Progress, unwatched
from .dumps_folder import copy_dumps, dump_paths, refuse_empty_dumps
from .event_ids import keep_ids, quoted_by_own_pages, read_moved, record_moved, successors
from .hand_sources import quote_only_what_pages_say
from .ledger import Entry, Ledger
from .sources import make_sources, model_meanwhile


@dataclass
class Options:
    dry_run: bool = False
    force: bool = False
    restore: bool = False
    wait: bool = True  # for another import holding the site (`sitegen.util.sitelock`); else SiteBusy
    format: str | None = None  # of the files given (None: detected, `sitegen.ingest.readers`)
    columns: dict[str, str] = field(default_factory=dict)  # --map field=column for the files given


@dataclass
class Change:
    """One page in the plan."""

    rel: str  # path relative to content/, e.g. "events/2024-05-17-x.md"
    kind: str  # "source" | "event"
    id: str
    action: str  # create | update | unchanged | keep-edited | keep-deleted | remove | keep-stale | covered
    text: str | None = None
    reason: str = ""
    sources: list[str] = field(default_factory=list)
    date: str | None = None
    seen: str | None = None  # hash of the page the plan read (None: there was none); apply checks it
    told: bool = False  # a kept page whose same change an earlier import already reported


@dataclass
class Report:
    dumps: list[Dump] = field(default_factory=list)
    copied: list[str] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    extraction: Extraction = field(default_factory=Extraction)
    changes: list[Change] = field(default_factory=list)
    moved: dict[str, str] = field(default_factory=dict)  # event id removed -> the event continuing it
    replaced: list[str] = field(default_factory=list)  # dumps in content/dumps/ a corrected copy replaced

    @property
    def problems(self) -> list[Problem]:
        out = [p for d in self.dumps for p in d.problems]
        return out + self.extraction.problems

    @property
    def skipped_records(self) -> int:
        return sum(d.skipped for d in self.dumps)

    records: int = 0

    def count(self, action: str) -> int:
        return sum(1 for c in self.changes if c.action == action)


# -- planning ----------------------------------------------------------------------
def _render(item: Source | Event) -> str:
    data, body = item.to_page()
    return frontmatter.dump(data, body)


@dataclass
class HandPage:
    """A page on disk that is not as import wrote it: edited, renamed or written by a person."""

    digest: str
    id: str | None
    cites: list[str]
    date: str | None


def hand_pages(content: Path, ledger: Ledger) -> dict[str, HandPage]:
    """Every page under sources/ and events/ whose bytes import did not write there."""
    pages: dict[str, HandPage] = {}
    for folder in ("sources", "events"):
        for path in sorted((content / folder).glob("*.md")):
            rel = f"{folder}/{path.name}"
            digest = sha256(path.read_bytes())
            if not ledger.is_own(rel, digest):
                pages[rel] = HandPage(digest, *_read_facts(path))
    return pages


def _read_facts(path: Path) -> tuple[str | None, list[str], str | None]:
    """The id, cited source ids and date of a page on disk (best effort)."""
    try:
        page = frontmatter.read(path)
    except (ContentError, OSError):
        return None, [], None
    ids = []
    for item in page.data.get("sources") or []:
        if isinstance(item, dict) and item.get("id"):
            ids.append(str(item["id"]))
        elif isinstance(item, str):
            ids.append(item)
    date = page.data.get("date")
    pid = page.data.get("id")
    return (str(pid) if pid is not None else None), ids, (str(date) if date is not None else None)


def _renamed_to(rel: str, entry: Entry, hand: dict[str, HandPage]) -> str | None:
    """The page a person made of ``rel`` under another name: same bytes, or same id."""
    folder = rel.split("/")[0]
    for other, page in hand.items():
        if (
            other != rel
            and other.split("/")[0] == folder
            and (page.digest in entry.hashes or page.id == entry.id)
        ):
            return other
    return None


def _covered(cites: list[str], curated: dict[str, tuple[list[str], str]]) -> str | None:
    """Is an event citing ``cites`` already curated by hand (merged or deleted) elsewhere?"""
    if not cites:
        return None
    want = set(cites)
    for rel, (ids, _date) in curated.items():
        shared = want & set(ids)
        if shared and len(shared) * 2 >= len(want):
            return rel
    return None


def plan(config: SiteConfig, report: Report, ledger: Ledger, options: Options) -> list[Change]:
    content = config.content_dir
    wanted: list[tuple[str, str, str, str, list[str], str | None]] = []
    for s in report.sources:
        wanted.append(("source", s.id, f"sources/{s.id}.md", _render(s), [], None))
    for e in report.extraction.events:
        cites = sorted({c.source for c in e.sources})
        wanted.append(("event", e.id, f"events/{e.id}.md", _render(e), cites, e.when.iso()))

    # events curated by a person: edited or created pages on disk, and deleted ones
    hand = hand_pages(content, ledger)
    curated = {rel: (p.cites, p.date or "") for rel, p in hand.items() if rel.startswith("events/")}
    cited_by_hand: dict[str, str] = {}  # source id -> a person's event page citing it
    for rel, (ids, _date) in curated.items():
        for sid in ids:
            cited_by_hand.setdefault(sid, rel)
    for rel, entry in ledger.files.items():
        if entry.kind == "event" and not entry.removed and not (content / rel).exists():
            curated[rel] = (entry.sources, entry.date or "")

    changes: list[Change] = []
    produced: set[str] = set()
    for kind, item_id, rel, text, cites, date in wanted:
        produced.add(rel)
        path = content / rel
        entry = ledger.files.get(rel)
        change = Change(rel, kind, item_id, "create", text, sources=cites, date=date)
        if path.exists():
            current = path.read_bytes()
            change.seen = sha256(current)
            if current == text.encode("utf-8"):
                change.action = "unchanged"
            elif ledger.is_own(rel, change.seen) or options.force:
                change.action = "update"
            else:
                change.action = "keep-edited"
                change.reason = _what_differs(path, text)
        elif entry is not None and not entry.removed and not options.restore:
            change.action = "keep-deleted"
            moved = _renamed_to(rel, entry, hand)
            change.reason = (
                f"you renamed this page to {moved}"
                if moved
                else "you deleted this page; `sitegen import --restore` brings it back"
            )
        elif kind == "event" and not options.force:
            by = _covered(cites, {k: v for k, v in curated.items() if k != rel})
            if by:
                change.action = "covered"
                change.reason = (
                    f"its sources are already covered by {by}, which you edited, merged or deleted"
                )
        changes.append(change)

    for rel, entry in sorted(ledger.files.items()):
        path = content / rel
        if rel in produced or not path.exists():
            continue
        user = cited_by_hand.get(entry.id) if entry.kind == "source" else None
        if user:
            reason = f"import no longer produces this page, but {user}, which you wrote or edited, cites it"
            changes.append(Change(rel, entry.kind, entry.id, "keep-stale", reason=reason))
        elif ledger.is_own(rel, digest := sha256(path.read_bytes())):
            changes.append(
                Change(
                    rel, entry.kind, entry.id, "remove", reason="no longer produced by import", seen=digest
                )
            )
        else:
            changes.append(
                Change(
                    rel,
                    entry.kind,
                    entry.id,
                    "keep-stale",
                    reason="import no longer produces this page, but you edited it, so it stays",
                )
            )
    return changes


KEPT = ("keep-edited", "keep-deleted", "keep-stale", "covered")


TOLD = Path(".sitegen-cache") / "told.json"  # beside the cache: what this machine was told, not content


def remember_told(changes: list[Change], path: Path, dry_run: bool) -> None:
    """Mark the kept pages whose very change (the page as it is, what import would write)
    an earlier import reported already, so that each is reported once, then counted.
    Remembered in ``path`` (`TOLD`); a dry run lists everything and remembers nothing."""
    try:
        before = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = {}
    told = {}
    for c in changes:
        if c.action not in KEPT:
            continue
        new = sha256(c.text.encode("utf-8")) if c.text is not None else ""
        key = sha256(f"{c.action}|{c.seen}|{new}|{c.reason}".encode())[:16]
        c.told = not dry_run and isinstance(before, dict) and before.get(c.rel) == key
        told[c.rel] = key
    if not dry_run and told != before:
        with contextlib.suppress(OSError):
            atomic_write(path, json.dumps(told, ensure_ascii=False, sort_keys=True, indent=0) + "\n")


def kept_page_errors(config: SiteConfig, changes: list[Change]) -> list[Problem]:
    """What is wrong in the pages a person edited that import keeps (a date the build cannot
    read, say), each at its ``file:line``: import says so now, not the next build."""
    out: list[Problem] = []
    for c in changes:
        if c.action == "keep-edited" and c.kind in ("event", "source"):
            _item, problems = read_item(config, c.kind, config.content_dir / c.rel)
            out += [p for p in problems if p.level == "error"]
    return out


def _what_differs(path: Path, new_text: str) -> str:
    """What import would change in a page a person edited, field by field; the fields the
    person added (import would drop them) are named as such, never called formatting."""
    try:
        old = frontmatter.read(path)
        new = frontmatter.parse(new_text, path)
    except ContentError:
        return "you edited this page; import would rewrite it (use --force to overwrite)"
    keys = [k for k in new.data if old.data.get(k) != new.data.get(k)]
    if old.body.strip() != new.body.strip():
        keys.append("body")
    added = [k for k in old.data if k not in new.data]
    what = []
    if keys:
        what.append("change " + ", ".join(keys))
    if added:
        what.append("drop the field" + ("s " if len(added) > 1 else " ") + ", ".join(added) + " you added")
    said = "; ".join(what) if what else "only re-space it (the same fields and text)"
    return f"you edited this page; import would {said} (use --force to overwrite)"


# -- applying ----------------------------------------------------------------------
def _digest(path: Path) -> str | None:
    try:
        return sha256(path.read_bytes())
    except FileNotFoundError:
        return None


EDITED_MEANWHILE = "you edited this page while import ran; it stays as you left it (import again to compare)"


def apply(
    config: SiteConfig, changes: list[Change], ledger: Ledger, advance: Callable[[int], None] = unwatched
) -> None:
    """Write the plan so that a crash at any point is recoverable by the next import, and so
    that a page a person changed after the plan read it is never overwritten or deleted.

    Before any page is touched the ledger learns the old and the new hash of every page
    about to change, and marks pages about to be created or removed as absent by import's
    own doing: a page a crash left unwritten is created next time, not mistaken for one a
    person deleted, and a page a crash left in place is removed next time.  The old hash
    is the one the plan read and found to be import's own (never a person's bytes: a page
    ``--force`` overwrites is not recorded as import's until the new bytes are).

    Pages are written with one flush to disk for all of them (`atomic_write_many`):
    each is still replaced in one step, only after every new page is safely on disk.
    Just before each page is replaced or removed its bytes are compared with what the
    plan read (`Change.seen`): a page that changed meanwhile is kept, its ledger entry
    put back as it was (so the next import sees a hand edit), and its change becomes
    ``keep-edited`` / ``keep-stale`` with the reason `EDITED_MEANWHILE`.
    """
    content = config.content_dir
    writes = [c for c in changes if c.action in ("create", "update") and c.text is not None]
    before = {
        c.rel: copy.deepcopy(ledger.files.get(c.rel))
        for c in changes
        if c.action in ("create", "update", "remove")
    }
    for c in changes:
        if c.text is None or c.action not in ("create", "update", "unchanged"):
            continue
        new = sha256(c.text.encode("utf-8"))
        hashes = [new]
        if c.action == "update" and c.seen is not None and ledger.is_own(c.rel, c.seen):
            hashes.append(c.seen)
        ledger.files[c.rel] = Entry(c.kind, c.id, hashes, c.sources, c.date, removed=c.action == "create")
    removals = [c for c in changes if c.action == "remove"]
    for c in removals:
        ledger.files[c.rel].removed = True
    ledger.save()
    seen = {content / c.rel: c.seen for c in writes}
    skipped = set(
        atomic_write_many(
            ((content / c.rel, c.text) for c in writes), advance, still=lambda p: _digest(p) == seen[p]
        )
    )
    for c in removals:
        path = content / c.rel
        if _digest(path) != c.seen:
            skipped.add(path)
            continue
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
    for c in writes:
        entry = ledger.files[c.rel]
        del entry.hashes[1:]
        entry.removed = False
    for c in (*writes, *removals):
        if content / c.rel not in skipped:
            continue
        old = before[c.rel]
        if old is None:
            del ledger.files[c.rel]
        else:
            ledger.files[c.rel] = old
        c.action = "keep-edited" if c.action != "remove" else "keep-stale"
        c.reason = EDITED_MEANWHILE
    ledger.save()


# -- the command ---------------------------------------------------------------------
YOUNG = 100_000
"""New objects between two young collections during an import (`sitegen.util.heap.frozen`; not a
rule: it changes how often the collector runs, never what is imported)."""


def run_import(
    config: SiteConfig,
    new_dumps: list[Path],
    options: Options | None = None,
    *,
    progress: Progress | None = None,
    cache: Cache | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Report:
    """Copy ``new_dumps`` in, re-read all dumps, and bring the pages up to date.

    ``progress`` shows how far it got (`sitegen.util.progress`); ``cache`` keeps
    cleaned and segmented text between runs (`sitegen.util.cache`; default: the site's own).
    The whole run holds the site lock (`sitegen.util.sitelock`), exclusively unless it is a
    dry run: ``on_wait`` hears what it waits for, if another command holds the site.
    """
    options = options or Options()
    progress = progress or Progress(enabled=False)
    rules_from(config.extra, config.config_path)  # a mistake in [extract] stops it before it writes
    if options.dry_run:
        lock = sitelock.shared(config.content_dir, wait=options.wait, on_wait=on_wait)
    else:
        lock = sitelock.exclusive(config.content_dir, wait=options.wait, on_wait=on_wait)
    with lock, frozen(young=YOUNG):  # what the import loads lives to its end: collections skip it
        own_cache = cache is None
        cache = Cache.for_site(config.root, enabled=not options.dry_run) if own_cache else cache
        try:
            return _run_import(config, new_dumps, options, progress, cache)
        finally:
            if own_cache:
                cache.close()


def _run_import(
    config: SiteConfig, new_dumps: list[Path], options: Options, progress: Progress, cache: Cache
) -> Report:
    report = Report()
    if not options.dry_run:
        remove_orphans(config.content_dir)  # temporary files of an import that was killed
        remove_orphans((config.root / TOLD).parent, TOLD.name)
    new_dumps = expand_inputs(new_dumps)
    copied = copy_dumps(
        config,
        new_dumps,
        dry_run=options.dry_run,
        replaced=report.replaced,
        fmt=options.format,
        mapping=options.columns,
    )
    inputs = files_to_read(
        config.content_dir / "dumps",
        dump_paths(config),
        copied,
        options.format,
        options.columns,
        options.dry_run,
    )
    data = load_site_data(config)
    ledger = Ledger.load(config.content_dir)
    articles = Articles(config.tz, data.outlet_name)  # one record per article (`readers.same`)
    empty: list[Dump] = []
    with progress.stage("Reading dumps") as advance:
        for path, fmt, mapping in inputs:
            d = Dump(path)
            read = 0
            for r in read_records(d, config.tz, fmt, mapping):
                read += 1
                advance(1)
                articles.add(r)
            report.dumps.append(d)
            report.records += read
            if not read:
                empty.append(d)
    refuse_empty_dumps(config, empty, copied, options.dry_run)
    report.copied = list(copied)
    meanwhile = model_meanwhile(articles.records, rules_from(config.extra))
    report.sources = make_sources(articles.records, data, config, ledger, cache, progress, meanwhile)
    freeze_new()  # the records, their clean text and the models
    with progress.stage("Extracting events"):
        report.extraction = extract(report.sources, config, data, cache)
    for s in report.sources:
        if s.id in report.extraction.off_topic:
            s.on_topic = False
    events = report.extraction.events
    used = set(read_moved(config.content_dir))
    quoted = quoted_by_own_pages(config.content_dir, ledger)
    keep_ids(events, report.extraction.explain, ledger, used, quoted)
    if not options.force:
        kept, dropped = quote_only_what_pages_say(
            config, report.extraction.events, report.sources, ledger, options.restore
        )
        report.extraction.events = kept
        report.extraction.problems += dropped
    events = report.extraction.events
    after = successors(ledger, events)
    with progress.stage("Planning"):
        report.changes = plan(config, report, ledger, options)
    report.extraction.problems += kept_page_errors(config, report.changes)
    if not options.dry_run:
        writes = sum(1 for c in report.changes if c.action in ("create", "update"))
        with progress.stage("Writing pages", writes) as advance:
            apply(config, report.changes, ledger, advance)
    remember_told(report.changes, config.root / TOLD, options.dry_run)
    gone = [c.id for c in report.changes if c.kind == "event" and c.action == "remove"]
    report.moved = {old: after[old] for old in gone if old in after}
    if report.moved and not options.dry_run:
        record_moved(config.content_dir, report.moved)
    return report
