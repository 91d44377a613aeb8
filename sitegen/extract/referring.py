"""A sentence whose subject names its actor by reference ("The platform filed suit", 他在微博发文).

Such a report names its actor as the sentence before it did, so the names it does state (what a
suit is about: "…claiming the cost of Spring Tide") say nothing of who acted: a report naming
none of an event's names is then no clash of names (`identity.name_votes`, used by `merge`).
The words are data (`sitegen/data/referring.toml`).  A sentence may open on a short clause that
dates or places it ("On Tuesday, it said…", "当晚，他…"): the subject is read after it.
"""

from __future__ import annotations

import functools
import re
import tomllib

from ..core.sitedata import PACKAGE_DATA

_LEAD_EN = re.compile(r"^(?:[^,]{1,30},\s*)?")
"""a short opening clause ("On Tuesday, ") before the subject"""
_LEAD_ZH = re.compile(r"^(?:[^，,。；;：:]{1,8}[，,]\s*)?")
"""a short opening clause (当晚，) before the subject"""


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = tomllib.loads((PACKAGE_DATA / "referring.toml").read_text(encoding="utf-8"))
    pronouns = "|".join(map(re.escape, data["en_pronouns"]))
    dets = "|".join(map(re.escape, data["en_determiners"]))
    # a pronoun, or a determiner and one or two lower-case words, then a lower-case verb
    en = re.compile(rf"(?:(?i:{pronouns})|(?i:{dets})(?:\s+[a-z][a-z-]*){{1,2}})\s+[a-z]")
    zh = re.compile("|".join(map(re.escape, sorted(data["zh_openers"], key=len, reverse=True))))
    return en, zh


def refers_back(quote: str, lang: str) -> bool:
    """Does ``quote`` open (after a short dating clause) on a subject named by reference?"""
    en, zh = _patterns()
    text = quote.strip()
    if lang == "en":
        return any(en.match(text, m.end()) for m in (_LEAD_EN.match(text), re.match("", text)) if m)
    return any(zh.match(text, m.end()) for m in (_LEAD_ZH.match(text), re.match("", text)) if m)
