"""Revisions between plans: targets for one indicator and region, compared in publication order.

For each (region, indicator, growth-or-level) key, documents are put in
publication order. Each target of an older document is compared with the
target of the *next* document that has one for the key (the one with the
nearest deadline; the later deadline on a tie):

- ``raised`` / ``lowered``: the newer value is more / less ambitious in the
  indicator's direction (a higher value when higher is better, a lower one
  when lower is better); ``reaffirmed``: same value and same deadline;
- ``deadline_moved``: the deadlines differ (reported alongside the above);
- ``superseded``: the newer plan came out before the older deadline had
  passed, so it replaces the older target (the older target is the one
  superseded).

Targets in the same document are milestones of one plan, never revisions.
A target without a readable publication date sorts before every dated one.

``dropped`` is deliberately conservative: only between two editions of the
*same plan series* (titles equal once years, numbers, brackets and
edition words are removed), both of which have targets, for the same
region: an indicator with a target in the older edition and none in the
newer is reported as dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from goalpost.assess._format import fmt_value
from goalpost.assess._periods import period_label, try_period_end
from goalpost.assess._types import TargetSpec

__all__ = ["REVISION_KINDS", "Revision", "RevisionInput", "detect_revisions", "plan_series"]

REVISION_KINDS = ("raised", "lowered", "reaffirmed", "deadline_moved", "superseded", "dropped")


@dataclass
class Revision:
    """One change between an older and a newer target (``newer_id`` None when dropped)."""

    kind: str
    indicator: str
    region: str | None
    older_id: str
    newer_id: str | None
    older_doc: str | None
    newer_doc: str | None
    detail: str

    def to_row(self) -> dict[str, str | None]:
        """The store's ``revisions`` row."""
        return {
            "indicator_id": self.indicator,
            "region": self.region,
            "older_id": self.older_id,
            "newer_id": self.newer_id,
            "kind": self.kind,
            "detail": self.detail,
        }


@dataclass
class RevisionInput:
    """A target with the document it comes from (fields given here override the target's).

    >>> RevisionInput(TargetSpec("t", "gdp", "Guangzhou", ">", 1.0), "d1", "Plan", "2019-09-30").doc_id
    'd1'
    """

    target: TargetSpec
    doc_id: str | None = None
    plan_title: str | None = None
    published: str | None = None

    def spec(self) -> TargetSpec:
        """The target with the document fields filled in."""
        t = self.target
        return replace(
            t,
            doc_id=self.doc_id or t.doc_id,
            plan=self.plan_title or t.plan,
            published=self.published or t.published,
        )


def plan_series(title: str | None) -> str | None:
    """A plan title without years, numbers, brackets and edition words.

    >>> plan_series("Three-year Action Plan of Guangzhou for S&T Innovation (2019-2021)")
    'three year action plan of guangzhou for s t innovation'
    >>> plan_series("Guangzhou 14th Five-Year Plan") == plan_series("Guangzhou 13th Five-Year Plan")
    True
    """
    if not title:
        return None
    text = title.lower()
    text = re.sub(r"[(（\[【].*?[)）\]】]", " ", text)
    text = re.sub(r"\b\d+(st|nd|rd|th)?\b|\b(first|second|third|new|revised|edition)\b", " ", text)
    text = re.sub(r"第?[一二三四五六七八九十\d]+个?|\d+", "", text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split()) or None


def _doc(t: TargetSpec) -> str:
    return t.doc_id or t.plan or f"?{t.id}"


def _pub(t: TargetSpec) -> float:
    t_pub = try_period_end(t.published)
    return float("-inf") if t_pub is None else t_pub


def _describe(t: TargetSpec) -> str:
    value = f"{t.value:g}% a year" if t.growth else fmt_value(t.value, t.unit)
    by = f" by {period_label(t.deadline)}" if t.deadline else ""
    where = f" ({t.plan}, {t.published})" if t.plan else f" ({t.published})" if t.published else ""
    return f"{value}{by}{where}"


def detect_revisions(targets: Iterable[TargetSpec | RevisionInput]) -> list[Revision]:
    """Revisions between documents, oldest first.

    Each target needs its document: ``TargetSpec.doc_id``, ``plan`` and
    ``published``, or a :class:`RevisionInput` wrapping it.

    >>> old = TargetSpec("a", "sei-value-added", "Guangzhou", "=", 400e9, unit="CNY", deadline="2020",
    ...                  published="2018-09-14", doc_id="d1")
    >>> new = TargetSpec("b", "sei-value-added", "Guangzhou", "=", 450e9, unit="CNY", deadline="2021",
    ...                  published="2019-09-30", doc_id="d2")
    >>> [r.kind for r in detect_revisions([old, new])]
    ['raised', 'deadline_moved', 'superseded']
    """
    targets = [x.spec() if isinstance(x, RevisionInput) else x for x in targets]
    out: list[Revision] = []
    groups: dict[tuple, list[TargetSpec]] = {}
    for t in targets:
        groups.setdefault((t.region, t.indicator, t.growth), []).append(t)
    for (region, indicator, _), group in sorted(groups.items(), key=lambda kv: str(kv[0])):
        docs: dict[str, list[TargetSpec]] = {}
        for t in sorted(group, key=lambda t: (_pub(t), t.id)):
            docs.setdefault(_doc(t), []).append(t)
        order = list(docs)
        for k in range(len(order) - 1):
            newer_targets = docs[order[k + 1]]
            for old in docs[order[k]]:
                new = _counterpart(old, newer_targets)
                out.extend(_compare(old, new, region, indicator))
    out.extend(_dropped(targets))
    return out


def _counterpart(old: TargetSpec, candidates: list[TargetSpec]) -> TargetSpec:
    t_old = try_period_end(old.deadline)
    if t_old is None:
        return candidates[-1]

    def key(t: TargetSpec) -> tuple[float, float]:
        d = try_period_end(t.deadline)
        d = float("inf") if d is None else d
        return (abs(d - t_old), -d)

    return min(candidates, key=key)


def _compare(
    old: TargetSpec, new: TargetSpec, region: str | None, indicator: str
) -> list[Revision]:
    def rev(kind: str, detail: str) -> Revision:
        return Revision(kind, indicator, region, old.id, new.id, _doc(old), _doc(new), detail)

    out: list[Revision] = []
    change = f"from {_describe(old)} to {_describe(new)}"
    up = new.direction != "down"
    same_deadline = (old.deadline or "") == (new.deadline or "")
    if new.value != old.value:
        more = new.value > old.value if up else new.value < old.value
        out.append(rev("raised" if more else "lowered", change))
    elif same_deadline:
        out.append(rev("reaffirmed", f"{_describe(new)} restates {_describe(old)}"))
    if not same_deadline:
        out.append(rev("deadline_moved", change))
    t_old, t_new_pub = try_period_end(old.deadline), try_period_end(new.published)
    if t_old is not None and t_new_pub is not None and t_new_pub < t_old:
        out.append(
            rev("superseded", f"{_describe(old)} replaced before its deadline by {_describe(new)}")
        )
    return out


def _dropped(targets: list[TargetSpec]) -> list[Revision]:
    editions: dict[tuple[str, str | None], dict[str, list[TargetSpec]]] = {}
    for t in sorted(targets, key=lambda t: (_pub(t), t.id)):
        series = plan_series(t.plan)
        if series:
            editions.setdefault((series, t.region), {}).setdefault(_doc(t), []).append(t)
    out: list[Revision] = []
    for (_, region), docs in editions.items():
        order = list(docs)
        for k in range(len(order) - 1):
            old_doc, new_doc = docs[order[k]], docs[order[k + 1]]
            kept = {(t.indicator, t.growth) for t in new_doc}
            seen: set[tuple[str, bool]] = set()
            for t in old_doc:
                key = (t.indicator, t.growth)
                if key in kept or key in seen:
                    continue
                seen.add(key)
                newer = new_doc[0]
                detail = (
                    f"{_describe(t)} has no counterpart in the newer edition "
                    f"({newer.plan}, {newer.published})"
                )
                out.append(
                    Revision(
                        "dropped", t.indicator, region, t.id, None, order[k], order[k + 1], detail
                    )
                )
    return out
