"""Score extracted items against hand annotations.

An expected item matches a predicted one on kind, unit and value within
0.5% (and, when the annotation gives ``near`` phrases, the predicted item's
sentence must contain them all, so equal values in different sentences are
told apart). Matching is one-to-one, greedy in document order. On matched
pairs the date's year (when the annotation gives a date), the comparator,
``value_max`` and growth (when annotated) and the region (when annotated) are
checked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from goalpost._models import Item


def same_value(a: float, b: float) -> bool:
    """Equal within 0.5% of the larger magnitude.

    >>> same_value(120e9, 120.4e9), same_value(3.1, 3.2)
    (True, False)
    """
    return a == b or abs(a - b) <= 0.005 * max(abs(a), abs(b))


@dataclass
class Score:
    """Counts and per-field agreement; ``misses``/``extras`` say what went wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    date_ok: int = 0
    date_n: int = 0
    cmp_ok: int = 0
    growth_ok: int = 0
    growth_n: int = 0
    region_ok: int = 0
    region_n: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def date_accuracy(self) -> float:
        return self.date_ok / self.date_n if self.date_n else 1.0

    @property
    def comparator_accuracy(self) -> float:
        return self.cmp_ok / self.tp if self.tp else 1.0

    def add(self, other: Score) -> None:
        for name in ("tp", "fp", "fn", "date_ok", "date_n", "cmp_ok", "growth_ok", "growth_n"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.region_ok += other.region_ok
        self.region_n += other.region_n
        self.misses += other.misses
        self.extras += other.extras
        self.wrong += other.wrong

    def summary(self) -> str:
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn}) date={self.date_accuracy:.3f} "
            f"({self.date_ok}/{self.date_n}) comparator={self.comparator_accuracy:.3f} "
            f"region={self.region_ok}/{self.region_n} growth={self.growth_ok}/{self.growth_n}"
        )


def _matches(exp: dict[str, Any], it: Item) -> bool:
    if (
        exp["kind"] != it.kind
        or exp["unit"] != it.unit
        or not same_value(float(exp["value"]), it.value)
    ):
        return False
    sentence = it.sentence.lower()
    return all(n.lower() in sentence for n in exp.get("near") or [])


def score_items(expected: list[dict[str, Any]], predicted: list[Item], where: str = "") -> Score:
    """Match ``expected`` annotations to ``predicted`` items and count.

    >>> from goalpost._models import Item
    >>> it = Item(doc="d", kind="target", indicator="labs", comparator=">", value=60.0,
    ...           unit="count", start=0, end=7, sentence="over 60 labs by 2025", date="2025")
    >>> s = score_items([{"kind": "target", "value": 60, "unit": "count", "comparator": ">",
    ...                   "date": "2025", "near": ["labs"]}], [it])
    >>> (s.tp, s.fp, s.fn, s.date_ok, s.cmp_ok)
    (1, 0, 0, 1, 1)
    """
    sc = Score()
    used: set[int] = set()
    for exp in expected:
        hit = next(
            (i for i, it in enumerate(predicted) if i not in used and _matches(exp, it)),
            None,
        )
        label = f"{where} {exp['kind']} {exp['value']:g} {exp['unit']} {exp.get('near')}"
        if hit is None:
            sc.fn += 1
            sc.misses.append(label)
            continue
        used.add(hit)
        it = predicted[hit]
        sc.tp += 1
        if exp.get("date"):
            sc.date_n += 1
            if it.date and it.date[:4] == str(exp["date"])[:4]:
                sc.date_ok += 1
            else:
                sc.wrong.append(f"{label}: date {it.date} != {exp['date']}")
        if it.comparator == exp.get("comparator", "=") and (
            exp.get("value_max") is None
            or (it.value_max is not None and same_value(it.value_max, exp["value_max"]))
        ):
            sc.cmp_ok += 1
        else:
            sc.wrong.append(
                f"{label}: comparator {it.comparator} {it.value_max} != {exp.get('comparator')}"
            )
        if "growth" in exp:
            sc.growth_n += 1
            sc.growth_ok += int(bool(exp["growth"]) == it.growth)
        if exp.get("region"):
            sc.region_n += 1
            if it.region == exp["region"]:
                sc.region_ok += 1
            else:
                sc.wrong.append(f"{label}: region {it.region} != {exp['region']}")
    for i, it in enumerate(predicted):
        if i not in used:
            sc.fp += 1
            sc.extras.append(f"{where} {it.kind} {it.value:g} {it.unit} | {it.sentence[:90]!r}")
    return sc
