"""Score a timeline against an editor's gold: does one happening become one entry?

A *gold file* (``tests/extract/gold/*.toml``) describes one dump as a careful editor reads it::

    title = "恒丰化工爆炸"                # what the story is
    dump = "content/dumps/x.txt"         # optional, from the repository root; default: the .txt beside
    language = "zh-CN"                   # the site language the dump is imported with
    off_topic = [4, 17]                  # record numbers (1 = first record of the dump)

    [[happening]]
    id = "blast"
    date = "2025-03-14"                  # at the precision the sources give: 2013 / 2025-03 /
                                         # 2025-03-14 / 2025-03-14T02:00; a range: "2013..2014"
    accept = ["2025-03-14..2025-03-15"]  # other dates a careful editor would also accept
    headline = "恒丰化工厂区凌晨爆炸"
    reports = [1, 2, 3, 7]               # records that report it: the entry should cite them all
    mentions = [9]                       # records that only allude to it: citing them is no error,
                                         # leaving them out costs nothing
    terms = ["爆炸", "blast"]            # optional: words one of which a quote about it contains

Record numbers count records in dump order, as `sitegen.ingest.dump.read_dump` finds them.

How entries are matched to happenings (one to one)
---------------------------------------------------
1. A citation (source *s*, quote *q*) of an entry **supports** happening *h* when *s* is one of
   *h*'s reports or mentions and either *h* has no ``terms``, or *q* contains one of them
   (case-insensitive, spaces between Chinese characters ignored), or *s* reports or mentions
   no other happening.  ``terms`` are what tell apart two happenings reported in the same
   articles (the same-day statement and summons).
2. The *support* of (entry, happening) is the number of distinct sources of the entry
   supporting it.  Pairs with support 0 are never matched.
3. Pairs are taken greedily: most support first, then the date agreeing (rule 5), then the
   happening's order in the gold file and the entry's date; each entry and each happening is
   taken at most once.  So an entry that merges two happenings matches only one of them (the
   other is *missing*), and a happening split in two entries matches only one (the other
   entry is *unmatched*): both are seen in precision and recall.
4. An entry's *best* happening is the one with most support (ties as in 3); "entries per
   happening" counts entries by their best happening, over happenings that are best of any.
5. A date **agrees** when the entry's period, widened outwards to whole units of the gold
   precision, is exactly the gold period or one of ``accept``: gold ``2026-01-07`` agrees with
   ``2026-01-07T20:00`` and with ``2026-01-07 evening``, not with ``2026-01`` nor with
   ``2026-01-06..2026-01-07``; gold ``2026-01`` agrees with ``2026-01-01..2026-01-08``.

The figures (`Score`)
---------------------
* precision / recall / F1: matched pairs over entries / over happenings.
* date_f1: the same with only the matched pairs whose date agrees counted.
* date_set_f1: the F1 of the timeline's dates as a set (timeline-summarisation Date-F1): an
  entry's date is right when it agrees with some happening's; a happening's date is found
  when some entry's agrees with it.
* source_recall: over matched happenings, the mean share of its ``reports`` that the matched
  entry cites (with a supporting quote); source_recall_min the worst one.
* citation_precision: over matched entries, the share of the distinct sources an entry cites
  whose citation supports its matched happening (rule 1: the source reports or mentions it,
  and the quote tells it apart from the other happenings the source tells).  Every other
  citation counts as wrong: a source the gold lists under other happenings only, a quote
  about another happening of a source that tells several, an on-topic record the gold lists
  under no happening (commentary), an off-topic record.  Unmatched entries are left out
  (they are what precision and entries per happening measure), so a second pass that cites
  more sources cannot hide wrong citations behind more right ones without this figure
  showing them: ``wrong_citations`` counts them, and the account lists them per entry.
* entries_per_happening: see 4.
* off-topic flags: precision and recall of the sources import marked ``on_topic: false``
  against the gold ``off_topic`` list; off_topic_entries: entries citing a gold off-topic record.
* same_day: pairs of happenings on the same day (both at day precision or finer) of which
  both are matched (and so have distinct entries), over all such pairs.
* bilingual: happenings reported in both Chinese and English whose matched entry cites a
  supporting source in each, over all such happenings.
* titles: entries whose title reads as a headline (`tests/gold_titles.py`, a rule table), and
  whose title and summary are in the site's language when the entry cites a source in it.

    python -m tests.extract.gold_score tests/extract/gold/seed.toml     # import into a temporary site, print all
    python -m tests.extract.gold_score --site DIR tests/extract/gold/seed.toml   # a site that imported the dump
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from .gold_titles import is_traditional, language_problems, title_problems

REPO = Path(__file__).resolve().parent.parent.parent
GOLD_DIR = Path(__file__).resolve().parent / "gold"
TZ = ZoneInfo("Asia/Shanghai")

UNITS = ("year", "month", "day", "hour", "minute")


class GoldError(ValueError):
    """A gold file that cannot be read; the message is ``file:line: error: ...``-like."""


# -- periods -----------------------------------------------------------------------
@dataclass(frozen=True)
class Period:
    """``[start, end)`` in local time (naive), at ``unit`` precision."""

    start: datetime
    end: datetime
    unit: str

    def label(self) -> str:
        last = self.end - timedelta(minutes=1)
        a, b = _fmt(self.start, self.unit), _fmt(floor(last, self.unit), self.unit)
        return a if a == b else f"{a}..{b}"


def _fmt(dt: datetime, unit: str) -> str:
    return {
        "year": f"{dt:%Y}",
        "month": f"{dt:%Y-%m}",
        "day": f"{dt:%Y-%m-%d}",
        "hour": f"{dt:%Y-%m-%dT%H}:00",
        "minute": f"{dt:%Y-%m-%dT%H:%M}",
    }[unit]


def floor(dt: datetime, unit: str) -> datetime:
    if unit == "year":
        return datetime(dt.year, 1, 1)
    if unit == "month":
        return datetime(dt.year, dt.month, 1)
    if unit == "day":
        return datetime(dt.year, dt.month, dt.day)
    if unit == "hour":
        return dt.replace(minute=0, second=0, microsecond=0)
    return dt.replace(second=0, microsecond=0)


def step(dt: datetime, unit: str) -> datetime:
    """The start of the next unit after the one starting at ``dt``."""
    if unit == "year":
        return dt.replace(year=dt.year + 1)
    if unit == "month":
        return dt.replace(year=dt.year + dt.month // 12, month=dt.month % 12 + 1)
    return dt + {"day": timedelta(days=1), "hour": timedelta(hours=1), "minute": timedelta(minutes=1)}[unit]


def widen(p: Period, unit: str) -> Period:
    """``p`` widened outwards to whole units of ``unit``."""
    end = floor(p.end, unit)
    if end < p.end:
        end = step(end, unit)
    return Period(floor(p.start, unit), end, unit)


_SPEC = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:T(\d{1,2})(?::(\d{2}))?)?)?)?$")


def parse_spec(text: str) -> Period:
    """``2013``, ``2026-01``, ``2026-01-07``, ``2026-01-07T20``/``T20:00``, or ``A..B`` (both ends
    at one precision, B inclusive)."""
    a, _, b = str(text).strip().partition("..")
    first, unit = _point(a)
    if b:
        last, unit_b = _point(b)
        if unit_b != unit:
            raise GoldError(f"range {text!r}: both ends must be written to the same precision")
        if last < first:
            raise GoldError(f"range {text!r} ends before it starts")
        return Period(first, step(last, unit), unit)
    return Period(first, step(first, unit), unit)


def _point(text: str) -> tuple[datetime, str]:
    m = _SPEC.match(text.strip())
    if not m:
        raise GoldError(
            f"cannot read date {text!r}: expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH[:MM]"
        )
    y, mo, d, h, mi = m.groups()
    unit = "minute" if mi else "hour" if h else "day" if d else "month" if mo else "year"
    return datetime(int(y), int(mo or 1), int(d or 1), int(h or 0), int(mi or 0)), unit


def agrees(entry: Period, golds: list[Period]) -> bool:
    """Rule 5 of the module docstring."""
    return any(widen(entry, g.unit) == g for g in golds)


# -- the gold ----------------------------------------------------------------------
@dataclass
class Happening:
    id: str
    dates: list[Period]  # the date, then the accepted alternatives
    headline: str
    reports: list[int]
    mentions: list[int] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

    @property
    def cited_by(self) -> set[int]:
        return set(self.reports) | set(self.mentions)

    @property
    def day(self) -> datetime | None:
        d = self.dates[0]
        return (
            d.start if d.unit in ("day", "hour", "minute") and d.end - d.start <= timedelta(days=1) else None
        )


@dataclass
class Gold:
    path: Path
    title: str
    dump: Path
    language: str
    happenings: list[Happening]
    off_topic: set[int]

    def others(self, h: Happening) -> set[int]:
        """Records that report or mention a happening besides ``h``."""
        return {r for g in self.happenings if g is not h for r in g.cited_by}


def load_gold(path: Path) -> Gold:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise GoldError(f"{path}: error: not valid TOML: {exc}") from None
    dump = REPO / data["dump"] if "dump" in data else path.with_suffix(".txt")
    happenings = []
    seen: set[str] = set()
    for i, h in enumerate(data.get("happening", []), 1):
        where = f"{path}: happening {i} ({h.get('id', '?')})"
        try:
            dates = [parse_spec(h["date"]), *(parse_spec(a) for a in h.get("accept", []))]
        except (GoldError, KeyError) as exc:
            raise GoldError(f"{where}: error: {exc}") from None
        if not h.get("reports"):
            raise GoldError(f"{where}: error: expected reports = [record numbers]")
        if h["id"] in seen:
            raise GoldError(f"{where}: error: id used twice")
        seen.add(h["id"])
        happenings.append(
            Happening(
                h["id"],
                dates,
                h.get("headline", ""),
                list(h["reports"]),
                list(h.get("mentions", [])),
                [t.lower() for t in h.get("terms", [])],
            )
        )
    return Gold(
        path,
        data.get("title", path.stem),
        dump,
        data.get("language", "zh-CN"),
        happenings,
        set(data.get("off_topic", [])),
    )


# -- what the pipeline produced ------------------------------------------------------
@dataclass
class Entry:
    id: str
    title: str
    period: Period
    cites: list[tuple[int, str]]  # (record number, quote)
    summary: str = ""


@dataclass
class Produced:
    entries: list[Entry]
    flagged: set[int]  # records import marked off topic
    langs: dict[int, str]  # record number -> "zh" | "en" (by the record's own text)
    headlines: dict[int, str] = field(default_factory=dict)
    traditional: set[int] = field(default_factory=set)  # records written in Traditional characters


def record_lang(text: str) -> str:
    cjk = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-z]", text))
    return "zh" if cjk * 3 >= latin else "en"


def import_gold(gold: Gold, root: Path) -> Produced:
    """Import ``gold.dump`` into a new site at ``root`` with sitegen's real importer; read the pages."""
    from sitegen.config import load_config
    from sitegen.importer.run import run_import

    (root / "content").mkdir(parents=True)
    (root / "content" / "site.toml").write_text(
        f"title = {json.dumps(gold.title, ensure_ascii=False)}\n"
        f'language = {json.dumps(gold.language)}\ntimezone = "Asia/Shanghai"\n',
        encoding="utf-8",
    )
    run_import(load_config(root), [gold.dump])
    return read_site(gold, root)


def read_site(gold: Gold, root: Path) -> Produced:
    """What the site at ``root`` holds (its event and source pages), in the gold's record numbers."""
    from sitegen.config import load_config
    from sitegen.content.load import load_site
    from sitegen.ingest.dump import read_dump

    config = load_config(root)
    site = load_site(config)
    records = read_dump(gold.dump, config.tz).records
    number = {f"{gold.dump.name}:{r.line}": i for i, r in enumerate(records, 1)}
    by_source = {sid: number[s.dump] for sid, s in site.sources.items() if s.dump in number}
    entries = []
    for e in site.events.values():
        start = e.when.start.astimezone(config.tz).replace(tzinfo=None)
        end = e.when.period_end().astimezone(config.tz).replace(tzinfo=None)
        unit = {"part-of-day": "hour"}.get(e.when.precision, e.when.precision)
        cites = [(by_source[c.source], c.quote) for c in e.sources if c.source in by_source]
        entries.append(Entry(e.id, e.title, Period(start, end, unit), cites, e.summary))
    entries.sort(key=lambda x: (x.period.start, x.id))
    flagged = {by_source[sid] for sid, s in site.sources.items() if not s.on_topic and sid in by_source}
    langs = {i: record_lang(r.title + " " + r.body) for i, r in enumerate(records, 1)}
    hant = {i for i, r in enumerate(records, 1) if is_traditional(r.title + " " + r.body)}
    return Produced(entries, flagged, langs, {i: r.title for i, r in enumerate(records, 1)}, hant)


# -- scoring ---------------------------------------------------------------------------
@dataclass
class Score:
    name: str
    entries: int
    happenings: int
    matched: int
    precision: float
    recall: float
    f1: float
    date_f1: float
    date_set_f1: float
    source_recall: float
    source_recall_min: float
    citation_precision: float
    wrong_citations: int
    entries_per_happening: float
    offtopic_precision: float
    offtopic_recall: float
    offtopic_entries: int
    same_day: tuple[int, int]
    bilingual: tuple[int, int]
    titles: tuple[int, int]
    pairs: list[tuple[str, str, int, bool]] = field(
        default_factory=list
    )  # entry, happening, support, date ok
    unmatched: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    title_failures: list[tuple[str, list[str]]] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # a readable account of every entry


def f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def norm(text: str) -> str:
    """Lower case, and no stray spaces between Chinese characters (dumps have them)."""
    return re.sub(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])", "", text.lower())


def support(entry: Entry, h: Happening, gold: Gold) -> set[int]:
    """Sources of ``entry`` whose citation supports ``h`` (rule 1)."""
    others = gold.others(h)
    found = set()
    for rec, quote in entry.cites:
        if rec not in h.cited_by:
            continue
        q = norm(quote)
        if not h.terms or rec not in others or any(t in q for t in h.terms):
            found.add(rec)
    return found


def entry_problems(e: Entry, gold: Gold, produced: Produced) -> list[str]:
    """The title checks (`gold_titles`), and whether title and summary are in the site's
    language when the entry cites a source in it."""
    cited = {produced.langs.get(rec, "") for rec, _ in e.cites}
    cited |= {"zh-hans" for rec, _ in e.cites if produced.langs.get(rec) == "zh" and rec not in produced.traditional}
    return title_problems(e.title) + language_problems(e.title, e.summary, gold.language[:2], cited)


def score(gold: Gold, produced: Produced, name: str = "") -> Score:
    entries, hs = produced.entries, gold.happenings
    sup = {(i, j): support(e, h, gold) for i, e in enumerate(entries) for j, h in enumerate(hs)}
    ok = {(i, j): agrees(e.period, h.dates) for i, e in enumerate(entries) for j, h in enumerate(hs)}

    def rank(k: tuple[int, int]) -> tuple:
        i, j = k
        return (-len(sup[k]), not ok[k], j, entries[i].period.start, entries[i].id)

    pairs = sorted((k for k in sup if sup[k]), key=rank)
    match: dict[int, int] = {}  # happening -> entry
    used: set[int] = set()
    for i, j in pairs:
        if j not in match and i not in used:
            match[j] = i
            used.add(i)
    n_e, n_h, n_m = len(entries), len(hs), len(match)
    p = n_m / n_e if n_e else 0.0
    r = n_m / n_h if n_h else 0.0
    n_d = sum(ok[(i, j)] for j, i in match.items())
    dp, dr = (n_d / n_e if n_e else 0.0), (n_d / n_h if n_h else 0.0)

    entry_dates = {e.period for e in entries}
    right = sum(any(agrees(d, h.dates) for h in hs) for d in entry_dates)
    found = sum(any(agrees(e.period, h.dates) for e in entries) for h in hs)
    dsp = right / len(entry_dates) if entry_dates else 0.0
    dsr = found / n_h if n_h else 0.0

    recalls = [len(sup[(i, j)] & set(hs[j].reports)) / len(hs[j].reports) for j, i in match.items()]
    wrong = {j: sorted({rec for rec, _ in entries[i].cites} - sup[(i, j)]) for j, i in match.items()}
    n_cited = sum(len({rec for rec, _ in entries[i].cites}) for i in match.values())
    n_wrong = sum(len(w) for w in wrong.values())
    best: dict[int, int] = {}
    for i in range(n_e):
        cands = [k for k in pairs if k[0] == i]
        if cands:
            best[i] = min(cands, key=rank)[1]
    eph = len(best) / len(set(best.values())) if best else 0.0

    flagged, off = produced.flagged, gold.off_topic
    op = len(flagged & off) / len(flagged) if flagged else (1.0 if not off else 0.0)
    orc = len(flagged & off) / len(off) if off else 1.0
    off_entries = sum(any(rec in off for rec, _ in e.cites) for e in entries)

    same_day = [
        (a, b)
        for a in range(n_h)
        for b in range(a + 1, n_h)
        if hs[a].day is not None and hs[a].day == hs[b].day
    ]
    apart = sum(a in match and b in match for a, b in same_day)
    both = [j for j, h in enumerate(hs) if {produced.langs.get(x) for x in h.reports} >= {"zh", "en"}]
    merged = sum(
        j in match and {produced.langs.get(x) for x in sup[(match[j], j)]} >= {"zh", "en"} for j in both
    )
    failures = [(e.title, entry_problems(e, gold, produced)) for e in entries]
    failures = [(t, why) for t, why in failures if why]

    lines = []
    for i, e in enumerate(entries):
        j = next((j for j, x in match.items() if x == i), None)
        tag = (
            f"= {hs[j].id} ({len(sup[(i, j)])} src, date {'ok' if ok[(i, j)] else 'WRONG'})"
            if j is not None
            else ("~ split/extra of " + hs[best[i]].id if i in best else "x no happening")
        )
        lines.append(
            f"{e.period.label():<22} {e.title[:60]}  [{','.join(str(c) for c, _ in e.cites)}]  {tag}"
        )
    for j, h in enumerate(hs):
        if j not in match:
            lines.append(f"MISSING {h.id} {h.dates[0].label()} {h.headline}")
        elif set(h.reports) - sup[(match[j], j)]:
            left = sorted(set(h.reports) - sup[(match[j], j)])
            lines.append(f"    {h.id}: reports not cited (with a supporting quote): {left}")
        if j in match and wrong[j]:
            lines.append(f"    {h.id}: cited without supporting it (wrong citations): {wrong[j]}")

    return Score(
        name=name or gold.path.stem,
        entries=n_e,
        happenings=n_h,
        matched=n_m,
        precision=p,
        recall=r,
        f1=f1(p, r),
        date_f1=f1(dp, dr),
        date_set_f1=f1(dsp, dsr),
        source_recall=sum(recalls) / len(recalls) if recalls else 0.0,
        source_recall_min=min(recalls) if recalls else 0.0,
        citation_precision=(n_cited - n_wrong) / n_cited if n_cited else 1.0,
        wrong_citations=n_wrong,
        entries_per_happening=eph,
        offtopic_precision=op,
        offtopic_recall=orc,
        offtopic_entries=off_entries,
        same_day=(apart, len(same_day)),
        bilingual=(merged, len(both)),
        titles=(n_e - len(failures), n_e),
        pairs=[(entries[i].id, hs[j].id, len(sup[(i, j)]), ok[(i, j)]) for j, i in sorted(match.items())],
        unmatched=[entries[i].id for i in range(n_e) if i not in used],
        missing=[hs[j].id for j in range(n_h) if j not in match],
        title_failures=failures,
        lines=lines,
    )


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.toml"))


def run(path: Path) -> tuple[Gold, Produced, Score]:
    """Import the gold file's dump into a temporary site and score what it produced."""
    gold = load_gold(path)
    with tempfile.TemporaryDirectory(prefix="gold-") as tmp:
        produced = import_gold(gold, Path(tmp) / "site")
    return gold, produced, score(gold, produced)


def summary(s: Score) -> str:
    return (
        f"{s.name}: {s.entries} entries / {s.happenings} happenings, {s.matched} matched; "
        f"P {s.precision:.2f} R {s.recall:.2f} F1 {s.f1:.2f}; Date-F1 {s.date_f1:.2f} "
        f"(date set {s.date_set_f1:.2f}); source recall {s.source_recall:.2f} (min {s.source_recall_min:.2f}); "
        f"citation precision {s.citation_precision:.2f} ({s.wrong_citations} wrong); "
        f"entries/happening {s.entries_per_happening:.2f}; off-topic P {s.offtopic_precision:.2f} "
        f"R {s.offtopic_recall:.2f}, entries from off-topic {s.offtopic_entries}; same-day apart "
        f"{s.same_day[0]}/{s.same_day[1]}; zh+en merged {s.bilingual[0]}/{s.bilingual[1]}; "
        f"titles ok {s.titles[0]}/{s.titles[1]}"
    )


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.extract.gold_score", description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: tests/extract/gold/*.toml)")
    ap.add_argument(
        "--site", type=Path, help="score this site as it is (its dump already imported), not a new import"
    )
    args = ap.parse_args(argv)
    paths = args.gold or gold_files()
    if args.site and len(paths) != 1:
        ap.error("--site scores one gold file")
    for path in paths:
        if args.site:
            gold = load_gold(path)
            s = score(gold, read_site(gold, args.site))
        else:
            _, _, s = run(path)
        print(summary(s))
        for line in s.lines:
            print("   ", line)
        for title, why in s.title_failures:
            print(f"    title {title[:50]!r}: {', '.join(why)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
