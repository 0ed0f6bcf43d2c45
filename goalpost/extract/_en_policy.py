"""Values that are neither a target nor a statistic: a policy's terms and others' projections.

A tax-credit rate, a per-project grant cap, "a grant of up to 75% of the approved budget", "for a
period of up to 12 months" are the terms a policy applies (:func:`policy_parameters`); "under
current trends ... would only reach", "according to a McKinsey estimate ... could add" are someone
else's projection (:func:`is_projection`).
"""

from __future__ import annotations

import re

from goalpost.extract._quantities_en import EnQuantity

__all__ = ["is_projection", "policy_parameters"]


# "Page 7 of 48"
# "... may deduct 100% of the expenses, and a further 110% of the increase"
_FURTHER_TERM = re.compile(r"\b(?:a\s+further|an\s+additional|another|plus)\s+$", re.I)


_TERMS_JOIN = re.compile(r"\s(?:and|or)\s|,")


_POLICY_HINTS = (
    "exceed",
    "rate",
    "aid",
    "basis point",
    "minimum",
    "threshold",
    "bear ",
    "tax",
    "deduct",
    "rebate",
    "reimburs",
    "fund",
    "matching",
    "interest",
    "discount",
    "exempt",
    "subsidy rate",
    "credit rate",
    "cap",
    "refund",
    "per ",
    "eligible",
    "qualif",
    "can ",
    "may ",
    "could ",
    "must ",
    "maximum",
    "up to",
    "at most",
    "no more than",
    "in force",
    "valid",
)


_PROJECTION_HINTS = (
    "current",
    "present",
    "projected",
    "forecast",
    "predict",
    "projection",
    "usual",
    "only reach",
    "scenario",
)


_POLICY = re.compile(
    r"\b(?:tax\s+(?:credit|deduction|rate|relief|rebate|incentive|break|exemption|allowance|holiday)s?|"
    r"super[\s-]deduction|deduct(?:ed|ion|ible)?|rebates?|reimburse(?:d|ment)?|co-?fund(?:ing|ed)?|"
    r"matching\s+(?:fund|grant)s?|co-?financ(?:e|es|ing)\s+(?:up\s+to|rate|of\s+up\s+to)|interest\s+(?:rate|subsid\w*)|discount(?:ed)?|exempt(?:ed|ion)?|"
    r"subsidy\s+rate|subsid(?:y|ies)\s+of|credit\s+rate|capped\s+at|a\s+cap\s+of|refund|eligible|"
    r"qualif(?:y|ies|ying)|one-off\s+(?:reward|bonus|grant|subsidy|reduction|rebate|waiver|payment)|"
    r"(?:can|may|could)\s+(?:receive|get|apply\s+for|claim|obtain|enjoy|earn|request|submit|file|"
    r"be\s+granted|be\s+awarded)|"
    # eligibility: "Investors must commit a minimum of RWF 50 million", "must involve at least one"
    r"must\s+(?:commit|invest|involve|include|have|employ|raise|hold)\s+(?:a\s+minimum\s+of|"
    r"at\s+least|no\s+less\s+than|not\s+less\s+than)|"
    r"(?:a|the)\s+maximum\s+(?:duration|period|term|length)\s+of|"
    # a call's terms: "a grant of up to 75% of the approved budget", "for a period of up to 12 months"
    r"(?:grants?|subsid(?:y|ies)|loans?|aid|contributions?|support|funding|co-financing|stipends?|"
    r"allowances?|awards?|vouchers?|bonus(?:es)?)\s+of\s+"
    r"(?=up\s+to|at\s+most|no\s+more\s+than|a\s+maximum)|"
    r"(?:a|the)\s+(?:duration|period|term|length)\s+of\s+(?=up\s+to|at\s+most|no\s+more\s+than)|"
    r"must\s+(?:take\s+part|participate|be\s+involved|join|apply)|"
    r"(?:reduction|cut)\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?tax\b|"
    # "Aid intensity may not exceed 50%", a central bank's policy rate, a council's rate cap
    r"(?:may|must|shall|can|could)\s+not\s+exceed|cannot\s+exceed|aid\s+intensity|"
    r"(?:policy|repo|benchmark|key|base|lending|deposit|discount)\s+rates?|basis\s+points|"
    r"rate\s+cap|subvention|minimum\s+(?:project\s+)?(?:cost|investment|contribution|budget)|"
    r"tax\s+(?:threshold|bracket|band)s?|(?:each\s+)?bear\s+|"
    r"(?:must|shall)\s+not\s+be\s+(?:less|lower|more|higher)\s+than|(?:cover|support|fund|finance|subsidi[sz]e|reimburse)\s+up\s+to(?=\s+[\d.,]+\s*(?:%|per\s*cent|percent))|"
    r"income\s+tax\s+rate|"
    r"(?:basic|enhanced|standard|reduced|preferential)\s+rate\s+of|"
    r"(?:expenditures?|costs?|spending|outlays?)\s+of(?=\s+up\s+to)|"
    r"(?:subject\s+to\s+)?(?:a|the)\s+ceiling\s+of|"
    r"(?:remain\s+in\s+force|be\s+valid|remain\s+valid)\s+for|"
    r"incentives?\s+(?:shall|will|would|is|are)\s+be|incentives?\s+(?:rate\s+)?of|"
    r"per\s+(?:project|company|enterprise|firm|team|person|applicant|startup|award|institution|case|"
    r"household|individual|voucher|beneficiary|participant|proposal|application|grant|consortium))\b",
    re.I,
)


_PROJECTION = re.compile(
    r"\b(?:under\s+(?:current|existing|present)\s+(?:conditions|trends|policies|circumstances)|"
    r"under\s+(?:its|the|a|their|this)\s+(?:baseline|central|reference|base|optimistic|pessimistic)\s+"
    r"(?:scenario|case)|"
    r"at\s+(?:the\s+)?(?:current|present|this)\s+(?:rate|pace|trend)|if\s+current\s+trends|"
    r"(?:is|are|was|were)\s+(?:projected|forecast|predicted)\s+to|projections?\s+(?:show|suggest|indicate)|"
    r"according\s+to\s+(?:the\s+)?(?:forecasts?|projections?|predictions?)|business[\s-]as[\s-]usual|"
    r"will\s+only\s+reach|would\s+only\s+reach|forecasts?|predicts?|predicted|projections?)",
    re.I,
)


# "The IMF projects the economy to grow 4.6%", "Fitch expects inflation to average 8.5%"
_AGENCY_VIEW = re.compile(
    r"\b(?:IMF|International\s+Monetary\s+Fund|World\s+Bank|OECD|Fitch(?:\s+Ratings)?|Moody's|"
    r"S&P(?:\s+Global)?|Gartner|IDC|McKinsey|Deloitte|PwC|KPMG|analysts|economists|authors|"
    # a named outside body: "the Asian Development Bank", "the CPB ... Bureau for ... Analysis"
    r"[A-Z][\w&'-]*\s+(?:(?:for|of|and|[A-Z][\w&'-]*)\s+){0,6}?(?:Bank|Fund|Bureau|Institute|"
    r"Ratings|Analysis|Research|Economics|Intelligence|Consulting|Partners|Commission|"
    r"Responsibility|Budget\s+Office))\b"
    r"[^.;]{0,30}?\b(?:projects?|expects?|forecasts?|predicts?|estimates?|sees)\b",
)


_VIEW_VERBS = ("expect", "project", "sees", "forecast", "predict")


_MAYBE = re.compile(
    r"\b(?:could|might|may)\s+(?:\w+\s+){0,2}?(?:add|reach|generate|contribute|create|boost|grow|"
    r"rise|increase|be\s+worth|top|exceed|save|cost)\b",
    re.I,
)


_ESTIMATE_SOURCE = re.compile(
    r"\baccording\s+to\s+(?:an?\s+|the\s+)?(?:[\w&'.-]+\s+){0,4}?(?:estimates?|analys[ie]s|stud(?:y|ies)|"
    r"research|reports?|surveys?|modell?ing)\b|\b(?:estimates?|analys[ie]s|stud(?:y|ies)|research)\s+"
    r"(?:by|from)\s+[A-Z]",
    re.I,
)


_PLAN_WORD = re.compile(r"\b(?:plan|target|goal|aims?)\b")


# what a person pays or is paid: "a one-off payment of RM100 each", "the waste levy will be
# €447.60", "passes cost JOD 45", "monthly assistance of ₹1,000"
_PAYMENT_WORD = re.compile(
    r"\b(?:payments?|assistance|allowances?|stipends?|rebates?|fares?|fees?|levy|levies|charges?|"
    r"tickets?|passes|tolls?|premiums?|bonus(?:es)?|handouts?|per\s+(?:month|week|day|person|"
    r"household|head|case|trip))\b",
    re.I,
)


def _small_payments(s: str, qs: list[EnQuantity]) -> set[int]:
    """Indexes of small sums (under 10,000 of the currency) a payment word stands next to."""
    return {
        i
        for i, q in enumerate(qs)
        if q.currency
        and not q.scaled
        and q.value < 10000
        and _PAYMENT_WORD.search(s, max(0, q.start - 60), min(len(s), q.end + 25))
    }


def policy_parameters(s: str, qs: list[EnQuantity], clauses: list[tuple[int, int]]) -> set[int]:
    """Indexes of the values a policy applies as a rate or cap (a tax-credit rate, a per-project grant cap).

    Each policy word ("capped at", "per project", "tax credit", "eligible
    firms can receive") marks the value nearest to it in its clause, so a
    fund announced in the same sentence as a per-project subsidy cap stays.
    """
    out = _small_payments(s, qs)
    low = s.lower()
    if not any(k in low for k in _POLICY_HINTS):
        return out
    for m in _POLICY.finditer(s):
        clause = next(((a, b) for a, b in clauses if a <= m.start() < b), (0, len(s)))
        near = [
            (min(abs(q.start - m.end()), abs(m.start() - q.end)), i)
            for i, q in enumerate(qs)
            if clause[0] <= q.num_start < clause[1]
        ]
        if near:
            out.add(min(near)[1])
    # "can co-finance up to 75% of costs for universities and up to 50% for large companies":
    # the terms listed after a marked one are terms too
    for i in sorted(out):
        for j in range(i + 1, len(qs)):
            a, b = qs[j - 1], qs[j]
            further = b.start - a.end <= 120 and _FURTHER_TERM.search(s, a.end, b.start)
            if (
                b.unit != qs[i].unit
                or (b.comparator != qs[i].comparator and b.comparator != "=")
                or (b.start - a.end > 40 and not further)
                or not _TERMS_JOIN.search(s, a.end, b.start)
            ):
                break
            out.add(j)
    return out


def is_projection(s: str, clause: tuple[int, int], own_plan: bool = False) -> bool:
    """A third party's trend projection ("under current conditions ... will only reach").

    ``own_plan``: the sentence is in a plan (or under its target lead), where "is projected to
    reach" states the plan's own target unless a third party or a trend is named.
    """
    low = s[clause[0] : clause[1]].lower()
    if any(k in low for k in _VIEW_VERBS) and _AGENCY_VIEW.search(s, clause[0], clause[1]):
        return True
    # "According to a McKinsey estimate, generative AI could add US$2.6 trillion": an estimate of
    # what might be, not a figure reported or a target set
    if (
        ("could" in low or "might" in low or "may" in low)
        and _MAYBE.search(s, clause[0], clause[1])
        and _ESTIMATE_SOURCE.search(s, 0, clause[1])
    ):
        return True
    if not any(k in low for k in _PROJECTION_HINTS):
        return False
    if not _PROJECTION.search(s, clause[0], clause[1]):
        return False
    # "projected to exceed 500 billion yuan in 2025, according to the city's plan": the plan's own target.
    return not ((own_plan or _PLAN_WORD.search(low)) and "current" not in low and "only" not in low)
