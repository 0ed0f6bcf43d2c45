"""``ingest --engine dask``: the same database as the default engine, on SQLite and PostgreSQL.

Each equivalence test ingests a corpus with the default engine, snapshots
every stored row (timestamps aside), empties the database, ingests the same
files on a Dask cluster and compares. The cluster is real (worker processes
on this machine), shared by the module to keep the suite quick.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select, text

from goalpost._ingest import ingest, iter_files
from goalpost.distributed import Failed, ingest_dask, process_chunk
from goalpost.store import Store
from goalpost.store import _schema as t

REPO = Path(__file__).resolve().parents[1]
GOALPOST = Path(sys.executable).with_name("goalpost")
TIMESTAMPS = {"ingested_at", "created_at", "at", "computed_at"}


def make_corpus_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPO / "benchmarks" / "make_corpus.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = mod  # why: dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def client():
    """A two-worker local Dask cluster for the module (processes, as in production)."""
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    make_corpus_module().generate_corpus(out, 120, seed=7)
    return out


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of the tables ingest writes, sorted, without timestamps or serial ids."""
    eng = create_engine(url)
    out: dict[str, list[tuple]] = {}
    with eng.connect() as c:
        for tbl in (
            t.documents,
            t.sections,
            t.items,
            t.indicators,
            t.indicator_aliases,
            t.audit_log,
        ):
            keep_id = tbl.name in ("documents", "items", "indicators")  # why: others are serials
            cols = [
                col for col in tbl.c if col.name not in TIMESTAMPS and (col.name != "id" or keep_id)
            ]
            out[tbl.name] = sorted(tuple(r) for r in c.execute(select(*cols)))
    eng.dispose()
    return out


def empty(url: str) -> str:
    """The same database, emptied (SQLite: a new file; PostgreSQL: a new schema)."""
    if url.startswith("sqlite"):
        return url.replace(".db", "-2.db")
    eng = create_engine(url)
    with eng.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    eng.dispose()
    return url


def outcome_counts(r: Any) -> tuple:
    return (r.inserted, r.replaced, r.unchanged, r.reextracted, r.items, sorted(r.failed))


@pytest.mark.parametrize("write_on_workers", [False, True], ids=["client-writes", "workers-write"])
@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_dask_ingest_matches_default_engine(
    corpus: str, write_on_workers: bool, db_url: str, client, generated: Path, request
) -> None:
    folder = request.getfixturevalue("seeds_dir") if corpus == "seeds" else generated
    store = Store(db_url)
    local = ingest(store, [folder])
    store.close()
    want = snapshot(db_url)
    url = empty(db_url)
    store = Store(url)
    seen: list[str] = []
    distributed = ingest_dask(store, [folder], scheduler=client, write_on_workers=write_on_workers,
                              batch_size=5 if write_on_workers else None,
                              on_progress=lambda p, e: seen.append(p))  # fmt: skip
    store.close()
    got = snapshot(url)
    assert outcome_counts(distributed) == outcome_counts(local)
    assert local.items > 0 and not local.failed
    assert seen == [str(p) for p in iter_files([folder])]  # once per file, in file order
    for table in want:
        if table == "indicators" and write_on_workers:  # why: a provisional one is described
            # by whichever worker met its phrase first (the unit read there); ids must agree
            assert [r[0] for r in got[table]] == [r[0] for r in want[table]]
        else:
            assert got[table] == want[table], table


def test_workers_writing_refuse_a_database_they_cannot_reach(tmp_path: Path, client) -> None:
    from goalpost._exceptions import ConfigError
    from goalpost.distributed import _worker_reaches

    with pytest.raises(ConfigError, match="not :memory:"):
        (tmp_path / "plan.txt").write_text("The city will build 60 bases by 2025.")
        ingest_dask(Store("sqlite:///:memory:"), [tmp_path / "plan.txt"], scheduler=client,
                    write_on_workers=True)  # fmt: skip
    db = tmp_path / "w.db"
    Store(f"sqlite:///{db}")
    assert _worker_reaches(f"sqlite:///{db}", (0, 0), "t") == (
        f"cannot write to the SQLite file {db} of this machine"
    )  # another machine's file of the same name is another file
    problem = _worker_reaches("postgresql+psycopg://nobody@127.0.0.1:9/none", None, "t")
    assert problem is not None and problem.startswith("cannot reach the database")


@pytest.mark.parametrize("batch_size", [1, 7, 64])
def test_chunk_size_does_not_change_what_is_stored(
    batch_size: int, tmp_path: Path, client, generated: Path
) -> None:
    files = sorted(generated.rglob("*.txt"))[:30]
    a, b = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    ingest(Store(a), files)
    ingest_dask(Store(b), files, scheduler=client, batch_size=batch_size)
    assert snapshot(a) == snapshot(b)


BAD_FILES = {
    "empty.txt": b"",
    "picture.png": b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
    "blank.md": b"   \n\n \n",
}


@pytest.mark.parametrize("write_on_workers", [False, True], ids=["client-writes", "workers-write"])
def test_bad_files_fail_one_by_one_as_with_the_default_engine(
    write_on_workers: bool, tmp_path: Path, client, seeds_dir: Path
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, data in BAD_FILES.items():
        (folder / name).write_bytes(data)
    shutil.copy(seeds_dir / "003_11b16cb614225836.txt", folder)
    files = sorted(folder.iterdir()) + [tmp_path / "missing.txt"]
    local = ingest(Store(f"sqlite:///{tmp_path / 'a.db'}"), files)
    seen: list[tuple[str, str | None]] = []
    store = Store(f"sqlite:///{tmp_path / 'b.db'}")
    dask = ingest_dask(store, files, scheduler=client, write_on_workers=write_on_workers,
                       on_progress=lambda p, e: seen.append((p, e)))  # fmt: skip
    assert dask.failed == local.failed
    assert len(dask.failed) == len(BAD_FILES) + 1 and dask.inserted == local.inserted == 1
    assert [p for p, _ in seen] == [str(f) for f in files]
    assert all(reason for _, reason in dask.failed)
    assert [d["source"] for d in store.documents()] == [str(folder / "003_11b16cb614225836.txt")]


@pytest.mark.parametrize(
    "path, data, reason",
    [
        ("/no/such/dir/plan.txt", None, "cannot read file"),
        ("plan.txt", b"", "empty"),
        ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, "PNG"),
    ],
)
def test_worker_returns_failures_instead_of_raising(
    path: str, data: bytes | None, reason: str
) -> None:
    (res,) = process_chunk([(path, data)])
    assert isinstance(res, Failed) and res.path == path
    assert reason.lower() in res.reason.lower()


def test_shipped_bytes_give_the_same_documents_and_sources(
    tmp_path: Path, client, seeds_dir: Path
) -> None:
    files = sorted(seeds_dir.glob("*.txt"))
    a, b = f"sqlite:///{tmp_path / 'a.db'}", f"sqlite:///{tmp_path / 'b.db'}"
    ingest_dask(Store(a), files, scheduler=client, ship_bytes=False)
    ingest_dask(Store(b), files, scheduler=client, ship_bytes=True)
    assert snapshot(a) == snapshot(b)
    assert {d["source"] for d in Store(b).documents()} == {str(f) for f in files}


def test_reingest_outcomes_match_the_default_engine(
    tmp_path: Path, client, seeds_dir: Path
) -> None:
    folder = tmp_path / "docs"
    shutil.copytree(seeds_dir, folder)
    shutil.copy(
        folder / "003_11b16cb614225836.txt", folder / "copy_of_003.txt"
    )  # same content twice
    stores = {e: Store(f"sqlite:///{tmp_path / e}.db") for e in ("local", "dask")}
    run = {"local": lambda s, **kw: ingest(s, [folder], **kw),
           "dask": lambda s, **kw: ingest_dask(s, [folder], scheduler=client, **kw)}  # fmt: skip
    reports: dict[str, list[tuple]] = {e: [] for e in stores}
    for engine, store in stores.items():
        reports[engine].append(outcome_counts(run[engine](store)))
        reports[engine].append(outcome_counts(run[engine](store)))  # unchanged
        edited = folder / "000_0b1a7108d2a732b0.txt"
        original = edited.read_text(encoding="utf-8")
        edited.write_text(original.replace("2021", "2022", 1), encoding="utf-8")
        reports[engine].append(outcome_counts(run[engine](store)))  # one replaced
        edited.write_text(original, encoding="utf-8")
        reports[engine].append(outcome_counts(run[engine](store, force=True)))  # re-extracted
    assert reports["dask"] == reports["local"]
    assert reports["local"][1][2] == 6 and reports["local"][2][1] == 1
    assert snapshot(stores["local"].url) == snapshot(stores["dask"].url)


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path, seeds_dir: Path) -> None:
    import dask

    from goalpost._exceptions import ConfigError

    with (
        dask.config.set({"distributed.comm.timeouts.connect": "2s"}),
        pytest.raises(ConfigError, match="Dask scheduler at tcp://127.0.0.1:9"),
    ):
        ingest_dask(
            Store(f"sqlite:///{tmp_path / 'a.db'}"), [seeds_dir], scheduler="tcp://127.0.0.1:9"
        )


def test_local_cluster_workers_run_without_the_statistical_profiler() -> None:
    import dask

    from goalpost.distributed import _Cluster

    cluster = _Cluster(None, 1)
    try:
        seen = cluster.client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    finally:
        cluster.close()
    assert list(seen.values()) == [False]
    assert dask.config.get("distributed.worker.profile.enabled") is True  # the caller's untouched


def test_cli_engine_dask_starts_its_own_cluster(tmp_path: Path, seeds_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    res = subprocess.run([str(GOALPOST), "ingest", str(seeds_dir), "--db", db, "--engine", "dask"],
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "ingested 5 file(s): 5 new" in res.stderr
    local = f"sqlite:///{tmp_path / 'local.db'}"
    ingest(Store(local), [seeds_dir])
    assert snapshot(db) == snapshot(local)


def test_cli_write_on_workers(tmp_path: Path, seeds_dir: Path) -> None:
    db = f"sqlite:///{tmp_path / 'w.db'}"
    cmd = [str(GOALPOST), "ingest", str(seeds_dir), "--db", db, "--write-on-workers"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert res.returncode == 2 and "--write-on-workers needs --engine dask" in res.stderr
    res = subprocess.run([*cmd, "--engine", "dask", "--workers", "2"],
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert "ingested 5 file(s): 5 new" in res.stderr
    assert len(Store(db).documents()) == 5


def test_statistics_are_refreshed_after_a_bulk_load(
    db_url: str, client, seeds_dir: Path, monkeypatch
) -> None:
    import goalpost.distributed as dist

    monkeypatch.setattr(dist, "ANALYZE_AFTER", 5)
    store = Store(db_url)
    assert ingest_dask(store, [seeds_dir], scheduler=client).inserted == 5
    if store.dialect == "postgresql":
        with store.engine.connect() as c:
            analyzed = c.execute(
                text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'items'")
            ).scalar()
        assert analyzed is not None
