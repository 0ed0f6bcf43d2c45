"""Chinese text normalisation and numeral values.

Two jobs, both offset-preserving:

* :func:`normalize_zh` returns a working copy of a Chinese string of the same
  length: full-width ASCII (``１２３．５％``) becomes ASCII and traditional
  characters become simplified ones, one character for one, so an offset into
  the copy is an offset into the original.
* :func:`numeral_value` reads one numeral written with Arabic digits, Chinese
  digits or both, with the multipliers 十/百/千/万/亿/兆 (``1.2万``,
  ``一万二千``, ``3.3万亿``, ``两千四百五``, ``二〇二五``, ``十五点三``).

Units, comparators and ranges are read on top of this by
``goalpost.extract._zh_quantities``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

__all__ = ["CN_DIGITS", "NUMERAL_RUN", "normalize_zh", "numeral_value"]

#: Chinese digits (simplified, financial and colloquial forms) and their values.
CN_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "贰": 2,
    "两": 2,
    "俩": 2,
    "三": 3,
    "叁": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陆": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS: dict[str, int] = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS: dict[str, float] = {"万": 1e4, "亿": 1e8, "兆": 1e12}
_APPROX = "多余几"

_DIGIT_CHARS = "".join(CN_DIGITS)
_UNIT_CHARS = "".join(_SMALL_UNITS) + "万亿兆"

# 千/兆 before 瓦, 米, 克… are metric prefixes of the unit (100万千瓦 = 1e6 kW), not numerals.
_MULT = rf"(?:[{_UNIT_CHARS.replace('千', '').replace('兆', '')}]|[千兆](?![瓦米克伏焦帕赫字比]))"

#: A maximal run that may hold one numeral: digits, Chinese digits, multipliers,
#: the decimal point (``.`` or 点) and the approximators 多/余/几 inside it.
NUMERAL_RUN = re.compile(
    rf"(?:\d+(?:,\d{{3}})+(?!\d)|\d+|(?<!\.)\.\d+|[{_DIGIT_CHARS}{_UNIT_CHARS}半])"
    rf"(?:\d+(?:,\d{{3}})+(?!\d)|\.\d|\d|[{_DIGIT_CHARS}]|{_MULT}|点(?=[\d{_DIGIT_CHARS}])"
    rf"|[{_APPROX}](?=[万亿十百千]))*"
    rf"(?:[{_APPROX}](?![{_APPROX}]))?"
)

# Full-width ASCII block -> ASCII, ideographic space -> space.
_FULLWIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_FULLWIDTH[0x3000] = 0x20
# Dashes and tildes that mean "to" in ranges, and the minus sign.
_FULLWIDTH.update({0x2212: ord("-"), 0x301C: ord("~")})
# The full-width comma is also the Chinese comma: it is kept here and only read
# as a thousands separator between full-width digits (see normalize_zh).
del _FULLWIDTH[0xFF0C]


@lru_cache(maxsize=1)
def _table() -> dict[int, int]:
    """Full-width and traditional->simplified per-character translation table."""
    table = dict(_FULLWIDTH)
    try:
        raw = (
            resources.files("opencc")
            .joinpath("dictionary/TSCharacters.txt")
            .read_text(encoding="utf-8")
        )
    except (ModuleNotFoundError, FileNotFoundError, OSError):  # pragma: no cover
        raw = ""
    for line in raw.splitlines():
        trad, _, simp = line.partition("\t")
        simp = simp.split(" ")[0] if simp else ""
        # Only one-to-one characters keep offsets; multi-character mappings are skipped.
        if len(trad) == 1 and len(simp) == 1 and trad != simp:
            table[ord(trad)] = ord(simp)
    # Variants the dictionary leaves alone but numerals use.
    for trad, simp in {
        "兩": "两",
        "倆": "俩",
        "萬": "万",
        "億": "亿",
        "點": "点",
        "貳": "贰",
    }.items():
        table[ord(trad)] = ord(simp)
    return table


# The comma first, the digit before it in a look-behind: a literal start lets
# ``re`` skip along instead of trying every character of every sentence.
_FW_COMMA = re.compile(r"，(?<=[０-９]，)(?=[０-９]{3}(?![０-９]))")


def normalize_zh(text: str) -> str:
    """Same-length working copy: ASCII digits/punctuation, simplified characters.

    >>> normalize_zh("１．２萬家，增長３％")
    '1.2万家，增长3%'
    >>> len(normalize_zh("四十九兆九千五百九十二億元")) == 13
    True
    """
    if "，" in text:
        text = _FW_COMMA.sub(",", text)
    return text.translate(_table())


def _plain(s: str) -> float | None:
    """A run of Arabic digits (commas allowed) or of bare Chinese digits."""
    if not s:
        return None
    if all(c in CN_DIGITS for c in s):
        # Digit by digit, as in years (二〇二五) or discount forms (五五).
        return float("".join(str(CN_DIGITS[c]) for c in s))
    try:
        return float(s.replace(",", ""))
    except ValueError:
        return None


_TOKEN = re.compile(rf"\d+(?:,\d{{3}})*(?:\.\d+)?|\.\d+|[{_DIGIT_CHARS}]|[{''.join(_SMALL_UNITS)}]")


def _section(s: str) -> float | None:
    """A numeral below 万: digits with 十/百/千 (一千零五十, 4千6百, 两千四百五)."""
    if not s:
        return 0.0
    if not any(c in _SMALL_UNITS for c in s):
        if "零" in s.lstrip("零") and not all(c in CN_DIGITS for c in s):
            return None
        return _plain(s)
    tokens = _TOKEN.findall(s)
    if "".join(tokens) != s:
        return None
    total = 0.0
    cur: float | None = None
    last_unit: int | None = None
    zero_after_unit = False
    prev_digit = False
    for tok in tokens:
        if tok in _SMALL_UNITS:
            unit = _SMALL_UNITS[tok]
            if last_unit is not None and unit >= last_unit and cur is None:
                return None  # 百千: units must fall
            total += (1.0 if cur is None else cur) * unit
            cur, last_unit, zero_after_unit, prev_digit = None, unit, False, False
        elif tok in ("零", "〇", "○"):
            zero_after_unit, prev_digit = True, False
        else:
            if prev_digit:
                return None  # 二三十: "twenty or thirty" is not one number
            cur = CN_DIGITS[tok] if tok in CN_DIGITS else float(tok.replace(",", ""))
            prev_digit = True
    if cur is not None:
        # 两千四百五 = 2450: a last bare digit counts in the unit below the last one.
        if last_unit and last_unit > 10 and not zero_after_unit and cur < 10 and "." not in s:
            total += cur * last_unit / 10
        else:
            total += cur
    return total


def _integer(s: str) -> float | None:
    """A numeral without a decimal 点, splitting at the biggest multiplier present."""
    if not s:
        return 0.0
    for big in ("兆", "亿", "万"):
        i = s.rfind(big)
        if i < 0:
            continue
        left, right = s[:i], s[i + 1 :]
        if not left:
            return None  # a bare 万 or 亿 is a word (万众, 亿元以上企业), not a number
        lv = _integer(left)
        if lv is None:
            return None
        mult = _BIG_UNITS[big]
        if not right:
            return lv * mult
        if right.startswith(("零", "〇")):
            rv = _integer(right.lstrip("零〇"))
            return None if rv is None else lv * mult + rv
        if len(right) == 1 and right in CN_DIGITS:
            # 一万三 = 13000, 一亿五 = 150000000
            return lv * mult + CN_DIGITS[right] * mult / 10
        rv = _integer(right)
        return None if rv is None else lv * mult + rv
    return _section(s)


@lru_cache(maxsize=8192)
def numeral_value(run: str) -> tuple[float, bool] | None:
    """Value of one numeral run and whether it is approximate (多/余/几).

    Returns None when the run is not a well-formed numeral.

    >>> numeral_value("1.2万"), numeral_value("3.3万亿"), numeral_value("一万二千")
    ((12000.0, False), (3300000000000.0, False), (12000.0, False))
    >>> numeral_value("500多亿"), numeral_value("十五点三"), numeral_value("二〇二五")
    ((50000000000.0, True), (15.3, False), (2025.0, False))
    """
    approx = False
    if any(c in _APPROX for c in run):
        approx = True
        # 二十几万 = 200000: 几 stands for an unknown digit, read as nothing.
        run = run.replace("几", "").replace("多", "").replace("余", "")
        run = run.replace("零万", "万").replace("零亿", "亿")
    if not run:
        return None
    if run == "半":
        return 0.5, approx
    if run.startswith("半") and run[1:] in ("百",):
        return 50.0, approx  # 半百
    if "半" in run:
        return None
    frac = 0.0
    if "点" in run:
        head, _, tail = run.partition("点")
        if not tail or any(c not in CN_DIGITS and not c.isdigit() for c in tail):
            # 两千万点五五四四 is fine; 四百亿点零五零 too; anything else is not a decimal.
            return None
        frac = float("0." + "".join(str(CN_DIGITS[c]) if c in CN_DIGITS else c for c in tail))
        run = head
        if not run:
            return None
    value = _integer(run)
    if value is None:
        return None
    # 1.1009 x 1e11 carries binary noise; 15 significant digits is exact for text.
    return float(f"{value + frac:.15g}"), approx
