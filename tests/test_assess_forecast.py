"""Random walk with drift: worked by hand on logs and logits; Student t helpers."""

from __future__ import annotations

import math

import pytest

from goalpost.assess import ObservationPoint, TargetSpec, assess_target, forecast_at
from goalpost.assess._forecast import t_cdf, t_ppf


@pytest.mark.parametrize(
    ("p", "df", "q"),
    [
        (0.975, 1, 12.7062),
        (0.9, 1, 3.0777),
        (0.975, 2, 4.3027),
        (0.95, 5, 2.0150),
        (0.9, 30, 1.3104),
    ],
)
def test_t_quantiles_match_tables(p, df, q):
    assert t_ppf(p, df) == pytest.approx(q, abs=1e-3)
    assert t_cdf(q, df) == pytest.approx(p, abs=1e-4)


def test_forecast_on_logs_worked_by_hand():
    # logs 0, 0.1, 0.3 at 2001, 2002, 2003: mu = 0.15; steps 0.1, 0.2 -> residuals -0.05, 0.05;
    # s^2 = 0.005 / (2 - 1) = 0.005; h = 1: var = 0.005 * (1 + 1/2) = 0.0075; df = 1;
    # t_0.9(1) = tan(0.4 pi) = 3.0777
    pts = [(2001.0, 1.0), (2002.0, math.exp(0.1)), (2003.0, math.exp(0.3))]
    accept = (math.exp(0.45), False, math.inf, False)
    f = forecast_at(pts, 2004.0, "count", accept)
    sd, q = math.sqrt(0.0075), math.tan(0.4 * math.pi)
    assert f.value == pytest.approx(math.exp(0.45))
    assert f.low == pytest.approx(math.exp(0.45 - q * sd))  # 1.2014
    assert f.high == pytest.approx(math.exp(0.45 + q * sd))  # 2.0473
    assert f.probability == pytest.approx(0.5)  # the target is the forecast median
    assert f.points == 3 and "logs" in f.note


def test_forecast_on_logits_for_shares():
    # logits of 20%, 25%, 30% at 1-year steps; the forecast stays inside (0, 100)
    pts = [(2001.0, 20.0), (2002.0, 25.0), (2003.0, 30.0)]
    f = forecast_at(pts, 2013.0, "%", (40.0, False, math.inf, False))
    logit = [math.log(p / (100 - p)) for p in (20.0, 25.0, 30.0)]
    mu = (logit[2] - logit[0]) / 2
    assert f.value == pytest.approx(100 / (1 + math.exp(-(logit[2] + 10 * mu))))
    assert 0 < f.low < f.value < f.high < 100
    assert "logits" in f.note and 0.5 < f.probability < 1


def test_forecast_without_spread_is_a_point():
    pts = [(2001.0, 100.0), (2002.0, 110.0), (2003.0, 121.0)]
    f = forecast_at(pts, 2004.0, "count", (130.0, False, math.inf, False))
    assert f.value == pytest.approx(133.1) and f.low == f.high == f.value
    assert f.probability == 1.0


@pytest.mark.parametrize(
    ("pts", "note"),
    [
        ([(2001.0, 1.0), (2002.0, 2.0)], "needs three"),
        ([(2001.0, 1.0)], "needs three"),
        ([(2001.0, 0.0), (2002.0, 1.0), (2003.0, 2.0)], "zero or negative"),
    ],
)
def test_forecast_says_why_not(pts, note):
    f = forecast_at(pts, 2010.0, "count")
    assert f.value is None and f.low is None and f.probability is None
    assert note in f.note


def test_assessment_carries_forecast_and_probability():
    t = TargetSpec(
        "t", "x", "Guangzhou", ">=", 200.0, unit="count", deadline="2020", published="2010-06-01"
    )
    data = [
        ObservationPoint(v, str(y), "s")
        for y, v in [(2009, 100.0), (2010, 112.0), (2011, 121.0), (2012, 137.0)]
    ]
    a = assess_target(t, data, as_of="2013-06-01")
    assert a.forecast.points == 4
    assert a.forecast.low < a.forecast.value < a.forecast.high
    assert 0.5 < a.forecast.probability <= 1.0  # ~11% a year against the 6.4% needed
