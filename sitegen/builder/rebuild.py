"""``sitegen build`` made incremental: do nothing when nothing changed, re-render only what an edit affects.

The build manifest (`sitegen.builder.incremental.manifest`) says what the last build read and
wrote.  A build then takes one of three paths:

``unchanged``
    sitegen's code, the base URL, the settings, the theme and every page are
    as recorded, and the output folder holds exactly the files recorded (same
    sizes and mtimes): nothing is loaded, nothing is written.
``incremental``
    only pages changed: the site is loaded, the output declarations
    (`sitegen.builder.incremental.depends`) name the outputs and items the changed pages
    affect - asked about the site before the edit (the manifest's outline) and
    after - and only those are rendered.  Files whose bytes differ are written
    one by one, each atomically; files of removed items are deleted last.
``full``
    anything else (no manifest, code, settings, theme or base URL changed, a
    file in the output folder added, removed or touched by hand): everything is
    rendered into a staging folder that replaces the output folder in one step.

Crash safety of the incremental path (argued in docs/performance.md): the
manifest is removed before the first file is written and written again last,
so an output folder without a manifest is never taken as complete; every file
is replaced by a rename, so each is always either the old or the new version,
whole; new files are written before the files that link to them, and removed
ones deleted after the files that linked to them are rewritten.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..config import SiteConfig
from ..content.load import load_site
from ..core.model import Site
from ..errors import ContentError, Problem
from ..util.cache import Cache
from ..util.fsutil import file_digest, remove_orphans, staging_dir, swap_in
from ..util.heap import few_full_passes, frozen
from ..util.progress import Progress
from .assemble import make_context
from .context import BuildContext, normalise_base_url
from .incremental.jobs import Key, job_parts, join_parts, plan_jobs, render_job, render_part
from .incremental.manifest import (
    Manifest,
    Outline,
    Scan,
    code_digest,
    manifest_path,
    output_tree,
    page_files,
    remove,
    scan,
    tree_files,
)
from .parallel import Shares, in_turn
from .render.quotes import prefetch_anchors, prerender_bodies
from .render.theme import theme_dirs


@dataclass
class BuildResult:
    """What a build did.  ``files``: the files it wrote (all of them for a full build)."""

    out: Path
    files: dict[str, bytes]
    site: Site | None  # None when nothing changed: the content was not even loaded
    seconds: float
    mode: str = "full"  # "full", "incremental" or "unchanged"
    removed: list[str] = field(default_factory=list)
    page_count: int = 0  # HTML pages in the output folder
    events: int = 0
    sources: int = 0
    warnings: list[Problem] = field(default_factory=list)

    @property
    def pages(self) -> int:
        return self.page_count


@dataclass
class _Inputs:
    settings: Scan
    theme: Scan
    pages: Scan
    started: float


def build(
    config: SiteConfig,
    out: Path | None = None,
    base_url: str | None = None,
    *,
    progress: Progress | None = None,
    cache: Cache | None = None,
    incremental: bool = True,
) -> BuildResult:
    """Bring ``out`` (default ``<site>/public``) up to date with the site; see the module docstring.

    ``cache`` defaults to the site's own (`Cache.for_site`); pass ``Cache(None)`` for none.
    ``incremental=False`` renders everything whatever the manifest says.
    """
    started = time.perf_counter()
    out = (Path(out) if out is not None else config.root / "public").resolve()
    progress = progress or Progress(enabled=False)
    base = normalise_base_url(base_url if base_url is not None else config.base_url)
    where = manifest_path(out)
    remove_orphans(where.parent, where.name)  # a manifest's temporary file a killed build left
    old = Manifest.load(where) if incremental else None
    from .outputs import OUTPUTS

    names = [f"{p.__module__}.{p.__name__}" for p in OUTPUTS]
    code = code_digest()
    if old is not None and (old.code, old.base_url, old.out, old.outputs) != (code, base, str(out), names):
        old = None
    inputs = _scan(config, old)
    if old is not None and (inputs is None or inputs.settings.changed or inputs.theme.changed):
        old = None
    if old is not None and not old.output_matches(out):
        old = None
    if old is not None and inputs is not None and not inputs.pages.changed:
        return BuildResult(
            out,
            {},
            None,
            time.perf_counter() - started,
            mode="unchanged",
            page_count=sum(1 for p in old.files if p.endswith(".html")),
            events=len(old.outline.get("order", ())),
            sources=len(old.outline.get("sources", ())),
            warnings=old.problems(),
        )
    own_cache = cache is None
    cache = Cache.for_site(config.root) if own_cache else cache
    try:
        with few_full_passes():  # the build's garbage is nearly all young (`heap`)
            with progress.stage("Reading content"):
                digests = {key: sig[2] for key, sig in inputs.pages.files.items()} if inputs else None
                checked = {sig[2] for sig in old.pages.values()} if old is not None else None
                site = load_site(config, cache, digests, checked)
                ctx = make_context(site, base_url)
            ctx.cache = cache
            if inputs is not None:
                ctx.pieces_version = _pieces_version(code, ctx.base_url, inputs)
            with frozen():  # the site lives to the end: the collector's full passes skip it
                if old is not None and inputs is not None:
                    result = _incremental(ctx, old, inputs, out, where, OUTPUTS, progress)
                else:
                    result = _full(ctx, out, where, OUTPUTS, progress, inputs, code, names)
    finally:
        if own_cache:
            cache.close()
    result.seconds = time.perf_counter() - started
    return result


def _scan(config: SiteConfig, old: Manifest | None) -> _Inputs | None:
    """Fingerprints of every input file (None if the theme cannot be found: a full build reports it)."""
    started = time.time()
    try:
        folders = [config.root / "templates", config.root / "static", *theme_dirs(config)]
    except ContentError:
        return None
    at = old.recorded_at if old else 0.0
    settings = {"site.toml": config.config_path, "about.md": config.content_dir / "about.md"}
    # and the data files outputs may read (a user dictionary)
    settings.update(tree_files([config.content_dir / "data"]))
    return _Inputs(
        settings=scan(settings, old.settings if old else {}, at),
        theme=scan(tree_files([f for f in folders if f.is_dir()]), old.theme if old else {}, at),
        pages=scan(page_files(config.content_dir), old.pages if old else {}, at),
        started=started,
    )


def _pieces_version(code: str, base_url: str, inputs: _Inputs) -> str:
    """What the pieces of whole outputs depend on besides pages (`fragments`): code, base URL, the
    settings and every theme file."""
    from ..util.cache import digest

    files = {**inputs.settings.files, **inputs.theme.files}
    return digest(code, base_url, *(f"{key}={files[key][2]}" for key in sorted(files)))


def _page_keys(site: Site) -> dict[str, list[str]]:
    """Page key (``events/x.md``) -> [kind, id] for every item of the site."""
    keys: dict[str, list[str]] = {}
    for kind, store in (("event", site.events), ("source", site.sources)):
        for item in store.values():
            if item.page is not None:
                parts = str(item.page.path).replace(os.sep, "/").rsplit("/", 2)
                keys["/".join(parts[-2:])] = [kind, item.id]
    return keys


def _manifest(ctx: BuildContext, out: Path, inputs: _Inputs | None, code: str, names: list[str]) -> Manifest:
    site = ctx.site
    return Manifest(
        code=code,
        base_url=ctx.base_url,
        out=str(out),
        recorded_at=inputs.started if inputs else 0.0,
        settings=inputs.settings.files if inputs else {},
        theme=inputs.theme.files if inputs else {},
        pages=inputs.pages.files if inputs else {},
        items=_page_keys(site),
        outputs=names,
        outline=Outline.of(site),
        warnings=[[str(p.path), p.line, p.message] for p in site.problems if p.level == "warning"],
    )


def _result(ctx: BuildContext, out: Path, files: dict[str, bytes], man: Manifest, mode: str) -> BuildResult:
    return BuildResult(
        out,
        files,
        ctx.site,
        0.0,
        mode=mode,
        page_count=sum(1 for p in man.files if p.endswith(".html")),
        events=len(ctx.site.events),
        sources=len(ctx.site.sources),
        warnings=[p for p in ctx.site.problems if p.level == "warning"],
    )


SHARES = Shares(job_parts, render_part, join_parts)  # per-item pages, rendered on both cores


class _Writer:
    """Writes each job's files into the staging folder as soon as they are rendered, in whichever
    process rendered them (so that writing, most of it the kernel's, is shared by both cores too).
    Nothing is written into the output folder itself: `_full` swaps the staging folder in at the
    end, or removes it when the build fails."""

    def __init__(self, staged: Path) -> None:
        self.staged = staged
        self.folders: set[str] = set()

    def write(self, done: list[tuple[str | None, list[tuple[str, bytes]]]]) -> None:
        for _, rendered in done:
            for rel, data in rendered:
                folder = rel.rpartition("/")[0]
                if folder and folder not in self.folders:
                    (self.staged / folder).mkdir(parents=True, exist_ok=True)
                    self.folders.add(folder)
                with open(os.path.join(self.staged, rel), "wb") as fh:
                    fh.write(data)

    def job(self, job: object, ctx: BuildContext) -> tuple:
        done, gone = render_job(job, ctx)  # type: ignore[arg-type]
        self.write(done)
        return done, gone

    def part(self, job: object, ctx: BuildContext, ids: list[str]) -> list:
        done = render_part(job, ctx, ids)  # type: ignore[arg-type]
        self.write(done)
        return done


def _full(
    ctx: BuildContext,
    out: Path,
    where: Path,
    outputs: tuple[Callable, ...],
    progress: Progress,
    inputs: _Inputs | None,
    code: str,
    names: list[str],
) -> BuildResult:
    """Render everything into a staging folder and swap it in place of ``out``."""
    cached = ctx.cache is not None and ctx.cache.enabled
    site = ctx.site
    files: dict[str, bytes] = {}
    made_by: dict[int, dict[str | None, list[str]]] = {}
    expected = len(site.events) + len(site.sources) + len(ctx.assets.files) + len(outputs)
    jobs = plan_jobs(outputs, {}, None, [], site)

    def bodies() -> None:  # what the pages read, all at once (after the fork: the index reads none)
        if cached:
            prefetch_anchors(ctx)
            prerender_bodies(ctx)

    staged = staging_dir(out)
    try:
        writer = _Writer(staged)
        twice: set[str] = set()  # paths two outputs wrote: the later one's bytes must win
        with progress.stage("Rendering", expected) as advance:
            turns = in_turn(jobs, ctx, writer.job, bodies, Shares(job_parts, writer.part, join_parts))
            with contextlib.closing(turns):  # the child stopped before the staging folder is removed
                for job, (done, _) in turns:
                    made = made_by.setdefault(job.index, {})
                    for item_id, rendered in done:
                        made[item_id] = [rel for rel, _ in rendered]
                        for rel, data in rendered:
                            if rel in files:
                                twice.add(rel)
                            files[rel] = data
                            advance(1)
        writer.write([(None, [(rel, files[rel]) for rel in sorted(twice)])])
        man = _manifest(ctx, out, inputs, code, names)
        man.made_by = _named(made_by, names)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    with progress.stage("Writing"):
        remove(where)
        try:
            swap_in(staged, out)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
        found = output_tree(out)
        man.files = {rel: [*found[rel], file_digest(data)] for rel, data in files.items() if rel in found}
        if inputs is not None:
            man.save(where)
    return _result(ctx, out, files, man, "full")


def _incremental(
    ctx: BuildContext,
    old: Manifest,
    inputs: _Inputs,
    out: Path,
    where: Path,
    outputs: tuple[Callable, ...],
    progress: Progress,
) -> BuildResult:
    """Render what the changed pages affect; write the files whose bytes changed."""
    site = ctx.site
    man = _manifest(ctx, out, inputs, old.code, old.outputs)
    now = man.items
    keys: set[Key] = set()
    for page in inputs.pages.changed:
        for known in (old.items.get(page), now.get(page)):
            if known:
                keys.add((known[0], known[1]))
    made_by = _indexed(old.made_by, old.outputs)
    jobs = plan_jobs(outputs, made_by, keys, [old.outline_site()], site)
    rendered: dict[str, bytes] = {}
    removed: set[str] = set()
    with progress.stage("Rendering", len(jobs)) as advance:
        for job, (done, gone) in in_turn(jobs, ctx, render_job, shares=SHARES):
            made = made_by.setdefault(job.index, {})
            for item_id, files in done:
                now_paths = [rel for rel, _ in files]
                removed.update(p for p in made.get(item_id, []) if p not in now_paths)
                made[item_id] = now_paths
                rendered.update(files)
            for item_id in gone:
                removed.update(made.pop(item_id, []))
            advance(1)
    removed -= rendered.keys()
    changed = {rel: data for rel, data in rendered.items() if _differs(old, rel, data)}
    man.made_by = _named(made_by, old.outputs)
    man.files = {rel: sig for rel, sig in old.files.items() if rel not in removed}
    with progress.stage("Writing"):
        if changed or removed:
            remove(where)
            _write_each(out, changed, old, removed)
            for rel, data in changed.items():
                st = os.stat(out / rel)
                man.files[rel] = [st.st_size, st.st_mtime_ns, file_digest(data)]
        man.save(where)
    result = _result(ctx, out, changed, man, "incremental")
    result.removed = sorted(removed)
    return result


def _differs(old: Manifest, rel: str, data: bytes) -> bool:
    sig = old.files.get(rel)
    return sig is None or sig[0] != len(data) or sig[2] != file_digest(data)


def _write_each(out: Path, changed: dict[str, bytes], old: Manifest, removed: set[str]) -> None:
    """Write ``changed`` into ``out`` file by file, each by a rename; new files first, removals last.

    The temporary files live in a staging folder beside ``out`` (removed by the next build if
    this one is killed), so ``out`` never holds a partial file.
    """
    from ..util.fsutil import staging_dir, temp_file

    staged = staging_dir(out)
    try:
        order = sorted(changed, key=lambda rel: (rel in old.files, rel.count("/") == 0, rel))
        for rel in order:
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = temp_file(staged, "")
            with os.fdopen(fd, "wb") as fh:
                fh.write(changed[rel])
            os.replace(tmp, target)
        folders = set()
        for rel in sorted(removed):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(out / rel)
            folders.add((out / rel).parent)
        for folder in sorted(folders, key=lambda f: len(f.parts), reverse=True):  # deepest first
            while folder != out and folder.is_dir() and not any(folder.iterdir()):  # as a full build has it
                folder.rmdir()
                folder = folder.parent
    finally:
        shutil.rmtree(staged, ignore_errors=True)


MadeBy = dict[int, dict[str | None, list[str]]]  # output index -> item id (None: whole) -> paths


def _named(made_by: MadeBy, names: list[str]) -> dict[str, dict[str, list[str]]]:
    return {names[i]: {"" if k is None else k: v for k, v in made.items()} for i, made in made_by.items()}


def _indexed(made_by: dict[str, dict[str, list[str]]], names: list[str]) -> MadeBy:
    index = {name: i for i, name in enumerate(names)}
    return {index[n]: {None if k == "" else k: v for k, v in made.items()} for n, made in made_by.items()}
