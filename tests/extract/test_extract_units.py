"""Unit tests of the extraction stages: passages, merging, dates, relevance, entity aliases."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sitegen.config import load_config
from sitegen.core.dates import When
from sitegen.core.markdown import contains_quote
from sitegen.core.model import Source
from sitegen.core.sitedata import SiteData, load_site_data
from sitegen.extract import extract
from sitegen.extract.dating import Claim, settle
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.passages import clauses, paragraphs, sentences
from sitegen.extract.relevance import judge
from sitegen.extract.rules import Rules, rules_from
from sitegen.extract.words import Words, pinyin_key

try:  # tests/ is a package on main, plain folder on older branches
    from ..conftest import new_site
except ImportError:
    from conftest import new_site

TZ = ZoneInfo("Asia/Shanghai")


def source(n: int, body: str, day: int = 10, lang: str = "zh", outlet: str = "Out Let") -> Source:
    return Source(
        id=f"s{n}",
        title=f"标题{n}",
        outlet=f"{outlet} {n}",
        outlet_name=f"{outlet}{n}",
        published=datetime(2025, 6, day, 9, 0, tzinfo=TZ),
        lang=lang,
        keyword="关键词",
        body=body,
    )


def run(tmp_path: Path, sources: list[Source], people: str = "") -> object:
    root = new_site(tmp_path / "site")
    if people:
        (root / "content" / "data").mkdir()
        (root / "content" / "data" / "people.toml").write_text(people, encoding="utf-8")
    config = load_config(root)
    return extract(sources, config, load_site_data(config))


# -- passages ------------------------------------------------------------------------
def test_sentences_keep_closing_quotes_and_clauses_drop_commas() -> None:
    text = '他说:"我们今天开会。"随后离开。\n\nShe left. Then she came back!'
    spans = [s.of(text) for p in paragraphs(text) for s in sentences(text, p)]
    assert spans == ['他说:"我们今天开会。"', "随后离开。", "She left.", "Then she came back!"]
    first = sentences(text, paragraphs(text)[0])[0]
    assert [c.of(text) for c in clauses(text, first)] == ["他说", '"我们今天开会。"']


# -- merging -------------------------------------------------------------------------
FIRE = "6月8日上午9时,临江市滨河化工厂仓库发生火灾,消防部门调派12辆消防车赶赴现场。"
BRIEF = "6月8日下午3时,临江市应急管理局召开发布会,通报化工厂火灾造成2人受伤。"


def test_same_happening_in_two_outlets_merges_with_both_quotes(tmp_path: Path) -> None:
    other = "6月8日上午,滨河化工厂仓库起火,现场浓烟滚滚,消防车陆续赶到。"
    out = run(tmp_path, [source(1, FIRE), source(2, other), source(3, BRIEF)])
    fires = [e for e in out.events if e.when.start.hour in (0, 6, 9) and e.when.start.day == 8]
    assert len(fires) == 1
    assert {c.source for c in fires[0].sources} == {"s1", "s2"}
    assert fires[0].when.precision == "hour" and fires[0].when.start.hour == 9


def test_different_happenings_on_one_day_stay_apart(tmp_path: Path) -> None:
    out = run(tmp_path, [source(1, FIRE), source(2, BRIEF), source(3, FIRE + BRIEF)])
    on_8th = sorted(out.events, key=lambda e: e.when.start)
    assert [e.when.start.hour for e in on_8th] == [9, 15]
    assert [sorted(c.source for c in e.sources) for e in on_8th] == [["s1", "s3"], ["s2", "s3"]]


def test_a_date_naming_what_an_event_tells_joins_it_and_dates_it(tmp_path: Path) -> None:
    """ "在6月3日的直播中…" says nothing else the event says, but it names the event's 直播 and its
    day: it is cited and its written date wins over the count ("才过去72小时") that dated the event;
    an event of a whole week that mentions a 直播 too is not the one named."""
    counted = "6月7日晚8点,华屿科技董事长周明再次出现在直播间。距离上一次引发热议的拆车直播才过去72小时。"
    week = "本月早些时候,华屿科技董事长周明在直播中宣布公司全年交付目标为55万辆。"
    named = "此前周明在华屿科技发布会上曾提到自己身高一米八一,但在6月3日的直播中周明说自己身高一米八三。"
    out = run(tmp_path, [source(1, counted, day=8), source(2, week, day=8), source(3, named, day=8)])
    (live,) = [e for e in out.events if any("72小时" in c.quote for c in e.sources)]
    assert "s3" in {c.source for c in live.sources}
    assert live.when.start.day == 3 and live.note and "72小时" in live.note


def test_a_cited_clause_with_an_actor_titles_an_event_its_founders_only_name(tmp_path: Path) -> None:
    """The only founding quote of the 直播 names it ("引发热议的拆车直播", a noun phrase after the count
    is dropped); the cited sentence that gives its very date says who did something in it: its
    clause with a subject and a verb titles the event, the noun phrase does not."""
    counted = "6月7日晚8点,华屿科技董事长周明再次出现在直播间。距离上一次引发热议的拆车直播才过去72小时。"
    named = "此前周明在华屿科技发布会上曾提到自己身高一米八一,但在6月3日的直播中周明说自己身高一米八三。"
    out = run(tmp_path, [source(1, counted, day=8), source(3, named, day=8)])
    (live,) = [e for e in out.events if any("72小时" in c.quote for c in e.sources)]
    assert live.title == "周明说自己身高一米八三"


def test_a_sentence_going_on_at_its_anchors_time_is_the_same_happening(tmp_path: Path) -> None:
    """ "泄漏已于当晚得到控制" after "6月1日晚11时许…发生泄漏" names no one and counts its date from
    that sentence's: it tells more of that happening (one named actor, "同日,省纪委监委通报…", and it
    would be judged as any other sentence of the article: exam_leak's gold holds that case)."""
    spill = "6月1日晚11时许,华屿化工位于澄阳市的生产基地一储罐发生泄漏,约20吨苯胺流入青溪河。泄漏已于当晚得到控制。"
    other = "6月1日深夜,澄阳市一化工厂储罐泄漏,大量苯胺流入青溪河,下游水厂紧急停止取水。"
    out = run(tmp_path, [source(1, spill, day=2), source(2, other, day=2)])
    (event,) = out.events
    assert {c.source for c in event.sources} == {"s1", "s2"}


def test_syndicated_copies_cite_each_outlet_once_with_one_event(tmp_path: Path) -> None:
    body = FIRE + "目前火势已得到控制。"
    out = run(tmp_path, [source(n, body) for n in range(1, 5)] + [source(9, BRIEF)])
    fire = [e for e in out.events if "火灾" in e.sources[0].quote and e.when.start.hour == 9]
    assert len(fire) == 1
    assert sorted(c.source for c in fire[0].sources) == ["s1", "s2", "s3", "s4"]
    for c in fire[0].sources:
        assert contains_quote(body, c.quote)


def test_relative_dates_of_a_later_repost_take_the_original_date(tmp_path: Path) -> None:
    body = "昨天上午,滨河化工厂仓库发生火灾,消防部门调派12辆消防车赶赴现场。"
    out = run(tmp_path, [source(1, body, day=9), source(2, body, day=11), source(3, BRIEF, day=9)])
    fire = [e for e in out.events if {c.source for c in e.sources} & {"s1", "s2"}]
    assert len(fire) == 1 and fire[0].when.start.day == 8


def test_nothing_dated_after_the_article_and_no_event_from_a_target(tmp_path: Path) -> None:
    body = FIRE + "该厂计划在2030年前完成搬迁,预计投资5亿元。救援持续了20个小时。"
    out = run(tmp_path, [source(1, body), source(2, BRIEF)])
    assert all(e.when.start.year == 2025 and e.when.start.month == 6 for e in out.events)
    assert len(out.events) == 2


def test_a_recency_word_alone_starts_no_event(tmp_path: Path) -> None:
    """日前 says "lately", not when: it never dates an entry of its own; a dated report does."""
    lately = "日前,滨河化工厂仓库发生火灾,消防支队赶到现场扑救,化工厂负责人王立新被警方带走调查。"
    dated = "6月8日,滨河化工厂仓库发生火灾,消防支队赶到现场扑救,化工厂负责人王立新被警方带走调查。"
    out = run(tmp_path, [source(1, lately), source(2, lately, day=11)])
    assert all(not e.when.is_range for e in out.events)  # never the week before publication
    out = run(tmp_path, [source(1, lately), source(2, dated, day=11)])
    fire = [e for e in out.events if {c.source for c in e.sources} & {"s1", "s2"}]
    assert [e.when.iso() for e in fire] == ["2025-06-08"]


def test_a_source_with_no_date_starts_no_entry_and_may_join_one_of_its_day(tmp_path: Path) -> None:
    """Comment and analysis state no date: they are never an entry dated by publication; a report
    of the day's happening that names no time is cited by that happening's entry."""
    dated = "6月10日上午,滨河化工厂仓库发生火灾,消防支队赶到现场扑救,厂长王立新被警方带走调查。"
    comment = "滨河化工厂厂长王立新曾多次获得表彰,业内人士认为,安全生产不能只停留在口头上,每一次事故背后都有制度漏洞。"
    undated = "滨河化工厂仓库发生火灾,消防支队赶到现场扑救,厂长王立新被警方带走调查。"
    out = run(tmp_path, [source(1, dated), source(2, dated), source(3, comment), source(4, undated)])
    assert "s3" not in out.off_topic
    (fire,) = [e for e in out.events if "s1" in {c.source for c in e.sources}]
    assert {c.source for c in fire.sources} == {"s1", "s2", "s4"}
    assert len(out.events) == 1
    assert any(n.startswith("s3: no dated sentence") for n in out.notes), out.notes


# -- dates of merged events -------------------------------------------------------------
def w(y: int, precision: str = "year", until: int | None = None, **kw: object) -> When:
    end = datetime(until + 1, 1, 1, tzinfo=TZ) if until else None
    return When(datetime(y, 1, 1, tzinfo=TZ), precision, end, **kw)


def test_nested_dates_take_the_finest() -> None:
    day = When(datetime(2025, 6, 8, tzinfo=TZ), "day")
    hour = When(datetime(2025, 6, 8, 9, tzinfo=TZ), "hour")
    settled = settle([Claim(day, "A"), Claim(hour, "B"), Claim(w(2025), "C")])
    assert settled.when == hour and settled.note is None


def test_a_hedged_year_against_a_sure_one_shows_the_range_and_says_so() -> None:
    settled = settle([Claim(w(2013), "甲报"), Claim(w(2013, until=2014), "乙报")], "zh")
    assert settled.when.label("zh") == "2013年或2014年"
    assert settled.note and "甲报" in settled.note and "乙报" in settled.note
    english = settle([Claim(w(2013), "A"), Claim(w(2013, until=2014), "B")], "en")
    assert english.note and english.note.startswith("Sources differ")


def test_a_coarse_date_around_finer_ones_does_not_widen_their_range() -> None:
    """'last week' around Monday 09:00 and Monday 15:00: the sources differ within Monday."""
    week = When(datetime(2026, 4, 6, tzinfo=TZ), "day", datetime(2026, 4, 13, tzinfo=TZ))
    nine = When(datetime(2026, 4, 6, 9, tzinfo=TZ), "hour")
    three = When(datetime(2026, 4, 6, 15, tzinfo=TZ), "hour")
    settled = settle([Claim(week, "A"), Claim(nine, "B"), Claim(three, "C")], "en")
    assert settled.when == When(datetime(2026, 4, 6, tzinfo=TZ), "day")
    assert settled.note and settled.note.startswith("Sources differ")


def test_a_week_around_the_day_others_state_gives_way_to_the_day() -> None:
    """'last week' in a weekly comment, 'on Thursday' and 今日 in the day's reports: the Thursday."""
    week = When(datetime(2026, 3, 2, tzinfo=TZ), "day", datetime(2026, 3, 9, tzinfo=TZ))
    thursday = When(datetime(2026, 3, 5, tzinfo=TZ), "day")
    settled = settle([Claim(week, "A"), Claim(thursday, "B"), Claim(thursday, "C")], "en")
    assert settled.when == thursday and settled.note is None
    # two days either way of a range are a hedge still: the range stands, with its note
    two = When(datetime(2026, 3, 5, tzinfo=TZ), "day", datetime(2026, 3, 7, tzinfo=TZ))
    hedged = settle([Claim(two, "A"), Claim(thursday, "B")], "en")
    assert hedged.when == two and hedged.note


def test_vague_approximate_dates_do_not_widen_a_stated_one() -> None:
    vague = When(datetime(2010, 1, 1, tzinfo=TZ), "year", datetime(2017, 1, 1, tzinfo=TZ), approximate=True)
    settled = settle([Claim(w(2013), "A"), Claim(vague, "B", kind="vague")])
    assert settled.when == w(2013) and settled.note is None


def test_a_written_date_wins_over_a_count_from_an_anchor_and_the_note_says_so() -> None:
    """在1月3日的直播中 against 才过去72小时 counted back from 1月7日晚8点 (dated 1月4日)."""
    written = When(datetime(2026, 1, 3, tzinfo=TZ), "day")
    counted = When(datetime(2026, 1, 4, tzinfo=TZ), "day", approximate=True)
    exact_count = When(datetime(2026, 1, 4, tzinfo=TZ), "day")  # 次日 from a wrongly chosen anchor
    for other in (counted, exact_count):
        settled = settle(
            [Claim(written, "甲报"), Claim(other, "乙报", kind="anchored", text="才过去72小时")], "zh"
        )
        assert settled.when == written
        assert settled.note and "乙报" in settled.note and "才过去72小时" in settled.note
    english = settle([Claim(written, "A"), Claim(counted, "B", kind="anchored", text="72 hours")], "en")
    assert english.when == written and english.note and "72 hours" in english.note


def test_a_count_inside_the_written_date_refines_it_without_a_note() -> None:
    day = When(datetime(2026, 1, 6, tzinfo=TZ), "day")
    evening = When(datetime(2026, 1, 6, 18, tzinfo=TZ), "part-of-day", part_of_day="evening")
    settled = settle([Claim(day, "A"), Claim(evening, "B", kind="anchored", text="当晚")])
    assert settled.when == evening and settled.note and "当晚" in settled.note  # the usual 'worked out' note


def test_a_vague_recent_range_never_beats_a_precise_date() -> None:
    """日前 (the week before publication) in one report, 4月6日中午 in others."""
    recent = When(datetime(2026, 3, 31, tzinfo=TZ), "day", datetime(2026, 4, 8, tzinfo=TZ), approximate=True)
    noon = When(datetime(2026, 4, 6, 11, tzinfo=TZ), "part-of-day", part_of_day="noon")
    settled = settle([Claim(recent, "A", kind="vague", text="日前"), Claim(noon, "B"), Claim(noon, "C")])
    assert settled.when == noon and settled.note is None
    later = When(datetime(2026, 4, 9, tzinfo=TZ), "day", datetime(2026, 4, 16, tzinfo=TZ), approximate=True)
    settled = settle([Claim(later, "D", kind="vague", text="近日"), Claim(noon, "B")])  # a week on: loose
    assert settled.when == noon and settled.note is None


# -- relevance ----------------------------------------------------------------------------
def test_a_record_sharing_only_the_keyword_is_off_topic() -> None:
    story = [
        "滨河化工厂仓库发生火灾,临江市消防支队赶到,化工厂负责人王立新被警方带走。关键词",
        "临江市滨河化工厂火灾造成2人受伤,化工厂负责人王立新接受调查。关键词",
        "滨河化工厂火灾后,临江市要求全市化工厂停产检查,王立新已被控制。关键词",
    ]
    stray = "关键词大赛在体育馆举行,冠军获得奖金一万元,选手来自全国各地高校。"
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*story, stray])}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "关键词")
    result = judge(docs, lexicon, Rules())
    assert result.off_topic == {"s3"}
    assert "关键词" not in {w for words in result.subjects.values() for w in words}


def test_with_the_keyword_counted_everything_would_look_on_topic() -> None:
    texts = ["关键词 关键词 苹果 香蕉 橘子", "关键词 关键词 汽车 轮胎 引擎", "关键词 关键词 钢琴 小提琴 乐队"]
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "关键词")
    assert judge(docs, lexicon, Rules()).off_topic == {"s0", "s1", "s2"}


def test_a_model_numbers_pieces_are_the_keyword_too() -> None:
    """The texts cut a model number at its hyphen (XJ-200 → XJ, 200): its letters are the keyword,
    not a name every record shares; a keyword written without one is left whole."""
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "XJ-200")
    assert lexicon.is_keyword("XJ") and lexicon.is_keyword("xj-200")
    story = [
        "Two XJ-200 coaches of Linhai Transit collided at Shuangqiao depot, injuring six drivers.",
        "Linhai Transit withdrew its XJ-200 fleet after the Shuangqiao depot collision.",
        "Regulators questioned Linhai Transit managers over the Shuangqiao collision of two XJ-200 coaches.",
    ]
    stray = "Our review of the XJ-200 vacuum cleaner from Dustmaster: quiet, light and strong on carpets."
    docs = {f"s{i}": Words.of(t) for i, t in enumerate([*story, stray])}
    assert judge(docs, lexicon, Rules()).off_topic == {"s3"}
    assert make_lexicon(SiteData(), gazetteer(SiteData()), "Atlas").ignored == {"atlas"}


# -- entities and aliases ---------------------------------------------------------------
PEOPLE = """
not_names = ["米粉"]
[people]
"王立新" = ["Wang Lixin", "王总"]
[organisations]
"滨河化工" = ["Binhe Chemical"]
"""


def test_aliases_link_nicknames_and_english_names_to_one_person(tmp_path: Path) -> None:
    zh = "6月8日,王总在滨河化工厂区接受了警方调查,并配合提交了仓库台账。"
    en = "On June 8, police questioned Wang Lixin of Binhe Chemical at the plant."
    out = run(tmp_path, [source(1, zh), source(2, en, lang="en"), source(3, BRIEF)], PEOPLE)
    [event] = [e for e in out.events if "s2" in {c.source for c in e.sources}]
    assert {c.source for c in event.sources} == {"s1", "s2"}
    assert "王立新" in event.people and "滨河化工" in event.organisations  # people.toml says which
    assert "王总" not in event.people


def test_people_file_is_loaded_into_site_data(tmp_path: Path) -> None:
    root = new_site(tmp_path / "site")
    (root / "content" / "data").mkdir()
    (root / "content" / "data" / "people.toml").write_text(PEOPLE, encoding="utf-8")
    data = load_site_data(load_config(root))
    assert data.people["王立新"] == ["Wang Lixin", "王总"]
    assert data.organisations == {"滨河化工": ["Binhe Chemical"]}
    assert "米粉" in data.not_names and "表示" in data.stopwords


def test_pinyin_key_and_rule_overrides() -> None:
    assert pinyin_key("王立新") == "wanglixin"
    rules = rules_from({"extract": {"merge_similarity": 1, "max_tags": 3}})
    assert rules.merge_similarity == 1.0 and isinstance(rules.merge_similarity, float) and rules.max_tags == 3


def test_extract_overrides_of_the_wrong_kind_or_name_are_reported_with_their_line(tmp_path: Path) -> None:
    from sitegen.errors import ContentError
    from sitegen.extract.rules import rules_problems

    toml = tmp_path / "site.toml"
    toml.write_text(
        'title = "t"\nextract.max_tags = 2.5\n[other]\nmax_people = "x"\n[extract]\n'
        "sentence_vectors = true\nmerge_similarity = [1]\nzzz = 1\nmax_people = 3\n",
        encoding="utf-8",
    )
    extra = {
        "extract": {
            "max_tags": 2.5,
            "sentence_vectors": True,
            "merge_similarity": [1],
            "zzz": 1,
            "max_people": 3,
        },
        "other": {"max_people": "x"},
    }
    rules, problems = rules_problems(extra, toml)
    assert rules.max_people == 3 and rules.max_tags == Rules().max_tags  # a wrong value keeps the default
    assert [str(p).removeprefix(f"{toml}:") for p in problems] == [
        "2: error: [extract] max_tags: expected a whole number, got 2.5",
        "6: error: [extract] sentence_vectors: expected a whole number, got true",
        "7: error: [extract] merge_similarity: expected a number, got a list",
        "8: error: [extract] zzz: no such setting (docs/settings.md lists them)",
    ]
    with pytest.raises(ContentError, match="max_tags: expected a whole number"):
        rules_from(extra, toml)
    assert rules_problems({"extract": 3}, toml)[1][0].message == "[extract] must be a table of numbers"


def test_a_fuzzy_count_from_no_stated_date_starts_no_event(tmp_path: Path) -> None:
    gap = "临江市滨河化工厂时隔数日再次发生泄漏,周边居民被紧急疏散。"
    out = run(tmp_path, [source(1, gap), source(2, FIRE), source(3, BRIEF)])
    assert all("s1" not in {c.source for c in e.sources} for e in out.events)
    assert any("s1" in line for line in out.notes)


# -- settings -----------------------------------------------------------------------------
def test_every_extract_setting_is_documented_with_its_default_and_its_docstring() -> None:
    """docs/settings.md lists every rule in order, with its default and its docstring's words."""
    import ast
    import itertools
    import re
    from dataclasses import fields

    repo = Path(__file__).resolve().parent.parent.parent
    text = (repo / "docs" / "settings.md").read_text(encoding="utf-8")
    section = text.split("## Extraction (`[extract]`)", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \| `([^`]*)` \| (.*?) ?\|$", section, flags=re.M)
    body = next(
        n
        for n in ast.parse((repo / "sitegen/extract/rules.py").read_text(encoding="utf-8")).body
        if isinstance(n, ast.ClassDef) and n.name == "Rules"
    ).body
    docs = {
        a.target.id: " ".join(b.value.value.split())
        for a, b in itertools.pairwise(body)
        if isinstance(a, ast.AnnAssign)
        and isinstance(a.target, ast.Name)
        and isinstance(b, ast.Expr)
        and isinstance(b.value, ast.Constant)
    }
    assert [f.name for f in fields(Rules)] == list(docs), "every rule has a docstring"
    assert rows == [(f.name, str(getattr(Rules(), f.name)), docs[f.name]) for f in fields(Rules)]


# -- name chips -----------------------------------------------------------------------------
def test_a_surname_cut_off_its_given_name_is_joined_and_cut_names_count_as_one() -> None:
    from sitegen.extract.entities import people
    from sitegen.util.segment import add_word

    # the tokens below are jieba's once it knows 王立新 as a name (a dump's gazetteer or an earlier
    # import teaches it): say so here, or the test passes only after another test taught it
    add_word("王立新", tag="nr")
    gaz = gazetteer(SiteData())
    lexicon = make_lexicon(SiteData(), gaz, None)
    quotes = [
        (["王立新", "说"], "王立新说"),
        (["王立新", "来"], "王立新来"),
        (["中王立新"], "中王立新"),  # a segmentation slip: the way fewer quotes cut it loses
        (["苏", "明哲", "发"], "苏明哲发"),  # jieba knows 明哲 as a word of its own
        (["明哲", "说"], "明哲说"),
        (["鲁姓", "男子"], "鲁姓男子"),  # "a man surnamed 鲁" names nobody
    ]
    assert people(quotes, lexicon, gaz, 6) == ["王立新", "苏明哲"]


def test_a_date_that_only_gives_context_starts_no_event():
    """'since 2021' dates where a span begins; 'was one of' / '是…之一' is a state, not a happening."""
    from sitegen.extract.candidates import Mention, _background

    def mention(text: str, words: str) -> Mention:
        start = text.index(words)
        return Mention(words, start, start + len(words), None, "absolute", "", "")

    since_zh = "股价下跌14%,创2021年上市以来最大单日跌幅。"
    assert _background(since_zh, mention(since_zh, "2021年"), since_zh)
    since_en = "The fall is the steepest since March 2, analysts said."
    assert _background(since_en, mention(since_en, "March 2"), since_en)
    state_en = "Two weeks ago the firm was one of the best-performing stocks."
    assert _background(state_en, mention(state_en, "Two weeks ago"), state_en)
    state_zh = "该公司是公司最大的客户之一,去年贡献了约18%的营收。"
    assert _background(state_zh, mention(state_zh, "去年"), state_zh)
    made = "It will recall bikes made between November 2023 and October 2025."
    assert _background(made, mention(made, "November 2023"), made)
    after = "这是继上周临川火灾之后公司作出的最新回应。"
    assert _background(after, mention(after, "上周"), after)
    named = "12月27日晚的临川火灾让这款车型陷入危机。"
    assert _background(named, mention(named, "12月27日"), named)
    as_of = "截至午间收盘,跌停板上仍有超过20万手卖单。"  # a state looked at, not a happening
    assert _background(as_of, mention(as_of, "午间"), as_of)
    as_of_en = "As of Friday, 20 people had been detained."
    assert _background(as_of_en, mention(as_of_en, "Friday"), as_of_en)
    happening = "The company listed in 2021 and fell 14% on March 4."
    assert not _background(happening, mention(happening, "March 4"), happening)
    happening_zh = "公司于1月3日宣布召回。"
    assert not _background(happening_zh, mention(happening_zh, "1月3日"), happening_zh)


def test_a_chinese_place_is_linked_to_english_without_its_suffix() -> None:
    """ "Dongling" names 东陵区 as "donglingqu" would; a stem another word is spelt as keeps it."""
    from sitegen.extract.events import _link_place_stems

    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    lexicon.latin_names.update(
        {"donglingqu": "东陵区", "liuwanshi": "柳湾市", "nanchuan": "南川", "heshi": "和氏"}
    )
    lexicon.latin_names["chengyang"] = "澄阳"
    lexicon.latin_names["chengyangshi"] = "城阳市"
    _link_place_stems(lexicon)
    assert lexicon.latin_names["dongling"] == "东陵区" and lexicon.latin_names["liuwan"] == "柳湾市"
    assert lexicon.latin_names["chengyang"] == "澄阳"
    assert "he" not in lexicon.latin_names  # 和氏: too short to have a suffix
    assert lexicon.latin_terms("Police in Dongling opened a case.") == ["东陵区"]


def test_a_pinyin_name_with_a_syllable_mark_is_linked_to_its_chinese_place() -> None:
    """ "Rong'an" is 榕安 (the apostrophe marks a syllable, not a possessive); where the dump
    writes both 榕安 and 榕安市, the city counts as its stem too, so the English report and
    "榕安市公安局…立案侦查" share the place."""
    from sitegen.extract.events import _link_place_stems

    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    lexicon.latin_names.update({"rongan": "榕安", "ronganshi": "榕安市", "nanchuan": "南川"})
    lexicon.latin_names["chengyang"] = "澄阳"
    lexicon.latin_names["chengyangshi"] = "城阳市"
    assert lexicon.latin_terms("Police in Rong'an have opened a criminal investigation") == ["榕安"]
    assert lexicon.latin_terms("Nanchuan's exam authority said") == ["南川"]  # a possessive stays one
    from sitegen.extract.entities import latin_names

    text = "Police in the provincial capital Rong'an have opened a criminal investigation"
    assert latin_names(text, lexicon) == []  # linked: no unknown name "rong" is left over
    assert "榕安" not in lexicon.terms(["榕安市", "公安局"])
    _link_place_stems(lexicon)
    assert "榕安" in lexicon.terms(["榕安市", "公安局"])  # read again once the stem is known
    assert "城阳" not in lexicon.terms(["城阳市"])  # 澄阳 is spelt alike, but is another place


def test_a_run_of_holiday_words_is_a_date_not_a_name() -> None:
    """"New Year's Eve", "Spring Festival": capitalised, but a day, not a name of anyone's."""
    from sitegen.extract.entities import latin_names

    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    text = "On New Year's Eve, 86 families signed deals, a week before the Spring Festival, with Hengshan Bank."
    assert latin_names(text, lexicon) == ["hengshan bank"]


def test_entries_of_one_date_with_one_title_are_one_entry() -> None:
    """Two clusters whose best sentence is the same one (one article's sentence chosen twice) show
    the reader one entry citing both clusters' sources; a same-day entry with another title stays."""
    from sitegen.core.model import Citation, Event
    from sitegen.extract.title_apart import same_title_joined

    tz = ZoneInfo("Asia/Shanghai")
    day = When(datetime(2026, 4, 15, tzinfo=tz), "day")

    def entry(title: str, *sources: str) -> tuple[Event, list[str]]:
        cites = [Citation(s, f"quote of {s}") for s in sources]
        return Event("", title, day, cites, [], [], title, None, "zh"), []

    joined = same_title_joined(
        [entry("航司取消186个航班", "a"), entry("航司取消186个航班", "a", "b"), entry("股价下跌", "a")]
    )
    assert [e.title for e, _ in joined] == ["航司取消186个航班", "股价下跌"]
    assert [c.source for c in joined[0][0].sources] == ["a", "b"]
    assert joined[0][1] and "joined" in joined[0][1][0]


def test_a_word_taught_after_its_tag_was_read_reads_its_new_tag() -> None:
    """`tag_of` and `in_dictionary` read jieba's dictionary as it stands: a name a site's gazetteer
    or a learnt name teaches after an earlier read is a name from then on, not the stale guess."""
    from sitegen.extract.words import in_dictionary, tag_of
    from sitegen.util.segment import add_word

    word = "澜沧栖霞客"  # invented: in no dictionary
    assert tag_of(word) != "nr" and not in_dictionary(word)
    add_word(word, tag="nr")
    assert tag_of(word) == "nr" and in_dictionary(word)
