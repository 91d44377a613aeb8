"""Candidate events: sentences (or clauses) that report something at a resolved time.

Each paragraph of a source is read by the date resolver at once, so anchors
("19小时后") resolve against dates named earlier in it.  A sentence with one
resolved date is one candidate quoting the whole sentence; a sentence with
several gives one candidate per date, each quoting the clauses from its date
up to the next one.  A date counted back from an anchor (``anchored``) within a
sentence quotes only its own clause: "距X才过去19小时" dates X, not the rest of
the sentence; one that opens the sentence (同日,…) dates all of it.

Dropped, with a reason for ``--explain``: dates after the article was
published, sentences with too few content words, questions.  Sentences whose
only time words are vague (最近, 前不久, 近日, 日前: no date at all),
or a counted recency word (前几天, 这两天, "over the past few days": a stretch of
days before publication that says "lately", not when), become *attach-only*
candidates: they may add a source to an event but never start one.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..core.dates import PRECISIONS, When
from ..core.markdown import normalise_ws
from ..core.model import Source
from ..errors import Problem
from .actions import actions
from .announced import runs_through
from .attribution_tail import attribution_tail
from .background import OVER_STARTS, background_rule, is_naming, named_from, reporting_date
from .counted_clause import without_counted_clause
from .dated_clauses import cut_days, join_openers, listed
from .overnight import night_ends
from .passages import Span, clauses, paragraphs, sentences
from .pronoun_turn import pronoun_turn
from .rules import Rules
from .subject_date import opens_as_subject
from .tellings import split_pairs
from .temporal.context import ROLLED_BACK, STARTS
from .temporal.words import RECENT
from .temporal.words import key as RECENT_KEY
from .words import Lexicon, Words

FindTimes = Callable[..., list[Any]]


@dataclass
class Candidate:
    source: Source
    order: int
    quote_span: Span
    quote: str
    when: When | None
    """None for an attach-only sentence whose time words resolved to nothing."""
    mention: Any | None
    """The time expression that dates it (a TimeMention)."""
    terms: list[str]
    founding: bool
    """May start an event (its date is definite enough)."""
    sentence_mentions: list[Any] = field(default_factory=list)
    text: str = ""
    """the source's plain text (``Source.text`` re-renders Markdown on every call)"""
    named: list[str] = field(default_factory=list)
    """the terms of the thing its date names ("3月2日的发布会": 发布会), when its date only names one"""
    continues_at: int | None = None
    """for a date counted from one the same paragraph states before that restates its time of
    day ("当晚" after "10月14日晚11时许", `_goes_on`): where that date stands in the text"""
    dates_event: bool = False
    """it joined an event that tells of the thing its date names: its date is the event's too"""
    dissent: bool = False
    """it joined the event of a day next to its own that other outlets tell (`neardays`): its
    date is a dissent the page notes, not one the event's date covers"""
    sentence: Span | None = None
    """its whole sentence, when its date times an announcement ("X今日发布通知,") and the
    sentence's other dated clauses fall on that day ("…因…停场检查,4月15日至19日共取消186个航班"):
    the announcement of the happening another clause tells (`frame`)"""

    @property
    def frame(self) -> bool:
        """An announcement naming no action, of a sentence dated on one day ("鹏程航空今日宣布,经
        …检查确认," before "今日起恢复商业运营"): it frames the happening another clause tells.
        A clause naming no action the table knows is not enough ("黄志强昨晚致歉,表示渡轮6月1日
        晚8时许…撞上防波堤": the collision is a happening of its own)."""
        return self.sentence is not None and not actions().of(normalise_ws(self.quote))

    def acts(self) -> frozenset[str]:
        """The actions its quote names (`actions`); for a `frame`, those its sentence names."""
        if self.frame and self.sentence is not None:
            return actions().of(normalise_ws(self.sentence.of(self.text)))
        return actions().of(normalise_ws(self.quote))

    @property
    def published(self) -> datetime:
        return self.source.published

    def precision_rank(self) -> int:
        return PRECISIONS.index(self.when.precision) if self.when else -1


@dataclass
class Found:
    candidates: list[Candidate] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    unquoted: list[Candidate] = field(default_factory=list)
    """dated quotes dropped for too few content words, kept for their sentence's dates: the second
    citing pass (`recall`) reads a sentence's dates from the candidates ("2016年交付；" is a
    retrospective's clause telling the delivery: `recall_rules.short_telling`)"""


def is_founding(when: When, rules: Rules) -> bool:
    """Is a date definite enough to start an event (within a month, or a stated year or two)?"""
    width = when.period_end() - when.start
    if width <= timedelta(days=rules.founding_max_days):
        return True
    if when.precision == "month":
        return width <= timedelta(days=31 * 2)
    if when.precision == "year":
        return width <= timedelta(days=366 * rules.founding_max_years)
    return False


def _usable(m: Any) -> bool:
    return m.when is not None and m.kind != "not-event"


def _quote_spans(
    text: str, sentence: Span, dated: list[Any], rules: Rules
) -> tuple[list[tuple[Any, Span]], set[int]]:
    """One (mention, quote span) per dated clause of the sentence; and the dates told in passing
    (`dated_clauses.cut_days`: a recap's clause dating two days)."""
    parts, passing = cut_days(text, clauses(text, sentence) or [sentence], dated)
    parts = join_openers(text, parts, dated)

    def clause_index(offset: int) -> int:
        for i, c in enumerate(parts):
            if offset < c.end:
                return i
        return len(parts) - 1

    firsts: dict[int, Any] = {}
    for m in dated:
        firsts.setdefault(clause_index(m.start), m)
    order = sorted(firsts)
    out = []
    for n, ci in enumerate(order):
        m = firsts[ci]
        if (m.kind == "anchored" and not _opens(text, sentence, m)) or is_naming(text, m):
            # a date counted from another, or one that names a thing ("上周五凌晨发生爆炸的厂区"),
            # speaks for its own clause only
            last = ci
            while last + 1 < len(parts) and parts[last].end - parts[ci].start < rules.anchored_min_chars:
                last += 1
            out.append((m, Span(parts[ci].start, parts[last].end)))
            continue
        start = sentence.start if n == 0 else parts[ci].start
        if n and n + 1 == len(order) and attribution_tail(parts[ci].of(text), m.text):
            # "…, X told reporters on Tuesday.": the telling quotes what it told, which joins only
            start = sentence.start if n == 1 else parts[order[n - 1]].start
            passing.add(id(firsts[order[n - 1]]))
        end = parts[order[n + 1] - 1].end if n + 1 < len(order) else sentence.end
        if n + 1 < len(order) and runs_through(text, end, m, firsts[order[n + 1]]):
            end = sentence.end  # "…公布调查结果：X于3月…": what it made public (`announced`)
        if end - start > rules.max_quote_chars and len(order) == 1:
            # a long sentence is cut to what leads up to its date's clause (the subject and verb
            # come first: "X will recall …, according to a plan filed on Friday, after …"),
            # or, when that is long too, to the date's clause onwards
            if parts[ci].end - start <= rules.max_quote_chars:
                end = _through_apposition(text, parts, ci, start, rules.max_quote_chars)
            else:
                start = parts[ci].start
        out.append((m, Span(start, end)))
    return out, passing


_THAT_NAME = re.compile(r"\bthat\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*$")
_BY_NAME = re.compile(r"\bby\s+(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*\s*$")
_APPOSITION = re.compile(r"\s*(?:the|a|an|who|which|whose)\b", re.IGNORECASE)


def _through_apposition(text: str, parts: list[Span], ci: int, start: int, most: int) -> int:
    """Where a long sentence cut to its date's clause ends: that clause's end, unless it stops at
    the name a teller's "that" opens ("X said on Monday that Liu Jianguo, the rider who died …,
    had been recruited …"): then through the apposition to the clause holding the verb, within
    ``most`` characters (the quote would otherwise tell nothing of what was said)."""
    end = parts[ci].end
    if not _THAT_NAME.search(parts[ci].of(text)):
        if _BY_NAME.search(parts[ci].of(text)):
            # "a letter posted on Monday by Chen Mo, a designer at X, …": the name's apposition
            # says who the name is; the quote keeps it
            for part in parts[ci + 1 :]:
                if part.end - start > most or not _APPOSITION.match(part.of(text)):
                    break
                end = part.end
        return end
    for part in parts[ci + 1 :]:
        if part.end - start > most:
            break
        end = part.end
        if not _APPOSITION.match(part.of(text)):
            break
    return end


ANNOUNCING = re.compile(
    r"[,，]?[^，,。；;：:]{0,12}?(?:宣布|发布|公告|通报|发文|表示|称|透露|披露)[^，,。；;：:]{0,4}?\s*[,，:：]"
)
"""after a date: an announcement ("今日宣布,", "今日发布通知,", "4月21日,市公安局发布警情通报:")"""


def _one_day(whens: list[When | None]) -> bool:
    """Do all the dates fall within one calendar day (as the sources state them)?"""
    days = set()
    for w in whens:
        if w is None:
            return False
        last = (w.period_end() - timedelta(microseconds=1)).date()
        if last != w.start.date():
            return False
        days.add(last)
    return len(days) == 1


def _opens(text: str, sentence: Span, m: Any) -> bool:
    """Does the date open its sentence (同日,…; 当晚,…; "The same day, …")?  Then it times the
    whole sentence, as a written-out date there would: the sentence goes on from where the
    article's story stands.  Within a sentence ("距X才过去72小时", "19小时后") an anchored date
    counts from something the clause names and speaks for that clause only."""
    return not text[sentence.start : m.start].strip(" \t\n\u3000\"“”「」'‘’")


def find_candidates(
    source: Source,
    words: Words,
    lexicon: Lexicon,
    rules: Rules,
    find_times: FindTimes,
    order_start: int = 0,
) -> Found:
    out = Found()
    text = words.text
    order = order_start
    for para in paragraphs(text):
        found = find_times(para.of(text), source.published, lang=source.lang)
        mentions = [_shifted(m, para.start) for m in found]
        by_start = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
        starts = [mentions[i].start for i in by_start]
        quotes = QuoteMarks(text, para)
        for sentence in sentences(text, para):
            # the mentions inside the sentence, in the order find_times gave them (one bisect, not a scan:
            # a paragraph can hold thousands of sentences)
            chosen = by_start[bisect_left(starts, sentence.start) : bisect_left(starts, sentence.end)]
            inside = [mentions[i] for i in sorted(chosen)]
            if not inside:
                continue
            for m in inside:
                if m.kind == "relative" and m.when is not None and quotes.inside(m.start):
                    out.dropped.append(
                        f"{source.id}: {m.text!r} is inside quoted speech: relative to when it was said, "
                        "not to the article"
                    )
                    m.when = None
                    m.kind = "not-event"
            dated = [m for m in inside if _usable(m)]
            verbal = [m for m in dated if not is_naming(text, m)]
            parts = clauses(text, sentence) or [sentence]
            # "Last Thursday's return to flight ends …": a date naming the opening subject times it
            subject = [m for m in dated if m not in verbal]
            subject = [m for m in subject if opens_as_subject(text, sentence, m, parts, verbal)]
            verbal += subject
            if verbal and len(verbal) < len(dated):
                # "declared Saturday's paper void on Sunday", "周日宣布周六的考试作废": the date that
                # names a thing dates neither the sentence nor a clause of it
                for m in dated:
                    if m not in verbal:
                        out.dropped.append(
                            f"{source.id}: {m.text!r} names a thing ({background_rule(text, m)}); "
                            f"another date of the sentence dates it"
                        )
                dated = verbal
            if len(dated) > 1:  # "连夜搜救，今晨6时许…被救出": the night's work ends (`overnight`)
                dated = [m for m in dated if m not in night_ends(text, dated)] or dated
            if len(dated) > 1:
                # "公安局今日通报,12月1日凌晨,警方抓获…", "police said on Monday that … on Saturday":
                # the date of the telling gives way to the date of what is told
                told_at = [m for m in dated if reporting_date(text, m)]
                later = [
                    m
                    for m in dated
                    if told_at
                    and m not in told_at
                    and m.start > told_at[0].end
                    and not _background(text, m, sentence.of(text))
                ]
                if later:
                    for m in told_at:
                        out.dropped.append(
                            f"{source.id}: {m.text!r} dates a telling; {later[0].text!r} what is told"
                        )
                    dated = [m for m in dated if m not in told_at]
            if len(dated) > 1:
                # a date that only gives context ("bikes made between 2023 and 2025") does not
                # split the sentence: its clauses belong to the happening another date times
                told = [m for m in dated if m in subject or not _background(text, m, sentence.of(text))]
                dated = told or dated
            for m in inside:
                if m.when is None and m.kind in ("relative", "anchored"):
                    out.problems.append(
                        Problem(
                            f"content/sources/{source.id}.md",
                            None,
                            f"could not resolve the date {m.text!r} in: {sentence.of(text)[:80]}",
                            level="warning",
                        )
                    )
            pairs, passing = _quote_spans(text, sentence, dated, rules) if dated else ([], set())
            passing |= listed(text, sentence, [m for m in inside if _usable(m)])
            if not pairs and any(m.kind == "vague" for m in inside):
                pairs = [(next(m for m in inside if m.kind == "vague"), sentence)]
            one_day = len(pairs) > 1 and _one_day([m.when for m, _ in pairs])
            pairs = split_pairs(text, [(m, without_counted_clause(text, sp, m)) for m, sp in pairs])
            for m, span, dates_it in pairs:
                quote = span.of(text).strip()
                reason = _reject(quote, m, source, rules)
                skip = [t for t, off in words.within(span) if any(x.start <= off < x.end for x in inside)]
                tokens = [t for t, _ in words.within(span)]
                terms = lexicon.span_terms(tokens, quote, skip)
                if reason is None and len(set(terms)) < rules.min_content_words:
                    reason = "too few content words"
                if reason:
                    out.dropped.append(f"{source.id}: dropped {quote[:60]!r} ({m.text}): {reason}")
                    if reason == "too few content words":
                        out.unquoted.append(
                            Candidate(source, -1, span, quote, None, m, terms, False, inside, text)
                        )
                    continue
                when = m.when if _usable(m) else None
                if when is not None and not when.approximate and _counted_in_weeks(m):
                    when = dataclasses.replace(when, approximate=True)
                founding = dates_it and when is not None and is_founding(when, rules) and id(m) not in passing
                if founding and m.kind == "anchored" and when is not None and when.approximate:
                    # a fuzzy count from another date ("时隔数日") is too weak to date a happening alone
                    founding = when.period_end() - when.start <= timedelta(days=rules.anchored_max_days)
                if founding and _background(text, m, quote):
                    founding = False
                if founding and _recent(m):  # 近日, 日前, in recent days: "lately" starts nothing
                    founding = False
                if founding and _week_round_up(m, when, quote):  # "Its crisis deepened this week."
                    founding = False
                anchor = _anchor_of(m, mentions)
                if founding and _maybe_coming(anchor, source, rules):
                    founding = False
                if founding and anchor is not m and is_naming(text, anchor):
                    # counted from a date that only names a thing ("前日的服务中断…故障当天"): the
                    # day of that thing, which another telling dates; it may join, never start
                    founding = False
                turn = pronoun_turn(text, m, anchor, source.lang)  # 当晚，他…: the person named before
                founding = founding and not turn
                found = Candidate(source, order, span, quote, when, m, terms, founding, inside, text)
                found.sentence = sentence if one_day and ANNOUNCING.match(text, m.end) else None
                if not founding and when is not None:
                    found.named = _named(text, m, words, span, lexicon)
                if turn or (
                    anchor is not m and when is not None and _goes_on(when, anchor.when, _until(text, m))
                ):
                    found.continues_at = anchor.start
                out.candidates.append(found)
                order += 1
    return out


def _named(text: str, m: Any, words: Words, span: Span, lexicon: Lexicon) -> list[str]:
    """The terms of the word a naming date stands before ("3月2日的发布会上": 发布会)."""
    at = named_from(text, m)
    if at is None:
        return []
    for tok, _ in words.within(Span(at, span.end)):
        terms = lexicon.terms([tok])
        if terms:
            return terms
        if tok.strip():
            return []  # a function word first: the date names no noun
    return []


class QuoteMarks:
    """The quotation marks of one paragraph, read once, so that `inside` costs a bisect."""

    def __init__(self, text: str, para: Span) -> None:
        self.opens: list[int] = []
        self.closes: list[int] = []
        self.straight: list[int] = []
        kinds = {"“": self.opens, "「": self.opens, "”": self.closes, "」": self.closes, '"': self.straight}
        for m in _QUOTE_MARK.finditer(text, para.start, para.end):
            kinds[m.group(0)].append(m.start())

    def inside(self, offset: int) -> bool:
        """Is ``offset`` inside quotation marks opened since the paragraph began?"""
        depth = bisect_left(self.opens, offset) - bisect_left(self.closes, offset)
        return depth > 0 or bisect_left(self.straight, offset) % 2 == 1


_QUOTE_MARK = re.compile('[“”「」"]')


def _background(text: str, m: Any, quote: str) -> bool:
    """Does the date only give context, not the time of a happening (`background`'s rules)?

    It may still join the event it gives context to; it starts none of its own.  A date the
    resolver read as the start of a state (`temporal.context.STARTS`: 自去年11月起即可被访问,
    "had been open since November") is that state's beginning, a happening -- unless the state
    is a tenure (`background.OVER_STARTS`: 自2021年起担任赞助商 tells who held a post, in passing).
    """
    rule = background_rule(text, m, quote)
    if STARTS in m.explanation:
        return rule in OVER_STARTS
    return rule is not None


def _recent(m: Any) -> bool:
    """A counted recency word (`temporal.words.RECENT`: 前几天, 这两天, "over the past few days"): a
    stretch of days before publication says "lately", not when; what it reports may join an
    event dated by another report, never start one.  (本月早些时候 names its month: it may.)"""
    return m.when is not None and RECENT_KEY(m.text) in RECENT


_WEEKS = re.compile(r"(?:周|星期|礼拜|\bweeks?\b)", re.IGNORECASE)


def _week_round_up(m: Any, when: When | None, quote: str) -> bool:
    """A week counted from publication as a stretch of days ("this week", "本周", "last week")
    dating a quote that names no action (`actions`: "Skylark Airlines' crisis deepened this
    week."): a round-up of the week's happenings, not one of them.  It may join an event, never
    start one; a week's detention or recall (an action named) may, as may a day of the week."""
    return (
        when is not None
        and when.is_range
        and m.kind == "relative"
        and bool(_WEEKS.search(m.text))
        and not actions().of(normalise_ws(quote))
    )


def _counted_in_weeks(m: Any) -> bool:
    """A day counted in weeks from another date ("三周前", "two weeks later") is approximate:
    writers round to the week, so the day is a day or so either way (`Rules.approximate_slack_days`)."""
    return m.when.precision == "day" and m.kind in ("relative", "anchored") and bool(
        _AGO_OR_LATER.search(m.text) and _WEEKS.search(m.text)
    )


_AGO_OR_LATER = re.compile(
    r"(?:前|后|以来|\bago\b|\blater\b|\bearlier\b|\bafter\b|\bbefore\b)", re.IGNORECASE
)  # "a week earlier" than a date is a count in weeks too


def _anchor_of(m: Any, mentions: list[Any]) -> Any:
    """The date an anchored one ("The same day", 同日) was counted from, when the paragraph states
    it before (the resolver names it in its explanation: "relative to 'Dec. 13'"); else itself."""
    if m.kind != "anchored":
        return m
    before = [a for a in mentions if a.end <= m.start and a.when is not None]
    for a in reversed(before):
        if f"relative to '{a.text}'" in m.explanation or f"day of '{a.text}'" in m.explanation:
            return a
    return m


UNTIL = ("至", "直至", "直到", "截至", "until ", "till ")
"""Words before a date that make it the bound of something going on ("至晚10时10分被困游客全部
安全转移", "until 10 pm"): the time that thing ended or stood at, not the time of another."""


def _until(text: str, m: Any) -> bool:
    """Does the date stand right after a word of `UNTIL`?"""
    return text[max(0, m.start - 6) : m.start].lower().endswith(UNTIL)


def _goes_on(when: When, anchor: When, until: bool = False) -> bool:
    """Does a date counted from ``anchor`` restate its time of day: finer than a day, the periods
    nested (当晚 after 晚11时许, 当晚8点左右 after 昨晚)?  Only the day (当天, 同日, "the same day")
    most often brings in another happening of that day; another time (当天下午 after 中午) does —
    unless it is a bound (``until``: "至晚10时10分…全部安全转移" after "昨晚6时40分许…停运"), a
    later time of that day by which what the anchor's sentence began had ended or stood: its end,
    not another happening."""
    if PRECISIONS.index(when.precision) <= PRECISIONS.index("day"):
        return False
    a_end, b_end = when.period_end(), anchor.period_end()
    if until and anchor.start <= when.start and when.start.date() == anchor.start.date():
        return True
    return (when.start <= anchor.start and b_end <= a_end) or (anchor.start <= when.start and a_end <= b_end)


def _maybe_coming(m: Any, source: Source, rules: Rules) -> bool:
    """A month-day read as last year's only because this year's would follow the article, when
    this year's follows it closely (`Rules.coming_days`): next week's plan or last year's day?"""
    if m.when is None or ROLLED_BACK not in m.explanation:
        return False
    start = m.when.start
    try:
        coming = start.replace(year=start.year + 1)
    except ValueError:  # 29 February
        coming = start.replace(year=start.year + 1, day=28)
    return coming - source.published <= timedelta(days=rules.coming_days)


def _reject(quote: str, m: Any, source: Source, rules: Rules) -> str | None:
    if quote.rstrip('"”’」』)）[]0-9 ').endswith(("?", "？")):
        return "a question"
    if m.when is not None and m.when.start > source.published:
        return f"dated after the article was published ({source.published:%Y-%m-%d %H:%M})"
    return None


@dataclass
class Mention:
    text: str
    start: int
    end: int
    when: When | None
    kind: str
    rule: str
    explanation: str
    value: When | None = None
    """the date the words name, happened or still to come (`TimeMention.value`)"""


def _shifted(m: Any, offset: int) -> Mention:
    """A mention with offsets into the whole text instead of its paragraph."""
    return Mention(
        m.text,
        m.start + offset,
        m.end + offset,
        m.when,
        m.kind,
        getattr(m, "rule", ""),
        getattr(m, "explanation", ""),
        getattr(m, "value", None),
    )
