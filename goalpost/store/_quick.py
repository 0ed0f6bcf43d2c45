"""One scoreboard page straight through the database driver, for short commands.

``goalpost status --limit 50`` on 100,000 targets spends ~50 ms in its
queries and ~250 ms starting up, most of it importing SQLAlchemy (~140 ms)
and opening an engine. A page is three plain SELECTs, so this module sends
them through ``sqlite3`` (or ``psycopg``) itself: the same SQL, in the same
order and with the same filters, as :func:`goalpost.store._queries.list_items`
and :func:`~goalpost.store._queries.attach_assessments`, which stay the
source of truth (``tests/test_quick_status.py`` compares the two on SQLite
and PostgreSQL, filter by filter).

It only reads, and only a database that is already there at the code's
schema revision; anything else (no file yet, an older schema that needs a
migration, an in-memory URL, a driver error) returns ``None`` and the caller
opens a :class:`~goalpost.store.Store`, which migrates and reports errors as
usual.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

from goalpost.store._config import head_revision, normalize_url

# why: the columns and labels of _queries._item_columns(), so rows are the same dicts
_ROW_COLUMNS = (
    "items.*, documents.title AS doc_title, documents.date AS doc_date, "
    "documents.source AS doc_source, coalesce(assessments.status, 'not_assessed') AS status"
)
_DOC_RANK = (
    "WITH doc_rank AS (SELECT documents.id AS id, row_number() OVER (ORDER BY "
    "coalesce(documents.date, ''), coalesce(documents.title, ''), documents.id) AS rk "
    "FROM documents) "
)
_BOOLEANS = ("growth",)  # items' Boolean columns: SQLite hands them back as 0/1


def revision_labels(pairs: Iterable[tuple[str | None, str | None, str]]) -> dict[str, list[str]]:
    """Each target's revision kinds from ``(older_id, newer_id, kind)`` rows, as every view words them.

    >>> revision_labels([("a", "b", "raised"), ("a", "c", "superseded")])
    {'a': ['raised later', 'superseded'], 'b': ['raised']}
    """
    revs: dict[str, list[str]] = defaultdict(list)
    for older, newer, kind in pairs:
        if older:
            revs[older].append(kind if kind == "superseded" else f"{kind} later")
        if newer and kind != "superseded":
            revs[newer].append(kind)
    return dict(revs)


def like_escape(s: str) -> str:
    """Escape LIKE wildcards so a user's ``%`` or ``_`` is matched literally (``ESCAPE '\\'``).

    >>> like_escape("100%_a")
    '100\\\\%\\\\_a'
    """
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _page_sql(region: str | None, indicator: str | None, status: str | None,
              plan: str | None) -> tuple[str, dict[str, Any]]:  # fmt: skip
    """The ids of one page of targets in plan order: ``list_items``' first query."""
    where = ["items.review_status != 'rejected'", "items.kind = 'target'"]
    params: dict[str, Any] = {}
    if region:
        where.append("lower(items.region) = :region")
        params["region"] = region.lower()
    if plan:
        where.append(
            "(items.document_id = :plan OR lower(documents.title) LIKE :plan_like ESCAPE '\\')"
        )
        params.update(plan=plan, plan_like=f"%{like_escape(plan.lower())}%")
    if indicator:
        where.append(
            "(items.indicator_id = :ind OR lower(items.indicator_text) LIKE :ind_like ESCAPE '\\')"
        )
        params.update(ind=indicator, ind_like=f"%{like_escape(indicator.lower())}%")
    if status == "not_assessed":
        where.append("assessments.status IS NULL")
    elif status:
        where.append("assessments.status = :status")
        params["status"] = status
    joins = ""
    if plan:
        joins += " LEFT OUTER JOIN documents ON items.document_id = documents.id"
    if status:
        joins += " LEFT OUTER JOIN assessments ON assessments.target_id = items.id"
    sql = (
        f"{_DOC_RANK}SELECT items.id FROM items{joins} "
        "LEFT OUTER JOIN doc_rank ON doc_rank.id = items.document_id "
        f"WHERE {' AND '.join(where)} "
        "ORDER BY coalesce(doc_rank.rk, 0), items.start, items.id LIMIT :limit OFFSET :offset"
    )
    return sql, params


def _in(name: str, values: list[str]) -> tuple[str, dict[str, str]]:
    params = {f"{name}{n}": v for n, v in enumerate(values)}
    return ", ".join(f":{k}" for k in params), params


class _Reader:
    """A DB-API connection with goalpost's named parameters (``:name``) on either driver."""

    def __init__(self, conn: Any, dialect: str) -> None:
        self.conn, self.dialect = conn, dialect

    def rows(self, sql: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if self.dialect == "postgresql":
            # why: psycopg's placeholders; the SQL above holds no literal "%" to escape
            sql = re.sub(r"(?<![:\w]):(\w+)", r"%(\1)s", sql)
        cur = self.conn.cursor()
        cur.execute(sql, params or {})
        names = [d[0] for d in cur.description]
        return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def _connect(url: str) -> _Reader | None:
    """A read connection to an existing database at the head revision, or None."""
    url = normalize_url(url)
    if url.startswith("sqlite:///"):
        import sqlite3

        path = url.split(":///", 1)[1]
        if path in ("", ":memory:") or "?" in path or not Path(path).expanduser().is_file():
            return None
        # why: mode=rw never creates a file, and WAL (set by the store) lets this read beside writers
        conn = sqlite3.connect(f"file:{quote(str(Path(path).expanduser()))}?mode=rw", uri=True,
                               timeout=60)  # fmt: skip
        reader = _Reader(conn, "sqlite")
    elif url.startswith("postgresql+psycopg://"):
        import psycopg

        conn = psycopg.connect("postgresql://" + url.split("://", 1)[1], connect_timeout=10)
        reader = _Reader(conn, "postgresql")
    else:
        return None
    try:
        version = reader.rows("SELECT version_num FROM alembic_version")
    except Exception:  # why: no alembic_version table yet: the Store migrates it
        conn.close()
        return None
    if [r["version_num"] for r in version] != [head_revision()]:
        conn.close()
        return None
    return reader


def scoreboard_page(url: str, *, limit: int, offset: int = 0, region: str | None = None,
                    indicator: str | None = None, status: str | None = None,
                    plan: str | None = None) -> list[dict[str, Any]] | None:  # fmt: skip
    """The rows ``goalpost.scoreboard(store, limit=..., ...)`` gives, or None to use a Store.

    >>> scoreboard_page("sqlite:///no-such-file.db", limit=50) is None
    True
    """
    try:
        reader = _connect(url)
    except Exception:  # why: the Store reports a bad URL or an unreachable server properly
        return None
    if reader is None:
        return None
    try:
        sql, params = _page_sql(region, indicator, status, plan)
        params.update(limit=max(1, min(int(limit), 1000)), offset=max(0, int(offset)))
        ids = [r["id"] for r in reader.rows(sql, params)]
        return _full_rows(reader, ids)
    except Exception:  # why: whatever this shortcut cannot read, the Store path can
        return None
    finally:
        reader.conn.close()


def _full_rows(reader: _Reader, ids: list[str]) -> list[dict[str, Any]]:
    """``items_by_ids`` then ``attach_assessments``: full rows, assessments and revision kinds."""
    if not ids:
        return []
    marks, params = _in("id", ids)
    found = {
        r["id"]: r
        for r in reader.rows(
            f"SELECT {_ROW_COLUMNS} FROM items "
            "LEFT OUTER JOIN documents ON items.document_id = documents.id "
            "LEFT OUTER JOIN assessments ON assessments.target_id = items.id "
            f"WHERE items.id IN ({marks})",
            params,
        )
    }
    rows = [found[i] for i in ids if i in found]
    for r in rows:
        for col in _BOOLEANS:
            if r.get(col) is not None:
                r[col] = bool(r[col])
    assessments = {
        r["target_id"]: r
        for r in reader.rows(f"SELECT * FROM assessments WHERE target_id IN ({marks})", params)
    }
    q = f"SELECT older_id, newer_id, kind FROM revisions WHERE older_id IN ({marks}) OR newer_id IN ({marks})"
    revs = revision_labels(
        (r["older_id"], r["newer_id"], r["kind"]) for r in reader.rows(q, params)
    )
    for r in rows:
        r["assessment"] = assessments.get(r["id"])
        r["revisions"] = revs.get(r["id"], [])
    return rows
