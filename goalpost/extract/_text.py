"""Text helpers shared by the pipeline and the language components.

Components read ``ctx.text`` (the clean original) for what they report, but
match against a *normalized* copy: full-width digits, letters, ``%`` and ``．``
map to ASCII, odd spaces to a plain space, dashes to ``-`` and curly
apostrophes to ``'``. Every mapping is one character to one character, so an
offset found in the normalized copy is the same offset in the original.
The pipeline computes the copy once per document (``ctx.norm_text``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import lru_cache

_MAP: dict[int, str] = {}
for _i in range(10):  # ０-９
    _MAP[0xFF10 + _i] = chr(0x30 + _i)
for _i in range(26):  # Ａ-Ｚ, ａ-ｚ
    _MAP[0xFF21 + _i] = chr(0x41 + _i)
    _MAP[0xFF41 + _i] = chr(0x61 + _i)
_MAP.update(
    {
        0xFF05: "%",  # ％
        0xFF0E: ".",  # ．
        0xFF04: "$",  # ＄
        0xFFE5: "¥",  # ￥
        0xFF0B: "+",  # ＋
        0x3000: " ",  # ideographic space
        0x00A0: " ",  # no-break space (thousands separator in "3 937 751")
        0x202F: " ",  # narrow no-break space
        0x2009: " ",  # thin space
        0x2007: " ",  # figure space
        0x2212: "-",  # minus sign
        0x2010: "-",
        0x2011: "-",
        0x2012: "-",
        0x2013: "-",  # en dash: "2019–2021", "1–2"
        0x2014: "-",  # em dash
        0x2019: "'",  # right single quote: "city’s"
        0x2018: "'",
        0x201C: '"',
        0x201D: '"',
    }
)
_TABLE = str.maketrans(_MAP)
# ``str.translate`` with a dict looks up every character; finding the few odd
# ones with a character class and replacing only those is many times faster.
_ODD = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_MAP)) + "]")
_ODD_STR = {chr(c): v for c, v in _MAP.items()}

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def normalized(text: str) -> str:
    """The matching copy of ``text``: same length, ASCII digits, letters and signs.

    >>> normalized("１２，０００家 ３．１％")
    '12，000家 3.1%'
    >>> len(normalized("city’s ２０２１–２０２５")) == len("city’s ２０２１–２０２５")
    True
    """
    if text.isascii() or not _ODD.search(text):
        return text
    return _ODD.sub(lambda m: _ODD_STR[m.group()], text)


def sentence_lang(text: str) -> str:
    """``"zh"`` when CJK characters carry the sentence, else ``"en"``.

    A few Chinese characters in an English line (a licence number, a name)
    do not make it Chinese; a few Latin letters ("R&D", "5G") in a Chinese
    sentence do not make it English.

    >>> sentence_lang("到2025年，全市高新技术企业达到1.2万家"), sentence_lang("Email: info@example.gov.cn ICP备案号")
    ('zh', 'en')
    """
    if text.isascii() or not _CJK.search(text):
        return "en"
    latin = len(_LATIN.findall(text))
    if not latin:
        return "zh"  # no need to count the Chinese characters
    return "zh" if len(_CJK.findall(text)) * 3 >= latin else "en"


def word_before(text: str, pos: int, lo: int = 0) -> str:
    """The lower-cased word (letters, dots, ``&``) ending right before ``pos``, spaces skipped.

    A cheap pre-check before running a slower end-anchored pattern.

    >>> word_before("more than 12", 10), word_before("No.224", 3), word_before("  5", 2)
    ('than', 'no.', '')
    """
    i = pos
    while i > lo and text[i - 1] in " \t":
        i -= 1
    j = i
    while j > lo and (text[j - 1].isalpha() or text[j - 1] in ".&'"):
        j -= 1
    return text[j:i].lower()


_WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def match_at_words(
    pattern: re.Pattern[str],
    text: str,
    firsts: tuple[str, ...],
    start: int = 0,
    end: int | None = None,
    overlapping: bool = False,
) -> list[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` tried only where a word starting with one of ``firsts`` begins.

    Same result as ``pattern.finditer`` for a pattern that always starts at a
    word whose lower-cased form starts with one of ``firsts``, at a fraction
    of the cost: the big case-blind alternations of cue words are slow to try
    at every position.

    >>> [m.group() for m in match_at_words(re.compile(r"will\\s+have|has"), "It will have 5, has 6", ("will", "has"))]
    ['will have', 'has']
    """
    if end is None:
        end = len(text)
    out: list[re.Match[str]] = []
    last = start
    for w in _WORD.finditer(text, start, end):
        if w.start() < last or not w.group().lower().startswith(firsts):
            continue
        if w.start() > 0 and (text[w.start() - 1].isalnum() or text[w.start() - 1] == "_"):
            continue  # not at a word boundary ("5th", "RIE")
        m = pattern.match(text, w.start(), end)
        if m:
            out.append(m)
            if not overlapping:
                last = m.end()
    return out


def lower_pattern(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` for lower-cased text, without IGNORECASE (much faster in ``re``).

    Only for patterns whose escapes are all lower-case (``\\d``, ``\\s``, ``\\b``, ``\\w``).

    >>> lower_pattern(re.compile(r"(?P<m>July)\\s+\\d+", re.I)).match("july 4").group("m")
    'july'
    """
    text = pattern.pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return re.compile(text, pattern.flags & ~re.IGNORECASE)


@lru_cache(maxsize=64)
def ascii_lower(text: str) -> str | None:
    """``text.lower()`` when ``text`` is ASCII, else None.

    On ASCII text a case-blind pattern matches exactly where its lower-case
    form matches the lower-cased text (same offsets), and ``re`` runs the
    case-sensitive form several times faster. Cached: the components ask for
    the same sentence many times.
    """
    return text.lower() if text.isascii() else None


_UPPER_ESCAPE = re.compile(r"\\[A-Z]|\(\?[a-zA-Z]*-")


class CaseBlind:
    """A case-blind pattern run case-sensitively on lower-cased ASCII text.

    ``search``/``match``/``finditer`` take the original text and answer
    like ``pattern``'s own methods, except that matches hold the lower-cased
    text: callers use their offsets, or compare lower-cased group text.
    Non-ASCII text falls back to ``pattern`` itself.

    ``word_start=True`` prefixes the fast form with ``\\b(?=[a-z])``, which
    lets ``re`` reject most positions at once; only for patterns whose every
    match starts with a letter at a word start. ``starts`` (the inside of a
    character class, e.g. ``",;a-z"``) does the same for patterns whose every
    match starts with one of those characters (in lower-cased text).

    >>> cb = CaseBlind(re.compile(r"\\bwill\\s+reach\\s+$", re.I), word_start=True)
    >>> cb.search("It Will Reach 5", 0, 14).span(), cb.search("Städte will reach 5", 0, 18).group()
    ((3, 14), 'will reach ')
    """

    __slots__ = ("pattern", "low")

    def __init__(
        self, pattern: re.Pattern[str], word_start: bool = False, starts: str | None = None
    ) -> None:
        if not pattern.flags & re.IGNORECASE or _UPPER_ESCAPE.search(pattern.pattern):
            raise ValueError(f"not safe to lower-case: {pattern.pattern!r}")
        self.pattern = pattern
        low = lower_pattern(pattern).pattern
        if word_start:
            low = r"\b(?=[a-z])(?:" + low + ")"
        elif starts:
            low = "(?=[" + starts + "])(?:" + low + ")"
        self.low = re.compile(low, pattern.flags & ~re.IGNORECASE)

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = ascii_lower(text)
        if low is None:
            return self.pattern.search(text, pos, endpos)
        return self.low.search(low, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        low = ascii_lower(text)
        if low is None:
            return self.pattern.match(text, pos, endpos)
        return self.low.match(low, pos, endpos)

    def finditer(
        self, text: str, pos: int = 0, endpos: int = sys.maxsize
    ) -> Iterator[re.Match[str]]:
        low = ascii_lower(text)
        if low is None:
            return self.pattern.finditer(text, pos, endpos)
        return self.low.finditer(low, pos, endpos)
