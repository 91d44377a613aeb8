"""Agreement with independent tables of time expressions (``time_table.tsv``, ``_b``, ``_c``, ``_d``).

The table was written by hand from the calendar and from how news writes dates, never by
running the resolver; it holds Chinese and English expressions (about 60/40) with a reference
time and the interval a careful reader gives each, or ``none`` when the words are not a date.
A case agrees when a mention overlapping the expression resolves to exactly one of the expected
intervals (the same start and end: a date neither coarser nor finer than written), or, for
``none``, when no mention overlapping it is dated (and, where the ``value`` column gives the
date a plan or a day still to come names, when a mention's ``value`` is that date).

Each table has its list of ids that do not agree yet (``time_table_known.txt``,
``time_table_b_known.txt``); the test fails both when another case stops agreeing and when a
listed one starts to (so the list stays true), and it holds agreement at or above the table's
floor.  ``time_table_b.tsv`` was written later by someone who had read neither the resolver nor
the first table's rows; its first run (zh 146/151, en 89/96) is the held-out figure.
``time_table_c.tsv`` (past references as news gives them, around publication and a year's end)
was written the same way by a third hand; its first run (zh 116/119, en 92/101) is its held-out
figure.  Its twelve disagreements were then fixed by general rules (China's holidays named in
English, "overnight", "between July 13 and 15", "Monday … last week", a yearly show named by its
date, recency words that count nothing dating nothing): zh 119/119, en 101/101, floor just under.
``time_table_d.tsv`` (past reports, 2022-2026, publications late at night and just after
midnight, festivals, parts of a month, anchored counts, and words that are not dates) came from a
fourth hand the same way; its first run (253 rows: zh 135/137, en 112/116, with one English
row then found ambiguous and given both readings) and that of a second batch written before it
ran (45 rows: zh 24/24, en 19/21) are its held-out figures (together zh 159/161, en 132/137).
Its seven disagreements were then fixed by general rules (the solar terms with a word of their
day, 冬至当天, and the solstices; a shopping festival's name alone, 双11, dating nothing; "from
a year earlier" and "year-on-year" comparison bases; a Chinese holiday's night in English;
"July last year"; "just before midnight"; Boxing Day): zh 161/161, en 137/137, floor just under.
``time_table_e.tsv`` (past reports in simplified and Taiwan / Hong Kong Chinese and US / UK
English, parts of a month and a year, quarters, lunar days, named time zones, year boundaries,
and words that are not dates) came from a fifth hand the same way; its first run (339 rows:
zh 172/184, en 148/155) is its held-out figure.  Six golds were then found too narrow and widened
(年底 also November-December; "a year ago" also the year), and its disagreements fixed by general
rules (Taiwan's 昨（4）日, 刚刚过去的周末, 每年春节 as a habit, "the previous evening", a holiday's
night in English, Veterans Day and the UK's saints' days, "11.30pm on Wednesday 31 December"):
zh 182/184, en 155/155, two left as known (a bare 初六, "since late July").
``time_table_f.tsv`` (ranges and their night-to-small-hours ends, parts of a month, a year and a
quarter, fiscal years, weeks before last and after next, publications in the small hours, named
time zones, lunar days and US / UK holidays, traditional script and full-width digits,
abbreviated years, British ordinals, plans still to come, and many words that are not dates)
came from a sixth hand the same way; its first run (389 rows: zh 199/214, en 133/175) is its
held-out figure.  Its disagreements were then fixed by general rules (a holiday's words in
quotation marks, “五一”假期; 三季度末 / 上半年末; Taiwan's 今年第三季; 11月最后一周; a habit's hour;
大后天, 下下周; "the July-September quarter", "the final quarter", "the first half of the year";
"the Monday before last", "Tuesday the 2nd", "this coming Friday"; the small hours of a day or a
holiday, a clock on a holiday, "shortly after midnight", "GMT+8"; a holiday's long weekend;
Easter's movable days, April Fools' Day, Juneteenth, the Fourth of July; "every Saturday
morning"; "the spring of '24"; "the last day of March"; "This time last year"; "next quarter"):
zh 210/214, en 163/175, sixteen left as known (nights running into the small hours, fiscal years, "late on
Tuesday" kept at the day for the gold dumps' sake, and others; each says why).
``time_table_g.tsv`` (other date layouts: 2025/12/3, 2025.12.03, 3-Dec-2025, "Dec 3rd", ISO
timestamps; datelines; weeks, months and years counted back, "a week ago Tuesday", "two weekends
ago"; 零点, 24时, "midnight Sunday", "shortly before dawn"; 春运, 两会, 高考, 3·15晚会, Black Friday,
Labor Day weekend; "since" and "until"; and words that are not dates: codes, prices, scores,
recurrences, anaphora, plans, conditional and counterfactual dates) came from a seventh hand the
same way; its first run (407 rows: zh 214/230, en 152/177) is its held-out figure.  Three golds
were then widened by a calendar argument (a past event "this week", "earlier this year", 本月初
said on the 5th is also the part up to publication), and its disagreements fixed by general
rules (3-Dec-2025; "the week of Nov. 17"; "a week ago Tuesday"; "two weekends ago"; "the day
before Thanksgiving", "the week after Christmas" (which also fixed time_table_f's "the week before
Thanksgiving"); "Christmas morning"; "before dawn on Thursday"; "Just after midnight" and "the
stroke of midnight" without "at"; "every other Tuesday"; "beat forecasts" not a plan; a
counterfactual "Had the storm hit on Tuesday"; a plan's bare weekday or yearly day is the coming
one; 春运 as its forty days; 618当天; 今年高考; 上半月 / 下半月): zh 219/230, en 172/177, sixteen left
as known (each says why).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta

from sitegen.core.dates import PARTS_OF_DAY
from sitegen.extract.temporal.find import TimeMention, find_times

HERE = Path(__file__).parent
SHANGHAI = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Table:
    name: str
    floor: dict[str, float]
    """Share of cases that agree, per language (raise it as the resolver improves)."""

    @property
    def path(self) -> Path:
        return HERE / f"{self.name}.tsv"

    @property
    def known(self) -> Path:
        return HERE / f"{self.name}_known.txt"


TABLES = [
    Table("time_table", {"zh": 0.985, "en": 0.99}),
    Table("time_table_b", {"zh": 0.99, "en": 0.99}),
    Table("time_table_c", {"zh": 0.99, "en": 0.99}),
    Table("time_table_d", {"zh": 0.99, "en": 0.99}),
    Table("time_table_e", {"zh": 0.985, "en": 0.99}),
    Table("time_table_f", {"zh": 0.98, "en": 0.93}),
    Table("time_table_g", {"zh": 0.95, "en": 0.97}),
]

Interval = tuple[datetime, datetime]


def load(table: Path) -> list[dict[str, str]]:
    with table.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def known_failures(known: Path) -> set[str]:
    lines = known.read_text(encoding="utf-8").splitlines()
    return {line.split("#")[0].strip() for line in lines if line.split("#")[0].strip()}


def _unit(text: str) -> Interval:
    """One written value (``2025``, ``2025-11``, ``2025-11-28``, ``2025-11-28 evening``,
    ``2025-11-28T20``, ``2025-11-28T20:30``) as its [start, end) interval."""
    if " " in text:
        day, part = text.split(" ")
        first, end_hour, _, _ = PARTS_OF_DAY[part]
        d = datetime.fromisoformat(day).replace(tzinfo=SHANGHAI)
        return d + timedelta(hours=first), d + timedelta(hours=end_hour)
    if "T" in text:
        day, clock = text.split("T")
        if ":" in clock:
            start = datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=SHANGHAI)
            return start, start + timedelta(minutes=1)
        start = datetime.fromisoformat(f"{day}T{clock}:00").replace(tzinfo=SHANGHAI)
        return start, start + timedelta(hours=1)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        start = datetime(parts[0], 1, 1, tzinfo=SHANGHAI)
        return start, start + relativedelta(years=1)
    if len(parts) == 2:
        start = datetime(parts[0], parts[1], 1, tzinfo=SHANGHAI)
        return start, start + relativedelta(months=1)
    start = datetime(parts[0], parts[1], parts[2], tzinfo=SHANGHAI)
    return start, start + timedelta(days=1)


def intervals(expect: str) -> list[Interval] | None:
    """The alternatives of an ``expect`` cell; None for ``none``."""
    if expect == "none":
        return None
    found = []
    for alternative in expect.split("|"):
        first, _, last = alternative.partition("/")
        found.append((_unit(first)[0], _unit(last or first)[1]))
    return found


def span(m: TimeMention) -> Interval:
    assert m.when is not None
    return m.when.start.astimezone(SHANGHAI), m.when.period_end().astimezone(SHANGHAI)


def value_span(m: TimeMention) -> Interval:
    assert m.value is not None
    return m.value.start.astimezone(SHANGHAI), m.value.period_end().astimezone(SHANGHAI)


def agrees(row: dict[str, str]) -> tuple[bool, str]:
    text = row["text"]
    at = text.index(row["match"])
    mentions = find_times(
        text, datetime.fromisoformat(row["published"]).replace(tzinfo=SHANGHAI), lang=row["lang"]
    )
    over = [m for m in mentions if m.start < at + len(row["match"]) and at < m.end]
    got = (
        "; ".join(f"{m.text!r} {m.when and m.when.to_fields()} ({m.explanation})" for m in over) or "nothing"
    )
    wanted = intervals(row["expect"])
    if wanted is None:
        named = intervals(row.get("value") or "none")  # a plan still names a date
        if named is not None and not any(m.value is not None and value_span(m) in named for m in over):
            return False, got + f"; value {[m.value and m.value.to_fields() for m in over]}"
        return all(m.when is None for m in over), got
    return any(m.when is not None and span(m) in wanted for m in over), got


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_table_is_big_enough_and_well_formed(table: Table) -> None:
    rows = load(table.path)
    assert len(rows) >= 150
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["lang"] in ("zh", "en") and r["match"] in r["text"], r["id"]
        intervals(r["expect"])  # every cell reads
        assert not r.get("value") or r["expect"] == "none", r["id"]
        intervals(r.get("value") or "none")
    zh = sum(r["lang"] == "zh" for r in rows) / len(rows)
    assert 0.5 <= zh <= 0.7
    assert known_failures(table.known) <= {r["id"] for r in rows}


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_agreement_with_the_independent_table(table: Table) -> None:
    rows = load(table.path)
    known = known_failures(table.known)
    failing, fixed, score = [], [], {"zh": [0, 0], "en": [0, 0]}
    for row in rows:
        ok, got = agrees(row)
        score[row["lang"]][0] += ok
        score[row["lang"]][1] += 1
        if not ok and row["id"] not in known:
            failing.append(f"{row['id']}: {row['match']!r} expected {row['expect']}, got {got}")
        if ok and row["id"] in known:
            fixed.append(row["id"])
    assert not failing, "newly disagreeing:\n" + "\n".join(failing)
    assert not fixed, f"agree now, take them off {table.known.name}: {fixed}"
    for lang, (ok, n) in score.items():
        assert ok / n >= table.floor[lang], f"{lang}: {ok}/{n}"
