"""An insurer paying a claim (赔付, 理赔, "its insurer agreed to pay a claim") is an action of its
own (sitegen/data/actions.toml ``insurance-claim``), and a clause telling it "the same day" after
another happening is dated by that day, not read as a relative naming a thing: a resignation and
an insurer's payout told in one sentence stay two entries."""

from __future__ import annotations

from pathlib import Path

from sitegen.extract.actions import actions

from .test_extract_units import source
from .test_identity import run


def test_an_insurers_payout_is_the_insurance_claim_action() -> None:
    table = actions()
    assert table.of("当天，海岸保险确认将就卫星发射失利赔付3亿元") == {"insurance-claim"}
    assert table.of("保险公司已启动理赔程序") >= {"insurance-claim"}
    assert "insurance-claim" in table.of("its insurer Harbourline agreed to pay a 300 million yuan claim")
    assert table.of("Chen Yu, the chief engineer, resigned on Monday") == {"resign"}
    assert "insurance-claim" not in table.of("The company set up a fund to compensate farmers")


# published Tuesday 10 June 2025: "on Monday", "the same day" and 昨日 are the 9th
ONE_SENTENCE = (
    "Chen Yu, chief engineer of Brightstar's rockets, resigned on Monday, the company said, and its "
    "insurer Harbourline agreed the same day to pay a 300 million yuan claim for the failed launch."
)
PAYOUT = "Harbourline Insurance said on Monday it would pay 300 million yuan to Brightstar for the lost rocket."
RESIGNED = "Chen Yu, who led the design of Brightstar's rockets, stepped down on Monday, the company said."
ZH = "昨日，明星航天发布公告称，火箭总工程师陈宇辞职。当天，海岸保险确认将就发射失利赔付3亿元。"


def test_a_resignation_and_a_payout_told_in_one_sentence_stay_two_entries(tmp_path: Path) -> None:
    out = run(
        tmp_path,
        [
            source(1, ONE_SENTENCE, lang="en"),
            source(2, PAYOUT, lang="en", outlet="Other"),
            source(3, RESIGNED, lang="en", outlet="Third"),
            source(4, ZH, outlet="Fourth"),
        ],
    )
    cited = [{c.source: c.quote for c in e.sources} for e in out.events]
    payout = next(c for c in cited if "s2" in c)
    resigned = next(c for c in cited if "s3" in c)
    assert payout is not resigned
    assert "claim" in payout["s1"] and "resigned" not in payout["s1"]
    assert "resigned" in resigned.get("s1", "resigned")
