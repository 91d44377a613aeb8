"""The ``sitegen`` command: wires the pipeline stages to the command line.

Exit codes: 0 success; 1 a problem with the content or the input (details on
stderr as ``file:line: error: message``); 2 a mistake in the command line.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import time
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .config import DEFAULTS, SiteConfig, default_config_text, deploy_base_url, is_site_address, load_config
from .errors import ContentError, Problem

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _config(ctx: click.Context) -> SiteConfig:
    """The settings of the site the command works on; a folder without content/ is no site
    (exit 1, saying how to make one) and is left as it is."""
    root = Path(ctx.obj["site"])
    if not (root / "content").is_dir():
        shown = shlex.quote(str(root))
        why = "does not exist" if not root.exists() else "has no content/ folder"
        _fail(
            [
                Problem(
                    root,
                    None,
                    f"not a sitegen site: {why}. Make one with `sitegen init {shown}`, "
                    "or name an existing site with --site DIR",
                )
            ]
        )
    try:
        return load_config(root)
    except ContentError as exc:
        _fail([exc.problem])
        raise  # unreachable


SITE_HELP = "The site folder: the one that holds content/ (and optionally themes/, templates/)."


def _site_after(ctx: click.Context, param: click.Parameter, value: Path | None) -> None:
    if value is not None:  # given after the command: it wins over one given before
        ctx.obj["site"] = value


site_option = click.option(
    "--site",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    expose_value=False,
    callback=_site_after,
    help=SITE_HELP + "  [default: the one given before the command, else .]",
)
"""``--site`` after the command (``sitegen build --site X``), as before it."""

SHOWN_WARNINGS = 20
"""import and build print at most this many warnings (every error); ``--all-warnings`` prints all."""
ALL_WARNINGS_HELP = f"Print every warning, not only the first {SHOWN_WARNINGS} and a count of the rest."


def _print_problems(problems: list[Problem], *, all_warnings: bool = True) -> None:
    """Every error; the first `SHOWN_WARNINGS` warnings unless ``all_warnings``, then one line
    counting the rest by kind (a 10,000-record import can warn about 1,500 off-topic records)."""
    warnings = [p for p in problems if p.level == "warning"]
    hidden = [] if all_warnings else warnings[SHOWN_WARNINGS:]
    skip = {id(p) for p in hidden}
    for p in problems:
        if id(p) not in skip:
            click.echo(str(p), err=True)
    if hidden:
        kinds = Counter(_kind(p.message) for p in hidden)
        top = ", ".join(f"{n:,} {kind}" for kind, n in kinds.most_common(3))
        more = f", {len(kinds) - 3} other kinds" if len(kinds) > 3 else ""
        rest = f"... and {len(hidden):,} more warnings ({top}{more}); --all-warnings lists them"
        click.echo(rest, err=True)


def _kind(message: str) -> str:
    """What a warning is about: its message up to the first colon or parenthesis."""
    return re.split(r"[:(（：]", message, maxsplit=1)[0].strip() or message


def _fail(problems: list[Problem], code: int = 1) -> None:
    _print_problems(problems)
    sys.exit(code)


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="sitegen")
@click.option(
    "--site",
    "site",
    type=click.Path(file_okay=False, path_type=Path),
    default=".",
    show_default=True,
    help=SITE_HELP + " May also follow the command.",
)
@click.pass_context
def main(ctx: click.Context, site: Path) -> None:
    """sitegen: sourced news timelines from raw news-search dumps.

    \b
    Typical use:
      sitegen init mysite && cd mysite
      sitegen import ~/Downloads/search-dump.txt
      sitegen build            # -> public/
      sitegen serve            # live preview while you edit content/
    """
    ctx.ensure_object(dict)
    ctx.obj["site"] = site


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@click.option(
    "--title",
    default=None,
    help="Site title written into site.toml  [default: 新闻时间线, or News timeline with --language en]",
)
@click.option(
    "--language",
    type=click.Choice(["zh-CN", "en"]),
    default=DEFAULTS["language"],
    show_default=True,
    help="Interface language, written into site.toml; also the language of content/about.md.",
)
def init(directory: Path, title: str | None, language: str) -> None:
    """Create an empty site in DIRECTORY: content/site.toml, content/about.md and the content folders."""
    content = directory / "content"
    config_path = content / "site.toml"
    if config_path.exists():
        _fail([Problem(config_path, None, "a site already exists here; nothing was changed")])
    for sub in ("dumps", "sources", "events", "data"):
        (content / sub).mkdir(parents=True, exist_ok=True)
    from .builder.render.about import default_about
    from .util.fsutil import atomic_write

    atomic_write(config_path, default_config_text(title, language))
    if not (content / "about.md").exists():
        atomic_write(content / "about.md", default_about(language))
    atomic_write(
        content / "data" / "outlets.toml",
        "# Outlet names as your dumps write them -> display names. Adds to sitegen's own table.\n"
        '# Example:  "Xin Hua She" = "新华社"\n\n[outlets]\n',
    )
    click.echo(f"Created a site in {directory}/. Next: sitegen --site {directory} import DUMP.txt")


@main.command(name="import")
@click.argument("dumps", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["dump", "csv", "tsv", "json", "jsonl", "feed", "rss", "atom", "html"]),
    help="Read the files given as this format (default: told by extension and content).",
)
@click.option(
    "--map",
    "columns",
    multiple=True,
    metavar="FIELD=COLUMN",
    help="Read FIELD (title, outlet, published, body, url, archive_url, keyword) from COLUMN.",
)
@click.option("--dry-run", is_flag=True, help="Show what would be written, changed or kept; write nothing.")
@click.option("--force", is_flag=True, help="Overwrite pages you edited by hand (import's text wins).")
@click.option("--restore", is_flag=True, help="Recreate pages you deleted.")
@click.option(
    "--explain",
    is_flag=True,
    help="For each event, show the sentences and dates that produced it. Changes nothing (as --dry-run).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems and the one-line summary.")
@click.option("--all-warnings", is_flag=True, help=ALL_WARNINGS_HELP)
@click.option(
    "--no-wait", is_flag=True, help="If another import holds the site, stop at once instead of waiting."
)
@site_option
@click.pass_context
def import_(
    ctx: click.Context,
    dumps: tuple[Path, ...],
    fmt: str | None,
    columns: tuple[str, ...],
    dry_run: bool,
    force: bool,
    restore: bool,
    explain: bool,
    quiet: bool,
    all_warnings: bool,
    no_wait: bool,
) -> None:
    """Copy DUMPS into content/dumps/ and write or update the Markdown pages.

    DUMPS are files or folders: search dumps, CSV/TSV, JSON, JSON Lines, RSS or
    Atom feeds, saved article pages (docs/input-formats.md). All files in
    content/dumps/ are read each time, so the pages reflect all of them. Pages
    you edited by hand are kept as you left them (see --force), and pages you
    deleted stay deleted (see --restore). With no DUMPS, the dumps
    already in content/dumps/ are re-imported.
    """
    from .importer.run import KEPT, Options, run_import
    from .ingest.readers.fields import parse_mapping
    from .util.progress import Progress
    from .util.sitelock import SiteBusy

    config = _config(ctx)
    started = time.perf_counter()
    dry_run = dry_run or explain  # an explanation changes nothing
    try:
        mapping = parse_mapping(columns)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    fmt = "feed" if fmt in ("rss", "atom") else fmt
    try:
        report = run_import(
            config,
            list(dumps),
            Options(
                dry_run=dry_run, force=force, restore=restore, wait=not no_wait, format=fmt, columns=mapping
            ),
            progress=Progress.for_terminal(quiet=quiet),
            on_wait=lambda text: click.echo(text, err=True),
        )
    except ContentError as exc:
        _fail([exc.problem])
        return
    except SiteBusy as exc:
        _fail([Problem(config.content_dir, None, f"the site is busy: {exc.holder}; nothing was changed")])
        return
    _print_problems(report.problems, all_warnings=all_warnings)
    told = 0
    for c in report.changes:
        if c.action in KEPT:
            told += c.told
            if not (quiet or c.told):
                click.echo(f"content/{c.rel}: kept: {c.reason}", err=True)
        elif (dry_run or not quiet) and c.action in ("create", "update", "remove"):
            verb = {
                "create": "would create" if dry_run else "created",
                "update": "would update" if dry_run else "updated",
                "remove": "would remove" if dry_run else "removed",
            }[c.action]
            click.echo(f"{verb} content/{c.rel}")
    for name in report.replaced:
        verb = "would replace" if dry_run else "replaced"
        click.echo(f"{verb} content/dumps/{name} with the corrected copy of the same name", err=True)
    if told and not quiet:
        click.echo(
            f"{told} more page(s) kept as you left them, as reported before (--dry-run lists them all)",
            err=True,
        )
    if not quiet:
        for old, new in sorted(report.moved.items()):
            verb = "would move" if dry_run else "moved"
            click.echo(
                f"{verb} events/{old} into events/{new}: its old address leads there (data/moved.toml)"
            )
    if explain:
        for event in report.extraction.events:
            click.echo(f"\n{event.id}  [{event.when.label(config.lang_short)}]  {event.title}")
            for line in report.extraction.explain.get(event.id, []):
                click.echo(f"    {line}")
        if report.extraction.notes:
            click.echo("\nNot made into events:")
            for line in report.extraction.notes:
                click.echo(f"    {line}")
        click.echo("\n--explain changed nothing: run `sitegen import` without it to write the pages.")
    off = len(report.extraction.off_topic)
    warnings = sum(1 for p in report.problems if p.level == "warning")
    errors = sum(1 for p in report.problems if p.level == "error")
    click.echo(
        f"{'Dry run: ' if dry_run else ''}{report.records} records from {len(report.dumps)} dump(s)"
        f" -> {len(report.sources)} sources ({off} off-topic), {len(report.extraction.events)} events;"
        f" {report.count('create')} created, {report.count('update')} updated,"
        f" {report.count('remove')} removed, {report.count('unchanged')} unchanged,"
        f" {sum(report.count(a) for a in KEPT)} kept;"
        f" {report.skipped_records} skipped, {warnings} warnings"
        f"{f', {errors} error' + 's' * (errors > 1) if errors else ''} ({time.perf_counter() - started:.1f}s)"
    )
    if report.skipped_records:
        sys.exit(1)


@main.command()
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Output folder.  [default: <site>/public]",
)
@click.option(
    "--base-url",
    default=None,
    help="Public address of the site (e.g. https://example.org/timeline/); overrides site.toml.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems (no progress bar, no summary).")
@click.option(
    "--full", is_flag=True, help="Render every page again, even if the last build says nothing changed."
)
@click.option("--all-warnings", is_flag=True, help=ALL_WARNINGS_HELP)
@site_option
@click.pass_context
def build(
    ctx: click.Context, out: Path | None, base_url: str | None, quiet: bool, full: bool, all_warnings: bool
) -> None:
    """Render content/ into a static site (public/ by default).

    Only what changed since the last build is rendered again (see docs/performance.md).
    """
    from .builder import BuildError
    from .builder import build as run_build
    from .util.progress import Progress

    config = _config(ctx)
    if base_url and not is_site_address(base_url):
        raise click.BadParameter(
            "must be https://host/path/, http://host/path/ or a path starting with one /",
            param_hint="--base-url",
        )
    if not base_url and not config.base_url:
        base_url = deploy_base_url(dict(os.environ)) or None  # Netlify names the deploy's address
    from .util.sitelock import shared

    try:
        with shared(config.content_dir, on_wait=lambda text: click.echo(text, err=True)):
            result = run_build(
                config, out, base_url, progress=Progress.for_terminal(quiet=quiet), incremental=not full
            )
    except BuildError as exc:
        _fail(exc.problems)
        return
    _print_problems(result.warnings, all_warnings=all_warnings)
    if quiet:
        return
    skipped = ""
    if not (base_url or config.base_url).startswith(("http://", "https://")):
        skipped = "; skipped: sitemap.xml and canonical links, as no http(s) base_url is set"
    counts = f"{result.pages} pages ({result.events} events, {result.sources} sources{skipped})"
    if result.mode == "unchanged":
        click.echo(
            f"Nothing changed: {result.out} is up to date, no file written ({counts}, {result.seconds:.2f}s)"
        )
    elif result.mode == "incremental":
        click.echo(
            f"Updated {len(result.files)} files, removed {len(result.removed)} in {result.out}"
            f" ({counts}) in {result.seconds:.2f}s"
        )
    else:
        click.echo(f"Built {counts} into {result.out} in {result.seconds:.2f}s")


@main.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on. Anything but loopback (127.0.0.1, ::1, localhost) lets other machines "
    "read your drafts.",
)
@click.option(
    "--port",
    default=8000,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on; 0 picks a free one.",
)
@click.option(
    "--open", "open_browser", is_flag=True, help="Open the site in your web browser once it is built."
)
@site_option
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, open_browser: bool) -> None:
    """Preview the site while you edit: rebuild what changed and reload the browser.

    Builds into memory (public/ is left alone), serves it, and watches content/,
    templates/, static/ and the theme. Each save re-renders only the pages it
    affects; open pages reload themselves, stylesheets swap in place, and build
    errors show in the browser. A dump dropped into content/dumps/ is imported.
    Ctrl-C stops.
    """
    from .serve import serve as run_serve

    config = _config(ctx)
    try:
        run_serve(
            config.root,
            host,
            port,
            open_browser=open_browser,
            log=click.echo,
            warn=lambda text: click.echo(text, err=True),
        )
    except OSError as exc:
        _fail([Problem(f"{host}:{port}", None, f"cannot listen there: {exc.strerror or exc}")])
    click.echo("Stopped.")


@main.command()
@site_option
@click.pass_context
def check(ctx: click.Context) -> None:
    """Validate content: front matter, dates, references, quotes, duplicate ids."""
    from .content.load import load_site
    from .util.sitelock import shared

    config = _config(ctx)
    with shared(config.content_dir, on_wait=lambda text: click.echo(text, err=True)):
        site = load_site(config)
    _print_problems(site.problems)
    errors = len(site.errors)
    click.echo(
        f"{len(site.events)} events, {len(site.sources)} sources: {errors} errors, "
        f"{len(site.problems) - errors} warnings"
    )
    if errors:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
