"""Shared fixtures: seed paths, and databases on SQLite and the real PostgreSQL.

Tests that take ``db_url`` or ``store`` run once per backend: SQLite always,
PostgreSQL when a server answers at ``$GOALPOST_TEST_PG`` (default
``postgresql+psycopg://postgres@localhost/postgres``). Set
``GOALPOST_TEST_BACKENDS=sqlite`` to run SQLite only.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
PG_ADMIN_URL = os.environ.get(
    "GOALPOST_TEST_PG", "postgresql+psycopg://postgres@localhost/postgres"
)


def _pg_reachable() -> bool:
    try:
        import psycopg

        dsn = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(dsn, connect_timeout=3):
            return True
    except Exception:
        return False


_BACKENDS = os.environ.get("GOALPOST_TEST_BACKENDS", "sqlite,postgresql").split(",")
PG_OK = "postgresql" in _BACKENDS and _pg_reachable()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"seed documents not found at {SEEDS}")
    return SEEDS


@pytest.fixture(scope="session")
def pg_database():
    """A throw-away PostgreSQL database for this test process."""
    import psycopg

    name = f"goalpost_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    dsn = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN_URL.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(dsn, autocommit=True) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _backend_params():
    return [
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(
                    not PG_OK,
                    reason="PostgreSQL not selected or not reachable (GOALPOST_TEST_BACKENDS, GOALPOST_TEST_PG)",
                ),
            ],
        ),
    ]


@pytest.fixture(params=_backend_params())
def db_url(request, tmp_path) -> str:
    """A fresh, empty database URL on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'goalpost.db'}"
    url = request.getfixturevalue("pg_database")
    from sqlalchemy import create_engine, text

    eng = create_engine(url)
    with eng.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    eng.dispose()
    return url


@pytest.fixture
def store(db_url):
    from goalpost.store import Store

    s = Store(db_url)
    yield s
    s.close()
