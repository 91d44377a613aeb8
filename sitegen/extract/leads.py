"""Whom a source's lead (its title and first sentence) names: the story's people and things, or others.

Relevance (`relevance`) and agreement (`agreement`) ask this of the few sources whose judgement
rests on names: a lead says who the source is about, where its body's generic words (调查, 旅客,
"police") say nothing.  Chinese names are LAC's (`ner.Tagger`: people, organisations, places);
names in Latin letters are capitalised runs (`entities.latin_names`).  A name is the story's
when the story shares it (the shared subject words relevance found) or it holds one (临江市实验小学
holds 临江), or it is the search keyword written as the text's own subject.  The keyword as one
item of a list of names (伊品、蒙源、绿原乳业、天润等; "Mengyuan, Tianrun and Lvyuan Dairy") is a
ranking's or a round-up's, not a subject, and a longer Chinese name holding the keyword
(绿原乳业合作社) is a namesake's: neither counts either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import pairwise

from .entities import NAME_MIN_IDF, latin_names
from .ner import Tagger
from .words import CJK_WORD, Lexicon, general_idf


@dataclass
class Named:
    """What a lead names, judged against the story's names."""

    story: list[str] = field(default_factory=list)
    """names the story shares (or names holding one), in the lead's order"""
    keyword: bool = False
    """the search keyword is written as the lead's own subject (not an item of a list)"""
    others: list[str] = field(default_factory=list)
    """every other name: people, organisations, places the story does not share"""


def named(lead: str, story: set[str], lexicon: Lexicon, tagger: Tagger) -> Named:
    """Sort the names ``lead`` states into the story's (``story``: shared subject words), the
    keyword, and others'."""
    found = [(n, at, at + len(n)) for n, _, at in tagger.names(lead) if len(n) >= 2]  # 绿 of 绿原: a slip
    low = lead.lower()
    for run in dict.fromkeys(latin_names(lead, lexicon)):
        at = low.find(run)
        found.append((run, at, at + len(run)))
    out = Named()
    for word in lexicon.latin_terms(lead):
        if lexicon.canonical(word) in story:
            out.story.append(lexicon.canonical(word))  # a story's name in Latin letters (Lin Yue for 林悦)
    listed = _lists(lead, found)
    for name, start, _ in found:
        canon = lexicon.canonical(name)
        if canon in story or any(_overlaps(w, name) for w in story):
            out.story.append(canon)  # the story's, or holds one of its words, or is a piece of one
        elif lexicon.is_keyword(name):
            out.keyword = out.keyword or (start not in listed and _is_keyword_itself(name, lexicon))
        else:
            out.others.append(canon)
    out.story = list(dict.fromkeys(out.story))
    out.others = list(dict.fromkeys(out.others))
    return out


def lead_text(title: str, *first: str) -> str:
    """A title and the first sentence as one lead.  A title ending on a word before a sentence
    opening on a capital gets a full stop ("… its cleaner Quayside" + "Brightwater's audit …"), so
    no capitalised run (`entities.latin_names`) spans the two as one name."""
    runs_on = first and re.match(r"[A-Za-z0-9]", title[-1:]) and re.match(r"[A-Z]", first[0])
    return " ".join([title + ("." if runs_on else ""), *first])


def about_others(lead: str, story: set[str], lexicon: Lexicon, tagger: Tagger) -> list[str]:
    """The names of others ``lead`` states, when it states no subject of the story's (neither a
    name the story shares nor the keyword as its own subject): else []."""
    found = named(lead, story, lexicon, tagger)
    return [] if found.story or found.keyword else found.others


def names_others(lead: str, story: set[str], lexicon: Lexicon, tagger: Tagger) -> bool:
    """Does ``lead`` name anyone or anything the story does not share (a person, an organisation,
    a place; the keyword, alone or inside a longer name, is no other)?"""
    return bool(named(lead, story, lexicon, tagger).others)


def _overlaps(word: str, name: str) -> bool:
    return len(word) >= 2 and CJK_WORD.match(word) is not None and (word in name or name in word)


def _is_keyword_itself(name: str, lexicon: Lexicon) -> bool:
    """Is ``name`` the keyword (or part of it), not a longer name that holds it (绿原乳业合作社)?
    In English a keyword's company is written with its kind (Sealink Technologies, Lvyuan Dairy):
    only a Chinese name longer than the keyword is another's."""
    if not CJK_WORD.match(name):
        return True
    return any(name in k for k in lexicon.ignored)


_JOINT = re.compile(r"^(?:、|,|，|,? and |,? or |和|与|及)$")
"""What joins two items of a list of names (伊品、蒙源; Mengyuan, Tianrun and Lvyuan)."""


def _lists(lead: str, found: list[tuple[str, int, int]]) -> set[int]:
    """Offsets of the names that are items of a list of three names or more."""
    spans = sorted({(start, end) for _, start, end in found if start >= 0})
    out: set[int] = set()
    run = spans[:1]
    for prev, cur in pairwise(spans):
        if _JOINT.match(lead[prev[1] : cur[0]]):
            run.append(cur)
            continue
        if len(run) >= 3:
            out.update(start for start, _ in run)
        run = [cur]
    if len(run) >= 3:
        out.update(start for start, _ in run)
    return out


def heads_of_names(
    words: list[str], subjects: dict[str, list[str]], leads: dict[str, str], tagger: Tagger, sample: int = 5
) -> set[str]:
    """The ``words`` that open a person's or an organisation's name the tagger finds in the leads
    of sources having them as a subject (擎天 of 擎天云, which jieba cuts 擎天 + 云): those words
    are a name's, not generic ones.  A word ending a name (数据中心 of 怀来数据中心) is the
    name's kind, not the name.  At most ``sample`` leads are read per word, so the cost does not
    grow with the dump.  A word common in general text (民航 of 民航华东地区管理局: idf under
    `entities.NAME_MIN_IDF`) opens many names and is no one's."""
    idf, _ = general_idf()
    asked = {w for w in words if idf.get(w, NAME_MIN_IDF) >= NAME_MIN_IDF}
    having: dict[str, list[str]] = {w: [] for w in asked}  # one pass over the subjects
    for sid, top in subjects.items():
        for word in asked.intersection(top):
            if len(having[word]) < sample and word in leads.get(sid, ""):
                having[word].append(sid)
    out = set()
    for word in words:
        for sid in having.get(word, ()):
            if any(
                kind != "place" and len(name) > len(word) and name.startswith(word)
                for name, kind, _ in tagger.names(leads[sid])
            ):
                out.add(word)
                break
    return out
