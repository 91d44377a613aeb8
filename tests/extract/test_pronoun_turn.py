"""A clause whose subject is a personal pronoun, dated from its paragraph's earlier date on that
day, founds no entry: it goes on telling the person the earlier sentence named (pronoun_turn)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sitegen.core.dates import When
from sitegen.core.model import Source
from sitegen.core.sitedata import SiteData
from sitegen.extract.candidates import find_candidates
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.pronoun_turn import pronoun_subject, pronoun_turn
from sitegen.extract.rules import Rules
from sitegen.extract.temporal.find import find_times
from sitegen.extract.words import Words

TZ = ZoneInfo("Asia/Shanghai")


@dataclass
class M:
    start: int
    end: int
    kind: str = "anchored"
    when: When | None = None


def _day(d: int, h: int = 0) -> When:
    return When(datetime(2025, 11, d, h, tzinfo=TZ), "hour")


def _at(text: str, date: str, kind: str = "anchored", when: When | None = None) -> M:
    i = text.index(date)
    return M(i, i + len(date), kind, when)


def test_the_subject_is_read_after_the_date_or_alone_before_it() -> None:
    t = "昨日下午，沈维清参观时发现展品疑为仿品。当晚，他在微博发文质疑展品被调包"
    assert pronoun_subject(t, _at(t, "当晚"), "zh")
    t2 = "昨日下午，沈维清参观时发现展品疑为仿品。他当晚在微博发文质疑"
    assert pronoun_subject(t2, _at(t2, "当晚"), "zh")
    t3 = "昨日下午，沈维清参观时发现展品疑为仿品。当晚，博物馆发布声明"
    assert not pronoun_subject(t3, _at(t3, "当晚"), "zh")  # a name: judged as any other clause
    t4 = "当晚，他人代为发布声明"
    assert not pronoun_subject(t4, _at(t4, "当晚"), "zh")  # 他人 is no pronoun of a person named
    t5 = "Shen visited the museum on Sunday afternoon. That evening, he posted on Weibo"
    assert pronoun_subject(t5, _at(t5, "That evening"), "en")
    t6 = "That evening, the museum replied"
    assert not pronoun_subject(t6, _at(t6, "That evening"), "en")


def test_a_pronoun_after_a_date_the_clause_does_not_open_is_its_own_subjects() -> None:
    """"Harbour police said the same day they had detained two guards": "they" is the police the
    clause names before its date, not someone an earlier sentence named."""
    t = "The carrier blamed a supplier on Monday. Harbour police said the same day they had detained two guards"
    assert not pronoun_subject(t, _at(t, "the same day"), "en")
    t2 = "The carrier blamed a supplier on Monday. And the same day, they detained two guards"
    assert pronoun_subject(t2, _at(t2, "the same day"), "en")  # a linking word opens the clause
    t3 = "昨日上午，航运公司归咎于供应商。港口警方同日称，他们已控制两名保安"
    assert not pronoun_subject(t3, _at(t3, "同日"), "zh")
    t4 = "昨日上午，沈维清参观时发现展品疑为仿品。随后当晚，他在微博发文"
    assert pronoun_subject(t4, _at(t4, "当晚"), "zh")


def test_only_a_count_from_the_earlier_date_on_its_day_turns() -> None:
    t = "昨日下午，沈维清参观时发现展品疑为仿品。当晚，他在微博发文质疑"
    anchor = _at(t, "昨日下午", "relative", _day(16, 12))
    assert pronoun_turn(t, _at(t, "当晚", when=_day(16, 18)), anchor, "zh")
    t2 = "昨日下午，沈维清参观时发现展品疑为仿品。次日，他在微博发文质疑"
    anchor2 = _at(t2, "昨日下午", "relative", _day(16, 12))
    assert not pronoun_turn(t2, _at(t2, "次日", when=_day(17, 0)), anchor2, "zh")  # another day
    own = _at(t, "当晚", "relative", _day(16, 18))
    assert not pronoun_turn(t, own, anchor, "zh")  # not counted from the earlier date


def test_the_pronoun_clause_founds_no_entry_and_goes_on_telling_the_named_person() -> None:
    body = (
        "昨日下午，沈维清在南屏市博物馆参观时发现，展柜中的青瓷凤耳瓶釉色发白，与照片明显不符。"
        "当晚，他在微博发文质疑展品被调包，相关话题阅读量已超过5000万。"
    )
    src = Source(
        id="s1",
        title="t",
        outlet="o",
        outlet_name="o",
        published=datetime(2025, 11, 17, 9, 0, tzinfo=TZ),
        lang="zh",
        keyword="南屏",
        body=body,
    )
    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    found = find_candidates(src, Words.of(body), lexicon, Rules(), find_times)
    by_quote = {c.quote[:4]: c for c in found.candidates}
    first, turn = by_quote["昨日下午"], by_quote["当晚，他"]
    assert first.founding and not turn.founding
    assert turn.continues_at == body.index("昨日下午")
