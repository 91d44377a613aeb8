"""Does a candidate title read as a headline?  `headline_problems` names why it would not.

A headline is a clause that says who did what; each reason below names one way of being a
fragment instead (starts mid-sentence, no subject or finite verb, only a quote, only who spoke,
a pronoun or a noun phrase for the whole…).  `titles.title_score` costs every reason a title
choice more than length or centrality can win back, so a fragment stands only when no quote of
the event offers a whole clause.  The word lists are data (``sitegen/data/headline.toml``).
"""

from __future__ import annotations

import re

from .headline import (
    _PRONOUN_SUBJECT,
    _QUOTE_MARKS,
    _QUOTED,
    _ZH_ADVERBIAL,
    _ZH_CLAUSE,
    _en_finite,
    _participle,
    _split,
    _subjectless,
    _zh_elapsed,
    _zh_patterns,
    headline_words,
    is_chinese,
)
from .headline_inline import means_clause
from .headline_trims import en_cut_problems

_ONLY_SAID = re.compile(
    r"\b(?:said|says|told|announced|reported|stated|added|confirmed|noted)"
    r"(?:\s+(?:in|on|at|during|by|late|early|earlier)\b(?:(?!\bthat\b)[^,])*)?$"
)


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those"])


def headline_problems(title: str) -> list[str]:
    """Why ``title`` would not read as a headline (empty when it would)."""
    hw = headline_words()
    t = title.strip()
    if len(t) < 4:
        return ["too short"]
    problems = []
    if not (t[0].isalnum() or t[0] in _QUOTE_MARKS + "(（[【"):
        problems.append("starts with punctuation")
    if re.search(r"[,，、:：;；\-—(（]$", t) or t.endswith(("...", "…")):
        problems.append("ends mid-clause")
    if t.count('"') % 2 or t.count("“") != t.count("”"):
        problems.append("unbalanced quotes")
    outside = _QUOTED.sub("", t)
    if len(re.sub(r"\W", "", outside)) <= 3 or any(outside.strip(" ，,:：") == v for v in hw.zh["reporting"]):
        problems.append("only a quote")
    if re.search(r"(?:^|[\s\u4e00-\u9fff])\d{1,3}(?:[.,]\d+)?$", t):
        problems.append("ends on a bare number")  # "agreed to pay 8" (of 8,000)
    if is_chinese(t):
        relative, frame = _zh_patterns()
        openers = hw.zh["no_subject"] + hw.zh["continues"] + hw.zh["verb_start"] + hw.zh["cause"]
        if t.startswith(openers + hw.zh["reporting"]) or _ZH_VERB_ASPECT.match(t):
            problems.append("no subject")  # "表示将全力配合调查", "暴露了约420万名用户…"
        if re.search(r"在[^，,]{1,25}(?:后|之后|以后|时|之前|前)$", t):
            problems.append("ends on a clause of time")
        if relative.search(t):
            problems.append("keeps a relative day")
        if re.match(r"^在[^，,]{1,20}?(?:下|中)[，,]", t):
            problems.append("opens on an adverbial")
        if re.search(r"(?<![尤极与])其(?![中他它余实次间后])", t):
            problems.append("points back")
        if any(frame.match(c) for c, sep in _split(t, _ZH_CLAUSE) if sep):
            problems.append("keeps the reporting frame")
        if frame.match(t):
            problems.append("only says who spoke")
        last = _split(t, _ZH_CLAUSE)[-1][0]
        if len(_split(t, _ZH_CLAUSE)) > 1 and last.startswith(hw.zh["cause"]):
            problems.append("ends on a clause of cause")
        if t.startswith(hw.zh["bad_start"]) or re.match(r"^[\u4e00-\u9fff]{1,2}[,，、;；]", t):
            problems.append("starts mid-sentence")
        if t[-1] in "".join(hw.zh["bad_end"]) and not (t[-1] == "的" and "是" in t):
            problems.append("ends on a particle")
        if t.startswith(_PRONOUN_SUBJECT[:-1]) or _ZH_DEMONSTRATIVE.match(t):
            problems.append("a pronoun for its subject")  # "她早在去年10月就…": who, the sentence before says
        if _zh_noun_phrase(t):
            problems.append("a noun phrase, no clause")
        if means_clause(_split(t, _ZH_CLAUSE)[0][0], hw.zh):
            problems.append("opens on how it was learnt")  # "经第三方机构检测": means, not a happening
        if _zh_elapsed(t, hw) or _ZH_ADVERBIAL.match(t):
            problems.append("time since another happening")
        if t.endswith(hw.zh["reporting"]):
            problems.append("only says who spoke")
        if re.match(r"^[\u4e00-\u9fff]{1,8}(?:" + "|".join(hw.zh["reporting"]) + r")[,，:：]", t):
            problems.append("reporting-verb lead")
    else:
        words = re.findall(r"[A-Za-z'’-]+", t)
        first = words[0].lower() if words else ""
        if t[0].islower():
            problems.append("starts in lower case")
        if first in hw.en["dependent"] or first in hw.en["leading"]:
            problems.append("starts with a dependent word")
        elif first in hw.en["adverbial"]:
            problems.append("starts with an adverbial")
        if words and words[-1].lower() in hw.en["bad_end"] and re.search(r"[A-Za-z]$", t):
            problems.append("ends on a function word")
        if words and words[-1].lower() in hw.en["reporting"]:
            problems.append("ends on a reporting verb")
        if words and re.search(r"[A-Za-z]$", t) and words[-1].lower() in hw.en["dangling_end"]:
            problems.append("ends on a word that opens a lost phrase")
        if words and re.search(r"[A-Za-z]$", t) and words[-1].lower() in hw.en["needs_object"]:
            problems.append("ends on a verb that wants what was cut")
        if _ONLY_SAID.search(t):
            problems.append("a reporting verb with nothing reported")
        if re.match(r"^(?:It|They|He|She|We|Its|Their|His|Her)\b", t):
            problems.append("a pronoun for its subject")
        if re.match(r"^To [a-z]+\b", t):
            problems.append("opens on an infinitive")
        if _participle(t) or any(t.lower().startswith(p + " ") for p in hw.en["relative_phrases"]):
            problems.append("opens on a participle or a relative time")
        if not _en_finite(t, hw):
            problems.append("no finite verb")
        that = re.search(r"\bthat\s+(?=\S+\s+\S)", t)
        if that and not _en_finite("It " + t[that.end() :], hw):
            problems.append("a that-clause cut before its verb")  # "X admitted that the system"
        lead = re.match(r"^(?:The |A |An )?(?:[\w'-]+ ){0,3}(?:" + "|".join(hw.en["speech"]) + r")\b", t)
        # "X said that Y was a replica" reports a claim, kept attributed: only a whole that-clause
        claim = (
            lead
            and (that := re.match(r"\s+that\s+", t[lead.end() :]))
            and _en_finite("It " + t[lead.end() + that.end() :], hw)
        )
        if lead and not claim:
            problems.append("reporting-verb lead")
        problems += en_cut_problems(t, hw.en)
        named = [w for w in words if w[:1].isupper() and w.lower() not in _DETERMINERS]
        if len(words) < 6 and not named and not re.search(r"\d", t):
            problems.append("says too little")
    return problems


_ZH_VERB_ASPECT = re.compile(r"^[\u4e00-\u9fff]{2}[了过](?![解去来程])")
"""A title that opens on a verb and its aspect particle ("暴露了约420万名用户…"): the subject is in
the sentence before (not 了解, 过去, 过来, 过程: words of their own)."""
_ZH_DEMONSTRATIVE = re.compile(
    "^这(?:位|名|个|家|场|起|次|些|一|"
    + "|".join(map(re.escape, headline_words().zh["thing_classifiers"]))
    + ")"
)
"""A subject that points at a sentence before it ("这位科技大佬又坐到了镜头前")."""


def _zh_noun_phrase(title: str) -> bool:
    """A thing described by a clause before its 的, with no verb of its own after it
    ("引发全网热议的"发布会""): it names what happened, it does not say who did it.  A quoted
    name after the 的 counts as a noun; a clause with a subject before the 的 ("周明的直播引发热议"),
    a copula ("…是…的") or a tail that ends on a verb or holds an adverb ("…的直播结束",
    "…的学生已经全部出院") is no such phrase."""
    from .words import tag_of  # jieba's tags; loaded by the time titles are made

    if "是" in title or len(_split(title, _ZH_CLAUSE)) > 1:
        return False
    before, of, after = _QUOTED.sub("X", title).rpartition("的")
    if not of or not before or not after.strip() or not _subjectless(before):
        return False
    if after.strip() == "X":
        return True  # a quoted name alone
    import jieba

    tags = [tag_of(w) for w in jieba.lcut(after, HMM=False)]
    # a noun ends it (a verb-noun compound counts: 直播/vn), and no adverb or preposition sits in it
    noun_end = tags[-1].startswith(("n", "vn"))
    return len(after) <= 8 and noun_end and not any(t in ("d", "p", "ul") for t in tags)


def has_actor(title: str) -> bool:
    """Does the title name someone (a capitalised word after the first, or a Chinese subject)?"""
    if is_chinese(title):
        return not title.startswith((*headline_words().zh["vague_subject"], "在"))
    return any(w[:1].isupper() for w in title.split()[1:]) or not title.lower().startswith(
        ("the ", "a ", "an ", "their ", "its ", "his ", "her ", "this ", "that ", "these ", "it ", "they ")
    )
