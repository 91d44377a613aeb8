"""Event identity: the signals that keep two happenings of one day apart, and those that join."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.config import load_config
from sitegen.core.dates import When
from sitegen.core.sitedata import load_site_data
from sitegen.extract import extract
from sitegen.extract.identity import Signals, combine, time_of_day, times_differ
from sitegen.extract.passages import paragraphs, sentences
from sitegen.extract.rules import Rules

from .test_extract_units import source

try:  # tests/ is a package on main, plain folder on older branches
    from ..conftest import new_site
except ImportError:
    from conftest import new_site

TZ = ZoneInfo("Asia/Shanghai")


def part(name: str, day: int = 8) -> When:
    return When(datetime(2025, 6, day, 0, tzinfo=TZ).replace(hour={"noon": 11, "afternoon": 12, "evening": 18,
                "night": 21, "morning": 6}[name]), "part-of-day", part_of_day=name)  # fmt: skip


def hour(h: int, day: int = 8) -> When:
    return When(datetime(2025, 6, day, h, tzinfo=TZ), "hour")


# -- times of day ---------------------------------------------------------------------------
def test_times_of_day_that_overlap_only_at_their_edges_differ() -> None:
    noon, afternoon = time_of_day(part("noon")), time_of_day(part("afternoon"))
    assert noon and afternoon
    assert times_differ(noon, [afternoon]) and times_differ(afternoon, [noon])
    assert times_differ(time_of_day(part("morning")), [noon])


def test_a_time_within_another_agrees_with_it() -> None:
    evening, night = time_of_day(part("evening")), time_of_day(part("night"))
    assert not times_differ(night, [evening]) and not times_differ(evening, [night])
    one_pm = time_of_day(hour(13))
    assert not times_differ(one_pm, [time_of_day(part("noon"))])
    assert not times_differ(one_pm, [time_of_day(part("afternoon"))])
    assert times_differ(time_of_day(hour(20)), [time_of_day(part("afternoon"))])


def test_only_times_of_day_are_compared() -> None:
    day = When(datetime(2025, 6, 8, tzinfo=TZ), "day")
    assert time_of_day(day) is None and time_of_day(None) is None
    assert not times_differ(None, [time_of_day(part("noon"))])
    assert not times_differ(time_of_day(part("noon")), [])


def test_disagreements_lower_the_score_and_say_so() -> None:
    rules = Rules()
    plain = Signals(words=0.3, bar=0.1)
    both = Signals(words=0.3, bar=0.1, sibling=True, times_differ=True)
    assert combine(plain, rules) - combine(both, rules) == rules.sibling_penalty + rules.times_differ_penalty
    text = both.describe()
    assert "another sentence of the same article" in text and "different times of day" in text
    assert "same article" not in plain.describe()


# -- two happenings of one day, told by one article -------------------------------------------
ILL = "6月8日中午,临江市实验小学14名学生饮用绿原乳业酸奶后出现呕吐症状,被送往医院。"
SEALED = "当天下午,临江市市场监管局对绿原乳业同批次酸奶予以封存。"
SEALED_ALONE = "6月8日下午,临江市市场监管局封存绿原乳业同批次产品,暂停销售。"
ILL_ALONE = "6月8日中午,临江市多名小学生饮用绿原乳业酸奶后呕吐,被送医救治。"


def run(tmp_path: Path, sources: list, extra: str = "") -> object:
    root = new_site(tmp_path / "site")
    if extra:
        with open(root / "content" / "site.toml", "a", encoding="utf-8") as f:
            f.write("\n[extract]\n" + extra)
    config = load_config(root)
    return extract(sources, config, load_site_data(config))


def dumps(outlet: str = "Out Let") -> list:
    return [
        source(1, ILL + SEALED, day=9),
        source(2, ILL + SEALED, day=9, outlet="Copy"),  # a syndicated copy
        source(3, SEALED_ALONE, day=9),
        source(4, ILL_ALONE, day=9),
    ]


def test_two_dated_sentences_of_one_article_are_two_happenings_of_the_day(tmp_path: Path) -> None:
    out = run(tmp_path, dumps())
    cites = sorted(sorted(c.source for c in e.sources) for e in out.events)
    assert cites == [["s1", "s2", "s3"], ["s1", "s2", "s4"]]
    for e in out.events:
        quotes = {c.source: c.quote for c in e.sources}
        assert ("封存" in quotes["s1"]) == ("封存" in quotes.get("s3", ""))
    lines = "\n".join(line for e in out.events for line in out.explain.get(e.id, []))
    assert "another sentence of the same article" in lines or "different times of day" in lines


def test_without_those_signals_the_day_is_one_entry(tmp_path: Path) -> None:
    """The contrast: what the two signals add (the names and the day alone merge the two)."""
    out = run(tmp_path, dumps(), "sibling_penalty = 0\ntimes_differ_penalty = 0\n")
    assert len(out.events) == 1


def test_an_english_sentence_ends_after_a_percentage() -> None:
    text = "On Monday, shares tumbled 26%. Social media posts were viewed 400 million times."
    spans = [s.of(text) for p in paragraphs(text) for s in sentences(text, p)]
    assert spans == ["On Monday, shares tumbled 26%.", "Social media posts were viewed 400 million times."]
