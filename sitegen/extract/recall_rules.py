"""Narrow exceptions to what the second citing pass (`recall`) skips or assumes.

The pass skips quoted speech: what someone said is their view, not what the article reports
happened.  One kind of speech does report a happening: the actor announcing its own decision
("所以公司决定对他们进行批评和处罚", "we have decided to recall the cars").  It is told
apart by two marks together, both data: a decision word (``sitegen/data/announce.toml``) and an
action (``sitegen/data/actions.toml``).  Either alone is a view or a description ("我们决定
继续努力" names no action; "处罚太轻了" decides nothing).

The pass assumes an undated sentence goes on telling what its paragraph's dated opening told;
a sentence that opens by turning to another matter (``sitegen/data/turns.toml``: 另据, "Separately")
does not (`turns`).

The pass skips units of fewer content words than `Rules.min_content_words`: a clause such as "for
about six hours" tells nothing alone.  A clause dated by its own date whose one word names an
action does tell one ("2016年交付", "Built in 2016": the tower's delivery, in a retrospective's
list): `short_telling`.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache

from ..core.sitedata import PACKAGE_DATA
from .actions import actions
from .passages import Span


@cache
def _decision() -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    doc = tomllib.loads((PACKAGE_DATA / "announce.toml").read_text(encoding="utf-8"))
    zh = [re.escape(w) for w in doc.get("zh", [])]
    en = [re.escape(w.lower()) for w in doc.get("en", [])]
    return (
        re.compile("|".join(zh)) if zh else None,
        re.compile(r"(?<![a-z])(?:" + "|".join(en) + ")") if en else None,
    )


def announces(quote: str) -> bool:
    """Does the (quoted) sentence announce a decision that names an action?"""
    zh, en = _decision()
    decides = bool(zh and zh.search(quote)) or bool(en and en.search(quote.lower()))
    return decides and bool(actions().of(quote))


@cache
def _turns() -> tuple[tuple[str, ...], tuple[str, ...]]:
    doc = tomllib.loads((PACKAGE_DATA / "turns.toml").read_text(encoding="utf-8"))
    return tuple(doc.get("zh", [])), tuple(w.lower() for w in doc.get("en", []))


def turns(sentence: str) -> bool:
    """Does the sentence open by turning to another matter ("另据警方通报，…", "Separately, …")?"""
    zh, en = _turns()
    bare = sentence.lstrip(" \t\n\"“'‘「(（")
    return bare.startswith(zh) or bare.lower().startswith(en)


def short_telling(quote: str, terms: list[str]) -> bool:
    """Does a unit of too few content words still tell a happening: one word, naming an action
    (`actions`)?  Asked only of units dated by a date of their own that times what they tell."""
    return bool(terms) and bool(actions().of(quote))


DENIES_TIES = re.compile(
    r"(?:与|和|跟)[^，,。；;]{1,24}?(?:并无|并没有|没有|毫无|无|并不存在|不存在)(?:任何)?"
    r"(?:股权|隶属|业务|投资)?(?:关系|关联)|(?:与|和|跟)[^，,。；;]{1,24}?(?:无关|并无关联)"
    r"|\b(?:is|are|was|were)\s+not\s+(?:related|affiliated|linked|connected)\s+(?:to|with)\b"
    r"|\b(?:has|have|had)\s+no\s+(?:ties|links?|relation|connection|affiliation)s?\s+(?:to|with)\b"
    r"|\bunrelated\s+to\b",
    re.IGNORECASE,
)
"""A clause saying its subject has nothing to do with another ("与瑞丰股份并无股权关系", "is not
related to the airline"): a namesake set apart from the story, not a happening of it."""


def denies_ties(clause: str) -> bool:
    """Does the clause say its subject has no ties to another (`DENIES_TIES`)?"""
    return DENIES_TIES.search(clause) is not None


TELLER_BY_PAST = re.compile(
    r"^[^，,。；;：:]{0,8}?曾[^，,。；;：:的]{1,16}的[^，,。；;：:的]{1,12}?(?:对[^，,。；;]{1,8}?)?"
    r"(?:表示|称|说|介绍|透露|坦言|直言)\s*[，,：:]"
)
"""A sentence opening with a teller named by what they once did ("曾发布公开信的陈默对记者表示，…"):
the past act names who speaks; what the sentence tells is their view, not that act."""


def names_teller_by_past(sentence: str) -> bool:
    """Does the sentence open with a teller named by a past act (`TELLER_BY_PAST`)?"""
    return TELLER_BY_PAST.search(sentence) is not None


_APPOSITION = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her) )?[a-z][a-z-]*(?: [a-z][a-z-]*){0,3} (?:of|at|for|with) "
    r"(?:the )?[A-Z][\w'’-]*(?: (?:(?:of|and|for|on)(?: the)? )?[A-Z][\w'’-]*)*$"
)


_THAT_NAME = re.compile(r"\bthat\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*$")
"""a clause ending on a teller's "that" and a name: its verb follows the name's apposition"""
_WHO_IT_IS = re.compile(r"\s*(?:the|a|an|who|which|whose)\b", re.IGNORECASE)
"""an apposition's opening (", a Shenzhen contractor that …,")"""


_NAME_ALONE = re.compile(r"^[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}$")
"""a clause that is a name and nothing else (", Tessa Quill," between commas): whom its neighbour means"""


def says_who_is(clause: str) -> bool:
    """Is the English clause an apposition saying who someone is — a role, "of", an organisation
    ("deputy director of the Harbour Licensing Office"), or only the name ("an American researcher,
    Tessa Quill, discovered …")?  It tells no happening, so the second citing pass (`recall`) quotes
    it alone for none: the sentence's action is its subject's."""
    bare = clause.strip(' ,.;:"”’)')
    return bool(_APPOSITION.match(bare) or _NAME_ALONE.match(bare))


def name_joined(text: str, parts: list[Span]) -> list[Span]:
    """A sentence's clauses, one that is a name alone (`_NAME_ALONE`: ", Tessa Quill,") joined to the
    clause after it, whose subject it is ("an American researcher, Tessa Quill, discovered that …":
    "Tessa Quill, discovered that …" tells who did what); not to an apposition saying who the
    name is ("Ren Haolin, deputy director of …,": neither is quoted alone)."""
    out: list[Span] = []
    i = 0
    while i < len(parts):
        part = parts[i]
        after = parts[i + 1].of(text) if i + 1 < len(parts) else ""
        if after and _NAME_ALONE.match(part.of(text).strip(' ,.;:"”’)')) and not says_who_is(after):
            out.append(Span(part.start, parts[i + 1].end))
            i += 2
            continue
        if after and _THAT_NAME.search(part.of(text)) and _WHO_IT_IS.match(after):
            # "X said that Quayside, a contractor that kept its boilers, had left …": the name, who
            # it is and what it did are one telling ("X said that Quayside" tells nothing)
            j = i + 1
            while j + 1 < len(parts) and _WHO_IT_IS.match(parts[j].of(text)):
                j += 1
            out.append(Span(part.start, parts[j].end))
            i = j + 1
            continue
        out.append(part)
        i += 1
    return out
