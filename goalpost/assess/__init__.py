"""Progress, status, forecasts and revisions of plan targets: pure functions over plain data.

>>> from goalpost.assess import TargetSpec, ObservationPoint, assess_target
>>> t = TargetSpec("t1", "tech-contract-turnover", "Guangzhou", ">", 120e9, unit="CNY",
...                deadline="2021", published="2019-09-30")
>>> a = assess_target(t, [ObservationPoint(71.938e9, "2018"), ObservationPoint(241.311e9, "2021")],
...                   as_of="2024-01-01")
>>> a.status
'achieved'

The formulas and thresholds are in ``METHOD.md`` next to this file.
"""

from goalpost.assess._assess import METHODS, THRESHOLDS, assess_all, assess_target, classify_ratio
from goalpost.assess._forecast import forecast_at
from goalpost.assess._observations import build_series, choose_observation, meets
from goalpost.assess._periods import period_end
from goalpost.assess._revisions import REVISION_KINDS, Revision, RevisionInput, detect_revisions
from goalpost.assess._types import (
    STATUSES,
    Assessment,
    Conflict,
    Deciding,
    Forecast,
    ObservationPoint,
    Projection,
    TargetSpec,
)

__all__ = [
    "METHODS",
    "REVISION_KINDS",
    "STATUSES",
    "THRESHOLDS",
    "Assessment",
    "Conflict",
    "Deciding",
    "Forecast",
    "ObservationPoint",
    "Projection",
    "Revision",
    "RevisionInput",
    "TargetSpec",
    "assess_all",
    "assess_target",
    "build_series",
    "choose_observation",
    "classify_ratio",
    "detect_revisions",
    "forecast_at",
    "meets",
    "period_end",
]
