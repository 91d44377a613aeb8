"""A *dense* dump: many outlets telling the same few dozen happenings, in different words, within three weeks.

The way a breaking story looks in a news search (issue 24): four companies, ten happenings each
(a fire, the shares' fall, a statement, a summons, a recall, an apology, findings, compensation,
a criminal case, an inspection), all inside 21 days, several on one day; every happening told
by many outlets, each in one of three Chinese or two English phrasings, dated by the prose
(4月3日晚, 昨天, 3天前, on Monday), with a same-day sibling in the same article half the time and
an earlier happening recalled in a third of them.  Around it what `gen_dump` dumps have:
filler sentences, syndicated copies, exact duplicates, off-topic records sharing the keyword,
stray spaces, bylines, ``...`` excerpts.

`gold_toml` writes what the generator knows, in the form `tests/gold_score.py` reads: each
happening's day, the records that report it, and words that tell it apart from its siblings.

    python bench/gen_dump.py --dense --records 2000 -o /tmp/dense.txt --gold /tmp/dense.toml
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

import gen_dump as g
from pypinyin import lazy_pinyin

# Each happening: a Chinese headline, Chinese phrasings as slots (one choice per slot, joined),
# English ones likewise, and words that say it (for the gold's ``terms``).  Slots multiply: a
# summons can be told in 4 x 3 x 3 x 4 = 144 Chinese ways, as outlets write their own sentences.
Slots = tuple[tuple[str, ...], ...]
STEPS: tuple[tuple[str, Slots, Slots, tuple[str, ...]], ...] = (
    (
        "{place}发生{co}{thing}起火事故",
        (("{place}一处", "{place}某小区一处", "有网友发布视频称，{place}一台", "据当地消防通报，{place}一处"),
         ("{co}{thing}", "搭载{co}{thing}的设备", "{co}生产的{thing}"),
         ("起火", "突然冒烟起火", "发生起火"),
         ("", "，所幸无人受伤", "，现场未造成人员伤亡", "，火势很快被扑灭")),
        (("a {co_en} {thing_en}", "a {thing_en} made by {co_en}", "video showed a {co_en} {thing_en}"),
         (" caught fire in {place_en}", " burst into flames in {place_en}", " burning in {place_en}"),
         ("", ", injuring no one", ", and firefighters put it out quickly")),
        ("起火", "冒烟", "caught fire", "burning", "flames"),
    ),
    (
        "{co}股价大跌",
        (("受消息影响，", "", "资本市场迅速作出反应，"),
         ("{co}股价", "{co}的股价", "{co}股票"),
         ("盘中一度大跌{num}%", "重挫{num}%", "应声下跌，收盘跌幅达{num}%", "大幅下挫{num}%"),
         ("", "，市值蒸发数十亿元", "，创下年内最大单日跌幅")),
        (("shares of {co_en}", "{co_en} stock", "{co_en}'s shares"),
         (" fell {num}%", " slumped {num} percent by the close", " tumbled {num}%"),
         ("", ", wiping billions off its market value")),
        ("股价", "股票", "shares", "stock"),
    ),
    (
        "{co}发布声明回应{thing}问题",
        (("{co}", "{co}方面", "{co}官方微博"),
         ("发布声明称，", "回应称，", "发文表示，", "在声明中说，"),
         ("已成立工作小组调查{thing}问题", "公司高度重视，正在全面排查{thing}", "将配合调查并及时公布进展")),
        (("{co_en}", "a {co_en} spokesperson"),
         (" said it had set up a task force to look into its {thing_en}", " issued a statement promising a full review of its {thing_en}",
          " said the company would cooperate with investigators")),
        ("声明", "回应称", "发文", "task force", "statement", "spokesperson", "cooperate"),
    ),
    (
        "监管部门约谈{co}",
        (("{place}市场监管部门", "{place}市场监管局", "当地监管部门", "{place}市监局"),
         ("约谈了", "召见了", "紧急约谈"),
         ("{co}相关负责人", "{co}高管", "{co}主要负责人"),
         ("", "，要求限期说明情况", "，要求企业立即整改", "，责令其提交整改报告")),
        (("regulators in {place_en}", "the {place_en} market regulator", "local authorities in {place_en}"),
         (" summoned {co_en} executives", " called in {co_en} managers", " summoned the heads of {co_en}"),
         ("", " and demanded an explanation", " and ordered a fix")),
        ("约谈", "召见", "summoned", "called in"),
    ),
    (
        "{co}宣布召回{num}万件{thing}",
        (("{co}", "{co}方面"),
         ("宣布召回", "向监管部门备案召回计划，将召回", "决定召回"),
         ("{num}万件存在隐患的{thing}", "{thing}{num}万件", "{num}万件{thing}"),
         ("", "并免费更换", "，用户可免费更换")),
        (("{co_en}", "{co_en}, in a filing,"),
         (" announced a recall of {num}0,000 {thing_en}s", " said it would recall {num}0,000 units", " is recalling {num}0,000 {thing_en}s"),),
        ("召回", "recall"),
    ),
    (
        "{person}公开道歉",
        (("{co}{role}{person}", "{person}"),
         ("公开道歉，", "在发布会上向用户鞠躬致歉，", "发表致歉信，"),
         ("承认公司在质量管理上存在失误", "表示责任在公司", "称将全面整改")),
        (("{co_en} chief {person_en}", "{person_en} of {co_en}"),
         (" apologised in public", " said sorry to customers at a press conference", " issued a written apology")),
        ("道歉", "致歉", "apologised", "sorry", "apology"),
    ),
    (
        "{co}{thing}调查结果公布",
        (("联合调查组公布结果，认定", "调查报告出炉：", "官方调查认定，"),
         ("{co}{thing}", "{co}生产的{thing}"),
         ("存在设计缺陷", "的设计缺陷是事故主要原因", "设计存在缺陷")),
        (("investigators blamed a design flaw in the {co_en} {thing_en}", "an official report found the {co_en} {thing_en} was badly designed",
          "a joint inquiry traced the problem to the design of the {co_en} {thing_en}"),),
        ("调查组", "调查报告", "调查认定", "investigators", "report found", "inquiry"),
    ),
    (
        "{co}公布赔偿方案",
        (("{co}", "{co}方面"),
         ("公布赔偿方案，", "宣布向受影响用户赔偿，", "表示将给予补偿，"),
         ("每位用户最高可获{num}千元", "最高{num}千元", "每户最高{num}千元")),
        (("{co_en}",),
         (" published a compensation plan of up to {num},000 yuan per customer", " will pay customers up to {num},000 yuan each",
          " offered compensation of up to {num},000 yuan")),
        ("赔偿", "补偿", "compensation", "pay customers"),
    ),
    (
        "{co}相关责任人被立案",
        (("{place}警方", "警方", "公安机关"),
         ("对{co}{num}名相关负责人立案侦查", "对{co}一名副总裁立案调查", "依法控制了{co}相关责任人")),
        (("police", "police in {place_en}"),
         (" opened a case against {num} {co_en} managers", " placed a {co_en} vice-president under investigation",
          " detained people responsible at {co_en}")),
        ("立案", "依法控制", "police"),
    ),
    (
        "{place}开展{thing}专项检查",
        (("{place}", "{place}市场监管局", "{place}有关部门"),
         ("决定开展为期一个月的", "部署", "启动全市"),
         ("{thing}专项检查", "{thing}安全专项整治", "{thing}安全大排查")),
        (("{place_en}", "authorities in {place_en}"),
         (" launched a month-long inspection of {thing_en}s", " ordered checks on all {thing_en}s")),
        ("专项", "排查", "整治", "inspection", "checks on"),
    ),
)  # fmt: skip
COMPANIES = (
    "星驰汽车|Xingchi Auto",
    "蓝鲸电器|Lanjing Appliances",
    "华屿科技|Huayu Tech",
    "明川新能源|Mingchuan Energy",
)
THINGS = {"电池包": "battery pack", "刹车系统": "brake system", "充电器": "charger", "智能门锁": "smart lock"}
SAME_DAY = (1, 6, 9)  # steps that fall on the day of the step before them (shares with fire, ...)
KEYWORD = "召回"
OFF_TOPIC = tuple(t for t in g.OFF_TOPIC if "{kw}" in "".join(t))  # those that share the keyword
WINDOW_DAYS = 21


@dataclass
class Happening:
    story: int
    step: int
    when: datetime
    values: dict[str, str]
    records: list[int]  # indexes into the generated list (before sorting)


def make_happenings(rng: random.Random, start: datetime) -> list[Happening]:
    """Four stories of ten happenings each, all within `WINDOW_DAYS` of ``start``."""
    out: list[Happening] = []
    places = list(g.PLACES_EN)
    for s, company in enumerate(COMPANIES):
        co, co_en = company.split("|")
        thing = rng.choice(list(THINGS))
        surname, given = rng.choice(g.SURNAMES), rng.choice(g.GIVEN)
        person = surname + given
        place = rng.choice(places)
        base = {
            "co": co, "co_en": co_en, "thing": thing, "thing_en": THINGS[thing], "place": place,
            "place_en": g.PLACES_EN[place], "person": person, "person_en": f"{_pinyin(surname)} {_pinyin(given)}",
            "role": rng.choice(g.ROLES), "kw": KEYWORD,
        }  # fmt: skip
        days = sorted(rng.sample(range(WINDOW_DAYS), len(STEPS)))
        for step in SAME_DAY:
            days[step] = days[step - 1]
        for step, d in enumerate(days):
            when = start + timedelta(days=d, hours=rng.randint(0, 12), minutes=rng.randrange(0, 60, 5))
            out.append(Happening(s, step, when, {**base, "num": str(rng.randint(2, 60))}, []))
    return out


def _pinyin(hanzi: str) -> str:
    """How an English report writes a Chinese name: 志强 -> Zhiqiang."""
    return "".join(lazy_pinyin(hanzi)).capitalize()


def _sentence(rng: random.Random, h: Happening, zh: bool) -> str:
    _, zh_slots, en_slots, _ = STEPS[h.step]
    return g._fill("".join(rng.choice(slot) for slot in (zh_slots if zh else en_slots)), h.values, rng)


def _filler(rng: random.Random, values: dict[str, str]) -> str:
    """A sentence of comment, as `gen_dump.zh_sentence` but never a dated fact (a founding year)
    that the story does not hold."""
    while True:
        s = g.zh_sentence(rng, values)
        if "成立于" not in s:
            return s


def _body(rng: random.Random, h: Happening, also: list[Happening], published: datetime, zh: bool) -> str:
    """The lead tells ``h``; ``also`` (same-day siblings, earlier ones) follow; filler to length."""
    length = int(rng.triangular(300, 1500, 700))
    if zh:
        parts = [f"{g.zh_when(h.when, published, rng)}，{_sentence(rng, h, True)}。"]
        for o in also:
            lead = (
                rng.choice(("同日", "当天", "同一天"))
                if o.when.date() == h.when.date()
                else "此前，" + g.zh_when(o.when, published, rng)
            )
            parts.append(f"{lead}，{_sentence(rng, o, True)}。")
        while sum(map(len, parts)) < length:
            parts.append(_filler(rng, h.values))
        body = "".join(parts)
        if rng.random() < 0.5:
            body = g.stray_spaces(body, rng)
        if rng.random() < 0.3:
            before, after = g.byline(rng, published, "本报")
            body = " ".join(x for x in (before, body, after) if x)
    else:
        parts = [f"{g.en_when(h.when, published, rng)}, {_sentence(rng, h, False)}."]
        for o in also:
            lead = "The same day" if o.when.date() == h.when.date() else g.en_when(o.when, published, rng)
            parts.append(f"{lead}, {_sentence(rng, o, False)}.")
        while sum(map(len, parts)) < length:
            parts.append(g._fill(rng.choice(g.EN_FILLERS), h.values, rng))
        body = " ".join(parts)
    if rng.random() < 0.6:
        body = body[: max(200, len(body) - rng.randint(0, 200))].rstrip() + " ..."
    return body


def generate_dense(n: int, seed: int = 1) -> tuple[str, list[g.Record], list[Happening], set[int]]:
    """``n`` records (newest first), the happenings (their ``records`` index the returned list)
    and the indexes of off-topic records."""
    rng = random.Random(seed)
    start = datetime(2026, 3, 2, 8, 0) + timedelta(days=rng.randint(0, 200))
    hs = make_happenings(rng, start)
    weights = [1 / (1 + i % 7) for i in range(len(hs))]  # some happenings are told far more often
    outlets = g.OUTLETS_KNOWN + g.OUTLETS_UNKNOWN
    made: list[tuple[g.Record, list[Happening], bool]] = []  # record, what it reports, off topic
    while len(made) < n:
        r = rng.random()
        outlet = rng.choice(outlets)
        if r < 0.02 and made:  # an exact duplicate
            made.append(rng.choice(made))
            continue
        if r < 0.14 and made:  # syndication: the same body in another outlet, later
            rec, told, off = rng.choice(made[-200:])
            later = rec.published + timedelta(minutes=rng.randint(10, 600))
            made.append((g.Record(rec.title, outlet, later, rec.body), told, off))
            continue
        if r < 0.20:  # off topic: shares only the keyword
            t_head, t_body = rng.choice(OFF_TOPIC)
            values = {"kw": KEYWORD, "place": rng.choice(list(g.PLACES_EN)), "num": str(rng.randint(2, 9))}
            published = start + timedelta(days=rng.randint(0, WINDOW_DAYS), minutes=rng.randint(0, 1440))
            parts = [g._fill(t_body, values, rng) + "。"]
            while sum(map(len, parts)) < rng.randint(200, 600):
                parts.append(_filler(rng, {"co": "该企业", **values}))
            body = "".join(parts)
            made.append((g.Record(g._fill(t_head, values, rng), outlet, published, body), [], True))
            continue
        h = rng.choices(hs, weights)[0]
        published = h.when + timedelta(minutes=rng.randint(20, 60 * 24 * 3))
        same = [o for o in hs if o is not h and o.story == h.story and o.when.date() == h.when.date()]
        earlier = [o for o in hs if o.story == h.story and o.when.date() < h.when.date()]
        also = []
        if same and rng.random() < 0.5:
            also.append(rng.choice(same))
        if earlier and rng.random() < 0.35:
            also.append(rng.choice(earlier))
        zh = rng.random() < 0.7
        body = _body(rng, h, also, published, zh)
        if zh:
            title = rng.choice(g.HEAD_PREFIXES) + g._fill(STEPS[h.step][0], h.values, rng)
        else:
            lead = _sentence(rng, h, False)
            title = lead[0].upper() + lead[1:]
        made.append((g.Record(title, outlet, published, body), [h, *also], False))
    order = sorted(range(len(made)), key=lambda i: made[i][0].published, reverse=True)
    records = [made[i][0] for i in order]
    seen: set[tuple[str, datetime, str]] = set()
    off: set[int] = set()
    for pos, i in enumerate(order):
        rec, told, is_off = made[i]
        key = (rec.outlet, rec.published, rec.title)
        if key in seen:  # an exact duplicate: the importer keeps the first; so does the gold
            continue
        seen.add(key)
        off |= {pos} if is_off else set()
        for h in told:
            h.records.append(pos)
    return KEYWORD, records, hs, off


def gold_toml(dump_name: str, hs: list[Happening], off: set[int]) -> str:
    """The generator's truth as a gold file (`tests/gold_score.py`); record numbers from 1."""
    lines = [
        f"# What bench/gen_dense.py knows about {dump_name}: each happening's day and its reports.",
        'title = "dense"',
        'language = "zh-CN"',
        f"off_topic = {sorted(i + 1 for i in off)}",
    ]
    for h in sorted(hs, key=lambda x: (x.when, x.story, x.step)):
        if not h.records:
            continue
        words = ", ".join(f'"{w}"' for w in STEPS[h.step][3])
        lines += [
            "",
            "[[happening]]",
            f'id = "s{h.story}-step{h.step}"',
            f'date = "{h.when:%Y-%m-%d}"',
            f'headline = "{g._fill(STEPS[h.step][0], h.values, random.Random(0))}"',
            f"reports = {sorted(i + 1 for i in h.records)}",
            f"terms = [{words}]",
        ]
    return "\n".join(lines) + "\n"
