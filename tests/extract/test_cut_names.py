"""Names jieba cuts into pieces (`sitegen.extract.cut_names`): 砺 + 峰 of the company 砺峰航天,
邵 + 远航 of its founder, which no subject test counts until the tagger reads them whole."""

from __future__ import annotations

from sitegen.core.sitedata import SiteData
from sitegen.extract.actions import actions
from sitegen.extract.cut_names import cut_names
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.ner import Tagger
from sitegen.extract.relevance import judge
from sitegen.extract.rules import Rules
from sitegen.extract.words import Words

ROCKET = [
    "砺峰航天火箭发射失利。砺峰航天今日发射的运载火箭在飞行约两分钟后出现异常，残骸坠入农田。",
    "砺峰航天创始人邵远航致歉。邵远航表示，公司将全力配合事故调查。",
    "砺峰航天与受损农户签订赔偿协议。赔偿总额1200万元，由公司全额承担。",
    "砺峰航天事故调查结论公布。调查组认定贮箱焊缝开裂是事故直接原因。",
    "砺峰航天创始人邵远航辞去首席执行官职务。由总设计师代理，公司称研发不受影响。",
    "砺峰航天宣布裁员约300人。裁员占员工总数近三成，研发团队保留。",
]
OTHER = "城南公园迎来首场降雪。游客踏雪赏景，园方提醒注意防滑。"


def _docs(texts: list[str]) -> tuple[dict[str, Words], dict[str, str]]:
    docs = {f"s{i}": Words.of(t) for i, t in enumerate(texts)}
    return docs, {sid: t.split("。")[0] for sid, t in zip(docs, texts, strict=True)}


def test_a_company_and_a_founder_jieba_cuts_apart_are_names_of_the_reports_writing_them(
    tagger: Tagger,
) -> None:
    docs, leads = _docs([*ROCKET, OTHER])
    assert "砺峰" not in docs["s0"].tokens and "邵远航" not in docs["s1"].tokens  # cut: 砺/峰, 邵/远航
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "航天")
    found = cut_names(docs, lexicon, 2, 40, (leads, tagger))
    assert all(found[f"s{i}"]["砺峰"] >= 1 for i in range(len(ROCKET)))
    assert found["s1"]["邵远航"] == 2 and set(found["s4"]) == {"砺峰", "邵远航"}
    assert "s6" not in found  # the park names neither
    assert not any(len(w) > 3 and w.startswith("砺峰") for f in found.values() for w in f)  # the shorter


def test_a_run_no_lead_reads_as_a_name_is_none(tagger: Tagger) -> None:
    """Runs opened by a single character that the tagger never reads whole are not taken (约300人)."""
    docs, leads = _docs([*ROCKET, OTHER])
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "航天")
    found = cut_names(docs, lexicon, 2, 40, (leads, tagger))
    assert {w for f in found.values() for w in f} == {"砺峰", "邵远航"}
    assert cut_names(docs, lexicon, 7, 40, (leads, tagger)) == {}  # fewer sources than ``need``


def test_a_report_naming_only_the_cut_company_shares_it_with_the_story(tagger: Tagger) -> None:
    """Judged with the tagger, the cut company is a subject the reports share; without it the
    reports have no name in common but what jieba knows."""
    docs, leads = _docs([*ROCKET, OTHER])
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "Ridgeline")
    result = judge(docs, lexicon, Rules(), None, leads, tagger)
    assert "砺峰" in result.shared["s5"] and "s5" not in result.off_topic
    assert "s6" in result.off_topic
    bare = judge(
        docs, make_lexicon(SiteData(), gazetteer(SiteData()), "Ridgeline"), Rules(), None, leads, None
    )
    assert all("砺峰" not in top for top in bare.subjects.values())


def test_a_learnt_name_is_a_term_though_jieba_leaves_it_untagged() -> None:
    """赤鸢, a word jieba's HMM finds but tags as it does punctuation, counts once learnt."""
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "Obsidian")
    tokens = Words.of("赤鸢一号今日成功复飞").tokens
    assert "赤鸢" in tokens and "赤鸢" not in lexicon.terms(tokens)
    lexicon.learn_name("赤鸢")
    assert "赤鸢" in lexicon.terms(tokens) and lexicon.is_name("赤鸢")


def test_a_craft_named_for_its_purpose_is_no_lab_test_and_a_return_to_flight_a_resumption() -> None:
    table = actions()
    assert table.of("The company put three test satellites into orbit on Thursday") == frozenset()
    assert table.first("put three test satellites into orbit") is None
    assert table.of("Tests found the bacteria in two batches") == {"test"}
    assert table.of("Last Thursday's return to flight ends a bruising winter") == {"reopen"}
    assert table.of("The rocket returned to flight on Thursday") == {"reopen"}


def test_runs_read_with_one_memo_for_the_whole_dump_are_those_read_alone() -> None:
    """`_runs` remembers each distinct token's kind across sources (a speed mechanism): the runs
    of every source are the same read with one shared memo as each read on its own."""
    from sitegen.extract.cut_names import _runs

    docs, _ = _docs([*ROCKET, OTHER, "砺峰航天X一号运载火箭发射失利，赤鸢一号随后升空。"])
    lexicon = make_lexicon(SiteData(), gazetteer(SiteData()), "航天")
    kinds: dict[str, tuple[bool, bool]] = {}
    shared = [_runs(w.tokens, lexicon, kinds) for w in docs.values()]
    assert shared == [_runs(w.tokens, lexicon) for w in docs.values()]
    assert "砺峰" in shared[0] and kinds["砺"] == (True, False) and kinds["，"] == (False, False)
