"""The store on SQLite and PostgreSQL: documents, items, reviews, imports, integrity."""

from __future__ import annotations

import pytest

from goalpost._models import Document, Item, Section
from goalpost.store import Store
from goalpost.store._maintenance import backup, check_integrity, restore

TEXT = "Overall Goal\nBy 2021 the city will have over 12,000 hi-tech companies.\n"


def make_doc(text: str = TEXT, source: str = "plan.txt") -> Document:
    return Document(
        id=Document.content_id(text), text=text, source=source, title="Plan (2019-2021)", date="2019-09-30",
        period=(2019, 2021), lang="en", region="Guangzhou",
        sections=[Section("Overall Goal", 1, 0, 12, len(text))],
    )  # fmt: skip


def make_item(doc: Document, value: float = 12000.0) -> Item:
    s = doc.text.index("over 12,000")
    sent_start = doc.text.index("By 2021")
    return Item(
        doc=doc.id, kind="target", indicator="hi-tech companies", comparator=">", value=value, unit="count",
        start=s, end=s + len("over 12,000"), sentence=doc.text[sent_start:-1], date="2021", region="Guangzhou",
        section="Overall Goal", sentence_start=sent_start, sentence_end=len(doc.text) - 1,
    )  # fmt: skip


def test_save_document_is_a_noop_when_unchanged(store: Store) -> None:
    doc = make_doc()
    assert store.save_document(doc, [make_item(doc)]) == "inserted"
    assert store.save_document(doc, [make_item(doc)]) == "unchanged"
    assert store.count_documents() == 1
    assert store.count_items() == 1


def test_changed_file_replaces_its_old_extraction(store: Store) -> None:
    old = make_doc()
    store.save_document(old, [make_item(old)])
    new = make_doc(TEXT.replace("12,000", "13,000"))
    s = new.text.index("over 13,000")
    item = make_item(old)
    item.doc, item.value, item.start, item.end = new.id, 13000.0, s, s + 11
    assert store.save_document(new, [item]) == "replaced"
    assert store.count_documents() == 1
    assert [i["value"] for i in store.items()] == [13000.0]


def test_document_round_trips_with_outline(store: Store) -> None:
    doc = make_doc()
    store.save_document(doc, [])
    back = store.get_document(doc.id)
    assert back is not None
    assert back.text == doc.text and back.period == (2019, 2021)
    assert back.sections == doc.sections


def test_correction_survives_reextraction_and_is_audited(store: Store) -> None:
    doc = make_doc()
    item = make_item(doc)
    store.save_document(doc, [item])
    after = store.review_item(
        item.id, "correct", actor="ana", fields={"value": 12500.0}, note="typo"
    )
    assert after["value"] == 12500.0 and after["review_status"] == "corrected"
    store.replace_extraction(doc, [make_item(doc)])
    row = store.get_item(item.id)
    assert row["value"] == 12500.0 and row["review_status"] == "corrected"
    log = store.audit_log()
    review = next(e for e in log if e["action"] == "review.correct")
    assert (
        review["actor"] == "ana"
        and '"value": 12000.0' in review["before"]
        and "12500" in review["after"]
    )


def test_rejected_items_are_hidden_from_listings(store: Store) -> None:
    doc = make_doc()
    item = make_item(doc)
    store.save_document(doc, [item])
    store.review_item(item.id, "reject", actor="ana")
    assert store.items() == []
    assert len(store.items(include_rejected=True)) == 1


def test_review_of_unknown_item_raises(store: Store) -> None:
    with pytest.raises(KeyError):
        store.review_item("nope", "accept", actor="x")


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"kind": "target"}, 1),
        ({"kind": "observation"}, 0),
        ({"region": "guangzhou"}, 1),
        ({"region": "Guangdong"}, 0),
        ({"indicator": "hi-tech"}, 1),
        ({"plan": "2019-2021"}, 1),
        ({"plan": "' OR 1=1 --"}, 0),
    ],
)
def test_item_filters(store: Store, filters: dict, expected: int) -> None:
    doc = make_doc()
    store.save_document(doc, [make_item(doc)])
    assert len(store.items(**filters)) == expected


def test_imported_rows_are_deduplicated(store: Store) -> None:
    row = {"id": "i1", "kind": "observation", "indicator_text": "incubators", "value": 280.0, "unit": "count",
           "date": "2017-07", "region": "Guangzhou", "source": "report"}  # fmt: skip
    assert store.save_imported([row], import_file="a.csv") == 1
    assert store.save_imported([row], import_file="a.csv") == 0
    assert store.items(kind="observation")[0]["source"] == "report"


def test_merge_and_manual_link(store: Store) -> None:
    store.save_catalog([
        {"id": "a", "name_en": "A", "unit": "count", "aliases": [("a", "en")]},
        {"id": "b", "name_en": "B", "unit": "count", "aliases": []},
    ])  # fmt: skip
    doc = make_doc()
    store.save_document(doc, [make_item(doc)], links={make_item(doc).id: ("a", "alias", 100.0)})
    assert store.merge_indicators("a", "b", actor="ana") == 1
    assert store.items()[0]["indicator_id"] == "b"
    assert store.merged() == {"a": "b"}
    assert store.link_phrase("hi-tech companies", "count", "a", actor="ana") == 1
    assert store.manual_links()[("hi-tech companies", "count")] == "a"


def test_integrity_backup_and_restore_round_trip(store: Store, tmp_path) -> None:
    doc = make_doc()
    store.save_document(doc, [make_item(doc)])
    assert check_integrity(store) == []
    path = tmp_path / "backup.jsonl.gz"
    n = backup(store, path)
    assert n >= 3
    store.review_item(make_item(doc).id, "reject", actor="x")
    restore(store, path)
    assert len(store.items()) == 1 and store.count_documents() == 1
    assert check_integrity(store) == []


def test_migrations_match_the_schema(store: Store) -> None:
    """Alembic's head builds exactly the tables and indexes ``_schema.py`` declares."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from goalpost.store import metadata

    def ours(obj, name, type_, reflected, compare_to) -> bool:
        # why: full-text search tables and triggers live outside the Core metadata on purpose
        if reflected and compare_to is None and type_ == "table":
            return False
        return not (type_ == "index" and name == "ix_documents_fts")

    with store.engine.connect() as c:
        ctx = MigrationContext.configure(c, opts={"include_object": ours})
        diff = compare_metadata(ctx, metadata)
    assert diff == []


def test_partial_assessment_replaces_only_the_indicators_named(store: Store) -> None:
    doc = make_doc()
    item = make_item(doc)
    store.save_document(doc, [item], links={item.id: ("high-tech-enterprises", "alias", 100.0)})
    row = {
        "target_id": item.id,
        "status": "insufficient_data",
        "method": "growth_ratio",
        "explanation": "x",
    }
    other = {
        "target_id": "other",
        "status": "achieved",
        "method": "growth_ratio",
        "explanation": "y",
    }
    store.save_assessments([row, other])
    store.save_assessments([{**row, "status": "achieved"}], indicators={"high-tech-enterprises"})
    got = store.assessments()
    assert got[item.id]["status"] == "achieved" and got["other"]["status"] == "achieved"
    store.save_assessments([], indicators={"high-tech-enterprises"})
    assert set(store.assessments()) == {"other"}


def test_head_revision_read_without_alembic_is_alembics_head(store: Store) -> None:
    """The fast path that skips Alembic on an up-to-date database knows the real head."""
    from alembic.script import ScriptDirectory

    from goalpost.store._engine import alembic_config, current_revision, head_revision

    assert (
        head_revision()
        == ScriptDirectory.from_config(alembic_config(store.engine)).get_current_head()
    )
    assert current_revision(store.engine) == head_revision()


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [
        ("journal_mode", "wal"),
        ("foreign_keys", 1),
        ("synchronous", 1),
        ("wal_autocheckpoint", 16384),
    ],
)
def test_sqlite_connections_get_the_pragmas_goalpost_relies_on(
    tmp_path, pragma: str, expected: object
) -> None:
    store = Store(f"sqlite:///{tmp_path / 'p.db'}")
    with store.engine.connect() as c:
        assert c.exec_driver_sql(f"PRAGMA {pragma}").scalar() == expected
