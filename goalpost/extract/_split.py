"""Sentence and paragraph splitting with character offsets.

English sentences end at ``. ! ? ;`` followed by a space and not part of a
decimal ("3.1%"), an abbreviation ("U.S.", "Co., Ltd.", "e.g.", "No. 224") or
a list number at the start of a line ("1. Expanding ..."); Chinese ones at
``。！？；``. A line break always ends a sentence, except a soft wrap: a line
that stops mid-sentence and a next line that starts in lower case.

A *paragraph* is a run of sentences on one (soft-wrapped) line; a line that
looks like a heading (short, no closing punctuation) is its own paragraph.
Deadlines set by a lead sentence hold until the paragraph ends. A lead line
ending in a colon ("By the end of 2024:", "到2027年，实现以下目标：") and the
bulleted or numbered lines right after it form one paragraph, so the lead's
deadline governs the list until a blank line or a line that is no list item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREV_WORDS = (
    "u.s u.k u.n e.u p.r.c h.k e.g i.e etc co ltd inc corp no nos mr mrs ms dr prof st art vs "
    "approx fig figs vol dept govt gov jan feb mar apr jun jul aug sep sept oct nov dec rs sr "
    "jr para pp cf al est op ph mt ft sq ave blvd univ assn bros intl natl tel fax ext ref col c.p "
    "p.o ote n.l tlf"
)
_ABBREV = frozenset(_ABBREV_WORDS.split())

# Sentence-ending punctuation: Chinese ones always end a sentence; Latin ones
# only when followed by closing quotes/brackets and then space or the end.
# Written to start with a character class, which lets ``re`` skip straight to
# the punctuation; the same as ``[。！？；!?]+[”’"')\]]*|[.;]+[”’"')\]]*(?=\s|$)``.
_END = re.compile(
    r"[。！？；!?.;](?:(?<=[。！？；!?])[。！？；!?]*[”’\"')\]]*|(?<=[.;])[.;]*[”’\"')\]]*(?=\s|$))"
)
_LIST_HEAD = re.compile(r"\s*(?:\d{1,2}|[IVXivx]{1,5}|[A-Za-z])$")
_WORD_BEFORE = re.compile(r"(?:^|[\s(\[\"'])([A-Za-z][A-Za-z.]*)$")
_TERMINAL = '.!?;:。！？；："”’)]'
# A bulleted or numbered list line: "- ...", "• ...", "1. ...", "(2) ...", "（三）...", "②...".
_LIST_LINE = re.compile(
    r"\s*(?:[-–—•·*▪●○■□◆◇►]\s|"
    r"(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5}|[一二三四五六七八九十]{1,3})\s*(?:[.．](?!\d)|[)、）])|"
    r"[(（]\s*(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5}|[一二三四五六七八九十]{1,3})\s*[)）]\s*|"
    r"[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])"
)


@dataclass(frozen=True)
class Span:
    """One sentence: ``start``/``end`` in the text, its paragraph and line number."""

    start: int
    end: int
    paragraph: int
    heading_like: bool = False


def _is_heading_like(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 120 and s[-1] not in _TERMINAL and len(s.split()) <= 16


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of one line ``text[start:end]`` (already without the newline)."""
    out: list[tuple[int, int]] = []
    seg = start
    for m in _END.finditer(text, start, end):
        p = m.start()
        ch = text[p]
        if ch == ".":
            before = text[max(start, p - 12) : p]
            # "1." / "(iv)." at the start of a line is list numbering, not an end.
            if _LIST_HEAD.fullmatch(text, start, p):
                continue
            w = _WORD_BEFORE.search(before)
            nxt = text[m.end() : m.end() + 2].lstrip()[:1]
            if w:
                word = w.group(1).rstrip(".").lower()
                abbrev = word in _ABBREV or (len(word) == 1 and word.isalpha())
                # "No. 224", "U.S. subsidiary", "J. Smith": continue unless a
                # capital after "etc." clearly starts a new sentence.
                if abbrev and not (word == "etc" and nxt.isupper()):
                    continue
            if nxt and (nxt.islower() or nxt in ",;:"):
                continue  # "Co., Ltd. and ...", "approx. 5"
        e = m.end()
        if text[seg:e].strip():
            out.append((seg, e))
        seg = e
    if text[seg:end].strip():
        out.append((seg, end))
    return out


def split_sentences(text: str) -> list[Span]:
    """Sentences of ``text`` as :class:`Span` s, whitespace trimmed.

    >>> t = "Guangzhou has 3.1% R&D. Da An Gene Co., Ltd. grew.\\n1. Goals\\nBy 2021, 600 firms."
    >>> [t[s.start:s.end] for s in split_sentences(t)]
    ['Guangzhou has 3.1% R&D.', 'Da An Gene Co., Ltd. grew.', '1. Goals', 'By 2021, 600 firms.']
    >>> [s.paragraph for s in split_sentences(t)]
    [0, 0, 1, 2]
    """
    spans: list[Span] = []
    para = -1
    pos = 0
    n = len(text)
    joined_start: int | None = None
    lead_para: int | None = None  # the paragraph of a lead line ending in a colon
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        # Soft wrap: a line stopping mid-sentence, the next starting in lower case.
        if nl >= 0:
            stripped = text[pos:line_end].rstrip()
            nxt = text[nl + 1 : nl + 40].lstrip(" \t")
            if (
                stripped
                and stripped[-1] not in _TERMINAL
                and nxt[:1].islower()
                and len(stripped) > 60
            ):
                if joined_start is None:
                    joined_start = pos
                pos = nl + 1
                continue
        seg_start = pos if joined_start is None else joined_start
        joined_start = None
        line = text[seg_start:line_end].strip()
        if not line:
            lead_para = None  # a blank line ends a list
        else:
            if lead_para is not None and _LIST_LINE.match(line):
                heading = False  # "- 15 new labs": a list item under its lead, no heading
            else:
                para += 1
                lead_para = None
                heading = _is_heading_like(line)
                if line[-1] in ":：":
                    lead_para = para
            for a, b in _split_line(text, seg_start, line_end):
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if a < b:
                    spans.append(Span(a, b, para, heading))
        if nl < 0:
            break
        pos = nl + 1
    return spans
