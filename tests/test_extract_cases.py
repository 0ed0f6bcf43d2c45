"""Scores English extraction on hand-annotated paragraphs in many styles.

``tests/data/annotations/en/cases*.jsonl``: one paragraph per line (national
and provincial plans, statistical communiqués, EU/UK/Indian/Singapore/Korean
strategies, news, negatives), with ``title``, ``date``, ``region`` and the
expected ``items``. Each paragraph goes through ``extract_text`` as its own
document, the way ``goalpost extract --docs`` reads held-out sentences.
Run with ``-s`` to see the score and every miss.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from goalpost.extract import extract_text
from goalpost.extract._score import Score, score_items

DATA = Path(__file__).parent / "data" / "annotations" / "en"


def _records() -> list[dict[str, Any]]:
    out = []
    for path in sorted(DATA.glob("cases*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                rec = json.loads(line)
                rec["_where"] = f"{path.name}:{n}"
                out.append(rec)
    return out


def _predict(rec: dict[str, Any]):
    return extract_text(
        rec["text"], doc_id=rec["id"], title=rec.get("title"), date=rec.get("date"),
        lang="en", region=rec.get("region"),
    )  # fmt: skip


def test_annotated_cases_meet_the_bar() -> None:
    total = Score()
    for rec in _records():
        total.add(score_items(rec["items"], _predict(rec), where=rec["id"]))
    print("\ncases:", total.summary())
    for m in total.misses:
        print("  miss ", m)
    for e in total.extras:
        print("  extra", e)
    for w in total.wrong:
        print("  wrong", w)
    assert total.f1 >= 0.85, total.summary()
    assert total.date_accuracy >= 0.9, total.summary()
    assert total.comparator_accuracy >= 0.9, total.summary()


@pytest.mark.parametrize("rec", [r for r in _records() if not r["items"]], ids=lambda r: r["id"])
def test_negative_paragraphs_yield_nothing(rec: dict[str, Any]) -> None:
    assert [(i.value, i.unit) for i in _predict(rec)] == []
