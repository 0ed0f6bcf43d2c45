"""Storage: SQLAlchemy Core tables and Alembic migrations, SQLite or PostgreSQL from one URL.

>>> from goalpost.store import Store
>>> Store("sqlite:///:memory:").count_documents()
0

The names below are loaded on first use (PEP 562), so importing a submodule
that needs no SQLAlchemy (``_config``, ``_quick``) does not pay its import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from goalpost.store._config import DEFAULT_URL, default_url, normalize_url
    from goalpost.store._engine import create_db_engine, migrate
    from goalpost.store._schema import metadata
    from goalpost.store._store import CORRECTABLE, Store, now

_WHERE = {
    "CORRECTABLE": "_store",
    "DEFAULT_URL": "_config",
    "Store": "_store",
    "create_db_engine": "_engine",
    "default_url": "_config",
    "metadata": "_schema",
    "migrate": "_engine",
    "normalize_url": "_config",
    "now": "_store",
}

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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = value  # why: later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_WHERE])
