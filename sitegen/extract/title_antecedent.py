"""A Chinese title whose subject is a pointer (该楼) takes the name it points to, from the sentence before.

"昨晚，青州市云栖花园小区3号楼多根承重柱出现明显裂缝…。该楼共28层，于2016年交付使用" — the second
sentence's subject is 该楼, "that building": a title cut from it reads "于2016年交付使用" (no
subject) or "该楼…" (pointing to a sentence the reader of the timeline never saw).  The building
is named in the sentence before, as the run of a clause ending on the pointer's noun (楼):
青州市云栖花园小区3号楼.  So a title cut from the sentence after its pointer is offered with that
name before it ("青州市云栖花园小区3号楼于2016年交付使用"): still only the source's own words, in
their order, dropped ones aside — of its paragraph, not of one sentence.  The other titles stay
offered; scoring chooses.  Only a pointer of one noun character and a name of at least three
characters before it in the paragraph's sentence before.
"""

from __future__ import annotations

import re

from .passages import Span

_POINTER = re.compile(r"该([\u4e00-\u9fff])")
_STOPS = '，,。；;：:、！!？?\\s“”"（）()'


def pointed_name(text: str, sentence: Span, para_start: int) -> Span | None:
    """The name the pointer opening ``sentence`` (该楼) points to: the last clause-opening run of
    the sentence before (within its paragraph) that ends on the pointer's noun."""
    m = _POINTER.match(text, sentence.start)
    if m is None:
        return None
    before = text[para_start : sentence.start].rstrip()
    end = max(before.rfind(p, 0, len(before) - 1) for p in "。！？!?")
    start = para_start + end + 1
    noun = re.escape(m.group(1))
    found = None
    runs = rf"(?:(?<=[{_STOPS}])|^)([^{_STOPS}]{{2,20}}?{noun})"
    for run in re.finditer(runs, text[start : sentence.start]):
        found = Span(start + run.start(1), start + run.end(1))
    return found


def with_antecedent(
    text: str, sentence: Span, para_start: int, choices: list[tuple[Span, str, bool]]
) -> list[tuple[Span, str, bool]]:
    """``choices`` cut from ``sentence`` after its pointer, with the name it points to before them."""
    name = pointed_name(text, sentence, para_start)
    if name is None:
        return []
    said = name.of(text)
    after = sentence.start + 2  # past 该楼
    out = []
    for span, title, dated in choices:
        if title.startswith("该"):
            out.append((Span(name.start, span.end), said + title[2:], dated))
        elif sentence.start <= span.start and span.start >= after and not title.startswith(said):
            out.append((Span(name.start, span.end), said + title, dated))
    return out
