"""Assess a target against its observations: baseline, latest, ratio, status, forecast, explanation.

See ``METHOD.md`` next to this file for the formulas and thresholds.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from goalpost.assess._forecast import forecast_at
from goalpost.assess._format import fmt_obs, fmt_pct, fmt_value
from goalpost.assess._observations import _accepted, build_series, meets
from goalpost.assess._periods import period_end, period_label, try_period_end
from goalpost.assess._types import (
    Assessment,
    Conflict,
    Deciding,
    Forecast,
    ObservationPoint,
    Projection,
    TargetSpec,
)

__all__ = ["METHODS", "THRESHOLDS", "assess_all", "assess_target", "classify_ratio"]

METHODS = ("growth_ratio", "projection")
#: Lower bounds of the ratio (or projected share) for each status, best first.
THRESHOLDS = (("on_track", 0.95), ("needs_acceleration", 0.6), ("limited_progress", 0.0))
_EPS = 1e-9  # periods closer than this (in years) are the same instant


def classify_ratio(r: float) -> str:
    """Status for a ratio of actual to required growth (or a projected share).

    >>> [classify_ratio(x) for x in (1.2, 0.95, 0.9499, 0.6, 0.5999, 0.0, -0.01)]
    ['on_track', 'on_track', 'needs_acceleration', 'needs_acceleration', 'limited_progress', 'limited_progress', 'deteriorating']
    """
    r = round(r, 9)  # 0.95 computed as 0.9499999999 is still 0.95
    for status, low in THRESHOLDS:
        if r >= low:
            return status
    return "deteriorating"


def _target_text(t: TargetSpec) -> str:
    if t.growth:
        word = {"~": "about ", ">": "over ", ">=": "at least "}.get(t.comparator, "")
        return f"growth of {word}{t.value:g}% a year"
    if t.comparator == "range" and t.value_max is not None:
        return f"{fmt_value(t.value, t.unit)}-{fmt_value(t.value_max, t.unit)}"
    word = {">": "over ", ">=": "at least ", "<": "under ", "<=": "at most ", "~": "about "}
    return word.get(t.comparator, "") + fmt_value(t.value, t.unit)


def _required_level(t: TargetSpec, base: ObservationPoint, t_base: float, t_dead: float) -> float:
    """The level the series has to reach by the deadline."""
    if t.growth:
        rate = t.value / 100 if t.direction != "down" or t.value < 0 else -t.value / 100
        if rate <= -1:  # shrinking by 100% or more a year leaves nothing
            return 0.0
        try:
            return base.value * (1 + rate) ** (t_dead - t_base)
        except (OverflowError, ZeroDivisionError):
            return math.inf
    if t.comparator == "range" and t.value_max is not None:
        lo, hi = sorted((t.value, t.value_max))
        return lo if base.value < lo else hi if base.value > hi else base.value
    return t.value


def _cagr(v0: float, v1: float, years: float) -> float | None:
    """Compound annual growth rate; None when undefined (non-positive values, no time, overflow)."""
    if years <= 0 or v0 <= 0 or v1 <= 0:
        return None
    try:
        rate = (v1 / v0) ** (1 / years) - 1
    except OverflowError:  # a huge change over days: no meaningful annual rate
        return None
    return rate if math.isfinite(rate) else None


@dataclass
class _Ctx:
    """What the status rules need, worked out once per target."""

    target: TargetSpec
    series: list[ObservationPoint]
    times: list[float]
    conflicts: list[Conflict]
    ib: int  # index of the baseline in the series
    window: list[int]  # indices of figures at or before the deadline
    t_dead: float
    req_level: float  # the level the series must reach by the deadline
    what: str  # the target as it reads: "over 12,000"
    dl: str  # the deadline as it reads: "2021"

    @property
    def base(self) -> ObservationPoint:
        return self.series[self.ib]

    @property
    def t_base(self) -> float:
        return self.times[self.ib]

    def obs(self, o: ObservationPoint, *, source: bool = True) -> str:
        return fmt_obs(o, self.target.unit, source=source)


def assess_target(
    target: TargetSpec,
    observations: Iterable[ObservationPoint],
    *,
    as_of: date | datetime | str,
    method: str = "growth_ratio",
) -> Assessment:
    """Assess one target on the figures published for its indicator and region.

    Observations after ``as_of``, with an unreadable period, or (for a level
    target) with a unit of another family than the target's are left out.
    Status, baseline, latest and the deciding figure follow ``METHOD.md``.

    >>> t = TargetSpec("t1", "rd-intensity", "Guangzhou", "=", 3.1, unit="%",
    ...                deadline="2021", published="2019-09-30")
    >>> obs = [ObservationPoint(2.1, "2015", "a"), ObservationPoint(2.87, "2019", "b"),
    ...        ObservationPoint(3.12, "2021", "c")]
    >>> assess_target(t, obs, as_of="2023-01-01").status
    'achieved'
    """
    if method not in METHODS:
        raise ValueError(f"unknown method {method!r}; use one of {METHODS}")
    from goalpost.indicators import units_compatible

    t_now = period_end(as_of.isoformat() if isinstance(as_of, date | datetime) else as_of)
    usable: list[ObservationPoint] = []
    for o in observations:
        t_obs = try_period_end(o.period)
        if t_obs is None or t_obs > t_now + _EPS:
            continue  # an unreadable period, or not yet happened as of the assessment date
        if o.unit and not target.growth and not units_compatible(o.unit, target.unit):
            continue
        usable.append(o)
    series, conflicts = build_series(usable, target.unit)
    a = Assessment(target.id, "insufficient_data", method, "", conflicts=conflicts)
    a.observations_used = series
    what = _target_text(target)
    if not series:
        a.explanation = f"Insufficient data: no figures yet to check the target of {what}."
        return _finish(a, [])
    t_dead = try_period_end(target.deadline)
    if t_dead is None:
        return _without_deadline(a, target, series[-1], what)

    times = [period_end(o.period) for o in series]
    t_pub = try_period_end(target.published)
    before = [i for i, t in enumerate(times) if t_pub is not None and t <= t_pub + _EPS]
    ib = before[-1] if before else 0  # else the first figure after publication
    window = [i for i, t in enumerate(times) if t <= t_dead + _EPS]
    req = _required_level(target, series[ib], times[ib], t_dead)
    ctx = _Ctx(target, series, times, conflicts, ib, window, t_dead, req, what,
               period_label(str(target.deadline)))  # fmt: skip
    a.baseline = ctx.base
    a.latest = series[window[-1]] if window else None
    _growth_figures(a, ctx)
    a.forecast = _forecast(ctx)
    if t_now >= t_dead - _EPS:
        return _after_deadline(a, ctx)
    return _before_deadline(a, ctx, method)


def _without_deadline(
    a: Assessment, t: TargetSpec, latest: ObservationPoint, what: str
) -> Assessment:
    a.latest = latest
    if t.deadline:  # a deadline that cannot be read: say so rather than judge
        a.explanation = (
            f"Insufficient data: the deadline {t.deadline!r} of the target of {what} "
            "is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
        )
    elif not t.growth and meets(latest, t):
        a.status, a.deciding, a.deciding_reason = "achieved", latest, "the latest figure"
        a.explanation = f"Achieved: {fmt_obs(latest, t.unit)} meets the target of {what}"
    else:
        a.explanation = (
            f"Insufficient data: the target of {what} has no deadline to measure against"
        )
    return _finish(a, [latest])


def _growth_figures(a: Assessment, c: _Ctx) -> None:
    """CAGRs, ratio, progress and projection, when a figure later than the baseline exists."""
    if not c.window or c.times[c.window[-1]] <= c.t_base + _EPS:
        return
    il = c.window[-1]
    base, latest, req = c.base.value, c.series[il].value, c.req_level
    a.cagr_actual = _cagr(base, latest, c.times[il] - c.t_base)
    a.cagr_required = _cagr(base, req, c.t_dead - c.t_base)
    if req != base:
        a.progress = (latest - base) / (req - base)
    desired = _desired_sign(c.target, c.base, req)
    # The ratio only means something when the target lies ahead in the good direction.
    if a.cagr_actual is not None and a.cagr_required is not None and a.cagr_required * desired > 0:
        a.ratio = a.cagr_actual / a.cagr_required
    if a.cagr_actual is not None:
        try:
            proj = latest * (1 + a.cagr_actual) ** max(0.0, c.t_dead - c.times[il])
        except OverflowError:
            proj = math.inf
        share = (proj - base) / (req - base) if req != base and math.isfinite(proj) else None
        a.projection = Projection(proj, share)


def _forecast(c: _Ctx) -> Forecast:
    pts = [(c.times[i], c.series[i].value) for i in c.window]
    accept = _accepted(c.target)
    if c.target.growth:  # a growth target is met by reaching the required level
        up = c.target.direction != "down"
        accept = (
            (c.req_level, False, math.inf, False) if up else (-math.inf, False, c.req_level, False)
        )
    return forecast_at(pts, c.t_dead, c.target.unit, accept)


def _after_deadline(a: Assessment, c: _Ctx) -> Assessment:
    t, used = c.target, [c.base] + ([a.latest] if a.latest is not None else [])
    at = [i for i in c.window if abs(c.times[i] - c.t_dead) < 1e-6]
    if not at:
        a.status = "awaiting_data"
        nearest = [c.obs(c.series[c.window[-1]])] if c.window else []
        later = [i for i, x in enumerate(c.times) if x > c.t_dead + _EPS]
        if later:
            nearest.append(c.obs(c.series[later[0]]))
            used.append(c.series[later[0]])
        a.deciding_reason = f"no figure for {c.dl}, the deadline period"
        near = f" (nearest figures: {' and '.join(nearest)})" if nearest else ""
        a.explanation = (
            f"Awaiting data: the target of {c.what} by {c.dl} cannot be judged until a "
            f"figure for {c.dl} is published{near}"
        )
        return _finish(a, used)
    dp = c.series[at[0]]
    a.deciding, a.latest = dp, dp
    a.deciding_reason = f"the figure for the deadline period ({c.dl})"
    if t.growth:
        rate = _cagr(c.base.value, dp.value, c.t_dead - c.t_base)
        ok = None if rate is None else meets(rate * 100, t)
    else:
        ok = meets(dp, t)
    if ok is None:
        a.explanation = (
            f"Insufficient data: the deadline figure, {c.obs(dp)}, cannot tell "
            f"whether the target of {c.what} by {c.dl} was met"
        )
    elif ok:
        a.status = "achieved"
        a.explanation = f"Achieved: {c.obs(dp)} meets the target of {c.what} by {c.dl}"
        if t.growth and a.cagr_actual is not None:
            a.explanation += f" (growth of {fmt_pct(a.cagr_actual)} a year)"
    else:
        a.status = "missed"
        a.shortfall_pct = _shortfall(t, dp.value, c.req_level)
        a.explanation = (
            f"Missed: {c.obs(dp)} falls {a.shortfall_pct:.1f}% short of the "
            f"target of {c.what} by {c.dl}"
        )
    if ok is not None and dp is not c.base:
        a.explanation += f", from a baseline of {c.obs(c.base, source=False)}"
    if dp.comparator != "=" or any(x.period == dp.period for x in c.conflicts):
        # A rounded or disputed deciding figure: show the figures around it too.
        near = [
            c.obs(c.series[i])
            for i, x in enumerate(c.times)
            if c.series[i] is not dp and i != c.ib and abs(x - c.t_dead) <= 2 + _EPS
        ]
        if near:
            a.explanation += (
                f"; it decides as the figure for the deadline period, "
                f"other figures being {', '.join(near)}"
            )
    points = len(c.window)
    a.forecast = Forecast(
        level=a.forecast.level, points=points, note="the deadline figure is known"
    )
    return _finish(a, used)


def _before_deadline(a: Assessment, c: _Ctx, method: str) -> Assessment:
    t, latest = c.target, c.series[-1]
    used = [c.base, latest]
    verdict = None if t.growth else meets(latest, t)  # growth is only judged at the deadline
    if verdict:
        a.status, a.deciding = "achieved", latest
        a.deciding_reason = "the latest figure already meets the target"
        a.explanation = f"Achieved: {c.obs(latest)} already meets the target of {c.what} by {c.dl}"
        if latest is not c.base:
            a.explanation += f", from a baseline of {c.obs(c.base, source=False)}"
        return _finish(a, used)
    if verdict is None and not t.growth:
        a.deciding, a.deciding_reason = latest, "the latest figure, which is too rough to decide"
        a.explanation = (
            f"Insufficient data: the latest figure, {c.obs(latest)}, cannot tell "
            f"whether the target of {c.what} by {c.dl} is met"
        )
        return _finish(a, used)
    if latest is c.base or c.times[-1] <= c.t_base + _EPS:
        a.explanation = (
            f"Insufficient data: only one usable figure, {c.obs(latest)}; "
            f"a trend toward {c.what} by {c.dl} needs two"
        )
        return _finish(a, used)
    a.deciding, a.deciding_reason = latest, "the latest figure, against the baseline"
    base_txt, latest_txt = c.obs(c.base, source=False), c.obs(latest, source=False)
    if a.cagr_actual is None:
        a.explanation = (
            f"Insufficient data: growth from {base_txt} to {latest_txt} "
            "has no annual rate (zero, negative or extreme values)"
        )
        return _finish(a, used)
    share = a.projection.share_of_required if a.projection else None
    if method == "projection" and share is not None:
        a.status = classify_ratio(share)
    elif a.ratio is not None:
        a.status = classify_ratio(a.ratio)
    else:  # no growth was needed at the baseline, yet the target is not met now
        desired = _desired_sign(t, c.base, c.req_level)
        moved_away = desired == 0 or a.cagr_actual * desired < 0
        a.status = "deteriorating" if moved_away else "limited_progress"
    text = (
        f"{a.status.replace('_', ' ').capitalize()}: from {base_txt} to {latest_txt} "
        f"the value changed {fmt_pct(a.cagr_actual)} a year"
    )
    if a.ratio is not None and a.cagr_required is not None:
        text += (
            f", {a.ratio:.2f} times the {fmt_pct(a.cagr_required)} a year needed "
            f"to reach {c.what} by {c.dl}"
        )
    else:
        text += f", while {c.what} by {c.dl} is not met"
    if method == "projection" and a.projection and share is not None:
        text += (
            f"; at that pace it would reach {fmt_value(a.projection.value, t.unit)} by {c.dl}, "
            f"{share * 100:.0f}% of the required change"
        )
    a.explanation = text
    return _finish(a, used)


def _desired_sign(t: TargetSpec, base: ObservationPoint, req: float) -> int:
    """+1 when the series should rise, -1 when it should fall, 0 inside a range target."""
    if t.comparator == "range" and t.value_max is not None:
        return (req > base.value) - (req < base.value)
    if t.comparator in (">", ">="):
        return 1
    if t.comparator in ("<", "<="):
        return -1
    return 1 if t.direction != "down" else -1


def _shortfall(t: TargetSpec, value: float, req: float) -> float:
    """How far the deadline value falls short, in percent of the target level."""
    if t.comparator == "range" and t.value_max is not None:
        lo, hi = sorted((t.value, t.value_max))
        edge = lo if value < lo else hi
        return abs(edge - value) / abs(edge) * 100 if edge else math.inf
    goal = req if t.growth else t.value
    if goal == 0:
        return math.inf
    return abs(goal - value) / abs(goal) * 100


def _finish(a: Assessment, used: list[ObservationPoint]) -> Assessment:
    """Name the conflicts behind the figures used, and end the sentence."""
    periods = {o.period for o in used if o is not None}
    if a.deciding is not None:
        periods.add(a.deciding.period)
    named: list[Conflict] = [c for c in a.conflicts if c.period in periods]
    text = a.explanation.rstrip(".")
    for c in named:
        text += f"; for {period_label(c.period)}, {c.reason}"
    a.explanation = text + "."
    if a.deciding is not None:
        for c in named:
            if c.chosen is a.deciding:
                a.deciding_reason += f"; {c.reason}"
        fields = {k: v for k, v in vars(a.deciding).items() if k != "reason"}
        a.deciding = Deciding(**fields, reason=a.deciding_reason)
    return a


def assess_all(
    targets: Iterable[TargetSpec],
    observations_by_key: Mapping[tuple[str, str | None], Iterable[ObservationPoint]],
    as_of: date | datetime | str,
    *,
    method: str = "growth_ratio",
) -> list[Assessment]:
    """Assess many targets; observations are looked up by ``(indicator, region)``.

    >>> t = TargetSpec("t1", "gdp", "Guangzhou", ">", 10, unit="CNY", deadline="2030")
    >>> [a.status for a in assess_all([t], {}, "2024-01-01")]
    ['insufficient_data']
    """
    out = []
    for t in targets:
        obs = list(observations_by_key.get((t.indicator, t.region), ()))
        out.append(assess_target(t, obs, as_of=as_of, method=method))
    return out
