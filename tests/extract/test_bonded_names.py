"""Two words jieba cuts out of one name (天穹 + 极光 of a company 天穹极光) are a name's when the
dump writes them bonded (`sitegen.extract.bonded_names`): a Chinese report naming the company
and otherwise only foreign names stays on topic."""

from __future__ import annotations

from sitegen.extract.bonded_names import bonded_names
from sitegen.extract.words import Words

from .test_relevance import judged_with_names

STORY = [
    "天穹极光火箭昨晚在酒泉发射失利,六颗卫星未能入轨,董事长王建国称已成立调查组。",
    "天穹极光董事长王建国表示,火箭二级发动机出现异常,具体原因仍在调查。",
    "国家航天局今日约谈天穹极光董事长王建国,要求排查酒泉发射失利原因。",
    "天穹极光港股今日收跌三成,市值蒸发约80亿港元,王建国未回应。",
    "天穹极光宣布暂停后续发射任务,王建国称直至调查结束。",
    "酒泉发射失利后,天穹极光董事长王建国向卫星客户致歉。",
]
# its customer's filing abroad: the company, and otherwise only the United States' names
FILING = "当地时间周二,在美国纳斯达克上市的一家运营商向美国证券交易委员会提交文件,宣布终止与天穹极光的合同。"


def docs(texts: list[str]) -> dict[str, Words]:
    return {f"s{i}": Words.of(t) for i, t in enumerate(texts)}


def test_two_words_always_written_together_are_bonded() -> None:
    assert Words.of(STORY[0]).tokens[:2] == ["天穹", "极光"]  # jieba cuts the name in two
    assert bonded_names(docs(STORY), {"天穹", "极光", "火箭", "发射"}, 5) == {"天穹", "极光"}


def test_words_written_apart_too_or_in_few_sources_are_not_bonded() -> None:
    # 极光 alone, as often as in the name: a generic word
    apart = [*STORY, "极光今晚可见。", "游客拍到极光。", "极光观测季开始。", "一次极光。", "极光。"]
    assert bonded_names(docs(apart), {"天穹", "极光"}, 5) == set()
    assert bonded_names(docs(STORY), {"天穹", "极光"}, len(STORY) + 1) == set()
    # a namesake writing one half alone now and then leaves the bond
    assert bonded_names(docs([*STORY, "科幻剧《天穹》定档。"]), {"天穹", "极光"}, 5) == {"天穹", "极光"}


def test_a_report_naming_the_bonded_company_and_foreign_names_is_on_topic() -> None:
    out = judged_with_names([*STORY, FILING], "火箭")
    assert f"s{len(STORY)}" not in out.off_topic
