"""The JSON API: listings with the CLI's filters and paging, and token-protected writes.

Listings answer ``{"items", "total", "limit", "offset", "next"}``; ids are
the stored ones (content hashes), so they stay the same across runs.
Writes need ``Authorization: Bearer <token>``; cookies are not accepted
here, so the API needs no CSRF protection.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, HTTPException, Query, Request, UploadFile
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from goalpost._scoreboard import status_record
from goalpost._tokens import verify_token
from goalpost.store import _queries as qy
from goalpost.web._api_models import (
    CountOut,
    DocumentFull,
    DocumentOut,
    ImportResultOut,
    IndicatorOut,
    ItemOut,
    LinkIn,
    MergeIn,
    Page,
    Problem,
    ReviewIn,
    RevisionOut,
    SearchResult,
    StatusOut,
)

R401 = {
    401: {"model": Problem, "description": "no valid token (writes; reads when reading is closed)"}
}
R404 = {404: {"model": Problem, "description": "no such record"}}
R413 = {
    413: {"description": "request body over the configured limit"},
    400: {"model": Problem, "description": "the body is not valid JSON or multipart"},
}
R409 = {409: {"model": Problem, "description": "the request contradicts itself or the stored data"}}
router = APIRouter(prefix="/api", tags=["api"], responses=R401)
bearer = HTTPBearer(
    auto_error=False, description="A token from `goalpost token create NAME`, or $GOALPOST_TOKEN."
)

Limit = Annotated[int, Query(ge=1, le=qy.MAX_PAGE_SIZE, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="records to skip")]
Text = Annotated[str | None, Query(max_length=200)]


def writer(
    request: Request, creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> str:
    """The actor behind a valid bearer token; 401 otherwise."""
    actor = verify_token(request.app.state.store, creds.credentials if creds else None)
    if actor is None:
        raise HTTPException(status_code=401, detail="a valid token is required",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip
    return actor


def _filters(region: str | None, plan: str | None, status: str | None, indicator: str | None,
             year: str | None = None, q: str | None = None, document: str | None = None) -> qy.Filters:  # fmt: skip
    return qy.Filters(region=region, plan=plan, status=status, indicator=indicator, year=year, q=q,
                      document=document).cleaned()  # fmt: skip


def _page(
    request: Request, items: list[Any], total: int, limit: int, offset: int
) -> dict[str, Any]:
    nxt = None
    if offset + limit < total:
        params = dict(request.query_params) | {"offset": str(offset + limit), "limit": str(limit)}
        nxt = f"{request.url.path}?{urlencode(params)}"
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next": nxt}


def _item_out(row: dict[str, Any]) -> dict[str, Any]:
    return {**row, "growth": bool(row.get("growth")), "url": f"/targets/{row['id']}"}


@router.get("/targets", response_model=Page[ItemOut])
def api_targets(request: Request, region: Text = None, plan: Text = None, status: Text = None,
                indicator: Text = None, document: Text = None, year: Text = None, q: Text = None,
                sort: Annotated[str, Query(pattern="^(" + "|".join(qy.SORTS) + ")$")] = "plan",
                limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """Targets in plan order, filtered like ``goalpost targets``."""
    f = _filters(region, plan, status, indicator, year, q, document)
    rows, total = qy.list_items(
        request.app.state.store, "target", f, sort=sort, limit=limit, offset=offset,
        board=request.app.state.board,
    )  # fmt: skip
    return _page(request, [_item_out(r) for r in rows], total, limit, offset)


@router.get("/targets/{item_id}", response_model=ItemOut, responses=R404)
def api_target(request: Request, item_id: str) -> dict[str, Any]:
    row = qy.get_item(request.app.state.store, item_id)
    if row is None or row["kind"] != "target":
        raise HTTPException(status_code=404, detail="target not found")
    return _item_out(row)


@router.get("/observations", response_model=Page[ItemOut])
def api_observations(request: Request, region: Text = None, plan: Text = None, indicator: Text = None,
                     document: Text = None, year: Text = None, q: Text = None, limit: Limit = 100,
                     offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """Observations, extracted and imported, filtered like ``goalpost observations``."""
    f = _filters(region, plan, None, indicator, year, q, document)
    rows, total = qy.list_items(
        request.app.state.store, "observation", f, limit=limit, offset=offset
    )
    return _page(request, [_item_out(r) for r in rows], total, limit, offset)


@router.get("/observations/{item_id}", response_model=ItemOut, responses=R404)
def api_observation(request: Request, item_id: str) -> dict[str, Any]:
    row = qy.get_item(request.app.state.store, item_id)
    if row is None or row["kind"] != "observation":
        raise HTTPException(status_code=404, detail="observation not found")
    return _item_out(row)


@router.get("/status", response_model=Page[StatusOut])
def api_status(request: Request, region: Text = None, plan: Text = None, status: Text = None,
               indicator: Text = None, year: Text = None, q: Text = None, limit: Limit = 100,
               offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """The scoreboard: every target, where it stands and why (``goalpost status --format json``)."""
    store = request.app.state.store
    rows, total = qy.list_items(store, "target", _filters(region, plan, status, indicator, year, q),
                                limit=limit, offset=offset, board=request.app.state.board)  # fmt: skip
    qy.attach_assessments(store, rows)
    return _page(request, [status_record(r) for r in rows], total, limit, offset)


@router.get("/indicators", response_model=Page[IndicatorOut])
def api_indicators(request: Request, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Catalog indicators with their counts of targets and observations."""
    rows, total = qy.list_indicators(request.app.state.store, limit=limit, offset=offset)
    return _page(
        request, [{**r, "provisional": bool(r["provisional"])} for r in rows], total, limit, offset
    )


@router.get("/documents", response_model=Page[DocumentOut])
def api_documents(request: Request, plan: Text = None, region: Text = None, limit: Limit = 100,
                  offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """Documents' metadata (without text), newest first."""
    rows, total = qy.list_documents(
        request.app.state.store, limit=limit, offset=offset, plan=plan, region=region
    )
    items = [{**r, "is_plan": bool(r["is_plan"]), "url": f"/documents/{r['id']}"} for r in rows]
    return _page(request, items, total, limit, offset)


@router.get("/documents/{doc_id}", response_model=DocumentFull, responses=R404)
def api_document(request: Request, doc_id: str) -> dict[str, Any]:
    """One document with its clean text and outline (all spans point into ``text``)."""
    store = request.app.state.store
    row = store.get_document_row(doc_id)
    doc = store.get_document(doc_id) if row else None
    if doc is None:
        raise HTTPException(status_code=404, detail="document not found")
    sections = [{"title": s.title, "level": s.level, "start": s.start, "heading_end": s.heading_end,
                 "end": s.end, "number": s.number} for s in doc.sections]  # fmt: skip
    n = len(qy.document_items(store, doc_id))
    return {
        **row,
        "is_plan": bool(row["is_plan"]),
        "items": n,
        "url": f"/documents/{doc_id}",
        "sections": sections,
    }


@router.get("/revisions", response_model=Page[RevisionOut])
def api_revisions(request: Request, indicator: Text = None, region: Text = None, limit: Limit = 100,
                  offset: Offset = 0) -> dict[str, Any]:  # fmt: skip
    """How later plans raised, lowered, moved or dropped earlier targets."""
    rows, total = qy.list_revisions(request.app.state.store, indicator=indicator, region=region, limit=limit,
                                    offset=offset)  # fmt: skip
    return _page(request, rows, total, limit, offset)


@router.get("/search", response_model=list[SearchResult])
def api_search(request: Request, q: Annotated[str, Query(max_length=200)] = "",
               limit: Annotated[int, Query(ge=1, le=200)] = 20) -> list[dict[str, Any]]:  # fmt: skip
    """Full-text search over documents (English and Chinese): matching sentences and their items."""
    from goalpost.store._search import search_documents

    return search_documents(request.app.state.store, q, limit=limit)


@router.post("/items/{item_id}/review", response_model=ItemOut, responses={**R404, **R409, **R413})
def api_review(
    request: Request, item_id: str, body: ReviewIn, actor: Annotated[str, Depends(writer)]
) -> dict[str, Any]:
    """Accept, correct (fields given), reject or annotate an item; recorded in the audit log."""
    from goalpost.web._writes import reassess

    store = request.app.state.store
    before = store.get_item(item_id)
    if before is None:
        raise HTTPException(status_code=404, detail="item not found")
    fields = body.fields.model_dump(exclude_none=True)
    if body.action == "correct" and not fields:
        raise HTTPException(status_code=409, detail="a correction needs at least one field")
    after = store.review_item(item_id, body.action, actor=actor, fields=fields if body.action == "correct" else {},
                              note=body.note)  # fmt: skip
    reassess(
        store,
        request.app,
        {i for i in (before.get("indicator_id"), after.get("indicator_id")) if i},
    )
    row = qy.get_item(store, item_id)
    assert row is not None  # why: the review just read and updated it
    return _item_out(row)


@router.post(
    "/indicators/{indicator_id}/merge", response_model=CountOut, responses={**R404, **R409, **R413}
)
def api_merge(
    request: Request, indicator_id: str, body: MergeIn, actor: Annotated[str, Depends(writer)]
) -> dict[str, int]:
    """Merge an indicator into another: its items and links move; recorded."""
    from goalpost.web._writes import reassess

    store = request.app.state.store
    if body.into == indicator_id:
        raise HTTPException(status_code=409, detail="cannot merge an indicator into itself")
    for ind in (indicator_id, body.into):
        if qy.get_indicator(store, ind) is None:
            raise HTTPException(status_code=404, detail=f"indicator {ind!r} not found")
    n = request.app.state.store.merge_indicators(indicator_id, body.into, actor=actor)
    reassess(request.app.state.store, request.app, {indicator_id, body.into})
    return {"updated": n}


@router.post("/indicators/links", response_model=CountOut, responses={**R404, **R413})
def api_link(
    request: Request, body: LinkIn, actor: Annotated[str, Depends(writer)]
) -> dict[str, int]:
    """Link a phrase (and unit) to an indicator; applies to items now and on later ingests."""
    from goalpost.web._writes import reassess

    if qy.get_indicator(request.app.state.store, body.indicator_id) is None:
        raise HTTPException(status_code=404, detail=f"indicator {body.indicator_id!r} not found")
    n = request.app.state.store.link_phrase(body.phrase, body.unit, body.indicator_id, actor=actor)
    reassess(request.app.state.store, request.app)
    return {"updated": n}


@router.post(
    "/import",
    response_model=list[ImportResultOut],
    responses={
        **R413,
        415: {"model": Problem, "description": "a file of a type goalpost does not read"},
    },
)
async def api_import(request: Request, files: Annotated[list[UploadFile], File(description="documents or CSV/XLSX", min_length=1)],
                     actor: Annotated[str, Depends(writer)]) -> list[dict[str, Any]]:  # fmt: skip
    """Upload documents (ingested) and statistics (imported); per-file and per-row errors."""
    from goalpost.web._writes import (
        DOCUMENT_SUFFIXES,
        STATISTICS_SUFFIXES,
        run_import,
        save_uploads,
    )

    del actor
    known = DOCUMENT_SUFFIXES + STATISTICS_SUFFIXES
    bad = [
        f.filename or "(no name)" for f in files if not (f.filename or "").lower().endswith(known)
    ]
    if bad:
        raise HTTPException(status_code=415, detail=f"unsupported file type: {', '.join(bad[:10])}; "
                                                    f"send {', '.join(known)}")  # fmt: skip
    paths = await save_uploads(request, [f for f in files if f.filename])
    if not paths:
        raise HTTPException(status_code=422, detail="no files")
    return run_import(request.app.state.store, paths, request.app)
