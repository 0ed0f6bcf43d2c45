"""Teams on one database: several writers at once, and bulk loading, on SQLite and PostgreSQL.

Two real ``goalpost ingest`` processes on different folders write into the
same database while this process reviews items as they appear (what the web
review does); afterwards ``goalpost db check`` passes and every document is
stored exactly once, with every item a sequential ingest would store. The
bulk path (``COPY`` on PostgreSQL, many documents per transaction) must
store exactly what ``Store.save_document`` stores.
"""

from __future__ import annotations

import importlib.util
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, insert, select

from goalpost._ingest import ingest, process_file
from goalpost._linking import Linker
from goalpost._models import Document
from goalpost.store import Store
from goalpost.store import _schema as t
from goalpost.store._bulk import DocumentWrite, bulk_insert, save_documents, uses_copy

REPO = Path(__file__).resolve().parents[1]
GOALPOST = Path(sys.executable).with_name("goalpost")


def make_corpus_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "make_corpus", REPO / "benchmarks" / "make_corpus.py"
    )
    mod = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = mod  # why: dataclasses look their module up there
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def two_folders(tmp_path_factory) -> tuple[Path, Path]:
    gen = make_corpus_module()
    root = tmp_path_factory.mktemp("teams")
    gen.generate_corpus(root / "north", 40, seed=11)
    gen.generate_corpus(root / "south", 40, seed=12)
    for f in sorted((root / "north").rglob("*.txt"))[:3]:  # the same bulletin saved in both
        shutil.copy(f, root / "south" / f"copy-{f.name}")
    return root / "north", root / "south"


def review_while(
    procs: list[subprocess.Popen], store: Store, rng: random.Random
) -> list[tuple[str, str]]:
    """Review random items until the ingests end, as a person in the web app would."""
    done: list[tuple[str, str]] = []
    while any(p.poll() is None for p in procs):
        rows = store.items(limit=50)
        if not rows:
            time.sleep(0.05)
            continue
        row = rng.choice(rows)
        action = rng.choice(["accept", "correct", "note"])
        fields = {"value": row["value"] + 1} if action == "correct" else None
        store.review_item(row["id"], action, actor="reviewer", fields=fields, note="checked")
        done.append((row["id"], action))
    return done


@pytest.mark.slow
@pytest.mark.parametrize("engines", [("local", "local"), ("local", "dask")])
@pytest.mark.parametrize("database", ["migrated", "fresh"])
def test_two_ingests_and_a_reviewer_leave_a_consistent_database(
    engines: tuple[str, str],
    database: str,
    db_url: str,
    two_folders: tuple[Path, Path],
    tmp_path: Path,
) -> None:
    if database == "migrated":
        Linker.for_store(Store(db_url))  # schema and catalog there, as on a team's server
    procs = [
        subprocess.Popen(
            [str(GOALPOST), "ingest", str(folder), "--db", db_url, "--engine", engine],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for folder, engine in zip(two_folders, engines, strict=True)
    ]
    reviewer = Store(db_url)
    reviews = review_while(procs, reviewer, random.Random(3))
    for p in procs:
        _, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
    check = subprocess.run(
        [str(GOALPOST), "db", "check", "--db", db_url], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    files = [
        f
        for folder in two_folders
        for f in folder.rglob("*")
        if f.suffix in (".txt", ".md", ".html")
    ]
    docs = reviewer.documents()
    assert sorted(d["id"] for d in docs) == sorted(
        {Document.content_id(f.read_bytes()) for f in files}
    )
    assert {d["source"] for d in docs} <= {str(f) for f in files}
    # every item a one-by-one ingest stores, and no other
    sequential = Store(f"sqlite:///{tmp_path / 'sequential.db'}")
    ingest(sequential, list(two_folders))
    want = {r["id"] for r in sequential.items(include_rejected=True)}
    assert {r["id"] for r in reviewer.items(include_rejected=True)} == want
    assert len(reviewer.reviews()) == len(reviews)
    for item_id, action in reviews[-5:]:
        row = reviewer.get_item(item_id)
        assert row is not None and (action == "note" or row["review_status"] != "extracted")


# ---------------------------------------------------------------- bulk loading
def stored_rows(store: Store) -> dict[str, list[tuple]]:
    skip = {"ingested_at", "created_at", "at"}
    out = {}
    with store.engine.connect() as c:
        for tbl in (t.documents, t.sections, t.items, t.audit_log):
            keep_id = tbl.name in ("documents", "items")
            cols = [col for col in tbl.c if col.name not in skip and (col.name != "id" or keep_id)]
            out[tbl.name] = sorted(tuple(r) for r in c.execute(select(*cols)))
    return out


@pytest.fixture(scope="module")
def processed(seeds_dir: Path) -> list[Any]:
    return [process_file(f) for f in sorted(seeds_dir.glob("*.txt"))]


def test_batch_save_stores_what_one_by_one_saves(
    db_url: str, tmp_path: Path, processed: list[Any]
) -> None:
    batch, one_by_one = Store(db_url), Store(f"sqlite:///{tmp_path / 'ref.db'}")
    linker = Linker.for_store(one_by_one)
    writes = [DocumentWrite(p.document, p.items, any(i.kind == "target" for i in p.items), p.size,
                            linker.link_items(p.items)) for p in processed]  # fmt: skip
    want = [one_by_one.save_document(w.doc, w.items, is_plan=w.is_plan, size=w.size, links=w.links)
            for w in writes]  # fmt: skip
    got = save_documents(batch, writes)
    assert got == want == ["inserted"] * len(writes)
    assert stored_rows(batch) == stored_rows(one_by_one)
    assert save_documents(batch, writes) == ["unchanged"] * len(writes)


def test_batch_save_replaces_by_source_and_keeps_reviews(db_url: str, processed: list[Any]) -> None:
    store = Store(db_url)
    p = processed[0]
    save_documents(store, [DocumentWrite(p.document, p.items)])
    first = p.items[0]
    store.review_item(first.id, "correct", actor="ann", fields={"value": 42.0})
    again = DocumentWrite(p.document, p.items)
    twin = DocumentWrite(processed[1].document, processed[1].items)
    assert save_documents(store, [again, twin, again]) == ["unchanged", "inserted", "unchanged"]
    edited = type(p.document)(**{**p.document.__dict__, "id": "0" * 16})
    items = [type(i)(**{**i.__dict__, "doc": edited.id}) for i in p.items]
    assert save_documents(store, [DocumentWrite(edited, items)]) == ["replaced"]
    assert {d["id"] for d in store.documents()} == {edited.id, processed[1].document.id}
    # the file reverted: its earlier reviews apply again, as with Store.save_document
    assert save_documents(store, [again]) == ["replaced"]
    back = store.get_item(first.id)
    assert back is not None and back["value"] == 42.0 and back["review_status"] == "corrected"


def test_failed_batch_writes_nothing(db_url: str, processed: list[Any]) -> None:
    store = Store(db_url)
    good = DocumentWrite(processed[0].document, processed[0].items)
    broken_doc = type(processed[1].document)(**{**processed[1].document.__dict__, "text": None})
    with pytest.raises(Exception):  # noqa: B017 - the database's own error, whatever its class
        save_documents(store, [good, DocumentWrite(broken_doc, [])])
    assert store.count_documents() == 0 and store.count_items() == 0


@pytest.mark.parametrize("n_rows", [0, 3, 40, 1500])
def test_bulk_insert_matches_plain_insert(db_url: str, n_rows: int) -> None:
    store = Store(db_url)
    rows = [{"name": f"token {k}", "token_hash": f"{k:064d}", "created_at": "2026-01-01", "revoked_at": None}
            for k in range(n_rows)]  # fmt: skip
    with store.transaction() as c:
        assert bulk_insert(c, t.tokens, rows) == n_rows
        assert uses_copy(c, n_rows) == (store.dialect == "postgresql" and n_rows >= 16)
    with store.transaction() as c:
        c.execute(insert(t.tokens).values(name="after", token_hash="x", created_at="2026-01-02"))
        ids = list(c.execute(select(t.tokens.c.id).order_by(t.tokens.c.id)).scalars())
        count = c.execute(select(func.count()).select_from(t.tokens)).scalar_one()
    assert count == n_rows + 1
    assert ids == list(range(1, count + 1))  # the sequence moved on past COPY's rows


@pytest.mark.parametrize("n_rows", [3, 40])
def test_duplicate_key_in_bulk_insert_is_an_integrity_error(db_url: str, n_rows: int) -> None:
    from sqlalchemy.exc import IntegrityError

    store = Store(db_url)
    rows = [{"name": f"t{k}", "token_hash": f"{k % (n_rows - 1):064d}", "created_at": "2026-01-01",
             "revoked_at": None} for k in range(n_rows)]  # fmt: skip
    with pytest.raises(IntegrityError), store.transaction() as c:
        bulk_insert(c, t.tokens, rows)
    with store.transaction() as c:  # rolled back, and the connection is fit for use
        assert c.execute(select(func.count()).select_from(t.tokens)).scalar_one() == 0


@pytest.mark.postgres
def test_batch_losing_a_race_to_another_writer_falls_back_to_one_by_one(
    db_url: str, tmp_path: Path
) -> None:
    """Another ingest stores the same documents while this batch's COPY waits on them."""
    import threading

    from goalpost._ingest import IngestReport, write_batch
    from goalpost.store._bulk import document_row

    if not db_url.startswith("postgresql"):
        pytest.skip("the row lock wait is PostgreSQL's")
    gen = make_corpus_module()
    gen.generate_corpus(tmp_path / "c", 20, seed=5)
    done = [process_file(f) for f in sorted((tmp_path / "c").rglob("*.txt"))]
    assert len(done) >= 16  # enough documents for the COPY path
    store, other = Store(db_url), Store(db_url)
    linker = Linker.for_store(store)
    report, errors = IngestReport(), []

    def run() -> None:
        try:
            write_batch(store, linker, list(done), report, False, None)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            errors.append(exc)

    with other.transaction() as c:  # the other writer: documents inserted, not yet committed
        bulk_insert(c, t.documents, [document_row(p.document, is_plan=False, size=p.size,
                                                  stamp="2026-01-01") for p in done])  # fmt: skip
        worker = threading.Thread(target=run)
        worker.start()
        deadline = time.monotonic() + 60
        waiting = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        with other.engine.connect() as probe:
            while probe.exec_driver_sql(waiting).scalar_one() == 0:
                assert time.monotonic() < deadline, "the batch never waited on the other writer"
                assert worker.is_alive(), errors
                time.sleep(0.05)
    worker.join(timeout=120)
    assert not errors, errors
    assert report.failed == [] and report.unchanged == len(done)


def test_bulk_insert_stores_what_sqlalchemy_insert_stores(
    db_url: str, tmp_path: Path, processed: list[Any]
) -> None:
    """The fast paths (COPY, sqlite3 executemany) keep every value and its stored type."""
    from goalpost.store._bulk import document_row, item_rows, uses_raw_sqlite

    p = processed[0]
    doc = document_row(p.document, is_plan=True, size=p.size, stamp="2026-01-01")
    rows = item_rows(p.document.id, p.items, {}, "2026-01-01")
    assert len(rows) >= 16
    fast, plain = Store(db_url), Store(f"sqlite:///{tmp_path / 'plain.db'}")
    with fast.transaction() as c:
        bulk_insert(c, t.documents, [doc])
        bulk_insert(c, t.items, rows)
        assert uses_raw_sqlite(c, t.items, len(rows)) == (fast.dialect == "sqlite")
    with plain.transaction() as c:
        c.execute(insert(t.documents), [doc])
        for r in rows:
            c.execute(insert(t.items), [r])

    def dump(store: Store) -> list[tuple]:
        with store.engine.connect() as c:
            return sorted(tuple(r) for r in c.execute(select(t.items).order_by(t.items.c.id)))

    assert dump(fast) == dump(plain)
    if fast.dialect == "sqlite":
        kinds = "SELECT " + ", ".join(f"typeof({col.name})" for col in t.items.c) + " FROM items"
        with fast.engine.connect() as a, plain.engine.connect() as b:
            assert sorted(a.exec_driver_sql(kinds)) == sorted(b.exec_driver_sql(kinds))


def test_writers_upserting_the_same_new_indicators_in_any_order_do_not_deadlock(
    db_url: str,
) -> None:
    import threading

    store = Store(db_url)
    rows = [{"id": f"x-phrase-{i:02d}", "name_en": f"phrase {i}", "unit": "count",
             "provisional": True} for i in range(40)]  # fmt: skip
    errors: list[BaseException] = []

    def writer(order: list[dict]) -> None:
        s = Store(db_url)
        try:
            for _ in range(15):
                s.save_catalog(order)
        except BaseException as exc:  # a deadlock surfaces here as OperationalError
            errors.append(exc)
        finally:
            s.close()

    threads = [threading.Thread(target=writer, args=(o,)) for o in (rows, rows[::-1])]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert {r["id"] for r in store.indicators()} >= {r["id"] for r in rows}
