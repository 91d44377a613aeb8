"""The Chinese (Simplified; Traditional is folded to it by `temporal_fold`) rules of the temporal extractor.

Each rule is found by name in `temporal_rules.ORDER`, which says which wins a tie;
its examples and near-misses are in ``tests/extract/temporal/fixtures/temporal_zh*.tsv``.
"""

from __future__ import annotations

import re

from sitegen.extract.temporal import holidays as H
from sitegen.extract.temporal import offsets as O
from sitegen.extract.temporal import spans as S
from sitegen.extract.temporal import words as W
from sitegen.extract.temporal.compose import resolve_range_end
from sitegen.extract.temporal.rules_common import (
    AD,
    AFTER,
    AMOUNT_ZH,
    AMT,
    AP,
    CAL,
    CLOCK,
    CLOCK_STRICT,
    CN,
    MP,
    N2,
    N2R,
    NE,
    PODS,
    PWD,
    SEP,
    SP,
    STOP_AFTER_DAY,
    TAIL,
    TZP,
    YEAR,
    YEAR_R,
    YP,
    YREL,
    YY,
    Rule,
    bare_day_ok,
    c,
    gap_ok,
    month_unit_ok,
    show_clause_ok,
    two_digit_year_ok,
)

CENTURY = rf"上个?世纪|本世纪|(?<![{AD}{CN}])(?:[{AD}]{{1,2}}|[一二三四五六七八九十]{{1,3}})世纪"


SEP_DAYS = SEP[:-1] + "|、)"
"""A range word between two days, or the list mark of two days in a row (3月16、17日)."""

ZH_RULES: tuple[Rule, ...] = (
    # 上半年/下半年(上半月) are the first and second halves, never "the half year before"
    Rule(
        "zh-span",
        "zh",
        "relative",
        c(
            rf"(?<![{AD}{CN}])(?P<spre>最近的?|过去的?|近|前|上|这|本)(?P<n>{AMT}|(?<![上下])半(?=个?[年月]))?(?P<ge>个)?{SP}"
            r"(?P<unit>季度|天|日|周|星期|礼拜|月|年|小时|钟头|分钟)(?![代度初中底末龄级纪轻前后了])"
            r"(?:以来|来|里|内|之内|中)?"
        ),
        S.resolve_span,
        check=S.span_ok,
    ),
    Rule(
        "zh-first-units",
        "zh",
        "absolute",
        c(
            rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yy>{YY}){SP}年{SP}|(?P<yrel>{YREL}){SP})(?:(?P<first>前|头)|(?P<last>后))"
            rf"(?P<n>{AMT})(?P<ge>个)?{SP}(?P<unit>季度|月|周|星期|天)"
        ),
        S.resolve_span,
    ),
    Rule(
        "zh-month-count",
        "zh",
        "absolute",
        c(
            rf"(?:(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yy>{YY}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<m>{N2}){SP}月份?"
            rf"|(?P<mrel>{W.alt(W.ZH_MONTH_WORDS)}))的?(?:(?P<first>前|头)(?P<n>{AMT}){SP}(?P<unit>天|日)"
            rf"|(?P<last>最后)(?P<n2>{AMT}){SP}(?P<unit2>天|日)"
            r"|第(?P<wk>[一二三四五1-5])个?(?:周|星期|礼拜)(?![一二三四五六日天1-7]))"
        ),
        S.resolve_month_count,
    ),
    Rule(
        "zh-year-range",
        "zh",
        "vague",
        c(
            rf"{AP}(?P<y>{YEAR}){SP}年?{SP}(?P<sep>或者?|至|到|—|–|－|-|~|～|、|和|与){SP}"
            rf"(?P<y2>{YEAR_R}){SP}年(?!代)(?:{SP}(?P<apost>前后|左右)|间|期间|之间)?"
        ),
        O.resolve_range,
    ),
    Rule(
        "zh-day-range",
        "zh",
        "absolute",
        c(
            rf"{AP}(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<m>{N2}){SP}月{SP}(?P<d>{N2}){SP}"
            rf"[日号]?{SP}{SEP_DAYS}{SP}(?:(?P<y2d>{YEAR_R}){SP}年{SP}(?=[{AD}{CN}]{{1,3}}{SP}月))?"
            rf"(?:(?P<m2>{N2R}){SP}月{SP})?(?P<d2>{N2R}){SP}[日号]"
            rf"(?:{SP}(?P<apost>前后|左右))?"
        ),
        O.resolve_range,
    ),
    Rule(
        "zh-month-range",
        "zh",
        "absolute",
        c(
            rf"{AP}(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<m>{N2}){SP}月?{SP}{SEP}{SP}"
            rf"(?P<m2>{N2R}){SP}月(?!{SP}{N2R}{SP}[日号])(?:{SP}(?P<apost>前后|左右))?"
        ),
        O.resolve_range,
    ),
    Rule(
        "zh-bare-day-range",
        "zh",
        "absolute",
        c(rf"(?P<d>{N2}){SP}[日号]{SP}(?P<sep>至|到|—|–|－|-|~|～){SP}(?P<d2>{N2R}){SP}[日号]"),
        O.resolve_range,
    ),
    Rule(
        "zh-generic-today",
        "zh",
        "not-event",
        c(
            r"今天(?=整个|这个时代|这样的|的时代|的社会|的中国|的世界|的市场)"
            r"|(?<=[跟和与同比])今天(?![凌上中下晚早])"
        ),
        NE,
        {"why": "generic 'today' (nowadays), not a date"},
    ),
    Rule(
        "zh-date",
        "zh",
        "absolute",
        c(
            rf"{AP}{TZP}(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yy>{YY}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<m>{N2}){SP}月(?:份)?"
            rf"(?:{SP}(?:(?P<d>{N2}){SP}(?:日|号)(?![{STOP_AFTER_DAY}])|{MP}))?{PWD}{TAIL}{AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-year",
        "zh",
        "absolute",
        c(
            rf"{AP}(?:(?P<y>{YEAR}){SP}年(?!代)|(?P<yy>{YY}){SP}年(?!代)|(?P<yrel>{YREL}))(?:{SP}{YP})?{AFTER}"
        ),
        CAL,
        check=two_digit_year_ok,
    ),
    Rule(
        "zh-decade",
        "zh",
        "vague",
        c(
            rf"(?:(?P<century>{CENTURY}){SP})?(?P<dec>(?<![{AD}])[{AD}]{{2}}|[{AD}]{{4}}"
            r"|[一二三四五六七八九][十〇零])年代(?P<dp>初期|初|中期|末期|末|后期|前期)?"
        ),
        CAL,
    ),
    Rule(
        "zh-century",
        "zh",
        "vague",
        c(rf"(?P<century>{CENTURY})(?P<cp>初期|初|早期|上半叶|中叶|中期|下半叶|末期|末|后期)?"),
        CAL,
    ),
    Rule(
        "zh-month-rel",
        "zh",
        "relative",
        c(
            rf"(?P<mrel>{W.alt(W.ZH_MONTH_WORDS)})(?:{SP}(?:(?P<d>{N2}){SP}(?:日|号)"
            rf"(?![{STOP_AFTER_DAY}])|{MP}))?{PWD}{TAIL}{AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-weekday",
        "zh",
        "relative",
        c(
            r"(?<![" + CN + r"几数每])(?P<wrel>上上|上个?|本|这个?|下个?)?"
            r"(?:(?<=[上本这个下])(?:周|星期|礼拜)的?(?=周|星期|礼拜))?(?:周|星期|礼拜)"
            rf"(?P<wd>[一二三四五六日天1-7])(?![{AD}年刊报])(?:{TAIL}){AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-week",
        "zh",
        "relative",
        c(
            r"(?<![每])(?P<wrel>上上|上个?|本|这个?|下下个?|下个?|刚刚过去的|刚过去的)(?:周|星期|礼拜)"
            r"(?![期年岁刊报一二三四五六日天1-7])(?P<wknd>末)?(?P<wearly>早些时候|稍早)?" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-fused", "zh", "relative", c(rf"(?P<dpod>{W.alt(W.ZH_FUSED)})(?!报)(?:{SP}{CLOCK})?{AFTER}"), CAL
    ),
    Rule(
        "zh-day-rel",
        "zh",
        "relative",
        c(
            rf"(?P<drel>{W.alt(W.ZH_DAY_WORDS)})(?!头条|之星|报|俄罗斯|美国|说法|关注|中国)(?:早些时候|晚些时候|稍早|稍晚)?{PWD}{TAIL}{AFTER}"
        ),
        CAL,
    ),
    Rule(
        "zh-bare-day",
        "zh",
        "absolute",
        c(rf"(?P<d>{N2}){SP}(?P<dsuf>日|号)(?![{STOP_AFTER_DAY}]){PWD}{TAIL}{AFTER}"),
        CAL,
        check=bare_day_ok,
    ),
    Rule(
        "zh-season",
        "zh",
        "absolute",
        c(
            rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})(?P<season>{W.alt(W.ZH_SEASON_WORDS)}"
            r"|[春夏秋冬](?![节装季天风雨雪假运]))" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-holiday",
        "zh",
        "absolute",
        c(
            rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?<![0-9０-９.．·])"
            rf"(?P<holiday>{W.alt(W.ZH_HOLIDAYS)})(?![0-9０-９])"
            rf"(?:(?=(?P<hday>{W.alt(W.SHOW_DAY_WORDS)})))?" + AFTER  # 双11当天 (`words.NAMED_SHOWS`)
        ),
        CAL,
        check=show_clause_ok,
    ),
    Rule(
        "zh-floating-holiday",  # 母亲节, 感恩节, 复活节: kept by weekday or computed, as in English
        "zh",
        "absolute",
        c(rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<fh>{W.alt(W.ZH_FLOATING)})"),
        H.resolve_floating,
    ),
    Rule(
        "zh-gap",
        "zh",
        "anchored",
        c(
            rf"(?P<pre>才|已经?|刚刚?|仅仅?|只)?(?P<verb>过去了?|过了|相隔了?|隔了|间隔了?|相距)?了?{SP}"
            rf"{AMOUNT_ZH}"
        ),
        O.resolve_offset,
        {"mode": "gap"},
        check=gap_ok,
        needs_before=re.compile(r"距离?|(?<![脱分隔远])离(?=上|前|此|那)"),
    ),
    Rule(
        "zh-interval",
        "zh",
        "anchored",
        c(rf"时隔了?{SP}{AMOUNT_ZH}(?:之后|以后|后)?"),
        O.resolve_offset,
        {"mode": "interval"},
        check=month_unit_ok,
    ),
    Rule(
        "zh-later",
        "zh",
        "anchored",
        c(rf"{AP}{AMOUNT_ZH}(?:之后|以后|过后|后)(?![来续期面半])"),
        O.resolve_offset,
        {"mode": "after"},
        check=month_unit_ok,
    ),
    Rule(
        "zh-ago",
        "zh",
        "relative",
        c(rf"{AP}{AMOUNT_ZH}(?:以前|之前|前)(?![往来进去夕后])"),
        O.resolve_offset,
        {"mode": "ago"},
        check=month_unit_ok,
    ),
    Rule(
        "zh-recent",
        "zh",
        "relative",
        c(rf"(?<![节生假纪念期忌])(?P<recent>{W.alt(w for w in (*W.RECENT, *W.LATELY) if not w.isascii())})"),
        O.resolve_recent,
    ),
    Rule(
        "zh-year-part",
        "zh",
        "relative",
        c(
            rf"(?<![{AD}{CN}今去前明后本当同次翌每])(?P<ypb>年初(?![步次期衷级心始中])"
            r"|年中(?=[，,。；、的时前左以])|年底|年末(?![班期])|开年(?![会度货终])|上半年|下半年)" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-quarter",
        "zh",
        "relative",
        c(
            rf"(?<![{AD}{CN}年])(?:第{SP})?(?P<q>[一二三四1-4]){SP}季度|(?<![A-Za-z])[QＱ](?P<q2>[1-4])"
            r"(?![0-9A-Za-z])"
        ),
        CAL,
    ),
    Rule(
        "zh-month-part",
        "zh",
        "relative",
        c(
            r"(?<![岁年个每])(?P<mpb>月初(?![步次期衷级心始中])|月中旬|月中(?=[，,。；、的时前左以])|月底|上半月|下半月"
            r"|月末(?![班期])|上旬|中旬|下旬)" + AFTER
        ),
        CAL,
    ),
    Rule(
        "zh-pod-clock",
        "zh",
        "anchored",
        c(rf"(?<![每天日])(?<!往往是)(?<!通常是)(?<!一般是){TZP}(?P<pod>{PODS}){SP}{CLOCK}{AFTER}"),
        CAL,
    ),
    Rule(
        "zh-pod",
        "zh",
        "anchored",
        c(
            rf"(?<![每天日当今昨明])(?P<pod>{W.alt(W.ZH_PARTS_STANDALONE)})"
            r"(?![饭餐点心报班市场好茶模食档节新])" + AFTER
        ),
        CAL,
    ),
    Rule("zh-clock", "zh", "anchored", c(rf"{TZP}{CLOCK_STRICT}{AFTER}"), CAL),
    # the end of a clock range (上午9点到11点): read with its start by temporal_compose
    Rule(
        "zh-clock-end", "zh", "anchored", c(rf"(?<=[至到~～—–\-])[ \t]?(?P<core>{CLOCK})"), resolve_range_end
    ),
    Rule(
        "zh-lunar",
        "zh",
        "absolute",
        c(
            rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yy>{YY}){SP}年{SP}|(?P<yrel>{YREL}){SP})?"
            rf"(?:(?P<nl>农历|阴历|旧历){SP}(?:(?P<ly>{YEAR}){SP}年)?"
            r"(?P<lm>闰?(?:十[一二]|[正一二三四五六七八九十冬腊]|1[0-2]|[1-9]))月"
            r"|(?P<lm2>闰?[正冬腊])月|(?P<lm3>闰(?:十[一二]|[一二三四五六七八九十]))月"
            r"|(?P<lm4>十[一二]|[一二三四五六七八九十])月(?=初|廿|卅))"
            r"(?P<ld>初[一二三四五六七八九十](?![些样般直共切同])|二十[一二三四五六七八九]?|三十|廿[一二三四五六七八九]?|卅"
            r"|十[一二三四五六七八九]|[一二三四五六七八九十](?![十月])|(?<=月)[0-3]?[0-9](?![0-9]))?(?:[日号])?"
            r"|大年(?P<big>三十|初[一二三四五六七八九十])"
        ),
        H.resolve_lunar,
    ),
    Rule(
        "zh-lunar-holiday",
        "zh",
        "absolute",
        c(
            rf"(?:(?P<y>{YEAR}){SP}年{SP}|(?P<yy>{YY}){SP}年{SP}|(?P<yrel>{YREL}){SP})?(?P<nl>农历)?"
            rf"(?P<lh>{W.alt(H.ZH_MOVING_HOLIDAYS)})"
            r"(?:(?P<night>之?夜)(?![市景色空宵])"
            r"|(?![轻纪级夜])(?P<period>假期|期间|前后|前夕|前(?![年月日天])|当天|当日|这天|那天|长假|黄金周|档期|档)?)"
        ),
        H.resolve_moving_holiday,
        check=H.lunar_holiday_ok,
    ),
    Rule(
        "zh-habitual",
        "zh",
        "not-event",
        c(
            rf"(?:每[{AD}{CN}]{{1,3}}个?(?:天|日|周|星期|礼拜|月|年|小时|分钟)"
            # 每年3月, 每月15日: a habit, not a date
            rf"|每年{SP}(?:的{SP})?[{AD}{CN}]{{1,2}}{SP}月(?:{SP}[{AD}{CN}]{{1,3}}{SP}[日号])?"
            rf"|每(?:个)?月{SP}(?:的{SP})?[{AD}{CN}]{{1,3}}{SP}[日号]"
            r"|每(?:天|日|晚|早|周|个?星期|个?礼拜|个?月|年|逢|当|到)(?:(?:周|星期|礼拜)[一二三四五六日天末]|[一二三四五六日天初底末])?"
            rf"(?:{SP}(?:{PODS}))?"
            rf"|(?:往往|通常|经常|总是|一般|常常|时常|平时|平常|习惯|有时|偶尔)(?:是|会|在|于|都)?{SP}"
            rf"(?:{W.alt(W.ZH_PARTS_STANDALONE)})"
            rf"|(?<![天日晚今昨当明])(?:{W.alt(W.ZH_PARTS_STANDALONE)})(?:起来|起床|醒来|睡前|睡觉)"
            rf"|(?<![天日当今昨明])(?:{W.alt(W.ZH_PARTS_STANDALONE)})[\u4e00-\u9fff]{{0,3}}?"
            r"(?:经常|通常|总是|一般都?|往往|常常|都会|都要|总会|照例))"
        ),
        NE,
        {"why": "habitual"},
    ),
    Rule(
        "zh-weekday-span",
        "zh",
        "not-event",
        c(
            r"(?<![上本这下个])(?:周|星期|礼拜)[一二三四五六日天](?:至|到|—|–|-|~|～)(?:周|星期|礼拜)?"
            r"[一二三四五六日天]"
        ),
        NE,
        {"why": "span of weekdays (a schedule, not a time)"},
    ),
    Rule(
        "zh-anniversary",
        "zh",
        "not-event",
        c(rf"(?:[{AD}]{{1,3}}|[{CN}百]{{1,4}})(?:多)?周年"),
        NE,
        {"why": "anniversary count"},
    ),
    Rule(
        "zh-same-period",
        "zh",
        "not-event",
        c(r"(?:去年|上年|上月|前年)同期"),
        NE,
        {"why": "comparison period, not a time"},
    ),
    Rule(
        "zh-many",
        "zh",
        "not-event",
        c(
            rf"(?<![{AD}{CN}])(?:许多|很多|好多|多)(?:个)?(?:年|天|日|月|周)(?:以前|之前|前|以后|之后|后"
            r"|以来|来)(?![往来进去夕后续期])"
        ),
        NE,
        {"why": "too vague to date"},
    ),
    Rule(
        "zh-ordinal",
        "zh",
        "not-event",
        c(
            rf"第{SP}(?:[{AD}]+|[{CN}百千几]+){SP}(?:次|届|个|名|位|季(?!度)|集|期|轮|场|代|年|天|日|周|把|局"
            r"|款|部|条|项|批|号|回|波|份|枪|球|代|版)"
        ),
        NE,
        {"why": "ordinal count"},
    ),
    Rule(
        "zh-age",
        "zh",
        "not-event",
        c(
            rf"(?:今年{SP})?(?<![{AD}{CN}])(?:[{AD}]{{1,3}}|[{CN}]{{1,4}})(?:多|来)?(?:周)?岁(?:时|那年|生日)?"
        ),
        NE,
        {"why": "age"},
    ),
    Rule(
        "height",
        "zh",
        "not-event",
        c(
            rf"[一二两]米[一二三四五六七八九零〇]{{1,2}}(?![{CN}])|(?<![{AD}.])[12](?:\.[0-9]{{1,2}})?米"
            r"(?![0-9])|(?<![0-9])[0-9]{2,3}(?:厘米|公分|cm)"
        ),
        NE,
        {"why": "quantity (height)"},
    ),
    Rule(
        "count-wan",
        "zh",
        "not-event",
        c(rf"(?<![{AD}.])[{AD}]+(?:\.[{AD}]+)?(?:多|余)?(?:万|亿)(?:多|余)?(?![元年])"),
        NE,
        {"why": "quantity (count)"},
    ),
    Rule(
        "zh-duration",
        "zh",
        "not-event",
        c(
            r"(?:将近|接近|(?<![最将接])近|约莫?|大约|大概|长达|整整|足足|仅仅?|只有|过去的?|最近的?|这|前|头"
            rf"|差不多|不到|不足|超过|逾|多达|短短|一连|连续)?{SP}{AMOUNT_ZH}"
            r"(?:多|半|左右|之久|以来|来|内|之内|里|间|时间)?"
        ),
        NE,
        {"why": "duration"},
        check=month_unit_ok,
    ),
    Rule(
        "zh-month-figure",  # 1月销量, 2025年1-2月的营收: a month's figure, not a happening's time
        "zh",
        "not-event",
        c(
            rf"(?:(?:{YEAR}|{YY}){SP}年{SP}|(?:{YREL}){SP})?[{AD}{CN}]{{1,2}}{SP}(?:[-至到]{SP}[{AD}{CN}]{{1,2}}{SP})?"
            r"月份?(?:的)?(?:全国|全球|国内|海外)?(?:新车|汽车|乘用车)?(?:销量|销售额|销售量|营收|营业收入|出口额?"
            r"|进口额?|产量|交付量|出货量|CPI|PPI|PMI|数据|订单量?)"
        ),
        NE,
        {"why": "a month's figure"},
    ),
    Rule("zh-duration-since", "zh", "not-event", c(r"(?:近|这些|多|近些)年来"), NE, {"why": "duration"}),
)
