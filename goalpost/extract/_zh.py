"""The Chinese extraction component: one sentence in, its items out.

The pipeline hands each Chinese sentence over as a
:class:`~goalpost.extract._types.SentenceContext`; :func:`extract_sentence`
reads its quantities (``_zh_quantities``), time expressions (``_zh_dates``),
and decides for each quantity the kind, indicator and owner region
(``_zh_kinds``). The work is done on a same-length normalised copy of the
sentence (ASCII digits, simplified characters), so every offset it finds is an
offset into the original text.

For a benchmark of Chinese throughput call :func:`extract_zh_text`, which runs
the component over a whole text split the way the pipeline splits it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from goalpost._models import Item
from goalpost.extract._types import SentenceContext, SentenceResult, TimeExpr
from goalpost.extract._zh_dates import _times, doc_year, parse_zh_times, plan_period_end
from goalpost.extract._zh_kinds import (
    _strip,
    classify_kind,
    find_indicator,
    find_region,
    is_document_part,
    per_capita_unit,
    region_mentions,
    sentence_subject,
)
from goalpost.extract._zh_numbers import _DIGIT_CHARS, normalize_zh
from goalpost.extract._zh_numbers import _table as _zh_table
from goalpost.extract._zh_quantities import (
    _Q,
    is_article,
    local_yuan,
    parse_zh_numbers,
    parse_zh_quantities,
    scan_quantities,
)

__all__ = [
    "extract_sentence",
    "extract_zh_text",
    "parse_zh_numbers",
    "parse_zh_quantities",
    "parse_zh_times",
]

_LEAD_PREFIX = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[、.．]\s*)?"
    r"\s*(?:(?:主要|总体|发展|具体|近期|中期|远期)?目标(?:是|为)?[:：]?\s*)?"
    r"(?:力争|争取|确保|预计|计划|希望|努力)?\s*$"
)
_TABLE_UNITS: dict[str, tuple[str, float]] = {
    "%": ("%", 1),
    "个百分点": ("pp", 1),
    "元": ("CNY", 1),
    "万元": ("CNY", 1e4),
    "亿元": ("CNY", 1e8),
    "万亿元": ("CNY", 1e12),
    "人": ("count", 1),
    "万人": ("count", 1e4),
    "万家": ("count", 1e4),
    "人年": ("person-years", 1),
    "万人年": ("person-years", 1e4),
    **{w: ("count", 1) for w in ("家", "个", "项", "件", "所", "座", "名", "台", "套")},
}
_TABLE_UNIT = re.compile(
    r"[(（](" + "|".join(sorted(map(re.escape, _TABLE_UNITS), key=len, reverse=True)) + r")[)）]"
)
_WINDOW = 200  # how far back a figure's context reaches
_CLAUSE_END = re.compile(r"[，,；;。]")
_CLAUSE_START = re.compile(r"[，,；;：:]")  # a clause starts after one of these
_COMMA_NEXT = re.compile(r"\s*[，,]")
_OPEN_BRACKET = re.compile(r"\s*[（(]\s*")
_LEAD_WORDS = re.compile("目标|预期|任务")
_ATTACHED = re.compile(r"\s*的?\s*")
_ROW_STOP = re.compile(r"[，,；;：:。\s|]")
_COUNT_TAIL = re.compile(
    r"(?:数|数量|总数|人数|户数|个数|家数|件数|人次)\s*(?:达到|达|为|超过|突破|共|约|是|有)?\s*$"
)
_COUNT_NOUN = re.compile(r"(?:数|数量|总数|人数|户数|个数|家数|件数|人次)$")
_TITLE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)\s*年?")
# Policy documents whose figures are commitments, beyond what the pipeline calls a plan.
_POLICY_TITLE = re.compile(
    r"规划|计划|方案|纲要|意见|行动|措施|办法|若干|战略|路线图|蓝图|規劃|計劃"
)
_SESSION_REPORT = re.compile(r"政府工作报告|政府工作報告")
_PLAN_TITLE = re.compile(r"规划|计划|方案|纲要|意见|行动|目标")
# 2024年工作总结和2025年工作计划: the summary half reports facts of the earlier year
_SUMMARY_TITLE = re.compile(r"总结|總結")


def _year_of(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _governing(norm: str, times: list[TimeExpr]) -> str | None:
    """The date a lead sentence or heading sets for what follows: a deadline
    (到2025年，… / （一）到2025年主要目标) or the date of a list of figures
    (2022年，…； / 一季度，…； / 截至2023年底，…；)."""
    first = next((t for t in times if t.role not in ("base", "since")), None)
    if first is not None and _LEAD_PREFIX.match(norm[: first.start]):
        if first.role == "deadline":
            return first.date
        if _COMMA_NEXT.match(norm, first.end):
            return first.date
    colon = max(norm.rfind(":"), norm.rfind("："))
    if colon >= 0:
        # 到2025年，主要目标如下： / 今年发展的主要预期目标是：… (a lead, then a list)
        lead = [t for t in times if t.end <= colon and t.role in ("deadline", "point")]
        if lead and (lead[-1].role == "deadline" or _LEAD_WORDS.search(norm, 0, colon)):
            return lead[-1].date
    return None


def _dating(
    q: _Q, times: list[TimeExpr], norm: str, qs: list[_Q], q_starts: list[int]
) -> TimeExpr | None:
    """The time expression that dates ``q``: the nearest before it, else one after it
    in the same clause. A date in brackets right after the figure wins:
    9772（2020年）→15000（2025年）."""
    for t in times:
        if t.start >= q.end and t.role not in ("since", "base"):
            if _OPEN_BRACKET.fullmatch(norm, q.end, t.start):
                return t
            break
    for t in reversed(times):
        if t.end > q.start or t.role in ("since", "base"):
            continue
        j = bisect_left(q_starts, t.end)
        if j < len(qs) and qs[j].start < q.start and _ATTACHED.fullmatch(norm, t.end, qs[j].start):
            continue  # 由2018年的2.63%提高到3%: 2018 dates the first figure only
        return t
    for t in times:
        if (
            t.start >= q.end
            and t.role not in ("since", "base")
            and not _CLAUSE_END.search(norm, q.end, t.start)
        ):
            return t
    return None


@lru_cache(maxsize=256)
def _norm_title(title: str) -> str:
    """A document title normalised once, not once per figure."""
    return normalize_zh(title)


@lru_cache(maxsize=256)
def _title_date(title: str, doc_date: str | None) -> str | None:
    """The last date a (normalised) title names: 2023年1-11月经济运行简况 -> 2023-11."""
    named = [t for t in _times(title, 0, doc_date) if t.role not in ("base", "since")]
    return named[-1].date if named else None


def _fallback_date(kind: str, ctx: SentenceContext, sentence: str) -> str | None:
    """The date of a figure its sentence does not date: the lead's or heading's
    deadline, else the plan period's end (targets) or the period the document
    reports on (observations: its title's period, last year for a 政府工作报告,
    the publication year otherwise)."""
    if ctx.governing_date:
        return ctx.governing_date
    if ctx.section_title_date:
        return ctx.section_title_date
    title = _norm_title(ctx.doc_title or "")
    years = [int(y) for y in _TITLE_YEAR.findall(title)]
    dy = doc_year(ctx.doc_date)
    if kind == "target":
        end = plan_period_end(title)
        if ctx.doc_period:
            return str(ctx.doc_period[1])
        if end:
            return str(end)
        if years and not _SESSION_REPORT.search(title):
            return str(max(years))  # （2023—2025年）行动计划, 2023年工作报告
        return str(dy + 1) if dy and re.search(r"明年", sentence) else (str(dy) if dy else None)
    if len(set(years)) == 1 and _SESSION_REPORT.search(title):
        return str(years[0] - 1)  # 2024年政府工作报告 reviews 2023
    if _SUMMARY_TITLE.search(title) and years:
        return str(min(years))
    if not _PLAN_TITLE.search(title) and not _SESSION_REPORT.search(title):
        # 2023年1-11月经济运行简况, 前三季度经济运行, 2023年统计公报, 2022年工作总结:
        # the period the release is about
        named = _title_date(title, ctx.doc_date)
        if named:
            return named
        if len(set(years)) == 1:
            return str(years[0])
    if _SESSION_REPORT.search(title) and dy is not None:
        return str(dy - 1)
    if dy is None:
        return None
    month_s = (ctx.doc_date or "")[5:7]
    month = int(month_s) if month_s.isdigit() else 12
    if month <= 3 and re.search(r"全年|过去一年|预计|初步核算", sentence):
        # an annual bulletin, or an estimate, published early in a year is about the last one
        return str(dy - 1)
    return str(dy)


_RESPECTIVELY = re.compile("分别")
_NAME_RUN = re.compile(r"[^、和及与]+")


def _lists_after_respectively(norm: str, qs: list[_Q]) -> dict[int, tuple[int, int]]:
    """技术合同成交额、高新技术产品产值分别达到1000亿元、5000亿元: pair names with values."""
    out: dict[int, tuple[int, int]] = {}
    if "分别" not in norm:
        return out
    for m in _RESPECTIVELY.finditer(norm):
        after = [i for i, q in enumerate(qs) if q.start >= m.end()]
        if not after:
            continue
        chain = [after[0]]
        for i in after[1:]:
            if re.fullmatch(
                r"\s*[、和及与,，]\s*(?:和|及)?\s*", norm[qs[chain[-1]].end : qs[i].start]
            ):
                chain.append(i)
            else:
                break
        left = norm[: m.start()]
        cut = max(left.rfind(c) for c in "，,；;：:。")
        a = cut + 1
        names = [_strip(x.group(), x.start() + a) for x in _NAME_RUN.finditer(left[a:])]
        if len(names) == len(chain) and len(chain) > 1:
            for i, span in zip(chain, names, strict=True):
                out[i] = span
    return out


_QUALIFIED = re.compile(
    r"(?:以上|以下|级)?(?:的|企业|项目|平台|园区|产业|集群|城市|工程|基地|科技|高新|规模)"
)


def _qualifier(norm: str, q: _Q, qs: list[_Q], i: int) -> bool:
    """超过10亿元的企业达到50家, 10家以上产值超百亿元的企业: a threshold that
    qualifies a noun counted by another figure.

    Only when another figure follows in the sentence or a count precedes it in
    the clause (七成以上的研发投入来自企业 is a figure); a count itself is
    exempt from the bare-noun test (1.2万家企业 counts the firms)."""
    later = i + 1 < len(qs)
    earlier = (
        i > 0 and qs[i - 1].unit == "count" and not _CLAUSE_END.search(norm, qs[i - 1].end, q.start)
    )
    if not (later or earlier):
        return False
    after = norm[q.end : q.end + 6]
    if after.startswith("的"):
        return True
    return q.unit not in ("count", "") and bool(_QUALIFIED.match(after))


_TASK_SECTION = re.compile(
    r"重点工作|重点任务|主要任务|工作安排|目标任务|预期目标|主要目标|发展目标|工作重点|工作思路|下一步"
)
_REVIEW_SECTION = re.compile(r"回顾|成效|成就|进展|完成情况|总结|运行情况")
_SCOPE_NOTE = re.compile(r"统计范围|统计口径|起点标准")
_RANK_MOVE = re.compile(r"(?:前移|上升|提升|进位|后退|下降|前进|跃升)(?:了)?\s*$")
_INCENTIVE = re.compile(r"给予|奖励|补助|资助|补贴|奖补|配套")
_PER_UNIT = re.compile(r"^对|给予|一次性|最高|单个|每家|每个|每项|每人")


def _incentive(norm: str, q: _Q) -> bool:
    """对新认定的高新技术企业给予一次性奖励30万元: a policy's per-unit incentive is
    neither a target nor a statistic."""
    if q.unit not in ("CNY", "USD", "EUR", "HKD"):
        return False
    a, b = _clause_of(norm, q)
    clause = norm[a:b]
    if _INCENTIVE.search(clause) and _PER_UNIT.search(clause):
        return True
    # 按照15%给予补助，单个企业每年最高不超过300万元: the cap in the clause after the subsidy
    if a and norm[a - 1] in "，," and _CAP_LEAD.match(clause):
        return bool(_INCENTIVE.search(norm, _clause_start(norm, a - 1), a))
    return False


_CAP_LEAD = re.compile(r"\s*(?:单个|单项|每家|每个|每项|每年)?[^，,；;。]{0,8}?最高")


_PARAMETER = re.compile(
    r"加计扣除|税率|减按|税收优惠|补贴(?:比例|标准)|资助(?:比例|标准)|奖励(?:比例|标准)"
    r"|补助(?:比例|标准)|贴息(?:比例|标准)|担保(?:比例|标准)|配套(?:比例|标准)|费率|利率"
    # 按照15%给予补助, 按建设投入的30%给予补助: a subsidy rate
    r"|按照?[^，,；;。]{0,14}(?:给予|予以)(?:一次性)?(?:补助|奖励|资助|补贴|奖补)"
)  # every alternative opens with a literal, so ``re`` skips to where one can start
_PROJECTION = re.compile(
    r"预测|据[^，,；;。]{0,16}(?:测算|估算)|按照?当前[^，,；;。]{0,8}(?:测算|估算|推算)"
    r"|(?:专家|业内人士|分析人士|分析师)(?:认为|预计|估计)"  # 业内专家认为: a third party's view
)
_BUDGET = re.compile(r"(?:安排|设立|设置|预留|统筹|筹集)[^，,；;。]{0,16}(?:资金|基金|经费|预算)")


def _clause_start(norm: str, pos: int) -> int:
    """Where the clause holding ``pos`` starts (within ``_WINDOW`` characters)."""
    w = max(0, pos - _WINDOW)
    return max((m.end() for m in _CLAUSE_END.finditer(norm, w, pos)), default=w)


def _clause_of(norm: str, q: _Q) -> tuple[int, int]:
    a = _clause_start(norm, q.start)
    m = _CLAUSE_END.search(norm, q.end, q.end + _WINDOW)
    return a, (m.start() if m else min(len(norm), q.end + _WINDOW))


def _parameter(norm: str, q: _Q) -> bool:
    """研发费用加计扣除比例提高到100%: a tax or subsidy rate is a policy parameter."""
    a, b = _clause_of(norm, q)
    return bool(_PARAMETER.search(norm, a, b))


def _budget(norm: str, q: _Q) -> bool:
    """全年安排科技资金25亿元, 设立规模100亿元的基金: a budget is a commitment (a target)."""
    if len(q.unit) != 3 or not q.unit.isupper():
        return False
    a, b = _clause_of(norm, q)
    return bool(_BUDGET.search(norm, a, b))


def _keep(q: _Q, norm: str) -> bool:
    if q.single_cn and not q.unit and q.value_max is None:
        return False
    if q.single_cn and q.value == 0:
        return False  # 零部件, 零排放, 零距离: a word, not the figure 0
    if _SCOPE_NOTE.search(norm, max(0, q.start - 24), q.start):
        return False  # 注：本表统计范围为年主营业务收入2000万元及以上: a statistic's scope
    if "位" in norm[q.num_end : q.end + 1] and _RANK_MOVE.search(
        norm, max(0, q.start - 6), q.start
    ):
        return False  # 较上年前移3位: a move in a ranking
    if is_article(norm, q):
        return False
    return not is_document_part(norm, q.start, q.num_end, q.value, q.unit)


@lru_cache(maxsize=1)
def _figure_chars() -> re.Pattern[str]:
    """Characters without which a sentence holds no quantity and no time expression.

    Digits and numeral characters (quantities, years, 十四五), 年/月/季/世 (今年,
    3月, 一季度, 本世纪中叶), 底/末 (年底), in simplified and traditional forms.
    """
    simple = set(_DIGIT_CHARS + "十拾百佰千仟万亿兆半年月季世底末")
    trad = {
        chr(k)
        for k, v in _zh_table().items()
        if isinstance(v, int) and (chr(v) in simple or chr(v).isdigit())
    }
    return re.compile("[0-9" + re.escape("".join(sorted(simple | trad))) + "]")


def may_hold_figure(sentence: str) -> bool:
    """Whether a (normalized) Chinese sentence may hold a figure or a date.

    The pipeline skips the component for sentences that cannot: most prose.

    >>> may_hold_figure("坚持创新驱动发展。"), may_hold_figure("今年，全市高新技术企业超过1.2万家")
    (False, True)
    """
    return _figure_chars().search(sentence) is not None


def extract_sentence(ctx: SentenceContext) -> SentenceResult:
    """Items in one Chinese sentence, and any deadline it sets for what follows.

    >>> text = "到2021年底，全市高新技术企业超过1.2万家。"
    >>> ctx = SentenceContext(text=text, start=0, end=len(text), doc_id="d", lang="zh",
    ...                       doc_date="2019-09-30", doc_region="Guangzhou", doc_is_plan=True)
    >>> res = extract_sentence(ctx)
    >>> [(i.kind, i.indicator, i.comparator, i.value, i.unit, i.date) for i in res.items]
    [('target', '高新技术企业', '>', 12000.0, 'count', '2021')]
    >>> res.sets_governing_date
    '2021'
    """
    raw = ctx.text[ctx.start : ctx.end]
    result = SentenceResult()
    if not raw.strip():
        return result
    norm = normalize_zh(raw)
    times = _times(norm, 0, ctx.doc_date)
    result.sets_governing_date = _governing(norm, times)
    if _PROJECTION.search(norm):
        return result  # 据IDC预测，…: a third party's projection is not the document's figure
    qs = [q for q in scan_quantities(norm) if _keep(q, norm)]
    if not qs:
        return result
    # 年产值超过10亿元的企业达到50家: a threshold qualifying a noun is not a figure
    # when a figure follows.
    qs = [q for i, q in enumerate(qs) if not _qualifier(norm, q, qs, i)]
    # A clause holds the words only if the sentence does: one search per sentence
    # spares most figures the search of their clause.
    if _INCENTIVE.search(norm):
        qs = [q for q in qs if not _incentive(norm, q)]
    if _PARAMETER.search(norm):
        qs = [q for q in qs if not _parameter(norm, q)]
    if not qs:
        return result
    budget = _BUDGET.search(norm) is not None
    dy = doc_year(ctx.doc_date)
    gov = ctx.governing_date or ctx.section_title_date
    gov_year = _year_of(gov)
    # 今年一季度，…；… : a month of the current year dates statistics, not a deadline.
    gov_point = bool(gov and len(gov) >= 7 and gov_year is not None and gov_year == dy)
    is_plan = (ctx.doc_is_plan or bool(_POLICY_TITLE.search(ctx.doc_title or ""))) and not (
        _SUMMARY_TITLE.search(ctx.doc_title or "")
    )
    # 三、重点工作 / 2025年目标任务 in a 政府工作报告: the year's tasks, not its review
    task_section = any(_TASK_SECTION.search(t) and not _REVIEW_SECTION.search(t)
                       for t in ctx.section_titles)  # fmt: skip
    mentions = region_mentions(norm[: max(q.start for q in qs)])
    # Times, other figures and region names are never part of an indicator.
    skip = sorted(
        [(t.start, t.end) for t in times]
        + [(q.start, q.end) for q in qs]
        + [(a, b) for a, b, _ in mentions]
    )
    skip_starts = [a for a, _ in skip]
    q_starts = [q.start for q in qs]
    # Offsets computed once per sentence, looked up per figure (long sentences stay linear).
    clause_starts = [m.end() for m in _CLAUSE_START.finditer(norm)]
    clause_ends = [m.start() for m in _CLAUSE_END.finditer(norm)]
    tables = list(_TABLE_UNIT.finditer(norm))
    table_ends = [m.end() for m in tables]
    subject: list[tuple[int, int] | None] = []
    paired = _lists_after_respectively(norm, qs)
    prev_ind: tuple[int, int] | None = None
    for i, q in enumerate(qs):
        unit = q.unit
        k = bisect_right(table_ends, q.start)
        table = tables[k - 1] if k else None
        if (
            not unit
            and table is None
            and not _COUNT_TAIL.search(norm, max(0, q.start - 16), q.start)
        ):
            continue  # a bare number that nothing gives a unit
        lo = bisect_left(skip_starts, q.start - _WINDOW - 40)
        hi = bisect_right(skip_starts, q.end + _WINDOW)
        near = [sp for sp in skip[lo:hi] if sp != (q.start, q.end)]
        ind = paired.get(i) or find_indicator(norm, q.start, q.end, near)
        if ind is None and prev_ind is not None:
            ind = prev_ind
        if ind is None:
            if not subject:
                subject.append(sentence_subject(norm, skip))
            ind = subject[0]
        if not unit:
            if table is not None:
                # 研发经费投入强度（%）：2020年3.1，2025年3.5 — the unit is in the row's name.
                unit, factor = _TABLE_UNITS[table.group(1)]
                if ind is None or ind[0] > table.start():
                    row = max(
                        (m.end() for m in _ROW_STOP.finditer(norm, 0, table.start())), default=0
                    )
                    ind = (row, table.start()) if table.start() - row >= 2 else ind
                q.value *= factor
                if q.value_max is not None:
                    q.value_max *= factor
            elif ind and _COUNT_NOUN.search(norm[ind[0] : ind[1]]) and q.value >= 1:
                # 高新技术企业数量达到12000: a bare number counts what its noun counts.
                unit = "count"
            else:
                continue
        if unit == "count":
            k = bisect_right(clause_starts, q.start)
            clause_start = clause_starts[k - 1] if k else 0
            per = per_capita_unit(
                norm, min(clause_start, ind[0] if ind else q.start), q.start, q.end
            )
            if per:
                unit = per
        t = _dating(q, times, norm, qs, q_starts)
        k = bisect_left(clause_ends, q.end)
        clause = norm[q.start : clause_ends[k] if k < len(clause_ends) else len(norm)]
        kind = classify_kind(
            norm[: q.start],
            clause,
            _year_of(t.date) if t else None,
            t.role if t else None,
            dy,
            None if gov_point else gov_year,
            is_plan,
            governing_is_point=gov_point,
            governing_target=ctx.governing_target,
            task_section=task_section,
        )
        if kind == "observation" and budget and _budget(norm, q) and not (t and t.role == "asof"):
            kind = "target"
        if (
            kind == "target"
            and t is not None
            and t.role in ("point", "asof")
            and (_year_of(t.date) or 9999) < (dy or 0)
            and t.start >= _clause_start(norm, q.start)
        ):
            kind = "observation"  # 规划目标为18%，2023年达到16.9%: a past year of its own clause
        date = t.date if t else _fallback_date(kind, ctx, norm)
        if kind == "target" and t is not None and (_year_of(date) or 9999) < (dy or 0):
            # 基线值（2020年）为14.3%，规划目标为18%: the baseline's year is no deadline
            date = _fallback_date(kind, ctx, norm)
        upto = ind[0] if ind and ind[0] < q.start else q.start
        region = find_region(norm, upto, ctx.doc_region, mentions)
        if unit == "CNY" and _traditional(raw, norm):
            # why: a bare 元 is the local dollar in the SARs' and Taiwan's own (traditional)
            # writing; a mainland text about them writes 港元, and the document's place, not
            # a passing mention, decides (横琴粤澳合作区 is not Macao)
            unit = local_yuan(norm, q.start, q.end, ctx.doc_region) or unit
        ev_start = min(q.start, ind[0]) if ind else q.start
        ev_end = max(q.end, ind[1]) if ind else q.end
        if ind is not None:
            prev_ind = ind
        result.items.append(
            Item(
                doc=ctx.doc_id,
                kind=kind,  # type: ignore[arg-type]
                indicator=raw[ind[0] : ind[1]] if ind else "",
                comparator=q.comparator,  # type: ignore[arg-type]
                value=q.value,
                unit=unit,
                start=ctx.start + ev_start,
                end=ctx.start + ev_end,
                sentence=raw,
                value_max=q.value_max,
                date=date,
                growth=q.growth,
                section=ctx.section,
                region=region,
                sentence_start=ctx.start,
                sentence_end=ctx.end,
                indicator_start=ctx.start + ind[0] if ind else None,
                indicator_end=ctx.start + ind[1] if ind else None,
                lang="zh",
            )
        )
    return result


def _traditional(raw: str, norm: str) -> bool:
    """Whether the sentence is written in traditional characters (its working copy differs).

    >>> _traditional("研發總開支", "研发总开支"), _traditional("研发", "研发")
    (True, False)
    """
    return raw != norm and any(
        a != b and "\u4e00" <= a <= "\u9fff" for a, b in zip(raw, norm, strict=False)
    )


_SPLIT = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]*")


def extract_zh_text(
    text: str,
    doc_id: str = "zh",
    doc_date: str | None = None,
    doc_title: str | None = None,
    doc_region: str | None = None,
    doc_is_plan: bool = False,
) -> list[Item]:
    """Run the Chinese component over a whole text, sentence by sentence.

    A stand-in for the pipeline for benchmarks and tests: it splits on
    。！？； and line breaks and carries a lead sentence's deadline to the end
    of its paragraph.

    >>> [i.value for i in extract_zh_text("到2025年，全市：研发投入1000亿元；高新技术企业1.2万家。")]
    [100000000000.0, 12000.0]
    """
    items: list[Item] = []
    governing: str | None = None
    previous: str | None = None
    for m in _SPLIT.finditer(text):
        ctx = SentenceContext(
            text=text,
            start=m.start(),
            end=m.end(),
            doc_id=doc_id,
            lang="zh",
            doc_date=doc_date,
            doc_title=doc_title,
            doc_region=doc_region,
            doc_is_plan=doc_is_plan,
            governing_date=governing,
            previous_sentence=previous,
        )
        res = extract_sentence(ctx)
        items.extend(res.items)
        if res.sets_governing_date:
            governing = res.sets_governing_date
        if m.group().rstrip().endswith(("。", "！", "？", "!", "?")):
            governing = None  # the paragraph's list ends with its full stop
        previous = m.group()
    return items
