"""Read queries behind the pages and the API, with filters and paging in SQL.

The CLI's ``scoreboard()`` loads every target; a web page must answer in
well under 100 ms on 10,000 targets, so here filters, counts, sorting and
paging are pushed into the database. Every value reaches SQL as a bound
parameter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import and_, case, distinct, func, literal, or_, select

from goalpost.store import _schema as t
from goalpost.store._quick import like_escape as _esc
from goalpost.store._quick import revision_labels

STATUSES = (
    "achieved",
    "on_track",
    "needs_acceleration",
    "limited_progress",
    "deteriorating",
    "off_track",
    "missed",
    "insufficient_data",
    "awaiting_data",
    "not_assessed",
)
SORTS = ("plan", "deadline", "status", "progress", "-progress", "indicator")
MAX_PAGE_SIZE = 1000


@dataclass
class Filters:
    """What a scoreboard view or API listing is narrowed to (all optional)."""

    region: str | None = None
    plan: str | None = None
    status: str | None = None
    indicator: str | None = None
    year: str | None = None
    q: str | None = None
    document: str | None = None

    def cleaned(self) -> Filters:
        """The same filters without NUL characters (PostgreSQL refuses them) or blank values."""
        for f in fields(self):
            v = getattr(self, f.name)
            setattr(
                self, f.name, (v.replace("\x00", "").strip() or None) if isinstance(v, str) else v
            )
        return self

    def active(self) -> dict[str, str]:
        """The filters set, as URL query parameters."""
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def _item_columns() -> list[Any]:
    i, d, a = t.items, t.documents, t.assessments
    return [
        i,
        d.c.title.label("doc_title"),
        d.c.date.label("doc_date"),
        d.c.source.label("doc_source"),
        func.coalesce(a.c.status, literal("not_assessed")).label("status"),
    ]


def _conditions(kind: str | None, f: Filters, *, include_status: bool = True) -> list[Any]:
    i, d, a = t.items, t.documents, t.assessments
    conds: list[Any] = [i.c.review_status != "rejected"]
    if kind:
        conds.append(i.c.kind == kind)
    if f.region:
        conds.append(func.lower(i.c.region) == f.region.lower())
    if f.plan:
        conds.append(
            or_(
                i.c.document_id == f.plan,
                func.lower(d.c.title).like(f"%{_esc(f.plan.lower())}%", escape="\\"),
            )
        )
    if f.document:
        conds.append(
            or_(
                i.c.document_id == f.document, d.c.source.like(f"%{_esc(f.document)}%", escape="\\")
            )
        )
    if f.indicator:
        like = f"%{_esc(f.indicator.lower())}%"
        conds.append(
            or_(
                i.c.indicator_id == f.indicator,
                func.lower(i.c.indicator_text).like(like, escape="\\"),
            )
        )
    if f.year:
        conds.append(i.c.date.like(f"{_esc(f.year[:4])}%", escape="\\"))
    if f.q:
        like = f"%{_esc(f.q.lower())}%"
        conds.append(or_(func.lower(i.c.indicator_text).like(like, escape="\\"),
                         func.lower(i.c.sentence).like(like, escape="\\"),
                         func.lower(i.c.section).like(like, escape="\\")))  # fmt: skip
    if include_status and f.status:
        if f.status == "not_assessed":
            conds.append(a.c.status.is_(None))
        else:
            conds.append(a.c.status == f.status)
    return conds


def _joined(docs: bool = True, assessments: bool = True) -> Any:
    """Items joined to what the query needs: each join costs a lookup per target row."""
    i, d, a = t.items, t.documents, t.assessments
    j = i
    if docs:
        j = j.outerjoin(d, i.c.document_id == d.c.id)
    if assessments:
        j = j.outerjoin(a, a.c.target_id == i.c.id)
    return j


def _needs(f: Filters) -> tuple[bool, bool]:
    """Whether the filters refer to documents and to assessments."""
    return bool(f.plan or f.document), bool(f.status)


def _doc_rank() -> Any:
    """Documents numbered in plan order (date, title), as a small derived table.

    Sorting targets on a number looked up in 200 rows is far cheaper than
    on two text columns fetched from the documents table for each target.
    """
    d = t.documents
    order = [func.coalesce(d.c.date, ""), func.coalesce(d.c.title, ""), d.c.id]
    return select(d.c.id, func.row_number().over(order_by=order).label("rk")).cte("doc_rank")


def _order(sort: str, rank: Any) -> list[Any]:
    i, a = t.items, t.assessments
    # why: only columns of ix_items_board (migration 0002) and the rank, so the sort reads the index alone
    plan_order = [func.coalesce(rank.c.rk, 0), i.c.start, i.c.id]
    if sort == "deadline":
        return [i.c.date.is_(None), i.c.date, *plan_order]
    if sort == "status":
        rank_ = case({s: n for n, s in enumerate(STATUSES)}, value=a.c.status, else_=len(STATUSES))
        return [rank_, *plan_order]
    if sort in ("progress", "-progress"):
        key = a.c.progress.desc() if sort == "-progress" else a.c.progress
        return [a.c.progress.is_(None), key, *plan_order]
    if sort == "indicator":
        return [func.coalesce(i.c.indicator_id, i.c.indicator_text), *plan_order]
    return plan_order


def count_items(store: Any, kind: str | None, f: Filters) -> int:
    """How many items match (joins only what the filters need)."""
    docs, assessments = _needs(f)
    q = (
        select(func.count())
        .select_from(_joined(docs, assessments))
        .where(and_(*_conditions(kind, f)))
    )
    with store.engine.connect() as c:
        return c.execute(q).scalar_one()


def list_items(store: Any, kind: str | None, f: Filters, *, sort: str = "plan", limit: int = 50,
               offset: int = 0, with_total: bool = True,
               board: Any = None,
               version: tuple[Any, ...] | None = None) -> tuple[list[dict[str, Any]], int | None]:  # fmt: skip
    """One page of items (with plan title and status) and the total matching.

    Two steps, because sorting 10,000 wide rows (sentences and all) to keep
    50 is what makes a page slow: first the ids of the page, sorted on narrow
    keys, then the full rows of just those ids. With a ``board``
    (:class:`~goalpost.store._board.TargetBoard`, the web app keeps one) the
    ids of a target page come from memory when the filters allow it
    (``version``: the caller's :func:`data_version`, when it has one).
    """
    limit = max(1, min(int(limit), MAX_PAGE_SIZE))
    sort = sort if sort in SORTS else "plan"
    offset = max(0, int(offset))
    if board is not None and kind == "target" and board.supports(f):
        got = board.page(store, version or data_version(store), f, sort, limit, offset)
        if got is not None:  # None: the board is being built; SQL answers meanwhile
            return items_by_ids(store, got[0]), got[1]
    docs, assessments = _needs(f)
    rank = _doc_rank()
    joined = _joined(docs, assessments or sort in ("status", "progress", "-progress"))
    joined = joined.outerjoin(rank, rank.c.id == t.items.c.document_id)
    page_ids = (
        select(t.items.c.id)
        .select_from(joined)
        .where(and_(*_conditions(kind, f)))
        .order_by(*_order(sort, rank))
        .limit(limit)
        .offset(offset)
    )
    with store.engine.connect() as c:
        ids = list(c.execute(page_ids).scalars())
    total = count_items(store, kind, f) if with_total else None
    return items_by_ids(store, ids), total


def items_by_ids(store: Any, ids: list[str]) -> list[dict[str, Any]]:
    """Full rows (with plan title and status) of these items, in the order given."""
    if not ids:
        return []
    q = select(*_item_columns()).select_from(_joined()).where(t.items.c.id.in_(ids))
    with store.engine.connect() as c:
        rows = {r["id"]: dict(r) for r in c.execute(q).mappings()}
    return [rows[i] for i in ids if i in rows]


def data_version(store: Any) -> tuple[Any, ...]:
    """A value that changes whenever items, reviews, the catalog or assessments change.

    Every write to items goes through the audit log; assessing replaces all
    rows with one new ``computed_at`` (to the second: two assessments of the
    same data within a second give the same results anyway, since they are
    a function of the data and the day). Cheap: index reads and one small scan.
    """
    a = t.assessments
    q = select(
        select(func.max(t.audit_log.c.id)).scalar_subquery(),
        select(func.count()).select_from(a).scalar_subquery(),
        select(func.max(a.c.computed_at)).scalar_subquery(),
        select(func.count()).select_from(t.indicators).scalar_subquery(),
    )
    with store.engine.connect() as c:
        return tuple(c.execute(q).one())


class AggregateCache:
    """Status counts and filter menus per data version: they change only when the data does.

    >>> cache = AggregateCache(size=2)
    >>> cache.get((1,), "k", lambda: 42), cache.get((1,), "k", lambda: 0), cache.get((2,), "k", lambda: 7)
    (42, 42, 7)
    """

    def __init__(self, size: int = 512) -> None:
        self.size = size
        self.version: tuple[Any, ...] | None = None
        self.values: dict[Any, Any] = {}

    def get(self, version: tuple[Any, ...], key: Any, compute: Any) -> Any:
        if version != self.version:
            self.version, self.values = version, {}
        if key not in self.values:
            if len(self.values) >= self.size:
                self.values.pop(next(iter(self.values)))
            self.values[key] = compute()
        return self.values[key]


def status_counts(store: Any, f: Filters) -> dict[str, int]:
    """Targets per status under every filter but the status one (for the chips on top)."""
    a = t.assessments
    status = func.coalesce(a.c.status, literal("not_assessed"))
    docs, _ = _needs(f)
    q = (
        select(status, func.count())
        .select_from(_joined(docs, True))
        .where(and_(*_conditions("target", f, include_status=False)))
        .group_by(status)
    )
    with store.engine.connect() as c:
        got = {s: n for s, n in c.execute(q)}
    return {s: got[s] for s in (*STATUSES, *sorted(set(got) - set(STATUSES))) if s in got}


def attach_assessments(store: Any, rows: list[dict[str, Any]]) -> None:
    """Add ``assessment`` (dict or None) and ``revisions`` (kinds) to target rows, in place."""
    ids = [r["id"] for r in rows]
    if not ids:
        return
    a, rv = t.assessments, t.revisions
    with store.engine.connect() as c:
        found = {
            r["target_id"]: dict(r)
            for r in c.execute(select(a).where(a.c.target_id.in_(ids))).mappings()
        }
        q = select(rv.c.older_id, rv.c.newer_id, rv.c.kind).where(
            or_(rv.c.older_id.in_(ids), rv.c.newer_id.in_(ids))
        )
        revs = revision_labels(c.execute(q))
    for r in rows:
        r["assessment"] = found.get(r["id"])
        r["revisions"] = revs.get(r["id"], [])


def filter_options(store: Any) -> dict[str, list[Any]]:
    """Choices for the scoreboard's filter menus: regions, plans, indicators, deadline years."""
    i, d = t.items, t.documents
    target = and_(i.c.kind == "target", i.c.review_status != "rejected")
    with store.engine.connect() as c:
        regions = [
            r
            for (r,) in c.execute(
                select(distinct(i.c.region))
                .where(target, i.c.region.is_not(None))
                .order_by(i.c.region)
            )
        ]
        plans = [dict(r) for r in c.execute(
            select(d.c.id, d.c.title, d.c.date).where(d.c.is_plan.is_(True)).order_by(d.c.date, d.c.title)
        ).mappings()]  # fmt: skip
        inds = [dict(r) for r in c.execute(select(t.indicators.c.id, t.indicators.c.name_en, t.indicators.c.name_zh)
                                           .where(t.indicators.c.merged_into.is_(None)).order_by(t.indicators.c.id)).mappings()]  # fmt: skip
        years = sorted(
            {
                (y or "")[:4]
                for (y,) in c.execute(select(distinct(func.substr(i.c.date, 1, 4))).where(target))
            }
            - {""}
        )
    return {
        "regions": regions,
        "plans": plans,
        "indicators": inds,
        "years": years,
        "statuses": list(STATUSES),
    }


def get_item(store: Any, item_id: str) -> dict[str, Any] | None:
    """One item (rejected ones too) with plan title and status, or None."""
    q = select(*_item_columns()).select_from(_joined()).where(t.items.c.id == item_id)
    with store.engine.connect() as c:
        row = c.execute(q).mappings().first()
    return dict(row) if row else None


def series(store: Any, indicator_id: str | None, region: str | None = None, *, any_region: bool = False,
           kind: str | None = "observation", limit: int = 5000) -> list[dict[str, Any]]:  # fmt: skip
    """Items of one indicator (one region, or every region), oldest first."""
    if not indicator_id:
        return []
    i = t.items
    conds = [i.c.indicator_id == indicator_id, i.c.review_status != "rejected"]
    if kind:
        conds.append(i.c.kind == kind)
    if not any_region:
        conds.append(i.c.region.is_(None) if region is None else i.c.region == region)
    q = (
        select(*_item_columns())
        .select_from(_joined())
        .where(and_(*conds))
        .order_by(i.c.date, i.c.id)
        .limit(limit)
    )
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(q).mappings()]


def item_revisions(store: Any, item_id: str) -> list[dict[str, Any]]:
    """Revision records this target takes part in."""
    rv = t.revisions
    q = select(rv).where(or_(rv.c.older_id == item_id, rv.c.newer_id == item_id)).order_by(rv.c.id)
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(q).mappings()]


def item_audit(store: Any, item_id: str) -> list[dict[str, Any]]:
    """Audit-log entries about an item, oldest first, with ``before``/``after`` decoded."""
    al = t.audit_log
    q = select(al).where(al.c.entity == "item", al.c.entity_id == item_id).order_by(al.c.id)
    with store.engine.connect() as c:
        rows = [dict(r) for r in c.execute(q).mappings()]
    for r in rows:
        before = json.loads(r["before"]) if r["before"] else {}
        after = json.loads(r["after"]) if r["after"] else {}
        r["changes"] = [
            (k, before.get(k), after.get(k)) for k in after if before.get(k) != after.get(k)
        ]
    return rows


def document_items(store: Any, doc_id: str) -> list[dict[str, Any]]:
    """Every item of a document (rejected ones too), in text order."""
    q = (select(*_item_columns()).select_from(_joined()).where(t.items.c.document_id == doc_id)
         .order_by(t.items.c.start, t.items.c.id))  # fmt: skip
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(q).mappings()]


def list_documents(store: Any, *, limit: int = 100, offset: int = 0, plan: str | None = None,
                   region: str | None = None) -> tuple[list[dict[str, Any]], int]:  # fmt: skip
    """Documents' metadata (no text) with item counts, newest first, and the total."""
    d, i = t.documents, t.items
    conds = []
    if plan:
        conds.append(
            or_(d.c.id == plan, func.lower(d.c.title).like(f"%{_esc(plan.lower())}%", escape="\\"))
        )
    if region:
        conds.append(func.lower(d.c.region) == region.lower())
    counts = (select(i.c.document_id, func.count().label("n_items")).where(i.c.document_id.is_not(None))
              .group_by(i.c.document_id).subquery())  # fmt: skip
    cols = [c for c in d.c if c.name != "text"]
    q = (select(*cols, func.coalesce(counts.c.n_items, 0).label("items"))
         .select_from(d.outerjoin(counts, counts.c.document_id == d.c.id)))  # fmt: skip
    if conds:
        q = q.where(and_(*conds))
    q = (
        q.order_by(d.c.date.desc(), d.c.id)
        .limit(max(1, min(limit, MAX_PAGE_SIZE)))
        .offset(max(0, offset))
    )
    cq = select(func.count()).select_from(d)
    if conds:
        cq = cq.where(and_(*conds))
    with store.engine.connect() as c:
        return [dict(r) for r in c.execute(q).mappings()], c.execute(cq).scalar_one()


def list_indicators(
    store: Any, *, limit: int = 1000, offset: int = 0
) -> tuple[list[dict[str, Any]], int]:
    """Catalog indicators with their counts of targets and observations, and the total."""
    ind, i = t.indicators, t.items
    counts = (select(i.c.indicator_id,
                     func.sum(case((i.c.kind == "target", 1), else_=0)).label("targets"),
                     func.sum(case((i.c.kind == "observation", 1), else_=0)).label("observations"))
              .where(i.c.review_status != "rejected").group_by(i.c.indicator_id).subquery())  # fmt: skip
    q = (select(ind, func.coalesce(counts.c.targets, 0).label("targets"),
                func.coalesce(counts.c.observations, 0).label("observations"))
         .select_from(ind.outerjoin(counts, counts.c.indicator_id == ind.c.id))
         .order_by(ind.c.id).limit(max(1, min(limit, MAX_PAGE_SIZE))).offset(max(0, offset)))  # fmt: skip
    with store.engine.connect() as c:
        rows = [dict(r) for r in c.execute(q).mappings()]
        total = c.execute(select(func.count()).select_from(ind)).scalar_one()
    return rows, total


def get_indicator(store: Any, indicator_id: str) -> dict[str, Any] | None:
    """A catalog indicator with its aliases, or None."""
    ind, al = t.indicators, t.indicator_aliases
    with store.engine.connect() as c:
        row = c.execute(select(ind).where(ind.c.id == indicator_id)).mappings().first()
        if row is None:
            return None
        aliases = [dict(r) for r in c.execute(select(al.c.alias, al.c.lang, al.c.origin)
                                               .where(al.c.indicator_id == indicator_id)).mappings()]  # fmt: skip
    return {**dict(row), "aliases": aliases}


def list_revisions(store: Any, *, indicator: str | None = None, region: str | None = None, limit: int = 100,
                   offset: int = 0) -> tuple[list[dict[str, Any]], int]:  # fmt: skip
    """Revision records, oldest first, and the total."""
    rv = t.revisions
    conds = []
    if indicator:
        conds.append(rv.c.indicator_id == indicator)
    if region:
        conds.append(func.lower(rv.c.region) == region.lower())
    where = and_(*conds) if conds else literal(True)
    q = (
        select(rv)
        .where(where)
        .order_by(rv.c.id)
        .limit(max(1, min(limit, MAX_PAGE_SIZE)))
        .offset(max(0, offset))
    )
    with store.engine.connect() as c:
        rows = [dict(r) for r in c.execute(q).mappings()]
        total = c.execute(select(func.count()).select_from(rv).where(where)).scalar_one()
    return rows, total
