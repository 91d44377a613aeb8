"""A report's headline names its subject: pinyin of the story's names a headline writes count
among the report's subjects though its excerpt never repeats them."""

from __future__ import annotations

from collections import Counter

from sitegen.core.sitedata import SiteData
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.headline_names import headline_names
from sitegen.extract.relevance import judge
from sitegen.extract.rules import Rules
from sitegen.extract.words import Words

# a ferry capsizes off the port of 石港; the Chinese reports name the port and the captain 林海涛
FERRY = [
    "石港附近海域一艘客渡船倾覆，船长林海涛已被控制，海事部门组织搜救。",
    "石港海事局通报，客渡船倾覆事故已致4人遇难，船长林海涛接受调查。",
    "客渡船倾覆后，石港航线全部停航，林海涛所在船东公司被约谈。",
    "渡船事故调查组进驻石港，船长林海涛涉嫌重大责任事故罪。",
    "遇难者家属与船东签署赔偿协议，石港海事局到场，林海涛未出席。",
]
# the excerpt names the captain only (and a company no one else names); the headline the port
TITLE = "Shigang ferry families reach settlement"
BODY = "Families met Bluewave Shipping on Friday to sign the papers, captain Lin Haitao said."
ASIDE = "A bakery in Portsmouth sold out of ferry-shaped biscuits on Friday, its owner said."


def lexicon_of(docs):
    return make_lexicon(SiteData(), gazetteer(SiteData()), "渡船")


def test_the_headline_names_the_excerpt_lacks_count_once() -> None:
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*FERRY, BODY])}
    lexicon = lexicon_of(docs)
    judge(docs, lexicon, Rules())  # teaches the lexicon the pinyin of the shared names
    found = headline_names(TITLE + " " + BODY, BODY, lexicon, 1.0)
    assert found == Counter({"石港": 1.0}), found
    assert not headline_names(BODY, BODY, lexicon, 1.0)  # the excerpt's own names count there


def test_a_report_whose_headline_names_the_story_shares_two_of_its_names() -> None:
    texts = [*FERRY, BODY, ASIDE]
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    leads = {sid: t for sid, t in zip(docs, texts, strict=True)}
    leads["s5"] = f"{TITLE} {BODY}"
    without = judge(docs, lexicon_of(docs), Rules())
    judged = judge(docs, lexicon_of(docs), Rules(), leads=leads)
    assert "s5" in without.off_topic  # the excerpt alone shares one name
    assert "s5" not in judged.off_topic and "s6" in judged.off_topic
