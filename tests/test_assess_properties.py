"""Properties of the assessment that hold for any input (hypothesis)."""

from __future__ import annotations

import json
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from goalpost.assess import STATUSES, ObservationPoint, TargetSpec, assess_target, classify_ratio

values = st.floats(min_value=-1e6, max_value=1e9, allow_nan=False, allow_infinity=False)
years = st.integers(min_value=2000, max_value=2030)
periods = st.one_of(
    years.map(str),
    st.tuples(years, st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.tuples(years, st.integers(1, 12), st.integers(1, 28)).map(
        lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"
    ),
    st.just("2016-2020"),  # unreadable: skipped
)
comparators = st.sampled_from([">", ">=", "=", "<=", "<", "~", "range"])


@settings(max_examples=200, deadline=None)
@given(
    points=st.lists(st.tuples(periods, values, st.sampled_from(["=", ">", "~"])), max_size=8),
    comparator=comparators,
    value=values,
    deadline=years,
    published=years,
    as_of=years,
    direction=st.sampled_from(["up", "down"]),
    growth=st.booleans(),
)
def test_any_input_gives_a_status_and_one_sentence(
    points, comparator, value, deadline, published, as_of, direction, growth
):
    t = TargetSpec("t", "x", "R", comparator, value, value_max=value * 1.1 + 1, unit="count",
                   deadline=str(deadline), published=str(published), direction=direction,
                   growth=growth)  # fmt: skip
    obs = [ObservationPoint(v, p, f"s{i}", comparator=c) for i, (p, v, c) in enumerate(points)]
    a = assess_target(t, obs, as_of=f"{as_of}-06-30")
    assert a.status in STATUSES
    assert a.explanation.endswith(".") and a.explanation[0].isupper()
    if a.status in ("achieved", "missed"):
        assert a.deciding is not None or not t.deadline
    if a.status == "missed":
        assert a.shortfall_pct is not None and a.shortfall_pct >= 0
    if a.ratio is not None:
        assert not math.isnan(a.ratio)
    json.dumps(a.to_dict(), allow_nan=False)  # strict JSON, whatever the numbers
    json.loads(a.to_row()["details"])
    f = a.forecast
    if f.low is not None:
        assert f.low <= f.value <= f.high
        assert 0.0 <= f.probability <= 1.0 + 1e-9


@given(st.floats(min_value=-10, max_value=10), st.floats(min_value=-10, max_value=10))
def test_classify_ratio_is_monotone(r1, r2):
    order = {
        s: i
        for i, s in enumerate(
            ["on_track", "needs_acceleration", "limited_progress", "deteriorating"]
        )
    }
    lo, hi = sorted((r1, r2))
    assert order[classify_ratio(hi)] <= order[classify_ratio(lo)]
