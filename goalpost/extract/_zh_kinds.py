"""Target or observation, the indicator phrase, the owner region, and non-items.

All functions work on the normalised sentence (see ``normalize_zh``) with
offsets into it; ``goalpost.extract._zh`` shifts them into the document.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = [
    "classify_kind",
    "find_indicator",
    "find_region",
    "is_document_part",
    "per_capita_unit",
    "region_mentions",
    "sentence_subject",
]

_CLAUSE_STOP = re.compile(r"[，,；;：:。！？!?\n]")

# --- kind -----------------------------------------------------------------

# Words of intent. 会/争取 only as modals (会投入, 争取到), not as nouns or main
# verbs (会议, 争取资金); 将 not in 将近; 要 only before a verb of achievement.
# Every alternative opens with a literal character (a look-behind comes after
# it: 会(?<!社会) is (?<!社)会), so that ``re`` skips to where a word can start.
_TARGET_WORDS = re.compile(
    r"会(?<![社大开机学协年工理都总]会)(?=[预投安提设建达增推成])|力争|确保"
    r"|争取(?=到|在|用|把|使|实现|达到|突破|超过|建成|形成|全年|年内|\d)"
    r"|目标|预期|预计到|计划到|规划到|努力|将(?!近|来)"
    r"|计划(?=[实投完建新开引培推启])|年度计划"
    r"|要(?<![主重需只还]要)(?:达到|实现|确保|突破|超过|保持|力争)"
    r"|更加(?:完善|提升)|进一步(?:完善|提升)|基本建成|全面建成|形成.{0,6}格局"
)
_OBSERVE_WORDS = re.compile(
    r"截至|截止|已经|已(?<![而并]已)(?![于有]?[经])|累计|同比|环比|比上年|较上年|比去年|较去年|上年|去年|共有|现有|"
    r"拥有(?!量)|位居|排名|居全|完成了|实现了|达到了|增长了|提高了|首次|历史新高|创新高|全年(?:实现|完成|共)|"
    r"同期|分别占|总计|合计|过去一年|过去五年|五年来|一年来|以来|初步核算|按可比价格|按不变价格|完成率|目前"
)
_PLAN_VERB_LEAD = re.compile(
    r"\s*(?:[（(]?[一二三四五六七八九十\d]{1,2}[)）、.]\s*)?(?:力争|加快|着力|重点)?"
    r"(?:培育|打造|建设|建成|推动|布局|组建|创建|争创|引进|实施|构建|形成)"
)
_ESTIMATE = re.compile(r"预计|初步统计|初步核算|估计")
# 比重由去年的45%提高到48%: the baseline's time words do not describe the new level
_BASELINE_FROM = re.compile(
    r"由[^，,；;。由]{0,30}?(?=(?:提高|提升|增加|增长|扩大|下降|降低|减少|压减|降)(?:到|至))"
)
# 主要目标是：…；…: a colon lead of targets governs the rest of its sentence
_TARGET_LEAD = re.compile(r"目标(?:是|为|如下)?[:：][^。！？!?]*$")


def classify_kind(
    prefix: str,
    clause: str,
    date_year: int | None,
    role: str | None,
    doc_year: int | None,
    governing_year: int | None,
    is_plan: bool,
    governing_is_point: bool = False,
    governing_target: bool = False,
    task_section: bool = False,
) -> str:
    """``"target"`` or ``"observation"`` for one quantity.

    ``prefix`` is the sentence up to the quantity, ``clause`` the clause around
    it; ``date_year``/``role`` describe the time expression that dates it.

    >>> classify_kind("到2025年，全市研发投入达到", "全市研发投入达到1000亿元", 2025, "deadline", 2021, None, True)
    'target'
    >>> classify_kind("2022年，全市研发投入", "全市研发投入1000亿元，同比增长10%", 2022, "point", 2023, None, False)
    'observation'
    """
    t = o = 0
    if role == "asof":
        o += 3
    if date_year is not None and doc_year is not None:
        if date_year > doc_year:
            t += 3
        elif date_year < doc_year:
            o += 3 if role != "deadline" else 2
        elif role == "deadline":
            t += 1
    elif role == "deadline":
        t += 2
    if _PLAN_VERB_LEAD.match(prefix):
        t += 1  # 培育形成…, 打造…: a sentence that opens with an action reads as a plan
    if "由" in prefix:
        prefix = _BASELINE_FROM.sub("", prefix)
    if governing_target or ("目标" in prefix and _TARGET_LEAD.search(prefix)):
        t += 4  # under 主要目标是：, in this sentence or an earlier clause of the list
    if task_section and date_year is None:
        t += 2  # under 重点工作 / 主要目标: a lean towards targets that reported words outweigh
    context = (prefix + clause)[-240:]  # the words near the figure, so long sentences stay linear
    targets = len(_TARGET_WORDS.findall(context))
    observed = _OBSERVE_WORDS.findall(context)
    ahead = date_year is not None and doc_year is not None and date_year > doc_year
    if (is_plan or ahead) and "已" not in context:
        # a plan's (or a future year's) 累计建设30个 is a goal's running total
        observed = [w for w in observed if w != "累计"]
    observes = len(observed)
    t += 2 * min(targets, 2)
    o += 2 * min(observes, 2)
    current = date_year is None or doc_year is None or date_year <= doc_year
    near = prefix[-200:]
    if current and _ESTIMATE.search(near) and "预计到" not in near:
        # 预计全年增长6%左右: an estimate for the period in progress is a statistic.
        o += 3
    if governing_is_point and date_year is None:
        o += 3
    if governing_year is not None and date_year is None:
        if doc_year is None or governing_year >= doc_year:
            t += 2
        else:
            o += 3  # “十三五”期间，…；… : a past period governs statistics
    if is_plan:
        t += 1
    else:
        o += 1
    if t == o:
        return "target" if is_plan else "observation"
    return "target" if t > o else "observation"


# --- indicator ------------------------------------------------------------

_LEAD = re.compile(
    r"(?:[\s,，、.．:：)）]|其中|同时|此外|另外|全年|每年|每天|每月|年均|年末|年初|年底|年中|目前|当前|现已|已经|已|"
    r"共有|现有|拥有|累计|同期|"
    r"预计|力争|确保|争取|计划|我们将|我们|将|要|使|园区|该市|该省|该区|高新区|和|及|与|"
    r"(?:比|较)(?:上月|上年末|上年同期|上年|去年同期|去年|同期|上季度|上半年)|目标值|"
    r"基本|全面|初步|进一步|持续|努力|推动|推进|加快|促进|带动|引导|实现|"
    r"全市|全省|全国|全区|我市|本市|我省|本省|我国|我区|本区|年均|"
    r"\d{1,2}[、.．]|[（(]?[一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]|"
    r"时|内|底|末|前|期间|末期|以来|共|由|从|在|的|到|至)"
)
_TRAIL = re.compile(
    r"(?:达到了|达到|达|为|是|有|实现|突破|超过|超|逾|近|约为|约|共计|共|合计|累计|分别|"
    r"增长率|增长速度|增长幅度|增速|增幅|涨幅|降幅|增长|增加到|增加至|增加|提高到|提高至|提高|提升到|提升至|提升|增至|升至|"
    r"降至|下降到|下降至|下降|减少|降低到|降低至|降低|回落|上升|上涨|稳定在|保持在|保持|控制在|维持在|"
    r"占比|同比|环比|比上年|较上年|比去年|较去年|年均|年平均|平均每年|平均|已经|已|将|要|力争|确保|争取|"
    r"预计|了|的|在|到|至|由|从|以上|大于|小于|不低于|不少于|不超过|不高于|低于|高于|至少|最多|"
    r"建成|建设|培育|引进|认定|新增|拥有|共有|聚集|集聚|形成|孵化|获批|备案|登记|签订|授权|"
    r"吸引|带动|实施|完成|安排|实际|同比实际|目标值|"
    # （ and ( as two literals: with every alternative opening with a literal,
    # ``re`` skips to where one can start instead of trying them all everywhere.
    r"（(?:%|％|[万亿]?元|[万]?家|个|项|件|人|万人|人年)[)）]|\((?:%|％|[万亿]?元|[万]?家|个|项|件|人|万人|人年)[)）])\s*$"
)
_VERB_LEAD = re.compile(
    r"(?:新认定|认定|培育|引进|建设|建成|打造|新建|组建|布局|孵化|集聚|吸引|培养|设立|创建|争创|扶持|"
    r"服务|形成|拥有|聚集|汇聚|入选|获批|获得|获|取得|完成|实施|支持|资助|引育|招引|落地|推广|"
    r"认证|参与|带动|吸纳|新增培育|累计培育|累计建成|累计认定|累计引进|共有|现有|签订|撬动|"
    r"新培育|新引进|新设立|新建设|新认定)"
)


def _strip(s: str, a: int) -> tuple[int, int]:
    """Trim leading context words and trailing verbs from ``s`` (which starts at ``a``)."""
    lo, hi = 0, len(s)
    changed = True
    while changed and lo < hi:
        changed = False
        m = _LEAD.match(s, lo, hi)
        if m and m.end() > lo:
            lo, changed = m.end(), True
        m = _TRAIL.search(s[lo:hi])
        if m and m.start() < hi - lo:
            hi, changed = lo + m.start(), True
    return a + lo, a + hi


def _clause_bounds(norm: str, start: int, end: int) -> tuple[int, int]:
    w = max(0, start - 200)
    left = [m.end() for m in _CLAUSE_STOP.finditer(norm, w, start)]
    a = left[-1] if left else w
    m = _CLAUSE_STOP.search(norm, end)
    return a, m.start() if m else len(norm)


def _left_indicator(
    norm: str, a: int, start: int, skip: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The measured phrase before the number: the nearest chunk between skipped
    spans that is not empty once context words and verbs are trimmed."""
    cuts = sorted((max(s0, a), min(e0, start)) for s0, e0 in skip if s0 < start and e0 > a)
    chunks: list[tuple[int, int]] = []
    pos = a
    for s0, e0 in cuts:
        if s0 > pos:
            chunks.append((pos, s0))
        pos = max(pos, e0)
    if pos < start:
        chunks.append((pos, start))
    for c0, c1 in reversed(chunks):
        lo, hi = _strip(norm[c0:c1], c0)
        pm = _RAISE_TO.search(norm, lo, hi)
        if pm:
            # 把研发开支提升至…: the object of 把/将 is what is measured
            return pm.span("x")
        if hi > lo:
            # 引进和培育全球研发中心, 年末全市共有国家级重点实验室: drop the verbs in front
            vm = _VERB_LEAD.match(norm, lo, hi)
            if vm and vm.end() >= hi and hi - lo <= 3:
                # 建成10个新型研发机构: a bare verb before the number; the noun follows.
                return None
            while vm and vm.end() < hi:
                nlo, nhi = _strip(norm[vm.end() : hi], vm.end())
                if nhi - nlo < 2:
                    break  # 孵化器: the "verb" was the start of a noun
                lo, hi = nlo, nhi
                vm = _VERB_LEAD.match(norm, lo, hi)
            # 规模以上工业企业实现利润总额: the verb inside splits owner from indicator
            inner = list(_INNER_VERB.finditer(norm, lo + 2, hi))
            if inner and hi - inner[-1].end() >= 2:
                lo = inner[-1].end()
        if hi - lo >= 2:
            return lo, hi
    return None


_RAISE_TO = re.compile(
    r"(?:把|将)(?P<x>[^，,；;。]{2,20}?)(?:提升|提高|增加|扩大|降低|压减|压缩|控制|减少)(?:至|到|在)"
)
_INNER_VERB = re.compile(r"实现|签订|引进|培育|新设立|拥有|共有|建成|撬动|安排|组织实施|完成")
_SUBJECT_END = re.compile(
    r"连续|保持|达到|达|实现|增长|增加|提高|提升|下降|居|位居|位列|突破|超过|为|是|共|累计|已|比|较|同比|"
    r"继续|稳居|首次|占|在|的"
)


def sentence_subject(norm: str, skip: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The measured noun at the head of a sentence, for a figure whose own clause
    names none (我市科技型中小企业数量连续三年…，累计达到1.75万家).

    >>> s = "我市科技型中小企业数量连续三年保持全国第一，累计达到1.75万家"
    >>> a, b = sentence_subject(s, [])
    >>> s[a:b]
    '科技型中小企业数量'
    """
    m = _CLAUSE_STOP.search(norm)
    end = m.start() if m else len(norm)
    start = 0
    for s0, e0 in sorted(skip):
        if s0 <= start < e0 or (s0 < end and s0 - start <= 1 and e0 > start):
            start = max(start, e0)
    lo, hi = _strip(norm[start:end], start)
    cut = _SUBJECT_END.search(norm, lo, hi)
    if cut:
        hi = cut.start()
    if any(s0 < hi and e0 > lo for s0, e0 in skip):
        return None
    return (lo, hi) if hi - lo >= 2 else None


_RIGHT_LEAD = re.compile(r"\s*(?:以上|左右|多|余)?\s*(?:的)?")
_RIGHT_CUT = re.compile(r"[、和及与]|等|，")


def find_indicator(
    norm: str, start: int, end: int, skip: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """Span of the measured phrase for the quantity at ``start:end``, or None.

    ``skip`` holds spans (times, regions, other quantities) that are never
    part of an indicator.

    >>> s = "到2025年，全社会研发经费投入达到1200亿元"
    >>> q = s.index("1200")
    >>> a, b = find_indicator(s, q, q + 7, [(0, 7)])
    >>> s[a:b]
    '全社会研发经费投入'
    >>> s = "培育高新技术企业1.2万家"
    >>> a, b = find_indicator(s, 8, 13, [])
    >>> s[a:b]
    '高新技术企业'
    """
    ca, cb = _clause_bounds(norm, start, end)
    found = _left_indicator(norm, ca, start, skip)
    if found:
        return found
    # Right side: 建成10个新型研发机构
    b = cb
    for s0, _e0 in skip:
        if s0 >= end and s0 < b:
            b = s0
    seg = norm[end:b]
    m = _RIGHT_LEAD.match(seg)
    r0 = end + (m.end() if m else 0)
    r1 = b
    cut = _RIGHT_CUT.search(norm, r0, r1)
    if cut and cut.start() - r0 >= 2:
        r1 = cut.start()
    r1 = min(r1, r0 + 24)
    if r1 - r0 >= 2:
        return r0, r1
    return None


# --- non-items --------------------------------------------------------------

_DOC_PART = re.compile(
    r"(?:大|个|项|条|方面|类)?(?:重点|主要|专项|保障|核心|重大)?"
    r"(?:任务|行动|工程|措施|举措|机制|方面|原则|目标|领域|板块|环节|方向|理念|要求|路径|战略|定位|主题|篇章|部分|"
    r"步骤|阶段|支撑|抓手|工作|体系|政策)"
)


def is_document_part(norm: str, q_start: int, q_end: int, value: float, unit: str) -> bool:
    """八大行动, 五项保障措施, 3个方面: a count of the document's own parts.

    >>> s = "实施五项保障措施"
    >>> is_document_part(s, 2, 4, 5, "count")
    True
    """
    if unit not in ("count", "") or value > 100 or value != int(value):
        return False
    return bool(_DOC_PART.match(norm, q_end)) or bool(_DOC_PART.match(norm[q_end - 1 : q_end + 8]))


# --- per-capita units ---------------------------------------------------------

_PER = re.compile(
    r"(?=[每十百万千/])(?:"  # the characters a match starts with: ``re`` tries it only there
    r"(?:每|(?<![\d.一二三四五六七八九十百千万亿两]))(?P<n>十万|百万|万|千|百)(?:个|名)?"
    r"(?:人口|常住人口|就业人员|劳动力|(?P<w>工人|职工|从业人员)|人(?!次|年))|/(?P<m>万|千|百)人"
    r")"
)
_PER_AFTER = re.compile(r"\s*/\s*(?P<m>十万|万|千|百)人")
_PER_NAME = {
    "万": "per 10,000 people",
    "十万": "per 100,000 people",
    "百万": "per 1,000,000 people",
    "千": "per 1,000 people",
    "百": "per 100 people",
}


def per_capita_unit(norm: str, from_: int, q_start: int, q_end: int) -> str | None:
    """The per-capita unit when the phrase reads 每万人…件 or the unit is …件/万人.

    >>> per_capita_unit("每万人口发明专利拥有量达到40件", 0, 15, 18)
    'per 10,000 people'
    """
    found = list(_PER.finditer(norm, from_, q_start))
    m = found[-1] if found else None
    if m is None:
        m = _PER_AFTER.match(norm[q_end : q_end + 6])
        if m is None:
            return None
        return _PER_NAME[m.group("m")]
    name = _PER_NAME[m.group("n") or m.group("m")]
    # 机器人密度达到每万名工人450台: per 10,000 workers
    return name.replace("people", "workers") if m.group("w") else name


# --- region -------------------------------------------------------------------

_GENERIC = re.compile(r"全市|本市|我市|全省|本省|我省|全国|我国|全区|本区|我区|全县")
_NOT_OWNER_AFTER = re.compile(
    r"(?:级|大学|科学院|研究院|研究所|银行|集团|公司|日报|分院|实验室|中心|第|前|平均|水平|的比重|比重"
    r"|高校|港|站|路|号|籍|家)"
)


@lru_cache(maxsize=512)
def _generic(word: str, doc_region: str | None) -> str | None:
    try:
        from goalpost import regions
    except ImportError:  # pragma: no cover - regions lands separately
        return "China" if word in ("全国", "我国") else doc_region
    try:
        rid = regions.generic_region(word, doc_region)
    except Exception:  # an unknown subject region
        rid = None
    if rid is None:
        rid = "China" if word in ("全国", "我国") else doc_region
    return rid


@lru_cache(maxsize=1)
def _zh_names() -> dict[str, list[tuple[str, str]]]:
    """Chinese region names by first character, longest first.

    The same names ``goalpost.regions.region_mentions`` matches, looked up
    character by character: a sentence is short, and this is many times
    faster than one alternation of every name in the world."""
    try:
        from goalpost import regions

        every = regions.all_regions()
    except Exception:  # regions absent or its data unreadable
        return {}
    index: dict[str, list[tuple[str, str]]] = {}
    for r in every:
        for name in r.zh_names:
            if name and not name.isascii():
                index.setdefault(name[0], []).append((name, r.id))
    for names in index.values():
        names.sort(key=lambda x: -len(x[0]))
    return index


@lru_cache(maxsize=1)
def _zh_first_chars() -> re.Pattern[str]:
    """The characters a Chinese region name starts with, as one character class."""
    chars = "".join(sorted(_zh_names()))
    return re.compile(f"[{re.escape(chars)}]") if chars else re.compile("(?!)")


def region_mentions(norm: str) -> list[tuple[int, int, str]]:
    """Regions named as owners in a sentence: not 国家级 or 广州实验室, which use a
    region's name inside another word (empty when ``goalpost.regions`` is absent)."""
    index = _zh_names()
    firsts = _zh_first_chars()
    found: list[tuple[int, int, str]] = []
    i, n = 0, len(norm)
    while i < n:
        # Jump to the next character that can start a name (a search in C, not a loop).
        m = firsts.search(norm, i)
        if m is None:
            break
        i = m.start()
        for name, rid in index.get(norm[i], ()):
            if norm.startswith(name, i):
                found.append((i, i + len(name), rid))
                i += len(name)
                break
        else:
            i += 1
    return [
        (a, b, rid)
        for a, b, rid in found
        # 其中国家级: 中国 straddles 其中 and 国家
        if not _NOT_OWNER_AFTER.match(norm, b) and norm[max(0, a - 1) : a + 1] != "其中"
    ]


def find_region(
    norm: str,
    upto: int,
    doc_region: str | None,
    mentions: list[tuple[int, int, str]] | None = None,
) -> str | None:
    """The region a figure belongs to: the last owner named before ``upto``.

    全市 is the document's city, 全省 its province, 全国/我国 China; explicit
    names (广东省, 深圳市) win when they come later in the sentence.

    >>> find_region("全国高新技术企业达到40万家", 8, "Guangzhou")
    'China'
    >>> find_region("全市高新技术企业达到1.2万家", 8, "Guangzhou")
    'Guangzhou'
    """
    best: tuple[int, str | None] | None = None
    for m in _GENERIC.finditer(norm, max(0, upto - 200), upto):
        before = norm[max(0, m.start() - 1) : m.start()]
        if before in ("占", "居", "在", "于", "比", "较") or _NOT_OWNER_AFTER.match(norm, m.end()):
            continue
        best = (m.start(), _generic(m.group(), doc_region))
    if mentions is None:
        mentions = region_mentions(norm[:upto])
    for s0, e0, rid in mentions:
        if e0 > upto:
            continue
        before = norm[max(0, s0 - 1) : s0]
        if before in ("占", "比", "较", "与", "和") or _NOT_OWNER_AFTER.match(norm, e0):
            continue
        if best is None or s0 > best[0]:
            best = (s0, rid)
    return best[1] if best else doc_region
