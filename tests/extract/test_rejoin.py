"""A lone telling rejoins the event other reports tell (`sitegen.extract.rejoin`), and the second
citing pass finds events in another language that share no word with a sentence."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from sitegen.core.dates import When
from sitegen.extract.candidates import Candidate
from sitegen.extract.identity import Signals
from sitegen.extract.merge import Cluster
from sitegen.extract.passages import Span
from sitegen.extract.postings import TermIndex
from sitegen.extract.recall_vote import names_apart
from sitegen.extract.rejoin import Moves, choose_taker, founded_by, lone_events, rejoin
from sitegen.extract.rules import Rules

from .gold_score import run
from .test_extract_units import TZ, source

GOLD = Path(__file__).parent / "gold"


def event(*quotes: tuple[int, str, int], day: int = 19) -> Cluster:
    """An event of the given (source number, quote, start of the quote in its text) on one day."""
    cl = Cluster()
    start = datetime(2025, 11, day, tzinfo=TZ)
    for n, quote, at in quotes:
        text = " " * at + quote
        c = Candidate(
            source(n, text), n, Span(at, at + len(quote)), quote, When(start, "day"), None, [], True
        )
        cl.add(c, {quote: 1.0}, 1.0, start + timedelta(days=1), set())
    return cl


class Stub:
    """The part of `Clustering` that `rejoin` uses: its events and their index."""

    def __init__(self, clusters: list[Cluster]) -> None:
        self.clusters = clusters
        self.index = TermIndex(Rules())


def passing(score: float) -> Signals:
    return Signals(score=score, bar=0.2)


def test_an_event_of_one_sentence_and_its_copies_is_lone_and_one_of_two_tellings_is_not() -> None:
    lone = event(
        (1, "The museum admitted the vase was missing.", 0),
        (2, "The museum admitted the vase was missing.", 0),
    )
    told = event((3, "馆方承认原件下落不明。", 0), (4, "博物馆承认青瓷瓶原件下落不明。", 5))
    assert set(lone_events([lone, told])) == {id(lone)}


def test_a_unit_founded_a_lone_event_only_when_each_covers_half_of_the_other() -> None:
    sentence = "The museum admitted the vase was missing, and police opened a criminal investigation."
    lone = event((1, sentence, 10))
    assert founded_by(lone, "s1", Span(10, 10 + len(sentence)))  # the sentence it quotes
    assert not founded_by(lone, "s2", Span(10, 10 + len(sentence)))  # another source's
    clause = sentence.index("police")
    assert not founded_by(lone, "s1", Span(10 + clause, 10 + len(sentence)))  # its other clause


def test_the_event_the_founding_unit_passes_with_best_is_chosen_and_none_when_none_passes() -> None:
    lone, a, b = event((1, "x", 0)), event((2, "y", 0)), event((3, "z", 0))
    moves = Moves()
    choose_taker([lone], [(a, Signals(score=0.1, bar=0.2))], moves)
    assert not moves  # below the bar: the lone event stays
    choose_taker([lone], [(a, passing(0.3)), (b, passing(0.5))], moves)
    assert moves[id(lone)][1] is b
    choose_taker([lone], [(a, passing(0.4))], moves)  # another unit of it, agreeing less
    assert moves[id(lone)][1] is b


def test_a_lone_event_is_taken_over_with_its_report_and_an_event_of_another_day_is_not() -> None:
    lone = event((1, "The museum admitted the vase was missing.", 0))
    told = event((3, "馆方承认原件下落不明。", 0), (4, "博物馆承认青瓷瓶原件下落不明。", 5))
    later = event((5, "The keeper was detained.", 0), day=21)
    other = event((6, "馆长被停职。", 0), (7, "馆长何立群被停职。", 0), day=21)
    clustering = Stub([lone, told, later, other])
    moves = Moves({id(lone): (lone, told, 0.4), id(later): (later, told, 0.3)})
    notes = rejoin(clustering, moves)  # type: ignore[arg-type]
    assert clustering.clusters == [told, later, other]
    assert {m.source.id for m in told.members} == {"s1", "s3", "s4"}
    assert notes == ["s1: its lone telling joined the event other reports tell"]


def test_a_report_in_another_language_joins_the_event_the_others_tell() -> None:
    """The museum dump's English report of the admission (record 6) shares no word with the
    Chinese reports; the pass now finds their event on its day, and its lone telling joins it:
    it is cited there and no longer taken for a stray (it was marked off topic before)."""
    _, produced, _ = run(GOLD / "museum_vase.toml")
    admitted = next(e for e in produced.entries if "下落不明" in e.title)
    assert 6 in {rec for rec, _ in admitted.cites}
    assert 6 not in produced.flagged
    assert not any(e.title.startswith("The Nanping Museum admitted") for e in produced.entries)


# -- a clause of a passage another event quotes: judged on that event's other quotes -----------
class Names:
    """The part of `Clustering` that `names_apart` uses."""

    def __init__(self) -> None:
        self.rules = Rules()
        self.idf = {"考试院": 1.0, "林国栋": 3.0, "补考": 2.0}

    def names_of(self, c: Candidate) -> set[str]:
        return {n for n in ("考试院", "林国栋") if n in c.quote}


def test_a_name_only_the_held_passage_states_is_no_vote_for_the_event() -> None:
    listing = "6月3日,补考时间公布,考试院副院长林国栋被查。"
    resit = event((1, listing, 0), (2, "考试院公告补考时间。", 0))
    resit.quote_names = [{"考试院", "林国栋"}, {"考试院"}]
    clause = listing.index("考试院")
    unit = Candidate(
        source(1, listing), 1, Span(clause, len(listing)), listing[clause:], None, None, [], False
    )
    apart = Signals(bar=0.2)
    names_apart(apart, Names(), unit, resit, {listing})  # type: ignore[arg-type]
    assert apart.names == 0.0 and not apart.clash  # 考试院 weighs nothing (the floor); 林国栋 is not theirs
    whole = Signals(bar=0.2)
    names_apart(whole, Names(), unit, resit, set())  # type: ignore[arg-type]
    assert whole.names == 1.0


def test_a_listing_clause_on_an_official_is_cited_by_the_officials_event() -> None:
    """exam_leak's record 36 ("十二月三日,补考时间公布,考试院副院长陈志远被查。"), quoted whole by the
    re-sit's event: its clause on the official goes to the official's event, not back to the re-sit's
    (whose names counted 陈志远 from that very passage)."""
    _, produced, _ = run(GOLD / "exam_leak.toml")
    official = next(e for e in produced.entries if "陈志远" in e.title)
    assert any(rec == 36 and "陈志远被查" in quote for rec, quote in official.cites)


def test_an_undated_sentence_turning_to_another_matter_does_not_go_on_telling_its_paragraph() -> None:
    """engine_fire's record 34: "…首个复飞航班于下午从临江飞往昆明。另据临江警方通报，两名恒翼航修技术员
    已被刑拘" — the detentions, not a continuation of the jets' return (`recall_rules.turns`)."""
    _, produced, _ = run(GOLD / "engine_fire.toml")
    detained = {e.id for e in produced.entries if any(rec == 34 and "刑拘" in q for rec, q in e.cites)}
    returned = {e.id for e in produced.entries if any(rec == 34 and "复飞" in q for rec, q in e.cites)}
    assert detained and returned and not detained & returned
