"""The text cleaner: stray spaces, bylines, machine summaries, excerpts, Markdown safety."""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.core.markdown import escape_text, normalise_ws, plain_text, render
from sitegen.ingest.clean import clean_body, detect_lang, extract_bylines, join_stray_spaces

TZ = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    "raw,clean",
    [
        # spaces extraction put inside words
        ("小米公 关部负责人", "小米公关部负责人"),
        ("卖出几十 万台手机", "卖出几十万台手机"),
        ("才过去72小 时,这位", "才过去72小时,这位"),
        ("一位出身技 术背景的工程师", "一位出身技术背景的工程师"),
        ("甚至是刻 意的抹黑", "甚至是刻意的抹黑"),
        ("消防部门已经控 制了火势", "消防部门已经控制了火势"),
        ("调查组表 示将公布结果", "调查组表示将公布结果"),
        ("选举委员会宣 布了结果", "选举委员会宣布了结果"),
        # function words cannot end or begin a clause
        ("也是在这个 节目中", "也是在这个节目中"),
        ("江苏卫视 的节目", "江苏卫视的节目"),
        ("价值观绑定, 都是常用策略", "价值观绑定,都是常用策略"),
        # a number belongs to what precedes it
        ("一档娱乐节目,节目中 两个团队PK", "一档娱乐节目,节目中两个团队PK"),
        ("曾提到自己身高 一米八一,但在", "曾提到自己身高一米八一,但在"),
        ("公司员工 3000余人", "公司员工3000余人"),
        ("化工厂发生火灾 三人受伤", "化工厂发生火灾 三人受伤"),  # a headline's two clauses
        # real separators stay
        ("记者 王小明 李华", "记者 王小明 李华"),
        ("文丨朱芷葵 曾静娇", "文丨朱芷葵 曾静娇"),
        ("He said the show was a joke", "He said the show was a joke"),
        ("结束了。 新的一天", "结束了。 新的一天"),
        ("个人 IP是王牌", "个人 IP是王牌"),
        ("发布了 Model Y 新版", "发布了 Model Y 新版"),
        # whitespace of all kinds folded
        ("a\u3000b\u00a0c  d\u2009e", "a b c d e"),
    ],
)
def test_stray_spaces(raw, clean):
    assert join_stray_spaces(raw) == clean


def test_cleaning_never_changes_characters_other_than_spaces():
    raw = '雷军表 示,这件事情为什么这么严重 对于一个月掉粉20多 万,雷军回应:"确实是掉了"'
    assert join_stray_spaces(raw).replace(" ", "") == raw.replace(" ", "")


@pytest.mark.parametrize(
    "raw,rest,bylines",
    [
        (
            "甲说了话。 2026-01-09 18:42:07 作者:狼叫兽 乙回应。",
            "甲说了话。 乙回应。",
            [("author", "狼叫兽", "2026-01-09T18:42:07+08:00")],
        ),
        ("来源:市场资讯 针对此前的事件", "针对此前的事件", [("source", "市场资讯", None)]),
        (
            "正文一。 (来源:21Style) 文丨朱芷葵 曾静娇 1月7日晚,直播开始。",
            "正文一。 1月7日晚,直播开始。",
            [("source", "21Style", None), ("author", "朱芷葵", None), ("author", "曾静娇", None)],
        ),
        (
            "新闻荐读 本月早些时候,公司宣布目标。",
            "本月早些时候,公司宣布目标。",
            [("column", "新闻荐读", None)],
        ),
        (
            "消息称工厂起火。 来源:金融界汽车 对于此事",
            "消息称工厂起火。 对于此事",
            [("source", "金融界汽车", None)],
        ),
        ("编辑:王小明 火势已得到控制。", "火势已得到控制。", [("editor", "王小明", None)]),
        ("来源不明的消息仍在流传。", "来源不明的消息仍在流传。", []),
    ],
)
def test_bylines(raw, rest, bylines):
    text, found = extract_bylines(raw, TZ)
    assert text == rest
    assert [(b.role, b.name, b.time) for b in found] == bylines


SUMMARY = (
    "Core Viewpoint - The article discusses a recall of 2 million cars [1][3]. "
    "Group 1: Recall Details - On March 5, the regulator ordered the recall [2]. "
    "- The maker apologised the same day [4][5]. "
    "Group 2: Market Reaction - Shares fell 5% [6]."
)


def test_machine_summary_becomes_sections_and_bullets():
    body = clean_body(SUMMARY, TZ)
    assert body.lang == "en"
    html = render(body.text)
    assert "<h2>Core Viewpoint</h2>" in html
    assert "<h2>Group 1: Recall Details</h2>" in html
    assert html.count("<li>") == 3
    assert "[1][3]" in html  # citation markers kept, as text
    # no character of the summary is lost or invented, only the " - " separators became structure
    assert set(normalise_ws(plain_text(body.text)).replace(" ", "")) <= set(SUMMARY.replace(" ", ""))
    for sentence in ("On March 5, the regulator ordered the recall [2].", "Shares fell 5% [6]."):
        assert sentence in plain_text(body.text)


def test_excerpt_marker_and_paragraphs():
    body = clean_body("第一句话。 第二句话,还没有说 完 ...", TZ)
    assert body.excerpt is True
    assert body.text == "第一句话。\n\n第二句话,还没有说完"
    assert clean_body("完整的一句话。", TZ).excerpt is False


@pytest.mark.parametrize(
    "text,lang", [("这是中文。", "zh"), ("This is English with 雷军 inside.", "en"), ("KOL事件回应", "zh")]
)
def test_language(text, lang):
    assert detect_lang(text) == lang


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "[点我](javascript:alert(1))",
        "![x](http://evil.example/x.png)",
        "**粗体** _斜体_ `代码`",
        "# 不是标题",
        "1. 不是列表",
        "&lt;实体&gt; &amp;",
        "<http://autolink.example>",
        "{{ jinja }} {% raw %}",
    ],
)
def test_imported_text_renders_as_the_same_characters(hostile):
    body = clean_body(hostile, TZ)
    assert plain_text(body.text) == hostile
    html = render(body.text)
    assert "<script" not in html and "<img" not in html and "href" not in html


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80))
def test_escape_round_trip(text):
    line = re.sub(r"\s+", " ", text).strip()
    assert normalise_ws(plain_text(escape_text(line))) == line


BYLINE_SAMPLES = [
    "甲说了话。 2026-01-09 18:42:07 作者:狼叫兽 乙回应。",
    "甲说了话。 2026-01-09 18:42 文:狼叫兽 乙回应。",
    "正文一。 (来源:21Style) 文丨朱芷葵 曾静娇 1月7日晚,直播开始。",
    "消息称工厂起火。 来源:金融界汽车 对于此事",
    "撰文:李四 记者 王小明 李华 责编:赵六 编辑:王小明 火势已得到控制。 相关阅读 新闻荐读",
    "记者王小明 延伸阅读 推荐阅读 文/张三 文|李四",
]


def test_each_byline_rule_matches_only_text_holding_one_of_its_words() -> None:
    """`extract_bylines` runs a rule only on a text holding one of its words (a speed
    shortcut): every match of every rule, in the samples and every gold dump, holds one."""
    from pathlib import Path

    from sitegen.ingest.clean import _BYLINE_RULES, _BYLINE_WORDS

    gold = Path(__file__).resolve().parents[1] / "extract" / "gold"
    texts = BYLINE_SAMPLES + [line for f in sorted(gold.glob("*.txt")) for line in f.read_text("utf-8").split("\n")]
    matched = [0] * len(_BYLINE_RULES)
    for text in texts:
        for i, ((_, pattern), words) in enumerate(zip(_BYLINE_RULES, _BYLINE_WORDS, strict=True)):
            for m in pattern.finditer(text):
                matched[i] += 1
                assert any(w in m.group() for w in words), (pattern.pattern, m.group())
    assert all(matched)  # every rule met


def test_a_tail_is_an_excerpt_only_when_the_text_ends_on_an_ellipsis() -> None:
    assert clean_body("火势已得到控制 ...", TZ).excerpt
    assert clean_body("火势已得到控制……  ", TZ).excerpt
    assert clean_body("火势已得到控制。。。", TZ).text == "火势已得到控制"
    assert not clean_body("火势……已得到控制。", TZ).excerpt
    assert clean_body("火势……已得到控制。", TZ).text == "火势……已得到控制。"
