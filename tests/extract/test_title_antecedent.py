"""A Chinese title cut after a pointer subject (该楼) is offered with the name the sentence before
gives it (`sitegen.extract.title_antecedent`), in the source's own words and order."""

from __future__ import annotations

from sitegen.extract.passages import Span, paragraphs, sentences
from sitegen.extract.title_antecedent import pointed_name, with_antecedent

TEXT = "昨晚，青州市云栖花园小区3号楼多根承重柱出现明显裂缝，物业紧急疏散住户200余户。该楼共28层，于2016年交付使用。"


def _second() -> tuple[Span, int]:
    (para,) = paragraphs(TEXT)
    return sentences(TEXT, para)[1], para.start


def test_the_pointer_takes_the_name_of_the_sentence_before() -> None:
    sentence, start = _second()
    name = pointed_name(TEXT, sentence, start)
    assert name is not None and name.of(TEXT) == "青州市云栖花园小区3号楼"
    tail = TEXT.index("于2016年")
    choices = [
        (Span(tail, sentence.end - 1), "于2016年交付使用", True),
        (sentence, "该楼共28层，于2016年交付使用", True),
    ]
    titles = [t for _, t, _ in with_antecedent(TEXT, sentence, start, choices)]
    assert titles == [
        "青州市云栖花园小区3号楼于2016年交付使用",
        "青州市云栖花园小区3号楼共28层，于2016年交付使用",
    ]


def test_no_pointer_or_no_name_before_offers_nothing() -> None:
    text = "昨晚，多根承重柱出现明显裂缝。该楼共28层，于2016年交付使用。"
    (para,) = paragraphs(text)
    sentence = sentences(text, para)[1]
    assert pointed_name(text, sentence, para.start) is None  # no clause ends on 楼 before
    first = sentences(TEXT, paragraphs(TEXT)[0])[0]
    assert pointed_name(TEXT, first, 0) is None  # no pointer
