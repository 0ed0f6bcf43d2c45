"""Publication dates and plan periods found in a document's text.

Dates are scored, not just matched: an explicit label ("Updated:", "发布时间")
beats a dateline, which beats a date on a line of its own, which beats a date
next to "issued"/"promulgated", which beats any other full date near the top.
Year ranges such as "(2019-2021)" are plan periods and never dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass

from goalpost.documents._lines import fold_case

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
_MONTHS["sept"] = 9
_MON = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_Y = r"(?P<y>[12][0-9]{3})"
_D = r"(?P<d>[0-3]?[0-9])(?:st|nd|rd|th)?"
_DIGIT = r"[0-9０-９]"
_CN_NUM = "〇零一二三四五六七八九十"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("mdy", re.compile(rf"\b{_MON}\s+{_D},?\s+{_Y}\b", re.IGNORECASE)),
    ("dmy", re.compile(rf"\b{_D}\s+(?:of\s+)?{_MON},?\s+{_Y}\b", re.IGNORECASE)),
    (
        "iso",
        re.compile(
            r"(?<![0-9０-９\-/.])(?P<y>[12１２][0-9０-９]{3})\s*[-/.／－]\s*(?P<m>[0-9０-９]{1,2})"
            r"\s*[-/.／－]\s*(?P<d>[0-9０-９]{1,2})(?![0-9０-９])"
            r"(?P<time>[ T]+[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?)?"
        ),
    ),
    (
        "cjk",
        re.compile(
            rf"(?P<y>[12１２]{_DIGIT}{{3}})\s*年\s*(?P<m>{_DIGIT}{{1,2}})\s*月"
            rf"(?:\s*(?P<d>{_DIGIT}{{1,2}})\s*[日号])?"
        ),
    ),
    (
        "cjk_words",
        re.compile(
            rf"(?P<y>[〇零一二三四五六七八九]{{4}})年(?P<m>[{_CN_NUM}]{{1,2}})月"
            rf"(?:(?P<d>[{_CN_NUM}]{{1,3}})[日号])?"
        ),
    ),
    ("my", re.compile(rf"\b{_MON}\s+(?:of\s+)?{_Y}\b", re.IGNORECASE)),
    ("ym", re.compile(r"(?<![0-9\-])(?P<y>[12][0-9]{3})[-/.](?P<m>[01]?[0-9])(?![0-9\-/.])")),
]
# Where a match of a pattern above can start: a superset, one character wide.
# The patterns open with "\b", a look-behind or an IGNORECASE alternation, so
# the regex engine would try them at every position of the page; these open
# with a plain character class it skips along quickly, and the real pattern is
# then tried only at their hits (see _finditer). The month's first letter
# includes "ſ", which IGNORECASE matches to "s"; "(?<!\w.)" after the first
# character is the "\b" or look-behind in front of it.
_MONTH_START = re.compile(
    r"[JjFfMmAaSsſOoNnDd](?<!\w.)(?=(?i:an|eb|ar|pr|ay|un|ul|ug|ep|ct|ov|ec))"
)
_MONTH_KINDS = ("mdy", "dmy", "my")
_MONTH_PREFIXES = (
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
)
_STARTS: dict[str, re.Pattern[str]] = {
    "mdy": _MONTH_START,
    "my": _MONTH_START,
    "dmy": re.compile(r"[0-9](?<!\w.)(?=[0-9]?(?i:st|nd|rd|th)?\s+(?i:of\s+)?[JjFfMmAaSsſOoNnDd])"),
    "iso": re.compile(r"[12１２](?<![0-9０-９\-/.].)(?=[0-9０-９]{3}\s*[-/.／－])"),
    "ym": re.compile(r"[12](?<![0-9\-].)(?=[0-9]{3}[-/.])"),
}
# Not inside a longer word: "有效日期" (valid until) and "outdated" are no labels.
_LABEL_WORDS = (
    r"(?<![\w\u4e00-\u9fff])(updated?|update time|published(\s+on)?|publication date|release date|released(\s+on)?|"
    r"posted(\s+on)?|date|issued(\s+on)?|发布时间|发布日期|发文日期|成文日期|印发日期|更新时间|"
    r"日期|时间)\s*[:：]?\s*"
)
_LABEL = re.compile(_LABEL_WORDS + "$", re.IGNORECASE)
_LABEL_YEAR = re.compile(_LABEL_WORDS + r"(?P<y>[12][0-9]{3})\b(?![-/.年])", re.IGNORECASE)
# One of these is in every label (lower-cased).
_LABEL_NEEDLES = ("date", "publi", "release", "posted", "issued", "日期", "时间")
# Where a label can start (as _STARTS above): "İ" and "ı" are IGNORECASE's "i".
_LABEL_START = re.compile(
    r"[UuPpRrDdIiİı发成印更日时](?<![\w\u4e00-\u9fff].)"
    r"(?=(?i:pdate|ubli|elease|osted|ate|ssued)|布时间|布日期|文日期|发日期|新时间|期|间)"
)
_ISSUE_VERB = re.compile(
    r"\b(promulgated|issued|released|published|unveiled|launched|announced|adopted|approved|"
    r"printed and distributed)\b|印发|发布|公布|出台|颁布",
    re.IGNORECASE,
)
_DATELINE_WORDS = re.compile(r"source\s*[:：]|author\s*[:：]|来源|作者|编辑", re.IGNORECASE)

_RANGE = re.compile(
    r"(?<![0-9０-９])(?P<a>[12１２][0-9０-９]{3})\s*年?\s*(?:[-–—~～－‐−]+|至|到)\s*"
    r"(?P<b>[12１２][0-9０-９]{3})(?![0-9０-９])"
)
_ORDINALS = {
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16,
}  # fmt: skip
_FYP_EN = re.compile(
    r"\b(?:(?P<n>\d{1,2})(?:st|nd|rd|th)|(?P<w>" + "|".join(_ORDINALS) + r"))"
    r"\s*[\"“”']?\s*five[-\s]?year\s+plan",
    re.IGNORECASE,
)
_FYP_ZH = re.compile(
    r"十(?P<n>[一二三四五六七八九])五|第十(?P<n2>[一二三四五六七八九]?)个五年(?:规划|计划)"
)
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0}

MAX_PERIOD_YEARS = 15
_HEAD, _TAIL = 6000, 2000


@dataclass(frozen=True)
class _Candidate:
    score: float
    start: int
    value: str


def find_publication_date(text: str) -> str | None:
    """The document's publication date as YYYY-MM-DD, YYYY-MM or YYYY.

    >>> find_publication_date("Plan\\n\\nUPDATED :August 6, 2017\\n\\nBy 2020 ...")
    '2017-08-06'
    >>> find_publication_date("On September 30, 2019, Guangzhou promulgated the Plan (2019-2021).")
    '2019-09-30'
    """
    best: _Candidate | None = None
    # A publication date sits in the head (or, in Chinese notices, after the
    # signature at the end); scanning megabytes of body for it is waste.
    parts = [(text, 0)]
    if len(text) > _HEAD + _TAIL:
        tail = text.find("\n", len(text) - _TAIL) + 1 or len(text) - _TAIL
        parts = [(text[:_HEAD], 0), (text[tail:], tail)]
    for part, base in parts:
        for cand in _candidates(part, base):
            if cand.score > 0 and (best is None or cand.score > best.score):
                best = cand
    return best.value if best else None


def _candidates(text: str, base: int = 0) -> Iterator[_Candidate]:
    # Cheap exact guards: the CJK patterns need both "年" and "月", the English
    # ones a month's first three letters, a labelled year a word of its label.
    cjk = "年" in text and "月" in text
    folded = fold_case(text)
    month = any(m in folded for m in _MONTH_PREFIXES)
    starts: dict[re.Pattern[str], list[int]] = {}  # "mdy" and "my" share theirs
    for kind, pattern in _PATTERNS:
        if (kind.startswith("cjk") and not cjk) or (kind in _MONTH_KINDS and not month):
            continue
        found = _STARTS.get(kind)
        if found is not None and found not in starts:
            starts[found] = [hit.start() for hit in found.finditer(text)]
        for m in _finditer(pattern, text, None if found is None else starts[found]):
            value = _value(kind, m)
            if value is None:
                continue
            score = _score(text, m, kind, value) - base / 1e6
            yield _Candidate(score, base + m.start(), value)
    if not any(w in folded for w in _LABEL_NEEDLES):
        return
    for m in _finditer(_LABEL_YEAR, text, [hit.start() for hit in _LABEL_START.finditer(text)]):
        # "Published: 2019": a labelled year, just below a labelled full date.
        yield _Candidate(2.9 - (base + m.start()) / 1e6, base + m.start(), m.group("y"))


def _finditer(
    pattern: re.Pattern[str], text: str, starts: list[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying ``pattern`` only at the offsets ``starts``.

    The same matches as finditer when every match starts at one of ``starts``
    (ascending): each is the leftmost match at or after the end of the last.
    """
    if starts is None:
        yield from pattern.finditer(text)
        return
    end = 0
    for pos in starts:
        if pos < end:
            continue
        m = pattern.match(text, pos)  # "\b" and look-behinds still see text[:pos]
        if m:
            end = m.end()
            yield m


def _value(kind: str, m: re.Match[str]) -> str | None:
    month: int | None
    if kind in ("mdy", "dmy", "my"):
        # why: fold_case, not lower(): "APRİL" (dotted capital I) matches the case-blind pattern
        # but lower() makes it "apri̇l", which is no month name
        year, month = int(m.group("y")), _MONTHS[fold_case(m.group("mon")).rstrip(".")]
        day = int(m.group("d")) if kind != "my" else None
    elif kind == "cjk_words":
        year = int("".join(str(_CN_DIGITS[c]) for c in m.group("y")))
        month = _cn_small(m.group("m"))
        day = _cn_small(m.group("d")) if m.group("d") else None
    else:
        year, month = int(m.group("y")), int(m.group("m"))
        day = int(m.group("d")) if m.groupdict().get("d") else None
    if not (1900 <= year <= 2100 and month and 1 <= month <= 12):
        return None
    if day is None:
        return f"{year:04d}-{month:02d}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _cn_small(s: str) -> int | None:
    """一 → 1, 十一 → 11, 二十 → 20, 三十一 → 31."""
    if not s:
        return None
    if "十" not in s:
        return _CN_DIGITS.get(s) if len(s) == 1 else None
    tens, _, ones = s.partition("十")
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)


def _score(text: str, m: re.Match[str], kind: str, value: str) -> float:
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    before = text[line_start : m.start()]
    line = text[line_start:line_end].strip()
    rest = (text[line_start : m.start()] + text[m.end() : line_end]).strip(" \t()（）[]【】,，.")
    precise = len(value) == 10
    # Later dates lose ties to earlier ones; the top of a page is where its date is.
    score = -m.start() / 1e6
    if _LABEL.search(before[-30:]):
        score += 3.0
    elif kind == "iso" and m.group("time"):
        score += 2.5
    elif precise and _DATELINE_WORDS.search(line) and len(line) < 200:
        score += 2.4
    elif not rest:
        score += 2.0 if precise else 1.2
    elif not precise:
        return -1.0  # "By July 2017" is an as-of date, not a publication date
    elif _issued_near(text, m):
        score += 1.5
    elif m.start() < 1500:
        score += 1.0
    else:
        score += 0.5
    return score


def _issued_near(text: str, m: re.Match[str]) -> bool:
    """A date in the same sentence as "issued"/"promulgated"/"印发"."""
    lo = max(text.rfind(".", 0, m.start()), text.rfind("。", 0, m.start()), m.start() - 200)
    window = text[lo + 1 : m.end() + 80]
    stop = re.search(r"[.。](\s|$)", window[m.end() - lo - 1 :])
    if stop:
        window = window[: m.end() - lo - 1 + stop.start()]
    return bool(_ISSUE_VERB.search(window))


def find_period(text: str) -> tuple[int, int] | None:
    """The first plan period stated in ``text``, as (first_year, last_year).

    >>> find_period("Three-year Action Plan (2019-2021)")
    (2019, 2021)
    >>> find_period("“十四五”规划")
    (2021, 2025)
    """
    found: list[tuple[int, tuple[int, int]]] = []
    for m in _RANGE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if 1900 <= a < b <= 2100 and b - a <= MAX_PERIOD_YEARS:
            found.append((m.start(), (a, b)))
            break
    fyp = find_five_year_plan(text)
    if fyp:
        found.append(fyp)
    return min(found)[1] if found else None


def find_five_year_plan(text: str) -> tuple[int, tuple[int, int]] | None:
    """(offset, period) of the first named Five-Year Plan ("13th Five-year Plan", "十四五")."""
    hits: list[tuple[int, int]] = []
    # The test for "five" is exact and much cheaper than the scan it saves.
    m = _FYP_EN.search(text) if "five" in fold_case(text) else None
    if m:
        n = int(m.group("n")) if m.group("n") else _ORDINALS[m.group("w").lower()]
        hits.append((m.start(), n))
    m = _FYP_ZH.search(text)
    if m:
        digit = m.group("n") or m.group("n2")
        hits.append((m.start(), 10 + (_CN_DIGITS[digit] if digit else 0)))
    hits = [(pos, n) for pos, n in hits if n >= 3]
    if not hits:
        return None
    pos, n = min(hits)
    # The 3rd plan began in 1966 and every plan since has lasted five years.
    return pos, (1951 + 5 * n, 1955 + 5 * n)
