"""Chinese time expressions: deadlines, as-of dates and points in time.

:func:`parse_zh_times` reads 到2025年 (deadline 2025), 到2021年底 (deadline
2021), 截至2023年6月底 (as of 2023-06), 2022年 (point), 二〇二五年,
2023年1-11月 (as of 2023-11), 上半年 / 前三季度 / 一季度 (months of the year
in force), 今年 / 去年 / 上年 / 明年 (relative to the document date) and the
plan periods "十四五"期间/末 (2025), 十三五 (2020).

Comparison bases are not dates of the figure: 比上年, 较2020年, 与去年同期相比
are skipped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.extract._types import TimeExpr
from goalpost.extract._zh_numbers import CN_DIGITS, normalize_zh

__all__ = ["doc_year", "parse_zh_times", "plan_period_end"]

_PLAN_END = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025, "十五五": 2030}
_CN_NUM = r"[一二三四五六七八九十]{1,3}"
_YEAR = r"(?:19|20)\d{2}|[二][〇零○][一二三四五六七八九〇零○]{2}"
_PRE = r"(?P<pre>截至到|截至|截止到|截止至|截止|到了|到|至|直至|于|在|自|从|比|较|与|同)?"
_QUARTER = r"第?[一二三四1-4]季度"
_PART = rf"上半年|下半年|前三季度|前两季度|{_QUARTER}|全年|年底|年末|年初|年中|底|末|初"
# Each pattern opens with a lookahead on the characters a match can start
# with: without it ``re`` tries the pattern at every character.
_PRE_FIRST = "截到至直于在自从比较与同"
# (_TIME's opens with a year's first characters, not just its first one: most
# digits in a page of figures start no year.)
_TIME = re.compile(
    rf"(?=[\s{_PRE_FIRST}]|(?:19|20)\d\d|二[〇零○]){_PRE}\s*"
    r"(?:"
    rf"(?P<y1>{_YEAR})\s*(?:年\s*)?[-–—~至到]\s*"
    rf")?"
    rf"(?P<y>{_YEAR})\s*年(?!均|度?[计规])"
    rf"(?:\s*(?P<m1>\d{{1,2}}|{_CN_NUM})\s*[-–—~至到]\s*)?"
    rf"(?:\s*(?P<m>\d{{1,2}}|{_CN_NUM})\s*月(?:份)?(?:\s*(?P<d>\d{{1,2}}|{_CN_NUM})\s*日)?)?"
    rf"(?P<part>{_PART})?"
    rf"(?P<suf>以前|之前|前|以来|期间|内|时)?"
)
# Months and parts of a year with no year written: the document's year.
# Every part is optional, so the second lookahead asks that one of them can
# match here: where none can, the match would be empty (and skipped), and
# figures are dense with digits. Empty matches consume nothing, so the
# non-empty ones are the same with it as without.
_BARE = re.compile(
    rf"(?=[\s\d{_PRE_FIRST}过今本去上明前当一二三四五六七八九十下第全年底末])"
    rf"(?=[{_PRE_FIRST}过今本去上明前当下全年底末]|\s|(?:\d{{1,2}}|{_CN_NUM})\s*(?:[-–—~至到]|月)|{_QUARTER})"
    rf"{_PRE}\s*(?P<rel>过去的?一年|今年|本年|去年|上年|上一年|明年|前年|当年)?"
    rf"(?:(?P<m1>\d{{1,2}}|{_CN_NUM})\s*[-–—~至到]\s*)?"
    rf"(?:(?P<m>\d{{1,2}}|{_CN_NUM})\s*月(?:份)?(?:(?P<d>\d{{1,2}}|{_CN_NUM})\s*日)?)?"
    rf"(?P<part>上半年|下半年|前三季度|{_QUARTER}|全年|年底|年末|底|末)?"
    rf"(?P<suf>以前|之前|前|以来)?"
)
_PLAN = re.compile(
    r"(?=[到至截“\"'‘「『十\s])(?P<pre>到|至|截至|截止)?\s*[“\"'‘「『]?(?P<p>十[一二三四五]五)[”\"'’」』]?\s*(?:规划|计划)?\s*"
    r"(?P<suf>期间|时期|期末|末|末期|以来|开局之年|开局|收官之年|收官)?"
)
# 今后五年 / 未来3年 / 三年内 / 用两年时间: a span from the document's year.
_SPAN = re.compile(
    r"(?=[今未再用一二两三四五六七八九十\d])(?:(?P<pre>今后|未来|再用|用)\s*(?P<n1>[一二两三四五六七八九十\d]{1,2})\s*(?:年|个年头)(?:时间|内|左右)?"
    r"|(?P<n2>[一二两三四五六七八九十\d]{1,2})\s*年(?:内|之内))"
)
# Words one of which every _SPAN match holds: a cheap test before the scan.
_SPAN_WORDS = ("年内", "年之内", "今后", "未来", "用")
_NOW_WORDS = ("目前", "当前", "现阶段", "迄今", "至今")
_NOW = re.compile(r"(?:截至|截止)?(?:目前|当前|现阶段|迄今|至今)(?:为止)?")
_MID_CENTURY = re.compile(r"(?:到|至)?本世纪中叶")
_BARE_HINT = re.compile(r"今年|本年|去年|上年|上一年|明年|前年|当年|过去|月|半年|季度|年底|年末")
_REL = {
    "过去一年": -1,
    "过去的一年": -1,
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "去年": -1,
    "上年": -1,
    "上一年": -1,
    "明年": 1,
    "前年": -2,
}
_PART_MONTH = {
    "上半年": 6,
    "下半年": 12,
    "前三季度": 9,
    "前两季度": 6,
    "一季度": 3,
    "二季度": 6,
    "三季度": 9,
    "四季度": 12,
    "1季度": 3,
    "2季度": 6,
    "3季度": 9,
    "4季度": 12,
}


def _num(s: str | None) -> int | None:
    """1-2 Arabic digits or a small Chinese numeral (十一 = 11)."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if s.startswith("十"):
        return 10 + (CN_DIGITS.get(s[1:], 0) if len(s) > 1 else 0)
    if s.endswith("十"):
        return CN_DIGITS.get(s[0], 0) * 10
    if "十" in s:
        a, _, b = s.partition("十")
        return CN_DIGITS.get(a, 0) * 10 + CN_DIGITS.get(b, 0)
    return CN_DIGITS.get(s)


def _year(s: str) -> int:
    if s.isdigit():
        return int(s)
    return int("".join(str(CN_DIGITS[c]) for c in s))


@lru_cache(maxsize=64)  # called per sentence and per figure with the same few dates
def doc_year(doc_date: str | None) -> int | None:
    """The year of a ``YYYY[-MM[-DD]]`` date, or None.

    >>> doc_year("2021-11-04")
    2021
    """
    if doc_date and len(doc_date) >= 4 and doc_date[:4].isdigit():
        return int(doc_date[:4])
    return None


def plan_period_end(text: str | None) -> int | None:
    """The last year of a five-year plan named in ``text`` (十四五 -> 2025).

    >>> plan_period_end("广州市科技创新“十四五”规划")
    2025
    """
    if not text:
        return None
    m = re.search(r"十[一二三四五]五", normalize_zh(text))
    return _PLAN_END.get(m.group()) if m else None


def _role(pre: str | None, suf: str | None) -> str:
    if suf == "以来":
        return "since"  # 2018年以来: a span up to now, not the figure's date
    if pre in ("截至", "截至到", "截止", "截止到", "截止至"):
        return "asof"
    if pre in ("到", "至", "直至", "到了") or suf in (
        "前",
        "以前",
        "之前",
        "期间",
        "末",
        "期末",
        "末期",
    ):
        return "deadline"
    return "point"


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str:
    if month and 1 <= month <= 12:
        if day and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


def _month_of(m: re.Match[str]) -> int | None:
    month = _num(m.group("m"))
    part = (m.group("part") or "").lstrip("第")
    if month is None and part in _PART_MONTH:
        month = _PART_MONTH[part]
    return month


def parse_zh_times(text: str, offset: int = 0, doc_date: str | None = None) -> list[TimeExpr]:
    """Every time expression in a Chinese string, resolved against ``doc_date``.

    Comparison bases (比上年, 较2020年) are left out: they date the base, not
    the figure.

    >>> [(t.date, t.role) for t in parse_zh_times("到2021年底，全市高新技术企业超过1.2万家")]
    [('2021', 'deadline')]
    >>> [(t.date, t.role) for t in parse_zh_times("今年1-11月，增长5%", doc_date="2023-12-10")]
    [('2023-11', 'point')]
    """
    return [t for t in _times(normalize_zh(text), offset, doc_date) if t.role != "base"]


def _times(norm: str, offset: int = 0, doc_date: str | None = None) -> list[TimeExpr]:
    """:func:`parse_zh_times` on an already normalised string."""
    year_now = doc_year(doc_date)
    out: list[TimeExpr] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _TIME.finditer(norm) if "年" in norm else ():
        if m.group("pre") in ("比", "较", "与", "同"):
            # 较2022年底: the base of a comparison, kept only so it is not an indicator
            out.append(TimeExpr(m.start() + offset, m.end() + offset, m.group("y"), "base"))
            taken.append(m.span())
            continue
        year = _year(m.group("y"))
        date = _fmt(year, _month_of(m), _num(m.group("d")))
        role = _role(m.group("pre"), m.group("suf"))
        if m.group("y1") and role == "point":
            role = "deadline"  # 2021—2025年: the period ends in the last year
        if (m.group("part") or "") in ("年底", "年末", "底", "末") and role == "point":
            role = "asof" if year_now and year < year_now else "deadline"
        out.append(TimeExpr(m.start() + offset, m.end() + offset, date, role))
        taken.append(m.span())
    for m in _PLAN.finditer(norm) if "五" in norm else ():
        if not free(*m.span()):
            continue
        end = _PLAN_END[m.group("p")]
        suf = m.group("suf") or ""
        role = "since" if suf == "以来" else "deadline" if suf else "point"
        if m.group("pre") in ("到", "至"):
            role = "deadline"
        out.append(TimeExpr(m.start() + offset, m.end() + offset, str(end), role))
        taken.append(m.span())
    if year_now is not None and "年" in norm and any(w in norm for w in _SPAN_WORDS):
        for m in _SPAN.finditer(norm):
            if not free(*m.span()):
                continue
            n = _num(m.group("n1") or m.group("n2")) or (2 if "两" in m.group() else None)
            if n and 0 < n <= 30:
                # The current year counts as the first: 三年内 in a 2023 plan ends in 2025.
                last = str(year_now + n - 1)
                out.append(TimeExpr(m.start() + offset, m.end() + offset, last, "deadline"))
                taken.append(m.span())
    if doc_date and any(w in norm for w in _NOW_WORDS):
        for m in _NOW.finditer(norm):
            if free(*m.span()):
                # 目前目标完成率为83%: as of the document's date
                out.append(TimeExpr(m.start() + offset, m.end() + offset, doc_date, "asof"))
                taken.append(m.span())
    for m in _MID_CENTURY.finditer(norm) if "世纪" in norm else ():
        out.append(TimeExpr(m.start() + offset, m.end() + offset, "2050", "deadline"))
        taken.append(m.span())
    if year_now is not None and _BARE_HINT.search(norm):
        for m in _BARE.finditer(norm):
            if m.end() == m.start() or not free(*m.span()):
                continue
            rel, month, part = m.group("rel"), m.group("m"), m.group("part")
            if not (rel or month or part):
                continue
            if m.group("pre") in ("比", "较", "与", "同"):
                out.append(TimeExpr(m.start() + offset, m.end() + offset, "", "base"))
                taken.append(m.span())
                continue
            if (
                rel is None
                and month is None
                and part in ("底", "末", "全年", "年底", "年末")
                and not m.group("suf")
            ):
                # 底 alone is vague; 全年 alone in a bulletin published in March is last year.
                continue
            if month is not None and not (1 <= (_num(month) or 0) <= 12):
                continue
            if month is not None and not re.match(
                r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月", norm[m.start("m") :]
            ):
                continue
            year = year_now + _REL.get(rel or "今年", 0)
            date = _fmt(year, _month_of(m), _num(m.group("d")))
            role = _role(m.group("pre"), m.group("suf"))
            if part in ("年底", "年末") and role == "point":
                role = "deadline" if rel in (None, "今年", "本年", "明年") else "asof"
            out.append(TimeExpr(m.start() + offset, m.end() + offset, date, role))
            taken.append(m.span())
    out.sort(key=lambda t: t.start)
    return out
