"""Full-text search over documents on SQLite (FTS5 trigram) and PostgreSQL, English and Chinese."""

from __future__ import annotations

import pytest
from web_fixtures import fill_store

from goalpost._models import Document
from goalpost.store._search import query_terms, search_documents, sentence_bounds


@pytest.mark.parametrize(
    ("query", "doc", "sentence"),
    [
        ("incubators", "report", "By July 2017 Guangzhou has 280 incubators."),
        ("INCUBATORS 280", "report", "By July 2017 Guangzhou has 280 incubators."),
        ('"high-tech enterprises"', "report", "In 2017 the city had 8,700 high-tech enterprises."),
        ("高新技术企业", "zh", "到2025年，全市高新技术企业超过15000家。"),
        (
            "企业",
            "zh",
            "到2025年，全市高新技术企业超过15000家。",
        ),  # two characters: below a trigram
    ],
)
def test_search_finds_matching_sentences(store, query, doc, sentence):
    ids = fill_store(store)
    results = search_documents(store, query)
    hit = next(r for r in results if r["id"] == ids[doc])
    assert sentence in [s["sentence"] for s in hit["sentences"]]


def test_search_requires_every_term_and_attaches_items(store):
    ids = fill_store(store)
    assert [r["id"] for r in search_documents(store, "incubators July")] == [ids["report"]]
    assert search_documents(store, "incubators zebra") == []
    [report] = [r for r in search_documents(store, "280") if r["id"] == ids["report"]]
    assert [i["id"] for i in report["sentences"][0]["items"]] == [ids["o_inc"]]


@pytest.mark.parametrize(
    "query",
    ['"', "a OR b*", "NEAR(x y)", "col:val", "'; DROP TABLE documents; --", "%", "_", "\x00x"],
)
def test_search_syntax_is_taken_literally(store, query):
    fill_store(store)
    assert isinstance(search_documents(store, query), list)
    assert store.count_documents() == 4


def test_search_index_follows_documents(store):
    doc = Document(
        id="d1", text="The zeppelin hangar opened in 2019.", title="Airships", source="a.txt"
    )
    store.save_document(doc, [])
    assert [r["id"] for r in search_documents(store, "zeppelin")] == ["d1"]
    newer = Document(
        id="d2", text="The blimp hangar opened in 2020.", title="Airships", source="a.txt"
    )
    assert store.save_document(newer, []) == "replaced"
    assert search_documents(store, "zeppelin") == []
    assert [r["id"] for r in search_documents(store, "blimp")] == ["d2"]


def test_query_terms_and_sentences():
    assert query_terms("  ") == []
    assert query_terms('a "b c" d') == ["a", "b c", "d"]
    text = "第一句。第二句有12个孵化器！Third one."
    a, b = sentence_bounds(text, text.index("孵化器"))
    assert text[a:b] == "第二句有12个孵化器！"


def test_migration_downgrade_and_upgrade(tmp_path):
    from alembic import command
    from sqlalchemy import inspect

    from goalpost.store import Store, migrate
    from goalpost.store._engine import alembic_config

    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    store.save_document(Document(id="d1", text="Quantum labs: 12.", title="Q", source="q.txt"), [])
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert "documents_fts" not in inspect(store.engine).get_table_names()
    migrate(store.engine, "head")
    assert [r["id"] for r in search_documents(store, "quantum")] == ["d1"]  # back-filled


def fts_rows(store) -> tuple[int, int, int]:
    with store.engine.connect() as c:
        return tuple(
            c.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one()
            for name in ("documents", "documents_fts", "documents_fts_rows")
        )


def test_search_index_rows_are_found_by_rowid_after_an_upgrade_and_a_vacuum(tmp_path):
    """Migration 0005: a database made at 0004 keeps its search; deletes find the row by id."""
    from alembic import command

    from goalpost.store import Store, migrate
    from goalpost.store._engine import alembic_config

    store = Store(f"sqlite:///{tmp_path / 'm.db'}")
    cfg = alembic_config(store.engine)
    with store.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    for k, word in enumerate(["zeppelin", "blimp", "dirigible"]):
        doc = Document(id=f"d{k}", text=f"The {word} hangar opened.", title="Airships",
                       source=f"{k}.txt")  # fmt: skip
        store.save_document(doc, [])
    migrate(store.engine, "head")
    assert fts_rows(store) == (3, 3, 3)
    with store.engine.connect() as c:
        c.exec_driver_sql("DELETE FROM documents WHERE id = 'd0'")  # before: scanned the index
        c.commit()
        c.exec_driver_sql("VACUUM")
    newer = Document(id="d9", text="The aerostat hangar opened.", title="Airships", source="1.txt")
    assert store.save_document(newer, []) == "replaced"
    assert fts_rows(store) == (2, 2, 2)
    assert search_documents(store, "zeppelin") == [] and search_documents(store, "blimp") == []
    assert [r["id"] for r in search_documents(store, "dirigible")] == ["d2"]
    assert [r["id"] for r in search_documents(store, "aerostat")] == ["d9"]
    with store.engine.connect() as c:  # every index row is the one its document's map names
        pairs = c.exec_driver_sql(
            "SELECT r.doc_id, f.doc_id FROM documents_fts_rows AS r "
            "JOIN documents_fts AS f ON f.rowid = r.fts_rowid"
        ).all()
    assert sorted(pairs) == [("d2", "d2"), ("d9", "d9")]
