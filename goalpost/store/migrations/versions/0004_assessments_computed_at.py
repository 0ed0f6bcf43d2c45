"""index assessments by computed_at: the web app asks for its maximum on every request

``data_version`` (``store/_queries.py``) tells the web app whether anything
changed since its caches and its target board were built; one of its parts
is ``max(assessments.computed_at)``. Without an index that is a scan of every
assessment per request (about 20 ms at 100,000 targets on SQLite); with it, one
index lookup.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 18:40:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_assessments_computed_at", "assessments", ["computed_at"])


def downgrade() -> None:
    op.drop_index("ix_assessments_computed_at", table_name="assessments")
