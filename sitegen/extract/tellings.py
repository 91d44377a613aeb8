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
(the date, the subject, "涉及本金约86亿元") stays with the run before it.  Other pairs of actions
are left whole: measured on the gold dumps, cutting at every change of action ("经核查，试题
泄露，成绩作废"; "致歉，并宣布补偿") took the words that tie a report to its event from its
quote and split happenings told as one (nine dumps fell, one kept two days apart no longer).
"""

from __future__ import annotations

from .actions import actions
from .passages import Span, clauses


def tellings(text: str, span: Span) -> list[Span]:
    """``span`` cut into runs of clauses, a new run at each clause naming only new actions."""
    parts = clauses(text, span)
    if len(parts) < 2:
        return [span]
    table = actions()
    runs: list[Span] = []
    start, told = span.start, frozenset()
    for part in parts:
        acts = table.of(part.of(text))
        if acts and told and not acts & told and (acts | told) & table.own_clause:
            runs.append(Span(start, _before(text, part.start, start)))
            start, told = part.start, acts
        else:
            told |= acts
    runs.append(Span(start, span.end))
    return runs


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
