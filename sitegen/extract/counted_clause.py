"""A closing clause counted from another happening ("…, hours after the rocket broke apart") is
left out of the quote of the happening the sentence tells.

"China's space agency suspended the company's launch licence late on Tuesday, hours after its
rocket broke apart over a village": the sentence tells the suspension, dated by its own clause;
the closing clause says when that was by another happening, told in passing.  Quoted whole, the
sentence carries the other happening's names and words (the rocket, the village) and agrees with
its event better than with its own.  So a dated quote that ends on such a clause (set off by a
comma, opening with a count of hours and "after" / "before"), its date standing
before it, is cut before the comma: the clause may still be cited for the other happening by the
second citing pass, which reads every clause of an article (`recall`).  Only a clause naming no
action the table knows (`actions`: "broke apart" is none): one that names its action ("hours after
the authorities fined it") is told apart by the actions' votes already, and cutting it there lost
crunch_walkout's back pay (agreed "hours after" the fine) into the fine's entry.
"""

from __future__ import annotations

import re
from typing import Any

from .actions import actions
from .passages import Span

_COUNTED = re.compile(
    r",\s+(?:(?:just|only|barely|some|about|nearly|less than|more than)\s+)?"
    r"(?:hours|minutes|an? hour|one hour|(?:two|three|four|five|six|several|a few) hours)"
    r"\s+(?:after|before)\s",
    re.IGNORECASE,
)
"""a count of hours: the other happening is of the same day, where its names and words would bind
the quote to that day's other event (a count of days dates it apart already, and the clause tells
which happening it follows: "stepped down on Monday, four days after the company blamed a valve")"""


def without_counted_clause(text: str, span: Span, m: Any) -> Span:
    """``span`` cut before a closing clause counted from another happening, when its date ``m``
    stands before that clause (else ``span`` as it is)."""
    hit = _COUNTED.search(text, span.start, span.end)
    if hit is None or m is None or getattr(m, "end", span.end) > hit.start():
        return span
    if actions().of(text[hit.start() : span.end]):
        return span  # the clause names its action: the actions' votes tell the two apart
    return Span(span.start, hit.start())
