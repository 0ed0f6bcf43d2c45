"""Target or observation for one English value, from what its sentence says around it.

:func:`kind_of` weighs, in order: a baseline ("from 6.9 in 2020 to 12"), money compared against
or already spent, money committed for a coming period; else the verbs and cues
(``_en_kind.decide_kind``), a plan's task line, a budget's years; with no cue, the value's own
date, a lead's deadline, or what the document is. :class:`SentenceFacts` holds what the sentence
says once for all its values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goalpost.extract._en_dates import _year
from goalpost.extract._en_kind import BASELINE, decide_kind, past_time_after
from goalpost.extract._en_money import (
    BUDGET_ESTIMATE_CB,
    COMMITTED_CB,
    FUND_WORTH_CB,
    budget_kind,
    budget_year,
    reported_done,
)
from goalpost.extract._quantities_en import EnQuantity
from goalpost.extract._text import CaseBlind
from goalpost.extract._types import SentenceContext, TimeExpr

__all__ = [
    "BASELINE_CB",
    "BASE_OWNER",
    "NOW_AFTER_CB",
    "PAREN_YEAR_BEFORE",
    "SentenceFacts",
    "is_future",
    "is_past",
    "kind_of",
]


# "from roughly 47,000 today", "up from Rs 950 crore in the current financial year"
_NOW_AFTER = re.compile(
    r"\s*(?:\w+\s+)?(?:today|now|currently|at\s+present|at\s+the\s+moment|"
    r"in\s+the\s+current\s+(?:financial\s+|fiscal\s+)?year|this\s+year)\b",
    re.I,
)


NOW_AFTER_CB = CaseBlind(_NOW_AFTER)


# A value compared against: "compared with 68 billion yuan in 2023", "from a record $1.12 billion"
BASE_OWNER = re.compile(
    r"\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:about\s+|around\s+|nearly\s+|"
    r"only\s+|just\s+|a\s+record\s+|an?\s+estimated\s+)?$",
    re.I,
)


_TO_CHANGE_CB = CaseBlind(
    re.compile(
        r"\bto\s+(?:raise|increase|lift|boost|bring|reach|grow|expand|double|triple|cut|reduce|"
        r"lower|achieve|attain|create|build|train|attract|install|deploy|add)\b",
        re.I,
    )
)


def is_future(t: TimeExpr, doc_year: int | None) -> bool:
    """A time in a year after the document's."""
    return (_year(t.date) or 0) > (doc_year or 9999)


# "2.6% of GDP (2023: 2.2%)": the bracketed value is the baseline of that year
PAREN_YEAR_BEFORE = re.compile(r"\(\s*(?:19|20)\d\d\s*[:=]\s*$")


# "raised from the current 58 percent to 75 percent": the baseline is today's figure
_FROM_CURRENT = re.compile(
    r"\bfrom\s+(?:(?:the|its|their|a)\s+)?(?:current|present|existing|today's)\s+$", re.I
)


BASELINE_CB = CaseBlind(BASELINE, word_start=True)


# after the value, only a tense says it is reported: "$3.9 billion had been committed"
# ("1,000 patents registered a year" in a plan's list is a participle)
_REPORT_AUX = ("has", "have", "had", "was", "were", "so far", "to date")


_FROM_TO_GAP = re.compile(r"(?:\s+[\w/-]+){0,3}?\s+to\s+", re.I)


def is_past(t: TimeExpr, doc_year: int | None) -> bool:
    """A year before the document's, other than a base or a "since"."""
    return (_year(t.date) or 9999) < (doc_year or 0) and t.role not in ("since", "base")


@dataclass
class SentenceFacts:
    """What one sentence says around all its values, for deciding each value's kind."""

    s: str
    ctx: SentenceContext
    times: list[TimeExpr]
    owners: dict[int, list[EnQuantity]]  # id(time) -> the values it is written right after
    base_owned: set[int]  # times only a baseline owns ("from 1.9% in 2023")
    cues: list[re.Match[str]]
    next_start: dict[int, int]  # id(value) -> where the next value starts
    doc_year: int | None
    in_plan_section: bool
    own_plan: bool  # a plan, its target lead, or a targets section
    plan_line: bool  # a plan's task line, or a line under a future lead
    budget: bool  # budget words and a future time
    committed: bool  # money committed with no past year in sight
    budget_doc: bool  # the document is a budget for a year to come

    def past(self, t: TimeExpr) -> bool:
        return is_past(t, self.doc_year)

    def date_times_of(self, q: EnQuantity) -> list[TimeExpr]:
        """The times that may date ``q``: not those only a baseline (other than ``q``) owns."""
        return [
            t
            for t in self.times
            if id(t) not in self.base_owned or any(o is q for o in self.owners[id(t)])
        ]


# a value that names a goal: "the 35 percent goal", "its 6 gigawatt target"
_NAMED_GOAL_AFTER = re.compile(
    r"\s*(?:goal|target|objective)s?\b(?!\s+(?:of|is|was|for\s+the\s+year\s+was))"
)


def kind_of(f: SentenceFacts, q: EnQuantity, clause: tuple[int, int], prev_end: int) -> str:
    """Target or observation for value ``q`` of the sentence ``f`` describes.

    A baseline, money compared against or already spent, money committed; else the cues
    (``decide_kind``), a plan's task line, a budget's years; with no cue, the value's own
    date, a lead's deadline, or what the document is.
    """
    s, ctx, times, owners, cues = f.s, f.ctx, f.times, f.owners, f.cues
    next_start, doc_year, own_plan, plan_line = f.next_start, f.doc_year, f.own_plan, f.plan_line
    budget, committed, budget_doc = f.budget, f.committed, f.budget_doc
    in_plan_section, past, date_times_of = f.in_plan_section, f.past, f.date_times_of
    nxt = next_start.get(id(q))
    if (
        BASELINE_CB.search(s, max(0, q.start - 24), q.start)
        and (
            past_time_after(times, q, doc_year)
            or NOW_AFTER_CB.match(s, q.end)
            # "set to rise from 77 million tonnes per annum to 142 million tonnes by 2030"
            or (nxt is not None and _FROM_TO_GAP.fullmatch(s, q.end, nxt))
        )
    ) or (
        PAREN_YEAR_BEFORE.search(s, max(0, q.start - 12), q.start)
        or _FROM_CURRENT.search(s, max(0, q.start - 30), q.start)
    ):
        # "increase from 6.9 in 2020 to 12 in 2025", "down from 31.1 trillion won this year":
        # a baseline
        kind: str | None = "observation"
    elif (
        q.currency
        and BASE_OWNER.search(s, max(0, q.start - 30), q.start)
        and any(
            q.end <= t.start < min(clause[1], q.end + 60) and not is_future(t, doc_year)
            for t in times
        )
    ):
        kind = (
            "observation"  # "an allocation of Tk 3,856 crore, against Tk 3,512 crore in FY2023-24"
        )
    elif (
        q.currency
        and (budget or committed or budget_doc)
        and reported_done(s, q, prev_end, next_start.get(id(q), len(s)))
    ):
        kind = "observation"  # "€3.9 billion has already been awarded through public tenders"
    elif (
        budget
        or committed
        and COMMITTED_CB.search(s, max(0, q.start - 60), q.start)
        or FUND_WORTH_CB.search(s, max(0, q.start - 40), q.start)
        and not any(past(t) for t in times)
    ) and q.currency:
        # money committed for a coming period; "a call worth COP 200,000 million"
        kind = "target"
    elif _NAMED_GOAL_AFTER.match(s, q.end):
        kind = "target"  # "has yet to reach the 35 percent goal set for 2030", "its 6 GW target"
    else:
        own = [
            _year(t.date)
            for t in times
            if clause[0] <= t.start < clause[1]
            and t.role in ("point", "asof", "deadline")
            and t.date
            and all(o is q for o in owners.get(id(t), ()))
        ]
        kind = decide_kind(
            s,
            q,
            clause,
            cues,
            next_start.get(id(q), len(s)),
            own[0] if len(set(own)) == 1 else None,
            doc_year,
            in_plan_section,
        )
        if (
            kind == "observation"
            and plan_line
            and not any(
                c.group("os") and (c.start() < q.start or c.group().lower().startswith(_REPORT_AUX))
                for c in cues
                if c.start() < clause[1]
            )
            and not any(past(t) for t in date_times_of(q))
        ):
            # "- increase the number of patents issued ... by 25 percent": a plan's task line
            # whose participles ("issued", "listed") are no report of the past
            kind = "target"
        elif (
            kind == "observation"
            and _TO_CHANGE_CB.search(s, max(clause[0], q.start - 80), q.start)
            and any(
                t.role == "deadline" and is_future(t, doc_year) and clause[0] <= t.start < clause[1]
                for t in date_times_of(q)
            )
        ):
            # "has approved a programme to raise the share to 10% by 2030": what was approved
            # is past, the value it aims at is the target
            kind = "target"
    if kind is None and q.currency and budget_doc:
        kind = "target"  # "2025 Budget Bill": "ANID: CLP 540,000 million for research grants"
    elif (
        (q.currency or q.unit == "%")
        and budget_doc
        and not reported_done(s, q, prev_end, len(s))
        and (q.currency or not q.growth)
    ):
        kind = budget_kind(
            kind,
            times,
            clause,
            next_start.get(id(q), len(s)),
            budget_year(ctx.doc_title),
            ctx.doc_date,
            BUDGET_ESTIMATE_CB.search(s, max(clause[0], q.start - 40), q.num_start) is not None,
        )
    if kind is None:
        # No verb decides: a future deadline makes it a target, a past date
        # an observation, otherwise what the document or section is.
        dated = [t for t in times if t.role in ("deadline", "period", "point", "asof")]
        near = [
            t
            for t in dated
            if clause[0] <= t.start < clause[1] and all(o is q for o in owners.get(id(t), ()))
        ]
        ty = None
        if near:
            t0 = min(near, key=lambda t: t.start - q.end if t.start >= q.end else q.start - t.end)
            ty = _year(t0.date)
        gy = _year(ctx.governing_date)
        if ty is not None and doc_year is not None and ty != doc_year:
            kind = "target" if ty > doc_year else "observation"
        elif ty is None and gy is not None and doc_year is not None and gy > doc_year:
            kind = "target"  # a lead's future deadline: "By 2024:\n1. 80% of firms ..."
        else:
            kind = "target" if own_plan else "observation"
    return kind
