"""Generate a realistic news-search dump, deterministically from a seed.

The output has the format of ``content/dumps/*.txt`` (four header lines, then
headline / ``Outlet In Pinyin· YYYY-MM-DD HH:MM`` / one body line per record)
and the traits real dumps have:

* invented stories (a recall, an industrial accident, a food-safety case, a
  flood, ...) unfolding over weeks, each a chain of dated developments;
* Chinese bodies built from a vocabulary and sentence templates (so jieba
  meets real words at a realistic rate) and English bodies, some in the
  ``Core Viewpoint - ... Group 1: ...`` machine-summary style;
* 300-1,500 characters per body, many cut off with `` ...`` (excerpts);
* relative and absolute dates in the text, consistent with the publication
  time (昨晚, 1月5日晚, 上周五, 3天前, 2013年或2014年, ``On January 5``);
* many outlets in pinyin, some in sitegen's outlet table and some unknown;
* syndicated repeats (one passage in several outlets), exact duplicates,
  off-topic records that only share the keyword, stray spaces inside Chinese
  words, and bylines (作者:, 来源:, 文丨, 责任编辑:) inside bodies.

No name, place or phrase here belongs to a real story.

    python bench/gen_dump.py --records 10000 --seed 1 -o /tmp/dump.txt
    python bench/gen_dump.py --dense --records 2000 -o /tmp/dense.txt --gold /tmp/dense.toml

``--dense`` writes a breaking story instead (`gen_dense`): a few dozen happenings within three
weeks, each told by many outlets in different words, in Chinese and English.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

# -- vocabulary -------------------------------------------------------------------
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘"
GIVEN = [
    "建国",
    "晓明",
    "丽娟",
    "志强",
    "海涛",
    "雨桐",
    "子涵",
    "俊杰",
    "思远",
    "文博",
    "嘉怡",
    "国华",
    "春燕",
    "立新",
    "明辉",
    "雪梅",
    "宏伟",
    "静怡",
    "浩然",
    "晨阳",
    "秀英",
    "德胜",
    "玉兰",
    "光荣",
    "亚楠",
    "振华",
    "若曦",
    "一鸣",
    "可欣",
    "少华",
]
OUTLETS_KNOWN = (
    "Sou Hu Cai Jing",
    "Sou Hu Xin Wen",
    "Xin Lang Cai Jing",
    "Xin Lang Ke Ji",
    "Wang Yi Xin Wen",
    "Teng Xun Xin Wen",
    "Feng Huang Wang",
    "3 6 Ke",
    "Hu Xiu",
    "Tai Mei Ti",
    "Ji Mian Xin Wen",
    "Peng Pai Xin Wen",
    "Guan Cha Zhe Wang",
    "Huan Qiu Wang",
    "Ren Min Wang",
    "Xin Hua Wang",
    "Zhong Guo Xin Wen Wang",
    "Zhong Xin Jing Wei",
    "Yang Shi Xin Wen",
    "Guang Ming Wang",
    "Di Yi Cai Jing",
    "Cai Lian She",
    "Mei Ri Jing Ji Xin Wen",
    "Jing Ji Guan Cha Wang",
)
OUTLETS_UNKNOWN = (
    "Lin Jiang Ri Bao",
    "Nan Hu Xin Wen Wang",
    "Yun Gang Wan Bao",
    "Qing Zhou Dian Shi Tai",
    "Dong Ling Rong Mei Ti",
    "Che Shi Jie Guan Cha",
    "Shi Pin An Quan Bao",
    "Chan Ye Xian Chang",
    "Jin Rong Jie Mian",
    "Xiao Fei Zhe Zhi Sheng",
    "Ke Ji Qian Yan",
    "Hang Ye Zhou Kan",
    "Cheng Shi Kuai Bao",
    "Bei Fang Wang",
    "Da He Cai Jing",
    "Hai Xia Dao Bao",
)
SUBJECTS = [
    "业内人士",
    "多位专家",
    "记者",
    "不少网友",
    "监管部门",
    "消费者协会",
    "分析人士",
    "该公司",
    "当地居民",
    "律师",
    "行业协会",
    "知情人士",
    "相关负责人",
    "评论员",
    "投资者",
]
SAY = ["表示", "认为", "指出", "呼吁", "强调", "坦言", "透露", "分析称", "提醒", "介绍说"]
TOPICS = [
    "此次事件",
    "相关问题",
    "这一做法",
    "整改措施",
    "事故原因",
    "赔偿方案",
    "行业标准",
    "监管体系",
    "信息公开",
    "舆论风波",
    "后续处理",
    "调查进展",
    "责任认定",
    "市场反应",
]
AREAS = ["质量管理", "安全生产", "信息披露", "售后服务", "应急处置", "供应链管理", "内部控制", "风险评估"]
FLAWS = ["短板", "漏洞", "不足", "隐患", "盲区"]
REACTIONS = ["广泛关注", "热烈讨论", "公众担忧", "网友质疑", "连锁反应", "持续发酵"]
PREDICATES = (
    "暴露出{area}方面的{flaw}",
    "引发了{reaction}",
    "仍有待进一步调查核实",
    "需要更加及时透明的信息公开",
    "对整个行业产生了深远影响",
    "不能只停留在口头道歉上",
    "应当尽快给公众一个明确的交代",
    "反映出企业{area}的{flaw}",
    "已经成为社会关注的焦点",
    "需要监管部门加强日常检查",
)
FILLERS = (
    "截至发稿时，{co}尚未对此作出进一步回应。",
    "据了解，{place}有关部门已经介入调查，相关情况正在核实之中。",
    "记者多次拨打{co}客服电话，对方表示会将问题反馈给相关部门。",
    "在社交平台上，相关话题的阅读量已经超过{num}亿次，评论区争议不断。",
    "有网友发帖称，自己早在几个月前就遇到过类似问题，但投诉一直没有结果。",
    "对此，{place}市场监督管理局回应称，将依法依规处理，并及时向社会公布结果。",
    "公开资料显示，{co}成立于{year}年，主要业务覆盖全国{num}个省份。",
    "多名受访者告诉记者，他们更希望看到具体的整改时间表，而不是笼统的表态。",
    "一位不愿具名的员工透露，公司内部已经召开紧急会议，研究应对方案。",
    "专家建议，消费者遇到类似情况时应保留好相关凭证，通过正规渠道维权。",
)
EN_FILLERS = (
    "Analysts said the incident exposed gaps in {area_en}.",
    "The company did not respond to a request for comment by the time of publication.",
    "Local regulators said they would publish the findings of the investigation.",
    "Social media posts about the case have been viewed more than {num}00 million times.",
    "Consumer groups called for clearer timelines and independent oversight.",
    "Shares of the company fell {num}.{num2}% in early trading before recovering slightly.",
    "Industry observers expect the case to prompt stricter rules across the sector.",
)
AREAS_EN = ("quality control", "safety management", "disclosure", "after-sales service", "supply chains")
WEEKDAYS = "一二三四五六日"


# -- stories ------------------------------------------------------------------------
@dataclass(frozen=True)
class Kind:
    """A kind of story: who is in it and the developments it goes through."""

    keyword: str
    co: tuple[str, ...]  # company or body at the centre, with its English name
    place: tuple[str, ...]
    thing: tuple[str, ...]
    steps: tuple[tuple[str, str, str], ...]  # (Chinese headline, Chinese sentence, English sentence)


KINDS = (
    Kind(
        "召回",
        ("星驰汽车|Xingchi Auto", "蓝鲸电器|Lanjing Appliances", "华屿科技|Huayu Tech"),
        ("临江市", "云港市", "青州"),
        ("电池包", "刹车系统", "充电器", "智能门锁"),
        (
            (
                "{co}{thing}被曝存在缺陷",
                "多名用户在网上反映{co}{thing}存在异常发热和失灵问题",
                "users reported that {co_en} products overheated",
            ),
            (
                "{co}回应{thing}质量问题",
                "{co}发布声明称，已成立专项小组调查{thing}问题",
                "{co_en} said it had set up a task force",
            ),
            (
                "监管部门约谈{co}",
                "{place}市场监管部门约谈了{co}相关负责人，要求限期说明情况",
                "regulators in {place_en} summoned {co_en} executives",
            ),
            (
                "{co}宣布召回{num}万件{thing}",
                "{co}正式宣布召回{num}万件存在隐患的{thing}，并承诺免费更换",
                "{co_en} announced a recall of {num}0,000 units",
            ),
            (
                "{person}公开道歉",
                "{co}{role}{person}在发布会上公开道歉，承认公司在质量管理上存在失误",
                "{co_en} chief {person_en} apologised in public",
            ),
            (
                "调查结果公布",
                "联合调查组公布结果，认定{thing}设计缺陷是问题的主要原因",
                "investigators blamed a design flaw",
            ),
            (
                "{co}公布赔偿方案",
                "{co}公布赔偿方案，每位受影响用户可获得最高{num}千元补偿",
                "{co_en} published a compensation plan",
            ),
        ),
    ),
    Kind(
        "爆炸",
        ("明川化工|Mingchuan Chemical", "北岭材料|Beiling Materials"),
        ("东陵区", "白沙镇", "南湖县"),
        ("仓库", "反应釜", "储罐"),
        (
            (
                "{place}一化工厂发生爆炸",
                "{place}{co}厂区内一处{thing}发生爆炸，现场浓烟滚滚",
                "an explosion hit a {co_en} plant in {place_en}",
            ),
            (
                "救援力量连夜赶赴现场",
                "消防救援人员连夜赶赴现场开展搜救，周边居民被紧急疏散",
                "rescuers worked through the night",
            ),
            (
                "{place}通报伤亡情况",
                "{place}应急管理局通报，事故已造成{num}人受伤，多人送医救治",
                "officials said {num} people were injured",
            ),
            (
                "{co}相关责任人被控制",
                "警方通报，{co}{num}名相关责任人已被依法控制",
                "police detained {num} people from {co_en}",
            ),
            (
                "事故调查组成立",
                "省里成立事故调查组，对{thing}爆炸原因展开全面调查",
                "a provincial team opened an investigation",
            ),
            (
                "{place}开展安全大检查",
                "{place}决定在全区开展为期一个月的安全生产大检查",
                "{place_en} launched a month-long safety inspection",
            ),
        ),
    ),
    Kind(
        "食品安全",
        ("青禾食品|Qinghe Foods", "蓝山乳业|Lanshan Dairy"),
        ("云港市", "临江市"),
        ("儿童奶粉", "速冻水饺", "预制菜"),
        (
            (
                "{co}{thing}被检出问题",
                "抽检结果显示，{co}一批次{thing}菌落总数超标",
                "tests found problems in {co_en} products",
            ),
            (
                "{co}下架涉事批次产品",
                "{co}表示已下架涉事批次{thing}，并配合监管部门调查",
                "{co_en} pulled the batch from shelves",
            ),
            (
                "家长群体要求说明情况",
                "不少家长在社交平台上发声，要求{co}说明{thing}的生产流程",
                "parents demanded answers from {co_en}",
            ),
            (
                "{place}立案调查{co}",
                "{place}市场监管局对{co}立案调查，并封存相关原料",
                "{place_en} opened a case against {co_en}",
            ),
            (
                "{person}就{thing}事件致歉",
                "{co}{role}{person}发表致歉信，表示将全面排查生产环节",
                "{person_en} of {co_en} issued an apology",
            ),
        ),
    ),
    Kind(
        "暴雨",
        ("南湖县防汛指挥部|Nanhu flood office", "云港市气象台|Yungang weather bureau"),
        ("南湖县", "云港市", "白沙镇"),
        ("水库", "堤坝", "地铁站"),
        (
            (
                "{place}遭遇强降雨",
                "{place}遭遇今年以来最强降雨，多条道路积水严重",
                "record rain hit {place_en}",
            ),
            (
                "{place}{thing}出现险情",
                "{place}一处{thing}出现险情，抢险队伍连夜加固",
                "a {thing_en} in {place_en} was at risk",
            ),
            (
                "{num}万人紧急转移",
                "{co}通报，已紧急转移安置群众{num}万余人",
                "{num}0,000 residents were evacuated",
            ),
            (
                "灾后重建工作启动",
                "{place}启动灾后重建，首批救灾资金已经下拨",
                "reconstruction began in {place_en}",
            ),
        ),
    ),
)
HEAD_PREFIXES = ("", "", "", "突发｜", "追踪：", "最新进展：", "独家｜", "快讯：", "关注｜", "视频｜")
ROLES = ["董事长", "总经理", "新闻发言人", "副总裁", "负责人"]
THINGS_EN = {"水库": "reservoir", "堤坝": "levee", "地铁站": "metro station"}
PLACES_EN = {
    "临江市": "Linjiang",
    "云港市": "Yungang",
    "青州": "Qingzhou",
    "东陵区": "Dongling",
    "白沙镇": "Baisha",
    "南湖县": "Nanhu",
}
OFF_TOPIC = (
    (
        "{kw}话题之外：{place}春季招聘会开幕",
        "{place}春季招聘会今天开幕，{num}百家企业提供岗位，吸引大批求职者到场",
    ),
    ("一周财经速览", "本周市场整体震荡，多只{kw}概念股成交活跃，分析人士提醒投资者注意风险"),
    ("{place}文旅推介会举行", "{place}文旅推介会在省城举行，推出{num}条精品旅游线路"),
    (
        "科普：遇到{kw}类新闻该怎么看",
        "面对各类{kw}新闻，专家建议读者多方核实信息来源，不要轻信未经证实的说法",
    ),
)


@dataclass
class Development:
    step: int
    when: datetime
    values: dict[str, str]


@dataclass
class Story:
    kind: Kind
    values: dict[str, str]
    developments: list[Development] = field(default_factory=list)


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN)


def make_story(rng: random.Random, kind: Kind, start: datetime) -> Story:
    co, co_en = rng.choice(kind.co).split("|")
    place = rng.choice(kind.place)
    thing = rng.choice(kind.thing)
    person = _person(rng)
    values = {
        "co": co,
        "co_en": co_en,
        "place": place,
        "place_en": PLACES_EN.get(place, "the city"),
        "thing": thing,
        "thing_en": THINGS_EN.get(thing, "product"),
        "person": person,
        "person_en": f"Mr {person[0]}",
        "role": rng.choice(ROLES),
        "kw": kind.keyword,
    }
    story = Story(kind, values)
    when = start
    for i in range(len(kind.steps)):
        when = when + timedelta(days=rng.randint(1, 6), hours=rng.randint(-8, 8))
        when = when.replace(minute=rng.randrange(0, 60, 5), second=0)
        story.developments.append(Development(i, when, {"num": str(rng.randint(2, 60))}))
    return story


# -- dates in text --------------------------------------------------------------------
def part_of_day(h: int) -> str:
    return "凌晨" if h < 6 else "上午" if h < 12 else "中午" if h < 14 else "下午" if h < 18 else "晚"


def zh_when(event: datetime, published: datetime, rng: random.Random) -> str:
    """How a Chinese article published at ``published`` would name the day of ``event``."""
    days = (published.date() - event.date()).days
    pod = part_of_day(event.hour)
    options = [f"{event.month}月{event.day}日{pod}", f"{event.month}月{event.day}日"]
    if days == 0:
        options += ["今天" + pod.removeprefix("晚") + ("晚" if pod == "晚" else ""), "今日"]
    elif days == 1:
        options += ["昨晚" if pod == "晚" else "昨天" + pod, "昨日"]
    elif days <= 6:
        options.append(f"{days}天前")
        if published.weekday() < event.weekday() or days > published.weekday():
            options.append("上周" + WEEKDAYS[event.weekday()])
    return rng.choice(options)


def en_when(event: datetime, published: datetime, rng: random.Random) -> str:
    days = (published.date() - event.date()).days
    options = [f"On {event:%B} {event.day}"]  # C locale: English names
    if days == 1:
        options.append("Yesterday")
    elif 1 < days <= 6:
        options.append(f"On {event:%A}")
    return rng.choice(options)


# -- text -----------------------------------------------------------------------------
def _fill(template: str, values: dict[str, str], rng: random.Random) -> str:
    extra = {
        "area": rng.choice(AREAS),
        "flaw": rng.choice(FLAWS),
        "reaction": rng.choice(REACTIONS),
        "area_en": rng.choice(AREAS_EN),
        "year": str(rng.randint(1998, 2016)),
        "num2": str(rng.randint(0, 9)),
    }
    merged = {"num": str(rng.randint(2, 40)), **extra, **values}
    return template.format(**merged)


def zh_sentence(rng: random.Random, values: dict[str, str]) -> str:
    r = rng.random()
    if r < 0.45:
        pred = _fill(rng.choice(PREDICATES), values, rng)
        return f"{rng.choice(SUBJECTS)}{rng.choice(SAY)}，{rng.choice(TOPICS)}{pred}。"
    if r < 0.85:
        return _fill(rng.choice(FILLERS), values, rng)
    quote = _fill(rng.choice(PREDICATES), values, rng)
    return f"“{rng.choice(TOPICS)}{quote}，”{_person(rng)}说。"


def chinese_text(rng: random.Random, chars: int, values: dict[str, str] | None = None) -> str:
    """About ``chars`` characters of plausible Chinese news prose (for peers' pages too)."""
    values = {"co": "该企业", "place": "当地", "kw": "新闻", **(values or {})}
    out: list[str] = []
    n = 0
    while n < chars:
        s = zh_sentence(rng, values)
        out.append(s)
        n += len(s)
    return "".join(out)


def stray_spaces(text: str, rng: random.Random) -> str:
    """Extraction artefacts: spaces inside Chinese words where a line wrapped."""
    chars = list(text)
    for _ in range(rng.randint(1, 3)):
        i = rng.randrange(1, max(2, len(chars) - 1))
        if "\u4e00" <= chars[i - 1] <= "\u9fff" and "\u4e00" <= chars[i] <= "\u9fff":
            chars.insert(i, " ")
    return "".join(chars)


def byline(rng: random.Random, published: datetime, outlet_zh: str) -> tuple[str, str]:
    """A byline to put before (first) or after (second) the body, one side empty."""
    who = _person(rng)
    forms = (
        (f"文丨{who}", ""),
        (f"来源：{outlet_zh}", ""),
        ("", f"责任编辑：{who}"),
        ("", f"（来源：{outlet_zh}）"),
        (f"{published - timedelta(hours=3):%Y-%m-%d %H:%M:%S} 作者:{who}", ""),
        (f"记者 {who}", ""),
    )
    return rng.choice(forms)


def zh_body(rng: random.Random, story: Story, dev: Development, published: datetime, length: int) -> str:
    values = {**story.values, **dev.values}
    _, lead, _ = story.kind.steps[dev.step]
    first = f"{zh_when(dev.when, published, rng)}，{_fill(lead, values, rng)}。"
    parts = [first]
    if dev.step > 0 and rng.random() < 0.5:
        prev = story.developments[rng.randrange(dev.step)]
        _, earlier, _ = story.kind.steps[prev.step]
        parts.append(
            f"此前，{zh_when(prev.when, published, rng)}，{_fill(earlier, {**values, **prev.values}, rng)}。"
        )
    if rng.random() < 0.1:
        parts.append(
            f"有知情人士回忆，早在{rng.randint(2009, 2016)}年或{rng.randint(2010, 2017)}年，{values['co']}就曾出现过类似情况。"
        )
    n = sum(map(len, parts))
    while n < length:
        s = zh_sentence(rng, values)
        if rng.random() < 0.12:
            s += " "  # a lost paragraph break
        parts.append(s)
        n += len(s)
    return "".join(parts)


def en_body(rng: random.Random, story: Story, dev: Development, published: datetime, length: int) -> str:
    values = {**story.values, **dev.values}
    _, _, lead = story.kind.steps[dev.step]
    lead = _fill(lead, values, rng)
    first = f"{en_when(dev.when, published, rng)}, {lead}."
    if rng.random() < 0.3:  # a search tool's machine summary
        parts = [f"Core Viewpoint - {first} [1][2]"]
        g = 1
        while sum(map(len, parts)) < length:
            items = " - ".join(_fill(rng.choice(EN_FILLERS), values, rng) for _ in range(3))
            parts.append(f"Group {g}: Key Developments - {items}")
            g += 1
        return " ".join(parts)
    parts = [first]
    while sum(map(len, parts)) < length:
        parts.append(_fill(rng.choice(EN_FILLERS), values, rng))
    return " ".join(parts)


def zh_outlet_name(pinyin: str) -> str:
    """A Chinese outlet name for bylines (not a translation; just plausible)."""
    return {"Xin Hua Wang": "新华网", "Ren Min Wang": "人民网", "Peng Pai Xin Wen": "澎湃新闻"}.get(
        pinyin, "本报"
    )


# -- the dump ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Record:
    title: str
    outlet: str
    published: datetime
    body: str


def generate_records(n: int, seed: int = 1) -> tuple[str, list[Record]]:
    """The keyword and ``n`` records (in dump order: newest first, like a search page)."""
    rng = random.Random(seed)
    main_kind = KINDS[seed % len(KINDS)]
    start = datetime(2025, 3, 3, 9, 0) + timedelta(days=rng.randint(0, 300))
    # a few stories per kind so that weeks of news accumulate; the main kind dominates
    stories = [make_story(rng, main_kind, start + timedelta(days=7 * i)) for i in range(max(1, n // 1500))]
    stories += [
        make_story(rng, k, start + timedelta(days=rng.randint(0, 30))) for k in KINDS if k is not main_kind
    ]
    outlets = OUTLETS_KNOWN + OUTLETS_UNKNOWN
    records: list[Record] = []
    passages: list[tuple[str, datetime]] = []
    keyword = main_kind.keyword
    while len(records) < n:
        r = rng.random()
        outlet = rng.choice(outlets)
        if r < 0.02 and records:  # an exact duplicate (the same hit twice in the dump)
            records.append(rng.choice(records))
            continue
        if r < 0.14 and passages:  # syndication: the same passage in another outlet, later
            body, when = rng.choice(passages[-200:])
            published = when + timedelta(minutes=rng.randint(10, 600))
            title = rng.choice(records[-200:]).title
            if rng.random() < 0.4:
                title = f"{title}（转载）"
            records.append(Record(title, outlet, published, body))
            continue
        if r < 0.22:  # off-topic: shares only the keyword
            t_head, t_body = rng.choice(OFF_TOPIC)
            values = {"kw": keyword, "place": rng.choice(list(PLACES_EN)), "num": str(rng.randint(2, 9))}
            published = start + timedelta(days=rng.randint(0, 60), minutes=rng.randint(0, 1440))
            body = _fill(t_body, values, rng) + "。" + chinese_text(rng, rng.randint(200, 600), values)
            records.append(Record(_fill(t_head, values, rng), outlet, published, body))
            continue
        story = stories[0] if rng.random() < 0.5 else rng.choice(stories)
        if story.kind is not main_kind and rng.random() < 0.5:
            story = rng.choice(stories[: max(1, n // 1500)])
        dev = rng.choice(story.developments)
        published = dev.when + timedelta(minutes=rng.randint(30, 60 * 24 * 4))
        published = published.replace(second=0)
        values = {**story.values, **dev.values}
        title_t, _, _ = story.kind.steps[dev.step]
        length = int(rng.triangular(300, 1500, 700))
        if rng.random() < 0.2:
            body = en_body(rng, story, dev, published, length)
            title = f"{values['co_en']}: {_fill(story.kind.steps[dev.step][2], values, rng)}"
        else:
            body = zh_body(rng, story, dev, published, length)
            title = rng.choice(HEAD_PREFIXES) + _fill(title_t, values, rng)
            if rng.random() < 0.3:
                title += f"：{rng.choice(TOPICS)}{_fill(rng.choice(PREDICATES), values, rng)}"
            if rng.random() < 0.5:
                body = stray_spaces(body, rng)
            if rng.random() < 0.35:
                before, after = byline(rng, published, zh_outlet_name(outlet))
                body = " ".join(x for x in (before, body, after) if x)
        if rng.random() < 0.6:
            body = body[: max(200, len(body) - rng.randint(0, 200))].rstrip() + " ..."
        passages.append((body, published))
        records.append(Record(title, outlet, published, body))
    records.sort(key=lambda rec: rec.published, reverse=True)
    return keyword, records


def dump_text(keyword: str, records: list[Record]) -> str:
    lines = ["Workflow", keyword, "icon", "Search documents"]
    for rec in records:
        lines += [rec.title, f"{rec.outlet}· {rec.published:%Y-%m-%d %H:%M}", rec.body]
    return "\n".join(lines) + "\n"


def write_dump(path: Path, n: int, seed: int = 1, *, dense: bool = False, gold: Path | None = None) -> Path:
    """``dense``: the breaking-story dump of `gen_dense` (``gold``: also write what it knows)."""
    path = Path(path)
    if dense:
        here = str(Path(__file__).resolve().parent)
        if here not in sys.path:
            sys.path.insert(0, here)
        import gen_dense

        keyword, records, happenings, off = gen_dense.generate_dense(n, seed)
        if gold is not None:
            gold.write_text(gen_dense.gold_toml(path.name, happenings, off), encoding="utf-8")
    else:
        keyword, records = generate_records(n, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_text(keyword, records), encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", "-n", type=int, default=1000, help="number of records")
    ap.add_argument("--seed", type=int, default=1, help="random seed (same seed, same bytes)")
    ap.add_argument("-o", "--out", type=Path, required=True, help="dump file to write")
    ap.add_argument(
        "--dense",
        action="store_true",
        help="a breaking story: few dozen happenings told by many outlets in 3 weeks",
    )
    ap.add_argument(
        "--gold", type=Path, help="with --dense: also write the gold timeline (tests/gold_score.py)"
    )
    args = ap.parse_args(argv)
    if args.gold and not args.dense:
        ap.error("--gold needs --dense")
    write_dump(args.out, args.records, args.seed, dense=args.dense, gold=args.gold)


if __name__ == "__main__":
    main()
