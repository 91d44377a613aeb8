"""Descriptions shortened from the start of a source: the same as from the whole text."""

from __future__ import annotations

import re
import sys
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from sitegen.builder.publish.syndication import fold_spaces, shorten, shortened, source_opening


def test_folding_spaces_splits_where_the_regular_expression_does_on_every_character() -> None:
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    assert fold_spaces(everything) == re.sub(r"\s+", " ", everything).strip()
    spaces = [c for c in everything if re.fullmatch(r"\s", c)]
    assert len(spaces) > 20 and fold_spaces("a" + "".join(spaces) + "b") == "a b"


TEXT = st.text(alphabet=st.sampled_from(["甲", "a", " ", "\n", "\u3000", "…", "\t"]), max_size=700)


@settings(max_examples=200, deadline=None)
@given(TEXT, st.sampled_from(["", "新华社 · 2026年1月8日 20:05 · ", "X ·  "]), st.integers(5, 300))
def test_a_description_from_the_start_equals_one_from_the_whole_text(text, head, limit) -> None:
    src = SimpleNamespace(body=text, text=text)  # a plain body: its text is itself
    assert shortened(head, src, limit) == shorten(head + source_opening(src), limit)
