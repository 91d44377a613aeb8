"""Dates that only give context (`sitegen.extract.background`): every rule on a sentence of its own,
sentences that must stay founding, and the candidates a sentence with two dates gives."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sitegen.core.model import Source
from sitegen.core.sitedata import SiteData
from sitegen.extract.background import RULES, background_rule
from sitegen.extract.candidates import Mention, find_candidates
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.rules import Rules
from sitegen.extract.temporal.find import find_times
from sitegen.extract.words import Words

TZ = ZoneInfo("Asia/Shanghai")

# (rule that must fire, sentence, the date in it as written)
BACKGROUND = [
    ("zh-since", "股价下跌14%,创2021年上市以来最大单日跌幅。", "2021年"),
    ("en-since", "The fall is the steepest since March 2, analysts said.", "March 2"),
    ("en-since", "It will recall bikes made between November 2023 and October 2025.", "November 2023"),
    (
        "en-since-thing",
        "It is the first client to leave since the data centre fire earlier this week.",
        "earlier this week",
    ),
    (
        "en-perfect-by",
        "The letter had been shared more than 2 million times by Monday night.",
        "Monday night",
    ),
    ("en-span-end", "It will recall bikes made between November 2023 and October 2025.", "October 2025"),
    ("zh-following", "这是继上周临川火灾之后公司作出的最新回应。", "上周"),
    ("zh-tenure", "公开资料显示，他2019年起任该职，此前长期在管委会工作。", "2019年起"),
    ("en-still", "Two workers were still missing on Tuesday night, officials said.", "Tuesday night"),
    ("zh-habitual", "不少老人说，夜里仍会被那声巨响惊醒。", "夜里"),
    ("zh-tenure", "周德明自2008年起执掌该公司。", "2008年起"),
    ("en-as-of", "As of Friday, 20 people had been detained, police said.", "Friday"),
    ("zh-as-of", "截至4月7日午间收盘,跌停板上仍有大量卖单。", "4月7日"),
    ("en-covering", "He was held after inspectors found ledgers for 2022 had been shredded.", "2022"),
    ("zh-attributive", "12月27日晚的临川火灾让这款车型陷入危机。", "12月27日"),
    ("zh-attributive", "考试院宣布周六的考试作废。", "周六"),
    ("en-possessive", "The board declared Saturday's paper void.", "Saturday"),
    ("en-possessive", "Last week’s fire forced the plant to close.", "Last week"),
    ("en-attributive", "Investigators looking into the Nov. 18 loss of a rocket blamed a weld on Tuesday.", "Nov. 18"),
    ("en-attributive", "The regulator said its March 3 recall covered 40,000 bikes.", "March 3"),
    ("zh-attributive-clause", "董事会将讨论已于本月辞职的苏明哲的继任人选。", "本月"),
    ("zh-attributive-clause", "家长要求公司兑现上月承诺的赔偿。", "上月"),
    ("zh-attributive-clause", "公司向上月被困的86名游客每人赔偿8000元。", "上月"),
    ("en-relative-bare", "Investors demanded the money the company promised last month.", "last month"),
    ("en-relative-bare", "Shareholders questioned the fine it paid in March.", "March"),
    (
        "en-relative-bare",
        "Farmers have yet to receive money from the compensation pool Riverstone announced last October.",
        "last October",
    ),
    ("en-relative-bare", "Parents asked about the 30 million yuan fund the company set up in May.", "May"),
    ("en-relative-bare", "Investors demanded the refund the company promised last month to customers.", "last month"),
    ("en-relative", "The board will meet whoever succeeds Su Mingzhe, who quit this month.", "this month"),
    ("en-relative", "The recall covers bikes which the plant assembled in 2024.", "2024"),
    (
        "en-that-relative",
        "The resort reopened, while the gondola that stalled in December remains out of service.",
        "December",
    ),
    ("en-that-relative", "Shares of the airline that was fined last week fell 5%.", "last week"),
    ("en-participle", "Parents were angry over the refund announced last week.", "last week"),
    (
        "en-after-noun",
        "Feichi will recall the bikes after a charging fire in Linchuan last month.",
        "last month",
    ),
    # a relative date after the subject of a passive clause: context, as before (not a calendar date)
    ("en-after-noun", "Output fell after its mill was closed last week.", "last week"),
    ("en-duration-after", "It lost its biggest client a month after it was fined on March 2.", "March 2"),
    (
        "en-duration-after",
        "Photos of the paper spread online on Friday night, hours before candidates sat it on Saturday morning.",
        "Saturday morning",
    ),
    ("zh-duration-after", "在3月2日收到罚单之后一个月,公司失去了最大客户。", "3月2日"),
    (
        "en-told-after-perfect",
        "Police have detained a retired keeper on suspicion of stealing the vase, they said on Sunday.",
        "Sunday",
    ),
    (
        "en-told-after-perfect",
        "The regulator has fined the operator 1.2 million yuan, the agency told reporters on Monday.",
        "Monday",
    ),
    ("en-has-count", "The resort has 18 runs this winter and a gondola to the summit.", "this winter"),
    ("en-has-count", "The factory had about 900 workers last year.", "last year"),
    ("zh-due", "一位投资者说，她购买的产品本应在本月初到期，“一分钱都没拿到”。", "本月初"),
    ("zh-due", "此案原定于3月2日开庭。", "3月2日"),
    ("en-due", "The products were due to mature in early September.", "early September"),
    ("en-still", "Ten days later she is still at her desk, and the studio is quiet.", "Ten days later"),
    ("state", "Two weeks ago the firm was one of the best-performing stocks.", "Two weeks ago"),
    ("state", "该公司是公司最大的客户之一,去年贡献了约18%的营收。", "去年"),
    ("zh-during", "昨日庭审中，速达代理律师称平台仅提供信息撮合服务。", "昨日"),
    ("zh-reported-just", "家属称，他本月初刚从老家返回临江，当天已连续工作13个小时。", "本月初"),
    (
        "en-reported-pluperfect",
        "The family's lawyer said the platform had submitted new evidence two days earlier.",
        "two days earlier",
    ),
]

# sentences whose date times what they report
FOUNDING = [
    ("3月5日晚上，公司宣布召回全部车辆。", "3月5日"),
    ("The regulator fined the company on Monday.", "Monday"),
    ("The regulator suspended the licence on Nov. 18.", "Nov. 18"),  # "the" before, not opening it
    ("The bonds were repaid in full on Monday, as due.", "Monday"),
    ("产品应在本月初到期后兑付，公司于3月2日宣布延期。", "3月2日"),
    ("The company listed in 2021 and fell 14% on March 4.", "March 4"),
    ("公司于1月3日宣布召回。", "1月3日"),
    (
        "公司1月3日发布的公告称,将召回全部车辆。",
        "1月3日",
    ),  # a statement named by its date: issuing it happened
    ("A statement issued on Monday said the plant would close.", "Monday"),
    ("The company said the shares fell on Monday.", "Monday"),
    ("Analysts said that the company recalled 126,400 bikes on Friday.", "Friday"),
    ("飞驰电动1月2日备案了召回计划,召回2023年11月至2025年10月生产的车辆。", "1月2日"),
    ("Sealink announced on Tuesday that it would pay the fine.", "Tuesday"),
    ("The plant, closed for two days, reopened on Monday.", "Monday"),
    ("12月27日晚9时许,临川市一小区车棚内电动自行车起火。", "12月27日"),
    ("Shares fell 10% on Monday, a day after the recall.", "Monday"),
    ("Reuters reported that the company said the plant closed on Monday.", "Monday"),
    ("Shares fell 14%, their biggest one-day drop since the company listed in 2021.", "2021"),
    ("Police said on Sunday that they have detained a retired keeper.", "Sunday"),
    # the telling goes on with what the teller did: a happening of that day
    (
        "The dairy has suspended production, its chairman said on Sunday, as he offered an apology.",
        "Sunday",
    ),
    ("A museum said on Monday that the vase on show was a replica.", "Monday"),
    ("The museum has admitted the vase is missing. It said on Wednesday it had called police.", "Wednesday"),
    ("The company has 18 days to respond, and it paid 3 fines in May.", "May"),
    ("The company said that the plant stopped on Monday.", "Monday"),
    ("It was the regulator that fined the company on Monday.", "Monday"),
    ("Investors read the statement that it issued on Monday.", "Monday"),
    ("Officials said the spokesman for the company confirmed it resigned on Friday.", "Friday"),
    # 刚刚 is "just now", and 刚 with no teller before it is the sentence's own happening
    ("记者获悉，公司今日刚刚宣布召回全部车辆。", "今日"),
    ("他本月初刚从老家返回临江，便开始每天接单。", "本月初"),
    # a past perfect counted back, but no teller reports it; a teller, but no past perfect
    ("The museum admitted it could not find a vase it had said two days earlier was safe.", "two days earlier"),
    ("The lawyer said the platform submitted new evidence two days earlier.", "two days earlier"),
    ("The lawyer said the platform had submitted new evidence on Monday.", "Monday"),
    # the clause's own verb governing an infinitive ("agreed … to pay"): a subject and its verb, not
    # a relative naming a thing (which "to every customer" / "to customers" after the date still is)
    ("Chen Yu quit on Monday, and its insurer Harbourline agreed the same day to pay the claim.", "the same day"),
    ("The board said its chairman Li Wei promised on Friday to repay investors.", "Friday"),
    # a perfect reached by a day, but no count: the day the happening was done by
    ("All 14 pupils had been discharged from hospital by Wednesday, the hospital said.", "Wednesday"),
    # "after" opening a clause of its own (a passive verb) dated on the calendar: a happening told
    # in passing, with its own date ("its second failure after a prototype was destroyed in 2024")
    ("The firm's second crash came after a prototype was destroyed in 2024.", "2024"),
    ("Output fell after its mill was closed on 3 May.", "3 May"),
]


def mention(text: str, words: str) -> Mention:
    start = text.index(words)
    return Mention(words, start, start + len(words), None, "absolute", "", "")


@pytest.mark.parametrize(("rule", "text", "date"), BACKGROUND)
def test_a_date_that_only_gives_context_is_found_by_its_rule(rule: str, text: str, date: str) -> None:
    assert background_rule(text, mention(text, date), text) == rule


@pytest.mark.parametrize(("text", "date"), FOUNDING)
def test_a_date_that_times_the_happening_stays(text: str, date: str) -> None:
    assert background_rule(text, mention(text, date), text) is None


def test_every_rule_is_exercised() -> None:
    assert {name for name, _, _ in RULES} == {rule for rule, _, _ in BACKGROUND}


def candidates(body: str, lang: str) -> list[tuple[str, str, bool]]:
    """(date as written, quote, founding) of each candidate the real pipeline finds in ``body``."""
    src = Source(
        id="s1",
        title="t",
        outlet="o",
        outlet_name="o",
        published=datetime(2026, 3, 17, 9, 0, tzinfo=TZ),  # a Tuesday
        lang=lang,
        keyword="kw",
        body=body,
    )
    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    found = find_candidates(src, Words.of(body), lexicon, Rules(), find_times)
    return [(c.mention.text, c.quote, c.founding) for c in found.candidates]


def test_a_possessive_day_name_gives_way_to_the_date_of_the_verb() -> None:
    """'declared Saturday's paper void on Sunday' happened on Sunday; 周六的考试 names the exam."""
    en = (
        "The exam authority declared Saturday's mathematics paper void on Sunday after answers leaked online."
    )
    assert candidates(en, "en") == [("Sunday", en, True)]
    zh = "周日,省教育考试院宣布周六的数学考试成绩作废,并将组织全体考生重新考试。"
    assert candidates(zh, "zh") == [("周日", zh, True)]


def test_a_sentence_dated_only_by_a_back_reference_may_join_but_not_found() -> None:
    text = "Angry investors demanded the compensation the company promised last month to every customer."
    assert candidates(text, "en") == [("last month", text, False)]
    zh = "多名车主要求飞驰电动兑现上月承诺的全额赔偿和免费更换电池服务。"
    assert candidates(zh, "zh") == [("上月", zh, False)]


def test_a_long_sentence_is_quoted_from_its_subject_to_its_dates_clause() -> None:
    """Over `max_quote_chars`, a sentence dated in a later clause keeps what leads up to it (who
    did what), not the date's clause alone ("according to a plan it filed … on Friday")."""
    lead = "Feichi Electric will recall 126,400 FC-60 electric bicycles made between November 2023 and October 2025"
    dated = ", according to a plan it filed with the provincial market regulator on Friday"
    tail = ", after a charging fire in Linchuan last month that destroyed dozens of bicycles and damaged a building."
    text = lead + dated + tail
    assert len(text) > Rules().max_quote_chars >= len(lead + dated)
    found = candidates(text, "en")
    assert [(d, f) for d, _, f in found] == [("Friday", True)]
    assert found[0][1] == lead + dated


def test_a_long_sentence_cut_at_a_tellers_subject_goes_on_to_its_verb() -> None:
    """Cut to its date's clause, "X said on Monday that Liu Jianguo" tells nothing of what was said:
    the quote goes on through the apposition ("the rider who …") to the clause holding the verb."""
    told = "Dashwell said on Monday that Liu Jianguo, the rider who died in Linjiang last week"
    verb = ", had been recruited by a third-party contractor and was not its employee"
    tail = ", and offered his family 20,000 yuan in what it called humanitarian aid to cover the funeral costs."
    text = told + verb + tail
    assert len(text) > Rules().max_quote_chars >= len(told + verb)
    (found,) = candidates(text, "en")
    assert found[0] == "Monday" and found[1] == told + verb
    # no teller's "that" before a name: the date's clause alone, as before
    plain = "Dashwell paid on Monday the sum its contractor owed, the rider who died in Linjiang last week" + verb + tail
    assert len(plain) > Rules().max_quote_chars
    assert candidates(plain, "en")[0][1] == "Dashwell paid on Monday the sum its contractor owed"


def test_a_long_sentence_cut_at_a_name_after_by_keeps_its_apposition() -> None:
    """Cut to its date's clause, "a letter posted on Monday by Chen Mo" ends on a name: the quote
    keeps the apposition that says who the name is ("a level designer at …"), and stops there."""
    dated = "An open letter posted on Monday by Chen Mo"
    who = ", a level designer at Hangzhou-based Starfall Games"
    tail = (
        ", describing 100-hour weeks on the studio's upcoming title Ember Throne and the months of"
        " unpaid overtime her team had logged since the spring, had been shared more than 2 million"
        " times by Monday night."
    )
    text = dated + who + tail
    assert len(text) > Rules().max_quote_chars
    found = candidates(text, "en")
    assert [(d, f) for d, _, f in found] == [("Monday", True)]  # "by Monday night" dates nothing
    assert found[0][1] == dated + who


def test_the_date_of_a_telling_gives_way_to_the_date_of_what_is_told() -> None:
    """ "公安局今日通报,3月15日凌晨,警方抓获…" happened on 3月15日; with no later date the telling dates it."""
    told = "市公安局今日通报,3月15日凌晨,警方在两地抓获犯罪嫌疑人3名,3人已被刑事拘留。"
    assert [(d, f) for d, _, f in candidates(told, "zh")] == [("3月15日凌晨", True)]
    alone = "市公安局今日通报,警方在两地抓获犯罪嫌疑人3名,3人已被刑事拘留。"
    assert [(d, f) for d, _, f in candidates(alone, "zh")] == [("今日", True)]
    # a notice tells too: "今日发布通知,因…,4月15日至19日共取消186个航班" happened on the 15th
    notice = "航空公司今日发布通知,因机队停场检查,3月15日共取消186个航班。"
    assert [(d, f) for d, _, f in candidates(notice, "zh")] == [("3月15日", True)]
    # a reporter learning it is a telling too: "记者今日从…获悉,…已于昨晚被刑事拘留" happened 昨晚
    learnt = "记者今日从市公安局获悉,博物馆退休保管员韩某涉嫌盗窃馆藏文物,已于昨晚被依法刑事拘留。"
    assert [d for d, _, _ in candidates(learnt, "zh")] == ["昨晚"]
    # English is left alone: "said on Monday that …" is most often the news itself
    en = "Investigators said on Monday that the battery overheated and started the fire over the weekend."
    assert "Monday" in [d for d, _, _ in candidates(en, "en")]


def test_a_date_counted_from_another_speaks_for_the_whole_sentence_it_opens() -> None:
    """同日,… times the whole sentence; "距X才过去72小时" within a sentence only its clause."""
    first = "3月16日,市考试院发布公告,补考定于下月举行。"
    opening = "同日,省纪委监委通报,考试院副院长王某涉嫌严重违纪违法,正接受审查调查。"
    found = candidates(first + opening, "zh")
    assert (
        "同日",
        opening.rstrip("。"),
        True,
    ) in [(d, q.rstrip("。"), f) for d, q, f in found]
    within = "3月13日晚,公司举办发布会。距离上一次引发热议的拆车直播才过去72小时,雷某再次开启直播,观看人数超过百万。"
    counted = [q for d, q, _ in candidates(within, "zh") if d.endswith("72小时")]
    assert counted and "观看人数" not in counted[0]


def test_a_month_day_of_next_week_read_as_last_years_starts_nothing() -> None:
    """A 17 March article: "3月25日起" is next week's plan as likely as last March's day."""
    text = "考试院今日公告,考生可于3月25日起打印准考证。"
    dated = {d: f for d, _, f in candidates(text, "zh")}
    assert dated.get("3月25日起") is not True
    old = "公司去年12月20日发布召回公告。"  # long before publication: a day of the past
    assert [f for _, _, f in candidates(old, "zh")] == [True]
    # a date counted from such a one ("The same day" after a missed plan's "March 25") inherits its doubt
    told = (
        "The exam authority said on Monday that candidates would re-sit the leaked aptitude paper on March 25. "
        "The same day, the watchdog said the deputy head of the authority was under investigation."
    )
    assert ("The same day", False) in [(d, f) for d, _, f in candidates(told, "en")]


def zh_source() -> tuple[Source, object]:
    """An empty Chinese source of 17 March 2026 and a lexicon, for `find_candidates` directly."""
    src = Source(
        id="s1",
        title="t",
        outlet="o",
        outlet_name="o",
        published=datetime(2026, 3, 17, 9, 0, tzinfo=TZ),
        lang="zh",
        keyword="kw",
        body="",
    )
    data = SiteData()
    return src, make_lexicon(data, gazetteer(data), None)


def test_a_day_counted_in_weeks_is_approximate() -> None:
    """ "三周前" is a day or so either way (writers round to the week); "3天前" is a day."""
    src, lexicon = zh_source()

    def when(body: str, lang: str = "zh"):
        src.lang = lang
        (c,) = find_candidates(src, Words.of(body), lexicon, Rules(), find_times).candidates
        return c.when

    weeks = when("三周前,市检察院已就此次污染向法院提起公益诉讼。")
    assert weeks.approximate and weeks.start.day == 24
    assert when("Prosecutors filed a public interest lawsuit three weeks ago.", "en").approximate
    assert not when("3天前,市检察院已就此次污染向法院提起公益诉讼。").approximate


def test_a_week_earlier_than_a_date_is_approximate() -> None:
    """"a week earlier" than Thursday is that Thursday's week: a day or so either way, as "a week
    ago" is (the claim was made on Friday, a week and a day before)."""
    src, lexicon = zh_source()
    src.lang = "en"
    body = (
        "The housing bureau said on Thursday that the tower had been rated a dangerous building, "
        "contradicting the developer's claim a week earlier that it was safe."
    )
    found = find_candidates(src, Words.of(body), lexicon, Rules(), find_times).candidates
    (earlier,) = [c for c in found if "a week earlier" in c.quote]
    assert earlier.when is not None and earlier.when.approximate


def test_only_a_date_restating_its_anchors_time_of_day_goes_on_telling_its_sentence() -> None:
    """当晚 after 晚11时许 restates the time; 当天 (only the day) and 当天下午 (another time) do not."""
    src, lexicon = zh_source()
    lead = "3月14日晚11时许,华屿化工厂一储罐发生泄漏,约20吨苯胺流入河中。"

    def goes_on(second: str) -> bool:
        body = lead + second
        found = find_candidates(src, Words.of(body), lexicon, Rules(), find_times).candidates
        (c,) = [c for c in found if c.quote_span.start >= len(lead)]
        return c.continues_at == body.index("3月14日晚11时许")

    assert goes_on("泄漏已于当晚得到控制。")
    assert not goes_on("当天,市监管局封存了该厂全部同类储罐。")
    assert not goes_on("次日凌晨,市监管局封存了该厂全部同类储罐。")


def test_a_clause_naming_no_action_borrows_its_one_day_sentences() -> None:
    """Clauses of one sentence dated on one day tell one happening when one announces what the
    other tells: the announcement naming no action (the notice) has the action of the clause that
    does (the cancellations); on two days, each clause keeps its own (none)."""
    src, lexicon = zh_source()

    def acts(body: str) -> list[frozenset[str]]:
        found = find_candidates(src, Words.of(body), lexicon, Rules(), find_times).candidates
        assert len(found) == 2
        return [c.acts() for c in found]

    # (a notice, 发布通知, gives its date way to what it tells: one candidate, `background`)
    one_day = acts("华屿航空今日宣布,因机队停场检查,今日起共取消186个航班。")
    assert one_day == [frozenset({"cancel"})] * 2
    two_days = acts("华屿航空3月15日晚宣布,因机队停场检查,3月17日共取消186个航班。")
    assert two_days == [frozenset(), frozenset({"cancel"})]
    # a clause naming no action the table knows need announce nothing: the collision is its own
    told = acts("青洲渡轮公司总经理昨晚在医院致歉,表示渡轮3月16日晚8时许靠岸时撞上防波堤。")
    assert told == [frozenset({"apologise"}), frozenset()]


def test_a_week_round_up_naming_no_action_starts_nothing() -> None:
    """ "this week" / 本周 (a stretch of days up to publication) dating a quote that names no
    action is a round-up of the week; naming an action (a detention), it may found an entry."""
    found = candidates(
        "Skylark Airlines' crisis deepened this week. Police detained two pilots this week.", "en"
    )
    assert [(q, f) for _, q, f in found] == [
        ("Skylark Airlines' crisis deepened this week.", False),
        ("Police detained two pilots this week.", True),
    ]
    assert [f for _, _, f in candidates("本周,飞驰电动的危机进一步加深。", "zh")] == [False]


def test_a_tenure_started_by_a_date_is_no_happening_even_as_a_state_start() -> None:
    """自2019年起担任… is read as a state's start, yet holding a post is told in passing."""
    tenure = "星河乳业自2019年起担任该联赛的官方赞助商。"
    assert candidates(tenure, "zh") == [("2019年起", tenure, False)]
    # a state's start that is no tenure stays a happening
    opened = "该平台自3月2日起即可被公众访问。"
    assert [founding for *_, founding in candidates(opened, "zh")] == [True]


def test_a_past_happening_dated_on_the_calendar_after_after_is_a_candidate_of_its_own() -> None:
    """"…, its second loss after a Heron-2 was destroyed in 2024": the year founds the earlier
    loss (rocket_dense's 2025 failure); "after its mill was closed last week" stays context."""
    found = candidates("The maker's Heron-3 crashed on Monday, its second loss after a Heron-2 was destroyed in 2024.", "en")
    assert ("2024", "its second loss after a Heron-2 was destroyed in 2024.", True) in found
    relative = candidates("Sales fell on Monday after its mill was closed last week.", "en")
    assert not any(date == "last week" and founding for date, _, founding in relative)
