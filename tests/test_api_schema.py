"""The JSON API checked against its own OpenAPI description with schemathesis.

Every operation is called with generated (and deliberately wrong) inputs;
responses must match the schema, never be a server error, and write
operations must refuse requests without the token.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from web_fixtures import fill_store  # noqa: E402

_TMP = Path(tempfile.mkdtemp(prefix="goalpost-schema-"))
atexit.register(shutil.rmtree, _TMP, True)


def _app():
    from goalpost._tokens import create_token
    from goalpost.store import Store
    from goalpost.web import create_app

    store = Store(f"sqlite:///{_TMP / 'api.db'}")
    fill_store(store)
    token = create_token(store, "fuzzer")
    return create_app(
        store=store, uploads_dir=_TMP / "uploads", assess=None, max_upload_bytes=200_000
    ), token


APP, TOKEN = _app()
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_openapi(case):
    excluded = []
    if case.path == "/api/import":
        # why: whether an upload is acceptable depends on its file name and bytes, which
        # OpenAPI cannot describe; test_api.py checks the import answers instead
        from schemathesis.specs.openapi.checks import (
            negative_data_rejection,
            positive_data_acceptance,
        )

        excluded = [negative_data_rejection, positive_data_acceptance]
    case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"}, excluded_checks=excluded)


def test_openapi_describes_every_endpoint():
    paths = set(schema.raw_schema["paths"])
    for p in ("/api/targets", "/api/observations", "/api/indicators", "/api/documents", "/api/status",
              "/api/revisions", "/api/search", "/api/items/{item_id}/review", "/api/import"):  # fmt: skip
        assert p in paths
    assert "HTTPBearer" in schema.raw_schema["components"]["securitySchemes"]
