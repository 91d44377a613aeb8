"""Two happenings told in one sentence: one candidate per action its clauses tell.

A report often packs two happenings of one day into one sentence, clause after clause:
"昨日，X宣布12款产品延期兑付，母公司Y股价应声跌停。" tells a default and a limit-down;
"Y shares fell by the limit on Monday after its unit, X, said it had missed payments"
tells the same two.  Quoted whole, such a sentence names both actions, so it agrees with
either event and binds them into one entry (the sentence's words and its actions match
both), and whichever event it joins, the other loses its source.

So a dated stretch of a sentence is cut where a clause names actions (`actions`) all
*different* from those the clauses before it name, when one of the two sides is an action
the table marks ``own_clause`` (a market's fall: told beside its cause, never part of it).
Each run of clauses becomes its own telling, dated as the sentence is; only the run holding
the date may start an event, the others join one (they are clauses of one sentence, which
`identity` already counts against their being one happening).  A clause naming no action
(the date, the subject, "涉及本金约86亿元") stays with the run before it.  A pair of actions the table
marks ``apart_from`` (a halt beside an apology) is cut so too, and also inside a clause, before a
word joining two verbs of one subject (`coordinators`: "道歉并停职", "apologised to staff and
suspended the producer"); a clause cut there keeps its date in the run before.  Other pairs of actions
are left whole: measured on the gold dumps, cutting at every change of action ("经核查，试题
泄露，成绩作废"; "致歉，并宣布补偿") took the words that tie a report to its event from its
quote and split happenings told as one (nine dumps fell, one kept two days apart no longer).
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from itertools import pairwise

from ..core.sitedata import PACKAGE_DATA
from .actions import Actions, actions
from .passages import Span, clauses


def tellings(text: str, span: Span) -> list[Span]:
    """``span`` cut into runs of clauses, a new run at each clause naming only new actions."""
    table = actions()
    parts = [piece for part in clauses(text, span) for piece in _joined(text, part, table)]
    if len(parts) < 2:
        return [span]
    runs: list[Span] = []
    start, told = span.start, frozenset()
    for part in parts:
        acts = table.of(part.of(text))
        joined = _coordinators()[0].match(part.of(text)) is not None
        if acts and told and not acts & told and table.told_apart(acts, told, joined):
            runs.append(Span(start, _before(text, part.start, start)))
            start, told = part.start, acts
        else:
            told |= acts
    runs.append(Span(start, span.end))
    return runs


@cache
def _coordinators() -> tuple[re.Pattern[str], int, int]:
    doc = tomllib.loads((PACKAGE_DATA / "coordinators.toml").read_text(encoding="utf-8"))
    zh = "|".join(re.escape(w) for w in sorted(doc["zh"], key=len, reverse=True))
    en = "|".join(re.escape(w) for w in sorted(doc["en"], key=len, reverse=True))
    not_before = "".join(re.escape(c) for c in doc["zh_not_before"])
    pattern = re.compile(rf"(?:{zh})(?![{not_before}])|(?<![\w-])(?:{en})(?![\w-])", re.IGNORECASE)
    return pattern, doc["zh_reach"], doc["en_reach"]


def _joined(text: str, part: Span, table: Actions) -> list[Span]:
    """``part`` cut before each word joining a verb to the one before it (`coordinators`): only
    where an action word follows the joining word closely and one comes before it."""
    pattern, zh_reach, en_reach = _coordinators()
    chunk = part.of(text)
    cuts = []
    for m in pattern.finditer(chunk):
        if table.first(chunk[: m.start()]) is None:
            continue
        after = chunk[m.end() :]
        at = table.first(after)
        if at is None:
            continue
        gap = after[:at]
        if m.group(0).isascii() and len(gap.split()) > en_reach:
            continue
        if not m.group(0).isascii() and len(gap.strip()) > zh_reach:
            continue
        cuts.append(part.start + m.start())
    bounds = [part.start, *cuts, part.end]
    return [Span(a, _before(text, b, a) if b != part.end else b) for a, b in pairwise(bounds)]


def _before(text: str, at: int, start: int) -> int:
    """The end of the run that stops at ``at`` (its separating comma and spaces left out)."""
    end = at
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",，、;；"):
        end -= 1
    return end


def split_pairs(text: str, pairs: list) -> list:
    """Each (date mention, quote span) as (mention, telling, holds the date) per telling of the
    span (`tellings`): a telling that does not hold its date may join an event, never start one."""
    out = []
    for m, span in pairs:
        parts = tellings(text, span)
        out += [(m, part, len(parts) == 1 or part.start <= m.start < part.end) for part in parts]
    return out
