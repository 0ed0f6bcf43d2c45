"""Median and 95th-percentile latency of the dashboard and API on a big SQLite database.

Usage: python benchmarks/web_latency.py [--db sqlite:///benchmarks/out/big.db] [--n 200] [--live]

Build the database first with ``benchmarks/make_big_db.py`` (10,000 targets,
200,000 observations); it is built automatically when missing. Requests go
through an in-process ASGI client, or with ``--live`` over HTTP to uvicorn.
Goal: p95 under 100 ms for each page. Exits 1 when a page misses it.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

GOAL_MS = 100.0
HERE = Path(__file__).parent


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (nearest rank) of values.

    >>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)
    10
    """
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(q / 100 * len(s) + 0.5) - 1))
    return s[k]


def measure(get: Any, urls: list[str]) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per request (CPU time shows the work when the machine is busy)."""
    wall, cpu = [], []
    for u in urls:
        t0, c0 = time.perf_counter(), time.process_time()
        r = get(u)
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
        if r.status_code != 200:
            raise SystemExit(f"{u}: HTTP {r.status_code}")
    return wall, cpu


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--db", default="sqlite:///benchmarks/out/big.db")
    p.add_argument("--n", type=int, default=200, help="requests per page")
    p.add_argument("--live", action="store_true", help="over HTTP to uvicorn instead of in-process")
    a = p.parse_args()
    if a.db.startswith("sqlite:///") and not Path(a.db.removeprefix("sqlite:///")).exists():
        subprocess.run([sys.executable, str(HERE / "make_big_db.py"), "--db", a.db], check=True)

    from sqlalchemy import func, select

    from goalpost.store import Store
    from goalpost.store import _schema as t
    from goalpost.web import create_app

    store = Store(a.db)
    with store.engine.connect() as c:
        n_targets = c.execute(select(func.count()).where(t.items.c.kind == "target")).scalar_one()
        n_obs = c.execute(select(func.count()).where(t.items.c.kind == "observation")).scalar_one()
        ids = list(c.execute(select(t.items.c.id).where(t.items.c.kind == "target")).scalars())
    app = create_app(store=store)
    rng = random.Random(1)
    pages = {
        "scoreboard /": ["/"] * a.n,
        "scoreboard filtered": [
            f"/?status={s}&region=Region{rng.randrange(20):02d}&sort=-progress"
            for s in rng.choices(["on_track", "missed", "achieved"], k=a.n)
        ],  # fmt: skip
        "scoreboard page 100": ["/?page=100"] * a.n,
        "target page": [f"/targets/{rng.choice(ids)}" for _ in range(a.n)],
        "/api/targets": ["/api/targets"] * a.n,
        "/api/targets?offset=9000": ["/api/targets?offset=9000&indicator=indicator_042"] * a.n,
    }
    if a.live:
        import threading

        import httpx
        import uvicorn

        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=8765, log_level="warning")
        )
        threading.Thread(target=server.run, daemon=True).start()
        while not server.started:
            time.sleep(0.05)
        client: Any = httpx.Client(base_url="http://127.0.0.1:8765")
    else:
        from fastapi.testclient import TestClient

        client = TestClient(app)
    print(f"database: {a.db} ({n_targets:,} targets, {n_obs:,} observations); {a.n} requests per page;"
          f" {'HTTP to uvicorn' if a.live else 'in-process ASGI client'}")  # fmt: skip
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"load average {load:.1f} on {os.cpu_count()} CPUs (wall time suffers when others share them)"
    )
    print(
        f"{'page':28} {'median ms':>10} {'p95 ms':>8} {'cpu med':>8} {'cpu p95':>8}  goal p95 < {GOAL_MS:.0f} ms"
    )
    failed = False
    for name, urls in pages.items():
        measure(client.get, urls[:5])  # warm-up: template compilation, SQLite page cache
        wall, cpu = measure(client.get, urls)
        med, p95 = statistics.median(wall), percentile(wall, 95)
        ok = p95 < GOAL_MS
        failed |= not ok
        print(f"{name:28} {med:10.1f} {p95:8.1f} {statistics.median(cpu):8.1f} {percentile(cpu, 95):8.1f}"
              f"  {'ok' if ok else 'MISSED'}")  # fmt: skip
    if a.live:
        server.should_exit = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
