"""Growth in English sentences: whether a value is a change, and which way it goes.

"rose 11.6 percent", "an increase of 35 percent", "added 21,400 jobs", "fell 3.9%" (-3.9), "down
from 5.7 percent" after a growth rate, the second of two changes ("11 percent in number and 22
percent in value"). :func:`read_growth` sets ``growth``, ``growth_noun`` and the sign of one value.
"""

from __future__ import annotations

import re

from goalpost.extract._quantities_en import EnQuantity
from goalpost.extract._text import CaseBlind, word_before

__all__ = ["COMPARED_BASE_CB", "RESPECTIVELY", "read_growth"]


_MORE_AFTER = re.compile(r"\s+(?:more|additional|extra)\s+(?!than)")


# "a further 200 firms", "an additional 5,000 places", "another 30 labs": an increment
_FURTHER_BEFORE = re.compile(r"\b(?:a\s+further|an\s+additional|an\s+extra|another)\s+$", re.I)


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s*and|,?\s*or)\s*")


RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


_COMPARED_BASE = re.compile(
    r"(?:,\s*|\b(?:up|down|rising|falling|increasing|decreasing|higher|lower)\s+)"
    r"(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:about\s+|around\s+|only\s+|just\s+)?$",
    re.I,
)


_GROWTH_BEFORE = re.compile(
    r"\b(?:increase[sd]?|increasing|grow(?:s|n|ing)?|grew|rise[sn]?|rising|rose|"
    r"(?<!set\s)(?<!sets\s)(?<!setting\s)(?<!built\s)(?<!made\s)(?<!opened\s)(?<!picked\s)(?<!speed\s)"
    r"(?<!take\s)(?<!took\s)(?<!open\s)(?<!make\s)(?<!build\s)up|down|decrease[sd]?|"
    r"decreasing|decline[sd]?|declining|drop(?:s|ped|ping)?|fall(?:s|en|ing)?|fell|jump(?:s|ed)?|"
    r"climb(?:s|ed)?|cut(?:s|ting)?|reduc(?:e|es|ed|ing)|expand(?:s|ed|ing)?|boost(?:s|ed)?|"
    r"rais(?:e|es|ed|ing)|lift(?:s|ed)?|growth(?:\s+(?:rate|target|goal|objective|forecast))?|increase|"
    r"gains?|gained|surge[sd]?|"
    r"soar(?:s|ed)?|higher|lower|shr[aiu]nk|shrinks|contract(?:s|ed)|slipp?(?:s|ed)|dipp?(?:s|ed)|"
    r"slump(?:s|ed)|plunge[sd]|tumble[sd]|advanced|accelerated|slowed)\s+"
    r"(?:(?:by|of|at|rate\s+of|to\s+the\s+tune\s+of)\s+)?(?:an?\s+)?"
    r"(?:(?:average|annual|yearly|annual\s+average|average\s+annual|year-on-year|y-o-y)\s+)?"
    r"(?:(?:rate|growth)\s+of\s+)?(?:between\s+)?$",
    re.I,
)


_CHANGE_VERB = re.compile(
    r"\b(?:increase|grow|rise|cut|reduce|lower|raise|lift|boost|expand|decrease|shrink|drop|"
    r"improve|shorten|double|slash|extend|lengthen|widen)\w*\b",
    re.I,
)


_GROWTH_AFTER = re.compile(
    r"\s*(?:growth|increase|rise|decline|decrease|drop|higher|lower|more|less|fewer|"
    r"year[\s-]on[\s-]year|y-o-y|yoy|annually|a\s+year|per\s+year|per\s+annum|each\s+year|every\s+year|"
    r"(?:on|over|from)\s+(?:the\s+)?(?:same\s+period|previous\s+year|last\s+year|a\s+year)|"
    # "7.7 percent below the October 2023 rate", "3% above last year's level"
    r"(?:below|above)\s+(?:(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:rate|level|figure|reading|estimate)\b|"
    r"last|a\s+year|year-earlier|(?:19|20)\d\d)|"
    r"compared\s+(?:with|to))\b",
    re.I,
)


_GROWTH_NOUN = re.compile(
    r"\b(?:increase|growth|rise|decline|decrease|drop|jump|gain|up|down)\s+(?:of\s+|by\s+)?(?:an?\s+)?"
    r"(?:(?:average|annual|yearly)\s+)?(?:(?:rate|growth)\s+of\s+)?$",
    re.I,
)


_GROWTH_NOUN_CB = CaseBlind(_GROWTH_NOUN, word_start=True)


COMPARED_BASE_CB = CaseBlind(_COMPARED_BASE)


_GROWTH_LAST_WORDS = (
    "a an annual at average boost boosted boosts by climb climbed climbs cut cuts cutting decline "
    "declined declines declining decrease decreased decreases decreasing down drop dropped "
    "dropping drops expand expanded expanding expands fall fallen falling falls fell gain gained "
    "gains grew grow growing grown grows growth higher increase increased increases increasing "
    "jump jumped jumps lift lifted lifts lower of raise raised raises raising rate reduce reduced "
    "reduces reducing rise risen rises rising rose soar soared soars surge surged surges tune up "
    "y-o-y year-on-year yearly shrank shrunk shrinks contracted contracts slipped slips dipped "
    "dips slumped slumps plunged plunges tumbled tumbles advanced accelerated slowed between "
)


_GROWTH_LAST = frozenset(_GROWTH_LAST_WORDS.split())


_ADD_BEFORE = re.compile(
    r"\b(?:add|adds|added|adding|newly\s+added)\s+(?:a\s+(?:further|total\s+of)\s+|another\s+|"
    r"an?\s+(?:additional|extra)\s+)?$",
    re.I,
)


_FUNDS_RAISED = re.compile(r"\b(?:raise|raises|raised|raising)\s+(?:a\s+total\s+of\s+)?$", re.I)


def _growth(s: str, q: EnQuantity, clause: tuple[int, int], wb: str | None = None) -> bool:
    """Whether ``q`` is a change; ``wb`` is ``word_before(s, q.start, clause[0])`` when known."""
    if wb is None:
        wb = word_before(s, q.start, clause[0])
    before = s[max(clause[0], q.start - 50) : q.start]
    if q.currency and _FUNDS_RAISED.search(before):
        return False  # "had raised US$2.1 billion": money raised, not a rise
    if q.unit not in ("%", "pp") and _ADD_BEFORE.search(before):
        return True  # "add 1,000 new charging stations": an increment
    if wb in _GROWTH_LAST:
        before = s[max(clause[0], q.start - 50) : q.start]
        if _GROWTH_BEFORE.search(before):
            return True
        if wb == "by" and _CHANGE_VERB.search(s, clause[0], q.start):
            return True
    if q.unit in ("%", "pp") and _GROWTH_AFTER.match(s, q.end):
        return True
    if q.unit in ("%", "pp"):
        # "97,500 jobs (+3.1%)", "57.4 billion euros (−2.9%)": a signed change after a level
        return _SIGNED_IN_BRACKETS.search(s, max(0, q.num_start - 3), q.num_start + 1) is not None
    if not q.currency and _FURTHER_BEFORE.search(before):
        return True  # (money "a further HK$3 billion" is another allocation, not a rise)
    if q.unit != "count":
        return bool(q.unit not in ("%", "pp") and _ADDITIONAL_OF.search(before))
    if _MORE_THAN_BEFORE.match(s, q.end):
        return True  # "some 18,000 fewer than a year before"
    jobs = _JOBS_AFTER.match(s, q.end)
    if jobs and (jobs.group(1) or _CREATE_BEFORE.search(before)):
        return True  # "200,000 new urban jobs", "create 150,000 work opportunities": jobs added
    return bool(q.unit == "count" and _MORE_AFTER.match(s[q.end : q.end + 12]))


_SIGNED_IN_BRACKETS = re.compile(r"\(\s*[+\-−–]\s*\d")


_MORE_THAN_BEFORE = re.compile(
    r"\s+(?:more|fewer|less)\s+than\s+(?:a\s+year|one\s+year|the\s+(?:previous|same|prior)|last|"
    r"in\s+(?:19|20)\d\d|(?:a|one)\s+(?:month|quarter))",
    re.I,
)
# "an additional irrigation potential of 1.2 lakh hectares"
_ADDITIONAL_OF = re.compile(r"\ban\s+additional\s+(?:[\w-]+\s+){0,3}of\s+$", re.I)


_JOBS_AFTER = re.compile(
    r"\s+(?:(new|additional|more)\s+)?(?:[\w-]+\s+){0,2}?(?:jobs|job\s+opportunities|"
    r"work\s+opportunities|employment\s+opportunities)\b",
    re.I,
)


_CREATE_BEFORE = re.compile(
    r"\b(?:creat(?:e|es|ed|ing)|generat(?:e|es|ed|ing))\s+(?:about\s+|over\s+|some\s+)?$", re.I
)


# the second of two changes: "rose 11 percent in number and 22 percent in value", "no less than
# 5.5 percent, striving for 6 percent"
_SECOND_CHANGE_GAP = re.compile(
    r"[\s\w&'-]{0,40}?(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:striving|strive|aiming|aim)\s+(?:for|at|to)\s+)?"
    r"|,?\s*(?:striving|strive|aiming|and\s+strive|or\s+even)\s+(?:for|at|to\s+reach|to)\s+",
    re.I,
)


_NO_SECOND_CHANGE = re.compile(
    r"\b(?:will|is|are|was|were|has|have|had|reach\w*|stood|total\w*|with|while|from)\b", re.I
)


_CHANGE_WORD = re.compile(
    r"\b(?:(?P<down>decrease[sd]?|decreasing|decline[sd]?|declining|drop(?:s|ped|ping)?|"
    r"fall(?:s|en|ing)?|fell|down|cut(?:s|ting)?|reduc(?:e|es|ed|ing|tion)|lower(?:s|ed|ing)?|"
    r"shr[iau]nk(?:s|ing)?|slash(?:es|ed|ing)?|contract(?:s|ed|ing)?|dip(?:s|ped)?|slump(?:s|ed)?|"
    r"plunge[sd]?|plunging|tumble[sd]?|shed|lose|loses|lost|negative|slipp?(?:ed|s|ing)?|eased|"
    r"weakened|retreated|fewer)|"
    r"(?P<up>increas\w*|grow\w*|grew|ris(?:e|es|en|ing)|rose|up|jump\w*|climb\w*|rais\w*|"
    r"lift\w*|boost\w*|expand\w*|gain\w*|surg\w*|soar\w*|higher|doubl\w*|add\w*))\b",
    re.I,
)


_DOWN_AFTER = re.compile(
    r"\s*(?:decline|decrease|drop|fall|reduction|lower|less|fewer|below)\b", re.I
)


_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">="}


def _is_decrease(s: str, q: EnQuantity, clause: tuple[int, int]) -> bool:
    """Whether a growth figure is a fall: "fell 3.9%", "a decline of 2.5%", "cut ... by 20%", "5% lower".

    The change word nearest before the value in its clause decides; a
    decrease word right after the value ("3% lower", "a 5% decline") too.
    """
    if _DOWN_AFTER.match(s, q.end):
        return True
    last = None
    for m in _CHANGE_WORD.finditer(s, max(clause[0], q.start - 80), q.start):
        last = m
    return last is not None and last.group("down") is not None


def _negate(q: EnQuantity) -> None:
    """A decrease as negative growth, as the Chinese component reads 下降3.9% (-3.9).

    A range and a comparator turn around with the sign: "fell by more than
    3%" is a change below -3%.
    """
    if q.value_max is not None:
        q.value, q.value_max = -q.value_max, -q.value
    else:
        q.value = -q.value
    q.comparator = _FLIP.get(q.comparator, q.comparator)


def read_growth(
    s: str,
    q: EnQuantity,
    clause: tuple[int, int],
    wb: str,
    prev_q: EnQuantity | None,
    growth_before: EnQuantity | None,
) -> None:
    """Set ``q.growth`` and ``q.growth_noun``, and turn a decrease negative.

    ``prev_q`` is the value before ``q`` in the sentence, ``growth_before`` the last value that
    was a change; ``wb`` is ``word_before(s, q.start, clause[0])``.

    >>> from goalpost.extract._quantities_en import scan_quantities
    >>> s = "Exports fell 2.5 percent."
    >>> (q,) = scan_quantities(s)
    >>> read_growth(s, q, (0, len(s)), "fell", None, None)
    >>> q.growth, q.value
    (True, -2.5)
    """
    q.growth = _growth(s, q, clause, wb)
    if (
        not q.growth
        and prev_q is not None
        and prev_q.growth
        and prev_q.unit == q.unit
        and _LIST_JOIN.fullmatch(s[prev_q.end : q.start])
        and RESPECTIVELY.search(s)
    ):
        q.growth = True  # "grew by 9.9 percent and 10.3 percent respectively"
    elif (
        not q.growth
        and prev_q is not None
        and prev_q.growth
        and prev_q.unit == q.unit
        and q.unit in ("%", "pp")
        and _SECOND_CHANGE_GAP.fullmatch(s, prev_q.end, q.start)
        and not _NO_SECOND_CHANGE.search(s, prev_q.end, q.start)
    ):
        q.growth = True  # "rose 11 percent in number of projects and 22 percent in value"
    q.growth_noun = bool(q.growth and _GROWTH_NOUN_CB.search(s, max(0, q.start - 40), q.start))
    if q.growth and q.value > 0 and _is_decrease(s, q, clause):
        _negate(q)
    if (
        not q.growth
        and q.unit in ("%", "pp")
        and growth_before is not None
        and growth_before.unit == q.unit
        and COMPARED_BASE_CB.search(s, max(0, q.start - 30), q.start)
    ):
        # "grew by 4.7 percent in 2024, down from 5.7 percent in 2023": a growth rate too
        q.growth = True
