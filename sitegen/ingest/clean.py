"""Clean the text of a record: the artefacts of extraction out, the words in.

Three jobs, each a small function:

* `join_stray_spaces` - web extraction leaves spaces inside Chinese words
  (``消防 部门``, ``3小 时``) where a line wrapped.  A space between two Chinese
  characters is removed when jieba says the boundary falls inside a word, or
  when the words around it cannot end / begin a clause (particles,
  prepositions, pronouns).  Spaces between Latin words, between names
  (``王小明 李华``) and after sentence punctuation stay.
* `extract_bylines` - attributions inside bodies (``作者:…``, ``来源:…``,
  ``文丨…``, column labels) become structured bylines instead of noise.
* `format_body` - paragraphs at sentence ends, and English machine summaries
  (``Core Viewpoint - … Group 1: … - …``) as sections and bullet points.

The characters themselves are never changed, only whitespace and the byline
strings that are moved out: every quote taken from the cleaned text can be
found in the dump once whitespace is ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import lru_cache

from ..core.markdown import escape_text
from ..util.segment import cut, posseg

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
_SENTENCE_END = "。！？!?…"
_CLOSERS = "”’」』）)】"
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u3000\u202f\u205f]+")
_STRAY = re.compile(f"(?<=[{CJK}0-9A-Za-z]) (?=[{CJK}])|(?<=[{CJK}]) (?=[0-9])")
_AFTER_COMMA = re.compile(f"(?<=[{CJK}][,、:]) (?=[{CJK}])")

# jieba part-of-speech flags around a space that show the clause goes on
_GLUE_LEFT = ("p", "c", "u", "r", "d")
_GLUE_RIGHT = ("u", "d", "c", "v", "a", "f", "y", "q")


@dataclass(frozen=True)
class Byline:
    """An attribution found in a body: who wrote it, where it came from, when."""

    role: str  # author | source | editor | reporter | column
    name: str
    time: str | None = None

    def to_fields(self) -> dict[str, str]:
        d = {"role": self.role, "name": self.name}
        if self.time:
            d["time"] = self.time
        return d


# -- whitespace --------------------------------------------------------------
def normalise_spaces(text: str) -> str:
    """All kinds of spaces to one ASCII space, runs collapsed, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


def join_stray_spaces(text: str) -> str:
    """Remove spaces that extraction put inside Chinese words; keep real separators."""
    text = normalise_spaces(text)
    if " " not in text or not _CJK_CHAR.search(text):
        return text
    out: list[str] = []
    last = 0
    for m in _STRAY.finditer(text):
        i = m.start()
        out.append(text[last:i])
        last = i + 1
        if not _is_separator(text, i):
            continue
        out.append(" ")
    out.append(text[last:])
    return _AFTER_COMMA.sub("", "".join(out))


def _is_separator(text: str, i: int) -> bool:
    """True when the space at ``text[i]`` is a real separator to keep."""
    left = _context_left(text, i)
    right = _context_right(text, i + 1)
    if not left or not right:
        return True
    if _inside_word(left, right):
        return False
    lflag, rflag = _flags(left, right)
    if lflag.startswith(_GLUE_LEFT) and not lflag.startswith("nr"):
        return False
    if lflag.startswith("v") and rflag in ("n", "vn", "an"):
        return False  # a verb and its object
    if rflag.startswith("m") and lflag.startswith(("n", "v", "f")) and not lflag.startswith("nr"):
        # a number and what it tells of (身高 一米七五, 节目中 两个团队), unless a verb follows the
        # number: then it opens a clause, as in a headline (发生火灾 三人受伤)
        return _verb_follows(right)
    return not (rflag.startswith(_GLUE_RIGHT) and not rflag.startswith(("vn",)))


def _context_left(text: str, i: int, width: int = 6) -> str:
    j = i
    while j > 0 and i - j < width and (text[j - 1].isalnum() or _CJK_CHAR.match(text[j - 1])):
        j -= 1
    return text[j:i]


def _context_right(text: str, i: int, width: int = 6) -> str:
    j = i
    while j < len(text) and j - i < width and (text[j].isalnum() or _CJK_CHAR.match(text[j])):
        j += 1
    return text[i:j]


@lru_cache(maxsize=65536)
def _inside_word(left: str, right: str) -> bool:
    """Does the dictionary segmentation of left+right put a word across the boundary?"""
    joined = left + right
    pos = 0
    for tok in cut(joined, hmm=False):
        end = pos + len(tok)
        if pos < len(left) < end and len(tok) > 1:
            return True
        pos = end
    return False


@lru_cache(maxsize=65536)
def _verb_follows(right: str) -> bool:
    """Is there a verb after the first word of ``right``?"""
    return any(flag.startswith("v") for _, flag in posseg(right)[1:])


@lru_cache(maxsize=65536)
def _flags(left: str, right: str) -> tuple[str, str]:
    """Part-of-speech flags of the words just before and just after the boundary."""
    lw = posseg(left)
    rw = posseg(right)
    lflag = lw[-1][1] if lw else ""
    rflag = rw[0][1] if rw else ""
    # a single Chinese character standing alone is a fragment, not a word
    if lw and len(lw[-1][0]) == 1 and _CJK_CHAR.match(lw[-1][0]) and lflag in ("x", "ng", "vg", "ag"):
        lflag = "u"
    return lflag, rflag


# -- bylines -------------------------------------------------------------------
_NAME = r"[^\s()（）:：,，。]{1,20}"
_NAMES = rf"{_NAME}(?: [{CJK}]{{2,4}}(?= |$))*"
_BYLINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "author",
        re.compile(
            r"(?:^| )(?P<time>\d{4}-\d{2}-\d{2} \d{1,2}:\d{2}(?::\d{2})?) "
            rf"(?:作者|文|撰文)\s*[:：]\s*(?P<name>{_NAME})(?= |$)"
        ),
    ),
    ("source", re.compile(r"[(（]\s*来源\s*[:：]\s*(?P<name>[^()（）]{1,30}?)\s*[)）]")),
    ("source", re.compile(rf"(?:^| )来源\s*[:：]\s*(?P<name>{_NAME})(?= |$)")),
    ("author", re.compile(rf"(?:^| )(?:作者|撰文)\s*[:：]\s*(?P<name>{_NAME})(?= |$)")),
    ("author", re.compile(rf"(?:^| )文\s*[丨|/｜]\s*(?P<name>{_NAMES})(?= |$)")),
    ("reporter", re.compile(rf"(?:^| )记者\s*[:：]?\s*(?P<name>{_NAMES})(?= |$)(?=.{{0,3}}$| )")),
    ("editor", re.compile(rf"(?:^| )(?:责任编辑|责编|编辑)\s*[:：]\s*(?P<name>{_NAMES})(?= |$)")),
    ("column", re.compile(r"(?:^| )(?P<name>新闻荐读|相关阅读|延伸阅读|推荐阅读)(?= |$)")),
)


_BYLINE_WORDS: tuple[tuple[str, ...], ...] = (
    ("作者", "文"),
    ("来源",),
    ("来源",),
    ("作者", "撰文"),
    ("文",),
    ("记者",),
    ("编辑", "责编"),
    ("阅读", "新闻荐读"),
)
"""For each of `_BYLINE_RULES`, words of which every match holds one (tested against the rules)."""


def extract_bylines(text: str, tz: tzinfo) -> tuple[str, list[Byline]]:
    """Move attributions out of ``text``; returns the text without them and the bylines.

    Rules are tried in order; a later rule never takes text an earlier one matched.
    Bylines come back in the order they stood in the text.
    """
    found: list[tuple[int, int, list[Byline]]] = []
    taken = bytearray(len(text))  # characters an earlier match took: one look per character, not per match
    for (role, pattern), words in zip(_BYLINE_RULES, _BYLINE_WORDS, strict=True):
        if not any(w in text for w in words):  # a rule's regex tries every position: not without its word
            continue
        for m in pattern.finditer(text):
            if taken.find(1, m.start(), m.end()) >= 0:
                continue
            taken[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
            name = m.group("name").strip()
            time = None
            if "time" in pattern.groupindex and m.group("time"):
                time = _iso_local(m.group("time"), tz)
            names = name.split(" ") if role in ("author", "reporter", "editor") else [name]
            found.append((m.start(), m.end(), [Byline(role, n, time) for n in names]))
    found.sort(key=lambda f: f[0])
    pieces: list[str] = []
    last = 0
    for start, end, _ in found:
        pieces.append(text[last:start])
        last = end
    pieces.append(text[last:])
    cleaned = re.sub(r"  +", " ", " ".join(p.strip() for p in pieces if p.strip()))
    return cleaned, [b for _, _, bs in found for b in bs]


def _iso_local(value: str, tz: tzinfo) -> str | None:
    try:
        fmt = "%Y-%m-%d %H:%M:%S" if value.count(":") == 2 else "%Y-%m-%d %H:%M"
        return datetime.strptime(value, fmt).replace(tzinfo=tz).isoformat()
    except ValueError:
        return None


# -- layout --------------------------------------------------------------------
_SUMMARY_HEAD = re.compile(r"^(?P<head>[A-Z][A-Za-z ]{2,40}?) - (?=[A-Z])")
_GROUP = re.compile(r" ?- ?(?=Group \d+: )|(?<=[.\]]) (?=Group \d+: )")
_GROUP_HEAD = re.compile(r"^(?P<head>Group \d+: [^-]{1,80}?) - ")
_BULLET = re.compile(r"(?<=[.\]!?]) - (?=[A-Z0-9\"'“])")


def is_machine_summary(text: str) -> bool:
    """English summaries written by a search tool: ``Core X - … Group 1: … - …``."""
    return bool(_SUMMARY_HEAD.match(text)) and bool(re.search(r"Group \d+: ", text))


def format_summary(text: str) -> str:
    """Lay a machine summary out as a lead paragraph, headed groups and bullet points."""
    parts = _GROUP.split(text)
    blocks: list[str] = []
    lead = parts[0].strip()
    m = _SUMMARY_HEAD.match(lead)
    if m:
        blocks.append(f"## {escape_text(m.group('head'))}")
        lead = lead[m.end() :]
    blocks.extend(_bullets(lead))
    for part in parts[1:]:
        part = part.strip()
        g = _GROUP_HEAD.match(part)
        if g:
            blocks.append(f"## {escape_text(g.group('head'))}")
            part = part[g.end() :]
        blocks.extend(_bullets(part, always=bool(g)))
    return "\n\n".join(b for b in blocks if b)


def _bullets(text: str, always: bool = False) -> list[str]:
    """Split ``a. - b. - c.`` into Markdown bullets (a single item stays a paragraph unless ``always``)."""
    items = [t.strip() for t in _BULLET.split(text.strip().removeprefix("- ")) if t.strip()]
    if len(items) <= 1 and not always and not text.strip().startswith("- "):
        return [escape_text(t) for t in items]
    return ["\n".join(f"- {escape_text(t)}" for t in items)]


def split_paragraphs(text: str) -> list[str]:
    """Split at a space that follows the end of a sentence (a lost paragraph break)."""
    paras: list[str] = []
    start = 0
    closers = _CLOSERS + "\"'"
    for m in re.finditer(" ", text):
        i = m.start()
        k = i - 1  # the last character before the space and its closing quotes or brackets
        while k >= 0 and text[k] in closers:
            k -= 1
        if k >= 0 and text[k] in _SENTENCE_END and _CJK_CHAR.search(text[max(0, i - 8) : i + 8]):
            paras.append(text[start:i].strip())
            start = i + 1
    paras.append(text[start:].strip())
    return [p for p in paras if p]


# -- the whole body --------------------------------------------------------------
# each run of spaces or of … is tried from its start only: linear, where "…" * n was quadratic
_EXCERPT_TAIL = re.compile(r"(?<!\s)\s*(?:\.\.\.|(?<!…)…+|。。。)\s*$")
_ELLIPSES = ("...", "…", "。。。")
"""What every `_EXCERPT_TAIL` ends on, before trailing spaces."""


@dataclass(frozen=True)
class CleanBody:
    text: str  # paragraphs separated by blank lines; bullets as "- " lines
    bylines: list[Byline]
    excerpt: bool
    lang: str  # "zh" or "en"


_CJK_RUN = re.compile(f"[{CJK}]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")


def detect_lang(text: str) -> str:
    """``zh`` when Chinese characters make up a fifth of the letters, else ``en``."""
    cjk = sum(map(len, _CJK_RUN.findall(text)))  # counted by runs: a list of runs, not of characters
    latin = sum(map(len, _LATIN_RUN.findall(text)))
    if cjk == 0 and latin == 0:
        return "zh"
    return "zh" if cjk * 5 >= latin else "en"


def clean_body(raw: str, tz: tzinfo) -> CleanBody:
    """From a dump's body line (or an imported file's paragraphs) to the text a source page shows."""
    text = normalise_spaces(raw)
    # the tail's regex tries every position: only a text ending on an ellipsis can have one
    excerpt = text.rstrip().endswith(_ELLIPSES) and bool(_EXCERPT_TAIL.search(text))
    text = _EXCERPT_TAIL.sub("", text) if excerpt else text
    text, bylines = extract_bylines(text, tz)
    lang = detect_lang(text)
    if is_machine_summary(text):
        body = format_summary(text)
    else:  # paragraphs a file gives (blank lines: CSV cells, feeds, pages) are kept; a dump has one line
        blocks = (join_stray_spaces(" ".join(b.split())) for b in re.split(r"\n\s*\n", text))
        body = "\n\n".join(escape_text(p) for b in blocks for p in split_paragraphs(b))
    return CleanBody(body, bylines, excerpt, lang)


def clean_title(raw: str) -> str:
    """Titles are plain text (front matter), so only whitespace is cleaned."""
    return join_stray_spaces(raw)
