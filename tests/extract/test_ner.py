"""The Chinese tagger (`ner.Tagger`, Baidu's LAC) against names marked by hand, and its offsets."""

from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

from sitegen.extract.ner import Tagger

FIXTURE = Path(__file__).parent / "fixtures" / "names_zh.toml"
KEYS = {"people": "person", "organisations": "organisation", "places": "place"}


def test_names_of_the_hand_marked_sentences_are_found(tagger: Tagger) -> None:
    """Measured when adopted: precision 0.83, recall 0.81 over 73 names (jieba's tags: 0.21, 0.16)."""
    rows = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))["sentence"]
    assert len(rows) >= 30
    want = {(i, n, KEYS[k]) for i, row in enumerate(rows) for k in KEYS for n in row.get(k, [])}
    got = {(i, n, kind) for i, row in enumerate(rows) for n, kind, _ in tagger.names(row["text"])}
    untyped = {x[:2] for x in got} & {x[:2] for x in want}
    assert len(untyped) / len(want) >= 0.78 and len(untyped) / len(got) >= 0.8
    people = {x for x in want if x[2] == "person"}
    assert people <= got  # every person marked is found, as a person


def test_offsets_point_at_the_name_in_the_text(tagger: Tagger) -> None:
    text = "Opinion: 卓思教育于11月19日向港交所递交招股书,拟在香港主板上市。董事长高振东致歉。"
    names = tagger.names(text)
    assert {n for n, _, _ in names} >= {"卓思教育", "港交所", "香港", "高振东"}
    assert all(text[at : at + len(n)] == n for n, _, at in names)
    assert tagger.names(text) is names  # memoised


def test_english_text_has_no_chinese_names(tagger: Tagger) -> None:
    assert tagger.names("Sealink Technologies confirmed on Tuesday that a database was exposed.") == []


def test_name_chips_come_from_the_tagger_where_jieba_cuts_names_wrong(tagger: Tagger) -> None:
    """jieba's tags give 由刘强 (for 刘强东), 官林悦 (首席技术官 + 林悦) and 公开信; the tagger
    does not, and a person LAC ran into an organisation (许斐和集团) is still found."""
    from sitegen.core.sitedata import SiteData
    from sitegen.extract.entities import gazetteer, make_lexicon, people
    from sitegen.extract.words import Words

    texts = [
        "节目由刘强东和雷军共同出席,江苏卫视播出。",
        "公司首席技术官林悦表示,截至目前未发现下载记录。",
        "瀚海智联创始人苏明哲发布致用户公开信。",
        "小米公司通报处罚结果,集团副总裁兼CMO许斐和集团公关部总经理徐洁云被通报批评。",
        "江州市网信办约谈瀚海智联公司负责人。",
    ]
    quotes = [(Words.of(t).tokens, t) for t in texts]
    gaz = gazetteer(SiteData())
    lexicon = make_lexicon(SiteData(), gaz, None)
    by_jieba = people(quotes, lexicon, gaz, 20)
    by_tagger = people(quotes, lexicon, gaz, 20, tagger, len(quotes))
    assert {"由刘强", "官林悦"} & set(by_jieba)  # what the tagger is for
    assert {"刘强东", "雷军", "林悦", "苏明哲", "许斐", "徐洁云"} <= set(by_tagger)
    assert not {"由刘强", "官林悦", "公开信", "江州市网信办约谈"} & set(by_tagger)
    # beyond the sample, a quote's Chinese names are not looked for (the cost stays per event)
    assert people(quotes, lexicon, gaz, 20, tagger, 1) == ["刘强东", "雷军", "江苏卫视"]


def _chips(texts: list[str], tagger: Tagger) -> tuple[list, object, list[str]]:
    """(quotes, lexicon, the names `entities.people` puts on an event's chips) for ``texts``, every
    quote read by the tagger."""
    from sitegen.core.sitedata import SiteData
    from sitegen.extract.entities import gazetteer, make_lexicon, people
    from sitegen.extract.words import Words

    quotes = [(Words.of(t).tokens, t) for t in texts]
    gaz = gazetteer(SiteData())
    lexicon = make_lexicon(SiteData(), gaz, None)
    return quotes, lexicon, people(quotes, lexicon, gaz, 20, tagger, len(quotes))


def test_a_role_before_a_name_is_not_part_of_the_chip(tagger: Tagger) -> None:
    """LAC takes 港商林海文 whole for an organisation, or tags 港商 apart as one: either way the
    chip is the person (林海文), and a part of that name (海文) is no tag of its own."""
    from sitegen.extract.entities import tags

    texts = [
        "2025年8月，港商林海文旗下海文控股收购临江渔夫足球俱乐部。",
        "港商林海文11日在香港赤鱲角机场被警方拘捕。",
        "临江渔夫俱乐部老板、港商林海文在机场被捕，海文控股拒绝置评。",
    ]
    quotes, lexicon, found = _chips(texts, tagger)
    assert "林海文" in found
    assert not [n for n in found if "港商" in n]
    tokens = [t for toks, _ in quotes for t in toks]
    assert "海文" not in tags(tokens, lexicon, set(found), Counter(), 10, found)


def test_a_name_run_on_into_the_next_word_gives_way_to_the_name(tagger: Tagger) -> None:
    """LAC reads 被中国足协处以禁赛 as 中国足协处: cut once each way, a full name of four or more
    characters wins over itself with one character more; a person's name cut short (刘强 /
    刘强东) still gives way to the longer one."""
    texts = ["该队两名球员因参与赌球被中国足协处以禁赛一年。", "中国足协今日发布通知，暂停该队参赛资格。"]
    assert [n for n, _, _ in tagger.names(texts[0])] == ["中国足协处"]  # what LAC does
    _, _, found = _chips(texts, tagger)
    assert "中国足协" in found and "中国足协处" not in found


def test_a_piece_of_a_name_gives_way_to_the_whole_however_often_it_is_found(tagger: Tagger) -> None:
    """jieba cuts 瀚海|智联 and 苏|明哲, and a bridge from an English spelling (Mingzhe) finds the
    piece in every English quote: outnumbered, the whole name the tagger found is still the chip."""
    from sitegen.core.sitedata import SiteData
    from sitegen.extract.entities import gazetteer, make_lexicon, people
    from sitegen.extract.words import Words

    data = SiteData(people={"明哲": ["Mingzhe"]}, organisations={"智联": ["Zhilian"]})
    gaz = gazetteer(data)
    lexicon = make_lexicon(data, gaz, None)
    texts = ["3月6日，瀚海智联创始人苏明哲发布致用户公开信。", "Mingzhe of Zhilian apologised.", "Mingzhe of Zhilian wrote."]
    quotes = [(Words.of(t).tokens, t) for t in texts]
    found = people(quotes, lexicon, gaz, 20, tagger, len(quotes))
    assert {"苏明哲", "瀚海智联"} <= set(found) and not {"明哲", "智联"} & set(found), found


def test_places_run_together_are_no_organisation_chip(tagger: Tagger) -> None:
    """LAC reads 中国大陆中甲 (of 中国大陆中甲球队…) as an organisation: places run together, and
    no organisation's name (those end on what kind they are: 局, 集团, 俱乐部)."""
    texts = ["中国大陆中甲球队临江渔夫足球俱乐部13日发表声明，向球迷公开致歉。"]
    _, _, found = _chips(texts, tagger)
    assert "中国大陆中甲" not in found, found
    _, _, found = _chips(["临川市市场监管局约谈飞驰电动主要负责人。"], tagger)
    assert "临川市市场监管局" in found, found


def test_a_role_cut_in_pieces_is_no_tag(tagger: Tagger) -> None:
    """jieba cuts 首席执行官 and 首席技术官 into 首席|执行官, 首席|技术|官: 首席 says who someone
    is, like 董事长, not what happened (stopwords.txt's job titles)."""
    from sitegen.core.sitedata import PACKAGE_DATA, _read_words
    from sitegen.extract.entities import tags

    texts = ["公司首席执行官林悦发布致用户公开信。", "首席技术官周明在朋友圈发文，数据中心受影响的实例已恢复。"]
    quotes, lexicon, found = _chips(texts, tagger)
    lexicon.stopwords |= {w.lower() for w in _read_words(PACKAGE_DATA / "stopwords.txt")}  # as a site reads them
    tokens = [t for toks, _ in quotes for t in toks]
    assert "首席" not in tags(tokens, lexicon, set(found), Counter(), 10, found)
