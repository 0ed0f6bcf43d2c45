"""Hostile input and missing credentials: escaping, headers, injection, traversal, limits, tokens."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_web_pages import login
from web_fixtures import fill_store


@pytest.fixture
def site(tmp_path) -> Iterator[dict[str, Any]]:
    from goalpost._tokens import create_token
    from goalpost.store import Store
    from goalpost.web import create_app

    store = Store(f"sqlite:///{tmp_path / 'web.db'}")
    ids = fill_store(store)
    token = create_token(store, "alice")
    app = create_app(store=store, uploads_dir=tmp_path / "up", assess=None, max_upload_bytes=10_000)
    yield {"client": TestClient(app), "store": store, "ids": ids, "token": token, "app": app}
    store.close()


class _Audit(HTMLParser):
    """Collects what an attacker would need: scripts, event handlers, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__()
        self.inline_scripts = 0
        self.handlers: list[str] = []
        self.js_urls: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if tag == "script" and "src" not in a and a.get("type") != "application/json":
            self.inline_scripts += 1
        for k, v in attrs:
            if k.startswith("on"):
                self.handlers.append(f"{tag} {k}={v}")
            if k in ("href", "src", "action") and v and v.strip().lower().startswith("javascript:"):
                self.js_urls.append(v)


def _pages(ids: dict[str, str]) -> list[str]:
    return ["/", "/?q=script", f"/targets/{ids['t_evil']}", f"/documents/{ids['hostile']}", "/documents",
            "/indicators", "/indicators/labs", "/search?q=alert", "/search?q=javascript", "/revisions",
            "/?q=<script>alert(9)</script>", '/search?q="><img src=x onerror=alert(8)>', "/login?next=javascript:alert(1)",
            "/import"]  # fmt: skip


def test_untrusted_text_is_escaped_everywhere(site):
    c, ids = site["client"], site["ids"]
    for url in _pages(ids):
        html = c.get(url).text
        audit = _Audit()
        audit.feed(html)
        assert audit.inline_scripts == 0, url
        assert audit.handlers == [], (url, audit.handlers)
        assert audit.js_urls == [], (url, audit.js_urls)
        assert "img" not in audit.tags, url
        assert "<script>alert" not in html, url
    doc = c.get(f"/documents/{ids['hostile']}").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in doc
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in doc
    assert "javascript:alert(1)" in doc  # shown as text, never as a link
    login(c, site["token"])  # the review form echoes item fields into attributes
    audit = _Audit()
    audit.feed(c.get(f"/targets/{ids['t_evil']}").text)
    assert audit.handlers == [] and audit.inline_scripts == 0


def test_api_returns_text_verbatim_as_json(site):
    r = site["client"].get(f"/api/targets/{site['ids']['t_evil']}")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["indicator_text"] == "<script>alert('ind')</script>"


@pytest.mark.parametrize(
    "url", ["/", "/api/targets", "/static/app.css", "/no-such-page", "/openapi.json"]
)
def test_security_headers(site, url):
    h = site["client"].get(url).headers
    csp = h["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"


@pytest.mark.parametrize(
    "value",
    [
        "' OR 1=1 --",
        "x' OR '1'='1",
        "'; DROP TABLE items; --",
        "%",
        "_",
        "\\",
        '" OR ""="',
        "1) UNION SELECT * FROM tokens --",
    ],
)
def test_sql_injection_in_filters_is_harmless(site, value):
    c, store = site["client"], site["store"]
    for key in ("region", "plan", "status", "indicator", "year", "q", "document"):
        r = c.get("/api/targets", params={key: value})
        assert r.status_code == 200, (key, r.text)
        # a literal "%" does occur in one target's sentence ("3% of GDP"); nothing matches everything
        assert r.json()["total"] == (1 if (key, value) == ("q", "%") else 0), (key, value)
        assert c.get("/", params={key: value}).status_code == 200
    assert c.get("/api/observations", params={"indicator": value}).json()["total"] == 0
    assert c.get("/search", params={"q": value}).status_code == 200
    assert c.get("/api/search", params={"q": value}).status_code == 200
    assert store.count_items(kind="target") == 5  # nothing dropped


@pytest.mark.parametrize(
    "path",
    [
        "/static/../_app.py",
        "/static/%2e%2e/_app.py",
        "/static/..%2f_app.py",
        "/static/%2e%2e%2f%2e%2e%2fstore/_store.py",
        "/static/....//_app.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/vendor/../../_app.py",
    ],
)
def test_static_path_traversal_refused(site, path):
    r = site["client"].get(path)
    assert r.status_code in (400, 404), (path, r.status_code)
    assert "create_app" not in r.text and "root:" not in r.text


def test_static_files_served(site):
    r = site["client"].get("/static/vendor/chart.umd.min.js")
    assert r.status_code == 200 and "Chart.js" in r.text[:500]
    assert site["client"].get("/static/vendor/chart.js-LICENSE.txt").status_code == 200


def test_oversize_uploads_refused(site):
    c = site["client"]
    csrf = login(c, site["token"])
    big = b"indicator,value,unit,period\n" + b"incubators,1,count,2019\n" * 2000
    r = c.post("/import", data={"csrf": csrf}, files=[("files", ("big.csv", big, "text/csv"))])
    assert r.status_code == 413
    # no Content-Length (chunked): counted as it streams in
    head = b'--b\r\nContent-Disposition: form-data; name="files"; filename="a.csv"\r\n\r\n'
    r = c.post("/api/import", content=iter([head] + [b"x" * 4096] * 5),
               headers={"authorization": f"Bearer {site['token']}", "content-type": "multipart/form-data; boundary=b"})  # fmt: skip
    assert r.status_code == 413
    assert site["store"].count_items(kind="observation") == 8  # nothing imported


def _review(c: TestClient, item: str, token: str | None) -> Any:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    return c.post(f"/api/items/{item}/review", json={"action": "accept"}, headers=headers)


def test_api_writes_refuse_missing_wrong_and_revoked_tokens(site):
    from goalpost._tokens import create_token, revoke_token

    c, item, store = site["client"], site["ids"]["t_rd"], site["store"]
    assert _review(c, item, None).status_code == 401
    assert _review(c, item, "gp_wrong").status_code == 401
    bob = create_token(store, "bob")
    assert _review(c, item, bob).status_code == 200
    assert revoke_token(store, "bob") == 1
    assert _review(c, item, bob).status_code == 401
    assert c.post("/api/indicators/labs/merge", json={"into": "incubators"}).status_code == 401
    assert (
        c.post("/api/indicators/links", json={"phrase": "x", "indicator_id": "labs"}).status_code
        == 401
    )
    assert c.post("/api/import", files=[("files", ("a.csv", b"a", "text/csv"))]).status_code == 401
    assert [r["actor"] for r in store.reviews(item)] == ["bob"]


def test_env_token_is_accepted(site, monkeypatch):
    monkeypatch.setenv("GOALPOST_TOKEN", "s3cret-from-env")
    r = _review(site["client"], site["ids"]["t_rd"], "s3cret-from-env")
    assert r.status_code == 200 and site["store"].reviews()[-1]["actor"] == "env"
    assert _review(site["client"], site["ids"]["t_rd"], "s3cret-from-en").status_code == 401


def test_forms_need_login_and_csrf(site):
    c, item = site["client"], site["ids"]["t_rd"]
    page = c.get("/login").text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    assert (
        c.post(f"/items/{item}/review", data={"csrf": csrf, "action": "accept"}).status_code == 401
    )
    login(c, site["token"])
    assert c.post(f"/items/{item}/review", data={"action": "accept"}).status_code == 403
    assert (
        c.post(f"/items/{item}/review", data={"csrf": "0" * 64, "action": "accept"}).status_code
        == 403
    )
    evil = {"origin": "https://evil.example"}
    assert (
        c.post(
            f"/items/{item}/review", data={"csrf": csrf, "action": "accept"}, headers=evil
        ).status_code
        == 403
    )
    other = TestClient(
        site["app"]
    )  # another browser: its own CSRF cookie, so this token is not valid there
    other.cookies.set("goalpost_token", site["token"])
    other.get("/")
    assert (
        other.post(f"/items/{item}/review", data={"csrf": csrf, "action": "accept"}).status_code
        == 403
    )
    assert site["store"].reviews(item) == []
    r = c.post(
        f"/items/{item}/review", data={"csrf": csrf, "action": "accept"}, follow_redirects=False
    )
    assert r.status_code == 303


def test_revoked_token_logs_the_browser_out(site):
    from goalpost._tokens import revoke_token

    c, item = site["client"], site["ids"]["t_rd"]
    csrf = login(c, site["token"])
    assert "alice" in c.get("/").text
    revoke_token(site["store"], "alice")
    assert 'id="actor"' not in c.get("/").text
    assert (
        c.post(f"/items/{item}/review", data={"csrf": csrf, "action": "accept"}).status_code == 401
    )


def test_login_cookie_is_httponly_and_next_stays_on_site(site):
    c = site["client"]
    page = c.get("/login").text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page).group(1)
    for nxt in ("//evil.example/x", "https://evil.example/", "/\\evil.example"):
        r = c.post(
            "/login",
            data={"csrf": csrf, "token": site["token"], "next": nxt},
            follow_redirects=False,
        )
        assert r.headers["location"] == "/", nxt
    assert (
        "httponly" in r.headers["set-cookie"].lower()
        and "samesite=strict" in r.headers["set-cookie"].lower()
    )


def test_closed_reading_needs_a_token(tmp_path):
    from goalpost._tokens import create_token
    from goalpost.store import Store
    from goalpost.web import create_app

    store = Store(f"sqlite:///{tmp_path / 'closed.db'}")
    fill_store(store)
    token = create_token(store, "carol")
    c = TestClient(create_app(store=store, read_token_required=True, assess=None))
    r = c.get("/?status=on_track", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/login?next=%2F"
    assert c.get("/api/targets").status_code == 401
    assert c.get("/api/targets", headers={"authorization": f"Bearer {token}"}).json()["total"] == 5
    assert c.get("/static/app.css").status_code == 200 and c.get("/login").status_code == 200
    login(c, token)
    assert c.get("/").status_code == 200
    assert re.search(r"<h1>Scoreboard</h1>", c.get("/").text)
    store.close()


def test_tokens_are_stored_hashed_and_listed_without_secrets(site):
    from sqlalchemy import select

    from goalpost._tokens import create_token, hash_token, list_tokens, revoke_token
    from goalpost.store import _schema as t

    secret = create_token(site["store"], "erin")
    with site["store"].engine.connect() as conn:
        stored = set(conn.execute(select(t.tokens.c.token_hash)).scalars())
    assert secret not in stored and hash_token(secret) in stored
    rows = list_tokens(site["store"])
    assert [r["name"] for r in rows] == ["alice", "erin"] and all(
        "token_hash" not in r for r in rows
    )
    assert (
        revoke_token(site["store"], rows[1]["id"]) == 1 and revoke_token(site["store"], "erin") == 0
    )
