"""Every target's narrow filter and sort keys in memory, per data version: pages without a sort in SQL.

A scoreboard page is "targets matching these filters, in this order, rows
k..k+50". In SQL that is a scan and a sort of every matching target on each
request (100,000 targets: 70-250 ms of CPU depending on the sort and the
join to assessments). The board loads the keys of all targets once per data
version (one query, ~1 s at 100,000 targets), keeps one sorted order per sort
and one index per equality filter, and answers a page by walking an order
and keeping the ids that pass the filters: a few milliseconds.

What the database decides stays with the database, so a board page is the
SQL page exactly (checked on both backends by ``tests/test_board.py``):

- text order (dates, titles, indicator names, ids) is computed by the
  database's own collation, as ranks, in the loading query;
- case folding of stored values is the database's ``lower()``; filters are
  folded with Python's ``str.lower()``, as the SQL path does;
- filters the board cannot mirror exactly (``q`` over sentences,
  ``document`` over sources: SQLite's ``LIKE`` is case-blind, PostgreSQL's
  is not; a ``year`` that is not four digits) return ``None``: the caller
  falls back to SQL.
"""

from __future__ import annotations

import logging
import threading
import time
from array import array
from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

from sqlalchemy import and_, func, literal, select

from goalpost.store import _schema as t
from goalpost.store._queries import SORTS
from goalpost.store._queries import STATUSES as _STATUS_ORDER

log = logging.getLogger(__name__)


class BoardRow(NamedTuple):
    """One target's keys (text already folded by the database)."""

    id: str
    document_id: str
    region: str | None  # lower(region)
    status: str  # coalesce(status, 'not_assessed')
    raw_status: str | None  # the assessment's status, None when not assessed
    progress: float | None
    date: str | None
    indicator_id: str | None
    indicator_text: str | None  # lower(indicator_text)
    title: str | None  # lower(documents.title)
    plan_pos: int  # position in plan order: (document rank, start, id)
    date_rank: int | None  # position of the date among the distinct dates; None: no date
    indicator_rank: int  # position of coalesce(indicator_id, indicator_text) among its values


def _load(store: Any) -> list[BoardRow]:
    """All non-rejected targets with their keys, in plan order, ranks from the database's order."""
    i, d, a = t.items, t.documents, t.assessments
    order = [func.coalesce(d.c.date, ""), func.coalesce(d.c.title, ""), d.c.id]
    rank = select(d.c.id, func.row_number().over(order_by=order).label("rk")).cte("doc_rank")
    ind_key = func.coalesce(i.c.indicator_id, i.c.indicator_text)
    live = and_(i.c.review_status != "rejected", i.c.kind == "target")
    q = (
        select(
            i.c.id,
            i.c.document_id,
            func.lower(i.c.region),
            func.coalesce(a.c.status, literal("not_assessed")),
            a.c.status,
            a.c.progress,
            i.c.date,
            i.c.indicator_id,
            func.lower(i.c.indicator_text),
            func.lower(d.c.title),
            ind_key,
        )
        .select_from(
            i.outerjoin(d, i.c.document_id == d.c.id)
            .outerjoin(a, a.c.target_id == i.c.id)
            .outerjoin(rank, rank.c.id == i.c.document_id)
        )
        .where(live)
        .order_by(func.coalesce(rank.c.rk, 0), i.c.start, i.c.id)  # the SQL path's plan order
    )
    with store.engine.connect() as c:
        # why: distinct values ranked by the database's own ORDER BY (its collation, its NULLs)
        dates = c.execute(select(i.c.date).where(live).distinct().order_by(i.c.date)).scalars()
        date_rank = {v: n for n, v in enumerate(dates)}
        keys = c.execute(select(ind_key).where(live).distinct().order_by(ind_key)).scalars()
        ind_rank = {v: n for n, v in enumerate(keys)}
        # why: regions, statuses, dates, indicators and titles repeat across thousands of
        # targets; one string object per distinct value keeps the board a third of the size
        pool: dict[Any, Any] = {}
        share = pool.setdefault
        return [
            BoardRow(
                r[0],
                *(share(v, v) for v in r[1:10]),
                n,
                date_rank[r[6]] if r[6] is not None else None,
                ind_rank[r[10]],
            )  # fmt: skip
            for n, r in enumerate(c.execute(q))
        ]


def _sort_key(sort: str) -> Callable[[BoardRow], tuple[Any, ...]]:
    """The SQL path's ORDER BY (``_queries._order``) over the board's keys."""
    if sort == "deadline":
        return lambda r: (r.date_rank is None, r.date_rank or 0, r.plan_pos)
    if sort == "status":
        ranks = {s: n for n, s in enumerate(_STATUS_ORDER)}
        # why: the SQL CASE maps the assessment's status; a missing one sorts last
        return lambda r: (ranks.get(r.raw_status or "", len(_STATUS_ORDER)), r.plan_pos)
    if sort == "progress":
        return lambda r: (r.progress is None, r.progress or 0.0, r.plan_pos)
    if sort == "-progress":
        return lambda r: (r.progress is None, -(r.progress or 0.0), r.plan_pos)
    if sort == "indicator":
        return lambda r: (r.indicator_rank, r.plan_pos)
    return lambda r: (r.plan_pos,)


class _Built(NamedTuple):
    """One data version's rows with their indexes (replaced whole, never edited)."""

    version: tuple[Any, ...]
    rows: list[BoardRow]
    by_region: dict[str | None, set[int]]
    by_status: dict[str, set[int]]
    orders: dict[str, Sequence[int]]  # row numbers in each sort's order


def _build(store: Any, version: tuple[Any, ...]) -> _Built:
    rows = _load(store)
    by_region: dict[str | None, set[int]] = {}
    by_status: dict[str, set[int]] = {}
    for n, r in enumerate(rows):
        by_region.setdefault(r.region, set()).add(n)
        by_status.setdefault(r.status, set()).add(n)
    # why: every order now, in the build, rather than on the first request that sorts by it
    # (a sort of 100,000 rows is 100-200 ms, which that request would pay)
    # (array of 4-byte ints: a list would hold an int object per entry, 6 lists x 100,000)
    orders: dict[str, Sequence[int]] = {"plan": range(len(rows))}
    for sort in SORTS:
        if sort != "plan":
            key = _sort_key(sort)
            orders[sort] = array("i", sorted(range(len(rows)), key=lambda n: key(rows[n])))
    return _Built(version, rows, by_region, by_status, orders)


class TargetBoard:
    """Pages and status counts of targets from memory, rebuilt when the data version changes.

    Thread-safe: the web app answers requests from a thread pool. With
    ``background=True`` (the web app's choice) a board that is missing or
    stale is built in a thread while requests are answered by SQL (``page``
    and ``status_counts`` return None), so no request waits for a build
    (about 2-3 s at 100,000 targets); without it the first call builds.

    >>> board = TargetBoard()
    >>> board.supports(type("F", (), {"q": "labs", "document": None, "year": None})())
    False
    """

    def __init__(self, *, background: bool = False, cache_size: int = 64) -> None:
        self.background = background
        self.cache_size = cache_size
        self.builds = 0
        self.last_build_seconds: float | None = None
        self._lock = threading.RLock()  # why: a synchronous build installs under the lock it holds
        self._built: _Built | None = None
        self._matches: OrderedDict[Any, Sequence[int]] = OrderedDict()
        self._building: threading.Thread | None = None

    @staticmethod
    def supports(f: Any) -> bool:
        """Whether these filters can be answered from the board exactly (else: SQL)."""
        if f.q or f.document:
            return False
        return not f.year or (len(f.year[:4]) == 4 and f.year[:4].isdigit())

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for a build in progress; True when none is left running."""
        thread = self._building
        if thread is not None:
            thread.join(timeout)
        return self._building is None or not self._building.is_alive()

    def _install(self, built: _Built, seconds: float) -> None:
        with self._lock:
            self._built = built
            self._matches.clear()
            self.builds += 1
            self.last_build_seconds = seconds

    def _run_build(self, store: Any, version: tuple[Any, ...]) -> None:
        t0 = time.perf_counter()
        try:
            built: _Built | None = _build(store, version)
        except Exception:  # why: a failed build leaves requests on SQL; the next one retries
            log.exception("target board build failed")
            built = None
        with self._lock:
            if built is not None:
                self._install(built, time.perf_counter() - t0)
            self._building = None

    def _current(self, store: Any, version: tuple[Any, ...]) -> _Built | None:
        """The board for this version, or None while it is being built in the background."""
        built = self._built
        if built is not None and built.version == version:
            return built
        with self._lock:
            if not self.background:
                if self._built is None or self._built.version != version:
                    t0 = time.perf_counter()
                    self._install(_build(store, version), time.perf_counter() - t0)
                return self._built
            if self._building is None:
                self._building = threading.Thread(
                    target=self._run_build, args=(store, version), daemon=True,
                    name="goalpost-target-board",
                )  # fmt: skip
                self._building.start()
        return None

    @staticmethod
    def _allowed(built: _Built, f: Any, *, with_status: bool = True) -> set[int] | None:
        """Row numbers passing the filters; None when nothing narrows."""
        sets: list[set[int]] = []
        if f.region:
            sets.append(built.by_region.get(f.region.lower(), set()))
        if with_status and f.status:
            sets.append(built.by_status.get(f.status, set()))
        tests: list[Callable[[BoardRow], bool]] = []
        if f.plan:
            plan, low = f.plan, f.plan.lower()
            tests.append(
                lambda r: r.document_id == plan or (r.title is not None and low in r.title)
            )
        if f.indicator:
            ind, low_i = f.indicator, f.indicator.lower()
            tests.append(
                lambda r: (
                    r.indicator_id == ind
                    or (r.indicator_text is not None and low_i in r.indicator_text)
                )
            )
        if f.year:
            year = f.year[:4]
            tests.append(lambda r: r.date is not None and r.date.startswith(year))
        if not sets and not tests:
            return None
        base = set.intersection(*sets) if sets else set(range(len(built.rows)))
        if tests:
            rows = built.rows
            base = {n for n in base if all(test(rows[n]) for test in tests)}
        return base

    def page(self, store: Any, version: tuple[Any, ...], f: Any, sort: str, limit: int,
             offset: int) -> tuple[list[str], int] | None:  # fmt: skip
        """Ids of one page of targets and the total matching, as ``list_items`` would give them.

        None when the board for ``version`` is still being built (background mode).
        """
        built = self._current(store, version)
        if built is None:
            return None
        with self._lock:
            if self._built is not built:
                return None  # replaced meanwhile by a newer version's board
            key = (sort, f.region, f.status, f.plan, f.indicator, f.year)
            matches = self._matches.get(key)
            if matches is None:
                order, allowed = (
                    built.orders.get(sort, built.orders["plan"]),
                    self._allowed(built, f),
                )
                matches = (
                    order if allowed is None else array("i", (n for n in order if n in allowed))
                )
                self._matches[key] = matches
                if len(self._matches) > self.cache_size:
                    self._matches.popitem(last=False)
            else:
                self._matches.move_to_end(key)
        rows = built.rows
        return [rows[n].id for n in matches[offset : offset + limit]], len(matches)

    def status_counts(self, store: Any, version: tuple[Any, ...], f: Any) -> dict[str, int] | None:
        """Targets per status under every filter but the status one (as ``status_counts``).

        None when the board for ``version`` is still being built (background mode).
        """
        built = self._current(store, version)
        if built is None:
            return None
        allowed = self._allowed(built, f, with_status=False)
        got = {
            s: (len(ns) if allowed is None else len(ns & allowed))
            for s, ns in built.by_status.items()
        }
        got = {s: n for s, n in got.items() if n}
        rest = sorted(set(got) - set(_STATUS_ORDER))
        return {s: got[s] for s in (*_STATUS_ORDER, *rest) if s in got}
