"""Observations: periods on the time line, stated comparators, and the conflict rule."""

from __future__ import annotations

import math

import pytest

from goalpost.assess import ObservationPoint, TargetSpec, build_series, choose_observation, meets
from goalpost.assess._format import fmt_obs, fmt_value, short_source
from goalpost.assess._observations import interval_of, rounding_step, source_rank
from goalpost.assess._periods import period_end, period_label


@pytest.mark.parametrize(
    ("period", "t"),
    [("2021", 2022.0), ("2021-12", 2022.0), ("2021-12-31", 2022.0), ("2021-06", 2021.5),
     ("2020-02-29", 2020 + 60 / 366), ("2019-09-30", 2019 + 273 / 365), ("2017-05", 2017 + 5 / 12)],
)  # fmt: skip
def test_period_end(period, t):
    assert period_end(period) == pytest.approx(t)


@pytest.mark.parametrize("bad", ["", "21", "2021-13", "2021/05", "end of 2021"])
def test_bad_period_is_an_error(bad):
    with pytest.raises(ValueError):
        period_end(bad)


@pytest.mark.parametrize(
    ("period", "label"),
    [("2021", "2021"), ("2017-07", "July 2017"), ("2019-09-30", "30 September 2019")],
)
def test_period_label(period, label):
    assert period_label(period) == label


@pytest.mark.parametrize(
    ("value", "step"),
    [(12000, 1000.0), (12300, 100.0), (4740, 10.0), (4739, 1.0), (3.1, 0.1), (3.12, 0.01)],
)
def test_rounding_step(value, step):
    assert rounding_step(value) == pytest.approx(step)


@pytest.mark.parametrize(
    ("comparator", "value", "interval"),
    [
        ("=", 5.0, (5.0, False, 5.0, False)),
        (">", 5.0, (5.0, True, math.inf, False)),
        (">=", 5.0, (5.0, False, math.inf, False)),
        ("<", 5.0, (-math.inf, False, 5.0, True)),
        ("~", 12000.0, (11500.0, False, 12500.0, False)),
        ("~", 3.1, (3.05, False, 3.15, False)),
    ],
)
def test_interval_of(comparator, value, interval):
    got = interval_of(ObservationPoint(value, "2020", comparator=comparator))
    assert got == pytest.approx(interval)


@pytest.mark.parametrize(
    ("obs_cmp", "obs_value", "t_cmp", "t_value", "expected"),
    [
        ("=", 12099, ">", 12000, True),
        ("=", 12000, ">", 12000, False),
        ("~", 12000, ">", 12000, None),  # 11,500-12,500: cannot tell
        ("~", 13000, ">", 12000, True),  # 12,500-13,500
        ("~", 11000, ">", 12000, False),
        (">", 12300, ">", 12000, True),
        (">", 12000, ">", 12000, True),  # over 12,000 is over 12,000
        (">", 11000, ">", 12000, None),
        (">=", 12000, ">", 12000, None),  # could be exactly 12,000
        ("<", 12000, ">", 12000, False),
        ("<", 12000, "<=", 12000, True),
        ("=", 3.1, "=", 3.1, True),
    ],
)
def test_meets_with_stated_comparators(obs_cmp, obs_value, t_cmp, t_value, expected):
    t = TargetSpec("t", "x", None, t_cmp, t_value)
    assert meets(ObservationPoint(obs_value, "2021", comparator=obs_cmp), t) is expected


@pytest.mark.parametrize(
    ("source", "rank"),
    [("http://tjj.gz.gov.cn/stats", 0), ("https://www.stats.gov.cn/x", 0), ("广州统计年鉴", 0),
     ("http://kjj.gz.gov.cn/x", 1), ("http://special.gznews.gov.cn/x", 1), ("https://cnbc.com/a", 2),
     (None, 2)],
)  # fmt: skip
def test_source_rank(source, rank):
    assert source_rank(source) == rank


@pytest.mark.parametrize(
    ("candidates", "chosen", "why"),
    [
        # 2016 high-tech enterprises: three sources disagree; the government one wins
        ([(4739, "https://m.ajudaily.com/v", "="), (4740, "http://special.gznews.gov.cn/b", "="),
          (4742, "http://www.csstoday.com/i", "=")], 4740, "government source"),
        # statistics bureau over another government site
        ([(3.1, "http://kjj.gz.gov.cn/a", "="), (3.12, "http://tjj.gz.gov.cn/b", "=")], 3.12,
         "statistics bureau"),
        # exact beats rounded, whatever the source
        ([(12000, "http://tjj.gz.gov.cn/a", "~"), (12099, "https://x.com/b", "=")], 12099, "exact"),
        # equal standing: the more precise
        ([(8700, "https://a.com", "="), (8613, "https://b.com", "=")], 8613, "more precise"),
        # agreeing figures
        ([(35751e6, "https://a.com", "="), (35751e6, "https://b.com", "=")], 35751e6, "agree"),
        ([(8700, "https://a.com", "="), (8600, "https://b.com", "=")], 8700, "first listed"),
    ],
)  # fmt: skip
def test_choose_observation(candidates, chosen, why):
    obs = [ObservationPoint(v, "2016", s, comparator=c) for v, s, c in candidates]
    best, reason = choose_observation(obs)
    assert best.value == chosen
    assert why in reason


def test_choose_observation_prefers_latest_publication_on_a_tie():
    a = ObservationPoint(102, "2020", "https://a.com", published="2021-03-01")
    b = ObservationPoint(101, "2020", "https://b.com", published="2022-03-01")
    best, reason = choose_observation([a, b])
    assert best is b and "most recently published" in reason


def test_choose_observation_needs_candidates():
    with pytest.raises(ValueError):
        choose_observation([])


def test_build_series_merges_same_instant_and_reports_conflicts():
    obs = [
        ObservationPoint(4740, "2016", "http://special.gznews.gov.cn/b"),
        ObservationPoint(4739, "2016", "https://m.ajudaily.com/v"),
        ObservationPoint(8700, "2017", "https://a.com"),
        ObservationPoint(8700, "2017-12", "https://b.com"),  # same instant, same figure
        ObservationPoint(1919, "2015", "https://c.com"),
    ]
    series, conflicts = build_series(obs, "count")
    assert [o.period for o in series] == ["2015", "2016", "2017"]
    assert len(conflicts) == 1 and conflicts[0].period == "2016"
    assert "4,740 (special.gznews.gov.cn) used" in conflicts[0].reason
    assert "4,739 (m.ajudaily.com)" in conflicts[0].reason


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [(241311000000, "CNY", "241.31 billion yuan"), (400e9, "CNY", "400 billion yuan"),
     (3.1, "%", "3.1%"), (12099, "count", "12,099"), (5.5e6, "USD", "5.5 million US dollars"),
     (0.5, "tce per 10k CNY", "0.5 tce per 10k CNY")],
)  # fmt: skip
def test_fmt_value(value, unit, text):
    assert fmt_value(value, unit) == text


def test_fmt_obs_and_short_source():
    o = ObservationPoint(12000, "2020", "http://kjj.gz.gov.cn/xxgk/post.html", comparator="~")
    assert fmt_obs(o, "count") == "about 12,000 in 2020 (kjj.gz.gov.cn)"
    assert short_source("A very long report title that goes on and on and on").endswith("…")
