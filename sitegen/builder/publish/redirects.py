"""Old event addresses keep working: a redirect for each line of ``content/data/moved.toml``.

Import records there the events it merged into another (`sitegen.importer.event_ids`); a person may
add lines.  For each ``old = new`` whose old id has no page of its own (a page wins: the id
came back) and whose new id leads, through further moves, to an event of the site:

* ``_redirects`` (Netlify): ``/events/old.html /events/final.html 301!`` - and the same
  without ``.html`` - under the site's base path.  The ``!`` makes Netlify redirect even
  though the small page below exists.  A ``_redirects`` of the site's own static files
  comes first, unchanged;
* ``events/old.html`` for every other host: a canonical link to the new page, a
  ``meta refresh`` to it, a link a reader can follow, and ``noindex``.

Moves are followed at most as many steps as there are lines (a cycle leads nowhere and
writes nothing).  Redirect pages are not in the sitemap.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from markupsafe import escape

from ...errors import ContentError
from ...importer.event_ids import read_moved
from ..context import BuildContext, BuildError, Output
from ..incremental.depends import reads
from ..render.links import page_url


def final_targets(moved: dict[str, str], events: dict) -> dict[str, str]:
    """old id -> the id of the event of the site it leads to, for old ids without a page."""
    out = {}
    for old in moved:
        if old in events:
            continue
        target, steps = moved[old], 0
        while target not in events and target in moved and steps < len(moved):
            target, steps = moved[target], steps + 1
        if target in events:
            out[old] = target
    return out


def _base_path(ctx: BuildContext) -> str:
    path = urlsplit(ctx.base_url).path if ctx.base_url else "/"
    return path if path.endswith("/") else path + "/"


@reads("event")
def redirects(ctx: BuildContext) -> Iterator[Output]:
    """``_redirects`` and a small page for each moved event address (see the module docstring)."""
    try:
        moved = read_moved(ctx.config.content_dir, strict=True)
    except ContentError as exc:
        raise BuildError([exc.problem]) from None
    targets = final_targets(moved, ctx.site.events)
    if not targets:
        return
    base = _base_path(ctx)
    own = ctx.assets.files.get("_redirects", b"").decode("utf-8", "replace")
    lines = [own.rstrip("\n")] if own.strip() else []
    lang = escape(ctx.config.language)
    for old, new in sorted(targets.items()):
        lines.append(f"{base}events/{old}.html {base}events/{new}.html 301!")
        lines.append(f"{base}events/{old} {base}events/{new}.html 301!")
        event = ctx.site.events[new]
        href = escape(f"{new}.html")
        canonical = escape(page_url(ctx, f"events/{new}.html") or f"{new}.html")
        title = escape(event.title)
        page = (
            f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{title}</title>\n"
            f'<link rel="canonical" href="{canonical}">\n'
            f'<meta http-equiv="refresh" content="0; url={href}">\n'
            f'<meta name="robots" content="noindex">\n'
            f'</head>\n<body>\n<p><a href="{href}">{title}</a></p>\n</body>\n</html>\n'
        )
        yield f"events/{old}.html", page.encode("utf-8")
    yield "_redirects", ("\n".join(lines) + "\n").encode("utf-8")
