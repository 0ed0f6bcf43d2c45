"""Dates of English items: a target's deadline, an observation's as-of date.

Nearest time expression in the value's clause first, then earlier in the
sentence; then what the context carries: a paragraph's governing deadline,
a heading's year, a section lead's period, the plan period, a plan title's
future year. A report about a year ("Statistical Communiqué on the 2022 ...")
dates its statistics in that year.
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.extract._periods import five_year_plan_mentions, year_range
from goalpost.extract._quantities_en import EnQuantity
from goalpost.extract._types import SentenceContext, TimeExpr


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def choose_date(
    times: list[TimeExpr], q: EnQuantity, clause: tuple[int, int], kind: str, ctx: SentenceContext
) -> str | None:
    doc_year = _year(ctx.doc_date)
    usable = [t for t in times if t.role not in ("since", "base")]

    def dist(t: TimeExpr) -> int:
        return t.start - q.end if t.start >= q.end else q.start - t.end

    def pick(cands: list[TimeExpr], later_clauses: bool = True) -> TimeExpr | None:
        in_clause = [t for t in cands if clause[0] <= t.start < clause[1]]
        pool = in_clause or [t for t in cands if t.end <= q.start]
        if not pool and later_clauses:
            pool = cands
        return min(pool, key=lambda t: (dist(t), t.start)) if pool else None

    if kind == "target":
        strong = [t for t in usable if t.role in ("deadline", "period", "then")]
        points = [
            t
            for t in usable
            if t.role == "point"
            and (doc_year is None or _year(t.date) is None or _year(t.date) >= doc_year)
        ]
        t = pick(strong) or pick(points) or pick([t for t in usable if t.role == "point"])
        if t is not None:
            if t.role == "then":
                return ctx.governing_date or ctx.section_title_date or _period_end(ctx)
            return t.date
        gov = ctx.governing_date
        if gov and doc_year is not None and (_year(gov) or 0) < doc_year:
            gov = None  # an as-of date from a report's lead sentence is no deadline
        return (
            gov
            or ctx.section_title_date
            or getattr(ctx, "section_lead_date", None)
            or _period_end(ctx)
        )
    # A report's "..., with 203 listed in 2016" dates the 203, not what came before.
    # A future deadline is no as-of date for a reported value.
    t = pick(
        [
            t
            for t in usable
            if not (t.role == "period" and (doc_year is None or (_year(t.date) or 0) > doc_year))
            and not (t.role == "deadline" and doc_year and (_year(t.date) or 0) > doc_year)
        ],
        later_clauses=False,
    )
    if t is not None:
        if t.role == "then":
            return ctx.governing_date or ctx.doc_date
        return t.date
    gov = ctx.governing_date
    if gov and (doc_year is None or (_year(gov) or 0) <= doc_year):
        return gov
    ref = reference_year(ctx.doc_title, ctx.doc_date)
    if ref is not None and doc_year is not None and ref < doc_year:
        return str(ref)  # a 2022 statistical communiqué speaks of 2022
    return ctx.doc_date


@lru_cache(maxsize=1024)
def reference_year(title: str | None, doc_date: str | None) -> int | None:
    """The year a report is about: a single year in its title before the publication year.

    "Statistical Communiqué on the 2022 National Economic and Social
    Development", published in March 2023, reports 2022.
    """
    dy = _year(doc_date)
    if not title or dy is None or year_range(title) or five_year_plan_mentions(title):
        return dy
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", title)]
    if len(set(years)) == 1 and dy - 3 <= years[0] < dy:
        return years[0]
    return dy


def _period_end(ctx: SentenceContext) -> str | None:
    """The plan period's end, or a future year a plan's title names ("Impact 2030", "RIE2025")."""
    if ctx.doc_period:
        return str(ctx.doc_period[1])
    if ctx.doc_is_plan and ctx.doc_title:
        years = [int(y) for y in re.findall(r"((?:19|20)\d\d)(?!\d)", ctx.doc_title)]
        dy = _year(ctx.doc_date)
        if years and dy is not None and max(years) > dy:
            return str(max(years))
    return None


def governing_date(times: list[TimeExpr], s: str) -> str | None:
    """A deadline (or as-of date) this sentence sets for what follows in its paragraph.

    Only stated dates govern: "so far" and "currently" speak for their own
    sentence.
    """
    for t in times:
        if (
            t.role in ("deadline", "asof", "period")
            and t.date
            and any(c.isdigit() for c in s[t.start : t.end])
        ):
            return t.date
    lead = re.match(r"\s*(?:In|During|For)\s+((?:19|20)\d\d)\s*,", s)
    return lead.group(1) if lead else None
