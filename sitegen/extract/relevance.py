"""Which sources are about the story, and which only matched the search keyword.

Each source's *subject* is its most salient words: nouns, names and terms,
weighted by how rare they are in general Chinese (jieba's idf table), plus
names and acronyms in Latin letters.  A word is *shared* when enough other
sources have it among their subject words too.  A source with too few shared
subject words shares no subject with the rest of the dump: it is off topic,
kept among the sources, and produces no events — unless every subject word it has is shared
and one is the story's core, a name a good share of all sources have (a short column naming
only the province the story happens in), or a person's full name the story shares (a wire
brief naming only the chairman the others report detained: a person is no province).  The
search keyword (and any word containing it) never counts: every record matched it — save the
longer name a keyword in Latin letters is written in by a good share of the sources
("Skylark Airlines" for "Skylark", `_keyword_name`), which counts for an English report as the
company's Chinese name does for a Chinese one.  Nor does a piece of a shared name that a
source writes inside another name (`_partial_names`: 江源 of 江源区 when the story writes
江源化工).  A source sharing too few names may still be kept by the closeness
of its lead to the story's centre (`_rescue`), measured in its own script too when it is
in the story's minority one.  Closeness measures the topic, not who the story is about: a
brand ranking of dairy firms is as close to a dairy scare as its reports are.  So a source kept
by closeness alone, sharing none of the story's names, whose lead names people, organisations
or places of its own (by a real tagger, `ner`) and the keyword, if at all, only as one item of
a list (伊品、蒙源、绿原乳业、天润等), is about those others: it stays off topic (`leads.about_others`).
The same holds for a source the names test keeps by a region and generic nouns alone (another
airline's incident reported to the same regional bureau), sharing no core name of the story
nor any name of a person or organisation (`_strangers`).  A record on topic that shares only
places and generic nouns, whose lead names no one of the story's, is *marginal*: it may report
what others report, but starts no entry alone (`_marginal`).  A record the names test flags
whose lead names no one else (a comment naming the company only by the keyword) is *doubtful*:
marginal, and on topic only while it tells what others tell (`agreement`'s ``unshared``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from . import short_forms
from .bonded_names import bonded_names
from .commentary import label, without_label
from .cut_names import add_cut_names
from .entities import is_person_name, latin_names
from .headline_names import headline_names
from .keyword_holders import extends_name as _extends_name
from .keyword_holders import keyword_holders
from .leads import about_others, heads_of_names, names_others
from .leads import named as named_in
from .ner import Tagger
from .opening_names import named_runs
from .rules import Rules
from .story_names import (
    cjk_majority,
    core_names,
    keyword_name,
    link_place_stems,
    subject_runs,
    tagged_names,
    unknown_word,
)
from .whole_names import whole_names
from .words import CJK_WORD, SUBJECT_TAGS, Lexicon, Words, general_idf, in_dictionary, pinyin_key, tag_of

_ACRONYM = re.compile(r"^(?:[A-Z][A-Z0-9]{1,7}|[A-Z]+[0-9][A-Z0-9]*|[0-9]+[A-Z][A-Z0-9]*)$")


@dataclass
class Relevance:
    off_topic: set[str] = field(default_factory=set)
    subjects: dict[str, list[str]] = field(default_factory=dict)
    """source id -> its subject words, most salient first"""
    shared: dict[str, list[str]] = field(default_factory=dict)
    """source id -> those of its subject words other sources share"""
    closeness: dict[str, float] = field(default_factory=dict)
    """source id -> similarity of its lead to the story's centre (sources judged by it)"""
    others: dict[str, list[str]] = field(default_factory=dict)
    """source id -> the names of others its lead states, for a source close to the story that
    names none of the story's subjects (it stays off topic)"""
    marginal: set[str] = field(default_factory=set)
    """on-topic sources kept on weak evidence (`_marginal`): they may report what others
    report, never alone start an entry"""
    doubtful: set[str] = field(default_factory=set)
    """sources sharing too few of the story's names whose lead names no one else (`_doubtful`):
    on topic, and marginal, only while they tell a happening other sources tell (`agreement`)"""
    story: set[str] = field(default_factory=set)
    """the names (people, organisations, places, products) the story's sources share"""
    core: set[str] = field(default_factory=set)
    """those of them a good share of all sources have (`on_topic_core_share`)"""


_LATIN_CAPITAL = re.compile(r"\b[A-Z][a-z]+\b")
NAME_LIKE_TAGS = ("nr", "ns", "nt", "nz")


def _name_like(word: str) -> bool:
    """A proper name by jieba's tag, or a word its dictionary does not know (often a name)."""
    return tag_of(word).startswith(NAME_LIKE_TAGS) or not in_dictionary(word)


def _is_name(word: str, lexicon: Lexicon) -> bool:
    """A subject word that names someone or something (not a generic noun such as 用户, 品牌)."""
    if not CJK_WORD.match(word):
        return True  # Latin-letter subjects are names or acronyms by construction
    return word in lexicon.names or _name_like(word)


def _subject_word(tok: str, lexicon: Lexicon, idf: dict[str, float]) -> str | None:
    """The word a Chinese token counts as in a source's subject (None: it does not count)."""
    if not CJK_WORD.match(tok) or not lexicon.is_content(tok):
        return None
    if not tag_of(tok).startswith(SUBJECT_TAGS) and tok in idf:
        return None
    return lexicon.canonical(tok)


def _acronym(tok: str, lexicon: Lexicon) -> str | None:
    if _ACRONYM.match(tok) and tok.lower() not in lexicon.stopwords:
        return lexicon.canonical(tok)
    return None


def _count(
    tokens: Counter[str],
    word_of: Callable[[str], str | None],
    memo: dict[str, str | None],
    counts: Counter[str],
) -> None:
    """Add to ``counts`` the words the tokens count as (each distinct token judged once per dump)."""
    for tok, n in tokens.items():  # in order of first occurrence, as counting token by token would
        if tok in memo:
            word = memo[tok]
        else:
            word = memo[tok] = word_of(tok)
        if word is not None:
            counts[word] += n


def _chinese_salience(tokens: Counter[str], lexicon: Lexicon, memo: dict[str, str | None]) -> Counter[str]:
    idf, median = general_idf()
    counts: Counter[str] = Counter()
    _count(tokens, lambda tok: _subject_word(tok, lexicon, idf), memo, counts)
    return Counter(
        {w: (1 + math.log(n)) * idf.get(w, median) for w, n in counts.items() if not lexicon.is_keyword(w)}
    )


def _latin_salience(
    words: Words, runs: list[str], acronyms: Counter[str], lexicon: Lexicon, own_name: str | None
) -> Counter[str]:
    """Names in Latin letters: those linked to a Chinese name count as it, other capitalised
    runs ("Dawnguard Security", "Jiangzhou") as themselves (a story told mostly in English must not
    look subjectless).  ``runs``: the text's `latin_names`; ``own_name``: the story's name for its
    keyword (`_keyword_name`), which counts although it holds the keyword."""
    _, median = general_idf()
    counts: Counter[str] = Counter(lexicon.latin_terms(words.text))
    counts.update(runs)
    for word, n in acronyms.items():
        counts[word] += n
    return Counter(
        {
            w: (1 + math.log(n)) * median
            for w, n in counts.items()
            if w == own_name or not lexicon.is_keyword(w)
        }
    )


def _own_name_counts(runs: list[str], own_name: str | None, lexicon: Lexicon) -> bool:
    """Does the story's name for its keyword count for a source whose capitalised runs are ``runs``?

    Only when the source writes it (or a longer form: "Skylark Airlines Ltd.") more often than
    any other name holding the keyword: a report on a namesake ("Sealink Capital, which is not
    related to Sealink Technologies") may name the story's company to tell the two apart, and
    is still about the namesake (`_partial_names` is the same test in Chinese)."""
    if own_name is None:
        return False
    holding = [r for r in runs if _holds_latin_keyword(r, lexicon)]
    own = sum(1 for r in holding if own_name in r)
    others = Counter(r for r in holding if own_name not in r)
    return own > max(others.values(), default=0)


def _other_holder(runs: list[str], own_name: str | None, lexicon: Lexicon) -> bool:
    """Does a source name a namesake: a longer name holding the keyword in Latin letters
    ("Sealink Capital"), written more often than the story's own (`_own_name_counts`)?"""
    holds = any(_holds_latin_keyword(r, lexicon) for r in runs)
    return holds and not _own_name_counts(runs, own_name, lexicon)


def _holds_latin_keyword(run: str, lexicon: Lexicon) -> bool:
    """Is ``run`` a longer name around a keyword written in Latin letters ("skylark airlines"
    for "skylark")?  A run that is only the keyword, or its pinyin with a translated part
    ("Baiya Mountain" for 白崖山), is the keyword itself and never counts."""
    parts = run.replace("-", " ").split()
    return any(
        k.isascii() and len(parts) > len(k.split()) and f" {k} " in f" {' '.join(parts)} "
        for k in lexicon.ignored
    )


def _keyword_name(runs: dict[str, list[str]], lexicon: Lexicon, core: float) -> str | None:
    """The story's own name for its search keyword in Latin letters ("Skylark Airlines" for the
    keyword "Skylark"), or None.

    Every record matched the keyword, so the keyword alone tells nothing; but a keyword that
    is a brand is written inside longer names, and which one tells the story from its
    namesakes (an airline's "… Airlines" from a drone maker's "… Drones").  A Chinese report
    names the company by its Chinese name, which holds no Latin keyword and so counts as a
    subject; without this an English report would lose the very name it is about.  The name
    is the keyword-holding capitalised run most sources write, taken only when at least
    ``core`` sources (the share the story's core names need) write it; any other run holding
    the keyword still never counts.  `_own_name_counts` says for which sources it counts."""
    holders: Counter[str] = Counter()
    for found in runs.values():
        holders.update({r for r in found if _holds_latin_keyword(r, lexicon)})
    if not holders:
        return None
    name, n = holders.most_common(1)[0]
    return name if n >= core else None


Closeness = Callable[[list[str], list[str]], dict[str, float]]
"""(sources on topic, sources to judge) -> each judged source's similarity to the story's centre"""


def judge(
    docs: dict[str, Words],
    lexicon: Lexicon,
    rules: Rules,
    closeness: Closeness | None = None,
    leads: dict[str, str] | None = None,
    tagger: Tagger | None = None,
) -> Relevance:
    """Mark sources off topic; also teaches ``lexicon`` the Latin spelling of shared Chinese names.

    A source sharing too few of the story's subjects by name may still be on topic when its
    lead is close to the story's centre (``closeness``, sentence vectors across languages): a
    short English report names a company by a brand no Chinese report writes, and its people
    once.  Closeness only ever keeps a source; it never makes one off topic.  With ``leads``
    (each source's title and first sentence) and a ``tagger``, a source kept by closeness alone
    that names only others is not kept (`leads.about_others`).
    """
    out = Relevance()
    chinese: dict[str, Counter[str]] = {}
    acronyms: dict[str, Counter[str]] = {}
    subject_words: dict[str, str | None] = {}
    acronym_words: dict[str, str | None] = {}
    unknown: dict[str, Counter[str]] = {}
    unknown_words: dict[str, str | None] = {}
    for sid, words in docs.items():
        tokens = Counter(words.tokens)
        chinese[sid] = _chinese_salience(tokens, lexicon, subject_words)
        acronyms[sid] = Counter()
        _count(tokens, lambda tok: _acronym(tok, lexicon), acronym_words, acronyms[sid])
        unknown[sid] = Counter()
        _count(tokens, lambda tok: unknown_word(tok, lexicon), unknown_words, unknown[sid])
    share = min(math.ceil(rules.shared_min_share * len(docs)), rules.shared_enough_sources)
    need = max(rules.shared_min_sources, share)
    if leads is not None and tagger is not None:  # names jieba found but cannot tag (恒岳 of 恒岳地产)
        _, median = general_idf()
        for word in tagged_names(unknown, need, rules.subject_words * 2, (leads, tagger)):
            for sid, found in unknown.items():
                if found[word]:
                    chinese[sid][word] = (1 + math.log(found[word])) * median
        add_cut_names(chinese, docs, lexicon, need, rules.subject_words * 2, (leads, tagger))  # 砺/峰

    # names and shared words may be written in pinyin elsewhere (王立新 ~ Wang Lixin)
    if any(_LATIN_CAPITAL.search(w.text) for w in docs.values()):
        spread: Counter[str] = Counter()
        for sal in chinese.values():
            spread.update(w for w, _ in sal.most_common(rules.subject_words * 2))
        names = {w for w, n in spread.items() if n >= need and len(w) >= 2}
        name_like: dict[str, bool] = {}
        for sal in chinese.values():
            for w in sal:
                if 2 <= len(w) <= 4 and w not in names:
                    if w not in name_like:
                        name_like[w] = _name_like(w)
                    if name_like[w]:
                        names.add(w)
        for word in sorted(names):
            lexicon.latin_names.setdefault(pinyin_key(word), word)
        link_place_stems(lexicon, judging=True)  # "Qingzhou" is 青州市 before any source is judged

    found = named_runs({sid: w.text for sid, w in docs.items()}, lexicon, rules.shared_min_sources)
    runs = whole_names({sid: subject_runs(f, lexicon) for sid, f in found.items()})
    runs = short_forms.teach(runs, lexicon)  # "X Rail" written short is "X Rail Group"
    own_name = _keyword_name(runs, lexicon, rules.on_topic_core_share * len(docs))
    for sid, name in keyword_name(docs, runs, lexicon, rules.on_topic_core_share * len(docs)).items():
        chinese[sid] += name  # 明湖花园, "Minghu Garden": the story's name around its keyword
    counts: Counter[str] = Counter()
    for sid, words in docs.items():
        mine = own_name if _own_name_counts(runs[sid], own_name, lexicon) else None
        sal = chinese[sid] + _latin_salience(words, runs[sid], acronyms[sid], lexicon, mine)
        sal += headline_names(leads[sid], words.text, lexicon, general_idf()[1]) if leads else Counter()
        top = [w for w, _ in sal.most_common(rules.subject_words)]
        out.subjects[sid] = top
        counts.update(top)
    named: dict[str, bool] = {}
    if leads is not None and tagger is not None:  # 擎天 of the organisation 擎天云 jieba cuts apart
        shared_words = [w for w, n in counts.most_common() if n >= need and CJK_WORD.match(w)]
        # the story's own names are among its most shared words: a few dozen are asked about,
        # whatever the dump's size
        unknown = [w for w in shared_words if not _is_name(w, lexicon)][: rules.subject_words * 2]
        named.update(dict.fromkeys(heads_of_names(unknown, out.subjects, leads, tagger), True))
        named.update(dict.fromkeys(bonded_names(docs, set(unknown), need), True))  # 苍穹 + 星际
    names_shared: dict[str, int] = {}
    partial = _partial_names(docs, out.subjects, counts, need, lexicon)
    holders, held = keyword_holders(docs, lexicon, need, _extends_name), set()
    for sid, top in out.subjects.items():
        shared = [w for w in top if counts[w] >= need and sid not in partial.get(w, ())]
        out.shared[sid] = shared
        names = 0
        for w in shared:
            if w not in named:
                named[w] = _is_name(w, lexicon)
            names += named[w]
        names_shared[sid] = names
        if sid in holders and not any(_names_whom(w, named) for w in shared):
            held.add(sid)  # a namesake's report sharing only places and generic nouns
        if len(docs) >= rules.relevance_min_sources and (
            len(shared) < rules.on_topic_shared_words or names < rules.on_topic_shared_names
        ):
            core = rules.on_topic_core_share * len(docs)
            all_shared = bool(shared) and len(shared) == len(top)
            enough = [w for w in shared if named[w] and (counts[w] >= core or is_person_name(w))]
            if not (all_shared and enough):
                out.off_topic.add(sid)  # unless it names the story's core or people and nothing else
    out.off_topic |= held
    unrecognised = len(out.off_topic) * 2 > len(docs)  # the story's names are not known as names
    if unrecognised:
        _majority_is_the_story(out, counts, len(docs), rules)
    namesakes = held.union(*partial.values())
    if closeness is not None and out.off_topic and len(out.off_topic) < len(docs):
        _rescue(docs, out, rules, closeness, counts, namesakes)
        if leads is not None and tagger is not None:
            story = {w for w, n in counts.items() if n >= need}
            for sid in sorted(set(out.closeness) - out.off_topic):
                if names_shared[sid] == 0:
                    others = about_others(leads[sid], story, lexicon, tagger)
                    if others:
                        out.others[sid] = others
                        out.off_topic.add(sid)
    judged = not unrecognised and len(docs) >= rules.relevance_min_sources
    if leads is not None and tagger is not None and judged:
        _strangers(out, counts, named, need, rules.on_topic_core_share * len(docs), (leads, lexicon, tagger))
    if leads is not None and tagger is not None and judged:
        out.story = {w for w, n in counts.items() if n >= need and named.get(w)}
        out.core = core_names(out.subjects, out.story, docs, rules)
        out.marginal = _marginal(out, named, out.story, (leads, lexicon, tagger))
        out.doubtful = {
            sid
            for sid in out.off_topic - namesakes - set(out.others)
            if not names_others(without_label(leads[sid]), out.story, lexicon, tagger)
            and not _other_holder(runs[sid], own_name, lexicon)
        }
        out.off_topic -= out.doubtful
        out.marginal |= out.doubtful
        by = (lexicon, tagger)
        out.doubtful -= {sid for sid in out.doubtful if _lead_names_core(leads[sid], out, named, by)}
        out.doubtful -= {sid for sid in out.doubtful if label(leads[sid])}  # a commentary: `commentary`
    return out


def _marginal(
    out: Relevance, named: dict[str, bool], story: set[str], by: tuple[dict[str, str], Lexicon, Tagger]
) -> set[str]:
    """The on-topic sources kept on weak evidence: sharing no name of anyone or anything but
    places, whose lead names no one of the story's either (a tunnel opening near the resort
    the story happens at, a village of the same name listed for its tourism).

    Such a source may still be about the story (a short report naming only the city), so it
    stays on topic, and what other sources report may cite it; but what it alone tells is as
    likely another happening of the same place as the story's, so it never starts an entry by
    itself (`events`: an entry needs one source that is not marginal).  A lead names one of the
    story's when a person or organisation it names (LAC's, `ner`) holds the search keyword or
    a name of someone or something the story shares (绿原乳业临江工厂停产, the keyword as the
    company), or a name in Latin letters is the keyword or such a name (English leads: "Lvyuan
    Dairy shares slump").  When the story shares no name but places, or most of its records
    would be marginal, its places are its names: no record is."""
    leads, lexicon, tagger = by
    whom = {w for w in story if _names_whom(w, named)}
    weak = set()
    for sid in sorted(set(out.subjects) - out.off_topic - set(out.closeness)):
        if any(_names_whom(w, named) for w in out.shared[sid]):
            continue
        lead = leads[sid]
        own = [n for n, kind, _ in tagger.names(lead) if kind in ("person", "organisation")]
        own += latin_names(lead, lexicon)
        if not any(lexicon.is_keyword(n) or any(w in n.lower() for w in whom) for n in own):
            weak.add(sid)
    if not whom or len(weak) * 2 > len(out.subjects) - len(out.off_topic):
        return set()  # the story's names are places (a fire at a district's plant): none is weak
    return weak


def _lead_names_core(lead: str, out: Relevance, named: dict[str, bool], by: tuple[Lexicon, Tagger]) -> bool:
    """Does a doubtful source's lead name someone or something of the story's core, not a place?

    A column headed with the story's company ("Atlas Cloud's credits are a start") shares few of
    the story's names when its excerpt argues rather than reports, yet it is about the story: it
    stays on topic (and marginal: it starts no entry alone) whether or not anyone else tells
    what it dates.  A place of the core (the city a namesake's marathon runs in) is not enough."""
    lexicon, tagger = by
    return any(_names_whom(w, named) for w in named_in(lead, out.core, lexicon, tagger).story)


def _strangers(
    out: Relevance,
    counts: Counter[str],
    named: dict[str, bool],
    need: int,
    core_sources: float,
    by: tuple[dict[str, str], Lexicon, Tagger],
) -> None:
    """Flag the records kept by the names test that share only a region and generic nouns and
    whose lead names others (another airline's bird strike reported to the same regional bureau).

    The names test keeps a record sharing two subject words, one a name; a place is a name, so
    a report of another company's incident in the same region (民航华东地区管理局, 旅客, 航班)
    passes it.  Such a record shares none of the story's core names (those at least
    ``core_sources`` records have) and no name of anyone or anything but places; when its lead
    names people, organisations or places none of which is a name the story shares
    (`leads.about_others`), it is about those.  A record naming the story's core (a column about
    "the Nanchuan scandal") or any shared name of a person or organisation is never touched,
    nor one whose lead names the company of one of several stories a dump holds; and nothing is
    when the names test flagged most of the dump (`_majority_is_the_story`: the story's names
    are not known as names, 周建平 cut as 周/建平, so no lead can be told from them)."""
    leads, lexicon, tagger = by
    story_names = {w for w, n in counts.items() if n >= need and named.get(w)}
    core = {w for w in story_names if counts[w] >= core_sources}
    for sid in sorted(set(out.subjects) - out.off_topic - set(out.closeness)):
        shared = out.shared[sid]
        if core.intersection(shared) or any(_names_whom(w, named) for w in shared):
            continue
        others = about_others(leads[sid], story_names, lexicon, tagger)
        if others:
            out.others[sid] = others
            out.off_topic.add(sid)


def _names_whom(word: str, named: dict[str, bool]) -> bool:
    """Is a shared subject word a name of someone or something other than a place?"""
    return bool(named.get(word)) and not (CJK_WORD.match(word) and tag_of(word).startswith("ns"))


def _majority_is_the_story(out: Relevance, counts: Counter[str], n: int, rules: Rules) -> None:
    """Take back the flags of sources that share the words most sources share.

    Off topic means *not what most of the dump is about*: the search found the story, and
    strays are the minority.  When the names test flags more than half of the sources, it has
    not recognised the story's names (a name no dictionary knows, or one cut in two: 周/建平),
    so the words more than half of the sources have among their subjects stand in for them: a
    flagged source sharing enough subject words, one of them such a word, is on topic."""
    core = {w for w, k in counts.items() if k * 2 > n}
    for sid in sorted(out.off_topic):
        shared = out.shared[sid]
        if len(shared) >= rules.on_topic_shared_words and core.intersection(shared):
            out.off_topic.discard(sid)


def _partial_names(
    docs: dict[str, Words], subjects: dict[str, list[str]], counts: Counter[str], need: int, lexicon: Lexicon
) -> dict[str, set[str]]:
    """Shared Chinese names that some sources have only as part of another name: name -> those sources.

    jieba cuts a name it does not know into pieces: 江源化工 into 江源 + 化工, and 江源区 (a
    district) into 江源 + 区, so a record about the district would share the company's 江源.
    When most of the sources having a shared name follow it with the same word (化工: the
    name the story knows is 江源化工), a source whose every 江源 is followed by another noun
    (区, 合作社) names something else; a 江源 standing alone (江源表示, 江源公司) still counts,
    and so does one followed by a word opening on the story's continuation's first character
    (周立 + 恒因 beside the story's 周立 + 恒等: both are 周立恒, cut by what follows it).
    """
    names = {w for w, n in counts.items() if n >= need and CJK_WORD.match(w) and _is_name(w, lexicon)}
    if not names:
        return {}
    holders = {w: [sid for sid, top in subjects.items() if w in top] for w in names}
    follows: dict[str, dict[str, set[str]]] = {w: {} for w in names}
    name_of: dict[str, str | None] = {}  # each distinct token: the name it counts as (None: none)
    for sid, words in docs.items():
        tokens = words.tokens
        for i, tok in enumerate(tokens):
            if tok not in name_of:
                canon = lexicon.canonical(tok)
                name_of[tok] = canon if tok in names or canon in names else None
            if (name := name_of[tok]) is None:
                continue
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            follows[name].setdefault(sid, set()).add(nxt if _extends_name(nxt) else "")
    out: dict[str, set[str]] = {}
    for w in names:
        by_source = follows[w]
        # by the continuation's first two characters: 化工厂 and 化工 are the same name's
        spread = Counter(head for after in by_source.values() for head in {x[:2] for x in after if x})
        if not spread:
            continue
        head, n = spread.most_common(1)[0]
        if n < need or 3 * n < 2 * len(holders[w]):
            continue  # no one name the story knows it by (临河市 + 环保局, + 自来水厂, …)
        odd = set()
        for sid in holders[w]:
            after = by_source.get(sid)
            # jieba glues a name's last character to the next word by what follows (周立+恒等,
            # 周立+恒因 of 周立恒): a continuation opening on the story's character is its name
            if after and "" not in after and all(x[:1] != head[:1] for x in after):
                odd.add(sid)
        if odd:
            out[w] = odd
    return out


def _rescue(
    docs: dict[str, Words],
    out: Relevance,
    rules: Rules,
    closeness: Closeness,
    counts: Counter[str],
    namesakes: set[str],
) -> None:
    """Keep the sources whose lead is close to the story's centre (see `judge`).

    A source in the script fewer on-topic sources are written in is also measured against
    the centre of those in its own script, and keeps the closer of the two: sentence vectors
    of one story score lower across languages than within one, so an English opinion column
    on a story told mostly in Chinese would look farther from it than it is.  A source that
    writes a piece of the story's name as part of another name (``namesakes``: 江源区 beside
    江源化工) is about a namesake, however close its words: closeness does not keep it.
    """
    kept = [sid for sid in docs if sid not in out.off_topic]
    judged = sorted(out.off_topic - namesakes)
    scores = closeness(kept, judged)
    script = {sid: cjk_majority(docs[sid].text) for sid in docs}
    mine = Counter(script[sid] for sid in kept)
    for side in (True, False):
        own = [sid for sid in kept if script[sid] == side]
        minority = [sid for sid in judged if script[sid] == side]
        if minority and rules.relevance_min_sources <= len(own) < len(kept) - mine[side]:
            for sid, score in closeness(own, minority).items():
                scores[sid] = max(score, scores.get(sid, score))
    loose = max(2, rules.shared_min_sources)
    for sid, score in scores.items():
        # a subject word a few other sources have (fewer than `need`) is a little evidence
        few = sum(1 for w in out.subjects[sid] if counts[w] >= loose)
        score += rules.relevance_word_bonus * min(few, 3)
        out.closeness[sid] = score
        if score >= rules.relevance_similarity:
            out.off_topic.discard(sid)
