"""The contract between the extraction pipeline and its language components.

The pipeline (``_pipeline.py``) splits a document into sentences, decides each
sentence's language, tracks context that carries across sentences (a deadline
stated in a heading or a lead sentence, the plan period from the title, the
outline section) and hands each sentence to its language's component:

    goalpost.extract._en.extract_sentence(ctx: SentenceContext) -> SentenceResult
    goalpost.extract._zh.extract_sentence(ctx: SentenceContext) -> SentenceResult

A component returns the items it found in that one sentence, plus any deadline
the sentence *sets* for what follows ("By the end of 2021, the city will ..."
or "到2025年，" as a lead), which the pipeline then passes on in
``ctx.governing_date`` until a new heading/paragraph resets it.
All offsets are into the document's clean text, never into the sentence.

Matching text: ``normalized(text)`` (re-exported here from ``_text.py``) maps
full-width digits, letters, ``%`` and ``．`` to ASCII one character for one,
so offsets found in it hold in the original. The pipeline puts the
normalized document in ``ctx.norm_text``; ``ctx.norm_sentence`` slices it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from goalpost._models import Item
from goalpost.extract._text import normalized

__all__ = ["Quantity", "SentenceContext", "SentenceResult", "TimeExpr", "normalized"]


@dataclass
class Quantity:
    """A number with its unit and comparator, as found in the text.

    ``start``/``end`` cover the surface form including the comparator words and
    the unit ("over 12,000", "450 billion yuan", "3.1%", "1.2万家").
    """

    start: int
    end: int
    value: float
    unit: str
    comparator: str = "="
    value_max: float | None = None
    growth: bool = False
    surface: str = ""


@dataclass
class TimeExpr:
    """A time expression resolved to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.

    ``role`` is ``deadline`` ("by 2025", "到2025年"), ``asof`` ("by July 2017"
    in a report, "截至2023年底", "so far"), or ``point`` ("in 2017").
    """

    start: int
    end: int
    date: str
    role: str = "point"


@dataclass
class SentenceContext:
    """Everything a language component may use to read one sentence."""

    text: str  # the whole document's clean text
    start: int  # sentence bounds in ``text``
    end: int
    doc_id: str
    lang: str  # "en" or "zh", decided for this sentence
    doc_date: str | None = None  # publication date, for "last year", "今年"
    doc_title: str | None = None
    doc_period: tuple[int, int] | None = None  # plan period, e.g. (2019, 2021)
    doc_region: str | None = None  # the document's subject region
    doc_is_plan: bool = False  # the document reads as a plan (targets) rather than a report
    section: str | None = None  # outline heading the sentence falls under
    section_title_date: str | None = None  # a deadline stated in that heading
    governing_date: str | None = None  # deadline set by a lead sentence earlier in the paragraph
    previous_sentence: str | None = None
    # Added compatibly (defaults keep old callers working):
    # ``norm_text`` is ``normalized(text)`` computed once per document (same
    # length, full-width digits/letters/%/． as ASCII; see ``_text.py``).
    # Match against it, report spans into ``text``. None: normalize yourself.
    norm_text: str | None = None
    # A deadline set by the opening paragraph of an enclosing section (e.g.
    # "during the 13th Five-Year Plan period ..." before its numbered goals).
    section_lead_date: str | None = None
    # A lead line of this paragraph ending in ":" that states intent ("By 2027, the province
    # will:", "Departmental R&D budgets (2025-26):"): lines under it without a cue are targets.
    governing_target: bool = False
    # Every enclosing section's title, innermost first ("（一）加快培育新质生产力", "三、重点工作").
    section_titles: tuple[str, ...] = ()

    @property
    def norm_sentence(self) -> str:
        """The sentence from the normalized text (same offsets as ``sentence``)."""
        if self.norm_text is not None:
            return self.norm_text[self.start : self.end]
        return normalized(self.text[self.start : self.end])

    @property
    def sentence(self) -> str:
        return self.text[self.start : self.end]


@dataclass
class SentenceResult:
    """What a language component found in one sentence."""

    items: list[Item] = field(default_factory=list)
    sets_governing_date: str | None = None  # deadline that governs what follows in the paragraph
