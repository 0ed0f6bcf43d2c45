"""English numerals: digits in every grouping, number words, scale words.

:data:`CORE` finds a numeral ("12,000", "12,34,567", "3 937 751", "6,6"
before a scale, "3.1", ".25", "twenty-two", "one hundred and six", "half a
million", "two hundred point zero three"); :func:`read_core` gives its value.
"""

from __future__ import annotations

import re
from functools import lru_cache

from goalpost.extract._text import lower_pattern

_UNITS_W_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_UNITS_W = list(_UNITS_W_WORDS.split())
_TENS_W = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
SMALL = {w: i for i, w in enumerate(_UNITS_W)} | {w: 20 + 10 * i for i, w in enumerate(_TENS_W)}
SMALL |= {"nought": 0, "naught": 0}
BIG = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_WTOK = "|".join(
    [
        *sorted(SMALL, key=len, reverse=True),
        "hundred",
        "dozens",
        "dozen",
        *sorted(BIG, key=len, reverse=True),
    ]
)
_WSCALE = "hundred|thousand|million|billion|trillion|lakhs?|crores?|dozens?"

# Digits: decimal comma before a scale ("6,6 billion"), "12,000", Indian
# "12,34,567", space-grouped "3 937 751" (with decimals), plain "3.1", ".25".
_DIGITS = (
    r"\d{1,3},\d{1,2}(?=\s*(?:billion|million|thousand|trillion|bn|mn|%|percent|per cent)\b)"
    r"|(?<!\d,)\d{1,3},\d{1,2}(?![\d,])(?!\.\d)"
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)"
    r"|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?(?!\d)"
    r"|\d{1,3}(?: \d{3}){2,}(?:\.\d+)?(?!\d)|\d{1,2} \d{3}(?:\.\d+)?(?!\d)|\d{1,3} 000(?!\d)"
    r"|\d+(?:\.\d+)?"
    r"|(?<![A-Za-z])\.\d+"
)
_FRACTION_LEAD = (
    r"(?:(?:a|an)\s+)?(?:half|quarter)(?:\s+a)?|(?:one|two|three)\s+quarters?|a|an|half\s+a"
)
CORE = re.compile(
    rf"(?<![\d.])(?<!\d\.)(?P<d>{_DIGITS})"
    rf"|\b(?P<w>(?:(?:{_FRACTION_LEAD})\s+(?=(?:{_WSCALE})\b))?(?:{_WTOK})"
    rf"(?:(?:\s*-\s*|\s+and\s+|\s+)(?:{_WTOK}))*"
    rf"(?:\s+point(?:\s+(?:{'|'.join(_UNITS_W[:10])}|nought|naught|oh))+"
    rf"|\s+point\s+(?:{'|'.join(_UNITS_W[10:])}|(?:{'|'.join(_TENS_W)})(?:[\s-]+(?:{'|'.join(_UNITS_W[1:10])}))?))?"
    rf"(?:\s+and\s+a\s+half)?)\b",
    re.IGNORECASE,
)


CORE_LOW = lower_pattern(CORE)  # for lower-cased text: same matches, faster
# The leading lookahead lets ``re`` skip to candidate characters (a lookbehind first
# makes it try every position: eight times slower on prose).
DIGIT_CORE = re.compile(rf"(?=[\d.])(?<![\d.])(?<!\d\.)(?P<d>{_DIGITS})")
# Words a written number can start with (``CORE``'s word branch is only tried there).
WORD_FIRSTS = tuple(
    sorted(
        {
            *SMALL,
            "hundred",
            "thousand",
            "million",
            "billion",
            "trillion",
            "lakh",
            "crore",
            "dozen",
            "a",
            "an",
            "half",
            "quarter",
            "three",
            "two",
            "one",
        }
    )
)
_WORD_SET = frozenset(WORD_FIRSTS)

# A written number other than "a"/"an" somewhere in lower-cased text: what
# decides whether the word branch of ``CORE`` is worth trying at all.
NUMBER_WORD_LOW = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in _WORD_SET})) + "])"
    r"(?<![a-z])(?:"
    + "|".join(sorted(_WORD_SET - {"a", "an"}, key=len, reverse=True))
    + r")(?![a-z])"
)
# Where the word branch of ``CORE`` can start in lower-cased text: a whole
# token it can begin with (every token of a written number is a whole word).
_WORD_STARTS = {*SMALL, *BIG, "hundred", "dozens", "dozen", "a", "an", "half", "quarter"}
WORD_START_LOW = re.compile(
    "(?=[" + "".join(sorted({w[0] for w in _WORD_STARTS})) + "])"
    r"(?<!\w)(?<![a-z]')(?:" + "|".join(sorted(_WORD_STARTS, key=len, reverse=True)) + r")\b"
)


def has_number_word(lower_words: set[str]) -> bool:
    """Whether any of the (lower-cased) words can start a written number."""
    return not _WORD_SET.isdisjoint(lower_words)


_DECIMAL_COMMA = re.compile(r"\d{1,3},\d{1,2}")
_LETTERS = re.compile(r"[A-Za-z]+")
_AND_A_HALF = re.compile(r"\s+a\s+half\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def parse_words(s: str) -> tuple[float, int] | None:
    """Value of a run of English number words and how many characters it used.

    Stops at the first word that cannot continue the number ("one two").

    >>> parse_words("one hundred and sixty-one"), parse_words("twenty-two State")
    ((161.0, 25), (22.0, 10))
    >>> parse_words("two thousand and two hundred")[0], parse_words("a dozen")[0]
    (2200.0, 12.0)
    >>> parse_words("three quarters billion")[0], parse_words("two hundred point zero three")[0]
    (750000000.0, 200.03)
    """
    total = 0.0
    current = 0.0
    last = ""  # "small", "teen", "tens", "hundred", "big", "and", "a"
    end = 0
    big_seen = float("inf")
    had_number = False
    group = 0.0  # small numbers added since the last "hundred" ("three hundred and two dozens")
    tokens = list(_LETTERS.finditer(s))
    i = 0
    while i < len(tokens):
        m = tokens[i]
        w = m.group().lower()
        i += 1
        if w in ("a", "an"):
            if had_number:
                break
            if last == "a":  # "half a million"
                continue
            current, last = 1.0, "a"
            continue
        if w == "point" and had_number:
            digits = ""
            j = i
            while j < len(tokens) and tokens[j].group().lower() in SMALL | {"oh": 0}:
                v = (SMALL | {"oh": 0})[tokens[j].group().lower()]
                if v >= 10 and digits:
                    break
                digits += str(v)
                j += 1
                if v >= 20 and j < len(tokens) and tokens[j].group().lower() in _UNITS_W[1:10]:
                    digits = digits[: -len(str(v))] + str(v + SMALL[tokens[j].group().lower()])
                    j += 1
                    break
                if v >= 10:
                    break
            if not digits:
                break
            return total + current + float("0." + digits), tokens[j - 1].end()
        if w == "and":
            half = _AND_A_HALF.match(s[m.end() :])
            if half and had_number:  # "one and a half"
                return total + current + 0.5, m.end() + half.end()
            if last not in ("hundred", "big"):
                break
            last = "and"
            continue
        if w in ("half", "quarter", "quarters"):
            frac = 0.5 if w == "half" else 0.25
            current = (current or 1.0) * frac if had_number and w == "quarters" else frac
            last = "a"
            had_number = had_number or w != "half"
            continue
        if w in SMALL:
            v = SMALL[w]
            if last in ("small", "teen") or (last == "tens" and (v >= 10 or v == 0)) or last == "a":
                break
            current += v
            group += v
            last = "tens" if v >= 20 else ("teen" if v >= 10 else "small")
        elif w == "hundred":
            if last == "hundred":
                break
            current = (current or 1.0) * 100
            group = 0.0
            last = "hundred"
        elif w in ("dozen", "dozens"):
            current = current - group + group * 12 if group else (current or 1.0) * 12
            group = 0.0
            last = "hundred"
        elif w in BIG:
            scale = BIG[w]
            if scale >= big_seen:  # "three lakh crore", "thousand million"
                total = (total + current if (total or current) else 1.0) * scale
            else:
                total += (current or 1.0) * scale
            current = 0.0
            group = 0.0
            big_seen = scale
            last = "big"
        else:
            break
        had_number = True
        end = m.end()
    if not had_number:
        return None
    return total + current, end


def read_core(m: re.Match[str]) -> tuple[float, int, int, bool, bool] | None:
    """(value, start, end, written_in_words, plain_integer) of a :data:`CORE` match."""
    if m.group("d"):
        raw = m.group("d")
        if "," in raw and _DECIMAL_COMMA.fullmatch(raw):  # a decimal comma: "6,6 billion"
            return float(raw.replace(",", ".")), m.start(), m.end(), False, False
        value = float(raw.replace(",", "").replace(" ", ""))
        return value, m.start(), m.end(), False, raw.isdigit()
    w = m.group("w")
    first = w.split(None, 1)[0].lower()
    if first in BIG or first in ("dozen", "dozens"):
        return None  # a bare scale word ("billion yuan" in a table header) is not a number
    parsed = parse_words(w)
    if parsed is None:
        return None
    value, used = parsed
    return value, m.start(), m.start() + used, True, False
