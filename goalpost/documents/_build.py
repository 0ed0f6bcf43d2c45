"""Decoded text to a :class:`Document`: clean, detect metadata, outline."""

from __future__ import annotations

from goalpost._models import Document
from goalpost.documents._clean import clean_text
from goalpost.documents._dates import find_five_year_plan, find_period, find_publication_date
from goalpost.documents._lang import detect_language
from goalpost.documents._lines import is_body
from goalpost.documents._outline import outline
from goalpost.documents._title import find_title


def build_document(
    text: str,
    *,
    id: str | None = None,
    source: str | None = None,
    title: str | None = None,
    date: str | None = None,
    period: tuple[int, int] | None = None,
    lang: str | None = None,
    region: str | None = None,
    format: str = "txt",
) -> Document:
    """Clean ``text`` and build a Document; given metadata wins over detection.

    ``id`` defaults to the content hash of the clean text.

    >>> doc = build_document("Plan (2019-2021)\\n\\nUPDATED :August 6, 2017\\n\\nBy 2021 the city will have 60 bases.")
    >>> doc.title, doc.date, doc.period, doc.lang
    ('Plan (2019-2021)', '2017-08-06', (2019, 2021), 'en')
    """
    clean = clean_text(text, format)
    if lang is None:
        lang = detect_language(clean)
    if title is None:
        # The raw head still has its breadcrumb, which tells channel labels from titles.
        title = find_title(text)
    if date is None:
        date = find_publication_date(clean)
    if period is None:
        period = document_period(clean, title)
    return Document(
        id=id or Document.content_id(clean),
        text=clean,
        source=source,
        title=title,
        date=date,
        period=period,
        lang=lang,
        region=region,
        sections=outline(clean, lang, title=title),
        format=format,
    )


def document_period(text: str, title: str | None = None) -> tuple[int, int] | None:
    """The plan period: from the title, else the first paragraph, else a named Five-Year Plan.

    >>> document_period("Report\\n\\nThe 13th Five-year Plan is a golden window.", "Report")
    (2016, 2020)
    """
    if title:
        found = find_period(title)
        if found:
            return found
    for line in text.split("\n"):
        if is_body(line):
            found = find_period(line)
            if found:
                return found
            break
    fyp = find_five_year_plan(text)
    return fyp[1] if fyp else None
