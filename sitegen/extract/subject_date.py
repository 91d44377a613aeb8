"""A date that names the sentence's subject ("Last Thursday's return to flight ends a bruising
winter: …, staff laid off in January"): the happening the sentence is about.

A date that only names a thing gives way to another date of its sentence ("declared Saturday's
paper void on Sunday": Sunday dates the declaring).  Not when it opens the sentence and the other
dates are in clauses of their own: the subject it names is what the sentence tells, the later
clauses (a list after a colon, an aside) tell other things, each with its own date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .background import background_rule
from .passages import Span

_OPENER = re.compile(r"^\W*(?:(?:the|last|this|next|past)\s+)?\S*\s*$", re.I)
"""what may stand before an opening date in its sentence ("Last Thursday's", "The Nov. 18 …")"""


def opens_as_subject(text: str, sentence: Span, m: Any, parts: Sequence[Span], verbal: Sequence[Any]) -> bool:
    """Does the naming date ``m`` open ``sentence`` as a possessive subject, with every other
    (``verbal``) date in another clause of ``parts``?"""
    if background_rule(text, m) != "en-possessive":
        return False
    if not _OPENER.match(text[sentence.start : m.start]) or len(text[sentence.start : m.start]) > 12:
        return False
    own = next((c for c in parts if c.start <= m.start < c.end), None)
    return own is not None and not any(own.start <= v.start < own.end for v in verbal)
