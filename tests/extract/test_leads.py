"""Whom a lead names: the story's, the keyword, or others (`sitegen.extract.leads`)."""

from __future__ import annotations

from sitegen.core.sitedata import SiteData
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.leads import about_others, heads_of_names, named
from sitegen.extract.ner import Tagger


def lexicon(keyword: str):
    return make_lexicon(SiteData(), gazetteer(SiteData()), keyword)


def test_the_same_regulator_on_another_club_names_the_story_and_others(tagger: Tagger) -> None:
    """The association the story shares is the story's; the club it fined is another's."""
    lead = "中国足协对南港队罚款30万元 中国足协今日发布处罚通报,对南港足球俱乐部罚款30万元。"
    found = named(lead, {"中国足协", "赵国栋"}, lexicon("江州海鸥"), tagger)
    assert found.story == ["中国足协"] and not found.keyword
    assert "南港足球俱乐部" in found.others
    assert about_others(lead, {"中国足协"}, lexicon("江州海鸥"), tagger) == []


def test_the_keyword_as_its_own_subject_or_as_one_item_of_a_list(tagger: Tagger) -> None:
    own = named("绿原乳业宣布召回小绿瓶酸奶", set(), lexicon("绿原乳业"), tagger)
    assert own.keyword
    ranking = "乳企品牌榜:伊品、蒙源、绿原乳业、天润位列前四"
    listed = named(ranking, set(), lexicon("绿原乳业"), tagger)
    assert not listed.keyword and {"蒙源", "天润"} <= set(listed.others)
    assert {"蒙源", "天润"} <= set(about_others(ranking, set(), lexicon("绿原乳业"), tagger))


def test_a_name_in_latin_letters_counts_for_the_story_it_spells() -> None:
    """No tagger needed for English: capitalised runs; a run the story shares is the story's."""
    lex = lexicon("Skylark")
    found = named("Skylark Drones unveils a crop-spraying drone in Shenzhen", {"shenzhen"}, lex, Tagger())
    assert "shenzhen" in found.story


def test_a_word_opening_a_tagged_name_is_a_name(tagger: Tagger) -> None:
    """jieba cuts the company 擎天云 into 擎天 + 云, and knows 擎天 as a word: the tagger finds the
    whole name in the leads, so the shared 擎天 counts as a name.  数据中心 only ends a name
    (怀来数据中心: the name's kind) and 民航 is too common to be anyone's (民航华东地区管理局)."""
    leads = {
        "a": "擎天云怀来数据中心凌晨起火 多款App无法使用",
        "b": "工业和信息化部约谈擎天云",
        "c": "民航华东地区管理局约谈海岳航空",
    }
    subjects = {"a": ["擎天", "数据中心"], "b": ["擎天"], "c": ["民航", "航空"]}
    assert heads_of_names(["擎天", "数据中心", "民航"], subjects, leads, tagger) == {"擎天"}
