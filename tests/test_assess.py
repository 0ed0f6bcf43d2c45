"""Target assessment: statuses, growth ratio, projection, comparators, deadlines — worked by hand.

Time convention (METHOD.md): a year period "2010" is the end of 2010 = 2011.0,
so figures for 2010 and 2012 are 2 years apart and a 2020 deadline is 10 years
after a 2010 baseline.
"""

from __future__ import annotations

import math

import pytest

from goalpost.assess import (
    STATUSES,
    Assessment,
    ObservationPoint,
    TargetSpec,
    assess_all,
    assess_target,
    classify_ratio,
)

BEFORE = "2015-01-01"  # an assessment date before the 2020 deadline
AFTER = "2024-06-30"  # and one after it


def target(comparator="=", value=200.0, **kw) -> TargetSpec:
    base = {"id": "t", "indicator": "x", "region": "Guangzhou", "comparator": comparator,
            "value": value, "unit": "count", "deadline": "2020", "published": "2011-01-01"}  # fmt: skip
    base.update(kw)
    return TargetSpec(**base)


def obs(*pairs, source="src") -> list[ObservationPoint]:
    return [ObservationPoint(v, p, source) for p, v in pairs]


# ---------------------------------------------------------------- thresholds
@pytest.mark.parametrize(
    ("latest", "expected_ratio", "status"),
    [
        # baseline 100 (2010); target 100 * 1.1^10 = 259.374 by 2020 -> CAGR_r = 10% a year.
        (100 * 1.095**2, 0.95, "on_track"),  # CAGR_a = 9.5%: R exactly 0.95
        (100 * 1.0949**2, 0.949, "needs_acceleration"),  # R = 0.949
        (100 * 1.06**2, 0.6, "needs_acceleration"),  # R exactly 0.6
        (100 * 1.0599**2, 0.599, "limited_progress"),
        (100.0, 0.0, "limited_progress"),  # no growth: R = 0
        (90.0, (0.9**0.5 - 1) / 0.1, "deteriorating"),  # R = -0.513
        (100 * 1.2**2, 2.0, "on_track"),
    ],
)
def test_growth_ratio_thresholds(latest, expected_ratio, status):
    t = target(value=100 * 1.1**10)
    a = assess_target(t, obs(("2010", 100.0), ("2012", latest)), as_of=BEFORE)
    assert a.cagr_required == pytest.approx(0.1)
    assert a.ratio == pytest.approx(expected_ratio, abs=1e-9)
    assert a.status == status


@pytest.mark.parametrize(
    ("r", "status"),
    [(0.95, "on_track"), (0.95 - 1e-12, "on_track"), (0.9499, "needs_acceleration"),
     (0.6, "needs_acceleration"), (0.5999, "limited_progress"), (0.0, "limited_progress"),
     (-1e-6, "deteriorating"), (7.0, "on_track")],
)  # fmt: skip
def test_classify_ratio_edges(r, status):
    assert classify_ratio(r) == status


def test_growth_rates_and_progress_worked_by_hand():
    # baseline 100 in 2010, 121 in 2012, target 200 by 2020
    a = assess_target(target(value=200.0), obs(("2010", 100.0), ("2012", 121.0)), as_of=BEFORE)
    assert a.cagr_actual == pytest.approx(0.1)  # (121/100)^(1/2) - 1
    assert a.cagr_required == pytest.approx(2**0.1 - 1)  # 0.071773
    assert a.ratio == pytest.approx(0.1 / (2**0.1 - 1))  # 1.3933
    assert a.progress == pytest.approx(0.21)  # (121 - 100) / (200 - 100)
    assert a.status == "on_track"
    assert a.baseline.period == "2010" and a.latest.period == "2012"
    assert "from 100 in 2010 to 121 in 2012" in a.explanation
    assert "10.0% a year" in a.explanation and "1.39 times" in a.explanation


def test_projection_method_worked_by_hand():
    # CAGR_a = sqrt(1.1) - 1; 8 more years: 110 * 1.1^4 = 161.051; share (161.051-100)/100
    t = target(value=200.0)
    data = obs(("2010", 100.0), ("2012", 110.0))
    a = assess_target(t, data, as_of=BEFORE, method="projection")
    assert a.projection.value == pytest.approx(161.051)
    assert a.projection.share_of_required == pytest.approx(0.61051)
    assert a.status == "needs_acceleration"
    assert a.method == "projection"
    assert "161.05 by 2020" in a.explanation
    ratio = assess_target(t, data, as_of=BEFORE)
    assert ratio.ratio == pytest.approx((1.1**0.5 - 1) / (2**0.1 - 1))  # 0.680
    assert ratio.projection.value == pytest.approx(161.051)  # reported by both methods


def test_unknown_method_is_an_error():
    with pytest.raises(ValueError, match="unknown method"):
        assess_target(target(), [], as_of=BEFORE, method="magic")


# ---------------------------------------------------------------- comparators
@pytest.mark.parametrize(
    ("comparator", "direction", "latest", "achieved"),
    [
        (">", "up", 100.0, False),  # "over 100" is not met by 100
        (">", "up", 100.5, True),
        (">=", "up", 100.0, True),
        ("=", "up", 100.0, True),  # reaching it
        ("=", "up", 130.0, True),  # passing it counts on a higher-is-better indicator
        ("=", "down", 100.0, True),
        ("=", "down", 90.0, True),  # passing it downward on a lower-is-better one
        ("=", "down", 101.0, False),
        ("<", "down", 100.0, False),
        ("<=", "down", 100.0, True),
        ("~", "up", 95.0, True),  # within 5% of 100
        ("~", "up", 94.9, False),
        ("~", "up", 140.0, True),  # beyond, in the good direction
    ],
)
def test_comparators_before_deadline(comparator, direction, latest, achieved):
    base = 60.0 if direction == "up" else 160.0
    t = target(comparator, 100.0, direction=direction)
    a = assess_target(t, obs(("2010", base), ("2013", latest)), as_of=BEFORE)
    assert (a.status == "achieved") is achieved


def test_tolerance_of_an_about_target():
    t = target("~", 65.0, tolerance=0.01, unit="%")  # within 1%: from 64.35
    assert assess_target(t, obs(("2010", 50.0), ("2013", 64.4)), as_of=BEFORE).status == "achieved"
    assert assess_target(t, obs(("2010", 50.0), ("2013", 64.3)), as_of=BEFORE).status != "achieved"


@pytest.mark.parametrize(
    ("latest", "as_of", "status", "shortfall"),
    [
        (2.8, AFTER, "achieved", None),  # inside 2.5-3.0
        (2.5, AFTER, "achieved", None),  # on the bound
        (3.2, AFTER, "missed", 100 * 0.2 / 3.0),  # 6.67% above the upper bound
        (2.0, AFTER, "missed", 100 * 0.5 / 2.5),  # 20% below the lower bound
    ],
)
def test_range_target_after_deadline(latest, as_of, status, shortfall):
    t = target("range", 2.5, value_max=3.0, unit="%")
    a = assess_target(t, obs(("2010", 1.8), ("2020", latest)), as_of=as_of)
    assert a.status == status
    assert a.shortfall_pct == (pytest.approx(shortfall) if shortfall else None)


def test_range_target_before_deadline_aims_at_nearer_bound():
    # baseline 2.0, latest 2.2 two years later; the lower bound 2.5 is the goal
    t = target("range", 2.5, value_max=3.0, unit="%")
    a = assess_target(t, obs(("2010", 2.0), ("2012", 2.2)), as_of=BEFORE)
    assert a.cagr_required == pytest.approx(1.25**0.1 - 1)  # 0.022565
    assert a.ratio == pytest.approx((1.1**0.5 - 1) / (1.25**0.1 - 1))  # 2.163
    assert a.status == "on_track"


def test_range_target_left_from_inside_is_deteriorating():
    t = target("range", 2.5, value_max=3.0, unit="%")
    a = assess_target(t, obs(("2010", 2.7), ("2012", 3.3)), as_of=BEFORE)
    assert a.ratio is None and a.status == "deteriorating"


# ---------------------------------------------------------------- lower is better
@pytest.mark.parametrize(
    ("latest", "ratio", "status"),
    [
        # baseline 0.8 in 2010, target at most 0.5 by 2020: CAGR_r = 0.625^0.1 - 1 = -4.59%
        (0.7, (0.875**0.5 - 1) / (0.625**0.1 - 1), "on_track"),  # -6.46% a year: R = 1.407
        (0.78, (0.975**0.5 - 1) / (0.625**0.1 - 1), "limited_progress"),  # R = 0.27
        (0.85, (1.0625**0.5 - 1) / (0.625**0.1 - 1), "deteriorating"),  # rising: R = -0.67
        (0.45, None, "achieved"),
    ],
)
def test_lower_is_better(latest, ratio, status):
    t = target("<=", 0.5, direction="down", unit="tce per 10k CNY")
    a = assess_target(t, obs(("2010", 0.8), ("2012", latest)), as_of=BEFORE)
    assert a.status == status
    if ratio is not None:
        assert a.ratio == pytest.approx(ratio)


def test_target_met_at_baseline_but_lost_since():
    # "over 100" met by the baseline 120, then 90: no growth was required, the value moved away
    a = assess_target(target(">", 100.0), obs(("2010", 120.0), ("2012", 90.0)), as_of=BEFORE)
    assert a.ratio is None
    assert a.status == "deteriorating"


# ---------------------------------------------------------------- deadline passed
def test_deadline_passed_with_deadline_figure_missed():
    a = assess_target(target(value=200.0), obs(("2010", 100.0), ("2020", 180.0)), as_of=AFTER)
    assert a.status == "missed"
    assert a.shortfall_pct == pytest.approx(10.0)  # (200 - 180) / 200
    assert a.deciding.period == "2020"
    assert a.deciding.reason == a.deciding_reason == "the figure for the deadline period (2020)"
    assert "10.0% short" in a.explanation and "180 in 2020" in a.explanation


def test_deadline_passed_without_deadline_figure_awaits():
    data = obs(("2010", 100.0), ("2019", 190.0), ("2022", 230.0))
    a = assess_target(target(value=200.0), data, as_of=AFTER)
    assert a.status == "awaiting_data"
    assert a.deciding is None
    assert a.deciding_reason == "no figure for 2020, the deadline period"
    assert a.latest.period == "2019"  # the latest figure up to the deadline
    assert "190 in 2019" in a.explanation and "230 in 2022" in a.explanation


def test_deadline_day_itself_counts_as_passed():
    data = obs(("2010", 100.0), ("2020", 210.0))
    assert assess_target(target(), data, as_of="2020-12-31").status == "achieved"
    # the 2020 figure does not exist yet in mid-2020: ignored, and the deadline is ahead
    a = assess_target(target(), data, as_of="2020-06-30")
    assert a.status == "insufficient_data" and len(a.observations_used) == 1


def test_december_figure_is_the_year_figure():
    a = assess_target(target(), obs(("2010", 100.0), ("2020-12", 210.0)), as_of=AFTER)
    assert a.status == "achieved"


# ---------------------------------------------------------------- too little data
@pytest.mark.parametrize(
    ("data", "phrase"),
    [
        ([], "no figures"),
        ([("2012", 150.0)], "only one usable figure"),
        ([("2010", 0.0), ("2012", 50.0)], "zero, negative or extreme"),
        ([("2010", -5.0), ("2012", 50.0)], "zero, negative or extreme"),
        ([("2012-01-01", 1e-9), ("2012-01-02", 1.0)], "zero, negative or extreme"),
    ],
)
def test_insufficient_data(data, phrase):
    a = assess_target(target(), obs(*data), as_of=BEFORE)
    assert a.status == "insufficient_data"
    assert phrase in a.explanation


def test_single_point_that_meets_the_target_is_achieved():
    a = assess_target(target(value=200.0), obs(("2012", 250.0)), as_of=BEFORE)
    assert a.status == "achieved" and a.deciding.period == "2012"


def test_single_point_after_deadline_without_deadline_figure():
    a = assess_target(target(), obs(("2012", 150.0)), as_of=AFTER)
    assert a.status == "awaiting_data"


def test_target_without_deadline():
    t = target(deadline=None)
    assert assess_target(t, obs(("2012", 250.0)), as_of=BEFORE).status == "achieved"
    a = assess_target(t, obs(("2010", 100.0), ("2012", 150.0)), as_of=BEFORE)
    assert a.status == "insufficient_data" and "no deadline" in a.explanation


# ---------------------------------------------------------------- baseline choice
def test_baseline_is_latest_at_or_before_publication():
    data = obs(("2008", 80.0), ("2010", 100.0), ("2012", 121.0))
    a = assess_target(target(published="2011-03-01"), data, as_of=BEFORE)
    assert a.baseline.period == "2010"


def test_baseline_is_first_after_publication_when_none_before():
    data = obs(("2012", 121.0), ("2014", 140.0))
    a = assess_target(target(published="2011-03-01"), data, as_of=BEFORE)
    assert a.baseline.period == "2012" and a.latest.period == "2014"


# ---------------------------------------------------------------- growth targets
def test_growth_target_on_track_and_achieved():
    # grow 7% a year from 100 (2015); 2017 = 100 * 1.07^2 -> CAGR_a = 7%, R = 1
    t = target("=", 7.0, growth=True, unit="%", deadline="2020", published="2016-03-01")
    a = assess_target(t, obs(("2015", 100.0), ("2017", 114.49)), as_of="2018-06-01")
    assert a.cagr_required == pytest.approx(0.07)
    assert a.ratio == pytest.approx(1.0)
    assert a.status == "on_track"  # a growth target is never achieved before its deadline
    done = assess_target(t, obs(("2015", 100.0), ("2020", 100 * 1.07**5)), as_of=AFTER)
    assert done.status == "achieved"


def test_growth_target_missed_shortfall_against_required_level():
    t = target("=", 7.0, growth=True, unit="%", deadline="2020", published="2016-03-01")
    a = assess_target(t, obs(("2015", 100.0), ("2020", 130.0)), as_of=AFTER)
    required = 100 * 1.07**5  # 140.255
    assert a.status == "missed"
    assert a.shortfall_pct == pytest.approx((required - 130) / required * 100)  # 7.31%


def test_growth_target_keeps_level_figures_of_any_unit():
    t = target("=", 7.0, growth=True, unit="%", deadline="2020", published="2016-03-01")
    data = [
        ObservationPoint(100.0, "2015", unit="CNY"),
        ObservationPoint(114.49, "2017", unit="CNY"),
    ]
    assert assess_target(t, data, as_of="2018-06-01").status == "on_track"


# ---------------------------------------------------------------- filters
def test_figures_after_as_of_and_of_other_units_are_ignored():
    data = [
        ObservationPoint(100.0, "2010", unit="count"),
        ObservationPoint(5.0, "2012", unit="%"),  # another unit family: dropped
        ObservationPoint(121.0, "2012", unit="count"),
        ObservationPoint(999.0, "2016", unit="count"),  # after as_of: dropped
    ]
    a = assess_target(target(), data, as_of=BEFORE)
    assert [o.value for o in a.observations_used] == [100.0, 121.0]


# ---------------------------------------------------------------- the Guangzhou facts of the issue
GZ = "Guangzhou"
PLAN_2019 = {"published": "2019-09-30", "deadline": "2021", "region": GZ}


def test_guangzhou_rd_intensity_achieved():
    t = TargetSpec("rd", "rd-intensity", comparator="=", value=3.1, unit="%", **PLAN_2019)
    data = [ObservationPoint(2.1, "2015", "http://kjj.gz.gov.cn/a"),
            ObservationPoint(2.87, "2019", "http://kjj.gz.gov.cn/a"),
            ObservationPoint(3.1, "2020", "http://tjj.gz.gov.cn/b"),
            ObservationPoint(3.12, "2021", "https://t-d.tv/c")]  # fmt: skip
    a = assess_target(t, data, as_of="2024-01-01")
    assert a.status == "achieved"
    assert a.deciding.value == 3.12
    assert "3.12% in 2021 (t-d.tv)" in a.explanation and "3.1% by 2021" in a.explanation


def test_guangzhou_technology_contract_turnover_achieved():
    t = TargetSpec(
        "tc", "tech-contract-turnover", comparator=">", value=120e9, unit="CNY", **PLAN_2019
    )
    data = [ObservationPoint(71.938e9, "2018", "https://m.mp.oeeee.com/a"),
            ObservationPoint(225.653e9, "2020", "https://m.mp.oeeee.com/a"),
            ObservationPoint(225.6e9, "2020", "http://kjj.gz.gov.cn/b"),
            ObservationPoint(241.311e9, "2021", "http://zonghe.gtxh.com/c")]  # fmt: skip
    a = assess_target(t, data, as_of="2024-01-01")
    assert a.status == "achieved"
    assert "241.31 billion yuan in 2021" in a.explanation
    assert "over 120 billion yuan by 2021" in a.explanation
    assert [c.period for c in a.conflicts] == ["2020"]
    assert a.conflicts[0].chosen.value == 225.6e9  # the government source


def test_guangzhou_high_tech_enterprises_rounded_and_conflicting_figures():
    t = TargetSpec(
        "ht", "high-tech-enterprises", comparator=">", value=12000, unit="count", **PLAN_2019
    )
    data = [ObservationPoint(10000, "2018", "https://govt.chinadaily.com.cn/a"),
            ObservationPoint(12099, "2019", "https://finding.com.cn/b"),
            ObservationPoint(12000, "2020", "http://kjj.gz.gov.cn/c", comparator="~"),
            ObservationPoint(12300, "2022", "https://fs0757.com/d", comparator=">")]  # fmt: skip
    after = assess_target(t, data, as_of="2024-01-01")
    assert after.status == "awaiting_data"  # no 2021 figure: no guess
    assert "about 12,000 in 2020 (kjj.gz.gov.cn)" in after.explanation
    assert "over 12,300 in 2022 (fs0757.com)" in after.explanation
    assert "no figure for 2021" in after.deciding_reason
    # before the deadline, "about 12,000" cannot say whether "over 12,000" holds
    during = assess_target(t, data, as_of="2021-06-30")
    assert during.status == "insufficient_data"
    assert during.deciding.comparator == "~"
    assert "cannot tell" in during.explanation
    # a 2021 figure stated as "over 12,300" decides it
    decided = assess_target(t, [*data, ObservationPoint(12300, "2021", "x", comparator=">")],
                            as_of="2024-01-01")  # fmt: skip
    assert decided.status == "achieved" and decided.deciding.period == "2021"
    # the deciding figure is a bound, so the explanation shows the figures around it
    assert "other figures being 12,099 in 2019 (finding.com.cn)" in decided.explanation
    assert "about 12,000 in 2020 (kjj.gz.gov.cn), over 12,300 in 2022" in decided.explanation


# ---------------------------------------------------------------- output shapes
def test_assessment_row_and_dict():
    a = assess_target(target(value=200.0), obs(("2010", 100.0), ("2012", 121.0)), as_of=BEFORE)
    row = a.to_row()
    assert (
        row["target_id"] == "t"
        and row["baseline_value"] == 100.0
        and row["latest_period"] == "2012"
    )
    assert row["status"] in STATUSES
    assert isinstance(row["details"], str)
    assert a.to_dict()["forecast"]["points"] == 2
    assert isinstance(a, Assessment)


def test_assess_all_looks_up_by_indicator_and_region():
    t1, t2 = target(id="a"), target(id="b", region="Shenzhen")
    data = {("x", "Guangzhou"): obs(("2010", 100.0), ("2020", 250.0))}
    out = assess_all([t1, t2], data, AFTER)
    assert [(a.target_id, a.status) for a in out] == [("a", "achieved"), ("b", "insufficient_data")]


def test_explanations_are_one_sentence():
    cases = [
        assess_target(target(value=200.0), obs(("2010", 100.0), ("2012", 250.0)), as_of=BEFORE),
        assess_target(target(value=200.0), obs(("2010", 100.0), ("2020", 150.0)), as_of=AFTER),
        assess_target(target(value=200.0), obs(("2010", 100.0)), as_of=AFTER),
    ]
    for a in cases:
        assert a.explanation.endswith(".") and a.explanation.count(". ") == 0
        assert not math.isnan(a.shortfall_pct or 0.0)


def test_unreadable_periods_do_not_stop_the_batch():
    data = [*obs(("2010", 100.0), ("2012", 121.0)), ObservationPoint(5.0, "2016-2020", "s")]
    a = assess_target(target(value=200.0), data, as_of=BEFORE)
    assert a.status == "on_track" and len(a.observations_used) == 2
    bad = assess_target(target(deadline="the 14th five-year period"), data, as_of=BEFORE)
    assert bad.status == "insufficient_data" and "is not a date" in bad.explanation
    odd = assess_target(target(published="soon", value=200.0), data, as_of=BEFORE)
    assert odd.baseline.period == "2010"  # no publication date: the first figure
