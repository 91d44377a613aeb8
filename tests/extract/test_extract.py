"""End to end: invented dumps (and the seed) through `sitegen import`, events judged by date and sources."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from sitegen.config import load_config
from sitegen.content.load import load_site
from sitegen.core.markdown import contains_quote
from sitegen.core.model import Event
from sitegen.importer.run import Report, run_import

from ..conftest import REPO, new_site

DUMPS = REPO / "tests" / "support" / "dumps"
DAY = timedelta(days=1)


def import_into(root: Path, dump: Path, language: str = "zh-CN", people: Path | None = None) -> Report:
    new_site(root, language=language)
    if people is not None:
        (root / "content" / "data").mkdir(parents=True)
        shutil.copy(people, root / "content" / "data" / "people.toml")
    return run_import(load_config(root), [dump])


def by_outlet(report: Report) -> dict[str, str]:
    """outlet as the dump writes it -> source id (each outlet once in these dumps, but one)."""
    out: dict[str, str] = {}
    for s in report.sources:
        out.setdefault(s.outlet, s.id)
    return out


def events_on(report: Report, day: str, hour: int | None = None) -> list[Event]:
    """Events whose date covers the given day (and hour)."""
    y, m, d = (int(x) for x in day.split("-"))
    found = []
    for e in report.extraction.events:
        tz = e.when.start.tzinfo
        probe = datetime(y, m, d, hour if hour is not None else 12, tzinfo=tz)
        if e.when.start <= probe < e.when.period_end() and (hour is not None or e.when.precision != "year"):
            found.append(e)
    return found


def cited(event: Event) -> set[str]:
    return {c.source for c in event.sources}


def assert_truthful(report: Report) -> None:
    """Every quote verbatim in its source, one citation per source, nothing after the last article,
    no source cited for a happening after the day it came out."""
    texts = {s.id: s.text for s in report.sources}
    published = {s.id: s.published for s in report.sources}
    latest = max(s.published for s in report.sources)
    ids = [e.id for e in report.extraction.events]
    assert len(ids) == len(set(ids))
    for e in report.extraction.events:
        assert e.when.start <= latest, e.id
        assert len(cited(e)) == len(e.sources), f"{e.id} cites a source twice"
        for c in e.sources:
            assert contains_quote(texts[c.source], c.quote), (e.id, c.quote)
            day = published[c.source].astimezone(e.when.start.tzinfo).date()
            assert day >= e.when.start.date(), f"{e.id} cites {c.source}, out on {day}, before it"
        assert e.title and e.id in report.extraction.explain
        # a summary says more than the title, or is left out (`titles.repeats_title`)
        assert not e.summary or e.summary.rstrip("。.") != e.title, e.id
        quoted = [c.quote for c in e.sources]
        assert e.summary or any(e.title in q for q in quoted) or len(e.sources) == 1 or all(
            len(q) <= len(e.title) + 20 for q in quoted
        ), f"{e.id}: no summary though its sources say more than its title"


@pytest.fixture(scope="module")
def fire(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return import_into(tmp_path_factory.mktemp("fire"), DUMPS / "plant_fire.txt")


def test_fire_off_topic_record_is_kept_but_makes_no_event(fire: Report) -> None:
    films = [s.id for s in fire.sources if "票房" in s.title]
    assert fire.extraction.off_topic == set(films)
    assert all(films[0] not in cited(e) for e in fire.extraction.events)
    assert films[0] in {s.id for s in fire.sources}


def test_fire_explosion_is_one_event_citing_every_report(fire: Report) -> None:
    o = by_outlet(fire)
    [explosion] = events_on(fire, "2025-03-14", hour=2)
    assert explosion.when.precision in ("hour", "minute")
    # three syndicated copies, each outlet once; relative dates (前天凌晨, 上周五凌晨) and English
    expected = {o[k] for k in ("Xin Hua Wang", "Sou Hu Xin Wen", "Wang Yi Xin Wen", "Jiang Zhou Ri Bao")}
    expected |= {o["Xin Lang Xin Wen"], o["Feng Huang Wang"], o["Global Times"]}
    assert cited(explosion) == expected
    assert "恒丰" in explosion.title or "爆炸" in explosion.title


def test_fire_same_day_happenings_stay_apart(fire: Report) -> None:
    o = by_outlet(fire)
    [briefing] = events_on(fire, "2025-03-14", hour=10)
    [out] = events_on(fire, "2025-03-14", hour=21)
    assert briefing.id != out.id
    assert cited(briefing) == {o["Peng Pai Xin Wen"], o["Jiang Zhou Ri Bao"]}
    # "约19小时后" counted from 凌晨2时 and "3月14日晚9时许" are the same happening
    assert cited(out) == {o["Jiang Zhou Ri Bao"], o["Feng Huang Wang"]}
    assert "扑灭" in out.title


def test_fire_detention_links_english_name_to_chinese(fire: Report) -> None:
    o = by_outlet(fire)
    [detained] = events_on(fire, "2025-03-15", hour=15)
    assert cited(detained) == {o["Xin Lang Xin Wen"], o["Global Times"]}
    assert "王建国" in detained.people


def test_fire_sources_that_disagree_give_a_range_and_a_note(fire: Report) -> None:
    o = by_outlet(fire)
    [fined] = [e for e in fire.extraction.events if e.when.start.year == 2019]
    assert fined.when.precision == "year"
    assert fined.when.iso() == "2019" and fined.when.until_iso() == "2020"
    assert fined.note and "2019" in fined.note
    assert cited(fined) == {o["Peng Pai Xin Wen"], o["Xin Lang Xin Wen"]}


def test_fire_no_duplicates_and_no_events_from_plans_or_durations(fire: Report) -> None:
    assert len(fire.extraction.events) == 5
    assert not [e for e in fire.extraction.events if e.when.start.year >= 2026]
    assert_truthful(fire)


def test_fire_explain_shows_how_dates_were_resolved(fire: Report) -> None:
    [out] = events_on(fire, "2025-03-14", hour=21)
    lines = "\n".join(fire.extraction.explain[out.id])
    assert "19小时后" in lines and "anchored" in lines
    assert "date:" in lines


@pytest.fixture(scope="module")
def election(tmp_path_factory: pytest.TempPathFactory) -> Report:
    return import_into(
        tmp_path_factory.mktemp("election"),
        DUMPS / "city_election.txt",
        language="en",
        people=Path(__file__).parent / "fixtures" / "city_election_people.toml",
    )


def test_election_events_merge_english_and_chinese_reports(election: Report) -> None:
    o = by_outlet(election)
    [debate] = events_on(election, "2024-11-01")
    [sworn] = events_on(election, "2024-11-07")
    assert cited(debate) == {o["Port Aldine Herald"], o["Ou Zhou Shi Bao"]}
    assert cited(sworn) == {
        o["City Wire"],
        next(s.id for s in election.sources if s.title.startswith("陈玛丽宣誓")),
    }
    assert "陈玛丽" in sworn.people  # "Maria Chen" through the site's people.toml


def test_election_win_and_concession_on_one_day_stay_apart(election: Report) -> None:
    day = events_on(election, "2024-11-05", hour=20)
    assert len(day) == 2
    win, concession = sorted(day, key=lambda e: e.when.precision == "part-of-day")
    assert "贝克" in concession.people
    syndicated = [s.id for s in election.sources if s.title == "陈玛丽当选奥尔丁港市长"]
    assert set(syndicated) <= cited(win) and set(syndicated) <= cited(concession)


def test_election_target_is_not_an_event_and_off_topic_is_found(election: Report) -> None:
    assert not [e for e in election.extraction.events if e.when.start.year >= 2025]
    assert [s.title for s in election.sources if s.id in election.extraction.off_topic] == [
        "北方大学学生会主席选举结果出炉"
    ]
    assert len(election.extraction.events) == 4
    assert_truthful(election)


def test_english_site_writes_notes_in_english(tmp_path: Path) -> None:
    report = import_into(tmp_path / "s", DUMPS / "plant_fire.txt", language="en")
    [fined] = [e for e in report.extraction.events if e.when.start.year == 2019]
    assert fined.note and fined.note.startswith("Sources differ")


PLAN = """Workflow
听证会
icon
Search documents
鹿鸣市将于3月10日举行水价调整听证会
Lu Ming Ri Bao· 2025-03-01 09:00
鹿鸣市发展改革委3月1日发布公告,将于3月10日上午举行居民用水价格调整听证会,发展改革委主任周建平将主持听证会,邀请20名消费者代表参加。
鹿鸣市举行水价调整听证会 多数代表支持阶梯方案
Lu Ming Wan Bao· 2025-03-10 15:00
3月10日上午,鹿鸣市居民用水价格调整听证会举行,周建平主持听证会,20名消费者代表中有14人支持阶梯水价方案。
水价听证会:鹿鸣市14名代表支持阶梯水价
Xin Hua Wang· 2025-03-10 18:00
鹿鸣市居民用水价格调整听证会3月10日举行,周建平主持。20名消费者代表中有14人支持阶梯水价方案,6人建议降低第一档水价。
Water price hearing held in Luming
Jiang Nan Times· 2025-03-11 08:00
Luming held a public hearing on residential water prices on March 10, chaired by Zhou Jianping, where 14 of 20 consumer representatives backed a tiered pricing plan.
"""


def test_an_announcement_before_the_day_is_not_cited_as_its_report(tmp_path: Path) -> None:
    """An article out on 3月1日 that announces the hearing of 3月10日 cannot report that it was held;
    the hearing's entry cites the reports written after it.  A city and a chairman no dictionary
    knows (鹿鸣市, 周建平 cut as 周/建平) do not make the whole story off topic."""
    dump = tmp_path / "plan.txt"
    dump.write_text(PLAN, encoding="utf-8")
    report = import_into(tmp_path / "s", dump)
    assert_truthful(report)
    assert not report.extraction.off_topic
    outlets = by_outlet(report)
    [held] = events_on(report, "2025-03-10", hour=10)
    assert outlets["Lu Ming Ri Bao"] not in cited(held)
    assert {outlets["Lu Ming Wan Bao"], outlets["Xin Hua Wang"]} <= cited(held)


# -- the seed ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def seed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    root = tmp_path_factory.mktemp("seed")
    shutil.copytree(
        REPO / "content", root / "content", ignore=shutil.ignore_patterns("sources", "events", ".sitegen")
    )
    return run_import(load_config(root), []), root


def test_seed_off_topic_is_the_ai_interview(seed: tuple[Report, Path]) -> None:
    report, _ = seed
    off = [s for s in report.sources if s.id in report.extraction.off_topic]
    assert [s.outlet_name for s in off] == ["36氪"]
    assert all(s.on_topic for s in report.sources if s.id not in report.extraction.off_topic)


def test_seed_livestream_is_one_event_cited_by_most_articles(seed: tuple[Report, Path]) -> None:
    report, _ = seed
    # one event dated on 7 January (wider ranges such as 本月早些时候 also cover that evening)
    [live] = [
        e for e in events_on(report, "2026-01-07", hour=20) if e.when.period_end() - e.when.start <= DAY
    ]
    assert len(live.sources) >= 6
    assert live.when.start.hour == 20 and live.when.precision in ("hour", "minute")


def test_seed_dates_come_from_the_text_not_publication(seed: tuple[Report, Path]) -> None:
    report, _ = seed
    published = {s.id: s.published for s in report.sources}
    for e in report.extraction.events:
        if e.when.precision == "minute":
            assert all(e.when.start != published[c.source] for c in e.sources), e.id
    years = {e.when.start.year for e in report.extraction.events}
    assert 2013 in years  # the TV show, from "2013年" / "2013年或2014年"
    assert_truthful(report)


def test_seed_pages_load_back_without_errors(seed: tuple[Report, Path]) -> None:
    _, root = seed
    site = load_site(load_config(root))
    assert not site.errors, site.errors
    assert len(site.events) >= 5


def test_import_is_the_same_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Pages must not depend on set ordering (Python salts string hashes per process)."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2", "3"):
        root = tmp_path / f"run{seed}"
        shutil.copytree(
            REPO / "content", root / "content", ignore=shutil.ignore_patterns("sources", "events", ".sitegen")
        )
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run(
            [sys.executable, "-m", "sitegen", "--site", str(root), "import", "-q"],
            cwd=REPO,
            env=env,
            check=True,
            capture_output=True,
        )
        pages = sorted((root / "content" / "events").glob("*.md"))
        outputs.append({p.name: p.read_text(encoding="utf-8") for p in pages})
    assert outputs[0] == outputs[1] == outputs[2]
    assert len(outputs[0]) >= 5


def test_explain_gives_each_signal_of_every_merge(election: Report) -> None:
    o = by_outlet(election)
    [debate] = events_on(election, "2024-11-01")
    lines = [line for line in election.extraction.explain[debate.id] if line.startswith("merged:")]
    # the Chinese report joined the English one: by the names both languages write, and vectors
    assert any(o["Ou Zhou Shi Bao"] in line or o["Port Aldine Herald"] in line for line in lines), lines
    for line in lines:
        assert all(f"{signal} " in line for signal in ("words", "across languages", "vectors", "names"))
        assert "vs bar" in line


HANT = """Workflow
渡轮
icon
Search documents
青洲渡轮码头撞船 12人受伤
Xin Hua Wang· 2025-06-02 09:00
6月1日晚8时许,青洲渡轮公司一艘渡轮在青洲码头靠岸时撞上防波堤,12名乘客受伤送医。青洲渡轮公司总经理黄志强当晚到医院探望伤者。
青洲渡輪碼頭撞船 12人受傷
Ming Pao· 2025-06-02 07:30
6月1日晚8時許,青洲渡輪公司一艘渡輪在青洲碼頭靠岸時撞上防波堤,12名乘客受傷送醫。青洲渡輪公司總經理黃志強當晚到醫院探望傷者。
渡輪撞防波堤 黃志強致歉
Xing Dao Ri Bao· 2025-06-02 10:00
青洲渡輪公司總經理黃志強昨晚在醫院向受傷乘客致歉,表示渡輪6月1日晚8時許靠岸時撞上防波堤,公司將全面檢查船隊。
黄志强就渡轮撞堤致歉
Peng Pai Xin Wen· 2025-06-02 11:00
青洲渡轮公司总经理黄志强昨晚在医院向受伤乘客致歉,渡轮6月1日晚8时许在青洲码头靠岸时撞上防波堤,12名乘客受伤。
"""


def test_traditional_and_simplified_reports_are_read_as_one_script(tmp_path: Path) -> None:
    """Hong Kong papers write 黃志強 and 渡輪; mainland ones 黄志强 and 渡轮.  The words are
    compared in one script, so the collision is one entry citing all four, with names and tags
    in Simplified on a zh-CN site, while every quote stays in its source's own characters."""
    dump = tmp_path / "hant.txt"
    dump.write_text(HANT, encoding="utf-8")
    report = import_into(tmp_path / "s", dump)
    assert_truthful(report)
    assert not report.extraction.off_topic
    [crash] = events_on(report, "2025-06-01", hour=20)
    assert len(cited(crash)) == 4
    shown = crash.people + crash.organisations + crash.names + crash.tags
    assert "渡轮" in shown and not any(ch in w for w in shown for ch in "黃強輪碼頭傷"), shown
    hk = {s.id for s in report.sources if s.outlet in ("Ming Pao", "Xing Dao Ri Bao")}
    assert any("渡輪" in c.quote for c in crash.sources if c.source in hk)
