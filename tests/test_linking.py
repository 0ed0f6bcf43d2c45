"""Indicator linking measured on a hand-labelled set, with precision and recall floors.

``tests/data/linking/labelled.csv`` holds (phrase, region, unit, lang ->
expected indicator id) rows in English and Chinese; an empty ``expected``
means the phrase must NOT link (unit mismatch, or not in the catalog).
A link counts as a true positive only when it names the expected indicator;
a wrong indicator is both a false positive and a false negative.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from goalpost.indicators import Catalog

HERE = Path(__file__).parent
LABELLED = HERE / "data" / "linking" / "labelled.csv"
OBSERVATIONS = Path("/work/shared/data/guangzhou_observations.csv")

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.90


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load()


def _rows() -> list[dict[str, str]]:
    with LABELLED.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_labelled_set_is_big_and_mixed():
    rows = _rows()
    assert len(rows) >= 120
    assert {r["lang"] for r in rows} == {"en", "zh"}
    assert sum(1 for r in rows if not r["expected"]) >= 20  # negatives


def test_labelled_ids_exist(catalog):
    unknown = {r["expected"] for r in _rows() if r["expected"] and r["expected"] not in catalog}
    assert not unknown


def test_linking_precision_and_recall(catalog, capsys):
    tp = fp = fn = 0
    errors = []
    for r in _rows():
        link = catalog.link(r["phrase"], unit=r["unit"] or None, lang=r["lang"])
        got, want = (link.indicator_id if link else ""), r["expected"]
        if got and got == want:
            tp += 1
        elif got:
            fp += 1
            fn += bool(want)
            errors.append(f"{r['phrase']!r} [{r['unit']}] -> {got}, expected {want or 'nothing'}")
        elif want:
            fn += 1
            errors.append(f"{r['phrase']!r} [{r['unit']}] -> nothing, expected {want}")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    with capsys.disabled():
        print(f"\nlinking: {len(_rows())} rows, precision {precision:.3f}, recall {recall:.3f}")
        for e in errors:
            print("  miss:", e)
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR


@pytest.mark.skipif(not OBSERVATIONS.exists(), reason="shared statistics not available")
def test_every_statistics_file_indicator_links(catalog):
    with OBSERVATIONS.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    unlinked = {
        (r["indicator"], r["unit"])
        for r in rows
        if catalog.link(r["indicator"], unit=r["unit"]) is None
    }
    assert not unlinked


@pytest.mark.parametrize(
    ("phrase", "unit", "expected"),
    [
        # phrases as the Guangzhou plans word their targets
        ("the city's total R&D fund", "%", "rd-intensity"),
        ("R&D expense", "%", "rd-intensity"),
        ("R&D fund and expenditures for basic sciences", "%", "basic-research-share"),
        ("total contractual value for technology transfer", "CNY", "tech-contract-turnover"),
        ("Hi-tech companies", "count", "high-tech-enterprises"),
        ("outputs of Hi-tech products", "%", "high-tech-product-output-share"),
        ("companies under incubation", "count", "companies-under-incubation"),
        ("State Key Laboratories", "count", "state-key-laboratories"),
        ("provincial laboratories", "count", "provincial-laboratories"),
        ("national laboratory", "count", "national-laboratories"),
        ("added value of the city's strategic emerging industries", "CNY", "sei-value-added"),
        ("ratio of added value of strategic emerging industries", "CNY", "sei-value-added"),
        ("returnees", "count", "returnees"),
        ("tech companies", "count", "tech-enterprises"),
    ],
)
def test_plan_phrases_link(catalog, phrase, unit, expected):
    link = catalog.link(phrase, unit=unit, lang="en")
    assert link is not None and link.indicator_id == expected


@pytest.mark.parametrize(
    ("phrase", "unit"),
    [
        ("startups", "count"),  # one word: exact or nothing
        (
            "province-certified high-tech enterprises",
            "count",
        ),  # another count than the national one
        ("high-tech enterprises", "%"),
        ("GDP", "count"),
    ],
)
def test_phrases_that_must_not_link(catalog, phrase, unit):
    assert catalog.link(phrase, unit=unit) is None


def test_growth_targets_ignore_the_percent(catalog):
    assert catalog.link("GDP", unit="%") is None
    link = catalog.link("GDP", unit="%", growth=True)
    assert link is not None and link.indicator_id == "gdp"


def test_share_redirect_is_explained(catalog):
    link = catalog.link("R&D fund", unit="%")
    assert link.indicator_id == "rd-intensity"
    assert "rd-expenditure" in link.note
    assert link.score < 100
