"""Database write speed, without extraction: what the writer side of ingest can sustain.

Prints, for SQLite and PostgreSQL:

- ``items`` rows/s inserted by multi-row ``INSERT`` and by ``COPY``
  (:mod:`goalpost.store._bulk`) at several batch sizes, which is where
  ``COPY_MIN_ROWS`` comes from;
- documents/s through ``Store.save_document`` (one transaction per
  document, as ingest writes them) with synthetic documents of ~25 items.

Usage::

    python benchmarks/bulk_insert.py [--docs 2000] [--pg postgresql://postgres@localhost/postgres]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import delete, insert

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks._common import pg_admin_url, temp_pg_database  # noqa: E402
from goalpost._models import Document, Item, Section  # noqa: E402
from goalpost.store import Store  # noqa: E402
from goalpost.store import _schema as t  # noqa: E402
from goalpost.store._bulk import DocumentWrite, copy_rows, save_documents  # noqa: E402

SENTENCE = "By the end of 2023, the city will have over 12,400 hi-tech enterprises. "


def synthetic(i: int, n_items: int = 25) -> tuple[Document, list[Item]]:
    """A document of ``n_items`` target sentences, unique by ``i``."""
    text = f"Plan number {i}\n\n" + SENTENCE * n_items
    doc = Document(
        id=Document.content_id(text), text=text, source=f"synthetic/{i}.txt", title=f"Plan {i}",
        date="2020-01-01", period=(2020, 2023), lang="en", region="Guangzhou",
        sections=[Section("Plan", 1, 0, 10, len(text))],
    )  # fmt: skip
    base = len(f"Plan number {i}\n\n")
    items = []
    for k in range(n_items):
        s = base + k * len(SENTENCE)
        v0 = s + SENTENCE.index("over")
        items.append(Item(
            doc=doc.id, kind="target", indicator="hi-tech enterprises", comparator=">", value=12400.0,
            unit="count", start=v0, end=v0 + 11, sentence=SENTENCE.strip(), date="2023",
            region="Guangzhou", sentence_start=s, sentence_end=s + len(SENTENCE) - 1,
        ))  # fmt: skip
    return doc, items


def item_rows(n: int) -> list[dict]:
    return [
        {"id": uuid.uuid4().hex[:16], "document_id": None, "origin": "imported", "kind": "observation",
         "indicator_text": "incubators", "indicator_id": "incubators", "link_method": "catalog",
         "link_score": 100.0, "comparator": "=", "value": float(k), "value_max": None, "unit": "count",
         "date": "2020", "growth": False, "region": "Guangzhou", "section": None, "lang": "en",
         "start": None, "end": None, "sentence_start": None, "sentence_end": None, "sentence": None,
         "source": "bench", "import_file": "bench.csv", "import_row": k, "review_status": "extracted",
         "created_at": "2026-01-01T00:00:00+00:00"}
        for k in range(n)
    ]  # fmt: skip


def bench_items(store: Store, label: str) -> None:
    for batch in (5, 10, 20, 64, 500, 5000):
        total = max(batch, 20000 // batch * batch)
        modes = ["insert"] + (["copy"] if store.dialect == "postgresql" else [])
        for mode in modes:
            rows = item_rows(total)
            t0 = time.perf_counter()
            for k in range(0, total, batch):
                with store.transaction() as c:
                    if mode == "copy":
                        copy_rows(c, t.items, rows[k : k + batch])
                    else:
                        c.execute(insert(t.items), rows[k : k + batch])
            dt = time.perf_counter() - t0
            print(f"{label:10} items {mode:6} batch {batch:5}: {total / dt:10,.0f} rows/s")
            with store.transaction() as c:
                c.execute(delete(t.items))


def bench_documents(store: Store, label: str, n: int) -> None:
    docs = [synthetic(i) for i in range(n)]
    t0 = time.perf_counter()
    for doc, items in docs:
        store.save_document(doc, items, is_plan=True, size=len(doc.text))
    dt = time.perf_counter() - t0
    print(f"{label:10} save_document (25 items each): {n / dt:8,.0f} documents/s "
          f"({dt / n * 1000:.2f} ms each)")  # fmt: skip
    docs = [synthetic(i) for i in range(n, 2 * n)]
    t0 = time.perf_counter()
    for k in range(0, n, 64):
        save_documents(
            store, [DocumentWrite(d, its, True, len(d.text)) for d, its in docs[k : k + 64]]
        )
    dt = time.perf_counter() - t0
    print(f"{label:10} save_documents, 64 per batch:  {n / dt:8,.0f} documents/s "
          f"({dt / n * 1000:.2f} ms each)")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--pg", default=pg_admin_url(), help="PostgreSQL server (admin URL)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Store(f"sqlite:///{os.path.join(tmp, 'bench.db')}")
        bench_items(store, "sqlite")
        bench_documents(store, "sqlite", args.docs)
        store.close()
    with temp_pg_database(args.pg) as url:
        if url is None:
            print("postgresql: no server reachable, skipped")
            return
        store = Store(url)
        bench_items(store, "postgresql")
        bench_documents(store, "postgresql", args.docs)
        store.close()


if __name__ == "__main__":
    main()
