"""The English component: one sentence in, items out.

``extract_sentence(ctx)`` reads the quantities of a sentence
(``_quantities_en``), drops what is not an item (``_en_filters``, and
``_en_policy`` for a policy's terms and others' projections), and for each
remaining value decides kind (target or observation; ``_en_kind`` for the
verbs, ``_en_money`` for commitments and budgets), date (``_en_dates``),
growth (``_en_growth``), comparator (one comparator may govern a list), unit
refinements ("per 10,000 people", ``_en_row_units``), indicator
(``_en_phrases``) and region (``_en_mentions``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache, partial

from goalpost._models import Item
from goalpost.extract._en_dates import (
    _year,
    attached,
    choose_date,
    governing_date,
    reference_year,
)
from goalpost.extract._en_filters import (
    _quote_spans,
    duration_value,
    is_threshold,
    not_an_item,
)
from goalpost.extract._en_growth import COMPARED_BASE_CB, RESPECTIVELY, read_growth
from goalpost.extract._en_item_kind import (
    BASE_OWNER,
    BASELINE_CB,
    NOW_AFTER_CB,
    PAREN_YEAR_BEFORE,
    SentenceFacts,
    is_future,
    is_past,
    kind_of,
)
from goalpost.extract._en_kind import (
    BUDGET,
    CUE_FIRSTS,
    CUES,
    CUES_LOW,
    FUTURE_SPAN,
    GOAL_BEFORE,
    GOAL_NEAR,
    section_is_plan,
)
from goalpost.extract._en_mentions import mentions as region_mentions
from goalpost.extract._en_money import (
    COMMITTED_CB,
    budget_title,
    current_estimate,
)
from goalpost.extract._en_phrases import (
    fallback_indicator,
    indicator,
    owner_region,
    resolve_pronoun,
)
from goalpost.extract._en_policy import is_projection, policy_parameters
from goalpost.extract._en_row_units import ROW_UNIT, per_unit, row_unit
from goalpost.extract._numerals_en import NUMBER_WORD_LOW
from goalpost.extract._periods import title_year
from goalpost.extract._quantities_en import EnQuantity, scan_quantities
from goalpost.extract._text import CaseBlind, ascii_lower, match_at_words, normalized, word_before
from goalpost.extract._time_en import find_times
from goalpost.extract._types import SentenceContext, SentenceResult

_DIGIT = re.compile(r"\d")
_TO_GAP = re.compile(r"\s*,?\s*to\s+")
# "by the end of this year": a deadline a sentence without numbers can set.
_YEAR_END = re.compile(r"\bby\s+(?:the\s+)?(?:year[\s-]?end|end\s+of\s+(?:this|the)\s+year)", re.I)


@lru_cache(maxsize=64)  # the pipeline asks first, then ``extract_sentence``
def may_hold_number(s: str) -> bool:
    """Whether sentence ``s`` has a digit or a written number (other than "a"/"an").

    The cheap test that lets a sentence without any number candidate skip
    every other English rule.
    """
    return bool(_DIGIT.search(s) or NUMBER_WORD_LOW.search(s.lower()))


def sets_deadline_without_number(s: str, doc_date: str | None) -> str | None:
    """The deadline a sentence without numbers sets ("By the end of the year, ...")."""
    if _YEAR_END_CB.search(s):
        return governing_date(find_times(s, doc_date=doc_date), s)
    return None


_CLAUSE_BREAK = re.compile(
    r";|:\s|,\s*(?=(?:and|while|with|but|which|whereas|of\s+which|bringing|accounting|turning|driving|"
    r"making|reaching|representing|constituting|up|down|an?\s+(?:increase|decrease|rise|drop)|"
    r"including|as\s+well\s+as|compared|hoping|aiming|so\s+that|in\s+order|whose|after|before|since)\b)"
    r"|\s(?=(?:while|whereas)\b)|\s(?=and\s+(?:will|shall|is|are|was|were|has|have|had)\b)",
    re.I,
)


_LIST_GAP = re.compile(
    r"^[\s\w&'’\"“”-]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)$", re.I
)
# "at least 20 percent of GDP by 2025 and 30 percent by 2030": staged values of one target
_STAGED_GAP = re.compile(
    r"(?:\s+of\s+[\w&'-]+(?:\s+[\w&'-]+)?)?\s+(?:by|in)\s+(?:the\s+end\s+of\s+)?(?:19|20)\d\d"
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)$",
    re.I,
)
_GAP_VERB = re.compile(
    r"\b(?:of|will|build|create|establish|attract|recruit|have|has|had|is|are|was|were|be|reach|"
    r"develop|set|start|cultivate|train|introduce|launch|support|with)\b",
    re.I,
)

# Case-blind patterns run on lower-cased ASCII text (see ``CaseBlind``); only
# their offsets are used.
_YEAR_END_CB = CaseBlind(_YEAR_END, word_start=True)
_CLAUSE_BREAK_CB = CaseBlind(_CLAUSE_BREAK)
_GOAL_BEFORE_CB = CaseBlind(GOAL_BEFORE, word_start=True)
_FUTURE_SPAN_CB = CaseBlind(FUTURE_SPAN, word_start=True)
_BUDGET_CB = CaseBlind(BUDGET, word_start=True)


# A plan's task line starts with a bare verb: "- increase ...", "(2) Ensure that ...".
_TASK_LINE = re.compile(
    r"\s*(?:[-•*·–]\s*|\(?[a-z0-9]{1,3}[.)]\s*)?(?:raise|increase|lift|grow|build|create|"
    r"establish|attract|cultivate|train|develop|double|triple|reach|expand|bring|boost|cut|reduce|"
    r"keep|maintain|support|deliver|deploy|add|achieve|secure|attain|ensure|make|open|launch|"
    r"provide|invest|mobili[sz]e|nurture|foster|form|complete|install|upgrade|produce|generate|"
    r"halve|cap|limit|set\s+up)\b",
    re.I,
)
_TASK_LINE_CB = CaseBlind(_TASK_LINE)


def _clauses(s: str) -> list[tuple[int, int]]:
    out = []
    a = 0
    for m in _CLAUSE_BREAK_CB.finditer(s):
        if m.start() > a:
            out.append((a, m.start()))
        a = m.end()
    out.append((a, len(s)))
    return out


def _clause_of(clauses: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    for a, b in clauses:
        if a <= pos < b:
            return a, b
    return clauses[-1]


def _propagate_comparators(s: str, qs: list[EnQuantity]) -> None:
    """ "over 25 universities, 60 bases and 10 platforms": one comparator, three values."""
    for a, b in zip(qs, qs[1:], strict=False):
        if a.comparator in ("=", "range") or b.comparator != "=" or b.value_max is not None:
            continue
        if (a.unit == "count") != (b.unit == "count") or (a.unit in ("%", "pp")) != (
            b.unit in ("%", "pp")
        ):
            continue
        gap = s[a.end : b.start]
        if (_LIST_GAP.match(gap) and not _GAP_VERB.search(gap) and len(gap.split()) <= 8) or (
            a.unit == b.unit and _STAGED_GAP.match(gap)
        ):
            b.comparator = a.comparator


def extract_sentence(ctx: SentenceContext) -> SentenceResult:
    """Items of one English sentence, with offsets into the document text.

    >>> text = "By the end of 2021, the city will have over 12,000 Hi-tech companies."
    >>> ctx = SentenceContext(text=text, start=0, end=len(text), doc_id="d", lang="en",
    ...                       doc_date="2019-09-30", doc_region="Guangzhou")
    >>> [(i.kind, i.comparator, i.value, i.unit, i.date) for i in extract_sentence(ctx).items]
    [('target', '>', 12000.0, 'count', '2021')]
    """
    base = ctx.start
    norm_text = getattr(ctx, "norm_text", None)
    raw = ctx.text[ctx.start : ctx.end]
    s = norm_text[ctx.start : ctx.end] if norm_text is not None else normalized(raw)
    result = SentenceResult()
    if not may_hold_number(s):
        result.sets_governing_date = sets_deadline_without_number(s, ctx.doc_date)
        return result
    ref = reference_year(ctx.doc_title, ctx.doc_date)
    times = find_times(s, doc_date=ctx.doc_date, ref_year=ref)
    since = _SINCE_CLAUSE.match(s) if "ince" in s[:12] else None
    if since:
        # "Since the programme was launched in 2019, 1,000 professorships have been created":
        # the year starts the count; the figures stand as of now
        times = [replace(t, role="since") if t.end <= since.end() else t for t in times]
    result.sets_governing_date = governing_date(times, s)
    qs = scan_quantities(s, region=ctx.doc_region)
    if not qs:
        return result
    quotes = _quote_spans(s)
    kept = [q for q in qs if not_an_item(s, q, quotes) is None]
    for q in kept:
        dv = duration_value(s, q)
        if dv:
            q.unit, q.end = dv  # "reduced to no more than 16 months": months are the value
    if not kept:
        return result
    clauses = _clauses(s)
    # a numbered line under "2. Numerical targets" is in that targets section too
    in_plan_section = section_is_plan(ctx.section) or section_is_plan(
        ctx.section_titles[1] if len(ctx.section_titles) > 1 else None
    )
    # in a plan, under its target lead, or in a targets section
    own_plan = ctx.doc_is_plan or ctx.governing_target or in_plan_section
    if is_projection(s, (0, len(s)), own_plan):
        # A trend projection: only values named as a goal or target stay.
        kept = [
            q
            for q in kept
            if GOAL_NEAR.match(s, q.end, min(len(s), q.end + 20))
            or _GOAL_BEFORE_CB.search(s, max(0, q.start - 25), q.start)
        ]
        if not kept:
            return result
    _propagate_comparators(s, kept)
    low = ascii_lower(s) or s.lower()
    # Lower-case text and pattern: ``re`` is several times slower case-blind.
    cues = (
        list(CUES_LOW.finditer(low)) if len(low) == len(s) else match_at_words(CUES, s, CUE_FIRSTS)
    )
    # "increased from 414 at present to 600 by December 2025": "at present" is the 414's
    now_of_base = {
        q.end + m.end() - m.start()
        for q in kept
        if BASELINE_CB.search(s, max(0, q.start - 24), q.start)
        and (m := NOW_AFTER_CB.match(s, q.end))
    }
    if now_of_base:
        cues = [c for c in cues if not (c.group("os") and c.end() in now_of_base)]
    mentions = region_mentions(s)
    doc_year = _year(ctx.doc_date)
    last_count: tuple[str, int | None, int | None] | None = None
    first_found: tuple[str, int | None, int | None] | None = None
    kept = [q for q in kept if not is_threshold(s, q, _clause_of(clauses, q.num_start)[0])]
    policy = policy_parameters(s, kept, clauses)
    kept = [q for i, q in enumerate(kept) if i not in policy]
    next_start = {id(a): b.start for a, b in zip(kept, kept[1:], strict=False)}
    # "raise R&D to 2.6% of GDP, from 2.1% in 2020": "in 2020" is the 2.1's year, not the 2.6's
    owners: dict[int, list[EnQuantity]] = {}
    for t in times:
        # "450 (2023: 312)": the bracketed year is the baseline's alone
        paren = [
            o
            for o in kept
            if t.end <= o.start and PAREN_YEAR_BEFORE.fullmatch(s, t.start - 1, o.start)
        ]
        for other in paren or kept:
            if paren or attached(t, other, s):
                owners.setdefault(id(t), []).append(other)
    # a time that only a baseline owns ("from 1.9% in 2023", "double the C$1.6 billion recorded
    # in 2024") dates nothing else
    base_owned = {
        id(t)
        for t in times
        if (ow := owners.get(id(t)))
        and all(
            BASE_OWNER.search(s, max(0, o.start - 30), o.start) or not attached(t, o) for o in ow
        )
    }
    future = any(is_future(t, doc_year) and t.role not in ("since", "base") for t in times) or bool(
        _FUTURE_SPAN_CB.search(s)
    )
    budget = future and _BUDGET_CB.search(s) is not None
    # "Partners have committed $40 million to the strategy" in a plan, "For 2025, Government has
    # allocated GH¢350 million": money committed, not yet spent, with no past year in sight

    # a budget for a year to come: "2025 Budget Bill" published in 2024, "Budget Speech 2024-25"
    budget_doc = budget_title(ctx.doc_title, doc_year)

    past = partial(is_past, doc_year=doc_year)

    committed = (
        not budget
        and COMMITTED_CB.search(s) is not None
        and not any(past(t) for t in times)
        and (
            ctx.doc_is_plan
            or in_plan_section
            or any((_year(t.date) or 0) >= (doc_year or 9999) for t in times)
        )
    )
    # a plan's task line, or a line under a future lead ("Headline objectives for 2030")
    plan_line = own_plan and (
        _TASK_LINE_CB.match(s) is not None
        or (_year(ctx.governing_date) or 0) > (doc_year or 9999)
        or (in_plan_section and (_year(ctx.section_title_date) or 0) > (doc_year or 9999))
    )

    facts = SentenceFacts(
        s=s,
        ctx=ctx,
        times=times,
        owners=owners,
        base_owned=base_owned,
        cues=cues,
        next_start=next_start,
        doc_year=doc_year,
        in_plan_section=in_plan_section,
        own_plan=own_plan,
        plan_line=plan_line,
        budget=budget,
        committed=committed,
        budget_doc=budget_doc,
    )
    date_times_of = facts.date_times_of

    prev_end = 0
    from_found: tuple[str, int | None, int | None] | None = None
    change_found: tuple[str, int | None, int | None] | None = None
    prev_found: tuple[str, int | None, int | None] | None = None
    prev_unit: str | None = None
    prev_q: EnQuantity | None = None
    growth_before: EnQuantity | None = None
    for q in kept:
        clause = _clause_of(clauses, q.num_start)
        wb = word_before(s, q.start, clause[0])  # q.start stays put below
        read_growth(s, q, clause, wb, prev_q, growth_before)
        prev_q = q
        growth_before = q if q.growth else None
        kind = kind_of(facts, q, clause, prev_end)
        date = choose_date(date_times_of(q) if base_owned else times, q, clause, kind, ctx, s)
        attached_to = (
            result.items[-1]
            if result.items and _ATTACHED_TO_PREV.fullmatch(s, prev_end, q.start)
            else None
        )
        if attached_to is not None and attached_to.kind == "target" and kind == "observation":
            # "KRW 35.3 trillion for 2026, up 19.3 percent from ...", "KRW 2.7 trillion,
            # supporting 16,000 research projects": the change or the reach of that target
            kind, date = "target", attached_to.date
        if kind == "observation" and doc_year is not None and (_year(date) or 0) > doc_year:
            date = ctx.doc_date  # "has risen to 1,240, above the target set for 2027": reported now
        if date is None and kind == "target" and budget_doc:
            date = title_year(ctx.doc_title)  # the budget's year
        if kind == "target" and current_estimate(s, clause, date, ctx.doc_date):
            kind = "observation"  # "expected to reach 260 billion this year" in a November release
        unit = per_unit(s, q, clause) or q.unit
        value = float(q.value)
        row = (
            ROW_UNIT.search(s, 0, q.num_start)
            if unit == "count" and not q.scaled and ")" in s[: q.num_start]
            else None
        )
        if row:
            # A table row's unit in its label: "R&D intensity (%)  2.6  3.2", "Output (billion yuan) 120".
            unit, factor = row_unit(row)
            value *= factor
        found = indicator(s, q, clause, prev=first_found, lo=prev_end, wb=wb)
        if from_found is not None and word_before(s, q.start) == "to":
            found = from_found  # "rose from 5.5% in 2015 to 6.5% in 2021": the same indicator
        if change_found is not None and not q.growth and _TO_GAP.fullmatch(s[prev_end : q.start]):
            found = change_found  # "declined by 2.5 percent to 120 billion yuan": the new level
        if (
            prev_found is not None
            and not q.growth
            and unit == prev_unit
            and COMPARED_BASE_CB.search(s, max(0, q.start - 30), q.start)
        ):
            found = (
                prev_found  # "92% in 2022, compared with 88% two years earlier": the same indicator
            )
        prev_unit = unit
        from_found = found if BASELINE_CB.search(s, max(0, q.start - 24), q.start) else None
        change_found = found if q.growth else None
        if q.growth and first_found is not None and (found is None or q.growth_noun):
            found = first_found  # "an increase of 11.6 percent", "up 11.5 percent": what increased
        if found is None and q.unit == "count" and last_count is not None:
            found = last_count  # "404 companies are listed, with 203 listed in 2016"
        name, ia, ib = resolve_pronoun(
            s, q, clause, found or fallback_indicator(s, q, clause), prev_found
        )
        prev_found = (name, ia, ib)
        name = _as_written(s, raw, name)
        if q.unit == "count" and found is not None:
            last_count = found
        if first_found is None and found is not None:
            first_found = found
        region = owner_region(s, q, clause[0], ctx.doc_region, mentions)
        prev_end = q.end
        result.items.append(
            Item(
                doc=ctx.doc_id,
                kind=kind,  # type: ignore[arg-type]
                indicator=name,
                comparator=q.comparator,  # type: ignore[arg-type]
                value=value,
                unit=unit,
                start=base + q.start,
                end=base + q.end,
                sentence=raw,
                value_max=q.value_max,
                date=date,
                growth=q.growth,
                section=ctx.section,
                region=region,
                sentence_start=ctx.start,
                sentence_end=ctx.end,
                indicator_start=base + ia if ia is not None else None,
                indicator_end=base + ib if ib is not None else None,
                lang="en",
            )
        )
    if RESPECTIVELY.search(s) and len(result.items) >= 2:
        _pair_respective_dates(s, base, result.items)
    return result


_ATTACHED_TO_PREV = re.compile(
    r"(?:\s+[\w&'-]+){0,5}?\s*(?:\([^()]{0,40}\)\s*)?"
    # (not "up from Ksh 3.98 trillion": that is the baseline)
    r"(?:,\s*(?:(?:up|down|rising|falling|increasing|decreasing)(?!\s+from)(?:\s+by)?|"
    r"an?\s+(?:increase|decrease|rise|drop|jump|fall|cut)\s+of|supporting|funding|financing|"
    r"covering|benefiting|creating|"
    # "the 2025 Appropriation Bill of ₦3.005 trillion into law, with capital expenditure of ₦1.94 trillion"
    r"with\s+(?:[\w&-]+\s+){0,4}?(?:of|at))"
    # "allocated EGP 2.5 billion (about $50 million) to train 300,000 young people"
    r"|,?\s*to\s+(?:train|support|fund|finance|help|connect|equip|reach|serve|benefit|hire|employ))\s+",
    re.I,
)
_SINCE_CLAUSE = re.compile(r"\s*Since\s+(?:the|its|it|a|an|this|our)\b[^,;.]{0,80},")
_JOINED = re.compile(r"\s*(?:,\s*and|,|and|&)\s*", re.I)
_YEAR_LIST = re.compile(
    r"\b((?:19|20)\d\d)((?:\s*,\s*(?:19|20)\d\d)*)\s*,?\s*and\s+((?:19|20)\d\d)\b"
)
_YEAR4 = re.compile(r"(?:19|20)\d\d")


def _pair_respective_dates(s: str, base: int, items: list[Item]) -> None:
    """ "rise to 12% and 16% by 2026 and 2030 respectively": the n-th value takes the n-th year."""
    for m in _YEAR_LIST.finditer(s):
        years = [m.group(1), *_YEAR4.findall(m.group(2)), m.group(3)]
        before = [i for i in items if i.end - base <= m.start()]
        group: list[Item] = []
        for it in reversed(before):  # the values joined right before the years
            if group and not _JOINED.fullmatch(s, it.end - base, group[0].start - base):
                break
            group.insert(0, it)
            if len(group) == len(years):
                break
        if len(group) == len(years) and all(i.kind == group[0].kind for i in group):
            for it, y in zip(group, years, strict=True):
                it.date = y


def _as_written(s: str, raw: str, name: str) -> str:
    """``name`` (read from the normalized sentence) with the original characters back."""
    parts = name.split(" share of ")
    out = []
    for part in parts:
        i = s.find(part)
        out.append(raw[i : i + len(part)] if i >= 0 else part)
    return " share of ".join(out)
