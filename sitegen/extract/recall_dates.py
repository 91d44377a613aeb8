"""When a unit's dates agree with an event's, for the second citing pass (`recall`).

A unit reports an event only if its own dates overlap the event's (`date_agrees`); an undated
unit, or one whose dates all sit in later subordinate clauses that tell something else
(`subordinate`: "…, after police detained four on Monday"), reports only what came before its
article.  `same_day` asks the stronger thing a day-dated event allows: the one day named.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import TYPE_CHECKING

from .merge import Cluster
from .passages import Span
from .periods import one_day

if TYPE_CHECKING:
    from .recall import Unit

SUBORDINATE = re.compile(r"(?:where|which|who|whose|when|after|before|since|while|following)\b", re.I)
"""A clause opening so, after the main one, tells something of its own ("…set up a fund for
farmers downstream of its plant, where a tank leaked on Oct. 14"): its date is not the main
clause's (Chinese puts such clauses first, where they date what follows)."""


def date_agrees(u: Unit, cl: Cluster, published: datetime) -> bool:
    """A unit's own date must overlap the event's; an undated one reports only what came before."""
    if cl.lo is None or cl.hi is None:
        return False
    if on_its_dates(u, cl):
        return True
    return (u.free or not u.periods) and cl.lo <= published


def on_its_dates(u: Unit, cl: Cluster) -> bool:
    """Does one of the unit's own periods overlap the event's?"""
    return cl.lo is not None and cl.hi is not None and any(lo < cl.hi and cl.lo < hi for lo, hi in u.periods)


def subordinate(text: str, dated: Span, clause: Span) -> bool:
    """Is ``dated`` a later clause than ``clause`` that opens as a subordinate one?"""
    return dated.start >= clause.end and SUBORDINATE.match(dated.of(text).strip()) is not None


def same_day(u: Unit, cl: Cluster) -> bool:
    """Does the unit's own date name the one day the event happened on?"""
    if cl.lo is None or cl.hi is None or not one_day(cl.lo, cl.hi):
        return False
    return any(one_day(lo, hi) and lo.date() == cl.lo.date() for lo, hi in u.timed)
