"""The extraction pipeline: a Document in, sorted Items out.

It normalizes the text once (``_text.normalized``: same length, so offsets
hold), splits sentences and paragraphs (``_split``), decides each sentence's
language, and hands it to that language's component with the context that
carries across sentences:

- the outline section (innermost heading from ``document.sections``; a
  heading-like line when the document has no outline) and a deadline stated
  in any enclosing heading ("Targets for 2025", "(2019-2021)");
- the *governing date*: a deadline or as-of date set by a sentence ("By the
  end of 2021, the city will ...") holds for the rest of its paragraph; set
  in the opening paragraph of a section that has subsections, it also holds
  for those subsections (``section_lead_date``);
- the plan period (``document.period`` or the title: "(2019-2021)", "14th
  Five-Year Plan") whose end year dates targets when nothing nearer does;
- whether the document reads as a plan, and its subject region.

Chinese sentences go to ``goalpost.extract._zh`` when that module exists.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from goalpost._models import Document, Item, Section
from goalpost.extract._en import may_hold_number, sets_deadline_without_number
from goalpost.extract._en_dates import _year
from goalpost.extract._periods import plan_period, reads_as_plan, title_year
from goalpost.extract._split import split_sentences
from goalpost.extract._tables import Table, find_tables
from goalpost.extract._text import normalized, sentence_lang
from goalpost.extract._types import SentenceContext, SentenceResult

log = logging.getLogger(__name__)

Component = Callable[[SentenceContext], SentenceResult]
_MISSING = object()
_zh_cache: object = None


def _zh_component() -> Component | None:
    global _zh_cache
    if _zh_cache is None:
        try:
            from goalpost.extract._zh import extract_sentence

            _zh_cache = extract_sentence
        except ImportError:
            _zh_cache = _MISSING
    return None if _zh_cache is _MISSING else _zh_cache  # type: ignore[return-value]


def _en_component() -> Component:
    from goalpost.extract._en import extract_sentence

    return extract_sentence


def subject_region(text: str, title: str | None) -> str | None:
    """The document's subject region via ``goalpost.regions`` (None if unavailable)."""
    try:
        from goalpost.regions import subject_region as _subject
    except ImportError:
        return None
    try:
        return _subject(text, title)
    except Exception:  # a region table problem must not stop extraction
        log.warning("subject_region failed", exc_info=True)
        return None


def _is_dateline(line: str) -> bool:
    """``goalpost.documents``' dateline test, imported on first use.

    Importing the document readers (HTML, PDF) takes most of a second; plain
    extraction should not pay for it up front.
    """
    from goalpost.documents._lines import is_dateline

    return is_dateline(line)


def _label(section: Section) -> str:
    """A section as printed: "(4) Incubating and upgrading innovative companies"."""
    if section.number and not section.title.startswith(section.number):
        return f"{section.number} {section.title}"
    return section.title


class _Outline:
    """Sweeps sections in document order, answering "which sections hold this offset?"."""

    def __init__(self, sections: list[Section]) -> None:
        self.sections = sorted(sections, key=lambda s: (s.start, s.level))
        self.ptr = 0
        self.active: list[Section] = []

    def at(self, offset: int) -> list[Section]:
        """Enclosing sections of ``offset``, innermost first."""
        while self.ptr < len(self.sections) and self.sections[self.ptr].start <= offset:
            self.active.append(self.sections[self.ptr])
            self.ptr += 1
        self.active = [s for s in self.active if s.end > offset]
        return sorted(self.active, key=lambda s: (s.level, s.start), reverse=True)


def extract(document: Document) -> list[Item]:
    """Every target and statistic in ``document``, sorted by start offset.

    >>> from goalpost._models import Document
    >>> doc = Document(id="d1", text="Plan (2019-2021)\\n\\nThe city will build 60 bases.",
    ...                title="Plan (2019-2021)", date="2019-09-30")
    >>> [(i.kind, i.value, i.unit, i.date) for i in extract(doc)]
    [('target', 60.0, 'count', '2021')]
    """
    text = document.text or ""
    if not text.strip():
        return []
    norm = normalized(text)
    period = plan_period(document.title, document.period)
    is_plan = reads_as_plan(document.title, document.period)
    region = document.region or subject_region(text, document.title)
    outline = _Outline(list(document.sections or []))
    en = _en_component()
    items: list[Item] = []
    governing: str | None = None
    para = -1
    previous: str | None = None
    lead_dates: dict[tuple[int, int], str] = {}
    fallback_heading: str | None = None
    first_para_of: dict[tuple[int, int], int] = {}
    lead = _Lead()
    prev_items: list[Item] = []
    prev_heading_like = False
    prev_end = 0
    headline_items: set[int] = set()
    found = find_tables(norm, _year(document.date), region)
    tables = [(t.start, t.end) for t in found]
    if found:
        items.extend(_table_items(document, found, period, region))
    for sp in split_sentences(norm):
        if tables and any(a <= sp.start < b for a, b in tables):
            continue  # read by its columns (_table_items), not as prose
        if sp.paragraph != para:
            # lines right under a "…, January–June 2024:" lead keep its date; a blank line ends it
            keep = lead.colon and "\n\n" not in norm[prev_end : sp.start]
            # "The goals for 2033 are:" above "Mission 1 – …" headings, each with its paragraph:
            # the lead's deadline holds through heading-and-paragraph blocks
            keep = keep or (lead.goals and (sp.heading_like or prev_heading_like))
            # "By 2030, the policy aims to:" above "• create ..." lines: the list is the lead's,
            # with or without a blank line after the lead
            listed = (
                lead.listing
                and norm.count("\n", prev_end, sp.start) <= 2
                and _LIST_LINE.match(norm, sp.start) is not None
            )
            keep = keep or listed
            governing = governing if keep else None
            lead.goals = lead.goals and keep
            lead.colon = lead.colon and keep
            lead.target = lead.target and listed
            lead.listing = listed
            lead.comparator = lead.comparator if listed else None
            para = sp.paragraph
        enclosing = outline.at(sp.start)
        inner = enclosing[0] if enclosing else None
        in_heading = inner is not None and sp.start < inner.heading_end
        if not enclosing and sp.heading_like:
            line = text[sp.start : sp.end].strip()
            in_heading = True
            if not _is_dateline(line):  # "UPDATED :August 6, 2017", "By GONG Guoping": no heading
                fallback_heading = line
        section_title = _label(inner) if inner else fallback_heading
        title_date = None
        for sec in enclosing:
            title_date = title_year(sec.title)
            if title_date:
                break
        if not enclosing and fallback_heading:
            title_date = title_year(fallback_heading)
        section_lead = None
        for sec in enclosing:
            section_lead = lead_dates.get((sec.start, sec.end))
            if section_lead:
                break
        sent = norm[sp.start : sp.end]
        lang = sentence_lang(sent)
        comp = en if lang == "en" else _zh_component()
        if comp is None:
            continue
        # Most prose has no number: such a sentence skips its component (and
        # the context built for it), keeping only a deadline it may set.
        result = _without_figures(sent, comp is en, document.date)
        if result is None:
            result = _run(
                comp,
                SentenceContext(
                    text=text,
                    start=sp.start,
                    end=sp.end,
                    doc_id=document.id,
                    lang=lang,
                    doc_date=document.date,
                    doc_title=document.title,
                    doc_period=period,
                    doc_region=region,
                    doc_is_plan=is_plan,
                    section=section_title,
                    section_title_date=title_date,
                    governing_date=governing,
                    previous_sentence=previous,
                    norm_text=norm,
                    section_lead_date=section_lead,
                    governing_target=lead.target,
                    section_titles=tuple(sec.title for sec in enclosing),
                ),
                guarded=comp is not en,
            )
            if result is None:
                continue
        headline = (
            bool(result.items)
            and (in_heading or sp.heading_like)
            and _is_headline(norm[sp.start : sp.end])
        )
        if prev_items and result.items and _RESTATES_PREVIOUS.match(norm, sp.start):
            # "... a deficit of NOK 579.4 billion in 2026. This corresponds to 2.7 percent of the
            # fund": the same figure put another way, so the same kind and date
            for it in result.items:
                if it.date in (None, document.date):
                    it.kind, it.date = prev_items[-1].kind, prev_items[-1].date
        prev_items = result.items
        for it in result.items:
            if lead.comparator and lead.listing and it.comparator == "=" and it.value_max is None:
                it.comparator = lead.comparator  # type: ignore[assignment]
            if sp.start <= it.start < it.end <= sp.end:
                items.append(it)
                if headline:
                    headline_items.add(id(it))
        if result.sets_governing_date and not in_heading:
            governing = result.sets_governing_date
            if inner is not None:
                key = (inner.start, inner.end)
                first = first_para_of.setdefault(key, para)
                if first == para and key not in lead_dates:
                    lead_dates[key] = governing
        elif inner is not None and not in_heading:
            first_para_of.setdefault((inner.start, inner.end), para)
        previous = text[sp.start : sp.end]
        prev_end = sp.end
        tail = previous.rstrip()[-1:]
        if tail == ":" and result.sets_governing_date and not in_heading:
            lead.colon = True
        if tail == ":" and result.sets_governing_date and not result.items:
            lead.goals = (_year(result.sets_governing_date) or 0) > (_year(document.date) or 9999)
            if lead.goals:
                governing = result.sets_governing_date
        if tail in (":", "："):
            lead.listing = not in_heading
            lead.comparator = _lead_comparator(previous) if lang == "en" else None
        prev_heading_like = sp.heading_like
        if lang == "en":
            lead.target = lead.target or (tail == ":" and _INTENT_LEAD.search(previous) is not None)
        else:
            # 主要目标是：…；…；…。 : the clauses after a colon lead of targets, up to the full stop
            lead.target = (
                lead.target or _ZH_TARGET_LEAD.search(previous) is not None
            ) and tail in ("；", ";")
    return _dedupe(_without_restated_headlines(items, headline_items))


_RESTATES_PREVIOUS = re.compile(
    r"\s*(?:This|That|It|Which)\s+(?:corresponds|amounts|is\s+equivalent|is\s+equal|equals|"
    r"represents|translates)\s+to\b"
)


@dataclass
class _Lead:
    """What a lead sentence ending in a colon passes on to the lines under it."""

    colon: bool = False  # it set a date: the lines right under it (no blank line) keep it
    goals: bool = False  # future goals, no figure ("The goals for 2033 are:"): holds over blocks
    target: bool = False  # intent ("the policy aims to:"): what follows is a plan's
    listing: bool = False  # list lines ("• ...", "(1) ...") under it are its, blank line or not
    comparator: str | None = None  # "The city will have no less than:" speaks for its list


_LEAD_COMPARATOR = re.compile(
    r"\b(?:(?P<ge>no\s+less\s+than|not\s+less\s+than|at\s+least|a\s+minimum\s+of)"
    r"|(?P<gt>more\s+than|over|above|in\s+excess\s+of)"
    r"|(?P<le>up\s+to|no\s+more\s+than|at\s+most|a\s+maximum\s+of))\s*:\s*$",
    re.I,
)
_LEAD_OPS = {"ge": ">=", "gt": ">", "le": "<="}


def _lead_comparator(lead: str) -> str | None:
    """The comparator a colon lead ends with.

    >>> _lead_comparator("The city will have no less than:"), _lead_comparator("Targets:")
    ('>=', None)
    """
    m = _LEAD_COMPARATOR.search(lead, max(0, len(lead) - 30))
    return _LEAD_OPS[m.lastgroup] if m is not None and m.lastgroup else None


def _is_headline(line: str) -> bool:
    """A headline or subheading line, not a numbered list line ("(1) Start-ups: 450")."""
    s = line.strip()
    return bool(s) and len(s) <= 140 and not _LIST_LINE.match(s)


_LIST_LINE = re.compile(r"(?:[-•*·–]|\(?\w{1,3}[.)、]|[（(]\w{1,3}[)）])\s")
_RESTATED_WITHIN = 1500


def _without_restated_headlines(items: list[Item], headline_ids: set[int]) -> list[Item]:
    """Drop a headline's figure that the text under it states again ("Minister announces
    €192 million ..." above "... announced an investment of €192 million ..."): one item, with
    the sentence that says what it is."""
    if not headline_ids:
        return items
    body = [it for it in items if id(it) not in headline_ids]
    out = []
    for it in items:
        if id(it) in headline_ids and any(
            0 < b.start - it.end <= _RESTATED_WITHIN
            and b.unit == it.unit
            and b.value == it.value
            and b.growth == it.growth
            for b in body
        ):
            continue
        out.append(it)
    return out


_ZH_TARGET_LEAD = re.compile(r"目标(?:是|为|如下)?[:：]")
# "By 2027, the province will:", "Singapore aims to:", "Departmental R&D budgets (2025-26):"
_INTENT_LEAD = re.compile(
    r"\b(?:will|shall|aims?\s+to|plans?\s+to|seeks?\s+to|strives?\s+to|is\s+to|are\s+to|targets?|"
    r"goals?|objectives?|budgets?|allocations?|commitments?)\b",
    re.I,
)


def _without_figures(sent: str, english: bool, doc_date: str | None) -> SentenceResult | None:
    """The result for a sentence with no number in it, or None when it may hold one."""
    if english:
        if may_hold_number(sent):
            return None
        return SentenceResult(sets_governing_date=sets_deadline_without_number(sent, doc_date))
    may = _zh_may_hold_figure()
    if may is None or may(sent):
        return None
    return SentenceResult()


def _run(comp: Component, ctx: SentenceContext, guarded: bool) -> SentenceResult | None:
    """``comp`` on ``ctx``; a guarded (other team's) component's failure is logged, not raised."""
    if not guarded:
        return comp(ctx)
    try:
        return comp(ctx)
    except Exception:  # another team's component: log, keep the batch going
        log.warning("%s: %s component failed at %d", ctx.doc_id, ctx.lang, ctx.start, exc_info=True)
        return None


def _zh_may_hold_figure() -> Callable[[str], bool] | None:
    try:
        from goalpost.extract._zh import may_hold_figure
    except ImportError:
        return None
    return may_hold_figure


def _table_items(
    document: Document, tables: list[Table], period: tuple[int, int] | None, region: str | None
) -> list[Item]:
    """The figures of the document's tables, each dated and typed by its column."""
    outline = _Outline(list(document.sections or []))
    text = document.text or ""
    out: list[Item] = []
    for c in (c for t in tables for c in t.cells):
        date = c.date
        if date is None:
            date = str(period[1]) if c.kind == "target" and period else document.date
        enclosing = outline.at(c.start)
        row = text[c.row_start : c.row_end]
        out.append(
            Item(
                doc=document.id,
                kind=c.kind,
                indicator=c.indicator,  # type: ignore[arg-type]
                comparator=c.comparator,
                value=c.value,
                unit=c.unit,  # type: ignore[arg-type]
                start=c.start,
                end=c.end,
                sentence=row,
                date=date,
                growth=c.growth,
                section=_label(enclosing[0]) if enclosing else None,
                region=region,
                sentence_start=c.row_start,
                sentence_end=c.row_end,
                lang=sentence_lang(row),
            )  # fmt: skip
        )
    return out


def _dedupe(items: list[Item]) -> list[Item]:
    seen: set[tuple[int, int, str, float, str]] = set()
    out: list[Item] = []
    for it in sorted(items, key=lambda i: (i.start, i.end, i.kind, i.value, i.unit)):
        key = (it.start, it.end, it.kind, it.value, it.unit)
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out
