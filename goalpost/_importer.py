"""Importing statistics (and hand-entered targets) from CSV or XLSX.

Columns (header names, case-insensitive; order free):

==============  ========  ===========================================================
column          required  meaning
==============  ========  ===========================================================
indicator       yes       what is measured, e.g. ``high-tech enterprises``
value           yes       plain number in the unit's base (``120000000000`` for 120 bn)
unit            yes       ``count``, ``%``, ``pp``, an ISO currency (``CNY``) or a unit word
period          yes       ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (alias: ``date``);
                          an observation's as-of date, a target's deadline
region          no        e.g. ``Guangzhou`` (default: none)
source          no        URL or title the figure comes from (kept for provenance)
kind            no        ``observation`` (default) or ``target``
comparator      no        ``=`` (default), ``>``, ``>=``, ``<=``, ``<``, ``~``, ``range``
value_max       no        upper bound of a ``range``
growth          no        ``true`` when the value is a growth rate
==============  ========  ===========================================================

Rows are read as a stream, so a file of a million rows uses bounded memory.
A bad row is reported with its line number and skipped; the rest goes in.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from goalpost._exceptions import ImportFileError
from goalpost._models import COMPARATORS

REQUIRED = ("indicator", "value", "unit", "period")
OPTIONAL = ("region", "source", "kind", "comparator", "value_max", "growth")
ALIASES = {"date": "period", "year": "period", "as_of": "period", "deadline": "period"}
UNIT_WORDS = {
    "yuan": "CNY", "rmb": "CNY", "cny": "CNY", "usd": "USD", "us$": "USD", "eur": "EUR",
    "euro": "EUR", "percent": "%", "per cent": "%", "%": "%", "pp": "pp", "count": "count",
    "number": "count",
}  # fmt: skip
PERIOD_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
BATCH = 5000


@dataclass
class ImportReport:
    """Outcome of one import: rows added, duplicates skipped, and row errors."""

    path: str
    added: int = 0
    duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _rows_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from goalpost.documents import decode_bytes

    raw = path.read_bytes()
    text = decode_bytes(raw, path=str(path))
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ImportFileError("the file is empty", str(path)) from None
    keys = [_key(h) for h in header]
    _check_header(keys, path)
    for n, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(keys):
            yield n, {"__error__": f"has {len(row)} cells, the header has {len(keys)}"}
            continue
        yield n, dict(zip(keys, row, strict=True))


def _rows_xlsx(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(
            f"not a readable XLSX workbook ({exc.__class__.__name__})", str(path)
        ) from exc
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    try:
        header = next(it)
    except StopIteration:
        raise ImportFileError("the first sheet is empty", str(path)) from None
    keys = [_key(str(h or "")) for h in header]
    _check_header(keys, path)
    for n, row in enumerate(it, start=2):
        cells = ["" if v is None else str(v) for v in row]
        if not any(c.strip() for c in cells):
            continue
        yield n, dict(zip(keys, cells[: len(keys)], strict=False))
    wb.close()


def _key(h: str) -> str:
    k = h.strip().lower().lstrip("\ufeff")
    return ALIASES.get(k, k)


def _check_header(keys: list[str], path: Path) -> None:
    missing = [c for c in REQUIRED if c not in keys]
    if missing:
        raise ImportFileError(
            f"missing column(s) {', '.join(missing)}; found {', '.join(keys) or 'none'} "
            f"(required: {', '.join(REQUIRED)})",
            str(path),
        )


def _parse_row(r: dict[str, str]) -> dict[str, Any]:
    """One file row to an ``items`` row; raises ValueError with a readable message."""
    indicator = (r.get("indicator") or "").strip()
    if not indicator:
        raise ValueError("indicator is empty")
    try:
        value = float((r.get("value") or "").replace(",", "").strip())
    except ValueError:
        raise ValueError(f"value {r.get('value')!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("value is not finite")
    unit_raw = (r.get("unit") or "").strip()
    if not unit_raw:
        raise ValueError("unit is empty")
    unit = UNIT_WORDS.get(unit_raw.lower(), unit_raw)
    period = (r.get("period") or "").strip()
    if period.endswith(".0"):  # why: spreadsheets hand years back as floats
        period = period[:-2]
    if not PERIOD_RE.match(period):
        raise ValueError(f"period {period!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    kind = (r.get("kind") or "observation").strip().lower()
    if kind not in ("observation", "target"):
        raise ValueError(f"kind {kind!r} is not observation or target")
    comparator = (r.get("comparator") or "=").strip() or "="
    if comparator not in COMPARATORS:
        raise ValueError(f"comparator {comparator!r} is not one of {' '.join(COMPARATORS)}")
    value_max = None
    if (r.get("value_max") or "").strip():
        try:
            value_max = float(r["value_max"].replace(",", ""))
        except ValueError:
            raise ValueError(f"value_max {r['value_max']!r} is not a number") from None
    if comparator == "range" and value_max is None:
        raise ValueError("comparator range needs value_max")
    growth = (r.get("growth") or "").strip().lower() in ("1", "true", "yes", "y")
    region = (r.get("region") or "").strip() or None
    source = (r.get("source") or "").strip() or None
    key = "|".join(
        map(str, (kind, region, indicator.lower(), value, unit, period, comparator, source))
    )
    return {
        "id": "i" + hashlib.sha256(key.encode()).hexdigest()[:15],
        "kind": kind,
        "indicator_text": indicator,
        "value": value,
        "value_max": value_max,
        "unit": unit,
        "date": period,
        "comparator": comparator,
        "growth": growth,
        "region": region,
        "source": source,
    }


def import_file(store: Any, path: str | Path, *, linker: Any = None) -> ImportReport:
    """Import a CSV or XLSX file of statistics into ``store``.

    >>> # import_file(Store(), "stats.csv").added
    """
    from goalpost._linking import Linker

    path = Path(path)
    if not path.exists():
        raise ImportFileError("no such file", str(path))
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".tsv"):
        raise ImportFileError(
            f"unsupported statistics file type {suffix or '(none)'}: use .csv or .xlsx", str(path)
        )
    rows = _rows_xlsx(path) if suffix == ".xlsx" else _rows_csv(path)
    linker = linker or Linker.for_store(store)
    report = ImportReport(str(path))
    seen: set[str] = set()
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if batch:
            added = store.save_imported(batch, import_file=str(path))
            report.duplicates += len(batch) - added
            report.added += added
            batch.clear()

    for n, raw in rows:
        if "__error__" in raw:
            report.errors.append((n, raw["__error__"]))
            continue
        try:
            row = _parse_row(raw)
        except ValueError as exc:
            report.errors.append((n, str(exc)))
            continue
        if row["id"] in seen:
            report.duplicates += 1
            continue
        seen.add(row["id"])
        ind, method, score = linker.link(row["indicator_text"], row["unit"], None)
        row.update(indicator_id=ind, link_method=method, link_score=score, import_row=n)
        batch.append(row)
        if len(batch) >= BATCH:
            flush()
    flush()
    linker.save_new_indicators(store)
    return report
