"""Money in English sentences: what is committed, what is spent, and what a budget allots.

A sum "committed", "allocated" or "earmarked" for a coming period is a target; one "already"
awarded or "had been committed" as of a date is a report; a budget for a year to come reads each
sum by the year its clause names; an estimate for the current year in a late-year release is the
year's figure.
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.extract._en_dates import _year
from goalpost.extract._periods import title_year
from goalpost.extract._quantities_en import EnQuantity
from goalpost.extract._text import CaseBlind
from goalpost.extract._types import TimeExpr

__all__ = [
    "budget_year",
    "BUDGET_ESTIMATE_CB",
    "COMMITTED_CB",
    "FUND_WORTH_CB",
    "budget_kind",
    "budget_title",
    "current_estimate",
    "reported_done",
]


_ESTIMATE = re.compile(
    r"\b(?:(?:is|are)\s+(?:expected|estimated|projected|likely|set)\s+to|expected\s+to|estimated\s+at|"
    r"an\s+estimated|is\s+estimated|are\s+estimated)\b",
    re.I,
)


def current_estimate(
    s: str, clause: tuple[int, int], date: str | None, doc_date: str | None
) -> bool:
    """An estimate for the current year in a release dated late in it (October or later)."""
    if not doc_date or len(doc_date) < 7 or not doc_date[5:7].isdigit() or int(doc_date[5:7]) < 10:
        return False
    if not date or date[:4] != doc_date[:4]:
        return False
    # "GDP is expected to reach about 1.35 trillion yuan, an increase of 6.1 percent" under
    # "Review of Work in 2024", in December 2024: the year's figure, estimated
    return bool(_ESTIMATE.search(s, 0, clause[1]))


# the verb with its auxiliary: "approved investments totalled ..." is no commitment
# "had been committed" (as of a date) is a report; "has been allocated" a commitment
_COMMITTED = re.compile(
    r"\b(?<!had\s)(?:has|have|will|shall|to|been)\s+(?:\w+\s+)?"
    r"(?:commit(?:s|ted)?|approv(?:e|es|ed)|allocat(?:e|es|ed)|earmark(?:s|ed)?|"
    r"set(?:s)?\s+aside|pledg(?:e|es|ed)|budget(?:s|ed)?|appropriat(?:e|es|ed)|unveil(?:s|ed)?)\b",
    re.I,
)


COMMITTED_CB = CaseBlind(_COMMITTED, word_start=True)


# money a named pot is worth: "opened a call worth COP 200,000 million", "a fund of $50 million"
FUND_WORTH_CB = CaseBlind(
    re.compile(
        r"\b(?:call|fund|funding|programme|program|scheme|package|facility|envelope|window)\s+"
        r"(?:worth|totall?ing|valued\s+at|with\s+a\s+(?:total\s+)?budget\s+of|"
        r"(?<!programme\s)(?<!program\s)of)\s+$",
        re.I,
    )
)


# a sum reported as done: "has already committed €21 billion", "€3.9 billion has been awarded so far"
_DONE_CB = CaseBlind(
    re.compile(r"\b(?:already|so\s+far|to\s+date|thus\s+far|until\s+now)\b", re.I), word_start=True
)


def reported_done(s: str, q: EnQuantity, lo: int, hi: int) -> bool:
    """Whether "already"/"so far" stands next to money ``q``, between the values around it."""
    return bool(
        _DONE_CB.search(s, max(lo, q.start - 60), q.start)
        or _DONE_CB.search(s, q.end, min(hi, q.end + 40))
    )


_BUDGET_TITLE = re.compile(r"\b(?:budget|appropriation|estimates\s+of\s+expenditure)\b", re.I)


@lru_cache(maxsize=256)
def budget_title(title: str | None, doc_year: int | None) -> bool:
    """A budget for a year to come: "2025 Budget Bill" in 2024, "Budget Speech 2024-25"."""
    return bool(
        title and _BUDGET_TITLE.search(title) and (budget_year(title) or 0) >= (doc_year or 9999)
    )


# "is estimated at", "are projected at", "is set at", "is budgeted at"
BUDGET_ESTIMATE_CB = CaseBlind(
    re.compile(
        r"\b(?:is|are|was|were|has\s+been|have\s+been)\s+(?:estimated|projected|set|budgeted|"
        r"forecast|pegged|placed|fixed)\s+(?:at|to\s+be)\b",
        re.I,
    ),
    word_start=True,
)


_FISCAL_SLASH = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*/\s*(\d\d)(?!\d)")


@lru_cache(maxsize=256)
def budget_year(title: str | None) -> int | None:
    """The year a budget's title names; a fiscal year ends in its second year ("FY 2025/26": 2026).

    >>> budget_year("Estimates for FY 2025/26"), budget_year("Budget 2025-26"), budget_year("2025 Budget")
    (2026, 2026, 2025)
    """
    m = _FISCAL_SLASH.search(title or "")
    if m and int(m.group(2)) == (int(m.group(1)) + 1) % 100:
        return int(m.group(1)) + 1
    return _year(title_year(title))


def budget_kind(
    kind: str | None,
    times: list[TimeExpr],
    clause: tuple[int, int],
    upto: int,
    budget_year: int | None,
    doc_date: str | None,
    estimate_before: bool = False,
) -> str | None:
    """In a budget for a year to come, money's kind by the years written in its clause before
    the next value (``upto``): the budget's own year or later is an allocation, an earlier one a
    report ("the 2025 Appropriation Bill of ₦3.005 trillion", "the deficit for 2024-25 is
    estimated at HK$87.2 billion" in the 2025-26 Budget). With no year written, a figure the
    budget sets or estimates (``estimate_before``) is the budget's."""
    years = [
        y
        for t in times
        if clause[0] <= t.start < min(clause[1], upto)
        and t.role != "since"
        and t.date != doc_date  # the dateline
        and (y := _year(t.date))
    ]
    if budget_year is None:
        return kind
    if not years:
        # "Total expenditure is set at €6.21 billion", "the fiscal deficit is projected at 2.95 per
        # cent of GSDP": the budget's own estimates, for the year it budgets
        return "target" if kind == "observation" and estimate_before else kind
    if kind == "observation" and all(y >= budget_year for y in years):
        return "target"
    if kind == "target" and any(y < budget_year for y in years):
        return "observation"
    return kind
