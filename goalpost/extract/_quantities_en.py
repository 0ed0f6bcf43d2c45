"""English numbers and quantities: the lexical layer under item extraction.

:func:`scan_quantities` reads every number in a stretch of (normalized) text
with what is written around it: a scale word ("450 billion", "35 lakh",
"6,6 billion"), a unit (``%``, ``pp``, ISO currency, ``sq m``, ``MW`` ...), a
comparator ("over", "at least", "or more"), a range ("one to two", "1-2",
"between 5% and 8%") and a sign. It keeps years, dates and names: deciding
what is an *item* is the next layer's job (``_en.py``), so this layer can be
measured against the peer number suite on its own. Numerals live in
``_numerals_en``, units and currencies in ``_units_en``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goalpost.extract._numerals_en import (
    CORE,
    CORE_LOW,
    DIGIT_CORE,
    NUMBER_WORD_LOW,
    WORD_FIRSTS,
    WORD_START_LOW,
    has_number_word,
    read_core,
)
from goalpost.extract._text import CaseBlind, match_at_words, word_before
from goalpost.extract._types import Quantity
from goalpost.extract._units_en import (
    CUR_AFTER,
    CUR_BEFORE,
    CURRENCY_ONLY_SCALES,
    ISO_CODES,
    PERCENT_AFTER,
    SCALE_AFTER,
    SCALE_VALUE,
    currency_of,
    unit_after,
)

_CMP_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])(more\s+than|over|above|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|"
    r"in\s+excess\s+of|upwards\s+of|greater\s+than|higher\s+than|larger\s+than|beyond|topp(?:ed|ing)|"
    r"tops?|pass(?:e[sd]|ing)?|"
    r"at\s+least|no\s+less\s+than|not\s+less\s+than|no\s+fewer\s+than|not\s+fewer\s+than|"
    r"a\s+minimum\s+of|minimum\s+of|min\.|"
    r"about|around|approximately|approx\.|nearly|almost|some|roughly|close\s+to|circa|"
    r"an\s+estimated|estimated\s+at|an\s+average\s+of|on\s+average|"
    r"up\s+to|no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|maximum\s+of|max\.|"
    r"not\s+exceeding|not\s+to\s+exceed|no\s+higher\s+than|capped\s+at|within|"
    r"below|less\s+than|under|fewer\s+than|lower\s+than|smaller\s+than)"
    r"|(?<![<>=])(~|>\s*=|<\s*=|≥|≤|>|<)(?![<>]))\s*$",
    re.IGNORECASE,
)
_CMP_WORD = {
    # an estimate is the figure given, not "about" it ("GDP was estimated at GH¢ 251.4 billion")
    "estimated at": "=",
    "more than": ">",
    "over": ">",
    "above": ">",
    "in excess of": ">",
    "upwards of": ">",
    "greater than": ">",
    "higher than": ">",
    "larger than": ">",
    "beyond": ">",
    "at least": ">=",
    "no less than": ">=",
    "not less than": ">=",
    "no fewer than": ">=",
    "not fewer than": ">=",
    "a minimum of": ">=",
    "minimum of": ">=",
    "min.": ">=",
    "up to": "<=",
    "no more than": "<=",
    "not more than": "<=",
    "at most": "<=",
    "a maximum of": "<=",
    "maximum of": "<=",
    "max.": "<=",
    "not exceeding": "<=",
    "not to exceed": "<=",
    "no higher than": "<=",
    "capped at": "<=",
    "within": "<=",
    "below": "<",
    "less than": "<",
    "under": "<",
    "fewer than": "<",
    "lower than": "<",
    "smaller than": "<",
    "~": "~",
    ">=": ">=",
    "≥": ">=",
    "<=": "<=",
    "≤": "<=",
    ">": ">",
    "<": "<",
}
_CMP_AFTER = re.compile(
    r"\s*(?:((?:or|and)\s+(?:more|above|higher|over|greater)(?!\s+than\s*[\w$])|plus\b|\+(?![\d]))"
    r"|(or\s+(?:less|below|fewer|lower|under)|and\s+below))",
    re.IGNORECASE,
)
_RANGE_SEP = re.compile(r"\s*(?:-|~|to|through|and|or)\s*(?=[\d.$€£¥₹A-Za-z])", re.IGNORECASE)
_CORE_WORD = re.compile(
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\w+ty|\w+teen|hundred|thousand)", re.I
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", re.IGNORECASE)
_SIGN_WORD = re.compile(r"\b(?:minus|negative)\s+$", re.IGNORECASE)
_PRONOUN_ONE = re.compile(r"one\b", re.IGNORECASE)
_ONE_BEFORE = re.compile(r"\b(?:the|this|that|which|any|every|each|no|such)\s+$", re.IGNORECASE)
_ONE_AFTER = re.compile(r"\s+(?:of|another|by\s+one|you|do|is|was)\b", re.IGNORECASE)
_RANGE_LEAD = re.compile(
    r"(?:between|ranging\s+from|range\s+from|range\s+of|from"
    # "from the current 58 percent to 75 percent": a change from a baseline
    r"|from\s+(?:(?:the|its|their|a)\s+)?(?:current|present|existing|baseline(?:\s+of)?|today's))\s+$",
    re.I,
)
_RANGE_LEAD_LAST = frozenset(("between", "from", "of", "current", "present", "existing", "baseline",
                              "today's"))  # fmt: skip
_SPACES = re.compile(r"\s+")
_LOW_WORD = re.compile(r"[a-z]+")
_RANGE_CUR = re.compile(r"(US\$|S\$|HK\$|RMB\s?|\$|€|£|¥|₹|RM|R\$|Rs\.?\s?|Rp\s?|[A-Z]{3}\s)\s*")
_PHONE_TAIL = re.compile(r"[-/]\d")
_YEAR_PREP = re.compile(r"\b(?:in|by|since|during|until|till|of|end|year|FY)\s+$", re.I)
_CONV_OPEN = re.compile(
    r"\s*[(\[]\s*(?:about|approximately|around|approx\.|roughly|or|some|~|i\.e\.,?)?\s*"
)
_CONV_CLOSE = re.compile(r"\s*[)\]]")
_CONV_COMMA = re.compile(r"\s*,\s*(?:or|about|approximately|equivalent to|around)\s*")


@dataclass
class EnQuantity(Quantity):
    """A :class:`Quantity` with what the item layer needs to judge it.

    ``num_start``/``num_end`` cover the numeral itself; ``words`` is True for
    "twenty-two"; ``plain_int`` for a bare integer without separators (a
    year candidate); ``scaled`` when a scale word followed; ``currency``
    when the unit came from a currency sign or word; ``conversion`` for a
    bracketed conversion of the quantity before it ("(US$65 billion)").
    """

    num_start: int = 0
    num_end: int = 0
    words: bool = False
    plain_int: bool = False
    scaled: bool = False
    currency: bool = False
    conversion: bool = False
    range_lead: str = ""
    cmp_word: str = ""
    growth_noun: bool = False


_CMP_LAST_WORDS = (
    "than over above exceed exceeds exceeded exceeding surpass surpasses surpassed surpassing "
    "of least most about around approximately approx. nearly almost some roughly to circa "
    "estimated at average beyond topped topping within below under min. max. exceed top tops pass "
    "passes passed passing"
)
_CMP_LAST = frozenset(_CMP_LAST_WORDS.split())
_CUR_LAST_WORDS = (
    "us usd s sgd hk hkd a aud c cad nt twd nz nzd mxn mex rmb cny eur gbp rs rs. inr krw jpy "
    "chf musd meur mgbp maud mcad mcny msgd mhkd dollar dollars euro euros u.s. u.s rm myr "
    "r rp rp. ksh aed sar qar kwd bhd omr brl zar ngn kes ugx tzs rwf ghs etb egp idr thb vnd pkr "
    "lkr npr bdt pln sek nok dkk ils nis clp cop ars pen try rub kzt uah czk huf xof xaf mad mnt dh dh. "
    "dhs dhs. tk tk. ron tsh ush kr kr. zł"
)
_CUR_LAST = frozenset(_CUR_LAST_WORDS.split()) | frozenset(ISO_CODES.lower().split())
_CUR_LAST |= {"le", "j", "rd", "fj", "tt", "bz", "ec"}
_CUR_TAIL = frozenset("$€£¥₹₩.₦₱฿₫₪₺₽₴₸₵¢/")


_MODAL_WORDS = "will would to could should may might must shall can cannot did does do"
_MODALS = frozenset(_MODAL_WORDS.split())
_PASSED_ITEMS = re.compile(
    r"[\d.,]+\s+(?:[\w-]+\s+){0,2}?(?:laws?|bills?|acts?|resolutions?|regulations?|motions?|exams?|"
    r"examinations?|tests?|inspections?|reviews?|audits?|assessments?|evaluations?|certifications?|checks?|"
    r"measures|policies|amendments?|proposals?|rounds?|stages?|levels?|milestones?)\b",
    re.I,
)


# Case-blind patterns run on lower-cased ASCII text (see ``CaseBlind``): their
# groups are only lower-cased or tested, never reported.
_CMP_BEFORE_CB = CaseBlind(_CMP_BEFORE, starts="a-z~<>≥≤")
_CMP_AFTER_CB = CaseBlind(_CMP_AFTER)
_RANGE_SEP_CB = CaseBlind(_RANGE_SEP)
_SCALE_AFTER_CB = CaseBlind(SCALE_AFTER)
_CUR_AFTER_CB = CaseBlind(CUR_AFTER)
_PERCENT_AFTER_CB = CaseBlind(PERCENT_AFTER)


def _cmp_before(text: str, lo: int, pos: int, wb: str | None = None) -> tuple[str, int, str] | None:
    """The comparator ending at ``pos``; ``wb`` is ``word_before(text, pos, lo)`` when known."""
    w = word_before(text, pos, lo) if wb is None else wb
    if w not in _CMP_LAST and not (
        w == "" and text[max(lo, pos - 3) : pos].rstrip()[-1:] in ("~", ">", "<", "=", "≥", "≤")
    ):
        return None
    m = _CMP_BEFORE_CB.search(text, max(lo, pos - 40), pos)
    if not m:
        return None
    word = _SPACES.sub(" ", m.group(1).lower()) if m.group(1) else _SPACES.sub("", m.group(2))
    if word in ("top", "pass") and word_before(text, m.start(), lo) not in _MODALS:
        return None  # "the top 10", "a pass 3": only "will top 250 billion" compares
    if word == "up to" and _MOVED_UP.search(text, max(lo, m.start() - 20), m.start()):
        return None  # "edged up to 4.1 million", "climbed up to": a move up, no bound
    if word.startswith("pass") and _PASSED_ITEMS.match(text, pos):
        return None  # "passed 12 laws": things passed, not a level passed
    if word.startswith(("exceed", "surpass", "topp", "top", "pass")):
        op = ">"
    elif word in _CMP_WORD:
        op = _CMP_WORD[word]
    else:
        op = "~"
    return op, m.start(), word


_MOVED_UP = re.compile(
    r"\b(?:edged|edges|edging|inched|inches|crept|creeps|ticked|ticks|moved|moves|climbed|climbs|"
    r"went|goes|shot|jumped|rose|rising|revised|scaled|stepped|ramped|pushed|driven|picked)\s+$",
    re.I,
)
_CENTS_CURRENCIES = frozenset(
    {"USD", "SGD", "HKD", "AUD", "CAD", "NZD", "TWD", "EUR", "GBP", "CNY"}
)
_CENTS_AFTER = re.compile(r"\s*(?:and\s+)?(?=\w)")
_CENTS_END = re.compile(r"\s*(?:cents?|pence|p\b)|\s*(?=[.,;!?]|$)", re.IGNORECASE)
_PCT_OF = re.compile(r"(\S+)?\s*\b(?:percents?|per\s*cent)\s+of\s+$", re.IGNORECASE)


def _cents(text: str, q: EnQuantity, pos: int, end: int) -> int:
    """ "15 dollars 50", "thirteen dollars and forty-five cents": the cents join the amount."""
    m = _CENTS_AFTER.match(text, pos, end)
    if not m:
        return pos
    c = CORE.match(text, m.end(), end)
    read = read_core(c) if c else None
    if read is None or not (0 < read[0] < 100) or read[0] != int(read[0]):
        return pos
    tail = _CENTS_END.match(text, read[2], end)
    if not tail:
        return pos
    q.value += read[0] / 100
    return tail.end() if tail.group().strip() else read[2]


def _read_number(text: str, pos: int, end: int) -> tuple[float, int, int, bool, bool] | None:
    """The numeral starting exactly at ``pos``: (value, start, end, words, plain_int)."""
    m = CORE.match(text, pos, end)
    return read_core(m) if m else None


_AFTER_SIGNS = frozenset("%$€£¥₹₩+²₦₱฿₫₪₺₽₴₸₵")


def _extend(text: str, q: EnQuantity, end: int, region: str | None, cur_before: str | None) -> None:
    """Read scale, unit and trailing comparator after the numeral of ``q``."""
    pos = q.num_end
    if cur_before is None:
        # Scale words, units, currencies and "or more" start with a letter or
        # a sign: after "2017," or "3.1." there is nothing to read.
        i = pos
        while i < end and (text[i].isspace() or text[i] == "-"):
            i += 1
        if i >= end or not (text[i].isalpha() or text[i] in _AFTER_SIGNS):
            q.end = pos
            return
    m = _SCALE_AFTER_CB.match(text, pos, end)
    if m:
        word = _SPACES.sub(" ", m.group(2).lower())
        glued = not m.group(1)
        # Words already hold their scale ("two million"); "one and a half million" does not.
        last_word = text[q.num_start : q.num_end].rsplit(None, 1)[-1].lower() if q.words else ""
        ok = not (
            q.words and (last_word in SCALE_VALUE or word in CURRENCY_ONLY_SCALES or word == "k")
        )
        if word in CURRENCY_ONLY_SCALES:
            after_cur = _CUR_AFTER_CB.match(text, m.end(), end)
            ok = ok and glued and (cur_before is not None or after_cur is not None)
        elif word == "k":
            ok = ok and (glued or not text[m.end() : m.end() + 1].isalnum())
        if ok:
            # "lakh crore" is 1e5 * 1e7 (Indian budgets: "Rs 1.5 lakh crore").
            q.value *= 1e12 if word.startswith("lakh ") else SCALE_VALUE[word]
            q.scaled = True
            pos = m.end()
    if cur_before is not None:
        q.unit, factor = currency_of(cur_before, region)
        q.value *= factor
        q.currency = True
        m = _CUR_AFTER_CB.match(text, pos, end)  # "US$ 10 dollars": swallow the repeated word
        if m and m.group("name")[0].isalpha() and currency_of(m.group("name"), region)[0] == q.unit:
            pos = m.end()
    else:
        m = _PERCENT_AFTER_CB.match(text, pos, end)
        if m:
            if m.group(4):
                q.unit, q.value = "pp", q.value / 100
            elif m.group(3) or m.group(2):
                q.unit = "pp"
            else:
                q.unit = "%"
            pos = m.end()
        else:
            m = _CUR_AFTER_CB.match(text, pos, end)
            if m:
                q.unit, factor = currency_of(m.group("name"), region)
                q.value *= factor
                q.currency = True
                pos = m.end()
                # "75 USD million"
                s2 = _SCALE_AFTER_CB.match(text, pos, end)
                if (
                    s2
                    and not q.scaled
                    and s2.group(2).lower() in ("million", "billion", "thousand", "trillion")
                ):
                    q.value *= SCALE_VALUE[s2.group(2).lower()]
                    q.scaled = True
                    pos = s2.end()
            else:
                u = unit_after(text, pos, end)
                if u:
                    q.unit, factor, pos = u
                    q.value *= factor
    if q.currency and not q.scaled and q.unit in _CENTS_CURRENCIES:
        pos = _cents(text, q, pos, end)
    m = _CMP_AFTER_CB.match(text, pos, end)
    if m and q.comparator in ("=", "~"):
        q.comparator = ">=" if m.group(1) else "<="
        pos = m.end()
    q.end = pos


def _candidates(text: str, start: int, end: int) -> list[re.Match[str]]:
    """Numeral matches in order: digits everywhere, number words only where a word can start one."""
    found = list(DIGIT_CORE.finditer(text, start, end))
    low = text.lower()
    if len(low) != len(text):  # a rare letter whose lower case is longer: the slow, exact way
        words = set(_LOW_WORD.findall(low, start, end))
        if has_number_word(words - {"a", "an"}):
            found += [
                m
                for m in match_at_words(CORE, text, WORD_FIRSTS, start, end, overlapping=True)
                if m.group("w")
            ]
            found.sort(key=lambda m: m.start())
        return found
    # Lower-case text and pattern: ``re`` is much slower case-blind.
    if NUMBER_WORD_LOW.search(low, start, end):
        for w in WORD_START_LOW.finditer(low, start, end):
            m = CORE_LOW.match(low, w.start(), end)
            if m and m.group("w"):
                found.append(m)
        found.sort(key=lambda m: m.start())
    return found


_SCALE_WORDS = frozenset(
    {"hundred", "thousand", "million", "billion", "trillion", "lakh", "crore", "dozen", "dozens"}
)


def scan_quantities(
    text: str, start: int = 0, end: int | None = None, region: str | None = None
) -> list[EnQuantity]:
    """Every English quantity in ``text[start:end]`` (offsets into ``text``).

    >>> [(q.value, q.unit, q.comparator) for q in scan_quantities("over 12,000 firms and 3.1%")]
    [(12000.0, 'count', '>'), (3.1, '%', '=')]
    >>> q = scan_quantities("450 billion yuan (US$65 billion)")
    >>> [(x.value, x.unit, x.conversion) for x in q]
    [(450000000000.0, 'CNY', False), (65000000000.0, 'USD', True)]
    >>> [(x.value, x.value_max, x.comparator) for x in scan_quantities("one to two centres")]
    [(1.0, 2.0, 'range')]
    """
    if end is None:
        end = len(text)
    out: list[EnQuantity] = []
    pos = start
    prev_end = start
    urls: list[tuple[int, int]] | None = None
    for m in _candidates(text, start, end):
        if m.start() < pos:
            continue
        read = read_core(m)
        if read is None or read[2] <= read[1]:
            pos = m.end()
            continue
        value, ns, ne, words, plain = read
        ordinal = text[ne : ne + 2].lower() in ("st", "nd", "rd", "th")
        if not words and ordinal and not text[ne + 2 : ne + 3].isalpha():
            pos = ne + 2  # "1st", "13th": ordinals are not numbers here
            continue
        if urls is None:
            # Scanning for addresses is slow; most sentences have none of their marks.
            span = text[start:end]
            urls = (
                [(u.start(), u.end()) for u in _URL.finditer(text, start, end)]
                if "@" in span or "://" in span or "www." in span.lower()
                else []
            )
        if urls and any(a <= ns < b for a, b in urls):
            pos = ne
            continue
        if (
            words
            and _PRONOUN_ONE.match(text, ns, ne)
            and (_ONE_BEFORE.search(text, max(start, ns - 8), ns) or _ONE_AFTER.match(text, ne))
        ):
            pos = ne  # "this one", "which one", "one of them": not a number
            continue
        q = EnQuantity(
            start=ns, end=ne, value=value, unit="count", num_start=ns, num_end=ne, words=words
        )
        q.plain_int = plain
        # A sign: "-1.2%" (but not the hyphen of "2019-2021" or "COVID-19").
        signed = not words and ns > start and text[ns - 1] == "-"
        if signed and (ns - 1 == start or text[ns - 2] in " (\t:=,<>≤≥~"):
            q.value = -q.value
            q.start = ns - 1
        # The word before the quantity's start, kept while ``q.start`` stays put.
        wb_at = q.start
        w_before = wb = word_before(text, q.start, start)
        sign = (
            _SIGN_WORD.search(text, max(start, q.start - 10), q.start)
            if w_before in ("minus", "negative")
            else None
        )
        if sign:
            q.value, q.start = -q.value, sign.start()
            wb_at, wb = q.start, word_before(text, q.start, start)
        pct_of = (
            _PCT_OF.search(text, max(start, prev_end, ns - 24), ns) if w_before == "of" else None
        )
        if (
            pct_of
            and not (
                pct_of.group(1)
                and (pct_of.group(1)[-1].isdigit() or _CORE_WORD.fullmatch(pct_of.group(1)))
            )
            and not (plain and 1900 <= value <= 2100)
        ):
            q.unit, q.start = (
                "%",
                pct_of.start() if not pct_of.group(1) else pct_of.start() + len(pct_of.group(1)),
            )
            q.end = ne
            while q.start < ns and text[q.start].isspace():
                q.start += 1
            q.surface = text[q.start : q.end]
            out.append(q)
            pos = prev_end = ne
            continue
        tail = text[max(start, prev_end, q.start - 3) : q.start].rstrip()[-1:]
        cur = (
            CUR_BEFORE.search(text, max(start, prev_end, q.start - 12), q.start)
            if tail in _CUR_TAIL or (tail.isalpha() and wb in _CUR_LAST)
            else None
        )
        cur_tok = None
        if cur and not (words and cur.group(1)[0].isalpha() and cur.group(1).lower()[0] in "de"):
            cur_tok = cur.group(1)  # ("dollars thousand of times" is no amount)
            q.start = cur.start(1)
            wb_at, wb = q.start, word_before(text, q.start, start)
        cmp = _cmp_before(text, start, q.start, wb)
        if cmp:
            q.comparator, q.start, q.cmp_word = cmp[0], cmp[1], cmp[2]
            if q.start != wb_at:
                wb_at, wb = q.start, word_before(text, q.start, start)
        _extend(text, q, end, region, cur_tok)
        if (
            q.end == q.num_end
            and not words
            and (
                text[ne : ne + 1].isalpha()
                or (ns > start and text[ns - 1].isalpha() and cur_tok is None)
            )
        ):
            pos = ne  # "5G", "RIE2025", "1m": a name or an unknown unit, not a number
            continue
        lead = (
            _RANGE_LEAD.search(text, max(start, q.start - 20), q.start)
            if wb in _RANGE_LEAD_LAST or cur_tok is not None
            else None
        )
        q.range_lead = lead.group(0).split()[0].lower() if lead else ""
        _maybe_range(text, q, end, region, cur_tok)
        q.surface = text[q.start : q.end]
        out.append(q)
        pos = max(q.end, ne)
        prev_end = q.end
    _mark_conversions(text, out)
    return out


def _maybe_range(text: str, q: EnQuantity, end: int, region: str | None, cur: str | None) -> None:
    """Join "1-2", "one to two", "between 5% and 8%", "RMB 1-2 billion" into one range."""
    i = q.end
    while i < end and text[i].isspace():
        i += 1
    if i >= end or text[i] not in "-~tTaAoO":
        return  # no separator ("-", "~", "to", "through", "and", "or") follows
    m = _RANGE_SEP_CB.match(text, q.end, end)
    if not m:
        return
    sep = m.group(0).strip().lower()
    if sep == "and" and q.range_lead not in ("between",):
        return
    if sep == "or" and not q.words:
        return
    if sep == "to" and q.range_lead == "from":
        return  # "from 155 to 96" is a change, not a range
    p = m.end()
    cur2 = _RANGE_CUR.match(text, p, end)
    if cur2:
        p = cur2.end()
    m2 = CORE.match(text, p, end)
    if not m2:
        return
    read = read_core(m2)
    if read is None:
        return
    v2, ns2, ne2, words2, plain2 = read
    if words2 != q.words and sep != "-":
        return
    q2 = EnQuantity(start=ns2, end=ne2, value=v2, unit="count", num_start=ns2, num_end=ne2)
    _extend(text, q2, end, region, cur or (cur2.group(1) if cur2 else None))
    # Units: "10-15%" and "RMB 1-2 billion" share what follows the second number.
    lo = q.value
    unit, currency = q.unit, q.currency
    if q.unit == "count" and q2.unit != "count" and (not q.scaled or q2.scaled):
        # "between 1.2 trillion and 1.5 trillion yuan": the unit after the second is both's
        if q2.scaled and not q.scaled:
            scale = q2.value / v2 if v2 else 1.0
            lo = q.value * scale
        unit, currency = q2.unit, q2.currency
    elif q2.unit == "count" and q.unit != "count":
        if q.unit in ("%", "pp") or q2.words != q.words:
            return  # "rose 5.0% to 470,000": a change and a level, not a range
        if plain2 and not q2.scaled and 1900 <= v2 <= 2100:
            return  # "300 million euros through 2027": a deadline, not a range's end
        if not q2.scaled and q.scaled and q.value:
            q2.value = v2 * (q.value / _raw_numeral(text, q))
        q2.unit = q.unit
    elif q.unit != q2.unit:
        return
    elif q2.scaled and not q.scaled:
        lo = q.value * (q2.value / v2 if v2 else 1.0)
    if q2.value <= lo:
        return  # "2024-25" (a fiscal year), "10-3": not ranges
    if sep == "-" and (
        _PHONE_TAIL.match(text, q2.end, q2.end + 2) or (q.start > 0 and text[q.start - 1] in "+-/")
    ):
        return  # "+1-222-2222": a phone number
    if (
        q.plain_int
        and 1900 <= q.value <= 2100
        and (plain2 and 1900 <= v2 <= 2100 or unit != q.unit)
    ):
        return  # "2019-2021": a period; "in 2020 to 2.5%": a year, then a value
    if (
        q.plain_int
        and 1900 <= q.value <= 2100
        and _YEAR_PREP.search(text[max(0, q.start - 8) : q.start])
    ):
        return  # "from 11,000 in 2020 to 20,000 in 2025": a year, then a value
    q.unit, q.currency = unit, currency
    q.value, q.value_max = lo, q2.value
    q.comparator = "range"
    q.end = q2.end


def _raw_numeral(text: str, q: EnQuantity) -> float:
    read = _read_number(text, q.num_start, q.num_end)
    return read[0] if read and read[0] else 1.0


def _mark_conversions(text: str, qs: list[EnQuantity]) -> None:
    """Flag "(US$65 billion)" after a currency amount as a conversion of it."""
    for a, b in zip(qs, qs[1:], strict=False):
        if not (a.currency and b.currency):
            continue
        gap = text[a.end : b.start]
        if _CONV_OPEN.fullmatch(gap):
            if _CONV_CLOSE.match(text, b.end, b.end + 3):
                b.conversion = True
        elif _CONV_COMMA.fullmatch(gap):
            b.conversion = True
