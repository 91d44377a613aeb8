"""The about page (``about.html``) and the site's last-updated time.

The page has two parts.  Its text - what the site is, how dates are read, that
every quote is verbatim, how to report a correction - is ``content/about.md``,
written by ``sitegen init`` and edited like any page (a site without one gets
sitegen's default text in its language, ``sitegen/data/about.<language>.md``).
Its facts are counted from the content at each build: how many reports from how
many outlets, published when, found by which search keywords, in which dumps.

**Last updated** is a fact of the content, never the clock (the same content
gives the same bytes, `syndication`): the latest of every report's publication
time and every correction's time (``updated:`` in an event page).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from markupsafe import Markup

from ...config import SiteConfig
from ...core.dates import When
from ...core.markdown import render
from ..context import BuildContext, Output
from ..incremental.depends import reads
from .pages import render_page

ABOUT = "about.md"
DEFAULTS = Path(__file__).resolve().parent.parent.parent / "data"


def about_path(config: SiteConfig) -> Path:
    return config.content_dir / ABOUT


def default_about(language: str) -> str:
    """sitegen's own about text in ``language`` (``zh-CN`` or ``en``)."""
    name = "about.en.md" if language.lower().startswith("en") else "about.zh-CN.md"
    return (DEFAULTS / name).read_text(encoding="utf-8")


def about_text(config: SiteConfig) -> str:
    """The site's about text: ``content/about.md``, else the default in the site's language."""
    try:
        return about_path(config).read_text(encoding="utf-8")
    except FileNotFoundError:
        return default_about(config.language)


def last_updated(ctx: BuildContext) -> datetime | None:
    """The latest report's publication or correction's time (None for an empty site); once per build."""
    if ctx.caches.last_updated is None:
        times = [s.published for s in ctx.site.sources.values() if s.on_topic]
        times += [e.updated for e in ctx.site.events.values() if e.updated is not None]
        ctx.caches.last_updated = max(times) if times else None
    return ctx.caches.last_updated


def stamp(dt: datetime, lang: str) -> str:
    """A time as a reader sees it: the day, and the time of day when it is not midnight."""
    precise = (dt.hour, dt.minute) != (0, 0)
    return When(dt, "minute" if precise else "day").label(lang)


@dataclass
class Facts:
    reports: int
    outlets: int
    first: datetime | None
    last: datetime | None
    keywords: list[str]
    dumps: list[str]


def facts(ctx: BuildContext) -> Facts:
    """What the site was made from, counted from its on-topic sources."""
    shown = [s for s in ctx.site.sources.values() if s.on_topic]
    times = sorted(s.published for s in shown)
    keywords = sorted({s.keyword for s in shown if s.keyword})
    dumps = sorted({s.dump.rsplit(":", 1)[0] for s in shown if s.dump})
    return Facts(
        reports=len(shown),
        outlets=len({s.outlet_name for s in shown}),
        first=times[0] if times else None,
        last=times[-1] if times else None,
        keywords=keywords,
        dumps=dumps,
    )


def install_helpers(ctx: BuildContext) -> None:
    """``last_updated()`` and ``stamp(dt)`` for templates."""
    ctx.env.globals.update(last_updated=lambda: last_updated(ctx), stamp=lambda dt: stamp(dt, ctx.lang))


@reads("event", "source")  # the facts count sources; last updated reads events' corrections
def about_page(ctx: BuildContext) -> Iterator[Output]:
    yield render_page(
        ctx,
        "about.html",
        "about.html",
        about=Markup(render(about_text(ctx.config))),
        facts=facts(ctx),
        page_title=ctx.strings.get("about", "About"),
        page_description=ctx.config.description,
    )
