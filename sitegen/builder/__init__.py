"""``sitegen build``: content/ rendered into a static site.

The build never writes into the live output folder: everything is rendered
into a staging folder beside it and swapped in at the end, so a failed or
killed build leaves the last good site in place.

What is written is listed once, in `OUTPUTS` (order as data): each entry is a
function that yields ``(path, bytes)`` pairs for the site.
"""

from __future__ import annotations

from .assemble import make_context, prepare, render_all
from .context import BuildContext, BuildError, Output
from .rebuild import BuildResult, build

__all__ = [
    "BuildContext",
    "BuildError",
    "BuildResult",
    "Output",
    "build",
    "make_context",
    "prepare",
    "render_all",
]
