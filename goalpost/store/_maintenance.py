"""Integrity checks, backup and restore, the same on SQLite and PostgreSQL.

A backup is a gzip'd JSON-lines file: one header line, then one line per
row, table by table in foreign-key order. Restoring replaces everything in
one transaction, so a failed restore leaves the database as it was.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, text

from goalpost._exceptions import StoreError
from goalpost.store import _schema as t

FORMAT = "goalpost-backup/1"


def check_integrity(store: Any) -> list[str]:
    """Problems found (empty when the database is sound).

    Checks the engine's own consistency (SQLite ``integrity_check`` and
    foreign keys), then what goalpost promises on top: every item and section
    belongs to a stored document and its span lies inside that document's
    text, every item's indicator exists, no document is stored twice and no
    document is stored without text. What a crash could half-write shows up
    here.

    >>> # check_integrity(Store()) == []
    """
    problems: list[str] = []
    i, d, s = t.items, t.documents, t.sections
    with store.engine.connect() as c:
        if store.dialect == "sqlite":
            res = c.exec_driver_sql("PRAGMA integrity_check").scalar()
            if res != "ok":
                problems.append(f"sqlite integrity_check: {res}")
            for row in c.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key violation: {tuple(row)}")
        orphans = c.execute(
            select(func.count())
            .select_from(i)
            .where(i.c.document_id.is_not(None), ~i.c.document_id.in_(select(d.c.id)))
        ).scalar_one()
        if orphans:
            problems.append(f"{orphans} item(s) point at a missing document")
        orphan_sections = c.execute(
            select(func.count()).select_from(s).where(~s.c.document_id.in_(select(d.c.id)))
        ).scalar_one()
        if orphan_sections:
            problems.append(f"{orphan_sections} section(s) point at a missing document")
        length = func.length(d.c.text)
        bad = (
            c.execute(
                select(i.c.id)
                .join(d, i.c.document_id == d.c.id)
                .where(
                    (i.c.start < 0)
                    | (i.c.end < i.c.start)
                    | (i.c.end > length)
                    | (i.c.sentence_start > i.c.start)
                    | (i.c.sentence_end < i.c.end)
                    | (i.c.sentence_end > length)
                )
                .limit(20)
            )
            .scalars()
            .all()
        )
        problems += [f"item {x} has a span outside its document" for x in bad]
        bad_sections = c.execute(
            select(s.c.document_id, s.c.ordinal)
            .join(d, s.c.document_id == d.c.id)
            .where((s.c.start < 0) | (s.c.end < s.c.start) | (s.c.end > length))
            .limit(20)
        ).all()
        problems += [
            f"section {n} of document {doc} lies outside its text" for doc, n in bad_sections
        ]
        unlinked = c.execute(
            select(i.c.indicator_id, func.count())
            .where(i.c.indicator_id.is_not(None), ~i.c.indicator_id.in_(select(t.indicators.c.id)))
            .group_by(i.c.indicator_id)
            .limit(20)
        ).all()
        problems += [
            f"{n} item(s) link to indicator {ind!r}, which is not in the indicators table"
            for ind, n in unlinked
        ]
        empty = c.execute(
            select(d.c.id).where(func.coalesce(length, 0) == 0).limit(20)
        ).scalars().all()  # fmt: skip
        problems += [f"document {x} is stored without text" for x in empty]
        dup = c.execute(
            select(d.c.source, func.count()).where(d.c.source.is_not(None))
            .group_by(d.c.source).having(func.count() > 1)
        ).all()  # fmt: skip
        problems += [f"source {src} is stored {n} times" for src, n in dup]
    return problems


def _tables() -> list:
    return [tbl for tbl in t.metadata.sorted_tables]


def backup(store: Any, path: str | Path) -> int:
    """Write every table to ``path`` (gzip JSON lines); returns rows written."""
    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    n = 0
    with store.engine.connect() as c, gzip.open(tmp, "wt", encoding="utf-8") as f:
        if store.dialect == "postgresql":
            c.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        f.write(json.dumps({"format": FORMAT, "dialect": store.dialect}) + "\n")
        for tbl in _tables():
            for row in c.execute(select(tbl)).mappings():
                f.write(
                    json.dumps({"t": tbl.name, "r": dict(row)}, ensure_ascii=False, default=str)
                    + "\n"
                )
                n += 1
    tmp.replace(path)  # why: a crash mid-backup never leaves a truncated file under the real name
    return n


def restore(store: Any, path: str | Path) -> int:
    """Replace the database's content with a backup's; returns rows restored."""
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            header = json.loads(f.readline())
            if header.get("format") != FORMAT:
                raise StoreError(f"{path}: not a goalpost backup")
            rows: dict[str, list[dict]] = {}
            for line in f:
                rec = json.loads(line)
                rows.setdefault(rec["t"], []).append(rec["r"])
    except (OSError, json.JSONDecodeError, EOFError) as exc:
        raise StoreError(f"{path}: unreadable backup ({exc})") from exc
    n = 0
    with store.transaction() as c:
        for tbl in reversed(_tables()):
            c.execute(delete(tbl))
        for tbl in _tables():
            data = rows.get(tbl.name) or []
            for i in range(0, len(data), 1000):
                c.execute(insert(tbl), data[i : i + 1000])
            n += len(data)
        if store.dialect == "postgresql":
            for tbl in _tables():
                pk = list(tbl.primary_key.columns)
                if (
                    len(pk) == 1
                    and pk[0].autoincrement is True
                    and isinstance(pk[0].type.python_type, type)
                    and pk[0].type.python_type is int
                ):
                    c.execute(text(
                        f"SELECT setval(pg_get_serial_sequence('{tbl.name}', '{pk[0].name}'), "
                        f"COALESCE((SELECT MAX({pk[0].name}) FROM {tbl.name}), 0) + 1, false)"
                    ))  # fmt: skip
    return n
