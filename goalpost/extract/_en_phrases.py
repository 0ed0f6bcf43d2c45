"""Indicator phrases and the owning region of an English item.

The indicator is the phrase that says what is measured, taken from the
text: the subject of "... will reach 14%", the noun after a count ("12,000
Hi-tech companies"), the noun before "of" ("market value of 118 billion
yuan"), or what a spending verb is for ("10.8 billion yuan on R&D").
"""

from __future__ import annotations

import re

from goalpost.extract._quantities_en import EnQuantity
from goalpost.extract._text import CaseBlind, lower_pattern, word_before

_LINK_VERB = re.compile(
    r"(?:\b(?:will|shall|would|could|should|to|must|may|can|is\s+expected\s+to|are\s+expected\s+to|"
    r"is\s+set\s+to|are\s+set\s+to|has|have|had)\s+(?:\w+ly\s+)?(?:be\s+|have\s+|been\s+)?)?"
    r"\b(?:reach(?:es|ed|ing)?|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|amount(?:s|ed|ing)?\s+to|"
    r"account(?:s|ed|ing)?\s+for|total(?:s|led|ed|ling|ing)?|st(?:and|ands|ood)\s+at|be|is|are|was|were|"
    r"hit|hits|grow(?:s|n)?|grew|increase(?:s|d)?|rise(?:s|n)?|rose|climb(?:s|ed)?|make(?:s)?\s+up|"
    r"made\s+up|represent(?:s|ed|ing)?|constitut(?:e|es|ed|ing)|come\s+to|came\s+to|top(?:s|ped)?|"
    r"equal(?:s|led)?|remain(?:s|ed)?|keep|kept|maintain(?:ed)?|account\s+for|achieve[sd]?|"
    r"register(?:s|ed)?|record(?:s|ed)?|up\s+to|"
    # decreases read like increases: "Industrial output fell 3.9%", "Exports were down 2%"
    r"fall(?:s|en)?|fell|decline[sd]?|decrease[sd]?|drop(?:s|ped)?|dipped|shrank|shrunk|"
    r"contracted|slumped|(?:(?:is|are|was|were|be|been)\s+)?down|"
    r"(?:is|are|was|were|be|been)\s+(?:cut|reduced|shortened|lowered|compressed|extended|raised))"
    r"\s*(?:by\s+|to\s+|at\s+|from\s+)?$"
    r"|\b(?:will|shall|would|could|should|must|may|can)\s+(?:\w+ly\s+)?$"
    r"|\b(?:expected|set|going|aims?|aiming|plans?|planning|strives?|striving|hopes?|hoping|"
    r"continues?|continued|is|are|was|were)\s+to\s+(?:\w+ly\s+)?$",
    re.I,
)
# A clause boundary to the left of a subject; the subject starts after the last one.
_SUBJ_LEFT = re.compile(
    r"(?<!\d),|[;:(]|\b(?:that|which|who|whose|while|whereas|with|where|when|but)\b", re.I
)
_PRONOUN = re.compile(r"^(?:which|that|it|this|they|these|who|those)$", re.I)
_NP_TAIL = re.compile(
    r"(?:^|\b(?:in|on|at|for|to|by|from|with|into|than|leads?|led|has|have|had|is|are|was|were|"
    r"as)\s+)((?:(?!(?:in|on|at|for|to|by|from|with|into|than|has|have|had|is|are|was|were|as)\b)"
    r"[\w&'-]+\s+){0,10}[\w&'-]+)\s*$",
    re.I,
)
_AIM_LEAD = re.compile(
    r"^(?:(?:the|our|its|their)\s+)?(?:aim|goal|target|objective|plan|hope|intention)\s+is\s+"
    r"(?:for|to|that)\s+(?:(?:have|see|make|get)\s+)?",
    re.I,
)
_CLAUSE_LEFT = re.compile(
    r"(?:^|[,;:(]|\b(?:and|that|which|while|whereas|with|where|when|then|whose|but|so|as)\b)"
    r"(?![^,;:(]*(?:[,;:(]|\b(?:and|that|which|while|whereas|with|where|when|then|whose|but|so|as)\b))",
    re.I,
)
_LEAD_STRIP = re.compile(
    r"^(?:(?:by|in|during|until|before|as\s+of)\s+[^,]*,\s*)?"
    r"(?:(?:the|a|an|its|their|his|her|our|this|these|those|such|total\s+of|all)\s+)*"
    r"(?:(?:[A-Z][\w-]*|the\s+(?:city|province|country|nation|state|region|district|municipality))'s?\s+)?"
    r"(?:(?:the|a|an|its|their)\s+)?",
    re.I,
)
_STOP_AFTER = re.compile(
    r"\b(?:will|shall|would|is|are|was|were|be|been|has|have|had|to|that|which|who|whose|with|by|from|"
    r"and|or|in|on|at|for|under|over|across|into|than|as|while|during|since|including|such|per|"
    r"come|comes|came|undergo|undergoes|reach|reaches|reached|accounting|account|accounts|turning|"
    r"making|bringing|driving|reaching|representing|constituting|each|every|this|last|next|so|"
    r"through|between|among|up|via|etc|worth|(?<!of\s)(?:the|a|an|its|their))\b|(?<!\d)[,.]|[,.](?!\d)|[;:()\"]",
    re.I,
)
_STATE_AFTER = re.compile(
    r"(?:under|in)\s+(?:incubation|construction|operation|service|cultivation)\b", re.I
)
_SPEND = re.compile(
    r"^\s*(?:\w+\s+){0,2}?(?:in|on|for|to|into|from|as)\s+(?!\d)(?!(?:the\s+)?(?:19|20)\d\d)(?!total\b)"
    r"((?:the\s+)?[\w&'-]+(?:\s+[\w&'-]+){0,5})",
    re.I,
)
_CONVERSION_AFTER = re.compile(r"\s*\([^()]{1,40}\d[^()]{0,20}\)")
_NOUN_OF_BEFORE = re.compile(
    r"((?:[A-Za-z&'-][\w&'-]*\s+){0,4}[A-Za-z&'-][\w&'-]*)\s+(?:of|worth|valued\s+at|totalling|totaling|amounting\s+to)\s+$",
    re.I,
)
_NP_BREAK = re.compile(
    r"^(?:.*\b(?:with|in|on|at|for|to|by|from|into|and|has|have|had|is|are|was|were|will|a|an|the|\w+ed|"
    r"its|their|of|that|which|giving|offering|occupying|turning|reaching|driving|bringing|out)\s+)",
    re.I,
)
_DET = re.compile(
    r"^(?:(?:the|a|an|its|their|his|her|our|this|these|those|some|all|of|with|total\s+of|and|or|more)\s+)+",
    re.I,
)
_TRAIL_STOP = re.compile(
    r"(?:\s+(?:the|a|an|of|and|or|to|in|on|for|with|by|its|their|etc))+$", re.I
)
_TIMEWORD = re.compile(
    r"^(?:in|by|during|before|until|since|as of)\s+(?:the\s+)?(?:(?:end\s+of\s+)?(?:19|20)\d\d|year|"
    r"first|second|last|this|next)",
    re.I,
)
_NOT_NOUN = re.compile(
    r"^(?:\w+ly|will|would|shall|should|is|are|was|were|be|has|have|had|do|does|did|and|or|but|"
    r"in|on|at|by|for|to|of|from|with|as|that|which|who)$",
    re.I,
)


_LINK_LAST_WORDS = (
    "reach reaches reached reaching exceed exceeds exceeded exceeding surpass surpasses "
    "surpassed surpassing to for at by be is are was were hit hits grow grows grown grew "
    "increase increases increased rise rises risen rose climb climbs climbed up represent "
    "represents represented representing constitute constitutes constituted constituting top "
    "tops topped equal equals equalled remain remains remained keep kept maintain maintained "
    "achieve achieves achieved register registers registered record records recorded total "
    "totals totalled totaled totalling totaling will shall would could should must may can make "
    "makes made amount amounts amounted amounting account accounts accounted accounting stand "
    "stands stood from fall falls fallen fell decline declines declined decrease decreases "
    "decreased drop drops dropped dipped shrank shrunk contracted slumped down"
)
_LINK_LAST = frozenset(_LINK_LAST_WORDS.split())
_LABEL = re.compile(
    r"^[\s\-•*·–\d.)(]*([A-Za-z][^:;]{1,70}?)\s*:\s*(?:about\s+|around\s+|over\s+|more\s+than\s+)?$",
    re.I,
)
_OF_LAST = frozenset(["of", "worth", "at", "totalling", "totaling", "to"])
_SPACE_RUN = re.compile(r"\s+")
_REL_END = re.compile(r"\b(?:which|that|who)\s*$")
_REL_TAIL = re.compile(r"\s*\b(?:which|that|who)$")
_CONJ = re.compile(r"(?:and|or|but|while)\s+", re.I)
_LIST_WORD = re.compile(r"(?:and|or|etc|such\s+as|including)\b", re.I)
_SHARE_OF = re.compile(
    r"\s+of\s+(?:(?:the|its|their|his|her|our|this)\s+)?((?:[\w&'-]+\s+){0,6}?[\w&'-]+)"
)
_OF_AFTER = re.compile(r"\s+of\s")
_WORTH = re.compile(r"^worth\s+")
_ACROSS = re.compile(r"^across\s+")


# Lower-case forms for ASCII phrases (``re`` is much faster case-sensitive).
# Both patterns are anchored at the start and ``_LEAD_STRIP`` always matches
# there, so each ``sub`` is "drop the match at the start".
_LEAD_STRIP_LOW = lower_pattern(_LEAD_STRIP)
_DET_LOW = lower_pattern(_DET)
_TRAIL_WORDS_TEXT = "the a an of and or to in on for with by its their etc"
_TRAIL_WORDS = frozenset(_TRAIL_WORDS_TEXT.split())


def _strip_lead(p: str) -> str:
    """``_LEAD_STRIP.sub("", p, count=1)``."""
    if p.isascii():
        return p[_LEAD_STRIP_LOW.match(p.lower()).end() :]  # type: ignore[union-attr]
    return _LEAD_STRIP.sub("", p, count=1)


def _strip_det(p: str) -> str:
    """``_DET.sub("", p)``."""
    if p.isascii():
        m = _DET_LOW.match(p.lower())
        return p[m.end() :] if m else p
    return _DET.sub("", p)


def _strip_trail(p: str) -> str:
    """``_TRAIL_STOP.sub("", p)``, skipped when the last word is no stop word (no match then)."""
    last = (p[:-1] if p.endswith("\n") else p).rsplit(None, 1)
    if len(last) < 2 or last[1].lower() not in _TRAIL_WORDS:
        return p
    return _TRAIL_STOP.sub("", p)


def _clean(phrase: str) -> str:
    p = phrase.strip(" ,;:-\"'")
    for _ in range(3):
        q = _strip_lead(p).strip()
        q = _strip_det(q).strip()
        if q == p:
            break
        p = q
    p = _strip_trail(p).strip(" ,;:-\"'")
    return p


_VERB_AFTER_NOUN = re.compile(
    r"(?:(?<=s)|(?<=people))\s+(?:\w+ed|caught|made|built|got|won|saw|took|gave|held|brought|became|grew|"
    r"rose|fell|come|comes|came|\w+ing(?=\s+(?:the|a|an|its|their|in|on|at|to|into)\b))\b",
    re.I,
)


def _noun_after(s: str, pos: int, limit: int = 8) -> tuple[int, int] | None:
    """The noun phrase right after ``pos``, up to a verb, preposition or punctuation."""
    m = _SPACE_RUN.match(s, pos)
    if not m:
        return None
    a = m.end()
    stop = _STOP_AFTER_CB.search(s, a)
    b = stop.start() if stop else len(s)
    # "139 unique and diversified maker spaces": one adjective before "and".
    if stop and stop.group().lower() == "and" and len(s[a : stop.start()].split()) == 1:
        stop = _STOP_AFTER_CB.search(s, stop.end())
        b = stop.start() if stop else len(s)
    # Let "of" chains continue once: "outputs of Hi-tech products".
    if stop and stop.group().lower() == "of":
        stop2 = _STOP_AFTER_CB.search(s, stop.end())
        b2 = stop2.start() if stop2 else len(s)
        if len(s[a:b2].split()) <= limit:
            b = b2
    # A short for-phrase tells the noun apart: "60 innovation spaces for young entrepreneurs".
    if stop and stop.group().lower() == "for":
        stop2 = _STOP_AFTER_CB.search(s, stop.end())
        b2 = stop2.start() if stop2 else len(s)
        tail = s[stop.end() : b2]
        if (
            1 <= len(tail.split()) <= 3
            and not any(c.isdigit() for c in tail)
            and len(s[a:b2].split()) <= limit
        ):
            b = b2
    # A state after the noun is part of what is counted: "10,000 companies under incubation",
    # "12 metro lines in operation" (not "companies", "metro lines").
    if stop and stop.group().lower() in ("under", "in"):
        sm = _STATE_AFTER.match(s, stop.start())
        if sm and len(s[a : sm.end()].split()) <= limit:
            b = sm.end()
    # Stop at a verb form after the noun: "companies opened branches", "companies entering the tier".
    vm = _VERB_AFTER_NOUN_CB.search(s, a)
    if vm and vm.start() < b:
        b = vm.start()
    words = s[a:b].split()
    if not words:
        return None
    if len(words) > limit:
        words = words[:limit]
        b = a + len(" ".join(words))
    phrase = s[a:b].rstrip()
    if _NOT_NOUN.match(phrase.split()[0]) or phrase[0].isdigit():
        return None  # a verb, a preposition, or the next value in a table row
    if len(words) == 1 and words[0].lower().endswith("ed"):
        return None  # "with 2,820 established in 2016": a participle, not a noun
    return a, a + len(phrase)


def _subject_before(
    s: str, clause_start: int, pos: int, lo: int = 0, wb: str | None = None
) -> tuple[int, int] | None:
    """Subject of the linking verb that ends right before ``pos`` (not reaching back past ``lo``).

    ``wb`` is ``word_before(s, pos, clause_start)`` when the caller has it.
    """
    if (word_before(s, pos, clause_start) if wb is None else wb) not in _LINK_LAST:
        return None
    m = _LINK_VERB_CB.search(s, max(clause_start, pos - 60), pos)
    if not m:
        return None
    cut = 0
    for c in _SUBJ_LEFT_CB.finditer(s, 0, m.start()):
        cut = c.end()  # the last boundary (none: the sentence start)
    rel = (
        _REL_END.search(s[:cut])
        if s[:cut].rstrip().lower().endswith(("which", "that", "who"))
        else None
    )
    cut = max(cut, lo)  # "... 120 billion yuan and the number of professionals will reach 600"
    a = cut
    while a < m.start() and s[a] in " ,;:(":
        a += 1
    b = m.start()
    while b > a and s[b - 1] == " ":
        b -= 1
    conj = _CONJ.match(s[a:b])
    if conj:
        a += conj.end()
    if lo and a < b:
        # "... had 7,821 high-tech enterprises and R&D intensity was 2.6%": the last conjunct.
        last_and = s.rfind(" and ", a, b)
        if last_and >= 0:
            a = last_and + 5
    if b <= a and rel is not None:
        a = b = rel.start()  # "..., which has reached 44": resolved below
    elif b <= a or _LIST_WORD.match(s[a:b]):
        # ", accounting for 46.4%": a participle whose subject came earlier.
        return (-1, -1) if s[:a].rstrip().endswith(",") or b > a else None
    if a == b or _PRONOUN.match(s[a:b].strip()):
        # "..., which has reached 44": the noun phrase before the relative.
        head = s[:a].rstrip(" ,;:(")
        head = _REL_TAIL.sub("", head)
        t = _NP_TAIL.search(head)
        if not t:
            return None
        return t.start(1), t.end(1)
    am = _AIM_LEAD.match(s, a, b)
    if am:
        a = am.end()
    return a, b


def _clean_span(s: str, a: int, b: int) -> tuple[str, int, int] | None:
    raw = s[a:b]
    cleaned = _clean(raw)
    if not cleaned or len(cleaned) < 2 or _TIMEWORD.match(cleaned):
        return None
    i = raw.find(cleaned)
    if i < 0:
        return cleaned, a, b
    if len(cleaned.split()) > 12:
        cleaned = " ".join(cleaned.split()[-12:])
        i = raw.find(cleaned)
    return cleaned, a + i, a + i + len(cleaned)


_TO_VERB = re.compile(
    r"\b(?:bring|bringing|brings|brought|rais(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|lift(?:s|ed|ing)?|"
    r"boost(?:s|ed|ing)?|tak(?:e|es|ing)|took|push(?:es|ed|ing)?|expand(?:s|ed|ing)?|grow(?:s|ing)?|"
    r"doubl(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|cut(?:s|ting)?|lower(?:s|ed|ing)?|extend(?:s|ed|ing)?|"
    r"shorten(?:s|ed|ing)?|improv(?:e|es|ed|ing))\s+((?:(?!(?:by|to|at)\b)[\w&'-]+\s+){0,9}?[\w&'-]+)"
    r"\s+(?:to|at|by)\s+$",
    re.I,
)
_PASSIVE_CHANGE = re.compile(
    r"\s*\b(?:will|shall|would|should|must|is|are|was|were|has|have|had|to)\s+(?:be|been)\s+"
    r"(?:\w+ly\s+)?(?:cut|reduced|lowered|decreased|slashed|shortened|raised|increased|lifted|"
    r"boosted|expanded|doubled|improved|brought\s+down|brought\s+up)\s+(?:by|to)\s+$",
    re.I,
)
_MAIN_LEAD = re.compile(
    r"^\s*(?:(?:by|in|during|as\s+of|as\s+at|up\s+to|until|since|meanwhile|currently|so\s+far|"
    r"additionally|moreover|in\s+addition|at\s+the\s+same\s+time|in\s+order\s+to|to|with|for|"
    r"overall|in\s+total|altogether|furthermore|besides|according\s+to)\b[^,]{0,80},\s*)+",
    re.I,
)
_MAIN_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|shall|would|could|can|should|must|may|reached|reaches|"
    r"amounted|amounts|totall?ed|totals|stood|stands|rose|grew|increased|accounted|hit|hopes|aims|"
    r"plans|saw|recorded|registered|exceeded|topped|remained)\b|[,;(]",
    re.I,
)


def main_subject(s: str, upto: int) -> tuple[int, int] | None:
    """The sentence's subject: from its start (after a lead phrase) to the first verb.

    >>> s = "By March this year, Guangdong's expenditure on projects, such as 5G, has amounted to 7"
    >>> a, b = main_subject(s, len(s)); s[a:b]
    "Guangdong's expenditure on projects"
    """
    lead = _MAIN_LEAD.match(s)
    a = lead.end() if lead else 0
    v = _MAIN_VERB.search(s, a, upto)
    if not v or v.start() <= a:
        return None
    b = v.start()
    while b > a and s[b - 1] == " ":
        b -= 1
    return (a, b) if b > a else None


def indicator(
    s: str,
    q: EnQuantity,
    clause: tuple[int, int],
    prev: tuple[str, int | None, int | None] | None = None,
    lo: int = 0,
    wb: str | None = None,
) -> tuple[str, int | None, int | None] | None:
    """The indicator phrase of ``q`` and its local span, or None if nothing reads as one.

    ``wb`` is ``word_before(s, q.start, clause[0])`` when the caller has it.

    >>> from goalpost.extract._quantities_en import scan_quantities
    >>> s = "By the end of 2021, the city will have over 12,000 Hi-tech companies."
    >>> indicator(s, scan_quantities(s)[1], (0, len(s)))[0]
    'Hi-tech companies'
    >>> s = "the total contractual value for technology transfer will exceed 120 billion yuan"
    >>> indicator(s, scan_quantities(s)[0], (0, len(s)))[0]
    'total contractual value for technology transfer'
    """
    cs, ce = clause
    if wb is None:
        wb = word_before(s, q.start, cs)
    # "- high-tech enterprises: more than 15,000;", "R&D intensity: 3.2%"
    label = _LABEL.search(s, 0, q.start) if s.find(":", 0, q.start) >= 0 else None
    if label:
        got: tuple[str, int | None, int | None] | None = _clean_span(
            s, label.start(1), label.end(1)
        )
        if got:
            return got
    # "Energy use per unit of GDP will be cut by 14%": the passive's subject.
    passive = (
        _PASSIVE_CHANGE.search(s, max(cs, q.start - 70), q.start) if wb in ("by", "to") else None
    )
    if passive:
        got = _clean_span(s, cs, passive.start())
        aim = _AIM_LEAD.match(got[0]) if got and got[1] is not None else None
        if got and aim and got[1] is not None:
            got = _clean_span(s, got[1] + aim.end(), passive.start())  # "The goal is for X to be"
        if got and not _PRONOUN_HEAD.match(got[0]):
            return got
    # "bringing the total number to 215", "increase the number of labs to 500"
    # "reduce carbon emissions by 20%": what is changed, by how much
    tv = _TO_VERB.search(s, max(cs, q.start - 90), q.start) if wb in ("to", "at", "by") else None
    if tv and not tv.group(1).lower().endswith("ly"):
        got = _clean_span(s, tv.start(1), tv.end(1))
        if got:
            return got
    share = _SHARE_OF.match(s[q.end : ce])
    # "X will reach / account for 14% (of ...)": the subject.
    subj = _subject_before(s, cs, q.start, lo, wb)
    if subj == (-1, -1):
        if prev is not None:
            got = prev
        else:
            ms = main_subject(s, q.start)
            got = _clean_span(s, *ms) if ms else None
        subj = None
        if got is not None:
            name, a, b = got
            if q.unit in ("%", "pp") and share:
                nx = _noun_after(s, q.end + share.start(1) - 1, limit=8)
                what = _clean(s[nx[0] : nx[1]]) if nx else ""
                if nx and what:
                    return (
                        f"{name} share of {what}",
                        a,
                        (nx[1] if a is not None and a < q.start else b),
                    )
            return got
    if subj:
        got = _clean_span(s, *subj)
        if got:
            name, a, b = got
            if (
                q.unit in ("%", "pp")
                and share
                and _LINK_VERB_CB.search(s, max(cs, q.start - 30), q.start)
            ):
                base = _noun_after(s, q.end + share.start(1) - 1, limit=8)
                what = _clean(s[base[0] : base[1]]) if base else ""
                if base and what and len(what.split()) <= 8:
                    # Composed: the span covers subject to base ("R&D fund ... of GDP").
                    return f"{name} share of {what}", a, base[1]
            if q.unit != "count" or not _noun_after(s, q.end):
                return name, a, b
    # "12,000 Hi-tech companies", "12% of industrial enterprises above designated size"
    if q.unit in ("%", "pp") and share:
        noun = _noun_after(s, q.end + share.start(1) - 1, limit=10)
        if noun:
            r = _clean_span(s, *noun)
            if r:
                return r
    if q.unit == "count" or q.unit.startswith("per ") or not q.currency:
        noun = _noun_after(s, q.end)
        if noun:
            r = _clean_span(s, *noun)
            if r:
                return r
    # "market value of 118 billion yuan", "loan agreements worth 1.03 billion yuan"
    m = _NOUN_OF_BEFORE.search(s, max(cs, q.start - 60), q.start) if wb in _OF_LAST else None
    if m:
        a = m.start(1)
        cut = _NP_BREAK.match(m.group(1))
        if cut:
            a += cut.end()
        r = _clean_span(s, a, m.end(1)) if a < m.end(1) else None
        if r and not _NOT_NOUN.match(r[0].split()[-1]):
            return r
    # "over 8.5 million square meters of floor space"
    if q.unit not in ("count", "%", "pp") and _OF_AFTER.match(s[q.end : q.end + 5]):
        noun = _noun_after(s, q.end + s[q.end :].index("of") + 2)
        if noun:
            r = _clean_span(s, *noun)
            if r:
                return r
    # "a 5-billion-yuan fund", "100-billion-yuan worth biomedicine industry"
    if "-" in s[q.num_end : q.end]:
        noun = _noun_after(s, q.end)
        if noun:
            r = _clean_span(s, *noun)
            if r:
                name, a, b = r
                name2 = _WORTH.sub("", name)
                return name2, b - len(name2), b
    # "5.59 billion yuan in credit loans", "10.8 billion yuan on R&D"
    # why: a conversion in brackets sits between the amount and what it is for:
    # "10.8 billion yuan (US$1.64 billion) for innovation"
    br = _CONVERSION_AFTER.match(s, q.end, ce)
    at = br.end() if br else q.end
    m = _SPEND.match(s[at:ce])
    if m:
        a = at + m.start(1)
        stop = _STOP_AFTER_CB.search(s, a + 1)
        b = min(at + m.end(1), stop.start() if stop else len(s))
        r = _clean_span(s, a, b)
        if r:
            return r
    if subj:
        got = _clean_span(s, *subj)
        if got:
            return got
    return None


_PRONOUN_HEAD = re.compile(r"^(?:which|that|it|this|they|them|these|those|who|whom)\b", re.I)
_HAVE_OBJECT = re.compile(
    r"\s*(?:[\w&'-]+\s+){0,8}?(?:will\s+|to\s+|shall\s+)?(?:all\s+)?(?:have|has|own|set\s+up|"
    r"establish|build)(?:\s+(?:their|its)\s+own)?(?=\s)",
    re.I,
)
_RELATIVE_TAIL = re.compile(r"\s+(?:whose|that|which|who|with|where)\b.*$", re.I)

Found = tuple[str, int | None, int | None]


def resolve_pronoun(
    s: str, q: EnQuantity, clause: tuple[int, int], found: Found, prev: Found | None
) -> Found:
    """An indicator is a noun phrase, never a pronoun: "of which 10", "40 percent of those".

    A pronoun stands for what the sentence's previous figure measured; with
    no figure before it, for what the clause goes on to count ("40 percent
    of those ... will have R&D departments"), else the sentence's subject
    without its relative clause.
    """
    if not _PRONOUN_HEAD.match(found[0]):
        return found
    if prev is not None and not _PRONOUN_HEAD.match(prev[0]):
        return prev
    have = _HAVE_OBJECT.match(s, q.end, clause[1])
    if have:
        nx = _noun_after(s, have.end())
        got = _clean_span(s, *nx) if nx else None
        if got:
            return got
    ms = main_subject(s, q.start)
    if ms:
        a, b = ms
        rel = _RELATIVE_TAIL.search(s, a, b)
        got = _clean_span(s, a, rel.start() if rel else b)
        if got and not _PRONOUN_HEAD.match(got[0]):
            return got
    return found


_NOT_ED_VERBS = frozenset(["hundred", "speed", "seed", "need", "feed", "bed", "red", "shed"])
_AUX_WORDS = (
    "will would shall should can could may might must is are was were be been being has have "
    "had do does did at from"
)
_AUX = frozenset(_AUX_WORDS.split())


def _verb_like(word: str) -> bool:
    """An auxiliary, a modal or a past form (or a dangling "at"/"from"): no head of a noun phrase."""
    w = word.strip(",;:").lower()
    return w in _AUX or (len(w) > 4 and w.endswith("ed") and w not in _NOT_ED_VERBS)


def fallback_indicator(
    s: str, q: EnQuantity, clause: tuple[int, int]
) -> tuple[str, int | None, int | None]:
    """The few words before the value in its clause, when nothing better reads."""
    words = s[clause[0] : q.start].split()[-5:]
    digit = [i for i, w in enumerate(words) if any(c.isdigit() for c in w)]
    if digit and digit[-1] < len(words) - 1:
        words = words[digit[-1] + 1 :]  # not back past the previous value
    # The noun phrase, not the verb after it: "companies should", "the city budgeted".
    while len(words) > 1 and _verb_like(words[-1]):
        words.pop()
    phrase = _clean(" ".join(words)) or s[q.start : q.end]
    i = s.rfind(phrase, clause[0], q.end) if phrase else -1
    return phrase, (i if i >= 0 else None), (i + len(phrase) if i >= 0 else None)


_OWNER_VERB = re.compile(
    r"(?:'s\b|\s+(?:will|has|have|had|is|was|are|were|aims|plans|saw|sees|recorded|reached|"
    r"registered|boasts|now|also|currently|itself|invested|spent|set|issued|attracted|hosts|ranks)\b)",
    re.I,
)


def owner_region(
    s: str,
    q: EnQuantity,
    clause_start: int,
    doc_region: str | None,
    mentions: list[tuple[int, int, str]],
) -> str | None:
    """Who the figure belongs to: a region named as owner before it, else the document's subject.

    ``mentions`` are region mentions (local offsets) in ``s``. The first
    mention before the value that is possessive ("Guangdong's") or the
    subject of a verb ("Guangdong has ...", "The city is home to ...") owns
    it; generic words ("the province's", "nationwide") resolve against the
    document's region.
    """
    cands: list[tuple[int, int, str | None, str]] = [(a, b, rid, "") for a, b, rid in mentions]
    for m in _GENERIC_WORD_CB.finditer(s, 0, q.start):
        cands.append((m.start(), m.end(), None, m.group().lower()))
    cands.sort()
    for _a, b, rid, word in cands:
        if b > q.start:
            break
        if word:
            if (
                word.startswith("nationwide")
                or word.startswith("across")
                or _OWNER_VERB.match(s, b)
            ):
                return _generic(word, doc_region)
            continue
        if _OWNER_VERB.match(s, b):
            return rid
    return doc_region


_GENERIC_WORD = re.compile(
    r"\b(?:the\s+(?:city|province|country|nation|municipality|district|state)|nationwide|"
    r"across\s+the\s+(?:country|nation|province|city))\b",
    re.I,
)


def _generic(word: str, doc_region: str | None) -> str | None:
    if not doc_region:
        return None
    w = _ACROSS.sub("", word)
    try:
        from goalpost.regions import generic_region
    except ImportError:
        return doc_region
    try:
        return generic_region(w, doc_region) or doc_region
    except (KeyError, ValueError):
        return doc_region


# Case-blind patterns run on lower-cased ASCII text (see ``CaseBlind``):
# only their offsets and lower-cased text are used.
_LINK_VERB_CB = CaseBlind(_LINK_VERB, word_start=True)
_SUBJ_LEFT_CB = CaseBlind(_SUBJ_LEFT)
_STOP_AFTER_CB = CaseBlind(_STOP_AFTER, starts='a-z,.;:()"')
_VERB_AFTER_NOUN_CB = CaseBlind(_VERB_AFTER_NOUN, starts=r"\s")
_GENERIC_WORD_CB = CaseBlind(_GENERIC_WORD, word_start=True)
