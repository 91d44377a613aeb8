"""The numbers extraction decides by, in one place, each with what it means.

They are general (no story is known here); a site may override any of them
under ``[extract]`` in ``content/site.toml`` (e.g. ``merge_similarity = 0.3``), and
``docs/settings.md`` lists them (checked by ``tests/extract/test_extract_units.py``).

A number that decides what the pages say belongs here, bounds on cost that also decide which
events a report is compared with included.  Numbers that stay in their modules say why they
are no rule: they decide only how fast (``events.SPLIT_AT``, ``embed.BATCH``), what
``--explain`` shows (``merge.EXPLAIN_NEAR``), a sentinel (``merge.RAREST``), a fact about a
bundled table (``entities.NAME_MIN_IDF``), or a guard no real text reaches
(``passages.MAX_SENTENCE``).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ..config import find_line
from ..errors import ContentError, Problem


@dataclass(frozen=True)
class Rules:
    # -- relevance ---------------------------------------------------------
    subject_words: int = 20
    """How many of a source's most salient words stand for its subject."""
    shared_min_sources: int = 2
    """A subject word is shared when at least this many sources have it among theirs…"""
    shared_min_share: float = 0.1
    """…or this share of all sources, whichever is larger: two off-topic records that list the
    same competitors (a brand ranking, import figures) must not make each other's subject."""
    shared_enough_sources: int = 12
    """…but never more than this many: in a dump of thousands, a name a dozen sources share
    is the story's, and requiring a tenth of them would leave a sub-story's reports out."""
    on_topic_shared_words: int = 2
    """A source is on topic when at least this many of its subject words are shared."""
    on_topic_shared_names: int = 1
    """…and at least this many of them are names (people, organisations, places, products, in
    either script): sharing generic nouns (用户, 品牌) and the keyword is no common subject."""
    on_topic_core_share: float = 0.25
    """…or when every one of its subject words is shared and one of them is a name at least this
    share of all sources have among theirs: the story's core (its province, its city), as a
    short column names it alone.  A place only a few sources name (Hong Kong) is no core.
    Measured on the gold dumps: core names in 0.32–0.75 of the sources, others at most 0.18."""
    relevance_similarity: float = 0.56
    """A source with too few shared names is still on topic when the sentence-vector cosine of
    its title and first sentence with the mean of the on-topic sources' (plus the bonus below)
    is at least this.  Measured on invented stories: on-topic leads 0.47–0.68, off-topic ones
    sharing the keyword 0.34–0.55."""
    relevance_word_bonus: float = 0.05
    """Added to that cosine for each of its subject words (up to three) that at least two other
    sources have too, though fewer than a shared word needs."""
    relevance_min_sources: int = 3
    """With fewer sources than this, every source is on topic."""
    lead_chars: int = 300
    """A source's lead (title and first sentence) is cut to this many characters before its
    sentence vector is taken for its closeness to the story."""
    centre_sample: int = 100
    """The story's centre is the mean of the leads of at most about this many on-topic sources,
    evenly spread over the dump."""

    # -- candidates ----------------------------------------------------------
    min_content_words: int = 2
    """A sentence must name at least this many content words besides its date to report a happening."""
    anchored_min_chars: int = 8
    """A clause holding an anchored date ("19小时后") is widened by the next clause when shorter."""
    max_quote_chars: int = 220
    """Longer sentences are cut to the clauses around their date."""
    anchored_max_days: int = 1
    """An approximate date counted from another one ("时隔数日", "约19小时后") starts an event only
    when it falls within this many days; wider, it can only join one."""
    founding_max_days: int = 31
    """A date range wider than this (最近, 二十多年前) may join an event but never starts one…"""
    founding_max_years: int = 2
    """…unless it is a range of years no wider than this (大约2019年或2020年)."""
    coming_days: int = 31
    """A month-day without a year read as last year's because this year's would come after the
    article (and a date counted from one) starts no event when this year's falls within this
    many days after publication: it is as likely the coming date of a plan
    ("考生可于12月10日起打印准考证" in a 3 December article) as a day of almost a year ago; it
    may still join one."""

    # -- merging --------------------------------------------------------------
    merge_similarity: float = 0.25
    """Cosine similarity (idf-weighted content words) at which a candidate joins an event."""
    same_period_similarity: float = 0.1
    """Lower bar when both dates fall on the same day, or both are years (or months) that
    overlap: sources rarely report two different happenings in one such period with
    almost no words in common, while they word the same happening very differently."""
    cross_language_share: float = 0.35
    """A quote in another language joins an event of the same day (or year) when this share of
    its words that both languages use (names linked by pinyin or the gazetteer, "5G") is found
    in one of the event's quotes."""
    attach_similarity: float = 0.35
    """Higher bar for a sentence with only a vague date (or none) to be cited by an event."""
    recall_similarity: float = 0.35
    """After clustering, a sentence (or clause) of a source an event does not cite yet is cited
    by it when it agrees this well (words, names, vectors across languages; `recall`), agrees
    with no other event better, and its own date overlaps the event's (or, undated, the event
    came before the article)."""
    recall_same_day_similarity: float = 0.2
    """…and this well when the sentence's own date names the one day the event happened on (a
    listing's "April 6: …; the regulator seals the batch", an account of that day)."""
    actions_weight: float = 0.2
    """In that second pass, added to the score times the share of the sentence's actions (an
    apology, a recall, a summons: ``sitegen/data/actions.toml``) the event's quotes name too, in
    either language ("publicly apologized" and 公开道歉)."""
    actions_clash_penalty: float = 0.1
    """…and taken off when both name actions the table knows and share none (the same people's
    other happening of that day)."""
    same_action_weight: float = 0.2
    """In merging, a report in one language and an event's quotes in the other, of the same day
    (or year, or month) as the sources state it, gain this times the share of the report's actions
    (``sitegen/data/actions.toml``) those quotes name too: across languages they share almost no
    word, and what a happening *is* — who did what — is its action ("apologised" and 致歉)."""
    crossing_weight: float = 0.3
    """The crossing share counts as this times a same-language word similarity."""
    crossing_floor: float = 0.5
    """How much of the weight of a word every source has is taken off each crossing word's
    (1: the story's protagonist, named in every report, links nothing across languages; half
    of it: such a name is a weak link, another name must help)."""
    names_weight: float = 0.1
    """Added to the score times the share of the quote's names (people, organisations, places)
    the event names too."""
    clash_penalty: float = 0.15
    """Taken off the score when the quote and the event both name someone (or some body) and
    share none of them: another happening of the same day, reported in the same words."""
    sibling_penalty: float = 0.15
    """Taken off the score when the event already quotes another sentence or clause (not a copy)
    of the same article: an article that dates two of its sentences separately most often tells
    two happenings of that day, which share its words and names."""
    times_differ_penalty: float = 0.15
    """Taken off the score when both state a time of day and neither contains the other (中午
    and 下午): periods that overlap at their edges are not one time."""
    another_action_penalty: float = 0.4
    """In merging, taken off the score when the dates only overlap (not one day, nor one stated
    month or year) and the report names actions (``sitegen/data/actions.toml``) all other than
    those most of the event's quotes name: "was detained last week" shares the words of a
    takeover's quote that looks back at the detention ("two days after police detained its
    former chairman"), but tells the detention."""
    times_agree_bonus: float = 0.05
    """Added to the score when both state a time of day and one contains the other (上午 and
    "Tuesday morning"): reports of one happening name its time alike, across languages too."""
    sole_event_bonus: float = 0.05
    """Added to the score of a report dated by a month (or a year) only, stated as such, compared
    with the one event the sources date to a day within it (and the bar is then
    ``same_period_similarity``): "in September" and 9月26日 agree as far as the month can tell.
    A month holding several such events votes for none of them."""
    named_bonus: float = 0.35
    """Added to the score of a sentence whose only date names a thing ("3月2日的发布会上…") when the
    event's quotes tell of that thing (新品发布会) and its date is as precise and meets that one:
    the sentence reports that happening, whatever else it says about it (as much as
    ``attach_similarity``: enough to be cited)."""
    continues_bonus: float = 0.1
    """Added to the score of a sentence that goes on telling another sentence of its article
    already in the event: it names no one, and its date is counted from that sentence's, the
    periods nested ("泄漏已于当晚得到控制" after "…晚11时许…发生泄漏"); the article itself
    links them (and the other sentence's being there takes nothing off: `sibling_penalty`)."""
    beside_bonus: float = 0.3
    """Added, after merging, to the score of two events told in different languages only, dated
    alike at their precision, each quoting the rest of a sentence a third event quotes (`beside`):
    both reports tell that happening and, beside it, the same older one ("…, though paperwork
    signed in March recorded it as complete" / …未按规定于3月实施检查，但记录显示已完成); 0: never."""
    approximate_slack_days: int = 1
    """A day the sources give as approximate (a count from another date: "48小时" before an
    evening, or in weeks: 三周前) may meet an event this many days before or after it: one
    happening counted back from another date and written out by another source (3月5日) are
    compared, not kept apart."""
    near_days: int = 1
    """Reports dating a happening this many days off the date more outlets give (11月11日晚 where
    four say 11月12日晚) may join their event after merging (`neardays`): one entry, dated as the
    majority agrees, the dissent noted; 0: never."""
    near_day_similarity: float = 0.4
    """…when it agrees with the event this well (the merging vote, times of day compared as if on
    one day): well above ``merge_similarity``, as days apart are evidence of two happenings."""
    near_day_night_hours: int = 6
    """A time before dawn counted from an evening its sentence states (晚9时许 … 次日凌晨), at most
    this many hours after it, is one night: the two join as one happening (`neardays`)."""
    late_night_from: int = 18
    """An event all of whose dating tellings are times of day starting at this hour or later
    ("11月28日深夜", "late on Friday night") may join the event more outlets tell that holds a
    telling of the next day's small hours (`nights`): one night told as two groups."""
    small_hours_until: int = 6
    """…a telling of the small hours being a time of day ending by this hour (凌晨, "the early
    hours of Nov. 29"), within ``near_day_night_hours`` of the evening's time."""
    part_of_day_slack_hours: int = 1
    """A time of day's edges are loose (凌晨5时 and "Wednesday morning"), as is an approximate
    hour (11时许): its period may meet an event this many hours beyond them, within its own day."""
    vectors_weight: float = 0.8
    """Added to the score times (sentence-vector cosine − ``vectors_neutral``)."""
    sentence_vectors: int = 1
    """1: multilingual sentence vectors vote on identity (`embed`); 0: words, names and dates only."""
    vectors_same_language: int = 0
    """1: vectors vote on quotes in one language too (slower: most comparisons are within one
    language, where shared words judge nearly as well); 0: only across languages."""
    vectors_neutral: float = 0.4
    """The cosine of sentences about different things of one story: below it, vectors vote against."""
    vague_days: int = 366
    """A sentence dated only by a vague word (最近, 前不久, 近日, 日前) is compared with events
    this many days before its article."""
    name_min_weight: float = 0.25
    """Names weighing less than this (idf beyond the commonest word's: the names (nearly) every
    source states) do not vote on identity."""
    centre_quotes: int = 4
    """An event's sentence-vector centre is the mean of its first distinct quotes (the finest dated)."""

    # -- how many events a report is compared with (bounds on cost that decide output too) --
    lookup_terms: int = 6
    """A candidate is looked up by this many of its rarest terms, names first (an event, when
    events are consolidated, by twice as many)."""
    posting_cap: int = 48
    """Each lookup of a term on a day takes at most this many events (the latest): a term that
    many events share on one day tells them apart no better than the rarer terms do."""
    any_cap: int = 12
    """…of which at most this many come through the term every event holds (the latest of the
    day, for a report in another language that shares no word with them)."""
    wide_days: int = 62
    """Events spanning more days than this are indexed by year instead of by day (found by
    reports dated as widely, not by those of one day)."""
    max_compared: int = 12
    """A report is compared with at most this many of an event's distinct quotes (the latest), and
    with the event's pooled words; so is a sentence the second citing pass judges on an event's
    quotes other than the passage around it (`recall._apart`)."""
    vector_events: int = 3
    """A candidate's sentence vector is compared with at most this many events (those scoring
    best by the other signals): encoding a sentence costs more than the rest of a comparison."""

    # -- output -----------------------------------------------------------------
    title_max_chars: int = 40
    """Titles are trimmed at clause boundaries to about this many characters."""
    title_ideal_chars: int = 22
    """Titles longer than this (in Chinese characters; two Latin letters count as one) lose a little."""
    title_max_words: int = 20
    """An English title keeps up to this many words (a headline's length; English runs longer
    than Chinese)."""
    title_quotes: int = 8
    """Title candidates come from this many of an event's most representative distinct quotes."""
    title_exact_date: float = 0.1
    """Added to the titles of a quote that states the event's date as precisely as it is settled."""
    title_per_copy: float = 0.05
    """Added for each other source that prints the quote word for word (up to three)."""
    title_noun_phrase_penalty: float = 0.3
    """Taken off the titles of a quote whose date describes a noun ("上周五凌晨发生爆炸的恒丰化工厂区，…"):
    it names a thing, not a happening."""
    title_cut_off_penalty: float = 0.4
    """Taken off the titles of a quote that runs to where its excerpt stops mid-sentence."""
    title_en_fragment_penalty: float = 0.35
    """Taken off an English title that does not start where its quote does: a headline is a
    sentence from its subject, not a trailing phrase."""
    title_en_whole_bonus: float = 0.2
    """Added to an English title that runs to the end of its quote (in at most ``title_max_words``)."""
    title_beyond_quote_penalty: float = 0.5
    """Taken off a title cut from the rest of its quote's sentence (the quote alone offers
    only fragments, or is in another language than the site's)."""
    title_not_founding_penalty: float = 0.2
    """Taken off a title cut from a cited quote that gives the event's date but could not found
    it (a background clause); such quotes are tried only when no founding quote offers a title
    free of headline problems."""
    title_other_action_penalty: float = 0.5
    """Taken off a title that names only actions none of which is the one the event's quotes
    name most (in two quotes or more): "X apologized, hours after Y ordered Z to stop" is cited
    by the order's event too, whose title is not the apology."""
    title_headline_problem: float = 1.0
    """Taken off a title for each reason it would not read as a headline (up to two), and for a
    length `shorten` would cut mid-clause: a fragment loses to any whole clause."""
    title_actor_bonus: float = 0.1
    """Added to a title that names who acted (not "这是…", "The results…")."""
    title_dated_bonus: float = 0.3
    """Added to a title that holds the clause stating the quote's date."""
    title_no_verb_penalty: float = 0.25
    """Taken off a title without a verb: a noun phrase reports no happening."""
    title_per_extra_char: float = 0.025
    """Taken off a title for each character beyond ``title_ideal_chars``…"""
    title_too_long_penalty: float = 0.3
    """…and this more beyond ``title_max_chars``."""
    title_min_chars: int = 8
    """Titles shorter than this (counted as for ``title_ideal_chars``) say too little…"""
    title_short_penalty: float = 0.15
    """…and lose this."""
    title_unbalanced_quote_penalty: float = 0.5
    """Taken off a title whose quotation marks do not pair: it cuts a quotation in half."""
    title_topic_opener_penalty: float = 0.2
    """Taken off a title that opens with a topic (对于…, 关于…) rather than who did what."""
    title_reporting_penalty: float = 0.3
    """Taken off a title that ends with a reporting verb (…表示, said) or opens with who said it."""
    title_relative_time_penalty: float = 0.4
    """Taken off a title that counts time from something else (距…过去) or is a relative clause
    (which…, after…)."""
    title_back_reference_penalty: float = 0.25
    """Taken off a title that points back to a sentence the reader of the timeline never saw
    (该公司…, it…)."""
    summary_max_chars: int = 200
    """Summaries take source sentences up to about this many characters."""
    summary_sentences: int = 2
    """…and at most this many sentences."""
    summary_repeat_share: float = 0.6
    """A sentence with more than this share of its wording (pairs of neighbouring characters or
    words) already in the summary repeats it."""
    summary_repeat_cosine: float = 0.58
    """…and so does one whose sentence vector (`embed`) is at least this close to a sentence
    already in it: two outlets' words for the same thing (measured on the gold dumps: such
    pairs 0.59–0.70, a sentence that adds a fact 0.28–0.56)."""
    max_people: int = 6
    """An event names at most this many people and organisations together (those its quotes name
    most), each under its kind (`people`, `organisations`, or `names` when the kind is not known)."""
    max_places: int = 3
    """…and at most this many places (those most of its quotes name, each named in two quotes at
    least, or in the one quote of an event with one; never a whole country: `broad_places.txt`),
    under `places`."""
    people_quotes: int = 8
    """The Chinese names of an event's first this many quotes (by publication) are found by the
    tagger (LAC, about 2 ms a quote); an event's further quotes add only the gazetteer's names
    and Latin-letter ones, so the cost grows with the events, not with how many report each."""
    max_tags: int = 4
    """An event has at most this many tags."""


SECTION = "extract"
"""The table of ``content/site.toml`` that overrides `Rules`."""


def rules_problems(extra: dict, path: Path | str) -> tuple[Rules, list[Problem]]:
    """`Rules` with the overrides of ``[extract]`` applied, and a problem (``path:line``) for
    each key that is no rule or whose value is not a number of the rule's kind (left at its
    default): a misspelt override silently ignored would change what import finds unseen."""
    table = extra.get(SECTION) if isinstance(extra, dict) else None
    if table is None:
        return Rules(), []
    if not isinstance(table, dict):
        return Rules(), [Problem(path, find_line(path, SECTION), f"[{SECTION}] must be a table of numbers")]
    defaults = Rules()
    known = [f.name for f in fields(Rules)]
    changes: dict[str, int | float] = {}
    problems = []
    for key, value in table.items():
        line = find_line(path, key, SECTION)
        if key not in known:
            near = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]}?" if near else " (docs/settings.md lists them)"
            problems.append(Problem(path, line, f"[{SECTION}] {key}: no such setting{hint}"))
            continue
        whole = isinstance(getattr(defaults, key), int)
        if isinstance(value, bool) or not isinstance(value, int if whole else int | float):
            expected = "a whole number" if whole else "a number"
            message = f"[{SECTION}] {key}: expected {expected}, got {_shown(value)}"
            problems.append(Problem(path, line, message))
            continue
        changes[key] = type(getattr(defaults, key))(value)
    return replace(defaults, **changes), problems


def rules_from(extra: dict, path: Path | str = "content/site.toml") -> Rules:
    """`Rules` with the overrides of ``[extract]`` in site.toml applied; the first problem
    `rules_problems` finds is raised (`ContentError`: ``path:line: error: …``)."""
    rules, problems = rules_problems(extra, path)
    if problems:
        raise ContentError(problems[0].path, problems[0].line, problems[0].message)
    return rules


def _shown(value: object) -> str:
    """A value as site.toml writes it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return str(value)
