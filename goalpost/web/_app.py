"""The FastAPI application: configuration, middleware, templates, error pages.

>>> app = create_app("sqlite:///:memory:")
>>> sorted(p for p in app.openapi()["paths"] if p.startswith("/api/targets"))
['/api/targets', '/api/targets/{item_id}']
"""

from __future__ import annotations

import hashlib
import os
import secrets
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from goalpost._exceptions import ConfigError
from goalpost._render import format_number, format_value
from goalpost.store._board import TargetBoard
from goalpost.store._queries import AggregateCache
from goalpost.web._i18n import STATUS_SYMBOL, pick_language, translate
from goalpost.web._security import (
    CSRF_COOKIE,
    BodyLimit,
    DropNul,
    SecurityHeaders,
    csrf_token,
    new_browser_id,
    request_actor,
)

HERE = Path(__file__).parent
DEFAULT_MAX_UPLOAD = 50 * 1024 * 1024
# Paths readable without a token even when reading is closed: logging in needs them.
OPEN_PATHS = ("/login", "/static/", "/openapi.json", "/favicon.ico")


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(HERE / "templates")),
        # why: document text is untrusted; everything is escaped unless a template says otherwise
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        format_value=format_value, format_number=format_number, status_symbol=STATUS_SYMBOL
    )
    env.filters["pct"] = lambda v: "–" if v is None else f"{v * 100:.0f}%"
    env.filters["web_url"] = web_url
    return env


def create_app(
    db_url: str | None = None,
    *,
    read_token_required: bool | None = None,
    max_upload_bytes: int | None = None,
    uploads_dir: str | os.PathLike[str] | None = None,
    store: Any = None,
    assess: Callable[[Any], Any] | None | str = "default",
) -> FastAPI:
    """The goalpost web app over the database at ``db_url`` (default ``$GOALPOST_DB``).

    Unset options come from the environment, so ``uvicorn --factory
    goalpost.web:create_app`` is configurable too: ``$GOALPOST_DB``,
    ``$GOALPOST_READ_TOKEN_REQUIRED`` (1/true/yes), ``$GOALPOST_MAX_UPLOAD_MB``.

    ``read_token_required`` closes reading to people without a token;
    writing always needs one. Request bodies over ``max_upload_bytes`` are
    refused. Uploaded files are kept in ``uploads_dir`` under their own
    names, so uploading a file again replaces its earlier version.
    ``assess(store)`` re-assesses after each write (default
    ``goalpost._scoreboard.assess_store``; None to skip).
    """
    from goalpost.store import Store
    from goalpost.web import _api, _pages, _writes

    store = store or Store(db_url)
    app = FastAPI(
        title="goalpost",
        version="0.1.0",
        description="Targets of S&T innovation plans, their observations and assessments.",
        docs_url=None,  # why: the Swagger UI loads from a CDN; the app must work offline
        redoc_url=None,
    )
    app.state.store = store
    app.state.assess = assess
    app.state.aggregates = AggregateCache()
    app.state.board = TargetBoard(background=True)  # why: no request waits for a build
    app.state.env = _environment()
    app.state.secret = (os.environ.get("GOALPOST_SECRET") or "").encode() or secrets.token_bytes(32)
    if read_token_required is None:
        read_token_required = os.environ.get("GOALPOST_READ_TOKEN_REQUIRED", "").lower() in (
            "1",
            "true",
            "yes",
        )
    if max_upload_bytes is None:
        mb = os.environ.get("GOALPOST_MAX_UPLOAD_MB")
        try:
            max_upload_bytes = int(float(mb) * 1024 * 1024) if mb else DEFAULT_MAX_UPLOAD
        except ValueError:
            raise ConfigError(
                f"GOALPOST_MAX_UPLOAD_MB={mb!r} is not a number of megabytes"
            ) from None
    app.state.read_token_required = read_token_required
    app.state.max_upload_bytes = max_upload_bytes
    # why: one folder per database, so two servers never replace each other's uploads
    key = hashlib.sha256(store.url.encode()).hexdigest()[:12]
    default_uploads = Path(tempfile.gettempdir()) / "goalpost-uploads" / key
    app.state.uploads_dir = Path(uploads_dir) if uploads_dir else default_uploads

    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    app.include_router(_api.router)
    app.include_router(_pages.router)
    app.include_router(_writes.router)

    @app.middleware("http")
    async def read_gate(request: Request, call_next: Any) -> Response:
        """When reading is closed, anyone without a token is sent to log in (or gets 401)."""
        path = request.url.path
        closed = request.app.state.read_token_required and not path.startswith(OPEN_PATHS)
        if closed and request_actor(request, request.app.state.store) is None:
            if path.startswith("/api/"):
                return JSONResponse({"detail": "a token is required"}, status_code=401,
                                    headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
            return RedirectResponse("/login?" + urlencode({"next": _local(path)}), status_code=303)
        return await call_next(request)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return JSONResponse(
                {"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers
            )
        return render(request, "error.html", {"code": exc.status_code, "detail": exc.detail},
                      status_code=exc.status_code)  # fmt: skip

    # the last added runs first: security headers wrap every answer, including refusals
    app.add_middleware(BodyLimit, max_bytes=max_upload_bytes)
    app.add_middleware(DropNul)
    app.add_middleware(SecurityHeaders)
    return app


def web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) URL fit to link to, else None (no ``javascript:`` links).

    >>> web_url("https://tjj.gz.gov.cn/x"), web_url("javascript:alert(1)"), web_url("Yearbook")
    ('https://tjj.gz.gov.cn/x', None, None)
    """
    v = (value or "").strip()
    ok = v.lower().startswith(("http://", "https://")) and not any(
        c.isspace() or c in "<>\"'" for c in v
    )
    return v if ok else None


def _local(path: str) -> str:
    """A redirect target limited to this site (no ``//host`` or scheme)."""
    return path if path.startswith("/") and not path.startswith("//") and "\\" not in path else "/"


def page_context(request: Request) -> dict[str, Any]:
    """What every template gets: language, labels, the signed-in actor and a CSRF token."""
    lang = pick_language(request.query_params.get("lang"), request.cookies.get("lang"),
                         request.headers.get("accept-language"))  # fmt: skip
    browser_id = request.cookies.get(CSRF_COOKIE)
    if not browser_id:
        # why: a first visit has no cookie yet; the id made here is set by render()
        browser_id = getattr(request.state, "browser_id", None) or new_browser_id()
        request.state.browser_id = browser_id
    return {
        "request": request,
        "lang": lang,
        "t": lambda key: translate(lang, key),
        "status_word": lambda s: translate(lang, f"status.{s or 'not_assessed'}"),
        "actor": request_actor(request, request.app.state.store),
        "csrf": csrf_token(request.app.state.secret, browser_id),
        "path": request.url.path,
        "query": str(request.url.query),
        "lang_url": request.url.path
        + "?"
        + urlencode({**request.query_params, "lang": "en" if lang == "zh" else "zh"}),
    }


def render(
    request: Request, template: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    """Render a page; remember the language choice and this browser's CSRF id in cookies."""
    ctx = page_context(request)
    ctx.update(context)
    html = request.app.state.env.get_template(template).render(**ctx)
    resp = HTMLResponse(html, status_code=status_code)
    secure = request.url.scheme == "https"
    if request.query_params.get("lang") in ("en", "zh"):
        resp.set_cookie("lang", ctx["lang"], max_age=365 * 86400, samesite="lax", secure=secure)
    if not request.cookies.get(CSRF_COOKIE):
        resp.set_cookie(
            CSRF_COOKIE, request.state.browser_id, httponly=True, samesite="strict", secure=secure
        )
    return resp


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"{what} not found")
