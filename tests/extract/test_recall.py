"""The second citing pass (`sitegen.extract.recall`): every article that reports a happening is
cited by its event, with a quote that tells it — and no article is cited for a happening it
does not report."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sitegen.core.model import Source
from sitegen.extract.actions import actions, parse

from .test_extract_units import source as dated_source
from .test_identity import run


def source(n: int, body: str, day: int, lang: str = "en") -> Source:
    """An article of the yogurt scare: the names every report shares (Lvyuan, Linjiang) keep it on topic."""
    return replace(dated_source(n, body, day=day, lang=lang), keyword="yogurt")


# -- the actions table ---------------------------------------------------------------------
def test_actions_are_found_in_either_language_and_not_where_they_name_a_thing() -> None:
    table = actions()
    assert table.of("董事长高振东向受影响的学生和家长公开道歉") == {"apologise"}
    assert table.of("Xu Jieyun publicly apologized") == {"apologise"}
    assert table.of("The city regulator seals the batch") == {"seal"}
    assert table.of("小米公司通报处罚结果") == {"fine"}
    assert table.of("涉嫌从暴露的数据库中下载用户信息") == frozenset()  # a database, not a happening
    assert table.of("The weather was fine") == {"fine"}  # word starts: the table is coarse, one vote
    assert table.of("4月15日至19日共取消186个航班") == {"cancel"} == table.of("186 flights were cancelled")
    assert table.of("该科目成绩作废,取消成绩") == {"void"}  # the longest word wins
    assert table.of("首个复飞航班于下午起飞") == table.of("The airline resumed flying five jets") == {"reopen"}
    assert table.of("副总裁即日起停职") == table.of("It suspended its maintenance chief") == {"halt"}
    assert table.of("共取消186个航班") == table.of("It cancelled 186 flights") == {"cancel"}
    assert table.of("宣布取消合作") == {"end-ties"}  # 取消 alone is a cancellation: the longer word wins
    # a ruling of 2022 told in both languages: 劳动仲裁 and "an arbitration panel"
    assert table.of("该公司2022年曾因拖欠加班费被劳动仲裁") == {"arbitrate"}
    assert table.of("The studio was ordered by an arbitration panel in 2022") == {"arbitrate"}
    assert table.of("宣布旗下新作无限期延期上线") == table.of("The studio has delayed the game indefinitely") == {"delay"}
    assert table.of("It postponed the launch") == {"delay"}
    assert table.of("原定周五上线的剧集撤档") == {"delay"}
    # a trading halt tells a clause of its own beside a resignation (own_clause); a court accepting a
    # suit (立案受理) is the suit, not an inquiry (立案); a contract ended in other words
    assert table.of("公司股票同日起停牌") == table.of("It halted trading in its shares") - {"shares-fall"} == {"trading-halt"}
    assert "trading-halt" in table.own_clause
    # "shares" alone names no fall: a halt of trading in the shares is no fall, and an English
    # halt clause naming a fall beside it would be told apart from the Chinese 停牌 (own_apart)
    assert table.of("trading in its parent's shares was suspended the same day") & {"shares-fall"} == set()
    assert "trading-halt" in table.of("trading in its parent's shares was suspended the same day")
    assert "shares-fall" in table.of("Shares of the drugmaker dropped 10% on Monday")
    assert "shares-fall" in table.of("its shares fell by the daily limit")
    assert table.of("法院当天立案受理") == table.of("The platform filed suit on Tuesday") == {"sue"}
    assert table.of("警方已立案") == {"investigate"}
    assert table.of("宣布与其解除经纪合约") == table.of("The brand ended its contract with her") == {"end-ties"}


def test_the_longest_word_of_a_table_wins_and_a_word_in_two_tables_keeps_the_first() -> None:
    table = parse(
        {"a": {"zh": ["停止"], "en": ["stop"]}, "b": {"zh": ["停止销售", "停止"], "en": ["stop sell"]}}
    )
    assert table.of("公司停止销售该车型") == {"b"}
    assert table.of("公司停止营业") == {"a"}
    assert table.of("It will stop selling the model") == {"b"}
    assert table.of("nonstop") == frozenset()  # a word's start only


# -- a listing: "April 6: …; …" ---------------------------------------------------------------
SEALED = "The Linjiang regulator sealed all Lvyuan yogurt from the batch on June 6, officials said."
SEALED_2 = "On June 6, the Linjiang market regulator sealed every Lvyuan yogurt bottle from the batch."
ILL = "On June 6, fourteen pupils fell ill in Linjiang after drinking Lvyuan yogurt at school."
ILL_2 = "Fourteen Linjiang pupils fell ill on June 6 after drinking yogurt made by Lvyuan."
LISTING = (
    "Timeline of the Lvyuan yogurt scare. June 6: Fourteen pupils fall ill in Linjiang after "
    "drinking Lvyuan yogurt; the regulator seals the batch. June 9: Lvyuan apologises."
)


def test_a_listing_line_is_cited_by_each_happening_of_its_day(tmp_path: Path) -> None:
    """'June 6:' dates the line (and what follows its semicolon); each of the day's events cites
    the clause that tells its own happening."""
    sources = [source(1, SEALED, 7), source(2, SEALED_2, 7), source(3, ILL, 7), source(4, ILL_2, 7)]
    out = run(tmp_path, [*sources, source(5, LISTING, 20)])
    quotes = [{c.source: c.quote for c in e.sources} for e in out.events]
    sealed = next(q for q in quotes if "s1" in q)
    ill = next(q for q in quotes if "s3" in q)
    assert sealed is not ill
    assert "s5" in sealed and "s5" in ill
    assert "seals" in sealed["s5"] and "fall ill" in ill["s5"]
    assert "fall ill" not in sealed["s5"] and "seals" not in ill["s5"]
    assert sealed["s5"] in LISTING and ill["s5"] in LISTING


# -- the action a sentence tells, across languages --------------------------------------------
APOLOGY = "6月8日晚,绿原乳业董事长高振东在临江发文致歉,向受影响的家长公开道歉。"
APOLOGY_2 = "绿原乳业董事长高振东6月8日晚在临江公开道歉,称公司负有全部责任。"
PENALTY = "6月9日晚,绿原乳业通报处罚结果,董事长高振东和临江工厂厂长王立新被通报批评并扣除年度奖金。"
PENALTY_2 = "绿原乳业6月9日晚通报对高振东、王立新等人的处罚决定,临江工厂停产整顿。"
RECALL = "6月7日,绿原乳业宣布在临江召回问题批次酸奶8.6万瓶。"
RECALL_2 = "绿原乳业6月7日在临江召回8.6万瓶问题酸奶,消费者可全额退款。"
SUMMARY = (
    "Lvyuan Dairy has faced weeks of anger in Linjiang. "
    "In Linjiang, Lvyuan chairman Gao Zhendong publicly apologized to the parents."
)


def test_an_undated_english_sentence_is_cited_by_the_event_whose_action_it_names(tmp_path: Path) -> None:
    """The apology and the penalty name the same man; "apologized" names the apology's action."""
    zh = [(1, APOLOGY, 9), (2, APOLOGY_2, 9), (3, PENALTY, 10), (4, PENALTY_2, 10)]
    zh += [(6, RECALL, 8), (7, RECALL_2, 8)]  # so that the chairman is not named by every source
    sources = [source(n, body, day, lang="zh") for n, body, day in zh] + [source(5, SUMMARY, 12)]
    out = run(tmp_path, sources)
    assert "s5" not in out.off_topic
    quotes = [{c.source: c.quote for c in e.sources} for e in out.events]
    apology = next(q for q in quotes if "s1" in q)
    penalty = next(q for q in quotes if "s3" in q)
    assert apology is not penalty
    assert (
        apology.get("s5") == "In Linjiang, Lvyuan chairman Gao Zhendong publicly apologized to the parents."
    )
    assert "s5" not in penalty
    # the contrast: without the actions' vote, names and vectors alone leave it uncited
    out = run(tmp_path / "without", sources, "actions_weight = 0\n")
    assert not any(c.source == "s5" for e in out.events for c in e.sources)


def test_the_pass_encoding_its_vectors_over_two_processes_cites_what_one_process_cites(
    tmp_path: Path, monkeypatch
) -> None:
    """The sentences whose vectors the pass asks for are encoded up front, half of them by a forked
    child (`Embedder.encode_queued`): the same citations as one process asking for them one by one."""
    from sitegen.extract import embed

    zh = [
        (1, APOLOGY, 9),
        (2, APOLOGY_2, 9),
        (3, PENALTY, 10),
        (4, PENALTY_2, 10),
        (6, RECALL, 8),
        (7, RECALL_2, 8),
    ]
    sources = [source(n, body, day, lang="zh") for n, body, day in zh] + [source(5, SUMMARY, 12)]

    def cited(out: object) -> list[list[tuple[str, str]]]:
        return sorted(sorted((c.source, c.quote) for c in e.sources) for e in out.events)  # type: ignore[attr-defined]

    monkeypatch.setattr(embed, "SPLIT_AT", 1)
    monkeypatch.setattr(embed, "can_fork", lambda: False)
    one = cited(run(tmp_path / "one", sources))
    forks = []
    real = embed.start
    monkeypatch.setattr(embed, "start", lambda *a: forks.append(a[1]) or real(*a))
    monkeypatch.setattr(embed, "can_fork", lambda: True)  # the test session runs threads
    two = cited(run(tmp_path / "two", sources))
    assert forks == ["sentence vectors", "sentence vectors"]  # the quotes merging compares, then the pass's
    assert two == one
    assert any(src == "s5" for event in two for src, _ in event)  # the English summary: cited by the pass


# -- a clause dated only by a later one that tells something else -----------------------------
LEAK = "On June 2, a storage tank at the Lvyuan plant in Linjiang leaked 20 tonnes of aniline."
LEAK_2 = "About 20 tonnes of aniline leaked from a Lvyuan storage tank in Linjiang on June 2."
FUND = "On June 12, Lvyuan set up a 30 million yuan compensation fund for Linjiang fish farmers."
FUND_2 = "Lvyuan said on June 12 it would pay 30 million yuan into a compensation fund for Linjiang farmers."
LATER = (
    "Lvyuan will put 30 million yuan into a compensation fund for fish farmers near Linjiang, "
    "where a storage tank leaked on June 2."
)


def test_a_main_clause_is_not_dated_by_the_where_clause_after_it(tmp_path: Path) -> None:
    sources = [source(1, LEAK, 3), source(2, LEAK_2, 3), source(3, FUND, 13), source(4, FUND_2, 13)]
    out = run(tmp_path, [*sources, source(5, LATER, 14)])
    quotes = [{c.source: c.quote for c in e.sources} for e in out.events]
    fund = next(q for q in quotes if "s3" in q)
    assert fund.get("s5", "").startswith("Lvyuan will put 30 million yuan into a compensation fund")
    assert "leaked" not in fund["s5"]


def test_a_clause_that_only_says_who_spoke_is_never_a_quote() -> None:
    from sitegen.extract.recall_units import says_who

    for clause in (
        "考试院表示",
        "记者从榕安市公安局获悉",
        "南川省人事考试院通报,",
        "Linjiang People's Hospital said.",
    ):
        assert says_who(clause), clause
    for clause in (
        "已成立工作专班对网传信息进行核查",
        "the regulator summoned its executives",
        "公司发文致歉",
    ):
        assert not says_who(clause), clause



def test_an_undated_unit_naming_only_one_events_action_is_held_to_a_lower_bar() -> None:
    """"随后多位高管被处罚一事" shares few words with the penalty's quotes, but of the events it was
    compared with only the penalty names 处罚: its action tells which (`recall_vote.sole_action`).
    The seed's 金融界 article is cited by its penalty so (tests/extract/gold/seed.toml)."""
    from sitegen.extract.recall_vote import Voted, sole_action
    from sitegen.extract.rules import Rules

    rules = Rules()
    lower = (rules.recall_similarity + rules.recall_same_day_similarity) / 2

    def compared(*votes: tuple[float | None, float]) -> list[tuple[object, Voted]]:
        return [(object(), Voted(actions=a, score=score, bar=rules.recall_similarity)) for a, score in votes]

    alone = compared((1.0, 0.31), (None, 0.18), (0.0, -0.09))
    sole_action(alone, rules)
    assert [s.bar for _, s in alone] == [lower, rules.recall_similarity, rules.recall_similarity]
    assert alone[0][1].joined
    for votes in (
        [(1.0, 0.31), (1.0, 0.20)],  # two events name it: the action does not tell which
        [(0.5, 0.31)],  # the unit names an action the event does not
        [(1.0, 0.20)],  # too few shared words even for the lower bar (vectors judge at the ordinary one)
    ):
        events = compared(*votes)
        sole_action(events, rules)
        assert all(s.bar == rules.recall_similarity for _, s in events)


def test_a_dated_sentence_is_compared_with_the_events_of_its_date_whatever_their_words() -> None:
    """ "police opened a criminal investigation" on the day of "公安局已于当天立案侦查" shares no word
    with it: the events of the sentence's own date are looked up too (the latest few of each
    day, `TermIndex.near`'s cap), so a report in the other language can be cited by one."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from sitegen.extract.merge import Cluster, Clustering
    from sitegen.extract.passages import Span
    from sitegen.extract.recall import Unit, _near
    from sitegen.extract.rules import Rules

    day = datetime(2025, 11, 19, tzinfo=ZoneInfo("Asia/Shanghai"))
    clustering = Clustering({"公安局": 3.0, "立案": 3.0, "侦查": 3.0, "police": 3.0}, Rules())
    case = Cluster(lo=day, hi=day + timedelta(days=1))
    clustering.index.add(case, ["公安局", "立案", "侦查"])
    clustering.clusters.append(case)
    text = "Police opened a criminal investigation on Wednesday."
    terms = ["police", "opened", "criminal", "investigation"]
    dated = Unit(Span(0, len(text)), Span(0, len(text)), text, terms, [(day, day + timedelta(days=1))], False)
    report = dated_source(9, text, day=19, lang="en")
    assert _near(clustering, report, [dated]) == [case]
    # a sentence of another date is not compared with it
    later = replace(dated, periods=[(day + timedelta(days=5), day + timedelta(days=6))])
    assert _near(clustering, report, [later]) == []
