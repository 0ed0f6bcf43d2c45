"""HTML forms that write: log in/out, review items, link/merge indicators, import files.

Every POST here checks the CSRF token and, except logging in, a valid
token (header or login cookie). Writes go through ``Store`` methods, which
record them in the audit log; the scoreboard is re-assessed after each.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from goalpost._tokens import verify_token
from goalpost.web._app import _local, not_found, render
from goalpost.web._security import CSRF_FIELD, SESSION_COOKIE, check_csrf, request_actor

router = APIRouter(include_in_schema=False)
log = logging.getLogger(__name__)
DOCUMENT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx")
STATISTICS_SUFFIXES = (".csv", ".xlsx")


def reassess(store: Any, app: Any = None, indicators: set[str] | None = None) -> None:
    """Re-assess after a write (``app.state.assess``, default ``assess_store``).

    ``indicators`` limits the default re-assessment to the indicators the write
    touched, so a review answers quickly on a big database.

    The write is already committed; if assessing fails the error is logged
    and the stale assessments stay, rather than the reviewer seeing a crash.
    """
    assess = getattr(getattr(app, "state", None), "assess", "default")
    if assess is None:
        return
    try:
        if assess == "default":
            from goalpost._scoreboard import assess_store

            assess_store(store, indicators=indicators)
        else:
            assess(store)
    except Exception:  # why: see docstring; the traceback goes to the server log
        log.exception("re-assessment after a write failed")


async def _form(request: Request, *, need_actor: bool = True) -> tuple[Any, str | None]:
    form = await request.form()
    if not check_csrf(request, request.app.state.secret, form.get(CSRF_FIELD)):
        raise HTTPException(
            status_code=403,
            detail="the form has expired or came from another site; reload and retry",
        )
    actor = request_actor(request, request.app.state.store)
    if need_actor and actor is None:
        raise HTTPException(status_code=401, detail="log in with an API token to make changes")
    return form, actor


@router.get("/login", response_class=HTMLResponse)
def login_page(request: Request) -> HTMLResponse:
    return render(
        request,
        "login.html",
        {"next": _local(request.query_params.get("next") or "/"), "failed": False},
    )


@router.post("/login")
async def login(request: Request) -> Response:
    """Check a token and keep it in an HttpOnly cookie (verified again on every request)."""
    form, _ = await _form(request, need_actor=False)
    token = str(form.get("token") or "").strip()
    nxt = _local(str(form.get("next") or "/"))
    if verify_token(request.app.state.store, token) is None:
        return render(request, "login.html", {"next": nxt, "failed": True}, status_code=401)
    resp = RedirectResponse(nxt, status_code=303)
    resp.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="strict",
                    secure=request.url.scheme == "https", max_age=30 * 86400)  # fmt: skip
    return resp


@router.post("/logout")
async def logout(request: Request) -> Response:
    await _form(request, need_actor=False)
    resp = RedirectResponse("/", status_code=303)
    resp.delete_cookie(SESSION_COOKIE)
    return resp


def parse_fields(form: Any) -> dict[str, Any]:
    """Corrected fields from a review form, typed; empty inputs mean "unchanged"."""
    from goalpost._models import COMPARATORS, KINDS
    from goalpost.store import CORRECTABLE

    out: dict[str, Any] = {}
    for name in CORRECTABLE:
        raw = form.get(f"f_{name}")
        if raw is None or str(raw).strip() == "":
            continue
        value = str(raw).strip()
        if name in ("value", "value_max"):
            try:
                out[name] = float(value.replace(",", ""))
            except ValueError:
                raise HTTPException(
                    status_code=422, detail=f"{name}: {value!r} is not a number"
                ) from None
        elif name == "growth":
            out[name] = value.lower() in ("1", "true", "yes", "on")
        elif name == "comparator" and value not in COMPARATORS:
            raise HTTPException(
                status_code=422, detail=f"comparator must be one of {', '.join(COMPARATORS)}"
            )
        elif name == "kind" and value not in KINDS:
            raise HTTPException(status_code=422, detail="kind must be target or observation")
        elif name == "date" and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise HTTPException(status_code=422, detail="date must be YYYY, YYYY-MM or YYYY-MM-DD")
        else:
            out[name] = value[:500]
    return out


def changed_fields(item: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """Only the fields whose value differs from the item's (a form re-sends them all)."""
    return {
        k: v
        for k, v in fields.items()
        if item.get(k) != v and not (k == "growth" and bool(item.get(k)) == v)
    }


@router.post("/items/{item_id}/review")
async def review(request: Request, item_id: str) -> Response:
    """Accept, correct, reject or annotate an item, then back to its page."""
    form, actor = await _form(request)
    store = request.app.state.store
    item = store.get_item(item_id)
    if item is None:
        raise not_found("item")
    action = str(form.get("action") or "")
    if action not in ("accept", "correct", "reject", "note"):
        raise HTTPException(
            status_code=422, detail="action must be accept, correct, reject or note"
        )
    fields = changed_fields(item, parse_fields(form)) if action == "correct" else {}
    if action == "correct" and not fields:
        raise HTTPException(status_code=422, detail="a correction needs at least one changed field")
    note = str(form.get("note") or "").strip()[:2000] or None
    after = store.review_item(item_id, action, actor=actor, fields=fields, note=note)
    reassess(
        store, request.app, {i for i in (item.get("indicator_id"), after.get("indicator_id")) if i}
    )
    return RedirectResponse(f"/targets/{item_id}#review", status_code=303)


@router.post("/indicators/{indicator_id}/merge")
async def merge(request: Request, indicator_id: str) -> Response:
    form, actor = await _form(request)
    into = str(form.get("into") or "").strip()
    if not into or into == indicator_id:
        raise HTTPException(status_code=422, detail="choose another indicator to merge into")
    request.app.state.store.merge_indicators(indicator_id, into, actor=actor)
    reassess(request.app.state.store, request.app, {indicator_id, into})
    return RedirectResponse(f"/indicators/{into}", status_code=303)


@router.post("/indicators/{indicator_id}/link")
async def link(request: Request, indicator_id: str) -> Response:
    form, actor = await _form(request)
    phrase = str(form.get("phrase") or "").strip()[:500]
    unit = str(form.get("unit") or "").strip()[:32] or None
    if not phrase:
        raise HTTPException(status_code=422, detail="a phrase is needed")
    request.app.state.store.link_phrase(phrase, unit, indicator_id, actor=actor)
    reassess(request.app.state.store, request.app)
    return RedirectResponse(f"/indicators/{indicator_id}", status_code=303)


@router.get("/import", response_class=HTMLResponse)
def import_page(request: Request) -> HTMLResponse:
    return render(
        request, "import.html", {"limit": request.app.state.max_upload_bytes, "results": None}
    )


def safe_name(filename: str | None) -> str:
    """A file name fit to save: no folders, no hidden names, no odd characters.

    >>> safe_name("../../etc/passwd"), safe_name("规划 2021.txt"), safe_name("..")
    ('passwd', '规划_2021.txt', 'upload')
    """
    name = re.split(r"[\\/]", filename or "")[-1]
    name = re.sub(r"[^\w.\-]+", "_", name).lstrip(".")
    return name[:120] or "upload"


async def save_uploads(request: Request, files: list[Any]) -> list[Path]:
    """Write uploaded files into the uploads folder under safe names."""
    folder: Path = request.app.state.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for f in files:
        path = folder / safe_name(f.filename)
        path.write_bytes(await f.read())
        paths.append(path)
    return paths


def run_import(store: Any, paths: list[Path], app: Any = None) -> list[dict[str, Any]]:
    """Ingest documents and import statistics; one result per file with its errors."""
    from goalpost._exceptions import GoalpostError

    results: list[dict[str, Any]] = []
    docs = [p for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES]
    stats = [p for p in paths if p.suffix.lower() in STATISTICS_SUFFIXES]
    for p in paths:
        if p not in docs and p not in stats:
            results.append({"file": p.name, "kind": "?", "ok": False, "summary": "", "errors": [
                (None, f"unsupported file type {p.suffix or '(none)'}: send documents ({', '.join(DOCUMENT_SUFFIXES)}) or statistics (.csv, .xlsx)")]})  # fmt: skip
    if docs:
        from goalpost._ingest import ingest

        outcome: dict[str, str | None] = {}
        rep = ingest(store, docs, on_progress=lambda path, error: outcome.__setitem__(path, error))
        for p in docs:
            err = outcome.get(str(p))
            results.append({"file": p.name, "kind": "document", "ok": err is None,
                            "summary": "stored" if err is None else "", "errors": [(None, err)] if err else []})  # fmt: skip
        del rep
    if stats:
        from goalpost._importer import import_file

        for p in stats:
            try:
                r = import_file(store, p)
            except GoalpostError as exc:
                results.append({"file": p.name, "kind": "statistics", "ok": False, "summary": "",
                                "errors": [(None, getattr(exc, "reason", str(exc)))]})  # fmt: skip
                continue
            results.append({"file": p.name, "kind": "statistics", "ok": not r.errors,
                            "summary": f"{r.added} added, {r.duplicates} duplicates", "errors": list(r.errors)})  # fmt: skip
    if docs or stats:
        reassess(store, app)
    return results


@router.post("/import", response_class=HTMLResponse)
async def import_files(request: Request) -> HTMLResponse:
    """Take uploaded documents and CSV/XLSX statistics; the result page lists per-row errors."""
    form, _ = await _form(request)
    files = [f for f in form.getlist("files") if getattr(f, "filename", None)]
    if not files:
        raise HTTPException(status_code=422, detail="choose at least one file")
    paths = await save_uploads(request, files)
    results = run_import(request.app.state.store, paths, request.app)
    return render(
        request, "import.html", {"limit": request.app.state.max_upload_bytes, "results": results}
    )
