"""Run the web app under uvicorn: what ``goalpost serve`` calls."""

from __future__ import annotations

from typing import Any


def serve(
    db_url: str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    read_token_required: bool | None = None,
    max_upload_mb: float | None = None,
    **uvicorn_options: Any,
) -> None:
    """Serve the dashboard and API on ``host:port`` until interrupted.

    Binds to localhost by default: exposing it on a network is a choice
    (``host="0.0.0.0"``), and then writing still needs a token.
    Example: ``serve("sqlite:///goalpost.db", port=8080)``.
    """
    import uvicorn

    from goalpost.web._app import create_app

    app = create_app(
        db_url,
        read_token_required=read_token_required,
        max_upload_bytes=None if max_upload_mb is None else int(max_upload_mb * 1024 * 1024),
    )
    uvicorn.run(app, host=host, port=port, **uvicorn_options)
