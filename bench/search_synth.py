"""A synthetic site of N sources and N events, for measuring search at scale.

    python bench/search_synth.py OUT_DIR --sources 10000 [--seed 1]

Chinese text is drawn word by word from jieba's own dictionary, weighted by
its word frequencies, so the index sees a realistic spread of characters,
bigrams and words (a wider spread than one real story has, so sizes err
large).  One source in ten is English, built from the words of the default
site's English articles.  Every source also carries one sentence of the
default site, so the seed's queries have answers at scale too.  Events cite a
verbatim sentence of their source, like the importer's events do.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sitegen.config import load_config  # noqa: E402
from sitegen.content.load import load_site  # noqa: E402
from sitegen.core import frontmatter  # noqa: E402

_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_SENTENCES = re.compile(r"[^。！？!?\n]+[。！？!?]")


def dictionary_words() -> tuple[list[str], list[int], list[str]]:
    """jieba's words with cumulative frequencies, and the person names (nr) among them."""
    import jieba

    words, cum, names, total = [], [], [], 0
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2 or not _HAN.match(parts[0]):
            continue
        total += int(parts[1])
        words.append(parts[0])
        cum.append(total)
        if len(parts) > 2 and parts[2] == "nr" and 2 <= len(parts[0]) <= 3:
            names.append(parts[0])
    return words, cum, names


class Writer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, self.cum, self.names = dictionary_words()
        seed = load_site(load_config(REPO))
        texts = [s.text for s in seed.sources.values()]
        self.seed_sentences = [m.group(0).strip() for t in texts for m in _SENTENCES.finditer(t)]
        self.english = sorted({w for t in texts for w in re.findall(r"[A-Za-z]{2,}", t)})

    def zh_sentence(self) -> str:
        n = self.rng.randint(8, 24)
        picked = self.rng.choices(self.words, cum_weights=self.cum, k=n)
        mid = self.rng.randint(2, n - 2)
        return "".join(picked[:mid]) + "，" + "".join(picked[mid:]) + "。"

    def en_sentence(self) -> str:
        ws = self.rng.choices(self.english, k=self.rng.randint(8, 20))
        return " ".join(ws).capitalize() + "."

    def body(self, english: bool) -> str:
        make = self.en_sentence if english else self.zh_sentence
        paragraphs = []
        for _ in range(self.rng.randint(4, 9)):
            paragraphs.append((" " if english else "").join(make() for _ in range(self.rng.randint(3, 6))))
        paragraphs.insert(self.rng.randint(0, len(paragraphs)), self.rng.choice(self.seed_sentences))
        return "\n\n".join(paragraphs)


def generate(out: Path, n: int, seed: int = 1) -> Path:
    rng = random.Random(seed)
    w = Writer(rng)
    if out.exists():
        shutil.rmtree(out)
    (out / "content" / "sources").mkdir(parents=True)
    (out / "content" / "events").mkdir()
    (out / "content" / "site.toml").write_text(
        'title = "合成时间线"\nlanguage = "zh-CN"\ntimezone = "Asia/Shanghai"\n', encoding="utf-8"
    )
    outlets = [
        "".join(rng.choices(w.words, cum_weights=w.cum, k=2)) + rng.choice(["网", "日报", "财经", "新闻"])
        for _ in range(300)
    ]
    people = rng.sample(w.names, min(800, len(w.names)))
    tags = rng.choices(w.words, cum_weights=w.cum, k=300)
    start = datetime(2025, 1, 1, 8, 0)
    for i in range(n):
        english = i % 10 == 9
        body = w.body(english)
        title = (w.en_sentence() if english else w.zh_sentence())[:40].rstrip("，。. ")
        when = start + timedelta(minutes=rng.randint(0, 365 * 24 * 60))
        sid = f"{when:%Y-%m-%d}-s{i:05d}"
        src = {
            "id": sid,
            "title": title,
            "outlet": rng.choice(outlets),
            "published": when.strftime("%Y-%m-%dT%H:%M+08:00"),
            "lang": "en" if english else "zh",
        }
        (out / "content" / "sources" / f"{sid}.md").write_text(frontmatter.dump(src, body), encoding="utf-8")
        quote = rng.choice(_SENTENCES.findall(body) or [title]).strip()
        event = {
            "id": f"{when:%Y-%m-%d}-e{i:05d}",
            "title": title,
            "date": when.strftime("%Y-%m-%dT%H:%M+08:00"),
            "precision": "minute",
            "people": rng.sample(people, rng.randint(0, 2)),
            "tags": rng.sample(tags, rng.randint(0, 2)),
            "sources": [{"id": sid, "quote": quote}],
        }
        (out / "content" / "events" / f"{event['id']}.md").write_text(
            frontmatter.dump(event, ""), encoding="utf-8"
        )
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", type=Path)
    ap.add_argument("--sources", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    generate(args.out, args.sources, args.seed)
    print(f"wrote {args.sources} sources and events under {args.out}/content")


if __name__ == "__main__":
    main()
