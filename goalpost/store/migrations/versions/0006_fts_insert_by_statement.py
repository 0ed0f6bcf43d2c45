"""SQLite: index new documents by statement, not by a per-row trigger

Until 0005 the trigger ``documents_fts_ai`` indexed every inserted document,
one trigger program per row: about 1.0 ms of the SQLite writer's 2.0-2.2 ms
per document (3,000 generated documents; 1.1 ms with no index at all). The
store now indexes the documents a statement inserted right after it
(``goalpost.store._search.index_new_documents``: one ``executemany`` into
``documents_fts_rows`` and one ``INSERT ... SELECT`` into ``documents_fts`` per
500 documents), which brought the writer to 1.37-1.44 ms per document. The
update and delete triggers stay: they are rare and touch one row each.

Upgrading also indexes any document the index is missing, so a database
written by a store that expected the trigger is never left unsearchable.

PostgreSQL: nothing to do (its GIN index is an index on ``documents``).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 05:10:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# 0005's insert trigger, recreated by downgrade
_INSERT_TRIGGER = (
    "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts_rows(doc_id) VALUES (new.id); "
    "INSERT INTO documents_fts(rowid, doc_id, title, text) VALUES ("
    "(SELECT fts_rowid FROM documents_fts_rows WHERE doc_id = new.id), "
    "new.id, coalesce(new.title, ''), new.text); END"
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS documents_fts_ai")
    op.execute(
        "INSERT INTO documents_fts_rows(doc_id) SELECT d.id FROM documents AS d "
        "WHERE NOT EXISTS (SELECT 1 FROM documents_fts_rows AS r WHERE r.doc_id = d.id)"
    )
    op.execute(
        "INSERT INTO documents_fts(rowid, doc_id, title, text) "
        "SELECT r.fts_rowid, d.id, coalesce(d.title, ''), d.text "
        "FROM documents_fts_rows AS r JOIN documents AS d ON d.id = r.doc_id "
        "WHERE NOT EXISTS (SELECT 1 FROM documents_fts AS f WHERE f.rowid = r.fts_rowid)"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS documents_fts_ai")
    op.execute(_INSERT_TRIGGER)
