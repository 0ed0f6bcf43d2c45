"""Where the database is and which schema revision the code expects, without importing SQLAlchemy.

Why a module of its own: a short read (``goalpost status --limit 50``) answered
by :mod:`goalpost.store._quick` needs the URL rules and the head revision but
none of SQLAlchemy (whose import is ~140 ms, most of such a command's run).
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from goalpost._exceptions import StoreError

DEFAULT_URL = "sqlite:///goalpost.db"
MIGRATIONS = Path(__file__).with_name("migrations")


def default_url() -> str:
    """The database URL: ``$GOALPOST_DB`` or ``sqlite:///goalpost.db``."""
    return os.environ.get("GOALPOST_DB") or DEFAULT_URL


def normalize_url(url: str) -> str:
    """Accept a bare path as a SQLite file and plain ``postgresql://`` as psycopg 3.

    >>> normalize_url("data/gp.db")
    'sqlite:///data/gp.db'
    >>> normalize_url("postgresql://localhost/test")
    'postgresql+psycopg://localhost/test'
    """
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


@lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest migration's revision id, read from the version files without Alembic.

    Why: importing Alembic costs ~100 ms, a third of a short command's run (``goalpost
    status --limit 50``); a database already at head needs none of it.

    >>> head_revision() >= "0004"
    True
    """
    revs: dict[str, str | None] = {}
    for f in (MIGRATIONS / "versions").glob("*.py"):
        src = f.read_text(encoding="utf-8")
        rev = re.search(r'^revision\s*=\s*["\']([^"\']+)', src, re.M)
        down = re.search(r'^down_revision\s*=\s*(?:["\']([^"\']+)|None)', src, re.M)
        if rev and down:
            revs[rev.group(1)] = down.group(1)
    heads = set(revs) - {d for d in revs.values() if d}
    if len(heads) != 1:  # pragma: no cover - a broken migration history
        raise StoreError(f"migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()
