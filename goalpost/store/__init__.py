"""Storage: SQLAlchemy Core tables and Alembic migrations, SQLite or PostgreSQL from one URL.

>>> from goalpost.store import Store
>>> Store("sqlite:///:memory:").count_documents()
0
"""

from goalpost.store._engine import (
    DEFAULT_URL,
    create_db_engine,
    default_url,
    migrate,
    normalize_url,
)
from goalpost.store._schema import metadata
from goalpost.store._store import CORRECTABLE, Store, now

__all__ = [
    "CORRECTABLE",
    "DEFAULT_URL",
    "Store",
    "create_db_engine",
    "default_url",
    "metadata",
    "migrate",
    "normalize_url",
    "now",
]
