"""Helpers the benchmarks share: throw-away PostgreSQL databases, timing, memory, tables.

>>> percentile([1, 2, 3, 4], 50)
2.5
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

DEFAULT_PG = "postgresql+psycopg://postgres@localhost/postgres"


def pg_admin_url() -> str:
    """The PostgreSQL server to benchmark on: ``$GOALPOST_BENCH_PG``, ``$GOALPOST_TEST_PG`` or local."""
    return os.environ.get("GOALPOST_BENCH_PG") or os.environ.get("GOALPOST_TEST_PG") or DEFAULT_PG


def _dsn(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://")


@contextmanager
def temp_pg_database(admin_url: str | None = None, keep: bool = False) -> Iterator[str | None]:
    """A fresh PostgreSQL database URL for one benchmark (None when no server answers)."""
    import psycopg

    admin_url = admin_url or pg_admin_url()
    try:
        psycopg.connect(_dsn(admin_url), connect_timeout=3).close()
    except Exception:
        yield None
        return
    name = f"goalpost_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_dsn(admin_url), autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        if not keep:
            with psycopg.connect(_dsn(admin_url), autocommit=True) as c:
                c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_database_size(url: str) -> int:
    """Bytes the database takes on the server (tables, indexes, TOAST)."""
    import psycopg

    with psycopg.connect(_dsn(url)) as c:
        return c.execute("SELECT pg_database_size(current_database())").fetchone()[0]


def percentile(values: Sequence[float], p: float) -> float:
    """Linear-interpolated percentile, ``p`` in 0..100."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def table(rows: list[dict], columns: Sequence[str]) -> str:
    """A Markdown table (what the README shows)."""
    out = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    for r in rows:
        out.append("| " + " | ".join(str(r.get(c, "")) for c in columns) + " |")
    return "\n".join(out)
