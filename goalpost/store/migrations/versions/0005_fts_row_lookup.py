"""SQLite: find a document's full-text row by rowid, not by scanning the index

Migration 0002's triggers delete a document's ``documents_fts`` row with
``WHERE doc_id = old.id``; ``doc_id`` is an UNINDEXED column of the FTS5
table, so each delete read every row of it: about 3 ms per replaced or
deleted document at 1,300 documents, 0.2 s at 100,000, growing with the corpus
(re-ingesting changed files, ``db`` maintenance). ``documents_fts_rows`` maps a
document id to its FTS rowid through an INTEGER PRIMARY KEY, which, unlike
the implicit rowid of ``documents`` (text primary key), VACUUM never renumbers;
the triggers insert with that rowid and delete by it, one index lookup each.

PostgreSQL: nothing to do (its GIN index is an index on ``documents``).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 12:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TRIGGERS = ("documents_fts_ai", "documents_fts_ad", "documents_fts_au")
_INSERT = (
    "INSERT INTO documents_fts_rows(doc_id) VALUES (new.id); "
    "INSERT INTO documents_fts(rowid, doc_id, title, text) VALUES ("
    "(SELECT fts_rowid FROM documents_fts_rows WHERE doc_id = new.id), "
    "new.id, coalesce(new.title, ''), new.text); "
)
_DELETE = (
    "DELETE FROM documents_fts WHERE rowid = "
    "(SELECT fts_rowid FROM documents_fts_rows WHERE doc_id = old.id); "
    "DELETE FROM documents_fts_rows WHERE doc_id = old.id; "
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE documents_fts_rows ("
        "fts_rowid INTEGER PRIMARY KEY, doc_id VARCHAR(64) NOT NULL UNIQUE)"
    )
    op.execute(
        "INSERT INTO documents_fts_rows(fts_rowid, doc_id) SELECT rowid, doc_id FROM documents_fts"
    )
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN {_INSERT}END")
    op.execute(f"CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN {_DELETE}END")
    op.execute(
        f"CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN {_DELETE}{_INSERT}END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS documents_fts_rows")
    op.execute(
        "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(doc_id, title, text) "
        "VALUES (new.id, coalesce(new.title, ''), new.text); END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
        "DELETE FROM documents_fts WHERE doc_id = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER documents_fts_au AFTER UPDATE ON documents BEGIN "
        "DELETE FROM documents_fts WHERE doc_id = old.id; "
        "INSERT INTO documents_fts(doc_id, title, text) "
        "VALUES (new.id, coalesce(new.title, ''), new.text); END"
    )
