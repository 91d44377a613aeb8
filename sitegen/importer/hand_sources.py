"""The person's source page is the truth: import quotes only what it still says.

A source page a person edited is kept as they left it (`sitegen.importer.run.plan`), but
the events import writes would still quote the dump's text - a sentence the person cut
from the page would then be quoted from a page that no longer holds it, and ``sitegen
check`` would fail on an event page import wrote, not on anything the person did.

So before planning, every source page that import will not write is read as it is on
disk: a page a person edited (or renamed: the page whose ``id`` is the source's), or none
at all for one a person deleted.  Each citation of such a source in the new events is
kept only if its quote is still in the page (`contains_quote`, as ``check`` compares);
else it is dropped with a warning naming the source page and the event, and a summary
that repeated the sentence becomes the quote of the first citation left.  An event left
citing nothing is not written (and a warning says so).  With ``--force`` import's text
replaces the person's pages, so nothing is dropped.
"""

from __future__ import annotations

from pathlib import Path

from ..config import SiteConfig
from ..content.load import source_from_page
from ..core import frontmatter
from ..core.markdown import contains_quote
from ..core.model import Event, Source
from ..errors import ContentError, Problem
from ..util.fsutil import sha256
from .ledger import Ledger

GONE = object()  # the person deleted the page


def person_sources(config: SiteConfig, ids: list[str], ledger: Ledger, restore: bool) -> dict:
    """Source id -> its page as the person left it (`Source`), `GONE`, or None if unreadable
    (``check`` names that page); only for sources whose page import will not write."""
    content = config.content_dir
    out: dict = {}
    renamed: dict[str, Path] | None = None
    for sid in ids:
        rel = f"sources/{sid}.md"
        path = content / rel
        if path.exists():
            if ledger.is_own(rel, sha256(path.read_bytes())):
                continue
            out[sid] = _read(path, config)
            continue
        entry = ledger.files.get(rel)
        if entry is None or entry.removed or restore:
            continue
        if renamed is None:
            renamed = _pages_by_id(content / "sources", ledger)
        out[sid] = _read(renamed[sid], config) if sid in renamed else GONE
    return out


def _pages_by_id(folder: Path, ledger: Ledger) -> dict[str, Path]:
    """Pages import did not write there, by the id in their front matter."""
    found = {}
    for path in sorted(folder.glob("*.md")):
        if ledger.is_own(f"sources/{path.name}", sha256(path.read_bytes())):
            continue
        try:
            pid = frontmatter.read(path).data.get("id")
        except (ContentError, OSError):
            continue
        if pid is not None:
            found[str(pid)] = path
    return found


def _read(path: Path, config: SiteConfig) -> Source | None:
    try:
        source, _ = source_from_page(frontmatter.read(path), config.tz)
    except (ContentError, OSError):
        return None
    return source


def quote_only_what_pages_say(
    config: SiteConfig, events: list[Event], sources: list[Source], ledger: Ledger, restore: bool
) -> tuple[list[Event], list[Problem]]:
    """``events`` without the citations the person's source pages no longer hold (see above)."""
    truth = person_sources(config, [s.id for s in sources], ledger, restore)
    if not truth:
        return events, []
    problems: list[Problem] = []
    kept: list[Event] = []
    for event in events:
        cites = []
        for c in event.sources:
            page = truth.get(c.source, ...)
            if page is ... or page is None:
                cites.append(c)
                continue
            where = config.content_dir / "sources" / f"{c.source}.md"
            if page is GONE:
                why = "you deleted this source page"
            elif contains_quote(page.text, c.quote) or contains_quote(page.title, c.quote):
                cites.append(c)
                continue
            else:
                why = "you edited this source page and it no longer holds the sentence"
            problems.append(
                Problem(where, None, f"{why}; event {event.id} does not cite it: “{c.quote}”", "warning")
            )
        if not cites:
            problems.append(
                Problem(
                    config.content_dir / "events" / f"{event.id}.md",
                    None,
                    "no source still holds what this event quoted: it is not written",
                    "warning",
                )
            )
            continue
        lost = [c.quote for c in event.sources if c not in cites]
        if any(contains_quote(event.summary, q) for q in lost):
            event.summary = cites[0].quote  # the summary repeated a sentence the person cut
        event.sources = cites
        kept.append(event)
    return kept, problems
