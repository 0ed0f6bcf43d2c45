"""Units a sentence gives a count: per-capita ratios and table-row labels.

"15 patents per 10,000 people" is ``per 10,000 people``; in a table row printed as text,
"R&D intensity (%)  2.6  3.2" and "Output (billion yuan) 120" take the unit of the label.
"""

from __future__ import annotations

import re

from goalpost.extract._quantities_en import EnQuantity

__all__ = ["ROW_UNIT", "per_unit", "row_unit"]

_DIGIT = re.compile(r"\d")
_SPACES = re.compile(r"\s+")


ROW_UNIT = re.compile(
    r"\((%|per\s*cent|percent|(?:(10,000|100\s+million|hundred\s+million|thousand|million|billion)\s+)?"
    r"(yuan|rmb|us\$|usd|dollars|euros?|people|persons|units|enterprises))\)[\s\d.,%-]*$",
    re.I,
)


_ROW_SCALE = {
    "10,000": 1e4,
    "100 million": 1e8,
    "hundred million": 1e8,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
}


_ROW_CUR = {
    "yuan": "CNY",
    "rmb": "CNY",
    "us$": "USD",
    "usd": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
}


def row_unit(m: re.Match[str]) -> tuple[str, float]:
    if m.group(3) is None:
        return "%", 1.0
    factor = _ROW_SCALE.get(_SPACES.sub(" ", (m.group(2) or "").lower()), 1.0)
    return _ROW_CUR.get(m.group(3).lower(), "count"), factor


_PER_UNIT = re.compile(
    r"\bper\s+(?P<n>10,000|10 000|ten\s+thousand|100,000|100 000|hundred\s+thousand|1,000|thousand|"
    r"million|100|capita|head)\s*(?P<w>people|persons|population|residents|inhabitants|employees|"
    r"workers|labou?r\s+force|workforce|R&D\s+personnel|researchers|households|enterprises)?\b",
    re.I,
)


_PER_N = {
    "ten thousand": "10,000",
    "10 000": "10,000",
    "100 000": "100,000",
    "hundred thousand": "100,000",
    "thousand": "1,000",
    "million": "million",
}


def per_unit(s: str, q: EnQuantity, clause: tuple[int, int]) -> str | None:
    if q.unit != "count":
        return None
    for m in _PER_UNIT.finditer(s, clause[0], clause[1]):
        if m.start() <= q.num_start < m.end():
            return None
        if m.start() >= q.end and _DIGIT.search(s, q.end, m.start()):
            continue  # "exceeding 20,000 and patents reaching 15 per 10,000 people": the 15's
        n = m.group("n").lower()
        if n in ("capita", "head"):
            return "per capita"
        n = _PER_N.get(_SPACES.sub(" ", n), m.group("n"))
        w = (m.group("w") or "people").lower()
        if w in ("persons", "population", "residents", "inhabitants"):
            w = "people"
        return f"per {n} {w}"
    return None
