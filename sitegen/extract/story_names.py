"""The story's names beyond what jieba's tags say: words it found but cannot tag, places
English writes without their suffix, and the core names of each script.

Helpers of `relevance`: each answers one question about names across the dump, in time
linear in its words (a few leads read by the tagger, whatever the dump's size).
"""

from __future__ import annotations

import math
import re
import tomllib
from collections import Counter
from functools import lru_cache

from ..core.sitedata import PACKAGE_DATA
from .ner import Tagger
from .rules import Rules
from .words import CJK_WORD, Lexicon, Words, general_idf, in_dictionary, pinyin_key, tag_of


def unknown_word(tok: str, lexicon: Lexicon) -> str | None:
    """A word of two to four characters jieba's dictionary does not know, which its HMM found in
    the text (恒岳 of 恒岳地产, but also 号楼 of 3号楼) and which, tagged alone, it splits and
    leaves untagged (``x``) as it does punctuation: no subject by its tag (`relevance._subject_word`)."""
    if not (CJK_WORD.match(tok) and 2 <= len(tok) <= 4) or in_dictionary(tok) or tag_of(tok) != "x":
        return None
    return None if tok.lower() in lexicon.stopwords or lexicon.is_keyword(tok) else tok


def tagged_names(
    unknown: dict[str, Counter[str]], need: int, limit: int, by: tuple[dict[str, str], Tagger]
) -> set[str]:
    """The unknown words (`unknown_word`) at least ``need`` sources have that open a person's or
    an organisation's name the tagger (LAC, `ner`) finds in the lead of a source having them: 恒岳
    of the organisation 恒岳地产 is a name, 号楼 (3号楼) opens none.  A place's is not taken: later
    rules tell places from other names by jieba's tag (`relevance._names_whom`), which has none for it,
    nor is one a place's name opens (青原 of the bureau 青原省市场监管局).  At most ``limit``
    words, the most widely shared, and a few leads each are read: the cost does not grow with
    the dump."""
    leads, tagger = by
    sample = 5
    spread: Counter[str] = Counter()
    for found in unknown.values():
        spread.update(found.keys())
    asked = [w for w, n in spread.most_common(limit) if n >= need]
    out = set()
    for word in asked:
        having = [sid for sid, found in unknown.items() if word in found and word in leads.get(sid, "")]
        for sid in having[:sample]:
            if any(_heads(word, name, kind) for name, kind, _ in tagger.names(leads[sid])):
                out.add(word)
                break
    return out


def _heads(word: str, name: str, kind: str) -> bool:
    """Does ``word`` open the person's or organisation's name ``name``, not as a place's name?"""
    rest = name[len(word) :]
    return kind != "place" and name.startswith(word) and not (rest and rest[0] in ADMIN_SUFFIXES)


ADMIN_SUFFIXES = "省市县区镇乡旗"
"""Chinese administrative suffixes (东陵区, 柳湾市, 额济纳旗 "Ejina Banner"): English writes the place
without them."""


def link_place_stems(lexicon: Lexicon, judging: bool = False) -> None:
    """A Chinese place linked to English by its pinyin (``donglingqu`` → 东陵区) is linked by its
    stem's too ("Dongling" → 东陵区), as English names it without the suffix ("Dongling",
    "Dongling district"); a stem some other word of the dump is spelt as keeps that word, and
    when that word is the stem itself (西安 beside 西安市), the place counts as its stem too (once
    relevance is judged).  ``judging`` relevance, a stem spelt as the search keyword is the
    keyword's ("Baiya Mountain" for 白崖山): read as the county 白崖县 it would make a report on
    the county share the story."""
    for word in list(lexicon.latin_names.values()):
        if len(word) >= 3 and word[-1] in ADMIN_SUFFIXES and CJK_WORD.match(word):
            stem = pinyin_key(word[:-1])
            if not (judging and lexicon.is_keyword(stem)):
                linked = lexicon.latin_names.setdefault(stem, word)
                if not judging and linked == word[:-1]:
                    lexicon.add_place_stem(word, linked)


def core_names(
    subjects: dict[str, list[str]], story: set[str], docs: dict[str, Words], rules: Rules
) -> set[str]:
    """The story's names a good share (`on_topic_core_share`) of all its sources have, and those
    most of its sources in one script have (more than half of the Chinese ones, or of the
    English ones).

    An English-majority story's Chinese reports name the company by its Chinese name (华康 of
    华康制药, its English brand no pinyin of it), which no English report writes: counted
    against the whole dump it is never core however many Chinese reports have it, and a Chinese
    report naming it would be judged as naming none of the story's core.  Within one script the
    bar is most of its reports, not a share: a body both the story and another incident deal
    with (the football association fining another club) is named by a third of the reports,
    the company by most.  A script with fewer than `relevance_min_sources` sources has no core
    of its own."""
    script = {sid: cjk_majority(docs[sid].text) for sid in docs}
    sizes = Counter(script.values())
    having: dict[bool, Counter[str]] = {True: Counter(), False: Counter()}
    for sid, top in subjects.items():
        having[script[sid]].update(w for w in top if w in story)
    share = rules.on_topic_core_share
    whole = {w for w in story if sum(having[side][w] for side in having) >= share * len(docs)}
    for side, n in sizes.items():
        if n >= rules.relevance_min_sources:
            whole.update(w for w, k in having[side].items() if k * 2 > n)
    return whole


def cjk_majority(text: str) -> bool:
    """Is the text written mostly in Chinese (by characters, a Latin word's letters weighed a third)?"""
    cjk = sum(map(len, _CJK_RUN.findall(text)))  # runs, not one string per character: the same count
    return cjk * 3 >= sum(map(len, _LATIN_RUN.findall(text)))


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


@lru_cache(maxsize=1)
def suffix_translations() -> dict[str, tuple[str, ...]]:
    """Generic endings of Chinese names -> how English writes them after the name's pinyin
    (``sitegen/data/name_suffixes.toml``: 花园 -> garden, gardens)."""
    doc = tomllib.loads((PACKAGE_DATA / "name_suffixes.toml").read_text(encoding="utf-8"))
    return {zh: tuple(en) for zh, en in doc["suffixes"].items()}


def keyword_name(
    docs: dict[str, Words], runs: dict[str, list[str]], lexicon: Lexicon, core: float
) -> dict[str, Counter[str]]:
    """The story's own name around its Chinese search keyword, as a subject of the sources that
    write it: source id -> {name: weight}.

    Every record matched the keyword, so the keyword never counts; but the name a good share
    (``core``) of the sources write it in tells the story from its namesakes: 明湖花园 (an
    estate) from 明湖大会 and 明湖公园, 华信信托 from 华信餐饮.  The name is the keyword and the
    noun most sources write right after it; English writes it as the keyword's pinyin and that
    noun's translation ("Minghu Garden", `suffix_translations`).  It counts for a source that
    writes it more often than the keyword with any other noun (a namesake's report may name the
    story's to tell them apart), as `relevance._own_name_counts` does for a keyword in Latin
    letters.  One pass over the tokens."""
    keywords = {k for k in lexicon.ignored if CJK_WORD.match(k)}
    if not keywords:
        return {}
    after: dict[str, Counter[str]] = {}
    for sid, words in docs.items():
        found: Counter[str] = Counter()
        toks = words.tokens
        for i in range(len(toks) - 1):
            if toks[i] in keywords and CJK_WORD.match(toks[i + 1]) and tag_of(toks[i + 1]).startswith("n"):
                found[toks[i] + "\t" + toks[i + 1]] += 1
        after[sid] = found
    spread = Counter(found.most_common(1)[0][0] for found in after.values() if found)
    if not spread:
        return {}
    key = spread.most_common(1)[0][0]
    keyword, tail = key.split("\t")
    english = [f" {t}" for t in suffix_translations().get(tail, ())]
    out: dict[str, Counter[str]] = {}
    for sid, found in after.items():
        mine = found[key] + sum(
            1
            for run in runs.get(sid, ())
            for t in english
            if run.endswith(t) and re.sub(r"[^a-z]", "", run[: -len(t)]) in lexicon.ignored_pinyin
        )
        if mine and mine > max((n for k, n in found.items() if k != key), default=0):
            out[sid] = Counter({keyword + tail: mine})
    if len(out) < core:
        return {}
    _, median = general_idf()
    return {sid: Counter({w: (1 + math.log(n)) * median for w, n in c.items()}) for sid, c in out.items()}


MONTH_ABBREVIATIONS = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
)
"""An abbreviated month ("Oct. 12"): a date, never a subject of the story."""


def subject_runs(runs: list[str], lexicon: Lexicon) -> list[str]:
    """A source's capitalised runs (`entities.latin_names`) as its subjects: an abbreviated month
    goes, and a run that is a Chinese name's pinyin once the word opening a sentence is off it
    ("When Wang Lixin spoke …" → 王立新, which "Wang Lixin" elsewhere already counts as) counts as
    that name."""
    out = []
    for run in runs:
        if run in MONTH_ABBREVIATIONS:
            continue
        out.append(lexicon.latin_names.get(re.sub(r"[^a-z]", "", run), run) if " " in run else run)
    return out
