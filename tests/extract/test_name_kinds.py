"""An event's names keep their kind (`entities.named`): the gazetteer's when it lists the name, else
what the tagger (LAC's PER/ORG) or jieba's tags say most often; a tie is said to be unknown, never
guessed a person.  Extraction files them under ``people``, ``organisations`` or ``names``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC

from sitegen.core.sitedata import SiteData
from sitegen.extract.entities import UNKNOWN, _kind_of, by_kind, gazetteer, make_lexicon, named, people
from sitegen.extract.ner import Tagger
from sitegen.extract.words import Words


def quotes_of(*texts: str) -> list[tuple[list[str], str]]:
    return [(Words.of(t).tokens, t) for t in texts]


def lexicon_for(data: SiteData):
    gaz = gazetteer(data)
    return make_lexicon(data, gaz, None), gaz


def test_the_tagger_tells_people_from_organisations(tagger: Tagger) -> None:
    quotes = quotes_of(
        "节目由刘强东和雷军共同出席,江苏卫视播出。",
        "小米公司通报处罚结果,集团副总裁许斐被通报批评。",
        "国家市场监督管理总局约谈瀚海智联公司负责人苏明哲。",
        "最高人民法院驳回上诉。",
    )
    lexicon, gaz = lexicon_for(SiteData())
    kinds = dict(named(quotes, lexicon, gaz, 20, tagger, len(quotes)))
    people_ = {n for n, k in kinds.items() if k == "person"}
    organisations = {n for n, k in kinds.items() if k == "organisation"}
    assert {"刘强东", "雷军", "许斐", "苏明哲"} <= people_
    assert {"江苏卫视", "小米公司", "国家市场监督管理总局", "最高人民法院"} <= organisations
    assert [n for n, _ in named(quotes, lexicon, gaz, 20, tagger, len(quotes))] == people(
        quotes, lexicon, gaz, 20, tagger, len(quotes)
    )  # the same names, in the same order, as before kinds were kept


def test_the_gazetteer_says_the_kind_in_either_script_and_over_the_tagger(tagger: Tagger) -> None:
    data = SiteData(
        people={"雷霆": ["Lei Ting"]},
        organisations={"江州日报": ["Jiangzhou Daily"]},
    )
    lexicon, gaz = lexicon_for(data)
    quotes = quotes_of("江州日报记者雷霆报道。", "Lei Ting of Jiangzhou Daily said the plant had closed.")
    assert dict(named(quotes, lexicon, gaz, 20)) == {"雷霆": "person", "江州日报": "organisation"}
    assert dict(named(quotes, lexicon, gaz, 20, tagger, 1)) == {"雷霆": "person", "江州日报": "organisation"}


@dataclass
class FixedTagger:
    """A tagger whose every answer is given (to set up a disagreement LAC may or may not make)."""

    answers: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)
    available: bool = True

    def names(self, text: str) -> list[tuple[str, str, int]]:
        return self.answers.get(text, [])


def test_a_name_the_quotes_disagree_on_is_of_unknown_kind_not_a_person() -> None:
    texts = ["鸿远宣布停产。", "鸿远回应质疑。", "鸿远再次回应。", "宏图宣布停产。", "宏图回应质疑。"]
    tagger = FixedTagger(
        {
            "鸿远宣布停产。": [("鸿远", "person", 0)],
            "鸿远回应质疑。": [("鸿远", "organisation", 0)],
            "鸿远再次回应。": [("鸿远", "organisation", 0)],
            "宏图宣布停产。": [("宏图", "person", 0)],
            "宏图回应质疑。": [("宏图", "organisation", 0)],
        }
    )
    lexicon, gaz = lexicon_for(SiteData())
    found = dict(named(quotes_of(*texts), lexicon, gaz, 20, tagger, len(texts)))  # type: ignore[arg-type]
    assert found == {"鸿远": "organisation", "宏图": UNKNOWN}  # two to one; one to one
    assert by_kind(list(found.items())) == {"people": [], "organisations": ["鸿远"], "places": [], "names": ["宏图"]}


def test_the_kind_is_the_most_votes_and_a_tie_is_unknown() -> None:
    from collections import Counter

    assert _kind_of(Counter(person=2, organisation=1)) == "person"
    assert _kind_of(Counter(organisation=1)) == "organisation"
    assert _kind_of(Counter(person=1, organisation=1)) == UNKNOWN
    assert _kind_of(Counter()) == UNKNOWN


def test_extraction_files_names_under_their_kind(tmp_path) -> None:
    """The seed story, imported with no gazetteer: its people under people, its company under
    organisations, and no name under both."""
    from click.testing import CliRunner

    from sitegen.cli import main
    from sitegen.config import load_config
    from sitegen.content.load import load_site

    from ..conftest import SEED_DUMP

    root = tmp_path / "site"
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(root)]).exit_code == 0
    done = runner.invoke(main, ["--site", str(root), "import", "-q", str(SEED_DUMP)])
    assert done.exit_code == 0, done.output
    site = load_site(load_config(root))
    people_ = {n for e in site.events.values() for n in e.people}
    organisations = {n for e in site.events.values() for n in e.organisations}
    assert {"雷军", "刘强东"} <= people_
    assert any(n.startswith("小米") for n in organisations)
    assert not any(n.startswith("小米") for n in people_)
    assert not people_ & organisations
    for e in site.events.values():
        names = e.people + e.organisations + e.names
        assert len(names) == len(set(names)) <= 6  # max_people, all kinds but places together
        assert len(e.places) == len(set(e.places)) <= 3 and not set(e.places) & set(names)  # max_places


def test_places_named_in_two_quotes_are_filed(tagger: Tagger) -> None:
    """LAC's places in the Chinese quotes (one it takes for an organisation, 清河县 opening
    清河县一座化工厂…, is a place all the same); a place one quote of several names in passing is
    not filed, and neither is a whole country."""
    quotes = quotes_of(
        "清河县一座化工厂昨晚发生爆炸，中国应急管理部派出工作组。",
        "爆炸发生在清河县城郊，三人受伤。",
        "An explosion at a chemical plant in Qinghe county injured three people, officials in China said.",
        "工作组组长曾在临川处置类似事故。",
    )
    lexicon, gaz = lexicon_for(SiteData())
    found = named(quotes, lexicon, gaz, 6, tagger, len(quotes), 3)
    places = [n for n, k in found if k == "place"]
    assert places and places[0].startswith("清河")
    assert not any(p.startswith("临川") for p in places)  # one quote of four, in passing
    assert "中国" not in places and "China" not in places  # a whole country
    assert not {n for n, k in found if k != "place"} & set(places)
    assert named(quotes, lexicon, gaz, 6, tagger, len(quotes)) == [(n, k) for n, k in found if k != "place"]


def test_the_gazetteer_files_places_in_either_script() -> None:
    data = SiteData(places={"云州": ["Yunzhou"]}, people={"林书瑶": ["Lin Shuyao"]})
    lexicon, gaz = lexicon_for(data)
    quotes = quotes_of("云州市税务局通报林书瑶偷逃税。", "Tax authorities in Yunzhou fined Lin Shuyao.")
    found = named(quotes, lexicon, gaz, 6, None, 0, 3)
    assert ("云州", "place") in found and ("林书瑶", "person") in found
    assert by_kind(found)["places"] == ["云州"]
    one = named(quotes[:1], lexicon, gaz, 6, None, 0, 3)
    assert ("云州", "place") in one  # an event of one quote: its one mention is enough
    assert ("云州", "place") not in named(quotes, lexicon, gaz, 6, None, 0, 0)  # max_places 0: none


def test_one_place_has_one_name_across_events() -> None:
    """A bare name is filed under the full name another event gives it (临河 -> 临河县); a bare name
    two full names share is left alone."""
    from datetime import datetime

    from sitegen.core.dates import When
    from sitegen.core.model import Event
    from sitegen.extract.entities import full_place_names

    def event(*places: str) -> Event:
        return Event(id="", title="t", when=When(datetime(2025, 1, 1, tzinfo=UTC), "day"), sources=[], places=list(places))

    events = [event("临河", "河阳市"), event("临河县"), event("清河", "临河县"), event("清河县"), event("清河镇")]
    full_place_names(events)
    assert [e.places for e in events] == [["临河县", "河阳市"], ["临河县"], ["清河", "临河县"], ["清河县"], ["清河镇"]]


def test_a_county_the_tagger_calls_an_organisation_is_a_place(tagger: Tagger) -> None:
    """LAC tags 临河县 opening 临河县瑞丰化工… an organisation; jieba reads it place + 县: a place."""
    quotes = quotes_of("今天凌晨，临河县瑞丰化工硝化车间突然爆炸。", "爆炸发生在临河县，造成三人死亡。")
    lexicon, gaz = lexicon_for(SiteData())
    found = named(quotes, lexicon, gaz, 6, tagger, len(quotes), 3)
    assert ("临河县", "place") in found
    assert ("临河县", "organisation") not in found
