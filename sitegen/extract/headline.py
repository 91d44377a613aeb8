"""Cutting one source sentence down to a headline: who did what, in the source's own words.

`headline_variants` drops reporting verbs, relative-time and scene-setting clauses, leading
adverbials and attributions, and never adds a word; `headline_checks.headline_problems` names
why a candidate still reads as a fragment. `titles` chooses among the variants of an event's quotes.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..core.sitedata import PACKAGE_DATA
from ..util.segment import cut
from .headline_inline import drop_inline_reporting, means_clause
from .headline_trims import (
    en_apposition_dropped,
    en_aside_dropped,
    en_bare_span_dropped,
    en_year_opener_dropped,
    order_before,
    zh_pointer_dropped,
)
from .ner import opens_on_name

LEADING = re.compile(
    r"^(?:[\s”’」』）)】\]—–\-…,，、:：;；.。]|但是|但|而且|而|并且|并|同时|随后|此后|其后|"
    r"之后|此前|当天|当日|当晚|据悉|据了解|据报道|另外|此外|然而|不过|因此|所以|因为|对此|与此同时|"
    r"(?:and|but|then|however|meanwhile)\b|"
    # a reporter's clause before what is reported ("记者昨日在工厂门口看到，"); other reporting
    # clauses are cut in `_zh_headline`, which keeps the speaker when the rest has no subject
    r"记者[^，,。]{0,16}?(?:看到|获悉|了解到|注意到|发现)[,，:：]?|"
    # a subjectless copula ("是X召回首日，…")
    r"是(?=[^，,。的]{6,}))+",
    re.I,
)
EN_TIME = re.compile(
    r",?\s+(?:(?:late|early)\s+)?(?:on|last)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2})"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
    r"|,?\s+(?:(?:late|early|earlier|later)\s+)?(?:yesterday|today|tonight|last night|this week)\b"
)
"""An English date phrase inside a title: the entry's date says it already ("… on Tuesday")."""
REPORTING_LEAD = re.compile(
    r"^(?:The |A |An )?(?:[\w'-]+ ){0,3}(?:said|says|told|added|noted|stated|reported)\b|"
    r"^[\u4e00-\u9fff]{1,8}(?:表示|称|指出|透露|强调|坦言|介绍|回应称|说|认为|直言)[,，:：]"
)
"""A title that opens with who said it rather than what happened."""
RELATIVE_TIME = re.compile(
    r"^(?:距离?|离)[^，,]{0,20}(?:过去|之前|以来)|"
    r"^(?:which|who|that|as|while|according to|since|after|before|when|although|because)\b",
    re.I,
)
"""A clause that counts time from something else, or a relative clause: no headline."""
BACK_REFERENCE = re.compile(r"^(?:这|该|此|其|它|他们|they\b|it\b|this\b|these\b|he\b|she\b|we\b)", re.I)
"""A title pointing back to a sentence the reader of the timeline never saw ("该公司…")."""
TRAILING = re.compile(r"[\s,，、:：;；。.!！?？…—\-]+$|\s*\[\d+\](?:\[\d+\])*[\s.。]*$")
COMPLETE = re.compile(r"[。！？!?.…][”’」』\"')）)\]\d\[]*$")
"""A sentence that ends as sentences do (excerpts often stop mid-sentence)."""
REFERENCE = re.compile(r"\s*\[\d+\](?:\[\d+\])*")


def tidy(text: str) -> str:
    # "距离上一次X才过去72小时" gives X in `_zh_elapsed_objects`, when the clause dates the quote
    text = EN_TIME.sub("", LEADING.sub("", text))
    for _ in range(3):
        text = TRAILING.sub("", text)
    return text.strip()


# -- headlines: a clause run cut down to who did what -------------------------------------
@dataclass(frozen=True)
class HeadlineWords:
    """The word lists of ``sitegen/data/headline.toml`` (see the comments there)."""

    zh: dict[str, tuple[str, ...]]
    en: dict[str, frozenset[str]]


@lru_cache(maxsize=1)
def headline_words() -> HeadlineWords:
    doc = tomllib.loads((PACKAGE_DATA / "headline.toml").read_text(encoding="utf-8"))
    zh = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in doc["zh"].items()}
    en = {k: frozenset(w.lower() for w in v) for k, v in doc["en"].items()}
    return HeadlineWords(zh, en)


_CJK = re.compile(r"[\u4e00-\u9fff]")
_ZH_CLAUSE = re.compile(r"[，,：:；;]")
_EN_CLAUSE = re.compile(r"(?:,|;|:|\s[—–]|\s-)\s+")
_NUMBER = r"[\d一二三四五六七八九十两几半百千]+多?个?"
_SUBJECTLESS = (
    "将", "已", "会", "正在", "正", "不", "没有", "未", "并", "计划", "希望", "要", "可能", "仍",
    "愿意", "确", "拟", "决定", "即将", "于", "对", "向", "把", "在", "已经", "目前", "还", "也",
)  # fmt: skip
"""Openings of a clause that has no subject of its own (the speaker before 表示 is it)."""
_ZH_ADVERBIAL = re.compile(r"^在[^，,：:]{0,25}(?:之后|以后|之前|以前|期间)")
"""A clause that opens "在…之后": when, not what."""
_PRONOUN_SUBJECT = ("他们", "她们", "我们", "他", "她", "它", "其")
_QUOTED = re.compile(r"[\"“「『][^\"”」』]*[\"”」』]")
_QUOTE_MARKS = "\"'“”‘’「」『』《》"


def is_chinese(text: str) -> bool:
    return len(_CJK.findall(text)) * 2 >= len(re.findall(r"[A-Za-z]", text))


def _split(text: str, pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    """(clause, the separator after it) for each clause of ``text``."""
    out, start = [], 0
    for m in pattern.finditer(text):
        if _inside_quote(text, m.start()):
            continue
        out.append((text[start : m.start()], m.group(0)))
        start = m.end()
    out.append((text[start:], ""))
    return [(c.strip(), sep) for c, sep in out if c.strip()]


def _inside_quote(text: str, offset: int) -> bool:
    before = text[:offset]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _join(parts: list[tuple[str, str]]) -> str:
    return "".join(c + sep for c, sep in parts[:-1]) + parts[-1][0] if parts else ""


def _strip_words(text: str, words: Sequence[str]) -> str:
    """``text`` without the opening words of ``words`` (longest first, repeatedly)."""
    changed = True
    while changed:
        changed = False
        text = text.lstrip(" ，,、：:")
        for w in words:
            if text.startswith(w) and len(text) > len(w) + 1:
                text, changed = text[len(w) :], True
                break
    return text


def _zh_elapsed(clause: str, hw: HeadlineWords) -> bool:
    """A clause that gives the time since another happening ("距离…才过去72小时", "继…之后")."""
    units = "|".join(hw.zh["elapsed_units"])
    if clause.startswith(("距离", "距")) or re.match(r"^继.*(?:之后|后)$", clause):
        return True
    if _ZH_ADVERBIAL.match(clause) and re.search(r"(?:之后|以后|之前|以前|期间|后|前|时)$", clause):
        return True
    if re.search(rf"(?:过去|过了)了?{_NUMBER}(?:{units})", clause):
        return True
    counted = rf"{_NUMBER}(?:{units})(?:之后|以后|后|以来|前)$|^在[^，,]{{1,20}}?[前后]{_NUMBER}(?:{units})$"
    return re.search(counted, clause) is not None  # ("在开庭前两天": days counted from another)


_ZH_SINCE = re.compile(
    r"^(?:距离|距|在|继|自从)(.{3,30}?)(?:才|仅|刚|已经|已)?(?:过去|过了|之后|以后|之前|以前|期间)"
)


def _zh_elapsed_objects(text: str) -> list[str]:
    """What a clause of elapsed time counts from, when nothing else is left
    ("距离上一次…的发布会才过去72小时" dates that 发布会 itself)."""
    hw = headline_words()
    parts = _split(text, _ZH_CLAUSE)
    if not all(_zh_elapsed(p, hw) or _ZH_ADVERBIAL.match(p) or len(_CJK.findall(p)) <= 3 for p, _ in parts):
        return []
    found = (_ZH_SINCE.match(p) for p, _ in parts)
    return [tidy(re.sub(r"^(?:上一次|上次|此前|之前)", "", m.group(1))) for m in found if m]


_ZH_SETTING = re.compile(r"^在[^，,：:“”\"]{2,20}?(?:中|上|里|期间|下)[，,]?(?=[\u4e00-\u9fff]{2})")


def _zh_setting_dropped(text: str) -> list[str]:
    """Without an opening "在…中/上" that sets the scene ("在3月5日的发布会上X说…" → "X说…")."""
    m = _ZH_SETTING.match(text)
    rest = text[m.end() :] if m else ""
    return [rest] if rest and not rest.startswith(headline_words().zh["bad_start"]) else []


_ZH_CAUSE = re.compile(
    r"^([^，,]{2,30}?)(?:因涉嫌|涉嫌|因为|由于|因)[^，,]{2,40}[，,]((?:已经|已|将|被|正在)[^，,]+)$"
)


def _zh_cause_dropped(text: str) -> list[str]:
    """Who and what, without why ("X因涉嫌Y，已被拘留" → "X已被拘留")."""
    m = _ZH_CAUSE.match(text)
    return [m.group(1) + m.group(2)] if m else []


@lru_cache(maxsize=1)
def _zh_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a relative day with what goes with it, a reporting frame clause) from the word lists."""
    hw = headline_words()
    days = "|".join(sorted([*hw.zh["relative_periods"], *hw.zh["relative_days"]], key=len, reverse=True))
    parts = "|".join(hw.zh["day_parts"])
    # "自今日起停牌": the 自 of 自…起 goes with the day it opens, or "自停牌" is left
    relative = re.compile(rf"[自从](?:{days})(?:{parts})?起|于?(?:{days})(?:{parts})?(?:起|即)?")
    verbs, docs = "|".join(hw.zh["frame_verbs"]), "|".join(hw.zh["frame_documents"])
    frame = re.compile(rf"^(.{{2,20}}?)(?:{verbs})了?[\u4e00-\u9fff]{{0,4}}?(?:{docs})(?:称|表示|说)?$")
    return relative, frame


def drop_relative_days(text: str) -> str:
    """``text`` without the days it counts from its report ("已于今日上午进场" → "已进场")."""
    relative, _ = _zh_patterns()
    out = relative.sub("", text)
    return out if len(_CJK.findall(out)) >= 4 else text


def _subjectless(clause: str) -> bool:
    """Does the clause open on its predicate (a verb or adverb: its subject is elsewhere)?"""
    from .words import tag_of  # jieba's tags; loaded by the time titles are made

    hw = headline_words()
    clause = re.sub(r"^[\d年月日号时分至到起—\-～~、]+", "", clause)  # "4月15日至19日共取消…"
    if clause.startswith(hw.zh["cause"]):
        return False  # "X发布通知，因…": the cause is no predicate of X's
    if clause.startswith(_SUBJECTLESS + hw.zh["verb_start"]):
        return True
    head = re.match(r"[\u4e00-\u9fff]+", clause)
    if head is None:
        return False
    import jieba

    words = jieba.lcut(head.group(0)[:10], HMM=False)
    first = next((w for w in words if tag_of(w) != "t"), "")  # "今年还将…": past the time word
    if not first or tag_of(first) not in ("v", "d", "ad", "p", "b"):
        return False
    # jieba's dictionary tags some names verbs (the place 怀来): a real tagger has the last word
    return not (tag_of(first) == "v" and opens_on_name(clause[clause.index(first) :]))


def _aside(clause: str, hw: HeadlineWords) -> bool:
    """A clause of cause or means, or a lone linking word, between a frame and what it frames."""
    return clause.startswith(hw.zh["cause"]) or clause in hw.zh["leading"] or means_clause(clause, hw.zh)


def _zh_headline(text: str) -> str:
    hw = headline_words()
    _, frame = _zh_patterns()
    parts = _split(text, _ZH_CLAUSE)
    kept = [p for p in parts if not _zh_elapsed(p[0], hw)] or parts
    while len(kept) > 1 and (
        (len(_CJK.findall(kept[0][0])) <= 2 and not re.search(r"[A-Za-z0-9]", kept[0][0]))
        or kept[0][0].startswith(hw.zh["bad_start"])
        or means_clause(kept[0][0], hw.zh)  # "经初步排查，"
        or (kept[0][0].startswith("据") and kept[0][0].endswith(("报道", "消息", "介绍", "了解", "悉")))
    ):
        kept = kept[1:]  # the tail of a sentence cut before it ("多,不少人发现…"), "据X报道"
    out: list[tuple[str, str]] = []
    for i, (clause, sep) in enumerate(kept):
        if clause is None:
            continue  # a clause of cause between a frame and what it frames
        clause = _strip_words(clause, hw.zh["leading"]) if not out else clause
        verb = next((v for v in hw.zh["reporting"] + hw.zh["announcing"] if clause.endswith(v)), None)
        framed = frame.match(clause)  # "X发布公告称，": the speaker is X
        if (verb is not None or framed) and (i + 1 < len(kept) or out):
            speaker = framed.group(1) if framed else clause[: -len(verb or "")]
            if speaker.startswith("据") or not speaker or i + 1 == len(kept):
                continue  # "据X报道，" / a last clause that only says who spoke
            j = i + 1
            while j + 1 < len(kept) and kept[j][0] and _aside(kept[j][0], hw):
                kept[j] = (None, "")  # type: ignore[assignment]
                j += 1
            rest, rest_sep = kept[j]
            # "X发布声明，就Y一事道歉": 就 opens a topic here, not a clause of its own; X is the subject
            topic = rest.startswith(tuple(hw.zh["topic_prepositions"]))
            rest = rest if topic else _strip_words(rest, hw.zh["leading"])
            pronoun = next((p for p in _PRONOUN_SUBJECT if rest.startswith(p)), None)
            if verb in hw.zh["announcing"] and not pronoun:  # "X公告，公司股票停牌": X's shares
                pronoun = next((p for p in hw.zh["self_reference"] if rest.startswith(p)), None)
            if pronoun or topic or _subjectless(rest):
                # "X接受媒体采访称，她早在…": X is the subject, not X's interview
                rest = drop_relative_days(_ZH_INTERVIEW.sub("", speaker)) + rest[len(pronoun or "") :]
            kept[j] = (rest, rest_sep)
            continue
        out.append((clause, sep))
    return _join(out or [k for k in kept if k[0] is not None])


_ZH_INTERVIEW = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:在?接受|在|对)[^，,在接对]{0,12}(?:采访|记者)时?$")
"""Where a speaker spoke ("接受媒体采访", "在接受记者采访时", "对记者"): no part of the subject."""


_ZH_DATED_MODIFIER = re.compile(
    r"(?<=[\u4e00-\u9fff])(?:去年|今年|前年)?\d{1,2}月\d{1,2}日(?:晚间|晚上|凌晨|上午|下午|晚|早|夜)?"
    r"(?=[\u4e00-\u9fff]{1,12}的)"
)
"""A date inside a clause, in a phrase its 的 makes a modifier ("向去年12月27日晚被困的游客"): it
dates what the modifier tells, not what the title reports."""


def _en_time_pattern(hw: HeadlineWords) -> re.Pattern[str]:
    days = "|".join(sorted(hw.en["weekdays"]))
    rel = "|".join(sorted((re.escape(w) for w in hw.en["relative_days"]), key=len, reverse=True))
    months = "|".join(sorted(hw.en["months"]))
    parts = "|".join(sorted(hw.en["day_parts"]))
    return re.compile(
        rf"(?<!through)(?<!until)(?<!till)(?<! by)(?<!from)(?<! to)"  # "through Sunday" is no date of it
        rf"\s+(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?"
        rf"(?:(?:{days})(?:\s+(?:{parts}))?"
        rf"|(?:{months})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?)\b(?!['’]s)|\s+(?:(?:late|early)\s+)?(?:{rel})\b(?!['’]s)",
        re.I,
    )


_EN_RELATIVE = r"(?:after|before|since|later|ago|earlier)"


def _en_headline(text: str) -> str:
    hw = headline_words()
    parts = _split(text, _EN_CLAUSE)
    opened = parts[0][0][:1].isupper()
    while len(parts) > 1:
        first = parts[0][0].split()
        head = first[0].lower() if first else ""
        units = "|".join(hw.en["time_units"])
        elapsed = re.match(rf"^(?:\S+\s+){{0,3}}(?:{units})\s+{_EN_RELATIVE}\b", parts[0][0], re.I)
        relative = parts[0][0].lower() in hw.en["relative_phrases"]
        if (
            elapsed
            or relative
            or _participle(parts[0][0])
            or head in hw.en["adverbial"] | hw.en["weekdays"] | hw.en["leading"] | hw.en["dependent"]
        ):
            parts = parts[1:]
        else:
            break
    if len(parts) > 1 and _en_attribution(parts[-1][0], hw):
        parts = parts[:-1]
    text = _join(parts)
    text = _en_time_pattern(hw).sub("", text)
    # "…apologised in a video statement the same day": the date beside the title says when
    same = "|".join(sorted((re.escape(p) for p in hw.en["relative_phrases"]), key=len, reverse=True))
    text = re.sub(rf",?\s+(?:{same})(?=[,.;]|$)", "", text, flags=re.I)
    # "The findings, published on Thursday night, also name…" lost its time: the aside goes whole
    text = re.sub(r",\s+[a-z]+(?:ed|en)\s*,(?=\s)", "", text)
    words = text.split()
    while words and words[0].lower().strip(",") in hw.en["leading"] and len(words) > 2:
        words = words[1:]
    text = " ".join(words)
    if opened and text[:1].islower():
        text = text[0].upper() + text[1:]  # the sentence's own start was dropped; its main clause leads now
    return text


_EN_PARTICIPLE = re.compile(
    r"^[A-Z]?[a-z]{2,}ing\s+(?:it|its|the|a|an|that|this|they|he|she|his|her|their|them)\b"
)


def _participle(clause: str) -> bool:
    """ "Saying it had…", "Citing the…": a participle phrase, not a main clause."""
    return _EN_PARTICIPLE.match(clause) is not None


def _en_attribution(clause: str, hw: HeadlineWords) -> bool:
    """ ", the regulator said" / ", said Chen" / ", according to …": who said it, not what happened."""
    words = clause.split()
    if not words or len(words) > 8:
        return False
    low = [w.lower().strip(".") for w in words]
    said_who = low[0] in hw.en["reporting"] and len(words) <= 4  # ", said Chen Li"
    adding = len(low) == 1 and low[0] in hw.en["speech_participles"]  # "…, adding" (the quote stops)
    return said_who or adding or low[-1] in hw.en["reporting"] or low[:2] == ["according", "to"]


_EN_PRONOUNS = ("it ", "he ", "she ", "they ", "we ")


def _en_unreport(text: str, hw: HeadlineWords) -> str:
    """ "X said (that) Y did Z" → "Y did Z"; "X said it would Z" → "X would Z"."""
    words = text.split()
    for i, w in enumerate(words[:8]):
        if w.lower() not in hw.en["reporting"] or i == 0:
            continue
        j = i + 1
        if w.lower() == "told" and j < len(words) and words[j].lower() not in ("that",):
            j += 2 if words[j].lower() == "the" else 1  # "told reporters", "told the newspaper"
            while j < len(words) and words[j][:1].isupper() and words[j - 1][:1].isupper():
                j += 1  # "told Sixth Tone": the whole name
        after = " ".join(words[j:]).lower()
        phrase = next((p for p in hw.en["relative_phrases"] if after.startswith(p + " ")), None)
        if phrase:
            j += len(phrase.split())  # "said the same day it had…"
        elif j < len(words) and words[j].lower() in ("in", "at", "during") and w.lower() in hw.en["speech"]:
            that = next((k for k in range(j + 1, min(j + 9, len(words))) if words[k].lower() == "that"), None)
            j = that if that is not None else j  # "said in a preliminary finding that …"
        if j < len(words) and words[j].lower() == "that":
            j += 1
        elif w.lower() in ("confirmed", "announced", "revealed", "showed", "shows"):
            return text  # an action unless it introduces what was confirmed
        rest = " ".join(words[j:])
        if len(words) - j < 3:
            return text
        subject = " ".join(words[:i]).split(",")[0]  # "Su, the founder, said" -> "Su"
        if rest.lower().startswith(_EN_PRONOUNS):
            return subject + " " + rest.split(" ", 1)[1]
        return rest[0].upper() + rest[1:]
    return text


def _en_cuts(text: str, hw: HeadlineWords, long: bool) -> list[str]:
    """The main clause alone, before a subordinate one (", which …", " after …"), and when
    ``long``, before a trailing phrase (" for failing to …")."""
    words = hw.en["cut_before"] | (hw.en["cut_if_long"] if long else frozenset())
    out = []
    for m in re.finditer(r",?\s+(\w+)\b", text):
        participle = m.group(0).startswith(",") and _participle(text[m.end() - len(m.group(1)) :])
        if m.group(1).lower() == "to" and order_before(text[: m.start()], hw.en):
            continue  # "ordered the studio [to pay …]": what was ordered stays
        kept = text[: m.start()].split()
        if kept and kept[-1].lower() in hw.en["needs_object"]:
            continue  # "the claim that X brought [against Y]": the verb wants what the cut drops
        if (participle or m.group(1).lower() in words) and m.start() > 15:
            out.append(text[: m.start()])
    return out


def headline_variants(text: str, max_chars: int = 40, elapsed_dates: bool = True) -> list[str]:
    """Headlines ``text`` can be cut down to, by dropping words only: most complete first.

    ``elapsed_dates``: the text's date is the time elapsed it gives ("距离X才过去72小时"
    dates X), so what that counts from may stand as the title."""
    text = tidy(text)
    if not text:
        return []
    if is_chinese(text):
        undated = drop_relative_days(_zh_headline(text))
        main = tidy(drop_inline_reporting(undated, headline_words().zh, _subjectless))
        made = [main, *_zh_setting_dropped(main), *_zh_cause_dropped(main)]
        pointer = re.match(r"^该[\u4e00-\u9fff]{2}", main) or (
            main.startswith("其") and main[1:].startswith(headline_words().zh["named_relations"])
        )
        if pointer and len(cut(main[1:6], hmm=False)[0]) >= 2:
            # "该数据库…", "其控股股东X…": the thing, without the pointer to a sentence before (not
            # 该院: 院 is no name)
            made.append(main[1:])
        made += zh_pointer_dropped(main, headline_words().zh["thing_classifiers"])  # "这件X…" → "X…"
        this_is = re.match(r"^这(?:也)?是(?:继[^，,]{1,20}?(?:之后|后))?(?=[\u4e00-\u9fff]{4})", main)
        if this_is:
            made.append(main[this_is.end() :])  # "这是继X之后Y作出的回应" → "Y作出的回应"
        made += _zh_elapsed_objects(text) if elapsed_dates else []
        # "X向去年12月27日晚被困的游客赔偿": the date of what the 的 describes is another happening's
        made += [undated for m in made if (undated := _ZH_DATED_MODIFIER.sub("", m)) != m]
    else:
        hw = headline_words()
        said = tidy(_en_headline(text))
        made = []
        # "Chen Li, a former inspector at X, told…": who she is goes, her name stays the subject
        bare = [*en_apposition_dropped(said), *en_year_opener_dropped(said), *en_aside_dropped(said, hw.en)]
        apposed = [m for a in bare for m in (tidy(_en_unreport(a, hw)), a)]
        for main in dict.fromkeys((tidy(_en_unreport(said, hw)), said, *apposed)):
            cuts = [tidy(c) for c in _en_cuts(main, hw, len(main) > max_chars * 2)]
            made += [main, *cuts, *(b for c in cuts for b in en_bare_span_dropped(c, hw.en))]
        lone = re.match(r"^(?:even\s+)?(\w+)\s+(?=\w)", said)
        if lone and lone.group(1).lower() in hw.en["concessive"] and _en_finite(said[lone.end() :], hw):
            rest = said[lone.end() :]  # "though paperwork recorded it as complete": the clause alone
            made += [rest[0].upper() + rest[1:]]
        # "Swiftride's decision to leave, a day after the summons, was seen as…": the aside goes
        units = "|".join(hw.en["time_units"])
        aside = re.sub(rf",\s+(?:\w+\s+){{1,2}}(?:{units})\s+{_EN_RELATIVE}\b[^,]*,", "", said)
        made += [aside] if aside != said else []
        # "A museum in the southern Chinese city of Nanping said…": the place's name says where
        made += [placed for m in made if (placed := _EN_PLACE_KIND.sub(r"\1 ", m)) != m]
        since = re.search(r"\b(?:since|after)\s+([^,]{12,})$", said) if elapsed_dates else None
        if since and not _en_finite(said[: since.start()], hw):
            # "Their biggest drop since the company listed in 2021": the date is the listing's
            made.append(since.group(1)[0].upper() + since.group(1)[1:])
        made = [m for m in made if m]
    seen, out = set(), []
    for m in made:
        if m and m not in seen:
            seen.add(m)
            out.append(m)
    return out


_EN_PLACE_KIND = re.compile(
    r"\b(in|of|from|near)\s+the\s+(?:[A-Za-z-]+\s+){0,3}?"
    r"(?:city|province|town|county|region|district|village|port|state)\s+of\s+(?=[A-Z])"
)
"""What kind of place a name is ("in the southern Chinese city of X" says "in X"): words a
headline drops."""


def _en_finite(text: str, hw: HeadlineWords) -> bool:
    """Has the main clause (before any dependent word) a finite verb?"""
    words = re.findall(r"[A-Za-z'’-]+", text)
    for i, w in enumerate(words):
        low = w.lower()
        if i > 0 and low in hw.en["dependent"] - {"that"}:
            break
        if low in hw.en["auxiliaries"] or low in hw.en["irregular"] or low in hw.en["reporting"]:
            return True
        nxt = words[i + 1].lower() if i + 1 < len(words) else ""
        participle = nxt == "by" and i <= 3 and words[0].lower() in ("a", "an", "the")  # "A fine imposed by"
        compound = "-" in low  # "Hangzhou-based" is no verb
        if i > 0 and low.endswith("ed") and len(low) > 4 and not compound and not participle:
            return True
        if i > 0 and w.islower() and re.fullmatch(r"[a-z]+[^su]s", low) and words[i - 1][:1].isupper():
            return True  # "Regulator summons …", "Chen resigns"
    return False
