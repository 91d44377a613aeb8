"""A last clause that only says who told what the clause before it tells, and when.

"The review found that the contractor misconfigured the server in April, Chief Technology
Officer Jane Roe told reporters on Tuesday." has two dated clauses; `candidates` quotes one
per dated clause, so the second's quote was "Chief Technology Officer Jane Roe told reporters
on Tuesday" — a telling of nothing, founding an entry of its own.  A last clause made only of
a speaker's capitalised name or title, a reporting verb (`headline.toml` ``reporting``), at most
its listeners and its date is the telling of the clause before: its quote runs from that
clause, so it tells what was said, on the day it was said (the earlier clause keeps its own date
for what it tells).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .headline import headline_words

_LISTENERS = ("reporters", "journalists", "analysts", "investors", "lawmakers", "the press")


@lru_cache(maxsize=1)
def _tail() -> re.Pattern[str]:
    verbs = "|".join(sorted(headline_words().en["reporting"], key=len, reverse=True))
    listeners = "|".join(_LISTENERS)
    return re.compile(
        rf"^(?:(?:the|a|an|its|of|and)\s+|[A-Z][\w'’.-]*\s+){{1,8}}(?:{verbs})"
        rf"(?:\s+(?:{listeners}))?\s*(?:\bon\b|\bin\b|\bat\b)?\s*$"
    )


def attribution_tail(clause: str, date: str) -> bool:
    """Is ``clause`` (holding the date ``date``) only a speaker, a reporting verb, its listeners
    and that date ("Chief Technology Officer Jane Roe told reporters on Tuesday.")?"""
    rest = clause.replace(date, " ", 1).strip().rstrip(".").strip()
    return bool(rest) and _tail().match(rest + " ") is not None
