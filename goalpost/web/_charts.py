"""Chart data for the target and indicator pages (drawn by Chart.js in ``static/charts.js``).

Time runs along a numeric axis in years, so no date adapter is needed:
``2017`` is 2017.0 and ``2017-07`` is 2017.5.

>>> decimal_year("2017-07"), decimal_year("2021"), decimal_year("bad")
(2017.5, 2021.0, None)
"""

from __future__ import annotations

import re
from typing import Any

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def decimal_year(period: str | None) -> float | None:
    """A ``YYYY[-MM[-DD]]`` period as a fractional year, or None."""
    m = _PERIOD.match(period or "")
    if not m:
        return None
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    if not 1 <= month <= 12:
        return float(year)
    return round(year + (month - 1) / 12 + (min(day, 31) - 1) / 365, 3)


def _point(period: str | None, value: float | None, **extra: Any) -> dict[str, Any] | None:
    x = decimal_year(period)
    if x is None or value is None:
        return None
    return {"x": x, "y": value, "period": period, **extra}


def target_chart(item: dict[str, Any], assessment: dict[str, Any] | None,
                 observations: list[dict[str, Any]]) -> dict[str, Any]:  # fmt: skip
    """Series for one target: observations, baseline, target at deadline, trajectory, forecast band."""
    a = assessment or {}
    obs = [
        p
        for o in observations
        if (
            p := _point(
                o.get("date"),
                o.get("value"),
                source=o.get("doc_title") or o.get("source") or "",
                id=o["id"],
            )
        )
    ]
    obs.sort(key=lambda p: p["x"])
    baseline = _point(a.get("baseline_period"), a.get("baseline_value"))
    growth = bool(item.get("growth"))
    # why: a growth target's value is a rate, not a level; it cannot share the level axis
    target = None if growth else _point(item.get("date"), item.get("value"))
    trajectory = [baseline, target] if baseline and target and baseline["x"] < target["x"] else []
    latest = _point(a.get("latest_period"), a.get("latest_value"))
    forecast = None
    deadline_x = decimal_year(item.get("date"))
    if a.get("forecast_value") is not None and deadline_x is not None and not growth:
        start = latest or (obs[-1] if obs else None)
        forecast = {
            "x": deadline_x,
            "value": a.get("forecast_value"),
            "low": a.get("forecast_low")
            if a.get("forecast_low") is not None
            else a.get("forecast_value"),
            "high": a.get("forecast_high")
            if a.get("forecast_high") is not None
            else a.get("forecast_value"),
            "from": {"x": start["x"], "y": start["y"]} if start else None,
        }
    return {
        "unit": item.get("unit"),
        "growth": growth,
        "observations": obs,
        "baseline": baseline,
        "target": target,
        "target_max": item.get("value_max"),
        "trajectory": trajectory,
        "forecast": forecast,
    }


def indicator_chart(
    targets: list[dict[str, Any]], observations: list[dict[str, Any]]
) -> dict[str, Any]:
    """Series per region for one indicator: observation lines and target points."""
    regions: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for o in observations:
        p = _point(
            o.get("date"),
            o.get("value"),
            source=o.get("doc_title") or o.get("source") or "",
            unit=o.get("unit"),
        )
        if p:
            regions.setdefault(o.get("region") or "–", {"observations": [], "targets": []})[
                "observations"
            ].append(p)
    for tg in targets:
        if tg.get("growth"):
            continue
        p = _point(
            tg.get("date"),
            tg.get("value"),
            source=tg.get("doc_title") or "",
            unit=tg.get("unit"),
            id=tg["id"],
        )
        if p:
            regions.setdefault(tg.get("region") or "–", {"observations": [], "targets": []})[
                "targets"
            ].append(p)
    for r in regions.values():
        r["observations"].sort(key=lambda p: p["x"])
        r["targets"].sort(key=lambda p: p["x"])
    return {"regions": [{"name": k, **v} for k, v in sorted(regions.items())]}
