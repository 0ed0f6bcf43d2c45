"""Numbers, units and sources as they read in an explanation."""

from __future__ import annotations

import re
from urllib.parse import urlparse

from goalpost.assess._periods import period_label
from goalpost.assess._types import ObservationPoint

__all__ = ["fmt_obs", "fmt_pct", "fmt_value", "short_source"]

_CURRENCY_WORD = {
    "CNY": "yuan",
    "RMB": "yuan",
    "USD": "US dollars",
    "EUR": "euros",
    "HKD": "HK dollars",
}
_COMPARATOR_WORD = {">": "over ", ">=": "at least ", "<": "under ", "<=": "at most ", "~": "about "}


def _num(x: float, digits: int = 2) -> str:
    text = f"{x:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def fmt_value(value: float, unit: str | None) -> str:
    """A value with its unit, big money in billions.

    >>> fmt_value(241311000000, "CNY"), fmt_value(3.12, "%"), fmt_value(12099, "count")
    ('241.31 billion yuan', '3.12%', '12,099')
    """
    unit = unit or ""
    if unit in ("%", "pp"):
        return f"{_num(value)}{'%' if unit == '%' else ' pp'}"
    if re.fullmatch(r"[A-Z]{3}", unit):
        word = _CURRENCY_WORD.get(unit, unit)
        for size, name in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
            if abs(value) >= size:
                return f"{_num(value / size)} {name} {word}"
        return f"{_num(value)} {word}"
    if unit in ("", "count"):
        return _num(value)
    return f"{_num(value)} {unit}"


def fmt_pct(x: float) -> str:
    """A rate as a percentage with one decimal: 0.0812 -> '8.1%'."""
    return f"{x * 100:.1f}%"


def short_source(source: str | None) -> str:
    """A URL's host (without www.), or a title cut to 40 characters.

    >>> short_source("http://www.cnshuangli.cn/english/News/x.html"), short_source(None)
    ('cnshuangli.cn', 'no source')
    """
    if not source:
        return "no source"
    if re.match(r"https?://", source):
        host = urlparse(source).netloc
        return host[4:] if host.startswith("www.") else host
    return source if len(source) <= 40 else source[:39].rstrip() + "…"


def fmt_obs(o: ObservationPoint, unit: str | None, *, source: bool = True) -> str:
    """ "over 12,300 in 2022 (fs0757.com)".

    >>> fmt_obs(ObservationPoint(12300, "2022", "https://fs0757.com/a", comparator=">"), "count")
    'over 12,300 in 2022 (fs0757.com)'
    """
    word = _COMPARATOR_WORD.get(o.comparator, "")
    if o.comparator == "range" and o.value_max is not None:
        text = f"{fmt_value(o.value, unit)}-{fmt_value(o.value_max, unit)}"
    else:
        text = word + fmt_value(o.value, unit)
    text += f" in {period_label(o.period)}"
    return f"{text} ({short_source(o.source)})" if source else text
