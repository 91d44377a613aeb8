"""Two happenings of one day that merging fused are set apart by their actions (`apart`)."""

from __future__ import annotations

from datetime import datetime

from sitegen.core.dates import When
from sitegen.extract.apart import APART_SOURCES, set_apart
from sitegen.extract.candidates import Candidate
from sitegen.extract.merge import Cluster, Clustering, vector
from sitegen.extract.passages import Span
from sitegen.extract.rules import Rules

from .test_extract_units import TZ, source

DAY = When(datetime(2025, 6, 9, tzinfo=TZ))


def _candidate(n: int, quote: str, copy_of: int | None = None) -> Candidate:
    src = source(copy_of or n, quote)
    src.id = f"s{n}"
    return Candidate(src, n, Span(0, len(quote)), quote, DAY, None, list(quote), True, text=quote)


def _event(clustering: Clustering, members: list[Candidate]) -> Cluster:
    cl = Cluster(compared=clustering.rules.max_compared, centre_quotes=clustering.rules.centre_quotes)
    for c in members:
        vec = vector(c.terms, clustering.idf)
        cl.add(c, vec, 1.0, clustering.end(c.when), set(), clustering.rules)
        clustering.index.add(cl, vec)
    clustering.clusters.append(cl)
    return cl


def _quotes(cl: Cluster) -> list[str]:
    return [m.quote for m in cl.members]


RETURN = "5架飞机今日复飞。"
DETAINED = [
    "两名技术员今日被刑拘。",
    "Police detained two technicians on Monday.",
    "April 9: two men detained;",
]
FIRE = "A fire broke out at the plant on Monday."


def test_reports_naming_another_action_join_the_event_founded_on_it() -> None:
    """The first jets flying again founded an event that then took in the detentions of the same
    day (a weak link: the city's name); the detentions' own event, founded on a clause, takes
    them back.  A report naming both stays: it does not say which it tells."""
    clustering = Clustering({}, Rules())
    both = "两名技术员被刑拘，5架飞机复飞。"
    fused = _event(
        clustering, [_candidate(1, RETURN), *(_candidate(i, q) for i, q in enumerate(DETAINED, 2))]
    )
    fused.members.append(_candidate(9, both))
    home = _event(clustering, [_candidate(10, "已于当日被依法刑事拘留。")])
    notes = set_apart(clustering)
    assert _quotes(fused) == [RETURN, both]
    assert _quotes(home) == ["已于当日被依法刑事拘留。", *DETAINED]
    assert home.lo == DAY.start and fused.lo is not None
    assert len(notes) == 1 and "(detain)" in notes[0]


def test_one_report_of_another_action_is_not_enough() -> None:
    """One outlet may call the happening by another word (a halt, a breakdown): fewer than
    `APART_SOURCES` different reports move nothing, and copies of one count once."""
    assert APART_SOURCES == 2
    clustering = Clustering({}, Rules())
    members = [_candidate(1, RETURN), _candidate(2, DETAINED[0]), _candidate(3, DETAINED[0], copy_of=2)]
    fused = _event(clustering, members)
    _event(clustering, [_candidate(10, "已于当日被依法刑事拘留。")])
    assert set_apart(clustering) == []
    assert _quotes(fused) == [RETURN, DETAINED[0], DETAINED[0]]


def test_nothing_moves_without_an_event_to_go_to() -> None:
    """With no event of that day founded on their action, the reports stay where merging put
    them (a new event would split one happening that two outlets called by different words)."""
    clustering = Clustering({}, Rules())
    fused = _event(
        clustering, [_candidate(1, RETURN), *(_candidate(i, q) for i, q in enumerate(DETAINED, 2))]
    )
    _event(clustering, [_candidate(10, FIRE)])
    assert set_apart(clustering) == []
    assert len(fused.members) == 4


def test_a_lift_jolted_to_a_halt_broke_down() -> None:
    """A lift that "jolted to a halt" broke down (something moving stopped): no halt ordered to
    production; the Chinese 故障停运 reports stay in the event an English "halt" founded."""
    clustering = Clustering({}, Rules())
    jolted = "The gondola jolted to a halt at 6:40 p.m."
    stalled = ["索道突发故障停运，86人被困。", "12月27日晚索道停运。"]
    fused = _event(clustering, [_candidate(1, jolted), *(_candidate(i, q) for i, q in enumerate(stalled, 2))])
    _event(clustering, [_candidate(10, "The gondola that stalled remains shut.")])
    assert set_apart(clustering) == []
    assert _quotes(fused) == [jolted, *stalled]


def test_an_article_telling_both_apart_founds_the_event_of_the_other() -> None:
    """"董事长辞去职务，公司股票同日起停牌": one article tells the resignation and the trading halt
    in quotes of their own, and reports in both languages name the resignation.  With no event of
    the day founded on it, its reports found one (`_told_apart`); in one language only, or with
    no article telling both apart, they stay (`test_nothing_moves_without_an_event_to_go_to`)."""

    def fused_event(english: bool) -> tuple[Clustering, Cluster]:
        clustering = Clustering({}, Rules())
        resigned = [_candidate(2, "董事长今日辞去董事长职务。"), _candidate(3, "The chairman resigned on Monday.")]
        resigned[1].source.lang = "en" if english else "zh"
        also = _candidate(2, "公司股票同日起停牌。")  # the same article (s2) tells the halt too
        return clustering, _event(clustering, [_candidate(1, "公司股票今日起停牌。"), *resigned, also])

    clustering, fused = fused_event(english=True)
    notes = set_apart(clustering)
    assert _quotes(fused) == ["公司股票今日起停牌。", "公司股票同日起停牌。"]
    (new,) = [cl for cl in clustering.clusters if cl is not fused]
    assert _quotes(new) == ["董事长今日辞去董事长职务。", "The chairman resigned on Monday."]
    assert new.lo == DAY.start and len(notes) == 1 and "(resign)" in notes[0]
    clustering, fused = fused_event(english=False)
    assert set_apart(clustering) == [] and len(fused.members) == 4
