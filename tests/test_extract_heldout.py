"""Held-out extraction quality, measured through the public contract ``goalpost extract --docs``.

The documents in ``tests/data/heldout/{en,zh}.jsonl`` were written by an independent evaluator in
the style of plans and statistical releases from places other than the first customer's, without
reading the rules or the rule writers' cases. They sit in the repository, so they are a regression
check, not a fresh estimate (see ``tests/data/heldout/README.md``). Scoring is the one in
``benchmarks/heldout_report.py``: items match on kind + unit + value within 0.5 %, greedily per
document; date-year and comparator accuracy are measured on matched items.

The customer's bar is item F1 >= 0.85 and date-year / comparator accuracy >= 0.90. This test asserts
only a regression floor about 0.05 below what was measured when the set was frozen (2026-11-23,
17:13 UTC): en F1 0.954 (date-year 0.971, comparator 0.987) and zh F1 0.957 (date-year 1.000,
comparator 1.000) -> F1 floor 0.90 for both languages; date-year and comparator floor 0.90 (the
customer's bar). Raise the floors when extraction improves; never lower them to make a change pass.
``tests/data/heldout/fresh8/{en,zh}.jsonl`` is a second set written the same way on 2026-12-07 (45
English documents from the Americas, Africa, the Gulf, South-East Asia and Europe; 40 Chinese ones
from provinces the first set does not cover). First run: en F1 0.831 (below the customer's bar:
currencies such as AED, SAR, R$, KSh, ₦, Rp, ฿, ₱ were not read), zh F1 0.983. After fixing the
general patterns it showed: en 0.953, zh 0.987 -> floors 0.90 and 0.93. ``fresh9/en.jsonl`` (45
documents, 146 items, statistics releases and budget speeches worldwide) was written after those
fixes by a third evaluator: first run F1 0.933; after its fixes 0.976 -> floor 0.92.
``fresh10/en.jsonl`` (40 longer documents: bulleted plan sections, bulletins, budget lines) came
from a fourth evaluator: first run 0.897, after its fixes 0.929 -> floor 0.88.
Run ``pytest tests/test_extract_heldout.py -s`` to see the figures and failures, or
``python benchmarks/heldout_report.py`` for the full failure listing.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location(
    "heldout_report", ROOT / "benchmarks" / "heldout_report.py"
)
heldout = importlib.util.module_from_spec(_spec)
sys.modules["heldout_report"] = heldout
_spec.loader.exec_module(heldout)

HELDOUT = ROOT / "tests" / "data" / "heldout"
F1_FLOOR = {
    ("", "en"): 0.90,
    ("", "zh"): 0.90,
    ("fresh8", "en"): 0.90,
    ("fresh8", "zh"): 0.93,
    ("fresh9", "en"): 0.92,
    ("fresh10", "en"): 0.88,
    ("fresh11", "en"): 0.93,
    ("fresh12", "en"): 0.90,
    ("fresh13", "en"): 0.86,
    ("fresh13", "zh"): 0.93,
    ("fresh14", "en"): 0.95,
    ("fresh14", "zh"): 0.96,
    ("fresh15", "en"): 0.85,
    ("fresh15", "zh"): 0.95,
    ("fresh16", "en"): 0.91,
    ("fresh16", "zh"): 0.90,
    ("fresh17a", "en"): 0.93,
    ("fresh17b", "en"): 0.90,
    ("fresh18a", "en"): 0.93,
    ("fresh18b", "en"): 0.94,
    ("fresh18", "zh"): 0.95,
    ("fresh19a", "en"): 0.91,
    ("fresh19b", "en"): 0.93,
    ("fresh20", "en"): 0.86,
}
FIELD_FLOOR = 0.90


def _goalpost() -> str:
    here = Path(sys.executable).parent / "goalpost"
    exe = str(here) if here.exists() else shutil.which("goalpost")
    if not exe:
        pytest.skip("the goalpost command is not installed")
    return exe


@pytest.fixture(scope="module", params=sorted(F1_FLOOR), ids=lambda k: "/".join(filter(None, k)))
def result(request):
    subset, lang = request.param
    s = heldout.evaluate(lang, _goalpost(), HELDOUT / subset)
    print()
    print(subset or "heldout", heldout.summary_line(lang, s))
    heldout.print_failures(s)
    return request.param, s


def test_heldout_set_is_well_formed():
    for subset, lang in F1_FLOOR:
        docs = heldout.load(lang, HELDOUT / subset)
        assert len(docs) >= 25  # fresh16/en is the smallest (25 documents, 131 items)
        assert len({d["id"] for d in docs}) == len(docs)
        for d in docs:
            assert d["lang"] == lang and d["text"] and d["date"][:4].isdigit()
            for e in d["expected"]:
                assert e["kind"] in ("target", "observation")
                assert e["comparator"] in (">", ">=", "=", "<=", "<", "~", "range")
                assert (e["comparator"] == "range") == ("value_max" in e)


def test_scoring_matches_kind_unit_and_value_within_half_a_percent():
    doc = {
        "id": "d",
        "expected": [
            {"kind": "target", "value": 100.0, "unit": "CNY", "comparator": ">", "date": "2025",
             "growth": False},
            {"kind": "observation", "value": 3.1, "unit": "%", "comparator": "=", "date": "2022",
             "growth": True},
            {"kind": "observation", "value": 7.0, "unit": "count", "comparator": "=", "date": None,
             "growth": False},
        ],
    }  # fmt: skip
    preds = [
        {"doc": "d", "kind": "target", "value": 100.4, "unit": "CNY", "comparator": "=",
         "date": "2025-12"},
        {"doc": "d", "kind": "target", "value": 3.1, "unit": "%", "comparator": "="},
        {"doc": "d", "kind": "observation", "value": 2022.0, "unit": "count", "comparator": "="},
    ]  # fmt: skip
    s = heldout.score([doc], preds)
    assert (s["tp"], s["fp"], s["fn"]) == (1, 2, 2)
    assert s["comparator_accuracy"] == 0.0 and s["date_year_accuracy"] == 1.0
    assert s["kind_accuracy"] == 0.5  # 3.1 % found with the wrong kind


def test_heldout_f1_and_field_accuracy(result):
    (subset, lang), s = result
    assert s["predicted"] > 0, "extraction produced nothing"
    assert s["f1"] >= F1_FLOOR[subset, lang], heldout.summary_line(lang, s)
    assert s["date_year_accuracy"] >= FIELD_FLOOR, heldout.summary_line(lang, s)
    assert s["comparator_accuracy"] >= FIELD_FLOOR, heldout.summary_line(lang, s)
