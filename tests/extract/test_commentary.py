"""A commentary's column label (`sitegen/extract/commentary.py`, sitegen/data/commentary.toml)."""

from __future__ import annotations

import tomllib

from sitegen.core.sitedata import PACKAGE_DATA
from sitegen.extract.commentary import label, without_label


def test_a_column_label_opens_a_commentary_headline() -> None:
    assert label("人民锐评：航空安全容不得“纸上检修” 发动机该做的检查没有做") == "人民锐评"
    assert label("评论｜一句道歉之后，航空公司还欠旅客一个真相") == "评论"
    assert label("Opinion: Chinese football cannot bet on reform") == "Opinion"
    assert label("Analysis: the cloud's bad week") == "Analysis"
    assert without_label("人民锐评：航空安全容不得“纸上检修”") == "航空安全容不得“纸上检修”"


def test_a_speaker_or_a_statement_before_a_colon_is_no_label() -> None:
    """A headline quoting someone ("Police: …", 公司声明：…) reports; it is no commentary."""
    for text in ("速达发布声明：不存在劳动关系", "Police: suspect held after fire", "CEO: we will pay", "航空安全容不得纸上检修"):
        assert label(text) is None
        assert without_label(text) == text


def test_every_label_word_is_read() -> None:
    data = tomllib.loads((PACKAGE_DATA / "commentary.toml").read_text(encoding="utf-8"))
    for word in data["zh"]:
        assert label(f"新华{word}：一件事") == f"新华{word}"
    for word in data["en"]:
        assert label(f"{word.title()}: a matter") == word.title()
