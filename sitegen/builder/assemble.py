"""A build put together: the context a site renders with, and every output rendered from it.

What is written is listed once, in `outputs.OUTPUTS` (order as data): each
entry is a function that yields ``(path, bytes)`` pairs for the site.
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import SiteConfig
from ..content.load import load_site
from ..core.model import Site
from ..errors import ContentError
from ..util.progress import Progress
from .context import BuildContext, BuildError, KeptMemo, _guard, normalise_base_url
from .outputs import OUTPUTS
from .publish import seo
from .render import about, topics
from .render.pages import install_helpers
from .render.quotes import prerender_bodies
from .render.theme import collect_assets, load_strings, make_env


def prepare(config: SiteConfig, base_url: str | None = None) -> BuildContext:
    """Load and check content, set up templates; raises BuildError on content errors."""
    return make_context(load_site(config), base_url)


def make_context(
    site: Site, base_url: str | None = None, *, extra_head: str = "", reuse: BuildContext | None = None
) -> BuildContext:
    """The context to render ``site`` with; raises BuildError if the site has errors.

    ``reuse``: a context whose templates, static files and strings are still current
    (``sitegen serve`` after a content-only change) - they are not read again.
    """
    if site.errors:
        raise BuildError(site.errors)
    config = site.config
    if reuse is not None:
        env, assets, strings = reuse.env, reuse.assets, reuse.strings
    else:
        try:
            env = make_env(config)
            assets = collect_assets(config)
            strings = load_strings(config)
        except ContentError as exc:
            raise BuildError([exc.problem]) from None
    ctx = BuildContext(
        site=site,
        config=config,
        env=env,
        assets=assets,
        strings=strings,
        base_url=normalise_base_url(base_url if base_url is not None else config.base_url),
        extra_head=extra_head,
        memo=reuse.memo if reuse is not None else KeptMemo(),
    )
    install_helpers(ctx)
    seo.install_helpers(ctx)
    about.install_helpers(ctx)
    topics.install_helpers(ctx)
    return ctx


def render_all(
    ctx: BuildContext, outputs: tuple[Callable, ...] | None = None, progress: Progress | None = None
) -> dict[str, bytes]:
    """Every output file of the site, in memory (``outputs``: default `OUTPUTS`)."""
    if ctx.cache is not None and ctx.cache.enabled:
        prerender_bodies(ctx)
    files: dict[str, bytes] = {}
    chosen = OUTPUTS if outputs is None else outputs
    expected = len(ctx.site.events) + len(ctx.site.sources) + len(ctx.assets.files) + len(chosen)
    with (progress or Progress(enabled=False)).stage("Rendering", expected) as advance:
        for produce in chosen:
            for rel, data in _guard(produce, ctx):
                files[rel] = data
                advance(1)
    return files
