"""English time expressions, resolved against the document date.

Roles: ``deadline`` ("by 2025", "by the end of 2021", "before 2030"),
``asof`` ("as of June 2023", "so far", "currently", "up to date"),
``period`` (a plan period "2021-2025" or a Five-Year Plan: its end year),
``then`` ("by then": whatever deadline governs the paragraph) and ``point``
("in 2017", "last year", "in the first half of 2017").
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.extract._numerals_en import parse_words
from goalpost.extract._periods import five_year_plan_mentions
from goalpost.extract._text import CaseBlind, lower_pattern, match_at_words
from goalpost.extract._types import TimeExpr

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MON = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_Y = r"(?:19|20)\d\d"
_BY = r"(?:by|before|until|till|through|no\s+later\s+than|not\s+later\s+than|prior\s+to|ahead\s+of)"
_ASOF = r"(?:as\s+of|as\s+at|up\s+to|up\s+until|at)"

_TIME = re.compile(
    # "by the end of 2021", "as of end-2022", "by year-end 2025", "by 2025 year-end"
    rf"(?P<endof>(?P<eo_pre>{_BY}|{_ASOF}|in|at)\s+(?:the\s+)?(?:(?:end|close)\s*(?:-|\s+of\s+)(?:the\s+)?"
    rf"(?:year\s+|fiscal\s+year\s+)?|year[\s-]?end\s+(?:of\s+)?)(?P<eo_y>{_Y})|"
    rf"(?P<eo_pre2>{_BY})\s+(?P<eo_y2>{_Y})[\s-]?(?:year[\s-]?)?end)"
    # "by July 2017", "as of 30 June 2023", "by June 30, 2023"
    rf"|(?P<bym>(?P<bym_pre>{_BY}|{_ASOF}|since|from|in|during|for)\s+(?:(?:early|mid|late)[\s-]+)?"
    rf"(?:(?P<bym_d1>\d{{1,2}})(?:st|nd|rd|th)?\s+)?(?P<bym_m>{_MON})\s*(?:(?P<bym_d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*)?(?P<bym_y>{_Y}))"
    # "by March this year", "in May last year"
    rf"|(?P<mthis>(?:(?P<mt_pre>{_BY}|{_ASOF}|since|in|during|for)\s+)?(?P<mt_m>{_MON})\s+(?P<mt_w>this|last|next)\s+year)"
    # "by yearend", "by the end of this year", "by the end of the year"
    rf"|(?P<yend>(?P<ye_pre>{_BY}|{_ASOF})\s+(?:the\s+)?(?:year[\s-]?end|end\s+of\s+(?:the|this)\s+year))"
    # "in the first nine months of 2024", "the first three quarters of 2024": to the period's end
    rf"|(?P<firstn>(?:in|during|for|over)\s+the\s+first\s+(?P<fn_n>two|three|four|five|six|seven|eight|"
    rf"nine|ten|eleven|\d{{1,2}})\s+(?P<fn_u>months|quarters)\s+of\s+(?P<fn_y>{_Y}))"
    # "in the first half of 2017 / of this year"
    rf"|(?P<half>(?:in|during|for|over|by)\s+(?:the\s+)?(?P<h_which>first|second|1st|2nd)\s+half\s+of\s+"
    rf"(?:(?P<h_y>{_Y})|(?P<h_rel>this|last|the)\s+year))"
    rf"|(?P<quarter>(?:in|during|for|by)\s+(?:the\s+)?(?P<q_which>first|second|third|fourth|1st|2nd|3rd|4th)\s+"
    rf"quarter\s+(?:of\s+)?(?P<q_y>{_Y}))"
    rf"|(?P<qshort>\b(?P<qs_k>[QH])(?P<qs_n>[1-4])\s*(?P<qs_y>{_Y}))"
    # "(2021-2025)", "2021-2025 period", "from 2021 to 2025", "FY2024-25"
    rf"|(?P<range>(?:(?P<r_pre>from|between|during|over|for|in|by|until|till|before|through)\s+(?:the\s+)?(?:period\s+)?)?"
    rf"(?:FY\s?|(?:fiscal|financial)\s+year\s+)?"
    rf"(?P<r_a>{_Y})\s*(?:[-/]\s*(?P<r_b2>\d\d)(?!\d)(?![.,]\d)|(?:-|/|to|and|through|until)\s*(?P<r_b>{_Y}))(?!\d))"
    # "June 2017", "30 June 2023", "September 30, 2019"
    rf"|(?P<date>(?:(?P<d_d1>\d{{1,2}})\s+)?(?P<d_m>{_MON})\s*(?:(?P<d_d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s*)?(?P<d_y>{_Y}))"
    # "in January", "by March": a month without a year, the nearest one
    rf"|(?P<bmon>(?:(?P<bmo_pre>{_BY}|{_ASOF}|in|during|for|since|(?:at|by)\s+the\s+end\s+of)\s+|"
    rf"(?P<bmo_end>\bend-))"
    rf"(?:(?:early|mid|late)[\s-]+)?"
    rf"(?P<bmo_m>{_MON})(?![\w])(?!\s*,?\s*(?:\d|this\b|last\b|next\b)))"
    # "by 2025", "in 2017", "FY2025", bare years
    rf"|(?P<year>(?:(?P<y_pre>{_BY}|{_ASOF}|in|during|for|since|from|of|within|after|throughout)\s+(?:the\s+)?(?:year\s+|fiscal\s+year\s+)?)?"
    rf"(?:FY\s?)?(?<![\d.,])(?P<y>{_Y})(?!\d|,\d|\.\d))"
    # relative to the document date
    rf"|(?P<rel>(?P<rel_pre>by|in|during|for|over|of|since|as\s+of)?\s*(?:the\s+)?(?P<rel_w>last|this|next|past|previous|current|coming)"
    rf"\s+(?P<rel_u>year|month|years|fiscal\s+year))\b"
    rf"|(?P<now>\b(?:so\s+far(?:\s+this\s+year)?|to\s+date|up\s+to\s+date|up\s+to\s+now|until\s+now|till\s+now|"
    rf"currently|at\s+present|presently|as\s+of\s+now|as\s+of\s+today|at\s+the\s+moment|nowadays|now)\b)"
    rf"|(?P<then>\bby\s+then\b|\bby\s+that\s+time\b)"
    rf"|(?P<nexty>\b(?:(?:in|over|within)\s+the\s+(?:next|coming)|within)\s+(?P<ny_n>\w+)\s+years\b)"
    rf"|(?P<decade>\b(?:in|over|within|during)\s+the\s+(?:next|coming)\s+decade\b)"
    rf"|(?P<yearago>\b(?P<ya_n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d{{1,2}})\s+years?\s+"
    rf"(?P<ya_w>earlier|ago|before)\b|\bthe\s+year\s+before\b)",
    re.IGNORECASE,
)
_BASE_BEFORE = re.compile(
    r"(?:\b(?:than|compared\s+(?:with|to)|relative\s+to|against|versus|vs\.?|vis-[àa]-vis|over|on|from)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
    r"(?:same\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?)?|\bsame\s+period\s+(?:of\s+|in\s+)?(?:the\s+)?)\s*$",
    re.I,
)
_BASE_BEFORE_CB = CaseBlind(_BASE_BEFORE, word_start=True)
# "below 2005 levels", "at 1990 levels": a reference year, whatever precedes it
_LEVELS_AFTER = re.compile(r"\s+(?:levels?|baselines?)\b", re.I)
_SAME_PERIOD = re.compile(r"\s*(?:the\s+)?(?:same\s+period|previous\s+year|year\s+before)", re.I)
_ON_BEFORE = re.compile(r"\b(?:on|over|against|versus|vs\.?)\s+$", re.I)
_REL_BASE_BEFORE = re.compile(
    r"\b(?:over|on|from|than|compared\s+(?:with|to)|against)\b(?:\s+the)?(?:\s+end\s+of)?(?:\s+the)?\s*$",
    re.I,
)
_YEAR_IN = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SPACES = re.compile(r"\s+")
_DOC_YM = re.compile(r"(\d{4})(?:-(\d{1,2}))?")
_SMALLN = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "ten": 10,
    "fifteen": 15,
}


@lru_cache(maxsize=1024)
def _doc_ym(doc_date: str | None) -> tuple[int | None, int | None]:
    if not doc_date:
        return None, None
    m = _DOC_YM.match(doc_date)
    if not m:
        return None, None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def _month(tok: str) -> int:
    return _MONTHS[tok.lower().rstrip(".")[:3]]


@lru_cache(maxsize=256)
def _role(pre: str | None, default: str = "point") -> str:
    if not pre:
        return default
    p = _SPACES.sub(" ", pre.lower())
    if p in ("as of", "as at", "up to", "up until", "at"):
        return "asof"
    if p in ("since", "from", "of", "after"):
        return "since"
    if p in ("in", "during", "for", "throughout", "within"):
        return "point"
    return "deadline"


# Every time expression holds a year, a month or a relative word; the big
# pattern only runs in windows around those anchors (it is slow to try at
# every position of a long sentence).


_STARTS = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]")
# "(?<!\d\d\d)" after "19"/"20" is "no digit before the year"; starting with
# the literals lets ``re`` skip straight to them.
_YEAR_ANCHOR = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
_WORD_ANCHOR = re.compile(
    rf"\b(?:{_MON}|Q[1-4]|H[12]|last|this|next|past|previous|current|coming|far|date|"
    r"currently|present|presently|now|nowadays|moment|then|that\s+time|year[\s-]?end|within|decade|"
    r"earlier|ago|before)(?![a-z])",
    re.IGNORECASE,
)
_ANCHOR_FIRSTS_WORDS = (
    "jan feb mar apr may jun jul aug sep oct nov dec q h last this next past previous current "
    "coming far date present now moment then that year within decade earlier ago before"
)
_ANCHOR_FIRSTS = list(_ANCHOR_FIRSTS_WORDS.split())


_TIME_LOW = lower_pattern(_TIME)
# The same, searched in lower-cased text from word or number starts only: one
# ``search`` per expression instead of one ``match`` per word.
# Every expression starts with a digit or one of these words (the first
# words of ``_TIME``'s branches: prepositions, months, relative words, "the",
# small numbers, "a years ago", "Q1"/"H2"); the lookahead skips the big
# alternation at every other word of a window.
_FIRST_WORDS = (
    "by before until till through no not prior ahead as up at in since from during for over "
    "between of within after throughout jan feb mar apr may jun jul aug sep oct nov dec fy the "
    "last this next past previous current coming so to currently presently nowadays now one two "
    "three four five six seven eight nine ten"
)
_FIRSTS_LOW = (
    "(?="
    + "|".join(sorted(set(_FIRST_WORDS.split()), key=len, reverse=True))
    + r"|a\s|[qh][1-4]|[0-9])"
)
_TIME_SCAN_LOW = re.compile(
    r"(?=[a-z0-9])(?<![a-z0-9])" + _FIRSTS_LOW + "(?:" + _TIME_LOW.pattern + ")"
)
# The leading lookahead on the letters an anchor starts with lets ``re`` skip
# to them instead of trying the alternation at every position.
_WORD_ANCHOR_LOW = re.compile(
    "(?=["
    + "".join(sorted({w[0] for w in _ANCHOR_FIRSTS}))
    + "])"
    + lower_pattern(_WORD_ANCHOR).pattern
)


def _anchors(text: str, start: int, end: int) -> list[re.Match[str]]:
    found = list(_YEAR_ANCHOR.finditer(text, start, end))
    found += match_at_words(_WORD_ANCHOR, text, tuple(_ANCHOR_FIRSTS), start, end)
    found.sort(key=lambda m: m.start())
    return found


def _matches(text: str, start: int, end: int) -> list[re.Match[str]]:
    # Case-blind patterns are several times slower in ``re``: match the
    # lower-cased text (same offsets) with lower-case patterns when we can.
    low = text.lower()
    scan = len(low) == len(text)
    if scan:
        text, pattern = low, _TIME_LOW
        anchors = sorted(
            [*_YEAR_ANCHOR.finditer(low, start, end), *_WORD_ANCHOR_LOW.finditer(low, start, end)],
            key=lambda m: m.start(),
        )
    else:
        pattern, anchors = _TIME, _anchors(text, start, end)
    windows: list[list[int]] = []
    for a in anchors:
        lo, hi = max(start, a.start() - 36), min(end, a.end() + 20)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    out: list[re.Match[str]] = []
    last_end = start
    for lo, hi in windows:
        # Start each window at a word boundary so "by the end of" is not cut mid-word.
        while lo > start and (text[lo - 1].isalnum() or text[lo - 1] == "-"):
            lo -= 1
        # Every expression starts at a word or a number: try only there.
        if scan:
            pos = max(lo, last_end)
            while pos < hi:
                m = _TIME_SCAN_LOW.search(text, pos, hi)
                if not m:
                    break
                out.append(m)
                last_end = pos = m.end()
                if m.end() == m.start():
                    pos += 1
            continue
        for st in _STARTS.finditer(text, max(lo, last_end), hi):
            if st.start() < last_end:
                continue
            m = pattern.match(text, st.start(), hi)
            if m:
                out.append(m)
                last_end = m.end()
    return out


def find_times(
    text: str,
    start: int = 0,
    end: int | None = None,
    doc_date: str | None = None,
    ref_year: int | None = None,
) -> list[TimeExpr]:
    """Time expressions in ``text[start:end]`` with offsets into ``text``.

    >>> [(t.date, t.role) for t in find_times("By the end of 2021, up 5% in the first half of 2017")]
    [('2021', 'deadline'), ('2017-06', 'point')]
    >>> [(t.date, t.role) for t in find_times("so far, and last month", doc_date="2017-09-26")]
    [('2017-09-26', 'asof'), ('2017-08', 'point')]
    >>> [(t.date, t.role) for t in find_times("during the 14th Five-Year Plan period (2021-2025)")]
    [('2025', 'period'), ('2025', 'period')]
    """
    if end is None:
        end = len(text)
    dy, dm = _doc_ym(doc_date)
    # "this year", "the year-end", "last year" count from the year a report is
    # about (a 2022 communiqué published in 2023), else from the publication.
    ry = ref_year if ref_year is not None else dy
    out: list[TimeExpr] = []
    for m in _matches(text, start, end):
        date: str | None = None
        role = "point"
        kind = m.lastgroup  # the branch that matched: its group closes last
        if kind == "endof":
            y = m.group("eo_y") or m.group("eo_y2")
            date, role = y, _role(m.group("eo_pre") or m.group("eo_pre2"), "deadline")
            if role == "point":
                role = "deadline"  # "in the end of 2021" reads as a deadline too
        elif kind == "bym":
            y, mo = int(m.group("bym_y")), _month(m.group("bym_m"))
            day = m.group("bym_d1") or m.group("bym_d2")
            date = f"{y}-{mo:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")
            role = _role(m.group("bym_pre"))
        elif kind == "mthis":
            if dy is None:
                continue
            shift = {"last": -1, "next": 1}.get(m.group("mt_w").lower(), 0)
            date, role = f"{dy + shift}-{_month(m.group('mt_m')):02d}", _role(m.group("mt_pre"))
        elif kind == "bmon":
            if dy is None or dm is None:
                continue
            pre = _SPACES.sub(" ", (m.group("bmo_pre") or m.group("bmo_end")).lower())
            mo = _month(m.group("bmo_m"))
            role = "asof" if pre.startswith(("at the end", "end-")) else _role(pre)
            # a deadline's month is the next one of that name, a reported month the last one; "by
            # the end of November" in a December report is the month just gone, an as-of date
            if role == "deadline" and mo < dm and dm - mo <= 6:
                role = "asof"
            y = (dy if mo >= dm else dy + 1) if role == "deadline" else (dy if mo <= dm else dy - 1)
            date = f"{y}-{mo:02d}"
        elif kind == "yend":
            if ry is None:
                continue
            date, role = str(ry), _role(m.group("ye_pre"), "deadline")
        elif kind == "half":
            y = int(m.group("h_y")) if m.group("h_y") else dy
            if y is None:
                continue
            if (m.group("h_rel") or "").lower() == "last":
                y -= 1
            first = m.group("h_which").lower() in ("first", "1st")
            date = f"{y}-06" if first else f"{y}-12"
        elif kind == "firstn":
            w = m.group("fn_n").lower()
            n = int(w) if w.isdigit() else int((parse_words(w) or (0.0,))[0])
            months = n * 3 if m.group("fn_u").lower() == "quarters" else n
            if not 1 <= months <= 12:
                continue
            date = f"{m.group('fn_y')}-{months:02d}"
        elif kind == "quarter":
            q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(
                m.group("q_which").lower(), 4
            )
            date = f"{m.group('q_y')}-{q * 3:02d}"
        elif kind == "qshort":
            qn = int(m.group("qs_n"))
            months = qn * 3 if m.group("qs_k").upper() == "Q" else qn * 6
            if months > 12:
                continue
            date = f"{m.group('qs_y')}-{months:02d}"
        elif kind == "range":
            a = int(m.group("r_a"))
            braw = m.group("r_b") or m.group("r_b2")
            b = int(braw) if len(braw) == 4 else (a // 100) * 100 + int(braw)
            if not a < b <= a + 30:
                continue
            date, role = str(b), "period"
            if (m.group("r_pre") or "").lower() in ("by", "until", "till", "before", "through"):
                role = "deadline"
            elif b == a + 1:
                role = "point"  # a fiscal year: "in 2019-20", "FY2023-24"
        elif kind == "date":
            y, mo = int(m.group("d_y")), _month(m.group("d_m"))
            day = m.group("d_d1") or m.group("d_d2")
            date = f"{y}-{mo:02d}" + (f"-{int(day):02d}" if day and 1 <= int(day) <= 31 else "")
        elif kind == "year":
            date, role = m.group("y"), _role(m.group("y_pre"))
            # "will invest €3.7 billion up to 2030": a coming year is a deadline
            if (
                role == "asof"
                and dy is not None
                and int(date) > dy
                and m.group("y_pre")[:2] == "up"
            ):
                role = "deadline"
            if not m.group("y_pre") and _ON_BEFORE.search(
                text[max(start, m.start() - 9) : m.start()]
            ):
                role = "base"  # "up 8.4% on 2020"
        elif kind == "rel":
            if dy is None:
                continue
            w = m.group("rel_w").lower()
            unit = m.group("rel_u").lower()
            if unit == "years":
                continue  # "the past five years" is a span, handled as a duration
            shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(w, 0)
            if unit == "month":
                if dm is None:
                    continue
                mm = dm + shift
                yy = dy + (mm - 1) // 12
                mm = (mm - 1) % 12 + 1
                date = f"{yy}-{mm:02d}"
            else:
                date = str(dy + shift)  # the writer's present, whatever year the title names
            pre = (m.group("rel_pre") or "").lower()
            role = "deadline" if pre == "by" else ("asof" if pre == "as of" else "point")
            lead = text[max(start, m.start() - 25) : m.start("rel_w")]
            if w in ("last", "previous", "past", "this") and _REL_BASE_BEFORE.search(lead):
                role = "base"  # "up 11.5 percent over the previous year"
        elif kind == "now":
            if not doc_date:
                continue
            date, role = doc_date, "asof"
        elif kind == "decade":
            if dy is None:
                continue
            date, role = str(dy + 10), "deadline"
        elif kind == "yearago":
            if ry is None:
                continue
            # "rose to 0.81% in 2022 from 0.78% a year earlier": a year before the sentence's year.
            # "two years earlier", "five years ago": n years before the sentence's or the report's year.
            w = (m.group("ya_n") or "one").lower()
            n = 1 if w in ("a", "one") else (_SMALLN.get(w) or (int(w) if w.isdigit() else None))
            if n is None:
                continue
            years = [int(y) for y in _YEAR_IN.findall(text[start:end])]
            if (m.group("ya_w") or "").lower() == "ago":
                years = []
            date, role = str((max(years) if years else ry) - n), "point"
        elif kind == "then":
            date, role = "", "then"
        elif kind == "nexty":
            n = _SMALLN.get(m.group("ny_n").lower())
            if n is None and m.group("ny_n").isdigit():
                n = int(m.group("ny_n"))
            if n is None or dy is None:
                continue
            date, role = str(dy + n), "deadline"
        if date is None:
            continue
        if (
            _BASE_BEFORE_CB.search(text, max(start, m.start() - 40), m.start())
            or _SAME_PERIOD.match(text[m.start() : m.end()])
            or (kind == "year" and _LEVELS_AFTER.match(text, m.end(), end))
        ):
            role = "base"  # "an increase of 11.6% on the same period the previous year"
        out.append(TimeExpr(m.start(), m.end(), date, role))
    if "ive" in text[start:end]:  # cheap guard before the Five-Year Plan scan
        for a, b, y in five_year_plan_mentions(text[start:end]):
            out.append(TimeExpr(start + a, start + b, str(y), "period"))
        out.sort(key=lambda t: t.start)
    return out
