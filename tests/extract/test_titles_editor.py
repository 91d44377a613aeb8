"""Titles an editor reading the built gold sites marked as no headline, and the general rule that
mends each (issue 24): a leading clause of means, a verb of speech inside a clause, a relative day
opened by 自…起, a trailing "the same day" or ", adding", a lone "受此影响", a pointer 其 before a
name, a clause opening on 收报.  Each sentence here is a shape, not a story's words; the
headline is what an editor cuts from it by dropping words (`test_titles.best_title` chooses as the
pipeline does).
"""

from __future__ import annotations

import pytest

from sitegen.extract.headline import drop_relative_days, headline_variants
from sitegen.extract.headline_checks import headline_problems
from sitegen.extract.rules import Rules
from sitegen.extract.titles import title_choices, title_score

from .test_titles import MAX, best_title, candidate

CASES = [
    # (what it shows, source sentence, the headline)
    ("a leading clause of means goes", "经初步排查，某小区3号楼主体结构安全。", "某小区3号楼主体结构安全"),
    (
        "… and does not stand alone",
        "经第三方机构检测，某小区3号楼被鉴定为D级危房。",
        "某小区3号楼被鉴定为D级危房",
    ),
    ("表示 inside a clause goes before its predicate", "某公司表示将上诉。", "某公司将上诉"),
    ("回应称 inside a clause goes", "博物馆回应称展出的是复制品。", "博物馆展出的是复制品"),
    (
        "a frame verb with 称 inside a clause goes",
        "12月3日，某平台发布声明称将提供2万元援助。",
        "某平台将提供2万元援助",
    ),
    ("称 inside a later clause goes", "大门紧闭,多名员工称已接到放假通知", "大门紧闭,多名员工已接到放假通知"),
    (
        "即日起 is a relative day",
        "公司即日起在全国范围内暂停销售某型号产品。",
        "公司在全国范围内暂停销售某型号产品",
    ),
    (
        "自…起 goes whole with its day",
        "某公司股票自今日起停牌，复牌时间待定。",
        "某公司股票停牌，复牌时间待定",
    ),
    (
        "受此影响 and a pointer 其 before a relation go",
        "受此影响，其控股股东某控股股价今日开盘即一字跌停，收报4.12元",
        "控股股东某控股股价开盘即一字跌停",
    ),
]


@pytest.mark.parametrize(("what", "sentence", "headline"), CASES, ids=[c[0] for c in CASES])
def test_editor_cases(what: str, sentence: str, headline: str) -> None:
    assert best_title(sentence) == headline, what


def test_a_verb_of_speech_stays_before_a_subject_or_a_noun():
    # what follows has a subject of its own, or is the object of 表示 ("表示歉意"): nothing goes
    assert "公司表示歉意" in headline_variants("公司表示歉意")
    assert headline_variants("产品名称为某某")[0] == "产品名称为某某"
    assert headline_variants("某某称“他们已经离开”")[0] == "某某称“他们已经离开”"


def test_lone_fragments_are_problems():
    assert "no subject" in headline_problems("收报4.12元")
    assert "starts mid-sentence" in headline_problems("受此影响")
    assert "opens on how it was learnt" in headline_problems("经第三方机构检测")


def test_zi_alone_stays_without_its_qi():
    # 自 goes only with the 起 that closes it: "自今日" alone is left as it was written
    assert drop_relative_days("公司股票自今日起停牌") == "公司股票停牌"
    assert drop_relative_days("公司自今日上午起暂停营业") == "公司暂停营业"


def _best_en(text: str, quote: str | None = None) -> str:
    rules = Rules()
    choices = title_choices(candidate(text, quote, "en"), MAX)
    return max(choices, key=lambda c: title_score(c[1], 0.0, c[2], True, rules))[1]


def test_a_trailing_relative_phrase_goes():
    text = "Chairman Wang Li apologised to patients in a video statement the same day."
    assert _best_en(text) == "Chairman Wang Li apologised to patients in a video statement"


def test_a_lone_participle_of_speech_at_the_end_goes():
    text = "Managers had ignored her warnings about the impurity, adding"
    assert _best_en(text) == "Managers had ignored her warnings about the impurity"
