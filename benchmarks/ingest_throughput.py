"""Ingest throughput, peak memory and database size: default engine and Dask, SQLite and PostgreSQL.

For each database x engine, a fresh database and a child process that runs
the ingest (so memory is the ingest's own: the child and, for Dask, its
worker processes, sampled every 0.5 s). Prints documents/s, MiB/s, peak
memory, database size per 1,000 documents, the Dask 1 -> 2 worker scaling,
and the projected time for 100,000 documents, each next to its goal.

Usage::

    python benchmarks/make_corpus.py /tmp/goalpost-corpus --n 100000     # once
    python benchmarks/ingest_throughput.py --n 1000                        # quick
    python benchmarks/ingest_throughput.py --n 100000 --engines dask2 --dbs postgresql

The corpus is ``--corpus`` (default ``/tmp/goalpost-corpus``), generated
or extended to ``--n`` documents first; the first ``--n`` files are used.

Engines: ``local`` (the default engine), ``dask1``/``dask2`` (``--engine
dask`` with 1 or 2 worker processes), ``dask1-w``/``dask2-w`` (the same with
``--write-on-workers``: each worker writes its own chunks, so nothing but
the workers competes for the CPUs), and ``dask1-stage``/``dask2-stage``: the
Dask stage alone (read and extract on the workers, results received and
counted, nothing written), to see how the part that workers share scales when
the writing process is not competing with them for the same two CPUs::

    python benchmarks/ingest_throughput.py --n 5000 --dbs sqlite \
        --engines dask1,dask2,dask1-stage,dask2-stage
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import pg_admin_url, pg_database_size, table, temp_pg_database  # noqa: E402
from benchmarks.make_corpus import generate_corpus, render_document  # noqa: E402

ENGINES = {"local": 0, "dask1": 1, "dask2": 2, "dask1-w": 1, "dask2-w": 2, "dask1-stage": 1,
           "dask2-stage": 2}  # fmt: skip
GOAL_SECONDS_100K = 600
GOAL_SCALING = 0.90


def corpus_files(corpus: Path, n: int, seed: int) -> list[str]:
    """The first ``n`` documents of the corpus, generated where missing."""
    manifest = corpus / "corpus.json"
    have = json.loads(manifest.read_text())["n"] if manifest.exists() else 0
    if have < n or json.loads(manifest.read_text()).get("seed") != seed:
        print(f"generating corpus of {n:,} documents in {corpus} ...", flush=True)
        generate_corpus(corpus, n, seed)
    return [str(corpus / render_document(i, seed)[0]) for i in range(n)]


def child(engine: str, url: str, list_file: str) -> None:
    """Run one ingest and print its figures as JSON (the parent measures memory)."""
    from goalpost._ingest import ingest
    from goalpost.distributed import ingest_dask
    from goalpost.store import Store

    files = Path(list_file).read_text().splitlines()
    store = Store(url)
    t0 = time.perf_counter()
    if engine == "local":
        report = ingest(store, files)
    elif engine.endswith("-stage"):
        report = dask_stage(files, ENGINES[engine])
    else:
        report = ingest_dask(store, files, n_workers=ENGINES[engine],
                             write_on_workers=engine.endswith("-w"))  # fmt: skip
    seconds = time.perf_counter() - t0
    if store.dialect == "sqlite":
        with store.engine.connect() as c:  # why: size the file with the WAL folded in
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    print(json.dumps({"seconds": seconds, "docs": report.inserted + report.replaced + report.unchanged,
                      "items": report.items, "failed": len(report.failed)}))  # fmt: skip


def dask_stage(files: list[str], n_workers: int) -> object:
    """The Dask half of ``--engine dask`` alone: the same chunks read and extracted on the
    workers, results received here and counted, nothing linked or written.

    What grows with the number of workers; the writing process is measured by the full
    ``daskN`` engines (on one 2-CPU machine it competes with the workers for the CPUs).
    """
    from dask.distributed import as_completed

    from goalpost._ingest import IngestReport
    from goalpost.distributed import Failed, _Cluster, process_chunk

    report = IngestReport()
    size = max(1, min(64, -(-len(files) // (n_workers * 16))))  # as ingest_dask chunks them
    cluster = _Cluster(None, n_workers)  # why: the local cluster ingest_dask starts, same settings
    try:
        client = cluster.client
        chunks = [[(f, None) for f in files[i : i + size]] for i in range(0, len(files), size)]
        futures = [client.submit(process_chunk, c, pure=False) for c in chunks]
        for future in as_completed(futures):
            for res in future.result():
                if isinstance(res, Failed):
                    report.failed.append((res.path, res.reason))
                else:
                    report.inserted += 1
                    report.items += len(res.items)
            future.release()
    finally:
        cluster.close()
    return report


def run_child(engine: str, url: str, list_file: str) -> dict:
    import psutil

    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", engine, url, list_file],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    parent, peak = psutil.Process(proc.pid), 0
    while proc.poll() is None:
        try:
            procs = [parent, *parent.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.5)  # why: listing the process tree costs CPU; at 0.1 s it took 20% of one
    out, _ = proc.communicate()
    if proc.returncode:
        raise SystemExit(f"{engine} on {url} failed (exit {proc.returncode})")
    res = json.loads(out.strip().splitlines()[-1])
    res["peak_rss"] = peak
    return res


def measure(
    db: str, engine: str, files: list[str], list_file: str, tmp: str, pg: str
) -> dict | None:
    from goalpost.store import Store

    if db == "sqlite":
        path = Path(tmp) / f"{engine}.db"
        url = f"sqlite:///{path}"
        Store(url).close()
        base = path.stat().st_size
        res = run_child(engine, url, list_file)
        res["db_bytes"] = path.stat().st_size - base
        return res
    with temp_pg_database(pg) as url:
        if url is None:
            return None
        Store(url).close()
        base = pg_database_size(url)
        res = run_child(engine, url, list_file)
        res["db_bytes"] = pg_database_size(url) - base
        return res


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--corpus", default="/tmp/goalpost-corpus")
    ap.add_argument("--engines", default="local,dask1,dask2")
    ap.add_argument("--dbs", default="sqlite,postgresql")
    ap.add_argument("--pg", default=pg_admin_url())
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    files = corpus_files(Path(args.corpus), args.n, args.seed)
    mib = sum(os.path.getsize(f) for f in files) / 2**20
    print(f"corpus: {len(files):,} documents, {mib:.1f} MiB; {os.cpu_count()} CPUs; "
          f"load {os.getloadavg()[0]:.1f}", flush=True)  # fmt: skip
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        list_file = str(Path(tmp) / "files.txt")
        Path(list_file).write_text("\n".join(files))
        for db in args.dbs.split(","):
            for engine in args.engines.split(","):
                res = measure(db, engine, files, list_file, tmp, args.pg)
                if res is None:
                    print(f"{db}: no server reachable, skipped")
                    break
                rate = len(files) / res["seconds"]
                row = {
                    "database": db, "engine": engine, "documents": len(files), "items": res["items"],
                    "failed": res["failed"], "seconds": round(res["seconds"], 1),
                    "docs/s": round(rate, 1), "MiB/s": round(mib / res["seconds"], 2),
                    "peak RSS MiB": round(res["peak_rss"] / 2**20),
                    "DB MiB per 1k docs": round(res["db_bytes"] / 2**20 / len(files) * 1000, 1),
                    "100k docs, min (goal < 10)": round(100_000 / rate / 60, 1),
                }  # fmt: skip
                rows.append(row)
                print(json.dumps(row), flush=True)
    print()
    print(table(rows, list(rows[0])) if rows else "no figures")
    for db in args.dbs.split(","):
        by = {r["engine"]: r["docs/s"] for r in rows if r["database"] == db}
        for one, two, what in (("dask1", "dask2", "ingest"),
                               ("dask1-w", "dask2-w", "ingest, workers writing"),
                               ("dask1-stage", "dask2-stage", "read + extract stage alone")):  # fmt: skip
            if one in by and two in by:
                eff = by[two] / (2 * by[one])
                print(f"{db}: Dask 1 -> 2 workers, {what}: {by[one]} -> {by[two]} docs/s, "
                      f"{eff:.0%} of linear (goal >= {GOAL_SCALING:.0%})")  # fmt: skip
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")


if __name__ == "__main__":
    main()
