"""Figures as intervals, whether they meet a target, and which figure to use per period.

A figure stated with a comparator is a set of possible true values: "over
12,300" is (12300, inf), "about 12,000" is 12,000 give or take half its
rounding step ([11500, 12500]: the last non-zero digit is the thousands). A
target test over such a set is True when every possible value meets it,
False when none does, and None when it cannot tell.
"""

from __future__ import annotations

import math
import re

from goalpost.assess._format import fmt_value, short_source
from goalpost.assess._periods import period_end, try_period_end
from goalpost.assess._types import Conflict, ObservationPoint, TargetSpec

__all__ = [
    "Interval",
    "build_series",
    "choose_observation",
    "interval_of",
    "meets",
    "rounding_step",
    "source_rank",
]

Interval = tuple[float, bool, float, bool]  # (low, low_open, high, high_open)

DEFAULT_TOLERANCE = 0.05  # a "~" target without its own tolerance: within 5%


def _mantissa(value: float) -> tuple[str, int]:
    """The digits of a value as printed (12 significant at most) and its power of ten."""
    text = f"{abs(value):.12g}"  # '12000', '3.1', '1.5e-07', '1.2e+20'
    mant, _, exp = text.partition("e")
    return mant, int(exp) if exp else 0


def rounding_step(value: float) -> float:
    """The place of the last significant digit: 12000 -> 1000, 3.1 -> 0.1, 4739 -> 1.

    >>> rounding_step(12000), rounding_step(3.1), rounding_step(4739), rounding_step(0)
    (1000.0, 0.1, 1.0, 1.0)
    """
    if value == 0 or not math.isfinite(value):
        return 1.0
    mant, exp = _mantissa(value)
    if "." in mant:
        return 10.0 ** (exp - len(mant.split(".")[1]))
    return 10.0 ** (exp + len(mant) - len(mant.rstrip("0")))


def _digits(value: float) -> int:
    """Significant digits as printed: 4739 -> 4, 4740 -> 3, 3.12 -> 3."""
    if value == 0 or not math.isfinite(value):
        return 1
    mant, _ = _mantissa(value)
    digits = mant.replace(".", "").lstrip("0")
    return max(1, len(digits if "." in mant else digits.rstrip("0")))


def interval_of(o: ObservationPoint) -> Interval:
    """The possible true values of a figure, as stated.

    >>> interval_of(ObservationPoint(12000, "2020", comparator="~"))
    (11500.0, False, 12500.0, False)
    >>> interval_of(ObservationPoint(12300, "2022", comparator=">"))
    (12300, True, inf, False)
    """
    v, c = o.value, o.comparator
    if c == ">":
        return (v, True, math.inf, False)
    if c == ">=":
        return (v, False, math.inf, False)
    if c == "<":
        return (-math.inf, False, v, True)
    if c == "<=":
        return (-math.inf, False, v, False)
    if c == "~":
        half = rounding_step(v) / 2
        return (v - half, False, v + half, False)
    if c == "range" and o.value_max is not None:
        return (min(v, o.value_max), False, max(v, o.value_max), False)
    return (v, False, v, False)


def _accepted(t: TargetSpec) -> Interval:
    """The values that meet a target, as an interval (``=`` counts in the good direction)."""
    v, c, up = t.value, t.comparator, t.direction != "down"
    if c == ">":
        return (v, True, math.inf, False)
    if c == "<":
        return (-math.inf, False, v, True)
    if c == ">=" or (c == "=" and up):
        return (v, False, math.inf, False)
    if c == "<=" or (c == "=" and not up):
        return (-math.inf, False, v, False)
    if c == "range" and t.value_max is not None:
        return (min(v, t.value_max), False, max(v, t.value_max), False)
    if c == "~":
        tol = abs(v) * (t.tolerance if t.tolerance is not None else DEFAULT_TOLERANCE)
        # Beyond the band in the good direction also meets an "about" target.
        return (v - tol, False, math.inf, False) if up else (-math.inf, False, v + tol, False)
    return (v, False, v, False)


def _inside(x: float, iv: Interval) -> bool:
    lo, lo_open, hi, hi_open = iv
    return (x > lo if lo_open else x >= lo) and (x < hi if hi_open else x <= hi)


def meets(o: ObservationPoint | float, t: TargetSpec) -> bool | None:
    """Whether a figure meets a target: True, False, or None when the figure cannot tell.

    >>> t = TargetSpec("t", "x", None, ">", 12000)
    >>> meets(ObservationPoint(12099, "2019"), t), meets(ObservationPoint(12000, "2020", comparator="~"), t)
    (True, None)
    >>> meets(ObservationPoint(12000, "2020"), t), meets(ObservationPoint(12300, "2022", comparator=">"), t)
    (False, True)
    """
    acc = _accepted(t)
    if not isinstance(o, ObservationPoint):
        return _inside(float(o), acc)
    lo, lo_open, hi, hi_open = interval_of(o)
    a_lo, a_lo_open, a_hi, a_hi_open = acc
    # every possible value inside the accepted interval?
    lo_ok = lo > a_lo or (lo == a_lo and (lo_open or not a_lo_open))
    hi_ok = hi < a_hi or (hi == a_hi and (hi_open or not a_hi_open))
    if lo_ok and hi_ok:
        return True
    # no possible value inside? (the two intervals do not overlap)
    apart = hi < a_lo or lo > a_hi
    touching_open = (hi == a_lo and (hi_open or a_lo_open)) or (
        lo == a_hi and (lo_open or a_hi_open)
    )
    if apart or touching_open:
        return False
    return None


_COMPARATOR_RANK = {"=": 0, ">=": 1, "<=": 1, ">": 1, "<": 1, "range": 2, "~": 3}


def source_rank(source: str | None) -> int:
    """0 a statistics bureau, 1 another government site, 2 anything else.

    >>> source_rank("http://tjj.gz.gov.cn/x"), source_rank("http://kjj.gz.gov.cn/x"), source_rank("https://cnbc.com")
    (0, 1, 2)
    """
    s = (source or "").lower()
    host = s.split("//", 1)[-1].split("/", 1)[0]
    if re.search(r"(^|\.)(tjj|stats|tjcn)\.", host) or "stats.gov" in host or "统计" in s:
        return 0
    if host.endswith((".gov.cn", ".gov", ".gov.hk", ".gov.mo")) or "statistical bulletin" in s:
        return 1
    return 2


def choose_observation(candidates: list[ObservationPoint]) -> tuple[ObservationPoint, str]:
    """The figure to use when several are published for one period, and why.

    Rule, in order: an exact figure (``=``) beats a bound ("over N") which
    beats an approximation ("about N"); then a statistics bureau beats other
    government sites, which beat everything else; then the more precise
    figure (more significant digits); then the most recently published;
    then the first given.

    >>> a = ObservationPoint(4739, "2016", "https://m.ajudaily.com/v")
    >>> b = ObservationPoint(4740, "2016", "http://special.gznews.gov.cn/b")
    >>> choose_observation([a, b])[0].value
    4740
    """
    if not candidates:
        raise ValueError("no observations to choose from")
    if len(candidates) == 1:
        return candidates[0], "the only figure for this period"

    def key(io: tuple[int, ObservationPoint]) -> tuple:
        i, o = io
        pub = try_period_end(o.published) or -math.inf
        return (
            _COMPARATOR_RANK.get(o.comparator, 3),
            source_rank(o.source),
            -_digits(o.value),
            -pub,
            i,
        )

    ranked = sorted(enumerate(candidates), key=key)
    best, runner = ranked[0][1], ranked[1][1]
    kb, kr = key(ranked[0]), key(ranked[1])
    if kb[0] != kr[0]:
        why = (
            "an exact figure"
            if best.comparator == "="
            else "a bound, more precise than an approximation"
        )
    elif kb[1] != kr[1]:
        why = "from the statistics bureau" if kb[1] == 0 else "from a government source"
    elif kb[2] != kr[2]:
        why = "the more precise figure"
    elif kb[3] != kr[3]:
        why = "the most recently published"
    elif best.value == runner.value and best.comparator == runner.comparator:
        why = "the sources agree"
    else:
        why = "the first listed (sources of equal standing disagree)"
    return best, why


def _stated(o: ObservationPoint, unit: str | None) -> str:
    word = {">": "over ", ">=": "at least ", "<": "under ", "<=": "at most ", "~": "about "}
    return word.get(o.comparator, "") + fmt_value(o.value, unit)


def build_series(
    observations: list[ObservationPoint], unit: str | None = None
) -> tuple[list[ObservationPoint], list[Conflict]]:
    """One figure per period (by :func:`choose_observation`), in time order, and the conflicts.

    Periods that end at the same instant ("2021" and "2021-12") are one period.
    Figures that agree (same value and comparator) are no conflict.
    """
    groups: dict[float, list[ObservationPoint]] = {}
    for o in observations:
        groups.setdefault(round(period_end(o.period), 6), []).append(o)
    series: list[ObservationPoint] = []
    conflicts: list[Conflict] = []
    for t in sorted(groups):
        group = groups[t]
        chosen, why = choose_observation(group)
        series.append(chosen)
        others = [o for o in group if o is not chosen]
        if any(o.value != chosen.value or o.comparator != chosen.comparator for o in others):
            listed = ", ".join(f"{_stated(o, unit)} ({short_source(o.source)})" for o in others)
            reason = (
                f"{_stated(chosen, unit)} ({short_source(chosen.source)}) used: {why}; "
                f"also published: {listed}"
            )
            conflicts.append(Conflict(chosen.period, chosen, others, reason))
    return series, conflicts
