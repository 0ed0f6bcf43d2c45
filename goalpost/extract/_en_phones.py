"""Phone, fax and hotline numbers in English text: digit runs that are no figures.

Every form here was met in real releases: "Tel: +86 20 8330 1234", "Call 6123 4567", "(+84) 24
3943 9393", "call the ICT Division hotline at 333", "Media contact: (303) 892-3840", "the 12345
government hotline", "the RDB toll-free line 6060".

>>> from goalpost.extract._quantities_en import scan_quantities
>>> s = "For details call (303) 892-3840 or the 12345 hotline; sales rose 5%."
>>> [q.value for q in scan_quantities(s) if not phone_number(s, q)]
[5.0]
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from goalpost.extract._text import word_before

if TYPE_CHECKING:
    from goalpost.extract._quantities_en import EnQuantity

__all__ = ["phone_number"]

# A phone or fax number: digit groups after "Tel"/"Call" or an international "+86".
_PHONE = re.compile(
    r"(?:\b(?:tel|telephone|phone|fax|call|calling|hotline|mobile|dial|contact(?:\s+us)?|whatsapp|toll-?free|"
    r"enquiries|inquiries)\b\.?\s*"
    # "Call RVO on 088 042 42 42": a name may stand between the verb and "on"
    r"(?:(?:(?-i:[A-Z][\w&.-]*)\s+){1,3}(?:at|on)\s+|at\s+|on\s+)?(?:no\.?\s*|number\s*)?[:：,]?\s*\+?|\+)"
    r"\s*(?:\(\d{1,4}\)\s*)?\d{1,4}\)?(?:[\s.-]\(?\d{1,8}\)?){1,5}",  # "(+84) 24 3943 9393"
    re.I,
)
# "call the ICT Division hotline at 333"
_PHONE_AT = re.compile(
    r"\b(?:hotline|helpline|tel|telephone|phone|fax|call|dial|whatsapp)s?\s+(?:at|on)\s+$", re.I
)
# "(303) 892-3840", "303-892-3840", and other area codes in brackets: "(61) 2033-7500"
_AREA_CODE_PHONE = re.compile(r"\(\d{2,4}\)\s?\d{3,5}[-.\s]\d{4}\b|(?<![\d-])\d{3}-\d{3}-\d{4}\b")
_HOTLINE_AFTER = re.compile(
    r"\s+(?:[A-Za-z-]+\s+){0,2}?(?:hotline|helpline|service\s+line|call\s+cent(?:er|re))\b", re.I
)
_LINE_BEFORE = re.compile(
    r"\b(?:toll-?free|free|service|help|contact|information|enquiry|inquiry|customer)\s+"
    r"(?:line|number|hotline)\s*(?:at\s+|on\s+)?[:：]?\s*$",
    re.I,
)
_PHONE_WORD = re.compile(
    r"(?i)\b(?:tel|telephone|phone|fax|call|hotline|mobile|dial|contact|whatsapp|toll-?free)\b"
)
# The word right before a number that makes it a phone number. Narrower than _PHONE_WORD,
# whose "call", "contact" and "mobile" also precede real figures ("mobile 5G users").
_PHONE_LAST = frozenset(
    ["hotline", "hotlines", "tel", "tel.", "telephone", "phone", "fax", "dial", "whatsapp",
     "helpline", "sms", "calling", "call"]
)  # fmt: skip
# Substrings every match of ``_PHONE_WORD`` holds (lower-cased): a cheap test that rules most
# text out.
_PHONE_KEYS = re.compile("tel|phone|fax|call|hotline|mobile|dial|contact|whatsapp|quiries|toll")
_DEC_DIGIT = re.compile(r"\d")


def phone_number(s: str, q: EnQuantity) -> bool:
    """Whether ``q`` (in normalized sentence ``s``) is part of a phone, fax or hotline number."""
    ns, ne = q.num_start, q.num_end
    bare_count = q.unit == "count" and not q.scaled
    if bare_count and word_before(s, ns) in _PHONE_LAST:
        return True  # "call the service hotline 12345", "Tel 96110"
    if (
        bare_count
        and word_before(s, ns) in ("at", "on")
        and _PHONE_AT.search(s, max(0, ns - 20), ns)
    ):
        return True
    if (
        not q.scaled
        and not q.currency
        and _AREA_CODE_PHONE.search(s, max(0, ns - 6), min(len(s), ne + 10))
        and any(a <= ns and ne <= b for a, b in (m.span() for m in _AREA_CODE_PHONE.finditer(s)))
    ):
        return True  # "Media contact: (303) 892-3840"
    if bare_count and (
        _HOTLINE_AFTER.match(s, q.end) or _LINE_BEFORE.search(s, max(0, ns - 30), ns)
    ):
        return True  # "call the 12345 government hotline", "toll-free line 6060"
    # not only plain integers: "+353 1 234 5678" reads "1 234" as one grouped number
    return not q.words and not q.scaled and not q.currency and _in_phone_number(s, ns, ne)


def _phone_word(text: str) -> bool:
    """``_PHONE_WORD.search(text)``, skipped for ASCII text without any of its words."""
    if text.isascii() and not _PHONE_KEYS.search(text.lower()):
        return False
    return _PHONE_WORD.search(text) is not None


@lru_cache(maxsize=64)
def _may_hold_phone(s: str) -> bool:
    """Whether ``_PHONE`` can match anywhere in ``s``: every match starts at "+" or a phone word."""
    return "+" in s or not s.isascii() or _PHONE_KEYS.search(s.lower()) is not None


def _has_digit(s: str, lo: int, hi: int) -> bool:
    """Whether ``s[lo:hi]`` holds a character for which ``str.isdigit`` holds."""
    if _DEC_DIGIT.search(s, lo, hi):
        return True
    # ``\d`` misses the few non-decimal digits ("²"): only non-ASCII text can hold them.
    window = s[lo:hi]
    return not window.isascii() and any(c.isdigit() for c in window)


def _in_phone_number(s: str, ns: int, ne: int) -> bool:
    """Whether s[ns:ne] lies in a run of digit groups that reads as a phone number."""
    if not _may_hold_phone(s):
        return False  # the answer below is only ever yes after a ``_PHONE`` match
    lo = max(0, ns - 40)
    if (
        not _has_digit(s, lo, ns)
        and not _phone_word(s[lo:ns])
        and s[max(0, ns - 2) : ns].strip() != "+"
    ):
        return False
    lo, hi = max(0, ns - 60), min(len(s), ne + 40)
    window = s[lo:hi]
    if "+" not in window and window.isascii() and not _PHONE_KEYS.search(window.lower()):
        return False  # every phone number starts at "+" or a phone word
    for m in _PHONE.finditer(s, lo, hi):
        digits = sum(c.isdigit() for c in m.group())
        if m.start() <= ns and ne <= m.end() and digits >= 7:
            return True
    return False
