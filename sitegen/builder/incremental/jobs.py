"""A built site kept up to date in memory, one edit at a time (``sitegen serve``).

`LiveBuild` holds the rendered site (path -> bytes) and remembers which output,
and for per-item outputs which item, wrote each file.  `LiveBuild.update` takes
the paths that changed on disk and:

1. re-reads only pages whose bytes changed (`PageCache`; everything else keeps
   its parsed object, so unchanged items stay *the same objects*),
2. assembles and checks the site as ``sitegen build`` does
   (`sitegen.content.load.assemble`), remembering quote checks per source object,
3. compares items with the last good build by identity: the changed items,
4. re-renders what the output declarations (`sitegen.builder.incremental.depends`) say those
   items affect - every output when settings, templates, strings or static
   files changed, or when an output has no declaration.

Rendering goes in stages so that a browser sees its page as early as possible:
outputs that show no items (the stylesheets) first, then the per-item files
that browsers are looking at, then whole outputs they are looking at (the
timeline), then other per-item files, then the rest.  After each
stage a `Batch` is yielded for the server to publish; the result after the last
one equals a full build byte for byte.  A content or template error raises
`BuildError`; what was published stays, and the next update starts again from
the last good build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ...config import SiteConfig, load_config
from ...content.load import CONTENT_KINDS, Item, assemble, content_files, read_item
from ...core.model import Site
from ...errors import ContentError, Problem
from ..assemble import make_context
from ..context import BuildContext, BuildError, Output, _guard
from ..render.theme import theme_dirs
from .depends import Depends, declared

Key = tuple[str, str]  # ("event", id) | ("source", id)
STORES = {"event": "events", "source": "sources"}


@dataclass
class _Page:
    kind: str
    digest: bytes
    signature: tuple[int, int, int]
    item: Item | None
    problems: list[Problem]


class PageCache:
    """Parsed pages by path; a page is parsed again only when its bytes change."""

    def __init__(self) -> None:
        self.pages: dict[Path, _Page] = {}
        self.timezone = ""
        self._ranked: list[Path] | None = None  # the pages' paths in `content_files` order

    def entries(self, config: SiteConfig, changed: Iterable[Path] | None = None) -> list[tuple]:
        """(kind, path, item, problems) for every page, in `content_files` order, as `assemble` takes them.

        ``changed``: the page paths the watcher reported; only those are looked at.  None: list and
        check every page (the first build, and after a change of settings, templates or folders).
        """
        if config.timezone != self.timezone:  # dates are read in the site's timezone
            self.pages.clear()
            self.timezone = config.timezone
            changed = None
        if changed is None:
            listed = content_files(config)
            self.pages = {p: page for kind, p in listed if (page := self._page(config, kind, p, False))}
            self._ranked = None
        else:
            folders = {config.content_dir / folder: kind for kind, folder in CONTENT_KINDS}
            for path in changed:
                kind = folders.get(path.parent)
                page = None
                if kind is not None and path.suffix == ".md" and not path.name.startswith("."):
                    page = self._page(config, kind, path, True)
                old = self.pages.get(path)
                if page is None:
                    self.pages.pop(path, None)
                else:
                    self.pages[path] = page
                if (old is None) != (page is None) or (old and page and old.kind != page.kind):
                    self._ranked = None  # a page came or went: sort again
        if self._ranked is None:
            order = {kind: n for n, (kind, _) in enumerate(CONTENT_KINDS)}
            self._ranked = sorted(self.pages, key=lambda p: (order[self.pages[p].kind], str(p)))
        pages = self.pages
        return [(pages[p].kind, p, pages[p].item, pages[p].problems) for p in self._ranked]

    def _page(self, config: SiteConfig, kind: str, path: Path, forget: bool) -> _Page | None:
        try:
            st = path.stat()
        except OSError:  # removed since it was listed
            return None
        signature = (st.st_mtime_ns, st.st_size, st.st_ino)
        old = self.pages.get(path)
        if old is not None and old.kind == kind and old.signature == signature and not forget:
            return old
        try:
            digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
        except OSError:
            return None
        if old is not None and old.kind == kind and old.digest == digest:
            old.signature = signature
            return old
        item, problems = read_item(config, kind, path)
        if item is not None:
            item.digest = digest.hex()  # as `sitegen build` has it (`content.file_digest`)
        return _Page(kind, digest, signature, item, problems)


@dataclass
class Batch:
    """What one stage of an update changed in the served site."""

    changed: dict[str, bytes] = field(default_factory=dict)  # new or different bytes
    removed: set[str] = field(default_factory=set)
    pending: set[str] = field(default_factory=set)  # files still to be rendered by later stages
    final: bool = False
    css: dict[str, str] = field(default_factory=dict)  # old -> new stylesheet path, if only CSS changed


@dataclass
class _Job:
    index: int  # in OUTPUTS
    produce: Callable
    dep: Depends | None
    items: set[str] | None = None  # per-item output: ids to render; None: the whole output


def changed_items(old: Site, new: Site) -> set[Key]:
    """Items added, removed or edited between two loads (edited = a new object)."""
    keys: set[Key] = set()
    for kind, attr in STORES.items():
        a, b = getattr(old, attr), getattr(new, attr)
        keys.update((kind, i) for i in a.keys() | b.keys() if a.get(i) is not b.get(i))
    return keys


class LiveBuild:
    """The site of ``root`` rendered in memory and kept current by `update`."""

    def __init__(
        self,
        root: Path,
        *,
        base_url: str | None = None,
        extra_head: str = "",
        outputs: tuple[Callable, ...] | None = None,
    ) -> None:
        from ..outputs import OUTPUTS

        self.root = Path(root).resolve()
        self.base_url = base_url
        self.extra_head = extra_head
        self.outputs = OUTPUTS if outputs is None else outputs
        self.files: dict[str, bytes] = {}
        self.ctx: BuildContext | None = None  # of the last complete update
        self.made_by: dict[int, dict[str | None, list[str]]] = {}  # output -> item id (None) -> paths
        self.pages = PageCache()
        self.quote_memo: dict = {}
        self._config: SiteConfig | None = None
        self._everything = True  # the next update re-renders every output
        self._unfinished: list[tuple[set[Key], Site]] = []  # updates stopped half-way since self.ctx

    # -- which paths mean what --------------------------------------------------------
    def in_page_folder(self, path: Path) -> bool:
        """In content/events/ or content/sources/: only the ``*.md`` pages there are read."""
        content = self.root / "content"
        return path.parent in (content / "events", content / "sources")

    def static_dirs(self) -> list[Path]:
        config = self._config or load_config(self.root)
        return [self.root / "static"] + [(d / "static").resolve() for d in theme_dirs(config)]

    def watched_dirs(self) -> list[Path]:
        """Folders whose files the site is made from: content, templates, themes, static."""
        dirs = [self.root / "content", self.root / "templates", self.root / "static", self.root / "themes"]
        try:
            config = self._config or load_config(self.root)
            dirs += [d.resolve() for d in theme_dirs(config)]
        except ContentError:
            pass
        return dirs

    # -- updating -----------------------------------------------------------------------
    def update(
        self, changed: Iterable[Path] = (), *, viewed: Callable[[], set[str]] = set
    ) -> Iterator[Batch]:
        """Bring the site up to date with ``changed`` paths; yields one `Batch` per stage."""
        changed = [Path(p) for p in changed]
        others = [p for p in changed if not self.in_page_folder(p)]  # settings, templates, static
        only_static = bool(others) and all(self._in_static(p) for p in others)
        if others:
            self._everything = True
        everything = self._everything or self.ctx is None
        if everything or self._config is None:
            try:
                self._config = load_config(self.root)
            except ContentError as exc:
                raise BuildError([exc.problem]) from None
        config = self._config
        pages = self.pages.entries(config, None if everything else changed)
        site = assemble(config, pages, self.quote_memo)
        if self.ctx is not None:
            site.reuse_order_keys(self.ctx.site)  # most events are the same objects: no new sort keys
        self._prune_quote_memo(site)
        ctx = make_context(
            site, self.base_url, extra_head=self.extra_head, reuse=None if everything else self.ctx
        )
        css = self._css_swaps(ctx) if only_static and self.ctx is not None else {}
        keys = None if everything else changed_items(self.ctx.site, site)
        if keys is not None:  # and what stopped half-way since the last complete update
            keys |= {k for unfinished, _ in self._unfinished for k in unfinished}
        jobs = self._plan(ctx, keys)
        stages = self._stages(jobs, viewed(), assets_first=everything)
        published = False
        try:
            for n, stage in enumerate(stages):
                batch = Batch(css=css)
                for job in stage:
                    self._run(job, ctx, batch)
                batch.pending = {p for later in stages[n + 1 :] for j in later for p in self._paths_of(j)}
                batch.final = n == len(stages) - 1
                for rel in batch.removed:
                    self.files.pop(rel, None)
                self.files.update(batch.changed)
                if batch.final:
                    self._complete(ctx)
                published = True
                yield batch
            if not stages:
                self._complete(ctx)
                yield Batch(final=True)
        finally:
            if published and self.ctx is not ctx and keys is not None:
                # stopped half-way (a newer change, or an error): the next update also
                # re-renders what these keys touch, and asks `also` about this site too
                self._unfinished.append((keys, site))

    def _complete(self, ctx: BuildContext) -> None:
        self.ctx = ctx
        self._everything = False
        self._unfinished = []

    def build_all(self) -> dict[str, bytes]:
        """Render everything (the first build); returns the files."""
        for _ in self.update():
            pass
        return self.files

    # -- internals ------------------------------------------------------------------------
    def _in_static(self, path: Path) -> bool:
        return any(path.is_relative_to(d) for d in self.static_dirs())

    def _css_swaps(self, ctx: BuildContext) -> dict[str, str]:
        """Old -> new path of each changed stylesheet, when nothing but stylesheets changed."""
        assert self.ctx is not None
        old, new = self.ctx.assets.paths, ctx.assets.paths
        if old.keys() != new.keys():
            return {}
        swaps = {old[n]: new[n] for n in old if old[n] != new[n]}
        if not swaps or not all(n.endswith(".css") for n in old if old[n] != new[n]):
            return {}
        return swaps

    def _prune_quote_memo(self, site: Site) -> None:
        memo = self.quote_memo
        for key in [k for k, (src, _) in memo.items() if site.sources.get(k[0]) is not src]:
            del memo[key]

    def _plan(self, ctx: BuildContext, keys: set[Key] | None) -> list[_Job]:
        """The outputs (and items) to render again; ``keys`` None means all of them."""
        sites = [self.ctx.site if self.ctx is not None else None, *(site for _, site in self._unfinished)]
        return plan_jobs(self.outputs, self.made_by, keys, [s for s in sites if s is not None], ctx.site)

    def _stages(self, jobs: list[_Job], viewed: set[str], *, assets_first: bool) -> list[list[_Job]]:
        """Order jobs: item-free outputs (on a full re-render), the item pages browsers show, the
        whole outputs browsers show (a timeline of every event is slow), other items, the rest."""
        first: list[_Job] = []
        seen_items: list[_Job] = []
        seen_whole: list[_Job] = []
        items: list[_Job] = []
        rest: list[_Job] = []
        for job in jobs:
            if assets_first and job.dep is not None and not job.dep.kinds:
                first.append(job)
            elif job.items is not None:
                made = self.made_by.get(job.index, {})
                shown = {i for i in job.items if viewed & set(made.get(i, ()))}
                if shown:
                    seen_items.append(_Job(job.index, job.produce, job.dep, shown))
                if job.items - shown:
                    items.append(_Job(job.index, job.produce, job.dep, job.items - shown))
            elif viewed & set(self._paths_of(job)):
                seen_whole.append(job)
            else:
                rest.append(job)
        # the rest one output at a time, so that a newer change can cut in between (see serve)
        return [stage for stage in (first, seen_items, seen_whole, items) if stage] + [[j] for j in rest]

    def _paths_of(self, job: _Job) -> list[str]:
        made = self.made_by.get(job.index, {})
        if job.items is None:
            return [p for paths in made.values() for p in paths]
        return [p for i in job.items for p in made.get(i, ())]

    def _run(self, job: _Job, ctx: BuildContext, batch: Batch) -> None:
        made = self.made_by.setdefault(job.index, {})
        rendered, gone = render_job(job, ctx)
        for item_id, outputs in rendered:
            self._record(made, item_id, outputs, batch)
        for item_id in gone:  # removed or renamed
            batch.removed.update(p for p in made.pop(item_id, ()) if p not in batch.changed)

    def _record(self, made: dict, item_id: str | None, outputs: list[Output], batch: Batch) -> None:
        before = made.get(item_id, [])
        now = [rel for rel, _ in outputs]
        for rel, data in outputs:
            if self.files.get(rel) != data:
                batch.changed[rel] = data
            batch.removed.discard(rel)
        batch.removed.update(p for p in before if p not in now and p not in batch.changed)
        made[item_id] = now


def plan_jobs(
    outputs: tuple[Callable, ...],
    made_by: dict[int, dict[str | None, list[str]]],
    keys: set[Key] | None,
    before: list,
    site: Site,
) -> list[_Job]:
    """The outputs (and items) to render again after ``keys`` changed; ``keys`` None: all of them.

    ``made_by``: which item made which files last time (items gone since are rendered too, to
    remove their files).  ``before``: the sites (or `manifest.Outline` objects) the changed items
    were part of, for the declarations' ``also`` answers; they are asked about ``site`` too.
    """
    jobs: list[_Job] = []
    for index, produce in enumerate(outputs):
        dep = declared(produce)
        if keys is None or dep is None:
            items = None
            if dep is not None and dep.each is not None:  # every item, and those that are gone
                items = set(getattr(site, STORES[dep.each])) | set(made_by.get(index, ()))
            jobs.append(_Job(index, produce, dep, items))
            continue
        if not any(dep.affected(kind, i, before, site) for kind, i in keys):
            continue
        if dep.each is None:
            jobs.append(_Job(index, produce, dep))
            continue
        items = {i for kind, i in keys if kind == dep.each}
        if dep.also is not None:
            for kind, i in keys:
                for s in [*before, site]:
                    items.update(dep.also(s, kind, i))
        jobs.append(_Job(index, produce, dep, items))
    return jobs


Rendered = list[tuple[str | None, list[Output]]]  # (item id or None, its files)


def render_job(job: _Job, ctx: BuildContext) -> tuple[Rendered, list[str]]:
    """Render one job: ``(item id or None, its files)`` in the site's order, and the ids of
    the job's items that are no longer in the site (their files are to be removed)."""
    if job.items is None:
        return [(None, list(_guard(job.produce, ctx)))], []
    return join_parts(job, ctx, [render_part(job, ctx, _item_ids(job, ctx))])


PART = 64  # items per part at most (`job_parts`)


def job_parts(job: _Job, ctx: BuildContext) -> list[list[str]] | None:
    """A per-item job's items, in the site's order, in parts of at most `PART` items (about 32
    parts or more: fine enough for two processes to share, `parallel.Shares`); None for a whole
    output."""
    if job.items is None:
        return None
    ids = _item_ids(job, ctx)
    size = max(1, min(PART, -(-len(ids) // 32)))
    return [ids[k : k + size] for k in range(0, len(ids), size)]


def render_part(job: _Job, ctx: BuildContext, ids: list[str]) -> Rendered:
    """The files of the items ``ids`` of a per-item job."""
    assert job.dep is not None and job.dep.each is not None and job.dep.render is not None
    store = getattr(ctx.site, STORES[job.dep.each])
    render = job.dep.render
    rendered: Rendered = []
    for item_id in ids:
        item = store[item_id]
        rendered.append((item_id, list(_guard(lambda c, item=item: _as_outputs(render(c, item)), ctx))))
    return rendered


def join_parts(job: _Job, ctx: BuildContext, parts: list[Rendered]) -> tuple[Rendered, list[str]]:
    """`render_job`'s result from its parts' (`render_part`), in order."""
    assert job.items is not None and job.dep is not None and job.dep.each is not None
    store = getattr(ctx.site, STORES[job.dep.each])
    return [r for part in parts for r in part], [i for i in job.items if i not in store]


def _item_ids(job: _Job, ctx: BuildContext) -> list[str]:
    assert job.items is not None and job.dep is not None and job.dep.each is not None
    store = getattr(ctx.site, STORES[job.dep.each])
    return [i for i in store if i in job.items]  # the site's order, as a build has it


def _as_outputs(result: Output | Iterable[Output]) -> Iterator[Output]:
    """A per-item render returns one (path, bytes) pair or several."""
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], str):
        yield result
    else:
        yield from result
