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
from sitegen.extract.merge import Cluster, Clustering, idf_weights
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


NOUNS = [
    "仓库",
    "工厂",
    "码头",
    "车站",
    "医院",
    "学校",
    "银行",
    "商场",
    "电站",
    "港口",
    "机场",
    "水库",
    "农场",
    "矿山",
    "油田",
    "隧道",
    "桥梁",
    "公路",
    "铁路",
    "剧院",
]


def recall_cost(per_day: int) -> tuple[int, int, int]:
    """The second pass (`recall.cite_reporting`) over a dense story: each article dates one
    happening and tells it again undated; (comparisons, postings read, citations added)."""
    from sitegen.core.sitedata import SiteData
    from sitegen.extract.entities import gazetteer, make_lexicon
    from sitegen.extract.recall import cite_reporting
    from sitegen.extract.words import Words

    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), None)
    sources, texts = [], []
    for day in range(DAYS):
        when = When(datetime(2026, 3, 2, tzinfo=TZ) + timedelta(days=day), "day")
        for h in range(per_day):
            place = f"{NOUNS[h % 20]}{NOUNS[h // 20 % 20]}{NOUNS[day]}"
            for r in range(REPORTS):
                body = f"{place}发生火灾。记者了解到,{place}的火灾已被扑灭,原因仍在调查。"
                src = Source(
                    f"s{day}-{h}-{r}", "t", "o", "o", when.start + timedelta(days=1, minutes=r), body=body
                )
                sources.append((src, when))
                texts.append(src.text)
    words = dict(zip((s.id for s, _ in sources), Words.of_many(texts, None), strict=True))
    candidates = []
    for src, when in sources:
        w = words[src.id]
        first = Span(0, w.text.index("。") + 1)
        terms = lexicon.span_terms([t for t, _ in w.within(first)], first.of(w.text))
        candidates.append(
            Candidate(src, len(candidates), first, first.of(w.text), when, None, terms, True, text=w.text)
        )
    idf = idf_weights(set(words[s.id].tokens) for s, _ in sources)
    clustering = Clustering(idf, Rules())
    clustering.add_all(candidates)
    compared, lookups = clustering.compared, clustering.index.lookups
    cite_reporting(clustering, [s for s, _ in sources], words, lexicon, candidates, len(candidates))
    added = sum(len(cl.members) for cl in clustering.clusters) - len(candidates)
    return clustering.compared - compared, clustering.index.lookups - lookups, added


def test_doubling_a_dense_story_about_doubles_the_work_of_the_second_pass() -> None:
    small_compared, small_lookups, _ = recall_cost(60)
    big_compared, big_lookups, _ = recall_cost(120)
    assert small_compared > 0 and small_lookups > 0
    assert big_compared / small_compared < 2.3, (small_compared, big_compared)
    assert big_lookups / small_lookups < 2.3, (small_lookups, big_lookups)


def apart_cost(reports: int, rules: Rules, monkeypatch) -> tuple[int, int]:
    """The second pass over four happenings, each told by ``reports`` outlets in a sentence of
    their own words, whose clauses each event judges on its other quotes (`recall._apart`): (the
    events, the quote vectors those judgements read)."""
    from sitegen.core.sitedata import SiteData
    from sitegen.extract import recall
    from sitegen.extract.entities import gazetteer, make_lexicon
    from sitegen.extract.words import Words

    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), None)
    sources = []
    for h in range(4):
        when = When(datetime(2026, 3, 2, tzinfo=TZ) + timedelta(days=h), "day")
        for r in range(reports):
            k = h * reports + r  # every clause its own (one found in three articles is boilerplate)
            near = f"{NOUNS[k % 20]}{NOUNS[k // 20 % 20]}"
            body = (
                f"{NOUNS[h]}{NOUNS[h + 5]}{near}发生火灾，消防部门从{near}赶到现场，{near}旁的居民看到浓烟。"
            )
            published = when.start + timedelta(days=1, minutes=r)
            sources.append((Source(f"s{k}", "t", "o", "o", published, body=body), when))
    words = dict(
        zip((s.id for s, _ in sources), Words.of_many([s.text for s, _ in sources], None), strict=True)
    )
    candidates = []
    for src, when in sources:
        w = words[src.id]
        whole = Span(0, len(w.text))
        terms = lexicon.span_terms([t for t, _ in w.within(whole)], w.text)
        candidates.append(
            Candidate(src, len(candidates), whole, w.text, when, None, terms, True, text=w.text)
        )
    clustering = Clustering(idf_weights(set(words[s.id].tokens) for s, _ in sources), rules)
    clustering.add_all(candidates)
    read = [0]
    real = recall.best_cosine

    def counting(a, others, norms):
        others = list(others)
        read[0] += len(others)
        return real(a, others, norms)

    monkeypatch.setattr(recall, "best_cosine", counting)
    recall.cite_reporting(clustering, [s for s, _ in sources], words, lexicon, candidates, len(candidates))
    return len(clustering.clusters), read[0]


def test_a_clause_is_judged_on_a_bounded_number_of_its_events_quotes(monkeypatch) -> None:
    """Each clause of a quoted sentence is judged on its event's other quotes; on a dense story an
    event holds thousands, so only the latest `Rules.max_compared` are read: doubling the outlets
    that tell each happening about doubles the work (unbounded, it quadruples)."""
    small_events, small = apart_cost(40, Rules(), monkeypatch)
    big_events, big = apart_cost(80, Rules(), monkeypatch)
    assert small_events == big_events == 4  # one event per happening at both sizes
    assert small > 0 and big / small < 2.3, (small, big)
    # guard the guard: with no bound the same story's work grows with the square of its size
    _, small = apart_cost(40, Rules(max_compared=10**6), monkeypatch)
    _, big = apart_cost(80, Rules(max_compared=10**6), monkeypatch)
    assert big / small > 3.5, (small, big)


def action_reads(quotes: int, monkeypatch) -> int:
    """One event told by ``quotes`` outlets, half in Chinese and half in English, each compared
    with it as it comes (`Clustering.signals`): how many quotes' actions those comparisons read."""
    from sitegen.extract import identity

    read = [0]
    whole, running = identity.main_actions, identity.ActionCounts._catch_up

    def main_actions(acts):
        acts = list(acts)
        read[0] += len(acts)
        return whole(acts)

    def catch_up(self, langs, acts):
        read[0] += len(acts) - self.seen
        return running(self, langs, acts)

    monkeypatch.setattr(identity, "main_actions", main_actions)
    monkeypatch.setattr(identity.ActionCounts, "_catch_up", catch_up)
    when = When(datetime(2026, 3, 2, tzinfo=TZ), "day")
    clustering = Clustering({}, Rules())
    event = None
    for k in range(quotes):
        lang = "zh" if k % 2 else "en"
        quote = (
            f"{NOUNS[k % 20]}{NOUNS[k // 20 % 20]}公司公开道歉"
            if lang == "zh"
            else f"Firm {k} publicly apologized"
        )
        src = Source(f"s{k}", "t", "o", "o", when.start + timedelta(days=1), lang=lang)
        c = Candidate(src, k, Span(0, len(quote)), quote, when, None, [f"t{k}"], True)
        vec, end = {f"t{k}": 1.0}, clustering.end(when)
        if event is None:
            event = Cluster(compared=clustering.rules.max_compared)
        else:
            clustering.signals(c, vec, set(), event, end)
        event.add(c, vec, 1.0, end, set(), clustering.rules)
    return read[0]


def test_an_events_actions_are_counted_as_they_come_not_again_for_each_report(monkeypatch) -> None:
    """Comparing a report with an event reads the actions its quotes name (`identity.same_action`,
    `another_action`); recounting them all for each report compared made merging quadratic in the
    reports of a happening.  Counted as they come, doubling the reports doubles the reading."""
    small, big = action_reads(200, monkeypatch), action_reads(400, monkeypatch)
    assert small > 0 and big / small < 2.3, (small, big)


def test_counted_actions_are_the_actions_counted_all_at_once() -> None:
    """`identity.ActionCounts` gives `main_actions`' very sets, whatever the order quotes come in."""
    import random

    from sitegen.extract.identity import ActionCounts, main_actions

    rng = random.Random(7)
    kinds = [frozenset(), frozenset({"fire"}), frozenset({"apologise"}), frozenset({"fire", "recall"})]
    langs: list[str] = []
    acts: list[frozenset[str]] = []
    counts = ActionCounts()
    for _ in range(300):
        langs.append(rng.choice(["zh", "en"]))
        acts.append(rng.choice(kinds))
        for but in ("zh", "en"):
            expected = main_actions(a for lang, a in zip(langs, acts, strict=True) if lang != but)
            assert counts.main(langs, acts, but) == expected
            assert counts.other_language(langs, acts, but) == any(lang != but for lang in langs)
        assert counts.main(langs, acts) == main_actions(acts)
