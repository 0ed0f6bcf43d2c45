"""Scores English extraction on the five seed documents against hand annotations.

The annotations (``tests/data/annotations/en/seeds.jsonl``) list every target
of the two plans and every statistic and target of the three reports, each
with the short evidence phrase (``near``) that tells equal values apart. The
seed texts are read from ``../shared/seeds`` and never copied here.
Run with ``-s`` to see precision, recall and field accuracy.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from goalpost.extract import extract
from goalpost.extract._score import Score, score_items

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
ANNOTATIONS = Path(__file__).parent / "data" / "annotations" / "en" / "seeds.jsonl"

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed texts not found at {SEEDS}")


def _expected() -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for line in ANNOTATIONS.read_text("utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            out[rec["seed"]].append(rec)
    return out


def _document(name: str):
    from goalpost.documents import build_document

    return build_document((SEEDS / name).read_text("utf-8"))


def _score_all() -> Score:
    total = Score()
    for name, expected in sorted(_expected().items()):
        total.add(score_items(expected, extract(_document(name)), where=name[:3]))
    return total


def test_seed_extraction_meets_the_bar() -> None:
    sc = _score_all()
    print("\nseeds:", sc.summary())
    for m in sc.misses:
        print("  miss ", m)
    for e in sc.extras:
        print("  extra", e)
    for w in sc.wrong:
        print("  wrong", w)
    assert sc.f1 >= 0.9, sc.summary()
    assert sc.date_accuracy >= 0.9, sc.summary()
    assert sc.comparator_accuracy >= 0.95, sc.summary()
    assert sc.region_ok >= 0.95 * sc.region_n, sc.summary()


@pytest.mark.parametrize(
    ("seed", "kind"),
    [
        ("000_0b1a7108d2a732b0.txt", "target"),
        ("001_be781722ee18f19d.txt", "target"),
        ("004_a887df4183df55ec.txt", "observation"),
    ],
)
def test_seed_items_are_of_the_documents_kind(seed: str, kind: str) -> None:
    items = extract(_document(seed))
    expected = _expected()[seed]
    matched = score_items(expected, items)
    assert matched.recall == 1.0, matched.misses
    assert all(it.kind == kind for it in items if it.value not in (10.0,)), [
        (it.kind, it.value) for it in items
    ]


@pytest.mark.parametrize(
    "seed",
    ["000_0b1a7108d2a732b0.txt", "001_be781722ee18f19d.txt", "003_11b16cb614225836.txt"],
)
def test_seed_spans_hold_the_value_and_sentence(seed: str) -> None:
    doc = _document(seed)
    for it in extract(doc):
        assert doc.text[it.sentence_start : it.sentence_end] == it.sentence
        assert it.sentence_start <= it.start < it.end <= it.sentence_end
        if it.indicator_start is not None:
            # Verbatim, or for a composed "X share of Y" a span covering both.
            span = doc.text[it.indicator_start : it.indicator_end]
            assert span == it.indicator or all(
                w in span for w in it.indicator.split() if w != "share"
            ), (span, it.indicator)
