"""``goalpost status`` and the scoreboard page on a big database: p50/p95 on SQLite and PostgreSQL.

The database (default 100,000 targets, 1,000,000 observations, with
assessments and revisions) is built once by ``benchmarks/make_big_db.py``'s
``build`` and kept: ``/tmp/goalpost-bench/status-T-O.db`` and the PostgreSQL
database ``goalpost_bench_status_T_O`` (``--rebuild`` to start over).

Measured, each over ``--n`` runs with varied filters:

- ``status, all``: ``goalpost status --format json`` as it is today
  (``status_records``: every target, every assessment loaded);
- ``status, --region``: the same narrowed to one region;
- ``status --limit 50``: a page of ``goalpost status`` (once the command has
  ``--limit``), filters varied;
- ``status, page of 50``: the API's paginated status, ``GET /api/status?limit=50``;
- ``scoreboard page``: ``GET /`` of the web app (in-process ASGI client),
  first page and filtered pages;
- ``goalpost status --limit 50`` as a whole process, and the same on an
  empty database: the fixed start-up cost (Python, the imports, the
  connection) that no database size changes. A page of a database at the
  code's schema revision is read through the driver alone
  (``goalpost.store._quick``); the empty database's run opens a Store
  (it has no targets, so it is the path of a first run).

Goal: p95 < 200 ms. Usage::

    python benchmarks/status_latency.py [--targets 100000] [--observations 1000000] [--n 30]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import _dsn, percentile, pg_admin_url, table  # noqa: E402

GOAL_MS = 200.0
OUT = Path("/tmp/goalpost-bench")


def ensure_pg(admin: str, name: str, rebuild: bool) -> tuple[str | None, bool]:
    """URL of the kept PostgreSQL database, and whether it must be built."""
    import psycopg

    try:
        conn = psycopg.connect(_dsn(admin), autocommit=True, connect_timeout=3)
    except Exception:
        return None, False
    with conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if exists and rebuild:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
    return admin.rsplit("/", 1)[0] + "/" + name, not exists


def built(url: str) -> bool:
    from goalpost.store import Store

    store = Store(url)
    try:
        return bool(store.assessments())  # why: assessments are written last by build()
    finally:
        store.close()


def build_db(url: str, targets: int, observations: int) -> None:
    from benchmarks.make_big_db import build

    t0 = time.perf_counter()
    build(url, targets, observations, 7)
    print(f"built {url} in {time.perf_counter() - t0:.0f} s", flush=True)


def timed(fn: Callable[[], object], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def cases(url: str, empty_url: str | None, n: int, rng: random.Random) -> dict[str, list[float]]:
    """Timings per case; ``empty_url``: an empty database of the same kind (start-up cost)."""
    from fastapi.testclient import TestClient

    from goalpost._scoreboard import status_records
    from goalpost.store import Store
    from goalpost.web import create_app

    store = Store(url)
    regions = sorted({r["region"] for r in store.items(kind="target", limit=2000) if r["region"]})
    client = TestClient(create_app(url))
    client.get("/")  # why: warm caches and connections as a running server has them
    board = getattr(client.app.state, "board", None)
    if board is not None:
        # why: a running server builds its target board once per data change, in the background
        # (requests meanwhile are answered by SQL); the cases below are the steady state
        board.wait()
        print(f"target board built in {board.last_build_seconds:.2f} s", flush=True)
    out: dict[str, list[float]] = {}
    out["status, all"] = timed(
        lambda: json.dumps(status_records(store), default=str), max(1, n // 10)
    )
    out["status, --region"] = timed(
        lambda: json.dumps(status_records(store, region=rng.choice(regions)), default=str),
        max(3, n // 5),
    )

    import inspect

    from goalpost._scoreboard import scoreboard

    if "limit" in inspect.signature(scoreboard).parameters:  # once `status --limit` exists

        def cli_page() -> None:
            f = rng.choice([{}, {"region": rng.choice(regions)}, {"status": "on_track"}])
            json.dumps(
                status_records(store, limit=50, offset=rng.randrange(0, 2000, 50), **f), default=str
            )

        out["status --limit 50"] = timed(cli_page, n)

    def api_page() -> None:
        q = rng.choice(["", f"&region={rng.choice(regions)}", "&status=on_track", "&sort=deadline"])
        r = client.get(f"/api/status?limit=50&offset={rng.randrange(0, 2000, 50)}{q}")
        assert r.status_code == 200, r.text[:200]

    def page() -> None:
        q = rng.choice(
            ["", f"?region={rng.choice(regions)}", "?status=off_track", "?page=7", "?sort=progress"]
        )
        r = client.get(f"/{q}")
        assert r.status_code == 200, r.text[:200]

    out["status, page of 50 (/api/status)"] = timed(api_page, n)
    out["scoreboard page (/)"] = timed(page, n)
    store.close()

    # The whole command, as a person types it: Python start-up, imports and the database
    # connection included. The same command on an empty database shows that fixed part.
    goalpost = str(Path(sys.executable).with_name("goalpost"))

    def command(db: str) -> Callable[[], None]:
        def run() -> None:
            # why: the same pages as the in-process case (first pages, later pages, filters)
            extra = rng.choice([[], ["--region", rng.choice(regions)], ["--status", "on_track"]])
            cmd = [goalpost, "status", "--db", db, "--limit", "50", "--format", "json",
                   "--offset", str(rng.randrange(0, 2000, 50)), *extra]  # fmt: skip
            subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)

        return run

    runs = max(5, n // 4)
    out["`goalpost status --limit 50`, whole process"] = timed(command(url), runs)
    if empty_url:
        start_up = command(empty_url)
        start_up()  # why: the first run creates and migrates it
        out["  the same on an empty database (start-up)"] = timed(start_up, runs)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--targets", type=int, default=100_000)
    ap.add_argument("--observations", type=int, default=1_000_000)
    ap.add_argument("--n", type=int, default=30, help="runs of each paged case")
    ap.add_argument("--dbs", default="sqlite,postgresql")
    ap.add_argument("--pg", default=pg_admin_url())
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--suffix", default="", help="database name suffix (to keep variants apart)")
    args = ap.parse_args()
    tag = f"{args.targets}_{args.observations}{args.suffix}"
    rows = []
    for db in args.dbs.split(","):
        if db == "sqlite":
            OUT.mkdir(parents=True, exist_ok=True)
            path = OUT / f"status-{tag}.db"
            if args.rebuild:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            url, fresh = f"sqlite:///{path}", not path.exists()
            empty_url = f"sqlite:///{OUT / 'status-empty.db'}"
        else:
            url, fresh = ensure_pg(args.pg, f"goalpost_bench_status_{tag}", args.rebuild)
            if url is None:
                print("postgresql: no server reachable, skipped")
                continue
            empty_url, _ = ensure_pg(args.pg, "goalpost_bench_status_empty", False)
        if fresh or not built(url):
            build_db(url, args.targets, args.observations)
        for name, ms in cases(url, empty_url, args.n, random.Random(1)).items():
            p95 = percentile(ms, 95)
            rows.append({"database": db, "case": name, "runs": len(ms), "p50 ms": round(percentile(ms, 50)),
                         "p95 ms": round(p95), "goal p95 < 200 ms": "met" if p95 < GOAL_MS else "missed"})  # fmt: skip
            print(json.dumps(rows[-1]), flush=True)
    print(f"\n{args.targets:,} targets, {args.observations:,} observations\n")
    print(table(rows, list(rows[0])) if rows else "no figures")


if __name__ == "__main__":
    main()
