"""Bulk writes: PostgreSQL's fast path (``COPY ... FROM STDIN``) and many documents per transaction.

``bulk_insert(conn, table, rows)`` writes row dicts into a table inside the
caller's transaction: with ``COPY`` through psycopg 3 on PostgreSQL when
there are enough rows for it to pay, with the sqlite3 cursor's
``executemany`` of plain tuples on SQLite (SQLAlchemy's per-row parameter
processing is a quarter of an ingest's writing time there, and these tables
have no types that need it), with SQLAlchemy's ``INSERT`` otherwise. Either
way the rows land exactly as ``conn.execute(insert(table), rows)`` would put them, server-side defaults
and autoincrement ids included, and a failure rolls back with the caller's
transaction.

``save_documents(store, writes)`` is ``Store.save_document`` for a batch:
the same outcomes (inserted / replaced / unchanged), the same rows, reviews
re-applied and audited the same way, in one transaction and a handful of
statements instead of seven per document. One commit per batch instead of
one per document is what makes PostgreSQL ingest fast (each commit waits
for the WAL to reach the disk).

>>> from sqlalchemy import create_engine
>>> from goalpost.store._schema import metadata, sections
>>> eng = create_engine("sqlite://")
>>> metadata.create_all(eng)
>>> with eng.begin() as c:
...     bulk_insert(c, sections, [])
0
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Boolean, Connection, Float, Integer, String, Table, delete, insert, select
from sqlalchemy.exc import DBAPIError

from goalpost._models import Document, Item
from goalpost.store import _schema as t

Link = tuple[str | None, str | None, float | None]  # (indicator_id, method, score)

__all__ = [
    "COPY_MIN_ROWS",
    "DocumentWrite",
    "bulk_insert",
    "copy_rows",
    "save_documents",
    "sqlite_rows",
    "uses_copy",
    "uses_raw_sqlite",
]

# COPY costs a round trip to open and one to close, so it pays from about 10-20 rows
# (PostgreSQL 15 here, rows/s INSERT vs COPY: 10 rows 7.8k vs 10.1k, 20 rows 10.1k vs 9.5k,
# 64 rows 15k vs 25k, 5,000 rows 23k vs 86k; benchmarks/bulk_insert.py).
COPY_MIN_ROWS = 16
# SQLAlchemy's executemany batch for the INSERT path (bound-parameter limits).
INSERT_BATCH = 500


def uses_copy(conn: Connection, n_rows: int) -> bool:
    """Whether :func:`bulk_insert` takes the COPY path for ``n_rows`` rows on ``conn``."""
    return (
        n_rows >= COPY_MIN_ROWS
        and conn.dialect.name == "postgresql"
        and conn.dialect.driver == "psycopg"
    )


def _row_columns(table: Table, rows: Sequence[dict[str, Any]]) -> list[str]:
    """The columns a fast path sends: the first row's keys, each a column of ``table``."""
    if not rows:
        return []
    columns = list(rows[0].keys())
    unknown = [c for c in columns if c not in table.c]
    if unknown:
        raise KeyError(f"{table.name} has no column(s) {unknown}")
    return columns


def copy_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """``COPY`` rows into ``table`` through the connection's psycopg 3 cursor.

    Only the columns present in the first row are sent (all rows must have
    the same keys), so an autoincrement ``id`` left out is filled by its
    sequence. Runs in ``conn``'s current transaction. Returns rows written.
    A database error is raised as SQLAlchemy's (``IntegrityError`` for a
    duplicate key), as ``conn.execute`` would raise it.
    """
    columns = _row_columns(table, rows)
    if not columns:
        return 0
    import psycopg
    from psycopg import sql

    stmt = sql.SQL("COPY {} ({}) FROM STDIN").format(
        sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
    )
    # why: the DBAPI connection under SQLAlchemy's is in the same transaction
    raw = conn.connection.driver_connection
    try:
        with raw.cursor() as cur, cur.copy(stmt) as copy:
            for row in rows:
                copy.write_row([row[c] for c in columns])
    except psycopg.Error as exc:
        # why: callers (and Store.save_document) handle SQLAlchemy's exceptions, e.g. an
        # IntegrityError when a concurrent writer stored the same document first; a raw
        # psycopg error would bypass them and end the whole ingest
        raise DBAPIError.instance(
            stmt.as_string(raw), None, exc, psycopg.Error, dialect=conn.dialect
        ) from exc
    return len(rows)


def bulk_insert(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """Insert ``rows`` into ``table`` the fastest way this database offers; returns rows written.

    Rows must share the same keys (as ``executemany`` requires). Columns
    with a Python-side ``default`` left out of the rows get it filled here,
    because ``COPY`` bypasses SQLAlchemy's defaults.
    """
    if not rows:
        return 0
    copy, raw_sqlite = uses_copy(conn, len(rows)), uses_raw_sqlite(conn, table, len(rows))
    if not (copy or raw_sqlite):
        for i in range(0, len(rows), INSERT_BATCH):
            conn.execute(insert(table), list(rows[i : i + INSERT_BATCH]))
        return len(rows)
    missing = {
        c.name: c.default.arg
        for c in table.c
        if c.name not in rows[0] and c.default is not None and c.default.is_scalar
    }
    if missing:
        rows = [{**missing, **r} for r in rows]
    return copy_rows(conn, table, rows) if copy else sqlite_rows(conn, table, rows)


# Column types whose values the sqlite3 module stores exactly as SQLAlchemy's
# bind processing would (a bool is stored as 1/0 either way).
_PLAIN_SQLITE_TYPES = (Boolean, Float, Integer, String)


def uses_raw_sqlite(conn: Connection, table: Table, n_rows: int) -> bool:
    """Whether :func:`bulk_insert` writes ``n_rows`` rows through the sqlite3 cursor directly."""
    return (
        n_rows >= 2
        and conn.dialect.name == "sqlite"
        and conn.dialect.driver == "pysqlite"
        and all(isinstance(c.type, _PLAIN_SQLITE_TYPES) for c in table.c)
    )


def sqlite_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> int:
    """``executemany`` rows into ``table`` on the connection's sqlite3 cursor; rows written.

    As :func:`copy_rows`: the first row's columns, the caller's transaction,
    and a database error raised as SQLAlchemy's.
    """
    columns = _row_columns(table, rows)
    if not columns:
        return 0
    import sqlite3

    names = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
    stmt = f'INSERT INTO "{table.name}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    # why: the DBAPI connection under SQLAlchemy's, in the same (implicitly begun) transaction
    raw = conn.connection.driver_connection
    try:
        raw.executemany(stmt, [tuple(row[c] for c in columns) for row in rows])
    except sqlite3.Error as exc:
        raise DBAPIError.instance(stmt, None, exc, sqlite3.Error, dialect=conn.dialect) from exc
    return len(rows)


# ---------------------------------------------------------------- documents in batches
@dataclass
class DocumentWrite:
    """One document to store with its items: the arguments of ``Store.save_document``."""

    doc: Document
    items: Sequence[Item]
    is_plan: bool = False
    size: int | None = None
    links: dict[str, Link] = field(default_factory=dict)


def document_row(doc: Document, *, is_plan: bool, size: int | None, stamp: str) -> dict[str, Any]:
    """The ``documents`` row of a Document (what ``Store._insert_document`` writes)."""
    return {
        "id": doc.id, "source": doc.source, "title": doc.title, "date": doc.date,
        "period_start": doc.period[0] if doc.period else None,
        "period_end": doc.period[1] if doc.period else None,
        "lang": doc.lang, "region": doc.region, "format": doc.format, "is_plan": is_plan,
        "size": size, "text": doc.text, "ingested_at": stamp,
    }  # fmt: skip


def section_rows(doc: Document) -> list[dict[str, Any]]:
    """The ``sections`` rows of a Document's outline, in order."""
    return [
        {"document_id": doc.id, "ordinal": i, "title": s.title, "number": s.number,
         "level": s.level, "start": s.start, "heading_end": s.heading_end, "end": s.end}
        for i, s in enumerate(doc.sections)
    ]  # fmt: skip


def item_rows(
    doc_id: str, items: Sequence[Item], links: dict[str, Link], stamp: str
) -> list[dict[str, Any]]:
    """The ``items`` rows of extracted items (an item read twice at one span is one row)."""
    rows, seen = [], set()
    for it in items:
        if it.id in seen:
            continue
        seen.add(it.id)
        ind_id, method, score = links.get(it.id, (None, None, None))
        rows.append(
            {"id": it.id, "document_id": doc_id, "origin": "extracted", "kind": it.kind,
             "indicator_text": it.indicator, "indicator_id": ind_id, "link_method": method,
             "link_score": score, "comparator": it.comparator, "value": it.value,
             "value_max": it.value_max, "unit": it.unit, "date": it.date, "growth": it.growth,
             "region": it.region, "section": it.section, "lang": it.lang, "start": it.start,
             "end": it.end, "sentence_start": it.sentence_start, "sentence_end": it.sentence_end,
             "sentence": it.sentence, "source": None, "import_file": None, "import_row": None,
             "review_status": "extracted", "created_at": stamp}
        )  # fmt: skip
    return rows


def save_documents(
    store: Any, writes: Sequence[DocumentWrite], *, replace_source: bool = True
) -> list[str]:
    """Store many documents with their items in one transaction; outcomes in order.

    Each outcome is what ``store.save_document`` would have returned for that
    document written after the ones before it: ``"unchanged"`` for content
    already stored (or earlier in the batch), ``"replaced"`` when an older
    version from the same source was swapped out, else ``"inserted"``. If
    anything fails, nothing of the batch is written.
    """
    from goalpost.store._store import now

    if not writes:
        return []
    d, i = t.documents, t.items
    stamp = now()
    with store.transaction() as c:
        ids = list({w.doc.id for w in writes})
        stored = set(c.execute(select(d.c.id).where(d.c.id.in_(ids))).scalars())
        sources = list({w.doc.source for w in writes if w.doc.source})
        by_source: dict[str, list[str]] = {}
        if replace_source and sources:
            for doc_id, source in c.execute(
                select(d.c.id, d.c.source).where(d.c.source.in_(sources))
            ):
                by_source.setdefault(source, []).append(doc_id)
        outcomes, fresh, doomed = [], [], []
        for w in writes:
            if w.doc.id in stored:
                outcomes.append("unchanged")
                continue
            stored.add(w.doc.id)
            old = by_source.pop(w.doc.source, []) if replace_source and w.doc.source else []
            doomed += old
            if replace_source and w.doc.source:
                by_source[w.doc.source] = [w.doc.id]  # why: a later twin replaces this one
            outcomes.append("replaced" if old else "inserted")
            fresh.append((w, outcomes[-1]))
        if doomed:
            fresh_ids = {w.doc.id for w, _ in fresh}
            replaced_in_batch = [x for x in doomed if x in fresh_ids]
            if replaced_in_batch:  # why: two versions of one source in a batch; keep it simple
                raise ValueError("a batch holds two versions of one source; write them one by one")
            c.execute(delete(i).where(i.c.document_id.in_(doomed)))
            c.execute(delete(t.sections).where(t.sections.c.document_id.in_(doomed)))
            c.execute(delete(d).where(d.c.id.in_(doomed)))
        docs = [document_row(w.doc, is_plan=w.is_plan, size=w.size, stamp=stamp) for w, _ in fresh]
        bulk_insert(c, d, docs)
        bulk_insert(c, t.sections, [r for w, _ in fresh for r in section_rows(w.doc)])
        bulk_insert(
            c, i, [r for w, _ in fresh for r in item_rows(w.doc.id, w.items, w.links, stamp)]
        )
        new_ids = [w.doc.id for w, _ in fresh]
        if new_ids:
            reviewed = c.execute(
                select(t.reviews.c.document_id)
                .where(t.reviews.c.document_id.in_(new_ids))
                .distinct()
            ).scalars()
            for doc_id in sorted(set(reviewed), key=new_ids.index):
                store._reapply_reviews(c, doc_id)
        audit = [
            {"at": stamp, "actor": "goalpost", "action": f"document.{outcome}", "entity": "document",
             "entity_id": w.doc.id, "before": None,
             "after": json.dumps({"source": w.doc.source, "items": len(w.items)}, ensure_ascii=False)}
            for w, outcome in fresh
        ]  # fmt: skip
        bulk_insert(c, t.audit_log, audit)
    return outcomes
