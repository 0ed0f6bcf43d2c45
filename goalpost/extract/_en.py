"""The English component: one sentence in, items out.

``extract_sentence(ctx)`` reads the quantities of a sentence
(``_quantities_en``), drops what is not an item (``_en_filters``), and for
each remaining value decides kind (target or observation), date, growth,
comparator (one comparator may govern a list), unit refinements ("per
10,000 people"), indicator and region (``_en_phrases``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost._models import Item
from goalpost.extract._en_filters import (
    _quote_spans,
    is_policy_parameter,
    is_projection,
    is_threshold,
    not_an_item,
)
from goalpost.extract._en_phrases import fallback_indicator, indicator, owner_region
from goalpost.extract._periods import five_year_plan_mentions, year_range
from goalpost.extract._quantities_en import EnQuantity, scan_quantities
from goalpost.extract._text import normalized, word_before
from goalpost.extract._time_en import find_times
from goalpost.extract._types import SentenceContext, SentenceResult, TimeExpr

_MAYBE = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozen|lakh|crore)\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r";|:\s|,\s*(?=(?:and|while|with|but|which|whereas|of\s+which|bringing|accounting|turning|driving|"
    r"making|reaching|representing|constituting|up|down|an?\s+(?:increase|decrease|rise|drop)|"
    r"including|as\s+well\s+as|compared|hoping|aiming|so\s+that|in\s+order|whose)\b)"
    r"|\s(?=(?:while|whereas)\b)",
    re.I,
)

# Cues are matched as whole phrases, longest first, so "will have" is one
# target cue rather than a target "will" and an observation "have". Strong
# cues decide by proximity; weak ones (an infinitive, a bare past form that
# may be a participle, "is"/"are") only when no strong cue is in the sentence.
_T_STRONG = (
    r"(?:will|shall|would|should|could|must|to)\s+(?:\w+ly\s+)?(?:have|be)(?:\s+been)?"
    r"(?:\s+(?:\w+ed|home\s+to|able\s+to|built|made|set\s+up|given))?|"
    r"will|shall|'ll|is\s+to|are\s+to|aims?|aiming|aimed\s+(?:to|at)|the\s+aim|goals?|targets?|"
    r"targeted|targeting|objectives?|plans?\s+to|planning\s+to|strives?|striving|should|must|"
    r"(?:is|are)\s+expected|expects?\s+to|intends?|seeks?\s+to|hopes?|hoping|hoped|"
    r"commit(?:s|ted)?\s+to|pledge[sd]?|envisage[sd]?|aspires?|endeavou?rs?|"
    r"(?:is|are)\s+set\s+to|is\s+going\s+to|are\s+going\s+to|"
    r"budget(?:ed|s)?|allocat(?:e|es|ing)|earmark(?:s|ed)?|set\s+aside|by\s+then"
)
_T_WEAK = (
    r"would|could|planned|"
    r"to\s+(?:be\s+)?(?:reach|achieve|raise|increase|grow|build|create|establish|attract|cultivate|"
    r"train|develop|double|hit|expand|exceed|surpass|bring|get|have|lift|boost|cut|reduce|set\s+up|"
    r"nurture|foster|select|recruit|invest|spend|add|host|provide|mobili[sz]e|support|launch|"
    r"complete|form|introduce|deploy|install|upgrade|produce|generate|register|list|draw)"
)
_O_STRONG = (
    r"(?:has|have|had)(?:\s+(?:also|already|now|so\s+far|successfully|each))?(?:\s+been)?|"
    r"was|were|so\s+far|to\s+date|up\s+to\s+date|currently|at\s+present|presently|now|"
    r"there\s+(?:are|were|is|was)|home\s+to|boasts?|statistics\s+show|data\s+show|"
    r"(?:is|are)\s+estimated|an\s+estimated|last\s+year|previously|in\s+recent\s+years|"
    r"over\s+the\s+past|reached|totall?ed|amounted|stood|rose|grew|fell|jumped|climbed|"
    r"stands?\s+at|remained|is\s+now|are\s+now|up\s+from|down\s+from|compared\s+(?:with|to)|"
    r"recorded|registered|saw|witnessed"
)
_O_WEAK = (
    r"is|are|increased|decreased|declined|dropped|achieved|attracted|issued|opened|launched|"
    r"published|built|completed|approved|invested|spent|exceeded|surpassed|topped|accounted|"
    r"received|obtained|gave|given|listed|hosted|held|signed|secured|cultivated|introduced|"
    r"trained|generated|produced|employed|created|established|founded|raised|started|began|"
    r"initiated|unveiled|implemented|adopted|enacted|passed|recruited|selected|set\s+up|"
    r"according\s+to|reported|showed|shows"
)
_CUES = re.compile(
    rf"\b(?:(?P<ts>{_T_STRONG})|(?P<os>{_O_STRONG})|(?P<tw>{_T_WEAK})|(?P<ow>{_O_WEAK}))\b",
    re.I,
)
_GROWTH_BEFORE = re.compile(
    r"\b(?:increase[sd]?|increasing|grow(?:s|n|ing)?|grew|rise[sn]?|rising|rose|"
    r"(?<!set\s)(?<!sets\s)(?<!setting\s)(?<!built\s)(?<!made\s)(?<!opened\s)(?<!picked\s)(?<!speed\s)"
    r"(?<!take\s)(?<!took\s)(?<!open\s)(?<!make\s)(?<!build\s)up|down|decrease[sd]?|"
    r"decreasing|decline[sd]?|declining|drop(?:s|ped|ping)?|fall(?:s|en|ing)?|fell|jump(?:s|ed)?|"
    r"climb(?:s|ed)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|expand(?:s|ed|ing)?|boost(?:s|ed)?|"
    r"rais(?:e|es|ed|ing)|lift(?:s|ed)?|growth(?:\s+rate)?|increase|gains?|gained|surge[sd]?|"
    r"soar(?:s|ed)?|higher|lower)\s+(?:(?:by|of|at|rate\s+of|to\s+the\s+tune\s+of)\s+)?(?:an?\s+)?"
    r"(?:(?:average|annual|yearly|annual\s+average|average\s+annual|year-on-year|y-o-y)\s+)?"
    r"(?:(?:rate|growth)\s+of\s+)?$",
    re.I,
)
_CHANGE_VERB = re.compile(
    r"\b(?:increase|grow|rise|cut|reduce|lower|raise|lift|boost|expand|decrease|shrink|drop|"
    r"improve|shorten|double|slash)\w*\b",
    re.I,
)
_GROWTH_AFTER = re.compile(
    r"\s*(?:growth|increase|rise|decline|decrease|drop|higher|lower|more|less|fewer|"
    r"year[\s-]on[\s-]year|y-o-y|yoy|annually|a\s+year|per\s+year|per\s+annum|each\s+year|every\s+year|"
    r"(?:on|over|from)\s+(?:the\s+)?(?:same\s+period|previous\s+year|last\s+year|a\s+year)|"
    r"compared\s+(?:with|to))\b",
    re.I,
)
_GOAL_NEAR = re.compile(r"\s*(?:goal|target|objective)s?\b", re.I)
_GOAL_BEFORE = re.compile(r"\b(?:goal|target|objective)s?\s+of\s+(?:about\s+|around\s+)?$", re.I)
_BUDGET = re.compile(
    r"\b(?:outlay|budget\w*|allocat\w*|earmark\w*|set\s+aside|commit\w*|pledg\w*|appropriat\w*|"
    r"invest\w*|funding|fund)\b",
    re.I,
)
_FUTURE_SPAN = re.compile(r"\bover\s+(?:the\s+)?(?:next\s+|coming\s+)?(?:\w+|\d+)\s+years\b", re.I)
_GROWTH_NOUN = re.compile(
    r"\b(?:increase|growth|rise|decline|decrease|drop|jump|gain|up|down)\s+(?:of\s+|by\s+)?(?:an?\s+)?"
    r"(?:(?:average|annual|yearly)\s+)?(?:(?:rate|growth)\s+of\s+)?$",
    re.I,
)
_PER_UNIT = re.compile(
    r"\bper\s+(?P<n>10,000|10 000|ten\s+thousand|100,000|100 000|hundred\s+thousand|1,000|thousand|"
    r"million|100|capita|head)\s*(?P<w>people|persons|population|residents|inhabitants|employees|"
    r"workers|labou?r\s+force|workforce|R&D\s+personnel|researchers|households|enterprises)?\b",
    re.I,
)
_PER_N = {
    "ten thousand": "10,000",
    "10 000": "10,000",
    "100 000": "100,000",
    "hundred thousand": "100,000",
    "thousand": "1,000",
    "million": "million",
}
_LIST_GAP = re.compile(r"^[\s\w&'’-]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+|\s+as\s+well\s+as\s+)$", re.I)
_GAP_VERB = re.compile(
    r"\b(?:of|will|build|create|establish|attract|recruit|have|has|had|is|are|was|were|be|reach|"
    r"develop|set|start|cultivate|train|introduce|launch|support|with)\b",
    re.I,
)
_SECTION_PLAN = re.compile(
    r"\b(?:goals?|targets?|objectives?|tasks?|plans?|actions?|measures|vision|priorities|aims?|"
    r"by\s+(?:19|20)\d\d|mission|initiatives?|roadmap|strategy)\b",
    re.I,
)


@lru_cache(maxsize=1024)
def _section_is_plan(section: str | None) -> bool:
    return bool(section and _SECTION_PLAN.search(section))


def _clauses(s: str) -> list[tuple[int, int]]:
    out = []
    a = 0
    for m in _CLAUSE_BREAK.finditer(s):
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


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _kind(
    s: str, q: EnQuantity, clause: tuple[int, int], cues: list[re.Match[str]], next_start: int
) -> str | None:
    """"target", "observation", or None when no cue decides.

    Strong cues decide by proximity (the clause first, then what comes
    before in the sentence); then a past form anywhere before, then an
    infinitive of intent; then strong cues after the value in other clauses.
    """
    strong = [c for c in cues if c.group("ts") or c.group("os")]
    before = [c for c in strong if c.end() <= q.start]
    # Cues after the value count only up to the next value ("1.3% ..., far
    # below the 75% target": "target" speaks for the 75%).
    after = [c for c in strong if q.end <= c.start() and c.end() <= next_start]
    groups = (
        [c for c in before if c.start() >= clause[0]][::-1],
        [c for c in after if c.end() <= clause[1]],
        before[::-1],
    )
    for group in groups:
        if group:
            return "target" if group[0].group("ts") else "observation"
    weak = [c for c in cues if c.group("ow") and c.group().lower() not in ("is", "are")]
    if any(c.start() < q.start for c in weak):
        return "observation"
    if any(c.group("tw") for c in cues):
        return "target"
    if after:
        return "target" if after[0].group("ts") else "observation"
    if weak:
        return "observation"
    return None


def _choose_date(
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
        points = [t for t in usable if t.role == "point" and (doc_year is None or _year(t.date) is None or _year(t.date) >= doc_year)]
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
    t = pick([t for t in usable if t.role != "period"], later_clauses=False)
    if t is not None:
        if t.role == "then":
            return ctx.governing_date or ctx.doc_date
        return t.date
    gov = ctx.governing_date
    if gov and (doc_year is None or (_year(gov) or 0) <= doc_year):
        return gov
    ref = _reference_year(ctx.doc_title, ctx.doc_date)
    if ref is not None and doc_year is not None and ref < doc_year:
        return str(ref)  # a 2022 statistical communiqué speaks of 2022
    return ctx.doc_date


@lru_cache(maxsize=1024)
def _reference_year(title: str | None, doc_date: str | None) -> int | None:
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
    return str(ctx.doc_period[1]) if ctx.doc_period else None


def _governing(times: list[TimeExpr], s: str) -> str | None:
    """A deadline (or as-of date) this sentence sets for what follows in its paragraph.

    Only stated dates govern: "so far" and "currently" speak for their own
    sentence.
    """
    for t in times:
        if t.role in ("deadline", "asof", "period") and t.date and any(c.isdigit() for c in s[t.start : t.end]):
            return t.date
    lead = re.match(r"\s*(?:In|During|For)\s+((?:19|20)\d\d)\s*,", s)
    return lead.group(1) if lead else None


def _propagate_comparators(s: str, qs: list[EnQuantity]) -> None:
    """"over 25 universities, 60 bases and 10 platforms": one comparator, three values."""
    for a, b in zip(qs, qs[1:], strict=False):
        if a.comparator in ("=", "range") or b.comparator != "=" or b.value_max is not None:
            continue
        if (a.unit == "count") != (b.unit == "count") or (a.unit in ("%", "pp")) != (b.unit in ("%", "pp")):
            continue
        gap = s[a.end : b.start]
        if _LIST_GAP.match(gap) and not _GAP_VERB.search(gap) and len(gap.split()) <= 5:
            b.comparator = a.comparator


_GROWTH_LAST = frozenset(
    """increase increases increased increasing grow grows grown growing grew rise rises risen rising
    rose up down decrease decreased decreases decreasing decline declined declines declining drop drops
    dropped dropping fall falls fallen falling fell jump jumps jumped climb climbs climbed cut cuts
    cutting reduce reduces reduced reducing expand expands expanded expanding boost boosts boosted
    raise raises raised raising lift lifts lifted growth gain gains gained surge surged surges soar
    soars soared higher lower by of at rate a an average annual yearly year-on-year y-o-y tune""".split()
)


def _growth(s: str, q: EnQuantity, clause: tuple[int, int]) -> bool:
    wb = word_before(s, q.start, clause[0])
    if wb in _GROWTH_LAST:
        before = s[max(clause[0], q.start - 50) : q.start]
        if _GROWTH_BEFORE.search(before):
            return True
        if wb == "by" and _CHANGE_VERB.search(s, clause[0], q.start):
            return True
    if q.unit in ("%", "pp") and _GROWTH_AFTER.match(s, q.end):
        return True
    return bool(q.unit == "count" and re.match(r"\s+more\s+(?!than)", s[q.end : q.end + 8]))


def _per_unit(s: str, q: EnQuantity, clause: tuple[int, int]) -> str | None:
    if q.unit != "count":
        return None
    for m in _PER_UNIT.finditer(s, clause[0], clause[1]):
        if m.start() <= q.num_start < m.end():
            return None
        n = m.group("n").lower()
        if n in ("capita", "head"):
            return "per capita"
        n = _PER_N.get(re.sub(r"\s+", " ", n), m.group("n"))
        w = (m.group("w") or "people").lower()
        if w in ("persons", "population", "residents", "inhabitants"):
            w = "people"
        return f"per {n} {w}"
    return None


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
    if not _MAYBE.search(s):
        if re.search(r"\bby\s+(?:the\s+)?(?:year[\s-]?end|end\s+of\s+(?:this|the)\s+year)", s, re.I):
            result.sets_governing_date = _governing(find_times(s, doc_date=ctx.doc_date), s)
        return result
    ref = _reference_year(ctx.doc_title, ctx.doc_date)
    times = find_times(s, doc_date=ctx.doc_date, ref_year=ref)
    result.sets_governing_date = _governing(times, s)
    qs = scan_quantities(s, region=ctx.doc_region)
    if not qs:
        return result
    quotes = _quote_spans(s)
    kept = [q for q in qs if not_an_item(s, q, quotes) is None]
    if not kept:
        return result
    clauses = _clauses(s)
    if is_projection(s, (0, len(s))):
        # A trend projection: only values named as a goal or target stay.
        kept = [q for q in kept if _GOAL_NEAR.match(s, q.end, min(len(s), q.end + 20)) or _GOAL_BEFORE.search(s, max(0, q.start - 25), q.start)]
        if not kept:
            return result
    _propagate_comparators(s, kept)
    cues = list(_CUES.finditer(s))
    mentions = _mentions(s)
    section_is_plan = _section_is_plan(ctx.section)
    doc_year = _year(ctx.doc_date)
    last_count: tuple[str, int | None, int | None] | None = None
    first_found: tuple[str, int | None, int | None] | None = None
    kept = [
        q
        for q in kept
        if not is_threshold(s, q, _clause_of(clauses, q.num_start)[0])
        and not is_policy_parameter(s, q, _clause_of(clauses, q.num_start))
    ]
    next_start = {id(a): b.start for a, b in zip(kept, kept[1:], strict=False)}
    future = any(
        (_year(t.date) or 0) > (doc_year or 9999) and t.role not in ("since", "base") for t in times
    ) or bool(_FUTURE_SPAN.search(s))
    for q in kept:
        q.growth = _growth(s, q, _clause_of(clauses, q.num_start))
        q.growth_noun = bool(q.growth and _GROWTH_NOUN.search(s, max(0, q.start - 40), q.start))
        clause = _clause_of(clauses, q.num_start)
        if _BUDGET.search(s, clause[0], clause[1]) and q.currency and future:
            kind: str | None = "target"  # money committed for a coming period
        else:
            kind = _kind(s, q, clause, cues, next_start.get(id(q), len(s)))
        if kind is None:
            # No verb decides: a future deadline makes it a target, a past date
            # an observation, otherwise what the document or section is.
            ty = None
            for t in times:
                if t.role in ("deadline", "period", "point", "asof"):
                    ty = _year(t.date)
            if ty is not None and doc_year is not None and ty != doc_year:
                kind = "target" if ty > doc_year else "observation"
            else:
                kind = "target" if (ctx.doc_is_plan or section_is_plan) else "observation"
        date = _choose_date(times, q, clause, kind, ctx)
        unit = _per_unit(s, q, clause) or q.unit
        found = indicator(s, q, clause, prev=first_found)
        if found is not None and q.growth_noun and first_found is not None:
            found = first_found  # "an increase of 11.6 percent": what increased
        if found is None and q.unit == "count" and last_count is not None:
            found = last_count  # "404 companies are listed, with 203 listed in 2016"
        name, ia, ib = found or fallback_indicator(s, q, clause)
        name = _as_written(s, raw, name)
        if q.unit == "count" and found is not None:
            last_count = found
        if first_found is None and found is not None:
            first_found = found
        region = owner_region(s, q, clause[0], ctx.doc_region, mentions)
        result.items.append(
            Item(
                doc=ctx.doc_id,
                kind=kind,  # type: ignore[arg-type]
                indicator=name,
                comparator=q.comparator,  # type: ignore[arg-type]
                value=float(q.value),
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
    return result


def _as_written(s: str, raw: str, name: str) -> str:
    """``name`` (read from the normalized sentence) with the original characters back."""
    parts = name.split(" share of ")
    out = []
    for part in parts:
        i = s.find(part)
        out.append(raw[i : i + len(part)] if i >= 0 else part)
    return " share of ".join(out)


_CAPS = re.compile(r"\b[A-Z][A-Za-z]+(?:[ -][A-Z][A-Za-z]+){0,3}")


@lru_cache(maxsize=4096)
def _resolve(name: str) -> str | None:
    try:
        from goalpost.regions import resolve
    except ImportError:
        return None
    try:
        return resolve(name)
    except Exception:  # a broken region table must not stop extraction
        return None


def _mentions(s: str) -> list[tuple[int, int, str]]:
    """Region names in ``s`` (local offsets): capitalized runs looked up in the region table.

    Looking up capitalized words is much faster than running the table's
    whole-name pattern over every sentence, and English names are capitalized.
    """
    out: list[tuple[int, int, str]] = []
    for m in _CAPS.finditer(s):
        words = list(re.finditer(r"[A-Za-z]+", m.group()))
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                a, b = m.start() + words[i].start(), m.start() + words[j - 1].end()
                rid = _resolve(s[a:b])
                if rid is not None:
                    out.append((a, b, rid))
                    i = j - 1
                    break
            i += 1
    return out
