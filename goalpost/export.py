"""Exports of targets, observations, indicators and assessments.

Formats: CSV, XLSX (openpyxl), Parquet (pyarrow) and JSON. Columns are
listed in ``COLUMNS`` and documented in the README.

>>> sorted(COLUMNS)
['assessments', 'indicators', 'observations', 'targets']
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

ITEM_COLS = [
    "id", "kind", "indicator_text", "indicator_id", "comparator", "value", "value_max", "unit", "date",
    "growth", "region", "section", "document_id", "doc_title", "doc_date", "start", "end", "sentence",
    "origin", "source", "review_status",
]  # fmt: skip
COLUMNS: dict[str, list[str]] = {
    "targets": ITEM_COLS + ["status"],
    "observations": ITEM_COLS,
    "indicators": ["id", "name_en", "name_zh", "unit", "direction", "definition", "provisional", "merged_into"],
    "assessments": [
        "target_id", "status", "method", "ratio", "progress", "cagr_actual", "cagr_required", "shortfall_pct",
        "baseline_value", "baseline_period", "baseline_source", "latest_value", "latest_period", "latest_source",
        "forecast_value", "forecast_low", "forecast_high", "forecast_probability", "explanation", "computed_at",
    ],
}  # fmt: skip
FORMATS = ("csv", "xlsx", "parquet", "json")


def table_rows(store: Any, what: str) -> list[dict[str, Any]]:
    """Rows of one exportable table, restricted to its documented columns."""
    if what in ("targets", "observations"):
        rows = store.items(kind=what[:-1])
    elif what == "indicators":
        rows = store.indicators()
    elif what == "assessments":
        rows = list(store.assessments().values())
    else:
        raise ValueError(f"unknown table {what!r}: choose from {', '.join(COLUMNS)}")
    cols = COLUMNS[what]
    return [{c: r.get(c) for c in cols} for r in rows]


def export_table(store: Any, what: str, fmt: str, out: str | Path) -> Path:
    """Write one table in one format; returns the path written.

    >>> # export_table(Store(), "targets", "csv", "targets.csv")
    """
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows, cols = table_rows(store, what), COLUMNS[what]
    if fmt == "csv":
        with out.open("w", newline="", encoding="utf-8") as f:
            w = csv.DictWriter(f, fieldnames=cols)
            w.writeheader()
            w.writerows(rows)
    elif fmt == "json":
        out.write_text(
            json.dumps(rows, ensure_ascii=False, indent=2, default=str), encoding="utf-8"
        )
    elif fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook(write_only=True)
        ws = wb.create_sheet(what)
        ws.append(cols)
        for r in rows:
            ws.append([r[c] for c in cols])
        wb.save(out)
    elif fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        pq.write_table(pa.Table.from_pylist(rows, schema=_arrow_schema(rows, cols)), out)
    else:
        raise ValueError(f"unknown format {fmt!r}: choose from {', '.join(FORMATS)}")
    return out


def _arrow_schema(rows: list[dict[str, Any]], cols: list[str]) -> Any:
    import pyarrow as pa

    def kind(c: str) -> Any:
        for r in rows:
            v = r.get(c)
            if isinstance(v, bool):
                return pa.bool_()
            if isinstance(v, int | float):
                return (
                    pa.float64() if any(isinstance(x.get(c), float) for x in rows) else pa.int64()
                )
            if v is not None:
                return pa.string()
        return pa.string()

    return pa.schema([(c, kind(c)) for c in cols])
