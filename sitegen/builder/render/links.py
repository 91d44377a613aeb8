"""URLs of output files: absolute when the site knows its base URL, else relative.

Every link between pages is relative, so the site works from any sub-path and
from disk; absolute URLs are made only where a standard needs them (canonical
links, feeds, sitemap) and only when the base URL names a host.
"""

from __future__ import annotations

import posixpath

from ..context import BuildContext

NOT_FOUND = "404.html"


def absolute_base(ctx: BuildContext) -> str:
    """The base URL when it names a host (``https://…/``), else empty."""
    base = ctx.base_url
    return base if base.startswith(("http://", "https://")) else ""


def page_url(ctx: BuildContext, rel: str) -> str:
    """Absolute URL of the output file ``rel`` (``index.html`` as its folder), or empty."""
    base = absolute_base(ctx)
    return base + rel.removesuffix("index.html") if base else ""


def link(ctx: BuildContext, rel: str, *, from_file: str) -> str:
    """A link to ``rel``: absolute when possible, else relative to the file ``from_file``."""
    absolute = page_url(ctx, rel)
    if absolute:
        return absolute
    path, hash_, fragment = rel.partition("#")
    return _relative(path, posixpath.dirname(from_file)) + hash_ + fragment


def _relative(path: str, folder: str) -> str:
    """``posixpath.relpath(path, folder or ".")``, without its cost for the usual case:
    a plain output path seen from the root or from a folder one level down."""
    plain = path not in ("", ".", "..") and not path.startswith(("/", "./", "../")) and not path.endswith("/")
    plain = plain and not any(s in path for s in ("/./", "/../", "//", "/.."))
    if plain and not folder:
        return path
    if (
        plain
        and folder
        and "/" not in folder
        and folder not in (".", "..")
        and not path.startswith(folder + "/")
    ):
        return "../" + path
    return posixpath.relpath(path, folder or ".")




def canonical_url(ctx: BuildContext, rel: str) -> str:
    """The page's permanent absolute URL, or empty (no absolute base URL, or the 404 page)."""
    return "" if rel == NOT_FOUND else page_url(ctx, rel)
