"""API tokens: create, list, verify and revoke them against the ``tokens`` table.

Only the SHA-256 hash of a secret is stored, so a copy of the database does
not leak working tokens. The secret is shown once, when it is created.
``$GOALPOST_TOKEN``, when set, is also accepted (its actor is ``env``), so a
single-user install needs no database step.

>>> from goalpost.store import Store
>>> store = Store("sqlite:///:memory:")
>>> secret = create_token(store, "alice")
>>> verify_token(store, secret)
'alice'
>>> revoke_token(store, "alice")
1
>>> verify_token(store, secret) is None
True
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from typing import Any

from sqlalchemy import insert, or_, select, update

from goalpost._exceptions import ConfigError
from goalpost.store import _schema as t
from goalpost.store._store import now

PREFIX = "gp_"
ENV_VAR = "GOALPOST_TOKEN"
ENV_ACTOR = "env"


def hash_token(secret: str) -> str:
    """Hex SHA-256 of a secret (what the ``tokens`` table stores)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(store: Any, name: str) -> str:
    """Create a token for ``name`` (the actor recorded in the audit log); returns the secret once."""
    name = (name or "").strip()
    if not name or len(name) > 128:
        raise ConfigError("a token needs a name of 1 to 128 characters")
    secret = PREFIX + secrets.token_urlsafe(32)
    with store.transaction() as c:
        c.execute(
            insert(t.tokens).values(name=name, token_hash=hash_token(secret), created_at=now())
        )
    return secret


def list_tokens(store: Any) -> list[dict[str, Any]]:
    """Every token's id, name, creation and revocation time (never the secret or hash)."""
    q = select(t.tokens.c.id, t.tokens.c.name, t.tokens.c.created_at, t.tokens.c.revoked_at)
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(q.order_by(t.tokens.c.id)).mappings()]


def revoke_token(store: Any, name_or_id: str | int) -> int:
    """Revoke the live tokens with this id or name; returns how many were revoked."""
    key = str(name_or_id)
    cond = t.tokens.c.name == key
    if key.isdigit():
        cond = or_(cond, t.tokens.c.id == int(key))
    with store.transaction() as c:
        res = c.execute(
            update(t.tokens).where(cond, t.tokens.c.revoked_at.is_(None)).values(revoked_at=now())
        )
    return res.rowcount or 0


def verify_token(store: Any, secret: str | None) -> str | None:
    """The actor name of a valid, unrevoked token, else None."""
    if not secret:
        return None
    env = os.environ.get(ENV_VAR)
    # why: compare_digest keeps the comparison time independent of where strings differ
    if env and hmac.compare_digest(env.encode("utf-8"), secret.encode("utf-8")):
        return ENV_ACTOR
    q = select(t.tokens.c.name).where(
        t.tokens.c.token_hash == hash_token(secret), t.tokens.c.revoked_at.is_(None)
    )
    with store.engine.connect() as c:
        return c.execute(q).scalar()
