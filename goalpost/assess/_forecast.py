"""Forecast at the deadline: a random walk with drift, fitted on a transformed scale.

Levels that are all positive are modelled on logs, shares (unit ``%``,
strictly between 0 and 100) on logits, so forecasts stay positive and shares
stay inside (0, 100). With points y_1..y_n at times t_1..t_n (unevenly
spaced), each step d_i = y_i - y_(i-1) over dt_i is taken as
N(mu * dt_i, sigma^2 * dt_i). Then

    mu    = (y_n - y_1) / (t_n - t_1)                        (maximum likelihood)
    s^2   = sum((d_i - mu * dt_i)^2 / dt_i) / (m - 1)        (m = n - 1 steps)
    y_D   = y_n + mu * h,   h = t_deadline - t_n
    var   = s^2 * (h + h^2 / (t_n - t_1))                     (the walk + the drift's own error)

and the predictive distribution is Student t with m - 1 degrees of freedom.
Three points (two steps) are the minimum; with fewer there is no interval.
"""

from __future__ import annotations

import math

from goalpost.assess._types import Forecast

__all__ = ["forecast_at", "t_cdf", "t_ppf"]


def _betacf(a: float, b: float, x: float) -> float:
    # Continued fraction of the incomplete beta function (modified Lentz).
    tiny, qab, qap, qam = 1e-300, a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-14:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    ln = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(ln)
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(x: float, df: float) -> float:
    """Student t cumulative distribution.

    >>> round(t_cdf(0, 3), 6), round(t_cdf(1.0, 1), 6)
    (0.5, 0.75)
    """
    if math.isinf(x):
        return 1.0 if x > 0 else 0.0
    tail = 0.5 * _betainc(df / 2, 0.5, df / (df + x * x))
    return 1.0 - tail if x >= 0 else tail


def t_ppf(p: float, df: float) -> float:
    """Student t quantile, by bisection on :func:`t_cdf`.

    >>> round(t_ppf(0.975, 1), 3), round(t_ppf(0.9, 10), 3)
    (12.706, 1.372)
    """
    if not 0 < p < 1:
        raise ValueError("p must be in (0, 1)")
    lo, hi = -1e6, 1e6
    for _ in range(200):
        mid = (lo + hi) / 2
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def _exp(y: float) -> float:
    # Wild series can put the forecast far out; inf says so instead of raising.
    return math.exp(y) if y < 709 else math.inf


def _logistic(y: float) -> float:
    return 100 / (1 + _exp(-y))


def _scale(unit: str, values: list[float]):
    """(forward, backward, name) of the transform, or None when none fits the values."""
    if unit == "%" and all(0 < v < 100 for v in values):
        return (lambda v: math.log(v / (100 - v)), _logistic, "logit")
    if all(v > 0 for v in values):
        return (math.log, _exp, "log")
    return None


def forecast_at(
    points: list[tuple[float, float]],
    deadline: float,
    unit: str,
    accept: tuple[float, bool, float, bool] | None = None,
    *,
    level: float = 0.8,
) -> Forecast:
    """Forecast the value at ``deadline`` from ``(time, value)`` points.

    ``accept`` is the interval of values that meet the target; the
    probability of meeting it is the predictive mass inside it.

    >>> f = forecast_at([(2016.0, 100.0), (2017.0, 110.0), (2018.0, 121.0)], 2019.0, "count")
    >>> round(f.value, 1), f.points
    (133.1, 3)
    """
    points = sorted(points)
    n = len(points)
    if n < 3:
        return Forecast(
            level=level, points=n, note=f"only {n} point(s): a forecast interval needs three"
        )
    values = [v for _, v in points]
    scale = _scale(unit, values)
    if scale is None:
        return Forecast(
            level=level, points=n, note="zero or negative values: no log/logit forecast"
        )
    fwd, back, name = scale
    ts = [t for t, _ in points]
    ys = [fwd(v) for v in values]
    span = ts[-1] - ts[0]
    if span <= 0:
        return Forecast(level=level, points=n, note="all points share one period")
    mu = (ys[-1] - ys[0]) / span
    m = n - 1
    ss = sum(
        (ys[i] - ys[i - 1] - mu * (ts[i] - ts[i - 1])) ** 2 / (ts[i] - ts[i - 1])
        for i in range(1, n)
        if ts[i] > ts[i - 1]
    )
    s2 = ss / (m - 1)
    h = max(0.0, deadline - ts[-1])
    mean = ys[-1] + mu * h
    sd = math.sqrt(s2 * (h + h * h / span))
    df = m - 1
    note = f"random walk with drift on {name}s, {n} points, {int(level * 100)}% interval"
    if sd == 0:
        value = back(mean)
        prob = None
        if accept is not None:
            prob = 1.0 if _inside_closed(value, accept) else 0.0
        return Forecast(value, value, value, prob, level, n, note + " (no spread in the data)")
    q = t_ppf(0.5 + level / 2, df)
    prob = None
    if accept is not None:
        lo, _, hi, _ = accept
        z_hi = _z(fwd, hi, mean, sd, upper=True)
        z_lo = _z(fwd, lo, mean, sd, upper=False)
        prob = t_cdf(z_hi, df) - t_cdf(z_lo, df)
    return Forecast(back(mean), back(mean - q * sd), back(mean + q * sd), prob, level, n, note)


def _z(fwd, bound: float, mean: float, sd: float, *, upper: bool) -> float:
    """A bound of the accepted interval as a t-score on the transformed scale."""
    if math.isinf(bound):
        return bound
    try:
        return (fwd(bound) - mean) / sd
    except (ValueError, ZeroDivisionError):  # bound outside the transform's domain
        return math.inf if upper else -math.inf


def _inside_closed(x: float, iv: tuple[float, bool, float, bool]) -> bool:
    lo, lo_open, hi, hi_open = iv
    return (x > lo if lo_open else x >= lo) and (x < hi if hi_open else x <= hi)
