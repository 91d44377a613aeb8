"""A claim that an object is a copy or a fake, not the original (展出的是复制品, "said the vase on
show was a replica"): an action of sitegen/data/actions.toml ``replica`` that both languages name,
so the English report of the claim joins the Chinese ones of its day."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from sitegen.core.sitedata import PACKAGE_DATA
from sitegen.extract.actions import actions, parse

from .test_extract_units import source
from .test_identity import run


def test_a_copy_said_to_be_one_is_the_replica_action() -> None:
    table = actions()
    assert table.of("博物馆回应称展出的是复制品、原件妥善保存") == {"replica"}
    assert table.of("网友发现展出的青瓷瓶疑为仿品") == {"replica"}
    assert table.of("該館此前一度堅稱展品是複製品") == {"replica"}
    assert table.of("The museum said on Monday that a vase on show in its hall was a replica") == {"replica"}
    assert table.of("The company said the bottles seized were fakes") == {"replica"}


def test_the_copy_as_a_thing_of_the_story_is_not_the_claim() -> None:
    """A swap told with the copy it used is a theft, an arrest or a ruling, not the claim."""
    table = actions()
    assert "replica" not in table.of("韩某在职期间用仿品调换了馆藏青瓷瓶原件")
    assert "replica" not in table.of("sentenced him for stealing a vase and replacing it with a copy")
    assert "replica" not in table.of("a vase that was swapped for a fake was handed back on Friday")


CLAIM = [
    "针对网传展品被调包一事，临江市博物馆昨日下午发布情况说明称，展出的瓷瓶是复制品，原件一直妥善保存在文物库房。",
    "临江市博物馆昨日回应称，展出的是复制品、原件妥善保存。",
]
CLAIM_EN = (
    "A museum in the city of Linjiang said on Tuesday that a porcelain vase on show in its ceramics hall was a replica "
    "and that the original was safe in storage."
)


# another happening of the story, told by both languages: the city's name is in every report,
# so it weighs nothing, as in a dump where the place names the story
CASE = "临江市公安局今日通报，已对临江市博物馆青瓷瓶失踪一事立案侦查。"
CASE_EN = "Police in Linjiang opened a criminal investigation on Friday into the vase missing from the city's museum."


def dump() -> list:
    # published on Wednesday 11 June 2025: 昨日 and "on Tuesday" are the 10th
    return [
        source(1, CLAIM[0], day=11),
        source(2, CLAIM[1], day=11, outlet="Other"),
        source(3, CLAIM_EN, day=11, lang="en"),
        source(4, CASE, day=13, outlet="Third"),
        source(5, CASE_EN, day=13, lang="en", outlet="Fourth"),
    ]


def _english_merge(out: object) -> str:
    """How the English claim joined its event (the --explain line)."""
    return next(line for lines in out.explain.values() for line in lines if line.startswith("merged: s3"))


def test_the_english_claim_joins_the_chinese_entry_by_its_action(tmp_path: Path) -> None:
    out = run(tmp_path, dump())
    claim = next(e for e in out.events if any(c.source == "s1" for c in e.sources))
    assert {c.source for c in claim.sources} == {"s1", "s2", "s3"}
    assert len(out.events) == 2
    assert "the same action 1.00" in _english_merge(out)


def test_without_the_replica_action_the_languages_share_no_action(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Here the city's name and the vectors join them still (a dump where the place is in every
    record and the wording differs more, keeps them apart: tests/extract/gold/museum_vase.toml)."""
    doc = tomllib.loads((PACKAGE_DATA / "actions.toml").read_text(encoding="utf-8"))
    doc.pop("replica")
    table = parse(doc)
    for module in list(sys.modules.values()):  # every module that imported the table's reader
        if module and module.__name__.startswith("sitegen.") and getattr(module, "actions", None) is actions:
            monkeypatch.setattr(module, "actions", lambda: table)
    assert "the same action" not in _english_merge(run(tmp_path, dump()))
