"""A banner (旗, Inner Mongolia's county) is an administrative suffix too: English writes 察汗旗 as
"Chahan Banner", so the place's stem is linked to it as "Dongling" is to 东陵区
(`story_names.link_place_stems`)."""

from __future__ import annotations

from sitegen.core.sitedata import SiteData
from sitegen.extract.entities import gazetteer, make_lexicon
from sitegen.extract.story_names import ADMIN_SUFFIXES, link_place_stems


def test_a_banner_is_linked_to_english_without_its_suffix() -> None:
    assert "旗" in ADMIN_SUFFIXES
    data = SiteData()
    lexicon = make_lexicon(data, gazetteer(data), None)
    lexicon.latin_names.update({"chahanqi": "察汗旗", "hongqi": "红旗"})
    link_place_stems(lexicon)
    assert lexicon.latin_names["chahan"] == "察汗旗"
    assert "hong" not in lexicon.latin_names  # 红旗 (a flag): too short to have a suffix
    assert "察汗旗" in lexicon.latin_terms("Authorities in Chahan Banner sealed off three sites.")
