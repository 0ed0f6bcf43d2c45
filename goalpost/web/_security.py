"""Security plumbing: response headers, upload size limit, tokens, CSRF.

- Every response carries a Content-Security-Policy without inline scripts
  (all JavaScript is in ``static/``), ``nosniff`` and ``frame-ancestors 'none'``.
- Request bodies over the configured limit are refused with 413, counted as
  they stream in (a missing or lying Content-Length does not help).
- Writing needs a token: ``Authorization: Bearer`` for the API, or the
  HttpOnly cookie set by ``/login`` for pages. The cookie holds the token
  itself and is verified on every request, so revoking takes effect at once.
- Forms carry a CSRF token derived (HMAC) from a random per-browser cookie;
  a POST without the matching pair, or from another origin, is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from goalpost._tokens import verify_token

SESSION_COOKIE = "goalpost_token"
CSRF_COOKIE = "goalpost_csrf"
CSRF_FIELD = "csrf"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding the security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in HEADERS if h[0] not in names
                ]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class DropNul:
    """ASGI middleware removing NUL characters from the path and query string.

    Why: PostgreSQL refuses NUL in text (a 500), and SQLite cuts a LIKE pattern at
    it (a filter that matches everything). A string with a NUL is otherwise valid
    for the API's schema, so the request is answered as if the NUL were not there.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            query = scope.get("query_string", b"")
            path = scope.get("path", "")
            if b"%00" in query.lower() or "\x00" in path:
                scope = dict(scope)
                scope["query_string"] = _NUL_ESCAPED.sub(b"", query)
                scope["path"] = path.replace("\x00", "")
                if scope.get("raw_path"):
                    scope["raw_path"] = _NUL_ESCAPED.sub(b"", scope["raw_path"])
        await self.app(scope, receive, send)


_NUL_ESCAPED = re.compile(rb"%00")


class BodyLimit:
    """ASGI middleware refusing request bodies over ``max_bytes`` with 413.

    When the limit is crossed mid-stream, the 413 is sent at once and the
    app is told the client went away; whatever it answers then is dropped
    (frameworks turn errors raised while parsing a body into a 400).
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for k, v in scope.get("headers", []):
            if k == b"content-length" and v.isdigit() and int(v) > self.max_bytes:
                await self._refuse(send)
                return
        seen = 0
        started = refused = False

        async def counting_receive() -> Message:
            nonlocal seen, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    refused = True
                    if not started:
                        await self._refuse(send)
                    return {"type": "http.disconnect"}
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if refused:
                return
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counting_receive, tracking_send)
        except Exception:
            if not refused:
                raise

    async def _refuse(self, send: Send) -> None:
        body = f"Request body too large (limit {self.max_bytes} bytes).".encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                                (b"content-length", str(len(body)).encode()), *HEADERS]})  # fmt: skip
        await send({"type": "http.response.body", "body": body})


def bearer_token(request: Request) -> str | None:
    """The token of an ``Authorization: Bearer`` (or ``X-Goalpost-Token``) header."""
    auth = request.headers.get("authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip() or None
    return request.headers.get("x-goalpost-token") or None


def request_actor(request: Request, store: Any) -> str | None:
    """Who is making this request: from the header token, else the login cookie; None if nobody."""
    header = bearer_token(request)
    if header is not None:
        return verify_token(store, header)
    return verify_token(store, request.cookies.get(SESSION_COOKIE))


def csrf_token(secret: bytes, browser_id: str) -> str:
    """The form token for a browser id (HMAC, so it cannot be forged without the app secret)."""
    return hmac.new(secret, browser_id.encode("utf-8"), hashlib.sha256).hexdigest()


def new_browser_id() -> str:
    return secrets.token_urlsafe(24)


def same_origin(request: Request) -> bool:
    """False when the Origin (or Referer) header names another site."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin or origin == "null":
        return origin != "null"
    host = request.headers.get("host", "")
    rest = origin.split("://", 1)[-1]
    return rest.split("/", 1)[0] == host


def check_csrf(request: Request, secret: bytes, submitted: str | None) -> bool:
    """Whether a form POST carries the CSRF token matching this browser's cookie."""
    browser_id = request.cookies.get(CSRF_COOKIE)
    if not browser_id or not submitted or not same_origin(request):
        return False
    return hmac.compare_digest(csrf_token(secret, browser_id), submitted)
