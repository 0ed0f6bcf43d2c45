"""A million-row statistics CSV through ``import_file``: time, rows/s and peak memory.

The test suite checks the importer's memory on a million-row file stopped by
``max_rows`` (tests/test_reliability_import.py); this runs the whole file.

Usage::

    python benchmarks/import_rows.py                 # 1,000,000 rows into a temp SQLite file
    python benchmarks/import_rows.py --rows 200000 --db postgresql://postgres@localhost/gp_bench
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

HEADER = "region,indicator,value,unit,period,source\n"
INDICATORS = [
    "incubators",
    "high-tech enterprises",
    "R&D expenditure",
    "invention patents",
    "孵化器",
]


def write_csv(path: Path, rows: int) -> None:
    """``rows`` distinct observations (a few indicators, many periods and values)."""
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write(HEADER)
        for i in range(rows):
            f.write(
                f"Guangzhou,{INDICATORS[i % 5]},{i},count,{1990 + i % 35},http://stats.example/t{i % 97}\n"
            )


def main(argv: list[str] | None = None) -> int:
    from goalpost._importer import import_file
    from goalpost.store import Store

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--db", help="database URL (default: a temp SQLite file)")
    ap.add_argument("--trace", action="store_true", help="also measure Python heap peak (slower)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "rows.csv"
        write_csv(csv_path, args.rows)
        store = Store(args.db or f"sqlite:///{Path(tmp) / 'import.db'}")
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        if args.trace:
            tracemalloc.start()
        t0 = time.perf_counter()
        rep = import_file(store, csv_path)
        seconds = time.perf_counter() - t0
        heap = tracemalloc.get_traced_memory()[1] if args.trace else None
        rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        size = csv_path.stat().st_size
        store.close()
    print(f"{args.rows:,} rows ({size / 1e6:.0f} MB CSV): {rep.added:,} added, {rep.duplicates:,} duplicates, "
          f"{rep.error_count} errors in {seconds:.1f} s ({rep.added / seconds:,.0f} rows/s)")  # fmt: skip
    print(f"peak RSS {rss1 / 1024:.0f} MB (before import {rss0 / 1024:.0f} MB)"
          + (f"; Python heap peak {heap / 1e6:.1f} MB" if heap is not None else ""))  # fmt: skip
    return 0 if rep.added == args.rows else 1


if __name__ == "__main__":
    sys.exit(main())
