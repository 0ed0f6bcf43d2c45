"""Plan periods, Five-Year Plans and "is this a plan?" — shared by both languages.

China's n-th Five-Year Plan covers ``1951 + 5n`` to ``1955 + 5n`` (13th:
2016-2020, 14th: 2021-2025, 15th: 2026-2030).
"""

from __future__ import annotations

import re
from functools import lru_cache

_ORD_WORDS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
}
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

_FYP_EN = re.compile(
    r"\b(?:(\d{1,2})(?:st|nd|rd|th)|(" + "|".join(_ORD_WORDS) + r"))"
    r"\s*[\"']?\s*Five[\s-]*Year\s+(?:Plan|Programme|Program|Development\s+Plan)",
    re.IGNORECASE,
)
_FYP_ZH = re.compile(
    r"(?:第)?十([一二三四五六七八九]?)(?:个)?五(?:年规划|年计划|规划|计划|期间|时期|”|\"|末|$|[^年])"
)
_BARE_FYP_ZH = re.compile(r"(?:第)?十(?:个)?五(?:年规划|年计划|规划|计划|期间|时期|”|\"|末)")
_FYP_ZH_NUM = re.compile(r"第(\d{1,2})个五年(?:规划|计划)")

_YEAR_RANGE = re.compile(
    r"(?<!\d)((?:19|20)\d\d)\s*(?:-|–|—|~|to|through|until|至|到)\s*((?:19|20)?\d\d)(?!\d)"
)
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")

_PLAN_WORDS = re.compile(
    r"\b(?:plans?|action\s+plan|programmes?|programs?|strateg(?:y|ies)|roadmap|blueprint|"
    r"agenda|targets?|goals|outline|vision|initiative|masterplan|white\s+paper|mission)\b"
    r"|规划|计划|方案|纲要|意见|行动|战略|目标",
    re.IGNORECASE,
)


def five_year_plan_end(n: int) -> int:
    """Last year of China's ``n``-th Five-Year Plan.

    >>> five_year_plan_end(13), five_year_plan_end(14), five_year_plan_end(15)
    (2020, 2025, 2030)
    """
    return 1955 + 5 * n


def five_year_plan_mentions(text: str) -> list[tuple[int, int, int]]:
    """Every Five-Year Plan named in ``text`` as ``(start, end, end_year)``.

    >>> five_year_plan_mentions("during the 14th Five-Year Plan period")
    [(11, 30, 2025)]
    >>> [m[2] for m in five_year_plan_mentions("“十三五”期间 and the Thirteenth Five-Year Plan")]
    [2020, 2020]
    """
    out: list[tuple[int, int, int]] = []
    for m in _FYP_EN.finditer(text):
        n = int(m.group(1)) if m.group(1) else _ORD_WORDS[m.group(2).lower()]
        out.append((m.start(), m.end(), five_year_plan_end(n)))
    if not text.isascii():
        for m in _FYP_ZH.finditer(text):
            if not m.group(1) and not _BARE_FYP_ZH.match(m.group(0)):
                continue  # 十五家, 十五个: the number 15, not the 10th Five-Year Plan
            n = 10 + _ZH_DIGITS.get(m.group(1), 0)
            out.append((m.start(), m.start() + 3 + len(m.group(1)), five_year_plan_end(n)))
        for m in _FYP_ZH_NUM.finditer(text):
            out.append((m.start(), m.end(), five_year_plan_end(int(m.group(1)))))
        out.sort()
    return out


def year_range(text: str) -> tuple[int, int] | None:
    """The first plausible ``first-last`` year range in ``text`` (a plan period).

    >>> year_range("Three-year Action Plan (2019-2021)"), year_range("FY2024-25 budget")
    ((2019, 2021), (2024, 2025))
    """
    for m in _YEAR_RANGE.finditer(text):
        a = int(m.group(1))
        b_raw = m.group(2)
        b = int(b_raw) if len(b_raw) == 4 else (a // 100) * 100 + int(b_raw)
        if a < b <= a + 30:
            return a, b
    return None


def plan_period(title: str | None, period: tuple[int, int] | None = None) -> tuple[int, int] | None:
    """The plan period from a Document's ``period`` or its title.

    >>> plan_period("14th Five-Year Plan for Science and Technology")
    (2021, 2025)
    >>> plan_period("Guangzhou S&T Innovation Plan (2019-2021)")
    (2019, 2021)
    """
    if period:
        return period
    if not title:
        return None
    rng = year_range(title)
    if rng:
        return rng
    fyp = five_year_plan_mentions(title)
    if fyp:
        end = fyp[0][2]
        return end - 4, end
    return None


@lru_cache(maxsize=2048)
def title_year(title: str | None) -> str | None:
    """A deadline year stated in a heading: a Five-Year Plan, a range's end or the last year.

    >>> title_year("Targets for 2025"), title_year("Goals of the 13th Five-Year Plan")
    ('2025', '2020')
    >>> title_year("Eight Major Actions") is None
    True
    """
    if not title:
        return None
    fyp = five_year_plan_mentions(title)
    if fyp:
        return str(fyp[-1][2])
    rng = year_range(title)
    if rng:
        return str(rng[1])
    years = _YEAR.findall(title)
    return years[-1] if years else None


def reads_as_plan(title: str | None, period: tuple[int, int] | None = None) -> bool:
    """Whether a document's title (or a stated period) says it is a plan.

    >>> reads_as_plan("Three-year Action Plan of Guangzhou (2019-2021)")
    True
    >>> reads_as_plan("Guangzhou's innovative ecosphere gaining momentum")
    False
    """
    # A period found in the body (a report quoting a Five-Year Plan) does not
    # make the document a plan; the title must say so.
    return bool(title and _PLAN_WORDS.search(title))
