"""The plain data of assessment: targets and observations in, assessments out."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = [
    "STATUSES",
    "Assessment",
    "Conflict",
    "Deciding",
    "Forecast",
    "ObservationPoint",
    "Projection",
    "TargetSpec",
]

#: Every status :func:`assess_target` can give.
STATUSES: tuple[str, ...] = (
    "achieved",
    "on_track",
    "needs_acceleration",
    "limited_progress",
    "deteriorating",
    "insufficient_data",
    "missed",
    "awaiting_data",
)


@dataclass
class TargetSpec:
    """One quantified target of a plan.

    ``comparator`` is one of ``> >= = <= < ~ range`` (a range runs from
    ``value`` to ``value_max``); ``deadline`` and ``published`` are
    ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``direction`` is ``up`` (higher
    is better) or ``down``. ``growth=True`` means ``value`` is an annual
    growth rate in percent of the indicator's level ("grow 7% a year").
    ``tolerance`` is the relative half-width a ``~`` target allows (0.05 =
    within 5%). ``doc_id``, ``plan`` and ``section`` say where it was set.

    >>> TargetSpec("t1", "rd-intensity", "Guangzhou", ">=", 3.1, unit="%",
    ...            deadline="2021", published="2019-09-30").growth
    False
    """

    id: str
    indicator: str
    region: str | None
    comparator: str
    value: float
    value_max: float | None = None
    unit: str = ""
    deadline: str | None = None
    published: str | None = None
    direction: str = "up"
    growth: bool = False
    tolerance: float | None = None
    doc_id: str | None = None
    plan: str | None = None
    section: str | None = None


@dataclass
class ObservationPoint:
    """One published figure of an indicator for a region.

    ``period`` is what the figure refers to (``YYYY`` for a year-end stock or
    a year's flow, ``YYYY-MM``, ``YYYY-MM-DD``); ``comparator`` records how
    it was stated: ``=`` exact, ``>`` "over N", ``~`` "about N".
    ``published`` (when known) breaks ties between conflicting figures.

    >>> ObservationPoint(12300, "2022", "fs0757.com", comparator=">").comparator
    '>'
    """

    value: float
    period: str
    source: str | None = None
    doc_id: str | None = None
    comparator: str = "="
    id: str | None = None
    value_max: float | None = None
    unit: str | None = None
    published: str | None = None


@dataclass
class Deciding(ObservationPoint):
    """The observation that decided a status, with the reason it was that one."""

    reason: str = ""


@dataclass
class Conflict:
    """Several figures for one period, and which one was used and why."""

    period: str
    chosen: ObservationPoint
    others: list[ObservationPoint]
    reason: str


@dataclass
class Projection:
    """The latest value carried to the deadline at the actual growth rate (UNSD)."""

    value: float
    share_of_required: float | None  # share of the required change it would cover


@dataclass
class Forecast:
    """Random walk with drift at the deadline: value, interval, chance of meeting the target.

    ``low``/``high`` bound a ``level`` (0.8 = 80%) predictive interval; all
    numeric fields are None when there are too few points, and ``note`` says so.
    """

    value: float | None = None
    low: float | None = None
    high: float | None = None
    probability: float | None = None
    level: float = 0.8
    points: int = 0
    note: str = ""


@dataclass
class Assessment:
    """The verdict on one target, with everything used to reach it.

    ``deciding`` is the observation that decided the status and
    ``deciding_reason`` says why it was that one; ``conflicts`` lists every
    period with more than one figure. ``observations_used`` is the figure
    used per period, in time order.
    """

    target_id: str
    status: str
    method: str
    explanation: str
    baseline: ObservationPoint | None = None
    latest: ObservationPoint | None = None
    deciding: Deciding | None = None
    deciding_reason: str = ""
    ratio: float | None = None
    cagr_actual: float | None = None
    cagr_required: float | None = None
    progress: float | None = None
    projection: Projection | None = None
    forecast: Forecast = field(default_factory=Forecast)
    shortfall_pct: float | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    observations_used: list[ObservationPoint] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: dataclasses become dicts, inf and nan become None."""
        return _clean(asdict(self))

    def to_row(self) -> dict[str, Any]:
        """The flat row of the store's ``assessments`` table (details as JSON text)."""
        b, la, f = self.baseline, self.latest, self.forecast
        details = {
            "deciding": asdict(self.deciding) if self.deciding else None,
            "deciding_reason": self.deciding_reason,
            "conflicts": [asdict(c) for c in self.conflicts],
            "observations_used": [asdict(o) for o in self.observations_used],
            "projection": asdict(self.projection) if self.projection else None,
            "forecast_note": f.note,
            "forecast_level": f.level,
        }
        return _clean(
            {
                "target_id": self.target_id,
                "status": self.status,
                "method": self.method,
                "ratio": self.ratio,
                "progress": self.progress,
                "cagr_actual": self.cagr_actual,
                "cagr_required": self.cagr_required,
                "shortfall_pct": self.shortfall_pct,
                "baseline_value": b.value if b else None,
                "baseline_period": b.period if b else None,
                "baseline_source": b.source if b else None,
                "latest_value": la.value if la else None,
                "latest_period": la.period if la else None,
                "latest_source": la.source if la else None,
                "forecast_value": f.value,
                "forecast_low": f.low,
                "forecast_high": f.high,
                "forecast_probability": f.probability,
                "explanation": self.explanation,
                "details": json.dumps(_clean(details), ensure_ascii=False, allow_nan=False),
            }
        )


def _clean(x: Any) -> Any:
    """Non-finite floats (a runaway projection) as None, so the JSON stays strict."""
    if isinstance(x, float):
        return x if math.isfinite(x) else None
    if isinstance(x, dict):
        return {k: _clean(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [_clean(v) for v in x]
    return x
