"""Attacks on the web app through an in-process client, on every route it has.

The database is filled the way an attacker would reach it: real ``ingest``
of documents whose text holds ``<script>``, ``javascript:`` links, event
handler and attribute injection, and a real CSV import with the same in its
cells. Routes are discovered from the app itself, so a page or endpoint
added later is attacked too: every page must escape that text, every filter
and search parameter must shrug off SQL injection (SQLite and PostgreSQL),
every file-serving route must refuse path traversal, every write must
refuse a missing, wrong or revoked token (and every form a missing or
foreign CSRF token), oversize uploads are refused, and every response
carries the security headers.
"""

from __future__ import annotations

import os
import re
import uuid
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from goalpost.store import _schema as t

# Payloads as they would arrive in a plan; each one calls alert(...) with a marker.
HOSTILE_TXT = """Innovation Plan <script>alert('txt-script')</script> (2021-2030)

I. Overall Goal
By 2030 the city will have 5 "><img src=x onerror=alert('txt-attr')> key laboratories.
By 2030 the city will have 800 high-tech enterprises'><svg onload=alert('txt-svg')>.
Visit javascript:alert('txt-js') for details. {{7*7}} </textarea></title><script>alert('txt-2')</script>
"""
HOSTILE_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>&lt;script&gt;alert('html-title')&lt;/script&gt; Plan</title></head><body>
<h1>Plan &lt;img src=x onerror=alert('html-h1')&gt; (2021-2025)</h1>
<p>By 2025 the city will have 300 incubators &lt;script&gt;alert('html-entity')&lt;/script&gt;.</p>
<p><a href="javascript:alert('html-href')">the plan</a> By 2025 the city will have 40 labs.</p>
<script>alert('html-live')</script></body></html>
"""
HOSTILE_MD = """# Plan [click](javascript:alert('md-link')) (2021-2025)

By 2025 the city will have 70 <b onmouseover=alert('md-html')>new R&D institutions</b>.
"""
HOSTILE_CSV = (
    "region,indicator,value,unit,period,source\n"
    "\"\"\"><svg onload=alert('csv-region')>\",<script>alert('csv-ind')</script> labs,12,count,2021,"
    "javascript:alert('csv-src')\n"
    'Guangzhou,incubators,280,count,2021,"https://x.example/""><script>alert(\'csv-url\')</script>"\n'
)
SQL_PAYLOADS = [
    "' OR '1'='1",
    '" OR 1=1 --',
    "x'; DROP TABLE items; --",
    "%' UNION SELECT name, token_hash FROM tokens WHERE '%'='",
    "\\'; SELECT pg_sleep(5); --",
]
PAGE_PARAMS = ["q", "region", "plan", "status", "indicator", "document", "year", "sort", "page"]


def _make_pg_url() -> Iterator[str]:
    import psycopg
    from conftest import PG_ADMIN_URL

    name = f"goalpost_sec_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    dsn = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(dsn, autocommit=True) as c:
        c.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{PG_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        with psycopg.connect(dsn, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _backends() -> list[Any]:
    from conftest import PG_OK

    return [
        "sqlite",
        pytest.param(
            "postgresql",
            marks=[
                pytest.mark.postgres,
                pytest.mark.skipif(not PG_OK, reason="PostgreSQL not reachable"),
            ],
        ),
    ]


@pytest.fixture(scope="module", params=_backends())
def site(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[dict[str, Any]]:
    """A site whose every text came from hostile files through ingest and import."""
    from goalpost._importer import import_file
    from goalpost._ingest import ingest
    from goalpost._scoreboard import assess_store
    from goalpost._tokens import create_token, revoke_token
    from goalpost.store import Store
    from goalpost.web import create_app

    folder = tmp_path_factory.mktemp("hostile")
    for name, text in (
        ("plan.txt", HOSTILE_TXT),
        ("plan.html", HOSTILE_HTML),
        ("plan.md", HOSTILE_MD),
    ):
        (folder / "docs").mkdir(exist_ok=True)
        (folder / "docs" / name).write_text(text, encoding="utf-8")
    (folder / "stats.csv").write_text(HOSTILE_CSV, encoding="utf-8")
    pg = _make_pg_url() if request.param == "postgresql" else None
    url = next(pg) if pg else f"sqlite:///{folder / 'web.db'}"  # why: own database, module-wide
    store = Store(url)
    report = ingest(store, [folder / "docs"])
    assert report.failed == [] and report.inserted == 3
    assert import_file(store, folder / "stats.csv").errors == []
    assess_store(store)
    token = create_token(store, "alice")
    revoked = create_token(store, "mallory")
    revoke_token(store, "mallory")
    uploads = folder / "uploads"
    app = create_app(store=store, uploads_dir=uploads, assess=None, max_upload_bytes=64_000)
    with TestClient(app) as client:
        yield {"client": client, "store": store, "token": token, "revoked": revoked, "app": app,
               "uploads": uploads, "folder": folder, "backend": request.param}  # fmt: skip
    store.close()
    if pg:
        next(pg, None)


# ---------------------------------------------------------------- route discovery
def _routes(app: Any) -> list[tuple[str, str, bool]]:
    """(method, path, is_api) of every route, through included routers."""
    out: list[tuple[str, str, bool]] = []

    def walk(routes: list[Any]) -> None:
        for r in routes:
            if hasattr(r, "original_router"):
                walk(r.original_router.routes)
            elif hasattr(r, "routes") and not hasattr(r, "methods"):
                walk(r.routes)
            elif getattr(r, "methods", None):
                for m in sorted(r.methods - {"HEAD"}):
                    out.append((m, r.path, r.path.startswith("/api/")))

    walk(app.routes)
    return out


def _ids(store: Any) -> dict[str, list[str]]:
    with store.engine.connect() as c:
        kinds: dict[str, list[str]] = {"target": [], "observation": []}
        for item_id, kind in c.execute(select(t.items.c.id, t.items.c.kind)):
            kinds[kind].append(item_id)
        docs = list(c.execute(select(t.documents.c.id)).scalars())
        inds = list(
            c.execute(
                select(t.items.c.indicator_id).where(t.items.c.indicator_id.is_not(None)).distinct()
            ).scalars()
        )
    return {"target": kinds["target"], "observation": kinds["observation"],
            "item": kinds["target"] + kinds["observation"], "doc_id": docs, "indicator_id": inds}  # fmt: skip


def _concrete(path: str, ids: dict[str, list[str]]) -> list[str]:
    """Every URL a route pattern names, for the hostile items, documents and indicators."""
    names = re.findall(r"{(\w+)(?::\w+)?}", path)
    if not names:
        return [path]
    (name,) = names  # why: no route here takes two path parameters
    if name == "item_id":
        name = next((k for k in ("target", "observation") if f"/{k}s/" in path), "item")
    return [re.sub(r"{\w+(?::\w+)?}", v, path) for v in ids.get(name, [])]


def _get_urls(site: dict[str, Any]) -> list[str]:
    ids = _ids(site["store"])
    urls = []
    for method, path, _ in _routes(site["app"]):
        if method == "GET" and path not in ("/openapi.json", "/logout"):
            urls += _concrete(path, ids)
    assert len(urls) > 15, urls
    return urls


# ---------------------------------------------------------------- escaping
class _Audit(HTMLParser):
    """What would run in a browser: inline scripts, handlers, javascript: URLs, payload tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self._in_script = "src" not in a and a.get("type") != "application/json"
            if self._in_script:
                self.found.append("inline <script>")
        if tag in ("svg", "iframe") or (tag == "img" and a.get("src") == "x"):
            self.found.append(f"injected <{tag}>")
        for k, v in attrs:
            if k.startswith("on"):
                self.found.append(f"<{tag} {k}={v!r}>")
            if (
                k in ("href", "src", "action", "formaction", "xlink:href")
                and v
                and (
                    re.sub(r"[\s\x00-\x1f]", "", v)
                    .lower()
                    .startswith(("javascript:", "data:text/html", "vbscript:"))
                )
            ):
                self.found.append(f"<{tag} {k}={v!r}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False


def test_every_page_escapes_ingested_and_imported_text(site: dict[str, Any]) -> None:
    client = site["client"]
    shown = 0
    for url in _get_urls(site):
        r = client.get(url, follow_redirects=True)
        assert r.status_code < 500, (url, r.status_code)
        if "text/html" not in r.headers.get("content-type", ""):
            continue
        audit = _Audit()
        audit.feed(r.text)
        assert audit.found == [], (url, audit.found)
        # the payloads are shown, as text: proof the page did render the hostile fields
        shown += r.text.count("alert(&#39;") + r.text.count("alert(&#x27;")
        assert not re.search(r"<script>alert|<img src=x|<svg onload", r.text, re.I), url
    assert shown > 10, "hostile text never reached a page; the test proves nothing"


def test_api_serves_hostile_text_as_json_verbatim(site: dict[str, Any]) -> None:
    client = site["client"]
    hits = 0
    for url in _get_urls(site):
        if not url.startswith("/api/"):
            continue
        r = client.get(url)
        assert r.status_code == 200, (url, r.text[:200])
        assert r.headers["content-type"].startswith("application/json")
        assert r.headers["x-content-type-options"] == "nosniff"
        hits += "<script>alert(" in r.text
    assert hits, "no API listing carried the hostile text"


# ---------------------------------------------------------------- SQL injection
def _table_counts(store: Any) -> dict[str, int]:
    with store.engine.connect() as c:
        return {
            tbl.name: c.execute(select(func.count()).select_from(tbl)).scalar_one()
            for tbl in t.metadata.sorted_tables
        }


def _rows(r: Any) -> int | None:
    """How many records an API answer holds (None for a page)."""
    if not r.headers.get("content-type", "").startswith("application/json"):
        return None
    body = r.json()
    if isinstance(body, list):
        return len(body)
    for key in ("items", "results", "data", "targets", "records"):
        if isinstance(body, dict) and isinstance(body.get(key), list):
            return len(body[key])
    return None


def test_sql_injection_in_every_filter_and_search_parameter(site: dict[str, Any]) -> None:
    client, store = site["client"], site["store"]
    before = _table_counts(store)
    secret_hashes = [
        h for h in store.engine.connect().execute(select(t.tokens.c.token_hash)).scalars()
    ]
    spec = site["app"].openapi()["paths"]
    list_urls = [u for u in _get_urls(site) if "{" not in u and u.count("/") <= 2]
    tried = 0
    for url in list_urls:
        declared = [p["name"] for p in spec.get(url, {}).get("get", {}).get("parameters", [])]
        for param in declared if url.startswith("/api/") else PAGE_PARAMS:
            neutral = client.get(url, params={param: "zzqx-no-such-thing"})
            for payload in SQL_PAYLOADS:
                r = client.get(url, params={param: payload})
                tried += 1
                assert r.status_code < 500, (url, param, payload, r.text[:300])
                assert not any(h in r.text for h in secret_hashes), (url, param, payload)
                assert "syntax error" not in r.text.lower() and "sqlite3." not in r.text
                # an injected OR-true condition would widen the result beyond a no-match value
                n, base = _rows(r), _rows(neutral)
                # (free-text search may match a payload's words, so q is left out)
                exact = param not in ("q", "limit", "offset", "sort", "page", "per_page")
                if exact and n is not None and base is not None:
                    assert n <= base, (url, param, payload, n, base)
    assert tried > 250
    assert _table_counts(store) == before


def test_nul_bytes_in_parameters_are_refused_cleanly(
    site: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    client = site["client"]
    problems = []
    for url in [u for u in _get_urls(site) if "{" not in u]:
        for param in ("q", "region", "plan", "indicator", "document", "status", "year"):
            neutral = client.get(url, params={param: "zzqx-no-such-thing"})
            try:
                r = client.get(url, params={param: "\x00' OR '1'='1"})
            except Exception as err:  # the in-process client re-raises the server's error
                problems.append(f"{url}?{param}: {type(err).__name__}")
                continue
            n, base = _rows(r), _rows(neutral)
            if r.status_code >= 500 or (n is not None and base is not None and n > base):
                problems.append(f"{url}?{param}: {r.status_code}, {n} rows vs {base}")
    for template in [p for m, p, _ in _routes(site["app"]) if m == "GET" and "{" in p]:
        url = re.sub(r"{\w+(?::\w+)?}", "x%00y", template)
        try:
            if client.get(url).status_code >= 500:
                problems.append(url)
        except Exception as err:
            problems.append(f"{url}: {type(err).__name__}")
    assert problems == []


def test_nul_bytes_in_write_bodies_are_refused_or_dropped(
    site: dict[str, Any], request: pytest.FixtureRequest
) -> None:
    client, store = site["client"], site["store"]
    auth = {"Authorization": f"Bearer {site['token']}"}
    item = _ids(store)["target"][0]
    bodies = [
        {"action": "note", "note": "checked\x00"},
        {"action": "correct", "fields": {"indicator_text": "labs\x00", "unit": "count\x00"}},
    ]
    for body in bodies:
        try:
            r = client.post(f"/api/items/{item}/review", json=body, headers=auth)
        except Exception as err:  # the in-process client re-raises the server's error
            pytest.fail(f"{body}: {type(err).__name__}: {err}")
        assert r.status_code < 500, (body, r.status_code)
    assert all("\x00" not in (r["note"] or "") + (r["fields"] or "") for r in store.reviews())


# ---------------------------------------------------------------- path traversal
TRAVERSALS = [
    "../../../../etc/passwd",
    "..%2f..%2f..%2f..%2fetc%2fpasswd",
    "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "..%252f..%252fetc%252fpasswd",
    "....//....//etc/passwd",
    "..\\..\\..\\etc\\passwd",
    "%2fetc%2fpasswd",
    "/etc/passwd",
    "..%c0%af..%c0%afetc/passwd",
]


def test_path_traversal_in_every_path_parameter_and_static_file(site: dict[str, Any]) -> None:
    client = site["client"]
    templates = [p for m, p, _ in _routes(site["app"]) if m == "GET" and "{" in p] + [
        "/static/{path}"
    ]
    for template in templates:
        for attack in TRAVERSALS:
            url = re.sub(r"{\w+(?::\w+)?}", lambda _m, a=attack: a, template)
            r = client.get(url, follow_redirects=True)
            assert r.status_code < 500, (url, r.status_code)
            assert "root:x:0:0" not in r.text and "[Content_Types]" not in r.text, url
            if r.status_code == 200 and url.startswith("/static"):
                pytest.fail(f"{url} served a file")


def test_uploaded_file_names_cannot_escape_the_uploads_folder(site: dict[str, Any]) -> None:
    client, folder = site["client"], site["folder"]
    evil_names = [
        "../../escaped.txt",
        "..\\..\\escaped2.txt",
        "/tmp/escaped3.txt",
        "....//escaped4.txt",
    ]
    for name in evil_names:
        r = client.post(
            "/api/import",
            headers={"Authorization": f"Bearer {site['token']}"},
            files={"files": (name, b"By 2025 the city will have 12 labs.\n", "text/plain")},
        )
        assert r.status_code < 500, r.text
    uploads = site["uploads"].resolve()
    written = [p.resolve() for p in folder.rglob("escaped*.txt")]
    assert written and all(uploads in p.parents for p in written), written
    assert not list(Path("/tmp").glob("escaped*.txt"))


# ---------------------------------------------------------------- writes: tokens, CSRF, size
def _write_routes(site: dict[str, Any]) -> list[tuple[str, bool]]:
    ids = _ids(site["store"])
    out = []
    for method, path, is_api in _routes(site["app"]):
        if method in ("POST", "PUT", "PATCH", "DELETE") and path not in ("/login", "/logout"):
            out += [(u, is_api) for u in _concrete(path, ids)[:2]]
    assert any(api for _, api in out) and any(not api for _, api in out), out
    return out


def _write_body(url: str) -> dict[str, Any]:
    if url.endswith("/import"):
        return {
            "files": {
                "files": ("s.csv", b"indicator,value,unit,period\nlabs,1,count,2020\n", "text/csv")
            }
        }
    if url.endswith("/review"):
        return {
            "json": {"action": "correct", "fields": {"value": 999999}},
            "data": {"action": "reject"},
        }
    if url.endswith("/merge"):
        return {
            "json": {"into": "high-tech-enterprises"},
            "data": {"into": "high-tech-enterprises"},
        }
    return {
        "json": {"phrase": "labs", "indicator_id": "high-tech-enterprises"},
        "data": {"phrase": "labs"},
    }


@pytest.mark.parametrize("credential", ["missing", "wrong", "revoked", "malformed"])
def test_writes_refuse_missing_wrong_and_revoked_tokens(
    site: dict[str, Any], credential: str
) -> None:
    client, store = site["client"], site["store"]
    header = {
        "missing": {},
        "wrong": {"Authorization": "Bearer gp_" + "0" * 40},
        "revoked": {"Authorization": f"Bearer {site['revoked']}"},
        "malformed": {"Authorization": "Bearer ' OR '1'='1"},
    }[credential]
    before = _table_counts(store)
    for url, is_api in _write_routes(site):
        body = _write_body(url)
        if is_api:
            kwargs = {"files": body["files"]} if "files" in body else {"json": body["json"]}
            r = client.post(url, headers=header, **kwargs)
            assert r.status_code in (401, 403), (url, r.status_code, r.text[:200])
        else:
            # a form with a valid CSRF pair but no valid login: refused
            csrf = _csrf(client)
            cookies = {"goalpost_token": header.get("Authorization", "")[7:]} if header else {}
            data = {**body.get("data", {}), "csrf": csrf}
            r = client.post(url, data=data, cookies=cookies, headers={"Origin": "http://testserver"},
                            follow_redirects=False)  # fmt: skip
            assert r.status_code in (401, 403) or (
                r.status_code == 303 and "/login" in r.headers.get("location", "")
            ), (url, r.status_code)
    client.cookies.clear()
    assert _table_counts(store) == before


def _csrf(client: TestClient) -> str:
    m = re.search(r'name="csrf" value="([^"]+)"', client.get("/login").text)
    assert m, "no CSRF field on the login form"
    return m.group(1)


@pytest.mark.parametrize("attack", ["no-token", "wrong-token", "other-origin", "other-browser"])
def test_forms_refuse_csrf(site: dict[str, Any], attack: str) -> None:
    client, store = site["client"], site["store"]
    client.cookies.clear()
    csrf = _csrf(client)
    r = client.post(
        "/login", data={"csrf": csrf, "token": site["token"], "next": "/"}, follow_redirects=False
    )
    assert r.status_code == 303
    before = _table_counts(store)
    for url, is_api in _write_routes(site):
        if is_api:
            continue
        data = {**_write_body(url).get("data", {}), "csrf": csrf}
        headers = {"Origin": "http://testserver"}
        if attack == "no-token":
            data.pop("csrf")
        elif attack == "wrong-token":
            data["csrf"] = "0" * len(csrf)
        elif attack == "other-origin":
            headers = {"Origin": "https://evil.example"}
        r = client.post(
            url,
            data=data,
            headers=headers,
            cookies={"goalpost_csrf": "another-browser"} if attack == "other-browser" else None,
            follow_redirects=False,
        )
        assert r.status_code == 403, (url, attack, r.status_code)
    client.cookies.clear()
    assert _table_counts(store) == before


@pytest.mark.parametrize("how", ["content-length", "chunked"])
def test_oversize_uploads_are_refused(site: dict[str, Any], how: str) -> None:
    client, store = site["client"], site["store"]
    before = _table_counts(store)
    big = b"indicator,value,unit,period\n" + b"labs,1,count,2020\n" * 10_000  # ~180 KB > 64 KB
    headers = {"Authorization": f"Bearer {site['token']}"}
    if how == "content-length":
        r = client.post(
            "/api/import", headers=headers, files={"files": ("big.csv", big, "text/csv")}
        )
    else:

        def chunks() -> Iterator[bytes]:
            boundary = b"--xx\r\n"
            yield (
                boundary
                + b'Content-Disposition: form-data; name="files"; filename="big.csv"\r\n\r\n'
            )
            for i in range(0, len(big), 8192):
                yield big[i : i + 8192]
            yield b"\r\n--xx--\r\n"

        r = client.post(
            "/api/import",
            headers={**headers, "Content-Type": "multipart/form-data; boundary=xx"},
            content=chunks(),
        )
    assert r.status_code == 413, r.status_code
    assert _table_counts(store) == before


# ---------------------------------------------------------------- headers
def _check_headers(url: str, r: Any) -> None:
    csp = r.headers.get("content-security-policy", "")
    directives = {d.strip().split(" ")[0]: d.strip() for d in csp.split(";") if d.strip()}
    script = directives.get("script-src") or directives.get("default-src", "")
    assert script and "'unsafe-inline'" not in script and "'unsafe-eval'" not in script, (url, csp)
    assert "frame-ancestors 'none'" in csp or "frame-ancestors 'self'" in csp, (url, csp)
    assert r.headers.get("x-content-type-options") == "nosniff", url


def test_security_headers_on_every_route_and_error(site: dict[str, Any]) -> None:
    client = site["client"]
    for url in _get_urls(site) + [
        "/no/such/page",
        "/api/no-such",
        "/static/app.js",
        "/targets/nope",
    ]:
        _check_headers(url, client.get(url, follow_redirects=False))
    for url, _ in _write_routes(site):  # refusals carry them too
        _check_headers(url, client.post(url))
