"""HTML pages for reading: scoreboard, target, document, indicator, search, listings."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from goalpost._render import group_scoreboard
from goalpost.store import _queries as qy
from goalpost.web._app import not_found, render
from goalpost.web._charts import indicator_chart, target_chart
from goalpost.web._highlight import pieces

router = APIRouter(include_in_schema=False)
PAGE_SIZES = (25, 50, 100, 200)


def _int(value: str | None, default: int, lo: int, hi: int) -> int:
    """A page number or size from the URL; junk falls back to the default instead of an error page."""
    try:
        return max(lo, min(hi, int(value or default)))
    except ValueError:
        return default


def _filters(request: Request) -> qy.Filters:
    p = request.query_params
    keys = ("region", "plan", "status", "indicator", "year", "q")
    return qy.Filters(**{k: (p.get(k) or "")[:200] or None for k in keys}).cleaned()


def _url(path: str, params: dict[str, Any]) -> str:
    clean = {k: v for k, v in params.items() if v not in (None, "")}
    return path + ("?" + urlencode(clean) if clean else "")


@router.get("/", response_class=HTMLResponse)
def scoreboard_page(request: Request) -> HTMLResponse:
    """Targets grouped by plan and plan action, filtered, sorted and paged from the URL."""
    store = request.app.state.store
    f = _filters(request)
    sort = request.query_params.get("sort") or "plan"
    sort = sort if sort in qy.SORTS else "plan"
    per_page = _int(request.query_params.get("per_page"), 50, 1, 500)
    page = _int(request.query_params.get("page"), 1, 1, 10**6)
    board, cache, version = (
        request.app.state.board,
        request.app.state.aggregates,
        qy.data_version(store),
    )
    rows, _ = qy.list_items(store, "target", f, sort=sort, limit=per_page, offset=(page - 1) * per_page,
                            with_total=False, board=board, version=version)  # fmt: skip
    qy.attach_assessments(store, rows)
    key = tuple(sorted({**f.active(), "status": None}.items(), key=lambda kv: kv[0]))
    counts = (board.status_counts(store, version, f) if board.supports(f) else None) or cache.get(
        version, ("counts", key), lambda: qy.status_counts(store, f)
    )  # fmt: skip
    options = cache.get(version, "options", lambda: qy.filter_options(store))
    # why: the counts per status already hold the total; a second pass over the targets is not needed
    total = counts.get(f.status, 0) if f.status else sum(counts.values())
    state = {
        **f.active(),
        "sort": sort if sort != "plan" else None,
        "per_page": per_page if per_page != 50 else None,
    }

    def url_with(**changes: Any) -> str:
        return _url("/", {**state, **changes})

    pages = max(1, -(-total // per_page))
    return render(request, "scoreboard.html", {
        "rows": rows, "groups": group_scoreboard(rows) if sort == "plan" else None, "total": total,
        "counts": counts, "options": options, "filters": f,
        "sort": sort, "sorts": qy.SORTS, "page": page, "pages": pages, "per_page": per_page,
        "url_with": url_with,
    })  # fmt: skip


def _evidence_parts(item: dict[str, Any]) -> tuple[str, str, str]:
    """The source sentence cut into (before, evidence, after)."""
    sentence = item.get("sentence") or ""
    s0, a, b = item.get("sentence_start") or 0, item.get("start"), item.get("end")
    if a is None or b is None:
        return sentence, "", ""
    a, b = max(0, a - s0), max(0, b - s0)
    if not (0 <= a < b <= len(sentence)):
        return sentence, "", ""
    return sentence[:a], sentence[a:b], sentence[b:]


def target_context(store: Any, item_id: str) -> dict[str, Any] | None:
    """Everything the target page shows (None when there is no such item)."""
    from goalpost._scoreboard import compatible

    item = qy.get_item(store, item_id)
    if item is None:
        return None
    qy.attach_assessments(store, [item])
    assessment = item["assessment"]
    obs = qy.series(store, item.get("indicator_id"), item.get("region"))
    if item["kind"] == "target":
        obs = [o for o in obs if compatible(item, o)]
    history = qy.series(store, item.get("indicator_id"), item.get("region"), kind="target")
    history.sort(key=lambda r: (r.get("doc_date") or "", r.get("start") or 0))
    return {
        "item": item, "a": assessment or {}, "observations": obs, "history": history,
        "revisions": qy.item_revisions(store, item_id), "audit": qy.item_audit(store, item_id),
        "reviews": store.reviews(item_id), "evidence": _evidence_parts(item),
        "chart": target_chart(item, assessment, obs) if item["kind"] == "target" else None,
    }  # fmt: skip


@router.get("/targets/{item_id}", response_class=HTMLResponse)
def target_page(request: Request, item_id: str) -> HTMLResponse:
    """A target (or observation): chart, explanation, evidence, observations, history, review."""
    from goalpost._models import COMPARATORS, KINDS

    ctx = target_context(request.app.state.store, item_id)
    if ctx is None:
        raise not_found("item")
    ctx.update(comparators=COMPARATORS, kinds=KINDS)
    return render(request, "target.html", ctx)


@router.get("/items/{item_id}")
def item_page(item_id: str) -> RedirectResponse:
    return RedirectResponse(f"/targets/{item_id}", status_code=307)


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request) -> HTMLResponse:
    page = _int(request.query_params.get("page"), 1, 1, 10**6)
    rows, total = qy.list_documents(request.app.state.store, limit=100, offset=(page - 1) * 100)
    return render(request, "documents.html", {"rows": rows, "total": total, "page": page,
                                              "pages": max(1, -(-total // 100))})  # fmt: skip


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document_page(request: Request, doc_id: str) -> HTMLResponse:
    """Clean text with every item highlighted, the outline aside, the metadata on top."""
    store = request.app.state.store
    doc = store.get_document(doc_id)
    if doc is None:
        raise not_found("document")
    row = store.get_document_row(doc_id) or {}
    items = qy.document_items(store, doc_id)
    sections = [
        {"title": s.title, "number": s.number, "level": s.level, "start": s.start}
        for s in doc.sections
    ]
    return render(request, "document.html", {
        "doc": doc, "row": row, "items": items, "sections": sections,
        "pieces": pieces(doc.text, items, sections),
        "hover": {i["id"]: _hover(i) for i in items},
        "n_targets": sum(1 for i in items if i["kind"] == "target"),
        "n_observations": sum(1 for i in items if i["kind"] == "observation"),
    })  # fmt: skip


def _hover(item: dict[str, Any]) -> str:
    """What an item reads as, for the tooltip of its highlight: "target: > 12,000 by 2021"."""
    from goalpost._render import format_value

    value = format_value(item["value"], item["unit"], item["comparator"], item.get("value_max"))
    when = f" ({item['date']})" if item.get("date") else ""
    return f"{item['kind']}: {item['indicator_text']} {value}{when} [{item.get('review_status')}]"


@router.get("/indicators", response_class=HTMLResponse)
def indicators_page(request: Request) -> HTMLResponse:
    rows, total = qy.list_indicators(request.app.state.store, limit=1000)
    return render(request, "indicators.html", {"rows": rows, "total": total})


@router.get("/indicators/{indicator_id}", response_class=HTMLResponse)
def indicator_page(request: Request, indicator_id: str) -> HTMLResponse:
    """All targets and observations of one indicator, across regions and plans, on one chart."""
    store = request.app.state.store
    ind = qy.get_indicator(store, indicator_id)
    targets = qy.series(store, indicator_id, any_region=True, kind="target")
    observations = qy.series(store, indicator_id, any_region=True, kind="observation")
    if ind is None and not targets and not observations:
        raise not_found("indicator")
    qy.attach_assessments(store, targets)
    others = [i for i in qy.filter_options(store)["indicators"] if i["id"] != indicator_id]
    return render(request, "indicator.html", {
        "ind": ind or {"id": indicator_id, "aliases": []}, "targets": targets, "observations": observations,
        "chart": indicator_chart(targets, observations), "others": others,
    })  # fmt: skip


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    """Full-text search over documents; results show matching sentences and their items."""
    from goalpost.store._search import search_documents

    q = (request.query_params.get("q") or "").strip()[:200]
    results = search_documents(request.app.state.store, q, limit=50) if q else []
    for r in results:
        for s in r["sentences"]:
            s["parts"] = _split_spans(s["sentence"], s["start"], s["spans"])
    return render(request, "search.html", {"q": q, "results": results})


def _split_spans(
    sentence: str, offset: int, spans: list[tuple[int, int]]
) -> list[tuple[str, bool]]:
    """A sentence as (text, is_match) parts, for highlighting the query terms."""
    parts, pos = [], 0
    for a, b in sorted(spans):
        a, b = max(a - offset, pos), min(b - offset, len(sentence))
        if a >= b:
            continue
        parts += [(sentence[pos:a], False), (sentence[a:b], True)]
        pos = b
    parts.append((sentence[pos:], False))
    return [p for p in parts if p[0]]


@router.get("/revisions", response_class=HTMLResponse)
def revisions_page(request: Request) -> HTMLResponse:
    from goalpost._scoreboard import revision_records

    return render(request, "revisions.html", {"rows": revision_records(request.app.state.store)})
