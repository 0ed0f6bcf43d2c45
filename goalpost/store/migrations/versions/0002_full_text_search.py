"""full-text search over documents; an index for the scoreboard

SQLite: an FTS5 table ``documents_fts`` (trigram tokenizer, so Chinese text,
which has no spaces between words, is searchable too) kept in sync with
``documents`` by triggers. It holds its own copy of the text rather than
pointing at ``documents`` by rowid, because ``documents`` has a text primary
key and its implicit rowids may change on VACUUM.

PostgreSQL: a GIN expression index on ``to_tsvector('simple', title || text)``;
queries use the same expression (see ``goalpost.store._search``).

Both: ``ix_items_board`` covers what a scoreboard page filters and sorts
targets on, so a page of 10,000 targets is read from the index alone
(``benchmarks/web_latency.py``). It is mirrored in ``_schema.py``.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 15:50:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

PG_EXPR = "to_tsvector('simple', coalesce(title, '') || ' ' || text)"
BOARD_COLUMNS = [
    "kind",
    "review_status",
    "document_id",
    "start",
    "id",
    "region",
    "date",
    "indicator_id",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.create_index("ix_items_board", "items", BOARD_COLUMNS)
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5("
            "doc_id UNINDEXED, title, text, tokenize='trigram')"
        )
        op.execute(
            "INSERT INTO documents_fts(doc_id, title, text) "
            "SELECT id, coalesce(title, ''), text FROM documents"
        )
        op.execute(
            "CREATE TRIGGER IF NOT EXISTS documents_fts_ai AFTER INSERT ON documents BEGIN "
            "INSERT INTO documents_fts(doc_id, title, text) "
            "VALUES (new.id, coalesce(new.title, ''), new.text); END"
        )
        op.execute(
            "CREATE TRIGGER IF NOT EXISTS documents_fts_ad AFTER DELETE ON documents BEGIN "
            "DELETE FROM documents_fts WHERE doc_id = old.id; END"
        )
        op.execute(
            "CREATE TRIGGER IF NOT EXISTS documents_fts_au AFTER UPDATE ON documents BEGIN "
            "DELETE FROM documents_fts WHERE doc_id = old.id; "
            "INSERT INTO documents_fts(doc_id, title, text) "
            "VALUES (new.id, coalesce(new.title, ''), new.text); END"
        )
    elif dialect == "postgresql":
        op.execute(
            f"CREATE INDEX IF NOT EXISTS ix_documents_fts ON documents USING gin ({PG_EXPR})"
        )


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.drop_index("ix_items_board", table_name="items")
    if dialect == "sqlite":
        for trigger in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS documents_fts")
    elif dialect == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fts")
