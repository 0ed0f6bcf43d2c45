"""Chinese quantities: numerals with their unit, comparator and growth sense.

:func:`parse_zh_quantities` finds every quantity in a Chinese string:
``1.2万家`` (12000 count), ``1200亿元`` (1.2e11 CNY), ``百分之十五点三``
(15.3 %), ``2个百分点`` (2 pp), ``七成`` (70 %), ``三分之一`` (33.3 %),
``1-2个`` / ``一至两个`` (range), with the comparator read from the words
around it (超过 ``>``, 以上 ``>=``, 约/左右 ``~``, 以内 ``<=``, 低于 ``<``)
and the growth sense (同比增长, 年均增长, 提高…个百分点).

Numbers that are not quantities are dropped here: dates and times (2025年,
11月, 30日), ordinals and rankings (第二, 前三, 500强), document numbers
(〔2018〕224号, ICP备…号), scale adjectives (千亿级), plan names (十四五) and
numbers glued to Latin letters (5G, GB18030).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goalpost.extract._types import Quantity
from goalpost.extract._units_en import _lineage
from goalpost.extract._zh_numbers import (
    _DIGIT_CHARS,
    _UNIT_CHARS,
    CN_DIGITS,
    NUMERAL_RUN,
    normalize_zh,
    numeral_value,
)

__all__ = ["parse_zh_numbers", "parse_zh_quantities", "scan_quantities"]

_RUN = NUMERAL_RUN.pattern
# One pass finds 百分之X / 千分之X, X分之Y and plain numerals, in that order of preference.
# The lookahead names every character a match can start with, so that ``re``
# tries the three branches only there.
_CORE = re.compile(
    rf"(?=[\d.{_DIGIT_CHARS}{_UNIT_CHARS}半])(?:"
    r"(?<![\d/])(?P<sn>\d{1,3})/(?P<sd>\d{1,3})(?![\d/])|"
    rf"(?P<pden>[百千万])分之(?P<pnum>{_RUN})"
    rf"|(?P<run>{_RUN})(?:分之(?P<num>{_RUN}))?"
    r")"
)

# Unit words right after a numeral, longest first; value is (unit, factor).
_UNITS: dict[str, tuple[str, float]] = {
    "个百分点": ("pp", 1),
    "百分点": ("pp", 1),
    "个点": ("pp", 1),  # 提高了3个点: colloquial percentage points
    "%": ("%", 1),
    "‰": ("%", 0.1),
    "元人民币": ("CNY", 1),
    "人民币": ("CNY", 1),
    "元": ("CNY", 1),
    "美元": ("USD", 1),
    "美金": ("USD", 1),
    "美圆": ("USD", 1),
    "欧元": ("EUR", 1),
    "港元": ("HKD", 1),
    "港币": ("HKD", 1),
    "日元": ("JPY", 1),
    "英镑": ("GBP", 1),
    "新台币": ("TWD", 1),
    "澳门元": ("MOP", 1),
    "澳门币": ("MOP", 1),
    "台币": ("TWD", 1),
    "瑞士法郎": ("CHF", 1),
    "平方公里": ("sq km", 1),
    "平方千米": ("sq km", 1),
    "平方米": ("sq m", 1),
    "平米": ("sq m", 1),
    "立方米": ("cu m", 1),
    "公顷": ("ha", 1),
    "亩": ("mu", 1),
    "公里": ("km", 1),
    "千米": ("km", 1),
    "米": ("m", 1),
    "万吨": ("t", 1e4),
    "吨": ("t", 1),
    "千克": ("kg", 1),
    "公斤": ("kg", 1),
    "斤": ("kg", 0.5),
    "千瓦时": ("kWh", 1),
    "度电": ("kWh", 1),
    "千瓦": ("kW", 1),
    "兆瓦": ("MW", 1),
    "吉瓦": ("GW", 1),
    "标准箱": ("TEU", 1),
    "标箱": ("TEU", 1),
    "倍": ("times", 1),
    "个工作日": ("days", 1),
    "工作日": ("days", 1),
    "小时": ("hours", 1),
    "天": ("days", 1),
    "人年": ("person-years", 1),
    "人·年": ("person-years", 1),
    "微克/立方米": ("µg/m3", 1),  # PM2.5 年均浓度
    "EFLOPS": ("EFLOPS", 1),  # 算力规模
    "PFLOPS": ("PFLOPS", 1),
    "GWh": ("GWh", 1),
    "MWh": ("MWh", 1),
    "TWh": ("TWh", 1),
    "GW": ("GW", 1),
    "MW": ("MW", 1),
    "kW": ("kW", 1),
    "km": ("km", 1),
    "TEU": ("TEU", 1),
}
#: Measure words that make a numeral a count.
COUNT_WORDS: tuple[str, ...] = (
    "人次",
    "家次",
    "项次",
    "户次",
    "台套",
    "批次",
    "架次",
    "航次",
    "班次",
    "辆次",
    "列次",
) + tuple(  # fmt: skip
    "个家项人名件所座支台套辆户位种条只处间款次艘架部篇株头张份册栋幢枚颗门例棵匹宗笔单列趟"
)
_UNIT_RE = re.compile(
    r"\s*(?P<u>"
    + "|".join(
        re.escape(u) + ("(?![位子数状])" if u == "个点" else "")
        for u in sorted([*_UNITS, *COUNT_WORDS], key=len, reverse=True)
        if u != "个"
    )
    + r"|个(?![月])"
    + r")"
)
# Words after a numeral that make it a date, time, ordinal or scale word instead.
_NOT_QTY_AFTER = re.compile(
    r"\s*(?:年(?!均)|个?月|日|号|时(?!间)|点(?!\d)|分(?!之|别)|秒|周[年岁]?|岁|届|期|季度|世纪|强|级|代|版"
    r"|[A-Za-z]|〕|\]|】|\.\d|号线|路|楼|层|倍速|寸)"
)
_NOT_QTY_BEFORE = re.compile(
    r"(?:第|前|后|每|[A-Za-z]|〔|\[|【|“|「|No\.|编号|代码|电话|传真|邮编|\d\.)\s*$"
)
_CMP_PREFIX = re.compile(
    r"(?P<c>大于或者?等于|大于等于|小于或者?等于|小于等于|不少于|不低于|不小于|不超过|不高于|不大于|不足|不到|未达|"
    r"超过|突破|高于|多于|大于|超出|逾|超|至少|最少|起码|最多|至多|约为|约合|约|大约|大概|大致|将近|接近|近|"
    r"低于|小于|少于|控制在|>=|<=|≥|≤|>|<|最高|最低)\s*"
    r"(?:了|有|为|是|达到|达|在|到|可?(?:资助|补助|奖励|补贴|支持|给予|不超过))?\s*$"
)
# 至少建成1家, 最多支持3项: a bound, then the verb of the plan, then the number.
_CMP_VERB_PREFIX = re.compile(
    r"(?P<c>至少|最少|起码|最多|至多)\s*(?:再|新|要|将)?\s*"
    r"(?:建成|建设|建立|培育|引进|新增|打造|形成|布局|认定|实现|完成|举办|开展|招引|落地|扶持|孵化|创建|"
    r"组建|设立|培养|获得|支持|资助|推出|攻克|突破|制定|发布|服务|带动)(?:了|出)?\s*$"
)
_CMP_OF = {
    "大于或者等于": ">=",
    "小于或者等于": "<=",
    "大于或等于": ">=",
    "大于等于": ">=",
    "不少于": ">=",
    "不低于": ">=",
    "不小于": ">=",
    "至少": ">=",
    "最少": ">=",
    "起码": ">=",
    ">=": ">=",
    "≥": ">=",
    "小于或等于": "<=",
    "小于等于": "<=",
    "不超过": "<=",
    "不高于": "<=",
    "不大于": "<=",
    "最多": "<=",
    "至多": "<=",
    "控制在": "<=",
    "<=": "<=",
    "≤": "<=",
    "最高": "<=",
    "最低": ">=",
    "超过": ">",
    "突破": ">",
    "高于": ">",
    "多于": ">",
    "大于": ">",
    "超出": ">",
    "逾": ">",
    "超": ">",
    ">": ">",
    "低于": "<",
    "小于": "<",
    "少于": "<",
    "不足": "<",
    "不到": "<",
    "未达": "<",
    "<": "<",
}
_CMP_SUFFIX = re.compile(
    r"\s*(?P<c>(?:及|或者?)?以上|以下|以内|之内|之下|左右|上下|或者?更多|多(?![个项家万亿])|余)"
)
_SUFFIX_OF = {"以下": "<=", "以内": "<=", "之内": "<=", "之下": "<", "左右": "~", "上下": "~"}
_GROWTH = re.compile(
    r"(?P<g>同比|环比|比上年|较上年|比去年|较去年|年均|年平均|平均每年|每年)?"
    r"(?P<v>增长率|增长速度|增长幅度|增速|增幅|涨幅|降幅|增长|成长|增加|提高|提升|上升|上涨|下降|减少|降低|回落|下滑|收窄|扩大|"
    r"加快|放缓|负增长)?(?P<f>了|为|达到|达|到|至)?\s*$"
)
_ADDED = re.compile(r"(?:新增|净增|新增加)[^，,；;。、]{0,20}$")
_RATE_NOUNS = ("增长率", "增长速度", "增长幅度", "增速", "增幅", "涨幅", "降幅")
_DECREASE = ("下降", "减少", "降低", "回落", "下滑", "收窄", "放缓", "负增长", "降幅")
_RANGE_SEP = re.compile(r"\s*(?:-{1,2}|–|—{1,2}|~|至|到)\s*$")
_RANGE_BETWEEN = re.compile(r"\s*(?:-{1,2}|–|—{1,2}|~|至|到)\s*")
_AND_BETWEEN = re.compile(r"\s*[和与]\s*")
_BETWEEN_END = re.compile(r"\s*之?间")
_TENTHS = re.compile(r"\s*成(?![为员果本立熟效就交长绩都功型品套像分片年])")
_RATIO_OF = re.compile(r"是[^，,；;。]{0,12}的(?:[\d.]+倍[、和])*$")
_ABOUT_SHARE = re.compile(r"约占[^，,；;。]{0,12}$")
_GROWTH_AFTER = re.compile(r"\s*的?(?:增长|增速|增幅)")
# Currencies written before the number (人民币50亿元, 新台币286亿元, $20), longest first.
_CURRENCY_ISO = {"人民币": "CNY", "￥": "CNY", "¥": "CNY", "US$": "USD", "$": "USD", "美元": "USD",
                 "欧元": "EUR", "€": "EUR", "新台币": "TWD", "台币": "TWD", "港币": "HKD",
                 "港元": "HKD", "澳门币": "MOP", "澳门元": "MOP"}  # fmt: skip
_CURRENCY_BEFORE = re.compile(
    "(" + "|".join(map(re.escape, sorted(_CURRENCY_ISO, key=len, reverse=True))) + r")\s*$"
)
_CLAUSE_STOP = "，,。；;：:、！？!?（）()“”\"'《》\n"


@dataclass(slots=True)  # thousands per page: slots make them cheaper to build
class _Q:
    """A quantity being read; ``num_end`` is where the numeral itself ends."""

    start: int
    num_end: int
    end: int
    value: float
    unit: str = ""
    comparator: str = "="
    value_max: float | None = None
    growth: bool = False
    mult: float = 1.0  # multiplier written with the numeral (万, 亿), for ranges
    single_cn: bool = False  # one Chinese character such as 五 or 千
    dead: bool = False  # a date, ordinal or code: not a quantity, but blocks a range
    raw: float = 0.0  # the numeral's own value, before the unit's factor
    pre_cmp: bool = False  # the comparator was written before the number (超过1万家)


def _mult_of(run: str) -> float:
    """The multiplier a numeral ends with (5000亿 -> 1e8), for the left end of a range."""
    tail = run.rstrip("多余几")
    if tail.endswith("万亿"):
        return 1e12
    if tail.endswith("亿"):
        return 1e8
    if tail.endswith("万"):
        return 1e4
    return 1.0


_LEFT_TAIL = re.compile("[^" + re.escape(_CLAUSE_STOP) + "]*$")


def _left(norm: str, start: int, width: int = 16) -> str:
    """The clause-internal text just before ``start``."""
    seg = norm[max(0, start - width) : start]
    m = _LEFT_TAIL.search(seg)
    return m.group() if m else ""


def _read_core(norm: str, m: re.Match[str]) -> _Q | None:
    """The numeral at ``m`` with its unit word, before any comparator."""
    sn, sd, pden, pnum, run, num_ = m.groups()  # a tuple is cheaper than groupdict()
    start, end = m.start(), m.end()
    if sn:
        # 约占全国的1/3: a slash fraction is a share
        num, den = int(sn), int(sd)
        if den == 0 or num >= den or den > 12:
            return None
        return _Q(start, end, end, num / den * 100, "%", raw=num / den)
    if pden:
        got = numeral_value(pnum)
        while got is None and len(pnum) > 1:
            # 百分之七十百分位: the numeral ends where it stops making sense.
            pnum = pnum[:-1]
            got = numeral_value(pnum)
            end = m.start("pnum") + len(pnum)
        if got is None:
            return None
        scale = {"百": 1.0, "千": 0.1, "万": 0.01}[pden]
        q = _Q(start, end, end, got[0] * scale, "%", raw=got[0] * scale)
        if got[1]:
            q.comparator = ">"
        return q
    if num_:
        den_v, num_v = numeral_value(run), numeral_value(num_)
        if den_v is None or num_v is None or den_v[0] == 0:
            return None
        return _Q(start, end, end, num_v[0] / den_v[0] * 100, "%", raw=num_v[0] / den_v[0])
    after = norm[end : end + 6]
    if (
        len(run) == 1
        and run in _LONE
        and after[:1] not in _LONE_NEXT
        and not _UNIT_RE.match(norm, end)
    ):
        return None  # 统一, 一体化, 五位: a lone digit with nothing after it (fast path)
    got = numeral_value(run)
    if got is None:
        # A lone 万/亿 after 近/超/逾/过/上 is a round number: 近万家, 超亿元.
        before = norm[max(0, start - 1) : start]
        if run in ("万", "亿") and before in _ROUND_PREFIX:
            got = (1e4 if run == "万" else 1e8, False)
        else:
            return None
    value, approx = got
    single_cn = len(run) == 1 and not run.isdigit()
    mult = _mult_of(run) if "万" in run or "亿" in run else 1.0
    q = _Q(start, end, end, value, mult=mult, single_cn=single_cn, raw=value)
    if approx:
        q.comparator = ">"
    if run[0] in "百千万亿":
        before = norm[max(0, start - 1) : start]
        if before in ("数", "几", "成") or norm[max(0, start - 3) : start] in ("成千上", "成百上"):
            return None  # 数千家, 成千上万: a vague magnitude
        if before in _ROUND_PREFIX:
            q.comparator, q.start = _ROUND_PREFIX[before], start - 1
    digit_string = len(run) > 1 and not run.strip(_DIGIT_CHARS)  # all Chinese digits
    um = _UNIT_RE.match(norm, end)
    dm = None if um else _DURATION.match(after)
    if dm and _TIME_LIMIT.search(norm, max(0, start - 12), start):
        # 审查周期压减至16个月以内: a duration that is the indicator's value
        q.unit, q.end = "month", end + dm.end()
        return q
    if (
        (not um and _NOT_QTY_AFTER.match(after))
        or _NOT_QTY_BEFORE.search(norm[max(0, start - 4) : start])
        # 登陆, 队伍, 拾取: a lone financial digit is a word; 三次产业 is "the three sectors"
        or (single_cn and (run in _FINANCIAL or after.startswith("次产业")))
    ):
        q.dead = True
        return q
    if um:
        word = um.group("u")
        unit, factor = _UNITS.get(word, ("count", 1))
        q.unit, q.value, q.end = unit, q.value * factor, um.end()
    elif value <= 10 and _TENTHS.match(after):
        # 七成 = 70 %, 2.5成 = 25 %, 三成半 = 35 %
        q.unit, q.value, q.end = "%", value * 10, end + after.index("成") + 1
        if norm[q.end : q.end + 1] == "半":
            q.value, q.end = q.value + 5, q.end + 1
    elif after.startswith("折") and (digit_string or value <= 10):
        q.unit, q.end = "%", end + 1
        q.value = value if digit_string or value >= 10 else value * 10
    elif digit_string:
        return None  # 二三, 一一: not one number
    if q.unit == "times" and _RATIO_OF.search(norm[max(0, start - 24) : start]):
        q.dead = True  # 是2020年的2.2倍: a ratio between two figures, not a figure
    if q.unit == "days" and _EVENT_SPAN.search(norm, max(0, start - 4), start):
        q.dead = True  # 会期3天, 为期两天: how long an event lasts, not an indicator's value
    return q


def _comparator_and_growth(norm: str, q: _Q) -> None:
    """Comparator and growth from the words before and after the quantity."""
    left = _left(norm, q.start)
    lm = _CMP_PREFIX.search(left) or _CMP_VERB_PREFIX.search(left)
    if lm:
        cmp = _CMP_OF.get(lm.group("c"), "~")
        # 大概有五百多个: the 多 inside the numeral says more than "about" does.
        if not (cmp == "~" and q.comparator == ">"):
            q.comparator = cmp
        # The surface form includes the comparator words (超过1.2万家).
        q.start -= len(left) - lm.start()
        q.pre_cmp = True
        left = left[: lm.start()]
    if not lm and q.comparator == "=" and "约占" in left and _ABOUT_SHARE.search(left):
        q.comparator = "~"  # 约占全国的三分之一
    gm = _GROWTH.search(left)
    if gm and (gm.group("v") or gm.group("g")):
        verb, filler = gm.group("v") or "", gm.group("f") or ""
        rate = verb in _RATE_NOUNS or (gm.group("g") and not verb)
        if rate or (verb and filler not in ("到", "至", "为")):
            q.growth = True
            if verb in _DECREASE and q.value > 0:
                q.value = -q.value
    if (
        not q.growth
        and q.unit not in ("%", "pp")
        and _ADDED.search(norm, max(0, q.start - 24), q.start)
    ):
        q.growth = True  # 新增上市企业30家, 净增1300家: an addition, not a stock
    sm = _CMP_SUFFIX.match(norm, q.end)
    if sm:
        word = sm.group("c")
        if word.endswith(("以上", "更多")):
            q.comparator = ">="
        elif word in ("多", "余"):
            q.comparator = ">"
        else:
            q.comparator = _SUFFIX_OF[word]
        q.end = sm.end()
    if not q.growth and q.unit in ("%", "pp") and _GROWTH_AFTER.match(norm, q.end):
        q.growth = True  # 保持10%以上增长, 实现6%的增长
    # A unit may follow the suffix: 1.2万以上家
    if not q.unit:
        um = _UNIT_RE.match(norm, q.end)
        if um and sm:
            unit, factor = _UNITS.get(um.group("u"), ("count", 1))
            q.unit, q.value, q.end = unit, q.value * factor, um.end()


# Where a bare 元 is not the renminbi: the local dollar of the SARs and Taiwan.
_LOCAL_YUAN = {"Hong Kong": "HKD", "Macao": "MOP", "Taiwan": "TWD"}


def local_yuan(norm: str, start: int, end: int, region: str | None) -> str | None:
    """The currency a bare 元 (no 人民币 written) means in ``region``, when it is not CNY.

    >>> local_yuan("约330亿元", 1, 6, "Hong Kong"), local_yuan("330亿元人民币", 0, 9, "Hong Kong")
    ('HKD', None)
    """
    if norm[end - 1 : end] != "元" or "人民币" in norm[max(0, start - 3) : end]:
        return None
    return next((_LOCAL_YUAN[r] for r in _lineage(region) if r in _LOCAL_YUAN), None)


def _currency_prefix(norm: str, q: _Q) -> None:
    """人民币50亿元 / ￥300 / $20 / US$5: currency written before the number."""
    before = norm[max(0, q.start - 4) : q.start]
    m = _CURRENCY_BEFORE.search(before)
    if not m:
        return
    cur = _CURRENCY_ISO[m.group(1)]
    # why: 新台币286亿元 / 港币50亿元: the bare 元 after the number only says "currency unit"
    bare_yuan = q.unit == "CNY" and norm[q.end - 1 : q.end] == "元"
    if q.unit in ("", cur) or bare_yuan:
        q.unit = cur
        q.start -= len(m.group(0))


# 近万家, 超亿元, 上万家, 过亿: a lone 万/亿 is a round number after these
# (数万 "several ten-thousands" is not a figure).
_ROUND_PREFIX = {"近": "~", "超": ">", "逾": ">", "过": ">", "破": ">", "上": ">="}
_DURATION = re.compile(r"\s*个(?:多)?月")
_TIME_LIMIT = re.compile(
    r"(?:压减|压缩|缩短|缩减|减少|降低|减|降|控制|提速)(?:至|到|在|为)?\s*$|(?:周期|时限|时间|用时)(?:为|在)?\s*$"
)
# 会期3天, 为期5天, 历时两天: an event's length (审批时限压缩至3天 is a value and stays)
_EVENT_SPAN = re.compile(r"(?:会期|为期|历时|展期|持续)(?:约|共)?\s*$")
_FINANCIAL = set("壹贰叁肆伍陆柒捌玖拾佰仟")
_LONE = set(CN_DIGITS) | set("十拾百佰千仟半")
_LONE_NEXT = set("成折至到-~—–和与分以左")
_URL = re.compile(r"(?:https?://|www\.)[!-~]+")


def scan_quantities(norm: str) -> list[_Q]:
    """Every quantity in an already-normalised string (offsets into it)."""
    out: list[_Q] = []
    urls = [m.span() for m in _URL.finditer(norm)] if ("//" in norm or "www." in norm) else []
    for m in _CORE.finditer(norm):
        if out and m.start() < out[-1].end:
            continue  # inside the unit of the quantity before (5000千米)
        q = _read_core(norm, m)
        if q is None:
            continue
        if urls and any(a <= q.start < b for a, b in urls):
            continue  # digits of a web address
        if q.dead:
            # A number before a range separator and a date is part of the date: 1-11月.
            if out and not out[-1].unit and _RANGE_SEP.match(norm[out[-1].end : q.start] + ""):
                out[-1].dead = True
            out.append(q)
            continue
        # 负 / - written before the number (not a range dash after a digit).
        pre = norm[max(0, q.start - 1) : q.start]
        after_qty = bool(out) and out[-1].end >= q.start - 2 and not out[-1].dead
        pre2 = norm[max(0, q.start - 2) : q.start - 1]
        if pre == "负" or (pre == "-" and not after_qty and pre2 != "-"):
            q.value, q.raw, q.start = -q.value, -q.raw, q.start - 1
        _currency_prefix(norm, q)
        _comparator_and_growth(norm, q)
        out.append(q)
    out = _merge_ranges(norm, out)
    _inherit_in_lists(norm, out)
    return [q for q in out if not q.dead]


def _merge_ranges(norm: str, qs: list[_Q]) -> list[_Q]:
    """``1-2个``, ``一至两个``, ``3%-5%``, ``5000-6000亿元`` become one range."""
    merged: list[_Q] = []
    for q in qs:
        if merged:
            p = merged[-1]
            between = norm[p.end : q.start]
            if (
                not p.dead
                and not q.dead
                and len(between) <= 3
                and (
                    _RANGE_BETWEEN.fullmatch(between)
                    # 在3%和5%之间, 10000与20000间
                    or (
                        _AND_BETWEEN.fullmatch(between)
                        and (
                            _BETWEEN_END.match(norm[q.end : q.end + 3])
                            or _BETWEEN_END.match(norm[q.num_end : q.num_end + 3])
                        )
                    )
                )
                and (p.unit in ("", q.unit))
                and p.comparator in ("=", "~")
            ):
                # 5000-6000亿元: the right end's multiplier applies to a bare left end.
                lo = p.value * (q.mult if p.unit == "" and p.mult == 1.0 else 1.0)
                # The unit's factor applies to both ends (万吨, 斤).
                unit_factor = _UNITS.get(norm[q.num_end : q.end].strip(), ("", 1))[1]
                if p.unit == "" and unit_factor != 1:
                    lo *= unit_factor
                if q.growth and not p.growth and q.value < 0:
                    lo = -lo
                hi = q.value
                if lo > hi:
                    lo, hi = hi, lo
                merged[-1] = _Q(
                    p.start,
                    q.num_end,
                    q.end,
                    lo,
                    q.unit,
                    "range",
                    hi,
                    p.growth or q.growth,
                    q.mult,
                )
                continue
        merged.append(q)
    return merged


_LISTED = re.compile(r"\s*[、和及与,，]\s*")
# 确保增长6%、力争7%: a second tier of the same target
_TIER = re.compile(r"\s*[、,，]?\s*(?:力争|争取|确保|努力)(?:达到|实现|增长)?\s*")


def _inherit_in_lists(norm: str, qs: list[_Q]) -> None:
    """分别增长5.1%、6.2% / 分别超过1万家、2万家 / 确保增长6%、力争7%: a value
    listed right after another shares its growth sense and its comparator."""
    passed: set[int] = set()  # why: 分别超过30个、50个和100个 passes the comparator down the list
    for p, q in zip(qs, qs[1:], strict=False):
        p_cmp = p.pre_cmp or id(p) in passed
        if not (p.growth or p_cmp):
            continue  # nothing to pass on
        between = norm[p.end : q.start]
        listed = bool(_LISTED.fullmatch(between))
        if p.growth and not q.growth and q.unit == p.unit and (listed or _TIER.fullmatch(between)):
            q.growth = True
            if p.value < 0 < q.value:
                q.value = -q.value
        if listed and p_cmp and q.comparator == "=" and q.unit == p.unit:
            q.comparator = p.comparator
            passed.add(id(q))


def is_article(norm: str, q: _Q) -> bool:
    """一家, 一部, 两个中心: one Chinese character for 1 (or 2 with 个) before a count
    word is an article or a slogan's structure, not a figure; 两人, 两家 are figures."""
    if not (q.single_cn and q.unit == "count" and q.value_max is None):
        return False
    return q.value == 1 or (q.value == 2 and norm[q.num_end : q.end].strip() == "个")


def parse_zh_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity in a Chinese string, with offsets shifted by ``offset``.

    Bare numbers (no unit word) come back with ``unit=""``; one Chinese digit
    on its own (五, 一) is a word, not a quantity, unless a unit follows it.

    >>> [(q.value, q.unit, q.comparator) for q in parse_zh_quantities("高新技术企业超过1.2万家")]
    [(12000.0, 'count', '>')]
    >>> q = parse_zh_quantities("同比增长11.6%", offset=10)[0]
    >>> (q.start, q.end, q.value, q.unit, q.growth)
    (14, 19, 11.6, '%', True)
    """
    norm = normalize_zh(text)
    out: list[Quantity] = []
    for q in scan_quantities(norm):
        if q.single_cn and not q.unit and q.comparator in ("=", "~") and q.value_max is None:
            continue
        if is_article(norm, q):
            continue
        out.append(
            Quantity(
                start=q.start + offset,
                end=q.end + offset,
                value=q.value,
                unit=q.unit,
                comparator=q.comparator,
                value_max=q.value_max,
                growth=q.growth,
                surface=text[q.start : q.end],
            )
        )
    return out


def parse_zh_numbers(text: str, offset: int = 0) -> list[tuple[int, int, float]]:
    """The numeral layer alone: ``(start, end, value)`` of every number, unit
    factors not applied (``12斤`` is 12), with the same exclusions as
    :func:`parse_zh_quantities`.

    >>> parse_zh_numbers("一百五十对耳环和199个苹果")
    [(0, 4, 150.0), (8, 11, 199.0)]
    """
    norm = normalize_zh(text)
    out = []
    for q in scan_quantities(norm):
        if q.single_cn and not q.unit and q.value_max is None:
            continue
        out.append((q.start + offset, q.num_end + offset, q.raw))
    return out
