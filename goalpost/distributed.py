"""Ingest on a Dask cluster: workers read and extract, this process links and writes.

``ingest_dask`` gives the same database as :func:`goalpost._ingest.ingest`
(same documents, same items, same ids, same outcomes), only faster on a
corpus and on many machines:

- files go to the workers in chunks (one Dask task per chunk keeps the
  scheduler's per-task overhead small next to the extraction);
- at most a few chunks per worker are in flight, so a slow database never
  lets finished results pile up in memory;
- results are written in the order of the files, by this process alone,
  a chunk per transaction (``write_batch``, as the default engine does):
  the same order and the same linking as the default engine, so duplicates
  resolve the same way, and a crash never leaves half a document;
- or, with ``write_on_workers=True``, each worker writes its own chunks (the
  same transactions, in whatever order the chunks finish), so the writing
  grows with the cluster instead of being done by one process;
- a file that fails on a worker (bad input, or a bug in a reader) comes
  back as that file's failure; the batch goes on.

Without ``scheduler`` a ``LocalCluster`` of worker processes is started and
stopped. With one, workers must be able to import goalpost; when they cannot
see the files (no shared volume), this process reads each file and ships its
bytes with the task. A script that calls ``ingest_dask`` without a
scheduler needs the usual ``if __name__ == "__main__":`` guard, because the
local cluster's workers are spawned processes. Documents written before an
interruption stay written; running the ingest again skips them (unchanged).

>>> from goalpost.store import Store
>>> ingest_dask(Store("sqlite:///:memory:"), [], n_workers=1).ok
True
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from goalpost._exceptions import ConfigError, DocumentError, GoalpostError
from goalpost._ingest import (
    Failed,
    IngestReport,
    Overrides,
    Processed,
    iter_files,
    process_file,
    process_or_fail,
    write_batch,
)

__all__ = ["Failed", "ingest_dask", "process_and_write_chunk", "process_chunk"]

# Chunks in flight per worker thread: enough that no worker waits for the next
# task while this process writes, few enough to bound memory.
IN_FLIGHT_PER_THREAD = 4
MAX_CHUNK = 64
# Documents written after which the planner's statistics are refreshed (a bulk load).
ANALYZE_AFTER = 1000


Job = tuple[str, bytes | None]  # (path as given, its bytes when shipped, else None)


def _process_one(path: str, data: bytes | None, overrides: Overrides | None) -> Processed | Failed:
    if data is None:
        return process_or_fail(path, overrides)
    return process_or_fail(path, overrides, read=lambda p, o: _process_bytes(p, data, o))


def _process_bytes(path: str, data: bytes, overrides: Overrides | None) -> Processed:
    # why: readers take a path; the same file name keeps format sniffing and titles identical
    with tempfile.TemporaryDirectory(prefix="goalpost-") as tmp:
        local = Path(tmp) / Path(path).name
        local.write_bytes(data)
        try:
            p = process_file(local, overrides)
        except GoalpostError as exc:
            if isinstance(exc, DocumentError):
                raise type(exc)(exc.reason, path) from None
            raise GoalpostError(str(exc).replace(str(local), path)) from None
    p.path = path
    p.document.source = path
    return p


def process_chunk(
    jobs: Sequence[Job], overrides: Overrides | None = None
) -> list[Processed | Failed]:
    """Read and extract a chunk of files on a worker; failures come back as :class:`Failed`.

    >>> process_chunk([("/no/such/file.txt", None)])[0].reason
    'cannot read file (No such file or directory)'
    """
    return [_process_one(path, data, overrides) for path, data in jobs]


# Per worker process and database URL: the ingest being written (its token), its Store and
# Linker. A new ingest gets a new Store and Linker (the manual links, and even the schema, of
# its day) and the last one's connections are closed, so a worker holds one pool per URL.
_WORKER_STATE: dict[str, tuple[str, Any, Any]] = {}

Progress = list[tuple[str, "str | None"]]  # (path, error or None), in file order


def _worker_store_and_linker(url: str, token: str, *, linker: bool = True) -> tuple[Any, Any]:
    from goalpost._linking import Linker
    from goalpost.store import Store

    state = _WORKER_STATE.get(url)
    if state is None or state[0] != token:
        if state is not None:
            state[1].engine.dispose()
        store = Store(url)
        state = _WORKER_STATE[url] = (token, store, Linker.for_store(store) if linker else None)
    elif linker and state[2] is None:
        state = _WORKER_STATE[url] = (token, state[1], Linker.for_store(state[1]))
    return state[1], state[2]


def process_and_write_chunk(
    jobs: Sequence[Job], overrides: Overrides | None, url: str, token: str, force: bool = False
) -> tuple[IngestReport, Progress]:
    """Read, extract and write a chunk on a worker, in one transaction (``write_batch``).

    Returns the chunk's report and its per-file progress (path, error or
    None), for the caller to add up. Each worker keeps one connection pool
    per database URL. Used by ``ingest_dask(..., write_on_workers=True)``.
    """
    results = process_chunk(jobs, overrides)
    store, linker = _worker_store_and_linker(url, token)
    report = IngestReport()
    progress: Progress = []
    write_batch(store, linker, results, report, force, lambda p, e: progress.append((p, e)))
    linker.save_new_indicators(store)
    return report, progress


def _add_report(total: IngestReport, part: IngestReport) -> None:
    for name in ("inserted", "replaced", "unchanged", "reextracted", "items"):
        setattr(total, name, getattr(total, name) + getattr(part, name))
    total.failed.extend(part.failed)


def _can_read(paths: list[str]) -> bool:
    return all(os.access(p, os.R_OK) for p in paths)


def _chunk_size(n_files: int, n_threads: int, requested: int | None) -> int:
    if requested:
        return max(1, requested)
    # why: ~16 chunks per worker thread balances load; MAX_CHUNK caps memory per task
    return max(1, min(MAX_CHUNK, math.ceil(n_files / max(1, n_threads * 16))))


class _Cluster:
    """A Dask client on the given scheduler, or on a LocalCluster started (and stopped) here."""

    def __init__(self, scheduler: Any, n_workers: int | None) -> None:
        import dask
        from dask.distributed import Client, LocalCluster

        self.cluster = None
        self.own_client = True
        if scheduler is not None and not isinstance(scheduler, str):
            self.client, self.own_client = scheduler, False  # an existing Client
            return
        if scheduler:
            try:
                # timeout: Dask's distributed.comm.timeouts.connect (30 s unless configured)
                self.client = Client(scheduler)
            except (OSError, TimeoutError) as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
            return
        # why: a local cluster has no dashboard to show the workers' statistical profiler, which
        # samples the extracting thread every 10 ms (4-8% of a worker's CPU, stage.py-measured)
        with dask.config.set({"distributed.worker.profile.enabled": False}):
            self.cluster = LocalCluster(
                n_workers=n_workers or os.cpu_count() or 1,
                threads_per_worker=1,  # why: extraction is pure Python; one GIL per process
                processes=True,
                dashboard_address=None,  # why: no fixed port, so several ingests can run at once
                silence_logs=logging.ERROR,
            )
        self.client = Client(self.cluster)

    def threads(self) -> int:
        return max(1, sum(self.client.nthreads().values()))

    def workers_see(self, paths: list[str]) -> bool:
        if self.cluster is not None or not paths:
            return True
        return all(self.client.run(_can_read, paths).values())

    def close(self) -> None:
        if self.own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _jobs(chunk: list[Path], ship: bool) -> list[Job]:
    out: list[Job] = []
    for p in chunk:
        data = None
        if ship:
            try:
                data = p.read_bytes()
            except OSError:
                data = None  # why: the worker reads it and reports the error in the usual words
        out.append((str(p), data))
    return out


def ingest_dask(
    store: Any,
    files: Iterable[str | os.PathLike[str]],
    *,
    overrides: Overrides | None = None,
    force: bool = False,
    scheduler: Any = None,
    on_progress: Callable[[str, str | None], None] | None = None,
    batch_size: int | None = None,
    n_workers: int | None = None,
    linker: Any = None,
    ship_bytes: bool | None = None,
    write_on_workers: bool = False,
) -> IngestReport:
    """Ingest files and folders with reading and extraction on Dask workers.

    ``scheduler`` is a scheduler address (``tcp://host:8786``), an existing
    ``dask.distributed.Client``, or None for a local cluster of ``n_workers``
    processes (default: one per CPU). ``batch_size`` files go to a worker per
    task (default: adapted to the corpus, at most 64). ``ship_bytes`` sends
    file contents with the tasks; None decides by asking the workers whether
    they can read the paths. Returns the same :class:`IngestReport` as
    :func:`goalpost._ingest.ingest`; ``on_progress(path, error_or_None)`` is
    called once per file, in file order.

    ``write_on_workers`` has each worker write its own chunks (one
    transaction per chunk, as here) instead of sending the results back to
    this process to write: the writing then grows with the workers instead
    of capping the whole ingest at what one process writes. Every worker
    must reach the database at ``store.url`` (PostgreSQL, or an SQLite file
    on a local cluster). The same documents, items, links and ids are
    stored; what depends on which worker writes first is which copy of a
    file held twice counts as new, and the unit and name recorded for a
    provisional indicator met with different units.

    >>> from goalpost.store import Store
    >>> r = ingest_dask(Store("sqlite:///:memory:"), ["/no/such.txt"], n_workers=1)
    >>> r.failed[0][0]
    '/no/such.txt'
    """
    from goalpost._linking import Linker

    paths = iter_files(files)
    report = IngestReport()
    if not paths:
        return report
    linker = linker or Linker.for_store(store)
    cluster = _Cluster(scheduler, n_workers)
    try:
        if ship_bytes is None:
            ship_bytes = not cluster.workers_see([str(p) for p in paths[:8]])
        threads = cluster.threads()
        size = _chunk_size(len(paths), threads, batch_size)
        chunks = [paths[i : i + size] for i in range(0, len(paths), size)]
        window = IN_FLIGHT_PER_THREAD * threads
        pending: deque[Any] = deque()
        submitted = 0

        token = uuid.uuid4().hex
        if write_on_workers:
            _check_workers_reach(store, cluster, token)

        def submit_more() -> None:
            nonlocal submitted
            while submitted < len(chunks) and len(pending) < window:
                jobs = _jobs(chunks[submitted], ship_bytes)
                if write_on_workers:
                    future = cluster.client.submit(
                        process_and_write_chunk, jobs, overrides, store.url, token, force,
                        pure=False,
                    )  # fmt: skip
                else:
                    future = cluster.client.submit(process_chunk, jobs, overrides, pure=False)
                pending.append(future)
                submitted += 1

        submit_more()
        while pending:
            future = pending.popleft()
            results = future.result()  # why: in file order, so writes match the local engine's
            future.release()
            submit_more()
            if write_on_workers:
                part, progress = results
                _add_report(report, part)
                for path, problem in progress if on_progress else ():
                    on_progress(path, problem)
            else:
                write_batch(store, linker, results, report, force, on_progress)
    finally:
        cluster.close()
    linker.save_new_indicators(store)
    if report.inserted + report.replaced + report.reextracted >= ANALYZE_AFTER:
        _refresh_statistics(store)
    return report


def _sqlite_file(url: str) -> str | None:
    """The file of an SQLite URL (None for an in-memory database)."""
    path = url.split("///", 1)[1] if "///" in url else ""
    return None if not path or path.startswith(":memory:") else path.split("?", 1)[0]


def _file_identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def _worker_reaches(url: str, identity: tuple[int, int] | None, token: str) -> str | None:
    """On a worker: None if it can write to the database at ``url``, else why not."""
    if url.startswith("sqlite"):
        path = _sqlite_file(url)
        if path is None or _file_identity(path) != identity or not os.access(path, os.W_OK):
            return f"cannot write to the SQLite file {path} of this machine"
        return None
    try:
        _worker_store_and_linker(url, token, linker=False)[0].indicators()
    except Exception as exc:  # why: reported to the caller as the reason, with the worker's name
        return f"cannot reach the database: {type(exc).__name__}: {str(exc).splitlines()[0]}"
    return None


def _check_workers_reach(store: Any, cluster: _Cluster, token: str) -> None:
    """Fail early, naming the database and the worker, when a worker cannot write to it.

    An SQLite file is only shared by processes on one machine: each worker
    must see the very file (same device and inode) this process writes.
    """
    identity = None
    if store.dialect == "sqlite":
        path = _sqlite_file(store.url)
        if path is None:
            raise ConfigError("write_on_workers needs a database file or server, not :memory:")
        identity = _file_identity(path)
    answers = cluster.client.run(_worker_reaches, store.url, identity, token)
    for worker, problem in sorted(answers.items()):
        if problem:
            raise ConfigError(f"write_on_workers: worker {worker} {problem}")


def _refresh_statistics(store: Any) -> None:
    """Let the query planner see the corpus just loaded (autovacuum would, minutes later)."""
    with store.engine.connect() as c:
        if store.dialect == "postgresql":
            for table in ("documents", "sections", "items"):
                c.exec_driver_sql(f"ANALYZE {table}")
        elif store.dialect == "sqlite":
            c.exec_driver_sql("PRAGMA optimize")
        c.commit()
