"""A synthetic site of N events for the serve benchmark (invented text, no real story).

Each source is a few paragraphs of pseudo-random Chinese; each event cites one
to three sources with a sentence copied verbatim from each, so the site passes
``sitegen check``.  Deterministic for a given seed.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sitegen.core import frontmatter
from sitegen.util.fsutil import atomic_write

CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面"
    "而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性"
    "好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第"
)
OUTLETS = ("Ri Bao", "Wan Bao", "Xin Wen Wang", "Cai Jing", "Ke Ji Ping Lun", "Dushi Kuaixun")


def sentence(rng: random.Random) -> str:
    return "".join(rng.choice(CHARS) for _ in range(rng.randint(18, 40))) + "。"


def paragraph(rng: random.Random) -> str:
    return "".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def make_site(root: Path, events: int, *, sources: int | None = None, seed: int = 7) -> Path:
    """Write ``root/content`` with ``events`` events and ``sources`` sources (default events // 2)."""
    rng = random.Random(seed)
    sources = sources or max(1, events // 2)
    content = root / "content"
    (content / "sources").mkdir(parents=True, exist_ok=True)
    (content / "events").mkdir(parents=True, exist_ok=True)
    atomic_write(
        content / "site.toml",
        'title = "合成时间线"\nlanguage = "zh-CN"\ntimezone = "Asia/Shanghai"\n',
        fsync=False,
    )
    tz = timezone(timedelta(hours=8))
    start = datetime(2020, 1, 1, 8, 0, tzinfo=tz)
    bodies: list[list[str]] = []
    for i in range(sources):
        paras = [paragraph(rng) for _ in range(rng.randint(2, 4))]
        bodies.append(paras)
        published = start + timedelta(hours=7 * i + rng.randint(0, 6))
        data = {
            "id": f"s{i:05d}",
            "title": sentence(rng)[:-1],
            "outlet": rng.choice(OUTLETS),
            "outlet_name": rng.choice(OUTLETS),
            "published": published.isoformat(timespec="minutes"),
            "lang": "zh",
            "excerpt": False,
            "on_topic": True,
        }
        atomic_write(
            content / "sources" / f"s{i:05d}.md", frontmatter.dump(data, "\n\n".join(paras)), fsync=False
        )
    for i in range(events):
        cited = rng.sample(range(sources), k=min(sources, rng.randint(1, 3)))
        day = start + timedelta(hours=3 * i)
        refs = []
        for s in cited:
            quote = rng.choice(rng.choice(bodies[s]).split("。")[:-1]) + "。"
            refs.append({"id": f"s{s:05d}", "quote": quote})
        data = {
            "id": f"e{i:05d}",
            "title": sentence(rng)[:-1][:24],
            "date": day.date().isoformat(),
            "precision": "day",
            "people": [],
            "tags": [],
            "sources": refs,
        }
        atomic_write(content / "events" / f"e{i:05d}.md", frontmatter.dump(data, sentence(rng)), fsync=False)
    return root
