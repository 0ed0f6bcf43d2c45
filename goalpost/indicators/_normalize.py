"""Phrase normalisation and unit families for indicator linking.

Both the catalog's names and the phrases to link go through the same
:func:`normalize`, so a rule only has to make two spellings meet; it never has
to produce a "correct" form.

English: NFKC, lowercase; region names ("Guangzhou's") and determiners,
"total", "number of", "the city's" dropped; fixed equivalences (hi-tech =
high-tech = high and new technology; companies = firms = enterprises;
research and development = R&D; science and technology = sci-tech = S&T;
labs = laboratories; centre = center; 10,000 = ten thousand = 10k;
percentage/proportion = share; state-level = national); naive singulars.

Chinese: NFKC, traditional to simplified, region names and generic prefixes
(全市, 全省, 本市, 全社会) and 的 dropped, trailing counters (数, 数量) dropped.
全社会 goes from both sides alike, so "全社会研发经费支出" still meets the
catalog's "研发经费支出".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from goalpost.regions import region_mentions

__all__ = ["detect_lang", "normalize", "slugify", "unit_family", "units_compatible"]

_CJK = re.compile(r"[\u3400-\u9fff]")


def detect_lang(text: str) -> str:
    """``"zh"`` when the text has any CJK character, else ``"en"``.

    >>> detect_lang("R&D经费"), detect_lang("R&D fund")
    ('zh', 'en')
    """
    return "zh" if _CJK.search(text) else "en"


@lru_cache(maxsize=1)
def _t2s():  # opencc is slow to load; only Chinese phrases need it
    import opencc

    return opencc.OpenCC("t2s")


def _strip_regions(text: str) -> str:
    """Drop region names (and a following possessive) from the text."""
    out, last = [], 0
    for start, end, _ in region_mentions(text):
        out.append(text[last:start])
        last = end
        if text.startswith(("'s", "\u2019s"), end):
            last = end + 2
        # "广东省实验室" is a provincial laboratory: keep the 省 that belongs to it.
        if text[end - 1 : end] in "省市" and text.startswith(("实验室", "重点实验室"), end):
            out.append(text[end - 1])
    out.append(text[last:])
    return "".join(out)


# ------------------------------------------------------------------ English
_EN_PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), r)
    for p, r in [
        (r"\bresearch and (experimental )?development\b|\br ?and ?d\b|\br ?& ?d\b", " r&d "),
        (r"\bscience and technology\b|\bscientific and technological\b", " s&t "),
        (r"\bsci[- ]?tech\b|\bs ?& ?t\b|\bs and t\b", " s&t "),
        (r"\bhigh[- ]and[- ]new[- ]tech(nology|nological|nologies)?\b", " hightech "),
        (r"\bhi[- ]?tech\b|\bhigh[- ]?tech(nology|nological)?\b", " hightech "),
        (r"\bgross (domestic|regional) product\b", " gdp "),
        (r"\b(ten thousand|10,000|10 000|10000|10k)\b", " 10k "),
        (r"\bvalue[- ]added\b|\badded[- ]value\b", " valueadded "),
        (r"\bper ?cent(age)?\b|\bproportion\b", " share "),
        (r"\b(state|national)[- ]level\b|\bstate\b", " national "),
        (r"\b(province|provincial)[- ]level\b|\bprovince-", " provincial "),
        (r"\bsmall and medium[- ]sized enterprises\b|\bsmall and medium enterprises\b", " sme "),
        (r"\bmaker ?spaces?\b", " makerspace "),
        (r"\bstart[- ]?ups?\b", " startup "),
        (r"\b(the )?(city|province|country|nation|municipality|district)'s\b", " "),
        (r"\bnumber of\b|\bamount of\b", " "),
    ]
]
_EN_WORDS = {
    "companies": "enterprise",
    "company": "enterprise",
    "firms": "enterprise",
    "firm": "enterprise",
    "businesses": "enterprise",
    "business": "enterprise",
    "enterprises": "enterprise",
    "expenditures": "expenditure",
    "expense": "expenditure",
    "expenses": "expenditure",
    "spending": "expenditure",
    "outlays": "expenditure",
    "labs": "laboratory",
    "lab": "laboratory",
    "centres": "center",
    "centre": "center",
    "centers": "center",
    "authorised": "authorized",
    "labour": "labor",
    "population": "people",
    "residents": "people",
    "persons": "people",
    "inhabitants": "people",
    "tech": "technology",
    "technological": "technology",
}
# Words that carry no meaning for matching; removed from both sides alike.
_EN_STOP_WORDS = (
    "the a an of in to for as its their our this that these those total overall whole all "
    "aggregate and or by on at from will be is are which with reach city province "
    "municipal citywide nationwide"
)
_EN_STOP = frozenset(_EN_STOP_WORDS.split())
_KEEP_S = ("ss", "us", "is", "ics")


def _singular(tok: str) -> str:
    if len(tok) <= 3 or not tok.endswith("s") or tok.endswith(_KEEP_S):
        return tok
    if tok.endswith("ies") and len(tok) > 4:
        return tok[:-3] + "y"
    return tok[:-1]


def _normalize_en(text: str) -> str:
    text = text.lower().replace("\u2019", "'")
    for pat, rep in _EN_PHRASES:
        text = pat.sub(rep, text)
    text = re.sub(r"[^\w&%]+", " ", text)
    toks = [_EN_WORDS.get(t, t) for t in text.split()]
    toks = [_singular(t) for t in toks if t not in _EN_STOP]
    return " ".join(_EN_WORDS.get(t, t) for t in toks)


# ------------------------------------------------------------------ Chinese
_ZH_PREFIX = re.compile(
    r"^(全社会|全市|全省|全区|全国|本市|本省|本区|我市|我省|我区|市(?!级|重点|实验室)|区(?!级))+"
)
_ZH_SUFFIX = re.compile(r"(总数|数量|个数|家数|数)$")
_ZH_PUNCT = re.compile(r"[\s、，,。．.：:；;“”\"'‘’《》〈〉()（）\[\]【】\-—_/]+")


def _normalize_zh(text: str) -> str:
    text = _t2s().convert(text)
    text = text.replace("全社会", "").replace("的", "")
    text = _ZH_PUNCT.sub("", text).lower()
    text = _ZH_PREFIX.sub("", text)
    return _ZH_SUFFIX.sub("", text) or text


def normalize(phrase: str, lang: str | None = None) -> str:
    """The phrase in the form the catalog matches on.

    >>> normalize("the city's total Hi-tech companies")
    'hightech enterprise'
    >>> normalize("Guangzhou's high and new technology enterprises")
    'hightech enterprise'
    >>> normalize("廣州市高新技術企業數")
    '高新技术企业'
    """
    text = unicodedata.normalize("NFKC", phrase).strip()
    text = _strip_regions(text)
    lang = lang if lang in ("en", "zh") else detect_lang(text)
    if lang == "zh" and not _CJK.search(text):
        lang = "en"  # a Chinese document may still write an English name
    return _normalize_zh(text) if lang == "zh" else _normalize_en(text)


def slugify(text: str, max_len: int = 60) -> str:
    """A lowercase id: words joined by hyphens (CJK characters kept).

    >>> slugify("Outputs of Hi-tech products")
    'outputs-of-hi-tech-products'
    """
    text = unicodedata.normalize("NFKC", text).lower().replace("&", " and ")
    slug = re.sub(r"[^\w\u3400-\u9fff]+", "-", text).strip("-_")
    return slug[:max_len].rstrip("-") or "indicator"


# ------------------------------------------------------------------ units
_SHARE = {"%", "pp", "percent", "percentage", "percentage point", "percentage points", "share"}
_SHARE |= {"‰", "百分点", "个百分点"}
_COUNT = {"count", "number", "people", "persons", "person", "items", "units", "enterprises"}
_COUNT |= {"个", "家", "项", "人", "名", "座", "所", "件"}
_CURRENCY_WORDS = {"yuan", "rmb", "元", "万元", "亿元", "dollars", "usd"}


def unit_family(unit: str | None) -> str | None:
    """The family a unit belongs to: ``count``, ``share``, ``currency``, ``ratio`` or itself.

    ``ratio`` is any per-something unit ("per 10k people", "CNY per person",
    "件/万人"). None for no unit.

    >>> unit_family("%"), unit_family("CNY"), unit_family("USD"), unit_family("per 10k people")
    ('share', 'currency', 'currency', 'ratio')
    """
    if not unit or not unit.strip():
        return None
    u = unit.strip()
    low = u.lower()
    if low in _SHARE:
        return "share"
    if " per " in f" {low} " or "/" in low or "每" in low:
        return "ratio"
    if low in _COUNT:
        return "count"
    if re.fullmatch(r"[A-Z]{3}", u) or low in _CURRENCY_WORDS:
        return "currency"
    return low


def units_compatible(a: str | None, b: str | None) -> bool:
    """False only when both units are known and of different families.

    >>> units_compatible("%", "count"), units_compatible("CNY", "USD"), units_compatible(None, "%")
    (False, True, True)
    """
    fa, fb = unit_family(a), unit_family(b)
    return fa is None or fb is None or fa == fb
