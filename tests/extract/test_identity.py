"""Event identity: the signals that keep two happenings of one day apart, and those that join."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.config import load_config
from sitegen.core.dates import When
from sitegen.core.sitedata import load_site_data
from sitegen.extract import extract
from sitegen.extract.identity import Signals, combine, time_of_day, times_differ
from sitegen.extract.passages import paragraphs, sentences
from sitegen.extract.rules import Rules

from .test_extract_units import source

try:  # tests/ is a package on main, plain folder on older branches
    from ..conftest import new_site
except ImportError:
    from conftest import new_site

TZ = ZoneInfo("Asia/Shanghai")


def part(name: str, day: int = 8) -> When:
    return When(datetime(2025, 6, day, 0, tzinfo=TZ).replace(hour={"noon": 11, "afternoon": 12, "evening": 18,
                "night": 21, "morning": 6}[name]), "part-of-day", part_of_day=name)  # fmt: skip


def hour(h: int, day: int = 8) -> When:
    return When(datetime(2025, 6, day, h, tzinfo=TZ), "hour")


# -- times of day ---------------------------------------------------------------------------
def test_times_of_day_that_overlap_only_at_their_edges_differ() -> None:
    noon, afternoon = time_of_day(part("noon")), time_of_day(part("afternoon"))
    assert noon and afternoon
    assert times_differ(noon, [afternoon]) and times_differ(afternoon, [noon])
    assert times_differ(time_of_day(part("morning")), [noon])


def test_a_time_within_another_agrees_with_it() -> None:
    evening, night = time_of_day(part("evening")), time_of_day(part("night"))
    assert not times_differ(night, [evening]) and not times_differ(evening, [night])
    one_pm = time_of_day(hour(13))
    assert not times_differ(one_pm, [time_of_day(part("noon"))])
    assert not times_differ(one_pm, [time_of_day(part("afternoon"))])
    assert times_differ(time_of_day(hour(20)), [time_of_day(part("afternoon"))])


def test_a_clock_time_in_the_last_hour_of_its_day_lies_within_its_late_night() -> None:
    """23:40 (23时40分) and "late on Friday" (深夜, 21:00-24:00) of one day: one time of day; the
    clock time's hour stops at midnight, not at 00:40 of the next day."""
    at = When(datetime(2025, 6, 8, 23, 40, tzinfo=TZ), "minute")
    assert time_of_day(at) == (at.start, datetime(2025, 6, 9, 0, 0, tzinfo=TZ))
    assert not times_differ(time_of_day(at), [time_of_day(part("night"))])
    assert not times_differ(time_of_day(at), [time_of_day(part("evening"))])
    assert times_differ(time_of_day(at), [time_of_day(part("afternoon"))])
    assert time_of_day(hour(22)) == (hour(22).start, hour(23).start)  # an earlier hour: a whole hour


def test_only_times_of_day_are_compared() -> None:
    day = When(datetime(2025, 6, 8, tzinfo=TZ), "day")
    assert time_of_day(day) is None and time_of_day(None) is None
    assert not times_differ(None, [time_of_day(part("noon"))])
    assert not times_differ(time_of_day(part("noon")), [])


def test_one_time_of_day_stated_by_both_is_a_vote_for() -> None:
    rules = Rules()
    plain = Signals(words=0.05, bar=0.1)
    agree = Signals(words=0.05, bar=0.1, times_agree=True)
    assert combine(agree, rules) - combine(plain, rules) == rules.times_agree_bonus
    assert "the same time of day" in agree.describe()


def test_disagreements_lower_the_score_and_say_so() -> None:
    rules = Rules()
    plain = Signals(words=0.3, bar=0.1)
    both = Signals(words=0.3, bar=0.1, sibling=True, times_differ=True)
    assert combine(plain, rules) - combine(both, rules) == rules.sibling_penalty + rules.times_differ_penalty
    text = both.describe()
    assert "another sentence of the same article" in text and "different times of day" in text
    assert "same article" not in plain.describe()


# -- two happenings of one day, told by one article -------------------------------------------
ILL = "6月8日中午,临江市实验小学14名学生饮用绿原乳业酸奶后出现呕吐症状,被送往医院。"
SEALED = "当天下午,临江市市场监管局对绿原乳业同批次酸奶予以封存。"
SEALED_ALONE = "6月8日下午,临江市市场监管局封存绿原乳业同批次产品,暂停销售。"
ILL_ALONE = "6月8日中午,临江市多名小学生饮用绿原乳业酸奶后呕吐,被送医救治。"


def run(tmp_path: Path, sources: list, extra: str = "") -> object:
    root = new_site(tmp_path / "site")
    if extra:
        with open(root / "content" / "site.toml", "a", encoding="utf-8") as f:
            f.write("\n[extract]\n" + extra)
    config = load_config(root)
    return extract(sources, config, load_site_data(config))


def dumps(outlet: str = "Out Let") -> list:
    return [
        source(1, ILL + SEALED, day=9),
        source(2, ILL + SEALED, day=9, outlet="Copy"),  # a syndicated copy
        source(3, SEALED_ALONE, day=9),
        source(4, ILL_ALONE, day=9),
    ]


def test_two_dated_sentences_of_one_article_are_two_happenings_of_the_day(tmp_path: Path) -> None:
    out = run(tmp_path, dumps())
    cites = sorted(sorted(c.source for c in e.sources) for e in out.events)
    assert cites == [["s1", "s2", "s3"], ["s1", "s2", "s4"]]
    for e in out.events:
        quotes = {c.source: c.quote for c in e.sources}
        assert ("封存" in quotes["s1"]) == ("封存" in quotes.get("s3", ""))
    lines = "\n".join(line for e in out.events for line in out.explain.get(e.id, []))
    assert "another sentence of the same article" in lines or "different times of day" in lines


def test_without_those_signals_the_day_is_one_entry(tmp_path: Path) -> None:
    """The contrast: what the two signals add (the names and the day alone merge the two)."""
    out = run(tmp_path, dumps(), "sibling_penalty = 0\ntimes_differ_penalty = 0\n")
    assert len(out.events) == 1


def test_an_english_sentence_ends_after_a_percentage() -> None:
    text = "On Monday, shares tumbled 26%. Social media posts were viewed 400 million times."
    spans = [s.of(text) for p in paragraphs(text) for s in sentences(text, p)]
    assert spans == ["On Monday, shares tumbled 26%.", "Social media posts were viewed 400 million times."]


# -- the second pass: every article that reports a happening is cited -----------------------------
RECALL = "6月8日,绿原乳业宣布召回8.6万瓶问题批次酸奶,消费者可凭购物凭证全额退款。"
RECALL_2 = "绿原乳业6月8日发布公告,主动召回8.6万瓶问题批次酸奶,并向消费者全额退款。"
SUMMONS = "6月9日上午,江川省市场监管局约谈绿原乳业负责人,要求限期整改。"
SUMMONS_2 = "6月9日上午,江川省市场监管局就酸奶问题约谈绿原乳业负责人。"
UNDATED = "此前,绿原乳业已宣布召回8.6万瓶问题批次酸奶,消费者可全额退款。"


def cited_quote(out: object, sid: str, word: str) -> str | None:
    [event] = [e for e in out.events if any(word in c.quote for c in e.sources)][:1] or [None]
    if event is None:
        return None
    return next((c.quote for c in event.sources if c.source == sid), None)


def test_an_article_cited_for_one_happening_is_cited_for_another_it_reports_undated(tmp_path: Path) -> None:
    sources = [
        source(1, RECALL, day=8),
        source(2, RECALL_2, day=8),
        source(3, SUMMONS, day=9),
        source(4, SUMMONS + UNDATED, day=9),  # its dated sentence is the summons
    ]
    out = run(tmp_path, sources)
    recall = [e for e in out.events if e.when.start.day == 8]
    assert len(recall) == 1
    quotes = {c.source: c.quote for c in recall[0].sources}
    assert quotes.get("s4") == UNDATED  # verbatim, the sentence that says it
    summons = [e for e in out.events if e.when.start.day == 9]
    assert len(summons) == 1 and "s4" in {c.source for c in summons[0].sources}
    lines = "\n".join(out.explain[recall[0].id])
    assert "merged: s4" in lines and "bar" in lines  # --explain shows the signals of the citation


LIMIT = "6月8日上午,绿原乳业股价开盘即跌停,市值蒸发超过9亿元。"
LIMIT_2 = "受召回消息影响,绿原乳业股价6月8日上午开盘跌停,封单超过20万手。"


def test_a_sentence_telling_two_happenings_is_quoted_by_the_clause_for_each(tmp_path: Path) -> None:
    timeline = "6月8日,绿原乳业宣布召回8.6万瓶问题批次酸奶,公司股价开盘即跌停。"
    bodies = [RECALL, RECALL_2, LIMIT, LIMIT_2, timeline]
    # a place every report names keeps them on topic
    sources = [source(n, "江川省临江市消息。" + b, day=9 + (n == 5)) for n, b in enumerate(bodies, 1)]
    out = run(tmp_path, sources)
    quotes = [{c.source: c.quote for c in e.sources} for e in out.events]
    recall = next(q for q in quotes if "s1" in q)
    limit = next(q for q in quotes if "s3" in q)
    assert recall is not limit
    assert "s5" in recall and "s5" in limit  # one sentence, two happenings: both cite it
    assert "召回" in recall["s5"] and "跌停" in limit["s5"]
    # the second citation is the clause that tells its own happening, verbatim
    assert ("跌停" not in recall["s5"]) or ("召回" not in limit["s5"])
    assert recall["s5"] in timeline and limit["s5"] in timeline


def test_boilerplate_and_someones_words_are_not_cited(tmp_path: Path) -> None:
    stock = "绿原乳业宣布召回8.6万瓶问题批次酸奶,消费者可全额退款。"  # pasted in three articles
    speech = "“绿原乳业宣布召回8.6万瓶问题批次酸奶,可以全额退款,”王先生说。"
    sources = [
        source(1, RECALL, day=8),
        source(2, RECALL_2, day=8),
        source(3, SUMMONS + stock, day=9),
        source(4, SUMMONS_2 + stock + "此外,江川省也在调查。", day=9),
        source(5, "6月9日,江川省消费者协会表示关注。" + stock, day=9),
        source(6, SUMMONS + speech, day=9),
    ]
    out = run(tmp_path, sources)
    [recall] = [e for e in out.events if e.when.start.day == 8]
    assert {c.source for c in recall.sources} == {"s1", "s2"}


def test_someones_words_are_told_from_a_report() -> None:
    from sitegen.extract.recall_units import speech as _speech

    assert _speech("“相关问题不能只停留在口头道歉上,”周一鸣说。")
    assert _speech('"We failed our users," the chief executive said.')
    assert not _speech("小米公司通报处罚结果,称“立即终止合作”。")
    assert not _speech("Lvyuan Dairy said it was recalling 86,000 bottles.")


def test_a_context_date_does_not_cut_the_happening_off_its_sentence(tmp_path: Path) -> None:
    """ "made between X and Y" dates the bikes, not the recall: the quote keeps the main clause."""
    en = (
        "Feichi Electric will recall 126,400 FC-60 bicycles made between November 2023 and October 2025, "
        "according to a plan it filed with the provincial market regulator on Friday, after a fire last month."
    )
    out = run(
        tmp_path,
        [source(1, en, lang="en"), source(2, "6月6日,飞驰电动向江川省市场监管局备案召回FC-60计划。")],
    )
    quotes = [c.quote for e in out.events for c in e.sources if c.source == "s1"]
    assert quotes and all(q.startswith("Feichi Electric will recall") for q in quotes), quotes
    assert not [e for e in out.events if e.when.start.year == 2023 or e.when.start.month == 10]


def test_both_ends_of_a_between_span_give_context() -> None:
    from sitegen.extract.candidates import Mention, _background

    text = "It will recall bikes made between November 2023 and October 2025, it said on Friday."
    at = text.index("October 2025")
    assert _background(text, Mention("October 2025", at, at + 12, None, "absolute", "", ""), text)
    friday = text.index("Friday")
    assert not _background(text, Mention("Friday", friday, friday + 6, None, "relative", "", ""), text)


# -- numbers, bounds and actions ------------------------------------------------------------------
def test_a_comma_or_colon_between_digits_cuts_no_clause() -> None:
    from sitegen.extract.passages import clauses

    text = "The firm agreed to pay 8,000 yuan each at 10:30, the court said."
    first = sentences(text, paragraphs(text)[0])[0]
    assert [c.of(text) for c in clauses(text, first)] == [
        "The firm agreed to pay 8,000 yuan each at 10:30",
        "the court said.",
    ]


def test_the_same_action_counts_across_languages_when_most_quotes_name_it() -> None:
    from sitegen.extract.actions import actions
    from sitegen.extract.identity import same_action

    apology, fire, both = actions().of("致歉声明"), actions().of("起火"), actions().of("起火后股价大跌")
    mine = actions().of("The club apologised to its fans")
    assert mine == apology
    assert same_action(mine, ["zh", "zh"], [apology, apology], "en") == 1.0
    assert same_action(mine, ["en", "en"], [apology, apology], "en") == 0.0  # only across languages
    # one quote that tells two happenings does not make the event's action both
    shares = actions().of("Its shares plunged")
    assert same_action(shares, ["zh", "zh", "zh"], [fire, fire, both], "en") == 0.0
    s = Signals(same_period=True, bar=0.1)
    combine(s, Rules())
    before = s.score
    s.action_shared = 1.0
    assert combine(s, Rules()) == before + Rules().same_action_weight
    assert "the same action 1.00" in s.describe()


def test_a_month_report_of_another_action_is_not_its_months_only_day_event() -> None:
    from sitegen.extract.actions import actions
    from sitegen.extract.identity import another_action

    withdrawn = actions().of("佳瀚拍賣今日宣布，撤回原定本月下旬拍賣的一件青瓷瓶")
    assert withdrawn == actions().of("The auction house withdrew the vase from its sale")
    dismissed = actions().of("The museum's former director was dismissed in January")
    assert dismissed == actions().of("1月，馆长被免职")
    assert another_action(dismissed, [withdrawn, withdrawn, frozenset()])
    assert not another_action(withdrawn, [withdrawn, dismissed, withdrawn])
    assert not another_action(frozenset(), [withdrawn])  # naming no action, it may be any
    assert not another_action(dismissed, [frozenset()])  # nor may an event naming none


def test_a_later_time_given_as_a_bound_goes_on_telling_its_happening(tmp_path: Path) -> None:
    body = (
        "昨晚6时40分许，青石山景区2号索道突发故障停运，86名游客被困在吊厢内，气温低至零下20摄氏度。"
        "经消防、景区等多方救援，至晚10时10分被困游客全部安全转移，其中5人轻度冻伤。"
    )
    other = "昨晚6时40分许，青石山景区2号索道突发故障停运，游客被困，消防等多方赶赴现场救援。"
    out = run(tmp_path, [source(1, body), source(2, other)])
    assert len(out.events) == 1, [e.title for e in out.events]
    assert out.events[0].when.start.hour == 18  # the stall's time, not the rescue's end


def test_an_admission_is_one_action_in_both_languages() -> None:
    from sitegen.extract.actions import actions
    from sitegen.extract.identity import same_action

    zh = actions().of("今日，博物馆发布第二份情况说明承认，原件并不在文物库房，目前下落不明。")
    en = actions().of("The museum admitted on Wednesday that it could not find the vase")
    assert zh == en == {"admit"}
    assert same_action(en, ["zh", "zh"], [zh, zh], "en") == 1.0
    # a participle aside ("…, acknowledging the incident as…") names no admission of its own
    assert "admit" not in actions().of("She apologised, acknowledging the incident as a violation")


def test_published_findings_are_not_the_opening_of_an_inquiry() -> None:
    from sitegen.extract.actions import actions

    zh = actions().of("擎天云今日公布事故初步调查结果称，起火原因为锂电池模组发生热失控")
    en = actions().of("The preliminary findings, published on Thursday night, also name the battery's maker")
    assert "findings" in zh and en == {"findings"}
    assert "investigate" not in zh  # 调查 inside 调查结果 opens no inquiry
    said = actions().of("Investigators from the bureau said on Friday that an inspection was never performed")
    assert said == {"findings"}  # who found it, not an inquiry opened
    assert actions().of("Police opened a criminal investigation") == {"investigate"}


def test_a_weeks_report_of_another_action_does_not_join_the_weeks_event_by_its_back_reference(
    tmp_path: Path,
) -> None:
    from sitegen.extract.actions import actions

    assert actions().of("工作组全面接管公司") == actions().of("Regulators took over the trust")
    reports = [
        source(1, "警方今日通报，鼎信信托原董事长周明因涉嫌非法集资被刑事拘留。", 9),
        source(2, "鼎信信托原董事长周明今日被警方刑事拘留。", 9),
        source(
            7, "Police in Shanghai detained Zhou Ming, the former chairman of Acme Trust, on Monday.", 9, "en"
        ),
        source(6, "A working group sent by the regulator took over Acme Trust on Wednesday.", 11, "en"),
        source(
            3,
            "Regulators took over Acme Trust on Wednesday, two days after police detained its former chairman.",
            11,
            "en",
        ),
        source(
            4,
            "Regulators took over Acme Trust on Wednesday and sent a working group to run it.",
            11,
            "en",
        ),
        source(
            5, "Acme Trust's story is far from over. Its former chairman was detained last week.", 16, "en"
        ),
    ]

    def week_report_with(extra: str = "") -> set[str]:
        out = run(tmp_path / str(len(extra)), reports, extra)
        return next(
            {c.source for c in e.sources} for e in out.events if "s5" in {c.source for c in e.sources}
        )

    assert "s1" in week_report_with() and "s3" not in week_report_with()
    assert "s3" in week_report_with("another_action_penalty = 0\n")  # without the vote it joins the takeover


def test_signing_and_handing_over_keys_are_actions_in_both_languages() -> None:
    """签署安置补偿协议 and "signed compensation agreements"; 领到安置房钥匙 / 鎖匙 and "received the
    keys to their new flats": one action each, in either language (sitegen/data/actions.toml)."""
    from sitegen.extract.actions import actions

    table = actions()
    assert table.of("首批86户居民与区政府签署安置补偿协议") == {"sign", "compensate"}
    assert table.of("86 families signed compensation agreements with the district") == {"sign", "compensate"}
    assert table.of("首批住户今日领到安置房钥匙") == table.of("居民上月已領取安置房鎖匙") == {"deliver"}
    assert table.of("The first families received the keys to their new flats on Tuesday") == {"deliver"}
    assert "sign" not in table.of("a significant signal of change")  # a word's start, not any start
