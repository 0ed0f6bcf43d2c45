"""The main job's second half: targets and observations from the store -> assessments.

Gathers each target's observations (same indicator, same region, a
compatible unit), calls the pure functions of :mod:`goalpost.assess`, and
stores the results with how each was computed.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from typing import Any

from goalpost._linking import unit_family
from goalpost.store._quick import revision_labels


def _source_of(row: dict[str, Any]) -> str:
    if row.get("origin") == "imported":
        return row.get("source") or row.get("import_file") or "imported"
    return row.get("doc_title") or row.get("doc_source") or row.get("document_id") or "document"


def compatible(target: dict[str, Any], obs: dict[str, Any]) -> bool:
    """Whether an observation belongs to a target's series.

    Growth targets are assessed on the level series; share and level targets
    on observations in the same unit family (a % never counts toward a count).
    """
    if obs.get("growth"):
        return bool(target.get("growth")) and unit_family(obs["unit"]) == unit_family(
            target["unit"]
        )
    if target.get("growth"):
        return True
    if unit_family(target["unit"]) == "currency":
        return obs["unit"] == target["unit"]
    return unit_family(obs["unit"]) == unit_family(target["unit"])


def group_observations(observations: list[dict[str, Any]]) -> dict[tuple, list[dict]]:
    """Linked observations keyed by (indicator_id, region): the series a target is judged on."""
    obs_by_key: dict[tuple, list[dict]] = defaultdict(list)
    for o in observations:
        if o.get("indicator_id"):
            obs_by_key[(o["indicator_id"], o.get("region"))].append(o)
    return obs_by_key


def gather(
    store: Any, **filters: Any
) -> tuple[list[dict], dict[tuple, list[dict]], dict[str, dict]]:
    """Targets (filtered), observations keyed by (indicator_id, region), indicators by id."""
    targets = store.items(kind="target", **filters)
    obs_by_key = group_observations(store.items(kind="observation"))
    indicators = {i["id"]: i for i in store.indicators()}
    return targets, obs_by_key, indicators


def _target_spec(t: dict[str, Any], indicators: dict[str, dict]) -> Any:
    from goalpost.assess import TargetSpec

    ind = indicators.get(t.get("indicator_id") or "", {})
    return TargetSpec(
        id=t["id"], indicator=t.get("indicator_id") or t["indicator_text"], region=t.get("region"),
        comparator=t["comparator"], value=t["value"], value_max=t.get("value_max"), unit=t["unit"],
        deadline=t.get("date"), published=t.get("doc_date"), direction=ind.get("direction") or "up",
        growth=bool(t.get("growth")), doc_id=t.get("document_id"), plan=t.get("doc_title"),
        section=t.get("section"),
    )  # fmt: skip


def _points(obs: list[dict[str, Any]]) -> list[Any]:
    from goalpost.assess import ObservationPoint

    return [
        ObservationPoint(
            value=o["value"],
            period=o["date"],
            source=_source_of(o),
            doc_id=o.get("document_id"),
            comparator=o.get("comparator") or "=",
            id=o["id"],
            value_max=o.get("value_max"),
            unit=o.get("unit"),
            published=o.get("doc_date"),
        )  # fmt: skip
        for o in obs
        if o.get("date")
    ]


def assess_store(
    store: Any, *, as_of: str | date | None = None, indicators: set[str] | None = None
) -> int:
    """Assess every target and detect revisions; replaces stored results. Returns targets assessed.

    With ``indicators``, only the targets of those indicators are re-assessed
    (what one review or merge can change), which keeps writes fast on a big database.

    >>> # assess_store(Store(), as_of="2024-06-30")
    """
    from goalpost.assess import RevisionInput, assess_target, detect_revisions

    as_of = as_of or date.today().isoformat()
    targets, obs_by_key, catalog = gather(store)
    if indicators is not None:
        targets = [t for t in targets if t.get("indicator_id") in indicators]
    rows, inputs = [], []
    for t in targets:
        spec = _target_spec(t, catalog)
        obs = [
            o
            for o in obs_by_key.get((t.get("indicator_id"), t.get("region")), [])
            if compatible(t, o)
        ]
        rows.append(assess_target(spec, _points(obs), as_of=as_of).to_row())
        if t.get("origin") == "extracted":
            inputs.append(
                RevisionInput(spec, t.get("document_id"), t.get("doc_title"), t.get("doc_date"))
            )
    store.save_assessments(
        rows, [r.to_row() for r in detect_revisions(inputs)], indicators=indicators
    )
    return len(rows)


def scoreboard(
    store: Any, *, limit: int | None = None, offset: int = 0, **filters: Any
) -> list[dict[str, Any]]:
    """Targets joined with their assessments, ordered by plan then position in the plan.

    Each row has the item fields plus ``assessment`` (a dict, or None before
    ``assess``) and ``revisions`` (kinds this target takes part in).
    ``limit``/``offset`` take one page, sorted and cut in the database, so a
    page costs the same on 100 targets or 100,000.
    """
    filters = {k: v for k, v in filters.items() if v}
    if limit is not None:
        # why: the same two-step SQL page as the API (narrow sort keys from an index first,
        # then the 50 full rows), so `status --limit` and /api/status cost the same
        from goalpost.store._queries import Filters, attach_assessments, list_items

        rows, _ = list_items(store, "target", Filters(**filters), limit=limit, offset=offset,
                             with_total=False)  # fmt: skip
        attach_assessments(store, rows)
        return rows
    targets = store.items(kind="target", order="plan", **filters)
    # why: every target -> one pass over each table; filtered -> only the targets' rows
    ids = [t["id"] for t in targets] if filters else None
    assessments = store.assessments(ids)
    revs = revision_labels((r["older_id"], r["newer_id"], r["kind"]) for r in store.revisions(ids))
    for t in targets:
        t["assessment"] = assessments.get(t["id"])
        t["revisions"] = revs.get(t["id"], [])
    return targets


def status_record(t: dict[str, Any]) -> dict[str, Any]:
    """One scoreboard row (a target with its ``assessment``) as a ``goalpost status`` JSON record."""
    a = t.get("assessment") or {}
    return {
        "id": t["id"], "region": t.get("region"), "indicator": t.get("indicator_id"),
        "indicator_text": t["indicator_text"], "comparator": t["comparator"], "value": t["value"],
        "value_max": t.get("value_max"), "unit": t["unit"], "deadline": t.get("date"),
        "growth": bool(t.get("growth")), "plan": t.get("doc_title"), "document": t.get("document_id"),
        "section": t.get("section"),
        "baseline": {"value": a.get("baseline_value"), "period": a.get("baseline_period"),
                     "source": a.get("baseline_source")},
        "latest": {"value": a.get("latest_value"), "period": a.get("latest_period"),
                   "source": a.get("latest_source")},
        "ratio": a.get("ratio"), "progress": a.get("progress"), "status": a.get("status") or "not_assessed",
        "forecast": {"value": a.get("forecast_value"), "low": a.get("forecast_low"),
                     "high": a.get("forecast_high"), "probability": a.get("forecast_probability")},
        "method": a.get("method"), "explanation": a.get("explanation"),
        "details": json.loads(a["details"]) if a.get("details") else None,
        "revisions": t.get("revisions") or [], "review_status": t.get("review_status"),
        "evidence": {"start": t.get("start"), "end": t.get("end"), "sentence": t.get("sentence")},
    }  # fmt: skip


def status_records(store: Any, **filters: Any) -> list[dict[str, Any]]:
    """The JSON form of ``goalpost status``: one record per target."""
    return [status_record(t) for t in scoreboard(store, **filters)]


def revision_records(store: Any) -> list[dict[str, Any]]:
    """Revisions with the two targets described, for listings."""
    items = {i["id"]: i for i in store.items(kind="target", include_rejected=True)}

    def describe(item_id: str | None) -> str:
        i = items.get(item_id or "")
        if not i:
            return ""
        return f"{i['comparator']} {i['value']:g} {i['unit']} by {i.get('date') or '?'} ({i.get('doc_title') or ''})"

    return [
        {
            "kind": r["kind"],
            "region": r["region"],
            "indicator_id": r["indicator_id"],
            "older": describe(r["older_id"]),
            "newer": describe(r["newer_id"]),
            "detail": r["detail"],
            "older_id": r["older_id"],
            "newer_id": r["newer_id"],
        }  # fmt: skip
        for r in store.revisions()
    ]
