"""Words inside a Chinese clause that a headline drops: a leading clause of means ("经初步排查，")
and a verb of speech inside a clause ("X表示将上诉" → "X将上诉").

The word lists are data (``sitegen/data/headline.toml``: ``means_verbs``, ``inline_reporting``,
``not_speech_before_cheng``); `headline._zh_headline` and `headline.headline_variants` use these.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache


@lru_cache(maxsize=4)
def _means(verbs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"^经.{{2,30}}(?:{'|'.join(map(re.escape, verbs))})$")


def means_clause(clause: str, zh: Mapping[str, Sequence[str]]) -> bool:
    """A clause that says how the news was learnt ("经第三方机构检测"), not what happened."""
    return _means(tuple(zh["means_verbs"])).match(clause) is not None


def drop_inline_reporting(
    text: str, zh: Mapping[str, Sequence[str]], subjectless: Callable[[str], bool]
) -> str:
    """``text`` without a verb of speech inside a clause, when what follows the verb
    opens on its predicate ("速达表示将上诉" → "速达将上诉"): the speaker is the subject.
    Unchanged when what follows has a subject of its own (who spoke is then no part of it)."""
    verbs = sorted(zh["inline_reporting"], key=len, reverse=True)
    pieces = re.split(r"([，,；;])", text)  # each clause, then the separator after it
    return "".join(_one_clause(p, verbs, zh, subjectless) if i % 2 == 0 else p for i, p in enumerate(pieces))


def _one_clause(
    clause: str, verbs: Sequence[str], zh: Mapping[str, Sequence[str]], subjectless: Callable[[str], bool]
) -> str:
    if re.search(r"[“”\"：:]", clause):
        return clause  # a quotation: what was said stays said
    for verb in verbs:
        at = clause.find(verb, 2)
        if at < 0 or not re.match(r"[\u4e00-\u9fff]", clause[at - 1]):
            continue
        if verb == "称" and clause[at - 1] in "".join(zh["not_speech_before_cheng"]):
            continue
        rest = clause[at + len(verb) :]
        if len(re.findall(r"[\u4e00-\u9fff]", rest)) >= 3 and subjectless(rest):
            return clause[:at] + rest
    return clause
