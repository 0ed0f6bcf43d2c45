"""Extraction: targets and statistics, with their evidence spans, from a Document.

Public API:

- :func:`extract` — every :class:`~goalpost.Item` of a Document, sorted by offset;
- :func:`extract_text` — the same from plain text (builds the Document first);
- :func:`find_quantities` — the number/quantity layer alone (values, units,
  comparators, ranges) for one language, as :class:`Quantity` s;
- :func:`find_times` — English time expressions as :class:`TimeExpr` s;
- :func:`normalized` — the same-length matching copy of a text.

>>> items = extract_text("By the end of 2021, the city will have over 12,000 Hi-tech companies.",
...                      date="2019-09-30")
>>> [(i.kind, i.comparator, i.value, i.unit, i.date) for i in items]
[('target', '>', 12000.0, 'count', '2021')]
"""

from __future__ import annotations

from goalpost._models import Document, Item
from goalpost.extract._pipeline import extract
from goalpost.extract._text import normalized
from goalpost.extract._time_en import find_times
from goalpost.extract._types import Quantity, SentenceContext, SentenceResult, TimeExpr

__all__ = [
    "Quantity",
    "SentenceContext",
    "SentenceResult",
    "TimeExpr",
    "extract",
    "extract_text",
    "find_quantities",
    "find_times",
    "normalized",
]


def extract_text(
    text: str,
    *,
    doc_id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    lang: str | None = None,
    region: str | None = None,
) -> list[Item]:
    """Extract items from plain text; the Document is built (and cleaned) first.

    Offsets are into the built Document's clean text, which for plain text is
    the text itself unless the reader cleans it (web debris, odd spaces).

    >>> [i.value for i in extract_text("There are 203 incubators in the city.")]
    [203.0]
    """
    return extract(_document(text, doc_id=doc_id, title=title, date=date, lang=lang, region=region))


def _document(
    text: str,
    *,
    doc_id: str | None,
    title: str | None,
    date: str | None,
    lang: str | None,
    region: str | None,
) -> Document:
    try:
        from goalpost.documents import build_document
    except ImportError:
        build_document = None  # type: ignore[assignment]
    if build_document is not None:
        try:
            return build_document(text, id=doc_id, title=title, date=date, lang=lang, region=region)
        except Exception:  # an empty or odd text: fall back to the text as given
            if text.strip():
                raise
    from goalpost.extract._text import sentence_lang

    return Document(
        id=doc_id or Document.content_id(text),
        text=text,
        title=title,
        date=date,
        lang=lang or sentence_lang(text[:2000]),
        region=region,
    )


def find_quantities(text: str, lang: str = "en", *, region: str | None = None) -> list[Quantity]:
    """Numbers with unit, comparator and range in ``text`` (offsets into ``text``).

    The lexical layer under :func:`extract`: years and names with digits are
    still here; deciding what is an item happens above it.

    >>> [(q.surface, q.value, q.unit, q.comparator) for q in find_quantities("over 120 billion yuan")]
    [('over 120 billion yuan', 120000000000.0, 'CNY', '>')]
    """
    norm = normalized(text)
    qs: list[Quantity]
    if lang.startswith("zh"):
        try:
            from goalpost.extract._zh_quantities import parse_zh_quantities
        except ImportError:
            return []
        qs = parse_zh_quantities(text)
    else:
        from goalpost.extract._quantities_en import scan_quantities

        qs = list(scan_quantities(norm, region=region))
    for q in qs:
        q.surface = text[q.start : q.end]
    return qs
