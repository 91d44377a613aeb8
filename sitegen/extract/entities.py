"""People and organisations (each with its kind) and tags of an event, from its quotes.

People and organisations come from two places:

* the site's gazetteer, ``content/data/people.toml`` (canonical name = list
  of aliases, English romanisations included), whose names are also taught to
  jieba so they segment as one word and English sources link to Chinese names;
* jieba's parts of speech: person names (``nr``) that start with a common
  surname (``sitegen/data/surnames.txt``; jieba's dictionary tags many ordinary
  words ``nr``), and organisations (``nt``).

Tags are the event's most telling nouns and terms: weighted by jieba's general
idf, never a stopword (``stopwords.txt``), a name, or a time word.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..core.model import Event
from ..core.sitedata import PACKAGE_DATA, SiteData
from ..util.segment import add_word, cut
from .ner import Tagger
from .temporal.fold import fold_hant
from .temporal.words import EN_MONTHS, HOLIDAYS, OFFICIAL_BREAKS, WEEKDAYS
from .words import CJK_WORD, ORG_TAGS, Lexicon, general_idf, in_dictionary, pinyin_key, tag_of

TAG_TAGS = ("n", "nz", "vn", "ns", "nt", "l", "j", "eng")
"""Parts of speech a tag may have."""

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,7}$|^[A-Z]+[0-9][A-Z0-9]*$")


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    path = Path(PACKAGE_DATA) / "surnames.txt"
    chars = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        chars.update(line.split("#", 1)[0].split())
    return frozenset(chars)


@dataclass
class Gazetteer:
    kinds: dict[str, str] = field(default_factory=dict)
    """canonical name -> "person" | "organisation" | "place\""""
    aliases: dict[str, str] = field(default_factory=dict)
    """lower-cased alias or name -> canonical name"""
    not_names: set[str] = field(default_factory=set)
    """words jieba takes for names that are not (people.toml ``not_names``)"""


def gazetteer(data: SiteData) -> Gazetteer:
    """The site's names; Chinese ones are added to jieba's dictionary so they segment whole."""
    gaz = Gazetteer(not_names=set(data.not_names))
    for kind, table in (
        ("person", data.people),
        ("organisation", data.organisations),
        ("place", data.places),
    ):
        for name, aliases in table.items():
            gaz.kinds[name] = kind
            for alias in [name, *aliases]:
                gaz.aliases[alias.lower()] = name
                if CJK_WORD.match(alias) and not in_dictionary(alias):
                    add_word(alias, tag={"person": "nr", "organisation": "nt"}.get(kind, "ns"))
    return gaz


def make_lexicon(data: SiteData, gaz: Gazetteer, keyword: str | None) -> Lexicon:
    ignored: set[str] = set()
    if keyword:
        ignored.update(k.strip().lower() for k in re.split(r"[\s,，、]+", keyword) if k.strip())
        # a model number's pieces (XJ and 200 of XJ-200): tokens are cut at its hyphen
        ignored.update(p for k in list(ignored) if k.isascii() for p in k.split("-") if len(p) >= 2)
    spelled = {pinyin_key(k) for k in ignored if CJK_WORD.search(k)}
    return Lexicon(
        stopwords={w.lower() for w in data.stopwords},
        aliases=dict(gaz.aliases),
        ignored=ignored,
        names=set(gaz.kinds),
        ignored_pinyin={p for p in spelled if len(p) >= 4},
    )


NAME_MIN_IDF = 9.0
"""jieba's dictionary tags common words nr too (文明); real names are rare words (idf ≥ about 9.5).
Not a rule (`Rules`): a fact about jieba's idf table, not a judgement a story could want changed."""


def is_person_name(word: str) -> bool:
    """A Chinese person name by jieba's tag, with the checks its dictionary needs."""
    if not CJK_WORD.match(word) or not 2 <= len(word) <= 4:
        return False
    if word.endswith("姓"):
        return False  # 鲁姓男子: "a man surnamed 鲁"
    tag = tag_of(word)
    if tag in ("nrfg", "nrt"):
        return True
    if tag != "nr" or len(word) > 3 or word[0] not in surnames():
        return False
    idf, _ = general_idf()
    return idf.get(word, NAME_MIN_IDF) >= NAME_MIN_IDF


def is_organisation(word: str) -> bool:
    if CJK_WORD.match(word) is None or not tag_of(word).startswith(ORG_TAGS) or len(word) < 3:
        return False
    idf, _ = general_idf()
    return idf.get(word, NAME_MIN_IDF) >= NAME_MIN_IDF


def joined_names(tokens: Sequence[str]) -> list[str]:
    """Tokens with a surname jieba cut off its given name joined again (苏 + 明哲 -> 苏明哲).

    jieba's dictionary knows many given names as words of their own; a one-character surname
    (``surnames.txt``) before a two-character word jieba tags a name, or does not know, is
    one person's name.
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        if (
            len(tok) == 1
            and tok in surnames()
            and len(nxt) == 2
            and CJK_WORD.match(nxt)
            and (tag_of(nxt).startswith("nr") or not in_dictionary(nxt))
        ):
            out.append(tok + nxt)
            i += 2
            continue
        out.append(tok)
        i += 1
    return out


KINDS = ("person", "organisation", "place")
UNKNOWN = "unknown"
"""The kind of a name the quotes disagree on (as many say person as organisation): said, not guessed."""


def people(
    quotes: Sequence[tuple[list[str], str]],
    lexicon: Lexicon,
    gaz: Gazetteer,
    limit: int,
    tagger: Tagger | None = None,
    sample: int = 0,
) -> list[str]:
    """The names of `named`, without their kinds."""
    return [name for name, _ in named(quotes, lexicon, gaz, limit, tagger, sample)]


def named(
    quotes: Sequence[tuple[list[str], str]],
    lexicon: Lexicon,
    gaz: Gazetteer,
    limit: int,
    tagger: Tagger | None = None,
    sample: int = 0,
    places: int = 0,
) -> list[tuple[str, str]]:
    """Names of people and organisations in the quotes (tokens and text of each), most mentioned
    first, each with its kind: ``person``, ``organisation``, or `UNKNOWN`; then at most ``places``
    places (`_places`), kind ``place``.

    With a ``tagger`` (`ner.Tagger`, Baidu's LAC), the Chinese names of the first ``sample``
    quotes are the tagger's people and organisations (an organisation only when jieba reads it
    as nouns and names alone: LAC's 江州市网信办约谈 runs on into a verb); without one, jieba's
    tags as `is_person_name` and `is_organisation` read them.  jieba's dictionary cuts a
    three-character name after two when they make a word, and tags 周全 a name; LAC was
    trained to find names (docs/extraction.md, "Names by a real tagger").  The gazetteer's
    names and Latin-letter names count in every quote either way.

    A name's kind is the gazetteer's when it lists the name, else what most of its mentions
    were tagged (LAC's PER/ORG, jieba's nr/nt); a tie is `UNKNOWN`, never a guess.
    """
    tagged = tagger is not None and tagger.available
    counts: Counter[str] = Counter()
    place_quotes: list[list[str]] = []  # the places each quote names, in order
    latin: list[list[str]] = []  # each quote's Latin-letter names, as the Chinese words they stand for
    votes: dict[str, Counter[str]] = {}
    first: dict[str, int] = {}
    pos = 0
    for i, (tokens, text) in enumerate(quotes):
        found: list[tuple[str, str]] = []
        if tagged and i < sample:
            found.extend(_tagged(tokens, fold_hant(text), lexicon, gaz, tagger))  # names in one script
        else:
            found.extend(_by_tags(tokens, lexicon, gaz, jieba_names=not tagged))
        latin.append(lexicon.latin_terms(text))
        for name in latin[-1]:
            kind = gaz.kinds.get(name)
            if kind in ("person", "organisation") or is_person_name(name):
                found.append((name, kind or "person"))
        place_quotes.append(list(dict.fromkeys(name for name, kind in found if kind == "place")))
        seen: set[str] = set()
        for name, kind in found:  # in order of appearance: output must not depend on hashing
            if kind == "place":
                continue
            votes.setdefault(name, Counter())[kind] += 1
            if name in seen:
                continue
            seen.add(name)
            counts[name] += 1
            first.setdefault(name, pos)
            pos += 1
    # one name inside another is one person cut two ways (明哲 / 苏明哲, 王立新 / 中王立新): the way
    # more quotes cut it wins, the longer on a tie, except a name of four or more characters
    # with one more after it (中国足协 / 中国足协处 of 被中国足协处以禁赛): a full name runs on
    for name in sorted(counts, key=len):
        if name not in counts or not CJK_WORD.match(name):
            continue
        for other in [n for n in counts if n != name and name in n]:
            ran_on = len(name) >= 4 and other.startswith(name) and len(other) == len(name) + 1
            more = counts[other] > counts[name] or (counts[other] == counts[name] and not ran_on)
            if more or _cut_from(name, other):
                counts[other] += counts.pop(name)
                votes[other] += votes.pop(name)
                break
            counts[name] += counts.pop(other)
            votes[name] += votes.pop(other)
    ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
    found_names = [(name, gaz.kinds.get(name) or _kind_of(votes[name])) for name in ranked[:limit]]
    return found_names + [(name, "place") for name in _places(place_quotes, latin, counts, places)]


_PLACE_ENDS = ("市", "县", "省", "区", "镇", "乡", "村", "州")
"""A place's kind after its name (澄阳市): an English report spells the name alone (Chengyang)."""


def _places(named_in: list[list[str]], latin: list[list[str]], others: Counter[str], limit: int) -> list[str]:
    """At most ``limit`` places the quotes name, those named in most quotes first (in order of
    first mention on a tie), each named in two quotes at least (in its one quote when the event
    has one): a place one report of many names in passing (a reporter's dateline, a past
    incident's city) is not where the event happened.  A Latin-letter name standing for a place
    another quote names in Chinese (Yunzhou for 云州, Chengyang for 澄阳市) names it too.  A name
    also read as a person's or an organisation's is not a place, nor is a whole country or region
    (``broad_places.txt``): on most stories it says nothing a reader could filter by."""
    if limit <= 0:
        return []
    known = {name for names in named_in for name in names}
    spelt = {name[: -len(end)]: name for name in known for end in _PLACE_ENDS if name.endswith(end)}
    spelt.update((name, name) for name in known)
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for names, terms in zip(named_in, latin, strict=True):
        for name in dict.fromkeys([*names, *(spelt[t] for t in terms if t in spelt)]):
            counts[name] += 1
            first.setdefault(name, len(first))
    least = min(2, len(named_in))
    broad = broad_places()
    kept = [n for n in counts if counts[n] >= least and n not in others and n.lower() not in broad]
    return sorted(kept, key=lambda n: (-counts[n], first[n]))[:limit]


def full_place_names(events: Sequence[Event]) -> None:
    """Each event's places under the fullest name any event gives them: 临河 where another names
    临河县 (LAC tags the bare name in 临河化工园区), so one place has one page, not two.  A bare
    name two full ones share (清河 of 清河县 and 清河镇) is left as it is: which is meant is not
    known.  Linear in the events' places."""
    full: dict[str, set[str]] = {}
    for event in events:
        for name in event.places:
            for end in _PLACE_ENDS:
                if name.endswith(end) and len(name) > len(end) + 1:
                    full.setdefault(name[: -len(end)], set()).add(name)
    for event in events:
        named_ = [next(iter(full[n])) if len(full.get(n, ())) == 1 else n for n in event.places]
        event.places = list(dict.fromkeys(named_))


@lru_cache(maxsize=1)
def broad_places() -> frozenset[str]:
    """Countries and regions too broad to file an event under (``sitegen/data/broad_places.txt``)."""
    path = Path(PACKAGE_DATA) / "broad_places.txt"
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        names.update(n.lower() for n in line.split("#", 1)[0].split())
    return frozenset(names)


def by_kind(kinds: Sequence[tuple[str, str]]) -> dict[str, list[str]]:
    """`named`'s names as an event's lists: ``people``, ``organisations``, and ``names`` for
    those of `UNKNOWN` kind (in their order)."""
    lists = {"person": "people", "organisation": "organisations", "place": "places"}
    out: dict[str, list[str]] = {"people": [], "organisations": [], "places": [], "names": []}
    for name, kind in kinds:
        out[lists.get(kind, "names")].append(name)
    return out


def _kind_of(votes: Counter[str]) -> str:
    """The kind most mentions were tagged; `UNKNOWN` when two kinds are tagged as often."""
    top = votes.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return UNKNOWN
    return top[0][0]


def _cut_from(name: str, other: str) -> bool:
    """Is ``name`` the end of the name ``other`` cut off, however many quotes cut it so: a given
    name without its surname (明哲 of 苏明哲), or an organisation's name without its first two or
    more characters (智联 of 瀚海智联)?  A bridge from an English spelling finds the piece jieba
    cut (Mingzhe -> 明哲) in every English quote; one stray character before a name (中王立新)
    is no part of it, and so is not taken for one."""
    if not other.endswith(name) or len(other) <= len(name):
        return False
    lead = other[: -len(name)]
    return (len(lead) == 1 and lead in surnames() and len(name) == 2) or len(lead) >= 2


def _by_tags(
    tokens: Sequence[str], lexicon: Lexicon, gaz: Gazetteer, jieba_names: bool
) -> list[tuple[str, str]]:
    """The gazetteer's people and organisations in ``tokens``, and with ``jieba_names`` those
    jieba's tags take for names, each with its kind (the gazetteer's, or jieba's tag's)."""
    found = []
    for tok in joined_names(tokens) if jieba_names else tokens:
        name = gaz.aliases.get(tok.lower())
        if name is None and tok not in tokens and tok not in gaz.not_names:
            found.append((tok, "person"))  # a surname and given name jieba cut apart
            continue
        if name is not None:
            found.append((name, gaz.kinds[name]))
            continue
        if jieba_names and tok.lower() not in lexicon.stopwords and tok not in gaz.not_names:
            if is_person_name(tok):
                found.append((tok, "person"))
            elif is_organisation(tok):
                found.append((tok, "organisation"))
    return found


_NOT_IN_ORG_NAME = ("v", "c", "p", "u", "m", "r", "d", "f")
"""jieba's tags of words no organisation's name holds (verbs, conjunctions, numerals, …)."""


def _org_name(name: str) -> bool:
    """An organisation's name for a chip: made of nouns and names alone (not 江州市网信办约谈,
    run on into a verb; not 张华和集团, a person and a company), and not a place's name alone (南川)
    nor places run together (中国大陆中甲: an organisation's name ends on its kind: 局, 集团, 俱乐部;
    jieba tags some brand words places, 瀚海智联's 智联, so one at the end alone does not count)."""
    words = cut(name)
    if (tag_of(words[0]) == "ns" and tag_of(words[-1]) == "ns") or _place_name(name):
        return False  # a place's name alone, or places run together (中国大陆中甲 of 中国大陆中甲球队)
    return not any(tag_of(w).startswith(_NOT_IN_ORG_NAME) for w in words)


def _place_name(name: str) -> bool:
    """Is ``name`` a place's name alone, by jieba: place words (``ns``), with or without the
    kind of place after them (临河|县, 清河县)?"""
    words = cut(name)
    if len(words) > 1 and words[-1] in _PLACE_ENDS:
        words = words[:-1]
    return all(tag_of(w) == "ns" for w in words)


def _tagged(
    tokens: Sequence[str], text: str, lexicon: Lexicon, gaz: Gazetteer, tagger: Tagger
) -> list[tuple[str, str]]:
    found = _by_tags(tokens, lexicon, gaz, jieba_names=False)
    names = tagger.names(text)
    for k, (tagged, kind, at) in enumerate(names):
        if _role_of_next(tagged, at, names[k + 1 : k + 2]):
            continue
        # a role word before a name (港商陈大文) is who the person is, and LAC may take the
        # whole for an organisation
        name = _without_role(tagged) if kind != "place" else tagged
        kind = "person" if name != tagged else kind
        canon = gaz.aliases.get(name.lower(), name)
        if lexicon.is_keyword(name) or canon in gaz.not_names or name.lower() in lexicon.stopwords:
            continue
        if kind == "place" or gaz.kinds.get(canon) == "place":
            found.append((canon, "place"))
            continue
        if kind == "organisation" and canon not in gaz.kinds and not _org_name(name):
            if _place_name(name):
                found.append((canon, "place"))  # LAC's 清河县 opening 清河县一座化工厂…: a place
                continue
            # a person named in what LAC ran together (张华 of 张华和集团) is still one
            found.extend((w, "person") for w in cut(name) if is_person_name(w) and w not in gaz.not_names)
            continue
        found.append((canon, gaz.kinds.get(canon, kind)))
    return found


def _role_of_next(name: str, at: int, following: list[tuple[str, str, int]]) -> bool:
    """A common noun tagged as a name right before a person's name is who that person is
    (港商 of 港商|陈大文, tagged apart), not a name of its own."""
    if not following or following[0][1] != "person" or following[0][2] != at + len(name):
        return False
    words = cut(name)
    return len(words) == 1 and tag_of(name) == "n"


def _without_role(name: str) -> str:
    """A person's name without the word for who they are that the tagger took in with it
    (港商陈大文 -> 陈大文, 记者王小明 -> 王小明): a common noun of two or more characters, then a
    surname and one or two more characters."""
    words = cut(name)
    if len(words) < 2 or len(words[0]) < 2 or tag_of(words[0]) != "n":
        return name
    rest = name[len(words[0]) :]
    if in_dictionary(rest) and not tag_of(rest).startswith("nr"):
        return name  # 瀚海智联: 智联 is a word (a place, by jieba), no one's name though 智 is a surname
    surname = rest[:2] if rest[:2] in surnames() else rest[:1]
    return rest if surname in surnames() and 1 <= len(rest) - len(surname) <= 2 else name


def tags(
    tokens: Sequence[str],
    lexicon: Lexicon,
    exclude: set[str],
    spread: Counter[str],
    limit: int,
    names: Sequence[str] = (),
) -> list[str]:
    """The event's telling words; words other events share (``spread``) are preferred, and
    words ``exclude`` holds or that are part of one of the ``names`` on the event's chips
    (大文 of 陈大文 says the name again) are left out."""
    idf, median = general_idf()
    cjk_names = [n for n in names if CJK_WORD.match(n)]
    parts = {n[i:j] for n in cjk_names for i in range(len(n)) for j in range(i + 2, len(n) + 1)}
    counts: Counter[str] = Counter()
    for tok in tokens:
        word = lexicon.canonical(tok)
        if word in exclude or word.lower() in lexicon.stopwords or not lexicon.is_content(word):
            continue
        if word in parts:
            continue
        if lexicon.is_keyword(word) and word.lower() not in lexicon.ignored:
            continue
        if CJK_WORD.match(word):
            if not tag_of(word).startswith(TAG_TAGS) or is_person_name(word):
                continue
        elif not _ACRONYM.match(word):
            continue
        counts[word] += 1
    scored = {
        w: (1 + math.log(n)) * idf.get(w, median) * (1.5 if spread.get(w, 0) > 1 else 1.0)
        for w, n in counts.items()
    }
    return sorted(scored, key=lambda w: -scored[w])[:limit]


_NAME_RUN = re.compile(r"(?<![\w.])(?:[A-Z][a-z]+|[A-Z]{2,}[a-z]*)(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,}[a-z]*))*")
_FULL_CALENDAR_WORDS = frozenset(
    {"january", "february", "march", "april", "may", "june", "july", "august", "september"}
    | {"october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday"}
    | {"saturday", "sunday"}
)
CALENDAR_WORDS = _FULL_CALENDAR_WORDS | set(EN_MONTHS) | {w for w in WEEKDAYS if w.isascii() and w.isalpha()}
"""Months and weekdays, full or abbreviated ("Oct.", "Tues"): a date, never a name."""
HOLIDAY_WORDS = frozenset(
    w.removesuffix("'s")
    for name in [*(k for k in HOLIDAYS if k.isascii()), *OFFICIAL_BREAKS.values()]
    for w in name.lower().replace("-", " ").split()
)
"""The words of holidays' English names ("New Year's Eve", "Spring Festival"): a capitalised run
made of them only is a date, not a name (`temporal.words` lists the holidays)."""
_SENTENCE_END = tuple(".!?:;\"“”'(-—")
LEADING_WORDS = frozenset(
    {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"}
    | {"since", "after", "before", "when", "while", "as", "in", "on", "at", "by", "for", "with"}
    | {"from", "but", "and", "or", "if", "of", "to"}
)
"""English words that open a capitalised run at a sentence start without being part of a name."""


def latin_names(text: str, lexicon: Lexicon, openers: Collection[str] = ()) -> list[str]:
    """Capitalised runs of English text not linked to a Chinese name, lower-cased.

    One capitalised word opening a sentence is no evidence of a name ("Shares", "The") unless it
    is one of ``openers`` (canonical: names other reports write mid-sentence, `opening_names`);
    calendar words, holidays' words ("New Year", "Eve", "Spring Festival") and stopwords are
    not names.
    """
    linked = {w for _, ws in lexicon.latin_matches(text) for w in ws}
    out = []
    for m in _NAME_RUN.finditer(text):
        run = m.group(0).lower()
        parts = run.replace("-", " ").split()
        while len(parts) > 1 and parts[0] in LEADING_WORDS:
            parts.pop(0)
        run = " ".join(parts)
        if all(w in CALENDAR_WORDS for w in parts):
            continue
        if all(w in linked for w in parts) or run in CALENDAR_WORDS or run in lexicon.stopwords:
            continue
        if all(w.removesuffix("'s") in HOLIDAY_WORDS for w in parts):
            continue
        before = text[: m.start()].rstrip()
        opening = len(parts) == 1 and (not before or before.endswith(_SENTENCE_END))
        if opening and lexicon.canonical(run) not in openers:
            continue
        out.append(lexicon.canonical(run))
    return out


@dataclass
class NameSpotter:
    """The names a quote states — people, organisations, places — in either script, canonical.

    Chinese names by the gazetteer and jieba's tags (`is_person_name`, `is_organisation`, place
    tags); Latin-letter names linked to a Chinese one (pinyin, gazetteer) count as that Chinese
    name; other capitalised runs in English text ("Port Aldine", "BYD") count as themselves,
    lower-cased, unless they are calendar words or stopwords.  Used as identity evidence
    (`identity`), so a name missed costs a vote, never a wrong merge.
    """

    lexicon: Lexicon
    gaz: Gazetteer
    _memo: dict[str, bool] = field(default_factory=dict)

    def is_name(self, term: str) -> bool:
        found = self._memo.get(term)
        if found is None:
            found = self._memo[term] = self._is_name(term)
        return found

    def _is_name(self, term: str) -> bool:
        if term in self.gaz.kinds or term in self.lexicon.names:
            return True
        if not CJK_WORD.match(term) or term in self.gaz.not_names or len(term) < 2:
            return False
        return is_person_name(term) or is_organisation(term) or tag_of(term) in ("ns", "nt", "nz")

    def __call__(self, terms: Sequence[str], text: str, latin: bool) -> set[str]:
        names = {t for t in terms if self.is_name(t)}
        if latin:
            names |= set(latin_names(text, self.lexicon))
        return names
