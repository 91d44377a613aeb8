"""A dated clause of one content word that names an action tells a happening (`recall_rules.
short_telling`): a retrospective's "2016年交付；…3月5日开始拆除" and "Built in 2016, …" are cited by
the delivery's and the demolition's entries, though too short to found one (`Found.unquoted`)."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.core.model import Source
from sitegen.core.sitedata import SiteData
from sitegen.extract.actions import actions
from sitegen.extract.candidates import find_candidates
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.recall_rules import short_telling
from sitegen.extract.rules import Rules
from sitegen.extract.temporal.find import find_times
from sitegen.extract.words import Words

from .test_extract_units import source
from .test_identity import run

TZ = ZoneInfo("Asia/Shanghai")


def test_one_word_naming_an_action_tells_one() -> None:
    assert short_telling("2016年交付；", ["交付"])
    assert short_telling("Built in 2016", ["built"])
    assert short_telling("3月5日开始拆除", ["拆除"])
    assert not short_telling("for about six hours in July 2023", ["hours"])  # no action: nothing told
    assert not short_telling("2016年", [])
    # the actions' table: a building's delivery and its demolition, in both languages
    assert actions().of("该楼于2016年交付使用") == actions().of("The tower was built in 2016") == {"deliver"}
    assert actions().of("3号楼开始机械拆除") == actions().of("Demolition began on Thursday") == {"demolish"}
    assert actions().of("The block was torn down") == {"demolish"}


def test_a_quote_too_short_to_found_an_entry_keeps_its_dates_for_the_second_pass() -> None:
    body = "2016年交付；去年11月12日晚承重柱开裂，居民连夜疏散。"
    src = Source(
        id="s1",
        title="t",
        outlet="o",
        outlet_name="o",
        published=datetime(2026, 3, 8, 9, 0, tzinfo=TZ),
        lang="zh",
        keyword="kw",
        body=body,
    )
    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    found = find_candidates(src, Words.of(body), lexicon, Rules(), find_times)
    assert [c.quote for c in found.unquoted] == ["2016年交付；"]
    assert "2016年交付；" not in [c.quote for c in found.candidates]
    assert [m.text for m in found.unquoted[0].sentence_mentions] == ["2016年"]


BUILT = "云栖花园3号楼共28层,于2016年交付使用,业主多为青州本地居民。"
BUILT_2 = "青州云栖花园3号楼2016年交付使用,开发商为恒岳地产,共28层。"
CRACKS = "11月12日晚,青州云栖花园3号楼承重柱开裂,200余户居民连夜疏散。"
CRACKS_2 = "青州云栖花园3号楼11月12日晚出现承重柱开裂,居民连夜撤离。"
LOOKBACK = "云栖花园3号楼始末。2016年交付；11月12日晚承重柱开裂，居民连夜疏散。"


def test_a_retrospectives_short_clause_is_cited_by_the_past_happening_it_names(tmp_path: Path) -> None:
    sources = [source(1, BUILT, 13), source(2, BUILT_2, 14), source(3, CRACKS, 13), source(4, CRACKS_2, 13)]
    sources = [replace(s, published=s.published.replace(month=11)) for s in sources]
    look = replace(source(5, LOOKBACK, 20), published=datetime(2025, 12, 20, 9, tzinfo=TZ))
    out = run(tmp_path, [*sources, look])
    quotes = [{c.source: c.quote for c in e.sources} for e in out.events]
    built = next(q for q in quotes if "s1" in q)
    assert built.get("s5") == "2016年交付；"
    assert all("2016" not in q.get("s5", "") for q in quotes if q is not built)
