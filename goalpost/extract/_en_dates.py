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
from goalpost.extract._time_en import find_times
from goalpost.extract._types import SentenceContext, TimeExpr

_LIST_HEAD_YEAR = re.compile(
    r"\b(?:for|in|by|until|through)\s+((?:19|20)\d\d)(?:\s+(?:are|is|include|were))?\s*:"
    # "Progress on the main indicators (latest value / 2026 target):"
    r"|\b((?:19|20)\d\d)\s+(?:targets?|goals?|objectives?)\b[^:]{0,3}:",
    re.I,
)
# the gap between an item's time and the next item's value: "in 2020 and 500 firms"
_NEXT_ITEM_JOIN = re.compile(r"\s*[,;]?\s*(?:and|while|whereas|but)\s+|\s*;\s*", re.I)
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_FIGURE = re.compile(r"\d")


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


# "the C$1.6 billion recorded in 2024", "the $9.2 billion raised in 2023"
_PARTICIPLE_GAP = re.compile(
    r"\s+(?:recorded|registered|reported|posted|raised|seen|achieved|attained|spent|invested|"
    r"generated|earned|logged|collected|disbursed)\s+"
)


def attached(t: TimeExpr, q: EnQuantity, s: str | None = None) -> bool:
    """Whether ``t`` is written right after ``q`` ("30 billion in 2026"), so it dates ``q``.

    With the sentence ``s``, a participle between them counts too ("1.6 billion recorded in
    2024").
    """
    gap = t.start - q.end
    if 0 <= gap <= 4:
        return True
    return (
        s is not None and 4 < gap <= 16 and _PARTICIPLE_GAP.fullmatch(s, q.end, t.start) is not None
    )


def _comma_penalty(s: str | None, a: int, b: int) -> int:
    """A time across a comma from the value counts as farther than one beside it: in "the
    service launched in 2021, had processed ETB 1.1 trillion by June 2024" June 2024 dates
    the sum."""
    return 30 if s is not None and "," in s[a:b] else 0


def choose_date(
    times: list[TimeExpr],
    q: EnQuantity,
    clause: tuple[int, int],
    kind: str,
    ctx: SentenceContext,
    s: str | None = None,
) -> str | None:
    doc_year = _year(ctx.doc_date)
    usable = [t for t in times if t.role not in ("since", "base")]
    # "300 firms in 2020 and 500 firms in 2023": a time that ends just before "and <value>"
    # closes the previous item; the 500's own time follows it.
    later_own = s is not None and any(t.start >= q.end for t in usable)
    # (for a target the deadline may sit across a comma: "approved funding of ..., covering 2026")
    commas = s if kind == "observation" else None

    def dist(t: TimeExpr) -> int:
        if t.start >= q.end:
            return t.start - q.end + _comma_penalty(commas, q.end, t.start)
        if later_own and s is not None and _NEXT_ITEM_JOIN.fullmatch(s, t.end, q.start):
            return q.start - t.end + 100
        return q.start - t.end + _comma_penalty(commas, t.end, q.start)

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
            and (doc_year is None or (y := _year(t.date)) is None or y >= doc_year)
        ]
        # "raise spending to PLN 30 billion in 2026 and to 1.5% of GDP by 2030": a year written
        # right after the value is that value's, whatever deadline the sentence has.
        own = [t for t in points if attached(t, q)]
        t = (
            own[0]
            if own
            else pick(strong) or pick(points) or pick([t for t in usable if t.role == "point"])
        )
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
    head = ctx.section_title_date
    if head and doc_year is not None and (_year(head) or 9999) < doc_year:
        return head  # under "Key figures Brainport region, 2024" in a 2025 release
    ref = reference_year(ctx.doc_title, ctx.doc_date)
    if ref is not None and doc_year is not None and ref < doc_year:
        return str(ref)  # a 2022 statistical communiqué speaks of 2022
    prev = previous_figures_date(ctx.previous_sentence, ctx.doc_date)
    if prev is not None:
        return prev
    return ctx.doc_date


@lru_cache(maxsize=256)
def previous_figures_date(previous: str | None, doc_date: str | None) -> str | None:
    """The date a release's previous sentence gave its figures, for an undated figure after it.

    "Cargo throughput reached 1.32 billion tonnes in 2023. Container throughput rose 5.9%."
    dates the 5.9% 2023. Only a sentence that itself reports a figure (a number that is not a
    year) passes its date on, and only a past or present one.

    >>> previous_figures_date("Exports reached 4.2 billion in 2023.", "2024-02-01")
    '2023'
    >>> previous_figures_date("The plan was issued in 2019.", "2024-02-01") is None
    True
    """
    if not previous or not _FIGURE.search(_YEARS.sub(" ", previous)):
        return None
    dy = _year(doc_date)
    dated = [
        t
        for t in find_times(previous, doc_date=doc_date)
        if t.role in ("point", "asof") and t.date and (dy is None or (_year(t.date) or 0) <= dy)
    ]
    # the first: later ones are often bases ("a year earlier")
    return dated[0].date if dated else None


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
    if ctx.doc_title:
        years = [int(y) for y in re.findall(r"((?:19|20)\d\d)(?!\d)", ctx.doc_title)]
        dy = _year(ctx.doc_date)
        if dy is None or not years or max(years) <= dy:
            return None
        # a release's headline deadline: "... public investment of €12.25 billion until 2027"
        if ctx.doc_is_plan or len({y for y in years if y > dy}) == 1:
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
    if lead:
        return lead.group(1)
    # "sets the following targets for 2030: at least 80% ...; 20 million ...": a list's heading
    listed = _LIST_HEAD_YEAR.search(s) if ":" in s else None
    if listed:
        return listed.group(1) or listed.group(2)
    # "Turnover by main sector, January–June 2024:": a lead line's closing date dates its list
    tail = s.rstrip()
    if tail.endswith(":"):
        for t in reversed(times):
            if t.date and len(tail) - 4 <= t.end and any(c.isdigit() for c in s[t.start : t.end]):
                return t.date
    return None
