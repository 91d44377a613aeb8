"""A teller's closing date times what it told: "Police have taken nine people … into custody, …
after Tuesday's explosion, authorities said on Wednesday" is a report of Wednesday's detention
(its actions vote in the second citing pass, `recall`), not of the explosion it names in passing.
And 依法控制 / "into custody" name a detention (`sitegen/data/actions.toml`)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from sitegen.extract.actions import actions
from sitegen.extract.background import CLOSING, background_rule

from .test_extract_units import source as dated_source
from .test_identity import run

BLAST = "今日凌晨，松江县青石化工硝化车间发生爆炸，造成3人死亡、多人受伤。"
BLAST_2 = "今天凌晨，松江县青石化工一车间突然爆炸，附近村民连夜转移。"
BLAST_EN = "An explosion tore through a workshop of Qingshi Chemical in Songjiang county early on Tuesday, killing three workers."
HELD = "记者今日从松江县公安局获悉，青石化工法定代表人、总经理等9名企业相关责任人已被公安机关依法控制。"
HELD_2 = "据松江县公安局今晚通报，青石化工法定代表人张某、总经理李某等9人因涉嫌重大责任事故罪已被依法控制。"
CUSTODY = (
    "Police in Songjiang county have taken nine people from Qingshi Chemical into custody, including its "
    "legal representative, after Tuesday's explosion, authorities said on Wednesday."
)


def source(n: int, body: str, day: int, lang: str = "zh"):
    return replace(dated_source(n, body, day=day, lang=lang), keyword="青石")


def test_police_control_and_custody_name_a_detention_a_fire_under_control_does_not() -> None:
    table = actions()
    assert table.of("9名责任人已被公安机关依法控制") == {"detain"}
    assert table.of("张某已被警方控制") == {"detain"}
    assert table.of("Police have taken nine people into custody") == {"detain"}
    assert "detain" not in table.of("火势已被控制")  # a fire brought under control


def test_a_date_closing_a_perfect_told_is_the_tellers() -> None:
    i = CUSTODY.index("Wednesday")

    class M:
        start, end = i, i + len("Wednesday")
        text = "Wednesday"

    assert background_rule(CUSTODY, M()) in CLOSING


def test_a_detention_a_teller_dates_by_its_closing_date_is_cited_by_the_detention(tmp_path: Path) -> None:
    sources = [
        source(1, BLAST, 10),
        source(2, BLAST_2, 10),
        source(3, BLAST_EN, 10, lang="en"),
        source(4, HELD, 11),
        source(5, HELD_2, 11),
        source(6, CUSTODY, 11, lang="en"),
    ]
    out = run(tmp_path, sources)
    quotes = [{c.source: c.quote for c in e.sources} for e in out.events]
    held = next(q for q in quotes if "s4" in q)
    assert "custody" in held.get("s6", "")
