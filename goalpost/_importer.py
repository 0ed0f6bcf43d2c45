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

Rows are read as a stream: a CSV's encoding is sniffed from its first 64 KiB
(:func:`sniff_encoding`), then it is decoded and parsed row by row, so a file
of a million rows uses the memory of one batch. A bad row is reported with
its line number and skipped; the rest goes in. :class:`ImportLimits` bounds
file size, rows and cell length, each with its own clear error.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import os
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
# Bytes of a CSV read to decide its encoding; the rest is decoded as a stream.
SNIFF_BYTES = 64 * 1024
# What the csv module holds in memory for one cell before it gives up (its default).
CSV_FIELD_LIMIT = csv.field_size_limit()


@dataclass(frozen=True)
class ImportLimits:
    """Limits that keep one statistics file from exhausting memory or the database.

    ``max_bytes`` refuses the whole file before reading it; ``max_rows`` stops
    the import at that row (rows before it are kept) with a row error;
    ``max_cell_chars`` rejects one row whose cell is longer. Environment
    variables ``GOALPOST_IMPORT_MAX_BYTES``, ``GOALPOST_IMPORT_MAX_ROWS`` and
    ``GOALPOST_IMPORT_MAX_CELL`` override the defaults (see :meth:`from_env`).

    >>> ImportLimits().max_rows
    5000000
    """

    max_bytes: int = 1024 * 1024 * 1024
    max_rows: int = 5_000_000
    max_cell_chars: int = 10_000

    @classmethod
    def from_env(cls) -> ImportLimits:
        """Defaults, overridden by ``$GOALPOST_IMPORT_MAX_*`` where set."""
        base = cls()
        values: dict[str, int] = {}
        for name, var in (("max_bytes", "GOALPOST_IMPORT_MAX_BYTES"),
                          ("max_rows", "GOALPOST_IMPORT_MAX_ROWS"),
                          ("max_cell_chars", "GOALPOST_IMPORT_MAX_CELL")):  # fmt: skip
            raw = os.environ.get(var)
            if raw:
                try:
                    values[name] = int(raw)
                except ValueError:
                    raise ImportFileError(f"${var}={raw!r} is not a whole number") from None
        return cls(**{**base.__dict__, **values})


@dataclass
class ImportReport:
    """Outcome of one import: rows added, duplicates skipped, and row errors.

    ``stopped_at`` is the line where ``max_rows`` stopped the import (or None);
    ``errors`` lists at most :data:`MAX_ERRORS_KEPT` row errors, the rest are
    counted in ``errors_not_kept``.
    """

    path: str
    added: int = 0
    duplicates: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)
    stopped_at: int | None = None
    errors_not_kept: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def error_count(self) -> int:
        """Every row error, including those beyond :data:`MAX_ERRORS_KEPT` not listed."""
        return len(self.errors) + self.errors_not_kept


def sniff_encoding(head: bytes, path: str | None = None) -> str:
    """The codec to stream a CSV with, decided from its first bytes.

    ``head`` may end in the middle of a character (it is a prefix of the
    file), so it is cut after its last newline before
    :func:`goalpost.documents.decode_bytes` guesses; the codec that decodes
    that prefix to the same text is the answer.

    >>> sniff_encoding("指标,值\\n广州,1\\n".encode("gbk"))
    'gb18030'
    >>> sniff_encoding(b"\\xef\\xbb\\xbfindicator,value\\n")
    'utf-8-sig'
    """
    from goalpost._exceptions import DecodeError
    from goalpost.documents import decode_bytes
    from goalpost.documents._decode import bom_encoding, looks_binary

    bom = bom_encoding(head)
    if bom:
        return bom
    if b"\x00" in head:
        for enc in ("utf-16-le", "utf-16-be"):
            cut = head[: len(head) // 2 * 2]
            try:
                codecs.getincrementaldecoder(enc)().decode(cut, final=False)
            except UnicodeDecodeError:
                continue
            zeros = cut[1::2] if enc == "utf-16-le" else cut[0::2]
            if zeros.count(0) >= 0.9 * len(zeros):
                return enc
    # why: a few stray NULs are noise (dropped per cell); many, or control bytes, mean binary
    why = looks_binary(head)
    if why:
        raise ImportFileError(f"{why}, not CSV text", path)
    # why: bytes after the last newline may be half a multi-byte character; a
    # newline byte is never part of one in UTF-8, GB18030 or Big5.
    sample = head[: head.rfind(b"\n") + 1] or head
    try:
        text = decode_bytes(sample, path)
    except DecodeError as exc:
        # why: a UTF-8 file with a few rows pasted from a GBK file is still a UTF-8
        # file; its bad rows become row errors instead of the whole file failing
        if _mostly_utf8(sample):
            return "utf-8"
        raise ImportFileError(exc.reason, path) from exc
    for enc in ("utf-8", "gb18030", "big5", "cp950", "big5hkscs", "cp1252"):
        try:
            if sample.decode(enc) == text:
                return enc
        except UnicodeDecodeError:
            continue
    # decode_bytes fell back to a lossy decode; stream with the same lossy codec.
    return "gb18030"


def _mostly_utf8(sample: bytes) -> bool:
    """True when most lines holding non-ASCII bytes are valid UTF-8 (a GBK file has none)."""
    ok = bad = 0
    for line in sample.splitlines():
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            ok += 1
        except UnicodeDecodeError:
            bad += 1
    return ok > bad


def _rows_csv(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows as ``(line, {column: cell})``, decoded and parsed as a stream.

    Memory stays bounded by one row: the file is never read whole, a cell is
    cut off by the csv module at :data:`CSV_FIELD_LIMIT` characters (an
    unclosed quote cannot swallow the rest of the file), and bytes the
    sniffed codec cannot decode make a row error, not a crash.
    """
    with path.open("rb") as fh:
        head = fh.read(SNIFF_BYTES)
    if not head.strip():
        raise ImportFileError("the file is empty", str(path))
    enc = sniff_encoding(head, str(path))
    # newline="" is what the csv module wants; "replace" turns undecodable
    # bytes (a file mixing encodings) into U+FFFD, reported per row below.
    with path.open("r", encoding=enc, errors="replace", newline="") as fh:
        reader = csv.reader(fh)
        try:
            header = next(reader)
        except StopIteration:
            raise ImportFileError("the file is empty", str(path)) from None
        except csv.Error as exc:
            raise ImportFileError(f"the header is not CSV ({exc})", str(path)) from None
        keys = [_key(h) for h in header]
        _check_header(keys, path)
        line = 1
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield line, {"__error__": f"not valid CSV ({exc}); an unclosed quote?"}
                continue
            if any("\x00" in cell for cell in row):
                # why: a stray NUL is noise (PostgreSQL refuses it in text); drop it, as readers do
                row = [cell.replace("\x00", "") for cell in row]
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(keys):
                yield line, {"__error__": f"has {len(row)} cells, the header has {len(keys)}"}
                continue
            if any("\ufffd" in cell for cell in row):
                yield line, {"__error__": f"holds bytes that are not {enc} text "
                                           "(the file mixes encodings?)"}  # fmt: skip
                continue
            yield line, dict(zip(keys, row, strict=True))


def _rows_xlsx(path: Path, limits: ImportLimits) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of the first sheet, streamed (openpyxl's read-only mode)."""
    from openpyxl import load_workbook

    _check_zip_expansion(path, limits)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        raise ImportFileError(
            f"not a readable XLSX workbook ({exc.__class__.__name__})", str(path)
        ) from exc
    try:
        ws = wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        try:
            header = next(it)
        except StopIteration:
            raise ImportFileError("the first sheet is empty", str(path)) from None
        keys = [_key(str(h or "")) for h in header]
        _check_header(keys, path)
        for n, row in enumerate(it, start=2):
            cells = ["" if v is None else str(v).replace("\x00", "") for v in row]
            if not any(c.strip() for c in cells):
                continue
            yield n, dict(zip(keys, cells[: len(keys)], strict=False))
    finally:
        wb.close()


# An XLSX (a zip) may expand to this many times max_bytes before it counts as a zip bomb.
XLSX_EXPANSION = 10


def _check_zip_expansion(path: Path, limits: ImportLimits) -> None:
    """Refuse a workbook whose members would expand past the limit (a zip bomb).

    Why: openpyxl loads the shared-strings part whole, so a small file of
    highly compressed XML could otherwise take all memory.
    """
    import zipfile

    try:
        with zipfile.ZipFile(path) as z:
            total = sum(i.file_size for i in z.infolist())
    except (zipfile.BadZipFile, OSError) as exc:
        raise ImportFileError(f"not a readable XLSX workbook ({exc})", str(path)) from exc
    cap = limits.max_bytes * XLSX_EXPANSION
    if total > cap:
        raise ImportFileError(
            f"workbook expands to {total:,} bytes, over the limit of {cap:,} (a zip bomb?)",
            str(path),
        )


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


# Row errors kept in a report; beyond this they are only counted (bounded memory).
MAX_ERRORS_KEPT = 10_000


def import_file(
    store: Any, path: str | Path, *, linker: Any = None, limits: ImportLimits | None = None
) -> ImportReport:
    """Import a CSV or XLSX file of statistics into ``store``.

    Rows are committed in batches of :data:`BATCH`; a bad row is reported with
    its line number and skipped; a file over ``limits.max_bytes`` is refused
    before it is read; ``limits.max_rows`` stops the import with a row error.
    Raises :class:`ImportFileError` (naming the file) when nothing can be imported.

    >>> # import_file(Store(), "stats.csv", limits=ImportLimits(max_rows=1000)).added
    """
    from goalpost._linking import Linker

    path = Path(path)
    limits = limits or ImportLimits.from_env()
    if not path.exists():
        raise ImportFileError("no such file", str(path))
    if path.is_dir():
        raise ImportFileError("is a directory, not a file", str(path))
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx", ".tsv"):
        raise ImportFileError(
            f"unsupported statistics file type {suffix or '(none)'}: use .csv or .xlsx", str(path)
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ImportFileError(f"cannot read file ({exc.strerror or exc})", str(path)) from exc
    if size > limits.max_bytes:
        raise ImportFileError(
            f"file is {size:,} bytes, over the limit of {limits.max_bytes:,}", str(path)
        )
    rows = _rows_xlsx(path, limits) if suffix == ".xlsx" else _rows_csv(path)
    linker = linker or Linker.for_store(store)
    report = ImportReport(str(path))
    batch: dict[str, dict[str, Any]] = {}
    data_rows = 0

    def flush() -> None:
        if batch:
            # why: indicators first, so a crash between the two never leaves
            # committed rows linked to a provisional indicator that was never saved
            linker.save_new_indicators(store)
            added = store.save_imported(list(batch.values()), import_file=str(path))
            report.duplicates += len(batch) - added
            report.added += added
            batch.clear()

    try:
        for n, raw in rows:
            data_rows += 1
            if data_rows > limits.max_rows:
                report.stopped_at = n
                _row_error(report, n, f"more than {limits.max_rows:,} rows (the limit); "
                                      "this row and the rest were not imported")  # fmt: skip
                break
            if "__error__" in raw:
                _row_error(report, n, raw["__error__"])
                continue
            long = next((k for k, v in raw.items() if len(v) > limits.max_cell_chars), None)
            if long is not None:
                _row_error(report, n, f"column {long!r} is {len(raw[long]):,} characters, over "
                                      f"the limit of {limits.max_cell_chars:,}")  # fmt: skip
                continue
            try:
                row = _parse_row(raw)
            except ValueError as exc:
                _row_error(report, n, str(exc))
                continue
            if row["id"] in batch:
                # why: only the current batch is remembered (bounded memory);
                # duplicates of committed rows are skipped by save_imported.
                report.duplicates += 1
                continue
            ind, method, score = linker.link(
                row["indicator_text"], row["unit"], None, growth=row["growth"]
            )
            row.update(indicator_id=ind, link_method=method, link_score=score, import_row=n)
            batch[row["id"]] = row
            if len(batch) >= BATCH:
                flush()
    except UnicodeError as exc:  # why: a codec may fail in ways errors="replace" cannot cover
        flush()
        raise ImportFileError(f"stopped: undecodable text ({exc})", str(path)) from exc
    except OSError as exc:
        raise ImportFileError(f"cannot read file ({exc.strerror or exc})", str(path)) from exc
    flush()
    linker.save_new_indicators(store)
    return report


def _row_error(report: ImportReport, line: int, message: str) -> None:
    if len(report.errors) < MAX_ERRORS_KEPT:
        report.errors.append((line, message))
    else:
        report.errors_not_kept += 1
