"""The numbers extraction decides by, in one place, each with what it means.

They are general (no story is known here); a site may override any of them
under ``[extract]`` in ``content/site.toml`` (e.g. ``merge_similarity = 0.3``).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace


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
    times_agree_bonus: float = 0.05
    """Added to the score when both state a time of day and one contains the other (上午 and
    "Tuesday morning"): reports of one happening name its time alike, across languages too."""
    vectors_weight: float = 0.8
    """Added to the score times (sentence-vector cosine − ``vectors_neutral``)."""
    sentence_vectors: int = 1
    """1: multilingual sentence vectors vote on identity (`embed`); 0: words, names and dates only."""
    vectors_same_language: int = 0
    """1: vectors vote on quotes in one language too (slower: most comparisons are within one
    language, where shared words judge nearly as well); 0: only across languages."""
    vectors_neutral: float = 0.4
    """The cosine of sentences about different things of one story: below it, vectors vote against."""

    # -- output -----------------------------------------------------------------
    title_max_chars: int = 40
    """Titles are trimmed at clause boundaries to about this many characters."""
    summary_max_chars: int = 200
    """Summaries take source sentences up to about this many characters."""
    summary_sentences: int = 2
    max_people: int = 6
    max_tags: int = 4


def rules_from(extra: dict) -> Rules:
    """`Rules` with the overrides of ``[extract]`` in site.toml applied (unknown keys ignored)."""
    table = extra.get("extract") if isinstance(extra, dict) else None
    if not isinstance(table, dict):
        return Rules()
    known = {f.name: f.type for f in fields(Rules)}
    changes = {}
    for key, value in table.items():
        if key in known and isinstance(value, int | float) and not isinstance(value, bool):
            changes[key] = type(getattr(Rules(), key))(value)
    return replace(Rules(), **changes)
