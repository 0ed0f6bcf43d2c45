"""Load: many concurrent clients against a running ``goalpost serve`` on loopback.

Reads (scoreboard, target and document pages, JSON listings), searches and a
stream of review writes (corrections through the API) run at once from this
process against the server in another, for a bounded time and request count.
It passes when no request got a 5xx or a broken connection and no write was
lost: every correction the server acknowledged is in the database
afterwards, and every item holds the value of its last stored correction.
p50/p95/p99 latencies are printed per kind of request.

Usage::

    python benchmarks/load.py                       # SQLite, 30 s, 32 clients
    python benchmarks/load.py --db postgresql://postgres@localhost/gp_load --duration 60
    python benchmarks/load.py --clients 64 --max-requests 50000 --docs 200

The test suite imports :func:`run_load` and :class:`Server` for a short run
(tests/test_reliability_concurrency.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
GOALPOST = Path(sys.executable).with_name("goalpost")
SEARCH_TERMS = [
    "incubators",
    "high-tech",
    "R&D",
    "孵化器",
    "高新技术企业",
    "2021",
    "patents",
    "研发",
]


def percentile(values: Sequence[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``; 0 when empty.

    >>> percentile([1, 2, 3, 4], 50), percentile([], 95)
    (2, 0.0)
    """
    if not values:
        return 0.0
    s = sorted(values)
    return s[max(0, min(len(s) - 1, round(p / 100 * len(s) + 0.5) - 1))]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``goalpost serve`` in a subprocess on 127.0.0.1 and a free port."""

    def __init__(self, db_url: str, *, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.db_url = db_url
        self.env = {**os.environ, **(env or {})}
        self.proc: subprocess.Popen | None = None

    def __enter__(self) -> Server:
        self.proc = subprocess.Popen(
            [
                str(GOALPOST),
                "serve",
                "--db",
                self.db_url,
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"goalpost serve exited: {self.proc.stderr.read()}")
            try:
                if httpx.get(self.base + "/api/status?limit=1", timeout=2).status_code < 500:
                    return self
            except httpx.TransportError:
                time.sleep(0.1)
        raise RuntimeError("goalpost serve did not answer within 60 s")

    def __exit__(self, *exc: Any) -> None:
        assert self.proc is not None
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.stderr = self.proc.stderr.read() if self.proc.stderr else ""


@dataclass
class LoadResult:
    """What a load run saw: latencies per kind, failures, and acknowledged corrections."""

    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    status: dict[int, int] = field(default_factory=lambda: defaultdict(int))
    errors: list[str] = field(default_factory=list)  # 5xx and broken connections
    acknowledged: list[tuple[str, float]] = field(default_factory=list)  # (item id, value)
    requests: int = 0
    seconds: float = 0.0

    def summary(self) -> list[dict[str, Any]]:
        rows = []
        for kind in sorted(self.latencies):
            lat = self.latencies[kind]
            rows.append({"kind": kind, "n": len(lat), "p50_ms": round(percentile(lat, 50) * 1000, 1),
                         "p95_ms": round(percentile(lat, 95) * 1000, 1),
                         "p99_ms": round(percentile(lat, 99) * 1000, 1)})  # fmt: skip
        every = [x for lat in self.latencies.values() for x in lat]
        rows.append({"kind": "all", "n": len(every), "p50_ms": round(percentile(every, 50) * 1000, 1),
                     "p95_ms": round(percentile(every, 95) * 1000, 1),
                     "p99_ms": round(percentile(every, 99) * 1000, 1)})  # fmt: skip
        return rows


def _targets(base: str) -> tuple[list[str], list[str]]:
    """Item ids and document ids to aim at, from the API."""
    items = httpx.get(base + "/api/targets", params={"limit": 200}, timeout=30).json()
    docs = httpx.get(base + "/api/documents", params={"limit": 200}, timeout=30).json()

    def ids(body: Any) -> list[str]:
        rows = (
            body
            if isinstance(body, list)
            else next(v for v in body.values() if isinstance(v, list))
        )
        return [r["id"] for r in rows]

    return ids(items), ids(docs)


def run_load(
    base: str,
    token: str,
    *,
    duration: float = 30.0,
    clients: int = 32,
    max_requests: int = 20_000,
    write_share: float = 0.15,
    seed: int = 0,
    timeout: float = 60.0,
) -> LoadResult:
    """Drive ``base`` with ``clients`` threads for ``duration`` s or ``max_requests`` requests."""
    item_ids, doc_ids = _targets(base)
    if not item_ids:
        raise RuntimeError("the database holds no targets to read and correct")
    result = LoadResult()
    lock = threading.Lock()
    stop_at = time.monotonic() + duration
    counter = iter(range(max_requests))

    def one(client: httpx.Client, rng: random.Random, n: int) -> None:
        r = rng.random()
        if r < write_share:
            kind = "write"
            item = rng.choice(item_ids)
            value = float(n * 1000 + rng.randrange(1000))  # unique per request
            req = ("POST", f"/api/items/{item}/review",
                   {"json": {"action": "correct", "fields": {"value": value}, "note": f"load {n}"},
                    "headers": {"Authorization": f"Bearer {token}"}})  # fmt: skip
        elif r < write_share + 0.15:
            kind = "search"
            term = rng.choice(SEARCH_TERMS)
            req = ("GET", rng.choice(["/search", "/api/search"]), {"params": {"q": term}})
        else:
            kind = "read"
            path = rng.choice(
                ["/", "/documents", "/indicators", "/revisions", f"/targets/{rng.choice(item_ids)}",
                 f"/documents/{rng.choice(doc_ids)}", "/api/targets?limit=50", "/api/status?limit=50",
                 f"/api/targets/{rng.choice(item_ids)}", "/api/observations?limit=50"]
            )  # fmt: skip
            req = ("GET", path, {})
        method, path, kwargs = req
        t0 = time.perf_counter()
        try:
            resp = client.request(method, path, **kwargs)
            elapsed = time.perf_counter() - t0
        except httpx.TransportError as exc:
            with lock:
                result.errors.append(f"{method} {path}: {type(exc).__name__}: {exc}")
            return
        with lock:
            result.requests += 1
            result.status[resp.status_code] += 1
            result.latencies[kind].append(elapsed)
            if resp.status_code >= 500:
                result.errors.append(f"{method} {path}: {resp.status_code} {resp.text[:200]}")
            elif kind == "write" and resp.status_code == 200:
                result.acknowledged.append((item, value))

    def worker(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        with httpx.Client(base_url=base, timeout=timeout) as client:
            while time.monotonic() < stop_at:
                n = next(counter, None)
                if n is None:
                    return
                one(client, rng, n)

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    result.seconds = time.monotonic() - t0
    return result


def lost_writes(db_url: str, acknowledged: list[tuple[str, float]]) -> list[str]:
    """Acknowledged corrections missing from the database, and items not at their last one."""
    from goalpost.store import Store

    store = Store(db_url)
    try:
        stored: dict[str, list[float]] = defaultdict(list)
        for r in store.reviews():
            fields = json.loads(r["fields"] or "{}")
            if r["action"] == "correct" and "value" in fields:
                stored[r["item_id"]].append(float(fields["value"]))
        problems = [f"{i}: correction {v} acknowledged but not stored"
                    for i, v in acknowledged if v not in stored.get(i, [])]  # fmt: skip
        for item_id in {i for i, _ in acknowledged}:
            row = store.get_item(item_id)
            if row is None or row["value"] != stored[item_id][-1]:
                problems.append(
                    f"{item_id}: value {row and row['value']} is not its last correction"
                )
        return problems
    finally:
        store.close()


def prepare(db_url: str, docs: int, seed: int = 0) -> str:
    """Fill ``db_url`` with a generated corpus (ingested, assessed); returns a write token."""
    sys.path.insert(0, str(HERE))
    import make_corpus

    from goalpost._ingest import ingest
    from goalpost._scoreboard import assess_store
    from goalpost._tokens import create_token
    from goalpost.store import Store

    store = Store(db_url)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            make_corpus.generate_corpus(Path(tmp) / "corpus", docs, seed=seed)
            ingest(store, [Path(tmp) / "corpus"])
        assess_store(store)
        return create_token(store, "load")
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", help="database URL (default: a fresh SQLite file in a temp folder)")
    ap.add_argument("--docs", type=int, default=60, help="generated documents to ingest first")
    ap.add_argument("--duration", type=float, default=30.0, help="seconds of load (bounded)")
    ap.add_argument("--clients", type=int, default=32, help="concurrent clients")
    ap.add_argument("--max-requests", type=int, default=50_000, help="stop after this many")
    ap.add_argument("--write-share", type=float, default=0.15, help="share of review writes")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'load.db'}"
        t0 = time.monotonic()
        token = prepare(db_url, args.docs)
        print(f"database {db_url}: {args.docs} documents ingested in {time.monotonic() - t0:.1f} s")
        with Server(db_url) as server:
            res = run_load(server.base, token, duration=args.duration, clients=args.clients,
                           max_requests=args.max_requests, write_share=args.write_share)  # fmt: skip
        lost = lost_writes(db_url, res.acknowledged)
    print(f"{res.requests} requests in {res.seconds:.1f} s ({res.requests / max(res.seconds, 1e-9):.0f}/s), "
          f"{args.clients} clients; status codes {dict(sorted(res.status.items()))}")  # fmt: skip
    print(f"{'kind':8} {'n':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for row in res.summary():
        print(
            f"{row['kind']:8} {row['n']:>7} {row['p50_ms']:>8} {row['p95_ms']:>8} {row['p99_ms']:>8}"
        )
    print(f"5xx or broken connections: {len(res.errors)}; acknowledged corrections: "
          f"{len(res.acknowledged)}; lost writes: {len(lost)}")  # fmt: skip
    for line in (res.errors + lost)[:20]:
        print("  " + line)
    return 1 if res.errors or lost else 0


if __name__ == "__main__":
    sys.exit(main())
