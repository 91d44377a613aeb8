"""Merging costs grow linearly with the reports of a dense story (issue 24), counted, not timed.

A breaking story puts hundreds of reports on each of a few days.  Comparing each dated
sentence with every event whose dates overlap made merging quadratic there; `merge` finds
candidate events through (term, day) postings instead.  Here two dense stories, one twice the
other (the same days, twice the happenings and twice the reports a day), are merged in one run,
and the comparisons and postings read are counted: doubling the input must not much more than
double them.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sitegen.core.dates import When
from sitegen.core.model import Source
from sitegen.extract.candidates import Candidate
from sitegen.extract.merge import Clustering, idf_weights
from sitegen.extract.passages import Span
from sitegen.extract.rules import Rules

TZ = ZoneInfo("Asia/Shanghai")
DAYS = 2
REPORTS = 4


def story(per_day: int) -> list[Candidate]:
    """``per_day`` happenings on each of DAYS days, each told by REPORTS outlets in its own words."""
    out: list[Candidate] = []
    for day in range(DAYS):
        when = When(datetime(2026, 3, 2, tzinfo=TZ) + timedelta(days=day), "day")
        for h in range(per_day):
            what = [f"事{day}x{h}", f"动作{day}x{h}", "公司"]
            for r in range(REPORTS):
                published = when.start + timedelta(days=1, minutes=r)
                src = Source(f"s{day}-{h}-{r}", "t", "o", "o", published, lang="zh")
                quote = "".join(what) + f"之{r}"
                terms = [*what, f"说法{r}"]
                out.append(Candidate(src, len(out), Span(0, len(quote)), quote, when, None, terms, True))
    return out


def cost(per_day: int) -> tuple[int, int, int]:
    candidates = story(per_day)
    idf = idf_weights({t for t in c.terms} for c in candidates)
    clustering = Clustering(idf, Rules())
    clustering.add_all(candidates)
    return clustering.compared, clustering.index.lookups, len(clustering.clusters)


def test_doubling_a_dense_story_about_doubles_the_work_of_merging() -> None:
    small_compared, small_lookups, small_events = cost(100)
    big_compared, big_lookups, big_events = cost(200)
    # the merging is right at both sizes: one event per happening
    assert small_events == DAYS * 100 and big_events == DAYS * 200
    assert big_compared / small_compared < 2.3, (small_compared, big_compared)
    assert big_lookups / small_lookups < 2.3, (small_lookups, big_lookups)
