"""Temporal expressions in Chinese and English news passages, resolved to `When`.

`find_times(text, published)` finds every time expression in one passage and
resolves it against the article's publication time and, where the text says
so, against a date named earlier in the same passage.  A date is never made
more precise than the text gives it; what cannot be dated honestly is reported
as ``kind="not-event"`` with the reason, never guessed.

How it works
------------
1. Every rule in `temporal_rules.RULES` (name, regex, resolver; the rules live
   by language in `temporal_rules_zh`/`_en`/`_common`, their order is the data
   `temporal_rules.ORDER`) is matched over the passage, read through a
   same-length Traditional-to-Simplified fold (`temporal_fold`: ``上個禮拜三``
   is read as ``上个礼拜三``, the mention keeps the original text).  Matches
   that overlap are settled by length (the longest wins), then by rule order.
   The survivors are read left to right.
2. Each resolver (`temporal_resolve`, `temporal_offsets`, `temporal_spans`,
   `temporal_holidays`, `temporal_eras`) turns its match into a `When` or a
   reasoned non-event.  Two mentions joined by a range word (``至``, ``到``,
   ``—``, ``until``) are read as one range (`temporal_compose`): the end with
   the start as its anchor, judged as one.  Dated mentions become anchors for
   later ones.
3. Every dated mention is then judged against the publication time: plan and
   target wording makes it a non-event, anything after the publication day is
   a non-event, and vague ranges are cut at the publication day.

Resolution rules
----------------
* **Missing year** (``12月30日``, ``3月``, ``1月底``): if an earlier mention in
  the passage named a year *and* month (``2024年3月5日``, ``去年12月``) and the
  date falls on or after it (forward narration), that year, unless the date
  falls in the seven days up to publication (the news peg: ``2023年5月12日…。
  9月26日，法院宣判`` in a 2024-09-27 article is 2024-09-26), and, when the
  year was named in another sentence, unless the publication-year reading lies
  nearer the publication than the date lies after that mention (``launched in
  March 2024. The fire on December 27`` in a January 2026 article is 2025-12-27;
  ``2023年5月12日…。5月15日`` stays 2023).  Otherwise the
  publication year, unless the date would then be more than one day after the
  publication day, in which case the previous year (``3月5日`` in a January
  2026 article is 2025-03-05; ``12月30日`` is 2025-12-30; ``2月29日`` goes back
  to the last leap year), unless the wording announces it as an effective date
  (``新规1月20日起实施``, ``take effect on February 1``): then it is a plan.  A
  date within one day after publication (``1月9日``
  in an article of 1月8日 23:00) keeps its year and so becomes a not-event: an
  announcement for tomorrow, not a happening.  A year-only anchor (``2013年``)
  and a range spanning years never lend their year.
* **Missing month** (``三十一日``, ``on the 5th``): the month of the latest dated mention, else
  the publication month (the previous month if the day is more than one day
  after the publication day).
* **Two-digit years** (``19年底``, ``15年3月2日``, ``九八年``, ``'98``): the
  latest such year not after publication; ``15年`` alone is a count of years,
  and ``三四年``/``七八年`` (digits in a row) fuzzy counts.
* **A weekday written with a date** (``3月10日周二上午``, ``Tuesday, March 10``)
  checks it and never moves it: a contradiction is flagged (approximate, and
  the explanation says so).
* **Weekdays**: ``周三``/``on Wednesday`` is the most recent Wednesday on or
  before publication; ``上周五``/"Friday last week" is Friday of the previous
  Monday-based week ("between Monday and Wednesday last week": both ends in it);
  ``本周X`` is this week's (a non-event if still to come); ``last Friday`` is
  the most recent Friday strictly before the publication day, or the one a week
  earlier if that is the day before ("last Wednesday" said on a Thursday: the
  day before would be "yesterday"; ``this past Monday`` stays the day before).
* **Parts of periods**: ``本月初``/``月初`` days 1–10, ``月中`` 11–20, ``月底``
  21–end (all approximate; ``上旬/中旬/下旬`` exact); ``本月早些时候`` from the
  first to the publication day (approximate); ``年初`` Jan–Feb, ``年中`` Jun–Jul,
  ``年底`` Nov–Dec (approximate); ``开年`` 1–31 January (approximate);
  ``上半年``/``下半年``/quarters exact month ranges.
* **Recently**: a recency word that counts (``近几天`` the 4 days up to
  publication, ``前几天`` 7 to 1 days before, "over the past few days";
  `temporal_words.RECENT`) is an approximate range; one that counts nothing
  (``近日``, ``日前``, ``连日``, ``前些天``, "in recent days", "the other day";
  `temporal_words.LATELY`) says lately, not when: a vague mention with no date,
  as "recently", "lately", ``最近``, ``近期`` (not matched) date nothing; a
  sentence it alone dates may join an event, never date or start one.
  ``将于近日`` is a plan.
* **Counted spans** (`temporal_spans`): ``近30天``/``过去一周``/``over the past two
  weeks`` run from that many units before publication to publication;
  ``上两周``/``上季度``/``last quarter`` are the whole units before the current
  one; ``今年前五个月``/``前三季度`` the first units of a year; ``this quarter``
  from its start; ``the first Monday of March`` counts weekdays in a month.
* **Counted offsets**: ``N天前``/``N years ago`` count back from publication.
  ``N年后``/``N days later`` count forward from the latest dated mention in the
  passage, ``距离…才过去72小时``/``N days earlier`` count back from it; with no
  such mention, from publication (and the explanation says so).  ``时隔N年``
  counts forward from a date in an earlier sentence (``2013年…。时隔12年``),
  else, or when forward would pass publication, back from it (the previous
  occurrence).  Fuzzy amounts (``十多``=11–19, ``两三``, ``几``=2–9, ``一年多``
  =1–2) give ranges; year and month counts are approximate.  The result is at
  the coarser of the anchor's precision and the unit's (three days after 8 pm
  is a day), and approximate when the anchor is vague at that precision; a count
  of 24 hours or more is said for days (``才过去72小时``): dated at the day,
  approximately (`temporal_words.LOOSE_HOURS`).
* **Ranges**: both ends are kept (``2017年5月至2018年4月``, ``12月30日至1月2日``,
  ``5-7 March``, ``between Monday and Wednesday``, ``between July 13 and 15`` (``and``
  joins only after ``between``),
  ``晚上8点到10点``); an end before its start whose year was inferred is the
  next year's; ``2001年起至今`` runs from then up to publication; a state that
  began then (``5月8日起``, ``至少自去年11月起``, ``since November``, ``from
  November``) or a rule taking effect (``1月5日起施行``) is dated at its start, the
  happening (``since 2013`` and ``以来`` stay open-ended: the tallies they open
  are not happenings).
* **Clock times**: ``晚/晚上/傍晚/下午`` make 1–11 o'clock pm (``晚上5点`` is 17:00);
  ``20时1刻`` is 20:15, ``九点零九`` 9:09; ``深夜/夜里``
  hours before 6 are after midnight; ``中午1点`` is 13:00; ``凌晨12点`` and
  ``晚上12点`` are the midnights that start and end the day ("midnight on Sunday" ends
  Sunday; "just before midnight on Sunday" is Sunday's last hour).  ``N点`` with no
  part of day is read as written (08:00), a known ambiguity.  A part of day or
  clock time with no date takes the day of the latest dated mention, else the
  latest such time at or before publication.  ``北京时间``/``美国东部时间``/``ET``
  clock times are converted to the publication's zone; ``当地时间``/``local
  time`` (zone unknown) makes the value approximate.  "overnight" (said as when,
  not "an overnight stay") is the night before publication, part-of-day
  precision, and is not read after a named day (that night or the one before?).
* **Seasons and holidays**: ``去年夏天``/``last summer`` are approximate
  northern-hemisphere month ranges; fixed-date holidays (``元旦``, ``国庆期间``,
  ``Christmas Eve``, "Boxing Day") take a year like a month-day (a yearly show or
  shopping festival named by its date, ``3·15晚会``, ``双11``, dates a day only with its
  year or a word of its day after it, ``双11当天``: alone it names the festival); China's
  holidays named in English ("National Day", "the Lunar New Year holiday", "the
  Mid-Autumn Festival", "Mid-Autumn Festival night") are read as their Chinese words, the
  same days, evenings and official breaks (a break runs over the weekend it adjoins); lunar
  dates and holidays (``正月初八``, ``农历十月``, ``春节``, ``清明节``; ``春节前`` the weeks
  before it, of the festival whose weeks have begun by publication) and the solar terms
  (``冬至当天``, ``2017年大寒``, "on the winter solstice") are computed with lunar-python
  (a term needs its year or a word of its day; one that is also a word, 大雪, its year) and
  US holidays kept by weekday (``Thanksgiving 2024``) counted
  (`temporal_holidays`); decades and centuries (``上世纪80年代``, ``the late
  '80s``, ``19世纪``) are year spans (`temporal_eras`).
* **Numeric dates** ``3/2/2026``: the day/month order is a setting
  (``numeric_order``), never guessed; unset, one valid both ways is reported
  ambiguous.  ``2/2026`` is a month.
* **Not events**: durations (``将近3个小时``, ``for three hours``, ``in the next 3 months``),
  plans and targets (``目标/计划/预计/将于/争取/有望…``, ``will/plans to/by…``,
  and anything starting after the publication day), open-ended periods
  (``2013年以来``, ``since 2013``, ``1月7日前``), habits (``每天早上``,
  ``早晨起来``, ``每周工作近100小时``; an English clock time with no day of its own in a sentence
  that tells nothing done, "a cap changes little for the people at their desks at midnight"),
  ages, ordinal counts, and numbers that look like dates (prices,
  percentages, heights, counts with 万, versions, citation markers ``[2][4]``,
  model names ``A320``, phone numbers), impossible dates (``2月30日``),
  arithmetic past the calendar (a record published 9999-12-31 is dated, its
  ``明年`` is not), and relative words too vague to bound
  (``许多年后``, ``many years ago``, ``当年`` with no year before it).

``published`` should be aware; a naive one is taken as Asia/Shanghai time.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from zoneinfo import ZoneInfo

from sitegen.core.dates import When
from sitegen.extract.temporal import calendar as C
from sitegen.extract.temporal import plans as P
from sitegen.extract.temporal.compose import RANGE, WEEKDAY_DATE, compose, joins, weekday_before, weekday_date
from sitegen.extract.temporal.context import (
    ROLLED_BACK,
    Anchor,
    Ctx,
    Hit,
    Resolved,
    beyond_calendar,
    describe,
    naming_position,
    sentence_ends,
    sentence_start,
)
from sitegen.extract.temporal.fold import fold_hant
from sitegen.extract.temporal.rules import PRIORITY, RULES, Rule
from sitegen.extract.temporal.scan import Scanner, fold, fold_text, scanner

__all__ = ["TimeMention", "find_times"]

log = logging.getLogger(__name__)

DEFAULT_ZONE = "Asia/Shanghai"
"""Zone assumed for a naive ``published`` (the dumps' publication times are Shanghai local)."""

STRICT = False
"""Tests set this to re-raise resolver errors instead of logging and skipping the mention."""


@dataclass(frozen=True)
class TimeMention:
    text: str  # the exact matched substring
    start: int  # char offsets into the input text
    end: int
    when: When | None  # None for a non-event (duration, plan, quantity, habit) and for 近日/日前 (vague)
    kind: str  # "absolute" | "relative" | "anchored" | "vague" | "not-event"
    rule: str  # name of the table rule that matched, for `sitegen import --explain`
    explanation: str  # one line: how it was resolved, or why it is not an event
    value: When | None = None
    """What the words name on the calendar, happening or not: ``when`` for a happening, the
    date of a plan or of something still to come (``计划于1月20日上市``, "next week"), None for
    what names no date (durations, prices, counts).  Timelines use ``when``; ``value`` is for
    readers that normalise every time expression (and for ``--explain``)."""


def find_times(
    text: str, published: datetime, *, lang: str | None = None, numeric_order: str | None = None
) -> list[TimeMention]:
    """All temporal expressions in `text` (one passage/paragraph), resolved against the article's
    publication time `published` (aware datetime) and, where the text says so, against an anchor
    expression earlier in the same passage. Sorted by start offset, non-overlapping (longest match
    wins). Never raises on any input string (fuzzed later with hypothesis).

    ``numeric_order`` ("mdy" for US copy, "dmy") says how ``3/2/2026`` reads; without it
    a numeric date both ways valid is reported as ambiguous, never guessed."""
    if not isinstance(text, str) or not text:
        return []
    published = _aware(published)
    folded = fold_hant(text)
    hits = _collect(text, folded, _rules_for(_lang_code(lang)))
    return _resolve(text, folded, published, hits, numeric_order)


class TimeFinder:
    """`find_times` for a whole dump: the rules run once per distinct passage.

    Syndicated copies and duplicates repeat passages word for word; what the
    rules match depends on the text alone (and its language), only resolving
    depends on the publication time, so the matches are kept and reused.
    """

    def __init__(self, numeric_order: str | None = None) -> None:
        self._hits: dict[tuple[str, str], list[Hit]] = {}
        self.numeric_order = numeric_order
        """How 3/2/2026 reads ("mdy"/"dmy"), a site or outlet setting; None: ambiguous ones say so."""

    def __call__(self, text: str, published: datetime, *, lang: str | None = None) -> list[TimeMention]:
        if not isinstance(text, str) or not text:
            return []
        published = _aware(published)
        code = _lang_code(lang)
        folded = fold_hant(text)
        hits = self._hits.get((text, code))
        if hits is None:
            hits = self._hits[text, code] = _collect(text, folded, _rules_for(code))
        return _resolve(text, folded, published, hits, self.numeric_order)


def _resolve(
    text: str, folded: str, published: datetime, matched: list[Hit], numeric_order: str | None = None
) -> list[TimeMention]:
    hits = list(matched)
    for _ in range(_MAX_RETRIES):
        mentions, dud = _read(text, folded, published, _select(hits), numeric_order)
        if dud is None:
            return mentions
        if dud not in hits:  # a composed range that failed: its ends were read already
            return mentions
        hits.remove(dud)  # not a time after all (2月30日): let shorter matches in its span compete
    return mentions


_MAX_RETRIES = 25


def _read(
    text: str, folded: str, published: datetime, chosen: list[Hit], numeric_order: str | None = None
) -> tuple[list[TimeMention], Hit | None]:
    """Resolve the chosen hits left to right; stop at the first that turns out not to be a time.

    ``folded`` is the passage as the rules read it (`fold_hant`); the mentions keep the
    original ``text`` of their span.  Two hits joined by a range word are read as one
    range (`temporal_compose`)."""
    ctx = Ctx(folded, published, numeric_order)
    mentions: list[TimeMention] = []
    skip_next = False
    for i, hit in enumerate(chosen):
        if skip_next:
            skip_next = False
            continue
        ctx.at = hit.start
        try:
            res = None
            b = chosen[i + 1] if i + 1 < len(chosen) else None
            composed = None
            if b is not None and joins(folded, hit, b):
                res, composed = compose(hit, b, ctx), RANGE
            elif b is not None and weekday_before(folded, hit, b):
                res, composed = weekday_date(hit, b, ctx), WEEKDAY_DATE
            if res is not None and composed is not None and b is not None:
                rule = dataclasses.replace(composed, name=f"{composed.name}:{hit.rule.name}+{b.rule.name}")
                hit = Hit(rule, hit.start, b.end, text[hit.start : b.end], {})
                skip_next = True
            if res is None:
                res = hit.rule.resolve(hit, ctx)
            if res is None:
                return mentions, hit
            res = _judge(hit, res, ctx)
        except (OverflowError, ValueError) as err:
            if not beyond_calendar(err):
                if STRICT:
                    raise
                log.warning("temporal rule %s failed on %r", hit.rule.name, hit.text, exc_info=True)
                return mentions, hit
            res = Resolved(None, "not-event", f"beyond the calendar the site can show: {hit.text}")
        except Exception:
            if STRICT:
                raise
            log.warning("temporal rule %s failed on %r", hit.rule.name, hit.text, exc_info=True)
            return mentions, hit
        one_line = " ".join(res.explanation.split())  # matches may span a line break
        value = res.when if res.when is not None else res.value
        rule = hit.rule.name
        mention = TimeMention(hit.text, hit.start, hit.end, res.when, res.kind, rule, one_line, value)
        mentions.append(mention)
        if res.when is not None:
            thing = naming_position(ctx.text, hit.start, hit.end)  # Saturday's defeat, its Dec. 20 premiere
            ctx.anchors.append(Anchor(res.when, hit.text, hit.start, res.names_year, thing))
    return mentions, None


def _aware(published: datetime | date) -> datetime:
    if not isinstance(published, date):
        raise TypeError(f"published must be a datetime, not {type(published).__name__}")
    if not isinstance(published, datetime):
        published = datetime.combine(published, time(12, 0))
    if published.tzinfo is None:
        published = published.replace(tzinfo=ZoneInfo(DEFAULT_ZONE))
    return published


def _lang_code(lang: str | None) -> str:
    code = (lang or "").lower()[:2]
    return code if code in ("zh", "en") else ""


@lru_cache(maxsize=4)
def _rules_for(code: str) -> tuple[tuple[Rule, Scanner], ...]:
    """The rules that read a passage in language ``code`` ("" for any), each with its `Scanner`."""
    rules = tuple(r for r in RULES if r.lang in ("any", code)) if code else RULES
    return tuple((r, scanner(r.pattern)) for r in rules)


def _collect(original: str, text: str, rules: tuple[tuple[Rule, Scanner], ...]) -> list[Hit]:
    """Every match of every rule in ``text``, the folded ``original`` (`temporal_scan` skips rules
    the passage cannot match); a hit's text is cut from the original, at the same offsets."""
    hits: list[Hit] = []
    ends: list[int] | None = None  # sentence boundaries, for the few rules that look back
    chars = set(text)
    folded: set[str] | None = None
    lowered: str | None = None
    for rule, scan in rules:
        if scan.needs:
            if scan.wants_folded and folded is None:
                folded = fold(text)
            if not scan.may_match(chars, folded):
                continue
        if scan.words:
            if scan.words_folded and lowered is None:
                lowered = fold_text(text)
            if not scan.may_hold(text, lowered):
                continue
        for m in scan.pattern.finditer(text):
            g = m.groupdict()
            start, end = m.span("core") if g.get("core") is not None else m.span()
            if end <= start:
                continue
            if rule.check is not None and not rule.check(g, text, start, end):
                continue
            if rule.needs_before is not None:
                ends = sentence_ends(text) if ends is None else ends
                if not rule.needs_before.search(text, sentence_start(ends, start), start):
                    continue
            hits.append(Hit(rule, start, end, original[start:end], g))
    return hits


def _select(hits: list[Hit]) -> list[Hit]:
    """Longest first, then rule order; keep those that overlap nothing kept; in text order."""
    taken: list[Hit] = []
    used: set[int] = set()
    for hit in sorted(hits, key=lambda h: (h.start - h.end, PRIORITY[h.rule.name], h.start)):
        span = range(hit.start, hit.end)
        if any(i in used for i in span):
            continue
        used.update(span)
        taken.append(hit)
    return sorted(taken, key=lambda h: h.start)


# -- judging a dated mention against the publication ---------------------------
_FUTURE_VERBS = (
    "举行|举办|发布|上市|推出|开幕|召开|开始|启动|实施|开通|交付|上线|亮相|迎来|进行|公布|开售|到来"
    "|生效|落地|完成|达到|结束|闭幕|开启|出台|投产|量产|开工|竣工|宣判|开庭|访问|出席"
)
_PLAN_BEFORE_ZH = re.compile(
    # 计划/规划/目标 after 该/此/这 are nouns: 该计划于2020年启动 is a happening
    r"(?:(?<![该此这本项个其])(?:计划|规划|目标是?)|预计|将要|将于|将在|将从|即将|拟于?|拟在|争取|力争"
    # 按规定于3月实施 is "as the rules required, in March" (a duty, past or not), not a schedule
    r"|有望|(?<![按照依据]规)定于|预定|预期|准备|打算|要在|要于|期待|希望|期望"
    r"|将(?:会)?(?:持续|延续|延长|推迟|延期|顺延|一直|继续)[^，,。；;]{0,4}?)(?:于|在|到|至|从|自)?[ \t]?$"
)
_PLAN_AFTER_ZH = re.compile(
    r"^(?:的)?(?:全年|年度|年内|全年度)?(?:的)?(?:交付|销售|销量|营收|收入|生产|产量|出货量?|增长|业绩"
    r"|财务|发展|经营|装机|投资|招生|利润)?(?:的)?(?:目标|计划|规划|预期|指引|愿景|任务)"
    rf"|^[^，,。！？；;!?\n]{{0,8}}?(?:即将|将要|计划|拟于?|预计|有望|将于|将在|将(?:会|正式)?(?:{_FUTURE_VERBS}))"
)
_SPEECH_ZH = re.compile(r"表示|称|说|宣布|透露|介绍|指出|强调|回应|提到|谈到|告诉")
_PLAN_BEFORE_EN = re.compile(
    # after a determiner these are nouns: "approved the plan earlier this month" is a happening
    r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bthis\s)"
    r"\b(?:will|would|shall|plans?|planned|planning|aims?|aiming|expects?|expected|scheduled|slated"
    r"|due|intends?|hopes?|targets?|targeting|forecasts?|projected|set to|is to|are to)\b"
    r"(?:\s+(?:[\w'-]+|[0-9][0-9,.]*)){0,6}?\s*$|\bby\s+(?:the\s+end\s+of\s+)?$",
    re.I,
)
_PLAN_AFTER_EN = re.compile(
    # "beat forecasts", "missed its targets": measured against them, done
    r"^\s*(?:(?!(?:beat|beats|beating|missed|misses|missing|exceeded|exceeds|topped|tops|surpassed"
    r"|outpaced|than|above|below|matched)\b)[\w-]+\s+){0,2}?(?:targets?|goals?|plans?|forecasts?|outlook"
    r"|guidance|projections?)\b",
    re.I,
)


# an effective date being announced: only consulted for month-days moved to last year
_EFFECTIVE_AFTER_ZH = re.compile(r"^(?:起|开始)?(?:正式)?(?:实施|施行|执行|生效|启用|上线|开通)")
_EFFECTIVE_BEFORE_EN = re.compile(
    r"\b(?:takes?|taking)\s+effect\s+(?:on|from)?\s*$|\b(?:effective|starting|beginning)\s+(?:on\s+)?$",
    re.I,
)


# the end of something still running: 检查持续至7月中旬 in a May article is this July, not last
_RUNS_UNTIL_ZH = P.RUNS_UNTIL


def _announced(ctx: Ctx, hit: Hit) -> str | None:
    before = ctx.text[max(ctx.sentence_start(hit.start), hit.start - 40) : hit.start]
    m = (
        _EFFECTIVE_AFTER_ZH.search(ctx.text[hit.end : hit.end + 12])
        or _EFFECTIVE_BEFORE_EN.search(before)
        or _RUNS_UNTIL_ZH.search(before)
    )
    return m.group(0).strip() if m else None


def _plan_marker(ctx: Ctx, hit: Hit) -> str | None:
    """The plan/target wording around a mention, if any (same sentence only)."""
    text = ctx.text
    before = text[max(ctx.sentence_start(hit.start), hit.start - 40) : hit.start]
    after = text[hit.end : hit.end + 40]
    en = ((_PLAN_BEFORE_EN, before), (_PLAN_AFTER_EN, after))
    zh = ((_PLAN_BEFORE_ZH, before), (_PLAN_AFTER_ZH, after))
    patterns = {"en": en, "zh": zh}.get(hit.rule.lang, zh + en)  # ISO dates: either language
    for pattern, window in patterns:
        m = pattern.search(window)
        if m and pattern is _PLAN_BEFORE_EN and m.group(0)[:2].lower() == "by" and ctx.done_by(hit.start):
            continue  # "had been discharged by Wednesday": done then
        if m and not (pattern is _PLAN_AFTER_ZH and _SPEECH_ZH.search(window, 0, m.end())):
            return m.group(0).strip()
    return None


def _judge(hit: Hit, res: Resolved, ctx: Ctx) -> Resolved:
    when = res.when
    if when is None:
        return res
    if hit.rule.name == "en-clock" and P.borrowed_day(res.explanation) and not ctx.tells_past(hit.start):
        why = f"habit or state: {hit.text} has no day of its own and its sentence tells nothing done"
        return Resolved(None, "not-event", why)
    marker = _plan_marker(ctx, hit) or P.counterfactual(ctx, hit)
    if not marker and ROLLED_BACK in res.explanation:
        marker = _announced(ctx, hit)  # 新规1月20日起实施 in a January article is not last year's
    if marker:
        if res.coming is not None or P.coming(hit, when, ctx) is not None:  # the coming one, not the last
            when = res.coming or P.coming(hit, when, ctx) or when
        elif ROLLED_BACK in res.explanation:  # a plan's month-day is the coming one, not last year's
            when = dataclasses.replace(
                when,
                start=C.offset(when.start, "year", 1, +1),
                end=when.end and C.offset(when.end, "year", 1, +1),
            )
        why = f"plan/target ('{marker}'): {hit.text} → {describe(when)} is not a happening"
        return Resolved(None, "not-event", why, value=when)
    if when.start >= ctx.day_end:
        return Resolved(
            None,
            "not-event",
            f"after publication ({ctx.published.isoformat(timespec='minutes')}): {hit.text} → "
            f"{describe(when)} is a plan or forecast, not a happening",
            value=when,
        )
    clipped = C.clip_to(when, ctx.day_end)
    if clipped is not when:
        explanation = res.explanation.replace(describe(when), describe(clipped), 1)
        res = Resolved(clipped, res.kind, explanation + "; cut at publication", res.names_year)
    return res
