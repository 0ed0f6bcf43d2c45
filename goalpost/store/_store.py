"""``Store``: every read and write goalpost does, as verb-named methods.

>>> store = Store("sqlite:///:memory:")
>>> store.count_documents()
0
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from goalpost._models import Document, Item, Section
from goalpost.store import _schema as t
from goalpost.store._bulk import bulk_insert, document_row, item_rows, section_rows
from goalpost.store._engine import create_db_engine, default_url, migrate, normalize_url

# Fields a reviewer may correct on an item.
CORRECTABLE = (
    "kind",
    "indicator_text",
    "indicator_id",
    "comparator",
    "value",
    "value_max",
    "unit",
    "date",
    "growth",
    "region",
    "section",
)


def now() -> str:
    """Current UTC time as ISO 8601 text (what every ``*_at`` column holds)."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A goalpost database (SQLite or PostgreSQL), migrated on open.

    >>> s = Store("sqlite:///:memory:")
    >>> s.url
    'sqlite:///:memory:'
    """

    def __init__(self, url: str | None = None, *, auto_migrate: bool = True) -> None:
        self.url = normalize_url(url or default_url())
        self.engine = create_db_engine(self.url)
        if auto_migrate:
            migrate(self.engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One atomic unit of work: everything in it is written, or nothing."""
        with self.engine.begin() as conn:
            if self.dialect == "sqlite":
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            yield conn

    def close(self) -> None:
        self.engine.dispose()

    # ---------------------------------------------------------------- documents
    def get_document_row(self, doc_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as c:
            row = (
                c.execute(select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
            )
        return dict(row) if row else None

    def has_document(self, doc_id: str) -> bool:
        with self.engine.connect() as c:
            return (
                c.execute(select(t.documents.c.id).where(t.documents.c.id == doc_id)).first()
                is not None
            )

    def count_documents(self) -> int:
        with self.engine.connect() as c:
            return c.execute(select(func.count()).select_from(t.documents)).scalar_one()

    def documents(self) -> list[dict[str, Any]]:
        """Every document's metadata (without its text), newest first."""
        cols = [c for c in t.documents.c if c.name != "text"]
        with self.engine.connect() as c:
            rows = c.execute(select(*cols).order_by(t.documents.c.date.desc())).mappings().all()
        return [dict(r) for r in rows]

    def get_document(self, doc_id: str) -> Document | None:
        """The stored Document with its outline, or None."""
        row = self.get_document_row(doc_id)
        if row is None:
            return None
        with self.engine.connect() as c:
            secs = c.execute(
                select(t.sections)
                .where(t.sections.c.document_id == doc_id)
                .order_by(t.sections.c.ordinal)
            ).mappings()
            sections = [
                Section(s["title"], s["level"], s["start"], s["heading_end"], s["end"], s["number"])
                for s in secs
            ]
        period = (row["period_start"], row["period_end"]) if row["period_start"] else None
        return Document(
            id=row["id"], text=row["text"], source=row["source"], title=row["title"], date=row["date"],
            period=period, lang=row["lang"] or "en", region=row["region"], sections=sections,
            format=row["format"] or "txt",
        )  # fmt: skip

    def save_document(
        self,
        doc: Document,
        items: Sequence[Item],
        *,
        is_plan: bool = False,
        size: int | None = None,
        links: dict[str, tuple[str | None, str | None, float | None]] | None = None,
        replace_source: bool = True,
    ) -> str:
        """Store a document with its extracted items in one transaction.

        Returns ``"unchanged"`` when this exact content is already stored (a
        no-op), ``"replaced"`` when an older version from the same source was
        swapped out, else ``"inserted"``. ``links`` maps item id to
        ``(indicator_id, method, score)``. Reviews of earlier versions are
        re-applied, so a person's corrections survive re-extraction.
        """
        try:
            return self._save_document(doc, items, is_plan=is_plan, size=size, links=links or {},
                                       replace_source=replace_source)  # fmt: skip
        except IntegrityError:
            # why: another writer stored this very content meanwhile (two ingests, one file)
            if self.has_document(doc.id):
                return "unchanged"
            raise

    def _save_document(self, doc: Document, items: Sequence[Item], *, is_plan: bool, size: int | None,
                       links: dict, replace_source: bool) -> str:  # fmt: skip
        with self.transaction() as c:
            if c.execute(select(t.documents.c.id).where(t.documents.c.id == doc.id)).first():
                return "unchanged"
            outcome = "inserted"
            if replace_source and doc.source:
                old = (
                    c.execute(select(t.documents.c.id).where(t.documents.c.source == doc.source))
                    .scalars()
                    .all()
                )
                if old:
                    c.execute(delete(t.items).where(t.items.c.document_id.in_(old)))
                    c.execute(delete(t.sections).where(t.sections.c.document_id.in_(old)))
                    c.execute(delete(t.documents).where(t.documents.c.id.in_(old)))
                    outcome = "replaced"
            self._insert_document(c, doc, is_plan=is_plan, size=size)
            self._insert_items(c, doc.id, items, links)
            self._reapply_reviews(c, doc.id)
            self._audit(c, "goalpost", f"document.{outcome}", "document", doc.id, None,
                        {"source": doc.source, "items": len(items)})  # fmt: skip
        return outcome

    def replace_extraction(self, doc: Document, items: Sequence[Item], *, is_plan: bool = False,
                           links: dict[str, tuple[str | None, str | None, float | None]] | None = None) -> None:  # fmt: skip
        """Re-extract a stored document: swap its items, keep reviews, one transaction."""
        with self.transaction() as c:
            c.execute(delete(t.items).where(t.items.c.document_id == doc.id))
            c.execute(delete(t.sections).where(t.sections.c.document_id == doc.id))
            c.execute(delete(t.documents).where(t.documents.c.id == doc.id))
            self._insert_document(c, doc, is_plan=is_plan, size=None)
            self._insert_items(c, doc.id, items, links or {})
            self._reapply_reviews(c, doc.id)
            self._audit(c, "goalpost", "document.reextracted", "document", doc.id, None,
                        {"items": len(items)})  # fmt: skip

    def _insert_document(
        self, c: Connection, doc: Document, *, is_plan: bool, size: int | None
    ) -> None:
        c.execute(
            insert(t.documents).values(**document_row(doc, is_plan=is_plan, size=size, stamp=now()))
        )
        if doc.sections:
            c.execute(insert(t.sections), section_rows(doc))

    def _insert_items(self, c: Connection, doc_id: str, items: Sequence[Item], links: dict) -> None:
        bulk_insert(c, t.items, item_rows(doc_id, items, links, now()))

    # ---------------------------------------------------------------- items
    def items(
        self,
        *,
        kind: str | None = None,
        region: str | None = None,
        indicator: str | None = None,
        document: str | None = None,
        plan: str | None = None,
        status: str | None = None,
        include_rejected: bool = False,
        limit: int | None = None,
        offset: int = 0,
        order: str = "date",
    ) -> list[dict[str, Any]]:
        """Items (targets and observations) as dicts, filtered.

        ``indicator`` matches the indicator id or, case-insensitively, the
        phrase; ``plan`` matches the document id or a part of its title;
        ``status`` filters targets by their assessment status. ``order`` is
        ``"date"`` (document date, document, position) or ``"plan"`` (document
        date, plan title, position: the scoreboard's order).
        """
        q = self._items_query(kind=kind, region=region, indicator=indicator, document=document,
                              plan=plan, status=status, include_rejected=include_rejected)  # fmt: skip
        d, i = t.documents, t.items
        if order == "plan":
            # why: coalesce, so rows without a date or title sort the same on SQLite and PostgreSQL
            q = q.order_by(func.coalesce(d.c.date, ""), func.coalesce(d.c.title, ""),
                           func.coalesce(i.c.start, 0), i.c.document_id, i.c.id)  # fmt: skip
        else:
            q = q.order_by(d.c.date, i.c.document_id, i.c.start, i.c.id)
        if limit is not None:
            q = q.limit(limit).offset(offset)
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    def count_items(self, **filters: Any) -> int:
        q = self._items_query(**filters)
        with self.engine.connect() as c:
            return c.execute(select(func.count()).select_from(q.subquery())).scalar_one()

    def _items_query(self, *, kind=None, region=None, indicator=None, document=None, plan=None,
                     status=None, include_rejected=False):  # fmt: skip
        i, d, a = t.items, t.documents, t.assessments
        q = (
            select(
                i,
                d.c.title.label("doc_title"), d.c.date.label("doc_date"), d.c.source.label("doc_source"),
                a.c.status.label("status"),
            )
            .select_from(i.outerjoin(d, i.c.document_id == d.c.id).outerjoin(a, a.c.target_id == i.c.id))
        )  # fmt: skip
        conds = []
        if kind:
            conds.append(i.c.kind == kind)
        if region:
            conds.append(func.lower(i.c.region) == region.lower())
        if indicator:
            like = f"%{indicator.lower()}%"
            conds.append(
                or_(i.c.indicator_id == indicator, func.lower(i.c.indicator_text).like(like))
            )
        if document:
            conds.append(or_(i.c.document_id == document, d.c.source.like(f"%{document}%")))
        if plan:
            conds.append(or_(d.c.id == plan, func.lower(d.c.title).like(f"%{plan.lower()}%")))
        if status:
            conds.append(a.c.status == status)
        if not include_rejected:
            conds.append(i.c.review_status != "rejected")
        return q.where(and_(*conds)) if conds else q

    def get_item(self, item_id: str) -> dict[str, Any] | None:
        rows = self._items_query(include_rejected=True).where(t.items.c.id == item_id)
        with self.engine.connect() as c:
            row = c.execute(rows).mappings().first()
        return dict(row) if row else None

    def set_item_links(self, links: dict[str, tuple[str | None, str | None, float | None]]) -> None:
        """Update items' indicator links (id -> (indicator_id, method, score))."""
        with self.transaction() as c:
            for item_id, (ind, method, score) in links.items():
                c.execute(
                    update(t.items).where(t.items.c.id == item_id)
                    .values(indicator_id=ind, link_method=method, link_score=score)
                )  # fmt: skip

    # ---------------------------------------------------------------- imports
    def save_imported(self, rows: Iterable[dict[str, Any]], *, import_file: str) -> int:
        """Insert imported observations/targets; rows already present are skipped.

        Each row needs ``id``, ``kind``, ``indicator_text``, ``value``, ``unit``
        and may have the other ``items`` columns. Returns how many were new.
        """
        stamp, new = now(), 0
        rows = list(rows)
        with self.transaction() as c:
            # why: look up only this call's ids (in chunks), not every imported id there is,
            # so a million-row import does not slow down batch after batch
            ids = [r["id"] for r in rows]
            existing: set[str] = set()
            for k in range(0, len(ids), 500):
                existing.update(
                    c.execute(
                        select(t.items.c.id).where(t.items.c.id.in_(ids[k : k + 500]))
                    ).scalars()
                )
            batch = []
            for r in rows:
                if r["id"] in existing:
                    continue
                existing.add(r["id"])
                batch.append({"origin": "imported", "document_id": None, "comparator": "=",
                              "growth": False, "review_status": "extracted", "created_at": stamp,
                              "import_file": import_file, **r})  # fmt: skip
            cols = {c.name for c in t.items.c}
            for k in range(0, len(batch), 1000):
                chunk = [
                    {key: v for key, v in row.items() if key in cols} for row in batch[k : k + 1000]
                ]
                norm = [{col: row.get(col) for col in cols} for row in chunk]
                c.execute(insert(t.items), norm)
            new = len(batch)
            if new:
                self._audit(c, "goalpost", "import", "file", import_file, None, {"rows": new})
        return new

    # ---------------------------------------------------------------- reviews
    def review_item(self, item_id: str, action: str, *, actor: str, fields: dict[str, Any] | None = None,
                    note: str | None = None) -> dict[str, Any]:  # fmt: skip
        """Accept, correct, reject or annotate an item; logged in the audit log.

        A correction is stored as such (``reviews`` row with the fields) and
        applied to the item, so every view shows the corrected value.
        """
        if action not in ("accept", "correct", "reject", "note"):
            raise ValueError(f"unknown review action {action!r}")
        # why: PostgreSQL text cannot hold NUL, and a SQLite backup holding one would not restore there
        fields = {k: v.replace("\x00", "") if isinstance(v, str) else v
                  for k, v in (fields or {}).items() if k in CORRECTABLE}  # fmt: skip
        note = note.replace("\x00", "") if note else note
        with self.transaction() as c:
            before = c.execute(select(t.items).where(t.items.c.id == item_id)).mappings().first()
            if before is None:
                raise KeyError(item_id)
            before = dict(before)
            c.execute(
                insert(t.reviews).values(
                    item_id=item_id, document_id=before["document_id"], start=before["start"],
                    end=before["end"], action=action, fields=json.dumps(fields, ensure_ascii=False),
                    note=note, actor=actor, created_at=now(),
                )
            )  # fmt: skip
            self._apply_review(c, item_id, action, fields)
            after = dict(c.execute(select(t.items).where(t.items.c.id == item_id)).mappings().one())
            self._audit(c, actor, f"review.{action}", "item", item_id,
                        {k: before[k] for k in (*CORRECTABLE, "review_status") if k in before},
                        {k: after[k] for k in (*CORRECTABLE, "review_status") if k in after} | ({"note": note} if note else {}))  # fmt: skip
            return after

    def _apply_review(
        self, c: Connection, item_id: str, action: str, fields: dict[str, Any]
    ) -> None:
        status = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}.get(action)
        values: dict[str, Any] = dict(fields)
        if status:
            values["review_status"] = status
        if "indicator_id" in fields:
            values["link_method"] = "manual"
            values["link_score"] = 100.0
        if values:
            c.execute(update(t.items).where(t.items.c.id == item_id).values(**values))

    def _reapply_reviews(self, c: Connection, doc_id: str) -> None:
        """Apply stored reviews to a document's fresh items (by id, else by same span)."""
        reviews = (
            c.execute(
                select(t.reviews).where(t.reviews.c.document_id == doc_id).order_by(t.reviews.c.id)
            )
            .mappings()
            .all()
        )
        if not reviews:
            return
        ids = set(c.execute(select(t.items.c.id).where(t.items.c.document_id == doc_id)).scalars())
        for r in reviews:
            target = r["item_id"] if r["item_id"] in ids else None
            if target is None and r["start"] is not None:
                target = c.execute(
                    select(t.items.c.id).where(
                        t.items.c.document_id == doc_id,
                        t.items.c.start == r["start"],
                        t.items.c.end == r["end"],
                    )
                ).scalar()
            if target:
                self._apply_review(c, target, r["action"], json.loads(r["fields"] or "{}"))

    def reviews(self, item_id: str | None = None) -> list[dict[str, Any]]:
        q = select(t.reviews).order_by(t.reviews.c.id)
        if item_id:
            q = q.where(t.reviews.c.item_id == item_id)
        with self.engine.connect() as c:
            return [dict(r) for r in c.execute(q).mappings()]

    # ---------------------------------------------------------------- indicators
    def _upsert(self, table: Any) -> Any:
        """An INSERT that can say ON CONFLICT, in this database's dialect."""
        if self.dialect == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        return dialect_insert(table)

    def save_catalog(self, indicators: Iterable[dict[str, Any]]) -> None:
        """Upsert catalog indicators and their aliases.

        Safe with several writers at once (ON CONFLICT, not read-then-write);
        a person's merge (``merged_into``) and manual aliases are never undone.
        """
        # why: rows upserted in one order (by id) by every writer, so two writers meeting the
        # same new indicators wait for each other instead of deadlocking (PostgreSQL)
        ordered = sorted(indicators, key=lambda ind: ind["id"])
        with self.transaction() as c:
            for ind in ordered:
                ind = dict(ind)
                aliases = ind.pop("aliases", [])
                row = {k: ind.get(k) for k in ("id", "name_en", "name_zh", "unit", "direction",
                                                "definition", "provisional", "merged_into")}  # fmt: skip
                row["provisional"] = bool(row["provisional"])
                stmt = self._upsert(t.indicators).values(**row)
                keep = {
                    k: stmt.excluded[k]
                    for k in (
                        "name_en",
                        "name_zh",
                        "unit",
                        "direction",
                        "definition",
                        "provisional",
                    )
                }
                c.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=keep))
                fresh = [{"indicator_id": row["id"], "alias": a, "lang": lang, "origin": "catalog"}
                         for a, lang in aliases]  # fmt: skip
                if fresh:
                    c.execute(
                        self._upsert(t.indicator_aliases).on_conflict_do_nothing(
                            index_elements=["indicator_id", "alias"]
                        ),
                        fresh,
                    )

    def indicators(self) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            rows = c.execute(select(t.indicators).order_by(t.indicators.c.id)).mappings().all()
        return [dict(r) for r in rows]

    def manual_links(self) -> dict[tuple[str, str | None], str]:
        """Links a person made: (normalised phrase, unit) -> indicator id."""
        with self.engine.connect() as c:
            rows = c.execute(select(t.indicator_links)).mappings().all()
        return {(r["phrase"], r["unit"]): r["indicator_id"] for r in rows}

    def link_phrase(self, phrase: str, unit: str | None, indicator_id: str, *, actor: str) -> int:
        """Record a person's link of a phrase to an indicator and apply it; returns items updated."""
        with self.transaction() as c:
            c.execute(delete(t.indicator_links).where(t.indicator_links.c.phrase == phrase,
                                                      t.indicator_links.c.unit == unit))  # fmt: skip
            c.execute(insert(t.indicator_links).values(phrase=phrase, unit=unit, indicator_id=indicator_id,
                                                       actor=actor, created_at=now()))  # fmt: skip
            res = c.execute(
                update(t.items).where(func.lower(t.items.c.indicator_text) == phrase.lower())
                .values(indicator_id=indicator_id, link_method="manual", link_score=100.0)
            )  # fmt: skip
            self._audit(c, actor, "indicator.link", "indicator", indicator_id, None,
                        {"phrase": phrase, "unit": unit})  # fmt: skip
            return res.rowcount or 0

    def merge_indicators(self, source_id: str, into_id: str, *, actor: str) -> int:
        """Merge one indicator into another: items and aliases move; recorded."""
        with self.transaction() as c:
            res = c.execute(update(t.items).where(t.items.c.indicator_id == source_id)
                            .values(indicator_id=into_id, link_method="manual"))  # fmt: skip
            c.execute(update(t.indicator_links).where(t.indicator_links.c.indicator_id == source_id)
                      .values(indicator_id=into_id))  # fmt: skip
            c.execute(
                update(t.indicators)
                .where(t.indicators.c.id == source_id)
                .values(merged_into=into_id)
            )
            self._audit(
                c, actor, "indicator.merge", "indicator", source_id, None, {"into": into_id}
            )
            return res.rowcount or 0

    def merged(self) -> dict[str, str]:
        """Indicator merges a person made: source id -> id it was merged into."""
        with self.engine.connect() as c:
            rows = c.execute(select(t.indicators.c.id, t.indicators.c.merged_into)
                             .where(t.indicators.c.merged_into.is_not(None))).all()  # fmt: skip
        return {a: b for a, b in rows}

    # ---------------------------------------------------------------- assessments
    def save_assessments(
        self,
        rows: Sequence[dict[str, Any]],
        revisions: Sequence[dict[str, Any]] = (),
        *,
        indicators: set[str] | None = None,
    ) -> None:
        """Replace assessment results and revisions in one transaction.

        With ``indicators``, only the targets and revisions of those indicators
        are replaced (what a single review changes); otherwise everything is.
        """
        with self.transaction() as c:
            if self.dialect == "postgresql":
                # why: two re-assessments at once would both delete the old rows, then insert
                # the same keys; this takes them one at a time (readers are not blocked)
                c.exec_driver_sql("LOCK TABLE assessments, revisions IN SHARE ROW EXCLUSIVE MODE")
            if indicators is None:
                c.execute(delete(t.assessments))
                c.execute(delete(t.revisions))
            else:
                ids = [r["target_id"] for r in rows]
                touched = select(t.items.c.id).where(t.items.c.indicator_id.in_(sorted(indicators)))
                c.execute(delete(t.assessments).where(t.assessments.c.target_id.in_(touched)))
                for k in range(0, len(ids), 500):
                    c.execute(
                        delete(t.assessments).where(t.assessments.c.target_id.in_(ids[k : k + 500]))
                    )
                c.execute(
                    delete(t.revisions).where(t.revisions.c.indicator_id.in_(sorted(indicators)))
                )
            stamp = now()
            for k in range(0, len(rows), 1000):
                c.execute(
                    insert(t.assessments), [{"computed_at": stamp, **r} for r in rows[k : k + 1000]]
                )
            if revisions:
                c.execute(insert(t.revisions), list(revisions))
            if indicators is None:
                # why: every row was just replaced; with stale statistics the planner guesses 200
                # targets per status instead of 12,000 and a filtered page takes 6 s, not 0.2 s
                # (PostgreSQL). SQLite keeps no statistics unless asked: without them a page
                # filtered by status walks all 100,000 targets instead of the status index
                # (215 -> 85 ms); items are analyzed here too (~1 s at 1.1M rows) because
                # assessing follows ingest and import, so the tables are at their new size.
                tables = ("items",) if self.dialect == "sqlite" else ()
                for table in (*tables, "assessments", "revisions"):
                    c.exec_driver_sql(f"ANALYZE {table}")

    def assessments(self, ids: Sequence[str] | None = None) -> dict[str, dict[str, Any]]:
        """Assessment rows by target id: all of them, or only those of the targets ``ids``."""
        q = select(t.assessments)
        with self.engine.connect() as c:
            if ids is None:
                return {r["target_id"]: dict(r) for r in c.execute(q).mappings()}
            out: dict[str, dict[str, Any]] = {}
            for k in range(0, len(ids), 500):  # why: bound-parameter limits
                part = q.where(t.assessments.c.target_id.in_(list(ids[k : k + 500])))
                out.update({r["target_id"]: dict(r) for r in c.execute(part).mappings()})
            return out

    def revisions(self, ids: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Revision records, oldest first: all, or those a target of ``ids`` takes part in."""
        rv = t.revisions
        with self.engine.connect() as c:
            if ids is None:
                return [dict(r) for r in c.execute(select(rv).order_by(rv.c.id)).mappings()]
            found: dict[int, dict[str, Any]] = {}
            for k in range(0, len(ids), 500):
                part = list(ids[k : k + 500])
                q = select(rv).where(or_(rv.c.older_id.in_(part), rv.c.newer_id.in_(part)))
                found.update({r["id"]: dict(r) for r in c.execute(q).mappings()})
            return [found[i] for i in sorted(found)]

    # ---------------------------------------------------------------- audit
    def _audit(self, c: Connection, actor: str, action: str, entity: str, entity_id: str | None,
               before: Any, after: Any) -> None:  # fmt: skip
        c.execute(
            insert(t.audit_log).values(
                at=now(), actor=actor, action=action, entity=entity, entity_id=entity_id,
                before=None if before is None else json.dumps(before, ensure_ascii=False, default=str),
                after=None if after is None else json.dumps(after, ensure_ascii=False, default=str),
            )
        )  # fmt: skip

    def audit_log(self, limit: int = 100) -> list[dict[str, Any]]:
        with self.engine.connect() as c:
            q = select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit)
            return [dict(r) for r in c.execute(q).mappings()]
